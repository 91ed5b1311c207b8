"""Dates a timeline's headings and line labels give the text under them."""

import pytest

from layers.timeline import dated_stretches

ARTICLE_DATE = "2026-11-20"


def _dates_at(text: str, *phrases: str) -> list[str | None]:
    """The date each phrase's position takes from the stretches, or None."""
    stretches = dated_stretches(text, ARTICLE_DATE)
    found: list[str | None] = []
    for phrase in phrases:
        at = text.index(phrase)
        holding = [s for s in stretches if s.start <= at < s.end]
        # a line's label is nearer than the heading whose stretch holds it
        found.append(max(holding, key=lambda s: s.label).date if holding else None)
    return found


def test_a_markdown_heading_dates_the_lines_under_it_up_to_the_next_heading():
    text = (
        "## Monday, 16 November\n\nRockets hit Zorvan.\n\nMore fell later.\n\n"
        "## Wednesday, 18 November\n\nJets struck Kesra.\n\n## Reactions\n\nCrowds marched."
    )
    assert _dates_at(text, "Rockets", "More fell", "Jets", "Crowds") == [
        "2026-11-16",
        "2026-11-16",
        "2026-11-18",
        None,
    ]


def test_a_bold_line_of_a_month_or_a_year_is_a_heading():
    text = "**March 2025**\n\nRebels took Zorvan.\n\n**2019**\n\nThe war began in Kesra."
    assert _dates_at(text, "Rebels", "The war") == ["2025-03", "2019"]


@pytest.mark.parametrize(
    "line",
    [
        "- **14 November:** Gunmen attacked a bus near Zorvan.",
        "14 November: Gunmen attacked a bus near Zorvan.",
        "* __Saturday, 14 November__ Gunmen attacked a bus near Zorvan.",
        "3. Nov. 14: Gunmen attacked a bus near Zorvan.",
        # a chronology's dash, and a passive line that carries no date of its own
        "14 November 2026 - Gunmen attacked a bus near Zorvan.",
        "14 November 2026 – Gunmen attacked a bus near Zorvan; a tanker was hit.",
    ],
)
def test_a_date_label_dates_the_rest_of_its_line_only(line):
    text = f"{line}\nThe mayor said more help was needed."
    assert _dates_at(text, "Gunmen", "The mayor") == ["2026-11-14", None]


def test_a_diary_s_weekday_label_dates_its_line():
    # "**Monday.** …": the last Monday on or before the article's day (a Friday)
    text = (
        "**Monday.** Gunmen attacked a bus near Zorvan.\n\n"
        "**Wednesday:** Jets struck Kesra.\n\nThe mayor said more help was needed."
    )
    assert _dates_at(text, "Gunmen", "Jets", "The mayor") == ["2026-11-16", "2026-11-18", None]


@pytest.mark.parametrize(
    "text",
    [
        # one bare date line at the top of a pasted page is its publication date
        "November 14, 2026\n\nGunmen attacked a bus near Zorvan.",
        # words beside the date make it no heading
        "## Updated 14 November\n\nGunmen attacked a bus near Zorvan.",
        "Zorvan: Gunmen attacked a bus on the road.",
        # a date after the article's is no timeline's
        "## 25 November 2026\n\nGunmen attacked a bus near Zorvan.",
    ],
)
def test_what_is_no_date_heading_dates_nothing(text):
    assert _dates_at(text, "Gunmen") == [None]


def test_bare_date_lines_head_a_timeline_of_two_or_more():
    text = "14 November\nGunmen attacked a bus near Zorvan.\n16 November\nJets struck Kesra."
    assert _dates_at(text, "Gunmen", "Jets") == ["2026-11-14", "2026-11-16"]


def test_a_day_without_its_year_is_the_last_one_by_the_article_s_date():
    # written on 20 November: "28 December" is last December's
    text = "- **28 December:** Gunmen attacked a bus near Zorvan."
    assert _dates_at(text, "Gunmen") == ["2025-12-28"]


def test_a_live_blog_s_time_stamps_neither_head_nor_end_a_stretch():
    text = (
        "## Wednesday, 18 November\n\n**09:14 GMT**\n\nDrones struck Zorvan overnight.\n\n"
        "**11:02 GMT**\n\nExplosions were heard in Kesra."
    )
    assert _dates_at(text, "Drones", "Explosions") == ["2026-11-18", "2026-11-18"]


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        # an entry line of a time stamp and a place neither heads nor ends a stretch
        ("## Wednesday, 18 November\n\n**14:00 GMT - KESRA**\n\nTalks opened in Kesra.\n\n"
         "## Tuesday, 17 November\n\n**18:20 GMT - ZORVAN, occupied Dalmar**\n"
         "Drones struck Zorvan overnight.", ["2026-11-18", "2026-11-17"]),
        # one that writes a day heads that day
        ("## Tuesday, 17 November\n\n**23:50 GMT - KESRA**\n\nTalks opened in Kesra.\n\n"
         "**00:10 GMT, 18 November - ZORVAN**\n\nDrones struck Zorvan.",
         ["2026-11-17", "2026-11-18"]),
    ],
)  # fmt: skip
def test_a_live_blog_s_entry_lines_date_only_when_they_write_a_day(text, dates):
    assert _dates_at(text, "Talks", "Drones") == dates


@pytest.mark.parametrize(
    "text",
    [
        # one bold date at the top of a page is its publication date
        "**November 14, 2026**\n\nGunmen attacked a bus near Zorvan.",
        # a published line over an updated one heads no text of its own
        "November 13, 2026\nNovember 14, 2026\n\nGunmen attacked a bus near Zorvan.",
        # a weekday or "Today" alone fixes no day
        "Saturday\nGunmen attacked a bus near Zorvan.\nSunday\nJets struck Kesra.",
    ],
)
def test_a_page_s_own_date_lines_head_no_timeline(text):
    assert _dates_at(text, "Gunmen") == [None]


def test_a_label_inside_a_heading_s_stretch_leaves_the_heading_for_the_lines_after_it():
    text = (
        "## 2025\n\n- **18 November:** A bus was ambushed near Zorvan.\n\n"
        "Later that year, troops raided Kesra.\n"
    )
    assert _dates_at(text, "A bus", "troops") == ["2025-11-18", "2025"]


def test_an_entry_all_in_bold_is_no_heading():
    text = (
        "## 9 November\n\nRockets hit Zorvan.\n\n**10 November: Missiles hit Kesra, killing "
        "three people in the market.**\n\nTroops shelled Kutar.\n\n## 12 November\n\nCalm."
    )
    assert _dates_at(text, "Missiles", "Troops") == ["2026-11-10", "2026-11-09"]
