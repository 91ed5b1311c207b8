r"""Draw events as a Leaflet map whose every place cites its sources.

The page is data-driven: every layer's places, their citations and the base
map travel as one JSON blob in a ``<script type="application/json">`` element,
and a small script of ours (``assets/eventmap.js``) draws them with Leaflet:
one toggleable group per layer (points clustered with Leaflet.markercluster
where they crowd, areas and uncertainty circles beside them; countries named
in passing as outlines, off at first), names of countries, capitals and the
map's places where they fit, a legend with counts that follow a time slider
over the events' dates, a search box over every name a place goes by, and a
popup per place that reads as a source note: every sentence that put it on
the layer, with how it was geocoded behind "details".
A page of 100,000 synthetic events is about 13 MB and is ready in under 3 s
on two cores (``bench/map_scale.py``); one JavaScript statement per marker, as
folium writes them, and an HTML popup per place would be several times that.

Text from articles is never written into the page as markup: it is JSON
inside the data element (with ``<``, ``>``, ``&`` and the two JavaScript line
separators as ``\u`` escapes, so nothing in it can end the element) and
reaches the screen through ``textContent``. :func:`popup_html` still renders
the same popup as escaped HTML, for use outside the page.

The page needs no network. Leaflet and Leaflet.markercluster, vendored from
npm into ``eventmap/map/assets`` (see its README), are inlined into the page head
by :class:`OfflineMap`, which links none of folium's CDN scripts and styles.
Instead of map tiles, a base layer drawn from :mod:`geo.shapes` shows land and
country borders on a pale blue sea. :func:`render_fragment` writes the same
map as one self-contained ``<div>`` for pasting into another page.
"""

from __future__ import annotations

import functools
import hashlib
import html
import importlib
import importlib.resources
import importlib.util
import json
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any
from urllib.parse import quote, urlsplit

import folium
import shapely
from branca.element import Element, Figure, MacroElement
from shapely.geometry.base import BaseGeometry

from eventmap.exports.geometry import geojson_geometry
from eventmap.grouping import PlaceOnLayer, group_events, layer_rank
from eventmap.map.basemap import MAX_LAT, SEA_COLOR, base_features, base_labels
from eventmap.readable import readable_quote, without_controls
from eventmap.urls import safe_url
from geo.types import Place, Precision
from layers.dates import days_of
from layers.registry import event_type_titles
from layers.types import Citation, Event, LayerDefinition

__all__ = [
    "ATTRIBUTION",
    "OfflineMap",
    "build_map",
    "fragment_id",
    "map_data",
    "popup_html",
    "render_fragment",
    "render_html",
    "script_json",
    "search_key",
    "tile_source",
]

ATTRIBUTION = "Places: GeoNames (CC BY 4.0); shapes: Natural Earth (public domain); eventmap"
"""Credit for the data the map is drawn from, shown in the legend and by Leaflet."""

POPUP_MAX_WIDTH = 420
MAX_ALTERNATIVES = 8
"""Alternatives listed in a popup; the rest are counted, not named."""

_FILL_OPACITY: dict[Precision, float] = {
    Precision.EXACT: 0.45,
    Precision.NEAR: 0.35,
    Precision.REGION: 0.22,
    Precision.COUNTRY: 0.12,
}
_DASHED = frozenset({Precision.REGION, Precision.COUNTRY})
_DASH_ARRAY = "6 4"
_FALLBACK_COLOR = "#666666"
_COLOR_RE = re.compile(r"#(?:[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})|[a-zA-Z]{3,20}")
_EMPTY_CENTER = (20.0, 0.0)
_EMPTY_ZOOM = 2
_SIMPLIFY_DEG = 0.005
"""Area outlines are simplified to at least half a kilometre: plenty on screen."""
_SIMPLIFY_SHARE = 2000
_FOCUS_MAX_RADIUS_KM = 500.0
"""Areas reaching further than this from their point do not set the initial view."""
_KM_PER_DEG = 111.32
_PAGE_PREFIX = "em"
"""Class prefix of the page's own controls; a fragment uses its map id instead."""
MAP_ID_RE = re.compile(r"[A-Za-z][A-Za-z0-9_-]{0,63}")
"""What a fragment's map id may be: it names elements, classes and CSS selectors."""
_HEIGHT_RE = re.compile(r"\d{1,5}(?:\.\d{1,3})?(?:px|vh|em|rem|%)")

_JS_UNSAFE = str.maketrans({"`": "&#96;", "$": "&#36;", "\\": "&#92;"})


def _esc(value: object) -> str:
    r"""Escape text for HTML that folium places in a JS template literal.

    ``html.escape`` makes ``<``, ``>``, ``&`` and both quotes harmless (so no
    markup and no ``</script>``); the translation table then removes the three
    characters that mean something inside a template literal. Controls that
    would reorder or hide the text (a right-to-left override in a title or a
    file name) are dropped first.

    Examples
    --------
    >>> _esc("<b>`${x}`\\</b>")
    '&lt;b&gt;&#96;&#36;{x}&#96;&#92;&lt;/b&gt;'
    """
    return html.escape(without_controls(str(value)), quote=True).translate(_JS_UNSAFE)


def _safe_color(color: str) -> str:
    """Return ``color`` if it is a plain CSS hex colour or name, else a grey."""
    return color if _COLOR_RE.fullmatch(color.strip()) else _FALLBACK_COLOR


def _safe_url(url: str | None) -> str | None:
    """Return ``url`` if it is an absolute http(s) URL, else ``None`` (:func:`safe_url`)."""
    return safe_url(url)


def _format_km(radius_km: float) -> str:
    """Round a radius for display: whole km from 10 km up, one decimal below."""
    if radius_km >= 10:
        return f"{radius_km:.0f}"
    return f"{radius_km:.1f}".removesuffix(".0")


def _precision_text(place: Place) -> str:
    """Precision in words, with the radius when the place is vague."""
    text = str(place.precision)
    if place.radius_km is not None:
        text += f" ± {_format_km(place.radius_km)} km"
    return text


def _quote_html(citation: Citation) -> str:
    """Escape the sentence and wrap the mention in ``<mark>``.

    The mention is found by offsets; if they do not fall inside the quote (a
    citation built by hand, say), the mention text is looked up instead, and
    if that fails too the sentence is shown unmarked.
    """
    quote, start, end = readable_quote(citation.quote, *_mark_span(citation))
    if start < 0:
        return _esc(quote)
    return f"{_esc(quote[:start])}<mark>{_esc(quote[start:end])}</mark>{_esc(quote[end:])}"


_DateOf = Mapping[tuple[str, int, int], tuple[str | None, str | None]]
"""(date, date source) of a citation, by (article, start, end)."""


def _date_text(date: str | None, source: str | None) -> str:
    """A citation's date as the popup shows it: with where it came from."""
    if not date:
        return "date unknown"
    if source == "sentence":
        return f"{date}, from the sentence"
    if source == "article":
        return f"{date}, article date"
    if source == "dateline":
        return f"{date}, dateline date"
    if source == "paragraph":
        return f"{date}, from an earlier sentence"
    if source == "heading":
        return f"{date}, from the heading above"
    return date


def _citation_date(citation: Citation, dates: _DateOf | None) -> tuple[str | None, str | None]:
    """The event date of ``citation``, else its article's date, else none."""
    found = (dates or {}).get((citation.article, citation.start, citation.end))
    if found is not None and found[0]:
        return found
    if citation.date:
        return citation.date, "article"
    return None, None


def _citation_html(citation: Citation, dates: _DateOf | None = None) -> str:
    """One source in a popup: title, date, quote, its event, any note, article id and link."""
    title = citation.title or citation.article
    date = _date_text(*_citation_date(citation, dates))
    parts = [
        f'<li class="em-cite"><b>{_esc(title)}</b> <span class="em-date">({_esc(date)})</span>',
        f'<blockquote class="em-quote">{_quote_html(citation)}</blockquote>',
    ]
    kind = getattr(citation, "event_type", None)
    trigger = getattr(citation, "trigger", None)
    if kind or trigger:
        said = f" (“{_esc(trigger)}”)" if trigger else ""
        parts.append(f'<span class="em-event">{_esc(kind or "event")}{said}</span> · ')
    note = getattr(citation, "note", None)
    if note:  # how sure the place is: "place named in the sentence before", a stand-in
        parts.append(f'<span class="em-note">{_esc(note)}</span> · ')
    parts.append(f'<span class="em-article">{_esc(citation.article)}</span>')
    url = _safe_url(citation.url)
    if url is not None:
        parts.append(
            f' · <a href="{_esc(url)}" target="_blank" rel="noopener noreferrer">source</a>'
        )
    parts.append("</li>")
    return "".join(parts)


def popup_html(group: PlaceOnLayer, *, layer_title: str, dates: _DateOf | None = None) -> str:
    """Write the popup of one place on one layer as an escaped HTML fragment.

    The map builds the same popup in the browser from its data; this is for
    other pages and for notebooks. ``dates`` gives each citation's event date
    and its source (see :func:`event_dates`); without it, the article's date.
    It holds no backtick, dollar sign, backslash or newline, so it can go into
    a JavaScript template literal as is.
    """
    place = group.place
    rows = [
        ("Layer", layer_title),
        ("Precision", _precision_text(place)),
        ("Country", place.country or "none"),
        ("Point", f"{place.lat:.4f}, {place.lon:.4f}"),
        ("Gazetteer id", place.gazetteer_id),
        ("Source", place.source),
        ("Geocoding confidence", f"{place.confidence:.2f}"),
        ("Layer confidence", f"{group.confidence:.2f}"),
    ]
    parts = [f'<div class="em-popup"><h4 class="em-name">{_esc(place.name)}</h4><table>']
    parts.extend(f"<tr><th>{_esc(k)}</th><td>{_esc(v)}</td></tr>" for k, v in rows)
    parts.append("</table>")
    if place.reason:
        parts.append(f'<p class="em-reason">{_esc(place.reason)}</p>')
    unique = _unique_alternatives(place)
    if unique:
        parts.append('<div class="em-alts">Chosen over:<ul>')
        for name, alt_country, alt_reason in unique[:MAX_ALTERNATIVES]:
            country = f" ({_esc(alt_country)})" if alt_country else ""
            reason = f": {_esc(alt_reason)}" if alt_reason else ""
            parts.append(f"<li>{_esc(name)}{country}{reason}</li>")
        hidden = len(unique) - MAX_ALTERNATIVES
        if hidden > 0:
            parts.append(f"<li>and {hidden} more</li>")
        parts.append("</ul></div>")
    parts.append(f'<div class="em-sources">Sources ({len(group.citations)}):<ol>')
    parts.extend(_citation_html(c, dates) for c in group.citations)
    parts.append("</ol></div></div>")
    return "".join(parts).replace("\n", " ").replace("\r", " ")


def _area_geojson(geometry: BaseGeometry) -> dict[str, Any]:
    """Turn ``geometry`` into a GeoJSON Feature, simplified and rounded to stay small.

    The tolerance grows with the area's extent (about 1/2000 of it, at least
    :data:`_SIMPLIFY_DEG`): a coast strip keeps its detail, a whole country
    does not carry 40,000 vertices of coastline. Plain Douglas-Peucker, ten
    times faster than the topology-preserving kind: the page only draws the
    outline (a ring that would touch another at this scale is a pixel off), and
    the exports, which must be valid geometry, simplify their own way.
    """
    west, south, east, north = geometry.bounds
    tolerance = max(_SIMPLIFY_DEG, max(east - west, north - south) / _SIMPLIFY_SHARE)
    simple = shapely.simplify(geometry, tolerance, preserve_topology=False)
    if simple.is_empty:
        simple = geometry
    return {"type": "Feature", "properties": {}, "geometry": geojson_geometry(simple)}


def _group_bounds(group: PlaceOnLayer) -> tuple[float, float, float, float]:
    """(south, west, north, east) of a place, widened by its radius if vague."""
    place = group.place
    if place.is_area:
        west, south, east, north = place.geometry.bounds
        return south, west, north, east
    lat, lon = place.lat, place.lon
    radius = place.radius_km or 0.0
    dlat = radius / _KM_PER_DEG
    dlon = radius / (_KM_PER_DEG * max(math.cos(math.radians(lat)), 0.01))
    return lat - dlat, lon - dlon, lat + dlat, lon + dlon


def _bounds(groups: Sequence[PlaceOnLayer]) -> tuple[float, float, float, float] | None:
    """(south, west, north, east) around every place, or ``None`` when there is none."""
    if not groups:
        return None
    boxes = [_group_bounds(g) for g in groups]
    south = max(-MAX_LAT, min(b[0] for b in boxes))
    west = max(-180.0, min(b[1] for b in boxes))
    north = min(MAX_LAT, max(b[2] for b in boxes))
    east = min(180.0, max(b[3] for b in boxes))
    return south, west, north, east


def _focus(groups: Sequence[PlaceOnLayer]) -> Sequence[PlaceOnLayer]:
    """The places the view should frame: all but the vast ones, unless that is all.

    A story about Latakia that also names Russia or the Mediterranean should
    open on Latakia, not on a view stretched across a continent (and, for
    Russia, the 180th meridian); the vast areas stay on the map, one zoom-out
    away.
    """
    finer = [
        g
        for g in groups
        if g.place.precision is not Precision.COUNTRY
        and (g.place.radius_km or 0.0) <= _FOCUS_MAX_RADIUS_KM
    ]
    return finer or groups


_SOURCE_MAP_RE = re.compile(r"\n?//# sourceMappingURL=[^\n]*\s*\Z")
_CLOSE_SCRIPT_RE = re.compile(r"</(script)", re.IGNORECASE)


def _inline_script(code: str, *, name: str) -> str:
    r"""Make ``code`` safe as the text of an inline ``<script>`` element.

    ``</script`` would end the element: it can only occur in a string, a
    regular expression or a comment, where ``<\/script`` means the same, so
    it is rewritten. ``<!--`` and ``<script`` change how the HTML parser reads
    the rest of the element and have no such rewrite, so they are refused
    (Leaflet has neither). The source-map comment is dropped: its file is
    not shipped.

    Examples
    --------
    >>> _inline_script('s = "</SCRIPT>";', name="x.js")
    's = "<\\/SCRIPT>";'
    """
    for bad in ("<!--", "<script"):
        if bad in code.lower():
            raise ValueError(f"{name} contains {bad!r} and cannot be inlined safely")
    code = _SOURCE_MAP_RE.sub("\n", code)
    return _CLOSE_SCRIPT_RE.sub(r"<\\/\1", code)


def _inline_style(css: str, *, name: str) -> str:
    """Check that ``css`` can be the text of an inline ``<style>`` element."""
    if "</style" in css.lower():
        raise ValueError(f"{name} contains '</style' and cannot be inlined safely")
    return css


class OfflineMap(folium.Map):
    """A folium ``Map`` whose page loads nothing from the network.

    folium's ``Map`` links Leaflet, jQuery, Bootstrap, Font Awesome and
    awesome-markers from CDNs, through class-level ``default_js`` and
    ``default_css`` lists. Each ``OfflineMap`` has its own lists, empty, so
    nothing is linked and folium's lists are never touched; rendering puts
    the vendored Leaflet inline at the head of the page instead. Pass
    ``tiles=None`` as well: tiles come from a server. Popups made with
    folium's own ``Popup`` would still need jQuery (see :class:`_Popup`).
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.default_js: list[tuple[str, str]] = []
        self.default_css: list[tuple[str, str]] = []

    # folium's maps render into their figure and return nothing; branca's
    # Element.render, further up, returns the HTML.
    def render(self, **kwargs: Any) -> None:  # type: ignore[override]
        """Put Leaflet in the page head, then render as folium does."""
        figure = self.get_root()
        if isinstance(figure, Figure):
            figure.header.add_child(_InlineLeaflet(), name="eventmap_leaflet")
        super().render(**kwargs)


def _number_elements(root: Element) -> None:
    """Give every element in the tree a counter id instead of a random one.

    Children are keyed by name in their parent's dict, so keys that were an
    element's old name are rewritten too. Folium's Popup and the Figure keep
    ``header``/``html``/``script`` sub-elements outside ``_children``.
    """
    order: list[Element] = []
    seen: set[int] = set()

    def visit(element: Element) -> None:
        if id(element) in seen:
            return
        seen.add(id(element))
        order.append(element)
        for attr in ("header", "html", "script"):
            sub = getattr(element, attr, None)
            if isinstance(sub, Element):
                visit(sub)
        for child in element._children.values():
            visit(child)

    visit(root)
    old_names = {id(e): e.get_name() for e in order}
    for number, element in enumerate(order):
        element._id = f"{number:05d}"
    for element in order:
        element._children = type(element._children)(
            (child.get_name() if key == old_names[id(child)] else key, child)
            for key, child in element._children.items()
        )


def _definitions(
    layer_ids: Iterable[str], layer_defs: Iterable[LayerDefinition]
) -> dict[str, LayerDefinition]:
    """Definitions by id, with a plain grey one for a layer that has none."""
    by_id = {d.id: d for d in layer_defs}
    for layer_id in layer_ids:
        if layer_id not in by_id:
            by_id[layer_id] = LayerDefinition(
                id=layer_id,
                title=layer_id.replace("_", " ").capitalize(),
                color=_FALLBACK_COLOR,
                order=10_000,
            )
    return by_id


def event_dates(events: Iterable[Event]) -> dict[tuple[str, int, int], tuple[str, str | None]]:
    """Each citation's event date and its source, by (article, start, end).

    One sentence may put several places on the map; they share its date. A
    date that is not ISO ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` is ignored;
    the popup shows a month or a year as it is, and the time slider covers
    its days.
    """
    found: dict[tuple[str, int, int], tuple[str, str | None]] = {}
    for event in events:
        if event.date and days_of(event.date) is not None:
            key = (event.citation.article, event.citation.start, event.citation.end)
            found.setdefault(key, (event.date, event.date_source))
    return found


def _article_href(base: str | None, article: str) -> str | None:
    """Where a popup links the article file: ``base`` joined with its path, or ``None``."""
    if base is None:
        return None
    return base.rstrip("/") + "/" + quote(article, safe="/")


def _check_base_url(base: str | None) -> None:
    """Refuse an article base URL that is not a plain path or an http(s)/file URL."""
    if base is None:
        return
    scheme = urlsplit(base.strip()).scheme.lower()
    if scheme not in ("", "http", "https", "file") or base.strip() != base or not base:
        raise ValueError(f"article_base_url must be a path or an http(s) URL, not {base!r}")


def _mark_span(citation: Citation) -> tuple[int, int]:
    """Where the mention is in the quote (see :func:`_quote_html`), or (-1, -1)."""
    quote_text = citation.quote
    start = citation.start - citation.quote_start
    end = citation.end - citation.quote_start
    if 0 <= start < end <= len(quote_text):
        return start, end
    found = quote_text.find(citation.mention) if citation.mention else -1
    if found < 0:
        return -1, -1
    return found, found + len(citation.mention)


def _unique_alternatives(place: Place) -> list[tuple[str, str | None, str]]:
    """The places ``place`` was chosen over, each (name, country) once, in their order.

    GeoNames often holds a town twice (the city and its district of the same
    name); "Moscow (RU), Moscow (RU)" tells the reader nothing the first did not.
    """
    seen: set[tuple[str, str | None]] = set()
    unique: list[tuple[str, str | None, str]] = []
    for alt in place.alternatives:
        key = (alt.name, alt.country)
        if key not in seen:
            seen.add(key)
            unique.append((alt.name, alt.country, alt.reason))
    return unique


_FOLD_EXTRA = str.maketrans(
    {
        "ł": "l",
        "ø": "o",
        "đ": "d",
        "ð": "d",
        "ı": "i",
        "æ": "ae",
        "œ": "oe",
        "þ": "th",
        "ʻ": "",
        "ʼ": "",
        "'": "",
        "’": "",
        "‘": "",
        "`": "",
        "-": " ",
    }
)
_SPACES_RE = re.compile(r"\s+")


def search_key(name: str) -> str:
    """Fold ``name`` for search: lower case, no accents, hyphens as spaces.

    ``eventmap.js`` folds what the reader types the same way (its ``fold``),
    so "tartus" finds "Ţarţūs" and "tel aviv" finds "Tel-Aviv".

    Examples
    --------
    >>> search_key("Ţarţūs")
    'tartus'
    >>> search_key("  Łódź-Bałuty ")
    'lodz baluty'
    """
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SPACES_RE.sub(" ", bare.translate(_FOLD_EXTRA)).strip()


_MIN_LABEL_CHARS = 4
_LEADING_ARTICLE_RE = re.compile(r"^(?:the)\s+", re.IGNORECASE)


def _article_name(place: Place, mentions: Sequence[str]) -> str:
    """The name the map shows for ``place``: the articles' own, where that is a name.

    The mention the articles use most ("Tartus", "Latakia province") is
    what a reader of them knows, where GeoNames writes "Ţarţūs". Kept for
    GeoNames' name: countries (a demonym such as "Israeli" is no name), places
    derived from another ("Sea off Syria" beats "off the Syrian coast"),
    and short or all-capital mentions ("US", "LA").
    """
    if "#" in place.gazetteer_id or place.precision is Precision.COUNTRY:
        return place.name
    counts = Counter(_LEADING_ARTICLE_RE.sub("", m.strip()) for m in mentions if m and m.strip())
    if not counts:
        return place.name
    best = min(counts, key=lambda m: (-counts[m], m))
    if len(best) < _MIN_LABEL_CHARS or best.isupper() or best[0].islower():
        return place.name
    return best


def _place_row(place: Place, mentions: Sequence[str] = ()) -> list[Any]:
    """One entry of the data's place table (read by position in ``eventmap.js``).

    After GeoNames' name come the name shown (see :func:`_article_name`) and
    the search key: every name the place goes by on the map, folded
    (:func:`search_key`), one per line.
    """
    unique = _unique_alternatives(place)
    alternatives = [list(alt) for alt in unique[:MAX_ALTERNATIVES]]
    geometry = _area_geojson(place.geometry)["geometry"] if place.is_area else None
    label = _article_name(place, mentions)
    names = {search_key(n) for n in (place.name, label, *mentions) if n and n.strip()}
    return [
        place.gazetteer_id,
        place.name,
        place.country,
        str(place.precision),
        round(place.lat, 5),
        round(place.lon, 5),
        place.radius_km,
        round(place.confidence, 2),
        place.source,
        place.reason,
        alternatives,
        max(len(unique) - MAX_ALTERNATIVES, 0),
        geometry,
        round(place.geometry.area, 6) if place.is_area else 0,
        label,
        "\n" + "\n".join(sorted(names - {""})),
    ]


CONTEXT_TITLE = "Countries and seas named in passing"
"""The legend's name for the default layer's wide areas, drawn as outlines, off at first."""
_CONTEXT_RADIUS_KM = 300.0
"""An area on the default layer reaching further than this is context, like a country."""


def _is_context(group: PlaceOnLayer, definition: LayerDefinition) -> bool:
    """Whether a place is only context: a country, a sea or a wide region on the default layer.

    "Russian", "the United States", "Iran" or "the Mediterranean" in a story
    about Latakia are not where anything happened; filled in grey they would
    dominate the map.

    A continent named by an adjective ("European leaders", "the African
    Union") is a point with a radius of thousands of kilometres: drawn as a
    circle on "Other places" it would cover half the map, so it is context
    too, whether an outline or only a point and a radius.
    """
    place = group.place
    wide = (place.radius_km or 0.0) > _CONTEXT_RADIUS_KM
    return definition.default and (place.precision is Precision.COUNTRY or wide)


def _event_triggers(events: Iterable[Event]) -> dict[tuple[str, int, int], str]:
    """The word that decided each citation's layer, by (article, start, end), where known."""
    found: dict[tuple[str, int, int], str] = {}
    for event in events:
        if event.trigger:
            key = (event.citation.article, event.citation.start, event.citation.end)
            found.setdefault(key, event.trigger)
    return found


def _view_groups(
    groups: Sequence[PlaceOnLayer], defs: Mapping[str, LayerDefinition]
) -> Sequence[PlaceOnLayer]:
    """The places the opening view is about: the event layers' when there are any.

    A default layer ("Other places") holds every place named in passing;
    "Liberian-flagged" or "US Navy" in a story about Latakia must not zoom
    the map out to the world. Without events, the default layer's places
    other than countries; without those, everything.
    """
    events = [g for g in groups if not defs[g.layer].default]
    if events:
        return events
    places = [g for g in groups if not _is_context(g, defs[g.layer])]
    return places or groups


def map_data(
    events: Iterable[Event],
    layer_defs: Iterable[LayerDefinition],
    *,
    title: str = "eventmap",
    article_base_url: str | None = None,
    tiles: str | None = None,
) -> dict[str, Any]:
    """Everything the page draws, as plain JSON-ready values.

    ``tiles`` names an online basemap from xyzservices ("OpenStreetMap.Mapnik",
    "CartoDB.Positron" …) to draw, as a switchable layer, over the built-in
    land and borders; ``None`` (the default) keeps the map fully offline.

    ``places``, ``articles``, ``quotes`` and ``citations`` are tables shared
    by all layers (a place on two layers, or a sentence naming three places,
    is written once); each layer lists ``items`` as [place index, layer
    confidence, citation indices]. Countries on the default layer are a layer
    of their own, flagged ``context``: the page draws them as outlines, off
    until the reader turns them on. Citations are [article index, quote
    index, mark start, mark end, date, date source, event type, trigger, note]
    (the note says how the place was reached when it is not the sentence's
    own name for the event's site), and
    ``days`` gives each citation's date as its [first day, last day] (a month
    or a year covers all its days) or ``None``;
    articles are [id, title, http(s) URL, link to the file]. ``time`` is the
    first and last event date, or ``None``; ``bounds`` the view to open on
    (the event layers', see :func:`_view_groups`); ``labels`` the base map's
    names (:func:`eventmap.map.basemap.base_labels`).
    """
    _check_base_url(article_base_url)
    events = list(events)
    defs_in = tuple(layer_defs)
    groups = group_events(events, layer_defs=defs_in)
    defs = _definitions((g.layer for g in groups), defs_in)
    type_titles = event_type_titles(defs_in)
    dates = event_dates(events)
    triggers = _event_triggers(events)

    mentions: dict[tuple[str, Place], list[str]] = {}
    for group in groups:
        seen = mentions.setdefault((group.place.gazetteer_id, group.place), [])
        seen.extend(c.mention for c in group.citations)

    place_index: dict[tuple[str, Place], int] = {}
    places: list[list[Any]] = []
    article_index: dict[str, int] = {}
    articles: list[list[Any]] = []
    cite_index: dict[tuple[str, int, int], int] = {}
    quote_index: dict[str, int] = {}
    quotes: list[str] = []
    citations: list[list[Any]] = []
    layers: dict[tuple[str, bool], dict[str, Any]] = {}
    for group in groups:
        place = group.place
        p_key = (place.gazetteer_id, place)
        if p_key not in place_index:
            place_index[p_key] = len(places)
            places.append(_place_row(place, mentions[p_key]))
        cites: list[int] = []
        for citation in group.citations:
            c_key = (citation.article, citation.start, citation.end)
            if c_key not in cite_index:
                if citation.article not in article_index:
                    article_index[citation.article] = len(articles)
                    articles.append(
                        [
                            without_controls(citation.article),
                            without_controls(citation.title) if citation.title else None,
                            _safe_url(citation.url),
                            _article_href(article_base_url, citation.article),
                        ]
                    )
                date, source = _citation_date(citation, dates)
                cite_index[c_key] = len(citations)
                readable, mark_start, mark_end = readable_quote(
                    citation.quote, *_mark_span(citation)
                )
                if citation.quote not in quote_index:
                    quote_index[citation.quote] = len(quotes)
                    quotes.append(readable)
                citations.append(
                    [
                        article_index[citation.article],
                        quote_index[citation.quote],
                        mark_start,
                        mark_end,
                        date,
                        source,
                        type_titles.get(kind, kind) if (kind := citation.event_type) else None,
                        getattr(citation, "trigger", None) or triggers.get(c_key),
                        getattr(citation, "note", None),
                    ]
                )
            cites.append(cite_index[c_key])
        definition = defs[group.layer]
        context = _is_context(group, definition)
        l_key = (group.layer, context)
        if l_key not in layers:
            layers[l_key] = {
                "id": definition.id,
                "title": CONTEXT_TITLE if context else definition.title,
                "color": _safe_color(definition.color),
                "default": definition.default,
                "context": context,
                "items": [],
            }
        layers[l_key]["items"].append([place_index[p_key], round(group.confidence, 2), cites])

    shown = sorted(layers, key=lambda key: (layer_rank(key[0], layer_defs=defs.values()), key[1]))
    # Each citation's date as the days it covers (a day, a month or a year), for
    # the time slider: computed here once, so the page need not parse dates.
    days = [days_of(c[4]) if c[4] else None for c in citations]
    all_dates = sorted(day for span in days if span is not None for day in span)
    bounds = _bounds(_focus(_view_groups(groups, defs)))
    return {
        "title": title,
        "attribution": ATTRIBUTION,
        "layers": [layers[key] for key in shown],
        "places": places,
        "articles": articles,
        "quotes": quotes,
        "citations": citations,
        "days": [list(span) if span is not None else None for span in days],
        "area_styles": {
            str(p): [_FILL_OPACITY[p], _DASH_ARRAY if p in _DASHED else None] for p in Precision
        },
        "popup_max_width": POPUP_MAX_WIDTH,
        "time": [all_dates[0], all_dates[-1]] if all_dates else None,
        "bounds": None if bounds is None else [[bounds[0], bounds[1]], [bounds[2], bounds[3]]],
        "base": base_features(bounds),
        "labels": base_labels(),
        "tiles": tile_source(tiles),
    }


def tile_source(name: str | None) -> dict[str, Any] | None:
    """The URL template, attribution and zoom limit of an xyzservices basemap.

    Raises
    ------
    ValueError
        When xyzservices knows no provider of that name.
    """
    if name is None:
        return None
    import warnings

    import xyzservices.providers as providers

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "needs an API key" notes: the user's call
            provider = providers.query_name(name)
            url = provider.build_url()
    except (ValueError, KeyError) as exc:
        raise ValueError(f"unknown tile provider {name!r} (see xyzservices.providers)") from exc
    return {
        "name": str(provider.name),
        "url": url,
        "attribution": str(provider.get("html_attribution") or provider.get("attribution", "")),
        "max_zoom": int(provider.get("max_zoom", 18)),
    }


_SCRIPT_JSON_ESCAPES = str.maketrans(
    {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
)


def script_json(value: Any) -> str:
    r"""Write ``value`` as JSON that can sit inside any ``<script>`` element.

    ``<``, ``>`` and ``&`` only occur inside JSON strings, where their
    ``\u`` escapes mean the same; without them no ``</script>`` or ``<!--``
    can appear, and U+2028/2029 (line breaks to older JavaScript) go too.
    Compact and deterministic (keys in the order given).

    Examples
    --------
    >>> script_json({"q": "</script><b>&"})
    '{"q":"\\u003c/script\\u003e\\u003cb\\u003e\\u0026"}'
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return text.translate(_SCRIPT_JSON_ESCAPES)


def _asset(name: str) -> str:
    assets = importlib.resources.files("eventmap.map").joinpath("assets")
    return assets.joinpath(name).read_text(encoding="utf-8")


@functools.cache
def _scripts() -> tuple[str, str, str]:
    """Leaflet, Leaflet.markercluster and our runtime, ready to inline (read once)."""
    return (
        _inline_script(_asset("leaflet.js"), name="leaflet.js"),
        _inline_script(_asset("leaflet.markercluster.js"), name="leaflet.markercluster.js"),
        _inline_script(_asset("eventmap.js"), name="eventmap.js"),
    )


@functools.cache
def _styles() -> tuple[str, str]:
    """Leaflet's and markercluster's stylesheets, and ours with ``PFX`` for its prefix."""
    library = "\n".join(
        _inline_style(_asset(name), name=name)
        for name in ("leaflet.css", "MarkerCluster.css", "MarkerCluster.Default.css")
    )
    return library, _inline_style(_asset("eventmap.css"), name="eventmap.css")


def _own_css(prefix: str) -> str:
    return _styles()[1].replace("PFX", prefix)


class _InlineLeaflet(Element):
    """Leaflet, markercluster and our runtime with their styles, inline, for the page head."""

    def render(self, **kwargs: Any) -> str:
        leaflet, cluster, runtime = _scripts()
        library_css, _ = _styles()
        return (
            f'<script id="eventmap-leaflet-js">\n{leaflet}</script>\n'
            f'<script id="eventmap-markercluster-js">\n{cluster}</script>\n'
            f'<script id="eventmap-runtime-js">\n{runtime}</script>\n'
            f'<style id="eventmap-leaflet-css">\n{library_css}</style>\n'
            f'<style id="eventmap-css">\n{_own_css(_PAGE_PREFIX)}'
            f".folium-map.leaflet-container{{background:{SEA_COLOR}}}</style>\n"
        )


class _Verbatim(Element):
    """An element whose HTML is a fixed string, never compiled as a template.

    branca's ``MacroElement.render`` wraps each rendered macro in
    ``Element(text)``, whose constructor compiles ``text`` as a Jinja template
    again: any ``{{ }}`` or ``{% %}`` that data put there would run (it can
    reach ``os.system``) or crash the render. This element stores the text
    and returns it as it is.
    """

    def __init__(self, text: str) -> None:
        super().__init__()
        self._text = text

    def render(self, **kwargs: Any) -> str:
        return self._text


class _EventLayers(MacroElement):
    """The map's data, as JSON in the page body, and the call that draws it.

    Rendering goes around Jinja altogether: the data element and the mount
    call are plain strings put into the figure as :class:`_Verbatim` children,
    so no article text ever reaches a template engine.
    """

    def __init__(self, data: dict[str, Any]) -> None:
        super().__init__()
        self._name = "EventLayers"
        self.data = data
        self.json = script_json(data)

    def data_id(self) -> str:
        return f"eventmap-data-{self.get_name()}"

    def render(self, **kwargs: Any) -> None:  # type: ignore[override]
        """Add the data element and the mount call to the figure, verbatim."""
        figure = self.get_root()
        if not isinstance(figure, Figure) or self._parent is None:
            raise TypeError("the event layers render only on a map inside a folium Figure")
        map_name = self._parent.get_name()
        data_id = self.data_id()
        figure.html.add_child(
            _Verbatim(f'<script type="application/json" id="{data_id}">{self.json}</script>'),
            name=self.get_name(),
        )
        figure.script.add_child(
            _Verbatim(
                f"eventmapMount({map_name},\n"
                f'    JSON.parse(document.getElementById("{data_id}").textContent),\n'
                f'    {{prefix: "{_PAGE_PREFIX}", id: "{map_name}"}});\n'
            ),
            name=self.get_name(),
        )


def build_map(
    events: Iterable[Event],
    layer_defs: Iterable[LayerDefinition],
    *,
    title: str = "eventmap",
    article_base_url: str | None = None,
    tiles: str | None = None,
) -> folium.Map:
    """Build the map of ``events``: one named, toggleable layer per layer with events.

    Layers appear in layer order; a layer without events is left out. A layer
    id with no definition is still drawn, in grey, after the defined ones.
    ``article_base_url`` (a path relative to the map, or an http(s) URL) makes
    each citation's article id a link to ``base/article``; without it the id is
    shown as text. The map's one child of its own holds the data
    (:func:`map_data`); element ids are numbered, so equal input renders to
    equal HTML.
    """
    data = map_data(events, layer_defs, title=title, article_base_url=article_base_url, tiles=tiles)
    fmap = OfflineMap(location=_EMPTY_CENTER, zoom_start=_EMPTY_ZOOM, tiles=None)
    root = fmap.get_root()
    if isinstance(root, Figure):
        root.title = html.escape(title)
    _EventLayers(data).add_to(fmap)
    _number_elements(root)
    return fmap


def render_html(
    events: Iterable[Event],
    layer_defs: Iterable[LayerDefinition],
    *,
    title: str = "eventmap",
    article_base_url: str | None = None,
    tiles: str | None = None,
) -> str:
    """Render the whole map page as one HTML string (see :func:`build_map`)."""
    fmap = build_map(
        events, layer_defs, title=title, article_base_url=article_base_url, tiles=tiles
    )
    return fmap.get_root().render()


def fragment_id(data: Mapping[str, Any], salt: str = "") -> str:
    """A map id for a fragment: ``eventmap-`` and ten hex digits of its content and ``salt``.

    The same map built to the same place gets the same id (builds are
    deterministic); two maps of different articles, or built to different
    folders (``salt``: the output path), get different ones, so any number of
    them share a page.
    """
    digest = hashlib.sha256(f"{salt}\n{script_json(data)}".encode()).hexdigest()
    return f"eventmap-{digest[:10]}"


def render_fragment(
    events: Iterable[Event],
    layer_defs: Iterable[LayerDefinition],
    *,
    title: str = "eventmap",
    map_id: str | None = None,
    id_salt: str = "",
    article_base_url: str | None = None,
    height: str = "560px",
    tiles: str | None = None,
) -> str:
    """Render the map as one ``<div>`` to paste into another page.

    Everything the map needs is inside: its styles (its own classes prefixed
    with ``map_id``), its data, and its scripts. Leaflet and markercluster are
    inlined in every fragment but run only if the page has none yet
    (``if (!window.L)``), and the map's own code runs in a function of its
    own, so any number of fragments with different ids share one page.
    ``map_id`` must be a letter then letters, digits, ``-`` or ``_``; without
    it, :func:`fragment_id` of the map's data and ``id_salt`` (the build
    passes its output folder).
    """
    if map_id is not None and not MAP_ID_RE.fullmatch(map_id):
        raise ValueError(f"map_id must be a letter then letters, digits, - or _: {map_id!r}")
    if not _HEIGHT_RE.fullmatch(height):
        raise ValueError(f"height must be a CSS length such as 560px: {height!r}")
    data = map_data(events, layer_defs, title=title, article_base_url=article_base_url, tiles=tiles)
    if map_id is None:
        map_id = fragment_id(data, id_salt)
    leaflet, cluster, runtime = _scripts()
    library_css, _ = _styles()
    mount = (
        "(function () {\n"
        f'  var map = L.map("{map_id}", {{center: [{_EMPTY_CENTER[0]}, {_EMPTY_CENTER[1]}], '
        f"zoom: {_EMPTY_ZOOM}}});\n"
        f'  var data = JSON.parse(document.getElementById("{map_id}-data").textContent);\n'
        f'  eventmapMount(map, data, {{prefix: "{map_id}", id: "{map_id}"}});\n'
        "})();\n"
    )
    return (
        f'<div id="{map_id}-wrap" class="{map_id}-wrap">\n'
        f"<style>\n{library_css}\n{_own_css(map_id)}"
        f"#{map_id}.leaflet-container{{background:{SEA_COLOR}}}"
        f"#{map_id}{{height:{height};width:100%}}</style>\n"
        f'<div id="{map_id}" class="{map_id}-map" role="region" '
        f'aria-label="{html.escape(title, quote=True)}"></div>\n'
        f'<script type="application/json" id="{map_id}-data">{script_json(data)}</script>\n'
        f"<script>\nif (!window.L) {{\n{leaflet}\n}}\n</script>\n"
        f"<script>\nif (!(window.L && window.L.MarkerClusterGroup)) {{\n{cluster}\n}}\n</script>\n"
        f"<script>\n{runtime}</script>\n"
        f"<script>\n{mount}</script>\n"
        "</div>\n"
    )
