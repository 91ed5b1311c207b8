"""Streets, buildings and counties the gazetteer lacks: found by their form, placed by their town.

Local news names places no offline gazetteer has: "Royal Street", "the
Manila Cathedral", "Colchester General Hospital", "Rue Casa Calvo". Their
form says what they are (a street or building word at the end, or "Rue",
"Lake" … at the start), and the article says where: such a place lies in
the town the article names nearest to it. So each is found here as a
mention labelled :data:`LOCAL_LABEL` and, when the gazetteer does not know
it, placed at that town with a radius that says it is somewhere in or near
the town, never at an exact point (:func:`place_in_town`). A county or
district the gazetteer lacks ("Marrowby Township") is placed the same way with a
wider radius; it is not looked for here, since the other passes find it. So
is a name the model reads as a place that no source holds (the resolver
decides when: see ``Resolver._place_in_towns``).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from shapely.geometry import Point
from spacy.tokens import Doc, Span

from geo.cues import SPEECH_FORMS, only_a_time_stamp
from geo.normalize import name_key
from geo.sources import capital_names
from geo.types import Mention, MentionKind, Place, Precision, Resolved

__all__ = [
    "LOCAL_AREA_RADIUS_KM",
    "LOCAL_LABEL",
    "LOCAL_RADIUS_KM",
    "PARAGRAPH_BREAK",
    "SURE_TOWN",
    "TOWN_PART_WORDS",
    "a_crossing_of_streets",
    "dateline_end",
    "district_of_a_town",
    "is_local_area_name",
    "is_national_capital",
    "local_place_spans",
    "looks_local_name",
    "of_the_city_named_before",
    "part_of_a_town",
    "place_in_town",
    "town_for",
    "town_indices",
    "where_a_speaker_is",
]

LOCAL_LABEL = "LOCAL"
"""The :attr:`~geo.types.Mention.label` of a street or building found by its form."""

LOCAL_AREA_RADIUS_KM = 60.0
"""The radius of a county or district placed at a town it holds: most counties
and districts are 20-100 km across, and the town need not be at the centre."""

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
#: Last words that make a name a district or county: placed around their town,
#: with a wider radius (:data:`LOCAL_AREA_RADIUS_KM`).
_AREA_SUFFIXES = frozenset(
    {"county", "parish", "district", "borough", "township", "municipality", "prefecture"}
)
#: Street words that open a street's name, in the languages whose streets are
#: named so: "Avenue de Moscou", "Calle de Alcalá", "Via del Corso".
STREET_OPENERS = frozenset(
    {"rue", "via", "calle", "avenida", "avenue", "boulevard", "plaza", "piazza", "quai"}
    # and the markets, gates, squares and streets of Arabic names: "Souq Libya", "Bab Tuma"
    | {"souq", "souk", "suq", "bab", "midan", "maidan", "sharia", "shari"}
)
#: First words that make a name a street or a landmark.
_PREFIXES = STREET_OPENERS | {"lake", "mount"}
#: Lower-case words that may sit inside such a name ("Church of the Nativity").
_INNER = frozenset(
    {"of", "the", "de", "du", "des", "la", "le", "d'", "d’", "del", "al", "&", "-"}
    # a plural's possessive apostrophe, a token of its own: "Martyrs' Square"
    | {"'", "’"}
)
#: Entity labels a street or building is often given by a small model.
_LABELS = frozenset({"FAC", "ORG", "PERSON", "LOC", "GPE", "PRODUCT", "WORK_OF_ART"})
#: Features of a resolved place that count as a town to put a street in.
_TOWN_FEATURES = frozenset({"city"})
#: The first words of a town's surroundings that stand for the town ("near Kherson").
_NEAR_WORDS = frozenset({"near", "outside", "around", "close", "nearby"})


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
    # Counties and districts are left to the other passes: "Orange County" is
    # better found as the town of Orange than placed by a town named nearby.
    return looks_local_name(span.text) and not is_local_area_name(span.text)


def looks_local_name(name: str) -> bool:
    """Whether a name has the form of a street, building, county or district.

    Two words or more, a street, building or area word at the end or a
    street or landmark word at the start, and at least one other word:
    "Police Station" alone says nothing.
    """
    words = [w.lower().rstrip(".,") for w in name.split()]
    if len(words) < 2:
        return False
    generic = _SUFFIXES | _AREA_SUFFIXES | _PREFIXES | _INNER
    if all(w in generic for w in words):
        return False
    return words[-1] in _SUFFIXES | _AREA_SUFFIXES or words[0] in _PREFIXES


def is_local_area_name(name: str) -> bool:
    """Whether a local name is a county or district rather than a street or building."""
    words = name.split()
    return bool(words) and words[-1].lower() in _AREA_SUFFIXES


def local_place_spans(
    doc: Doc, unavailable: Iterable[int], *, ents: Sequence[Span] | None = None
) -> list[Span]:
    """Streets and buildings named in ``doc``: entity spans of the right form.

    ``unavailable`` are token indices already part of another mention;
    ``ents`` are ``doc.ents`` when the caller has them already.
    """
    taken = set(unavailable)
    found = []
    for ent in doc.ents if ents is None else ents:
        if ent.label_ not in _LABELS:
            continue
        span = _trimmed(ent)
        if any(i in taken for i in range(span.start, span.end)):
            continue
        if _looks_local(span):
            found.append(span)
            taken.update(range(span.start, span.end))
    return found


#: The widest vicinity that is a town's: "near the Assam border" reaches 370 km.
_TOWN_VICINITY_KM = 60.0


def _is_town(item: Resolved) -> bool:
    """A town placed at a point (not an area, a vague place or another street).

    The surroundings of a town count as the town: "killed three people near
    Muzaffarabad. 'India targeted the Neelum valley'" looks back to
    Muzaffarabad, not on to Delhi in the next paragraph. Only "near X" and
    the like: "the Shankill area" names a district, which may have resolved to
    a namesake; and only a town's surroundings, not a province's ("near the
    Assam border").
    """
    place = item.place
    return (
        place is not None
        and (
            (place.feature in _TOWN_FEATURES and place.precision is Precision.EXACT)
            or (
                place.feature == "vicinity"
                and place.precision is Precision.NEAR
                and (place.radius_km or 0.0) <= _TOWN_VICINITY_KM
                and item.mention.text.split(" ", 1)[0].lower() in _NEAR_WORDS
            )
        )
        and item.mention.label != LOCAL_LABEL
    )


def town_indices(resolved: Sequence[Resolved], text: str | None = None) -> list[int]:
    """The positions of the towns in ``resolved``, in order, for :func:`town_for`.

    Found once per article: looking back through every mention for each
    street was quadratic in the article's length. With ``text``, a national
    capital that only says where someone who tells the news is ("…,
    according to diplomats in Addis Ababa", "officials in Kyiv said") is
    none: ministries and embassies sit there, far from the villages they
    speak of (local officials in a town do speak of its surroundings).
    """
    return [
        i
        for i, item in enumerate(resolved)
        if _is_town(item)
        and not (
            text is not None
            and is_national_capital(item.place)
            and where_a_speaker_is(text, item.mention)
        )
    ]


_OPENING_TOWN = re.compile(r"\s*(?:[Ii]n|[Aa]t)\s+(?:central\s+|the\s+city\s+of\s+)?$")


_NAMED_WITH_ITS_TOWN = re.compile(r"\s*,?\s*(?:in|of)\s+(?:central\s+|downtown\s+|the\s+)?")
"""What joins a street to the town written right after it: "Calle Mayor in Bilbao"."""


_OFFICIALS = (
    r"(?:officials?|diplomats?|negotiators?|mediators?|delegates?|delegations?"
    r"|ministry|ministries|government|spokes(?:man|woman|person)"
    r"|authorities|military|army|embassy|envoys?|sources)"
)
_SPEAKER_IN = re.compile(
    rf"\baccording\s+to\s+(?:[\w-]+\s+){{0,4}}?{_OFFICIALS}\s+(?:in|from)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_OFFICIALS_IN = re.compile(rf"\b{_OFFICIALS}\s+(?:in|from)\s+(?:the\s+)?$", re.IGNORECASE)
_SPOKE_IN = re.compile(
    r"\b(?:spoke|speaking|speaks|told\s+(?:reporters|journalists|a\s+news\s+conference)"
    r"|(?:statement|communiqu[eé]|speech|remarks)\s+(?:was\s+|were\s+)?"
    r"(?:read|issued|released|published|delivered|made)(?:\s+out)?)\s+(?:in|from)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
"""Where someone spoke or a statement was issued: "The minister spoke in Beirut",
"a statement read in Tehran"; the capital holds no village of the story."""
_SPEAKS = re.compile(r"\s*(?:,\s*)?(?:said|says|told|announced|reported)\b")
_A_GOVERNMENT_SPEAKS = re.compile(
    r"\s+(?:has\s+|had\s+|have\s+)?(?:"
    + SPEECH_FORMS
    + r"|(?:described|describes|branded|brands|labell?ed|labels"
    r"|considers|considered|designated|designates|regards|regarded|deems|deemed)\b)"
)
"""A capital's name as its government's, right before what it says ("Kinshasa accused")
or how it names someone ("two men whom Ankara described as PKK members")."""
_AFTER_A_PREPOSITION = re.compile(
    r"\b(?:in|from|at|of|near|to|outside|across)\s+(?:the\s+)?$", re.I
)


def is_national_capital(place: Place | None) -> bool:
    """Whether the place is its country's capital city, where ministries sit."""
    return (
        place is not None
        and place.country is not None
        and (place.country, name_key(place.name)) in _capital_keys()
    )


@lru_cache(maxsize=1)
def _capital_keys() -> frozenset[tuple[str, str]]:
    """Each country's capital as (ISO code, name key), from GeoNames' country table."""
    return frozenset((iso, name_key(name)) for iso, name in capital_names().items())


def where_a_speaker_is(text: str, town: Mention) -> bool:
    """Whether the town only says where officials who tell the news are.

    "moved towards the border near Zalambessa, according to diplomats in
    Addis Ababa": the diplomats are in the capital, 600 km from the border,
    and hold no village of the sentence. So "officials in Kyiv said", "the
    minister spoke in Beirut", "a statement read in Tehran". Not
    residents or witnesses, who speak of their own town ("Residents in
    Khartoum said shells hit the Al-Sahafa neighbourhood").
    """
    before = text[max(0, town.start - 80) : town.start]
    if _SPEAKER_IN.search(before) or _SPOKE_IN.search(before):
        return True
    return bool(_SPEAKS.match(text, town.end) and _OFFICIALS_IN.search(before))


def _opens_the_sentence(text: str, sentence_start: int, town: Mention) -> bool:
    """Whether the sentence opens with "In <town>," and so sets its scene there."""
    return (
        text.startswith(",", town.end)
        and _OPENING_TOWN.fullmatch(text, sentence_start, town.start) is not None
    )


def town_for(
    index: int,
    resolved: Sequence[Resolved],
    towns: Sequence[int] | None = None,
    *,
    sentence: tuple[int, int] | None = None,
    home: str | None = None,
    text: str | None = None,
    strict: bool = False,
    district: bool = False,
) -> Place | None:
    """The town a street or building at ``resolved[index]`` most likely lies in.

    A town its own sentence names (``sentence``: its character bounds) comes
    first: "Buses came from Batumi. Crowds filled Rustaveli Avenue, and by
    night the parliament in central Tbilisi was surrounded" puts the avenue
    in Tbilisi, though Batumi stands nearer in the text. Then, as within
    that sentence: the nearest town the article names before it, unless the
    next town after it stands nearer in the text ("the Karrada district of
    central Baghdad", after a paragraph about Hodeidah); failing both, none.
    Only towns placed at a point count (not areas, vague places or other
    streets). ``towns`` is :func:`town_indices` of ``resolved`` when the
    caller asks for many indices. A sentence that names no town takes the
    towns of the countries it names first, then those of its own paragraph
    (with ``text``), then those of ``home``, the country the story names most
    ("taken to Madina hospital" in a story about Mogadishu, a line before a
    quote from Nairobi). With ``text``, a
    town past a paragraph break after the name is farther than one before it
    in its own paragraph: "... shelled Kfar Kila. Troops fought near Rmeish."
    then a new paragraph on Beirut keeps Rmeish by Kfar Kila (where each
    paragraph is one sentence, as on the wires, the nearest town wins).
    With ``strict`` (a name no source knows, not a street), a sentence whose
    own words and paragraph give no town takes none when the story's towns
    lie in more than one country. A ``district`` (:func:`district_of_a_town`)
    takes a town of its paragraph resolved with little doubt in any country.
    A ``strict`` name that is no district is by no dateline's town, nor by a
    capital speaking as its government, nor, past its own paragraph, by a
    national capital: a story's villages are seldom where it was filed.
    """
    if towns is None:
        towns = town_indices(resolved, text)
    here = resolved[index].mention
    bearing = _a_bearing_after(index, resolved, text)
    if bearing is not None:
        return bearing  # "the Abu Shouk camp, north of El Fasher": north of El Fasher
    if text is not None:
        # a home or an origin told in another sentence says nothing of where this
        # name lies; in its own, mostly it does ("a ferry captain who grew up in
        # Oceanside runs boats to Fire Island")
        towns = [
            i
            for i in towns
            if not _across_from(text, here, resolved[i].mention)
            and not (
                _someones_home(text, resolved[i].mention)
                and not _within(resolved[i].mention, sentence)
            )
        ]
    if strict and not district and text is not None:
        # where the story was filed from holds no village it names, not even one of
        # its first sentence ("YANGON - … captured an outpost at Ponnagyun"), nor does
        # a capital that speaks as its government ("Kinshasa accused Rwanda of sending
        # troops near Bunagana"); their districts they do ("BAGHDAD - A car bomb
        # exploded in the Karrada district", "Kyiv said a drone hit the X district")
        towns = [
            i
            for i in towns
            if not _a_dateline(text, resolved[i].mention)
            and not _a_government_not_its_town(text, resolved[i])
        ]
    in_its_name = [i for i in towns if _opens_the_name(resolved[i].mention, here)]
    if in_its_name:
        return resolved[in_its_name[0]].place  # "the Debre Markos Referral Hospital"
    if sentence is not None:
        start, end = sentence
        if text is not None:
            # a headline the parser ran into the dateline is no sentence with it
            end = min(end, paragraph_around(text, resolved[index].mention.start)[1])
        inside = [
            i
            for i in towns
            if start <= resolved[i].mention.start and resolved[i].mention.end <= end
        ]
        if text is not None and not any(
            _NAMED_WITH_ITS_TOWN.fullmatch(text, here.end, resolved[i].mention.start)
            for i in inside
            if resolved[i].mention.start >= here.end
        ):
            opener = [i for i in inside if _opens_the_sentence(text, start, resolved[i].mention)]
            if opener and opener[0] != index:
                # "In Paris, crowds marched down the Avenue de Moscou, a street named
                # after the Russian capital": the town the sentence opens with
                return resolved[opener[0]].place
        if strict and not inside and len(_sentence_countries(resolved, start, end)) > 1:
            # "Pakistani and Afghan border forces exchanged fire at the Torkham
            # crossing": a name no source knows, in a sentence that sets it between
            # two countries, lies by no town the story names after it or in another
            # paragraph; only by one its own paragraph named before ("Fighting raged
            # around Kupiansk. Ukrainian and Russian troops clashed near Synkivka")
            paragraph_start = paragraph_around(text, here.start)[0] if text is not None else 0
            earlier = [
                i
                for i in towns
                if paragraph_start <= resolved[i].mention.start and resolved[i].mention.end <= start
            ]
            return resolved[earlier[-1]].place if earlier else None
        near = (
            inside
            or _in_countries_of_sentence(resolved, towns, start, end, text)
            or _in_its_paragraph(resolved, towns, index, text, home, district=district)
        )
        countries = {p.country for i in towns if (p := resolved[i].place) is not None}
        if not near and strict and len(countries) > 1:
            # "ELN attack in Catatumbo kills dozens" heads a story on Mexico and
            # Colombia: no town of its own, and the story's towns lie in two countries
            return None
        if not near and strict and not district:
            # a village no source knows, in a paragraph that names no town, lies by no
            # national capital, where stories are told from ("GEORGETOWN - …" then
            # "gunmen fired on a boat near Eteringbang", 330 km away)
            towns = [i for i in towns if not is_national_capital(resolved[i].place)]
        towns = (
            near or [i for i in towns if (p := resolved[i].place) and p.country == home] or towns
        )
        told = [i for i in towns if resolved[i].mention.end <= start]
        if (
            strict
            and not inside
            and (told or not district)
            and not _alone_in_its_paragraph(text, start, end, here.start)
        ):
            # a village no source knows, in a sentence that names no town, looks back to
            # the towns already told, not ahead to a later sentence's news ("Troops
            # killed two men in the Tirah valley. Gunmen attacked a post in Kalat",
            # 670 km off), only to a town of the next sentence that reports it ("…
            # Police in Gusau confirmed the attack"); a district too unless none was
            # told ("Fighting broke out in Tripoli. A rocket hit the Souq al-Juma
            # district. In Benghazi, …"). Where each paragraph is one sentence, as
            # on the wires, the nearest town wins, as below.
            towns = told + _reporting_in_the_next_sentence(text, end, towns, resolved)
    before = bisect.bisect_left(towns, index)
    after = bisect.bisect_right(towns, index)
    previous = resolved[towns[before - 1]] if before else None
    following = resolved[towns[after]] if after < len(towns) else None
    if previous is not None and following is not None:
        back = here.start - previous.mention.end
        ahead = following.mention.start - here.end
        if (
            text is not None
            and PARAGRAPH_BREAK.search(text, here.end, following.mention.start)
            and not PARAGRAPH_BREAK.search(text, previous.mention.end, here.start)
        ):
            ahead += len(text)  # a name looks back to its own paragraph, not to the next
        return following.place if ahead < back else previous.place
    chosen = previous or following
    return None if chosen is None else chosen.place


_SENTENCE_END = re.compile(r"[.!?](?=\s)")
_REPORTS = re.compile(r"\b" + SPEECH_FORMS)


def _reporting_in_the_next_sentence(
    text: str | None, end: int, towns: Sequence[int], resolved: Sequence[Resolved]
) -> list[int]:
    """The towns after ``end`` that stand in the sentence right after it, if that one reports.

    "Bandits raided Zorbakani village. Police in Gusau confirmed the attack":
    the town is where the report came from, near the village it tells of.
    ``towns`` run in the text's order, so the walk stops at the first one past
    that sentence.
    """
    if text is None:
        return []
    found = []
    for i in towns:
        town = resolved[i].mention
        if town.start < end:
            continue
        if len(_SENTENCE_END.findall(text, end, town.start)) > 1 or PARAGRAPH_BREAK.search(
            text, end, town.start
        ):
            break  # every later town lies farther off
        close = _SENTENCE_END.search(text, town.end)
        if _REPORTS.search(text, end, close.end() if close else len(text)):
            found.append(i)
    return found


def _alone_in_its_paragraph(text: str | None, start: int, end: int, at: int) -> bool:
    """Whether the sentence at ``start:end`` is alone in its paragraph, as on the wires.

    ``at`` is an offset within the sentence (its bounds may take in the
    paragraph break before it).
    """
    if text is None:
        return False
    first, last = paragraph_around(text, at)
    return not any(c.isalnum() for c in text[first:start] + text[end:last])


def _a_government_not_its_town(text: str, town: Resolved) -> bool:
    """Whether a national capital stands for its government: "Kyiv said", "allies of Kinshasa".

    A capital that says something, or that others side with ("militias,
    allies of Kinshasa, fought around X", "rebels backed by Kigali"), is the
    state, whose villages lie anywhere in the country.
    """
    if not is_national_capital(town.place):
        return False
    before = text[max(0, town.mention.start - 80) : town.mention.start]
    if _SIDED_WITH.search(before):
        return True
    return (
        _A_GOVERNMENT_SPEAKS.match(text, town.mention.end) is not None
        and not _AFTER_A_PREPOSITION.search(before)  # "Residents in Khartoum said"
    )


_SIDED_WITH = re.compile(
    r"\b(?:allies|ally|allied|proxies|proxy|backers|loyal|close|aligned|backed|supported|"
    r"armed|funded|sponsored)\s+(?:of|to|with|by)\s+$",
    re.IGNORECASE,
)
"""Words before a capital that make it a party others side with: "allies of Kinshasa"."""


def _a_dateline(text: str, town: Mention) -> bool:
    """Whether the town opens its paragraph as a dateline: "YANGON, Nov 20 (AP) -"."""
    return dateline_end(text, town) is not None


def dateline_end(text: str, town: Mention) -> int | None:
    """Where the wire dateline the town opens ends, past its dash; ``None`` if it opens none.

    "MAIDUGURI, Nigeria, Nov 20 (AP) - …": what stands before the dash (the
    country too) says where the story was filed.
    """
    start = paragraph_around(text, town.start)[0]
    before = text[start : town.start]
    if before.strip() and not only_a_time_stamp(before):
        return None  # not "**08:12** GOMA —", a live blog's entry
    found = _DATELINE_DASH.match(text, town.end)
    return None if found is None else found.end()


def _a_bearing_after(index: int, resolved: Sequence[Resolved], text: str | None) -> Place | None:
    """The bearing from a town set off by a comma right after the name, if any.

    "accused the RSF of shelling the Abu Shouk camp, north of El Fasher": the
    words say where the camp lies, whatever town the sentence named before.
    """
    if text is None or index + 1 >= len(resolved):
        return None
    after = resolved[index + 1]
    place = after.place
    if place is None or place.feature != "offset":
        return None
    between = _SET_OFF.fullmatch(text, resolved[index].mention.end, after.mention.start)
    return place if between else None


_SET_OFF = re.compile(r"(?:\s+[a-z]+)?\s*,\s*")
"""Between a name and the bearing that places it: a kind word perhaps, then a comma."""


def _opens_the_name(town: Mention, name: Mention) -> bool:
    """Whether a town's name opens the name of one of its institutions.

    "the Debre Markos Referral Hospital"; not "Salt + Smoke", a restaurant,
    nor "Haifa Street", which is in Baghdad.
    """
    if town.start < name.end and name.start < town.end:
        return False
    rest = name.name[len(town.name) + 1 :] if name.name.startswith(town.name + " ") else ""
    return (
        rest[:1].isupper()
        and rest.split(" ", 1)[0].isalpha()
        and rest.rsplit(" ", 1)[-1].lower() in _INSTITUTIONS
    )


_INSTITUTIONS = frozenset(
    {
        "hospital", "clinic", "university", "college", "school", "academy", "institute",
        "airport", "stadium", "prison", "jail", "refinery", "mosque", "cathedral", "church",
        "council", "hall", "market", "camp", "airbase", "port",
    }
)  # fmt: skip
"""What a town's institutions are called: not its streets or stations, which are
named after other cities ("Haifa Street" in Baghdad, "Liverpool Street station")."""


def _within(mention: Mention, bounds: tuple[int, int] | None) -> bool:
    """Whether the mention lies within the character bounds (none given: no)."""
    return bounds is not None and bounds[0] <= mention.start and mention.end <= bounds[1]


def _someones_home(text: str, town: Mention) -> bool:
    """Whether the text names the town as where someone or something came from.

    "a native of Kumbo", "who grew up in Kribi", "convoys from Idlib, Hama and
    Aleppo": a home or an origin says nothing of where the story's other
    places lie ("the gendarmerie at Up Station" is in Bamenda, not Kribi).
    """
    start = town.start
    # over a list the town ends: "from Idlib, Hama and Aleppo"
    while True:
        listed = _LISTED_BEFORE.search(text, max(0, start - 60), start)
        if listed is None:
            break
        start = listed.start()
    return _HOME_BEFORE.search(text, max(0, start - 40), start) is not None


#: Words right before a town that make it someone's home or something's origin.
_HOME_BEFORE = re.compile(
    r"\b(?:natives?\s+of|grew\s+up\s+in|born\s+in|hails\s+from|hometown\s+of"
    r"|home\s+town\s+of|(?:convoys?|columns?|fighters|militants)\s+from)"
    r"\s+(?:the\s+(?:city|town|village)\s+of\s+)?$",
    re.IGNORECASE,
)
"""Not any "from": troops who "pulled back from Avdiivka", a correspondent "reporting
from Kherson" and people displaced "from El Fasher" still say where the story is."""
#: A town that goes on a list before this one: "Idlib, " or "Hama and ".
_LISTED_BEFORE = re.compile(r"\b[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?(?:\s*,\s*|\s+and\s+)$")


def _across_from(text: str, here: Mention, town: Mention) -> bool:
    """Whether the text sets the name across a river or a border from the town.

    "near Plauru, on the Danube across from the Ukrainian port of Izmail":
    Plauru is on the other bank, in another country, not in Izmail's
    surroundings.
    """
    low, high = (here.end, town.start) if town.start >= here.end else (town.end, here.start)
    return high - low < 120 and _ACROSS.search(text, low, high) is not None


#: Words right before the later of two names that put it on the other side of a river
#: or a border from the first: "across from the Ukrainian port of", "opposite".
_ACROSS = re.compile(
    r"\b(?:across\s+(?:the\s+[\w-]+\s+)?from|opposite|on\s+the\s+other\s+side\s+of)"
    r"(?:\s+(?:the\s+)?[\w-]+){0,4}\s*$"
)


def paragraph_around(text: str, offset: int) -> tuple[int, int]:
    """The bounds of the paragraph that holds ``offset`` (the whole text when it has none)."""
    breaks = _paragraph_breaks(text)
    i = bisect.bisect_right([b[1] for b in breaks], offset)
    start = breaks[i - 1][1] if i else 0
    end = breaks[i][0] if i < len(breaks) else len(text)
    return start, end


@lru_cache(maxsize=8)
def _paragraph_breaks(text: str) -> tuple[tuple[int, int], ...]:
    """Each blank line's span, found once per article (a name asks for its paragraph)."""
    return tuple(m.span() for m in PARAGRAPH_BREAK.finditer(text))


def _in_its_paragraph(
    resolved: Sequence[Resolved],
    towns: Sequence[int],
    index: int,
    text: str | None,
    home: str | None,
    *,
    district: bool = False,
) -> list[int]:
    """The towns of the paragraph that holds ``resolved[index]``, in its countries.

    A story of three capitals keeps each street in its own section: "marched
    down Rustaveli Avenue" in the Tbilisi paragraph is not by Nairobi, the
    city the story names most. Only towns in a country the paragraph names,
    or in ``home``: a namesake town abroad is no section's; but a town
    resolved with little doubt that opens the paragraph heads its section
    wherever it lies ("LIMA - Miners marched … around Plaza San Martin" in a
    story datelined Guayaquil). None without ``text``.
    """
    if text is None:
        return []
    here = resolved[index].mention
    start, end = paragraph_around(text, here.start)
    countries = _sentence_countries(resolved, start, end) | ({home} if home else set())
    return [
        i
        for i in towns
        if start <= resolved[i].mention.start < end
        and (place := resolved[i].place) is not None
        and (
            place.country in countries
            or (
                (district or _heads_the_paragraph(text, start, resolved[i].mention))
                and place.confidence >= SURE_TOWN
            )
        )
    ]


def _heads_the_paragraph(text: str, start: int, town: Mention) -> bool:
    """Whether the paragraph opens with the town's name, as a dateline or "In X,".

    "LIMA - Miners marched through the centre of Lima", "In Lima, miners
    marched": the section is Lima's; "Donors met in Nairobi" in a paragraph on
    Mogadishu, or "Moscow urged calm" opening one on Yerevan, is not.
    """
    opening = text[start : start + 120].lstrip()
    found = _IN_OPENING.match(opening)
    rest = opening[found.end() :] if found else opening
    if rest[: len(town.name)].casefold() != town.name.casefold():
        return False
    after = rest[len(town.name) :]
    return bool(_DATELINE_AFTER.match(after) if found is None else after[:1] == ",")


#: "In Lima, …": a paragraph that opens in a town.
_IN_OPENING = re.compile(r"(?:in|at)\s+", re.IGNORECASE)
#: What stands between a dateline's town and its dash: ", Peru, March 3 (Reuters)".
_DATELINE_CLOSE = r"(?:,[^\n.]{0,50}?)?\s*(?:\([^)\n]{0,30}\)\s*)?"
#: What closes a dateline after its town: "LIMA -", "LIMA, Peru, March 3 (Reuters) -".
_DATELINE_AFTER = re.compile(_DATELINE_CLOSE + r"[-–—]")
#: A dateline's close with its dash set apart: "YANGON, Nov 20 (AP) -", not "Mosul-based".
_DATELINE_DASH = re.compile(_DATELINE_CLOSE + r"(?:(?<=\s)-|[–—])")


#: A town resolved this surely holds the districts its paragraph names, wherever
#: it lies: "Russia launched missiles at Kyiv. Explosions were heard in the
#: Darnytskyi and Sviatoshynskyi districts" in a story that names Russia most.
SURE_TOWN = 0.9


def district_of_a_town(text: str, mention: Mention) -> bool:
    """Whether the text calls an unknown name a district of a town.

    "the Darnytskyi and Obolon districts"; "the Dora area in the south of the
    city", an area the text puts in the city it speaks of.
    """
    return bool(
        _DISTRICT_AFTER.match(text, mention.anchor_end)
        or _AREA_OF_THE_CITY.match(text, mention.anchor_end)
    )


def _sentence_countries(
    resolved: Sequence[Resolved], start: int, end: int, text: str | None = None
) -> set[str]:
    """The countries named (as names or national adjectives) between ``start`` and ``end``.

    With ``text``, not an adjective of a weapon that strikes across a border
    ("Israeli jets", "a Russian drone"), which says who acted.
    """
    return {
        item.place.country
        for item in resolved
        if item.place is not None
        and item.place.country
        and item.place.feature == "country"
        and start <= item.mention.start
        and item.mention.end <= end
        and not (
            text is not None
            and item.mention.kind is MentionKind.DEMONYM
            and _ARMED_FORCE_AFTER.match(text, item.mention.end)
        )
    }


#: Weapons that strike across a border, after a national adjective: "an Israeli strike",
#: "Russian drones". Not troops or an army, which mostly act at home ("Nigerian troops
#: raided a village").
_ARMED_FORCE_AFTER = re.compile(
    r"\s+(?:[a-z-]+\s+)?(?:air\s*strikes?|airstrikes?|strikes?|jets?|warplanes?|drones?"
    r"|missiles?|rockets?|shelling|bombers?|air\s+force)\b",
    re.IGNORECASE,
)


def _in_countries_of_sentence(
    resolved: Sequence[Resolved],
    towns: Sequence[int],
    start: int,
    end: int,
    text: str | None = None,
) -> list[int]:
    """The ``towns`` in the countries a sentence names, when it names towns of none.

    "The meeting at Diriyah Palace lasted hours, the Saudi foreign ministry
    said", a paragraph after one about Moscow: the palace is in the country
    its sentence names, so among the article's towns only Saudi ones may
    hold it. Empty when the sentence names no country or the article names
    no town in one. A national adjective of those who strike ("an Israeli
    strike killed a commander in Bint Jbeil") says whose strike it was, not
    where the village lies.
    """
    countries = _sentence_countries(resolved, start, end, text)
    if not countries:
        return []
    return [i for i in towns if (place := resolved[i].place) and place.country in countries]


def a_crossing_of_streets(text: str, mention: Mention) -> bool:
    """Whether the name is of a crossing of streets: "near the Gulistan intersection"."""
    return bool(_CROSSING_AFTER.match(text[mention.anchor_end :]))


def part_of_a_town(text: str, mention: Mention) -> bool:
    """Whether the text calls the name a part of a town.

    "the Tel al-Sultan neighbourhood", "the neighbourhood of X", "the Dora area
    in the south of the city", "the city's Pahartali area".
    """
    return bool(
        _TOWN_PART_AFTER.match(text[mention.anchor_end :])
        or _AREA_OF_THE_CITY.match(text, mention.anchor_end)
        or _TOWN_PART_BEFORE.search(text[max(0, mention.anchor_start - 40) : mention.anchor_start])
        or of_the_city_named_before(text, mention)
    )


#: Words for a part of a town, after its name or before it with "of".
TOWN_PART_WORDS = frozenset({"neighbourhood", "neighborhood", "quarter", "suburb", "borough"})
_TOWN_PARTS = "(?:" + "|".join(sorted(TOWN_PART_WORDS)) + ")"
_DISTRICT_AFTER = re.compile(
    r"(?:(?:,|,?\s+and)\s+[A-Z][\w’'-]*)*\s+(?:"
    + "|".join(sorted(TOWN_PART_WORDS | {"district"}))
    + r")s?\b"
)


PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
"""A blank line: a new paragraph, or a headline above the text. A single line
break is only where the source wrapped its lines ("on Lido beach in\nMogadishu")."""
_TOWN_PART_AFTER = re.compile(rf"^\s+{_TOWN_PARTS}s?\b", re.IGNORECASE)
_CROSSING_AFTER = re.compile(r"^\s+(?:intersection|roundabout|crossroads)\b", re.IGNORECASE)
#: "the Dora area in the south of the city", "the Mansour district of the capital":
#: an area or district the text puts in the city it speaks of.
_AREA_OF_THE_CITY = re.compile(
    r"\s+(?:area|district|section|sector|zone)\s+(?:in|of)\s+the\s+"
    r"(?:(?:[a-z]+\s+){1,2}of\s+the\s+)?(?:city|capital|town)\b"
)
#: "the city's Pahartali area", "the capital's northern Shubra district".
_THE_CITY_S = re.compile(r"\bthe\s+(?:city|capital|town)['’]s\s+(?:[a-z-]+\s+)?$", re.IGNORECASE)


def of_the_city_named_before(text: str, mention: Mention) -> bool:
    """Whether "the city's" (or "the capital's", "the town's") stands before the name.

    "Officials in Kherson said a drone hit a bus in the city's Dniprovskyi
    district": the city is the one named before, even where people speak from it.
    """
    return bool(_THE_CITY_S.search(text[max(0, mention.anchor_start - 40) : mention.anchor_start]))


_TOWN_PART_BEFORE = re.compile(rf"\b{_TOWN_PARTS}\s+of\s+(?:the\s+)?$", re.IGNORECASE)


def place_in_town(
    mention: Mention, town: Place, *, unknown_place: bool = False, town_part: bool = False
) -> Place:
    """A local place put at its town's point, with the town's reach as its radius.

    A street or building is ``near`` the town, within :data:`LOCAL_RADIUS_KM`.
    A county or district, or (``unknown_place``) a name the model reads as a
    place but no gazetteer holds ("Toomevara", a village near Nenagh), is
    somewhere in the town's area: precision ``region`` and
    :data:`LOCAL_AREA_RADIUS_KM`, or :data:`LOCAL_RADIUS_KM` when the text
    calls it a part of a town (``town_part``: "the Tel al-Sultan
    neighbourhood").
    """
    area = unknown_place or is_local_area_name(mention.name) or town_part
    if town_part:
        what = "a part of a town the text names"
    elif unknown_place:
        what = "a place the text names"
    elif area:
        what = "a county or district"
    else:
        what = "a street or building"
    return Place(
        gazetteer_id=f"{town.gazetteer_id}~local:{name_key(mention.name)}",
        name=mention.name,
        country=town.country,
        feature="local_area" if area else "local",
        geometry=Point(town.lon, town.lat),
        lat=town.lat,
        lon=town.lon,
        precision=Precision.REGION if area else Precision.NEAR,
        radius_km=LOCAL_AREA_RADIUS_KM if area and not town_part else LOCAL_RADIUS_KM,
        confidence=round(0.5 * town.confidence, 3),
        source=town.source,
        alternatives=(),
        reason=(
            f"not in the gazetteer; {what}, placed around {town.name}, "
            "the town the article names nearest to it"
        ),
    )
