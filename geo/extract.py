"""Finding place mentions in text: spaCy NER backed by the gazetteer.

Three passes over a parsed document:

1. **Entities.** GPE and LOC entities are toponyms; FAC entities only when
   the gazetteer knows them. NORP entities that are national adjectives are
   demonyms. PERSON, ORG and similar entities block their tokens: "President
   Vladimir" is a man and "Al Jazeera TV" a channel, whatever the gazetteer
   says. One exception: when the model calls a lone, well-known place name an
   ORG or NORP (small models often tag ports and bases that way), the
   gazetteer overrules it.
2. **Gazetteer names the model missed.** Runs of capitalised words are looked
   up in the index; a hit becomes a toponym if it is a proper noun, not a
   person's title or name, and names a place of some standing.
3. **Spatial phrases.** Each toponym or demonym is widened to the phrase that
   builds on it ("off the coast of Syria", "Israeli airspace").
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from itertools import pairwise

from spacy.tokens import Doc, Span, Token

from geo.coordinates import position_mention, written_positions
from geo.cues import (
    EDGE_WORDS,
    PERSON_TITLES,
    PLACE_KIND_NOUNS,
    PLACE_PREPOSITIONS,
    QUOTE_MARKS,
    a_dated_label,
    a_marked_label,
    a_round_up_of_places,
    after_a_border_word,
    after_title,
    beside_a_number,
    closes_a_site_name,
    followed_by_a_person_clause,
    headline_style,
    in_place_position,
    inside_longer_name,
    is_capitalised,
    labels_its_line,
    locative_context,
    modifies_next_noun,
    only_a_time_stamp,
    plain_labels,
    qualifier_after,
    trim,
)
from geo.gazetteer import ALIKE_SPELLING, FEATURE_RANK, TRANSLITERATED_STANDING, Gazetteer
from geo.local_places import (
    LOCAL_LABEL,
    STREET_OPENERS,
    is_local_area_name,
    local_place_spans,
    looks_local_name,
)
from geo.nlp import DocTokens, doc_text
from geo.normalize import (
    ARABIC_ARTICLES,
    POSITION_WORDS,
    name_key,
    saint_spelled_out,
    spelling_similarity,
)
from geo.own_airspace import own_airspace_mentions
from geo.phrases import BEARINGS, DISTANCE_UNIT_WORDS, find_phrase
from geo.place_frames import (
    HYPHENS,
    KIND_FRAME,
    KIND_WORDS,
    NAME_PARTICLES,
    POSITION_FRAME,
    ROUTE_WORDS,
    SEIZED_FRAME,
    TAKEN_FRAME,
    TOPONYM_OPENERS,
    FramedName,
    ends_of_a_route,
    framed_names,
    struck_by_fire,
)
from geo.sources import capital_names
from geo.types import (
    FRAMED_LABEL,
    IN_A_NAME_LABEL,
    PLACE_LABELS,
    Candidate,
    Mention,
    MentionKind,
)

__all__ = ["CAPITAL_LABEL", "FRAMED_LABEL", "STRONG_POPULATION", "MentionExtractor"]

#: The :attr:`~geo.types.Mention.label` of "the <national adjective> capital",
#: whose name is the capital's ("the Russian capital" is looked up as Moscow).
CAPITAL_LABEL = "CAPITAL"

#: Population from which a town named outside an NER place entity is trusted.
STRONG_POPULATION = 15_000
#: Population from which a town the model called an ORG is still taken as a place.
ORG_OVERRIDE_POPULATION = 100_000


#: Population from which a city leading an organisation's name is a mention
#: ("New York Times"); smaller towns in such names are usually just names.
EMBEDDED_CITY_POPULATION = 1_000_000
_BLOCKING_LABELS = frozenset(
    {
        "PERSON",
        "ORG",
        "WORK_OF_ART",
        "PRODUCT",
        "LAW",
        "LANGUAGE",
        "EVENT",
        "DATE",
        "TIME",
        "PERCENT",
        "MONEY",
        "QUANTITY",
        "ORDINAL",
        "CARDINAL",
    }
)
_OVERRIDABLE_LABELS = frozenset({"ORG", "NORP", "FAC", "PERSON", "PRODUCT", "DATE"})
#: Words that make a DATE entity a date whatever the gazetteer holds ("March"
#: is also a town in Cambridgeshire). The small model sometimes tags a lone
#: town as a DATE or a PRODUCT ("in Manbij", "in Chattanooga").
_CALENDAR_WORDS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "easter",
        "christmas",
        "ramadan",
        "eid",
        "passover",
        "diwali",
        "hanukkah",
        "thanksgiving",
    ]
)
#: Entities whose names often contain a place or a nationality that gold
#: corpora count ("European Commission", "Ukrainian Law on …", "Kenya-Ukraine
#: Business Forum", "two billion US dollars").
_NAMES_WITH_PLACES = frozenset({"ORG", "LAW", "EVENT", "MONEY"})
#: Words that, after a town's name, make an organisation that town's public service.
#: ("County" and "City" are left out: "Walker County" is a name of its own.)
_LOCAL_SERVICE_WORDS = frozenset(
    {
        "police",
        "fire",
        "sheriff",
        "council",
        "municipal",
        "public",
        "school",
        "schools",
        "library",
        "hospital",
        "airport",
        "harbour",
        "harbor",
        "port",
        "transit",
        "water",
        "parks",
        "zoo",
        "museum",
        "chamber",
        "community",
        "regional",
    }
)
#: Small words inside place names: "Stratford-upon-Avon", "Rio Grande do Sul",
#: "Frankfurt am Main", "Mülheim an der Ruhr", "Bergen op Zoom".
_CONNECTORS = (
    frozenset(
        {"of", "al", "el", "de", "del", "la", "le", "upon", "on", "-", "the", "da"}
        | {"do", "dos", "das", "du", "des", "di", "der", "den", "van", "von", "am", "an", "op"}
    )
    | ARABIC_ARTICLES  # "Deir ez-Zor", "Ras an-Naqoura"
    | {"ez", "es", "er"}
)
_MAX_NGRAM = 6
#: Words that join two names into one ("Trinidad and Tobago", "Antigua & Barbuda").
_NAME_JOINERS = frozenset({"and", "&"})
#: Words after a place name that make it a disease's name.
_DISEASE_WORDS = frozenset(
    {"virus", "viruses", "ebolavirus", "fever", "hemorrhagic", "haemorrhagic", "encephalitis"}
)
#: Province codes that are also English words: never a province by context alone.
_WORD_CODES = frozenset(
    {"in", "or", "me", "ok", "oh", "hi", "la", "ma", "pa", "de", "id", "al", "co", "ga", "mo"}
)
_COUNTRIES_KEY = "eventmap_countries_named"
_ROUND_UP_KEY = "eventmap_plain_labels_are_places"
"""``doc.user_data`` key: whether the document's plain line labels are a round-up by place."""
#: Nouns after a name that make "the" belong to them: "the Donetsk area".
_AREA_NOUNS = frozenset(
    {
        "area",
        "region",
        "coast",
        "coastline",
        "airspace",
        "province",
        "governorate",
        "outskirts",
        "countryside",
        "border",
        "waters",
        "city",
        "town",
        "port",
        "district",
        "exclave",
        "enclave",
    }
)
#: Organs of a state, which a country has and a person does not: "Jordan's air force".
_STATE_ORGANS = frozenset(
    {
        "air force", "army", "military", "navy", "government", "armed forces", "parliament",
        "foreign ministry", "defence ministry", "defense ministry", "interior ministry",
        "embassy", "ambassador", "cabinet", "president", "prime minister", "king",
        "foreign minister", "border", "airspace", "capital", "coast guard", "security forces",
    }
)  # fmt: skip
#: Natural features and regions an organisation may be named after: the
#: gazetteer holds only well-known ones, so the name means the feature.
_NAMED_FEATURES = frozenset(
    {"sea", "gulf", "strait", "lake", "river", "region", "peninsula", "island", "desert"}
)
_ARTICLE_FEATURES = frozenset(
    {
        "country",
        "sea",
        "gulf",
        "strait",
        "bay",
        "channel",
        "lake",
        "river",
        "region",
        "territory",
        "peninsula",
        "desert",
        "mountain_range",
        "island",
        "landmark",
    }
)
#: Features of the areas a lower-case noun can finish the name of ("the Gaza strip").
_NAMED_AREA_FEATURES = _ARTICLE_FEATURES - {"country", "landmark"}
_ADMIN_WORDS = frozenset(
    {"province", "governorate", "region", "oblast", "state", "county", "district", "prefecture"}
)
#: Words that write a place as a part of a country: "in Hama province", "in Aleppo countryside".
_CONTAINER_WORDS = _ADMIN_WORDS | frozenset(
    {"countryside", "area", "territory", "municipality", "taluk", "regency", "subdistrict"}
)
#: Labels of a name that "in" and an area found may show to be a place
#: ("killed at Olangur in Villupuram district": the model says a firm).
_MISREAD_LABELS = frozenset({"ORG", "PERSON", "DATE", "FAC"})
#: Labels of a name in a place's position that a bearing from a place found
#: makes a place ("around Kibumba, north of Goma"): the misread ones, none, and
#: the place labels of a name no source holds.
_SET_BY_A_BEARING_LABELS = _MISREAD_LABELS | {"", "GPE", "LOC"}
#: Most words such a name may have: a person's or a firm's full name is longer.
_MISREAD_WORDS = 3
#: Religious, ethnic and political groups and armed movements whose name comes
#: before a kind of place or thing ("Sunni districts", "Kurdish-held areas",
#: "rebel villages", "Houthi sites").
_GROUP_WORDS = frozenset(
    {
        "sunni",
        # "Islamic State West Africa Province": a group's name for its branch
        "islamic",
        "sikh",
        "shia",
        "shiite",
        "shi'ite",
        "shi'i",
        "shi'a",
        "shi’i",
        "shi’ite",
        "shi’a",
        "alawite",
        "druze",
        "christian",
        "muslim",
        "jewish",
        "catholic",
        "protestant",
        "orthodox",
        "hindu",
        "buddhist",
        "kurdish",
        "arab",
        "turkmen",
        "yazidi",
        "assyrian",
        "tamil",
        "sinhalese",
        "hutu",
        "tutsi",
        "serb",
        "croat",
        "bosniak",
        "pashtun",
        "hazara",
        "tajik",
        "uzbek",
        "baloch",
        "fulani",
        "tuareg",
        "bedouin",
        "rebel",
        "opposition",
        "government",
        "regime",
        "loyalist",
        "republican",
        "nationalist",
        "unionist",
        "israeli",
        "palestinian",
        # armed movements named like places ("Houthi sites", "Fano fighters")
        "houthi",
        "houthis",
        "hezbollah",
        "hamas",
        "taliban",
        "fano",
        "wagner",
        "isis",
        "daesh",
        "janjaweed",
        "peshmerga",
    }
)
#: Prepositions after which a name stands where only a place can (see
#: :func:`_right_after_a_locative`).
_FIRM_LOCATIVES = PLACE_PREPOSITIONS - {"from", "over", "across"}
#: Words before a pair of names that make it a pair of places: "to Gao and
#: Timbuktu", "between Kupiansk and Izium", "in Kidal and Gao".
_LIST_OPENERS = PLACE_PREPOSITIONS | {"to", "between", "toward", "towards"}
#: Population from which a town joined to a place is taken for a mislabelled name.
_JOINED_TOWN_POPULATION = 1_000
#: Entity labels the small model gives towns listed with a place ("Gao and Timbuktu").
_JOINED_LABELS = frozenset({"PERSON", "ORG", "PRODUCT", "NORP"})
#: Words that join two names of a list: "Gao and Timbuktu", "Gao, Timbuktu".
_JOINERS = frozenset({"and", "or", ","})
#: Names in a list from which one place among them makes them all places.
_PLACE_LIST_SIZE = 3
_STRONG_FEATURES = frozenset(f for f, rank in FEATURE_RANK.items() if rank <= 2)


def _exactly_of_standing(
    candidates: list[Candidate],
    *,
    population: int,
    features: tuple[str, ...] = ("country", "admin1"),
) -> bool:
    """Whether a candidate bears the name as its own and is a country, province or big city."""
    return any(
        c.exact_name and (c.feature in features or c.population >= population) for c in candidates
    )


def _itself_inside_a_name(candidates: list[Candidate]) -> bool:
    """Whether a name inside a longer one is still meant as itself: a country or a great city.

    "Rogers Centre", "Line of Control": a province or a town that bears the
    word is no place of the longer name; "Israel Defense Forces" is Israel's.
    """
    return _exactly_of_standing(
        candidates, population=EMBEDDED_CITY_POPULATION, features=("country",)
    )


def _taken_or_struck(span: Span, label: str) -> bool:
    """Whether a one-word name is what a verb of war takes, besieges or shells.

    "The army retook Sittwe", "M23 besieged Goma": one does that to places.
    "Attacked" too when armed men did it to a name the model read as an
    organisation or a person ("Gunmen attacked Djibo", "Insurgents attacked
    Chiúre": the small model reads many accented towns as people); not
    "hackers attacked Nokia", nor a person words attack ("Trump attacked
    Clinton"), nor one the story names in full elsewhere ("gunmen attacked
    Kovac" after "Judge Ivan Kovac"); never "captured", which police do to
    people.
    """
    root = span.root
    if len(span) != 1 or root.dep_ not in ("dobj", "nsubjpass") or after_title(span):
        return False
    verb = root.head
    words = {verb.lemma_.lower(), verb.lower_}
    if words & _DONE_TO_PLACES:
        return True
    return (
        label in ("ORG", "PERSON")
        and bool(words & _DONE_TO_ANY)
        and any(c.dep_ == "nsubj" and c.lemma_.lower() in _ARMED_MEN for c in verb.children)
        and not (label == "PERSON" and _named_in_full_elsewhere(span))
    )


def _named_in_full_elsewhere(span: Span) -> bool:
    """Whether a one-word name ends a longer person's name elsewhere in the text: a surname."""
    return any(
        ent.label_ == "PERSON" and len(ent) > 1 and ent[-1].text == span.text
        for ent in span.doc.ents
    )


#: Verbs of war whose object is a place (lemmas, and forms the small model keeps).
_DONE_TO_PLACES = frozenset(
    {"shell", "bomb", "bombard", "storm", "recapture", "retake", "retook", "besiege",
     "overrun", "overran", "encircle", "occupy", "liberate", "blockade"}
)  # fmt: skip
#: A verb of war done to people and firms too: only for a name the model read as an
#: organisation, and armed men doing it ("hackers attacked Nokia" is the firm; not
#: "capture": "police captured Clinton", which the model may read as one).
_DONE_TO_ANY = frozenset({"attack"})
#: Who attacks places (lemmas).
_ARMED_MEN = frozenset(
    {"gunman", "militant", "fighter", "jihadist", "rebel", "troop", "army", "force",
     "bandit", "insurgent", "soldier", "militia", "militiaman", "attacker", "raider"}
)  # fmt: skip


def _own_or_alike(name: str, candidates: list[Candidate]) -> list[Candidate]:
    """The candidates that bear ``name`` as their own, are spelled like it, or are areas.

    GeoNames' alternate names in many languages give towns names that are
    words or organisations in English ("Hamas" is one of Hamm's, "Google" one
    of Topeka's): such a match alone does not outweigh what the model read.
    Countries and provinces keep their short and official forms ("DRC",
    "NSW").
    """
    return [
        c
        for c in candidates
        if c.exact_name
        or c.feature in ("country", "admin1")
        or spelling_similarity(name, c.name) >= ALIKE_SPELLING
    ]


def _own_alike_or_big(name: str, candidates: list[Candidate]) -> list[Candidate]:
    """The candidates but GeoNames towns under a million known only by a foreign name.

    Areas, bases, airports and our own tables' names ("Heathrow") stay: only
    GeoNames' alternate names of towns come in many languages.

    A city of a million is known abroad by its exonyms ("Bombay", "Leghorn"
    is smaller and left out), so an alternate name of one still stands for
    it; a small or mid-size town's foreign name is more often a word or an
    organisation in English ("Hamas" for Hamm, "Google" for Topeka). The
    leading words of a town's own name are its short form, not a foreign
    name ("Clacton" for Clacton-on-Sea).
    """
    short = name_key(name)
    return [
        c
        for c in candidates
        if c.feature != "city"
        or c.source != "geonames"
        or c.population >= EMBEDDED_CITY_POPULATION
        or c in _own_or_alike(name, [c])
        or name_key(c.name).startswith(f"{short} ")  # "Clacton" for Clacton-on-Sea
    ]


def _right_after_a_locative(span: Span) -> bool:
    """Whether the name comes right after "in", "at", "near" … and is no compound's first part.

    "From" and "over" are left out: organisations come from places and
    disputes are over them ("a statement from Hamas"). "in Hamas-run Gaza"
    is Gaza, whatever "Hamas" is.
    """
    doc = span.doc
    if span.start == 0 or doc[span.start - 1].lower_ not in _FIRM_LOCATIVES:
        return False
    return span.end >= len(doc) or doc[span.end].text not in ("-", "‐", "–")


def _strong(candidates: list[Candidate], *, population: int) -> bool:
    """Whether a candidate is a place of standing: a wide area, a base, a big town.

    The curated islands count too ("the Paracels", "the Spratlys"): each is there
    because the news names it, and nobody lives on most of them.
    """
    return any(
        c.feature in _STRONG_FEATURES
        or c.feature in ("airbase", "naval_base", "military_base", "airport", "landmark")
        or (c.feature == "island" and c.gazetteer_id.startswith(_CURATED_PREFIX))
        or c.population >= population
        for c in candidates
    )


_CURATED_PREFIX = "curated:"


class MentionExtractor:
    """Find place mentions in a parsed document, checking names against a gazetteer."""

    def __init__(
        self,
        gazetteer: Gazetteer,
        demonyms: Mapping[str, str],
        regional_adjectives: Mapping[str, str] | None = None,
        capitals: Mapping[str, str] | None = None,
    ) -> None:
        self.gazetteer = gazetteer
        #: Each country's capital by ISO code ("the Syrian capital" is Damascus).
        self.capitals = dict(capital_names() if capitals is None else capitals)
        self.demonyms = dict(demonyms)
        self._demonyms_folded = {k.casefold(): v for k, v in demonyms.items()}
        self.regional = dict(regional_adjectives or {})

    def extract(self, doc: Doc) -> list[Mention]:
        """Every place mention in ``doc``, ordered by position, none overlapping."""
        taken: set[int] = set()
        blocked: set[int] = set()
        found: list[Mention] = []
        overridable: list[Span] = []
        tokens = DocTokens(doc)  # spaCy builds new tokens on every access
        ents = self._split_at_a_preposition(
            self._joined_by_of(self._whole_hyphenated(doc.ents, tokens), tokens)
        )
        for ent in ents:
            if ent.label_ in _BLOCKING_LABELS:
                blocked.update(range(ent.start, ent.end))
            if ent.label_ in _OVERRIDABLE_LABELS:
                overridable.append(ent)
        paired = self._paired_names(tokens)
        for span in paired + self._split_names(doc, paired, ents):
            found.append(self._toponym(span, "GAZETTEER"))
            taken.update(range(span.start, span.end))
            blocked.difference_update(range(span.start, span.end))
        for ent in ents:
            if any(i in taken for i in range(ent.start, ent.end)):
                continue
            mention = self._from_entity(ent, blocked)
            if mention is not None:
                found.append(mention)
                # a name the model cut short reaches past its entity
                taken.update(range(ent.start, ent.end), _token_range(doc, mention))
        # One sense per story: a name the model tags as a place somewhere in
        # the article is that place where it calls it a person or a firm.
        # Only names the gazetteer knows: an unknown "GPE" may be a slip.
        tagged = {m.name: name_key(m.name) for m in found if m.label in PLACE_LABELS}
        known = self.gazetteer.known_keys(tagged.values())
        named_places = {name for name, key in tagged.items() if key in known}
        leading: set[int] = set()
        for span in self._org_overrides(overridable, taken, named_places, leading=leading):
            # "the New York Times", "the Kurdistan Workers Party": a place that only
            # leads an organisation's name is a place inside a name
            label = IN_A_NAME_LABEL if span.start in leading else "GAZETTEER"
            found.append(self._toponym(span, label))
            taken.update(range(span.start, span.end))
            blocked.difference_update(range(span.start, span.end))
        for mention in self._framed_places(tokens, taken):
            found.append(mention)
            taken.update(_token_range(doc, mention))
            blocked.difference_update(_token_range(doc, mention))
        for span in self._possessors_of_framed(doc, found, taken):
            found.append(self._toponym(span, "GAZETTEER"))
            taken.update(range(span.start, span.end))
            blocked.difference_update(range(span.start, span.end))
        for mention in self._organisation_places(ents, taken):
            found.append(mention)
            taken.update(_token_range(doc, mention))
        for span in local_place_spans(doc, taken, ents=ents):
            found.append(self._toponym(span, LOCAL_LABEL))
            taken.update(range(span.start, span.end))
        found.extend(self._gazetteer_matches(tokens, taken | blocked))
        found.extend(self._joined_to_places(doc, ents, found, taken))
        found.extend(self._loose_demonyms(tokens, taken | blocked, found))
        text = doc_text(doc)
        found = [_the_feature_named_after_it(doc, text, m) for m in found]
        found = [m for m in found if not _names_something_else(doc, m)]
        first_names = _first_names(doc)
        found = [m for m in found if not self._a_common_word_after_all(doc, m, first_names)]
        found = [part for m in found for part in self._ends_of_a_route(doc, m)]
        found.extend(self._other_ends_of_routes(doc, found))
        found.extend(self._ends_of_routes_no_one_found(tokens, found))
        found = [_in_a_group_name(doc, m) for m in found]
        found = [self._capital_of(doc, m) for m in found]
        found = [_building_of(doc, m) for m in found]
        found = [_opened_by_a_street_word(doc, m) for m in found]
        found = [self._named_building(doc, m) for m in found]
        found.sort(key=lambda m: m.start)
        sentences = [(sent.start_char, sent.end_char) for sent in tokens.sentences]
        starts = [start for start, _ in sentences]  # once per article: linear in its length
        widened = [self._widen(text, m, sentences, starts) for m in found]
        owned = own_airspace_mentions(doc, widened, self._country_of)
        found = sorted(widened + owned, key=lambda m: m.start) if owned else widened
        return _with_written_positions(text, found)

    def _a_common_word_after_all(
        self, doc: Doc, mention: Mention, first_names: AbstractSet[str]
    ) -> bool:
        """Whether a small place's name is a common word or a person's here.

        "at Mile 4 roundabout" (a numbered spot: Mīlē is in Ethiopia), "the Old
        Town" (a town's own part: Old Town is in Maine), "during Mass" (not
        "Boston, Mass."), "Jammu and Kashmir Police" (Police is in Poland), and
        a guest's first name once the text has named them in full ("Rustam
        Guliyev …  Rustam, thanks": Rustam is in Pakistan). A country, a
        province written out or a town of standing is still itself.
        """
        if mention.kind is not MentionKind.TOPONYM or mention.label == LOCAL_LABEL:
            return False
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            return False
        words = trim(span)
        if not len(words):
            return False
        candidates = self.gazetteer.candidates(words.text)
        if _exactly_of_standing(candidates, population=ORG_OVERRIDE_POPULATION):
            return False
        lower = [t.lower_ for t in words]
        if len(words) > 1:
            # "Old Town", a town's own part; not Jerusalem's Old City, a town of its own,
            # nor "Old Town, Maine", whose state follows
            return (
                all(w in _GENERIC_NAME_WORDS for w in lower)
                and not _exactly_of_standing(candidates, population=STRONG_POPULATION)
                and not self._a_country_after_a_comma(words)
            )
        word = words[0]
        after = doc[words.end] if words.end < len(doc) else None
        if lower[0] in _NUMBERED_KINDS and after is not None and after.text[:1].isdigit():
            return True  # "Mile 4", "Sector 7", "Gate 3"
        if lower[0] in _BODY_WORDS:
            # "Police", "Army", "Court": a body's name, or its part; not "the chemical
            # plant in Police, Poland", a town its country follows
            return not self._a_country_after_a_comma(words)
        if candidates and all(
            c.feature == "admin1"
            and not c.exact_name
            and name_key(c.name).startswith(lower[0])
            and len(name_key(c.name)) > len(lower[0])
            for c in candidates
        ):
            # a state cut short ("Mass", "Conn", "Tenn") only closes "Boston, Mass."
            return not self._after_a_place_and_comma(words)
        # spoken to, or read as a person: not "the village of Rustam", which the
        # wording marks as a place, nor "in Riverdale" after "Riverdale Lukoil"
        return (
            word.text in first_names
            and mention.label != FRAMED_LABEL
            and (_spoken_to(word) or (word.ent_type_ == "PERSON" and not locative_context(words)))
        )

    def _a_country_after_a_comma(self, span: Span) -> bool:
        """Whether a comma and a country's or a province's name follow: "Police, Poland"."""
        doc = span.doc
        end = span.end
        return (
            end + 1 < len(doc)
            and doc[end].text == ","
            and is_capitalised(doc[end + 1])
            and any(
                c.feature in ("country", "admin1") and c.exact_name
                for c in self.gazetteer.candidates(doc[end + 1].text)
            )
        )

    def _ends_of_a_route(self, doc: Doc, mention: Mention) -> list[Mention]:
        """The two towns a route's hyphenated name joins, or the mention as it is.

        "on the Buea-Limbe road", "the Juba-Nimule highway": a name no entry
        bears whole, of two words each a town the gazetteer holds, before a
        word for a road, is those two towns (the road runs between them), as
        "the Kabul-Jalalabad highway" is when the model tags its halves.
        """
        span = _token_range(doc, mention)
        if (
            len(span) != 3
            or not ends_of_a_route(doc[span.start], doc[span.stop - 1])
            or self.gazetteer.candidates(mention.name)
        ):
            return [mention]
        ends = [doc[span.start : span.start + 1], doc[span.stop - 1 : span.stop]]
        if not all(is_capitalised(end[0]) for end in ends) or not self._towns_of_one_country(
            *(end.text for end in ends)
        ):
            return [mention]
        return [self._toponym(end, "GAZETTEER") for end in ends]

    def _towns_of_one_country(self, first: str, second: str) -> bool:
        """Whether the gazetteer holds both names as towns of one country ("Buea", "Limbe")."""
        countries = {c.country for c in self.gazetteer.candidates(first) if c.feature == "city"}
        return any(
            c.feature == "city" and c.country in countries
            for c in self.gazetteer.candidates(second)
        )

    def _other_ends_of_routes(self, doc: Doc, found: Sequence[Mention]) -> list[Mention]:
        """The town at a route's other end, where the model found only one.

        "the Kumbo-Bamenda highway" with "Bamenda" found: "Kumbo" is the
        road's other end when the gazetteer holds it as a town in a country
        the found end may lie in, and the model reads it as no group, person
        or body ("the Hamas-Israel line" has no town Hamas).
        """
        covered = {i for m in found for i in _token_range(doc, m)}
        ends: list[Mention] = []
        for m in found:
            span = _token_range(doc, m)
            if len(span) != 1:
                continue
            i = span.start
            for other in (i - 2, i + 2):
                if (
                    0 <= other < len(doc)
                    and ends_of_a_route(doc[min(i, other)], doc[max(i, other)])
                    and other not in covered
                    and is_capitalised(doc[other])
                    and doc[other].is_alpha
                    and doc[other].ent_type_ not in _NOT_A_ROUTE_END
                    and self._towns_of_one_country(m.name, doc[other].text)
                ):
                    ends.append(self._toponym(doc[other : other + 1], "GAZETTEER"))
                    covered.add(other)
        return ends

    def _ends_of_routes_no_one_found(
        self, tokens: DocTokens, found: Sequence[Mention]
    ) -> list[Mention]:
        """A town of standing at an end of a route the model tagged no end of.

        "ambushed a column on the Monywa-Pale road": the model tags neither
        name; Monywa, a town of 180,000 by its own name, is the road's end,
        where Pale, in no gazetteer, stays unnamed (and no Pale in Bosnia).
        Only ends the model reads as no group, person or body.
        """
        doc = tokens.doc
        routes = [k for k, lower in enumerate(tokens.lowers) if k >= 3 and lower in ROUTE_WORDS]
        if not routes:
            return []  # most articles: read once from the kept lower-case words
        covered = {i for m in found for i in _token_range(doc, m)}
        ends: list[Mention] = []
        for k in routes:
            first, second = tokens.tokens[k - 3], tokens.tokens[k - 1]
            if not ends_of_a_route(first, second) or {first.i, second.i} & covered:
                continue
            for end in (first, second):
                if (
                    is_capitalised(end)
                    and end.is_alpha
                    and end.ent_type_ not in _NOT_A_ROUTE_END
                    and self._of_standing(end.text)
                ):
                    ends.append(self._toponym(doc[end.i : end.i + 1], "GAZETTEER"))
                    covered.add(end.i)
        return ends

    def _country_of(self, mention: Mention) -> str | None:
        """The ISO code of the country a mention names outright, if it names one."""
        if mention.kind is MentionKind.DEMONYM:
            return mention.demonym_country
        if mention.kind is not MentionKind.TOPONYM:
            return None
        for candidate in self.gazetteer.candidates(mention.name):
            if candidate.feature == "country" and candidate.country:
                return str(candidate.country)
        return None

    def _whole_hyphenated(self, ents: Sequence[Span], tokens: DocTokens) -> tuple[Span, ...]:
        """Entities the model cut inside a hyphenated name, widened to the whole name.

        The model tags "Croix" in "Croix-des-Bouquets" as a person, and "Croix"
        alone is a town in France. A name is whole when its hyphenated run
        has a lower-case particle inside ("Port-au-Prince") or the gazetteer
        holds it: "Russia-Ukraine talks" and "Kherson-based" stay cut.
        """
        wider: dict[int, tuple[int, int]] = {}
        for number, ent in enumerate(ents):
            start, end = _hyphenated_run(tokens, ent.start, ent.end)
            if (start, end) == (ent.start, ent.end):
                continue
            run = tokens.doc[start:end]
            particle = any(t.lower_ in NAME_PARTICLES and not is_capitalised(t) for t in run[1:-1])
            key = name_key(run.text)
            if particle or key in self.gazetteer.known_keys([key]):
                wider[number] = (start, end)
        if not wider:
            return tuple(ents)
        kept: list[Span] = []
        for number, ent in enumerate(ents):
            start, end = wider.get(number, (ent.start, ent.end))
            if kept and start < kept[-1].end:
                continue  # a piece of the name just widened
            kept.append(Span(tokens.doc, start, end, label=ent.label_))
        return tuple(kept)

    def _joined_by_of(self, ents: Sequence[Span], tokens: DocTokens) -> tuple[Span, ...]:
        """Entities the model cut at "of" inside a place's name, joined into the name.

        The model tags "Port of Spain" as two places, "Port" and "Spain":
        the capital of Trinidad is lost, and Spain appears. A capitalised
        word or two, "of" and the entity after it are one entity when the
        gazetteer holds the whole as a place's own name ("Port of Spain",
        "Cape of Good Hope"); "the Bank of England" and "the University of
        Texas" stay as they are.
        """
        doc = tokens.doc
        joined: dict[int, int] = {}  # an entity's index -> the start of its whole name
        for number, ent in enumerate(ents):
            of = ent.start - 1
            if of < 1 or doc[of].lower_ != "of":
                continue
            for start in (of - 1, of - 2):
                if start < 0 or not all(is_capitalised(t) for t in doc[start:of]):
                    break
                whole = doc[start : ent.end]
                if any(
                    c.exact_name and name_key(c.name) == name_key(whole.text)
                    for c in self.gazetteer.candidates(whole.text)
                ):
                    joined[number] = start
                    break
        if not joined:
            return tuple(ents)
        kept: list[Span] = []
        for number, ent in enumerate(ents):
            opening = joined.get(number)
            if opening is None:
                kept.append(ent)
                continue
            while kept and kept[-1].end > opening:
                kept.pop()  # "Port", the piece before "of"
            kept.append(Span(doc, opening, ent.end, label="GPE"))
        return tuple(kept)

    def _split_at_a_preposition(self, ents: Sequence[Span]) -> tuple[Span, ...]:
        """Entities that run two places together across "on", "in" or "near", split.

        The model tags "Tuapse on the Black Sea" as one organisation, and
        Tuapse is lost. Only when the gazetteer knows both sides as written
        (the second without its "the"): "the Council on Foreign Relations"
        stays whole.
        """
        split: list[Span] = []
        for ent in ents:
            cut = next(
                (t.i for t in ent[1:-1] if t.lower_ in _JOINING_PREPOSITIONS and t.is_lower),
                None,
            )
            if cut is None:
                split.append(ent)
                continue
            doc = ent.doc
            left = doc[ent.start : cut]
            after = cut + 2 if doc[cut + 1].lower_ == "the" else cut + 1
            right = doc[after : ent.end]
            keys = [name_key(left.text), name_key(right.text)]
            if (
                len(right)
                and all(is_capitalised(t) for t in (left[0], right[0]))
                and set(keys) <= self.gazetteer.known_keys(keys)
                and not self.gazetteer.candidates(ent.text)  # "Stoke on Trent" is one town
            ):
                split.extend(Span(doc, part.start, part.end, label="GPE") for part in (left, right))
            else:
                split.append(ent)
        return tuple(split)

    def _capital_of(self, doc: Doc, mention: Mention) -> Mention:
        """A national adjective before "capital" as that capital ("the Russian capital").

        The mention covers both words and is looked up under the capital's
        name in GeoNames' country table; any other mention is returned as is.
        """
        if mention.kind is not MentionKind.DEMONYM or mention.demonym_country is None:
            return mention
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or span.end >= len(doc) or doc[span.end].lower_ != "capital":
            return mention
        capital = self.capitals.get(mention.demonym_country)
        if capital is None:
            return mention
        whole = doc[span.start : span.end + 1]
        return _span_mention(whole, MentionKind.TOPONYM, name=capital, label=CAPITAL_LABEL)

    def _named_building(self, doc: Doc, mention: Mention) -> Mention:
        """A name before a lower-case building word with no article, as that building.

        "taken to Madina hospital" names a hospital, as "Madina Hospital"
        would: no "a" or "the" says it is a hospital somewhere in Madina
        ("a Gaza hospital"). Only a name no country, province or city of
        100,000 bears as its own: "taken to Kabul hospital" stays Kabul.
        Any other mention is returned as is.
        """
        if mention.kind is not MentionKind.TOPONYM or mention.label == LOCAL_LABEL:
            return mention
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or span.end >= len(doc) or span.start == 0:
            return mention
        after, before = doc[span.end], doc[span.start - 1]
        if not (after.is_lower and after.lower_ in _BUILDING_WORDS):
            return mention
        if before.lower_ in _DETERMINERS or before.tag_ == "POS" or before.pos_ == "DET":
            return mention
        candidates = self.gazetteer.candidates(mention.name)
        if _exactly_of_standing(candidates, population=ORG_OVERRIDE_POPULATION):
            return mention
        whole = doc[span.start : span.end + 1]
        return _span_mention(whole, MentionKind.TOPONYM, name=whole.text, label=LOCAL_LABEL)

    # -- pass 0: names the model cut apart ----------------------------------
    def _paired_names(self, doc: DocTokens) -> list[Span]:
        """Countries and provinces whose names join two names with "and".

        "Trinidad and Tobago", "Antigua and Barbuda", "St Vincent and the
        Grenadines" (known as "Saint …"): the model tags the two halves apart
        (or as people), and each half is a place of its own. Every possible
        pair is looked up in one query; only known ones are weighed.
        """
        last = len(doc) - 1
        pairs = {
            i: _pairs_around(doc, i)
            for i, lower in enumerate(doc.lowers)
            if lower in _NAME_JOINERS and 0 < i < last
        }
        spellings = {  # each pair as written and with "St" spelled "Saint"
            span.text: (span.text, saint_spelled_out(span.text))
            for around in pairs.values()
            for span in around
        }
        known = self.gazetteer.known_keys(
            name_key(name) for names in spellings.values() for name in names
        )
        spans: list[Span] = []
        for i, around in pairs.items():
            if spans and i < spans[-1].end:
                continue
            best = None
            for span in around:
                if any(
                    name_key(name) in known
                    and any(
                        c.feature in ("country", "admin1") for c in self.gazetteer.candidates(name)
                    )
                    for name in spellings[span.text]
                ):
                    best = span
            if best is not None:
                spans.append(best)
        return spans

    def _split_names(self, doc: Doc, taken: list[Span], ents: Sequence[Span]) -> list[Span]:
        """Place names the model cut into two entities side by side.

        "Boa Vista" tagged as GPE "Boa" and ORG "Vista": when one half is a
        place entity and the whole is a place of standing, the whole is taken.
        So is a name whose abbreviated part follows a comma ("Washington,
        D.C.", tagged "Washington" and "D.C."): one place, not a town and a
        province.
        """
        used = {i for span in taken for i in range(span.start, span.end)}
        spans: list[Span] = []
        for left, right in pairwise(ents):
            abbreviated_part = (
                right.start == left.end + 1
                and doc[left.end].text == ","
                and _looks_like_acronym(right.text)
            )
            if not (left.end == right.start or abbreviated_part) or not (
                left.label_ in PLACE_LABELS or right.label_ in PLACE_LABELS
            ):
                continue
            whole = trim(doc[left.start : right.end])
            if any(i in used for i in range(whole.start, whole.end)):
                continue
            if _strong(self.gazetteer.candidates(whole.text), population=STRONG_POPULATION):
                spans.append(whole)
                used.update(range(whole.start, whole.end))
        return spans

    # -- pass 1: entities -------------------------------------------------
    def _from_entity(self, ent: Span, blocked: set[int]) -> Mention | None:
        if ent.label_ == "NORP":
            country = self._demonym_country(ent.text)
            if country:
                return self._demonym(ent, country)
            region = self.regional.get(trim(ent).text)
            return self._regional(trim(ent), region) if region else None
        if ent.label_ == "PERSON":
            # "the Slovak architect": a lone national adjective before a common
            # noun, which the small model sometimes takes for a surname.
            country = self._demonym_country(ent.text) if len(ent) == 1 else None
            if country and modifies_next_noun(ent):
                return self._demonym(ent, country)
            if _opens_a_dateline(ent) and self._a_dateline_town(ent):
                return self._toponym(ent, "GAZETTEER")  # "KHARTOUM — Fighting raged"
            if _A_CAPITAL_OF_AFTER.match(doc_text(ent.doc), ent.end_char) and any(
                c.feature == "city" and c.exact_name for c in self.gazetteer.candidates(ent.text)
            ):
                return self._toponym(ent, "GAZETTEER")  # "Goma, the capital of North Kivu,"
            return None
        if ent.label_ not in PLACE_LABELS and ent.label_ != "FAC":
            return None
        span = self._with_admin_word(trim(ent))
        if not len(span) or not any(is_capitalised(t) for t in span):
            return None
        span = self._longest_known(span)
        key = name_key(span.text)
        known = bool(self.gazetteer.known_keys([key]))
        if ent.label_ == "FAC" and not known:
            return None
        if not known and not locative_context(span) and not _listed_after_a_place(span):
            return None
        if after_title(span) or self._code_after_a_firm(span):
            return None
        return self._toponym(span, ent.label_)

    def _a_dateline_town(self, span: Span) -> bool:
        """Whether capitals before a dateline's dash are a town of standing under its own name.

        Its primary name, not another: "VICTORIA —" is no Hong Kong, whose other
        name Victoria is.
        """
        written = span.text.lower()
        return any(
            c.name.lower() == written
            and (c.feature in ("country", "admin1") or c.population >= _DATELINE_POPULATION)
            for c in self.gazetteer.candidates(span.text)
        )

    def _code_after_a_firm(self, span: Span) -> bool:
        """Whether an abbreviation after a comma closes a firm's name, not a place's.

        "Dimond Kaplan & Rothstein, P.A.": see :meth:`_after_a_place_and_comma`.
        """
        after_comma = span.start > 0 and span.doc[span.start - 1].text == ","
        return (
            after_comma and _looks_like_acronym(span.text) and not self._abbreviates_a_place(span)
        )

    def _abbreviates_a_place(self, span: Span, candidates: list[Candidate] | None = None) -> bool:
        """Whether an all-caps span is a place's abbreviation here (see :func:`_acronym_place`)."""
        if candidates is None:
            candidates = self.gazetteer.candidates(span.text)
        return _acronym_place(
            candidates,
            provinces=self._after_a_place_and_comma(span),
            countries=self._countries_named(span.doc),
        )

    def _after_a_place_and_comma(self, span: Span) -> bool:
        """Whether the span follows a comma and, before it, a name of a place.

        A postal code after a comma is a state in the "Austin, TX" and "San
        Antonio, TX" shape; after a firm's name ("Rothstein, P.A.") it is
        part of the firm. The words before the comma count as a place when
        the model tags them so or the gazetteer knows the last one, two or
        three capitalised words.
        """
        doc = span.doc
        comma = span.start - 1
        if comma < 1 or doc[comma].text != ",":
            return False
        if doc[comma - 1].ent_type_ in PLACE_LABELS:
            return True
        names = []
        for start in range(comma - 1, max(-1, comma - 4), -1):
            if not is_capitalised(doc[start]):
                break
            names.append(name_key(doc[start:comma].text))
        return bool(names) and bool(self.gazetteer.known_keys(names))

    def _with_admin_word(self, span: Span) -> Span:
        """Take in a following "province", "governorate" … when the longer name is known."""
        doc = span.doc
        if not len(span) or span.end >= len(doc) or doc[span.end].lower_ not in _ADMIN_WORDS:
            return span
        if (
            span.end + 2 < len(doc)
            and doc[span.end + 1].lower_ == "of"
            and is_capitalised(doc[span.end + 2])
            and any(
                c.feature == "country" and c.exact_name
                for c in self.gazetteer.candidates(span.text)
            )
        ):
            # "the central Mexico state of Hidalgo": Mexico's state, not México; but
            # "the Chaco region of Paraguay" is the region
            return span
        longer = doc[span.start : span.end + 1]
        return longer if self.gazetteer.known_keys([name_key(longer.text)]) else span

    def _longest_known(self, span: Span) -> Span:
        """The longest known name the entity is part of, when the model cut it short.

        "Goz Beida" tagged as "Beida", "Rio Grande do Sul" as "Rio Grande",
        "Ceamurlia de Jos" as "Ceamurlia": untagged proper nouns just before,
        or small words and proper nouns just after, that make a name the
        gazetteer holds; so does a lower-case common noun after a name no
        entry bears alone ("the Philadelphi corridor": alone, "Philadelphi"
        is one letter from Philadelphia), or one that makes the name of
        another area ("the Gaza strip"). All the longer spans are looked up
        in one query.
        """
        doc = span.doc
        starts = [span.start]
        while len(starts) < 3 and starts[-1] > 0 and _loose_name_word(doc[starts[-1] - 1]):
            starts.append(starts[-1] - 1)
        ends = [span.end]
        end = span.end
        while end < len(doc) and end - span.end < 3:
            token = doc[end]
            if token.lower_ in _CONNECTORS and not is_capitalised(token):
                end += 1
                continue
            if not _loose_name_word(token):
                break
            end += 1
            ends.append(end)
        # A common noun that finishes a name no entry bears alone: "the
        # Philadelphi corridor". A known name keeps its noun out ("Heathrow
        # airport", "Cork city"): the noun only says what the place is.
        nouns = {e + 1 for e in ends if e < len(doc) and _lower_noun(doc[e])}
        longer = {
            name_key(doc[i:j].text): doc[i:j]
            for i in starts
            for j in [*ends, *nouns]
            if (i, j) != (span.start, span.end)
        }
        if not longer:
            return span
        own = name_key(span.text)
        known = self.gazetteer.known_keys([*longer, own])
        found = [longer[key] for key in longer if key in known]
        named = [s for s in found if s.end not in nouns]
        if named:
            return max(named, key=len)
        if own not in known:
            return max(found, key=len) if found else span
        # "the Gaza strip": the noun makes the name of another, wider area.
        for whole in sorted(found, key=len, reverse=True):
            if self._names_another_area(span, whole):
                return whole
        return span

    def _names_another_area(self, name: Span, whole: Span) -> bool:
        """Whether ``whole`` ("Gaza strip") is a curated area that ``name`` alone is not.

        Only areas (territories, regions, seas, rivers, peninsulas …): a noun
        that makes an airport or a town of the name ("Amsterdam airport",
        "Cork city") only says what the place is, and the name stays itself.
        """
        # an area the name reaches only as a short alternate name ("Gaza" for the
        # Gaza Strip) is still another area than the name's own
        own = {c.gazetteer_id for c in self.gazetteer.candidates(name.text) if c.exact_name}
        return any(
            c.feature in _NAMED_AREA_FEATURES and c.gazetteer_id not in own
            for c in self.gazetteer.candidates(whole.text)
        )

    def _org_overrides(
        self,
        ents: Iterable[Span],
        taken: set[int],
        named_places: Collection[str] = (),
        *,
        leading: set[int] | None = None,
    ) -> list[Span]:
        """Place names inside entities the model gave another label.

        A whole ORG/NORP/FAC span (or a one-word PERSON right after a place
        preposition) that is a well-known place is taken as it is; an ORG
        that merely starts with a country, a province or a city of a million
        ("Israel Defense Forces", "New York Times") yields that leading name.
        A whole PERSON or ORG whose name the model tagged as a place
        elsewhere in the story (``named_places``) is that place ("Douma's
        fall" after "rebels in Douma"). A one-word PERSON before a border or a
        coast is the country or island it belongs to ("the Gabon border").
        The first token of each leading name is added to ``leading``.
        """
        spans = []
        # Places accepted here count at once: "in Žilina, Nitra, Prešov and
        # Košice" chains each conjunct to the one before it.
        places = set(taken)
        for ent in ents:
            span = trim(ent)
            dateline = _after_a_dateline_dash(span) if ent.label_ == "DATE" else None
            if dateline is not None:
                # "AMMAN, April 14 - Jordan, Iraq and Lebanon closed ...": the model ran
                # the date on into the story's first name
                if self._names_a_place_of_standing(dateline):
                    spans.append(dateline)
                    places.update(range(dateline.start, dateline.end))
                continue
            if not len(span) or any(i in places for i in range(span.start, span.end)):
                continue
            named_elsewhere = (
                ent.label_ in ("PERSON", "ORG")
                and span.text in named_places
                and not after_title(span)
            )
            if named_elsewhere or (
                ent.label_ == "PERSON"
                and (self._area_before_its_part(span) or self._state_before_its_organ(span))
            ):
                spans.append(span)
                places.update(range(span.start, span.end))
                continue
            if ent.label_ == "NORP" and (
                self._demonym_country(ent.text) or self.regional.get(span.text)
            ):
                continue
            if ent.label_ == "PERSON" and not (
                in_place_position(span, places, words=2)
                or _taken_or_struck(span, ent.label_)
                or a_dated_label(doc_text(span.doc), span.start_char, span.end_char)
                or self._well_known_long_name(span)
                or self._named_as_a_place(span)
                or self._well_known_beyond_a_border_or_after_to(span)
            ):
                continue
            if after_title(span) or span.text.lower().rstrip(".") in PERSON_TITLES:
                continue
            if span.end < ent.end and ent.label_ != "NORP":
                continue
            if (
                ent.label_ in ("PRODUCT", "DATE")
                and not in_place_position(span, places, words=3)
                and not self._a_town_after_its_site(span)
            ):
                continue  # a car named "Tucson" is a car; "the prison of Mirebalais" a town
            if ent.label_ == "DATE" and any(
                t.like_num or t.lower_.rstrip(".") in _CALENDAR_WORDS or not is_capitalised(t)
                for t in span
            ):
                continue
            found = self._override_whole(ent, span, places)
            if found is None and ent.label_ == "ORG":
                found = self._leading_place(span)
                if (
                    found is not None
                    and leading is not None
                    and span[-1].lower_ not in _SITES_NAMED_AFTER_A_PLACE
                    and not _a_list_of_names(ent)
                    and span.doc[found.end].text not in (",", ";")
                ):
                    leading.add(found.start)
            if found is not None:
                spans.append(found)
                places.update(range(found.start, found.end))
        return spans

    def _possessors_of_framed(
        self, doc: Doc, found: Sequence[Mention], taken: set[int]
    ) -> list[Span]:
        """The town whose possessive stands before a framed place, where the model hid it.

        "in Kherson's Dniprovskyi district", which the model tags as one
        organisation: Kherson is the town the district belongs to (and says
        which Dniprovskyi, Kyiv having one too), a country, a province or a
        town of :data:`STRONG_POPULATION` under its own name.
        """
        spans: list[Span] = []
        for mention in found:
            if mention.label != FRAMED_LABEL:
                continue
            start = _token_range(doc, mention).start
            if start < 2 or doc[start - 1].lower_ not in ("'s", "’s"):
                continue
            owner = doc[start - 2 : start - 1]
            if owner.start in taken or not is_capitalised(owner[0]) or owner[0].pos_ != "PROPN":
                continue
            if self._of_standing(owner.text):
                spans.append(owner)
        return spans

    def _framed_places(self, tokens: DocTokens, taken: set[int]) -> list[Mention]:
        """Names the wording marks as places, and well-known places where places stand.

        See :mod:`geo.place_frames`. A name after or before a kind of place
        ("the village of X", "the X district") is a place whether or not the
        gazetteer holds it, and so is the object of a verb of taking or
        bombarding a place ("entered X", "shelled X"), unless the model
        reads a full person's name there; a name in a weaker place position
        ("struck X", "in northern X", "north of X") only when it is a
        country, a province, a city of :data:`ORG_OVERRIDE_POPULATION` or a
        curated area, or when it is listed with such a place in a list of
        :data:`_PLACE_LIST_SIZE` names or more that the model does not call an
        organisation. A name the gazetteer holds in a place position that
        the model tags as nothing or as a nationality that is none ("a road
        in Jezzine") is a place too: only its person and organisation
        labels are worth doubting. National adjectives ("the Syrian city of …") and
        religious or ethnic groups ("Sunni areas") are left to the demonym pass.
        """
        found: list[Mention] = []
        doc = tokens.doc
        framed_all = framed_names(doc, tokens)
        sizes = Counter(f.group for f in framed_all)
        accepted: set[int] = set()
        waiting: list[FramedName] = []
        for framed in framed_all:
            span = framed.span
            if framed.frame != KIND_FRAME:
                span = self._longest_known(span)
                framed = FramedName(span, framed.frame, framed.kind_word, group=framed.group)
            if any(i in taken for i in range(span.start, span.end)):
                accepted.add(framed.group)
                continue
            if self._demonym_country(span.text) or self.regional.get(span.text):
                continue
            if framed.frame != KIND_FRAME and after_title(span):
                continue  # "the 24-year-old Mendoza … were captured": a person
            trimmed = _after_a_community(span) if framed.frame == KIND_FRAME else None
            if trimmed is not None:
                # "the Shiite Kadhimiya district": the district is Kadhimiya
                span = trimmed
                framed = FramedName(span, framed.frame, framed.kind_word, group=framed.group)
            elif span[0].lower_ in _GROUP_WORDS:
                continue
            if framed.frame != KIND_FRAME and _names_an_armed_group(span):
                continue  # "an airstrike against al-Shabaab near Kismayo": at whom
            if all(t.lower_.rstrip(".") in _CALENDAR_WORDS for t in span):
                continue  # "recaptured Wad Madani in January": a month, not Januária
            if framed.frame != KIND_FRAME and self._a_group_before_its_people(span):
                continue  # "an airstrike against al-Shabaab fighters": whose fighters
            if _opens_a_longer_name(span):
                continue  # "across the Line of Control": not the Line Islands
            if span[-1].lower_ in _CONTESTS:
                continue  # "captured the Nations Cup": a trophy, not a place
            if framed.frame == TAKEN_FRAME:
                # "after the fall of Goma", a city the model calls a person; not "the
                # fall of Morsi" (a town in India) nor "the capture of Maduro" (Madurai's
                # other name): only a country, province or big city under its own name
                if _exactly_of_standing(
                    self.gazetteer.candidates(span.text), population=ORG_OVERRIDE_POPULATION
                ):
                    accepted.add(framed.group)
                    found.append(self._framed_mention(framed))
                    taken.update(range(span.start, span.end))
                continue
            seized = (
                framed.frame == SEIZED_FRAME
                and (
                    not (len(span) > 1 and span.root.ent_type_ == "PERSON")
                    or _measured_from(span)
                    or (struck_by_fire(span) and bool(self.gazetteer.candidates(span.text)))
                    # "the army retook Mocímboa da Praia": no one is retaken or
                    # overrun, and the gazetteer holds the name as written
                    or (
                        _done_only_to_places(span)
                        and any(c.exact_name for c in self.gazetteer.candidates(span.text))
                    )
                )
                # "86 Portugese and Czechoslovaks were captured": people the model
                # calls a nationality, which no place bears as its own name
                and not (
                    _read_as_a_people(span)
                    and not any(c.exact_name for c in self.gazetteer.candidates(span.text))
                )
            )
            if span.text.isupper() and not self._well_known(span):
                continue  # "the SME sector", "SEEK base dollars": an acronym
            if _an_acronym_no_town_bears(span, self.gazetteer.candidates(span.text)):
                continue  # "entered the KADIZ": an acronym, not Cádiz under another name
            opened = span[0].text in TOPONYM_OPENERS and len(span) > 1
            # A name the model tags as nothing (or as a nationality that is none: a
            # national adjective was passed over above) that the gazetteer holds, or
            # that "in" and a place found follow ("a checkpoint in Adhaim in
            # northern Iraq").
            label = span.root.ent_type_
            untagged = framed.frame == POSITION_FRAME and (
                (label in _NO_PLACE_LABELS and bool(self.gazetteer.candidates(span.text)))
                or (not label and _placed_in_a_place(span, taken))
                or (
                    label == "WORK_OF_ART"
                    and (
                        self._a_title_that_names_a_town(span)
                        # "around Hsipaw and Kyaukme", one title to the model: a town
                        # the gazetteer holds in a list of one-word names
                        or (
                            len(span) == 1
                            and _in_a_list_entity(span)
                            and bool(self.gazetteer.candidates(span.text))
                        )
                    )
                )
            )
            # A one-word name the model reads as a person is a place only as it is
            # written: "talks between Putin and Ukraine" is no Putian ("Mir Ali"
            # and "Al-Salamiyah" still find their towns).
            person = len(span) == 1 and span.root.ent_type_ == "PERSON"
            # nor is a nationality: "86 Portugese were captured" is no Portuguesa (but
            # "the Tarmiyah pumping station", a town the model calls a people, is)
            person = person or _read_as_a_people(span)
            if not (
                framed.frame == KIND_FRAME
                or seized
                or opened
                or untagged
                or self._well_known(span, transliterated=not person)
            ):
                waiting.append(framed)
                continue
            accepted.add(framed.group)
            found.append(self._framed_mention(framed))
            taken.update(range(span.start, span.end))
        # A list of three or more with a place in it is a list of places:
        # "positions at Homs, Zorvanek and Tal Qarna". A short name the model
        # took for a firm, a person or a date is a place where the text puts it
        # in an area found ("killed at Olangur in Villupuram district"), once
        # every framed place is known.
        for framed in waiting:
            span = framed.span
            if any(i in taken for i in range(span.start, span.end)):
                continue
            listed = (
                framed.group in accepted
                and sizes[framed.group] >= _PLACE_LIST_SIZE
                and span.root.ent_type_ != "ORG"
            )
            # Not after "the": "near the Health Ministry in Bab al-Muadham area".
            label = span.root.ent_type_
            misread = (
                framed.frame in (POSITION_FRAME, SEIZED_FRAME)
                and not (span.start and span.doc[span.start - 1].lower_ == "the")
                and len(span) <= _MISREAD_WORDS
                and not _a_date_or_a_workplace(span)
                and (
                    (
                        framed.frame == POSITION_FRAME
                        and label in _MISREAD_LABELS
                        and _placed_in_a_place(span, taken, in_an_area=True)
                    )
                    # "fighting around Kibumba, north of Goma", a name no source holds,
                    # whatever the model calls it: a bearing from a place found sets it
                    or (label in _SET_BY_A_BEARING_LABELS and _set_by_a_bearing(span, taken))
                )
            )
            if listed or misread:
                found.append(self._framed_mention(framed))
                taken.update(range(span.start, span.end))
        return found

    def _a_title_that_names_a_town(self, span: Span) -> bool:
        """Whether a name of several words the model calls a title is a town's, whole.

        "Insurgents attacked Mocimboa da Praia": the whole title, and a town's
        own name; not "the Battle for Shaddadi", whose first word is a town in
        England.
        """
        ent = next((e for e in span.doc.ents if e.start <= span.start < e.end), None)
        return (
            len(span) > 1
            and ent is not None
            and (ent.start, ent.end) == (span.start, span.end)
            and any(
                c.exact_name and c.feature == "city" for c in self.gazetteer.candidates(span.text)
            )
        )

    def _well_known(self, span: Span, *, transliterated: bool = True) -> bool:
        """A country, a province, a city of :data:`ORG_OVERRIDE_POPULATION` or a curated area.

        Under the name as written or, when no place bears it and
        ``transliterated`` allows, under a transliteration of it ("Hodeidah"
        for Al Hudaydah).
        """
        candidates = self.gazetteer.candidates(span.text)
        if not candidates:
            return transliterated and self._transliterates_a_place(
                span.text, population=ORG_OVERRIDE_POPULATION
            )
        return any(
            c.feature in ("country", "admin1")
            or c.population >= ORG_OVERRIDE_POPULATION
            or (c.source != "geonames" and c.feature in _ARTICLE_FEATURES)
            for c in _own_or_alike(span.text, candidates)
            if c.exact_name or c.population >= ORG_OVERRIDE_POPULATION
        )

    def _transliterates_a_place(self, name: str, *, population: int) -> bool:
        """Whether ``name`` transliterates a country, a province or a city of ``population``."""
        return any(
            c.feature in ("country", "admin1") or c.population >= population
            for c in self.gazetteer.transliterated(name)
        )

    @staticmethod
    def _framed_mention(framed: FramedName) -> Mention:
        """The mention of a framed name: looked up with its kind word when a list shares one."""
        span = framed.span
        name = f"{span.text} {framed.kind_word}" if framed.kind_word else span.text
        return _span_mention(span, MentionKind.TOPONYM, name=name, label=FRAMED_LABEL)

    def _town_of_the_country_before(self, span: Span, candidates: list[Candidate]) -> bool:
        """Whether a name of two words or more is a town of the country owning it.

        "Spain's Santiago de Compostela hosted a festival": the model reads
        the town as an organisation, whose leading "Santiago" would be
        Chile's capital. A town that bears the whole name, in the country
        whose possessive stands right before it, is the place.
        """
        doc = span.doc
        if len(span) < 2 or span.start < 2 or doc[span.start - 1].lower_ not in ("'s", "’s"):
            return False
        owner = doc[span.start - 2]
        countries = {
            c.country
            for c in self.gazetteer.candidates(owner.text)
            if c.exact_name and c.feature == "country"
        }
        return any(
            c.exact_name and c.feature == "city" and c.country in countries for c in candidates
        )

    def _area_before_its_part(self, span: Span) -> bool:
        """Whether a one-word name of a country, province or island names a part of it.

        "near the Gabon border", "Java's southern coast": a person has no
        border or coast, so the model's PERSON is the area.
        """
        if len(span) != 1 or span.end + 1 >= len(span.doc) or after_title(span):
            return False
        after = span.doc[span.end]
        if after.lower_ in ("'s", "’s"):
            after = span.doc[span.end + 1]
            if after.lower_ in POSITION_WORDS and span.end + 2 < len(span.doc):
                after = span.doc[span.end + 2]
        if after.lower_ not in _AREA_NOUNS or not after.is_lower:
            return False
        return any(
            c.exact_name and c.feature in ("country", "admin1", "island")
            for c in self.gazetteer.candidates(span.text)
        )

    def _state_before_its_organ(self, span: Span) -> bool:
        """Whether a one-word country name owns an organ of state: "Jordan's air force".

        A person has no air force, army or foreign ministry: the model's PERSON
        ("Jordan", "Georgia", "Chad") is the country.
        """
        doc = span.doc
        if len(span) != 1 or span.end + 1 >= len(doc) or after_title(span):
            return False
        if doc[span.end].lower_ not in ("'s", "’s"):
            return False
        organ = doc[span.end + 1 : span.end + 3]
        words = [t.lower_ for t in organ]
        if not (words[:1] and words[0] in _STATE_ORGANS) and " ".join(words) not in _STATE_ORGANS:
            return False
        return any(
            c.exact_name and c.feature == "country" for c in self.gazetteer.candidates(span.text)
        )

    def _override_whole(self, ent: Span, span: Span, places: set[int]) -> Span | None:
        if ent.label_ == "NORP" and all(t.lower_ in _GROUP_WORDS for t in span):
            # "a Jewish seminary", "Kurdish fighters": a people or a faith, never the
            # province that bears the word ("Jewish" is how GeoNames-style records
            # shorten the Jewish Autonomous Oblast)
            return None
        candidates = self.gazetteer.candidates(span.text)
        if not candidates:
            # "a ship was attacked off Hodeidah", tagged an organisation: a city that
            # stands under a transliteration (as the resolver takes it), right after
            # "off", "in", "near" …; not "at Mitiga", an airport named before
            known = (
                ent.label_ == "ORG"
                and _right_after_a_locative(span)
                and self._transliterates_a_place(span.text, population=TRANSLITERATED_STANDING)
            )
            return span if known else None
        if _looks_like_acronym(span.text) and not self._abbreviates_a_place(span, candidates):
            return None
        if _an_acronym_no_town_bears(span, candidates):
            return None  # "entered the KADIZ": an acronym, not Cádiz under another name
        preceded_by_the = ent.start < span.start or (
            span.start > 0 and span.doc[span.start - 1].lower_ == "the"
        )
        if (
            preceded_by_the
            and not modifies_next_noun(span)
            and not any(c.feature in _ARTICLE_FEATURES for c in candidates)
        ):
            return None  # "the Centre", "the Mission": an institution, not a place
        if (
            self._named_as_a_place(span, candidates)
            or self._town_of_the_country_before(span, candidates)
            or (ent.label_ in ("PRODUCT", "DATE") and self._a_town_after_its_site(span))
        ):
            return span
        if _taken_or_struck(span, ent.label_) and _strong(
            _own_or_alike(span.text, candidates), population=STRONG_POPULATION
        ):
            # "JNIM besieged Djibo", "the army retook Sittwe": what troops take or
            # shell is a place, when a town of standing bears the name as its own
            return span
        lenient = ent.label_ == "NORP" or (
            ent.label_ in ("PERSON", "ORG", "PRODUCT", "DATE")
            and in_place_position(span, places, words=2 if ent.label_ == "PERSON" else 3)
        )
        if lenient:
            # A town known by this name only as an alternate name: "Hamas" is
            # one of Hamm's, "Kobane" one of Ayn al-Arab's. Only the firmest
            # place position lets it outweigh the model's organisation
            # ("clashes in Kobane"); a list ("Israeli and Hamas delegations"),
            # "from" ("gunmen from Hamas") or a compound ("in Hamas-run Gaza")
            # does not.
            if (
                ent.label_ == "ORG"
                and not _right_after_a_locative(span)
                and not _strong(
                    _own_alike_or_big(span.text, candidates), population=STRONG_POPULATION
                )
            ):
                return None
            return span if _strong(candidates, population=STRONG_POPULATION) else None
        # Outside a place's position, the model's organisation or person stands
        # unless the name is the place's own or spelled like it ("Kiev",
        # "Qamishli"), or names a country or a province ("DRC", "NSW"):
        # "Hamas" is an alternate name of Hamm, a German city of 180,000, and
        # "Google" one of Topeka.
        own = _own_or_alike(span.text, candidates)
        return span if _strong(own, population=ORG_OVERRIDE_POPULATION) else None

    def _a_group_before_its_people(self, span: Span) -> bool:
        """Whether a name no town or province bears says whose fighters or positions follow.

        "an airstrike against al-Shabaab fighters", "struck Wagner positions":
        the frame around them says nothing of where such a name is. A town or
        a province the gazetteer holds is where its fighters or positions are
        ("shelled Avdiivka positions", "raided Jenin militants").
        """
        doc = span.doc
        if span.end >= len(doc) or doc[span.end].lower_ not in _ITS_PEOPLE:
            return False
        return not any(
            c.feature != "city" or c.population >= _TOWN_OF_ITS_FIGHTERS
            for c in self.gazetteer.candidates(span.text)
        )

    def _a_town_after_its_site(self, span: Span) -> bool:
        """Whether a building's word and "of" before the name make it a town the gazetteer holds.

        "attacked the civil prison of Mirebalais", a product to the model.
        Only for a name the model calls a product or a date: "the market of
        Omar" names a man.
        """
        doc = span.doc
        if span.start < 2 or doc[span.start - 1].lower_ != "of":
            return False
        if doc[span.start - 2].lower_ not in _SITES_OF_A_TOWN:
            return False
        return any(
            c.feature == "city" and c.exact_name for c in self.gazetteer.candidates(span.text)
        )

    def _named_as_a_place(self, span: Span, candidates: list[Candidate] | None = None) -> bool:
        """Whether the text itself says the name is a place, whatever the model said.

        After a kind of place and "of" ("the island of Java", "the province
        of Cordoba"); an island after "on" ("on Oahu"); a province closing a
        site's name after a comma ("Brands Hatch, Kent."); or a name followed
        by a country or province that one of its candidates lies in
        ("Kampungu, Namibia"). The name's ``candidates`` are looked up only
        when one of these cues is there (most people's names have none).
        """
        doc = span.doc
        before = doc[span.start - 1].lower_ if span.start else ""
        if before == "of" and span.start >= 2 and doc[span.start - 2].lower_ in PLACE_KIND_NOUNS:
            return True
        if _set_by_a_bearing(span, None):
            return True  # "Rebels attacked Kolvari, 40 km south of Beni"
        site = closes_a_site_name(span)
        qualifier = None if before == "on" else qualifier_after(span)
        if before != "on" and not site and qualifier is None:
            return False
        if candidates is None:
            candidates = self.gazetteer.candidates(span.text)
        if before == "on":
            return any(c.feature == "island" for c in candidates)
        if site and any(c.feature == "admin1" and c.exact_name for c in candidates):
            return True
        if qualifier is None:
            return False
        countries = {
            c.country
            for c in self.gazetteer.candidates(qualifier.text)
            if c.feature in ("country", "admin1")
        }
        return any(c.country in countries for c in candidates)

    def _countries_named(self, doc: Doc) -> tuple[str, ...]:
        """ISO codes of the countries ``doc`` names outright, by name or adjective.

        Worked out once per document and kept in ``doc.user_data`` (as a
        sorted tuple, which ``Doc.to_bytes`` can still serialise).
        """
        known = doc.user_data.get(_COUNTRIES_KEY)
        if known is None:
            codes = set()
            for ent in doc.ents:
                if ent.label_ == "NORP":
                    code = self._demonym_country(ent.text)
                    if code:
                        codes.add(code)
                elif ent.label_ == "GPE":
                    codes.update(
                        str(c.country)
                        for c in self.gazetteer.candidates(trim(ent).text)
                        if c.feature == "country" and c.country
                    )
            known = doc.user_data[_COUNTRIES_KEY] = tuple(sorted(codes))
        return tuple(known)

    def _well_known_beyond_a_border_or_after_to(self, span: Span) -> bool:
        """Whether a one-word "person" is a country (or big city) where such places stand.

        "close to the border with Mali": what a border is shared with is a
        country or a province. "Aid deliveries to Jordan": after "to", a
        country's name (or a city of :data:`EMBEDDED_CITY_POPULATION`) is the
        place; a town is not ("She spoke to Norwich"), and neither is a name a
        clause about a person follows ("to Jordan, who scored"). So is a
        country's name that acts on what is "its" ("Jordan closed its
        airspace"): no one calls a person's things "its". The small
        model tags many African and Middle Eastern countries PERSON; a
        person's bare first name rarely stands in these positions.
        """
        if len(span) != 1 or after_title(span) or followed_by_a_person_clause(span):
            return False
        if after_a_border_word(span):
            features: tuple[str, ...] = ("country", "admin1")
            population = EMBEDDED_CITY_POPULATION
        elif (span.start > 0 and span.doc[span.start - 1].lower_ == "to") or _acts_on_its_own(span):
            features, population = ("country",), EMBEDDED_CITY_POPULATION
        else:
            return False
        return _exactly_of_standing(
            self.gazetteer.candidates(span.text), population=population, features=features
        )

    def _joined_to_places(
        self, doc: Doc, ents: Iterable[Span], found: list[Mention], taken: set[int]
    ) -> list[Mention]:
        """One-word "people" or "firms" joined to a place found, that name a town of its country.

        "Deployed reinforcements to Gao and Timbuktu", "fighting between
        Kupiansk and Izium": the small model calls Gao a person and Kupiansk
        an organisation beside a place. A town of 1,000 people or more the
        gazetteer holds under that name, in a country the partner may lie in,
        is that town, when a place preposition opens the pair ("to", "in",
        "between" …): the partner must be a place already found, and "Wagner
        and Moscow fell out" or "statues of Madison and Washington" are no
        pair of places.
        """
        by_start: dict[int, Mention] = {}
        by_end: dict[int, Mention] = {}
        by_kind_end: dict[int, Mention] = {}
        for mention in found:
            if mention.kind is MentionKind.TOPONYM:
                tokens = _token_range(doc, mention)
                if tokens:
                    by_start[tokens.start], by_end[tokens.stop - 1] = mention, mention
                    if tokens.stop < len(doc) and doc[tokens.stop].lemma_.lower() in _KINDS_AFTER:
                        by_kind_end[tokens.stop] = mention  # "the Qandil mountains and Sinjar"
        joined: list[Mention] = []
        for span in _one_word_names(ents):
            if span.start in taken:
                continue
            if self._demonym_country(span.text):
                continue
            if after_title(span) or followed_by_a_person_clause(span):
                continue
            after, before = span.end, span.start - 1
            partner, first = None, span.start
            if after + 1 < len(doc) and doc[after].lower_ in _JOINERS:
                partner = by_start.get(after + 1)
            if partner is None and before >= 1 and doc[before].lower_ in _JOINERS:
                partner = by_end.get(before - 1)
                if partner is None and doc[before].lower_ in ("and", "or"):
                    # not after a comma: "in Kapho district, Pattani" names its province
                    partner = by_kind_end.get(before - 1)
                first = _token_range(doc, partner).start if partner is not None else first
            if partner is None:
                continue
            while first >= 2 and doc[first - 1].lower_ in _JOINERS and first - 2 in by_end:
                first = _token_range(doc, by_end[first - 2]).start  # "to Mombasa, Kisumu and X"
            opener = first - 1
            if opener > 0 and doc[opener].lower_ == "the":
                opener -= 1  # "in the Temryuk and Anapa districts"
            if opener < 0 or doc[opener].lower_ not in _LIST_OPENERS:
                continue  # "Wagner and Moscow fell out", "statues of Madison and Washington"
            countries = {c.country for c in self.gazetteer.candidates(partner.name) if c.country}
            if any(
                c.feature == "city"
                and c.country in countries
                and c.population >= _JOINED_TOWN_POPULATION
                for c in self.gazetteer.candidates(span.text)
            ):
                joined.append(self._toponym(span, "GAZETTEER"))
        joined.extend(self._towns_listed_as_one(doc, ents, taken))
        return joined

    def _towns_listed_as_one(
        self, doc: Doc, ents: Iterable[Span], taken: set[int]
    ) -> list[Mention]:
        """Towns of one country listed in one entity of the model's, after a place preposition.

        "deployed to Tibú and Ocaña" (an organisation to the model), "on the
        road between Macomia and Mocimboa da Praia" (a title): neither name is
        found on its own, so no partner vouches for the other. Each member,
        of one word or more, must be a town the gazetteer holds under that
        very name, of :data:`_JOINED_TOWN_POPULATION` or more, all in one
        country.
        """
        found: list[Mention] = []
        for ent in ents:
            if ent.label_ not in _JOINED_LABELS and ent.label_ != "WORK_OF_ART":
                continue
            span = trim(ent)
            if any(i in taken for i in range(span.start, span.end)):
                continue
            opener = span.start - 1
            if opener > 0 and doc[opener].lower_ == "the":
                opener -= 1
            if opener < 0 or doc[opener].lower_ not in _LIST_OPENERS:
                continue
            members = _members_of(span)
            if len(members) < 2:
                continue
            countries: set[str] | None = None
            for member in members:
                towns = {
                    c.country
                    for c in self.gazetteer.candidates(member.text)
                    if c.feature == "city"
                    and c.exact_name
                    and c.population >= _JOINED_TOWN_POPULATION
                    and c.country
                }
                countries = towns if countries is None else countries & towns
                if not countries:
                    break
            if countries:
                found.extend(self._toponym(member, "GAZETTEER") for member in members)
        return found

    def _well_known_long_name(self, span: Span) -> bool:
        """Whether a name of two words or more is, exactly, a country, a province or a big city.

        The small model calls some such names people ("Tamil Nadu"); a
        person's full name rarely is one. One-word names stay people
        ("Jordan", "Georgia", "Victoria") unless their position says place.
        A province's official long form counts too ("Sokoto State" for
        Sokoto).
        """
        if len(span) < 2:
            return False
        candidates = self.gazetteer.candidates(span.text)
        return _exactly_of_standing(candidates, population=ORG_OVERRIDE_POPULATION) or any(
            c.feature == "admin1" and len(c.matched_name.split()) >= 2 for c in candidates
        )

    def _organisation_places(self, ents: Iterable[Span], taken: set[int]) -> list[Mention]:
        """Countries, provinces, big cities and nationalities inside the names of things.

        "Culinary Institute of America", "Air France KLM", "Syrian Observatory
        for Human Rights", "European Investment Bank", "the Ukrainian Law on
        Public Procurement": the organisation, law or event is not a place,
        but its name mentions one, and gold corpora count it. Only names of
        standing are taken (as for a leading name), so a channel named after
        a small town stays a channel. Words already taken (a leading place)
        are stepped over, and the rest of the name is still read.
        """
        found: list[Mention] = []
        for ent in ents:
            if ent.label_ not in _NAMES_WITH_PLACES or _a_list_of_names(ent):
                continue  # "Mombasa, Kisumu": a list the model took for a firm
            span = trim(ent)
            if span[0].lower_ in STREET_OPENERS and len(span) > 1:
                continue  # "the Rue de Brest": a street named after a city, not the city
            i = span.start
            while i < span.end:
                if i in taken:
                    # The words glued to a place already taken finish its name
                    # ("Niger Delta Development Commission"): read on after them.
                    i += 1
                    while i < span.end and i not in taken and is_capitalised(span.doc[i]):
                        i += 1
                    continue
                mention, width = self._organisation_place_at(span, i)
                if mention is not None and any(k in taken for k in range(i, i + width)):
                    mention = None
                if mention is not None:
                    found.append(mention)
                i += width
        return found

    def _organisation_place_at(self, span: Span, i: int) -> tuple[Mention | None, int]:
        """The place name starting at token ``i`` of an organisation's name, and its width."""
        doc = span.doc
        if not is_capitalised(doc[i]) or after_title(doc[i : i + 1]):
            return None, 1
        country = self._demonym_country(doc[i].text)
        if country:
            return self._demonym(doc[i : i + 1], country), 1
        for end in range(min(span.end, i + 2), i, -1):
            region = self.regional.get(doc[i:end].text)
            if region:  # "European Commission", "North American Free Trade Agreement"
                return self._regional(doc[i:end], region), end - i
        for end in range(min(span.end, i + 3), i, -1):
            name = doc[i:end]
            if not all(is_capitalised(t) for t in name):
                continue
            if (
                end < len(doc)
                and doc[end].lower_ == "of"
                and not _itself_inside_a_name(self.gazetteer.candidates(name.text))
            ):
                continue  # "Line of Control": the name is about what follows "of"
            if self._names_a_place_of_standing(name):
                return self._toponym(name, IN_A_NAME_LABEL), end - i
        return None, 1

    def _names_a_place_of_standing(self, name: Span) -> bool:
        """A country, a province or a city of a million; an abbreviation only of a country.

        "UK" and "U.S." are countries; "BA" (a Fijian province, and an
        airline) and "PA" are not taken inside an organisation's name.
        """
        candidates = self.gazetteer.candidates(name.text)
        if _looks_like_acronym(name.text):
            return _acronym_place(candidates, provinces=False)
        return _exactly_of_standing(candidates, population=EMBEDDED_CITY_POPULATION)

    def _leading_place(self, span: Span) -> Span | None:
        """The longest leading place name of an organisation's name, if well known.

        A town of :data:`STRONG_POPULATION` or more leads the name of its own
        public service ("Boise Fire Department", "Tulsa Police"): the word
        after it says so, where a big city is needed otherwise.
        """
        for end in range(min(span.end - 1, span.start + 3), span.start, -1):
            head = span.doc[span.start : end]
            if not all(is_capitalised(t) for t in head) or self._demonym_country(head.text):
                continue
            if span.doc[end].lower_ == "of":
                # "Line of Control": a name made with "of" is about what follows; only a
                # country or a great city before it is meant as itself
                if _itself_inside_a_name(self.gazetteer.candidates(head.text)):
                    return head
                continue
            if self._names_a_place_of_standing(head):
                return head  # "New York Times", "U.S. Centers for Disease Control"
            if any(c.feature in _NAMED_FEATURES for c in self.gazetteer.candidates(head.text)):
                return head  # "Mekong River Commission", "Cauvery Management Board"
            if span.doc[end].lower_ in _LOCAL_SERVICE_WORDS and _exactly_of_standing(
                self.gazetteer.candidates(head.text), population=STRONG_POPULATION, features=()
            ):
                return head
        return None

    # -- pass 2: gazetteer n-grams ----------------------------------------
    def _gazetteer_matches(self, tokens: DocTokens, unavailable: set[int]) -> list[Mention]:
        """Runs of capitalised words (and connectors) the gazetteer knows, longest first.

        The runs are read off the kept texts and capitals of ``tokens``: every
        word of every sentence starts a run.
        """
        doc = tokens.doc
        capitalised, lowers = tokens.capitalised, tokens.lowers
        grams: dict[str, list[tuple[int, int]]] = {}
        for sent in tokens.sentences:
            for i in range(sent.start, sent.end):
                if i in unavailable or not capitalised[i]:
                    continue
                for j in range(i + 1, min(i + _MAX_NGRAM, sent.end) + 1):
                    if j - 1 in unavailable:
                        break
                    if not (capitalised[j - 1] or lowers[j - 1] in _CONNECTORS):
                        break
                    if capitalised[j - 1]:
                        grams.setdefault(name_key(tokens.span_text(i, j)), []).append((i, j))
        known = self.gazetteer.known_keys(grams)
        spans = sorted(
            (span for key in known for span in grams[key]),
            key=lambda s: (-(s[1] - s[0]), s[0]),
        )
        chosen: list[Mention] = []
        used: set[int] = set()
        for i, j in spans:
            if any(k in used for k in range(i, j)):
                continue
            span = doc[i:j]
            if not self._acceptable_gazetteer_span(span):
                continue
            used.update(range(i, j))
            chosen.append(self._toponym(span, "GAZETTEER"))
        return chosen

    def _labels_its_line(self, span: Span) -> bool:
        """Whether a round-up's line opens with the name as its label, a place of standing.

        "Kharkiv: Russian drones hit a block", "- **Odesa:** …": the small
        model reads such a word as a common noun. Only a country, a province
        or a town of :data:`STRONG_POPULATION` under its own name, and not a
        name the model calls a person or a body ("Reuters:" opening a
        question in a briefing's transcript).
        """
        text = doc_text(span.doc)
        if any(t.ent_type_ in ("PERSON", "ORG") for t in span) and not a_dated_label(
            text, span.start_char, span.end_char
        ):
            return False  # "Reuters:"; not "Bukavu, 4 March:", which no speaker's label is
        if not labels_its_line(text, span.start_char, span.end_char):
            return False
        if not self._of_standing(span.text):
            return False
        if a_marked_label(text, span.start_char, span.end_char):
            return True  # "- **Odesa:** …", "**Kharkiv** — …"
        # a plain "Kharkiv:" only in a round-up by place, not a transcript's "Chad:"
        round_up = span.doc.user_data.get(_ROUND_UP_KEY)
        if round_up is None:
            labels = plain_labels(text)
            places = sum(self._of_standing(name) for name in labels)
            round_up = span.doc.user_data[_ROUND_UP_KEY] = a_round_up_of_places(labels, places)
        return bool(round_up)

    def _of_standing(self, name: str) -> bool:
        """Whether a country, a province or a town of :data:`STRONG_POPULATION` bears the name."""
        return _exactly_of_standing(self.gazetteer.candidates(name), population=STRONG_POPULATION)

    def _acceptable_gazetteer_span(self, span: Span) -> bool:
        if after_title(span) or span.text.lower().rstrip(".") in PERSON_TITLES:
            return False
        if _opens_a_dateline(span):
            # "TBILISI — Tens of thousands marched": where the story was filed, a
            # town of standing, however the model tagged the capitals
            return self._a_dateline_town(span)
        if self._labels_its_line(span):
            return True  # "Kharkiv: Russian drones hit a block", which the model reads as a noun
        if len(span) == 1:
            token = span[0]
            if token.pos_ != "PROPN" or token.is_stop:
                return False
            if _looks_like_acronym(token.text):
                return self._abbreviates_a_place(span)
            if self._demonym_country(token.text) or token.lower_ in _GROUP_WORDS:
                return False  # "Fano militiamen" are no town in Italy
            if token.lower_ in _NAMES_OF_GOD:
                return False  # "with the help of God": no Göd, a town in Hungary
            if token.lower_.rstrip(".") in _CALENDAR_WORDS and beside_a_number(span):
                return False  # "JUBA, 26 March -": a date, no March in Cambridgeshire
            if (
                span.end < len(span.doc)
                and span.doc[span.end].ent_iob_ == "I"
                and span.doc[span.end].lower_ in _ARMED_MOVEMENTS
            ):
                return False  # "a suspected Abu Sayyaf member": no Ābu, a town in India
        if span[-1].ent_type_ == "PERSON" or span[0].ent_type_ == "PERSON":
            return False
        nxt = span.doc[span.end] if span.end < len(span.doc) else None
        if nxt is not None and nxt.ent_type_ == "PERSON" and nxt.ent_iob_ == "B":
            return False
        written = span.text
        candidates = [
            c for c in self.gazetteer.candidates(written) if not c.code_written_otherwise(written)
        ]
        if not candidates:
            return False  # "Um" in "Um Rawaba" is no "UM"
        if _names_an_outlet(span):
            return False  # "(Meridian Press)", "the Kharkiv Times": a news outlet's name
        if inside_longer_name(span):
            # "Rogers Centre", "the French Quarter", "Eglinton Avenue West": a
            # name the gazetteer does not hold, whose last word only happens
            # to be a place ("Centre" is a Caribbean parish). Only a country
            # or a city of a million is still meant as itself.
            return _itself_inside_a_name(candidates)
        if _before_of_and_a_name(span):
            # "across Line of Control", "the Ministry of Defence": the start of a longer
            # name the gazetteer does not hold; only a country or a great city is itself
            return _itself_inside_a_name(candidates)
        if len(span) == 1 and _starts_a_paragraph_untagged(span):
            # "Police spokesman X said …": a paragraph's first word is
            # capitalised whatever it is, and the model tagged no place.
            # Only a country, province or city of standing is still meant
            # (Police is a Polish town).
            return _exactly_of_standing(candidates, population=ORG_OVERRIDE_POPULATION)
        if len(span) == 1 and _opens_a_longer_name_at_sentence_start(span):
            # "Human Rights Watch …", "Federal Minister …": the first word's
            # capital says nothing, and a longer name starts with it.
            return _exactly_of_standing(candidates, population=ORG_OVERRIDE_POPULATION)
        if _part_of_a_longer_place_entity(span):
            # "inside Abu Shouk camp": the model read "Abu Shouk" as one place,
            # which no source holds; "Abu" alone is a town in India. Only a
            # town is in question: a country, province, sea or region inside
            # it ("Northern Syria", "the Indian Ocean coast") is still itself,
            # and so is a city of standing.
            return any(
                c.feature != "city" or c.population >= ORG_OVERRIDE_POPULATION for c in candidates
            )
        following = span.doc[span.end].lower_ if span.end < len(span.doc) else ""
        if (
            span.start > 0
            and span.doc[span.start - 1].lower_ == "the"
            and following not in _AREA_NOUNS
        ):
            # "the Centre", "the Gulf", "the West Coast": with an article, a
            # name the model did not tag is usually a common noun, unless the
            # gazetteer holds it as a country or a named sea or region. Where
            # "the" belongs to the noun after it ("the Da Nang airport"), a
            # town of standing is still itself.
            return any(c.feature in _ARTICLE_FEATURES for c in candidates) or (
                modifies_next_noun(span) and _strong(candidates, population=ORG_OVERRIDE_POPULATION)
            )
        return _strong(candidates, population=STRONG_POPULATION)

    # -- demonyms ----------------------------------------------------------
    def _demonym_country(self, text: str) -> str | None:
        cleaned = text.strip()
        if cleaned.lower().startswith("the "):
            cleaned = cleaned[4:]
        return self.demonyms.get(cleaned) or self._demonyms_folded.get(cleaned.casefold())

    def _loose_demonyms(
        self, doc: DocTokens, unavailable: set[int], found: list[Mention]
    ) -> list[Mention]:
        starts = {m.start for m in found}
        extra = []
        for token, capitalised in zip(doc.tokens, doc.capitalised, strict=True):
            if not capitalised or token.i in unavailable or token.idx in starts:
                continue
            if token.pos_ not in ("ADJ", "PROPN", "NOUN"):
                continue
            if token.i + 1 < len(doc) and doc.texts[token.i + 1] in _LANDFORM_NAMES:
                continue  # "the Turkmen Mountains", a range in Syria: no Turkmenistan
            country = self._demonym_country(token.text)
            if country:
                extra.append(self._demonym(doc[token.i : token.i + 1], country))
            elif token.text in self.regional:
                extra.append(self._regional(doc[token.i : token.i + 1], self.regional[token.text]))
        return extra

    # -- building mentions --------------------------------------------------
    @staticmethod
    def _toponym(span: Span, label: str) -> Mention:
        return _span_mention(span, MentionKind.TOPONYM, name=span.text, label=label)

    @staticmethod
    def _demonym(span: Span, country: str) -> Mention:
        return _span_mention(
            span, MentionKind.DEMONYM, name=span.text, label="NORP", demonym_country=country
        )

    @staticmethod
    def _regional(span: Span, place: str) -> Mention:
        """A regional adjective ("European") standing for a region or continent."""
        return _span_mention(span, MentionKind.DEMONYM, name=place, label="NORP")

    @staticmethod
    def _widen(
        text: str, mention: Mention, sentences: list[tuple[int, int]], starts: list[int]
    ) -> Mention:
        """The mention widened to the phrase around it (``starts``: each sentence's start)."""
        index = bisect.bisect_right(starts, mention.start) - 1
        if index < 0:
            return mention
        sentence_start, sentence_end = sentences[index]
        match = find_phrase(
            text,
            mention.anchor_start,
            mention.anchor_end,
            sentence_start=sentence_start,
            sentence_end=sentence_end,
        )
        if match is None:
            return mention
        return Mention(
            start=match.start,
            end=match.end,
            text=text[match.start : match.end],
            kind=MentionKind.PHRASE,
            name=mention.name,
            anchor_start=mention.anchor_start,
            anchor_end=mention.anchor_end,
            label=mention.label,
            area=match.spec,
            demonym_country=mention.demonym_country,
        )


_NOT_A_ROUTE_END = frozenset({"ORG", "NORP", "PERSON"})
"""Labels of a word joined to a place by a hyphen that make it no town: "Hamas-Israel"."""


_DATELINE_DASHES = frozenset({"—", "–", "--", "-"})
"""What ends a dateline before the story's first word: "TBILISI, Georgia — Police …"."""


def _with_written_positions(text: str, found: list[Mention]) -> list[Mention]:
    """``found`` with the positions the text writes as coordinates ("13.2°N, 13.9°E").

    A position is read by its form alone, and no name inside it stands: the
    "N" of "12°N" is no place of its own.
    """
    positions = written_positions(text)
    if not positions:
        return found
    kept = [m for m in found if not any(p.start < m.end and m.start < p.end for p in positions)]
    return sorted(kept + [position_mention(p, text) for p in positions], key=lambda m: m.start)


def _starts_a_paragraph_untagged(span: Span) -> bool:
    """Whether the model tagged ``span`` as nothing and it opens a paragraph or the story.

    The story opens at the text's start or after its dateline: after "KYIV,
    Ukraine —" the first word is capitalised whatever it is, as at a
    paragraph's start.
    """
    doc = span.doc
    if span[0].ent_type_:
        return False
    if span.end < len(doc) and doc[span.end].text == ",":
        return False  # a dateline: "PLEASANTON, Calif. --"
    if span.start > 1 and doc[span.start - 1].text in _DATELINE_DASHES:
        return _ends_a_dateline(doc, span.start - 1)
    return _opens_its_line(span)


def _opens_its_line(span: Span) -> bool:
    """Whether ``span`` opens the text or a line of it."""
    doc = span.doc
    return span.start == 0 or (doc[span.start - 1].is_space and "\n" in doc[span.start - 1].text)


def _after_a_time_stamp(span: Span) -> bool:
    """Whether only a live blog's time stamp stands before ``span`` on its line.

    "**08:12** GOMA — Rebels entered the city": the entry's dateline.
    """
    text = doc_text(span.doc)
    return only_a_time_stamp(text[text.rfind("\n", 0, span.start_char) + 1 : span.start_char])


def _placed_in_a_place(span: Span, places: set[int], *, in_an_area: bool = False) -> bool:
    """Whether "in" and a place found follow the name: "a checkpoint in Adhaim in northern Iraq".

    In a place position, a name the text itself puts in a known place is a
    place, though no gazetteer holds it (the resolver then places it there).
    With ``in_an_area`` the place must be written as a part of a country
    ("in Villupuram district", "in the eastern province of Deir Ezzor"), and
    a comma may come first ("al-Latmana, in Hama province"): the test for a
    name the model took for a firm, a person or a date, which "works at
    Microsoft in northern California" must not pass.
    """
    doc = span.doc
    i = span.end
    if in_an_area and i < len(doc) and doc[i].text == ",":
        i += 1
    if i >= len(doc) or doc[i].lower_ != "in":
        return False
    i += 1
    while i < len(doc) and (doc[i].lower_ == "the" or doc[i].lower_ in POSITION_WORDS):
        i += 1  # "in northern Iraq", "in central Mali"
    if i + 1 < len(doc) and doc[i].lower_ in _CONTAINER_WORDS and doc[i + 1].lower_ == "of":
        return i + 2 in places  # "in the eastern province of Deir Ezzor"
    if i not in places:
        return False
    if not in_an_area:
        return True
    while i in places:
        i += 1
    if i + 1 < len(doc) and doc[i].lower_ in ("'s", "’s") and i + 1 in places:
        i += 1  # "in Afghanistan's Kandahar province": the country's province
        while i in places:
            i += 1
    if i + 1 < len(doc) and doc[i].lower_ == "local" and doc[i + 1].lower_ == "government":
        return True  # "near Dzur in Hawul local government area": a district's name
    return doc[i - 1].lower_ in _CONTAINER_WORDS or (
        i < len(doc) and doc[i].lower_ in _CONTAINER_WORDS
    )


def _after_a_community(span: Span) -> Span | None:
    """The name after the community words that open a framed name, if any.

    "the Shiite Kadhimiya district", "the mainly Sunni Adhamiya neighbourhood":
    the sect or people describes the district, whose name follows. Not a
    group's own name ("Islamic State West Africa Province"), and not when
    nothing but community words is left ("Sunni areas").
    """
    doc = span.doc
    start = span.start
    while start < span.end and doc[start].lower_ in _COMMUNITY_WORDS:
        start += 1
    rest = doc[start : span.end]
    if start == span.start or not rest or not all(is_capitalised(t) for t in rest):
        return None  # "the largely Shiite province of Hilla": no name follows
    if rest[0].lower_ in _GENERIC_AFTER_A_COMMUNITY or rest[-1].lower_ in _BODY_WORDS:
        # "the Kurdish Mountains", "the Christian Quarter", "the Sunni Triangle", "the
        # Jewish Autonomous Oblast", "the Kurdish Regional Government": one name
        return None
    return rest


#: Group words that describe who lives in a place, before its name.
_COMMUNITY_WORDS = _GROUP_WORDS - {"islamic"}
#: Words for a body that a community word names ("the Palestinian Authority").
_BODY_WORDS = frozenset({"authority", "government", "administration", "council"})
#: Words that, after a community word, make one name with it: "the Christian
#: Quarter", "the Sunni Triangle", "the Jewish Autonomous Oblast".
_GENERIC_AFTER_A_COMMUNITY = (
    KIND_WORDS
    | _BODY_WORDS
    | {"quarter", "square", "triangle", "crescent", "belt", "zone", "corridor", "heartland"}
    | {"autonomous", "regional", "federal", "national", "special", "spring", "street"}
)


def _a_date_or_a_workplace(span: Span) -> bool:
    """Whether a name after a place preposition is a time or where someone works.

    "shelled villages in March in Kherson oblast", "at Easter in Donetsk
    region", "an aid worker at Oxfam in Ituri province": no village.
    """
    if any(t.like_num or t.lower_.rstrip(".") in _CALENDAR_WORDS for t in span):
        return True
    preposition = span.doc[span.start - 1] if span.start else None
    return (
        preposition is not None
        and preposition.head.pos_ == "NOUN"
        and preposition.head.lemma_.lower() in _PEOPLE_AT_WORK
    )


#: People said to be "at" a firm or a body: "a researcher at Amnesty in Tigray region".
_PEOPLE_AT_WORK = frozenset(
    {
        "worker", "researcher", "official", "employee", "staff", "spokesman", "spokeswoman",
        "spokesperson", "doctor", "nurse", "analyst", "director", "head", "chief", "engineer",
        "volunteer", "member", "student", "teacher", "professor", "manager", "economist",
        "expert", "fellow", "officer", "representative", "executive", "lecturer",
        "scientist", "journalist", "reporter", "correspondent", "colleague", "source",
    }
)  # fmt: skip


def _listed_after_a_place(span: Span) -> bool:
    """Whether the name closes a list a place opens after a locative: "near El Obeid and Um Rawaba".

    The model tags both names as places; an unknown one stands where a
    place stands as much as the first does.
    """
    doc = span.doc
    i = span.start - 1
    if i < 1 or doc[i].lower_ not in ("and", "or"):
        return False
    i -= 1
    if doc[i].ent_type_ not in PLACE_LABELS:
        return False
    while i > 0 and doc[i].ent_iob_ == "I":
        i -= 1  # to the first word of "El Obeid"
    return locative_context(doc[i : i + 1])


def _after_a_dateline_dash(span: Span) -> Span | None:
    """The capitalised words after a dash that a date entity ran on into ("April 14 - Jordan")."""
    for token in span:
        if token.text in _DATELINE_DASHES and token.i + 1 < span.end:
            rest = span.doc[token.i + 1 : span.end]
            if all(is_capitalised(t) and t.is_alpha for t in rest) and not any(
                t.lower_ in _CALENDAR_WORDS for t in rest
            ):
                return rest
            return None
    return None


def _in_a_list_entity(span: Span) -> bool:
    """Whether the name is one of a list the model tagged as one entity ("Hsipaw and Kyaukme")."""
    ent = next((e for e in span.doc.ents if e.start <= span.start < e.end), None)
    return ent is not None and _a_list_of_names(ent)


def _a_list_of_names(ent: Span) -> bool:
    """Whether an entity is one-word names joined by commas or "and" ("Sderot, Ashkelon")."""
    span = trim(ent)
    names = list(span)[0::2]
    joints = list(span)[1::2]
    return (
        len(span) > 1
        and len(span) % 2 == 1
        and all(is_capitalised(t) and t.is_alpha for t in names)
        and all(t.lower_ in _JOINERS for t in joints)
    )


def _members_of(span: Span) -> list[Span]:
    """The names an entity lists, split at commas and "and"/"or": "Macomia and Mocimboa da Praia".

    Each name opens with a capital; an empty one, or one that opens in lower
    case, makes it no list.
    """
    members: list[Span] = []
    start = span.start
    for token in (*span, None):
        if token is not None and token.lower_ not in _JOINERS:
            continue
        end = span.end if token is None else token.i
        if end > start:
            members.append(span.doc[start:end])
        start = end + 1
    if any(not is_capitalised(member[0]) for member in members):
        return []
    return members


def _one_word_names(ents: Iterable[Span]) -> Iterable[Span]:
    """One-word names the model calls people or firms, alone or listed in one entity.

    "Sderot and Ashkelon" or "Sderot, Ashkelon" is one organisation to the
    small model, as a law firm would be: each of its names is read on its
    own (the caller still asks for a place partner after a place preposition).
    """
    for ent in ents:
        if ent.label_ not in _JOINED_LABELS:
            continue
        span = trim(ent)
        if len(span) == 1:
            yield span
        elif _a_list_of_names(ent):
            yield from (span.doc[t.i : t.i + 1] for t in list(span)[0::2])


_DATELINE_LENGTH = 12
"""Most tokens a dateline holds before its dash: "NEW YORK, N.Y. —", "KYIV, Ukraine —",
"COX'S BAZAR, Bangladesh, Nov 22 (Reuters) -"."""


def _ends_a_dateline(doc: Doc, dash: int) -> bool:
    """Whether the dash at ``dash`` closes a dateline that opens its line.

    "TBILISI, Georgia — Police …": a few capitalised words and commas from
    the start of the text or of a line. Not a dash inside a sentence:
    "Fighting spread in Sudan — Babanusa fell".
    """
    i = dash - 1
    while i >= 0 and dash - i <= _DATELINE_LENGTH:
        token = doc[i]
        if token.is_space:
            return "\n" in token.text and i < dash - 1
        if not (token.text in _DATELINE_MARKS or is_capitalised(token) or token.like_num):
            # "**08:12** GOMA —": a live blog's time stamp may open the line
            return i < dash - 1 and _after_a_time_stamp(doc[i + 1 : dash])
        i -= 1
    return i < 0 and dash > 0


_DATELINE_MARKS = frozenset({",", ".", "(", ")", "'S", "'s"})
"""Besides names and numbers, what a dateline holds: "COX'S BAZAR, Nov 22 (Wire) -"."""

_A_CAPITAL_OF_AFTER = re.compile(
    r",\s+(?:the\s+)?(?:(?:provincial|regional|state|district|national|economic)\s+)?"
    r"capital\s+of\s+[A-Z]"
)
"""What after a name makes it a town, whatever the model read: ", the capital of North Kivu"."""

_DATELINE_POPULATION = 20_000
"""The least population of a town read off an all-capitals dateline the model did not tag:
wires file from towns of some size, and "BREAKING —" names none."""


def _opens_a_dateline(span: Span) -> bool:
    """Whether an all-capitals name opens its line and a dateline's dash soon closes it.

    "TBILISI — Tens of thousands marched", "GOMA, Congo, Feb 3 (Wire) - …":
    the small model often tags such a word as nothing or as a person.
    """
    doc = span.doc
    if not all(t.text.isupper() or t.text in ("-", "'S") for t in span):
        return False
    if not (_opens_its_line(span) or _after_a_time_stamp(span)):
        return False
    for k in range(span.end, min(span.end + _DATELINE_LENGTH, len(doc))):
        if doc[k].is_space:
            return False
        if doc[k].text in _DATELINE_DASHES:
            return _ends_a_dateline(doc, k)
    return False


#: Buildings a name before them may name ("Madina hospital"): not airports,
#: stations or ports, which news names by their town ("Heathrow airport").
_BUILDING_WORDS = frozenset({"hospital", "clinic", "mosque", "church", "hotel", "cathedral"})
#: Words before a name that make "X hospital" a hospital in X ("a Gaza hospital").
_DETERMINERS = frozenset({"a", "an", "the", "its", "their", "his", "her", "one", "another"})


def _building_of(doc: Doc, mention: Mention) -> Mention:
    """A national adjective that opens a building's name, as that building ("Saudi Hospital").

    "medics at the city's Saudi Hospital" names a hospital in that city, not
    Saudi Arabia: the adjective and the capitalised street or building word
    after it ("Hospital", "Mosque", "Street") are one local name, placed in
    its town by :mod:`geo.local_places`. Any other mention is returned as is.
    """
    if mention.kind is not MentionKind.DEMONYM:
        return mention
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or span.end >= len(doc):
        return mention
    after = doc[span.end]
    if not (after.is_alpha and after.text[:1].isupper()):
        return mention
    whole = doc[span.start : span.end + 1]
    if not looks_local_name(whole.text) or is_local_area_name(whole.text):
        return mention
    return _span_mention(whole, MentionKind.TOPONYM, name=whole.text, label=LOCAL_LABEL)


#: Capitalised words that end the name of a news outlet: "Meridian Press", "Kharkiv Times".
_OUTLET_WORDS = frozenset(
    {"press", "news", "agency", "times", "post", "herald", "tribune", "journal", "gazette",
     "wire", "radio", "television", "tv", "telegraph", "chronicle", "observer", "daily"}
)  # fmt: skip


def _names_an_outlet(span: Span) -> bool:
    """Whether a capitalised word that names a news outlet follows the name.

    The word ends the name ("(Meridian Press)", not "the Sumy Post Office"),
    in parentheses (a wire's credit) or in a sentence not written in headline
    capitals ("Troops Near Pokrovsk Press Counterattack").
    """
    doc = span.doc
    if span.end >= len(doc):
        return False
    after = doc[span.end]
    if not (after.lower_ in _OUTLET_WORDS and after.text[:1].isupper()):
        return False
    if span.end + 1 < len(doc) and doc[span.end + 1].is_alpha and doc[span.end + 1].is_title:
        return False
    if span.start > 0 and doc[span.start - 1].text == "(":
        return True  # a wire's credit, "(Meridian Press)", in any capitals
    return not headline_style(span.sent)


def _toponym_after_a_word(doc: Doc, mention: Mention, *, unless_labelled: str) -> Span | None:
    """The span of a toponym with a word before it, not yet labelled ``unless_labelled``."""
    if mention.kind is not MentionKind.TOPONYM or mention.label == unless_labelled:
        return None
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or span.start == 0:
        return None
    return span


def _opened_by_a_street_word(doc: Doc, mention: Mention) -> Mention:
    """A place name after a street, square or market word, as that street or market.

    "near the Souq Libya market", "the Avenida Venezuela", "Rue de Damas":
    the market, the avenue and the street are named after the country or the
    city, and lie in the town the article names nearest them, placed there by
    :mod:`geo.local_places`. Not "Via" (in English, "by way of"), nor a
    word that opens the sentence. Any other mention is returned as is.
    """
    span = _toponym_after_a_word(doc, mention, unless_labelled=LOCAL_LABEL)
    if span is None:
        return mention
    opener = doc[span.start - 1]
    if (
        opener.lower_ not in STREET_OPENERS
        or opener.lower_ == "via"
        or not opener.text[:1].isupper()
        or opener.is_sent_start
    ):
        return mention
    whole = doc[span.start - 1 : span.end]
    return _span_mention(whole, MentionKind.TOPONYM, name=whole.text, label=LOCAL_LABEL)


_NAME_LABELS = frozenset({"FAC", "ORG", "EVENT", "LAW", "WORK_OF_ART", "PRODUCT"})
"""Labels of names that are no place as a whole: a name they hold is part of them."""


def _acts_on_its_own(span: Span) -> bool:
    """Whether the name is the subject of a verb whose object is "its" something.

    "Jordan closed its airspace", "Chad reopened its border with Sudan".
    """
    root = span.root
    if root.dep_ != "nsubj":
        return False
    return any(
        obj.dep_ == "dobj" and any(c.dep_ == "poss" and c.lower_ == "its" for c in obj.children)
        for obj in root.head.children
    )


def _measured_from(span: Span) -> bool:
    """Whether a distance and a bearing come before the name: "20 nautical miles east of X".

    No one is measured from a person: whatever the model's label, X is a place.
    """
    doc, start = span.doc, span.start
    if start < 3 or doc[start - 1].lower_ != "of":
        return False
    if span.end < len(doc) and doc[span.end].text in ("'s", "’s"):
        return False  # "5 km north of Vladimir Putin's residence": his residence
    return doc[start - 2].lower_ in BEARINGS and any(
        t.like_num for t in doc[max(0, start - 6) : start - 2]
    )


def _set_by_a_bearing(span: Span, places: set[int] | None) -> bool:
    """Whether a comma, perhaps a distance, and a bearing from a place follow the name.

    "Fighters seized Abu Zabad, west of El Obeid", "retook Bara, 60 km north
    of El Obeid": no one is set by a bearing from a town but a place, whatever
    the model's label. Without ``places`` (the places found so far), a
    capitalised word after the bearing stands for one.
    """
    doc, i = span.doc, span.end
    if i >= len(doc) or doc[i].text != ",":
        return False
    i += 1
    if i < len(doc) and doc[i].lower_ == "on":
        return _on_a_place_s_edge(doc, i + 1, places)
    while i < len(doc) and (doc[i].like_num or doc[i].lower_ in _DISTANCE_WORDS):
        i += 1
    if i + 1 >= len(doc) or doc[i].lower_ not in BEARINGS or doc[i + 1].lower_ != "of":
        return False
    i += 2
    if i < len(doc) and doc[i].lower_ == "the":
        i += 1
    if places is None:
        return i < len(doc) and is_capitalised(doc[i]) and doc[i].pos_ == "PROPN"
    return i in places


def _on_a_place_s_edge(doc: Doc, i: int, places: set[int] | None) -> bool:
    """Whether the words from ``i`` name an edge of a place: "Crimea's western coast".

    After a comma and "on": "near Chornomorske, on Crimea's western coast",
    "Ras Isa, on the Red Sea coast of Yemen" (no one but a place lies on a
    coast), with the place that owns the edge found or, without ``places``,
    capitalised.
    """

    def a_place(k: int) -> bool:
        if k >= len(doc):
            return False
        if places is None:
            return is_capitalised(doc[k]) and doc[k].pos_ == "PROPN"
        return k in places

    if i < len(doc) and doc[i].lower_ == "the":
        # "on the western coast of Crimea", "on the Red Sea coast of Yemen"
        k = i + 1
        while k < len(doc) and k - i <= 4 and doc[k].lower_ not in EDGE_WORDS:
            k += 1
        return (
            k + 2 < len(doc)
            and doc[k].lower_ in EDGE_WORDS
            and doc[k + 1].lower_ == "of"
            and (a_place(k + 2) or (doc[k + 2].lower_ == "the" and a_place(k + 3)))
        )
    owner = i
    while owner < len(doc) and doc[owner].lower_ not in ("'s", "’s") and owner - i <= 3:
        owner += 1
    if (
        owner >= len(doc)
        or doc[owner].lower_ not in ("'s", "’s")
        or owner == i
        or not a_place(owner - 1)
    ):
        return False
    k = owner + 1
    if k < len(doc) and doc[k].lower_ in POSITION_WORDS:
        k += 1
    return k < len(doc) and doc[k].lower_ in EDGE_WORDS


#: Capitalised landform words that make one name with a national adjective before
#: them: "the Turkmen Mountains" lie in Syria.
_LANDFORM_NAMES = frozenset(
    {"Mountains", "Mountain", "Hills", "Highlands", "Valley", "Plateau", "Plain", "Steppe",
     "Range"}
)  # fmt: skip


#: Words for a kind of place written after its name, which a list goes on from:
#: "in the Qandil mountains and Sinjar".
_KINDS_AFTER = PLACE_KIND_NOUNS | {"mountain", "hill", "valley", "area", "plain"}
#: Armed people and their holdings that a name before them may say are whose: "an
#: airstrike against al-Shabaab fighters", "struck Wagner positions".
_ITS_PEOPLE = frozenset(
    {"fighters", "militants", "rebels", "insurgents", "gunmen", "jihadists", "militiamen",
     "members", "loyalists", "operatives", "extremists", "positions",
     "hideouts"}
)  # fmt: skip
#: A town this big is where fighters or positions named after it are ("Marib
#: positions"); a smaller namesake of a group stays the group's ("Wagner", a Brazilian
#: town of 9,500). Provinces, regions and ranges always are ("Qandil hideouts").
_TOWN_OF_ITS_FIGHTERS = 15_000


#: Buildings named after the town they stand in with "of": "the civil prison of
#: Mirebalais", "the main hospital of Goma".
_SITES_OF_A_TOWN = frozenset(
    {"prison", "jail", "hospital", "airport", "port", "harbour", "harbor", "stadium",
     "market", "refinery", "garrison", "barracks", "cathedral", "mosque"}
)  # fmt: skip


#: Words of a distance before a bearing: "some 60 km north of X".
_DISTANCE_WORDS = DISTANCE_UNIT_WORDS | {"some", "about", "around", "nearly", "roughly", "(", ")"}


def _before_of_and_a_name(span: Span) -> bool:
    """Whether "of" and a capitalised word that is no place follow the name ("Line of Control")."""
    doc, end = span.doc, span.end
    if end + 1 >= len(doc) or doc[end].lower_ != "of":
        return False
    after = doc[end + 1]
    return after.is_title and after.is_alpha and after.ent_type_ not in ("GPE", "LOC", "NORP")


#: How a word for a people, a faith or a party ends in English ("Portuguese",
#: "Ukrainian", "Danish", "Koreans", "Islamist", "Barghouti" after his clan), which a
#: town's name the model calls a people mostly does not.
_NATIONALITY_ENDINGS = ("ese", "ian", "an", "ish", "ic", "ist", "i", "s")


_ONLY_PLACES_TAKEN = frozenset(
    {"retake", "retook", "retaken", "overrun", "overran", "besiege", "besieged", "shell",
     "shelled", "bombard", "bombarded", "invade", "invaded", "occupy", "occupied",
     "encircle", "encircled"}
)  # fmt: skip
"""Verbs whose object is a place, never a person: "retook X", "overran X"."""


def _done_only_to_places(span: Span) -> bool:
    """Whether the name is the object of a verb done only to places: "retook X"."""
    root = span.root
    verb = root.head
    return root.dep_ in ("dobj", "nsubjpass") and bool(
        {verb.lemma_.lower(), verb.lower_} & _ONLY_PLACES_TAKEN
    )


def _read_as_a_people(span: Span) -> bool:
    """Whether the model calls the name a people and it ends like one: "Portugese"."""
    return span.root.ent_type_ == "NORP" and span[-1].lower_.endswith(_NATIONALITY_ENDINGS)


#: Last words of a contest's or a prize's name ("the Match Play Championship",
#: "the Nations Cup"), which a verb of taking frames like a town.
_CONTESTS = frozenset(
    {"championship", "championships", "cup", "trophy", "tournament", "league", "prix",
     "olympics", "games", "medal", "award", "prize", "title", "pennant", "crown"}
)  # fmt: skip


def _opens_a_longer_name(span: Span) -> bool:
    """Whether the framed name opens "X of Y", a longer name the model tags as no place.

    "across the Line of Control" (a facility to the model) is the Kashmir
    line, not the Line Islands; "the Bank of England" is a bank.
    """
    end = span.end
    doc = span.doc
    return (
        end + 1 < len(doc)
        and doc[end].lower_ == "of"
        and doc[end + 1].is_title
        and span.root.ent_type_ in _NAME_LABELS
        and doc[end + 1].ent_type_ == span.root.ent_type_
        and doc[end + 1].ent_iob_ == "I"
    )


def _part_of_a_longer_place_entity(span: Span) -> bool:
    """Whether the model tagged a longer place name of which ``span`` is only a part."""
    doc = span.doc
    first = span[0]
    if first.ent_type_ not in PLACE_LABELS:
        return False
    before_inside = first.ent_iob_ == "I"
    # "Thruxton, Hampshire" tagged as one entity is a town and its county.
    after_inside = (
        span.end < len(doc) and doc[span.end].ent_iob_ == "I" and not doc[span.end].is_punct
    )
    return before_inside or after_inside


def _opens_a_longer_name_at_sentence_start(span: Span) -> bool:
    """Whether a name starts its sentence and a capitalised word follows it."""
    doc = span.doc
    return (
        span.start == span.sent.start
        and span.end < len(doc)
        and doc[span.end].is_alpha
        and is_capitalised(doc[span.end])
    )


def _lower_noun(token: Token) -> bool:
    """A lower-case common noun outside any entity ("corridor", "strip")."""
    return token.pos_ == "NOUN" and token.is_alpha and token.is_lower and not token.ent_type_


#: Names of God, which statements of armed movements and of states invoke ("with the
#: help of God", "God willing"); the model tags them as no place, and a name of God
#: the gazetteer also holds (Göd in Hungary; "Allah", an alternate name of an Iranian
#: town; Jesús in Paraguay) is never the place meant.
_NAMES_OF_GOD = frozenset({"god", "allah", "jesus"})

_JOINING_PREPOSITIONS = frozenset({"on", "in", "near"})
#: Labels under which the model says nothing of a name in a place position: none,
#: a nationality that is none, or a product a town's name is not ("their advance
#: on Manbij"). Not a language: "published in English".
_NO_PLACE_LABELS = frozenset({"", "NORP", "PRODUCT"})


def _hyphenated_run(tokens: DocTokens, start: int, end: int) -> tuple[int, int]:
    """The run of words glued by hyphens that ``[start, end)`` lies in ("Croix-des-Bouquets").

    Only words that can stand in a name join: capitalised ones and the
    particles of :data:`NAME_PARTICLES` ("Kherson-based" stays "Kherson").
    """
    doc = tokens.doc

    def joins(hyphen: int, word: int) -> bool:
        if not (0 <= word < len(doc)) or tokens.texts[hyphen] not in HYPHENS:
            return False
        left, right = min(hyphen, word), max(hyphen, word)
        glued = not doc[left - 1].whitespace_ and not doc[left].whitespace_
        name_like = tokens.capitalised[word] or tokens.lowers[word] in NAME_PARTICLES
        return glued and doc[word].is_alpha and name_like and right - left == 1

    while end + 1 < len(doc) and joins(end, end + 1):
        end += 2
    while start >= 2 and joins(start - 1, start - 2):
        start -= 2
    return start, end


def _loose_name_word(token: Token) -> bool:
    """A capitalised proper noun outside any entity: part of a name the model cut."""
    return token.pos_ == "PROPN" and is_capitalised(token) and not token.ent_type_


def _pairs_around(doc: DocTokens, i: int) -> list[Span]:
    """The capitalised "X and Y" spans around the "and" at ``i``, up to three words a side.

    "the" may open the second name ("St Vincent and the Grenadines"). Ordered
    from the narrowest outward, so the last known one is the widest.
    """
    capitalised = doc.capitalised
    right = i + 2 if i + 2 < len(doc) and doc.lowers[i + 1] == "the" else i + 1
    spans = []
    for start in range(i - 1, max(-1, i - 4), -1):
        if not capitalised[start]:
            break
        for end in range(right + 1, min(len(doc), right + 3) + 1):
            if not capitalised[end - 1]:
                break
            spans.append(doc[start:end])
    return spans


def _span_mention(
    span: Span, kind: MentionKind, *, name: str, label: str, demonym_country: str | None = None
) -> Mention:
    """A mention covering exactly ``span`` (its own anchor)."""
    return Mention(
        start=span.start_char,
        end=span.end_char,
        text=span.text,
        kind=kind,
        name=name,
        anchor_start=span.start_char,
        anchor_end=span.end_char,
        label=label,
        demonym_country=demonym_country,
    )


def _token_range(doc: Doc, mention: Mention) -> range:
    """The token indices a mention covers."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return range(span.start, span.end) if span is not None else range(0)


#: Words that name a spot by its number in local news: "Mile 4", "Sector 7", "Gate 3".
_NUMBERED_KINDS = frozenset(
    {"mile", "kilo", "km", "kilometre", "kilometer", "sector", "block", "zone", "phase",
     "gate", "camp", "checkpoint", "junction", "route", "exit", "ward", "section", "pier",
     "berth", "terminal", "platform", "unit", "hall", "building", "station", "level",
     "plot", "post", "point", "base", "site", "area", "district", "lane", "road", "street"}
)  # fmt: skip
#: Words every town has a part of the name of: "the Old Town", "the New City".
_GENERIC_NAME_WORDS = frozenset(
    {"old", "new", "upper", "lower", "inner", "outer", "town", "city", "quarter", "centre",
     "center", "village", "market", "port", "downtown", "uptown"}
)  # fmt: skip
#: Bodies a capital letter names ("the Jammu and Kashmir Police", "the Army"), which
#: small towns bear too (Police, in Poland).
_BODY_WORDS = frozenset(
    {"police", "army", "navy", "court", "parliament", "government", "ministry", "council",
     "assembly", "senate", "congress", "cabinet", "command", "guard", "militia",
     "church", "university", "college", "hospital", "embassy", "consulate"}
)  # fmt: skip


def _first_names(doc: Doc) -> frozenset[str]:
    """The first words of the people the text names in full ("Rustam" of "Rustam Guliyev").

    The bare word is then mostly that person again: "Rustam, thanks for coming on".
    """
    return frozenset(
        ent[0].text
        for ent in doc.ents
        if ent.label_ == "PERSON" and len(ent) > 1 and ent[0].is_title
    )


def _spoken_to(word: Token) -> bool:
    """Whether a name opens its sentence before a comma: "Rustam, thanks for coming on"."""
    doc = word.doc
    return bool(word.is_sent_start) and word.i + 1 < len(doc) and doc[word.i + 1].text == ","


def _names_something_else(doc: Doc, mention: Mention) -> bool:
    """Whether a toponym is really part of another kind of name.

    A place before "virus" or "fever" names a disease ("Marburg virus",
    "Rift Valley fever"), not where anything happened. A lone compass or
    position word ("West", "Central", "Southern") is a direction or an
    adjective in news, even where some country has a province of that name.
    A name after a storm word is the storm's ("Storm Benjamin", "Typhoon Yagi").
    """
    if mention.kind is not MentionKind.TOPONYM:
        return False
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    words = trim(span)
    if len(words) == 1 and words[0].lower_ in POSITION_WORDS:
        return True
    if _a_nickname(doc, span):
        return True
    if _a_military_unit(doc, span, words):
        return True
    if _a_time_zone(doc, span):
        return True
    before = doc[span.start - 1] if span.start > 0 else None
    if (
        before is not None
        and before.lower_ in _WORKS_TITLED
        and before.pos_ == "NOUN"
        and not (span.end < len(doc) and doc[span.end].lower_ in ("'s", "’s"))
    ):
        # "the spy drama Tehran", "the film Kandahar": a work's title; not "after
        # weeks of political drama Georgia's parliament voted"
        return True
    if (
        before is not None
        and before.lower_ in _STORM_WORDS
        and before.is_title
        and before.pos_ != "VERB"
        and not headline_style(span.sent)
    ):
        return True  # "Storm Benjamin struck the coast": a storm's name (Benjamin, Utah)
    return span.end < len(doc) and doc[span.end].lower_ in _DISEASE_WORDS


#: Works whose title may follow their kind without quotes: "the spy drama Tehran".
_WORKS_TITLED = frozenset(
    {"film", "movie", "novel", "drama", "thriller", "series", "documentary", "musical",
     "opera", "album", "song", "sitcom", "miniseries", "docudrama", "biopic"}
)  # fmt: skip


def _a_time_zone(doc: Doc, span: Span) -> bool:
    """Whether the name tells a clock's time zone: "at 12:30 Moscow time", "8 P.M. (Damascus Time)".

    Only after a time of day, so "spent time in Moscow" and "a Moscow time
    capsule" keep their place.
    """
    if span.end >= len(doc) or doc[span.end].lower_ != "time":
        return False
    after = doc[span.end + 1] if span.end + 1 < len(doc) else None
    if after is not None and (after.lower_ == "and" or after.pos_ in ("VERB", "AUX")):
        return False  # "Since 12 Gaza time has been running out", "time and again"
    i = span.start - 1
    if i >= 0 and doc[i].text == "(":
        i -= 1
    return i >= 0 and _a_clock_word(doc[i])


def _a_clock_word(token: Token) -> bool:
    """A time of day or its last word: "12:30", "8", "p.m.", "8pm", "noon"."""
    text = token.lower_
    if text in _CLOCK_WORDS:
        return True
    return bool(_CLOCK.fullmatch(text))  # not a year: "In 2022 Ukraine time and again …"


_CLOCK_WORDS = frozenset({"a.m.", "p.m.", "am", "pm", "noon", "midnight", "hours", "hrs"})
_CLOCK = re.compile(r"\d{1,2}([:.]\d{2})?\s*(a\.?m\.?|p\.?m\.?)?")


_STORM_WORDS = frozenset({"storm", "hurricane", "typhoon", "cyclone"})
"""Words a storm's given name follows: "Storm Benjamin", "Typhoon Yagi"."""


def _a_military_unit(doc: Doc, span: Span, words: Span) -> bool:
    """Whether the name is an army's unit: "the army's 22nd Division", "3rd Assault Brigade".

    A unit word alone, or one after an ordinal ("22nd", "Third"), names
    troops, which a siege or an encirclement frame would otherwise make a
    place. A unit word after a place's name is a province where the country
    has them ("Dhaka Division", "Malakand Division").
    """
    if not len(words) or words[-1].lower_ not in _UNIT_WORDS:
        return False
    if len(words) == 1:
        return True
    before = doc[words.start - 1] if words.start > 0 else None
    first = words[0]
    return _ORDINAL.fullmatch(first.text) is not None or (
        before is not None and _ORDINAL.fullmatch(before.text) is not None
    )


#: Words for an army's units, which an ordinal or nothing before them makes a unit.
_UNIT_WORDS = frozenset(
    {"division", "brigade", "battalion", "regiment", "corps", "squadron", "platoon", "fleet"}
)
_ORDINAL = re.compile(
    r"\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth",
    re.IGNORECASE,
)


#: Features named after someone with a possessive: "St Martin's Island", "Hunter's Point".
_NAMED_FEATURES_AFTER = frozenset(
    {"island", "islands", "bay", "point", "cove", "creek", "hill", "harbour", "harbor",
     "reef", "sound", "head", "rock", "channel", "passage", "well"}
)  # fmt: skip


_POSSESSIVE_AFTER = re.compile(r"['’]s\s+[A-Z]")


def _the_feature_named_after_it(doc: Doc, text: str, mention: Mention) -> Mention:
    """The whole name of a feature a possessive names after the mention, or the mention.

    "Saint Martin's Island" off Bangladesh is not the Caribbean Saint Martin,
    nor "Bradley's Head" a man: the whole is a local place no gazetteer
    holds, put by the story's towns. A possessive before another name
    ("Yemen's Red Sea port", "Ukraine's Snake Island") says whose it is.
    """
    if mention.kind is not MentionKind.TOPONYM or not _POSSESSIVE_AFTER.match(text, mention.end):
        return mention  # the common case, told from the text without the tokens
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return mention
    end = span.end
    if not (
        end + 1 < len(doc)
        and doc[end].lower_ in ("'s", "’s")
        and doc[end + 1].is_title
        and doc[end + 1].lower_ in _NAMED_FEATURES_AFTER
    ):
        return mention
    return _span_mention(
        doc[span.start : end + 2],
        MentionKind.TOPONYM,
        name=doc[span.start : end + 2].text,
        label=LOCAL_LABEL,
    )


def _a_nickname(doc: Doc, span: Span) -> bool:
    """Whether the name is a nickname quoted between a first name and a surname.

    'Ismael "El Mayo" Zambada': the quoted words name the man, not County Mayo.
    """
    start, end = span.start, span.end
    while start > 0 and doc[start - 1].lower_ in ("el", "la", "the") and doc[start - 1].is_title:
        start -= 1  # "El" the model left out of the name
    return (
        start >= 2
        and end + 1 < len(doc)
        and doc[start - 1].text in QUOTE_MARKS
        and doc[end].text in QUOTE_MARKS
        and doc[start - 2].is_title
        and doc[start - 2].pos_ == "PROPN"
        and doc[end + 1].is_title
        and doc[end + 1].pos_ == "PROPN"
    )


def _names_an_armed_group(span: Span) -> bool:
    """Whether the name is an armed movement's: "al-Shabaab", "Boko Haram", "the Houthis".

    A strike "against al-Shabaab" or "on Hezbollah" falls on a movement, not
    on a place bearing its name: its words, split at hyphens, hold one of
    :data:`_ARMED_MOVEMENTS` ("Haram" alone does not: "the Haram al-Ibrahimi
    mosque" is a site).
    """
    words = {w for token in span for w in token.lower_.split("-")}
    return bool(words & _ARMED_MOVEMENTS)


#: Words that end the first part of an armed group's name before a place:
#: "Tehreek-e-Taliban Pakistan", "Islamic State West Africa Province".
_GROUP_NAME_ENDS = frozenset(
    {"taliban", "hezbollah", "hamas", "qaeda", "shabaab", "haram", "isis", "daesh", "jihad"}
)


#: Own words of armed movements whose names stand where places do ("against
#: al-Shabaab", "on Boko Haram"): those that end a group's name before a place
#: (:data:`_GROUP_NAME_ENDS`, but "haram" and "jihad", words of sites and of
#: more than movements) and the movements among :data:`_GROUP_WORDS`.
_ARMED_MOVEMENTS = (_GROUP_NAME_ENDS - {"haram", "jihad"}) | {
    "boko", "houthi", "houthis", "wagner", "janjaweed", "isil", "iswap", "jnim", "sayyaf"
}  # fmt: skip


_SITES_NAMED_AFTER_A_PLACE = frozenset(
    {"hospital", "clinic", "university", "college", "school", "academy", "airport",
     "stadium", "prison", "jail", "refinery", "mosque", "cathedral", "church", "hall",
     "market", "camp", "airbase", "base", "port", "centre", "center", "park", "hotel",
     "station", "square", "bridge", "palace", "museum", "plant", "factory", "compound",
     "council", "court"}
)  # fmt: skip
"""Last words of an organisation's name that make it a site: "Karachi Central Jail" is
in Karachi, where "the New York Times" or "the Kurdistan Workers Party" is nowhere."""


_SHIP_WORDS = frozenset(
    {"ship", "vessel", "tanker", "cruiser", "frigate", "destroyer", "carrier", "flagship",
     "freighter", "warship", "submarine", "corvette", "ferry", "trawler", "yacht", "liner",
     "boat", "dhow"}
)  # fmt: skip
_SHIP_PREFIXES = frozenset({"USS", "HMS", "MV", "MT", "RFS", "INS", "HMCS", "HMAS", "SS"})
_GROUP_WORDS_AFTER = frozenset({"cartel", "cartels", "gang", "gangs", "mafia", "clan"})
"""Words after a place that make it a group's name: "the Sinaloa cartel"."""


def _in_a_group_name(doc: Doc, mention: Mention) -> Mention:
    """A toponym that names an armed group or a ship, labelled as a place inside a name.

    "training camps of Tehreek-e-Taliban Pakistan": the group, not the country,
    was targeted; "the flagship cruiser Moskva" is a ship, not Moscow; "the
    Sinaloa cartel" is a gang, wherever it fights. Gold
    corpora still count the place, so it is kept with :data:`IN_A_NAME_LABEL`,
    which events pass over and the map leaves out.
    """
    span = _toponym_after_a_word(doc, mention, unless_labelled=IN_A_NAME_LABEL)
    if span is None:
        return mention
    before = doc[span.start - 1]
    group = is_capitalised(before) and (
        before.lower_ in _GROUP_NAME_ENDS
        or (before.lower_ == "state" and span.start > 1 and doc[span.start - 2].lower_ == "islamic")
    )
    # "the flagship cruiser Moskva", "the tanker Marseille", "USS Philadelphia", "the
    # cruise ship Queen of Bergen", "the tanker Pacific Jeddah": a ship
    ship = _in_a_ship_s_name(doc, span.start)
    # "rival factions of the Sinaloa cartel": a gang named after its home ground
    after = doc[span.end] if span.end < len(doc) else None
    gang = after is not None and after.lower_ in _GROUP_WORDS_AFTER
    if not (group or ship or gang):
        return mention
    return dataclasses.replace(mention, label=IN_A_NAME_LABEL)


def _in_a_ship_s_name(doc: Doc, start: int) -> bool:
    """Whether the name at ``start`` ends a ship's name that a ship word opens.

    The words between may be the name's own: capitalised words and "of"
    ("the cruise ship Queen of Bergen", "the car carrier Cape Antalya"), up to
    :data:`_SHIP_NAME_WORDS`; not "a tanker near Jeddah" nor "the ship, in Odesa".
    """
    i = start - 1
    while (
        i >= 0
        and start - i <= _SHIP_NAME_WORDS
        and (is_capitalised(doc[i]) or doc[i].lower_ in _SHIP_NAME_LINKS)
    ):
        if doc[i].text in _SHIP_PREFIXES:
            return True
        i -= 1
    if i < 0:
        return False
    before = doc[i]
    if i + 1 < start and doc[i + 1].lower_ in _SHIP_NAME_LINKS:
        return False  # a name cannot open on "of"
    return (before.is_lower and before.lower_ in _SHIP_WORDS) or before.text in _SHIP_PREFIXES


#: Most words a ship's name puts before a place's: "Queen of" in "Queen of Bergen".
_SHIP_NAME_WORDS = 3
#: Small words inside a ship's name: "Queen of Bergen", "Virgen del Mar".
_SHIP_NAME_LINKS = frozenset({"of", "de", "del", "al"})


def _an_acronym_no_town_bears(span: Span, candidates: Sequence[Candidate]) -> bool:
    """Whether capitals in running text name a place only under another name.

    "the KADIZ" (:func:`_capitals_in_running_text`) is no Cádiz, whose other
    name Kadiz is.
    """
    return _capitals_in_running_text(span) and not any(c.exact_name for c in candidates)


def _capitals_in_running_text(span: Span) -> bool:
    """Whether one word of five capitals or more, after an article, stands in running text.

    "Chinese aircraft entered the KADIZ on Thursday": a town takes no article,
    and news writes one in capitals in a dateline, a headline, or a feed's
    line ("UPDATE: Israeli jets bomb KHAN YOUNIS", "Explosions rocked
    HODEIDAH port"); after "the" or "its", in a line written in lower case
    too, such a word is an acronym (``_looks_like_acronym`` takes the shorter
    ones). Only the line's nearest few hundred characters are read.
    """
    if len(span) != 1 or span.start == 0:
        return False
    word = span[0].text
    if len(word) < 5 or not word.isalpha() or not word.isupper():
        return False
    if span.doc[span.start - 1].lower_ not in _ARTICLES_OF_AN_ACRONYM:
        return False
    text = doc_text(span.doc)
    start = max(text.rfind("\n", 0, span.start_char) + 1, span.start_char - _LINE_REACH)
    end = text.find("\n", span.end_char, span.end_char + _LINE_REACH)
    line = text[start : min(len(text), span.end_char + _LINE_REACH) if end < 0 else end]
    return any(ch.islower() for ch in line)


_ARTICLES_OF_AN_ACRONYM = frozenset({"the", "its", "their", "a", "an", "this", "that"})
"""Words before a word in capitals that make it an acronym: "the KADIZ", "its ADIZ"."""
_LINE_REACH = 300
"""Characters either side of a word in capitals read for a lower-case letter."""


def _looks_like_acronym(text: str) -> bool:
    letters = text.replace(".", "").replace("&", "")
    return letters.isupper() and len(letters) <= 4


def _acronym_place(
    candidates: list[Candidate], *, provinces: bool = True, countries: Iterable[str] = ()
) -> bool:
    """True when a country, region (or, if ``provinces``, a province) is written so.

    "UK", "UAE" and "EU" are places; "BA" is a town's stray alias, not a place.
    A state's postal code counts where ``provinces`` says the text has the
    "Austin, TX" shape, or where the article names the province's country
    ("NSW" in a story about Australia), unless the code is also an English
    word ("OK", "ME" and "IN" are words).
    """
    named = set(countries)
    for c in candidates:
        written = c.matched_name.replace(".", "")
        if not written.isupper():
            continue
        if c.feature in ("country", "region"):
            return True
        if c.feature == "admin1" and (
            provinces or (c.country in named and written.lower() not in _WORD_CODES)
        ):
            return True
    return False
