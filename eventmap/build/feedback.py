"""What a build tells the person waiting for it: a progress bar, then a summary.

The bar (rich) appears only on a terminal and only while articles are being
processed; a build that reads everything from the cache shows none. The
summary names the articles read (how many from the cache), each skipped file
with its reason, the places and events per layer, and the time taken.
``-q`` leaves only the skipped files and errors; ``-v`` adds the cache, the
engine and the time of each phase.
"""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TextIO

if TYPE_CHECKING:
    from eventmap.build.outcome import BuildReport

__all__ = [
    "NullProgress",
    "Progress",
    "RichProgress",
    "make_progress",
    "notice_lines",
    "printable",
    "summary_lines",
    "unsupported_files",
]

# Characters that reorder or hide text on a terminal: bidirectional controls,
# line and paragraph separators.
_DISPLAY_CONTROLS = frozenset("\u061c\u200e\u200f\u2028\u2029") | frozenset(
    chr(code) for code in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))
)


def _escape(ch: str) -> str:
    code = ord(ch)
    if ch in "\n\r\t":
        return {"\n": "\\n", "\r": "\\r", "\t": "\\t"}[ch]
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a file name that is not UTF-8
        return f"\\x{code - 0xDC00:02x}"
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}"


def printable(text: object) -> str:
    r"""``text`` with every control character escaped, safe to print as one line.

    File names and article text reach stderr in skip messages; a name with a
    line break could forge a line of output and an ANSI escape could rewrite
    the terminal. Line breaks, escapes, other control characters,
    bidirectional overrides and surrogates (bytes of a file name that are not
    UTF-8) are written as backslash escapes; everything else as it is.

    Examples
    --------
    >>> printable("a\nb\x1b[31m.txt")
    'a\\nb\\x1b[31m.txt'
    """
    out = str(text)
    if out.isprintable():
        return out
    return "".join(
        _escape(ch)
        if unicodedata.category(ch) in ("Cc", "Cs", "Zl", "Zp") or ch in _DISPLAY_CONTROLS
        else ch
        for ch in out
    )


class Progress(Protocol):
    """Told how much work there is, then how it goes."""

    def start(self, total: int, description: str) -> None:
        """Work of ``total`` units begins."""
        ...

    def advance(self, done: int) -> None:
        """``done`` more units are finished."""
        ...

    def stop(self) -> None:
        """The work is over (or was interrupted)."""
        ...


class NullProgress:
    """Shows nothing."""

    def start(self, total: int, description: str) -> None:
        """Ignore the start."""

    def advance(self, done: int) -> None:
        """Ignore progress."""

    def stop(self) -> None:
        """Ignore the end."""


class RichProgress:
    """A rich progress bar on a stream: done/total, rate, elapsed and remaining time."""

    def __init__(self, stream: TextIO) -> None:
        from rich.console import Console

        self._console = Console(file=stream)
        self._progress: object | None = None
        self._task: object | None = None

    def start(self, total: int, description: str) -> None:
        """Show the bar."""
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TaskProgressColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self.stop()
        progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TaskProgressColumn(),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            console=self._console,
            transient=True,
        )
        progress.start()
        self._task = progress.add_task(description, total=total)
        self._progress = progress

    def advance(self, done: int) -> None:
        """Move the bar on."""
        if self._progress is not None:
            self._progress.advance(self._task, done)  # type: ignore[attr-defined]

    def stop(self) -> None:
        """Remove the bar."""
        if self._progress is not None:
            self._progress.stop()  # type: ignore[attr-defined]
            self._progress = None


def make_progress(stream: TextIO, *, quiet: bool = False) -> Progress:
    """A rich bar when ``stream`` is a terminal and not ``quiet``; otherwise nothing."""
    isatty = getattr(stream, "isatty", None)
    if quiet or not (callable(isatty) and isatty()):
        return NullProgress()
    return RichProgress(stream)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def summary_lines(report: BuildReport, *, verbose: bool = False) -> list[str]:
    """The summary after a build, one string per line.

    Only a place on an event layer is an event; a place on the "Other places"
    layer (named in passing) is counted as a mention, so the counts say how
    much happened where, not how many names the articles hold.
    """
    cached = f" ({report.from_cache} from cache)" if report.from_cache else ""
    context = report.context_layers
    events = sum(n for layer, n in report.events_per_layer.items() if layer not in context)
    event_places = {g.place.gazetteer_id for g in report.groups if g.layer not in context}
    named = {g.place.gazetteer_id for g in report.groups if g.layer in context} - event_places
    lines = [
        f"{report.articles_read} articles read{cached}, {len(report.failed)} skipped; "
        f"{_plural(events, 'event')} at {_plural(len(event_places), 'place')}, "
        f"{_plural(len(named), 'other place')} named; {report.seconds:.1f} s"
    ]
    if report.events_per_layer:
        width = max(len(layer) for layer in report.events_per_layer)
        for layer, count in report.events_per_layer.items():
            places = report.places_per_layer.get(layer, 0)
            kind = "mentions" if layer in context else "events"
            lines.append(f"  {layer:<{width}}  {count:>6} {kind:<8}  {places:>6} places")
    if verbose:
        lines.append(f"engine: {report.engine}")
        if report.cache_dir is not None and report.cache is not None:
            hits = ", ".join(f"{stage} {n}" for stage, n in report.cache.hits.items())
            lines.append(
                f"cache: {report.cache_dir} (hits: {hits}; {report.cache.written} written, "
                f"{report.cache.pruned} pruned, {len(report.cache.rejected)} rejected)"
            )
            lines.extend(f"  rejected {item}" for item in report.cache.rejected)
        else:
            lines.append("cache: not used")
        phases = ", ".join(f"{name} {secs:.2f} s" for name, secs in report.timings.items())
        lines.append(f"time: {phases}")
        if report.work:
            stages = ", ".join(f"{name} {secs:.2f} s" for name, secs in report.work.items())
            lines.append(f"work: {stages}")
    return lines


# Files an articles folder may hold that are not articles and deserve no warning.
_NOT_ARTICLES = frozenset({"places.toml"})


def unsupported_files(root: Path) -> list[Path]:
    """Files under ``root`` a build passes over because of their format (a ``.docx``, a PDF).

    Hidden files and folders, README files and ``places.toml`` are not
    articles and are not listed; every other file whose suffix eventmap does
    not read is, so that the user hears why it is missing from the map.
    """
    from eventmap.articles import ARTICLE_SUFFIXES

    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            lowered = name.lower()
            if name.startswith(".") or lowered in _NOT_ARTICLES:
                continue
            if lowered == "readme" or lowered.startswith("readme."):
                continue
            if not lowered.endswith(ARTICLE_SUFFIXES):
                found.append(Path(dirpath, name))
    return found


def notice_lines(report: BuildReport, articles_dir: Path) -> list[str]:
    """What the user should know about inputs that gave nothing: unread formats, no places."""
    from eventmap.articles import ARTICLE_SUFFIXES

    known = ", ".join(ARTICLE_SUFFIXES)
    lines = [
        f"eventmap: warning: {path}: unsupported format (eventmap reads {known}); not mapped"
        for path in unsupported_files(articles_dir)
    ]
    lines.extend(
        f"eventmap: warning: {articles_dir / article}: no place found"
        for article in report.no_place
    )
    return lines
