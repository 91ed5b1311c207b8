"""The values the ``layers`` stage produces: events and their citations."""

from __future__ import annotations

from dataclasses import dataclass

from geo.types import Place

__all__ = [
    "CORE_LAYER_IDS",
    "Citation",
    "Event",
    "EventLocation",
    "EventType",
    "LayerDefinition",
    "ReportedEvent",
    "TriggerRule",
]

CORE_LAYER_IDS: tuple[str, ...] = (
    "airspace",
    "strike_sites",
    "shootdown_area",
    "meetings",
    "places",
)
"""The layer ids every output uses, in the order the map lists them."""


@dataclass(frozen=True)
class Citation:
    """The evidence that put a place on a layer.

    ``start``/``end`` are the mention's character offsets in the article text;
    ``quote`` is the whole sentence and ``quote_start`` its offset, so that
    ``quote[start - quote_start:end - quote_start]`` is the mention.
    """

    article: str
    """Path of the article relative to the articles folder (POSIX separators)."""
    title: str | None
    date: str | None
    quote: str
    quote_start: int
    start: int
    end: int
    mention: str
    url: str | None = None
    event_date: tuple[str | None, str | None] | None = None
    """``(date, source)`` of the event quoted, as :func:`layers.dates.citation_date`
    finds it from the quote: filled in once by the classifier (and by the build
    cache from its records) so that the map and every export read it instead of
    parsing the sentence again. ``None`` means not worked out yet."""
    event_type: str | None = None
    """The type of the event that put the place on its layer ("air_strike"),
    ``None`` on the default layer."""
    trigger: str | None = None
    """The event's trigger words as written ("struck", "Airstrikes hit")."""
    trigger_start: int | None = None
    trigger_end: int | None = None
    """Character offsets of the trigger in the article text."""
    note: str | None = None
    """How the place was linked to the event when that is not plain from the
    sentence, e.g. taken from the previous sentence through "there"."""


@dataclass(frozen=True)
class Event:
    """A place on a layer, with the citation that put it there."""

    layer: str
    place: Place
    citation: Citation
    confidence: float
    trigger: str | None = None
    """The word in the sentence that decided the layer, if any."""
    date: str | None = None
    """When it happened, ISO ``YYYY-MM-DD``: the date the sentence gives, else the
    article's date, else ``None``."""
    date_source: str | None = None
    """``sentence``, ``article``, ``dateline`` (the day a wire dateline says the
    story was filed stands for the article's) or ``paragraph`` (the sentence
    before in its paragraph gave the date): where ``date`` came from; ``None``
    without a date."""


@dataclass(frozen=True)
class EventType:
    """One kind of event, as read from ``layers/definitions/event_types.toml``.

    A token is this type's trigger when one of its keys (lemma, form, lemma
    with particle "shoot down", with its object "open fire", or with a
    compound before it "missile strike") is in ``triggers`` and none is in
    ``excludes``; ``requires``, when set, asks the sentence to hold one of
    those words too (and ``requires_also`` one of its own words besides),
    and ``objects``, when set, asks the trigger's object to be one of those
    words (``place`` for a place mention): "captured the
    town" is a seizure, "captured four men" an arrest; ``subjects``, when
    set, asks the same of the trigger's subject ("rockets fell near X" is an
    impact, "prices fell in X" is not). ``roles`` are the ways
    a place may attach to the trigger and still be where the event happened
    (empty: ``location``, ``target`` and ``compound``); ``topical`` types
    read "on", "over" and "about" as the topic ("talks on Syria"), not the
    place. A type that ``yields_to_subject`` only says that its subject
    happened ("the blast occurred in X"): when that subject is an event of
    its own, the verb is part of that event, not a second one. ``acled`` and
    ``plover`` name the matching classes of those two ontologies.
    """

    id: str
    title: str
    triggers: tuple[str, ...]
    excludes: tuple[str, ...] = ()
    requires: tuple[str, ...] = ()
    objects: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    topical: bool = False
    requires_also: tuple[str, ...] = ()
    subjects: tuple[str, ...] = ()
    yields_to_subject: bool = False
    unaided_subject: bool = False
    """The subject must have acted on its own: not "a storm of missiles", not "a fire
    started by drones" (a disaster's cause is no one's weapon)."""
    intransitive: bool = False
    """The trigger verb must take no object: "ministers gathered in Brussels" met,
    "officials gathered evidence" did not."""
    holds: bool = False
    """Those it befalls are held where they are taken: "detained and taken to a base
    in X" was an arrest there too, where "wounded and taken to a hospital in X" was
    not a wounding there."""
    unless: tuple[str, ...] = ()
    """Sentence words that say the trigger means something else: a match ("Benfica's
    attack tore apart Porto's defence, scoring four goals") is no armed attack."""
    deeds: tuple[str, ...] = ()
    """Verbs that meet ``requires`` when the trigger noun is their subject: "a
    strike flattened a house" names no weapon, but no labour strike flattens."""
    acled: str = ""
    plover: str = ""


@dataclass(frozen=True)
class EventLocation:
    """A place mention where an event happened, and how it attaches to the trigger.

    ``start``/``end`` are the mention's offsets; ``anchor_start``/``anchor_end``
    the place name inside it (a phrase's anchor: "Latakia" in "the coastal
    region of Latakia"). ``role`` is ``location`` (in/at/near …),
    ``target`` (what was hit or taken), ``destination`` (where a visit or a
    movement went), ``origin`` (where a force withdrew from, for the types
    that list it), ``compound`` ("the Moscow talks") or ``area`` (a spatial
    phrase of the layer's area kind); ``linked`` says the place came from the
    previous sentence through a word that points back to it ("there");
    ``stands_in`` that the event's own site is a place no source knows and
    this one holds it ("the Nur Shams camp near Tulkarm").
    """

    start: int
    end: int
    anchor_start: int
    anchor_end: int
    role: str
    confidence: float
    linked: bool = False
    stands_in: bool = False


@dataclass(frozen=True)
class ReportedEvent:
    """Something an article reports happened: its type, trigger and places.

    ``trigger_start``/``trigger_end`` cover the trigger words ("struck", or a
    noun with the verb it is the subject of: "Airstrikes hit"); ``locations``
    are the place mentions where it happened (possibly none); ``actor`` and
    ``target`` are the character spans of who did it and to whom, where the
    parse gives them (not resolved to anything); ``sentence_start`` and
    ``sentence_end`` bound the quoted sentence. ``trigger_words`` are the
    character spans of every word that reports the event, in text order: the
    event word and the verb that says it happened, which the quoted trigger
    leaves out when they stand far apart ("the attack ... occurred").
    """

    type: str
    layer: str
    trigger: str
    trigger_start: int
    trigger_end: int
    sentence_start: int
    sentence_end: int
    locations: tuple[EventLocation, ...] = ()
    actor: tuple[int, int] | None = None
    target: tuple[int, int] | None = None
    date: str | None = None
    date_source: str | None = None
    trigger_words: tuple[tuple[int, int], ...] = ()
    planned: bool = False
    """The text tells the event as planned, threatened or expected, not as done
    ("threatened to strike X", "will meet in Y"): listed, but its places go on
    no event layer (:mod:`layers.modality`)."""
    denied: bool = False
    """The text says the event did not happen ("never struck X", "denied
    shelling Y", "no strikes hit Z"): listed, so the claim and its denial can
    be read, but its places go on no event layer."""


@dataclass(frozen=True)
class TriggerRule:
    """Words that, governing a place in the parse, put it on a layer.

    ``triggers`` are lemmas or short phrases ("strike", "shoot down"); when
    ``requires`` is not empty the sentence must also hold one of those lemmas
    (a crash counts as an aircraft loss only when an aircraft is named);
    ``roles`` limits how the place must attach to the trigger: ``location``
    (in/at/over/near …), ``destination`` (to/into), ``target`` (object of the
    verb: "struck Latakia") or ``compound`` ("the Moscow talks"). Empty means
    any of them.
    """

    triggers: tuple[str, ...]
    requires: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()


@dataclass(frozen=True)
class LayerDefinition:
    """One map layer, as read from ``layers/definitions/*.toml``.

    A place goes on this layer when it is where an event of one of
    ``event_types`` happened, or when it is a spatial phrase of one of
    ``area_kinds`` ("Israeli airspace" is always airspace). ``rules`` is the
    older way to list trigger words, kept for users' own layer files: they
    become one more event type named after the layer. The ``default`` layer
    takes every resolved mention that no other layer took.
    """

    id: str
    title: str
    color: str
    order: int
    description: str = ""
    rules: tuple[TriggerRule, ...] = ()
    area_kinds: tuple[str, ...] = ()
    icon: str = "circle"
    default: bool = False
    event_types: tuple[EventType, ...] = ()
    """The kinds of event this layer shows, resolved from the taxonomy when the
    definitions are loaded (the ``types`` ids of the file), plus one made of
    the layer's own ``rules``, if it has any."""
