"""The files other tools read: one module per format, and the registry of them.

Owns :mod:`~eventmap.exports.geojson` (``events.geojson``, the output
contract), :mod:`~eventmap.exports.gpkg`, :mod:`~eventmap.exports.kml`,
:mod:`~eventmap.exports.csv`, the geometry they share
(:mod:`~eventmap.exports.geometry`: GeoJSON geometry objects with rounded
coordinates, which the map page and base map draw too) and
:mod:`~eventmap.exports.formats` (every export by name, for the CLI and the
build).

May import: the core of :mod:`eventmap` (grouping, urls, atomic writes),
``layers`` and ``geo``. Never the build, the map or the front door: the map
and the build import this, not the other way round.
"""
