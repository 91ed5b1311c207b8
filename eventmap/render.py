"""Draw events as a folium (Leaflet) map whose every shape cites its sources.

One toggleable ``FeatureGroup`` per layer that has events, a legend, and a
popup per place listing how it was geocoded and every sentence that put it on
the layer, with the place mention highlighted.

Everything taken from articles is escaped here, for three contexts at once:
folium writes popup and tooltip HTML *unescaped* into JavaScript template
literals (`` `...` ``) inside a ``<script>`` block, so text must be safe as
HTML, must not close the literal (backtick), interpolate (``${``) or escape
(backslash) in it, and must not close the script (``</script>``).
:func:`html.escape` covers ``< > & " '``; :func:`_esc` also turns backticks,
dollar signs and backslashes into character references.

Folium names every element with a random id; :func:`build_map` renumbers the
element tree from a counter so the same events always give the same bytes.

The page needs no network. Leaflet, vendored from npm into ``eventmap/assets``
(see its README), is inlined into the page head by :class:`OfflineMap`, which
links none of folium's CDN scripts and styles; popups are handed to Leaflet as
strings, so jQuery is not needed either. Instead of map tiles, a base layer
drawn from :mod:`geo.shapes` shows land and country borders on a pale blue
sea: in detail around the events, coarsely for the rest of the world.
"""

from __future__ import annotations

import functools
import html
import importlib
import importlib.resources
import importlib.util
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import Any
from urllib.parse import urlsplit

import folium
import shapely
from branca.element import Element, Figure, MacroElement
from folium.template import Template
from shapely.geometry import mapping
from shapely.geometry.base import BaseGeometry

from eventmap.basemap import MAX_LAT, SEA_COLOR, base_layer, round_coords
from eventmap.grouping import PlaceOnLayer, group_events, layer_rank
from geo.types import Place, Precision
from layers.types import Citation, Event, LayerDefinition

__all__ = ["ATTRIBUTION", "OfflineMap", "build_map", "popup_html", "render_html"]

ATTRIBUTION = "Places: GeoNames (CC BY 4.0); shapes: Natural Earth (public domain); eventmap"
"""Credit for the data the map is drawn from, shown in the legend and by Leaflet."""

POPUP_MAX_WIDTH = 420
MAX_ALTERNATIVES = 8
"""Alternatives listed in a popup; the rest are counted, not named."""

_POINT_PANE = "eventmapPoints"
"""A pane above Leaflet's overlay pane, so that areas never cover markers."""
_BACKGROUND_POINT_PANE = "eventmapPlacePoints"
_BACKGROUND_AREA_PANE = "eventmapPlaceAreas"
"""Panes for the default layer ("Other places"), under the event layers' marks:
a place merely named must never hide the strike or meeting at the same spot."""
_PANE_Z = {_BACKGROUND_AREA_PANE: 390, _BACKGROUND_POINT_PANE: 640, _POINT_PANE: 650}
_BASE_PANE = "eventmapBase"
_BASE_PANE_Z = 250
"""The base layer's pane: above Leaflet's tile pane (200), below its overlays (400)."""

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
_FIT_MAX_ZOOM = 10
_SIMPLIFY_DEG = 0.005
"""Area outlines are simplified to at least half a kilometre: plenty on screen."""
_SIMPLIFY_SHARE = 2000
_FOCUS_MAX_RADIUS_KM = 500.0
"""Areas reaching further than this from their point do not set the initial view."""
_KM_PER_DEG = 111.32

_JS_UNSAFE = str.maketrans({"`": "&#96;", "$": "&#36;", "\\": "&#92;"})


def _esc(value: object) -> str:
    r"""Escape text for HTML that folium places in a JS template literal.

    ``html.escape`` makes ``<``, ``>``, ``&`` and both quotes harmless (so no
    markup and no ``</script>``); the translation table then removes the three
    characters that mean something inside a template literal.

    Examples
    --------
    >>> _esc("<b>`${x}`\\</b>")
    '&lt;b&gt;&#96;&#36;{x}&#96;&#92;&lt;/b&gt;'
    """
    return html.escape(str(value), quote=True).translate(_JS_UNSAFE)


def _safe_color(color: str) -> str:
    """Return ``color`` if it is a plain CSS hex colour or name, else a grey."""
    return color if _COLOR_RE.fullmatch(color.strip()) else _FALLBACK_COLOR


def _safe_url(url: str | None) -> str | None:
    """Return ``url`` if it is an absolute http(s) URL, else ``None``."""
    if not url:
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


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
    quote = citation.quote
    start = citation.start - citation.quote_start
    end = citation.end - citation.quote_start
    if not (0 <= start < end <= len(quote)):
        found = quote.find(citation.mention) if citation.mention else -1
        if found < 0:
            return _esc(quote)
        start, end = found, found + len(citation.mention)
    return f"{_esc(quote[:start])}<mark>{_esc(quote[start:end])}</mark>{_esc(quote[end:])}"


def _citation_html(citation: Citation) -> str:
    """One source in a popup: title, date, quote, article id and link."""
    title = citation.title or citation.article
    date = citation.date or "date unknown"
    parts = [
        f'<li class="em-cite"><b>{_esc(title)}</b> <span class="em-date">({_esc(date)})</span>',
        f'<blockquote class="em-quote">{_quote_html(citation)}</blockquote>',
        f'<span class="em-article">{_esc(citation.article)}</span>',
    ]
    url = _safe_url(citation.url)
    if url is not None:
        parts.append(
            f' · <a href="{_esc(url)}" target="_blank" rel="noopener noreferrer">source</a>'
        )
    parts.append("</li>")
    return "".join(parts)


def popup_html(group: PlaceOnLayer, *, layer_title: str) -> str:
    """Write the popup of one place on one layer as an escaped HTML fragment.

    It holds no backtick, dollar sign, backslash or newline, so folium can put
    it in a JavaScript template literal as is.
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
    if place.alternatives:
        parts.append('<div class="em-alts">Chosen over:<ul>')
        for alt in place.alternatives[:MAX_ALTERNATIVES]:
            country = f" ({_esc(alt.country)})" if alt.country else ""
            reason = f": {_esc(alt.reason)}" if alt.reason else ""
            parts.append(f"<li>{_esc(alt.name)}{country}{reason}</li>")
        hidden = len(place.alternatives) - MAX_ALTERNATIVES
        if hidden > 0:
            parts.append(f"<li>and {hidden} more</li>")
        parts.append("</ul></div>")
    parts.append(f'<div class="em-sources">Sources ({len(group.citations)}):<ol>')
    parts.extend(_citation_html(c) for c in group.citations)
    parts.append("</ol></div></div>")
    return "".join(parts).replace("\n", " ").replace("\r", " ")


def _tooltip(text: str) -> folium.Tooltip:
    """Make a tooltip with escaped text (folium inserts tooltip text raw)."""
    return folium.Tooltip(_esc(text))


class _Popup(folium.Popup):
    """A folium ``Popup`` that gives Leaflet its HTML as a string, so jQuery is not needed.

    folium's template turns the HTML into a DOM node with jQuery
    (``$(`...`)[0]``); Leaflet's ``setContent`` takes an HTML string just as
    well. The string is still a JavaScript template literal, which
    :func:`_esc` has made safe. Only what this module uses is supported: no
    ``lazy``, no ``show``, no scripts inside the popup.
    """

    _template = Template(
        """
        var {{ this.get_name() }} = L.popup({{ this.options|tojavascript }});
        {%- for name, element in this.html._children.items() %}
        {{ this.get_name() }}.setContent(`{{ element.render(**kwargs).replace('\\n', ' ') }}`);
        {%- endfor %}
        {{ this._parent.get_name() }}.bindPopup({{ this.get_name() }});
        """
    )


def _popup(group: PlaceOnLayer, layer_title: str) -> folium.Popup:
    return _Popup(popup_html(group, layer_title=layer_title), max_width=POPUP_MAX_WIDTH)


def _area_geojson(geometry: BaseGeometry) -> dict[str, Any]:
    """Turn ``geometry`` into a GeoJSON Feature, simplified and rounded to stay small.

    The tolerance grows with the area's extent (about 1/2000 of it, at least
    :data:`_SIMPLIFY_DEG`): a coast strip keeps its detail, a whole country
    does not carry 40,000 vertices of coastline.
    """
    west, south, east, north = geometry.bounds
    tolerance = max(_SIMPLIFY_DEG, max(east - west, north - south) / _SIMPLIFY_SHARE)
    simple = shapely.simplify(geometry, tolerance, preserve_topology=True)
    if simple.is_empty:
        simple = geometry
    geom = dict(mapping(simple))
    geom["coordinates"] = round_coords(geom["coordinates"])
    return {"type": "Feature", "properties": {}, "geometry": geom}


def _area_style(precision: Precision, color: str) -> Callable[[dict[str, Any]], dict[str, Any]]:
    """Make a folium ``style_function`` for an area of the given precision."""
    style: dict[str, Any] = {
        "color": color,
        "weight": 2,
        "opacity": 0.9,
        "fillColor": color,
        "fillOpacity": _FILL_OPACITY[precision],
    }
    if precision in _DASHED:
        style["dashArray"] = _DASH_ARRAY

    def style_function(_feature: dict[str, Any]) -> dict[str, Any]:
        return dict(style)

    return style_function


def _add_area(group: PlaceOnLayer, layer: LayerDefinition, target: folium.FeatureGroup) -> None:
    place = group.place
    extra = {"pane": _BACKGROUND_AREA_PANE} if layer.default else {}
    shape = folium.GeoJson(
        _area_geojson(place.geometry),
        name=_esc(place.name),
        style_function=_area_style(place.precision, _safe_color(layer.color)),
        tooltip=_tooltip(place.name),
        control=False,
        **extra,
    )
    shape.add_child(_popup(group, layer.title))
    shape.add_to(target)


def _add_point(group: PlaceOnLayer, layer: LayerDefinition, target: folium.FeatureGroup) -> None:
    place = group.place
    color = _safe_color(layer.color)
    if place.radius_km:
        # Shows the uncertainty only: clicks go through to the marker at its centre.
        circle = folium.Circle(
            location=(place.lat, place.lon),
            radius=place.radius_km * 1000.0,
            color=color,
            weight=1,
            opacity=0.6,
            dash_array=_DASH_ARRAY,
            fill=True,
            fill_color=color,
            fill_opacity=0.08,
        )
        circle.options["interactive"] = False
        circle.add_to(target)
    marker = folium.CircleMarker(
        location=(place.lat, place.lon),
        radius=7,
        color="#222222",
        weight=1.5,
        fill=True,
        fill_color=color,
        fill_opacity=0.9,
        popup=_popup(group, layer.title),
        tooltip=_tooltip(place.name),
    )
    marker.options["pane"] = _BACKGROUND_POINT_PANE if layer.default else _POINT_PANE
    marker.add_to(target)


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


def _fit(groups: Sequence[PlaceOnLayer], fmap: folium.Map) -> None:
    """Fit the map to the places in focus, or leave the world view when there is none."""
    bounds = _bounds(_focus(groups))
    if bounds is None:
        return
    south, west, north, east = bounds
    fmap.fit_bounds([[south, west], [north, east]], padding=(20, 20), max_zoom=_FIT_MAX_ZOOM)


class _Legend(MacroElement):
    """A fixed box listing the layers shown, plus the popup styles and credits."""

    _template = Template(
        """
        {% macro header(this, kwargs) %}
        <style>{{ this.css }}</style>
        {% endmacro %}
        {% macro html(this, kwargs) %}
        {{ this.markup }}
        {% endmacro %}
        """
    )

    def __init__(self, *, markup: str, css: str) -> None:
        super().__init__()
        self._name = "Legend"
        self.markup = markup
        self.css = css


class _Attribution(MacroElement):
    """Adds the data credits to Leaflet's attribution control."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        {{ this._parent.get_name() }}.attributionControl.addAttribution(
            {{ this.text|tojavascript }});
        {% endmacro %}
        """
    )

    def __init__(self, text: str) -> None:
        super().__init__()
        self._name = "Attribution"
        self.text = text


_CSS = (
    ".em-legend{position:fixed;bottom:24px;left:10px;z-index:1000;background:#fff;"
    "padding:8px 10px;border-radius:4px;box-shadow:0 1px 4px rgba(0,0,0,.35);"
    "font:13px/1.4 sans-serif;max-width:280px}"
    ".em-legend h3{font-size:14px;margin:0 0 4px}"
    ".em-legend ul{list-style:none;margin:0;padding:0}"
    ".em-swatch{display:inline-block;width:12px;height:12px;margin-right:6px;"
    "border:1px solid #333;vertical-align:middle}"
    ".em-credit{margin-top:6px;font-size:11px;color:#555}"
    ".em-popup{font:13px/1.4 sans-serif}"
    ".em-popup h4{margin:0 0 4px;font-size:15px}"
    ".em-popup th{text-align:left;padding-right:8px;font-weight:600;vertical-align:top}"
    ".em-popup ul,.em-popup ol{margin:2px 0;padding-left:18px}"
    ".em-quote{margin:2px 0 2px 4px;padding-left:6px;border-left:3px solid #ccc;font-style:italic}"
    ".em-article{font-size:11px;color:#555}"
    ".em-reason,.em-alts{margin:4px 0;color:#333}"
    # The sea: what shows wherever the base layer draws no land.
    f".folium-map.leaflet-container{{background:{SEA_COLOR}}}"
)


def _legend_markup(title: str, shown: Sequence[tuple[LayerDefinition, int]], *, empty: bool) -> str:
    rows = "".join(
        f'<li><span class="em-swatch" style="background:{_safe_color(d.color)}"></span>'
        f"{_esc(d.title)} ({count} place{'s' if count != 1 else ''})</li>"
        for d, count in shown
    )
    if empty:
        rows = "<li>No places found.</li>"
    return (
        f'<div class="em-legend"><h3>{_esc(title)}</h3><ul>{rows}</ul>'
        f'<div class="em-credit">{_esc(ATTRIBUTION)}</div></div>'
    )


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


@functools.cache
def _leaflet_assets() -> tuple[str, str]:
    """The vendored Leaflet script and stylesheet, ready to inline (read once)."""
    folder = importlib.resources.files("eventmap").joinpath("assets")
    js = folder.joinpath("leaflet.js").read_text(encoding="utf-8")
    css = folder.joinpath("leaflet.css").read_text(encoding="utf-8")
    return _inline_script(js, name="leaflet.js"), _inline_style(css, name="leaflet.css")


class _InlineLeaflet(Element):
    """Leaflet's script and stylesheet, inline, for the page head."""

    def render(self, **kwargs: Any) -> str:
        js, css = _leaflet_assets()
        return (
            f'<script id="eventmap-leaflet-js">\n{js}</script>\n'
            f'<style id="eventmap-leaflet-css">\n{css}</style>\n'
        )


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


def build_map(
    events: Iterable[Event],
    layer_defs: Iterable[LayerDefinition],
    *,
    title: str = "eventmap",
) -> folium.Map:
    """Build the map of ``events``: one named, toggleable layer per layer with events.

    Layers appear in layer order; a layer without events is left out. A layer
    id with no definition is still drawn, in grey, after the defined ones.
    Element ids are numbered, so equal input renders to equal HTML.
    """
    defs_in = tuple(layer_defs)
    groups = group_events(events, layer_defs=defs_in)
    defs = _definitions((g.layer for g in groups), defs_in)
    counts = Counter(g.layer for g in groups)
    shown = sorted(counts, key=lambda layer_id: layer_rank(layer_id, layer_defs=defs.values()))

    fmap = OfflineMap(location=_EMPTY_CENTER, zoom_start=_EMPTY_ZOOM, tiles=None)
    root = fmap.get_root()
    if isinstance(root, Figure):
        root.title = html.escape(title)

    base = base_layer(_bounds(_focus(groups)), pane=_BASE_PANE)
    if base is not None:
        folium.map.CustomPane(_BASE_PANE, z_index=_BASE_PANE_Z, pointer_events=False).add_to(fmap)
        base.add_to(fmap)
    for pane, z_index in _PANE_Z.items():
        folium.map.CustomPane(pane, z_index=z_index, pointer_events=True).add_to(fmap)

    for layer_id in shown:
        definition = defs[layer_id]
        feature_group = folium.FeatureGroup(name=_esc(definition.title), overlay=True)
        members = [g for g in groups if g.layer == layer_id]
        # Largest areas first, so smaller ones stay on top and clickable.
        areas = sorted(
            (g for g in members if g.place.is_area),
            key=lambda g: -g.place.geometry.area,
        )
        for group in areas:
            _add_area(group, definition, feature_group)
        for group in members:
            if not group.place.is_area:
                _add_point(group, definition, feature_group)
        feature_group.add_to(fmap)

    legend_rows = [(defs[layer_id], counts[layer_id]) for layer_id in shown]
    _Legend(markup=_legend_markup(title, legend_rows, empty=not groups), css=_CSS).add_to(fmap)
    _Attribution(_esc(ATTRIBUTION)).add_to(fmap)
    _fit(groups, fmap)
    folium.LayerControl(collapsed=False).add_to(fmap)
    _number_elements(root)
    return fmap


def render_html(
    events: Iterable[Event],
    layer_defs: Iterable[LayerDefinition],
    *,
    title: str = "eventmap",
) -> str:
    """Render the whole map page as one HTML string (see :func:`build_map`)."""
    return build_map(events, layer_defs, title=title).get_root().render()
