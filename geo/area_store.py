"""Country-wide areas kept on disk, so each is built once per machine, not once per process.

A country's airspace, coast or offshore sea takes 0.05-4 s to build (buffers
of a full-detail coastline). A process caches them in memory, but every new
process (each ``eventmap build``, each Dask worker) would build them again: on
a corpus naming a hundred countries that is half a minute before the first
map. So :func:`persisted` keeps each result as a small file in the data
directory, beside the gazetteer index, the way the coarse world base map is
kept.

The directory's name is a digest of the Natural Earth shapes and of the source
of every module whose builders are persisted (:mod:`geo.areas`: each
:func:`persisted` decorator hands over its builder's file, so this store never
imports the code it serves), so new shapes or a change to how areas are built
never meet an old file. Each file carries a digest of its own contents; a file
that is short, foreign or corrupt is ignored and rebuilt, never trusted.
Files are written beside their destination and renamed into place, so
concurrent workers at worst build the same area twice; the temporary files
of a writer that was killed are removed by the next process that uses the
directory (:mod:`geo.stale_files`). A data directory that cannot be written
(read-only, full) only costs the rebuild.
"""

from __future__ import annotations

import functools
import hashlib
import inspect
import json
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import shapely

from geo.stale_files import remove_stale, temp_name
from geo.types import AreaResult, Precision

__all__ = ["STORE_FORMAT", "persisted", "store_dir"]

STORE_FORMAT = 1
"""Bump when the file layout changes."""

_MAGIC = b"eventmap-area\n"
_TEMP = re.compile(r"^\.area-")

F = TypeVar("F", bound=Callable[..., "AreaResult | None"])

_BUILDER_SOURCES: set[Path] = set()
"""The source files of the persisted builders, handed over by :func:`persisted`."""


@functools.lru_cache(maxsize=1)
def store_dir() -> Path:
    """The directory for this version of the shapes and of the area code.

    Temporary files that a killed writer left there are removed the first
    time a process asks for it.
    """
    from geo import shapes
    from geo.gazetteer import default_data_dir

    digest = hashlib.sha256(f"format {STORE_FORMAT} {shapes.data_digest()}\n".encode())
    for source in sorted(_BUILDER_SOURCES):
        digest.update(source.read_bytes())
    folder = default_data_dir() / f"areas-{digest.hexdigest()[:16]}"
    remove_stale(folder, _TEMP)
    return folder


def persisted(kind: str) -> Callable[[F], F]:
    """Decorate a builder ``(iso2, *numbers) -> AreaResult | None`` to keep its results on disk.

    ``kind`` names the builder in the file names (``airspace``, ``coast`` ...).
    The arguments must be a country code and numbers: they make the file name.
    The builder's source file joins the digest that names :func:`store_dir`,
    so decorate before the first call (at import, as :mod:`geo.areas` does).
    """

    def decorate(build: F) -> F:
        source = inspect.getsourcefile(build)
        if source is not None:
            _BUILDER_SOURCES.add(Path(source))

        @functools.wraps(build)
        def wrapper(iso2: str, *numbers: float) -> AreaResult | None:
            name = "-".join([kind, iso2, *(repr(float(n)) for n in numbers)])
            if not name.replace("-", "").replace(".", "").replace("_", "").isalnum():
                return build(iso2, *numbers)  # not a name we can file safely
            path = store_dir() / f"{name}.area"
            found = _read(path)
            if found is not None:
                return found[0]
            result = build(iso2, *numbers)
            _write(path, result)
            return result

        return wrapper  # type: ignore[return-value]

    return decorate


def _read(path: Path) -> tuple[AreaResult | None] | None:
    """The stored result in a 1-tuple, or ``None`` when there is no sound file."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    if not data.startswith(_MAGIC):
        return None
    header_end = data.find(b"\n", len(_MAGIC))
    if header_end < 0:
        return None
    body = data[header_end + 1 :]
    try:
        header = json.loads(data[len(_MAGIC) : header_end])
        if header["sha256"] != hashlib.sha256(body).hexdigest():
            return None
        if header["empty"]:
            return (None,)
        return (
            AreaResult(
                geometry=shapely.from_wkb(body),
                lat=float(header["lat"]),
                lon=float(header["lon"]),
                precision=Precision(header["precision"]),
                radius_km=None if header["radius_km"] is None else float(header["radius_km"]),
                feature=str(header["feature"]),
            ),
        )
    except (ValueError, KeyError, TypeError, shapely.errors.GEOSException):
        return None


def _write(path: Path, result: AreaResult | None) -> None:
    """Write ``result`` beside ``path`` and rename it into place; give up quietly on OSError."""
    if result is None:
        body = b""
        header: dict[str, object] = {"empty": True}
    else:
        body = shapely.to_wkb(result.geometry)
        header = {
            "empty": False,
            "lat": result.lat,
            "lon": result.lon,
            "precision": result.precision.value,
            "radius_km": result.radius_km,
            "feature": result.feature,
        }
    header["sha256"] = hashlib.sha256(body).hexdigest()
    data = _MAGIC + json.dumps(header, sort_keys=True).encode() + b"\n" + body
    tmp = path.parent / temp_name(".area-")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except OSError:  # a full disk: the area is built again next time
        tmp.unlink(missing_ok=True)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
