"""Putting each place of an article on the map's layers, citing its event.

:func:`layers.events.detect_events` finds what the article reports and where
each event happened; here each resolved place goes on the layer of every
event that happened there, with a citation that quotes the sentence and names
the event (its type and trigger words). A spatial phrase of a layer's area
kind ("Israeli airspace") goes on that layer whatever the verb. Places no
event took go on the default layer ("places"): a place that is only the
actor ("by Syria", "Moscow said"), the owner of a thing, the topic of talks
or the wider context of another place is named, but nothing happened there.
So do the places of events no layer shows (an incident, a journey), cited
with their event, unless an event of a shown layer also happened there.

Every event also gets its date (:func:`layers.dates.citation_date`): the day
its sentence gives, else the article's date, else none.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from geo.cues import labels_its_line
from geo.located import placed_in
from geo.nlp import doc_text
from geo.types import IN_A_NAME_LABEL, MentionKind, Resolved
from layers.dates import citation_date
from layers.events import detect_events
from layers.types import Citation, Event, EventLocation, LayerDefinition, ReportedEvent

__all__ = ["ArticleInfo", "classify_article"]


@dataclass(frozen=True)
class ArticleInfo:
    """What a citation needs to know about the article it quotes."""

    id: str
    title: str | None = None
    date: str | None = None
    url: str | None = None


def _citation(text: str, sentence: Span, start: int, end: int, article: ArticleInfo) -> Citation:
    quote = text[sentence.start_char : sentence.end_char]  # sentence.text, without the joins
    leading = len(quote) - len(quote.lstrip())
    quote = quote.strip()
    return Citation(
        article=article.id,
        title=article.title,
        date=article.date,
        quote=quote,
        quote_start=sentence.start_char + leading,
        start=start,
        end=end,
        mention=text[start:end],
        url=article.url,
    )


def classify_article(
    doc: Doc,
    resolved: Sequence[Resolved],
    *,
    article: ArticleInfo,
    layers: Sequence[LayerDefinition],
    reported: Sequence[ReportedEvent] | None = None,
) -> list[Event]:
    """Every place of one article on its layers, each citing the event that put it there.

    ``reported`` are the article's events (:func:`layers.events.detect_events`;
    found here when not given). A place goes on the layer of every event that
    happened there, on an area layer when it is a spatial phrase of that
    layer's area kind ("Israeli airspace"), and otherwise on the default layer.
    """
    if reported is None:
        reported = detect_events(doc, resolved, layers=layers, article_date=article.date)
    sentences = list(doc.sents)
    sentence_starts = [sent.start for sent in sentences]
    text = doc_text(doc)
    default = next(layer for layer in layers if layer.default)
    event_layers = [layer for layer in layers if not layer.default]
    at_mention: dict[tuple[int, int], list[tuple[ReportedEvent, EventLocation]]] = {}
    # The date of the event a place was given to, planned or not: the event
    # stage read the tense ("the ministers meet in Baku in March" is the coming
    # March), which the quoted sentence alone does not give.
    dated: dict[tuple[int, int], tuple[str | None, str | None]] = {}
    for event in reported:
        for location in event.locations:
            key = (location.start, location.end)
            if event.date is not None:
                dated.setdefault(key, (event.date, event.date_source))
            if not (event.planned or event.denied):  # "threatened to strike X": no strike site
                at_mention.setdefault(key, []).append((event, location))
    events: list[Event] = []
    previous: Resolved | None = None
    for item in resolved:
        place = item.place
        # "the village of X in Romania": Romania only says where X is, and X
        # (placed there by geo.located) carries the event, not the country.
        locates_previous = previous is not None and placed_in(previous.place, place)
        previous_item, previous = previous, item
        if place is None:
            continue
        mention = item.mention
        if mention.label == IN_A_NAME_LABEL and (mention.start, mention.end) not in at_mention:
            continue  # "Bank of England", "the cruiser Moskva": a name, no place on the map
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        sentence = sentences[bisect.bisect_right(sentence_starts, span.start) - 1]
        citation = _citation(text, sentence, mention.start, mention.end, article)
        date, date_source = dated.get((mention.start, mention.end)) or citation_date(citation)
        citation = dataclasses.replace(citation, event_date=(date, date_source))
        placed: list[Event] = []
        if mention.kind is MentionKind.PHRASE and mention.area is not None and not locates_previous:
            for layer in event_layers:
                if mention.area.kind.value not in layer.area_kinds:
                    continue
                told = _told_in_the_sentence(reported, layer.id, mention.start)
                if told and all(e.planned or e.denied for e in told):
                    continue  # "Moscow denied that its jets had violated Estonian airspace"
                actual = next((e for e in told if not (e.planned or e.denied)), None)
                placed.append(
                    Event(
                        layer.id,
                        place,
                        citation
                        if actual is None
                        else _event_citation(text, citation, actual, None, sentences, article),
                        round(place.confidence * 0.9, 3),
                        trigger=mention.text,
                        date=date,
                        date_source=date_source,
                    )
                )
        at_this = at_mention.get((mention.start, mention.end), [])
        if locates_previous and previous_item is not None:
            # only what it told of the place it locates: "heavy gunfire in the Solino
            # neighbourhood of Port-au-Prince, where police fought gangs" leaves the
            # fight, an event of the city's own, on the city
            theirs = {
                id(e)
                for e, _ in at_mention.get(
                    (previous_item.mention.start, previous_item.mention.end), []
                )
            }
            # a province or a country that locates a village has no events of its own
            # there: "the village of Yelwata in Benue State, where herders burned homes"
            own_town = bool(theirs) and place.feature == "city"
            at_this = [pair for pair in at_this if own_town and id(pair[0]) not in theirs]
        if placed or any(event.layer != default.id for event, _ in at_this):
            # "Thousands fled Homs, which jets bombed": a strike site, not also a place
            # only named; an event no layer shows (a journey) still cites the place alone.
            at_this = [pair for pair in at_this if pair[0].layer != default.id]
        for event, location in at_this:
            if any(e.layer == event.layer for e in placed):
                continue
            cited = _event_citation(text, citation, event, location, sentences, article)
            # each layer's mark takes its own event's date: "the army has besieged Bhamo
            # since last year. On Thursday they clashed inside the town": the clash is
            # Thursday's, whatever the siege's
            when = (
                (event.date, event.date_source) if event.date is not None else (date, date_source)
            )
            cited = dataclasses.replace(cited, event_date=when)
            placed.append(
                Event(
                    event.layer,
                    place,
                    cited,
                    round(place.confidence * location.confidence, 3),
                    trigger=event.trigger,
                    date=when[0],
                    date_source=when[1],
                )
            )
        if not placed:
            placed.append(
                Event(
                    default.id,
                    place,
                    citation,
                    place.confidence,
                    date=date,
                    date_source=date_source,
                )
            )
        events.extend(placed)
    return events


def _told_in_the_sentence(
    reported: Sequence[ReportedEvent], layer_id: str, offset: int
) -> list[ReportedEvent]:
    """The events of one layer that the sentence holding ``offset`` reports."""
    return [
        e for e in reported if e.layer == layer_id and e.sentence_start <= offset < e.sentence_end
    ]


def _event_citation(
    text: str,
    citation: Citation,
    event: ReportedEvent,
    location: EventLocation | None,
    sentences: Sequence[Span],
    article: ArticleInfo,
) -> Citation:
    """The mention's citation naming its event; a linked place quotes both sentences.

    ``location`` is ``None`` for an area phrase of the layer's own kind
    ("Estonian airspace"), which names the sentence's event without being
    one of its places.
    """
    cited = dataclasses.replace(
        citation,
        event_type=event.type,
        trigger=event.trigger,
        trigger_start=event.trigger_start,
        trigger_end=event.trigger_end,
    )
    if location is not None and location.stands_in:
        return dataclasses.replace(
            cited,
            note="the event's own site is not in the gazetteer; shown at the place that holds it",
        )
    if location is None or not location.linked:
        return cited
    quote = text[citation.quote_start : event.sentence_end].strip()
    note = (
        "place named by the label the line opens with; the sentence names none of its own"
        if labels_its_line(text, location.start, location.end)
        else "place named in the sentence before; the event's sentence points back to it"
    )
    return dataclasses.replace(cited, quote=quote, note=note)
