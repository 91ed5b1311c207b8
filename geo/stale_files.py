"""Temporary files that name their writer, and the removal of those a killed writer left.

Derived data (the gazetteer index, base maps, area files) is written to a
hidden temporary file beside its destination and renamed into place. A
process killed on the way (SIGKILL, a power cut, an OOM kill) leaves that
file behind, and nothing would ever remove it: a killed gazetteer build alone
leaves tens of megabytes. So each temporary name carries its writer's process
id, and the next process to use the folder removes the ones that are stale:

* written by a process that no longer runs on this machine and untouched for
  :data:`MIN_AGE_SECONDS` (a writer on another machine sharing the folder,
  whose pid means nothing here, keeps touching its file while it writes), or
* untouched for :data:`MAX_AGE_SECONDS`, whoever wrote it (a pid reused by an
  unrelated process, or a name from before pids were recorded).

A file that another build is writing right now is therefore never removed.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import time
from pathlib import Path

__all__ = [
    "MAX_AGE_SECONDS",
    "MIN_AGE_SECONDS",
    "is_stale",
    "remove_stale",
    "temp_name",
]

MIN_AGE_SECONDS = 60.0
"""A file of a dead writer younger than this is left alone (the writer may be elsewhere)."""
MAX_AGE_SECONDS = 600.0
"""A temporary file untouched this long is stale whoever wrote it."""

_PID = re.compile(r"-(?P<pid>[0-9]+)-[0-9a-f]{8}")


def temp_name(prefix: str, suffix: str = ".tmp") -> str:
    """A fresh temporary file name that records this process: ``PREFIX<pid>-<hex>SUFFIX``."""
    return f"{prefix}{os.getpid()}-{secrets.token_hex(4)}{suffix}"


def _alive(pid: int) -> bool:
    """Whether a process with this id runs on this machine (signal 0 probes it)."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # it exists, owned by someone else
    return True


def is_stale(path: Path, *, now: float | None = None) -> bool:
    """Whether ``path``, a temporary file, was left by a writer that is gone (see module)."""
    try:
        age = (time.time() if now is None else now) - path.stat(follow_symlinks=False).st_mtime
    except OSError:
        return False
    if age >= MAX_AGE_SECONDS:
        return True
    match = _PID.search(path.name)
    if match is None or age < MIN_AGE_SECONDS:
        return False
    return not _alive(int(match.group("pid")))


def remove_stale(folder: Path, pattern: re.Pattern[str]) -> list[Path]:
    """Remove the stale temporary files in ``folder`` whose names match ``pattern``.

    Returns what was removed. A folder that is missing or cannot be listed or
    written is left as it is: cleaning up is never worth failing a build for.
    """
    removed: list[Path] = []
    try:
        entries = list(Path(folder).iterdir())
    except OSError:
        return removed
    for path in entries:
        if pattern.match(path.name) and is_stale(path):
            with contextlib.suppress(OSError):
                path.unlink()
                removed.append(path)
    return removed
