"""The Python API for notebooks and scripts: ``eventmap.build_map(paths)``.

>>> import eventmap
>>> fmap = eventmap.build_map(["articles/"])  # doctest: +SKIP
>>> fmap  # in Jupyter, the map itself  # doctest: +SKIP
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from eventmap.articles import Article, ArticleError, find_articles, read_article

if TYPE_CHECKING:
    import folium

    from eventmap.pipeline import Pipeline

__all__ = ["build_map", "read_paths"]


def read_paths(paths: str | Path | Iterable[str | Path]) -> list[Article]:
    """Read articles from files and folders (folders recursively); warn about bad ones."""
    items = [paths] if isinstance(paths, (str, Path)) else list(paths)
    articles: list[Article] = []
    for item in map(Path, items):
        left_out: list[ArticleError] = []
        if item.is_dir():
            (files, left_out), root = find_articles(item), item
        elif item.is_file():
            files, root = [item], item.parent
        else:
            raise FileNotFoundError(f"{item}: no such article or folder")
        for exc in left_out:  # links to nowhere, loops, FIFOs, folders it cannot list
            warnings.warn(f"skipped {exc}", stacklevel=2)
        for path in files:
            try:
                articles.append(read_article(path, root=root))
            except ArticleError as exc:
                warnings.warn(f"skipped {exc}", stacklevel=2)
    return articles


def build_map(
    paths: str | Path | Iterable[str | Path],
    *,
    title: str = "eventmap",
    tiles: str | None = None,
    layers_dir: Path | None = None,
    pipeline: Pipeline | None = None,
) -> folium.Map:
    """Geoparse the articles at ``paths`` and return their event map.

    The result is a ``folium.Map``: Jupyter shows it inline, ``.save(path)``
    writes the page. ``tiles`` adds an online basemap (xyzservices name) over
    the built-in one; ``layers_dir`` adds layer definitions; ``pipeline``
    reuses one already loaded (else one per process is loaded and kept).
    """
    from eventmap.build.work import pipeline_for
    from eventmap.config import PipelineConfig
    from eventmap.map.render import build_map as render_map

    if pipeline is None:
        pipeline = pipeline_for(PipelineConfig.create(layers_dir=layers_dir))
    events = [event for article in read_paths(paths) for event in pipeline.process(article).events]
    return render_map(events, pipeline.layers, title=title, tiles=tiles)
