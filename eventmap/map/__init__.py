"""The map page: what a person opens in a browser, and pictures of it.

Owns :mod:`~eventmap.map.render` (the self-contained HTML page and its
fragment, with the page's data tables), :mod:`~eventmap.map.basemap` (the
offline base map of land, borders and names drawn from Natural Earth),
:mod:`~eventmap.map.snapshot` (PNG and PDF pictures of a page, through the
system's Chromium), and ``assets/`` (the vendored Leaflet and the page's own
script and style, inlined into every page; package data).

May import: :mod:`eventmap.exports` (the page draws geometries as the
GeoJSON does), the core of :mod:`eventmap` (grouping, urls), ``layers`` and
``geo``. Never the build or the front door: the build draws the map by
calling this.
"""
