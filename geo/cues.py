"""What the words around a name say about it, whatever the model's label.

Pure predicates over spaCy tokens and spans, with the word lists they use:
whether a name stands where a place stands ("in Almelo", "travelling to
Cirencester"), follows a person's title ("President Vladimir"), ends a longer
capitalised name ("Rogers Centre"), closes a site's name after a comma
("Brands Hatch, Kent."), and the like. :mod:`geo.extract` weighs these cues
against the gazetteer.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from geo.nlp import starts_with_capital

#: Counts of times a listed place was hit, in brackets after it: "Velmora (twice)"; a
#: count written "N times" ("(three times)", "(12 times)") is one too (:func:`a_count_of_times`).
COUNTS_OF_TIMES = frozenset({"once", "twice", "thrice", "again"})

#: Quotation marks, straight and curly, double and single: around a nickname or a title.
QUOTE_MARKS = frozenset({'"', "“", "”", "'", "‘", "’"})

#: The edges of a place a town lies on: "near Chornomorske, on Crimea's western coast".
EDGE_WORDS = frozenset({"coast", "shore", "shores", "coastline", "bank", "outskirts", "border"})


#: What may open a line before a live blog's dateline: its time stamp, in bold or not,
#: perhaps after a bullet ("**08:12** GOMA —", "- 14:05 GMT | KYIV -").
LINE_TIME_STAMP = re.compile(
    r"\s*(?:[-*•]\s+)?(?:\*\*|__)?\s*\d{1,2}[:.]\d\d\s*"
    r"(?:[ap]\.?m\.?|GMT|UTC|CET|CEST|EET|EEST|EST|EDT|PST|PDT|local(?:\s+time)?)?"
    r"\s*(?:\*\*|__)?\s*[-–—:|]?\s*",
    re.IGNORECASE,
)


#: What may stand before a place that labels its line: a bullet or a number, and bold.
_LABEL_BEFORE = re.compile(r"\s*(?:[-*•]\s+|\d{1,2}[.)]\s+)?(?:\*\*|__)?\s*")
#: What closes a line's label: a colon or a dash, perhaps after a date in brackets or
#: after a comma, and the end of the bold ("Kharkiv:", "**Kharkiv:**", "**Kharkiv** —",
#: "Natanz (June 13):", "Pemba, 25 September:").
_LABEL_AFTER = re.compile(
    r"\s*(?:\([^()\n]{1,30}\)\s*|,[ \t]*(?:\d{1,2}[ \t]+[A-Z][a-z]+|[A-Z][a-z]+[ \t]+\d{1,2})"
    r"(?:,?[ \t]*\d{4})?[ \t]*)?(?:(?:\*\*|__)\s*)?(?P<close>:|[—–](?=\s))"
)
#: Marks of a list's or a bold label: a bullet, a number, bold.
_LABEL_MARKS = re.compile(r"[-*•_]|\d[.)]")
#: A plain label opening a line: "Kharkiv:", "Reporter:", "Q:" (its name's words).
_PLAIN_LABEL = re.compile(r"^[ \t]*([A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,3})[ \t]*:", re.M)


def labels_its_line(text: str, start: int, end: int) -> bool:
    """Whether the words ``text[start:end]`` are the label a line opens with.

    "Kharkiv: Russian drones hit a block", "- **Odesa:** A missile struck
    the port", "**Kharkiv** — …": a round-up's way of saying where what
    follows on the line happened. Not a dateline, in capitals or closed by a
    dash with no bullet or bold ("BEIRUT (AP) —", "Israel — Iran war live:"),
    which says where the story was filed or what it is about.
    """
    if text[start:end].isupper():
        return False
    marks = _label_marks(text, start, end)
    if marks is None:
        return False
    before, closer = marks
    return closer["close"] == ":" or _LABEL_MARKS.search(before + closer.group()) is not None


def a_marked_label(text: str, start: int, end: int) -> bool:
    """Whether a line's label is marked as one: after a bullet or a number, or in bold.

    Or dated after a comma ("Pemba, 25 September: police arrested …"): a
    place and a day, which no speaker's label has.
    """
    marks = _label_marks(text, start, end)
    return marks is not None and (
        _LABEL_MARKS.search(marks[0] + marks[1].group()) is not None
        or marks[1].group().lstrip().startswith(",")
    )


def beside_a_number(span: Span | Token) -> bool:
    """Whether a number stands right before or after the words: "26 March", "March 26"."""
    doc = span.doc
    start, end = (span.i, span.i + 1) if isinstance(span, Token) else (span.start, span.end)
    return any(0 <= i < len(doc) and doc[i].like_num for i in (start - 1, end))


def a_dated_label(text: str, start: int, end: int) -> bool:
    """Whether a line's label is dated after a comma: "Bukavu, 4 March: …".

    A place and a day, which no speaker's label has: whatever the model
    calls the name (a person, a firm), the line says where and when.
    """
    marks = _label_marks(text, start, end)
    return marks is not None and marks[1].group().lstrip().startswith(",")


def _label_marks(text: str, start: int, end: int) -> tuple[str, re.Match[str]] | None:
    """What opens the line before ``text[start:end]`` and what closes it as a label, if so."""
    line_start = text.rfind("\n", 0, start) + 1
    closer = _LABEL_AFTER.match(text, end)
    if closer is None or _LABEL_BEFORE.fullmatch(text, line_start, start) is None:
        return None
    return text[line_start:start], closer


def plain_labels(text: str) -> list[str]:
    """The names of every plain label opening a line ("Kharkiv:", "Reporter:", "Q:").

    A transcript's speakers are labelled so as well as a round-up's places:
    :func:`a_round_up_of_places` tells them apart.
    """
    return [m.group(1) for m in _PLAIN_LABEL.finditer(text)]


def a_round_up_of_places(labels: list[str], places: int) -> bool:
    """Whether plain labels, ``places`` of which are places, make a round-up by place.

    At least two, and most of them: "Kharkiv: …", "Odesa: …"; not a
    transcript's "Chad: We heard the blast" between "Reporter:" lines.
    """
    return places >= 2 and 2 * places > len(labels)


def only_a_time_stamp(words: str) -> bool:
    """Whether ``words`` (what opens a line) are a live blog's time stamp and nothing else."""
    return bool(words.strip()) and LINE_TIME_STAMP.fullmatch(words) is not None


def a_count_of_times(words: list[str]) -> bool:
    """Whether lower-case words in brackets count times: "twice", "three times", "12 times"."""
    return " ".join(words) in COUNTS_OF_TIMES or (len(words) == 2 and words[1] == "times")


__all__ = [
    "BORDER_NOUNS",
    "HEADLINE_SHARE",
    "PERSON_TITLES",
    "PLACE_KIND_NOUNS",
    "PLACE_PREPOSITIONS",
    "QUOTE_MARKS",
    "SAYING",
    "SPEECH_FORMS",
    "TRAVEL_WORDS",
    "a_dated_label",
    "a_marked_label",
    "a_round_up_of_places",
    "after_a_border_word",
    "after_a_named_site",
    "after_title",
    "beside_a_number",
    "closes_a_site_name",
    "followed_by_a_person_clause",
    "headline_style",
    "in_place_position",
    "inside_longer_name",
    "is_capitalised",
    "labels_its_line",
    "locative_context",
    "modifies_next_noun",
    "plain_labels",
    "qualifier_after",
    "trim",
]

#: Prepositions after which a lone name the model calls a PERSON is a place
#: ("from Dover to Calais"); "to" and "with" are left out: people are talked to.
PLACE_PREPOSITIONS = frozenset(
    {"in", "at", "from", "near", "outside", "into", "across", "over", "inside", "around", "off",
     "towards", "toward"}
)  # fmt: skip
#: Words between a place preposition and a name that keep it a place ("in nearby X").
_NEARBY = frozenset({"nearby", "neighbouring", "neighboring", "adjacent"})
#: Words of travel after which "to" introduces a place ("driving to Castlegar").
TRAVEL_WORDS = frozenset(
    {
        "travel",
        "drive",
        "fly",
        "go",
        "come",
        "return",
        "move",
        "head",
        "flee",
        "sail",
        "march",
        "walk",
        "commute",
        "relocate",
        "deport",
        "evacuate",
        "divert",
        "reroute",
        "deploy",
        "withdraw",
        "retreat",
        "advance",
        "airlift",
        "trip",
        "journey",
        "flight",
        "route",
        "road",
        "visit",
    }
)
#: Verbs of saying: a name whose subject they are speaks, as a person or a body
#: ("…, Doctors Without Borders said", "…, Tokyo said"), and holds no place.
SAYING = frozenset({"say", "tell", "report", "state", "announce", "claim", "add", "confirm"})
#: Inflected verbs of saying and charging, as a regular expression that ends a word:
#: what follows a name that speaks ("…, Russia said", "Kinshasa accused …").
SPEECH_FORMS = (
    r"(?:said|says|say|told|tells|reported|reports|announced|announces|added|claimed|claims"
    r"|stated|states|confirmed|confirms|denied|denies|warned|warns|accused|accuses"
    r"|insisted|insists|alleged|alleges|blamed|blames|condemned|condemns)\b"
)
#: Nouns whose "with" or "between" introduces the land on the other side:
#: "the border with Mali", "the frontier between Chad and Sudan".
BORDER_NOUNS = frozenset(
    {"border", "borders", "frontier", "frontiers", "boundary", "boundaries", "borderline"}
)
#: Words after a name and a comma that open a clause about a person ("to Jordan, who scored").
_PERSON_CLAUSE_WORDS = frozenset({"who", "whom", "whose"})
#: Words that make the capitalised word after them a person or an office.
PERSON_TITLES = frozenset(
    {
        "president",
        "minister",
        "premier",
        "king",
        "queen",
        "prince",
        "princess",
        "sheikh",
        "mr",
        "mrs",
        "ms",
        "dr",
        "gen",
        "general",
        "col",
        "colonel",
        "lt",
        "maj",
        "major",
        "capt",
        "captain",
        "sgt",
        "sen",
        "senator",
        "rep",
        "gov",
        "governor",
        "mayor",
        "judge",
        "justice",
        "pope",
        "saint",
        "st",
        "archbishop",
        "bishop",
        "imam",
        "rabbi",
        "chancellor",
        "secretary",
        "ambassador",
        "commander",
        "admiral",
        "lord",
        "lady",
        "sir",
        "dame",
        "emir",
        "sultan",
        "chief",
        "spokesman",
        "spokeswoman",
        "officer",
    }
)
#: A sentence with at least this share of capitalised words is written as a headline.
HEADLINE_SHARE = 0.6
#: Kinds of place that name one with "of": "the island of Java".
PLACE_KIND_NOUNS = frozenset(
    {
        "island",
        "province",
        "region",
        "state",
        "city",
        "town",
        "village",
        "county",
        "district",
        "governorate",
        "republic",
        "port",
    }
)


def is_capitalised(token: Token) -> bool:
    """Whether the token starts with a capital letter."""
    return starts_with_capital(token.text)


def trim(span: Span) -> Span:
    """Drop a leading determiner, a trailing possessive and line breaks from an entity span.

    The small model may end an entity on the blank line after a headline
    (a "Black Sea" that ends one): the break is no part of the name.
    """
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].is_space or doc[start].lower_ in ("the", "a", "an")):
        start += 1
    while end > start and (doc[end - 1].is_space or doc[end - 1].lower_ in ("'s", "’s", "'")):
        end -= 1
    return doc[start:end]


def modifies_next_noun(span: Span) -> bool:
    """Whether a common noun follows ``span``: "the" belongs to it ("the Kerala government")."""
    if span.end >= len(span.doc):
        return False
    after = span.doc[span.end]
    return after.pos_ == "NOUN" and after.text.islower()


def inside_longer_name(span: Span) -> bool:
    """Whether ``span`` ends a longer capitalised name: a capitalised word runs into it.

    "Rogers Centre", "Eglinton Avenue West", "Soviet Union": the words before
    make another name, of which the last word only happens to be a place.
    A place that starts a longer name is left alone: it usually is the place
    the name is about ("Orange County", "Slidell Police"). A capitalised word
    before counts unless it may be capitalised only for starting the
    sentence (a sentence-initial word that is not a proper noun: "In
    Lagos"). Headline-style sentences, where most words are capitalised,
    say nothing about names and never count.
    """
    if span.start == span.sent.start:
        return False
    before = span.doc[span.start - 1]
    if not (is_capitalised(before) and before.is_alpha):
        return False
    if before.is_sent_start and (before.pos_ != "PROPN" or before.is_stop):
        return False
    return not headline_style(span.sent)


def headline_style(sentence: Span) -> bool:
    """Whether most of a sentence's words are capitalised, as in a headline.

    Capitals then say nothing about names: "Near Pokrovsk Press Counterattack".
    """
    words = [t for t in sentence if t.is_alpha]
    return sum(is_capitalised(t) for t in words) >= HEADLINE_SHARE * len(words)


def _lower_noun(token: Token) -> bool:
    return token.pos_ == "NOUN" and token.is_lower


def in_place_position(span: Span, places: set[int], *, words: int = 1) -> bool:
    """Whether a name of at most ``words`` words stands where a place would.

    Right after a place preposition ("in Almelo", or "near the Paracels" with
    "the" between, "in nearby Morales" with "nearby"); after "to" following one
    ("from Dover to Calais") or a word of travel ("travelling to Cirencester",
    "a trip to Saipan"); in a list with a place already found ("Hilversum
    and Almelo"); or after a site's name and a comma ("Brands Hatch, Kent.").
    ``places`` are the token indices of the places found so far.
    """
    if not 0 < len(span) <= words or span.start == 0:
        return False
    token = span.root
    before = span.doc[span.start - 1]
    if before.lower_ in PLACE_PREPOSITIONS:
        return True
    if (
        before.lower_ in _NEARBY
        and span.start > 1
        and span.doc[span.start - 2].lower_ in PLACE_PREPOSITIONS
    ):
        return True  # "at houses in nearby Morales"
    if (
        before.lower_ == "the"
        and span.start > 1
        and span.doc[span.start - 2].lower_ in PLACE_PREPOSITIONS
        and not (span.end < len(span.doc) and _lower_noun(span.doc[span.end]))
    ):
        # "near the Paracels" (the caller asks a name after "the" for an area); not
        # "in the Sassandra region", whose kind word frames the name itself
        return True
    if token.dep_ == "conj" and token.head.i in places:
        return True
    if before.text == "," and after_a_named_site(span, places):
        return True
    if before.lower_ != "to":
        return False
    # "from Dover to Calais": "to" continues a from-phrase
    window = span.doc[max(0, span.start - 5) : span.start - 1]
    return (
        any(t.lower_ == "from" for t in window)
        or before.head.lemma_.lower() in TRAVEL_WORDS
        or _forces_sent(before.head)
    )


def _forces_sent(verb: Token) -> bool:
    """Whether the verb sends armed forces: "sent troops to Goma", "dispatched two frigates to".

    Where troops or warships are sent is a place; a letter sent to someone is not.
    """
    return verb.lemma_.lower() in _SENDING and any(
        c.dep_ == "dobj" and c.lemma_.lower() in _FORCES_SENT for c in verb.children
    )


_SENDING = frozenset({"send", "dispatch", "rush", "redeploy", "transfer", "order"})
_FORCES_SENT = frozenset(
    {"troop", "troops", "soldier", "force", "forces", "reinforcement", "reinforcements",
     "warship", "frigate", "destroyer", "unit", "battalion", "brigade", "marine",
     "peacekeeper", "jet", "aircraft", "ship", "vessel", "police", "commando"}
)  # fmt: skip


def after_a_named_site(span: Span, places: set[int]) -> bool:
    """Whether a name follows a site's name and a comma ("University of Technology, Owerri").

    The word before the comma ends a place or an organisation's name, and the
    name after it ends its clause (punctuation or the end of the text).
    """
    doc = span.doc
    if span.start < 2:
        return False
    named = doc[span.start - 2]
    if not (named.i in places or named.ent_type_ in ("ORG", "FAC", "GPE", "LOC")):
        return False
    return span.end >= len(doc) or doc[span.end].is_punct


def after_a_border_word(span: Span) -> bool:
    """Whether the name follows "border with" or "border between" ("the frontier with Chad").

    A person has no border: what a border is shared with is a country or a
    province, whatever the model's label.
    """
    doc = span.doc
    return (
        span.start >= 2
        and doc[span.start - 1].lower_ in ("with", "between")
        and doc[span.start - 2].lower_ in BORDER_NOUNS
    )


def followed_by_a_person_clause(span: Span) -> bool:
    """Whether a comma and "who"/"whom"/"whose" follow the name ("to Jordan, who scored")."""
    doc = span.doc
    return (
        span.end + 1 < len(doc)
        and doc[span.end].text == ","
        and doc[span.end + 1].lower_ in _PERSON_CLAUSE_WORDS
    )


def closes_a_site_name(span: Span) -> bool:
    """Whether the name follows a capitalised word and a comma and ends its clause."""
    doc = span.doc
    return (
        span.start >= 2
        and doc[span.start - 1].text == ","
        and is_capitalised(doc[span.start - 2])
        and (span.end >= len(doc) or doc[span.end].is_punct or doc[span.end].is_space)
    )


def qualifier_after(span: Span) -> Span | None:
    """The place entity right after the name and a comma ("Kampungu, Namibia"), if any."""
    doc = span.doc
    if span.end + 1 >= len(doc) or doc[span.end].text != ",":
        return None
    after = doc[span.end + 1]
    if after.ent_type_ not in ("GPE", "LOC") or after.ent_iob_ != "B":
        return None
    end = after.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[after.i : end]


def after_title(span: Span) -> bool:
    """True when the word before the span is a person's title ("President Vladimir"), or an age."""
    if span.start == 0:
        return False
    doc = span.doc
    before = doc[span.start - 1]
    if (
        before.lower_ == "old"
        and span.start >= 3
        and doc[span.start - 2].text in ("-", "‐")
        and doc[span.start - 3].lower_ in ("year", "years")
    ):
        # "the 24-year-old Mendoza": an age names a person; not "a 300-year-old Damascus
        # mosque" nor "a 62-year-old Dover, Del. woman", whose name qualifies a noun after it
        end = span.end
        if end < len(doc) and doc[end].text in ("-", "‐"):
            return False  # "a 25-year-old Kyiv-based journalist"
        if end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].is_title:
            return False
        return not (end < len(doc) and doc[end].pos_ == "NOUN" and doc[end].is_lower)
    return before.lower_.rstrip(".") in PERSON_TITLES


def locative_context(span: Span) -> bool:
    """True when an unknown name sits where places sit: after in/at/near/from/to ….

    Not after "of": "cases of Ebola", "the spread of H5N1" name diseases the
    model tags as places.
    """
    if span.start == 0:
        return False
    before = span.doc[span.start - 1]
    return before.lower_ in {"in", "at", "near", "from", "to", "into", "outside", "across"}
