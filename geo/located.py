"""Names no gazetteer holds, placed where the text puts them.

"near the village of Plauru in Romania", "Tabqa, a town near Raqqa", "the
hamlet of Velmora outside Izmail", "the Zuhour district of Mosul": the
wording says the name is a place (:mod:`geo.place_frames`) and the words
right after it say where. Such a name is placed at the place named there,
with a radius that honestly covers it (the whole country, the province, or
a town's surroundings), as a point: never as the country's outline, so an
event layer never shows a whole country for a village. Once every stage has
read the points, a name placed in a province is given the province's outline
to be drawn with (:func:`drawn_within_its_holder`). Its feature
:data:`LOCATED_FEATURE` marks it as not in the gazetteer but located.

A possessive says the same the other way round: "Istanbul's Sariyer
district" is a part of Istanbul (:func:`possessor`), so only gazetteer
entries inside Istanbul can be it (:func:`lies_within`), and with none there
it is placed within Istanbul (:func:`placed_within`).
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Sequence
from typing import Protocol

from shapely.geometry import Point

from geo.admin1 import admin1_shape
from geo.cues import COUNTS_OF_TIMES, EDGE_WORDS
from geo.directional import is_a_side
from geo.disambiguate import haversine_km
from geo.local_places import PARAGRAPH_BREAK, TOWN_PART_WORDS
from geo.normalize import name_key
from geo.types import AreaKind, Candidate, Mention, MentionKind, Place, Precision, Resolved

__all__ = [
    "LIST_GOES_ON",
    "LOCATED_FEATURE",
    "NEAR_TOWN_RADIUS_KM",
    "a_part_far_from_its_town",
    "a_part_of_the_next",
    "by_the_town",
    "container_after",
    "drawn_within_its_holder",
    "lies_within",
    "located_by_text",
    "nation_before",
    "near_the_heart_of",
    "placed_in",
    "placed_within",
    "possessor",
    "qualifier_after",
    "smaller_town_within_reach",
    "town_reach_km",
    "written_as_a_part",
]

LOCATED_FEATURE = "located_by_text"
"""The :attr:`~geo.types.Place.feature` of a name placed where the text puts it."""

NEAR_TOWN_RADIUS_KM = 30.0
"""How far from a town a place the text puts "near" or "in" it may be: a
town, its suburbs and the villages news names by it."""
#: A province or region known only by its point.
_REGION_RADIUS_KM = 100.0
#: A compass bearing as news writes it: "north", "south-east", "northwestern".
_BEARING = r"(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?"
#: A side of a place: a bearing, or its centre.
_SIDE = rf"(?:{_BEARING}|central)"
#: The words between a name and the place that locates it: "in", "near",
#: ", a village in", "outside", "in northern", "north of", "(", ",".
_BETWEEN = re.compile(
    r"^\s*(?:[,(]\s*)?"
    r"(?:(?:(?:an?|the)\s+)?(?:small\s+|remote\s+)?(?:village|town|hamlet|settlement|locality)\s+"
    r"|(?:district|neighbou?rhood|suburb|quarter|area|camp|territory)s?\s+(?:of\s+)?"
    r"|(?:airport|air\s*base|base|crossing|checkpoint|port|harbou?r|refinery|dam|bridge)\s+"
    r"(?=in\b|near\b|outside\b|close\s+to\b|not\s+far\s+from\b))?"
    rf"(?:in|near|outside|close to|not far from|{_BEARING}\s+of"
    rf"|in\s+(?:the\s+)?{_SIDE}(?:\s+of)?)?"
    r"\s*(?:the\s+)?$",
    re.IGNORECASE,
)


#: What stands between X and Y in "X's Y district": the possessive, and
#: perhaps a compass or position word ("Aleppo's eastern Bab district").
_POSSESSIVE = re.compile(
    rf"^['’]s\s+(?:{_BEARING}\s+"
    r"|(?:central|old|northern|southern|eastern|western|outer|inner)\s+)?$",
    re.IGNORECASE,
)
#: Words for a part of a place, singular: "X's Y district", "X's Y province".
_PART_WORDS = TOWN_PART_WORDS | frozenset(
    {
        "district",
        "province",
        "governorate",
        "region",
        "oblast",
        "county",
        "municipality",
        "area",
        "camp",
        "village",
        "town",
        "prefecture",
        "township",
        "tehsil",
        "commune",
        "subdistrict",
        "sub-district",
        "raion",
        "rayon",
        "hromada",
        "canton",
        "parish",
        "ward",
        "locality",
        # a town's market is in it: "the Naivasha market in El Fasher"
        "market",
        "bazaar",
        "souk",
    }
)
_PART_AFTER = re.compile(r"^\s+(?:" + "|".join(sorted(_PART_WORDS)) + r")s?\b", re.IGNORECASE)
#: Population from which a town's parts may lie farther out (:func:`lies_within`).
_METROPOLIS_POPULATION = 1_000_000
#: How far from a city of a million its named districts and suburbs may lie.
_METROPOLIS_REACH_KM = 60.0


def _placed_id(where: Place, name: str) -> str:
    """The id of a name placed in ``where``: ``where``'s id, then ``~in:`` and the name."""
    return f"{where.gazetteer_id}~in:{name_key(name)}"


def placed_in(place: Place | None, where: Place | None) -> bool:
    """Whether ``place`` is a name this module placed in ``where`` ("the village of X in Y")."""
    return (
        place is not None
        and where is not None
        and place.gazetteer_id.startswith(_placed_id(where, ""))
    )


def located_by_text(text: str, resolved: Sequence[Resolved], index: int) -> Place | None:
    """The place of ``resolved[index]`` (not in the gazetteer) where the next mention puts it.

    Only when the words between the two say so (:data:`_BETWEEN`) and the
    next mention resolved. A country gives its point and its own radius,
    precision ``country``; a province or area its radius, precision
    ``region``; a town, or the vicinity of one ("near Kharkiv"),
    :data:`NEAR_TOWN_RADIUS_KM` or the vicinity's radius if wider, precision
    ``near``.
    """
    after_it = _placed_by_what_follows(text, resolved, index)
    return after_it if after_it is not None else _named_before_its_kind(text, resolved, index)


def _placed_by_what_follows(text: str, resolved: Sequence[Resolved], index: int) -> Place | None:
    """:func:`located_by_text` from the mention after the name: "X, a town near Kharkiv"."""
    if index + 1 >= len(resolved):
        return None
    mention = resolved[index].mention
    after = resolved[index + 1]
    between = text[mention.end : after.mention.anchor_start]
    if (
        (after.place is None or after.place.feature == LOCATED_FEATURE)
        and _LISTED_WITH.match(between)
        and _PARTS_OF_AFTER.match(text, after.mention.end)
    ):
        # "the Metina and Zap areas of Duhok governorate": the list shares the area
        shared = _placed_by_what_follows(text, resolved, index + 1)
        holder = resolved[index + 2].place if index + 2 < len(resolved) else None
        if shared is None or holder is None:
            return None
        return _put_in(mention.name, holder)
    if (
        _an_area_of(text, mention, after.mention)
        and after.place is not None
        and after.place.feature != LOCATED_FEATURE
    ):
        # "the Metina area of Duhok governorate": the name was read with its kind word
        return _put_in(mention.name, after.place)
    if index + 2 < len(resolved) and resolved[index + 2].place is not None:
        # "Barsalogho in Burkina Faso's Centre-Nord region": the province, not the country
        whose = text[after.mention.end : resolved[index + 2].mention.anchor_start]
        if _POSSESSIVE.match(whose):
            after = resolved[index + 2]
    where = after.place
    if where is None or (where.feature == LOCATED_FEATURE and not between.strip(" ,(")):
        return None  # "…, Kanaan, Khalis": a list, not a chain of places each in the next
    if _BORDER_AFTER.match(text[after.mention.anchor_end :]):
        return None  # "the Catatumbo region near the Venezuelan border" lies across it
    if _an_offset_of_it(text[mention.end : after.mention.start], after.mention):
        # "the Al-Watiya airbase, about 140 km southwest of Tripoli": at that point
        return placed_within(
            mention.name, where, why=f"not in the gazetteer; the text puts it {where.label}"
        )
    if (
        _ON_ITS_EDGE.match(between)
        and not PARAGRAPH_BREAK.search(between)
        and (where.radius_km or 0.0) <= _WIDEST_EDGE_HOLDER_KM
    ):
        # "took Minova, on the western shore of Lake Kivu": the water's or the
        # town's reach holds its shore
        return placed_within(
            mention.name,
            where,
            why=f"not in the gazetteer; the text puts it on the edge of {where.label}",
        )
    if PARAGRAPH_BREAK.search(between) or not _BETWEEN.match(between):
        return None
    if between.strip() == "," and (
        _a_list_of_towns(text, after.mention, where)
        or _SPEAKS_AFTER.match(text[after.mention.end :])
        or (index and _listed_after_a_comma(text, resolved[index - 1].mention, mention, where))
    ):
        return None  # "…, Hama, Zorvanek and X"; "200 km west of Oshima-Oshima, Tokyo said"
    return placed_within(
        mention.name, where, why=f"not in the gazetteer; the text puts it in or near {where.label}"
    )


def _an_area_of(text: str, mention: Mention, after: Mention) -> bool:
    """Whether the mention is "the X area" (district, suburb …) of the next: "… of Duhok"."""
    return mention.text.split()[-1].lower() in _AREA_WORDS and bool(
        _JUST_OF.match(text[mention.end : after.anchor_start])
    )


_AREA_WORDS = frozenset(
    {"area", "areas", "district", "districts", "neighbourhood", "neighborhood", "suburb",
     "quarter", "camp", "territory"}
)  # fmt: skip
_JUST_OF = re.compile(r"^\s+of\s+(?:the\s+)?$")
_LISTED_WITH = re.compile(r"^\s*(?:,\s*(?:and\s+|or\s+)?|(?:and|or)\s+)$")
"""Between two names of a list: ", ", " and ", ", and "."""
_PARTS_OF_AFTER = re.compile(
    r"\s+(?:areas|districts|neighbou?rhoods|suburbs|quarters|villages|towns|camps)\s+of\s",
    re.IGNORECASE,
)
"""A plural kind and "of" after the last of a list: "the Metina and Zap areas of Duhok"."""

_ON_ITS_EDGE = re.compile(
    r"^\s*,\s*on\s+(?:the\s+)?(?:[a-z]+(?:-[a-z]+)?\s+)?"
    rf"(?:{'|'.join(sorted(EDGE_WORDS | {'edge', 'banks'}))})\s+of\s+(?:the\s+)?$",
    re.IGNORECASE,
)
"""Between a name and the place whose edge it lies on: ", on the western shore of"."""

_WIDEST_EDGE_HOLDER_KM = 150.0
"""The widest place whose reach stands for a name on its edge: a lake's or a town's,
not a desert's or a sea's (the name lies somewhere along thousands of km of shore)."""


#: A kind of settlement and "of" between a place and the name it holds: "the
#: Lake Chad island of Barkaram", "the Borno town of Zorvan". Not a district,
#: area or region: "the Rim district of Riyom" is Rim, a district of Riyom.
_KIND_OF_AFTER_A_PLACE = re.compile(
    r"^\s+(?:island|village|town|city|oasis|camp|hamlet|port)\s+of\s+$",
    re.IGNORECASE,
)


def _named_before_its_kind(text: str, resolved: Sequence[Resolved], index: int) -> Place | None:
    """The place of ``resolved[index]`` when the place before it holds it.

    "the Lake Chad island of Barkaram", "the Borno town of Zorvan": a place,
    a kind of settlement and "of" before the name put it in that place.
    Not a country (the national form is a demonym: "the Syrian town of X").
    """
    if index == 0:
        return None
    before = resolved[index - 1]
    where = before.place
    if (
        where is None
        or where.feature in (LOCATED_FEATURE, "country")
        or (where.radius_km or 0.0) > _WIDEST_HOLDER_KM
    ):
        return None  # not "the Sahel town of X": a region of several countries
    between = text[before.mention.end : resolved[index].mention.anchor_start]
    if not _KIND_OF_AFTER_A_PLACE.match(between):
        return None
    return _put_in(resolved[index].mention.name, where)


def a_part_far_from_its_town(text: str, resolved: Sequence[Resolved], index: int) -> Place | None:
    """A town's part the gazetteer knows only far away, placed in the town the text names.

    "the Majengo area of Goma", where the only Majengo on file is in Kenya,
    640 km off: the words say it is a part of Goma, so it is placed there, at
    Goma's reach, and not at the namesake's point. ``None`` when the next
    mention is no town, or the place found lies within the town's reach or
    in the town's own country ("the Bakhmut area of Donetsk" names the
    province by its capital's name).
    """
    if index + 1 >= len(resolved):
        return None
    item, after = resolved[index], resolved[index + 1]
    place, town = item.place, after.place
    if (
        place is None
        or town is None
        or place.feature == LOCATED_FEATURE
        or town.feature != "city"
        or not _an_area_of(text, item.mention, after.mention)
    ):
        return None
    if place.country == town.country:
        return None  # "the Bakhmut area of Donetsk": the province, named by its capital
    lat, lon = place.point_of_the_name
    if haversine_km(lat, lon, town.lat, town.lon) <= town_reach_km(town.population):
        return None
    return placed_within(
        item.mention.name,
        town,
        why=f"the text puts it in {town.label}; the gazetteer's {item.mention.name} lies far off",
    )


def _put_in(name: str, holder: Place) -> Place:
    """``name``, which no source holds, placed in the place the words put it in."""
    return placed_within(
        name, holder, why=f"not in the gazetteer; the text puts it in {holder.label}"
    )


#: The widest place that holds a settlement named after it ("the Borno town of X").
_WIDEST_HOLDER_KM = 500.0


_BEFORE_ITS_OFFSET = re.compile(
    r"^\s*(?:(?:airport|air\s*base|base|camp|crossing|checkpoint|port|refinery|dam|bridge"
    r"|village|town|settlement|district|area|valley|oasis)\s*)?,?\s*"
    r"(?:about|some|around|roughly|nearly|approximately|almost)?\s*$",
    re.IGNORECASE,
)
"""Between a name and the distance and bearing that place it: "Al-Watiya airbase, about"."""


def _an_offset_of_it(between: str, after: Mention) -> bool:
    """Whether the next mention is a measured offset that says where the name lies."""
    area = after.area
    return (
        area is not None
        and area.kind is AreaKind.OFFSET
        and area.distance_km is not None
        and _BEFORE_ITS_OFFSET.match(between) is not None
    )


#: A border after the place that would hold the name: near a border is not inside.
_BORDER_AFTER = re.compile(r"^(?:'s|’s)?\s+(?:border|frontier|boundary)\b", re.IGNORECASE)
#: A verb of saying right after a name: the name speaks ("…, Tokyo said"), holding
#: nothing. Not after its speakers: "killed 12 in Boulkessi, Mali's army said" is
#: still in Mali.
_SPEAKS_AFTER = re.compile(
    r"^\s+(?:said|says|told|reported|reports|announced|added|claimed|stated|confirmed)\b"
)
#: The list going on after a name to its close: ", Z and W", ", and Z", " or Z",
#: ", Z and the capital W".
#: A name that a clause follows ("In X, Hama, Russian jets struck") ends no list.
_NAME = r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}"
LIST_GOES_ON = re.compile(
    rf"^(?:\s*,\s*{_NAME})*\s*,?\s+(?:and|or)\s+(?:the\s+(?:[a-z]+\s+){{1,2}})?[A-Z]"
)


def _a_list_of_towns(text: str, where_mention: Mention, where: Place) -> bool:
    """Whether "X, Y" is two members of a list of towns, not X named with its town.

    "Shelled Sukhanah, Quraytayn, Mahsaa and Arak": a town after a comma
    holds the name before it only when no list goes on from it to an "and"
    or an "or" ("In Kafr Zaytabiya, Hama, Russian jets struck" names the
    village with its town). A province or a country after a comma holds it
    whatever follows ("Winnipeg, Manitoba, and Ancaster").
    """
    if _holds_whatever_follows(where):
        return False
    return bool(LIST_GOES_ON.match(text[where_mention.end :]))


def _holds_whatever_follows(where: Place) -> bool:
    """Whether a place after a comma holds the name before it, whatever list goes on.

    A province or a country does ("Winnipeg, Manitoba, and Ancaster"); a town
    in a list is one more member.
    """
    return where.feature in ("country", "admin1", "admin2") or where.precision in (
        Precision.COUNTRY,
        Precision.REGION,
    )


def _listed_after_a_comma(text: str, before: Mention, mention: Mention, where: Place) -> bool:
    """Whether "X, Y" goes on a list that a name and a comma opened before X.

    "shelled the villages of Velmora, Kafr Zorvan, Sarmin, Karnaz, Binnish,
    farmland …": each name is one more member, not a village in the town
    after it, though no "and" closes the list. A province or a country after the
    comma still holds the name ("Kafr Nabl, Maarat, Idlib province").
    """
    if _holds_whatever_follows(where):
        return False
    return _ONLY_A_COMMA.fullmatch(text, before.end, mention.start) is not None


#: Only a comma between two names of a list, after a count of times a name may carry:
#: "shelled Kafr Zorvan (twice), Velmora, Sarmin (three times), …".
_ONLY_A_COMMA = re.compile(
    r"(?:[ \t]*\((?:" + "|".join(sorted(COUNTS_OF_TIMES)) + r"|[\w-]+ times)\))?[ \t]*,[ \t]*",
    re.IGNORECASE,
)


def placed_within(name: str, where: Place, *, why: str) -> Place:
    """``name`` as a point at ``where`` with a radius that honestly covers it.

    A country gives its point and its own radius, precision ``country``; a
    province or area its radius, precision ``region``; a town, or the
    vicinity of one ("near Kharkiv"), :data:`NEAR_TOWN_RADIUS_KM` or the
    vicinity's radius if wider, precision ``near``. ``why`` opens the reason.
    """
    if where.feature == "country" and is_a_side(where):
        # "in central Mali": the side the text names, not the whole country's reach
        precision, radius = Precision.REGION, where.radius_km or _reach_of(where)
    elif where.feature == "country":
        precision, radius = Precision.COUNTRY, _reach_of(where)
    elif where.feature == "vicinity" or (
        where.feature == "city" and where.precision in (Precision.EXACT, Precision.NEAR)
    ):
        precision, radius = Precision.NEAR, max(NEAR_TOWN_RADIUS_KM, where.radius_km or 0.0)
    else:
        precision, radius = Precision.REGION, where.radius_km or _REGION_RADIUS_KM
    return Place(
        gazetteer_id=_placed_id(where, name),
        name=name,
        country=where.country,
        feature=LOCATED_FEATURE,
        geometry=Point(where.lon, where.lat),
        lat=where.lat,
        lon=where.lon,
        precision=precision,
        radius_km=radius,
        confidence=round(0.5 * where.confidence, 3),
        source=where.source,
        alternatives=(),
        reason=f"{why}{_SOMEWHERE_WITHIN} {radius or 0:,.0f} km of that point",
    )


#: Holders whose outline stands for a name placed in them: a province, a district,
#: a named region. Not a country (an event layer must not fill a whole country
#: for a village) and not a sea.
_OUTLINED_HOLDERS = frozenset({"admin1", "admin2", "region", "territory"})


def drawn_within_its_holder(place: Place, resolved: Sequence[Resolved]) -> Place:
    """A name placed in a province, drawn as the province's outline; else ``place`` itself.

    "clashed near Léré, in the Timbuktu region", Léré being on no file: all
    the text says is that it lies somewhere in the region. A point at the
    region's centre with a radius that reaches its far corner claims land
    across the border and desert the region never held; the region's own
    outline claims exactly what the text does. The point (where the place
    is scored and labelled) stays the region's. Drawing only: the stages that
    decide what holds what read the point, so this is applied last in
    resolution, and the event stage's tests of what an outline holds pass
    such a place by.
    """
    if place.feature != LOCATED_FEATURE or place.precision is not Precision.REGION:
        return place
    holder_id, marker, _ = place.gazetteer_id.partition("~in:")
    if not marker:
        return place
    holder = next(
        (
            item.place
            for item in resolved
            if item.place is not None and item.place.gazetteer_id == holder_id
        ),
        None,
    )
    if holder is None or holder.feature not in _OUTLINED_HOLDERS or not holder.is_area:
        return place
    return dataclasses.replace(
        place,
        geometry=holder.geometry,
        reason=f"{place.reason.split(_SOMEWHERE_WITHIN)[0]}, "
        f"so it is drawn as the outline of {holder.label}",
    )


_SOMEWHERE_WITHIN = ", so it is somewhere within"
"""The clause of :func:`placed_within`'s reason that gives the radius, which an outline replaces."""


def _reach_of(where: Place) -> float | None:
    """How far from its point a country's main outline reaches, at least its own radius.

    A country's radius is that of a disc of its area: Western Sahara, long
    and thin, reaches 500 km past it, and "near Mahbes in Western Sahara"
    must not claim 170 km. Only the part of the outline that holds the point
    (or lies nearest it) counts: France's overseas departments are no reach
    of a village "in France". Measured to the simplified outline's vertices,
    once per country.
    """
    radius = where.radius_km
    geometry = where.geometry
    if geometry is None or geometry.geom_type not in ("Polygon", "MultiPolygon"):
        return radius
    known = _REACHES.get(where.gazetteer_id)
    if known is None:
        point = Point(where.lon, where.lat)
        parts = list(geometry.geoms) if geometry.geom_type == "MultiPolygon" else [geometry]
        main = min(parts, key=lambda part: part.distance(point)).simplify(0.05)
        known = max(
            (haversine_km(where.lat, where.lon, lat, lon) for lon, lat in main.exterior.coords),
            default=0.0,
        )
        if len(_REACHES) >= _REACHES_KEPT:
            _REACHES.clear()
        _REACHES[where.gazetteer_id] = known
    return round(max(radius or 0.0, known), 1)


#: Each country's reach from its point, by gazetteer id (:func:`_reach_of`).
_REACHES: dict[str, float] = {}
_REACHES_KEPT = 512


def possessor(text: str, mentions: Sequence[Mention], index: int) -> int | None:
    """The index of X when ``mentions[index]`` is Y in "X's Y district" ("Istanbul's Sariyer").

    The possessive says Y is a part of X: X's toponym stands right before
    "'s" (a compass or position word may follow: "Aleppo's eastern Bab
    district"), and a word for a part of a place follows Y, or ends Y's own
    name ("Syria's Idlib province"). Without such a word "X's Y" may be
    anything X has ("Russia's Gazprom").
    """
    if index == 0:
        return None
    owner, mention = mentions[index - 1], mentions[index]
    if owner.kind is not MentionKind.TOPONYM or owner.anchor_end > mention.start:
        return None
    if not _POSSESSIVE.match(text[owner.anchor_end : mention.anchor_start]):
        return None
    return index - 1 if written_as_a_part(text, mention) else None


def written_as_a_part(text: str, mention: Mention) -> bool:
    """Whether a part word ends the name or follows it: "Idlib province", "Kani township"."""
    last_word = mention.name.rsplit(" ", 1)[-1].lower().rstrip("s")
    return last_word in _PART_WORDS or bool(_PART_AFTER.match(text[mention.anchor_end :]))


#: Sites a name may call itself before the town it is in: "the Westgate mall in Nairobi".
_SITE_WORDS = frozenset(
    {"mall", "hotel", "hospital", "stadium", "university", "airport", "church", "mosque",
     "school", "prison", "jail", "cathedral", "temple", "shrine", "barracks", "airbase",
     "intersection", "roundabout", "junction", "square", "market", "bazaar", "souq", "souk",
     "bridge", "factory", "refinery"}
)  # fmt: skip
#: What stands between X and Y in "X in Y" (and "A and B, in central Y"):
#: perhaps more names the list goes on with, a part or site word, a comma,
#: "in", perhaps "the" and a compass or position word.
_IN_AFTER = re.compile(
    r"^(?:\s*(?:,|and|or)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})*"
    r"(?:\s+(?:"
    + "|".join(sorted(_PART_WORDS | _SITE_WORDS))
    + r"))?"  # "Kani township in Sagaing"
    rf"\s*,?\s+in\s+(?:the\s+)?(?:{_SIDE}\s+)?(?:neighbou?ring\s+|nearby\s+|adjacent\s+)?$"
)  # "Tamazula, in neighbouring Durango state": in Durango


#: A part of a town and "of" between a name and its town: "the Ruvuma quarter of
#: Kisangani", "the Nanga neighbourhood of Macomia".
_TOWN_PART_OF = re.compile(
    r"^\s+(?:" + "|".join(sorted(TOWN_PART_WORDS | {"district"})) + r")\s+of\s+(?:the\s+)?"
    rf"(?:{_SIDE}\s+)?$",
    re.IGNORECASE,
)


def a_part_of_the_next(text: str, mentions: Sequence[Mention], index: int) -> bool:
    """Whether the words call ``mentions[index]`` a part of the next: "the X quarter of Y"."""
    if index + 1 >= len(mentions) or mentions[index].demonym_country:
        return False
    if not text[max(0, mentions[index].start - 4) : mentions[index].start].lower().endswith("the "):
        return False  # "a Jewish neighbourhood of Jerusalem" names no place called Jewish
    after = mentions[index + 1]
    return _TOWN_PART_OF.match(text[mentions[index].end : after.anchor_start]) is not None


#: A site word right after a name: "the Gulistan intersection".
_SITE_AFTER = re.compile(r"^\s+(?:" + "|".join(sorted(_SITE_WORDS)) + r")\b")
#: The words of a vicinity phrase before its name: "near the", "outside".
_VICINITY_BEFORE = re.compile(r"^(?:near|close to|outside|around|by)\s+(?:the\s+)?$", re.IGNORECASE)


def container_after(text: str, mentions: Sequence[Mention], index: int) -> int | None:
    """The index of Y when ``mentions[index]`` is X in "X in Y" ("Lido Beach in Mogadishu").

    The words say X lies in Y: a beach, a street or a village named with its
    town or country right after it. A list may stand before "in" ("between
    Boni and Hombori, in central Mali"). Y must be a toponym and the words
    between only "in" and a position word (:data:`_IN_AFTER`). Where Y owns
    the next name ("in Mozambique's Cabo Delgado province"), that part is Y.
    """
    if index + 1 >= len(mentions):
        return None
    mention, after = mentions[index], mentions[index + 1]
    if (
        after.kind is not MentionKind.TOPONYM
        or not (
            mention.kind is MentionKind.TOPONYM
            # "near the Gulistan intersection in Dhaka": a vicinity that ends on its name
            or (
                mention.kind is MentionKind.PHRASE
                and mention.anchor_end == mention.end
                and _VICINITY_BEFORE.match(text[mention.start : mention.anchor_start]) is not None
            )
        )
    ):
        return None
    if after.start != after.anchor_start:  # "X in near Y" is no phrase of Y's
        return None
    between = text[mention.end : after.anchor_start]
    if mention.kind is MentionKind.PHRASE and not _SITE_AFTER.match(between):
        return None  # "near Lake Titicaca in the Puno region": the lake is no site of Puno
    if a_part_of_the_next(text, mentions, index):
        return index + 1  # "the Ruvuma quarter of Kisangani"
    if PARAGRAPH_BREAK.search(between) or not _IN_AFTER.match(between):
        return None
    if index + 2 < len(mentions) and possessor(text, mentions, index + 2) == index + 1:
        return index + 2  # "Palma in Mozambique's Cabo Delgado province": in the province
    return index + 1


def nation_before(text: str, mentions: Sequence[Mention], index: int) -> int | None:
    """The index of the adjective in "the Mozambican town of Palma", or ``None``.

    A national adjective right before a kind of town ("the Syrian border town
    of X") says which country the town is in. Not "the Russian-held town of
    Vasylivka", whose adjective says who holds it, nor a settlement, which a
    country may build beyond its border.
    """
    if index == 0:
        return None
    adjective, mention = mentions[index - 1], mentions[index]
    if adjective.kind is not MentionKind.DEMONYM or not adjective.demonym_country:
        return None
    between = _KIND_OF_TOWN_OF.fullmatch(text, adjective.end, mention.anchor_start)
    return index - 1 if between else None


#: Between a national adjective and a town's name: lower-case words, a kind of town and "of".
_KIND_OF_TOWN_OF = re.compile(
    r"\s+(?:[a-z]+\s+){0,2}(?:town|city|village|port|capital|district|province|region|"
    r"island|county|hamlet|municipality|governorate)\s+of\s+(?:the\s+)?"
)


def qualifier_after(text: str, mentions: Sequence[Mention], index: int) -> int | None:
    """The index of Y when ``mentions[index]`` is X in "X, Y," ("Cedros, Trinidad, on Tuesday").

    A name set off by commas right after another, where no list goes on
    (not "Gaza, Lebanon and Syria", nor "Kherson, Mykolaiv, Odesa"), says
    where the first lies; the caller decides whether Y is a whole that can
    hold X (a country, a province, an island).
    """
    if index + 1 >= len(mentions) or (
        index and _LISTED_BEFORE.fullmatch(text, mentions[index - 1].end, mentions[index].start)
    ):
        return None
    mention, after = mentions[index], mentions[index + 1]
    if mention.kind is not MentionKind.TOPONYM or after.kind is not MentionKind.TOPONYM:
        return None
    if after.start != after.anchor_start or not _JUST_A_COMMA.fullmatch(
        text, mention.end, after.start
    ):
        return None
    if text[after.end : after.end + 1] in ("-", "‐") or _LIST_GOES_ON_AFTER.match(text, after.end):
        return None  # "Mora, Mayo-Sava": a piece of a longer name qualifies nothing
    # punctuation closes a qualifier, and an abbreviation closes itself ("Estey's
    # Bridge, N.B. sometime …"); not "After clashes in Kupiansk, Russia claimed
    # gains", whose country is the next clause's subject
    if not (_CLOSED.match(text, after.end) or text[after.end - 1 : after.end] == "."):
        return None
    return index + 1


#: Only a comma between X and Y in "X, Y".
_JUST_A_COMMA = re.compile(r"[ \t]*,[ \t]+")
#: A list going on after Y: ", Z", ", and Z", "and Z".
_LIST_GOES_ON_AFTER = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?[A-Z]|(?:and|or|&)\s+[A-Z])")
#: What closes a qualifier: a comma, a stop, a bracket or the end of the text.
_CLOSED = re.compile(r"\s*(?:[,.;:)\]]|$)")
#: A list before X: "Mykolaiv, X".
_LISTED_BEFORE = re.compile(r"\s*(?:,|and|or)\s*")


def near_the_heart_of(candidate: Candidate, province: Candidate) -> bool:
    """Whether a town lies within half a province's reach, in its country, whatever its code.

    "Datu Piang in Maguindanao del Sur": GeoNames still files the town under
    Maguindanao, the province split in 2022, so their codes do not meet; the
    town lies 13 km from the new province's point.
    """
    return (
        province.feature == "admin1"
        and candidate.country == province.country
        and haversine_km(candidate.lat, candidate.lon, province.lat, province.lon)
        <= (province.radius_km or _REGION_RADIUS_KM) / 2
    )


def lies_within(candidate: Candidate, container: Candidate) -> bool:
    """Whether a gazetteer entry can be a part of ``container`` (for "X's Y district").

    In a country: that country. In a province: the province, by its code
    where both have one, else within the province's reach. In a town: the
    same country and province and within :data:`NEAR_TOWN_RADIUS_KM` of it
    (:data:`_METROPOLIS_REACH_KM` for a city of a million: a metropolis
    spreads). In anything else: within its radius, or the town's reach.
    """
    if candidate.gazetteer_id == container.gazetteer_id:
        return False
    if container.country and candidate.country != container.country:
        return False
    if container.feature == "country":
        return True
    distance = haversine_km(candidate.lat, candidate.lon, container.lat, container.lon)
    if container.feature == "admin1":
        if candidate.admin1 and container.admin1:
            # codes of two kinds ("12", GeoNames', against "SUK", ISO's) say nothing
            # of each other: the province's outline does
            return candidate.admin1 == container.admin1 or _in_the_outline(candidate, container)
        return distance <= (container.radius_km or _REGION_RADIUS_KM)
    if container.feature == "city":
        if candidate.admin1 and container.admin1 and candidate.admin1 != container.admin1:
            return False
        return distance <= town_reach_km(container.population)
    return distance <= max(container.radius_km or 0.0, NEAR_TOWN_RADIUS_KM)


def _in_the_outline(candidate: Candidate, province: Candidate) -> bool:
    """Whether the entry's point lies in the province's outline, where the file has one.

    "Isulan, Sultan Kudarat": the town's province code is GeoNames' region
    ("12"), the province's its ISO code ("SUK").
    """
    if not province.country or not province.admin1:
        return False
    return _covers(f"{province.country}-{province.admin1}", candidate.lon, candidate.lat)


@functools.lru_cache(maxsize=8192)
def _covers(code: str, lon: float, lat: float) -> bool:
    """Whether the province with this ISO 3166-2 code covers the point (no outline: no)."""
    outline = admin1_shape(code)
    return outline is not None and outline.covers(Point(lon, lat))


def town_reach_km(population: int) -> float:
    """How far from a town of this population its named parts may lie.

    Farther for a metropolis: :data:`_METROPOLIS_REACH_KM` from a million people.
    """
    big = population >= _METROPOLIS_POPULATION
    return _METROPOLIS_REACH_KM if big else NEAR_TOWN_RADIUS_KM


class _Settlement(Protocol):
    """What a gazetteer entry and a resolved place both say of a town."""

    @property
    def feature(self) -> str: ...
    @property
    def country(self) -> str | None: ...
    @property
    def population(self) -> int: ...
    @property
    def lat(self) -> float: ...
    @property
    def lon(self) -> float: ...


def smaller_town_within_reach(part: _Settlement, town: _Settlement) -> bool:
    """Whether of two towns of one country ``part`` is the smaller, within ``town``'s reach.

    The reach is :func:`town_reach_km`. Which of two towns written "the X
    district of Y" holds the other: the resolver asks it of gazetteer
    entries, the events stage of the places they became.
    """
    return (
        town.feature == "city"
        and part.feature == "city"
        and part.country == town.country
        and part.population < town.population
        and haversine_km(part.lat, part.lon, town.lat, town.lon) <= town_reach_km(town.population)
    )


def by_the_town(candidate: Candidate, town: Candidate) -> bool:
    """Whether a gazetteer entry lies by a town, whatever province files it.

    A suburb is often filed under the province around the city ("the Kyiv
    suburb of Irpin" lies in Kyiv Oblast, not in the city's own province).
    Only within :data:`NEAR_TOWN_RADIUS_KM`, not a metropolis's wider reach:
    a village of another province 50 km from Istanbul, across the water, is
    no part of it.
    """
    if candidate.gazetteer_id == town.gazetteer_id or candidate.country != town.country:
        return False
    distance = haversine_km(candidate.lat, candidate.lon, town.lat, town.lon)
    return distance <= NEAR_TOWN_RADIUS_KM
