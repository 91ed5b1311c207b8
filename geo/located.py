"""Names no gazetteer holds, placed where the text puts them.

"near the village of Plauru in Romania", "Tabqa, a town near Raqqa", "the
hamlet of Velmora outside Izmail", "the Zuhour district of Mosul": the
wording says the name is a place (:mod:`geo.place_frames`) and the words
right after it say where. Such a name is placed at the place named there,
with a radius that honestly covers it (the whole country, the province, or
a town's surroundings), as a point: never as the country's outline, so an
event layer never shows a whole country for a village. Its feature
:data:`LOCATED_FEATURE` marks it as not in the gazetteer but located.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from shapely.geometry import Point

from geo.normalize import name_key
from geo.types import Place, Precision, Resolved

__all__ = ["LOCATED_FEATURE", "NEAR_TOWN_RADIUS_KM", "located_by_text", "placed_in"]

LOCATED_FEATURE = "located_by_text"
"""The :attr:`~geo.types.Place.feature` of a name placed where the text puts it."""

NEAR_TOWN_RADIUS_KM = 30.0
"""How far from a town a place the text puts "near" or "in" it may be: a
town, its suburbs and the villages news names by it."""
#: A province or region known only by its point.
_REGION_RADIUS_KM = 100.0
#: The words between a name and the place that locates it: "in", "near",
#: ", a village in", "outside", "in northern", "north of", "(", ",".
_BETWEEN = re.compile(
    r"^\s*(?:[,(]\s*)?"
    r"(?:(?:an?|the)\s+(?:small\s+|remote\s+)?(?:village|town|hamlet|settlement|locality)\s+"
    r"|(?:district|neighbou?rhood|suburb|quarter|area|camp)\s+(?:of\s+)?)?"
    r"(?:in|near|outside|close to|not far from|(?:north|south|east|west)(?:-?(?:east|west))?"
    r"(?:ern)?\s+of|in\s+(?:the\s+)?(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?"
    r"(?:\s+of)?)?"
    r"\s*(?:the\s+)?$",
    re.IGNORECASE,
)


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
    if index + 1 >= len(resolved):
        return None
    mention = resolved[index].mention
    after = resolved[index + 1]
    where = after.place
    if where is None or where.feature == LOCATED_FEATURE:
        return None
    between = text[mention.end : after.mention.anchor_start]
    if "\n" in between or not _BETWEEN.match(between):
        return None
    if where.feature == "country":
        precision, radius = Precision.COUNTRY, where.radius_km
    elif where.feature == "vicinity" or (
        where.feature == "city" and where.precision in (Precision.EXACT, Precision.NEAR)
    ):
        precision, radius = Precision.NEAR, max(NEAR_TOWN_RADIUS_KM, where.radius_km or 0.0)
    else:
        precision, radius = Precision.REGION, where.radius_km or _REGION_RADIUS_KM
    return Place(
        gazetteer_id=_placed_id(where, mention.name),
        name=mention.name,
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
        reason=(
            f"not in the gazetteer; the text puts it in or near {where.label}, "
            f"so it is somewhere within {radius or 0:,.0f} km of that point"
        ),
    )
