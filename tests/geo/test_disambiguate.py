from collections import Counter

import pytest

from geo.disambiguate import (
    ArticleContext,
    alternatives_of,
    confidence_of,
    haversine_km,
    rank_candidates,
)
from geo.types import Candidate


def _c(
    gid,
    name,
    lat,
    lon,
    country,
    feature="city",
    population=0,
    exact=True,
    written=None,
    admin1=None,
):
    return Candidate(
        gid,
        name,
        lat,
        lon,
        country,
        feature,
        population,
        admin1=admin1,
        matched_name=written or name,
        exact_name=exact,
    )


BIG_TOWN = _c("a", "Paris", 48.85, 2.35, "FR", population=2_100_000)
SMALL_TOWN = _c("b", "Paris", 33.66, -95.55, "US", population=25_000, admin1="TX")


def test_population_wins_without_context():
    ranked = rank_candidates([SMALL_TOWN, BIG_TOWN], mention_text="Paris", context=ArticleContext())
    assert ranked[0].candidate.gazetteer_id == "a"


def test_a_state_qualifier_beats_population():
    texas = _c("tx", "Texas", 31.0, -99.0, "US", feature="admin1", admin1="TX")
    ranked = rank_candidates(
        [BIG_TOWN, SMALL_TOWN], mention_text="Paris", context=ArticleContext(), qualifier=texas
    )
    assert ranked[0].candidate.gazetteer_id == "b"


def test_a_bare_name_shared_by_a_city_and_its_province_means_the_city():
    city = _c("city", "Oyo", 7.85, 3.93, "NG", population=700_000, admin1="OY")
    province = _c("prov", "Oyo", 8.2, 3.6, "NG", feature="admin1", admin1="OY")
    ranked = rank_candidates([province, city], mention_text="Oyo", context=ArticleContext())
    assert ranked[0].candidate.gazetteer_id == "city"
    assert "a province named after its main city" in ranked[1].reasons


def test_a_province_filed_with_its_kind_word_is_still_named_after_its_city():
    # "Kunduz Province" is reached by "Kunduz", the name of its capital
    city = _c("city", "Vandoria", 7.85, 3.93, "AF", population=160_000, admin1="VA")
    province = _c("prov", "Vandoria Province", 8.2, 3.6, "AF", feature="admin1", exact=False,
                  written="Vandoria", admin1="VA")  # fmt: skip
    ranked = rank_candidates([province, city], mention_text="Vandoria", context=ArticleContext())
    assert ranked[0].candidate.gazetteer_id == "city"


# Jericho, a town of 20,000 short of one, is what "raided Jericho" means, not the
# governorate around it
@pytest.mark.parametrize(
    ("population", "city_wins"), [(30_000, True), (15_000, True), (8_000, False)]
)
def test_a_small_seat_that_bears_its_provinces_name_is_what_a_bare_name_means(
    population, city_wins
):
    """ "Near Tillabéri": the town of 30,000, not the region of 90,000 km² around it."""
    city = _c("city", "Vandoria", 14.2, 1.45, "NE", population=population, admin1="VA")
    province = _c("prov", "Vandoria", 13.7, 1.7, "NE", feature="admin1", admin1="VA")
    ranked = rank_candidates([province, city], mention_text="Vandoria", context=ArticleContext())
    assert (ranked[0].candidate.gazetteer_id == "city") is city_wins


# under another name, a town under 20,000 names no province ("Maryland" is no
# Maryland City)
@pytest.mark.parametrize(
    ("population", "city_wins"), [(35_000, True), (15_000, False), (8_000, False)]
)
def test_a_city_the_sources_spell_otherwise_still_names_its_province(population, city_wins):
    # The province is filed under the name news writes, its main town under another spelling.
    city = _c("city", "Vandorya", 7.85, 3.93, "NG", population=population, exact=False,
              written="Vandoria", admin1="VA")  # fmt: skip
    province = _c("prov", "Vandoria", 8.2, 3.6, "NG", feature="admin1", admin1="VA")
    ranked = rank_candidates([province, city], mention_text="Vandoria", context=ArticleContext())
    assert (ranked[0].candidate.gazetteer_id == "city") is city_wins


def test_a_namesake_town_in_another_province_does_not_demote_the_province():
    state = _c("state", "Dakota", 44.0, -100.0, "US", feature="admin1", admin1="SD")
    town_far_away = _c("town", "Dakota", 42.9, -85.7, "US", population=75_000, admin1="MI")
    ranked = rank_candidates(
        [town_far_away, state], mention_text="Dakota", context=ArticleContext()
    )
    assert ranked[0].candidate.gazetteer_id == "state"
    assert all("named after its main city" not in r for r in ranked[0].reasons)


def test_a_county_lies_in_the_state_the_article_names():
    county = {"feature": "admin2"}
    bigger = _c("il", "Ford County", 40.5, -88.2, "US", population=14_000, admin1="IL", **county)
    named_state = _c("ks", "Ford County", 37.7, -99.9, "US", population=3000, admin1="KS", **county)
    plain = rank_candidates(
        [bigger, named_state], mention_text="Ford County", context=ArticleContext()
    )
    assert plain[0].candidate.gazetteer_id == "il"
    context = ArticleContext(provinces=Counter({("US", "KS"): 2}))
    ranked = rank_candidates([bigger, named_state], mention_text="Ford County", context=context)
    assert ranked[0].candidate.gazetteer_id == "ks"
    assert "the article names its province (KS)" in ranked[0].reasons


def test_a_named_state_does_not_pull_a_big_city_to_its_namesake_village():
    city = _c("big", "Springdale", 36.2, -94.1, "US", population=600_000, admin1="AR")
    village = _c("small", "Springdale", 33.0, -90.0, "US", population=6_000, admin1="MS")
    context = ArticleContext(provinces=Counter({("US", "MS"): 3}))
    ranked = rank_candidates([village, city], mention_text="Springdale", context=context)
    assert ranked[0].candidate.gazetteer_id == "big"


def test_countries_named_in_the_article_pull_towards_them():
    small_ru = _c("ru", "Troitsk", 55.48, 37.3, "RU", population=40_000)
    bigger_elsewhere = _c("kz", "Troitsk", 54.1, 61.6, "KZ", population=80_000)
    ranked = rank_candidates(
        [bigger_elsewhere, small_ru],
        mention_text="Troitsk",
        context=ArticleContext(countries=Counter({"RU": 5})),
    )
    assert ranked[0].candidate.gazetteer_id == "ru"


def test_nearby_places_pull_towards_them():
    near = _c("n", "Salem", 42.52, -70.9, "US", population=43_000)
    far = _c("f", "Salem", 44.94, -123.03, "US", population=160_000)
    context = ArticleContext(anchors=[(42.36, -71.06, "boston")])
    ranked = rank_candidates([far, near], mention_text="Salem", context=context)
    assert ranked[0].candidate.gazetteer_id == "n"


# A hub matched by the short name news uses, and an invented namesake town.
HUB = _c(
    "hub",
    "London Gatwick Airport",
    51.15,
    -0.19,
    "GB",
    feature="airport",
    exact=False,
    written="Gatwick",
)
HUB_NAMESAKE_TOWN = _c("town", "Gatwick", 30.0, -82.0, "US", population=6_000)


def test_a_hub_under_its_short_name_beats_a_small_namesake_town_of_the_story_country():
    # "Pets pass through Gatwick's centre, a US programme copied" - invented.
    story = ArticleContext(countries=Counter({"US": 2, "CA": 1}))
    ranked = rank_candidates([HUB_NAMESAKE_TOWN, HUB], mention_text="Gatwick", context=story)
    assert ranked[0].candidate.gazetteer_id == "hub"
    assert "a hub airport under the short name news uses" in ranked[0].reasons


def test_a_story_among_the_namesake_towns_neighbours_keeps_the_town():
    story = ArticleContext(countries=Counter({"US": 3}), anchors=[(30.3, -81.7, "jacksonville")])
    ranked = rank_candidates([HUB, HUB_NAMESAKE_TOWN], mention_text="Gatwick", context=story)
    assert ranked[0].candidate.gazetteer_id == "town"


def test_an_airport_under_its_full_name_still_weighs_like_a_small_town():
    strip = _c("strip", "Gatwick", 30.1, -82.1, "US", feature="airport")
    ranked = rank_candidates(
        [strip, HUB_NAMESAKE_TOWN], mention_text="Gatwick", context=ArticleContext()
    )
    assert ranked[0].candidate.gazetteer_id == "town"


def test_an_abbreviation_does_not_match_a_town_spelled_like_it():
    town = _c("t", "Us", 49.1, 1.97, "FR", population=1_200)
    country = _c(
        "c",
        "United States",
        39.8,
        -98.5,
        "US",
        feature="country",
        population=327_000_000,
        exact=False,
        written="US",
    )
    ranked = rank_candidates([town, country], mention_text="US", context=ArticleContext())
    assert ranked[0].candidate.gazetteer_id == "c"


def test_confidence_and_alternatives_explain_the_choice():
    ranked = rank_candidates([SMALL_TOWN, BIG_TOWN], mention_text="Paris", context=ArticleContext())
    assert 0.5 < confidence_of(ranked) < 1
    (alt,) = alternatives_of(ranked)
    assert alt.gazetteer_id == "b" and "population" in alt.reason
    assert confidence_of(ranked[:1]) == pytest.approx(0.95)
    assert confidence_of([]) == 0


@pytest.mark.parametrize(
    ("a", "b", "km"), [((0, 0), (0, 1), 111.2), ((51.5, -0.13), (48.86, 2.35), 343.5)]
)
def test_haversine(a, b, km):
    assert haversine_km(*a, *b) == pytest.approx(km, rel=0.01)


def test_nearest_point_distance_is_the_smallest_haversine():
    import random

    from geo.disambiguate import _Points

    rng = random.Random(7)
    points = [(rng.uniform(-80, 80), rng.uniform(-180, 180)) for _ in range(40)]
    nearest = _Points(points)
    for _ in range(50):
        lat, lon = rng.uniform(-80, 80), rng.uniform(-180, 180)
        expected = min(haversine_km(lat, lon, p_lat, p_lon) for p_lat, p_lon in points)
        assert abs(nearest.nearest_km(lat, lon) - expected) < 1e-6
    assert _Points([]).nearest_km(0.0, 0.0) == float("inf")


def test_nearest_of_many_points_is_bit_for_bit_the_nearest_of_each():
    import random

    from geo.disambiguate import _Points

    rng = random.Random(11)
    for size in (1, 3, 40):
        points = _Points([(rng.uniform(-80, 80), rng.uniform(-180, 180)) for _ in range(size)])
        places = [(rng.uniform(-90, 90), rng.uniform(-180, 180)) for _ in range(25)]
        assert points.nearest_km_each(places) == [points.nearest_km(*p) for p in places]
        assert points.nearest_km_each([]) == []
    assert _Points([]).nearest_km_each([(0.0, 0.0)]) == [float("inf")]


def test_distances_measured_ahead_in_one_pass_are_the_ones_measured_alone():
    import random

    from geo.disambiguate import _Points

    rng = random.Random(5)
    anchors = [(rng.uniform(-80, 80), rng.uniform(-180, 180)) for _ in range(12)]
    places = [(rng.uniform(-90, 90), rng.uniform(-180, 180)) for _ in range(30)]
    ahead = _Points(anchors)
    ahead.measure(places + places[:5])
    alone = _Points(anchors)
    assert ahead.nearest_km_kept(places[3:9]) == [alone.nearest_km(*p) for p in places[3:9]]


def test_a_neighbour_of_a_named_country_tips_a_near_tie():
    # invented: a province far away and a city next door share a name
    far = _c("far", "Velmora", -20.0, 33.0, "MZ", feature="admin1", admin1="X")
    near = _c("near", "Velmora", 31.5, 34.5, "PS", population=400_000)
    context = ArticleContext(countries=Counter({"IL": 1}), neighbours=Counter({"PS": 1}))
    ranked = rank_candidates([far, near], mention_text="Velmora", context=context)
    assert ranked[0].candidate.gazetteer_id == "near"
    assert any("borders" in r for r in ranked[0].reasons)
    # alone, a province of unknown size abroad still does not beat a city of 400,000
    alone = rank_candidates([far, near], mention_text="Velmora", context=ArticleContext())
    assert alone[0].candidate.gazetteer_id == "near"
    assert any("city of the world" in r for r in alone[1].reasons)
    # but it does beat a smaller town
    town = _c("town", "Velmora", 31.5, 34.5, "PS", population=60_000)
    alone = rank_candidates([far, town], mention_text="Velmora", context=ArticleContext())
    assert alone[0].candidate.gazetteer_id == "far"


@pytest.mark.parametrize(
    ("main", "written", "translated"),
    [
        ("Dar el Khadra", "Green Hill", True),  # a translation into ordinary words
        ("Kharkiv", "Kharkov", False),  # a transliteration
        ("Green Bay", "Green Bay City", False),  # shares a word with its own name
        ("Novy Port", "New Harbour Gate", True),
        ("Zarvana", "White Zarvana", False),  # not only ordinary words
    ],
)
def test_matched_by_translation(main, written, translated):
    from geo.disambiguate import matched_by_translation

    town = _c("t", main, 0, 0, "MA", population=1_000_000, exact=False, written=written)
    assert matched_by_translation(town) is translated
    exact = _c("t", main, 0, 0, "MA", population=1_000_000, written=main)
    assert not matched_by_translation(exact)


@pytest.mark.parametrize(
    ("town_name", "lat", "lon", "admin1"),
    [
        # another province's town that also answers to the name, 178 km away
        ("Xandoria", 21.44, -104.9, "NY"),
        # a town of the province whose longer name only holds the name as a part
        ("Chiapa de Corzo", 16.7, -93.0, "VA"),
    ],
)
def test_a_town_known_by_the_name_only_as_an_alias_leaves_the_province_the_name(
    town_name, lat, lon, admin1
):
    province = _c("prov", "Vandoria", 20.33, -103.67, "MX", feature="admin1", admin1="VA")
    if admin1 == "VA":
        lat, lon = 20.5, -103.5
    town = _c("town", town_name, lat, lon, "MX", population=45_000, exact=False,
              written="Vandoria", admin1=admin1)  # fmt: skip
    ranked = rank_candidates([province, town], mention_text="Vandoria", context=ArticleContext())
    assert ranked[0].candidate.gazetteer_id == "prov", ranked


def test_a_world_city_dwarfs_a_namesake_under_its_other_name_too():
    # "St Petersburg" is an alternate name of the Russian city, the Florida town's own
    city = _c("ru", "Saint Vandor", 59.9, 30.3, "RU", population=5_300_000, exact=False,
              written="St Vandor")  # fmt: skip
    town = _c("us", "St. Vandor", 27.8, -82.7, "US", population=257_000, written="St Vandor")
    context = ArticleContext(countries=Counter({"US": 2, "DE": 3, "FR": 3, "JP": 2}))
    ranked = rank_candidates([town, city], mention_text="St Vandor", context=context)
    assert ranked[0].candidate.gazetteer_id == "ru", ranked


def test_a_world_city_under_an_old_name_unlike_its_own_dwarfs_no_namesake():
    # "Salisbury" is an old name of Harare, and the English city's own
    city = _c("zw", "Kurandu", -17.8, 31.0, "ZW", population=1_500_000, exact=False,
              written="Vandbury")  # fmt: skip
    town = _c("gb", "Vandbury", 51.07, -1.8, "GB", population=40_000)
    context = ArticleContext(countries=Counter({"GB": 3, "RU": 3}))
    ranked = rank_candidates([city, town], mention_text="Vandbury", context=context)
    assert ranked[0].candidate.gazetteer_id == "gb", ranked


@pytest.mark.parametrize(
    ("written", "country"),
    [("Zorvan State", "NG"), ("Zorvan Region", "CM"), ("Zorvan", "CM")],
)
def test_a_province_written_with_its_countrys_word_for_provinces(written, country):
    # two provinces of one name and no size: the word after the name decides ("Adamawa
    # State" is Nigeria's, Cameroon's is a region); bare, the first stays first
    candidates = [
        _c("cm", "Zorvan", 6.8, 13.2, "CM", feature="admin1", written=written, exact=False),
        _c("ng", "Zorvan", 9.5, 12.4, "NG", feature="admin1", written=written, exact=False),
    ]
    ranked = rank_candidates(candidates, mention_text=written, context=ArticleContext())
    assert ranked[0].candidate.country == country
