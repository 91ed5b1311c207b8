"""``eventmap snapshot``: the map as a PNG or PDF, for Word, PDF reports and slides.

The map is opened in headless Chromium (Debian's, or any given with
``--chromium``) through Playwright, with every request that is not for a local
file refused: a snapshot shows exactly what an offline reader sees. It waits
for the page's ``window.eventmapReady`` flag, applies the size, zoom and
centre the user picked, lets the map settle, and writes the image.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = ["CHROMIUM_ARGS", "SnapshotError", "SnapshotOptions", "find_chromium", "snapshot"]

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
_READY = "window.eventmapReady === true"
_SUFFIXES = (".png", ".pdf")


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


def find_chromium(explicit: str | None = None) -> str:
    """The Chromium executable to use.

    Raises
    ------
    SnapshotError
        When none is found.
    """
    for candidate in (explicit, shutil.which("chromium"), shutil.which("chromium-browser")):
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
        raise SnapshotError(f"{map_path}: the snapshot failed: {exc}") from exc
    return out


def _render(browser: Any, map_path: Path, out: Path, options: SnapshotOptions) -> None:
    context = browser.new_context(
        viewport={"width": options.width, "height": options.height},
        device_scale_factor=options.scale,
    )
    page = context.new_page()
    page.route(
        "**/*",
        lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort(),
    )
    page.goto(map_path.resolve().as_uri())
    try:
        page.wait_for_function(_READY, timeout=options.timeout_s * 1000)
    except Exception as exc:
        raise SnapshotError(
            f"{map_path}: the map did not finish drawing in {options.timeout_s:g} s "
            "(is it an eventmap map?)"
        ) from exc
    if options.zoom is not None or options.center is not None:
        page.evaluate(
            """([zoom, center]) => {
                const state = Object.values(window.eventmapMaps)[0];
                const map = state.map;
                map.setView(center || map.getCenter(), zoom === null ? map.getZoom() : zoom,
                            {animate: false});
            }""",
            [options.zoom, list(options.center) if options.center else None],
        )
    page.wait_for_timeout(400)  # let clusters and the base settle after the last move
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
