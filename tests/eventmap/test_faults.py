"""Faults around the articles: one line, exit 2, and the previous outputs untouched.

Every test builds a good map first, changes the articles so that a new build
would write different outputs, then makes the environment fail (an output or
data folder that cannot be written, a pipeline that cannot load, Dask
workers that die, every article failing alike) and checks that the command
says so in one line naming the path or service, exits 2, and leaves every
previous output byte for byte. Folders are temporary; root ignores
permission bits, so "read-only" and "full" are simulated at the system call.
"""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path
from types import SimpleNamespace

import pytest

from eventmap import atomic
from eventmap.build.engine import DaskEngine, EngineError
from eventmap.build.faults import Fault
from eventmap.build.run import LOCK_FILE, build
from eventmap.cli import main

pytestmark = pytest.mark.usefixtures("quick_render")

EXPORTS = "csv,kml,gpkg"


def _folder(out: Path) -> dict[str, bytes]:
    """Every file in the output folder, by name: the outputs, temporary files, the lock."""
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())}


@pytest.fixture
def previous(pipeline, corpus, tmp_path, kit, monkeypatch):
    """A good map with exports in ``out``, then one more article and a warm cache for it.

    Returns (articles, out, cache, files of the previous build). The data
    folder is a temporary one (the real index is already open in this process).
    """
    monkeypatch.setenv("EVENTMAP_DATA_DIR", str(tmp_path / "data"))
    out, cache = tmp_path / "maps", tmp_path / "cache"
    build(corpus, out, pipeline=pipeline, cache_dir=cache, exports=EXPORTS.split(","))
    files = _folder(out)
    assert set(files) == {"index.html", "events.geojson", "events.csv", "events.kml", "events.gpkg"}
    kit.write(corpus, dict([kit.extra]))
    build(corpus, tmp_path / "elsewhere", pipeline=pipeline, cache_dir=cache)
    return corpus, out, cache, files


def _cli(capsys, articles: Path, out: Path, cache: Path, *extra: str) -> tuple[int, str]:
    argv = ["build", str(articles), "--out", str(out), "--cache-dir", str(cache), "-q"]
    code = main([*argv, "--export", EXPORTS, *extra])
    return code, capsys.readouterr().err


def _one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in err, err
    assert lines[0].startswith("eventmap: error: ")
    return lines[0]


@pytest.mark.parametrize(
    ("fault", "nth", "advice"),
    [
        pytest.param(errno.EACCES, 1, "make it writable", id="read-only"),
        pytest.param(errno.EROFS, 1, "make it writable", id="read-only-file-system"),
        pytest.param(errno.ENOSPC, 1, "free some space", id="full"),
        pytest.param(errno.ENOSPC, 3, "free some space", id="fills-on-the-third-file"),
    ],
)
def test_an_output_folder_that_cannot_be_written(previous, capsys, monkeypatch, fault, nth, advice):
    articles, out, cache, files = previous
    real = atomic._create_temp
    calls: list[str] = []

    def create(directory: Path, name: str) -> tuple[Path, int]:
        calls.append(name)
        if len(calls) >= nth:
            raise OSError(fault, f"[fake] {errno.errorcode[fault]}", str(directory / name))
        return real(directory, name)

    monkeypatch.setattr(atomic, "_create_temp", create)
    code, err = _cli(capsys, articles, out, cache)
    line = _one_line(err)
    assert code == 2
    assert f"cannot write the outputs to {out}" in line and advice in line
    assert "the previous outputs are unchanged" in line
    assert _folder(out) == files  # no new file, no temporary file, no lock file


def test_an_output_folder_that_cannot_be_created_is_named_before_any_work(
    previous, capsys, tmp_path
):
    articles, _out, cache, _files = previous
    blocker = tmp_path / "a-file"
    blocker.write_text("where the output folder's parent should be")
    code, err = _cli(capsys, articles, blocker / "maps", cache, "--fresh")
    line = _one_line(err)
    assert code == 2 and f"cannot write the outputs to {blocker / 'maps'}" in line


@pytest.mark.parametrize("fault", ["read-only", "full"])
def test_a_data_folder_that_cannot_hold_the_gazetteer(
    previous, capsys, monkeypatch, tmp_path, fault
):
    """The index has to be built (a new data folder) and cannot be: a one-line fault."""
    from collections import OrderedDict

    import eventmap.build.work
    import geo.gazetteer

    articles, out, cache, files = previous
    monkeypatch.setattr(eventmap.build.work, "_pipelines", OrderedDict())  # none loaded yet
    if fault == "read-only":
        blocker = tmp_path / "a-file"
        blocker.write_text("where the data folder's parent should be")
        data = blocker / "data"
    else:
        data = tmp_path / "empty-data"

        def full(*_args: object) -> None:
            raise sqlite3.OperationalError("database or disk is full")

        monkeypatch.setattr(geo.gazetteer, "_fill", full)
    monkeypatch.setenv("EVENTMAP_DATA_DIR", str(data))
    code, err = _cli(capsys, articles, out, cache, "--fresh")
    line = _one_line(err)
    assert code == 2
    assert f"cannot build the gazetteer index in {data}" in line
    assert "EVENTMAP_DATA_DIR" in line
    assert _folder(out) == files


def test_every_article_failing_alike_keeps_the_previous_map_even_with_fresh(
    previous, pipeline, monkeypatch
):
    """A broken gazetteer fails every article the same way: a fault, not an empty map."""
    articles, out, cache, files = previous

    def broken(*_args: object, **_kwargs: object) -> None:
        raise sqlite3.DatabaseError("database disk image is malformed")

    monkeypatch.setattr(pipeline, "locate", broken)
    with pytest.raises(Fault, match="all 5 articles processed failed for the same reason") as err:
        build(articles, out, pipeline=pipeline, cache_dir=cache, fresh=True, exports=["csv"])
    assert "DatabaseError: database disk image is malformed;" in str(err.value)
    assert "left the previous map in place" in str(err.value)
    assert _folder(out) == files


def test_the_same_fault_met_in_different_lines_of_code_is_one_cause(
    previous, pipeline, monkeypatch
):
    """A damaged index fails whichever query meets it first: still one shared cause."""
    articles, out, cache, files = previous
    calls = []

    def first_place(*_args: object, **_kwargs: object) -> None:
        raise sqlite3.DatabaseError("database disk image is malformed")

    def second_place(*_args: object, **_kwargs: object) -> None:
        raise sqlite3.DatabaseError("database disk image is malformed")

    def broken(*args: object, **kwargs: object) -> None:
        calls.append(1)
        (first_place if len(calls) % 2 else second_place)(*args, **kwargs)

    monkeypatch.setattr(pipeline, "locate", broken)
    with pytest.raises(Fault, match="malformed"):
        build(articles, out, pipeline=pipeline, cache_dir=cache, fresh=True)
    assert len(calls) == 5
    assert _folder(out) == files


def test_one_article_failing_is_still_a_skip(previous, pipeline, monkeypatch):
    """The shared-cause rule never stops a build for one bad article among good ones."""
    articles, out, cache, _files = previous
    real = pipeline.locate

    def picky(doc, *, text, article):
        if "Kharkiv" in text:
            raise ValueError("this article only")
        return real(doc, text=text, article=article)

    monkeypatch.setattr(pipeline, "locate", picky)
    report = build(articles, out, pipeline=pipeline, cache_dir=cache, fresh=True)
    assert [e.path.name for e in report.failed] == ["strike.txt"]
    assert report.articles_read == 4


def test_articles_failing_for_different_reasons_are_skips(previous, pipeline, monkeypatch):
    articles, out, cache, _files = previous

    def varied(doc, *, text, article):
        raise ValueError(f"nothing in {article}")

    monkeypatch.setattr(pipeline, "locate", varied)
    report = build(articles, out, pipeline=pipeline, cache_dir=cache, fresh=True)
    assert len(report.failed) == 5 and report.articles_read == 0


class _Future:
    """A Dask future whose task raises ``error``."""

    def __init__(self, key: str, error: BaseException) -> None:
        self.key, self.error = key, error

    def result(self) -> object:
        raise self.error

    def done(self) -> bool:
        return True

    def cancel(self) -> None:
        """Nothing to cancel."""

    def release(self) -> None:
        """Nothing to release."""


class _Client:
    """A Dask client whose every task ends with ``error``."""

    def __init__(self, error: BaseException) -> None:
        self.error = error

    def scheduler_info(self, **_kwargs: object) -> dict[str, object]:
        return {"workers": {"tcp://127.0.0.1:1": {}}}

    def submit(self, *_args: object, key: str, **_kwargs: object) -> _Future:
        return _Future(key, self.error)


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        pytest.param(None, "Dask workers were killed 4 times", id="killed-worker"),
        pytest.param(
            ModuleNotFoundError("No module named 'eventmap'"),
            "a Dask worker could not process articles: ModuleNotFoundError",
            id="worker-without-eventmap",
        ),
    ],
)
def test_dask_workers_that_keep_failing_are_a_fault(previous, monkeypatch, error, expected):
    distributed = pytest.importorskip("distributed")
    articles, out, cache, files = previous
    if error is None:
        worker = SimpleNamespace(address="tcp://127.0.0.1:1")
        error = distributed.KilledWorker("eventmap-1", worker, 3)
    monkeypatch.setattr(distributed, "as_completed", iter)
    engine = DaskEngine(client=_Client(error))
    with pytest.raises(EngineError, match=expected):
        build(articles, out, engine=engine, cache_dir=cache, fresh=True)
    assert _folder(out) == files


def test_a_local_cluster_that_cannot_start(previous, capsys, monkeypatch):
    distributed = pytest.importorskip("distributed")
    articles, out, cache, files = previous

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("Cluster failed to start: no free ports\nmore detail")

    monkeypatch.setattr(distributed, "LocalCluster", refuse)
    code, err = _cli(capsys, articles, out, cache, "--fresh", "--workers", "2")
    line = _one_line(err)
    assert code == 2
    assert "cannot start a local Dask cluster of 2 worker processes" in line
    assert "Cluster failed to start: no free ports; try fewer --workers" in line
    assert _folder(out) == files


def test_every_output_is_replaced_in_one_set_under_the_lock(previous, pipeline, monkeypatch):
    import eventmap.build.run as build_module

    articles, out, cache, _files = previous
    sets: list[tuple[list[str], bool]] = []
    real = build_module.replace_together

    def spy(files, progress=None):
        sets.append(([p.name for p in files], (out / LOCK_FILE).exists()))
        real(files, progress)

    monkeypatch.setattr(build_module, "replace_together", spy)
    report = build(
        articles, out, pipeline=pipeline, cache_dir=cache, fragment=True, exports=EXPORTS.split(",")
    )
    ((names, locked),) = sets
    assert locked
    assert names[-1] == "index.html"
    assert set(names) == {
        "events.geojson",
        "events.csv",
        "events.kml",
        "events.gpkg",
        "fragment.html",
        "index.html",
    }
    assert sorted(p.name for p in report.outputs) == sorted(names)
    assert not (out / LOCK_FILE).exists()  # removed when the build ended
    again = build(
        articles, out, pipeline=pipeline, cache_dir=cache, fragment=True, exports=EXPORTS.split(",")
    )
    assert again.outputs_reused and len(sets) == 1  # exports are part of the unchanged set
    assert not (out / LOCK_FILE).exists()


def test_the_lock_excludes_a_second_build_and_leaves_no_file(tmp_path):
    import threading

    from eventmap.build.run import _output_lock

    steps: list[str] = []
    inside, release = threading.Event(), threading.Event()

    def first() -> None:
        with _output_lock(tmp_path, lambda: steps.append("first waits")):
            steps.append("first in")
            inside.set()
            release.wait(10)
            steps.append("first out")

    def second() -> None:
        inside.wait(10)
        with _output_lock(tmp_path, lambda: steps.append("second waits")):
            steps.append("second in")
            assert (tmp_path / LOCK_FILE).exists()  # the file it holds is the one there

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for _ in range(200):
        if "second waits" in steps:
            break
        threading.Event().wait(0.05)
    release.set()
    for thread in threads:
        thread.join(10)
    assert steps == ["first in", "second waits", "first out", "second in"]
    assert not (tmp_path / LOCK_FILE).exists()


def test_a_read_only_folder_that_holds_the_current_outputs_is_no_fault(
    pipeline, corpus, tmp_path, monkeypatch
):
    import eventmap.build.run as build_module

    out, cache = tmp_path / "maps", tmp_path / "cache"
    build(corpus, out, pipeline=pipeline, cache_dir=cache)
    files = _folder(out)

    def read_only(out_dir: Path, wait: object) -> None:
        raise OSError(errno.EROFS, "Read-only file system", str(out_dir / LOCK_FILE))

    monkeypatch.setattr(build_module, "_output_lock", read_only)
    report = build(corpus, out, pipeline=pipeline, cache_dir=cache)
    assert report.outputs_reused and _folder(out) == files
    (corpus / "new.txt").write_text("Ferry news\n\nThe ferry left Helsinki on Monday.\n")
    with pytest.raises(Fault, match="Read-only file system; make it writable"):
        build(corpus, out, pipeline=pipeline, cache_dir=cache)
    assert _folder(out) == files


def test_geoparse_into_a_folder_that_cannot_be_written(tmp_path, capsys):
    import json

    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"doc_id": "d1", "text": "Talks were held in Vienna."}) + "\n")
    blocker = tmp_path / "a-file"
    blocker.write_text("where the output folder should be")
    code = main(["geoparse", str(source), "-o", str(blocker / "out.jsonl")])
    line = _one_line(capsys.readouterr().err)
    assert code == 2 and str(blocker) in line
