"""The CSV export (``events.csv``, for spreadsheets).

One row per event, that is per (layer, place, citation), with the place as a
point and a radius (an area's outline only as WKT when asked: ``csv-wkt``).
UTF-8 with a byte-order mark, so Excel reads "Ţarţūs" right; every cell
within Excel's 32,767 characters; text cells that a spreadsheet would run as
a formula get a leading apostrophe.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Sequence
from pathlib import Path

import shapely
from shapely.geometry.base import BaseGeometry

from eventmap.atomic import write_text_atomic
from eventmap.exports.geojson import export_geometry
from eventmap.grouping import PlaceOnLayer
from eventmap.urls import safe_url
from geo.types import Place
from layers.dates import citation_date
from layers.types import LayerDefinition

__all__ = [
    "CSV_COLUMNS",
    "CSV_WKT_COLUMNS",
    "EXCEL_CELL_MAX",
    "csv_text",
    "write_csv",
    "write_csv_wkt",
]


_WKT_DECIMALS = 5
# Spreadsheets run a cell starting with these as a formula (OWASP: CSV injection).
_FORMULA_LEADS = ("=", "+", "-", "@", "\t", "\r")


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
    "event_type",
    "trigger",
)
"""The CSV header. ``lat``/``lon`` are the place's point; ``shape`` is ``point`` or
``area``, and an area's ``radius_km`` is its own (or, when it has none, the radius of
a circle as large as the area). ``article_date`` is the article's date;
``event_date`` when the event happened and ``date_source`` where that came from
(``sentence``/``article``/``dateline``/``paragraph``/``heading``); ``event_type`` and
``trigger``
the event the row's place was given to (a launch and a strike share the strike layer), empty on the
``places`` layer."""

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
                citation.event_type,
                citation.trigger,
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
