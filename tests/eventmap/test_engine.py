"""Engines: the local one, and Dask on a LocalCluster of two processes on loopback."""

from __future__ import annotations

import pytest

from eventmap.build.engine import DaskEngine, EngineError, LocalEngine, chunked
from eventmap.build.run import build
from eventmap.build.work import Task, pipeline_loads
from eventmap.config import PipelineConfig
from eventmap.pipeline import Pipeline


def _tasks(n: int) -> list[Task]:
    return [Task(index=i, article_ids=(f"{i}.txt",), kind="txt", raw=b"x") for i in range(n)]


@pytest.mark.parametrize(
    ("n", "workers", "sizes"),
    [
        (0, 1, []),
        (1, 4, [1]),
        (10, 1, [3, 3, 3, 1]),
        (8, 2, [1] * 8),
        (1000, 2, [32] * 31 + [8]),
    ],
)
def test_chunks_are_contiguous_and_bounded(n, workers, sizes):
    chunks = chunked(_tasks(n), workers=workers)
    assert [len(c) for c in chunks] == sizes
    assert [t.index for c in chunks for t in c] == list(range(n))


def test_a_worker_with_another_pipeline_is_refused(gazetteer, corpus, tmp_path):
    other = Pipeline(gazetteer=gazetteer, geocoder_identity="something else")
    with pytest.raises(EngineError, match="different pipeline"):
        build(corpus, tmp_path / "out", config=PipelineConfig(), engine=LocalEngine(other))


def test_an_unreachable_scheduler_is_an_engine_error():
    engine = DaskEngine(address="tcp://127.0.0.1:1", timeout=1)
    with pytest.raises(EngineError, match=r"127\.0\.0\.1:1"):
        engine.client()


@pytest.mark.parametrize("kwargs", [{}, {"workers": 1, "address": "tcp://x:1"}, {"workers": 0}])
def test_dask_engine_arguments_are_checked(kwargs):
    with pytest.raises(ValueError):
        DaskEngine(**kwargs)


@pytest.mark.slow
def test_the_local_cluster_build_equals_the_local_build(
    corpus, tmp_path, dask_engine, kit, reference
):
    report = build(corpus, tmp_path / "dask", engine=dask_engine, use_cache=False)
    assert not report.failed and report.processed == 4
    assert kit.outputs(tmp_path / "dask") == reference
    client = dask_engine.client()
    hosts = {w["host"] for w in client.scheduler_info()["workers"].values()}
    assert hosts == {"127.0.0.1"}


@pytest.mark.slow
@pytest.mark.usefixtures("quick_render")
def test_the_dask_engine_fills_and_reads_the_cache(pipeline, corpus, tmp_path, dask_engine, kit):
    first = build(corpus, tmp_path / "a", engine=dask_engine)
    assert first.processed == 4 and not first.failed
    second = build(corpus, tmp_path / "b", pipeline=pipeline)
    assert second.from_cache == 4 and second.processed == 0
    assert kit.outputs(tmp_path / "a") == kit.outputs(tmp_path / "b")
    # The model and gazetteer load once per worker, not per article or per build.
    build(corpus, tmp_path / "c", engine=dask_engine, fresh=True)
    loads = dask_engine.client().run(pipeline_loads)
    assert len(loads) == 2 and set(loads.values()) <= {0, 1} and sum(loads.values()) >= 1
