"""Places a tester's own conflict and political articles put on the wrong continent.

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
