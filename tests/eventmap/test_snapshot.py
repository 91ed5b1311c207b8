"""``eventmap snapshot`` in headless Chromium: a real, non-blank image or a clear error."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from shapely.geometry import Point

from eventmap.map.render import render_html
from eventmap.map.snapshot import SnapshotError, SnapshotOptions, snapshot
from geo.types import Place, Precision
from layers.types import Citation, Event, LayerDefinition

DEFS = (LayerDefinition(id="places", title="Other places", color="#1f77b4", order=5, default=True),)
needs_browser = pytest.mark.skipif(
    shutil.which("chromium") is None, reason="needs Debian's chromium for headless rendering"
)


def _map(tmp_path: Path) -> Path:
    place = Place("t:1", "Valletta", "MT", "city", Point(14.51, 35.9), 35.9, 14.51, Precision.EXACT)
    quote = "Ferries left Valletta at dawn."
    citation = Citation("a.md", "Ferries", "2020-05-01", quote, 0, 13, 21, "Valletta")
    path = tmp_path / "index.html"
    path.write_text(render_html([Event("places", place, citation, 0.9)], DEFS))
    return path


def _variance(png: Path) -> float:
    from PIL import Image, ImageStat

    with Image.open(png) as image:
        return float(sum(ImageStat.Stat(image.convert("L")).var))


@pytest.mark.browser
@needs_browser
def test_png_is_a_real_picture_of_the_map(tmp_path):
    pytest.importorskip("playwright")
    out = snapshot(
        _map(tmp_path),
        tmp_path / "map.png",
        options=SnapshotOptions(width=640, height=420, zoom=6, scale=1),
    )
    from PIL import Image

    with Image.open(out) as image:
        assert image.size == (640, 420)
    assert _variance(out) > 50  # land, sea, borders and a marker: not a blank page
    assert not list(tmp_path.glob(".*partial*"))


@pytest.mark.browser
@needs_browser
def test_pdf_is_written(tmp_path):
    pytest.importorskip("playwright")
    out = snapshot(
        _map(tmp_path),
        tmp_path / "map.pdf",
        options=SnapshotOptions(width=640, height=420, scale=1),
    )
    assert out.read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize(
    ("name", "message"), [("map.gif", "must end in .png or .pdf"), ("missing", "no such map")]
)
def test_bad_requests_are_explained(tmp_path, name, message):
    source = _map(tmp_path) if name != "missing" else tmp_path / "nope.html"
    with pytest.raises(SnapshotError, match=message):
        snapshot(source, tmp_path / (name if name != "missing" else "x.png"))


def test_a_page_that_is_not_a_map_times_out_with_a_reason(tmp_path):
    if shutil.which("chromium") is None:
        pytest.skip("needs Debian's chromium")
    pytest.importorskip("playwright")
    page = tmp_path / "plain.html"
    page.write_text("<p>not a map</p>")
    with pytest.raises(SnapshotError, match="did not finish drawing"):
        snapshot(page, tmp_path / "x.png", options=SnapshotOptions(timeout_s=1))
    assert not (tmp_path / "x.png").exists()


def _cluster_map(tmp_path: Path) -> Path:
    """Six places a few kilometres apart on Malta and one on Sicily: clustered at the
    opening zoom, each its own marker in a static figure."""
    spots = [(35.90 + i * 0.02, 14.40 + i * 0.03) for i in range(6)] + [(37.50, 15.09)]
    events = []
    for i, (lat, lon) in enumerate(spots):
        name = f"Spot{i}"
        place = Place(f"t:{i}", name, "MT", "city", Point(lon, lat), lat, lon, Precision.EXACT)
        quote = f"Crews gathered in {name} at dawn."
        citation = Citation(f"a{i}.md", "Crews", "2020-05-01", quote, 0, 18, 18 + len(name), name)
        events.append(Event("places", place, citation, 0.9))
    path = tmp_path / "cluster.html"
    path.write_text(render_html(events, DEFS))
    return path


def _open(tmp_path: Path, path: Path, options: SnapshotOptions):
    """The map open in Chromium and prepared as a snapshot would be; yields the page."""
    from playwright.sync_api import sync_playwright

    from eventmap.map.snapshot import CHROMIUM_ARGS, find_chromium, prepare

    pw = sync_playwright().start()
    browser = pw.chromium.launch(executable_path=find_chromium(), args=list(CHROMIUM_ARGS))
    page = browser.new_page(viewport={"width": options.width, "height": options.height})
    page.goto(path.resolve().as_uri())
    prepare(page, options)
    return pw, browser, page


_VISIBLE = """(sel) => Array.from(document.querySelectorAll(sel)).filter(
    (e) => e.getClientRects().length > 0).length"""


@pytest.mark.browser
@needs_browser
@pytest.mark.parametrize("static", [False, True])
def test_static_hides_controls_and_clusters_but_keeps_legend_scale_and_credits(tmp_path, static):
    pytest.importorskip("playwright")
    options = SnapshotOptions(width=640, height=420, zoom=7, scale=1, static=static)
    pw, browser, page = _open(tmp_path, _cluster_map(tmp_path), options)
    try:
        count = lambda sel: page.evaluate(_VISIBLE, sel)  # noqa: E731
        controls = (".leaflet-control-zoom", ".em-search", ".em-layers input")
        assert all((count(sel) == 0) is static for sel in controls), [
            (sel, count(sel)) for sel in controls
        ]
        assert (count(".em-time input") == 0) is static  # the dates stay, not the sliders
        assert (count(".em-cluster") == 0) is static  # at zoom 7 the Malta spots cluster
        assert count(".em-legend") == 1 and count(".leaflet-control-attribution") == 1
        if static:
            assert count(".leaflet-control-scale") == 1
            markers = page.evaluate(
                "document.querySelectorAll('.leaflet-eventmapPlacePoints-pane path').length"
            )
            assert markers == 7  # every place, none hidden in a bubble
    finally:
        browser.close()
        pw.stop()


@pytest.mark.browser
@needs_browser
def test_view_defaults_to_the_events_and_a_zoom_keeps_their_centre(tmp_path):
    pytest.importorskip("playwright")
    path = _cluster_map(tmp_path)
    center = (
        "(() => { const m = Object.values(window.eventmapMaps)[0].map;"
        " const c = m.getCenter(); return [c.lat, c.lng, m.getZoom()]; })()"
    )
    bounds = (
        "(() => { const m = Object.values(window.eventmapMaps)[0].map;"
        " return m.getBounds().contains([[35.9, 14.4], [37.5, 15.09]]); })()"
    )
    pw, browser, page = _open(tmp_path, path, SnapshotOptions(width=640, height=420))
    try:
        assert page.evaluate(bounds)  # the opening view shows every event
        lat, lon, _ = page.evaluate(center)
        assert 35.9 <= lat <= 37.5 and 14.4 <= lon <= 15.1  # not Spain, not the world
    finally:
        browser.close()
        pw.stop()
    pw, browser, page = _open(tmp_path, path, SnapshotOptions(width=640, height=420, zoom=9))
    try:
        zlat, zlon, zoom = page.evaluate(center)
        assert zoom == 9 and abs(zlat - lat) < 0.3 and abs(zlon - lon) < 0.3
    finally:
        browser.close()
        pw.stop()
    options = SnapshotOptions(width=640, height=420, zoom=8, center=(37.5, 15.09))
    pw, browser, page = _open(tmp_path, path, options)
    try:
        clat, clon, zoom = page.evaluate(center)
        assert zoom == 8 and abs(clat - 37.5) < 0.01 and abs(clon - 15.09) < 0.01
    finally:
        browser.close()
        pw.stop()


def test_a_wrong_chromium_is_an_error_not_ignored(tmp_path):
    with pytest.raises(SnapshotError, match="--chromium /nonexistent: no such file"):
        snapshot(_map(tmp_path), tmp_path / "x.png", chromium="/nonexistent")
    not_exe = tmp_path / "chromium"
    not_exe.write_text("")
    with pytest.raises(SnapshotError, match="not an executable"):
        snapshot(_map(tmp_path), tmp_path / "x.png", chromium=str(not_exe))


def test_cli_wrong_chromium_exits_2_with_one_line(tmp_path, capsys):
    from eventmap.cli import main

    code = main(
        [
            "snapshot",
            str(_map(tmp_path)),
            "-o",
            str(tmp_path / "x.png"),
            "--chromium",
            "/nonexistent",
        ]
    )
    err = capsys.readouterr().err
    assert code == 2
    assert err.strip().splitlines() == ["eventmap: error: --chromium /nonexistent: no such file"]
    assert not (tmp_path / "x.png").exists()
