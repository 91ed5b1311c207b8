"""The GeoJSON export: the output contract other tools read.

One RFC 7946 feature per (layer, place), geometry in WGS 84 longitude/latitude
with polygons wound counter-clockwise, and the properties DESIGN.md promises
(``layer``, ``name``, ``lat``, ``lon``, ``precision``, ``radius_km``,
``gazetteer_id``, ``country``, ``citations``) plus a few more that only ever
get added to, never renamed.

Dates: a citation's ``date`` stays what it always was, the article's date;
``event_date`` is when the quoted sentence says the event happened (else the
article's date) and ``date_source`` says which (``sentence``/``article``,
``dateline`` when a wire dateline's day stood for the article's, ``paragraph``
when an earlier sentence of its paragraph gave it, ``heading`` when a timeline's
heading or line label above it did, or null). A
feature's ``first_date``/``last_date`` span its citations' ``event_date`` values.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import msgspec
import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry
from shapely.geometry.polygon import orient

from eventmap.atomic import write_text_atomic
from eventmap.exports.geometry import geojson_geometry
from eventmap.grouping import PlaceOnLayer
from eventmap.urls import safe_url
from layers.dates import citation_date, days_of
from layers.types import Citation, LayerDefinition

__all__ = [
    "SIMPLIFY_DEGREES",
    "citation_properties",
    "date_range",
    "export_geometry",
    "feature_collection",
    "geojson_text",
    "write_geojson",
]

_DECIMALS = 5
#: Outlines are simplified to this many degrees (about 500 m) on export: the
#: areas are computed on the full 1:10m shapes, but a reader of the file needs
#: a country's coast to a few hundred metres, not 40,000 vertices of it.
SIMPLIFY_DEGREES = 0.005


_EXPORTED_MAX = 1024
_exported: dict[int, tuple[BaseGeometry, BaseGeometry]] = {}


def export_geometry(geometry: BaseGeometry) -> BaseGeometry:
    """A place's geometry as every export writes it.

    Outlines simplified to :data:`SIMPLIFY_DEGREES`, coordinates rounded to
    5 decimals (about a metre), polygons wound counter-clockwise (outer
    rings; holes clockwise), as RFC 7946 and KML both ask. A country's
    outline is shared by every place on it and every layer, so the result is
    remembered per geometry object: simplifying it is the costly part.
    """
    known = _exported.get(id(geometry))
    if known is not None and known[0] is geometry:
        return known[1]
    exported = _export_geometry(geometry)
    if len(_exported) >= _EXPORTED_MAX:
        _exported.clear()
    _exported[id(geometry)] = (geometry, exported)
    return exported


def _export_geometry(geometry: BaseGeometry) -> BaseGeometry:
    if geometry.geom_type in ("Polygon", "MultiPolygon"):
        # Plain Douglas-Peucker is several times faster than the topology-
        # preserving kind; it is kept only when its result is still a valid,
        # non-empty shape (a thin part can collapse or cross itself).
        simple = shapely.simplify(geometry, SIMPLIFY_DEGREES, preserve_topology=False)
        if simple.is_empty or not simple.is_valid:
            simple = shapely.simplify(geometry, SIMPLIFY_DEGREES, preserve_topology=True)
        geometry = simple
    rounded = shapely.transform(geometry, lambda xy: np.round(xy, _DECIMALS))
    if rounded.geom_type == "Polygon":
        rounded = orient(rounded, sign=1.0)
    elif rounded.geom_type == "MultiPolygon":
        rounded = shapely.MultiPolygon([orient(p, sign=1.0) for p in rounded.geoms])
    return rounded


def date_range(group: PlaceOnLayer) -> tuple[str | None, str | None]:
    """The first and last day of a place's event dates (``None`` when none has one).

    Each citation's date is :func:`layers.dates.citation_date`: the day, month
    or year its sentence gives, else its article's date; a month or a year
    counts from its first day to its last ("2023" runs to 2023-12-31).
    """
    spans = [
        span
        for date, _ in map(citation_date, group.citations)
        if date is not None and (span := days_of(date)) is not None
    ]
    if not spans:
        return None, None
    return min(first for first, _ in spans), max(last for _, last in spans)


def _rfc7946_geometry(geometry: BaseGeometry) -> dict[str, Any]:
    return geojson_geometry(export_geometry(geometry), _DECIMALS)


def _shape(geometry: BaseGeometry, shapes: dict[int, dict[str, Any]]) -> dict[str, Any]:
    """The export geometry, made once per geometry object in a collection.

    A place on several layers is one shared object (places are interned when
    cached records are read), and simplifying a province's outline again for
    each layer was the larger part of writing the GeoJSON.
    """
    key = id(geometry)
    if key not in shapes:
        shapes[key] = _rfc7946_geometry(geometry)
    return shapes[key]


def citation_properties(citation: Citation) -> dict[str, Any]:
    """A citation as the exports write it, with its event date and where that came from.

    The URL is kept only when it is http(s) (:func:`eventmap.urls.safe_url`):
    a ``javascript:`` or ``data:`` link from an article is dropped here, for
    ``events.geojson`` and the GeoPackage alike.
    """
    event_date, date_source = citation_date(citation)
    return {
        "article": citation.article,
        "title": citation.title,
        "date": citation.date,
        "event_date": event_date,
        "date_source": date_source,
        "quote": citation.quote,
        "start": citation.start,
        "end": citation.end,
        "mention": citation.mention,
        "url": safe_url(citation.url),
        "event_type": citation.event_type,
        "trigger": citation.trigger,
        "trigger_start": citation.trigger_start,
        "trigger_end": citation.trigger_end,
        "note": citation.note,
    }


def _feature(
    group: PlaceOnLayer, titles: dict[str, str], shapes: dict[int, dict[str, Any]]
) -> dict[str, Any]:
    place = group.place
    first_date, last_date = date_range(group)
    return {
        "type": "Feature",
        "geometry": _shape(place.geometry, shapes),
        "properties": {
            "layer": group.layer,
            "layer_title": titles.get(group.layer, group.layer),
            "name": place.name,
            "label": place.label,
            "lat": place.lat,
            "lon": place.lon,
            "precision": place.precision.value,
            "radius_km": place.radius_km,
            "gazetteer_id": place.gazetteer_id,
            "country": place.country,
            "feature": place.feature,
            "source": place.source,
            "confidence": group.confidence,
            "geocoding_confidence": place.confidence,
            "reason": place.reason,
            "alternatives": [dataclasses.asdict(a) for a in place.alternatives],
            "first_date": first_date,
            "last_date": last_date,
            "citations": [citation_properties(c) for c in group.citations],
        },
    }


def feature_collection(
    groups: Sequence[PlaceOnLayer], *, layer_defs: Sequence[LayerDefinition] = ()
) -> dict[str, Any]:
    """The FeatureCollection for grouped events (see :func:`eventmap.grouping.group_events`)."""
    titles = {layer.id: layer.title for layer in layer_defs}
    shapes: dict[int, dict[str, Any]] = {}
    features = [_feature(g, titles, shapes) for g in groups]
    return {"type": "FeatureCollection", "features": features}


def geojson_text(
    groups: Sequence[PlaceOnLayer], *, layer_defs: Sequence[LayerDefinition] = ()
) -> str:
    """The FeatureCollection serialised deterministically: one feature a line, sorted keys."""
    collection = feature_collection(groups, layer_defs=layer_defs)
    # msgspec writes what json.dumps(sort_keys=True, separators=(",", ":"),
    # ensure_ascii=False) writes, several times faster.
    features = [
        msgspec.json.encode(feature, order="sorted").decode("utf-8")
        for feature in collection["features"]
    ]
    body = ",\n".join(features)
    return '{"type":"FeatureCollection","features":[\n' + body + "\n]}\n"


def write_geojson(
    groups: Sequence[PlaceOnLayer], path: Path, *, layer_defs: Sequence[LayerDefinition] = ()
) -> None:
    """Write the GeoJSON export (:func:`geojson_text`) atomically."""
    write_text_atomic(Path(path), geojson_text(groups, layer_defs=layer_defs))
