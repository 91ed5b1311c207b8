"""Borders drawn as the band along them, on the shipped country outlines."""

import pytest
from shapely.geometry import Point

from geo.borders import names_a_border, shared_border_band
from geo.shapes import country_shape, is_sea


def test_the_band_lies_along_the_shared_border_and_on_land():
    band = shared_border_band("TH", "MY")
    assert band is not None
    west, south, east, north = band.bounds
    # the Thai–Malaysian border runs from the Andaman Sea to the Gulf of Thailand near 6°N
    assert 5.0 < south < north < 7.5 and 99.5 < west < east < 102.6
    point = band.representative_point()
    assert not is_sea(point.y, point.x)
    # on both sides of the line: some of it is Thai, some Malaysian
    assert band.intersects(country_shape("TH")) and band.intersects(country_shape("MY"))
    # and nowhere near the rest of either country (Bangkok, Kuala Lumpur)
    assert not band.contains(Point(100.5, 13.75)) and not band.contains(Point(101.7, 3.14))


def test_countries_that_share_no_border_have_no_band():
    assert shared_border_band("JP", "MY") is None
    assert shared_border_band("TH", "TH") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("near the Malaysian border", True),
        ("along the Turkish frontier", True),
        ("near the border area", True),
        ("near the border town of Rafah", False),
        ("north of Baghdad", False),
    ],
)
def test_a_phrase_names_a_border_when_it_ends_in_one(text, expected):
    assert names_a_border(text) is expected
