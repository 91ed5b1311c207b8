"""Sentence starts the spaCy pipeline adds: a plain-text article's date line stands alone."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text",
    [
        "Rail yard hit overnight\ndate 2022-06-02\nShells struck Kharkiv before dawn, they said.\n",
        "date: 2022-06-02\nShells struck Kharkiv before dawn, officials said.\n",
        "Rail yard hit overnight\n  Date 2022-06-02  \nShells struck Kharkiv before dawn.\n",
    ],
)
def test_a_date_line_is_never_part_of_a_quoted_sentence(nlp, text):
    sentences = [s.text.strip() for s in nlp(text).sents]
    body = next(s for s in sentences if "Kharkiv" in s)
    assert body.startswith("Shells struck Kharkiv")
    assert not any("2022-06-02" in s and len(s) > 20 for s in sentences)


def test_a_date_inside_a_sentence_does_not_split_it(nlp):
    text = "Officials said the date 2022-06-02 was chosen\nfor the talks in Vienna.\n"
    assert len(list(nlp(text).sents)) == 1
