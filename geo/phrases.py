"""Spatial phrases built on a place name: "off the coast of Syria", "Israeli airspace".

Each rule looks at the words just before or just after an anchor (a toponym
or demonym already found) inside its sentence, and says which area the whole
phrase means. The rules are about English spatial language, not about any
particular place, so they apply to any anchor in any article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from geo.types import AreaKind, AreaSpec

__all__ = ["BEARINGS", "DISTANCE_UNIT_WORDS", "TERRITORIAL_SEA_KM", "PhraseMatch", "find_phrase"]

#: Compass words to bearings in degrees (0 = north, clockwise).
BEARINGS: dict[str, float] = {
    "north": 0.0,
    "northeast": 45.0,
    "north-east": 45.0,
    "east": 90.0,
    "southeast": 135.0,
    "south-east": 135.0,
    "south": 180.0,
    "southwest": 225.0,
    "south-west": 225.0,
    "west": 270.0,
    "northwest": 315.0,
    "north-west": 315.0,
}
_UNIT_KM = {
    "km": 1.0,
    "kms": 1.0,
    "kilometer": 1.0,
    "kilometers": 1.0,
    "kilometre": 1.0,
    "kilometres": 1.0,
    "mile": 1.609344,
    "miles": 1.609344,
    "mi": 1.609344,
    "nautical mile": 1.852,
    "nautical miles": 1.852,
    "nm": 1.852,
}
DISTANCE_UNIT_WORDS = frozenset(unit for unit in _UNIT_KM if " " not in unit)
"""The one-word units of a distance: "km", "kilometres", "miles", "nm" …"""
_NUMBER = r"(?P<num>\d+(?:[.,]\d+)?)"
_UNIT = r"(?P<unit>nautical miles?|nm|km|kms|kilomet(?:er|re)s?|miles?|mi)"
_BEARING = r"(?P<bearing>north-?east|north-?west|south-?east|south-?west|north|south|east|west)"
_THE = r"(?:the\s+)?"
#: A side word between "off" and the name: "off southern Lebanon" is still at sea.
_SIDE = (
    r"(?:(?:north|south)(?:-?(?:east|west))?(?:ern)?\s+|(?:east|west)(?:ern)?\s+"
    r"|central\s+)?"
)
TERRITORIAL_SEA_KM = 22.224
"""12 nautical miles, the territorial sea ("Iranian territorial waters"); the
same figure as :data:`geo.areas.TERRITORIAL_SEA_KM`, kept here so that this
module stays free of geometry."""


@dataclass(frozen=True)
class PhraseMatch:
    """A phrase around an anchor: its character span and the area it means."""

    start: int
    end: int
    spec: AreaSpec


# Rules on the text BEFORE the anchor; each regex must end at the anchor ($).
_BEFORE: tuple[tuple[re.Pattern[str], AreaKind], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), kind)
    for pattern, kind in (
        (
            rf"\b{_NUMBER}[\s-]*{_UNIT}\s+(?:\(\s*[^)]*\)\s+)?(?:to the\s+)?"
            rf"{_BEARING}\s+of\s+{_THE}$",
            AreaKind.OFFSET,
        ),
        (
            # "20 km off Latakia", "12 nautical miles off the coast of Yemen": at sea.
            rf"\b{_NUMBER}[\s-]*{_UNIT}\s+(?:\(\s*[^)]*\)\s+)?off\s+{_THE}"
            rf"(?:{_SIDE}(?:coast|coastline|shores?)\s+of\s+{_THE})?{_SIDE}$",
            AreaKind.OFFSHORE,
        ),
        (
            rf"\b{_NUMBER}[\s-]*{_UNIT}\s+(?:\(\s*[^)]*\)\s+)?(?:from|of|outside)\s+{_THE}$",
            AreaKind.OFFSET,
        ),
        (rf"(?<!the )\b(?:due\s+|just\s+)?{_BEARING}\s+of\s+{_THE}$", AreaKind.OFFSET),
        (
            rf"\b(?:the\s+)?(?:sea|waters?)\s+off\s+{_THE}(?:{_SIDE}coast\s+of\s+{_THE})?"
            rf"{_SIDE}$",
            AreaKind.OFFSHORE,
        ),
        (
            rf"\boff\s+{_THE}{_SIDE}(?:coast|coastline|shores?)\s+of\s+{_THE}{_SIDE}$",
            AreaKind.OFFSHORE,
        ),
        (rf"\boff\s+{_THE}{_SIDE}$", AreaKind.OFFSHORE),
        (rf"\b(?:the\s+)?territorial\s+(?:waters|seas?)\s+of\s+{_THE}$", AreaKind.OFFSHORE),
        (rf"\b(?:the\s+)?waters\s+of\s+{_THE}$", AreaKind.OFFSHORE),
        (rf"\b(?:the\s+)?airspace\s+(?:of|over)\s+{_THE}$", AreaKind.AIRSPACE),
        (
            rf"\b(?:the\s+)?{_SIDE}(?:coastal\s+(?:region|area|strip|zone|province|plain)s?"
            rf"|coast|coastline|shores?|seaboard|seafront)\s+(?:of|near|around)\s+{_THE}$",
            AreaKind.COAST,
        ),
        (
            rf"\b(?:near|nearby|outside|around|close\s+to|not\s+far\s+from|on\s+the\s+outskirts\s+of"
            rf"|outskirts\s+of|vicinity\s+of|suburbs?\s+of|environs\s+of)\s+{_THE}$",
            AreaKind.VICINITY,
        ),
    )
)

# Rules on the text AFTER the anchor; each regex must start at the anchor (^).
_AFTER: tuple[tuple[re.Pattern[str], AreaKind], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), kind)
    for pattern, kind in (
        (r"^(?:'s|’s)?\s+(?:territorial\s+)?air\s*space\b", AreaKind.AIRSPACE),
        (r"^(?:'s|’s)?\s+territorial\s+(?:waters|seas?)\b", AreaKind.OFFSHORE),
        (r"^(?:'s|’s)?\s+(?:coastal\s+)?waters\b", AreaKind.OFFSHORE),
        (
            # not "the Chinese coast guard": a service, not a shore
            r"^(?:'s|’s)?\s+(?:coast(?!\s*-?\s*guard)|coastline|shores?|seaboard|littoral"
            r"|seafront)\b",
            AreaKind.COAST,
        ),
        (
            r"^(?:'s|’s)?\s+(?:area|vicinity|outskirts|environs|countryside|hinterland"
            r"|surroundings)\b",
            AreaKind.VICINITY,
        ),
    )
)
#: How far "the X countryside" reaches from X: the rural belt around a city, the
#: province's villages ("the Aleppo countryside", "Idlib's southern countryside").
COUNTRYSIDE_KM = 50.0
_COUNTRYSIDE = re.compile(r"\b(?:countryside|hinterland)\b", re.IGNORECASE)
#: A territorial sea is 12 nautical miles wide, whatever the default "off" is.
_TERRITORIAL = re.compile(r"\bterritorial\b", re.IGNORECASE)
_OFF_BEFORE = re.compile(rf"\b(?:off|over\s+the\s+sea\s+off)\s+{_THE}$", re.IGNORECASE)
_LEADING_THE = re.compile(r"\bthe\s+$", re.IGNORECASE)
#: "the" and a describing word before a bearing: "the tropical northeast of X"
#: names a side of X, not somewhere past it.
_A_SIDE_OF = re.compile(
    r"\bthe\s+(?:(?:far|extreme|tropical|remote|rural|mountainous|restive|volatile|rugged|arid"
    r"|deep|frozen|oil-rich|war-torn|conflict-hit|impoverished|troubled|sparsely\s+populated"
    r"|affluent|wealthy|poor|leafy|industrial|historic|rebel-held|government-held"
    r"|mainly\s+[a-z-]+|predominantly\s+[a-z-]+)\s+)$",
    re.IGNORECASE,
)
"""A describing word between "the" and a bearing: "the tropical northeast of X" names a
side of X. Not "the dam north of Mosul", which is past Mosul."""
#: A comma before a bare bearing (", south of Syria" says where the place before lies),
#: or "in" ("fighting in east of Ukraine": inside it, said loosely).
_SET_OFF_BEFORE = re.compile(r"(?:,|\bin)\s*(?:due\s+|just\s+)?$", re.IGNORECASE)
#: A possessive after the anchor: "south of Yemen's capital" is south of the capital.
_POSSESSIVE_AFTER = re.compile(r"^(?:'s|’s)\b")
_KIND_AFTER = re.compile(
    r"^\s+(?:[a-z][a-z-]*\s+)?"
    r"(?:cit(?:y|ies)|towns?|villages?|capital|ports?|districts?|neighbou?rhoods?|suburbs?"
    r"|camps?|settlements?|provinces?|regions?|governorates?|states?|county|counties"
    r"|boroughs?|municipalit(?:y|ies)|resorts?|enclaves?|communit(?:y|ies))\b"
)
"""A lower-case kind of place right after the anchor: "near the West Bank city of
Hebron" is near Hebron, and the anchor only says where Hebron lies; so do "the
outskirts of the Lebanese border villages of X and Y" and "near the Malian
garrison town of Boulkessi" (one lower-case word may stand before the kind)."""
_BORDER_AFTER = re.compile(
    r"^(?:'s|’s)?\s+(?:border|frontier|boundary)(?:\s+(?:area|region|zone|line))?\b",
    re.IGNORECASE,
)
"""A border right after the anchor ends the phrase: "30 km from the Russian
border" is measured from the border, and the phrase is not "30 km from the
Russian". The area stays the anchor's (a country has no useful offset ring)."""
_NAME_BEFORE = re.compile(r"[A-Z][\w'’-]*\s+$")
"""A capitalised word just before a phrase: "the Sayyida Zeinab suburb of Damascus"
names a suburb; it is not the suburbs of Damascus at large."""


def _distance_km(match: re.Match[str]) -> float | None:
    groups = match.groupdict()
    if not groups.get("num"):
        return None
    value = float(groups["num"].replace(",", "."))
    unit = re.sub(r"\s+", " ", groups["unit"].lower())
    return value * _UNIT_KM.get(unit, 1.0)


def find_phrase(
    text: str, anchor_start: int, anchor_end: int, *, sentence_start: int, sentence_end: int
) -> PhraseMatch | None:
    """The spatial phrase built on the anchor at ``text[anchor_start:anchor_end]``, if any.

    Examples
    --------
    >>> t = "The jet went down off the coast of Syria on Monday."
    >>> m = find_phrase(t, t.index("Syria"), t.index("Syria") + 5, sentence_start=0,
    ...                 sentence_end=len(t))
    >>> t[m.start:m.end], m.spec.kind.value
    ('off the coast of Syria', 'offshore')
    """
    before = text[sentence_start:anchor_start]
    after = text[anchor_end:sentence_end]
    for pattern, kind in _AFTER:
        found = pattern.search(after)
        if not found:
            continue
        end = anchor_end + found.end()
        start = anchor_start
        the = _LEADING_THE.search(before)
        if the:
            start = sentence_start + the.start()
        if kind is AreaKind.COAST:
            off = _OFF_BEFORE.search(before)
            if off:
                start = sentence_start + off.start()
                kind = AreaKind.OFFSHORE
        distance = TERRITORIAL_SEA_KM if _TERRITORIAL.search(found.group(0)) else None
        if _COUNTRYSIDE.search(found.group(0)):
            distance = COUNTRYSIDE_KM  # "the Aleppo countryside" reaches far past the town
        return PhraseMatch(start, end, AreaSpec(kind, distance))
    describes = _KIND_AFTER.match(after) is not None
    for pattern, kind in _BEFORE:
        found = pattern.search(before)
        if not found:
            continue
        if describes or (
            kind is AreaKind.VICINITY and _NAME_BEFORE.search(before[: found.start()])
        ):
            return None
        distance = _distance_km(found)
        if (
            kind is AreaKind.OFFSET
            and distance is None
            and _A_SIDE_OF.search(before[: found.start()])
        ):
            return None  # "the tropical northeast of Australia" is a part of it
        if distance is None and _TERRITORIAL.search(found.group(0)):
            distance = TERRITORIAL_SEA_KM
        bearing_word = found.groupdict().get("bearing")
        bearing = BEARINGS.get(bearing_word.lower()) if bearing_word else None
        border = _BORDER_AFTER.match(after)
        end = anchor_end + border.end() if border else anchor_end
        loose = (
            kind is AreaKind.OFFSET
            and distance is None
            and bool(
                _SET_OFF_BEFORE.search(before[: found.start()]) or _POSSESSIVE_AFTER.match(after)
            )
        )
        return PhraseMatch(
            sentence_start + found.start(), end, AreaSpec(kind, distance, bearing, loose)
        )
    return None
