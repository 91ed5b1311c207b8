"""``eventmap build``'s cache, engine and feedback options, through ``main``."""

from __future__ import annotations

import pytest

from eventmap import cli
from eventmap.build.engine import DaskEngine, EngineError

pytestmark = pytest.mark.usefixtures("quick_render")


@pytest.fixture(autouse=True)
def _shared_pipeline(monkeypatch, pipeline):
    monkeypatch.setattr(cli, "_pipeline", lambda args: pipeline)


def _build(corpus, tmp_path, *extra: str) -> int:
    return cli.main(["build", str(corpus), "--out", str(tmp_path / "maps"), *extra])


def test_the_summary_names_layers_and_the_cache(corpus, tmp_path, capsys):
    assert _build(corpus, tmp_path) == cli.EXIT_OK
    first = capsys.readouterr().err
    assert "4 articles read, 0 skipped" in first
    assert "meetings" in first and "events" in first and " s\n" in first
    assert _build(corpus, tmp_path) == cli.EXIT_OK
    assert "4 articles read (4 from cache)" in capsys.readouterr().err
    assert _build(corpus, tmp_path, "--fresh") == cli.EXIT_OK
    assert "from cache" not in capsys.readouterr().err


def test_quiet_prints_nothing_but_skipped_files(corpus, tmp_path, capsys):
    assert _build(corpus, tmp_path, "-q") == cli.EXIT_OK
    assert capsys.readouterr().err == ""
    (corpus / "broken.txt").write_bytes(b"\x00\x01binary")
    assert _build(corpus, tmp_path, "-q") == cli.EXIT_INPUT_FAILED
    err = capsys.readouterr().err
    assert err.startswith("eventmap: skipped ") and "broken.txt" in err
    assert len(err.splitlines()) == 1


def test_verbose_shows_engine_cache_and_phases(corpus, tmp_path, capsys):
    cache = tmp_path / "my-cache"
    assert _build(corpus, tmp_path, "-v", "--cache-dir", str(cache)) == cli.EXIT_OK
    err = capsys.readouterr().err
    assert "engine: local (1 process)" in err
    assert f"cache: {cache}" in err
    assert "time: read" in err and "render" in err
    assert "work: spaCy" in err and "places" in err
    assert (cache / "CACHEDIR.TAG").is_file()


def test_a_skipped_article_is_reported_again_from_the_cache(corpus, tmp_path, capsys):
    (corpus / "empty.md").write_text("---\ntitle: nothing\n---\n\n   \n")
    for _ in range(2):
        assert _build(corpus, tmp_path) == cli.EXIT_INPUT_FAILED
        err = capsys.readouterr().err
        assert "empty.md: no text after the front matter" in err


@pytest.mark.parametrize(
    "argv",
    [
        ["--workers", "0"],
        ["--workers", "two"],
        ["--workers", "2", "--scheduler", "tcp://127.0.0.1:8786"],
        ["-q", "-v"],
    ],
)
def test_bad_engine_or_verbosity_options_are_usage_errors(corpus, tmp_path, argv):
    with pytest.raises(SystemExit) as exit_info:
        _build(corpus, tmp_path, *argv)
    assert exit_info.value.code == cli.EXIT_USAGE


def test_an_unreachable_scheduler_is_a_configuration_error(corpus, tmp_path, capsys, monkeypatch):
    def unreachable(self):
        raise EngineError("cannot reach the Dask scheduler tcp://10.9.9.9:8786: timed out")

    monkeypatch.setattr(DaskEngine, "client", unreachable)
    assert _build(corpus, tmp_path, "--scheduler", "tcp://10.9.9.9:8786") == cli.EXIT_USAGE
    assert "10.9.9.9" in capsys.readouterr().err


def test_a_broken_layer_file_is_a_configuration_error(corpus, tmp_path, capsys):
    layers = tmp_path / "layers"
    layers.mkdir()
    (layers / "bad.toml").write_text('id = "protests"\n')
    assert _build(corpus, tmp_path, "--layers", str(layers)) == cli.EXIT_USAGE
    assert "bad.toml" in capsys.readouterr().err


def test_places_toml_is_honoured_and_a_bad_one_named(tmp_path, capsys):
    import json

    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.md").write_text("---\ntitle: T\n---\n\nShelling hit Mobile overnight.\n")
    (folder / "places.toml").write_text(
        '[[place]]\nname = "Mobile"\nlat = 10.0\nlon = 20.0\nlabel = "Mobile depot"\n'
    )
    out = tmp_path / "maps"
    assert cli.main(["build", str(folder), "--out", str(out), "-q"]) == cli.EXIT_OK
    features = json.loads((out / "events.geojson").read_text())["features"]
    (depot,) = [f for f in features if f["properties"]["name"] == "Mobile depot"]
    assert (depot["properties"]["lat"], depot["properties"]["lon"]) == (10.0, 20.0)
    assert depot["properties"]["reason"] == "set by analyst"
    # Changing the file changes the map on the next (cached) build.
    (folder / "places.toml").write_text('[[ignore]]\nname = "Mobile"\n')
    assert cli.main(["build", str(folder), "--out", str(out), "-q"]) == cli.EXIT_OK
    features = json.loads((out / "events.geojson").read_text())["features"]
    assert not [f for f in features if "Mobile" in f["properties"]["name"]]
    (folder / "places.toml").write_text("[[place]]\nlat = 1\n")
    assert cli.main(["build", str(folder), "--out", str(out), "-q"]) == cli.EXIT_USAGE
    assert "places.toml" in capsys.readouterr().err


def test_exports_fragment_and_tiles_from_the_command_line(tmp_path, capsys):
    import csv
    import re
    import xml.etree.ElementTree as ET

    import pyogrio

    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.md").write_text(
        "---\ntitle: T\ndate: 2021-02-03\n---\n\nJets struck a depot near Mosul on Monday.\n"
    )
    out = tmp_path / "maps"
    argv = [
        "build",
        str(folder),
        "--out",
        str(out),
        "-q",
        "--export",
        "gpkg,kml,csv",
        "--fragment",
        "--tiles",
        "OpenStreetMap.Mapnik",
    ]
    assert cli.main(argv) == cli.EXIT_OK
    assert {"events.gpkg", "events.kml", "events.csv", "fragment.html"} <= {
        p.name for p in out.iterdir()
    }
    assert any(
        name.startswith("strike_sites") for name, _ in pyogrio.list_layers(out / "events.gpkg")
    )
    assert ET.parse(out / "events.kml").getroot() is not None
    rows = list(csv.DictReader((out / "events.csv").open(encoding="utf-8-sig")))
    assert any(r["layer"] == "strike_sites" and r["event_date"] == "2021-02-01" for r in rows)
    assert "wkt" not in rows[0]
    fragment = (out / "fragment.html").read_text()
    # Its id is derived from the map and the output folder: fragments of two builds differ.
    assert re.match(r'<div id="eventmap-[0-9a-f]{10}-wrap"', fragment)
    # (index.html is a stand-in here; the fragment is rendered for real)
    assert "tile.openstreetmap.org" in fragment
    # Local articles are named, not linked by a path that breaks when the page moves.
    assert '"../' not in fragment and str(folder) not in fragment


def test_unknown_export_format_is_a_usage_error(tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["build", str(tmp_path), "--export", "shp"])
    assert exit_info.value.code == 2
    assert "shp" in capsys.readouterr().err


def test_outputs_of_an_earlier_build_are_removed_and_reported(corpus, tmp_path, capsys):
    out = tmp_path / "maps"
    assert _build(corpus, tmp_path, "--export", "csv,kml", "--fragment", "-q") == cli.EXIT_OK
    assert {"events.csv", "events.kml", "fragment.html"} <= {p.name for p in out.iterdir()}
    (out / "report.html").write_text("a brief made by eventmap report")  # not the build's
    (out / "notes.txt").write_text("the analyst's own file")
    capsys.readouterr()
    assert _build(corpus, tmp_path, "--export", "kml", "-q") == cli.EXIT_OK
    err = capsys.readouterr().err
    names = {p.name for p in out.iterdir()}
    assert "events.csv" not in names and "fragment.html" not in names
    assert {"events.kml", "report.html", "notes.txt", "index.html"} <= names
    assert f"eventmap: removed {out / 'events.csv'}" in err
    assert f"eventmap: removed {out / 'fragment.html'}" in err
    assert len(err.splitlines()) == 2


def test_csv_wkt_adds_the_outline_column(corpus, tmp_path):
    import csv

    assert _build(corpus, tmp_path, "--csv-wkt", "-q") == cli.EXIT_OK
    path = tmp_path / "maps" / "events.csv"
    rows = list(csv.DictReader(path.open(newline="", encoding="utf-8-sig")))
    assert rows and all(row["wkt"] for row in rows)
    assert {row["shape"] for row in rows} >= {"point", "area"}


def test_fragments_of_two_builds_get_their_own_ids(corpus, tmp_path, capsys):
    def fragment_of(out: str, *extra: str) -> str:
        target = tmp_path / out
        assert cli.main(["build", str(corpus), "--out", str(target), "-q", *extra]) == 0
        return (target / "fragment.html").read_text(encoding="utf-8")

    first = fragment_of("a", "--fragment")
    second = fragment_of("b", "--fragment")
    ids = [f[: f.index("-wrap")] for f in (first, second)]
    assert ids[0] != ids[1]  # the same articles, two folders: both draw on one page
    assert fragment_of("a", "--fragment", "--fresh").startswith(ids[0])  # kept on rebuild
    assert fragment_of("c", "--fragment-id", "briefMap").startswith('<div id="briefMap-wrap"')
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["build", str(corpus), "--out", str(tmp_path / "d"), "--fragment-id", "1 x"])
    assert exit_info.value.code == 2
    assert "a fragment id is a letter" in capsys.readouterr().err
