"""Tests for eventmap.evaluation.point_conventions on invented documents and points."""

from __future__ import annotations

import math

import pytest

from eventmap.evaluation.evaluate import (
    EARTH_RADIUS_KM,
    GoldDoc,
    GoldToponym,
    PredictedToponym,
    score_documents,
)
from eventmap.evaluation.point_conventions import (
    accuracy_ceiling,
    modal_gold_points,
    rescore_at_points,
)

KM_PER_DEGREE = EARTH_RADIUS_KM * math.pi / 180.0

TEXT = "Ministers from Ruritania met in Zenda, then flew home to Ruritania."
FEATURES = {"geo:rur": "country", "geo:zen": "city"}
RURITANIA = (50.0, 10.0)
ZENDA = (49.0, 11.0)


def north(point: tuple[float, float], km: float) -> tuple[float, float]:
    return point[0] + km / KM_PER_DEGREE, point[1]


def _spans(name: str) -> list[tuple[int, int]]:
    out, start = [], TEXT.find(name)
    while start >= 0:
        out.append((start, start + len(name)))
        start = TEXT.find(name, start + 1)
    return out


def corpus(
    country_gold: list[tuple[float, float]], country_predicted: tuple[float, float]
) -> GoldDoc:
    """One document: two country mentions with the given gold points, and a town."""
    golds = [
        GoldToponym(start=s, end=e, name="Ruritania", lat=p[0], lon=p[1])
        for (s, e), p in zip(_spans("Ruritania"), country_gold, strict=True)
    ]
    (zs, ze) = _spans("Zenda")[0]
    golds.append(GoldToponym(start=zs, end=ze, name="Zenda", lat=ZENDA[0], lon=ZENDA[1]))
    return GoldDoc(doc_id="d", corpus="c", text=TEXT, toponyms=tuple(golds))


def _predicted(name: str, point: tuple[float, float], gazetteer_id: str) -> list[PredictedToponym]:
    return [
        PredictedToponym(
            start=s, end=e, name=name, lat=point[0], lon=point[1], gazetteer_id=gazetteer_id
        )
        for s, e in _spans(name)
    ]


def predictions(
    country_point: tuple[float, float], town_point: tuple[float, float] = ZENDA
) -> dict[str, list[PredictedToponym]]:
    return {
        "d": _predicted("Ruritania", country_point, "geo:rur")
        + _predicted("Zenda", town_point, "geo:zen")
    }


def test_modal_point_is_the_gold_point_given_most_often_and_only_for_the_kinds_asked() -> None:
    other = north(RURITANIA, 400)
    gold = [corpus([other, other], RURITANIA)]
    scores = score_documents(gold, predictions(RURITANIA))
    points = modal_gold_points(scores, FEATURES.get, {"country"})
    assert set(points) == {"geo:rur"}
    assert points["geo:rur"] == pytest.approx(other, abs=0.01)


def test_rescoring_at_the_corpus_points_removes_the_convention_error_only() -> None:
    other = north(RURITANIA, 400)
    gold = [corpus([other, other], RURITANIA)]
    scores = score_documents(gold, predictions(RURITANIA, town_point=north(ZENDA, 300)))
    before = rescore_at_points(scores, {})
    after = rescore_at_points(scores, modal_gold_points(scores, FEATURES.get, {"country"}))
    assert before.correct == 0
    # The two country mentions move onto their gold; the town stays 300 km off.
    assert after.correct == 2
    assert after.auc is not None and before.auc is not None and after.auc < before.auc


def test_points_from_another_corpus_cost_this_one() -> None:
    far = north(RURITANIA, 500)
    ours = score_documents([corpus([RURITANIA, RURITANIA], RURITANIA)], predictions(RURITANIA))
    theirs = score_documents([corpus([far, far], RURITANIA)], predictions(RURITANIA))
    transplanted = rescore_at_points(ours, modal_gold_points(theirs, FEATURES.get, {"country"}))
    assert rescore_at_points(ours, {}).correct == 3
    assert transplanted.correct == 1


def test_ceiling_credits_every_other_place_but_not_the_kinds_held_fixed() -> None:
    far = north(RURITANIA, 500)
    gold = [corpus([far, RURITANIA], RURITANIA)]
    scores = score_documents(gold, predictions(RURITANIA, town_point=north(ZENDA, 900)))
    # Three pairs: one country mention wrong by convention, the town wrong.
    assert accuracy_ceiling(scores, FEATURES.get, {"country"}) == pytest.approx(2 / 3)
    assert accuracy_ceiling(scores, FEATURES.get, {"city"}) == pytest.approx(2 / 3)
    assert accuracy_ceiling(scores, FEATURES.get, set()) == 1.0
    assert accuracy_ceiling([], FEATURES.get, {"country"}) is None
