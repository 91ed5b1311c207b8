"""Dates of events, on sentences written for these tests."""

import pytest

from layers.dates import (
    citation_date,
    days_of,
    event_date,
    filed_date,
    find_date_expressions,
    sentence_date,
    shifted,
)
from layers.types import Citation

# 2018-09-19 is a Wednesday; 2019-01-03 a Thursday; 2018-09-17 a Monday.


@pytest.mark.parametrize(
    ("text", "article_date", "expected"),
    [
        # weekdays: the latest one on or before the article's date
        ("Shelling hit the town on Monday.", "2018-09-19", "2018-09-17"),
        ("Shelling hit the town on Wednesday.", "2018-09-19", "2018-09-19"),
        ("Shelling hit the town on Thursday.", "2018-09-19", "2018-09-13"),
        ("Shelling hit the town on Sunday.", "2018-09-19", "2018-09-16"),
        ("Rockets fell on Thursday night.", "2019-01-03", "2019-01-03"),
        ("Rockets fell last Thursday.", "2019-01-03", "2018-12-27"),
        # across a week and a year boundary
        ("Rockets fell on Saturday.", "2019-01-03", "2018-12-29"),
        ("Talks open next Monday.", "2019-01-03", "2019-01-07"),
        # month-day without a year takes the article's year, or the one before
        ("The raid came on September 17.", "2018-09-21", "2018-09-17"),
        ("The raid came on Sept. 17.", "2018-09-21", "2018-09-17"),
        ("The raid came on the 17th of September.", "2018-09-21", "2018-09-17"),
        ("The raid came on December 30.", "2019-01-03", "2018-12-30"),
        ("A summit is planned for January 2.", "2018-12-30", "2019-01-02"),
        ("A summit is planned for November 1.", "2018-09-21", "2018-11-01"),
        ("The deal was signed on December 1.", "2018-09-21", "2017-12-01"),
        # with a year: that day, article date or not
        ("The raid came on 17 September 2018.", "2019-05-01", "2018-09-17"),
        ("The raid came on September 17, 2016.", None, "2016-09-17"),
        ("The raid came on Sept. 17 2016.", None, "2016-09-17"),
        ("The log shows 2016-09-17 as the day.", None, "2016-09-17"),
        # relative days
        ("Jets struck the depot yesterday.", "2019-01-03", "2019-01-02"),
        ("Jets struck the depot last night.", "2019-01-01", "2018-12-31"),
        ("Jets struck the depot today.", "2019-01-03", "2019-01-03"),
        ("It began the day before yesterday.", "2019-03-01", "2019-02-27"),
    ],
)
def test_sentence_dates(text, article_date, expected):
    assert sentence_date(text, article_date=article_date) == expected


@pytest.mark.parametrize(
    ("text", "article_date"),
    [
        ("The war began in March 2011.", "2018-09-21"),  # a month is not a day
        ("The war began in 2011.", "2018-09-21"),
        ("Jets struck the depot on Monday.", None),  # a weekday needs an anchor
        ("Jets struck the depot yesterday.", None),
        ("The raid came on September 17.", None),  # so does a month-day
        ("The raid came on June 31.", "2018-09-21"),  # no such day
        ("The raid came on 09/10/2018.", "2018-09-21"),  # day/month order unknown
        ("Jets struck the depot, officials said.", "2018-09-21"),
        ("The Sunday Times reported a raid.", "2018-09-21"),  # a name, not a day
        ("The march on Gaza may continue.", "2018-09-21"),  # verbs, not months
    ],
)
def test_no_day_in_the_sentence(text, article_date):
    assert sentence_date(text, article_date=article_date) is None


def test_leap_day_goes_back_to_a_leap_year():
    assert sentence_date("It fell on February 29.", article_date="2019-03-01") == "2016-02-29"


def test_the_date_nearest_the_mention_wins():
    text = "Talks in Ankara on Monday followed the raid on Idlib of September 11."
    ankara = (text.index("Ankara"), text.index("Ankara") + 6)
    idlib = (text.index("Idlib"), text.index("Idlib") + 5)
    assert sentence_date(text, article_date="2018-09-19", mention=ankara) == "2018-09-17"
    assert sentence_date(text, article_date="2018-09-19", mention=idlib) == "2018-09-11"
    assert sentence_date(text, article_date="2018-09-19") == "2018-09-17"  # the first


def test_a_speech_date_gives_way_to_the_event_date():
    text = "Officials said on Tuesday that jets struck the port on Sunday."
    assert sentence_date(text, article_date="2018-09-19") == "2018-09-16"
    # but a speech date is better than nothing
    alone = "Officials said on Tuesday that jets struck the port."
    assert sentence_date(alone, article_date="2018-09-19") == "2018-09-18"


def test_expressions_do_not_overlap():
    found = find_date_expressions("On Monday, September 17, 2018, it rained.", article_date=None)
    assert [e.text for e in found] == ["Monday", "September 17, 2018"]
    # the date written after the weekday says which Monday it is
    assert found[0].date == found[1].date
    assert found[1].date is not None and found[1].date.isoformat() == "2018-09-17"


@pytest.mark.parametrize(
    "text",
    [
        "A convoy was ambushed on Sunday 14 September near the town.",
        "Gunmen ambushed a bus on Sunday, Sept. 14, near the town.",
        "Gunmen ambushed a bus last Sunday, September 14, near the town.",
        "Gunmen ambushed a bus on Sunday the 14th of September near the town.",
    ],
)
def test_a_weekday_before_its_date_is_that_date_not_the_last_such_day(text):
    """Filed on Monday 22 September, the Sunday before is the 21st; the text says the 14th."""
    found = find_date_expressions(text, article_date="2025-09-22")
    assert {e.date.isoformat() for e in found if e.date} == {"2025-09-14"}


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Delegations met in the capital on October 18-19.", "2025-10-18"),
        ("Talks were held on 18-19 October.", "2025-10-18"),
        ("The summit ran on March 3–4, 2024.", "2024-03-03"),
    ],
)
def test_a_span_of_days_is_dated_by_its_first(text, day):
    found = find_date_expressions(text, article_date="2025-10-20")
    assert [e.date.isoformat() for e in found if e.date] == [day]


def test_a_weekday_keeps_its_own_day_when_the_date_after_it_is_another_weekday():
    # 7 October 2024 was a Monday: the date names the survivors, not the march
    found = find_date_expressions(
        "On Tuesday, October 7 survivors marched through the city.", article_date="2025-06-16"
    )
    assert next(e.date.isoformat() for e in found if e.date) == "2025-06-10"


def test_a_weekday_a_date_does_not_follow_keeps_its_own_day():
    found = find_date_expressions(
        "Gunmen struck on Sunday. On 14 September a truce began.", article_date="2025-09-22"
    )
    assert [e.date.isoformat() for e in found if e.date] == ["2025-09-21", "2025-09-14"]


@pytest.mark.parametrize(
    ("text", "article_date", "expected"),
    [
        ("Jets struck the port on Monday.", "2018-09-19", ("2018-09-17", "sentence")),
        ("Jets struck the port.", "2018-09-19", ("2018-09-19", "article")),
        ("Jets struck the port on Monday.", None, (None, None)),
        ("Jets struck the port on 17 September 2018.", None, ("2018-09-17", "sentence")),
        ("Jets struck the port.", "not a date", (None, None)),
        # A month or a year the sentence gives instead of a day: not the article's day.
        ("In January 2024, gunmen attacked a church.", "2026-03-20", ("2024-01", "sentence")),
        ("In 2023 the navy seized a tanker.", "2026-03-20", ("2023", "sentence")),
        ("Last month, jihadists killed 20 villagers.", "2026-01-10", ("2025-12", "sentence")),
        ("Last year, rebels took the town.", "2026-01-10", ("2025", "sentence")),
        ("Earlier this month, rebels took the town.", "2026-01-10", ("2026-01", "sentence")),
        # A day still wins; a period ahead is a plan; a year in a name is no date.
        (
            "On 2 May 2023 jets struck the port, in a war that began in 2022.",
            None,
            ("2023-05-02", "sentence"),
        ),
        (
            "Jets struck the port; elections are due in 2031.",
            "2026-03-20",
            ("2026-03-20", "article"),
        ),
        ("Last month, jihadists killed 20 villagers.", None, (None, None)),
        # A month without a year: the latest that has begun (or begins soon).
        ("In February, two fishermen drowned.", "2024-05-24", ("2024-02", "sentence")),
        ("Gunmen attacked a post in June, killing four.", "2024-07-28", ("2024-06", "sentence")),
        ("In early December, rebels seized the town.", "2026-01-10", ("2025-12", "sentence")),
    ],
)
def test_event_date_falls_back_to_the_article(text, article_date, expected):
    assert event_date(text, article_date=article_date) == expected


def test_citation_date_uses_the_mention_offsets():
    quote = "Talks in Ankara on Monday followed the raid on Idlib of September 11."
    offset = 500  # the sentence's place in its article
    start = offset + quote.index("Idlib")
    citation = Citation("a.md", None, "2018-09-19", quote, offset, start, start + 5, "Idlib")
    assert citation_date(citation) == ("2018-09-11", "sentence")


def test_citation_date_reads_a_date_already_worked_out():
    quote = "Jets struck Idlib on Monday."
    worked_out = ("2018-09-17", "sentence")
    citation = Citation(
        "a.md", None, "2018-09-19", quote, 0, 11, 16, "Idlib", event_date=worked_out
    )
    assert citation_date(citation) is worked_out


def test_spacy_span_entities(nlp):
    doc = nlp("The Sunday Times said jets struck Homs on Friday.")
    sentence = next(iter(doc.sents))
    assert sentence_date(sentence, article_date="2018-09-19") == "2018-09-14"
    doc = nlp("Officials said on Tuesday that jets struck the port on Sunday.")
    sentence = next(iter(doc.sents))
    assert sentence_date(sentence, article_date="2018-09-19") == "2018-09-16"


@pytest.mark.parametrize(
    ("text", "planned", "expected"),
    [
        # written on Friday 2024-05-24: the coming Monday for a meeting ahead
        ("The envoys will meet in Doha on Monday.", True, "2024-05-27"),
        ("The envoys will meet in Doha on Friday.", True, "2024-05-24"),
        ("The envoys met in Doha on Monday.", False, "2024-05-20"),
        ("The envoys, who met in Doha last Monday, will meet again.", True, "2024-05-20"),
    ],
)
def test_a_planned_event_takes_the_coming_weekday(text, planned, expected):
    assert event_date(text, article_date="2024-05-24", planned=planned) == (expected, "sentence")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jets struck the port Monday.", "2018-09-17"),  # no "on", as wire copy writes it
        ("Jets struck Latakia Monday, the army said.", "2018-09-17"),
        ("On Monday Israeli jets struck the port.", "2018-09-17"),
        ("Monday, September 17, was quiet.", "2018-09-17"),
        ("The Good Friday accord held.", None),
        ("Crowds marked Bloody Sunday in the city.", None),
        ("The Sunday Times reported it.", None),
    ],
)
def test_weekdays_in_names_are_not_dates(text, expected):
    assert sentence_date(text, article_date="2018-09-19") == expected


def test_a_month_ahead_dates_only_an_event_that_may_lie_ahead():
    text = "Peace talks resume in March."
    # Told in the past, "March" is the last one begun; ahead, the coming one.
    assert event_date(text, article_date="2024-02-12") == ("2023-03", "sentence")
    assert event_date(text, article_date="2024-02-12", ahead=True) == ("2024-03", "sentence")


def test_a_planned_event_takes_the_coming_month_however_far():
    text = "Azerbaijan will host a climate conference in Baku in November."
    # written in May: this November, which the present tense alone would not reach
    assert event_date(text, article_date="2024-05-20", ahead=True) == ("2023-11", "sentence")
    assert event_date(text, article_date="2024-05-20", ahead=True, planned=True) == (
        "2024-11",
        "sentence",
    )
    # a month already begun is this one
    text = "The summit will open in Baku in May."
    assert event_date(text, article_date="2024-05-20", planned=True) == ("2024-05", "sentence")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A year inside the sentence is mostly a backdrop; one that opens it dates it.
        ("Jets struck the port, in a war that began in 2022.", ("2024-02-12", "article")),
        ("In 2022, jets struck the port.", ("2022", "sentence")),
        # "The last year" is the past twelve months, not last calendar year.
        ("Over the last year, militants attacked convoys.", ("2024-02-12", "article")),
        ("Last year, militants attacked convoys.", ("2023", "sentence")),
    ],
)
def test_a_period_that_is_a_backdrop_does_not_date_the_event(text, expected):
    assert event_date(text, article_date="2024-02-12") == expected


@pytest.mark.parametrize(
    ("date", "days"),
    [
        ("2024-02", ("2024-02-01", "2024-02-29")),
        ("2023", ("2023-01-01", "2023-12-31")),
        ("2023-05-02", ("2023-05-02", "2023-05-02")),
        ("2024-13", None),  # a malformed month from an old record
        ("May 2023", None),
    ],
)
def test_days_of_a_date(date, days):
    assert days_of(date) == days


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # the year the parse hangs on the event, its object's noun or a time it is told against
        ("Allied troops stormed the beaches of Zorvan in 1944.", "stormed", "1944"),
        ("The museum marks the bombing of the city in 1945.", "bombing", "1945"),
        ("Rebels seized the shoal during a standoff in 2012.", "seized", "2012"),
        # on the verb whose object is the event's anniversary, or on the deed that did it
        ("Crowds marked the anniversary of the bombing of Zorvan in 1999.", "bombing", "1999"),
        ("Fighting in Zorvan in 2022 killed dozens of people.", "killed", "2022"),
        ("Protesters in Zorvan in 2022 killed a guard.", "killed", "2024-05-20"),
        # on a participle that tells the event, or written in its own noun
        (
            "Analysts warned that the truce brokered in Zorvan in 2022 looked ever more fragile.",
            "truce",
            "2022",
        ),
        ("The union that brokered the 2022 Zorvan agreement called for calm.", "agreement", "2022"),
        ("Fighters who had signed the 2016 peace accord were killed.", "accord", "2016"),
        # what goes on since a year, or after it, is not of that year
        ("Gunners have shelled Zorvan daily since the recapture in 2022.", "shelled", "2024-05-20"),
        # a backdrop's year is not the event's
        ("Two soldiers were killed in a war that began in 2022.", "killed", "2024-05-20"),
        # nor a year still to come
        ("Rebels will attack the town of Zorvan in 2031.", "attack", "2024-05-20"),
        # a year that opens the sentence dates all of it, though it hangs on a verb of saying
        ("In 2016, after gunmen attacked a base in Zorvan, the army announced raids.",
         "attacked", "2016"),
        # the end or the start of a month is that month
        ("Rebels captured Zorvan at the end of January.", "captured", "2024-01"),
        ("Rebels captured Zorvan towards the start of March.", "captured", "2024-03"),
    ],
)  # fmt: skip
def test_a_year_inside_the_sentence_dates_the_event_it_hangs_on(nlp, text, trigger, expected):
    assert _date_of_the_event(nlp, text, trigger, "2024-05-20") == expected


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # each deed its own day, however near the other's stands
        ("Rebels overran Zorvan on Monday and then seized Kesra on Sunday.", "seized",
         "2024-05-19"),
        ("Rebels overran Zorvan on Monday and then seized Kesra on Sunday.", "overran",
         "2024-05-20"),
    ],
)  # fmt: skip
def test_a_day_on_the_event_s_own_verb_dates_it(nlp, text, trigger, expected):
    assert _date_of_the_event(nlp, text, trigger, "2024-05-20") == expected


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # the week after "ago" is that long-past year's, not this one's
        ("Sixty years ago this week, jets bombed the port of Zorvan.", "bombed", "1964"),
        ("Thirty years ago this week, American bombers raided Kesra.", "raided", "1994"),
        # an old line wrap's spaces between "ago" and the week
        ("Forty years ago  this week, rebels shelled Zorvan.", "shelled", "1984"),
    ],
)
def test_years_ago_this_week_is_that_year(nlp, text, trigger, expected):
    assert _date_of_the_event(nlp, text, trigger, "2024-06-01") == expected


def _date_of_the_event(nlp, text: str, trigger: str, article_date: str) -> str | None:
    """The date the parsed sentence gives the event whose trigger word is ``trigger``."""
    sentence = next(iter(nlp(text).sents))
    start = text.index(trigger)
    date, _ = event_date(sentence, article_date=article_date, mention=(start, start + len(trigger)))
    return date


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # a month in a clause that does not hold the event is that clause's
        (
            "In Zorvan, where the government moved after the war broke out in April 2023, "
            "air defences intercepted several drones overnight.",
            "intercepted",
            "2025-03-21",
        ),
        ("Dodik, who was sentenced in February, travelled to Zorvan.", "travelled", "2025-03-21"),
        # ... and on the event's own verb, or a verb above it, times the event
        ("Gunmen attacked a church in Zorvan in January 2024.", "attacked", "2024-01"),
        ("Officials said the depot was hit in February.", "hit", "2025-02"),
        # a year on the verb the event noun hangs on
        ("The two sides last sat down together at talks in Zorvan in 2023.", "talks", "2023"),
        # a day on the verb above a relative clause times that verb, not the clause
        (
            "The minister, who visited Zorvan last year, met his counterpart in Kutar on Monday.",
            "visited",
            "2024",
        ),
        (
            "The minister, who visited Zorvan last year, met his counterpart in Kutar on Monday.",
            "met",
            "2025-03-17",
        ),
        # a relative period in a relative clause on the deed's object is that clause's
        (
            "Troops recaptured Zorvan, a market town that the rebels had seized last year.",
            "recaptured",
            "2025-03-21",
        ),
        ("Rebels seized the town of Zorvan last month.", "seized", "2025-02"),
        ("Troops shelled Zorvan, which fell last year.", "shelled", "2025-03-21"),
        # ... but a clause on the deed's own noun, or on its subject, a thing, is its time
        ("A strike that hit Zorvan last month killed eight.", "strike", "2025-02"),
        ("A strike that hit Zorvan last month killed eight.", "killed", "2025-02"),
        ("The summit in Zorvan, held last year, drew 30 leaders.", "summit", "2024"),
    ],
)  # fmt: skip
def test_a_month_in_a_clause_apart_does_not_date_the_event(nlp, text, trigger, expected):
    assert _date_of_the_event(nlp, text, trigger, "2025-03-21") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the dateline's day is when the story was filed; the lead's weekday dates the event
        ("MOSUL, Nov 8 (Wire) - Jets struck a depot near the city on Thursday.", "2024-11-07"),
        ("ADEN, Yemen, Nov 8 - Gunmen killed two guards on Wednesday.", "2024-11-06"),
        # a date written in the lead itself still counts
        ("Jets struck a depot near the city on Nov 6, officials said.", "2024-11-06"),
    ],
)
def test_a_dateline_does_not_date_the_lead(text, expected):
    assert sentence_date(text, article_date="2024-11-08") == expected


@pytest.mark.parametrize(
    ("text", "filed"),
    [
        # a town in capitals of any alphabet, or two towns with a slash
        ("CULIACÁN, Nov 3 (Wire) - Gunmen killed two guards.", "2024-11-03"),
        ("SANAA/DUBAI, Nov 3 (Wire) - Gunmen killed two guards.", "2024-11-03"),
        ("SÃO PAULO, Brazil, Nov 3 - Gunmen killed two guards.", "2024-11-03"),
        # a sentence that opens with a town, not in capitals, is no dateline
        ("Culiacán, Nov 3 - the day gunmen killed two guards.", None),
        ("Today, Nov 3 - Gunmen killed two guards.", None),
    ],
)
def test_a_dateline_is_a_town_in_capitals_of_any_alphabet(text, filed):
    assert filed_date(text, "2024-11-08") == filed


def test_a_month_ahead_may_lie_in_the_next_year():
    # written in December: January is next month; written in May, a planned February
    text = "Leaders will meet in Geneva in January."
    assert event_date(text, article_date="2024-12-10", ahead=True) == ("2025-01", "sentence")
    text = "Azerbaijan will host a conference in Baku in February."
    assert event_date(text, article_date="2024-05-20", planned=True) == ("2025-02", "sentence")


@pytest.mark.parametrize(
    "text",
    [
        "The fighting has killed thousands in the east since January.",
        "Since April 2023, the war has killed thousands in the capital.",
        "Gunners have shelled the city daily since January 27.",
        "Gunners have shelled the city since Monday.",
    ],
)
def test_a_period_that_opens_a_span_dates_nothing(text):
    assert event_date(text, article_date="2024-05-20") == ("2024-05-20", "article")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ten years ago, a bomb exploded at the airport.", ("2014", "sentence")),
        ("A year ago, gunmen fought police in the village.", ("2023", "sentence")),
        ("Gunmen killed 20 people in the town 2 years ago.", ("2022", "sentence")),
        ("Twenty-five years ago, a bomb exploded at the airport.", ("1999", "sentence")),
    ],
)
def test_years_ago_date_the_event_that_year(text, expected):
    assert event_date(text, article_date="2024-06-01") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a count of days back is a day; of weeks, the month that holds that week;
        # of months, that month (2024-06-12 is a Wednesday)
        ("Two days ago, gunmen raided the camp.", ("2024-06-10", "sentence")),
        ("Gunmen raided the camp 3 days ago.", ("2024-06-09", "sentence")),
        ("A week ago, rebels shelled the town.", ("2024-06", "sentence")),
        ("Three weeks ago, rebels shelled the town.", ("2024-05", "sentence")),
        # a week across two months says only its year
        ("Two weeks ago, rebels shelled the town.", ("2024", "sentence")),
        ("Three months ago, jets bombed the port.", ("2024-03", "sentence")),
        ("Eight months ago, jets bombed the port.", ("2023-10", "sentence")),
        # a count of two units is no count of its last one
        ("Two years and three months ago, jets bombed the port.", ("2024-06-12", "article")),
        ("A year and two days ago, gunmen raided the camp.", ("2024-06-12", "article")),
        # the end of a month of a year told after it is that year's
        ("Troops left the port at the end of January last year.", ("2023", "sentence")),
    ],
)
def test_days_weeks_and_months_ago_count_back_from_the_article(text, expected):
    assert event_date(text, article_date="2024-06-12") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the year after two months is the first month's too
        ("Rebels attacked the town in April and October 2022.", ("2022-04", "sentence")),
        ("Gunmen raided the camp between March and May 2021.", ("2021-03", "sentence")),
        ("Gunmen raided the camp from March to May 2021.", ("2021-03", "sentence")),
        ("Gunmen raided the camp in March and in May 2021.", ("2021-03", "sentence")),
        # a first month later in the year than the second lies in the year before
        ("Rebels held the town in December and January 2022.", ("2021-12", "sentence")),
        # a year that opens the sentence after "On this day"
        ("On this day in 1990, tanks rolled into the capital.", ("1990", "sentence")),
        # a timeline's line opens with its year
        ("2014 — Rebels seized the town.", ("2014", "sentence")),
        ("Timeline: 2021 - Rebels seized the town.", ("2021", "sentence")),
        # a count that opens a sentence is no year
        ("2000 - that is how many people rebels killed in the town.", ("2024-06-01", "article")),
        # a month alone is still this year's
        ("Rebels attacked the town in April.", ("2024-04", "sentence")),
    ],
)
def test_a_year_after_two_months_and_on_this_day(text, expected):
    assert event_date(text, article_date="2024-06-01") == expected


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # counted back from now when the sentence is told now, or by an anniversary
        (
            "Forty years after the bombing of Zorvan by US aircraft, a new documentary "
            "revisits the raid.",
            "bombing",
            "1984",
        ),
        ("It has been 30 years since the massacre in Zorvan.", "massacre", "1994"),
        ("Thousands marked the 40th anniversary of the bombing of Zorvan on Tuesday.",
         "bombing", "1984"),
        # not from a deed told in the past: "after the invasion" is after it
        ("Two years after the invasion of Kutar, troops withdrew from Zorvan.", "withdrew",
         "2024-05-20"),
        ("Thousands marked the 40th anniversary of the bombing of Zorvan on Tuesday.",
         "marked", "2024-05-14"),
        # a count written with a hyphen is read whole
        ("Twenty-five years after the genocide in Zorvan, survivors seek justice.",
         "genocide", "1999"),
        # only the deed the count names
        ("Thirty years after the genocide, Zorvan hosts a summit this week.", "hosts",
         "2024-05"),
        # a year the sentence gives says it better than a count of years
        ("The advance comes two years after the rebels captured Zorvan in January 2022.",
         "captured", "2022-01"),
    ],
)  # fmt: skip
def test_years_counted_back_from_now_date_the_event_they_name(nlp, text, trigger, expected):
    assert _date_of_the_event(nlp, text, trigger, "2024-05-20") == expected


@pytest.mark.parametrize(
    ("date", "count", "unit", "expected"),
    [
        ("2026-11-20", -8, "month", "2026-03"),
        ("2026-01-15", -2, "month", "2025-11"),
        ("2026-11-20", -2, "week", "2026-11-06"),
        ("2026-11-20", 1, "day", "2026-11-21"),
        ("2026-11", -3, "year", "2023"),
        # never more precise than the date it moves
        ("2026-11", -3, "day", None),
        ("2026", -8, "month", None),
        ("2026-11-20", 2, "fortnight", None),
    ],
)
def test_a_date_moves_by_a_span_as_precisely_as_the_span_says(date, count, unit, expected):
    assert shifted(date, count, unit) == expected


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # the deed of an event that names its year is of that year
        ("The 1945 bombing of Zorvan killed 25,000 people.", "killed", "1945"),
        ("The 2020 explosion in Zorvan's port killed more than 200 people.", "killed", "2020"),
        # a relative clause tells of its noun's time
        ("Kutar has been divided since the 2011 uprising that toppled and killed its ruler.",
         "killed", "2011"),
        ("Kutar recognised the regions after the war in August 2008, during which its "
         "forces bombed the port of Zorvan.", "bombed", "2008-08"),
        # the event's own year outweighs the day something else was done
        ("A documentary about the 1945 bombing of Zorvan was shown in Kutar on Friday.",
         "bombing", "1945"),
        # a day on the event's own verb still dates it
        ("Jets bombed the port of Zorvan on Friday.", "bombed", "2024-05-17"),
    ],
)  # fmt: skip
def test_an_event_s_year_dates_what_it_did_and_what_its_clause_tells(nlp, text, trigger, expected):
    assert _date_of_the_event(nlp, text, trigger, "2024-05-20") == expected


@pytest.mark.parametrize(
    ("text", "article_date", "planned", "expected"),
    [
        ("The ministers will meet in Zorvan next month.", "2026-11-20", True, "2026-12"),
        ("The ministers will meet in Zorvan next month.", "2026-12-20", True, "2027-01"),
        ("The ministers will meet in Zorvan next year.", "2026-12-20", True, "2027"),
        # what happened is not dated ahead
        ("The ministers met in Zorvan last month.", "2026-01-20", False, "2025-12"),
        ("The ministers met in Zorvan next month.", "2026-01-20", False, "2026-01-20"),
    ],
)
def test_next_month_dates_a_planned_event(text, article_date, planned, expected):
    assert event_date(text, article_date=article_date, planned=planned)[0] == expected


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # a year on a person or a body dates no deed of theirs
        ("The 2021 junta arrested two journalists in Zorvan on Thursday.", "arrested",
         "2024-05-16"),
        ("The 2022 Nobel laureate was arrested in Zorvan.", "arrested", "2024-05-20"),
        # a day of the event's own verb outweighs a year on its noun's words
        ("The 2019 election protests resumed in Zorvan on Monday.", "protests", "2024-05-20"),
        # and a day in a relative clause dates the clause's event, not its noun's year
        ("The 2021 truce, during which jets struck Zorvan on Tuesday, is collapsing.",
         "struck", "2024-05-14"),
    ],
)  # fmt: skip
def test_a_year_that_names_no_deed_of_the_event_does_not_date_it(nlp, text, trigger, expected):
    assert _date_of_the_event(nlp, text, trigger, "2024-05-20") == expected


@pytest.mark.parametrize(
    ("text", "article_date", "planned", "expected"),
    [
        # Friday 20 November 2026: last week ran from the 9th to the 15th
        ("Officials held talks in Zorvan last week.", "2026-11-20", False, "2026-11"),
        ("Gunmen attacked a convoy near Zorvan earlier this week.", "2026-11-20", False,
         "2026-11"),
        # Tuesday 3 November 2026: last week ran from 26 October to 1 November
        ("Officials held talks in Zorvan last week.", "2026-11-03", False, "2026"),
        ("The ministers will meet in Zorvan next week.", "2026-11-20", True, "2026-11"),
    ],
)  # fmt: skip
def test_a_week_dates_an_event_by_the_month_that_holds_it(text, article_date, planned, expected):
    assert event_date(text, article_date=article_date, planned=planned)[0] == expected


@pytest.mark.parametrize(
    ("text", "article_date", "expected"),
    [
        # Friday 15 August 2025: the weekend before was the 9th and 10th
        ("Students rallied in Zorvan last weekend.", "2025-08-15", "2025-08"),
        ("Troops were deployed to Zorvan at the weekend.", "2025-08-15", "2025-08"),
        # Friday 1 August 2025: the weekend before was 26 and 27 July
        ("Protesters marched in Zorvan over the weekend.", "2025-08-01", "2025-07"),
        # told on Sunday 10 August, "last weekend" is the one before: 2 and 3 August
        ("Students rallied in Zorvan last weekend.", "2025-08-10", "2025-08"),
        # Monday 1 September 2025: the weekend before was 30 and 31 August
        ("Students rallied in Zorvan last weekend.", "2025-09-01", "2025-08"),
    ],
)  # fmt: skip
def test_a_weekend_just_past_dates_an_event_by_its_month(text, article_date, expected):
    assert event_date(text, article_date=article_date)[0] == expected


@pytest.mark.parametrize(
    ("text", "article_date"),
    [
        # a week ahead dates only what is planned
        ("Israeli strikes killed 20 people in Zorvan overnight, and talks are due next week.",
         "2026-11-20"),
        # a week in another clause dates that clause's event
        ("Russian drones struck Zorvan overnight, days after talks collapsed last week.",
         "2026-11-03"),
    ],
)  # fmt: skip
def test_a_week_of_another_clause_leaves_the_event_its_day(nlp, text, article_date):
    assert (
        _date_of_the_event(nlp, text, "struck" if "struck" in text else "killed", article_date)
        == article_date
    )


@pytest.mark.parametrize(
    ("text", "article_date", "expected"),
    [
        # this week runs to the story's day: Monday 27 to Friday 31 October
        ("Gunmen attacked a convoy near Zorvan earlier this week.", "2025-10-31", "2025-10"),
        # last week ran from 29 December to 4 January: two years, no date of its own
        ("Officials held talks in Zorvan last week.", "2026-01-07", "2026-01-07"),
    ],
)
def test_a_week_across_a_month_or_a_year_says_what_it_can(text, article_date, expected):
    assert event_date(text, article_date=article_date)[0] == expected


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # a "when" clause on a month tells what happened then
        ("Officials recalled March 2024, when a missile entered Dorvish airspace near Zorvan.",
         "entered", "2024-03"),
        # on a noun the month dates through "of"
        ("It was worse than the events of September 2025, when drones were shot down over "
         "Zorvan.", "shot", "2025-09"),
        # the clause is the month's right before it, however the parse hangs it
        ("Police arrested 20 protesters in Zorvan on Sunday, a year after December 2024, "
         "when police dispersed rallies there.", "dispersed", "2024-12"),
    ],
)  # fmt: skip
def test_an_event_told_when_a_month_names_is_of_that_month(nlp, text, trigger, expected):
    assert _date_of_the_event(nlp, text, trigger, "2026-11-20") == expected


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("Troops were deployed to the Zorvan region in late 2024.", "deployed", "2024"),
        ("Rebels seized the town of Zorvan in early 2025.", "seized", "2025"),
    ],
)
def test_early_or_late_in_a_year_dates_the_event_by_its_year(nlp, text, trigger, expected):
    assert _date_of_the_event(nlp, text, trigger, "2026-11-20") == expected
