"""Tests for the event evaluations on tiny invented gold and prediction records."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest

from eventmap import cli
from eventmap.evaluation.evaluate import PredictedToponym
from eventmap.evaluation.evaluate_eventloc import (
    MISSED_NO_EVENT,
    MISSED_NOT_A_PLACE,
    MISSED_NOT_GIVEN,
    SPURIOUS_NO_GOLD,
    SPURIOUS_OTHER_EVENT,
    SPURIOUS_OTHER_PLACE,
    EventLocLine,
    evaluate_eventloc,
    geoparse_inputs,
    load_eventloc_gold,
    score_lines,
    tokens,
)
from eventmap.evaluation.evaluate_events import (
    PredictedDoc,
    PredictedEvent,
    gold_kind,
    load_event_predictions,
    sentence_id,
)
from eventmap.evaluation.evaluate_eventtype import (
    CASE_LABELS,
    CASE_LAYERS,
    NO_LAYER,
    LayerLabels,
    Snippet,
    evaluate_eventtype,
    layers_said,
    load_eventtype_gold,
    score_layer,
)

# Invented sentences.
SHELLING = "Artillery shelled the port of Vilmora on Tuesday, officials in Dastan said."
TALKS = "Envoys met in Korvale after troops withdrew from North Ashgrove."


def span(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def line(
    text: str, trigger: str, *locations: str, line_no: int = 1, doc_id: str = "d"
) -> EventLocLine:
    return EventLocLine(
        line_no=line_no,
        doc_id=doc_id,
        sentence_id=sentence_id(text),
        text=text,
        trigger=span(text, trigger),
        locations=tuple(span(text, loc) for loc in locations),
    )


def event(
    text: str, trigger: str, *locations: str, layer: str = "strike_sites", type: str = "shelling"
) -> PredictedEvent:
    return PredictedEvent(
        type=type,
        layer=layer,
        trigger=span(text, trigger),
        locations=tuple(span(text, loc) for loc in locations),
    )


def place(text: str, name: str, *layers: str) -> PredictedToponym:
    start, end = span(text, name)
    return PredictedToponym(start=start, end=end, name=name, layers=layers)


def predicted(
    text: str, *events: PredictedEvent, toponyms: tuple[PredictedToponym, ...] = ()
) -> dict[str, PredictedDoc]:
    return {sentence_id(text): PredictedDoc(toponyms=toponyms, events=events)}


# --------------------------------------------------------------------------- event location


def test_tokens_split_words_and_each_punctuation_mark() -> None:
    text = "in al-Bab, Syria"
    assert [text[s:e] for s, e in tokens(text)] == ["in", "al", "-", "Bab", ",", "Syria"]


def test_only_events_whose_trigger_overlaps_the_gold_trigger_count() -> None:
    gold = [line(SHELLING, "shelled", "Vilmora")]
    on_trigger = event(SHELLING, "shelled", "Vilmora")
    elsewhere = event(SHELLING, "said", "Dastan", layer="places", type="statement")
    report = evaluate_eventloc(gold, predicted(SHELLING, on_trigger, elsewhere))
    assert report.tokens.precision == 1.0
    assert report.tokens.recall == 1.0
    assert report.counts.predicted_spans == 1


def test_a_trigger_overlapping_by_one_character_matches() -> None:
    gold = [line(SHELLING, "shelled", "Vilmora")]
    end = span(SHELLING, "shelled")[1]
    partial = PredictedEvent(
        "shelling", "strike_sites", (end - 1, end + 4), (span(SHELLING, "Vilmora"),)
    )
    report = evaluate_eventloc(gold, {sentence_id(SHELLING): PredictedDoc(events=(partial,))})
    assert report.trigger_recall == 1.0
    assert report.span_recall == 1.0


def test_a_trigger_matches_on_any_of_its_words() -> None:
    # The event noun is quoted; the verb that reports it stands apart.
    text = "The ambush on the convoy near Vilmora, officials in Dastan said, occurred at dawn."
    gold = [line(text, "occurred", "Vilmora")]
    quoted = event(text, "ambush", "Vilmora", layer="attacks", type="ambush")
    worded = dataclasses.replace(
        quoted, trigger_words=(span(text, "ambush"), span(text, "occurred"))
    )
    assert evaluate_eventloc(gold, predicted(text, quoted)).trigger_recall == 0.0
    report = evaluate_eventloc(gold, predicted(text, worded))
    assert report.trigger_recall == 1.0
    assert report.span_recall == 1.0


def test_tokens_count_words_not_spans() -> None:
    # Gold "North Ashgrove" is two tokens; predicting "Ashgrove" finds one of them.
    gold = [line(TALKS, "withdrew", "North Ashgrove")]
    report = evaluate_eventloc(gold, predicted(TALKS, event(TALKS, "withdrew", "Ashgrove")))
    assert (report.tokens.true, report.tokens.predicted, report.tokens.gold) == (1, 1, 2)
    assert report.tokens.precision == 1.0
    assert report.tokens.recall == 0.5
    assert report.tokens.f1 == pytest.approx(2 / 3)


def test_span_recall_counts_a_gold_span_any_prediction_overlaps() -> None:
    gold = [line(TALKS, "withdrew", "North Ashgrove", "Korvale")]
    report = evaluate_eventloc(gold, predicted(TALKS, event(TALKS, "withdrew", "Ashgrove")))
    assert report.span_recall == 0.5
    assert report.counts.spans_found == 1


def test_a_line_without_gold_location_costs_precision_not_trigger_recall() -> None:
    gold = [
        line(TALKS, "met", "Korvale", line_no=1),
        line(TALKS, "withdrew", line_no=2),  # no gold location
    ]
    preds = predicted(
        TALKS,
        event(TALKS, "met", "Korvale", layer="meetings", type="meeting"),
        event(TALKS, "withdrew", "North Ashgrove", layer="movements", type="movement"),
    )
    report = evaluate_eventloc(gold, preds)
    assert report.counts.lines_with_location == 1
    assert report.trigger_recall == 1.0
    assert report.tokens.recall == 1.0
    assert report.tokens.precision == pytest.approx(1 / 3)  # Korvale of Korvale, North, Ashgrove
    assert report.errors == {SPURIOUS_NO_GOLD: 1}


def test_an_event_with_empty_locations_still_counts_for_trigger_recall() -> None:
    gold = [line(SHELLING, "shelled", "Vilmora")]
    report = evaluate_eventloc(gold, predicted(SHELLING, event(SHELLING, "shelled")))
    assert report.trigger_recall == 1.0
    assert report.span_recall == 0.0
    assert report.tokens.precision is None  # nothing predicted
    assert report.tokens.recall == 0.0


def test_a_sentence_on_several_lines_is_geoparsed_once() -> None:
    gold = [line(TALKS, "met", "Korvale"), line(TALKS, "withdrew", "North Ashgrove", line_no=2)]
    assert geoparse_inputs(gold) == [{"doc_id": sentence_id(TALKS), "text": TALKS}]


@pytest.mark.parametrize(
    ("events", "toponyms", "expected"),
    [
        ((), (), MISSED_NO_EVENT),
        ((("withdrew",),), (), MISSED_NOT_A_PLACE),
        ((("withdrew",),), ("North Ashgrove",), MISSED_NOT_GIVEN),
    ],
)
def test_each_missed_span_has_its_error_class(
    events: tuple[tuple[str, ...], ...], toponyms: tuple[str, ...], expected: str
) -> None:
    gold = [line(TALKS, "withdrew", "North Ashgrove")]
    preds = predicted(
        TALKS,
        *(event(TALKS, *words) for words in events),
        toponyms=tuple(place(TALKS, name) for name in toponyms),
    )
    assert evaluate_eventloc(gold, preds).errors == {expected: 1}


def test_spurious_spans_tell_another_events_place_from_a_non_gold_place() -> None:
    gold = [
        line(SHELLING, "shelled", "Vilmora", line_no=1),
        line(SHELLING, "said", "Dastan", line_no=2),
    ]
    preds = predicted(
        SHELLING,
        event(SHELLING, "shelled", "Vilmora", "Dastan", "Tuesday"),
    )
    report = evaluate_eventloc(gold, preds)
    assert report.errors[SPURIOUS_OTHER_EVENT] == 1
    assert report.errors[SPURIOUS_OTHER_PLACE] == 1


def test_location_recall_counts_any_place_mention_once_per_sentence_span() -> None:
    gold = [
        line(TALKS, "met", "Korvale", line_no=1),
        line(TALKS, "withdrew", "Korvale", "North Ashgrove", line_no=2),
    ]
    preds = {sentence_id(TALKS): PredictedDoc(toponyms=(place(TALKS, "Korvale"),), events=())}
    report = evaluate_eventloc(gold, preds)
    assert report.counts.distinct_gold_spans == 2
    assert report.location_recall == 0.5


def test_before_the_event_stage_only_toponym_layers_are_measured() -> None:
    gold = [line(TALKS, "met", "Korvale"), line(TALKS, "withdrew", "North Ashgrove", line_no=2)]
    toponyms = (place(TALKS, "Korvale", "meetings"), place(TALKS, "North Ashgrove", "places"))
    preds = {sentence_id(TALKS): PredictedDoc(toponyms=toponyms, events=None)}
    report = evaluate_eventloc(gold, preds)
    assert not report.has_events
    assert report.tokens.f1 is None and report.trigger_recall is None
    assert report.on_event_layer == 0.5  # "places" is no event layer
    assert report.location_recall == 1.0


def test_a_sentence_without_prediction_line_is_all_missed() -> None:
    gold = [line(SHELLING, "shelled", "Vilmora")]
    report = evaluate_eventloc(gold, predicted(TALKS, event(TALKS, "met", "Korvale")))
    assert report.counts.sentences_without_predictions == 1
    assert report.tokens.recall == 0.0
    (only,) = score_lines(gold, {})
    assert only.missed == ((span(SHELLING, "Vilmora"), MISSED_NO_EVENT),)


def test_eventloc_gold_refuses_a_span_past_the_text() -> None:
    record: dict[str, Any] = {"doc_id": "x", "text": "short", "trigger": {"start": 0, "end": 2}}
    record["locations"] = [{"start": 3, "end": 9}]
    with pytest.raises(ValueError, match=":1: span 3:9 runs past"):
        load_eventloc_gold([json.dumps(record)])


# --------------------------------------------------------------------------- event type


def snippet(doc_id: str, label: str) -> Snippet:
    return Snippet(doc_id=doc_id, text="invented", label=label)


def says(*layers: str) -> PredictedDoc:
    return PredictedDoc(
        events=tuple(PredictedEvent("x", layer, (0, 1)) for layer in layers),
    )


STRIKES = LayerLabels("strike_sites", frozenset({"AIR_STRIKE"}), frozenset({"GRENADE"}))


def test_a_layer_is_scored_over_snippets_leaving_out_unclear_labels() -> None:
    snippets = [
        snippet("a", "AIR_STRIKE"),  # said: true positive
        snippet("b", "AIR_STRIKE"),  # not said: false negative
        snippet("c", "GRENADE"),  # said, but left out: neither way
        snippet("d", "PEACE_PROTEST"),  # said: false positive
        snippet("e", "ARREST"),  # not said: true negative
    ]
    said = {"a": frozenset({"strike_sites"}), "c": frozenset({"strike_sites"})}
    said["d"] = frozenset({"strike_sites"})
    score = score_layer(STRIKES, snippets, said)
    assert (score.scores.true, score.scores.predicted, score.scores.gold) == (1, 2, 2)
    assert (score.scored, score.left_out, score.said_left_out) == (4, 1, 1)
    assert score.false_negatives == ("b",) and score.false_positives == ("d",)
    assert score.scores.f1 == 0.5


def test_a_snippet_says_layers_of_events_not_places_and_confusion_counts_them() -> None:
    snippets = [snippet("a", "DIPLO"), snippet("b", "DIPLO"), snippet("c", "ARREST")]
    preds = {"a": says("meetings", "places"), "b": says("places"), "c": says()}
    report = evaluate_eventtype(
        snippets, preds, rules=(LayerLabels("meetings", frozenset({"DIPLO"})),)
    )
    assert report.layers[0].scores.recall == 0.5
    assert report.confusion == {"ARREST": {NO_LAYER: 1}, "DIPLO": {NO_LAYER: 1, "meetings": 1}}


def test_toponym_layers_give_the_before_figures() -> None:
    snippets = [snippet("a", "AIR_STRIKE"), snippet("b", "ARREST")]
    toponym = PredictedToponym(start=0, end=1, name="x", layers=("strike_sites",))
    preds = {"a": PredictedDoc(toponyms=(toponym,)), "b": PredictedDoc()}
    report = evaluate_eventtype(snippets, preds, rules=(STRIKES,))
    assert not report.has_events and report.layers == ()
    assert report.toponym_layers[0].scores.f1 == 1.0


def test_case_rules_name_only_real_labels_and_keep_the_issue_exclusions() -> None:
    for rule in CASE_LAYERS:
        assert rule.positive | rule.left_out <= CASE_LABELS
        assert not rule.positive & rule.left_out
    rules = {rule.layer: rule for rule in CASE_LAYERS}
    assert rules["strike_sites"].positive == {"AIR_STRIKE", "ART_MISS_ATTACK"}
    assert rules["strike_sites"].left_out == {
        "ATTACK", "REM_EXPLOS", "SUIC_BOMB", "GRENADE", "CHEM_WEAP", "DISR_WEAP"
    }  # fmt: skip
    assert (rules["meetings"].positive, rules["meetings"].left_out) == ({"DIPLO"}, {"AGREEMENT"})


def test_eventtype_gold_refuses_an_unknown_label() -> None:
    lines = [json.dumps({"doc_id": "a", "text": "t", "label": "PICNIC"})]
    with pytest.raises(ValueError, match="unknown label 'PICNIC'"):
        load_eventtype_gold(lines)


# --------------------------------------------------------------------------- loading, CLI


def write_jsonl(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def eventloc_record(text: str, trigger: str, *locations: str) -> dict[str, Any]:
    def spanned(words: str) -> dict[str, Any]:
        start, end = span(text, words)
        return {"start": start, "end": end, "text": words}

    return {
        "doc_id": "d1",
        "corpus": "event_location",
        "text": text,
        "trigger": spanned(trigger),
        "locations": [spanned(loc) for loc in locations],
    }


@pytest.mark.parametrize(
    ("record", "kind"),
    [
        ({"doc_id": "a", "text": "t", "toponyms": []}, "toponyms"),
        (eventloc_record(TALKS, "met", "Korvale"), "event_location"),
        ({"doc_id": "a", "text": "t", "label": "DIPLO"}, "event_type"),
    ],
)
def test_gold_kind_is_read_from_the_records(
    tmp_path: Path, record: dict[str, Any], kind: str
) -> None:
    assert gold_kind(write_jsonl(tmp_path / "g.jsonl", [record])) == kind


def test_gold_kind_refuses_a_record_of_no_known_kind(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="not a gold record"):
        gold_kind(write_jsonl(tmp_path / "g.jsonl", [{"doc_id": "a", "text": "t"}]))


def test_predictions_load_events_and_tell_a_record_without_them() -> None:
    lines = [
        json.dumps({"doc_id": "new", "toponyms": [], "events": [
            {"type": "meeting", "layer": "meetings", "trigger": {"start": 6, "end": 9},
             "locations": [{"start": 13, "end": 20}], "date": None}
        ]}),
        json.dumps({"doc_id": "old", "toponyms": []}),
    ]  # fmt: skip
    loaded = load_event_predictions(lines)
    assert loaded["new"].events == (PredictedEvent("meeting", "meetings", (6, 9), ((13, 20),)),)
    assert loaded["old"].events is None


def test_predictions_load_the_words_of_a_trigger() -> None:
    record = {"doc_id": "a", "toponyms": [], "events": [
        {"type": "attack", "layer": "attacks",
         "trigger": {"start": 4, "end": 10, "words": [{"start": 4, "end": 10},
                                                       {"start": 40, "end": 48}]},
         "locations": [], "date": None}
    ]}  # fmt: skip
    (loaded,) = load_event_predictions([json.dumps(record)])["a"].events or ()
    assert loaded.trigger_words == ((4, 10), (40, 48))
    assert loaded.reported_by((41, 43)) and not loaded.reported_by((20, 30))
    record["events"][0]["trigger"]["words"] = [{"start": 9, "end": 3}]
    with pytest.raises(ValueError, match="event trigger word"):
        load_event_predictions([json.dumps(record)])


def test_a_bad_event_names_its_line() -> None:
    bad = {"doc_id": "a", "toponyms": [], "events": [{"type": "x", "layer": "y"}]}
    with pytest.raises(ValueError, match=r"<predictions>:1: event trigger"):
        load_event_predictions([json.dumps(bad)])


def run_cli(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = cli.main(argv)
    return code, capsys.readouterr().out


def test_cli_scores_event_location_predictions(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gold = write_jsonl(tmp_path / "g.jsonl", [eventloc_record(TALKS, "withdrew", "North Ashgrove")])
    start, end = span(TALKS, "withdrew")
    locations = [
        dict(zip(("start", "end"), span(TALKS, w), strict=True)) for w in ("Ashgrove", "Korvale")
    ]
    pred_record = {
        "doc_id": sentence_id(TALKS),
        "toponyms": [],
        "events": [{"type": "movement", "layer": "movements",
                    "trigger": {"start": start, "end": end},
                    "locations": locations, "date": None}],
    }  # fmt: skip
    preds = write_jsonl(tmp_path / "p.jsonl", [pred_record])
    code, out = run_cli(["eval", str(gold), "--predictions", str(preds), "--json"], capsys)
    assert code == cli.EXIT_OK
    data = json.loads(out)
    assert data["kind"] == "event_location"
    assert data["tokens"]["precision"] == 0.5 and data["tokens"]["recall"] == 0.5
    assert data["span_recall"] == 1.0
    code, out = run_cli(["eval", str(gold), "--predictions", str(preds), "--worst", "3"], capsys)
    assert "span recall" in out
    assert f"{sentence_id(TALKS)} (gold line 1) trigger {start}:{end} 'withdrew': 1 errors" in out
    assert f"'Korvale'  {SPURIOUS_OTHER_PLACE}" in out


def test_cli_scores_event_type_predictions(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gold = write_jsonl(
        tmp_path / "g.jsonl",
        [
            {"doc_id": "a", "corpus": "case", "text": "invented", "label": "DIPLO"},
            {"doc_id": "b", "corpus": "case", "text": "invented", "label": "AGREEMENT"},
        ],
    )
    event_record = {"type": "meeting", "layer": "meetings", "trigger": {"start": 0, "end": 2}}
    preds = write_jsonl(
        tmp_path / "p.jsonl",
        [
            {"doc_id": "a", "toponyms": [], "events": [event_record]},
            {"doc_id": "b", "toponyms": [], "events": [event_record]},
        ],
    )
    code, out = run_cli(["eval", str(gold), "--predictions", str(preds), "--json"], capsys)
    assert code == cli.EXIT_OK
    meetings = next(s for s in json.loads(out)["layers"] if s["layer"] == "meetings")
    assert meetings["scores"]["f1"] == 1.0 and meetings["said_left_out"] == 1
    code, out = run_cli(["eval", str(gold), "--predictions", str(preds)], capsys)
    assert "DIPLO" in out and "meetings 1" in out


def test_cli_refuses_a_gold_file_of_no_known_kind(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gold = write_jsonl(tmp_path / "g.jsonl", [{"doc_id": "a"}])
    assert cli.main(["eval", str(gold), "--predictions", str(gold)]) == cli.EXIT_USAGE
    assert "not a gold record" in capsys.readouterr().err


@pytest.mark.parametrize("flag", ["denied", "planned"])
def test_a_denied_or_planned_event_says_no_layer_of_its_snippet(tmp_path: Path, flag) -> None:
    """ "The army denied shelling X", "threatened to shell X": no shelling reported."""
    event = {"type": "shelling", "layer": "strike_sites", "trigger": {"start": 0, "end": 1}}
    path = tmp_path / "pred.jsonl"
    path.write_text(
        json.dumps({"doc_id": "a", "toponyms": [], "events": [{**event, flag: True}]})
        + "\n"
        + json.dumps({"doc_id": "b", "toponyms": [], "events": [event]})
        + "\n"
    )
    loaded = load_event_predictions(path)
    assert layers_said(loaded["a"], from_events=True) == frozenset()
    assert layers_said(loaded["b"], from_events=True) == {"strike_sites"}
