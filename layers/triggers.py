"""Which words report an event, and of which type.

A token is a trigger when one of its keys (:func:`trigger_keys`: its lemma
or form, with a particle, its object, the modifier before it, its
preposition, the passive, its part of speech) is listed by a type of the
taxonomy. :func:`match_type` picks the type whose conditions hold best;
:class:`TypeIndex` gathers the types of a set of layers once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.strings import get_string_id
from spacy.tokens import Span, Token

from geo.cues import beside_a_number
from geo.phrases import BEARINGS
from layers.roles import PEOPLE_WHO_PROTEST, TOPIC, TOPICAL_TOO, is_one_of
from layers.types import EventType, LayerDefinition

__all__ = ["TypeIndex", "dates_a_clause", "match_type", "trigger_keys"]

_PARTICLES = frozenset({"down", "up", "off", "out", "back", "over", "into", "in"})


_TRIGGER_POS = frozenset({"VERB", "NOUN", "PROPN", "ADJ"})


_ASKING_FOR = frozenset(
    {
        "call", "push", "press", "appeal", "plead", "plea", "lobby", "clamor", "clamour",
        "campaign", "request",
        "ready", "prepare", "brace", "gear", "wait", "hope", "ask", "demand", "urge",
    }
)  # fmt: skip
"""Verbs whose "for" names what is wanted or awaited, not what happened: "called
for talks", "is readying for new sanctions", "braced for strikes"."""


_NAMED = frozenset({"ORG", "WORK_OF_ART", "LAW", "PRODUCT", "LANGUAGE", "DATE", "TIME"})
"""Entity labels whose words name something, not an event that happened ("in early
March" is a month, not a march)."""


def _protested_to_a_state(token: Token) -> bool:
    """Whether the verb "protest" is made to a state or its capital: "protested to Beijing".

    Not to a body in the street's reach: "teachers protested to the ministry in Abuja".
    """
    return token.lemma_.lower() == "protest" and any(
        prep.dep_ == "prep"
        and prep.lower_ == "to"
        # right after the verb: not "to protest against checkpoints on the road to
        # Bangui", however the parse hangs the road's end
        and 0 < prep.i - token.i <= 2
        and any(obj.dep_ == "pobj" and obj.ent_type_ == "GPE" for obj in prep.children)
        for prep in token.children
    )


_MONTHS = frozenset({"march", "may"})
"""Months whose names are also words a trigger list holds ("march")."""


def _a_month_beside_its_day(token: Token) -> bool:
    """Whether a capitalised month name stands beside a number: "26 March", "March 26"."""
    return token.lower_ in _MONTHS and token.text[0].isupper() and beside_a_number(token)


_POS_TAG = {"VERB": "verb", "AUX": "verb", "NOUN": "noun", "PROPN": "noun"}


_AUXILIARIES = frozenset(
    {"be", "have", "do", "will", "would", "shall", "should", "can", "could", "may", "might",
     "must", "ought", "need", "dare", "get", "'s", "'ve", "'d", "'ll", "'re", "'m"}
)  # fmt: skip
"""Lemmas that are auxiliaries; another word the tagger calls one is misread."""


def _part_of_speech(token: Token) -> str:
    """The token's coarse tag, a noun where the small tagger read one as an auxiliary.

    "Russian shelling hit a village": the small model tags "shelling" AUX,
    as if it were "was" before "hit"; no auxiliary is spelled so.
    """
    if token.pos_ == "AUX" and token.lemma_.lower() not in _AUXILIARIES:
        return "NOUN"
    return token.pos_


_CASUALTY_STATES = frozenset({"dead", "wounded", "injured"})
"""States a verb leaves or finds people in: "the raid left 22 people dead",
"was found dead" (keys ``leave dead``, ``find dead``)."""


_MISREAD_VERBS = {"shot": "shoot"}
"""Past forms the small tagger often reads as nouns ("gunmen shot and injured a
doctor", "police shot at a car"), with their verb's lemma."""


def _misread_verb(token: Token) -> str | None:
    """The verb a word tagged as a noun is, when nothing makes it a noun.

    "Gunmen shot and injured a doctor": no determiner, adjective, number or
    possessive before it, and a subject or a conjoined verb beside it.
    """
    verb = _MISREAD_VERBS.get(token.lower_)
    if verb is None or token.pos_ != "NOUN":
        return None
    children = list(token.children)
    if any(c.dep_ == "conj" and c.tag_ == "VBD" for c in children):
        return verb  # "a looter shot and killed a man": conjoined with a past verb
    if any(c.dep_ in ("det", "amod", "nummod", "poss", "compound") for c in children):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "conj", "cc", "prep", "dobj") for c in children):
        return verb
    return None


def _an_opening_plural(token: Token) -> str | None:
    """The singular of a plural noun the model read as a name at its sentence's start.

    "He said the army was "ready." Protesters gathered in Tripoli": after a
    quote the small tagger may read the capitalised plural opening a
    sentence as a proper noun, whose lemma is its own form. Only a
    capitalised word of lower-case letters ending in "s", opening its
    sentence.
    """
    if token.pos_ != "PROPN" or not token.is_sent_start or token.ent_type_ in _NAMED:
        return None
    text = token.text.lower()
    if len(text) < 4 or not token.text[0].isupper() or not token.text[1:].islower():
        return None
    if text.endswith("ies"):
        return text[:-3] + "y"  # "Rallies"
    if text.endswith(("ses", "xes", "zes", "ches", "shes")):
        return text[:-2]  # "Clashes", "Marches"
    return text[:-1] if text.endswith("s") and not text.endswith("ss") else None


def trigger_keys(token: Token) -> set[str]:
    """The keys a token can match in a type's trigger list.

    The lemma and the form; with a particle ("shoot down"); with its object
    ("open fire", "take control"), and a noun with the verb it is the
    object of ("lodge protest"); with the modifier before it ("missile
    strike", "car bomb"); after its preposition, in the parse or as written
    ("on strike", "amid faltering talks"); hyphenated
    forms; ``lemma passive`` when it is in the passive voice (``lemma by``
    when that names its agent), ``lemma modifier`` for a participle
    before a noun ("occupied Crimea") and ``lemma participle`` for one after
    it ("troops stationed in X"). Each is
    also given with the token's part of speech (``bomb/verb``).
    """
    lemma = token.lemma_.lower()
    verb = _misread_verb(token)
    if verb is not None:
        lemma = verb
    keys = {lemma, token.lower_}
    singular = _an_opening_plural(token)
    if singular is not None:
        lemma = singular  # "Protesters gathered …", read as a name after a quote
        keys.add(lemma)
    for child in token.children:
        if child.dep_ in ("prt", "advmod") and child.lower_ in _PARTICLES:
            keys.add(f"{lemma} {child.lower_}")
            keys.add(f"{token.lower_} {child.lower_}")
        elif child.dep_ in ("compound", "amod", "nmod") and child.i == token.i - 1:
            keys.add(f"{child.lower_} {lemma}")
            keys.add(f"{child.lemma_.lower()} {lemma}")
        elif child.dep_ in ("dobj", "pobj", "nsubjpass") or (
            child.dep_ == "prep" and _right_after(token, child)
        ):
            # with its object, or the subject of its passive: "ships were moved" (move ship)
            keys.add(f"{lemma} {child.lemma_.lower()}")
            # and the whole a share of it names: "sent a large number of
            # reinforcements" (send reinforcement), "fired dozens of rockets"
            keys.update(f"{lemma} {whole.lemma_.lower()}" for whole in _partitive_of(child))
            # and a named thing's kind: "the cruise ship Queen of Bergen was detained"
            # (detain ship; detain named ship, for a type that asks for a name)
            for kind in child.children:
                if child.pos_ == "PROPN" and kind.dep_ == "compound" and kind.pos_ == "NOUN":
                    keys.add(f"{lemma} {kind.lemma_.lower()}")
                    keys.add(f"{lemma} named {kind.lemma_.lower()}")
                elif child.pos_ == "NOUN" and kind.dep_ == "appos" and kind.pos_ == "PROPN":
                    keys.add(f"{lemma} named {child.lemma_.lower()}")  # "the ship MSC Aries"
            if child.dep_ == "dobj":
                # and each object after it: "closed the crossing and its airspace",
                # which the parse may join to the object or to the verb
                keys.update(
                    f"{lemma} {more.lemma_.lower()}"
                    for more in (*child.children, *token.children)
                    if more.dep_ == "conj" and more.pos_ in ("NOUN", "PROPN") and more.i > child.i
                )
        if child.dep_ in ("auxpass", "nsubjpass"):
            keys.add(f"{lemma} passive")
        if child.dep_ == "agent":
            keys.add(f"{lemma} by")  # "hit by power cuts": the passive names what did it
        for word in (child, *child.children):
            if word.lower_ in _CASUALTY_STATES and word.i > token.i:
                keys.add(f"{lemma} {word.lower_}")  # "left 22 people dead", "found dead"
        if child.dep_ == "prep":
            for grandchild in child.children:
                if grandchild.dep_ == "pobj" and not any(
                    c.dep_ == "prep" and c.lower_ == "of" for c in grandchild.children
                ):  # "killed in a flood of gunfire" is no flood: a measure of something
                    keys.add(f"{lemma} {child.lower_} {grandchild.lemma_.lower()}")
    if (token.dep_ == "amod" and token.tag_ == "VBN") or (
        token.dep_ == "pcomp" and token.tag_ in ("VBN", "VBD") and token.i == token.head.i + 1
    ):
        # "occupied Crimea", "in occupied Crimea" (which the parse reads as a verb after
        # "in"): a participle that describes
        keys.add(f"{lemma} modifier")
    if _an_epithet_after_a_comma(token):
        keys.add(f"{lemma} modifier")  # "JENIN, occupied West Bank (AP) -"
    if token.dep_ == "amod" and token.tag_ == "VBG":
        # "the visiting team", "the visiting minister": who is away from home, no visit
        keys.add(f"{token.lower_} modifier")
    if token.dep_ == "acl" and token.tag_ == "VBN":
        keys.add(f"{lemma} participle")  # "troops stationed in X": a participle after its noun
    head = token.head
    if token.dep_ in ("pobj", "pcomp") and head.i != token.i:
        # "amid talks"; and a gerund after its preposition: "before returning"
        if not _puts_under(head):
            keys.add(f"{head.lower_} {lemma}")
    elif token.dep_ == "dobj":
        keys.add(f"{head.lemma_.lower()} {lemma}")  # "launched an attack", "lodged a protest"
    elif token.dep_ == "conj":
        first = token
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
        if first.dep_ == "dobj":
            # each object of a list: "recovered rifles and grenades" (recover grenade)
            keys.add(f"{first.head.lemma_.lower()} {lemma}")
    doc = token.doc
    before = _preposition_before(token)
    if before is not None and not _puts_under(before):
        keys.add(f"{before.lower_} {lemma}")
    if token.i + 2 < len(doc) and doc[token.i + 1].text == "-":
        keys.add(f"{token.lower_}-{doc[token.i + 2].lower_}")
    tag = "verb" if verb is not None else _POS_TAG.get(_part_of_speech(token))
    if tag is not None:
        keys |= {f"{lemma}/{tag}", f"{token.lower_}/{tag}"}
    return keys


@dataclass(frozen=True)
class _TypeWords:
    """One event type's word lists as sets, for the many tokens it is tried on."""

    triggers: frozenset[str]
    excludes: frozenset[str]
    requires: frozenset[str]
    requires_also: frozenset[str]
    unless: frozenset[str]
    objects: frozenset[str]
    subjects: frozenset[str]

    @classmethod
    def of(cls, event_type: EventType) -> _TypeWords:
        return cls(
            frozenset(event_type.triggers),
            frozenset(event_type.excludes),
            frozenset(event_type.requires),
            frozenset(event_type.requires_also),
            frozenset(event_type.unless),
            frozenset(event_type.objects),
            frozenset(event_type.subjects),
        )


@dataclass(frozen=True)
class TypeIndex:
    """Every event type of a set of layers, with the layer that shows it.

    A type that two layers list is shown by the first (in layer order); a
    type no layer lists is still found, on the default layer.
    """

    types: tuple[tuple[EventType, str], ...]
    triggers: frozenset[str]
    words: frozenset[str] = frozenset()
    """Every word of every trigger key: a token whose lemma and form are not
    among them can match no key, so its keys need not be built."""
    word_ids: frozenset[int] = field(init=False, default=frozenset())
    """The same words as spaCy's string ids, which a token carries without
    building its strings (most tokens are looked at only to be passed over)."""
    by_key: Mapping[str, tuple[int, ...]] = field(
        init=False, default_factory=dict, compare=False, repr=False
    )
    """Each trigger key, with the positions in ``types`` of the types it triggers:
    a token's keys lead straight to its few candidate types."""
    word_sets: tuple[_TypeWords, ...] = field(init=False, default=(), compare=False, repr=False)
    """Each type's word lists as sets, in ``types`` order, made once."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "word_ids", frozenset(get_string_id(w) for w in self.words))
        by_key: dict[str, list[int]] = {}
        for order, (event_type, _) in enumerate(self.types):
            for key in event_type.triggers:
                by_key.setdefault(key, []).append(order)
        object.__setattr__(self, "by_key", {k: tuple(v) for k, v in by_key.items()})
        object.__setattr__(
            self, "word_sets", tuple(_TypeWords.of(event_type) for event_type, _ in self.types)
        )

    def candidates(self, keys: AbstractSet[str]) -> list[int]:
        """The positions in ``types`` of the types one of ``keys`` triggers, in order."""
        return sorted({order for key in keys & self.triggers for order in self.by_key[key]})

    @classmethod
    def of(cls, layers: Sequence[LayerDefinition]) -> TypeIndex:
        """Index the types of ``layers`` (already in layer order).

        Built once per set of layers: a caller that passes no index to
        :func:`layers.events.detect_events` asks for it on every article.
        """
        return _index_of(tuple(layers))


@lru_cache(maxsize=8)
def _index_of(layers: tuple[LayerDefinition, ...]) -> TypeIndex:
    """:meth:`TypeIndex.of`, kept per set of layers (frozen, so hashable)."""
    seen: dict[str, tuple[EventType, str]] = {}
    for layer in layers:
        for event_type in layer.event_types:
            seen.setdefault(event_type.id, (event_type, layer.id))
    triggers = frozenset(k for t, _ in seen.values() for k in t.triggers)
    words = set()
    for key in triggers:
        for word in key.split("/")[0].split():
            words.add(word)
            words.update(word.split("-"))
    return TypeIndex(tuple(seen.values()), triggers, frozenset(words))


_PHRASE_FILLER = frozenset({"DET", "ADJ", "ADV", "NUM", "PRON"})


#: Verbs that put someone under a measure: "placed X under sanctions".
_PLACING = frozenset({"place", "put", "bring", "impose", "slap"})


def _puts_under(preposition: Token) -> bool:
    """Whether a preposition hangs on a verb that puts its object there.

    "placed three officials under sanctions" imposes them, where "the gang
    leader under sanctions" is one who stands under them.
    """
    verb = preposition.head
    return verb.pos_ == "VERB" and verb.lemma_.lower() in _PLACING


def _a_name_coordinated_with(word: Token, noun: Token) -> bool:
    """Whether ``word`` is a name, or its "and", that the parse joins to the noun.

    "under U.S. and UN sanctions": the parse reads U.S. as the preposition's
    object and the sanctions as its conjunct, where the words say U.S. and UN
    both qualify the sanctions.
    """
    if word.pos_ == "CCONJ":
        word = word.head
    return word.pos_ == "PROPN" and word.i < noun.i and noun in word.conjuncts


def _preposition_before(token: Token) -> Token | None:
    """The preposition that opens a noun's phrase as written ("amid faltering talks").

    The parse can misattach it (reading "faltering" as the verb that "talks"
    is the object of); the words say it plainly: a preposition, then only
    determiners, adjectives, numbers and participles before the noun.
    """
    if token.pos_ not in ("NOUN", "PROPN"):
        return None
    doc = token.doc
    i = token.i - 1
    while i >= 0 and i >= token.i - 4:
        word = doc[i]
        if word.pos_ == "ADP":
            return word
        if (
            word.pos_ not in _PHRASE_FILLER
            and word.tag_ not in ("VBG", "VBN")
            and not (word.dep_ == "compound" and word.head.i == token.i)
            and not _a_name_coordinated_with(word, token)
        ):
            return None  # "on a peace treaty": a noun compounded with it is filler too
        i -= 1
    return None


def _compound_words(noun: Token) -> set[str]:
    """The lemmas and forms of the nouns compounded before ``noun`` ("embassy staff members").

    None before a site or a crew on the ground that makes, keeps, launches or
    works a weapon: "hit missile launchers", "destroyed a drone factory" acted
    on the launchers and the factory, not on missiles or drones in flight.
    """
    words: set[str] = set()
    if noun.lemma_.lower() in _GROUND_HOLDERS or noun.lower_ in _GROUND_HOLDERS:
        return words
    stack = [c for c in noun.lefts if c.dep_ == "compound"]
    while stack:
        part = stack.pop()
        words |= {part.lemma_.lower(), part.lower_}
        stack.extend(c for c in part.lefts if c.dep_ == "compound")
    return words


#: What holds, makes, launches or works a weapon on the ground ("missile launchers",
#: "a drone factory", "an S-300 missile battery", "drone operators").
_GROUND_HOLDERS = frozenset(
    {"launcher", "launchers", "depot", "depots", "factory", "factories", "plant", "plants",
     "site", "sites", "base", "bases", "warehouse", "warehouses", "facility", "facilities",
     "workshop", "workshops", "storage", "stockpile", "stockpiles", "arsenal", "arsenals",
     "hangar", "hangars", "battery", "batteries", "production", "pad", "pads", "launchpad",
     "position", "positions", "crew", "crews", "operator", "operators",
     "unit", "units", "store", "stores", "dump", "dumps", "assembly"}
)  # fmt: skip


#: Words for a share of a whole, whose "of" names the whole.
_PART_OF = frozenset(
    {"most", "all", "some", "many", "several", "part", "parts", "much", "half", "swathes",
     "dozens", "dozen", "hundreds", "hundred", "thousands", "scores", "salvo", "salvos",
     "salvoes", "volley", "volleys", "wave", "waves", "swarm", "number", "percent", "cent",
     "%", "share", "third", "quarter", "majority", "kilometre", "kilometres", "kilometer",
     "kilometers", "km", "mile", "miles", "hectare", "hectares", "acre", "acres",
     # a body of what it is made of: "moved a convoy of tanks" (move tank)
     "convoy", "column", "contingent", "detachment", "fleet", "flotilla"}
)  # fmt: skip


def _partitive_of(noun: Token) -> list[Token]:
    """The whole a number or a part word takes from: "drones" in "40 of 52 drones".

    And "Gondar" in "parts of Gondar".
    """
    if noun.pos_ != "NUM" and noun.lower_ not in _PART_OF:
        return []
    return [
        pobj
        for prep in noun.children
        if prep.dep_ == "prep" and prep.lower_ == "of"
        for pobj in prep.children
        if pobj.dep_ == "pobj"
    ]


def _subject_words(token: Token, place_tokens: frozenset[int] = frozenset()) -> set[str]:
    """Who or what does the trigger: its subject's lemma and form (the head noun only).

    A participle or a relative clause takes the noun it describes, and a verb without a subject
    of its own the subject of the verb it goes on from; an event noun, the
    nouns before it ("a police raid") and the subject of the verb its phrase
    hangs on ("police detained 45 in raids").
    """
    words: set[str] = set()
    for subject in _subject_tokens(token):
        # The head noun only: "the blast wave" is a wave, "mortar rounds" are rounds;
        # and with the word right before it: "a glide bomb" is no roadside bomb.
        words |= {subject.lemma_.lower(), subject.lower_}
        if _a_group(subject):
            words.add(GROUP_SUBJECT)
        if subject.i in place_tokens and subject.dep_ == "nsubj":
            words.add(PLACE_SUBJECT)  # "Israel struck Gaza": a state that acts
        before = subject.doc[subject.i - 1] if subject.i > 0 else None
        if before is not None and before.head.i == subject.i:
            words.add(f"{before.lower_} {subject.lemma_.lower()}")
            if subject.pos_ == "PROPN" and before.dep_ == "compound":
                words.add(before.lower_)  # a storm by its name: "Hurricane Ida"
        for part in _partitive_of(subject):
            words |= {part.lemma_.lower(), part.lower_}
    return words


PLACE_SUBJECT = "@place"
"""The subject word a type's ``subjects`` lists for a place that acts: "Russia pounded X"."""
GROUP_SUBJECT = "@group"
"""The subject word a type's ``subjects`` lists for a named group: "an Al-Shabaab bombing"."""
_NOT_GROUPS = frozenset(
    {"GPE", "LOC", "FAC", "NORP", "DATE", "TIME", "PERSON", "CARDINAL", "EVENT", "WORK_OF_ART",
     "LAW", "PRODUCT"}
)  # fmt: skip
_STATE_FORCES = frozenset({"force", "forces", "army", "navy", "guard", "military", "command"})
"""Heads of a state's forces' names: "an Air Force bombing run" is from the air."""


def _a_group(word: Token) -> bool:
    """Whether a name before an event noun names a group: "Al-Shabaab", "Taliban", "ISIS".

    Not a place ("a Baghdad bombing"), a nation ("a Russian bombing"), a day
    or a person: a proper name the model calls a firm or leaves untagged (an
    acronym it calls a firm may be tagged a common noun: "ISIS").
    """
    return (
        (word.pos_ == "PROPN" or (word.ent_type_ == "ORG" and word.is_upper))
        and word.dep_ in ("compound", "poss", "nmod")
        and word.ent_type_ not in _NOT_GROUPS
        and word.lower_ not in _STATE_FORCES
        and not (word.i > 0 and word.doc[word.i - 1].ent_type_ in ("GPE", "FAC", "EVENT"))
        and word.head.pos_ == "NOUN"
    )


def _a_group_does_it(token: Token) -> bool:
    """Whether a named group is the trigger's doer: "The RSF besieged El Fasher".

    "El Fasher has been under siege by the RSF" too. The subject, or what
    "by" names after the trigger, is a name the model calls an organisation,
    or an acronym it leaves untagged, and no place, nation or person.
    """
    doers = [c for c in token.children if c.dep_ == "nsubj"]
    holders = [token]
    if token.dep_ == "pobj" and token.head.lower_ == "under":
        holders.append(token.head.head)  # "has been under siege by the RSF"
    for child in (c for holder in holders for c in holder.children):
        if child.dep_ in ("agent", "prep") and child.lower_ == "by":
            doers += [c for c in child.children if c.dep_ == "pobj"]
    return any(
        (doer.ent_type_ == "ORG" or (doer.pos_ == "PROPN" and doer.is_upper))
        and doer.ent_type_ not in _NOT_GROUPS
        and doer.lower_ not in _STATE_FORCES
        for doer in doers
    )


def _subject_tokens(token: Token) -> list[Token]:
    """The head nouns of the trigger's subject, as :func:`_subject_words` reads them."""
    subjects = [c for c in token.children if c.dep_ == "nsubj"]
    if token.dep_ == "relcl" and any(s.tag_ in ("WDT", "WP") for s in subjects):
        subjects = [token.head]  # "the bombings that ripped through a bus station"
    if not subjects and token.head.i != token.i:
        if token.dep_ == "acl":
            subjects = [token.head]  # "rockets fired at dawn"
        elif token.dep_ in ("conj", "advcl", "xcomp"):
            # "rockets were fired and fell near X": the verb it goes on from has it
            subjects = [c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        elif token.dep_ == "pobj" and token.head.head.pos_ in ("VERB", "AUX"):
            # "police detained 45 people in dawn raids": the raids were the police's
            subjects = [c for c in token.head.head.children if c.dep_ == "nsubj"]
    if token.pos_ in ("NOUN", "PROPN"):
        subjects += [c for c in token.lefts if c.dep_ in ("compound", "amod", "poss")]
    # "Russian instructors and Central African soldiers moved": each joined subject
    subjects += [c for s in list(subjects) for c in s.children if c.dep_ == "conj"]
    return subjects


_BEFALLING = frozenset({"collapse"})
"""Subjects whose "of" names what they befell: "the collapse of a canopy killed 16"."""


def _unaided(token: Token) -> bool:
    """Whether the trigger's subject acted on its own: no "of" thing, no one behind it.

    "A storm of missiles hit Kyiv" is missiles; "an outbreak of fighting killed
    30" is fighting; "a fire started by drones destroyed homes" was the
    drones'. Only "floods killed 40", "a fire broke out, destroying shops".
    """
    for subject in _subject_tokens(token):
        for child in subject.children:
            if child.dep_ == "prep" and child.lower_ == "of" and subject.lemma_ not in _BEFALLING:
                return False
            if child.dep_ in ("acl", "relcl") and any(
                g.dep_ == "agent" or (g.dep_ == "prep" and g.lower_ == "by") for g in child.children
            ):
                return False
    return True


def _object_words(token: Token, place_tokens: frozenset[int]) -> set[str]:
    """What the trigger acts on: its object's lemma, or ``@place`` for a place.

    The nouns compounded before the object count too: "expelled two embassy
    staff members" acts on embassy staff; and so does what an appositive says
    the object is ("sank the Rubymar, a British-owned bulk carrier").
    """
    words: set[str] = set()
    if token.dep_ == "acl" and token.head.i != token.i:  # "shells fired by the army"
        words |= {token.head.lemma_.lower(), token.head.lower_}
    for child in token.children:
        if child.dep_ in ("dobj", "nsubjpass", "attr") or (
            child.dep_ == "pobj" and token.pos_ == "NOUN"
        ):
            if child.tag_ in ("WDT", "WP") and token.dep_ == "relcl":
                child = token.head  # "Lashio, which the rebels captured": Lashio was captured
            words.add(child.lemma_.lower())
            words.add(child.lower_)
            words |= _compound_words(child)
            if _names_a_place(child, place_tokens):
                words.add("@place")
            for said in (c for c in child.children if c.dep_ == "appos" and child.pos_ == "PROPN"):
                # "sank the Rubymar, a British-owned bulk carrier": what the name is
                words |= {said.lemma_.lower(), said.lower_} | _compound_words(said)
            for part in _partitive_of(child):  # "40 of the 52 drones were destroyed"
                words |= {part.lemma_.lower(), part.lower_} | _compound_words(part)
                if _names_a_place(part, place_tokens):
                    words.add("@place")  # "seized parts of Gondar"
        elif child.dep_ == "prep" and child.lower_ in ("of", "on"):
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    words |= {pobj.lemma_.lower(), pobj.lower_} | _compound_words(pobj)
                    if _names_a_place(pobj, place_tokens):
                        words.add("@place")
    return words


#: Kinds of place a name before them makes one place ("Kano state"), where "US
#: soldiers" or "the Masters Series title" are no place.
_KINDS_OF_PLACE = frozenset(
    {"state", "province", "region", "district", "county", "governorate", "oblast",
     "prefecture", "municipality", "department", "city", "town", "village", "territory"}
)  # fmt: skip


def _names_a_place(noun: Token, place_tokens: frozenset[int]) -> bool:
    """Whether the noun is a place, or the kind of one named before it ("Kano state")."""
    return noun.i in place_tokens or (
        noun.lemma_.lower() in _KINDS_OF_PLACE
        and any(c.dep_ == "compound" and c.i in place_tokens for c in noun.lefts)
    )


_TALK_WORDS = frozenset(
    {
        "talk", "talks", "negotiation", "negotiations", "discussion", "discussions", "meeting",
        "summit", "conference", "consultation", "consultations", "dialogue", "debate",
        "proposal", "plan", "resolution", "vote", "discuss", "negotiate", "propose",
        "ruling", "decision",
    }
)  # fmt: skip
"""Talks and what they produce, whose "on" or "over" names a topic: "talks on a
ceasefire", "a vote on the offensive"."""


def _right_after(token: Token, preposition: Token) -> bool:
    """Whether the preposition follows the word, perhaps past its adverbs ("pushed deeper into").

    Not one that only times it: "a charity march on Sunday" marches on no place.
    """
    doc = token.doc
    if preposition.i <= token.i or _times_it(preposition):
        return False
    between = range(token.i + 1, preposition.i)
    if all(doc[k].dep_ == "advmod" and doc[k].head.i == token.i for k in between):
        return True
    timing = {
        t.i for c in token.children if c.dep_ == "prep" and _times_it(c) for t in c.subtree
    }  # "fired on Tuesday at protesters": the day stands between
    return all(
        (doc[k].dep_ == "advmod" and doc[k].head.i == token.i) or k in timing for k in between
    )


def _times_it(preposition: Token) -> bool:
    """Whether the preposition's object is a day or a time: "on Sunday", "at dawn"."""
    return any(c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in preposition.children)


#: What a crowd shows when it demonstrates it: a protest all the same.
_FELT = frozenset(
    {"anger", "support", "solidarity", "opposition", "outrage", "fury", "rage", "discontent",
     "frustration", "displeasure", "dissatisfaction", "defiance", "grief", "sorrow",
     "indignation", "resentment", "disapproval", "unity"}
)  # fmt: skip
_WHERE_HELD = frozenset({"in", "at", "outside", "near", "across", "through", "along", "on"})


def _held_somewhere(token: Token) -> bool:
    """Whether a preposition of place on the verb names where it was done ("in Accra")."""
    return any(
        child.dep_ == "prep"
        and child.lower_ in _WHERE_HELD
        and any(
            g.dep_ == "pobj" and any(t.pos_ == "PROPN" for t in g.subtree) for g in child.children
        )
        for child in token.children
    )


_FILMING = frozenset({"shoot", "film"})
"""Verbs of making a film, whose participle after a noun says what was filmed."""


#: What people and firms are bombarded with when it is no war: words, mail and
#: trade ("bombarded with questions", "with bookings", "with leaflets"). Weapons
#: are too many to list (Grad, HIMARS, Shahed …), and "with" says much else ("with
#: Russian help", "with impunity"): only these make the bombarding a figure.
_WORDS_AND_WARES = frozenset(
    {"question", "query", "message", "call", "email", "e-mail", "mail", "letter", "request",
     "order", "booking", "complaint", "offer", "criticism", "insult", "abuse", "advert",
     "advertisement", "ad", "spam", "text", "notification", "comment", "application",
     "inquiry", "enquiry", "praise", "compliment", "gift", "flower", "image", "information",
     "leaflet", "flyer", "propaganda", "demand", "invitation", "tweet", "post", "petition",
     "feedback", "suggestion", "idea", "news", "rumour", "rumor", "claim", "allegation",
     "threat", "appeal", "plea", "photo", "picture", "video"}
)  # fmt: skip


def _with_words_or_wares(preposition: Token) -> bool:
    """Whether a "with" phrase names words, mail or trade ("with questions and calls")."""
    for noun in preposition.children:
        if noun.dep_ != "pobj":
            continue
        nouns = [noun, *(c for c in noun.children if c.dep_ == "conj")]
        if any(n.lemma_.lower() in _WORDS_AND_WARES for n in nouns):
            return True
    return False


_HOW_HARD = frozenset({"hard", "badly"})
"""Adverbs of how hard something was hit that a blow does not take in the news: "hit hard"."""


def _an_epithet_after_a_comma(token: Token) -> bool:
    """Whether a participle between a name and a name, after a comma, describes the second.

    "JENIN, occupied West Bank (AP) -", "in Hebron, occupied West Bank": a
    dateline's or a town's wider place, with its epithet; a deed's subject
    stands before its verb with no comma between ("Russia occupied Crimea").
    """
    doc = token.doc
    if not (
        token.tag_ in ("VBN", "VBD")
        and 2 <= token.i < len(doc) - 1
        and doc[token.i - 1].lower_ == ","
        and doc[token.i - 2].pos_ == "PROPN"
        and doc[token.i - 2].ent_type_ not in ("DATE", "TIME")
        and doc[token.i + 1].pos_ == "PROPN"
    ):
        return False
    # the first name opens its line (a dateline) or follows "in", "at" or "near": not a
    # deed in a series, "captured Goma in January, besieged Bukavu", "from Jordan,
    # occupied Gaza"
    start = token.i - 2
    while start > 0 and doc[start].ent_iob_ == "I" and doc[start - 1].pos_ == "PROPN":
        start -= 1  # "East Jerusalem": from the name's first word
    before = doc[start - 1] if start > 0 else None
    return (
        before is None
        or before.is_space
        or "\n" in before.text_with_ws
        or before.lower_ in ("in", "at", "near", "-", "–", "—", "*", "**")
        or bool(before.is_sent_start)
    )


def _exclusion_keys(token: Token) -> set[str]:
    """Keys that only a type's ``excludes`` read: the words a noun stands in.

    A verb with its subject ("prices exploded": ``price explode``), or with
    the subject of its passive as its object ("scenes were shot": ``shoot
    scene``; so a filming participle with its noun, "the movie, shot in Malta"); a noun
    with the preposition right after it ("a fire at a plant": ``fire/noun at``). A noun
    with the noun it modifies ("protest note"), with what its
    preposition hangs on ("note of protest"), or with the verb it underwent
    ("a patrol was ambushed"); a noun with an article after its preposition
    ("on the Isfahan strikes": ``on the strike``); a verb's object with the word
    right before it that says its kind ("launched a charm offensive": ``charm
    offensive``), or with its preposition's object ("fought a battle for the
    cup": ``battle for cup``). Not trigger keys: "missile" in "missile strikes" is no strike
    of its own.
    """
    head = token.head
    lemma = token.lemma_.lower()
    keys: set[str] = set()
    if token.dep_ == "acl" and head.dep_ == "ROOT" and head.pos_ in ("NOUN", "PROPN", "ADJ"):
        # "Shares bombed in Frankfurt", "The musical bombed in London": a subject the
        # parse made the root, with its verb hung on it, keys as a subject would
        keys.add(f"{head.lemma_.lower()} {lemma}")
    if token.dep_ == "acl" and token.tag_ in ("VBN", "VBD") and lemma in _FILMING:
        # a participle with the noun it says was made: "the movie, shot in Malta"
        keys.add(f"{lemma} {head.lemma_.lower()}")
    for child in token.children:
        if child.dep_ == "dobj" and token.pos_ == "VERB" and child.lemma_.lower() not in _FELT:
            # "demonstrated a voting machine": a verb that acts on something and is
            # held nowhere, where "thousands demonstrated in Accra" protested, and so
            # did crowds that "demonstrated their anger in the city of X"
            if not _held_somewhere(token):
                keys.add(f"{lemma} object")
            if any(c.dep_ in ("prep", "dative") and c.lower_ == "to" for c in token.children):
                keys.add(f"{lemma} object to")  # "demonstrated the system to reporters"
        if child.dep_ == "dobj":
            # "captured 19 percent of the vote": what the share is of (capture vote),
            # where "70 percent of Bosnia" is land taken
            keys.update(f"{lemma} {part.lemma_.lower()}" for part in _partitive_of(child))
            # "launched a charm offensive": the object with the word that says its kind
            keys.update(
                f"{m.lower_} {child.lemma_.lower()}"
                for m in child.lefts
                if m.dep_ in ("compound", "amod") and m.i == child.i - 1
            )
            # "fought a fierce battle for the cup": the object with what it is for
            keys.update(
                f"{child.lemma_.lower()} {p.lower_} {g.lemma_.lower()}"
                for p in child.children
                if p.dep_ == "prep"
                for g in p.children
                if g.dep_ == "pobj"
            )
            keys.update(_sent_to_do(token, child))  # "sent boats to evacuate flood victims"
        if child.dep_ in ("prep", "agent"):
            # "met with relatives of the victims": meet with relative, a measure or
            # not (the trigger's own keys pass over a pobj with "of"); "was struck
            # by a bulk carrier": strike by carrier, a collision
            keys.update(
                f"{lemma} {child.lower_} {g.lemma_.lower()}"
                for g in child.children
                if g.dep_ == "pobj"
            )
            if child.lower_ == "with" and _with_words_or_wares(child):
                keys.add(f"{lemma} with words")  # "bombarded with orders": no shell fell
        if child.dep_ == "advmod" and child.lower_ in _HOW_HARD and token.pos_ == "VERB":
            keys.add(f"{lemma} {child.lower_}")  # "hospitals were hit hard as cases surged"
        if child.dep_ == "advcl" and token.pos_ == "VERB":
            # "markets were hit as the naira fell", "houses were hit when the river burst":
            # the verb with what the clause tells (hit as fall)
            keys.update(
                f"{lemma} {mark.lower_} {child.lemma_.lower()}"
                for mark in child.children
                if mark.dep_ in ("mark", "advmod") and mark.lower_ in ("as", "when")
            )
        if child.dep_ == "nsubj":
            # "prices exploded": price explode (the parse may tag the verb a noun)
            keys.add(f"{child.lemma_.lower()} {lemma}")
            if (
                child.lower_ in _RELATIVE_PRONOUNS
                and token.dep_ == "relcl"
                and not any(c.dep_ == "conj" for c in token.head.children)
                and token.head.dep_ != "conj"
            ):
                # "drones that crossed into Jordan": drone cross, from what "that" stands
                # for; not "troops and drones that crossed", which troops did too
                keys.add(f"{token.head.lemma_.lower()} {lemma}")
            # "a suicide bomber attacked": suicide bomber attack, a man and no aircraft
            keys.update(
                f"{m.lower_} {child.lemma_.lower()} {lemma}"
                for m in child.lefts
                if m.dep_ in ("compound", "amod") and m.i == child.i - 1
            )
        elif child.dep_ == "nsubjpass":
            # "the episodes were shot in Rome": shoot episode, as its object would be
            keys.add(f"{lemma} {child.lemma_.lower()}")
        elif (
            child.dep_ == "prep"
            and child.i == token.i + 1
            and token.pos_ == "NOUN"
            and not any(c.dep_ in ("compound", "amod", "nmod") for c in token.children)
        ):
            # "a fire at a plant": the bare noun, where "fired at troops" is the verb and
            # "machine-gun fire at a checkpoint" names its gun
            keys.add(f"{lemma}/noun {child.lower_}")
    if head.i == token.i:
        return keys
    if token.dep_ == "dobj":
        keys.update(_sent_to_do(head, token))  # the object's keys too: "boats" may trigger
    if token.dep_ == "pobj" and head.dep_ == "prep":
        # "arrested 11 men in raids": the raids were the arrests (arrest in raid),
        # whether the parse hangs them on the verb or on its object
        verb = head.head
        if verb.pos_ != "VERB" and verb.dep_ in ("dobj", "nsubjpass"):
            verb = verb.head
        if verb.pos_ == "VERB":
            keys.add(f"{verb.lemma_.lower()} {head.lower_} {lemma}")
    before = _preposition_before(token)
    if before is not None and any(c.dep_ in ("det", "poss") for c in token.children):
        # "comment on the Isfahan strikes" is no "on strike": a labour strike has no article
        keys.add(f"{before.lower_} the {lemma}")
    if token.dep_ in ("compound", "amod") and head.i == token.i + 1:
        # "protest note"; "blocked the road with burning tyres": burn tyre, as a verb
        # with its object
        keys.add(f"{lemma} {head.lemma_.lower()}")
    elif token.dep_ == "nsubjpass":
        keys.add(f"{head.lemma_.lower()} {lemma}")  # "a patrol was ambushed": ambush patrol
    elif (
        token.dep_ in ("xcomp", "advcl")
        and token.pos_ == "VERB"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
    ):
        # "summoned the ambassador to protest": ``summon ambassador to protest``, the
        # head with what it acts on, so "summoned supporters to protest" stays a protest
        for obj in (c for c in head.children if c.dep_ == "dobj"):
            keys.add(f"{head.lemma_.lower()} {obj.lemma_.lower()} to {lemma}")
    elif token.dep_ == "pobj" and head.head.i != head.i:
        keys.add(f"{head.head.lemma_.lower()} {head.lower_} {lemma}")
    elif token.dep_ == "conj":
        first = token
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
        if first.dep_ == "pobj" and first.head.head.i != first.head.i:
            # "a cache of rifles and grenades": each of the list is the cache's
            keys.add(f"{first.head.head.lemma_.lower()} {first.head.lower_} {lemma}")
    return keys


def _sent_to_do(verb: Token, obj: Token) -> list[str]:
    """A verb with its object and what it was sent to do: ``send boat to evacuate``.

    "sent boats to evacuate flood victims" moves no force; the key is read on
    the verb and on its object, either of which may be the trigger.
    """
    return [
        f"{verb.lemma_.lower()} {obj.lemma_.lower()} to {c.lemma_.lower()}"
        for c in verb.children
        if c.dep_ in ("xcomp", "advcl")
        and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
    ]


def _does_a_deed(token: Token, deeds: tuple[str, ...]) -> bool:
    """Whether the trigger noun is the subject of one of ``deeds``: "a strike flattened a house".

    A deed of two words is a verb and what it acts on: "hit market" for "a
    strike hit a market near X", where "a strike hit production" is no deed.
    """
    if not deeds or token.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = token.head.lemma_.lower()
    if verb in deeds:
        return True
    wanted = {d.split(" ", 1)[1] for d in deeds if d.startswith(f"{verb} ")}
    if not wanted or _someones(token):
        return False  # "the doctors' strike hit hospitals", "a strike by dockworkers"
    # "a strike hit an apartment block": the compound before a word for a whole
    # says what was hit (not "apartment sales")
    objects = [c for c in token.head.children if c.dep_ == "dobj"]
    named = [m for c in objects if c.lemma_ in _BLOCKS for m in c.children if m.dep_ == "compound"]
    return any(is_one_of(w, wanted) for w in (*objects, *named))


_BLOCKS = frozenset({"block", "tower"})
"""Words for a whole whose compound names what it is: "an apartment block"."""


def _someones(noun: Token) -> bool:
    """Whether a noun is said to be someone's: "the doctors' strike", "a strike by dockworkers"."""
    return any(
        c.dep_ in ("poss", "compound") or (c.dep_ == "prep" and c.lower_ == "by")
        for c in noun.children
    )


def _talked_about(token: Token) -> bool:
    """Whether the event noun is only the topic of talks ("talks on a ceasefire")."""
    if token.pos_ not in ("NOUN", "PROPN"):
        return False
    head = token.head
    if token.dep_ == "dobj" and head.tag_ == "VBG" and head.dep_ == "pcomp":
        # "talks on implementing the Pretoria agreement": the gerund's phrase is the topic
        before: Token | None = head.head
    elif token.dep_ == "dobj":
        return head.lemma_.lower() in ("discuss", "negotiate", "debate", "propose")
    else:
        # The preposition as written: the parse often hangs "on X" on the verb.
        before = _preposition_before(token)
    if before is None or before.lower_ not in TOPIC | TOPICAL_TOO or before.i == 0:
        return False
    if token.doc[before.i - 1].lemma_.lower() in _TALK_WORDS:
        return True
    # "resumed talks in Doha on Sunday on a ceasefire": the parse hangs "on" on the
    # verb whose object is the talks
    verb = before.head
    return verb.i != before.i and any(
        c.dep_ in ("dobj", "nsubj", "nsubjpass") and c.lemma_.lower() in _TALK_WORDS
        for c in verb.children
    )


_DEMANDING = frozenset({"demand", "urge", "seek", "request", "want", "propose"})
"""Verbs whose object is only wanted: "demanding the withdrawal of American troops"."""

_EFFORTS = frozenset(
    {"talk", "talks", "negotiation", "effort", "initiative", "plan", "proposal", "push",
     "mediation", "diplomacy", "meeting", "round", "deal", "measure", "bill", "resolution"}
)  # fmt: skip
"""What may be "aimed at" an event it only seeks: "talks aimed at a ceasefire";
not "tear gas aimed at a rally", which hit it."""


def _asked_for(token: Token) -> bool:
    """Whether the event noun is only wanted or awaited.

    "called for talks", "braced for raids", "talks aimed at a ceasefire" (not
    "fire aimed at a protest").
    """
    if token.dep_ != "pobj" or token.pos_ not in ("NOUN", "PROPN"):
        return False
    if token.head.lower_ == "of" and token.head.head.lemma_.lower() in _ROUNDS:
        # "prepared for another round of talks": the round is what is awaited
        token = token.head.head
        if token.dep_ != "pobj":
            return False
    preposition = token.head
    verb = preposition.head
    if verb.i == preposition.i:
        return False
    if (
        preposition.lower_ == "at"
        and verb.lemma_.lower() == "aim"
        and verb.head.lemma_.lower() in _EFFORTS
    ):
        return True  # "talks aimed at a ceasefire": what they seek, not what was agreed
    return preposition.lower_ == "for" and (
        verb.lemma_.lower() in _ASKING_FOR
        # "renewed his plea for a no-fly zone": the parse hangs "for" on the verb
        or any(c.dep_ == "dobj" and c.lemma_.lower() in _ASKING_FOR for c in verb.children)
    )


_RELATIVE_PRONOUNS = frozenset({"that", "which", "who"})

#: Nouns for one of a series of events: "another round of talks".
_ROUNDS = frozenset({"round", "series", "wave", "session"})


def _demanded(token: Token) -> bool:
    """Whether the event noun is what someone demands ("demanding the withdrawal of troops")."""
    return (
        token.dep_ == "dobj"
        and token.pos_ in ("NOUN", "PROPN")
        and token.head.lemma_.lower() in _DEMANDING
    )


def _in_a_proper_name(token: Token) -> bool:
    """Whether the word closes a proper name mid-sentence: "the Dakar Rally ended".

    A capitalised event word that a capitalised name compounds, not opening
    its sentence, names a race, a cup or a festival, whatever the model
    tagged it; "a Hamas rally" and "the Dakar rally" are written lower-case.
    """
    return (
        token.pos_ == "PROPN"
        and token.is_title
        and not token.is_sent_start
        and any(
            c.dep_ == "compound" and c.pos_ == "PROPN" and c.is_title and c.i == token.i - 1
            for c in token.children
        )
    )


_NAMED_BATTLES = frozenset({"battle", "siege", "massacre", "sack"})
"""Words that, capitalised before "of" and a name, name a battle of history."""


def _names_a_battle(token: Token) -> bool:
    """Whether the word opens the name of a battle ("the Battle of Stalingrad").

    Capitalised inside a sentence and followed by "of" or "for" and a
    capitalised name ("the Second Battle of the Marne"); not at the start of
    a sentence ("Battle for Bakhmut rages") nor in a headline whose words are
    all capitalised.
    """
    doc = token.doc
    if not (
        token.lower_ in _NAMED_BATTLES
        and token.text[:1].isupper()
        and not token.is_sent_start
        and token.i + 3 < len(doc)
        and doc[token.i + 1].lower_ in ("of", "for")
    ):
        return False
    name = doc[token.i + 3] if doc[token.i + 2].lower_ == "the" else doc[token.i + 2]
    words = [t for t in token.sent if t.is_alpha]
    title_case = sum(t.text[:1].isupper() for t in words) * 2 > len(words)
    return name.text[:1].isupper() and not title_case  # "Fierce Battle For Bakhmut Rages"


_DATING = frozenset({"after", "since", "before", "following", "until", "till"})
"""Prepositions whose event noun dates the clause it hangs in ("after the attack")."""


def _degree_of_harm(token: Token) -> bool:
    """Whether the word ends a hyphened adjective of how badly a place fared.

    "Tibu, one of the worst-hit towns", "the war-torn region", "quake-hit
    villages": the participle says how hard a place was hit, by whatever,
    not that anyone hit it there. Not "the heavily-shelled city" or "the
    recently-captured town", which tell the deed.
    """
    i = token.i
    if i < 2 or token.doc[i - 1].text not in _HYPHENS or token.doc[i - 1].whitespace_:
        return False
    before = token.doc[i - 2]
    if before.whitespace_:
        return False
    return before.tag_ in ("JJS", "RBS") or before.lower_ in _AFFLICTIONS | _DEGREES


_HYPHENS = frozenset({"-", "‑", "–"})
#: Words of how hard, not of how or when: "heavily-shelled" and "recently-captured"
#: still tell the shelling and the capture.
_DEGREES = frozenset({"hard", "badly", "worse", "most", "least"})
_AFFLICTIONS = frozenset(
    {"war", "conflict", "quake", "earthquake", "flood", "storm", "drought", "cyclone",
     "hurricane", "typhoon", "famine", "crisis", "violence", "disaster"}
)  # fmt: skip


def dates_a_clause(token: Token) -> bool:
    """Whether the trigger is an event noun after "after", "since" or "before".

    "In the days after the attack, Pakistan closed its airspace": the noun is
    told elsewhere, and the clause it dates tells its own deed, with its own
    places and weapons.
    """
    # a noun the tagger took for a verb is still one as the object of a preposition:
    # "fled into Niger after the air strikes"
    return token.pos_ in ("NOUN", "VERB") and token.dep_ == "pobj" and token.head.lower_ in _DATING


_ANOTHER = frozenset({"another", "second", "third", "fresh", "further"})
"""Words that make an event noun one more of the kind just told ("another strike")."""


def _the_sentence_another_follows(token: Token) -> Span | None:
    """The sentence before, when an event noun is one more of its kind ("another strike").

    Only a noun that hits something itself or is said to have happened
    ("Another strike hit an oil facility", "a second strike on the depot",
    "another strike followed in Rafah") and names no doer of its own:
    "another strike by teachers", "a second attack, by gunmen", "a second
    attack, a stabbing" say what kind it was.
    """
    if token.pos_ != "NOUN" or not any(
        c.dep_ in ("det", "amod") and c.lower_ in _ANOTHER for c in token.children
    ):
        return None
    own = list(token.children)
    if token.dep_ in ("nsubj", "nsubjpass"):
        own += [c for c in token.head.children if c.dep_ in ("prep", "agent")]  # ", by gunmen,"
    if any(c.dep_ == "appos" or (c.dep_ in ("prep", "agent") and c.lower_ == "by") for c in own):
        return None
    hits = token.dep_ in ("nsubj", "nsubjpass") and token.head.lemma_.lower() in _HITTING
    aimed = any(c.dep_ == "prep" and c.lower_ in ("on", "against") for c in token.children)
    if not (hits or aimed):
        return None
    start = token.sent.start
    return token.doc[start - 1].sent if start > 0 else None


_HITTING = frozenset(
    {"hit", "strike", "damage", "destroy", "kill", "wound", "injure", "flatten", "level",
     "target", "pound", "slam", "rock", "follow", "come", "occur", "happen", "report",
     "take", "land"}
)  # fmt: skip
"""Verbs of what a strike does to its target, or that say it happened ("another
strike followed", "was reported in Rafah", "took place")."""


def _lemmas_and_forms(tokens: Iterable[Token]) -> set[str]:
    """The lower-case lemmas and forms of some words, as ``requires`` reads them."""
    return {w for t in tokens for w in (t.lemma_.lower(), t.lower_)}


def _no_key_word(token: Token, index: TypeIndex) -> bool:
    """Whether neither the token's form nor its lemma is a word of any trigger key.

    A lower-case word is read by its string ids alone (its lemma is lower
    case too); any other by its strings.
    """
    if token.lower in index.word_ids or token.lemma in index.word_ids:
        return False
    if token.is_lower:
        return True
    if token.lower_ in index.words or token.lemma_.lower() in index.words:
        return False
    singular = _an_opening_plural(token)
    return singular is None or singular not in index.words


#: Words that tell what is done as a rule, not a deed done once: "usually wave flags".
#: Not "often" or "regularly": "Russian forces regularly shell Kherson" tells shelling
#: that goes on there.
_HABITUAL = frozenset({"usually", "typically", "generally", "normally", "traditionally"})


def _each_time(token: Token) -> bool:
    """Whether the trigger's clause tells what happens each time, not a deed done once.

    "Whenever rockets hit Sderot, residents run to shelters", "every time the
    army shells Gaza, prices rise", "each time there's a shooting, the treaty
    gets harder to sell": a rule of how things go, no event on a day.
    """
    verb = token
    if token.dep_ in ("attr", "nsubj", "nsubjpass", "dobj") and token.pos_ in ("NOUN", "PROPN"):
        verb = token.head

    def each_time(word: Token) -> bool:
        return word.lower_ == "time" and any(d.lower_ in ("each", "every") for d in word.children)

    # "every time the army shells Gaza": the parse may hang the clause on "time"
    return (verb.dep_ == "relcl" and each_time(verb.head)) or any(
        (c.lower_ == "whenever" and c.dep_ in ("advmod", "mark"))
        or (c.dep_ == "npadvmod" and each_time(c))
        for c in verb.children
    )


def _told_as_a_habit(token: Token) -> bool:
    """Whether the trigger's clause tells a habit or a trait, not an event.

    "In Kenya, protesters tend to be young", "demonstrators usually wave EU
    flags": what those people are like or do as a rule happened nowhere in
    particular.
    """
    verb = token
    if token.pos_ in ("NOUN", "PROPN") and token.dep_ in ("nsubj", "nsubjpass"):
        verb = token.head
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    if verb.i != token.i and token.lemma_.lower() not in PEOPLE_WHO_PROTEST:
        return False  # "the attack is generally seen as …" still tells the attack
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() == "tend":
        return True  # "protesters tend to gather": the habit's verb
    if verb.lemma_.lower() == "tend" and any(c.dep_ == "xcomp" for c in verb.children):
        return True
    # "demonstrators usually wave flags": people by what they do as a rule; a deed done
    # as a rule still happens where it is told ("forces usually patrol Karachi")
    return verb.i != token.i and any(
        c.dep_ == "advmod" and c.lower_ in _HABITUAL for c in verb.children
    )


def match_type(
    token: Token,
    index: TypeIndex,
    sentence_words: AbstractSet[str] | Callable[[], AbstractSet[str]],
    place_tokens: frozenset[int] = frozenset(),
) -> tuple[EventType, str] | None:
    """The type (and its layer) whose trigger this token is, or ``None``.

    Among the types whose triggers match and whose conditions hold, a type
    whose ``objects`` or ``subjects`` the trigger's object or subject
    satisfies wins; then the longest matching key ("missile strike" over
    "strike"); then a type whose ``requires`` the sentence met (an attack
    with missiles is a strike); then taxonomy order. Words inside a name
    ("the Government of National Accord") or a date ("early March") trigger
    nothing, nor does an event that is only called or braced for ("called
    for talks"). One the text denies ("was not captured") is still a
    trigger: :func:`layers.modality.told_as_denied` flags its event.
    ``sentence_words`` (the sentence's
    lemmas and forms) may be given as a function, called only when needed.
    """
    if index.words and _no_key_word(token, index):
        return None  # no key can hold it: most tokens end here, before any key is built
    if _part_of_speech(token) not in _TRIGGER_POS or (
        token.is_stop and token.lower_ not in index.triggers
    ):
        return None
    if token.ent_type_ in _NAMED or _names_a_battle(token) or _in_a_proper_name(token):
        # "the Government of National Accord", "Operation Desert Storm", "veterans of
        # the Battle of Stalingrad"
        return None
    if _protested_to_a_state(token):
        return None  # "Japan protested to Beijing": a diplomat's protest, not the street's
    if _a_month_beside_its_day(token):
        return None  # "JUBA, 26 March - Fighting …", which the model tags no date
    if _asked_for(token) or _demanded(token) or _talked_about(token):
        return None  # "called for talks", "talks on a ceasefire": none was held or agreed
    if _degree_of_harm(token):
        return None  # "one of the worst-hit towns", "quake-hit villages": how badly, not a deed
    if _told_as_a_habit(token) or _each_time(token):
        return None  # "protesters tend to be young", "demonstrators usually wave flags"
    keys = trigger_keys(token)
    if not keys & index.triggers:
        return None
    whole_sentence = sentence_words  # what the scene is ("unless") the whole sentence says
    if dates_a_clause(token):
        # "two weeks after an attack on tourists, India fired missiles": the
        # missiles are the clause's, not the attack's; its own words must say
        sentence_words = _lemmas_and_forms(token.subtree)
    elif callable(sentence_words):
        sentence_words = sentence_words()  # gathered only for a token that got this far
    before = _the_sentence_another_follows(token)
    if before is not None:
        # "Drones struck a depot in X. Another strike hit an oil facility": the
        # weapon was named with the first
        sentence_words = set(sentence_words) | _lemmas_and_forms(before)
    best: tuple[tuple[int, int, int, int], EventType, str] | None = None
    objects: set[str] | None = None
    subjects: set[str] | None = None
    excluding = keys | _exclusion_keys(token)
    own = {token.lemma_.lower(), token.lower_}  # a trigger cannot be its own condition
    for order in index.candidates(keys):
        event_type, layer_id = index.types[order]
        words = index.word_sets[order]
        matched = keys & words.triggers
        if excluding & words.excludes:
            continue
        if (
            event_type.requires
            and not (sentence_words - own) & words.requires
            and not _does_a_deed(token, event_type.deeds)
            and not (GROUP_SUBJECT in event_type.requires and _a_group_does_it(token))
        ):
            continue
        if event_type.requires_also and not (sentence_words - own) & words.requires_also:
            continue
        if event_type.unless:
            if callable(whole_sentence):
                whole_sentence = whole_sentence()
            if (whole_sentence - own) & words.unless:
                # "Benfica's attack … scoring four goals": a match; "the grandmaster won
                # the title after a fierce battle" too, though the battle dates a clause
                continue
        if event_type.intransitive and any(
            c.dep_ in ("dobj", "dative") and c.lower_ not in BEARINGS for c in token.children
        ):
            continue  # "officials gathered evidence": no one met; "heading north" moves
        if event_type.objects:
            if objects is None:
                objects = _object_words(token, place_tokens)
            if not objects & words.objects:
                continue
        if event_type.subjects:
            if subjects is None:
                subjects = _subject_words(token, place_tokens)  # once per token
            if not subjects & words.subjects:
                continue
            if event_type.unaided_subject and not _unaided(token):
                continue
        length = max(len(k.split("/")[0].split()) for k in matched)
        # the type asked more and got it; who acted says more than what was hit
        # ("Hurricane Ida struck refineries" is the storm's, not a strike on targets)
        said = 2 if event_type.subjects else 1 if event_type.objects else 0
        rank = (said, length, 1 if event_type.requires else 0, -order)
        if best is None or rank > best[0]:
            best = (rank, event_type, layer_id)
    return None if best is None else (best[1], best[2])
