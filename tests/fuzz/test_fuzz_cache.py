"""Fuzzing the build cache: a damaged or foreign record is rebuilt, never trusted.

A real cache is made by building a small corpus once. Each example damages
one of its records (random bytes, a cut, one flipped byte, or a record with a
valid envelope and checksum around a generated JSON body, which only the
decoders can refuse) and builds again from that cache. The build must finish
without a traceback and write the same GeoJSON as a build without a cache;
a damaged record is counted as rejected or simply rebuilt.
"""

from __future__ import annotations

import os
import shutil

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventmap.build.cache import ArticleCache
from eventmap.build.run import build

pytestmark = pytest.mark.slow

SCALE = max(1, int(os.environ.get("EVENTMAP_FUZZ_SCALE", "1") or 1))
FEW = settings(
    max_examples=14 * SCALE,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)

ARTICLES = {
    "strike.txt": "Rockets hit Kharkiv\n\nRockets struck Kharkiv overnight, officials said.\n",
    "talks.md": "---\ntitle: Talks\ndate: 2022-05-10\n---\n\nThe ministers held talks in Vienna.\n",
}

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=12), inner),
    max_leaves=30,
)


@pytest.fixture(scope="module")
def cached(pipeline, tmp_path_factory):
    """A corpus, its cache after one build, and the GeoJSON a build without a cache writes."""
    base = tmp_path_factory.mktemp("fuzz-cache")
    articles = base / "articles"
    articles.mkdir()
    for name, text in ARTICLES.items():
        (articles / name).write_text(text, encoding="utf-8")
    cache = base / "cache"
    build(articles, base / "first", pipeline=pipeline, cache_dir=cache)
    build(articles, base / "fresh", pipeline=pipeline, use_cache=False)
    records = sorted(p.relative_to(cache) for p in cache.rglob("*.rec"))
    assert records, "the build wrote no cache records"
    expected = (base / "fresh" / "events.geojson").read_bytes()
    return articles, cache, records, expected


@FEW
@given(
    which=st.integers(min_value=0),
    how=st.sampled_from(["random", "cut", "flip", "body"]),
    data=st.binary(max_size=300),
    body=JSON,
    at=st.integers(min_value=0),
)
def test_a_damaged_record_is_rebuilt(
    pipeline, cached, tmp_path_factory, which, how, data, body, at
):
    articles, cache, records, expected = cached
    work = tmp_path_factory.mktemp("damaged")
    copy = work / "cache"
    shutil.copytree(cache, copy)
    record = copy / records[which % len(records)]
    raw = record.read_bytes()
    if how == "random":
        record.write_bytes(data)
    elif how == "cut":
        record.write_bytes(raw[: at % max(len(raw), 1)])
    elif how == "flip":
        position = at % len(raw)
        record.write_bytes(raw[:position] + bytes([raw[position] ^ 0x5A]) + raw[position + 1 :])
    else:  # a well-formed record of the same stage and key around a foreign body
        stage = record.relative_to(copy).parts[0]
        ArticleCache(copy).put(stage, record.stem, body)
    report = build(articles, work / "out", pipeline=pipeline, cache_dir=copy)
    assert not report.failed, report.failed
    assert (work / "out" / "events.geojson").read_bytes() == expected
    stage = record.relative_to(copy).parts[0]
    if how != "body" and stage == "events":
        # A warm build reads every events record (the parse and places ones only
        # when it needs them); the envelope's checksum catches any change.
        assert report.cache is not None
        assert any(str(record) in line for line in report.cache.rejected), how
