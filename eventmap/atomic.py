"""Write output files atomically: readers see the old file or the new one, never half.

The data goes to a hidden temporary file in the target's own folder (so the
final rename never crosses file systems), is flushed and fsynced, and then
``os.replace`` swaps it in. If anything fails on the way, including an
interrupt, the temporary file is removed and the previous file is untouched.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from pathlib import Path

__all__ = ["write_bytes_atomic", "write_text_atomic"]

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
