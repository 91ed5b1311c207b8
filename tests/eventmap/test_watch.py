"""``eventmap watch``: one rebuild per settled change, hidden files ignored, and a way to stop."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from eventmap import cli
from eventmap.build import watch as watch_module
from eventmap.build.watch import changed_names, snapshot, watch


def _scripted_sleep(actions):
    """A sleep that runs the next scripted action instead of waiting."""
    queue = list(actions)

    def sleep(seconds: float) -> None:
        action = queue.pop(0) if queue else None
        if action is not None:
            action()

    return sleep


def test_one_rebuild_per_settled_change(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "one.txt").write_text("Talks in Oslo.")
    builds: list[list[str]] = []
    sleep = _scripted_sleep(
        [
            lambda: (articles / "two.txt").write_text("Talks in Bergen."),  # poll: a change
            lambda: (articles / "three.md").write_text("Talks in Tromso."),  # still changing
            None,  # settled: rebuild
            lambda: (articles / ".hidden.txt").write_text("not an article"),  # poll: nothing
            lambda: (articles / "one.txt").unlink(),  # poll: a change
            None,  # settled: rebuild
        ]
    )
    count = watch(articles, builds.append, interval=1, debounce=0.2, max_builds=3, sleep=sleep)
    assert count == 3
    assert builds == [[], ["three.md", "two.txt"], ["one.txt"]]


def test_an_edit_in_place_is_a_change(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    path = articles / "one.txt"
    path.write_text("Talks in Oslo.")
    before = snapshot(articles)
    path.write_text("Talks in Oslo and Bergen.")
    assert changed_names(before, snapshot(articles)) == ["one.txt"]


def test_layer_definitions_are_watched_too(tmp_path):
    articles, layers = tmp_path / "articles", tmp_path / "layers"
    articles.mkdir()
    layers.mkdir()
    before = snapshot(articles, layers_dir=layers)
    (layers / "protests.toml").write_text('id = "protests"\n')
    assert changed_names(before, snapshot(articles, layers_dir=layers)) == ["layers:protests.toml"]


def test_the_watch_ends_at_its_timeout_without_changes(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    clock = itertools.count(0.0, 1.0)
    builds: list[list[str]] = []
    count = watch(
        articles,
        builds.append,
        interval=1,
        timeout=5,
        sleep=lambda s: None,
        clock=lambda: float(next(clock)),
    )
    assert count == 1 and builds == [[]]


def test_a_missing_folder_is_an_empty_snapshot(tmp_path):
    assert snapshot(tmp_path / "gone") == {}


@pytest.mark.usefixtures("quick_render")
def test_the_watch_command_builds_then_rebuilds_after_a_change(
    pipeline, corpus, tmp_path, monkeypatch, capsys, kit
):
    monkeypatch.setattr(cli, "_pipeline", lambda args: pipeline)
    real_watch = watch_module.watch

    def two_builds(articles_dir, rebuild, **kwargs):
        name, text = kit.extra
        sleep = _scripted_sleep([lambda: (Path(articles_dir) / name).write_text(text), None])
        kwargs.update(max_builds=2, sleep=sleep)
        return real_watch(articles_dir, rebuild, **kwargs)

    monkeypatch.setattr(watch_module, "watch", two_builds)
    out = tmp_path / "maps"
    assert cli.main(["watch", str(corpus), "--out", str(out)]) == cli.EXIT_OK
    err = capsys.readouterr().err
    assert "4 articles read" in err
    assert "changed: extra.txt; rebuilding" in err
    assert "5 articles read (4 from cache)" in err
    assert "Helsinki" in (out / "events.geojson").read_text()


def test_watch_help(capsys):
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["watch", "--help"])
    assert exit_info.value.code == 0
    assert "--interval" in capsys.readouterr().out
