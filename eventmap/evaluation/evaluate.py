"""Score geoparsing output against a gold corpus (what ``eventmap eval`` reports).

The gold files are JSON lines ``{"doc_id", "corpus", "title", "url", "text",
"toponyms": [{"start", "end", "name", "lat", "lon", "geonameid", "type"?, ...}]}``;
the predictions are what ``eventmap geoparse`` writes, lines ``{"doc_id",
"toponyms": [{"start", "end", "name", "kind", "lat", "lon", "gazetteer_id",
"layers"}]}``. Everything between :func:`load_gold` / :func:`load_predictions`
and :func:`format_report` is pure, so tests and other tools can score documents
built in memory.

Which gold annotations are scored
---------------------------------
GeoWebNews types every annotation. By the common convention (Gritta et al.)
``Demonym``, ``Homonym`` (a place name used for a person or thing, not a place)
and ``Language`` are not toponyms and are left out of scoring
(:data:`EXCLUDED_TYPES`). Every other type in the corpus is a place name used
literally or associatively and is scored (:data:`TOPONYM_TYPES`): ``Literal``,
``Mixed``, ``Coercion``, ``Metonymic``, ``Non_Literal_Modifier``,
``Literal_Modifier``, ``Embedded_Literal`` and ``Embedded_Non_Lit``. A type
outside both sets is refused when the gold file is loaded, so that a new corpus
forces a decision instead of silently moving the scores. A gold toponym with no
``type`` field (GeoVirus) is scored.

Matching
--------
Within one document, predicted spans are matched to scored gold spans one to
one, greedily by character overlap: the pair with the largest overlap first,
ties broken by the earlier gold start, then the earlier predicted start. A
predicted span left unmatched that overlaps a left-out gold span counts neither
way (it is *neutral*); any other unmatched prediction is a false positive. For
a corpus whose gold carries no ``type`` field at all (it does not tag
demonyms), predictions of kind ``demonym`` are ignored. Exact-span figures use
the same scored predictions and count a match only when start and end agree.

Metrics
-------
- Recognition: precision, recall and F1 over scored toponyms, by overlap and by
  exact span.
- Resolution given recognition: over gold toponyms with coordinates matched
  (by overlap) to a prediction with coordinates: accuracy within 161 km
  (error <= 161 km), mean and median great-circle error, and AUC, the mean of
  ``ln(1 + error_km) / ln(20039)`` (0 is perfect, 1 is the antipode).
- End to end: accuracy within 161 km over every scored gold toponym with
  coordinates; a missed or unresolved one counts as wrong.

A gold document with no line in the predictions counts as all missed;
prediction lines for documents not in the gold are counted and otherwise ignored.
"""

from __future__ import annotations

import json
import math
import os
import statistics
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from geo.disambiguate import EARTH_RADIUS_KM, haversine_km
from geo.types import MentionKind

__all__ = [
    "ACCURACY_KM",
    "AUC_MAX_ERROR_KM",
    "EARTH_RADIUS_KM",
    "EXCLUDED_TYPES",
    "TOPONYM_TYPES",
    "Confusion",
    "DocumentErrors",
    "DocumentScore",
    "EvalCounts",
    "EvalReport",
    "GoldDoc",
    "GoldToponym",
    "Match",
    "PredictedToponym",
    "RecognitionScores",
    "ResolutionScores",
    "confusions",
    "evaluate",
    "format_report",
    "format_worst",
    "haversine_km",
    "load_gold",
    "load_predictions",
    "match_spans",
    "parse_predicted_toponym",
    "report_to_dict",
    "resolution_scores",
    "run_eval",
    "score_documents",
    "worst_documents",
]

ACCURACY_KM = 161.0
"""An error at or under this many kilometres (100 miles) counts as correct."""
"""Mean Earth radius (IUGG) used for great-circle errors."""
AUC_MAX_ERROR_KM = 20039.0
"""The error that scores 1 in the AUC (about half the Earth's circumference)."""

TOPONYM_TYPES = frozenset(
    {
        "Literal",
        "Mixed",
        "Coercion",
        "Metonymic",
        "Non_Literal_Modifier",
        "Literal_Modifier",
        "Embedded_Literal",
        "Embedded_Non_Lit",
    }
)
"""Gold ``type`` values that are place names and are scored."""
EXCLUDED_TYPES = frozenset({"Demonym", "Homonym", "Language"})
"""Gold ``type`` values left out of scoring: not place names."""

_KINDS = frozenset(kind.value for kind in MentionKind)
_LN_AUC_MAX = math.log(AUC_MAX_ERROR_KM)


# --------------------------------------------------------------------------- values


@dataclass(frozen=True, slots=True)
class GoldToponym:
    """One gold annotation: a span of the document text and, if known, its point."""

    start: int
    end: int
    name: str
    lat: float | None = None
    lon: float | None = None
    geonameid: str | None = None
    type: str | None = None
    """The GeoWebNews annotation type; None for corpora that do not type toponyms."""

    @property
    def scored(self) -> bool:
        """Whether this annotation counts as a toponym (its type is not excluded)."""
        return self.type not in EXCLUDED_TYPES

    @property
    def has_coordinates(self) -> bool:
        """Whether the annotation has a point (else it counts for recognition only)."""
        return self.lat is not None and self.lon is not None


@dataclass(frozen=True, slots=True)
class GoldDoc:
    """One gold document: its text and its annotations, sorted by start."""

    doc_id: str
    corpus: str
    text: str
    toponyms: tuple[GoldToponym, ...] = ()
    title: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class PredictedToponym:
    """One predicted place mention, as ``eventmap geoparse`` writes it."""

    start: int
    end: int
    name: str
    kind: str = MentionKind.TOPONYM.value
    lat: float | None = None
    lon: float | None = None
    gazetteer_id: str | None = None
    layers: tuple[str, ...] = ()

    @property
    def has_coordinates(self) -> bool:
        """Whether the mention was resolved to a point."""
        return self.lat is not None and self.lon is not None


@dataclass(frozen=True, slots=True)
class Match:
    """A gold toponym matched by overlap to a prediction, with the error if both have points."""

    gold: GoldToponym
    predicted: PredictedToponym
    exact: bool
    error_km: float | None


@dataclass(frozen=True, slots=True)
class DocumentScore:
    """How one document's predictions fell against its gold."""

    doc_id: str
    corpus: str
    has_predictions: bool
    scored_gold: tuple[GoldToponym, ...]
    excluded_gold: tuple[GoldToponym, ...]
    matches: tuple[Match, ...]
    exact_matches: int
    missed: tuple[GoldToponym, ...]
    false_positives: tuple[PredictedToponym, ...]
    neutral: tuple[PredictedToponym, ...]
    """Unmatched predictions that overlap a left-out gold span: counted neither way."""
    ignored: tuple[PredictedToponym, ...]
    """Demonym predictions in a corpus that does not tag demonyms."""

    @property
    def scored_predictions(self) -> int:
        """Predictions that count for precision: matched ones plus false positives."""
        return len(self.matches) + len(self.false_positives)

    @property
    def wrong(self) -> tuple[Match, ...]:
        """Matches on gold with coordinates that were unresolved or off by > 161 km."""
        return tuple(
            m
            for m in self.matches
            if m.gold.has_coordinates and (m.error_km is None or m.error_km > ACCURACY_KM)
        )


@dataclass(frozen=True, slots=True)
class RecognitionScores:
    """Precision, recall and F1 of span recognition (None where undefined)."""

    matched: int
    precision: float | None
    recall: float | None
    f1: float | None


@dataclass(frozen=True, slots=True)
class ResolutionScores:
    """Resolution quality over matched gold/prediction pairs that both have points."""

    pairs: int
    correct: int
    accuracy_161: float | None
    mean_error_km: float | None
    median_error_km: float | None
    auc: float | None


@dataclass(frozen=True, slots=True)
class EvalCounts:
    """The numbers behind the scores."""

    documents: int
    documents_without_predictions: int
    prediction_documents_not_in_gold: int
    gold_toponyms: int
    gold_excluded: int
    gold_scored: int
    gold_with_coordinates: int
    predicted: int
    predicted_ignored: int
    predicted_neutral: int
    predicted_scored: int
    matched: int
    matched_exact: int
    matched_unresolved: int
    """Matches on gold with coordinates whose prediction has none."""
    false_positives: int
    missed: int
    correct_end_to_end: int


@dataclass(frozen=True, slots=True)
class EvalReport:
    """Everything ``eventmap eval`` prints."""

    counts: EvalCounts
    recognition: RecognitionScores
    recognition_exact: RecognitionScores
    resolution: ResolutionScores
    end_to_end_accuracy_161: float | None
    excluded_by_type: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Confusion:
    """A gold toponym matched to a prediction placed too far away (or not placed)."""

    doc_id: str
    gold_name: str
    gold_start: int
    gold_end: int
    gold_lat: float
    gold_lon: float
    predicted_name: str
    predicted_lat: float | None
    predicted_lon: float | None
    gazetteer_id: str | None
    error_km: float | None
    """None when the prediction has no coordinates."""


@dataclass(frozen=True, slots=True)
class DocumentErrors:
    """One document's errors, for ranking the worst documents."""

    doc_id: str
    corpus: str
    gold_scored: int
    missed: tuple[str, ...]
    wrong: tuple[Confusion, ...]
    false_positives: tuple[str, ...]

    @property
    def errors(self) -> int:
        """Missed + wrongly resolved + false positives."""
        return len(self.missed) + len(self.wrong) + len(self.false_positives)


# --------------------------------------------------------------------------- loading


def _fail(source: str, line_no: int, message: str) -> ValueError:
    return ValueError(f"{source}:{line_no}: {message}")


def _read_lines(path: str | os.PathLike[str]) -> Iterator[str]:
    with open(path, encoding="utf-8") as handle:
        yield from handle


def _require_int(record: Mapping[str, Any], key: str) -> int:
    value = record.get(key)
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{key!r} must be an integer, got {value!r}")
    return value


def _optional_str(record: Mapping[str, Any], key: str) -> str | None:
    value = record.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise TypeError(f"{key!r} must be a string, got {value!r}")
    return str(value)


def _number(key: str, value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"{key!r} must be a number or null (both or neither), got {value!r}")
    return float(value)


def _coordinates(record: Mapping[str, Any]) -> tuple[float | None, float | None]:
    raw_lat, raw_lon = record.get("lat"), record.get("lon")
    if raw_lat is None and raw_lon is None:
        return None, None
    lat, lon = _number("lat", raw_lat), _number("lon", raw_lon)
    if not (math.isfinite(lat) and math.isfinite(lon)):
        raise ValueError(f"coordinates must be finite: lat={lat!r}, lon={lon!r}")
    if not (-90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0):
        raise ValueError(f"coordinates out of range: lat={lat!r}, lon={lon!r}")
    return lat, lon


def _span(record: Mapping[str, Any]) -> tuple[int, int]:
    start, end = _require_int(record, "start"), _require_int(record, "end")
    if not 0 <= start < end:
        raise ValueError(f"bad span start={start}, end={end}")
    return start, end


def _parse_gold_toponym(record: Any, text: str) -> GoldToponym:
    if not isinstance(record, Mapping):
        raise TypeError(f"toponym must be an object, got {record!r}")
    start, end = _span(record)
    name = record.get("name")
    if text[start:end] != name:
        raise ValueError(f"text[{start}:{end}] is {text[start:end]!r}, not name {name!r}")
    kind = record.get("type")
    if kind is not None and kind not in TOPONYM_TYPES | EXCLUDED_TYPES:
        raise ValueError(
            f"unknown toponym type {kind!r}; add it to TOPONYM_TYPES or EXCLUDED_TYPES"
        )
    lat, lon = _coordinates(record)
    return GoldToponym(
        start=start,
        end=end,
        name=name,
        lat=lat,
        lon=lon,
        geonameid=_optional_str(record, "geonameid"),
        type=kind,
    )


def gold_doc_id_and_text(record: Any) -> tuple[str, str]:
    """A gold line's ``doc_id`` and ``text``, checked; ``TypeError`` names what is wrong."""
    if not isinstance(record, Mapping):
        raise TypeError("a line must hold a JSON object")
    doc_id, text = record.get("doc_id"), record.get("text")
    if not isinstance(doc_id, str) or not doc_id:
        raise TypeError(f"'doc_id' must be a non-empty string, got {doc_id!r}")
    if not isinstance(text, str):
        raise TypeError("'text' must be a string")
    return doc_id, text


def _parse_gold_doc(record: Any) -> GoldDoc:
    doc_id, text = gold_doc_id_and_text(record)
    raw_toponyms = record.get("toponyms")
    if not isinstance(raw_toponyms, list):
        raise TypeError("'toponyms' must be a list")
    toponyms = sorted(
        (_parse_gold_toponym(item, text) for item in raw_toponyms),
        key=lambda t: (t.start, t.end),
    )
    return GoldDoc(
        doc_id=doc_id,
        corpus=str(record.get("corpus") or ""),
        text=text,
        toponyms=tuple(toponyms),
        title=_optional_str(record, "title"),
        url=_optional_str(record, "url"),
    )


def load_gold(path: str | os.PathLike[str]) -> list[GoldDoc]:
    """Read a gold JSON-lines file.

    Raises
    ------
    ValueError
        For a malformed line (bad JSON, missing field, span that does not
        match the text, unknown type, duplicate ``doc_id``), naming the file
        and the 1-based line number.
    """
    source = os.fspath(path)
    docs: list[GoldDoc] = []
    seen: set[str] = set()
    for line_no, line in enumerate(_read_lines(path), start=1):
        if not line.strip():
            continue
        try:
            doc = _parse_gold_doc(json.loads(line))
        except (ValueError, TypeError) as exc:
            raise _fail(source, line_no, str(exc)) from exc
        if doc.doc_id in seen:
            raise _fail(source, line_no, f"duplicate doc_id {doc.doc_id!r}")
        seen.add(doc.doc_id)
        docs.append(doc)
    return docs


def parse_predicted_toponym(record: Any) -> PredictedToponym:
    """One place mention of a geoparse output line, checked."""
    if not isinstance(record, Mapping):
        raise TypeError(f"toponym must be an object, got {record!r}")
    start, end = _span(record)
    name = record.get("name", "")
    if not isinstance(name, str):
        raise TypeError(f"'name' must be a string, got {name!r}")
    kind = record.get("kind", MentionKind.TOPONYM.value)
    if kind not in _KINDS:
        raise ValueError(f"'kind' must be one of {sorted(_KINDS)}, got {kind!r}")
    layers = record.get("layers") or []
    if not isinstance(layers, list) or not all(isinstance(x, str) for x in layers):
        raise TypeError(f"'layers' must be a list of strings, got {layers!r}")
    lat, lon = _coordinates(record)
    return PredictedToponym(
        start=start,
        end=end,
        name=name,
        kind=kind,
        lat=lat,
        lon=lon,
        gazetteer_id=_optional_str(record, "gazetteer_id"),
        layers=tuple(layers),
    )


def _parse_prediction_record(record: Any) -> tuple[str, list[PredictedToponym]]:
    if not isinstance(record, Mapping):
        raise TypeError("a line must hold a JSON object")
    doc_id = record.get("doc_id")
    if not isinstance(doc_id, str) or not doc_id:
        raise TypeError(f"'doc_id' must be a non-empty string, got {doc_id!r}")
    raw = record.get("toponyms")
    if not isinstance(raw, list):
        raise TypeError("'toponyms' must be a list")
    return doc_id, [parse_predicted_toponym(item) for item in raw]


def load_predictions(
    path_or_lines: str | os.PathLike[str] | Iterable[str | Mapping[str, Any]],
    *,
    source: str = "<predictions>",
) -> dict[str, list[PredictedToponym]]:
    """Read predictions keyed by ``doc_id``.

    Parameters
    ----------
    path_or_lines
        A path to a JSON-lines file (a ``str`` is always a path), or an
        iterable of JSON lines or of already decoded records, such as the
        in-memory output of the geoparse stage.
    source
        The name used in error messages when lines are given instead of a path.

    Raises
    ------
    ValueError
        For a malformed line or a repeated ``doc_id``, naming the file (or
        ``source``) and the 1-based line number.
    """
    items: Iterable[str | Mapping[str, Any]]
    if isinstance(path_or_lines, str | os.PathLike):
        source = os.fspath(path_or_lines)
        items = _read_lines(path_or_lines)
    else:
        items = path_or_lines
    predictions: dict[str, list[PredictedToponym]] = {}
    for line_no, item in enumerate(items, start=1):
        if isinstance(item, str) and not item.strip():
            continue
        try:
            record = json.loads(item) if isinstance(item, str) else item
            doc_id, toponyms = _parse_prediction_record(record)
        except (ValueError, TypeError) as exc:
            raise _fail(source, line_no, str(exc)) from exc
        if doc_id in predictions:
            raise _fail(source, line_no, f"duplicate doc_id {doc_id!r}")
        predictions[doc_id] = toponyms
    return predictions


# --------------------------------------------------------------------------- scoring


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return min(a[1], b[1]) - max(a[0], b[0])


def match_spans(
    gold: Sequence[tuple[int, int]],
    predicted: Sequence[tuple[int, int]],
    *,
    exact: bool = False,
) -> list[tuple[int, int]]:
    """Match spans one to one, greedily by character overlap.

    Returns ``(gold_index, predicted_index)`` pairs. The pair with the largest
    overlap is taken first; ties go to the earlier gold start, then the earlier
    predicted start. With ``exact=True`` only identical spans match.

    Examples
    --------
    >>> match_spans([(0, 5), (6, 10)], [(0, 10)])
    [(0, 0)]
    >>> match_spans([(0, 5)], [(2, 5)], exact=True)
    []
    """
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            size = _overlap(g, p)
            if size > 0 and (not exact or tuple(g) == tuple(p)):
                candidates.append((-size, g[0], p[0], gi, pi))
    candidates.sort()
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs = []
    for _, _, _, gi, pi in candidates:
        if gi not in used_gold and pi not in used_pred:
            used_gold.add(gi)
            used_pred.add(pi)
            pairs.append((gi, pi))
    return sorted(pairs)


def _typed_corpora(gold_docs: Iterable[GoldDoc]) -> frozenset[str]:
    """Corpora in which some gold toponym carries a ``type``."""
    return frozenset(
        doc.corpus for doc in gold_docs if any(t.type is not None for t in doc.toponyms)
    )


def _score_document(
    doc: GoldDoc, predicted: Sequence[PredictedToponym] | None, *, typed: bool
) -> DocumentScore:
    scored_gold = [t for t in doc.toponyms if t.scored]
    excluded_gold = [t for t in doc.toponyms if not t.scored]
    preds = list(predicted or ())
    ignored = [] if typed else [p for p in preds if p.kind == MentionKind.DEMONYM.value]
    if ignored:
        preds = [p for p in preds if p.kind != MentionKind.DEMONYM.value]

    gold_spans = [(t.start, t.end) for t in scored_gold]
    pred_spans = [(p.start, p.end) for p in preds]
    matches = []
    matched_gold: set[int] = set()
    matched_pred: set[int] = set()
    for gi, pi in match_spans(gold_spans, pred_spans):
        gold, pred = scored_gold[gi], preds[pi]
        error = None
        if gold.lat is not None and gold.lon is not None and pred.lat is not None:
            assert pred.lon is not None
            error = haversine_km(gold.lat, gold.lon, pred.lat, pred.lon)
        exact = (gold.start, gold.end) == (pred.start, pred.end)
        matches.append(Match(gold=gold, predicted=pred, exact=exact, error_km=error))
        matched_gold.add(gi)
        matched_pred.add(pi)

    neutral, false_positives = [], []
    excluded_spans = [(t.start, t.end) for t in excluded_gold]
    for pi, pred in enumerate(preds):
        if pi in matched_pred:
            continue
        if any(_overlap((pred.start, pred.end), span) > 0 for span in excluded_spans):
            neutral.append(pred)
        else:
            false_positives.append(pred)

    # Exact matching over the same scored predictions (neutral ones stay out).
    scored_pred_spans = [span for pi, span in enumerate(pred_spans) if pi in matched_pred] + [
        (p.start, p.end) for p in false_positives
    ]
    exact_matches = len(match_spans(gold_spans, scored_pred_spans, exact=True))

    return DocumentScore(
        doc_id=doc.doc_id,
        corpus=doc.corpus,
        has_predictions=predicted is not None,
        scored_gold=tuple(scored_gold),
        excluded_gold=tuple(excluded_gold),
        matches=tuple(matches),
        exact_matches=exact_matches,
        missed=tuple(t for gi, t in enumerate(scored_gold) if gi not in matched_gold),
        false_positives=tuple(false_positives),
        neutral=tuple(neutral),
        ignored=tuple(ignored),
    )


def score_documents(
    gold_docs: Sequence[GoldDoc], predictions: Mapping[str, Sequence[PredictedToponym]]
) -> list[DocumentScore]:
    """Match each gold document's predictions against its gold, in gold order."""
    typed = _typed_corpora(gold_docs)
    return [
        _score_document(doc, predictions.get(doc.doc_id), typed=doc.corpus in typed)
        for doc in gold_docs
    ]


def _ratio(numerator: int, denominator: int) -> float | None:
    return numerator / denominator if denominator else None


def _recognition(matched: int, predicted: int, gold: int) -> RecognitionScores:
    precision, recall = _ratio(matched, predicted), _ratio(matched, gold)
    f1: float | None = None
    if precision is not None and recall is not None:
        total = precision + recall
        f1 = 2 * precision * recall / total if total else 0.0
    return RecognitionScores(matched=matched, precision=precision, recall=recall, f1=f1)


def resolution_scores(errors: Sequence[float]) -> ResolutionScores:
    """Accuracy@161, mean and median error and AUC over great-circle errors in km."""
    if not errors:
        return ResolutionScores(0, 0, None, None, None, None)
    correct = sum(1 for e in errors if e <= ACCURACY_KM)
    return ResolutionScores(
        pairs=len(errors),
        correct=correct,
        accuracy_161=correct / len(errors),
        mean_error_km=statistics.fmean(errors),
        median_error_km=statistics.median(errors),
        auc=statistics.fmean(math.log1p(e) / _LN_AUC_MAX for e in errors),
    )


def evaluate(
    gold_docs: Sequence[GoldDoc], predictions: Mapping[str, Sequence[PredictedToponym]]
) -> EvalReport:
    """Score predictions against gold documents (see the module docstring for the rules)."""
    scores = score_documents(gold_docs, predictions)
    gold_ids = {doc.doc_id for doc in gold_docs}
    excluded_by_type = Counter(t.type or "" for s in scores for t in s.excluded_gold)
    matches = [m for s in scores for m in s.matches]
    errors = [m.error_km for m in matches if m.error_km is not None]
    resolution = resolution_scores(errors)
    with_coordinates = sum(1 for s in scores for t in s.scored_gold if t.has_coordinates)

    gold_scored = sum(len(s.scored_gold) for s in scores)
    predicted_scored = sum(s.scored_predictions for s in scores)
    matched_exact = sum(s.exact_matches for s in scores)
    counts = EvalCounts(
        documents=len(scores),
        documents_without_predictions=sum(1 for s in scores if not s.has_predictions),
        prediction_documents_not_in_gold=sum(1 for doc_id in predictions if doc_id not in gold_ids),
        gold_toponyms=sum(len(doc.toponyms) for doc in gold_docs),
        gold_excluded=sum(excluded_by_type.values()),
        gold_scored=gold_scored,
        gold_with_coordinates=with_coordinates,
        predicted=sum(len(predictions.get(doc.doc_id, ())) for doc in gold_docs),
        predicted_ignored=sum(len(s.ignored) for s in scores),
        predicted_neutral=sum(len(s.neutral) for s in scores),
        predicted_scored=predicted_scored,
        matched=len(matches),
        matched_exact=matched_exact,
        matched_unresolved=sum(
            1 for m in matches if m.gold.has_coordinates and not m.predicted.has_coordinates
        ),
        false_positives=sum(len(s.false_positives) for s in scores),
        missed=sum(len(s.missed) for s in scores),
        correct_end_to_end=resolution.correct,
    )
    return EvalReport(
        counts=counts,
        recognition=_recognition(len(matches), predicted_scored, gold_scored),
        recognition_exact=_recognition(matched_exact, predicted_scored, gold_scored),
        resolution=resolution,
        end_to_end_accuracy_161=_ratio(resolution.correct, with_coordinates),
        excluded_by_type=dict(sorted(excluded_by_type.items())),
    )


def run_eval(
    gold_path: str | os.PathLike[str],
    predictions: str
    | os.PathLike[str]
    | Iterable[str | Mapping[str, Any]]
    | Mapping[str, Sequence[PredictedToponym]],
) -> EvalReport:
    """Load a gold file and score predictions (a path, JSON lines, records or a mapping)."""
    gold_docs = load_gold(gold_path)
    if isinstance(predictions, Mapping):
        return evaluate(gold_docs, predictions)
    return evaluate(gold_docs, load_predictions(predictions))


# --------------------------------------------------------------------------- errors


def _confusion(doc_id: str, match: Match) -> Confusion:
    gold, pred = match.gold, match.predicted
    assert gold.lat is not None and gold.lon is not None
    return Confusion(
        doc_id=doc_id,
        gold_name=gold.name,
        gold_start=gold.start,
        gold_end=gold.end,
        gold_lat=gold.lat,
        gold_lon=gold.lon,
        predicted_name=pred.name,
        predicted_lat=pred.lat,
        predicted_lon=pred.lon,
        gazetteer_id=pred.gazetteer_id,
        error_km=match.error_km,
    )


def worst_documents(
    gold_docs: Sequence[GoldDoc],
    predictions: Mapping[str, Sequence[PredictedToponym]],
    n: int = 10,
) -> list[DocumentErrors]:
    """Return the ``n`` documents with the most missed + wrong + false-positive toponyms.

    "Wrong" is a matched gold toponym with coordinates whose prediction is
    unresolved or more than 161 km off. Documents without errors are left out;
    ties go to the document with fewer scored gold toponyms, then by ``doc_id``.
    """
    ranked = []
    for score in score_documents(gold_docs, predictions):
        errors = DocumentErrors(
            doc_id=score.doc_id,
            corpus=score.corpus,
            gold_scored=len(score.scored_gold),
            missed=tuple(t.name for t in score.missed),
            wrong=tuple(_confusion(score.doc_id, m) for m in score.wrong),
            false_positives=tuple(p.name for p in score.false_positives),
        )
        if errors.errors:
            ranked.append(errors)
    ranked.sort(key=lambda e: (-e.errors, e.gold_scored, e.doc_id))
    return ranked[:n]


def confusions(
    gold_docs: Sequence[GoldDoc],
    predictions: Mapping[str, Sequence[PredictedToponym]],
    n: int = 20,
    *,
    include_unresolved: bool = True,
) -> list[Confusion]:
    """List the worst resolution errors: largest error first, unresolved matches last.

    Only matched gold toponyms with coordinates that count as wrong (over
    161 km, or unresolved when ``include_unresolved``) are listed.
    """
    found = [
        _confusion(score.doc_id, m)
        for score in score_documents(gold_docs, predictions)
        for m in score.wrong
        if include_unresolved or m.error_km is not None
    ]
    found.sort(key=lambda c: (c.error_km is None, -(c.error_km or 0.0), c.doc_id, c.gold_start))
    return found[:n]


# --------------------------------------------------------------------------- output


def report_to_dict(report: EvalReport) -> dict[str, Any]:
    """Return the report as plain JSON-ready data (nested dicts of numbers and None)."""
    return asdict(report)


def _num(value: float | None, digits: int = 3) -> str:
    return "n/a" if value is None else f"{value:.{digits}f}"


def format_report(report: EvalReport) -> str:
    """Render the report as a plain-text table."""
    c = report.counts
    left_out = ", ".join(f"{name} {count}" for name, count in report.excluded_by_type.items())
    res = report.resolution
    rows = [
        f"documents                {c.documents:>6}  (without predictions: "
        f"{c.documents_without_predictions}; predicted, not in gold: "
        f"{c.prediction_documents_not_in_gold})",
        f"gold toponyms scored     {c.gold_scored:>6}  (left out: {left_out or 'none'})",
        f"  with coordinates       {c.gold_with_coordinates:>6}",
        f"predictions scored       {c.predicted_scored:>6}  (of {c.predicted}; "
        f"on left-out gold only: {c.predicted_neutral}; "
        f"demonyms, corpus untyped: {c.predicted_ignored})",
        "",
        "recognition      matched  precision   recall       F1",
    ]
    for label, rec in (("overlap", report.recognition), ("exact", report.recognition_exact)):
        rows.append(
            f"  {label:<14} {rec.matched:>7}  {_num(rec.precision):>9}  "
            f"{_num(rec.recall):>7}  {_num(rec.f1):>7}"
        )
    rows += [
        "",
        f"resolution given recognition ({res.pairs} pairs; "
        f"{c.matched_unresolved} matched but unresolved)",
        f"  accuracy@161 km  {_num(res.accuracy_161):>10}",
        f"  mean error km    {_num(res.mean_error_km, 1):>10}",
        f"  median error km  {_num(res.median_error_km, 1):>10}",
        f"  AUC              {_num(res.auc):>10}",
        "",
        "end to end",
        f"  accuracy@161 km  {_num(report.end_to_end_accuracy_161):>10}  "
        f"({c.correct_end_to_end} of {c.gold_with_coordinates})",
    ]
    return "\n".join(rows) + "\n"


def format_worst(
    gold_docs: Sequence[GoldDoc],
    predictions: Mapping[str, Sequence[PredictedToponym]],
    n: int,
) -> str:
    """The ``n`` worst documents and the ``n`` largest resolution errors, as text."""
    lines = [f"Worst {n} documents (missed + wrong + false positives):"]
    for doc in worst_documents(gold_docs, predictions, n):
        lines.append(f"  {doc.corpus}/{doc.doc_id}: {doc.errors} errors of {doc.gold_scored}")
        if doc.missed:
            lines.append(f"    missed: {', '.join(doc.missed[:12])}")
        if doc.false_positives:
            lines.append(f"    false positives: {', '.join(doc.false_positives[:12])}")
        for wrong in doc.wrong[:6]:
            err = "unresolved" if wrong.error_km is None else f"{wrong.error_km:,.0f} km"
            lines.append(f"    wrong: {wrong.gold_name} -> {wrong.gazetteer_id} ({err})")
    lines.append(f"Largest {n} resolution errors:")
    for c in confusions(gold_docs, predictions, n, include_unresolved=False):
        lines.append(
            f"  {c.doc_id}: {c.gold_name!r} -> {c.predicted_name!r} {c.gazetteer_id} "
            f"({c.error_km:,.0f} km)"
        )
    return "\n".join(lines)
