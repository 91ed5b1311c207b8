"""Dates that a timeline's headings and line labels give the text under them.

Chronologies and live blogs date their entries once, above them, and not in
each sentence::

    ## Tuesday, 9 January

    Israeli artillery shelled the outskirts of X, the agency reported.

    - **18 May:** A bus was ambushed on the road between X and Y.

A reader takes the shelling to be Tuesday's and the ambush to be on 18 May;
the sentences alone say nothing of when, and would fall back on the
article's date. :func:`dated_stretches` finds such headings and labels and
the stretch of text each one dates:

- a **heading**, a line that is nothing but a date (a day with its number,
  "March 2024" or a year; not "Saturday" or "Today", which fix no day), dates
  every line after it up to the next heading of any kind or short line in
  bold. A Markdown heading (``## 9 January``) counts alone; a bare or bold
  date line only in a timeline, where two or more date lines each head some
  text, since one at the top of a pasted page, or a "published" line over an
  "updated" one, is the page's own date;
- a **label**, a date that opens a line and a colon or a dash that closes it
  ("18 May:", "- **18 May:** A bus …", "10 July 2025 - The frigate …"), dates
  the rest of its line, within any heading's stretch.

A live blog's time-stamp lines ("**09:14 GMT**") neither head nor end a
stretch. A day written without its year is the last such day by the
article's date ("18 May" in a timeline written in March is last May's). A
date after the article's own is no timeline's (a misread, or an entry
ahead), and is left out. What to do with the stretches is the events stage's
business (:mod:`layers.events`): only an event no words of its own date
takes one.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from geo.cues import LINE_TIME_STAMP
from layers.dates import find_date_expressions, parse_iso_date, sentence_period

__all__ = ["DatedStretch", "dated_stretches"]


@dataclass(frozen=True, slots=True)
class DatedStretch:
    """Text from ``start`` to ``end`` that a heading or a label dates ``date``.

    ``date`` is a day (``YYYY-MM-DD``), a month (``YYYY-MM``) or a year.
    ``label`` says a line label gave it: a label's stretch lies inside any
    heading's, and is the nearer date.
    """

    start: int
    end: int
    date: str
    label: bool = False


_LINE = re.compile(r"[^\n]*")
_HEADING_MARK = re.compile(r"\s*#{1,6}\s+")
_BULLET = re.compile(r"\s*(?:[-*•]|\d{1,3}[.)])\s+")
_BOLD = re.compile(r"(?:\*\*|__)")
_LABEL_LENGTH = 40
"""Most characters of a date label or heading: "Wednesday, 10 January 2024"."""
_BOLD_HEADING_LENGTH = 80
"""Most characters of a line in bold that heads a section; a longer one is an entry."""
_LABEL_END = re.compile(r":(?:\*\*|__)?\s+|(?:\*\*|__):?\s+|[^\S\n]+[-–—][^\S\n]+")
"""What closes a label before the entry's words: "18 May: ", "**18 May:** ", "**18 May** ",
or a chronology's dash, "10 July 2025 - "."""
_LEFT_OVER = re.compile(r"[\s,.:;*_–—-]*")
"""What may stand beside the date words in a label: commas, a colon, markup."""
_DASH_AND_PLACE = re.compile(r"\s*[-–—]\s*[^*_]*")
"""A place after the day in a live blog's entry line: "**00:30 GMT, 9 March - ZORVAN**"."""
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_PERIOD = re.compile(r"(?:(?:[A-Z][a-z]+\.?)\s+)?(?:1[89]|20)\d\d")
"""A heading that names a month and year, or a year alone: "March 2024", "2014"."""


def dated_stretches(text: str, article_date: str | None) -> list[DatedStretch]:
    """The stretches of ``text`` that a date heading or a date label dates, in order.

    Bare or bold date lines head a timeline only where two or more of them
    each head some text: one at the top of a page, or a "published" line over
    an "updated" one, is the page's own date. A Markdown heading of a date
    counts alone. A live blog's time-stamp lines neither head nor end a stretch,
    nor do its entry lines of a time stamp and a place in bold.
    """
    limit = parse_iso_date(article_date)
    headings: list[tuple[int, int, str | None, bool]] = []  # start, end, date, marked
    heads_text: list[bool] = []  # whether text stands under each heading
    labels: list[DatedStretch] = []
    year: str | None = None  # the year the heading above writes out
    for found in _LINE.finditer(text):
        start, end = found.span()
        line = found.group()
        if not line.strip() or LINE_TIME_STAMP.fullmatch(line):
            # a live blog's time stamp alone: "**09:14 GMT**"
            continue
        stamp = LINE_TIME_STAMP.match(line)
        if (
            stamp is not None
            and stamp.end() < len(line)
            and _in_bold(line)
            and not find_date_expressions(line[stamp.end() :], article_date=article_date)
        ):
            # or with the place it was filed from, all in bold: "**18:20 GMT - TAMMUN**"
            # (one that writes a day, "**00:10 GMT, 9 March**", heads as a date line)
            continue
        heading = _HEADING_MARK.match(line)
        body = line[heading.end() :] if heading else line
        date = _date_of(body, article_date)
        if date is None and stamp is not None and _in_bold(line):
            # "**00:10 GMT, 9 March - ZORVAN**": the day after the entry's time stamp
            date = _date_of(_DASH_AND_PLACE.sub("", line[stamp.end() :]), article_date)
        label = None if heading is not None or date is not None else _label(line, article_date)
        if heading is not None or date is not None or (label is None and _in_bold(body)):
            # a heading, or a short line all in bold: either ends the stretch above
            headings.append((start, end, date, heading is not None))
            heads_text.append(False)
            # "## 2024" over "- **18 May:** …": the heading's year is the label's
            year = date[:4] if date is not None and _YEAR.search(body) else None
            continue
        if heads_text:
            heads_text[-1] = True
        if label is not None:
            opening, day = label
            if year is not None and len(day) == 10 and not _YEAR.search(line[:opening]):
                day = _in_year(day, year)
            labels.append(DatedStretch(start + opening, end, day, label=True))
    timeline = sum(1 for h, t in zip(headings, heads_text, strict=True) if h[2] and t) >= 2
    stretches: list[DatedStretch] = []
    for number, (_, end, date, marked) in enumerate(headings):
        if date is None or not (marked or timeline):
            continue
        following = headings[number + 1][0] if number + 1 < len(headings) else len(text)
        stretches.append(DatedStretch(end, following, date))
    found_all = sorted([*stretches, *labels], key=lambda s: s.start)
    # ISO dates sort as text; a month or a year is compared with the article's
    # date cut to its length
    return [s for s in found_all if limit is None or s.date <= limit.isoformat()[: len(s.date)]]


def _in_bold(words: str) -> bool:
    """Whether a short line is all in bold: "**Reactions**"."""
    bold = words.strip()
    return (
        4 < len(bold) <= _BOLD_HEADING_LENGTH
        and bold.startswith(("**", "__"))
        and bold.endswith(("**", "__"))
    )


def _date_of(words: str, article_date: str | None, *, weekday: bool = False) -> str | None:
    """The date ``words`` name when they are nothing but a date (markup aside).

    With ``weekday`` a weekday alone counts, the last one on or before the
    article's day: a diary's "**Monday.** Fighters attacked …" labels its line.
    """
    plain = _BOLD.sub("", words).strip().rstrip(":").strip()
    if weekday:
        plain = plain.rstrip(".").strip()  # "**Monday.** …"
    if not plain or len(plain) > _LABEL_LENGTH:
        return None
    if _YEAR.fullmatch(plain):
        return plain  # "## 2019"
    if _PERIOD.fullmatch(plain):
        period = sentence_period(plain, article_date=article_date)
        if period is not None:
            return period
    expressions = find_date_expressions(plain, article_date=article_date)
    if not expressions:
        return None
    rest = plain
    for e in expressions:
        rest = rest[: e.start] + " " * (e.end - e.start) + rest[e.end :]
    if not _LEFT_OVER.fullmatch(rest):
        return None
    # "Monday 8 January 2024": the day the month names; a weekday alone ("Saturday",
    # "Today") fixes no day a heading can give
    named = [
        e.date
        for e in expressions
        if e.date is not None and (weekday or any(c.isdigit() for c in e.text))
    ]
    if not named:
        return None
    day = named[-1]
    limit = parse_iso_date(article_date)
    if limit is not None and day > limit and not _YEAR.search(plain):
        # "18 May" in a timeline written in March: last May, not the coming one
        day = _a_year_before(day)
    return day.isoformat()


def _in_year(day: str, year: str) -> str:
    """``YYYY-MM-DD`` moved to ``year`` (28 February for a 29th)."""
    try:
        return dt.date(int(year), int(day[5:7]), int(day[8:10])).isoformat()
    except ValueError:
        return f"{year}{day[4:8]}28"


def _a_year_before(day: dt.date) -> dt.date:
    """The same day a year before (28 February for a 29th)."""
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return day.replace(year=day.year - 1, day=28)


def _label(line: str, article_date: str | None) -> tuple[int, str] | None:
    """Where the entry after a date label opens in ``line``, and the label's date.

    "- **18 May:** A bus was ambushed …": the words after the label.
    """
    bullet = _BULLET.match(line)
    opening = bullet.end() if bullet else 0
    closing = _LABEL_END.search(line, opening, opening + _LABEL_LENGTH + 6)
    if closing is None or closing.end() >= len(line):
        return None
    date = _date_of(line[opening : closing.start()], article_date, weekday=True)
    return None if date is None else (closing.end(), date)
