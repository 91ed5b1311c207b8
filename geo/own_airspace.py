"""A country's "its airspace": the airspace a possessive pronoun gives back to its country.

"Iran closed its airspace", "Romania scrambled jets after a drone breached its
airspace", "Estonia said a Russian helicopter intruded into its airspace": the
airspace is that of the country the clause is about, which the text names only
as the subject of a verb above the pronoun. The mention is the words "its
airspace", standing for that country's airspace as "Iranian airspace" does.

Only a country, or a government's seat of a country ("the Iraqi government"),
that is the subject of a verb on the way up from the pronoun is its antecedent:
"Russian jets violated its airspace" gives the airspace to no one rather than
to the jets' country. The subject of the verb the airspace hangs on counts only
as a seat: in "Turkey says Syria violated its airspace" the airspace is
Turkey's, and in "Iran closed its airspace" the event takes Iran itself
(``subject`` role of :mod:`layers.roles`). A list of countries ("Jordan and
Iraq closed their airspace") has no one country to stand for.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.tokens import Doc, Token

from geo.types import AreaKind, AreaSpec, Mention, MentionKind

__all__ = ["ANTECEDENT_LABEL", "own_airspace_mentions"]

ANTECEDENT_LABEL = "ANTECEDENT"
"""The :attr:`Mention.label` of a pronoun's airspace ("its airspace"): its
``name`` is the country the pronoun stands for."""

_POSSESSIVES = frozenset({"its", "their"})
_AIRSPACE = frozenset({"airspace", "air-space"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_BETWEEN = frozenset({"own", "entire", "whole", "national", "sovereign", "territorial"})
_MAX_HOPS = 8

_SEATS = frozenset(
    {
        "government", "authorities", "authority", "ministry", "military", "army", "cabinet",
        "regulator", "administration", "junta", "regime", "leadership", "kremlin",
    }
)  # fmt: skip
"""Who speaks and acts for a country: "the Iraqi government closed its airspace"."""


def own_airspace_mentions(
    doc: Doc,
    found: Sequence[Mention],
    country_of: Callable[[Mention], str | None],
) -> list[Mention]:
    """A mention for each "its airspace" whose country the clause's subject names.

    ``found`` are the document's place mentions; ``country_of`` gives the ISO
    code of a mention that names a whole country (``None`` for any other).
    """
    taken = [(m.start, m.end) for m in found]
    out: list[Mention] = []
    for token in doc:
        if token.lower_ not in _POSSESSIVES or token.dep_ != "poss":
            continue
        noun = token.head
        between = noun.doc[token.i + 1 : noun.i]
        if noun.lower_ not in _AIRSPACE or any(w.lower_ not in _BETWEEN for w in between):
            continue  # "its airspace", "its own airspace"
        start, end = token.idx, noun.idx + len(noun.text)
        if any(s < end and start < e for s, e in taken):
            continue
        antecedent = _antecedent(noun, found, country_of)
        if antecedent is None:
            continue
        mention, code = antecedent
        out.append(
            Mention(
                start=start,
                end=end,
                text=doc.text[start:end],
                kind=MentionKind.PHRASE,
                name=mention.name,
                anchor_start=token.idx,
                anchor_end=token.idx + len(token.text),
                label=ANTECEDENT_LABEL,
                area=AreaSpec(AreaKind.AIRSPACE),
                demonym_country=code,
            )
        )
    return out


def _antecedent(
    noun: Token, found: Sequence[Mention], country_of: Callable[[Mention], str | None]
) -> tuple[Mention, str] | None:
    """The country the subject of a verb above ``noun`` names, with its code."""
    token = noun
    nearest_verb = True
    for _ in range(_MAX_HOPS):
        head = token.head
        if head.i == token.i:
            return None
        for subject in head.children:
            if subject.dep_ not in _SUBJECTS or subject.i == token.i:
                continue
            if any(c.dep_ == "conj" for c in subject.children):
                return None  # "Jordan, Iraq and Lebanon closed their airspace"
            if nearest_verb and not _is_seat(subject):
                continue  # "Syria violated its airspace": the violator's is not "its"
            named = _country_named_by(subject, found, country_of)
            if named is not None:
                return named
        if head.pos_ in ("VERB", "AUX"):
            nearest_verb = False
        token = head
    return None


def _is_seat(subject: Token) -> bool:
    return subject.lower_ in _SEATS or subject.lemma_.lower() in _SEATS


def _country_named_by(
    subject: Token, found: Sequence[Mention], country_of: Callable[[Mention], str | None]
) -> tuple[Mention, str] | None:
    """The country a subject is ("Iran") or whose seat it is ("the Iraqi government")."""
    words = [subject]
    if _is_seat(subject):
        words += [c for c in subject.lefts if c.dep_ in ("amod", "compound", "poss")]
    for word in words:
        for mention in found:
            if mention.start <= word.idx < mention.end:
                code = country_of(mention)
                if code is not None:
                    return mention, code
    return None
