r"""Score where events happened against event-location gold (Halterman 2019).

Gold lines are ``{"doc_id", "corpus": "event_location", "text", "trigger":
{"start", "end", "text"}, "locations": [{"start", "end", "text"}]}``: one
(sentence, event verb) a line, with the spans of the places where that event
happened (often none). The same sentence comes back on one line per verb, so
each distinct text is geoparsed once, under
:func:`~eventmap.evaluation.evaluate_events.sentence_id`.

Rules
-----
- For each line, the *predicted locations* are the location spans of every
  predicted event whose trigger overlaps the gold trigger (by one character or
  more), pooled without duplicates.
- Tokens are ``\w+|[^\w\s]`` of the text; a token is *covered* by a set of
  spans when it overlaps one of them. Token precision, recall and F1 are micro
  over lines: a true positive is a token covered by both the gold and the
  predicted locations of the same line (Halterman 2019's metric).
- Span recall: the share of gold location spans that some predicted location
  of the same line overlaps.
- Trigger recall: over lines with at least one gold location, the share whose
  trigger some predicted event overlaps (with or without locations).
- Location recall (recognition, whatever the events): the share of distinct
  gold location spans (sentence, start, end) that any predicted place mention
  (``toponyms``, any kind) overlaps.
- On an event layer: the share of gold location spans (per line: one per event
  location) that a predicted place mention overlaps whose ``layers`` hold a
  layer other than ``places``. It needs no events, so it also measures output
  from before the event stage.

The first annotation pass misses some true locations, so precision is a lower
bound; :func:`error_classes` sorts the errors to read.

Error classes
-------------
A missed gold span is ``missed: no event at the trigger`` (no predicted event
overlaps the gold trigger), else ``missed: not recognised as a place`` (no
place mention overlaps it), else ``missed: place found, not given to the
event``. A predicted location overlapping no gold span of its line is
``spurious: line has no gold location``, ``spurious: a location of another
event in the sentence`` (it overlaps a gold span of another line of the same
sentence) or ``spurious: a place that is no gold location``.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from eventmap.evaluation.evaluate import gold_doc_id_and_text
from eventmap.evaluation.evaluate_events import (
    PLACES_LAYER,
    PredictedDoc,
    Span,
    overlaps,
    read_jsonl,
    require_span,
    sentence_id,
)

__all__ = [
    "MISSED_NOT_A_PLACE",
    "MISSED_NOT_GIVEN",
    "MISSED_NO_EVENT",
    "PRF",
    "SPURIOUS_NO_GOLD",
    "SPURIOUS_OTHER_EVENT",
    "SPURIOUS_OTHER_PLACE",
    "EventLocCounts",
    "EventLocLine",
    "EventLocReport",
    "LineScore",
    "error_classes",
    "evaluate_eventloc",
    "format_eventloc_report",
    "format_eventloc_worst",
    "geoparse_inputs",
    "load_eventloc_gold",
    "prf",
    "report_to_dict",
    "score_lines",
    "tokens",
]

MISSED_NO_EVENT = "missed: no event at the trigger"
MISSED_NOT_A_PLACE = "missed: not recognised as a place"
MISSED_NOT_GIVEN = "missed: place found, not given to the event"
SPURIOUS_NO_GOLD = "spurious: line has no gold location"
SPURIOUS_OTHER_EVENT = "spurious: a location of another event in the sentence"
SPURIOUS_OTHER_PLACE = "spurious: a place that is no gold location"

_TOKEN = re.compile(r"\w+|[^\w\s]")


# --------------------------------------------------------------------------- values


@dataclass(frozen=True, slots=True)
class EventLocLine:
    """One gold line: a sentence, its event trigger, and where that event happened."""

    line_no: int
    doc_id: str
    sentence_id: str
    text: str
    trigger: Span
    locations: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class LineScore:
    """How one gold line's predictions fell."""

    line: EventLocLine
    has_prediction: bool
    """Whether its sentence had a prediction line at all."""
    event_found: bool
    """Whether a predicted event's trigger overlaps the gold trigger."""
    predicted: tuple[Span, ...]
    gold_tokens: int
    predicted_tokens: int
    true_tokens: int
    found: tuple[Span, ...]
    """Gold spans some predicted location overlaps."""
    missed: tuple[tuple[Span, str], ...]
    """Gold spans no predicted location overlaps, each with its error class."""
    spurious: tuple[tuple[Span, str], ...]
    """Predicted locations overlapping no gold span, each with its error class."""
    on_event_layer: int
    """Gold spans a place mention on a layer other than ``places`` overlaps."""

    @property
    def errors(self) -> int:
        """Missed plus spurious spans."""
        return len(self.missed) + len(self.spurious)


@dataclass(frozen=True, slots=True)
class PRF:
    """Precision, recall and F1 (None where undefined) and the counts behind them."""

    true: int
    predicted: int
    gold: int
    precision: float | None
    recall: float | None
    f1: float | None


@dataclass(frozen=True, slots=True)
class EventLocCounts:
    """The numbers behind the event-location scores."""

    lines: int
    sentences: int
    sentences_without_predictions: int
    lines_with_location: int
    gold_spans: int
    distinct_gold_spans: int
    predicted_spans: int
    spans_found: int
    triggers_found: int
    """Lines with a gold location whose trigger got an event."""
    triggers_found_any: int
    """Lines (with or without a gold location) whose trigger got an event."""
    recognised_spans: int
    """Distinct gold spans overlapped by some place mention."""
    on_event_layer_spans: int


@dataclass(frozen=True, slots=True)
class EventLocReport:
    """Everything ``eventmap eval`` prints for event-location gold."""

    has_events: bool
    """False when no prediction carries events: the event figures are then None."""
    counts: EventLocCounts
    tokens: PRF
    span_recall: float | None
    trigger_recall: float | None
    location_recall: float | None
    on_event_layer: float | None
    errors: dict[str, int] = field(default_factory=dict)


# --------------------------------------------------------------------------- loading


def _parse_line(record: Any, line_no: int) -> EventLocLine:
    doc_id, text = gold_doc_id_and_text(record)
    raw_locations = record.get("locations")
    if not isinstance(raw_locations, list):
        raise TypeError("'locations' must be a list")
    trigger = require_span(record.get("trigger"), "trigger")
    locations = tuple(sorted(require_span(item, "location") for item in raw_locations))
    for start, end in (trigger, *locations):
        if end > len(text):
            raise ValueError(f"span {start}:{end} runs past the text ({len(text)} characters)")
    return EventLocLine(
        line_no=line_no,
        doc_id=doc_id,
        sentence_id=sentence_id(text),
        text=text,
        trigger=trigger,
        locations=locations,
    )


def load_eventloc_gold(
    path_or_lines: str | os.PathLike[str] | Iterable[str | Mapping[str, Any]],
    *,
    source: str = "<gold>",
) -> list[EventLocLine]:
    """Read event-location gold lines.

    Raises
    ------
    ValueError
        For a malformed line (bad JSON, missing field, span outside the text),
        naming the source and the 1-based line number.
    """
    lines = []
    for where, line_no, record in read_jsonl(path_or_lines, source=source):
        try:
            lines.append(_parse_line(record, line_no))
        except (ValueError, TypeError) as exc:
            raise ValueError(f"{where}:{line_no}: {exc}") from exc
    return lines


def geoparse_inputs(lines: Iterable[EventLocLine]) -> list[dict[str, str]]:
    """The geoparse input records: each distinct sentence once, under its sentence id."""
    seen: dict[str, str] = {}
    for line in lines:
        seen.setdefault(line.sentence_id, line.text)
    return [{"doc_id": sid, "text": text} for sid, text in seen.items()]


# --------------------------------------------------------------------------- scoring


def tokens(text: str) -> list[Span]:
    """Word tokens of a text as spans: runs of word characters, and each other non-space.

    Examples
    --------
    >>> tokens("al-Bab, Syria")
    [(0, 2), (2, 3), (3, 6), (6, 7), (8, 13)]
    """
    return [m.span() for m in _TOKEN.finditer(text)]


def _covered(token_spans: Sequence[Span], spans: Iterable[Span]) -> set[int]:
    spans = list(spans)
    return {i for i, tok in enumerate(token_spans) if any(overlaps(tok, s) for s in spans)}


def _score_line(
    line: EventLocLine,
    doc: PredictedDoc | None,
    token_spans: Sequence[Span],
    sentence_gold: Sequence[Span],
) -> LineScore:
    events = (doc.events or ()) if doc is not None else ()
    toponyms = doc.toponyms if doc is not None else ()
    matched = [e for e in events if e.reported_by(line.trigger)]
    predicted = tuple(sorted({span for e in matched for span in e.locations}))
    gold_tokens = _covered(token_spans, line.locations)
    predicted_tokens = _covered(token_spans, predicted)

    found, missed = [], []
    for gold in line.locations:
        if any(overlaps(gold, p) for p in predicted):
            found.append(gold)
        elif not matched:
            missed.append((gold, MISSED_NO_EVENT))
        elif not any(overlaps(gold, (t.start, t.end)) for t in toponyms):
            missed.append((gold, MISSED_NOT_A_PLACE))
        else:
            missed.append((gold, MISSED_NOT_GIVEN))
    spurious = []
    for span in predicted:
        if any(overlaps(span, g) for g in line.locations):
            continue
        if not line.locations:
            spurious.append((span, SPURIOUS_NO_GOLD))
        elif any(overlaps(span, g) for g in sentence_gold):
            spurious.append((span, SPURIOUS_OTHER_EVENT))
        else:
            spurious.append((span, SPURIOUS_OTHER_PLACE))
    on_layer = sum(
        1
        for gold in line.locations
        if any(
            overlaps(gold, (t.start, t.end)) and any(x != PLACES_LAYER for x in t.layers)
            for t in toponyms
        )
    )
    return LineScore(
        line=line,
        has_prediction=doc is not None,
        event_found=bool(matched),
        predicted=predicted,
        gold_tokens=len(gold_tokens),
        predicted_tokens=len(predicted_tokens),
        true_tokens=len(gold_tokens & predicted_tokens),
        found=tuple(found),
        missed=tuple(missed),
        spurious=tuple(spurious),
        on_event_layer=on_layer,
    )


def score_lines(
    lines: Sequence[EventLocLine], predictions: Mapping[str, PredictedDoc]
) -> list[LineScore]:
    """Score each gold line against the prediction for its sentence, in gold order."""
    by_sentence: dict[str, set[Span]] = {}
    for line in lines:
        by_sentence.setdefault(line.sentence_id, set()).update(line.locations)
    token_cache: dict[str, list[Span]] = {}
    scores = []
    for line in lines:
        token_spans = token_cache.get(line.sentence_id)
        if token_spans is None:
            token_spans = token_cache[line.sentence_id] = tokens(line.text)
        others = sorted(by_sentence[line.sentence_id] - set(line.locations))
        scores.append(_score_line(line, predictions.get(line.sentence_id), token_spans, others))
    return scores


def _ratio(numerator: int, denominator: int) -> float | None:
    return numerator / denominator if denominator else None


def prf(true: int, predicted: int, gold: int) -> PRF:
    """Precision, recall and F1 from counts; F1 is 0.0 when both are 0.

    Examples
    --------
    >>> prf(3, 4, 6).f1
    0.6
    """
    precision, recall = _ratio(true, predicted), _ratio(true, gold)
    f1: float | None = None
    if precision is not None and recall is not None:
        total = precision + recall
        f1 = 2 * precision * recall / total if total else 0.0
    return PRF(true, predicted, gold, precision, recall, f1)


def error_classes(scores: Iterable[LineScore]) -> dict[str, int]:
    """Missed and spurious spans counted by error class, largest first."""
    counter = Counter(kind for s in scores for _, kind in (*s.missed, *s.spurious))
    return dict(sorted(counter.items(), key=lambda item: (-item[1], item[0])))


def evaluate_eventloc(
    lines: Sequence[EventLocLine], predictions: Mapping[str, PredictedDoc]
) -> EventLocReport:
    """Score predictions against event-location gold (see the module docstring)."""
    scores = score_lines(lines, predictions)
    has_events = any(doc.events is not None for doc in predictions.values())
    sentences = {line.sentence_id for line in lines}
    distinct: set[tuple[str, Span]] = set()
    recognised: set[tuple[str, Span]] = set()
    for line in lines:
        doc = predictions.get(line.sentence_id)
        for gold in line.locations:
            key = (line.sentence_id, gold)
            distinct.add(key)
            if doc is not None and any(overlaps(gold, (t.start, t.end)) for t in doc.toponyms):
                recognised.add(key)
    located = [s for s in scores if s.line.locations]
    gold_spans = sum(len(s.line.locations) for s in scores)
    counts = EventLocCounts(
        lines=len(scores),
        sentences=len(sentences),
        sentences_without_predictions=sum(1 for sid in sentences if sid not in predictions),
        lines_with_location=len(located),
        gold_spans=gold_spans,
        distinct_gold_spans=len(distinct),
        predicted_spans=sum(len(s.predicted) for s in scores),
        spans_found=sum(len(s.found) for s in scores),
        triggers_found=sum(1 for s in located if s.event_found),
        triggers_found_any=sum(1 for s in scores if s.event_found),
        recognised_spans=len(recognised),
        on_event_layer_spans=sum(s.on_event_layer for s in scores),
    )
    token_scores = prf(
        sum(s.true_tokens for s in scores),
        sum(s.predicted_tokens for s in scores),
        sum(s.gold_tokens for s in scores),
    )
    if not has_events:
        token_scores = PRF(0, 0, token_scores.gold, None, None, None)
    return EventLocReport(
        has_events=has_events,
        counts=counts,
        tokens=token_scores,
        span_recall=_ratio(counts.spans_found, gold_spans) if has_events else None,
        trigger_recall=_ratio(counts.triggers_found, len(located)) if has_events else None,
        location_recall=_ratio(len(recognised), len(distinct)),
        on_event_layer=_ratio(counts.on_event_layer_spans, gold_spans),
        errors=error_classes(scores) if has_events else {},
    )


# --------------------------------------------------------------------------- output


def report_to_dict(report: EventLocReport) -> dict[str, Any]:
    """The report as plain JSON-ready data, tagged with its gold kind."""
    return {"kind": "event_location", **asdict(report)}


def _num(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def format_eventloc_report(report: EventLocReport) -> str:
    """Render the report as plain text."""
    c, t = report.counts, report.tokens
    rows = [
        f"lines (sentence, trigger)  {c.lines:>6}  ({c.lines_with_location} with a location)",
        f"distinct sentences         {c.sentences:>6}  (without predictions: "
        f"{c.sentences_without_predictions})",
        f"gold location spans        {c.gold_spans:>6}  ({c.distinct_gold_spans} distinct)",
        "",
    ]
    if not report.has_events:
        rows.append("predictions carry no events: event figures n/a")
    else:
        rows += [
            "event location   precision   recall       F1   (tokens: "
            f"{t.true} of {t.predicted} predicted, {t.gold} gold)",
            f"  tokens         {_num(t.precision):>9}  {_num(t.recall):>7}  {_num(t.f1):>7}",
            f"  span recall    {'':>9}  {_num(report.span_recall):>7}  "
            f"({c.spans_found} of {c.gold_spans}; {c.predicted_spans} spans predicted)",
            f"  trigger recall {'':>9}  {_num(report.trigger_recall):>7}  "
            f"({c.triggers_found} of {c.lines_with_location}; any line: "
            f"{c.triggers_found_any} of {c.lines})",
        ]
    rows += [
        "",
        f"location recall (any place mention)  {_num(report.location_recall)}  "
        f"({c.recognised_spans} of {c.distinct_gold_spans} distinct spans)",
        f"on an event layer (toponym layers)   {_num(report.on_event_layer)}  "
        f"({c.on_event_layer_spans} of {c.gold_spans})",
    ]
    if report.errors:
        rows += ["", "errors (spans)"]
        rows += [f"  {count:>6}  {kind}" for kind, count in report.errors.items()]
    return "\n".join(rows) + "\n"


def format_eventloc_worst(scores: Sequence[LineScore], n: int) -> str:
    """The ``n`` lines with the most missed + spurious spans, named by sentence id.

    Shows the trigger and the spans with their words, for reading on a
    terminal; nothing of it belongs in a committed file.
    """
    ranked = sorted(
        (s for s in scores if s.errors),
        key=lambda s: (-s.errors, s.line.sentence_id, s.line.line_no),
    )[:n]
    out = [f"Worst {n} lines (missed + spurious location spans):"]
    for score in ranked:
        line = score.line
        start, end = line.trigger
        out.append(
            f"  {line.sentence_id} (gold line {line.line_no}) trigger {start}:{end} "
            f"{line.text[start:end]!r}: {score.errors} errors"
        )
        for (s, e), kind in (*score.missed, *score.spurious):
            out.append(f"    {s}:{e} {line.text[s:e]!r}  {kind}")
    return "\n".join(out)
