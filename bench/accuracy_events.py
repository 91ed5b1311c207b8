"""The events half of ``bench/accuracy.py``: measure the event gold and write its tables.

Only figures, label names and sentence counts reach the Markdown; no gold text.
The figures from before the event stage are kept in ``bench/events_baseline.json``
(written by ``python bench/accuracy.py --save-baseline`` on that commit) and
printed beside the current ones.
"""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventmap.evaluation import event_eval
from eventmap.evaluation.evaluate_eventloc import EventLocReport, evaluate_eventloc
from eventmap.evaluation.evaluate_events import GoldKind, load_event_predictions
from eventmap.evaluation.evaluate_eventtype import EventTypeReport, LayerScore, evaluate_eventtype
from eventmap.pipeline import Pipeline

BASELINE = Path(__file__).resolve().parent / "events_baseline.json"


@dataclass(frozen=True)
class EventMeasured:
    """One event corpus geoparsed and scored."""

    name: str
    report: EventLocReport | EventTypeReport
    seconds: float
    texts: int


def measure_events(
    path: Path, kind: GoldKind, pipeline: Pipeline, *, save_to: Path | None = None
) -> EventMeasured:
    """Geoparse an event gold file (each distinct text once) and score it.

    With ``save_to``, the geoparse output is also written there as JSON lines,
    for ``eventmap eval GOLD --predictions`` to re-score or list errors without
    geoparsing again.
    """
    gold = event_eval.load_event_gold(kind, path)
    started = time.perf_counter()
    records = event_eval.geoparse_records(gold, pipeline)
    seconds = time.perf_counter() - started
    if save_to is not None:
        save_to.write_text(
            "".join(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in records),
            encoding="utf-8",
        )
    predictions = load_event_predictions(records)
    report: EventLocReport | EventTypeReport
    if kind == "event_location":
        report = evaluate_eventloc(event_eval.as_lines(gold), predictions)
    else:
        report = evaluate_eventtype(event_eval.as_snippets(gold), predictions)
    return EventMeasured(path.stem, report, seconds, len(predictions))


def _fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def _layer_cells(score: LayerScore) -> dict[str, Any]:
    s = score.scores
    return {
        "layer": score.layer,
        "precision": s.precision,
        "recall": s.recall,
        "f1": s.f1,
        "said": s.predicted,
        "positive": s.gold,
    }


def baseline_record(measured: Sequence[EventMeasured], commit: str, date: str) -> dict[str, Any]:
    """The figures that need no events, to keep as the before-the-stage baseline."""
    record: dict[str, Any] = {"commit": commit, "date": date}
    for corpus in measured:
        report = corpus.report
        if isinstance(report, EventLocReport):
            c = report.counts
            record[corpus.name] = {
                "on_event_layer": report.on_event_layer,
                "on_event_layer_spans": c.on_event_layer_spans,
                "gold_spans": c.gold_spans,
                "location_recall": report.location_recall,
                "recognised_spans": c.recognised_spans,
                "distinct_gold_spans": c.distinct_gold_spans,
            }
        else:
            record[corpus.name] = {
                "toponym_layers": [_layer_cells(s) for s in report.toponym_layers]
            }
    return record


def save_baseline(record: dict[str, Any], path: Path = BASELINE) -> None:
    """Write the baseline record as JSON."""
    path.write_text(json.dumps(record, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def load_baseline(path: Path = BASELINE) -> dict[str, Any] | None:
    """The saved baseline, or None."""
    if not path.is_file():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    return data if isinstance(data, dict) else None


DEFINITIONS = [
    "Event location: `eventloc_dev.jsonl`, Halterman's event-location corpus (first",
    "annotation pass), one (sentence, event verb) a line with the spans of the places",
    "where that event happened. For each line the predicted locations are the location",
    "spans of every predicted event whose trigger overlaps the gold verb. Token P/R/F1 are",
    "micro over lines, over the word tokens (`\\w+|[^\\w\\s]`) the gold and the predicted",
    "spans cover (Halterman 2019). Span recall: gold spans some predicted location of the",
    "line overlaps. Trigger recall: lines with a gold location whose verb got any event.",
    "Location recall: distinct gold spans any place mention overlaps, whatever the events",
    "(recognition). On an event layer: gold spans (one per line) overlapped by a place",
    "mention whose `layers` hold a layer other than `places`. The first pass misses some",
    "true locations (token recall about 0.66 against the re-labelled gold), so precision",
    "here is a lower bound.",
    "",
    "Event type: `eventtype_dev.jsonl`, CASE 2021 task 2 snippets with ACLED-style labels.",
    "A snippet says a layer when any predicted event in it has that layer, whether or not",
    "its places resolve. Each layer is scored over snippets against the labels it should",
    "say; snippets with a label that is neither clearly in nor out are left out (column",
    '"left out"). `strike_sites` and `meetings` have targets; the other rows map our',
    "layers to the closest CASE labels and are indicative. The toponym-layer columns say",
    "a layer when any place mention is on it, which is all output from before the event",
    "stage has.",
]


def _eventloc_rows(corpus: EventMeasured, report: EventLocReport) -> list[str]:
    t, c = report.tokens, report.counts
    rows = [
        "| corpus | token P | token R | token F1 | span recall | trigger recall "
        "| location recall | on an event layer | sentences/s |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
        f"| {corpus.name} | {_fmt(t.precision)} | {_fmt(t.recall)} | {_fmt(t.f1)} "
        f"| {_fmt(report.span_recall)} | {_fmt(report.trigger_recall)} "
        f"| {_fmt(report.location_recall)} | {_fmt(report.on_event_layer)} "
        f"| {corpus.texts / corpus.seconds:.1f} |",
        "",
        f"{c.lines:,} lines ({c.lines_with_location:,} with a location), {c.sentences:,} "
        f"distinct sentences, {c.gold_spans:,} gold location spans "
        f"({c.distinct_gold_spans:,} distinct); {c.predicted_spans:,} spans predicted.",
    ]
    if report.errors:
        rows += ["", "| error class (spans) | count |", "| --- | --- |"]
        rows += [f"| {kind} | {count:,} |" for kind, count in report.errors.items()]
    return rows


def _eventtype_rows(report: EventTypeReport) -> list[str]:
    topo = {s.layer: s for s in report.toponym_layers}
    rows = [
        "| layer | positive labels | left out | P | R | F1 | said/positive "
        "| F1 from toponym layers |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for score in report.layers or report.toponym_layers:
        s = score.scores if report.has_events else None
        mark = " (target)" if score.target else ""
        rows.append(
            f"| {score.layer}{mark} | {', '.join(score.positive_labels)} "
            f"| {', '.join(score.left_out_labels) or '-'} "
            f"| {_fmt(s.precision if s else None)} | {_fmt(s.recall if s else None)} "
            f"| {_fmt(s.f1 if s else None)} | {f'{s.predicted}/{s.gold}' if s else 'n/a'} "
            f"| {_fmt(topo[score.layer].scores.f1)} |"
        )
    source = "events" if report.has_events else "toponym layers"
    rows += [
        "",
        f"Label -> layers said ({source}; snippets; `{'(none)'}` = no event layer):",
        "",
        "| label | snippets | layers said |",
        "| --- | --- | --- |",
    ]
    for label, said in report.confusion.items():
        cells = ", ".join(f"{layer} {count}" for layer, count in said.items())
        rows.append(f"| {label} | {report.labels.get(label, 0)} | {cells} |")
    return rows


def _baseline_rows(baseline: dict[str, Any]) -> list[str]:
    rows = [
        f"### Before the event stage (commit `{baseline.get('commit', '?')}`, "
        f"{baseline.get('date', '?')})",
        "",
        "Layers came from trigger words governing a place in the parse; no events in the",
        "output, so only the figures that need none:",
        "",
        "| figure | value |",
        "| --- | --- |",
    ]
    for name, data in sorted(baseline.items()):
        if not isinstance(data, dict):
            continue
        if "on_event_layer" in data:
            rows += [
                f"| {name}: gold event locations on an event layer "
                f"| {_fmt(data['on_event_layer'])} ({data['on_event_layer_spans']:,} of "
                f"{data['gold_spans']:,}) |",
                f"| {name}: location recall (any place mention) "
                f"| {_fmt(data['location_recall'])} ({data['recognised_spans']:,} of "
                f"{data['distinct_gold_spans']:,}) |",
            ]
        for cells in data.get("toponym_layers", []):
            if cells["layer"] in {"strike_sites", "meetings"}:
                rows.append(
                    f"| {name}: {cells['layer']} from toponym layers, P / R / F1 "
                    f"| {_fmt(cells['precision'])} / {_fmt(cells['recall'])} / "
                    f"{_fmt(cells['f1'])} ({cells['said']} said, {cells['positive']} positive) |"
                )
    return rows


def events_markdown(
    measured: Sequence[EventMeasured], baseline: dict[str, Any] | None
) -> list[str]:
    """The events section of docs/accuracy.md."""
    lines = ["## Events", "", *DEFINITIONS, ""]
    lines += [
        "Targets (issue 14): event-location token F1 ≥ 0.85 with precision and recall each",
        "≥ 0.83 (Halterman 2019's supervised model); `strike_sites` F1 on CASE ≥ 0.85;",
        "`meetings` F1 on CASE ≥ 0.80 (NGEC 2025 CONSULT F1 0.657).",
        "",
    ]
    if baseline:
        lines += [*_baseline_rows(baseline), ""]
    for corpus in measured:
        report = corpus.report
        lines += [f"### {corpus.name}", ""]
        if not report.has_events:
            lines += ["The predictions carry no events: event figures n/a.", ""]
        if isinstance(report, EventLocReport):
            lines += _eventloc_rows(corpus, report)
        else:
            lines += _eventtype_rows(report)
        lines.append("")
    return lines
