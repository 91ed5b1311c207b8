"""``eventmap geoparse``: the batch interface, JSON lines in and out.

Each input line is ``{"doc_id", "text", ...}``; each output line is
``{"doc_id", "toponyms": [...]}`` with every place mention, its resolved
point (an area gives its representative point) and the layers its event went
to. This is what evaluation reads.
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
    return {"doc_id": result.article_id, "toponyms": toponyms}


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
