"""Group events into one entry per place per layer, with all their citations.

The pipeline yields one :class:`~layers.types.Event` per mention, so a place
named five times on a layer arrives as five events. The map shows it once,
with five citations in its popup, and the GeoJSON export writes it as one
feature; both read the grouping made here so they cannot disagree.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from geo.types import Place
from layers.types import CORE_LAYER_IDS, Citation, Event, LayerDefinition

__all__ = ["PlaceOnLayer", "group_events", "layer_rank"]


@dataclass(frozen=True)
class PlaceOnLayer:
    """One place on one layer, with every citation that put it there.

    ``citations`` are unique by (article, start, end) and sorted by article,
    then offset. ``confidence`` is the highest confidence of the events merged
    here: one clear sentence is enough to put a place on a layer.
    """

    layer: str
    place: Place
    citations: tuple[Citation, ...]
    confidence: float


def layer_rank(
    layer_id: str, *, layer_defs: Iterable[LayerDefinition] = ()
) -> tuple[int, int, str]:
    """Sort key for a layer id: defined layers by their ``order``, then the rest.

    Without definitions, the core layers keep the order of
    :data:`~layers.types.CORE_LAYER_IDS`; any other id sorts after them by name.
    """
    for definition in layer_defs:
        if definition.id == layer_id:
            return (0, definition.order, layer_id)
    if layer_id in CORE_LAYER_IDS:
        return (1, CORE_LAYER_IDS.index(layer_id), layer_id)
    return (2, 0, layer_id)


def _citation_key(citation: Citation) -> tuple[str, int, int]:
    return (citation.article, citation.start, citation.end)


def group_events(
    events: Iterable[Event], *, layer_defs: Iterable[LayerDefinition] = ()
) -> list[PlaceOnLayer]:
    """Merge events into one :class:`PlaceOnLayer` per (layer, gazetteer id).

    The result does not depend on the order of ``events``: entries are sorted
    by layer (see :func:`layer_rank`), then place name, then gazetteer id. When
    events of one key carry different :class:`~geo.types.Place` values (the same
    gazetteer entry resolved twice), the place of the earliest citation wins.

    Examples
    --------
    >>> group_events([])
    []
    """
    defs = tuple(layer_defs)
    buckets: dict[tuple[str, str], list[Event]] = {}
    for event in events:
        buckets.setdefault((event.layer, event.place.gazetteer_id), []).append(event)

    grouped: list[PlaceOnLayer] = []
    for (layer, _gazetteer_id), bucket in buckets.items():
        bucket.sort(
            key=lambda e: (
                _citation_key(e.citation),
                -e.confidence,
                e.place.name,
                e.place.lat,
                e.place.lon,
            )
        )
        citations: dict[tuple[str, int, int], Citation] = {}
        for event in bucket:
            citations.setdefault(_citation_key(event.citation), event.citation)
        grouped.append(
            PlaceOnLayer(
                layer=layer,
                place=bucket[0].place,
                citations=tuple(citations[key] for key in sorted(citations)),
                confidence=max(e.confidence for e in bucket),
            )
        )
    grouped.sort(
        key=lambda g: (
            layer_rank(g.layer, layer_defs=defs),
            g.place.name,
            g.place.gazetteer_id,
        )
    )
    return grouped
