"""``eventmap watch``: rebuild the map whenever the articles change.

The articles folder (and a ``--layers`` folder, if given) is polled: every
``interval`` seconds each article file's size and modification time are
compared with the last snapshot. Polling needs no extra dependency and works
on network mounts, where file system events often do not arrive. After a
change the watcher waits until the folder has been still for ``debounce``
seconds, so that copying in a hundred files gives one rebuild, not a
hundred; each rebuild is incremental (:mod:`eventmap.build.cache`), so it takes
about as long as the new articles do.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from pathlib import Path

from eventmap.articles import discover_articles

__all__ = ["Snapshot", "changed_names", "snapshot", "watch"]

Snapshot = dict[str, tuple[int, int]]
"""File name → (size, modification time in ns)."""


def _stat_into(found: Snapshot, prefix: str, paths: list[Path], root: Path) -> None:
    for path in paths:
        try:
            info = path.stat()
        except OSError:
            continue  # deleted between listing and stat: the next poll sees it gone
        found[f"{prefix}{path.relative_to(root).as_posix()}"] = (info.st_size, info.st_mtime_ns)


def snapshot(
    articles_dir: Path, *, layers_dir: Path | None = None, exclude: tuple[Path, ...] = ()
) -> Snapshot:
    """The size and modification time of every article (and layer definition).

    ``exclude`` holds the output folder, so a map written inside the articles
    folder does not set off the next build.
    """
    found: Snapshot = {}
    with contextlib.suppress(FileNotFoundError, NotADirectoryError):  # folder gone
        _stat_into(found, "", discover_articles(articles_dir, exclude=exclude), articles_dir)
    if layers_dir is not None and layers_dir.is_dir():
        _stat_into(found, "layers:", sorted(layers_dir.glob("*.toml")), layers_dir)
    return found


def changed_names(before: Snapshot, after: Snapshot) -> list[str]:
    """The names added, removed or modified between two snapshots, sorted."""
    names = before.keys() | after.keys()
    return sorted(name for name in names if before.get(name) != after.get(name))


def watch(
    articles_dir: Path,
    rebuild: Callable[[list[str]], object],
    *,
    layers_dir: Path | None = None,
    exclude: tuple[Path, ...] = (),
    interval: float = 1.0,
    debounce: float = 0.5,
    initial: bool = True,
    max_builds: int | None = None,
    timeout: float | None = None,
    sleep: Callable[[float], None] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
) -> int:
    """Call ``rebuild(changed_names)`` on every settled change; return how many builds ran.

    ``initial`` builds once at the start (with no names). ``max_builds`` and
    ``timeout`` (seconds) end the watch, for tests and scripts; without them
    it runs until interrupted. ``exclude`` is as for :func:`snapshot`.
    """
    started = clock()
    builds = 0

    def done() -> bool:
        if max_builds is not None and builds >= max_builds:
            return True
        return timeout is not None and clock() - started >= timeout

    current = snapshot(articles_dir, layers_dir=layers_dir, exclude=exclude)
    if initial:
        rebuild([])
        builds += 1
    while not done():
        sleep(interval)
        latest = snapshot(articles_dir, layers_dir=layers_dir, exclude=exclude)
        if latest == current:
            continue
        while True:  # wait for the folder to settle
            sleep(debounce)
            settled = snapshot(articles_dir, layers_dir=layers_dir, exclude=exclude)
            if settled == latest:
                break
            latest = settled
        names = changed_names(current, latest)
        current = latest
        rebuild(names)
        builds += 1
    return builds
