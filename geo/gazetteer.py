"""The offline gazetteer: a SQLite index built once from the source packages.

Parsing GeoNames' 80 MB JSON takes seconds; opening a SQLite file takes
microseconds. So the sources are read once into ``gazetteer-<digest>.sqlite``
in the data directory (see :func:`default_data_dir`), and every later run and
every Dask worker opens that file read-only. The digest covers the index
schema, this module's build rules and the source packages' versions, so a
change to any of them builds a new index instead of trusting a stale one.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import tempfile
import threading
from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from geo.normalize import name_key, spelling_similarity, transliteration_key
from geo.sources import SourceRecord, all_records, source_versions
from geo.types import Candidate

__all__ = [
    "FEATURE_RANK",
    "TRANSLITERATION_MIN_SIMILARITY",
    "Gazetteer",
    "build_index",
    "default_data_dir",
    "index_path",
    "open_gazetteer",
]

#: Bump when the schema or the build rules change: it renames the index file.
INDEX_FORMAT = 12

#: Smallest town a misspelt name may be matched to (:meth:`Gazetteer.close_names`).
FUZZY_MIN_POPULATION = 50_000
_FUZZY_MIN_LETTERS = 6
#: How alike a transliteration must be to the name it is matched to
#: (:meth:`Gazetteer.transliterated`): "Hodeidah" and "Al Hudaydah" score 0.62.
TRANSLITERATION_MIN_SIMILARITY = 0.6
_TRANSLITERATION_MIN_LETTERS = 5

#: How strongly a feature kind is preferred when population says nothing:
#: countries over provinces over curated areas over towns over airports.
FEATURE_RANK: dict[str, int] = {
    "country": 0,
    "admin1": 1,
    "continent": 1,
    "sea": 2,
    "gulf": 2,
    "strait": 2,
    "region": 2,
    "territory": 2,
    "peninsula": 2,
    "city": 3,
    "admin2": 3,
    "airbase": 3,
    "naval_base": 3,
    "military_base": 3,
    "airport": 5,
}
_DEFAULT_RANK = 4
_MAX_KEY_WORDS = 8

_SCHEMA = """
CREATE TABLE places (
    rowid INTEGER PRIMARY KEY,
    gazetteer_id TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    lat REAL NOT NULL,
    lon REAL NOT NULL,
    country TEXT,
    feature TEXT NOT NULL,
    population INTEGER NOT NULL,
    admin1 TEXT,
    source TEXT NOT NULL,
    wkt TEXT,
    radius_km REAL,
    capital INTEGER NOT NULL
);
CREATE TABLE names (
    key TEXT NOT NULL,
    place INTEGER NOT NULL,
    is_main INTEGER NOT NULL,
    written TEXT NOT NULL
);
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""
_INDEXES = """
CREATE INDEX names_key ON names(key);
CREATE INDEX places_feature_country ON places(feature, country);
"""


def default_data_dir() -> Path:
    """Where the built index lives: ``$EVENTMAP_DATA_DIR`` or the user cache dir."""
    explicit = os.environ.get("EVENTMAP_DATA_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "eventmap"


def _digest() -> str:
    identity = {"format": INDEX_FORMAT, "sources": source_versions()}
    for name in (
        "curated_places.csv",
        "country_aliases.csv",
        "admin1_abbreviations.csv",
        "admin1_english_names.csv",
        "airport_short_names.csv",
        "geonames_country_points.csv",
    ):
        path = Path(__file__).parent / "data" / name
        identity[name] = hashlib.sha256(path.read_bytes()).hexdigest()
    blob = json.dumps(identity, sort_keys=True).encode()
    return hashlib.sha256(blob).hexdigest()[:16]


def index_path(data_dir: Path | None = None) -> Path:
    """The path of the index that matches the installed sources and build rules."""
    return (data_dir or default_data_dir()) / f"gazetteer-{_digest()}.sqlite"


def _record_names(record: SourceRecord) -> Iterable[tuple[str, int, str]]:
    seen: set[str] = set()
    for written, is_main in [(record.name, 1), *((a, 0) for a in record.aliases)]:
        key = name_key(written)
        if not key or key in seen or len(key) < 2 or len(key.split()) > _MAX_KEY_WORDS:
            continue
        if key.isdigit():
            continue
        seen.add(key)
        yield key, is_main, written


def build_index(path: Path, records: Iterable[SourceRecord] | None = None) -> Path:
    """Build the SQLite index at ``path`` from ``records`` (default: every source).

    The file is written beside its destination and renamed into place, so a
    reader never sees a half-built index and two concurrent builds are safe.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=".gazetteer-", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        conn = sqlite3.connect(tmp_name)
        conn.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + _SCHEMA)
        seen_ids: set[str] = set()
        place_rows = []
        name_rows: list[tuple[str, int, int, str]] = []
        for rowid, record in enumerate(records if records is not None else all_records()):
            if record.gazetteer_id in seen_ids:
                continue
            seen_ids.add(record.gazetteer_id)
            place_rows.append(
                (
                    rowid,
                    record.gazetteer_id,
                    record.name,
                    record.lat,
                    record.lon,
                    record.country,
                    record.feature,
                    record.population,
                    record.admin1,
                    record.source,
                    record.wkt,
                    record.radius_km,
                    int(record.capital),
                )
            )
            name_rows.extend((key, rowid, is_main, w) for key, is_main, w in _record_names(record))
        conn.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", place_rows)
        conn.executemany("INSERT INTO names VALUES (?,?,?,?)", name_rows)
        conn.executescript(_INDEXES)
        conn.execute("INSERT INTO meta VALUES ('digest', ?)", (path.stem,))
        conn.commit()
        conn.close()
        os.replace(tmp_name, path)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    return path


class Gazetteer:
    """Read-only lookups in a built index.

    One connection per thread (SQLite connections are not shared across
    threads); each process opens the file once and keeps it.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()
        self._countries: dict[str, Candidate | None] = {}
        self._fuzzy: dict[tuple[str, int], list[str]] | None = None
        self._translit: dict[str, list[str]] | None = None

    def _conn(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            self._local.conn = conn
        return conn

    def __getstate__(self) -> dict[str, object]:
        """Pickle as a path only, so a Dask worker reopens the file itself."""
        return {"path": self.path}

    def __setstate__(self, state: dict[str, object]) -> None:
        """Restore from :meth:`__getstate__`."""
        self.__init__(Path(str(state["path"])))  # type: ignore[misc]

    def known_keys(self, keys: Iterable[str]) -> set[str]:
        """The subset of ``keys`` (already normalised) that name some place."""
        wanted = sorted(set(keys))
        found: set[str] = set()
        for chunk_start in range(0, len(wanted), 500):
            chunk = wanted[chunk_start : chunk_start + 500]
            marks = ",".join("?" * len(chunk))
            rows = self._conn().execute(
                f"SELECT DISTINCT key FROM names WHERE key IN ({marks})", chunk
            )
            found.update(row[0] for row in rows)
        return found

    def candidates(self, name: str, *, limit: int | None = None) -> list[Candidate]:
        """Every place the name may mean, best prior first.

        The prior orders by whether the name is the place's main name, then
        feature kind (country before province before town), then population.
        """
        key = name_key(name)
        if not key:
            return []
        rows = (
            self._conn()
            .execute(
                """
            SELECT p.gazetteer_id, p.name, p.lat, p.lon, p.country, p.feature,
                   p.population, p.admin1, p.source, n.written, n.is_main, p.wkt, p.radius_km,
                   p.capital
            FROM names n JOIN places p ON p.rowid = n.place
            WHERE n.key = ?
            """,
                (key,),
            )
            .fetchall()
        )
        found = [
            Candidate(
                gazetteer_id=row[0],
                name=row[1],
                lat=row[2],
                lon=row[3],
                country=row[4],
                feature=row[5],
                population=row[6],
                admin1=row[7],
                source=row[8],
                matched_name=row[9],
                exact_name=bool(row[10]),
                wkt=row[11],
                radius_km=row[12],
                capital=bool(row[13]),
            )
            for row in rows
        ]
        found.sort(key=_prior_sort_key)
        return found[:limit] if limit else found

    def by_id(self, gazetteer_id: str) -> Candidate | None:
        """The place with this gazetteer id, or ``None``."""
        row = (
            self._conn()
            .execute(
                """SELECT gazetteer_id, name, lat, lon, country, feature, population, admin1,
                      source, wkt, radius_km, capital FROM places WHERE gazetteer_id = ?""",
                (gazetteer_id,),
            )
            .fetchone()
        )
        if row is None:
            return None
        return Candidate(
            gazetteer_id=row[0],
            name=row[1],
            lat=row[2],
            lon=row[3],
            country=row[4],
            feature=row[5],
            population=row[6],
            admin1=row[7],
            source=row[8],
            matched_name=row[1],
            wkt=row[9],
            radius_km=row[10],
            capital=bool(row[11]),
        )

    def close_names(self, name: str) -> list[Candidate]:
        """Places of standing whose name is one or two letters away from ``name``.

        For misspellings and transliterations the alternate names miss
        ("Mauritious", "Saraqeb"): only countries, provinces and towns of
        :data:`FUZZY_MIN_POPULATION` or more are considered, by their main
        names, only for names of six letters or more; one edit is allowed up
        to eight letters, two
        beyond, and the edits may touch only vowels and doubled letters (the
        consonants, undoubled, must agree: "Greenlane" is not "Greenland").
        Each candidate is marked as an alias match.
        """
        key = name_key(name)
        if len(key) < _FUZZY_MIN_LETTERS:
            return []
        allowed = 1 if len(key) <= 8 else 2
        found: dict[str, Candidate] = {}
        by_shape = self._fuzzy_keys()
        for length in range(len(key) - allowed, len(key) + allowed + 1):
            for other in by_shape.get((key[0], length), ()):
                if (
                    other == key
                    or _skeleton(other) != _skeleton(key)
                    or not _within_edits(key, other, allowed)
                ):
                    continue
                for c in self.candidates(other):
                    if c.feature in ("country", "admin1") or c.population >= FUZZY_MIN_POPULATION:
                        found.setdefault(c.gazetteer_id, replace(c, exact_name=False))
        return list(found.values())

    def transliterated(self, name: str) -> list[Candidate]:
        """Places of standing that ``name`` may be a transliteration of.

        A fallback for names no key matches ("Hodeidah" for Al Ḩudaydah,
        "Zaporizhia" for Zaporizhzhya): the main names of countries,
        provinces and towns of :data:`FUZZY_MIN_POPULATION` or more that
        share ``name``'s :func:`~geo.normalize.transliteration_key` (of five
        letters or more: shorter keys meet too many words),
        kept when their :func:`~geo.normalize.spelling_similarity` to it is
        at least :data:`TRANSLITERATION_MIN_SIMILARITY`. Each is marked as an
        alias match, under the name it was matched by. A province found with
        a town of its country is left out: the bare name means the town.
        """
        key = transliteration_key(name)
        if len(key) < _TRANSLITERATION_MIN_LETTERS:
            return []
        found: dict[str, Candidate] = {}
        for other in self._transliteration_keys().get(key, ()):
            if spelling_similarity(name, other) < TRANSLITERATION_MIN_SIMILARITY:
                continue
            for c in self.candidates(other):
                if c.feature in ("country", "admin1") or c.population >= FUZZY_MIN_POPULATION:
                    found.setdefault(c.gazetteer_id, replace(c, exact_name=False))
        # A bare name shared by a city and its province means the city
        # (as for exact names: see geo.disambiguate).
        towns = {c.country for c in found.values() if c.feature == "city"}
        return [c for c in found.values() if c.feature != "admin1" or c.country not in towns]

    def _transliteration_keys(self) -> dict[str, list[str]]:
        """Main-name keys of the places of standing, by transliteration key (built once).

        Alternate names are left out: in GeoNames they come in dozens of
        languages, and under so coarse a key they meet English words.
        """
        keys = self._translit
        if keys is None:
            keys = {}
            for same_shape in self._fuzzy_keys().values():
                for key in same_shape:
                    keys.setdefault(transliteration_key(key), []).append(key)
            self._translit = keys
        return keys

    def _fuzzy_keys(self) -> dict[tuple[str, int], list[str]]:
        keys = self._fuzzy
        if keys is None:
            rows = self._conn().execute(
                """SELECT DISTINCT n.key FROM names n JOIN places p ON p.rowid = n.place
                   WHERE n.is_main = 1
                   AND (p.feature IN ('country', 'admin1') OR p.population >= ?)""",
                (FUZZY_MIN_POPULATION,),
            )
            keys = {}
            for (key,) in rows:
                keys.setdefault((key[0], len(key)), []).append(key)
            self._fuzzy = keys
        return keys

    def country(self, iso2: str) -> Candidate | None:
        """The country entry for an ISO alpha-2 code."""
        row = (
            self._conn()
            .execute(
                "SELECT gazetteer_id FROM places WHERE feature = 'country' AND country = ?",
                (iso2.upper(),),
            )
            .fetchone()
        )
        return self.by_id(row[0]) if row else None

    def countries(self) -> Sequence[Candidate]:
        """All country entries."""
        rows = self._conn().execute("SELECT gazetteer_id FROM places WHERE feature = 'country'")
        return [c for (gid,) in rows.fetchall() if (c := self.by_id(gid)) is not None]


def _prior_sort_key(candidate: Candidate) -> tuple[int, int, int, str]:
    rank = FEATURE_RANK.get(candidate.feature, _DEFAULT_RANK)
    return (0 if candidate.exact_name else 1, rank, -candidate.population, candidate.gazetteer_id)


def _skeleton(key: str) -> str:
    """A name's consonants with doubled letters made single: where spellings agree."""
    consonants = [ch for ch in key if ch not in "aeiouy "]
    return "".join(ch for i, ch in enumerate(consonants) if i == 0 or ch != consonants[i - 1])


def _within_edits(a: str, b: str, limit: int) -> bool:
    """Whether the Levenshtein distance between ``a`` and ``b`` is at most ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return False
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i]
        for j, cb in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return False
        previous = current
    return previous[-1] <= limit


_open_lock = threading.Lock()


@lru_cache(maxsize=4)
def _open_cached(path: Path) -> Gazetteer:
    return Gazetteer(path)


def open_gazetteer(data_dir: Path | None = None, *, build: bool = True) -> Gazetteer:
    """Open the index for the installed sources, building it first if needed.

    Raises
    ------
    FileNotFoundError
        When the index is missing and ``build`` is false.
    """
    path = index_path(data_dir)
    with _open_lock:
        if not path.exists():
            if not build:
                raise FileNotFoundError(f"gazetteer index not built: {path}")
            build_index(path)
        return _open_cached(path)
