"""Streets and buildings the gazetteer does not hold: found by their form, placed at their town.

Local news names places no offline gazetteer has: "Royal Street", "the
Manila Cathedral", "Colchester General Hospital", "Rue Casa Calvo". Their
form says what they are (a street or building word at the end, or "Rue",
"Lake" … at the start), and the article says where: such a place lies in
the town the article names nearest to it. So each is found here as a
mention labelled :data:`LOCAL_LABEL` and, when the gazetteer does not know
it, placed at that town with a radius that says it is somewhere in or near
the town, never at an exact point (:func:`place_in_town`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from shapely.geometry import Point
from spacy.tokens import Doc, Span

from geo.normalize import name_key
from geo.types import Mention, Place, Precision, Resolved

__all__ = [
    "LOCAL_LABEL",
    "LOCAL_RADIUS_KM",
    "local_place_spans",
    "place_in_town",
    "town_for",
]

LOCAL_LABEL = "LOCAL"
"""The :attr:`~geo.types.Mention.label` of a street or building found by its form."""

LOCAL_RADIUS_KM = 15.0
"""How far from its town's point a street or building may honestly be: a town
and its suburbs. Further out, local news names the suburb or the next town."""

#: Last words that make a name a street, a square or a building.
_SUFFIXES = frozenset(
    {
        "street",
        "st",
        "avenue",
        "ave",
        "road",
        "rd",
        "boulevard",
        "blvd",
        "drive",
        "lane",
        "highway",
        "parkway",
        "square",
        "plaza",
        "bridge",
        "hospital",
        "clinic",
        "cathedral",
        "church",
        "mosque",
        "synagogue",
        "temple",
        "airport",
        "station",
        "stadium",
        "arena",
        "racecourse",
        "market",
        "mall",
        "prison",
        "hotel",
        "palace",
        "castle",
        "museum",
        "library",
        "canal",
        "dam",
    }
)
#: First words that make a name a street or a landmark.
_PREFIXES = frozenset({"rue", "via", "calle", "avenida", "lake", "mount"})
#: Lower-case words that may sit inside such a name ("Church of the Nativity").
_INNER = frozenset({"of", "the", "de", "du", "des", "la", "le", "d'", "d’", "del", "al", "&", "-"})
#: Entity labels a street or building is often given by a small model.
_LABELS = frozenset({"FAC", "ORG", "PERSON", "LOC", "GPE", "PRODUCT", "WORK_OF_ART"})
#: Features of a resolved place that count as a town to put a street in.
_TOWN_FEATURES = frozenset({"city"})


def _trimmed(span: Span) -> Span:
    start, end = span.start, span.end
    doc = span.doc
    while start < end and doc[start].lower_ in ("the", "a", "an"):
        start += 1
    while end > start and doc[end - 1].lower_ in ("'s", "’s", "'", ",", "."):
        end -= 1
    return doc[start:end]


def _looks_local(span: Span) -> bool:
    """A name of two words or more with a street or building word at its end or start."""
    if len(span) < 2:
        return False
    first, last = span[0], span[-1]
    if not (first.text[:1].isupper() and last.text[:1].isupper()):
        return False
    if not all(t.text[:1].isupper() or t.lower_ in _INNER for t in span):
        return False
    named = [t for t in span if t.lower_ not in _SUFFIXES | _PREFIXES | _INNER]
    if not named:
        return False  # "Police Station", "Main Street" alone say nothing
    return last.lower_.rstrip(".") in _SUFFIXES or first.lower_ in _PREFIXES


def local_place_spans(doc: Doc, unavailable: Iterable[int]) -> list[Span]:
    """Streets and buildings named in ``doc``: entity spans of the right form.

    ``unavailable`` are token indices already part of another mention.
    """
    taken = set(unavailable)
    found = []
    for ent in doc.ents:
        if ent.label_ not in _LABELS:
            continue
        span = _trimmed(ent)
        if any(i in taken for i in range(span.start, span.end)):
            continue
        if _looks_local(span):
            found.append(span)
            taken.update(range(span.start, span.end))
    return found


def town_for(index: int, resolved: Sequence[Resolved]) -> Place | None:
    """The town a street or building at ``resolved[index]`` most likely lies in.

    The nearest town the article names before it; failing that, the nearest
    after it. Only confidently placed towns count (an exact point, not an
    area or a vague place).
    """

    def is_town(item: Resolved) -> bool:
        place = item.place
        return (
            place is not None
            and place.feature in _TOWN_FEATURES
            and place.precision is Precision.EXACT
            and item.mention.label != LOCAL_LABEL
        )

    for i in range(index - 1, -1, -1):
        if is_town(resolved[i]):
            return resolved[i].place
    for i in range(index + 1, len(resolved)):
        if is_town(resolved[i]):
            return resolved[i].place
    return None


def place_in_town(mention: Mention, town: Place) -> Place:
    """A street or building placed at its town's point, with the town's reach as its radius."""
    return Place(
        gazetteer_id=f"{town.gazetteer_id}~local:{name_key(mention.name)}",
        name=mention.name,
        country=town.country,
        feature="local",
        geometry=Point(town.lon, town.lat),
        lat=town.lat,
        lon=town.lon,
        precision=Precision.NEAR,
        radius_km=LOCAL_RADIUS_KM,
        confidence=round(0.5 * town.confidence, 3),
        source=town.source,
        alternatives=(),
        reason=(
            f"not in the gazetteer; a street or building, placed in {town.name}, "
            "the town the article names nearest to it"
        ),
    )
