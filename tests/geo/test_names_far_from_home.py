"""Names that went to a namesake on another continent, and where they belong instead.

Each test writes its own sentences; none is taken from the tester's articles.
"""


def _place(results, text):
    (item,) = [r for r in results if r.mention.text == text]
    return item.place


def test_a_world_city_beats_a_small_us_namesake_when_the_us_is_named_in_passing(resolve):
    results = resolve(
        "American and Russian envoys spoke by phone on Monday. Russian officials in Moscow "
        "said Ukraine was not on the agenda, and Ukrainian diplomats in Kyiv protested. "
        "The previous round of talks had taken place in Geneva two years ago."
    )
    assert _place(results, "Geneva").country == "CH"


def test_a_small_us_town_keeps_its_namesake_in_a_story_about_its_own_country(resolve):
    results = resolve(
        "Flooding closed roads across Kentucky on Monday. In Covington, and in Florence, "
        "residents near Cincinnati were told to move to higher ground."
    )
    assert _place(results, "Florence").country == "US"


def test_a_beach_named_with_its_town_lies_in_that_town(resolve):
    results = resolve(
        "Gunmen attacked a restaurant on Lido Beach in Mogadishu late on Thursday, "
        "Somali officials said."
    )
    beach = _place(results, "Lido Beach")
    assert beach.country == "SO"
    assert "Mogadishu" in beach.reason


def test_a_line_break_does_not_part_a_place_from_its_town(resolve):
    results = resolve(
        "Gunmen attacked a restaurant on Lido Beach in\nMogadishu late on Thursday, "
        "Somali officials said."
    )
    assert _place(results, "Lido Beach").country == "SO"


def test_names_listed_before_in_country_lie_in_that_country(resolve):
    results = resolve(
        "Militants ambushed a convoy on the road between Boni and Douentza, in central Mali, "
        "on Sunday."
    )
    boni = _place(results, "Boni")
    assert boni is None or boni.country == "ML"


def test_a_city_of_standing_before_in_keeps_its_own_place(resolve):
    results = resolve("Supporters from Chicago in Paris cheered the team on Sunday.")
    assert _place(results, "Chicago").country == "US"


def test_a_small_town_inside_a_longer_place_name_is_not_that_town(nlp, gazetteer, parse_tagged):
    from geo.extract import MentionExtractor
    from geo.sources import demonym_table

    extractor = MentionExtractor(gazetteer, demonym_table())
    doc = parse_tagged("Rebels said Abu Naqa was calm on Monday.", "Abu", "GPE", words=2)
    assert [m.name for m in extractor.extract(doc)] == []


def test_a_country_inside_a_longer_place_name_is_still_that_country(nlp, gazetteer, parse_tagged):
    from geo.extract import MentionExtractor
    from geo.sources import demonym_table

    extractor = MentionExtractor(gazetteer, demonym_table())
    doc = parse_tagged("Rebels said Rural Syria was calm on Monday.", "Rural", "GPE", words=2)
    assert "Syria" in [m.name for m in extractor.extract(doc)]


def test_a_building_lies_in_a_town_of_the_country_its_sentence_names(resolve):
    results = resolve(
        "The envoys first met in Riyadh. Back in Moscow, officials praised the talks. "
        "The dinner at Qasr Al Hukm Palace ran late, the Saudi protocol office said."
    )
    palace = _place(results, "Qasr Al Hukm Palace")
    assert palace is not None and palace.country == "SA"


def test_a_common_word_opening_a_paragraph_is_no_small_town(resolve):
    results = resolve(
        "Gunmen stormed a hotel in the capital on Friday, Somali officials said. "
        "Police said one gunman was arrested.\n\n"
        "Police spokesman Yusuf Warsame said 20 people were hurt."
    )
    assert "Police" not in [r.mention.text for r in results]


def test_a_dateline_opening_the_text_is_still_its_town(resolve):
    results = resolve("NAPA, Calif. -- Firefighters contained a blaze on Monday.")
    assert "NAPA" in [r.mention.text for r in results]


def test_a_national_adjective_opening_a_buildings_name_is_that_building(resolve):
    results = resolve(
        "Shells hit Nyala on Sunday, and doctors at the city's Turkish Hospital "
        "said nine people died."
    )
    hospital = _place(results, "Turkish Hospital")
    assert hospital is not None and hospital.country == "SD"
    assert "Turkish" not in [r.mention.text for r in results]


def test_a_name_before_hospital_without_an_article_names_the_hospital(resolve):
    results = resolve(
        "Gunmen attacked a market in Mogadishu on Friday. "
        "The wounded were taken to Madina hospital, Somali officials said."
    )
    names = [r.mention.text for r in results]
    assert "Madina" not in names
    assert _place(results, "Madina hospital").country == "SO"


def test_a_city_of_standing_before_hospital_stays_the_city(resolve):
    results = resolve("The wounded were flown to Kabul hospital on Friday, Afghan officials said.")
    assert _place(results, "Kabul").country == "AF"


def test_a_building_with_no_town_in_its_sentence_lies_in_the_storys_country(resolve):
    results = resolve(
        "Troops patrolled Mogadishu on Friday, Somali officials said. Somali forces held "
        "the port. Donors met in Nairobi. Later the wounded reached Banadir Hospital."
    )
    assert _place(results, "Banadir Hospital").country == "SO"
