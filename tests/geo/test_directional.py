"""Names for part of a known place ("Southern Syria", "North Dallas")."""

import pytest

from geo.directional import PART_EXTENT_OF_A_TOWN_KM, split_part
from geo.types import Precision


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("South Florida", ("south", "Florida")),
        ("North-Western Sydney", ("north-west", "Sydney")),
        ("South West England", ("south-west", "England")),
        ("Central Java", ("centre", "Java")),
        ("Mid-Jutland", ("middle", "Jutland")),
    ],
)
def test_a_position_word_and_a_name_split(name, expected):
    assert split_part(name) == expected


@pytest.mark.parametrize("name", ["Northampton", "South", "North of Homs", "Westminster Abbey"])
def test_other_names_do_not_split(name):
    assert split_part(name) is None


def _only(results, text):
    (item,) = [r for r in results if r.mention.text == text]
    return item.place


def test_part_of_a_country_keeps_its_point_and_says_region(resolve):
    place = _only(resolve("Fighting spread in Southern Syria, officials said."), "Southern Syria")
    assert place.country == "SY" and place.name == "Southern Syria"
    assert place.precision is Precision.REGION
    assert place.gazetteer_id.endswith("#part-south")
    whole = _only(resolve("Fighting spread in Syria, officials said."), "Syria")
    assert (place.lat, place.lon) == (whole.lat, whole.lon)
    assert place.confidence < whole.confidence


def test_part_of_a_city_is_a_region_around_it(resolve):
    place = _only(resolve("Crews worked in North Dallas overnight."), "North Dallas")
    assert place.country == "US" and place.precision is Precision.REGION
    assert place.radius_km == PART_EXTENT_OF_A_TOWN_KM


def test_part_of_a_continent_is_no_part_of_its_point(resolve):
    # "Northern Asia" is a region of its own: Asia's point is far from it. The
    # gazetteer holds some such regions itself ("Northern Europe").
    assert _only(resolve("Snow fell across Northern Asia overnight."), "Northern Asia") is None
    europe = _only(resolve("Snow fell across Northern Europe overnight."), "Northern Europe")
    assert europe.gazetteer_id == "curated:region-northern-europe"
