"""The values the ``layers`` stage produces: events and their citations."""

from __future__ import annotations

from dataclasses import dataclass

from geo.types import Place

__all__ = ["CORE_LAYER_IDS", "Citation", "Event", "LayerDefinition", "TriggerRule"]

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
    event_date: tuple[str | None, str | None] | None = None
    """``(date, source)`` of the event quoted, as :func:`layers.dates.citation_date`
    finds it from the quote: filled in once by the classifier (and by the build
    cache from its records) so that the map and every export read it instead of
    parsing the sentence again. ``None`` means not worked out yet."""


@dataclass(frozen=True)
class Event:
    """A place on a layer, with the citation that put it there."""

    layer: str
    place: Place
    citation: Citation
    confidence: float
    trigger: str | None = None
    """The word in the sentence that decided the layer, if any."""
    date: str | None = None
    """When it happened, ISO ``YYYY-MM-DD``: the date the sentence gives, else the
    article's date, else ``None``."""
    date_source: str | None = None
    """``sentence`` or ``article`` (where ``date`` came from), ``None`` without a date."""


@dataclass(frozen=True)
class TriggerRule:
    """Words that, governing a place in the parse, put it on a layer.

    ``triggers`` are lemmas or short phrases ("strike", "shoot down"); when
    ``requires`` is not empty the sentence must also hold one of those lemmas
    (a crash counts as an aircraft loss only when an aircraft is named);
    ``roles`` limits how the place must attach to the trigger: ``location``
    (in/at/over/near …), ``destination`` (to/into), ``target`` (object of the
    verb: "struck Latakia") or ``compound`` ("the Moscow talks"). Empty means
    any of them.
    """

    triggers: tuple[str, ...]
    requires: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()


@dataclass(frozen=True)
class LayerDefinition:
    """One kind of event, as read from ``layers/definitions/*.toml``.

    A mention goes on this layer when one of ``rules`` fires for it, or when
    it is a spatial phrase of one of ``area_kinds`` ("Israeli airspace" is
    always airspace). The ``default`` layer takes every resolved mention that
    no other layer took.
    """

    id: str
    title: str
    color: str
    order: int
    description: str = ""
    rules: tuple[TriggerRule, ...] = ()
    area_kinds: tuple[str, ...] = ()
    icon: str = "circle"
    default: bool = False
