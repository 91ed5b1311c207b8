"""The build cache: what a rebuild reuses, what each change invalidates, what is never trusted."""

from __future__ import annotations

import dataclasses
import json
import zlib
from pathlib import Path

import pytest

from eventmap import pipeline as pipeline_module
from eventmap.build.cache import CACHE_DIR_NAME, CACHE_ENV, ArticleCache, default_cache_dir
from eventmap.build.run import build
from eventmap.pipeline import Pipeline
from layers.types import EventType, LayerDefinition

pytestmark = pytest.mark.usefixtures("quick_render")


class Spy:
    """Counts the texts spaCy parses and the parses resolved, on a real pipeline."""

    def __init__(self, pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch) -> None:
        self.parsed = 0
        self.located = 0
        self.classified = 0
        parse_many, locate, classify = pipeline.parse_many, pipeline.locate, pipeline.classify

        def spy_parse(texts, **kwargs):
            texts = list(texts)
            self.parsed += len(texts)
            return parse_many(texts, **kwargs)

        def spy_locate(doc, **kwargs):
            self.located += 1
            return locate(doc, **kwargs)

        def spy_classify(doc, resolved, **kwargs):
            self.classified += 1
            return classify(doc, resolved, **kwargs)

        monkeypatch.setattr(pipeline, "parse_many", spy_parse)
        monkeypatch.setattr(pipeline, "locate", spy_locate)
        monkeypatch.setattr(pipeline, "classify", spy_classify)


def _build(pipeline, corpus: Path, out: Path, **kwargs):
    report = build(corpus, out, pipeline=pipeline, **kwargs)
    assert not report.failed, report.failed
    return report


def _records(cache_dir: Path, stage: str) -> list[Path]:
    return sorted((cache_dir / stage).glob("*/*.rec"))


def test_a_second_build_processes_nothing_and_writes_the_same_bytes(
    pipeline, corpus, tmp_path, monkeypatch, kit
):
    first = _build(pipeline, corpus, tmp_path / "a")
    assert first.processed == 4 and first.from_cache == 0
    spy = Spy(pipeline, monkeypatch)
    second = _build(pipeline, corpus, tmp_path / "b")
    assert (spy.parsed, spy.located, spy.classified) == (0, 0, 0)
    assert second.from_cache == 4 and second.processed == 0
    assert kit.outputs(tmp_path / "a") == kit.outputs(tmp_path / "b")


def test_the_cache_lives_hidden_in_the_articles_folder_and_is_not_read_as_articles(
    pipeline, corpus, tmp_path
):
    report = _build(pipeline, corpus, tmp_path / "out")
    cache_dir = corpus / CACHE_DIR_NAME
    assert report.cache_dir == cache_dir
    assert (cache_dir / "CACHEDIR.TAG").read_text().startswith("Signature: 8a477f59")
    assert _records(cache_dir, "events")
    again = _build(pipeline, corpus, tmp_path / "out")
    assert again.articles_found == 4


def test_cache_dir_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "elsewhere"))
    assert default_cache_dir(tmp_path / "articles") == tmp_path / "elsewhere"
    monkeypatch.delenv(CACHE_ENV)
    assert default_cache_dir(tmp_path / "articles") == tmp_path / "articles" / CACHE_DIR_NAME


def test_an_edited_article_alone_is_processed_again(pipeline, corpus, tmp_path, monkeypatch):
    _build(pipeline, corpus, tmp_path / "out")
    path = corpus / "flood.txt"
    path.write_text(path.read_text().replace("Kolkata", "Mumbai"))
    spy = Spy(pipeline, monkeypatch)
    report = _build(pipeline, corpus, tmp_path / "out")
    assert (spy.parsed, report.processed, report.from_cache) == (1, 1, 3)
    features = json.loads((tmp_path / "out" / "events.geojson").read_text())["features"]
    names = {f["properties"]["name"] for f in features}
    assert "Mumbai" in names and "Kolkata" not in names


def test_a_deleted_article_disappears_and_its_records_are_pruned(pipeline, corpus, tmp_path):
    cache_dir = corpus / CACHE_DIR_NAME
    _build(pipeline, corpus, tmp_path / "out")
    counts = {stage: len(_records(cache_dir, stage)) for stage in ("parse", "places", "events")}
    assert counts == {"parse": 4, "places": 4, "events": 4}
    (corpus / "sub" / "quake.md").unlink()
    report = _build(pipeline, corpus, tmp_path / "out")
    assert report.processed == 0 and report.from_cache == 3
    features = json.loads((tmp_path / "out" / "events.geojson").read_text())["features"]
    articles = {c["article"] for f in features for c in f["properties"]["citations"]}
    assert articles == {"talks.md", "strike.txt", "flood.txt"}
    assert not any(f["properties"]["name"] in ("Lima", "Arequipa") for f in features)
    for stage in ("parse", "places", "events"):
        assert len(_records(cache_dir, stage)) == 3


def test_a_renamed_article_keeps_its_parse_and_places(pipeline, corpus, tmp_path, monkeypatch):
    _build(pipeline, corpus, tmp_path / "out")
    (corpus / "flood.txt").rename(corpus / "floods-2022.txt")
    spy = Spy(pipeline, monkeypatch)
    report = _build(pipeline, corpus, tmp_path / "out")
    assert (spy.parsed, spy.located, spy.classified) == (0, 0, 1)
    assert report.processed == 1
    text = (tmp_path / "out" / "events.geojson").read_text()
    assert "floods-2022.txt" in text and '"flood.txt"' not in text


def _with_meetings_trigger(layers: list[LayerDefinition], word: str) -> list[LayerDefinition]:
    changed = []
    for layer in layers:
        if layer.id == "meetings":
            added = EventType(id=f"test_{word}", title=word, triggers=(word,))
            layer = dataclasses.replace(layer, event_types=(*layer.event_types, added))
        changed.append(layer)
    return changed


def test_a_changed_layer_definition_reclassifies_without_parsing(
    pipeline, gazetteer, corpus, tmp_path, monkeypatch
):
    _build(pipeline, corpus, tmp_path / "out")
    before = json.loads((tmp_path / "out" / "events.geojson").read_text())["features"]
    assert not any(
        f["properties"]["layer"] == "meetings" and f["properties"]["name"] == "Kolkata"
        for f in before
    )
    layers = _with_meetings_trigger(pipeline.layers, "leave")
    relayered = Pipeline(gazetteer=gazetteer, layers=layers)
    spy = Spy(relayered, monkeypatch)
    report = _build(relayered, corpus, tmp_path / "out")
    assert (spy.parsed, spy.located, spy.classified) == (0, 0, 4)
    assert report.cache is not None
    assert report.cache.hits["parse"] == 4 and report.cache.hits["places"] == 4
    after = json.loads((tmp_path / "out" / "events.geojson").read_text())["features"]
    assert any(
        f["properties"]["layer"] == "meetings" and f["properties"]["name"] == "Kolkata"
        for f in after
    )


def test_a_changed_gazetteer_or_geocoder_resolves_again_from_the_cached_parse(
    pipeline, gazetteer, corpus, tmp_path, monkeypatch, kit
):
    _build(pipeline, corpus, tmp_path / "a")
    other = Pipeline(gazetteer=gazetteer, geocoder_identity="offline-but-different")
    spy = Spy(other, monkeypatch)
    _build(other, corpus, tmp_path / "b")
    assert (spy.parsed, spy.located, spy.classified) == (0, 4, 4)
    assert kit.outputs(tmp_path / "a") == kit.outputs(tmp_path / "b")


def test_a_new_model_version_starts_over(pipeline, gazetteer, corpus, tmp_path, monkeypatch):
    _build(pipeline, corpus, tmp_path / "out")
    monkeypatch.setattr(pipeline_module, "model_identity", lambda name=None: "en_core_web_sm==9.9")
    upgraded = Pipeline(gazetteer=gazetteer)
    spy = Spy(upgraded, monkeypatch)
    report = _build(upgraded, corpus, tmp_path / "out")
    assert (spy.parsed, report.processed, report.from_cache) == (4, 4, 0)


def test_fresh_ignores_the_cache_and_refills_it(pipeline, corpus, tmp_path, kit):
    _build(pipeline, corpus, tmp_path / "a")
    with pytest.MonkeyPatch.context() as patch:
        spy = Spy(pipeline, patch)
        report = _build(pipeline, corpus, tmp_path / "b", fresh=True)
    assert spy.parsed == 4 and report.from_cache == 0
    assert kit.outputs(tmp_path / "a") == kit.outputs(tmp_path / "b")
    with pytest.MonkeyPatch.context() as patch:
        spy = Spy(pipeline, patch)
        assert _build(pipeline, corpus, tmp_path / "c").from_cache == 4
    assert spy.parsed == 0


def _corrupt_truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[:-7])


def _corrupt_flip(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[-3] ^= 0xFF
    path.write_bytes(bytes(data))


def _corrupt_garbage(path: Path) -> None:
    path.write_bytes(b"\x80\x04\x95 not a record at all")


def _corrupt_pickle(path: Path) -> None:
    import pickle

    path.write_bytes(pickle.dumps({"format": "eventmap-cache"}))


def _corrupt_foreign(path: Path) -> None:
    """A well-formed record of another key, copied over this one (a foreign cache)."""
    others = [p for p in path.parent.parent.glob("*/*.rec") if p != path]
    path.write_bytes(others[0].read_bytes())


def _corrupt_valid_checksum_bad_content(path: Path) -> None:
    """Re-sealed with a correct checksum, but the body says something impossible."""
    raw = path.read_bytes()
    header_line, payload = raw.split(b"\n", 1)
    header = json.loads(header_line)
    body = json.loads(zlib.decompress(payload))
    if header["stage"] == "events":
        body["events"] = [{**body["events"][0], "place": 99}]
    elif header["stage"] == "places":
        body = [{"mention": {"start": "zero"}, "place": None}]
    else:
        body["doc"]["head"] = [len(body["doc"]["head"]) + 5] * len(body["doc"]["head"])
    new_payload = zlib.compress(json.dumps(body).encode())
    import hashlib

    header.update(length=len(new_payload), sha256=hashlib.sha256(new_payload).hexdigest())
    path.write_bytes(json.dumps(header).encode() + b"\n" + new_payload)


def _corrupt_header_field(path: Path) -> None:
    """A byte of the header's "refs" field flipped: the body's checksum still holds."""
    raw = path.read_bytes()
    at = raw.index(b'"refs"') + 1
    path.write_bytes(raw[:at] + bytes([raw[at] ^ 0x5A]) + raw[at + 1 :])


def _corrupt_header_reference(path: Path) -> None:
    """The header's geometry references replaced by a name no digest has."""
    raw = path.read_bytes()
    end = raw.index(b"\n")
    header = json.loads(raw[:end])
    header["refs"] = ["not-a-digest"]
    path.write_bytes(json.dumps(header).encode() + raw[end:])


_EVERY_CORRUPTION = [
    _corrupt_truncate,
    _corrupt_flip,
    _corrupt_header_field,
    _corrupt_header_reference,
    _corrupt_garbage,
    _corrupt_pickle,
    _corrupt_foreign,
    _corrupt_valid_checksum_bad_content,
]


@pytest.mark.parametrize(
    ("stage", "corrupt"),
    [("events", c) for c in _EVERY_CORRUPTION]
    + [(s, c) for s in ("places", "parse") for c in (_corrupt_flip, _corrupt_foreign)]
    + [(s, _corrupt_valid_checksum_bad_content) for s in ("places", "parse")],
)
def test_a_corrupt_or_foreign_record_is_rejected_and_rebuilt(
    pipeline, corpus, tmp_path, kit, corrupt, stage
):
    cache_dir = corpus / CACHE_DIR_NAME
    _build(pipeline, corpus, tmp_path / "a")
    records = _records(cache_dir, stage)
    for path in records:
        corrupt(path)
    # Also make the later stages miss, so the corrupt stage is actually read.
    later = {"parse": ("places", "events"), "places": ("events",), "events": ()}[stage]
    for other in later:
        for path in _records(cache_dir, other):
            path.unlink()
    report = _build(pipeline, corpus, tmp_path / "b")
    assert kit.outputs(tmp_path / "a") == kit.outputs(tmp_path / "b")
    assert report.cache is not None
    if corrupt is not _corrupt_valid_checksum_bad_content or stage == "events":
        assert report.cache.rejected  # noticed, not silently trusted
    # and the rebuilt records are good again
    assert _build(pipeline, corpus, tmp_path / "c").from_cache == 4


def test_a_corrupt_geometry_blob_is_not_trusted(pipeline, corpus, tmp_path, kit):
    cache_dir = corpus / CACHE_DIR_NAME
    _build(pipeline, corpus, tmp_path / "a")
    blobs = sorted((cache_dir / "geometry").glob("*/*.wkb"))
    assert blobs, "country outlines are stored as blobs"
    for blob in blobs:
        _corrupt_flip(blob)
    report = _build(pipeline, corpus, tmp_path / "b")
    assert kit.outputs(tmp_path / "a") == kit.outputs(tmp_path / "b")
    assert report.cache is not None and report.cache.rejected


def test_an_unwritable_cache_is_a_warning_not_a_failure(pipeline, corpus, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    report = build(corpus, tmp_path / "out", pipeline=pipeline, cache_dir=blocker)
    assert not report.failed and report.articles_read == 4
    assert report.warnings and "cache disabled" in report.warnings[0]


def test_prune_deletes_only_its_own_file_names(tmp_path):
    cache = ArticleCache(tmp_path)
    cache.prepare()
    cache.put("events", "a" * 64, {"places": [], "events": []})
    cache.put("events", "b" * 64, {"places": [], "events": []})
    stranger = tmp_path / "events" / "aa" / "notes.txt"
    stranger.write_text("mine")
    removed = cache.prune({"events": {"b" * 64}})
    assert removed == 1
    assert stranger.exists()
    assert cache.get("events", "b" * 64) == {"places": [], "events": []}
    assert cache.get("events", "a" * 64) is None


def test_unchanged_outputs_are_left_in_place_and_checked(pipeline, corpus, tmp_path, kit):
    out = tmp_path / "out"
    assert not _build(pipeline, corpus, out).outputs_reused
    before = kit.outputs(out)
    again = _build(pipeline, corpus, out)
    assert again.outputs_reused and kit.outputs(out) == before
    (out / "index.html").write_text("edited by hand")
    repaired = _build(pipeline, corpus, out)
    assert not repaired.outputs_reused and kit.outputs(out) == before
    retitled = _build(pipeline, corpus, out, title="Another title")
    assert not retitled.outputs_reused
    assert not _build(pipeline, corpus, out, title="Another title", fresh=True).outputs_reused


def test_temporary_files_of_killed_builds_are_removed_once_stale(tmp_path: Path) -> None:
    import os
    import time

    from eventmap.build.cache import ArticleCache
    from geo.stale_files import MAX_AGE_SECONDS

    cache = ArticleCache(tmp_path / "cache")
    key = "ab" * 32
    cache.prepare()
    cache.put("events", key, {"x": 1})
    cache.put_manifest("cd" * 32, {"digest": "d", "files": {}})
    record_temp = tmp_path / "cache" / "events" / "ab" / f".{key}.rec.0123abcd.tmp"
    manifest_temp = tmp_path / "cache" / "outputs" / f".{'cd' * 32}.json.0123abcd.tmp"
    young = tmp_path / "cache" / "outputs" / f".{'ef' * 32}.json.4567abcd.tmp"  # being written
    old = time.time() - 2 * MAX_AGE_SECONDS
    for path in (record_temp, manifest_temp, young):
        path.write_bytes(b"half a record")
    for path in (record_temp, manifest_temp):
        os.utime(path, (old, old))
    ArticleCache(tmp_path / "cache").prepare()  # the next build opens the cache
    assert not manifest_temp.exists() and young.exists()
    ArticleCache(tmp_path / "cache").prune({"events": {key}})  # and prunes it at the end
    assert not record_temp.exists()
    assert cache.get("events", key) == {"x": 1}
