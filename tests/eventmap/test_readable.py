"""A quote as a reader sees it: Markdown's marks go, the marked mention stays marked."""

from __future__ import annotations

import pytest

from eventmap.readable import readable_quote, without_controls


@pytest.mark.parametrize(
    ("quote", "shown"),
    [
        # a live blog's bold time stamp, a link, emphasis, a heading
        ("**08:12** Troops entered Kesra.", "08:12 Troops entered Kesra."),
        ("See the [UN report](https://example.org/r) on Kesra.", "See the UN report on Kesra."),
        ("Shelling hit *central* Kesra and __Dorvik__.", "Shelling hit central Kesra and Dorvik."),
        ("## Fighting near Kesra", "Fighting near Kesra"),
        # what is no mark stays: arithmetic, a name with an underscore, a lone star,
        # backticks, and a link to anything but the web
        ("Troops hit 2*3 targets near Kesra.", "Troops hit 2*3 targets near Kesra."),
        ("The file_name says Kesra.", "The file_name says Kesra."),
        ("A * B near Kesra.", "A * B near Kesra."),
        ("Port `Kesra` again.", "Port `Kesra` again."),
        ("[Kesra](javascript:alert(1)) fell.", "[Kesra](javascript:alert(1)) fell."),
        # a right-to-left override would show the rest of the quote reversed, an
        # isolate hides its direction, a zero-width space hides in a word (tester
        # round 37); joiners, which Persian and Indic words need, stay
        ("Police in \u202eKesra\u202c fired tear gas.", "Police in Kesra fired tear gas."),
        ("Police in \u2067Kesra\u2069 fired.", "Police in Kesra fired."),
        ("Drones hit Li\u200bwa near Kesra.", "Drones hit Liwa near Kesra."),
        ("Kesra \u200cmi\u200dx stays.", "Kesra \u200cmi\u200dx stays."),
        # inside emphasis or a link's words too (the review of session 48, 12)
        ("**\u202eThey hit** Kesra.", "They hit Kesra."),
        ("A [\u202eschool in Kesra](https://example.org/r) was hit.",
         "A school in Kesra was hit."),
    ],
)  # fmt: skip
def test_markdown_marks_and_hiding_controls_go_and_the_mention_stays_marked(quote, shown):
    start = quote.index("Kesra")
    text, mark_start, mark_end = readable_quote(quote, start, start + len("Kesra"))
    assert text == shown
    assert text[mark_start:mark_end] == "Kesra"


def test_a_mention_inside_marks_is_marked_without_them():
    text, start, end = readable_quote("Rebels took **Kesra** today.", 14, 19)
    assert (text, text[start:end]) == ("Rebels took Kesra today.", "Kesra")


def test_a_span_outside_the_quote_marks_nothing():
    assert readable_quote("**Kesra** fell.", 40, 45) == ("Kesra fell.", -1, -1)



def test_a_title_or_a_file_name_shown_beside_a_quote_loses_its_hiding_controls():
    # "report-\u202efdp.md" shows as "report-dm.pdf" (tester round 38)
    assert without_controls("report-\u202efdp.md") == "report-fdp.md"
    assert without_controls("Strike on \u2067Kesra\u2069 school") == "Strike on Kesra school"
    assert without_controls("Kesra \u200cmi\u200dx") == "Kesra \u200cmi\u200dx"
