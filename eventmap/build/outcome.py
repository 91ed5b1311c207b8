"""What a build did: the :class:`BuildReport` the build fills in and others read.

The build (:mod:`eventmap.build.run`) fills it in; the terminal feedback
(:mod:`eventmap.build.feedback`), the CLI and ``eventmap report``
(:mod:`eventmap.report`) read it. It lives in a module of its own, importing
none of them, so that the build and its feedback need not import each other:
the one-line summary is :func:`eventmap.build.feedback.summary_lines`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from eventmap.articles import ArticleError
from eventmap.build.cache import CacheStats
from eventmap.grouping import PlaceOnLayer

__all__ = ["BuildReport"]


@dataclass
class BuildReport:
    """What a build did, for the summary and the exit code."""

    articles_found: int = 0
    articles_read: int = 0
    from_cache: int = 0
    processed: int = 0
    failed: list[ArticleError] = field(default_factory=list)
    places: int = 0
    events: int = 0
    events_per_layer: Counter[str] = field(default_factory=Counter)
    places_per_layer: Counter[str] = field(default_factory=Counter)
    outputs: list[Path] = field(default_factory=list)
    outputs_reused: bool = False
    """The outputs were already those of these results, and were left as they were."""
    seconds: float = 0.0
    engine: str = ""
    cache_dir: Path | None = None
    cache: CacheStats | None = None
    warnings: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    """Wall seconds of each phase of the build."""
    removed: list[Path] = field(default_factory=list)
    """Optional outputs of an earlier build (fragment, exports) this build removed."""
    groups: list[PlaceOnLayer] = field(default_factory=list)
    """The events grouped as the map draws them (for ``eventmap report``)."""
    context_layers: frozenset[str] = frozenset()
    """Layers of places only named, not where an event happened ("Other places")."""
    no_place: list[str] = field(default_factory=list)
    """Articles read in which no place was found."""
    work: dict[str, float] = field(default_factory=dict)
    """Seconds of per-article work by stage (spaCy, places, events, other), summed over
    workers: with several workers they add up to more than the wall time."""
