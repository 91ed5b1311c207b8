"""Headings that sum up the events told under them.

A headline or a section title names the ground its story covers: "Fighting
in Kordofan", "Timeline: attacks on ships in the Red Sea and Gulf of Aden",
"Russia: the refineries keep burning". The events are told below, each at
its town or its point at sea. Drawn as events of their own, the heading's
places would cover a province, a sea or a country on the day the article
came out, saying far more than the story does. :func:`summaries_told_below`
drops such a place from a heading's event when an event of the same layer
told under the heading lies within it (for violence, of any violent layer:
"attacks on ships" sums up missiles that hit them); a heading's place with
nothing of its kind inside it below stays, since then the heading is all
the story says of it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence

from shapely.geometry import Point

from geo.disambiguate import haversine_km
from geo.located import LOCATED_FEATURE
from geo.seas import SEA_FEATURES
from geo.sections import heading_sections
from geo.types import Place
from layers.context import is_country
from layers.types import ReportedEvent

__all__ = ["summaries_told_below"]


def summaries_told_below(
    events: Sequence[ReportedEvent], text: str, where: Mapping[tuple[int, int], Place | None]
) -> list[ReportedEvent]:
    """Drop a heading's wide place where an event of its layer below lies within it.

    "FIGHTING IN KORDOFAN" over "the army repelled an assault on Babanusa":
    the clash is Babanusa's, and all of Kordofan on the clashes layer says
    more than the story does. Only a place wider than a town (a country, a
    province, a sea, any area), only for an event in the heading's own line,
    and only where an event below of the same layer, told as done (not
    planned, not denied), is at a narrower place inside it; for violence, an
    event of any violent layer (:data:`_VIOLENCE`).
    """
    sections = heading_sections(text)
    if not sections:
        return list(events)
    kept: list[ReportedEvent] = []
    for event in events:
        section = next(
            (s for s in sections if s[0] <= event.trigger_start < s[1]),
            None,
        )
        if section is None or not event.locations:
            kept.append(event)
            continue
        family = _FAMILIES.get(event.layer, frozenset({event.layer}))
        told = [
            other
            for other in events
            if other.layer in family
            and section[1] <= other.sentence_start < section[2]
            and not (other.planned or other.denied)
        ]
        year = (event.date or "")[:4]
        if year and not any((other.date or "")[:4] == year for other in told):
            # "Fighting in Kherson region" over a clash of 2022 alone: another time (a
            # chronology that reaches the heading's year sums up all of its years)
            told = [other for other in told if not other.date or other.date[:4] == year]
        below = [
            place
            for other in told
            for loc in other.locations
            if (place := where.get((loc.start, loc.end))) is not None
        ]
        locations = tuple(
            loc
            for loc in event.locations
            if (place := where.get((loc.start, loc.end))) is None
            or not _wide(place)
            or not any(_holds(place, inside) for inside in below)
        )
        kept.append(dataclasses.replace(event, locations=locations))
    return kept


_VIOLENCE = frozenset({"attacks", "strike_sites", "explosions", "clashes"})
_FAMILIES = {layer: _VIOLENCE for layer in _VIOLENCE}
"""Layers a heading's word may sum up together: "attacks on ships in the Red Sea" over
missiles that hit ships there (not a seizure of villages over a strike on a bus)."""

_WIDE_KM = 50.0
"""A radius past which a place known by its point is wider than a town."""


def _wide(place: Place) -> bool:
    """Whether a place is wider than a town: a country, a province, a sea, an area."""
    return (
        is_country(place)
        or place.feature == "admin1"
        or place.is_area
        or (place.radius_km or 0.0) >= _WIDE_KM
    )


def _holds(wide: Place, inside: Place) -> bool:
    """Whether ``inside`` is another, narrower place within ``wide``."""
    if inside.gazetteer_id == wide.gazetteer_id or is_country(inside):
        return False
    if is_country(wide):
        return inside.country == wide.country
    if wide.is_area and wide.feature != LOCATED_FEATURE:
        # a province's outline with a little slack for a town on its edge; a sea's
        # water without it ("attacks in the Red Sea" over a strike on Hodeidah)
        outline = wide.geometry if wide.feature in SEA_FEATURES else wide.geometry.buffer(0.05)
        return bool(outline.contains(Point(inside.lon, inside.lat)))
    if wide.radius_km:
        return haversine_km(wide.lat, wide.lon, inside.lat, inside.lon) <= wide.radius_km
    return False
