"""A country's "its airspace": the airspace a possessive pronoun gives back to its country.

"Iran closed its airspace", "Romania scrambled jets after a drone breached its
airspace", "Estonia said a Russian helicopter intruded into its airspace": the
airspace is that of the country the clause is about, which the text names only
as the subject of a verb above the pronoun. The mention is the words "its
airspace", standing for that country's airspace as "Iranian airspace" does.

Only a country, or a government's seat of a country ("the Iraqi government"),
that a verb above the pronoun makes the owner is its antecedent (see
:func:`_antecedent`): "Russian jets violated its airspace" gives the airspace
to no one rather than to the jets' country, and in "Turkey says Syria violated
its airspace" it is Turkey's. In "Iran closed its airspace" the event takes
Iran itself (``subject`` role of :mod:`layers.roles`), so no mention is made;
a list of countries ("Jordan and Iraq closed their airspace") has no one
country to stand for.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from itertools import pairwise

from spacy.tokens import Doc, Token

from geo.cues import SAYING
from geo.nlp import doc_text
from geo.types import AreaKind, AreaSpec, Mention, MentionKind

__all__ = ["AIRSPACE_WORDS", "ANTECEDENT_LABEL", "own_airspace_mentions"]

ANTECEDENT_LABEL = "ANTECEDENT"
"""The :attr:`Mention.label` of a pronoun's airspace ("its airspace"): its
``name`` is the country the pronoun stands for."""

_POSSESSIVE_WORD = re.compile(r"\b(?:its|their)\b", re.IGNORECASE)
AIRSPACE_WORDS = frozenset({"airspace", "air-space"})
"""The words for a state's sky."""
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_BETWEEN = frozenset({"own", "entire", "whole", "national", "sovereign", "territorial"})
_MAX_HOPS = 8

_OWNER_VERBS = frozenset(
    {"close", "shut", "reopen", "open", "restrict", "defend", "protect", "patrol", "guard",
     "monitor", "seal"}
)  # fmt: skip
"""What a state does to its own airspace: the nearest such verb's subject is the owner."""

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
    out: list[Mention] = []
    text = doc_text(doc)
    if "airspace" not in text and "air-space" not in text:
        return out  # most stories: no token need be made
    taken = [(m.start, m.end) for m in found]
    for match in _POSSESSIVE_WORD.finditer(text):
        word = doc.char_span(match.start(), match.end())
        if word is None:
            continue
        token = word[0]
        if token.dep_ != "poss":
            continue
        noun = token.head
        between = noun.doc[token.i + 1 : noun.i]
        if noun.lower_ not in AIRSPACE_WORDS or any(w.lower_ not in _BETWEEN for w in between):
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
                text=doc_text(doc)[start:end],
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
    """The country "its" stands for, read from the verbs above ``noun``, with its code.

    The nearest verb first: a state closes or guards its own sky, so a country
    there is the event's own subject (``None``: the event places it) and a
    government there speaks for its country ("the Iraqi government closed
    its airspace"); with no subject of its own it is what a verb above asks
    of its object ("the US urged Iraq to close its airspace"). Whoever
    violates, enters or uses the airspace is never its owner. Above it, the
    subject of a verb of saying wins ("Lithuania said Belarus let balloons
    drift into its airspace"), then the first country or government that is
    a subject ("Romania scrambled jets after a drone breached its airspace").
    """
    path = _verbs_above(noun)
    if not path:
        return None
    nearest, _ = path[0]
    if nearest.lemma_.lower() in _OWNER_VERBS:
        subject = _subject_of(nearest)
        if subject is not None:
            if _is_seat(subject):
                return _country_named_by(subject, found, country_of)
            return None  # "Iran closed its airspace": the closure's own subject
        stray = _subject_joined_elsewhere(nearest)
        if stray is not None:
            named = _country_named_by(stray, found, country_of)
            if named is not None:
                return named
    for (verb, _), (above, via) in pairwise(path):
        if via == "xcomp" and _subject_of(verb) is None:
            # "the US urged Iraq to close its airspace": what is asked of the object
            objects = [c for c in above.children if c.dep_ in ("dobj", "dative")]
            for obj in objects:
                named = _country_named_by(obj, found, country_of)
                if named is not None:
                    return named
            break
    higher = path[1:]
    for verb, _ in higher:
        if verb.lemma_.lower() in SAYING:
            subject = _subject_of(verb)
            if subject is not None and not _a_list(subject):
                named = _country_named_by(subject, found, country_of)
                if named is not None:
                    return named
    for verb, _ in higher:
        subject = _subject_of(verb)
        if subject is None or _a_list(subject):
            continue
        named = _country_named_by(subject, found, country_of)
        if named is not None:
            return named
    return None


def _verbs_above(noun: Token) -> list[tuple[Token, str]]:
    """The verbs above ``noun``, nearest first, each with the link it was reached by."""
    path: list[tuple[Token, str]] = []
    token = noun
    for _ in range(_MAX_HOPS):
        head = token.head
        if head.i == token.i:
            break
        if head.pos_ in ("VERB", "AUX"):
            path.append((head, token.dep_))
        token = head
    return path


def _subject_joined_elsewhere(verb: Token) -> Token | None:
    """The name right before a conjoined verb that the parse gave to the clause before.

    "India suspended a treaty and Pakistan closed its airspace": the small
    model may read "a treaty and Pakistan" as one object and leave "closed"
    without a subject; the proper noun right before the verb is its subject.
    """
    if verb.dep_ != "conj" or verb.i == 0:
        return None
    before = verb.doc[verb.i - 1]
    if before.pos_ == "ADV" and before.i > 0:
        before = verb.doc[before.i - 1]  # "and Pakistan also closed"
    if before.pos_ == "PROPN" and before.dep_ in ("conj", "dobj", "pobj") and before.head != verb:
        return before
    return None


def _subject_of(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in _SUBJECTS), None)


def _a_list(subject: Token) -> bool:
    """Whether the subject is a list ("Jordan, Iraq and Lebanon"): no one country."""
    return any(c.dep_ == "conj" for c in subject.children)


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
