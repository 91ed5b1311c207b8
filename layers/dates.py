"""When an event happened: the date a sentence gives, resolved against the article's date.

News prose dates events relative to the day it was written ("on Monday",
"yesterday", "last night") or by a month and day without a year ("on
September 17"). This module finds such expressions in a sentence and turns
them into calendar days, using the article's own date as the anchor. It is
pure (no network, no clock: "today" is the article's date, never the
machine's) and never invents a date: an expression it cannot pin to a day
gives ``None``.

Rules, in words:

* A full date ("17 September 2018", "Sept. 17, 2018", "2018-09-17") is that
  day, with or without an article date.
* A month and day without a year takes the year that puts it latest but no
  more than :data:`FUTURE_DAYS` after the article's date: an article of
  2019-01-03 saying "on December 30" means 2018-12-30, one of 2018-12-30
  saying "on January 2" means 2019-01-02.
* A weekday ("on Monday", "Thursday night") is the latest such day on or
  before the article's date (the article's own weekday is the article's
  date); "last Monday" is the latest one strictly before it and "next
  Monday" the first one after it. An event told as planned takes the coming
  one ("will meet on Monday"), in :func:`event_date`.
* "today", "tonight", "this morning" … are the article's date; "yesterday"
  and "last night" the day before; "the day before yesterday" two days
  before; "three days ago" three days before.
* A month ("in March 2011", "in June"), a year that opens the sentence ("In
  2023, ...") or, with the parse, one that hangs on the event's own words
  ("troops stormed the beaches in 1944", "the bombing of the city in 1945",
  "seized the shoal during a standoff in 2012"; not "killed in a war that
  began in 2022" nor "shelled daily since the recapture in 2022"), "last
  month"/"last year" or "two weeks ago"/"three months ago" give no day
  (:func:`sentence_date` is ``None``), but :func:`sentence_period` gives
  that period as ``YYYY-MM`` or ``YYYY``, and
  :func:`event_date` uses it before the article's date: an event told so did
  not happen on the article's day. A week gives the month that holds it
  (its year when it straddles two months); a season gives nothing.
  Numeric dates other than ISO ("09/10/2018") give ``None`` too: day and
  month order differ between countries.
* Relative expressions need the article's date; without it they give ``None``.

With a spaCy :class:`~spacy.tokens.Span` the search also reads the parse: a
date-like word inside another kind of entity ("The Sunday Times", "the
Six-Day War") is not a date, and a date that only says when someone *spoke*
("officials said on Tuesday") gives way to a date the sentence attaches to
anything else. Among the remaining dates the one nearest the place mention
wins (the first one when no mention is given), since in "talks in Moscow on
Monday after the strike of September 17" each place takes its own date.
Without a parse, plain text gets the same treatment by simpler means: the
words right before a date tell a speech date, and a weekday inside a
capitalised name is skipped.

:func:`citation_date` is the one the pipeline uses: it reads only what a
:class:`~layers.types.Citation` holds (the quoted sentence, the mention's
offsets, the article's date), so the classifier, the map and every export,
which see grouped citations rather than events, and a build from cached
records all give an event the same date.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from geo.cues import SAYING
from geo.nlp import doc_text
from layers.types import Citation

if TYPE_CHECKING:  # spaCy is not imported at run time: the export reads dates without it
    from collections.abc import Callable, Sequence

    from spacy.tokens import Span, Token

__all__ = [
    "DATELINE",
    "FUTURE_DAYS",
    "HEADING",
    "PARAGRAPH",
    "DateExpression",
    "citation_date",
    "days_of",
    "event_date",
    "filed_date",
    "find_date_expressions",
    "later_datelines",
    "parse_iso_date",
    "resolve_date_expression",
    "sentence_date",
    "sentence_period",
    "shifted",
    "span_count",
]

DATELINE = "dateline"
"""The ``date_source`` of an event dated by the day its story's wire dateline gives."""
PARAGRAPH = "paragraph"
"""The ``date_source`` of an event dated by an earlier sentence of its paragraph."""
HEADING = "heading"
"""The ``date_source`` of an event dated by a timeline's heading or line label above it
(:mod:`layers.timeline`)."""
FUTURE_DAYS = 60
"""How far after the article's date a month-day without a year may fall (about 2 months)."""
PLANNED_DAYS = 330
"""How far ahead a month without a year may lie for an event told as planned: "will host a
conference in November", written in May, is this November, not last year's."""

_MONTHS: dict[str, int] = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
# Full names only: "Sun", "Sat" and "Wed" are words (and newspapers) too.
_WEEKDAYS: dict[str, int] = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
# Day offsets from the article's date.
_RELATIVE: dict[str, int] = {
    "the day before yesterday": -2,
    "yesterday": -1,
    "last night": -1,
    "today": 0,
    "tonight": 0,
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
    "earlier today": 0,
}

# Month names are matched capitalised only ("may" and "march" are also verbs);
# abbreviations take an optional full stop. Longest alternatives first.
_MONTH_WORDS = sorted(_MONTHS, key=len, reverse=True)
_MONTH = r"(?P<{g}>" + "|".join(w.capitalize() for w in _MONTH_WORDS) + r")\.?"
_DAY = r"(?P<{g}>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<{g}>(?:1[89]|20)\d\d)"
#: The end of a span of days after its first ("18-19 October", "October 18–19").
_TO_A_LATER_DAY = r"(?:[-–][0-3]?\d(?:st|nd|rd|th)?(?![\d:]))?"
_WEEKDAY_WORDS = sorted(_WEEKDAYS, key=len, reverse=True)
_WEEKDAY = r"(?P<weekday>" + "|".join(w.capitalize() for w in _WEEKDAY_WORDS) + r")"

#: Numbers news writes out before "years ago".
_NUMBER_WORDS = {
    "a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
#: The counts of days a day back is told with: "a day ago", "ten days ago".
_FEW = "|".join(word for word, n in _NUMBER_WORDS.items() if n <= 10)

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("iso", re.compile(r"(?<![\d-])(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)(?![\d-])")),
    (
        # 17 September 2018, 17th of Sept. 2018, 17 September; a span's first day,
        # "18-19 October"
        "day_month",
        re.compile(
            r"\b(?:the\s+)?"
            + _DAY.format(g="d")
            + _TO_A_LATER_DAY
            + r"\s+(?:of\s+)?"
            + _MONTH.format(g="m")
            + r"(?:,?\s+"
            + _YEAR.format(g="y")
            + r")?(?![\w-])"
        ),
    ),
    (
        # September 17, 2018, Sept. 17 2018, September 17; "October 18-19", its first day
        "month_day",
        re.compile(
            r"\b"
            + _MONTH.format(g="m")
            + r"\s+"
            + _DAY.format(g="d")
            + _TO_A_LATER_DAY
            + r"(?:,?\s+"
            + _YEAR.format(g="y")
            + r")?(?![\w-])"
        ),
    ),
    (
        "relative",
        re.compile(
            r"\b(?P<rel>"
            + "|".join(re.escape(w) for w in sorted(_RELATIVE, key=len, reverse=True))
            + r")\b",
            re.IGNORECASE,
        ),
    ),
    (
        # "two days ago", "a day ago": counted back from the article's day
        "days_ago",
        re.compile(
            r"(?<![\w-])(?P<n>\d{1,2}|" + _FEW + r")\s+days?\s+ago\b",
            re.IGNORECASE,
        ),
    ),
    (
        # on Monday, last Monday, next Monday, Monday night
        "weekday",
        re.compile(r"\b(?:(?P<which>(?i:last|next|this))\s+)?" + _WEEKDAY + r"(?!\w)"),
    ),
)
# Periods longer than a day that a sentence may give instead of one ("in January
# 2024", "in 2023", "last month"): an event told with one did not happen on the
# article's day, and saying so is truer than the article's date.
#: A count of years as news writes it: "10", "ten", "twenty-five"; never a word's end
#: ("five" in "Twenty-five" is no count of its own).
_COUNT = (
    r"(?<![\w-])(?P<n>\d{1,3}|(?:" + "|".join(_NUMBER_WORDS) + r")(?:-(?:one|two|three|four"
    r"|five|six|seven|eight|nine))?)"
)

#: What joins two months a year follows: "April and October 2024", "from March to May
#: 2021", "in March and in May 2021".
_MONTH_JOINER = r"\s+(?i:and|or|to|through|until)\s+(?:(?i:in)\s+)?"

_PERIOD_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        # "in April and October 2024": the year the second month takes is the first's too
        "month_pair",
        re.compile(
            r"\b(?i:in|during|between|from)\s+"
            + _MONTH.format(g="m")
            + _MONTH_JOINER
            + _MONTH.format(g="m2")
            + r",?\s+"
            + _YEAR.format(g="y")
            + r"(?![\w-])"
        ),
    ),
    (
        "month_year",
        re.compile(r"\b" + _MONTH.format(g="m") + r",?\s+" + _YEAR.format(g="y") + r"(?![\w-])"),
    ),
    # A year only where it opens the sentence ("In 2023, the navy seized ..."): inside
    # one it is mostly a backdrop ("in a war that began in 2022").
    (
        "year",
        re.compile(
            r"^\W*(?i:on\s+this\s+(?:day|date)\s+)?(?i:in|during)\s+"
            + _YEAR.format(g="y")
            + r"(?![\w-])"
            # a timeline's line: "2014 — Russia annexes Crimea", "Timeline: 2023 - …"
            + r"|^\W*(?:[A-Z][a-z]+:\s*)?"
            + _YEAR.format(g="y2")
            + r"\s*[—–:-]\s+(?=[A-Z])"
        ),
    ),
    (
        # "in February", "in early June": a month without a year ("since April" opens a
        # span, which dates nothing: see _SINCE)
        "month",
        re.compile(
            r"\b(?i:in|during|since|until|(?:at|towards?)\s+the\s+(?:end|start|beginning|close)"
            r"\s+of)\s+(?:(?i:early|late|mid)[-\s]+)?"
            + _MONTH.format(g="m")
            # not "in January last year", whose year the relative period says
            + r"(?![\w-])(?!,?\s+(?:\d|of\b|(?i:last|next|this)\s+year\b))"
            # nor the first of two months a year follows: "in April and October 2024"
            + r"(?!"
            + _MONTH_JOINER
            + r"[A-Z][a-z]+\.?,?\s+\d{4})"
        ),
    ),
    (
        "relative_period",
        # not "over the last year", which is the past twelve months
        # "next month" only dates what lies ahead ("will meet in Berlin next month");
        # nor "ten years ago this week", whose week is that of a year long past
        re.compile(
            r"(?<!the )(?<!ago\s)(?<!ago\s\s)\b(?P<rel>(?:last|next|earlier this)\s+(?:month|year)"
            r"|(?:last|next|earlier this|this)\s+week"
            r"|(?:last|this|over\s+the|at\s+the)\s+weekend)\b",
            re.IGNORECASE,
        ),
    ),
    (
        # "Ten years ago, a bomb exploded at the airport": that year, not the article's;
        # "two weeks ago", "three months ago": that week's month, that month
        "count_ago",
        re.compile(_COUNT + r"\s+(?P<unit>week|month|year)s?\s+ago\b", re.IGNORECASE),
    ),
    (
        # "Forty years after the bombing of Tripoli, a documentary revisits the raid":
        # counted back from now only when the sentence is told now (:func:`_told_now`)
        "years_after",
        re.compile(_COUNT + r"\s+years?\s+(?:after|since)\s+the\b", re.IGNORECASE),
    ),
    (
        # "marked the 40th anniversary of the bombing": an anniversary is kept now
        "anniversary",
        re.compile(r"\b(?P<n>\d{1,3})(?:st|nd|rd|th)\s+anniversary\s+of\b", re.IGNORECASE),
    ),
)
_A_COUNT_AND_BEFORE = re.compile(r"\b(?:year|month|week|day)s?\s+and\s+$", re.IGNORECASE)
"""A count's unit and "and" right before another count: "two years and three months ago"."""
# "said on Tuesday", "told reporters late on Tuesday": the text just before a date
# that only times the speaking.
_SPEECH_BEFORE = re.compile(
    r"\b(?:said|says|told(?:\s+\w+){0,2}|announced|reported|stated|claimed|added|confirmed"
    r"|denied|wrote)\s+(?:(?:late|early)\s+)?(?:on\s+)?$",
    re.IGNORECASE,
)
# Words before a weekday that make it the start of a date phrase, not of a name.
_WEEKDAY_LEADS = frozenset(
    {
        "on",
        "last",
        "next",
        "this",
        "late",
        "early",
        "by",
        "since",
        "until",
        "till",
        "before",
        "after",
        "from",
        "through",
        "and",
        "or",
        "but",
        "then",
        "that",
        "of",
        "said",
        "says",
    }
)
# Words that make a weekday part of a named day or event: "Good Friday", "Bloody Sunday".
_NAMED_DAY_WORDS = frozenset(
    {
        "good",
        "black",
        "bloody",
        "easter",
        "palm",
        "super",
        "ash",
        "holy",
        "maundy",
        "cyber",
        "whit",
        "low",
        "shrove",
        "giving",
        "great",
        "passion",
        "trinity",
        "orthodox",
    }
)
_SPEECH_LEMMAS = SAYING | {"deny", "write"}
_DATE_LABELS = frozenset({"DATE", "TIME"})


@dataclass(frozen=True)
class DateExpression:
    """A stretch of text that names a day, and the day it names.

    ``start``/``end`` are offsets in the text that was searched; ``date`` is
    ``None`` when the expression needs an article date that was not given.
    """

    start: int
    end: int
    text: str
    date: dt.date | None


def parse_iso_date(value: str | None) -> dt.date | None:
    """``YYYY-MM-DD`` as a date; ``None`` for ``None`` or anything else."""
    if value is None or not re.fullmatch(r"\d{4}-\d\d-\d\d", value.strip()):
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        return None


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _month_day(month: int, day: int, anchor: dt.date | None) -> dt.date | None:
    """The year for a month-day: the latest one no more than FUTURE_DAYS after ``anchor``."""
    if anchor is None:
        return None
    limit = anchor + dt.timedelta(days=FUTURE_DAYS)
    for year in range(anchor.year + 1, anchor.year - 5, -1):
        found = _safe_date(year, month, day)  # 29 February exists only in some years
        if found is not None and found <= limit:
            return found
    return None


def _weekday(weekday: int, which: str | None, anchor: dt.date | None) -> dt.date | None:
    if anchor is None:
        return None
    back = (anchor.weekday() - weekday) % 7
    if which == "last" and back == 0:
        back = 7
    if which == "next":
        return anchor + dt.timedelta(days=(weekday - anchor.weekday()) % 7 or 7)
    return anchor - dt.timedelta(days=back)


def _in_a_name(text: str, match: re.Match[str]) -> bool:
    """True when a weekday is part of a name ("Good Friday", "The Sunday Times").

    A weekday after a named-day word is one; otherwise, unless a date word
    leads it ("on", "last" …), one followed by a capitalised word that is not
    a month is taken for the start of a name. "Struck the port Monday." and
    "On Monday Israel said" keep their dates.
    """
    before = re.search(r"(\w+)\W*$", text[: match.start()])
    previous = before.group(1).lower() if before else ""
    if previous in _NAMED_DAY_WORDS:
        return True
    if previous in _WEEKDAY_LEADS or match.group("which"):
        return False
    after = re.match(r"\s+(\w+)", text[match.end() :])
    if after is None or not after.group(1)[0].isupper():
        return False
    return after.group(1).lower() not in _MONTHS


def _resolve(kind: str, match: re.Match[str], anchor: dt.date | None) -> dt.date | None:
    groups = match.groupdict()
    if kind == "iso":
        return _safe_date(int(groups["y"]), int(groups["m"]), int(groups["d"]))
    if kind in ("day_month", "month_day"):
        month = _MONTHS[groups["m"].lower()]
        day = int(groups["d"])
        if groups.get("y"):
            return _safe_date(int(groups["y"]), month, day)
        if _safe_date(2000, month, day) is None:  # 2000 is a leap year: 31 June never exists
            return None
        return _month_day(month, day, anchor)
    if kind == "relative":
        if anchor is None:
            return None
        return anchor + dt.timedelta(days=_RELATIVE[groups["rel"].lower()])
    if kind == "days_ago":
        days = span_count(groups["n"])
        return None if anchor is None or days is None else anchor - dt.timedelta(days=days)
    which = (groups.get("which") or "").lower() or None
    return _weekday(_WEEKDAYS[groups["weekday"].lower()], which, anchor)


def find_date_expressions(text: str, *, article_date: str | None) -> list[DateExpression]:
    """Every expression in ``text`` that names a day, in text order, resolved if possible.

    Overlapping matches keep the one found by the more specific pattern (a
    full date before a month-day, a month-day before a weekday), so "Monday,
    September 17" is one expression per part, and "17 September 2018" one.

    Examples
    --------
    >>> [e.date.isoformat() for e in find_date_expressions(
    ...     "It happened on Monday.", article_date="2018-09-19") if e.date]
    ['2018-09-17']
    """
    return list(_date_expressions(text, article_date))


@lru_cache(maxsize=4096)
def _period_matches(text: str) -> tuple[tuple[str, re.Match[str]], ...]:
    """Each match of :data:`_PERIOD_PATTERNS` in ``text``, pattern by pattern, kept per text.

    Every event of a sentence asks for the same sentence's periods.
    """
    return tuple(
        (kind, match) for kind, pattern in _PERIOD_PATTERNS for match in pattern.finditer(text)
    )


@lru_cache(maxsize=4096)
def _date_expressions(text: str, article_date: str | None) -> tuple[DateExpression, ...]:
    """:func:`find_date_expressions`, kept per text.

    Every event and every place of a sentence asks for the same sentence's dates.
    """
    anchor = parse_iso_date(article_date)
    taken: list[tuple[int, int]] = []
    found: list[DateExpression] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < e and s < end for s, e in taken):
                continue
            if kind == "weekday" and _in_a_name(text, match):
                continue
            if kind == "days_ago" and _A_COUNT_AND_BEFORE.search(text, 0, start):
                continue  # "a year and two days ago": not two days ago
            taken.append((start, end))
            found.append(DateExpression(start, end, match.group(0), _resolve(kind, match, anchor)))
    found.sort(key=lambda e: (e.start, e.end))
    return tuple(_dated_by_what_follows(text, e, found) for e in found)


def _dated_by_what_follows(
    text: str, day: DateExpression, found: Sequence[DateExpression]
) -> DateExpression:
    """A weekday that the date written right after it names takes that date.

    "on Sunday 14 September", "on Sunday, Sept. 14": the date says which
    Sunday, where the weekday alone would be the last one before the
    article's day, a week or more later.
    """
    match = _WEEKDAY_PATTERN.fullmatch(day.text)
    if match is None:
        return day
    joint = _WEEKDAY_TO_DATE.match(text, day.end)
    if joint is None:
        return day
    weekday = _WEEKDAYS[match["weekday"].lower()]
    for other in found:
        if other.start == joint.end() and other.date is not None:
            # the two must agree: in "On Tuesday, October 7 survivors marched" the
            # date names another day, the one the survivors are named for
            if other.date.weekday() != weekday:
                return day
            return DateExpression(day.start, day.end, day.text, other.date)
    return day


#: What stands between a weekday and the date it names: "Sunday 14 September",
#: "Sunday, Sept. 14", "Sunday the 14th of September".
_WEEKDAY_TO_DATE = re.compile(r",?\s+")


def resolve_date_expression(text: str, *, article_date: str | None) -> dt.date | None:
    """The day one date expression names ("Sept. 17", "last night"), or ``None``."""
    for expression in find_date_expressions(text, article_date=article_date):
        if expression.date is not None:
            return expression.date
    return None


def _speech_date_in_parse(sentence: Span, start: int, end: int) -> bool:
    """True when the parse hangs the date at these doc offsets on a speech verb."""
    span = sentence.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    head = span.root.head
    if head.pos_ == "ADP":  # "said on Tuesday": the date hangs off the preposition
        head = head.head
    return head.lemma_.lower() in _SPEECH_LEMMAS


def _speech_date_in_text(text: str, start: int) -> bool:
    """True when the words just before the date are a speech verb ("said on Tuesday")."""
    return _SPEECH_BEFORE.search(text[:start]) is not None


def _blocked(sentence: Span, start: int, end: int) -> bool:
    """True when the expression lies inside a named entity that is not a date.

    Read from the tokens' entity tags: ``Span.ents`` builds every entity of
    the sentence anew on each call.
    """
    doc = sentence.doc
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    first = span[0]
    if first.ent_iob_ not in ("B", "I") or first.ent_type_ in _DATE_LABELS:
        return False
    begin = first.i
    while begin > 0 and doc[begin].ent_iob_ == "I":
        begin -= 1
    last = begin
    while last + 1 < len(doc) and doc[last + 1].ent_iob_ == "I":
        last += 1
    entity_end = doc[last].idx + len(doc[last])
    return doc[begin].idx <= start and end <= entity_end


_DATELINE_BEFORE = re.compile(
    r"^\s*(?P<town>[^\W\d_][^\W\d_ .'’/\-]*(?:[ .'’/\-]+[^\W\d_]+){0,5})"
    r"(?:,\s*[^\W\d_][\w .'’\-]{1,30})?,\s*$"
)
"""The town before a dateline's day, in capitals, any alphabet's: "CULIACÁN,",
"SANAA/DUBAI,", "KYIV, Ukraine,"."""
_DATELINE_AFTER = re.compile(r"^(?:,?\s*\d{4})?\s*(?:\([^)]{1,40}\)\s*)?[-–—]")


def _in_a_dateline(text: str, start: int, end: int) -> bool:
    """Whether the date opens a wire dateline: "KYIV, Nov 8 (Reuters) - ...".

    That is the day the story was filed, which the article's own date
    gives; "struck Kharkiv on Thursday" later in the sentence dates the event.
    """
    before = _DATELINE_BEFORE.match(text[:start])
    return bool(
        before is not None
        and len(before["town"]) <= 40
        and before["town"].isupper()
        and _DATELINE_AFTER.match(text[end:])
    )


_DATELINE_REACH = 400
"""How far into an article its dateline may stand (after a title and a byline)."""
_FILED_DAYS = 366
"""How long before the article's date a dateline's day may lie."""


def filed_date(text: str, article_date: str | None) -> str | None:
    """The day a wire dateline says the story was filed, when before the article's date.

    "GAO, Mali, Nov 3 (Wire) - A convoy was ambushed on Tuesday": the Tuesday
    is the one before November 3, whatever day the analyst saved the article.
    The dateline's day must lie within a year before the article's date. An
    article with no date of its own takes a dateline's that writes its year
    ("PORT-AU-PRINCE, Haiti, 12 March 2025 (Wire) -"): the story states it.
    """
    for line in text[:_DATELINE_REACH].split("\n"):
        day = _dateline_day(line, article_date)
        if day is not None:
            return day
    return None


def _dateline_day(line: str, article_date: str | None) -> str | None:
    """The day of the dateline ``line`` opens with, within a year before the article's date."""
    anchor = parse_iso_date(article_date)
    for expression in find_date_expressions(line, article_date=article_date):
        day = expression.date
        if (
            day is not None
            and _in_a_dateline(line, expression.start, expression.end)
            and (anchor is None or 0 <= (anchor - day).days <= _FILED_DAYS)
        ):
            return day.isoformat()
    return None


def later_datelines(text: str, article_date: str | None) -> list[tuple[int, str]]:
    """Each wire dateline that opens a later story of a round-up, with where its line starts.

    "CARACAS, July 7 — … on Monday." then "DHAKA, July 8 — … clashed on
    Tuesday.": a briefing of wire stories, each filed on its own day, which
    dates the weekdays told below it. Every dateline of the text, the first
    among them, but only when there are two or more: one alone is
    :func:`filed_date`'s. Each day within :data:`_FILED_DAYS` before the
    article's date.
    """
    found: list[tuple[int, str]] = []
    offset = 0
    for line in text.split("\n"):
        day = _dateline_day(line, article_date) if _opens_with_a_town_in_capitals(line) else None
        if day is not None:
            found.append((offset, day))
        offset += len(line) + 1
    return found if len(found) > 1 else []


def _opens_with_a_town_in_capitals(line: str) -> bool:
    """Whether a line opens with words in capitals and a comma, as a dateline does.

    A cheap look before the date expressions are read: most lines open
    otherwise, and reading every line's dates would double the article's.
    """
    town, comma, _ = line.lstrip()[:_DATELINE_TOWN_CHARS].partition(",")
    return bool(comma) and town.isupper()


_DATELINE_TOWN_CHARS = 60
"""How far into a line a dateline's town and its comma may reach ("SANAA/DUBAI,")."""


def _distance(expression: DateExpression, mention: tuple[int, int] | None) -> int:
    if mention is None:
        return 0
    start, end = mention
    if expression.end <= start:
        return start - expression.end
    if end <= expression.start:
        return expression.start - end
    return 0


def _text_of(sentence: Span | str) -> tuple[str, int]:
    """A sentence's text and its offset in the doc (0 for a string).

    The parse's kept text, sliced: ``Span.text`` joins the tokens anew on every call.
    """
    if isinstance(sentence, str):
        return sentence, 0
    offset = sentence.start_char
    return doc_text(sentence.doc)[offset : sentence.end_char], offset


def sentence_date(
    sentence: Span | str,
    *,
    article_date: str | None,
    mention: tuple[int, int] | None = None,
) -> str | None:
    """The day the sentence gives for its event, ISO ``YYYY-MM-DD``, or ``None``.

    ``article_date`` (ISO) anchors relative dates. ``mention`` is the place
    mention's ``(start, end)`` character offsets (in the doc for a span, in
    the string for a string): the resolvable date nearest to it wins, ties
    going to the earlier one; without it, the first. A date that only times
    a speech verb ("officials said on Tuesday") is used only when the
    sentence has no other. With a span, the parse decides that, and a
    date-like word inside another kind of entity is not a date; with a
    string, the words before the date decide it.

    Examples
    --------
    >>> sentence_date("Jets struck the port yesterday.", article_date="2019-01-03")
    '2019-01-02'
    >>> sentence_date("Jets struck the port on Monday.", article_date=None) is None
    True
    """
    best = _day_expression(sentence, article_date=article_date, mention=mention)
    return None if best is None or best.date is None else best.date.isoformat()


def _day_expression(
    sentence: Span | str, *, article_date: str | None, mention: tuple[int, int] | None
) -> DateExpression | None:
    """The expression of the day :func:`sentence_date` gives, with its offsets."""
    text, offset = _text_of(sentence)
    found = [
        e
        for e in find_date_expressions(text, article_date=article_date)
        if e.date is not None
        and not _in_a_dateline(text, e.start, e.end)
        and not _SINCE_BEFORE.search(text, 0, e.start)
    ]
    if not isinstance(sentence, str):
        expressions = [
            DateExpression(e.start + offset, e.end + offset, e.text, e.date) for e in found
        ]
        expressions = [e for e in expressions if not _blocked(sentence, e.start, e.end)]
        about_event = [
            e for e in expressions if not _speech_date_in_parse(sentence, e.start, e.end)
        ]
    else:
        expressions = found
        about_event = [e for e in found if not _speech_date_in_text(text, e.start)]
    expressions = about_event or expressions
    if not expressions:
        return None
    if not isinstance(sentence, str):
        # "hit the Tuesday market in Monywa on 9 January": the market's name, when
        # another day is written
        expressions = [
            e for e in expressions if not _a_day_naming_a_thing(sentence, e)
        ] or expressions
    if not isinstance(sentence, str) and mention is not None:
        # "overran Kutum on Monday and then seized Kabkabiya on Sunday": the day on the
        # event's own verb, however near another day stands
        own = [e for e in expressions if _a_day_of_its_verb(sentence, e, mention)]
        expressions = own or expressions
    return min(expressions, key=lambda e: (_distance(e, mention), e.start))


def _a_day_naming_a_thing(sentence: Span, day: DateExpression) -> bool:
    """Whether a lone weekday modifies a thing's noun: "the Tuesday market", "the Friday mosque".

    Not a part of the day ("Tuesday night", "Friday morning"), which dates.
    """
    span = sentence.doc.char_span(day.start, day.end, alignment_mode="expand")
    if span is None or len(span) != 1 or span[0].lower_ not in _WEEKDAYS:
        return False
    word = span[0]
    head = word.head
    return (
        word.dep_ in ("compound", "nmod", "amod")
        and head.i > word.i
        and head.pos_ == "NOUN"
        and head.lemma_.lower() not in _PARTS_OF_A_DAY
        and any(c.dep_ == "det" for c in head.children)
    )


_PARTS_OF_A_DAY = frozenset(
    {"morning", "afternoon", "evening", "night", "noon", "midday", "midnight", "dawn", "dusk"}
)


def _a_day_of_its_verb(sentence: Span, day: DateExpression, trigger: tuple[int, int]) -> bool:
    """Whether the day hangs on the event's own word: "seized Kabkabiya on Sunday".

    Narrower than :func:`_a_day_of_its_own`, which also takes a day on the
    verb the event's word hangs on: a joined verb's day is not its own here.
    """
    span = sentence.doc.char_span(day.start, day.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    if root.dep_ == "pobj" and root.head.dep_ == "prep":
        word = root.head.head
    elif root.dep_ == "npadvmod":
        word = root.head
    else:
        return False
    return trigger[0] <= word.idx < trigger[1]


def _the_year_a_when_clause_hangs_on(text: str, start: int) -> str | None:
    """The year a "when" clause holding ``start`` tells of: "the worst days of 2004, when …".

    "The violence recalls the worst days of 2004, when troops stormed a mosque
    in April": April 2004, not the latest April. Only a year the clause opens
    right after (a comma and "when"); not "began in 2014 and flared in April".
    """
    found = None
    for match in _A_YEAR_THEN_WHEN.finditer(text, 0, start):
        found = match.group("y")
    return found


def _the_year_that_year_points_to(text: str, start: int, end: int) -> str | None:
    """The year named last before a month followed by "that year": "in July that year".

    "The war began in September 2024, after he was detained in July that
    year": July 2024, not the latest July.
    """
    if not _THAT_YEAR.match(text, end):
        return None
    years = [m.group("y") for m in _ANY_YEAR.finditer(text, 0, start)]
    return years[-1] if years else None


_THAT_YEAR = re.compile(r"\s+(?:of\s+)?(?:that|the\s+same)\s+year\b", re.IGNORECASE)
_A_YEAR_THEN_WHEN = re.compile(r"(?<!\d)" + _YEAR.format(g="y") + r",?\s+when\b")


def _period_of(
    kind: str,
    match: re.Match[str],
    anchor: dt.date | None,
    *,
    ahead: bool = False,
    planned: bool = False,
) -> str | None:
    """The period a match names, as ISO ``YYYY-MM`` or ``YYYY``; ``None`` if unknown.

    A month without a year is the latest that has begun by the anchor, or,
    when the event may lie ahead, the latest that begins no more than
    :data:`FUTURE_DAYS` after it (:data:`PLANNED_DAYS` for a planned one).
    """
    groups = match.groupdict()
    if kind == "month_pair":
        # "in December and January 2026": the year is the second month's, and a first
        # month later in the year than the second lies in the year before
        first, second = _MONTHS[groups["m"].lower()], _MONTHS[groups["m2"].lower()]
        return f"{int(groups['y']) - (first > second):04d}-{first:02d}"
    if kind == "month_year":
        return f"{int(groups['y']):04d}-{_MONTHS[groups['m'].lower()]:02d}"
    if kind == "year":
        return f"{int(groups['y'] or groups['y2']):04d}"
    if anchor is None:
        return None
    if kind == "month":
        month = _MONTHS[groups["m"].lower()]
        days = PLANNED_DAYS if planned else FUTURE_DAYS if ahead else 0
        latest = anchor + dt.timedelta(days=days)
        # the latest such month that begins by then: next year's January, written in
        # December about talks ahead; this year's March, written in May about a raid
        year = max(
            y for y in range(anchor.year - 1, anchor.year + 2) if dt.date(y, month, 1) <= latest
        )
        return f"{year:04d}-{month:02d}"
    if kind == "count_ago" and groups["unit"].lower() != "year":
        count = span_count(groups["n"])
        if count is None:
            return None
        if groups["unit"].lower() == "week":
            return _week_period(anchor, -count)
        months = anchor.year * 12 + anchor.month - 1 - count
        return f"{months // 12:04d}-{months % 12 + 1:02d}"
    if kind in ("count_ago", "years_after", "anniversary"):
        years = span_count(groups["n"])
        return None if years is None else f"{anchor.year - years:04d}"
    words = groups["rel"].lower().split()
    step = {"last": -1, "next": 1}.get(words[0], 0)
    if words[-1] == "weekend":
        return None if ahead and step == 0 else _weekend_period(anchor, last=step < 0)
    if words[-1] == "week":
        # "talks are due next week" dates nothing done: only what lies ahead
        return None if step > 0 and not ahead else _week_period(anchor, step)
    if words[-1] == "year":
        return f"{anchor.year + step:04d}"
    if step:
        months = anchor.year * 12 + anchor.month - 1 + step
        return f"{months // 12:04d}-{months % 12 + 1:02d}"
    return f"{anchor.year:04d}-{anchor.month:02d}"


def _weekend_period(anchor: dt.date, *, last: bool) -> str | None:
    """The month (or year) of the weekend just past: "rallied in Vienna last weekend".

    "At" or "over the weekend" is the latest Saturday and Sunday on or
    before the article's day; "last weekend", told on a Saturday or a
    Sunday, the one before that.
    """
    saturday = anchor - dt.timedelta(days=(anchor.weekday() - 5) % 7)
    if last and anchor.weekday() >= 5:
        saturday -= dt.timedelta(weeks=1)
    sunday = saturday + dt.timedelta(days=1)
    if saturday.month == sunday.month:
        return f"{saturday.year:04d}-{saturday.month:02d}"
    return f"{saturday.year:04d}" if saturday.year == sunday.year else None


def _week_period(anchor: dt.date, step: int) -> str | None:
    """The month (or year) that holds the calendar week ``step`` weeks from ``anchor``'s.

    "held talks in Muscat last week", in a story of Friday 20 November: the
    week of 9 to 15 November, so November. This week runs to the story's day
    ("earlier this week"). A week across two months says only its year;
    across two years, nothing.
    """
    monday = anchor - dt.timedelta(days=anchor.weekday()) + dt.timedelta(weeks=step)
    last = anchor if step == 0 else monday + dt.timedelta(days=6)
    if monday.year != last.year:
        return None
    if monday.month == last.month:
        return f"{monday.year:04d}-{monday.month:02d}"
    return f"{monday.year:04d}"


def sentence_period(
    sentence: Span | str,
    *,
    article_date: str | None,
    mention: tuple[int, int] | None = None,
    ahead: bool = False,
    planned: bool = False,
) -> str | None:
    """The month (``YYYY-MM``) or year (``YYYY``) a sentence gives, when it gives no day.

    "In January 2024, gunmen attacked a church in X" did not happen on the
    article's day. A month without a year is the latest that has begun by the
    article's date ("attacked a convoy in April"). Only a period that has
    begun counts, unless ``ahead`` (the event is planned or told in the
    present: "talks resume in March" may be the coming March, no more than
    :data:`FUTURE_DAYS` away, or :data:`PLANNED_DAYS` when ``planned``: "will host a
    conference in November"); the one nearest ``mention`` wins. A period that
    only times a speech verb, or lies inside a name, is no event's.

    Examples
    --------
    >>> sentence_period("In 2023 Iran seized a tanker.", article_date="2026-03-22")
    '2023'
    >>> sentence_period("Last month, jihadists killed 20.", article_date="2026-01-10")
    '2025-12'
    >>> sentence_period("Ten years ago, a bomb exploded.", article_date="2026-01-10")
    '2016'
    """
    text, offset = _text_of(sentence)
    anchor = parse_iso_date(article_date)
    # Spans a day or an earlier period already holds, in the sentence's own offsets.
    taken = [(e.start, e.end) for e in find_date_expressions(text, article_date=article_date)]
    found: list[DateExpression] = []
    for kind, match in _period_matches(text):
        start, end = match.span()
        period = _period_of(kind, match, anchor, ahead=ahead or planned, planned=planned)
        if period is None or any(start < b and a < end for a, b in taken):
            continue
        if kind == "month" and (
            year := _the_year_a_when_clause_hangs_on(text, start)
            or _the_year_that_year_points_to(text, start, end)
        ):
            # "the worst days of 2004, when … in April", "began in September 2024, after
            # he was detained in July that year"
            period = f"{year}{period[4:]}"
        if _SINCE_BEFORE.search(text, 0, start) or _SINCE.match(match.group(0)):
            continue  # "has killed thousands since January": a span's start, no date
        if kind == "count_ago" and _A_COUNT_AND_BEFORE.search(text, 0, start):
            continue  # "two years and three months ago": not three months ago
        if (
            not (ahead or planned)
            and anchor is not None
            and period > anchor.isoformat()[: len(period)]
        ):
            continue  # "elections in 2027": not yet
        if kind == "years_after" and (isinstance(sentence, str) or not _told_now(sentence)):
            continue  # "Two years after the invasion, troops withdrew": after the invasion
        if kind in ("years_after", "anniversary") and (
            _ANY_YEAR.search(text) or not _names_the_event(match, offset, mention)
        ):
            # "two years after the M23 captured Goma in January 2025": the year says; and
            # only the deed the count names ("Thirty years after the genocide, Rwanda
            # hosts a summit": the genocide's year, not the summit's)
            continue
        if isinstance(sentence, str):
            if _speech_date_in_text(text, start):
                continue
        elif _blocked(sentence, start + offset, end + offset) or (
            # a year that opens the sentence sets the scene for all of it, whatever
            # verb the parser hangs it on ("In 2016, after militants attacked Uri,
            # India announced strikes")
            kind != "year" and _speech_date_in_parse(sentence, start + offset, end + offset)
        ):
            continue
        elif (
            (
                kind in ("month_year", "month")
                or match.group(0).lower().endswith("week")
                # "recaptured X, a town that the rebels had seized last year"
                or (
                    kind == "relative_period"
                    and mention is not None
                    and _in_a_relative_clause_apart(sentence, start + offset, end + offset, mention)
                )
            )
            and mention is not None
            and _in_a_clause_apart(sentence, start + offset, end + offset, mention)
        ):
            continue  # "where the government moved after the war broke out in April 2023"
        taken.append((start, end))
        found.append(DateExpression(start + offset, end + offset, period, None))
    if not isinstance(sentence, str) and mention is not None:
        for match in _YEAR_INSIDE.finditer(text):
            start, end = match.span()
            if any(start < b and a < end for a, b in taken):
                continue
            year = match.group("y")
            if anchor is not None and year > anchor.isoformat()[:4]:
                continue
            if _times_the_event(sentence, start + offset, end + offset, mention):
                taken.append((start, end))
                found.append(DateExpression(start + offset, end + offset, year, None))
        named = _years_naming_the_event(sentence, mention) if _ANY_YEAR.search(text) else []
        for token in named:
            start = token.idx - offset
            if any(start < b and a < start + len(token) for a, b in taken):
                continue
            if anchor is not None and token.text > anchor.isoformat()[:4]:
                continue
            found.append(DateExpression(token.idx, token.idx + len(token), token.text, None))
    if not found:
        return None
    return min(found, key=lambda e: (_distance(e, mention), e.start)).text


def _names_the_event(match: re.Match[str], offset: int, mention: tuple[int, int] | None) -> bool:
    """Whether the event's words come right after "N years after the", "anniversary of"."""
    if mention is None:
        return False
    start = mention[0] - offset  # the event's word, in the sentence's own offsets
    return _A_FEW_WORDS.fullmatch(match.string, match.end(), start) is not None


#: At most two words between "years after the" or "anniversary of" and the event's
#: word, and no stop ("the 40th anniversary of the bombing", "after the 1994 genocide").
_A_FEW_WORDS = re.compile(r"\s*(?:[\w'’-]+\s+){0,2}")


def _an_anniversary_of(sentence: Span, trigger: tuple[int, int]) -> bool:
    """Whether the event is what an anniversary is of: "the 40th anniversary of the bombing"."""
    for word in _words_of(sentence, trigger):
        node = word
        while node.head.i != node.i and node.pos_ not in ("VERB", "AUX"):
            if (
                node.dep_ == "pobj"
                and node.head.lower_ == "of"
                and node.head.head.lower_ in ("anniversary", "anniversaries")
            ):
                return True
            node = node.head
    return False


def _told_now(sentence: Span) -> bool:
    """Whether the sentence's main verb is told now: not in the past tense.

    "Forty years after the bombing, a documentary revisits the raid" counts the
    years back from now; "two years after the invasion, troops withdrew" from
    the withdrawal.
    """
    root = sentence.root
    return root.tag_ != "VBD" and not any(
        c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in root.children
    )


_SINCE_BEFORE = re.compile(r"\b(?i:since|until|till)\s+(?:(?i:early|late|mid)[\s-]+)?$")
"""A period or a day that opens or closes a span ("since January", "since Monday", "until
mid-March") dates nothing."""

_SINCE = re.compile(r"(?i:since|until|till)\b")

_YEAR_INSIDE = re.compile(
    r"\b(?i:in|during)\s+(?:(?i:early|late|mid)[-\s]+)?" + _YEAR.format(g="y") + r"(?![\w-])"
)
"""A year inside a sentence ("in 2023", "in late 2024"): the event's only when the parse says
so (:func:`_times_the_event`)."""

_TIME_LINKS = frozenset({"during", "amid", "in"})
"""Prepositions whose noun times the event with it: "seized the shoal during a
standoff in 2012". Not "since", "after" or "before": "has shelled Kherson daily
since the recapture in 2022" goes on after that year."""


def _in_a_clause_apart(sentence: Span, start: int, end: int, trigger: tuple[int, int]) -> bool:
    """Whether the date at these doc offsets times a clause that does not hold the event.

    The verb the date hangs on is not the event's and does not govern it:
    "In Port Sudan, where the government moved after the war broke out in
    April 2023, air defences intercepted drones" (the war's month, not the
    interception's); "Dodik, who was sentenced in February, travelled to
    Moscow". A date on the event's own verb, or on a verb above it, times it,
    unless the event is told in a relative clause below that verb ("the
    minister, who visited Kyiv last year, met … on Monday"); so does a date on
    a participle of the event noun ("the summit, held in Bamako in July 2025").
    """
    doc = sentence.doc
    span = doc.char_span(start, end, alignment_mode="expand")
    words = doc.char_span(trigger[0], trigger[1], alignment_mode="expand")
    if span is None or words is None or len(words) == 0:
        return False
    verb = _verb_above(span)
    if verb is None:
        return False
    event = words.root
    if verb.i == event.i or _dates_the_antecedent(span, event):
        return False
    if verb.dep_ == "acl" and verb.tag_ in ("VBN", "VBD") and verb.head.i == event.i:
        return False  # "their last summit, held in Bamako in July 2025": the summit's
    if verb.dep_ in ("relcl", "acl") and _in_the_phrase_of(verb.head, event):
        # "A strike that hit Kharkiv last month killed eight", "the summit in Kazan,
        # held last year": a clause that tells of the event's own noun
        return False
    if _told_when(span, event):
        return False  # "the events of September 2025, when drones were shot down": theirs
    path: list[Token] = []
    for above in [event, *event.ancestors]:
        if above.i == verb.i:
            # on a verb above the event, unless a relative clause stands between:
            # "The minister, who visited Kyiv last year, met … on Monday"
            return any(t.dep_ == "relcl" for t in path)
        path.append(above)
    return True


def _in_the_phrase_of(word: Token, event: Token) -> bool:
    """Whether ``word`` is the event's noun or stands in its phrase, no verb between."""
    if event.pos_ not in ("NOUN", "PROPN"):
        return False
    for above in [word, *word.ancestors]:
        if above.i == event.i:
            return True
        if above.pos_ in ("VERB", "AUX"):
            return False
    return False


def _in_a_relative_clause_apart(
    sentence: Span, start: int, end: int, trigger: tuple[int, int]
) -> bool:
    """Whether a relative clause on someone, or on what the deed was done to, holds the date.

    "recaptured X, a town that the rebels had seized last year", "Zelensky,
    who visited Washington last month, met Starmer": the clause's own time.
    Not a clause on the deed's subject that tells of a thing: "A strike that
    hit Kharkiv last month killed eight" dates the deaths too.
    """
    doc = sentence.doc
    span = doc.char_span(start, end, alignment_mode="expand")
    words = doc.char_span(trigger[0], trigger[1], alignment_mode="expand")
    verb = None if span is None else _verb_above(span)
    if verb is None or words is None or len(words) == 0:
        return False
    if verb.dep_ not in ("relcl", "acl") and not any(
        c.lower_ in _RELATIVE_WORDS
        and (
            c.dep_ in ("nsubj", "nsubjpass", "dobj")
            # "a town that the rebels had seized", parsed as a clause said or known
            or (c.dep_ == "mark" and verb.head.lemma_.lower() not in _SPEECH_LEMMAS)
        )
        for c in verb.children
    ):
        return False  # no relative clause, however the parse hangs it ("Bakhmut, which fell")
    if any(c.lower_ in _PERSONAL for c in verb.children):
        return True  # "who visited Washington last month"
    head = verb.head
    return not (head.dep_ in ("nsubj", "nsubjpass") and head.head.i == words.root.i)


_RELATIVE_WORDS = frozenset({"which", "who", "whom", "that"})
"""Pronouns that open a relative clause, whatever the parse calls it."""


def _told_when(date: Span, event: Token) -> bool:
    """Whether the event is told in a "when" clause on the date, or on what it dates.

    "It recalled March 2024, when a missile entered Polish airspace" and "the
    events of September 2025, when drones were shot down over Poland": the
    clause says what happened at that time.
    """
    inside = range(date.start, date.end)
    for above in (event, *event.ancestors):
        if above.dep_ not in ("relcl", "advcl", "acl"):
            continue
        when = next((c for c in above.children if c.dep_ == "advmod" and c.lower_ == "when"), None)
        if when is not None:
            between = date.doc[date.end : when.i]
            if len(between) > 1 or any(not t.is_punct for t in between):
                return False  # "on Sunday, a year after December 2024, when …": not Sunday's
            head = above.head
            dated = [head] + [
                g for p in head.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.subtree
            ]
            return any(t.i in inside for t in dated)
    return False


def _years_naming_the_event(
    sentence: Span, trigger: tuple[int, int], *, own: bool = False
) -> list[Token]:
    """Years written as a word of the event's own noun: "the 2022 Pretoria agreement".

    "signed the 2016 peace accord" tells an accord of 2016, not of the
    article's day. Only a bare year that modifies the trigger's word, and
    (unless ``own``) the event that did the deed ("the 1945 bombing of
    Dresden killed 25,000": the killing is the bombing's), or the event a
    relative clause tells of ("the 2011 uprising that toppled and killed
    Gaddafi"): a deed or a time of war, not a person or a body ("the 2021
    junta arrested two journalists").
    """
    words = _words_of(sentence, trigger)
    heads = {t.i for t in words}
    for word in words if not own else ():
        heads |= {
            c.i
            for c in word.children
            if c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in _DATED_DEEDS
        }
        antecedent = _antecedent_of(word)
        if antecedent is not None and antecedent.lemma_.lower() in _DATED_DEEDS:
            heads.add(antecedent.i)
    return [
        token
        for token in sentence
        if _BARE_YEAR.fullmatch(token.text)
        and token.dep_ in ("nummod", "compound", "amod", "nmod")
        and token.head.i in heads
    ]


#: Nouns of a deed or a time of war that a year names ("the 1945 bombing", "the 2011 uprising").
_DATED_DEEDS = frozenset(
    {"war", "uprising", "revolution", "revolt", "rebellion", "conflict", "truce", "ceasefire",
     "occupation", "siege", "offensive", "battle", "invasion", "crisis", "campaign",
     "insurgency", "bombing", "attack", "strike", "airstrike", "blast", "explosion", "raid",
     "massacre", "coup", "earthquake", "quake", "flood", "fire", "shelling", "operation",
     "intervention", "genocide", "riot", "assault", "hijacking", "fighting", "clash",
     "violence"}
)  # fmt: skip


def _antecedent_of(word: Token) -> Token | None:
    """The noun whose relative clause tells the word: "the war, during which X bombed Poti".

    Not a clause about a person ("a suspect in the 2016 bombings who opened
    fire"), which the parse may hang on the nearer noun.
    """
    while word.dep_ == "conj" and word.head.i != word.i:
        word = word.head
    if word.dep_ != "relcl" or any(t.lower_ in _PERSONAL for t in word.children):
        return None
    return word.head


_PERSONAL = frozenset({"who", "whom", "whose"})


def _a_day_of_its_own(sentence: Span, day: DateExpression, trigger: tuple[int, int]) -> bool:
    """Whether the day hangs on the event's word or on the verb its word hangs on."""
    span = sentence.doc.char_span(day.start, day.end, alignment_mode="expand")
    verb = None if span is None else _verb_above(span)
    if verb is None:
        return True
    return any(verb.i in (w.i, w.head.i) for w in _words_of(sentence, trigger))


def _verb_above(span: Span) -> Token | None:
    """The nearest verb above a date's words in the parse: the one the date times."""
    return next((t for t in span.root.ancestors if t.pos_ in ("VERB", "AUX")), None)


def _words_of(sentence: Span, trigger: tuple[int, int]) -> list[Token]:
    """The tokens of the trigger's character span."""
    span = sentence.doc.char_span(trigger[0], trigger[1], alignment_mode="expand")
    return [] if span is None else list(span)


def _dates_the_antecedent(span: Span, event: Token) -> bool:
    """Whether the date is a word of the noun a relative clause holding the event tells of.

    "after the five-day war in August 2008, during which Russian forces
    bombed the port of Poti": August 2008 is the war's, and the bombing was
    during it.
    """
    antecedent = _antecedent_of(event)
    if antecedent is None:
        return False
    for above in span.root.ancestors:
        if above.i == antecedent.i:
            return True
        if above.pos_ in ("VERB", "AUX"):
            return False
    return False


_BARE_YEAR = re.compile(_YEAR.format(g="y"))
_ANY_YEAR = re.compile(r"(?<!\d)" + _YEAR.format(g="y") + r"(?!\d)")
"""A year anywhere in a sentence's text: without one, no word of it names the event's year."""


def _times_the_event(sentence: Span, start: int, end: int, trigger: tuple[int, int]) -> bool:
    """Whether the year at these doc offsets hangs on the event's own words.

    "the atomic bombing of the city in 1945", "troops stormed the beaches in
    1944", "seized the shoal during a standoff in 2012": the year says when it
    happened. Not "killed in a war that began in 2022": that year is the
    war's, a backdrop.
    """
    span = sentence.doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) < 2:
        return False
    preposition = span[0]
    head = preposition.head
    first, last = trigger

    def is_trigger(token: Token) -> bool:
        return first <= token.idx < last

    if is_trigger(head) or any(c.dep_ == "dobj" and is_trigger(c) for c in head.children):
        return True  # on the event, or on the verb whose object it is ("marks the bombing")
    if any(
        c.dep_ == "prep" and any(g.dep_ == "pobj" and is_trigger(g) for g in c.children)
        for c in head.children
    ):
        return True  # "last sat down at talks in Jeddah in 2023": the verb the event is under
    if any(c.dep_ == "dobj" and _an_anniversary_of_it(c, is_trigger) for c in head.children):
        return True  # "marked the anniversary of the bombing of Belgrade in 1999"
    if (
        head.dep_ in ("nsubj", "nsubjpass", "csubj")
        and is_trigger(head.head)
        and (head.lemma_.lower() in _DATED_DEEDS or head.lower_ in _DATED_DEEDS)
    ):
        return True  # "Fighting in Tripoli in 2022 killed dozens": the deed that killed
    if head.dep_ == "acl" and is_trigger(head.head):
        return True  # on a participle that tells the event ("the truce brokered in 2022")
    # "during a standoff in 2012": a time the event is told within; "the bombing
    # of the city in 1945": the parse hangs the year on what was bombed
    link = head.head
    return (
        head.dep_ == "pobj"
        and (link.lower_ in _TIME_LINKS or link.lower_ == "of")
        and link.head.i != link.i
        and is_trigger(link.head)
    )


def _an_anniversary_of_it(noun: Token, is_trigger: Callable[[Token], bool]) -> bool:
    """Whether the noun is an anniversary of the event: "the anniversary of the bombing"."""
    return noun.lower_ in ("anniversary", "anniversaries") and any(
        p.dep_ == "prep" and p.lower_ == "of" and any(is_trigger(g) for g in p.children)
        for p in noun.children
    )


_WEEKDAY_PATTERN = dict(_PATTERNS)["weekday"]


def _a_past_verb_s(sentence: Span | str, day: DateExpression) -> bool:
    """Whether the day times a verb told in the past: "the summit, which opened on Monday".

    The nearest verb above the day in the parse; a plain string has none.
    """
    if isinstance(sentence, str):
        return False
    span = sentence.doc.char_span(day.start, day.end, alignment_mode="expand")
    if span is None:
        return False
    word = span.root
    while word.pos_ not in ("VERB", "AUX") and word.head.i != word.i:
        word = word.head
    return word.tag_ in ("VBD", "VBN") and not any(
        c.dep_ == "aux" and c.lower_ in ("will", "would", "'ll", "shall") for c in word.children
    )


def _weekday_ahead(day: DateExpression, anchor: dt.date | None) -> DateExpression:
    """A planned event's weekday is the coming one: "will meet in Doha on Monday".

    An article of Friday saying so means the Monday after it, where "struck
    the port on Monday" is the Monday before; "last Monday" stays behind.
    """
    match = _WEEKDAY_PATTERN.fullmatch(day.text)
    if anchor is None or day.date is None or day.date >= anchor or match is None:
        return day
    if (match.group("which") or "").lower() == "last":
        return day
    ahead = anchor + dt.timedelta(days=(_WEEKDAYS[match["weekday"].lower()] - anchor.weekday()) % 7)
    return DateExpression(day.start, day.end, day.text, ahead)


def event_date(
    sentence: Span | str,
    *,
    article_date: str | None,
    mention: tuple[int, int] | None = None,
    ahead: bool = False,
    planned: bool = False,
) -> tuple[str | None, str | None]:
    """``(date, source)`` for an event: the sentence's date, else the article's, else none.

    The sentence's date is its day, else the month or year it names when it
    names no day ("in January 2024": ``2024-01``), from :func:`sentence_period`
    (a period ahead only when ``ahead``: the event is planned or told in the present;
    farther ahead when ``planned``).
    ``source`` is ``"sentence"``, ``"article"`` or ``None``, as
    :attr:`layers.types.Event.date_source` documents. An article date that
    is not a valid ``YYYY-MM-DD`` counts as no date.

    Examples
    --------
    >>> event_date("No date here.", article_date="2018-09-21")
    ('2018-09-21', 'article')
    """
    day = _day_expression(sentence, article_date=article_date, mention=mention)
    if planned and day is not None and not _a_past_verb_s(sentence, day):
        day = _weekday_ahead(day, parse_iso_date(article_date))
    found = None if day is None or day.date is None else day.date.isoformat()
    if found is None or (
        not isinstance(sentence, str)
        and mention is not None
        and day is not None
        and (
            # "The minister, who visited Kyiv last year, met his counterpart in Rome
            # on Monday": Monday times the meeting; the visit's own clause says its year
            _in_a_clause_apart(sentence, day.start, day.end, mention)
            # "marked the 40th anniversary of the bombing on Tuesday": the day it was marked
            or _an_anniversary_of(sentence, mention)
            # "a documentary about the 1945 bombing of Dresden was shown on Friday":
            # the year the event's own words give outweighs the day of the showing,
            # not a day of its own verb ("the 2019 election protests resumed on Monday")
            or (
                any(
                    not found.startswith(year.text)
                    for year in _years_naming_the_event(sentence, mention, own=True)
                )
                and not _a_day_of_its_own(sentence, day, mention)
            )
        )
    ):
        found = (
            sentence_period(
                sentence, article_date=article_date, mention=mention, ahead=ahead, planned=planned
            )
            or found
        )
    if found is not None:
        return found, "sentence"
    anchor = parse_iso_date(article_date)
    if anchor is not None:
        return anchor.isoformat(), "article"
    return None, None


def citation_date(citation: Citation) -> tuple[str | None, str | None]:
    """``(date, source)`` for the event a citation quotes, from its text alone.

    The map and the exports read grouped citations, not events, and the build
    cache stores citations; computing the date from the quoted sentence, the
    mention's place in it and the article's date gives every output the same
    answer, before or after a cache round trip. The classifier sets
    :attr:`~layers.types.Event.date` with this same function.
    """
    if citation.event_date is not None:
        return citation.event_date
    mention = (citation.start - citation.quote_start, citation.end - citation.quote_start)
    return event_date(citation.quote, article_date=citation.date, mention=mention)


def days_after_the_sentence_before(sentence: str) -> int | None:
    """How many days after the sentence before the words say this one's deed came.

    "Israeli warplanes struck Nabatieh hours later": the same day as the
    rockets the sentence before dated (0); "a day later", "the next day": the
    day after (1); "the day before", "the previous night": the day before
    (-1). ``None`` when the words tell no such time.

    Examples
    --------
    >>> days_after_the_sentence_before("Jets struck the port hours later.")
    0
    >>> days_after_the_sentence_before("The next day, troops entered the town.")
    1
    >>> days_after_the_sentence_before("The day before, drones hit the depot.")
    -1
    >>> days_after_the_sentence_before("Forty-eight hours later, gunmen fired on a barge.")
    2
    >>> days_after_the_sentence_before("Jets struck the port.") is None
    True
    """
    if _NEXT_DAY.search(sentence):
        return 1
    before = _DAY_BEFORE.search(sentence)
    if before is not None and not _COMPARED.search(sentence, 0, before.start()):
        return -1
    counted = _DAYS_APART.search(sentence)
    if counted is not None and not _COMPARED.search(sentence, 0, counted.start()):
        # "Two days later", "Forty-eight hours later", "three days earlier,"
        number = _COUNTS.get(counted["n"].lower())
        if number is None and counted["n"].isdigit():
            number = int(counted["n"])
        if number:
            days = number // 24 if counted["unit"].lower() == "hours" else number
            if days:
                return -days if counted["way"].lower() in ("earlier", "before") else days
    return 0 if _SAME_DAY.search(sentence) else None


_COUNTS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "twenty-four": 24, "forty-eight": 48, "seventy-two": 72,
}  # fmt: skip
_DAYS_APART = re.compile(
    r"\b(?P<n>two|three|four|five|six|seven|eight|nine|ten|twenty-four|forty-eight|"
    r"seventy-two|\d{1,2})\s+(?P<unit>days|hours)\s+"
    r"(?P<way>later|afterwards?|earlier(?=\s*[,.;])|before(?=\s*[,.;]))",
    re.IGNORECASE,
)
"""Days or whole days of hours counted from the sentence before: "Two days later", "Forty-eight
hours later" (two days on), "three days earlier,"; not "two days before the vote", which
counts from the vote."""


_SAME_DAY = re.compile(
    r"\b(?:(?:hours|minutes|moments) later|later (?:that|the same|in the) "
    r"(?:day|night|morning|afternoon|evening)|shortly (?:afterwards?|thereafter)|"
    r"soon afterwards?|(?:that|the) same (?:day|night|morning|afternoon|evening))\b",
    re.IGNORECASE,
)
_DAY_BEFORE = re.compile(
    r"(?<!\bdone )(?<!\bdid )(?<!\bas )(?<!\bthan )(?<!\blike )(?<!\bsince )"
    r"\b(?:the (?:day|night) before(?=\s*[,.;]|\s*$)|a day (?:earlier|before)(?=\s*[,.;])"
    r"|the previous (?:day|night)|the day earlier)",
    re.IGNORECASE,
)
"""The day before the sentence before's: "The day before, villagers said …"; not "the day
before the vote", which counts from the vote, nor a comparison with it ("as they had
done the previous day", "more than the previous day")."""
_COMPARED = re.compile(
    r"\b(?:as|than|like)(?:\s+(?:on|in|they|it|he|she|we|had|have|has|did|done|was|were|"
    r"been))*\s+$",
    re.IGNORECASE,
)
"""A comparison a few words before "the previous day": "as on the previous day", "as they
had the previous day", "than on the previous day", which times nothing."""
_NEXT_DAY = re.compile(r"\b(?:a day later|the (?:next|following) day)\b", re.IGNORECASE)


def shifted(date: str, count: int, unit: str) -> str | None:
    """``date`` moved by ``count`` days, weeks, months or years (back when negative).

    The result is as precise as the span says: a day for days and weeks, a
    month for months, a year for years; never more precise than ``date``.
    ``None`` for an unknown unit or a malformed date.

    Examples
    --------
    >>> shifted("2026-11-20", -8, "month")
    '2026-03'
    >>> shifted("2026-11", -2, "year")
    '2024'
    """
    days = days_of(date)
    if days is None or unit not in ("day", "week", "month", "year"):
        return None
    day = dt.date.fromisoformat(days[0])
    if unit in ("day", "week"):
        if len(date) < 10:
            return None  # "three days after" a month is no day
        return (day + dt.timedelta(days=count * (7 if unit == "week" else 1))).isoformat()
    if unit == "year":
        return f"{day.year + count:04d}"
    if len(date) < 7:
        return None  # "eight months after" a year is no month
    months = day.year * 12 + day.month - 1 + count
    return f"{months // 12:04d}-{months % 12 + 1:02d}"


def span_count(word: str) -> int | None:
    """The number a word for a count writes: "8", "eight", "a", "twenty-five"; else ``None``."""
    lower = word.lower()
    if lower.isdigit():
        return int(lower)
    tens, _, units = lower.partition("-")
    if units:
        high, low = _NUMBER_WORDS.get(tens), _NUMBER_WORDS.get(units)
        return high + low if high and high % 10 == 0 and low and low < 10 else None
    return _NUMBER_WORDS.get(lower)


def days_of(date: str) -> tuple[str, str] | None:
    """The first and last day (ISO) of a day, a month ``YYYY-MM`` or a year ``YYYY``.

    ``None`` for anything else (a malformed date from an old cache record).

    Examples
    --------
    >>> days_of("2024-02")
    ('2024-02-01', '2024-02-29')
    """
    try:
        if len(date) == 4:
            year = int(date)
            return dt.date(year, 1, 1).isoformat(), dt.date(year, 12, 31).isoformat()
        if len(date) == 7 and date[4] == "-":
            year, month = int(date[:4]), int(date[5:])
            last = calendar.monthrange(year, month)[1]
            return dt.date(year, month, 1).isoformat(), dt.date(year, month, last).isoformat()
        day = dt.date.fromisoformat(date).isoformat()
    except (ValueError, calendar.IllegalMonthError):
        return None
    return day, day
