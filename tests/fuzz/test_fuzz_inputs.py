"""Fuzzing the inputs eventmap takes from outside: only a result or a named skip.

Hypothesis writes article files (``.txt``, ``.md``, ``.html`` bytes), front
matter, ``places.toml`` texts, file names and ``geoparse`` lines, mixing
random data with the fragments that broke eventmap before (YAML 1.1 scalars,
escaped surrogates, byte-order marks, NUL bytes, unclosed front matter). For
each, the only allowed outcomes are a value or the module's own named error
(:class:`~eventmap.articles.ArticleError`,
:class:`~geo.overrides.OverrideError`,
:class:`~eventmap.evaluation.geoparse.GeoparseError`); any other exception is a
traceback a user would see, and fails the test.

Kept to a few seconds: few examples each, no deadline (the first example
pays for imports), and the session's pipeline for the lines that are
geoparsed. ``EVENTMAP_FUZZ_SCALE=20 python -m pytest tests/fuzz`` runs twenty
times as many examples, for a deeper search before a release.
"""

from __future__ import annotations

import json
import os
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventmap.articles import ArticleError, fix_surrogates, parse_article, read_article
from eventmap.build.feedback import printable
from eventmap.evaluation.geoparse import GeoparseError, geoparse_lines
from eventmap.urls import safe_url
from geo.overrides import OverrideError, parse_overrides

SCALE = max(1, int(os.environ.get("EVENTMAP_FUZZ_SCALE", "1") or 1))
FIXTURES = [HealthCheck.function_scoped_fixture]
FAST = settings(max_examples=40 * SCALE, deadline=None, suppress_health_check=FIXTURES)
SLOW = settings(max_examples=12 * SCALE, deadline=None, suppress_health_check=FIXTURES)
MANY = settings(max_examples=200 * SCALE, deadline=None)  # pure parsing: a millisecond each

# Scalars that YAML 1.1 reads as something else, and other hostile values.
YAML_VALUES = [
    "12:30",
    "0x1F",
    "010",
    "No",
    "yes",
    "off",
    "~",
    "null",
    "1e3",
    ".nan",
    "2021-02-30",
    "2021-03-04",
    "2021-03-04T18:30:00Z",
    "[a, b]",
    "{a: 1}",
    '"Breaking \\ud83d\\udea8 news"',
    '"lone \\ud83d"',
    '"\\udea8 first"',
    "!!binary aGVsbG8=",
    "!!python/object:os.system ls",
    "&a [*a]",
    "*undefined",
    "'unclosed",
    "javascript:alert(1)",
    "data:text/html,<b>x</b>",
    "https://news.example.org/a",
    "{{ 7*7 }}",
    "|\n  block\n  text",
    "\t tab",
    "- list",
    "? complex",
    "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
]
KEYS = ["title", "date", "source", "url", "Title", "DATE", "author", "1", "<<"]
PROSE = [
    "Rockets struck Kharkiv overnight, officials said.",
    "Talks were held in Vienna on Tuesday.",
    "date 2021-03-04",
    "# A heading",
    "",
    "---",
    "...",
    "{% raw %} {# x",
    "\x00",
    "\r\n",
    "\u2028",
]

prose = st.lists(st.sampled_from(PROSE) | st.text(max_size=40), max_size=6).map("\n".join)


@st.composite
def front_matter(draw: st.DrawFn) -> str:
    """A front matter block: known keys with hostile values, sometimes broken."""
    values = st.sampled_from(YAML_VALUES) | st.text(max_size=20)
    lines = [
        f"{draw(st.sampled_from(KEYS))}: {draw(values)}" for _ in range(draw(st.integers(0, 5)))
    ]
    close = draw(st.sampled_from(["---", "...", "", "--- trailing"]))
    return "---\n" + "\n".join(lines) + f"\n{close}\n"


@st.composite
def article_bytes(draw: st.DrawFn) -> tuple[str, bytes]:
    """A file's kind and bytes: Markdown with front matter, text, HTML or noise."""
    kind = draw(st.sampled_from(["txt", "md", "html"]))
    body = draw(prose)
    if kind == "md" and draw(st.booleans()):
        body = draw(front_matter()) + body
    if kind == "html":
        title = draw(st.sampled_from(YAML_VALUES) | st.text(max_size=20))
        body = f"<html><head><title>{title}</title></head><body><p>{body}</p></body></html>"
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "latin-1", "raw"]))
    if encoding == "raw":
        raw = draw(st.binary(max_size=200))
    else:
        raw = body.encode(encoding, errors="surrogatepass" if encoding != "latin-1" else "replace")
    if draw(st.booleans()):
        raw = draw(st.sampled_from([b"", b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf"])) + raw
    return kind, raw


def _assert_article_is_writable(article: object) -> None:
    for field in ("text", "title", "date", "source", "url", "id"):
        value = getattr(article, field)
        if value is not None:
            value.encode("utf-8")  # no lone surrogate survives into an output
    assert article.text.strip()  # type: ignore[attr-defined]
    assert article.url is None or safe_url(article.url) == article.url  # type: ignore[attr-defined]
    assert all(isinstance(w, str) for w in article.warnings)  # type: ignore[attr-defined]


@FAST
@given(article_bytes())
def test_article_bytes_give_an_article_or_a_named_skip(case: tuple[str, bytes]) -> None:
    kind, raw = case
    path = Path(f"fuzz.{kind}")
    try:
        article = parse_article(raw, kind=kind, path=path, article_id=path.name)
    except ArticleError as exc:
        assert exc.path == path and exc.reason
        str(exc).encode("utf-8")  # the message itself can be printed
        return
    _assert_article_is_writable(article)


@SLOW
@given(article_bytes())
def test_an_article_that_reads_goes_through_the_pipeline(pipeline, case: tuple[str, bytes]) -> None:
    """What the reader accepts, the pipeline processes: places, layers, citations."""
    kind, raw = case
    path = Path(f"fuzz.{kind}")
    try:
        article = parse_article(raw, kind=kind, path=path, article_id=path.name)
    except ArticleError:
        return
    result = pipeline.process(article)
    for item in result.resolved:
        assert article.text[item.mention.start : item.mention.end] == item.mention.text
    for event in result.events:
        assert event.citation.url is None or safe_url(event.citation.url) == event.citation.url


@MANY
@given(st.sampled_from(YAML_VALUES) | st.text(max_size=30))
def test_front_matter_title_is_text_as_written_or_ignored(value: str) -> None:
    raw = f"---\ntitle: {value}\n---\nTalks were held in Vienna.\n".encode("utf-8", "surrogatepass")
    try:
        article = parse_article(raw, kind="md", path=Path("a.md"), article_id="a.md")
    except ArticleError as exc:
        assert exc.reason  # a named skip (invalid YAML, a NUL byte, ...)
        return
    _assert_article_is_writable(article)
    plain = value.strip()
    if plain and plain.isalnum() and plain.isascii() and plain.lower() not in ("null", "~"):
        assert article.title == plain  # no YAML 1.1 coercion of a bare word or number


@SLOW
@given(
    st.lists(
        st.sampled_from(["good", "bad", "blank"]) | st.text(min_size=1, max_size=12), max_size=3
    )
)
def test_article_files_and_their_names(
    tmp_path_factory: pytest.TempPathFactory, names: list
) -> None:
    """File names of any characters the file system takes, read and printed safely."""
    root = tmp_path_factory.mktemp("names")
    for number, stem in enumerate(names):
        name = f"{number}-{stem}.txt".replace("/", "_").replace("\x00", "_")
        try:
            (root / name).write_bytes(b"Talks were held in Vienna.\n")
        except (OSError, UnicodeEncodeError):  # a name this file system refuses
            continue
    for path in sorted(root.iterdir()):
        try:
            article = read_article(path, root=root)
        except ArticleError as exc:
            line = printable(exc)
        else:
            line = printable(article.id)
        assert "\n" not in line and "\x1b" not in line
        assert not any(unicodedata.category(ch) == "Cc" for ch in line)


TOML_PARTS = [
    "[[place]]",
    "[[ignore]]",
    "[place]",
    "place = 1",
    "ignore = 'x'",
    "place = []",
    'name = "Tartus"',
    "name = 5",
    'name = ""',
    'name = "   "',
    "lat = 35.5",
    "lon = 35.8",
    "lat = nan",
    "lon = inf",
    "lat = 1e400",
    "lat = true",
    'gazetteer_id = "geonames:163345"',
    "gazetteer_id = 3",
    'label = "x"',
    "label = [1]",
    'article = "a.md"',
    "article = 1",
    "[other]",
    "x = 1",
    "= broken",
]


@MANY
@given(st.lists(st.sampled_from(TOML_PARTS) | st.text(max_size=15), max_size=8).map("\n".join))
def test_places_toml_gives_overrides_or_a_named_error(text: str) -> None:
    try:
        overrides = parse_overrides(text)
    except OverrideError as exc:
        assert str(exc).startswith("places.toml")
        return
    for (_, key), pin in overrides.pins.items():
        assert key
        if pin.lat is not None:
            assert -90 <= pin.lat <= 90 and -180 <= pin.lon <= 180  # type: ignore[operator]


GEOPARSE_PARTS = [
    json.dumps({"doc_id": "a", "text": "Rockets struck Kharkiv overnight."}),
    '{"doc_id": "lone", "text": "Half \\ud83d a character in Kyiv."}',
    '{"doc_id": "pair", "text": "Breaking \\ud83d\\udea8 news from Odesa."}',
    '{"doc_id": {"nested": 1}, "text": "Talks in Vienna.", "title": 5, "url": "javascript:x"}',
    '{"text": ""}',
    '{"text": null}',
    "[1, 2]",
    "null",
    "not json",
    "[" * 5000,
    "\udcff raw byte",
]


@SLOW
@given(
    st.lists(
        st.sampled_from(GEOPARSE_PARTS)
        | st.builds(lambda t: json.dumps({"doc_id": "g", "text": t}), st.text(max_size=60))
        | st.text(max_size=30),
        min_size=1,
        max_size=4,
    )
)
def test_geoparse_lines_give_a_record_or_a_numbered_error(pipeline, lines: list[str]) -> None:
    lines = [line.replace("\n", " ").replace("\r", " ") for line in lines]
    expected = sum(1 for line in lines if line.strip())
    out = list(geoparse_lines(lines, pipeline=pipeline, source="in.jsonl"))
    assert len(out) == expected  # one outcome per line, none lost
    for item in out:
        if isinstance(item, GeoparseError):
            assert str(item).startswith("in.jsonl:")
            continue
        json.dumps(item, ensure_ascii=False).encode("utf-8")


@FAST
@given(st.text(max_size=60))
def test_printable_is_one_safe_line(text: str) -> None:
    line = printable(text)
    assert not any(unicodedata.category(ch) in ("Cc", "Cs", "Zl", "Zp") for ch in line)
    line.encode("utf-8")


@FAST
@given(st.text(max_size=40) | st.sampled_from(["javascript:x", "http://a.b/c", "HTTPS://A.B"]))
def test_safe_url_keeps_only_http(url: str) -> None:
    kept = safe_url(url)
    if kept is not None:
        assert kept.lower().startswith(("http://", "https://"))
        assert not any(ord(ch) < 0x20 for ch in kept)


@FAST
@given(st.text(max_size=40))
def test_fix_surrogates_always_gives_writable_text(text: str) -> None:
    fixed = fix_surrogates(text)
    fixed.encode("utf-8")
    if not any("\ud800" <= ch <= "\udfff" for ch in text):
        assert fixed == text
