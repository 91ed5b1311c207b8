"""Per-article results as plain JSON values, and back: what the build cache stores.

A cache file may come from anywhere (another machine, an older eventmap, a
damaged disk, someone's mischief), so nothing here executes what it reads:
records are JSON (numbers, strings, lists, objects), geometries are WKB
parsed by GEOS, and every decoder checks types and ranges and raises
:class:`RecordError` on anything unexpected. No pickle.

The shape of every record is declared once, as typed :mod:`msgspec` Structs
(the ``_...Record`` classes below): encoders fill them in and turn them into
JSON values, decoders convert JSON values into them, which checks every
field's presence and type (a bool is not a number, a float is not an
integer, an enum value must be one the enum knows) in compiled code. What a
type cannot say (finite numbers, offsets that fit the text, heads that form
a tree, indexes that point into the record) is checked here after.

Three records per article, one per stage (see :mod:`eventmap.version`):

* the **parse**: the article's metadata and its spaCy parse (token offsets,
  tags, lemmas, dependency heads and labels, entities), enough to rebuild a
  :class:`~spacy.tokens.Doc` that the extractor and classifier read exactly
  as they read the original; or the reason the file is not an article;
* the **places**: each mention and the place it resolved to;
* the **events**: the places on layers, with their citations.

Geometries up to :data:`INLINE_WKB_BYTES` are written inline as WKB hex;
larger ones (a country's 1:10m outline runs to half a megabyte) are written
once, as a blob named by its SHA-256, and referenced by that name, so ten
thousand articles that mention Russia store its outline once.

Decoding the same record twice gives equal values, and encoding is exact
(JSON keeps floats to the last bit, WKB keeps coordinates), so a map built
from cached records is byte for byte the map built from fresh ones.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

import msgspec
import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

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
from layers.types import Citation, Event

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

__all__ = [
    "INLINE_WKB_BYTES",
    "GeometryEncoder",
    "PlaceInterner",
    "RecordError",
    "decode_doc",
    "decode_events",
    "decode_resolved",
    "encode_doc",
    "encode_events",
    "encode_resolved",
    "fresh_geometry_refs",
    "geometry_refs",
]

INLINE_WKB_BYTES = 256
"""Geometries whose WKB is at most this long are stored inline."""

_MAX_TOKENS = 2_000_000


class RecordError(ValueError):
    """A record that is not what this version of eventmap writes."""


# --------------------------------------------------------------------------- the schema
# Unknown fields are ignored (as a reader of JSON should); missing ones, values
# of the wrong type and unknown enum values are refused.


class _GeometryRecord(msgspec.Struct, kw_only=True, omit_defaults=True):
    """``{"wkb": hex}`` for a small geometry, ``{"ref": sha256}`` for a blob."""

    wkb: str | None = None
    ref: str | None = None


class _AreaRecord(msgspec.Struct, kw_only=True):
    kind: AreaKind
    distance_km: float | None
    bearing_deg: float | None
    loose: bool = False  # absent from records written before it existed


class _MentionRecord(msgspec.Struct, kw_only=True):
    start: int
    end: int
    text: str
    kind: MentionKind
    name: str
    anchor_start: int
    anchor_end: int
    label: str
    area: _AreaRecord | None
    demonym_country: str | None


class _AlternativeRecord(msgspec.Struct, kw_only=True):
    gazetteer_id: str
    name: str
    country: str | None
    lat: float
    lon: float
    score: float
    reason: str


class _PlaceRecord(msgspec.Struct, kw_only=True):
    gazetteer_id: str
    name: str
    country: str | None
    feature: str
    geometry: _GeometryRecord
    lat: float
    lon: float
    precision: Precision
    radius_km: float | None
    confidence: float
    source: str
    alternatives: list[_AlternativeRecord]
    reason: str
    written: str | None = None
    named_point: tuple[float, float] | None = None
    population: int = 0


class _ResolvedRecord(msgspec.Struct, kw_only=True):
    mention: _MentionRecord
    place: _PlaceRecord | None


class _CitationRecord(msgspec.Struct, kw_only=True):
    """A citation; its event date is written once, as the event's ``date`` and ``date_source``."""

    article: str
    title: str | None
    date: str | None
    quote: str
    quote_start: int
    start: int
    end: int
    mention: str
    url: str | None
    event_type: str | None
    trigger: str | None
    trigger_start: int | None = None
    trigger_end: int | None = None
    note: str | None


class _EventRecord(msgspec.Struct, kw_only=True):
    layer: str
    place: int
    """Index into the record's ``places``."""
    confidence: float
    trigger: str | None
    date: str | None
    date_source: str | None
    citation: _CitationRecord


class _EventsRecord(msgspec.Struct, kw_only=True):
    places: list[_PlaceRecord]
    events: list[_EventRecord]


class _DocRecord(msgspec.Struct, kw_only=True):
    text: str
    idx: list[int]
    ws: list[int]
    pos: list[str]
    tag: list[str]
    dep: list[str]
    lemma: list[str]
    head: list[int]
    ents: list[tuple[int, int, str]]


_T = TypeVar("_T")


def _convert(data: Any, kind: type[_T]) -> _T:
    """``data`` (JSON values) as the Struct ``kind``, or :class:`RecordError`."""
    try:
        return msgspec.convert(data, kind, strict=True)
    except (msgspec.ValidationError, RecursionError) as exc:
        raise RecordError(str(exc)) from exc


def _builtins(record: msgspec.Struct) -> Any:
    """A Struct as plain JSON values (dicts, lists, strings, numbers), for the cache."""
    return msgspec.to_builtins(record)


def _finite(value: float, what: str) -> float:
    if math.isinf(value):
        raise RecordError(f"field {what!r} is infinite")
    return value


# --------------------------------------------------------------------------- geometry


class GeometryEncoder:
    """Encode geometries; large ones become references to blobs collected in :attr:`blobs`.

    Hashing a country's outline costs a millisecond or two and the same
    outline object comes back for every article naming the country, so the
    reference is remembered per object (the object is kept alive alongside).
    """

    def __init__(self, *, memo_size: int = 4096) -> None:
        self.blobs: dict[str, bytes] = {}
        self._memo: dict[int, tuple[BaseGeometry, dict[str, str], bytes | None]] = {}
        self._memo_size = memo_size

    def encode(self, geometry: BaseGeometry) -> dict[str, str]:
        """The geometry as ``{"wkb": hex}`` or ``{"ref": sha256}`` (blob in :attr:`blobs`)."""
        cached = self._memo.get(id(geometry))
        if cached is not None and cached[0] is geometry:
            encoded, blob = cached[1], cached[2]
        else:
            wkb = shapely.to_wkb(geometry, byte_order=1, output_dimension=2)
            if len(wkb) <= INLINE_WKB_BYTES:
                encoded, blob = {"wkb": wkb.hex()}, None
            else:
                encoded, blob = {"ref": hashlib.sha256(wkb).hexdigest()}, wkb
            if len(self._memo) >= self._memo_size:
                self._memo.clear()
            self._memo[id(geometry)] = (geometry, encoded, blob)
        if blob is not None:
            self.blobs.setdefault(encoded["ref"], blob)
        return dict(encoded)


def wkb_geometry(wkb: bytes) -> BaseGeometry:
    """Parse WKB into a geometry, raising :class:`RecordError` when it is not valid WKB."""
    try:
        geometry = shapely.from_wkb(wkb)
    except Exception as exc:  # shapely raises GEOSException and others
        raise RecordError(f"invalid WKB: {exc}") from exc
    if not isinstance(geometry, BaseGeometry):
        raise RecordError("WKB holds no geometry")
    return geometry


def _decode_geometry(
    data: _GeometryRecord, resolve_ref: Callable[[str], BaseGeometry]
) -> BaseGeometry:
    if data.wkb is not None:
        try:
            wkb = bytes.fromhex(data.wkb)
        except ValueError as exc:
            raise RecordError("geometry WKB is not hex") from exc
        if len(wkb) > INLINE_WKB_BYTES:
            raise RecordError("inline geometry too large")
        return wkb_geometry(wkb)
    ref = data.ref
    if ref is None:
        raise RecordError("geometry has neither WKB nor a reference")
    if len(ref) != 64 or any(c not in "0123456789abcdef" for c in ref):
        raise RecordError("geometry reference is not a SHA-256")
    return resolve_ref(ref)


def fresh_geometry_refs(record: Any) -> set[str]:
    """The blobs a places or events record just made by this module refers to.

    Only a place's ``geometry`` holds a reference, so this reads those alone
    instead of walking every citation (:func:`geometry_refs` walks it all,
    for records read back from the cache, whose shape is not yet checked).
    """
    items = record.get("places") if isinstance(record, dict) else record
    if not isinstance(items, list):
        return geometry_refs(record)
    refs: set[str] = set()
    for item in items:
        place = item.get("place") if isinstance(item, dict) and "mention" in item else item
        if not isinstance(place, dict):
            continue
        geometry = place.get("geometry")
        if isinstance(geometry, dict) and isinstance(geometry.get("ref"), str):
            refs.add(geometry["ref"])
    return refs


def geometry_refs(record: Any) -> set[str]:
    """Every blob a places or events record refers to."""
    refs: set[str] = set()
    stack = [record]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            ref = item.get("ref")
            if isinstance(ref, str) and len(item) == 1:
                refs.add(ref)
            else:
                stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return refs


# --------------------------------------------------------------------------- the parse


def encode_doc(doc: Doc, *, text: str | None = None) -> dict[str, Any]:
    """The parse as JSON values: what the extractor and classifier read of a Doc.

    ``text`` is ``doc.text`` when the caller has it at hand.
    """
    from spacy.attrs import DEP, HEAD, IDX, LEMMA, POS, SPACY, TAG

    # Read from the parse's attribute arrays in one pass: iterating the Doc
    # builds a Token object per word per field.
    columns = doc.to_array([IDX, SPACY, POS, TAG, DEP, LEMMA, HEAD])
    strings = doc.vocab.strings
    names = {h: strings[h] for h in np.unique(columns[:, 2:6]).tolist()}

    def words(column: int) -> list[str]:
        return [names[h] for h in columns[:, column].tolist()]

    heads = np.arange(len(columns), dtype=np.int64) + columns[:, 6].astype(np.int64)
    record = _DocRecord(
        text=doc.text if text is None else text,
        idx=columns[:, 0].tolist(),
        ws=[1 if w else 0 for w in columns[:, 1].tolist()],
        pos=words(2),
        tag=words(3),
        dep=words(4),
        lemma=words(5),
        head=heads.tolist(),
        ents=[(e.start, e.end, e.label_) for e in doc.ents],
    )
    encoded: dict[str, Any] = _builtins(record)
    return encoded


def _check_heads(heads: list[int]) -> None:
    """Every head is a token of the doc and every chain ends at a root: a forest."""
    n = len(heads)
    if any(h < 0 or h >= n for h in heads):
        raise RecordError("a dependency head points outside the document")
    state = [0] * n  # 0 unseen, 1 on the current path, 2 reaches a root
    for start in range(n):
        path = []
        node = start
        while state[node] == 0:
            state[node] = 1
            path.append(node)
            if heads[node] == node:
                break
            node = heads[node]
        if state[node] == 1 and heads[node] != node:
            raise RecordError("the dependency heads form a cycle")
        for visited in path:
            state[visited] = 2


def decode_doc(data: Mapping[str, Any], vocab: Vocab) -> Doc:
    """Rebuild the Doc :func:`encode_doc` described, checking every field first."""
    from spacy.parts_of_speech import IDS as POS_IDS
    from spacy.tokens import Doc, Span

    record = _convert(data, _DocRecord)
    text, idx, ws, heads = record.text, record.idx, record.ws, record.head
    n = len(idx)
    if n > _MAX_TOKENS:
        raise RecordError("too many tokens")
    columns = {"pos": record.pos, "tag": record.tag, "dep": record.dep, "lemma": record.lemma}
    lengths = {len(ws), len(heads), *(len(col) for col in columns.values())}
    if lengths != {n}:
        raise RecordError("token columns differ in length")
    if any(p not in POS_IDS for p in columns["pos"]):
        raise RecordError("unknown part of speech")
    words: list[str] = []
    for i, start in enumerate(idx):
        end = (idx[i + 1] if i + 1 < n else len(text)) - (1 if ws[i] else 0)
        if not 0 <= start < end <= len(text):
            raise RecordError("token offsets do not fit the text")
        words.append(text[start:end])
    spaces = [bool(w) for w in ws]
    if "".join(w + (" " if s else "") for w, s in zip(words, spaces, strict=True)) != text:
        raise RecordError("tokens do not spell the text")
    _check_heads(heads)
    try:
        doc = Doc(
            vocab,
            words=words,
            spaces=spaces,
            pos=columns["pos"],
            tags=columns["tag"],
            deps=columns["dep"],
            lemmas=columns["lemma"],
            heads=heads,
        )
        ents = []
        for start, end, label in record.ents:
            if not 0 <= start < end <= n:
                raise RecordError("an entity lies outside the document")
            ents.append(Span(doc, start, end, label=label))
        doc.ents = ents
    except RecordError:
        raise
    except (ValueError, KeyError, IndexError) as exc:  # spaCy's own checks
        raise RecordError(f"spaCy rejected the parse: {exc}") from exc
    return doc


# --------------------------------------------------------------------------- mentions and places


def _mention_record(m: Mention) -> _MentionRecord:
    area = m.area
    return _MentionRecord(
        start=m.start,
        end=m.end,
        text=m.text,
        kind=m.kind,
        name=m.name,
        anchor_start=m.anchor_start,
        anchor_end=m.anchor_end,
        label=m.label,
        area=None
        if area is None
        else _AreaRecord(
            kind=area.kind,
            distance_km=area.distance_km,
            bearing_deg=area.bearing_deg,
            loose=area.loose,
        ),
        demonym_country=m.demonym_country,
    )


def _mention(data: _MentionRecord) -> Mention:
    area = data.area
    return Mention(
        start=data.start,
        end=data.end,
        text=data.text,
        kind=data.kind,
        name=data.name,
        anchor_start=data.anchor_start,
        anchor_end=data.anchor_end,
        label=data.label,
        area=None
        if area is None
        else AreaSpec(
            kind=area.kind,
            distance_km=area.distance_km,
            bearing_deg=area.bearing_deg,
            loose=area.loose,
        ),
        demonym_country=data.demonym_country,
    )


def _encode_place(p: Place, geometries: GeometryEncoder) -> dict[str, Any]:
    record = _PlaceRecord(
        gazetteer_id=p.gazetteer_id,
        name=p.name,
        country=p.country,
        feature=p.feature,
        geometry=_GeometryRecord(**geometries.encode(p.geometry)),
        lat=p.lat,
        lon=p.lon,
        precision=p.precision,
        radius_km=p.radius_km,
        confidence=p.confidence,
        source=p.source,
        alternatives=[
            _AlternativeRecord(
                gazetteer_id=a.gazetteer_id,
                name=a.name,
                country=a.country,
                lat=a.lat,
                lon=a.lon,
                score=a.score,
                reason=a.reason,
            )
            for a in p.alternatives
        ],
        reason=p.reason,
        written=p.written,
        named_point=p.named_point,
        population=p.population,
    )
    encoded: dict[str, Any] = _builtins(record)
    return encoded


def _place(data: _PlaceRecord, resolve_ref: Callable[[str], BaseGeometry]) -> Place:
    alternatives = tuple(
        Alternative(
            gazetteer_id=a.gazetteer_id,
            name=a.name,
            country=a.country,
            lat=_finite(a.lat, "lat"),
            lon=_finite(a.lon, "lon"),
            score=_finite(a.score, "score"),
            reason=a.reason,
        )
        for a in data.alternatives
    )
    return Place(
        gazetteer_id=data.gazetteer_id,
        name=data.name,
        country=data.country,
        feature=data.feature,
        geometry=_decode_geometry(data.geometry, resolve_ref),
        lat=_finite(data.lat, "lat"),
        lon=_finite(data.lon, "lon"),
        precision=data.precision,
        radius_km=data.radius_km,
        confidence=_finite(data.confidence, "confidence"),
        source=data.source,
        alternatives=alternatives,
        reason=data.reason,
        written=data.written or "",
        named_point=(
            None
            if data.named_point is None
            else (_finite(data.named_point[0], "lat"), _finite(data.named_point[1], "lon"))
        ),
        population=max(0, data.population),
    )


def encode_resolved(
    resolved: Sequence[Resolved], *, geometries: GeometryEncoder
) -> tuple[list[dict[str, Any]], dict[int, dict[str, Any]]]:
    """The places record, and each place's encoding by ``id()`` for :func:`encode_events`."""
    record: list[dict[str, Any]] = []
    by_id: dict[int, dict[str, Any]] = {}
    for item in resolved:
        place = None
        if item.place is not None:
            place = by_id.get(id(item.place)) or _encode_place(item.place, geometries)
            by_id[id(item.place)] = place
        record.append({"mention": _builtins(_mention_record(item.mention)), "place": place})
    return record, by_id


def decode_resolved(
    record: Any, *, resolve_ref: Callable[[str], BaseGeometry]
) -> tuple[list[Resolved], dict[int, dict[str, Any]]]:
    """The resolved mentions of a places record, and each place's record by ``id()``.

    ``resolve_ref`` turns a blob reference into its geometry. Classification
    never reads a geometry, so a worker that only re-classifies may pass one
    that returns a placeholder: the events it encodes copy the original
    place records, references and all.
    """
    items = _convert(record, list[_ResolvedRecord])
    resolved: list[Resolved] = []
    by_id: dict[int, dict[str, Any]] = {}
    for raw, item in zip(record, items, strict=True):
        place = None if item.place is None else _place(item.place, resolve_ref)
        if place is not None:
            by_id[id(place)] = raw["place"]
        resolved.append(Resolved(_mention(item.mention), place))
    return resolved, by_id


# --------------------------------------------------------------------------- events


def encode_events(
    events: Sequence[Event], *, places: Mapping[int, dict[str, Any]]
) -> dict[str, Any]:
    """The events record; ``places`` maps ``id(place)`` to its record (from the places stage).

    Each place is written once, however many events it has.

    Raises
    ------
    RecordError
        An event's place is not one of the resolved places.
    """
    place_records: list[dict[str, Any]] = []
    index: dict[int, int] = {}
    encoded = []
    for event in events:
        key = id(event.place)
        if key not in index:
            if key not in places:
                raise RecordError(f"event place {event.place.gazetteer_id} was never resolved")
            index[key] = len(place_records)
            place_records.append(places[key])
        c = event.citation
        record = _EventRecord(
            layer=event.layer,
            place=index[key],
            confidence=event.confidence,
            trigger=event.trigger,
            date=event.date,
            date_source=event.date_source,
            citation=_CitationRecord(
                article=c.article,
                title=c.title,
                date=c.date,
                quote=c.quote,
                quote_start=c.quote_start,
                start=c.start,
                end=c.end,
                mention=c.mention,
                url=c.url,
                event_type=c.event_type,
                trigger=c.trigger,
                trigger_start=c.trigger_start,
                trigger_end=c.trigger_end,
                note=c.note,
            ),
        )
        encoded.append(_builtins(record))
    return {"places": place_records, "events": encoded}


class PlaceInterner:
    """Decode each distinct place record once per build and share the :class:`Place`.

    A monitoring corpus names the same capital in thousands of articles; one
    object per distinct record keeps a large build's memory flat.
    """

    def __init__(self, resolve_ref: Callable[[str], BaseGeometry]) -> None:
        self._resolve_ref = resolve_ref
        self._places: dict[bytes, Place] = {}

    def place(self, data: Any) -> Place:
        """The :class:`Place` for a place record (JSON values, or one already checked)."""
        record = data if isinstance(data, _PlaceRecord) else _convert(data, _PlaceRecord)
        key = msgspec.json.encode(record)  # fields in declared order: equal records, equal keys
        found = self._places.get(key)
        if found is None:
            found = self._places[key] = _place(record, self._resolve_ref)
        return found


def decode_events(record: Any, *, places: PlaceInterner) -> list[Event]:
    """The events of an events record, in the order they were written."""
    checked = _convert(record, _EventsRecord)
    decoded = [places.place(p) for p in checked.places]
    count = len(decoded)
    events = []
    for item in checked.events:
        index = item.place
        if not 0 <= index < count:
            raise RecordError("an event refers to a place that is not in the record")
        c = item.citation
        date, date_source = item.date, item.date_source
        events.append(
            Event(
                layer=item.layer,
                place=decoded[index],
                citation=Citation(
                    article=c.article,
                    title=c.title,
                    date=c.date,
                    quote=c.quote,
                    quote_start=c.quote_start,
                    start=c.start,
                    end=c.end,
                    mention=c.mention,
                    url=c.url,
                    event_date=(date, date_source),
                    event_type=c.event_type,
                    trigger=c.trigger,
                    trigger_start=c.trigger_start,
                    trigger_end=c.trigger_end,
                    note=c.note,
                ),
                confidence=_finite(item.confidence, "confidence"),
                trigger=item.trigger,
                date=date,
                date_source=date_source,
            )
        )
    return events
