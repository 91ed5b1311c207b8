"""How a place mention attaches to an event's trigger, read from the parse.

:func:`attachment` walks from a place mention up the dependency parse to
the trigger. The first link gives the role (``target``, ``location``,
``destination``, ``compound``); everything that says the place is something
else is a :class:`Refusal` with its reason: the actor, the origin, the owner
of a thing, the topic, a wider context, a source or a speaker (the
:data:`VETOES`), or a path the rules cannot read.
"""

from __future__ import annotations

from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from spacy.tokens import Token

from geo.cues import PERSON_TITLES
from geo.own_airspace import AIRSPACE_WORDS
from geo.place_frames import ends_of_a_route
from layers.types import EventType

__all__ = [
    "CAPITAL_SPEAKERS",
    "CLAUSE_DEPS",
    "DENYING",
    "DESTINATION",
    "DISTANCE_UNITS",
    "LOCAL_FORCES",
    "LOCATIVE",
    "OWNED_THINGS",
    "PLACE_PARTS",
    "SITES",
    "SPEECH",
    "VETOES",
    "WHEN_MARKS",
    "Attachment",
    "Refusal",
    "a_local_government_area",
    "attachment",
    "has_object",
    "has_subject",
    "is_one_of",
    "opens_when_clause",
    "placed_in_the_open",
    "placed_outside",
    "points_back_to_the_seat",
    "speaks_for_a_government",
    "the_object_before",
    "under_the_event",
]

LOCATIVE = frozenset(
    {
        "in", "at", "on", "near", "over", "off", "around", "inside", "outside", "across",
        "along", "within", "above", "throughout", "aboard", "through", "between", "beyond",
        "upon", "onto", "beneath", "below", "amid", "among", "outskirts", "north", "south",
    }
)  # fmt: skip


DESTINATION = frozenset({"to", "into", "toward", "towards"})


ORIGIN = frozenset({"from"})
#: Kinds of place an event's object may be, whose "including" names them: "captured
#: key towns, including X and Y".
_PLACES_INCLUDED = frozenset(
    {"town", "city", "village", "district", "area", "position", "base", "outpost",
     "neighbourhood", "neighborhood", "region", "province", "locality", "settlement",
     "target", "site", "facility", "port", "airport", "checkpoint", "camp", "hideout"}
)  # fmt: skip


TOPIC = frozenset({"about", "regarding", "concerning"})


_NOT_THROUGH = frozenset(
    {
        "from", "against", "for", "despite", "including", "except", "besides",
        "since", "during", "after", "before", "until", "following", "amid", "than",
        "with", "without", "about", "regarding", "concerning", "as",
    }
)  # fmt: skip
"""Prepositions a place's link to the trigger does not pass through: the place
then belongs to someone's origin, a topic, another time or another event
("Lindh, from a family in Marin County, was captured", "killed since the
outbreak of the war in Syria", "protested against the assault on X")."""


TOPICAL_TOO = frozenset({"on", "over", "through", "via", "across", "along"})
"""Prepositions that give a topical type's topic ("talks on Syria"), or a route
its topic runs along, which the parse may hang on the talks themselves ("talks
in Baghdad on oil exports through Turkey's Ceyhan port")."""


_AIMED = frozenset({"aim", "direct", "gear", "intend", "design", "target"})
_GOAL_PREPOSITIONS = frozenset({"at", "toward", "towards"})
"""What talks are "aimed at" or "geared towards" is their goal, a topic: "talks
aimed at a ceasefire in Gaza"."""


_VENUE_WORDS = frozenset({"sidelines", "sideline", "margins", "margin", "board"})
"""What "on" takes when it says where people met: "on the sidelines of the summit"."""


_POSTS = frozenset(
    {"commander", "chief", "head", "leader", "spokesman", "spokeswoman", "governor",
     "mayor", "member", "officer", "official", "minister", "envoy", "ambassador",
     "director", "emir", "founder", "representative", "coordinator", "deputy"}
)  # fmt: skip
"""Nouns that name a post: an appositive "commander of X operations in Y" says
where the person serves, not where the event that befell them happened."""


CLAUSE_DEPS = frozenset({"advcl", "ccomp", "xcomp", "relcl", "parataxis", "acl", "csubj"})


_ATTRIBUTION_HEADS = frozenset({"according", "due", "thanks", "owing", "contrary", "prior"})


SPEECH = frozenset(
    {"say", "tell", "report", "state", "announce", "claim", "accuse", "add", "warn", "deny"}
)
"""Verbs of saying: a place that speaks is no site, and a report is a clause of its own."""


DENYING = frozenset({"deny", "reject", "dismiss", "refute"})
"""Verbs whose complement the speaker says did not happen ("denied targeting civilians")."""


_JUDGING = frozenset(
    {"call", "condemn", "denounce", "describe", "praise", "welcome", "criticise", "criticize",
     "blame", "hail", "deplore", "vow"}
)  # fmt: skip
_REACTIONS = _JUDGING | DENYING
"""Verbs of judging an event: "In Kyiv, the president called the attack terror" says
where he spoke, not where the attack was (when officials speak: see _OFFICIALS)."""
_OWNING_UP = frozenset({"claim", "admit", "acknowledge"}) | _REACTIONS
"""Verbs whose subject answers for or judges the event their object names: "the
Islamic Resistance in Iraq claimed the attack", "a group in Gao denied the raid"."""
_ACCUSING = frozenset({"blame", "accuse", "fault"})
"""Verbs whose object is the party held responsible: "blamed the United Arab Emirates"."""


_OFFICIALS = frozenset(
    {"president", "minister", "premier", "chancellor", "king", "leader", "spokesman",
     "spokeswoman", "spokesperson", "official", "officials", "government", "ministry",
     "junta", "regime", "army", "military", "embassy", "ambassador", "envoy", "secretary",
     "chief", "commander", "general", "governor", "mayor", "office", "kremlin", "pentagon"}
)  # fmt: skip
"""Words of a speaker who judges from afar. Doctors, survivors or residents who
describe or blame an event where they are ("In Gaza, doctors blamed airstrikes
for the deaths") speak from its site."""


_SEATS = frozenset(
    {
        "ministry", "government", "presidency", "embassy", "cabinet", "parliament",
        "headquarters", "office", "staff", "palace", "kremlin", "pentagon",
    }
)  # fmt: skip
"""Institutions that speak from where they sit, not from where the event was:
"the defence ministry in Niamey said" (a national capital), where "a police
source in Ramadi said" is a local witness and "the health ministry in Gaza
said" speaks from the place."""


def _a_seat_speaks(verb: Token, word: Token) -> bool:
    """Whether ``word`` stands in the verb's subject, and that subject is an institution.

    Or the capital's officials ("security officials in Islamabad said they had
    targeted camps"): the capital is where they speak from, not the target.
    Not when what they say points back to it ("the junta in Bamako said
    militants had attacked a school in the capital").
    """
    return any(
        c.dep_ == "nsubj" and speaks_for_a_government(c) and (c.i == word.i or c.is_ancestor(word))
        for c in verb.children
    ) and not points_back_to_the_seat(t for t in verb.subtree if t.i > verb.i)


def _the_seat_that_reports_it(word: Token, triggers: frozenset[int]) -> bool:
    """Whether ``word`` stands in a seat of power whose relative clause of saying tells the event.

    "according to the Taliban government in Kabul, which said 46 civilians
    were killed": Kabul is where the government speaks from.
    """
    doc = word.doc
    for i in triggers:
        verb = next((a for a in doc[i].ancestors if a.dep_ == "relcl"), None)
        if verb is not None and verb.lemma_.lower() in SPEECH:
            seat = verb.head
            if seat.i == word.i and word.dep_ == "pobj" and word.head.dep_ == "prep":
                seat = word.head.head  # the parse hangs "which said" on Kabul itself
            return (
                speaks_for_a_government(seat)
                and seat.is_ancestor(word)
                and not verb.is_ancestor(word)
                # "which said missiles struck the capital": the clause points back to it
                and not points_back_to_the_seat(verb.subtree)
            )
    return False


_BACK_TO_THE_SEAT = frozenset({"capital", "city", "there", "here"})
"""Words by which what a seat says points back to its own town."""


def points_back_to_the_seat(words: Iterable[Token]) -> bool:
    """Whether what a seat says points back to its own town ("… in the capital").

    Only before it names a town of its own: "officials in Kyiv said drones hit
    Odesa and that two people died there" points to Odesa (the review of
    session 48, 2). ``words`` run in the text's order.
    """
    for t in words:
        if t.ent_type_ in _NAMED_PLACES and not _named_as_an_origin(t):
            return False
        if t.lower_ in _BACK_TO_THE_SEAT:
            return True
    return False


def _named_as_an_origin(token: Token) -> bool:
    """Whether a place's word says where someone or something came from: "gunmen from Katsina"."""
    node = token
    while node.dep_ == "compound":
        node = node.head
    return node.dep_ == "pobj" and node.head.lower_ == "from"


_NAMED_PLACES = frozenset({"GPE", "LOC", "FAC"})
"""The model's labels of a named place, to which a later "there" or "the city" points."""


def _a_distant_source_speaks(verb: Token, word: Token, triggers: frozenset[int]) -> bool:
    """Whether ``word`` stands in the subject of a verb of saying, a source far from the event.

    "Gunmen killed 15 drivers, a trader in Kano told AFP", "an analyst in
    Dakar said militants had attacked the convoy", "an aid worker in X",
    "a resident reached by phone in Goma said": those who study, trade, send
    aid or are reached from afar speak from where they are. A witness, a
    resident, a health worker or a police source "in Ramadi" is most often
    there, and keeps the place for the scorer.
    """
    for subject in verb.children:
        if subject.dep_ != "nsubj" or not (subject.i == word.i or subject.is_ancestor(word)):
            continue
        if any(t.i in triggers for t in subject.subtree):
            return False
        reached = any(c.lemma_.lower() == "reach" for c in subject.children)
        lemma = subject.lemma_.lower()
        aid = lemma == "worker" and any(
            c.dep_ in ("compound", "amod") and c.lower_ in _AID for c in subject.children
        )
        return reached or aid or lemma in _DISTANT_SOURCES
    return False


def _a_speaker_whose_words_place_it(
    verb: Token, word: Token, triggers: frozenset[int], other_places: frozenset[int]
) -> bool:
    """Whether ``word`` stands in the subject of a verb of saying whose clause names another place.

    "A UN team in Kabul said a blast killed six people in Kunduz", "UN
    investigators in Kabul said an airstrike killed 11 in Khost": the clause
    that tells the event says where it was; the speaker's town is only where
    the speaker is. So does a "there" in the trigger's clause after a place
    the words name ("… drones hit Odesa and that two people died there").
    Only a place of the trigger's own clause counts, not of one joined to it
    ("… a car bomb exploded near the airport and that gunmen stormed a hotel
    in Kismayo": the blast's place is unsaid), nor where someone came from
    ("police in Kano said gunmen from Katsina attacked a market there"). With
    no place of its own ("police in Ramadi said a blast killed four") the
    speaker's town stays for the scorer.
    """
    subject = next(
        (c for c in verb.children if c.dep_ == "nsubj" and (c.i == word.i or c.is_ancestor(word))),
        None,
    )
    if subject is None:
        return False
    told = [
        c
        for c in verb.children
        if c.dep_ in ("ccomp", "xcomp") and any(t.i in triggers for t in c.subtree)
    ]
    doc = verb.doc
    for clause in told:
        # the clause the trigger stands in, not one joined to it or hung on it ("… a
        # car bomb exploded near the airport and that gunmen stormed a hotel in X",
        # "… an airstrike killed 12, while a strike in Rafah killed four")
        own = {_the_clause_of(doc[i], clause).i for i in triggers if clause.is_ancestor(doc[i])}
        own |= {clause.i} if clause.i in triggers else set()
        named = [t for t in clause.subtree if t.i in other_places and not _named_as_an_origin(t)]
        if any(_the_clause_of(t, clause).i in own for t in named):
            return True
        pointing = [
            t.i
            for c in own
            for t in doc[c].subtree
            if t.lower_ in _BACK_TO_THE_SEAT and _the_clause_of(t, clause).i == c
        ]
        if any(t.i < i for t in named for i in pointing):
            return True  # "… drones hit Odesa and that two people died there": Odesa's
    return False


_OWN_CLAUSES = frozenset({"conj", "advcl", "ccomp", "relcl", "parataxis", "acl"})
"""Relations of a verb that tells a deed of its own, beside or under another."""


def _the_clause_of(token: Token, top: Token) -> Token:
    """The verb of the smallest clause under ``top`` that holds ``token`` (``top`` at most)."""
    node = token
    while node.i != top.i and node.head.i != node.i:
        if node.dep_ in _OWN_CLAUSES and node.pos_ in ("VERB", "AUX"):
            return node
        node = node.head
    return node


_DISTANT_SOURCES = frozenset(
    {"analyst", "expert", "researcher", "scholar", "academic", "professor", "observer",
     "diplomat", "lawyer", "trader", "transporter"}
)  # fmt: skip
"""Speakers who are seldom where the event happened (lemmas). Not a driver, a health
worker or a relative, who most often are."""
_AID = frozenset({"aid", "humanitarian", "relief", "ngo"})
"""What makes a worker an aid worker, who reports from a hub: "an aid worker in X"."""


CAPITAL_SPEAKERS = _SEATS | {"official", "source", "spokesman", "spokeswoman", "spokesperson",
                             "diplomat", "minister", "junta", "regime"}  # fmt: skip
"""Who speaks for a government from its capital: its seats and its officials (lemmas)."""
_GOVERNMENT_TEAMS = frozenset(
    {"junta", "regime", "government", "ministry", "information", "media", "press",
     "communications"}
)  # fmt: skip
"""What makes a team a government's voice: "the junta's information team"."""


def speaks_for_a_government(noun: Token) -> bool:
    """Whether ``noun`` is a government's voice, which speaks from its capital.

    Its seats and officials (:data:`CAPITAL_SPEAKERS`), and a team the
    government owns or that speaks for it ("the junta's information team in
    Naypyitaw said"); not a rescue, medical or UN team, which is in Kyiv or
    Kabul because the event is.
    """
    lemma = noun.lemma_.lower()
    if lemma == "team":
        return any(
            c.dep_ in ("poss", "compound", "amod") and c.lemma_.lower() in _GOVERNMENT_TEAMS
            for c in noun.children
        )
    return lemma in CAPITAL_SPEAKERS


_PRESS = frozenset({"reporter", "journalist", "correspondent", "press", "media", "newsman"})
"""Whom a speaker tells: "told reporters in Kaya" says where the telling was."""
_ADDRESSES = frozenset(
    {"speech", "statement", "interview", "address", "briefing", "conference", "remarks",
     "sermon", "broadcast", "rally", "appearance", "post", "video"}
)  # fmt: skip
"""What a speaker speaks in: "said in a speech in Port Sudan" says where he spoke."""
_TELLING = SPEECH | {"speak", "talk", "brief"}
"""Verbs of telling or speaking to the press ("speaking to reporters in Kaya")."""
_ISSUING = frozenset(
    {"issue", "release", "publish", "deliver", "make", "give", "post", "read", "broadcast"}
)
"""Participles that say where a statement came out: "a statement issued in Kabul"; not
"a video filmed in Bucha", "an army post located in Boulkessi"."""
_SPEAKING = frozenset({"speak", "write", "tweet", "brief"})
"""Verbs whose clause says where a speaker spoke: "Speaking in Geneva, the minister
said …" (not "address": "was addressing the congregation at X when a bomb went
off" is the scene)."""


def _told_by(verb: Token, trigger: Token) -> bool:
    """Whether a verb of saying tells the event as a clause: said after it, or said that.

    "…, damaging a grain ship, the navy said in Kyiv" (the event before the
    verb, under it), "police said in Goma that rebels had shelled Sake" (a
    clause the verb takes). Not "survivors told of killings in Tadamon", whose
    event is the verb's topic, nor "dozens reported dead in Syria", what the
    verb says they are.
    """
    if not verb.is_ancestor(trigger):
        return False
    if trigger.i < verb.i:
        return True
    return any(
        c.dep_ in ("ccomp", "advcl") and (c.i == trigger.i or c.is_ancestor(trigger))
        for c in verb.children
    )


def _where_the_press_was_told(root: Token, triggers: frozenset[int]) -> bool:
    """Whether the place says where a speaker met the press ("told reporters in Kaya").

    Or where he spoke: "said in a speech in Port Sudan", "told a news conference
    in Kyiv", "the navy said in Kyiv" of the event it tells (the trigger's own
    verb aside).
    """
    preposition = root.head
    if root.dep_ != "pobj" or preposition.dep_ != "prep":
        return False
    verb = preposition.head
    if (
        verb.lemma_.lower() in SPEECH
        and verb.pos_ in ("VERB", "AUX")
        and verb.i not in triggers
        and verb.i < preposition.i
        and any(_told_by(verb, verb.doc[i]) for i in triggers)
    ):
        # "…, damaging a grain ship, the navy said in Kyiv": where the event it tells
        # was told; not "In Kerbala, police said", a place the parse hangs on the verb
        # before it, nor "dozens reported dead in Syria", where they are dead
        return True
    if (
        verb.dep_ == "acl"
        and verb.tag_ == "VBN"
        and verb.lemma_.lower() in _ISSUING
        and verb.head.lemma_.lower() in _ADDRESSES
        and verb.head.i not in triggers
        and verb.i not in triggers
    ):
        return True  # "said, in a statement issued in Kabul, that …": where it was issued
    if (
        verb.lemma_.lower() in _SPEAKING
        and verb.pos_ == "VERB"
        and verb.i not in triggers
        and verb.dep_ in ("advcl", "acl", "xcomp")
        and not has_subject(verb)
        and not any(c.dep_ == "mark" for c in verb.children)
        and not any(verb.is_ancestor(verb.doc[i]) for i in triggers)
    ):
        # "Speaking in Geneva, the minister said rebels had attacked a village"; not
        # "exploded while the governor was speaking in Kandahar", which sets the
        # scene, nor "Speaking in Goma after rebels shelled the town", the town
        return True
    if _a_briefing_on_it(verb, triggers):
        return True  # "the army held a briefing in Kyiv on the attack": where it briefed
    if (
        verb.lemma_.lower() in _ADDRESSES
        and verb.dep_ == "pobj"
        and verb.head.dep_ == "prep"
        and verb.head.head.i not in triggers
        and verb.head.head.lemma_.lower() in _TELLING
    ):
        return True  # "al-Burhan said in a speech in Port Sudan": where he spoke
    if verb.lemma_.lower() in _PRESS:
        # the parse may hang "in Kaya" on the reporters: told them, or spoke to them;
        # not reporters who tell ("journalists in Rafah reported …")
        if verb.dep_ in ("dobj", "dative"):
            verb = verb.head
        elif verb.dep_ == "pobj" and verb.head.lower_ == "to":
            verb = verb.head.head
        else:
            return False
    if verb.i in triggers or verb.lemma_.lower() not in _TELLING:
        return False
    # the press as the verb's object ("told reporters") or after "to" ("speaking to reporters")
    return any(
        c.lemma_.lower() in _PRESS
        or (c.dep_ == "prep" and any(g.lemma_.lower() in _PRESS for g in c.children))
        for c in verb.children
    )


def _a_briefing_on_it(verb: Token, triggers: frozenset[int]) -> bool:
    """Whether ``verb`` holds a briefing or a speech whose topic is the event.

    "The army held a briefing in Kyiv on the attack", "gave a speech in Kyiv
    about the strikes": Kyiv is where the speaker spoke, the event its topic.
    """
    if verb.lemma_.lower() in _BRIEFINGS and verb.dep_ == "dobj":
        verb = verb.head  # "gave a statement in Kyiv about …", the place on the statement
    if verb.lemma_.lower() not in _GIVING_A_TALK or verb.i in triggers:
        return False
    talks = [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in _BRIEFINGS]
    if not talks:
        return False
    topics = [
        c
        for holder in (verb, *talks)
        for c in holder.children
        if c.dep_ == "prep" and c.lower_ in _ABOUT and any(t.i in triggers for t in c.subtree)
    ]
    # "held a briefing in Kyiv on the shelling of the city": the topic points back to it
    return bool(topics) and not any(points_back_to_the_seat(c.subtree) for c in topics)


_GIVING_A_TALK = frozenset({"hold", "give", "deliver", "host", "convene"})
"""Verbs that hold a briefing or give a speech."""
_BRIEFINGS = frozenset({"briefing", "speech", "address", "interview", "statement", "lecture"})
"""What a speaker holds or gives to tell of an event: its topic's place is not the speaker's."""
_ABOUT = TOPIC | {"on", "over"}
"""Prepositions that give a briefing's topic."""


def _named_after_its_kind(token: Token) -> bool:
    """Whether a name the parse hangs on the verb follows the kind of place it names.

    "in the capital Baku Saturday": "capital" is the preposition's object and
    "Baku" its name, right after it, which the parse took for a time word.
    """
    if token.i == 0 or token.dep_ not in ("npadvmod", "dep", "nmod"):
        return False
    kind = token.doc[token.i - 1]
    return kind.dep_ == "pobj" and kind.is_lower and kind.lower_ in _NAMED_KINDS


def _judged_in_the_passive(verb: Token, triggers: frozenset[int]) -> bool:
    """Whether the verb judges the event in the passive: "the attack was condemned"."""
    return verb.lemma_.lower() in _REACTIONS and any(
        c.dep_ == "nsubjpass" and c.i in triggers for c in verb.children
    )


def _officials_say(verb: Token) -> bool:
    """Whether the verb's subject is an official, a government or a force."""
    return any(
        word.lower_ in _OFFICIALS or word.lemma_.lower() in _OFFICIALS
        for subject in verb.children
        if subject.dep_ == "nsubj"
        for word in subject.subtree
    )


_TOPIC_VERBS = frozenset(
    {"discuss", "debate", "address", "consider", "review", "raise", "examine", "focus"}
)
_AUDIENCES = frozenset(
    {"rally", "crowd", "meeting", "conference", "summit", "session", "assembly", "congress",
     "parliament", "gathering", "ceremony", "audience", "supporters", "convention", "forum",
     "mourners", "congregation", "worshippers", "troops", "students", "funeral", "event",
     "protesters", "demonstrators", "delegates", "reporters", "journalists", "lawmakers"}
)  # fmt: skip
"""Whom one addresses where one speaks: "while addressing a rally in X" was in X."""


PLACE_PARTS = frozenset(
    {
        "city", "town", "village", "capital", "province", "region", "district", "area",
        "outskirts", "suburb", "suburbs", "centre", "center", "heart", "part", "parts",
        "edge", "north", "south", "east", "west", "northeast", "northwest", "southeast",
        "southwest", "border", "borders", "coast", "countryside", "governorate", "oblast",
        "state", "county", "neighbourhood", "neighborhood", "port", "streets", "street",
        "vicinity", "environs", "periphery", "territory", "territories", "waters", "skies",
        "airspace", "zone", "municipality", "locality", "hamlet", "camp", "strip",
        "enclave", "valley", "mountains", "hills", "island", "islands", "peninsula",
        "desert", "sea", "gulf", "bay", "river", "banks", "bank", "shore", "shores",
        "coastline", "front", "frontline", "sector", "quarter", "downtown", "kilometres",
        "kilometers", "km", "miles", "mile", "direction", "side", "corner", "middle",
        "all", "much", "most", "half", "rest", "borough", "resort", "resorts", "hometown",
        "township", "townships", "belt", "heartland", "hinterland", "corridor",
    }
)  # fmt: skip
"""Nouns a place name qualifies or that stand for a part of it: "the city of
Aleppo", "the Kharkiv region", "the outskirts of Aleppo", "40 km north of Homs"."""


_NAMED_KINDS = frozenset(
    {
        "city", "town", "village", "capital", "province", "region", "district", "suburb",
        "governorate", "oblast", "state", "county", "neighbourhood", "neighborhood", "port",
        "municipality", "locality", "hamlet", "camp", "settlement", "enclave", "island",
        "stronghold", "outpost", "township", "commune", "prefecture", "cities", "towns",
        "villages", "districts", "provinces", "neighbourhoods", "neighborhoods", "camps",
        "settlements", "islands", "borough", "resort", "resorts", "hometown", "townships",
    }
)  # fmt: skip
"""Lower-case kinds of place that "of X" names ("the town of X" is X), whatever
other place qualifies the kind ("Colombia's oil town of X")."""


LOCAL_FORCES = frozenset({"police", "policeman", "policemen", "firefighter"})
"""Bodies that act where they belong when a town (not a country) is theirs:
"Dallas police shot a gunman" happened in Dallas."""

OWNED_THINGS = frozenset(
    {
        "drone", "drones", "jet", "jets", "plane", "planes", "aircraft", "warplane",
        "warplanes", "helicopter", "helicopters", "gunship", "gunships", "airliner", "bomber",
        "fighter", "ship",
        "ships", "warship", "warships", "tanker", "tankers", "vessel", "vessels", "boat",
        "boats", "frigate", "destroyer", "submarine", "carrier", "missile", "missiles",
        "rocket", "rockets", "troops", "troop", "soldier", "soldiers", "forces", "force",
        "army", "navy", "military", "official", "officials", "diplomat", "diplomats",
        "citizen", "citizens", "national", "nationals", "convoy", "vehicle", "vehicles",
        "truck", "trucks", "tank", "tanks", "company", "firm", "airline", "government",
        "minister", "ministry", "president", "leader", "leaders", "envoy", "delegation",
        "embassy", "ambassador", "police", "authorities", "media", "agency", "militants",
        "rebels", "fighters", "militia", "team", "crew", "pilot", "pilots", "flag",
        "flagged", "journalist", "journalists", "worker", "workers", "personnel",
        "servicemen", "servicemembers", "sailor", "sailors", "marine", "marines",
        "tourist", "tourists",
        "contractor", "contractors", "man", "woman", "people", "spokesman", "spokeswoman",
        "commander", "commanders", "general", "coalition", "counterpart", "counterparts",
        "uav", "satellite", "sanctions", "policy", "economy", "club",
        # kin, whose town is where they are from ("Houston's brother was shot")
        "brother", "sister", "son", "daughter", "wife", "husband", "father", "mother",
        "family", "relatives", "cousin", "uncle", "nephew", "widow", "mayor", "governor",
        # what a place's government does ("in protest at Ankara's campaign")
        "campaign", "decision", "plan", "programme", "program", "strategy",
        # what only shows a place ("a map of the Ciudad Bolivar district")
        "map", "maps", "photo", "photos", "photograph", "photographs", "image", "images",
        "picture", "pictures", "footage", "video", "videos", "sketch", "drawing",
    }
)  # fmt: skip
"""Nouns whose place modifier names an owner, a nationality or a party, not a
site: "a US drone", "Russian troops", "the Kharkiv governor". A site's
modifier is where it is: "a Jerusalem hotel", "a Baghdad restaurant"."""


_KEPT_ABROAD = frozenset({"base", "outpost", "garrison", "consulate", "position"})
"""Sites a country keeps in another's land: before them, a country is the owner,
"a US base in Erbil"; a town or a name is where they are, "a Kabul base", "the
Kokkadicholai base"."""
_HOME_FORCES = frozenset({"army", "military", "police", "navy", "air", "naval", "border"})
"""Words between a country and its site that make it the country's own at home:
"a Kenya army base"."""


def _kept_abroad(site: Token, other_places: frozenset[int]) -> bool:
    """Whether a site a country is written before lies in another place the sentence names.

    "a US base in Erbil", "a UK base near Basra", "a US base at the Conoco
    field in Deir ez-Zor province": the country owns it, a place named after
    it holds it. Not a site with no such place ("a Djibouti base",
    "a Jordan outpost": the host) nor a country's own forces' ("a Kenya army
    base near the Somali border").
    """
    if site.lemma_.lower() not in _KEPT_ABROAD:
        return False
    if any(c.dep_ in ("compound", "amod") and c.lower_ in _HOME_FORCES for c in site.children):
        return False
    end = site.sent.end
    return any(site.i < i < end for i in other_places)


COMPASS = frozenset(
    {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
     "northern", "southern", "eastern", "western", "northeastern", "northwestern",
     "southeastern", "southwestern", "central", "rural", "greater", "downtown"}
)  # fmt: skip
"""Bearings and the adjectives of parts: "south of X", "central Baghdad", "rural Damascus"."""


AREA_WORDS = frozenset(
    {"province", "region", "district", "governorate", "oblast", "state", "county",
     "prefecture", "division", "department", "municipality", "area"}
)  # fmt: skip
"""The last word of a mention that names an administrative area ("Sherkole District")."""


SITES = frozenset(
    {"airport", "hospital", "mosque", "church", "market", "prison", "jail", "university",
     "stadium", "square", "hotel", "school", "station", "bridge", "harbour", "harbor",
     "refinery", "cathedral", "shrine", "palace", "parliament", "courthouse", "bazaar"}
)  # fmt: skip
"""Buildings and sites a place owns only by standing in it: "Bogota's airport"."""


_NEAR_WORDS = frozenset({"close", "next", "near", "adjacent", "nearer", "closer"})


_ACCESS_NOUNS = frozenset(
    {"entrance", "entrances", "gate", "gates", "road", "approach", "approaches", "way",
     "route", "highway", "access", "exit", "doorstep"}
)  # fmt: skip


WHEN_MARKS = frozenset({"when", "as"})
"""Words that open a clause saying what happened at the same time and place:
"were killed when a bomb exploded in X", "was shot as he left a mosque in X"
("while" and "after" were measured and lose more than they find)."""


_MAX_HOPS = 8


_ROLE_CONFIDENCE = {
    "target": 0.9,
    "location": 0.9,
    "compound": 0.85,
    "destination": 0.8,
    "origin": 0.8,
    "subject": 0.85,
    "area": 0.9,
}


_VIA_OBJECT = 0.9


_VIA_SUBJECT = 0.8
#: Who live in a place, as the subject of the event ("residents of X protested").
_INHABITANTS = frozenset({"resident", "villager", "inhabitant", "townspeople", "townsfolk"})
#: Words that say those residents live there no more ("displaced residents of X").
_NO_LONGER_THERE = frozenset({"former", "displaced", "ex", "evacuated", "exiled", "fleeing"})
#: Prepositions by which a verb says where or whither it went on.
_OWN_PLACE_WORDS = frozenset({"in", "at", "outside", "near", "to", "into", "inside", "across"})


def _placed_by_its_own_words(verb: Token) -> bool:
    """Whether the verb names a place after it: "residents of Goma protested in Kinshasa".

    Not a place the sentence opens with ("In Abkhazia, residents of Sukhumi
    protested"), which holds theirs.
    """
    return any(
        c.dep_ == "prep"
        and c.i > verb.i
        and c.lower_ in _OWN_PLACE_WORDS
        and any(g.dep_ == "pobj" and g.pos_ == "PROPN" for g in c.children)
        for c in verb.children
    )


def _after_an_age(of: Token) -> bool:
    """Whether "of" follows a person's age set off by commas: "Ian Reid, 31, of Lurgan".

    News writes a person's home so, which is not where the deed was done to
    or by them.
    """
    i = of.i
    doc = of.doc
    return (
        i >= 3 and doc[i - 1].text == "," and doc[i - 2].text.isdigit() and doc[i - 3].text == ","
    )


DISTANCE_UNITS = frozenset({"km", "kilometres", "kilometers", "miles", "mile"})
"""Units a distance from a place is written in ("40 km north of X")."""


_DISTANCE_HEADS = DISTANCE_UNITS | {"far", "away", "metres", "meters"}
_NEAR_ADVERBS = frozenset({"far", "close", "near", "nearby"})
"""Adverbs that head a vicinity phrase hung on the verb: "not far from X", "close to X"."""
"""Words whose "from" measures a distance, not an origin: "not far from X"."""


_THROUGH = frozenset(
    {"dobj", "pobj", "prep", "nsubjpass", "attr", "compound", "amod", "agent", "npadvmod",
     "pcomp"}
)  # fmt: skip
"""Links the walk from a place up to its trigger goes through, at a small cost
each: the object and its phrases, a measure or time the trigger takes ("were
killed last week in X", "2,000 marched in X"), and a preposition's clause
("began the assault by storming X"; "after" and "before" stop it, see
:data:`_NOT_THROUGH`)."""


PEOPLE_WHO_PROTEST = frozenset({"protester", "protestor", "demonstrator", "rioter", "marcher"})
"""Event words that name people: where they are is where what is done to them is."""


SPREADING = frozenset({"spread", "extend", "expand", "widen", "escalate", "swell"})
"""Verbs whose "to" names where an event now happens too: "fighting spread to X"."""


_AT_THE_TIME_OF = frozenset({"during"})
"""Prepositions of time that place the event where the event they name took
place: "killed during a raid on X" (not "after" or "before": another time)."""


_COUNTERPART = frozenset({"against", "with"})
"""Prepositions that name whom an event was done against or with. A place that
only qualifies them ("clashes with insurgents in X") is where the event was,
for types whose ``roles`` list ``counterpart`` (every type that lists none);
a protest against a war is not held where the war is."""


_AIMS = frozenset(
    {"capture", "recapture", "take", "retake", "seize", "storm", "recover", "regain",
     "liberate", "reclaim", "target"}
)  # fmt: skip
"""Verbs that say what an assault went for: "launched an offensive to capture
X", "an assault that targeted X", "raids targeting X". The place they take is
where the assault was."""


def _says_the_aim(clause: Token, dep: str) -> bool:
    """Whether a clause under the trigger only says what it went for (see :data:`_AIMS`)."""
    if clause.lemma_.lower() not in _AIMS:
        return False
    if dep in ("relcl", "acl"):
        return True  # "an assault that targeted X", "strikes targeting X"
    return dep in ("advcl", "xcomp") and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in clause.children
    )  # "launched an offensive to capture X"


_DEFAULT_ROLES = frozenset({"location", "target", "compound", "counterpart"})


@dataclass(frozen=True)
class Attachment:
    """How a place mention attaches to a trigger: the role, and how firmly."""

    role: str
    confidence: float


@dataclass(frozen=True)
class Refusal:
    """Why a place mention is not where the event happened.

    ``reason`` is one of :data:`VETOES` (the text says the place is something
    else: ``actor``, ``origin``, ``topic``, ``source``, ``context``, ``owner``,
    ``speech``, ``another`` event's own place, ``short of`` a place not reached,
    or ``apart``: past a semicolon from the trigger) or a reason the parse gave
    no answer (``unreached``, ``clause``, ``detour``, ``role``), which a learned
    scorer may overrule.
    """

    reason: str


VETOES = frozenset(
    {"actor", "origin", "topic", "source", "context", "owner", "speech", "another", "apart"}
    | {"alleged", "short of", "en route"}
)
"""Refusals no scorer may overrule: what the place is instead is in the text."""


def _narrows_an_airspace(token: Token, head: Token) -> bool:
    """Whether ``token`` is a locative preposition that narrows an airspace down.

    "violated its airspace near Latakia", "entered Finnish airspace over Porvoo":
    the place says which part of the airspace, and is the finer of the two.
    """
    return token.dep_ == "prep" and token.lower_ in LOCATIVE and head.lower_ in AIRSPACE_WORDS


_LAUNCH_GROUNDS = PLACE_PARTS | SITES | frozenset(
    {"orchard", "orchards", "field", "fields", "position", "positions", "base", "bases",
     "site", "sites", "launcher", "launchers", "ship", "warship", "vessel", "submarine"}
)  # fmt: skip
"""What a thing is launched or fired from, where that is a place: "fired from
Houthi-held territory near Taiz", "launched from an orchard near Tyre"."""


_LAUNCHING = frozenset({"launch", "fire", "shoot", "lob", "send", "shell", "pound", "bombard"})
"""Verbs whose "from" names where a missile or a drone set off, or where the guns stood:
"shelled the city of Nikopol from positions in Enerhodar" (the ground decides: "shelled
from mortars" is a means)."""


def _a_launch(verb: Token) -> bool:
    """Whether a verb launches or fires something at a goal: "fired rockets at Haifa".

    Its "at" or "toward" names what was aimed at, not where the launchers
    stood. Not "opened fire at a checkpoint", which is where they fired.
    """
    return verb.lemma_.lower() in _LAUNCHING and any(
        c.dep_ == "dobj" and c.lemma_.lower() in _PROJECTILES for c in verb.children
    )


def _launched_from_near(root: Token, triggers: frozenset[int]) -> bool:
    """Whether the place is the vicinity a launch set off from: "fired a missile from near X".

    The parse hangs "from near Pyongyang" anywhere; the words say it: "from"
    and a word of vicinity right before the name, after a verb that fires
    or launches something.
    """
    doc = root.doc
    first = root.left_edge.i
    if first >= 1 and doc[first].lower_ in _VICINITY_WORDS:
        first += 1  # the mention took its vicinity word in
    if first < 2 or doc[first - 1].lower_ not in _VICINITY_WORDS:
        return False
    if doc[first - 2].lower_ != "from":
        return False
    return any(_a_launch(doc[i]) for i in triggers)


#: Words of a vicinity after "from": "from near Pyongyang", "from outside Donetsk".
_VICINITY_WORDS = frozenset({"near", "around", "outside"})


def _an_offensive_launched(verb: Token) -> bool:
    """Whether a verb launches an offensive: "launched a new offensive into Jobar".

    Where an offensive, an assault or an incursion is launched into is where
    it was fought, not where the attackers went after it.
    """
    return verb.lemma_.lower() in _LAUNCHING_OFFENSIVES and any(
        c.dep_ == "dobj" and c.lemma_.lower() in _OFFENSIVES for c in verb.children
    )


_OFFENSIVES = frozenset(
    {"offensive", "assault", "attack", "raid", "incursion", "operation", "counteroffensive",
     "counter-offensive", "push"}
)  # fmt: skip
_LAUNCHING_OFFENSIVES = frozenset({"launch", "mount", "begin", "start"})
"""Verbs that launch an offensive: "mounted an incursion into X"."""


_PROJECTILES = frozenset(
    {"missile", "rocket", "drone", "shell", "mortar", "projectile", "bomb", "grenade",
     "torpedo", "salvo", "barrage", "volley"}
)  # fmt: skip
"""What is launched or fired at a target."""


def _from_a_place(preposition: Token) -> bool:
    """Whether a launch's "from" takes ground ("fired from territory near X").

    Not a cause or a means ("injured from shelling in X", "shelled from mortars
    the settlements of X"), nor where people were taken from or came from
    ("detained 20 men from a camp near Tulkarem", "killed worshippers from a
    village near Maiduguri"): there the ground is the site.
    """
    return preposition.head.lemma_.lower() in _LAUNCHING and any(
        c.dep_ == "pobj" and (c.lower_ in _LAUNCH_GROUNDS or c.lemma_.lower() in _LAUNCH_GROUNDS)
        for c in preposition.children
    )


def _continues_a_from_phrase(preposition: Token) -> bool:
    """Whether a locative right after "from <ground>" goes on with it.

    "was fired from rebel-held territory near Taiz": the parse may hang "near"
    on the verb, beside "from"; written right after the ground, it says where
    the ground is.
    """
    if preposition.lower_ not in LOCATIVE:
        return False
    for sibling in preposition.head.children:
        if (
            sibling.dep_ == "prep"
            and sibling.lower_ in ORIGIN
            and sibling.right_edge.i == preposition.i - 1
            and _from_a_place(sibling)
        ):
            return True
    return False


_DWELLING = frozenset(
    {"focus", "centre", "center", "concentrate", "revolve", "dwell", "touch", "deal", "cover",
     "concern", "tackle"}
)  # fmt: skip
"""Verbs that say what talks were about: "the talks focused on the transit route", "dealt
with the future of X", "covered the status of Y"."""


def _what_it_dwelt_on(token: Token, triggers: frozenset[int]) -> bool:
    """Whether ``token`` is a verb of dwelling on a topic whose subject is the trigger."""
    return token.lemma_.lower() in _DWELLING and any(
        c.dep_ in ("nsubj", "nsubjpass") and c.i in triggers for c in token.children
    )


def _what_the_clause_acts_on(root: Token, triggers: frozenset[int]) -> bool:
    """Whether the place is what a relative clause on it says the event befell.

    "the port of Izmail, which Russian drones attacked overnight", "Kherson,
    which troops shelled on Monday": the trigger is the clause's verb, and
    its object is the relative pronoun that stands for the place.
    """
    return any(
        child.dep_ == "relcl"
        and child.i in triggers
        and any(c.dep_ in ("dobj", "nsubjpass") and c.tag_ in ("WDT", "WP") for c in child.children)
        for child in root.children
    )


def _under_it(verb: Token, triggers: frozenset[int]) -> bool:
    """Whether the verb puts its subject under the event: "was under siege", "came under fire"."""
    return any(
        c.lower_ == "under" and any(g.i in triggers for g in c.children) for c in verb.children
    )


def under_the_event(root: Token, triggers: frozenset[int]) -> bool:
    """Whether the place is the subject that the event's verb puts under it.

    "El Fasher has been under siege", "Kherson came under heavy shelling":
    the subject is what the siege or the shelling befell, where the event
    happened, as an object would be.
    """
    head = root.head
    return root.dep_ == "nsubj" and head.i in triggers and _under_it(head, triggers)


def _a_time_of_its_own(verb: Token) -> bool:
    """Whether a verb joined to another names its own time: "and in October travelled to X"."""
    return any(
        c.dep_ in ("prep", "npadvmod")
        and (c.ent_type_ == "DATE" or any(g.ent_type_ == "DATE" for g in c.children))
        for c in verb.children
    )


def _what_it_was_called(preposition: Token, triggers: frozenset[int]) -> bool:
    """Whether "as" names the trigger's object in a free relative: "struck what X called Y".

    The verb of naming is the trigger's object clause and its own object is
    "what": Y is what the deed was done to.
    """
    verb = preposition.head
    return (
        preposition.lower_ == "as"
        and verb.lemma_.lower() in _NAMING
        and verb.dep_ in ("ccomp", "dobj", "xcomp")
        and verb.head.i in triggers
        and any(c.dep_ == "dobj" and c.lower_ in ("what", "whatever") for c in verb.children)
    )


def _names_what_was_done(root: Token) -> bool:
    """Whether the place is the subject of a verb naming "what" was done: "in what Manila called".

    "fired water cannon at ships, injuring crew members, in what Manila called
    an illegal manoeuvre": Manila speaks; nothing happened there.
    """
    verb = root.head
    return (
        root.dep_ == "nsubj"
        and verb.lemma_.lower() in _NAMING
        and any(c.dep_ == "dobj" and c.lower_ in ("what", "whatever") for c in verb.children)
    )


_NAMING = frozenset({"describe", "call", "term", "label", "characterise", "characterize"})
"""Verbs that name what a thing is: "what the army described as infrastructure"."""


def _between_parties(word: Token) -> bool:
    """Whether "between" after ``word`` names parties: "talks between X and Y".

    So with a verb: "mediated between X and Y". Not a place between two
    others: "a hotel between Geneva and Lausanne", "the crossing between
    Egypt and Gaza".
    """
    return word.pos_ in ("VERB", "AUX") or word.lemma_.lower() in _TALKS


_TALKS = frozenset(
    {"talk", "talks", "negotiation", "meeting", "summit", "dialogue", "agreement", "deal",
     "accord", "truce", "ceasefire", "mediation", "contact", "relation", "consultation"}
)  # fmt: skip


_ON_BEHALF = frozenset({"solidarity", "memory", "honour", "honor", "tribute", "sympathy"})
"""Nouns after "in" that say for whom a deed was done: "in solidarity with". Not
"support" nor "behalf" past their party: "airstrikes in support of government forces
in Idlib" struck Idlib; only a place they name right away is whom they were for."""
_ON_BEHALF_OF_A_PLACE = _ON_BEHALF | {"support", "behalf"}
"""The same, where the place is the party itself: "rallied in support of Ukraine"."""

_BETWEEN_BEHALF_AND_PLACE = frozenset(
    {"prep", "pobj", "det", "amod", "compound", "poss", "case", "nummod"}
)


def _for_a_person(noun: Token) -> bool:
    """Whether a phrase of whom a deed was for names a person, not a people.

    "marched in support of Yasser Arafat in Jordan's largest refugee camp"
    marched in the camp; "in solidarity with Palestinians in Gaza" did not.
    """
    return any(
        g.ent_type_ == "PERSON"
        for p in noun.children
        if p.dep_ == "prep"
        for g in p.children
        if g.dep_ == "pobj"
    )


def _after_on_behalf(preposition: Token) -> bool:
    """Whether a place's preposition ends a phrase of whom a deed was for, word by word.

    "in solidarity with Palestinians in Gaza": up to six words back, with only
    a phrase's own words between (and among them "with", "of" or "for" and
    whom), "in" or "on" and one of :data:`_ON_BEHALF`.
    """
    doc = preposition.doc
    party = False  # "with", "of" or "for" and whom: "in support near Gaza" names none
    for back in range(preposition.i - 1, max(preposition.i - 7, 0), -1):
        word = doc[back]
        if word.lemma_.lower() in _ON_BEHALF:
            return party and doc[back - 1].lower_ in ("in", "on")
        if word.dep_ not in _BETWEEN_BEHALF_AND_PLACE or word.is_punct:
            return False
        if word.ent_type_ == "PERSON":
            return False  # "marched in support of Arafat in a camp in Jordan": they were there
        party = party or word.lower_ in ("with", "of", "for")
    return False


_OUT_DEPS = frozenset({"prep", "prt", "advmod"})
"""How the parse hangs the "out" of "out of"."""
_FLOWN_OUT_OF = frozenset(
    {"fly", "launch", "fire", "take", "sail", "smuggle", "flee", "escape", "depart", "leave"}
)
"""Verbs of a weapon or a craft leaving, whose "out of" says whence as "from" does ("a
drone flying out of Puerto Rico"); not "drove the RSF out of Khartoum", fought there, nor
"militants operating out of Idlib", who are there."""

_SHORT_OF = frozenset({"short", "shy"})
"""Words whose "of" says where a deed did not reach: "stopped short of Kyiv", "well
short of the Bekaa valley", "just shy of the border"."""

_SIDELINES = frozenset({"sidelines", "sideline", "margins", "margin", "fringes", "fringe"})
"""What one meets "on" at a gathering, which is no topic: "on the sidelines of a summit"."""


def _after_a_title(name: Token) -> bool:
    """Whether a title opens the person's name: "Mayor Vitali Klitschko", "Governor X"."""
    first = min((t for t in name.subtree if t.i <= name.i and t.ent_type_ == "PERSON"),
                key=lambda t: t.i, default=name)  # fmt: skip
    before = name.doc[first.i - 1] if first.i > 0 else None
    return before is not None and before.lower_.rstrip(".") in PERSON_TITLES


def _near_to(token: Token) -> bool:
    """Whether the word opens "close to X" or "next to X" after a noun: near X."""
    return (
        token.dep_ in ("amod", "advmod")
        and token.lower_ in ("close", "next")
        and any(c.dep_ == "prep" and c.lower_ == "to" for c in token.children)
    )


_CAUSING = frozenset(
    {"lead", "force", "prompt", "push", "compel", "cause", "pressure", "press", "persuade",
     "drive", "spur", "oblige", "coerce"}
)  # fmt: skip
"""Verbs that make their object do what the infinitive after it says ("led Mali to
recall"); not "stormed Bakhmut to capture the station", a purpose done there, nor
"asked Qatar to host talks", where the host's place is the venue."""


def _led_to_do_it(root: Token, triggers: frozenset[int]) -> bool:
    """Whether the place is the object of a verb whose infinitive is the trigger.

    "The incident led Mali, Burkina Faso and Niger to recall their
    ambassadors", "forced Iraq to close its airspace": the object does what
    the infinitive says; it is who acts, not where.
    """
    word = root
    while word.dep_ == "conj" and word.head.i != word.i:
        word = word.head
    if word.dep_ != "dobj" or word.head.lemma_.lower() not in _CAUSING:
        return False
    verb = word.head
    return any(
        c.dep_ in ("xcomp", "advcl")  # the parse may take the infinitive for a purpose
        and c.i in triggers
        and c.i > word.i
        and c.tag_ == "VB"
        and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        for c in verb.children
    )


def _first_role(token: Token, event_type: EventType) -> str | Refusal:
    """The role the link above ``token`` gives, or why it gives none.

    A spatial phrase's root can be its preposition ("off the coast of X"):
    the preposition then gives the role itself.
    """
    head = token.head
    dep = token.dep_
    if _near_to(token):
        return "location"  # "bunkers close to Jaffna", a vicinity phrase of its own
    if dep == "prep" and token.pos_ == "ADP":
        dep, head = "pobj", token
    if dep == "pobj":
        word = head.lower_
        if head.dep_ == "agent" or word == "by":
            return Refusal("actor")
        if word == "of" and head.head.lower_ == "out" and head.head.dep_ in _OUT_DEPS:
            verb = head.head.head
            if verb.lemma_.lower() in _FLOWN_OUT_OF or (
                # "the jets operating out of Incirlik struck Raqqa": the doers' base;
                # not "struck militants operating out of Idlib", who were hit there
                verb.lemma_.lower() == "operate"
                and verb.dep_ == "acl"
                and verb.head.dep_ == "nsubj"
            ):
                word = "from"  # "a drone flying out of Puerto Rico": where it came from
        if word in ORIGIN and head.head.lower_ in _DISTANCE_HEADS:
            return "location"  # "not far from Grozny", "40 miles from Sao Paulo"
        if word in ORIGIN:
            if "origin" in event_type.roles:
                return "origin"  # "withdrew from Bakhmut": a type that says so
            return Refusal("origin")  # "launched from southern Lebanon"
        if word == "on" and token.lower_ in _SIDELINES:
            return "location"  # "met on the sidelines of the Doha Forum": at it
        if word in TOPIC or (event_type.topical and word in TOPICAL_TOO):
            return Refusal("topic")  # "talks on Syria"
        if event_type.topical and word == "between" and _between_parties(head.head):
            return Refusal("actor")  # "talks between Kyiv and Moscow": the parties
        if head.head.lower_ in _ATTRIBUTION_HEADS:
            return Refusal("source")  # "according to Moscow" cites a source
        if word in _GOAL_PREPOSITIONS and _a_launch(head.head):
            return "target"  # "launched a ballistic missile at Tel Aviv": aimed there
        if word == "into" and _an_offensive_launched(head.head):
            return "target"  # "launched a new offensive into Jobar district": fought there
        if word in DESTINATION:
            above = head.head
            if head.dep_ == "conj" and above.pos_ == "ADP":
                above = above.head  # "spread to Ankara … and to Izmir"
            if above.lower_ in _NEAR_WORDS:
                return "location"  # "villages close to Algiers"
            if above.lemma_.lower() in SPREADING:
                return "location"  # "protests spread to Ankara": now held there too
            if above.lower_ == "way" and any(c.dep_ == "poss" for c in above.children):
                # "captured on their way to Sarajevo", "killed on his way to Raqqa": a
                # journey cut short, somewhere before the place it went to
                if "destination" in event_type.roles:
                    return "destination"  # "left Paris on his way to Kyiv": a journey's end
                return Refusal("en route")
            if above.lower_ in _ACCESS_NOUNS or above.lemma_.lower() in _ACCESS_NOUNS:
                return "of"  # "the entrance to Bethlehem" stands for a part of it
            return "destination"
        if word in LOCATIVE:
            if _after_on_behalf(head):
                # "marched in London in solidarity with Palestinians in Gaza", the
                # parse hanging "in Gaza" on the verb: the people it was for are there
                return Refusal("topic")
            return "location"
        if word == "of" and head.head.lower_ in _SHORT_OF:
            return Refusal("short of")  # "stopped short of Kyiv": not there
        if word == "including" and head.head.lemma_.lower() in _PLACES_INCLUDED:
            return "target"  # "captured key towns, including Kanyabayonga": a town taken
        return "of" if word == "of" else Refusal("unreached")
    if dep in ("dobj", "nsubjpass", "attr", "oprd"):
        return "target"
    if dep == "nsubj" and "subject" in event_type.roles:
        return "subject"  # "Jordan, Iraq and Lebanon closed their airspace": their own sky
    if dep in ("npadvmod", "advmod") and token.lower_ in PLACE_PARTS | _NEAR_ADVERBS:
        return "location"  # "raids north of Baghdad", "downed a jet not far from Grozny"
    return "compound" if dep in ("compound", "nmod") else Refusal("unreached")


def _blamed_on(root: Token, triggers: frozenset[int]) -> bool:
    """Whether the place is whom an event is blamed on: "blamed the shelling on Russia".

    A verb of blame whose object is the trigger holds its party with an "on"
    of its own; an "on" the parse gives the noun is the event's ("blamed the
    attack on Kramatorsk on Russia").
    """
    preposition = root if root.dep_ == "prep" else root.head
    if preposition.dep_ != "prep" or preposition.lower_ != "on":
        return False
    verb = preposition.head
    return verb.lemma_.lower() in _ACCUSING and any(
        c.dep_ == "dobj" and c.i in triggers for c in verb.children
    )


def _one_of_the_sites_hit(preposition: Token, root: Token, triggers: frozenset[int]) -> bool:
    """Whether the place says where a site "including" names lay: "including a base near X".

    Hung on the trigger or on its object, an "including" whose own object is a
    kind of place (a base, a depot, a village) names one of the places the
    deed was done to, and a place in a phrase of that noun's own ("near X",
    "outside X") is where it lay. People or things it names ("killed six,
    including two from X") are not sites, and a place further down ("a
    village in a district of X") is the site's context: both keep the detour.
    """
    if preposition.lower_ != "including":
        return False
    head = preposition.head
    if not (head.i in triggers or (head.dep_ in ("dobj", "nsubjpass") and head.head.i in triggers)):
        return False
    site = next((c for c in preposition.children if c.dep_ == "pobj"), None)
    if site is None or not is_one_of(site, _PLACES_INCLUDED | SITES):
        return False
    phrase = root.head if root.dep_ == "pobj" else root  # "near X" may be the mention
    return phrase.dep_ == "prep" and phrase.head == site


_TARGET_PREPOSITIONS = frozenset({"on", "against", "upon"})


def the_object_before(preposition: Token, triggers: frozenset[int]) -> Token | None:
    """The trigger noun whose own phrase the parse hung on its verb, if any.

    "Officials condemned the airstrikes on Zakho": "on" follows the object's
    last word and tells what the strikes hit, though the parse makes it the
    verb's; a verb does not condemn "on" a place. Only "on", "against" and
    "upon" (what an attack is aimed at), right after an object that is the
    trigger.
    """
    if preposition.dep_ != "prep" or preposition.lower_ not in _TARGET_PREPOSITIONS:
        return None
    verb = preposition.head
    if verb.i in triggers or verb.lemma_.lower() in _ACCUSING:
        return None  # "blamed the shelling on Russia": on whom, not where
    return next(
        (
            c
            for c in verb.children
            if c.dep_ == "dobj" and c.i in triggers and c.right_edge.i + 1 == preposition.i
        ),
        None,
    )


_LOCATIVE_PREPOSITIONS = frozenset({"in", "within", "across", "throughout", "at", "inside"})


def a_local_government_area(noun: Token) -> bool:
    """Whether "local government" after a name is a district, not an authority.

    "attacked a village in Sanga local government in Kaduna State": in Nigeria
    the words name the area the town governs, and after a preposition of place
    the name is where it happened; "the Sanga local government said" is the
    authority, which owns its words.
    """
    return (
        noun.lemma_.lower() == "government"
        and any(c.dep_ == "amod" and c.lower_ == "local" for c in noun.children)
        and noun.dep_ == "pobj"
        and noun.head.lower_ in _LOCATIVE_PREPOSITIONS
    )


def is_one_of(token: Token, words: AbstractSet[str]) -> bool:
    """Whether the word's form or its lemma is one of ``words`` ("drones" or "drone")."""
    return token.lower_ in words or token.lemma_.lower() in words


def _above(token: Token, indices: AbstractSet[int]) -> bool:
    """Whether one of ``indices`` is ``token`` or one of its ancestors."""
    return token.i in indices or any(a.i in indices for a in token.ancestors)


def has_subject(verb: Token) -> bool:
    """Whether the verb has a subject of its own (a clause, not a bare conjunct)."""
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _acts_as_a_verb(token: Token) -> bool:
    """A verb, or a word the tagger misread that takes a direct object ("sank boats")."""
    return token.pos_ == "VERB" or has_object(token)


def has_object(verb: Token) -> bool:
    """Whether a verb takes a direct object of its own."""
    return any(c.dep_ == "dobj" for c in verb.children)


def _owns_up_to(verb: Token, triggers: frozenset[int], *, passive: bool = False) -> bool:
    """Whether ``verb`` claims, admits or judges the event: its object holds the trigger.

    "claimed the attack", "claimed responsibility for the attack", "condemned the
    bombing": its subject is the party, or the judge, never the site. With
    ``passive``, the event is its passive subject ("the attack was claimed by X").
    """
    if verb.lemma_.lower() not in _OWNING_UP:
        return False
    deps = ("nsubjpass",) if passive else ("dobj", "prep")
    return any(c.dep_ in deps and any(t.i in triggers for t in c.subtree) for c in verb.children)


def _a_seat_comments_on(verb: Token, triggers: frozenset[int]) -> bool:
    """Whether a government comments (or will not) on an event told with no place of its own.

    "The ruling junta in Ouagadougou did not comment on the ambush": where it
    sits, not where the ambush was (the caller asks for a national capital).
    Not police or residents "in Kyiv" who did not comment on "the explosion in
    the city centre", a place of its own that points back to their town.
    """
    if verb.lemma_.lower() != "comment":
        return False
    if not any(c.dep_ == "nsubj" and c.lemma_.lower() in _COMMENTING_SEATS for c in verb.children):
        return False
    for preposition in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "on"):
        for noun in preposition.children:
            if noun.i in triggers or any(t.i in triggers for t in noun.subtree):
                return not any(
                    c.dep_ == "prep" and c.lower_ in ("in", "at", "near", "outside", "around")
                    for c in noun.children
                )
    return False


_COMMENTING_SEATS = CAPITAL_SPEAKERS | {"junta", "authority", "administration", "regime"}
"""Those who comment on an event from a capital's seat of government (lemmas)."""


def _of_other_deeds(verb: Token) -> frozenset[int]:
    """The tokens of the verbs conjoined to ``verb``, with all they govern.

    "was captured during a raid off La Paz and towed back to San Diego": San
    Diego is where the second deed went, not a place of the capture's own.
    """
    return frozenset(
        t.i
        for c in verb.children
        if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")
        for t in c.subtree
    )


def _purpose_of(verb: Token) -> Token:
    """The verb whose purpose or manner ``verb`` tells: "marched … to protest" is "marched"."""
    while verb.dep_ in ("advcl", "xcomp") and verb.head.i != verb.i:
        verb = verb.head
    return verb


def placed_in_the_open(trigger: Token, verb: Token | None, places: AbstractSet[int]) -> bool:
    """Whether the event has a place of its own that no town holds, left unnamed.

    "two rockets landed in the sea, officials in Quetta said", "shots were
    fired on the border as protesters rallied in Yerevan": the sea and the
    border are where it happened, and the sentence's towns are the speakers'
    or another clause's. The scorer may not then take a place the rules refused.
    """
    for word in (trigger, verb):
        if word is None:
            continue
        for prep in word.children:
            if prep.dep_ != "prep" or prep.lower_ not in _OPEN_PREPOSITIONS:
                continue
            for obj in prep.children:
                open_kind = obj.lemma_.lower() in _OPEN_PLACES or (
                    obj.lemma_.lower() == "line"
                    and any(
                        c.dep_ in ("compound", "amod") and c.lower_ == "front" for c in obj.children
                    )
                )
                if obj.dep_ == "pobj" and open_kind and not any(t.i in places for t in obj.subtree):
                    return True
    return False


_OPEN_PREPOSITIONS = frozenset({"in", "on", "at", "along", "across", "over", "near", "into"})
_OPEN_PLACES = frozenset(
    {"sea", "border", "frontier", "boundary", "frontline", "waters", "coast", "coastline"}
)
"""Places outside any town that a sentence may leave unnamed (lemmas): "in the sea"."""


def placed_outside(head: Token, clause: Token, places: frozenset[int]) -> bool:
    """Whether ``head``'s phrase names another place outside the ``clause`` hung on it.

    The caller leaves countries and provinces out: "were killed in Sudan when
    shells hit a market in El Fasher" happened in El Fasher.
    """
    inside = range(clause.left_edge.i, clause.right_edge.i + 1)
    # not the subject's: "soldiers based in Mopti raided X" names where they came from
    subjects = {t.i for c in head.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
    return any(
        t.i in places and t.i not in inside and t.i not in subjects and not _reached_from(t, head)
        for t in head.subtree
    )


def _reached_from(token: Token, head: Token) -> bool:
    """Whether "from" stands between a place and ``head``: where people came from.

    "kidnapped a priest from Enugu and abducted two nuns in Makurdi": Enugu
    says where the priest was from, not where the first deed was done.
    """
    node = token
    while node.i != head.i and node.head.i != node.i:
        if node.dep_ == "prep" and node.lower_ in ORIGIN:
            return True  # not "to" or "into": "pushed into X as drones hit Y" went there
        node = node.head
    return False


def _a_deed_before_its_own(
    root: Token, triggers: frozenset[int], other_kinds: frozenset[int], places: frozenset[int]
) -> bool:
    """Whether the place is the earlier deed's, conjoined to a deed placed on its own.

    "shot down missiles over Crimea and sank boats near Sevastopol": Crimea hangs on
    the first deed, another kind of event with its own object; the second, with its
    own object and its own place, happened near Sevastopol only.
    """
    doc = root.doc
    for i in triggers:
        deed = doc[i]
        first = deed.head
        if (
            deed.dep_ == "conj"
            and _acts_as_a_verb(deed)
            and first.i in other_kinds
            and first.pos_ == "VERB"
            and has_object(deed)
            and has_object(first)
            and root.i in {t.i for t in first.subtree}
            and root.i not in {t.i for t in deed.subtree}
            and any(t.i in places for t in deed.subtree)
        ):
            return True
    return False


def opens_when_clause(token: Token) -> bool:
    """Whether ``token`` opens a "when" or "as" clause (spaCy tags "when" as mark or advmod)."""
    return token.dep_ in ("mark", "advmod") and token.lower_ in WHEN_MARKS


def _names_a_kind(noun: Token) -> bool:
    """Whether ``noun`` is a lower-case kind of place that "of X" names ("the town of X")."""
    return noun.is_lower and noun.lower_ in _NAMED_KINDS


def _of_another_place(noun: Token, other_places: frozenset[int]) -> bool:
    """Whether a lower-case kind of place is named by another place: "the town of X".

    Not when that place is an area ("the X district of Logar province") or a
    part of one ("the Karrada district of central Baghdad"): it holds the
    district, it does not name it.
    """
    if not _names_a_kind(noun):
        return False
    return any(
        prep.dep_ == "prep"
        and prep.lower_ == "of"
        and any(
            p.dep_ == "pobj"
            and p.i in other_places
            and p.lower_ not in AREA_WORDS
            and not any(c.lower_ in COMPASS for c in p.lefts)
            for p in prep.children
        )
        for prep in noun.children
    )


def _fronted_in_a_clause_of_contrast(root: Token, clause: Token) -> bool:
    """Whether the place opens a "while" or "whereas" clause with a subject of its own.

    "police detained eight protesters, while in Nazareth the council met":
    the clause sets its own scene apart from the event's.
    """
    mark = next(
        (c for c in clause.children if c.dep_ == "mark" and c.lower_ in ("while", "whereas")),
        None,
    )
    preposition = root.head
    return (
        mark is not None
        and root.dep_ == "pobj"
        and preposition.dep_ == "prep"
        and preposition.head.i == clause.i
        and preposition.i == mark.i + 1
        and has_subject(clause)
    )


def _tells_fighting(clause: Token, triggers: frozenset[int], loud: frozenset[int]) -> bool:
    """Whether a clause holds the event itself or an event some layer shows."""
    return any(t.i in triggers or t.i in loud for t in clause.subtree)


def _discussed(root: Token, triggers: frozenset[int]) -> bool:
    """Whether the place is what a verb of discussing other than the trigger is about."""
    token = root
    for _ in range(_MAX_HOPS):
        if token.dep_ not in ("conj", "appos") or token.head.i == token.i:
            break
        token = token.head  # "discussed Gaza and Libya"
    if token.dep_ == "pobj" and token.head.lower_ in ("about", "on"):
        token = token.head  # "talked about Gaza"
    verb = token.head
    return (
        token.dep_ in ("dobj", "prep")
        and verb.i not in triggers
        and verb.lemma_.lower() in _DISCUSSING
    )


_DISCUSSING = frozenset({"discuss", "debate", "review", "examine"})
"""Verbs whose object is a topic only: one "addresses" a parliament where it sits."""


_CONVEYING = frozenset(
    {"take", "fly", "rush", "evacuate", "airlift", "transfer", "bring", "carry", "transport",
     "admit", "ferry"}
)  # fmt: skip
"""Verbs that take someone somewhere: "taken to a hospital in X", "transferred to a prison"."""
_UNDER_WAY = frozenset(
    {"carry", "transport", "travel", "drive", "ride", "pass", "patrol", "sail", "fly",
     "wait", "queue", "shelter", "walk", "pray", "shop", "play", "stand", "sit", "gather",
     "celebrate"}
)  # fmt: skip
"""Verbs of a participle on what an event befell that say where it was at the time: "a
truck carrying workers in X", "people queuing for bread in X", where the place is
"in", "at", "near" it: not where it was going ("a car driving towards X"). Not where it
lives, works or attends ("a man living in X", "journalists attending a summit in X"),
which may be far from the event."""
_TOWARD = frozenset({"to", "toward", "towards", "into"})
_FACILITIES = frozenset(
    {"hospital", "hospitals", "clinic", "clinics", "prison", "prisons", "jail", "jails",
     "morgue", "mortuary", "camp", "camps", "base", "facility", "facilities", "centre",
     "center", "centres", "centers", "detention", "custody", "cell", "cells", "infirmary"}
)  # fmt: skip
"""Where the wounded, the dead and the detained are taken: "taken to a hospital in X"
(not "took to the streets", "carried out strikes into Iraq")."""


def _where_it_was_taken(root: Token) -> bool:
    """Whether the place is where someone was taken: a destination, not a deed's site.

    "Two soldiers were wounded in the fighting and taken to a hospital in
    Kirkuk", "the injured were taken to hospitals in Khan Younis" (the parse
    hangs "in" on the verb beside "to"), "captured in Afghanistan and
    transferred to a prison in Cuba": the wounding and the capture were
    elsewhere. The nearest verb above the place conveys, and the place is
    after "to" or "into" a facility (a hospital, a prison, a morgue …), or "in"
    or "at" beside them. Not "drove from X to Y", a trip on which the deed may
    have been done, nor "took to the streets in Dhaka" or "carried out strikes
    into northern Iraq".
    """
    token, toward = root, False
    for _ in range(_MAX_HOPS):
        head = token.head
        if head.i == token.i:
            return False
        if token.dep_ == "prep" and token.lower_ in _TOWARD:
            toward |= _a_facility(token)
        if head.pos_ in ("VERB", "AUX"):
            if token.dep_ != "prep" or head.lemma_.lower() not in _CONVEYING:
                return False
            return toward or (
                token.lower_ in ("in", "at")
                and any(
                    c.dep_ == "prep" and c.lower_ in _TOWARD and _a_facility(c)
                    for c in head.children
                )
            )
        token = head
    return False


_ALLEGING = frozenset(
    {"suspect", "suspected", "accuse", "accused", "charge", "charged", "convict",
     "convicted", "suspicion", "accusation", "allegation", "arrest", "arrested",
     "detain", "detained", "jail", "jailed", "sentence", "sentenced", "indict", "indicted"}
)  # fmt: skip
"""Words whose "of", "with" or "for" names a deed someone is said to have done."""


def _alleged_elsewhere(root: Token, triggers: frozenset[int], *, capital: bool = False) -> bool:
    """Whether the trigger is a deed someone is accused of, and the place is not in its words.

    "arrested four men in Kirkuk suspected of launching the drones": where
    they were arrested says nothing of where the drones were launched; "accused
    of attacking a post in Kirkuk" names its own place. An accusation made
    in a national capital is made where governments sit ("In Moscow, Russia
    accused Ukraine of shelling civilians"); one made in a town is mostly
    made where the deed was ("In Kherson, Ukraine accused Russia of shelling").
    """
    doc = root.doc
    for i in triggers:
        deed = doc[i]
        head = deed.head
        alleging = head.head
        if (
            deed.dep_ in ("pcomp", "pobj")
            and head.lower_ in ("of", "with", "for")
            and (alleging.lower_ in _ALLEGING or alleging.lemma_.lower() in _ALLEGING)
            and (capital or _of_someone_held(alleging))
            and not deed.is_ancestor(root)
        ):
            return True
    return False


_HOLDING = frozenset({"arrest", "detain", "jail", "sentence", "indict", "charge", "convict"})


def _of_someone_held(alleging: Token) -> bool:
    """Whether the alleging word tells of people held or charged, not an accusation made.

    "four men in Kirkuk suspected of launching drones", "arrested on suspicion
    of", "jailed for", "charged with": where they were held is not where the
    deed was. "In Kherson, Ukraine accused Russia of shelling residential
    areas": the accusation is the news, and it is made where the deed was.
    """
    if alleging.dep_ in ("acl", "amod", "relcl", "advcl"):
        return True  # "men suspected of", "a man accused of"
    if alleging.lemma_.lower() in _HOLDING:
        return True
    return alleging.pos_ == "NOUN" and alleging.head.lemma_.lower() in _HOLDING


_CALLING = frozenset({"call", "name", "know", "called", "named", "known"})


def _the_kind_it_is_called(token: Token) -> Token | None:
    """The kind of place a name is what it is called ("a village called Teiba"), if so.

    The parse hangs the name on "called" (or on "as" after "known"), which
    hangs on the kind: the kind's place in the sentence is the name's.
    """
    head = token.head
    if token.dep_ == "pobj" and head.lower_ == "as":
        token, head = head, head.head  # "an area known as Kilo Five"
    if token.dep_ not in ("oprd", "prep", "dobj", "attr") or head.lemma_.lower() not in _CALLING:
        return None
    if head.dep_ != "acl" or head.head.pos_ != "NOUN":
        return None
    return head.head


def _a_facility(preposition: Token) -> bool:
    """Whether "to" or "into" leads to a place where people are kept: a hospital, a prison."""
    return any(c.dep_ == "pobj" and is_one_of(c, _FACILITIES) for c in preposition.children)


#: Verbs of going whose "in the direction of X" is where the mover headed; not
#: "recorded 40 clashes in the direction of Pokrovsk", a front's sector.
_HEADING = frozenset(
    {"leave", "head", "fly", "move", "go", "travel", "turn", "drive", "flee", "depart",
     "return", "sail", "retreat", "withdraw", "proceed", "veer", "steer", "exit", "continue"}
)  # fmt: skip


def _another_verb_s_direction(root: Token, triggers: frozenset[int]) -> bool:
    """Whether the mention is the direction another verb went or came in.

    "before leaving in the direction of Belarus", "flew off towards the
    border": where that verb's mover headed, not where the event happened.
    """
    of = root.head
    if root.dep_ != "pobj" or of.lower_ != "of" or of.head.lemma_.lower() != "direction":
        return False
    preposition = of.head.head
    if of.head.dep_ != "pobj" or preposition.dep_ != "prep":
        return False
    verb = preposition.head
    return verb.i not in triggers and verb.lemma_.lower() in _HEADING


def attachment(
    root: Token,
    triggers: frozenset[int],
    event_type: EventType,
    *,
    other_places: frozenset[int],
    also_triggers: frozenset[int] = frozenset(),
    other_kinds: frozenset[int] = frozenset(),
    town: bool = False,
    country: bool = False,
    capital: bool = False,
    wide_places: frozenset[int] = frozenset(),
    quiet_words: frozenset[int] = frozenset(),
) -> Attachment | Refusal:
    """How the mention whose syntactic root is ``root`` attaches to the trigger.

    ``triggers`` are the token indices of the trigger (and of the verb it is
    the subject of); ``other_places`` the tokens of the sentence's other place
    mentions; ``also_triggers`` the sentence's other trigger words, through
    which a conjoined verb lends its place ("was shot and killed in X");
    ``other_kinds`` those of them that report another kind of event (another
    layer): a conjoined clause of its own that reports one keeps its place
    ("struck Gaza, and troops raided X"), one of the same kind shares it
    ("two were killed and four others wounded in X"). ``town`` says the
    mention is a town or a site, not a country or a province: what a town
    "has" is mostly a part of it ("Baghdad's largest slum", "Tbilisi's main
    avenue"), where what a country has is its own ("Russia's drone");
    ``country`` that it is a whole country ("a US base in Erbil" is the US's).
    ``capital`` says the mention is a national capital, where ministries sit;
    ``wide_places`` are the tokens of the sentence's countries and provinces,
    which hold a town rather than rival it; ``quiet_words`` the sentence's
    event words that no layer of its own shows (a journey, a return).
    A :class:`Refusal` says why the mention is not where the event happened.
    """
    roles = set(event_type.roles) if event_type.roles else _DEFAULT_ROLES
    if _another_verb_s_direction(root, triggers):
        # "violated the airspace near Chelm before leaving in the direction of Belarus"
        return Refusal("another")
    if _names_what_was_done(root):
        return Refusal("speech")  # "…, in what Manila called an illegal manoeuvre": who called it
    if _blamed_on(root, triggers):
        return Refusal("actor")  # "Kyiv blamed the shelling on Russia": who, not where
    if "subject" not in roles and _led_to_do_it(root, triggers):
        return Refusal("actor")  # "led Mali and Niger to recall their ambassadors": who
    if _alleged_elsewhere(root, triggers, capital=capital):
        return Refusal("alleged")  # "arrested four men in Kirkuk suspected of launching drones"
    if "origin" not in roles and _launched_from_near(root, triggers):
        # "fired a ballistic missile from near Pyongyang": where it set off
        return Refusal("origin")
    if "destination" not in roles and _where_it_was_taken(root):
        # "wounded and taken to a hospital in Kirkuk"; those detained and taken to a
        # base are held there, which the scorer may weigh
        return Refusal("role" if event_type.holds else "another")
    if "target" in roles and _what_the_clause_acts_on(root, triggers):
        return Attachment("target", 0.9)  # "Izmail, which Russian drones attacked overnight"
    if _where_the_press_was_told(root, triggers):
        return Refusal("speech")  # "…, a survivor told reporters in Kaya"
    if capital and _the_seat_that_reports_it(root, triggers):
        return Refusal("speech")  # "the government in Kabul, which said 46 were killed"
    if (
        event_type.topical
        and not any(t.i in triggers for t in root.ancestors)
        and any(_what_it_dwelt_on(a, triggers) for a in root.ancestors)
    ):
        # "the talks dealt with the future of X", however it parses; not "the talks
        # in Doha covered …", whose place the talks hold
        return Refusal("topic")
    if event_type.topical and _discussed(root, triggers):
        # "the leaders discussed Gaza and Libya and signed 17 agreements": the
        # agreements' topics, not where they were signed
        return Refusal("topic")
    token = root
    role: str | None = None
    confidence = 1.0
    for _ in range(_MAX_HOPS):
        if token.i in triggers:
            break
        if _named_after_its_kind(token):
            # "demonstrated in the capital Baku Saturday", which the parse hangs on the
            # verb: the name stands for the capital before it
            token = token.doc[token.i - 1]
            continue
        kind = _the_kind_it_is_called(token)
        if kind is not None:
            token = kind  # "in a village called Teiba": the name stands for the village
            continue
        if event_type.topical and _what_it_dwelt_on(token, triggers):
            return Refusal("topic")  # "the talks focused on the route through Syunik"
        if token.dep_ == "agent" and _owns_up_to(token.head, triggers, passive=True):
            return Refusal("actor")  # "the attack was claimed by the Resistance in Iraq"
        head = token.head
        if head.i == token.i:  # the root (spaCy makes a new Token per .head)
            if role is not None and token.lemma_.lower() in _REACTIONS and _officials_say(token):
                # "In Kyiv, the president called the attack terror": where he spoke
                return Refusal("speech")
            if role is not None and _judged_in_the_passive(token, triggers):
                # "The attack, which killed 10 in Kabul, was condemned in Islamabad"
                return Refusal("speech")
            if capital and token.lemma_.lower() in SPEECH and _a_seat_speaks(token, root):
                # "…, killing 12 soldiers, the ministry in Niamey said": the speaker's
                # seat; "the health ministry in Gaza said" speaks from the place
                return Refusal("speech")
            if _a_deed_before_its_own(root, triggers, other_kinds, other_places - wide_places):
                return Refusal("another")
            if token.lemma_.lower() in SPEECH and _a_distant_source_speaks(token, root, triggers):
                # "…, a trader in Kano told AFP", "an analyst in Dakar said": where the
                # speaker is; a witness or a police source there is another matter
                return Refusal("speech")
            if token.lemma_.lower() in SPEECH and _a_speaker_whose_words_place_it(
                token, root, triggers, other_places - wide_places
            ):
                # "a UN team in Kabul said a blast killed six in Kunduz": the words
                # say where, and the speaker is where the speaker is
                return Refusal("speech")
            return Refusal("unreached")
        dep = token.dep_
        repaired = (
            the_object_before(head if dep == "pobj" else token, triggers)
            if role is not None
            else None
        )
        if repaired is not None:
            token = repaired  # "condemned airstrikes on villages near X", however parsed
            continue
        if (
            dep == "prep"
            and head.i in triggers
            and "origin" not in roles
            and _continues_a_from_phrase(token)
        ):
            return Refusal("origin")  # "fired from territory near Taiz", however it parses
        if head.i in other_places and ends_of_a_route(token, head):
            token = head  # "on the Buea-Limbe road": the road's other end, no context
            continue
        if (
            town
            and head.i in other_places
            and dep in ("nmod", "compound")
            and token.i < head.i
            and any(t.text == "," for t in token.doc[token.i + 1 : head.i])
        ):
            # "In Tak Bai, Narathiwat, soldiers detained …": the parse hangs the town
            # on the province after its comma, which says where the town is
            token = head
            continue
        if (
            head.i in other_places
            and dep != "conj"
            and head.pos_ != "ADP"
            and not _narrows_an_airspace(token, head)
            # "In neighbouring Ecuador, a riot at a prison in Guayaquil left 17 dead": an
            # event the parse hangs on a country as its apposition says nothing of it
            and not (dep == "appos" and token.i in also_triggers)
        ):
            # qualifies another place: "Sanaa, the capital of Yemen". Not a preposition a
            # vicinity mention took in: "near the West Bank city of Hebron" names Hebron.
            return Refusal("context")
        if (
            head.lemma_.lower() in _ACCUSING
            and head.i not in triggers
            and dep in ("dobj", "dative")
        ):
            return Refusal("actor")  # "launched drones ... and blamed the UAE": the accused
        if (
            head.lemma_.lower() in DENYING
            and head.i not in triggers
            and dep in ("xcomp", "ccomp", "dobj")
        ):
            # "the strikes targeted camps and denied hitting any facility in X": X is
            # the denied deed's, not the one told as done
            return Refusal("another")
        if (
            dep == "conj"
            and role is None
            and head.i not in other_places
            and token.i >= 2
            and token.doc[token.i - 1].lower_ in ("and", "or", ",")
            and token.i - 2 in other_places
            and token.doc[token.i - 2].dep_ == "pobj"
            and token.doc[token.i - 2].head.head.i == head.i
            and head.dep_ in ("nsubj", "nsubjpass")
        ):
            # "Police in Istanbul and Ankara detained 176": the parse joins Ankara
            # to the police; it goes on the list the place before it opens
            token = token.doc[token.i - 2]
            continue
        if (
            dep == "conj"
            and role is not None
            and head.i in triggers
            and (token.lemma_.lower() in _REACTIONS and token.pos_ == "VERB")
        ):
            # "The strikes hit Damascus and were condemned in Ankara": where they were judged
            return Refusal("speech")
        if dep == "conj":
            if token.i in other_kinds and has_subject(token):
                return Refusal("clause")  # "struck Gaza, and troops raided X": its own clause
            if (
                role is not None
                and token.pos_ in ("VERB", "AUX")
                and token.i in also_triggers
                and head.i in triggers
                and (has_subject(token) or _a_time_of_its_own(token))
                and placed_outside(head, token, other_places - wide_places)
            ):
                # "A drone struck Qamishli, and shelling also hit Kobani": a deed of the
                # same kind told with its own subject and place; where the first names
                # none, the second's is shared ("two were killed and four wounded in X")
                return Refusal("another")
            if (
                role is not None
                and token.pos_ in ("VERB", "AUX")
                and token.i not in also_triggers
                and has_subject(token)
                and (head.i in triggers or not _above(head, triggers))
            ):
                # "held a sit-in in Beirut, and teachers in Lisbon were weighing a
                # walkout": a clause of its own, with its own subject, that reports no
                # event keeps its place (a veto) when the event names a place of its
                # own; else the scorer may still read it as the event's ("rallied on
                # Saturday, and the crowds in Tbilisi chanted")
                if placed_outside(head, token, other_places):
                    return Refusal("another")
                return Refusal("clause")
            if (
                (token.i in other_kinds or token.i in also_triggers)
                and role is not None
                and _acts_as_a_verb(token)
                and head.i in triggers
                and has_object(token)
                and has_object(head)
                and placed_outside(head, token, other_places - wide_places)
            ):
                # "retook Lalibela and arrested dozens in X", "struck a terminal near
                # X, and hit a station outside Y": another deed, of another kind or
                # the same, with its own object, keeps its place when the first
                # names its own ("detonated a bomb and injured three soldiers in X"
                # shares X)
                return Refusal("another")
            if (
                token.i in other_kinds
                and role is not None
                and token.pos_ in ("NOUN", "PROPN")
                and token.lemma_.lower() not in PEOPLE_WHO_PROTEST
            ):
                # "a siege in Syria and protests in X": X is the protests' own place;
                # not "detained a politician and 15 demonstrators in X": people, whom
                # the parse may join to the verb, were detained where they were
                return Refusal("another")
            if (
                role is not None
                and _acts_as_a_verb(token)
                and token.i not in also_triggers
                and head.i in triggers
                and has_object(token)
                and has_object(head)
            ):
                # "shot down missiles over Crimea and sank boats in the Black Sea":
                # another deed with its own object keeps its place
                return Refusal("clause")
            if (
                role is None
                and head.i in other_places
                and head.dep_ == "appos"
                and head.head.i in other_places
            ):
                # "shot in Buffalo, N.Y., Winnipeg and Ancaster": the parse joins
                # Winnipeg to the state that says where Buffalo lies; it is the
                # next of the list that Buffalo opens, not the state's context.
                token = head.head
                continue
            token = head
            continue
        if (
            dep in ("compound", "amod", "poss")
            and role is None
            and town
            and head.lemma_.lower() in LOCAL_FORCES
            and (
                head.head.i in triggers
                or (
                    head.dep_ == "pobj"
                    and head.head.dep_ == "agent"
                    and head.head.head.i in triggers
                )
            )
        ):
            # "Dallas police shot a gunman", "was shot by London police": a town's
            # police act in their town
            return Attachment("location", round(confidence * _VIA_OBJECT, 3))
        if dep in ("poss", "amod") and role is None and not _near_to(token):
            if head.i in triggers:
                return Refusal("actor")  # "Israel's attack", "Israeli strikes"
            owned = is_one_of(head, OWNED_THINGS)
            if is_one_of(head, PLACE_PARTS) or (
                dep == "poss" and (head.lemma_.lower() in SITES or (town and not owned))
            ):
                if any(
                    c.i in other_places for c in head.children if c.i != token.i
                ) or _of_another_place(head, other_places):
                    return Refusal("context")  # "Russia's Krasnodar region", "Mali's town of X"
                token = head
                continue
            return Refusal("owner")  # "Russia's drone"
        if dep == "appos":
            if (
                role is not None
                and token.lemma_.lower() in _POSTS
                and head.dep_ == "nsubjpass"
                and head.head.i in triggers
            ):
                # "Abu Diala, commander of operations in Hasakah, was killed": where
                # the one it befell served, not where it happened. Not the actor's
                # post ("an officer in Indiana shot a student") nor the object's
                # ("shot the Hamas leader in Hebron"), which news mostly writes
                # where the deed was done
                return Refusal("owner")
            if (
                role is None
                and token.lower_ in DISTANCE_UNITS
                and any(c.lower_ in PLACE_PARTS for c in token.children)
            ):
                # "an explosion about 80 nautical miles east of Aden", "an ambush 20
                # miles south of Baghdad": the parse hangs the distance as an aside
                # of the noun above, and the distance says where
                role = "location"
            token = head
            continue
        if role is None:
            found = _first_role(token, event_type)
            if under_the_event(token, triggers):
                found = "target"  # "El Fasher has been under siege": what is under it
            if found == "of":
                # "the city of Aleppo", "the outskirts of X": the noun stands for the place
                noun = head.head
                if _after_an_age(head):
                    return Refusal("origin")  # "Antonio Rossi, 43, of Milan, was shot": his home
                if noun.lower_ in ("native", "natives") or (
                    noun.ent_type_ == "PERSON"
                    and noun.pos_ == "PROPN"
                    and not _after_a_title(noun)
                    and any(i not in wide_places for i in other_places)
                ):
                    # "Diallo, a native of Guinea, was shot": his birth; "pirates on the
                    # Amazon killed Peter Blake of New Zealand": his home, where the
                    # sentence names the site. Not "Mayor Vitali Klitschko of Kyiv", whose
                    # city it is, nor "killed Ahmed Abu Salah of Jenin" with no other place
                    return Refusal("origin")
                if noun.i in other_places:
                    return Refusal("context")  # "the Al-Halaliyah District of Qamishli"
                if not _names_a_kind(noun) and any(
                    c.i in other_places for c in noun.children if c.i != head.i
                ):
                    return Refusal("context")  # the same, the mention without "District"
                # "Colombia's oil town of X", "the Baghdad district of X": X is the
                # town, and the other place only says where the town is.
                if is_one_of(noun, PLACE_PARTS):
                    token = noun
                    continue
                if noun.i in triggers:
                    role = "target"  # "the bombing of Aleppo", "the capture of Jaffna"
                    token = noun
                    continue
                if (
                    noun.lemma_.lower() in _INHABITANTS
                    and noun.dep_ in ("nsubj", "nsubjpass")
                    and noun.head.i in triggers
                    and not any(c.lower_ in _NO_LONGER_THERE for c in noun.children)
                    and not _placed_by_its_own_words(noun.head)
                ):
                    # "residents of Sukhumi protested", "five residents of Nyamilima were
                    # beheaded": where they live is where it befell or was done
                    return Attachment("location", round(_ROLE_CONFIDENCE["location"] * 0.6, 3))
                if is_one_of(noun, OWNED_THINGS):
                    return Refusal("owner")  # "the people of Aleppo", "the leader of Syria"
                if (
                    noun.lemma_.lower() in _ON_BEHALF_OF_A_PLACE
                    and noun.dep_ == "pobj"
                    and noun.head.lower_ in ("in", "on")
                    and not _for_a_person(noun)
                ):
                    return Refusal("topic")  # "rallied in Warsaw in support of Ukraine"
                if noun.pos_ in ("NOUN", "PROPN") and noun.i != head.i:
                    token = noun  # "the rebel stronghold of X": a site that is X
                    continue
                return Refusal("unreached")
            if isinstance(found, Refusal):
                return found
            if found == "subject" and head.i not in triggers:
                return Refusal("actor")  # "closed their airspace as Iran launched drones"
            if found in ("compound",) and head.i not in triggers:
                if is_one_of(head, OWNED_THINGS) and not a_local_government_area(head):
                    return Refusal("owner")  # "a US drone", "the Kharkiv governor"
                if country and _kept_abroad(head, other_places):
                    return Refusal("owner")  # "a US base in Erbil": the country's, not in it
                if _of_another_place(head, other_places):
                    return Refusal("context")  # "the Baghdad district of X"
                token = head  # "a Jerusalem hotel": the hotel is in Jerusalem
                continue
            role = found
            preposition = token if token.dep_ == "prep" and token.pos_ == "ADP" else head
            if token.dep_ == "prep" and token.pos_ == "ADP":
                token = head  # the phrase's own preposition: go to what it modifies
            else:
                token = head.head if dep == "pobj" else head
            # "condemned the airstrikes on Zakho": the parse hangs the noun's own
            # phrase on the verb; it is the airstrikes' target
            token = the_object_before(preposition, triggers) or token
            continue
        # Walking from the role's governor up to the trigger.
        if token.lemma_.lower() in SPEECH:
            return Refusal("speech")
        if (
            dep == "pobj"
            and head.lower_ in ("in", "on")
            and token.lemma_.lower() in _ON_BEHALF
            and not _for_a_person(token)
        ):
            # "marched in London in solidarity with Palestinians in Gaza": for whom it
            # was done, not where
            return Refusal("topic")
        if (
            dep == "prep"
            and event_type.topical
            and (
                token.lower_ in TOPIC | TOPICAL_TOO
                or (token.lower_ in _GOAL_PREPOSITIONS and head.lemma_.lower() in _AIMED)
            )
            and not any(c.lower_ in _VENUE_WORDS for c in token.children)
        ):
            # "resumed talks in Doha on a ceasefire in Gaza": the talks' topic, however
            # the parse hangs "on"; not "on the sidelines of the summit in X"; and
            # "talks aimed at a ceasefire in Gaza"
            return Refusal("topic")
        if dep == "prep" and token.lower_ in _AT_THE_TIME_OF:
            # "killed during the raid on X", "arrested during protests in Y": what
            # happened during an event happened where it did, unless the trigger's
            # phrase names a place of its own, a country too: then the place is the
            # other event's ("struck Kyiv during talks in Istanbul", "struck Sudan
            # during ceasefire talks in Jeddah")
            if placed_outside(head, token, other_places - _of_other_deeds(head)):
                return Refusal("another")
            confidence *= _VIA_SUBJECT
            token = head
            continue
        if dep == "prep" and token.lower_ in _NOT_THROUGH:
            if token.lower_ in ORIGIN and "origin" not in roles and _from_a_place(token):
                # "fired from Houthi-held territory near Taiz": where it came from, for
                # the launch and for what it did ("shelled X from Y, wounding four")
                return Refusal("origin")
            if token.lower_ in _COUNTERPART and "counterpart" in roles:
                # "an attack against army posts in X", "clashes with insurgents in X"
                confidence *= _VIA_OBJECT
                token = head
                continue
            if (
                token.lower_ in ORIGIN
                and "origin" in roles
                and head.dep_ == "dobj"
                and head.head.i in triggers
            ):
                # "abducted 24 students from a hostel in Gusau", the parse hanging
                # "from" on the students: where they were taken from
                confidence *= _VIA_OBJECT
                token = head
                continue
            if _one_of_the_sites_hit(token, root, triggers):
                # "struck military sites, including a former base near X": the base
                # was one of the sites struck, however the parse hangs "including"
                confidence *= _VIA_OBJECT
                token = head
                continue
            if _what_it_was_called(token, triggers):
                # "struck what the army described as terrorist infrastructure at
                # Muridke": what was struck, in the words of one who named it
                confidence *= _VIA_OBJECT
                token = head.head
                continue
            return Refusal("detour")
        if (
            (dep == "acl" and token.tag_ == "VBN")
            or (dep == "conj" and head.i in triggers and token.i in also_triggers)
            or (
                dep == "acl"
                and token.tag_ == "VBG"
                and token.lemma_.lower() in _UNDER_WAY
                and role == "location"
            )
        ):
            # "a car parked in X", "was shot and killed in X", "a truck carrying
            # workers in X": where the thing it befell was at the time
            confidence *= _VIA_OBJECT
            token = head
            continue
        if (
            dep == "advcl"
            and any(c.dep_ == "mark" and c.lower_ == "since" for c in token.children)
            and not _tells_fighting(token, triggers, also_triggers - quiet_words)
        ):
            # "stepped up attacks since the Taliban returned to power in Kabul": the
            # clause dates the event (or gives its cause), and its place is its own;
            # not "150 killed since fighting broke out in Tripoli", the same war's
            return Refusal("another")
        if (
            dep == "advcl"
            and head.i in triggers
            and any(opens_when_clause(c) for c in token.children)
        ):
            meanwhile = any(
                c.dep_ == "mark" and c.lower_ in ("as", "while") for c in token.children
            )
            if placed_outside(
                head, token, other_places if meanwhile else other_places - wide_places
            ) or (meanwhile and placed_in_the_open(head, None, other_places | {root.i})):
                # "seized a base in X as clashes raged in Y": the event has a
                # place of its own, and Y is the other clause's; its own event's
                # when the clause reports one. "pushes into North Kordofan as
                # drones hit Port Sudan": a province of its own counts after "as"
                told = any(t.i in also_triggers for t in token.subtree)
                return Refusal("another" if told else "clause")
            confidence *= _VIA_SUBJECT  # "were killed when a bomb exploded in X"
            token = head
            continue
        if dep == "advcl" and _fronted_in_a_clause_of_contrast(root, token):
            return Refusal("another")  # "detained eight, while in Nazareth the council met"
        if dep in CLAUSE_DEPS and _says_the_aim(token, dep):
            confidence *= _VIA_OBJECT
            token = head
            continue
        if dep in CLAUSE_DEPS:
            return Refusal("clause")
        if dep in _THROUGH:
            if token.lemma_.lower() in _TOPIC_VERBS:
                return Refusal("topic")
            if (
                dep == "dobj"
                and head.lemma_.lower() in _TOPIC_VERBS
                and not (head.lemma_.lower() == "address" and token.lemma_.lower() in _AUDIENCES)
            ):
                return Refusal("topic")  # "to discuss security in Syria"
            if (
                dep == "dobj"
                and head.i in triggers
                and token.i in other_kinds
                and "target" not in roles
                and any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children)
                and placed_outside(_purpose_of(head), token, other_places)
            ):
                # "marched in Churachandpur to protest the killing of ten men in
                # Jiribam": what a protest takes is its cause, a deed done to someone,
                # when the protest has a place of its own; "protested the visit of the
                # president in Istanbul" was in Istanbul
                return Refusal("topic")
            confidence *= _VIA_OBJECT
            token = head
            continue
        if dep == "advmod" and token.lower_ in _DISTANCE_HEADS:
            token = head  # "shot down not far from X": the distance says where
            continue
        if dep == "nsubj":
            if _owns_up_to(head, triggers) or (capital and _a_seat_comments_on(head, triggers)):
                # "The Islamic Resistance in Iraq claimed the attack": who claimed it
                return Refusal("actor")
            confidence *= _VIA_SUBJECT
            token = head
            continue
        return Refusal("unreached")
    else:
        return Refusal("unreached")
    if role is None:
        return Refusal("unreached")
    if role not in roles:
        return Refusal("role")
    return Attachment(role, round(_ROLE_CONFIDENCE[role] * confidence, 3))
