"""The values the ``layers`` stage produces: events and their citations."""

from __future__ import annotations

from dataclasses import dataclass

from geo.types import Place

__all__ = ["Citation", "Event", "LayerDefinition", "CORE_LAYER_IDS"]

CORE_LAYER_IDS: tuple[str, ...] = (
    "airspace",
    "strike_sites",
    "shootdown_area",
    "meetings",
    "places",
)
"""The layer ids every output uses, in the order the map lists them."""


@dataclass(frozen=True)
class Citation:
    """The evidence that put a place on a layer.

    ``start``/``end`` are the mention's character offsets in the article text;
    ``quote`` is the whole sentence and ``quote_start`` its offset, so that
    ``quote[start - quote_start:end - quote_start]`` is the mention.
    """

    article: str
    """Path of the article relative to the articles folder (POSIX separators)."""
    title: str | None
    date: str | None
    quote: str
    quote_start: int
    start: int
    end: int
    mention: str
    url: str | None = None


@dataclass(frozen=True)
class Event:
    """A place on a layer, with the citation that put it there."""

    layer: str
    place: Place
    citation: Citation
    confidence: float
    trigger: str | None = None
    """The word in the sentence that decided the layer, if any."""


@dataclass(frozen=True)
class LayerDefinition:
    """One kind of event, as read from ``layers/definitions/*.toml``.

    A sentence puts a mention on this layer when the mention is attached (in
    the dependency parse) to one of ``triggers`` (lemmas or multi-word
    phrases), and, if ``requires`` is not empty, the sentence also holds one
    of those words. ``area_kinds`` sends every phrase of those area kinds here
    whatever the sentence says ("Israeli airspace" is always airspace).
    """

    id: str
    title: str
    color: str
    order: int
    description: str = ""
    triggers: tuple[str, ...] = ()
    requires: tuple[str, ...] = ()
    area_kinds: tuple[str, ...] = ()
    icon: str = "circle"
