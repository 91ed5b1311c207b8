"""``eventmap geoparse``: the batch interface, JSON lines in and out.

Each input line is ``{"doc_id", "text", ...}``; each output line is
``{"doc_id", "toponyms": [...]}`` with every place mention, its resolved
point (an area gives its representative point) and the layers its event went
to, and every event the document reports (type, layer, trigger span, the
spans of the places where it happened, date), with or without a place. This
is what evaluation reads.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from eventmap.pipeline import ArticleResult, Pipeline
from layers.classify import ArticleInfo

__all__ = ["GeoparseError", "geoparse_lines", "result_record"]


class GeoparseError(ValueError):
    """An input line that is not a usable document, with its line number."""


def result_record(result: ArticleResult) -> dict[str, Any]:
    """The output record for one processed document."""
    layers_by_span: dict[tuple[int, int], list[str]] = {}
    for event in result.events:
        key = (event.citation.start, event.citation.end)
        if event.layer not in layers_by_span.setdefault(key, []):
            layers_by_span[key].append(event.layer)
    toponyms = []
    for item in result.resolved:
        mention, place = item.mention, item.place
        toponyms.append(
            {
                "start": mention.start,
                "end": mention.end,
                "name": mention.text,
                "kind": mention.kind.value,
                "lat": place.lat if place else None,
                "lon": place.lon if place else None,
                "gazetteer_id": place.gazetteer_id if place else None,
                "layers": layers_by_span.get((mention.start, mention.end), []),
            }
        )
    events = [
        {
            "type": event.type,
            "layer": event.layer,
            "trigger": {"start": event.trigger_start, "end": event.trigger_end},
            "locations": [
                {"start": loc.anchor_start, "end": loc.anchor_end} for loc in event.locations
            ],
            "date": event.date,
        }
        for event in result.reported
    ]
    return {"doc_id": result.article_id, "toponyms": toponyms, "events": events}


def geoparse_lines(
    lines: Iterable[str], *, pipeline: Pipeline, source: str = "<input>"
) -> Iterator[dict[str, Any] | GeoparseError]:
    """Process JSON lines; yield an output record, or an error for a bad line."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield GeoparseError(f"{source}:{number}: not JSON ({exc.msg})")
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            yield GeoparseError(f"{source}:{number}: needs an object with a string 'text'")
            continue
        doc_id = str(record.get("doc_id", number))
        info = ArticleInfo(id=doc_id, title=record.get("title"), url=record.get("url"))
        yield result_record(pipeline.process_text(record["text"], info=info))
