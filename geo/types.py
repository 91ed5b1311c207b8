"""The plain values that flow through the ``geo`` stage.

A :class:`Mention` is a span of article text that names a place; a
:class:`Place` is what a mention resolves to. Both are frozen dataclasses so
that later stages (layers, rendering, caching) can hash, compare and share
them without defensive copies.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from shapely.geometry.base import BaseGeometry

__all__ = [
    "FRAMED_LABEL",
    "IN_A_NAME_LABEL",
    "PLACE_LABELS",
    "Alternative",
    "AreaKind",
    "AreaResult",
    "AreaSpec",
    "Candidate",
    "Mention",
    "MentionKind",
    "Place",
    "Precision",
    "Resolved",
]

PLACE_LABELS = frozenset({"GPE", "LOC"})
"""spaCy entity labels of names the model reads as places."""

FRAMED_LABEL = "FRAMED"
"""The :attr:`Mention.label` of a name the wording marks as a place ("the village
of X", "the X district": :mod:`geo.place_frames`), whatever the model called it."""


IN_A_NAME_LABEL = "IN_A_NAME"
"""The :attr:`Mention.label` of a place named inside the name of an organisation,
a law or an event ("the Islamic State of Iraq and the Levant", "the Bank of
England"): gold corpora count it as a place, but nothing happened there."""


class MentionKind(StrEnum):
    """What sort of span names the place."""

    TOPONYM = "toponym"
    """A place name: "Latakia", "the Black Sea"."""
    DEMONYM = "demonym"
    """An adjective or people's name standing for a country: "Syrian", "Iran-backed"."""
    PHRASE = "phrase"
    """A spatial phrase built on a toponym or demonym: "off the coast of Syria"."""


class AreaKind(StrEnum):
    """The area a spatial phrase describes around its anchor place."""

    AIRSPACE = "airspace"
    """A country's land plus its 12 nautical mile territorial sea."""
    COAST = "coast"
    """A strip of land along the anchor's coastline ("the Syrian coast")."""
    OFFSHORE = "offshore"
    """Sea within a distance of the anchor's coast ("off the coast of Syria")."""
    VICINITY = "vicinity"
    """A disc around the anchor ("the Latakia area", "near Homs")."""
    OFFSET = "offset"
    """A point at a distance and bearing from the anchor ("40 km north of Homs")."""


@dataclass(frozen=True)
class AreaSpec:
    """How to turn an anchor place into the area a phrase means.

    ``distance_km`` is the distance the text states, or ``None`` when the
    phrase gives none and the geometry code picks an honest default.
    ``bearing_deg`` is set for :attr:`AreaKind.OFFSET` when the text names a
    direction (0 = north, 90 = east). ``loose`` marks a bare bearing that may
    be said loosely: set off by a comma after another place ("Daraa, south
    of Syria", often meant as southern Syria) or cut from a longer anchor
    ("south of Yemen's capital").
    """

    kind: AreaKind
    distance_km: float | None = None
    bearing_deg: float | None = None
    loose: bool = False


@dataclass(frozen=True)
class Mention:
    """A span of an article's text that names a place.

    ``start``/``end`` are character offsets of the whole mention in the
    article text (``text == article_text[start:end]``). For a phrase, the
    anchor offsets point at the toponym or demonym the phrase is built on.
    ``name`` is what gets geocoded: the anchor's text, or for a regional
    adjective ("European") the region it stands for ("Europe"), or for a name
    listed before a plural kind of division the name with that kind's word
    ("Odesa region" in "the Odesa and Mykolaiv regions").
    """

    start: int
    end: int
    text: str
    kind: MentionKind
    name: str
    anchor_start: int
    anchor_end: int
    label: str = ""
    """Where the mention came from: the spaCy entity label or ``GAZETTEER``
    (:data:`PLACE_LABELS` are the labels of names the model reads as places)."""
    area: AreaSpec | None = None
    demonym_country: str | None = None
    """ISO alpha-2 code a demonym (or a phrase built on one) stands for."""


class Precision(StrEnum):
    """How exactly a place's geometry pins down what the text meant."""

    EXACT = "exact"
    NEAR = "near"
    REGION = "region"
    COUNTRY = "country"


@dataclass(frozen=True)
class Candidate:
    """One gazetteer entry a name might refer to, before disambiguation."""

    gazetteer_id: str
    name: str
    lat: float
    lon: float
    country: str | None
    feature: str
    """``country``, ``admin1``, ``city``, ``airport``, ``sea``, ``region`` …"""
    population: int = 0
    admin1: str | None = None
    source: str = "geonames"
    matched_name: str = ""
    exact_name: bool = True
    """True when the query matched the entry's main name, not an alias."""
    wkt: str | None = None
    """A polygon for curated areas, as WKT; ``None`` for points."""
    radius_km: float | None = None
    """How far the entry's footprint reaches from its point, when known."""
    capital: bool = False
    """Whether the entry is its country's capital city."""

    def code_written_otherwise(self, written: str) -> bool:
        """Whether this entry matched a code ("UM", "U.S.") that ``written`` spells otherwise.

        "Um Rawaba" is no "UM" (the US Minor Outlying Islands): a code of
        up to four capitals names its place only written all in capitals. A
        written abbreviation ("Ga.", "Calif.") is no code.
        """
        letters = self.matched_name.replace(".", "")
        return (
            0 < len(letters) <= _CODE_LETTERS
            and letters.isalpha()
            and letters.isupper()
            and "." not in written
            and not written.isupper()
        )


#: Most letters a code a gazetteer lists among a place's names has ("UM", "UAE", "DPRK").
_CODE_LETTERS = 4


@dataclass(frozen=True)
class Alternative:
    """A candidate that lost to the chosen one, kept to show the reasoning."""

    gazetteer_id: str
    name: str
    country: str | None
    lat: float
    lon: float
    score: float
    reason: str


@dataclass(frozen=True)
class Place:
    """What a mention resolved to: a geometry and how sure we are of it."""

    gazetteer_id: str
    name: str
    country: str | None
    feature: str
    geometry: BaseGeometry
    lat: float
    lon: float
    precision: Precision
    radius_km: float | None = None
    confidence: float = 1.0
    source: str = "geonames"
    alternatives: tuple[Alternative, ...] = field(default=(), compare=False)
    reason: str = field(default="", compare=False)
    """Why this candidate won, in words a reader of the popup understands."""
    written: str = field(default="", compare=False)
    """The name as the article wrote it, when the gazetteer spells it otherwise
    ("Hodeidah" for Al Ḩudaydah, "Kharkov" for Kharkiv); empty when they
    agree. The map should label and search the place by it (see
    :attr:`label`), keeping ``name`` for the details."""
    named_point: tuple[float, float] | None = field(default=None, compare=False)
    """(lat, lon) of what the mention's own words name, when the place reads
    more from the words around them: "northeast Syria" is drawn as that side of
    Syria, but the name "Syria" is at Syria's point (what a geoparser reports for
    the name, :attr:`point_of_the_name`)."""
    population: int = field(default=0, compare=False)
    """How many live there, by the gazetteer entry the place was read from (0
    when unknown, and for what the text placed itself): which of two towns
    named together holds the other ("the Delmas neighbourhood of
    Port-au-Prince")."""

    @property
    def point_of_the_name(self) -> tuple[float, float]:
        """(lat, lon) of the place the mention's own words name (see :attr:`named_point`)."""
        return self.named_point or (self.lat, self.lon)

    @property
    def label(self) -> str:
        """The name to show: the article's spelling when it has one, else ``name``."""
        return self.written or self.name

    @property
    def is_area(self) -> bool:
        """True when the geometry is a polygon rather than a point."""
        return self.geometry.geom_type in ("Polygon", "MultiPolygon")


@dataclass(frozen=True)
class Resolved:
    """A mention and the place it resolved to (``None`` when nothing matched)."""

    mention: Mention
    place: Place | None


@dataclass(frozen=True)
class AreaResult:
    """An area built for a phrase, with the point and numbers that describe it.

    ``lat``/``lon`` is a representative point inside ``geometry``: the anchor
    itself when it lies inside, else the point of the area nearest the anchor
    (for a point anchor) or nearest the area's centre (for a country).
    ``radius_km`` is the geodesic distance from that point to the farthest
    part of the area (for a disc, its radius; for an offset point, how far
    the place may honestly lie from it).
    """

    geometry: BaseGeometry
    lat: float
    lon: float
    precision: Precision
    radius_km: float | None
    feature: str
    """``airspace``, ``coast``, ``offshore``, ``vicinity``, ``offset`` or ``ring``."""
