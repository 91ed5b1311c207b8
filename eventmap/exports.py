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
  (layer, place, citation), with the place as a point and a radius (an area's
  outline only as WKT when asked: ``csv-wkt``). UTF-8 with a byte-order mark,
  so Excel reads "Ţarţūs" right; every cell within Excel's 32,767 characters;
  text cells that a spreadsheet would run as a formula get a leading apostrophe.

:data:`EXPORT_FORMATS` names them all, the GeoJSON included, for the CLI.
"""

from __future__ import annotations

import csv
import html
import io
import json
import math
import re
import tempfile
from collections.abc import Iterable, Sequence
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
from geo.types import Place
from layers.dates import citation_date
from layers.types import LayerDefinition

__all__ = [
    "CSV_COLUMNS",
    "CSV_WKT_COLUMNS",
    "EXCEL_CELL_MAX",
    "EXPORT_FORMATS",
    "OPTIONAL_OUTPUTS",
    "ExportFormat",
    "Writer",
    "csv_text",
    "geopackage_bytes",
    "kml_text",
    "remove_unrequested",
    "write_csv",
    "write_csv_wkt",
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


class Renderer(Protocol):
    """What every export renderer looks like: the file's bytes, for the build to write."""

    def __call__(
        self, groups: Sequence[PlaceOnLayer], *, layer_defs: Sequence[LayerDefinition]
    ) -> bytes:
        """The bytes of the file for ``groups``."""


class ExportFormat(NamedTuple):
    """An export: its file name in the output folder, its writer, and its bytes.

    ``render`` gives the file's bytes without writing them, so a build can
    replace every output of a build together (:func:`eventmap.atomic.replace_together`).
    """

    filename: str
    write: Writer
    render: Renderer


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
    write_bytes_atomic(Path(path), geopackage_bytes(groups, layer_defs=layer_defs))


def geopackage_bytes(
    groups: Sequence[PlaceOnLayer], *, layer_defs: Sequence[LayerDefinition] = ()
) -> bytes:
    """The GeoPackage of :func:`write_geopackage`, as bytes (GDAL writes a private folder)."""
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
        return target.read_bytes()


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
    "shape",
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
)
"""The CSV header. ``lat``/``lon`` are the place's point; ``shape`` is ``point`` or
``area``, and an area's ``radius_km`` is its own (or, when it has none, the radius of
a circle as large as the area). ``article_date`` is the article's date;
``event_date`` when the event happened and ``date_source`` where that came from
(``sentence``/``article``)."""

CSV_WKT_COLUMNS: tuple[str, ...] = (*CSV_COLUMNS, "wkt")
"""The header with ``--csv-wkt``: the geometry as WKT in a last column."""

EXCEL_CELL_MAX = 32767
"""The most characters an Excel cell holds; longer text is cut (and marked) to fit."""
_CUT_MARK = " […]"
_KM_PER_DEGREE = 111.32


def _cell(value: object) -> object:
    """A CSV cell: numbers as they are, ``None`` empty, text safe from formula injection.

    A text cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
    return gets a leading apostrophe, so a spreadsheet shows it rather than
    running it. Numeric columns are written as numbers and never touched. Text
    longer than :data:`EXCEL_CELL_MAX` is cut and ends in `` […]``.
    """
    if value is None:
        return ""
    if isinstance(value, str):
        if value.startswith(_FORMULA_LEADS):
            value = "'" + value
        if len(value) > EXCEL_CELL_MAX:
            value = value[: EXCEL_CELL_MAX - len(_CUT_MARK)] + _CUT_MARK
    return value


def _area_radius_km(place: Place) -> float | None:
    """An area's radius: its own, else that of a circle of the same area (rounded, km)."""
    if place.radius_km:
        return place.radius_km
    geometry = place.geometry
    if not place.is_area or geometry.is_empty:
        return None
    scale = math.cos(math.radians(place.lat)) * _KM_PER_DEGREE**2
    return round(math.sqrt(abs(geometry.area) * scale / math.pi), 1)


def _wkt(geometry: BaseGeometry) -> str:
    """The export geometry as WKT, simplified further until it fits one Excel cell."""
    exported = export_geometry(geometry)
    text = shapely.to_wkt(exported, rounding_precision=_WKT_DECIMALS)
    tolerance = 0.01
    while len(text) > EXCEL_CELL_MAX and tolerance < 10:
        simpler = shapely.simplify(exported, tolerance, preserve_topology=True)
        text = shapely.to_wkt(simpler, rounding_precision=_WKT_DECIMALS)
        tolerance *= 2
    if len(text) > EXCEL_CELL_MAX:  # pathological: many islands; the box still locates it
        text = shapely.to_wkt(shapely.envelope(exported), rounding_precision=_WKT_DECIMALS)
    return text


def csv_text(groups: Sequence[PlaceOnLayer], *, wkt: bool = False) -> str:
    """The CSV export as text, without the byte-order mark (see :func:`write_csv`)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_WKT_COLUMNS if wkt else CSV_COLUMNS)
    for group in groups:
        place = group.place
        shape = "area" if place.is_area else "point"
        radius = _area_radius_km(place) if place.is_area else place.radius_km
        extra = (_wkt(place.geometry),) if wkt else ()
        for citation in group.citations:
            event_date, date_source = citation_date(citation)
            row = (
                group.layer,
                place.name,
                place.lat,
                place.lon,
                shape,
                place.precision.value,
                radius,
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
                *extra,
            )
            writer.writerow([_cell(value) for value in row])
    return buffer.getvalue()


def write_csv(
    groups: Sequence[PlaceOnLayer],
    path: Path,
    *,
    layer_defs: Sequence[LayerDefinition] = (),
    wkt: bool = False,
) -> None:
    """Write one CSV row per event (layer, place, citation) for a spreadsheet.

    UTF-8 with a byte-order mark (Excel reads the file as UTF-8 only then),
    RFC 4180 quoting, CRLF line ends. Columns are :data:`CSV_COLUMNS`: points
    and properties, an area as its point and radius; ``wkt=True`` adds the
    outline as WKT (:data:`CSV_WKT_COLUMNS`), simplified until each fits a
    cell. Text cells a spreadsheet would take for a formula (see
    :func:`_cell`) start with an apostrophe: strip a leading ``'`` from a
    text cell to get the original back. ``layer_defs`` is accepted for a
    uniform writer signature; rows follow the groups' (layer) order.
    """
    del layer_defs
    write_text_atomic(Path(path), "\ufeff" + csv_text(groups, wkt=wkt))


def write_csv_wkt(
    groups: Sequence[PlaceOnLayer], path: Path, *, layer_defs: Sequence[LayerDefinition] = ()
) -> None:
    """:func:`write_csv` with the WKT column (``eventmap build --export csv --csv-wkt``)."""
    write_csv(groups, path, layer_defs=layer_defs, wkt=True)


def _geojson_bytes(
    groups: Sequence[PlaceOnLayer], *, layer_defs: Sequence[LayerDefinition] = ()
) -> bytes:
    return geojson_text(groups, layer_defs=layer_defs).encode("utf-8")


def _kml_bytes(
    groups: Sequence[PlaceOnLayer], *, layer_defs: Sequence[LayerDefinition] = ()
) -> bytes:
    return kml_text(groups, layer_defs=layer_defs).encode("utf-8")


def _csv_bytes(
    groups: Sequence[PlaceOnLayer], *, layer_defs: Sequence[LayerDefinition] = ()
) -> bytes:
    del layer_defs
    return ("\ufeff" + csv_text(groups)).encode("utf-8")


def _csv_wkt_bytes(
    groups: Sequence[PlaceOnLayer], *, layer_defs: Sequence[LayerDefinition] = ()
) -> bytes:
    del layer_defs
    return ("\ufeff" + csv_text(groups, wkt=True)).encode("utf-8")


EXPORT_FORMATS: dict[str, ExportFormat] = {
    "geojson": ExportFormat("events.geojson", write_geojson, _geojson_bytes),
    "gpkg": ExportFormat("events.gpkg", write_geopackage, geopackage_bytes),
    "kml": ExportFormat("events.kml", write_kml, _kml_bytes),
    "csv": ExportFormat("events.csv", write_csv, _csv_bytes),
    "csv-wkt": ExportFormat("events.csv", write_csv_wkt, _csv_wkt_bytes),
}
"""Export name (as ``--export`` takes it) → its file name in the output folder and writer.
``csv-wkt`` is the CSV with a WKT column (what ``--csv-wkt`` asks for)."""

OPTIONAL_OUTPUTS: tuple[str, ...] = (
    "fragment.html",
    *sorted({f.filename for n, f in EXPORT_FORMATS.items() if n != "geojson"}),
)
"""The files a build writes only when asked (``--fragment``, ``--export``)."""


def remove_unrequested(out_dir: Path, written: Iterable[str]) -> list[Path]:
    """Delete the optional outputs an earlier build left that this build did not write.

    Only :data:`OPTIONAL_OUTPUTS` are touched (never the map, a report or a
    user's own file): a ``fragment.html`` or ``events.csv`` that was not made
    from these articles must not sit beside the map looking current. Returns
    the files removed, for the build to tell the user.
    """
    keep = set(written)
    removed: list[Path] = []
    for name in OPTIONAL_OUTPUTS:
        path = Path(out_dir) / name
        if name in keep or not path.is_file():
            continue
        try:
            path.unlink()
        except OSError:
            continue
        removed.append(path)
    return removed
