"""Tests for eventmap.articles: formats, metadata, errors and discovery."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from eventmap.articles import (
    ARTICLE_SUFFIXES,
    Article,
    ArticleError,
    discover_articles,
    read_article,
    read_articles,
)

BODY = (
    "Heavy rain caused the river to burst its banks near the town of Oakford on Tuesday, "
    "forcing hundreds of residents to leave their homes.\n"
    "\n"
    "Emergency crews from the neighbouring county worked through the night, officials said.\n"
)


def write(root: Path, name: str, content: str | bytes) -> Path:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_bytes(content.encode("utf-8"))
    return path


def read(root: Path, name: str, content: str | bytes) -> Article:
    return read_article(write(root, name, content), root=root)


# --------------------------------------------------------------------------- plain text

TXT_CASES = [
    pytest.param(BODY, None, None, id="body-only"),
    pytest.param(
        "River bursts its banks in Oakford\n\n" + BODY,
        "River bursts its banks in Oakford",
        None,
        id="headline",
    ),
    pytest.param(
        "Will the levees hold?\n" + BODY, "Will the levees hold?", None, id="headline-question"
    ),
    pytest.param("date 2021-03-04\n" + BODY, None, "2021-03-04", id="date-line"),
    pytest.param("Date: 2021-03-04\n" + BODY, None, "2021-03-04", id="date-colon"),
    pytest.param(
        " date 2021-03-04 Residents wade through a flooded street.\n\n" + BODY,
        None,
        "2021-03-04",
        id="date-with-caption-indented",
    ),
    pytest.param(
        "DATE 2021-03-04\nRiver bursts its banks\n\n" + BODY,
        "River bursts its banks",
        "2021-03-04",
        id="bare-date-then-headline",
    ),
    pytest.param(
        "River bursts its banks\n" + BODY + "\nDate: 2021-03-05\n",
        "River bursts its banks",
        "2021-03-05",
        id="headline-date-at-end",
    ),
    pytest.param(
        "date 2021-02-30\n" + BODY + "date 2021-03-01\n",
        None,
        "2021-03-01",
        id="invalid-calendar-date-skipped",
    ),
    pytest.param(
        "Updated date 2021-03-04\n" + BODY,
        "Updated date 2021-03-04",
        None,
        id="date-not-at-line-start",
    ),
    pytest.param("The river rose overnight.\n" + BODY, None, None, id="first-line-sentence"),
    pytest.param('He said "the levee held."\n' + BODY, None, None, id="sentence-in-quotes"),
    pytest.param("By Jane Roe\n" + BODY, None, None, id="byline-is-not-title"),
    pytest.param("Floods " * 20 + "\n" + BODY, None, None, id="too-long-for-headline"),
    pytest.param("River bursts its banks", None, None, id="single-line-is-body"),
    pytest.param("2021\n" + BODY, None, None, id="no-letters"),
]


@pytest.mark.parametrize(("content", "title", "date"), TXT_CASES)
def test_txt_metadata_from_text(
    tmp_path: Path, content: str, title: str | None, date: str | None
) -> None:
    article = read(tmp_path, "a.txt", content)
    assert article.text == content  # metadata never changes the text
    assert article.title == title
    assert article.date == date
    assert article.source is None
    assert article.url is None
    assert article.id == "a.txt"
    assert article.path == tmp_path / "a.txt"


def test_txt_bom_is_dropped_and_offsets_start_at_text(tmp_path: Path) -> None:
    article = read(tmp_path, "bom.txt", b"\xef\xbb\xbfdate 2020-01-02\n" + BODY.encode())
    assert article.text.startswith("date 2020-01-02")
    assert article.date == "2020-01-02"


def test_txt_utf16_with_bom_is_decoded(tmp_path: Path) -> None:
    article = read(tmp_path, "u16.txt", ("Café owners count losses\n" + BODY).encode("utf-16"))
    assert article.title == "Café owners count losses"
    assert article.text.endswith("officials said.\n")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        pytest.param(b"Line one\r\nLine two\r\n", "Line one\nLine two\n", id="crlf"),
        pytest.param(b"Line one\rLine two\r", "Line one\nLine two\n", id="cr"),
        pytest.param(b"Line one\r\n\r\nLine two", "Line one\n\nLine two", id="crlf-blank"),
    ],
)
def test_line_endings_normalised(tmp_path: Path, raw: bytes, expected: str) -> None:
    article = read(tmp_path, "nl.txt", raw)
    assert article.text == expected
    assert "\r" not in article.text


def test_crlf_offsets_refer_to_article_text(tmp_path: Path) -> None:
    raw = b"Storm nears coast\r\n\r\nThe storm reached Oakford at dawn.\r\n"
    article = read(tmp_path, "crlf.txt", raw)
    start = article.text.index("Oakford")
    assert article.text[start : start + 7] == "Oakford"
    assert start == len("Storm nears coast\n\nThe storm reached ")
    assert article.title == "Storm nears coast"


# --------------------------------------------------------------------------- bad files

BAD_CASES = [
    pytest.param("e.txt", b"", "empty", id="empty-txt"),
    pytest.param("w.txt", b"  \n\t\r\n  ", "empty", id="whitespace-txt"),
    pytest.param("w.md", b"\n\n   \n", "empty", id="whitespace-md"),
    pytest.param("w.html", b"   \n", "empty", id="whitespace-html"),
    pytest.param("b.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary", id="binary"),
    pytest.param(
        "l.txt", "Caf\u00e9 reopens in Oakford\n".encode("latin-1"), "UTF-8", id="latin-1"
    ),
    pytest.param("l.md", "Na\u00efve\n".encode("cp1252"), "UTF-8", id="cp1252-md"),
    pytest.param(
        "h.html",
        b"<html><head><title>T</title></head><body></body></html>",
        "no main text",
        id="html-without-text",
    ),
    pytest.param(
        "fm.md",
        b"---\ntitle: A\n\nBody never closes the front matter.\n",
        "never closed",
        id="front-matter-unterminated",
    ),
    pytest.param(
        "fm.md",
        b"---\ntitle: [unclosed\n---\nBody.\n",
        "not valid YAML",
        id="front-matter-invalid-yaml",
    ),
    pytest.param("fm.md", b"---\n- a\n- b\n---\nBody.\n", "mapping", id="front-matter-list"),
    pytest.param("fm.md", b"---\njust a string\n---\nBody.\n", "mapping", id="front-matter-scalar"),
    pytest.param(
        "fm.md",
        b"---\ndate: 2021-02-30\n---\nBody.\n",
        "YAML",
        id="front-matter-impossible-yaml-date",
    ),
    pytest.param(
        "fm.md", b"---\ndate: yesterday\n---\nBody.\n", "'date'", id="front-matter-date-not-iso"
    ),
    pytest.param(
        "fm.md", b"---\ntitle: [a, b]\n---\nBody.\n", "'title'", id="front-matter-title-list"
    ),
    pytest.param(
        "fm.md",
        b"---\ntitle: A\n---\n\n  \n",
        "no text after the front matter",
        id="front-matter-no-body",
    ),
]


@pytest.mark.parametrize(("name", "raw", "reason"), BAD_CASES)
def test_bad_files_raise_article_error(tmp_path: Path, name: str, raw: bytes, reason: str) -> None:
    path = write(tmp_path, name, raw)
    with pytest.raises(ArticleError) as info:
        read_article(path, root=tmp_path)
    err = info.value
    assert reason in err.reason
    assert err.path == path
    assert str(err) == f"{path}: {err.reason}"
    assert isinstance(err, ValueError)


def test_latin1_error_names_the_byte(tmp_path: Path) -> None:
    path = write(tmp_path, "l.txt", "Caf\u00e9".encode("latin-1"))
    with pytest.raises(ArticleError, match=r"byte 0xe9 at byte offset 3"):
        read_article(path, root=tmp_path)


def test_unreadable_path_raises_article_error(tmp_path: Path) -> None:
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    with pytest.raises(ArticleError, match="cannot read"):
        read_article(folder, root=tmp_path)
    with pytest.raises(ArticleError, match="cannot read"):
        read_article(tmp_path / "missing.txt", root=tmp_path)


def test_unsupported_suffix_and_outside_root(tmp_path: Path) -> None:
    pdf = write(tmp_path / "in", "a.pdf", b"%PDF-1.4")
    with pytest.raises(ArticleError, match="unsupported"):
        read_article(pdf, root=tmp_path / "in")
    outside = write(tmp_path, "out.txt", BODY)
    with pytest.raises(ArticleError, match="not inside"):
        read_article(outside, root=tmp_path / "in")


def test_article_error_pickles() -> None:
    err = ArticleError(Path("x/a.md"), "front matter is not valid YAML")
    back = pickle.loads(pickle.dumps(err))
    assert isinstance(back, ArticleError)
    assert (back.path, back.reason, str(back)) == (err.path, err.reason, str(err))


# --------------------------------------------------------------------------- markdown

MD_CASES = [
    pytest.param(
        "---\ntitle: River bursts its banks\ndate: 2021-03-04\nsource: Valley Herald\n"
        "url: https://valley.example.org/floods\nauthor: ignored\n---\n" + BODY,
        BODY,
        (
            "River bursts its banks",
            "2021-03-04",
            "Valley Herald",
            "https://valley.example.org/floods",
        ),
        id="yaml-date",
    ),
    pytest.param(
        "---\ntitle: 'Levees hold'\ndate: '2021-03-04'\n---\n" + BODY,
        BODY,
        ("Levees hold", "2021-03-04", None, None),
        id="string-date",
    ),
    pytest.param(
        "---\nTitle: Levees hold\nDate: 2021-03-04T18:30:00Z\n...\n" + BODY,
        BODY,
        ("Levees hold", "2021-03-04", None, None),
        id="datetime-and-dots-close",
    ),
    pytest.param(
        "---\ndate: 2021-03-04 18:30:00\n---\n# Levees hold ##\n\n" + BODY,
        "# Levees hold ##\n\n" + BODY,
        ("Levees hold", "2021-03-04", None, None),
        id="yaml-datetime-heading-title",
    ),
    pytest.param(
        "---\n---\n\n# Storm nears coast\n" + BODY,
        "\n# Storm nears coast\n" + BODY,
        ("Storm nears coast", None, None, None),
        id="empty-front-matter",
    ),
    pytest.param(
        "# Storm nears coast\n\ndate 2021-03-04\n" + BODY,
        "# Storm nears coast\n\ndate 2021-03-04\n" + BODY,
        ("Storm nears coast", "2021-03-04", None, None),
        id="no-front-matter-date-line",
    ),
    pytest.param(
        "---\ntitle: From front matter\ndate: null\nsource: ''\n---\n# Heading\n" + BODY,
        "# Heading\n" + BODY,
        ("From front matter", None, None, None),
        id="front-matter-title-wins-blank-values",
    ),
    pytest.param(
        "## Second level\n" + BODY,
        "## Second level\n" + BODY,
        (None, None, None, None),
        id="h2-is-not-title",
    ),
    pytest.param(
        "----\n" + BODY,
        "----\n" + BODY,
        (None, None, None, None),
        id="rule-is-not-front-matter",
    ),
    pytest.param(
        "---\ntitle: 2024\n---\n" + BODY,
        BODY,
        ("2024", None, None, None),
        id="numeric-title",
    ),
]


@pytest.mark.parametrize(("content", "text", "meta"), MD_CASES)
def test_markdown(tmp_path: Path, content: str, text: str, meta: tuple[str | None, ...]) -> None:
    article = read(tmp_path, "story.md", content)
    assert article.text == text
    assert (article.title, article.date, article.source, article.url) == meta


def test_markdown_crlf_front_matter(tmp_path: Path) -> None:
    raw = "---\r\ntitle: Levees hold\r\ndate: 2021-03-04\r\n---\r\nOakford is dry.\r\n"
    article = read(tmp_path, "crlf.markdown", raw.encode())
    assert (article.title, article.date, article.text) == (
        "Levees hold",
        "2021-03-04",
        "Oakford is dry.\n",
    )


# --------------------------------------------------------------------------- html

PAGE = """<!DOCTYPE html>
<html><head><meta charset="{charset}">
<title>Floods hit river towns | Valley Herald</title>
{head}
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article><h1>Floods hit river towns</h1>
<p>Heavy rain caused the river to burst its banks near the town of {town} on Tuesday,
forcing hundreds of residents to leave their homes.</p>
<p>Emergency crews from the neighbouring county worked through the night to reinforce
levees along the eastern bank, officials said.</p>
</article>
<div class="comments"><p>Reader comment: this always happens here.</p></div>
<footer>Copyright Valley Herald. All rights reserved.</footer>
</body></html>
"""

FULL_HEAD = """<meta property="og:site_name" content="Valley Herald">
<meta property="article:published_time" content="2021-03-04T08:00:00Z">
<link rel="canonical" href="https://valley.example.org/news/floods">"""

HTML_CASES = [
    pytest.param(
        FULL_HEAD,
        (
            "Floods hit river towns",
            "2021-03-04",
            "Valley Herald",
            "https://valley.example.org/news/floods",
        ),
        id="full-metadata",
    ),
    pytest.param(
        '<link rel="canonical" href="https://www.valley.example.org/news/floods">',
        ("Floods hit river towns", None, None, "https://www.valley.example.org/news/floods"),
        id="host-name-is-not-an-outlet",
    ),
    pytest.param("", ("Floods hit river towns", None, None, None), id="title-only"),
]


@pytest.mark.parametrize(("head", "meta"), HTML_CASES)
@pytest.mark.parametrize("suffix", [".html", ".htm"])
def test_html_extracts_body_and_metadata(
    tmp_path: Path, head: str, meta: tuple[str | None, ...], suffix: str
) -> None:
    page = PAGE.format(charset="utf-8", head=head, town="Oakford")
    article = read(tmp_path, "page" + suffix, page)
    assert "burst its banks near the town of Oakford" in article.text
    assert "levees along the eastern bank" in article.text
    for chrome in ("Sport", "Copyright", "<p>", "Reader comment"):
        assert chrome not in article.text
    assert (article.title, article.date, article.source, article.url) == meta
    start = article.text.index("Oakford")
    assert article.text[start : start + len("Oakford")] == "Oakford"


def test_html_declared_charset_is_honoured(tmp_path: Path) -> None:
    page = PAGE.format(charset="windows-1252", head="", town="Sainte-Ad\u00e8le")
    article = read(tmp_path, "cp.html", page.encode("cp1252"))
    assert "town of Sainte-Ad\u00e8le" in article.text


def test_html_undeclared_latin1_is_an_error(tmp_path: Path) -> None:
    page = PAGE.format(charset="utf-8", head="", town="Sainte-Ad\u00e8le")
    path = write(tmp_path, "bad.html", page.encode("latin-1"))
    with pytest.raises(ArticleError, match="UTF-8"):
        read_article(path, root=tmp_path)


# --------------------------------------------------------------------------- discovery


def make_tree(root: Path) -> None:
    for name in [
        "b.txt",
        "a.md",
        "README.md",
        "readme.txt",
        "Readme",
        "notes.pdf",
        "UPPER.TXT",
        ".hidden.txt",
        ".git/config.txt",
        ".drafts/draft.md",
        "world/europe/c.html",
        "world/d.htm",
        "world/e.markdown",
        "world/README.markdown",
        "a-b/f.txt",
    ]:
        write(root, name, BODY)
    (root / "dir.txt").mkdir()


def test_discovery_is_sorted_recursive_and_skips(tmp_path: Path) -> None:
    make_tree(tmp_path)
    found = [p.relative_to(tmp_path).as_posix() for p in discover_articles(tmp_path)]
    assert found == [
        "UPPER.TXT",
        "a-b/f.txt",
        "a.md",
        "b.txt",
        "world/d.htm",
        "world/e.markdown",
        "world/europe/c.html",
    ]
    assert all(p.suffix.lower() in ARTICLE_SUFFIXES for p in discover_articles(tmp_path))


def test_discovery_missing_or_file_root(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        discover_articles(tmp_path / "nope")
    with pytest.raises(NotADirectoryError):
        discover_articles(write(tmp_path, "a.txt", BODY))


def test_nested_ids_use_posix_separators(tmp_path: Path) -> None:
    path = write(tmp_path, "world/europe/report.txt", BODY)
    article = read_article(path, root=tmp_path)
    assert article.id == "world/europe/report.txt"
    assert "\\" not in article.id


def test_relative_root_and_absolute_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, "arts/x/y.txt", BODY)
    monkeypatch.chdir(tmp_path)
    article = read_article((tmp_path / "arts/x/y.txt").resolve(), root=Path("arts"))
    assert article.id == "x/y.txt"


def test_read_articles_keeps_going_past_bad_files(tmp_path: Path) -> None:
    write(tmp_path, "01_good.txt", "Storm nears coast\n" + BODY)
    write(tmp_path, "02_empty.txt", b"")
    write(tmp_path, "03_broken.md", b"---\ntitle: x\nBody without a closing line.\n")
    write(tmp_path, "sub/04_good.md", "---\ndate: 2021-03-04\n---\n" + BODY)
    write(tmp_path, "sub/05_binary.txt", b"\x00\x01\x02")
    write(tmp_path, "README.md", b"")  # skipped, so not an error
    articles, errors = read_articles(tmp_path)
    assert [a.id for a in articles] == ["01_good.txt", "sub/04_good.md"]
    assert articles[0].title == "Storm nears coast"
    assert articles[1].date == "2021-03-04"
    assert [e.path.name for e in errors] == ["02_empty.txt", "03_broken.md", "05_binary.txt"]
    assert all(isinstance(e, ArticleError) for e in errors)


def test_read_articles_empty_folder(tmp_path: Path) -> None:
    assert read_articles(tmp_path) == ([], [])
