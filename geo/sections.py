"""Where a text's headings are, and the stretch each one heads.

A headline heads a whole story; a section title ("## Chad", "FIGHTING IN
KORDOFAN", "**2. Russia: the refineries keep burning**") heads the text up to
the next one. The places and the events of a section belong to its ground:
a digest jumps from Mali to Bangladesh at a heading, not in mid-sentence.
:func:`heading_sections` finds them by their form alone, so the resolver
(the country a section's unknown names lie in) and the event stage (a
heading that sums up the events under it, :mod:`layers.headings`) read the
same sections.
"""

from __future__ import annotations

import re

__all__ = ["heading_sections", "section_of"]

_MARKDOWN_HEADING = re.compile(r"[^\S\n]*#{1,6}[^\S\n]+\S")
_CLOSED = re.compile(r"[.!?;,:\"”’)\]]\s*$")
"""A line that ends as a sentence, a list or a quote does: no heading."""
_OPENS_AN_ITEM = re.compile(r"\s*(?:[-*•>|–—]|\d{1,2}[:.]\d\d\b)")
"""A list item, a quote, a table row or a time stamp (a numbered line of its own with
no stop is a section's title: "2. Russia: the refineries keep burning")."""
_BOLD_EDGES = re.compile(r"^\s*(?:\*\*|__)|(?:\*\*|__)\s*$")
"""Markdown bold around a whole line: a heading in bold is a heading."""
_ATTRIBUTED = re.compile(r",[^,]*\b(?:said|says|reported|reports|told|added)\s*$")
"""A line that ends by naming its source: a sentence's lede, whatever its stop."""
_NUMBERED = re.compile(r"\s*\d{1,3}[.)]\s")
"""A numbered first line: an item, not the text's headline."""
_HEADING_LENGTH = 120
"""Most characters of a heading; a longer line is a paragraph that lost its stop."""


def heading_sections(text: str) -> list[tuple[int, int, int]]:
    """Each heading's (start, end of its line, end of the section it heads).

    The first line is a headline when it ends with no stop and a blank line
    follows it; it heads the whole text. Below it, a Markdown heading, or a
    short line of its own (a blank line, or the text's edge, on either side)
    that ends with no stop and opens no list item, heads the text up to the
    next heading.
    """
    lines: list[tuple[int, int]] = []
    position = 0
    for line in text.split("\n"):
        lines.append((position, position + len(line)))
        position += len(line) + 1
    blank = [not text[start:end].strip() for start, end in lines]
    first = next((number for number, empty in enumerate(blank) if not empty), None)
    found: list[tuple[int, int]] = []
    headline: int | None = None
    for number, (start, end) in enumerate(lines):
        if blank[number]:
            continue
        line = _BOLD_EDGES.sub("", text[start:end])  # "**Russia: the refineries burn**"
        on_its_own = (number == 0 or blank[number - 1]) and (
            number == len(lines) - 1 or blank[number + 1]
        )
        if not _a_heading(line, on_its_own=on_its_own):
            continue
        if number == first:
            if _ATTRIBUTED.search(line) or _NUMBERED.match(line):
                continue  # "…, the defence ministry said": a lede that lost its stop
            headline = start
        found.append((start, end))
    return [
        (
            start,
            end,
            len(text) if start == headline or index + 1 == len(found) else found[index + 1][0],
        )
        for index, (start, end) in enumerate(found)
    ]


def _a_heading(line: str, *, on_its_own: bool) -> bool:
    """Whether a line is a Markdown heading, or a short line of its own with no stop."""
    return bool(_MARKDOWN_HEADING.match(line)) or (
        on_its_own
        and len(line.strip()) <= _HEADING_LENGTH
        and not _CLOSED.search(line)
        and not _OPENS_AN_ITEM.match(line)
    )


def section_of(
    text: str, sections: list[tuple[int, int, int]], position: int
) -> tuple[int, int] | None:
    """The (start, end) of the section, heading line included, that holds ``position``.

    The headline's section (the whole text) does not count: it says nothing
    of where one part of the story lies. ``None`` outside any other section.
    """
    visible = _VISIBLE.search(text)
    first = visible.start() if visible else len(text)
    held = [
        (start, stop) for start, _, stop in sections if start <= position < stop and start > first
    ]
    return held[-1] if held else None


_VISIBLE = re.compile(r"\S")
"""The text's first visible character: where its headline, if any, starts."""
