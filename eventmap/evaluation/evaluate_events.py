"""What the event evaluations share: gold kinds, predicted events, geoparse inputs.

``eventmap eval`` scores three kinds of gold file (``../shared/eval/README.md``):

- ``toponyms``: documents with place names and points (GeoWebNews, GeoVirus),
  scored by :mod:`eventmap.evaluation.evaluate`;
- ``event_location``: one (sentence, event trigger) a line with the spans of
  the places where that event happened (Halterman's corpus), scored by
  :mod:`eventmap.evaluation.evaluate_eventloc`;
- ``event_type``: event snippets with one ACLED-style label (CASE 2021 task 2),
  scored by :mod:`eventmap.evaluation.evaluate_eventtype`.

:func:`gold_kind` tells them apart by the first record's keys. Predictions are
what ``eventmap geoparse`` writes: ``{"doc_id", "toponyms": [...], "events":
[{"type", "layer", "trigger": {"start", "end"}, "locations": [{"start",
"end"}], "date"}]}``. A record without ``"events"`` (output of a version before
the event stage) loads with ``events=None``: its event figures are then
undefined, and only the figures read from the toponyms' ``layers`` are given.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from eventmap.evaluation.evaluate import PredictedToponym, parse_predicted_toponym

__all__ = [
    "PLACES_LAYER",
    "GoldKind",
    "PredictedDoc",
    "PredictedEvent",
    "Span",
    "gold_kind",
    "load_event_predictions",
    "overlaps",
    "read_jsonl",
    "sentence_id",
]

Span = tuple[int, int]
"""A ``[start, end)`` character span of a text."""

GoldKind = Literal["toponyms", "event_location", "event_type"]

PLACES_LAYER = "places"
"""The layer of places that are on no event layer."""


def overlaps(a: Span, b: Span) -> bool:
    """Whether two half-open spans share at least one character.

    Examples
    --------
    >>> overlaps((0, 5), (4, 9)), overlaps((0, 5), (5, 9))
    (True, False)
    """
    return min(a[1], b[1]) > max(a[0], b[0])


def sentence_id(text: str) -> str:
    """The id under which a gold sentence is geoparsed: ``s`` + 12 hex digits of its SHA-1.

    The event-location corpus repeats a sentence on one line per trigger and
    reuses ``doc_id`` across sentences, so a sentence is named by its text:
    each distinct text is geoparsed once, and ``--predictions`` files for that
    corpus use these ids as ``doc_id``. Error listings name sentences by it,
    never by their text.
    """
    return "s" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


@dataclass(frozen=True, slots=True)
class PredictedEvent:
    """One event as ``eventmap geoparse`` writes it.

    ``trigger_words`` are the trigger's own words when the record lists them
    (an event noun and the verb that reports it, which can stand apart);
    ``denied`` says the text denies the event ("never struck X"), ``planned``
    that it tells it as planned or threatened ("threatened to strike X").
    """

    type: str
    layer: str
    trigger: Span
    locations: tuple[Span, ...] = ()
    date: str | None = None
    trigger_words: tuple[Span, ...] = ()
    denied: bool = False
    planned: bool = False

    def reported_by(self, span: Span) -> bool:
        """Whether ``span`` overlaps the trigger or one of its words."""
        return overlaps(self.trigger, span) or any(overlaps(w, span) for w in self.trigger_words)


@dataclass(frozen=True, slots=True)
class PredictedDoc:
    """One geoparse output line: its place mentions and, if the record has them, its events."""

    toponyms: tuple[PredictedToponym, ...] = ()
    events: tuple[PredictedEvent, ...] | None = None
    """None when the record carries no ``"events"`` key (before the event stage)."""

    def event_layers_of_toponyms(self) -> frozenset[str]:
        """Layers other than ``places`` that any toponym of the document is on."""
        return frozenset(
            layer for t in self.toponyms for layer in t.layers if layer != PLACES_LAYER
        )


# --------------------------------------------------------------------------- reading


def read_jsonl(
    path_or_lines: str | os.PathLike[str] | Iterable[str | Mapping[str, Any]],
    *,
    source: str,
) -> Iterator[tuple[str, int, Any]]:
    """Yield ``(source, line_no, record)`` for each non-blank JSON line or given record.

    Raises
    ------
    ValueError
        For a line that is not JSON, naming the source and the 1-based line.
    """
    items: Iterable[str | Mapping[str, Any]]
    if isinstance(path_or_lines, str | os.PathLike):
        source = os.fspath(path_or_lines)
        with open(path_or_lines, encoding="utf-8") as handle:
            items = list(handle)
    else:
        items = path_or_lines
    for line_no, item in enumerate(items, start=1):
        if isinstance(item, str):
            if not item.strip():
                continue
            try:
                record = json.loads(item)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{source}:{line_no}: not JSON ({exc.msg})") from exc
        else:
            record = item
        yield source, line_no, record


def gold_kind(path: str | os.PathLike[str]) -> GoldKind:
    """Which kind of gold a file holds, from its first record.

    A record with ``"toponyms"`` is geoparsing gold; one with ``"trigger"`` and
    ``"locations"`` (corpus ``event_location``) is event-location gold; one
    with ``"label"`` is event-type gold.

    Raises
    ------
    ValueError
        For an empty file or a first record of no known kind.
    """
    for source, line_no, record in read_jsonl(path, source=os.fspath(path)):
        if not isinstance(record, Mapping):
            raise ValueError(f"{source}:{line_no}: a line must hold a JSON object")
        if "toponyms" in record:
            return "toponyms"
        if "trigger" in record and "locations" in record:
            return "event_location"
        if "label" in record:
            return "event_type"
        raise ValueError(
            f"{source}:{line_no}: not a gold record: expected 'toponyms', "
            "'trigger' and 'locations', or 'label'"
        )
    raise ValueError(f"{os.fspath(path)}: no gold records")


def require_span(record: Any, what: str) -> Span:
    """A ``{"start", "end"}`` object as a span, checked (``0 <= start < end``)."""
    if not isinstance(record, Mapping):
        raise TypeError(f"{what} must be an object with 'start' and 'end', got {record!r}")
    start, end = record.get("start"), record.get("end")
    for value in (start, end):
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError(f"{what} 'start' and 'end' must be integers, got {record!r}")
    assert isinstance(start, int) and isinstance(end, int)
    if not 0 <= start < end:
        raise ValueError(f"{what}: bad span start={start}, end={end}")
    return start, end


def _require_str(record: Mapping[str, Any], key: str) -> str:
    value = record.get(key)
    if not isinstance(value, str) or not value:
        raise TypeError(f"event {key!r} must be a non-empty string, got {value!r}")
    return value


def _parse_event(record: Any) -> PredictedEvent:
    if not isinstance(record, Mapping):
        raise TypeError(f"event must be an object, got {record!r}")
    locations = record.get("locations") or []
    if not isinstance(locations, list):
        raise TypeError(f"event 'locations' must be a list, got {locations!r}")
    date = record.get("date")
    if date is not None and not isinstance(date, str):
        raise TypeError(f"event 'date' must be a string or null, got {date!r}")
    trigger = record.get("trigger")
    words = trigger.get("words") or [] if isinstance(trigger, Mapping) else []
    if not isinstance(words, list):
        raise TypeError(f"event trigger 'words' must be a list, got {words!r}")
    denied, planned = record.get("denied", False), record.get("planned", False)
    for key, flag in (("denied", denied), ("planned", planned)):
        if not isinstance(flag, bool):
            raise TypeError(f"event {key!r} must be true or false, got {flag!r}")
    return PredictedEvent(
        type=_require_str(record, "type"),
        layer=_require_str(record, "layer"),
        trigger=require_span(trigger, "event trigger"),
        locations=tuple(require_span(item, "event location") for item in locations),
        date=date,
        trigger_words=tuple(require_span(item, "event trigger word") for item in words),
        denied=denied,
        planned=planned,
    )


def _parse_record(record: Any) -> tuple[str, PredictedDoc]:
    if not isinstance(record, Mapping):
        raise TypeError("a line must hold a JSON object")
    doc_id = record.get("doc_id")
    if not isinstance(doc_id, str) or not doc_id:
        raise TypeError(f"'doc_id' must be a non-empty string, got {doc_id!r}")
    raw_toponyms = record.get("toponyms")
    if not isinstance(raw_toponyms, list):
        raise TypeError("'toponyms' must be a list")
    events: tuple[PredictedEvent, ...] | None = None
    if "events" in record:
        raw_events = record["events"]
        if not isinstance(raw_events, list):
            raise TypeError("'events' must be a list")
        events = tuple(_parse_event(item) for item in raw_events)
    return doc_id, PredictedDoc(
        toponyms=tuple(parse_predicted_toponym(item) for item in raw_toponyms),
        events=events,
    )


def load_event_predictions(
    path_or_lines: str | os.PathLike[str] | Iterable[str | Mapping[str, Any]],
    *,
    source: str = "<predictions>",
) -> dict[str, PredictedDoc]:
    """Read geoparse output keyed by ``doc_id``, with toponyms and events.

    Parameters
    ----------
    path_or_lines
        A path to a JSON-lines file (a ``str`` is always a path), or an
        iterable of JSON lines or of decoded records (``result_record`` output).
    source
        The name used in error messages when lines are given instead of a path.

    Raises
    ------
    ValueError
        For a malformed line or a repeated ``doc_id``, naming the source and line.
    """
    predictions: dict[str, PredictedDoc] = {}
    for where, line_no, record in read_jsonl(path_or_lines, source=source):
        try:
            doc_id, doc = _parse_record(record)
        except (ValueError, TypeError) as exc:
            raise ValueError(f"{where}:{line_no}: {exc}") from exc
        if doc_id in predictions:
            raise ValueError(f"{where}:{line_no}: duplicate doc_id {doc_id!r}")
        predictions[doc_id] = doc
    return predictions
