"""Environment faults: the build cannot go on, says why in one line, and exits 2.

A fault is not a bad article (that is a named skip and exit 1) but something
around the articles: an output or data folder that cannot be written, a
pipeline that cannot load, Dask workers that keep dying, or every article
failing for one shared reason. The build stops before it replaces any output,
so the previous map stays as it was; the message names the path or the
service and what to do about it.

Exceptions that end a build (faults, interrupts) carry how far the outputs
were replaced (:func:`outputs_progress`), so the command line can say
truthfully what it left.
"""

from __future__ import annotations

import errno
from pathlib import Path

from eventmap.atomic import ReplaceProgress

__all__ = ["Fault", "note_outputs", "output_fault", "outputs_progress"]

_PROGRESS = "eventmap_outputs"


class Fault(RuntimeError):
    """A fault around the articles: one line for the user, exit code 2."""


def note_outputs(exc: BaseException, progress: ReplaceProgress) -> None:
    """Record on ``exc`` how far the outputs were replaced when it was raised."""
    if not hasattr(exc, _PROGRESS):
        setattr(exc, _PROGRESS, progress)


def outputs_progress(exc: BaseException) -> ReplaceProgress | None:
    """How far the outputs were replaced when ``exc`` ended a build, if it says."""
    found = getattr(exc, _PROGRESS, None)
    return found if isinstance(found, ReplaceProgress) else None


def _advice(exc: OSError) -> str:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return "free some space there or choose another --out"
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "make it writable or choose another --out"
    return "check that folder or choose another --out"


def output_fault(out_dir: Path, exc: OSError, progress: ReplaceProgress) -> Fault:
    """The fault for an output folder that cannot be written (read-only, full, gone)."""
    reason = exc.strerror or str(exc)
    return Fault(
        f"cannot write the outputs to {out_dir}: {reason}; {_advice(exc)} ({progress.describe()})"
    )
