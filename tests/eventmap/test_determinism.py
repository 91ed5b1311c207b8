"""Same articles and settings, same bytes: whatever the listing order, cache state or engine."""

from __future__ import annotations

import random
import shutil

import pytest

from eventmap.build import run as build_module
from eventmap.build.run import build


def test_two_builds_write_identical_bytes(pipeline, corpus, tmp_path, kit, reference):
    build(corpus, tmp_path / "one", pipeline=pipeline)
    build(corpus, tmp_path / "two", pipeline=pipeline)  # warm: every article from the cache
    assert kit.outputs(tmp_path / "one") == reference
    assert kit.outputs(tmp_path / "two") == reference


def test_listing_and_writing_order_change_nothing(pipeline, tmp_path, kit, reference, monkeypatch):
    articles = tmp_path / "articles"
    for name in reversed(list(kit.articles)):  # created in the opposite order
        kit.write(articles, {name: kit.articles[name]})
    listed = build_module.find_articles

    def shuffled(root, **options):
        paths, errors = listed(root, **options)
        paths = list(paths)
        random.Random(7).shuffle(paths)
        assert paths != sorted(paths)
        return paths, errors

    monkeypatch.setattr(build_module, "find_articles", shuffled)
    build(articles, tmp_path / "out", pipeline=pipeline, use_cache=False)
    assert kit.outputs(tmp_path / "out") == reference


@pytest.mark.usefixtures("quick_render")
def test_an_incremental_build_equals_a_fresh_one(pipeline, corpus, tmp_path, kit):
    build(corpus, tmp_path / "before", pipeline=pipeline)
    kit.write(corpus, dict([kit.extra]))
    build(corpus, tmp_path / "incremental", pipeline=pipeline)
    fresh_copy = tmp_path / "copy"
    shutil.copytree(corpus, fresh_copy, ignore=shutil.ignore_patterns(".eventmap-cache"))
    build(fresh_copy, tmp_path / "fresh", pipeline=pipeline, use_cache=False)
    assert kit.outputs(tmp_path / "incremental") == kit.outputs(tmp_path / "fresh")
    assert kit.outputs(tmp_path / "incremental") != kit.outputs(tmp_path / "before")


@pytest.mark.slow
def test_the_dask_engine_writes_identical_bytes(corpus, tmp_path, kit, reference, dask_engine):
    build(corpus, tmp_path / "out", engine=dask_engine, use_cache=False)
    assert kit.outputs(tmp_path / "out") == reference
