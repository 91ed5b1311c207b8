"""Positions written as coordinates: read by their form, placed where they say, as written."""

from __future__ import annotations

import pytest

from geo.coordinates import COORDINATES_LABEL, position_place, written_positions
from geo.types import Precision
from layers.events import detect_events
from layers.location_model import load_location_model

WRITTEN = [
    # (text, the position's words, lat, lon, radius in km)
    ("The tanker was hailed at 12°30′N 43°15′E at dawn.", "12°30′N 43°15′E", 12.5, 43.25, 0.9),
    ("The camp lies at 13.2°N, 13.9°E, near the lake.", "13.2°N, 13.9°E", 13.2, 13.9, 5.6),
    ("Last reported at 14.25N 42.1E heading north.", "14.25N 42.1E", 14.25, 42.1, 5.6),
    (
        "An incident 12° 35' N, 43° 20' E was reported.",
        "12° 35' N, 43° 20' E",
        12.5833,
        43.3333,
        0.9,
    ),
    ("A wreck at 5°S 40°W was found.", "5°S 40°W", -5.0, -40.0, 55.7),
    ("Longitude first: 35°30′E 33°15′N.", "35°30′E 33°15′N", 33.25, 35.5, 0.9),
    (
        "The well sits at 31°31'12\"N 34°27'36\"E by the road.",
        "31°31'12\"N 34°27'36\"E",
        31.52,
        34.46,
        0.0,
    ),
    (
        "Shelling hit the site at coordinates 15.3694, 44.1910 on Sunday.",
        "coordinates 15.3694, 44.1910",
        15.3694,
        44.191,
        0.0,
    ),
    ("GPS: -1.9441, 30.0619 (the clinic).", "GPS: -1.9441, 30.0619", -1.9441, 30.0619, 0.0),
    (
        "The ship was 13 degrees north, 43 degrees east.",
        "13 degrees north, 43 degrees east",
        13.0,
        43.0,
        55.7,
    ),
]


@pytest.mark.parametrize(("text", "words", "lat", "lon", "radius"), WRITTEN)
def test_a_written_position_is_read_with_its_step(text, words, lat, lon, radius):
    (found,) = written_positions(text)
    assert text[found.start : found.end] == words
    assert found.lat == pytest.approx(lat, abs=1e-4)
    assert found.lon == pytest.approx(lon, abs=1e-4)
    assert found.radius_km == pytest.approx(radius, abs=0.05)


@pytest.mark.parametrize(
    "text",
    [
        "Temperatures reached 40°C and 13°N winds blew.",  # one angle is no position
        "The score was 15.37, 44.19 in the second half.",  # a bare pair with no label
        "12°N 13°S were both named.",  # two latitudes
        "Lat 91°N 43°E is no latitude.",
        "at 12.5 e 13.2 n",  # a hemisphere is a capital letter
        "The 2.5 N force and 3.1 E field.",  # letters after numbers of another kind
        "They sold 12.5 tonnes, 13.1 tonnes the day after.",
    ],
)
def test_numbers_that_are_no_position_are_left_alone(text):
    assert written_positions(text) == []


def test_a_position_is_placed_where_it_says_with_its_country(pipeline):
    text = "An air strike hit a market at 12.9°N 13.6°E on Monday."
    (item,) = [
        r for r in pipeline.locate(pipeline.parse(text)) if r.mention.label == COORDINATES_LABEL
    ]
    assert item.mention.text == "12.9°N 13.6°E"
    place = item.place
    assert place is not None
    assert (place.lat, place.lon) == pytest.approx((12.9, 13.6))
    assert place.country == "NG"
    assert place.precision is Precision.NEAR and place.radius_km == pytest.approx(5.6)
    assert "Nigeria" in place.reason and "coordinates" in place.reason


def test_a_position_at_sea_has_no_country_and_a_fine_one_is_exact(pipeline):
    text = "UKMTO said a vessel was approached at 13°05′20″N 42°50′10″E by two skiffs."
    places = [r.place for r in pipeline.locate(pipeline.parse(text)) if r.place]
    (written,) = [p for p in places if p.feature == "coordinates"]
    assert written.country is None and "at sea" in written.reason
    assert written.precision is Precision.EXACT and written.radius_km is None


def test_no_name_is_read_inside_a_position(pipeline):
    # "N" and "E" are names of nothing here, and neither is any number
    text = "Troops clashed with fighters at 14.5 N 33.2 E, near the river."
    mentions = [r.mention for r in pipeline.locate(pipeline.parse(text))]
    assert [m.label for m in mentions] == [COORDINATES_LABEL]


def test_an_event_at_a_written_position_lands_there(pipeline):
    text = "A merchant vessel was struck by a missile at 13.2°N, 43.1°E on Tuesday."
    doc = pipeline.parse(text)
    events = detect_events(
        doc,
        pipeline.locate(doc),
        layers=pipeline.layers,
        model=load_location_model(),
        article_date="2024-03-10",
    )
    where = {text[loc.start : loc.end] for e in events for loc in e.locations}
    assert where == {"13.2°N, 43.1°E"}


def test_a_mention_of_another_kind_is_no_position(pipeline):
    (item,) = pipeline.locate(pipeline.parse("They met in Amman."))
    assert position_place(item.mention) is None


def test_the_parse_reads_a_position_as_one_token_the_object_of_its_preposition(pipeline):
    doc = pipeline.parse("A ship was struck by a missile at 13.2°N, 43.1°E on Tuesday.")
    (token,) = [t for t in doc if "°" in t.text]
    assert token.text == "13.2°N, 43.1°E"
    assert token.head.text == "at"


@pytest.mark.parametrize("joint", ["/", "-", "–", ","])
def test_two_positions_glued_into_one_token_are_two_tokens(pipeline, joint):
    # a box written as two corners: the tokenizer leaves "E/14.2" one token,
    # across which the two positions could only be merged over each other
    text = f"Vessels were attacked at 13.1°N 43.1°E{joint}14.2°N 42.5°E overnight."
    doc = pipeline.parse(text)
    assert [t.text for t in doc if "°" in t.text] == ["13.1°N 43.1°E", "14.2°N 42.5°E"]
    positions = [r.place for r in pipeline.locate(doc) if r.mention.label == COORDINATES_LABEL]
    assert [(p.lat, p.lon) for p in positions] == [(13.1, 43.1), (14.2, 42.5)]
