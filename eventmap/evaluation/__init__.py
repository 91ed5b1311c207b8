"""Measuring the pipeline against gold annotations: how right the map is.

Owns :mod:`~eventmap.evaluation.evaluate` (places, events and dates scored
against annotated corpora, for ``eventmap evaluate`` and bench/accuracy.py),
:mod:`~eventmap.evaluation.geoparse` (a corpus's articles run through the
pipeline for its gold places) and
:mod:`~eventmap.evaluation.point_conventions` (how each corpus places a
point for an area, so a right answer is not scored wrong).

May import: the core of :mod:`eventmap` (articles, urls, the pipeline),
``layers`` and ``geo``. Never the build, the map, the exports or the front
door: evaluation reads what the pipeline says, not what a build wrote.
"""
