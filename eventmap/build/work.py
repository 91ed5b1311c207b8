"""The per-article work, as the engines run it: tasks in, records out.

A :class:`Task` is one article's bytes (one task serves every article id
with the same bytes) plus whatever the build cache already holds for it: its
parse, its places. :func:`run_tasks` does only the missing stages and
returns each as a JSON record (:mod:`eventmap.build.records`), which the client
stores in the cache and decodes; so a fresh result and a cached one go
through the same decoding and give the same map, byte for byte.

Tasks and results are plain, picklable values: the local engine calls
:func:`run_tasks` in-process, and Dask workers call :func:`run_chunk`, which
builds the pipeline from its :class:`~eventmap.config.PipelineConfig` once per
worker process (:func:`pipeline_for`) and keeps it: the spaCy model and the
gazetteer load once per worker, not once per article.
"""

from __future__ import annotations

import dataclasses
import gc
import threading
import time
import traceback
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import shapely
from shapely.geometry.base import BaseGeometry

from eventmap.articles import ArticleError, parse_article
from eventmap.build.records import (
    GeometryEncoder,
    RecordError,
    decode_doc,
    decode_resolved,
    encode_doc,
    encode_events,
    encode_resolved,
)
from eventmap.config import PipelineConfig

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from eventmap.pipeline import Pipeline

__all__ = ["Task", "TaskResult", "pipeline_for", "pipeline_loads", "run_chunk", "run_tasks"]

_PLACEHOLDER = shapely.Point()


@dataclass(frozen=True)
class Task:
    """One article's bytes and what the cache already has for them."""

    index: int
    """The client's number for this task."""
    article_ids: tuple[str, ...]
    """Every article id with these bytes; events are made for each."""
    kind: str
    """The reader: ``txt``, ``md`` or ``html`` (see :func:`eventmap.articles.article_format`)."""
    raw: bytes
    parse: dict[str, Any] | None = None
    """The cached parse record, if any (a worker that cannot decode it parses again)."""
    places: list[Any] | None = None
    """The cached places record, if any."""


@dataclass(frozen=True)
class TaskResult:
    """The records a task produced; ``None`` for a stage it did not need to redo."""

    index: int
    version: str
    """The worker pipeline's version digest, checked against the client's."""
    parse: dict[str, Any] | None = None
    places: list[Any] | None = None
    events: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Article id → events record."""
    error: str | None = None
    """Why the bytes are not an article (also in the parse record)."""
    failure: str | None = None
    """Why processing failed (an exception; not cached)."""
    blobs: dict[str, bytes] = field(default_factory=dict)
    """Geometry blobs the records refer to that this worker has not sent yet in this build."""
    timings: dict[str, float] = field(default_factory=dict)
    """Seconds the chunk spent in each stage (on its first result only)."""


# --------------------------------------------------------------------------- per-process state

_lock = threading.Lock()
_run_lock = threading.Lock()
_pipelines: OrderedDict[PipelineConfig, Pipeline] = OrderedDict()
_loads = 0
_sent: OrderedDict[str, set[str]] = OrderedDict()
_MAX_PIPELINES = 2
_MAX_TOKENS = 4


_GC_FIRST_GENERATION = 20_000
"""Allocations between young-generation collections while articles are processed.

Parsing and resolving an article make and drop hundreds of thousands of small
objects; at Python's default (700) the cyclic collector ran some two thousand
times per 300 articles, and its full passes over everything loaded took about
5 % of a build. A larger first threshold makes every generation run less often.
"""


def _settle_collector() -> None:
    """Tune the garbage collector for article processing, once a pipeline is loaded.

    What the pipeline loaded (model, gazetteer index, tables) lives as long as
    the process: it is moved out of the collector's sight (``gc.freeze``) so
    that full collections no longer walk it.
    """
    first, second, third = gc.get_threshold()
    if first < _GC_FIRST_GENERATION:
        gc.set_threshold(_GC_FIRST_GENERATION, second, third)
    gc.freeze()


def pipeline_for(config: PipelineConfig) -> Pipeline:
    """The process's pipeline for ``config``, loaded on first use and then kept."""
    global _loads
    with _lock:
        pipeline = _pipelines.get(config)
        if pipeline is None:
            from eventmap.pipeline import Pipeline

            pipeline = Pipeline.from_config(config)
            _settle_collector()
            _loads += 1
            _pipelines[config] = pipeline
            while len(_pipelines) > _MAX_PIPELINES:
                _pipelines.popitem(last=False)
        else:
            _pipelines.move_to_end(config)
        return pipeline


def pipeline_loads() -> int:
    """How many pipelines this process has loaded (tests check it stays at one)."""
    return _loads


def _unsent(token: str, blobs: dict[str, bytes]) -> dict[str, bytes]:
    """The blobs not yet sent under ``token`` (one build), marking them sent."""
    with _lock:
        sent = _sent.get(token)
        if sent is None:
            sent = _sent[token] = set()
            while len(_sent) > _MAX_TOKENS:
                _sent.popitem(last=False)
        fresh = {k: v for k, v in blobs.items() if k not in sent}
        sent.update(fresh)
        return fresh


# --------------------------------------------------------------------------- the work


def _meta(record: dict[str, Any]) -> dict[str, str | None]:
    meta = record.get("article")
    if not isinstance(meta, dict):
        raise RecordError("parse record has no article metadata")
    out: dict[str, str | None] = {}
    for key in ("title", "date", "source", "url"):
        value = meta.get(key)
        if value is not None and not isinstance(value, str):
            raise RecordError(f"article {key} must be a string")
        out[key] = value
    return out


def _parse_all(
    tasks: Sequence[Task], pipeline: Pipeline, spent: dict[str, float]
) -> dict[int, tuple[Any, ...]]:
    """Parse (or decode the cached parse of) every task.

    Each task's outcome is ``("error", reason)``, ``("failure", reason)`` or
    ``("doc", doc, meta, new_record | None, text)``.
    """
    parsed: dict[int, tuple[Any, ...]] = {}
    pending: list[tuple[Task, dict[str, str | None], str]] = []
    for task in tasks:
        if task.parse is not None:
            try:
                if "error" in task.parse:
                    reason = task.parse["error"]
                    if not isinstance(reason, str):
                        raise RecordError("error must be a string")
                    parsed[task.index] = ("error", reason)
                    continue
                doc_record = task.parse.get("doc")
                if not isinstance(doc_record, dict):
                    raise RecordError("parse record has no doc")
                doc = decode_doc(doc_record, pipeline.nlp.vocab)
                parsed[task.index] = ("doc", doc, _meta(task.parse), None, doc_record["text"])
                continue
            except RecordError:
                pass  # parse the bytes again below
        first = task.article_ids[0]
        try:
            article = parse_article(task.raw, kind=task.kind, path=Path(first), article_id=first)
        except ArticleError as exc:
            parsed[task.index] = ("error", exc.reason)
            continue
        meta = {"title": article.title, "date": article.date, "source": article.source}
        meta["url"] = article.url
        pending.append((task, meta, article.text))
    if pending:
        started = time.perf_counter()
        try:
            docs: list[Doc] = list(pipeline.parse_many([text for _, _, text in pending]))
        except Exception:  # one bad text must not sink its batch: parse one by one
            docs = []
            for task, _, text in pending:
                try:
                    docs.append(pipeline.parse(text))
                except Exception as exc:
                    parsed[task.index] = ("failure", _describe(exc))
                    docs.append(None)  # type: ignore[arg-type]
        spent["spaCy"] += time.perf_counter() - started
        for (task, meta, text), doc in zip(pending, docs, strict=True):
            if doc is not None:
                record = {"article": meta, "doc": encode_doc(doc, text=text)}
                parsed[task.index] = ("doc", doc, meta, record, text)
    return parsed


def _describe(exc: BaseException) -> str:
    where = traceback.extract_tb(exc.__traceback__)[-1:] if exc.__traceback__ else []
    place = f" at {where[0].filename.rsplit('/', 1)[-1]}:{where[0].lineno}" if where else ""
    return f"processing failed: {type(exc).__name__}: {exc}{place}"


def _placeholder(_ref: str) -> BaseGeometry:
    return _PLACEHOLDER


def run_tasks(tasks: Sequence[Task], *, pipeline: Pipeline, token: str) -> list[TaskResult]:
    """Do each task's missing stages; return one result per task, in order.

    ``token`` names the build: a geometry blob is sent once per build and
    worker, not with every article that refers to it.
    """
    from layers.classify import ArticleInfo

    version = pipeline.version.digest
    geometries = GeometryEncoder()
    spent = dict.fromkeys(("spaCy", "places", "events"), 0.0)
    chunk_started = time.perf_counter()
    parsed = _parse_all(tasks, pipeline, spent)
    results: list[TaskResult] = []
    for task in tasks:
        outcome = parsed[task.index]
        if outcome[0] == "error":
            results.append(
                TaskResult(task.index, version, parse={"error": outcome[1]}, error=outcome[1])
            )
            continue
        if outcome[0] == "failure":
            results.append(TaskResult(task.index, version, failure=outcome[1]))
            continue
        _, doc, meta, parse_record, text = outcome
        try:
            places_record = None
            resolved = None
            if task.places is not None and parse_record is None:
                try:
                    resolved, by_id = decode_resolved(task.places, resolve_ref=_placeholder)
                except RecordError:
                    resolved = None
            if resolved is None:
                # Identical texts share one resolution: per-article overrides
                # follow the first of their ids.
                started = time.perf_counter()
                resolved = pipeline.locate(doc, text=text, article=task.article_ids[0])
                spent["places"] += time.perf_counter() - started
                places_record, by_id = encode_resolved(resolved, geometries=geometries)
            events = {}
            for article_id in task.article_ids:
                info = ArticleInfo(
                    id=article_id, title=meta["title"], date=meta["date"], url=meta["url"]
                )
                started = time.perf_counter()
                found = pipeline.classify(doc, resolved, info=info)
                spent["events"] += time.perf_counter() - started
                events[article_id] = encode_events(found, places=by_id)
        except Exception as exc:  # one article must never sink the whole map
            results.append(TaskResult(task.index, version, failure=_describe(exc)))
            continue
        results.append(
            TaskResult(
                task.index,
                version,
                parse=parse_record,
                places=places_record,
                events=events,
            )
        )
    blobs = _unsent(token, geometries.blobs)
    if results:
        spent["other"] = time.perf_counter() - chunk_started - sum(spent.values())
        results[0] = dataclasses.replace(results[0], blobs=blobs, timings=spent)
    return results


def run_chunk(tasks: Sequence[Task], *, config: PipelineConfig, token: str) -> list[TaskResult]:
    """:func:`run_tasks` with this process's pipeline for ``config`` (the Dask entry point).

    Chunks run one at a time per process: a worker started with several
    threads gains nothing from them (spaCy holds the GIL) but stays correct.
    """
    pipeline = pipeline_for(config)
    with _run_lock:
        return run_tasks(tasks, pipeline=pipeline, token=token)
