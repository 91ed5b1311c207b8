"""What eventmap adds to the spaCy pipeline: a plain-text article's date line stands alone,
and verbs the news means keep their lemma."""

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


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Gunmen staged an attack on a village overnight.", "staged"),
        ("Students are staging a sit-in outside the ministry.", "staging"),
    ],
)
def test_staged_is_stage_not_stag(nlp, text, word):
    token = next(t for t in nlp(text) if t.text == word)
    assert token.lemma_ == "stage"
