"""Names for a part of a known place: "South Florida", "North Dallas", "Western Kasai".

The gazetteer rarely holds such names, but it holds the place they are part
of. A name made of a compass or position word and a known place resolves to
that place, labelled as a part of it: the point stays the whole place's
point (the part has no point of its own in any source, and gazetteers put
"South Florida" at Florida), the precision says "region" and the extent is
the whole place's, so the map claims no more than it knows.

A country or a province written after a lower-case compass word ("clashes in
northeast Syria", "strikes on southern Lebanon", "the north of Idlib province"
is not one) is drawn as that side of its outline: the half of the outline on
that side of its middle (:func:`side_of`). The text says no more than the side,
so the part claims no finer line; but a clash in "northeast Syria" drawn over
Damascus would say less than the text.
"""

from __future__ import annotations

import math
import re
from dataclasses import replace

from shapely import affinity
from shapely.geometry import LineString, MultiPolygon, Point, Polygon, box
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union

from geo import shapes
from geo.areas import offset_point
from geo.types import MentionKind, Place, Precision, Resolved

__all__ = [
    "BEYOND_ITS_EDGE_KM",
    "PART_EXTENT_OF_A_TOWN_KM",
    "WATERS",
    "beyond_its_side",
    "compass_word_before",
    "is_a_side",
    "names_an_office",
    "on_its_side",
    "part_of",
    "side_of",
    "side_of_area",
    "split_part",
]

#: The words that name a part, with the compass word the popup uses.
_PART_WORDS: dict[str, str] = {
    "north": "north",
    "northern": "north",
    "south": "south",
    "southern": "south",
    "east": "east",
    "eastern": "east",
    "west": "west",
    "western": "west",
    "northeast": "north-east",
    "northeastern": "north-east",
    "northwest": "north-west",
    "northwestern": "north-west",
    "southeast": "south-east",
    "southeastern": "south-east",
    "southwest": "south-west",
    "southwestern": "south-west",
    "central": "centre",
    "mid": "middle",
    "upper": "upper part",
    "lower": "lower part",
}
_SPLIT = re.compile(r"[\s\-‐‑–]+")

#: The extent given to a part of a town, which has no extent of its own.
PART_EXTENT_OF_A_TOWN_KM = 15.0


def _first_word(name: str) -> tuple[str, str] | None:
    parts = _SPLIT.split(name.strip(), maxsplit=1)
    if len(parts) != 2 or not parts[1]:
        return None
    return parts[0], parts[1]


def split_part(name: str) -> tuple[str, str] | None:
    """Split "South Florida" into ("south", "Florida"); ``None`` for any other name.

    Two position words combine ("South West England": "south-west"); the
    rest must start with a capital letter, so "North of Homs" is no part.

    Examples
    --------
    >>> split_part("North-Western Sydney")
    ('north-west', 'Sydney')
    >>> split_part("Mid-Jutland")
    ('middle', 'Jutland')
    >>> split_part("Northampton") is None
    True
    """
    first = _first_word(name)
    if first is None or first[0].lower() not in _PART_WORDS:
        return None
    word, rest = first[0].lower(), first[1]
    direction = _PART_WORDS[word]
    second = _first_word(rest)
    if (
        second is not None
        and second[0].lower() in ("east", "west", "eastern", "western")
        and direction in ("north", "south")
    ):
        direction = f"{direction}-{_PART_WORDS[second[0].lower()]}"
        rest = second[1]
    if not rest[:1].isupper():
        return None
    return direction, rest


def part_of(whole: Place, *, name: str, direction: str) -> Place:
    """The place a part-name means, built from the place it is part of."""
    return replace(
        whole,
        gazetteer_id=f"{whole.gazetteer_id}#part-{direction.replace(' ', '-')}",
        name=name,
        precision=Precision.REGION,
        radius_km=whole.radius_km or PART_EXTENT_OF_A_TOWN_KM,
        confidence=round(whole.confidence * 0.9, 3),
        reason=f"the {direction} of {whole.name}, placed at its point; {whole.reason}",
    )


#: Lower-case words before an area's name that name a side of it, with their bearing
#: in degrees (``None`` for its middle).
_SIDES: dict[str, float | None] = {
    "north": 0.0,
    "northern": 0.0,
    "northeast": 45.0,
    "northeastern": 45.0,
    "east": 90.0,
    "eastern": 90.0,
    "southeast": 135.0,
    "southeastern": 135.0,
    "south": 180.0,
    "southern": 180.0,
    "southwest": 225.0,
    "southwestern": 225.0,
    "west": 270.0,
    "western": 270.0,
    "northwest": 315.0,
    "northwestern": 315.0,
    "central": None,
}
_SIDE_BEFORE = re.compile(r"(?<![\w-])([a-z]+(?:-[a-z]+)?)[^\S\n]+$")
_SIDE_AND_BEFORE = re.compile(r"(?<![\w-])([a-z]+(?:-[a-z]+)?),?[^\S\n]+and[^\S\n]+$")
#: How far past the bounds of the main outline a side still keeps pieces (islands).
_SIDE_MARGIN = 0.2
#: The share of the whole's area its largest piece must hold for a side to be drawn.
_SIDE_MAIN_SHARE = 0.64
#: The widest place drawn by its side: past this, a box's half is no region people name
#: ("southern Russia" is the Caucasus, not half of Siberia).
_SIDE_MAX_RADIUS_KM = 1200.0


def compass_word_before(text: str, start: int) -> tuple[str, str] | None:
    """The lower-case side word written right before ``text[start:]``, and its direction.

    "clashes in northeast Syria" gives ("northeast", "north-east"); "North
    Korea" (a capital: a name) and "north of Syria" (a bearing) give ``None``.

    Examples
    --------
    >>> t = "Clashes erupted in north-eastern Syria."
    >>> compass_word_before(t, t.index("Syria"))
    ('north-eastern', 'north-east')
    >>> compass_word_before("talks in North Korea", 15) is None
    True
    """
    before = text[max(0, start - 48) : start]
    found = _SIDE_BEFORE.search(before)
    if found is None:
        return None
    word = found.group(1)
    if word.replace("-", "") not in _SIDES:
        return None
    direction = _PART_WORDS[word.replace("-", "")]
    both = _SIDE_AND_BEFORE.search(before[: found.start()])
    if both is not None and both.group(1).replace("-", "") in _SIDES:
        # "in northern and eastern Syria": both sides
        first = both.group(1)
        return f"{first} and {word}", f"{_PART_WORDS[first.replace('-', '')]} and {direction}"
    return word, direction


def side_of(shape: BaseGeometry, direction: str) -> BaseGeometry | None:
    """The part of ``shape`` on the ``direction`` side of its middle, or ``None``.

    The middle and the scale are those of the shape's largest piece (a
    country's mainland): "southern France" is not drawn towards French
    Guiana. A side is the half on that side of a line through the middle,
    square to the direction, in the piece's own bounds ("north-east" halves
    along the diagonal); "centre" is the middle half of each axis. Pieces
    far outside the main bounds are left out; ``None`` for an archipelago,
    whose largest piece holds under :data:`_SIDE_MAIN_SHARE` of it.

    Examples
    --------
    >>> part = side_of(box(0, 0, 10, 4), "north")
    >>> part.bounds
    (0.0, 2.0, 10.0, 4.0)
    >>> side_of(box(0, 0, 10, 4), "upper part") is None
    True
    """
    if direction == "centre":
        bearing: float | None = None
    else:
        bearing = next((b for w, b in _SIDES.items() if _PART_WORDS.get(w) == direction), -1.0)
        if bearing == -1.0:
            return None
    pieces = list(shape.geoms) if isinstance(shape, MultiPolygon) else [shape]
    polygons = [p for p in pieces if isinstance(p, Polygon) and not p.is_empty]
    if not polygons:
        return None
    main = max(polygons, key=lambda p: p.area)
    if main.area < _SIDE_MAIN_SHARE * sum(p.area for p in polygons):
        return None  # an archipelago: "southern Philippines" is Mindanao, not south Luzon
    west, south, east, north = main.bounds
    cx, cy = (west + east) / 2, (south + north) / 2
    hw, hh = (east - west) / 2, (north - south) / 2
    if hw <= 0 or hh <= 0:
        return None
    reach = 1 + _SIDE_MARGIN
    if bearing is None:
        cut = box(-0.5, -0.5, 0.5, 0.5)
    else:
        dx, dy = math.sin(math.radians(bearing)), math.cos(math.radians(bearing))
        # the half-plane u*dx + v*dy >= 0, within the bounds and their margin
        far = 4 * reach
        half = Polygon(
            [
                (-dy * far, dx * far),
                (-dy * far + dx * far, dx * far + dy * far),
                (dy * far + dx * far, -dx * far + dy * far),
                (dy * far, -dx * far),
            ]
        )
        cut = half.intersection(box(-reach, -reach, reach, reach))
    cut = affinity.affine_transform(cut, [hw, 0, 0, hh, cx, cy])
    part = shape.intersection(cut)
    if part.is_empty or part.area <= 0:
        return None
    return part


#: Sides already cut, by the whole's id and the direction: a story names "southern
#: Lebanon" again and again, and a country's outline takes milliseconds to halve.
_SIDES_MADE: dict[tuple[str, str], tuple[BaseGeometry, Point, float] | None] = {}
_SIDES_KEPT = 512


def _side_shape(shape: BaseGeometry, direction: str) -> tuple[BaseGeometry, Point, float] | None:
    """The side's outline, a point inside it and its radius; "A and B" joins two sides."""
    parts = [side_of(shape, d) for d in direction.split(" and ")]
    if any(p is None for p in parts):
        return None
    part = unary_union([p for p in parts if p is not None])
    point = part.representative_point()
    scale = max(0.1, math.cos(math.radians(point.y)))
    area_km2 = part.area * 111.32 * 111.32 * scale
    return part, point, round(math.sqrt(area_km2 / math.pi), 1)


def side_of_area(
    whole: Place, *, name: str, direction: str, widest_km: float = _SIDE_MAX_RADIUS_KM
) -> Place | None:
    """The place "northeast Syria" means: the north-east side of Syria's outline.

    ``name`` is the part's name as the text gives it. The part is still the
    country (or province) for every rule that asks what kind of place it
    is, with its own id, so that a map shows "northeast Syria" and "Syria"
    apart. Its point lies inside the side, the precision says "region", and
    :attr:`~geo.types.Place.named_point` keeps the whole's point for the name
    itself. ``None`` when the whole has no outline, is wider than
    ``widest_km`` or the direction has no side.
    """
    if not whole.is_area or (whole.radius_km or 0.0) > widest_km:
        return None  # "southern Russia" is no half of Russia's box: the whole, as before
    key = (whole.gazetteer_id, direction)
    if key not in _SIDES_MADE:
        if len(_SIDES_MADE) >= _SIDES_KEPT:
            _SIDES_MADE.clear()
        _SIDES_MADE[key] = _side_shape(whole.geometry, direction)
    made = _SIDES_MADE[key]
    if made is None:
        return None
    part, point, radius = made
    return replace(
        whole,
        gazetteer_id=f"{whole.gazetteer_id}#side-{direction.replace(' ', '-')}",
        name=name,
        written="",
        geometry=part,
        lat=round(point.y, 5),
        lon=round(point.x, 5),
        precision=Precision.REGION,
        radius_km=radius,
        named_point=whole.point_of_the_name,
        reason=(
            f"the {direction} of {whole.name} as written, drawn as the side of its "
            f"outline past its middle; {whole.reason}"
        ),
    )


BEYOND_ITS_EDGE_KM = 100.0
"""How far past a country's edge "north of Venezuela" is put: the text gives no
distance, and the radius says how little the point means."""


def beyond_its_side(whole: Place, *, name: str, bearing_deg: float) -> Place | None:
    """The place "north of Venezuela" means: past the country's edge on that bearing, at sea.

    A country's own point is the one place the phrase rules out ("a boat
    north of Venezuela" is at sea, not inland). Only at sea: past a land
    border ("north of Iraq") the words are most often said loosely of the
    country's own side, and ``None`` keeps the country. The edge is where a
    line from the country's point on that bearing leaves the mainland (its
    farthest point on the bearing when the point lies outside it); the place
    lies :data:`BEYOND_ITS_EDGE_KM` past it, with precision "region" and a
    radius as wide as the country's own, since the text says only which side.
    ``None`` when the whole has no outline.
    """
    if not whole.is_area or whole.geometry.is_empty:
        return None
    shape = whole.geometry
    # the mainland's edge: a far islet ("Isla de Aves", 500 km off Venezuela) is no side
    outline = (
        max(shape.geoms, key=lambda part: part.area) if isinstance(shape, MultiPolygon) else shape
    )
    edge = _where_the_bearing_leaves(outline, whole.lat, whole.lon, bearing_deg)
    lat, lon = offset_point(
        lat=edge[1], lon=edge[0], distance_km=BEYOND_ITS_EDGE_KM, bearing_deg=bearing_deg
    )
    if not shapes.is_sea(lat, lon):
        # past a land border: "bombed positions north of Iraq" is most often said
        # loosely of northern Iraq, and a neighbour's land is no place the text names
        return None
    return replace(
        whole,
        gazetteer_id=f"{whole.gazetteer_id}#beyond-{bearing_deg:g}deg",
        name=name,
        written="",
        feature="offset",
        geometry=Point(lon, lat),
        lat=round(lat, 5),
        lon=round(lon, 5),
        precision=Precision.REGION,
        radius_km=round(max(whole.radius_km or 0.0, BEYOND_ITS_EDGE_KM), 1),
        named_point=whole.point_of_the_name,
        reason=(
            f"{name} as written: past the edge of {whole.name}'s outline on that side, "
            f"no distance given; {whole.reason}"
        ),
    )


def _where_the_bearing_leaves(
    outline: Polygon, lat: float, lon: float, bearing_deg: float
) -> tuple[float, float]:
    """The (lon, lat) where a line from a point on a bearing last leaves an outline.

    "East of North Korea" leaves by its east coast, not its north-east corner.
    When the point lies outside the outline, the outline's farthest point on
    the bearing stands in.
    """
    far_lat, far_lon = offset_point(lat=lat, lon=lon, distance_km=_RAY_KM, bearing_deg=bearing_deg)
    ray = LineString([(lon, lat), (far_lon, far_lat)])
    crossing = outline.exterior.intersection(ray)
    points = [
        (p.x, p.y)
        for part in getattr(crossing, "geoms", [crossing])
        if not part.is_empty
        for p in ([part] if isinstance(part, Point) else [Point(c) for c in part.coords])
    ]
    if points and outline.contains(Point(lon, lat)):
        return max(points, key=lambda p: (p[0] - lon) ** 2 + (p[1] - lat) ** 2)
    east = math.sin(math.radians(bearing_deg)) * math.cos(math.radians(lat))
    north = math.cos(math.radians(bearing_deg))
    far = max(outline.exterior.coords, key=lambda p: (p[0] - lon) * east + (p[1] - lat) * north)
    return far[0], far[1]


#: How far the line from a country's point is drawn to find where it leaves the
#: mainland: past the far side of the widest country.
_RAY_KM = 5000.0


WATERS = frozenset({"sea", "gulf", "bay", "lake"})
"""Kinds of water drawn by their side after a side word: "over the southern Red Sea".
Not straits and channels (``geo.seas.SEA_FEATURES`` has them too): too narrow for
a side to say more than the whole."""

_WATER_SIDE_MAX_RADIUS_KM = 2500.0
"""The widest sea drawn by its side: a sea's outline is water, so even half of the
Mediterranean's says more than its middle does; an ocean's half says nothing."""


def on_its_side(text: str, item: Resolved) -> Resolved:
    """A country, province, territory or sea after a lower-case side word: "northeast Syria".

    It stays the country, province or sea for every rule that asks what kind
    of place it is (:func:`side_of_area`): "shot down drones over the southern
    Red Sea" is drawn over the south of the sea's outline, not its middle off
    Sudan. A demonym ("northern Syrian towns") or a phrase ("off southern
    Lebanon") keeps its own reading.
    """
    mention, place = item.mention, item.place
    if (
        place is None
        or place.feature not in ("country", "admin1", "territory", *WATERS)
        or mention.kind is not MentionKind.TOPONYM
        or mention.demonym_country
        or is_a_side(place)
        or (place.feature in WATERS and names_an_office(text, mention.end))
    ):
        return item
    side = compass_word_before(text, mention.start)
    if side is None:
        return item
    widest = _WATER_SIDE_MAX_RADIUS_KM if place.feature in WATERS else _SIDE_MAX_RADIUS_KM
    part = side_of_area(place, name=f"{side[0]} {place.label}", direction=side[1], widest_km=widest)
    return item if part is None else Resolved(mention, part)


_AN_OFFICE_AFTER = re.compile(
    r"\s+(?:regional|region|office|bureau|desk|division|countries|states|nations)\b"
)


def names_an_office(text: str, end: int) -> bool:
    """Whether a sea's name names a body's region: "the eastern Mediterranean regional office".

    A side and a sea before "regional office", "countries" and the like name
    what an organisation calls its region (the World Health Organization's
    Eastern Mediterranean), not a side of the water.
    """
    return _AN_OFFICE_AFTER.match(text, end) is not None


def is_a_side(place: Place) -> bool:
    """Whether the place is a side or a part of a wider one ("northeast Syria")."""
    return "#side-" in place.gazetteer_id or "#part-" in place.gazetteer_id
