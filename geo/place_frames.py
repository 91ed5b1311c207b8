"""Names the wording marks as places, whatever the model's entity label.

Conflict reporting names villages, districts and front lines that no
gazetteer holds, and the small spaCy model often calls them (and well-known
towns) people, organisations or products. The sentence still says what they
are:

* a kind of place and "of" before a name or a list of names: "the villages
  of Kafr Alpha, Beta and Gamma", "the southern countryside of Aleppo";
* a kind of place after a name or a list of names: "the Jobar district",
  "the Odesa and Mykolaiv regions", "Kherson Oblast";
* a name ending in a word of landscape or site: "the Tharda Mountains",
  "the Zed Gas Fields", "Omega Refugee Camp".

Those frames (:data:`KIND_FRAME`) make a name a place on their own, and so
does a list a plural kind of place introduces ("four villages: A, B and C",
"towns such as A and B"). A weaker cue, a place position (after "in",
"near", "the centre of", as the object of a verb of attack or capture, or
listed with a place: :data:`POSITION_FRAME`), is returned too, for
:mod:`geo.extract` to accept only for places the gazetteer knows well; a
compass bearing ("northeast of X") is a strong one (:data:`SEIZED_FRAME`).
A person's title before a name ("General Aleppo") or a personal role after
its possessive ("Goma's wife") vetoes both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from geo.cues import PERSON_TITLES, SAYING, a_count_of_times
from geo.nlp import DocTokens
from geo.normalize import ARABIC_ARTICLES, POSITION_WORDS
from geo.phrases import BEARINGS

__all__ = [
    "ADMIN_KIND_WORDS",
    "DISTRICT_SIDES",
    "HYPHENS",
    "KIND_FRAME",
    "KIND_WORDS",
    "NAME_PARTICLES",
    "POSITION_FRAME",
    "ROUTE_WORDS",
    "SEIZED_FRAME",
    "TAKEN_FRAME",
    "TOPONYM_OPENERS",
    "FramedName",
    "ends_of_a_route",
    "framed_names",
    "struck_by_fire",
]

KIND_FRAME = "kind"
"""A kind of place named before or after the name: the name is a place."""
POSITION_FRAME = "position"
"""The name stands where places stand: a place if the gazetteer knows it well."""
TAKEN_FRAME = "taken"
"""What the fall or capture of which is told ("after the fall of Goma"): regimes fall
and fugitives are captured too, so only a country, province or big city under its
own name is a place here (the caller decides)."""
SEIZED_FRAME = "seized"
"""A strong place position: the object of a verb of taking or bombarding a
place ("entered X"), a held place ("rebel-held X"), or a compass part after a
locative ("in eastern X"): a place even when no source holds it."""

#: Kinds of first-level division whose word after a name makes the mention
#: that division ("Belgorod region" is the oblast, not the town).
ADMIN_KIND_WORDS = frozenset({"region", "province", "governorate", "oblast"})
#: Kinds of place (singular and plural, lower case) that, with "of", introduce
#: a place's name: "the town of X", "the villages of X and Y".
_KINDS_BEFORE_OF = frozenset(
    {
        "village",
        "villages",
        "town",
        "towns",
        "city",
        "cities",
        "settlement",
        "settlements",
        "hamlet",
        "hamlets",
        "district",
        "districts",
        "neighborhood",
        "neighborhoods",
        "neighbourhood",
        "neighbourhoods",
        "suburb",
        "suburbs",
        "province",
        "provinces",
        "governorate",
        "region",
        "oblast",
        "municipality",
        "locality",
        "localities",
        "countryside",
        "outskirts",
        "environs",
        "vicinity",
        "sector",
        "port",
        "ports",
        "capital",
        "island",
        "islands",
        "area",
        "areas",
        "enclave",
        "stronghold",
        "bastion",
        "farms",
        "hills",
        "heights",
        "mountains",
        "hilltop",
        "mountaintop",
        "commune",
        "colony",
        "axis",
        "perimeter",
        "heart",
        "residents",
        "inhabitants",
        "resort",
        "resorts",
        "streets",
        "slums",
        # military sites and trouble spots: "the border outpost of Loc Ninh", "the
        # missile base of Khan Touman", "the nearby flashpoint of X"
        "outpost",
        "outposts",
        "garrison",
        "base",
        "airbase",
        "flashpoint",
        "troublespot",
        "hotspot",
    }
)
#: Kinds of place after which a name set off by a comma, or right after, is
#: that place: "the capital Grozny", "Syria's largest city, Aleppo".
_APPOSITION_KINDS = frozenset({"capital", "city", "town", "village", "port", "hometown"})
#: Kinds of area that take a name right after them ("the southern province
#: Pattani"), and after a comma unless the model reads a person there.
_AREA_APPOSITION_KINDS = frozenset({"province", "region", "district", "governorate"})
#: First words of names that are generic words for kinds of place in the
#: languages conflict news transliterates (Arabic kafr "village", tall "hill",
#: dayr "monastery", jabal "mountain", wadi "valley", ayn "spring", bayt
#: "house", ras "cape", khirbat "ruin", jisr "bridge", qasr "castle", khan
#: "caravanserai", hawsh "yard", bab "gate", nahr "river", ard "land"): a name
#: they open is a place wherever a place may stand.
TOPONYM_OPENERS = frozenset(
    {
        "Kafr",
        "Kfar",
        "Kefr",
        "Tal",
        "Tell",
        "Tel",
        "Deir",
        "Dayr",
        "Jabal",
        "Jebel",
        "Wadi",
        "Ain",
        "Ayn",
        "Beit",
        "Bayt",
        "Ras",
        "Bir",
        "Khirbet",
        "Khirbat",
        "Jisr",
        "Qasr",
        "Maarat",
        "Ma’arat",
        "Hayy",
        "Mazraat",
        "Qalaat",
        "Qal’at",
        "Tall",
        "Khan",
        "Hawsh",
        "Bab",
        "Souq",
        "Nahr",
        "Ard",
    }
)
#: Kinds of place (lower case) that, after a name, say the name is a place:
#: "the Jobar district", "Ngouboua area", "the Odesa and Mykolaiv regions".
_KINDS_AFTER = frozenset(
    {
        "village",
        "villages",
        "town",
        "towns",
        "city",
        "district",
        "districts",
        "neighborhood",
        "neighborhoods",
        "neighbourhood",
        "neighbourhoods",
        "suburb",
        "suburbs",
        "region",
        "regions",
        "province",
        "provinces",
        "governorate",
        "governorates",
        "oblast",
        "oblasts",
        "area",
        "areas",
        "countryside",
        "outskirts",
        "municipality",
        "peninsula",
        "enclave",
        "refugee",
        "lga",
        "lgas",
        "LGA",
        "LGAs",
        "airbase",
        "base",
        "crossing",
        "checkpoint",
        "checkpoints",
        "plain",
        "plains",
        "hilltop",
        "hill",
        "mountain",
        "mountains",
        "valley",
        "pocket",
        "front",
        "frontline",
        "junction",
        "roundabout",
        "airport",
        "bridge",
        "dam",
        "heights",
        "farms",
        "oilfield",
        "township",
        "axis",
        "sector",
        "commune",
        "colony",
        "hilltops",
    }
)
#: Every word for a kind of place, before "of" or after a name.
KIND_WORDS = _KINDS_BEFORE_OF | _KINDS_AFTER
#: Last words (as written, capitalised) that make a name a landscape feature or a site.
_SITE_WORDS = frozenset(
    {
        "Mountains",
        "Mountain",
        "Hills",
        "Heights",
        "Valley",
        "Plain",
        "Plains",
        "Plateau",
        "Gorge",
        "Orchards",
        "Springs",
        "Fields",
        "Checkpoint",
        "Crossing",
        "Airbase",
        "Camp",
        "Governorate",
        "Oblast",
        "Suburb",
        "Quarter",
        "Neighborhood",
        "Neighbourhood",
        "Desert",
        "Oasis",
        "Peninsula",
        "District",
        "Province",
        "Region",
        "Sector",
        "Village",
        "Base",
        "Pocket",
        "Pass",
        "Hilltop",
        "Mountaintop",
        "LGA",
        "Junction",
        "Roundabout",
    }
)
#: Last words of names that are sites only where a place stands: people, firms
#: and clubs end in them too ("Conleth Hill", "Setton Farms", "Nottingham Forest").
_WEAK_SITE_WORDS = frozenset(
    {"Hill", "Farms", "Farm", "Island", "Square", "Ridge", "Forest", "Swamp", "Jungle"}
)
#: Prepositions after which a name (perhaps after a compass word) is in a place position.
_LOCATIVE = frozenset(
    {
        "in",
        "at",
        "near",
        "around",
        "outside",
        "inside",
        "into",
        "across",
        "from",
        "towards",
        "toward",
        "through",
        "throughout",
        "within",
        "over",
        "on",
        "between",
        "off",
    }
)
#: Verbs (lemmas) whose object is a place when a place's name is its object:
#: "struck Kharkiv", "captured Manbij", "patrolled Goma".
_EVENT_VERBS = frozenset(
    {
        "strike",
        "hit",
        "shell",
        "bomb",
        "attack",
        "capture",
        "seize",
        "enter",
        "storm",
        "raid",
        "retake",
        "recapture",
        "liberate",
        "besiege",
        "surround",
        "encircle",
        "control",
        "patrol",
        "target",
        "pound",
        "invade",
        "occupy",
        "defend",
        "reach",
        "evacuate",
        "bombard",
        "overrun",
        "rock",
        "shake",
        "blockade",
        "visit",
        "visited",
        "shelled",
        "struck",
        "captured",
        "patrolled",
    }
)
#: Verbs (lemmas and past forms) whose object is a place far more often than
#: a person: one enters, shells and retakes a town, not a man.
_SEIZING_VERBS = frozenset(
    {
        "enter",
        "entered",
        "storm",
        "stormed",
        "shell",
        "shelled",
        "bomb",
        "bombed",
        "bombard",
        "bombarded",
        "besiege",
        "besieged",
        "encircle",
        "encircled",
        "overrun",
        "overran",
        "liberate",
        "liberated",
        "retake",
        "retook",
        "recapture",
        "recaptured",
        "invade",
        "invaded",
        "occupy",
        "occupied",
        "patrol",
        "patrolled",
        "raid",
        "raided",
        "capture",
        "captured",
        "seize",
        "seized",
    }
)
#: Plural-looking kind words that are singular ("the outskirts").
_SINGULAR_IN_S = frozenset({"outskirts", "lgas", "plains", "heights", "farms", "fields"})
#: Words after a name's possessive that make the name a person's: "Goma's wife".
_PERSONAL_ROLES = frozenset(
    {
        "wife",
        "husband",
        "son",
        "daughter",
        "father",
        "mother",
        "brother",
        "sister",
        "lawyer",
        "attorney",
        "coach",
        "girlfriend",
        "boyfriend",
        "family",
        "career",
        "friend",
        "widow",
        "parents",
        "children",
    }
)
#: Lower-case particles inside transliterated names: "Deir ez-Zor", "Ras al Ain".
_PARTICLES = frozenset(
    {"al", "el", "ez", "az", "ad", "ed", "as", "ash", "ar", "an", "ul", "e", "i", "de"}
    | {"bin", "ibn", "do", "da", "dos", "das", "du", "des", "di", "del", "la", "le", "van", "von"}
)
#: Particles found only between hyphens ("Port-au-Prince", "Châlons-en-Champagne").
_HYPHENED_PARTICLES = frozenset({"au", "aux", "en", "sur", "sous", "les", "lès", "lez"})
#: Every lower-case word that may stand inside a place's name, between words or
#: hyphens: "Ras al Ain", "Croix-des-Bouquets", "Port-au-Prince".
NAME_PARTICLES = _PARTICLES | _HYPHENED_PARTICLES
#: The Arabic article as transliterations write it, which can open a name in lower case.
_ARTICLES = ARABIC_ARTICLES | {"es", "er"}
_GLUE = frozenset({"-", "‐", "’", "'", "‘", "`"})
HYPHENS = frozenset({"-", "‐"})

_ROUTE_DASHES = HYPHENS | {"–"}
"""What joins a route's two ends: a hyphen, or the en dash of edited copy."""

ROUTE_WORDS = frozenset(
    {"road", "highway", "motorway", "route", "railway", "railroad", "expressway", "corridor",
     "pipeline", "axis", "line"}
)  # fmt: skip
"""Words after a hyphenated pair of towns that make it a route between them."""


def ends_of_a_route(first: Token, second: Token) -> bool:
    """Whether two words are the ends of a route: "the Buea-Limbe road"."""
    doc = first.doc
    return (
        second.i == first.i + 2
        and doc[first.i + 1].text in _ROUTE_DASHES  # "the Maiduguri–Damboa road" too
        and second.i + 1 < len(doc)
        and doc[second.i + 1].lower_ in ROUTE_WORDS
    )


#: Capitalised words that never start a place's name.
_NOT_NAMES = frozenset(
    {
        "The",
        "A",
        "An",
        "In",
        "On",
        "At",
        "He",
        "She",
        "It",
        "They",
        "We",
        "I",
        "This",
        "That",
        "These",
        "Those",
        "His",
        "Her",
        "Their",
        "Its",
        "But",
        "And",
        "Or",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    }
)
_MAX_NAME_WORDS = 5
#: Words between a locating word and a name that leave it a place position:
#: "in the", "in downtown", "in rural".
_STEPPED_OVER = frozenset({"the", "downtown", "rural", "greater", "ancient", "old", "both"})
#: Of those, the words that only a place takes: "in downtown Calais", "in rural Idlib".
_PARTS_OF_A_TOWN = frozenset({"downtown", "rural", "greater", "ancient"})
#: Second halves of hyphenated adjectives that say a place is held: "rebel-held".
_HELD = frozenset({"held", "controlled", "occupied", "besieged", "dominated"})
#: Kinds of place an appositive gives a name: "Doron, a fishing community".
_APPOSITIVE_KINDS = frozenset(
    {"village", "town", "city", "community", "hamlet", "settlement", "shantytown", "suburb"}
    | {"neighbourhood", "neighborhood", "district", "camp", "port", "locality", "township"}
)
_INITIAL = re.compile(r"^[A-Z]\.$")


@dataclass(frozen=True)
class FramedName:
    """A name in a frame: its span, the frame kind and a kind word to look it up with.

    ``kind_word`` is an admin kind ("region") when a plural follows a list
    ("the Odesa and Mykolaiv regions"): each name is then that kind of place.
    A singular admin kind after one name is part of the span ("Kherson Oblast").
    """

    span: Span
    frame: str
    kind_word: str | None = None
    group: int = 0
    """Names listed together ("A, B and C") share a group number."""


def _wordlike(text: str) -> bool:
    """Letters, perhaps with inner hyphens or apostrophes ("Dara’a", "Al-Bab")."""
    letters = "".join(ch for ch in text if ch not in _GLUE)
    return letters.isalpha()


def _glued(doc: DocTokens, i: int) -> bool:
    """Whether token ``i`` touches the token before it (no space between)."""
    return i > 0 and not doc.tokens[i - 1].whitespace_


def _name_end(doc: DocTokens, start: int, limit: int) -> int:
    """The end of the name that starts at ``start`` (``start`` when there is none).

    A run of capitalised words longer than :data:`_MAX_NAME_WORDS` is no
    place's name: its negated end says to skip it.

    Capitalised words, glued hyphens and apostrophes ("Rifa’at", "Al-Bab")
    and lower-case particles before a capitalised or glued word ("Deir
    ez-Zor", "Ras al Ain"). Read off the kept texts and capitals of ``doc``:
    this runs from every word of every sentence.
    """
    texts, lowers, capitalised = doc.texts, doc.lowers, doc.capitalised
    first = texts[start]
    if first in _GLUE and start + 1 < limit and _glued(doc, start + 1):
        if not capitalised[start + 1]:
            return start
    elif _opens_with_particle(doc, start, limit):
        pass  # "al-Ansari", "el-Arish" in running text
    elif not capitalised[start] or not _wordlike(first):
        return start
    end = start + 1
    words = 1
    while end < limit and words < _MAX_NAME_WORDS:
        text = texts[end]
        if text in _GLUE and end + 1 < limit and _glued(doc, end) and _glued(doc, end + 1):
            if text in HYPHENS and not (capitalised[end + 1] or lowers[end + 1] in NAME_PARTICLES):
                break  # "Serb-held", "Iranian-backed": an adjective, not a name
            end += 2
            continue
        if _glued(doc, end) and doc.tokens[end].is_alpha and texts[end - 1] not in HYPHENS:
            end += 1  # "Rifa’at" cut as "Rifa", "’", "at"
            continue
        if capitalised[end] and _wordlike(text) and text not in _NOT_NAMES:
            end += 1
            words += 1
            continue
        if lowers[end] in _PARTICLES and end + 1 < limit:
            glue_next = texts[end + 1] in _GLUE and not doc.tokens[end].whitespace_
            if capitalised[end + 1] or glue_next:
                end += 1
                continue
        break
    while end > start + 1 and texts[end - 1] in _GLUE:
        end -= 1
    if words >= _MAX_NAME_WORDS and end < limit and capitalised[end]:
        return -end  # longer than a place's name: an organisation's, or a headline
    return end


def _opens_with_particle(doc: DocTokens, start: int, limit: int) -> bool:
    """Whether a lower-case particle glued by a hyphen to a capitalised word opens a name.

    Transliterated names keep the article in lower case inside a sentence:
    "the district of al-Ansari", "el-Arish". The tokenizer cuts them as
    "al", "-", "Ansari"; without this the name would start at the hyphen.
    """
    return (
        start + 2 < limit
        and doc.lowers[start] in _ARTICLES
        and doc.texts[start + 1] in HYPHENS
        and _glued(doc, start + 1)
        and _glued(doc, start + 2)
        and doc.capitalised[start + 2]
    )


def _names_of(doc: DocTokens, sent: Span) -> list[tuple[int, int]]:
    """The maximal capitalised names of a sentence, as token ranges, left to right."""
    texts, capitalised = doc.texts, doc.capitalised
    names = []
    i = sent.start
    while i < sent.end:
        text = texts[i]
        if not capitalised[i] and text not in _GLUE and not _opens_with_particle(doc, i, sent.end):
            i += 1  # most words: no name starts here (see _name_end)
            continue
        if text in _NOT_NAMES or (
            i == sent.start and doc.tokens[i].pos_ != "PROPN" and text not in _GLUE
        ):
            i += 1
            continue
        end = _name_end(doc, i, sent.end)
        if end < 0:
            i = -end
            while i < sent.end and capitalised[i]:
                i += 1
        elif end > i:
            names.append((i, end))
            i = end
        else:
            i += 1
    return names


def _separated(doc: DocTokens, end: int, start: int) -> bool:
    """Whether only a list separator lies between two names: ",", "and", ", and", "or".

    A count of times in brackets after the first may stand before it: "Hai
    al-Ansari (three times), Ramusi".
    """
    words = [t.lower_ for t in doc[end:start] if t.lower_ != "the"]
    if len(words) >= 3 and words[0] == "(" and ")" in words:
        close = words.index(")")
        if a_count_of_times(words[1:close]):
            words = words[close + 1 :]
    return words in ([","], ["and"], [",", "and"], ["or"], [",", "or"], ["&"])


def _person_cue(doc: DocTokens, start: int, end: int) -> bool:
    """A title before the name, an initial after it, or a personal role after its possessive."""
    if start > 0 and doc[start - 1].lower_.rstrip(".") in PERSON_TITLES:
        return True
    if end < len(doc) and _INITIAL.match(doc[end].text):
        return True  # "Michael J. Dillon"
    return (
        end + 1 < len(doc)
        and doc[end].lower_ in ("'s", "’s")
        and doc[end + 1].lower_ in _PERSONAL_ROLES
    )


def _word_before(doc: DocTokens, start: int, floor: int) -> int:
    """The index of the word before a name, stepping over "the", "downtown", compass words.

    And over a list of compass words: "in both northern and northeastern X".
    """
    i = start - 1
    while i >= floor and (
        doc[i].lower_ in POSITION_WORDS
        or doc[i].lower_ in _STEPPED_OVER
        or doc[i].is_space
        # "in both northern and northeastern Aleppo": compass words in a list
        or (
            doc[i].lower_ in ("and", "or", ",")
            and i > floor
            and doc[i - 1].lower_ in POSITION_WORDS
        )
    ):
        i -= 1
    return i


def _appositive_kind(doc: DocTokens, end: int, limit: int) -> bool:
    """Whether ", a [few words] <kind>" follows the name: "Mir Ali, a major town"."""
    if end + 2 >= limit or doc[end].text != "," or doc[end + 1].lower_ not in ("a", "an"):
        return False
    for k in range(end + 2, min(limit, end + 6)):
        token = doc[k]
        if token.lower_ in _APPOSITIVE_KINDS and token.is_lower:
            # the kind is the head, not a modifier: "a city official" is a person
            following = doc[k + 1] if k + 1 < limit else None
            return following is None or following.pos_ not in ("NOUN", "PROPN")
        if token.is_punct or token.lower_ == "of":
            return False  # "Faisal Salama, a member of the camp's committee": a member
    return False


def _kind_before(doc: DocTokens, start: int, floor: int) -> bool:
    """Whether "<kind> of" (perhaps "<kind> of the") stands right before the name.

    So do the plural kinds a list is introduced with: "four villages: A, B
    and C", "towns such as A and B", "districts including A".
    """
    i = start - 1
    while i > floor and doc[i].is_space:
        i -= 1  # "the nearby town of  Dhuluiya": a wire's double space
    if i >= floor and doc[i].lower_ == "the":
        i -= 1
    if i - 1 >= floor and doc[i].text == ":":
        # "four villages: A, B and C", not "the villages were quiet: A said ..."
        return _introduces_a_list(doc[i - 1]) and doc[start].dep_ not in ("nsubj", "nsubjpass")
    if i - 1 >= floor and doc[i].lower_ in ("including", "like"):
        before = i - 1
        if before - 1 >= floor and doc[before].text == "," and doc[i].lower_ == "including":
            before -= 1  # "several villages, including Kfar Kila and Houla"
        return _introduces_a_list(doc[before])
    if i - 2 >= floor and doc[i].lower_ == "as" and doc[i - 1].lower_ == "such":
        return _introduces_a_list(doc[i - 2])
    named_by = _named_by(doc, i, floor)
    if named_by is not None:
        # "a village called Teiba", "an area known as Kilo Five"
        return named_by.is_lower and named_by.lower_ in _KINDS_CALLED
    if i - 1 < floor or doc[i].lower_ != "of":
        return False
    kind = doc[i - 1]
    lower = kind.is_lower or (bool(kind.is_sent_start) and kind.text[1:].islower())
    return lower and kind.lower_ in _KINDS_BEFORE_OF


def _named_by(doc: DocTokens, i: int, floor: int) -> Token | None:
    """The word before "called", "named" or "known as" ending at ``i``, if they do."""
    if i - 1 >= floor and doc[i].lower_ in ("called", "named"):
        return doc[i - 1]
    if i - 2 >= floor and doc[i].lower_ == "as" and doc[i - 1].lower_ == "known":
        return doc[i - 2]
    return None


def _called_a_longer_name(doc: DocTokens, start: int, end: int, sent: Span) -> bool:
    """Whether a name after "called" or "known as" goes on with "of" and a capital."""
    i = start - 1
    if i >= sent.start and doc[i].lower_ == "the":
        i -= 1
    return (
        _named_by(doc, i, sent.start) is not None
        and end + 1 < sent.end
        and doc[end].lower_ == "of"
        and doc.capitalised[end + 1]
    )


#: Kinds of place whose name follows "called", "named" or "known as".
_KINDS_CALLED = frozenset(
    {"village", "town", "hamlet", "settlement", "district", "neighborhood", "neighbourhood"}
    | {"suburb", "locality", "area", "place", "spot", "region", "island", "valley"}
)


def _introduces_a_list(kind: Token) -> bool:
    """Whether the word is a plural kind of settlement in lower case ("villages", "towns").

    Not people ("three residents including X") and not "areas", which also
    means fields of work ("areas such as trade").
    """
    return kind.is_lower and kind.lower_ in _LIST_KINDS


#: Plural kinds of place that introduce a list of their names: "villages: A, B and C".
_LIST_KINDS = frozenset(
    {"villages", "towns", "cities", "settlements", "hamlets", "districts", "suburbs"}
    | {"neighborhoods", "neighbourhoods", "provinces", "localities", "islands", "camps"}
)


_TAKEN_NOUNS = frozenset({"fall", "capture", "recapture", "seizure"})
"""Nouns of taking a town whose "of" may name it (:data:`TAKEN_FRAME`): "the fall of Goma"."""
_FOUGHT_OVER = frozenset(
    {"battle", "fight", "siege", "encirclement", "shelling", "bombardment", "liberation"}
)
"""Nouns of fighting whose "for", "of" or "on" names a place: a person is not besieged."""
_NOT_FOUGHT = frozenset(
    {
        "legal", "court", "custody", "bidding", "takeover", "election", "electoral",
        "political", "ratings", "title", "uphill", "public", "media", "price", "trade",
    }
)  # fmt: skip
"""Words before a noun of fighting that make it no war's: "the bidding battle for X"."""


def _before_a_possessive(doc: DocTokens, end: int) -> bool:
    """Whether "'s" follows the name: "the fight for Hamilton's seat" is about a person's."""
    return end < len(doc) and doc[end].lower_ in ("'s", "’s")


_TO_A_ROAD_S_END = frozenset({"from", "to", "towards", "toward", "linking", "connecting"})
"""Words after a road's word that name its end: "the highway to Jaffna". Not "between",
already a place position: "the road between Boni and Douentza, in central Mali" made
strong read Boni as Bonn by an alternate name."""


def _ends_a_road(doc: DocTokens, i: int, floor: int) -> bool:
    """Whether the word ``i`` before a name says the name is an end of a road.

    "the highway to Jaffna", "the highway from X", "on the road out of Djibo":
    a road runs between towns, whatever the model calls their names (a
    person, a firm).
    """
    lowers = doc.lowers
    if lowers[i] in _TO_A_ROAD_S_END:
        road = i - 1
    elif lowers[i] == "of" and i - 1 > floor and lowers[i - 1] == "out":
        road = i - 2
    else:
        return False
    # a road as written in a sentence, not "a direct line to Trump" nor a headline's
    # "Road to Peace"
    return road > floor and lowers[road] in _ROADS and doc.texts[road] == lowers[road]


_ROADS = frozenset(
    {"road", "highway", "motorway", "route", "railway", "railroad", "expressway", "corridor",
     "axis"}
)  # fmt: skip
"""Words for a road whose ends are towns ("the Lachin corridor to Stepanakert", "the axis
to Bakhmut": the review of session 48, 9); not a line, which leads to people too ("a
direct line to Trump")."""


def _in_position(doc: DocTokens, start: int, end: int, floor: int) -> str | None:
    """The position frame of a name, if any.

    :data:`KIND_FRAME` after a kind of place in apposition ("the capital
    Grozny", "its largest city, Aleppo").
    :data:`SEIZED_FRAME` as the object of a verb of taking or bombarding a
    place ("entered X", "shelled X") or after a compass bearing and "of"
    ("northeast of X", unless X names whose thing follows: "north of
    Hezbollah positions"); :data:`POSITION_FRAME` after a locative
    preposition, "the centre of", or as the object of another event verb
    ("attacked X", "hit X").
    """
    i = _word_before(doc, start, floor)
    if i < floor:
        return _object_frame(doc[start:end], None)
    before = doc[i]
    # "in eastern X", "in downtown X": a person has no eastern part and no downtown
    compass = any(
        t.lower_ in POSITION_WORDS or t.lower_ in _PARTS_OF_A_TOWN for t in doc[i + 1 : start]
    )
    if (
        before.lower_ in ("on", "against")
        and i > floor
        and doc[i - 1].is_lower
        and doc[i - 1].lower_ in _FIRED_ON
        and not _before_a_possessive(doc, end)
    ):
        return SEIZED_FRAME  # "a Russian strike on Kherson": fire falls on places
    if _ends_a_road(doc, i, floor):
        return SEIZED_FRAME  # "the highway to Jaffna", "the road out of Djibo": towns
    if before.lower_ in _LOCATIVE:
        # "in eastern X": a person has no eastern part
        return SEIZED_FRAME if compass else POSITION_FRAME
    if before.lower_.rpartition("-")[2] in _HELD and "-" in before.text:
        return SEIZED_FRAME  # "Serb-held X" as one word
    if before.lower_ in _HELD and i > floor and doc[i - 1].text in _GLUE:
        return SEIZED_FRAME  # "rebel-held X", "Serb-controlled X"
    if before.lower_ == "of" and i > floor and doc[i - 1].lower_ in ("inside", "outside"):
        return POSITION_FRAME  # "inside of Darayya"
    if before.lower_ == "to" and i > floor and doc[i - 1].lower_ in ("close", "next"):
        return POSITION_FRAME  # "bunkers close to Jaffna"
    if (
        before.lower_ == "of"
        and i > floor
        and doc[i - 1].is_lower
        and doc[i - 1].lower_ in _TAKEN_NOUNS
        and not _before_a_possessive(doc, end)
    ):
        # "after the fall of Goma": a place's fall, or a regime's ("the fall of Morsi"),
        # or a fugitive's capture ("the capture of Maduro"); lower case only, since
        # "The Fall of Kabul" is a title
        return TAKEN_FRAME
    if before.lower_ == "of" and i > floor and doc[i - 1].lower_ == "control":
        # "took control of Minova": a place's position, as weak as "in" (a party
        # takes control of a firm or a parliament too)
        return POSITION_FRAME
    if (
        before.lower_ in ("for", "of", "on")
        and i > floor
        and doc[i - 1].is_lower  # not inside a name: "the Front for the Liberation of X"
        and doc[i - 1].lemma_.lower() in _FOUGHT_OVER
        and not (i - 1 > floor and doc[i - 2].lower_ in _NOT_FOUGHT)
        and not _before_a_possessive(doc, end)
    ):
        # "the battle for Bakhmut", "the siege of Mariupol"; not "the bidding battle
        # for Paramount" nor "the fight for Hamilton's seat"
        return SEIZED_FRAME
    if (before.is_lower and before.lower_ in _APPOSITION_KINDS | _AREA_APPOSITION_KINDS) or (
        before.text == ","
        and i > floor
        and doc[i - 1].is_lower
        and (
            doc[i - 1].lower_ in _APPOSITION_KINDS
            or (
                doc[i - 1].lower_ in _AREA_APPOSITION_KINDS
                and doc[start:end].root.ent_type_ != "PERSON"
            )
        )
        and not _speaks(doc[start:end])
    ):
        # "the capital Grozny", "its largest city, Aleppo", "in the same region,
        # Qoryoley and Bula Marer"; not a speaker after a comma ("north of the
        # city, Doctors Without Borders said"), nor a person after an area's
        # ("the governor of Qadisiyah province, Khalil Jamil Hamza")
        return KIND_FRAME
    if before.lower_ == "of" and i > floor and doc[i - 1].lower_ in POSITION_WORDS:
        if doc[i - 1].lower_ in BEARINGS and not (end < len(doc) and doc[end].pos_ == "NOUN"):
            # "northeast of Karmah": a person or a firm has no northeast; but "north of
            # Hezbollah positions" names whose positions
            return SEIZED_FRAME
        return POSITION_FRAME  # "the centre of X" may be a body's
    return _object_frame(doc[start:end], before)


def _speaks(span: Span) -> bool:
    """Whether the name is the subject of a verb of saying ("…, Doctors Without Borders said")."""
    root = span.root
    return root.dep_ == "nsubj" and root.head.lemma_.lower() in SAYING


def _object_frame(span: Span, before: Token | None) -> str | None:
    """The frame of a name an event verb acts on ("captured X", "X was captured")."""
    verb = None
    if before is not None and (before.pos_ in ("VERB", "AUX") or before.lower_ in _EVENT_VERBS):
        verb = before
    elif span.root.dep_ in ("dobj", "nsubjpass"):
        verb = span.root.head
    if verb is None:
        return None
    words = {verb.lemma_.lower(), verb.lower_}
    if words & _SEIZING_VERBS or _hit_by_fire(verb):
        return SEIZED_FRAME
    if "take" in words and span.root.dep_ == "dobj" and not _taken_somewhere(verb):
        # "The rebels took Goma": a city taken, or someone taken along ("took
        # Trump to court"), as weak as "the fall of X" (:data:`TAKEN_FRAME`)
        return TAKEN_FRAME
    return POSITION_FRAME if words & _EVENT_VERBS else None


def _taken_somewhere(verb: Token) -> bool:
    """Whether "take" carries its object off somewhere: "took him to court", "took it over"."""
    return any(
        (c.dep_ == "prep" and c.lower_ in ("to", "into", "from", "out", "for"))
        or (c.dep_ == "prt" and c.lower_ in ("off", "away", "out", "back", "in"))
        for c in verb.children
    )


_STRIKING_VERBS = frozenset({"hit", "strike", "struck", "pound", "pounded", "rock", "rocked"})
_FIRE = frozenset(
    {"shelling", "shells", "shell", "missile", "missiles", "rocket", "rockets", "airstrike",
     "airstrikes", "strikes", "drone", "drones", "mortar", "mortars", "artillery",
     "bombardment", "barrage", "bombs", "bomb", "warplanes", "jets", "explosion", "blast"}
)  # fmt: skip
"""What a town is hit by: "shelling hit X" names a place, "the storm hit X" may
not, and "the scandal hit X" seldom does."""
_FIRED_ON = _FIRE | frozenset({"strike", "bombing", "bombings", "raid", "raids"})
"""Nouns of fire whose "on" or "against" names where it fell: "a strike on Kherson"."""


def struck_by_fire(span: Span) -> bool:
    """Whether the name is what fire or a weapon hit: "Hezbollah rockets hit Kiryat Shmona".

    No rocket hits a person by name, so the model's reading of one there is wrong.
    """
    return span.root.dep_ == "dobj" and _hit_by_fire(span.root.head)


def _hit_by_fire(verb: Token) -> bool:
    """Whether the verb is a striking one whose subject is fire or a weapon: "shelling hit"."""
    return bool({verb.lemma_.lower(), verb.lower_} & _STRIKING_VERBS) and _fired_upon(verb)


def _fired_upon(verb: Token) -> bool:
    """Whether the verb's subject is fire or a weapon: "Russian shelling hit X".

    A verb with no subject of its own shares the one of the verb it is joined
    to: "rockets fired from Lebanon hit X", "drones launched from Yemen hit X".
    """
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) and verb.dep_ in (
        "conj",
        "advcl",
    ):
        verb = verb.head
    return any(
        c.dep_ in ("nsubj", "aux") and c.lower_ in _FIRE  # the small model tags "shelling" AUX
        for c in verb.children
    )


_COUNCIL_ENDS = frozenset({"area", "areas", "council", "councils"})
DISTRICT_SIDES = frozenset({"North", "South", "East", "West", "Central"})
"""A side that closes a local government area's name ("Jos North", "Kaduna South"): the
area is a side of the district of the town it is named after."""


def _council_words(doc: DocTokens, start: int, end: int) -> int:
    """How many last words of a name say it is a local government area, else 0.

    Nigerian reporting names a town's district "Gujba Local Government Area",
    "Wukari Local Government Council" or "Sanga Local Government": the name
    before those words is the place, and the words frame it as one.
    """
    lowers = doc.lowers
    last = end - 1 if end - start >= 4 and lowers[end - 1] in _COUNCIL_ENDS else end
    if last - start >= 3 and lowers[last - 2] == "local" and lowers[last - 1] == "government":
        return end - (last - 2)
    return 0


def _council_after(doc: DocTokens, i: int, limit: int) -> str | None:
    """Whether lower-case local-government words follow a name: "" for one, "s" for several.

    "in Sanga local government", "in Gwoza local government area": the name is
    the area; "in Guma and Logo local government areas" frames the whole list.
    None when no such words follow.
    """
    lowers = doc.lowers
    if i + 1 >= limit or lowers[i] != "local" or lowers[i + 1] != "government":
        return None
    if not doc.tokens[i].is_lower:
        return None  # capitalised, the words are part of the name (see _council_words)
    plural = i + 2 < limit and lowers[i + 2] in ("areas", "councils")
    return "s" if plural else ""


def framed_names(doc: Doc, tokens: DocTokens | None = None) -> list[FramedName]:
    """Every name the wording marks as a place (kind frames) or puts where places stand.

    Names in a list share the frame of the list: "the towns of A, B and C",
    "A and B districts", "struck A and B". Each list has its own ``group``.
    """
    found: list[FramedName] = []
    group = 0
    if tokens is None:
        tokens = DocTokens(doc)
    for sent in tokens.sentences:
        names = _names_of(tokens, sent)
        # "Gujba Local Government Area": Gujba, which the words frame
        council_words = [_council_words(tokens, start, end) for start, end in names]
        councils = {n for n, words in enumerate(council_words) if words}
        names = [
            (start, end - words) for (start, end), words in zip(names, council_words, strict=True)
        ]
        frames: list[tuple[str, str | None] | None] = [None] * len(names)
        council_framed: set[int] = set()
        for n, (start, end) in enumerate(names):
            after_i = end
            while after_i < sent.end and tokens[after_i].is_space:
                after_i += 1
            after = tokens[after_i] if after_i < sent.end else None
            site = tokens[end - 1].text in _SITE_WORDS and end - start >= 2
            position = None
            council_after = _council_after(tokens, after_i, sent.end)
            if _called_a_longer_name(tokens, start, end, sent):
                pass  # "an area known as the Triangle of Death": not "Triangle"
            elif n in councils or council_after == "":
                frames[n] = (KIND_FRAME, None)
                council_framed.add(n)
            elif council_after:
                # "Guma and Logo local government areas": each name of the list is one
                frames[n] = (KIND_FRAME, None)
                council_framed.add(n)
                k = n
                while k > 0 and _separated(tokens, names[k - 1][1], names[k][0]):
                    k -= 1
                    frames[k] = (KIND_FRAME, None)
                    council_framed.add(k)
            elif (
                site
                or _kind_before(tokens, start, sent.start)
                or _appositive_kind(tokens, end, sent.end)
            ):
                frames[n] = (KIND_FRAME, None)
            elif (
                after is not None
                and after.lower_ in _KINDS_AFTER
                and (after.is_lower or after.text in _KINDS_AFTER)
            ):
                plural = after.lower_.endswith("s") and after.lower_ not in _SINGULAR_IN_S
                word = after.lower_.rstrip("s") if plural else None
                frames[n] = (KIND_FRAME, "" if after.lower_ in ADMIN_KIND_WORDS else None)
                k = n
                while k > 0 and _separated(tokens, names[k - 1][1], names[k][0]) and plural:
                    k -= 1
                    frames[k] = (
                        KIND_FRAME,
                        word if word in ADMIN_KIND_WORDS else None,
                    )
                if plural and word in ADMIN_KIND_WORDS:
                    frames[n] = (KIND_FRAME, word)
            else:
                position = _in_position(tokens, start, end, sent.start)
                if (
                    position is not None
                    and tokens[end - 1].text in _WEAK_SITE_WORDS
                    and end - start > 1
                ):
                    position = SEIZED_FRAME  # "at Biju Hill", but "Conleth Hill, the actor"
                if position is not None:
                    frames[n] = (position, None)
        # A list shares its first member's frame: "the villages of A, B and C".
        groups = []
        shared: set[int] = set()  # the members that took the list's frame
        for n in range(len(names)):
            listed = n > 0 and _separated(tokens, names[n - 1][1], names[n][0])
            if not listed:
                group += 1
            groups.append(group)
            if listed and frames[n] is None and frames[n - 1] is not None:
                frames[n] = frames[n - 1]
                shared.add(n)
        for n, ((start, end), frame, member) in enumerate(zip(names, frames, groups, strict=True)):
            if frame is None or _person_cue(tokens, start, end):
                continue
            if n in council_framed and end - start >= 2 and tokens[end - 1].text in DISTRICT_SIDES:
                end -= 1  # "Jos North local government area": the side of Jos' district
            opener = tokens[start].lower_.rstrip(".") in PERSON_TITLES
            speaks = end < len(tokens) and tokens[end].lemma_.lower() in SAYING
            if opener and (frame[0] != KIND_FRAME or (n in shared and speaks)):
                # "captured Sheikh Ahmed"; but "the village of Sheikh Miskeen" and "the
                # districts of X, Sheikh Maqsoud", though not "the village of
                # Mikhailovka, Governor Andrei Bocharov said", who speaks
                continue
            kind, word = frame
            if word == "":
                # "Belgorod region", "Kherson Oblast": the division, named with its word
                found.append(FramedName(tokens[start : end + 1], kind, group=member))
            else:
                found.append(FramedName(tokens[start:end], kind, word, group=member))
    return found
