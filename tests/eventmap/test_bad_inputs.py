"""One bad input, one named skip: a whole build (and a geoparse batch) through ``main``.

Each file or line here is broken in one way an article from the web can be;
every one must be named on stderr as ``eventmap: skipped PATH: reason`` (or
kept with a warning), the exit code must be 1, and the rest of the work must
be done. Names are printed escaped, so none can forge a line of output.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from eventmap import cli

pytestmark = pytest.mark.usefixtures("quick_render")

GOOD = "Rockets hit Kharkiv\n\nRockets struck Kharkiv overnight, officials said.\n"


@pytest.fixture(autouse=True)
def _shared_pipeline(monkeypatch, pipeline):
    monkeypatch.setattr(cli, "_pipeline", lambda args: pipeline)


def _write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def _bad_folder(root: Path) -> dict[str, str]:
    """Write one good article and one of each kind of bad file; return name → expected reason."""
    _write(root, "good.txt", GOOD)
    _write(root, "emoji.md", '---\ntitle: "Breaking \\ud83d\\udea8 news"\n---\n' + GOOD)
    _write(root, "lone.md", '---\ntitle: "Half \\ud83d a character"\n---\n' + GOOD)
    _write(root, "when.md", "---\ntitle: 12:30\ndate: 2021-02-30\n---\n" + GOOD)
    _write(root, "no.md", "---\ntitle: No\nurl: javascript:alert(1)\n---\n" + GOOD)
    _write(root, "latin.txt", "ÿþ Kharkiv café reopens\n".encode("latin-1"))
    _write(root, "bytes.txt", b"Kharkiv \xff\xfe\xfd news\n")
    _write(root, "evil\nline\x1b[31m.txt", b"\x00binary")
    (root / "dangling.txt").symlink_to(root / "missing.txt")
    (root / "loop.md").symlink_to(root / "loop.md")
    os.mkfifo(root / "pipe.txt")
    _write(root, os.fsdecode(b"caf\xe9.txt"), GOOD)  # a Latin-1 file name
    return {
        "caf\\xe9.txt": "name is not valid UTF-8",
        "latin.txt": "does not read as UTF-16",
        "bytes.txt": "not valid UTF-8",
        "evil\\nline\\x1b[31m.txt": "binary",
        "dangling.txt": "dangling symbolic link",
        "loop.md": "symbolic link loop",
        "pipe.txt": "FIFO",
    }


def test_every_bad_file_is_one_named_skip_and_the_rest_is_built(tmp_path, capsys):
    articles = tmp_path / "articles"
    expected = _bad_folder(articles)
    out = articles / "maps"  # --out inside the articles folder
    argv = ["build", str(articles), "--out", str(out)]
    assert cli.main(argv) == cli.EXIT_INPUT_FAILED
    err = capsys.readouterr().err
    skipped = [line for line in err.splitlines() if line.startswith("eventmap: skipped ")]
    assert len(skipped) == len(expected), err
    for name, reason in expected.items():
        assert any(f"{articles}/{name}: " in line and reason in line for line in skipped), name
    assert "\x1b" not in err  # no escape reaches the terminal
    assert all(
        line.startswith(("eventmap: ", "  ", "wrote ", "unchanged ")) or " articles read" in line
        for line in err.splitlines()
    ), err
    warnings = [line for line in err.splitlines() if line.startswith("eventmap: warning: ")]
    assert any("when.md" in w and "2021-02-30" in w for w in warnings)
    assert any("no.md" in w and "'url'" in w for w in warnings)
    assert "5 articles read, 7 skipped" in err
    geojson = json.loads((out / "events.geojson").read_text(encoding="utf-8"))
    titles = {c["title"] for f in geojson["features"] for c in f["properties"]["citations"]}
    assert {"Breaking \U0001f6a8 news", "Half \ufffd a character", "12:30", "No"} <= titles
    urls = {c["url"] for f in geojson["features"] for c in f["properties"]["citations"]}
    assert urls == {None}

    # The next build does not read its own map as an article.
    assert cli.main(argv) == cli.EXIT_INPUT_FAILED
    again = capsys.readouterr().err
    assert "maps/" not in "".join(line for line in again.splitlines() if "skipped" in line)
    assert "5 articles read (5 from cache), 7 skipped" in again


def test_geoparse_names_each_bad_line_and_streams_the_rest(tmp_path, capsys):
    from eventmap.articles import MAX_ARTICLE_CHARS

    lines = [
        json.dumps({"doc_id": "a", "text": "Rockets struck Kharkiv overnight."}),
        "not json at all",
        '{"doc_id": "lone", "text": "Half \\ud83d a character in Kyiv."}',
        json.dumps({"doc_id": "huge", "text": "x" * (MAX_ARTICLE_CHARS + 1)}),
        json.dumps({"doc_id": "no text"}),
        json.dumps([1, 2, 3]),
        "[" * 100_000,
        '{"doc_id": "pair", "text": "Breaking \\ud83d\\udea8 news from Odesa."}',
    ]
    source = tmp_path / "in.jsonl"
    source.write_bytes(
        ("\n".join(lines) + "\n").encode() + b'{"doc_id": "bytes", "text": "caf\xe9"}\n'
    )
    out = tmp_path / "out.jsonl"
    assert cli.main(["geoparse", str(source), "-o", str(out)]) == cli.EXIT_INPUT_FAILED
    err = capsys.readouterr().err.splitlines()
    assert [line.split(": ", 2)[1].rsplit(":", 1)[1] for line in err] == [
        "2",
        "3",
        "4",
        "5",
        "6",
        "7",
        "9",
    ]
    assert all(line.startswith(f"eventmap: skipped {source}:") for line in err)
    assert "surrogate" in err[1] and "1,000,001 characters" in err[2] and "UTF-8" in err[6]
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["doc_id"] for r in records] == ["a", "pair"]


def test_geoparse_writes_each_record_as_it_is_made(tmp_path, monkeypatch, capsys, pipeline):
    """Records reach the output before the next document is processed."""
    seen: list[str] = []
    out = tmp_path / "out.jsonl"
    real = pipeline.process_text

    def process_text(text, *, info):
        seen.append(out.read_text(encoding="utf-8") if out.exists() else "")
        return real(text, info=info)

    monkeypatch.setattr(pipeline, "process_text", process_text)
    source = tmp_path / "in.jsonl"
    docs = [{"doc_id": f"d{i}", "text": f"Talks were held in Vienna on day {i}."} for i in range(3)]
    source.write_text("".join(json.dumps(d) + "\n" for d in docs))
    assert cli.main(["geoparse", str(source), "-o", str(out)]) == cli.EXIT_OK
    assert [text.count("\n") for text in seen] == [0, 1, 2]


def test_geoparse_from_stdin_survives_bytes_that_are_not_utf8(monkeypatch, capsys):
    import io
    import sys

    data = (
        b'{"doc_id": "x", "text": "caf\xe9"}\n'
        + json.dumps({"doc_id": "ok", "text": "Talks were held in Vienna."}).encode()
        + b"\n"
    )
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    assert cli.main(["geoparse", "-"]) == cli.EXIT_INPUT_FAILED
    captured = capsys.readouterr()
    assert captured.err.startswith("eventmap: skipped -:1: not UTF-8")
    assert [json.loads(line)["doc_id"] for line in captured.out.splitlines()] == ["ok"]
