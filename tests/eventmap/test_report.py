"""``eventmap report``: the brief's contents, its escaping, its fragment, its PDF.

Places, sentences and articles here are made up (real coordinates, invented
names) except in the end-to-end test, which maps sentences written for it.
"""

from __future__ import annotations

import base64
import re
import shutil
from dataclasses import dataclass

import pytest
from shapely.geometry import Point, box

from eventmap.grouping import group_events
from eventmap.report import (
    REPORT_FILE,
    chronology,
    make_report,
    report_fragment,
    report_html,
)
from geo.types import Place, Precision
from layers.types import Citation, Event, LayerDefinition

DEFS = (
    LayerDefinition(id="strike_sites", title="Strike sites", color="#d62728", order=2),
    LayerDefinition(id="meetings", title="Meetings", color="#2ca02c", order=4),
    LayerDefinition(id="places", title="Other places", color="#1f77b4", order=5, default=True),
)
needs_browser = pytest.mark.skipif(
    shutil.which("chromium") is None, reason="needs Debian's chromium for headless rendering"
)
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg=="
)


@dataclass(frozen=True)
class TypedCitation(Citation):
    """A citation as the classifier may soon make it, with an event type."""

    event_type: str | None = None


def _place(gid: str, name: str, lat: float, lon: float, **extra) -> Place:
    values = {"precision": Precision.EXACT, **extra}
    return Place(gid, name, "QX", "city", Point(lon, lat), lat, lon, **values)


ORVIN = _place("t:1", "Orvin", 48.14, 11.58)
TELMARK = _place("t:2", "Telmark", 50.11, 8.68, precision=Precision.NEAR, radius_km=12.0)
MOOR = Place(
    "t:3", "Moorland", "QX", "region", box(9, 48.6, 10.6, 49.4), 49.0, 9.8, Precision.REGION
)


def _event(layer: str, where: Place, quote: str, article: str, **cite) -> Event:
    at = quote.index(where.name)
    kind = TypedCitation if "event_type" in cite else Citation
    citation = kind(
        article=article,
        title=cite.pop("title", "Night of the storm"),
        date=cite.pop("date", None),
        quote=quote,
        quote_start=0,
        start=at,
        end=at + len(where.name),
        mention=where.name,
        **cite,
    )
    return Event(layer, where, citation, 0.8)


def _groups(*events: Event):
    return group_events(events, layer_defs=DEFS)


def test_a_citations_note_is_shown_in_its_chronology_row_escaped():
    note = "shown at the place that holds it <script>alert(1)</script>"
    shelled = _event("strike_sites", ORVIN, "Shells fell on Orvin.", "a.txt", note=note)
    groups = _groups(shelled)
    page = report_html(groups, DEFS, title="Brief", map_png=PNG)
    table = page[page.index("<h2>Chronology") : page.index("<h2>Sources")]
    assert "shown at the place that holds it &lt;script&gt;" in table
    assert "<script>alert" not in page


def test_chronology_lists_events_by_date_with_type_and_leaves_context_places_out():
    groups = _groups(
        _event("meetings", TELMARK, "Envoys met in Telmark.", "b.txt", date="2023-05-10"),
        _event("strike_sites", ORVIN, "Shells fell on Orvin.", "a.txt", date="2023-04-02"),
        _event("strike_sites", MOOR, "Drones flew over Moorland.", "c.txt"),
        _event("places", ORVIN, "Orvin is a river town.", "d.txt", date="2023-01-01"),
        _event(
            "strike_sites",
            TELMARK,
            "A depot burned in Telmark.",
            "e.txt",
            date="2023-05-11",
            event_type="Arson",
        ),
    )
    rows = chronology(groups, layer_defs=DEFS)
    assert [(r.date, r.event_type, r.place.name) for r in rows] == [
        ("2023-04-02", "Strike sites", "Orvin"),
        ("2023-05-10", "Meetings", "Telmark"),
        ("2023-05-11", "Arson", "Telmark"),  # the citation's type wins over the layer's
        (None, "Strike sites", "Moorland"),  # undated last
    ]
    page = report_html(groups, DEFS, title="Brief", map_png=PNG)
    assert "4 events at 3 places, from 5 articles, 2023-04-02 to 2023-05-11." in page
    table = page[page.index("<h2>Chronology") : page.index("<h2>Also named")]
    assert table.count("<tr>") == 5  # header and four events
    assert "region" in table and "near, \u00b112 km" in table
    assert "Shells fell on <mark>Orvin</mark>." in table
    named = page[page.index("<h2>Also named") : page.index("<h2>Sources")]
    assert "Orvin (QX)" in named and "Telmark" not in named
    assert "data:image/png;base64," + base64.b64encode(PNG).decode() in page


def test_sources_are_listed_once_with_links_only_for_web_addresses():
    groups = _groups(
        _event("strike_sites", ORVIN, "Shells fell on Orvin.", "a.txt", url="https://ex.org/a"),
        _event("strike_sites", MOOR, "Drones flew over Moorland.", "a.txt", url="https://ex.org/a"),
        _event("meetings", TELMARK, "Envoys met in Telmark.", "notes/b.txt", title=None),
    )
    page = report_html(groups, DEFS)
    sources = page[page.index("<h2>Sources") : page.index("<h2>Method")]
    assert sources.count("<li>") == 2
    assert '<a href="https://ex.org/a">Night of the storm</a>' in sources
    assert "2 events" in sources and "notes/b.txt (1 event)" in sources
    method = page[page.index("<h2>Method") :]
    for words in ("GeoNames", "CC BY 4.0", "Natural Earth", "exact", "near", "region", "country"):
        assert words in method


def test_untrusted_text_is_escaped_everywhere_and_never_run_as_code():
    payload = "<script>alert(1)</script>{{ 7*7 }}\"'><img src=x onerror=alert(2)>"
    place = _place("t:9", "Orvin<b>", 48.1, 11.5)
    groups = _groups(
        _event(
            "strike_sites",
            place,
            f"{payload} Shells fell on Orvin<b> {payload}",
            f"{payload}.txt",
            title=payload,
            url="javascript:alert(3)",
            event_type=payload,
        ),
        _event(
            "strike_sites",
            ORVIN,
            "Shells fell on Orvin.",
            "b.txt",
            title="Plain",
            url="https://ex.org/a b",  # a space: not a usable address either
        ),
    )
    for page in (
        report_html(groups, DEFS, title=payload),
        report_fragment(groups, DEFS, title=payload, report_id="r1"),
    ):
        assert "<script" not in page.lower()
        assert "<img src=x" not in page and "<b>" not in page
        assert "javascript:" not in page
        assert "href=" not in page  # neither address is a safe http(s) link
        assert "{{ 7*7 }}" in page and ">49<" not in page  # no template engine ran
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
        assert "onerror=alert(2)&gt;" in page  # text, inside escaped markup


def test_fragments_are_scoped_and_two_fit_on_one_page():
    groups = _groups(_event("strike_sites", ORVIN, "Shells fell on Orvin.", "a.txt"))
    one = report_fragment(groups, DEFS, title="One", report_id="brief-one")
    two = report_fragment(groups, DEFS, title="Two", report_id="brief-two")
    for fragment, rid in ((one, "brief-one"), (two, "brief-two")):
        assert fragment.startswith(f'<section id="{rid}" class="eventmap-report">')
        assert "<html" not in fragment and "<body" not in fragment
        css = fragment[fragment.index("<style>") + 7 : fragment.index("</style>")]
        rules = [r.split("{")[0] for r in re.split(r"}", css) if "{" in r and "@media" not in r]
        assert rules and all(rule.strip().startswith(f"#{rid}") for rule in rules)
    with pytest.raises(ValueError, match="report_id"):
        report_fragment(groups, DEFS, report_id='x"><script>')


def test_an_empty_brief_says_so():
    page = report_html([], DEFS, title="Nothing")
    assert "0 events at 0 places, from 0 articles." in page
    assert "No events were found" in page and "No article named a place" in page


def test_report_with_a_wrong_chromium_is_a_one_line_error_before_any_build(tmp_path, capsys):
    from eventmap.cli import main

    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a.txt").write_text("Shells fell on Kharkiv.\n")
    code = main(["report", str(articles), "--out", str(tmp_path / "out"), "--chromium", "/nope"])
    err = capsys.readouterr().err
    assert code == 2
    assert err.strip().splitlines() == ["eventmap: error: --chromium /nope: no such file"]
    assert not (tmp_path / "out").exists()


@pytest.mark.browser
@needs_browser
def test_report_end_to_end_html_fragment_and_pdf(tmp_path, pipeline, kit):
    """A real corpus through the real pipeline: the brief, its map and its PDF pages."""
    pytest.importorskip("playwright")
    from playwright.sync_api import sync_playwright

    from eventmap.build.engine import LocalEngine
    from eventmap.map.snapshot import CHROMIUM_ARGS, find_chromium

    articles = kit.write(tmp_path / "articles")
    out = tmp_path / "maps"
    out.mkdir()
    (out / "index.html").write_text("the analyst's own map")
    result = make_report(
        articles,
        out,
        engine=LocalEngine(pipeline),
        cache_dir=tmp_path / "cache",
        title="Week <in> review",
        pdf=True,
        fragment=True,
    )
    assert [p.name for p in result.outputs] == [REPORT_FILE, "report-fragment.html", "report.pdf"]
    assert (out / "index.html").read_text() == "the analyst's own map"  # left alone
    assert not list((tmp_path / "cache" / "outputs").glob("*.json"))  # no stray manifest
    page = (out / REPORT_FILE).read_text()
    assert "<h1>Week &lt;in&gt; review</h1>" in page
    assert "<td>Kharkiv (UA)</td>" in page and "<mark>Kharkiv</mark>" in page
    pdf = (out / "report.pdf").read_bytes()
    assert pdf.startswith(b"%PDF") and len(re.findall(rb"/Type\s*/Page[^s]", pdf)) >= 1

    requests: list[str] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=find_chromium(), args=list(CHROMIUM_ARGS))
        try:
            view = browser.new_page(viewport={"width": 1000, "height": 800})
            view.on("request", lambda r: requests.append(r.url))
            view.goto((out / REPORT_FILE).as_uri())
            size = view.evaluate(
                "(() => { const i = document.querySelector('figure img');"
                " return [i.naturalWidth, i.naturalHeight]; })()"
            )
            rows = view.evaluate("document.querySelectorAll('table.chronology tbody tr').length")
        finally:
            browser.close()
    assert size[0] >= 1000 and size[1] >= 500  # the static map, decoded from the page itself

    # `eventmap snapshot` takes the report page too (how the README's picture is made)
    from eventmap.cli import main

    shot = tmp_path / "report.png"
    argv = ["snapshot", str(out / REPORT_FILE), "-o", str(shot), "--width", "600"]
    assert main([*argv, "--height", "500", "--scale", "1"]) == 0
    from PIL import Image

    with Image.open(shot) as image:
        assert image.size == (600, 500)
    assert rows == len(chronology(result.build.groups, layer_defs=_layers()))
    assert rows >= 2
    assert all(url.startswith(("file:", "data:")) for url in requests)


def _layers():
    from eventmap.config import PipelineConfig

    return PipelineConfig().layer_definitions()


def test_a_bad_fragment_id_is_refused_before_any_build(tmp_path, capsys):
    from eventmap.cli import main

    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a.txt").write_text("Shells fell on Kharkiv.\n")
    argv = ["report", str(articles), "--out", str(tmp_path / "out"), "--fragment"]
    assert main([*argv, "--fragment-id", '1"><script>']) == 2
    (line,) = capsys.readouterr().err.strip().splitlines()
    assert "--fragment-id must be a letter" in line
    assert not (tmp_path / "out").exists()


def test_a_quote_in_the_brief_shows_without_markdown_marks():
    quoted = _event("strike_sites", ORVIN, "**08:12** Shells fell on *Orvin*.", "a.md")
    page = report_html(_groups(quoted), DEFS, title="Brief", map_png=PNG)
    assert "08:12 Shells fell on <mark>Orvin</mark>." in page and "**" not in page


def test_a_title_or_file_name_in_the_brief_cannot_turn_itself_around():
    # a right-to-left override made "report-\u202efdp.md" show as "report-dm.pdf"
    # (tester round 38; the review of session 48, 12)
    quoted = _event(
        "strike_sites",
        ORVIN,
        "Shells fell on Orvin.",
        "report-\u202efdp.md",
        title="Strike on \u202eOrvin\u202c school",
    )
    page = report_html(_groups(quoted), DEFS, title="Brief \u2067x\u2069", map_png=PNG)
    assert not any(ch in page for ch in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
    assert "Strike on Orvin school" in page and "report-fdp.md" in page
