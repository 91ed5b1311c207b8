"""Write output files atomically: readers see the old file or the new one, never half.

The data goes to a hidden temporary file in the target's own folder (so the
final rename never crosses file systems), is flushed and fsynced, and then
``os.replace`` swaps it in. If anything fails on the way, including an
interrupt, the temporary file is removed and the previous file is untouched.

:func:`replace_together` does this for a set of files, the outputs of one
build: every file is written and fsynced under its temporary name first (a
full disk or a read-only folder fails here, before anything is replaced),
then all are renamed in one short burst during which Ctrl-C and SIGTERM are
held back (in the main thread) and delivered when the set is whole. Only a
SIGKILL or a crash inside that burst can leave part of a set; the caller
then learns from :class:`ReplaceProgress` which files are new.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import signal
import stat
import threading
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import Any

__all__ = ["ReplaceProgress", "replace_together", "write_bytes_atomic", "write_text_atomic"]

_TEMP_ATTEMPTS = 100
_MAX_TEMP_STEM = 100  # keep temporary names well under the usual 255-byte limit


def _create_temp(directory: Path, name: str) -> tuple[Path, int]:
    """Create a new hidden temporary file next to the target; return it and its fd.

    ``os.open`` with mode 0o666 lets the process umask decide the permissions,
    as it would for an ordinary new file (``mkstemp`` would force 0o600).
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for _ in range(_TEMP_ATTEMPTS):
        temp = directory / f".{name[:_MAX_TEMP_STEM]}.{secrets.token_hex(4)}.tmp"
        try:
            return temp, os.open(temp, flags, 0o666)
        except FileExistsError:
            continue
    raise FileExistsError(f"could not create a temporary file in {directory}")


def _fsync_directory(directory: Path) -> None:
    """Flush the folder entry so the rename survives a crash (best effort, POSIX only)."""
    try:
        fd = os.open(directory, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


def _existing_mode(path: Path) -> int | None:
    """The permission bits of the regular file at ``path``, if there is one to keep."""
    try:
        info = os.stat(path, follow_symlinks=False)
    except OSError:
        return None
    return None if stat.S_ISLNK(info.st_mode) else stat.S_IMODE(info.st_mode)


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically, creating parent folders as needed.

    An existing file keeps its permission bits; a new one gets the umask's.
    A symbolic link at ``path`` is replaced by a regular file, not written
    through. On any exception the previous file is left as it was and no
    temporary file remains.
    """
    path = Path(path)
    directory = path.parent
    directory.mkdir(parents=True, exist_ok=True)
    try:
        mode: int | None = stat.S_IMODE(os.stat(path, follow_symlinks=False).st_mode)
    except OSError:
        mode = None
    temp, fd = _create_temp(directory, path.name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is not None and not os.path.islink(path):
            os.chmod(temp, mode)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    _fsync_directory(directory)


def write_text_atomic(path: Path, text: str, *, encoding: str = "utf-8") -> None:
    """Replace ``path`` with ``text`` atomically (see :func:`write_bytes_atomic`).

    The text is encoded before any file is touched, so an encoding error
    leaves everything as it was. Line endings are written as given.
    """
    write_bytes_atomic(path, text.encode(encoding))


@dataclass
class ReplaceProgress:
    """How far :func:`replace_together` got: the files it was to replace, and those it did."""

    planned: list[Path] = field(default_factory=list)
    replaced: list[Path] = field(default_factory=list)

    @property
    def untouched(self) -> list[Path]:
        """The planned files that still hold what they held before."""
        done = set(self.replaced)
        return [path for path in self.planned if path not in done]

    def describe(self) -> str:
        """What the outputs are now, in words, for a message after an interrupt or a fault."""
        if not self.replaced:
            return "the previous outputs are unchanged"
        if not self.untouched:
            return "the new outputs were all written"
        new = ", ".join(path.name for path in self.replaced)
        old = ", ".join(path.name for path in self.untouched)
        return f"only some outputs were replaced: new {new}; still the previous build's {old}"


_DEFERRED = (signal.SIGINT, signal.SIGTERM)


@contextlib.contextmanager
def _signals_held() -> Iterator[list[int]]:
    """Hold back SIGINT and SIGTERM until the block ends, then deliver the first that came.

    Only the main thread can install handlers; elsewhere nothing is held.
    """
    caught: list[int] = []
    if threading.current_thread() is not threading.main_thread():
        yield caught
        return

    def hold(signum: int, _frame: FrameType | None) -> None:
        caught.append(signum)

    previous: dict[int, Any] = {}
    try:
        for held in _DEFERRED:
            previous[held] = signal.signal(held, hold)
        yield caught
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
        if caught:
            signal.raise_signal(caught[0])  # the previous handler runs now


def replace_together(files: Mapping[Path, bytes], progress: ReplaceProgress | None = None) -> None:
    """Replace every file in ``files`` with its bytes, all at once as far as a reader can tell.

    Files are renamed in the mapping's order (put the one readers open first,
    such as ``index.html``, last). An existing file keeps its permission bits.
    On any failure before the renames (a full disk, a read-only folder, an
    interrupt) every temporary file is removed and no file is touched;
    ``progress`` (updated as files are renamed) tells the caller, even from an
    exception, which files are new.
    """
    progress = progress if progress is not None else ReplaceProgress()
    targets = [Path(path) for path in files]
    progress.planned = list(targets)
    staged: list[tuple[Path, Path]] = []
    try:
        for path, data in zip(targets, files.values(), strict=True):
            path.parent.mkdir(parents=True, exist_ok=True)
            mode = _existing_mode(path)
            temp, fd = _create_temp(path.parent, path.name)
            staged.append((temp, path))
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            if mode is not None:
                os.chmod(temp, mode)
        with _signals_held():
            for temp, path in staged:
                os.replace(temp, path)
                progress.replaced.append(path)
    finally:
        for temp, _path in staged:
            with contextlib.suppress(OSError):
                os.unlink(temp)  # only those not renamed are still there
    for directory in dict.fromkeys(path.parent for path in targets):
        _fsync_directory(directory)
