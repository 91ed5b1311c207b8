"""A quoted sentence as a reader should see it: without the Markdown marks around its words.

Articles written in Markdown keep their marks in the text, since every offset
(mentions, triggers, citations) counts in it: a live blog's "**08:12** Troops
entered the town" or a "[report](https://example.org)" link. The map's popups
and the brief show the quote without them. The exports keep the text as it was,
since their offsets point into it.

Only marks that cannot be prose are dropped, in pairs that close on the same
line within 300 characters (so a long line of lone stars costs no more than
its length): strong emphasis (``**words**``, ``__words__``), emphasis with one
``*`` (not "2*3"; a single ``_`` is left alone, as in ``file_name``), a
heading's leading ``#``, and a link's or image's brackets and web address
(its words stay). So are the invisible controls that would reorder or hide the
text around them (a right-to-left override, an isolate, a zero-width space),
which an article may carry to make a quote read otherwise than it is. Backticks
and anything else stay: a plain-text article's characters are its own.
"""

from __future__ import annotations

import re

__all__ = ["readable_quote", "without_controls"]

_MARKS = re.compile(
    # [words](https://...), ![words](https://...): the words stay
    r"!?\[(?P<words>[^\]\n]+)\]\(https?://[^)\s]+\)"
    # **words**, __words__, *words*: the words stay (not "2*3", nor "file_name")
    r"|(?<![\w*])(?P<mark>\*\*|__|\*)(?=[^\s*_])(?P<inner>[^\n]{1,300}?)(?<=[^\s*_])(?P=mark)(?![\w*])"
    # "## Heading" opening the quote: the marks go
    r"|^#{1,6}[ \t]+"
)
_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200b\u2060\ufeff")
"""Controls that reorder or hide what follows: a right-to-left override turns the rest
of a quote around, a zero-width space hides in a word. Joiners, which shape scripts, stay."""


def without_controls(text: str) -> str:
    """``text`` without the controls that would reorder or hide it on screen.

    For what a reader sees of untrusted text beside a quote: an article's
    title or file name ("report-\u202efdp.md" shows as "report-dm.pdf").

    Examples
    --------
    >>> without_controls("Strike on \u202eKharkiv\u202c school")
    'Strike on Kharkiv school'
    """
    return "".join(ch for ch in text if ch not in _CONTROLS)


def readable_quote(quote: str, start: int, end: int) -> tuple[str, int, int]:
    """``quote`` without Markdown marks, and where ``start``..``end`` fall in it.

    ``start`` and ``end`` are offsets into ``quote`` (a mention to mark); a
    span outside it, or one that only held marks, comes back as (-1, -1).

    Examples
    --------
    >>> readable_quote("**08:12** Troops entered Kesra.", 25, 30)
    ('08:12 Troops entered Kesra.', 21, 26)
    """
    pieces: list[str] = []
    # where each offset of the quote lands in the readable text; a dropped mark's
    # characters land where the text after it does
    landing = [0] * (len(quote) + 1)
    kept = 0
    at = 0
    for match in _MARKS.finditer(quote):
        kept = _copy(quote, at, match.start(), kept, pieces, landing)
        group = "words" if match.group("words") is not None else "inner"
        if match.group(group) is not None:
            for i in range(match.start(), match.start(group)):
                landing[i] = kept
            kept = _copy(quote, match.start(group), match.end(group), kept, pieces, landing)
            dropped_from = match.end(group)
        else:
            dropped_from = match.start()
        for i in range(dropped_from, match.end()):
            landing[i] = kept
        at = match.end()
    kept = _copy(quote, at, len(quote), kept, pieces, landing)
    landing[len(quote)] = kept
    text = "".join(pieces)
    if not 0 <= start < end <= len(quote):
        return text, -1, -1
    new_start, new_end = landing[start], landing[end]
    return (text, new_start, new_end) if new_start < new_end else (text, -1, -1)


def _copy(
    quote: str, start: int, end: int, kept: int, pieces: list[str], landing: list[int]
) -> int:
    """Copy ``quote[start:end]`` but its controls; return how much readable text is written."""
    for i in range(start, end):
        landing[i] = kept
        if quote[i] not in _CONTROLS:  # inside emphasis or a link's words too
            pieces.append(quote[i])
            kept += 1
    return kept
