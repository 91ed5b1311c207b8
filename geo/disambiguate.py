"""Choosing which place a name means, from the whole article.

Every candidate gets a score made of a prior (feature kind, population,
whether the name is its main name) and context (the countries the article
names, the other places it names and how far away they are, a "City, State"
pattern right after the name). The best score wins; the runners-up stay
attached with the reason they lost, so the map can show its reasoning.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

import numpy as np

from geo.normalize import name_key, spelling_similarity
from geo.types import Alternative, Candidate

__all__ = ["EARTH_RADIUS_KM", "ArticleContext", "Ranked", "haversine_km", "rank_candidates"]

#: Added to log10(population + 10). The admin-1 sources give no population, so
#: a province's bonus makes it weigh like a city of about a million: it beats a
#: mid-sized town of its name ("Ontario", California) but not the big city a
#: province is named after, which the namesake penalty handles. An airport
#: under its full name weighs like a small town, so the story's country and
#: places decide; a hub under the short name news uses gains
#: :data:`_HUB_SHORT_NAME_BONUS` on top.
_FEATURE_BONUS: dict[str, float] = {
    "country": 6.0,
    "admin1": 5.0,
    "continent": 6.0,
    "sea": 5.0,
    "gulf": 5.0,
    "strait": 5.0,
    "region": 5.0,
    "territory": 5.0,
    "peninsula": 4.5,
    "island": 4.5,
    "airbase": 4.0,
    "naval_base": 4.0,
    "military_base": 4.0,
    "airport": 2.5,
    "landmark": 6.0,
}
_ALIAS_PENALTY = 0.7
#: Further, for a town reached by an alternate name when a town of some size
#: bears the name itself: an old or foreign name of one place is not how news
#: names it while another place goes by it.
_FORMER_NAME_PENALTY = 1.5
_SAME_NAME_SIMILARITY = 0.6
#: Below this, a town's alternate name is no spelling of its own (Basilan for
#: Isabela City, 0.3), where an old name still is (Chittagong for Chattogram, 0.5).
_BORROWED_SIMILARITY = 0.35
#: How near the story's other places a town reached by another town's own name must
#: lie to be meant by it: "Novomoskovsk and Dnipro" is Samar, 25 km from Dnipro.
_ALIAS_NEIGHBOUR_KM = 150.0
#: For an airport matched by the short name news calls it ("Heathrow",
#: "Schiphol"): only hubs known worldwide have one indexed, so it weighs like
#: a city of ten million, above the small towns that share the name
#: (Heathrow, Florida) unless the story places it among them.
_HUB_SHORT_NAME_BONUS = 4.5
_ACRONYM_PENALTY = 5.0
_COUNTRY_CONTEXT_BONUS = 2.5
#: For a place in a land neighbour of a country the article names: enough to
#: tip a near tie (Gaza next to Israel over Mozambique's Gaza province), about
#: half the weight of the named country itself, and at least this much however
#: many other countries the story names (a diplomacy story names twenty).
_NEIGHBOUR_BONUS = 0.6
#: For a county in a province the article names ("McLean County" in a story
#: about Kentucky): county names repeat from state to state, and the story's
#: state decides. Not for towns: there a big city outweighs a named state's
#: namesake village ("Louisville" in a story naming Mississippi).
_PROVINCE_CONTEXT_BONUS = 1.0
_PROXIMITY_BONUS = 2.5
_PROXIMITY_SCALE_KM = 300.0
_QUALIFIER_BONUS = 6.0
#: For a province written with the word its country calls its provinces ("Adamawa
#: State" in Nigeria, where Cameroon's is the Adamawa Region): enough to decide
#: between two provinces of one name, no more.
_DIVISION_WORD_BONUS = 1.0
#: Countries whose first-level divisions English news calls by each word.
_DIVISION_WORDS: dict[str, frozenset[str]] = {
    "state": frozenset(
        {"US", "NG", "IN", "MX", "BR", "AU", "MY", "SD", "SS", "VE", "MM", "DE", "AT"}
    ),
    "governorate": frozenset({"SY", "IQ", "EG", "JO", "YE", "TN", "LB", "KW", "OM", "BH", "PS"}),
    "oblast": frozenset({"UA", "RU", "KZ", "BY", "BG", "KG"}),
    "prefecture": frozenset({"JP", "GR", "CN", "CF"}),
    "department": frozenset({"FR", "CO", "BO", "PE", "UY", "PY", "HN", "GT", "SV", "NI", "HT"}),
    "region": frozenset({"CM", "FR", "IT", "ML", "NE", "BF", "SN", "GH", "ET", "TZ", "CL", "PE"}),
}


def _countries_calling(mention_text: str) -> frozenset[str]:
    """The countries whose provinces bear the word the name ends with, if any."""
    return _DIVISION_WORDS.get(mention_text.rsplit(" ", 1)[-1].lower(), frozenset())


_KIND_WORDS = {"admin1": "state or province", "admin2": "county", "city": "town"}
#: For a national capital: news names capitals far more often than namesakes.
_CAPITAL_BONUS = 2.0
#: For a province or country listed with another of its kind (twice for two).
_LIST_BONUS = 3.0
#: An area against a town of its name, when the text names a side of it ("southern Gaza").
_SIDED_AREA_BONUS = 1.0
_SIDED_FEATURES = frozenset({"country", "admin1", "territory"})
#: A state or province that holds a town its sentence names: as strong a sign as "Town, State".
_HOLDS_A_TOWN_BONUS = _QUALIFIER_BONUS
#: For a province that shares its name with a foreign country ("Georgia"), in
#: an article mostly about the province's own country.
_HOME_PROVINCE_BONUS = 4.0
#: A town of this size bearing a name exactly is a bearer an old name of another
#: town yields to ("Pokrovsk").
_NAMESAKE_CITY_POPULATION = 50_000
#: A seat of this size inside the province that bears its name is what a bare
#: name means ("near Tillabéri", "Jenin"), under its own name or an alias; from
#: :data:`_NAMED_SEAT_POPULATION` under its own name ("raided Jericho", a town of
#: 19,800, is not the governorate; "Maryland" is no Maryland City).
_NAMESAKE_SEAT_POPULATION = 20_000
_NAMED_SEAT_POPULATION = 10_000
#: A town this many times smaller than a namesake city abroad of at least
#: :data:`_WORLD_CITY_POPULATION` is "dwarfed" (Geneva, New York beside
#: Geneva; Florence, Kentucky beside Florence): news that names the big one's
#: name means it unless the story is mostly about the small one's country.
_DWARFED_RATIO = 5.0
#: A city this big dwarfs a namesake under another spelling of its name too: "St
#: Petersburg" is Saint Petersburg's before it is Florida's; not under an old name
#: unlike its own ("Salisbury" for Harare leaves Salisbury, England, alone).
_EXONYM_CITY_POPULATION = 1_000_000
_WORLD_CITY_POPULATION = 100_000
#: The share of the article's country mentions that makes a country the
#: story's own, enough to give its country bonus to a dwarfed namesake.
_HOME_SHARE = 0.5
_NAMESAKE_PROVINCE_PENALTY = 2.5
#: Against a province of unknown size whose name a big city abroad bears.
_WORLD_CITY_NAMESAKE_PENALTY = 1.0
_NAMESAKE_REACH_KM = 200.0
#: The same for a town reached by an alternate name, filed in another province:
#: Janīn lies 21 km from the Jenin governorate's point, where Xalisco (Nayarit),
#: which also answers to "Jalisco", lies 178 km from Jalisco's.
_ALIAS_NAMESAKE_REACH_KM = 100.0
EARTH_RADIUS_KM = 6371.0088
"""The mean Earth radius (IUGG), used for every great-circle distance in eventmap."""


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres.

    Examples
    --------
    >>> round(haversine_km(0, 0, 0, 1))
    111
    """
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


class _Points:
    """Points to measure a candidate's distance to, all at once (numpy haversine).

    A long article has dozens of anchors and each of its names dozens of
    candidates: one Python haversine per pair was a quarter of resolution.
    """

    def __init__(self, points: Sequence[tuple[float, float]]) -> None:
        lat_lon = np.radians(np.asarray(points, dtype=float).reshape(-1, 2))
        self._lat = lat_lon[:, 0]
        self._lon = lat_lon[:, 1]
        self._cos_lat = np.cos(self._lat)
        self._measured: dict[tuple[float, float], float] = {}

    def __len__(self) -> int:
        """How many points there are."""
        return len(self._lat)

    def nearest_km(self, lat: float, lon: float) -> float:
        """Great-circle distance from (lat, lon) to the nearest point (inf when none)."""
        return self.nearest_km_each([(lat, lon)])[0]

    def measure(self, places: Iterable[tuple[float, float]]) -> None:
        """Work out and keep :meth:`nearest_km` of the places not measured yet, in one pass.

        An article's names are ranked one at a time, but most share one set of
        anchors: measuring all their candidates at once saves a numpy pass per name.
        """
        todo = [p for p in dict.fromkeys(places) if p not in self._measured]
        if todo:
            self._measured.update(zip(todo, self.nearest_km_each(todo), strict=True))

    def nearest_km_kept(self, places: Sequence[tuple[float, float]]) -> list[float]:
        """:meth:`nearest_km` of each place, measured once per place (see :meth:`measure`)."""
        self.measure(places)
        return [self._measured[p] for p in places]

    def nearest_km_each(self, places: Sequence[tuple[float, float]]) -> list[float]:
        """:meth:`nearest_km` of each (lat, lon) of ``places``, in one numpy pass.

        A name's candidates are measured together: one numpy call per
        candidate cost more in overhead than in arithmetic. Each place's
        distance is computed on its own row, so it is the same to the last bit
        whether measured alone (:meth:`nearest_km`) or with others.
        """
        if not len(self._lat):
            return [math.inf] * len(places)
        if not places:
            return []
        lats = [math.radians(lat) for lat, _ in places]
        p1 = np.array(lats)[:, None]
        l1 = np.array([math.radians(lon) for _, lon in places])[:, None]
        cos_p1 = np.array([math.cos(lat) for lat in lats])[:, None]
        a = (
            np.sin((self._lat - p1) / 2) ** 2
            + cos_p1 * self._cos_lat * np.sin((self._lon - l1) / 2) ** 2
        )
        return [
            2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(float(smallest))))
            for smallest in np.min(a, axis=1)
        ]


@dataclass
class ArticleContext:
    """What the rest of the article says about where it is."""

    countries: Counter[str] = field(default_factory=Counter)
    """ISO codes of countries the article names (as names or demonyms), with counts."""
    country_points: dict[str, tuple[float, float]] = field(default_factory=dict)
    """A point for each of ``countries``, to tell which of them a sea or region reaches."""
    anchors: list[tuple[float, float, str]] = field(default_factory=list)
    """Points (lat, lon, name key) of places already resolved with confidence."""
    neighbours: Counter[str] = field(default_factory=Counter)
    """ISO codes of the land neighbours of ``countries``, with their counts."""
    provinces: Counter[tuple[str, str]] = field(default_factory=Counter)
    """(country, province code) of the provinces resolved with confidence, with counts."""
    vouched: dict[str, Counter[str]] = field(default_factory=dict)
    """For each name key, what its own mentions added to ``countries`` (a name whose
    entries all lie in one country counts for it): a name cannot vouch for itself."""
    _points: dict[str, tuple[int, _Points]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    _keys_at: dict[tuple[float, float], set[str]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    _absorbed: int = field(default=0, init=False, repr=False, compare=False)
    _every: tuple[int, _Points] | None = field(default=None, init=False, repr=False, compare=False)

    def anchor_points(self, own_key: str) -> _Points:
        """The distinct anchor points not named only ``own_key``, built once per name.

        Every mention of a long article used to rebuild this from every
        anchor (one per confident mention, repeats and all): quadratic in the
        article's length. Now the anchors are folded once into their distinct
        points (each with the name keys found there), and each name's set is
        built from those. Anchors only grow by appending, so their count tells
        whether a kept set is still current. Most names are no anchor of their
        own: they all share one set of every point (the same points in the
        same order).
        """
        count = len(self.anchors)
        kept = self._points.get(own_key)
        if kept is not None and kept[0] == count:
            return kept[1]
        for lat, lon, key in self.anchors[self._absorbed :]:
            self._keys_at.setdefault((lat, lon), set()).add(key)
        self._absorbed = count
        wanted = [point for point, keys in self._keys_at.items() if keys != {own_key}]
        every = len(wanted) == len(self._keys_at)
        points = self._every_point(count) if every else _Points(wanted)
        self._points[own_key] = (count, points)
        return points

    def measure_ahead(self, names: Iterable[tuple[str, Sequence[Candidate]]]) -> None:
        """Measure, one numpy pass per set of anchors, how far candidates lie from the anchors.

        ``names`` are (name key, candidates) pairs about to be ranked with the
        anchors as they are now: :func:`rank_candidates` then finds each
        distance measured (the same arithmetic, so the same distance).
        """
        wanted: dict[int, tuple[_Points, list[tuple[float, float]]]] = {}
        for own_key, candidates in names:
            points = self.anchor_points(own_key)
            places = wanted.setdefault(id(points), (points, []))[1]
            places.extend((c.lat, c.lon) for c in candidates if c.feature != "country")
        for points, places in wanted.values():
            points.measure(places)

    def _every_point(self, count: int) -> _Points:
        """All the distinct anchor points, built once per ``count`` of anchors absorbed."""
        if self._every is None or self._every[0] != count:
            self._every = (count, _Points(list(self._keys_at)))
        return self._every[1]


@dataclass(frozen=True)
class Ranked:
    """A candidate with its score and the reasons behind it."""

    candidate: Candidate
    score: float
    reasons: tuple[str, ...]


def _anchor_distances(candidates: Sequence[Candidate], anchors: _Points) -> list[float] | None:
    """Each candidate's distance to the nearest anchor; ``None`` when there are no anchors.

    Countries are not measured (the score leaves them out): they stand at inf.
    """
    if not anchors:
        return None
    measured = [i for i, c in enumerate(candidates) if c.feature != "country"]
    distances = [math.inf] * len(candidates)
    nearest = anchors.nearest_km_kept([(candidates[i].lat, candidates[i].lon) for i in measured])
    for i, km in zip(measured, nearest, strict=True):
        distances[i] = km
    return distances


def _written_as_abbreviation(mention_text: str) -> bool:
    """Whether the text writes the name as an abbreviation of four letters or fewer."""
    letters = mention_text.replace(".", "").replace(" ", "")
    return letters.isupper() and len(letters) <= 4


def _prior(candidate: Candidate, abbreviated: bool) -> tuple[float, list[str]]:
    """Score and reasons from the candidate alone: its size, its kind, how it was matched.

    ``abbreviated`` says whether the text writes the name as an abbreviation
    (:func:`_written_as_abbreviation`, worked out once per mention).
    """
    reasons = []
    score = math.log10(candidate.population + 10)
    if candidate.population:
        reasons.append(f"population {candidate.population:,}")
    bonus = _FEATURE_BONUS.get(candidate.feature, 0.0)
    if bonus:
        score += bonus
        reasons.append(f"a {candidate.feature.replace('_', ' ')}")
    if not candidate.exact_name:
        score -= _ALIAS_PENALTY
        reasons.append(f"matched its alternate name {candidate.matched_name!r}")
        if candidate.feature == "airport":
            score += _HUB_SHORT_NAME_BONUS
            reasons.append("a hub airport under the short name news uses")
    if abbreviated:
        written = candidate.matched_name.replace(".", "").replace(" ", "")
        if not written.isupper():
            score -= _ACRONYM_PENALTY
            reasons.append("the text writes an abbreviation, this is a name")
    return score, reasons


#: Ordinary English words that GeoNames' translated alternate names are made
#: of ("White House" for Casablanca, "Haven of Peace" for Dar es Salaam). A
#: name written only with them is an English phrase before it is a
#: translation: see :func:`matched_by_translation`.
COMMON_ENGLISH_WORDS = frozenset(
    {
        "the",
        "of",
        "and",
        "in",
        "on",
        "at",
        "by",
        "new",
        "old",
        "great",
        "little",
        "big",
        "good",
        "fair",
        "holy",
        "beautiful",
        "white",
        "black",
        "red",
        "green",
        "blue",
        "yellow",
        "golden",
        "silver",
        "grey",
        "gray",
        "brown",
        "house",
        "houses",
        "home",
        "hall",
        "palace",
        "castle",
        "fort",
        "fortress",
        "tower",
        "gate",
        "gates",
        "bridge",
        "church",
        "temple",
        "mosque",
        "market",
        "garden",
        "gardens",
        "field",
        "fields",
        "farm",
        "well",
        "wells",
        "spring",
        "springs",
        "water",
        "hill",
        "hills",
        "mountain",
        "mountains",
        "mount",
        "rock",
        "rocks",
        "stone",
        "river",
        "lake",
        "sea",
        "bay",
        "cape",
        "point",
        "island",
        "islands",
        "valley",
        "forest",
        "wood",
        "woods",
        "port",
        "harbour",
        "harbor",
        "haven",
        "peace",
        "city",
        "town",
        "village",
        "star",
        "moon",
        "sun",
        "king",
        "queen",
        "prince",
        "princess",
        "lord",
        "lady",
        "saint",
        "north",
        "south",
        "east",
        "west",
        "upper",
        "lower",
        "high",
        "low",
        "long",
        "broad",
        "deep",
        "first",
        "second",
        "end",
        "head",
        "heart",
    }
)


def matched_by_translation(candidate: Candidate) -> bool:
    """Whether a town matched only by an English translation of its name.

    "White House" is an alternate name of Casablanca (Dar el Beida), but an
    article writing "White House" means the one in Washington or a phrase.
    A GeoNames town matched under an alternate name of two words or more,
    every one an ordinary English word and none part of the town's own
    name, is not a match. Curated aliases ("Ivory Coast") and countries are
    chosen by hand and kept.
    """
    if candidate.exact_name or candidate.feature != "city" or candidate.source != "geonames":
        return False
    words = name_key(candidate.matched_name).split()
    own = set(name_key(candidate.name).split())
    return (
        len(words) >= 2
        and all(w in COMMON_ENGLISH_WORDS for w in words)
        and not own.intersection(words)
    )


def _another_name(candidate: Candidate, *, below: float = _SAME_NAME_SIMILARITY) -> bool:
    """Whether the candidate was reached by a name unlike its own ("Pokrovsk" for Engels).

    Not a spelling of its own name: "St. Petersburg" is Saint Petersburg and
    "Hull" is Kingston upon Hull, however a namesake bears the written form.
    ``below`` is the spelling similarity under which the names are unlike.
    """
    if candidate.exact_name:
        return False
    written, own = name_key(candidate.matched_name), name_key(candidate.name)
    return written not in own and spelling_similarity(written, own) < below


#: The "of" of Spanish, Portuguese and Italian town names ("Chiapa de Corzo").
_OF_WORDS = frozenset({"de", "del", "do", "da", "di", "dos", "das"})


def _sizeable_towns(candidates: Sequence[Candidate]) -> list[Candidate]:
    """The candidates that are towns of some size under the name written.

    Under an alternate name too: "Chittagong" is the city the gazetteer
    files as Chattogram, and "Jenin" the town it spells Janīn; not one that
    only borrows its province's longer name ("Rio Grande do Sul" is an
    alternate name of the city Rio Grande, and the state's own), nor one
    reached by a name unlike its own ("Basilan" for Isabela City).
    :func:`_named_after_its_city` asks which of them lie inside the province.
    """
    return [
        c
        for c in candidates
        if c.feature == "city"
        and c.population >= (_NAMED_SEAT_POPULATION if c.exact_name else _NAMESAKE_SEAT_POPULATION)
        and not (
            not c.exact_name
            and len(name_key(c.matched_name).split()) > len(name_key(c.name).split())
        )
        # nor one whose longer name only holds the name as a part: "Chiapas" is an
        # alternate name of Chiapa de Corzo, "Morelos" of Ecatepec de Morelos
        and not (
            not c.exact_name
            and bool(_OF_WORDS.intersection(name_key(c.name).split()))
            and not name_key(c.name).startswith(name_key(c.matched_name))
        )
        # nor one the name only reaches as its island's or province's: "Basilan" is
        # among the names of Isabela City, the island province's capital
        and not _borrowed_name(c)
    ]


def _borrowed_name(town: Candidate) -> bool:
    """Whether a town is reached by a name quite unlike its own: "Basilan" for Isabela City.

    Not a renamed town's old name, which is still a spelling of sorts:
    "Chittagong" for Chattogram, "Calcutta" for Kolkata.
    """
    return _another_name(town, below=_BORROWED_SIMILARITY)


def _dwarfed(candidate: Candidate, candidates: Sequence[Candidate]) -> bool:
    """Whether ``candidate`` is a town far smaller than a namesake city in another country.

    A passing "American" or "U.S." in a story about Russia and Ukraine
    should not carry "held in Geneva" to Geneva, New York: the country bonus
    is for the story's own country, and a town dwarfed by a world city
    abroad gets it only where that country is the story's main one.
    """
    if candidate.feature != "city":
        return False
    return any(
        other.feature == "city"
        and (
            other.exact_name
            or (
                other.population >= _EXONYM_CITY_POPULATION
                and spelling_similarity(other.matched_name, other.name) >= _SAME_NAME_SIMILARITY
            )
        )
        and other.country != candidate.country
        and other.population >= _WORLD_CITY_POPULATION
        and other.population >= _DWARFED_RATIO * max(candidate.population, 1)
        for other in candidates
    )


def _a_province_abroad_of_a_world_city(province: Candidate, towns: Sequence[Candidate]) -> bool:
    """Whether a province of unknown size shares its name with a big city in another country.

    "Aid trucks entered Gaza": the city of 400,000 on the Mediterranean, before a
    province of Mozambique whose size the sources do not give (a province's flat
    bonus would otherwise beat any city under a million).
    """
    return (
        province.feature == "admin1"
        and not province.population
        and province.exact_name
        and any(
            t.country != province.country
            and t.exact_name
            and t.population >= _WORLD_CITY_POPULATION * 2
            for t in towns
        )
    )


def _named_after_its_city(province: Candidate, towns: Sequence[Candidate]) -> bool:
    """Whether a province shares its name with a sizeable town inside it.

    "Lagos", "Aleppo" and "Tel Aviv" are each a city and the province
    around it, and "Kunduz" the city and Kunduz Province; a bare name in news
    means the city. A namesake elsewhere
    does not count: Wyoming, Michigan does not make "in Wyoming" a town.
    Inside means the same province code or, where the sources file a city
    and its district under different levels (Belfast), close to its point.
    """
    return (
        province.feature == "admin1"
        and (province.exact_name or _name_and_its_kind(province))
        and any(
            qualified_by(town, province)
            or haversine_km(town.lat, town.lon, province.lat, province.lon)
            < (_NAMESAKE_REACH_KM if town.exact_name else _ALIAS_NAMESAKE_REACH_KM)
            for town in towns
        )
    )


def _name_and_its_kind(province: Candidate) -> bool:
    """Whether a province's own name is the name written and a kind word: "Kunduz Province"."""
    written, own = name_key(province.matched_name), name_key(province.name)
    rest = own.removeprefix(written + " ")
    return rest != own and rest in _PROVINCE_KIND_WORDS


_PROVINCE_KIND_WORDS = frozenset(
    {"province", "governorate", "region", "state", "oblast", "district", "prefecture"}
)


def _named_after_its_sea(province: Candidate, seas: AbstractSet[str]) -> bool:
    """Whether a province bears exactly the name of a sea among the name's entries.

    "the Red Sea" is the sea before Egypt's and Sudan's Red Sea provinces,
    unless the text calls it a province ("the Red Sea governorate").
    """
    return province.feature == "admin1" and province.exact_name and province.name in seas


def rank_candidates(
    candidates: Sequence[Candidate],
    *,
    mention_text: str,
    context: ArticleContext,
    qualifier: Candidate | None = None,
    contained: Candidate | None = None,
    listed_with: Sequence[Candidate] = (),
    named_kind: str | None = None,
    sentence_towns: Sequence[Candidate] = (),
    sided: bool = False,
) -> list[Ranked]:
    """Score every candidate for one mention; best first.

    ``qualifier`` is the place named right after the mention in a
    "City, State" or "City, Country" pattern, when there is one; ``contained``
    is the town named right before it ("Atlanta, Georgia"), which the
    mention's candidate should contain. ``listed_with`` are the provinces or
    countries the name is listed with ("Utah, Washington and Wisconsin"): a
    candidate of their kind, and for provinces of their country, fits the
    list. ``named_kind`` is the feature a phrase before the name asks for
    ("the state of Washington" → ``admin1``). ``sentence_towns`` are the towns
    the mention's sentence names: a state or province that holds one fits
    better than a country of its name ("arrested in Georgia, Atlanta police
    said" is the US state). ``sided`` says a side word stands before the name
    ("southern Gaza"): an area, whose side can be drawn, fits better than a
    town of its name. Anchors
    with the mention's own name key are ignored: a name cannot vouch for itself.
    """
    total_countries = sum(context.countries.values()) or 1
    total_provinces = sum(context.provinces.values()) or 1
    own_key = name_key(mention_text)
    own_votes = context.vouched.get(own_key, Counter())
    anchor_points = context.anchor_points(own_key)
    towns = _sizeable_towns(candidates)
    calling = _countries_calling(mention_text)  # the countries whose word the name ends with
    seas = {c.name for c in candidates if c.feature == "sea"}
    foreign_countries = {c.country for c in candidates if c.feature == "country" and c.exact_name}
    # "Pokrovsk" is a city of that name in Ukraine before it is Engels, once called so
    bearers = [
        i
        for i, c in enumerate(candidates)
        if c.exact_name and c.feature == "city" and c.population >= _NAMESAKE_CITY_POPULATION
    ]
    biggest_bearer = max((candidates[i].population for i in bearers), default=0)
    qualifier_holds_one = qualifier is not None and any(
        c.feature != "country" and qualified_by(c, qualifier) for c in candidates
    )
    distances = _anchor_distances(candidates, anchor_points)
    # A bearer at least as near the story's other places: "Novomoskovsk and
    # Dnipro" is Samar, by Dnipro, renamed in 2024, not the Novomoskovsk near Tula.
    nearest_bearer = min(
        (distances[i] if distances is not None else 0.0 for i in bearers), default=None
    )
    abbreviated = _written_as_abbreviation(mention_text)
    # a state that holds a town of its sentence, against a country of its name:
    # not against a town of its name in that town's country ("New York", "Dubai"
    # stay the cities; "Victoria's premier … near Melbourne" is no Hong Kong)
    towns_of_the_name = {c.country for c in candidates if c.feature == "city"}
    ranked = []
    for index, candidate in enumerate(candidates):
        score, reasons = _prior(candidate, abbreviated)
        own_distance = distances[index] if distances is not None else 0.0
        displaced = (
            nearest_bearer is not None
            and candidate.feature == "city"
            and _another_name(candidate)
            and (nearest_bearer <= own_distance + 50.0 or own_distance > _ALIAS_NEIGHBOUR_KM)
        )
        if displaced:
            # "premiered in Venice", in a story that names Chicago, 370 km from
            # Dayton, is no Dayton filed under another city's name
            score -= _FORMER_NAME_PENALTY
            reasons.append("a city of some size bears the name itself")
        if _named_after_its_city(candidate, towns):
            score -= _NAMESAKE_PROVINCE_PENALTY
            reasons.append("a province named after its main city")
        elif named_kind != "admin1" and _named_after_its_sea(candidate, seas):
            # "a ship in the Red Sea": the sea, not Egypt's or Sudan's Red Sea province
            score -= _NAMESAKE_PROVINCE_PENALTY
            reasons.append("a province named after the sea it borders")
        elif _a_province_abroad_of_a_world_city(candidate, towns):
            score -= _WORLD_CITY_NAMESAKE_PENALTY
            reasons.append("a province of no known size, where a city of the world bears the name")
        if candidate.country and candidate.feature != "country":
            own = own_votes.get(candidate.country, 0)
            share = (context.countries.get(candidate.country, 0) - own) / total_countries
            if share and displaced and biggest_bearer > candidate.population:
                # nor does the story's country vouch for it when the city bearing
                # the name is the bigger: "Washington" in a US story is no Watervliet
                reasons.append(f"a bigger city bears the name, far from {candidate.name}")
            elif share and share < _HOME_SHARE and _dwarfed(candidate, candidates):
                reasons.append(
                    f"the article names {candidate.country} only in passing, "
                    "and a far bigger namesake lies abroad"
                )
            elif share:
                score += _COUNTRY_CONTEXT_BONUS * (0.5 + share)
                reasons.append(f"the article names {candidate.country}")
            elif context.neighbours.get(candidate.country):
                # "Israeli jets struck Gaza": the Gaza next door, not Mozambique's.
                near = min(1.0, context.neighbours[candidate.country] / total_countries)
                score += _NEIGHBOUR_BONUS * (1.0 + near)
                reasons.append(f"{candidate.country} borders a country the article names")
            if (
                candidate.feature == "admin1"
                and candidate.exact_name
                and share >= _HOME_SHARE
                and foreign_countries - {candidate.country}
            ):
                score += _HOME_PROVINCE_BONUS
                reasons.append(
                    f"a province of {candidate.country}, the country the article is about"
                )
            province = context.provinces.get((candidate.country, candidate.admin1 or ""), 0)
            if province and candidate.feature == "admin2" and candidate.exact_name:
                share = province / total_provinces
                score += _PROVINCE_CONTEXT_BONUS * (0.5 + share)
                reasons.append(f"the article names its province ({candidate.admin1})")
        elif not candidate.country and candidate.radius_km:
            # A sea or region belongs to no country; it fits the story when it
            # reaches the countries the story names.
            reached = [
                code
                for code, (lat, lon) in context.country_points.items()
                if haversine_km(candidate.lat, candidate.lon, lat, lon) <= candidate.radius_km
            ]
            share = sum(context.countries.get(code, 0) for code in reached) / total_countries
            if share:
                score += _COUNTRY_CONTEXT_BONUS * (0.5 + share)
                reasons.append(f"it reaches {', '.join(sorted(reached))}, which the article names")
        if distances is not None and candidate.feature != "country":
            # Distance to an area is counted from its edge, roughly: its radius.
            reach = candidate.radius_km or 0.0
            nearest = max(0.0, distances[index] - reach)
            bonus = _PROXIMITY_BONUS * math.exp(-nearest / _PROXIMITY_SCALE_KM)
            score += bonus
            if bonus > 0.5:
                reasons.append(f"{nearest:,.0f} km from another place in the article")
        if candidate.capital and not foreign_countries:
            # "In Washington" is the capital before a town in the story's
            # country; not where the name is a country too ("Mexico").
            score += _CAPITAL_BONUS
            reasons.append(f"the capital of {candidate.country}")
        if (
            qualifier is not None
            and qualifier.gazetteer_id != candidate.gazetteer_id  # no place qualifies itself
            and qualified_by(candidate, qualifier)
        ):
            score += _QUALIFIER_BONUS
            reasons.append(f"written as '…, {qualifier.name}'")
        elif candidate.feature == "country" and qualifier_holds_one:
            # "Lebanon, Pennsylvania": a town in the state, not a country named before it
            score -= _QUALIFIER_BONUS
        fellows = [
            s.name
            for s in listed_with
            if s.feature == candidate.feature
            and s.gazetteer_id != candidate.gazetteer_id  # "Bauchi, Bauchi state": no list
            and (candidate.feature == "country" or s.country == candidate.country)
        ]
        if fellows:
            # Two fellows make a list of that kind near certain.
            score += _LIST_BONUS * min(2, len(set(fellows)))
            reasons.append(f"named with {', '.join(dict.fromkeys(fellows))}")
        if named_kind is not None and candidate.feature == named_kind:
            score += _QUALIFIER_BONUS
            reasons.append(f"the text calls it a {_KIND_WORDS.get(named_kind, named_kind)}")
        elif named_kind == "admin1" and candidate.feature == "country":
            # "the state of Georgia", "Georgia Governor Brian Kemp": no country is meant
            score -= _QUALIFIER_BONUS
        if candidate.feature == "admin1" and candidate.country in calling:
            # "Adamawa State": Nigeria's state, not Cameroon's Adamawa Region
            score += _DIVISION_WORD_BONUS
            reasons.append(f"{candidate.country} calls its provinces so")
        if sided and candidate.feature in _SIDED_FEATURES:
            score += _SIDED_AREA_BONUS
            reasons.append("the text names a side of it, which an area has")
        if contained is not None and qualified_by(contained, candidate):
            score += _QUALIFIER_BONUS
            reasons.append(f"written as '{contained.name}, …'")
        elif (
            candidate.feature == "admin1"
            and candidate.country not in towns_of_the_name
            and (held := next((t for t in sentence_towns if qualified_by(t, candidate)), None))
        ):
            score += _HOLDS_A_TOWN_BONUS
            reasons.append(f"holds {held.name}, which its sentence names")
        ranked.append(Ranked(candidate, score, tuple(reasons)))
    ranked.sort(key=lambda r: (-r.score, r.candidate.gazetteer_id))
    return ranked


def qualified_by(candidate: Candidate, qualifier: Candidate) -> bool:
    """Whether ``candidate`` lies in the state or country ``qualifier`` ("Paris, Texas")."""
    if qualifier.feature == "country":
        return candidate.country == qualifier.country
    if qualifier.feature == "admin1" and candidate.country == qualifier.country:
        if candidate.admin1 and qualifier.admin1:
            return candidate.admin1 == qualifier.admin1
        return haversine_km(candidate.lat, candidate.lon, qualifier.lat, qualifier.lon) < 600
    return False


def confidence_of(ranked: Sequence[Ranked]) -> float:
    """How sure the choice is: a logistic of the winner's margin, capped below 1."""
    if not ranked:
        return 0.0
    best = ranked[0]
    penalty = 0.0 if best.candidate.exact_name else 0.1
    if len(ranked) == 1:
        return round(0.95 - penalty, 3)
    margin = best.score - ranked[1].score
    return round(min(0.97, 1 / (1 + math.exp(-margin))) - penalty, 3)


def alternatives_of(ranked: Sequence[Ranked], *, limit: int = 3) -> tuple[Alternative, ...]:
    """The runners-up, each with why it lost to the winner."""
    if len(ranked) < 2:
        return ()
    best = ranked[0]
    out = []
    for loser in ranked[1 : limit + 1]:
        why = [r for r in best.reasons if r not in loser.reasons]
        reason = "lost: the winner is " + "; ".join(why) if why else "lost on the combined score"
        c = loser.candidate
        out.append(
            Alternative(
                c.gazetteer_id, c.name, c.country, c.lat, c.lon, round(loser.score, 2), reason
            )
        )
    return tuple(out)
