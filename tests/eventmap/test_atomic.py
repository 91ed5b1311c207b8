"""Tests for eventmap.atomic: the old file survives any failure, no temp files remain."""

from __future__ import annotations

import errno
import os
import signal
import stat
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from eventmap import atomic
from eventmap.atomic import (
    ReplaceProgress,
    replace_together,
    write_bytes_atomic,
    write_text_atomic,
)


def listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.mark.parametrize(
    ("text", "encoding", "expected"),
    [
        pytest.param("plain\n", "utf-8", b"plain\n", id="ascii"),
        pytest.param(
            "Caf\u00e9 \u2013 \u0644\u0627\u0630\u0642\u064a\u0629\n",
            "utf-8",
            "Caf\u00e9 \u2013 \u0644\u0627\u0630\u0642\u064a\u0629\n".encode(),
            id="utf-8",
        ),
        pytest.param("a\r\nb\n", "utf-8", b"a\r\nb\n", id="line-endings-as-given"),
        pytest.param("Caf\u00e9", "latin-1", b"Caf\xe9", id="latin-1"),
        pytest.param("", "utf-8", b"", id="empty"),
    ],
)
def test_write_text(tmp_path: Path, text: str, encoding: str, expected: bytes) -> None:
    target = tmp_path / "out.txt"
    write_text_atomic(target, text, encoding=encoding)
    assert target.read_bytes() == expected
    assert listing(tmp_path) == ["out.txt"]


@pytest.mark.parametrize("data", [b"", b"\x00\x01binary\xff", b"x" * 1_000_000])
def test_write_bytes_replaces_previous(tmp_path: Path, data: bytes) -> None:
    target = tmp_path / "out.bin"
    target.write_bytes(b"old")
    write_bytes_atomic(target, data)
    assert target.read_bytes() == data
    assert listing(tmp_path) == ["out.bin"]


def test_creates_parent_folders(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b" / "c" / "events.geojson"
    write_text_atomic(target, "{}")
    assert target.read_text() == "{}"
    assert listing(target.parent) == ["events.geojson"]


def test_encoding_error_leaves_previous_file(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("previous")
    with pytest.raises(UnicodeEncodeError):
        write_text_atomic(target, "Caf\u00e9 \u2603", encoding="ascii")
    assert target.read_text() == "previous"
    assert listing(tmp_path) == ["out.txt"]


def _raise_os_error(*args: object, **kwargs: object) -> None:
    raise OSError("simulated disk failure")


def _raise_interrupt(*args: object, **kwargs: object) -> None:
    raise KeyboardInterrupt


@pytest.mark.parametrize(
    ("where", "failure", "exc_type"),
    [
        pytest.param("replace", _raise_os_error, OSError, id="replace-fails"),
        pytest.param("fsync", _raise_os_error, OSError, id="fsync-fails"),
        pytest.param("replace", _raise_interrupt, KeyboardInterrupt, id="interrupted"),
    ],
)
@pytest.mark.parametrize("existing", [True, False], ids=["existing", "new"])
def test_failure_midway_keeps_previous_and_cleans_up(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    where: str,
    failure: Callable[..., None],
    exc_type: type[BaseException],
    existing: bool,
) -> None:
    target = tmp_path / "index.html"
    if existing:
        target.write_text("previous")
    seen: list[str] = []
    real_open = os.open

    def spy_open(path: str | os.PathLike[str], flags: int, mode: int = 0o777) -> int:
        seen.append(Path(path).name)
        return real_open(path, flags, mode)

    monkeypatch.setattr(os, "open", spy_open)
    monkeypatch.setattr(os, where, failure)
    with pytest.raises(exc_type):
        write_text_atomic(target, "new content")
    assert seen and seen[0].startswith(".index.html.") and seen[0].endswith(".tmp")
    if existing:
        assert target.read_text() == "previous"
        assert listing(tmp_path) == ["index.html"]
    else:
        assert listing(tmp_path) == []


def test_write_failure_inside_file_cleans_up(tmp_path: Path) -> None:
    target = tmp_path / "out.bin"
    target.write_bytes(b"previous")

    # A value that cannot be written fails inside the temp file, after it exists.
    with pytest.raises(TypeError):
        write_bytes_atomic(target, "not bytes")  # type: ignore[arg-type]
    assert target.read_bytes() == b"previous"
    assert listing(tmp_path) == ["out.bin"]


def test_target_is_a_directory(tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    with pytest.raises(OSError):
        write_text_atomic(tmp_path / "out", "x")
    assert listing(tmp_path) == ["out"]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")
def test_existing_permissions_kept(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old")
    target.chmod(0o640)
    write_text_atomic(target, "new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert target.read_text() == "new"


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")
def test_new_file_follows_umask(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        write_text_atomic(tmp_path / "new.txt", "x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.txt").stat().st_mode) == 0o644


def test_long_file_name(tmp_path: Path) -> None:
    target = tmp_path / ("n" * 240 + ".txt")
    write_text_atomic(target, "x")
    assert target.read_text() == "x"
    assert listing(tmp_path) == [target.name]


# -- a set of files replaced together ----------------------------------------------------------


def _previous_set(folder: Path) -> dict[Path, bytes]:
    old = {folder / "events.geojson": b"old geojson", folder / "index.html": b"old map"}
    for path, data in old.items():
        path.write_bytes(data)
    return old


def _new_set(folder: Path) -> dict[Path, bytes]:
    return {
        folder / "events.geojson": b"new geojson",
        folder / "events.csv": b"new csv",
        folder / "index.html": b"new map",
    }


def test_a_set_is_replaced_whole(tmp_path: Path) -> None:
    _previous_set(tmp_path)
    progress = ReplaceProgress()
    replace_together(_new_set(tmp_path), progress)
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == {
        p.name: d for p, d in _new_set(tmp_path).items()
    }
    assert progress.replaced == list(_new_set(tmp_path)) and progress.untouched == []
    assert progress.describe() == "the new outputs were all written"


@pytest.mark.parametrize(
    ("fault", "failing_call"),
    [(errno.ENOSPC, 2), (errno.ENOSPC, 3), (errno.EACCES, 1), (errno.EROFS, 1)],
)
def test_a_disk_that_fills_or_refuses_while_staging_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fault: int, failing_call: int
) -> None:
    old = _previous_set(tmp_path)
    real = atomic._create_temp
    calls = []

    def create(directory: Path, name: str) -> tuple[Path, int]:
        calls.append(name)
        if len(calls) == failing_call:
            raise OSError(fault, os.strerror(fault), str(directory / name))
        return real(directory, name)

    monkeypatch.setattr(atomic, "_create_temp", create)
    progress = ReplaceProgress()
    with pytest.raises(OSError) as raised:
        replace_together(_new_set(tmp_path), progress)
    assert raised.value.errno == fault
    assert {p: p.read_bytes() for p in tmp_path.iterdir()} == old  # no temporary file either
    assert progress.describe() == "the previous outputs are unchanged"


def test_a_rename_that_fails_says_which_files_are_new(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _previous_set(tmp_path)
    real = os.replace

    def replace(src: object, dst: object) -> None:
        if Path(str(dst)).name == "events.csv":
            raise OSError(errno.EIO, "Input/output error")
        real(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "replace", replace)
    progress = ReplaceProgress()
    with pytest.raises(OSError):
        replace_together(_new_set(tmp_path), progress)
    assert (tmp_path / "events.geojson").read_bytes() == b"new geojson"
    assert (tmp_path / "index.html").read_bytes() == b"old map"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["events.geojson", "index.html"]
    assert progress.describe() == (
        "only some outputs were replaced: new events.geojson; "
        "still the previous build's events.csv, index.html"
    )


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_ctrl_c_during_the_renames_waits_until_the_set_is_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _previous_set(tmp_path)
    real = os.replace
    renamed: list[str] = []

    def replace(src: object, dst: object) -> None:
        if not renamed:
            os.kill(os.getpid(), signal.SIGINT)  # Ctrl-C right between two renames
        real(src, dst)  # type: ignore[arg-type]
        renamed.append(Path(str(dst)).name)

    monkeypatch.setattr(os, "replace", replace)
    progress = ReplaceProgress()
    with pytest.raises(KeyboardInterrupt):
        replace_together(_new_set(tmp_path), progress)
    assert renamed == ["events.geojson", "events.csv", "index.html"]
    assert (tmp_path / "index.html").read_bytes() == b"new map"
    assert progress.describe() == "the new outputs were all written"
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
