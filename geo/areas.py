"""The areas that spatial phrases describe around an anchor place.

"Israeli airspace", "the Syrian coast", "the coastal region of Latakia", "off
the coast of Syria", "the Latakia area", "40 km north of Homs": each names an
area built from an anchor (a country, or a point such as a city) and, at
times, a stated distance or direction. Each function here builds one kind of
area; :func:`area_for` picks the function for an :class:`~geo.types.AreaSpec`
and adds a representative point, a precision and an honest radius.

All geometry is done in a local metric projection, an azimuthal equidistant
projection centred on the anchor (or on the country's centre), where
distances from the centre are true geodesic distances and buffers are in
metres. Results come back as shapely geometries in EPSG:4326 (x = longitude,
y = latitude), split at the antimeridian when they cross it. Land and coasts
come from :mod:`geo.shapes` (Natural Earth 1:10m), clipped to the region
first so that one area takes milliseconds; country-wide areas are cached in
memory and on disk (:mod:`geo.area_store`).

The functions are pure: the same input always gives the same geometry.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property, lru_cache

import numpy as np
import shapely
from numpy.typing import NDArray
from pyproj import Geod, Transformer
from shapely.geometry import MultiLineString, MultiPolygon, Point, Polygon
from shapely.geometry.base import BaseGeometry
from shapely.ops import nearest_points

from geo import shapes
from geo.area_store import persisted
from geo.types import AreaKind, AreaResult, AreaSpec, Precision

__all__ = [
    "COAST_REACH_KM",
    "COAST_WIDTH_KM",
    "OFFSET_BEARING_SPREAD_DEG",
    "OFFSET_DEFAULT_KM",
    "OFFSHORE_COUNTRY_KM",
    "OFFSHORE_POINT_KM",
    "RING_MIN_WIDTH_KM",
    "RING_WIDTH_FRACTION",
    "TERRITORIAL_SEA_KM",
    "VICINITY_KM",
    "AreaResult",
    "airspace",
    "area_for",
    "coast_strip",
    "offset_point",
    "offshore_area",
    "ring",
    "vicinity",
]

# --- Default distances -------------------------------------------------------

TERRITORIAL_SEA_KM = 22.224
"""12 nautical miles: the territorial sea of the UN Convention on the Law of
the Sea (art. 3), which is also the airspace a state claims over the sea."""

COAST_WIDTH_KM = 15.0
"""How far inland "the coast" reaches. A coastal plain, its towns and the
coast road usually lie within 10-20 km of the sea; further in, reports name
the hills or the inland cities instead."""

COAST_REACH_KM = 30.0
"""How far along the coast "the coastal region of <city>" reaches from the
city: its coastal hinterland, short of the next city's (coastal cities are
often 50-100 km apart)."""

OFFSHORE_COUNTRY_KM = 50.0
"""How far out to sea "off the coast of <country>" reaches. Beyond the 22 km
territorial sea, events reported "off the coast" are rarely further than a
few tens of km out; further out, reports name the sea itself."""

OFFSHORE_POINT_KM = 30.0
"""How far from a city "off <city>" or "over the sea off <city>" reaches:
about the range in which the city is still the nearest landmark."""

VICINITY_KM = 10.0
"""The radius of "the <city> area": a city and its immediate surroundings,
roughly its suburbs and the nearest villages."""

OFFSET_DEFAULT_KM = 20.0
"""The distance assumed for a direction without a distance ("north of
Homs"): near enough for the city to be the landmark. Such a place gets a
REGION precision, since the distance is a guess."""

OFFSET_BEARING_SPREAD_DEG = 22.5
"""Half the width of a named direction: the eight compass points are 45°
apart, so "north" means anything within 22.5° of north."""

OFFSET_MIN_RADIUS_KM = 2.0
"""The least uncertainty of an offset point: distances in news are rounded."""

RING_WIDTH_FRACTION = 0.25
"""The width of the annulus for "<d> km from <place>", as a fraction of the
distance: stated distances are rounded, "40 km" means roughly 35-45 km."""

RING_MIN_WIDTH_KM = 5.0
"""The narrowest annulus, for short stated distances."""

COAST_EDGE_TOLERANCE_M = 100.0
"""An edge of a country's outline whose midpoint lies this near the sea is
coast. Countries and land share their coastline vertices (one source, one
grid), so this only absorbs rounding and the rare spot where they differ."""

MIN_SEA_KM2 = 1.0
"""Less sea than this (a lagoon, a sliver at the edge of a disc) is no sea."""

_SIMPLIFY_FRACTION = 0.025
"""Before buffering by ``d``, outlines are simplified by ``d`` times this (see
``_buffer``): the buffer's outer edge moves by at most 5 % of its width, 1.1 km
of the 22 km territorial sea. Coastlines themselves are never simplified: land
is always cut out at full detail."""

_TILE_VERTICES = 8000
"""Above this many vertices, buffer-and-intersect is done region by region."""

_QUAD_SEGS = 4
"""Segments per quarter circle in buffers of outlines (corners are small)."""

_DISC_QUAD_SEGS = 16
"""Segments per quarter circle for discs and rings, which are drawn as such."""

_DENSIFY_DEG = 0.05
"""Longest lon/lat edge projected as a straight line (about 5 km)."""

_GEOD = Geod(ellps="WGS84")


# --- Results -----------------------------------------------------------------


# --- The local projection ----------------------------------------------------


@dataclass(frozen=True)
class _Frame:
    """An azimuthal equidistant projection centred on (lat, lon), in metres."""

    lat: float
    lon: float
    transformer: Transformer

    def to_local(self, geom: BaseGeometry) -> BaseGeometry:
        """Project a lon/lat geometry into this frame, keeping it valid.

        Long edges (a clipped box side, a border along a parallel) are first
        cut into pieces of :data:`_DENSIFY_DEG`, since a straight edge in
        lon/lat is a curve in the frame. A vertex that lands a hair's breadth
        over a neighbouring edge is then repaired.
        """
        local = shapely.transform(shapely.segmentize(geom, _DENSIFY_DEG), self._forward)
        if local.geom_type in ("Polygon", "MultiPolygon") and not local.is_valid:
            local = _polygons(shapely.make_valid(local))
        return local

    def to_lonlat(self, geom: BaseGeometry) -> BaseGeometry:
        """Project a geometry of this frame back to lon/lat, split at ±180°."""
        return _split_antimeridian(self.to_lonlat_unsplit(geom))

    def to_lonlat_unsplit(self, geom: BaseGeometry) -> BaseGeometry:
        """Project back to lon/lat, longitudes continuous around the centre (may pass ±180°)."""
        lonlat = shapely.transform(geom, self._inverse)
        if lonlat.geom_type in ("Polygon", "MultiPolygon") and not lonlat.is_valid:
            lonlat = _polygons(shapely.make_valid(lonlat))
        return lonlat

    def point_to_lonlat(self, x: float, y: float) -> tuple[float, float]:
        """Return (lat, lon) of a point of this frame."""
        lon, lat = self.transformer.transform(x, y, direction="INVERSE")
        return float(lat), _wrap_lon(float(lon))

    def _forward(self, coords: NDArray[np.float64]) -> NDArray[np.float64]:
        x, y = self.transformer.transform(coords[:, 0], coords[:, 1])
        return np.column_stack([x, y])

    def _inverse(self, coords: NDArray[np.float64]) -> NDArray[np.float64]:
        lon, lat = self.transformer.transform(coords[:, 0], coords[:, 1], direction="INVERSE")
        # Keep longitudes continuous around the centre; _split_antimeridian folds them.
        lon = self.lon + (np.asarray(lon) - self.lon + 180.0) % 360.0 - 180.0
        return np.column_stack([lon, lat])


@lru_cache(maxsize=512)
def _frame(lat: float, lon: float) -> _Frame:
    """Return the local frame centred on a point (cached: anchors repeat)."""
    pipeline = (
        "+proj=pipeline +step +proj=unitconvert +xy_in=deg +xy_out=rad "
        f"+step +proj=aeqd +lat_0={lat:.7f} +lon_0={lon:.7f} +ellps=WGS84"
    )
    return _Frame(lat=lat, lon=lon, transformer=Transformer.from_pipeline(pipeline))


def _wrap_lon(lon: float) -> float:
    """Bring a longitude into [-180, 180)."""
    return (lon + 180.0) % 360.0 - 180.0


def _polygons(geom: BaseGeometry) -> MultiPolygon:
    """Keep the polygonal parts of a geometry, as one MultiPolygon."""
    parts = shapely.get_parts(shapely.get_parts(geom))
    return MultiPolygon([p for p in parts if p.geom_type == "Polygon" and not p.is_empty])


def _split_antimeridian(geom: BaseGeometry) -> BaseGeometry:
    """Cut a lon/lat geometry that runs past ±180° and fold the pieces back."""
    if geom.is_empty:
        return geom
    minx, _, maxx, _ = geom.bounds
    if minx >= -180.0 and maxx <= 180.0:
        return geom
    pieces: list[BaseGeometry] = []
    for shift in (-360.0, 0.0, 360.0):
        window = shapely.box(-180.0 - shift, -90.0, 180.0 - shift, 90.0)
        piece = shapely.intersection(geom, window)
        if not piece.is_empty:
            pieces.append(shapely.transform(piece, lambda c, s=shift: c + np.array([s, 0.0])))
    if geom.geom_type in ("Point", "MultiPoint"):
        return shapely.union_all(pieces)
    return _polygons(shapely.GeometryCollection(pieces))


def _buffer(geom: BaseGeometry, distance_m: float) -> BaseGeometry:
    """Buffer an outline outwards by ``distance_m``, fast on fjords and archipelagos.

    Done in two steps, since a disc of radius a + b is a disc of a swept by a
    disc of b: a tenth of the distance first, which fills narrow fjords and
    joins near islands into a smoother outline, then the rest. Each step's
    input is simplified by ``_SIMPLIFY_FRACTION`` of the distance, so the edge
    moves by at most twice that (5 %); on Norway's coast this is several times
    faster than one buffer.
    """
    tolerance = distance_m * _SIMPLIFY_FRACTION
    first = shapely.buffer(
        shapely.simplify(geom, tolerance), distance_m * 0.1, quad_segs=_QUAD_SEGS // 2 or 1
    )
    return shapely.buffer(
        shapely.simplify(first, tolerance), distance_m * 0.9, quad_segs=_QUAD_SEGS
    )


def _buffer_within(source: BaseGeometry, distance_m: float, target: BaseGeometry) -> BaseGeometry:
    """Return the part of ``target`` within ``distance_m`` of ``source``.

    That is ``buffer(source) ∩ target``, computed piecewise for large inputs
    (Canada's coast, Russia's seas): the region is halved until each half holds
    fewer than :data:`_TILE_VERTICES` vertices. A point of a half lies within
    the distance of ``source`` exactly when it does of ``source`` clipped to
    the half widened by the distance, so the pieces add up to the whole.
    """
    pieces: list[BaseGeometry] = []
    _buffer_tiles(source, distance_m, target, target.bounds, pieces)
    if len(pieces) == 1:
        return pieces[0]
    return shapely.union_all(pieces)


def _buffer_tiles(
    source: BaseGeometry,
    distance_m: float,
    target: BaseGeometry,
    box: tuple[float, float, float, float],
    out: list[BaseGeometry],
) -> None:
    """Recursive step of :func:`_buffer_within` over ``box`` (which holds ``target``)."""
    if target.is_empty or source.is_empty:
        return
    x0, y0, x1, y1 = box
    size = shapely.get_num_coordinates(source) + shapely.get_num_coordinates(target)
    if size <= _TILE_VERTICES or max(x1 - x0, y1 - y0) <= 4.0 * distance_m:
        try:
            piece = _polygons(shapely.intersection(_buffer(source, distance_m), target))
        except shapely.errors.GEOSException:  # a clip left a hair-thin spike: repair, retry
            piece = _polygons(
                shapely.intersection(_buffer(source, distance_m), shapely.make_valid(target))
            )
        if not piece.is_empty:
            out.append(piece)
        return
    if x1 - x0 >= y1 - y0:
        xm = (x0 + x1) / 2.0
        halves = [(x0, y0, xm, y1), (xm, y0, x1, y1)]
    else:
        ym = (y0 + y1) / 2.0
        halves = [(x0, y0, x1, ym), (x0, ym, x1, y1)]
    d = distance_m
    for hx0, hy0, hx1, hy1 in halves:
        part = _clip(target, hx0, hy0, hx1, hy1)
        near = _clip(source, hx0 - d, hy0 - d, hx1 + d, hy1 + d)
        _buffer_tiles(near, distance_m, part, (hx0, hy0, hx1, hy1), out)


def _clip(geom: BaseGeometry, x0: float, y0: float, x1: float, y1: float) -> BaseGeometry:
    """Clip to a box, fast (``clip_by_rect`` keeps valid polygons valid)."""
    return shapely.clip_by_rect(geom, x0, y0, x1, y1)


def _disc(radius_m: float) -> Polygon:
    """Return a disc of ``radius_m`` around the frame's centre."""
    disc: Polygon = Point(0.0, 0.0).buffer(radius_m, quad_segs=_DISC_QUAD_SEGS)
    return disc


def _land_within(frame: _Frame, reach_m: float) -> BaseGeometry:
    """Land within ``reach_m`` of the frame's centre, in the frame."""
    land = shapes.land_near(frame.lon, frame.lat, reach_m / 1000.0)
    return shapely.intersection(frame.to_local(land), _disc(reach_m))


# --- Countries ---------------------------------------------------------------


@dataclass(frozen=True)
class _Country:
    """A country in its own local frame, with the land and sea around it."""

    frame: _Frame
    shape: BaseGeometry
    """The country, in the frame."""
    sea: BaseGeometry
    """The sea within the margin around the country, in the frame."""

    @cached_property
    def coastline(self) -> BaseGeometry:
        """The stretches of the country's outline that face the sea, as lines.

        An edge of the outline is coast when its midpoint lies on the sea's
        edge (within :data:`COAST_EDGE_TOLERANCE_M`); the rest are land borders.
        Distances "off the coast" are measured from these lines, so the sea off
        a neighbour is not reached across the neighbour's land.
        """
        if self.sea.is_empty:
            return MultiLineString()
        rings = [shapely.get_coordinates(r) for r in _rings(self.shape)]
        if not rings:
            return MultiLineString()
        mids = np.concatenate([(r[:-1] + r[1:]) / 2.0 for r in rings])
        shapely.prepare(self.sea)
        on_sea = shapely.dwithin(self.sea, shapely.points(mids), COAST_EDGE_TOLERANCE_M)
        lines: list[NDArray[np.float64]] = []
        start = 0
        for ring_coords in rings:
            n = len(ring_coords) - 1
            lines.extend(_runs(ring_coords, on_sea[start : start + n]))
            start += n
        return MultiLineString(lines)

    @property
    def has_coast(self) -> bool:
        """True when the country touches the sea."""
        return not self.coastline.is_empty


def _rings(geom: BaseGeometry) -> list[BaseGeometry]:
    """Return every ring (shells and holes) of a polygonal geometry."""
    return list(shapely.get_rings(shapely.get_parts(geom)))


def _runs(coords: NDArray[np.float64], mask: NDArray[np.bool_]) -> list[NDArray[np.float64]]:
    """Split a closed ring into the lines of consecutive edges where ``mask`` holds."""
    if mask.all():
        return [coords]
    # Start at an edge that is off the mask, so that no run wraps around the end.
    first_off = int(np.argmin(mask))
    order = (np.arange(len(mask)) + first_off) % len(mask)
    runs: list[NDArray[np.float64]] = []
    run: list[int] = []
    for edge in order:
        if mask[edge]:
            run.append(int(edge))
        elif run:
            runs.append(_edges_to_line(coords, run))
            run = []
    if run:
        runs.append(_edges_to_line(coords, run))
    return runs


def _edges_to_line(coords: NDArray[np.float64], edges: list[int]) -> NDArray[np.float64]:
    """Return the polyline through consecutive ring edges (edge i joins vertex i, i + 1)."""
    n = len(coords) - 1
    idx = [edges[0], *[(e + 1) % n for e in edges]]
    return coords[idx]


def _centre(geom: BaseGeometry) -> tuple[float, float]:
    """Return (lat, lon) of a lon/lat geometry's centre, correct across ±180°.

    The area-weighted mean of its polygons' centroids as unit vectors, so that
    Fiji or Russia, split at the antimeridian, get a centre on their own side.
    """
    parts = shapely.get_parts(geom)
    cent = shapely.get_coordinates(shapely.centroid(parts))
    lat, lon = np.radians(cent[:, 1]), np.radians(cent[:, 0])
    weight = np.maximum(shapely.area(parts), 1e-12) * np.cos(lat)
    vec = np.column_stack([np.cos(lat) * np.cos(lon), np.cos(lat) * np.sin(lon), np.sin(lat)])
    x, y, z = (vec * weight[:, None]).sum(axis=0)
    return math.degrees(math.atan2(z, math.hypot(x, y))), math.degrees(math.atan2(y, x))


def _lonlat_bounds(frame: _Frame, box: Polygon) -> tuple[float, float, float, float]:
    """Lon/lat bounds of a box of the frame, longitudes continuous around its centre."""
    outline = shapely.segmentize(box.exterior, max(box.length / 400.0, 1.0))
    lonlat = frame.to_lonlat_unsplit(outline)
    west, south, east, north = lonlat.bounds
    for pole in (90.0, -90.0):  # a box around a pole takes every longitude
        px, py = frame.transformer.transform(frame.lon, pole)
        if shapely.contains_xy(box, px, py):
            west, east = -180.0, 180.0
            south, north = min(south, pole), max(north, pole)
    return west, south, east, north


#: Country areas kept per process: enough for every country's airspace, coast
#: and offshore sea, so a large corpus builds each once (each takes 0.1-1 s).
_COUNTRY_RESULTS = 1024


@lru_cache(maxsize=64)
def _country(iso2: str, margin_km: float) -> _Country | None:
    """Build (and cache) a country in its frame with land and sea ``margin_km`` around it.

    ``None`` for an unknown code, and for Antarctica: a shape that surrounds a
    pole has no outline in a flat frame, and its coasts are not news geometry.
    """
    shape = shapes.country_shape(iso2)
    if shape is None:
        return None
    lat0, lon0 = _centre(shape)
    frame = _frame(round(lat0, 4), round(lon0, 4))
    shape_xy = frame.to_local(shape)
    for pole in (90.0, -90.0):  # Antarctica: a shape around a pole has no flat outline
        if shapely.contains_xy(shape_xy, *frame.transformer.transform(frame.lon, pole)):
            return None
    west, _, east, _ = shape.bounds
    if west <= -180.0 and east >= 180.0:  # halves cut at the antimeridian meet again here
        shape_xy = _polygons(shapely.union_all(shapely.get_parts(shape_xy)))
    minx, miny, maxx, maxy = shape_xy.bounds
    pad = margin_km * 1000.0 + 1000.0
    box = shapely.box(minx - pad, miny - pad, maxx + pad, maxy + pad)
    land_xy = shapely.intersection(
        frame.to_local(shapes.land_in_box(*_lonlat_bounds(frame, box))), box
    )
    sea = _polygons(shapely.difference(box, land_xy))
    return _Country(frame=frame, shape=shape_xy, sea=sea)


def _country_area(
    iso2: str, build: Callable[[_Country], BaseGeometry], *, margin_km: float
) -> tuple[_Frame, BaseGeometry] | None:
    """Run ``build`` on a country; return its frame and the area, or ``None``."""
    country = _country(iso2, margin_km)
    if country is None:
        return None
    area = _polygons(build(country))
    return None if area.is_empty else (country.frame, area)


def airspace(iso2: str) -> BaseGeometry | None:
    """Return a country's land plus its 12 nautical mile territorial sea.

    The territorial sea is the country buffered by :data:`TERRITORIAL_SEA_KM`
    without any land, so it never spills over a land border. Where two
    countries' seas overlap (narrow straits), both get the overlap: no median
    line is drawn. ``None`` for an unknown code.

    Examples
    --------
    >>> il = airspace("IL")
    >>> il.contains(Point(34.78, 32.08)), il.contains(Point(36.29, 33.51))  # Tel Aviv, Damascus
    (True, False)
    """
    found = _airspace(iso2.upper())
    return None if found is None else found.geometry


@lru_cache(maxsize=_COUNTRY_RESULTS)
@persisted("airspace")
def _airspace(iso2: str) -> AreaResult | None:
    def build(country: _Country) -> BaseGeometry:
        if not country.has_coast:
            return country.shape
        sea = _buffer_within(country.coastline, TERRITORIAL_SEA_KM * 1000.0, country.sea)
        return shapely.union(country.shape, sea)

    return _country_result(
        _country_area(iso2, build, margin_km=TERRITORIAL_SEA_KM * 1.5),
        "airspace",
        Precision.COUNTRY,
    )


def coast_strip(
    *,
    lat: float,
    lon: float,
    iso2: str | None = None,
    width_km: float = COAST_WIDTH_KM,
    reach_km: float = COAST_REACH_KM,
    country: str | None = None,
) -> BaseGeometry | None:
    """Return the land within ``width_km`` of the sea, along a country or near a point.

    With ``iso2`` the anchor is that country ("the Syrian coast"): its land
    within ``width_km`` of its coastline (``lat``/``lon`` are not used).
    Without it the anchor is the point ("the coastal region of Latakia"): land
    within ``width_km`` of the coastline and within ``reach_km`` of the point,
    kept to ``country`` (default: the country the point lies in, if any), so
    that a border town's coast does not spill into its neighbour. ``None``
    when there is no coast: a landlocked country, a point farther than
    ``reach_km`` from the sea.

    Examples
    --------
    >>> coast_strip(lat=46.8, lon=8.2, iso2="CH") is None  # Switzerland
    True
    """
    if iso2 is not None:
        found = _country_coast(iso2.upper(), float(width_km))
        return None if found is None else found.geometry
    return _point_coast(lat, lon, width_km=width_km, reach_km=reach_km, country=country)


@lru_cache(maxsize=_COUNTRY_RESULTS)
@persisted("coast")
def _country_coast(iso2: str, width_km: float) -> AreaResult | None:
    def build(country: _Country) -> BaseGeometry:
        if not country.has_coast:
            return MultiPolygon()
        return _buffer_within(country.coastline, width_km * 1000.0, country.shape)

    found = _country_area(iso2, build, margin_km=width_km * 1.5)
    return _country_result(found, "coast", Precision.REGION)


def _point_coast(
    lat: float, lon: float, *, width_km: float, reach_km: float, country: str | None
) -> BaseGeometry | None:
    frame = _frame(lat, lon)
    outer = (reach_km + width_km) * 1000.0
    sea = shapely.difference(_disc(outer), _land_within(frame, outer))
    if shapely.area(sea) < MIN_SEA_KM2 * 1e6:
        return None
    home = country or shapes.country_at(lat, lon, iso_only=False)
    near = shapes.land_near(lon, lat, reach_km, country=home)
    land = shapely.intersection(frame.to_local(near), _disc(reach_km * 1000.0))
    strip = _polygons(shapely.intersection(land, _buffer(sea, width_km * 1000.0)))
    return None if strip.area < MIN_SEA_KM2 * 1e6 else frame.to_lonlat(strip)


def offshore_area(
    *,
    lat: float,
    lon: float,
    iso2: str | None = None,
    distance_km: float | None = None,
) -> BaseGeometry | None:
    """Return the sea within a distance of a country's coast or of a point.

    With ``iso2`` ("off the coast of Syria") the sea within ``distance_km``
    (default :data:`OFFSHORE_COUNTRY_KM`) of the country; without it ("over the
    sea off Tartus") the sea within ``distance_km`` (default
    :data:`OFFSHORE_POINT_KM`) of the point. Specks of sea under
    :data:`MIN_SEA_KM2` are dropped. ``None`` when there is no sea there: a
    landlocked country, a point that far inland.

    Examples
    --------
    >>> offshore_area(lat=46.8, lon=8.2, iso2="CH") is None  # Switzerland
    True
    """
    if iso2 is not None:
        distance = OFFSHORE_COUNTRY_KM if distance_km is None else distance_km
        found = _country_offshore(iso2.upper(), float(distance))
        return None if found is None else found.geometry
    distance = OFFSHORE_POINT_KM if distance_km is None else distance_km
    frame = _frame(lat, lon)
    sea = shapely.difference(_disc(distance * 1000.0), _land_within(frame, distance * 1000.0))
    sea = _without_specks(sea)
    return None if sea.is_empty else frame.to_lonlat(sea)


@lru_cache(maxsize=_COUNTRY_RESULTS)
@persisted("offshore")
def _country_offshore(iso2: str, distance_km: float) -> AreaResult | None:
    def build(country: _Country) -> BaseGeometry:
        if not country.has_coast:
            return MultiPolygon()
        sea = _buffer_within(country.coastline, distance_km * 1000.0, country.sea)
        return _without_specks(sea)

    found = _country_area(iso2, build, margin_km=distance_km * 1.5)
    return _country_result(found, "offshore", Precision.REGION)


def _without_specks(sea: BaseGeometry) -> MultiPolygon:
    """Drop pieces of sea smaller than :data:`MIN_SEA_KM2`."""
    return MultiPolygon([p for p in _polygons(sea).geoms if p.area >= MIN_SEA_KM2 * 1e6])


@lru_cache(maxsize=_COUNTRY_RESULTS)
@persisted("vicinity")
def _country_zone(iso2: str, distance_km: float) -> AreaResult | None:
    """Return the country, or everything within ``distance_km`` of it, land and sea."""

    def build(country: _Country) -> BaseGeometry:
        if distance_km <= 0:
            return country.shape
        return _buffer(country.shape, distance_km * 1000.0)

    found = _country_area(iso2, build, margin_km=0.0)
    return _country_result(found, "vicinity", Precision.COUNTRY)


@lru_cache(maxsize=_COUNTRY_RESULTS)
@persisted("ring")
def _country_ring(iso2: str, distance_km: float, width_km: float) -> AreaResult | None:
    """Return the band ``distance_km ± width_km / 2`` around a country's outline."""

    def build(country: _Country) -> BaseGeometry:
        outer = _buffer(country.shape, (distance_km + width_km / 2.0) * 1000.0)
        inner_km = distance_km - width_km / 2.0
        inner = _buffer(country.shape, inner_km * 1000.0) if inner_km > 0 else country.shape
        return shapely.difference(outer, inner)

    found = _country_area(iso2, build, margin_km=0.0)
    return _country_result(found, "ring", Precision.REGION)


def _country_exit(
    iso2: str, lat: float, lon: float, bearing_deg: float
) -> tuple[float, float] | None:
    """Return where a geodesic from a point along a bearing last leaves a country.

    "40 km north of Syria" is measured from Syria's northern edge, not from
    its centre. In the azimuthal equidistant frame centred on the point, the
    geodesic is a straight line and distances along it are true.
    """
    shape = shapes.country_shape(iso2)
    if shape is None:
        return None
    frame = _frame(lat, lon)
    local = frame.to_local(shape)
    far = 19_000_000.0  # metres: past the far side of any country, short of the antipode
    theta = math.radians(bearing_deg)
    ray = shapely.LineString([(0.0, 0.0), (far * math.sin(theta), far * math.cos(theta))])
    crossing = shapely.intersection(local, ray)
    if crossing.is_empty:
        return None
    coords = shapely.get_coordinates(crossing)
    x, y = coords[np.argmax(np.hypot(coords[:, 0], coords[:, 1]))]
    return frame.point_to_lonlat(float(x), float(y))


# --- Around a point ----------------------------------------------------------


def vicinity(*, lat: float, lon: float, radius_km: float) -> Polygon | MultiPolygon:
    """Return a disc of ``radius_km`` (geodesic) around a point: "the Homs area".

    A Polygon, or a MultiPolygon of its two halves when it crosses ±180°.

    Examples
    --------
    >>> vicinity(lat=34.73, lon=36.71, radius_km=10).contains(Point(36.71, 34.8))
    True
    """
    frame = _frame(lat, lon)
    return _polygon_or_halves(frame.to_lonlat(_disc(radius_km * 1000.0)))


def offset_point(
    *, lat: float, lon: float, distance_km: float, bearing_deg: float
) -> tuple[float, float]:
    """Return (lat, lon) of the point ``distance_km`` from a point along a bearing.

    The bearing is in degrees clockwise from north (0 = north, 90 = east), and
    the path a geodesic on the WGS84 ellipsoid.

    Examples
    --------
    >>> lat, lon = offset_point(lat=34.73, lon=36.71, distance_km=40, bearing_deg=0)
    >>> round(lat, 2), round(lon, 2)
    (35.09, 36.71)
    """
    lon2, lat2, _ = _GEOD.fwd(lon, lat, bearing_deg, distance_km * 1000.0)
    return float(lat2), _wrap_lon(float(lon2))


def ring(*, lat: float, lon: float, distance_km: float, width_km: float) -> Polygon | MultiPolygon:
    """Return the annulus ``distance_km ± width_km / 2`` around a point: "40 km from Homs".

    The inner radius stops at zero, so a ring wider than twice its distance
    is a disc.
    """
    frame = _frame(lat, lon)
    outer = _disc((distance_km + width_km / 2.0) * 1000.0)
    inner_km = distance_km - width_km / 2.0
    annulus = outer.difference(_disc(inner_km * 1000.0)) if inner_km > 0 else outer
    return _polygon_or_halves(frame.to_lonlat(annulus))


def _polygon_or_halves(geom: BaseGeometry) -> Polygon | MultiPolygon:
    """Return a disc or ring as a Polygon, or as its pieces when cut at ±180°."""
    if isinstance(geom, Polygon):
        return geom
    parts = _polygons(geom)
    return parts.geoms[0] if len(parts.geoms) == 1 else parts


# --- Picking an area for a phrase --------------------------------------------


def area_for(
    spec: AreaSpec, *, lat: float, lon: float, iso2: str | None, is_country: bool
) -> AreaResult | None:
    """Build the area an :class:`AreaSpec` describes around an anchor place.

    ``lat``/``lon`` is the anchor's point and ``iso2`` its country (the anchor
    itself when ``is_country``). Returns ``None`` when the phrase has no such
    area there (the coast of a landlocked country, the sea off an inland
    town) or the country is unknown; the caller then keeps the anchor place.

    Precision: a whole country's airspace or surroundings is COUNTRY; coasts,
    seas, rings and guessed distances are REGION; a disc around a point and a
    point at a stated distance and direction from a point are NEAR.

    Examples
    --------
    >>> spec = AreaSpec(AreaKind.OFFSHORE)
    >>> found = area_for(spec, lat=34.8, lon=39.0, iso2="SY", is_country=True)
    >>> found.feature, found.precision.value, shapes.is_sea(found.lat, found.lon)
    ('offshore', 'region', True)
    """
    if is_country:
        if iso2 is None:
            return None
        return _COUNTRY_BUILDERS[spec.kind](spec, lat, lon, iso2.upper())
    return _POINT_BUILDERS[spec.kind](spec, lat, lon, iso2)


def _country_airspace(spec: AreaSpec, lat: float, lon: float, iso2: str) -> AreaResult | None:
    return _airspace(iso2)


def _country_coast_result(spec: AreaSpec, lat: float, lon: float, iso2: str) -> AreaResult | None:
    return _country_coast(iso2, float(spec.distance_km or COAST_WIDTH_KM))


def _country_offshore_result(
    spec: AreaSpec, lat: float, lon: float, iso2: str
) -> AreaResult | None:
    return _country_offshore(iso2, float(spec.distance_km or OFFSHORE_COUNTRY_KM))


def _country_vicinity(spec: AreaSpec, lat: float, lon: float, iso2: str) -> AreaResult | None:
    # "Around Syria": the country itself, or all within a stated distance of it.
    return _country_zone(iso2, float(spec.distance_km or 0.0))


def _country_offset(spec: AreaSpec, lat: float, lon: float, iso2: str) -> AreaResult | None:
    distance = OFFSET_DEFAULT_KM if spec.distance_km is None else spec.distance_km
    if spec.bearing_deg is None:
        width = max(distance * RING_WIDTH_FRACTION, RING_MIN_WIDTH_KM)
        return _country_ring(iso2, float(distance), float(width))
    # "40 km north of Syria": measured from where Syria ends in that direction.
    start = _country_exit(iso2, lat, lon, spec.bearing_deg) or (lat, lon)
    return _offset(start, distance, spec.bearing_deg, Precision.REGION)


def _point_airspace(spec: AreaSpec, lat: float, lon: float, iso2: str | None) -> AreaResult:
    # The airspace over a place is the sky over its surroundings.
    radius = spec.distance_km or VICINITY_KM
    disc = vicinity(lat=lat, lon=lon, radius_km=radius)
    return AreaResult(disc, lat, lon, Precision.NEAR, float(radius), "airspace")


def _point_coast_result(
    spec: AreaSpec, lat: float, lon: float, iso2: str | None
) -> AreaResult | None:
    reach = spec.distance_km or COAST_REACH_KM
    geom = coast_strip(lat=lat, lon=lon, reach_km=reach, country=iso2)
    return _result(geom, "coast", Precision.REGION, anchor=(lat, lon))


def _point_offshore(spec: AreaSpec, lat: float, lon: float, iso2: str | None) -> AreaResult | None:
    geom = offshore_area(lat=lat, lon=lon, distance_km=spec.distance_km)
    return _result(geom, "offshore", Precision.REGION, anchor=(lat, lon))


def _point_vicinity(spec: AreaSpec, lat: float, lon: float, iso2: str | None) -> AreaResult:
    radius = spec.distance_km or VICINITY_KM
    disc = vicinity(lat=lat, lon=lon, radius_km=radius)
    return AreaResult(disc, lat, lon, Precision.NEAR, float(radius), "vicinity")


def _point_offset(spec: AreaSpec, lat: float, lon: float, iso2: str | None) -> AreaResult:
    distance = OFFSET_DEFAULT_KM if spec.distance_km is None else spec.distance_km
    if spec.bearing_deg is None:
        # "40 km from Homs": the ring; its point sits on the stated distance, due north.
        width = max(distance * RING_WIDTH_FRACTION, RING_MIN_WIDTH_KM)
        annulus = ring(lat=lat, lon=lon, distance_km=distance, width_km=width)
        plat, plon = offset_point(lat=lat, lon=lon, distance_km=distance, bearing_deg=0.0)
        radius = 2.0 * distance + width / 2.0  # to the far side of the ring
        return AreaResult(annulus, plat, plon, Precision.REGION, radius, "ring")
    precision = Precision.REGION if spec.distance_km is None else Precision.NEAR
    return _offset((lat, lon), distance, spec.bearing_deg, precision)


def _offset(
    start: tuple[float, float], distance_km: float, bearing_deg: float, precision: Precision
) -> AreaResult:
    """Return a point at a distance and bearing; its radius is what the direction leaves open."""
    plat, plon = offset_point(
        lat=start[0], lon=start[1], distance_km=distance_km, bearing_deg=bearing_deg
    )
    spread = distance_km * math.sin(math.radians(OFFSET_BEARING_SPREAD_DEG))
    radius = round(max(spread, OFFSET_MIN_RADIUS_KM), 3)
    return AreaResult(Point(plon, plat), plat, plon, precision, radius, "offset")


_CountryBuilder = Callable[[AreaSpec, float, float, str], AreaResult | None]
_PointBuilder = Callable[[AreaSpec, float, float, str | None], AreaResult | None]

_COUNTRY_BUILDERS: dict[AreaKind, _CountryBuilder] = {
    AreaKind.AIRSPACE: _country_airspace,
    AreaKind.COAST: _country_coast_result,
    AreaKind.OFFSHORE: _country_offshore_result,
    AreaKind.VICINITY: _country_vicinity,
    AreaKind.OFFSET: _country_offset,
}
_POINT_BUILDERS: dict[AreaKind, _PointBuilder] = {
    AreaKind.AIRSPACE: _point_airspace,
    AreaKind.COAST: _point_coast_result,
    AreaKind.OFFSHORE: _point_offshore,
    AreaKind.VICINITY: _point_vicinity,
    AreaKind.OFFSET: _point_offset,
}


# --- Representative point and radius -----------------------------------------


def _country_result(
    found: tuple[_Frame, BaseGeometry] | None, feature: str, precision: Precision
) -> AreaResult | None:
    """Wrap a country-wide area built in its country's frame (no re-projection)."""
    if found is None:
        return None
    frame, local = found
    centre = shapely.centroid(local)
    return _wrap(frame, local, frame.to_lonlat(local), feature, precision, (centre.x, centre.y))


def _result(
    geom: BaseGeometry | None,
    feature: str,
    precision: Precision,
    *,
    anchor: tuple[float, float],
) -> AreaResult | None:
    """Wrap an area around a point anchor (lat, lon)."""
    if geom is None or geom.is_empty:
        return None
    frame = _frame(anchor[0], anchor[1])
    return _wrap(frame, frame.to_local(geom), geom, feature, precision, (0.0, 0.0))


def _wrap(
    frame: _Frame,
    local: BaseGeometry,
    geom: BaseGeometry,
    feature: str,
    precision: Precision,
    target: tuple[float, float],
) -> AreaResult:
    """Pick the representative point nearest ``target`` (in the frame); measure the radius.

    ``target`` is the anchor for point anchors and the area's own centroid
    for country-wide areas.
    """
    x, y = _inside_point(local, target)
    rlat, rlon = frame.point_to_lonlat(x, y)
    radius = _farthest_km(frame, local, rlat, rlon)
    return AreaResult(geom, rlat, rlon, precision, radius, feature)


def _inside_point(local: BaseGeometry, target: tuple[float, float]) -> tuple[float, float]:
    """Return ``target`` if it lies inside a polygonal geometry, else a point near it inside.

    The point of the outline nearest the target is stepped away from the target
    (the inward direction there) by a few hundred metres down to one, until
    it is inside; if no step is, the nearest polygon's point on surface serves.
    """
    tx, ty = target
    if shapely.contains_xy(local, tx, ty):
        return tx, ty
    origin = Point(tx, ty)
    part = min(_polygons(local).geoms, key=lambda p: shapely.distance(p, origin))
    edge = nearest_points(part, origin)[0]
    dx, dy = edge.x - tx, edge.y - ty
    norm = math.hypot(dx, dy) or 1.0
    for step in (500.0, 200.0, 50.0, 10.0, 1.0):
        qx, qy = edge.x + dx / norm * step, edge.y + dy / norm * step
        if shapely.contains_xy(part, qx, qy):
            return qx, qy
    inside = part.point_on_surface()
    return inside.x, inside.y


def _farthest_km(frame: _Frame, local: BaseGeometry, lat: float, lon: float) -> float:
    """Geodesic distance in km from (lat, lon) to the farthest part of an area."""
    hull = shapely.get_coordinates(shapely.convex_hull(local))
    if len(hull) == 0:
        return 0.0
    lons, lats = frame.transformer.transform(hull[:, 0], hull[:, 1], direction="INVERSE")
    _, _, dist = _GEOD.inv(np.full(len(hull), lon), np.full(len(hull), lat), lons, lats)
    return round(float(np.max(dist)) / 1000.0, 3)
