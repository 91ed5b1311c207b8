"""Where the per-article work runs: in this process, or on Dask.

Both engines do one thing, behind one small interface: run a list of
:class:`~eventmap.build.work.Task` values through :func:`eventmap.build.work.run_tasks`
in chunks and yield the results as they finish, calling ``advance`` with the
number of articles each finished chunk held.

* :class:`LocalEngine` runs the chunks one after the other in this process.
* :class:`DaskEngine` maps them over a Dask cluster: a
  ``distributed.LocalCluster`` of N single-threaded worker processes on
  loopback (``--workers N``), or an existing scheduler (``--scheduler
  ADDRESS``). Workers receive the article bytes with each task, so they need
  eventmap and its model installed but no access to the articles folder;
  each worker builds its pipeline once (:func:`eventmap.build.work.pipeline_for`).

Results come back in any order; the build sorts them, so the engine never
changes the output.
"""

from __future__ import annotations

import contextlib
import logging
import math
from collections.abc import Callable, Iterator, Sequence
from types import TracebackType
from typing import TYPE_CHECKING, Any, Protocol

from eventmap.build.work import Task, TaskResult, pipeline_for, run_chunk, run_tasks
from eventmap.config import PipelineConfig

if TYPE_CHECKING:
    from eventmap.pipeline import Pipeline

__all__ = ["DaskEngine", "Engine", "EngineError", "LocalEngine", "chunked"]

#: Articles per chunk: one ``nlp.pipe`` batch, one Dask task.
MAX_CHUNK = 32


class EngineError(RuntimeError):
    """The engine cannot run; the build stops with exit 2.

    No scheduler at the address, a local cluster that does not start, workers
    that differ or keep dying, or a pipeline that cannot load. The message
    names the service and what to do.
    """


class Engine(Protocol):
    """Runs tasks somewhere and yields their results as they finish."""

    @property
    def name(self) -> str:
        """A short description for the build summary."""
        ...

    def run(
        self,
        tasks: Sequence[Task],
        *,
        config: PipelineConfig,
        token: str,
        advance: Callable[[int], None],
    ) -> Iterator[TaskResult]:
        """Yield one result per task, in any order."""
        ...

    def close(self) -> None:
        """Release processes and connections."""
        ...


def chunked(tasks: Sequence[Task], *, workers: int = 1) -> list[list[Task]]:
    """Split tasks into contiguous chunks: at most :data:`MAX_CHUNK`, and four per worker."""
    if not tasks:
        return []
    size = max(1, min(MAX_CHUNK, math.ceil(len(tasks) / (4 * max(1, workers)))))
    return [list(tasks[i : i + size]) for i in range(0, len(tasks), size)]


def _articles(chunk: Sequence[Task]) -> int:
    return sum(len(task.article_ids) for task in chunk)


class LocalEngine:
    """Run the work in this process.

    ``pipeline`` is a loaded pipeline to use for every configuration;
    otherwise ``factory`` makes one from the configuration (by default
    :func:`eventmap.build.work.pipeline_for`, which keeps one pipeline per
    configuration for the life of the process).
    """

    name = "local (1 process)"

    def __init__(
        self,
        pipeline: Pipeline | None = None,
        *,
        factory: Callable[[PipelineConfig], Pipeline] | None = None,
    ) -> None:
        self._pipeline = pipeline
        self._factory = factory or pipeline_for

    def _resolve(self, config: PipelineConfig) -> Pipeline:
        return self._pipeline if self._pipeline is not None else self._factory(config)

    def run(
        self,
        tasks: Sequence[Task],
        *,
        config: PipelineConfig,
        token: str,
        advance: Callable[[int], None],
    ) -> Iterator[TaskResult]:
        """Run the chunks in order, here."""
        if not tasks:
            return
        try:
            pipeline = self._resolve(config)
        except Exception as exc:  # the model, the gazetteer or the layers cannot load
            raise EngineError(f"cannot load the pipeline: {exc}") from exc
        for chunk in chunked(tasks):
            yield from run_tasks(chunk, pipeline=pipeline, token=token)
            advance(_articles(chunk))

    def close(self) -> None:
        """Nothing to release: the pipeline stays loaded for the next build."""

    def __enter__(self) -> LocalEngine:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


class DaskEngine:
    """Run the work on Dask: N local worker processes, or a scheduler's cluster.

    The cluster is started (or connected to) on the first :meth:`run` that
    has work, so a build whose every article is cached never starts one.
    """

    def __init__(
        self,
        *,
        workers: int | None = None,
        address: str | None = None,
        client: Any = None,
        timeout: float = 30.0,
    ) -> None:
        if client is None and (workers is None) == (address is None):
            raise ValueError("give exactly one of workers and address")
        if workers is not None and workers < 1:
            raise ValueError("workers must be at least 1")
        self._workers = workers
        self._address = address
        self._client = client
        self._owns_client = client is None
        self._cluster: Any = None
        self._timeout = timeout

    @property
    def name(self) -> str:
        """Which cluster, for the build summary."""
        if self._workers is not None:
            return f"dask ({self._workers} local worker processes)"
        return f"dask (scheduler {self._address or 'given client'})"

    def client(self) -> Any:
        """The ``distributed.Client``, connecting or starting the cluster first if needed."""
        if self._client is not None:
            return self._client
        try:
            from distributed import Client, LocalCluster
        except ImportError as exc:  # pragma: no cover - a declared dependency
            raise EngineError("the Dask engine needs: pip install 'dask[distributed]'") from exc
        try:
            if self._workers is not None:
                self._cluster = LocalCluster(
                    n_workers=self._workers,
                    threads_per_worker=1,
                    processes=True,
                    host="127.0.0.1",
                    dashboard_address=None,
                    silence_logs=logging.ERROR,
                )
                self._client = Client(self._cluster, timeout=self._timeout)
            else:
                self._client = Client(self._address, timeout=self._timeout)
        except Exception as exc:  # OSError, TimeoutError, RuntimeError from the nanny ...
            with contextlib.suppress(Exception):
                self.close()
            raise EngineError(self._unreachable(exc)) from exc
        return self._client

    def _unreachable(self, exc: BaseException) -> str:
        """Why the cluster cannot be used, and what to do, in one line."""
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        if self._workers is not None:
            return (
                f"cannot start a local Dask cluster of {self._workers} worker processes: "
                f"{reason}; try fewer --workers, or build without --workers"
            )
        return (
            f"cannot reach the Dask scheduler {self._address}: {reason}; "
            "check that it runs and the address, or build without --scheduler"
        )

    def _worker_count(self, client: Any) -> int:
        try:
            return max(1, len(client.scheduler_info(n_workers=-1).get("workers", {})))
        except Exception:
            return self._workers or 1

    def run(
        self,
        tasks: Sequence[Task],
        *,
        config: PipelineConfig,
        token: str,
        advance: Callable[[int], None],
    ) -> Iterator[TaskResult]:
        """Submit the chunks and yield their results in the order they finish."""
        if not tasks:
            return
        from distributed import as_completed

        client = self.client()
        chunks = chunked(tasks, workers=self._worker_count(client))
        sizes = {}
        futures = []
        for number, chunk in enumerate(chunks):
            future = client.submit(
                run_chunk,
                chunk,
                config=config,
                token=token,
                key=f"eventmap-{token}-{number}",
                pure=False,
            )
            sizes[future.key] = _articles(chunk)
            futures.append(future)
        try:
            for future in as_completed(futures):
                results = self._result(future)
                advance(sizes[future.key])
                future.release()
                yield from results
        finally:  # interrupted, or a worker failed: withdraw what has not run
            for future in futures:
                if not future.done():
                    future.cancel()

    def _result(self, future: Any) -> list[TaskResult]:
        """A chunk's results; a chunk that could not run is an :class:`EngineError`."""
        from distributed import KilledWorker

        try:
            results: list[TaskResult] = future.result()
        except KilledWorker as exc:
            tries = getattr(exc, "allowed_failures", None)
            times = f"{tries + 1} times" if isinstance(tries, int) else "again and again"
            raise EngineError(
                f"Dask workers were killed {times} while processing the same articles; "
                "they may be running out of memory: try fewer --workers, workers with "
                "more memory, or build without --workers"
            ) from exc
        except (EngineError, KeyboardInterrupt, SystemExit):
            raise
        except Exception as exc:  # per-article failures come back as results, not here
            reason = str(exc).splitlines()[0] if str(exc) else ""
            raise EngineError(
                f"a Dask worker could not process articles: {type(exc).__name__}: {reason}; "
                "check that every worker has the same eventmap, model and data"
            ) from exc
        return results

    def close(self) -> None:
        """Close the client, and the local cluster if this engine started it."""
        if self._owns_client and self._client is not None:
            self._client.close()
        self._client = None if self._owns_client else self._client
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None

    def __enter__(self) -> DaskEngine:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
