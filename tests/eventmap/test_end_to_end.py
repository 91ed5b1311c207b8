"""End to end: articles in, map and GeoJSON out, checked against what the texts say.

The seed reports are read from ../shared/seeds (skipped, with the reason, where
that folder is absent); the bundled sample articles from articles/.
"""

import json
import shutil
from pathlib import Path

import pytest
from shapely.geometry import Point, shape

from eventmap.build.run import build
from geo.disambiguate import haversine_km
from geo.shapes import is_sea
from layers.dates import days_of

REPO = Path(__file__).resolve().parents[2]
LATAKIA = (35.53, 35.79)
MOSCOW = (55.75, 37.62)
TEL_AVIV = Point(34.78, 32.08)
DAMASCUS = Point(36.29, 33.51)
# Places the texts name only as parts of people's or channels' names.
VLADIMIR_CITY = (56.14, 40.40)
AL_MAYADIN_TOWN = (35.02, 40.45)


def _build(pipeline, articles: Path, out: Path) -> list[dict]:
    report = build(articles, out, pipeline=pipeline)
    assert not report.failed, report.failed
    assert (out / "index.html").is_file()
    return json.loads((out / "events.geojson").read_text())["features"]


@pytest.fixture(scope="module")
def seed_features(pipeline, seeds_dir, tmp_path_factory):
    articles = tmp_path_factory.mktemp("seeds")
    for path in seeds_dir.glob("*.txt"):
        shutil.copy(path, articles / path.name)
    return articles, _build(pipeline, articles, tmp_path_factory.mktemp("out"))


@pytest.fixture(scope="module")
def sample_features(pipeline, tmp_path_factory):
    return REPO / "articles", _build(pipeline, REPO / "articles", tmp_path_factory.mktemp("o"))


@pytest.fixture(params=["seed_features", "sample_features"])
def corpus(request):
    return request.getfixturevalue(request.param)


def _on(features, layer):
    return [f for f in features if f["properties"]["layer"] == layer]


def _km(feature, point):
    p = feature["properties"]
    return haversine_km(p["lat"], p["lon"], *point)


def test_a_strike_site_near_latakia(corpus):
    _, features = corpus
    assert any(_km(f, LATAKIA) < 20 for f in _on(features, "strike_sites"))


def test_a_shootdown_area_at_sea_near_latakia(corpus):
    _, features = corpus
    hits = [
        f
        for f in _on(features, "shootdown_area")
        if _km(f, LATAKIA) < 90 and is_sea(f["properties"]["lat"], f["properties"]["lon"])
    ]
    assert hits
    assert any(f["geometry"]["type"] in ("Polygon", "MultiPolygon") for f in hits)


def test_israeli_airspace_is_a_polygon_holding_tel_aviv_not_damascus(corpus):
    _, features = corpus
    airspace = [f for f in _on(features, "airspace") if f["properties"]["country"] == "IL"]
    assert airspace
    polygon = shape(airspace[0]["geometry"])
    assert polygon.contains(TEL_AVIV)
    assert not polygon.contains(DAMASCUS)


def test_a_meeting_in_moscow_russia(corpus):
    _, features = corpus
    meetings = _on(features, "meetings")
    assert any(f["properties"]["country"] == "RU" and _km(f, MOSCOW) < 30 for f in meetings)


@pytest.mark.parametrize("town", [VLADIMIR_CITY, AL_MAYADIN_TOWN])
def test_nothing_placed_at_towns_named_only_inside_names(corpus, town):
    _, features = corpus
    assert all(_km(f, town) > 25 for f in features)


def test_every_citation_quotes_its_article(corpus):
    from eventmap.articles import read_article

    articles_dir, features = corpus
    assert features
    for feature in features:
        for c in feature["properties"]["citations"]:
            text = read_article(articles_dir / c["article"], root=articles_dir).text
            assert c["quote"] in text
            assert text[c["start"] : c["end"]] == c["mention"]
            assert c["mention"] in c["quote"]


def test_geojson_contract_properties(corpus):
    _, features = corpus
    required = {
        "layer",
        "name",
        "lat",
        "lon",
        "precision",
        "radius_km",
        "gazetteer_id",
        "country",
        "citations",
    }
    for feature in features:
        assert required <= feature["properties"].keys()
        assert feature["geometry"]["type"] in ("Point", "Polygon", "MultiPolygon")
        if feature["geometry"]["type"] == "Point":
            lon, lat = feature["geometry"]["coordinates"]
            assert (lat, lon) == pytest.approx(
                (feature["properties"]["lat"], feature["properties"]["lon"]), abs=1e-4
            )


def test_hostile_article_text_is_shown_not_run(pipeline, tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "hostile.md").write_text(
        "---\ntitle: <b>bold</b> claims\n---\n\n"
        "Protesters marched in Lisbon <script>alert(1)</script> and "
        "<img src=x onerror=alert(1)> on Sunday.\n"
    )
    _build(pipeline, articles, tmp_path / "out")
    html = (tmp_path / "out" / "index.html").read_text()
    assert "<script>alert(1)" not in html
    assert "<img src=x onerror" not in html
    assert "<b>bold</b>" not in html
    # The text travels as data, every angle bracket escaped, and is shown with
    # textContent in the browser (tests/eventmap/test_browser.py checks that).
    assert "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e" in html
    assert "\\u003cimg src=x onerror=alert(1)\\u003e" in html


def test_event_dates_are_consistent(corpus):
    _, features = corpus
    for feature in features:
        props = feature["properties"]
        dates = []
        for c in props["citations"]:
            assert c["date_source"] in ("sentence", "article", None)
            if c["date_source"] == "article":
                assert c["event_date"] == c["date"]
            if c["date_source"] is None:
                assert c["event_date"] is None and c["date"] is None
            if c["event_date"] is not None:
                dates.append(days_of(c["event_date"]))  # a month or year spans its days
        assert (props["first_date"], props["last_date"]) == (
            (min(d[0] for d in dates), max(d[1] for d in dates)) if dates else (None, None)
        )


def test_exports_of_a_processed_article(pipeline, tmp_path):
    import csv
    from xml.etree import ElementTree as ET

    import pyogrio

    from eventmap.exports.formats import EXPORT_FORMATS
    from eventmap.grouping import group_events
    from layers.classify import ArticleInfo

    text = (
        "Rebels said government jets struck Aleppo on Tuesday.\n"
        "Later the two foreign ministers held talks in Vienna, it was reported yesterday."
    )
    result = pipeline.process_text(text, info=ArticleInfo(id="x.md", date="2019-01-03"))
    groups = group_events(result.events, layer_defs=pipeline.layers)
    assert groups
    for export in EXPORT_FORMATS.values():
        export.write(groups, tmp_path / export.filename, layer_defs=pipeline.layers)
    with (tmp_path / "events.csv").open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == sum(len(g.citations) for g in groups)
    aleppo = [r for r in rows if r["mention"] == "Aleppo"]
    assert aleppo and {r["event_date"] for r in aleppo} == {"2019-01-01"}  # that Tuesday
    tables = [name for name, _ in pyogrio.list_layers(tmp_path / "events.gpkg")]
    assert {g.layer for g in groups} == {t.rsplit("_", 1)[0] for t in tables}
    kml = ET.parse(tmp_path / "events.kml").getroot()
    assert len(kml.findall(".//{http://www.opengis.net/kml/2.2}Placemark")) == len(groups)


def test_an_area_on_its_layer_is_not_also_among_the_other_places(pipeline):
    """ "jets returned to Israeli airspace": a journey there, but the area is airspace."""
    from layers.classify import ArticleInfo

    text = "Officials said the jets had already returned to Israeli airspace by then."
    result = pipeline.process_text(text, info=ArticleInfo(id="x.md"))
    layers = {e.layer for e in result.events if e.citation.start == text.index("Israeli")}
    assert layers == {"airspace"}


def test_a_labelled_headline_is_parsed_as_a_headline(pipeline):
    """ "Title: India and Pakistan exchange fire": the label made India the fire's place."""
    from layers.classify import ArticleInfo

    text = (
        "Title: India and Pakistan exchange fire across Line of Control after Pahalgam attack\n"
        "Date: 2026-11-24\n\n"
        "Indian and Pakistani troops exchanged fire along the Line of Control on Monday.\n"
    )
    result = pipeline.process_text(text, info=ArticleInfo(id="x.txt", date="2026-11-24"))
    assert {e.type for e in result.reported} >= {"armed_clash"}
    placed = {text[loc.start : loc.end] for e in result.reported for loc in e.locations}
    assert "India" not in placed
