"""Runs of blanks inside a line are read as single spaces, offsets kept (geo.respace)."""

from __future__ import annotations

import re

import pytest

from eventmap.pipeline import Pipeline
from geo.respace import parse_texts, single_spaced
from layers.classify import ArticleInfo

_INFO = ArticleInfo(id="a", date="2026-11-20")

# Texts with old line-wrap spaces, tabs, blank-led lines and paragraphs.
_RAGGED = [
    "Gunmen killed four guards and  wounded six others near the market in Ramadi.",
    "Shelling hit New   Town\tand the port.  Residents fled.\n  Then calm returned.\n\nEnd.",
    "   A line led by blanks, and one ending in them.   \nNext  line.",
    "No run here at all.",
]


@pytest.mark.parametrize("text", _RAGGED)
def test_the_parse_spells_the_original_text(nlp, text: str) -> None:
    (doc,) = parse_texts(nlp, [text], batch_size=1)
    assert doc.text == text
    for token in doc:
        assert text[token.idx : token.idx + len(token.text)] == token.text


@pytest.mark.parametrize("text", _RAGGED[:3])
def test_words_keep_the_single_spaced_parse(nlp, text: str) -> None:
    """Each word has the tag, head and dependency it has in the single-spaced text."""
    plan = single_spaced(text)
    assert plan is not None
    plain = nlp(plan[0])
    (doc,) = parse_texts(nlp, [text], batch_size=1)
    assert [(t.text, t.tag_, t.dep_, t.head.text) for t in doc if not t.is_space] == [
        (t.text, t.tag_, t.dep_, t.head.text) for t in plain if not t.is_space
    ]
    assert [e.text.split() for e in doc.ents] == [e.text.split() for e in plain.ents]


def test_a_run_inside_a_name_stays_inside_its_entity(nlp) -> None:
    (doc,) = parse_texts(nlp, ["Protesters marched in New    York on Sunday."], batch_size=1)
    assert [re.sub(r"\s+", " ", e.text) for e in doc.ents if e.label_ == "GPE"] == ["New York"]


def test_line_breaks_and_line_edges_are_left_alone() -> None:
    assert single_spaced("One line.\n\n  Another  one.\t") == (
        "One line.\n\n  Another one.\t",
        [(20, 1)],
    )
    assert single_spaced("Nothing to do.\n") is None


@pytest.mark.parametrize(
    "sentence",
    [
        "The airstrike killed at least three fighters, including a man who used to run the "
        "group's prisons in Deir ez-Zor,    a local monitor told reporters.",
        "A suicide bomber killed 12 people and  wounded 20 outside a police station in Ramadi, "
        "in the  western province of Anbar.",
    ],
)
def test_events_do_not_depend_on_extra_spaces(pipeline: Pipeline, sentence: str) -> None:
    """A sentence with old wrap spaces reports what its single-spaced self reports."""

    def events(text: str) -> list[tuple[str, str, list[str]]]:
        result = pipeline.process_text(text, info=_INFO)
        return [
            (
                e.type,
                text[e.trigger_start : e.trigger_end],
                [text[loc.anchor_start : loc.anchor_end] for loc in e.locations],
            )
            for e in result.reported
        ]

    found = events(sentence)
    assert found and found == events(re.sub(r"  +", " ", sentence))


_WRAPPED = (
    "Notes.\n\n"
    "2.5 Drones and the air bases. Between 8 and 9 May, both sides launched\n"
    "swarms of drones. India said it intercepted drones over Jammu, Pathan-\n"
    "kot and Amritsar; Pakistan said Indian drones were shot down near La-\n"
    "hore and Rawalpindi. In the early hours of 10 May, India struck Nur\n"
    "Khan air base in Rawalpindi, Murid air base in Chakwal district and\n"
    "Rafiqui air base near Shorkot.\n"
)


def test_a_hard_wrapped_block_is_parsed_as_running_text(nlp, pipeline: Pipeline) -> None:
    (doc,) = parse_texts(nlp, [_WRAPPED], batch_size=1)
    assert doc.text == _WRAPPED  # every offset kept
    # the list of places the printed line cut still ends in Amritsar
    result = pipeline.process_text(_WRAPPED, info=_INFO)
    shot_down = {
        _WRAPPED[loc.anchor_start : loc.anchor_end]
        for e in result.reported
        if e.layer == "shootdown_area"
        for loc in e.locations
    }
    assert "Amritsar" in shot_down


@pytest.mark.parametrize(
    "text",
    [
        # a headline, a dateline and short lines keep their breaks
        "Thai jets strike Cambodian positions near disputed temples today\n"
        "BANGKOK, July 24 (Reuters) - Thai F-16 jets bombed two sites in the area.\n"
        "Clashes erupted shortly after dawn near the temple, the army said today.\n"
        "Done.",
        # a list
        "- Drones hit an apartment block in Kharkiv overnight, officials said.\n"
        "- A missile struck port infrastructure in Odesa on Monday, the army said.\n"
        "- Shelling hit a market in Kherson, killing two people, the governor said.",
    ],
)
def test_headlines_datelines_and_lists_keep_their_line_breaks(text: str) -> None:
    assert single_spaced(text) is None
