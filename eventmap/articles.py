r"""Read news articles from the articles folder into :class:`Article` values.

An article is one file: plain text (``.txt``), Markdown with optional YAML
front matter (``.md``, ``.markdown``) or a saved web page (``.html``,
``.htm``). Each becomes an :class:`Article` whose ``text`` is the *canonical
text*: every character offset the pipeline writes (mentions, quotes,
citations) refers to ``Article.text``, not to the raw bytes of the file.

The canonical text is the file decoded (UTF-8, a byte-order mark tolerated)
with line endings normalised to ``\n``; for Markdown it is the body after
the front matter, for HTML the main text trafilatura extracts. Nothing else
is rewritten, so offsets stay meaningful to a reader holding the same text.

Metadata is only ever read, never guessed: a title, date, outlet or URL is
set when the article states it (front matter, a ``date 2018-09-21`` line, a
headline-like first line, HTML metadata) and is ``None`` otherwise.

A file that cannot be read as an article raises :class:`ArticleError` and
nothing else, so that :func:`read_articles` can report it and go on. Finding
the files is as careful: :func:`find_articles` names every file it has to
leave out (an unreadable folder, a dangling link, a link loop, a FIFO or
other special file named like an article) instead of dropping it silently,
and :func:`read_article_bytes` never blocks on a special file.

Articles come from the web: their text and metadata are untrusted data. Front
matter is read without YAML 1.1's guessing (``title: No`` is the text "No",
``12:30`` stays "12:30"); escaped surrogate pairs are joined and a lone
surrogate becomes U+FFFD; a URL is kept only when it is http(s); a text longer
than :data:`MAX_ARTICLE_CHARS` is refused with a message that says so.
"""

from __future__ import annotations

import codecs
import datetime as dt
import errno
import os
import re
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from eventmap.urls import safe_url

__all__ = [
    "ARTICLE_SUFFIXES",
    "MAX_ARTICLE_BYTES",
    "MAX_ARTICLE_CHARS",
    "TITLE_MAX_CHARS",
    "Article",
    "ArticleError",
    "article_format",
    "article_warnings",
    "discover_articles",
    "find_articles",
    "fix_surrogates",
    "parse_article",
    "parse_view",
    "read_article",
    "read_article_bytes",
    "read_articles",
]

ARTICLE_SUFFIXES: tuple[str, ...] = (".txt", ".md", ".markdown", ".html", ".htm")
"""File name endings read as articles (compared case-insensitively)."""

TITLE_MAX_CHARS = 120
"""A first line longer than this is a paragraph, not a headline."""

MAX_ARTICLE_CHARS = 1_000_000
"""The longest article text read, in characters (about 160,000 words; spaCy's own
default limit). A longer article is skipped with a message that says to split it."""

MAX_ARTICLE_BYTES = 64 * 2**20
"""The largest article file read, in bytes (a saved web page carries markup as well
as text); a larger file is skipped unread, so one huge file cannot exhaust memory."""

_MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
_HTML_SUFFIXES = frozenset({".html", ".htm"})

# A "date 2018-09-21" or "Date: 2018-09-21" token at the start of a line; more
# text may follow on the same line (a caption, for instance).
_DATE_LINE = re.compile(
    r"^[ \t]*date[ \t]*:?[ \t]*(\d{4}-\d{2}-\d{2})(?!\d)",
    re.IGNORECASE | re.MULTILINE,
)
# "Title: ..." or "Headline: ..." before a headline, as "Date: ..." before a date.
_TITLE_LABEL = re.compile(r"(?:title|headline)[ \t]*:[ \t]*", re.IGNORECASE)
_ISO_DATE = re.compile(r"\s*(\d{4}-\d{2}-\d{2})(?:[T ][0-9:.+\-Z ]*)?\s*")
_MD_HEADING = re.compile(r"#[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*")
_FRONT_MATTER_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)
_HTML_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.I)
_NOT_HEADLINE_END = (".", ",", ";", ":", "…")
_CLOSERS = "\"'”’»)]"
_BYLINE = re.compile(r"by\s+\S", re.IGNORECASE)
_FRONT_MATTER_TEXT_KEYS = ("title", "source", "url")


@dataclass(frozen=True)
class Article:
    """One news article, with the text every offset in the outputs refers to."""

    id: str
    """Path relative to the articles folder, with POSIX separators."""
    text: str
    """The canonical text (see the module docstring); never empty."""
    title: str | None
    """The headline, when the article gives one."""
    date: str | None
    """ISO ``YYYY-MM-DD``, when the article gives a date."""
    source: str | None
    """The outlet, only when the article names it."""
    url: str | None
    """The article's address, only when the article gives it."""
    path: Path
    """The file the article was read from."""
    warnings: tuple[str, ...] = ()
    """What was ignored while reading, each a sentence (a bad front matter date, say)."""


class ArticleError(ValueError):
    """A file that cannot be read as an article; ``str()`` is ``"{path}: {reason}"``."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason

    def __reduce__(self) -> tuple[type[ArticleError], tuple[Path, str]]:
        """Pickle by path and reason, so errors can cross process boundaries."""
        return (type(self), (self.path, self.reason))


# --------------------------------------------------------------------------- discovery


def _is_article_name(name: str) -> bool:
    """Tell whether a file name is one of ours: right suffix, not hidden, not a README."""
    if name.startswith("."):
        return False
    lowered = name.lower()
    if lowered == "readme" or lowered.startswith("readme."):
        return False
    return lowered.endswith(ARTICLE_SUFFIXES)


def _special_kind(mode: int) -> str:
    """Name the kind of a file that is not a regular file, for a skip message."""
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def _has_surrogate(text: str) -> bool:
    """Tell whether ``text`` holds a surrogate (an undecodable byte of a file name, say)."""
    return any("\ud800" <= ch <= "\udfff" for ch in text)


def _check_candidate(path: Path) -> tuple[bool, ArticleError | None]:
    """Classify a file named like an article: (is an article, why it is left out).

    A folder named ``x.txt`` is neither (it is walked as a folder); a
    dangling link, a link loop or a special file is an error that names it.
    """
    try:
        info = os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            return False, ArticleError(path, "dangling symbolic link (its target does not exist)")
        return False, None  # deleted while listing
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return False, ArticleError(path, "symbolic link loop (it never reaches a file)")
        return False, ArticleError(path, f"cannot read the file: {exc.strerror or exc}")
    if stat.S_ISDIR(info.st_mode):
        return False, None
    if not stat.S_ISREG(info.st_mode):
        kind = _special_kind(info.st_mode)
        return False, ArticleError(path, f"{kind}, not an article file; left unread")
    return True, None


def find_articles(
    root: Path, *, exclude: Iterable[Path] = ()
) -> tuple[list[Path], list[ArticleError]]:
    """List the article files under ``root`` and name every one that has to be left out.

    Returns the paths in a stable order (as :func:`discover_articles`) and an
    :class:`ArticleError` for each folder that cannot be listed, each dangling
    symbolic link, link loop and special file (FIFO, socket, device) named
    like an article, sorted by path. Hidden files and folders, README files
    and links to folders are passed over without a word, as are the folders
    in ``exclude`` (eventmap's own output folder, when ``--out`` is inside
    the articles folder: its ``index.html`` is no article).

    Raises
    ------
    FileNotFoundError
        ``root`` does not exist.
    NotADirectoryError
        ``root`` is not a folder.
    """
    root = Path(root)
    if not root.exists():
        raise FileNotFoundError(f"articles folder not found: {root}")
    if not root.is_dir():
        raise NotADirectoryError(f"articles folder is not a folder: {root}")
    excluded = {os.path.realpath(path) for path in exclude}
    excluded.discard(os.path.realpath(root))  # never exclude everything
    found: list[Path] = []
    errors: list[ArticleError] = []

    def unlisted(exc: OSError) -> None:
        where = Path(exc.filename) if exc.filename else root
        reason = exc.strerror or str(exc)
        errors.append(
            ArticleError(where, f"cannot list the folder ({reason}); its articles are left out")
        )

    for dirpath, dirnames, filenames in os.walk(root, onerror=unlisted):
        dirnames[:] = [
            d
            for d in dirnames
            if not d.startswith(".")
            and not (excluded and os.path.realpath(os.path.join(dirpath, d)) in excluded)
        ]
        for name in filenames:
            if not _is_article_name(name):
                continue
            candidate = Path(dirpath, name)
            if _has_surrogate(os.path.join(dirpath, name)):
                # The file system's bytes are not UTF-8: the name cannot be an
                # article id, a citation or a line of JSON.
                errors.append(
                    ArticleError(candidate, "file or folder name is not valid UTF-8; rename it")
                )
                continue
            ok, error = _check_candidate(candidate)
            if ok:
                found.append(candidate)
            elif error is not None:
                errors.append(error)

    def order(path: Path) -> tuple[str, ...]:
        try:
            return path.relative_to(root).parts
        except ValueError:
            return path.parts

    errors.sort(key=lambda error: order(error.path))
    return sorted(found, key=order), errors


def discover_articles(root: Path, *, exclude: Iterable[Path] = ()) -> list[Path]:
    """List the article files under ``root``, recursively, in a stable order.

    Hidden files and folders (names starting with ``.``) and README files are
    skipped, as are symbolic links to folders and the folders in ``exclude``.
    Paths are sorted by their parts relative to ``root``, so the order does not
    depend on the file system. Files that have to be left out are not named
    here: :func:`find_articles` names them.

    Raises
    ------
    FileNotFoundError
        ``root`` does not exist.
    NotADirectoryError
        ``root`` is not a folder.
    """
    return find_articles(root, exclude=exclude)[0]


def read_article_bytes(path: Path) -> bytes:
    """Read an article file's bytes, refusing what is not a regular file of a sane size.

    The file is opened without blocking and checked on the open descriptor,
    so a FIFO named ``x.txt`` (or one swapped in after the folder was
    listed) is refused at once instead of waiting forever for a writer.

    Raises
    ------
    ArticleError
        The file cannot be opened or read, is not a regular file, or is
        larger than :data:`MAX_ARTICLE_BYTES`.
    """
    path = Path(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise ArticleError(path, "symbolic link loop (it never reaches a file)") from exc
        raise ArticleError(path, f"cannot read the file: {exc.strerror or exc}") from exc
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            kind = "a folder" if stat.S_ISDIR(info.st_mode) else _special_kind(info.st_mode)
            raise ArticleError(path, f"cannot read the file: {kind}, not an article file")
        if info.st_size > MAX_ARTICLE_BYTES:
            raise ArticleError(path, _too_big(info.st_size))
        chunks: list[bytes] = []
        size = 0
        while size <= MAX_ARTICLE_BYTES:
            chunk = os.read(fd, min(2**20, MAX_ARTICLE_BYTES + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        raw = b"".join(chunks)
    except OSError as exc:
        raise ArticleError(path, f"cannot read the file: {exc.strerror or exc}") from exc
    finally:
        os.close(fd)
    if len(raw) > MAX_ARTICLE_BYTES:
        raise ArticleError(path, _too_big(len(raw)))
    return raw


def _too_big(size: int) -> str:
    return (
        f"file is {size:,} bytes; eventmap reads article files of at most "
        f"{MAX_ARTICLE_BYTES:,} bytes: split it into several articles"
    )


# --------------------------------------------------------------------------- decoding


def _declared_html_charset(raw: bytes) -> str | None:
    """Return the charset an HTML document declares in its head, if Python knows it."""
    match = _HTML_CHARSET.search(raw[:4096])
    if match is None:
        return None
    name = match.group(1).decode("ascii", "replace")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


_UTF16_EVIDENCE = frozenset(" \t\n\r\u3000")


def _plausible_utf16(text: str) -> bool:
    """Tell whether text decoded as UTF-16 reads as text rather than an accident.

    A real UTF-16 article has spaces or line breaks (ASCII or ideographic),
    and each of those is a code unit with a zero byte. An 8-bit file that
    happens to start with bytes FF FE (Latin-1 "ÿþ") has no zero byte, so
    read as UTF-16 it is all unrelated ideographs and no whitespace.
    """
    return any(ch in _UTF16_EVIDENCE for ch in text)


def _decode(raw: bytes, path: Path, *, html: bool = False) -> str:
    r"""Decode a file's bytes to text with ``\n`` line endings.

    UTF-8 (with or without a byte-order mark) is the rule; UTF-16 with a
    byte-order mark is accepted when the result reads as text; an HTML file
    may declare another charset. NUL characters mean a binary file.
    """
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ArticleError(
                path, f"not valid UTF-16 despite its byte-order mark: {exc.reason}"
            ) from exc
        if not _plausible_utf16(text):
            raise ArticleError(
                path,
                "starts with bytes "
                + raw[:2].hex(" ").upper()
                + " (a UTF-16 byte-order mark) but does not read as UTF-16 text; "
                "if it is Latin-1 or Windows-1252, save it as UTF-8",
            )
    elif b"\x00" in raw:
        raise ArticleError(path, "binary file (contains NUL bytes), not text")
    else:
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            declared = _declared_html_charset(raw) if html else None
            if declared is None or declared == "utf-8":
                raise ArticleError(
                    path,
                    f"not valid UTF-8 (byte 0x{raw[exc.start]:02x} at byte offset {exc.start}); "
                    "save the file as UTF-8",
                ) from exc
            try:
                text = raw.decode(declared)
            except UnicodeDecodeError as exc2:
                raise ArticleError(
                    path, f"not valid in its declared charset {declared}: {exc2.reason}"
                ) from exc2
    if "\x00" in text:
        raise ArticleError(path, "binary file (contains NUL characters), not text")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def fix_surrogates(text: str) -> str:
    r"""Join escaped surrogate pairs into their character; a lone surrogate becomes U+FFFD.

    YAML and JSON spell characters outside the Basic Multilingual Plane as
    two escapes (``"\ud83d\udea8"``, as JSON serializers write emoji), and
    PyYAML decodes each escape alone. Left as they are, those halves cannot
    be written as UTF-8 and end whatever writes them.

    Examples
    --------
    >>> fix_surrogates("Breaking \ud83d\udea8 news") == "Breaking \U0001f6a8 news"
    True
    >>> fix_surrogates("lone \ud83d") == "lone \ufffd"
    True
    """
    if not _has_surrogate(text):
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def _check_length(text: str, path: Path) -> None:
    """Refuse a text longer than :data:`MAX_ARTICLE_CHARS`, saying what to do."""
    if len(text) > MAX_ARTICLE_CHARS:
        raise ArticleError(
            path,
            f"article text is {len(text):,} characters long; eventmap reads at most "
            f"{MAX_ARTICLE_CHARS:,} per article: split it into several files",
        )


# --------------------------------------------------------------------------- metadata from text


def _valid_iso_date(value: str) -> str | None:
    """Return ``value`` if it is a real calendar date written ``YYYY-MM-DD``."""
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        return None


def _date_from_text(text: str) -> str | None:
    """Return the date of the first valid ``date YYYY-MM-DD`` line, if any."""
    for match in _DATE_LINE.finditer(text):
        date = _valid_iso_date(match.group(1))
        if date is not None:
            return date
    return None


def _looks_like_headline(line: str) -> bool:
    """Tell whether a stripped line reads as a headline rather than prose."""
    if not line or len(line) >= TITLE_MAX_CHARS:
        return False
    if not any(ch.isalpha() for ch in line):
        return False
    if line.rstrip(_CLOSERS).endswith(_NOT_HEADLINE_END):
        return False
    if _BYLINE.match(line) or line.lower().startswith(("http://", "https://", "www.")):
        return False
    return _DATE_LINE.match(line) is None


def parse_view(text: str) -> str:
    r"""The text the parser reads: the same characters, the labels of metadata lines blanked.

    "Title: India and Pakistan exchange fire" parses with "Title:" as the
    subject's head, making "India" a place the fire was at; a headline has no
    such label. Blanks keep every offset, so mentions, triggers and quotes
    still point into :attr:`Article.text`. So are a live blog's time stamps
    that open a line ("11:02 GMT", "13:05 GMT - Air defences …"): the tagger
    read "GMT Flights at Sochi airport" as one name, and lost the flights.

    Text pasted from a PDF keeps its footnote numbers glued to a full stop
    ("near Kotli.7 Pakistan's army …", "Kotli.[7]"): they are blanked, so the
    name ends its sentence and the next sentence's date stays there.

    A wire editor's note on a line of its own ("(Adds army statement in
    paragraph 6, details of Kordofan fighting)", "(Updates with toll)") tells
    what changed in the text, not what happened: it is blanked whole, or its
    "fighting" is a clash over all of Kordofan on the day the story came out.
    """
    view = _TIME_STAMP.sub(_blanked, _METADATA_LABEL.sub(_blanked, text))
    return _FOOTNOTE_MARK.sub(_blanked, _EDITORS_NOTE.sub(_blanked, view))


def _blanked(match: re.Match[str]) -> str:
    return " " * len(match.group(0))


# A footnote's number right after a word of three letters or more and a full stop,
# before the next sentence or the line's end ("Kotli.7 Pakistan's", "Bahawalpur.12"),
# or in brackets ("Kotli.[7]"). Not after a comma or a colon ("Sunday,3 April",
# "Deaths:14"), nor after an abbreviation ("Art.5", "Para.12", "no.7").
_FOOTNOTE_MARK = re.compile(
    r"(?<=[a-z]{3}\.)(?<![Aa]rt\.)(?<![Ss]ec\.)(?<![Vv]ol\.)(?<![Ff]ig\.)(?<![Nn]os\.)(?<![Pp]ara\.)"
    r"\d{1,3}(?=[ \t]+[A-Z\"“‘']|[ \t]*$)"
    r"|(?<=[\w.,;:\"”)])\[\d{1,3}\]",
    re.MULTILINE,
)


# A wire editor's note alone on its line: "(Adds details, quotes)", "(Updates with toll)".
_EDITORS_NOTE = re.compile(
    r"^[ \t]*\((?:Adds|Updates|Recasts|Corrects|Changes|Refiles|Rewrites|Writes through"
    r"|Repeats|Fixes|Removes|Inserts|Clarifies|Deletes|Replaces|Restores|Amends)\b"
    r"[^\n()]*(?:\([^\n()]*\)[^\n()]*)*\)[ \t]*$",
    re.MULTILINE | re.IGNORECASE,
)
# "Title:", "Headline:" or "Date:" opening a line, with the spaces after it.
_METADATA_LABEL = re.compile(r"^[ \t]*(?:title|headline|date)[ \t]*:", re.IGNORECASE | re.MULTILINE)
# A live blog's time stamp opening a line, alone or before a dash: "11:02 GMT",
# "14:32 - …", "9.15am ET -".
# A clock time with a colon may also stand alone before the capital that opens the
# entry ("11:05 Explosions were heard …"). "12.5 per cent" stays, and so does a time
# inside a line ("At 11:02 GMT"); a number alone at a line's start before a dash or
# the line's end ("2.30 - 1.10") is blanked as a stamp would be, which keeps offsets.
_TIME_STAMP = re.compile(
    r"^[ \t]*\d{1,2}[:.]\d{2}(?:[ \t]*[ap]\.?m\.?)?"
    r"(?:[ \t]*(?:GMT|UTC|BST|CET|CEST|EET|EEST|MSK|IST|ET|EST|EDT|PT|PST|PDT)(?:[+-]\d{1,2})?)?"
    r"[ \t]*(?:$|[-–—][ \t]+)"
    r"|^[ \t]*\d{1,2}:\d{2}[ \t]+(?=(?-i:[A-Z][a-z]))",
    re.IGNORECASE | re.MULTILINE,
)


def _headline_from_text(text: str) -> str | None:
    """Return the first line as a title when it looks like a headline.

    The first non-blank line counts, or the one after it when that line is a
    bare ``date YYYY-MM-DD`` line; a ``Title:`` label before it is no part of
    it. A text of one line has no headline: that line is the article.
    """
    lines = [line.strip() for line in text.split("\n")]
    content = [i for i, line in enumerate(lines) if line]
    if not content:
        return None
    pos = 0
    date_match = _DATE_LINE.match(lines[content[0]])
    if date_match is not None:
        if lines[content[0]][date_match.end() :].strip():
            return None  # a date line with a caption: no headline above the body
        pos = 1
    if pos + 1 >= len(content):
        return None
    candidate = lines[content[pos]]
    labelled = _TITLE_LABEL.match(candidate)
    if labelled is not None:
        candidate = candidate[labelled.end() :]  # "Title: River bursts its banks"
    return candidate if _looks_like_headline(candidate) else None


# --------------------------------------------------------------------------- formats


def _require_text(text: str, path: Path, what: str = "empty file (no text)") -> None:
    """Raise when ``text`` holds nothing but whitespace."""
    if not text.strip():
        raise ArticleError(path, what)


def _read_txt(raw: bytes, path: Path, article_id: str) -> Article:
    """Read a plain-text article; its metadata comes from the text itself."""
    text = _decode(raw, path)
    _require_text(text, path)
    _check_length(text, path)
    return Article(
        id=article_id,
        text=text,
        title=_headline_from_text(text),
        date=_date_from_text(text),
        source=None,
        url=None,
        path=path,
    )


class _TextLoader(yaml.SafeLoader):
    """PyYAML's safe loader without YAML 1.1's guessing: a plain scalar stays text.

    ``title: No`` is "No" (not ``False``), ``12:30`` is "12:30" (not 750),
    ``0x1F`` and ``010`` stay as written, and ``date: 2021-03-04`` is the text
    the date reader checks. Only ``null``/``~``/an empty value still mean
    "no value", and ``<<`` still merges, as in YAML 1.2's core schema.
    """


_TextLoader.yaml_implicit_resolvers = {
    first: kept
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    if (
        kept := [
            (tag, regexp)
            for tag, regexp in resolvers
            if tag in ("tag:yaml.org,2002:null", "tag:yaml.org,2002:merge")
        ]
    )
}


def _split_front_matter(text: str, path: Path) -> tuple[dict[str, Any], str]:
    """Split Markdown into its front matter mapping (keys lower-cased) and its body."""
    first_line, newline, rest = text.partition("\n")
    if first_line.rstrip() != "---":
        return {}, text
    close = _FRONT_MATTER_CLOSE.search(rest) if newline else None
    if close is None:
        raise ArticleError(path, "front matter opened with '---' is never closed by a '---' line")
    try:
        data = yaml.load(rest[: close.start()], Loader=_TextLoader)
    except (yaml.YAMLError, ValueError, TypeError, RecursionError) as exc:
        detail = " ".join(str(exc).split())
        raise ArticleError(path, f"front matter is not valid YAML: {detail}") from exc
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ArticleError(
            path, f"front matter must be a mapping of keys to values, not {type(data).__name__}"
        )
    body = rest[close.end() :]
    if body.startswith("\n"):
        body = body[1:]
    meta = {key.lower(): value for key, value in data.items() if isinstance(key, str)}
    return meta, body


def _front_matter_text(meta: dict[str, Any], key: str, warnings: list[str]) -> str | None:
    """Return a front matter value as text, ``None`` when absent, blank or not text.

    A value that is not text (a list, a mapping) is ignored with a warning:
    the article is still worth mapping without it.
    """
    value = meta.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        warnings.append(f"front matter '{key}' is a {type(value).__name__}, not text; ignored")
        return None
    return fix_surrogates(str(value)).strip() or None


def _front_matter_date(meta: dict[str, Any], warnings: list[str]) -> str | None:
    """Return the front matter date as ISO ``YYYY-MM-DD``, ``None`` (with a warning) if bad."""
    value = meta.get("date")
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):  # an explicit !!timestamp tag
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        match = _ISO_DATE.fullmatch(value)
        date = _valid_iso_date(match.group(1)) if match else None
        if date is not None:
            return date
    if isinstance(value, str | int | float):
        shown = fix_surrogates(str(value))
        shown = repr(shown if len(shown) <= 40 else shown[:39] + "…")
    else:  # never str() a list or mapping: YAML aliases can make it exponentially long
        shown = f"(a {type(value).__name__})"
    warnings.append(
        f"front matter 'date' {shown} is not a date written YYYY-MM-DD; "
        "the article is kept with no date"
    )
    return None


def _read_markdown(raw: bytes, path: Path, article_id: str) -> Article:
    """Read a Markdown article: front matter metadata, the body as the text."""
    text = _decode(raw, path)
    _require_text(text, path)
    meta, body = _split_front_matter(text, path)
    _require_text(body, path, "no text after the front matter")
    _check_length(body, path)
    warnings: list[str] = []
    title, source, url = (
        _front_matter_text(meta, key, warnings) for key in _FRONT_MATTER_TEXT_KEYS
    )
    if title is None:
        first = next((line.strip() for line in body.split("\n") if line.strip()), "")
        heading = _MD_HEADING.fullmatch(first)
        title = heading.group(1).strip() if heading else None
    date = _front_matter_date(meta, warnings)
    if url is not None and safe_url(url) is None:
        warnings.append("front matter 'url' is not an http(s) address; ignored")
    return Article(
        id=article_id,
        text=body,
        title=title,
        date=date if date is not None else _date_from_text(body),
        source=source,
        url=safe_url(url),
        path=path,
        warnings=tuple(warnings),
    )


def _clean(value: object) -> str | None:
    """Return a stripped string, or ``None`` for anything empty or not a string."""
    if not isinstance(value, str):
        return None
    return fix_surrogates(value).strip() or None


def _declared_sitename(sitename: str | None, url: str | None) -> str | None:
    """Drop a site name that is only the URL's host name (trafilatura's fallback)."""
    if sitename is None:
        return None
    host = urlsplit(url).hostname if url else None

    def bare(name: str) -> str:
        name = name.lower()
        return name[4:] if name.startswith("www.") else name

    if host is not None and bare(sitename) == bare(host):
        return None
    return sitename


_ONE_LINE_BREAK = re.compile(r"(?<=[^\W\d_]|[,;])[ \t]*(?<!\n)\n(?!\n)[ \t]*(\w)")
"""One line break after a letter, a comma or a semicolon, and the first letter of the line
after it."""


def _joined_where_it_goes_on_in_lower_case(text: str) -> str:
    """``text`` with each single line break before a lower-case letter made a space.

    trafilatura writes a <br> as a line break, as it does the edge of a
    block; a line that goes on in lower case ("had captured<br>the town of
    Bara") is the same sentence, not a new block.
    """
    return _ONE_LINE_BREAK.sub(
        lambda m: " " + m.group(1) if _goes_on(text, m) else m.group(0), text
    )


def _goes_on(text: str, match: re.Match[str]) -> bool:
    """Whether the line before the break ends mid-sentence and the next goes on in lower case.

    Mid-sentence: a lower-case word, a comma or a semicolon ("had captured",
    "Khor Fakkan,"), or a next line that opens with a word that joins on
    ("in April" before "and 78 protesters died"); not a name or a colon that
    ends a list's line ("Key events:", "near Kutum" before "shelling hit
    Tawila").
    """
    if not match.group(1).islower():
        return False
    end = match.start()
    word = text[max(text.rfind(gap, 0, end) for gap in (" ", "\t", "\n")) + 1 : end]
    if word[:1].islower() or word[-1:] in (",", ";"):
        return True
    # "… in Pattani in April<br>and 78 protesters died": a word that joins on
    following = re.match(r"[^\W\d_]+", text[match.start(1) :])
    return following is not None and following.group().lower() in _JOINING_WORDS


_JOINING_WORDS = frozenset(
    {"and", "or", "but", "nor", "in", "of", "to", "with", "when", "where", "which", "who",
     "whose", "after", "before", "while", "as", "than", "that", "at", "on", "from", "by"}
)  # fmt: skip
"""Words that go on with the line before them, whatever it ends with."""


def _read_html(raw: bytes, path: Path, article_id: str) -> Article:
    """Read a saved web page: trafilatura's main text and metadata."""
    html = _decode(raw, path, html=True)
    _require_text(html, path)
    try:
        import trafilatura
    except ImportError as exc:  # pragma: no cover - a declared dependency
        raise ArticleError(path, "reading HTML needs trafilatura: pip install trafilatura") from exc
    try:
        doc = trafilatura.bare_extraction(
            html,
            include_comments=False,
            with_metadata=True,
            # Dates from the page's markup (or ISO dates in it), not guesses from prose.
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as exc:  # trafilatura and lxml raise many kinds; all mean "bad page"
        raise ArticleError(path, f"HTML could not be parsed: {exc}") from exc
    text = _clean(getattr(doc, "text", None))
    if text is None:
        raise ArticleError(path, "no main text found in the HTML")
    # each line is a block of the page (a heading, a paragraph, an item): a blank line
    # between keeps a headline with no full stop from running into the dateline after it
    text = _joined_where_it_goes_on_in_lower_case(text.replace("\r\n", "\n").replace("\r", "\n"))
    text = re.sub(r"\n+", "\n\n", text)
    _check_length(text, path)
    url = safe_url(_clean(getattr(doc, "url", None)))
    raw_date = _clean(getattr(doc, "date", None))
    return Article(
        id=article_id,
        text=text,
        title=_clean(getattr(doc, "title", None)),
        date=_valid_iso_date(raw_date[:10]) if raw_date else None,
        source=_declared_sitename(_clean(getattr(doc, "sitename", None)), url),
        url=url,
        path=path,
    )


# --------------------------------------------------------------------------- public reading


def _article_id(path: Path, root: Path) -> str:
    """Return ``path`` relative to ``root`` with POSIX separators."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        pass
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except (ValueError, OSError) as exc:
        raise ArticleError(path, f"not inside the articles folder {root}") from exc


def read_article(path: Path, *, root: Path) -> Article:
    """Read one article file; its id is its path relative to ``root``.

    The format follows the suffix (see the module docstring).

    Raises
    ------
    ArticleError
        The file cannot be read, is not text, is empty, has broken front
        matter, or (HTML) has no main text. Never any other exception for a
        bad file.
    """
    path = Path(path)
    article_id = _article_id(path, Path(root))
    kind = article_format(path)
    raw = read_article_bytes(path)
    return parse_article(raw, kind=kind, path=path, article_id=article_id)


def article_format(path: Path) -> str:
    """The reader a file name selects: ``"txt"``, ``"md"`` or ``"html"``.

    Raises
    ------
    ArticleError
        The suffix is not one of :data:`ARTICLE_SUFFIXES`.
    """
    suffix = Path(path).suffix.lower()
    if suffix not in ARTICLE_SUFFIXES:
        raise ArticleError(Path(path), f"unsupported file type {Path(path).suffix!r}")
    if suffix in _MARKDOWN_SUFFIXES:
        return "md"
    if suffix in _HTML_SUFFIXES:
        return "html"
    return "txt"


def parse_article(raw: bytes, *, kind: str, path: Path, article_id: str) -> Article:
    """Turn a file's bytes into an :class:`Article` with the reader ``kind`` names.

    This is :func:`read_article` without the file system, so that the bytes
    can be read (and hashed for the build cache) in one place and parsed in
    another, such as a Dask worker that cannot see the articles folder.

    Raises
    ------
    ArticleError
        As :func:`read_article`, naming ``path``.
    """
    if kind == "md":
        return _read_markdown(raw, path, article_id)
    if kind == "html":
        return _read_html(raw, path, article_id)
    if kind == "txt":
        return _read_txt(raw, path, article_id)
    raise ArticleError(path, f"unknown article format {kind!r}")


def article_warnings(raw: bytes, *, kind: str, path: Path) -> list[str]:
    """What reading these bytes would warn about, cheaply, for the build's client.

    The build parses articles on its workers and keeps only their events,
    so it asks here, on every build, what a reader ignored (a bad front
    matter date, a ``javascript:`` URL). Only Markdown with front matter can
    warn, so anything else costs nothing; a file that cannot be read at all
    is reported as a skip, not here.
    """
    if kind != "md" or not raw.lstrip(codecs.BOM_UTF8).startswith(b"---"):
        return []
    try:
        return list(parse_article(raw, kind=kind, path=path, article_id=path.name).warnings)
    except ArticleError:
        return []


def read_articles(
    root: Path, *, exclude: Iterable[Path] = ()
) -> tuple[list[Article], list[ArticleError]]:
    """Read every article under ``root``; a bad file becomes an error, the rest go on.

    Returns the articles and the errors (files that could not be read, and
    those :func:`find_articles` had to leave out), each in path order. A
    missing ``root`` raises as in :func:`discover_articles`.
    """
    root = Path(root)
    articles: list[Article] = []
    paths, errors = find_articles(root, exclude=exclude)
    for path in paths:
        try:
            articles.append(read_article(path, root=root))
        except ArticleError as exc:
            errors.append(exc)
    errors.sort(key=lambda error: str(error.path))
    return articles, errors
