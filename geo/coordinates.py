"""Positions written as coordinates in the text: "13.2°N, 13.9°E", "12°35′N 43°20′E".

Maritime security notices, military statements and humanitarian reports often
give a position rather than a name: "a vessel was hailed at 12°35′N 43°20′E",
"the camp at 13.2°N, 13.9°E". No gazetteer holds such a place and none is
needed: the text says where it is. Each pair of a latitude and a longitude,
each with its hemisphere, is found here by its form (:func:`written_positions`)
and becomes a mention labelled :data:`COORDINATES_LABEL`, which the resolver
places at the point itself (:func:`position_place`) without a lookup.

A position is only as exact as it is written: "13.2°N" says "between 13.15
and 13.25", about 5.5 km either way, and "13°N" about 55 km. The place keeps
that uncertainty as its radius, so the map draws it as the area it is.

A bare pair of numbers ("15.37, 44.19") is read only right after the word
"coordinates", "GPS", "lat/long" or "position": elsewhere it is a score, a
price or a range.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from shapely.geometry import Point

from geo import shapes
from geo.types import Mention, MentionKind, Place, Precision

__all__ = [
    "COORDINATES_LABEL",
    "WrittenPosition",
    "position_mention",
    "position_place",
    "written_positions",
]

COORDINATES_LABEL = "COORDINATES"
"""The :attr:`~geo.types.Mention.label` of a position written as coordinates."""

_KM_PER_DEGREE = 111.32
"""Kilometres in a degree of latitude (and of longitude at the equator)."""
_EXACT_WITHIN_KM = 1.0
"""A position written finer than this is a point; coarser, an area of that radius."""

_DEGREE = r"(?:\s?[°º˚]|\s?deg(?:rees?)?\.?(?=\s))"
_MINUTE = r"(?:\s?['′’]|\s?min\.?(?=\s))"
_SECOND = r"(?:\s?(?:\"|″|”|''|′′|’’)|\s?sec\.?(?=\s))"


def _angle(name: str) -> str:
    """An angle and its hemisphere, its parts in groups named after ``name``.

    The angle is written with its degree sign, and minutes and seconds when
    given ("12°35′20″N"), or as a decimal followed straight by its hemisphere
    letter ("13.25N"): the letter makes such a number a coordinate.
    """
    with_sign = (
        rf"(?P<{name}_deg>\d{{1,3}}(?:\.\d+)?){_DEGREE}"
        rf"(?:\s?(?P<{name}_min>\d{{1,2}}(?:\.\d+)?){_MINUTE}"
        rf"(?:\s?(?P<{name}_sec>\d{{1,2}}(?:\.\d+)?){_SECOND})?)?"
    )
    with_letter = rf"(?P<{name}_dec>\d{{1,3}}\.\d+)(?=\s?[NSEW]\b)"
    return (
        rf"(?:{with_sign}|{with_letter})"
        rf"\s?(?P<{name}_hem>[NSEW]\b|(?i:north|south|east|west)\b)"
    )


_PAIR = re.compile(
    r"(?<![\w.°])" + _angle("a") + r"\s?(?:,|/|;|\band\b)?\s?" + _angle("b") + r"(?![\w°])"
)
"""Two angles with hemispheres, a latitude and a longitude in either order (a
hemisphere letter is a capital: "12.5 e" is no longitude)."""
_BARE_PAIR = r"(?P<a>-?\d{1,2}\.\d{2,})\s?°?\s?,\s?(?P<b>-?\d{1,3}\.\d{2,})\s?°?(?![\d.])"
"""A pair of signed decimals, latitude first: "15.3694, 44.1910"."""
_LABELLED_PAIR = re.compile(
    r"\b(?:co-?ordinates|GPS|lat(?:itude)?\s?/\s?long?(?:itude)?|position)\b[^\d\n-]{0,12}?"
    + _BARE_PAIR,
    re.IGNORECASE,
)
"""A bare decimal pair right after a word that says it is a position; the word is
part of the mention ("coordinates 15.37, 44.19"), the object of "at" as a whole."""


@dataclass(frozen=True)
class WrittenPosition:
    """A latitude and longitude the text writes, with the span that writes them."""

    start: int
    end: int
    lat: float
    lon: float
    step_degrees: float
    """The finest step the writing states (0.1 for "13.2°N", 1/60 for a minute)."""

    @property
    def radius_km(self) -> float:
        """Half the written step, in km: how far the true point may be from this one."""
        return round(self.step_degrees / 2 * _KM_PER_DEGREE, 1)


def written_positions(text: str) -> list[WrittenPosition]:
    """Every position written as coordinates in ``text``, in order, none overlapping.

    >>> [(p.lat, p.lon) for p in written_positions("hailed at 12°30′N 43°15′E at dawn")]
    [(12.5, 43.25)]
    >>> written_positions("the 3-1 win, 45.2 points")
    []
    """
    found: list[WrittenPosition] = []
    for match in _PAIR.finditer(text):
        position = _from_angles(match)
        if position is not None:
            found.append(position)
    for match in _LABELLED_PAIR.finditer(text):
        if not any(p.start < match.end() and match.start() < p.end for p in found):
            found.extend(_decimal_pairs(match))
    return sorted(found, key=lambda p: p.start)


def _decimal_pairs(match: re.Match[str]) -> list[WrittenPosition]:
    """The position of a matched pair of signed decimals; none when out of range."""
    lat, lon = float(match["a"]), float(match["b"])
    if abs(lat) > 90 or abs(lon) > 180:
        return []
    step = max(_decimal_step(match["a"]), _decimal_step(match["b"]))
    return [WrittenPosition(match.start(), match.end("b"), lat, lon, step)]


def _from_angles(match: re.Match[str]) -> WrittenPosition | None:
    first, second = _hemisphere(match["a_hem"]), _hemisphere(match["b_hem"])
    if {first, second} != {"NS", "EW"}:
        return None  # "12°N 13°S": two latitudes, or no latitude at all
    angles = {}
    steps = []
    for name, axis in (("a", first), ("b", second)):
        degrees = match[f"{name}_deg"] or match[f"{name}_dec"]
        minutes, seconds = match[f"{name}_min"], match[f"{name}_sec"]
        value = float(degrees)
        step = _decimal_step(degrees)
        if minutes is not None:
            if float(minutes) >= 60 or "." in degrees:
                return None
            value += float(minutes) / 60
            step = _decimal_step(minutes) / 60
        if seconds is not None:
            if float(seconds) >= 60 or "." in minutes:
                return None
            value += float(seconds) / 3600
            step = _decimal_step(seconds) / 3600
        letter = match[f"{name}_hem"][0].upper()
        angles[axis] = -value if letter in "SW" else value
        steps.append(step)
    lat, lon = angles["NS"], angles["EW"]
    if abs(lat) > 90 or abs(lon) > 180:
        return None
    return WrittenPosition(match.start(), match.end(), lat, lon, max(steps))


def _hemisphere(word: str) -> str:
    return "NS" if word[0].upper() in "NS" else "EW"


def _decimal_step(number: str) -> float:
    """The step of a written number: 1 for "13", 0.1 for "13.2", 0.01 for "13.25"."""
    decimals = len(number.partition(".")[2])
    return 10.0**-decimals


def position_mention(position: WrittenPosition, text: str) -> Mention:
    """The mention of a written position; its name is the position, rounded to its step."""
    return Mention(
        start=position.start,
        end=position.end,
        text=text[position.start : position.end],
        kind=MentionKind.TOPONYM,
        name=_position_name(position),
        anchor_start=position.start,
        anchor_end=position.end,
        label=COORDINATES_LABEL,
    )


def _position_name(position: WrittenPosition) -> str:
    decimals = max(0, min(5, math.ceil(-math.log10(position.step_degrees) - 1e-9)))
    lat = f"{abs(position.lat):.{decimals}f}°{'S' if position.lat < 0 else 'N'}"
    lon = f"{abs(position.lon):.{decimals}f}°{'W' if position.lon < 0 else 'E'}"
    return f"{lat} {lon}"


def position_place(mention: Mention) -> Place | None:
    """The place a coordinates mention writes: its point, with the written step as radius.

    ``None`` for a mention that is not a written position.
    """
    if mention.label != COORDINATES_LABEL:
        return None
    found = written_positions(mention.text)
    if len(found) != 1:
        return None
    position = found[0]
    radius = position.radius_km
    country = shapes.country_at(position.lat, position.lon)
    where = f"in {shapes.country_name(country)}" if country else "at sea"
    exact = radius <= _EXACT_WITHIN_KM
    return Place(
        gazetteer_id=f"coordinates:{position.lat:.5f},{position.lon:.5f}",
        name=mention.name,
        country=country,
        feature="coordinates",
        geometry=Point(position.lon, position.lat),
        lat=position.lat,
        lon=position.lon,
        precision=Precision.EXACT if exact else Precision.NEAR,
        radius_km=None if exact else radius,
        confidence=1.0,
        source="the text",
        alternatives=(),
        reason=(
            f"coordinates written in the text, {where}"
            + ("" if exact else f"; written to within about {radius:g} km")
        ),
    )
