"""Layer definitions are data: one TOML file per layer.

The bundled files live in ``layers/definitions/``; a user adds a layer by
copying one into a folder of their own and pointing ``--layers DIR`` at it
(files there override bundled ones with the same id).
"""

from __future__ import annotations

import hashlib
import tomllib
from collections.abc import Iterable, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

from layers.types import CORE_LAYER_IDS, LayerDefinition, TriggerRule

__all__ = ["LayerError", "bundled_definitions_dir", "definitions_digest", "load_layers"]


class LayerError(ValueError):
    """A layer definition file that cannot be used, with the file named."""


def bundled_definitions_dir() -> Path:
    """The folder of the layer definitions that ship with eventmap."""
    return Path(str(resources.files("layers") / "definitions"))


def _strings(value: Any, *, path: Path, key: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise LayerError(f"{path}: '{key}' must be a list of strings")
    return tuple(v.strip().lower() for v in value if v.strip())


def _parse(path: Path) -> LayerDefinition:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise LayerError(f"{path}: {exc}") from exc
    for required in ("id", "title", "color", "order"):
        if required not in data:
            raise LayerError(f"{path}: missing '{required}'")
    rules = []
    for number, rule in enumerate(data.get("rules", []), start=1):
        if not isinstance(rule, dict):
            raise LayerError(f"{path}: rule {number} must be a table")
        triggers = _strings(rule.get("triggers"), path=path, key="triggers")
        if not triggers:
            raise LayerError(f"{path}: rule {number} has no triggers")
        roles = _strings(rule.get("roles"), path=path, key="roles")
        unknown = set(roles) - {"location", "destination", "target", "compound"}
        if unknown:
            raise LayerError(f"{path}: rule {number} has unknown roles {sorted(unknown)}")
        rules.append(
            TriggerRule(
                triggers=triggers,
                requires=_strings(rule.get("requires"), path=path, key="requires"),
                roles=roles,
            )
        )
    try:
        return LayerDefinition(
            id=str(data["id"]),
            title=str(data["title"]),
            color=str(data["color"]),
            order=int(data["order"]),
            description=str(data.get("description", "")),
            rules=tuple(rules),
            area_kinds=_strings(data.get("area_kinds"), path=path, key="area_kinds"),
            icon=str(data.get("icon", "circle")),
            default=bool(data.get("default", False)),
        )
    except (TypeError, ValueError) as exc:
        raise LayerError(f"{path}: {exc}") from exc


def _definition_files(dirs: Iterable[Path]) -> list[Path]:
    files: dict[str, Path] = {}
    for folder in dirs:
        for path in sorted(folder.glob("*.toml")):
            files[path.name] = path
    return list(files.values())


def load_layers(extra_dir: Path | None = None) -> list[LayerDefinition]:
    """The bundled layers plus any in ``extra_dir``, ordered by ``order`` then id.

    Raises
    ------
    LayerError
        When a file is malformed, two files share an id, a core layer is
        missing, or there is not exactly one default layer.
    """
    dirs = [bundled_definitions_dir()] + ([extra_dir] if extra_dir else [])
    by_id: dict[str, LayerDefinition] = {}
    for path in _definition_files(dirs):
        layer = _parse(path)
        by_id[layer.id] = layer
    missing = [i for i in CORE_LAYER_IDS if i not in by_id]
    if missing:
        raise LayerError(f"core layers missing: {', '.join(missing)}")
    defaults = [layer.id for layer in by_id.values() if layer.default]
    if len(defaults) != 1:
        raise LayerError(f"exactly one layer must be the default, found {defaults or 'none'}")
    return sorted(by_id.values(), key=lambda layer: (layer.order, layer.id))


def definitions_digest(layers: Sequence[LayerDefinition]) -> str:
    """A short digest of the definitions, for cache keys."""
    return hashlib.sha256(repr(tuple(layers)).encode()).hexdigest()[:16]
