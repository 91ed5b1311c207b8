"""``eventmap build``: a folder of articles in, the map and its exports out.

A build reads every article's bytes, looks each stage of its processing up in
the build cache (:mod:`eventmap.build.cache`), has an engine (:mod:`eventmap.build.engine`)
do the stages that are missing, stores what comes back, and draws the map
from the results of the articles present now: a deleted article's events
disappear with it, and records no current article uses are pruned.

The output depends only on the articles and the settings. Articles are
ordered by id, never by the order the file system lists them or the order
the engine finishes them, and fresh results are decoded from the very
records the cache stores, so a cold build, a warm one, a shuffled one and a
Dask one write the same bytes.

A bad article is reported and skipped (the rest of the map is still built).
When every article processed failed for one and the same reason (a pipeline
that cannot work, not an article's fault), the build stops with a
:class:`~eventmap.build.faults.Fault` instead of drawing an empty map over a good
one.

The outputs of a build (map, GeoJSON, fragment, exports) are replaced as a
set (:func:`eventmap.atomic.replace_together`), HTML last, while the build
holds a lock on the output folder: all are written under temporary names
first, then renamed together. A folder that cannot be written (read-only,
full) stops the build with a :class:`~eventmap.build.faults.Fault` and leaves every
previous output in place. Temporary files left by a killed build are removed
by the next one, and the lock file is removed when the build ends.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import os
import re
import secrets
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from eventmap.articles import (
    ArticleError,
    article_format,
    article_warnings,
    find_articles,
    read_article_bytes,
)
from eventmap.atomic import ReplaceProgress, replace_together
from eventmap.build.cache import ArticleCache, default_cache_dir
from eventmap.build.engine import Engine, EngineError, LocalEngine
from eventmap.build.faults import Fault, note_outputs, output_fault
from eventmap.build.feedback import NullProgress, Progress
from eventmap.build.outcome import BuildReport
from eventmap.build.records import (
    PlaceInterner,
    RecordError,
    decode_events,
    fresh_geometry_refs,
    geometry_refs,
    wkb_geometry,
)
from eventmap.build.work import Task, TaskResult
from eventmap.config import PipelineConfig
from eventmap.version import PipelineVersion, config_version
from geo.overrides import load_overrides
from layers.types import Event, LayerDefinition

if TYPE_CHECKING:
    from shapely.geometry.base import BaseGeometry

    from eventmap.pipeline import Pipeline

__all__ = ["GEOJSON_FILE", "LOCK_FILE", "MAP_FILE", "BuildReport", "build"]

MAP_FILE = "index.html"
GEOJSON_FILE = "events.geojson"
FRAGMENT_FILE = "fragment.html"
LOCK_FILE = ".eventmap.lock"
"""Held (``flock``) by the build writing an output folder."""
_OUTPUT_TEMP = re.compile(
    r"^\.(?:index\.html|fragment\.html|events\.(?:geojson|gpkg|kml|csv))\.[0-9a-f]{8}\.tmp$"
)
"""A temporary output file: the lock holder removes any it finds (no other build is writing)."""


_WHERE = re.compile(r" at [\w.-]+:\d+$")
"""Where in the code a processing failure was raised (see :func:`eventmap.build.work._describe`)."""


@dataclass(frozen=True)
class _Source:
    """One article file's bytes, before any parsing."""

    id: str
    path: Path
    kind: str
    raw: bytes
    content: str


def _key(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def _read_sources(
    root: Path, *, exclude: tuple[Path, ...] = ()
) -> tuple[list[_Source], list[ArticleError], list[str]]:
    """Every article's bytes, each file that cannot be read named, and reading warnings.

    ``exclude`` holds the output folder: a map written inside the articles
    folder is not read back as an article.
    """
    sources: list[_Source] = []
    paths, failed = find_articles(root, exclude=exclude)
    warnings: list[str] = []
    for path in paths:
        try:
            kind = article_format(path)
            raw = read_article_bytes(path)
        except ArticleError as exc:
            failed.append(exc)
            continue
        warnings.extend(f"{path}: {w}" for w in article_warnings(raw, kind=kind, path=path))
        content = hashlib.sha256(kind.encode() + b"\0" + raw).hexdigest()
        sources.append(_Source(path.relative_to(root).as_posix(), path, kind, raw, content))
    return sources, failed, warnings


@contextlib.contextmanager
def _output_lock(out_dir: Path, wait: Callable[[], None]) -> Iterator[None]:
    """Hold an exclusive lock on the output folder (POSIX; elsewhere nothing).

    The lock file is removed before the lock is released, so none stays
    behind. A build that waited on a lock file since removed (its inode no
    longer the one at the path) opens the new one and tries again.
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        yield
        return
    path = out_dir / LOCK_FILE
    waited = False
    while True:
        handle = open(path, "a+b")  # noqa: SIM115 - held across the yield below
        try:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                if not waited:
                    wait()
                    waited = True
                fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                same = os.stat(path).st_ino == os.fstat(handle.fileno()).st_ino
            except FileNotFoundError:
                same = False
        except BaseException:
            handle.close()
            raise
        if same:
            break
        handle.close()  # the holder removed that file: lock the one there now
    try:
        yield
    finally:
        with contextlib.suppress(OSError):
            os.unlink(path)
        handle.close()  # closing releases the lock


def _out_name(out_dir: Path) -> str:
    """The name the cache keeps an output folder's manifest under."""
    return hashlib.sha256(str(out_dir.resolve()).encode("utf-8")).hexdigest()


def _outputs_digest(run: _Run, *, title: str, render: dict[str, Any]) -> str:
    """Everything the map and the GeoJSON are made from: if it is unchanged, so are they.

    The events (by their cache keys, which cover the article bytes and the
    pipeline version), the title, and the code and data that draw them.
    """
    from importlib import metadata

    from eventmap.version import code_digest

    packages = []
    for name in ("folium", "branca", "jinja2", "shapely", "numpy"):
        try:
            packages.append(f"{name}=={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            packages.append(name)
    identity = {
        "title": title,
        "render": render,
        "events": sorted(run.used.items()),
        "version": run.version.events,
        "code": [code_digest("eventmap"), code_digest("geo")],
        "packages": packages,
    }
    return hashlib.sha256(json.dumps(identity, sort_keys=True).encode("utf-8")).hexdigest()


def _outputs_match(out_dir: Path, manifest: Any, digest: str, names: set[str]) -> bool:
    """Whether the outputs in ``out_dir`` are those the manifest says ``digest`` made."""
    if not isinstance(manifest, dict) or manifest.get("digest") != digest:
        return False
    files = manifest.get("files")
    if not isinstance(files, dict) or set(files) != names:
        return False
    for name, expected in files.items():
        try:
            found = hashlib.sha256((out_dir / name).read_bytes()).hexdigest()
        except OSError:
            return False
        if found != expected:
            return False
    return True


def _remove_stale_outputs(out_dir: Path) -> None:
    """Delete temporary output files a killed build left (we hold the lock: none is live).

    Every build writes its outputs while holding the lock, so a temporary
    output file seen by the lock holder belongs to no running build.
    """
    for path in out_dir.iterdir():
        if _OUTPUT_TEMP.match(path.name):
            with contextlib.suppress(OSError):
                path.unlink()


class _Run:
    """The state of one build: keys, cache, geometries, results."""

    def __init__(
        self,
        *,
        cache: ArticleCache | None,
        lookup: bool,
        version: PipelineVersion,
        report: BuildReport,
    ) -> None:
        self.cache = cache
        self.lookup = lookup and cache is not None
        self.version = version
        self.report = report
        self.received: dict[str, bytes] = {}
        self.geometries: dict[str, BaseGeometry] = {}
        self.places = PlaceInterner(self.geometry)
        self.events: dict[str, list[Event]] = {}
        self.fresh: dict[str, tuple[Path, dict[str, Any]]] = {}
        self.keep: dict[str, set[str]] = {"parse": set(), "places": set(), "events": set()}
        self.used: dict[str, str] = {}
        """Article id → the key of the events record the map is drawn from."""
        self.failures: list[str] = []
        """Why each task that raised failed (not the articles that are not articles)."""
        self.succeeded = 0
        """Tasks processed in this build that gave events."""

    # -- cache access that never fails the build --------------------------------
    def _cache_write(self, call: Callable[[], None]) -> None:
        if self.cache is None:
            return
        try:
            call()
        except OSError as exc:
            self.report.warnings.append(f"cache disabled: cannot write {self.cache.root}: {exc}")
            self.cache = None
            self.lookup = False

    def _get(self, stage: str, key: str) -> Any | None:
        if not self.lookup or self.cache is None:
            return None
        return self.cache.get(stage, key)

    def geometry(self, ref: str) -> BaseGeometry:
        """The geometry a record refers to: received from a worker, or from the cache."""
        found = self.geometries.get(ref)
        if found is not None:
            return found
        wkb = self.received.get(ref)
        if wkb is None and self.cache is not None:
            wkb = self.cache.get_geometry(ref)
        if wkb is None:
            raise RecordError(f"geometry {ref[:12]}… is missing")
        geometry = self.geometries[ref] = wkb_geometry(wkb)
        return geometry

    def _refs_available(self, record: Any) -> bool:
        try:
            for ref in geometry_refs(record):
                self.geometry(ref)
        except RecordError:
            return False
        return True

    # -- planning -----------------------------------------------------------------
    def plan(self, sources: list[_Source]) -> list[Task]:
        """Look every article up; return the tasks for what the cache does not have."""
        by_content: dict[str, list[_Source]] = {}
        for source in sources:
            by_content.setdefault(source.content, []).append(source)
        tasks: list[Task] = []
        self.task_sources: list[list[_Source]] = []
        self.task_keys: list[tuple[str, str]] = []
        for content in sorted(by_content, key=lambda c: by_content[c][0].id):
            group = by_content[content]
            parse_key = _key("parse", self.version.parse, content)
            places_key = _key("places", self.version.places, parse_key)
            self.keep["parse"].add(parse_key)
            self.keep["places"].add(places_key)
            missing = []
            for source in group:
                events_key = self.events_key(places_key, source.id)
                self.keep["events"].add(events_key)
                record = self._get("events", events_key)
                if record is not None:
                    try:
                        self.events[source.id] = decode_events(record, places=self.places)
                        self.report.from_cache += 1
                        self.used[source.id] = events_key
                        continue
                    except RecordError as exc:
                        if self.cache is not None:
                            self.cache.stats.rejected.append(f"events {events_key}: {exc}")
                missing.append(source)
            if not missing:
                continue
            parse = self._get("parse", parse_key)
            if isinstance(parse, dict) and isinstance(parse.get("error"), str):
                for source in missing:
                    self.report.failed.append(ArticleError(source.path, parse["error"]))
                continue
            places = self._get("places", places_key)
            if places is not None and not self._refs_available(places):
                places = None
            tasks.append(
                Task(
                    index=len(tasks),
                    article_ids=tuple(s.id for s in missing),
                    kind=missing[0].kind,
                    raw=missing[0].raw,
                    parse=parse if isinstance(parse, dict) else None,
                    places=places if isinstance(places, list) else None,
                )
            )
            self.task_sources.append(missing)
            self.task_keys.append((parse_key, places_key))
        return tasks

    def shared_failure(self) -> str | None:
        """The one reason every task of this build failed for, if they all failed alike.

        That is a fault of the pipeline or its data, not of the articles: at
        least two tasks failed, none gave events, and all for the same reason
        (or the one task failed and nothing else would be on the map). The
        line of code a reason names is left out: a damaged database fails the
        same way in whichever query meets it first.
        Articles that are not articles (undecodable, empty) are not counted.
        """
        causes = {_WHERE.sub("", failure) for failure in self.failures}
        if self.succeeded or len(causes) != 1:
            return None
        if len(self.failures) < 2 and self.events:
            return None
        return causes.pop()

    def events_key(self, places_key: str, article_id: str) -> str:
        """The key of one article id's events."""
        return _key("events", self.version.events, places_key, article_id)

    # -- results ------------------------------------------------------------------
    def take(self, result: TaskResult) -> None:
        """Store one task's records in the cache and keep its events for the map."""
        if result.version != self.version.digest:
            raise EngineError(
                "a worker runs a different pipeline (eventmap, model, gazetteer or layers) "
                "from this machine's; install the same versions on every worker"
            )
        for stage, seconds in result.timings.items():
            self.report.work[stage] = self.report.work.get(stage, 0.0) + seconds
        sources = self.task_sources[result.index]
        parse_key, places_key = self.task_keys[result.index]
        cache = self.cache
        for digest, wkb in result.blobs.items():
            self.received.setdefault(digest, wkb)
            if cache is not None and not cache.has_geometry(digest):
                self._cache_write(lambda d=digest, w=wkb: cache.put_geometry(d, w))  # type: ignore[misc]
        if result.failure is not None:
            self.report.failed.extend(ArticleError(s.path, result.failure) for s in sources)
            self.failures.append(result.failure)
            return
        if result.parse is not None and cache is not None:
            self._cache_write(lambda: cache.put("parse", parse_key, result.parse))
        if result.error is not None:
            self.report.failed.extend(ArticleError(s.path, result.error) for s in sources)
            return
        self.succeeded += 1
        if result.places is not None and cache is not None:
            refs = fresh_geometry_refs(result.places)
            self._cache_write(lambda: cache.put("places", places_key, result.places, refs=refs))
        for source in sources:
            record = result.events[source.id]
            key = self.events_key(places_key, source.id)
            refs = fresh_geometry_refs(record)
            if cache is not None:
                self._cache_write(
                    lambda k=key, r=record, g=refs: cache.put("events", k, r, refs=g)  # type: ignore[misc]
                )
            self.used[source.id] = key
            if refs <= self.geometries.keys() | self.received.keys():
                self._decode(source.id, source.path, record)  # records are bulky: not kept
            else:  # a blob sent with a result still to come (Dask)
                self.fresh[source.id] = (source.path, record)

    def _decode(self, article_id: str, path: Path, record: Any) -> None:
        try:
            self.events[article_id] = decode_events(record, places=self.places)
            self.report.processed += 1
        except RecordError as exc:
            self.report.failed.append(ArticleError(path, f"unusable result: {exc}"))
            self.used.pop(article_id, None)

    def decode_fresh(self) -> None:
        """Decode the new events records that waited for a geometry blob."""
        for article_id, (path, record) in sorted(self.fresh.items()):
            self._decode(article_id, path, record)
        self.fresh.clear()


def build(
    articles_dir: Path,
    out_dir: Path,
    *,
    pipeline: Pipeline | None = None,
    config: PipelineConfig | None = None,
    engine: Engine | None = None,
    cache_dir: Path | None = None,
    use_cache: bool = True,
    fresh: bool = False,
    title: str = "eventmap",
    progress: Progress | None = None,
    on_wait: Callable[[], None] | None = None,
    tiles: str | None = None,
    fragment: bool = False,
    fragment_id: str | None = None,
    exports: Sequence[str] = (),
) -> BuildReport:
    """Build ``index.html`` and ``events.geojson`` in ``out_dir`` from ``articles_dir``.

    Parameters
    ----------
    articles_dir
        The folder of articles, read recursively.
    out_dir
        Where ``index.html`` and ``events.geojson`` go (created if needed).
    pipeline
        A loaded pipeline to process articles with in this process. Without
        it, the pipeline ``config`` describes is loaded, by the engine, and
        only if some article is not in the cache.
    config
        The pipeline settings (default: offline geocoder, bundled layers).
    engine
        Where to run the work (default: :class:`~eventmap.build.engine.LocalEngine`).
    cache_dir
        The build cache (default: :func:`eventmap.build.cache.default_cache_dir`).
    use_cache
        ``False`` builds without reading or writing any cache.
    fresh
        Ignore what the cache holds, process every article, and store the
        new results (``eventmap build --fresh``).
    progress
        Told about the articles being processed (a progress bar).
    title
        The map's title.
    on_wait
        Called when another build holds the output folder and this one waits.
    tiles
        An online basemap from xyzservices to offer over the built-in one.
    fragment
        Also write ``fragment.html``: the map as one ``<div>`` to paste into a page.
    fragment_id
        The fragment's element id; by default one derived from the map and
        ``out_dir``, so fragments of different builds share a page.
    exports
        Extra formats to write beside the GeoJSON: ``gpkg``, ``kml``, ``csv``
        (see :data:`eventmap.exports.formats.EXPORT_FORMATS`).

    Raises
    ------
    FileNotFoundError, NotADirectoryError
        When ``articles_dir`` is missing or not a folder.
    eventmap.build.engine.EngineError
        When the engine cannot run (a pipeline that cannot load, a cluster
        that cannot start, workers killed again and again) or a worker's
        pipeline differs.
    eventmap.build.faults.Fault
        When the output folder cannot be written (read-only, full), or every
        article processed failed for one and the same reason. No output has
        been replaced then.

    Any exception that ends the build carries how far the outputs were
    replaced (:func:`eventmap.build.faults.outputs_progress`).
    """
    started = time.perf_counter()
    articles_dir, out_dir = Path(articles_dir), Path(out_dir)
    config = config or PipelineConfig()
    overrides = load_overrides(articles_dir)  # OverrideError names the file and entry
    if overrides.text:
        config = dataclasses.replace(config, overrides=overrides.text)
    if pipeline is not None:
        pipeline = pipeline.with_overrides(overrides.text)
    progress = progress or NullProgress()
    engine = engine or LocalEngine(pipeline)
    report = BuildReport(engine=engine.name)
    clock = [started]

    def lap(name: str) -> None:
        now = time.perf_counter()
        report.timings[name] = report.timings.get(name, 0.0) + now - clock[0]
        clock[0] = now

    written = ReplaceProgress()
    try:
        _build_into(
            articles_dir,
            out_dir,
            report=report,
            written=written,
            lap=lap,
            pipeline=pipeline,
            config=config,
            engine=engine,
            cache_dir=cache_dir,
            use_cache=use_cache,
            fresh=fresh,
            title=title,
            progress=progress,
            on_wait=on_wait,
            tiles=tiles,
            fragment=fragment,
            fragment_id=fragment_id,
            exports=exports,
        )
    except BaseException as exc:  # say how far the outputs got, for the message
        note_outputs(exc, written)
        raise
    report.seconds = time.perf_counter() - started
    return report


def _build_into(
    articles_dir: Path,
    out_dir: Path,
    *,
    report: BuildReport,
    written: ReplaceProgress,
    lap: Callable[[str], None],
    pipeline: Pipeline | None,
    config: PipelineConfig,
    engine: Engine,
    cache_dir: Path | None,
    use_cache: bool,
    fresh: bool,
    title: str,
    progress: Progress,
    on_wait: Callable[[], None] | None,
    tiles: str | None,
    fragment: bool,
    fragment_id: str | None,
    exports: Sequence[str],
) -> None:
    """The body of :func:`build`, which notes on any exception how far the outputs got."""
    from eventmap.exports.formats import EXPORT_FORMATS, remove_unrequested
    from eventmap.grouping import group_events

    sources, failed, warnings = _read_sources(articles_dir, exclude=(out_dir,))
    report.articles_found = len(sources) + len(failed)
    report.failed.extend(failed)
    report.warnings.extend(warnings)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:  # found now, not after minutes of processing
        raise output_fault(out_dir, exc, written) from exc
    lap("read")

    cache = None
    if use_cache:
        cache = ArticleCache(cache_dir or default_cache_dir(articles_dir))
        try:
            cache.prepare()
        except OSError as exc:
            report.warnings.append(f"cache disabled: cannot write {cache.root}: {exc}")
            cache = None
    report.cache_dir = None if cache is None else cache.root
    report.cache = None if cache is None else cache.stats
    version = pipeline.version if pipeline is not None else config_version(config)
    layers: list[LayerDefinition] = (
        list(pipeline.layers) if pipeline is not None else config.layer_definitions()
    )
    run = _Run(cache=cache, lookup=not fresh, version=version, report=report)
    tasks = run.plan(sources)
    lap("cache lookup")

    if tasks:
        total = sum(len(task.article_ids) for task in tasks)
        progress.start(total, "Processing articles")
        try:
            token = secrets.token_hex(8)
            for result in engine.run(tasks, config=config, token=token, advance=progress.advance):
                run.take(result)
        finally:
            progress.stop()
    run.decode_fresh()
    lap("process")
    shared = run.shared_failure()
    if shared is not None:
        count = sum(1 for error in report.failed if _WHERE.sub("", error.reason) == shared)
        raise Fault(
            f"all {count} articles processed failed for the same reason, which is not theirs: "
            f"{shared}; the build stopped and left the previous map in place (see the reason; "
            "`eventmap build --fresh` after fixing it)"
        )

    events = [event for article_id in sorted(run.events) for event in run.events[article_id]]
    report.articles_read = len(run.events)
    report.failed.sort(key=lambda error: str(error.path))
    groups = group_events(events, layer_defs=layers)
    report.groups = groups
    report.context_layers = frozenset(layer.id for layer in layers if layer.default)
    report.no_place = [
        article_id for article_id in sorted(run.events) if not run.events[article_id]
    ]
    report.events = len(events)
    report.events_per_layer = Counter()
    for layer in layers:
        count = sum(1 for event in events if event.layer == layer.id)
        if count:
            report.events_per_layer[layer.id] = count
    report.places_per_layer = Counter(group.layer for group in groups)
    report.places = len({group.place.gazetteer_id for group in groups})
    # Popups name local articles rather than link them: a link relative to the map
    # breaks as soon as the page is moved or mailed (an article's own URL is linked).
    base_url = None
    extra = [name for name in exports if name != "geojson"]
    render = {
        "tiles": tiles,
        "fragment": fragment,
        "fragment_id": fragment_id,
        "articles": base_url,
        "exports": extra,
    }
    digest = _outputs_digest(run, title=title, render=render)
    names = {GEOJSON_FILE, MAP_FILE} | ({FRAGMENT_FILE} if fragment else set())
    names |= {EXPORT_FORMATS[name].filename for name in extra}
    manifest = None if fresh or run.cache is None else run.cache.get_manifest(_out_name(out_dir))

    def texts() -> dict[str, bytes]:
        """Every output's bytes, in the order they are renamed: the map last."""
        from eventmap.exports.geojson import geojson_text
        from eventmap.map.render import render_fragment, render_html

        found = {GEOJSON_FILE: geojson_text(groups, layer_defs=layers).encode("utf-8")}
        for name in extra:
            export = EXPORT_FORMATS[name]
            found[export.filename] = export.render(groups, layer_defs=layers)
        if fragment:
            found[FRAGMENT_FILE] = render_fragment(
                events,
                layers,
                title=title,
                map_id=fragment_id,
                id_salt=out_dir.resolve().as_posix(),
                article_base_url=base_url,
                tiles=tiles,
            ).encode("utf-8")
        page = render_html(events, layers, title=title, article_base_url=base_url, tiles=tiles)
        found[MAP_FILE] = page.encode("utf-8")
        return found

    def current() -> bool:
        return manifest is not None and _outputs_match(out_dir, manifest, digest, names)

    files: dict[str, bytes] = {}
    try:
        with _output_lock(out_dir, on_wait or (lambda: None)):
            _remove_stale_outputs(out_dir)
            if not current():
                files = texts()
                lap("render")
                replace_together({out_dir / name: data for name, data in files.items()}, written)
                report.outputs.extend(written.replaced)
            # An earlier build's fragment or exports that this one did not ask for
            # must not sit beside the map looking current.
            report.removed = remove_unrequested(out_dir, names)
    except OSError as exc:
        # A folder that cannot be written is no fault when it already holds these outputs.
        if files or written.replaced or not current():
            raise output_fault(out_dir, exc, written) from exc
    if not files:
        report.outputs_reused = True
        report.outputs.extend(out_dir / name for name in sorted(names))
        lap("render")
    if files and run.cache is not None:
        hashes = {name: hashlib.sha256(data).hexdigest() for name, data in files.items()}
        run._cache_write(
            lambda: run.cache.put_manifest(  # type: ignore[union-attr]
                _out_name(out_dir), {"digest": digest, "files": hashes}
            )
        )
    lap("write")

    if run.cache is not None:
        try:
            run.cache.prune(run.keep)
        except OSError as exc:
            report.warnings.append(f"cache not pruned: {exc}")
    lap("prune")
