"""Names for part of a known place ("Southern Syria", "North Dallas")."""

import pytest
from shapely.geometry import Point, box

from geo import shapes
from geo.directional import PART_EXTENT_OF_A_TOWN_KM, compass_word_before, side_of, split_part
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


def test_part_of_a_country_is_its_side_and_its_name_keeps_the_whole_point(resolve):
    place = _only(resolve("Fighting spread in Southern Syria, officials said."), "Southern Syria")
    whole = _only(resolve("Fighting spread in Syria, officials said."), "Syria")
    assert place.country == "SY" and place.name == "Southern Syria"
    assert place.precision is Precision.REGION and place.feature == "country"
    assert place.gazetteer_id.endswith("#side-south")
    # drawn as the south of Syria, its point inside; the name is at Syria's point
    assert place.geometry.area < whole.geometry.area * 0.7
    assert place.geometry.contains(Point(place.lon, place.lat)) and place.lat < whole.lat
    assert not place.geometry.contains(Point(37.16, 36.2))  # Aleppo, in the north
    assert place.point_of_the_name == (whole.lat, whole.lon)


@pytest.mark.parametrize(
    ("text", "name", "inside", "outside"),
    [
        # (lon, lat) of a town on the side, and of one on the other side
        ("Clashes erupted in northeast Syria on Monday.", "Syria", (40.75, 36.5), (36.3, 33.5)),
        ("Jets struck targets in southern Lebanon overnight.", "Lebanon", (35.2, 33.27),
         (35.84, 34.44)),
        ("Russian forces shelled towns in eastern Ukraine.", "Ukraine", (37.8, 48.0),
         (24.03, 49.84)),
        ("Drones hit depots in north-western Nigeria.", "Nigeria", (5.24, 13.06), (8.52, 4.8)),
    ],
)  # fmt: skip
def test_a_country_after_a_side_word_is_drawn_as_that_side(resolve, text, name, inside, outside):
    place = _only(resolve(text), name)
    assert place.precision is Precision.REGION and place.feature == "country"
    assert place.geometry.contains(Point(*inside))
    assert not place.geometry.contains(Point(*outside))
    assert place.geometry.contains(Point(place.lon, place.lat))
    assert place.label.endswith(name) and place.label != name


def test_a_province_after_a_side_word_is_its_side(resolve):
    place = _only(resolve("Airstrikes hit villages in southern Idlib province."), "Idlib province")
    whole = _only(resolve("Airstrikes hit villages in Idlib province."), "Idlib province")
    assert place.feature == "admin1" and place.geometry.area < whole.geometry.area
    assert place.lat < whole.geometry.centroid.y


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Talks were held in North Korea.", "North Korea"),  # a name of its own
        ("The town lies north of Syria's border.", "north of Syria's border"),  # a bearing
        ("Northern Syrian towns were shelled.", "Syrian"),  # a demonym keeps its reading
        ("The jet went down off southern Lebanon.", "off southern Lebanon"),  # a phrase
        ("Troops moved into northern Gao.", "Gao"),  # a town has no outline to halve
    ],
)
def test_no_side_without_a_side_word_before_an_outlined_name(resolve, text, name):
    place = _only(resolve(text), name)
    assert place is None or "#side" not in place.gazetteer_id


def test_side_words_are_lower_case_and_right_before_the_name():
    text = "Clashes erupted in north-eastern Syria and in Northern Ireland."
    assert compass_word_before(text, text.index("Syria")) == ("north-eastern", "north-east")
    assert compass_word_before(text, text.index("Ireland")) is None
    assert compass_word_before("the northerly Syria", 14) is None


def test_a_side_is_half_of_the_main_outline_and_keeps_far_pieces_out():
    square = box(0, 0, 10, 10)
    assert side_of(square, "north").equals(box(0, 5, 10, 10))
    assert side_of(square, "centre").equals(box(2.5, 2.5, 7.5, 7.5))
    north_east = side_of(square, "north-east")
    assert north_east.area == pytest.approx(50) and north_east.contains(Point(9, 9))
    # an island far to the south is no part of the mainland's south
    with_island = square.union(box(4, -40, 5, -39))
    assert not side_of(with_island, "south").intersects(box(4, -40, 5, -39))
    france = shapes.country_shape("FR")
    assert not side_of(france, "south").contains(Point(-53.0, 4.0))  # French Guiana


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


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # an archipelago's largest island is no country's side
        ("Troops battled militants in southern Philippines.", "Philippines"),
        # a box's half of a vast country is no region people name
        ("Drones struck depots in southern Russia.", "Russia"),
    ],
)
def test_no_side_for_an_archipelago_or_a_vast_country(resolve, text, name):
    place = _only(resolve(text), name)
    assert "#side" not in place.gazetteer_id and place.precision is Precision.COUNTRY


def test_two_sides_written_together_are_drawn_together(resolve):
    place = _only(resolve("Clashes broke out in northern and eastern Syria."), "Syria")
    assert place.gazetteer_id.endswith("#side-north-and-east")
    assert place.geometry.contains(Point(40.75, 36.5))  # Hasakah, north-east
    assert place.geometry.contains(Point(36.7, 36.0))  # Idlib, north-west
    assert not place.geometry.contains(Point(36.3, 33.5))  # Damascus, south-west


def test_a_side_word_ends_at_a_paragraph_break():
    text = "Troops moved east\n\nSyria said the talks would resume."
    assert compass_word_before(text, text.index("Syria")) is None


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("The navy struck a boat north of Venezuela on Thursday.", "VE"),
        ("A tanker was attacked south of Cyprus on Thursday.", "CY"),
        # by its east coast, not its north-east corner by Russia
        ("North Korea fired a ballistic missile east of North Korea.", "KP"),
    ],
)
def test_a_bearing_of_a_country_lies_past_its_edge(resolve, text, country):
    (place,) = [r.place for r in resolve(text) if " of " in r.mention.text]
    outline = shapes.country_shape(country)
    assert place is not None and place.country == country and place.feature == "offset"
    assert not outline.contains(Point(place.lon, place.lat))  # not the country's middle
    assert place.precision is Precision.REGION and place.radius_km >= 100
    assert shapes.is_sea(place.lat, place.lon)
    assert shapes.country_at(place.lat, place.lon) is None  # in no country's land


@pytest.mark.parametrize(
    "text",
    [
        # set off after a place, a bare bearing of a country is often meant as its side
        "Thirty people were killed in the province of Daraa, south of Syria.",
        # the anchor is the capital, which the possessive cut off
        "Militants bombed an office in Dhamar province south of Yemen's capital on Sunday.",
        # "in" before the bearing: inside it
        "Fighting intensified in east of Ukraine on Monday.",
        # past a land border: a neighbour's land, most often said of the country's side
        "Turkish jets bombed Kurdish positions north of Iraq.",
    ],
)
def test_a_loosely_said_bearing_of_a_country_stays_the_country(resolve, text):
    (place,) = [r.place for r in resolve(text) if " of " in r.mention.text]
    assert place is not None and place.feature == "country", place


@pytest.mark.parametrize(
    ("text", "name", "inside", "outside"),
    [
        # (lon, lat): a point of the water on that side, and one on the other side
        ("Warships shot down drones over the southern Red Sea.", "Red Sea", (42.0, 14.5),
         (36.0, 25.0)),
        ("A tanker was hit in the northern Red Sea on Friday.", "Red Sea", (35.5, 26.0),
         (41.5, 15.5)),
        ("Drones were downed over the western Black Sea.", "Black Sea", (30.5, 43.5),
         (39.0, 42.5)),
    ],
)  # fmt: skip
def test_a_sea_after_a_side_word_is_drawn_as_that_side(resolve, text, name, inside, outside):
    place = _only(resolve(text), name)
    assert place.feature in ("sea", "gulf") and place.precision is Precision.REGION
    assert place.geometry.contains(Point(*inside))
    assert not place.geometry.contains(Point(*outside))
    assert place.label != name and place.label.endswith(name)


def test_a_sea_side_the_gazetteer_names_is_that_water(resolve):
    # the eastern Mediterranean is the Levantine basin, not the east half's middle
    place = _only(resolve("A drone was shot down over the eastern Mediterranean."), "Mediterranean")
    assert place.geometry.contains(Point(33.0, 33.5))  # off Lebanon
    assert not place.geometry.contains(Point(19.0, 35.0))  # the Ionian Sea
    assert "eastern" in place.label
    whole = _only(resolve("A ship sank in the Mediterranean."), "Mediterranean")
    assert whole.geometry.contains(Point(5.0, 38.5))  # the western basin


def test_a_side_of_a_sea_in_an_office_s_name_is_no_side_of_the_water(resolve):
    text = "Experts at the eastern Mediterranean regional office said cases rose."
    place = _only(resolve(text), "Mediterranean")
    assert "#side" not in place.gazetteer_id and "eastern" not in place.gazetteer_id
