"""Names for a part of a known place: "South Florida", "North Dallas", "Western Kasai".

The gazetteer rarely holds such names, but it holds the place they are part
of. A name made of a compass or position word and a known place resolves to
that place, labelled as a part of it: the point stays the whole place's
point (the part has no point of its own in any source, and gazetteers put
"South Florida" at Florida), the precision says "region" and the extent is
the whole place's, so the map claims no more than it knows.
"""

from __future__ import annotations

import re
from dataclasses import replace

from geo.types import Place, Precision

__all__ = ["PART_EXTENT_OF_A_TOWN_KM", "part_of", "split_part"]

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
