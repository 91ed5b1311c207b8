"""A country's border with its neighbour, drawn as the band along it.

"Soldiers clashed with smugglers near the Malaysian border", in a story
about southern Thailand, happened along the Thai–Malaysian border, not
somewhere in Malaysia: a country's middle (in Borneo, here) is the one place
such a phrase does not mean. Where the story names a country that shares a
land border with the one the phrase names, the phrase is drawn as a band
:data:`BAND_KM` wide on either side of their shared boundary, clipped to the
two countries' land, so that it never spills into the sea.
"""

from __future__ import annotations

import re
from functools import lru_cache

from shapely.geometry.base import BaseGeometry

from geo.shapes import country_shape

__all__ = ["BAND_KM", "names_a_border", "shared_border_band"]

BAND_KM = 25.0
"""How far either side of a shared boundary "near the X border" reaches."""
_KM_PER_DEGREE = 111.0
#: How far apart two outlines may lie and still share a boundary: the shapes'
#: grid leaves slivers between neighbours.
_TOUCH_DEG = 0.02

_BORDER_WORDS = re.compile(r"\b(?:border|frontier|boundary)(?:\s+(?:area|region|zone))?\s*$", re.I)


def names_a_border(text: str) -> bool:
    """Whether a phrase ends in a border word: "near the Malaysian border"."""
    return _BORDER_WORDS.search(text) is not None


@lru_cache(maxsize=256)
def shared_border_band(country: str, neighbour: str) -> BaseGeometry | None:
    """The land within :data:`BAND_KM` of the boundary two countries share, or ``None``.

    ``None`` when either outline is unknown or the two do not touch
    ("the Malaysian border" in a story about Japan).
    """
    if country == neighbour:
        return None
    own, other = country_shape(country), country_shape(neighbour)
    if own is None or other is None:
        return None
    shared = own.boundary.intersection(other.buffer(_TOUCH_DEG))
    if shared.is_empty or shared.length < _TOUCH_DEG:
        return None
    band = shared.buffer(BAND_KM / _KM_PER_DEGREE).intersection(own.union(other))
    return None if band.is_empty else band
