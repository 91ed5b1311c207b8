"""Every export by name, for the CLI and the build: :data:`EXPORT_FORMATS`.

Each format has its module (:mod:`~eventmap.exports.geojson`,
:mod:`~eventmap.exports.gpkg`, :mod:`~eventmap.exports.kml`,
:mod:`~eventmap.exports.csv`); each takes the grouped places
(:func:`eventmap.grouping.group_events`) and the layer definitions, and
either writes its file atomically (:mod:`eventmap.atomic`: a reader sees the
old file or the new one) or gives its bytes for the build to replace every
output together. Optional outputs a build was not asked for are removed
(:func:`remove_unrequested`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import NamedTuple, Protocol

from eventmap.exports.csv import csv_text, write_csv, write_csv_wkt
from eventmap.exports.geojson import (
    geojson_text,
    write_geojson,
)
from eventmap.exports.gpkg import geopackage_bytes, write_geopackage
from eventmap.exports.kml import kml_text, write_kml
from eventmap.grouping import PlaceOnLayer
from layers.types import LayerDefinition

__all__ = [
    "EXPORT_FORMATS",
    "OPTIONAL_OUTPUTS",
    "ExportFormat",
    "Renderer",
    "Writer",
    "remove_unrequested",
]


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
