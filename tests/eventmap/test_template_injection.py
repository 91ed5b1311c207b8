"""Article data never reaches a template engine: payloads that would run stay text.

Every way text enters a build is tried at once: an article's body, a ``.txt``
headline, Markdown front matter, an HTML ``<title>``, a file name, an
analyst's ``places.toml`` label, a layer definition and ``--title``. Each
carries a Jinja payload that, if any template compiled it, would create a file
(the exploit of issue 13) or print ``49``; the build must create no file,
finish, and show every payload as written in the map, the fragment, the
GeoJSON and the exports.
"""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
from pathlib import Path

import pytest

from eventmap import cli
from layers.registry import bundled_definitions_dir

pytestmark = pytest.mark.slow

HARMLESS = ("{{ 7*7 }}", "{% raw %}", "{# x", "{{citation needed}}")


def _exploit(marker: Path) -> str:
    """A payload that creates ``marker`` if a Jinja template ever compiles it."""
    return "{{ cycler.__init__.__globals__.os.system('touch " + str(marker) + "') }}"


@pytest.fixture(autouse=True)
def _shared_gazetteer(monkeypatch, gazetteer):
    """The real pipeline with the test's layer folder, on the session's gazetteer."""
    from eventmap.pipeline import Pipeline

    monkeypatch.setattr(
        cli, "_pipeline", lambda args: Pipeline(gazetteer=gazetteer, layers_dir=args.layers)
    )


@pytest.fixture
def hostile(tmp_path: Path, monkeypatch) -> dict[str, object]:
    """A corpus, a places file, a layer folder and a title, all carrying payloads."""
    monkeypatch.chdir(tmp_path)
    markers = {
        where: tmp_path / f"PWNED-{where}"
        for where in ("body", "headline", "front", "html", "name", "label", "layer", "title")
    }
    harmless = " ".join(HARMLESS)
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "body.txt").write_text(
        f"Shelling near Aleppo {_exploit(markers['headline'])}\n\n"
        f"date 2016-08-02\n\n"
        f"Rockets struck Aleppo on Monday and {_exploit(markers['body'])} was written. "
        f"Residents of Aleppo said the sum {{{{ 7*7 }}}} and {harmless} stay as written.\n",
        encoding="utf-8",
    )
    (articles / "front.md").write_text(
        f'---\ntitle: "Talks {_exploit(markers["front"])} {harmless}"\n'
        f"url: https://example.org/a?q={{{{7*7}}}}\n---\n\n"
        "The ministers held talks in Vienna on Tuesday.\n",
        encoding="utf-8",
    )
    (articles / "page.html").write_text(
        f"<html><head><title>Raid {_exploit(markers['html'])} {harmless}</title></head>"
        "<body><article><p>Troops raided Kandahar on Friday, officials in Kabul said. "
        "The raid lasted several hours and residents described heavy gunfire "
        "across the old city.</p></article></body></html>",
        encoding="utf-8",
    )
    # A file name cannot hold "/", so this payload touches a marker in the cwd.
    name_payload = "{{ cycler.__init__.__globals__.os.system('touch PWNED-name') }} {{ 7*7 }}"
    (articles / f"{name_payload}.txt").write_text(
        "Floods in Dhaka\n\nHeavy flooding hit Dhaka on Sunday.\n", encoding="utf-8"
    )
    (articles / "places.toml").write_text(
        "[[place]]\n"
        'name = "Vienna"\n'
        "lat = 48.2\n"
        "lon = 16.37\n"
        f"label = {json.dumps('Vienna ' + _exploit(markers['label']) + ' ' + harmless)}\n",
        encoding="utf-8",
    )
    layers = tmp_path / "layers"
    layers.mkdir()
    text = (bundled_definitions_dir() / "meetings.toml").read_text(encoding="utf-8")
    payload_title = json.dumps("Meetings " + _exploit(markers["layer"]) + " " + harmless)
    text = re.sub(r"(?m)^title = .*$", lambda _: f"title = {payload_title}", text, count=1)
    (layers / "meetings.toml").write_text(text, encoding="utf-8")
    return {
        "articles": articles,
        "layers": layers,
        "title": f"Brief {_exploit(markers['title'])} {harmless}",
        "markers": markers,
        "out": tmp_path / "maps",
    }


def _build(hostile: dict[str, object]) -> int:
    return cli.main(
        [
            "build",
            str(hostile["articles"]),
            "--out",
            str(hostile["out"]),
            "--layers",
            str(hostile["layers"]),
            "--title",
            str(hostile["title"]),
            "--fragment",
            "--export",
            "gpkg,kml,csv",
            "-q",
        ]
    )


def _gpkg_text(path: Path) -> str:
    """Every text cell of every table in a GeoPackage, joined."""
    with sqlite3.connect(path) as db:
        tables = [row[0] for row in db.execute("SELECT table_name FROM gpkg_contents")]
        cells: list[str] = []
        for table in tables:
            for row in db.execute(f'SELECT * FROM "{table}"'):
                cells.extend(value for value in row if isinstance(value, str))
    return "\n".join(cells)


def test_no_payload_runs_and_every_output_shows_it_as_written(hostile, capsys):
    code = _build(hostile)
    err = capsys.readouterr().err
    assert code == cli.EXIT_OK, err
    markers = hostile["markers"]
    assert isinstance(markers, dict)
    ran = [where for where, marker in markers.items() if marker.exists()]
    assert ran == [], f"payloads ran from: {ran}"

    out = hostile["out"]
    assert isinstance(out, Path)
    texts = {
        name: (out / name).read_text(encoding="utf-8-sig")
        for name in ("index.html", "fragment.html", "events.geojson", "events.csv", "events.kml")
    }
    texts["events.gpkg"] = _gpkg_text(out / "events.gpkg")
    for name, text in texts.items():
        assert "the sum 49" not in text and "Talks 49" not in text, name

    page = texts["index.html"]
    for payload in HARMLESS:
        assert payload in page, payload
        assert payload in texts["fragment.html"], payload
    # Every entry point's payload reaches the page verbatim.
    assert "the sum {{ 7*7 }}" in page  # body text, in the quoted sentence
    assert "cycler.__init__.__globals__.os.system('touch PWNED-name') }} {{ 7*7 }}.txt" in page
    for where in ("headline", "front", "html", "label", "layer", "title"):
        assert str(markers[where]) in page, where

    geojson = json.loads(texts["events.geojson"])
    quotes = [c["quote"] for f in geojson["features"] for c in f["properties"]["citations"]]
    assert any("the sum {{ 7*7 }}" in quote for quote in quotes)
    titles = {c["title"] for f in geojson["features"] for c in f["properties"]["citations"]}
    assert any(title and "{{citation needed}}" in title for title in titles)
    assert any(title and "{# x" in title for title in titles)
    for name in ("events.csv", "events.kml", "events.gpkg"):
        assert "{{ 7*7 }}" in texts[name], name


def test_a_rebuild_from_the_cache_is_just_as_inert(hostile, capsys):
    assert _build(hostile) == cli.EXIT_OK
    first = (hostile["out"] / "index.html").read_bytes()  # type: ignore[operator]
    shutil.rmtree(hostile["out"])  # type: ignore[arg-type]
    assert _build(hostile) == cli.EXIT_OK
    capsys.readouterr()
    markers = hostile["markers"]
    assert isinstance(markers, dict)
    assert not any(marker.exists() for marker in markers.values())
    assert (hostile["out"] / "index.html").read_bytes() == first  # type: ignore[operator]
