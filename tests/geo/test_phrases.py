import pytest

from geo.phrases import find_phrase
from geo.types import AreaKind


def _phrase(sentence: str, anchor: str):
    start = sentence.index(anchor)
    match = find_phrase(
        sentence, start, start + len(anchor), sentence_start=0, sentence_end=len(sentence)
    )
    return None if match is None else (sentence[match.start : match.end], match.spec)


@pytest.mark.parametrize(
    ("sentence", "anchor", "phrase", "kind"),
    [
        (
            "A tanker sank off the coast of Oman on Friday.",
            "Oman",
            "off the coast of Oman",
            AreaKind.OFFSHORE,
        ),
        (
            "Divers searched the waters off Crete.",
            "Crete",
            "the waters off Crete",
            AreaKind.OFFSHORE,
        ),
        ("The drone fell into the sea off Haifa.", "Haifa", "the sea off Haifa", AreaKind.OFFSHORE),
        # a side word before the name or the coast keeps the phrase at sea
        ("The jet went down off southern Lebanon.", "Lebanon", "off southern Lebanon",
         AreaKind.OFFSHORE),
        ("A tanker was hit off the southern coast of Yemen.", "Yemen",
         "off the southern coast of Yemen", AreaKind.OFFSHORE),
        ("A drone was downed off the coast of northern Israel.", "Israel",
         "off the coast of northern Israel", AreaKind.OFFSHORE),
        ("Rebels held towns on the eastern coast of Libya.", "Libya",
         "the eastern coast of Libya", AreaKind.COAST),
        (
            "Patrols watched the Libyan coast all week.",
            "Libyan",
            "the Libyan coast",
            AreaKind.COAST,
        ),
        (
            "The jets were off the Lebanese coast by then.",
            "Lebanese",
            "off the Lebanese coast",
            AreaKind.OFFSHORE,
        ),
        (
            "Shelling hit the coastal region of Tartus.",
            "Tartus",
            "the coastal region of Tartus",
            AreaKind.COAST,
        ),
        ("Two jets entered Turkish airspace.", "Turkish", "Turkish airspace", AreaKind.AIRSPACE),
        (
            "They flew through the airspace of Jordan.",
            "Jordan",
            "the airspace of Jordan",
            AreaKind.AIRSPACE,
        ),
        ("Fighting continued in the Aleppo area.", "Aleppo", "the Aleppo area", AreaKind.VICINITY),
        ("A convoy was ambushed near Kandahar.", "Kandahar", "near Kandahar", AreaKind.VICINITY),
        ("A village 40 km north of Homs was hit.", "Homs", "40 km north of Homs", AreaKind.OFFSET),
        (
            "The plant lies 12 miles from Zaporizhzhia.",
            "Zaporizhzhia",
            "12 miles from Zaporizhzhia",
            AreaKind.OFFSET,
        ),
    ],
)  # fmt: skip
def test_phrase_kinds(sentence, anchor, phrase, kind):
    found = _phrase(sentence, anchor)
    assert found is not None
    assert found[0] == phrase
    assert found[1].kind is kind


def test_offset_carries_distance_and_bearing():
    _, spec = _phrase("Rockets landed 40 km north-east of Homs.", "Homs")
    assert spec.distance_km == pytest.approx(40)
    assert spec.bearing_deg == pytest.approx(45)
    _, spec = _phrase("The ship was 10 nautical miles off Gaza.", "Gaza")
    assert spec.distance_km == pytest.approx(18.52)
    assert spec.bearing_deg is None


@pytest.mark.parametrize(
    ("sentence", "anchor"),
    [
        # a thing before the bearing is past the town, not a side of it
        ("Islamic State fighters seized the dam north of Mosul.", "Mosul"),
        ("Shells hit the airport south of Beirut.", "Beirut"),
    ],
)
def test_a_thing_before_a_bearing_keeps_the_offset(sentence, anchor):
    found = _phrase(sentence, anchor)
    assert found is not None and found[1].kind is AreaKind.OFFSET


def test_a_bare_direction_is_an_offset_without_distance():
    phrase, spec = _phrase("The jet went down west of Tobruk.", "Tobruk")
    assert phrase == "west of Tobruk"
    assert spec.kind is AreaKind.OFFSET
    assert spec.bearing_deg == 270 and spec.distance_km is None


@pytest.mark.parametrize(
    ("sentence", "anchor"),
    [
        ("Rebels hold the north of Yemen.", "Yemen"),
        # "the" and a describing word before the bearing: a side of it
        ("A frog was found in the tropical northeast of Australia.", "Australia"),
        ("Officials in Cairo said nothing.", "Cairo"),
        ("The coast guard of Norway responded.", "Norway"),
        ("Talks in Geneva ended.", "Geneva"),
    ],
)
def test_plain_mentions_are_not_phrases(sentence, anchor):
    assert _phrase(sentence, anchor) is None


@pytest.mark.parametrize(
    ("sentence", "anchor"),
    [
        # "near" is said of the town the kind names, not of the territory before it
        ("Troops shot two men near the West Bank city of Jenin.", "West Bank"),
        ("Shells fell outside the Syrian town of Saraqib.", "Syrian"),
        # a border word and a plural kind: still the villages, not the country's outskirts
        ("Tanks shelled the outskirts of the Lebanese border villages of A and B.", "Lebanese"),
        ("Troops massed near the Syrian border towns on Friday.", "Syrian"),
        # a named suburb of a city is not the city's suburbs at large
        ("A bomb exploded in the Sayyida Zeinab suburb of Damascus.", "Damascus"),
    ],
)
def test_a_place_that_only_describes_another_takes_no_phrase(sentence, anchor):
    assert _phrase(sentence, anchor) is None


def test_not_far_from_a_town_is_its_vicinity():
    phrase, spec = _phrase("The jet came down not far from Grozny.", "Grozny")
    assert phrase == "not far from Grozny" and spec.kind is AreaKind.VICINITY


def test_the_suburbs_of_a_city_are_still_its_vicinity():
    phrase, spec = _phrase("Shelling hit the suburbs of Damascus.", "Damascus")
    assert phrase == "suburbs of Damascus" and spec.kind is AreaKind.VICINITY


@pytest.mark.parametrize(
    ("sentence", "anchor", "phrase"),
    [
        (
            "A drone fell on a farm 30 km from the Latvian border.",
            "Latvian",
            "30 km from the Latvian border",
        ),
        ("Troops massed near the Chadian frontier.", "Chadian", "near the Chadian frontier"),
        ("Shells landed 5 km from the Gabon border.", "Gabon", "5 km from the Gabon border"),
    ],
)
def test_a_border_after_the_anchor_ends_the_phrase(sentence, anchor, phrase):
    """The phrase names a distance from a border: it ends with the border, not the adjective."""
    found = _phrase(sentence, anchor)
    assert found is not None and found[0] == phrase


@pytest.mark.parametrize(
    ("sentence", "anchor"),
    [
        ("Shells hit the outskirts of the Lebanese hilltop village of Marwahin.", "Lebanese"),
        ("Gunmen attacked near the Malian garrison town of Boulkessi.", "Malian"),
    ],
)
def test_a_word_before_the_kind_still_makes_the_anchor_describe_the_place(sentence, anchor):
    assert _phrase(sentence, anchor) is None
