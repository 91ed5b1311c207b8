"""GeoPackage, KML and CSV exports of hand-made places, read back with other tools."""

import csv
import dataclasses
import io
import json
import math
from xml.etree import ElementTree as ET

import geopandas as gpd
import pyogrio
import pytest
import shapely
from shapely.geometry import MultiPolygon, Point, Polygon

from eventmap.exports.csv import CSV_COLUMNS, csv_text, write_csv
from eventmap.exports.formats import EXPORT_FORMATS
from eventmap.exports.geojson import feature_collection
from eventmap.exports.gpkg import write_geopackage
from eventmap.exports.kml import kml_text, write_kml
from eventmap.grouping import PlaceOnLayer
from geo.types import Place, Precision
from layers.registry import load_layers
from layers.types import Citation

KML = "{http://www.opengis.net/kml/2.2}"
NASTY = 'He said "strike, now"\nthen: =HYPERLINK("x") ]]> <script>alert(1)</script> & more'


def _citation(quote: str, mention: str, *, article="a.md", date="2018-09-19", offset=100):
    start = offset + quote.index(mention)
    return Citation(article, "A title", date, quote, offset, start, start + len(mention), mention)


def _place(gid: str, name: str, geometry, precision=Precision.EXACT, radius=None) -> Place:
    point = geometry.representative_point()
    return Place(gid, name, "ZZ", "city", geometry, point.y, point.x, precision, radius)


HOLED = Polygon(
    [(30, 30), (34, 30), (34, 34), (30, 34)], [[(31, 31), (31, 32), (32, 32), (32, 31)]]
)
MULTI = MultiPolygon([Polygon([(0, 0), (1, 0), (1, 1)]), Polygon([(5, 5), (6, 5), (6, 6)])])


@pytest.fixture
def groups() -> list[PlaceOnLayer]:
    town = _place("t:1", "Townville", Point(35.5, 35.2))
    sea = _place("t:2", "Some Sea", HOLED, Precision.REGION, 40.0)
    isles = _place("t:3", "=Isles", MULTI, Precision.COUNTRY)
    return [
        PlaceOnLayer(
            "strike_sites",
            town,
            (
                _citation("Jets struck Townville on Monday.", "Townville"),
                _citation("A strike hit Townville.", "Townville", article="b.md", date=None),
            ),
            0.9,
        ),
        PlaceOnLayer(
            "shootdown_area", sea, (_citation(f"Lost over Some Sea. {NASTY}", "Some Sea"),), 0.8
        ),
        PlaceOnLayer(
            "shootdown_area",
            isles,
            (_citation("Debris near =Isles on Sept. 1.", "=Isles", date="2018-09-19"),),
            0.7,
        ),
        PlaceOnLayer("places", town, (_citation("Townville is big.", "Townville"),), 1.0),
    ]


def test_geopackage_tables_and_round_trip(groups, tmp_path):
    path = tmp_path / "events.gpkg"
    write_geopackage(groups, path, layer_defs=load_layers())
    layers = {name: kind for name, kind in pyogrio.list_layers(path)}
    assert layers == {
        "strike_sites_points": "Point",
        "shootdown_area_areas": "MultiPolygon",
        "places_points": "Point",
    }
    strikes = gpd.read_file(path, layer="strike_sites_points")
    assert strikes.crs.to_epsg() == 4326
    row = strikes.iloc[0]
    assert row["name"] == "Townville" and row["n_citations"] == 2
    assert (row["first_date"], row["last_date"]) == ("2018-09-17", "2018-09-17")
    citations = json.loads(row["citations"])
    assert [c["article"] for c in citations] == ["a.md", "b.md"]
    assert citations[0]["event_date"] == "2018-09-17"
    assert citations[0]["date_source"] == "sentence"
    assert citations[1]["event_date"] is None  # b.md has no date and the sentence none
    assert row.geometry.equals(Point(35.5, 35.2))

    areas = gpd.read_file(path, layer="shootdown_area_areas").set_index("gazetteer_id")
    assert len(areas) == 2
    assert areas.loc["t:2", "geometry"].geoms[0].interiors  # the hole survives
    assert len(areas.loc["t:3", "geometry"].geoms) == 2
    assert json.loads(areas.loc["t:2", "citations"])[0]["quote"].endswith(NASTY)
    assert areas.loc["t:2", "radius_km"] == 40.0
    assert pyogrio.read_info(path, layer="shootdown_area_areas")["features"] == 2


def test_empty_geopackage_is_still_a_geopackage(tmp_path):
    path = tmp_path / "events.gpkg"
    write_geopackage([], path, layer_defs=load_layers())
    assert [name for name, _ in pyogrio.list_layers(path)] == ["events_points"]
    assert len(gpd.read_file(path, layer="events_points")) == 0


def test_geopackage_replaces_an_old_file(groups, tmp_path):
    path = tmp_path / "events.gpkg"
    write_geopackage(groups, path, layer_defs=load_layers())
    write_geopackage(groups[:1], path, layer_defs=load_layers())
    assert [name for name, _ in pyogrio.list_layers(path)] == ["strike_sites_points"]
    assert [p.name for p in tmp_path.iterdir()] == ["events.gpkg"]


def test_kml_structure(groups, tmp_path):
    path = tmp_path / "events.kml"
    write_kml(groups, path, layer_defs=load_layers())
    root = ET.parse(path).getroot()
    folders = root.findall(f"{KML}Document/{KML}Folder")
    titles = {layer.id: layer.title for layer in load_layers()}
    assert [f.findtext(f"{KML}name") for f in folders] == [
        titles["strike_sites"],
        titles["shootdown_area"],
        titles["places"],
    ]
    assert [len(f.findall(f"{KML}Placemark")) for f in folders] == [1, 2, 1]
    town = folders[0].find(f"{KML}Placemark")
    assert town.findtext(f"{KML}Point/{KML}coordinates") == "35.50000,35.20000"  # lon,lat
    assert town.findtext(f"{KML}TimeSpan/{KML}begin") == "2018-09-17"
    sea, isles = folders[1].findall(f"{KML}Placemark")
    polygon = sea.find(f"{KML}Polygon")
    assert polygon.find(f"{KML}outerBoundaryIs/{KML}LinearRing/{KML}coordinates") is not None
    assert len(polygon.findall(f"{KML}innerBoundaryIs")) == 1
    assert len(isles.findall(f"{KML}MultiGeometry/{KML}Polygon")) == 2


def test_kml_description_cannot_break_out(groups):
    root = ET.fromstring(kml_text(groups, layer_defs=load_layers()))
    marks = root.findall(f".//{KML}Placemark")
    sea = next(m for m in marks if m.findtext(f"{KML}name") == "Some Sea")
    description = sea.findtext(f"{KML}description")
    # One level of escaping remains after XML parsing: the HTML a viewer renders
    # shows the quote as text, never as markup.
    assert "&lt;script&gt;" in description and "<script>" not in description
    assert "]]&gt;" in description
    assert "&quot;strike, now&quot;" in description
    assert len(marks) == 4  # nothing swallowed the following placemarks


def test_kml_drops_characters_xml_cannot_hold():
    place = _place("t:9", "Odd\x00name\x1b", Point(1, 2))
    group = PlaceOnLayer("places", place, (_citation("At Odd\x07name.", "Odd"),), 1.0)
    root = ET.fromstring(kml_text([group]))
    assert root.findtext(f".//{KML}Placemark/{KML}name") == "Oddname"


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_csv_one_row_per_event(groups, tmp_path):
    path = tmp_path / "events.csv"
    write_csv(groups, path, layer_defs=load_layers())
    assert path.read_bytes().startswith(b"\xef\xbb\xbflayer,name,")  # a BOM: Excel reads UTF-8
    with path.open(newline="", encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert tuple(rows[0]) == CSV_COLUMNS and "wkt" not in rows[0]
    assert [(r["layer"], r["article"]) for r in rows] == [
        ("strike_sites", "a.md"),
        ("strike_sites", "b.md"),
        ("shootdown_area", "a.md"),
        ("shootdown_area", "a.md"),
        ("places", "a.md"),
    ]
    first = rows[0]
    assert (first["event_date"], first["date_source"], first["article_date"]) == (
        "2018-09-17",
        "sentence",
        "2018-09-19",
    )
    assert rows[1]["event_date"] == "" and rows[1]["date_source"] == ""
    assert float(first["lat"]) == 35.2 and float(first["lon"]) == 35.5
    assert (first["shape"], first["radius_km"]) == ("point", "")
    sea, isles = rows[2], rows[3]
    assert (sea["shape"], sea["precision"], sea["radius_km"]) == ("area", "region", "40.0")
    # an area without a radius of its own: that of a circle as large (two half-degree
    # triangles near the equator, about 0.5 deg2 each => sqrt(2 * 6200 / pi) ~ 63 km)
    assert isles["shape"] == "area" and 55 < float(isles["radius_km"]) < 70


def test_csv_wkt_only_when_asked_and_every_cell_fits_excel(tmp_path):
    from eventmap.exports.csv import CSV_WKT_COLUMNS, EXCEL_CELL_MAX, write_csv_wkt

    # an outline of 40,000 vertices, as a country's coast can be, and a huge quote
    ring = [
        (
            10 + 5 * math.cos(2 * math.pi * i / 40000) + 0.01 * (i % 2),
            50 + 3 * math.sin(2 * math.pi * i / 40000),
        )
        for i in range(40000)
    ]
    coast = _place("t:8", "Coastland", Polygon(ring), Precision.COUNTRY)
    quote = "Ships left Coastland. " + "x" * 40000
    group = PlaceOnLayer("places", coast, (_citation(quote, "Coastland"),), 1.0)
    plain = csv_text([group])
    assert len(plain) < 1000 + EXCEL_CELL_MAX  # no outline repeated on the row
    path = tmp_path / "events.csv"
    write_csv_wkt([group], path)
    with path.open(newline="", encoding="utf-8-sig") as handle:
        (row,) = list(csv.DictReader(handle))
    assert tuple(row) == CSV_WKT_COLUMNS
    assert all(len(cell) <= EXCEL_CELL_MAX for cell in row.values())
    assert row["quote"].startswith("Ships left Coastland. xxx") and row["quote"].endswith(" […]")
    outline = shapely.from_wkt(row["wkt"])
    assert outline.geom_type == "Polygon" and abs(outline.area - coast.geometry.area) < 1.0


def test_csv_reads_back_accented_names_through_the_bom(groups, tmp_path):
    name = "Ţarţūs"
    place = _place("t:6", name, Point(35.9, 34.9))
    group = PlaceOnLayer("places", place, (_citation(f"Ships sailed from {name}.", name),), 1.0)
    path = tmp_path / "events.csv"
    write_csv([group], path)
    assert path.read_bytes()[:3] == b"\xef\xbb\xbf"
    (row,) = list(csv.DictReader(path.open(newline="", encoding="utf-8-sig")))
    assert row["name"] == name


def test_csv_round_trips_awkward_text(groups):
    rows = _rows(csv_text(groups))
    sea = next(r for r in rows if r["name"] == "Some Sea")
    assert sea["quote"] == f"Lost over Some Sea. {NASTY}"  # quotes, commas, newline intact
    start = int(sea["start"]) - 100
    assert sea["quote"][start : start + len("Some Sea")] == "Some Sea"


@pytest.mark.parametrize("lead", ["=", "+", "-", "@", "\t"])
def test_csv_formula_injection_is_defused(lead):
    name = f"{lead}cmd|' /C calc'!A0"
    place = _place("t:5", name, Point(-3.5, -10.25))
    group = PlaceOnLayer("places", place, (_citation(f"In {name} today.", name),), 1.0)
    (row,) = _rows(csv_text([group]))
    assert row["name"] == "'" + name
    assert row["mention"] == "'" + name
    assert row["lon"] == "-3.5" and row["lat"] == "-10.25"  # numbers are left alone


def test_geojson_has_event_dates(groups):
    features = feature_collection(groups)["features"]
    town = features[0]["properties"]
    assert (town["first_date"], town["last_date"]) == ("2018-09-17", "2018-09-17")
    assert town["citations"][0]["date"] == "2018-09-19"  # still the article's date
    assert town["citations"][0]["event_date"] == "2018-09-17"
    assert town["citations"][0]["date_source"] == "sentence"
    isles = features[2]["properties"]
    assert isles["first_date"] == "2018-09-01"


def test_first_and_last_dates_span_the_citations():
    town = _place("t:1", "Townville", Point(0, 0))
    group = PlaceOnLayer(
        "strike_sites",
        town,
        (
            _citation("Townville was hit on Monday.", "Townville", date="2018-09-19"),
            _citation("Townville was hit again.", "Townville", article="c.md", date="2018-10-02"),
        ),
        1.0,
    )
    props = feature_collection([group])["features"][0]["properties"]
    assert (props["first_date"], props["last_date"]) == ("2018-09-17", "2018-10-02")
    assert [c["date_source"] for c in props["citations"]] == ["sentence", "article"]


def test_a_year_or_month_spans_its_days_in_the_date_range():
    """ "In 2017, ..." runs to the end of 2017, later than a day in September 2017."""
    town = _place("t:1", "Townville", Point(0, 0))
    group = PlaceOnLayer(
        "strike_sites",
        town,
        (
            _citation("In 2017, Townville was hit.", "Townville", date="2018-09-19"),
            _citation("Townville was hit on 2 September 2017.", "Townville", date="2018-09-19"),
        ),
        1.0,
    )
    props = feature_collection([group])["features"][0]["properties"]
    assert [c["event_date"] for c in props["citations"]] == ["2017", "2017-09-02"]
    assert (props["first_date"], props["last_date"]) == ("2017-01-01", "2017-12-31")


@pytest.mark.parametrize("name", sorted(EXPORT_FORMATS))
def test_every_format_writes_its_file(groups, tmp_path, name):
    export = EXPORT_FORMATS[name]
    path = tmp_path / export.filename
    export.write(groups, path, layer_defs=load_layers())
    assert path.is_file() and path.stat().st_size > 0
    suffixes = {"geojson": ".geojson", "gpkg": ".gpkg", "kml": ".kml", "csv": ".csv"}
    assert path.suffix == suffixes[name.removesuffix("-wkt")]


UNSAFE_URLS = [
    "javascript:alert(document.cookie)",
    " JAVASCRIPT:alert(1)",
    "java\tscript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "//evil.example.org/no-scheme",
]


@pytest.mark.parametrize("url", UNSAFE_URLS)
def test_unsafe_urls_reach_no_export(url, tmp_path):
    """A citation carried over from an old cache or a caller keeps no unsafe link."""
    import dataclasses

    place = _place("t:6", "Townville", Point(35.5, 35.2))
    safe = dataclasses.replace(
        _citation("Jets struck Townville.", "Townville"), url="https://news.example.org/a"
    )
    unsafe = dataclasses.replace(_citation("A strike hit Townville.", "Townville"), url=url)
    groups = [PlaceOnLayer("strike_sites", place, (safe, unsafe), 0.9)]
    layer_defs = load_layers()
    collection = json.dumps(feature_collection(groups))
    kml = kml_text(groups, layer_defs=layer_defs)
    csv_out = csv_text(groups)
    write_geopackage(groups, tmp_path / "e.gpkg", layer_defs=layer_defs)
    gpkg = gpd.read_file(tmp_path / "e.gpkg", layer="strike_sites_points").iloc[0]["citations"]
    for name, text in [("geojson", collection), ("kml", kml), ("csv", csv_out), ("gpkg", gpkg)]:
        assert "news.example.org/a" in text, name  # the safe one is kept
        for part in ("alert(", "base64", "msgbox", "/etc/passwd", "evil.example.org"):
            assert part not in text, (name, part)


def test_geojson_labels_a_place_as_the_articles_write_it(groups):
    import dataclasses

    group = dataclasses.replace(
        groups[0], place=dataclasses.replace(groups[0].place, written="Hodeidah")
    )
    (feature,) = feature_collection([group])["features"]
    assert feature["properties"]["label"] == "Hodeidah"
    assert feature["properties"]["name"] == groups[0].place.name  # the contract's, unchanged


def test_csv_names_each_row_s_event_and_keeps_its_trigger_from_running(tmp_path):
    town = _place("t:1", "Townville", Point(35.5, 35.2))
    quote = "Rockets were launched from Townville."
    citation = dataclasses.replace(
        _citation(quote, "Townville"), event_type="missile_launch", trigger="=launched"
    )
    (row,) = _rows(csv_text([PlaceOnLayer("strike_sites", town, (citation,), 1.0)]))
    assert (row["event_type"], row["trigger"]) == ("missile_launch", "'=launched")
