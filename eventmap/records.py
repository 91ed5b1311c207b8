"""Per-article results as plain JSON values, and back: what the build cache stores.

A cache file may come from anywhere (another machine, an older eventmap, a
damaged disk, someone's mischief), so nothing here executes what it reads:
records are JSON (numbers, strings, lists, objects), geometries are WKB
parsed by GEOS, and every decoder checks types and ranges and raises
:class:`RecordError` on anything unexpected. No pickle.

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

import dataclasses
import hashlib
import json
import math
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

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
    "geometry_refs",
]

INLINE_WKB_BYTES = 256
"""Geometries whose WKB is at most this long are stored inline."""

_MAX_TOKENS = 2_000_000


class RecordError(ValueError):
    """A record that is not what this version of eventmap writes."""


# --------------------------------------------------------------------------- checked access


def _get(data: Mapping[str, Any], key: str, kind: type | tuple[type, ...]) -> Any:
    # Records come from JSON, so every mapping is a dict: checking for ``dict``
    # rather than the ``Mapping`` ABC keeps decoding a 10,000-article cache fast.
    if not isinstance(data, dict) or key not in data:
        raise RecordError(f"missing field {key!r}")
    value = data[key]
    if value.__class__ is bool:  # a bool is an int to isinstance; no field is a bool
        raise RecordError(f"field {key!r} is a boolean")
    if not isinstance(value, kind):
        raise RecordError(f"field {key!r} has type {type(value).__name__}")
    return value


def _str(data: Mapping[str, Any], key: str) -> str:
    value = data.get(key) if isinstance(data, dict) else None
    return value if value.__class__ is str else str(_get(data, key, str))


def _opt_str(data: Mapping[str, Any], key: str) -> str | None:
    value = _get(data, key, (str, type(None)))
    return None if value is None else str(value)


def _int(data: Mapping[str, Any], key: str) -> int:
    return int(_get(data, key, int))


def _opt_int(data: Mapping[str, Any], key: str) -> int | None:
    return None if data.get(key) is None else _int(data, key)


def _float(data: Mapping[str, Any], key: str) -> float:
    value = float(_get(data, key, (int, float)))
    if math.isinf(value):
        raise RecordError(f"field {key!r} is infinite")
    return value


def _opt_float(data: Mapping[str, Any], key: str) -> float | None:
    value = _get(data, key, (int, float, type(None)))
    return None if value is None else float(value)


def _list(data: Mapping[str, Any], key: str) -> list[Any]:
    return list(_get(data, key, list))


def _strings(values: list[Any], key: str) -> list[str]:
    if not all(isinstance(v, str) for v in values):
        raise RecordError(f"field {key!r} must hold strings")
    return values


def _ints(values: list[Any], key: str) -> list[int]:
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in values):
        raise RecordError(f"field {key!r} must hold integers")
    return values


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


def _decode_geometry(data: Any, resolve_ref: Callable[[str], BaseGeometry]) -> BaseGeometry:
    if not isinstance(data, Mapping):
        raise RecordError("geometry must be an object")
    if "wkb" in data:
        text = _str(data, "wkb")
        try:
            wkb = bytes.fromhex(text)
        except ValueError as exc:
            raise RecordError("geometry WKB is not hex") from exc
        if len(wkb) > INLINE_WKB_BYTES:
            raise RecordError("inline geometry too large")
        return wkb_geometry(wkb)
    ref = _str(data, "ref")
    if len(ref) != 64 or any(c not in "0123456789abcdef" for c in ref):
        raise RecordError("geometry reference is not a SHA-256")
    return resolve_ref(ref)


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
    return {
        "text": doc.text if text is None else text,
        "idx": [t.idx for t in doc],
        "ws": [1 if t.whitespace_ else 0 for t in doc],
        "pos": [t.pos_ for t in doc],
        "tag": [t.tag_ for t in doc],
        "dep": [t.dep_ for t in doc],
        "lemma": [t.lemma_ for t in doc],
        "head": [t.head.i for t in doc],
        "ents": [[e.start, e.end, e.label_] for e in doc.ents],
    }


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

    text = _str(data, "text")
    idx = _ints(_list(data, "idx"), "idx")
    n = len(idx)
    if n > _MAX_TOKENS:
        raise RecordError("too many tokens")
    ws = _ints(_list(data, "ws"), "ws")
    columns = {key: _strings(_list(data, key), key) for key in ("pos", "tag", "dep", "lemma")}
    heads = _ints(_list(data, "head"), "head")
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
        for item in _list(data, "ents"):
            if not (isinstance(item, list) and len(item) == 3):
                raise RecordError("an entity must be [start, end, label]")
            start, end, label = item
            if not (isinstance(start, int) and isinstance(end, int) and isinstance(label, str)):
                raise RecordError("an entity must be [start, end, label]")
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


def _encode_mention(m: Mention) -> dict[str, Any]:
    area = m.area
    return {
        "start": m.start,
        "end": m.end,
        "text": m.text,
        "kind": m.kind.value,
        "name": m.name,
        "anchor_start": m.anchor_start,
        "anchor_end": m.anchor_end,
        "label": m.label,
        "area": None
        if area is None
        else {
            "kind": area.kind.value,
            "distance_km": area.distance_km,
            "bearing_deg": area.bearing_deg,
        },
        "demonym_country": m.demonym_country,
    }


def _enum(enum: Any, value: str, what: str) -> Any:
    try:
        return enum(value)
    except ValueError as exc:
        raise RecordError(f"unknown {what} {value!r}") from exc


def _decode_mention(data: Any) -> Mention:
    area_data = _get(data, "area", (dict, type(None)))
    area = None
    if area_data is not None:
        area = AreaSpec(
            kind=_enum(AreaKind, _str(area_data, "kind"), "area kind"),
            distance_km=_opt_float(area_data, "distance_km"),
            bearing_deg=_opt_float(area_data, "bearing_deg"),
        )
    return Mention(
        start=_int(data, "start"),
        end=_int(data, "end"),
        text=_str(data, "text"),
        kind=_enum(MentionKind, _str(data, "kind"), "mention kind"),
        name=_str(data, "name"),
        anchor_start=_int(data, "anchor_start"),
        anchor_end=_int(data, "anchor_end"),
        label=_str(data, "label"),
        area=area,
        demonym_country=_opt_str(data, "demonym_country"),
    )


def _encode_place(p: Place, geometries: GeometryEncoder) -> dict[str, Any]:
    return {
        "gazetteer_id": p.gazetteer_id,
        "name": p.name,
        "country": p.country,
        "feature": p.feature,
        "geometry": geometries.encode(p.geometry),
        "lat": p.lat,
        "lon": p.lon,
        "precision": p.precision.value,
        "radius_km": p.radius_km,
        "confidence": p.confidence,
        "source": p.source,
        "alternatives": [dataclasses.asdict(a) for a in p.alternatives],
        "reason": p.reason,
        "written": p.written,
    }


def _decode_place(data: Any, resolve_ref: Callable[[str], BaseGeometry]) -> Place:
    alternatives = tuple(
        Alternative(
            gazetteer_id=_str(a, "gazetteer_id"),
            name=_str(a, "name"),
            country=_opt_str(a, "country"),
            lat=_float(a, "lat"),
            lon=_float(a, "lon"),
            score=_float(a, "score"),
            reason=_str(a, "reason"),
        )
        for a in _list(data, "alternatives")
    )
    return Place(
        gazetteer_id=_str(data, "gazetteer_id"),
        name=_str(data, "name"),
        country=_opt_str(data, "country"),
        feature=_str(data, "feature"),
        geometry=_decode_geometry(_get(data, "geometry", dict), resolve_ref),
        lat=_float(data, "lat"),
        lon=_float(data, "lon"),
        precision=_enum(Precision, _str(data, "precision"), "precision"),
        radius_km=_opt_float(data, "radius_km"),
        confidence=_float(data, "confidence"),
        source=_str(data, "source"),
        alternatives=alternatives,
        reason=_str(data, "reason"),
        written=str(data.get("written") or "") if isinstance(data, dict) else "",
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
        record.append({"mention": _encode_mention(item.mention), "place": place})
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
    if not isinstance(record, list):
        raise RecordError("a places record must be a list")
    resolved: list[Resolved] = []
    by_id: dict[int, dict[str, Any]] = {}
    for item in record:
        place_data = _get(item, "place", (dict, type(None)))
        place = None if place_data is None else _decode_place(place_data, resolve_ref)
        if place is not None:
            by_id[id(place)] = place_data
        resolved.append(Resolved(_decode_mention(_get(item, "mention", dict)), place))
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
        encoded.append(
            {
                "layer": event.layer,
                "place": index[key],
                "confidence": event.confidence,
                "trigger": event.trigger,
                "date": event.date,
                "date_source": event.date_source,
                "citation": {
                    "article": c.article,
                    "title": c.title,
                    "date": c.date,
                    "quote": c.quote,
                    "quote_start": c.quote_start,
                    "start": c.start,
                    "end": c.end,
                    "mention": c.mention,
                    "url": c.url,
                    "event_type": c.event_type,
                    "trigger": c.trigger,
                    "trigger_start": c.trigger_start,
                    "trigger_end": c.trigger_end,
                    "note": c.note,
                },
            }
        )
    return {"places": place_records, "events": encoded}


class PlaceInterner:
    """Decode each distinct place record once per build and share the :class:`Place`.

    A monitoring corpus names the same capital in thousands of articles; one
    object per distinct record keeps a large build's memory flat.
    """

    def __init__(self, resolve_ref: Callable[[str], BaseGeometry]) -> None:
        self._resolve_ref = resolve_ref
        self._places: dict[str, Place] = {}

    def place(self, data: Any) -> Place:
        """The :class:`Place` for a place record."""
        key = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        found = self._places.get(key)
        if found is None:
            found = self._places[key] = _decode_place(data, self._resolve_ref)
        return found


def decode_events(record: Any, *, places: PlaceInterner) -> list[Event]:
    """The events of an events record, in the order they were written."""
    place_records = _list(record, "places")
    decoded = [places.place(p) for p in place_records]
    events = []
    for item in _list(record, "events"):
        index = _int(item, "place")
        if not 0 <= index < len(decoded):
            raise RecordError("an event refers to a place that is not in the record")
        c = _get(item, "citation", dict)
        date, date_source = _opt_str(item, "date"), _opt_str(item, "date_source")
        events.append(
            Event(
                layer=_str(item, "layer"),
                place=decoded[index],
                citation=Citation(
                    article=_str(c, "article"),
                    title=_opt_str(c, "title"),
                    date=_opt_str(c, "date"),
                    quote=_str(c, "quote"),
                    quote_start=_int(c, "quote_start"),
                    start=_int(c, "start"),
                    end=_int(c, "end"),
                    mention=_str(c, "mention"),
                    url=_opt_str(c, "url"),
                    event_date=(date, date_source),
                    event_type=_opt_str(c, "event_type"),
                    trigger=_opt_str(c, "trigger"),
                    trigger_start=_opt_int(c, "trigger_start"),
                    trigger_end=_opt_int(c, "trigger_end"),
                    note=_opt_str(c, "note"),
                ),
                confidence=_float(item, "confidence"),
                trigger=_opt_str(item, "trigger"),
                date=date,
                date_source=date_source,
            )
        )
    return events
