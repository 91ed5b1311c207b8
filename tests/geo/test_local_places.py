"""Streets and buildings the gazetteer lacks: found by their form, placed in their town."""

from __future__ import annotations

from geo.disambiguate import haversine_km
from geo.local_places import LOCAL_AREA_RADIUS_KM, LOCAL_LABEL, LOCAL_RADIUS_KM
from geo.types import Precision


def _by_text(results):
    return {r.mention.text: r for r in results}


def test_a_street_is_placed_in_the_town_named_before_it(resolve):
    found = _by_text(resolve("Crowds in Lagos filled Broad Street and Marina Road on Friday."))
    town = found["Lagos"].place
    for name in ("Broad Street", "Marina Road"):
        item = found[name]
        assert item.mention.label == LOCAL_LABEL
        place = item.place
        assert place is not None and place.feature == "local"
        assert place.precision is Precision.NEAR and place.radius_km == LOCAL_RADIUS_KM
        assert haversine_km(place.lat, place.lon, town.lat, town.lon) < 1
        assert "Lagos" in place.reason
        assert place.confidence < town.confidence  # less sure than of the town itself
    # Two streets of one town stay two places.
    assert found["Broad Street"].place.gazetteer_id != found["Marina Road"].place.gazetteer_id


def test_a_building_named_before_its_town_takes_the_town_after_it(resolve):
    found = _by_text(resolve("A shell hit Al-Razi Hospital in Aleppo on Sunday."))
    hospital, aleppo = found["Al-Razi Hospital"].place, found["Aleppo"].place
    assert hospital is not None and hospital.country == aleppo.country == "SY"


def test_without_a_town_a_street_stays_unplaced(resolve):
    found = _by_text(resolve("Traffic on Kingsley Road was slow all morning."))
    assert found["Kingsley Road"].place is None


def test_street_and_building_words_alone_name_nothing(resolve):
    assert all(r.mention.label != LOCAL_LABEL for r in resolve("Police Station staff left."))


def test_a_county_the_gazetteer_lacks_is_placed_around_the_town_named_near_it(resolve):
    # No county of this name exists (Scott County, which does, is a gazetteer entry).
    found = _by_text(resolve("Officials in Davenport reported new cases in Marrowby County."))
    county, town = found["Marrowby County"].place, found["Davenport"].place
    assert county is not None and county.feature == "local_area"
    assert county.precision is Precision.REGION and county.radius_km == LOCAL_AREA_RADIUS_KM
    assert (county.lat, county.lon) == (town.lat, town.lon)
