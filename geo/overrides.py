"""Analyst overrides: ``places.toml`` in the articles folder.

An analyst who knows better can pin a name to coordinates or to a gazetteer
entry, for every article or for one, and can mark a name as never a place.
The next build honours it, and the popup says "set by analyst". The file is
small, hand-written TOML::

    [[place]]
    name = "Tartus"               # as written in the articles
    gazetteer_id = "geonames:163345"

    [[place]]
    name = "the depot"
    lat = 35.51
    lon = 35.78
    label = "Ammunition depot"     # optional display name
    article = "2018-09-18-raid.md" # optional: only in this article

    [[ignore]]
    name = "Mobile"                # never a place (in every article, or one)
"""

from __future__ import annotations

import hashlib
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from geo.normalize import name_key
from geo.types import Candidate

__all__ = ["OVERRIDES_FILE", "OverrideError", "Overrides", "load_overrides"]

OVERRIDES_FILE = "places.toml"
ANALYST_SOURCE = "set by analyst"


class OverrideError(ValueError):
    """A ``places.toml`` that cannot be used, with the file and entry named."""


@dataclass(frozen=True)
class _Pin:
    gazetteer_id: str | None
    lat: float | None
    lon: float | None
    label: str | None


@dataclass(frozen=True)
class Overrides:
    """Pins and ignores, by name key, globally (article ``None``) or per article."""

    pins: Mapping[tuple[str | None, str], _Pin] = field(default_factory=dict)
    ignores: frozenset[tuple[str | None, str]] = frozenset()
    digest: str = ""
    """A digest of the file's content, for cache keys ("" when there is no file)."""
    text: str = ""
    """The file's content, so a configuration can carry it to other processes."""

    def ignored(self, name: str, *, article: str | None) -> bool:
        """True when the analyst marked ``name`` as not a place (here or everywhere)."""
        key = name_key(name)
        return (article, key) in self.ignores or (None, key) in self.ignores

    def pinned(self, name: str, *, article: str | None, gazetteer: Any) -> Candidate | None:
        """The candidate the analyst pinned ``name`` to, or ``None``.

        ``gazetteer`` looks up a pinned ``gazetteer_id`` (``by_id``); an
        unknown id raises :class:`OverrideError`, naming it.
        """
        key = name_key(name)
        pin = self.pins.get((article, key)) or self.pins.get((None, key))
        if pin is None:
            return None
        if pin.gazetteer_id is not None:
            found: Candidate | None = gazetteer.by_id(pin.gazetteer_id)
            if found is None:
                raise OverrideError(
                    f"{OVERRIDES_FILE}: {name!r} is pinned to {pin.gazetteer_id!r}, "
                    "which the gazetteer does not have"
                )
            return Candidate(
                gazetteer_id=found.gazetteer_id,
                name=pin.label or found.name,
                lat=found.lat,
                lon=found.lon,
                country=found.country,
                feature=found.feature,
                population=found.population,
                admin1=found.admin1,
                source=ANALYST_SOURCE,
                matched_name=name,
                wkt=found.wkt,
                radius_km=found.radius_km,
            )
        assert pin.lat is not None and pin.lon is not None
        return Candidate(
            gazetteer_id=f"analyst:{key.replace(' ', '-')}@{pin.lat:.5f},{pin.lon:.5f}",
            name=pin.label or name,
            lat=pin.lat,
            lon=pin.lon,
            country=None,
            feature="analyst",
            source=ANALYST_SOURCE,
            matched_name=name,
        )


def _entry_name(entry: Any, *, where: str) -> str:
    if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
        raise OverrideError(f"{where}: needs a string 'name'")
    name: str = entry["name"]
    if not name_key(name):
        raise OverrideError(f"{where}: 'name' is empty")
    return name


def _article(entry: dict[str, Any], *, where: str) -> str | None:
    article = entry.get("article")
    if article is not None and not isinstance(article, str):
        raise OverrideError(f"{where}: 'article' must be a path relative to the articles folder")
    return article


def _pin(entry: dict[str, Any], *, where: str) -> _Pin:
    gid = entry.get("gazetteer_id")
    lat, lon = entry.get("lat"), entry.get("lon")
    label = entry.get("label")
    if label is not None and not isinstance(label, str):
        raise OverrideError(f"{where}: 'label' must be a string")
    if gid is not None:
        if not isinstance(gid, str) or lat is not None or lon is not None:
            raise OverrideError(f"{where}: give either 'gazetteer_id' or 'lat' and 'lon'")
        return _Pin(gid, None, None, label)
    if not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in (lat, lon)):
        raise OverrideError(f"{where}: needs 'gazetteer_id', or numbers 'lat' and 'lon'")
    assert isinstance(lat, (int, float)) and isinstance(lon, (int, float))
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise OverrideError(f"{where}: lat/lon out of range ({lat}, {lon})")
    return _Pin(None, float(lat), float(lon), label)


def parse_overrides(text: str, *, source: str = OVERRIDES_FILE) -> Overrides:
    """Parse the TOML text of an overrides file.

    Raises
    ------
    OverrideError
        Naming the file and the entry at fault.
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise OverrideError(f"{source}: {exc}") from exc
    unknown = set(data) - {"place", "ignore"}
    if unknown:
        raise OverrideError(
            f"{source}: unknown tables {sorted(unknown)}; use [[place]], [[ignore]]"
        )
    for table in ("place", "ignore"):
        if not isinstance(data.get(table, []), list):
            raise OverrideError(
                f"{source}: '{table}' must be a list of [[{table}]] tables, "
                f"not {type(data[table]).__name__}"
            )
    pins: dict[tuple[str | None, str], _Pin] = {}
    for number, entry in enumerate(data.get("place", []), start=1):
        where = f"{source}: place {number}"
        name = _entry_name(entry, where=where)
        pins[(_article(entry, where=where), name_key(name))] = _pin(entry, where=where)
    ignores = set()
    for number, entry in enumerate(data.get("ignore", []), start=1):
        where = f"{source}: ignore {number}"
        name = _entry_name(entry, where=where)
        ignores.add((_article(entry, where=where), name_key(name)))
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    return Overrides(pins=pins, ignores=frozenset(ignores), digest=digest, text=text)


def load_overrides(articles_dir: Path) -> Overrides:
    """The overrides in ``articles_dir/places.toml``; none when there is no such file."""
    path = articles_dir / OVERRIDES_FILE
    if not path.is_file():
        return Overrides()
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise OverrideError(f"{path}: {exc}") from exc
    return parse_overrides(text, source=str(path))
