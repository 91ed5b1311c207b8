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
import re
from collections.abc import Mapping, Sequence

from shapely.geometry import Point

from geo.disambiguate import haversine_km
from geo.seas import SEA_FEATURES
from geo.types import Place
from layers.context import is_country
from layers.types import ReportedEvent

__all__ = ["heading_sections", "summaries_told_below"]

_MARKDOWN_HEADING = re.compile(r"[^\S\n]*#{1,6}[^\S\n]+\S")
_CLOSED = re.compile(r"[.!?;,:\"”’)\]]\s*$")
"""A line that ends as a sentence, a list or a quote does: no heading."""
_OPENS_AN_ITEM = re.compile(r"\s*(?:[-*•>|–—]|\d{1,2}[:.]\d\d\b)")
"""A list item, a quote, a table row or a time stamp (a numbered line of its own with
no stop is a section's title: "2. Russia: the refineries keep burning")."""
_BOLD_EDGES = re.compile(r"^\s*(?:\*\*|__)|(?:\*\*|__)\s*$")
"""Markdown bold around a whole line: a heading in bold is a heading."""
_ATTRIBUTED = re.compile(r",[^,]*\b(?:said|says|reported|reports|told|added)\s*$")
"""A line that ends by naming its source: a sentence's lede, whatever its stop."""
_NUMBERED = re.compile(r"\s*\d{1,3}[.)]\s")
"""A numbered first line: an item, not the text's headline."""
_HEADING_LENGTH = 120
"""Most characters of a heading; a longer line is a paragraph that lost its stop."""


def heading_sections(text: str) -> list[tuple[int, int, int]]:
    """Each heading's (start, end of its line, end of the section it heads).

    The first line is a headline when it ends with no stop and a blank line
    follows it; it heads the whole text. Below it, a Markdown heading, or a
    short line of its own (a blank line, or the text's edge, on either side)
    that ends with no stop and opens no list item, heads the text up to the
    next heading.
    """
    lines: list[tuple[int, int]] = []
    position = 0
    for line in text.split("\n"):
        lines.append((position, position + len(line)))
        position += len(line) + 1
    blank = [not text[start:end].strip() for start, end in lines]
    first = next((number for number, empty in enumerate(blank) if not empty), None)
    found: list[tuple[int, int]] = []
    for number, (start, end) in enumerate(lines):
        line = _BOLD_EDGES.sub("", text[start:end])  # "**Russia: the refineries burn**"
        if blank[number]:
            continue
        on_its_own = (number == 0 or blank[number - 1]) and (
            number == len(lines) - 1 or blank[number + 1]
        )
        if _MARKDOWN_HEADING.match(line) or (
            on_its_own
            and len(line.strip()) <= _HEADING_LENGTH
            and not _CLOSED.search(line)
            and not _OPENS_AN_ITEM.match(line)
        ):
            found.append((start, end))
        elif number == first:
            first = None  # a first line that is no heading: no headline
        if number == first and (_ATTRIBUTED.search(line) or _NUMBERED.match(line)):
            found.pop()  # "…, the defence ministry said": a lede that lost its stop
            first = None
    if not found:
        return []
    headline = lines[first][0] if first is not None else None
    sections: list[tuple[int, int, int]] = []
    for index, (start, end) in enumerate(found):
        if start == headline:
            sections.append((start, end, len(text)))  # the headline heads it all
            continue
        later = [s for s, _ in found[index + 1 :]]
        sections.append((start, end, later[0] if later else len(text)))
    return sections


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
    if wide.is_area:
        # a province's outline with a little slack for a town on its edge; a sea's
        # water without it ("attacks in the Red Sea" over a strike on Hodeidah)
        outline = wide.geometry if wide.feature in SEA_FEATURES else wide.geometry.buffer(0.05)
        return bool(outline.contains(Point(inside.lon, inside.lat)))
    if wide.radius_km:
        return haversine_km(wide.lat, wide.lon, inside.lat, inside.lon) <= wide.radius_km
    return False
