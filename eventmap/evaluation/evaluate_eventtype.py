"""Score event types against CASE 2021 task 2 snippets (ACLED-style sub-types).

Gold lines are ``{"doc_id", "corpus", "text", "label"}``, one of the 30 labels
in :data:`CASE_LABELS`. Many place names in the snippets are invented, so a
snippet *says* a layer when any predicted event in it has that layer, whether
or not its places resolve.

Each layer is scored over snippets against the labels it should say
(:data:`CASE_LAYERS`): a snippet with one of them is a positive, one with a
label that is neither clearly in nor out is left out, every other snippet is a
negative. Precision, recall and F1 follow. ``strike_sites`` and ``meetings``
are the issue's targets; the other rows map our layers to the closest CASE
labels and are indicative. The same table is also computed from the
toponyms' ``layers`` (a snippet says a layer when any place mention is on
it), which is all output from before the event stage has. A confusion table
gives, for each label, how many of its snippets said each layer.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from eventmap.evaluation.evaluate_eventloc import PRF, prf
from eventmap.evaluation.evaluate_events import PLACES_LAYER, PredictedDoc, read_jsonl

__all__ = [
    "CASE_LABELS",
    "CASE_LAYERS",
    "NO_LAYER",
    "EventTypeReport",
    "LayerLabels",
    "LayerScore",
    "Snippet",
    "evaluate_eventtype",
    "format_eventtype_report",
    "format_eventtype_worst",
    "layers_said",
    "load_eventtype_gold",
    "report_to_dict",
    "score_layer",
]

CASE_LABELS = frozenset(
    {
        "ABDUCT_DISSAP",
        "AGREEMENT",
        "AIR_STRIKE",
        "ARMED_CLASH",
        "ARREST",
        "ART_MISS_ATTACK",
        "ATTACK",
        "ATTRIB",
        "CHANGE_TO_GROUP_ACT",
        "CHEM_WEAP",
        "DIPLO",
        "DISR_WEAP",
        "FORCE_AGAINST_PROTEST",
        "GOV_REGAINS_TERIT",
        "GRENADE",
        "HQ_ESTABLISHED",
        "MAN_MADE_DISASTER",
        "MOB_VIOL",
        "NATURAL_DISASTER",
        "NON_STATE_ACTOR_OVERTAKES_TER",
        "NON_VIOL_TERRIT_TRANSFER",
        "ORG_CRIME",
        "OTHER",
        "PEACE_PROTEST",
        "PROPERTY_DISTRUCT",
        "PROTEST_WITH_INTER",
        "REM_EXPLOS",
        "SEX_VIOL",
        "SUIC_BOMB",
        "VIOL_DEMONSTR",
    }
)
"""The labels of CASE 2021 task 2; a gold file with another label is refused."""

NO_LAYER = "(none)"
"""The confusion column of snippets that said no event layer."""


@dataclass(frozen=True, slots=True)
class LayerLabels:
    """The CASE labels a layer should say (positive) and those left out of its score."""

    layer: str
    positive: frozenset[str]
    left_out: frozenset[str] = frozenset()
    target: bool = False
    """Whether the issue sets a target for this row (the others are indicative)."""


_VIOLENT = frozenset(
    {"AIR_STRIKE", "ART_MISS_ATTACK", "SUIC_BOMB", "GRENADE", "REM_EXPLOS", "CHEM_WEAP"}
)

CASE_LAYERS: tuple[LayerLabels, ...] = (
    LayerLabels(
        "strike_sites",
        frozenset({"AIR_STRIKE", "ART_MISS_ATTACK"}),
        frozenset({"ATTACK", "REM_EXPLOS", "SUIC_BOMB", "GRENADE", "CHEM_WEAP", "DISR_WEAP"}),
        target=True,
    ),
    LayerLabels("meetings", frozenset({"DIPLO"}), frozenset({"AGREEMENT"}), target=True),
    # ACLED's battles: the two territorial sub-types are often reported as fighting.
    LayerLabels(
        "clashes",
        frozenset({"ARMED_CLASH"}),
        frozenset({"GOV_REGAINS_TERIT", "NON_STATE_ACTOR_OVERTAKES_TER"}),
    ),
    LayerLabels(
        "explosions",
        frozenset({"REM_EXPLOS", "SUIC_BOMB", "GRENADE"}),
        frozenset({"AIR_STRIKE", "ART_MISS_ATTACK", "CHEM_WEAP", "DISR_WEAP"}),
    ),
    LayerLabels(
        "attacks",
        frozenset({"ATTACK"}),
        _VIOLENT | {"ARMED_CLASH", "SEX_VIOL", "MOB_VIOL", "FORCE_AGAINST_PROTEST"},
    ),
    LayerLabels(
        "protests",
        frozenset(
            {"PEACE_PROTEST", "PROTEST_WITH_INTER", "VIOL_DEMONSTR", "FORCE_AGAINST_PROTEST"}
        ),
        frozenset({"MOB_VIOL"}),
    ),
    LayerLabels("arrests", frozenset({"ARREST", "ABDUCT_DISSAP"})),
    LayerLabels(
        "seizures",
        frozenset({"NON_STATE_ACTOR_OVERTAKES_TER", "GOV_REGAINS_TERIT"}),
        frozenset({"NON_VIOL_TERRIT_TRANSFER", "HQ_ESTABLISHED"}),
    ),
)
"""Each scored layer with the CASE labels it should say and those left out of its score."""


# --------------------------------------------------------------------------- values


@dataclass(frozen=True, slots=True)
class Snippet:
    """One gold snippet and its label."""

    doc_id: str
    text: str
    label: str


@dataclass(frozen=True, slots=True)
class LayerScore:
    """One layer scored over snippets."""

    layer: str
    target: bool
    positive_labels: tuple[str, ...]
    left_out_labels: tuple[str, ...]
    scored: int
    """Snippets that count (all but the left-out ones)."""
    left_out: int
    said_left_out: int
    """Left-out snippets that said the layer (counted neither way)."""
    scores: PRF
    false_negatives: tuple[str, ...] = ()
    false_positives: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class EventTypeReport:
    """Everything ``eventmap eval`` prints for event-type gold."""

    has_events: bool
    snippets: int
    snippets_without_predictions: int
    labels: dict[str, int]
    layers: tuple[LayerScore, ...]
    """From events (empty when no prediction carries events)."""
    toponym_layers: tuple[LayerScore, ...]
    """From the toponyms' ``layers``, as before the event stage."""
    confusion: dict[str, dict[str, int]] = field(default_factory=dict)
    """Label -> layer said -> snippets (from events, else from toponym layers)."""


# --------------------------------------------------------------------------- loading


def load_eventtype_gold(
    path_or_lines: str | os.PathLike[str] | Iterable[str | Mapping[str, Any]],
    *,
    source: str = "<gold>",
) -> list[Snippet]:
    """Read event-type gold snippets.

    Raises
    ------
    ValueError
        For a malformed line, a label outside :data:`CASE_LABELS` or a
        repeated ``doc_id``, naming the source and the 1-based line number.
    """
    snippets: list[Snippet] = []
    seen: set[str] = set()
    for where, line_no, record in read_jsonl(path_or_lines, source=source):
        problem = None
        if not isinstance(record, Mapping):
            problem = "a line must hold a JSON object"
        else:
            doc_id, text, label = record.get("doc_id"), record.get("text"), record.get("label")
            if not isinstance(doc_id, str) or not doc_id:
                problem = f"'doc_id' must be a non-empty string, got {doc_id!r}"
            elif not isinstance(text, str):
                problem = "'text' must be a string"
            elif label not in CASE_LABELS:
                problem = f"unknown label {label!r}; add it to CASE_LABELS and CASE_LAYERS"
            elif doc_id in seen:
                problem = f"duplicate doc_id {doc_id!r}"
        if problem is not None:
            raise ValueError(f"{where}:{line_no}: {problem}")
        assert isinstance(record, Mapping)
        seen.add(record["doc_id"])
        snippets.append(Snippet(record["doc_id"], record["text"], record["label"]))
    return snippets


# --------------------------------------------------------------------------- scoring


def layers_said(doc: PredictedDoc | None, *, from_events: bool) -> frozenset[str]:
    """The event layers a snippet says: of its events, or of its place mentions."""
    if doc is None:
        return frozenset()
    if from_events:
        # A denied or threatened event ("the army denied shelling X", "threatened to
        # strike X") does not say the snippet's event happened.
        return frozenset(
            e.layer
            for e in doc.events or ()
            if e.layer != PLACES_LAYER and not (e.denied or e.planned)
        )
    return doc.event_layers_of_toponyms()


def score_layer(
    rule: LayerLabels, snippets: Sequence[Snippet], said: Mapping[str, frozenset[str]]
) -> LayerScore:
    """Score one layer over snippets, given the layers each snippet (by doc_id) said."""
    true = predicted = gold = left_out = said_left_out = 0
    false_negatives, false_positives = [], []
    for snippet in snippets:
        says = rule.layer in said.get(snippet.doc_id, frozenset())
        if snippet.label in rule.left_out:
            left_out += 1
            said_left_out += says
            continue
        positive = snippet.label in rule.positive
        gold += positive
        predicted += says
        true += positive and says
        if positive and not says:
            false_negatives.append(snippet.doc_id)
        elif says and not positive:
            false_positives.append(snippet.doc_id)
    return LayerScore(
        layer=rule.layer,
        target=rule.target,
        positive_labels=tuple(sorted(rule.positive)),
        left_out_labels=tuple(sorted(rule.left_out)),
        scored=len(snippets) - left_out,
        left_out=left_out,
        said_left_out=said_left_out,
        scores=prf(true, predicted, gold),
        false_negatives=tuple(false_negatives),
        false_positives=tuple(false_positives),
    )


def _confusion(
    snippets: Sequence[Snippet], said: Mapping[str, frozenset[str]]
) -> dict[str, dict[str, int]]:
    table: dict[str, Counter[str]] = {}
    for snippet in snippets:
        row = table.setdefault(snippet.label, Counter())
        row.update(said.get(snippet.doc_id) or {NO_LAYER})
    return {
        label: dict(sorted(row.items(), key=lambda item: (-item[1], item[0])))
        for label, row in sorted(table.items())
    }


def evaluate_eventtype(
    snippets: Sequence[Snippet],
    predictions: Mapping[str, PredictedDoc],
    *,
    rules: Sequence[LayerLabels] = CASE_LAYERS,
) -> EventTypeReport:
    """Score predictions against event-type gold (see the module docstring)."""
    has_events = any(doc.events is not None for doc in predictions.values())
    by_events = {
        s.doc_id: layers_said(predictions.get(s.doc_id), from_events=True) for s in snippets
    }
    by_toponyms = {
        s.doc_id: layers_said(predictions.get(s.doc_id), from_events=False) for s in snippets
    }
    return EventTypeReport(
        has_events=has_events,
        snippets=len(snippets),
        snippets_without_predictions=sum(1 for s in snippets if s.doc_id not in predictions),
        labels=dict(sorted(Counter(s.label for s in snippets).items())),
        layers=tuple(score_layer(r, snippets, by_events) for r in rules) if has_events else (),
        toponym_layers=tuple(score_layer(r, snippets, by_toponyms) for r in rules),
        confusion=_confusion(snippets, by_events if has_events else by_toponyms),
    )


# --------------------------------------------------------------------------- output


def report_to_dict(report: EventTypeReport) -> dict[str, Any]:
    """The report as plain JSON-ready data, tagged with its gold kind."""
    return {"kind": "event_type", **asdict(report)}


def _num(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def _table(title: str, scores: Sequence[LayerScore]) -> list[str]:
    rows = [title, "  layer          precision  recall     F1   said/pos  scored  left out"]
    for s in scores:
        mark = "*" if s.target else " "
        rows.append(
            f" {mark}{s.layer:<14} {_num(s.scores.precision):>9} {_num(s.scores.recall):>7} "
            f"{_num(s.scores.f1):>6}  {s.scores.predicted:>4}/{s.scores.gold:<4} "
            f"{s.scored:>6}  {s.left_out:>4} ({s.said_left_out} said)"
        )
    return rows


def format_eventtype_report(report: EventTypeReport) -> str:
    """Render the report as plain text (``*`` marks the rows with a target)."""
    rows = [
        f"snippets {report.snippets}  (without predictions: {report.snippets_without_predictions})",
        "",
    ]
    if report.has_events:
        rows += [*_table("layers said by events", report.layers), ""]
    else:
        rows += ["predictions carry no events: layers said by events n/a", ""]
    rows += _table("layers said by place mentions (toponym layers)", report.toponym_layers)
    source = "events" if report.has_events else "toponym layers"
    rows += ["", f"label -> layers said ({source}; snippets)"]
    for label, row in report.confusion.items():
        cells = ", ".join(f"{layer} {count}" for layer, count in row.items())
        rows.append(f"  {label:<30} {report.labels.get(label, 0):>3}: {cells}")
    return "\n".join(rows) + "\n"


def format_eventtype_worst(report: EventTypeReport, n: int) -> str:
    """Up to ``n`` missed and ``n`` wrongly said snippet ids for each layer."""
    scores = report.layers if report.has_events else report.toponym_layers
    out = [f"Up to {n} snippet ids per layer error:"]
    for s in scores:
        if s.false_negatives:
            out.append(f"  {s.layer} missed: {', '.join(s.false_negatives[:n])}")
        if s.false_positives:
            out.append(f"  {s.layer} said wrongly: {', '.join(s.false_positives[:n])}")
    return "\n".join(out)
