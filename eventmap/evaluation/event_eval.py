"""Run an event evaluation end to end: load gold, predict (or read predictions), report.

``eventmap eval`` and ``bench/accuracy.py`` call this for the two event gold
kinds (:func:`eventmap.evaluation.evaluate_events.gold_kind`); the scoring itself is in
:mod:`eventmap.evaluation.evaluate_eventloc` and :mod:`eventmap.evaluation.evaluate_eventtype`.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping, Sequence
from typing import Any

from eventmap.evaluation import evaluate_eventloc as eventloc
from eventmap.evaluation import evaluate_eventtype as eventtype
from eventmap.evaluation.evaluate_events import GoldKind, PredictedDoc, load_event_predictions
from eventmap.evaluation.geoparse import geoparse_lines
from eventmap.pipeline import Pipeline

__all__ = [
    "EventGold",
    "as_lines",
    "as_snippets",
    "geoparse_inputs",
    "geoparse_records",
    "load_event_gold",
    "predict",
    "render",
]

EventGold = Sequence[eventloc.EventLocLine] | Sequence[eventtype.Snippet]


def load_event_gold(kind: GoldKind, path: str | os.PathLike[str]) -> EventGold:
    """Read event gold of the given kind (ValueError for a malformed file)."""
    if kind == "event_location":
        return eventloc.load_eventloc_gold(path)
    if kind == "event_type":
        return eventtype.load_eventtype_gold(path)
    raise ValueError(f"not an event gold kind: {kind!r}")


def geoparse_inputs(gold: EventGold) -> list[dict[str, str]]:
    """The records to geoparse: each distinct sentence once, or each snippet."""
    return eventloc.geoparse_inputs(as_lines(gold)) + [
        {"doc_id": item.doc_id, "text": item.text} for item in as_snippets(gold)
    ]


def geoparse_records(gold: EventGold, pipeline: Pipeline) -> list[dict[str, Any]]:
    """Geoparse the gold texts: the ``eventmap geoparse`` output records."""
    lines = (json.dumps(record) for record in geoparse_inputs(gold))
    return [r for r in geoparse_lines(lines, pipeline=pipeline) if isinstance(r, dict)]


def predict(gold: EventGold, pipeline: Pipeline) -> dict[str, PredictedDoc]:
    """Geoparse the gold texts and read the output as predictions."""
    return load_event_predictions(geoparse_records(gold, pipeline))


def as_lines(gold: EventGold) -> list[eventloc.EventLocLine]:
    """The event-location lines of event gold."""
    return [item for item in gold if isinstance(item, eventloc.EventLocLine)]


def as_snippets(gold: EventGold) -> list[eventtype.Snippet]:
    """The event-type snippets of event gold."""
    return [item for item in gold if isinstance(item, eventtype.Snippet)]


def render(
    kind: GoldKind,
    gold: EventGold,
    predictions: Mapping[str, PredictedDoc],
    *,
    as_json: bool = False,
    worst: int = 0,
) -> str:
    """The report as text (or JSON), with the ``worst`` largest errors if asked."""
    data: dict[str, Any]
    if kind == "event_location":
        lines = as_lines(gold)
        report = eventloc.evaluate_eventloc(lines, predictions)
        data = eventloc.report_to_dict(report)
        text = eventloc.format_eventloc_report(report)
        if worst:
            scores = eventloc.score_lines(lines, predictions)
            text += "\n" + eventloc.format_eventloc_worst(scores, worst) + "\n"
    else:
        type_report = eventtype.evaluate_eventtype(as_snippets(gold), predictions)
        data = eventtype.report_to_dict(type_report)
        text = eventtype.format_eventtype_report(type_report)
        if worst:
            text += "\n" + eventtype.format_eventtype_worst(type_report, worst) + "\n"
    if as_json:
        return json.dumps(data, indent=1, sort_keys=True) + "\n"
    return text
