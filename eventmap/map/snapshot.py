"""``eventmap snapshot``: the map as a PNG or PDF, for Word, PDF reports and slides.

The map is opened in headless Chromium (Debian's, or any given with
``--chromium``) through Playwright, with every request that is not for a local
file refused: a snapshot shows exactly what an offline reader sees. It waits
for the page's ``window.eventmapReady`` flag, applies the size, zoom and
centre the user picked, lets the map settle, and writes the image.

The view is the map's own opening view (fitted to the events) unless a zoom
or centre is given; a zoom alone keeps the centre of that view. ``static``
makes a figure for print: the interactive controls (zoom buttons, layer
switcher, search, date sliders) and open popups are hidden, clusters are
undone so every place shows as its own marker, and the legend, a scale bar
and the credits stay. :func:`print_pdf` prints any local page (the report) to
PDF through the same Chromium.
"""

from __future__ import annotations

import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = [
    "CHROMIUM_ARGS",
    "SnapshotError",
    "SnapshotOptions",
    "find_chromium",
    "prepare",
    "print_pdf",
    "snapshot",
]

CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
"""Headless Chromium flags for every page eventmap opens: no sandbox, GPU,
QUIC, first-run screens or background traffic."""
# A map is ready when its runtime says so; a report (no script) once it is loaded.
_READY = (
    "window.eventmapReady === true || "
    "(document.readyState === 'complete' && !!document.querySelector('main.eventmap-report'))"
)
_SUFFIXES = (".png", ".pdf")
_MAP_IDS = "Object.keys(window.eventmapMaps || {})"
# The view: a zoom alone keeps the centre of the map's own opening view (the
# events' bounds), a centre alone keeps its zoom.
_SET_VIEW = """([zoom, center]) => {
    for (const state of Object.values(window.eventmapMaps)) {
        const map = state.map, bounds = state.data && state.data.bounds;
        const home = bounds ? L.latLngBounds(bounds).getCenter() : map.getCenter();
        map.setView(center || home, zoom === null ? map.getZoom() : zoom, {animate: false});
    }
}"""
# Clusters undone: each layer's markers leave their cluster group for a plain
# group, so a figure shows every place as its own marker. A scale bar is added
# where the map has none.
_UNCLUSTER = """() => {
    for (const state of Object.values(window.eventmapMaps)) {
        const map = state.map;
        map.closePopup();
        for (const e of state.layers || []) {
            if (!e.cluster || !e.group || !e.group.hasLayer(e.cluster)) continue;
            const markers = e.cluster.getLayers();
            e.group.removeLayer(e.cluster);
            e.group.addLayer(L.featureGroup(markers));
        }
        if (!map.getContainer().querySelector(".leaflet-control-scale")) {
            L.control.scale({imperial: false, position: "bottomright"}).addTo(map);
        }
    }
}"""


def _prefixes(map_ids: list[str]) -> list[str]:
    """The class prefixes of the page's maps: ``em`` on a page, the map id in a fragment."""
    return ["em", *(i for i in map_ids if re.fullmatch(r"[A-Za-z][\w-]*", i))]


def _static_css(map_ids: list[str]) -> str:
    """CSS hiding what the map's own ``PFX-static`` look keeps: popups and cluster bubbles.

    The map page itself folds the rest away when its container has the class
    ``PFX-static`` (see :data:`_MAKE_STATIC`): zoom buttons, search, the
    legend's checkboxes and date sliders; the legend, its dates and the
    credits stay.
    """
    own = [f".{p}-cluster" for p in _prefixes(map_ids)]
    hidden = [".leaflet-popup-pane", ".marker-cluster", *own]
    return ",".join(hidden) + "{display:none !important}"


_MAKE_STATIC = """(prefixes) => {
    for (const p of prefixes) {
        for (const box of document.querySelectorAll("." + p + "-map")) {
            box.classList.add(p + "-static");
        }
    }
}"""


class SnapshotError(RuntimeError):
    """A snapshot that could not be taken, with the reason and what to do."""


@dataclass(frozen=True)
class SnapshotOptions:
    """Size in CSS pixels, an optional zoom and centre, and the pixel density."""

    width: int = 1200
    height: int = 800
    zoom: int | None = None
    center: tuple[float, float] | None = None
    scale: float = 2.0
    timeout_s: float = 30.0
    static: bool = False
    """Hide the interactive controls and undo clustering (a figure for print)."""


def find_chromium(explicit: str | None = None) -> str:
    """The Chromium executable to use: ``explicit`` when given, else one on ``PATH``.

    Raises
    ------
    SnapshotError
        When ``explicit`` is not an executable file (it is never silently
        replaced by another browser), or when none is found on ``PATH``.
    """
    if explicit is not None:
        path = Path(explicit)
        if not path.is_file():
            raise SnapshotError(f"--chromium {explicit}: no such file")
        if not os.access(path, os.X_OK):
            raise SnapshotError(f"--chromium {explicit}: not an executable")
        return str(path)
    for candidate in (shutil.which("chromium"), shutil.which("chromium-browser")):
        if candidate and Path(candidate).exists():
            return candidate
    raise SnapshotError(
        "no Chromium found: install Debian's `chromium` package or pass --chromium PATH"
    )


def _playwright() -> Any:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:
        raise SnapshotError(
            "snapshots need Playwright: pip install 'eventmap[snapshot]' "
            "(it drives your Chromium; no browser download is needed)"
        ) from exc
    return sync_playwright


def snapshot(
    map_path: Path,
    out: Path,
    *,
    options: SnapshotOptions | None = None,
    chromium: str | None = None,
) -> Path:
    """Render ``map_path`` (an eventmap HTML map) to ``out`` (``.png`` or ``.pdf``).

    The image is written beside ``out`` and renamed into place, so a failed
    snapshot never leaves half a file.

    Raises
    ------
    SnapshotError
        For a missing map, an unknown output type, no Chromium or Playwright,
        or a page that never became ready.
    """
    options = options or SnapshotOptions()
    if not map_path.is_file():
        raise SnapshotError(f"{map_path}: no such map")
    if out.suffix.lower() not in _SUFFIXES:
        raise SnapshotError(f"{out}: the output must end in .png or .pdf")
    executable = find_chromium(chromium)
    sync_playwright = _playwright()
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.stem}.partial{out.suffix}")
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=executable, args=list(CHROMIUM_ARGS))
            try:
                _render(browser, map_path, tmp, options)
            finally:
                browser.close()
        tmp.replace(out)
    except SnapshotError:
        tmp.unlink(missing_ok=True)
        raise
    except Exception as exc:  # Playwright's errors are not one family
        tmp.unlink(missing_ok=True)
        raise SnapshotError(f"{map_path}: the snapshot failed: {_first_line(exc)}") from exc
    return out


def _first_line(exc: BaseException) -> str:
    """The first line of an exception's message: Playwright's run to a page of call log."""
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def print_pdf(
    page_path: Path,
    out: Path,
    *,
    chromium: str | None = None,
    timeout_s: float = 30.0,
) -> Path:
    """Print a local HTML page (such as the report) to ``out`` as an A4 PDF.

    The page is printed with its print stylesheet and backgrounds; requests
    that are not for local files are refused, as for snapshots. The PDF is
    written beside ``out`` and renamed into place.

    Raises
    ------
    SnapshotError
        For a missing page, no Chromium or Playwright, or a failed print.
    """
    if not page_path.is_file():
        raise SnapshotError(f"{page_path}: no such page")
    executable = find_chromium(chromium)
    sync_playwright = _playwright()
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.stem}.partial{out.suffix}")
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=executable, args=list(CHROMIUM_ARGS))
            try:
                page = browser.new_page()
                page.route("**/*", _local_only)
                page.goto(page_path.resolve().as_uri(), timeout=timeout_s * 1000)
                page.emulate_media(media="print")
                page.pdf(
                    path=str(tmp),
                    format="A4",
                    print_background=True,
                    margin={"top": "15mm", "bottom": "15mm", "left": "12mm", "right": "12mm"},
                )
            finally:
                browser.close()
        tmp.replace(out)
    except Exception as exc:  # Playwright's errors are not one family
        tmp.unlink(missing_ok=True)
        raise SnapshotError(f"{page_path}: printing failed: {_first_line(exc)}") from exc
    return out


def _local_only(route: Any) -> None:
    """Let a page load local files only: what an offline reader sees."""
    if route.request.url.startswith(("file:", "data:")):
        route.continue_()
    else:
        route.abort()


def _render(browser: Any, map_path: Path, out: Path, options: SnapshotOptions) -> None:
    context = browser.new_context(
        viewport={"width": options.width, "height": options.height},
        device_scale_factor=options.scale,
    )
    page = context.new_page()
    page.route("**/*", _local_only)
    page.goto(map_path.resolve().as_uri())
    prepare(page, options, name=str(map_path))
    if out.suffix.lower() == ".pdf":
        page.emulate_media(media="screen")
        page.pdf(
            path=str(out),
            width=f"{options.width}px",
            height=f"{options.height}px",
            print_background=True,
        )
    else:
        page.screenshot(path=str(out), full_page=False)
    context.close()


def prepare(page: Any, options: SnapshotOptions, *, name: str = "the map") -> None:
    """Make a loaded map page what the snapshot shows: ready, static if asked, in view.

    Raises
    ------
    SnapshotError
        When the page never sets ``window.eventmapReady``.
    """
    try:
        page.wait_for_function(_READY, timeout=options.timeout_s * 1000)
    except Exception as exc:
        raise SnapshotError(
            f"{name}: the map did not finish drawing in {options.timeout_s:g} s "
            "(is it an eventmap map?)"
        ) from exc
    if page.evaluate("!window.eventmapMaps"):  # a report page: nothing to move
        return
    if options.static:
        map_ids = page.evaluate(_MAP_IDS)
        page.evaluate(_MAKE_STATIC, _prefixes(map_ids))
        page.add_style_tag(content=_static_css(map_ids))
        page.evaluate(_UNCLUSTER)
    if options.zoom is not None or options.center is not None:
        page.evaluate(_SET_VIEW, [options.zoom, list(options.center) if options.center else None])
    page.wait_for_timeout(400)  # let clusters and the base settle after the last move
