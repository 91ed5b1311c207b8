"""Records: per-article results as JSON and back, exactly, and nothing else accepted."""

from __future__ import annotations

import dataclasses
import json

import pytest
import shapely
from shapely.geometry import Point, Polygon

from eventmap.build.records import (
    INLINE_WKB_BYTES,
    GeometryEncoder,
    PlaceInterner,
    RecordError,
    decode_doc,
    decode_events,
    decode_resolved,
    encode_doc,
    encode_events,
    encode_resolved,
    fresh_geometry_refs,
    geometry_refs,
)
from geo.types import (
    Alternative,
    AreaKind,
    AreaSpec,
    Mention,
    MentionKind,
    Place,
    Precision,
    Resolved,
)
from layers.classify import ArticleInfo
from layers.types import Citation, Event

TEXTS = [
    "Rockets struck Kharkiv overnight, officials said.\nCrews worked near Izium.",
    "Talks in Vienna\n\nThe ministers met in Vienna.  Then they flew to Geneva, Switzerland.",
    "  An earthquake shook Lima, Peru.\tIt was felt 40 km north of Arequipa.\n",
]

BIG = Polygon([(i * 0.01, (i % 7) * 0.01) for i in range(200)] + [(0, 0)]).buffer(0.5)


def _place(name: str, geometry, **extra) -> Place:
    return Place(
        gazetteer_id=f"test:{name}",
        name=name,
        country="XX",
        feature="city",
        geometry=geometry,
        lat=geometry.representative_point().y,
        lon=geometry.representative_point().x,
        precision=Precision.REGION,
        radius_km=12.5,
        confidence=0.8765432109876543,
        source="test",
        alternatives=(Alternative("test:alt", "Alt", None, 1.5, -2.25, 0.1, "smaller town"),),
        reason="the only match",
        **extra,
    )


def _resolved() -> list[Resolved]:
    small = _place("Small", Point(30.1234567, 50.7654321))
    big = _place("Big", BIG, named_point=(48.5, 31.25), population=1_250_000)
    return [
        Resolved(Mention(0, 5, "Small", MentionKind.TOPONYM, "Small", 0, 5, "GPE"), small),
        Resolved(
            Mention(
                10,
                30,
                "off the coast of Big",
                MentionKind.PHRASE,
                "Big",
                27,
                30,
                "GPE",
                AreaSpec(AreaKind.OFFSHORE, 22.2, None),
                None,
            ),
            big,
        ),
        Resolved(Mention(40, 47, "Bigians", MentionKind.DEMONYM, "Bigians", 40, 47, "NORP"), None),
    ]


def _events(resolved: list[Resolved]) -> list[Event]:
    events = []
    for layer, item in (("places", resolved[0]), ("shootdown_area", resolved[1])):
        assert item.place is not None
        events.append(
            Event(
                layer=layer,
                place=item.place,
                citation=Citation(
                    "a/b.md",
                    "Title",
                    "2020-01-02",
                    "Quote.",
                    0,
                    1,
                    4,
                    "uot",
                    "https://x.test/",
                    event_date=("2020-01-01", "sentence"),
                ),
                confidence=0.5,
                trigger="struck",
                date="2020-01-01",
                date_source="sentence",
            )
        )
    return events


def _roundtrip(events, by_id, geometries):
    record = json.loads(json.dumps(encode_events(events, places=by_id)))
    blobs = dict(geometries.blobs)
    return decode_events(record, places=PlaceInterner(lambda ref: shapely.from_wkb(blobs[ref])))


def test_events_survive_json_exactly():
    resolved = _resolved()
    geometries = GeometryEncoder()
    _, by_id = encode_resolved(resolved, geometries=geometries)
    events = _events(resolved)
    decoded = _roundtrip(events, by_id, geometries)
    assert decoded == events
    for before, after in zip(events, decoded, strict=True):
        assert after.place.alternatives == before.place.alternatives
        assert after.place.reason == before.place.reason
        assert after.place.point_of_the_name == before.place.point_of_the_name
        assert shapely.equals_exact(after.place.geometry, before.place.geometry, tolerance=0)


def test_small_geometries_inline_large_ones_by_reference():
    resolved = _resolved()
    geometries = GeometryEncoder()
    record, _ = encode_resolved(resolved, geometries=geometries)
    assert "wkb" in record[0]["place"]["geometry"]
    assert len(shapely.to_wkb(BIG)) > INLINE_WKB_BYTES
    (ref,) = geometries.blobs
    assert record[1]["place"]["geometry"] == {"ref": ref}
    assert geometry_refs(record) == {ref}


def test_fresh_records_name_the_same_blobs_as_a_full_walk():
    resolved = _resolved()
    geometries = GeometryEncoder()
    places, by_id = encode_resolved(resolved, geometries=geometries)
    events = encode_events(_events(resolved), places=by_id)
    (ref,) = geometries.blobs
    assert fresh_geometry_refs(places) == geometry_refs(places) == {ref}
    assert fresh_geometry_refs(events) == geometry_refs(events)
    assert fresh_geometry_refs([]) == set()


def test_places_survive_json_exactly():
    resolved = _resolved()
    geometries = GeometryEncoder()
    record, _ = encode_resolved(resolved, geometries=geometries)
    blobs = dict(geometries.blobs)
    decoded, by_id = decode_resolved(
        json.loads(json.dumps(record)), resolve_ref=lambda ref: shapely.from_wkb(blobs[ref])
    )
    assert decoded == resolved
    # compared by nothing else: which of two towns holds the other reads it
    assert [i.place.population for i in decoded if i.place] == [0, 1_250_000]
    assert set(by_id) == {id(item.place) for item in decoded if item.place is not None}


@pytest.mark.parametrize(
    ("kind", "encoded"),
    [
        (Event, "events"),
        (Citation, "citation"),
        (Place, "place"),
        (Mention, "mention"),
        (Alternative, "alternative"),
        (AreaSpec, "area"),
    ],
)
def test_every_field_of_every_value_is_written(kind, encoded):
    """A field added to a value type must reach the records (or this test fails)."""
    resolved = _resolved()
    geometries = GeometryEncoder()
    places_record, by_id = encode_resolved(resolved, geometries=geometries)
    events_record = encode_events(_events(resolved), places=by_id)
    samples = {
        "events": events_record["events"][0],
        "citation": events_record["events"][0]["citation"],
        "place": places_record[1]["place"],
        "mention": places_record[1]["mention"],
        "alternative": places_record[1]["place"]["alternatives"][0],
        "area": places_record[1]["mention"]["area"],
    }
    written = set(samples[encoded])
    if kind is Citation:  # its event date is written once, as the event's date and source
        assert {"date", "date_source"} <= set(samples["events"])
        written.add("event_date")
    assert {f.name for f in dataclasses.fields(kind)} <= written


def test_interned_places_are_shared_between_articles():
    resolved = _resolved()
    geometries = GeometryEncoder()
    _, by_id = encode_resolved(resolved, geometries=geometries)
    record = json.loads(json.dumps(encode_events(_events(resolved), places=by_id)))
    blobs = dict(geometries.blobs)
    interner = PlaceInterner(lambda ref: shapely.from_wkb(blobs[ref]))
    first, second = decode_events(record, places=interner), decode_events(record, places=interner)
    assert first[1].place is second[1].place


def test_an_event_whose_place_was_never_resolved_is_refused():
    resolved = _resolved()
    _, by_id = encode_resolved(resolved, geometries=GeometryEncoder())
    stray = dataclasses.replace(_events(resolved)[0], place=_place("Stray", Point(1, 2)))
    with pytest.raises(RecordError):
        encode_events([stray], places=by_id)


def _good_events_record():
    resolved = _resolved()
    geometries = GeometryEncoder()
    _, by_id = encode_resolved(resolved, geometries=geometries)
    return json.loads(json.dumps(encode_events(_events(resolved), places=by_id))), geometries


@pytest.mark.parametrize(
    "damage",
    [
        lambda r: r.pop("events"),
        lambda r: r["events"][0].update(place=7),
        lambda r: r["events"][0].update(place=True),
        lambda r: r["events"][0].update(confidence="high"),
        lambda r: r["events"][0]["citation"].update(start=1.5),
        lambda r: r["places"][0].update(precision="somewhere"),
        lambda r: r["places"][0].update(lat=float("inf")),
        lambda r: r["places"][0].update(geometry={"wkb": "zz"}),
        lambda r: r["places"][0].update(geometry={"wkb": "0101000000"}),
        lambda r: r["places"][0].update(geometry={"ref": "../../etc/passwd"}),
        lambda r: r["places"][0].update(geometry={"wkb": "00" * (INLINE_WKB_BYTES + 1)}),
        lambda r: r["places"][0]["alternatives"].append({"name": "x"}),
    ],
)
def test_damaged_events_records_raise_record_error(damage):
    record, geometries = _good_events_record()
    damage(record)
    blobs = dict(geometries.blobs)
    with pytest.raises(RecordError):
        decode_events(record, places=PlaceInterner(lambda ref: shapely.from_wkb(blobs[ref])))


@pytest.mark.parametrize("text", TEXTS)
def test_a_rebuilt_doc_reads_the_same_to_the_extractor_and_classifier(pipeline, text):
    doc = pipeline.nlp(text)
    rebuilt = decode_doc(json.loads(json.dumps(encode_doc(doc))), pipeline.nlp.vocab)
    assert rebuilt.text == doc.text
    assert [s.start for s in rebuilt.sents] == [s.start for s in doc.sents]
    assert [(e.start, e.end, e.label_) for e in rebuilt.ents] == [
        (e.start, e.end, e.label_) for e in doc.ents
    ]
    resolved = pipeline.locate(doc)
    assert pipeline.locate(rebuilt) == resolved
    info = ArticleInfo(id="t.txt", date="2021-02-03")
    assert pipeline.classify(rebuilt, resolved, info=info) == pipeline.classify(
        doc, resolved, info=info
    )


@pytest.mark.parametrize(
    "damage",
    [
        lambda d: d.update(head=[*d["head"][:-1], len(d["head"])]),
        lambda d: d.update(head=[1, 0, *d["head"][2:]]),  # a cycle
        lambda d: d.update(idx=d["idx"][:-1]),
        lambda d: d.update(text=d["text"][:-3]),
        lambda d: d.update(pos=["NOT_A_POS"] * len(d["pos"])),
        lambda d: d.update(ents=[[0, 999, "GPE"]]),
        lambda d: d.update(ents=[[0, 2, "GPE"], [1, 3, "LOC"]]),
        lambda d: d.update(lemma=[1] * len(d["lemma"])),
    ],
)
def test_damaged_parses_raise_record_error(pipeline, damage):
    data = encode_doc(pipeline.nlp("Rockets struck Kharkiv overnight, officials said."))
    damage(data)
    with pytest.raises(RecordError):
        decode_doc(data, pipeline.nlp.vocab)
