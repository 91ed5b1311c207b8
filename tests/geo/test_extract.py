"""Mention extraction on sentences written for these tests."""

import pytest
from spacy.tokens import Span

from geo.cues import after_title
from geo.extract import MentionExtractor
from geo.sources import demonym_table, regional_adjective_table
from geo.types import IN_A_NAME_LABEL, AreaKind, MentionKind


@pytest.fixture(scope="module")
def extract(nlp, gazetteer):
    extractor = MentionExtractor(gazetteer, demonym_table())

    def run(text):
        mentions = extractor.extract(nlp(text))
        for m in mentions:
            assert text[m.start : m.end] == m.text
            assert text[m.anchor_start : m.anchor_end] == m.name
        return mentions

    return run


def _texts(mentions):
    return [m.text for m in mentions]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Protests spread from Lagos to Abuja on Monday.", ["Lagos", "Abuja"]),
        ("The ferry sailed from Dover to Calais.", ["Dover", "Calais"]),
        ("Talks resumed in Nairobi, Kenya, after a pause.", ["Nairobi", "Kenya"]),
        # each town the model mislabels continues the list the one before began
        (
            "The grocer closed its shops in Žilina, Nitra, Prešov and Košice before the summer.",
            ["Žilina", "Nitra", "Prešov", "Košice"],
        ),
        # names the model cut short, taken whole because the gazetteer holds them
        ("Refugees fled to Goz Beida in eastern Chad.", ["Goz Beida", "Chad"]),
        (
            "The outbreak began in Ceamurlia de Jos, a village in Romania.",
            ["Ceamurlia de Jos", "Romania"],
        ),
        ("Flooding hit Rio Grande do Sul in southern Brazil.", ["Rio Grande do Sul", "Brazil"]),
        # an Arabic article spelled as it sounds ("ez-", "as-") joins the name too
        ("A drone hit a US base in Deir ez-Zor province on Wednesday.", ["US", "Deir ez-Zor"]),
        ("Cholera hit Guinea-Bissau, Liberia and Mali.", ["Guinea-Bissau", "Liberia", "Mali"]),
    ],
)
def test_toponyms(extract, text, expected):
    found = extract(text)
    assert _texts(found) == expected
    assert all(m.kind is MentionKind.TOPONYM for m in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the model's PERSON has a border or a coast: it is the country or island
        ("The outbreak is in the region near the Gabon border.", ["Gabon"]),
        ("The wave ravaged a long stretch of Java's southern coast.", ["Java"]),
        ("Mr Jordan's border collie won the prize.", []),
        # "the" belongs to the noun after a known city
        ("It will cost a lot to clean up the Da Nang airport.", ["Da Nang"]),
    ],
)
def test_names_the_model_mislabels_before_a_noun(extract, text, expected):
    assert [m.name for m in extract(text)] == expected


@pytest.mark.parametrize(
    ("text", "not_a_place"),
    [
        ("Russian President Vladimir Putin spoke on Tuesday.", "Vladimir"),
        ("The Qatar-based Al Jazeera network reported the raid.", "Al Jazeera"),
        ("Secretary of State Madeleine Albright arrived late.", "Madeleine"),
        ("In March the council met again.", "March"),
        # a sentence's first word opening a longer name: its capital says nothing
        ("Human Rights Watch said he began a hunger strike.", "Human"),
        ("Federal Minister for Agriculture Jim Smith issued a warning.", "Federal"),
        # a name of God in a statement (Göd is a town in Hungary)
        ('"With the help of God, our forces targeted the ship," the spokesman said.', "God"),
        # a storm's given name (Benjamin is a town in Utah)
        ("Storm Benjamin struck the coast overnight, cutting power to thousands.", "Benjamin"),
        # a faith or a people, not the province that bears the word (the Jewish
        # Autonomous Oblast is recorded as "Jewish")
        ("A gunman opened fire in a Jewish seminary in Jerusalem.", "Jewish"),
        ("He called Israel the Jewish state in his speech.", "Jewish"),
        # a work's title without quotes
        ("In the spy drama Tehran, agents kidnap a scientist.", "Tehran"),
        ("The film Kandahar was shot in Iran.", "Kandahar"),
        # a clock's time zone
        ("The mine went off in a tunnel in Grozny at 12:30 Moscow time.", "Moscow"),
        ("The assault began at 8 P.M. (Damascus Time) near Zamalka.", "Damascus"),
        # people a verb of taking frames, named by their nation (misspelt: no
        # Portuguesa under another spelling)
        ("In Angola, 86 Portugese and Czechoslovaks were captured by rebels.", "Portugese"),
        ("In Angola, 86 Portugese and Czechoslovaks were captured by rebels.", "Czechoslovaks"),
        # a contest's or a prize's name
        ("He captured the Match Play Championship on March 2.", "Championship"),
        ("Austria captured the Nations Cup at the finals on Friday.", "Nations Cup"),
        # common words a small place bears: a numbered spot, a town's own part, a
        # church service, a body's name
        ("Two officers were shot dead at the checkpoint at Mile 4 roundabout.", "Mile"),
        ("Soldiers raided homes in Old Town and arrested fourteen men.", "Old Town"),
        ("The archbishop said during Mass at the cathedral that children suffer.", "Mass"),
        ("4 Jammu and Kashmir Police, FIR No. 18/2025, Pahalgam police station.", "Police"),
        # a guest's first name once the text has named them in full
        ("Joining me from Tbilisi is Rustam Guliyev. Rustam, thanks for coming on.",
         "Rustam"),
    ],
)
def test_people_organisations_and_dates_are_not_places(extract, text, not_a_place):
    assert all(not_a_place not in m.text for m in extract(text))


@pytest.mark.parametrize(
    "text",
    [
        "Kharkiv: Russian drones hit an apartment block.\nOdesa: A missile struck the port.",
        "- **Kharkiv:** Russian drones hit an apartment block overnight.",
        "**Kharkiv** — Russian drones hit an apartment block.",
        "Intro line.\n\n1. Kharkiv: Russian drones hit an apartment block.",
    ],
)
def test_a_city_labelling_its_line_is_a_place_though_the_model_reads_a_noun(extract, text):
    assert "Kharkiv" in _texts(extract(text))


@pytest.mark.parametrize(
    ("text", "not_a_place"),
    [
        ("Reuters: Will the talks resume in Geneva?", "Reuters"),
        # a transcript's speaker whose name a town bears
        ("Sofia: We heard the explosions at 3am.\nReporter: Where were you?", "Sofia"),
        ("Reading: Three books on the war.", "Reading"),
    ],
)
def test_a_line_label_that_is_no_round_up_s_place_is_no_place(extract, text, not_a_place):
    assert not_a_place not in _texts(extract(text))


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # a year is no clock, and "time and again" no time zone
        ("In 2022 Ukraine time and again appealed for air defences.", "Ukraine"),
        # a place's possessive after "drama" is no work's title
        ("After weeks of political drama Georgia's parliament voted.", "Georgia"),
    ],
)
def test_a_place_after_a_year_or_a_figure_of_drama_stays_a_place(extract, text, place):
    assert place in _texts(extract(text))


def test_a_town_the_text_puts_in_a_country_s_province_is_a_place(extract):
    text = (
        "On October 15 fighting flared again near Spin Boldak in Afghanistan's Kandahar province."
    )
    assert any("Spin Boldak" in t for t in _texts(extract(text)))


def test_a_town_before_time_is_a_place_unless_a_clock_s_time_stands_before_it(extract):
    assert "Moscow" in _texts(extract("She spent some time in Moscow before the war."))
    assert "Moscow" in _texts(extract("At noon the Moscow time capsule was opened."))


@pytest.mark.parametrize(
    ("text", "organisation", "place"),
    [
        ("Hamas fighters attacked positions near Khan Younis.", "Hamas", None),
        ("Israel struck Hamas targets across Gaza.", "Hamas", "Gaza"),
        ("Talks between Hamas and Fatah resumed in Cairo.", "Hamas", "Cairo"),
        ("A Google engineer was arrested in Topeka on Monday.", "Google", "Topeka"),
    ],
)
def test_a_town_known_only_by_a_foreign_alternate_name_does_not_outweigh_the_model(
    extract, text, organisation, place
):
    """GeoNames gives Hamm the alternate name "Hamas" and Topeka "Google"."""
    texts = _texts(extract(text))
    assert organisation not in texts
    if place is not None:
        assert place in texts


@pytest.mark.parametrize(
    ("text", "name", "label", "place"),
    [
        # what troops besiege or retake is a place, whatever the model read
        ("Jihadists besieged Goma for months.", "Goma", "PERSON", True),
        ("Gunmen attacked Djibo on Monday.", "Djibo", "ORG", True),
        # the small model reads many accented towns as people (tester round 37, F8)
        ("Insurgents attacked Chiúre on Tuesday.", "Chiúre", "PERSON", True),
        ("Fighters attacked Jamundí on Tuesday.", "Jamundí", "PERSON", True),
        # people are attacked and captured too; an organisation by a foreign name
        ("Critics attacked Clinton on Monday.", "Clinton", "PERSON", False),
        ("Israel attacked Hamas on Monday.", "Hamas", "ORG", False),
        # a firm that hackers attacked or traders pounded
        ("Hackers attacked Nokia on Monday.", "Nokia", "ORG", False),
        ("Traders pounded Nokia after the profit warning.", "Nokia", "ORG", False),
    ],
)
def test_what_a_verb_of_war_takes_is_a_place_the_model_misread(
    gazetteer, parse_tagged, text, name, label, place
):
    extractor = MentionExtractor(gazetteer, demonym_table())
    doc = parse_tagged(text, name, label)
    assert (name in _texts(extractor.extract(doc))) is place


def test_a_surname_armed_men_attacked_is_no_town(gazetteer, nlp):
    """Djibo is a town of 40,000, and here the surname of the judge named in full before."""
    text = "Judge Amadou Djibo ruled on Monday. Later, gunmen attacked Djibo at home."
    doc = nlp(text)
    names = [i for i, t in enumerate(doc) if t.text == "Djibo"]
    doc.ents = [
        Span(doc, names[0] - 1, names[0] + 1, "PERSON"),
        Span(doc, names[1], names[1] + 1, "PERSON"),
    ]
    extractor = MentionExtractor(gazetteer, demonym_table())
    assert "Djibo" not in _texts(extractor.extract(doc))
    # named once, alone, it is the town armed men attacked
    doc = nlp("Later, gunmen attacked Djibo at home.")
    (name,) = [i for i, t in enumerate(doc) if t.text == "Djibo"]
    doc.ents = [Span(doc, name, name + 1, "PERSON")]
    assert "Djibo" in _texts(extractor.extract(doc))


@pytest.mark.parametrize(
    "text",
    [
        "Israeli and Hamas delegations resumed talks in Doha.",
        "Egyptian and Hamas mediators met in Cairo on Monday.",
        "Officials from Hamas met envoys in Cairo.",
        "Aid reached families in Hamas-run areas on Monday.",
    ],
)
def test_an_organisation_in_a_place_position_is_no_town_by_a_foreign_alternate_name(
    gazetteer, parse_tagged, text
):
    """Listed with a national adjective or after "from", "Hamas" still is no name of Hamm."""
    extractor = MentionExtractor(gazetteer, demonym_table())
    doc = parse_tagged(text, "Hamas", "ORG")
    assert "Hamas" not in _texts(extractor.extract(doc))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Russian and Syrian warships docked in Tartus on Monday.", "Tartus"),
        ("Supplies reached Latakia and Tartus by sea.", "Tartus"),
        # an alternate name (of Ayn al-Arab) right after "in" still stands
        ("Dozens of fighters were killed in Kobane on Saturday.", "Kobane"),
    ],
)
def test_a_town_the_model_calls_an_organisation_where_a_place_stands_stays_a_place(
    gazetteer, parse_tagged, text, name
):
    extractor = MentionExtractor(gazetteer, demonym_table())
    doc = parse_tagged(text, name, "ORG")
    assert name in _texts(extractor.extract(doc))


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("The DRC said the talks would go on.", "DRC"),
        ("Officials in Qamishli said the road was open.", "Qamishli"),
    ],
)
def test_areas_by_their_short_forms_and_towns_spelled_alike_still_count(extract, text, place):
    assert place in _texts(extract(text))


@pytest.mark.parametrize(
    ("text", "word", "country"),
    [
        ("Syrian troops moved north.", "Syrian", "SY"),
        ("An Iranian official denied it.", "Iranian", "IR"),
        ("Two Israeli jets were seen.", "Israeli", "IL"),
    ],
)
def test_demonyms_map_to_their_country(extract, text, word, country):
    (mention,) = [m for m in extract(text) if m.name == word]
    assert mention.kind is MentionKind.DEMONYM
    assert mention.demonym_country == country


@pytest.mark.parametrize(
    ("text", "phrase", "kind"),
    [
        ("Two drones entered Turkish airspace overnight.", "Turkish airspace", AreaKind.AIRSPACE),
        ("A freighter sank off the coast of Yemen.", "off the coast of Yemen", AreaKind.OFFSHORE),
        ("Storms battered the Libyan coast.", "the Libyan coast", AreaKind.COAST),
        ("Shelling continued in the Donetsk area.", "the Donetsk area", AreaKind.VICINITY),
        ("A village 30 km south of Mosul was hit.", "30 km south of Mosul", AreaKind.OFFSET),
    ],
)
def test_spatial_phrases(extract, text, phrase, kind):
    (mention,) = [m for m in extract(text) if m.kind is MentionKind.PHRASE]
    assert mention.text == phrase
    assert mention.area.kind is kind


def test_a_town_the_model_calls_an_organisation_over_which_something_flew_is_a_place(extract):
    assert "Eilat" in _texts(extract("A drone launched from Yemen was intercepted over Eilat."))


@pytest.mark.parametrize(
    "text",
    [
        "A Chinese coast guard ship rammed a supply boat.",
        "The Chinese coastguard fired water cannon at the boat.",
    ],
)
def test_a_coast_guard_is_a_service_not_a_shore(extract, text):
    assert not [m for m in extract(text) if m.area is not None and m.area.kind is AreaKind.COAST]


def test_gazetteer_finds_a_base_the_model_misses(extract):
    found = extract("Jets returned to Hmeimim after the raid.")
    assert "Hmeimim" in _texts(found)


def test_a_province_word_joins_the_name(extract):
    found = extract("Clashes were reported in Idlib province on Friday.")
    assert "Idlib province" in _texts(found)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Flooding closed roads in Austin, TX, on Friday.", "TX"),
        ("The fire near Sacramento, Calif., spread overnight.", "Calif."),
        ("Trains stopped in Sydney, NSW, after the storm.", "NSW"),
    ],
)
def test_state_abbreviations_after_a_town(extract, text, found):
    assert found in _texts(extract(text))


@pytest.mark.parametrize(
    "text", ["Is that OK with you?", "ME TOO was trending.", "IN BRIEF: markets rose."]
)
def test_state_codes_alone_are_words(extract, text):
    assert extract(text) == []


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Delegates met at the No. 2 Detention Centre gate.", "Centre"),
        ("Traffic on Eglinton Avenue West was slow all day.", "West"),
        ("Crowds gathered near the Tijuana River levee.", "River"),
    ],
)
def test_the_last_word_of_an_unknown_name_is_not_a_place(extract, text, word):
    assert all(word not in m.text for m in extract(text))


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("In Latakia, residents heard blasts.", "Latakia"),  # capitalised for the sentence
        ("Residents of Orange County voted early.", "Orange"),  # a place starting a name
        ("Officials in Northern Syria counted the damage.", "Syria"),  # a country stays
    ],
)
def test_places_next_to_capitalised_words_that_are_no_longer_name(extract, text, place):
    assert any(place in m.text for m in extract(text))


def test_a_long_province_name_the_model_calls_a_person_is_a_place(extract):
    assert "Tamil Nadu" in _texts(extract("The Tamil Nadu government appealed the ruling."))


@pytest.mark.parametrize(
    "text", ["George Washington crossed the river.", "Jordan Peterson spoke at length."]
)
def test_people_named_like_places_stay_people(extract, text):
    assert extract(text) == []


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Samples went to the U.S. Centers for Disease Control and Prevention.", "U.S."),
        ("The UK Border Force said the port was closed.", "UK"),
    ],
)
def test_a_country_abbreviation_leading_an_organisation_is_a_mention(extract, text, place):
    assert place in _texts(extract(text))


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Cases of Marburg virus were confirmed on Friday.", "Marburg"),
        ("Doctors tested for Rift Valley fever in the camp.", "Rift Valley"),
        ("Troops moved into the West on Monday.", "West"),
        ("The Central government replied on Monday.", "Central"),
    ],
)
def test_disease_names_and_lone_compass_words_are_not_places(extract, text, word):
    assert all(word not in m.text for m in extract(text))


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Fighting raged near Zorvan, where the 22nd Division has been besieged.", "Division"),
        ("The 3rd Assault Brigade has been encircled near Izium since Tuesday.", "Brigade"),
        # whose fighters or positions a strike was against, not where it fell
        # a small town bears the group's name: the group's still
        ("Jets struck Wagner positions near Kidal on Monday.", "Wagner"),
        ("Drones struck Velmora positions near Izium overnight.", "Velmora"),
    ],
)
def test_army_units_and_the_groups_whose_fighters_are_hit_are_not_places(extract, text, word):
    assert all(word not in m.text for m in extract(text))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a town of some size or a range is where its positions or fighters are
        ("Russian forces shelled Avdiivka positions for hours.", "Avdiivka"),
        ("Turkish jets struck Qandil hideouts overnight.", "Qandil"),
    ],
)
def test_a_town_before_its_positions_stays_a_place(extract, text, name):
    assert name in {m.name for m in extract(text)}


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a pair the model tags as one organisation, or one title of three words
        ("Troops were deployed to Tibú and Ocaña on Wednesday.", {"Tibú", "Ocaña"}),
        ("Fighters ambushed a convoy on the road between Macomia and Mocimboa da Praia.",
         {"Macomia", "Mocimboa da Praia"}),
    ],
)  # fmt: skip
def test_towns_of_one_country_listed_as_one_entity_are_each_found(extract, text, names):
    assert names <= {m.name for m in extract(text)}


def test_a_national_adjective_that_opens_a_landform_s_name_is_no_country(extract):
    mentions = extract("Rebels launched a counter-offensive in the Turkmen Mountains.")
    assert not [m for m in mentions if m.kind is MentionKind.DEMONYM], mentions


@pytest.mark.parametrize(
    "text",
    [
        # a man's name after a building's word
        "Gunmen attacked the market of Omar on Monday.",
        # no owner's possessive before the edge word
        "Soldiers were seen near Zorvan, on patrol along the Dnipro river bank.",
    ],
)
def test_a_building_or_an_edge_makes_no_place_of_what_is_none(extract, text):
    names = {m.name for m in extract(text)}
    assert not names & {"Omar", "Zorvan"}, names


def test_a_province_called_a_division_stays_a_place(extract):
    assert "Dhaka" in " ".join(_texts(extract("Floods cut roads across Dhaka Division.")))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # on the coast of a place the text names: no one but a place lies there
        ("Drones struck a patrol boat near Chornomorske, on Crimea's western coast.",
         "Chornomorske"),
        # a building named after the town it stands in
        ("Armed gang members attacked the civil prison of Mirebalais on Wednesday.",
         "Mirebalais"),
    ],
)  # fmt: skip
def test_a_town_the_words_place_is_found_whatever_the_model_calls_it(extract, text, name):
    assert name in {m.name for m in extract(text)}


@pytest.mark.parametrize("name", ["Black Sea", "Niger"])
def test_a_name_ending_a_headline_does_not_take_the_blank_line_after_it(extract, name):
    text = f"Navy downs drones over {name}\n\nODESA, Ukraine — A missile struck the port."
    (mention,) = [m for m in extract(text) if m.name.strip() == name]
    assert mention.text == name == mention.name
    assert text[mention.start : mention.end] == name


@pytest.mark.parametrize(
    "text",
    [
        "Police fired tear gas at the crowd on Monday.",
        "Tbilisi, Georgia — Police fired tear gas at the crowd on Monday.",
        "TBILISI, Georgia — Police fired tear gas at the crowd on Monday.",
        # a dateline with its date and its agency
        "DHAKA, Nov 22 (Wire) - Police fired tear gas at the crowd on Monday.",
        "COX'S BAZAR, Bangladesh, Nov 22 (Wire) - Police fired tear gas at the crowd.",
    ],
)
def test_the_first_word_of_a_story_is_no_small_town(extract, text):
    # Police is a small Polish town: opening the story, the word is capitalised anyway.
    assert "Police" not in _texts(extract(text))


@pytest.mark.parametrize(
    ("text", "town", "named"),
    [
        ("The army said it had deployed reinforcements to Gao and Timbuktu.", "Gao", True),
        ("Heavy fighting raged between Kupiansk and Izium.", "Kupiansk", True),
        # No place preposition opens the pair: a person and a city.
        ("Wagner and Moscow fell out last year.", "Wagner", False),
        # Two people joined stay people: neither is a place found.
        ("Senators Lincoln and Kerry met the envoy on Monday.", "Kerry", False),
    ],
)
def test_a_town_the_model_calls_a_person_or_firm_beside_a_place_is_a_place(
    extract, text, town, named
):
    assert (town in _texts(extract(text))) is named


@pytest.mark.parametrize(
    "text",
    ["Talks between Putin and Ukraine stalled again.", "Fighting between Putin and Kyiv went on."],
)
def test_a_person_in_a_place_position_is_no_place_by_a_look_alike_spelling(extract, text):
    # "Putin" spelled like Putian, a Chinese city: only a name as written could make it one.
    assert "Putin" not in _texts(extract(text))


def test_a_compass_word_in_a_known_name_is_kept(extract):
    assert "Western Province" in _texts(extract("Fighting spread to Western Province on Friday."))


@pytest.mark.parametrize(
    ("text", "place", "kind"),
    [
        ("The Syrian Observatory for Human Rights counted the dead.", "Syrian", "demonym"),
        ("Air France KLM cancelled its evening flights.", "France", "toponym"),
        ("The court told the Cauvery Management Board to meet.", "Cauvery", "toponym"),
        ("The Black Sea Fleet sailed at dawn.", "Black Sea", "toponym"),
        ("The board fined him one million US dollars.", "US", "toponym"),
        ("The deal was worth two billion Canadian dollars.", "Canadian", "demonym"),
    ],
)
def test_places_named_inside_an_organisation(extract, text, place, kind):
    found = {m.text: m.kind.value for m in extract(text)}
    assert found.get(place) == kind


@pytest.mark.parametrize(
    "text", ["Al Mayadeen TV reported the strike.", "BA Cityflyer cancelled its flights."]
)
def test_small_towns_and_stray_codes_inside_organisations_stay_names(extract, text):
    assert extract(text) == []


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("The route includes stops in Hilversum and Almelo, the paper said.", "Almelo"),
        ("The closure will affect people travelling to Cirencester this week.", "Cirencester"),
        ("Flights were diverted to Misrata, about 200 km east of Tripoli.", "Misrata"),
    ],
)
def test_a_town_the_model_calls_a_person_in_a_list_or_after_travel_is_a_place(extract, text, place):
    assert place in _texts(extract(text))


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Residents in Clacton were told to stay indoors.", "Clacton"),
        ("The couple later moved from Dewsbury to a farm.", "Dewsbury"),
    ],
)
def test_a_town_the_model_calls_an_organisation_after_a_place_word_is_a_place(extract, text, place):
    assert place in _texts(extract(text))


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Officers from the Boise Police Department closed the street.", "Boise"),
        ("A spokesman for the Tulsa Fire Department confirmed the blaze.", "Tulsa"),
    ],
)
def test_a_town_leading_the_name_of_its_public_service_is_a_place(extract, text, place):
    assert _texts(extract(text)) == [place]


@pytest.mark.parametrize(
    "text",
    [
        "Deputies from the Walker County Sheriff's Office searched the woods.",
        "The Clacton Pier Company reopened the arcade.",
    ],
)
def test_only_a_public_service_makes_a_town_out_of_a_name_start(extract, text):
    texts = _texts(extract(text))
    assert "Walker" not in texts and "Clacton" not in texts


def test_a_two_word_town_the_model_calls_a_person_after_in_is_a_place(extract):
    assert "Klamath Falls" in _texts(extract("In Klamath Falls, users are billed by the hour."))
    assert _texts(extract("The letter came from John Smith yesterday.")) == []


def test_a_long_town_name_retaken_or_overrun_is_a_place_though_the_model_says_person(
    extract,
):
    # no one is retaken or overrun; people are captured, and stay people
    assert "Mocímboa da Praia" in _texts(extract("In 2021 the army retook Mocímboa da Praia."))
    assert "Mocímboa da Praia" in _texts(extract("Insurgents overran Mocímboa da Praia."))
    assert _texts(extract("Police recaptured John Smith on Monday.")) == []


def test_people_spoken_to_stay_people(extract):
    assert extract("She spoke to Norwich about the deal.") == []


def test_a_town_after_an_institution_and_a_comma_is_where_it_is(extract):
    text = "He teaches at the Federal University of Technology, Owerri."
    assert "Owerri" in _texts(extract(text))


def test_a_province_code_counts_where_the_article_names_its_country(nlp, gazetteer):
    extractor = MentionExtractor(gazetteer, demonym_table())
    text = "Australian officials said NSW would reopen its borders."
    doc = nlp(text)
    assert "NSW" in _texts(extractor.extract(doc))
    assert doc.to_bytes()  # what the extractor keeps on the doc still serialises
    alone = "Officials said NSW would reopen its borders."
    assert "NSW" not in _texts(extractor.extract(nlp(alone)))
    assert "OK" not in _texts(extractor.extract(nlp("American vets said it was OK.")))


@pytest.mark.parametrize(
    ("text", "word", "country"),
    [
        ("The tower was drawn by the noted Slovak architect Peter Novak.", "Slovak", "SK"),
        ("MPs amended Article 5 of the Ukrainian Law on Procurement.", "Ukrainian", "UA"),
        ("Delegates met at the Kenya-Ukrainian Business Forum in Nairobi.", "Ukrainian", "UA"),
    ],
)
def test_national_adjectives_inside_other_names_are_demonyms(extract, text, word, country):
    found = {m.text: m for m in extract(text)}
    assert found[word].kind is MentionKind.DEMONYM
    assert found[word].demonym_country == country


def test_words_glued_to_a_place_in_a_name_finish_that_name(extract):
    found = _texts(extract("The Niger Delta Development Commission paid the contractors."))
    assert "Niger" in found
    assert "Delta" not in found


@pytest.fixture(scope="module")
def extract_regional(nlp, gazetteer):
    extractor = MentionExtractor(gazetteer, demonym_table(), regional_adjective_table())
    return lambda text: extractor.extract(nlp(text))


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("The European Investment Bank signed the loan on Friday.", "Europe"),
        ("Ministers praised the Central American trade pact.", "Central America"),
    ],
)
def test_regional_adjectives_name_their_region(extract_regional, text, region):
    found = [m for m in extract_regional(text) if m.name == region]
    assert found and found[0].kind is MentionKind.DEMONYM


@pytest.mark.parametrize(
    "text",
    [
        "A volcano on the Indonesian island of Java erupted.",
        "The quake struck central Java, Indonesia, at dawn.",
        "Rice fields on Java were flooded.",
    ],
)
def test_the_text_can_say_a_name_is_a_place_the_model_calls_a_person(extract, text):
    assert "Java" in _texts(extract(text))


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("7/8 April: Brands Hatch Indy, Kent. 28/29 April: Oulton Park.", "Kent"),
    ],
)
def test_a_province_closing_a_site_s_name_is_a_place(extract, text, place):
    assert place in _texts(extract(text))


def test_a_person_before_a_country_that_holds_no_namesake_stays_a_person(extract):
    assert _texts(extract("John Paris, France's coach, spoke first.")) == ["France"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Trinidad and Tobago beat Panama on Friday.", "Trinidad and Tobago"),
        ("Flights to Antigua and Barbuda resumed.", "Antigua and Barbuda"),
        ("Storms hit Turks and Caicos overnight.", "Turks and Caicos"),
        # "the" opens the second name, and the gazetteer spells out "Saint"
        ("The leaders met in St Vincent and the Grenadines.", "St Vincent and the Grenadines"),
        ("Flights to St. Kitts and Nevis resumed.", "St. Kitts and Nevis"),
    ],
)
def test_a_country_whose_name_joins_two_names_is_one_mention(extract, text, name):
    assert name in _texts(extract(text))


def test_a_town_the_model_cuts_in_two_entities_is_one_mention(extract):
    assert _texts(extract("Thousands are living in Boa Vista, the state capital.")) == ["Boa Vista"]


def test_two_places_joined_by_and_stay_two(extract):
    assert _texts(extract("Trade between Syria and Iraq fell.")) == ["Syria", "Iraq"]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("He was embedded with US forces in Manbij near the border.", "Manbij"),  # DATE
        ("They were captured in Chattanooga, police said.", "Chattanooga"),  # PRODUCT
    ],
)
def test_a_town_the_model_calls_a_date_or_product_after_in_is_a_place(extract, text, place):
    assert place in _texts(extract(text))


@pytest.mark.parametrize(
    "text", ["The market opens in March.", "She drove a Hyundai Tucson to work on Monday."]
)
def test_months_and_products_stay_what_they_are(extract, text):
    assert extract(text) == []


def test_a_known_place_the_model_tags_as_a_place_once_is_that_place_throughout(extract):
    text = "Rebels in Douma held out for weeks. Douma's fall would end the siege."
    assert _texts(extract(text)) == ["Douma", "Douma"]


def test_an_unknown_name_tagged_as_a_place_once_does_not_spread(extract):
    text = "Fighting raged in Varnok on Monday. Varnok said the talks had failed."
    assert _texts(extract(text)) == ["Varnok"]  # the second is the firm or the person


def test_an_unknown_name_after_of_is_no_place(extract):
    assert extract("Doctors reported new cases of Ebola in the north.") == []
    assert _texts(extract("Fighting raged in Varnok on Monday.")) == ["Varnok"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a postal code closing a firm's name is part of the firm
        ("Investors can reach Dimond Kaplan & Rothstein, P.A. by phone.", []),
        # after a town it is the state, whatever the model tagged
        ("He moved to Austin, TX, then to San Antonio, TX.", ["Austin", "TX", "San Antonio", "TX"]),
        # a name whose abbreviated part follows a comma is one place
        ("The bill passed in Washington, D.C., on Friday.", ["Washington, D.C."]),
    ],
)
def test_abbreviations_after_a_comma(extract, text, expected):
    assert _texts(extract(text)) == expected


def test_a_province_s_long_form_the_model_calls_a_person_is_the_province(gazetteer, parse_tagged):
    extractor = MentionExtractor(gazetteer, demonym_table())
    # the small model sometimes tags such a name PERSON: the text still says place
    text = "Degrees were given to the Governor of Sokoto State and two judges."
    doc = parse_tagged(text, "Sokoto", "PERSON", words=2)
    assert [m.text for m in extractor.extract(doc)] == ["Sokoto State"]
    doc = parse_tagged(
        "Degrees were given to Stanley Baker and two judges.", "Stanley", "PERSON", 2
    )
    assert extractor.extract(doc) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Gunmen struck a checkpoint close to the border with Chad on Sunday.", "Chad"),
        ("Clashes broke out along the frontier with Jordan overnight.", "Jordan"),
        ("Aid deliveries to Georgia resumed on Monday, officials said.", "Georgia"),
        ("Attacks rose in Niger, Chad and Benin last year.", "Chad"),
        # no person's things are "its"
        ("Jordan closed its airspace for three hours on Wednesday.", "Jordan"),
        ("Chad reopened its border with Sudan on Monday.", "Chad"),
    ],
)
def test_a_country_the_model_calls_a_person_where_places_stand_is_a_place(
    gazetteer, parse_tagged, text, name
):
    """After "border with", "to" or in a list, a country's name is the country."""
    extractor = MentionExtractor(gazetteer, demonym_table())
    doc = parse_tagged(text, name, "PERSON")
    assert name in _texts(extractor.extract(doc))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Jordan said he would return to the capital on Sunday.", "Jordan"),
        ("Chad, 52, was born in a small village.", "Chad"),
        ("The coach spoke to Norwich about the deal.", "Norwich"),
        ("She handed the ball to Jordan, who scored.", "Jordan"),
        ("Jordan closed his eyes for a moment.", "Jordan"),
    ],
)
def test_a_person_named_like_a_country_stays_a_person_outside_place_positions(
    gazetteer, parse_tagged, text, name
):
    extractor = MentionExtractor(gazetteer, demonym_table())
    doc = parse_tagged(text, name, "PERSON")
    assert name not in _texts(extractor.extract(doc))


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        # a rocket hits no person by name: a town the model calls one is the town
        ("Hezbollah rockets hit Kiryat Shmona on Tuesday.", "Kiryat Shmona", "PERSON"),
        # the weapon is the subject of the verb the strike is joined to
        ("Rockets fired from Lebanon hit Kiryat Shmona.", "Kiryat Shmona", "PERSON"),
        # a town's name the model reads as a title, where places stand
        ("Insurgents attacked Mocimboa da Praia on Tuesday.", "Mocimboa da Praia", "WORK_OF_ART"),
    ],
)
def test_a_town_the_model_misreads_where_places_stand_is_a_place(
    gazetteer, parse_tagged, text, name, label
):
    extractor = MentionExtractor(gazetteer, demonym_table())
    doc = parse_tagged(text, name.split()[0], label, words=len(name.split()))
    assert name in _texts(extractor.extract(doc))


def test_a_person_struck_by_a_word_is_still_a_person(gazetteer, parse_tagged):
    extractor = MentionExtractor(gazetteer, demonym_table())
    doc = parse_tagged("The scandal hit John Smith on Tuesday.", "John", "PERSON", words=2)
    assert "John Smith" not in _texts(extractor.extract(doc))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # alone, "Philadelphi" is no entry's name: the noun finishes it
        ("Troops pulled back from the Philadelphi corridor on Tuesday.", "Philadelphi corridor"),
        # "Gaza" alone is a town and two provinces: the noun names another area
        ("Aid convoys entered the Gaza strip at dawn.", "Gaza strip"),
        # the noun only says what a known place is
        ("Passengers were stuck at Heathrow airport for hours.", "Heathrow"),
        ("She spoke at a rally in Cork city on Sunday.", "Cork"),
    ],
)
def test_a_lower_case_noun_finishes_a_name_only_where_it_makes_another_place(
    extract, text, expected
):
    assert expected in _texts(extract(text))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # the model tags the capitals as nothing, or as a person
        ("TBILISI — Crowds marched along the avenue on Sunday evening.", "TBILISI"),
        ("KHARTOUM — Fighting raged across the city overnight.", "KHARTOUM"),
        ("Headline of the day\n\nGOMA — Rebels shelled the airport road.", "GOMA"),
        # a live blog's entry, its time stamp first
        ("Live updates\n\n**08:12** GOMA — Rebels entered the city overnight.", "GOMA"),
        ("Live updates\n\n- 14:05 GMT KHARTOUM — Fighting raged overnight.", "KHARTOUM"),
    ],
)
def test_a_town_in_capitals_before_a_datelines_dash_is_a_place(extract, text, name):
    assert name in _texts(extract(text))


@pytest.mark.parametrize(
    "text",
    [
        # a word in capitals before a dash that is no town of standing
        "BREAKING — Crowds marched along the avenue on Sunday evening.",
        # nor a town's name in capitals inside a line
        "Crowds chanted TBILISI — and marched on.",
    ],
)
def test_capitals_that_are_no_dateline_town_name_no_place(extract, text):
    assert _texts(extract(text)) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the model calls the city a person: the fall of a town of standing is its own
        ("After the fall of Goma, thousands fled across the border.", ["Goma"]),
        # and so is a town of standing taken
        ("The rebels took Goma at the end of January.", ["Goma"]),
        # someone taken somewhere is no town taken
        ("Police took Smith to court on Monday.", []),
        # regimes fall and fugitives are caught: a person's fall names no place
        ("The fall of Assad shocked the region.", []),
        ("The capture of Guzman was a coup for the police.", []),
        # not even when a town abroad bears the name, or the name is another's
        ("Since the fall of Morsi, hundreds have been jailed.", []),
        ("The capture of Maduro was announced by officials.", []),
    ],
)
def test_the_fall_or_capture_of_a_town_of_standing_names_it(extract, text, expected):
    assert _texts(extract(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the model calls the town a person; the apposition says it is a capital
        ("Goma, the capital of North Kivu, was taken by the rebels.", ["Goma", "North Kivu"]),
        ("Goma, provincial capital of North Kivu, fell on Sunday.", ["Goma", "North Kivu"]),
    ],
)
def test_a_name_set_off_as_the_capital_of_a_place_is_a_town(extract, text, expected):
    assert _texts(extract(text)) == expected


def test_a_dash_inside_a_sentence_is_no_dateline(extract):
    assert "Babanusa" in _texts(extract("Fighting spread in Sudan — Babanusa fell on Monday."))


def test_a_name_the_text_puts_in_a_known_place_is_a_place(extract):
    # The model tags "Adhaim" as nothing here, and no gazetteer holds it.
    text = "A bomber targeted a checkpoint in Adhaim in northern Iraq on Sunday."
    assert "Adhaim" in _texts(extract(text))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # the model calls each of these names a firm or a person
        ("Two farmers were shot dead at Kelambur in Villupuram district.", "Kelambur"),
        ("Gunmen killed a teacher at Tarkundi, in Kaduna state, on Monday.", "Tarkundi"),
        ("A car bomb exploded in Mohassan in the eastern province of Deir Ezzor.", "Mohassan"),
        ("Troops clashed with rebels at Bandarkot in Kailali district.", "Bandarkot"),
    ],
)
def test_a_name_the_model_misreads_is_a_place_where_the_text_puts_it_in_an_area(
    extract, text, name
):
    assert name in _texts(extract(text))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The engineer works at Microsoft in northern California.", "Microsoft"),
        ("He met the founders at Amazon in Seattle.", "Amazon"),
        ("A bomb went off near the Health Ministry in Karrada district.", "Health Ministry"),
        ("An aid worker at Oxfam in Ituri province was abducted.", "Oxfam"),
        ("Russian forces shelled villages in March in Kherson oblast.", "March"),
        ("Gunmen attacked a convoy at Easter in Borno state.", "Easter"),
    ],
)
def test_a_firm_in_a_town_stays_a_firm(extract, text, name):
    assert not any(name in t for t in _texts(extract(text)))


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("Jets struck Houthi sites near Hodeidah overnight.", "Houthi"),
        ("Fano militiamen clashed with federal troops near Gondar.", "Fano"),
        ("Fighting between the army and Fano spread across the region.", "Fano"),
        ("Israeli jets struck Hezbollah positions near Tyre.", "Hezbollah"),
        ("Fighters of the Islamic State West Africa Province attacked Gwoza.", "Province"),
        # Abu is a town in India
        ("Police arrested a suspected Abu Sayyaf member in the town of Sumisip.", "Abu"),
    ],
)
def test_an_armed_movement_is_no_place(extract, text, group):
    assert not any(group in t for t in _texts(extract(text)))


def test_a_speaker_after_a_city_and_a_comma_is_no_name_of_the_city(extract):
    text = "Shells hit a camp north of the city, Doctors Without Borders said."
    assert not any("Doctors" in t for t in _texts(extract(text)))


@pytest.mark.parametrize(
    "text",
    [
        "Sirens sounded in Sderot and Ashkelon as rockets flew over.",
        "Sirens sounded in Sderot, Ashkelon and Netivot as rockets flew over.",
    ],
)
def test_towns_the_model_reads_as_one_firm_are_towns(extract, text):
    assert {"Sderot", "Ashkelon"} <= set(_texts(extract(text)))


def test_a_list_the_model_reads_as_one_firm_is_no_firm_with_a_place_in_its_name(extract):
    text = "Protests over the budget spread to Mombasa, Kisumu and Eldoret on Tuesday."
    found = {m.text: m for m in extract(text)}
    assert {"Mombasa", "Kisumu", "Eldoret"} <= set(found)
    assert found["Kisumu"].label != IN_A_NAME_LABEL  # so events may happen there


def test_a_date_run_on_past_a_datelines_dash_leaves_the_first_name_a_place(extract):
    text = "BEIRUT, May 3 - Jordan, Iraq and Syria shut their borders on Friday."
    assert {"Jordan", "Iraq", "Syria"} <= set(_texts(extract(text)))


@pytest.mark.parametrize(
    ("text", "country"),
    [
        (
            "Flights were halted for hours. Jordan's air force shot down several drones "
            "that crossed its airspace, a security source said.",
            "Jordan",
        ),
        ("Officials said the drones were intercepted. Chad's army said it had won.", "Chad"),
        ("Markets fell sharply. Jordan's government said it would reopen the crossing.", "Jordan"),
    ],
)
def test_a_country_the_model_reads_as_a_person_owns_its_organs_of_state(extract, text, country):
    assert country in _texts(extract(text))


def test_a_person_with_a_country_name_keeps_a_fan_army(extract):
    assert "Jordan" not in _texts(extract("Crowds cheered as Michael Jordan's army of fans sang."))


def test_an_island_group_after_near_the_is_a_place_whatever_the_model_calls_it(extract):
    text = "A Chinese patrol vessel seized a Vietnamese trawler near the Paracels."
    assert any("Paracels" in t for t in _texts(extract(text)))


def test_a_month_is_never_a_place_however_it_is_framed(extract):
    text = "The army recaptured Wad Madani in January, a city it had lost in December."
    names = _texts(extract(text))
    assert "January" not in names and "December" not in names


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Sea drones damaged the flagship cruiser Moskva off the coast.", "Moskva"),
        ("Gunmen boarded the tanker Marseille in the Gulf of Guinea.", "Marseille"),
        ("Jets struck camps of Tehreek-e-Taliban Pakistan on Monday.", "Pakistan"),
        # a ship's name of several words
        ("The cruise ship Queen of Bergen was detained in Southampton.", "Bergen"),
        ("The tanker Pacific Jeddah reported an explosion near Aden.", "Jeddah"),
    ],
)
def test_a_ship_or_a_group_named_after_a_place_is_a_place_inside_a_name(extract, text, name):
    (mention,) = [m for m in extract(text) if m.name == name]
    assert mention.label == IN_A_NAME_LABEL


@pytest.mark.parametrize(
    "text",
    [
        "A tanker near Jeddah was hit by a drone.",
        "The ship sailed from Odesa to Istanbul.",
        "A ship of Bergen was detained.",
    ],
)
def test_a_place_near_a_ship_word_is_no_ship_s_name(extract, text):
    assert all(m.label != IN_A_NAME_LABEL for m in extract(text))


@pytest.mark.parametrize(
    ("text", "name", "person"),
    [
        # an age names a person
        ("The 24-year-old Mendoza and two other guards were detained.", "Mendoza", True),
        # not a name that qualifies the noun after it
        ("A 62-year-old Dover, Del. woman was arrested on Monday.", "Dover", False),
        ("A 300-year-old Damascus mosque was damaged.", "Damascus", False),
        ("A 25-year-old Kyiv-based journalist was killed.", "Kyiv", False),
    ],
)  # fmt: skip
def test_a_name_after_an_age_is_a_person(nlp, text, name, person):
    doc = nlp(text)
    (token,) = [t for t in doc if t.text == name]
    assert after_title(doc[token.i : token.i + 1]) is person


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("A 62-year-old Dover, Del. woman was arrested on Monday.", "Dover"),
        ("A 300-year-old Damascus mosque was damaged.", "Damascus"),
        ("A 25-year-old Kyiv-based journalist was killed.", "Kyiv"),
    ],
)
def test_a_place_after_an_age_that_qualifies_a_noun_is_still_found(extract, text, name):
    assert any(m.name == name for m in extract(text))


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # an end of standing of a route whose ends the model tags as nothing
        ("Rebels ambushed a military column on the Monywa-Pale road on Monday.",
         ["Monywa"]),
        # not an end the model reads as a group
        ("Fighting flared along the Hamas-Zorvan line.", []),
    ],
)  # fmt: skip
def test_a_town_of_standing_ends_a_route_no_end_of_which_was_found(extract, text, names):
    assert [m.name for m in extract(text)] == names


def test_a_town_in_a_list_the_model_took_for_one_title_is_a_place(extract):
    text = "Fighting has erupted around Hsipaw and Kyaukme, where troops launched an offensive."
    assert "Kyaukme" in [m.name for m in extract(text)]


def test_a_province_the_model_reads_as_a_person_owns_its_exclave(extract):
    assert "Nakhchivan" in _texts(extract("Azerbaijan wants a road to its Nakhchivan exclave."))


@pytest.mark.parametrize(
    "text",
    [
        "The armies exchanged fire across the Line of Control near Kotli.",
        "Shelling hit villages along the Line of Control on Sunday.",
        "India and Pakistan trade fire across Line of Control; Pakistan closes airspace",
    ],
)
def test_a_name_that_opens_a_longer_name_is_no_place_of_its_own(extract, text):
    # "Line" is a Kiribati island group; "the Line of Control" is no Line
    assert "Line" not in _texts(extract(text))


def test_a_name_measured_from_is_a_place_whatever_the_model_calls_it(extract):
    # the model reads "Khor Fakkan" as a person; no one is measured from a person
    text = "The tanker was boarded about 20 nautical miles east of Khor Fakkan on Friday."
    assert any("Khor Fakkan" in t for t in _texts(extract(text)))


def test_a_person_who_is_a_member_of_a_place_is_no_place(extract):
    text = '"They are razing the camp," said Omar Haddad, a member of the camp\'s committee.'
    assert not any("Haddad" in t for t in _texts(extract(text)))


def test_a_persons_residence_measured_from_makes_no_place_of_the_person(extract):
    text = "A drone fell 3 km east of Jack Smith's farm."
    assert not any("Smith" in t for t in _texts(extract(text)))


def test_a_place_that_names_a_gang_is_a_place_inside_a_name(extract):
    from geo.types import IN_A_NAME_LABEL

    found = extract("Rival factions of the Sinaloa cartel clashed in Culiacan.")
    (sinaloa,) = [m for m in found if m.text == "Sinaloa"]
    assert sinaloa.label == IN_A_NAME_LABEL


def test_two_places_run_together_across_a_preposition_are_two(extract):
    # the model tags "Tuapse on the Black Sea" as one organisation
    text = "Drones struck the oil terminal at Tuapse on the Black Sea coast overnight."
    assert "Tuapse" in [m.text for m in extract(text)]


@pytest.mark.parametrize(
    ("text", "whole", "piece"),
    [
        # the model tags "Port" and "Spain" as two places
        ("Police arrested smugglers in Port of Spain on Monday.", "Port of Spain", "Spain"),
        ("Ships docked at Port of Spain, Trinidad.", "Port of Spain", "Spain"),
    ],
)
def test_a_place_the_model_cut_at_of_is_joined_into_its_name(extract, text, whole, piece):
    found = [m.text for m in extract(text)]
    assert whole in found and piece not in found, found


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("The Bank of England raised rates.", "England"),
        ("He studied at the University of Texas.", "Texas"),
    ],
)
def test_an_institution_of_a_place_is_no_place_joined_at_of(extract, text, place):
    assert place in [m.text for m in extract(text)]


def test_an_organisation_named_with_a_preposition_stays_whole(extract):
    text = "The Council on Foreign Relations met on Monday."
    assert "Foreign Relations" not in [m.text for m in extract(text)]


def test_a_name_the_model_calls_a_product_is_a_place_where_places_stand(extract):
    # the model tags "Manbij" as a product here
    text = "After weeks of fighting, the militia continue their advance on Manbij."
    assert "Manbij" in [m.text for m in extract(text)]


def test_a_language_in_a_place_position_stays_a_language(extract):
    text = "The statement was published in English and in Arabic."
    assert not extract(text)


@pytest.mark.parametrize(
    ("text", "name", "inside"),
    [
        # an organisation led by a place is no event's site and no mark of its own
        ("The New York Times reported that drones struck Kharkiv.", "New York", True),
        ("Jets struck members of the Kurdistan Workers Party (PKK) in Syria.", "Kurdistan", True),
        # a site named after its town is in that town
        ("Troops patrolled the fences of Karachi Central Jail on Friday.", "Karachi", False),
    ],
)
def test_a_place_leading_an_organisations_name_is_inside_a_name(pipeline, text, name, inside):
    doc = pipeline.nlp(text)
    (mention,) = [r.mention for r in pipeline.locate(doc) if r.mention.text == name]
    assert (mention.label == "IN_A_NAME") is inside


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a route's hyphenated name no entry bears whole joins two towns
        ("A bomb exploded on the Buea-Limbe road.", ["Buea", "Limbe"]),
        ("Gunmen ambushed a bus on the Kumbo-Bamenda highway.", ["Kumbo", "Bamenda"]),
    ],
)
def test_a_route_between_two_towns_names_both(extract, text, expected):
    assert _texts(extract(text)) == expected


def test_a_hyphenated_town_before_a_road_stays_one_town(extract):
    # "Croix-des-Bouquets" is a town the gazetteer holds whole
    assert "Croix-des-Bouquets" in _texts(extract("Gangs blocked the Croix-des-Bouquets road."))


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # a group joined to a country by a hyphen is no town at a route's end
        ("Fighting flared along the Hamas-Israel line.", "Hamas"),
    ],
)
def test_a_route_end_that_names_a_group_is_no_town(extract, text, absent):
    assert absent not in _texts(extract(text))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # "off" a town is at sea by it: the model reads these towns as people
        ("The navy arrested 11 fishermen off Jaffna.", "off Jaffna"),
        ("Pirates hijacked a dhow off Eyl.", "off Eyl"),
    ],
)
def test_a_town_after_off_is_a_place(extract, text, name):
    assert name in _texts(extract(text))


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("The army sent troops to Goma on Monday.", True),
        # a letter sent to someone
        ("She sent a letter to Clinton on Monday.", False),
    ],
)
def test_where_forces_are_sent_is_a_place_the_model_misread(gazetteer, parse_tagged, text, place):
    extractor = MentionExtractor(gazetteer, demonym_table())
    name = "Goma" if "Goma" in text else "Clinton"
    doc = parse_tagged(text, name, "PERSON")
    assert (name in _texts(extractor.extract(doc))) is place


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # the model tags it an organisation; only its transliteration is in the gazetteer
        ("A ship was attacked off Hodeidah.", "Hodeidah"),
        # the model tags it a person; "nearby" stands between "in" and the name
        ("The rebels fired mortars at houses in nearby Morales, the army said.", "Morales"),
    ],
)
def test_a_name_the_model_misreads_in_a_places_position_is_a_place(extract, text, name):
    assert any(m.name == name for m in extract(text)), _texts(extract(text))


def test_a_person_after_nearby_but_no_place_word_stays_a_person(extract):
    assert not any(m.name == "Morales" for m in extract("Nearby Morales smiled for the camera."))


@pytest.mark.parametrize(
    ("text", "nickname"),
    [
        ('Ismael "El Mayo" Zambada was arrested in El Paso in 2024.', "Mayo"),
        ("Police said Dorvan “Kerry” Malone was detained in Leeds.", "Kerry"),
    ],
)
def test_a_quoted_nickname_between_first_name_and_surname_is_no_place(extract, text, nickname):
    found = _texts(extract(text))
    assert nickname not in found and any(n in found for n in ("El Paso", "Leeds")), found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The coast guard seized drugs near Saint Martin's Island on Friday.", "Saint Martin"),
        ("The crash occurred near Bradley's Head in the harbour.", "Bradley"),
    ],
)
def test_a_name_a_feature_is_called_after_is_not_the_place_of_that_name(extract, text, name):
    found = {m.name: m for m in extract(text)}
    assert name not in found and f"{name}'s" in " ".join(found), found


def test_a_possessive_before_another_name_still_says_whose_it_is(extract):
    found = _texts(extract("Russian drones attacked Ukraine's Snake Island on Monday."))
    assert {"Ukraine", "Snake Island"} <= set(found)


def test_a_name_set_by_a_bearing_from_a_place_is_a_place(extract):
    # the model reads "Abu Zabad" as a person; no one is "west of El Obeid" but a place
    assert "Abu Zabad" in _texts(extract("Fighters seized Abu Zabad, west of El Obeid."))
    # wherever the name stands: the model reads "Bara" as a person, and "retook" as a noun
    assert "Bara" in _texts(extract("The army retook Bara, north of El Obeid, on Sunday."))
    assert "John Smith" not in _texts(extract("The minister met John Smith, north of the capital."))


def test_a_known_place_after_towards_is_a_place_whatever_the_model_tagged(extract):
    """The model tags "Eilat" an organisation here; "towards" sets a place, as "at" does."""
    assert "Eilat" in _texts(extract("The Houthis launched a drone towards Eilat."))


@pytest.mark.parametrize(
    ("text", "outlet_word"),
    [
        # a wire service named after a town is no place the story names
        ("KYIV, Nov 20 (Meridian Press) - Russian drones struck Kharkiv overnight.", "Meridian"),
    ],
)
def test_a_news_outlet_named_after_a_town_is_no_place(extract, text, outlet_word):
    texts = _texts(extract(text))
    assert outlet_word not in texts
    assert "Kharkiv" in texts


@pytest.mark.parametrize(
    ("text", "town"),
    [
        # an outlet word that goes on into a longer name, or a headline's capitals
        ("Drone Strike Hits Sumy Post Office", "Sumy"),
        ("Israeli Tanks In Rafah Press Deeper Into City", "Rafah"),
        # a headline's last word, with nothing after it to go on with
        ("Russian Drones Hit Odesa Daily", "Odesa"),
    ],
)
def test_a_town_before_a_word_that_only_may_name_an_outlet_stays(extract, text, town):
    assert town in _texts(extract(text))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a name no source holds, which the model tags a place or nothing
        ("Shelling was reported around Kibumba, some 20 km north of Goma.", "Kibumba"),
        ("Clashes went on near Zorvanek, 12 km east of Bakhmut, on Friday.", "Zorvanek"),
        # what an army takes control of, set on a shore
        ("Government troops retook control of Minova, on the southern shore of Lake Kivu, "
         "on Friday.", "Minova"),
    ],
)  # fmt: skip
def test_an_unknown_name_set_by_a_bearing_or_a_shore_in_a_place_s_position_is_a_place(
    extract, text, name
):
    assert name in {m.name for m in extract(text)}


def test_what_someone_takes_control_of_is_no_place_without_a_cue(extract):
    assert "Twitter" not in _texts(extract("Investors took control of Twitter last year."))
    assert "Kherson" in _texts(extract("The army took control of Kherson."))


@pytest.mark.parametrize(
    "text",
    [
        "A cargo ship was sunk by drone boats off Hodeidah on Tuesday.",
        "Missiles hit a bulk carrier off Hodeidah on Monday.",
    ],
)
def test_a_port_known_by_its_transliteration_is_found_off_its_coast(extract, text):
    # no source spells it "Hodeidah": GeoNames has Al Hudaydah
    assert "Hodeidah" in {m.name for m in extract(text)}


def test_off_before_a_day_names_no_place(extract):
    assert not extract("The season kicked off Saturday with a win.")


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("US forces carried out an airstrike against al-Shabaab near Jilib.", "al-Shabaab"),
        ("The army launched an offensive against Boko Haram near Bama.", "Boko Haram"),
    ],
)
def test_an_armed_movement_a_strike_falls_on_is_no_place(extract, text, group):
    texts = _texts(extract(text))
    assert group not in texts and not any(group in t for t in texts)


def test_a_list_goes_on_after_a_place_written_with_its_kind(extract):
    # the model calls the town a firm; the range before "and" vouches for it
    for text in (
        "Drones struck targets in the Qandil mountains and Sinjar.",
        "Jets hit targets in the Qandil mountains and Sinjar.",
    ):
        assert "Sinjar" in _texts(extract(text))
    # after a comma the name says where the district lies, as before
    assert "Pattani" not in _texts(extract("Troops patrolled Kapho district, Pattani."))


@pytest.mark.parametrize(
    ("text", "town"),
    [
        # a town the model calls a person: a person has no downtown, nor is a
        # rural or a greater one
        ("One refugee was shot in the foot in downtown Calais.", "Calais"),
        # near it, written "close to"
        ("Troops destroyed 14 rebel bunkers close to Jaffna on Sept. 10.", "Jaffna"),
    ],
)
def test_a_town_in_a_place_only_a_town_has_is_a_place(extract, text, town):
    assert any(town in t for t in _texts(extract(text)))


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("A fire broke out in Boston, Mass., on Monday.", "Mass."),
        ("A fire broke out in Boston, Mass, on Monday.", "Mass"),
    ],
)
def test_a_state_cut_short_after_a_town_and_a_comma_is_the_state(extract, text, state):
    assert state in _texts(extract(text))


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("Explosions were heard at the chemical plant in Police, Poland.", "Police"),
        ("Police fired tear gas at protesters in Old Town, Maine, on Saturday.", "Old Town"),
    ],
)
def test_a_town_a_common_word_names_stays_a_place_with_its_country_after_it(
    extract, text, town
):
    assert town in _texts(extract(text))


@pytest.mark.parametrize(
    "text",
    [
        # (tester round 39) the model tags the day a number and the month nothing: the
        # month is no March in Cambridgeshire, nor a May anywhere
        "JUBA, 26 March - Fighting between the national army and the armed youths known "
        "as the Red Army spread along the river this week, aid workers said on Thursday.",
        "WAU, 4 March - Clashes between the army and the youth militia of the White Army "
        "spread along the river, officials said.",
    ],
)
def test_a_month_beside_its_day_is_no_town(extract, text):
    assert not {"March", "May"} & set(_texts(extract(text)))
