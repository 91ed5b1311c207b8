"""The build cache: per-article results, content-addressed, checked before use.

Where it lives: ``$EVENTMAP_CACHE_DIR`` when set, else ``.eventmap-cache/``
inside the articles folder (hidden, so it is never read as articles; it
holds a ``CACHEDIR.TAG`` and a ``.gitignore`` so backups and git leave it
alone). Deleting it is always safe; ``eventmap build --fresh`` ignores it.
When every article's events and the code that draws them are unchanged and
the output files are still those the last build wrote (by their SHA-256), a
build leaves them in place instead of drawing the same map again.

Layout, one file per record and stage (see :mod:`eventmap.version`)::

    parse/ab/ab12…ef.rec      the parse of one article's bytes
    places/cd/cd34…01.rec     its mentions and places
    events/ef/ef56…23.rec     its events, for one article id and layer set
    geometry/01/0123…89.wkb   a large geometry, named by the SHA-256 of its WKB
    outputs/9a….json          what the last build wrote to an output folder

A record file is named by its *key*, a SHA-256 over everything that made it
(the article's bytes, the stage's version, the key of the stage before, the
article id for events). Its first line is a JSON header naming the format,
the schema, the stage, the key, the geometries it refers to, and the
SHA-256 and length of the body; the body is zlib-compressed JSON. A record is
used only if every one of these checks out, so a truncated, corrupt, renamed
or foreign file is a cache miss that the build then overwrites, never an
input it trusts. Nothing is unpickled or executed.

Files are written to a temporary name and renamed into place (without an
fsync: a record lost to a crash is only a miss). Temporary files a killed
build left are removed once stale (:mod:`geo.stale_files`): those of output
manifests when the cache is opened, those of records when it is pruned.
After a build, records and geometries that no current article used are
pruned; only file names of the shapes above are ever deleted, so pointing
the cache at a folder that holds other files does not harm them.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import secrets
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeGuard

import msgspec

from geo.stale_files import is_stale, remove_stale

__all__ = [
    "CACHE_DIR_NAME",
    "CACHE_ENV",
    "SCHEMA",
    "STAGES",
    "ArticleCache",
    "CacheStats",
    "default_cache_dir",
]

CACHE_DIR_NAME = ".eventmap-cache"
"""The cache folder's name inside the articles folder."""
CACHE_ENV = "EVENTMAP_CACHE_DIR"
"""Environment variable naming the cache folder."""
SCHEMA = 1
"""Bump when a record's layout changes: older files then read as misses."""
STAGES: tuple[str, ...] = ("parse", "places", "events")
_FORMAT = "eventmap-cache"
_MAX_HEADER = 1 << 20
_HEADER_FIELDS = frozenset({"format", "schema", "stage", "key", "refs", "length", "sha256"})
"""The fields of a record's header line, all of them and no other."""
_MAX_BODY = 256 << 20
_NAME = re.compile(r"^[0-9a-f]{64}$")
_TEMP = re.compile(r"^\.[0-9a-f]{64}\.(?:rec|wkb)\.[0-9a-f]{8}\.tmp$")
_MANIFEST_TEMP = re.compile(r"^\.[0-9a-f]{64}\.json\.[0-9a-f]{8}\.tmp$")
_TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by eventmap.\n"
    "# For information about cache directory tags, see https://bford.info/cachedir/\n"
)


def _good_refs(refs: Any) -> TypeGuard[list[str]]:
    """Whether a header's references are a list of geometry digests (a blob's :data:`_NAME`)."""
    return isinstance(refs, list) and all(
        isinstance(r, str) and _NAME.fullmatch(r) is not None for r in refs
    )


def default_cache_dir(articles_dir: Path) -> Path:
    """``$EVENTMAP_CACHE_DIR``, or ``.eventmap-cache`` inside ``articles_dir``."""
    explicit = os.environ.get(CACHE_ENV)
    if explicit:
        return Path(explicit)
    return Path(articles_dir) / CACHE_DIR_NAME


def _stale(path: Path) -> bool:
    """A temporary file old enough that no running build is still writing it."""
    return is_stale(path)


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass
class CacheStats:
    """What the cache did during one build."""

    hits: dict[str, int] = field(default_factory=lambda: dict.fromkeys(STAGES, 0))
    written: int = 0
    rejected: list[str] = field(default_factory=list)
    """Files that were present but could not be trusted, with the reason."""
    pruned: int = 0


class ArticleCache:
    """The record and geometry stores under one folder."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.stats = CacheStats()

    # -- set-up ---------------------------------------------------------------
    def prepare(self) -> None:
        """Create the folder with its tags; raise ``OSError`` when it cannot be written."""
        self.root.mkdir(parents=True, exist_ok=True)
        remove_stale(self.root / "outputs", _MANIFEST_TEMP)
        for name, text in (("CACHEDIR.TAG", _TAG), (".gitignore", "# eventmap build cache\n*\n")):
            path = self.root / name
            if not path.exists():
                self._write(path, text.encode("utf-8"))

    def _path(self, folder: str, key: str, suffix: str) -> Path:
        return self.root / folder / key[:2] / f"{key}{suffix}"

    def _write(self, path: Path, data: bytes) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        temp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
        try:
            with open(temp, "wb") as handle:
                handle.write(data)
            os.replace(temp, path)
        except FileNotFoundError:
            # The folder was pruned or removed by another build meanwhile: a
            # cache write that does not happen is only a future miss.
            with contextlib.suppress(OSError):
                os.unlink(temp)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temp)
            raise

    def _reject(self, path: Path, reason: str) -> None:
        self.stats.rejected.append(f"{path}: {reason}")

    # -- records --------------------------------------------------------------
    def get(self, stage: str, key: str) -> Any | None:
        """The body of the ``stage`` record named ``key``, or ``None`` if absent or untrusted."""
        path = self._path(stage, key, ".rec")
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as exc:
            self._reject(path, f"unreadable: {exc.strerror or exc}")
            return None
        try:
            body = self._check(raw, stage=stage, key=key)
        except ValueError as exc:
            self._reject(path, str(exc))
            return None
        self.stats.hits[stage] += 1
        return body

    def _header(self, raw: bytes) -> tuple[dict[str, Any], bytes]:
        end = raw.find(b"\n", 0, _MAX_HEADER)
        if end < 0:
            raise ValueError("no header line")
        try:
            header = json.loads(raw[:end])
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ValueError("header is not JSON") from exc
        if not isinstance(header, dict) or header.get("format") != _FORMAT:
            raise ValueError("not an eventmap cache record")
        return header, raw[end + 1 :]

    def _check(self, raw: bytes, *, stage: str, key: str) -> Any:
        header, payload = self._header(raw)
        if header.get("schema") != SCHEMA:
            raise ValueError(f"schema {header.get('schema')!r}, not {SCHEMA}")
        if header.get("stage") != stage or header.get("key") != key:
            raise ValueError("record belongs to another stage or key")
        if header.get("length") != len(payload) or header.get("sha256") != _sha256(payload):
            raise ValueError("checksum mismatch (truncated or corrupt)")
        if set(header) != _HEADER_FIELDS or not _good_refs(header.get("refs")):
            # the checksum covers the body only: a damaged header field ("refs",
            # which says what geometry the record keeps alive) is damage too
            raise ValueError("header fields damaged")
        try:
            inflate = zlib.decompressobj()
            text = inflate.decompress(payload, _MAX_BODY)
            if inflate.unconsumed_tail or not inflate.eof:
                raise ValueError("body too large or incomplete")
            return msgspec.json.decode(text)  # the records' schema is checked by their decoders
        except (zlib.error, msgspec.DecodeError, RecursionError) as exc:
            raise ValueError(f"body is not compressed JSON: {exc}") from exc

    def put(self, stage: str, key: str, body: Any, *, refs: Iterable[str] = ()) -> None:
        """Store a record; ``refs`` are the geometry blobs it refers to."""
        # Compact, keys sorted, UTF-8: the bytes json.dumps(sort_keys=True,
        # separators=(",", ":"), ensure_ascii=False) gives, several times faster.
        payload = zlib.compress(msgspec.json.encode(body, order="sorted"), 1)
        header = {
            "format": _FORMAT,
            "schema": SCHEMA,
            "stage": stage,
            "key": key,
            "refs": sorted(set(refs)),
            "length": len(payload),
            "sha256": _sha256(payload),
        }
        line = json.dumps(header, sort_keys=True, separators=(",", ":")).encode("utf-8")
        self._write(self._path(stage, key, ".rec"), line + b"\n" + payload)
        self.stats.written += 1

    def refs_of(self, stage: str, key: str) -> set[str] | None:
        """The geometry references a record's header lists (``None`` if unreadable)."""
        path = self._path(stage, key, ".rec")
        try:
            with open(path, "rb") as handle:
                line = handle.readline(_MAX_HEADER)
            header, _ = self._header(line)
        except (OSError, ValueError):
            return None
        refs = header.get("refs")
        if not _good_refs(refs):
            return None
        return set(refs)

    # -- geometry blobs -------------------------------------------------------
    def get_geometry(self, digest: str) -> bytes | None:
        """The WKB named ``digest``, or ``None`` if absent or not matching its name."""
        if not _NAME.match(digest):
            return None
        path = self._path("geometry", digest, ".wkb")
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as exc:
            self._reject(path, f"unreadable: {exc.strerror or exc}")
            return None
        if _sha256(data) != digest:
            self._reject(path, "checksum mismatch")
            return None
        return data

    def has_geometry(self, digest: str) -> bool:
        """Whether a blob file of that name exists (it is checked when read)."""
        return self._path("geometry", digest, ".wkb").is_file()

    def put_geometry(self, digest: str, wkb: bytes) -> None:
        """Store a geometry blob under its SHA-256."""
        if _sha256(wkb) != digest:
            raise ValueError("geometry blob does not match its digest")
        self._write(self._path("geometry", digest, ".wkb"), wkb)

    # -- output manifests ------------------------------------------------------
    def get_manifest(self, name: str) -> Any | None:
        """What the last build into an output folder wrote there (see :mod:`eventmap.build.run`).

        Only a hint: the build checks the files' hashes before trusting it.
        """
        if not _NAME.match(name):
            return None
        try:
            return json.loads((self.root / "outputs" / f"{name}.json").read_bytes())
        except (OSError, UnicodeDecodeError, json.JSONDecodeError, RecursionError):
            return None

    def put_manifest(self, name: str, manifest: Any) -> None:
        """Record what a build wrote into an output folder."""
        data = json.dumps(manifest, sort_keys=True).encode("utf-8")
        self._write(self.root / "outputs" / f"{name}.json", data)

    # -- pruning --------------------------------------------------------------
    def _files(self, folder: str, suffix: str) -> Iterator[tuple[str, Path]]:
        base = self.root / folder
        if not base.is_dir():
            return
        for sub in base.iterdir():
            if not (sub.is_dir() and len(sub.name) == 2):
                continue
            for path in sub.iterdir():
                name = path.name
                if name.endswith(suffix) and _NAME.match(name[: -len(suffix)]):
                    yield name[: -len(suffix)], path
                elif _TEMP.match(name) and _stale(path):
                    yield "", path  # a temporary file left by a killed build

    def prune(self, keep: dict[str, set[str]]) -> int:
        """Delete records not in ``keep[stage]`` and blobs no kept record refers to.

        Returns how many files were deleted.
        """
        removed = 0
        refs: set[str] = set()
        for stage in STAGES:
            wanted = keep.get(stage, set())
            for key, path in self._files(stage, ".rec"):
                if key in wanted:
                    if stage != "parse":  # a parse refers to no geometry
                        refs |= self.refs_of(stage, key) or set()
                    continue
                with contextlib.suppress(OSError):
                    path.unlink()
                    removed += 1
        for key, path in self._files("geometry", ".wkb"):
            if key in refs:
                continue
            with contextlib.suppress(OSError):
                path.unlink()
                removed += 1
        for folder in (*STAGES, "geometry"):
            base = self.root / folder
            if base.is_dir():
                for sub in base.iterdir():
                    with contextlib.suppress(OSError):
                        sub.rmdir()  # only succeeds when empty
        self.stats.pruned += removed
        return removed
