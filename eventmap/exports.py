"""Exports beside the GeoJSON: GeoPackage, KML and CSV, each carrying the citations.

Every writer takes the grouped places (:func:`eventmap.grouping.group_events`)
and the layer definitions, writes the file atomically (:mod:`eventmap.atomic`:
a reader sees the old file or the new one), and draws geometries as the
GeoJSON does (:func:`eventmap.export.export_geometry`: simplified outlines,
coordinates rounded to about a metre, WGS 84 longitude/latitude).

* **GeoPackage** (``events.gpkg``, for QGIS and GDAL): a table per layer and
  geometry kind, ``<layer>_points`` (Point) and ``<layer>_areas``
  (MultiPolygon; a Polygon is promoted), since a table of mixed geometry
  types opens in QGIS as several sublayers and in other tools not at all.
  One row per place with its citations as JSON text.
* **KML** (``events.kml``, for Google Earth): a Folder per layer, a Placemark
  per place with a styled Point or (Multi)Polygon, an HTML description that
  quotes the sources, and a TimeSpan over the event dates.
* **CSV** (``events.csv``, for spreadsheets): one row per event, that is per
  (layer, place, citation), with the geometry as WKT. Text cells that a
  spreadsheet would run as a formula get a leading apostrophe.

:data:`EXPORT_FORMATS` names them all, the GeoJSON included, for the CLI.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NamedTuple, Protocol
from xml.etree import ElementTree as ET

import shapely
from shapely.geometry import MultiPolygon, Point, Polygon
from shapely.geometry.base import BaseGeometry

from eventmap.atomic import write_bytes_atomic, write_text_atomic
from eventmap.export import citation_properties, date_range, export_geometry, geojson_text
from eventmap.grouping import PlaceOnLayer
from eventmap.urls import safe_url
from layers.dates import citation_date
from layers.types import LayerDefinition

__all__ = [
    "CSV_COLUMNS",
    "EXPORT_FORMATS",
    "ExportFormat",
    "Writer",
    "csv_text",
    "kml_text",
    "write_csv",
    "write_geojson",
    "write_geopackage",
    "write_kml",
]

_WKT_DECIMALS = 5
_KML_NS = "http://www.opengis.net/kml/2.2"
# Characters XML 1.0 forbids even escaped; untrusted text loses them in KML.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# Spreadsheets run a cell starting with these as a formula (OWASP: CSV injection).
_FORMULA_LEADS = ("=", "+", "-", "@", "\t", "\r")


class Writer(Protocol):
    """What every export writer looks like."""

    def __call__(
        self, groups: Sequence[PlaceOnLayer], path: Path, *, layer_defs: Sequence[LayerDefinition]
    ) -> None:
        """Write ``groups`` to ``path``."""


class ExportFormat(NamedTuple):
    """An export: the file name it takes in the output folder and the function that writes it."""

    filename: str
    write: Writer


def _titles(layer_defs: Sequence[LayerDefinition]) -> dict[str, str]:
    return {layer.id: layer.title for layer in layer_defs}


# --------------------------------------------------------------------------- GeoJSON


def write_geojson(
    groups: Sequence[PlaceOnLayer], path: Path, *, layer_defs: Sequence[LayerDefinition] = ()
) -> None:
    """Write the GeoJSON export (:func:`eventmap.export.geojson_text`) atomically."""
    write_text_atomic(Path(path), geojson_text(groups, layer_defs=layer_defs))


# --------------------------------------------------------------------------- GeoPackage


def _table_name(layer: str, kind: str, taken: set[str]) -> str:
    """A safe, unique SQL table name for a layer id and a geometry kind."""
    base = re.sub(r"[^0-9A-Za-z_]", "_", layer) or "layer"
    if base[0].isdigit():
        base = f"layer_{base}"
    name = f"{base}_{kind}"
    suffix = 2
    while name.lower() in taken:
        name = f"{base}_{kind}_{suffix}"
        suffix += 1
    taken.add(name.lower())
    return name


def _split_kind(geometry: BaseGeometry) -> tuple[str, BaseGeometry]:
    """``("areas", MultiPolygon)`` or ``("points", Point)`` for an export geometry.

    A geometry with polygonal parts keeps those parts; any other geometry
    without them (a line, an empty area) falls back to a point at its
    representative point, so every place lands in some table.
    """
    parts = getattr(geometry, "geoms", [geometry])
    polygons = [p for p in parts if isinstance(p, Polygon) and not p.is_empty]
    if polygons:
        return "areas", MultiPolygon(polygons)
    if isinstance(geometry, Point) and not geometry.is_empty:
        return "points", geometry
    return "points", geometry.representative_point()


def _geopackage_row(group: PlaceOnLayer, title: str) -> dict[str, Any]:
    place = group.place
    first_date, last_date = date_range(group)
    citations = [citation_properties(c) for c in group.citations]
    return {
        "layer": group.layer,
        "layer_title": title,
        "name": place.name,
        "lat": place.lat,
        "lon": place.lon,
        "precision": place.precision.value,
        "radius_km": place.radius_km,
        "gazetteer_id": place.gazetteer_id,
        "country": place.country,
        "feature": place.feature,
        "confidence": group.confidence,
        "first_date": first_date,
        "last_date": last_date,
        "citations": json.dumps(citations, ensure_ascii=False, sort_keys=True),
        "n_citations": len(citations),
    }


# (column, pandas dtype), in the order the table lists them.
_GPKG_COLUMNS: tuple[tuple[str, str], ...] = (
    ("layer", "string"),
    ("layer_title", "string"),
    ("name", "string"),
    ("precision", "string"),
    ("gazetteer_id", "string"),
    ("country", "string"),
    ("lat", "Float64"),
    ("lon", "Float64"),
    ("radius_km", "Float64"),
    ("feature", "string"),
    ("confidence", "Float64"),
    ("first_date", "string"),
    ("last_date", "string"),
    ("citations", "string"),
    ("n_citations", "Int64"),
)


def _geopackage_frame(rows: list[dict[str, Any]], geometries: list[BaseGeometry]) -> Any:
    """The rows as a GeoDataFrame with fixed column types (so empty columns keep theirs)."""
    import geopandas as gpd
    import pandas as pd

    columns = {
        key: pd.array([row[key] for row in rows], dtype=dtype) for key, dtype in _GPKG_COLUMNS
    }
    return gpd.GeoDataFrame(columns, geometry=gpd.GeoSeries(geometries, crs="EPSG:4326"))


def write_geopackage(
    groups: Sequence[PlaceOnLayer], path: Path, *, layer_defs: Sequence[LayerDefinition] = ()
) -> None:
    """Write an OGC GeoPackage: a table per layer and geometry kind, in EPSG:4326.

    Tables are ``<layer>_points`` (Point) and ``<layer>_areas``
    (MultiPolygon), in layer order, each titled with the layer's title (the
    GeoPackage ``identifier``, which QGIS shows). Columns: ``layer``,
    ``layer_title``, ``name``, ``precision``, ``gazetteer_id``, ``country``,
    ``lat``, ``lon`` (representative point), ``radius_km``, ``feature``,
    ``first_date``, ``last_date`` (event dates), ``citations`` (JSON text: a
    list of ``{article, title, date, event_date, date_source, quote, start,
    end, mention, url}``), ``confidence`` and ``n_citations``. With no places
    at all the file holds one empty ``events_points`` table, so it is still
    a GeoPackage any reader opens.

    GDAL writes into a private temporary folder; the finished file is then
    swapped in atomically.
    """
    import pyogrio

    titles = _titles(layer_defs)
    tables: dict[tuple[str, str], tuple[list[dict[str, Any]], list[BaseGeometry]]] = {}
    for group in groups:
        kind, geometry = _split_kind(export_geometry(group.place.geometry))
        rows, geometries = tables.setdefault((group.layer, kind), ([], []))
        rows.append(_geopackage_row(group, titles.get(group.layer, group.layer)))
        geometries.append(geometry)
    taken: set[str] = set()
    with tempfile.TemporaryDirectory(prefix="eventmap-gpkg-") as folder:
        target = Path(folder) / "events.gpkg"
        if not tables:
            pyogrio.write_dataframe(
                _geopackage_frame([], []), target, layer="events_points", geometry_type="Point"
            )
        for (layer, kind), (rows, geometries) in tables.items():
            title = titles.get(layer, layer)
            pyogrio.write_dataframe(
                _geopackage_frame(rows, geometries),
                target,
                layer=_table_name(layer, kind, taken),
                driver="GPKG",
                geometry_type="Point" if kind == "points" else "MultiPolygon",
                layer_options={
                    "IDENTIFIER": f"{title} ({'points' if kind == 'points' else 'areas'})",
                    "DESCRIPTION": f"eventmap layer {layer}",
                },
            )
        data = target.read_bytes()
    write_bytes_atomic(Path(path), data)


# --------------------------------------------------------------------------- KML


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


# --------------------------------------------------------------------------- CSV

CSV_COLUMNS: tuple[str, ...] = (
    "layer",
    "name",
    "lat",
    "lon",
    "precision",
    "radius_km",
    "gazetteer_id",
    "country",
    "confidence",
    "article",
    "title",
    "article_date",
    "event_date",
    "date_source",
    "quote",
    "mention",
    "start",
    "end",
    "url",
    "wkt",
)
"""The CSV header. ``article_date`` is the article's date; ``event_date`` when the
event happened and ``date_source`` where that came from (``sentence``/``article``)."""


def _cell(value: object) -> object:
    """A CSV cell: numbers as they are, ``None`` empty, text safe from formula injection.

    A text cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
    return gets a leading apostrophe, so a spreadsheet shows it rather than
    running it. Numeric columns are written as numbers and never touched.
    """
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(_FORMULA_LEADS):
        return "'" + value
    return value


def csv_text(groups: Sequence[PlaceOnLayer]) -> str:
    """The CSV export as text (see :func:`write_csv`)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for group in groups:
        place = group.place
        wkt = shapely.to_wkt(export_geometry(place.geometry), rounding_precision=_WKT_DECIMALS)
        for citation in group.citations:
            event_date, date_source = citation_date(citation)
            row = (
                group.layer,
                place.name,
                place.lat,
                place.lon,
                place.precision.value,
                place.radius_km,
                place.gazetteer_id,
                place.country,
                group.confidence,
                citation.article,
                citation.title,
                citation.date,
                event_date,
                date_source,
                citation.quote,
                citation.mention,
                citation.start,
                citation.end,
                safe_url(citation.url),
                wkt,
            )
            writer.writerow([_cell(value) for value in row])
    return buffer.getvalue()


def write_csv(
    groups: Sequence[PlaceOnLayer], path: Path, *, layer_defs: Sequence[LayerDefinition] = ()
) -> None:
    """Write one CSV row per event (layer, place, citation), UTF-8, RFC 4180 quoting.

    Columns are :data:`CSV_COLUMNS`; ``wkt`` is the geometry as the other
    exports draw it. Quotes, commas and newlines in the text are quoted as
    RFC 4180 says. Text cells a spreadsheet would take for a formula (see
    :func:`_cell`) start with an apostrophe: strip a leading ``'`` from a
    text cell to get the original back. ``layer_defs`` is accepted for a
    uniform writer signature; rows follow the groups' (layer) order.
    """
    del layer_defs
    write_text_atomic(Path(path), csv_text(groups))


EXPORT_FORMATS: dict[str, ExportFormat] = {
    "geojson": ExportFormat("events.geojson", write_geojson),
    "gpkg": ExportFormat("events.gpkg", write_geopackage),
    "kml": ExportFormat("events.kml", write_kml),
    "csv": ExportFormat("events.csv", write_csv),
}
"""Export name (as ``--export`` takes it) → its file name in the output folder and writer."""
