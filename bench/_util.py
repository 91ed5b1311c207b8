"""Helpers shared by the benchmark scripts: run a build, watch its memory, print a table.

Every benchmark runs ``eventmap build`` as a subprocess, the way a user does,
and records its wall time, its phase times (from ``-v``) and the peak memory
of its whole process tree (Dask workers included), sampled every 50 ms.
Results are also kept in ``WORKDIR/results.json`` so that later scripts can
reuse an expensive measurement (the 10,000-article build) instead of
repeating it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import psutil

REPO = Path(__file__).resolve().parents[1]
EVENTMAP = [sys.executable, "-m", "eventmap.cli"]


def workdir() -> Path:
    """Where corpora, caches and outputs go: ``$EVENTMAP_BENCH_DIR`` or /tmp/eventmap-bench."""
    path = Path(os.environ.get("EVENTMAP_BENCH_DIR", "/tmp/eventmap-bench"))
    path.mkdir(parents=True, exist_ok=True)
    return path


def machine() -> str:
    """One line about the machine and the date."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = psutil.virtual_memory().total / 2**30
    return (
        f"{dt.date.today().isoformat()}, {os.cpu_count()} cores ({cpu}), {memory:.0f} GiB RAM, "
        f"Python {platform.python_version()}, {platform.system()} {platform.release()}"
    )


def load_results() -> dict[str, Any]:
    """The results recorded so far."""
    path = workdir() / "results.json"
    return json.loads(path.read_text()) if path.is_file() else {}


def save_result(key: str, value: Any) -> None:
    """Record one result under ``key``."""
    results = load_results()
    results[key] = value
    (workdir() / "results.json").write_text(json.dumps(results, indent=1, sort_keys=True))


class PeakMemory:
    """Sample the resident memory of a process and all its descendants; keep the peak."""

    def __init__(self, pid: int, interval: float = 0.05) -> None:
        self.peak = 0
        self._pid = pid
        self._interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            root = psutil.Process(self._pid)
        except psutil.Error:
            return
        while not self._stop.is_set():
            total = 0
            try:
                for proc in [root, *root.children(recursive=True)]:
                    try:
                        total += proc.memory_info().rss
                    except psutil.Error:
                        continue
            except psutil.Error:
                break
            self.peak = max(self.peak, total)
            time.sleep(self._interval)

    def stop(self) -> int:
        """Stop sampling; return the peak in bytes."""
        self._stop.set()
        self._thread.join()
        return self.peak


_TIME_LINE = re.compile(r"^time: (.*)$", re.MULTILINE)
_WORK_LINE = re.compile(r"^work: (.*)$", re.MULTILINE)


def _seconds_by_name(line: re.Pattern[str], stderr: str) -> dict[str, float]:
    """``{"read": 0.12, ...}`` from a ``-v`` line such as ``time: read 0.12 s, ...``."""
    found = line.search(stderr)
    if not found:
        return {}
    seconds: dict[str, float] = {}
    for part in found.group(1).split(", "):
        name, _, value = part.rpartition(" ")[0].rpartition(" ")
        seconds[name] = float(value)
    return seconds


def run_build(articles: Path, out: Path, cache: Path, *extra: str, cold: bool = False) -> dict:
    """Run ``eventmap build -v``; return seconds, phases, per-stage work, peak memory, summary.

    ``phases`` are the build's wall-clock phases (the ``time:`` line),
    ``work`` the per-article stages summed over articles (the ``work:`` line:
    spaCy, places, events, other).
    """
    if cold and cache.exists():
        shutil.rmtree(cache)
    argv = [*EVENTMAP, "build", str(articles), "--out", str(out), "--cache-dir", str(cache)]
    started = time.perf_counter()
    child = subprocess.Popen(
        [*argv, "-v", *extra], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    memory = PeakMemory(child.pid)
    _, stderr = child.communicate()
    seconds = time.perf_counter() - started
    peak = memory.stop()
    if child.returncode not in (0, 1):
        raise RuntimeError(f"eventmap build failed ({child.returncode}):\n{stderr}")
    return {
        "seconds": seconds,
        "phases": _seconds_by_name(_TIME_LINE, stderr),
        "work": _seconds_by_name(_WORK_LINE, stderr),
        "peak_mb": peak / 2**20,
        "summary": stderr.splitlines()[0] if stderr else "",
    }


def print_table(title: str, headers: list[str], rows: list[list[Any]]) -> str:
    """Print a Markdown table under a title; return the text."""

    def cell(value: Any) -> str:
        if isinstance(value, float):
            return f"{value:,.1f}" if abs(value) >= 10 else f"{value:.2f}"
        if isinstance(value, int):
            return f"{value:,}"
        return str(value)

    lines = [f"### {title}", "", "| " + " | ".join(headers) + " |"]
    lines.append("|" + "|".join("---:" if i else "---" for i in range(len(headers))) + "|")
    lines.extend("| " + " | ".join(cell(v) for v in row) + " |" for row in rows)
    text = "\n".join(lines) + "\n"
    print(text, flush=True)
    return text


def count_words(articles: Path) -> tuple[int, list[str]]:
    """The canonical texts of a corpus and their word count."""
    from eventmap.articles import read_articles

    found, _ = read_articles(articles)
    texts = [a.text for a in found]
    return sum(len(t.split()) for t in texts), texts
