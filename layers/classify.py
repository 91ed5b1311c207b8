"""Deciding what happened at each place, sentence by sentence.

For every resolved mention we find its *role* in the sentence's dependency
parse (is it where something happened, where someone went, what was hit, or
who did it?) and the *trigger* that governs it (the nearest word above it in
the parse that some layer lists: "struck", "talks", "shot down"). A mention
goes on the trigger's layer only in a spatial role: "by Syria" and "Israel's
attack" name the actor, "Moscow said" names a government, and neither is
where an event took place. Mentions no event layer takes go on the default
layer ("places").

Every event also gets its date (:func:`layers.dates.citation_date`): the day
its sentence gives, else the article's date, else none.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from geo.types import MentionKind, Resolved
from layers.dates import citation_date
from layers.types import Citation, Event, LayerDefinition, TriggerRule

__all__ = ["ArticleInfo", "Role", "classify_article", "find_trigger", "mention_role"]

_LOCATIVE = frozenset(
    {
        "in",
        "at",
        "on",
        "near",
        "over",
        "off",
        "around",
        "inside",
        "outside",
        "across",
        "along",
        "within",
        "above",
        "throughout",
        "aboard",
        "through",
        "between",
        "beyond",
        "upon",
        "onto",
        "beneath",
        "below",
        "amid",
        "among",
    }
)
_DESTINATION = frozenset({"to", "into", "toward", "towards"})
_CLAUSE_DEPS = frozenset({"advcl", "ccomp", "xcomp", "relcl", "parataxis", "conj", "acl"})
_PARTICLES = frozenset({"down", "up", "off", "out"})
_ATTRIBUTION_HEADS = frozenset({"according", "due", "thanks", "owing", "contrary", "prior"})
_EXTENT_PREPOSITIONS = frozenset({"over", "off", "near", "above", "around", "along", "across"})
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "appos", "flat", "nummod", "poss"})
_SPEECH = frozenset({"say", "tell", "report", "state", "announce", "claim", "accuse", "add"})
_TRIGGER_POS = frozenset({"VERB", "NOUN", "PROPN", "ADJ"})
_MAX_HOPS = 4
_HOP_CONFIDENCE = (0.9, 0.8, 0.7, 0.6, 0.5)


@dataclass(frozen=True)
class ArticleInfo:
    """What a citation needs to know about the article it quotes."""

    id: str
    title: str | None = None
    date: str | None = None
    url: str | None = None


def _trigger_keys(token: Token) -> set[str]:
    """The words a token can match in a layer's trigger list."""
    keys = {token.lemma_.lower(), token.lower_}
    for child in token.children:
        if child.dep_ in ("prt", "advmod") and child.lower_ in _PARTICLES:
            keys.add(f"{token.lemma_.lower()} {child.lower_}")
            keys.add(f"{token.lower_} {child.lower_}")
        if child.dep_ == "compound" and child.i == token.i - 1:
            keys.add(f"{child.lower_} {token.lemma_.lower()}")
    doc = token.doc
    if token.i + 2 < len(doc) and doc[token.i + 1].text == "-":
        keys.add(f"{token.lower_}-{doc[token.i + 2].lower_}")
    if token.i >= 2 and doc[token.i - 1].text == "-":
        keys.add(f"{doc[token.i - 2].lower_}-{token.lower_}")
    return keys


@dataclass(frozen=True)
class Role:
    """How a mention attaches to its sentence.

    ``kind`` is one of ``location``, ``destination``, ``target``, ``compound``,
    ``agent`` or ``other``; ``governor`` is the word it attaches to and
    ``preposition`` the preposition in between, if any.
    """

    kind: str
    governor: Token
    preposition: str | None = None


def mention_role(root: Token, *, triggers: frozenset[str] = frozenset()) -> Role:
    """Find how the mention whose syntactic root is ``root`` attaches to its sentence.

    ``triggers`` are every layer's trigger words: a place compounded with one
    ("the Moscow talks") is where that event happened.
    """
    token = root
    for _ in range(8):
        head = token.head
        if head is token:
            return Role("other", token)
        if token.pos_ == "ADP":
            return _prepositional(token.lower_, head)
        dep = token.dep_
        if dep in _MODIFIER_DEPS or dep == "conj":
            if dep != "conj" and _is_trigger_word(head, triggers):
                adjective = dep == "amod" or token.pos_ == "ADJ"
                return Role("agent" if dep == "poss" or adjective else "compound", head)
            token = head
            continue
        if dep == "pobj":
            word = head.lower_
            if head.dep_ == "agent" or word == "by":
                return Role("agent", head.head, word)
            if word == "of":
                token = head.head
                continue
            return _prepositional(word, head.head)
        if dep in ("dobj", "nsubjpass", "attr", "oprd"):
            return Role("target", head)
        if dep in ("nsubj", "csubj", "agent"):
            return Role("agent", head)
        return Role("other", head)
    return Role("other", token)


def _prepositional(word: str, governor: Token) -> Role:
    if governor.lower_ in _ATTRIBUTION_HEADS:
        return Role("other", governor, word)  # "according to Moscow" cites a source
    if word in _DESTINATION:
        return Role("destination", governor, word)
    return Role("location" if word in _LOCATIVE else "other", governor, word)


def _is_trigger_word(token: Token, triggers: frozenset[str]) -> bool:
    return token.pos_ in _TRIGGER_POS and bool(_trigger_keys(token) & triggers)


def _rule_fires(rule: TriggerRule, keys: set[str], role: str, sentence_lemmas: set[str]) -> bool:
    if not keys & set(rule.triggers):
        return False
    if rule.roles and role not in rule.roles:
        return False
    return not rule.requires or bool(sentence_lemmas & set(rule.requires))


def _match_layer(
    token: Token, role: str, layers: Sequence[LayerDefinition], sentence_lemmas: set[str]
) -> LayerDefinition | None:
    if token.pos_ not in _TRIGGER_POS:
        return None
    keys = _trigger_keys(token)
    for layer in layers:
        if any(_rule_fires(rule, keys, role, sentence_lemmas) for rule in layer.rules):
            return layer
    return None


def find_trigger(
    role: Role, layers: Sequence[LayerDefinition], sentence_lemmas: set[str]
) -> tuple[LayerDefinition, Token, int] | None:
    """The layer whose trigger governs a mention with this role, and how far up it is.

    Walks up the parse from the governor. A trigger that only modifies the
    governing noun ("the downed jet over X") counts when the preposition
    traces a path or extent (over, off, near …), not for a bare "in"/"at",
    which in such sentences more often places something else.
    """
    kind = role.kind
    if kind in ("agent", "other"):
        return None
    node = role.governor
    hops = _MAX_HOPS if kind in ("location", "destination") else 0
    modifiers_count = role.preposition in _EXTENT_PREPOSITIONS
    for hop in range(hops + 1):
        layer = _match_layer(node, kind, layers, sentence_lemmas)
        if layer is not None:
            return layer, node, hop
        for child in node.children if hop == 0 and modifiers_count else ():
            if child.dep_ in ("amod", "compound") and child.i < node.i:
                layer = _match_layer(child, kind, layers, sentence_lemmas)
                if layer is not None:
                    return layer, child, hop
        if node.lemma_.lower() in _SPEECH or node.head is node:
            return None
        if node.dep_ in ("nsubj", "csubj"):
            # The place locates the doer, not the deed: "the embassy in X
            # struck a sharper note", "officials in X said".
            return None
        if node.dep_ in _CLAUSE_DEPS:
            return None  # a trigger in another clause describes another event
        node = node.head
    return None


def _citation(text: str, sentence: Span, start: int, end: int, article: ArticleInfo) -> Citation:
    quote = sentence.text
    leading = len(quote) - len(quote.lstrip())
    quote = quote.strip()
    return Citation(
        article=article.id,
        title=article.title,
        date=article.date,
        quote=quote,
        quote_start=sentence.start_char + leading,
        start=start,
        end=end,
        mention=text[start:end],
        url=article.url,
    )


def classify_article(
    doc: Doc,
    resolved: Sequence[Resolved],
    *,
    article: ArticleInfo,
    layers: Sequence[LayerDefinition],
) -> list[Event]:
    """Every event of one article: each resolved mention on one or more layers."""
    triggers = frozenset(t for layer in layers for rule in layer.rules for t in rule.triggers)
    sentences = list(doc.sents)
    sentence_starts = [sent.start for sent in sentences]
    text = doc.text  # spaCy joins every token on each access: once per article
    default = next(layer for layer in layers if layer.default)
    event_layers = [layer for layer in layers if not layer.default]
    events: list[Event] = []
    previous: Resolved | None = None
    for item in resolved:
        place = item.place
        # "the village of X in Romania": Romania only says where X is, and X
        # (placed there by geo.located) carries the event, not the country.
        locates_previous = (
            place is not None
            and previous is not None
            and previous.place is not None
            and previous.place.gazetteer_id.startswith(f"{place.gazetteer_id}~in:")
        )
        previous = item
        if place is None:
            continue
        mention = item.mention
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        sentence = sentences[bisect.bisect_right(sentence_starts, span.start) - 1]
        citation = _citation(text, sentence, mention.start, mention.end, article)
        date, date_source = citation_date(citation)
        citation = dataclasses.replace(citation, event_date=(date, date_source))
        placed: list[Event] = []
        if mention.kind is MentionKind.PHRASE and mention.area is not None and not locates_previous:
            for layer in event_layers:
                if mention.area.kind.value in layer.area_kinds:
                    placed.append(
                        Event(
                            layer.id,
                            place,
                            citation,
                            round(place.confidence * 0.9, 3),
                            trigger=mention.text,
                            date=date,
                            date_source=date_source,
                        )
                    )
        role = mention_role(span.root, triggers=triggers)
        lemmas = {t.lemma_.lower() for t in sentence} | {t.lower_ for t in sentence}
        # A national adjective says whose, not where: "Russian troops were killed"
        # puts nothing in Russia. Demonyms reach event layers only through
        # spatial phrases ("Israeli airspace", "the Syrian coast"), above.
        bare_demonym = mention.kind is MentionKind.DEMONYM
        found = (
            None if bare_demonym or locates_previous else find_trigger(role, event_layers, lemmas)
        )
        if found is not None:
            layer, trigger, hop = found
            if all(e.layer != layer.id for e in placed):
                confidence = place.confidence * _HOP_CONFIDENCE[min(hop, 4)]
                placed.append(
                    Event(
                        layer.id,
                        place,
                        citation,
                        round(confidence, 3),
                        trigger=trigger.text,
                        date=date,
                        date_source=date_source,
                    )
                )
        if not placed:
            placed.append(
                Event(
                    default.id,
                    place,
                    citation,
                    place.confidence,
                    date=date,
                    date_source=date_source,
                )
            )
        events.extend(placed)
    return events
