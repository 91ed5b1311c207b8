"""Which of a sentence's places only say where another lies, or whose thing it is.

An event's trigger may govern several places, and not all of them are where
it happened. :func:`layers.events.detect_events` asks this module about each:

* the party, not the site: a noun for an owned thing after the name ("a US
  drone": :func:`modifies_a_thing`), a country before an event noun ("a U.S.
  airstrike": :func:`names_the_party`);
* context, not a second site: a place written after another to say where
  that one lies ("Michika town in Adamawa state", "Tadef in the eastern
  countryside of Aleppo", "Mashahda, 48 km north of Baghdad":
  :func:`qualifies_another`), and the wider of two places the event names
  (:func:`most_specific`, by outline, then by the records);
* a capital's name stands for the phrase before it ("the Georgian capital
  Tbilisi": :func:`capital_named`).

The parse's own paths (``layers.roles``) decide the rest.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import shapely
from spacy.tokens import Doc, Token

from geo.cues import BORDER_NOUNS, EDGE_WORDS
from geo.directional import is_a_side
from geo.disambiguate import haversine_km
from geo.located import LOCATED_FEATURE, placed_in, smaller_town_within_reach
from geo.nlp import doc_text
from geo.seas import SEA_FEATURES
from geo.types import MentionKind, Place, Precision, Resolved
from layers.roles import (
    AREA_WORDS,
    COMPASS,
    DISTANCE_UNITS,
    LOCAL_FORCES,
    ORIGIN,
    OWNED_THINGS,
    TOPIC,
    TOPICAL_TOO,
    Attachment,
    a_local_government_area,
    is_one_of,
)

__all__ = [
    "PlaceInSentence",
    "capital_named",
    "is_country",
    "is_town",
    "listed_after",
    "modifies_a_thing",
    "most_specific",
    "names_the_party",
    "qualifies_another",
]


_NAMED_KINDS_AFTER = frozenset(
    {"town", "village", "city", "district", "neighbourhood", "neighborhood", "area", "camp",
     "province", "region", "governorate", "suburb", "hamlet", "locality", "quarter", "county",
     "borough", "resort", "township"}
)  # fmt: skip
"""Kinds of place written after a name ("Michika town", "the Zaynab district")."""


@dataclass(frozen=True)
class PlaceInSentence:
    """A place mention of the sentence, as the detector sees it."""

    item: Resolved
    root: Token
    tokens: frozenset[int]


def modifies_a_thing(cand: PlaceInSentence, doc: Doc, triggers: frozenset[int]) -> bool:
    """Whether the place names whose thing it is: "a US drone", "an Israeli-made jet".

    A noun for a thing someone owns, or a person or a body, right after the
    name (past other modifiers) makes the name its owner's, whatever the
    parse says: the small model reads "a US MQ-9 drone" with "US" as the
    object.
    """
    last = max(cand.tokens)
    noun = None
    for after in doc[last + 1 : last + 5]:
        model = any(ch.isdigit() for ch in after.text) or after.is_upper  # "MQ-9", "F-16"
        if after.i in triggers or (
            after.pos_ not in ("NOUN", "PROPN", "NUM", "ADJ", "PUNCT") and not model
        ):
            break
        if after.pos_ == "PUNCT" and after.text != "-":
            break
        if after.pos_ in ("NOUN", "PROPN"):
            noun = after
    if noun is None or not is_one_of(noun, OWNED_THINGS) or a_local_government_area(noun):
        return False  # "in Sanga local government": the district, not its authority
    root = cand.root
    if (
        root.dep_ == "pobj"
        and root.head.lower_ in _WITHIN_WORDS
        and root.head.i < root.i
        and noun.dep_ in ("nsubj", "nsubjpass")
        and noun.head.i > noun.i
    ):
        return False  # "while in Paris ministers met": where they met, not whose ministers
    # A town's police act in their town: "Dallas police shot a man" happened in Dallas.
    return not (noun.lemma_.lower() in LOCAL_FORCES and is_town(cand.item.place))


_WITHIN_WORDS = frozenset({"in", "near", "outside", "inside"})
"""Words between a named place and the place that says where it lies: "Michika
town in Adamawa state", "Marin Gubay near Barawe", "the X neighbourhood outside of
Y" (an "of" after one of them adds nothing). ("Of" alone is left to the parse:
"the West Bank city of Nablus" names Nablus, "the Zaynab district of Damascus" the
district.)"""


_SITES_AFTER_A_NAME = frozenset(
    {"junction", "roundabout", "crossroads", "intersection", "square", "bridge", "checkpoint",
     "hilltop", "market"}
)  # fmt: skip
"""Words for a site that a name before them is the site of: "at Zorvan junction in X"."""
_FORCES_NAMED = frozenset({"army", "police", "military", "forces", "guard", "militia"})
"""A force a site word may follow, whose site it is: "a Syrian Army checkpoint in X"."""

_PART_OF_WORDS = (
    frozenset({"the", "of", "countryside", "outskirts", "suburbs", "heart", "centre", "center",
               "edge", "part", "parts", "side", "environs", "vicinity", "periphery"})
    | COMPASS
)  # fmt: skip
"""Words that name a part of the place after them: "the northern countryside of"."""


_CAPITALS = frozenset({"capital", "city", "port"})
"""Kinds of place a country or region is written before, then named: "the
Georgian capital Tbilisi", "the Yemeni port city of"… (only when a name follows)."""


_NOT_A_SITE = frozenset({"by"}) | ORIGIN | TOPIC
"""Words before a place that make it an actor, an origin or a topic."""


_DISTANCE = DISTANCE_UNITS | {",", "some", "about"}
"""Words between a place and the distance that locates another from it."""


_WATER = SEA_FEATURES | {"river", "lake"}
"""Features of water a town may lie on: the seas' kinds, rivers and lakes."""
_SHORE_WORDS = frozenset(
    {"shore", "shores", "bank", "banks", "coast", "edge", "tip", "end", "side", "mouth"}
)


def _on_the_water_of(cand: PlaceInSentence, doc: Doc, before: dict[int, PlaceInSentence]) -> bool:
    """Whether a river, lake or sea only says where the town before it lies.

    "the port of Izmail on the Danube", "Minova on the shore of Lake Kivu",
    "the Tishreen Dam on the Euphrates", "Uvira, on the northern tip of Lake
    Tanganyika": the town is the site, the water its context.
    """
    place = cand.item.place
    if place is None or place.feature not in _WATER:
        return False
    i = min(cand.tokens) - 1
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    if i >= 1 and doc[i].lower_ == "of" and doc[i - 1].lower_ in _SHORE_WORDS:
        i -= 2  # "on the shore of Lake Kivu"
        if i >= 0 and (doc[i].lower_ in COMPASS or doc[i].pos_ == "ADJ"):
            i -= 1  # "on the northern tip of Lake Tanganyika"
        if i >= 0 and doc[i].lower_ == "the":
            i -= 1
    if i < 1 or doc[i].lower_ not in ("on", "along", "beside", "by", "at"):
        return False
    town = before.get(i - 1) or (before.get(i - 2) if doc[i - 1].text == "," else None)
    return town is not None and not is_country(town.item.place)


def _owns_the_edge_a_town_is_on(
    cand: PlaceInSentence, doc: Doc, before: dict[int, PlaceInSentence]
) -> bool:
    """Whether the place owns the coast or border a town before it is said to be on.

    "struck a patrol boat near Chornomorske, on Crimea's western coast": the
    town is the site, and Crimea says where it lies.
    """
    first, last = min(cand.tokens), max(cand.tokens)
    j = last + 1
    if j >= len(doc) or doc[j].lower_ not in ("'s", "’s"):
        return False
    j += 1
    if j < len(doc) and doc[j].lower_ in COMPASS:
        j += 1
    if j >= len(doc) or doc[j].lower_ not in EDGE_WORDS:
        return False
    i = first - 1
    if i < 2 or doc[i].lower_ != "on" or doc[i - 1].text != ",":
        return False
    town = before.get(i - 2)
    return town is not None and is_town(town.item.place)


_TOWN_KINDS = frozenset(
    {"city", "town", "village", "capital", "port", "island", "hamlet", "settlement"}
)
"""Kinds of town written before "of" and the town's name ("the port city of Jiddah")."""
_HOLDING_WORDS = frozenset({"in", "near", "outside", "of", "on"})
_KIND_PHRASE = 6
"""The most words from the holding word to the town's name: "near the key city of"."""


def _a_town_that_holds_the_site(
    cand: PlaceInSentence, doc: Doc, before: dict[int, PlaceInSentence]
) -> bool:
    """Whether the mention is a town written as a kind of town after a site it holds.

    "the Aziziyah district in the city of Aleppo", "the Zahra neighborhood of
    the port city of Jiddah", "the Al-Malaah Farms near the integral village
    of Handarat", "Shijaia outside of Gaza City": the site is the first, and
    the town says where it lies. The site must be a place found (or a name
    with its kind word, "Mbuta village"), in the same country, not a country,
    and not one the words make an origin or an actor ("laborers from Bihar
    near the town of Dibrugarh").
    """
    first = min(cand.tokens)
    if first < 4 or doc[first - 1].lower_ != "of" or doc[first - 2].lower_ not in _TOWN_KINDS:
        return False
    k = first - 3
    while (
        k > 0
        and first - k <= _KIND_PHRASE
        and doc[k].pos_ in ("ADJ", "DET", "NOUN")
        and doc[k].lower_ not in _HOLDING_WORDS
    ):
        k -= 1
    if k < 1 or doc[k].lower_ not in _HOLDING_WORDS:
        return False
    if doc[k].lower_ == "of" and doc[k - 1].lower_ == "outside":
        k -= 1
    site, kinded = before.get(k - 1), False
    if site is None and k >= 2 and doc[k - 1].lower_ in _NAMED_KINDS_AFTER:
        site, kinded = before.get(k - 2), True  # "Mbuta village near the city of X"
    if site is None or (site.item.place is None and not kinded):
        return False
    return _a_site_it_may_hold(site, cand, doc, topical=False)


_NAMED_AFTER = frozenset(
    {"university", "college", "institute", "academy", "museum", "bank", "school", "library"}
)
"""Institutions named "of" a place they need not stand in: "the University of Texas in
Austin", "the Bank of England in London"."""
_OF_NO_SITE = COMPASS | _NAMED_AFTER
"""Words before "of" and a place that make the place no site: a bearing, an institution."""


def _a_site_it_may_hold(
    site: PlaceInSentence, holder: PlaceInSentence, doc: Doc, *, topical: bool
) -> bool:
    """Whether ``site``, written before ``holder``, is a site ``holder`` may say where lies.

    Not a bearing's place ("north of Baghdad in Samarra"), an actor, an origin
    or a topic ("attacked by Serbia near Pristina", "laborers from Bihar near
    the town of Dibrugarh", "talks on Yemen in Muscat" for ``topical`` types),
    a country or a bearing phrase, nor a place in another country.
    """
    start = min(site.tokens)
    if start > 1 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in _OF_NO_SITE:
        # "north of Baghdad in Samarra": Baghdad is only a bearing; "the University
        # of Texas in Austin": Austin holds the university
        return False
    if start > 0 and (
        doc[start - 1].lower_ in _NOT_A_SITE or (topical and doc[start - 1].lower_ in TOPICAL_TOO)
    ):
        return False  # "attacked by Serbia near Pristina", "talks on Yemen in Muscat"
    first, second = site.item.place, holder.item.place
    if is_country(first) or (first is not None and first.feature == "offset"):
        return False  # a bearing phrase ("north of Baghdad") holds no place after it
    if first is None or second is None:
        return True
    if (
        second.feature in _TOWNISH
        and (first.feature == "admin1" or _a_region_far_from(first, second))
    ) or _towns_apart(first, second):
        # "killed the governor of Sinaloa in Culiacán", "met the Governor of Darfur
        # Region in Port Sudan", "the mayor of Uruapan in Culiacán": a town holds no
        # province, nor a region far from it ("the East Ghouta region of rural
        # Damascus" names the city for its countryside), nor a town hundreds of km away
        return False
    return first.country == second.country


_TOWNS_APART_KM = 150.0
_REGION_APART_DEGREES = 1.0
_REGION_APART_KM = 100.0
"""How far a town lies outside a region for the two to be apart: 100 km from a point's
radius, or 1 degree from an outline (measured in the outline's plane: 110 km north-south,
less east-west far from the equator, about 55 km at 60 degrees)."""


def _a_region_far_from(region: Place, town: Place) -> bool:
    """Whether a region or territory lies well away from a town: "Darfur" and Port Sudan.

    By its outline when it has one, else by its point and its radius.
    """
    if region.feature not in ("region", "territory"):
        return False
    if region.is_area:
        point = shapely.Point(town.lon, town.lat)
        return bool(region.geometry.distance(point) > _REGION_APART_DEGREES)
    apart = haversine_km(region.lat, region.lon, town.lat, town.lon)
    return apart > (region.radius_km or 0.0) + _REGION_APART_KM


def _towns_apart(first: Place, second: Place) -> bool:
    """Whether both places are towns farther apart than one could lie in the other."""
    return (
        first.feature in _TOWNISH
        and second.feature in _TOWNISH
        and haversine_km(first.lat, first.lon, second.lat, second.lon) > _TOWNS_APART_KM
    )


#: Features of a place small enough that it cannot hold a town far from it.
_TOWNISH = frozenset({"city", "vicinity", "local_area", "site"})


def qualifies_another(
    cand: PlaceInSentence,
    doc: Doc,
    before: dict[int, PlaceInSentence],
    after: dict[int, PlaceInSentence],
    *,
    topical: bool,
    unnamed: bool = True,
) -> bool:
    """Whether the mention only says where another place it follows lies.

    "Michika town in Adamawa state", "Marin Gubay near Barawe", "In Dura,
    south of Baghdad", "Teiba, Sherkole District": the event happened in the
    first place, and the second is its context (read from the words, since
    the small parser often hangs the second phrase on the verb). ``before``
    maps the last token of each other place mention of the sentence to it,
    ``after`` the first. A place before a capital that the next name is
    ("the Georgian capital Tbilisi", "Congo's capital, Kinshasa") is context
    too, and so is an area after a kind of place whose name was not
    recognised ("the Amiriyah district in western Baghdad").
    A first place that is a country, or lies in another country than the
    second, is not qualified by it ("the embassies of Spain in La Paz"), nor
    one that is no site: an actor, an origin or a topic (``topical`` types
    take "on" and "over" for a topic too). Without ``unnamed``, only a
    recognised place is qualified. So is a town written as a kind of town
    after a site ("the Aziziyah district in the city of Aleppo":
    :func:`_a_town_that_holds_the_site`).
    """

    def qualified(end: int) -> bool:
        other = before.get(end)
        return other is not None and _a_site_it_may_hold(other, cand, doc, topical=topical)

    if _on_the_water_of(cand, doc, before):
        return True  # "the port of Izmail on the Danube", "Minova on the shore of Lake Kivu"
    if _owns_the_edge_a_town_is_on(cand, doc, before):
        return True  # "near Chornomorske, on Crimea's western coast"
    if _a_town_that_holds_the_site(cand, doc, before):
        return True  # "the Aziziyah district in the city of Aleppo"
    j = max(cand.tokens) + (0 if doc[max(cand.tokens)].lower_ in _CAPITALS else 1)
    if j < len(doc) and doc[j].text == "'s":
        j += 1
    if j + 1 < len(doc) and doc[j].lower_ in _CAPITALS and doc[j].is_lower:
        j += 2 if doc[j + 1].text == "," or doc[j + 1].lower_ == "of" else 1
        named = after.get(j)
        if named is not None and doc[j].is_title and not is_country(named.item.place):
            return True  # "the Georgian capital Tbilisi": the capital is the site
    first = min(cand.tokens)
    if doc[first].like_num or doc[first].lower_ in ("some", "about"):
        # "Mashahda, 48 km north of Baghdad": the distance only locates the town
        j = first - 1
        while j > 0 and doc[j].text in (",", "(", "—", "-"):
            j -= 1
        if qualified(j):
            return True
    owner = before.get(first - 2) if first >= 2 and doc[first - 1].lower_ in ("'s", "’s") else None
    if owner is not None and owner.item.place is not None and is_country(owner.item.place):
        # "near Djibo in Burkina Faso's Soum province": the country's possessive only
        # says whose province holds the town, as "in Soum province" would
        first = min(owner.tokens)
    i = first - 1
    described = _described_by(doc, first)
    if doc[first].lower_ in _WITHIN_WORDS:
        i = first  # a vicinity that took its word in: "Jokela, near Helsinki"
    elif described is not None:
        i = described - 1  # "near the predominantly Kurdish Sheikh Maqsoud district"
    elif (
        i >= 4
        and doc[i].lower_ == "of"
        and doc[i - 1].lower_ in _TOWN_KINDS
        and doc[i - 2].lower_ == "the"
        and doc[i - 3].lower_ == "of"
        and doc[i - 4].lower_ in COMPASS
    ):
        i -= 3  # "the town of Zorvan, south of the city of Kharkiv": the bearing's "of"
    elif (
        i >= 3
        and doc[i].lower_ in _CAPITALS
        and doc[i - 1].lower_ == "the"
        and doc[i - 2].lower_ == "of"
        and doc[i - 3].lower_ in COMPASS
    ):
        i -= 2  # "Samburu Range, some 240 km north of the capital Nairobi"
    if i < 1:
        return False
    if doc[i].lower_ == "of" and doc[i - 1].lower_ in _WITHIN_WORDS:
        i -= 1  # "the Zorvan neighbourhood outside of Kesra": the "of" adds nothing
    word, previous = doc[i].lower_, i - 1
    if word == "of" and doc[previous].lower_ in COMPASS:
        # "Dura, 20 km south of Baghdad": a place named just before the distance
        j = previous - 1
        while j >= 0 and previous - j <= 4 and (doc[j].like_num or doc[j].lower_ in _DISTANCE):
            j -= 1
        return qualified(j)
    if word == ",":
        last = max(cand.tokens)
        area = doc[last].lower_ in AREA_WORDS
        listed = _continues_a_list(doc, last + 1)
        return area and not listed and qualified(previous)  # "Teiba, Sherkole District"
    # Past words for a part of the place: "al-Bab in the northern countryside of
    # Aleppo", "the Nahdha area in central Baghdad", "the X district of southern Y".
    k, through_of, parted = first - 1, False, doc[first].lower_ in COMPASS
    while k > 0 and first - k <= 6 and doc[k].lower_ in _PART_OF_WORDS:
        through_of |= doc[k].lower_ == "of"
        parted |= doc[k].lower_ not in ("the", "of")
        k -= 1
    if parted:
        if doc[k].lower_ in _WITHIN_WORDS:
            word, previous = doc[k].lower_, k - 1
        elif through_of and doc[k].lower_ in _NAMED_KINDS_AFTER:
            word, previous = "of", k
    if word == "of" and doc[previous].lower_ in AREA_WORDS:
        # "Saravena, in the eastern department of Arauca": the area after "in the
        # ... of" holds the place before it
        k = previous - 1
        while k > 0 and (
            doc[k].lower_ in _PART_OF_WORDS or doc[k].pos_ == "ADJ" or doc[k].is_space
        ):
            k -= 1
        if doc[k].lower_ in _WITHIN_WORDS and k > 1:
            named_at = k - 2 if doc[k - 1].text == "," else k - 1
            if qualified(named_at):
                return True
    if previous > 0 and (
        doc[previous].lower_ in _NAMED_KINDS_AFTER
        # a plural only before "of": "Shaffa and Shindiffu villages of Hawul LGA", where
        # "two Malik camps in Jolo" names no place before the camps
        or (word == "of" and doc[previous].lemma_.lower() in _NAMED_KINDS_AFTER)
    ):
        name = doc[previous - 1]
        if word == "of" and _the_town_its_kind_names(cand, doc[previous], before.get(name.i)):
            return False  # "the Pacific coast city of Mazatlan": the words before describe it
        if word == "of":
            # "the Mohammad Agha district of Logar province": an area holds the district;
            # "the Zuhour district of Mosul": a city holds one it could not place
            # ("the Baghdad district of Karrada" names Karrada, the district)
            holder = before.get(name.i)
            wider = holder is not None and _holds_unplaced(cand, holder)
            return (_names_an_area(cand, doc) or parted or wider) and qualified(name.i)
        if word in _WITHIN_WORDS:
            if previous in before:
                return qualified(previous)  # "the Sunan area near Pyongyang", recognised whole
            # "Michika town in Adamawa state"; the name need not have been recognised
            unrecognised = name.pos_ == "PROPN" and name.is_title and name.i not in before
            return qualified(name.i) or (unnamed and unrecognised)
    if word in _WITHIN_WORDS:
        if described is not None and _wide(_place_of(before.get(previous))):
            # "in Darfur near the besieged El Fasher": the town narrows the region
            return False
        if doc[previous].text == "," and previous > 0:
            previous -= 1  # "Jokela, near Helsinki"
            other = before.get(previous)
            if (
                _wide(_place_of(other))
                and cand.item.place is not None
                and cand.item.place.feature in ("city", "vicinity")
            ):
                return False  # "over Iraqi Kurdistan, near Erbil": the town narrows the area
        site_of = before.get(previous - 1) if doc[previous].lower_ in _SITES_AFTER_A_NAME else None
        if (
            site_of is not None
            and site_of.item.mention.kind is MentionKind.TOPONYM
            and site_of.item.place is not None
            and doc[previous - 1].lower_ not in _FORCES_NAMED
            and qualified(previous - 1)
        ):
            return True  # "a bomb exploded at Zorvan junction in Kismayo"; not "a Syrian
            # Army checkpoint in Khattab", whose checkpoint is the army's
        return qualified(previous)  # "Kulgam Chowk in Anantnag"
    return False


#: Features of an area a town after it and a comma narrows rather than lies in.
_AREAS = frozenset({"admin1", "admin2", "region", "territory"})


def _place_of(cand: PlaceInSentence | None) -> Place | None:
    return cand.item.place if cand is not None else None


def _wide(place: Place | None) -> bool:
    """Whether the place is a country, a province or a wide region, which a town narrows."""
    return place is not None and (is_country(place) or place.feature in _AREAS)


def _described_by(doc: Doc, first: int) -> int | None:
    """The index of "the" before a name and the words that describe it, if so.

    "the Sheikh Maqsoud Quarter", "the predominantly Kurdish Sheikh Maqsoud
    Quarter": up to three adjectives, adverbs and community words, not
    compass words (a part of the place, which the caller reads itself: "the
    northern countryside").
    """
    i = first - 1
    while (
        i >= 0
        and first - i <= _DESCRIBING_WORDS
        and (
            doc[i].pos_ in ("ADJ", "ADV")
            or doc[i].dep_ in ("amod", "advmod")
            or doc[i].ent_type_ == "NORP"  # "the mainly Druze X", parsed as a compound
        )
        and doc[i].lower_ not in COMPASS
    ):
        i -= 1
    return i if i >= 0 and doc[i].lower_ == "the" else None


_DESCRIBING_WORDS = 3
"""The most adjectives and adverbs between "the" and the name they describe."""


def _the_town_its_kind_names(
    cand: PlaceInSentence, kind: Token, described_by: PlaceInSentence | None
) -> bool:
    """Whether "the ... city of" before a town names that town itself.

    In "the Pacific coast city of Mazatlan" and "the border town of Rafah" the
    kind is what the town is, and what stands before it only describes it;
    in "the Zuhour district of Mosul" the kind names a smaller place the
    town holds, and so does a place that resolved ("the Silwad town of
    Ramallah": Silwad, a town of Ramallah's governorate).
    """
    place = cand.item.place
    if described_by is not None and described_by.item.place is not None:
        return False
    return kind.lower_ in _TOWN_KINDS and place is not None and place.feature == "city"


def _holds_unplaced(wider: PlaceInSentence, named: PlaceInSentence) -> bool:
    """Whether ``wider`` holds ``named``: by outline or records, or ``named`` did not resolve.

    A name the gazetteer does not know, written as a kind of place of a name
    it knows ("the Zuhour district of Mosul"), is the smaller of the two.
    """
    if wider.item.place is None:
        return False
    return (
        named.item.place is None
        or _wider(wider.item.place, named.item.place)
        # "the Delmas neighbourhood of Port-au-Prince", "the Mayo district of Pattani"
        or smaller_town_within_reach(named.item.place, wider.item.place)
    )


def listed_after(
    cand: PlaceInSentence, doc: Doc, by_token: dict[int, PlaceInSentence]
) -> PlaceInSentence | None:
    """The place before this one in a list the parse read as appositions, if any.

    "Warships patrol the Red Sea, the Gulf of Aden and the Arabian Sea": the
    small parser often hangs each name on the first as an apposition, which
    would make it say where the first lies. A name that does ("Gao, Mali",
    "Springfield, Illinois": a country, a province, or a place that holds
    the first) is left to the roles.
    """
    first, appositive = cand, False
    seen = {id(cand)}
    while first.root.dep_ in ("appos", "conj"):
        head = by_token.get(first.root.head.i)
        if head is None or id(head) in seen:
            break
        if first.root.dep_ == "appos":
            if _names_an_area(first, doc) or _holds_unplaced(first, head):
                break
            appositive = True
        first = head  # back along the list to its first name
        seen.add(id(head))
    return first if appositive else None


def capital_named(
    cand: PlaceInSentence, doc: Doc, ends: dict[int, PlaceInSentence]
) -> PlaceInSentence | None:
    """The phrase ending in "capital", "city" or "port" that this name names, if any.

    "the Georgian capital Tbilisi", "Congo's capital, Kinshasa", "the
    Turkish capital of Ankara": the parse hangs the name on "capital", so the
    name takes the phrase's place in it.
    """
    i = min(cand.tokens) - 1
    if i > 0 and (doc[i].text == "," or doc[i].lower_ == "of"):
        i -= 1
    if i < 0 or not doc[i].is_lower or doc[i].lower_ not in _CAPITALS:
        return None
    return ends.get(i) or ends.get(i - 1) or (ends.get(i - 2) if doc[i - 1].text == "'s" else None)


def _names_an_area(cand: PlaceInSentence, doc: Doc) -> bool:
    """Whether the mention names a province, a region or a country ("Logar province")."""
    place = cand.item.place
    return doc[max(cand.tokens)].lower_ in AREA_WORDS or (
        place is not None and (place.feature in ("admin1", "country") or is_country(place))
    )


def _continues_a_list(doc: Doc, i: int) -> bool:
    """Whether the words from ``i`` go on with a list of names ("…, and Zang", "…, Fa'a")."""
    if i >= len(doc):
        return False
    if doc[i].lower_ in ("and", "or"):
        return True
    return (
        doc[i].text == ","
        and i + 1 < len(doc)
        and (doc[i + 1].lower_ in ("and", "or") or doc[i + 1].pos_ == "PROPN")
    )


_TAKEN_NOUNS = frozenset({"invasion", "occupation", "annexation", "blockade", "siege"})
"""Event nouns a country before them undergoes: "the Ukraine invasion"."""


def is_town(place: Place | None) -> bool:
    """Whether the place resolved to a town or a site: neither a country nor a province."""
    return place is not None and not is_country(place) and place.feature != "admin1"


def is_country(place: Place | None) -> bool:
    """Whether the place resolved to a whole country."""
    return place is not None and (
        place.precision is Precision.COUNTRY or place.feature == "country"
    )


_WORD_AFTER = re.compile(r"\s+(\w+)")
"""The word right after a name: a border word there says whose border it is."""


def names_a_border(cand: PlaceInSentence) -> bool:
    """Whether a country's name or adjective only says whose border it is.

    "raided a village close to the Malian border", "near the Iraq border":
    the place is by the border, on either side, not in that country.
    "Lebanon's border with Israel" (a possessive) runs along Lebanon, and is
    left to the roles. The band along that border (:mod:`geo.borders`), which the
    phrase resolves to when the story names the neighbour, says the same.
    """
    place = cand.item.place
    if not is_country(place) and not (place is not None and place.feature == "border"):
        return False
    mention = cand.item.mention
    after = _WORD_AFTER.match(doc_text(cand.root.doc), mention.anchor_end)
    return after is not None and after.group(1).lower() in BORDER_NOUNS


def a_river_beyond_another(cand: PlaceInSentence, place_tokens: frozenset[int]) -> bool:
    """Whether a river only says which side of it another place lies.

    "One rocket landed in the Karrada district across the Tigris": the
    district is where it landed; the river, after "across" or "beyond" right
    after another place (or its kind word), is a landmark. Not "marines based
    in Kherson carried out raids across the Dnipro", where the raids crossed.
    """
    place = cand.item.place
    if place is None or place.feature != "river":
        return False
    root = cand.root
    if root.dep_ != "pobj" or root.head.lower_ not in _SIDE_WORDS:
        return False
    # the other place's name, or its kind word ("the Karrada district"), stands
    # right before the side word: "raids across the Dnipro" name no such place
    side = root.head.i
    if side < 1:
        return False
    before = root.doc[side - 1]
    others = place_tokens - cand.tokens
    return before.i in others or (
        before.lower_ in AREA_WORDS and side > 1 and before.i - 1 in others
    )


_SIDE_WORDS = frozenset({"across", "beyond"})


def names_the_party(cand: PlaceInSentence, doc: Doc, triggers: frozenset[int]) -> bool:
    """Whether a country's name modifies an event noun: "a U.S. airstrike", "Iran talks".

    A country written before an event noun names who did it ("a US
    airstrike", "a Turkish offensive") or what it is about ("the Iran
    talks"), not where it happened; a city there is the site ("the Aleppo
    bombing", "the Moscow talks"). Nouns a country undergoes ("the Ukraine
    invasion") are left to the roles.
    """
    if not is_country(cand.item.place):
        return False
    root = cand.root
    head = root.head
    return (
        root.dep_ in ("compound", "nmod", "amod")
        and head.i in triggers
        and head.lemma_.lower() not in _TAKEN_NOUNS
    )


def _finer(place: Place | None, wider: Place | None) -> bool:
    """Whether ``place`` lies within ``wider`` by what their records say."""
    if place is None or wider is None or place is wider:
        return False
    if wider.precision is not Precision.COUNTRY and wider.feature not in ("admin1", "country"):
        return False
    if is_a_side(wider):
        # "northern Israel and southern Israel": a side holds only what its outline
        # holds (see _holds), never the other side
        return False
    if place.gazetteer_id == wider.gazetteer_id or place.country != wider.country:
        return False
    if wider.feature == "admin1":
        return place.feature not in ("admin1", "country") and place.precision is not (
            Precision.COUNTRY
        )
    return place.precision is not Precision.COUNTRY


_COAST_DEGREES = 0.3
"""How near a sea's outline (0.3 degrees: about 30 km, less east-west far from the
equator) a town is on its coast."""


def _on_its_coast(place: Place | None, sea: Place | None) -> bool:
    """Whether a town lies on the coast of a sea the event also names.

    "In the Black Sea, sea drones attacked a naval base in Novorossiysk": the
    sea says where the town lies, and the base is the site.
    """
    if (
        place is None
        or sea is None
        or place is sea
        or sea.feature not in SEA_FEATURES
        or place.feature in SEA_FEATURES
        or place.is_area
        or not is_town(place)
    ):
        return False
    return bool(sea.geometry.distance(shapely.Point(place.lon, place.lat)) <= _COAST_DEGREES)


def _holds(wider: Place | None, place: Place | None) -> bool:
    """Whether ``wider`` is an area whose outline holds ``place``'s point.

    Not a name drawn as the province it lies in ("near Léré, in the Timbuktu
    region"): it is somewhere in there, not all of it.
    """
    if (
        wider is None
        or place is None
        or wider is place
        or not wider.is_area
        or wider.feature == LOCATED_FEATURE
    ):
        return False
    if place.gazetteer_id == wider.gazetteer_id:
        return False
    return bool(wider.geometry.covers(shapely.Point(place.lon, place.lat)))


def most_specific(
    found: list[tuple[PlaceInSentence, Attachment]], *, trigger: int | None = None
) -> list[tuple[PlaceInSentence, Attachment]]:
    """Drop a country, province or area that only holds another of the event's places.

    Not a wider place in one list with the other ("clashed across the West
    Bank, Gaza Strip and Jerusalem", "the towns of Daraya, Khan Alshih and
    western Ghouta"): a list names sites side by side,
    where a place that says where another lies is written after it ("Aleppo,
    Syria"). A sea set before the event's word (``trigger``, its first token)
    only says where a town on its coast lies ("In the Black Sea, sea drones
    attacked a naval base in Novorossiysk"); one after it is a site of its own
    ("attacked ships in the Black Sea and port facilities in Odesa"). A river
    only says where a town on it lies, unless the event crossed it.
    """
    return [
        (cand, how)
        for cand, how in found
        if not any(
            (
                _wider(cand.item.place, other.item.place)
                and not _listed_before(cand, other)
                and not _listed_before(other, cand)
            )
            or (
                trigger is not None
                and max(cand.tokens) < trigger
                and _on_its_coast(other.item.place, cand.item.place)
            )
            # "bridges in Novi Sad over the Danube": the town on the river; not
            # "raids across the Dnipro River", which crossed it
            or (_a_river_by(cand.item.place, other.item.place) and not _crossed(cand))
            for other, _ in found
        )
    ]


_LIST_WORDS = frozenset({",", "and", "or", "the"})
_LIST_SPAN = 12
"""The most words between two places of one list that :func:`_listed_before` reads."""


def _listed_before(first: PlaceInSentence, then: PlaceInSentence) -> bool:
    """Whether a place name opens a list of places that ``then`` goes on.

    Only names, commas and "and"/"or" stand between them, and one of those
    words joins the list: "the West Bank, Gaza Strip and Jerusalem". A people
    ("86 Portuguese and Czechs") is no such list.
    """
    if first.item.mention.kind is not MentionKind.TOPONYM:
        return False
    doc = first.root.doc
    start, end = max(first.tokens) + 1, min(then.tokens)
    if not 0 < end - start <= _LIST_SPAN:
        return False
    between = doc[start:end]
    return any(t.lower_ in ("and", "or") for t in between) and all(
        t.lower_ in _LIST_WORDS or t.lower_ in COMPASS or t.pos_ == "PROPN" for t in between
    )  # "Daraya, Khan Alshih and western Ghouta"


def _wider(place: Place | None, other: Place | None) -> bool:
    """Whether ``place`` only holds ``other``: by its outline first, else by the records.

    The outline decides when either holds the other's point: the West Bank
    (a territory) holds the Jenin governorate's point, though by the records
    a territory would be finer than a province, and the two must not drop
    each other.
    """
    if placed_in(other, place):
        return True  # a name the text placed in this one (geo.located)
    if (
        other is not None
        and place is not None
        and other.feature == "river"
        and place.feature in ("admin1", "admin2")
    ):
        return False  # a river runs through a county; the county is the finer site
    if _reaches_over(place, other):
        return True
    if _reaches_over(other, place):
        return False  # "Khankendi" (a small province's outline) holds Karabakh's point only
    if _holds(place, other):
        return True
    if _holds(other, place):
        return False
    return _finer(other, place)


def _crossed(cand: PlaceInSentence) -> bool:
    """Whether the event crossed the place: "raids across the Dnipro", "crossed the Euphrates"."""
    head = cand.root.head
    if cand.root.dep_ == "dobj":
        return head.lemma_.lower() == "cross"
    # not what fell or spread across it: "debris fell across the Danube in Tulcea county"
    return (
        cand.root.dep_ == "pobj"
        and head.lower_ in ("across", "beyond")
        and head.head.lemma_.lower() not in _SPREAD_OVER
    )


_SPREAD_OVER = frozenset({"fall", "spread", "scatter", "land", "rain", "strew", "crash"})
"""Verbs whose "across" says where things came down, not a crossing."""


def _a_river_by(river: Place | None, place: Place | None) -> bool:
    """Whether a river (a point and the radius of its length) reaches another place.

    A river only says where a town, a bridge or a port on it lies: drawn at its
    point, the Danube would put Novi Sad's bridges in Belgrade. Only a town, a
    vicinity, a province or county ("across the Danube in Romania's Tulcea
    county") or a place the text names that no source holds ("the district of
    Tartuh near the Euphrates"): a country or a sea the river runs through
    holds it.
    """
    if river is None or place is None or river.feature != "river" or place.feature == "river":
        return False
    if river.radius_km is None or not (
        place.precision in (Precision.EXACT, Precision.NEAR)
        or place.feature in (LOCATED_FEATURE, "admin1", "admin2")
    ):
        return False  # a country or a sea the river runs through holds it instead
    return haversine_km(river.lat, river.lon, place.lat, place.lon) <= river.radius_km


def _reaches_over(wider: Place | None, place: Place | None) -> bool:
    """Whether a region known only by its point and radius reaches over a smaller place.

    "In Karabakh, authorities arrested three officials in Khankendi": the
    region, a point with an 80 km radius, holds the town, whose own outline
    happens to hold the region's point.
    """
    if wider is None or place is None or wider.is_area or wider.radius_km is None:
        return False
    if wider.feature not in ("territory", "region") or place.country != wider.country:
        return False
    if (place.radius_km or 0.0) * 2 > wider.radius_km:
        return False
    return haversine_km(wider.lat, wider.lon, place.lat, place.lon) <= wider.radius_km
