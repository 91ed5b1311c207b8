"""Names the wording marks as places, on sentences written for these tests."""

import pytest

from geo.extract import FRAMED_LABEL, MentionExtractor
from geo.place_frames import KIND_FRAME, POSITION_FRAME, SEIZED_FRAME, framed_names
from geo.sources import demonym_table


@pytest.fixture(scope="module")
def extract(nlp, gazetteer):
    extractor = MentionExtractor(gazetteer, demonym_table())

    def run(text):
        return [m.text for m in extractor.extract(nlp(text))]

    return run


@pytest.fixture(scope="module")
def frames(nlp):
    def run(text):
        return [(f.span.text, f.frame, f.kind_word) for f in framed_names(nlp(text))]

    return run


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # invented villages: the kind of place before or after says what they are
        (
            "Jets pounded the villages of Kafr Zelba, Tell Amrun and Beit Quwar overnight.",
            ["Kafr Zelba", "Tell Amrun", "Beit Quwar"],
        ),
        ("Two shells fell on the Harrab district on Friday.", ["Harrab"]),
        (
            "Warplanes struck the ports of Ras Qabir, Zubaydi and Hassal.",
            ["Ras Qabir", "Zubaydi", "Hassal"],
        ),
        ("The militia withdrew from the town of Deir al-Ghazal.", ["Deir al-Ghazal"]),
        ("Clashes erupted in the Marzouk and Zahrat Ali neighborhoods.", ["Marzouk", "Zahrat Ali"]),
        ("Rebels dug in on the Qarnat Mountains before dawn.", ["Qarnat Mountains"]),
        # a military site or a trouble spot introduces its name with "of" too
        ("Troops advanced toward the border outpost of Zorvanek.", ["Zorvanek"]),
        ("The assault targeted the missile base of Tal Qarna.", ["Tal Qarna"]),
        # a plural kind of place can introduce the list with a colon, "such as", "including"
        (
            "Gunmen raided four villages: Darsewo, Wunakoh, Dikajam and Tabongu.",
            ["Darsewo", "Wunakoh", "Dikajam", "Tabongu"],
        ),
        ("Floods cut off towns such as Marrowick and Pellund.", ["Marrowick", "Pellund"]),
        ("Mortars hit districts including Harrab and Qusaym.", ["Harrab", "Qusaym"]),
        # and "including" after a comma
        ("Strikes hit several villages, including Harrab and Qusaym.", ["Harrab", "Qusaym"]),
        ("Attacks occurred in villages like Tarvoli and Menapu.", ["Tarvoli", "Menapu"]),
        # a compass bearing is taken from a place, even one no gazetteer holds
        ("The man was captured northeast of Qarmuth on Sunday.", ["northeast of Qarmuth"]),
        # the Arabic article keeps a lower case inside a sentence
        ("Shells fell on the district of al-Ansuri overnight.", ["al-Ansuri"]),
        ("Jets struck the el-Qasrawi district.", ["el-Qasrawi"]),
    ],
)
def test_kind_frames_make_unknown_names_places(extract, text, expected):
    found = extract(text)
    for name in expected:
        assert name in found


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen raided four houses: Darsewo, the owner, was away.",
        "The villages were quiet: Darsewo said nobody left.",
        "Fighters of al-Qaeda attacked the base.",
        "The strike killed an al-Shabaab commander.",
        "Gunmen killed three residents including Darsewo.",
        "Gunmen killed three residents, including Darsewo.",
        "Ministers discussed areas such as Darsewo.",
        "Jets bombed several villages: Darsewo said twenty people died.",
        "The drone struck a car north of Darsewo positions.",
    ],
)
def test_no_list_or_article_without_a_kind_of_place_makes_a_place(extract, text):
    found = extract(text)
    assert not [m for m in found for name in ("Darsewo", "Qaeda", "Shabaab") if name in m]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russian missiles struck Kharkiv overnight.", "Kharkiv"),
        ("Shelling hit Zaporizhzhia.", "Zaporizhzhia"),
        ("Rebels shelled Goma and Bukavu.", "Bukavu"),
        ("Troops captured Jaffna in December.", "Jaffna"),
        ("Militants attacked Deir ez-Zor at dawn.", "Deir ez-Zor"),
        ("The army advanced in northeastern Aleppo.", "Aleppo"),
        ("Fighting continued in the southern countryside of Aleppo.", "Aleppo"),
        ("Troops entered Grozny after weeks of shelling.", "Grozny"),
        # a city the model reads as a person, where a strike fell
        ("A Russian strike on Kherson killed four people on Monday.", "Kherson"),
        # a capital the model misses, visited under one of its other spellings
        ("The envoy visited Naypyitaw on Tuesday and met the junta leader.", "Naypyitaw"),
    ],
)
def test_well_known_places_in_place_positions(extract, text, expected):
    assert expected in extract(text)


def test_a_small_town_in_a_place_position_is_a_place_when_the_model_calls_it_nothing_else(
    nlp, extract
):
    """The small model calls some small towns a nationality; the gazetteer knows them."""
    text = "A roadside bomb went off on a road in Jezzine, north of the border zone."
    assert nlp(text)[9].ent_type_ in ("", "NORP")  # what the rule is for
    assert "Jezzine" in extract(text)


def test_position_alone_does_not_make_an_unknown_name_a_place(frames, extract):
    text = "Gunmen attacked Zorvanek before dawn."
    assert ("Zorvanek", POSITION_FRAME, None) in frames(text)
    assert "Zorvanek" not in extract(text)


@pytest.mark.parametrize(
    "text",
    [
        # a title, or a personal role after the possessive: a person
        "The court heard General Kharkiv on Monday.",
        "Police questioned Bukavu's wife about the fire.",
    ],
)
def test_person_cues_veto_frames(frames, text):
    assert all(name not in text.split()[-3:] for name, _, _ in frames(text))
    assert not any(name in ("Kharkiv", "Bukavu") for name, _, _ in frames(text))


def test_national_and_religious_adjectives_are_not_framed_places(extract):
    found = extract("Shells hit Sunni districts of the Syrian city of Homs.")
    assert "Sunni" not in found
    assert "Syrian" in found and "Homs" in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A bomb exploded in the Shiite Zarvadiya district of the capital.", "Zarvadiya"),
        ("Mortars hit the mainly Sunni Qurmani neighbourhood on Sunday.", "Qurmani"),
        ("Drones struck the Christian Beit Halun district overnight.", "Beit Halun"),
    ],
)
def test_a_community_word_before_a_framed_name_describes_it(extract, text, expected):
    assert expected in extract(text)


@pytest.mark.parametrize(
    "text",
    [
        "Two men were killed in the largely Shiite province of the south.",
        "Fighters defended the Kurdish Region against the militants.",
        "Officials of the Palestinian Authority met in the capital of the region.",
    ],
)
def test_a_community_word_before_a_kind_word_leaves_no_name(extract, text):
    found = extract(text)
    assert not any(name in ("province", "Region", "Authority") for name in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The attack happened in a place called Tevira, near the border.", "Tevira"),
        ("Gunmen raided a village called Umm Darsa before dawn.", "Umm Darsa"),
        ("Shells fell on an area known as Kilo Sabaa on Monday.", "Kilo Sabaa"),
    ],
)
def test_a_kind_of_place_called_a_name_makes_it_a_place(extract, text, expected):
    assert expected in extract(text)


@pytest.mark.parametrize(
    "text",
    [
        "A man called Tevira was arrested on Monday.",
        "A group known as Ansar Dawla claimed the attack.",
    ],
)
def test_a_person_or_group_called_a_name_is_no_place(extract, text):
    assert extract(text) == []


def test_admin_word_joins_a_single_division(frames):
    found = frames("Drones struck Belgorod region and the Odesa and Mykolaiv regions.")
    assert ("Belgorod region", KIND_FRAME, None) in found
    assert ("Odesa", KIND_FRAME, "region") in found
    assert ("Mykolaiv", KIND_FRAME, "region") in found


def test_listed_division_is_looked_up_with_its_kind_word(nlp, gazetteer):
    extractor = MentionExtractor(gazetteer, demonym_table())
    mentions = extractor.extract(nlp("Drones struck the Odesa and Mykolaiv regions."))
    framed = {m.text: m for m in mentions if m.label == FRAMED_LABEL}
    assert framed["Mykolaiv"].name == "Mykolaiv region"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Government troops entered Zorvanek on Monday.", "Zorvanek"),
        ("Artillery shelled Umm Khirba for a third day.", "Umm Khirba"),
        ("Jets struck the Tabqir airbase at dawn.", "Tabqir"),
        ("Soldiers were posted at the Beit Zarun checkpoint.", "Beit Zarun"),
        # hit or struck by fire or a weapon, as a town is
        ("Russian shelling hit Umm Khirba on Monday.", "Umm Khirba"),
        ("Missiles struck Umm Khirba overnight.", "Umm Khirba"),
    ],
)
def test_seizing_verbs_and_site_nouns_make_unknown_names_places(extract, text, expected):
    assert expected in extract(text)


def test_what_a_scandal_hits_is_no_place_by_that_alone(extract):
    assert "Umm Khirba" not in extract("The scandal hit Umm Khirba hard.")


def test_a_full_persons_name_after_a_seizing_verb_is_a_person(extract):
    assert extract("Police captured Marvin Oduya after a long chase.") == []


def test_a_title_after_a_framed_village_opens_a_person_not_the_list(extract):
    # (tester round 37, F1) the governor who speaks is no second village
    found = extract("Debris damaged houses in the village of Zorvanek, Governor Andrei Kesov said.")
    assert not any("Kesov" in name for name in found), found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # apposition to a kind of place
        ("A bomb went off in the capital Zarvana on Sunday.", "Zarvana"),
        ("Protests grew in the country's second city, Velmora.", "Velmora"),
        # a passive subject of a verb of taking
        ("Zorvanek was captured by the rebels in May.", "Zorvanek"),
        # Arabic generic words that open place names
        ("Fighting raged around Kafr Zelba on Monday.", "Kafr Zelba"),
        # a title-like first word inside a place named as such
        ("Jets struck the town of Sheikh Zarab.", "Sheikh Zarab"),
        # names with glued apostrophes and hyphens
        ("The offensive moved into the Zar’aa Governorate.", "Zar’aa Governorate"),
    ],
)
def test_more_place_frames(extract, text, expected):
    assert any(expected in found for found in extract(text))


@pytest.mark.parametrize(
    "text",
    [
        "He served in the Sniper Platoon for two years.",
        "The Center of Excellence opened on Monday.",
        "Fans sang before the Champions League quarter-final.",
        "The money will help the SME sector grow.",
        # an acronym of five capitals, which a town bears only as another name
        "Two bombers entered the KADIZ on Thursday.",
        "The letter reached the Michael J. Dillon courthouse.",
        "Kemps, Lund and Setton Farms recalled their milk.",
    ],
)
def test_names_of_things_stay_out(extract, text):
    assert extract(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Soldiers searched Zorvanek, a remote village near the border.", "Zorvanek"),
        ("Aid reached Umm Tarfa, a fishing community on the lake.", "Umm Tarfa"),
        ("Snipers fired from rebel-held Zorvanek at dawn.", "Zorvanek"),
        ("Residents of Zorvanek fled the fighting.", "Zorvanek"),
        ("A car bomb exploded in the Zorvanek  district on Monday.", "Zorvanek"),
    ],
)
def test_appositions_held_places_and_residents(extract, text, expected):
    assert any(expected in found for found in extract(text))


def test_a_person_described_by_a_kind_of_place_stays_a_person(extract):
    assert "Prandel" not in extract("Prandel, a city official, said the road was closed.")


def test_a_long_list_with_a_place_is_a_list_of_places(extract):
    found = extract("Rebels attacked army positions at Homs, Zorvanek and Tal Qarna.")
    assert "Zorvanek" in found


def test_a_pair_is_not_enough(extract):
    assert "Zorvanek" not in extract("Gunmen attacked Kharkiv and Zorvanek on Monday.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Fighting raged in eastern Zorvanek overnight.", "Zorvanek"),
        ("In Serb-held Zorvanek, shops stayed shut.", "Zorvanek"),
        ("Five were killed in Zorvanek LGA on Sunday.", "Zorvanek"),
        ("Bombs hit the beach resorts of Zorvanek and Tal Qarna.", "Zorvanek"),
    ],
)
def test_strong_positions(extract, text, expected):
    assert any(expected in found for found in extract(text))


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen killed 12 villagers in the Zorvanek Local Government Area of Yobe State.",
        "Gunmen killed 12 villagers in Zorvanek Local Government Council on Monday.",
        "Bandits raided a market in Zorvanek local government in Kaduna State.",
        "Herdsmen attacked villages in Tal Qarna and Zorvanek local government areas.",
    ],
)
def test_a_local_government_area_is_the_name_before_its_words(extract, text):
    # Nigerian reporting names a district "X Local Government Area": X is the place
    found = extract(text)
    assert "Zorvanek" in found, found
    assert not any("Government" in name for name in found)


@pytest.mark.parametrize(
    ("text", "town"),
    [
        # a road runs between towns, whatever the model calls their names (tester
        # round 36, F7: the model read Djibo as a firm)
        ("An improvised explosive device hit a minibus on the road out of Djibo on "
         "Wednesday.", "Djibo"),
        ("Troops captured a stretch of the highway to Djibo on Monday.", "Djibo"),
        ("Gunmen stopped a bus on the highway from Djibo on Friday.", "Djibo"),
    ],
)  # fmt: skip
def test_the_ends_of_a_road_are_towns(extract, text, town):
    assert town in extract(text)


@pytest.mark.parametrize(
    ("text", "person"),
    [
        # a line or a headline's "Road to" leads to people and causes (review of session 47, 12)
        ("Zelensky has a direct line to Trump, and missiles struck Kyiv overnight.", "Trump"),
        ("Road to Peace: rebels and army sign deal in Juba.", "Peace"),
    ],
)
def test_what_a_line_or_a_title_s_road_leads_to_is_no_town(extract, text, person):
    assert person not in extract(text)


def test_a_place_put_in_a_local_government_area_is_a_place(extract):
    # Dzur is a name the gazetteer knows only weakly: it needs the area it is put in
    text = "Gunmen blocked a road near Shaffa village near Dzur in Hawul local government area."
    assert "Dzur" in {name.removeprefix("near ") for name in extract(text)}


def test_weak_site_words_count_only_where_a_place_stands(extract):
    assert "Zorvan Hill" in extract("Rebels stormed army defenses at Zorvan Hill.")
    assert "Conleth Hill" not in extract("Conleth Hill, the actor, praised the play.")
    # a forest is where jets bomb, not a parish of Guernsey called Forest
    found = extract("Jets bombed insurgent positions in the Zorvan Forest on Saturday.")
    assert "Zorvan Forest" in found and "Forest" not in found
    assert "Zorvan Forest" not in extract("Zorvan Forest beat the visitors 2-0.")  # a club


def test_khan_opens_a_place_only_where_a_place_stands(extract):
    assert any("Khan Zaman" in f for f in extract("Shells fell around Khan Zaman at dawn."))
    assert extract("The minister met Khan Zaman on Monday.") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # French particles inside a hyphenated name (invented places)
        ("Gunmen held the village of Saint-Romé-au-Val overnight.", "Saint-Romé-au-Val"),
        ("Troops entered the town of Bourg-en-Varenne at dawn.", "Bourg-en-Varenne"),
    ],
)
def test_a_hyphenated_name_with_particles_is_one_name(frames, text, name):
    assert name in [span for span, _, _ in frames(text)]


@pytest.mark.parametrize(
    ("text", "name", "frame"),
    [
        # a place fought over: nobody besieges a person
        ("The battle for Kafr Zelba raged on.", "Kafr Zelba", SEIZED_FRAME),
        ("The siege of Tell Amrun ended in May.", "Tell Amrun", SEIZED_FRAME),
    ],
)
def test_a_place_fought_over_is_framed(frames, text, name, frame):
    assert (name, frame) in [(span, found) for span, found, _ in frames(text)]


@pytest.mark.parametrize(
    "text",
    [
        "The bidding battle for Tell Amrun Studios heated up.",
        "The fight for Beit Quwar's seat in parliament is on.",
    ],
)
def test_a_contest_that_is_no_war_frames_no_place(frames, text):
    assert not [f for _, f, _ in frames(text) if f == SEIZED_FRAME]


def test_a_name_of_a_front_frames_no_place(frames):
    text = "The Popular Front for the Liberation of Vandoria claimed the attack."
    assert "Vandoria" not in [span for span, _, _ in frames(text)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # an area's kind word right before a name, or before a comma and a list
        ("A bomb went off at a bus stop in the southern province Zorvanek.", "Zorvanek"),
        ("Rebels took two towns in the same region, Kafr Zelba and Tell Amrun.", "Kafr Zelba"),
    ],
)
def test_an_area_kind_word_before_a_name_frames_it(frames, text, name):
    assert (name, KIND_FRAME) in [(span, frame) for span, frame, _ in frames(text)]


def test_a_person_after_an_area_and_a_comma_is_no_place(frames):
    text = "The governor of Zorvanek province, Khalil Jamil Hamza, was killed on Monday."
    assert "Khalil Jamil Hamza" not in [span for span, _, _ in frames(text)]


@pytest.mark.parametrize(
    ("text", "framed"),
    [
        # a count of times in brackets goes on with the list
        ("Gunmen shelled the districts of Velmora (three times), Kesra, Dorvik and a plant.",
         True),
        ("Gunmen shelled the districts of Velmora (twice), Kesra and Dorvik.", True),
        # brackets that say something else end it
        ("Gunmen shelled the districts of Velmora (a suburb), Kesra and Dorvik.", False),
    ],
)  # fmt: skip
def test_a_count_of_times_in_brackets_goes_on_with_a_framed_list(frames, text, framed):
    assert ("Kesra" in [span for span, _, _ in frames(text)]) is framed


def test_a_list_of_compass_words_before_a_name_frames_it(frames):
    text = "Jets struck strongholds in both northern and northeastern Zorvanek."
    assert ("Zorvanek", SEIZED_FRAME) in [(span, frame) for span, frame, _ in frames(text)]


@pytest.mark.parametrize(
    ("text", "not_found"),
    [
        ("Police clashed with youths in the Christian Quarter of Jerusalem.", "Quarter"),
        ("Fighting erupted in the Sunni Triangle area.", "Triangle"),
        ("Clashes erupted in the Jewish Autonomous Oblast.", "Autonomous Oblast"),
        ("Fighting raged in an area known as the Triangle of Death.", "Triangle"),
    ],
)
def test_a_community_word_or_a_calling_that_opens_one_name_leaves_it_whole(
    extract, text, not_found
):
    assert not any(name.startswith(not_found) for name in extract(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a wire's double space between the kind and the name
        ("A soldier was killed in the nearby town of  Zarvadiya on Monday.", "Zarvadiya"),
        # a plural site word after a list of names
        ("Rebels captured the Tell Qarmun and Ras Dalia checkpoints on Sunday.", "Ras Dalia"),
    ],
)
def test_kind_frames_across_spaces_and_plural_sites(extract, text, expected):
    assert expected in extract(text)
