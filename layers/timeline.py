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

- a **heading**, a line that is nothing but a date (a day, "March 2024" or a
  year), written as a Markdown heading (``## 9 January``) or in bold
  (``**9 January**``), dates every line after it up to the next heading of
  any kind; a bare date line counts only in a text that has two or more (a
  timeline), since one at the top of a pasted page is its publication date;
- a **label**, a date that opens a line and a colon that closes it ("18 May:",
  "- **18 May:** A bus …"), dates the rest of its line.

A date after the article's own is no timeline's (a misread, or an entry
ahead), and is left out. What to do with the stretches is the events stage's
business (:mod:`layers.events`): only an event no words of its own date
takes one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from layers.dates import find_date_expressions, parse_iso_date, sentence_period

__all__ = ["DatedStretch", "dated_stretches"]


@dataclass(frozen=True, slots=True)
class DatedStretch:
    """Text from ``start`` to ``end`` that a heading or a label dates ``date``.

    ``date`` is a day (``YYYY-MM-DD``), a month (``YYYY-MM``) or a year.
    """

    start: int
    end: int
    date: str


_LINE = re.compile(r"[^\n]*")
_HEADING_MARK = re.compile(r"\s*#{1,6}\s+")
_BULLET = re.compile(r"\s*(?:[-*•]|\d{1,3}[.)])\s+")
_BOLD = re.compile(r"(?:\*\*|__)")
_LABEL_LENGTH = 40
"""Most characters of a date label or heading: "Wednesday, 10 January 2024"."""
_LABEL_END = re.compile(r":(?:\*\*|__)?\s+|(?:\*\*|__):?\s+")
"""What closes a label before the entry's words: "18 May: ", "**18 May:** ", "**18 May** "."""
_LEFT_OVER = re.compile(r"[\s,.:;*_–—-]*")
"""What may stand beside the date words in a label: commas, a colon, markup."""
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_PERIOD = re.compile(r"(?:(?:[A-Z][a-z]+\.?)\s+)?(?:1[89]|20)\d\d")
"""A heading that names a month and year, or a year alone: "March 2024", "2014"."""


def dated_stretches(text: str, article_date: str | None) -> list[DatedStretch]:
    """The stretches of ``text`` that a date heading or a date label dates, in order."""
    limit = parse_iso_date(article_date)
    lines = [(m.start(), m.end()) for m in _LINE.finditer(text) if m.end() > m.start()]
    headings: list[tuple[int, int, str | None, bool]] = []  # start, end, date, marked
    labels: list[DatedStretch] = []
    for start, end in lines:
        line = text[start:end]
        heading = _HEADING_MARK.match(line)
        body = line[heading.end() :] if heading else line
        marked = heading is not None
        bold = body.strip()
        if len(bold) > 4 and bold.startswith(("**", "__")) and bold.endswith(("**", "__")):
            marked = True
        date = _date_of(body, article_date)
        if marked or date is not None:
            # a heading, or a line all in bold: either ends the stretch above
            headings.append((start, end, date, marked))
            continue
        label = _label(line, article_date)
        if label is not None:
            labels.append(DatedStretch(start + label[0], end, label[1]))
    bare = sum(1 for h in headings if h[2] is not None and not h[3])
    stretches: list[DatedStretch] = []
    for number, (_, end, date, marked) in enumerate(headings):
        if date is None or not (marked or bare >= 2):
            continue
        following = headings[number + 1][0] if number + 1 < len(headings) else len(text)
        stretches.append(DatedStretch(end, following, date))
    found = sorted([*stretches, *labels], key=lambda s: s.start)
    return [s for s in found if limit is None or s.date <= limit.isoformat()[: len(s.date)]]


def _date_of(words: str, article_date: str | None) -> str | None:
    """The date ``words`` name when they are nothing but a date (markup aside)."""
    plain = _BOLD.sub("", words).strip().rstrip(":").strip()
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
    # "Monday 8 January 2024": the day the month names; a weekday alone is read
    # from the article's date
    days = [e.date for e in expressions if e.date is not None]
    if not days:
        return None
    named = [e.date for e in expressions if e.date is not None and any(c.isdigit() for c in e.text)]
    return (named or days)[-1].isoformat()


def _label(line: str, article_date: str | None) -> tuple[int, str] | None:
    """Where the entry after a date label opens in ``line``, and the label's date.

    "- **18 May:** A bus was ambushed …": the words after the label.
    """
    bullet = _BULLET.match(line)
    opening = bullet.end() if bullet else 0
    closing = _LABEL_END.search(line, opening, opening + _LABEL_LENGTH + 6)
    if closing is None or closing.end() >= len(line):
        return None
    date = _date_of(line[opening : closing.start()], article_date)
    return None if date is None else (closing.end(), date)
