"""Finding the events an article reports, and where each happened.

An event is found by its *trigger*, a verb or an event noun that one of the
taxonomy's types lists ("struck", "shelling", "talks", "shot down",
"clashes"). Its type is the one whose trigger key matches best
(:func:`match_type`). Its places are the place mentions of its sentence that
attach to the trigger in a role that says *where* (:func:`attachment`):

* ``target``: what was hit or taken ("struck Kharkiv", "Aleppo was shelled");
* ``location``: in, at, near, over … the trigger, or the trigger's object or
  subject ("struck port infrastructure in Odesa", "the conference opened in
  Amman");
* ``destination``: to, into … for types that go somewhere (visits, movements);
* ``compound``: "the Moscow talks", "the Aleppo bombing".

Everything else is not where the event happened, and the code says which:
the actor ("by Syria", "Moscow said", "Israeli jets"), the origin ("launched
from southern Lebanon"), the owner of a thing ("a US drone", "a
Liberian-flagged tanker"), the topic ("talks on Syria", "to discuss security
in Syria"), and a place that only qualifies another ("Sanaa, the capital of
Yemen", "Russia's Krasnodar region", "Jisr al-Shughur in Idlib province":
the wider place is context, not a second site). A sentence whose trigger has
no place but points back with "there" takes the places of the previous
sentence in the same paragraph, at lower confidence, and says so.
"""

from __future__ import annotations

import bisect
import dataclasses
import itertools
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet

from spacy.tokens import Doc, Span, Token

from geo.cues import (
    a_count_of_times,
    a_marked_label,
    a_round_up_of_places,
    labels_its_line,
    plain_labels,
)
from geo.local_places import is_national_capital
from geo.nlp import doc_text
from geo.phrases import BEARINGS
from geo.place_frames import ends_of_a_route
from geo.types import IN_A_NAME_LABEL, AreaKind, MentionKind, Place, Resolved
from layers.context import (
    PlaceInSentence,
    a_river_beyond_another,
    capital_named,
    is_country,
    is_town,
    listed_after,
    modifies_a_thing,
    most_specific,
    names_a_border,
    names_the_party,
    qualifies_another,
)
from layers.dates import (
    DATELINE,
    HEADING,
    PARAGRAPH,
    days_after_the_sentence_before,
    days_of,
    event_date,
    filed_date,
    find_date_expressions,
    later_datelines,
    shifted,
    span_count,
)
from layers.headings import summaries_told_below
from layers.location_model import LocationModel, aside_of, pair_features
from layers.modality import (
    LOOKING_BACK,
    POSSIBLE,
    about_someone,
    ahead_of,
    looked_back_on,
    phrase_heads,
    the_subject_of_a_condition,
    told_as_denied,
    told_as_planned,
    told_in_fiction,
    told_in_the_past,
    told_of_in_a_work,
)
from layers.roles import (
    CLAUSE_DEPS,
    DESTINATION,
    ORIGIN,
    PEOPLE_WHO_PROTEST,
    PLACE_PARTS,
    SITES,
    SPEECH,
    SPREADING,
    VETOES,
    Attachment,
    Refusal,
    attachment,
    has_object,
    has_subject,
    opens_when_clause,
    placed_in_the_open,
    placed_outside,
    points_back_to_the_seat,
    speaks_for_a_government,
    the_object_before,
    under_the_event,
)
from layers.timeline import dated_stretches
from layers.triggers import TypeIndex, dates_a_clause, match_type
from layers.types import EventLocation, EventType, LayerDefinition, ReportedEvent

__all__ = ["PairObserver", "detect_events"]

PairObserver = Callable[[frozenset[int], Resolved, list[str]], None]
"""Called with a trigger's token indices, a place mention of its sentence and the
pair's features."""

_SUPPORT_VERBS = frozenset(
    {
        "begin", "occur", "continue", "happen", "erupt", "resume", "open", "start",
        "intensify", "end", "hit", "strike", "target", "kill", "wound", "injure", "rock",
        "destroy", "damage", "pound", "claim", "leave", "take", "break", "be", "carry",
        "conduct", "launch", "stage", "hold", "mount", "spread", "escalate", "rage", "aim",
    }
)  # fmt: skip
"""Verbs whose subject event noun is the event: "clashes erupted in X",
"airstrikes hit X", "the conference opened in Amman", "the offensive is aimed
at X"."""


_SERIES = frozenset({"wave", "series", "string", "spate", "round", "flurry", "salvo", "volley"})
"""Nouns of a run of events: "launched a wave of attacks" launched the attacks."""

_LAUNCHES = frozenset({"launch", "fire"})
"""Verbs whose event happens where it starts: "drones launched overnight were downed over X"."""


_CROWDS = frozenset(
    {"thousands", "hundreds", "dozens", "scores", "tens", "crowds", "crowd", "groups", "group"}
)
"""Words that count people: "thousands of protesters", "a crowd of demonstrators"."""
_GATHERING = frozenset(
    {"gather", "rally", "march", "assemble", "converge", "throng", "fill", "pack", "block",
     "occupy", "chant", "demonstrate", "protest", "mass", "camp", "sit"}
)  # fmt: skip
"""What protesters do where they protest: "protesters gathered outside parliament"."""


_PARTITIVES = frozenset(
    {"most", "all", "much", "many", "some", "half", "part", "one", "several", "none", "each",
     "majority", "bulk", "two", "three", "both"}
)  # fmt: skip
"""Words that take part of an event noun as a verb's subject: "most of the clashes"."""


_LIGHT_VERBS = frozenset(
    {
        "carry", "conduct", "launch", "stage", "hold", "mount", "continue", "renew",
        "resume", "begin", "start", "step", "intensify", "escalate", "wage", "lead",
        "organise", "organize", "end", "halt", "press",
    }
)  # fmt: skip
"""Verbs whose object event noun is the event: "carried out strikes on X"."""


_POINTS_BACK = frozenset({"there"})


_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")


_POINTS_BACK_NOUNS = frozenset({"city", "town", "village", "area", "region", "capital"})
_POINTS_BACK_SITES = frozenset(
    {"base", "camp", "prison", "jail", "port", "airport", "airbase", "market", "hospital",
     "school", "checkpoint", "barracks", "compound", "mosque", "church", "hotel", "bridge",
     "station", "refinery", "depot", "plant", "mine", "university", "embassy", "headquarters",
     "border", "crossing", "facility", "building", "outpost"}
)  # fmt: skip
"""Sites "the X" names again when the sentence before named an X."""


_LINKED = 0.6


_SHARED = 0.8


_SPAN_MAX_TOKENS = 12


class _TypeMemo:
    """Each token's type (:func:`~layers.triggers.match_type`), worked out once per sentence.

    The sentence's words (for types that require company) are gathered only
    when a token first needs them: many sentences have no trigger at all.
    """

    def __init__(self, index: TypeIndex, tokens: Sequence[Token], places: frozenset[int]) -> None:
        self._index, self._tokens, self._places = index, tokens, places
        self._words: set[str] | None = None
        self._found: dict[int, tuple[EventType, str] | None] = {}

    def _sentence_words(self) -> set[str]:
        if self._words is None:
            self._words = _sentence_words(self._tokens)
        return self._words

    def __call__(self, token: Token) -> tuple[EventType, str] | None:
        if token.i not in self._found:
            self._found[token.i] = match_type(
                token, self._index, self._sentence_words, self._places
            )
        return self._found[token.i]


def _support_verb(
    token: Token, layer_id: str, typed: Callable[[Token], tuple[EventType, str] | None]
) -> Token | None:
    """The verb that reports the same event as the event noun ``token``, if any.

    The noun's verb when the noun is its subject and the verb only says that
    the event happened or what it did ("clashes erupted", "airstrikes hit",
    "a car bomb exploded", "most of the clashes occurred"), or its object
    after a light verb ("carried out strikes"), the "be" of "there was an
    attack", or the verb of what came
    under it ("came under fire"). A verb that reports an event of another
    layer ("clashes killed") is an event of its own.
    """
    head, subject = token.head, token
    if (
        token.dep_ == "pobj"
        and head.dep_ == "agent"
        and head.head.lemma_.lower() in _STRUCK_BY
        and token.pos_ in ("NOUN", "PROPN")
    ):
        return head.head  # "the car was struck by a roadside bomb": the bomb struck it
    if (
        token.dep_ == "pobj"
        and head.lower_ == "under"
        and head.head.lemma_.lower() in ("come", "be")
        and head.head.i != head.i
    ):
        return head.head  # "the convoy came under fire near X"
    if token.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in _PARTITIVES:
        subject, head = head.head, head.head.head  # "most of the clashes occurred near X"
    elif (
        token.dep_ == "pobj"
        and head.lower_ == "of"
        and token.lemma_.lower() in PEOPLE_WHO_PROTEST
        and (head.head.lower_ in _CROWDS or head.head.pos_ == "NUM")
    ):
        subject, head = head.head, head.head.head  # "thousands of protesters gathered in X"
    elif token.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in _SERIES:
        series = head.head  # "launched a wave of attacks on X": the series is the attacks
        if series.dep_ == "dobj" and series.head.lemma_.lower() in _LIGHT_VERBS:
            return series.head
    if (
        token.dep_ in ("acomp", "oprd")
        and token.pos_ == "ADJ"
        and head.pos_ == "VERB"
        and head.lemma_.lower() in _KILLING_BLOWS
    ):
        # "gunmen shot dead a headman in Pattani": the deaths are the shooting's; not
        # "pronounced dead in Tel Aviv after being stabbed in Jerusalem"
        return head
    if (
        head.i == subject.i
        or head.pos_ not in ("VERB", "AUX")
        or token.pos_ not in ("NOUN", "PROPN")
    ):
        return None
    lemma = head.lemma_.lower()
    if lemma in SPREADING and any(c.dep_ == "neg" for c in head.children):
        return None  # "the protests in Tbilisi have not spread to Batumi": they go on
    if _in_force(token, head) and (accord := typed(token)) is not None and accord[0].topical:
        return None  # "the ceasefire took effect in Kashmir": where it holds, not where agreed
    if token.dep_ == "dobj" and lemma in _LIGHT_VERBS:
        return head
    if token.dep_ == "attr" and lemma == "be" and any(c.dep_ == "expl" for c in head.children):
        return head  # "there was an attack in X", "there have been protests in Y"
    if subject.dep_ not in ("nsubj", "nsubjpass"):
        return None
    if token.lemma_.lower() in PEOPLE_WHO_PROTEST:
        # "protesters gathered outside parliament": what they did there is the protest
        return head if lemma in _GATHERING else None
    own = typed(head)
    if own is not None and not own[0].yields_to_subject:
        return head if own[1] == layer_id else None
    if (
        lemma in _WITNESSED
        and subject.dep_ == "nsubjpass"
        and not any(
            c.dep_ == "agent" or c.lower_ in ("as", "by")
            for near in (head, *head.children)
            for c in near.children
        )
    ):
        # "heavy fighting was reported around Gondar": where it went on; not "an
        # attack was seen as unlikely by officials in Tokyo", a judgement of it
        return head
    if lemma in _ASPECT_VERBS and any(c.dep_ == "dobj" for c in head.children):
        return None  # "the Pretoria agreement ended the war in Tigray": it ended a war
    return head if lemma in _SUPPORT_VERBS or own is not None else None


_ASPECT_VERBS = frozenset({"begin", "continue", "resume", "open", "start", "end", "intensify"})
"""Support verbs that tell an event's course only without an object of their own:
"talks ended in Doha", not "the agreement ended the war in X"."""


def _in_force(token: Token, verb: Token) -> bool:
    """Whether the verb says that its subject holds or took effect, not that it was made.

    "The ceasefire took effect in Kashmir", "the truce held in Idlib": for an
    accord, the place is where it applies, its topic, not the table it was
    agreed at.
    """
    if token.dep_ != "nsubj" or verb.i != token.head.i:
        return False
    lemma = verb.lemma_.lower()
    return lemma == "hold" or (
        lemma == "take" and any(c.dep_ == "dobj" and c.lower_ == "effect" for c in verb.children)
    )


_KILLING_BLOWS = frozenset(
    {"shoot", "gun", "beat", "stab", "hack", "club", "bludgeon", "stone", "knife"}
)
"""Verbs whose "dead" after them tells the deaths they dealt: "shot dead", "beaten dead"."""


_STRUCK_BY = frozenset(
    {"hit", "strike", "target", "rock", "destroy", "damage", "pound", "flatten", "raze"}
)
"""Passive verbs whose agent event noun is the event: "was struck by a roadside bomb"
(not "killed by an airstrike": the deaths are an event of their own)."""
_WITNESSED = frozenset({"report", "hear", "see", "observe", "record"})
"""Verbs whose passive subject event noun happened where they place it: "fighting was
reported around X", "explosions were heard in Y"."""


_ASPECTUAL = frozenset({"begin", "start", "continue", "resume", "keep", "try", "attempt", "manage"})
"""Verbs whose complement is the event itself: "began attacking", "continued to shell"."""


def _aspect_of(word: Token) -> frozenset[int]:
    """The verb that says the event began, went on or was tried, as part of its trigger.

    "Rebels began attacking X": the report's verb is "began" as much as
    "attacking"; a reader (and the gold) may point at either.
    """
    head = word.head
    if word.dep_ == "xcomp" and head.i != word.i and head.lemma_.lower() in _ASPECTUAL:
        return frozenset({head.i})
    return frozenset()


def _verb_phrase_of(
    verb: Token, typed: Callable[[Token], tuple[EventType, str] | None]
) -> frozenset[int]:
    """The rest of a support verb's phrase: "broke out", "took place"."""
    return frozenset(
        c.i
        for c in verb.children
        if c.dep_ == "prt"
        or (c.dep_ == "dobj" and (own := typed(c)) is not None and own[0].yields_to_subject)
    )


def _says_what_was_done(
    verb: Token, typed: Callable[[Token], tuple[EventType, str] | None]
) -> bool:
    """Whether a support verb names the deed ("bombs hit"), not only that it happened."""
    own = typed(verb)
    return own is not None and not own[0].yields_to_subject


def _span_of(token: Token) -> tuple[int, int]:
    """A token's phrase as character offsets, at most a dozen tokens long."""
    left, right = token.left_edge, token.right_edge
    if right.i - left.i >= _SPAN_MAX_TOKENS:
        left = right = token
        for child in token.lefts:
            if child.dep_ in ("compound", "amod", "det", "nummod", "poss"):
                left = child.left_edge if child.left_edge.i < left.i else left
    return left.idx, right.idx + len(right)


def _actor_and_target(
    token: Token, verb: Token | None
) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    actor: tuple[int, int] | None = None
    target: tuple[int, int] | None = None
    for head in (token, verb) if verb is not None else (token,):
        for child in head.children:
            if child.i == token.i:
                continue
            if child.dep_ == "nsubj" and actor is None and head.pos_ in ("VERB", "AUX"):
                actor = _span_of(child)
            elif child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and actor is None:
                        actor = _span_of(pobj)
            elif child.dep_ in ("poss",) and actor is None and head.pos_ == "NOUN":
                actor = _span_of(child)
            elif child.dep_ in ("dobj", "nsubjpass") and target is None:
                target = _span_of(child)
            elif child.dep_ == "prep" and child.lower_ in ("on", "against") and target is None:
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        target = _span_of(pobj)
    return actor, target


def _attachment_of(
    cand: PlaceInSentence,
    named: PlaceInSentence | None,
    triggers: frozenset[int],
    event_type: EventType,
    *,
    place_tokens: frozenset[int],
    also_triggers: frozenset[int],
    other_kinds: frozenset[int],
    wide_places: frozenset[int],
    quiet_words: frozenset[int] = frozenset(),
) -> Attachment | Refusal:
    """How the mention attaches to the trigger, through the capital phrase it names if any."""
    if _measured_offset(cand) and (
        cand.root.dep_ in ("appos", "npadvmod", "prep", "amod")
        or (cand.root.dep_ == "pobj" and cand.root.head.dep_ == "agent")
    ):
        # "struck by a drone about 40 nautical miles east of Fujairah": the parse
        # hangs the distance on a noun, takes "20 nm" for a preposition ("seized
        # about 20 nm north-east of Khor Fakkan"), an adjective of the weapon ("struck
        # by a drone 25 km west of El Obeid") or a second doer after "by"
        # ("seized by Iranian forces about 20 km north-east of X"), but a
        # distance only ever says where
        verb = next((a for a in cand.root.ancestors if a.pos_ in ("VERB", "AUX")), None)
        if verb is not None and verb.i in triggers:
            return Attachment("location", _WHERE_CONFIDENCE)
        if any(c.i in triggers for c in cand.root.children if c.dep_ in _NOUN_MODIFIERS_OF):
            # "was hit by an IED 30 km south of Gao": the parse makes the weapon a
            # modifier of the distance
            return Attachment("location", _WHERE_CONFIDENCE)
    others = place_tokens - cand.tokens - (named.tokens if named is not None else frozenset())
    # "the Georgian capital Tbilisi" hung on "capital": the name takes the phrase's
    # place in the parse; "Yemen's capital Sanaa", hung on Sanaa, needs no help.
    through = named if named is not None and not cand.root.is_ancestor(named.root) else None
    return attachment(
        (through or cand).root,
        triggers,
        event_type,
        other_places=others,
        also_triggers=also_triggers,
        other_kinds=other_kinds,
        town=is_town((through or cand).item.place),
        country=is_country((through or cand).item.place),
        capital=is_national_capital((through or cand).item.place),
        wide_places=wide_places,
        quiet_words=quiet_words,
    )


_NOUN_MODIFIERS_OF = frozenset({"nmod", "compound", "amod"})
"""Relations by which the parse may hang a weapon on the distance after it."""
_SENTENCE_ENDS = frozenset({".", "!", "?", '"', "”", "’", "'", ")"})
"""Tokens a sentence of prose ends with; a headline ends with none."""


def _past_a_headlines_semicolon(
    place: frozenset[int], trigger: frozenset[int], places: frozenset[int], doc: Doc
) -> bool:
    """Whether a headline's semicolon parts the place from a trigger with a place of its own.

    "Militants storm police post in Khyber Pakhtunkhwa; arrests in Lahore":
    two headlines in one, each with its events and places. Not when the
    trigger's part names no place ("Israeli strikes pound Gaza; dozens
    killed": the dead are Gaza's), and only in a headline (a line that does
    not end a sentence): in prose the clause after a semicolon often goes on
    with the same event ("stormed the defences at X; this attack was
    followed by …") or the same list.
    """
    first = min(trigger)
    low, high = sorted((min(place), first))
    if not any(doc[i].text == ";" for i in range(low, high)):
        return False
    sentence = doc[first].sent
    last = next((t for t in reversed(sentence) if not t.is_space), None)
    if last is None or last.text in _SENTENCE_ENDS:
        return False
    start, end = sentence.start, sentence.end
    for i in range(first - 1, sentence.start - 1, -1):
        if doc[i].text == ";":
            start = i + 1
            break
    for i in range(first, sentence.end):
        if doc[i].text == ";":
            end = i
            break
    return any(start <= i < end for i in places - place)


_SITE_NAMES = SITES | {
    "port", "museum", "academy", "college", "institute", "library", "theatre", "theater", "zoo",
}  # fmt: skip
"""Words for a building or ground named after its place: "the National University
of Kharkiv" stands in Kharkiv, where "the Islamic State of Iraq" is no site."""


def _names_a_site(span: Span) -> bool:
    """Whether a place inside a name closes a site's name ("the University of Kharkiv")."""
    doc = span.doc
    return (
        span.start >= 2
        and doc[span.start - 1].lower_ == "of"
        and doc[span.start - 2].lower_ in _SITE_NAMES
    )


def _after_an_office(span: Span) -> bool:
    """Whether a place closes the name of an office: "the Foreign Ministers of Armenia"."""
    doc = span.doc
    if span.start < 2 or doc[span.start - 1].lower_ != "of":
        return False
    office = doc[span.start - 2]
    # a capitalised title's lemma may keep its plural: "Ministers"
    return bool({office.lemma_.lower(), office.lower_.removesuffix("s")} & _OFFICES)


_OFFICES = frozenset(
    {"minister", "president", "prime", "governor", "ambassador", "envoy", "leader", "king",
     "secretary", "chief", "head", "foreign", "representative", "delegation", "emir"}
)  # fmt: skip
"""Nouns (lemmas) of an office whose "of" names the country it serves."""


def _opens_a_meeting_s_name(span: Span) -> bool:
    """Whether a place opens the name of a gathering held there: "the Doha Forum".

    "the Munich Security Conference", "the Shangri-La Dialogue": a town's
    conference or forum meets in it. A few capitalised words may come between.
    """
    doc = span.doc
    end = span.end
    while end < len(doc) and end - span.end < _MEETING_NAME_WORDS and doc[end].is_title:
        if doc[end].lower_ in _MEETING_NAMES:
            return True
        end += 1
    return False


_MEETING_NAMES = frozenset({"forum", "conference", "summit", "dialogue"})
"""Last words of a gathering's name that a town before it hosts."""
_MEETING_NAME_WORDS = 3
"""The most capitalised words between the town and that last word."""


def _a_road_only_for_want_of_a_place(
    verdicts: Sequence[tuple[PlaceInSentence, bool, Attachment | Refusal]],
) -> Sequence[tuple[PlaceInSentence, bool, Attachment | Refusal]]:
    """The ends of a road named by them, only where the rules took no other place.

    "a bomb on the Yala-Betong road in Thanto district": the district is where
    it went off, and the road's two towns only say which road it was: they are
    its context, and no rivals of the district before the scorer.
    """
    taken = [isinstance(v, Attachment) for _, _, v in verdicts]
    ends = [
        t and _ends_a_route(cand.root.doc[min(cand.tokens) : max(cand.tokens) + 1])
        for (cand, _, _), t in zip(verdicts, taken, strict=True)
    ]
    if not any(ends) or sum(taken) == sum(ends):
        return verdicts
    return [
        (cand, owned, Refusal("context") if end else verdict)
        for (cand, owned, verdict), end in zip(verdicts, ends, strict=True)
    ]


def _ends_a_route(span: Span, mention_starts: AbstractSet[int] | None = None) -> bool:
    """Whether a place ends a road named by its ends ("the Abuja-Kaduna highway").

    The model may read the pair as a firm's name; the road still runs between
    the two towns. With ``mention_starts`` (the characters where the article's
    place mentions start), only when the other end is a place found too.
    """
    doc = span.doc
    first, last = doc[span.start], doc[span.end - 1]
    other = None
    if first.i >= 2 and ends_of_a_route(doc[first.i - 2], last):
        other = doc[first.i - 2]
    elif last.i + 2 < len(doc) and ends_of_a_route(first, doc[last.i + 2]):
        other = doc[last.i + 2]
    if other is None:
        return False
    return mention_starts is None or other.idx in mention_starts


def _measured_offset(cand: PlaceInSentence) -> bool:
    """Whether the mention is a distance and bearing from a place ("40 km east of X")."""
    area = cand.item.mention.area
    return area is not None and area.kind is AreaKind.OFFSET and area.distance_km is not None


_VESSELS = frozenset(
    {
        "ship", "ships", "vessel", "vessels", "tanker", "tankers", "freighter", "freighters",
        "boat", "boats", "frigate", "destroyer", "warship", "warships", "dhow", "yacht",
        "ferry", "trawler",
    }
)  # fmt: skip
"""Words for a ship, whose place at sea a measured offset from a port gives."""


def _a_ship_at_a_measured_offset(cand: PlaceInSentence, token: Token) -> bool:
    """Whether the place is a measured offset in a sentence about a ship.

    "A tanker was struck 40 nautical miles east of Fujairah": at sea, the
    distance and bearing from a port is the only place the text gives, and
    it is where the ship was. The scorer, which learned offsets on land
    (where the town is the gold's place), does not overrule it.
    """
    return _measured_offset(cand) and any(t.lower_ in _VESSELS for t in token.sent)


_OWN_PARTICIPLE = 0.8
"""Confidence of a place in a participle clause that tells the trigger's own deed."""


def _in_its_own_participle(place: Token, trigger_tokens: frozenset[int]) -> bool:
    """Whether the place lies in an "-ing" clause with no subject, hung on the trigger."""
    verb = _nearest_verb_above(place)
    return verb is not None and _a_participle_clause(verb) and verb.head.i in trigger_tokens


def _the_trigger_s_own_offset(cand: PlaceInSentence, trigger_tokens: frozenset[int]) -> bool:
    """Whether an offset hangs on the trigger's verb or its object (or is its object).

    The caller asks for a measured one when it is the rules' only place, and
    for any bearing when the rules' other places are countries or provinces.

    "carried out an airstrike about 40 km northeast of Kismayo": the distance
    and bearing are where the strike was. The scorer learned offsets as the
    context of a town before them ("Ramadi, 100 km west of Baghdad"), which
    the rules refuse before it sees them.
    """
    area = cand.item.mention.area
    if area is None or area.kind is not AreaKind.OFFSET:
        return False
    head = cand.root.head
    if head.dep_ == "dobj" and head.head.i in trigger_tokens:
        head = head.head  # "attacked a checkpoint 30 km south of Mosul"
    return cand.root.dep_ in ("advmod", "prep", "npadvmod", "dobj") and head.i in trigger_tokens


def _a_bearing_from_the(cand: PlaceInSentence) -> bool:
    """Whether a bearing is written from "the" something: "east of the Dnipro" (the river).

    A town takes no article; the gazetteer may still have read a town there.
    """
    return " of the " in cand.item.mention.text.lower()


def _set_off_by_a_comma(cand: PlaceInSentence, trigger_tokens: frozenset[int]) -> bool:
    """Whether a comma stands between the trigger and the place."""
    doc = cand.root.doc
    low = max(trigger_tokens) + 1
    return any(t.text == "," for t in doc[low : min(cand.tokens)])


_WHERE_CONFIDENCE = 0.9
"""How sure a "where" clause makes the place: as sure as a place the trigger's
own phrase names through its object."""


def _where_clause_heads(triggers: frozenset[int], doc: Doc) -> frozenset[int]:
    """The tokens a "where" clause that holds the trigger hangs on.

    "Tbilisi, where thousands demonstrated", "the town, where clashes
    erupted": the place is the clause's head, above the trigger, so no path
    from the place up reaches it; a place whose tokens hold such a head is
    where the event happened.
    """
    heads = set()
    for i in triggers:
        token = doc[i]
        for _ in range(4):
            if token.dep_ == "relcl":
                if any(c.dep_ == "advmod" and c.lower_ == "where" for c in token.children):
                    head = token.head
                    heads.add(head.i)
                    if head.dep_ == "appos":
                        heads.add(head.head.i)  # "in Gisenyi, Rwanda, where five were killed"
                break
            if token.dep_ in CLAUSE_DEPS or token.head.i == token.i:
                break
            token = token.head
    return frozenset(heads)


def _in_another_event_s_clause(place: Token, trigger: Token, others: frozenset[int]) -> bool:
    """Whether the place lies in a clause the trigger governs that tells an event of its own.

    "Police detained the mayor at his home, and protesters in Ankara
    clashed with riot police": Ankara is the clash's, though the parse
    hangs the clash's clause on the arrest; a verb of another event with
    its own subject stands on the place's path up to the trigger. So does an
    "after" or "before" clause told weeks or more apart ("the attack, which
    came eight months after its fighters hijacked a train near Sibi"), and a
    "since" clause's own deed after an event ranked in time ("the first
    shooting since a deal was signed in Washington").
    """
    # the nearest verb above the place is the clause it lies in: a deed of its own,
    # done by its own subject; not what the first deed caused ("struck a building,
    # and 12 people in Khan Younis were killed")
    verb = _nearest_verb_above(place, stop=trigger)
    if verb is None or verb.i not in others:
        return False
    if _a_point_since(verb) and _ranked_in_time(trigger):
        return True  # "the first shooting since a deal was signed in Washington"
    if not any(c.dep_ == "nsubj" for c in verb.children):
        return False
    if verb.dep_ == "advcl" and _long_before_or_after(verb):
        # "the attack, which came eight months after its fighters hijacked a train near X"
        return True
    return verb.dep_ == "conj" and verb.lemma_.lower() not in _CONSEQUENCES


def _in_the_trigger_s_clause(
    place: Token, trigger_tokens: frozenset[int], verb: Token | None
) -> bool:
    """Whether the place's nearest verb is the trigger or its support verb: its own clause.

    "Near Kupiansk, shots were fired on the border"; not "officials in Quetta
    said rockets landed in the sea", whose Quetta is the saying's.
    """
    nearest = _nearest_verb_above(place)
    if nearest is None:
        return False
    own = set(trigger_tokens) | ({verb.i} if verb is not None else set())
    for i in trigger_tokens:
        word = place.doc[i]
        if word.dep_ not in _CLAUSE_HEADS and (above := _nearest_verb_above(word)) is not None:
            own.add(above.i)  # "Russian shelling along the front line killed three in X"
    return nearest.i in own


_CLAUSE_HEADS = (CLAUSE_DEPS - {"acl"}) | {"ROOT", "conj"}
"""Dependencies of a verb that heads a clause of its own (not a participle on a noun)."""


def _a_town_naming_the_event(
    cand: PlaceInSentence, trigger_tokens: frozenset[int], verdict: Attachment
) -> bool:
    """Whether a town's name modifies the event's own noun: "the Brasilia summit".

    The scorer learnt from verbs, which such names seldom modify. A country or
    a region so written is as often the topic ("the Ukraine peace summit",
    held in Switzerland), and stays the scorer's to weigh.
    """
    place = cand.item.place
    head = cand.root.head
    return (
        verdict.role == "compound"
        and head.i in trigger_tokens
        and head.dep_ != "compound"  # "Gaza ceasefire talks in Doha": the talks' topic
        and place is not None
        and is_town(place)
    )


def _names_another_event_s_place(
    place: Token, trigger_tokens: frozenset[int], others: frozenset[int]
) -> bool:
    """Whether the place modifies another event's noun, one yet to come, or hangs on it.

    "a troop build-up ahead of the Brasilia summit", "massed on the border
    ahead of next week's summit in Brasilia": the name says where the summit
    will be, and nothing of the build-up. An event that came first
    may have been where the deed was ("captured after the Riyadh shootout").
    """
    noun = place.head
    if place.dep_ == "pobj" and noun.dep_ == "prep":
        noun = noun.head  # "ahead of next week's summit in Brasilia"
    elif place.dep_ not in ("compound", "poss", "amod"):
        return False
    return (
        noun.i in others
        and noun.i not in trigger_tokens
        and (told_as_planned(noun) or ahead_of(noun))
    )


def _a_point_since(clause: Token) -> bool:
    """Whether a "since" clause tells a deed of its own that time is counted from.

    "the first shooting since a deal was signed in Washington", "since the
    Taliban returned to power in Kabul": another event, at its own place. Not
    an outbreak ("killed since fighting broke out in Tripoli"), whose war the
    event is part of.
    """
    return (
        clause.dep_ == "advcl"
        and any(c.dep_ == "mark" and c.lower_ == "since" for c in clause.children)
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)
        and clause.lemma_.lower() not in _OUTBREAKS
    )


def _ranked_in_time(trigger: Token) -> bool:
    """Whether the event is told as the first, last or worst of its kind: "the first shooting".

    Such a "since" counts from a point elsewhere; a toll "since police opened
    fire on protesters in Nairobi" counts the deaths the clause caused, there.
    """
    noun = trigger if trigger.pos_ in ("NOUN", "PROPN") else None
    if noun is None and trigger.dep_ in ("relcl", "acl"):
        noun = trigger.head  # "the first time troops entered Rafah since …"
    if noun is None:
        return False
    return any(c.dep_ == "amod" and (c.lower_ in _RANKS or c.tag_ == "JJS") for c in noun.children)


_RANKS = frozenset({"first", "last", "latest", "only"})
"""Words that rank an event in time ("the first shooting since …")."""


_OUTBREAKS = frozenset({"break", "erupt", "begin", "start", "flare", "escalate", "intensify"})
"""Verbs of a fight's start: what happened "since" it began is part of it (lemmas)."""


def _long_before_or_after(clause: Token) -> bool:
    """Whether a clause is told weeks or more before or after its head: "eight months after"."""
    return _after_or_before(clause) is not None and any(
        unit in _LONG_SPANS for unit, _ in _spans_told(clause)
    )


def _after_or_before(clause: Token) -> str | None:
    """The "after" or "before" that opens a clause, if one does."""
    return next(
        (c.lower_ for c in clause.children if c.dep_ == "mark" and c.lower_ in ("after", "before")),
        None,
    )


def _spans_told(word: Token) -> list[tuple[str, int | None]]:
    """The spans of time a word is told with, as (unit, count): "eight months (after)".

    The count is ``None`` when the words give none ("weeks after").
    """
    spans: list[tuple[str, int | None]] = []
    for child in word.children:
        unit = child.lemma_.lower()
        if child.dep_ == "npadvmod" and unit in _SPAN_UNITS:
            number = next((c for c in child.children if c.dep_ in ("nummod", "det")), None)
            spans.append((unit, span_count(number.text) if number is not None else None))
    return spans


def _in_an_event_long_apart(place: Token, trigger: Token, others: frozenset[int]) -> bool:
    """Whether the place hangs on another event's noun told weeks or more apart.

    "Jets struck the port on Monday, weeks after talks in Doha": Doha is the
    talks' place; "after" alone may join one scene ("captured after a
    gunbattle in Karachi").
    """
    node = place
    while node.i != trigger.i and node.head.i != node.i:
        head = node.head
        if (
            node.i in others
            and node.pos_ in ("NOUN", "PROPN")
            and head.lower_ in ("after", "before")
            and any(unit in _LONG_SPANS for unit, _ in _spans_told(head))
        ):
            return True
        node = head
    return False


_SPAN_UNITS = frozenset({"day", "week", "month", "year", "decade"})
"""Units a span of time between two events is told in."""
_LONG_SPANS = _SPAN_UNITS - {"day"}
"""Spans of time that set two events apart: "two years after the siege of X"."""


def _nearest_verb_above(place: Token, stop: Token | None = None) -> Token | None:
    """The first verb among the place's heads: the clause it lies in.

    ``None`` when there is none, or when ``stop`` (the trigger) comes first.
    """
    node = place
    while node.head.i != node.i:
        node = node.head
        if stop is not None and node.i == stop.i:
            return None
        if node.pos_ == "VERB":
            return node
    return None


_CONSEQUENCES = frozenset(
    {"kill", "wound", "injure", "die", "destroy", "damage", "burn", "collapse", "hurt", "leave"}
)
"""Verbs of what a deed caused, which happened where the deed did."""


def _in_another_event_at_another_time(place: Token, trigger: Token, others: frozenset[int]) -> bool:
    """Whether the place is another event's, told in a clause that dates the trigger's.

    "exchanged fire along the border, hours before the leaders were due to
    meet in Washington": Washington is where they meet, at another time, not
    where the fire was exchanged. The nearest verb above the place is another
    event's word, and its clause opens with "before", "after", "until" or
    "since". Not "when" or "as", whose events share a scene ("were
    patrolling a road in X when insurgents detonated a bomb"), nor a place
    the trigger itself describes ("returns the Golan Heights captured in 1967").
    """
    if place.is_ancestor(trigger):
        return False
    verb = _nearest_verb_above(place)
    if verb is None or verb.i not in others:
        return False
    head = verb
    while head.dep_ in ("xcomp", "acomp") and head.head.i != head.i:
        head = head.head
    return any(c.dep_ == "mark" and c.lower_ in _ANOTHER_TIME for c in head.children)


_ANOTHER_TIME = frozenset({"before", "after", "until", "since"})


#: Verbs by which one event brings about another where it happened.
_FORCING = frozenset({"force", "prompt", "cause", "lead"})


#: Prepositions that set an event beside a thing: "shells fired during fighting".
_AMID = frozenset({"during", "amid", "from", "in"})


def _meets_at_another_event(place: Token, trigger: Token, others: frozenset[int]) -> bool:
    """Whether the place belongs to another event whose participant the trigger describes.

    "A drone launched from Yemen was intercepted over Eilat": Eilat hangs
    on "intercepted", and "launched from Yemen" only says which drone and
    whence; Eilat is the interception's place, not the launch's. So is an
    event noun named inside the other event's words ("met officers in the
    Russian capital and handed over a reconstruction of the strike": the
    meeting was in Moscow, the strike was not). A verb's description that
    names no origin often is the same action ("a car bomb targeting recruits
    killed eight in Baghdad"), unless it is a launch ("drones launched
    overnight were destroyed over X"), and a participle that goes on with it ("hit a
    hospital in X, killing seven") shares its place.
    """
    chain = list(trigger.ancestors)
    above = {t.i: n for n, t in enumerate(chain)}
    node, below = place, []
    while node.i not in above and node.head.i != node.i:
        below.append(node)
        node = node.head
    if node.i not in above:
        return False
    if any(t.i in others and t.pos_ == "VERB" and has_subject(t) for t in below):
        return True  # "launched an offensive to take X, and jets bombed Y": Y is the bombing's
    if (
        trigger.dep_ in ("nsubj", "nsubjpass")
        and trigger.head.lemma_.lower() not in _FORCING
        and any(t.i in others and t.dep_ == "dobj" and t.head.i == trigger.head.i for t in below)
    ):
        # "the clashes followed an attack near Pahalgam": the attack's place; not "the
        # drone attack forced the suspension of flights at Kazan airport", told as one
        return True
    if (
        trigger.pos_ in ("NOUN", "PROPN")
        and node.dep_ == "relcl"
        and any(t.i in others and t.pos_ == "NOUN" for t in below[1:])
        and any(
            t.dep_ == "advcl" and any(opens_when_clause(c) for c in t.children)
            for t in [trigger, *chain[: above[node.i]]]
        )
    ):
        # "who was attending the summit in Kazan when the attack happened": the
        # summit's place; the attack's clause only says when he was there (not
        # "medics treating the wounded at a protest in X when soldiers opened
        # fire", a deed told by its verb, on that scene)
        return True
    if node.i not in others:
        return False
    if trigger.pos_ in ("NOUN", "PROPN"):
        return True  # "met … in the Russian capital and handed over a reconstruction of the strike"
    described = [trigger, *chain[: above[node.i]]]
    if (
        trigger.dep_ in ("pobj", "pcomp")
        and trigger.head.lower_ in _AMID
        and any(t.dep_ in ("nsubj", "nsubjpass") and t.head.i == node.i for t in described)
    ):
        # "mortar shells fired during fighting in Myanmar landed in Teknaf": the
        # fighting only says which shells; where they landed is the landing's
        return True
    if any(t.lemma_.lower() in SPEECH for t in described[1:]):
        return True  # "patrolled X as rebels said they had targeted a tanker": a report of its own
    says_whence = trigger.lemma_.lower() in _LAUNCHES or any(
        c.dep_ == "prep" and c.lower_ in ORIGIN for c in trigger.children
    )  # a launch happens where it started, even when the text does not say where
    return says_whence and any(t.dep_ in ("acl", "relcl") for t in described)


def _within_its_noun(trigger: Token, root: Token) -> bool:
    """Whether a place may be an event's when the trigger only describes a thing.

    "escorted the damaged ship towards Djibouti": a participle that modifies
    a noun tells a state, not where it came about; only a place in that
    noun's own phrase ("the destroyed bridge in Kherson") can be where, and
    not one it is headed to or comes from ("the damaged tanker towards X").
    Any other trigger: true.
    """
    if trigger.dep_ != "amod" or trigger.tag_ != "VBN":
        return True
    if root.dep_ == "pobj" and root.head.lower_ in DESTINATION | ORIGIN:
        return False
    return trigger.head.is_ancestor(root)


def _scored(
    verdict: Attachment | Refusal,
    chance: float,
    model: LocationModel,
    *,
    governed: bool,
    reachable: bool = True,
) -> Attachment | Refusal:
    """The scorer's say over a verdict of the rules that is not a veto.

    A place the rules accepted stays unless its probability falls below the
    model's threshold; a destination the type asks for stays whatever it
    is. A place they could not decide is accepted only above the stricter
    ``accept_threshold``; across a clause boundary, which often
    marks another event, only above the model's ``clause_threshold`` as well;
    and when the trigger does not govern it in the parse (``governed``: it
    lies outside the trigger's phrase), only above ``reach_threshold`` too,
    and never when its path meets the trigger's at another event's word
    (``reachable`` false): the place is that event's.
    """
    if isinstance(verdict, Attachment):
        if chance >= model.threshold or verdict.role == "destination":
            # A destination is only ever a role the type asks for ("deployed a
            # destroyer to the Gulf of Aden", "flew to Doha for talks"), and the
            # gold's sentences give the scorer few of them to learn from.
            return Attachment(verdict.role, round(max(chance, verdict.confidence * 0.5), 3))
        return Refusal("scored")
    needed = model.accept_threshold
    if verdict.reason == "clause":
        needed = max(needed, model.clause_threshold)
    if not governed:
        if not reachable:
            return verdict
        needed = max(needed, model.reach_threshold)
    if chance >= needed:
        return Attachment("location", round(chance, 3))
    return verdict


def _sentence_words(tokens: Sequence[Token]) -> set[str]:
    """The lemmas, forms and two-word forms of a sentence's tokens."""
    lowers = [t.lower_ for t in tokens]
    words = {t.lemma_.lower() for t in tokens} | set(lowers)
    words |= {f"{a} {b}" for a, b in itertools.pairwise(lowers)}
    return words


def _points_back(trigger: Token, before: Span) -> bool:
    """Whether the trigger's own words point to a place named before ("there").

    "there", "the city", "the town", a part of one ("the northern districts of
    the city"); or a site the sentence ``before`` named
    ("Gunmen attacked the army base in Djibo. The assault on the base lasted
    hours").
    """
    for child in trigger.subtree:
        if child.lower_ in _POINTS_BACK and child.head.i == trigger.i:
            return True
        if (
            child.dep_ in ("pobj", "dobj")
            and any(d.lower_ == "the" for d in child.lefts)
            and (
                _within_hops(child, trigger, 3)
                # "over the northern districts of the city": a part of it
                or (
                    child.head.lower_ == "of"
                    and child.head.head.lemma_.lower() in PLACE_PARTS
                    and _within_hops(child.head.head, trigger, 3)
                )
            )
            and (
                child.lower_ in _POINTS_BACK_NOUNS
                or (
                    child.lemma_.lower() in _POINTS_BACK_SITES
                    and any(
                        t.pos_ in ("NOUN", "PROPN") and t.lemma_.lower() == child.lemma_.lower()
                        for t in before
                    )
                )
            )
        ):
            return True
    return False


_AGAIN_ANY_VIOLENCE = frozenset(
    {"attack", "assault", "incident", "violence", "blast", "explosion", "bombing", "raid",
     "ambush"}
)  # fmt: skip
"""Event nouns that may tell again any violent deed: "the attack" after a bombing."""
_VIOLENT_LAYERS = frozenset({"strike_sites", "explosions", "attacks", "clashes"})
_ANOTHER_ONE = frozenset(
    {"latest", "previous", "earlier", "last", "next", "other", "another", "new", "recent",
     "similar", "first", "second", "third", "past", "further", "separate", "subsequent",
     "later", "initial", "fresh", "renewed"}
)  # fmt: skip
"""Words that make "the X" another event than the one told: "the latest attack"."""


def _an_event_told_again(noun: Token) -> bool:
    """Whether a trigger noun names an event told before: "the blast", "this attack".

    Only a bare definite noun: "the 2015 attack", "Monday's attack", "the
    Houthi attack on a tanker" and "the latest attack" each tell one of their own.
    """
    if noun.pos_ != "NOUN" or not _told_before(noun):
        return False
    for child in noun.children:
        if child.dep_ in ("det", "punct"):
            continue
        if child.dep_ != "amod" or child.ent_type_ or child.lower_ in _ANOTHER_ONE:
            return False
    return True


def _where_it_was_told_first(
    noun: Token,
    layer: str,
    here: Sequence[ReportedEvent],
    before: Sequence[ReportedEvent],
    sentences: Sequence[Span],
    number: int,
    text: str,
) -> list[EventLocation]:
    """The places of the event a definite noun tells again, nearest first.

    An earlier event of the same layer, or of any violent layer when the
    noun is as general as "the attack", in the noun's own sentence (shared at
    lower confidence), else one of the same layer in the sentence before it
    in the same paragraph (linked, at the lower confidence of a place from
    another sentence).
    """
    lemma = noun.lemma_.lower()

    def fits(event: ReportedEvent) -> bool:
        if not event.locations or any(loc.linked for loc in event.locations):
            return False
        if event.type in _DEATHS:
            return False  # deaths are what an attack did, not an attack told
        return event.layer == layer or (
            lemma in _AGAIN_ANY_VIOLENCE
            and event.layer in _VIOLENT_LAYERS
            and layer in _VIOLENT_LAYERS
        )

    told = next((e for e in reversed(here) if e.trigger_end <= noun.idx and fits(e)), None)
    if told is not None:
        return [
            dataclasses.replace(loc, confidence=round(loc.confidence * _SHARED, 3))
            for loc in told.locations
        ]
    if number == 0 or not _same_paragraph(text, sentences[number - 1], sentences[number]):
        return []
    # from the sentence before, only an event of the noun's own layer: "Islamic State
    # claimed the attack" after a sentence recalling "a blast in Kunduz on Friday"
    # claimed the story's attack, not the blast recalled
    start = sentences[number - 1].start_char
    # back over the sentence before only, not the whole story told so far
    last = itertools.takewhile(lambda e: e.sentence_start >= start, reversed(before))
    told = next(
        (e for e in last if e.sentence_start == start and fits(e) and e.layer == layer), None
    )
    if told is None:
        return []
    return [
        dataclasses.replace(loc, confidence=round(loc.confidence * _LINKED, 3), linked=True)
        for loc in told.locations
    ]


def _line_labels(
    text: str, by_sentence: Mapping[int, Sequence[PlaceInSentence]]
) -> dict[int, PlaceInSentence]:
    """The place each labelled line opens with, by the line's first character.

    "Kharkiv: Russian drones hit a block", "- **Odesa:** A missile struck
    the port": a round-up says so where what follows on the line happened
    (:func:`geo.cues.labels_its_line`; never a dateline). A plain label
    counts only in a round-up by place (:func:`geo.cues.a_round_up_of_places`:
    not a transcript's "Georgia: My brother was arrested"), and a country
    never does: "- **Israel:** The military struck 40 targets" names who did it.
    """
    marked: dict[int, PlaceInSentence] = {}
    plain: dict[int, PlaceInSentence] = {}
    for candidates in by_sentence.values():
        for cand in candidates:
            mention = cand.item.mention
            place = cand.item.place
            if (
                mention.kind is not MentionKind.TOPONYM
                or place is None
                or is_country(place)
                or not labels_its_line(text, mention.start, mention.end)
            ):
                continue
            line = text.rfind("\n", 0, mention.start) + 1
            if a_marked_label(text, mention.start, mention.end):
                marked[line] = cand
            else:
                plain[line] = cand
    if plain and a_round_up_of_places(plain_labels(text), len(plain)):
        marked.update(plain)
    return marked


def _within_hops(token: Token, above: Token, hops: int) -> bool:
    """Whether ``above`` governs ``token`` in at most ``hops`` steps up the parse."""
    for _ in range(hops):
        if token.head.i == token.i:
            return False
        token = token.head
        if token.i == above.i:
            return True
    return False


def _same_paragraph(text: str, before: Span, sentence: Span) -> bool:
    """Whether no blank line stands between two sentences."""
    end = before.start_char + len(before.text.rstrip())
    start = sentence.start_char + len(sentence.text) - len(sentence.text.lstrip())
    return _BLANK_LINE.search(text, end, max(end, start)) is None


def _away_from_what_is_looked_back_on(root: Token, trigger_tokens: frozenset[int]) -> bool:
    """Whether a place lies outside a remembered event's own words, or in its remembrance's.

    "remembered the 1988 bombing over Lockerbie" keeps Lockerbie; "the
    bombing … at a service in London", however the parse hangs the service,
    and "a memorial in Madrid for the victims of the bombing" do not.
    """
    doc = root.doc
    owner = next((doc[i] for i in trigger_tokens if doc[i].is_ancestor(root)), None)
    if owner is None:
        # "condemned the airstrikes on villages near Zakho", the parse hanging "on"
        # on the verb: still the strikes' own words
        node = root
        while node.dep_ in ("prep", "pobj", "conj", "compound", "appos"):
            if the_object_before(node, trigger_tokens) is not None:
                return False
            node = node.head
        return True
    node = root.head
    while node.i != owner.i:
        if node.lemma_.lower() in LOOKING_BACK:
            return True
        node = node.head
    return False


def _judged(
    candidates: Sequence[tuple[PlaceInSentence, PlaceInSentence | None, bool]],
    trigger_tokens: frozenset[int],
    event_type: EventType,
    *,
    where_heads: frozenset[int],
    event_words: frozenset[int],
    place_tokens: frozenset[int],
    free_places: frozenset[int],
    wide_places: frozenset[int],
    trigger_words: frozenset[int],
    other_kinds: frozenset[int],
    quiet_words: frozenset[int] = frozenset(),
) -> list[tuple[PlaceInSentence, bool, Attachment | Refusal]]:
    """The rules' verdict on every place of the sentence for one event.

    ``candidates`` are the places with the capital they name and whether
    they only say where another lies. Each verdict comes with whether the
    place names an owner ("a US drone"): the scorer weighs that too. A place
    inside the trigger's own words is no candidate. ``place_tokens`` are the
    tokens of all the sentence's places, ``free_places`` those that say
    where no other lies, ``wide_places`` those of its countries and
    provinces, which hold a town rather than rival it.
    """
    verdicts: list[tuple[PlaceInSentence, bool, Attachment | Refusal]] = []
    if not candidates:
        return verdicts
    sentence_doc = candidates[0][0].root.doc
    remembered = any(looked_back_on(sentence_doc[i]) for i in trigger_tokens)
    for cand, named, in_context in candidates:
        if cand.tokens & trigger_tokens:
            continue
        doc = cand.root.doc
        owned = modifies_a_thing(cand, doc, trigger_tokens)
        verdict: Attachment | Refusal
        if (
            any(dates_a_clause(doc[i]) for i in trigger_tokens)
            and not any(doc[i].is_ancestor(cand.root) for i in trigger_tokens)
            and any(doc[i].is_ancestor(cand.root) for i in trigger_words - trigger_tokens)
        ):
            # "In the days after the attack, Pakistan closed its airspace": the
            # attack, told elsewhere, only dates the clause, and the place is the
            # closure's; not "hours after the strike, rescuers in Dnipro dug", which
            # tells no deed of its own there
            verdict = Refusal("another")
        elif _in_the_subject_of_a_dated_deed(cand.root, trigger_tokens, doc):
            # "Officials in Mandalay imposed a curfew in Monywa after protests": where
            # those who acted after the protests sit, not where the protests were
            verdict = Refusal("another")
        elif remembered and _away_from_what_is_looked_back_on(cand.root, trigger_tokens):
            # "remembered the 1988 bombing at a service in London": the service's place
            verdict = Refusal("another")
        elif event_type.topical and any(
            _in_force(doc[i], doc[i].head)
            and not doc[i].is_ancestor(cand.root)  # "a ceasefire brokered in Doha took effect"
            for i in trigger_tokens
        ):
            # "the ceasefire took effect in Kashmir", "residents of Jammu reported blasts
            # hours after the ceasefire took effect": only the accord's own words say
            # where it was made
            verdict = Refusal("topic")
        elif cand.tokens & where_heads:
            verdict = Attachment("location", _WHERE_CONFIDENCE)
        elif _past_a_headlines_semicolon(cand.tokens, trigger_tokens, place_tokens, doc):
            verdict = Refusal("apart")
        elif is_national_capital(cand.item.place) and _where_speakers_are(
            cand.tokens, trigger_tokens, doc
        ):
            verdict = Refusal("speech")
        elif owned:
            verdict = Refusal("owner")
        elif _in_what_a_thing_might_do(cand.root, trigger_tokens):
            verdict = Refusal("topic")  # "targeted weapons that could threaten Israel"
        elif names_the_party(cand, doc, event_words):
            verdict = Refusal("actor")
        elif names_a_border(cand):
            verdict = Refusal("context")  # "a village close to the Malian border"
        elif a_river_beyond_another(cand, place_tokens):
            verdict = Refusal("context")  # "the Karrada district across the Tigris"
        elif in_context:
            verdict = Refusal("context")
        else:
            verdict = _attachment_of(
                cand,
                named,
                trigger_tokens,
                event_type,
                place_tokens=free_places,
                also_triggers=trigger_words,
                other_kinds=other_kinds,
                wide_places=wide_places,
                quiet_words=quiet_words,
            )
        verdicts.append((cand, owned, verdict))
    return verdicts


def _outside_the_deed_it_goes_on_from(token: Token, place: Token, others: frozenset[int]) -> bool:
    """Whether a participle goes on from another event's verb whose clause lacks the place.

    "while aircraft bombed two villages in Sagaing, killing 14": "killing"
    goes on from "bombed", and a place that a third event's verb tells, outside
    the bombing's words (a town captured in the clause above), is not where
    the killing was.
    """
    verb = token.head
    if not (token.dep_ == "advcl" and token.tag_ == "VBG" and verb.i in others):
        return False
    if verb.pos_ != "VERB" or verb.is_ancestor(place):
        return False
    told_by = _nearest_verb_above(place)  # the place is that other deed's own
    return told_by is not None and told_by.i in others and told_by.i != verb.i


def _in_what_a_thing_might_do(place: Token, trigger_tokens: frozenset[int]) -> bool:
    """Whether the place is the object of what the event's object might do.

    "struck weapons that could threaten Israel", "hit launchers that can reach
    Tel Aviv": the clause says why the target mattered; its object is no site.
    Not a place "in" or "near" that the parse hangs on such a clause ("hit a
    school that could shelter families in Gaza City"), nor a "where" clause.
    """
    verb = place.head
    return (
        place.dep_ == "dobj"
        and verb.dep_ == "relcl"
        # "would" stays out: it is often habitual ("a depot that would supply fighters")
        and any(c.dep_ == "aux" and c.lower_ in POSSIBLE for c in verb.children)
        and not any(c.lower_ == "where" for c in verb.children)
        and any(a.i in trigger_tokens for a in verb.ancestors)
    )


def _the_participle_s_own_sites(
    verdicts: list[tuple[PlaceInSentence, bool, Attachment | Refusal]],
    trigger_tokens: frozenset[int],
    doc: Doc,
) -> list[tuple[PlaceInSentence, bool, Attachment | Refusal]]:
    """A participle that names a town of its own keeps off its clause's other places.

    "launched an offensive in the countryside of the Al-Salamiyah District,
    targeting positions at the village of Ramliyah", "an explosion rocked
    Damascus, killing scores in the Kafr Sousah area": the participle's deed
    was at the town its own words name; the governing clause's places are the
    offensive's or the explosion's (a refusal no scorer overrules). Not when
    its own place is a province or a country ("striking defences at this site
    in the Idlib Governorate"), which may only hold the clause's town.
    """
    participle = next(
        (doc[i] for i in sorted(trigger_tokens) if _a_participle_clause(doc[i])), None
    )
    if participle is None:
        return verdicts
    if not any(
        isinstance(verdict, Attachment)
        and participle.is_ancestor(cand.root)
        and (cand.item.place is None or is_town(cand.item.place))
        for cand, _, verdict in verdicts
    ):
        return verdicts
    return _only_under(participle, verdicts)


def _only_under(
    head: Token, verdicts: list[tuple[PlaceInSentence, bool, Attachment | Refusal]]
) -> list[tuple[PlaceInSentence, bool, Attachment | Refusal]]:
    """The verdicts with every place outside ``head``'s phrase refused as another's.

    A veto already given stands as it is.
    """
    return [
        (cand, owned, verdict)
        if head.is_ancestor(cand.root)
        or (isinstance(verdict, Refusal) and verdict.reason in VETOES)
        else (cand, owned, Refusal("another"))
        for cand, owned, verdict in verdicts
    ]


def _the_participle_s_own_clause(
    verdicts: list[tuple[PlaceInSentence, bool, Attachment | Refusal]],
    trigger_tokens: frozenset[int],
    doc: Doc,
) -> list[tuple[PlaceInSentence, bool, Attachment | Refusal]]:
    """A participle of a clause joined to another keeps off the first clause's places.

    "shot down drones over Jammu and Amritsar, and debris fell on a house on
    Amritsar's outskirts, injuring two": the injuring went with the debris, on
    the outskirts, not over Jammu. Only when the participle's own clause, with
    a subject of its own, names a place (a refusal no scorer overrules).
    """
    participle = next(
        (doc[i] for i in sorted(trigger_tokens) if _a_participle_clause(doc[i])), None
    )
    if participle is None:
        return verdicts
    clause = participle.head
    if clause.dep_ != "conj" or not has_subject(clause):
        return verdicts
    if not any(clause.is_ancestor(cand.root) for cand, _, _ in verdicts):
        return verdicts
    return _only_under(clause, verdicts)


def _measured_from(
    token: Token, verb: Token | None, place: Token, others: frozenset[int] = frozenset()
) -> Token:
    """The word the scorer measures a place from: the event word, or its verb.

    An event noun that is its support verb's subject ("a suicide bomber
    detonated …", "fighting erupted …") is measured from the verb for a place
    the verb governs outside the noun's phrase: the place hangs on the verb
    ("… and killed himself in Silopi"), and the distance and path from a noun
    at the start of the sentence tell the scorer nothing of it. A place in the
    noun's own phrase ("demonstrators in Nepal protested"), and any place of
    people's protest, is still measured from the noun; so is one in the phrase
    of another event noun (``others``) the verb governs: "the clashes followed
    an attack on tourists near Pahalgam" tells the attack's place.
    """
    if (
        verb is not None
        and token.dep_ in ("nsubj", "nsubjpass")
        and token.head == verb
        and token.lemma_.lower() not in PEOPLE_WHO_PROTEST
        and verb.is_ancestor(place)
        and not token.is_ancestor(place)
        and not any(
            word.i in others and word.pos_ in ("NOUN", "PROPN") for word in _between(place, verb)
        )
    ):
        return verb
    return token


def _between(place: Token, verb: Token) -> list[Token]:
    """The words on the parse's path from the place up to the verb, the verb left out."""
    path: list[Token] = []
    node = place.head
    while node.i != verb.i and node.head.i != node.i:
        path.append(node)
        node = node.head
    return path


def _weighed(
    verdicts: Sequence[tuple[PlaceInSentence, bool, Attachment | Refusal]],
    token: Token,
    trigger_tokens: frozenset[int],
    *,
    verb: Token | None,
    others: frozenset[int],
    places: int,
    model: LocationModel | None,
    on_pair: PairObserver | None,
) -> list[tuple[PlaceInSentence, Attachment]]:
    """The places where the event happened, from the rules' verdicts and the scorer.

    ``verdicts`` hold each place of the sentence with whether it names an
    owner and the rules' verdict; ``others`` are the sentence's other event
    words. The scorer (when given) has its say over each verdict that is not
    a veto, weighing each place against the places the rules took (most
    events happened at one place); ``on_pair`` sees each pair's features.
    ``verb`` is the event word's support verb, if any (see :func:`_measured_from`).
    """
    doc = token.doc
    verdicts = _a_road_only_for_want_of_a_place(verdicts)
    taken_roots = {cand.root.i for cand, _, v in verdicts if isinstance(v, Attachment)}
    # the two ends of a route are one place, not rivals ("the Kaduna-Abuja highway")
    route_ends = sum(1 for i in taken_roots if _hyphened_to(doc[i], taken_roots - {i}))
    accepted = sum(1 for _, _, v in verdicts if isinstance(v, Attachment)) - route_ends // 2
    # a bearing set off after a place only says where that one lies: no rival of it
    asides = {
        cand.root.i
        for cand, _, v in verdicts
        if isinstance(v, Attachment) and _a_bearing_aside(cand, verdicts)
    }
    # the places the rules took, less the countries and provinces that may hold them
    narrow = sum(
        1
        for cand, _, v in verdicts
        if isinstance(v, Attachment) and (cand.item.place is None or is_town(cand.item.place))
    )
    located: list[tuple[PlaceInSentence, Attachment]] = []
    in_the_open = placed_in_the_open(
        token, verb, {i for cand, _, _ in verdicts for i in cand.tokens}
    )
    # a venue the rules took ("a Gaza solidarity march in London"): a town before the
    # event's noun is then its topic, for the scorer to weigh
    venue = any(isinstance(v, Attachment) and v.role == "location" for _, _, v in verdicts)
    rejected: set[int] = set()  # places a rule beyond the vetoes kept from the event
    for cand, owned, verdict in verdicts:
        if (
            isinstance(verdict, Refusal)
            and verdict.reason == "clause"
            and _a_ship_at_a_measured_offset(cand, token)
            and _in_its_own_participle(cand.root, trigger_tokens)
        ):
            # "fired missiles at a tanker in the Red Sea, setting it ablaze 70 nautical
            # miles west of Hodeidah": the clause tells the same deed, and where
            verdict = Attachment("location", _OWN_PARTICIPLE)
        vetoed = isinstance(verdict, Refusal) and (
            verdict.reason in VETOES
            or (in_the_open and not _in_the_trigger_s_clause(cand.root, trigger_tokens, verb))
        )
        if vetoed:
            rejected.add(cand.root.i)
        at_sea = isinstance(verdict, Attachment) and (
            _a_ship_at_a_measured_offset(cand, token)
            or (
                accepted == 1
                and _the_trigger_s_own_offset(cand, trigger_tokens)
                and (
                    _measured_offset(cand)
                    or not (_set_off_by_a_comma(cand, trigger_tokens) or _a_bearing_from_the(cand))
                )
            )
            or (
                # "In North Darfur, the RSF attacked a camp south of El Fasher": the
                # offset, not the province, and not one set off by a comma, which
                # says where another place lies ("Kolahun, 240 km north of Monrovia")
                narrow == 1 < accepted
                and _the_trigger_s_own_offset(cand, trigger_tokens)
                and not _set_off_by_a_comma(cand, trigger_tokens)
            )
        )
        # A subject the type itself calls the site ("Iraq closed its airspace"): the
        # scorer learnt that subjects are actors, from types that do not say so.
        own_site = isinstance(verdict, Attachment) and (
            verdict.role == "subject"
            or under_the_event(cand.root, trigger_tokens)
            or (not venue and _a_town_naming_the_event(cand, trigger_tokens, verdict))
        )  # and what the verb puts under the event ("El Fasher has been under siege")
        if (model is not None or on_pair is not None) and not vetoed and not own_site:
            place = cand.item.place
            measured_from = _measured_from(token, verb, cand.root, others)
            rule = verdict.role if isinstance(verdict, Attachment) else f"no:{verdict.reason}"
            # a place that only describes this one ("Odesa, a Black Sea port, was
            # attacked") is no other place the sentence names
            aside = aside_of(cand.root, measured_from)
            features = pair_features(
                cand.root,
                cand.tokens,
                measured_from,
                rule=rule,
                place_kind=place.feature if place is not None else "unresolved",
                owned=owned,
                places=places - sum(1 for c, _, _ in verdicts if c.root.i in aside),
                other_triggers=others,
                rivals=accepted
                - isinstance(verdict, Attachment)
                - (len(asides) if cand.root.i not in asides else 0),
                aside=aside,
            )
            if on_pair is not None:
                on_pair(trigger_tokens, cand.item, features)
            if model is not None and not at_sea:
                governed = any(doc[i].is_ancestor(cand.root) for i in trigger_tokens)
                if isinstance(verdict, Refusal) and _names_another_event_s_place(
                    cand.root, trigger_tokens, others
                ):
                    rejected.add(cand.root.i)
                    continue  # "a troop build-up ahead of the Brasilia summit"
                if (
                    not governed
                    and isinstance(verdict, Refusal)
                    and _outside_the_deed_it_goes_on_from(token, cand.root, others)
                ):
                    # "had captured Kyaukme, while aircraft bombed villages in Sagaing,
                    # killing 14": the killing goes on from the bombing, not the capture
                    rejected.add(cand.root.i)
                    continue
                if (
                    governed
                    and isinstance(verdict, Refusal)
                    and (
                        (
                            verdict.reason == "clause"
                            and _in_another_event_s_clause(cand.root, measured_from, others)
                        )
                        or _in_an_event_long_apart(cand.root, measured_from, others)
                    )
                ):
                    rejected.add(cand.root.i)
                    continue
                verdict = _scored(
                    verdict,
                    model.probability(features),
                    model,
                    governed=governed,
                    reachable=governed
                    or (
                        not _meets_at_another_event(cand.root, measured_from, others)
                        and not _in_another_event_at_another_time(cand.root, measured_from, others)
                        and _within_its_noun(measured_from, cand.root)
                    ),
                )
        if isinstance(verdict, Attachment):
            located.append((cand, verdict))
    if model is not None:
        located += _rest_of_the_list(verdicts, located, rejected)
    return located


def _in_the_subject_of_a_dated_deed(place: Token, trigger_tokens: frozenset[int], doc: Doc) -> bool:
    """Whether the place stands in the subject of the deed an event noun only dates.

    "Officials in Mandalay imposed a curfew in Monywa after protests": the
    protests are told elsewhere, and officials who imposed the curfew act from
    where they sit. The deed's own object or place ("in Monywa") may still be
    where the protests were, and rescuers "in Dnipro" after a strike are at it.
    """
    for i in trigger_tokens:
        noun = doc[i]
        if not dates_a_clause(noun):
            continue
        verb = noun.head.head
        for subject in verb.children:
            if (
                subject.dep_ in ("nsubj", "nsubjpass")
                and subject.lemma_.lower() in _RULERS
                and (subject.i == place.i or subject.is_ancestor(place))
            ):
                return True
    return False


_RULERS = frozenset(
    {"official", "authority", "governor", "government", "administration", "minister",
     "ministry", "council", "mayor", "governorate", "cabinet", "junta"}
)  # fmt: skip
"""Those who act on an event from their seat ("officials in X imposed a curfew after
protests"); rescuers, medics or residents "in X" after an attack are at its site."""


def _holder_of_an_unknown_site(
    verdicts: Sequence[tuple[PlaceInSentence, bool, Attachment | Refusal]],
    in_context: frozenset[int],
    trigger_tokens: frozenset[int],
    doc: Doc,
    place_ends: dict[int, PlaceInSentence],
    place_starts: dict[int, PlaceInSentence],
    *,
    topical: bool,
) -> list[tuple[PlaceInSentence, Attachment]]:
    """The place that holds the event's own site when no source knows that site.

    "A drone strike hit a car in the Nur Shams camp near Tulkarm": the camp
    is where it happened, but no gazetteer names it, and the strike would
    map nowhere. The place the text puts the camp in or near, within the
    trigger's phrase, stands for it, with less confidence: the map then
    says "near Tulkarm" rather than nothing. Only when the event found no
    place at all.
    """
    found = [
        (cand, Attachment("location", _HOLDER_CONFIDENCE))
        for cand, _, verdict in verdicts
        if id(cand) in in_context
        and isinstance(verdict, Refusal)
        and verdict.reason == "context"
        and any(doc[i].is_ancestor(cand.root) for i in trigger_tokens)
        and not _holds_an_origin(cand.root)
        and not qualifies_another(
            cand, doc, place_ends, place_starts, topical=topical, unnamed=False
        )
    ]
    return found if len(found) == 1 else []


def _holds_an_origin(root: Token) -> bool:
    """Whether the unknown place a holder qualifies is where something came from or went.

    "fired missiles from the Sunan area near Pyongyang": the launch site is
    an origin, which no strike layer shows; "attacked a convoy bound for the
    Zamzam camp outside El Fasher": the camp is where it was going. The
    holder stands in for neither.
    """
    preps = [t for t in (root, *root.ancestors) if t.dep_ == "prep" or t.pos_ == "ADP"]
    return len(preps) > 1 and preps[1].lower_ in _NOT_WHERE_IT_HAPPENED


_NOT_WHERE_IT_HAPPENED = ORIGIN | DESTINATION | frozenset({"for"})
"""What the unknown site's own preposition says when it is no site: "from the X camp",
"a convoy bound for the X camp", "towards the X base"."""


#: How sure a place that holds an event's unknown site is as its location.
_HOLDER_CONFIDENCE = 0.5


def _rest_of_the_list(
    verdicts: Sequence[tuple[PlaceInSentence, bool, Attachment | Refusal]],
    located: Sequence[tuple[PlaceInSentence, Attachment]],
    rejected: AbstractSet[int] = frozenset(),
) -> list[tuple[PlaceInSentence, Attachment]]:
    """The places conjoined with one the scorer kept, but for ``rejected`` roots.

    "struck positions at A, B, C and D": one list, one verdict. The scorer
    weighs each place against its rivals and can drop one member of a list
    it keeps the rest of, whether the rules took the list or refused it as
    one ("rocked the coastal cities of Jablah and Tartous"); a place a veto
    or another rule kept from the event stays out. So with the two ends of a
    route ("the Buea-Limbe road").
    """
    kept = {i: found for cand, found in located for i in (_in_the_list(cand.root).i, cand.root.i)}
    added: list[tuple[PlaceInSentence, Attachment]] = []
    grew = True
    while grew:
        grew = False
        for cand, _, verdict in verdicts:
            root = _in_the_list(cand.root)
            if (
                root.i in kept
                or cand.root.i in rejected
                or (isinstance(verdict, Refusal) and verdict.reason in VETOES)
            ):
                continue
            fellows = [c.i for c in root.children if c.dep_ == "conj"]
            if root.dep_ == "conj" or _a_member_parsed_as_an_aside(cand, root):
                fellows.insert(0, root.head.i)
            if root.i != cand.root.i:
                # "the villages of Ariha, Kafr Nabl and Binnish": the names list on too
                fellows += [c.i for c in cand.root.children if c.dep_ == "conj"]
                if cand.root.dep_ == "conj":
                    fellows.append(cand.root.head.i)
            fellow = next((kept[i] for i in fellows if i in kept), None)
            if fellow is None and _hyphened_to(root, kept.keys()):
                fellow = next(iter(kept.values()))
            if fellow is None:
                before = _listed_right_before(cand, verdicts)
                if before is not None:
                    fellow = kept.get(_in_the_list(before.root).i)
            if fellow is None:
                continue
            if isinstance(verdict, Refusal):
                # "rocked the coastal cities of Jablah and Tartous": the scorer took
                # one of a list the rules refused as one; the list goes with it
                verdict = fellow
            added.append((cand, verdict))
            kept[root.i] = kept[cand.root.i] = verdict
            grew = True
    return added


def _a_bearing_aside(
    cand: PlaceInSentence,
    verdicts: Sequence[tuple[PlaceInSentence, bool, Attachment | Refusal]],
) -> bool:
    """Whether the place is a bearing from a town, set off by a comma after another place.

    "abducted two aid workers near Mandera, east of El Wak": the bearing says
    where Mandera lies, and weighs as no second place of the event.
    """
    first = min(cand.tokens)
    doc = cand.root.doc
    if first < 2 or doc[first].lower_ not in BEARINGS or doc[first - 1].text != ",":
        return False
    return any(max(other.tokens) == first - 2 for other, _, _ in verdicts)


def _listed_right_before(
    cand: PlaceInSentence,
    verdicts: Sequence[tuple[PlaceInSentence, bool, Attachment | Refusal]],
) -> PlaceInSentence | None:
    """The place written right before a town in a list the parse broke, if any.

    "shelled the districts of Zorvanek, Velmora (twice), Sarmin (three
    times), …": a count in brackets breaks the small parser's list, and the
    member after it hangs on nothing; the words still list it. Between the
    two: a comma after a count of times the first was hit, and an "and"
    after it; or a bare comma where the one before was itself listed so
    ("A, B (twice), C"). Only a town the gazetteer knows, named as itself:
    not "south of Baghdad" after "In Dura,", nor a country or a province,
    which says where the list lies, nor a name it cannot place ("In Nablus,
    Fadwa Barghuti marched").
    """
    place, mention = cand.item.place, cand.item.mention
    if place is None or not is_town(place) or mention.start != mention.anchor_start:
        return None
    doc = cand.root.doc
    last = max(cand.tokens)
    if cand.root.dep_ in ("nsubj", "nsubjpass", "compound") or (
        last + 1 < len(doc) and doc[last + 1].pos_ in ("VERB", "AUX")
    ):
        return None  # "shelled Kherson (twice), Mykolaiv reported no damage", "Odesa residents"
    before = _written_before(cand, verdicts)
    if before is None:
        return None
    counted = _a_list_gap(doc, before, cand)
    if counted is None:
        return None
    if counted:
        return before
    earlier = _written_before(before, verdicts)
    return before if earlier is not None and _a_list_gap(doc, earlier, before) else None


def _written_before(
    cand: PlaceInSentence,
    verdicts: Sequence[tuple[PlaceInSentence, bool, Attachment | Refusal]],
) -> PlaceInSentence | None:
    """The sentence's place that ends last before ``cand`` starts, if any."""
    first = min(cand.tokens)
    return max(
        (c for c, _, _ in verdicts if max(c.tokens) < first),
        key=lambda c: max(c.tokens),
        default=None,
    )


def _a_list_gap(doc: Doc, before: PlaceInSentence, after: PlaceInSentence) -> bool | None:
    """Whether only a list's comma stands between two places: ``True`` after a count.

    A comma, or ", and", may follow a count of times the first was hit in
    brackets ("Velmora (twice), "), and so may a bare "and" ("Velmora (five
    times) and Izium"); ``False`` for a bare comma, ``None`` for anything else.
    """
    gap = [t.lower_ for t in doc[max(before.tokens) + 1 : min(after.tokens)]]
    counted = False
    if len(gap) >= 3 and gap[0] == "(" and ")" in gap:
        close = gap.index(")")
        if not a_count_of_times(gap[1:close]):
            return None
        gap, counted = gap[close + 1 :], True
    if gap in ([","], [",", "and"]) or (counted and gap == ["and"]):
        return counted
    return None


def _a_member_parsed_as_an_aside(cand: PlaceInSentence, root: Token) -> bool:
    """Whether a town the parse hangs off a list's member as an aside is one more member.

    "shelled Kafr-Zorvan, Velmora, Kafr al-Hamra, Sarmin, Karnaz, farmland …":
    the parse may make a town an aside of the name before it, and the list
    goes on from it. A town right after a comma, after a name that is one of a list; not
    a country or province, which says where the list lies, nor a town after
    a name that lists nothing ("In Kafr Zaytabiya, Hama, jets struck").
    """
    head = root.head
    return (
        root.dep_ == "appos"
        and (head.dep_ == "conj" or any(c.dep_ == "conj" for c in head.children))
        and head.i < root.i
        and root.doc[head.i + 1].text == ","
        and (cand.item.place is None or is_town(cand.item.place))
    )


def _hyphened_to(root: Token, kept: AbstractSet[int]) -> bool:
    """Whether a place is the other end of a route a kept one ends: "the Buea-Limbe road"."""
    doc = root.doc
    before, after = root.i - 2, root.i + 2
    return (before in kept and before >= 0 and ends_of_a_route(doc[before], root)) or (
        after in kept and after < len(doc) and ends_of_a_route(root, doc[after])
    )


def _in_the_list(root: Token) -> Token:
    """The word that stands for a place in a list: "the state of X" for X.

    "the waters off La Guaira and the state of Sucre": the parse joins
    "state" to the list, not Sucre.
    """
    head = root.head
    if (
        root.dep_ == "pobj"
        and head.lower_ == "of"
        and (head.head.lower_ in PLACE_PARTS or head.head.lemma_.lower() in PLACE_PARTS)
    ):
        # and a plural kind: "in the city of X and the villages of Y and Z"
        return head.head
    return root


def detect_events(
    doc: Doc,
    resolved: Sequence[Resolved],
    *,
    layers: Sequence[LayerDefinition],
    index: TypeIndex | None = None,
    article_date: str | None = None,
    model: LocationModel | None = None,
    on_pair: PairObserver | None = None,
) -> list[ReportedEvent]:
    """Every event ``doc`` reports, in text order, with the places where it happened.

    Without ``model`` a place is where the event happened when the roles
    above say so; with it, when the learned scorer
    (:mod:`layers.location_model`), which weighs the roles with the rest of
    the evidence, gives at least its threshold. ``on_pair`` sees every
    (trigger, place mention) pair with its features (for training).

    ``resolved`` are the article's place mentions, resolved or not (a mention
    that did not resolve still names where an event happened). Bare national
    adjectives are never an event's place ("Russian troops" says whose), nor
    a place inside the name of an organisation ("the Islamic State of Iraq").
    """
    index = index or TypeIndex.of(layers)
    own_ground = frozenset(t.id for t, _ in index.types if "subject" in t.roles)
    disaster_deaths = next(((t, lay) for t, lay in index.types if t.id == _DISASTER_DEATHS), None)
    default_layer = next((layer.id for layer in layers if layer.default), None)
    text = doc_text(doc)
    # a wire dateline's day anchors the story's weekdays ("GAO, Nov 3 (Wire) - ... on Tuesday")
    filed = filed_date(text, article_date)
    # a round-up of wire stories: each dateline dates the weekdays below it
    datelines = later_datelines(text, article_date)
    article_date = filed or article_date
    sentences = list(doc.sents)
    starts = [s.start for s in sentences]
    # where each mention starts, by character: the other end of a road ("Abuja-Kaduna")
    mention_starts = frozenset(item.mention.anchor_start for item in resolved)
    by_sentence: dict[int, list[PlaceInSentence]] = {}
    in_names: set[int] = set()  # the tokens of places that only stand in a name
    for item in resolved:
        mention = item.mention
        if mention.kind is MentionKind.DEMONYM:
            continue
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        if mention.label == IN_A_NAME_LABEL and not (
            _names_a_site(span)
            or _ends_a_route(span, mention_starts)
            or _opens_a_meeting_s_name(span)
        ):
            if _after_an_office(span):
                in_names.update(range(span.start, span.end))
            continue  # "the Islamic State of Iraq": a name, not a place anything happened
        if span.root.dep_ == "conj" and span.root.head.i in in_names:
            # "the Foreign Ministers of Armenia and Azerbaijan", the first name read
            # inside an office's name: the second is the same office's country (not
            # "protests in Bank of Georgia and Tbilisi", a firm's name and a town)
            continue
        number = bisect.bisect_right(starts, span.start) - 1
        tokens = frozenset(range(span.start, span.end))
        by_sentence.setdefault(number, []).append(PlaceInSentence(item, span.root, tokens))
    labels = _line_labels(text, by_sentence)
    events: list[ReportedEvent] = []
    previous: list[tuple[int, list[EventLocation]]] = []  # (sentence number, its places)
    for number, sentence in enumerate(sentences):
        words_of = list(sentence)  # spaCy makes a new Token on every iteration: once here
        if told_in_fiction(words_of, text[sentence.start_char : sentence.end_char]):
            continue  # "In the film, rebels raid a base in Gibraltar": nowhere
        candidates = by_sentence.get(number, [])
        place_tokens = frozenset(i for c in candidates for i in c.tokens)
        wide_places = frozenset(
            i
            for c in candidates
            if c.item.place is not None and not is_town(c.item.place)
            for i in c.tokens
        )
        place_ends = {max(c.tokens): c for c in candidates}
        place_starts = {min(c.tokens): c for c in candidates}
        sentence_events: list[ReportedEvent] = []
        taken: set[int] = set()
        typed = _TypeMemo(index, words_of, place_tokens)
        layer_at = {
            t.i: found[1]
            for t in words_of
            if t.i not in place_tokens and (found := typed(t)) is not None
        }  # each event word of the sentence, with the layer of its event
        trigger_words = frozenset(layer_at)
        quiet_words = frozenset(i for i, layer in layer_at.items() if layer == default_layer)
        # What the words say of each place, whatever the trigger: once per sentence.
        by_token = {i: c for c in candidates for i in c.tokens}
        capitals = [
            capital_named(c, doc, place_ends) or listed_after(c, doc, by_token) for c in candidates
        ]
        contexts: dict[bool, tuple[list[bool], frozenset[int]]] = {}
        for token in words_of:
            if token.i in taken or token.i in place_tokens:
                continue
            found = typed(token)
            if found is None:
                continue
            event_type, layer_id = found
            if told_of_in_a_work(token):
                continue  # "a thriller about a pilot shot down over Afghanistan"
            if _inside_same_event(token, event_type, layer_id, sentence_events):
                continue  # "a visit by a delegation": the delegation is the visit's
            verb = _support_verb(token, layer_id, typed)
            trigger_tokens = frozenset({token.i} | ({verb.i} if verb is not None else set()))
            trigger_tokens |= _aspect_of(verb if verb is not None else token)
            if verb is not None:
                trigger_tokens |= _verb_phrase_of(verb, typed)  # "took place" is one verb
            taken |= trigger_tokens
            other_kinds = frozenset(
                i for i, layer in layer_at.items() if layer != layer_id
            )  # the sentence's words for events of other layers
            topical = event_type.topical
            if topical not in contexts:
                flags = [
                    qualifies_another(c, doc, place_ends, place_starts, topical=topical)
                    for c in candidates
                ]
                # A place that only says where another lies is not in that one's way.
                held = frozenset(
                    i for c, flag in zip(candidates, flags, strict=True) if flag for i in c.tokens
                )
                contexts[topical] = (flags, held)
            in_contexts, context_tokens = contexts[topical]
            verdicts = _judged(
                list(zip(candidates, capitals, in_contexts, strict=True)),
                trigger_tokens,
                event_type,
                where_heads=_where_clause_heads(trigger_tokens, doc),
                event_words=trigger_words | trigger_tokens,
                place_tokens=place_tokens,
                free_places=place_tokens - context_tokens,
                wide_places=wide_places,
                trigger_words=trigger_words,
                other_kinds=other_kinds,
                quiet_words=quiet_words,
            )
            verdicts = _the_participle_s_own_sites(verdicts, trigger_tokens, doc)
            verdicts = _the_participle_s_own_clause(verdicts, trigger_tokens, doc)
            located = _weighed(
                verdicts,
                token,
                trigger_tokens,
                verb=verb,
                others=trigger_words - trigger_tokens,
                places=len(candidates),
                model=model,
                on_pair=on_pair,
            )
            located = most_specific(located, trigger=min(trigger_tokens))
            stands_in = not located
            if stands_in:
                located = _holder_of_an_unknown_site(
                    verdicts,
                    frozenset(
                        id(c) for c, flag in zip(candidates, in_contexts, strict=True) if flag
                    ),
                    trigger_tokens,
                    doc,
                    place_ends,
                    place_starts,
                    topical=topical,
                )
            locations = [
                EventLocation(
                    cand.item.mention.start,
                    cand.item.mention.end,
                    cand.item.mention.anchor_start,
                    cand.item.mention.anchor_end,
                    how.role,
                    how.confidence,
                    stands_in=stands_in,
                )
                for cand, how in located
            ]
            if not locations and _an_event_told_again(token):
                # "A car bomb exploded in Mosul … ten were killed in the blast": the
                # blast told again, where it was told first
                locations = _where_it_was_told_first(
                    token, layer_id, sentence_events, events, sentences, number, text
                )
            if not locations and previous and _points_back(token, sentences[number - 1]):
                before_number, before_places = previous[-1]
                if before_number == number - 1 and _same_paragraph(
                    text, sentences[before_number], sentence
                ):
                    locations = [
                        EventLocation(
                            loc.start,
                            loc.end,
                            loc.anchor_start,
                            loc.anchor_end,
                            loc.role,
                            round(loc.confidence * _LINKED, 3),
                            linked=True,
                        )
                        for loc in before_places
                    ]
            if not locations:
                # "- **Odesa:** A missile struck port infrastructure.": the line's label
                label = labels.get(text.rfind("\n", 0, token.idx) + 1)
                if label is not None and label.item.mention.end <= token.idx:
                    mention = label.item.mention
                    locations = [
                        EventLocation(
                            mention.start,
                            mention.end,
                            mention.anchor_start,
                            mention.anchor_end,
                            "location",
                            round(_WHERE_CONFIDENCE * _LINKED, 3),
                            linked=True,
                        )
                    ]
            if _told_abroad(token):
                # "despite the talks abroad": none of the sentence's places, but those
                # that say where abroad ("killed an officer abroad, in Istanbul")
                locations = [loc for loc in locations if _under(token, loc)]
            first = min(trigger_tokens)
            last = max(trigger_tokens)
            if last - first > 4:
                # Too far apart to quote as one: the verb when it says what was done
                # ("carried out ... strikes", "the bomber ... detonated"), the noun when
                # the verb only says that it happened ("the blast ... occurred").
                if verb is not None and (token.dep_ == "dobj" or _says_what_was_done(verb, typed)):
                    first = last = verb.i
                else:
                    first = last = token.i
            trigger_start = doc[first].idx
            trigger_end = doc[last].idx + len(doc[last])
            actor, target = _actor_and_target(token, verb)
            planned = told_as_planned(token) or (verb is not None and told_as_planned(verb))
            if planned and locations and the_subject_of_a_condition(token):
                # "Should the fighting in El Fasher spread to Tawila": the fighting
                # goes on in El Fasher; Tawila is only where it may spread
                own = [loc for loc in locations if _under(token, loc)]
                if own:
                    locations, planned = own, False
            past = told_in_the_past(token, verb)
            date, date_source = event_date(
                sentence,
                article_date=_filed_for(sentence.start_char, article_date, datelines),
                mention=(trigger_start, trigger_end),
                ahead=planned or not past,
                planned=planned,
            )
            days = days_of(date) if date is not None else None
            if days is not None and article_date and days[0] > article_date[:10] and not past:
                planned = True  # dated after the article: "the ministers meet on March 3"
            sentence_events.append(
                ReportedEvent(
                    type=event_type.id,
                    layer=layer_id,
                    trigger=text[trigger_start:trigger_end],
                    trigger_start=trigger_start,
                    trigger_end=trigger_end,
                    sentence_start=sentence.start_char,
                    sentence_end=sentence.end_char,
                    locations=tuple(sorted(set(locations), key=lambda loc: loc.start)),
                    actor=actor,
                    target=target,
                    date=date,
                    date_source=date_source,
                    trigger_words=tuple(
                        (doc[i].idx, doc[i].idx + len(doc[i])) for i in sorted(trigger_tokens)
                    ),
                    planned=planned,
                    # "never tried to storm X", "did not begin attacking X": the aspect verb
                    denied=any(told_as_denied(doc[i]) for i in trigger_tokens),
                )
            )
        roots = _trigger_roots(sentence_events, doc)  # the same for the three passes
        sentence_events, roots = _without_modifiers_of_another(sentence_events, roots, doc)
        sentence_events = _dated_by_its_noun(sentence_events, roots)
        sentence_events = _dated_apart(sentence_events, roots)
        sentence_events = _deaths_in_a_disaster(sentence_events, roots, disaster_deaths)
        narrower = {
            (c.item.mention.start, c.item.mention.end): c.tokens
            for c in candidates
            if not c.tokens & wide_places
        }
        shared = _share_with_participles(
            sentence_events, doc, own_ground, roots=roots, places=narrower
        )
        # again, so a place goes on from what was shared: "shot and killed a boy when
        # they opened fire on youths in X" (the killing from the clause, the shooting
        # from the killing)
        shared = _share_with_participles(shared, doc, own_ground, roots=roots, places=narrower)
        shared = _launched_where_shot_down(shared, roots)
        events.extend(_the_venue_not_its_country(shared, candidates))
        sentence_events = events[len(events) - len(sentence_events) :]
        own = [loc for e in sentence_events for loc in e.locations if not loc.linked]
        if own:
            previous.append((number, _unique(own)))
    events = _dated_by_the_sentence_before(events, text, article_date, datelines)
    where = {(r.mention.start, r.mention.end): r.place for r in resolved}
    events = _dated_by_its_paragraph(events, doc, text, article_date, where, datelines)
    events = _dated_by_its_heading(events, text, article_date)
    events = summaries_told_below(events, text, where)
    if filed is not None:
        # the day the story was filed stands for the article's: say so
        events = [
            dataclasses.replace(e, date_source=DATELINE) if e.date_source == "article" else e
            for e in events
        ]
    return events


def _without_modifiers_of_another(
    events: list[ReportedEvent], roots: list[Token | None], doc: Doc
) -> tuple[list[ReportedEvent], list[Token | None]]:
    """The events but those whose word only modifies another event's word of its layer.

    "A protest rally by fishermen is planned in Mytilene", "a protest march":
    one event, the rally's, planned or not as the rally is; the modifier had
    told a second, done (tester round 39).
    """
    words: dict[int, str] = {}  # each trigger word's token, and its event's layer
    for event in events:
        for start, end in event.trigger_words:
            span = doc.char_span(start, end, alignment_mode="expand")
            words.update({token.i: event.layer for token in span or ()})
    kept = [
        (event, root)
        for root, event in zip(roots, events, strict=True)
        if root is None or not (root.dep_ == "compound" and words.get(root.head.i) == event.layer)
    ]
    return [event for event, _ in kept], [root for _, root in kept]


def _filed_for(
    start: int, article_date: str | None, datelines: Sequence[tuple[int, str]]
) -> str | None:
    """The day the story holding ``start`` was filed: its round-up dateline's, else the article's.

    "GOMA, July 9 — … The previous day, drones hit Minova", below a first
    story filed July 7: the Goma story's words date from July 9, and no day
    they name goes past it.
    """
    here = bisect.bisect_right(datelines, start, key=lambda d: d[0]) - 1
    return datelines[here][1] if here >= 0 else article_date


def _dated_by_the_sentence_before(
    events: list[ReportedEvent],
    text: str,
    article_date: str | None,
    datelines: Sequence[tuple[int, str]] = (),
) -> list[ReportedEvent]:
    """A sentence that times its deed after the one before takes that one's day.

    "Hezbollah fired rockets at Metula on Tuesday. Israeli warplanes struck
    Nabatieh hours later.": the strike is Tuesday's too, not the article's
    day; "the next day", the day after. Only within a paragraph, only for an
    event its own sentence does not date, only from a sentence that
    dated one of its events to a day, or else from the last day the
    paragraph names before it ("On 26 January a cable stopped working. The
    same day, prosecutors seized the ship"), and never past the article's
    date (the words then contradict the dateline, which stands); in a
    round-up of wire stories, the date of the story's own dateline.
    """
    dated: list[ReportedEvent] = []
    last: tuple[int, str] | None = None  # the last event dated to a day: its trigger's end, its day
    for event in events:
        filed = _filed_for(event.sentence_start, article_date, datelines)
        after = (
            days_after_the_sentence_before(text[event.sentence_start : event.sentence_end])
            if event.date_source == "article"
            else None
        )
        if after is not None and (
            last is None
            or last[0] > event.sentence_start
            or _BLANK_LINE.search(text, last[0], event.sentence_start) is not None
        ):
            # "On 26 January a cable stopped working. The same day, prosecutors seized
            # the ship": the day the paragraph named last, though no event took it
            last = _the_day_named_before(text, event.sentence_start, filed)
        if (
            after is not None
            and last is not None
            and last[0] <= event.sentence_start
            and _BLANK_LINE.search(text, last[0], event.sentence_start) is None
            and (day := shifted(last[1], after, "day")) is not None
            and (not filed or day <= filed[:10])
        ):
            event = dataclasses.replace(event, date=day, date_source="sentence")
            last = (event.trigger_end, day)  # "… hours later. The next day, …" goes on from it
        elif event.date_source == "sentence" and event.date and len(event.date) == 10:
            last = (event.trigger_end, event.date)
        dated.append(event)
    return dated


def _the_day_named_before(
    text: str, start: int, article_date: str | None
) -> tuple[int, str] | None:
    """The last day the paragraph names before ``start``: where it ends, and the day."""
    blank = list(_BLANK_LINE.finditer(text, 0, start))
    opening = blank[-1].end() if blank else 0
    days = [
        (opening + found.end, found.date.isoformat())
        for found in find_date_expressions(text[opening:start], article_date=article_date)
        if found.date is not None
    ]
    return days[-1] if days else None


def _dated_by_its_paragraph(
    events: list[ReportedEvent],
    doc: Doc,
    text: str,
    article_date: str | None,
    where: Mapping[tuple[int, int], Place | None],
    datelines: Sequence[tuple[int, str]] = (),
) -> list[ReportedEvent]:
    """A deed its own sentence does not date takes the date the sentence before gave.

    "Pakistan responded on Tuesday with artillery attacks. Shelling killed
    seven people in Poonch district, officials said.": the shelling is
    Tuesday's, as a reader takes it, not the article's day. Only within a
    paragraph (a blank line ends one; a single line break does too in a text
    that has no blank line), from the sentence right before that gave an
    event a date by its own words (a day, a month or a year), or passed one
    on; never past the article's date; never from a deed told in the past
    perfect with a month or a year ("The RSF had captured the town in July").
    Only for a deed told in the simple past (not "has killed", nor one planned or denied), in a
    sentence with no date words of its own the rules could not read ("in the
    1990s", "that spring"), no clause that times it by another deed ("when the
    war broke out", "after Russian troops withdrew") and no word that sets it
    back ("the two last met in Geneva", "previously"); and not for a deed
    placed only in a country or a province where the one before was not
    ("Israeli strikes killed 30 in Gaza City on Sunday. Hamas attacked
    southern Israel, …": the backdrop; a town across a front still takes it,
    "… shelling in Poonch on Tuesday. Air defences shot down drones over
    Jammu"). ``date_source`` says :data:`~layers.dates.PARAGRAPH`, so the
    map says where the date came from.
    """
    breaks = _BLANK_LINE if _BLANK_LINE.search(text) else _LINE_BREAK
    starts = [sentence.start_char for sentence in doc.sents]
    dated: list[ReportedEvent] = []
    # what the sentence before gave on (start, end, date, countries), and the current one's
    before: tuple[int, int, str, frozenset[str]] | None = None
    given: tuple[int, int, str, frozenset[str]] | None = None
    current = -1
    for event in events:
        if event.sentence_start != current:
            before, given, current = given, None, event.sentence_start
        countries = _countries_of(event, where)
        if event.date_source == "sentence" and event.date:
            # "The RSF had captured the town in July": a backdrop; not "said on Tuesday it
            # had repelled an attack", a day's news
            if len(event.date) == 10 or not _a_deed_set_back(doc, event):
                given = (event.sentence_start, event.sentence_end, event.date, countries)
        elif (
            event.date_source == "article"
            and before is not None
            and _the_sentence_after(starts, before[0]) == event.sentence_start
            and not (event.planned or event.denied)
            and (
                not (filed := _filed_for(event.sentence_start, article_date, datelines))
                or before[2] <= filed[:10]
            )
            and breaks.search(text, _trimmed_end(text, before), event.sentence_start) is None
            and (_in_a_town(event, where) or not before[3] or bool(countries & before[3]))
            and _a_past_deed_with_no_time_of_its_own(doc, event)
        ):
            event = dataclasses.replace(event, date=before[2], date_source=PARAGRAPH)
            if given is None:
                given = (event.sentence_start, event.sentence_end, before[2], before[3] | countries)
        dated.append(event)
    return dated


def _dated_by_its_heading(
    events: list[ReportedEvent], text: str, article_date: str | None
) -> list[ReportedEvent]:
    """A deed its own words do not date takes the date of the timeline heading above it.

    "## Tuesday, 9 January" over "Israeli artillery shelled the outskirts of X",
    or "- **18 May:** A bus was ambushed": the entry's date, not the article's
    (:func:`layers.timeline.dated_stretches`). Not for a deed told as planned,
    which the article's day still dates. ``date_source`` says
    :data:`~layers.dates.HEADING`.
    """
    stretches = dated_stretches(text, article_date)
    if not stretches:
        return events
    # a label's line lies inside a heading's stretch, and is the nearer date
    kinds = [[s for s in stretches if s.label], [s for s in stretches if not s.label]]
    starts = [[s.start for s in kind] for kind in kinds]
    dated: list[ReportedEvent] = []
    for event in events:
        if event.date_source == "article" and not event.planned:
            for kind, kind_starts in zip(kinds, starts, strict=True):
                at = bisect.bisect_right(kind_starts, event.trigger_start) - 1
                if at >= 0 and event.trigger_start < kind[at].end:
                    event = dataclasses.replace(event, date=kind[at].date, date_source=HEADING)
                    break
        dated.append(event)
    return dated


def _the_sentence_after(starts: Sequence[int], start: int) -> int | None:
    """The start of the sentence after the one that starts at ``start`` (sorted ``starts``)."""
    after = bisect.bisect_right(starts, start)
    return starts[after] if after < len(starts) else None


def _trimmed_end(text: str, sentence: tuple[int, int, str, frozenset[str]]) -> int:
    """Where a sentence's words end, before the spaces or line breaks that follow it."""
    return sentence[0] + len(text[sentence[0] : sentence[1]].rstrip())


_LINE_BREAK = re.compile(r"\n")
"""A paragraph's end in a text that has no blank lines: one paragraph a line."""


def _countries_of(
    event: ReportedEvent, where: Mapping[tuple[int, int], Place | None]
) -> frozenset[str]:
    """The countries of the event's resolved places."""
    return frozenset(
        place.country
        for loc in event.locations
        if (place := where.get((loc.start, loc.end))) is not None and place.country
    )


def _in_a_town(event: ReportedEvent, where: Mapping[tuple[int, int], Place | None]) -> bool:
    """Whether one of the event's places is a town, or it has none that resolved."""
    places = [where.get((loc.start, loc.end)) for loc in event.locations]
    resolved = [place for place in places if place is not None]
    return not resolved or any(is_town(place) for place in resolved)


def _a_deed_set_back(doc: Doc, event: ReportedEvent) -> bool:
    """Whether the event is told in the past perfect: "had captured the town in July"."""
    root = _trigger_root(event, doc)
    if root is None:
        return False
    verb = _tense_verb(root)
    return any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in verb.children)


def _tense_verb(token: Token) -> Token:
    """The verb that tells the tense of an event word: itself, or the verb it hangs on."""
    verb = token
    for _ in range(_STEPS_TO_THE_VERB):
        auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        if verb.tag_ in ("VBD", "VBZ", "VBP", "MD") or auxiliaries or verb.head.i == verb.i:
            break  # a verb that tells its own tense; not a noun, nor "Shelling" as a subject
        verb = verb.head
    return verb


def _a_past_deed_with_no_time_of_its_own(doc: Doc, event: ReportedEvent) -> bool:
    """Whether the event is told in the simple past, in a sentence that times nothing else."""
    root = _trigger_root(event, doc)
    sentence = doc.char_span(event.sentence_start, event.sentence_end, alignment_mode="expand")
    if root is None or sentence is None:
        return False
    if any(ent.label_ == "DATE" and not _AN_AGE.search(ent.text) for ent in sentence.ents):
        return False  # "in the 1990s", "that spring"; not "a 17-year-old", an age
    if any(
        t.lower_ in _SETS_BACK
        or (t.lower_ in _TIMING_CLAUSES and t.dep_ in ("mark", "advmod") and t.head.dep_ == "advcl")
        for t in sentence
    ):
        return False  # "… when the war broke out", "after Russian troops withdrew"
    verb = _tense_verb(root)
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lemma_.lower() in ("have", "will", "would") or a.tag_ == "MD" for a in auxiliaries):
        return False  # "has killed", "had seized", "will meet"
    if verb.tag_ == "VBD":
        return True
    return verb.tag_ == "VBN" and any(a.lower_ in ("was", "were") for a in auxiliaries)


_AN_AGE = re.compile(r"year-old|years? old|aged\b", re.IGNORECASE)
"""What the model tags a date but tells someone's age: "a 17-year-old", "aged 40"."""


_TIMING_CLAUSES = frozenset({"when", "after", "until", "while", "as"})
"""Words that open a clause timing a deed by another: "seized the capital when the war
broke out" ("since", "before" and "once" set a deed back wherever they stand:
:data:`_SETS_BACK`)."""


_SETS_BACK = frozenset(
    {"last", "previously", "earlier", "formerly", "once", "already", "ago", "since",
     "before", "first", "historically", "originally"}
)  # fmt: skip
"""Words that set a deed back from the story's day: "the two last met in Geneva"."""
#: How far up from an event noun to look for the verb that tells its tense.
_STEPS_TO_THE_VERB = 4


_ONE_VENUE_LAYERS = frozenset({"meetings"})
"""Layers whose events happen at one venue: a visit and the talks it was for."""


def _the_venue_not_its_country(
    events: Sequence[ReportedEvent], candidates: Sequence[PlaceInSentence]
) -> list[ReportedEvent]:
    """The sentence's events, a meeting's country dropped where another names its town.

    "travelled to Kunming for talks with Chinese officials, his first visit to
    China since the coup": the visit and the talks are one trip, and the town
    is where it went; China is its context, not a second venue.
    """
    where = {(c.item.mention.start, c.item.mention.end): c.item.place for c in candidates}
    towns = {
        place.country
        for e in events
        if e.layer in _ONE_VENUE_LAYERS and not (e.planned or e.denied)
        for loc in e.locations
        if (place := where.get((loc.start, loc.end))) is not None and is_town(place)
    }
    if not towns:
        return list(events)
    kept: list[ReportedEvent] = []
    for event in events:
        locations = tuple(
            loc
            for loc in event.locations
            if event.layer not in _ONE_VENUE_LAYERS
            or (place := where.get((loc.start, loc.end))) is None
            or is_town(place)
            or place.feature != "country"
            or place.country not in towns
        )
        changed = len(locations) != len(event.locations)
        kept.append(dataclasses.replace(event, locations=locations) if changed else event)
    return kept


_SHARED_DEPS = frozenset({"advcl", "xcomp", "conj", "acl"})
_PERFECT = frozenset({"had", "has", "have", "'d"})
"""Auxiliaries of a perfect tense: a deed told done."""


def _where_speakers_are(tokens: frozenset[int], trigger_tokens: frozenset[int], doc: Doc) -> bool:
    """Whether the words say the place is where speakers are: "officials in X said".

    "security officials in Islamabad said they had targeted camps": written
    so, a national capital is the speakers' seat, whatever the parse makes of
    the sentence, when the event is told after the verb of saying (the caller
    asks for a capital: "a police source in Ramadi said the blast killed four"
    speaks from the blast's town). So is one set off by a comma after the
    event: "…, wounding two people, a source in Baghdad said".
    """
    first, last = min(tokens), max(tokens)
    if first < 2 or last + 1 >= len(doc):
        return False
    said = doc[last + 1]
    speaker = doc[first - 2]
    if not (
        doc[first - 1].lower_ in ("in", "from")
        and speaks_for_a_government(speaker)
        and said.lemma_.lower() in SPEECH
    ):
        return False
    if points_back_to_the_seat(doc[said.i + 1 : said.sent.end]):
        return False  # "the junta in Bamako said militants had attacked a school in the capital"
    if min(trigger_tokens) > said.i:
        return True
    # "…, wounding two people, a source in Baghdad said": the speaker set off by a
    # comma after the event (the parse may make it an apposition of the wounded)
    start = speaker.i
    while start > 0 and doc[start - 1].dep_ in _NOUN_MODIFIERS and doc[start - 1].head == speaker:
        start -= 1
    return start > 0 and doc[start - 1].text == "," and max(trigger_tokens) < start


_NOUN_MODIFIERS = frozenset({"det", "amod", "compound"})


def _a_participle_clause(verb: Token) -> bool:
    """Whether a verb is an "-ing" clause with no subject of its own: "…, killing five"."""
    return (
        verb.dep_ == "advcl"
        and verb.tag_ == "VBG"
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    )


def _trigger_roots(events: Sequence[ReportedEvent], doc: Doc) -> list[Token | None]:
    """Each event's trigger's root token, in the events' order (None if it spans no token)."""
    return [_trigger_root(event, doc) for event in events]


def _trigger_root(event: ReportedEvent, doc: Doc) -> Token | None:
    """The event's trigger's root token (None if it spans no token)."""
    span = doc.char_span(event.trigger_start, event.trigger_end, alignment_mode="expand")
    return None if span is None else span.root


def _share_with_participles(
    events: list[ReportedEvent],
    doc: Doc,
    own_ground: frozenset[str] = frozenset(),
    *,
    roots: Sequence[Token | None] | None = None,
    places: Mapping[tuple[int, int], frozenset[int]] | None = None,
) -> list[ReportedEvent]:
    """Give an event with no place the places of an event its clause is tied to.

    "A car bomb exploded in Mogadishu, killing five": the killing happened
    where the bomb did; "four were killed when a bomb exploded near X": so
    did the killing; "an airstrike killed nine near X": so did the strike,
    the subject of the verb that reports its deaths. An event with no place
    of its own takes those of the event whose clause governs it, else of the
    one it is the subject of, else of one its own clause governs, at lower
    confidence. Types in ``own_ground`` (those whose subject is their site: a
    state closing its airspace) take no other event's place: "Iraq closed its
    airspace as Iran launched drones towards Israel" closed nothing in Israel.
    ``places`` are the tokens of the sentence's narrower places (towns and
    sites), by their mentions' offsets: a deed with its own object that names
    one of them in its own phrase takes no place from a conjoined deed with
    an object of its own.
    """
    if roots is None:
        roots = _trigger_roots(events, doc)
    places = places or {}
    narrower = frozenset(i for tokens in places.values() for i in tokens)
    starts = {root.i: e for root, e in zip(roots, events, strict=True) if root is not None}
    shared: list[ReportedEvent] = []
    for event, root in zip(events, roots, strict=True):
        if root is None:
            shared.append(event)
            continue
        token = root
        # a finite past verb the parse hangs on a noun is the sentence's own verb, no
        # participle: "fighters who reject the peace deal set off a bomb in X"
        own_clause = any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children) or (
            token.dep_ == "acl" and token.tag_ == "VBD"
        )
        governor = (
            starts.get(token.head.i) if token.dep_ in _SHARED_DEPS and not own_clause else None
        )  # "exploded in Mogadishu, killing five": the participle has no subject of its own
        if governor is None and _a_participle_clause(token):
            # "a suicide bomber drove a car into a Mogadishu cafe, killing ten": the
            # verb tells no event, its subject does
            governor = next(
                (
                    starts[c.i]
                    for c in token.head.children
                    if c.dep_ in ("nsubj", "nsubjpass") and c.i in starts
                ),
                None,
            )
            if governor is None and token.head.i not in starts:
                # "militants unleashed two days of attacks in X, killing 23", "a quarrel
                # erupted into a gunfight, killing nine": the verb's object tells the event
                governor = _told_by_the_object(token.head, starts)
        if governor is None and token.dep_ == "acl" and not own_clause:
            # "are due to meet in Doha for talks on a ceasefire, mediated by Qatar": a
            # participle on a noun in another event's phrase is of that event, when it
            # tells the same kind ("talks on drones launched by Russia" is no launch
            # planned in the talks' town)
            above = _event_above_its_noun(token, starts)
            governor = above if above is not None and above.layer == event.layer else None
        if governor is not None and governor is not event:
            # "denied that its missile struck X, killing 12": the killing is part of the claim
            # "tried to capture Uvira but seized Kiliba": a verb joined to the plan
            # and told in the past tense of its own is done
            done = token.dep_ == "conj" and (
                token.tag_ == "VBD"
                or (  # "… and had seized Kiliba by evening" (the review of session 48, 16)
                    token.tag_ == "VBN"
                    and any(c.dep_ == "aux" and c.lower_ in _PERFECT for c in token.children)
                )
            )
            event = dataclasses.replace(
                event,
                denied=event.denied or governor.denied,
                planned=event.planned or (governor.planned and not done),
            )
        if event.locations or event.type in own_ground:
            shared.append(event)
            continue
        # "shots were fired on the border as protesters rallied in Yerevan": the
        # border is the shots' place, unnamed; Yerevan is the rally's clause's
        in_the_open = placed_in_the_open(token, None, frozenset())
        related = [governor] if governor is not None else []
        if token.dep_ in ("nsubj", "nsubjpass") and token.pos_ in ("NOUN", "PROPN"):
            # "an airstrike killed nine near X": the strike was where its deaths were
            reported = starts.get(token.head.i)
            related += [reported] if reported is not None else []
        # "were killed, including a child, and 24 wounded when a bomb exploded in X":
        # a deed of the same kind conjoined with it, whose clause holds the place
        related += [
            e
            for i, e in starts.items()
            if e.layer == event.layer
            and (
                (doc[i].dep_ == "conj" and doc[i].head.i == token.i)
                or (token.dep_ == "conj" and token.head.i == i)
            )
            and not (_has_an_actor(doc[i]) and _has_an_actor(token))
            # "attacked sites, including a base near X, and struck a refinery outside
            # Y": two deeds, two objects; the first named a place of its own, which
            # the scorer may have weighed out
            and not (
                has_object(doc[i])
                and has_object(token)
                and placed_outside(
                    token,
                    doc[i],
                    narrower.difference(
                        *(places.get((loc.start, loc.end), ()) for loc in e.locations)
                    ),
                )
            )
        ]
        # "an explosion in a Myanmar town killed five", "a wave of attacks across
        # Iraq killed 30": the deaths were where the event that caused them was
        told = (_told_by_the_subject(child, starts) for child in token.children)
        related += [cause for cause in told if cause is not None]
        if token.dep_ in ("pobj", "pcomp") and token.head.lower_ in _DURING_OR_AFTER:
            # "retook a checkpoint on the road between X and Y after a four-hour
            # gunfight": the fight was where the deed it led to was; "were killed in
            # Misrata during fighting": where what happened during it was
            deed = starts.get(token.head.head.i)
            same_time = token.head.lower_ in _AT_THE_SAME_TIME
            if (
                deed is not None
                and deed.type not in _AWAY_FROM_IT
                and (
                    same_time
                    or (
                        deed.layer in _FOUGHT_FOR
                        and not (deed.layer == _ARRESTS and _told_before(token))
                    )
                )
            ):
                related.append(deed)
        if token.dep_ == "pobj" and token.head.lower_ in ("in", "by"):
            # "26 were killed in a drone strike on a market in Bure", the parse hanging
            # the market on the verb: the strike was where the deaths it caused were
            deaths = starts.get(token.head.head.i)
            if deaths is not None and deaths.type in _DEATHS:
                related.append(deaths)
        if event.type in _DEATHS:
            # "ten were killed in the blast", the blast told before: where it was
            # (not "killed in clashes", whose own words may say where they were)
            related += [
                cause
                for prep in token.children
                if prep.dep_ in ("prep", "agent") and prep.lower_ in ("in", "by")
                for noun in prep.children
                if noun.dep_ == "pobj"
                and _told_before(noun)
                and (cause := starts.get(noun.i)) is not None
            ]
        if token.dep_ in ("relcl", "acl") and not about_someone(token):
            # "the 2015 attack on a hotel in Sousse, which killed 38": the attack's
            related += [starts[n.i] for n in phrase_heads(token) if n.i in starts]
        if token.dep_ == "pobj" and token.head.lower_ == "for":
            # "delegates convened in Doha for talks", "arrived in Doha for talks": the
            # talks are where the trip or the gathering they were for went
            trip = starts.get(token.head.head.i)
            if trip is not None and trip.layer == event.layer:
                related.append(trip)
        if (
            token.dep_ == "advcl"
            and not in_the_open
            and token.head.i in starts
            and any(c.lower_ == "when" and opens_when_clause(c) for c in token.children)
        ):
            # "14 were killed in Raga when fighting erupted": the fighting was where
            # the deaths it brought were
            related.append(starts[token.head.i])
        # "were killed when a car bomb exploded near X": the main clause too; and
        # "detonated bombs, killing eight in a market in Potiskum": its deaths
        related += [
            e
            for i, e in starts.items()
            if not in_the_open
            and _a_clause_of(doc[i].head, token)
            and doc[i].dep_ == "advcl"
            and (
                any(opens_when_clause(c) for c in doc[i].children)
                or (
                    # or the same deed told again: "shot down a jet, downing an Su-25
                    # not far from Grozny"
                    (e.type in _DEATHS or e.type == event.type)
                    and _a_participle_clause(doc[i])
                    and not any(c.dep_ == "mark" for c in doc[i].children)
                )
            )
        ]
        source = next((e for e in related if e is not event and e.locations), None)
        if source is None:
            shared.append(event)
            continue
        locations = tuple(
            dataclasses.replace(loc, confidence=round(loc.confidence * _SHARED, 3))
            for loc in source.locations
        )
        if event.date_source == "article" and source.date_source != "article" and source.date:
            # "an explosion in Beirut port in 2020 devastated the city, killing 200":
            # the deaths took the blast's place, and take its time with it
            event = dataclasses.replace(event, date=source.date, date_source=source.date_source)
        shared.append(dataclasses.replace(event, locations=locations))
    return shared


_ABROAD = frozenset({"abroad", "overseas"})


def _told_abroad(token: Token) -> bool:
    """Whether the event word says the event was abroad: "despite the talks abroad".

    The places of its sentence are then somewhere else ("the guns have not
    fallen silent in North Kivu despite the talks abroad"): the event has none.
    """
    return any(c.lower_ in _ABROAD and c.dep_ in ("advmod", "amod") for c in token.children)


def _under(token: Token, location: EventLocation) -> bool:
    """Whether the location's mention hangs under ``token`` in the parse."""
    span = token.doc.char_span(location.anchor_start, location.anchor_end, alignment_mode="expand")
    return span is not None and token.is_ancestor(span.root)


def _a_clause_of(head: Token, token: Token) -> bool:
    """Whether ``head`` is the trigger itself or a participle on the trigger's object.

    "detonated bombs wired to her body, killing eight in a market in X": the
    parse hangs the deaths on "wired", a modifier of the object, where they are
    the detonation's.
    """
    if head.i == token.i:
        return True
    return head.dep_ == "acl" and head.head.dep_ == "dobj" and head.head.head.i == token.i


_LAUNCH = "missile_launch"
_SHOT_DOWN_LAYER = "shootdown_area"


def _launched_where_shot_down(
    events: list[ReportedEvent], roots: Sequence[Token | None]
) -> list[ReportedEvent]:
    """Take from a launch the places of the shoot-down its weapons are the object of.

    "shot down 84 of 112 drones launched by Russia overnight over the Kharkiv,
    Sumy and Poltava regions": the regions are where the drones were shot down
    (the parse hangs "over" on the participle), not where they were launched
    or struck; the launch keeps only a place of its own ("from Crimea").
    """
    starts = {root.i: e for root, e in zip(roots, events, strict=True) if root is not None}
    kept: list[ReportedEvent] = []
    for event, root in zip(events, roots, strict=True):
        downed = None
        if event.type == _LAUNCH and root is not None and root.dep_ == "acl" and event.locations:
            node = root.head
            for _ in range(3):  # the drones, "of", "84", the verb
                if node.head.i == node.i:
                    break
                node = node.head
                found = starts.get(node.i)
                if found is not None:
                    downed = found if found.layer == _SHOT_DOWN_LAYER else None
                    break
        if downed is None:
            kept.append(event)
            continue
        theirs = {(loc.start, loc.end) for loc in downed.locations}
        own = tuple(loc for loc in event.locations if (loc.start, loc.end) not in theirs)
        kept.append(dataclasses.replace(event, locations=own))
    return kept


_DURING_OR_AFTER = frozenset({"after", "during", "following", "amid"})
_AWAY_FROM_IT = frozenset({"journey"})
"""Types of deed done away from the fighting they are told during: "fled to Jammu during
the shelling" was no shelling of Jammu."""
_AT_THE_SAME_TIME = frozenset({"during", "amid"})
_ARRESTS = "arrests"
_FOUGHT_FOR = frozenset({"seizures", _ARRESTS})
"""Layers of deeds a fight leads to where it was fought: "captured after a gunbattle"."""


def _event_above_its_noun(
    participle: Token, starts: Mapping[int, ReportedEvent]
) -> ReportedEvent | None:
    """The event whose phrase holds the noun a participle describes, within its clause.

    Only a noun in a prepositional phrase ("talks on a ceasefire, mediated by
    Qatar"): "drones launched overnight were destroyed over X" describes the
    drones, the event's subject, launched elsewhere.
    """
    if participle.head.dep_ != "pobj":
        return None
    for node in participle.ancestors:
        if node.i in starts:
            return starts[node.i]
        if node.pos_ in ("VERB", "AUX") and any(
            c.dep_ in ("nsubj", "nsubjpass") for c in node.children
        ):
            return None  # the clause's own verb, no event: no further
    return None


def _told_before(noun: Token) -> bool:
    """Whether "the" or "these" makes the event noun one told before ("after the clashes").

    "Police arrested 20 people in Nablus after the clashes": the clashes the
    story told, wherever they were; "captured after a gunbattle" was where
    the gunbattle was. Only for arrests: a seizure "after the heavy fighting"
    took what was fought for ("M23 captured Sake after the heavy fighting").
    """
    return any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in noun.children)


_DEFINITE = frozenset({"the", "these", "those", "this", "that"})
_GOING_ON = frozenset(
    {"continue", "last", "persist", "rage", "subside", "end", "go", "drag", "resume",
     "intensify", "ease"}
)  # fmt: skip
"""Verbs that only say an event went on: "and fighting continued for hours"."""


def _told_by_the_object(verb: Token, starts: Mapping[int, ReportedEvent]) -> ReportedEvent | None:
    """The event a verb that tells none itself has for its object, if any.

    "unleashed a wave of attacks", "carried out two days of raids": the object,
    or the event a word for its number or span reports; "erupted into a
    gunfight": what the verb turned into.
    """
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    objects += [
        noun
        for prep in verb.children
        if prep.dep_ == "prep" and prep.lower_ == "into"
        for noun in prep.children
        if noun.dep_ == "pobj"
    ]
    for noun in objects:
        for _ in range(_OBJECT_STEPS):
            if noun.i in starts:
                return starts[noun.i]
            noun = next(
                (
                    pobj
                    for of in noun.children
                    if of.dep_ == "prep" and of.lower_ == "of"
                    for pobj in of.children
                    if pobj.dep_ == "pobj"
                ),
                noun,
            )
    return None


_OBJECT_STEPS = 3
"""How far "of" leads down from an object to its event: "a wave of attacks", "two days of raids"."""


def _told_by_the_subject(child: Token, starts: Mapping[int, ReportedEvent]) -> ReportedEvent | None:
    """The event a verb's subject reports, if ``child`` is a subject that reports one.

    The subject itself ("an explosion"), or the event a word for its number
    reports ("a wave of attacks", "a series of bombings").
    """
    if child.dep_ not in ("nsubj", "nsubjpass"):
        return None
    if child.i in starts:
        return starts[child.i]
    return next(
        (
            starts[noun.i]
            for of in child.children
            if of.dep_ == "prep" and of.lower_ == "of"
            for noun in of.children
            if noun.dep_ == "pobj" and noun.i in starts
        ),
        None,
    )


def _dated_apart(events: list[ReportedEvent], roots: Sequence[Token | None]) -> list[ReportedEvent]:
    """A deed told a span before or after another event is dated by that span.

    "the attack, which came eight months after its fighters hijacked the
    Jaffar Express": the hijacking was eight months before the attack, not
    on the article's day. Only a deed the sentence dates no otherwise than
    its head ("struck the port on Monday, two weeks after rebels seized
    X": the seizure was two weeks before that Monday), in an "after" or
    "before" clause with its count and unit ("eight
    months", "two years", "three weeks"), of an event the sentence names (on
    the clause's verb, or the noun a relative clause that holds it tells of).
    """
    by_root = {root.i: e for root, e in zip(roots, events, strict=True) if root is not None}
    dated: list[ReportedEvent] = []
    for event, root in zip(events, roots, strict=True):
        span = _span_apart(root) if root is not None else None
        if span is not None and root is not None:
            count, unit, sign = span
            head = root.head
            nouns = phrase_heads(head) if head.dep_ in ("relcl", "acl") else []
            anchor = next(
                (by_root[t.i] for t in (head, *nouns) if t.i in by_root and t.i != root.i), None
            )
            moved = (
                shifted(anchor.date, sign * count, unit)
                if anchor is not None
                and anchor.date is not None
                # the clause's own date stands, unless it is its head's
                and (event.date_source == "article" or event.date == anchor.date)
                else None
            )
            if moved is not None:
                event = dataclasses.replace(event, date=moved, date_source="sentence")
        dated.append(event)
    return dated


def _span_apart(clause: Token) -> tuple[int, str, int] | None:
    """(count, unit, sign) of "eight months after" on a clause: when it was, from its head."""
    word = _after_or_before(clause) if clause.dep_ == "advcl" else None
    if word is None:
        return None
    # "came eight months after X": X was eight months before
    return next(
        (
            (count, unit, -1 if word == "after" else 1)
            for unit, count in _spans_told(clause)
            if count is not None and unit != "decade"
        ),
        None,
    )


def _dated_by_its_noun(
    events: list[ReportedEvent], roots: Sequence[Token | None]
) -> list[ReportedEvent]:
    """A clause that tells what an event did takes that event's date from the sentence.

    "the anniversary of the 2004 bombings that killed 191": the deaths are the
    bombings', in 2004, not on the article's day; so is a "when" clause of an
    event ("Marawi was destroyed in 2017 when militants occupied the city": the
    occupation is of 2017). Only an event the sentence itself does not date (its
    date is the article's) takes its noun's or its head's.
    """
    by_root = {root.i: e for root, e in zip(roots, events, strict=True) if root is not None}
    dated: list[ReportedEvent] = []
    for event, root in zip(events, roots, strict=True):
        nouns = (
            list(itertools.islice(root.ancestors, 3))
            if root is not None and _a_when_clause(root)
            else phrase_heads(root)
            if root is not None and root.dep_ in ("relcl", "acl") and not about_someone(root)
            else []
        )
        noun = next((by_root[n.i] for n in nouns if n.i in by_root), None)
        if (
            noun is not None
            and event.date_source == "article"
            and noun.date_source == "sentence"
            and noun.date != event.date
        ):
            event = dataclasses.replace(event, date=noun.date, date_source=noun.date_source)
        dated.append(event)
    return dated


def _a_when_clause(verb: Token) -> bool:
    """Whether the verb opens a "when" clause: "destroyed in 2017 when militants occupied".

    The parse hangs it on the verb or on the time it tells ("2017").
    """
    return verb.dep_ in ("advcl", "relcl") and any(
        c.dep_ == "advmod" and c.lower_ == "when" and c.i < verb.i for c in verb.children
    )


def _deaths_in_a_disaster(
    events: list[ReportedEvent],
    roots: Sequence[Token | None],
    deaths: tuple[EventType, str] | None,
) -> list[ReportedEvent]:
    """Deaths that a disaster told in their "when" or "after" clause caused are its.

    "Two people died when trees fell on cars near Quimper", "a woman died
    after floodwaters swept through Durban", "a bridge collapsed, killing 16":
    the storm's, the flood's or the collapse's
    deaths, as "died in a flood" is (``deaths``: the ``disaster_deaths`` type
    and its layer), on no layer of violence.
    """
    if deaths is None or not any(e.type in _DISASTERS for e in events):
        return events
    disasters = {
        root.i
        for root, e in zip(roots, events, strict=True)
        if root is not None and e.type in _DISASTERS
    }
    found: list[ReportedEvent] = []
    for event, root in zip(events, roots, strict=True):
        caused = (
            root is not None
            and event.type in _DEATHS
            and (
                any(
                    c.dep_ == "advcl"
                    and c.i in disasters
                    and any(m.lower_ in ("when", "after", "as") for m in c.children)
                    for c in root.children
                )
                or (
                    # "a bridge collapsed in Novi Sad, killing 16": the participle's
                    _a_participle_clause(root) and root.head.i in disasters
                )
            )
        )
        found.append(
            dataclasses.replace(event, type=deaths[0].id, layer=deaths[1]) if caused else event
        )
    return found


_DISASTERS = frozenset({"disaster", "structural_collapse"})
_DISASTER_DEATHS = "disaster_deaths"
_DEATHS = frozenset({"killing"})
"""Types of deaths that a disaster in their clause makes the disaster's."""


def _has_an_actor(verb: Token) -> bool:
    """Whether a verb has a subject of its own that names someone, not a count.

    "A settler in the West Bank killed four": a deed of its own, where "24
    others wounded" only counts the victims of the same one. Passive
    subjects are most often victims, of one deed or another, and do not
    count.
    """
    return any(
        c.dep_ == "nsubj" and not c.like_num and c.lemma_.lower() not in _COUNTED
        for c in verb.children
    )


_COUNTED = frozenset({"other", "others", "people", "person", "more", "dozen", "dozens", "one"})
"""Subjects that only count the victims: "seven were killed and 13 others wounded"."""


def _inside_same_event(
    token: Token, event_type: EventType, layer_id: str, earlier: Sequence[ReportedEvent]
) -> bool:
    """Whether an earlier event of the same type governs this noun trigger closely.

    "a visit by a delegation": the delegation is the visit's. So does one of
    the same layer whose verb takes the noun as its object: "shot down a
    drone" is one downing, not two (and one the text denies is denied whole).
    """
    if token.pos_ not in ("NOUN", "PROPN"):
        return False

    def within(event: ReportedEvent, node: Token) -> bool:
        return event.trigger_start <= node.idx < event.trigger_end

    if token.dep_ == "dobj" and any(e.layer == layer_id and within(e, token.head) for e in earlier):
        return True
    node = token
    restated = _told_before(token)  # "and the clashes lasted for hours"
    for _ in range(3):
        if node.head.i == node.i or node.dep_ in CLAUSE_DEPS:
            return False
        if (
            node.dep_ == "conj"
            and node.pos_ in ("VERB", "AUX")
            and has_subject(node)
            and not restated
            and node.lemma_.lower() not in _GOING_ON
        ):
            # "clashed near X, and fighting broke out near Y": its own clause; not
            # "and the clashes lasted for hours", the same clash told again
            return False
        node = node.head
        if any(e.type == event_type.id and within(e, node) for e in earlier):
            return True
    return False


def _unique(locations: Iterable[EventLocation]) -> list[EventLocation]:
    seen: dict[tuple[int, int], EventLocation] = {}
    for loc in locations:
        seen.setdefault((loc.start, loc.end), loc)
    return list(seen.values())
