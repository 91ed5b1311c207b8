"""The pipeline's version, in three digests: one per stage of the build cache.

A cached result is reused only when everything that made it is unchanged,
and a change invalidates only the stages that depend on it:

``parse``
    the spaCy parse and the article's metadata: eventmap's version, the
    code that reads articles, loads the model and writes the records, and
    the model's name and version.
``places``
    the mentions and the places they resolve to: ``parse``, plus every file
    of the ``geo`` package (code and data tables), the gazetteer index (its
    file name is a digest of its sources and build rules) and the geocoder
    with its options.
``events``
    the events: ``places``, plus the ``layers`` code and a digest of the
    layer definitions.

So editing a layer definition re-classifies every article from its cached
parse and places without running spaCy or the geocoder again; a new
gazetteer re-resolves from the cached parse; a new model starts over. Code
is hashed from the files on disk, once per process, so the client and an
in-process engine always agree.
Nothing here loads spaCy or opens the gazetteer.
"""

from __future__ import annotations

import hashlib
import importlib.util
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from eventmap.config import PipelineConfig
from layers.types import LayerDefinition

__all__ = ["PipelineVersion", "code_digest", "config_version", "pipeline_version"]

#: Files (relative to their package) whose code shapes the ``parse`` stage.
_PARSE_CODE: tuple[tuple[str, str], ...] = (
    ("eventmap", "__init__.py"),
    ("eventmap", "_version.py"),
    ("eventmap", "articles.py"),
    ("eventmap", "urls.py"),
    ("eventmap", "pipeline.py"),
    ("eventmap", "build/records.py"),
    ("eventmap", "build/work.py"),
    ("geo", "nlp.py"),
    ("geo", "coordinates.py"),
    ("geo", "respace.py"),
)


@dataclass(frozen=True)
class PipelineVersion:
    """One digest per cached stage; each covers the ones before it."""

    parse: str
    places: str
    events: str

    @property
    def digest(self) -> str:
        """One digest of all three, to compare a worker's pipeline with the client's."""
        return _hash("version", self.parse, self.places, self.events)


def _hash(*parts: str) -> str:
    blob = "\x1f".join(parts).encode("utf-8")
    return hashlib.sha256(blob).hexdigest()


def _package_dir(package: str) -> Path:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(f"package {package!r} is not installed")
    return Path(next(iter(spec.submodule_search_locations)))


def _files_digest(files: Iterable[tuple[str, Path]]) -> str:
    digest = hashlib.sha256()
    for name, path in sorted(files):
        digest.update(name.encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


@lru_cache(maxsize=8)
def code_digest(package: str, *, files: tuple[str, ...] = ()) -> str:
    """A digest of a package's files: the ones named, or every file but bytecode.

    Examples
    --------
    >>> len(code_digest("layers"))
    64
    """
    root = _package_dir(package)
    if files:
        chosen = [(f"{package}/{name}", root / name) for name in files]
    else:
        chosen = [
            (f"{package}/{path.relative_to(root).as_posix()}", path)
            for path in root.rglob("*")
            if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
        ]
    return _files_digest(chosen)


@lru_cache(maxsize=1)
def _parse_code() -> str:
    by_package: dict[str, list[str]] = {}
    for package, name in _PARSE_CODE:
        by_package.setdefault(package, []).append(name)
    return _hash(*(code_digest(p, files=tuple(n)) for p, n in sorted(by_package.items())))


@lru_cache(maxsize=1)
def _layers_code() -> str:
    root = _package_dir("layers")
    files = sorted(root.glob("*.py")) + sorted((root / "data").glob("*.json"))
    return _files_digest((f"layers/{p.relative_to(root).as_posix()}", p) for p in files)


def pipeline_version(
    *, model: str, gazetteer: str, geocoder: str, layers: Sequence[LayerDefinition]
) -> PipelineVersion:
    """The version of a pipeline made of these parts.

    ``model`` is :func:`geo.nlp.model_identity`, ``gazetteer`` the index's
    file name (:func:`geo.gazetteer.index_path`), ``geocoder`` the geocoder's
    identity (:meth:`eventmap.config.PipelineConfig.geocoder_identity`).
    """
    from eventmap._version import __version__
    from layers.registry import definitions_digest

    parse = _hash("parse", __version__, _parse_code(), model)
    places = _hash("places", parse, code_digest("geo"), gazetteer, geocoder)
    events = _hash("events", places, _layers_code(), definitions_digest(layers))
    return PipelineVersion(parse=parse, places=places, events=events)


def config_version(config: PipelineConfig) -> PipelineVersion:
    """The version of the pipeline ``config`` describes, without loading it."""
    from geo.gazetteer import index_path
    from geo.nlp import model_identity

    data_dir = None if config.data_dir is None else Path(config.data_dir)
    return pipeline_version(
        model=model_identity(config.model),
        gazetteer=index_path(data_dir).name,
        geocoder=config.geocoder_identity(),
        layers=config.layer_definitions(),
    )
