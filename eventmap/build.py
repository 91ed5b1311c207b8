"""``eventmap build``: a folder of articles in, the map and its exports out.

Reading, processing and writing are kept apart: a bad article is reported
and skipped (the rest of the map is still built), and each output is written
atomically, so an interrupted build leaves the previous map in place.
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from eventmap.articles import ArticleError, read_articles
from eventmap.atomic import write_text_atomic
from eventmap.export import geojson_text
from eventmap.grouping import group_events
from eventmap.pipeline import ArticleResult, Pipeline
from eventmap.render import render_html

__all__ = ["BuildReport", "build"]

MAP_FILE = "index.html"
GEOJSON_FILE = "events.geojson"


@dataclass
class BuildReport:
    """What a build did, for the summary line and the exit code."""

    articles_read: int = 0
    failed: list[ArticleError] = field(default_factory=list)
    places_per_layer: Counter[str] = field(default_factory=Counter)
    events: int = 0
    outputs: list[Path] = field(default_factory=list)
    seconds: float = 0.0

    def summary(self) -> str:
        """One line for the terminal."""
        layers = ", ".join(f"{k} {v}" for k, v in self.places_per_layer.items()) or "none"
        return (
            f"{self.articles_read} articles read, {len(self.failed)} skipped; "
            f"{self.events} events; places per layer: {layers}; {self.seconds:.1f} s"
        )


def build(
    articles_dir: Path,
    out_dir: Path,
    *,
    pipeline: Pipeline,
    title: str = "eventmap",
) -> BuildReport:
    """Build ``index.html`` and ``events.geojson`` in ``out_dir`` from ``articles_dir``.

    Raises
    ------
    FileNotFoundError, NotADirectoryError
        When ``articles_dir`` is missing or not a folder.
    """
    started = time.perf_counter()
    articles, failed = read_articles(articles_dir)
    report = BuildReport(articles_read=len(articles), failed=list(failed))
    results: list[ArticleResult] = []
    for article in articles:
        try:
            results.append(pipeline.process(article))
        except Exception as exc:  # one article must never sink the whole map
            report.failed.append(
                ArticleError(article.path, f"processing failed: {type(exc).__name__}: {exc}")
            )
    events = [event for result in results for event in result.events]
    groups = group_events(events, layer_defs=pipeline.layers)
    report.events = len(events)
    report.places_per_layer = Counter(group.layer for group in groups)
    out_dir.mkdir(parents=True, exist_ok=True)
    html = render_html(events, pipeline.layers, title=title)
    geojson = geojson_text(groups, layer_defs=pipeline.layers)
    for name, text in ((GEOJSON_FILE, geojson), (MAP_FILE, html)):
        write_text_atomic(out_dir / name, text)
        report.outputs.append(out_dir / name)
    report.seconds = time.perf_counter() - started
    return report
