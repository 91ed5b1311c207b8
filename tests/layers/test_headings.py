"""Headings that sum up the events told under them, on texts written for these tests."""

from __future__ import annotations

import pytest

from geo.sections import heading_sections
from layers.classify import ArticleInfo


def _headings(text: str) -> list[str]:
    return [text[start:end].strip() for start, end, _ in heading_sections(text)]


def test_headline_markdown_and_short_lines_of_their_own_are_headings():
    text = (
        "Drones hit the port city\n\n"
        "The army said drones struck the port overnight.\n\n"
        "## Fighting in the west\n"
        "Rebels attacked a base.\n\n"
        "FIGHTING IN THE HILLS\n\n"
        "Clashes went on near the pass.\n\n"
        "**2. Russia: the refineries keep burning**\n\n"
        "Drones set fire to a refinery.\n"
    )
    assert _headings(text) == [
        "Drones hit the port city",
        "## Fighting in the west",
        "FIGHTING IN THE HILLS",
        "**2. Russia: the refineries keep burning**",
    ]
    # the headline heads the whole text; a section runs to the next heading
    (_, _, whole), (west, _, west_end), (hills, _, _), _ = heading_sections(text)
    assert whole == len(text) and west_end == hills and west < hills


@pytest.mark.parametrize(
    "text",
    [
        # a sentence, a list item, a time stamp or a numbered paragraph heads nothing
        "Rebels attacked a base.\n\nThe army said so.",
        "Intro line.\n\n- drones over the port\n\nThe army said so.",
        "Intro line.\n\n11:02 GMT\n\nThe army said so.",
        "Intro line.\n\n3. Rebels attacked a base in the hills.\n\nThe army said so.",
        # a line that runs on into the next is no heading
        "Intro line.\n\nClashes in the hills\nwent on all night.",
    ],
)
def test_sentences_items_and_wrapped_lines_are_no_headings(text):
    assert _headings(text) == []


def _events(pipeline, text: str, date: str = "2025-05-14"):
    return pipeline.process_text(text, info=ArticleInfo(id="t", date=date)).reported


def _headline_event(pipeline, text: str, date: str):
    """The one event of the text's first line."""
    (headline,) = [e for e in _events(pipeline, text, date) if e.trigger_start < text.index("\n")]
    return headline


def _places_of(text: str, event) -> set[str]:
    return {text[loc.start : loc.end] for loc in event.locations}


def test_a_subhead_s_province_gives_way_to_the_clash_told_under_it(pipeline):
    text = (
        "Army repels raid in Sudan\n\n"
        "FIGHTING IN KORDOFAN\n\n"
        "The army said on Wednesday that its troops had repelled an assault on a "
        "garrison in Babanusa, West Kordofan, on Monday.\n"
    )
    events = _events(pipeline, text)
    (heading,) = [e for e in events if e.trigger == "FIGHTING"]
    assert heading.locations == ()
    assert any(_places_of(text, e) == {"Babanusa"} for e in events if e.layer == "clashes")


def test_a_subhead_s_province_stays_when_nothing_below_lies_in_it(pipeline):
    text = (
        "Army repels raid in Sudan\n\n"
        "FIGHTING IN KORDOFAN\n\n"
        "The army said on Wednesday that aid convoys reached Port Sudan.\n"
    )
    (heading,) = [e for e in _events(pipeline, text) if e.trigger == "FIGHTING"]
    assert _places_of(text, heading) == {"KORDOFAN"}


def test_a_headline_s_sea_gives_way_to_a_strike_at_sea_below(pipeline):
    # the headline's attacks sum up the missile that hit a ship: violence is one kind
    text = (
        "Timeline: attacks on merchant ships in the Red Sea\n\n"
        "6 July 2025 - The bulk carrier Aurelia Star was hit by missiles about 50 "
        "nautical miles south-west of Hodeidah.\n"
    )
    headline = _headline_event(pipeline, text, "2025-07-12")
    assert "Red Sea" not in _places_of(text, headline)


def test_a_chronology_s_passive_line_takes_its_date_label(pipeline):
    text = (
        "Shipping chronology\n\n"
        "6 July 2025 - The bulk carrier Aurelia Star was attacked about 50 nautical "
        "miles south-west of Hodeidah.\n"
    )
    (attack,) = [e for e in _events(pipeline, text, "2025-07-12") if e.trigger == "attacked"]
    assert attack.date == "2025-07-06"


def test_a_wire_editor_s_note_reports_nothing(pipeline):
    text = (
        "UPDATE 3-Drones hit Port Sudan\n"
        "(Adds army statement in paragraph 6, details of Kordofan fighting)\n\n"
        "Drones struck a fuel depot in Port Sudan on Wednesday.\n"
    )
    result = pipeline.process_text(text, info=ArticleInfo(id="t", date="2025-05-14"))
    assert not any("Kordofan" in r.mention.text for r in result.resolved)
    assert not any(e.layer == "clashes" for e in result.reported)


@pytest.mark.parametrize(
    "text",
    [
        # a strike on a bus sums up no seizure of villages
        "Russia seizes villages in Donetsk region\n\n"
        "Russian drones hit a bus in Kramatorsk on Monday, killing three.\n",
        # a clash of another year below says nothing of today's fighting
        "Fighting in Kherson region\n\n"
        "In 2022, Ukrainian troops clashed with Russian forces in Kherson city.\n",
        # a strike on a coastal city is no attack at sea
        "Attacks in the Red Sea\n\nUS jets struck Houthi positions in Hodeidah on Monday.\n",
    ],
)
def test_a_heading_s_place_stays_over_what_it_does_not_sum_up(pipeline, text):
    heading = _headline_event(pipeline, text, "2025-06-16")
    assert heading.locations, heading


def test_a_lede_that_names_its_source_is_no_headline():
    text = (
        "Russian forces seized two villages in Donetsk region, the defence ministry said\n\n"
        "A Russian drone hit a bus in Kramatorsk, killing three.\n"
    )
    assert heading_sections(text) == []


def test_a_chronology_that_reaches_the_heading_s_year_sums_up_all_its_years(pipeline):
    text = (
        "Timeline: attacks on merchant ships in the Gulf of Aden\n\n"
        "12 March 2024 - A missile hit a tanker 50 nautical miles south-west of Aden.\n\n"
        "8 July 2025 - Jets struck the port of Hodeidah.\n"
    )
    headline = _headline_event(pipeline, text, "2025-07-12")
    assert "Gulf of Aden" not in _places_of(text, headline), headline
