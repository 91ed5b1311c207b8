"""From mentions to places: geocode, disambiguate from context, build geometry.

The :class:`Resolver` takes every mention of one article together, because a
name's meaning depends on the rest of the story: the countries it names, and
the other places it names and how far apart they are. Lookups go through a
geopy geocoder (the offline one unless configured otherwise); geometry comes
from the shipped country shapes and the area rules in :mod:`geo.areas`.
"""

from __future__ import annotations

import bisect
import dataclasses
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import replace
from functools import lru_cache
from itertools import pairwise

from geopy.geocoders.base import Geocoder
from shapely import wkt as shapely_wkt
from shapely.geometry import Point
from shapely.geometry.base import BaseGeometry

from geo import areas, shapes
from geo.admin1 import admin1_area, admin1_names, admin1_shape
from geo.borders import BAND_KM, names_a_border, shared_border_band
from geo.coordinates import COORDINATES_LABEL, position_place
from geo.cues import SPEECH_FORMS
from geo.directional import (
    WATERS,
    beyond_its_side,
    compass_word_before,
    names_an_office,
    on_its_side,
    part_of,
    side_of_area,
    split_part,
)
from geo.disambiguate import (
    ArticleContext,
    Ranked,
    alternatives_of,
    confidence_of,
    haversine_km,
    matched_by_translation,
    qualified_by,
    rank_candidates,
)
from geo.gazetteer import TRANSLITERATED_STANDING, Gazetteer
from geo.geocoder import OfflineGeocoder, candidate_from_location
from geo.local_places import (
    LOCAL_AREA_RADIUS_KM,
    LOCAL_LABEL,
    SURE_TOWN,
    a_crossing_of_streets,
    dateline_end,
    district_of_a_town,
    looks_local_name,
    of_the_city_named_before,
    part_of_a_town,
    place_in_town,
    town_for,
    town_indices,
    where_a_speaker_is,
)
from geo.located import (
    LIST_GOES_ON,
    LOCATED_FEATURE,
    a_part_far_from_its_town,
    a_part_of_the_next,
    by_the_town,
    container_after,
    drawn_within_its_holder,
    lies_within,
    located_by_text,
    nation_before,
    near_the_heart_of,
    placed_within,
    possessor,
    qualifier_after,
    smaller_town_within_reach,
    written_as_a_part,
)
from geo.normalize import (
    POSITION_WORDS,
    name_key,
    saint_spelled_out,
    spelling_similarity,
    strip_article,
)
from geo.overrides import ANALYST_SOURCE, Overrides
from geo.own_airspace import ANTECEDENT_LABEL
from geo.phrases import TERRITORIAL_SEA_KM
from geo.place_frames import DISTRICT_SIDES
from geo.seas import SEA_FEATURES, sea_shape
from geo.sections import heading_sections, section_of
from geo.shapes import country_shape
from geo.sources import country_neighbours
from geo.types import (
    FRAMED_LABEL,
    IN_A_NAME_LABEL,
    PLACE_LABELS,
    Alternative,
    AreaKind,
    AreaResult,
    AreaSpec,
    Candidate,
    Mention,
    MentionKind,
    Place,
    Precision,
    Resolved,
)

__all__ = ["ADMIN1_RADIUS_KM", "Resolved", "Resolver"]

#: Honest extent of a province known only by its centre point.
ADMIN1_RADIUS_KM = 100.0
#: Confidence above which a resolved place anchors the others by proximity.
_ANCHOR_CONFIDENCE = 0.75
_CANDIDATE_LIMIT = 60
#: A town has parts with names of their own ("North Dallas") only when it is a city.
_PART_TOWN_POPULATION = 100_000
#: What "Southern X" can be a part of. A part of a continent, a sea or a wide
#: region ("Northern Europe", "Eastern Mediterranean") is a region in its own
#: right, with its own entry or none: the whole's point would be far from it.
_WHOLES_WITH_PARTS = frozenset({"country", "admin1", "admin2", "island", "peninsula"})
_LOOKUP_CACHE_NAMES = 4096
#: Spelling similarity from which a transliteration match stands without the
#: story naming its country ("Zaporizhia" and "Zaporizhzhya": 0.91).
_CLOSE_SPELLING = 0.8
#: Population from which a town one letter away stands without the story naming
#: its country: a city of standing is what a misspelling most often means.
_MISSPELT_STANDING = 1_000_000
#: Confidence kept by a place matched under a spelling one or two letters off.
_RESPELLED_CONFIDENCE = 0.8
#: Letters a province named after its seat shares with the seat's name
#: ("Zaporizhzhia", "Zaporizhzhya"): spellings part after the first few.
_NAMESAKE_STEM = 5
_AN_ASIDE_OPENING = r"(?:an?|the)\s+(?:[a-z]+(?:-[a-z]+)?\s+){0,2}"
"""How an aside that says what a place is opens, up to its kind word: "a small ", "the
coastal ", "an impoverished "."""
_QUALIFIER = re.compile(
    r"^\s*,\s*"
    # an aside that says what the place is: "Alexandria, a city in Virginia,"
    r"(?:" + _AN_ASIDE_OPENING + r"(?:city|town|village|port|suburb)\s+in\s+)?"
    r"([A-Z][\w.'’\- ]{1,40}?)(?=[,.;:)\n]|\s+(?:(?!" + SPEECH_FORMS + r")[a-z]|[-–—]\s)|$)"
)
"""", Texas" after a name, up to punctuation, a lower-case word or a dash: "Paris,
Texas", "a plant in Lebanon, Pennsylvania on Monday", "LEBANON, Pennsylvania - A fire",
or after an aside that says what the place is: "Paris, a town in Texas,".
Not a speaker: "drones hit Donetsk, Russia said" is Ukraine's Donetsk."""
_A_SIDE_OF = (
    r"(?:(?:north|south|east|west|central)(?:ern)?\s+|(?:north|south)(?:east|west)(?:ern)?\s+)?"
)
"""A side word before a name, if any: "northern ", "south-eastern " written as one word."""
_A_KIND_OF_TOWN = (
    r"(?:"
    + _AN_ASIDE_OPENING
    + r"(?:town|village|city|port|settlement|hamlet|locality|district|township|commune)\s+)?"
)
"""What an aside may call the town before "in": ", a coastal town in", ", the district in"."""
_IN_A_COUNTRY_AFTER = re.compile(
    r"\s*,\s*"
    + _A_KIND_OF_TOWN
    + r"in\s+(?:the\s+)?"
    + _A_SIDE_OF
    + r"([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)"
    r"(?=\s*[,.;)]|\s*$|['’]s\s+[A-Z])"
)
"""", in northern Mozambique," or ", a town in Mozambique's Cabo Delgado province," after a
name: the country the text puts the town in, as an
aside closed by punctuation ("Kharkiv, in Poland for the summit" says where people are), or
owning the province that follows (", in central Mali's Mopti region")."""
_PROVINCE_KINDS = r"region|province|state|governorate|department|district|county|prefecture|oblast"
_IN_A_PROVINCE_AFTER = re.compile(
    r"\s*,\s*"
    + _A_KIND_OF_TOWN
    + r"in\s+(?:the\s+)?"
    + _A_SIDE_OF
    + r"(?:(commune|municipality|district|province|region|department|governorate|state)\s+of\s+)?"
    r"([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)"
    r"(?:\s+(" + _PROVINCE_KINDS + r"))?"
    r"(?=\s*[,.;)]|\s*$)"
)
"""", in the Timbuktu region," or ", in the commune of Mont-Dore," after a name: the
province or town the text puts the place in, as an aside closed by punctuation (a kind
word before or after the name says it is one)."""


def _towns_only_in(
    countries: AbstractSet[str], pools: Mapping[int, Sequence[Candidate]], but: int
) -> set[str]:
    """The names other than ``pools[but]``'s whose every entry is a town of ``countries``.

    The towns a story of one country names beyond doubt: "Bamenda and Bafut".
    """
    return {
        pool[0].matched_name
        for index, pool in pools.items()
        if index != but
        and pool
        and all(c.feature == "city" and c.country in countries for c in pool)
    }


_SMALL_TOWN = 30_000
"""A town this small is seldom named abroad without its country: in a story of one
country, a name only such towns elsewhere bear is a place of the story's own."""
_FROM_BEFORE = re.compile(r"\bfrom\s+$", re.IGNORECASE)
""""from" right before a name: people from a town may be anywhere ("visitors from X")."""
_A_TOWN_OF_BEFORE = re.compile(
    r"\b(?:town|village|hamlet|locality|settlement|township)\s+of\s+$", re.IGNORECASE
)
""""the town of", "the coastal village of" right before a name: a town of the story."""
_TOWN_OF_ITS_HOLDER = re.compile(
    r"\s+(?:(?:second|third|fourth|fifth|largest|biggest|second-largest|third-largest"
    r"|second-biggest|northern|southern|eastern|western|central|coastal|commercial"
    r"|economic|historic|former|old|port)\s+){0,3}(?:city|town|port|capital|village)\b"
)
"""What follows a possessive qualifier: ", Lebanon's second-largest city", ", Libya's
capital"; words of rank or standing, not of control ("Donetsk, Russia's main stronghold
in the region" is still Ukraine's Donetsk)."""


def _drawn_within_holders(resolved: list[Resolved]) -> list[Resolved]:
    """Every name placed in a province given the province's outline to be drawn with.

    Done last, once every stage that decides what holds what has read the
    points (:func:`geo.located.drawn_within_its_holder`); a place shared by
    several mentions stays one object.
    """
    drawn: dict[int, Place] = {}
    out: list[Resolved] = []
    for item in resolved:
        place = item.place
        if place is None:
            out.append(item)
            continue
        if id(place) not in drawn:
            drawn[id(place)] = drawn_within_its_holder(place, resolved)
        new = drawn[id(place)]
        out.append(item if new is place else Resolved(item.mention, new))
    return out


class Resolver:
    """Resolve all the mentions of one article at once.

    Parameters
    ----------
    gazetteer
        The offline index: country entries for demonyms, and qualifiers.
    geocoder
        Any geopy geocoder; defaults to :class:`OfflineGeocoder` over ``gazetteer``.
    """

    def __init__(self, gazetteer: Gazetteer, *, geocoder: Geocoder | None = None) -> None:
        self.gazetteer = gazetteer
        self.geocoder = geocoder or OfflineGeocoder(gazetteer=gazetteer)
        self._service = type(self.geocoder).__name__.lower()
        # A corpus names the same places over and over: each name is looked up
        # once per process (the answer depends on the name alone).
        self._looked_up: dict[str, tuple[Candidate, ...]] = {}

    # -- public -------------------------------------------------------------
    def resolve(
        self,
        text: str,
        mentions: Sequence[Mention],
        *,
        article: str | None = None,
        overrides: Overrides | None = None,
    ) -> list[Resolved]:
        """Resolve every mention of an article; order is kept.

        ``overrides`` (an analyst's ``places.toml``) drop the names marked as
        not places and pin others, for every article or for ``article``. A
        position the text writes as coordinates is its own place, looked up
        nowhere (:func:`geo.coordinates.position_place`).
        """
        if not any(m.label == COORDINATES_LABEL for m in mentions):
            return _drawn_within_holders(
                self._resolve_names(text, mentions, article=article, overrides=overrides)
            )
        named = self._resolve_names(
            text,
            [m for m in mentions if m.label != COORDINATES_LABEL],
            article=article,
            overrides=overrides,
        )
        written = [Resolved(m, position_place(m)) for m in mentions if m.label == COORDINATES_LABEL]
        return _drawn_within_holders(sorted(named + written, key=lambda item: item.mention.start))

    def _resolve_names(
        self,
        text: str,
        mentions: Sequence[Mention],
        *,
        article: str | None,
        overrides: Overrides | None,
    ) -> list[Resolved]:
        """Resolve the mentions that name places (see :meth:`resolve`)."""
        if overrides is not None:
            mentions = [m for m in mentions if not overrides.ignored(m.name, article=article)]
        candidates: dict[str, list[Candidate]] = {}
        # Names that name part of a place ("South Florida"), with the direction.
        parts: dict[str, str] = {}
        # Names matched only to a place spelled a little differently.
        spelled: set[str] = set()
        # Of those, the ones matched by their transliteration key.
        transliterated: set[str] = set()
        # And the ones matched to a place one letter away.
        misspelled: set[str] = set()
        # And the districts matched to the town they are named after.
        district_towns: set[str] = set()
        # Names first (a phrase reuses its name's candidates): "near Hodeidah" in a
        # headline must not keep "Hodeidah" from its looser lookups below.
        for m in sorted(mentions, key=lambda m: m.kind is MentionKind.PHRASE):
            if not _needs_lookup(m) or m.name in candidates:
                continue
            pinned = overrides and overrides.pinned(
                m.name, article=article, gazetteer=self.gazetteer
            )
            candidates[m.name] = (
                [pinned]
                if pinned
                else [
                    c
                    for c in self._candidates(m.name)
                    or self._candidates(saint_spelled_out(m.name))  # "St Kitts and Nevis"
                    if not matched_by_translation(c) and not c.code_written_otherwise(m.name)
                ]
            )
            part = split_part(m.name) if not candidates[m.name] else None
            if part is not None:
                # "South Florida": no such entry, but Florida is one.
                candidates[m.name] = [
                    c
                    for c in self._candidates(part[1])
                    if c.feature in _WHOLES_WITH_PARTS
                    or (c.feature == "city" and c.population >= _PART_TOWN_POPULATION)
                ]
                if candidates[m.name]:
                    parts[m.name] = part[0]
            elif not candidates[m.name]:
                # "Birmingham City", "Pingliang city", "Nyanza province": no such
                # entry, but the town or province without the word is one.
                candidates[m.name] = self._without_kind_word(m.name)
                if not candidates[m.name]:
                    # "Jiribam district": around the town it is named after
                    candidates[m.name] = self._district_town(m.name)
                    if candidates[m.name]:
                        district_towns.add(m.name)
                if not candidates[m.name] and m.kind is MentionKind.TOPONYM:
                    # "Mauritious": a place of standing one letter away;
                    # "Hodeidah": one transliterated differently.
                    # not a generic word's place: "the Capitol" is no "Capital" province
                    candidates[m.name] = _not_generic(self.gazetteer.close_names(m.name))
                    if candidates[m.name]:
                        misspelled.add(m.name)
                    if not candidates[m.name]:
                        candidates[m.name] = _not_generic(self.gazetteer.transliterated(m.name))
                        transliterated.add(m.name)
                    if candidates[m.name]:
                        spelled.add(m.name)
                elif not candidates[m.name]:
                    # "near Hodeidah", with no bare "Hodeidah" in the story: a phrase
                    # takes a transliteration only when it reaches one place alone
                    # ("Kisima area" reaches Kisumu, Kasama and Kissimmee: none)
                    loose = self.gazetteer.transliterated(m.name)
                    if len(loose) == 1:
                        candidates[m.name] = loose
                        transliterated.add(m.name)
                        spelled.add(m.name)
        for name in _told_as_towns(text, mentions):
            # "in Costa Rica, a town of about 25,000 people south of Culiacán": the
            # aside says what the place is, and no country or province is a town
            towns = [c for c in candidates.get(name, []) if c.feature == "city"]
            if towns:
                candidates[name] = towns
        council_names = _council_names(text, mentions)
        if council_names:
            # "in Guma local government area": a district of a country that calls
            # its districts so (Nigeria, Australia) or of a country the story names;
            # not Goma in the Philippines, nor Ukúm in Mexico
            named = self._countries_named_apart(mentions, candidates, council_names)
            for name in council_names:
                allowed = set(named) | _COUNCIL_COUNTRIES
                candidates[name] = [
                    c
                    for c in candidates.get(name, [])
                    # a country has councils, and is none; a foreign province is no
                    # council area ("in Bali local government area" is in Nigeria)
                    if c.country in allowed or c.feature == "country"
                ]
        if transliterated:
            # A loose spelling match counts only in a country whose places the rest
            # of the story names (not "Turkish-made drones"), unless the spellings
            # are close or it is a city of standing by its own name ("Velmora" is
            # not Valmiera; "Hodeidah" is Al Hudaydah; "Sakoira" is not Adapazarı,
            # once called Sakarya).
            # Close spellings only near a country whose places the story names:
            # "near Masisi, in North Kivu" is no Masasi, Tanzania; a national
            # adjective names an actor ("Russian jets bombed Tabqah").
            # nor count the loose matches among the countries named: "Sange" read as
            # Songea and "Masisi" as Masasi would each vouch for Tanzania
            known = {k: v for k, v in candidates.items() if k not in transliterated | misspelled}
            placed = self._context([m for m in mentions if not m.demonym_country], known).countries
            # the countries of the towns the story names, and of the countries it
            # names as places ("in eastern Congo"): "US forces struck Hodeidah"
            # names the United States as an actor, and no place there
            towns_in = {
                found[0].country
                for found in known.values()
                if found
                and found[0].feature == "city"
                and len({c.country for c in found}) == 1
                and found[0].country
            } | {
                str(found[0].country)
                for m in mentions
                if (found := known.get(m.name))
                and found[0].feature == "country"
                and _AFTER_A_PLACE_WORD.search(text, max(0, m.start - 40), m.start)
            }
            for name in transliterated:
                candidates[name] = [
                    c for c in candidates[name] if _keeps_its_words(name, c.matched_name)
                ]
                candidates[name] = [
                    c
                    for c in candidates[name]
                    if c.country in placed
                    or (
                        spelling_similarity(name, c.matched_name) >= _CLOSE_SPELLING
                        and (not placed or _near_a_country(c, placed))
                    )
                    or (
                        c.feature == "city"
                        and c.population >= TRANSLITERATED_STANDING
                        and c.matched_name == c.name  # not "Sakoira" for Adapazarı's "Sakarya"
                        # "a market in Sange", in a story on Uvira and Bukavu: no Songea,
                        # 900 km off in Tanzania
                        and (not towns_in or _near_a_country(c, towns_in))
                    )
                ]
        if district_towns:
            # only a town of a country the rest of the story names: "Chak District"
            # of an Afghan province is no Chak in Pakistan
            named = self._countries_named_apart(mentions, candidates, district_towns)
            for name in district_towns:
                # or, for a local government area, of a country that has them
                council = _COUNCIL_COUNTRIES if name in council_names else frozenset()
                allowed = set(named) | council
                candidates[name] = [c for c in candidates[name] if c.country in allowed]
        if misspelled:
            # A town one letter away counts only in a country the rest of the story
            # names, when it names any: "Masisi" near Goma is no Masasi in Tanzania,
            # where "Mauritious" is Mauritius.
            named = self._countries_named_apart(mentions, candidates, misspelled | transliterated)
            # the countries of the story's towns and provinces: a country named alone
            # may be an actor ("US aircraft struck the Deir Ezzor", "Iraq's minister")
            settled_in = (
                _countries_of_towns_and_provinces(
                    {k: v for k, v in candidates.items() if k not in misspelled | transliterated}
                )
                if named
                else set()
            )
            for name in misspelled if named else ():
                # a story that names no country ("Fighters attacked Kramatursk") keeps it
                candidates[name] = [
                    c
                    for c in candidates[name]
                    if c.country in named
                    # a country or a sea, anywhere; a province only where the story
                    # puts no town or province in another country: "the Red Bridge
                    # crossing near Zugdidi" is no Redbridge, a London borough
                    or (
                        c.feature in _WIDE_FEATURES
                        and (c.feature not in _PROVINCE_FEATURES or not settled_in)
                    )
                    or c.population >= _MISSPELT_STANDING
                ]
        for name in _only_inside_names(mentions):
            # "the New York Times" in a story on Ukraine is no village of Donetsk
            # oblast once called New York: a name an organisation bears is a great one
            candidates[name] = _the_great_of_the_name(candidates.get(name) or [])
        context = self._context(mentions, candidates)
        tagged = frozenset(m.name for m in mentions if m.label in _MODEL_PLACE_LABELS)
        town_parts = (
            frozenset(
                m.name for m in mentions if part_of_a_town(text, m) or district_of_a_town(text, m)
            )
            | _written_with_a_town(text, mentions, candidates)
        ) - council_names  # "the Lismore local government area": a district, no town's part
        strays = _stray_namesakes(candidates, context, tagged=tagged, town_parts=town_parts)
        if strays:
            # "the village of Chai" in a story about Mozambique is no Çey in Turkey:
            # without them the name is one no source holds, put where the text puts it.
            for name in strays:
                candidates[name] = []
            context = self._context(mentions, candidates)
        held = _held_in(text, mentions, candidates)
        if held:
            # "near Rama in Tigray" is no Rama in Nicaragua: a town the text puts
            # in a province or country is one of that province's or none.
            candidates.update(held)
            context = self._context(mentions, candidates)
        ruled_out: set[str] = set()
        for name in _named_as_a_division(text, mentions):
            # "a monastery in Kani township", "the Gombe district" in Kinshasa: a local
            # division, not the namesake town in a country the story has no tie to
            # (a people counts: "Russia shelled the Kherson district, Ukrainian
            # officials said" is Ukraine's Kherson)
            found = candidates.get(name) or []
            others = {k: v for k, v in candidates.items() if k != name}
            # only where the story's own towns or provinces say where it is, and
            # none lies in a country it names ("ICE agents arrested 40 in the
            # Atlanta district", with Guatemala named, places no town)
            settled_in = _countries_of_towns_and_provinces(others)
            tied = settled_in | set(self._context(mentions, others).countries)
            if (
                found
                and settled_in
                and all(c.country not in tied for c in found)
                and not any(c.population >= _METROPOLIS for c in found)
            ):
                candidates[name] = []
                ruled_out.add(name)
        if ruled_out:
            context = self._context(mentions, candidates)
        # "the Belgorod region", "the Odesa and Mykolaiv regions": the province.
        words = {
            index: word
            for index, m in enumerate(mentions)
            if _needs_lookup(m)
            and (word := _province_word_after(text, m) or _province_word_before(text, m))
        }
        # One sense per story: a name the article once calls a province ("the
        # Sagaing region") is the province where it is written bare ("air raids on
        # villages in Sagaing and Magway"), unless a city of standing bears it or
        # an area is known by the bare name ("Kurdistan" is Iraq's Kurdistan
        # Region, not Iran's province, after "Iraq's Kurdistan region").
        called = _called_a_province(mentions, words)
        for index, m in enumerate(mentions):
            if (
                index not in words
                and _needs_lookup(m)
                and m.name in called
                and not _a_city_of_standing(candidates.get(m.name) or [])
                and not _an_area_by_its_bare_name(candidates.get(m.name) or [])
                and not _A_TOWNS_SITE_AFTER.match(text[m.end : m.end + 40])
            ):
                words[index] = called[m.name]
        pools = {
            index: self._provinces_named(
                mentions[index].name, word, candidates.get(mentions[index].name) or []
            )
            for index, word in words.items()
        }
        pools = {index: found for index, found in pools.items() if found}
        for index, mention in enumerate(mentions):
            # "Pakistan-administered Kashmir": the part of Kashmir the words before say
            whole = _qualified_by_its_holder(text, mention)
            if whole is not None and (found := self._candidates(whole)):
                pools[index] = found
        for index, mention in enumerate(mentions):
            if index not in pools and _needs_lookup(mention) and candidates.get(mention.name):
                pools[index] = candidates[mention.name]

        def unplace(index: int) -> None:
            """Keep no candidate for the name: the words around it place it instead.

            One sense per story: the name said again ("they retook Palma") is the
            same place, not the namesake abroad the aside ruled out.
            """
            name = mentions[index].name
            for other, mention in enumerate(mentions):
                if mention.name == name:
                    pools.pop(other, None)
            candidates[name] = []
            ruled_out.add(name)

        for index in _provinces_put_in_another_country(text, mentions, pools, candidates):
            # "the Chaco region of Paraguay" is no province of Argentina: the name keeps
            # none, and the text places it in the country it names
            unplace(index)
        for index in [
            i
            for i in pools
            if self._none_in_the_country_written(
                text, mentions[i], pools[i], listed=_list_goes_on_after_next(text, mentions, i)
            )
        ]:
            # "Palma, in northern Mozambique", where the gazetteer knows only Spain's
            # Palma: no namesake abroad, and the text places it in the country it names
            unplace(index)
        for index in self._towns_of_the_story_abroad(text, mentions, pools, candidates):
            # "Insurgents attacked Mocimboa da Praia, Mozambique. … they overran the
            # coastal town of Palma": a town of the story, no Palma de Mallorca
            unplace(index)
        for index in list(pools):
            side = _side_written_after(text, mentions, index)
            if side is None or all(c.country == side for c in pools[index]):
                continue
            # "Poonch district on the Indian side of the Line of Control": the side
            # the text names holds it; failing a candidate there, the town the
            # district is named after, else none abroad
            kept = [c for c in pools[index] if c.country == side] or [
                c for c in self._district_town(mentions[index].name) if c.country == side
            ]
            if kept:
                pools[index] = kept
            else:
                unplace(index)
        # a name the words rule out abroad and call a place ("Palma, a town in
        # Mozambique's Cabo Delgado province"): the text places it
        mentions = [
            dataclasses.replace(m, label=FRAMED_LABEL)
            if m.name in ruled_out and m.label not in _PLACE_READINGS
            else m
            for m in mentions
        ]
        ranked: dict[int, list[Ranked]] = {}
        # A name said again with the same words around it ranks the same: each
        # pass ranks it once (the context changes only between the passes).
        first_pass: dict[tuple[object, ...], list[Ranked]] = {}
        for index, mention in enumerate(mentions):
            if index in pools:
                ranked[index] = self._rank(text, mention, pools[index], context, first_pass)
        # Second pass: confident choices anchor the rest by distance, and a
        # town right before ", <name>" says which state or country is meant.
        first = {index: best[0].candidate for index, best in ranked.items() if best}
        for index in ranked:
            best = ranked[index]
            if best and confidence_of(best) >= _ANCHOR_CONFIDENCE:
                c = best[0].candidate
                if c.feature not in ("country", "continent"):
                    context.anchors.append((c.lat, c.lon, name_key(mentions[index].name)))
                if c.feature == "admin1" and c.country and c.admin1:
                    context.provinces[(c.country, c.admin1)] += 1
        sentences = _Sentences(text, mentions)
        context.measure_ahead(
            (name_key(_anchor_text(text, mentions[index])), pools[index]) for index in ranked
        )
        second_pass: dict[tuple[object, ...], list[Ranked]] = {}
        for index, mention in enumerate(mentions):
            if index in ranked:
                ranked[index] = self._rank(
                    text,
                    mention,
                    pools[index],
                    context,
                    second_pass,
                    contained=self._preceding_town(text, mentions, index, first),
                    holds=_towns_of_its_sentence(mentions, index, first, sentences, pools[index]),
                    listed_with=_fellows(text, mentions, index, first, sentences),
                    list_goes_on=_list_goes_on_after_next(text, mentions, index),
                )
        within = self._within_possessor(text, mentions, ranked)
        within.update(self._in_its_nation(text, mentions, ranked, within))
        for index, best in ranked.items():
            if best and _generic_stray(mentions[index].name, best[0].candidate, context):
                # "West Coast" is not The Gambia's unless it is named; "the
                # Gulf" is a sea before Papua New Guinea's Gulf Province.
                name = mentions[index].name
                ranked[index] = [r for r in best if not _generic_stray(name, r.candidate, context)]
        resolved = [
            self._place_for(m, ranked.get(i), part=parts.get(m.name))
            for i, m in enumerate(mentions)
        ]
        for index, item in enumerate(resolved):
            if item.place is not None and item.mention.name in spelled:
                resolved[index] = Resolved(item.mention, _respelled(item.place, item.mention.name))
        for index, item in enumerate(resolved):
            resolved[index] = self._named_side(text, item) or on_its_side(text, _as_written(item))
        for index in range(len(resolved) - 1, -1, -1):
            item = resolved[index]
            if item.place is None and _unknown_place(item.mention, candidates):
                located = located_by_text(text, resolved, index)
                if located is not None:
                    resolved[index] = Resolved(item.mention, located)
            elif (far_part := a_part_far_from_its_town(text, resolved, index)) is not None:
                resolved[index] = Resolved(item.mention, far_part)  # "the Majengo area of Goma"
        in_a_town = {  # "the Damascus suburb of X": placed in Damascus below, not near it
            index
            for index, owner in within.items()
            if (where := resolved[owner].place) is not None and where.feature == "city"
        }
        self._place_in_towns(text, resolved, candidates, context, sentences, in_a_town)
        _along_shared_borders(resolved, sentences)
        for index, owner in within.items():
            item, where = resolved[index], resolved[owner].place
            if where is None or _kept_within(item.place, where):
                continue
            name = item.mention.name
            if mentions[owner].kind is MentionKind.DEMONYM:
                wording = f"'{text[mentions[owner].start : item.mention.end]}'"
            elif owner < index:
                wording = f"'{where.label}'s {name}'"
            elif text[item.mention.end : resolved[owner].mention.start].strip() == ",":
                wording = f"'{name}, {where.label}'"  # "Cedros, Trinidad"
            else:
                wording = f"'{name} in {where.label}'"
            resolved[index] = Resolved(
                item.mention,
                placed_within(
                    name,
                    where,
                    why=f"no {name} in {where.label} in the gazetteer; {wording} puts it there",
                ),
            )
        return resolved

    def _in_its_nation(
        self,
        text: str,
        mentions: Sequence[Mention],
        ranked: dict[int, list[Ranked]],
        within: dict[int, int],
    ) -> dict[int, int]:
        """Put "the Mozambican town of Palma" in Mozambique when no Palma there is known.

        The national adjective (:func:`~geo.located.nation_before`) names the
        country; a namesake far beyond it (Palma de Mallorca, 8,000 km off) is
        not the town, so its ranking is emptied and the returned map (the
        town's index to the adjective's) lets the caller place it within the
        country. A namesake in that country, or one near enough to be its
        disputed ground ("the Russian port of Sevastopol"), stays as ranked. A
        town no source holds is placed within the country too ("the Malian town
        of Diafarabe").
        """
        placed: dict[int, int] = {}
        for index, mention in enumerate(mentions):
            adjective = nation_before(text, mentions, index)
            if index in within or adjective is None:
                continue
            best = ranked.get(index)
            if not best:
                # "the Malian town of Diafarabe", which no source holds: in Mali
                if mention.label in _PLACE_READINGS:
                    placed[index] = adjective
                continue
            code = mentions[adjective].demonym_country or ""
            shape = country_shape(code)
            if shape is None or any(r.candidate.country == code for r in best):
                continue
            top = best[0].candidate
            if shape.distance(Point(top.lon, top.lat)) > _NATION_REACH_DEGREES:
                ranked[index] = []
                placed[index] = adjective
        return placed

    @staticmethod
    def _within_possessor(
        text: str, mentions: Sequence[Mention], ranked: dict[int, list[Ranked]]
    ) -> dict[int, int]:
        """Keep to the candidates inside X for Y in "X's Y district"; say which Y had none.

        "Istanbul's Sariyer district" names a district of Istanbul: a village
        of that name 200 km away is not it, however the scores stand. Each
        such Y keeps only its candidates that lie within X's first choice
        (:func:`~geo.located.lies_within`), each with a reason that says so.
        When none does, its ranking is emptied, and the returned map (Y's
        index to X's) lets the caller place Y within X instead. A Y no
        source holds is in the map too. "X, Y" with Y a country, a province or
        an island (:func:`~geo.located.qualifier_after`) corrects only a small
        town of X's name elsewhere ("Cedros, Trinidad"); any entry inside Y,
        or a town of standing, leaves X's ranking as it is. A name the text
        calls a part of a town ("the Tierra Blanca neighbourhood") is in the
        town its sentence names before it ("In Culiacán, soldiers fought
        gunmen in the Tierra Blanca neighbourhood"), as if written "of Y".
        """
        within: dict[int, int] = {}
        for index, mention in enumerate(mentions):
            owner = possessor(text, mentions, index)
            written_in = owner is None
            if written_in:
                owner = container_after(text, mentions, index)
            qualified = town_part = False
            best = ranked.get(index)
            if (
                owner is not None
                and written_in
                and a_part_of_the_next(text, mentions, index)
                and _the_town_of_its_part(best, ranked.get(owner))
            ):
                owner = None  # "the Damascus suburb of Jaramana": Damascus holds the suburb
            if (
                owner is None
                and index
                and a_part_of_the_next(text, mentions, index - 1)
                and (holder := ranked.get(index - 1))
                and (not best or _abroad(best, holder[0].candidate))
                and _the_town_of_its_part(holder, best)
            ):
                # "the Homs neighbourhood of Baba Amr", which no source holds, or only
                # abroad: a part of Homs, as "Homs's Baba Amr neighbourhood" would say
                # (a town of its country keeps its reading: "the Tehran suburb of Karaj")
                owner, written_in = index - 1, False
            if (
                owner is None
                and not (best and best[0].candidate.feature in _WIDE_FEATURES)
                and part_of_a_town(text, mention)
                # "the Delmas neighbourhood of Port-au-Prince": Delmas is the part
                and not (index and a_part_of_the_next(text, mentions, index - 1))
            ):
                owner = _town_named_before_in_its_sentence(text, mentions, index, ranked)
                town_part = owner is not None
            if owner is None and best and a_crossing_of_streets(text, mention):
                # "clashed in Dhaka, leaving two dead near the Gulistan intersection": a
                # crossing of Dhaka's streets, when no candidate is in Dhaka's country
                # (not "shelled the Pokrovsk crossroads", a town of the same country)
                town = _town_named_before_in_its_sentence(text, mentions, index, ranked)
                if town is not None and ranked.get(town):
                    country = ranked[town][0].candidate.country
                    if country and all(r.candidate.country != country for r in best):
                        owner, town_part = town, True
            if owner is None:
                owner = qualifier_after(text, mentions, index)
                qualified = owner is not None
            if owner is None or not ranked.get(owner):
                continue
            if qualified and best:
                # "in Isulan, Sultan Kudarat": the province that holds the town, not
                # a city of the name 77 km off (tester round 38, F2)
                ranked[owner] = _the_province_first(ranked[owner], best[0].candidate)
            container = ranked[owner][0].candidate
            if qualified:
                # "Cedros, Trinidad": a small town of the name elsewhere is a namesake
                # the island corrects; a town of standing or a list stays as ranked
                if (
                    container.feature not in _QUALIFYING_WHOLES
                    or not container.country
                    or not best
                    or not _small_or_local(mention, best[0].candidate)
                    or any(
                        lies_within(r.candidate, container)
                        or near_the_heart_of(r.candidate, container)
                        for r in best
                    )
                ):
                    continue
                ranked[index] = []
                within[index] = owner
                continue
            if not best:
                # "X in Y" with no X in the gazetteer is located_by_text's.
                if mention.label in _PLACE_READINGS and not written_in:
                    within[index] = owner
                continue
            part = written_in and (town_part or a_part_of_the_next(text, mentions, index))
            if written_in and not part and best[0].candidate.feature in _WIDE_FEATURES:
                continue  # "Russia in Syria", "Texas in the US": not a part of Y
            inside = (
                [r for r in best if lies_within(r.candidate, container)]
                or [r for r in best if near_the_heart_of(r.candidate, container)]
                # none filed there: a province split or renamed since holds those near
                # its heart, and a city the suburbs its province around it files
                or [
                    r
                    for r in best
                    if container.feature == "city" and by_the_town(r.candidate, container)
                ]
            )
            if not inside:
                if written_in and not (
                    part
                    or (
                        container.feature in _PROVINCE_FEATURES
                        and best[0].candidate.feature == "city"
                        and best[0].candidate.country != container.country
                    )
                    or _small_or_local(mention, best[0].candidate)
                    or written_as_a_part(text, mention)
                ):
                    continue  # "fans from Chicago in Paris": a city of standing stays
                ranked[index] = []
                within[index] = owner
                continue
            says = f"'in {mentions[owner].name}'" if written_in else f"'{mentions[owner].name}'s'"
            note = f"in {container.name}, as {says} says"
            ranked[index] = [replace(r, reasons=(note, *r.reasons)) for r in inside]
        return within

    @staticmethod
    def _place_in_towns(
        text: str,
        resolved: list[Resolved],
        candidates: dict[str, list[Candidate]],
        context: ArticleContext,
        sentences: _Sentences,
        written_within: AbstractSet[int] = frozenset(),
    ) -> None:
        """Put what no gazetteer holds around the town the article names nearest to it.

        Streets and buildings lie in that town, one their own sentence names
        first (:func:`~geo.local_places.town_for`). A name the model tags as a
        place that no source knows ("Toomevara") is put in that town's area
        only when the town lies in the country the story names most: local
        news names villages near its towns, world news jumps between
        countries. A name the words place in a town (``written_within``:
        "the Damascus suburb of X") is left for the caller to place there.
        """
        home = max(context.countries, key=lambda c: (context.countries[c], c), default=None)
        towns = town_indices(resolved, text)  # what this loop puts in towns is never a town
        if home is None:
            # a wire that names no country ("TRIPOLI - … rallied in Martyrs' Square"):
            # the one country all its towns lie in
            countries = {place.country for i in towns if (place := resolved[i].place)}
            home = next(iter(countries)) if len(countries) == 1 else None
        town_set = frozenset(towns)
        sections = heading_sections(text)

        def home_of(mention: Mention) -> str | None:
            """The country the mention's section names most ("## Bangladesh"), else the story's."""
            section = section_of(text, sections, mention.start)
            if section is None:
                return home
            named: Counter[str] = Counter()
            for item in resolved:
                place = item.place
                if section[0] <= item.mention.start < section[1] and place and place.country:
                    named[place.country] += 2 if place.feature == "country" else 1
            return max(named, key=lambda c: (named[c], c)) if named else home

        waiting: list[tuple[int, bool]] = []
        # One sense per story: a name placed once is placed there again ("stormed
        # Al-Khuwei" in West Kordofan, then "denied attacking civilians in
        # Al-Khuwei"), and the area its own sentence names outranks a town.
        placed: dict[str, Place] = {
            item.mention.name: item.place
            for item in resolved
            if item.place is not None and item.place.feature == LOCATED_FEATURE
        }  # what the words after a name placed ("Harardhere in Mudug") holds it later too
        facilities = _facility_names(resolved)
        for index, item in enumerate(resolved):
            if item.place is not None or index in written_within:
                continue
            mention = item.mention
            if (
                mention.kind is MentionKind.TOPONYM
                and mention.name in placed
                and not candidates.get(mention.name)
            ):
                # "attacked Palma, a town in Mozambique's Cabo Delgado province. …
                # they retook Palma": the name the aside placed, said again
                resolved[index] = Resolved(mention, placed[mention.name])
                continue
            unknown_place = _unknown_place(mention, candidates)
            local = mention.label == LOCAL_LABEL or looks_local_name(mention.name)
            if not (unknown_place or local):
                continue
            bounds = sentences.around(mention)
            area = (
                _area_beside(text, resolved, index, sentences.mentions_within(*bounds), town_set)
                if unknown_place
                else None
            )
            if area is None:
                waiting.append((index, unknown_place))
                continue
            within = placed_within(
                mention.name,
                area,
                why=f"not in the gazetteer; its sentence names {area.label} and no town",
            )
            resolved[index] = Resolved(mention, within)
            placed.setdefault(mention.name, within)
        for index, unknown_place in waiting:
            mention = resolved[index].mention
            if _far_from_its_name(mention):
                # "200 km west of Oshima-Oshima, Tokyo said": the name's guessed place
                # says nothing of a point that far from it
                continue
            if unknown_place and mention.name in placed:
                resolved[index] = Resolved(mention, placed[mention.name])
                continue
            longer = _named_in_full_before(facilities, index, mention.name)
            if longer is not None:
                # "Mitiga International Airport", then "the apron at Mitiga"
                resolved[index] = Resolved(mention, longer)
                continue
            if unknown_place and _wider_than_a_town(mention.name):
                # "Colombia's Catatumbo region", "the Neelum Valley": no town's point,
                # and least of all a dateline's, stands for an area that size
                continue
            bounds = sentences.around(mention)
            if unknown_place and _told_as_nearby(text, mention):
                # "A second strike hit the nearby village of X": near the place just
                # told (in its sentence or the one before), not a town of a later
                # sentence, the dateline's least of all; else a town its own
                # sentence names after it, else none
                floor = sentences.start_before(bounds[0])
                nearby = _the_place_told_before(text, resolved, index, town_set, floor=floor)
                if nearby is not None:
                    resolved[index] = Resolved(mention, nearby)
                    placed.setdefault(mention.name, nearby)
                    continue
                if not any(k in town_set and k > index for k in sentences.mentions_within(*bounds)):
                    continue
            district = unknown_place and district_of_a_town(text, mention)
            own_home = home_of(mention)  # a digest's section: "## Bangladesh"
            town = town_for(
                index,
                resolved,
                towns,
                sentence=bounds,
                home=own_home,
                text=text,
                strict=unknown_place,
                district=district,
            )
            if town is None or (
                unknown_place
                and town.country != own_home
                and not (district and town.confidence >= SURE_TOWN)
            ):
                continue  # a name no source knows lies in the story's country
            around = place_in_town(
                mention,
                town,
                unknown_place=unknown_place,
                town_part=part_of_a_town(text, mention),
            )
            resolved[index] = Resolved(mention, around)
            _add_facility(facilities, index, resolved[index])
            if unknown_place:
                placed.setdefault(mention.name, around)

    # -- lookups --------------------------------------------------------------
    def _candidates(self, name: str) -> list[Candidate]:
        known = self._looked_up.get(name)
        if known is None:
            found = self.geocoder.geocode(name, exactly_one=False, limit=_CANDIDATE_LIMIT)
            locations = (found if isinstance(found, list) else [found]) if found else []
            known = _without_misplaced_provinces(
                tuple(candidate_from_location(loc, service=self._service) for loc in locations)
            )
            if len(self._looked_up) >= _LOOKUP_CACHE_NAMES:
                self._looked_up.clear()
            self._looked_up[name] = known
        return list(known)

    def _provinces_named(
        self, name: str, word: str, by_name: list[Candidate], *, one_name: bool = False
    ) -> list[Candidate]:
        """The provinces a name followed by a kind word ("Belgorod region") can be.

        First those known by the whole phrase ("Belgorod Region", "Kherson
        Oblast"), else the provinces among the name's own candidates, else a
        province the name transliterates ("Anbar province" is Al Anbar, not
        a Turkish town) or, when the model read name and word as one name
        (``one_name``), misspells ("Sulaimaniyah province"; not "the
        mid-Atlantic states", which is no Atlántico); empty when the name is
        no province's.
        """
        whole = [c for c in self._candidates(f"{name} {word}") if c.feature == "admin1"]
        return (
            whole
            or [c for c in by_name if c.feature == "admin1"]
            or self._province_of_namesake_town(name, word, by_name)
            or [c for c in self.gazetteer.transliterated(name) if c.feature == "admin1"]
            or (
                [c for c in self.gazetteer.close_names(name) if c.feature == "admin1"]
                if one_name
                else []
            )
        )

    def _province_of_namesake_town(
        self, name: str, word: str, by_name: list[Candidate]
    ) -> list[Candidate]:
        """The province a town of the name lies in, when the province is named after it.

        "the Zaporizhzhia region" where the sources spell the province
        "Zaporizhzhya" or "Zaporizka": the town of Zaporizhzhia lies in it, and
        a province named after its seat shares the seat's first letters. "The
        Dallas region" is no province: Texas is not named after Dallas.
        """
        stem = name_key(name)[:_NAMESAKE_STEM]
        for town in by_name:
            if town.feature != "city" or not town.country or not town.admin1:
                continue
            for province_name in admin1_names(f"{town.country}-{town.admin1}"):
                if name_key(province_name)[:_NAMESAKE_STEM] != stem:
                    continue
                return [
                    c
                    for c in self._candidates(f"{province_name} {word}")
                    if c.feature == "admin1"
                    and (c.country, c.admin1) == (town.country, town.admin1)
                ]
        return []

    def _without_kind_word(self, name: str) -> list[Candidate]:
        """Candidates of the kind a trailing word names, looked up without it."""
        head, word = _kind_split(name)
        features = _KIND_FEATURES.get(word.lower())
        if not head or features is None:
            return []
        # a county or district is a province in some countries ("Tulcea county")
        wanted = {features, "admin2"} if features in ("admin1", "admin2") else {features}
        if features == "admin2":
            wanted.add("admin1")
        found = [c for c in self._candidates(head) if c.feature in wanted]
        if not found and features == "admin1" and not head.lower().startswith(("al", "el")):
            # "Hasakah province": the sources write the province "Al-Hasakah"
            found = [c for c in self._candidates(f"Al-{head}") if c.feature in wanted]
        if not found and features == "admin1":
            # "the Zaporizhzhia oblast" as one name: as "the Zaporizhzhia region" is read
            found = self._provinces_named(head, word.lower(), self._candidates(head), one_name=True)
        return found

    def _district_town(self, name: str) -> list[Candidate]:
        """The towns a district no source holds is named after ("Jiribam district")."""
        head, word = _kind_split(name)
        if not head or _KIND_FEATURES.get(word.lower()) != "admin2":
            return []
        if _COUNCIL_SUFFIX.search(name):
            head = _A_SIDE_AT_THE_END.sub("", head)  # "Kaduna South LGA": a side of Kaduna's
        return [c for c in self._candidates(head) if c.feature == "city"]

    def _countries_named_apart(
        self,
        mentions: Sequence[Mention],
        candidates: dict[str, list[Candidate]],
        apart: AbstractSet[str],
    ) -> dict[str, int]:
        """The countries the story names, from every name but those ``apart`` (loose matches)."""
        known = {k: v for k, v in candidates.items() if k not in apart}
        return self._context(mentions, known).countries

    def _context(
        self, mentions: Sequence[Mention], candidates: dict[str, list[Candidate]]
    ) -> ArticleContext:
        context = ArticleContext(countries=Counter())
        for mention in mentions:
            if mention.demonym_country:
                context.countries[mention.demonym_country] += 1
                continue
            found = candidates.get(mention.name) or []
            if found and found[0].feature == "country":
                context.countries[str(found[0].country)] += 2
            elif (
                len({c.country for c in found}) == 1
                and found[0].country
                and not _is_generic_name(mention.name)
            ):
                # A generic name ("Gulf", "West Coast") cannot vouch for the
                # country of its only entry: that is what is in question.
                context.countries[found[0].country] += 1
                context.vouched.setdefault(name_key(mention.name), Counter())[found[0].country] += 1
        neighbours = country_neighbours()
        for code, count in context.countries.items():
            for other in neighbours.get(code, ()):
                context.neighbours[other] += count
        for code in context.countries:
            country = self.gazetteer.country(code)
            if country is not None:
                context.country_points[code] = (country.lat, country.lon)
        return context

    def _rank(
        self,
        text: str,
        mention: Mention,
        candidates: list[Candidate],
        context: ArticleContext,
        memo: dict[tuple[object, ...], list[Ranked]],
        *,
        contained: Candidate | None = None,
        listed_with: Sequence[Candidate] = (),
        list_goes_on: bool = False,
        holds: Sequence[Candidate] = (),
    ) -> list[Ranked]:
        """The mention's candidates ranked; ``memo`` keeps the rankings of one pass.

        A ranking depends on the pool, the context and what the words around
        the name say; the key holds all of these but the context, which the
        caller keeps fixed for the memo's life. A landform word right after
        the name ("the Yarmouk basin") says it is no small town.
        """
        pool = id(candidates)  # the memo's key for the pool, whatever is dropped below
        landform = mention.anchor_end == mention.end and bool(
            _LANDFORM_AFTER.match(text, mention.end)
        )
        if landform:
            # a town of standing may name its valley ("the Kathmandu valley"), where a
            # smaller namesake lies elsewhere ("the Yarmouk basin" is no al-Yarmouk)
            candidates = [
                c
                for c in candidates
                if c.feature != "city" or c.population >= TRANSLITERATED_STANDING
            ]
        qualifier = self._qualifier(text, mention, candidates)
        if (
            qualifier is not None
            and list_goes_on
            and sum(s.feature == qualifier.feature for s in listed_with) >= 2
            and any(c.feature == qualifier.feature for c in candidates)
        ):
            # "cases in Washington, Pennsylvania and California": a list of
            # states, not the town of Washington in Pennsylvania.
            qualifier = None
        mention_text = _anchor_text(text, mention)
        named_kind = _kind_named_before(text, mention)
        sided = (
            mention.kind is MentionKind.TOPONYM
            and compass_word_before(text, mention.start) is not None
        )
        key = (
            pool,
            landform,
            mention_text,
            named_kind,
            sided,
            *(None if c is None else c.gazetteer_id for c in (qualifier, contained)),
            tuple(c.gazetteer_id for c in listed_with),
            tuple(c.gazetteer_id for c in holds),
        )
        kept = memo.get(key)
        if kept is None:
            kept = memo[key] = rank_candidates(
                candidates,
                mention_text=mention_text,
                context=context,
                qualifier=qualifier,
                contained=contained,
                listed_with=listed_with,
                named_kind=named_kind,
                sentence_towns=holds,
                sided=sided,
            )
        return list(kept)

    @staticmethod
    def _preceding_town(
        text: str, mentions: Sequence[Mention], index: int, first: dict[int, Candidate]
    ) -> Candidate | None:
        """The town in "Atlanta, Georgia" when ``mentions[index]`` is "Georgia"."""
        if index == 0 or index - 1 not in first:
            return None
        before = mentions[index - 1]
        between = text[before.end : mentions[index].start]
        town = first[index - 1]
        if between.strip() == "," and town.feature == "city":
            return town
        return None

    def _qualifier(
        self, text: str, mention: Mention, candidates: Sequence[Candidate]
    ) -> Candidate | None:
        """The state or country in a "Paris, Texas" pattern right after the name.

        Of the states and countries the qualifier may be, one that holds a
        place of the name: "Athens, Georgia" is the US state, since the country
        Georgia has no Athens.
        """
        window = text[mention.anchor_end : mention.anchor_end + 80]
        found = _QUALIFIER.match(window)
        if not found:
            return None
        name = found.group(1).strip()
        possessive = name.endswith(("'s", "’s"))
        if possessive:
            # "Tripoli, Lebanon's second city": whose town it is, not a place of its own
            if not _TOWN_OF_ITS_HOLDER.match(window, found.end(1)):
                return None
            name = name[:-2]
        wholes = [c for c in self.gazetteer.candidates(name) if c.feature in ("country", "admin1")]
        holding = (w for w in wholes if any(qualified_by(c, w) for c in candidates))
        # a possessive only says whose town it is when the name has one there
        return next(holding, wholes[0] if wholes and not possessive else None)

    def _towns_of_the_story_abroad(
        self,
        text: str,
        mentions: Sequence[Mention],
        pools: Mapping[int, Sequence[Candidate]],
        candidates: dict[str, list[Candidate]],
    ) -> list[int]:
        """Mentions told as a town or village of the story whose every entry lies abroad.

        "the coastal town of Palma" in a story whose other places all lie in
        Mozambique: a kind word that says the place is a town or a village
        ("town", "village", "locality"; not "city", which names big ones
        anywhere), and no candidate in a country the rest of the story names
        as a place or puts its towns in, nor in a neighbour of one.
        """
        framed = [
            i
            for i in pools
            if _A_TOWN_OF_BEFORE.search(text, max(0, mentions[i].start - 40), mentions[i].start)
            and pools[i]
            and all(c.feature == "city" for c in pools[i])
        ]
        # and, in a story of one country, a name only small towns abroad bear ("fled
        # towards Bambui" in a story of Bamenda is no Bambuí in Brazil)
        small = [
            i
            for i in pools
            if i not in framed
            and pools[i]
            and all(c.feature == "city" and c.population < _SMALL_TOWN for c in pools[i])
            # not one whose country or state the text writes after it: "Weybridge, England"
            and self._qualifier(text, mentions[i], pools[i]) is None
        ]
        framed += small
        if not framed:
            return []
        neighbours = country_neighbours()
        places = [m for m in mentions if not m.demonym_country]
        # what the whole story vouches for, less what the name itself does: one pass
        # over the story, not one per name
        whole = self._context(places, candidates).countries
        abroad: list[int] = []
        for i in framed:
            own = self._context(
                [m for m in places if m.name == mentions[i].name], candidates
            ).countries
            story = {code for code, count in whole.items() if count > own.get(code, 0)}
            if not story or (
                i in small and (len(story) > 1 or len(_towns_only_in(story, pools, i)) < 2)
            ):
                continue
            reach = story.union(*(neighbours.get(code, ()) for code in story))
            if all(c.country not in reach for c in pools[i]):
                abroad.append(i)
        return abroad

    def _none_in_the_country_written(
        self, text: str, mention: Mention, candidates: Sequence[Candidate], *, listed: bool
    ) -> bool:
        """Whether the text puts a town in a country where none of its candidates lies.

        "Palma, Mozambique" or "Palma, in northern Mozambique": a country
        written right after the name and a comma, which holds no town of the
        name the gazetteer knows. Not when a candidate is the country itself
        or a province ("Georgia, Russia said" is no town), nor when ``listed``:
        the name after the comma goes on into a list ("trips to Saipan, Guam,
        Alaska").
        """
        if _FROM_BEFORE.search(text, max(0, mention.start - 6), mention.start):
            return False  # "fans from Palma, in Germany for the match": where the fans are
        qualifier = self._qualifier(text, mention, candidates)
        country = qualifier if qualifier is not None and qualifier.feature == "country" else None
        if country is not None and listed:
            return False  # "trips to Saipan, Guam, Alaska": a list, no qualifier
        if country is None:
            found = _IN_A_COUNTRY_AFTER.match(text, mention.anchor_end)
            if found is None:
                return self._none_in_the_province_written(text, mention, candidates)
            named = self.gazetteer.candidates(found.group(1))
            country = next((c for c in named if c.feature == "country"), None)
            if country is None:
                return self._none_in_the_province_written(text, mention, candidates)
            namesakes_in = {t.country for t in candidates}
            if text.startswith(("'s", "’s"), found.end(1)) and any(
                c.feature == "admin1" and c.country in namesakes_in for c in named
            ):
                # "Albany, in Georgia's Dougherty County": the state of a country one of
                # the town's namesakes lies in, not the country
                return False
        towns = [c for c in candidates if c.feature == "city"]
        return (
            bool(towns)
            and len(towns) == len(candidates)
            and all(c.country != country.country for c in towns)
        )

    def _none_in_the_province_written(
        self, text: str, mention: Mention, candidates: Sequence[Candidate]
    ) -> bool:
        """Whether the text puts a town in a province or commune of a country none lies in.

        "near Lere, in the Timbuktu region," where the gazetteer knows Léré in
        Chad and Nigeria, not Mali's; "Saint-Louis, in the commune of
        Mont-Dore," in New Caledonia. The aside names its kind ("region",
        "commune of"), and each candidate is a town of another country.
        """
        found = _IN_A_PROVINCE_AFTER.match(text, mention.anchor_end)
        if found is None:
            return False
        name, kind_after = found.group(2), found.group(3)
        # the province by its name, or by its name and kind ("Timbuktu region" is
        # Tombouctou); a town only after "commune of" and the like
        named = [c for c in self.gazetteer.candidates(name) if c.exact_name]
        if kind_after:
            named += self.gazetteer.candidates(f"{name} {kind_after}")
        wholes = [
            c for c in named if c.feature == "admin1" or (found.group(1) and c.feature == "city")
        ]
        if not wholes:
            return False
        towns = [c for c in candidates if c.feature == "city"]
        return (
            bool(towns)
            and len(towns) == len(candidates)
            and all(c.country != w.country for c in towns for w in wholes)
        )

    # -- building places -------------------------------------------------------
    def _named_side(self, text: str, item: Resolved) -> Resolved | None:
        """A sea's side the gazetteer names: "the eastern Mediterranean" is its Levantine basin.

        A lower-case side word before a sea ("over the eastern Mediterranean")
        names a water the gazetteer may hold on its own, with its own
        outline; the sea's half past its middle (:func:`on_its_side`) is the
        fallback. ``None`` when there is no such entry.
        """
        mention, place = item.mention, item.place
        if (
            place is None
            or place.feature not in WATERS
            or mention.kind is not MentionKind.TOPONYM
            or names_an_office(text, mention.end)
        ):
            return None
        side = compass_word_before(text, mention.start)
        if side is None or " and " in side[0]:
            return None
        word = side[0]
        name = strip_article(mention.name)
        for written in (f"{word} {name}", f"{side[1]} {name}"):
            for candidate in self.gazetteer.candidates(written):
                if candidate.feature in WATERS and candidate.gazetteer_id != place.gazetteer_id:
                    found = self._base_place(
                        candidate,
                        confidence=place.confidence,
                        alternatives=(),
                        reason=f"'{word} {name}' is the gazetteer's {candidate.name}",
                    )
                    return Resolved(mention, replace(found, written=f"{word} {name}"))
        return None

    def _place_for(
        self, mention: Mention, ranked: list[Ranked] | None, *, part: str | None = None
    ) -> Resolved:
        """The place of one mention; ``part`` is the direction of a part-name ("south")."""
        if mention.demonym_country:
            country = self.gazetteer.country(mention.demonym_country)
            if country is None:
                return Resolved(mention, None)
            base = self._base_place(
                country,
                confidence=0.9,
                alternatives=(),
                reason=(
                    f"'{mention.text.split()[0]}' stands for {country.name}, named above it"
                    if mention.label == ANTECEDENT_LABEL
                    else f"'{mention.name}' is the national adjective"
                ),
            )
        elif ranked:
            best = ranked[0]
            if best.candidate.source == ANALYST_SOURCE:
                base = self._base_place(
                    best.candidate, confidence=1.0, alternatives=(), reason=ANALYST_SOURCE
                )
            else:
                base = self._base_place(
                    best.candidate,
                    confidence=confidence_of(ranked),
                    alternatives=alternatives_of(ranked),
                    reason="; ".join(best.reasons) or "the only match",
                )
        else:
            return Resolved(mention, None)
        if part is not None:
            # "Southern Syria": a side of an outline, else a part at the whole's point
            base = side_of_area(base, name=mention.name, direction=part) or part_of(
                base, name=mention.name, direction=part
            )
        if mention.kind is MentionKind.PHRASE and mention.area is not None:
            return Resolved(mention, self._area_place(mention, base))
        return Resolved(mention, base)

    def _base_place(
        self,
        candidate: Candidate,
        *,
        confidence: float,
        alternatives: tuple[Alternative, ...],
        reason: str,
    ) -> Place:
        geometry, precision, radius = _geometry_of(candidate)
        return Place(
            gazetteer_id=candidate.gazetteer_id,
            name=candidate.name,
            country=candidate.country,
            feature=candidate.feature,
            geometry=geometry,
            lat=round(candidate.lat, 5),
            lon=round(candidate.lon, 5),
            precision=precision,
            radius_km=radius,
            confidence=confidence,
            source=candidate.source,
            alternatives=alternatives,
            reason=reason,
            population=candidate.population,
        )

    def _area_place(self, mention: Mention, base: Place) -> Place:
        assert mention.area is not None
        is_country = base.feature == "country"
        if (
            is_country
            and mention.area.kind is AreaKind.OFFSET
            and mention.area.distance_km is None
            and mention.area.bearing_deg is not None
            and not mention.area.loose
        ):
            # "a boat north of Venezuela" lies past its edge, not at its middle
            beyond = beyond_its_side(
                base, name=_area_name(mention, base), bearing_deg=mention.area.bearing_deg
            )
            return base if beyond is None else beyond
        if is_country and mention.area.kind.value in ("vicinity", "offset"):
            return base  # "around Syria" is Syria: a country has no useful vicinity
        spec = mention.area
        if (
            spec.kind is AreaKind.VICINITY
            and spec.distance_km is None
            and base.radius_km is not None
            and base.radius_km > areas.VICINITY_KM
        ):
            # "near the Paracels", "near the Assam border": around an island group or
            # a province reaches past its own spread, not 10 km from its middle
            spec = replace(spec, distance_km=base.radius_km + areas.VICINITY_KM)
        result = _area_for(spec, base.lat, base.lon, base.country, is_country)
        if result is None:
            return base
        suffix = mention.area.kind.value
        if mention.area.distance_km is not None:
            suffix += f"-{mention.area.distance_km:g}km"
        if mention.area.bearing_deg is not None:
            suffix += f"-{mention.area.bearing_deg:g}deg"
        return Place(
            gazetteer_id=f"{base.gazetteer_id}#{suffix}",
            name=_area_name(mention, base),
            country=base.country,
            feature=result.feature,
            geometry=result.geometry,
            lat=round(result.lat, 5),
            lon=round(result.lon, 5),
            precision=result.precision,
            radius_km=None if result.radius_km is None else round(result.radius_km, 1),
            confidence=round(base.confidence * 0.9, 3),
            source=base.source,
            alternatives=base.alternatives,
            reason=f"{mention.area.kind.value} of {base.name}; {base.reason}",
        )


_AREA_LABELS = {
    "airspace": "{} airspace",
    "coast": "{} coast",
    "offshore": "Sea off {}",
    "vicinity": "{} area",
}


def _area_name(mention: Mention, base: Place) -> str:
    area = mention.area
    assert area is not None
    if area.kind is AreaKind.OFFSHORE and area.distance_km == TERRITORIAL_SEA_KM:
        return f"Territorial waters of {base.name}"
    if area.kind.value != "offset":
        return _AREA_LABELS[area.kind.value].format(base.name)
    direction = _compass(area.bearing_deg) if area.bearing_deg is not None else None
    distance = f"{area.distance_km:g} km " if area.distance_km is not None else ""
    if direction:
        text = f"{distance}{direction} of {base.name}"
        return text[:1].upper() + text[1:]
    text = f"{distance}from {base.name}"
    return text[:1].upper() + text[1:]


def _compass(bearing: float) -> str:
    names = (
        "north",
        "north-east",
        "east",
        "south-east",
        "south",
        "south-west",
        "west",
        "north-west",
    )
    return names[round(bearing / 45) % 8]


#: Words that name a kind of place or a direction, not one place: a name made
#: only of them ("West Coast", "Gulf", "Lakes", "Delta") is a specific province
#: or town only where the article is about its country.
_GENERIC_WORDS = POSITION_WORDS | frozenset(
    {
        "coast",
        "gulf",
        "valley",
        "lakes",
        "lake",
        "bay",
        "islands",
        "delta",
        "highlands",
        "lowlands",
        "plains",
        "hills",
        "mountains",
        "capital",
        "harbour",
        "harbor",
        "port",
        "republic",
        "the",
    }
)


_LIST_SEPARATOR = re.compile(r"^\s*(?:,|,?\s*(?:and|or|&))\s*$")
#: The kinds of place whose siblings in a list say what a shared name is:
#: "Utah, Washington and Wisconsin" are states; "Georgia, Armenia and
#: Azerbaijan" countries. Towns say nothing: any name has towns.
_LISTED_FEATURES = frozenset({"admin1", "country"})
_KIND_BEFORE = re.compile(
    r"(?:\bthe|['’]s)\s+(?:[\w-]+\s+){0,4}?"
    r"(state|province|county|city|town|village|country|republic)"
    r" of\s+(?:the\s+)?$",
    re.IGNORECASE,
)
""""the (neighbouring) state of X" and "Brazil's state of X" name X a state; "a county of
Taiwan" does not."""
_PROVINCE_WORDS = (
    "region",
    "oblast",
    "province",
    "governorate",
    "state",
    "krai",
    "county",
    "voivodeship",
    "prefecture",
    "department",
)
_PROVINCE_WORD = rf"(?P<word>{'|'.join(_PROVINCE_WORDS)})"
#: A province's kind word right after its name: "the Belgorod region", and
#: the last of a list: "the Odesa and Mykolaiv regions".
_KIND_AFTER = re.compile(rf"^\s+{_PROVINCE_WORD}s?\b", re.IGNORECASE)
#: The plural closing a list of names: "the Odesa and Mykolaiv regions".
_KIND_AFTER_LIST = re.compile(
    rf"^(?:\s*(?:,|,?\s*(?:and|or|&))\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){{0,2}})+"
    rf"\s+{_PROVINCE_WORD}s\b"
)
_KIND_FEATURES = {
    "state": "admin1",
    "province": "admin1",
    "region": "admin1",
    "oblast": "admin1",
    "governorate": "admin1",
    "krai": "admin1",
    "voivodeship": "admin1",
    "prefecture": "admin1",
    "district": "admin2",
    "county": "admin2",
    "city": "city",
    "town": "city",
    "village": "city",
    "country": "country",
    "republic": "country",
}


_COUNCIL_BUSINESS = (
    r"elections?", r"polls?", r"votes?", r"offices?", r"officials?", r"ministers?",
    r"ministry", r"secretariats?", r"chairm[ae]n", r"staff", r"workers", r"employees",
    r"reforms?", r"budgets?", r"bod(?:y|ies)", r"levels?", r"systems?", r"candidates?",
    r"seats?", r"councillors?", r"authorit(?:y|ies)", r"administrators?",
)  # fmt: skip
"""What follows "local government" when the words name councils' business, not an area."""
_COUNCIL_SUFFIX = re.compile(
    r"\s+(?:local\s+government(?:\s+(?:area|council))?|lga)$", re.IGNORECASE
)
"""The words that close a Nigerian district's name: "Gujba Local Government Area"."""


_COUNCIL_AFTER = re.compile(
    r"(?:\s*(?:,|\band\b)\s*[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)?)*"
    r"\s+(?:(?i:local\s+government)\b(?!\s+(?i:" + "|".join(_COUNCIL_BUSINESS) + r")\b)"
    r"|LGAs?\b)"
)
"""Local-government words after a name, or after the list it opens: "in Guma local
government area", "in Guma and Logo local government areas". Not the business of a
country's or a province's councils: "Sri Lanka local government elections"."""
_COUNCIL_COUNTRIES = frozenset({"NG", "AU"})
"""The countries whose districts are called local government areas."""


_A_SIDE_AT_THE_END = re.compile(r"(?<=\w)\s+(?:" + "|".join(sorted(DISTRICT_SIDES)) + r")$")
"""A side closing a local government area's name: "Kaduna South" is a side of Kaduna's."""


def _council_names(text: str, mentions: Sequence[Mention]) -> frozenset[str]:
    """The names the text gives as local government areas ("Guma local government")."""
    return frozenset(
        m.name
        for m in mentions
        if m.kind is MentionKind.TOPONYM
        and (_COUNCIL_AFTER.match(text, m.end) or _COUNCIL_SUFFIX.search(m.name))
    )


def _the_province_first(owner: list[Ranked], town: Candidate) -> list[Ranked]:
    """``owner``'s readings with a province that holds ``town`` first, when a city ranks first.

    "Isulan, Sultan Kudarat" and "Kidapawan, Cotabato": a name after a
    town and a comma says which province it is in, where a city of that
    name only stands beside it.
    """
    if owner[0].candidate.feature != "city" or town.feature in _PROVINCE_FEATURES:
        return owner
    province = next(
        (
            r
            for r in owner
            if r.candidate.feature in _PROVINCE_FEATURES
            and r.candidate.country == town.country
            and lies_within(town, r.candidate)
        ),
        None,
    )
    if province is None or lies_within(town, owner[0].candidate):
        return owner
    return [province, *(r for r in owner if r is not province)]


def _kind_split(name: str) -> tuple[str, str]:
    """A name and the kind word that closes it ("Jiribam", "district"); "" when none.

    A local government area is a district: "Gujba Local Government Area" is
    ("Gujba", "district"), the area around the town it is named after.
    """
    council = _COUNCIL_SUFFIX.search(name)
    if council is not None and council.start() > 0:
        return name[: council.start()], "district"
    head, _, word = name.rpartition(" ")
    return head, word


#: Containers that hold a town of another country that "X in Y" names: "attacked Palma
#: in Cabo Delgado" is no Palma de Mallorca, where "fans from Chicago in Paris" keep
#: their Chicago.
_PROVINCE_FEATURES = frozenset({"admin1", "admin2"})
#: What may hold a town in "X, Y": a country, a province, an island.
_QUALIFYING_WHOLES = frozenset({"country", "admin1", "island"})
#: Features too wide to be a part of the place named after them in "X in Y".
_WIDE_FEATURES = frozenset(
    {"country", "continent", "admin1", "sea", "gulf", "strait", "region", "territory"}
)
#: A town under this population, found under the name written in "X in Y"
#: but not in Y, gives way to Y: a town of standing is more likely meant.
#: How far beyond a country's outline, in degrees (about 1,100 km), a town its national
#: adjective names may lie: disputed ground ("the Russian port of Sevastopol") is near,
#: a namesake on another continent is another town.
_NATION_REACH_DEGREES = 10.0
_IN_TOWN_POPULATION = 100_000


#: How far (degrees, about 220 km) a close spelling may lie from every country whose
#: places the story names: "Masisi" in a story on North Kivu is no Masasi, 1,000 km
#: off in Tanzania.
_NEAR_A_NAMED_COUNTRY_DEG = 2.0


def _near_a_country(candidate: Candidate, countries: Iterable[str]) -> bool:
    """Whether a candidate lies near the outline of one of ``countries``."""
    point = Point(candidate.lon, candidate.lat)
    return any(
        (outline := shapes.country_shape(code)) is not None
        and outline.distance(point) <= _NEAR_A_NAMED_COUNTRY_DEG
        for code in countries
    )


def _the_town_of_its_part(town: list[Ranked] | None, part: list[Ranked] | None) -> bool:
    """Whether X in "the X suburb of Y" is the town and Y its part, not the reverse.

    English writes both: "the Delmas neighbourhood of Port-au-Prince" (X the
    part) and "the Damascus suburb of Jaramana", "the Homs neighbourhood of Baba
    Amr" (Y the part). X is the town when it is a city of
    :data:`_PART_TOWN_POPULATION` or more and Y is known to no source, or read
    first as a smaller town within X's reach (or only abroad). A town beyond
    the reach is no part of the city: "the Aleppo district of Manbij", 80 km
    off, names Aleppo governorate (which Manbij keeps its own reading in). A
    city only under another name is none either ("the Rim district": Rim is
    one of Rome's names).
    """
    if not town or town[0].candidate.feature != "city" or not town[0].candidate.exact_name:
        return False  # "the Rim district of Riyom LGA": Rim is no Rome, whose other name it is
    city = town[0].candidate
    if city.population < _PART_TOWN_POPULATION:
        return False
    if not part or _abroad(part, city):
        return True  # "the Tijuana district of La Presa": no La Presa of California
    return smaller_town_within_reach(part[0].candidate, city)


def _abroad(part: list[Ranked], city: Candidate) -> bool:
    """Whether the name's first reading lies outside the city's country.

    "the Tijuana district of La Presa" first reads La Presa, California, 20 km
    from Tijuana across the border.
    """
    return part[0].candidate.country != city.country


def _small_or_local(mention: Mention, best: Candidate) -> bool:
    """Whether X in "X in Y", found outside Y, should rather be placed in Y.

    A street, beach or building ("Lido Beach in Mogadishu"), a town under
    :data:`_IN_TOWN_POPULATION` or a place matched only by an alternate
    name ("Boni" for Bonn) is a namesake the text corrects; a city of
    standing ("fans from Chicago in Paris") is not.
    """
    if looks_local_name(mention.name):
        return True
    if best.feature != "city":
        return False
    return best.population < _IN_TOWN_POPULATION or not best.exact_name


def _kept_within(place: Place | None, where: Place) -> bool:
    """Whether a place found for Y in "X's Y district" already lies within X.

    "China's Tibet Autonomous Region", placed around Lhasa by the town the
    article names, is in China and more precise than China's own point; in a
    town, only a place put at that town's point stays.
    """
    if place is None:
        return False
    if where.feature in ("country", "admin1"):
        return place.country == where.country
    return (place.lat, place.lon) == (where.lat, where.lon)


def _along_shared_borders(resolved: list[Resolved], sentences: _Sentences) -> None:
    """Draw "near the X border" along X's border with the country the story is in.

    The neighbour is a country whose places the phrase's own sentence names,
    else the one the article names most (by its places' countries) among
    X's land neighbours; with none, the phrase keeps X's whole outline.
    """
    counts = Counter(item.place.country for item in resolved if item.place and item.place.country)
    for index, item in enumerate(resolved):
        place, mention = item.place, item.mention
        if (
            place is None
            or place.country is None
            or mention.kind is not MentionKind.PHRASE
            or place.feature != "country"
            or not names_a_border(mention.text)
        ):
            continue
        neighbours = country_neighbours().get(place.country, frozenset())
        own_sentence = [
            p.country
            for k in sentences.mentions_within(*sentences.around(mention))
            if k != index and (p := resolved[k].place) is not None and p.country in neighbours
        ]
        ranked = sorted(
            neighbours & set(counts), key=lambda c: (c not in own_sentence, -counts[c], c)
        )
        for neighbour in ranked:
            band = shared_border_band(place.country, neighbour)
            if band is None:
                continue
            point = band.representative_point()
            west, south, east, north = band.bounds
            other = shapes.country_name(neighbour) or neighbour
            along = replace(
                place,
                gazetteer_id=f"{place.gazetteer_id}#border-{neighbour}",
                name=f"{place.name}–{other} border",
                written="",
                country=neighbour,
                feature="border",
                geometry=band,
                lat=round(point.y, 5),
                lon=round(point.x, 5),
                precision=Precision.REGION,
                radius_km=round(haversine_km(south, west, north, east) / 2, 1),  # half a diagonal
                confidence=round(place.confidence * 0.9, 3),
                named_point=place.point_of_the_name,
                reason=f"within {BAND_KM:g} km of the border {place.name} shares with {other}, "
                f"where the story is; {place.reason}",
            )
            resolved[index] = Resolved(mention, along)
            break


def _town_named_before_in_its_sentence(
    text: str, mentions: Sequence[Mention], index: int, ranked: dict[int, list[Ranked]]
) -> int | None:
    """The index of the place named last before ``mentions[index]`` in its sentence, if a town.

    National adjectives in between are passed over ("a Russian drone").
    """
    before = index - 1
    while before >= 0 and mentions[before].kind is MentionKind.DEMONYM:
        before -= 1  # "in Kherson, … a Russian drone hit the city's X district"
    if before < 0:
        return None
    if _SENTENCE_OR_PARAGRAPH_END.search(text, mentions[before].end, mentions[index].start):
        return None
    best = ranked.get(before)
    town = mentions[before]
    if (
        where_a_speaker_is(text, town) and not of_the_city_named_before(text, mentions[index])
    ) or _FROM_OR_OF_BEFORE.search(text, max(0, town.start - _FROM_WINDOW), town.start):
        # "Hamas negotiators in Doha said jets struck the Tuffah neighbourhood",
        # "soldiers from Mazatlán fought gunmen in the X neighbourhood"; but
        # "officials in Kherson said … the city's Dniprovskyi district" is Kherson's
        return None
    return before if best and best[0].candidate.feature == "city" else None


_FROM_OR_OF_BEFORE = re.compile(r"\b(?:from|of)\s+(?:the\s+)?$", re.IGNORECASE)
""""from" or "of" before a town: people from it, or its people, may be anywhere."""
_FROM_WINDOW = 40
"""Characters before a town to look back over for "from" (not the whole text each time)."""


_SENTENCE_OR_PARAGRAPH_END = re.compile(r"[.!?][\"'”’]?\s+[A-Z\"“]|\n\s*\n")


def _wider_than_a_town(name: str) -> bool:
    """Whether a name's last word calls it an area wider than a town's reach."""
    return name.rsplit(" ", 1)[-1].lower() in _WIDE_AREA_WORDS


#: Last words of names of areas far wider than a town ("the Catatumbo region").
_WIDE_AREA_WORDS = frozenset({"region", "province", "state", "governorate", "oblast"})


_METROPOLIS = 1_000_000
"""A city this big is what its name means, even before a division's word."""
_DIVISION_AFTER = re.compile(
    r"\s+(?:township|district|sub-?district|tehsil|taluka|woreda|upazila|raion|rayon"
    r"|commune|municipality|LGA|local\s+government\s+area)s?\b"
    r"(?!\s+(?:court|attorney|office|council|judge|prosecutor|governor|commissioner|police"
    r"|chief|administration|hospital|headquarters)\b)"
)
"""A local division's kind word right after a name: "Kani township", "Gombe district".
Lower case only: "Denver District Judge" names a court, and so does "a Grodno
district court"."""


def _named_as_a_division(text: str, mentions: Sequence[Mention]) -> set[str]:
    """The names a kind word of a local division follows: "Kani township"."""
    return {
        m.name
        for m in mentions
        if m.kind is not MentionKind.PHRASE and _DIVISION_AFTER.match(text, m.end)
    }


def _unknown_place(mention: Mention, candidates: dict[str, list[Candidate]]) -> bool:
    """A name the model or the wording reads as a place that no source holds."""
    return mention.label in _PLACE_READINGS and not candidates.get(mention.name)


#: Mention labels that say the name is a place: the model's, or the wording's.
_PLACE_READINGS = PLACE_LABELS | {FRAMED_LABEL}


_NEARBY_BEFORE = re.compile(
    r"\b(?:nearby|neighbou?ring|adjacent)\s+(?:(?:village|town|hamlet|settlement|camp|"
    r"area|district|locality)\s+of\s+)?$",
    re.IGNORECASE,
)
"""Words that tie a name to the place told just before: "the nearby village of X"."""


_GONE_TO_OR_FROM = re.compile(r"\b(?:to|into|towards?|from)\s+(?:the\s+)?$", re.IGNORECASE)
"""Words before a place people went to or came from: "fled to Uganda"."""


def _told_as_nearby(text: str, mention: Mention) -> bool:
    """Whether the words before a name tie it to the place just told: "the nearby village of X"."""
    return _NEARBY_BEFORE.search(text[max(0, mention.start - 40) : mention.start]) is not None


def _the_place_told_before(
    text: str, resolved: Sequence[Resolved], index: int, towns: AbstractSet[int], *, floor: int
) -> Place | None:
    """Where a name no source knows lies when the text calls it nearby: by the last place told.

    "Jets bombed a village in Sagaing Region. A second strike hit the nearby
    village of X": X is near the place told before it, however far in the
    text the next town stands (the dateline's Yangon, in the tester's
    article). A town (one of ``towns``, the indices of the towns placed at a
    point) gives its area (:func:`place_in_town`); a country, a province, a
    region or a place itself put within one gives that area. Only places
    from ``floor`` on count (the sentence before the name's, and its own); a
    dateline's town and country are passed over, and so are places people
    went to or came from ("Residents fled to Uganda"); a sea, a river or any
    other kind of place, or none, gives ``None``.
    """
    mention = resolved[index].mention
    datelines = [
        (r.mention.start, end)
        for r in resolved[:index]
        if (end := dateline_end(text, r.mention)) is not None
    ]
    for before in range(index - 1, -1, -1):
        item = resolved[before]
        where = item.place
        if item.mention.start < floor:
            return None
        if (
            where is None
            or item.mention.kind is MentionKind.DEMONYM
            or any(
                start <= item.mention.start and item.mention.end <= end for start, end in datelines
            )
            or _GONE_TO_OR_FROM.search(text[max(0, item.mention.start - 12) : item.mention.start])
        ):
            continue  # "YANGON - …": where the story was filed is no village's neighbour
        if before in towns:
            return place_in_town(mention, where, unknown_place=True)
        if where.feature in ("country", "admin1", "region", LOCATED_FEATURE, "local_area"):
            near = placed_within(
                mention.name, where, why=f"not in the gazetteer; told as near {where.label}"
            )
            if where.feature in (LOCATED_FEATURE, "local_area"):
                # "the towns of Aqrab and the nearby town of Khirbet Jamea": a village
                # beside another, not inside it, so neither holds the other as the
                # wider place of an event (layers.context)
                near = replace(
                    near, gazetteer_id=f"{where.gazetteer_id}~near:{name_key(mention.name)}"
                )
            return near
        return None
    return None


def _as_written(item: Resolved) -> Resolved:
    """A toponym's place carrying the article's spelling when the gazetteer's differs.

    "Kharkov" resolves to GeoNames' Kharkiv: the map shows "Kharkov", as
    the article wrote it (:attr:`Place.label`), and the details keep the
    gazetteer's name. Demonyms, phrases and names that only differ in case,
    accents or an article are left alone.
    """
    mention, place = item.mention, item.place
    if place is None or mention.kind is not MentionKind.TOPONYM or mention.demonym_country:
        return item
    written = strip_article(mention.name)
    if name_key(written) == name_key(place.name):
        return item
    return Resolved(mention, replace(place, written=written))


#: How far outside its own country a province's point may lie (degrees; a coast's
#: slack) before the point is taken for a slip of the source.
_OUTSIDE_ITS_COUNTRY_DEG = 0.05


def _without_misplaced_provinces(found: tuple[Candidate, ...]) -> tuple[Candidate, ...]:
    """Drop a province whose point lies outside its own country, when its seat is there.

    A source put the Ramallah governorate's point 30 km west, inside Israel:
    "near Ramallah" drew there, past the Green Line. A province with no
    outline of its own whose point is not in its country's outline, named
    like a town of that country among the candidates, is the town's name:
    the town stands.
    """
    towns = {c.country for c in found if c.feature == "city" and c.country}
    if not towns:
        return found
    return tuple(
        c
        for c in found
        if not (
            c.feature == "admin1" and c.country in towns and not c.wkt and _outside_its_country(c)
        )
    )


def _outside_its_country(candidate: Candidate) -> bool:
    outline = shapes.country_shape(str(candidate.country))
    if outline is None or (
        candidate.admin1 and admin1_shape(f"{candidate.country}-{candidate.admin1}")
    ):
        return False
    return outline.distance(Point(candidate.lon, candidate.lat)) > _OUTSIDE_ITS_COUNTRY_DEG


def _respelled(place: Place, written: str) -> Place:
    """A place found under another spelling: less sure, and saying so."""
    return replace(
        place,
        confidence=round(place.confidence * _RESPELLED_CONFIDENCE, 3),
        reason=f"'{written}' read as '{place.name}', spelled differently; {place.reason}",
    )


def _list_siblings(text: str, mentions: Sequence[Mention], index: int) -> list[int]:
    """The indices of the mentions listed with ``mentions[index]`` ("A, B and C")."""
    siblings = []
    k = index
    while k > 0 and _LIST_SEPARATOR.match(text[mentions[k - 1].end : mentions[k].start]):
        k -= 1
        siblings.append(k)
    k = index
    while k + 1 < len(mentions) and _LIST_SEPARATOR.match(
        text[mentions[k].end : mentions[k + 1].start]
    ):
        k += 1
        siblings.append(k)
    return siblings


_SENTENCE_END = re.compile(r"[.!?]\s")


_AREA_FEATURES = (_WHOLES_WITH_PARTS - {"country"}) | {"region"}
"""Places a name no gazetteer holds may be placed in when its sentence names one."""


_LEFT_BEHIND = re.compile(
    r"\b(?:from|fled|fleeing|left|leaving|quit)\s+(?:the\s+)?$", re.IGNORECASE
)
"""Words before an area that say someone came from it, not that the name lies in it."""


def _keeps_its_words(name: str, matched: str) -> bool:
    """Whether a loose spelling of a name of several words matches a name of several words.

    "Mir Ali" is no "Morelia": its two words run into one only by the loose
    key; "Hodeidah" may well be "Al Hudaydah".
    """
    return len(name.split()) < 2 or len(matched.replace("-", " ").split()) >= 2


def _provinces_put_in_another_country(
    text: str,
    mentions: Sequence[Mention],
    pools: Mapping[int, list[Candidate]],
    candidates: Mapping[str, list[Candidate]],
) -> list[int]:
    """Mentions whose every entry is a province of a country the text does not put them in.

    "Floods hit the Chaco region of Paraguay": the sources hold a Chaco
    province in Argentina and none in Paraguay. Only right before "of" or
    "in" and a country's own name.
    """
    found = []
    for index in range(len(mentions) - 1):
        pool = pools.get(index)
        after = mentions[index + 1]
        if not pool or not all(c.feature in ("admin1", "admin2") for c in pool):
            continue
        if not _IN_A_COUNTRY.fullmatch(text, mentions[index].end, after.anchor_start):
            continue
        countries = {
            c.country
            for c in candidates.get(after.name) or []
            if c.feature == "country" and c.exact_name
        }
        if countries and not any(c.country in countries for c in pool):
            found.append(index)
    return found


_IN_A_COUNTRY = re.compile(r"\s+(?:of|in)\s+(?:the\s+)?")


def _only_inside_names(mentions: Sequence[Mention]) -> set[str]:
    """The names the story uses only inside the names of organisations, groups or ships."""
    inside = {m.name for m in mentions if m.label == IN_A_NAME_LABEL}
    return inside - {m.name for m in mentions if m.label != IN_A_NAME_LABEL}


def _the_great_of_the_name(found: list[Candidate]) -> list[Candidate]:
    """Areas, and towns at least a hundredth the size of the name's greatest town.

    A name inside an organisation's is there because it is well known: the
    Donetsk village that GeoNames also calls "New York" is no newspaper's.
    """
    greatest = max((c.population for c in found if c.feature == "city"), default=0)
    return [
        c for c in found if c.feature != "city" or c.population * _INSIDE_A_NAME_SHARE >= greatest
    ]


#: How much smaller than the greatest town of a name another town may be and still
#: be the place an organisation's name names.
_INSIDE_A_NAME_SHARE = 100


def _facility_names(resolved: Sequence[Resolved]) -> dict[str, tuple[int, Place]]:
    """Each leading part of a placed facility's name, with where it was first named.

    "Mitiga International Airport" gives "Mitiga" and "Mitiga International";
    read once per article (and added to as facilities are placed, with
    :func:`_add_facility`), so each unplaced name looks up its short form.
    """
    found: dict[str, tuple[int, Place]] = {}
    for index, item in enumerate(resolved):
        _add_facility(found, index, item)
    return found


def _add_facility(found: dict[str, tuple[int, Place]], index: int, item: Resolved) -> None:
    """Record the leading parts of ``item``'s name when it is a placed facility."""
    words = item.mention.name.split(" ")
    if item.place is None or len(words) < 2 or words[-1].lower() not in _FACILITY_WORDS:
        return
    for k in range(1, len(words)):
        known = found.get(" ".join(words[:k]))
        if known is None or known[0] > index:
            found[" ".join(words[:k])] = (index, item.place)


def _named_in_full_before(
    facilities: dict[str, tuple[int, Place]], index: int, short: str
) -> Place | None:
    """The place of an earlier facility's name that the unplaced name opens, if any.

    "Mitiga International Airport … a plane parked on the apron at Mitiga":
    the short name is the airport's, not a village to put around the
    nearest town (``facilities`` is :func:`_facility_names`).
    """
    earlier = facilities.get(short)
    return earlier[1] if earlier is not None and earlier[0] < index else None


_FACILITY_WORDS = frozenset(
    {"airport", "airbase", "base", "camp", "port", "harbour", "harbor", "field", "prison"}
)


#: A border after an area's name: "near the Assam border" is on either side of it.
_ITS_BORDER = re.compile(r"(?:['’]s)?\s+(?:border|frontier|boundary)\b", re.IGNORECASE)
#: An area's armed men after its name: "held by Amhara forces" names who, not where.
_ITS_PEOPLE = re.compile(
    r"(?:['’]s)?\s+(?:regional\s+|special\s+|state\s+)?(?:forces|troops|militias?|militiamen"
    r"|fighters|soldiers)\b",
    re.IGNORECASE,
)
#: The words before an agent: "held by", "under the control of" (the area's men hold it).
_BY_BEFORE = re.compile(r"\b(?:by|control\s+of|hands\s+of)\s+$", re.IGNORECASE)


def _area_beside(
    text: str,
    resolved: Sequence[Resolved],
    index: int,
    fellows: Sequence[int],
    towns: AbstractSet[int],
) -> Place | None:
    """The province or region a name's sentence names nearest to it, when it names no town.

    "Gunmen attacked a checkpoint in the Hamrin mountains in Diyala
    province", "clashed near the town of Adan Yabaal in Middle Shabelle":
    the name lies in that area, not around a town another sentence names.
    Not an area someone came from ("fighters who fled Diyala province
    attacked X"), nor one inside an organisation's name ("a brigade of the
    Government of National Unity" names no province Unity), nor one whose
    border the sentence names ("found in the river near the Assam border"
    lies on either side of it), nor one whose armed men did something ("Western
    Tigray, which is held by Amhara forces"; but "Puntland forces clashed with
    Al-Shabaab in the Cal Miskaad mountains" were in Puntland).
    """
    if any(k in towns for k in fellows):
        return None
    here = resolved[index].mention
    areas = [
        k
        for k in fellows
        if k != index
        and resolved[k].mention.label != IN_A_NAME_LABEL
        and (place := resolved[k].place) is not None
        and place.feature in _AREA_FEATURES
        and not _LEFT_BEHIND.search(
            text, max(0, resolved[k].mention.start - 20), resolved[k].mention.start
        )
        and not _ITS_BORDER.match(text, resolved[k].mention.anchor_end)
        and not (
            _ITS_PEOPLE.match(text, resolved[k].mention.anchor_end)
            and _BY_BEFORE.search(
                text, max(0, resolved[k].mention.start - 25), resolved[k].mention.start
            )
        )
    ]
    if not areas:
        return None
    nearest = min(areas, key=lambda k: abs(resolved[k].mention.start - here.start))
    return resolved[nearest].place


def _towns_of_its_sentence(
    mentions: Sequence[Mention],
    index: int,
    first: dict[int, Candidate],
    sentences: _Sentences,
    pool: Sequence[Candidate],
) -> list[Candidate]:
    """The towns, as first ranked, that the sentence of ``mentions[index]`` also names.

    None when the sentence also names a country the mention may be, by another
    word ("Protests in Georgia went on as Georgian exiles marched in Atlanta").
    """
    start, end = sentences.around(mentions[index])
    fellows = [k for k in sentences.mentions_within(start, end) if k != index]
    countries = {c.country for c in pool if c.feature == "country"}
    if any(
        mentions[k].demonym_country in countries
        or (k in first and first[k].feature == "country" and first[k].country in countries)
        for k in fellows
    ):
        return []
    return [first[k] for k in fellows if k in first and first[k].feature == "city"]


class _Sentences:
    """Where the sentences of one article start and end, and which mentions each holds.

    Both are found once per article and looked up by bisection, so asking
    for every mention's sentence fellows is linear in the article's length,
    not quadratic (a 400,000-character article spent 6 s here).
    """

    def __init__(self, text: str, mentions: Sequence[Mention] = ()) -> None:
        found = list(_SENTENCE_END.finditer(text))
        self._starts = [m.start() for m in found]
        self._ends = [m.end() for m in found]
        self._length = len(text)
        self._mentions = mentions
        self._by_start = sorted(range(len(mentions)), key=lambda k: mentions[k].start)
        self._mention_starts = [mentions[k].start for k in self._by_start]

    def mentions_within(self, start: int, end: int) -> list[int]:
        """The indices, in order, of the mentions that lie within ``[start, end]``."""
        low = bisect.bisect_left(self._mention_starts, start)
        high = bisect.bisect_right(self._mention_starts, end)
        return sorted(k for k in self._by_start[low:high] if self._mentions[k].end <= end)

    def start_before(self, start: int) -> int:
        """Where the sentence before the one that starts at ``start`` starts (0 for the first)."""
        before = bisect.bisect_right(self._ends, max(0, start - 1))
        return self._ends[before - 2] if before >= 2 else 0

    def around(self, mention: Mention) -> tuple[int, int]:
        """The character bounds of the sentence that holds ``mention``."""
        before = bisect.bisect_right(self._ends, mention.start)
        after = bisect.bisect_left(self._starts, mention.end)
        start = self._ends[before - 1] if before else 0
        end = self._starts[after] if after < len(self._starts) else self._length
        return start, end


def _fellows(
    text: str,
    mentions: Sequence[Mention],
    index: int,
    first: dict[int, Candidate],
    sentences: _Sentences,
) -> list[Candidate]:
    """The provinces or countries a name is named with, by their first-pass places.

    Those listed with it ("Utah, Washington and Wisconsin"); failing a list,
    one of the provinces of its sentence when there are two or more ("four
    cases in Ontario, eight in Alberta … and one in Quebec"), which weighs as
    a single fellow.
    """
    listed = [
        first[k]
        for k in _list_siblings(text, mentions, index)
        if k in first and first[k].feature in _LISTED_FEATURES
    ]
    if listed:
        return listed
    start, end = sentences.around(mentions[index])
    near = [
        first[k]
        for k in sentences.mentions_within(start, end)
        if k != index and k in first and first[k].feature == "admin1"
    ]
    return near[:1] if len({c.gazetteer_id for c in near}) >= 2 else []


_ON_THE = re.compile(r",?\s+on\s+the\s+")
_SIDE = re.compile(r"\s+side\b")


def _side_written_after(text: str, mentions: Sequence[Mention], index: int) -> str | None:
    """The country whose side of a line the text puts the place on, if it says so.

    "shelled villages in Poonch district on the Indian side of the Line of
    Control": a demonym right after "on the", then "side".
    """
    if index + 1 >= len(mentions):
        return None
    mention, after = mentions[index], mentions[index + 1]
    if after.demonym_country is None or after.start < mention.end:
        return None
    if not _ON_THE.fullmatch(text, mention.end, after.start) or not _SIDE.match(text, after.end):
        return None
    return after.demonym_country


def _list_goes_on_after_next(text: str, mentions: Sequence[Mention], index: int) -> bool:
    """Whether the name after ``mentions[index]`` is itself followed by a list separator.

    "Washington, Pennsylvania and California" goes on; "Washington, D.C." does not.
    """
    return index + 2 < len(mentions) and bool(
        _LIST_SEPARATOR.match(text[mentions[index + 1].end : mentions[index + 2].start])
    )


def _called_a_province(mentions: Sequence[Mention], words: dict[int, str]) -> dict[str, str]:
    """The names the article writes with a province's kind word, and the word.

    "the Belgorod region" (the word after the name) and a name the model read
    whole with its word ("Sagaing Region") both call Belgorod and Sagaing
    provinces.
    """
    called = {mentions[index].name: word for index, word in words.items()}
    for mention in mentions:
        found = _NAME_AND_KIND.match(mention.name)
        if found is not None:
            called.setdefault(found.group("name"), found.group("word").lower())
    # a county or a department is often a town's ("Suffolk County", then "Suffolk")
    return {name: word for name, word in called.items() if word not in _TOWNS_KINDS}


_TOWNS_KINDS = frozenset({"county", "department"})
#: A town's site or the town itself after its name: "the province of Hama … Hama
#: airport" names the city's airport, "Hama city" the city.
_A_TOWNS_SITE_AFTER = re.compile(
    r"^\s+(?:city|town|airport|air\s*base|airbase|port|harbou?r|university|hospital|stadium"
    r"|prison|station)\b",
    re.IGNORECASE,
)


#: A name the model read whole with its province's kind word: "Sagaing Region".
_NAME_AND_KIND = re.compile(rf"^(?P<name>[A-Z].*?)\s+{_PROVINCE_WORD}$", re.IGNORECASE)
#: A city this big that bears a province's name is what the bare name means,
#: whatever the story called the province ("New York state", then "New York").
_STANDING_CITY_POPULATION = 500_000


def _an_area_by_its_bare_name(candidates: Sequence[Candidate]) -> bool:
    """Whether a region or a territory (not a province) bears the name itself."""
    return any(c.feature in ("region", "territory") for c in candidates)


def _a_city_of_standing(candidates: Sequence[Candidate]) -> bool:
    """Whether a city of half a million, or a national capital, bears the name."""
    return any(
        c.feature == "city" and (c.population >= _STANDING_CITY_POPULATION or c.capital)
        for c in candidates
    )


def _province_word_after(text: str, mention: Mention) -> str | None:
    """The province kind word right after a name, or after the list it opens, singular.

    "the Belgorod region" and "Kherson Oblast" give "region" and "oblast";
    in "the Odesa and Mykolaiv regions" both names give "region". ``None``
    for a phrase ("off Kherson") and when no such word follows.
    """
    if mention.kind is MentionKind.PHRASE or name_key(mention.name).endswith(_PROVINCE_WORDS):
        return None
    after = text[mention.end : mention.end + 120]
    found = _KIND_AFTER.match(after) or _KIND_AFTER_LIST.match(after)
    return found.group("word").lower() if found else None


#: A town at most this big that a name reaches only through an alternate name is
#: a stray namesake where the story names neither its country nor a neighbour.
_STRAY_TOWN_POPULATION = 50_000
#: The same for a town that bears the name itself: a village or a city quarter;
#: and for one the model reads as a place, which no other entry bears (a hamlet
#: of 2,000 in Australia is no "Piccadilly" of a London story; Zermatt, 6,600, is
#: where a slalom was won).
_STRAY_EXACT_POPULATION = 10_000
_STRAY_TAGGED_POPULATION = 5_000


def _stray_namesakes(
    candidates: dict[str, list[Candidate]],
    context: ArticleContext,
    *,
    tagged: AbstractSet[str] = frozenset(),
    town_parts: AbstractSet[str] = frozenset(),
) -> list[str]:
    """Names whose every entry is a small town matched by an alternate name abroad.

    Or a village that bears the name itself, smaller still when the model reads
    the name as a place (``tagged``) and no other entry bears it: "the
    neighbourhood of Noailles" in a story on Haiti is no quarter of Marseille,
    but "won the slalom in Zermatt" is Zermatt.

    "the village of Chai" in a story about Mozambique reached Çey, Turkey, by
    one of its alternate spellings. A town that small, in a country the story
    never names (nor a neighbour of one it names), is a namesake, not the
    place: local news names its own villages, which the sources often lack.
    Only for a story that names some country other than by the name itself,
    and towns of its own far from the namesake: "US forces struck Houthi sites
    near Mokha" names no town to set Mocha against, and keeps it. A name the
    text calls a part of a town (``town_parts``: "the X neighbourhood") lies
    in a town of the story: a small town of that name far from all of them is
    a namesake wherever it lies.
    """
    towns = {
        name: [(c.lat, c.lon) for c in found]
        for name, found in candidates.items()
        if found
        and len({c.country for c in found}) == 1
        and all(c.feature in _TOWN_LIKE for c in found)
    }
    # a great city a name bears exactly holds the parts of a town the story names,
    # whatever village abroad shares its name ("In Baghdad, … the Dora district"
    # is no Dora, Alabama); not every name: "near Mokha, officials in Washington
    # said" keeps Mocha
    great_cities = (
        {
            name: [(great.lat, great.lon)]
            for name, found in candidates.items()
            if name not in towns and (great := _great_city_of_the_name(found)) is not None
        }
        if town_parts
        else {}
    )
    # the countries each name may lie in as a town: a country the story names none of
    # whose towns, however read, is named only in passing
    town_countries = {
        name: {c.country for c in found if c.feature == "city"}
        for name, found in candidates.items()
        if found
    }
    strays = []
    for name, found in candidates.items():
        # the cheap tests first: most names have an exact entry or a big town
        # a town of some size the model reads as a place, and no other town bears, is meant
        exact_limit = (
            _STRAY_TAGGED_POPULATION
            if name in tagged and len(found) < 2
            else _STRAY_EXACT_POPULATION
        )
        if not found or any(
            c.feature != "city"
            or (c.exact_name and c.population > exact_limit)
            or c.population > _STRAY_TOWN_POPULATION
            for c in found
        ):
            continue
        own = context.vouched.get(name_key(name), Counter())
        named = {code for code, count in context.countries.items() if count > own.get(code, 0)}
        if not named and name not in town_parts:
            continue
        anchors = [point for other, points in towns.items() if other != name for point in points]
        if name in town_parts:
            anchors += [
                point for other, points in great_cities.items() if other != name for point in points
            ]
        others = {
            country for other, found in town_countries.items() if other != name for country in found
        }
        if named and all(
            not c.exact_name
            and c.population < _STRAY_EXACT_POPULATION
            and c.country not in named
            and c.country not in others
            for c in found
        ):
            # "the village of Banjska" in a story on Kosovo is no Bansko, Bulgaria,
            # reached by an alternate spelling: a village that small, in a country the
            # story never names, is a namesake even next door, towns or none
            strays.append(name)
            continue
        if not anchors:
            continue
        nearest = [min(haversine_km(c.lat, c.lon, lat, lon) for lat, lon in anchors) for c in found]
        if name in town_parts:
            # "the city's Potrero Grande neighbourhood" in a story on Cali lies in a
            # town of the story, not in a village of that name in the next country
            far = all(km > _STRAY_PART_KM for km in nearest)
        else:
            # a country the story names, but no town of ("the United States condemned
            # the attack" in a story on Somalia), vouches for no village
            far = all(
                (c.country not in named or c.country not in others)
                and not context.neighbours.get(str(c.country))
                and km > _STRAY_KM
                for c, km in zip(found, nearest, strict=True)
            )
        if far:
            strays.append(name)
    return strays


#: How far past a town a list of names may go on (a dozen names or so).
_LIST_REACH = 300


def _written_with_a_town(
    text: str, mentions: Sequence[Mention], candidates: Mapping[str, list[Candidate]]
) -> frozenset[str]:
    """Names written "X, T" with T a town of one country or a great city: X lies by T.

    Not a province ("Matias Romero, Oaxaca State") nor a list ("in Moonbi,
    Parkes, Berry and Wyong").

    "arrested him in Gulshan, Dhaka": a village of that name 4,000 km from
    Dhaka (Tabas, Iran, which lists "Gulshan" among its alternate names) is
    a namesake, as it is for a part of a town (:func:`_stray_namesakes`).
    """
    ordered = sorted(mentions, key=lambda m: m.start)
    written: set[str] = set()
    for name, town in pairwise(ordered):
        if text[name.end : town.start].strip() != ",":
            continue
        if LIST_GOES_ON.match(text[town.end : town.end + _LIST_REACH]):
            continue  # "in Moonbi, Parkes, Berry and Wyong": a list of towns
        found = candidates.get(town.name) or []
        one_country = (
            len({c.country for c in found}) == 1
            and all(c.feature in _TOWN_LIKE for c in found)
            and any(c.feature == "city" for c in found)
        )
        if found and (one_country or _great_city_of_the_name(found) is not None):
            written.add(name.name)
    return frozenset(written)


def _great_city_of_the_name(found: Sequence[Candidate]) -> Candidate | None:
    """The city of :data:`_ANCHOR_CITY_POPULATION` or more that bears the name itself, if any."""
    cities = [c for c in found if c.feature == "city" and c.exact_name]
    great = max(cities, key=lambda c: c.population, default=None)
    return great if great is not None and great.population >= _ANCHOR_CITY_POPULATION else None


#: A city this big that bears a name is where a story names it from (its namesakes
#: abroad are villages): a town of the story for :func:`_stray_namesakes`.
_ANCHOR_CITY_POPULATION = 500_000


#: A town name at most this big that the text puts "in" a province or country keeps
#: only the entries inside it: "Moscow in Syria" is Moscow's role there.
_HELD_TOWN_POPULATION = 100_000
#: How far from a city the places the text puts in it may lie (its suburbs).
_HELD_CITY_KM = 60.0
_HELD_IN = re.compile(
    r"\s+(?:(?P<kind>(?:district|village|town|area|neighbou?rhood|suburb|city|camp)s?)\s+)?"
    r"(?P<word>in|of)(?:\s+the)?\s+"
    r"(?P<side>(?:north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)?\s+"
    r"|central\s+)?"
)
"""What lies between a town and the place that holds it: "Rama in Tigray", "the
Spera district of Khost province", "the Shaab neighborhood of Baghdad". Only
"in" goes without a kind word; a kind word is needed for a list ("the A, B and C
districts of Y") and for a city ("Vuhledar in Dnipro" may be where its people
fled, "Vovchansk and Shebekino in Russia's Belgorod region" lie in two countries)."""


_HOLDER_BEFORE = re.compile(r"\b([A-Z][\w’']+)[-‑–](administered|controlled|held|occupied)\s+$")
"""A country and how it holds what follows: "Pakistan-administered Kashmir"."""


def _qualified_by_its_holder(text: str, mention: Mention) -> str | None:
    """The whole name when a country's hold on it is written before the mention.

    The corpora and the model read "Pakistan-administered Kashmir" as two
    places; the gazetteer knows the part Pakistan holds, which is where it is.
    """
    if mention.kind is not MentionKind.TOPONYM:
        return None
    found = _HOLDER_BEFORE.search(text, max(0, mention.start - 40), mention.start)
    if found is None:
        return None
    return text[found.start() : mention.end]


def _called_a_town(text: str, town: Mention) -> bool:
    """Whether the text writes "the (small) town of" or "the village of" right before.

    Not "the city of": a city of standing abroad may be written so; and not
    after "from" ("survivors from the town of X in Germany" came from it).
    """
    before = text[max(0, town.anchor_start - 50) : town.anchor_start]
    found = _KIND_BEFORE.search(before)
    return (
        found is not None
        and found.group(1).lower() in ("town", "village")
        and not before[: found.start()].rstrip().lower().endswith("from")
    )


def _held_in(
    text: str, mentions: Sequence[Mention], candidates: Mapping[str, list[Candidate]]
) -> dict[str, list[Candidate]]:
    """Town names the text puts in a province or country, with only their entries there.

    "near Rama in Tigray", "the Spera district of Khost province": a small
    town of the name in Nicaragua or Italy is no place of the story. With
    no entry inside, the name keeps none, and the text places it (see
    :func:`geo.local_places.place_in_town`). Only names whose entries are all
    towns below :data:`_HELD_TOWN_POPULATION`: "Israel in Gaza" or "Moscow
    in Syria" says what a country or a capital does there.
    """
    held: dict[str, list[Candidate]] = {}
    ordered = sorted(mentions, key=lambda m: m.start)
    for index, (last, whole) in enumerate(pairwise(ordered)):
        found_in = _HELD_IN.fullmatch(text, last.end, whole.start)
        if not found_in or (found_in["word"] == "of" and not found_in["kind"]):
            continue
        kind = found_in["kind"]
        listed = [last]  # "the A, B and C districts of Y": each of them
        while (
            kind
            and index
            and _LIST_SEPARATOR.match(text[ordered[index - 1].end : listed[-1].start])
        ):
            index -= 1
            listed.append(ordered[index])
        around = candidates.get(whole.name) or []
        if (
            not kind
            and any(c.feature == "city" and c.population >= _HELD_TOWN_POPULATION for c in around)
            and not any(c.feature == "country" and c.exact_name for c in around)
        ):
            # "residents of Vuhledar in Dnipro": a city, and perhaps where they fled;
            # not a country that bears the name ("in Iraq", whatever city lists
            # "‘Irāq" among its alternate names)
            continue
        wholes = [c for c in around if c.feature in ("country", "admin1")]
        # "the Shaab neighborhood of Baghdad": the city, or the province named after it
        cities = [
            c
            for c in around
            if kind and c.feature == "city" and c.population >= _HELD_TOWN_POPULATION
        ]
        if not (wholes or cities):
            continue
        countries = {w.country for w in wholes} | {c.country for c in cities}
        for town in listed:
            found = candidates.get(town.name)
            # a province of the name itself is left alone ("Rama in Tigray" may be
            # a region); one reached by another spelling is held like a town ("the
            # Hamdan district of Basra" is no Hamadan province in Iran)
            if (
                not found
                or town.name in held
                or any(
                    c.feature != "city" and (c.exact_name or c.feature == "country") for c in found
                )
            ):
                continue
            if any(c.population >= _HELD_TOWN_POPULATION and c.exact_name for c in found) and (
                not wholes
                or not (_called_a_town(text, town) or found_in["side"])
                or any(c.country in countries or c.capital for c in found)
            ):
                # "Tehran in Syria", "fled Aleppo in Turkey", "survivors from the
                # city of Mariupol in Germany": a city of standing says what its
                # government does there, or where its people went; but "the town of
                # Palma in Cabo Delgado province" is no Spanish city: the text calls
                # it a town (or puts it in a side of the country: "attacked Palma in
                # northern Mozambique") where none of its namesakes lies
                continue
            inside = [
                c
                for c in found
                if any(qualified_by(c, w) for w in wholes)
                or any(haversine_km(c.lat, c.lon, t.lat, t.lon) <= _HELD_CITY_KM for t in cities)
            ]
            # none filed there: a province split or renamed since holds those near its heart
            held[town.name] = inside or [
                c for c in found if any(near_the_heart_of(c, w) for w in wholes)
            ]
    return held


_TOWN_LIKE = frozenset({"city", "admin1", "admin2"})
_MODEL_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: How far a namesake must lie from every town of the story to be a stray.
_STRAY_KM = 500.0
#: How far a namesake of a part of a town must lie from every town of the story.
_STRAY_PART_KM = 100.0


def _far_from_its_name(mention: Mention) -> bool:
    """Whether the phrase puts its place farther from its name than a town's area reaches."""
    area = mention.area
    return (
        area is not None
        and area.kind is AreaKind.OFFSET
        and area.distance_km is not None
        and area.distance_km > LOCAL_AREA_RADIUS_KM
    )


def _province_word_before(text: str, mention: Mention) -> str | None:
    """The province kind word of "the state of" or "the province of" right before a name.

    "the neighbouring state of Michoacan": the state, which the sources name
    "Michoacán de Ocampo", not the village of Michoacán. ``None`` for a
    phrase and when no such words come before.
    """
    if mention.kind is MentionKind.PHRASE:
        return None
    found = _KIND_BEFORE.search(text[max(0, mention.anchor_start - 50) : mention.anchor_start])
    word = found.group(1).lower() if found else None
    return word if word in _PROVINCE_WORDS else None


def _kind_named_before(text: str, mention: Mention) -> str | None:
    """The feature a phrase such as "the state of" right before the name asks for.

    Or the kind a word right after it names: "crossed the Dnipro river" is the
    river, not the city of Dnipro; "Georgia Governor Brian Kemp", the state.
    """
    before = text[max(0, mention.anchor_start - 50) : mention.anchor_start]
    found = _KIND_BEFORE.search(before)
    if found:
        return _KIND_FEATURES[found.group(1).lower()]
    if _ACROSS_A_BORDER.search(before):
        return "country"  # "fled across the border into Niger": a neighbour, not a state
    if _LEGISLATOR_OF.search(before):
        return "admin1"  # "Senator Jon Ossoff of Georgia": a state sends senators
    if _DISTRICTS_IN.search(before):
        return "admin1"  # "captured several districts in Kunduz": a province holds districts
    if mention.anchor_end != mention.end:
        return None
    if _A_STATE_S_OWN.match(text, mention.anchor_end):
        return "country"  # "Niger's junta", "Georgia's president": what only a country has
    after = _KIND_AFTER_NAME.match(text, mention.anchor_end)
    if after is None:
        return None
    return _KIND_OF_WORD_AFTER[after.group(1).lower()]


_A_TOWN_ASIDE = re.compile(
    r"\s*,\s*(?:an?|the)\s+(?:[a-z][\w-]*\s+){0,3}?"
    r"(?:town|village|city|hamlet|settlement|municipality|suburb)\b(?!-)"
)
"""An aside after a name that calls the place a town: ", a town of about 25,000 people"."""


def _told_as_towns(text: str, mentions: Sequence[Mention]) -> frozenset[str]:
    """The names an aside right after them calls a town, a village or a city.

    Not a name that qualifies the one before it: in "Compton, California, an
    impoverished suburb of Los Angeles" the aside is Compton's.
    """
    ends = {m.end for m in mentions}
    return frozenset(
        m.name
        for m in mentions
        if m.kind is MentionKind.TOPONYM
        and m.anchor_end == m.end
        and _A_TOWN_ASIDE.match(text, m.end)
        and _end_before_a_comma(text, m.start) not in ends
    )


def _end_before_a_comma(text: str, start: int) -> int | None:
    """Where the words before ", " and ``start`` end ("Compton" in "Compton, California")."""
    comma = start - 1
    while comma >= 0 and text[comma].isspace():
        comma -= 1
    if comma < 0 or text[comma] != ",":
        return None
    end = comma
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


_ACROSS_A_BORDER = re.compile(
    r"\b(?:(?:across|over)\s+the\s+(?:\w+\s+)?(?:border|frontier)\s+(?:into|to|in|from)"
    r"|(?:into|to|from)\s+neighbo(?:u)?ring|the\s+(?:\w+\s+)?(?:border|frontier)\s+with)"
    r"\s+$",
    re.IGNORECASE,
)
"""Words before a name that make it the country over a border: "fled across the border
into Niger", "the border with Niger", "into neighbouring Niger" (in a story of Nigeria,
whose Niger State bears the name too). Not "in neighbouring Georgia", which may be a
state beside a state as well."""


_AFTER_A_PLACE_WORD = re.compile(
    r"\b(?:in|of|across|near|into|inside|throughout)\s+(?:the\s+)?"
    r"(?:(?:north|south|east|west|central)(?:ern)?(?:-?\w+ern)?\s+)?$",
    re.IGNORECASE,
)
"""Words before a country that name it as a place, not an actor: "in eastern Congo"."""


_LANDFORM_AFTER = re.compile(
    r"\s+(?:basin|valley|plain|plains|plateau|desert|hills|mountains|highlands|gorge|delta"
    r"|marshes|marshlands|steppe|heights)\b"
)
"""A lower-case landform word right after a name: "the Yarmouk basin" is no town of
Yarmouk, "the Ruzizi plain" no town of Ruzizi (the Golan Heights' own entry is a name)."""


_LEGISLATOR_OF = re.compile(
    r"\b(?:Senator|Sen\.|Representative|Rep\.|Congressman|Congresswoman|Governor|Gov\.)"
    r"\s+(?:[A-Z][\w.'’-]*\s+){1,3}of\s+$"
)
"""A lawmaker or governor named with the state he is of: "Senator Jon Ossoff of Georgia"."""
_DISTRICTS_IN = re.compile(r"\b(?:districts|counties)\s+(?:of|in|across)\s+$")
"""Parts of a province named right before it: "several districts in Kunduz"."""
_KIND_OF_WORD_AFTER = {"river": "river", "lake": "lake", "governor": "admin1"}
_KIND_AFTER_NAME = re.compile(r"\s+(river|lake|[Gg]overnor)\b")
"""A word right after a name that says its kind: "the Dnipro river" is the river;
"Georgia Governor Brian Kemp" governs a state, and no country has a governor."""


_A_STATE_S_OWN = re.compile(
    r"['’]s\s+(?:(?:military|ruling|new|interim|transitional)\s+)?"
    r"(?:junta|president|prime\s+minister|foreign\s+minister|foreign\s+ministry|"
    r"army|armed\s+forces|parliament|embassy|ambassador|head\s+of\s+state)\b"
)
"""What only a country has, after its name: "Niger's junta" is no Nigerian state's."""


def _is_generic_name(name: str) -> bool:
    """Whether a name is made only of generic words ("West Coast", "the Gulf")."""
    words = name.lower().replace("-", " ").split()
    return bool(words) and all(w in _GENERIC_WORDS for w in words)


def _not_generic(found: list[Candidate]) -> list[Candidate]:
    """Places reached by another spelling, less those named by generic words only."""
    return [c for c in found if not _is_generic_name(c.matched_name or c.name)]


def _generic_stray(name: str, best: Candidate, context: ArticleContext) -> bool:
    """Whether a generic name won a province or town in a country the article never names."""
    if not _is_generic_name(name):
        return False
    if best.feature not in ("admin1", "city") or best.source == ANALYST_SOURCE:
        return False
    return not context.countries.get(str(best.country), 0)


def _anchor_text(text: str, mention: Mention) -> str:
    """The words of the name a mention is built on, as the article writes them."""
    return text[mention.anchor_start : mention.anchor_end]


def _needs_lookup(mention: Mention) -> bool:
    return mention.demonym_country is None


def _equivalent_radius_km(shape: BaseGeometry, lat: float) -> float:
    """Radius of a disc with the shape's area: a rough size for a country."""
    km_per_deg = 111.32
    area_km2 = shape.area * km_per_deg * km_per_deg * max(0.1, math.cos(math.radians(lat)))
    return round(math.sqrt(area_km2 / math.pi), 1)


#: Candidates whose geometry is kept (see :func:`_geometry_of`).
_GEOMETRY_CACHE_SIZE = 4096
#: Areas around places kept (see :func:`_area_for`).
_AREA_CACHE_SIZE = 2048


@lru_cache(maxsize=_AREA_CACHE_SIZE)
def _area_for(
    spec: AreaSpec, lat: float, lon: float, iso2: str | None, is_country: bool
) -> AreaResult | None:
    """:func:`geo.areas.area_for`, built once per phrase kind and place.

    News names the same town's surroundings again and again, and each disc
    or strip around a point is a projection and a buffer. The result is a
    frozen value over an immutable geometry: shared safely. (Kept here, not
    in :mod:`geo.areas`, whose source keys the areas stored on disk.)
    """
    return areas.area_for(spec, lat=lat, lon=lon, iso2=iso2, is_country=is_country)


@lru_cache(maxsize=_GEOMETRY_CACHE_SIZE)
def _geometry_of(candidate: Candidate) -> tuple[BaseGeometry, Precision, float | None]:
    """A candidate's geometry, precision and radius, worked out once per candidate.

    A corpus resolves the same places over and over, and a curated area's
    WKT is parsed and a country's area measured each time otherwise. The
    candidate is a frozen value and the geometry immutable: shared safely.
    """
    point = Point(candidate.lon, candidate.lat)
    if candidate.feature == "country" and candidate.country:
        shape = shapes.country_shape(candidate.country)
        if shape is not None:
            return shape, Precision.COUNTRY, _equivalent_radius_km(shape, candidate.lat)
        return point, Precision.COUNTRY, None
    if candidate.wkt:
        shape = None
        if candidate.feature in SEA_FEATURES:
            # A sea is its water: the curated outline less the land it covers.
            shape = sea_shape(candidate.gazetteer_id, candidate.wkt)
        if shape is None:
            shape = shapely_wkt.loads(candidate.wkt)
        return shape, Precision.REGION, candidate.radius_km
    if candidate.feature == "admin1":
        outline = (
            admin1_area(candidate.country, candidate.admin1, candidate.lat, candidate.lon)
            if candidate.country and candidate.admin1
            else None
        )
        if outline is not None:
            return outline[0], Precision.REGION, outline[1]
        return point, Precision.REGION, ADMIN1_RADIUS_KM
    if candidate.radius_km and candidate.radius_km > 5:
        return point, Precision.REGION, candidate.radius_km
    return point, Precision.EXACT, None


def _countries_of_towns_and_provinces(candidates: Mapping[str, Sequence[Candidate]]) -> set[str]:
    """The countries of the names whose every entry is a town or province of one country."""
    return {
        str(found[0].country)
        for found in candidates.values()
        if found
        and found[0].country
        and all(c.feature == "city" or c.feature in _PROVINCE_FEATURES for c in found)
        and len({c.country for c in found}) == 1
    }
