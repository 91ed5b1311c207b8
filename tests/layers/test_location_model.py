"""The learned event-location scorer: it loads, and it keeps the roles we wrote tests for."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from geo.types import Resolved
from layers.events import _scored, detect_events
from layers.location_model import LocationModel, aside_of, load_location_model, pair_features
from layers.registry import load_layers
from layers.roles import Attachment, Refusal
from tests.layers.test_events import ROLE_CASES, _mention  # type: ignore[import-not-found]


def test_the_shipped_model_records_that_it_beat_the_rules_on_the_held_out_half():
    data = json.loads(resources.files("layers").joinpath("data", "location_model.json").read_text())
    assert data["test_half_model"]["f1"] > data["test_half_rules"]["f1"]
    assert data["use"] is True
    assert 0.0 < data["threshold"] < 1.0
    # Weights over feature names only (no corpus text): each is one the scorer makes.
    made = {
        "bias", "rule", "kind", "trigger_pos", "up_len", "down_len", "dist", "before",
        "meets", "meets_at_root", "first_dep", "first_prep", "owned", "rule+first_prep",
        "deps2", "crosses_clause", "in_subject", "punct_between", "prep", "places",
        "rule+places", "trigger_dep", "via_other_trigger", "triggers", "rule+triggers",
        "triggers_between", "verbs_between", "place_dep", "head_pos", "rivals",
        "accepted+rivals", "kind+rivals",
    }  # fmt: skip
    assert {name.split("=")[0] for name in data["weights"]} <= made
    assert all(isinstance(v, float) for v in data["weights"].values())
    assert isinstance(load_location_model(), LocationModel)


def test_features_say_how_many_places_and_whether_another_event_stands_between(nlp):
    doc = nlp("Gunmen killed two guards who were protecting a clinic in Bossaso.")
    killed, protecting, bossaso = doc[1], doc[6], doc[10]
    alone = pair_features(
        bossaso, frozenset({10}), killed, rule="none", place_kind="city", owned=False, places=1
    )
    assert "places=<=1" in alone
    assert "via_other_trigger" not in alone
    crowded = pair_features(
        bossaso,
        frozenset({10}),
        killed,
        rule="none",
        place_kind="city",
        owned=False,
        places=4,
        other_triggers=frozenset({protecting.i}),
    )
    assert "places=>max" in crowded
    assert "via_other_trigger" in crowded
    assert {"triggers=0", "triggers_between=0"} <= set(alone)
    assert {"triggers=1", "triggers_between=1", "verbs_between=1"} <= set(crowded)
    assert "place_dep=pobj" in crowded and "head_pos=ADP" in crowded


@pytest.mark.parametrize(
    "text",
    [
        "Vandoria, a regional capital, was shelled on Monday.",
        "Vandoria, which the army left in 2022, was shelled on Monday.",
        "Vandoria, near the northern border, was shelled on Monday.",
    ],
)
def test_what_only_describes_a_place_puts_no_distance_before_its_verb(nlp, text):
    """ "Vandoria, a regional capital, was shelled" is as near as "Vandoria was shelled"."""
    doc = nlp(text)
    shelled = next(t for t in doc if t.text == "shelled")
    plain = nlp("Vandoria was shelled on Monday.")
    described = pair_features(
        doc[0], frozenset({0}), shelled, rule="target", place_kind="city", owned=False
    )
    bare = pair_features(
        plain[0], frozenset({0}), plain[2], rule="target", place_kind="city", owned=False
    )
    assert "punct_between" not in described
    assert [f for f in described if f.startswith("dist=")] == [
        f for f in bare if f.startswith("dist=")
    ]


def test_a_list_is_no_description_of_its_first_place(nlp):
    doc = nlp("Vandoria, Port Sella and Norland were shelled on Monday.")
    shelled = next(t for t in doc if t.text == "shelled")
    assert not aside_of(doc[0], shelled)


def test_what_is_said_of_a_person_is_no_description_of_a_place(nlp):
    doc = nlp("Vandoria, who commanded the rebels, was captured on Monday.")
    captured = next(t for t in doc if t.text == "captured")
    features = pair_features(
        doc[0], frozenset({0}), captured, rule="target", place_kind="city", owned=False
    )
    assert "punct_between" in features


def test_each_place_is_weighed_against_the_places_the_rules_took(nlp):
    """ "Jets struck Vandoria while the president was in Port Sella": Vandoria is the rival.

    (Where officials in Port Sella say it, the rules refuse Port Sella outright: their
    words name the site, and the scorer never weighs it.)
    """
    text = "Jets struck Vandoria on Sunday while the president was in Port Sella."
    layers = load_layers()
    resolved = [Resolved(_mention(text, n), None) for n in ("Vandoria", "Port Sella")]
    seen: dict[str, list[str]] = {}
    detect_events(
        nlp(text),
        resolved,
        layers=layers,
        on_pair=lambda _t, item, features: seen.setdefault(item.mention.text, features),
    )
    assert {"rivals=0", "accepted+rivals=True|0"} <= set(seen["Vandoria"])
    assert {"rivals=1", "accepted+rivals=False|1", "kind+rivals=unresolved|1"} <= set(
        seen["Port Sella"]
    )


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


@pytest.mark.parametrize(
    ("reason", "chance", "clause_threshold", "reach_threshold", "governed", "accepted"),
    [
        ("unreached", 0.65, 1.0, 1.0, True, True),  # undecided, in the trigger's phrase
        ("unreached", 0.65, 1.0, 1.0, False, False),  # not in the trigger's phrase at 1.0
        ("unreached", 0.65, 1.0, 0.6, False, True),  # outside it, above its own threshold
        ("unreached", 0.55, 1.0, 0.6, False, False),
        ("unreached", 0.45, 1.0, 1.0, True, False),  # below the accept threshold
        ("clause", 0.65, 1.0, 1.0, True, False),  # never across a clause at 1.0
        ("clause", 0.75, 0.7, 1.0, True, True),  # across a clause above its own threshold
        ("clause", 0.65, 0.7, 1.0, True, False),
        ("clause", 0.75, 0.7, 0.8, False, False),  # both outside and across: the higher
    ],
)
def test_what_the_scorer_may_overrule(
    reason, chance, clause_threshold, reach_threshold, governed, accepted
):
    model = LocationModel(
        {},
        threshold=0.2,
        accept_threshold=0.5,
        clause_threshold=clause_threshold,
        reach_threshold=reach_threshold,
    )
    found = _scored(Refusal(reason), chance, model, governed=governed)
    assert isinstance(found, Attachment) is accepted


def test_an_accepted_place_is_dropped_only_below_the_threshold():
    model = LocationModel({}, threshold=0.2)
    kept = _scored(Attachment("target", 0.9), 0.3, model, governed=True)
    assert isinstance(kept, Attachment)
    assert _scored(Attachment("target", 0.9), 0.1, model, governed=True) == Refusal("scored")


@pytest.mark.parametrize(
    "text",
    [
        "A drone launched from Yemen was intercepted over Eilat.",
        "A missile fired from Lebanon was shot down over Haifa.",
    ],
)
def test_the_scorer_leaves_the_interception_place_to_the_interception(nlp, text):
    """A launch named by its origin did not happen where its drone was downed."""
    model = load_location_model()
    assert model is not None
    names = [w for w in ("Yemen", "Eilat", "Lebanon", "Haifa") if w in text]
    resolved = [Resolved(_mention(text, n), None) for n in names]
    events = detect_events(nlp(text), resolved, layers=load_layers(), model=model)
    by_layer = {e.layer: {text[loc.start : loc.end] for loc in e.locations} for e in events}
    interception = names[1]
    assert interception in by_layer["shootdown_area"]
    assert interception not in by_layer.get("strike_sites", set())


def test_an_event_noun_inside_another_events_words_does_not_take_its_place(nlp):
    """The meeting was in the capital; the strike it reviewed was not."""
    model = load_location_model()
    assert model is not None
    text = (
        "The team met senior officers of the Turkish Air Force in the Russian capital\nand "
        "handed over what the Greek military called a detailed reconstruction of\nthe night "
        "of the strike, supported by maps and documents."
    )
    resolved = [Resolved(_mention(text, "Russian capital"), None)]
    events = detect_events(nlp(text), resolved, layers=load_layers(), model=model)
    by_type = {e.type: {text[loc.start : loc.end] for loc in e.locations} for e in events}
    assert by_type["meeting"] == {"Russian capital"}
    assert not by_type.get("strike")
