"""Train the event-location scorer (layers/location_model.py) on half a gold corpus.

Usage: python scripts/train_location_model.py ../shared/eval/eventloc_dev.jsonl

The corpus's distinct sentences are split in two by a hash of their text.
Every (trigger, place mention) pair that eventmap's detector sees in the first
half, for a trigger that overlaps a gold trigger, is labelled by whether the
mention overlaps a gold location; logistic regression learns weights over the
pair's features, and the probability threshold is chosen for token F1 on that
same half, with the stricter one above which the model may overrule a rule
that could not decide, the one above which it may cross a clause, and the
one above which it may take a place outside the trigger's phrase. Both
the rules and the model are then scored on the second half (Halterman 2019's
token metric), and ``layers/data/location_model.json`` is
written with the weights, the threshold, both figures, and ``use`` set only if
the model beat the rules there. No text from the corpus is written.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from eventmap.evaluation.evaluate_eventloc import (  # noqa: E402
    EventLocLine,
    load_eventloc_gold,
    prf,
    score_lines,
)
from eventmap.evaluation.evaluate_events import PredictedDoc, PredictedEvent  # noqa: E402
from eventmap.pipeline import Pipeline  # noqa: E402
from layers.events import detect_events  # noqa: E402
from layers.location_model import MODEL_FILE, LocationModel  # noqa: E402
from layers.types import ReportedEvent  # noqa: E402

L2 = 1.0
STEPS = 400
RATE = 0.2


def _half(text: str) -> int:
    return hashlib.sha256(text.encode("utf-8")).digest()[0] % 2


def _score(lines: list[EventLocLine], events: dict[str, list[ReportedEvent]]) -> dict[str, float]:
    """Halterman's token precision, recall and F1 (the scorer ``eventmap eval`` uses)."""
    predictions = {
        sentence: PredictedDoc(
            events=tuple(
                PredictedEvent(
                    e.type,
                    e.layer,
                    (e.trigger_start, e.trigger_end),
                    tuple((loc.anchor_start, loc.anchor_end) for loc in e.locations),
                    e.date,
                    e.trigger_words,
                )
                for e in found
            )
        )
        for sentence, found in events.items()
    }
    scores = score_lines(lines, predictions)
    counts = prf(
        sum(s.true_tokens for s in scores),
        sum(s.predicted_tokens for s in scores),
        sum(s.gold_tokens for s in scores),
    )
    return {
        "precision": round(counts.precision or 0.0, 4),
        "recall": round(counts.recall or 0.0, 4),
        "f1": round(counts.f1 or 0.0, 4),
    }


def _train(rows: list[tuple[list[str], int]]) -> dict[str, float]:
    names = sorted({f for features, _ in rows for f in features})
    column = {name: i for i, name in enumerate(names)}
    x = np.zeros((len(rows), len(names)), dtype=np.float32)
    y = np.array([label for _, label in rows], dtype=np.float32)
    for r, (features, _) in enumerate(rows):
        for f in features:
            x[r, column[f]] = 1.0
    w = np.zeros(len(names), dtype=np.float64)
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    for step in range(1, STEPS + 1):  # Adam on the mean log-loss plus an L2 penalty
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        grad = x.T @ (p - y) / len(y) + L2 * w / len(y)
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad * grad
        w -= RATE * (m / (1 - 0.9**step)) / (np.sqrt(v / (1 - 0.999**step)) + 1e-8)
    return {name: round(float(w[i]), 4) for name, i in column.items() if abs(w[i]) >= 1e-3}


def main(gold_path: str) -> None:
    lines = load_eventloc_gold(gold_path)
    by_text: dict[str, list[EventLocLine]] = defaultdict(list)
    for line in lines:
        by_text[line.text].append(line)
    texts = sorted(by_text)
    pipeline = Pipeline()
    parsed = {}
    pairs: dict[str, list[tuple[frozenset[int], Any, list[str]]]] = defaultdict(list)
    for text, doc in zip(texts, pipeline.parse_many(texts, batch_size=256), strict=True):
        resolved = pipeline.locate(doc, text=text, article="x")
        parsed[text] = (doc, resolved)
        detect_events(
            doc,
            resolved,
            layers=pipeline.layers,
            on_pair=lambda t, item, f, text=text: pairs[text].append((t, item, f)),
        )
    rows: list[tuple[list[str], int]] = []
    for text in texts:
        if _half(text) != 0:
            continue
        doc = parsed[text][0]
        for line in by_text[text]:
            g0, g1 = line.trigger
            for trigger, item, features in pairs[text]:
                start = min(doc[i].idx for i in trigger)
                end = max(doc[i].idx + len(doc[i]) for i in trigger)
                if not (start < g1 and g0 < end):
                    continue
                m = item.mention
                label = any(a < m.anchor_end and m.anchor_start < b for a, b in line.locations)
                rows.append((features, int(label)))
    weights = _train(rows)

    def run(model: LocationModel | None, half: int) -> dict[str, float]:
        chosen = [t for t in texts if _half(t) == half]
        events = {
            by_text[t][0].sentence_id: detect_events(
                *parsed[t], layers=pipeline.layers, model=model
            )
            for t in chosen
        }
        return _score([line for t in chosen for line in by_text[t]], events)

    grid = [
        (keep, accept, clause)
        for keep in (0.1, 0.2, 0.3, 0.4)
        for accept in (0.5, 0.6, 0.7, 1.0)
        for clause in (0.5, 0.6, 0.7, 0.8, 1.0)
        if clause >= accept or clause == 1.0
    ]
    tried = [(chosen, run(LocationModel(weights, *chosen), 0)) for chosen in grid]
    (threshold, accept_threshold, clause_threshold), _ = max(tried, key=lambda item: item[1]["f1"])
    # Then how far outside the trigger's phrase the scorer may reach, the others fixed.
    reached = [
        (
            reach,
            run(LocationModel(weights, threshold, accept_threshold, clause_threshold, reach), 0),
        )
        for reach in (0.5, 0.6, 0.7, 0.8, 1.0)
        if reach >= accept_threshold or reach == 1.0
    ]
    reach_threshold, _ = max(reached, key=lambda item: item[1]["f1"])
    chosen_model = LocationModel(
        weights, threshold, accept_threshold, clause_threshold, reach_threshold
    )
    rules_test = run(None, 1)
    model_test = run(chosen_model, 1)
    report = {
        "use": model_test["f1"] > rules_test["f1"],
        "threshold": threshold,
        "accept_threshold": accept_threshold,
        "clause_threshold": clause_threshold,
        "reach_threshold": reach_threshold,
        "trained_on": f"{Path(gold_path).name}, texts whose SHA-256 starts with an even byte",
        "training_pairs": len(rows),
        "test_half_rules": rules_test,
        "test_half_model": model_test,
        "weights": dict(sorted(weights.items())),
    }
    out = ROOT / "layers" / "data" / MODEL_FILE
    out.write_text(json.dumps(report, indent=1, sort_keys=False) + "\n", encoding="utf-8")
    print(json.dumps({k: v for k, v in report.items() if k != "weights"}, indent=1))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else str(ROOT.parent / "shared/eval/eventloc_dev.jsonl"))
