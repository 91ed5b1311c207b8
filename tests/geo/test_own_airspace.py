"""A pronoun's airspace ("its airspace") given back to the country the clause names."""

import pytest

from geo.own_airspace import ANTECEDENT_LABEL


def _airspace(results):
    return [r for r in results if r.mention.label == ANTECEDENT_LABEL]


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Estonia said a Russian helicopter briefly intruded into its airspace.", "EE"),
        ("Romania scrambled two F-16s after a drone breached its airspace near Galati.", "RO"),
        # the violator's airspace is not "its": the speaker's is
        ("Turkey says Syria violated its airspace on Tuesday.", "TR"),
        ("Lithuania said balloons had again entered its own airspace.", "LT"),
        # a government speaks for its country
        ("The Iraqi government warned that the drones had violated its airspace.", "IQ"),
        # the speaker, not the violator's government nor whoever let it happen
        ("Armenia said the Azerbaijani army had violated its airspace.", "AM"),
        ("Latvia said Belarus let balloons drift into its airspace.", "LV"),
        ("Qatar said the United States and Israel must not use its airspace.", "QA"),
        # what is asked of the object
        ("The US urged Iraq to close its airspace to Iranian flights.", "IQ"),
        # the country that closes it, when the parse joins it to the object before
        (
            "In the days after the bombing, Kenya suspended a river water-sharing treaty and "
            "Somalia closed the Mandera border crossing and its airspace to Kenyan airlines.",
            "SO",
        ),
    ],
)
def test_its_airspace_is_the_airspace_of_the_country_the_clause_names(resolve, text, country):
    (found,) = _airspace(resolve(text))
    assert found.mention.text.endswith("airspace")
    place = found.place
    assert place is not None and place.country == country
    assert place.gazetteer_id.endswith("#airspace") and place.is_area


@pytest.mark.parametrize(
    "text",
    [
        # no country is the subject: jets are not the owner of "its" airspace
        "Russian jets violated its airspace on Monday.",
        # a list has no one country to stand for
        "Jordan, Iraq and Lebanon closed their airspace on Saturday.",
        # the country that closes is the event's own subject (layers' subject role)
        "Iran closed its airspace for twelve hours.",
        "The United States warned that Iran would close its airspace.",
        "Iran launched drones towards Israel, and Jordan closed its airspace.",
    ],
)
def test_no_airspace_without_one_country_to_stand_for(resolve, text):
    assert _airspace(resolve(text)) == []
