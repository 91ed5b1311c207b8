"""Streets and buildings the gazetteer lacks: found by their form, placed in their town."""

from __future__ import annotations

import pytest

from geo.disambiguate import haversine_km
from geo.extract import MentionExtractor
from geo.local_places import LOCAL_AREA_RADIUS_KM, LOCAL_LABEL, LOCAL_RADIUS_KM
from geo.resolve import Resolver
from geo.sources import demonym_table
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


def test_a_building_takes_the_town_right_after_it_over_one_far_before(resolve):
    found = _by_text(
        resolve(
            "Officials in Aden said the port had reopened after a week of repairs. "
            "Later, a bomb exploded at Al-Kindi Hospital in Baghdad."
        )
    )
    hospital, baghdad = found["Al-Kindi Hospital"].place, found["Baghdad"].place
    assert hospital is not None and hospital.country == baghdad.country == "IQ"


def test_a_street_takes_the_town_its_own_sentence_names_over_a_nearer_one_before(resolve):
    found = _by_text(
        resolve(
            "Buses arrived from Leeds. Crowds filled Kirkgate Road, and by nightfall "
            "the town hall in the centre of Bristol was surrounded."
        )
    )
    street, bristol = found["Kirkgate Road"].place, found["Bristol"].place
    assert street is not None and (street.lat, street.lon) == (bristol.lat, bristol.lon)
    assert "Bristol" in street.reason


def _placed_at_the_town(found, name: str, town: str) -> bool:
    """Whether the local place ``name`` was put at the point of ``town``."""
    place, where = found[name].place, found[town].place
    return place is not None and (place.lat, place.lon) == (where.lat, where.lon)


@pytest.mark.parametrize(
    ("text", "names", "town"),
    [
        # a street named after a city is a street of the town the sentence opens with
        ("In Lyon, marchers filled the Rue de Brest and the Avenue de Madrid, a street "
         "named after the Spanish capital, on Saturday.", ["Rue de Brest", "Avenue de Madrid"],
         "Lyon"),
        # and so is an unknown district
        ("In Omdurman, across the Nile from Khartoum, troops advanced into the western "
         "district of Umm Harraz and clashed with militia fighters there.", ["Umm Harraz"],
         "Omdurman"),
        # but a street written with its own town keeps it
        ("In Madrid, officials said a bomb exploded on Calle Mayor in Bilbao.", ["Calle Mayor"],
         "Bilbao"),
        # in a story that names no country, the country of its towns is its own
        ("In Tripoli, hundreds rallied in Qasr Square on Friday.", ["Qasr Square"], "Tripoli"),
    ],
)  # fmt: skip
def test_the_town_a_sentence_opens_with_holds_its_streets(resolve, text, names, town):
    found = _by_text(resolve(text))
    assert "Brest" not in found  # "the Rue de Brest" names a street, not the city
    for name in names:
        assert _placed_at_the_town(found, name, town), name


def test_a_name_with_a_plural_s_possessive_is_a_square_of_its_dateline_town(resolve):
    found = _by_text(resolve("SABHA - Crowds gathered in Martyrs' Square on Friday."))
    assert _placed_at_the_town(found, "Martyrs' Square", "SABHA")


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


@pytest.fixture(scope="module")
def resolve_tagged(gazetteer, parse_tagged):
    """Resolve a text as if the model had tagged ``name`` (an invented village) GPE."""
    extractor = MentionExtractor(gazetteer, demonym_table())
    resolver = Resolver(gazetteer)

    def run(text, name):
        mentions = extractor.extract(parse_tagged(text, name, "GPE"))
        return _by_text(resolver.resolve(text, mentions))

    return run


def test_a_place_no_gazetteer_holds_is_put_around_the_town_of_the_story_s_country(resolve_tagged):
    text = "Roads closed in Nenagh, and farms in Kilbrackney were flooded, Irish police said."
    found = resolve_tagged(text, "Kilbrackney")
    village, town = found["Kilbrackney"].place, found["Nenagh"].place
    assert town.country == "IE"
    assert village is not None and village.feature == "local_area"
    assert village.precision is Precision.REGION and village.radius_km == LOCAL_AREA_RADIUS_KM
    assert (village.lat, village.lon) == (town.lat, town.lon)
    assert "a place the text names" in village.reason and "Nenagh" in village.reason


def test_a_place_no_gazetteer_holds_stays_unplaced_near_a_town_abroad(resolve_tagged):
    text = (
        "U.S. officials in Washington said the U.S. would help. "
        "Roads closed in Nenagh, and farms in Kilbrackney were flooded."
    )
    found = resolve_tagged(text, "Kilbrackney")
    assert found["Nenagh"].place.country == "IE"
    assert found["Kilbrackney"].place is None  # the story is about the United States


def test_an_unknown_village_looks_back_to_its_paragraph_not_ahead_to_the_next(resolve):
    text = (
        "Drones hit a fuel depot in Kherson, Ukraine, on Monday. Soldiers later fought near the "
        "village of Zorvanek.\n\nIn Odesa, the port reopened."
    )
    found = _by_text(resolve(text))
    village, kherson = found["Zorvanek"].place, found["Kherson"].place
    assert village is not None and "Kherson" in village.reason
    assert haversine_km(village.lat, village.lon, kherson.lat, kherson.lon) < 1


def test_an_unknown_village_is_by_no_town_of_a_later_sentence(resolve):
    text = (
        "Troops killed two men near the village of Zorvanek. Gunmen attacked a post in "
        "Kalat, Balochistan."
    )
    found = _by_text(resolve(text))
    assert found["Kalat"].place is not None
    assert found["Zorvanek"].place is None  # Kalat is another sentence's news


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("Bandits raided the village of Zorvanek, abducting 20 people. Police in Gusau "
         "confirmed the attack.", "Gusau"),
        ("Gunmen abducted 30 students from the village of Zorvanek on Friday. A local "
         "official in Kaura Namoda told reporters that troops had been deployed.",
         "Kaura Namoda"),
    ],
)  # fmt: skip
def test_an_unknown_village_is_by_the_town_the_next_sentence_reports_from(resolve, text, town):
    found = _by_text(resolve(text))
    village, where = found["Zorvanek"].place, found[town].place
    assert village is not None and (village.lat, village.lon) == (where.lat, where.lon)


@pytest.mark.parametrize(
    ("text", "town"),
    [
        # the town told before, not the next sentence's
        ("Fighting broke out in Tripoli on Monday. A rocket hit a building in the Zorvan "
         "district. In Benghazi, police arrested four men.", "Tripoli"),
        # with none told before, the next
        ("A rocket hit a building in the Zorvan district. In Benghazi, police arrested four "
         "men.", "Benghazi"),
    ],
)  # fmt: skip
def test_an_unknown_district_looks_back_to_a_town_told_before_else_ahead(resolve, text, town):
    found = _by_text(resolve(text))
    district, where = found["Zorvan"].place, found[town].place
    assert where.country == "LY"
    assert district is not None and (district.lat, district.lon) == (where.lat, where.lon)


def test_a_street_stays_in_its_own_section_of_a_story_of_several_countries(resolve):
    text = (
        "Georgian police detained 40 protesters in Tbilisi overnight. Crowds had marched "
        "down Rustaveli Avenue against a law modelled on one in Russia.\n\n"
        "In Kenya, protests spread from Nairobi to Mombasa. Kenyan police fired tear gas "
        "in Nairobi, and Kenya's president called for calm."
    )
    street = _by_text(resolve(text))["Rustaveli Avenue"].place
    assert street is not None and street.country == "GE"


def test_a_capital_heads_its_own_section_of_a_story_datelined_abroad(resolve):
    # the story's country is Ecuador; the Lima section names no country
    text = (
        "GUAYAQUIL, Ecuador - Inmates rioted in the city's largest prison.\n\n"
        "LIMA - Informal miners marched through the centre of Lima to Congress. The protest "
        "paralysed traffic around Plaza Zorvan."
    )
    (square,) = [r.place for r in resolve(text) if "Plaza Zorvan" in r.mention.text]
    assert square is not None and square.country == "PE"


@pytest.mark.parametrize(
    "opening",
    [
        # a capital that speaks for its government, or where donors met, heads no section
        "Moscow urged calm.",
        "Donors met in Moscow.",
    ],
)
def test_a_capital_that_only_speaks_heads_no_section(resolve, opening):
    text = (
        f"Thousands rallied in Yerevan on Sunday.\n\n{opening} Police detained dozens on "
        "Zorvanyan Avenue."
    )
    (street,) = [r.place for r in resolve(text) if "Zorvanyan" in r.mention.text]
    assert street is not None and street.country == "AM"


def test_a_site_before_near_a_town_is_placed_by_that_town(resolve):
    found = _by_text(resolve("Rockets hit the Zorvan refinery near Kirkuk on Monday."))
    place = found["Zorvan"].place
    assert place is not None and place.country == "IQ"
    assert haversine_km(place.lat, place.lon, 35.47, 44.39) < 40


def test_in_one_sentence_paragraphs_the_nearest_town_wins(resolve):
    text = (
        "Russian drones hit a power plant in Kharkiv, Ukraine, overnight.\n\n"
        "A drone also hit a car near the village of Zorvanek.\n\n"
        "Officials in Kostiantynivka said two people were wounded."
    )
    village = _by_text(resolve(text))["Zorvanek"].place
    assert village is not None and "Kostyantynivka" in village.reason


def test_an_unknown_name_looks_back_to_a_town_its_paragraph_names_near(resolve):
    # "near Muzaffarabad" stands for the town; Delhi lies in the next paragraph,
    # and an unknown name placed around a town abroad is left unplaced
    text = (
        "Officials said shelling killed three people near Muzaffarabad. India targeted "
        "the Zorvanek valley, a Pakistani statement said.\n\nFlights to Delhi were rerouted, "
        "Indian officials in New Delhi said."
    )
    (item,) = [r for r in resolve(text) if r.mention.name.startswith("Zorvanek")]
    assert item.place is None or item.place.country != "IN"


def test_an_unknown_name_with_no_town_near_it_stays_unplaced_in_a_two_country_story(resolve):
    # the headline's village may lie in either country: no town of Colombia, the
    # story's main country, is near it in the text
    text = (
        "Rebels attack the village of Zorvanek, killing dozens\n\n"
        "BOGOTA - Gunmen attacked an army post near Cucuta on Sunday, Colombia's army "
        "said. Colombia's president condemned the attack.\n\n"
        "In Mexico, police arrested five men in Culiacan."
    )
    (item,) = [r for r in resolve(text) if r.mention.name == "Zorvanek"]
    assert item.place is None


def test_a_building_named_after_a_town_of_the_story_is_in_that_town(resolve):
    text = (
        "Fighters shelled Mekelle last week. On Monday drones struck Gondar, and the "
        "wounded were flown to the Mekelle Referral Hospital."
    )
    results = resolve(text)
    (hospital,) = [r for r in results if r.mention.text == "Mekelle Referral Hospital"]
    (town,) = [r for r in results if r.mention.text == "Mekelle"]
    assert hospital.place is not None and town.place is not None
    assert abs(hospital.place.lat - town.place.lat) < 0.1


def test_districts_no_source_holds_lie_in_the_sure_town_of_their_paragraph(resolve):
    # the story names Russia most; its Kyiv paragraph still holds Kyiv's districts
    text = (
        "Drones struck a refinery in Ryazan and a depot in Saratov, Russian governors "
        "said. Russia's defence ministry said it downed 80 drones over Bryansk.\n\n"
        "Hours later, Russia launched missiles at Kyiv. Explosions were heard in the "
        "Darnytskyi and Sviatoshynskyi districts, where an apartment block collapsed."
    )
    results = resolve(text)
    for name in ("Darnytskyi", "Sviatoshynskyi"):
        (district,) = [r for r in results if r.mention.text == name]
        assert district.place is not None and district.place.country == "UA"


def test_a_short_name_of_a_facility_named_in_full_before_is_that_facility(resolve):
    text = (
        "Fighting in Tripoli forced the closure of Mitiga International Airport.\n\n"
        "Flights were diverted to Misrata, officials said. A Libyan Airlines plane parked "
        "on the apron at Mitiga was damaged by shrapnel."
    )
    results = resolve(text)
    airport = next(r.place for r in results if r.mention.name == "Mitiga International Airport")
    short = [r.place for r in results if r.mention.name == "Mitiga"]
    assert airport is not None and short and all(p == airport for p in short)


@pytest.mark.parametrize(
    "opening",
    [
        "The minister spoke in Beirut.",
        "The ministry, in a statement read in Beirut, blamed the militia.",
    ],
)
def test_a_capital_where_someone_spoke_holds_no_crossing_of_the_story(resolve, opening):
    text = f"{opening} A Lebanese soldier was killed near the Zorvieh crossing."
    (crossing,) = [r.place for r in resolve(text) if "Zorvieh" in r.mention.text]
    assert crossing is None or "Beirut" not in crossing.reason


def test_a_name_set_across_a_river_from_a_town_is_not_placed_around_it(resolve):
    results = resolve(
        "Romania said fragments of a drone were found near Zorvanek, on the Danube across "
        "from the Ukrainian port of Izmail."
    )
    (village,) = [r.place for r in results if r.mention.name == "Zorvanek"]
    assert village is None or village.country != "UA", village


def test_an_unknown_name_its_sentence_sets_between_two_countries_takes_no_town(resolve):
    # a border crossing no source knows lies in neither side's towns: here the
    # next sentence's town is 550 km from the real crossing
    text = (
        "Pakistani and Afghan border forces exchanged fire at the Zorvanek crossing on "
        "Wednesday. Hundreds of truckers blocked the highway near Chaman."
    )
    (crossing,) = [r.place for r in resolve(text) if r.mention.name == "Zorvanek"]
    assert crossing is None, crossing


def test_an_unknown_name_between_two_countries_keeps_a_town_its_paragraph_named_before(resolve):
    text = "Fighting raged around Kupiansk. Ukrainian and Russian troops clashed near Zorvanek."
    (village,) = [r.place for r in resolve(text) if "Zorvanek" in r.mention.text]
    assert village is not None and village.country == "UA", village


@pytest.mark.parametrize(
    "text",
    [
        # the only town is the dateline, filed from the capital 300 km away
        "GEORGETOWN, Guyana, Nov 20 (AP) - Guyana said its soldiers were safe.\n\n"
        "Last week, gunmen fired on a patrol boat on the river near the village of Zorvanek.",
        # a dateline opening the village's own sentence
        "YANGON, Nov 20 (AP) - Rebels said their troops captured an outpost at the village "
        "of Zorvanek on Tuesday.",
        # ... a live blog's, after its time stamp
        "Live updates\n\n**08:12** YANGON, Myanmar — Rebels said their troops captured an "
        "outpost at the village of Zorvanek on Tuesday.",
        # a capital that only stands for its government, accusing
        "GOMA, Congo, Nov 20 (AP) - Rebels seized a town in South Kivu on Thursday.\n\n"
        "Kinshasa accused Rwanda of sending troops across the border near Zorvanek.",
        # ... or naming those the deed befell (tester round 32, F6)
        "A Turkish drone struck a vehicle near the village of Zorvanek on Monday, killing two "
        "men whom Ankara described as PKK members.",
    ],
)
def test_an_unknown_village_is_not_put_at_the_capital_or_dateline_it_is_told_from(resolve, text):
    (item,) = [r for r in resolve(text) if r.mention.name == "Zorvanek"]
    assert item.place is None


def test_an_unknown_village_still_takes_a_town_its_paragraph_names(resolve):
    text = (
        "GOMA, Congo, Nov 20 (AP) - Fighting resumed on Monday.\n\n"
        "Rebels shelled Rutshuru, and troops fought near the village of Zorvanek."
    )
    (item,) = [r for r in resolve(text) if r.mention.name == "Zorvanek"]
    assert item.place is not None and "Rutshuru" in item.place.reason


@pytest.mark.parametrize(
    ("text", "name", "town"),
    [
        ("BAGHDAD, Nov 18 (Reuters) - A car bomb exploded in the Zorvan district.", "Zorvan",
         "BAGHDAD"),
        ("Kyiv said a drone hit a building in the Zorvanskyi district.", "Zorvanskyi", "Kyiv"),
    ],
)  # fmt: skip
def test_a_district_of_a_dateline_or_a_speaking_capital_is_in_that_town(resolve, text, name, town):
    found = resolve(text)
    (district,) = [r.place for r in found if r.mention.name == name]
    (city,) = [r.place for r in found if r.mention.text == town]
    assert district is not None and (district.lat, district.lon) == (city.lat, city.lon)


def test_a_village_a_speaking_capital_names_is_not_put_at_the_capital(resolve):
    text = "Kyiv said Russian troops captured the village of Zorvanivka."
    (village,) = [r.place for r in resolve(text) if r.mention.name == "Zorvanivka"]
    assert village is None


def test_a_village_is_by_its_own_territory_not_a_capital_others_side_with(resolve):
    text = (
        "In the territory of Lubero, North Kivu, militias, allies of Kinshasa, fought rebels "
        "around the locality of Zorvanivka on Thursday, a local official said."
    )
    found = _by_text(resolve(text))
    village, kinshasa = found["Zorvanivka"].place, found["Kinshasa"].place
    assert village is not None and (village.lat, village.lon) != (kinshasa.lat, kinshasa.lon)
    assert "Lubero" in village.reason


def test_a_district_a_later_paragraph_names_is_still_in_the_dateline_capital(resolve):
    text = (
        "BAGHDAD, Nov 18 (Reuters) - Two car bombs exploded on Monday.\n\n"
        "One of them hit a market in the Zorvan district, police said."
    )
    found = resolve(text)
    (district,) = [r.place for r in found if r.mention.name == "Zorvan"]
    assert district is not None and district.country == "IQ"


def test_a_town_glued_to_a_hyphen_is_no_dateline(resolve):
    text = "Mosul-based militants attacked the village of Zorvanek, Iraqi police said."
    (village,) = [r.place for r in resolve(text) if r.mention.name == "Zorvanek"]
    assert village is not None and village.country == "IQ"


@pytest.mark.parametrize(
    ("written", "holds"), [("An Israeli strike", False), ("The Israeli", True)]
)
def test_a_national_adjective_of_those_who_strike_places_no_village(written, holds):
    from shapely.geometry import Point

    from geo.local_places import _in_countries_of_sentence
    from geo.types import Mention, MentionKind, Place, Resolved

    text = f"Rockets hit Kiryat Shmona. {written} killed a commander in Bint Zorvan."

    def mention(name: str, kind: MentionKind = MentionKind.TOPONYM) -> Mention:
        start = text.index(name)
        return Mention(start, start + len(name), name, kind, name, start, start + len(name))

    def place(name: str, feature: str) -> Place:
        return Place(name, name, "IL", feature, Point(35.57, 33.21), 33.21, 35.57, Precision.EXACT)

    resolved = [
        Resolved(mention("Kiryat Shmona"), place("Kiryat Shmona", "city")),
        Resolved(mention("Israeli", MentionKind.DEMONYM), place("Israel", "country")),
        Resolved(mention("Bint Zorvan"), None),
    ]
    start = text.index(written)
    # the adjective of the strike's side says whose it was, not where the village is
    assert bool(_in_countries_of_sentence(resolved, [0], start, len(text), text)) is holds


@pytest.mark.parametrize(
    ("text", "told"),
    [
        ("Jets bombed villages in Sagaing Region on Monday. A second strike hit the nearby "
         "village of Zorvanek. Police later detained 20 students in Yangon.", "Sagaing Region"),
        ("Troops shelled Rutshuru on Monday morning after a night of heavy rain. A second "
         "shell hit the neighbouring village of Zorvanek, a doctor in Bukavu said.", "Rutshuru"),
    ],
)  # fmt: skip
def test_a_nearby_village_lies_by_the_place_told_before_it_not_a_later_town(resolve, text, told):
    found = _by_text(resolve(text))
    village, where = found["Zorvanek"].place, found[told].place
    assert village is not None and told.split()[0] in village.reason
    assert haversine_km(village.lat, village.lon, where.lat, where.lon) < 1


def test_a_nearby_village_with_no_place_told_before_it_stays_unplaced(resolve):
    text = (
        "YANGON, Nov 20 (AP) - Jets bombed a monastery on Monday. A second strike hit the "
        "nearby village of Zorvanek. Police detained 20 students in Yangon."
    )
    (item,) = [r for r in resolve(text) if r.mention.name == "Zorvanek"]
    assert item.place is None


@pytest.mark.parametrize(
    ("text", "where"),
    [
        # a place people fled to is no neighbour of the village
        ("Troops shelled Rutshuru on Monday. Residents fled to Uganda. A second shell hit the "
         "nearby village of Zorvanek.", None),
        # its own sentence's town, named after it
        ("Militants stormed the nearby village of Zorvanek on Monday, killing 12 people near "
         "Maiduguri.", "Maiduguri"),
        # a dateline's country is where the story was filed, no neighbour
        ("MAIDUGURI, Nigeria - Militants attacked the nearby village of Zorvanek on Monday.",
         None),
    ],
)  # fmt: skip
def test_a_nearby_village_lies_by_no_place_people_went_to_nor_a_dateline(resolve, text, where):
    (item,) = [r for r in resolve(text) if r.mention.name == "Zorvanek"]
    if where is None:
        assert item.place is None or "Uganda" not in item.place.reason
        assert item.place is None or item.place.country != "UG"
        assert item.place is None or "Nigeria" not in item.place.reason
    else:
        assert item.place is not None and where in item.place.reason


@pytest.mark.parametrize(
    "text",
    [
        # a home town: where someone grew up says nothing of where the station is
        "The officers were named as Ebenezer Fon, a native of Kumbo, and Ruth Manga, who "
        "grew up in Kribi. Relatives gathered outside the gendarmerie at Zorvanek Station "
        "on Tuesday.",
        # where a convoy set off from, the last of a list
        "Convoys of fighters from Idlib, Hama and Aleppo drove towards the coast. We "
        "matched one convoy to a field on the outskirts of Zorvanek.",
    ],
)
def test_a_home_or_an_origin_places_no_unknown_name(resolve, text):
    (item,) = [r for r in resolve(text) if "Zorvanek" in r.mention.name]
    assert item.place is None, item.place.reason


@pytest.mark.parametrize(
    "text",
    [
        "Turkish jets struck PKK positions in the Metina area of Duhok governorate on Sunday.",
        # a list shares the area its last name is written in
        "Turkish jets struck PKK positions in the Metina and Zap areas of Duhok governorate.",
    ],
)
def test_an_unknown_area_of_a_province_is_placed_in_it(resolve, text):
    items = [r for r in resolve(text) if "Metina" in r.mention.text or "Zap" in r.mention.text]
    assert items and all(
        r.place is not None and haversine_km(r.place.lat, r.place.lon, 36.87, 42.99) < 100
        for r in items
    ), [r.place for r in items]


@pytest.mark.parametrize(
    "text",
    [
        # a town troops left, or a correspondent reports from, still says where the story is
        "Ukrainian troops pulled back from Avdiivka on Saturday. Russian forces then stormed "
        "the village of Zorvanivka.",
        "Reporting from Kherson, our correspondent heard blasts. Shells struck the village of "
        "Zorvanivka.",
    ],
)
def test_a_town_left_or_reported_from_still_places_an_unknown_village(resolve, text):
    (item,) = [r for r in resolve(text) if "Zorvanivka" in r.mention.name]
    assert item.place is not None and item.place.country == "UA"
