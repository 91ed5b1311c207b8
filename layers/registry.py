"""Layer definitions and the event taxonomy are data: TOML files.

The bundled files live in ``layers/definitions/``: one file per layer, and
``event_types.toml``, the kinds of event with their trigger words. A user adds
a layer by copying one into a folder of their own and pointing ``--layers DIR``
at it (files there override bundled ones with the same id); an
``event_types.toml`` there adds types, or replaces bundled ones with the same id.
Each layer's ``types`` are resolved against the taxonomy when it is loaded, so
a :class:`~layers.types.LayerDefinition` carries everything classification
needs (and the cache digest covers it).
"""

from __future__ import annotations

import dataclasses
import hashlib
import tomllib
from collections.abc import Iterable, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

from layers.types import CORE_LAYER_IDS, EventType, LayerDefinition, TriggerRule

__all__ = [
    "TAXONOMY_FILE",
    "LayerError",
    "bundled_definitions_dir",
    "definitions_digest",
    "event_type_titles",
    "load_event_types",
    "load_layers",
]

TAXONOMY_FILE = "event_types.toml"
"""The file, in a definitions folder, that holds event types rather than a layer."""
_ROLES = frozenset(
    {"location", "destination", "target", "compound", "origin", "counterpart", "subject"}
)


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


def _read(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise LayerError(f"{path}: {exc}") from exc


def _roles(value: Any, *, path: Path, where: str) -> tuple[str, ...]:
    roles = _strings(value, path=path, key="roles")
    unknown = set(roles) - _ROLES
    if unknown:
        raise LayerError(f"{path}: {where} has unknown roles {sorted(unknown)}")
    return roles


def _flag(entry: dict[str, Any], key: str, *, path: Path, type_id: str) -> bool:
    """A type's true-or-false key (false when absent)."""
    value = entry.get(key, False)
    if not isinstance(value, bool):
        raise LayerError(f"{path}: type {type_id!r}: {key!r} must be true or false")
    return value


def _parse_type(entry: Any, *, path: Path, number: int) -> EventType:
    if not isinstance(entry, dict):
        raise LayerError(f"{path}: type {number} must be a table")
    type_id = entry.get("id")
    if not isinstance(type_id, str) or not type_id.strip():
        raise LayerError(f"{path}: type {number} needs a string 'id'")
    triggers = _strings(entry.get("triggers"), path=path, key="triggers")
    if not triggers:
        raise LayerError(f"{path}: type {type_id!r} has no triggers")
    topical = _flag(entry, "topical", path=path, type_id=type_id)
    yields_to_subject = _flag(entry, "yields_to_subject", path=path, type_id=type_id)
    unaided_subject = _flag(entry, "unaided_subject", path=path, type_id=type_id)
    intransitive = _flag(entry, "intransitive", path=path, type_id=type_id)
    holds = _flag(entry, "holds", path=path, type_id=type_id)
    return EventType(
        id=type_id.strip(),
        title=str(entry.get("title", type_id)),
        triggers=triggers,
        excludes=_strings(entry.get("excludes"), path=path, key="excludes"),
        requires=_strings(entry.get("requires"), path=path, key="requires"),
        objects=_strings(entry.get("objects"), path=path, key="objects"),
        roles=_roles(entry.get("roles"), path=path, where=f"type {type_id!r}"),
        topical=topical,
        yields_to_subject=yields_to_subject,
        unaided_subject=unaided_subject,
        intransitive=intransitive,
        holds=holds,
        requires_also=_strings(entry.get("requires_also"), path=path, key="requires_also"),
        deeds=_strings(entry.get("deeds"), path=path, key="deeds"),
        unless=_strings(entry.get("unless"), path=path, key="unless"),
        subjects=_strings(entry.get("subjects"), path=path, key="subjects"),
        acled=str(entry.get("acled", "")),
        plover=str(entry.get("plover", "")),
    )


def load_event_types(extra_dir: Path | None = None) -> dict[str, EventType]:
    """The event taxonomy: the bundled types, then any in ``extra_dir``, by id.

    Raises
    ------
    LayerError
        When a taxonomy file is malformed.
    """
    types: dict[str, EventType] = {}
    for folder in [bundled_definitions_dir()] + ([extra_dir] if extra_dir else []):
        path = folder / TAXONOMY_FILE
        if not path.is_file():
            continue
        entries = _read(path).get("type", [])
        if not isinstance(entries, list):
            raise LayerError(f"{path}: 'type' must be an array of tables ([[type]])")
        for number, entry in enumerate(entries, start=1):
            event_type = _parse_type(entry, path=path, number=number)
            types[event_type.id] = event_type
    return types


def _rule_types(layer_id: str, title: str, rules: Iterable[TriggerRule]) -> list[EventType]:
    """A layer's own trigger rules as event types named after it (``id``, ``id_2`` …)."""
    return [
        EventType(
            id=layer_id if number == 1 else f"{layer_id}_{number}",
            title=title,
            triggers=rule.triggers,
            requires=rule.requires,
            roles=rule.roles,
        )
        for number, rule in enumerate(rules, start=1)
    ]


def _parse(path: Path, taxonomy: dict[str, EventType]) -> LayerDefinition:
    data = _read(path)
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
        roles = _roles(rule.get("roles"), path=path, where=f"rule {number}")
        rules.append(
            TriggerRule(
                triggers=triggers,
                requires=_strings(rule.get("requires"), path=path, key="requires"),
                roles=roles,
            )
        )
    type_ids = _strings(data.get("types"), path=path, key="types")
    unknown_types = [t for t in type_ids if t not in taxonomy]
    if unknown_types:
        raise LayerError(f"{path}: unknown event types {unknown_types} (see {TAXONOMY_FILE})")
    event_types = [taxonomy[t] for t in type_ids]
    event_types += _rule_types(str(data["id"]), str(data["title"]), rules)
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
            event_types=tuple(event_types),
        )
    except (TypeError, ValueError) as exc:
        raise LayerError(f"{path}: {exc}") from exc


def _definition_files(dirs: Iterable[Path]) -> list[Path]:
    files: dict[str, Path] = {}
    for folder in dirs:
        for path in sorted(folder.glob("*.toml")):
            if path.name != TAXONOMY_FILE:
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
    taxonomy = load_event_types(extra_dir)
    by_id: dict[str, LayerDefinition] = {}
    for path in _definition_files(dirs):
        layer = _parse(path, taxonomy)
        by_id[layer.id] = layer
    missing = [i for i in CORE_LAYER_IDS if i not in by_id]
    if missing:
        raise LayerError(f"core layers missing: {', '.join(missing)}")
    defaults = [layer.id for layer in by_id.values() if layer.default]
    if len(defaults) != 1:
        raise LayerError(f"exactly one layer must be the default, found {defaults or 'none'}")
    listed = {t.id for layer in by_id.values() for t in layer.event_types}
    unlisted = tuple(t for t in taxonomy.values() if t.id not in listed)
    if unlisted:  # still found (geoparse lists them), shown among the other places
        default = by_id[defaults[0]]
        by_id[default.id] = dataclasses.replace(default, event_types=default.event_types + unlisted)
    return sorted(by_id.values(), key=lambda layer: (layer.order, layer.id))


def definitions_digest(layers: Sequence[LayerDefinition]) -> str:
    """A short digest of the definitions, for cache keys."""
    return hashlib.sha256(repr(tuple(layers)).encode()).hexdigest()[:16]


def event_type_titles(layers: Iterable[LayerDefinition]) -> dict[str, str]:
    """Each event type's title by its id, as the map, the brief and exports show it."""
    return {t.id: t.title for layer in layers for t in layer.event_types}
