"""Fixtures for the build tests: small corpora of our own, and a Dask LocalCluster."""

from __future__ import annotations

from pathlib import Path

import pytest

#: Short articles written for these tests: a few places each, in plain sentences.
ARTICLES: dict[str, str] = {
    "talks.md": (
        "---\ntitle: Ministers meet\ndate: 2022-05-10\n---\n\n"
        "The foreign ministers held talks in Vienna on Tuesday.\n\n"
        "Afterwards the delegation flew to Geneva.\n"
    ),
    "strike.txt": (
        "Rockets hit Kharkiv overnight\n\n"
        "date 2022-06-02\n\n"
        "Rockets struck Kharkiv overnight, officials said.\n"
        "Emergency crews worked near Izium until dawn.\n"
    ),
    "flood.txt": (
        "Floods across the delta\n\n"
        "Heavy flooding hit Dhaka and the rest of Bangladesh.\n"
        "Aid convoys left Kolkata on Friday.\n"
    ),
    "sub/quake.md": (
        "---\ntitle: Earthquake\n---\n\n"
        "An earthquake shook Lima, Peru, and was felt as far away as Arequipa.\n"
    ),
}

EXTRA_ARTICLE = (
    "extra.txt",
    "Ferry service resumes\n\nThe ferry between Helsinki and Tallinn sailed again on Monday.\n",
)


def write_corpus(folder: Path, articles: dict[str, str] | None = None) -> Path:
    """Write articles into ``folder`` (created) and return it."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in (articles or ARTICLES).items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder


def outputs(out: Path) -> dict[str, bytes]:
    """The bytes of a build's two outputs."""
    return {name: (out / name).read_bytes() for name in ("index.html", "events.geojson")}


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return write_corpus(tmp_path / "articles")


@pytest.fixture(scope="session")
def kit():
    """The helpers above, for test modules (importlib mode cannot import conftest)."""

    class Kit:
        articles = ARTICLES
        extra = EXTRA_ARTICLE
        write = staticmethod(write_corpus)
        outputs = staticmethod(outputs)

    return Kit


@pytest.fixture(scope="session")
def dask_engine():
    """``--workers 2``: a Dask engine that starts its own LocalCluster of two
    single-threaded worker processes on 127.0.0.1, shared by the tests that need one."""
    pytest.importorskip("distributed")
    from eventmap.build.engine import DaskEngine

    engine = DaskEngine(workers=2)
    yield engine
    engine.close()


@pytest.fixture(scope="session")
def reference(pipeline, kit, tmp_path_factory):
    """The real map and GeoJSON of the test corpus, built once in-process without a cache."""
    from eventmap.build.run import build

    base = tmp_path_factory.mktemp("ref")
    articles = kit.write(base / "articles")
    out = base / "out"  # beside the articles, as in the tests: the map links them relatively
    report = build(articles, out, pipeline=pipeline, use_cache=False)
    assert not report.failed and report.events > 0
    return kit.outputs(out)


@pytest.fixture
def quick_render(monkeypatch):
    """A stand-in for the folium map, for tests about what is processed and cached
    rather than about the map: the GeoJSON (real) and this listing of every event
    still show any change in the results. The determinism tests use the real map."""
    import eventmap.map.render

    def render(events, layers, *, title="eventmap", **_options):
        return "".join(
            f"{e.layer}|{e.place.gazetteer_id}|{e.citation.article}|{e.citation.start}|"
            f"{e.confidence}|{e.date}\n"
            for e in events
        )

    monkeypatch.setattr(eventmap.map.render, "render_html", render)
