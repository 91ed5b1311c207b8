"""The offline geocoder honours geopy's contract and works with geopy and geopandas tools."""

import pytest
from geopy.exc import GeocoderQueryError, GeocoderUnavailable
from geopy.extra.rate_limiter import RateLimiter
from geopy.location import Location

from geo.disambiguate import haversine_km
from geo.geocoder import NoNetworkAdapter, OfflineGeocoder


@pytest.fixture(scope="module")
def geocoder(gazetteer):
    return OfflineGeocoder(gazetteer=gazetteer)


@pytest.mark.parametrize(
    ("query", "lat", "lon"),
    [
        ("Moscow", 55.75, 37.62),
        ("Ţarţūs", 34.89, 35.89),
        ("Tartus", 34.89, 35.89),
        ("Buenos Aires", -34.6, -58.38),
        ("NAIROBI", -1.28, 36.82),
    ],
)
def test_geocode_returns_a_location(geocoder, query, lat, lon):
    location = geocoder.geocode(query)
    assert isinstance(location, Location)
    assert haversine_km(location.latitude, location.longitude, lat, lon) < 30
    assert location.raw["gazetteer_id"]


def test_not_found_is_none_never_an_empty_list(geocoder):
    assert geocoder.geocode("Qwzxv Nowhere") is None
    assert geocoder.geocode("Qwzxv Nowhere", exactly_one=False) is None


def test_many_candidates_with_limit_and_country_filter(geocoder):
    everywhere = geocoder.geocode("Moscow", exactly_one=False)
    assert len(everywhere) > 2 and {loc.raw["country"] for loc in everywhere} >= {"RU", "US"}
    assert len(geocoder.geocode("Moscow", exactly_one=False, limit=2)) == 2
    us_only = geocoder.geocode("Moscow", exactly_one=False, country_codes=["us"])
    assert {loc.raw["country"] for loc in us_only} == {"US"}


@pytest.mark.parametrize("bad", ["", "   ", None, 42])
def test_bad_queries_raise_the_geopy_error(geocoder, bad):
    with pytest.raises(GeocoderQueryError):
        geocoder.geocode(bad)


def test_no_request_can_leave_the_machine():
    adapter = NoNetworkAdapter()
    with pytest.raises(GeocoderUnavailable):
        adapter.get_json("https://example.invalid/search", timeout=1, headers={})
    with pytest.raises(GeocoderUnavailable):
        adapter.get_text("https://example.invalid/search", timeout=1, headers={})


def test_reverse_names_the_country(geocoder):
    assert geocoder.reverse((48.85, 2.35)).raw["country"] == "FR"
    assert geocoder.reverse((35.0, -40.0)) is None  # mid-Atlantic


def test_works_behind_geopys_rate_limiter(geocoder):
    geocode = RateLimiter(geocoder.geocode, min_delay_seconds=0, max_retries=0)
    assert geocode("Lisbon").raw["country"] == "PT"
    assert geocode("Qwzxv Nowhere") is None


def test_works_as_a_geopandas_provider(gazetteer):
    from geopandas.tools import geocode

    frame = geocode(["Lisbon", "Qwzxv Nowhere"], provider=OfflineGeocoder)
    lisbon = frame.geometry.iloc[0]
    assert haversine_km(lisbon.y, lisbon.x, 38.72, -9.14) < 20
    assert frame.geometry.iloc[1].is_empty
    assert "Portugal" in frame.address.iloc[0]
