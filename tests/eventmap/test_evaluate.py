"""Tests for eventmap.evaluation.evaluate on small hand-made gold and prediction documents."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest

from eventmap.evaluation.evaluate import (
    EARTH_RADIUS_KM,
    GoldDoc,
    GoldToponym,
    PredictedToponym,
    confusions,
    evaluate,
    format_report,
    haversine_km,
    load_gold,
    load_predictions,
    match_spans,
    report_to_dict,
    run_eval,
    worst_documents,
)

KM_PER_DEGREE = EARTH_RADIUS_KM * math.pi / 180.0

# Invented sentences; coordinates are rough but only their differences matter.
RIVER = "Floods closed roads between Lyon and Grenoble on Monday."
LYON = (45.76, 4.84)
GRENOBLE = (45.19, 5.72)


def span(text: str, name: str, occurrence: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(name, start + 1)
    return start, start + len(name)


def gold(
    text: str,
    name: str,
    point: tuple[float, float] | None = None,
    *,
    type: str | None = None,
) -> GoldToponym:
    start, end = span(text, name)
    lat, lon = point if point else (None, None)
    return GoldToponym(start=start, end=end, name=name, lat=lat, lon=lon, type=type)


def pred(
    text: str,
    name: str,
    point: tuple[float, float] | None = None,
    *,
    kind: str = "toponym",
) -> PredictedToponym:
    start, end = span(text, name)
    lat, lon = point if point else (None, None)
    return PredictedToponym(start=start, end=end, name=name, kind=kind, lat=lat, lon=lon)


def doc(text: str, *toponyms: GoldToponym, doc_id: str = "d1", corpus: str = "test") -> GoldDoc:
    return GoldDoc(doc_id=doc_id, corpus=corpus, text=text, toponyms=toponyms)


def north_of(point: tuple[float, float], km: float) -> tuple[float, float]:
    """A point ``km`` kilometres due north along the meridian."""
    return point[0] + km / KM_PER_DEGREE, point[1]


def river_doc() -> GoldDoc:
    return doc(RIVER, gold(RIVER, "Lyon", LYON), gold(RIVER, "Grenoble", GRENOBLE))


# --------------------------------------------------------------------------- scoring


def test_perfect_prediction() -> None:
    predictions = {"d1": [pred(RIVER, "Lyon", LYON), pred(RIVER, "Grenoble", GRENOBLE)]}
    report = evaluate([river_doc()], predictions)
    for rec in (report.recognition, report.recognition_exact):
        assert (rec.matched, rec.precision, rec.recall, rec.f1) == (2, 1.0, 1.0, 1.0)
    assert report.resolution.pairs == 2
    assert report.resolution.accuracy_161 == 1.0
    assert report.resolution.auc == 0.0
    assert report.resolution.mean_error_km == 0.0
    assert report.resolution.median_error_km == 0.0
    assert report.end_to_end_accuracy_161 == 1.0
    assert report.counts.false_positives == 0
    assert report.counts.missed == 0


def test_missed_toponym() -> None:
    report = evaluate([river_doc()], {"d1": [pred(RIVER, "Lyon", LYON)]})
    assert report.recognition.precision == 1.0
    assert report.recognition.recall == 0.5
    assert report.recognition.f1 == pytest.approx(2 / 3)
    assert report.resolution.accuracy_161 == 1.0  # given recognition
    assert report.end_to_end_accuracy_161 == 0.5  # the missed one counts wrong
    assert report.counts.missed == 1


def test_false_positive() -> None:
    text = "Lyon welcomed Marie Paris, the new mayor."
    gold_doc = doc(text, gold(text, "Lyon", LYON))
    report = evaluate(
        [gold_doc], {"d1": [pred(text, "Lyon", LYON), pred(text, "Paris", (48.86, 2.35))]}
    )
    assert report.recognition.precision == 0.5
    assert report.recognition.recall == 1.0
    assert report.counts.false_positives == 1
    assert report.end_to_end_accuracy_161 == 1.0


def test_overlap_but_not_exact() -> None:
    text = "Vineyards in the Rhone Valley were hit by hail."
    valley = (45.0, 4.8)
    gold_doc = doc(text, gold(text, "Rhone Valley", valley))
    report = evaluate([gold_doc], {"d1": [pred(text, "the Rhone Valley", valley)]})
    assert report.recognition.f1 == 1.0
    assert report.recognition_exact.matched == 0
    assert report.recognition_exact.f1 == 0.0
    assert report.resolution.pairs == 1


def test_one_prediction_overlapping_two_gold_spans_matches_one() -> None:
    text = "The parade went from Saint Paul, Minnesota to the river."
    gold_doc = doc(
        text, gold(text, "Saint Paul", (44.95, -93.09)), gold(text, "Minnesota", (46.0, -94.0))
    )
    report = evaluate([gold_doc], {"d1": [pred(text, "Saint Paul, Minnesota", (44.95, -93.09))]})
    assert report.counts.matched == 1
    assert report.recognition.precision == 1.0
    assert report.recognition.recall == 0.5
    # The larger overlap wins: "Saint Paul" (10 characters) over "Minnesota" (9).
    worst = worst_documents(
        [gold_doc], {"d1": [pred(text, "Saint Paul, Minnesota", (44.95, -93.09))]}
    )
    assert worst[0].missed == ("Minnesota",)


@pytest.mark.parametrize(
    ("gold_spans", "pred_spans", "expected"),
    [
        # Equal overlaps: the earlier gold start wins.
        ([(0, 4), (9, 13)], [(0, 13)], [(0, 0)]),
        # Largest overlap first, even when it is the later gold span.
        ([(0, 4), (6, 14)], [(2, 14)], [(1, 0)]),
        # Two predictions on one gold span: only one matches, the larger overlap.
        ([(5, 15)], [(0, 7), (6, 15)], [(0, 1)]),
        # Each gold span gets its own prediction when both can be served.
        ([(0, 4), (6, 10)], [(0, 10), (6, 10)], [(0, 0), (1, 1)]),
        # Touching spans do not overlap.
        ([(0, 4)], [(4, 8)], []),
    ],
)
def test_match_spans_is_greedy_one_to_one(
    gold_spans: list[tuple[int, int]],
    pred_spans: list[tuple[int, int]],
    expected: list[tuple[int, int]],
) -> None:
    assert match_spans(gold_spans, pred_spans) == expected


def test_match_spans_exact() -> None:
    assert match_spans([(0, 4), (6, 10)], [(0, 4), (6, 9)], exact=True) == [(0, 0)]


def test_duplicate_prediction_is_a_false_positive() -> None:
    text = "Snow fell on Grenoble."
    gold_doc = doc(text, gold(text, "Grenoble", GRENOBLE))
    report = evaluate([gold_doc], {"d1": [pred(text, "Grenoble", GRENOBLE)] * 2})
    assert report.counts.matched == 1
    assert report.counts.false_positives == 1
    assert report.recognition_exact.precision == 0.5


@pytest.mark.parametrize(
    ("error_km", "correct"),
    [(0.0, True), (100.0, True), (160.0, True), (162.0, False), (200.0, False), (1000.0, False)],
)
def test_accuracy_at_161_km(error_km: float, correct: bool) -> None:
    text = "Snow fell on Grenoble."
    gold_doc = doc(text, gold(text, "Grenoble", GRENOBLE))
    guess = north_of(GRENOBLE, error_km)
    report = evaluate([gold_doc], {"d1": [pred(text, "Grenoble", guess)]})
    assert report.resolution.mean_error_km == pytest.approx(error_km, abs=1e-6)
    assert report.resolution.accuracy_161 == (1.0 if correct else 0.0)
    assert report.end_to_end_accuracy_161 == (1.0 if correct else 0.0)
    assert report.recognition.f1 == 1.0  # a wrong place is still a recognised name


def test_auc_of_known_errors() -> None:
    # Errors of 0 and 100 km: AUC = (0 + ln(101) / ln(20039)) / 2,
    # ln(101) = 4.615121, ln(20039) = 9.905436, so AUC = 0.232957.
    predictions = {
        "d1": [pred(RIVER, "Lyon", LYON), pred(RIVER, "Grenoble", north_of(GRENOBLE, 100.0))]
    }
    report = evaluate([river_doc()], predictions)
    assert report.resolution.auc == pytest.approx(0.232957, abs=1e-5)
    assert report.resolution.mean_error_km == pytest.approx(50.0, abs=1e-6)
    assert report.resolution.median_error_km == pytest.approx(50.0, abs=1e-6)


def test_haversine_quarter_meridian() -> None:
    assert haversine_km(0.0, 0.0, 90.0, 0.0) == pytest.approx(EARTH_RADIUS_KM * math.pi / 2)
    assert haversine_km(10.0, 170.0, 10.0, -170.0) == pytest.approx(
        haversine_km(10.0, -10.0, 10.0, 10.0)
    )


def test_unresolved_match_counts_for_recognition_not_resolution() -> None:
    predictions = {"d1": [pred(RIVER, "Lyon", LYON), pred(RIVER, "Grenoble")]}
    report = evaluate([river_doc()], predictions)
    assert report.recognition.f1 == 1.0
    assert report.resolution.pairs == 1
    assert report.resolution.accuracy_161 == 1.0
    assert report.counts.matched_unresolved == 1
    assert report.end_to_end_accuracy_161 == 0.5


def test_gold_without_coordinates_counts_for_recognition_only() -> None:
    text = "Crews reached Lyon and a hamlet called Les Granges."
    gold_doc = doc(text, gold(text, "Lyon", LYON), gold(text, "Les Granges"))
    report = evaluate(
        [gold_doc], {"d1": [pred(text, "Lyon", LYON), pred(text, "Les Granges", (40.0, 3.0))]}
    )
    assert report.recognition.recall == 1.0
    assert report.counts.gold_with_coordinates == 1
    assert report.resolution.pairs == 1
    assert report.end_to_end_accuracy_161 == 1.0


def test_document_absent_from_predictions_is_all_missed() -> None:
    other_text = "Fog delayed ferries from Marseille."
    other = doc(other_text, gold(other_text, "Marseille", (43.3, 5.37)), doc_id="d2")
    predictions = {
        "d1": [pred(RIVER, "Lyon", LYON), pred(RIVER, "Grenoble", GRENOBLE)],
        "stray": [],
    }
    report = evaluate([river_doc(), other], predictions)
    assert report.counts.documents == 2
    assert report.counts.documents_without_predictions == 1
    assert report.counts.prediction_documents_not_in_gold == 1
    assert report.recognition.recall == pytest.approx(2 / 3)
    assert report.recognition.precision == 1.0
    assert report.end_to_end_accuracy_161 == pytest.approx(2 / 3)


# --------------------------------------------------------------------------- exclusions

TYPED = "Italian engineers inspected the bridge in Turin."
TURIN = (45.07, 7.69)


def typed_doc() -> GoldDoc:
    return doc(
        TYPED,
        gold(TYPED, "Italian", type="Demonym"),
        gold(TYPED, "Turin", TURIN, type="Literal"),
        corpus="typed",
    )


@pytest.mark.parametrize("kind", ["demonym", "toponym"])
def test_excluded_demonym_gold_with_overlapping_prediction_counts_neither_way(
    kind: str,
) -> None:
    predictions = {"d1": [pred(TYPED, "Italian", kind=kind), pred(TYPED, "Turin", TURIN)]}
    report = evaluate([typed_doc()], predictions)
    assert report.recognition.precision == 1.0
    assert report.recognition.recall == 1.0
    assert report.counts.predicted_neutral == 1
    assert report.counts.gold_scored == 1
    assert report.counts.gold_excluded == 1
    assert report.excluded_by_type == {"Demonym": 1}


def test_demonym_prediction_without_gold_in_typed_corpus_is_false_positive() -> None:
    text = "Turin and Roman officials met."
    gold_doc = doc(text, gold(text, "Turin", TURIN, type="Literal"), corpus="typed")
    predictions = {"d1": [pred(text, "Turin", TURIN), pred(text, "Roman", kind="demonym")]}
    report = evaluate([gold_doc], predictions)
    assert report.recognition.precision == 0.5
    assert report.counts.predicted_ignored == 0


@pytest.mark.parametrize(("kind", "precision"), [("demonym", 1.0), ("toponym", 0.5)])
def test_demonym_predictions_ignored_for_untyped_corpus(kind: str, precision: float) -> None:
    text = "Italian engineers inspected the bridge in Turin."
    gold_doc = doc(text, gold(text, "Turin", TURIN), corpus="untyped")
    predictions = {"d1": [pred(text, "Italian", kind=kind), pred(text, "Turin", TURIN)]}
    report = evaluate([gold_doc], predictions)
    assert report.recognition.precision == precision
    assert report.counts.predicted_ignored == (1 if kind == "demonym" else 0)


def test_corpus_is_typed_even_for_its_documents_without_toponyms() -> None:
    empty_text = "Nothing happened today."
    empty = doc(empty_text, doc_id="d2", corpus="typed")
    predictions = {
        "d1": [pred(TYPED, "Turin", TURIN)],
        "d2": [pred(empty_text, "Nothing", kind="demonym")],
    }
    report = evaluate([typed_doc(), empty], predictions)
    assert report.counts.false_positives == 1  # not ignored: the corpus tags demonyms


@pytest.mark.parametrize("left_out", ["Homonym", "Language"])
def test_other_left_out_types(left_out: str) -> None:
    text = "Jack Turin spoke Italian in Turin."
    gold_doc = doc(
        text,
        GoldToponym(start=5, end=10, name="Turin", type=left_out),
        GoldToponym(start=28, end=33, name="Turin", lat=TURIN[0], lon=TURIN[1], type="Metonymic"),
        corpus="typed",
    )
    assert text[28:33] == "Turin" and text[5:10] == "Turin"
    predictions = {
        "d1": [
            PredictedToponym(start=5, end=10, name="Turin", lat=TURIN[0], lon=TURIN[1]),
            PredictedToponym(start=28, end=33, name="Turin", lat=TURIN[0], lon=TURIN[1]),
        ]
    }
    report = evaluate([gold_doc], predictions)
    assert report.recognition.f1 == 1.0
    assert report.counts.predicted_neutral == 1
    assert report.excluded_by_type == {left_out: 1}


# --------------------------------------------------------------------------- errors


def test_worst_documents_and_confusions() -> None:
    bad_text = "Storms hit Lyon, Grenoble and Turin overnight."
    bad = doc(
        bad_text,
        gold(bad_text, "Lyon", LYON),
        gold(bad_text, "Grenoble", GRENOBLE),
        gold(bad_text, "Turin", TURIN),
        doc_id="bad",
    )
    predictions = {
        "d1": [pred(RIVER, "Lyon", LYON), pred(RIVER, "Grenoble", north_of(GRENOBLE, 500.0))],
        "bad": [
            pred(bad_text, "Lyon", north_of(LYON, 3000.0)),
            pred(bad_text, "Grenoble"),
            pred(bad_text, "Storms"),
        ],
    }
    worst = worst_documents([river_doc(), bad], predictions, n=5)
    assert [w.doc_id for w in worst] == ["bad", "d1"]
    assert worst[0].missed == ("Turin",)
    assert worst[0].false_positives == ("Storms",)
    assert [c.gold_name for c in worst[0].wrong] == ["Lyon", "Grenoble"]
    assert worst[0].errors == 4
    assert worst_documents([river_doc(), bad], predictions, n=1)[0].doc_id == "bad"

    found = confusions([river_doc(), bad], predictions)
    assert [(c.doc_id, c.gold_name) for c in found] == [
        ("bad", "Lyon"),
        ("d1", "Grenoble"),
        ("bad", "Grenoble"),
    ]
    assert found[0].error_km == pytest.approx(3000.0, abs=1e-6)
    assert found[-1].error_km is None
    resolved_only = confusions([river_doc(), bad], predictions, include_unresolved=False)
    assert len(resolved_only) == 2


def test_perfect_documents_are_not_listed_as_worst() -> None:
    predictions = {"d1": [pred(RIVER, "Lyon", LYON), pred(RIVER, "Grenoble", GRENOBLE)]}
    assert worst_documents([river_doc()], predictions) == []
    assert confusions([river_doc()], predictions) == []


# --------------------------------------------------------------------------- output


def test_report_to_dict_is_json_and_format_report_shows_the_figures() -> None:
    predictions = {"d1": [pred(RIVER, "Lyon", LYON)]}
    report = evaluate([river_doc()], predictions)
    data = json.loads(json.dumps(report_to_dict(report)))
    assert data["recognition"]["recall"] == 0.5
    assert data["counts"]["gold_scored"] == 2
    assert data["end_to_end_accuracy_161"] == 0.5
    text = format_report(report)
    assert "0.500" in text  # recall and end-to-end accuracy
    assert "precision" in text and "AUC" in text


def test_format_report_with_no_predictions_says_n_a() -> None:
    report = evaluate([river_doc()], {})
    text = format_report(report)
    assert report.recognition.precision is None
    assert report.recognition.recall == 0.0
    assert "n/a" in text


# --------------------------------------------------------------------------- loading


def gold_record(**changes: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "doc_id": "d1",
        "corpus": "test",
        "title": None,
        "url": None,
        "text": RIVER,
        "toponyms": [
            {
                "start": span(RIVER, "Lyon")[0],
                "end": span(RIVER, "Lyon")[1],
                "name": "Lyon",
                "lat": LYON[0],
                "lon": LYON[1],
                "geonameid": 2996944,
            }
        ],
    }
    record.update(changes)
    return record


def pred_record(**changes: Any) -> dict[str, Any]:
    toponym: dict[str, Any] = {
        "start": span(RIVER, "Lyon")[0],
        "end": span(RIVER, "Lyon")[1],
        "name": "Lyon",
        "kind": "toponym",
        "lat": LYON[0],
        "lon": LYON[1],
        "gazetteer_id": "geonames:2996944",
        "layers": ["places"],
    }
    toponym.update(changes)
    return {"doc_id": "d1", "toponyms": [toponym]}


def write_lines(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_load_and_run_eval_round_trip(tmp_path: Path) -> None:
    gold_path = write_lines(tmp_path / "gold.jsonl", [json.dumps(gold_record())])
    pred_path = write_lines(tmp_path / "pred.jsonl", ["", json.dumps(pred_record())])
    docs = load_gold(gold_path)
    assert docs[0].toponyms[0].geonameid == "2996944"
    predictions = load_predictions(pred_path)
    assert predictions["d1"][0].layers == ("places",)
    assert predictions == load_predictions([json.dumps(pred_record())])
    assert predictions == load_predictions([pred_record()])
    for source in (pred_path, str(pred_path), [json.dumps(pred_record())], predictions):
        report = run_eval(gold_path, source)
        assert report.recognition.f1 == 1.0
        assert report.end_to_end_accuracy_161 == 1.0


BAD_GOLD = [
    "{not json",
    json.dumps(gold_record(text=RIVER.upper())),  # span no longer matches the name
    json.dumps(gold_record(toponyms=[{"start": 3, "name": "x"}])),
    json.dumps(gold_record(toponyms=[{"start": 5, "end": 2, "name": ""}])),
    json.dumps(
        gold_record(
            toponyms=[{**gold_record()["toponyms"][0], "type": "Fictional"}]  # unknown type
        )
    ),
    json.dumps(gold_record(toponyms=[{**gold_record()["toponyms"][0], "lon": None}])),
    json.dumps(gold_record(doc_id=None)),
    json.dumps([1, 2]),
]


@pytest.mark.parametrize("bad_line", BAD_GOLD)
def test_malformed_gold_line_names_file_and_line(tmp_path: Path, bad_line: str) -> None:
    good = json.dumps(gold_record(doc_id="d0"))
    path = write_lines(tmp_path / "gold.jsonl", [good, good.replace('"d0"', '"d9"'), bad_line])
    with pytest.raises(ValueError, match=r"gold\.jsonl:3: "):
        load_gold(path)


def test_duplicate_gold_doc_id(tmp_path: Path) -> None:
    line = json.dumps(gold_record())
    path = write_lines(tmp_path / "gold.jsonl", [line, line])
    with pytest.raises(ValueError, match=r"gold\.jsonl:2: duplicate doc_id 'd1'"):
        load_gold(path)


BAD_PREDICTIONS = [
    "[]",
    json.dumps(pred_record(kind="river")),
    json.dumps(pred_record(lat=None)),
    json.dumps(pred_record(lat=95.0)),
    json.dumps(pred_record(lat="45.76")),
    json.dumps(pred_record(start="4")),
    json.dumps(pred_record(layers="places")),
    json.dumps({"doc_id": "d1"}),
    json.dumps(pred_record()),  # repeats line 1's doc_id
]


@pytest.mark.parametrize("bad_line", BAD_PREDICTIONS)
def test_malformed_prediction_line_names_file_and_line(tmp_path: Path, bad_line: str) -> None:
    path = write_lines(tmp_path / "pred.jsonl", [json.dumps(pred_record()), bad_line])
    with pytest.raises(ValueError, match=r"pred\.jsonl:2: "):
        load_predictions(path)
    with pytest.raises(ValueError, match=r"<stdin>:2: "):
        load_predictions([json.dumps(pred_record()), bad_line], source="<stdin>")
