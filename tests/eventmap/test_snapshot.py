"""``eventmap snapshot`` in headless Chromium: a real, non-blank image or a clear error."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from shapely.geometry import Point

from eventmap.render import render_html
from eventmap.snapshot import SnapshotError, SnapshotOptions, snapshot
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
