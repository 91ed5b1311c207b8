"""The GeoJSON export: the output contract other tools read.

One RFC 7946 feature per (layer, place), geometry in WGS 84 longitude/latitude
with polygons wound counter-clockwise, and the properties DESIGN.md promises
(``layer``, ``name``, ``lat``, ``lon``, ``precision``, ``radius_km``,
``gazetteer_id``, ``country``, ``citations``) plus a few more that only ever
get added to, never renamed.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

import numpy as np
import shapely
from shapely.geometry import mapping
from shapely.geometry.base import BaseGeometry
from shapely.geometry.polygon import orient

from eventmap.grouping import PlaceOnLayer
from layers.types import LayerDefinition

__all__ = ["feature_collection", "geojson_text"]

_DECIMALS = 5
#: Outlines are simplified to this many degrees (about 500 m) on export: the
#: areas are computed on the full 1:10m shapes, but a reader of the file needs
#: a country's coast to a few hundred metres, not 40,000 vertices of it.
SIMPLIFY_DEGREES = 0.005


def _rfc7946_geometry(geometry: BaseGeometry) -> dict[str, Any]:
    if geometry.geom_type in ("Polygon", "MultiPolygon"):
        geometry = shapely.simplify(geometry, SIMPLIFY_DEGREES, preserve_topology=True)
    rounded = shapely.transform(geometry, lambda xy: np.round(xy, _DECIMALS))
    if rounded.geom_type == "Polygon":
        rounded = orient(rounded, sign=1.0)
    elif rounded.geom_type == "MultiPolygon":
        rounded = shapely.MultiPolygon([orient(p, sign=1.0) for p in rounded.geoms])
    return dict(mapping(rounded))


def _feature(group: PlaceOnLayer, titles: dict[str, str]) -> dict[str, Any]:
    place = group.place
    return {
        "type": "Feature",
        "geometry": _rfc7946_geometry(place.geometry),
        "properties": {
            "layer": group.layer,
            "layer_title": titles.get(group.layer, group.layer),
            "name": place.name,
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
            "alternatives": [
                {
                    "gazetteer_id": a.gazetteer_id,
                    "name": a.name,
                    "country": a.country,
                    "lat": a.lat,
                    "lon": a.lon,
                    "score": a.score,
                    "reason": a.reason,
                }
                for a in place.alternatives
            ],
            "citations": [
                {
                    "article": c.article,
                    "title": c.title,
                    "date": c.date,
                    "quote": c.quote,
                    "start": c.start,
                    "end": c.end,
                    "mention": c.mention,
                    "url": c.url,
                }
                for c in group.citations
            ],
        },
    }


def feature_collection(
    groups: Sequence[PlaceOnLayer], *, layer_defs: Sequence[LayerDefinition] = ()
) -> dict[str, Any]:
    """The FeatureCollection for grouped events (see :func:`eventmap.grouping.group_events`)."""
    titles = {layer.id: layer.title for layer in layer_defs}
    return {"type": "FeatureCollection", "features": [_feature(g, titles) for g in groups]}


def geojson_text(
    groups: Sequence[PlaceOnLayer], *, layer_defs: Sequence[LayerDefinition] = ()
) -> str:
    """The FeatureCollection serialised deterministically: one feature a line, sorted keys."""
    collection = feature_collection(groups, layer_defs=layer_defs)
    features = [
        json.dumps(feature, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        for feature in collection["features"]
    ]
    body = ",\n".join(features)
    return '{"type":"FeatureCollection","features":[\n' + body + "\n]}\n"
