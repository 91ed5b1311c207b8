"""Names no gazetteer holds, placed where the text says: sentences written for these tests."""

import pytest

from geo.located import LOCATED_FEATURE, NEAR_TOWN_RADIUS_KM, placed_in
from geo.types import Precision


def _place(results, name):
    (item,) = [r for r in results if r.mention.name == name]
    return item.place


def test_a_village_in_a_country_is_a_point_with_the_countrys_reach(resolve):
    results = resolve("Police clashed with farmers near the village of Zorvanek in Romania.")
    village = _place(results, "Zorvanek")
    assert village.feature == LOCATED_FEATURE and village.country == "RO"
    assert village.geometry.geom_type == "Point"  # never the country's outline
    assert village.precision is Precision.COUNTRY and village.radius_km > 100
    assert "not in the gazetteer" in village.reason


def test_a_village_near_a_town_is_near_that_town(resolve):
    results = resolve("Shells fell on the village of Zorvanek near Kharkiv.")
    village = _place(results, "Zorvanek")
    kharkiv = _place(results, "Kharkiv")
    assert village.precision is Precision.NEAR and village.radius_km == NEAR_TOWN_RADIUS_KM
    assert (village.lat, village.lon) == (kharkiv.lat, kharkiv.lon)


@pytest.mark.parametrize("kind", ["district", "neighbourhood", "suburb"])
def test_a_named_part_of_a_city_is_near_that_city(resolve, kind):
    results = resolve(f"A bomb exploded in the Zorvanek {kind} of Kharkiv on Monday.")
    part = _place(results, "Zorvanek")
    kharkiv = _place(results, "Kharkiv")
    assert part.feature == LOCATED_FEATURE and part.precision is Precision.NEAR
    assert (part.lat, part.lon) == (kharkiv.lat, kharkiv.lon)


@pytest.mark.parametrize(
    "text",
    [
        # the next place is not where the village is
        "The village of Zorvanek sent aid to Romania.",
        "Zorvanek residents said Romania must act.",
    ],
)
def test_only_the_words_between_locate(resolve, text):
    results = resolve(text)
    assert all(r.place is None for r in results if r.mention.name == "Zorvanek")


@pytest.mark.parametrize(
    "text",
    [
        "Jets struck Zorvanek, Kharkiv and Izium on Monday.",
        "Jets struck Zorvanek, Kharkiv, Izium and Kupiansk.",
        # a list opened before the name, that no "and" closes
        "Jets struck Balakliia, Zorvanek, Izium, farms near Kupiansk and a depot.",
    ],
)
def test_a_town_that_goes_on_a_list_does_not_hold_the_name_before_it(resolve, text):
    assert not _located_by_the_text(resolve(text), "Zorvanek")


def _located_by_the_text(results, name) -> bool:
    """Whether the words after ``name`` placed it (it is in no gazetteer)."""
    place = _place(results, name)
    return place is not None and place.feature == LOCATED_FEATURE


def test_a_list_that_ends_on_the_capital_is_a_list(resolve):
    text = "Gunmen attacked Kupiansk, Zorvanek, Izium, Balakliia and the capital Kyiv."
    assert not _located_by_the_text(resolve(text), "Zorvanek")


@pytest.mark.parametrize(
    "text",
    [
        # a country the story does not otherwise name: nothing else would place it
        "A sniper killed a farmer in Zorvanek town in Chad.",
        "A sniper killed a farmer in Zorvanek village in Chad.",
    ],
)
def test_a_kind_of_settlement_without_an_article_still_locates(resolve, text):
    (village,) = [r.place for r in resolve(text) if r.mention.name.startswith("Zorvanek")]
    assert village is not None and village.feature == LOCATED_FEATURE


def test_a_name_in_a_place_the_text_located_is_placed_there_with_its_radius(resolve):
    text = "Gunmen ambushed a patrol at Velmora Village in Zorvanek district near Izium."
    results = resolve(text)
    district, village = _place(results, "Zorvanek"), _place(results, "Velmora Village")
    assert district.feature == LOCATED_FEATURE
    assert village is not None and village.feature == LOCATED_FEATURE
    assert (village.lat, village.lon) == (district.lat, district.lon)
    assert village.radius_km == district.radius_km  # no surer than the place that holds it


def test_names_listed_one_after_another_are_no_chain_of_holders(resolve):
    results = resolve("Militants attacked Kupiansk, Velmora, Zorvanek, Izium and Balakliia.")
    assert not _located_by_the_text(results, "Velmora")


def _toponym(text: str, name: str):
    from geo.types import Mention, MentionKind

    start = text.index(name)
    end = start + len(name)
    return Mention(start, end, name, MentionKind.TOPONYM, name, start, end)


@pytest.mark.parametrize(
    ("text", "listed"),
    [
        ("shelled Kupiansk (twice), Zorvan al-Fara, Izium (twice), Balakliia", True),
        ("shelled Kupiansk (three times), Zorvan al-Fara, Izium", True),
        ("shelled Kupiansk, Zorvan al-Fara, Izium", True),
        # brackets that say something else end no list
        ("shelled Kupiansk (Kharkiv region), Zorvan al-Fara, Izium", False),
    ],
)
def test_a_count_of_times_in_brackets_goes_on_with_a_list(text, listed):
    from shapely.geometry import Point

    from geo.located import _listed_after_a_comma
    from geo.types import Place

    where = Place("town", "Izium", "UA", "city", Point(37.3, 49.2), 49.2, 37.3, Precision.EXACT)
    before, mention = _toponym(text, "Kupiansk"), _toponym(text, "Zorvan al-Fara")
    assert _listed_after_a_comma(text, before, mention, where) is listed


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("Jets struck Zorvanek, Kharkiv, on Monday.", "Kharkiv"),
        ("Jets struck Zorvanek, Kharkiv Oblast, and Izium on Monday.", "Kharkiv Oblast"),
    ],
)
def test_a_town_ending_the_list_or_a_province_holds_the_name_before_it(resolve, text, where):
    results = resolve(text)
    zorvanek, holder = _place(results, "Zorvanek"), _place(results, where)
    assert zorvanek.feature == LOCATED_FEATURE
    assert (zorvanek.lat, zorvanek.lon) == (holder.lat, holder.lon)


def test_the_country_that_locates_a_village_is_not_the_events_place(nlp, gazetteer):
    from geo.extract import MentionExtractor
    from geo.resolve import Resolver
    from geo.sources import demonym_table
    from layers.classify import ArticleInfo, classify_article
    from layers.registry import load_layers

    text = "Gunmen attacked the village of Zorvanek in Kenya, killing five."
    doc = nlp(text)
    resolved = Resolver(gazetteer).resolve(
        text, MentionExtractor(gazetteer, demonym_table()).extract(doc)
    )
    layers = load_layers()
    default = next(layer.id for layer in layers if layer.default)
    events = classify_article(
        doc, resolved, article=ArticleInfo(id="t", title=None, url=None), layers=layers
    )
    on_event_layers = {e.place.name for e in events if e.layer != default}
    assert "Zorvanek" in on_event_layers
    assert "Kenya" not in on_event_layers


def test_a_great_city_named_before_a_part_of_it_is_the_city(resolve):
    """ "the Damascus suburb of X": X is the suburb, not Damascus a part of X."""
    results = resolve("Rockets fell on the Damascus suburb of Zorvanek on Monday.")
    damascus, part = _place(results, "Damascus"), _place(results, "Zorvanek")
    assert damascus.feature == "city" and damascus.country == "SY"
    assert part.feature == LOCATED_FEATURE and part.precision is Precision.NEAR
    assert (part.lat, part.lon) == (damascus.lat, damascus.lon)


def test_a_known_suburb_after_its_city_stays_itself_though_another_province_files_it(resolve):
    results = resolve("Drones struck the Kyiv suburb of Irpin overnight.")
    kyiv, irpin = _place(results, "Kyiv"), _place(results, "Irpin")
    assert kyiv.feature == "city" and irpin.feature == "city"
    assert abs(kyiv.lat - 50.45) < 0.1 and abs(irpin.lat - 50.52) < 0.1


@pytest.mark.parametrize(
    ("text", "town", "lat", "lon"),
    [
        # a province named after its capital: the town lies 80 km from the city
        ("Islamic State fighters attacked the Aleppo district of Manbij.", "Manbij", 36.53, 37.95),
        # a suburb of another province, beyond 30 km, keeps its own reading
        ("A gunman opened fire in the Tehran suburb of Karaj.", "Karaj", 35.83, 50.99),
    ],
)
def test_a_known_town_after_a_city_s_name_keeps_its_own_point(resolve, text, town, lat, lon):
    place = _place(resolve(text), town)
    assert place.feature == "city"
    assert abs(place.lat - lat) < 0.1 and abs(place.lon - lon) < 0.1


def test_the_smaller_town_named_first_is_the_part_not_the_city_after_it(resolve):
    results = resolve(
        "Troops deployed armoured vehicles to the Delmas neighbourhood of Port-au-Prince."
    )
    city, part = _place(results, "Port-au-Prince"), _place(results, "Delmas")
    assert city.feature == "city" and "Delmas" not in city.reason
    assert part.feature == "city" and abs(part.lat - 18.54) < 0.05 and abs(part.lon + 72.30) < 0.05


@pytest.mark.parametrize(
    ("text", "city", "country"),
    [
        # Brooklyn, New York is far bigger: the possessive says which one
        ("Police raided a warehouse in Melbourne's Brooklyn suburb.", "Melbourne", "AU"),
        ("Police raided a flat in Wellington's Brooklyn suburb on Friday.", "Wellington", "NZ"),
    ],
)
def test_a_possessive_part_of_a_city_is_the_namesake_inside_that_city(resolve, text, city, country):
    place = _place(resolve(text), "Brooklyn")
    assert place.country == country
    assert place.feature != LOCATED_FEATURE
    assert f"as '{city}'s' says" in place.reason


def test_a_possessive_part_no_source_holds_inside_its_city_is_placed_in_that_city(resolve):
    """The only Kadikoys the gazetteer holds lie outside Istanbul: none of them is meant."""
    results = resolve("Gunmen attacked a church in Istanbul's Kadikoy district.")
    part = _place(results, "Kadikoy")
    istanbul = _place(results, "Istanbul")
    assert part.feature == LOCATED_FEATURE and part.precision is Precision.NEAR
    assert (part.lat, part.lon) == (istanbul.lat, istanbul.lon)
    assert part.radius_km >= NEAR_TOWN_RADIUS_KM


def test_a_possessive_without_a_word_for_a_part_says_nothing(resolve):
    results = resolve("Melbourne's Brooklyn fans cheered the band.")
    assert all(
        r.place is None or "Melbourne's" not in r.place.reason
        for r in results
        if r.mention.name == "Brooklyn"
    )


def test_a_possessive_part_of_a_country_keeps_the_nearer_town_the_article_names(resolve):
    """A town inside the country says more than the country's own point."""
    results = resolve("Shelling near Kharkiv spread to Ukraine's Zorvanek district on Monday.")
    part, kharkiv = _place(results, "Zorvanek"), _place(results, "Kharkiv")
    assert part is not None and part.country == "UA"
    assert (part.lat, part.lon) == (kharkiv.lat, kharkiv.lon)


def test_an_unknown_place_lies_in_the_province_its_sentence_names_not_a_town_elsewhere(resolve):
    results = resolve(
        "Islamic State militants attacked a checkpoint in the Zorvanek mountains "
        "in Diyala province. A car bomb exploded in Ramadi on Monday."
    )
    hills, diyala, ramadi = (_place(results, n) for n in ("Zorvanek", "Diyala province", "Ramadi"))
    assert hills.country == "IQ" and hills.precision is Precision.REGION
    assert (hills.lat, hills.lon) == (diyala.lat, diyala.lon) != (ramadi.lat, ramadi.lon)


@pytest.mark.parametrize("kind", ["township", "commune"])
def test_a_possessive_part_of_a_region_stays_in_that_region(resolve, kind):
    # Kani is also a Japanese city: "Sagaing region's Kani township" is in Myanmar.
    results = resolve(f"Jets bombed a village in Sagaing region's Kani {kind} on Friday.")
    assert _place(results, "Kani").country == "MM"


def test_a_province_the_text_names_by_a_transliteration_is_that_province(resolve):
    # "Anbar" alone matches a Turkish town; with "province" it is Iraq's Al Anbar.
    anbar = _place(resolve("Rockets were fired at an air base in Anbar province."), "Anbar")
    assert anbar.country == "IQ" and anbar.feature == "admin1"


def test_a_name_with_its_town_before_a_clause_is_no_list(resolve):
    # "In X, Hama, Russian jets struck": Hama names X's town; no list goes on to an "and".
    zorvanek = _place(resolve("In Zorvanek, Hama, Russian jets struck a market."), "Zorvanek")
    assert zorvanek.feature == LOCATED_FEATURE and zorvanek.country == "SY"


def test_an_area_someone_came_from_does_not_hold_an_unknown_name(resolve):
    results = resolve(
        "Fighters who fled Diyala province attacked Tal Zaytuni on Monday. "
        "A car bomb exploded in Ramadi."
    )
    village, diyala = _place(results, "Tal Zaytuni"), _place(results, "Diyala province")
    assert village is None or (village.lat, village.lon) != (diyala.lat, diyala.lon)


def test_a_country_whose_speakers_follow_a_village_still_holds_it(resolve):
    results = resolve("Gunmen killed 12 villagers in Zorvanek, Mali's army said on Tuesday.")
    village = _place(results, "Zorvanek")
    assert village is not None and village.country == "ML"


@pytest.mark.parametrize(
    "text",
    [
        "At the Zorvanek crossing Turkish soldiers turned back Syrian families.",
        "Near the Zorvanek bridge Israeli troops opened fire on a crowd.",
    ],
)
def test_a_site_word_without_a_preposition_locates_nothing(resolve, text):
    assert not _located_by_the_text(resolve(text), "Zorvanek")


@pytest.mark.parametrize(
    ("text", "name", "anchor", "bearing"),
    [
        ("A drone struck a convoy near the Zorvanek airbase, about 140 km southwest of "
         "Tripoli, a source said.", "Zorvanek", "Tripoli", "south-west"),
        ("The incident occurred in Zorvanek, 15 km east of Nyala.", "Zorvanek", "Nyala", "east"),
        # no comma: the distance still says where the village is
        ("Troops captured the village of Zorvanek 20 kilometers north of Aden.", "Zorvanek",
         "Aden", "north"),
    ],
)  # fmt: skip
def test_a_name_written_with_its_distance_and_bearing_is_at_that_point(
    resolve, text, name, anchor, bearing
):
    results = resolve(text)
    place = _place(results, name)
    (offset,) = [r.place for r in results if r.mention.name == anchor and r.place is not None]
    assert place.feature == LOCATED_FEATURE and bearing in place.reason
    assert (place.lat, place.lon) == (offset.lat, offset.lon)  # not the town's own point


def test_a_name_placed_in_a_long_country_has_a_radius_that_reaches_its_ends(resolve):
    from geo.disambiguate import haversine_km

    # Western Sahara's disc of equal area is 170 km wide; its outline reaches much further
    text = "Fighters fired projectiles at army positions near Zorvanbes in Western Sahara."
    (place,) = [r.place for r in resolve(text) if "Zorvanbes" in r.mention.text]
    assert place is not None and place.country == "EH"
    # Bir Gandouz, in the territory's far south-west, lies within the radius
    assert haversine_km(place.lat, place.lon, 21.6, -16.8) <= place.radius_km


@pytest.mark.parametrize(
    ("text", "name", "holder"),
    [
        # a place, a kind of settlement and "of" before an unknown name hold it,
        # over a town of the paragraph before
        ("In the capital N'Djamena, crowds gathered.\n\nThe army repelled an attack on a post "
         "on the Lake Chad island of Zorvaram.", "Zorvaram", "Lake Chad"),
        ("Gunmen attacked the Borno town of Zorvaram.", "Zorvaram", "Borno"),
    ],
)  # fmt: skip
def test_a_settlement_named_after_its_holder_lies_in_it(resolve, text, name, holder):
    found = {r.mention.text: r.place for r in resolve(text)}
    (held,) = [p for t, p in found.items() if name in t]
    (where,) = [p for t, p in found.items() if holder in t]
    assert held is not None and where is not None
    assert (held.lat, held.lon) == (where.lat, where.lon)


def test_a_countrys_reach_leaves_its_overseas_parts_out(resolve):
    # France's overseas departments lie 7,000 km and more from its point
    text = "Gunmen attacked the village of Zorvellac in France."
    (place,) = [r.place for r in resolve(text) if "Zorvellac" in r.mention.text]
    assert place is not None and place.country == "FR" and place.radius_km < 1500


def test_a_measured_offset_after_the_name_beats_its_holder_before(resolve):
    text = "Gunmen raided the Borno village of Zorvagari, 30 km from Maiduguri."
    (place,) = [r.place for r in resolve(text) if "Zorvagari" in r.mention.text]
    assert place is not None and place.radius_km < 100


def test_a_name_in_the_side_of_a_country_is_placed_in_that_side(resolve):
    results = resolve("Militants overran an army post near Zorvanek in central Mali.")
    (village,) = [r.place for r in results if r.mention.name == "Zorvanek"]
    (side,) = [r.place for r in results if r.mention.name == "Mali"]
    assert village is not None and village.feature == LOCATED_FEATURE
    assert (village.lat, village.lon) == (side.lat, side.lon)
    assert village.radius_km == side.radius_km  # the side's reach, not the whole country's


def test_a_name_the_text_placed_once_is_placed_there_again(resolve):
    results = resolve(
        "Army troops recaptured the town of Zorvanek in Mudug region. Residents of Zorvanek "
        "said families had fled to Galkayo."
    )
    first, second = [r.place for r in results if r.mention.name == "Zorvanek"]
    assert first is not None and second is not None
    assert (second.lat, second.lon, second.radius_km) == (first.lat, first.lon, first.radius_km)


@pytest.mark.parametrize(
    ("text", "name", "town"),
    [
        ("Gunmen burned houses in the Ruvuma quarter of Kisangani.", "Ruvuma", "Kisangani"),
        ("Gunmen burned houses in the Tanga district of Juba.", "Tanga", "Juba"),
    ],
)
def test_the_quarter_of_a_town_is_in_that_town_not_a_namesake_abroad(resolve, text, name, town):
    results = resolve(text)
    part, holder = _place(results, name), _place(results, town)
    assert part is not None and part.country == holder.country, part


def test_a_city_abroad_gives_way_to_the_province_the_text_puts_its_name_in(resolve):
    results = resolve("Insurgents attacked Palma in Cabo Delgado in March 2021.")
    assert _place(results, "Palma").country == "MZ"  # not Palma de Mallorca


def test_a_town_in_a_country_s_province_lies_in_the_province(resolve):
    # "in Mozambique's Cabo Delgado province": the province holds the town, not the
    # country at large (whose point is 700 km away)
    results = resolve("Insurgents attacked Palma in Mozambique's Cabo Delgado province.")
    town, province = _place(results, "Palma"), _place(results, "Cabo Delgado province")
    assert town.country == "MZ" and (town.lat, town.lon) == (province.lat, province.lon), town


@pytest.mark.parametrize(
    "text",
    [
        # Kyiv has a Dniprovskyi district too, 480 km away: the possessive or "the
        # city's" says whose district it is, though the model hides the town in a name
        "A drone dropped explosives on a bus in Kherson's Dniprovskyi district on Monday.",
        "Officials in Kherson said a Russian drone hit a bus in the city's Dniprovskyi "
        "district on Monday.",
    ],
)
def test_a_town_s_district_is_in_that_town_not_a_namesake_district_elsewhere(resolve, text):
    results = resolve(text)
    town = _place(results, "Kherson")
    (part,) = [r.place for r in results if "Dniprovskyi" in r.mention.name]
    assert town is not None and part is not None
    assert (part.lat, part.lon) == (town.lat, town.lon), part


def test_a_town_in_a_neighbouring_province_is_that_province_s_namesake(resolve):
    # three Mexican towns are called Tamazula; the one in Durango state is meant
    results = resolve(
        "Gunmen fought in Culiacán. In the municipality of Tamazula, in neighbouring "
        "Durango state, a drone dropped explosives on houses."
    )
    town = _place(results, "Tamazula")
    # Tamazula de Victoria (24.97 N, 106.97 W), not Sinaloa's Tamazula (25.4 N, 108.5 W)
    assert town is not None and town.country == "MX" and town.lon > -107.5, town


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        # no Palma in Mozambique is known: the adjective puts it there, not in Mallorca
        ("Insurgents attacked the Mozambican town of Palma on Tuesday.", "Palma", "MZ"),
        ("Insurgents attacked the Mozambican coastal town of Palma.", "Palma", "MZ"),
        # a town no source holds is in the country too
        ("Gunmen killed five people in the Malian town of Zorvanek.", "Zorvanek", "ML"),
        # disputed ground near the country keeps its gazetteer entry
        ("Troops entered the Russian port of Sevastopol.", "Sevastopol", "UA"),
        # who holds a town is no country it lies in
        ("Shells hit the Russian-held town of Vasylivka.", "Vasylivka", "UA"),
    ],
)
def test_a_national_adjective_says_which_country_a_town_is_in(resolve, text, name, country):
    place = _place(resolve(text), name)
    assert place is not None and place.country == country, place


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        # only small namesakes abroad: the island the text names holds the town
        ("Police arrested eight men in Cedros, Trinidad, on Tuesday.", "Cedros", "TT"),
        # a namesake inside the qualifier is kept
        ("Police arrested eight men in Cedros, Honduras, on Tuesday.", "Cedros", "HN"),
        ("Protests spread to Lebanon, Pennsylvania, on Sunday.", "Lebanon", "US"),
        # a list of countries qualifies nothing
        ("Drones hit Gaza, Lebanon and Syria.", "Gaza", "PS"),
        # nor a country that goes on as the subject of a clause
        ("After clashes in Kupiansk, Russia claimed gains.", "Kupiansk", "UA"),
        # nor does a piece of a hyphenated name ("Mayo" is an Irish county)
        (
            "A bomb killed 11 people in the commune of Mora, Mayo-Sava in northern Cameroon.",
            "Mora",
            "CM",
        ),
    ],
)
def test_a_whole_after_a_comma_holds_a_small_town_named_before_it(resolve, text, name, country):
    place = _place(resolve(text), name)
    assert place is not None and place.country == country, place


def test_a_village_in_a_disputed_region_lies_there_not_in_the_claimant_s_capital(resolve):
    # Essequibo is administered by Guyana and claimed by Venezuela
    text = (
        "Hundreds marched in Caracas on Monday. Gunmen attacked a patrol near the mining "
        "settlement of Zorvanek, in the disputed Essequibo region that Venezuela claims."
    )
    village = _place(resolve(text), "Zorvanek")
    assert village is not None and village.country == "GY", village


def test_a_coast_named_after_a_disputed_region_is_no_part_of_its_middle(resolve):
    place = _place(
        resolve("Residents of the Essequibo coast protested in Anna Regina."), "Essequibo"
    )
    assert place is None or place.feature != "region", place


@pytest.mark.parametrize(
    "text",
    [
        "Insurgents attacked Palma, in northern Mozambique, on Tuesday.",
        "Insurgents attacked Palma, Mozambique, on Tuesday.",
        # the country may own the province that follows
        "Insurgents attacked a convoy near Palma, in northern Mozambique's Cabo Delgado province.",
        # the aside may say what the place is before "in"
        "Insurgents attacked Palma, a coastal town in Mozambique's Cabo Delgado province.",
    ],
)
def test_a_country_written_after_a_town_keeps_namesakes_abroad_out(resolve, text):
    # the gazetteer knows a Palma in Spain, none in Mozambique: the words place it there
    palma = _place(resolve(text), "Palma")
    assert palma is not None and palma.country == "MZ" and palma.feature == LOCATED_FEATURE


def test_a_state_that_shares_a_country_s_name_keeps_its_town_at_home(resolve):
    # Georgia's county is the US state's: Albany stays in the United States
    albany = _place(
        resolve("Police shot a man in Albany, in Georgia's Dougherty County."), "Albany"
    )
    assert albany is not None and albany.country == "US"


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        # where people from a town are, not where the town is
        ("Visitors from Kharkiv, in Poland for the summit, met officials in Warsaw.", "Kharkiv",
         "UA"),
        ("Fans from Palma, in Germany for the match, clashed with police in Munich.", "Palma",
         "ES"),
    ],
)  # fmt: skip
def test_where_people_from_a_town_are_is_no_country_it_lies_in(resolve, text, name, country):
    place = _place(resolve(text), name)
    assert place is not None and place.country == country


def test_a_list_after_a_town_is_no_country_it_lies_in(resolve):
    saipan = _place(resolve("Trips to Saipan, Guam, Alaska and Hawaii took weeks."), "Saipan")
    assert saipan is not None and saipan.country == "MP"


@pytest.mark.parametrize(
    ("text", "name", "where"),
    [
        ("Shells fell on the village of Zorvanek, on the southern shore of Lake Kivu.",
         "Zorvanek", "Lake Kivu"),
        ("Drones hit the village of Zorvanek, on the eastern outskirts of Kharkiv.",
         "Zorvanek", "Kharkiv"),
    ],
)  # fmt: skip
def test_a_name_set_on_a_shore_or_the_outskirts_lies_within_that_place_s_reach(
    resolve, text, name, where
):
    village = _place(resolve(text), name)
    assert village is not None and village.feature == LOCATED_FEATURE
    assert where in village.reason and "edge" in village.reason


def test_a_name_on_the_edge_of_a_desert_is_not_put_at_its_middle(resolve):
    results = resolve("Gunmen attacked the village of Zorvanek, on the edge of the Sahara.")
    village = _place(results, "Zorvanek")
    assert village is None or "Sahara" not in village.reason


def test_a_name_an_aside_placed_is_the_same_place_when_said_again(resolve):
    text = (
        "In March 2021 insurgents attacked Palma, a town in Mozambique's Cabo Delgado "
        "province. The army retook Palma in August."
    )
    first, again = [r.place for r in resolve(text) if r.mention.name == "Palma"]
    assert first is not None and again == first and first.country == "MZ"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a division's word after the name, in a story whose towns lie elsewhere
        ("A paramotor bombed a school in Ye U township. Then a jet bombed a monastery in "
         "Kani township.", "Kani"),
        ("In Kinshasa, protesters marched towards the embassies of Rwanda and France in the "
         "Gombe district.", "Gombe"),
    ],
)
def test_a_local_division_is_no_namesake_town_abroad(resolve, text, name):
    # the gazetteer knows a Kani in Japan and a Gombe in Nigeria, none of the story's
    place = _place(resolve(text), name)
    assert place is None or place.country in ("MM", "CD"), place


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Fighting reached Kunduz district on Monday, as the army retook Kabul district.",
         "Kunduz", "AF"),
        # a people ties the story to its country as well as a place does
        ("Russia shelled villages in the Kherson district overnight, killing two civilians, "
         "Ukrainian officials said.", "Kherson", "UA"),
        # a district court is no division
        ("A Grodno district court jailed a Belarusian journalist. Lithuania condemned the "
         "verdict.", "Grodno", "BY"),
    ],
)
def test_a_division_word_keeps_a_namesake_in_a_country_the_story_names(
    resolve, text, name, country
):
    place = _place(resolve(text), name)
    assert place is not None and place.country == country, place


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        # the text places what the division word ruled out abroad
        ("Soldiers burned a monastery in Kani township in Myanmar's Sagaing region.", "Kani",
         "MM"),
        ("Police dispersed protesters in the Gombe district of Kinshasa on Monday.", "Gombe",
         "CD"),
    ],
)
def test_a_division_ruled_out_abroad_is_placed_where_the_text_puts_it(
    resolve, text, name, country
):
    place = _place(resolve(text), name)
    assert place is not None and place.country == country, place


def test_a_capitalised_division_word_names_a_court_not_a_division(resolve):
    text = "Farmers in Peru will sue the U.S. firm before Denver District Judge Ana Ruiz."
    place = _place(resolve(text), "Denver")
    assert place is not None and place.country == "US", place


def test_a_part_of_a_province_named_by_its_capital_keeps_its_own_point(resolve):
    # "of Donetsk" is the province: Bakhmut is 70 km from the city, and stays there
    text = "Russian forces attacked in the Bakhmut area of Donetsk on Tuesday."
    resolved = resolve(text)
    donetsk = _place(resolved, "Donetsk")
    bakhmut = next(r.place for r in resolved if "Bakhmut" in r.mention.text)
    assert bakhmut is not None and not placed_in(bakhmut, donetsk), bakhmut
    assert bakhmut.country == "UA"


def test_a_part_of_a_town_is_placed_in_it_when_its_namesake_lies_far_off(resolve):
    # Majengo, on file only in Kenya, 640 km from Goma
    text = "An explosion was reported at an ammunition depot in the Majengo area of Goma."
    resolved = resolve(text)
    goma = _place(resolved, "Goma")
    majengo = next(r.place for r in resolved if "Majengo" in r.mention.text)
    assert goma is not None and majengo is not None
    assert placed_in(majengo, goma), majengo


def test_an_unknown_name_lies_in_its_section_s_country_in_a_digest(resolve):
    # the story names Chad most, but the section under "## Bangladesh" is Dhaka's
    text = (
        "## Chad\n\nRefugees arrived at Adre and Abeche in Chad.\n\n"
        "## Bangladesh\n\nOn 1 April, several thousand students marched from the Dhaka "
        "University campus to Shahbagh, demanding that the ban be lifted."
    )
    place = _place(resolve(text), "Shahbagh")
    assert place is not None and place.country == "BD", place


def test_a_headline_is_no_section_of_its_own(resolve):
    from geo.sections import heading_sections, section_of

    text = "Floods hit the north\n\nRain fell in Kano.\n\n## Chad\n\nRefugees arrived."
    sections = heading_sections(text)
    assert section_of(text, sections, text.index("Kano")) is None
    assert section_of(text, sections, text.index("Refugees")) == (text.index("## Chad"), len(text))


def test_a_village_placed_in_a_province_is_drawn_as_the_province(resolve):
    # all the text says is "somewhere in the region": a circle round its centre
    # that reaches its far corner would claim the neighbouring countries too
    results = resolve("Soldiers clashed with gunmen near Zorvanek, in the Timbuktu region.")
    village = _place(results, "Zorvanek")
    region = _place(results, "Timbuktu region")
    assert village.feature == LOCATED_FEATURE and village.precision is Precision.REGION
    assert village.is_area and village.geometry.equals(region.geometry)
    assert (village.lat, village.lon) == (region.lat, region.lon)  # scored at the region's point
    assert "outline of Timbuktu region" in village.reason


@pytest.mark.parametrize(
    "text",
    [
        "Police clashed with farmers near the village of Zorvanek in Romania.",
        "Shells fell on the village of Zorvanek near Kharkiv.",
    ],
)
def test_a_village_in_a_country_or_near_a_town_stays_a_point(resolve, text):
    # a country's outline would fill a whole country for a village; a town's
    # surroundings are a radius, not an outline
    assert _place(resolve(text), "Zorvanek").geometry.geom_type == "Point"
