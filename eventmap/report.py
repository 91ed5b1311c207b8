"""``eventmap report``: one self-contained HTML brief an analyst can send.

The brief has a title and a one-line summary, the static map (a PNG made by
:mod:`eventmap.map.snapshot`, embedded as a ``data:`` URI so the file travels
alone), a chronology of events (date, type, place, precision, source, quote),
the places only named in passing, a list of sources, and a note on method and
data credits. It reads the grouped events the map draws
(:func:`eventmap.grouping.group_events`), so the two never disagree.

Article text is untrusted: every string reaches the page through
:func:`html.escape` for its context, links are only ``http(s)`` addresses, and
no template engine is involved. The page has no script at all.

:func:`report_html` returns a whole page; :func:`report_fragment` the same
brief as one ``<section>`` whose styles are scoped to its own class, to paste
into a larger page (several on one page do not clash).
"""

from __future__ import annotations

import base64
import html
import re
import tempfile
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date as Date
from pathlib import Path
from typing import TYPE_CHECKING

from eventmap.grouping import PlaceOnLayer
from eventmap.readable import readable_quote, without_controls
from geo.types import Place, Precision
from layers.dates import citation_date
from layers.registry import event_type_titles
from layers.types import Citation, LayerDefinition

if TYPE_CHECKING:
    from eventmap.build.engine import Engine
    from eventmap.build.feedback import Progress
    from eventmap.build.outcome import BuildReport
    from eventmap.config import PipelineConfig

__all__ = [
    "REPORT_FILE",
    "REPORT_FRAGMENT_FILE",
    "REPORT_PDF_FILE",
    "ChronologyRow",
    "ReportResult",
    "chronology",
    "make_report",
    "report_fragment",
    "report_html",
]

REPORT_FILE = "report.html"
REPORT_FRAGMENT_FILE = "report-fragment.html"
REPORT_PDF_FILE = "report.pdf"

_ID_RE = re.compile(r"[A-Za-z][A-Za-z0-9_-]{0,63}")

PRECISION_NOTES: dict[Precision, str] = {
    Precision.EXACT: "the named town, site or point itself",
    Precision.NEAR: "somewhere within the radius given around a point (a street, "
    "a village no gazetteer holds, \u201c40 km north of\u201d)",
    Precision.REGION: "an area such as a province, sea or \u201cthe Latakia area\u201d, "
    "drawn as its outline",
    Precision.COUNTRY: "only the country is known",
}
"""What each precision level means, for the method note."""

CREDITS = (
    "Place names and points: GeoNames (geonames.org), CC BY 4.0. "
    "Country and land shapes: Natural Earth (naturalearthdata.com), public domain. "
    "Map and brief made with eventmap."
)


@dataclass(frozen=True)
class ChronologyRow:
    """One event in the chronology: a citation placing a place on an event layer."""

    date: str | None
    date_source: str | None
    event_type: str
    place: Place
    citation: Citation


_DATE_NOTES = {
    "article": ' title="the article\'s date"',
    "dateline": ' title="the day the story was filed"',
    "paragraph": ' title="the date an earlier sentence of its paragraph gives"',
    "heading": ' title="the date of the timeline heading or line label above it"',
}
"""The hover note of a date not read from the sentence itself."""


def _layer_titles(layer_defs: Iterable[LayerDefinition]) -> dict[str, str]:
    return {layer.id: layer.title for layer in layer_defs}


def _context_layers(layer_defs: Iterable[LayerDefinition]) -> set[str]:
    """Layers of places that are only named (the default "Other places" layer)."""
    return {layer.id for layer in layer_defs if layer.default}


def _event_type(citation: Citation, layer_title: str, type_titles: dict[str, str]) -> str:
    """The title of the citation's event type (when the classifier set one), else the layer's."""
    found = getattr(citation, "event_type", None)
    if isinstance(found, str) and found.strip():
        return type_titles.get(found, found)
    return layer_title


def chronology(
    groups: Sequence[PlaceOnLayer], *, layer_defs: Sequence[LayerDefinition] = ()
) -> list[ChronologyRow]:
    """Every event on an event layer, oldest first (undated last), then by article and offset.

    Places on the default layer ("Other places": named, but no event there)
    are not events and are left out; see :func:`_named_places`.
    """
    titles = _layer_titles(layer_defs)
    type_titles = event_type_titles(layer_defs)
    context = _context_layers(layer_defs)
    rows: list[ChronologyRow] = []
    for group in groups:
        if group.layer in context:
            continue
        title = titles.get(group.layer, group.layer)
        for citation in group.citations:
            when, source = citation_date(citation)
            rows.append(
                ChronologyRow(
                    when, source, _event_type(citation, title, type_titles), group.place, citation
                )
            )
    rows.sort(
        key=lambda r: (
            r.date is None,
            r.date or "",
            r.citation.article,
            r.citation.start,
            r.event_type,
        )
    )
    return rows


def _named_places(
    groups: Sequence[PlaceOnLayer], layer_defs: Sequence[LayerDefinition]
) -> list[tuple[Place, int]]:
    """Places only named in passing, with how many times, most named first."""
    context = _context_layers(layer_defs)
    counts: dict[str, tuple[Place, int]] = {}
    for group in groups:
        if group.layer in context:
            place = group.place
            _, seen = counts.get(place.gazetteer_id, (place, 0))
            counts[place.gazetteer_id] = (place, seen + len(group.citations))
    return sorted(counts.values(), key=lambda item: (-item[1], item[0].name))


# --------------------------------------------------------------------------- HTML pieces


def _e(value: object) -> str:
    """Escape any value for HTML text or a quoted attribute, without bidi or hiding controls."""
    return html.escape(without_controls("" if value is None else str(value)), quote=True)


def _http_url(url: str | None) -> str | None:
    """An ``http(s)`` address without spaces or controls, else ``None`` (no ``javascript:``)."""
    if not url:
        return None
    url = url.strip()
    if not re.match(r"(?i)https?://[^\s/]", url) or re.search(r"[\s\x00-\x1f\x7f]", url):
        return None
    return url


def _source_html(citation: Citation) -> str:
    """The article's title, linked when it gives a web address; its file name otherwise."""
    label = _e(citation.title or citation.article)
    url = _http_url(citation.url)
    if url is not None:
        return f'<a href="{_e(url)}">{label}</a>'
    if citation.title:
        return f'{label}<br><span class="file">{_e(citation.article)}</span>'
    return label


def _quote_html(citation: Citation) -> str:
    """The quoted sentence with the place's mention marked; all of it escaped."""
    quote, start, end = readable_quote(
        citation.quote, citation.start - citation.quote_start, citation.end - citation.quote_start
    )
    if start >= 0:
        return f"{_e(quote[:start])}<mark>{_e(quote[start:end])}</mark>{_e(quote[end:])}"
    return _e(quote)


def _place_html(place: Place) -> str:
    country = f" ({_e(place.country)})" if place.country else ""
    return f"{_e(place.name)}{country}"


def _precision_html(place: Place) -> str:
    text = _e(place.precision.value)
    if place.radius_km:
        text += f", \u00b1{place.radius_km:g} km"
    return text


def _note_html(citation: Citation) -> str:
    """How the place was reached, when not as the sentence's own name for the site."""
    note = getattr(citation, "note", None)
    return f'<br><span class="note">{_e(note)}</span>' if note else ""


def _date_html(row: ChronologyRow) -> str:
    if row.date is None:
        return '<span class="undated">no date</span>'
    note = _DATE_NOTES.get(row.date_source or "", "")
    return f"<time{note}>{_e(row.date)}</time>"


def _chronology_table(rows: Sequence[ChronologyRow]) -> str:
    if not rows:
        return '<p class="empty">No events were found in these articles.</p>'
    body = "\n".join(
        "<tr>"
        f"<td>{_date_html(r)}</td>"
        f"<td>{_e(r.event_type)}</td>"
        f"<td>{_place_html(r.place)}</td>"
        f"<td>{_precision_html(r.place)}{_note_html(r.citation)}</td>"
        f"<td>{_source_html(r.citation)}</td>"
        f'<td class="quote">{_quote_html(r.citation)}</td>'
        "</tr>"
        for r in rows
    )
    return (
        '<table class="chronology">\n<colgroup><col class="c-date"><col class="c-type">'
        '<col class="c-place"><col class="c-prec"><col class="c-source"><col class="c-quote">'
        "</colgroup>\n<thead><tr><th>Date</th><th>Event</th><th>Place</th>"
        "<th>Precision</th><th>Source</th><th>Quote</th></tr></thead>\n"
        f"<tbody>\n{body}\n</tbody>\n</table>"
    )


def _sources_list(groups: Sequence[PlaceOnLayer], rows: Sequence[ChronologyRow]) -> str:
    """Every article cited anywhere, by date, with its events counted."""
    articles: dict[str, Citation] = {}
    for group in groups:
        for citation in group.citations:
            articles.setdefault(citation.article, citation)
    events: dict[str, int] = {}
    for row in rows:
        events[row.citation.article] = events.get(row.citation.article, 0) + 1
    if not articles:
        return '<p class="empty">No article named a place.</p>'
    ordered = sorted(articles.values(), key=lambda c: (c.date is None, c.date or "", c.article))
    items = []
    for citation in ordered:
        n = events.get(citation.article, 0)
        count = f"{n} event{'s' if n != 1 else ''}" if n else "places named, no event"
        when = f"{_e(citation.date)}, " if citation.date else ""
        label = _e(citation.title or citation.article)
        link = _http_url(citation.url)
        if link is not None:
            label = f'<a href="{_e(link)}">{label}</a> <span class="file">{_e(link)}</span>'
        elif citation.title:
            label += f' <span class="file">{_e(citation.article)}</span>'
        items.append(f"<li>{when}{label} ({_e(count)})</li>")
    return '<ol class="sources">\n' + "\n".join(items) + "\n</ol>"


def _named_list(named: Sequence[tuple[Place, int]]) -> str:
    if not named:
        return ""
    items = ", ".join(_place_html(place) + (f" \u00d7{n}" if n > 1 else "") for place, n in named)
    return (
        '<h2>Also named</h2>\n<p class="named">Places the articles name without an event '
        f"there (countries and towns mentioned in passing): {items}.</p>"
    )


def _method_note() -> str:
    levels = "\n".join(
        f"<li><strong>{_e(level.value)}</strong>: {_e(note)}</li>"
        for level, note in PRECISION_NOTES.items()
    )
    return (
        "<h2>Method</h2>\n"
        "<p>Places were found in the articles' text by eventmap, offline: spaCy's English "
        "model and a gazetteer find place names; each is resolved to one gazetteer entry by "
        "what the whole article says (the countries it names, how close its other places are, "
        "population), and the sentence's grammar decides whether the place is where an event "
        "happened or only named. Dates are those the quoted sentence gives, else the "
        "article's. Every row quotes the sentence it comes from: check it before relying "
        "on it.</p>\n"
        f'<p>Precision levels:</p>\n<ul class="levels">\n{levels}\n</ul>\n'
        f'<p class="credits">Data: {_e(CREDITS)}</p>'
    )


def _summary(rows: Sequence[ChronologyRow], groups: Sequence[PlaceOnLayer]) -> str:
    places = {r.place.gazetteer_id for r in rows}
    articles = {c.article for g in groups for c in g.citations}
    dates = sorted(r.date for r in rows if r.date)
    span = f", {dates[0]} to {dates[-1]}" if dates else ""
    return (
        f"{len(rows)} event{'s' if len(rows) != 1 else ''} at {len(places)} "
        f"place{'s' if len(places) != 1 else ''}, from {len(articles)} "
        f"article{'s' if len(articles) != 1 else ''}{span}."
    )


_CSS = """
@@{font:14px/1.45 Georgia,'DejaVu Serif',serif;color:#1a1a1a;max-width:1100px;margin:0 auto}
@@ h1{font:600 26px/1.2 'DejaVu Sans',Arial,sans-serif;margin:0 0 4px}
@@ h2{font:600 18px/1.3 'DejaVu Sans',Arial,sans-serif;margin:22px 0 6px;
  border-bottom:1px solid #ccc;padding-bottom:2px}
@@ .summary{color:#444;margin:0 0 12px}
@@ figure{margin:0 0 8px}
@@ figure img{width:100%;height:auto;border:1px solid #bbb;display:block}
@@ figcaption{font-size:12px;color:#555;margin-top:3px}
@@ table{border-collapse:collapse;width:100%;font-size:12.5px;table-layout:fixed}
@@ .c-date{width:10%}@@ .c-type{width:10%}@@ .c-place{width:12%}@@ .c-prec{width:9%}
@@ .c-source{width:17%}@@ .c-quote{width:42%}
@@ td{overflow-wrap:anywhere}
@@ th{text-align:left;background:#eee;font-family:'DejaVu Sans',Arial,sans-serif}
@@ th,@@ td{border:1px solid #ccc;padding:4px 6px;vertical-align:top}
@@ tr{break-inside:avoid;page-break-inside:avoid}
@@ thead{display:table-header-group}
@@ td:first-child{white-space:nowrap}
@@ .quote{font-style:italic}
@@ .note{font-size:90%;color:#555}
@@ mark{background:#ffe58a;font-style:normal}
@@ .file,@@ .undated{color:#666;font-size:11px}
@@ .sources{font-size:13px;padding-left:22px}
@@ .named{font-size:13px}
@@ .credits,@@ .generated{font-size:12px;color:#555}
@@ .empty{color:#666}
@media print{@@{max-width:none;font-size:11px}@@ table{font-size:10px}
  @@ h2{break-after:avoid;page-break-after:avoid}@@ a{color:inherit;text-decoration:none}}
"""


def _css(scope: str) -> str:
    return _CSS.replace("@@", scope)


def _body(
    groups: Sequence[PlaceOnLayer],
    layer_defs: Sequence[LayerDefinition],
    *,
    title: str,
    map_png: bytes | None,
    generated: str | None,
    heading: str,
) -> str:
    rows = chronology(groups, layer_defs=layer_defs)
    if map_png:
        encoded = base64.b64encode(map_png).decode("ascii")
        figure = (
            f'<figure><img src="data:image/png;base64,{encoded}" '
            f'alt="{_e("Map of the events: " + title)}">'
            "<figcaption>Events by type; outlines are areas, rings the uncertainty of a "
            "point. Places: GeoNames (CC BY 4.0); shapes: Natural Earth.</figcaption></figure>"
        )
    else:
        figure = '<p class="empty">No map image was made.</p>'
    made = f'<p class="generated">Made {_e(generated)} with eventmap.</p>' if generated else ""
    return (
        f"<{heading}>{_e(title)}</{heading}>\n"
        f'<p class="summary">{_e(_summary(rows, groups))}</p>\n'
        f"{figure}\n"
        f"<h2>Chronology</h2>\n{_chronology_table(rows)}\n"
        f"{_named_list(_named_places(groups, layer_defs))}\n"
        f"<h2>Sources</h2>\n{_sources_list(groups, rows)}\n"
        f"{_method_note()}\n{made}\n"
    )


def report_html(
    groups: Sequence[PlaceOnLayer],
    layer_defs: Sequence[LayerDefinition] = (),
    *,
    title: str = "eventmap brief",
    map_png: bytes | None = None,
    generated: str | None = None,
) -> str:
    """The brief as a whole HTML page: no script, no external request.

    ``map_png`` is the static map (embedded as a ``data:`` URI); ``generated``
    an optional date line (left out by default, so equal input gives equal bytes).
    """
    body = _body(
        groups, layer_defs, title=title, map_png=map_png, generated=generated, heading="h1"
    )
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "img-src data:; style-src 'unsafe-inline'\">\n"
        f"<title>{_e(title)}</title>\n"
        f"<style>{_css('.eventmap-report')}body{{margin:24px}}</style>\n"
        f'</head>\n<body>\n<main class="eventmap-report">\n{body}</main>\n</body>\n</html>\n'
    )


def report_fragment(
    groups: Sequence[PlaceOnLayer],
    layer_defs: Sequence[LayerDefinition] = (),
    *,
    title: str = "eventmap brief",
    map_png: bytes | None = None,
    report_id: str = "eventmap-report",
    generated: str | None = None,
) -> str:
    """The brief as one ``<section id=report_id>`` with styles scoped to that id.

    ``report_id`` must be a letter then up to 63 letters, digits, ``-`` or ``_``.
    """
    if not _ID_RE.fullmatch(report_id):
        raise ValueError(f"report_id must be a letter then letters, digits, - or _: {report_id!r}")
    body = _body(
        groups, layer_defs, title=title, map_png=map_png, generated=generated, heading="h2"
    )
    scope = f"#{report_id}"
    return (
        f'<section id="{report_id}" class="eventmap-report">\n'
        f"<style>{_css(scope)}</style>\n{body}</section>\n"
    )


def today() -> str:
    """Today's date, ISO, for the ``generated`` line."""
    return Date.today().isoformat()


# --------------------------------------------------------------------------- the command


@dataclass
class ReportResult:
    """What ``eventmap report`` wrote, and the build it read."""

    outputs: list[Path]
    build: BuildReport
    seconds: dict[str, float]


def make_report(
    articles_dir: Path,
    out_dir: Path,
    *,
    config: PipelineConfig | None = None,
    engine: Engine | None = None,
    cache_dir: Path | None = None,
    title: str = "eventmap brief",
    pdf: bool = False,
    fragment: bool = False,
    fragment_id: str = "eventmap-report",
    chromium: str | None = None,
    map_size: tuple[int, int] = (1100, 640),
    progress: Progress | None = None,
) -> ReportResult:
    """Build the events of ``articles_dir``, snapshot their static map, write the brief.

    The map is built (through the build cache) in a temporary folder, so the
    maps and exports already in ``out_dir`` are left alone; ``report.html``
    (and ``report.pdf``, ``report-fragment.html`` when asked) are written
    atomically into ``out_dir``.

    Raises
    ------
    eventmap.map.snapshot.SnapshotError
        When Chromium or Playwright is missing, or the map cannot be drawn.
    """
    from eventmap.atomic import write_text_atomic
    from eventmap.build.run import MAP_FILE, build
    from eventmap.config import PipelineConfig
    from eventmap.map.snapshot import SnapshotOptions, find_chromium, print_pdf, snapshot

    if fragment and not _ID_RE.fullmatch(fragment_id):
        raise ValueError(
            f"--fragment-id must be a letter then letters, digits, - or _: {fragment_id!r}"
        )
    find_chromium(chromium)  # fail before the build, not after it
    config = config or PipelineConfig()
    seconds: dict[str, float] = {}
    clock = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="eventmap-report-") as folder:
        work = Path(folder)
        built = build(
            articles_dir,
            work,
            config=config,
            engine=engine,
            cache_dir=cache_dir,
            title=title,
            progress=progress,
        )
        _forget_manifest(built, work)
        seconds["build"] = time.perf_counter() - clock
        clock = time.perf_counter()
        width, height = map_size
        options = SnapshotOptions(width=width, height=height, scale=1.5, static=True)
        png = snapshot(work / MAP_FILE, work / "map.png", options=options, chromium=chromium)
        map_png = png.read_bytes()
        seconds["snapshot"] = time.perf_counter() - clock
    clock = time.perf_counter()
    layers = config.layer_definitions()
    made = today()
    outputs = [out_dir / REPORT_FILE]
    page = report_html(built.groups, layers, title=title, map_png=map_png, generated=made)
    write_text_atomic(outputs[0], page)
    if fragment:
        outputs.append(out_dir / REPORT_FRAGMENT_FILE)
        text = report_fragment(
            built.groups,
            layers,
            title=title,
            map_png=map_png,
            report_id=fragment_id,
            generated=made,
        )
        write_text_atomic(outputs[-1], text)
    seconds["write"] = time.perf_counter() - clock
    if pdf:
        clock = time.perf_counter()
        outputs.append(print_pdf(outputs[0], out_dir / REPORT_PDF_FILE, chromium=chromium))
        seconds["pdf"] = time.perf_counter() - clock
    return ReportResult(outputs, built, seconds)


def _forget_manifest(built: BuildReport, folder: Path) -> None:
    """Drop the output manifest the build kept for a temporary folder (it never comes back)."""
    from eventmap.build.run import _out_name

    if built.cache_dir is not None:
        (built.cache_dir / "outputs" / f"{_out_name(folder)}.json").unlink(missing_ok=True)
