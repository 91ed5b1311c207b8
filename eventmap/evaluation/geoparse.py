"""``eventmap geoparse``: the batch interface, JSON lines in and out.

Each input line is ``{"doc_id", "text", ...}``; each output line is
``{"doc_id", "toponyms": [...]}`` with every place mention, its resolved
point (an area gives its representative point) and the layers its event went
to, and every event the document reports (type, layer, trigger span, the
spans of the places where it happened, date), with or without a place. This
is what evaluation reads.

Every input line stands alone: a line that is not JSON, has no string
``text``, holds a lone surrogate or bytes that are not UTF-8, or a text over
:data:`~eventmap.articles.MAX_ARTICLE_CHARS` characters yields a
:class:`GeoparseError` that names its line number, and the lines after it
are still processed. Records are yielded one at a time, so the command line
can write each as soon as it is made.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from eventmap.articles import MAX_ARTICLE_CHARS, fix_surrogates
from eventmap.pipeline import ArticleResult, Pipeline
from eventmap.urls import safe_url
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
        # the point of what the mention's words name: "Syria" in "northeast Syria"
        # is Syria, though the map draws the side the text describes
        point = place.point_of_the_name if place else (None, None)
        toponyms.append(
            {
                "start": mention.start,
                "end": mention.end,
                "name": mention.text,
                "kind": mention.kind.value,
                "lat": point[0],
                "lon": point[1],
                "gazetteer_id": place.gazetteer_id if place else None,
                "layers": layers_by_span.get((mention.start, mention.end), []),
            }
        )
    events = [
        {
            "type": event.type,
            "layer": event.layer,
            "trigger": {
                "start": event.trigger_start,
                "end": event.trigger_end,
                "words": [{"start": start, "end": end} for start, end in event.trigger_words],
            },
            "locations": [
                {"start": loc.anchor_start, "end": loc.anchor_end} for loc in event.locations
            ],
            "date": event.date,
            "planned": event.planned,
            "denied": event.denied,
        }
        for event in result.reported
    ]
    return {"doc_id": result.article_id, "toponyms": toponyms, "events": events}


def _has_surrogate(text: str) -> bool:
    return any("\ud800" <= ch <= "\udfff" for ch in text)


def _optional_text(value: Any) -> str | None:
    """A title or URL as text, or ``None`` when it is not a string."""
    return fix_surrogates(value) if isinstance(value, str) else None


def _document(line: str, where: str) -> tuple[str, str, ArticleInfo] | GeoparseError:
    """Check one input line; return (doc_id, text, info) or the error that names the line."""
    if _has_surrogate(line):  # read with surrogateescape: bytes that are not UTF-8
        return GeoparseError(f"{where}: not UTF-8 text")
    try:
        record = json.loads(line)
    except (json.JSONDecodeError, RecursionError) as exc:
        reason = exc.msg if isinstance(exc, json.JSONDecodeError) else "nested too deeply"
        return GeoparseError(f"{where}: not JSON ({reason})")
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        return GeoparseError(f"{where}: needs an object with a string 'text'")
    text: str = record["text"]
    if _has_surrogate(text):
        return GeoparseError(f"{where}: 'text' holds a lone surrogate (an unpaired \\uD8xx escape)")
    if len(text) > MAX_ARTICLE_CHARS:
        return GeoparseError(
            f"{where}: 'text' is {len(text):,} characters long; the limit is "
            f"{MAX_ARTICLE_CHARS:,}: split it into several documents"
        )
    raw_id = record.get("doc_id", where.rpartition(":")[2])
    doc_id = fix_surrogates(raw_id) if isinstance(raw_id, str) else str(raw_id)
    info = ArticleInfo(
        id=doc_id,
        title=_optional_text(record.get("title")),
        url=safe_url(_optional_text(record.get("url"))),
    )
    return doc_id, text, info


def geoparse_lines(
    lines: Iterable[str], *, pipeline: Pipeline, source: str = "<input>"
) -> Iterator[dict[str, Any] | GeoparseError]:
    """Process JSON lines; yield an output record, or an error for a bad line, one by one.

    A line that cannot be processed (see the module docstring), or whose
    processing fails, gives an error naming ``source`` and its line number;
    the next line is processed as if nothing happened.
    """
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        checked = _document(line, where)
        if isinstance(checked, GeoparseError):
            yield checked
            continue
        _, text, info = checked
        try:
            result = pipeline.process_text(text, info=info)
        except Exception as exc:  # one document must never sink the batch
            yield GeoparseError(f"{where}: processing failed: {type(exc).__name__}: {exc}")
            continue
        yield result_record(result)
