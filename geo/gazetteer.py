"""The offline gazetteer: a SQLite index built once from the source packages.

Parsing GeoNames' 80 MB JSON takes seconds; opening a SQLite file takes
microseconds. So the sources are read once into ``gazetteer-<digest>.sqlite``
in the data directory (see :func:`default_data_dir`), and every later run and
every Dask worker opens that file read-only. The digest covers the index
schema, this module's build rules and the source packages' versions, so a
change to any of them builds a new index instead of trusting a stale one.

The index is derived data, so it is never trusted blindly either: the build
writes the file's SHA-256 and size beside it (``<index>.sha256``), and the
first open in each process checks the SQLite header against the file's size
(a truncated copy), the tables and the build digest inside, and the SHA-256.
An index that fails any check (cut short, zeroed, another file under its
name) is rebuilt, with a warning, instead of failing every article. The
temporary files of a build that was killed are removed by the next open
(:mod:`geo.stale_files`).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import re
import sqlite3
import threading
from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from geo.normalize import name_key, respelled_key, spelling_similarity, transliteration_key
from geo.sources import SourceRecord, all_records, source_versions
from geo.stale_files import remove_stale, temp_name
from geo.types import Candidate

__all__ = [
    "ALIKE_SPELLING",
    "FEATURE_RANK",
    "TRANSLITERATION_MIN_SIMILARITY",
    "Gazetteer",
    "GazetteerError",
    "build_index",
    "default_data_dir",
    "index_path",
    "open_gazetteer",
    "verify_index",
]

_log = logging.getLogger("eventmap")

#: Bump when the schema or the build rules change: it renames the index file.
INDEX_FORMAT = 16

#: Smallest town a misspelt name may be matched to (:meth:`Gazetteer.close_names`).
FUZZY_MIN_POPULATION = 50_000

#: How alike an alternate name must be to a place's own name to count as a
#: spelling of it, not another name it goes by ("Dar'ā" for Daraa: 0.8, "Kiev"
#: for Kyiv 0.75; "Philadelphia" for Amman: 0.24, "Hamas" for Hamm 0.67).
ALIKE_SPELLING = 0.75
_FUZZY_MIN_LETTERS = 6
_THE = re.compile(r"\s*the\s", re.IGNORECASE)
"""An article opening an alternate name: "The Crossing", a nickname, not a place's name."""
#: How alike a transliteration must be to the name it is matched to
#: (:meth:`Gazetteer.transliterated`): "Hodeidah" and "Al Hudaydah" score 0.62.
TRANSLITERATION_MIN_SIMILARITY = 0.6
#: Population from which a city matched by its transliteration stands without the
#: story naming its country: "Hodeidah" is Al Hudaydah (734,699) in a headline too.
TRANSLITERATED_STANDING = 250_000
_TRANSLITERATION_MIN_LETTERS = 5
#: Name keys whose lookups a :class:`Gazetteer` keeps (see :meth:`Gazetteer.candidates`).
_LOOKUP_CACHE_KEYS = 8192

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
        "naturalearth_admin1.npz",
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


class GazetteerError(RuntimeError):
    """The index cannot be built or opened: the message names the folder and what to do."""


_TEMP = re.compile(r"^\.gazetteer-.*\.tmp$")
_SQLITE_MAGIC = b"SQLite format 3\x00"
_HEADER_SIZE = 100
_TABLES: dict[str, set[str]] = {
    "places": {
        "rowid",
        "gazetteer_id",
        "name",
        "lat",
        "lon",
        "country",
        "feature",
        "population",
        "admin1",
        "source",
        "wkt",
        "radius_km",
        "capital",
    },
    "names": {"key", "place", "is_main", "written"},
    "meta": {"key", "value"},
}


def check_path(path: Path) -> Path:
    """Where the SHA-256 and size of the index at ``path`` are kept."""
    return path.with_name(path.name + ".sha256")


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _write_check(index: Path, check: Path) -> None:
    """Write the SHA-256 and size of ``index`` to ``check``, by a rename."""
    body = {"sha256": _file_sha256(index), "size": index.stat().st_size}
    temp = check.parent / temp_name(".gazetteer-check-")
    try:
        temp.write_text(json.dumps(body, sort_keys=True) + "\n", encoding="utf-8")
        os.replace(temp, check)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def build_index(path: Path, records: Iterable[SourceRecord] | None = None) -> Path:
    """Build the SQLite index at ``path`` from ``records`` (default: every source).

    The file is written beside its destination and renamed into place, so a
    reader never sees a half-built index and two concurrent builds are safe.
    Its SHA-256 is written beside it first (:func:`check_path`), so the index
    can be checked whenever it is opened (:func:`verify_index`).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    remove_stale(path.parent, _TEMP)
    tmp = path.parent / temp_name(".gazetteer-")
    os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644))
    try:
        conn = sqlite3.connect(tmp)
        try:
            _fill(conn, path, records)
        finally:
            conn.close()
        _write_check(tmp, check_path(path))
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path


def _fill(conn: sqlite3.Connection, path: Path, records: Iterable[SourceRecord] | None) -> None:
    """Create the tables in ``conn`` and fill them from ``records``."""
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


def _header_problem(path: Path) -> str | None:
    """Why the file is not a whole SQLite database by its header, or ``None``."""
    with open(path, "rb") as handle:
        header = handle.read(_HEADER_SIZE)
    size = path.stat().st_size
    if len(header) < _HEADER_SIZE or not header.startswith(_SQLITE_MAGIC):
        return "not a SQLite database (empty, zeroed or another kind of file)"
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    if page_size < 512 or pages == 0 or size != page_size * pages:
        return f"truncated or padded: {size} bytes where the header says {page_size * pages}"
    return None


def _structure_problem(path: Path) -> str | None:
    """Why the tables are not those of an index built for ``path``, or ``None``."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        for table, columns in _TABLES.items():
            found = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
            if not columns <= found:
                return f"table {table} is missing or has other columns"
        row = conn.execute("SELECT value FROM meta WHERE key = 'digest'").fetchone()
        if row is None or row[0] != path.stem:
            return "it was built for another version of the sources"
        if conn.execute("SELECT 1 FROM places LIMIT 1").fetchone() is None:
            return "it holds no places"
    finally:
        conn.close()
    return None


def _digest_problem(path: Path) -> str | None:
    """Why the file does not match the SHA-256 written at build, or ``None``.

    An index from before these checks has no ``.sha256``: SQLite's own
    ``quick_check`` vouches for it, and its digest is then written (when the
    folder can be written) so that later opens check the digest.
    """
    check = check_path(path)
    try:
        expected = json.loads(check.read_text(encoding="utf-8"))
    except FileNotFoundError:
        expected = None
    except (OSError, ValueError):
        return f"its check file {check.name} is unreadable"
    if expected is None:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            verdict = conn.execute("PRAGMA quick_check").fetchone()
        finally:
            conn.close()
        if verdict is None or verdict[0] != "ok":
            return f"SQLite finds it damaged: {verdict[0] if verdict else 'no answer'}"
        with contextlib.suppress(OSError):  # a read-only folder: quick_check next time
            _write_check(path, check)
        return None
    if not isinstance(expected, dict) or expected.get("size") != path.stat().st_size:
        return "its size differs from the one written when it was built"
    if expected.get("sha256") != _file_sha256(path):
        return "its SHA-256 differs from the one written when it was built"
    return None


def verify_index(path: Path) -> str | None:
    """Check the index at ``path``: ``None`` when it is sound, else what is wrong.

    Checks, cheapest first: the SQLite header against the file's size, the
    tables and the build digest inside, and the file's SHA-256 against the
    one :func:`build_index` wrote beside it.
    """
    try:
        return _header_problem(path) or _structure_problem(path) or _digest_problem(path)
    except sqlite3.Error as exc:
        return f"SQLite cannot read it: {exc}"
    except OSError as exc:
        return f"it cannot be read: {exc.strerror or exc}"


class Gazetteer:
    """Read-only lookups in a built index.

    One connection per thread (SQLite connections are not shared across
    threads); each process opens the file once and keeps it.

    The index never changes under an open instance (a rebuilt index is
    opened as a new one), so each instance keeps what it has looked up: a
    corpus names the same places over and over, and extraction asks about
    the same names several times per article. The kept lookups are bounded
    (:data:`_LOOKUP_CACHE_KEYS` name keys, forgotten all at once when full).
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()
        self._countries: dict[str, Candidate | None] = {}
        self._known: dict[str, bool] = {}
        self._by_key: dict[str, tuple[Candidate, ...]] = {}
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
        """The subset of ``keys`` (already normalised) that name some place.

        Only keys not asked about before go to the index, in one query.
        """
        asked = set(keys)
        known = self._known
        unasked = sorted(key for key in asked if key not in known)
        if unasked:
            found = self._query_known_keys(unasked)
            # a key no entry bears may be filed under a common respelling ("Tel Tamr")
            respelled = {
                key: other
                for key in unasked
                if key not in found and (other := respelled_key(key)) is not None
            }
            if respelled:
                filed = self._query_known_keys(sorted(set(respelled.values())))
                found |= {key for key, other in respelled.items() if other in filed}
            if len(known) + len(unasked) > _LOOKUP_CACHE_KEYS:
                known.clear()
            for key in unasked:
                known[key] = key in found
        return {key for key in asked if known.get(key, False)}

    def _query_known_keys(self, wanted: Sequence[str]) -> set[str]:
        """The subset of ``wanted`` the index holds, asked in chunks of 500."""
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
        Each name key is looked up once (the candidates are frozen; the list
        is the caller's own).
        """
        key = name_key(name)
        if not key:
            return []
        found = self._by_key.get(key)
        if found is None:
            found = self._query_candidates(key)
            other = respelled_key(key) if not found else None
            if other is not None:
                found = self._query_candidates(other)  # "Tel Tamr", filed as Tall Tamr
            if len(self._by_key) >= _LOOKUP_CACHE_KEYS:
                self._by_key.clear()
            self._by_key[key] = found
        return list(found[:limit] if limit else found)

    def _query_candidates(self, key: str) -> tuple[Candidate, ...]:
        """Every place under the name key ``key`` in the index, best prior first."""
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
            # "The Crossing" is Bismarck's nickname and "The River" New Brunswick's in
            # GeoNames: a "crossing" or "the River" in the news is neither (a main name
            # that opens with the article, "The Hague", is the place's own, and so is
            # an alias the project curated: "the Gulf")
            if row[10] or row[8] != "geonames" or not _THE.match(row[9])
        ]
        found.sort(key=_prior_sort_key)
        return tuple(found)

    def capitals(self) -> list[tuple[str, float, float, int]]:
        """(name, lat, lon, population) of every national capital, most populous first.

        For the map's base labels; GeoNames marks about 240.
        """
        rows = self._conn().execute(
            "SELECT name, lat, lon, population FROM places WHERE capital = 1 "
            "ORDER BY population DESC, name"
        )
        return [(str(r[0]), float(r[1]), float(r[2]), int(r[3])) for r in rows]

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
        Each candidate is marked as an alias match. A place that bears the
        near name only as an alternate name unlike its own (an old or foreign
        name: Amman was Philadelphia) is not one: the slip is from the name
        the place goes by, or a spelling of it (:data:`ALIKE_SPELLING`).
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
                    # By its own name or a spelling of it: "Philadelphi" is one
                    # letter from Philadelphia's name, and from an old name of
                    # Amman; "Dar'ā" is a spelling of Daraa's.
                    alike = c.exact_name or (
                        spelling_similarity(c.name, c.matched_name) >= ALIKE_SPELLING
                    )
                    if alike and (
                        c.feature in ("country", "admin1") or c.population >= FUZZY_MIN_POPULATION
                    ):
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
            keys = {}
            for key in self._main_keys_of_standing():
                keys.setdefault((key[0], len(key)), []).append(key)
            self._fuzzy = keys
        return keys

    def _main_keys_of_standing(self) -> list[str]:
        """The main-name keys of countries, provinces and towns of standing, sorted.

        Read in two plain scans (the places of standing, then every main
        name) and joined here: SQLite's own join walks the names through their
        key index, a random read per name, and took three times as long (half
        a second, once per process). Sorted, as that walk returned them.
        """
        conn = self._conn()
        standing = {
            row[0]
            for row in conn.execute(
                "SELECT rowid FROM places"
                " WHERE feature IN ('country', 'admin1') OR population >= ?",
                (FUZZY_MIN_POPULATION,),
            )
        }
        rows = conn.execute("SELECT key, place FROM names WHERE is_main = 1")
        return sorted({key for key, place in rows if place in standing})

    def country(self, iso2: str) -> Candidate | None:
        """The country entry for an ISO alpha-2 code (looked up once per code)."""
        code = iso2.upper()
        if code not in self._countries:
            self._countries[code] = self._query_country(code)
        return self._countries[code]

    def _query_country(self, code: str) -> Candidate | None:
        """The country entry for an upper-case ISO alpha-2 code, from the index."""
        row = (
            self._conn()
            .execute(
                "SELECT gazetteer_id FROM places WHERE feature = 'country' AND country = ?",
                (code,),
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
_verified: set[tuple[object, ...]] = set()
"""Indexes this process has checked, with the identity of the files they were then."""


@lru_cache(maxsize=4)
def _open_cached(path: Path) -> Gazetteer:
    return Gazetteer(path)


def _stamp(path: Path) -> tuple[object, ...]:
    """The index and its check file as they are now: inode, size, modification time."""
    stamp: list[object] = [path]
    for file in (path, check_path(path)):
        try:
            info = file.stat()
            stamp.extend((info.st_ino, info.st_size, info.st_mtime_ns))
        except OSError:
            stamp.append(None)
    return tuple(stamp)


def _sound(path: Path) -> str | None:
    """:func:`verify_index`, once per process for files that have not changed since."""
    if _stamp(path) in _verified:
        return None
    problem = verify_index(path)
    if problem is None:
        _verified.add(_stamp(path))  # after the check, which may write the check file
    return problem


def open_gazetteer(data_dir: Path | None = None, *, build: bool = True) -> Gazetteer:
    """Open the index for the installed sources, building it first if needed.

    A damaged index (see :func:`verify_index`) is rebuilt, with a warning.

    Raises
    ------
    FileNotFoundError
        When the index is missing and ``build`` is false.
    GazetteerError
        When the index is damaged and ``build`` is false, or when it has to be
        built and the data folder cannot be written (read-only, full).
    """
    path = index_path(data_dir)
    with _open_lock:
        remove_stale(path.parent, _TEMP)
        if path.exists():
            problem = _sound(path)
            if problem is None:
                return _open_cached(path)
            if not build:
                raise GazetteerError(
                    f"the gazetteer index {path} is damaged ({problem}); "
                    "delete it and run eventmap again to rebuild it"
                )
            _log.warning(
                "eventmap: the gazetteer index %s is damaged (%s); rebuilding it", path, problem
            )
        elif not build:
            raise FileNotFoundError(f"gazetteer index not built: {path}")
        try:
            build_index(path)
        except (OSError, sqlite3.Error) as exc:
            raise GazetteerError(
                f"cannot build the gazetteer index in {path.parent}: {exc}; make that folder "
                "writable and free some space there, or set EVENTMAP_DATA_DIR to another folder"
            ) from exc
        _open_cached.cache_clear()  # a damaged file may be open: reopen the new one
        _verified.add(_stamp(path))
        return _open_cached(path)
