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
nothing else, so that :func:`read_articles` can report it and go on.
"""

from __future__ import annotations

import codecs
import datetime as dt
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

__all__ = [
    "ARTICLE_SUFFIXES",
    "TITLE_MAX_CHARS",
    "Article",
    "ArticleError",
    "article_format",
    "discover_articles",
    "parse_article",
    "read_article",
    "read_articles",
]

ARTICLE_SUFFIXES: tuple[str, ...] = (".txt", ".md", ".markdown", ".html", ".htm")
"""File name endings read as articles (compared case-insensitively)."""

TITLE_MAX_CHARS = 120
"""A first line longer than this is a paragraph, not a headline."""

_MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
_HTML_SUFFIXES = frozenset({".html", ".htm"})

# A "date 2018-09-21" or "Date: 2018-09-21" token at the start of a line; more
# text may follow on the same line (a caption, for instance).
_DATE_LINE = re.compile(
    r"^[ \t]*date[ \t]*:?[ \t]*(\d{4}-\d{2}-\d{2})(?!\d)",
    re.IGNORECASE | re.MULTILINE,
)
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


def discover_articles(root: Path) -> list[Path]:
    """List the article files under ``root``, recursively, in a stable order.

    Hidden files and folders (names starting with ``.``) and README files are
    skipped, as are symbolic links to folders. Paths are sorted by their parts
    relative to ``root``, so the order does not depend on the file system.

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
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in filenames:
            candidate = Path(dirpath, name)
            if _is_article_name(name) and candidate.is_file():
                found.append(candidate)
    return sorted(found, key=lambda p: p.relative_to(root).parts)


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


def _decode(raw: bytes, path: Path, *, html: bool = False) -> str:
    r"""Decode a file's bytes to text with ``\n`` line endings.

    UTF-8 (with or without a byte-order mark) is the rule; UTF-16 with a
    byte-order mark is accepted; an HTML file may declare another charset.
    NUL characters mean a binary file.
    """
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ArticleError(
                path, f"not valid UTF-16 despite its byte-order mark: {exc}"
            ) from exc
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


def _headline_from_text(text: str) -> str | None:
    """Return the first line as a title when it looks like a headline.

    The first non-blank line counts, or the one after it when that line is a
    bare ``date YYYY-MM-DD`` line. A text of one line has no headline: that
    line is the article.
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
    return Article(
        id=article_id,
        text=text,
        title=_headline_from_text(text),
        date=_date_from_text(text),
        source=None,
        url=None,
        path=path,
    )


def _split_front_matter(text: str, path: Path) -> tuple[dict[str, Any], str]:
    """Split Markdown into its front matter mapping (keys lower-cased) and its body."""
    first_line, newline, rest = text.partition("\n")
    if first_line.rstrip() != "---":
        return {}, text
    close = _FRONT_MATTER_CLOSE.search(rest) if newline else None
    if close is None:
        raise ArticleError(path, "front matter opened with '---' is never closed by a '---' line")
    try:
        data = yaml.safe_load(rest[: close.start()])
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


def _front_matter_text(meta: dict[str, Any], key: str, path: Path) -> str | None:
    """Return a front matter value as text, ``None`` when absent or blank."""
    value = meta.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise ArticleError(path, f"front matter '{key}' must be text, not {type(value).__name__}")
    return str(value).strip() or None


def _front_matter_date(meta: dict[str, Any], path: Path) -> str | None:
    """Return the front matter date as ISO ``YYYY-MM-DD``; YAML dates and strings both work."""
    value = meta.get("date")
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        match = _ISO_DATE.fullmatch(value)
        date = _valid_iso_date(match.group(1)) if match else None
        if date is not None:
            return date
    raise ArticleError(
        path, f"front matter 'date' must be a date written YYYY-MM-DD, not {value!r}"
    )


def _read_markdown(raw: bytes, path: Path, article_id: str) -> Article:
    """Read a Markdown article: front matter metadata, the body as the text."""
    text = _decode(raw, path)
    _require_text(text, path)
    meta, body = _split_front_matter(text, path)
    _require_text(body, path, "no text after the front matter")
    title, source, url = (_front_matter_text(meta, key, path) for key in _FRONT_MATTER_TEXT_KEYS)
    if title is None:
        first = next((line.strip() for line in body.split("\n") if line.strip()), "")
        heading = _MD_HEADING.fullmatch(first)
        title = heading.group(1).strip() if heading else None
    date = _front_matter_date(meta, path)
    return Article(
        id=article_id,
        text=body,
        title=title,
        date=date if date is not None else _date_from_text(body),
        source=source,
        url=url,
        path=path,
    )


def _clean(value: object) -> str | None:
    """Return a stripped string, or ``None`` for anything empty or not a string."""
    if not isinstance(value, str):
        return None
    return value.strip() or None


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
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    url = _clean(getattr(doc, "url", None))
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
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ArticleError(path, f"cannot read the file: {exc.strerror or exc}") from exc
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


def read_articles(root: Path) -> tuple[list[Article], list[ArticleError]]:
    """Read every article under ``root``; a bad file becomes an error, the rest go on.

    Returns the articles and the errors, each in :func:`discover_articles`
    order. A missing ``root`` raises as in :func:`discover_articles`.
    """
    root = Path(root)
    articles: list[Article] = []
    errors: list[ArticleError] = []
    for path in discover_articles(root):
        try:
            articles.append(read_article(path, root=root))
        except ArticleError as exc:
            errors.append(exc)
    return articles, errors
