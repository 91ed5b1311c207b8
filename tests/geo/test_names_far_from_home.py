"""Names that went to a namesake on another continent, and where they belong instead.

Each test writes its own sentences; none is taken from the tester's articles.
"""

import pytest

from geo.extract import MentionExtractor
from geo.sources import demonym_table


def _place(results, text):
    (item,) = [r for r in results if r.mention.text == text]
    return item.place


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        # A world city beats a small US namesake when the US is named in passing...
        (
            "American and Russian envoys spoke by phone on Monday. Russian officials in Moscow "
            "said Ukraine was not on the agenda, and Ukrainian diplomats in Kyiv protested. "
            "The previous round of talks had taken place in Geneva two years ago.",
            "Geneva",
            "CH",
        ),
        # ... and a small US town keeps its name in a story about its own country.
        (
            "Flooding closed roads across Kentucky on Monday. In Covington, and in Florence, "
            "residents near Cincinnati were told to move to higher ground.",
            "Florence",
            "US",
        ),
        # A line break does not part a place from its town.
        (
            "Gunmen attacked a restaurant on Lido Beach in\nMogadishu late on Thursday, "
            "Somali officials said.",
            "Lido Beach",
            "SO",
        ),
        # A city of standing before "in" keeps its own place.
        ("Supporters from Chicago in Paris cheered the team on Sunday.", "Chicago", "US"),
        # A city of standing before "hospital" stays the city.
        (
            "The wounded were flown to Kabul hospital on Friday, Afghan officials said.",
            "Kabul",
            "AF",
        ),
        # A building lies in a town of the country its sentence names...
        (
            "The envoys first met in Riyadh. Back in Moscow, officials praised the talks. "
            "The dinner at Qasr Al Hukm Palace ran late, the Saudi protocol office said.",
            "Qasr Al Hukm Palace",
            "SA",
        ),
        # ... and, with no town in its sentence, in the story's country.
        (
            "Troops patrolled Mogadishu on Friday, Somali officials said. Somali forces held "
            "the port. Donors met in Nairobi. Later the wounded reached Banadir Hospital.",
            "Banadir Hospital",
            "SO",
        ),
    ],
)
def test_a_name_lies_in_the_country_its_story_gives(resolve, text, name, country):
    assert _place(resolve(text), name).country == country


def test_a_beach_named_with_its_town_lies_in_that_town(resolve):
    results = resolve(
        "Gunmen attacked a restaurant on Lido Beach in Mogadishu late on Thursday, "
        "Somali officials said."
    )
    beach = _place(results, "Lido Beach")
    assert beach.country == "SO"
    assert "Mogadishu" in beach.reason


def test_names_listed_before_in_country_lie_in_that_country(resolve):
    results = resolve(
        "Militants ambushed a convoy on the road between Boni and Douentza, in central Mali, "
        "on Sunday."
    )
    boni = _place(results, "Boni")
    assert boni is None or boni.country == "ML"


@pytest.mark.parametrize(
    ("text", "tagged", "name", "kept"),
    [
        # A small town that is only part of a longer name the model tagged is not that town,
        ("Rebels said Abu Naqa was calm on Monday.", "Abu", "Abu", False),
        # but a country inside such a name is still that country.
        ("Rebels said Rural Syria was calm on Monday.", "Rural", "Syria", True),
    ],
)
def test_a_place_inside_a_longer_tagged_name(gazetteer, parse_tagged, text, tagged, name, kept):
    extractor = MentionExtractor(gazetteer, demonym_table())
    doc = parse_tagged(text, tagged, "GPE", words=2)
    assert (name in [m.name for m in extractor.extract(doc)]) is kept


@pytest.mark.parametrize(
    ("text", "name", "found"),
    [
        # A common word opening a paragraph is no small town ("Police", Poland)...
        (
            "Gunmen stormed a hotel in the capital on Friday, Somali officials said. "
            "Police said one gunman was arrested.\n\n"
            "Police spokesman Yusuf Warsame said 20 people were hurt.",
            "Police",
            False,
        ),
        # ... but a dateline opening the text is still its town.
        ("NAPA, Calif. -- Firefighters contained a blaze on Monday.", "NAPA", True),
    ],
)
def test_a_word_opening_a_paragraph(resolve, text, name, found):
    assert (name in [r.mention.text for r in resolve(text)]) is found


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


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # a small town abroad reached by an alternate spelling is no village of the story
        (
            "Militants burned houses in the village of Chai, north of Macomia, in "
            "Mozambique's Cabo Delgado province.",
            "MZ",
        ),
        # ... and is that town where the story is about its country, or names none
        ("Turkish police raided a house in Chai, in eastern Turkey, on Monday.", "TR"),
        ("Police raided a house in Chai on Monday.", "TR"),
    ],
)
def test_a_small_namesake_abroad_matched_by_an_alternate_name_is_a_stray(resolve, text, country):
    place = _place(resolve(text), "Chai")
    assert place is not None and place.country == country


def test_a_name_cannot_vouch_for_its_own_country(resolve):
    place = _place(resolve("Police raided a house in Chai on Monday."), "Chai")
    assert place.country == "TR" and "the article names" not in place.reason


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        # a story that names no town of its own keeps the one namesake it reaches
        ("The US military said its forces struck Houthi missile sites near Mokha.", "Mokha", "YE"),
    ],
)
def test_a_story_with_no_towns_of_its_own_keeps_its_namesake(resolve, text, name, country):
    (item,) = [r for r in resolve(text) if name in r.mention.text]
    assert item.place is not None and item.place.country == country
