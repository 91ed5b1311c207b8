"""Parsing a text as if its runs of spaces inside a line were single spaces.

Text cut from web pages and wire feeds often keeps the spaces of its old
line wraps: "killed 15 people and  wounded 30". spaCy makes a whitespace
token of each extra run, and its tagger and parser, trained on single-spaced
text, read the words around it differently: in that sentence "wounded" no
longer joins "killed", and the place of both went to the province named at
the end. Runs of spaces or tabs between two words of one line say nothing
to a reader, so the parse should not depend on them.

:func:`parse_texts` parses a copy with each such run made one space, then lays
that parse over the original characters: every word keeps its tag, lemma,
head, dependency and entity, and each extra run comes back as a whitespace
token hanging off the word before it. Offsets into the original text stay
exact, so mentions, triggers and quotes point where they always did. Line
breaks and the blanks at a line's start or end are left as they are: they
mark headlines, captions and paragraphs; only a break inside a hard-wrapped
block (text pasted from a PDF) is read as a space (:func:`_wrapped_breaks`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from itertools import pairwise
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["parse_texts", "single_spaced"]

# Two or more spaces or tabs, or a lone tab, between two visible characters of a line.
_INNER_RUN = re.compile(r"(?<=\S)(?:[ \t]{2,}|\t)(?=\S)")


def single_spaced(text: str) -> tuple[str, list[tuple[int, int]]] | None:
    """The text with each inner run of blanks made one space, and where the runs were.

    Each run is given as (its position in the new text, the characters removed
    before the new text's next character). A line break inside a hard-wrapped
    block (:func:`_wrapped_breaks`) is read as a space too, which removes
    nothing. ``None`` when the text has neither.
    """
    wraps = _wrapped_breaks(text)
    if wraps:
        chars = list(text)
        for position in wraps:
            chars[position] = " "
        text = "".join(chars)
    runs: list[tuple[int, int]] = []
    removed = 0
    for found in _INNER_RUN.finditer(text):
        width = found.end() - found.start()
        runs.append((found.start() - removed, width - 1))
        removed += width - 1
    if not runs and not wraps:
        return None
    return _INNER_RUN.sub(" ", text), runs


_WRAPPED_LINE = (45, 110)
"""How long a line of a hard-wrapped block is (a PDF's or an e-mail's column)."""
_NOT_WRAPPED = re.compile(
    r"^\s*(?:[#>|*•\-–—]|\d+[.)]\s|[A-Z][A-Z'.-]{2,}(?:\s[A-Z][A-Z'.-]+)*\s*[,(:—–-])"
)
"""A line that opens a heading, a quote, a table row, a list item or a dateline
("BANGKOK, July 24 (Reuters) -", "GAO, Mali —")."""


def _wrapped_breaks(text: str) -> list[int]:
    r"""The line breaks inside hard-wrapped blocks: where the source cut its lines.

    Text pasted from a PDF breaks a sentence wherever its column ended ("India
    struck Nur\nKhan air base in Rawalpindi"), and spaCy reads each break as
    the end of a thought. A break counts when it joins two lines of a block
    of three or more, every line but the last of a column's length, none of
    them a heading, a list item, a table row or a dateline, and the break
    falls between two visible characters. Blank lines, headlines and lists
    keep their breaks.
    """
    breaks: list[int] = []
    lines = text.split("\n")
    low, high = _WRAPPED_LINE
    start = 0
    block: list[tuple[int, str]] = []  # (offset, line) of the block being read

    def close() -> None:
        if len(block) >= 3 and all(low <= len(line) <= high for _, line in block[:-1]):
            for (offset, line), _ in pairwise(block):
                end = offset + len(line)  # the break after this line
                if (
                    offset > 0  # the text's first line is its headline
                    and end < len(text) - 1
                    and not text[end - 1].isspace()
                    and not text[end + 1].isspace()
                ):
                    breaks.append(end)
        block.clear()

    for line in lines:
        if not line.strip() or _NOT_WRAPPED.match(line):
            close()
        else:
            block.append((start, line))
        start += len(line) + 1
    close()
    return breaks


def parse_texts(nlp: Language, texts: Iterable[str], *, batch_size: int) -> Iterator[Doc]:
    """Parse ``texts`` in batches, in order, each read as :func:`single_spaced` shows it."""
    originals: list[str] = []
    plans: list[tuple[str, list[tuple[int, int]]] | None] = []

    def views() -> Iterator[str]:
        for text in texts:
            plan = single_spaced(text)
            originals.append(text)
            plans.append(plan)
            yield text if plan is None else plan[0]

    for number, doc in enumerate(nlp.pipe(views(), batch_size=batch_size)):
        plan = plans[number]
        yield doc if plan is None else laid_over(doc, originals[number], plan[1])
        originals[number] = ""  # let the text go once its parse is out
        plans[number] = None


def laid_over(doc: Doc, text: str, runs: list[tuple[int, int]]) -> Doc:
    """The parse ``doc`` of :func:`single_spaced` text, laid over the original ``text``.

    ``runs`` is what :func:`single_spaced` returned with the parsed text.
    """
    from spacy.tokens import Doc, Span

    starts = [position for position, _ in runs]
    shifts: list[int] = []
    total = 0
    for _, width in runs:
        total += width
        shifts.append(total)

    def original(position: int) -> int:
        """Where the parsed text's character ``position`` stands in ``text``."""
        before = bisect_right(starts, position - 1)  # runs wholly before the character
        return position + (shifts[before - 1] if before else 0)

    words: list[str] = []
    spaces: list[bool] = []
    new_index: list[int] = []  # each parsed token's index among the new tokens
    blanks: list[int] = []  # the new index of each whitespace token put back
    bounds = [original(token.idx) for token in doc] + [len(text)]
    for number, token in enumerate(doc):
        new_index.append(len(words))
        words.append(token.text)
        start = bounds[number] + len(token.text)
        gap = text[start : bounds[number + 1]]
        spaces.append(gap[:1] == " ")
        rest = gap[1:] if spaces[-1] else gap
        if rest:
            blanks.append(len(words))
            words.append(rest)
            spaces.append(False)
    tags, pos, lemmas, deps, heads = [], [], [], [], []
    blank_set = set(blanks)
    parsed = iter(doc)
    for index in range(len(words)):
        if index in blank_set:  # a run put back: whitespace, hanging off the word before
            tags.append("_SP")
            pos.append("SPACE")
            lemmas.append(words[index])
            deps.append("dep")
            heads.append(index - 1)
            continue
        token = next(parsed)
        tags.append(token.tag_)
        pos.append(token.pos_)
        lemmas.append(token.lemma_)
        deps.append(token.dep_)
        heads.append(new_index[token.head.i])
    laid = Doc(
        doc.vocab,
        words=words,
        spaces=spaces,
        tags=tags,
        pos=pos,
        lemmas=lemmas,
        deps=deps,
        heads=heads,
    )
    # an entity over a run ("New   York") keeps the run inside it
    laid.ents = [
        Span(laid, new_index[e.start], new_index[e.end - 1] + 1, label=e.label_) for e in doc.ents
    ]
    return laid
