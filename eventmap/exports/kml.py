"""The KML export (``events.kml``, for Google Earth).

A Folder per layer, a Placemark per place with a styled Point or
(Multi)Polygon, an HTML description that quotes the sources, and a TimeSpan
over the event dates. Untrusted text loses the characters XML 1.0 forbids.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

from shapely.geometry import Point, Polygon
from shapely.geometry.base import BaseGeometry

from eventmap.atomic import write_text_atomic
from eventmap.exports.geojson import date_range, export_geometry
from eventmap.grouping import PlaceOnLayer
from eventmap.urls import safe_url
from layers.dates import citation_date
from layers.types import LayerDefinition

__all__ = [
    "kml_text",
    "write_kml",
]


_WKT_DECIMALS = 5
"""Decimals of a degree in KML coordinates, as in the CSV's WKT: about a metre."""
_KML_NS = "http://www.opengis.net/kml/2.2"
# Characters XML 1.0 forbids even escaped; untrusted text loses them in KML.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml_text(value: object) -> str:
    """Text safe for an XML document: characters XML cannot hold are dropped."""
    return _XML_INVALID.sub("", "" if value is None else str(value))


def _kml_color(color: str, alpha: int) -> str:
    """``#rrggbb`` as KML's ``aabbggrr``; anything else becomes grey."""
    match = re.fullmatch(r"#?([0-9a-fA-F]{6})", color.strip())
    rgb = match.group(1) if match else "808080"
    return f"{alpha:02x}{rgb[4:6]}{rgb[2:4]}{rgb[0:2]}".lower()


def _coordinates(coords: Any) -> str:
    return " ".join(f"{x:.{_WKT_DECIMALS}f},{y:.{_WKT_DECIMALS}f}" for x, y, *_ in coords)


def _kml_polygon(parent: ET.Element, polygon: Polygon) -> None:
    element = ET.SubElement(parent, "Polygon")
    outer = ET.SubElement(ET.SubElement(element, "outerBoundaryIs"), "LinearRing")
    ET.SubElement(outer, "coordinates").text = _coordinates(polygon.exterior.coords)
    for ring in polygon.interiors:
        inner = ET.SubElement(ET.SubElement(element, "innerBoundaryIs"), "LinearRing")
        ET.SubElement(inner, "coordinates").text = _coordinates(ring.coords)


def _kml_geometry(parent: ET.Element, geometry: BaseGeometry, *, lon: float, lat: float) -> None:
    """Point, Polygon, or MultiGeometry of the polygons; anything else as its point."""
    parts = [p for p in getattr(geometry, "geoms", [geometry]) if not p.is_empty]
    polygons = [p for p in parts if isinstance(p, Polygon)]
    if len(polygons) == 1:
        _kml_polygon(parent, polygons[0])
    elif polygons:
        multi = ET.SubElement(parent, "MultiGeometry")
        for polygon in polygons:
            _kml_polygon(multi, polygon)
    else:
        point = geometry if isinstance(geometry, Point) and not geometry.is_empty else None
        x, y = (point.x, point.y) if point is not None else (lon, lat)
        ET.SubElement(ET.SubElement(parent, "Point"), "coordinates").text = _coordinates([(x, y)])


def _kml_description(group: PlaceOnLayer) -> str:
    """The popup: an HTML fragment in which every piece of source text is escaped.

    The HTML is then a plain XML text node (escaped again by the XML
    writer), not a CDATA section, so no quoted text, not even one holding
    ``]]>``, can end it early.
    """
    place = group.place
    lines = [
        f"<p><b>{html.escape(place.name)}</b> ({html.escape(place.precision.value)}"
        + (f", ±{place.radius_km:g} km" if place.radius_km else "")
        + ")</p>"
    ]
    for citation in group.citations:
        event_date, source = citation_date(citation)
        head = html.escape(citation.title or citation.article)
        url = safe_url(citation.url)
        if url is not None:
            head = f'<a href="{html.escape(url, quote=True)}">{head}</a>'
        when = f"{event_date} ({source})" if event_date else "date unknown"
        lines.append(
            f"<p>{html.escape(when)}, {head}<br/>"
            f"<i>“{html.escape(citation.quote)}”</i><br/>"
            f"<small>{html.escape(citation.article)} "
            f"[{citation.start}:{citation.end}]</small></p>"
        )
    return _xml_text("\n".join(lines))


def _kml_style(document: ET.Element, layer: LayerDefinition | None, layer_id: str) -> str:
    style_id = "layer-" + re.sub(r"[^0-9A-Za-z_-]", "_", layer_id)
    color = layer.color if layer is not None else "#808080"
    style = ET.SubElement(document, "Style", id=style_id)
    ET.SubElement(ET.SubElement(style, "IconStyle"), "color").text = _kml_color(color, 0xFF)
    line = ET.SubElement(style, "LineStyle")
    ET.SubElement(line, "color").text = _kml_color(color, 0xFF)
    ET.SubElement(line, "width").text = "2"
    ET.SubElement(ET.SubElement(style, "PolyStyle"), "color").text = _kml_color(color, 0x55)
    return style_id


def kml_text(groups: Sequence[PlaceOnLayer], *, layer_defs: Sequence[LayerDefinition] = ()) -> str:
    """The KML 2.2 document for grouped places (see :func:`write_kml`)."""
    definitions = {layer.id: layer for layer in layer_defs}
    root = ET.Element("kml", xmlns=_KML_NS)
    document = ET.SubElement(root, "Document")
    ET.SubElement(document, "name").text = "eventmap"
    folders: dict[str, ET.Element] = {}
    for group in groups:
        folder = folders.get(group.layer)
        if folder is None:
            definition = definitions.get(group.layer)
            style_id = _kml_style(document, definition, group.layer)
            folder = folders[group.layer] = ET.Element(
                "Folder", id=style_id.replace("layer-", "f-")
            )
            title = definition.title if definition is not None else group.layer
            ET.SubElement(folder, "name").text = _xml_text(title)
        _kml_placemark(folder, group)
    document.extend(folders.values())
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _kml_placemark(folder: ET.Element, group: PlaceOnLayer) -> None:
    place = group.place
    mark = ET.SubElement(folder, "Placemark")
    ET.SubElement(mark, "name").text = _xml_text(place.name)
    ET.SubElement(mark, "description").text = _kml_description(group)
    first, last = date_range(group)
    if first is not None and last is not None:
        span = ET.SubElement(mark, "TimeSpan")
        ET.SubElement(span, "begin").text = first
        ET.SubElement(span, "end").text = last
    ET.SubElement(mark, "styleUrl").text = "#layer-" + re.sub(r"[^0-9A-Za-z_-]", "_", group.layer)
    data = ET.SubElement(mark, "ExtendedData")
    for key, value in (
        ("layer", group.layer),
        ("gazetteer_id", place.gazetteer_id),
        ("country", place.country),
        ("precision", place.precision.value),
        ("radius_km", place.radius_km),
        ("confidence", group.confidence),
        ("first_date", first),
        ("last_date", last),
        ("n_citations", len(group.citations)),
    ):
        if value is not None:
            item = ET.SubElement(data, "Data", name=key)
            ET.SubElement(item, "value").text = _xml_text(value)
    _kml_geometry(mark, export_geometry(place.geometry), lon=place.lon, lat=place.lat)


def write_kml(
    groups: Sequence[PlaceOnLayer], path: Path, *, layer_defs: Sequence[LayerDefinition] = ()
) -> None:
    """Write a KML 2.2 file: a styled Folder per layer, a Placemark per place.

    Each Placemark has the place's name, a description quoting every
    citation (source text HTML-escaped, then XML-escaped as a text node),
    a ``TimeSpan`` from the first to the last event date, ``ExtendedData``
    (layer, gazetteer id, country, precision, radius, confidence, dates) and
    its geometry: a Point, a Polygon with outer and inner rings, or a
    MultiGeometry of Polygons, coordinates ``lon,lat``.
    """
    write_text_atomic(Path(path), kml_text(groups, layer_defs=layer_defs))
