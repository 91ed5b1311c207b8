"""The command line through ``main``: exit codes, outputs and error messages."""

import json
from pathlib import Path

import pytest

from eventmap import cli


@pytest.fixture(autouse=True)
def _shared_pipeline(monkeypatch, pipeline):
    """Reuse the session's loaded pipeline: the CLI's own loading is the same code."""
    monkeypatch.setattr(cli, "_pipeline", lambda args: pipeline)


def _articles(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "one.md").write_text(
        "---\ntitle: Talks\ndate: 2021-03-04\n---\n\nThe two ministers held talks in Cairo.\n"
    )
    return folder


def test_build_writes_the_map_and_geojson(tmp_path, capsys):
    out = tmp_path / "maps"
    assert cli.main(["build", str(_articles(tmp_path)), "--out", str(out)]) == cli.EXIT_OK
    features = json.loads((out / "events.geojson").read_text())["features"]
    cairo = [f for f in features if f["properties"]["name"] == "Cairo"]
    assert cairo and cairo[0]["properties"]["layer"] == "meetings"
    assert cairo[0]["properties"]["citations"][0]["date"] == "2021-03-04"
    assert "Cairo" in (out / "index.html").read_text()
    assert "1 articles read" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("empty.txt", b""),
        ("binary.txt", b"\x00\x01\x02abc"),
        ("latin.txt", b"caf\xe9 in Rome"),
        ("broken.md", b"---\ntitle: [unclosed\n---\nText in Rome.\n"),
    ],
)
def test_a_bad_article_is_named_skipped_and_the_map_still_built(tmp_path, capsys, name, content):
    folder = _articles(tmp_path)
    (folder / name).write_bytes(content)
    out = tmp_path / "maps"
    assert cli.main(["build", str(folder), "--out", str(out)]) == cli.EXIT_INPUT_FAILED
    err = capsys.readouterr().err
    assert name in err
    features = json.loads((out / "events.geojson").read_text())["features"]
    assert any(f["properties"]["name"] == "Cairo" for f in features)


def test_missing_folder_is_a_usage_error(tmp_path, capsys):
    assert cli.main(["build", str(tmp_path / "nope")]) == cli.EXIT_USAGE
    assert "nope" in capsys.readouterr().err


def test_geoparse_jsonl(tmp_path, capsys):
    source = tmp_path / "in.jsonl"
    source.write_text(
        json.dumps({"doc_id": "d1", "text": "Jets struck targets near Mosul on Friday."})
        + "\n"
        + "not json\n"
        + json.dumps({"doc_id": "d2", "text": "Nothing to see."})
        + "\n"
    )
    out = tmp_path / "out.jsonl"
    assert cli.main(["geoparse", str(source), "-o", str(out)]) == cli.EXIT_INPUT_FAILED
    assert "in.jsonl:2" in capsys.readouterr().err
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["doc_id"] for r in records] == ["d1", "d2"]
    (mosul,) = records[0]["toponyms"]
    text = "Jets struck targets near Mosul on Friday."
    assert text[mosul["start"] : mosul["end"]] == mosul["name"]
    assert mosul["kind"] == "phrase" and "strike_sites" in mosul["layers"]
    assert abs(mosul["lat"] - 36.34) < 0.5 and abs(mosul["lon"] - 43.13) < 0.5
    assert records[1]["toponyms"] == []
    (strike,) = [e for e in records[0]["events"] if e["layer"] == "strike_sites"]
    assert text[strike["trigger"]["start"] : strike["trigger"]["end"]] == "struck"
    assert [text[w["start"] : w["end"]] for w in strike["trigger"]["words"]] == ["struck"]
    assert [text[loc["start"] : loc["end"]] for loc in strike["locations"]] == ["Mosul"]
    assert strike["type"] and strike["date"] is None and strike["planned"] is False
    assert strike["denied"] is False
    assert records[1]["events"] == []


def test_geoparse_lists_events_whose_place_is_unknown_or_absent(tmp_path, capsys):
    source = tmp_path / "in.jsonl"
    text = "Gunmen ambushed a convoy on the road. Protesters marched in Zqxville."
    source.write_text(json.dumps({"doc_id": "d1", "text": text}) + "\n")
    out = tmp_path / "out.jsonl"
    assert cli.main(["geoparse", str(source), "-o", str(out)]) == cli.EXIT_OK
    (record,) = [json.loads(line) for line in out.read_text().splitlines()]
    by_trigger = {text[e["trigger"]["start"] : e["trigger"]["end"]]: e for e in record["events"]}
    assert by_trigger["ambushed"]["locations"] == []
    assert by_trigger["ambushed"]["layer"] == "attacks"
    (march,) = [e for trigger, e in by_trigger.items() if "marched" in trigger]
    assert march["layer"] == "protests"  # "Protesters marched": one event


def test_geoparse_gives_a_name_its_own_point_when_the_map_draws_a_side(tmp_path, pipeline):
    from eventmap.evaluation.geoparse import geoparse_lines

    text = "Clashes erupted in northeast Syria. Jets struck Syria."
    line = json.dumps({"doc_id": "d1", "text": text})
    (record,) = list(geoparse_lines([line], pipeline=pipeline, source="in.jsonl"))
    side, whole = record["toponyms"]
    # both spans say "Syria", and both are Syria's point: the side is the map's
    assert text[side["start"] : side["end"]] == "Syria" == whole["name"]
    assert (side["lat"], side["lon"]) == (whole["lat"], whole["lon"])
    assert side["gazetteer_id"].endswith("#side-north-east") and "#" not in whole["gazetteer_id"]


def test_eval_scores_a_gold_file(tmp_path, capsys):
    text = "Flooding hit Dhaka and the rest of Bangladesh."
    gold = tmp_path / "gold.jsonl"
    gold.write_text(
        json.dumps(
            {
                "doc_id": "g1",
                "corpus": "mine",
                "title": "t",
                "url": None,
                "text": text,
                "toponyms": [
                    {"start": 13, "end": 18, "name": "Dhaka", "lat": 23.71, "lon": 90.41},
                    {"start": 35, "end": 45, "name": "Bangladesh", "lat": 24.0, "lon": 90.0},
                ],
            }
        )
        + "\n"
    )
    assert cli.main(["eval", str(gold), "--json"]) == cli.EXIT_OK
    report = json.loads(capsys.readouterr().out)
    assert report["recognition"]["f1"] == pytest.approx(1.0)
    assert report["end_to_end_accuracy_161"] == pytest.approx(1.0)


def test_eval_rejects_a_malformed_gold_file(tmp_path, capsys):
    gold = tmp_path / "gold.jsonl"
    gold.write_text("{not json\n")
    assert cli.main(["eval", str(gold)]) == cli.EXIT_USAGE
    assert "gold.jsonl:1" in capsys.readouterr().err


@pytest.mark.parametrize("command", ["build", "watch", "geoparse", "eval", "snapshot", "report"])
def test_help_on_each_command(command, capsys):
    with pytest.raises(SystemExit) as exit_info:
        cli.main([command, "--help"])
    assert exit_info.value.code == 0
    assert "usage: eventmap" in capsys.readouterr().out


def test_unknown_geocoder_is_a_configuration_error(tmp_path, capsys, monkeypatch):
    monkeypatch.undo()  # use the real pipeline factory for this one
    assert cli.main(["build", str(_articles(tmp_path)), "--geocoder", "nosuchservice"]) == 2
    assert "nosuchservice" in capsys.readouterr().err


def test_version(capsys):
    from eventmap import __version__

    with pytest.raises(SystemExit) as exit_info:
        cli.main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"eventmap {__version__}"


def test_unknown_geocoder_lists_the_names_offline_first(tmp_path, capsys):
    folder = str(_articles(tmp_path))
    assert cli.main(["build", folder, "--geocoder", "nosuchservice"]) == cli.EXIT_USAGE
    (line,) = capsys.readouterr().err.strip().splitlines()
    assert "unknown geocoder 'nosuchservice'; use one of: offline, arcgis," in line
    assert "nominatim" in line and "dict_keys" not in line


@pytest.mark.parametrize("options", [[], ["--geocoder-option", "user_agent= "]])
def test_nominatim_without_a_user_agent_names_the_option(tmp_path, capsys, options):
    code = cli.main(["build", str(_articles(tmp_path)), "--geocoder", "nominatim", *options])
    assert code == cli.EXIT_USAGE
    (line,) = capsys.readouterr().err.strip().splitlines()
    assert "--geocoder-option user_agent=" in line
    assert "ToS" not in line and "geopy" not in line


def test_unsupported_files_and_articles_without_places_are_named(tmp_path, capsys):
    folder = _articles(tmp_path)
    (folder / "memo.docx").write_bytes(b"PK\x03\x04 not read")
    (folder / "places.toml").write_text("")
    (folder / "README.md").write_text("# about these articles\n")
    (folder / ".hidden.pdf").write_bytes(b"%PDF")
    (folder / "weather.txt").write_text("It rained all day and nobody went out.\n")
    assert cli.main(["build", str(folder), "--out", str(tmp_path / "maps")]) == cli.EXIT_OK
    err = capsys.readouterr().err
    assert f"eventmap: warning: {folder / 'memo.docx'}: unsupported format" in err
    assert f"eventmap: warning: {folder / 'weather.txt'}: no place found" in err
    assert "places.toml" not in err and "README" not in err and "hidden" not in err


def test_the_summary_counts_events_apart_from_places_named_in_passing(tmp_path, capsys):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.md").write_text(
        "---\ntitle: Talks\ndate: 2021-03-04\n---\n\n"
        "The two ministers held talks in Cairo.\n\nBoth had flown in from Rome and Madrid.\n"
    )
    assert cli.main(["build", str(folder), "--out", str(tmp_path / "maps")]) == cli.EXIT_OK
    lines = capsys.readouterr().err.splitlines()
    assert "1 event at 1 place, 2 other places named" in lines[0]
    meetings = next(line for line in lines if line.strip().startswith("meetings"))
    places = next(line for line in lines if line.strip().startswith("places"))
    assert "1 events" in meetings and "2 mentions" in places and "events" not in places


def test_python_dash_m_runs_the_same_command_line(tmp_path: Path) -> None:
    """``python -m eventmap`` is the ``eventmap`` script: a usage fault exits 2, one line."""
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "eventmap", "build", str(tmp_path / "missing")],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 2, done.stderr
    assert done.stderr.startswith("eventmap: error:"), done.stderr
