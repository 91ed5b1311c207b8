"""Analyst overrides (places.toml): pins, ignores, per-article scope, clear errors."""

from pathlib import Path

import pytest

from geo.extract import MentionExtractor
from geo.overrides import OverrideError, load_overrides, parse_overrides
from geo.resolve import Resolver
from geo.sources import demonym_table

TEXT = "Officials met in Springfield. Shelling hit Mobile overnight."


@pytest.fixture(scope="module")
def run(nlp, gazetteer):
    extractor = MentionExtractor(gazetteer, demonym_table())
    resolver = Resolver(gazetteer)

    def go(text, overrides, article="a.md"):
        found = resolver.resolve(
            text, extractor.extract(nlp(text)), article=article, overrides=overrides
        )
        return {r.mention.text: r.place for r in found}

    return go


def test_pin_to_coordinates_and_label(run):
    overrides = parse_overrides(
        '[[place]]\nname = "Springfield"\nlat = 37.21\nlon = -93.29\nlabel = "Springfield, MO"\n'
    )
    place = run(TEXT, overrides)["Springfield"]
    assert (place.lat, place.lon) == (37.21, -93.29)
    assert place.name == "Springfield, MO"
    assert place.reason == "set by analyst" and place.source == "set by analyst"


def test_pin_to_a_gazetteer_id(run, gazetteer):
    target = gazetteer.candidates("Springfield")[-1]
    overrides = parse_overrides(
        f'[[place]]\nname = "springfield"\ngazetteer_id = "{target.gazetteer_id}"\n'
    )
    assert run(TEXT, overrides)["Springfield"].gazetteer_id == target.gazetteer_id


def test_ignore_and_article_scope(run):
    overrides = parse_overrides('[[ignore]]\nname = "Mobile"\narticle = "a.md"\n')
    assert "Mobile" not in run(TEXT, overrides, article="a.md")
    assert "Mobile" in run(TEXT, overrides, article="b.md")


def test_unknown_gazetteer_id_is_named(run):
    overrides = parse_overrides('[[place]]\nname = "Springfield"\ngazetteer_id = "x:nope"\n')
    with pytest.raises(OverrideError, match="x:nope"):
        run(TEXT, overrides)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[[place]]\nlat = 1\nlon = 2\n", "needs a string 'name'"),
        ('[[place]]\nname = "X"\nlat = 1\n', "needs 'gazetteer_id'"),
        ('[[place]]\nname = "X"\nlat = 100\nlon = 2\n', "out of range"),
        ('[[place]]\nname = "X"\ngazetteer_id = "a"\nlat = 1\nlon = 2\n', "either"),
        ('[[places]]\nname = "X"\n', "unknown tables"),
        ("[[place]\n", "places.toml"),
    ],
)
def test_bad_files_say_what_is_wrong(text, message):
    with pytest.raises(OverrideError, match=message):
        parse_overrides(text)


def test_no_file_means_no_overrides(tmp_path: Path):
    assert load_overrides(tmp_path).digest == ""
    (tmp_path / "places.toml").write_text('[[ignore]]\nname = "Mobile"\n')
    loaded = load_overrides(tmp_path)
    assert loaded.ignored("MOBILE", article=None) and loaded.digest


@pytest.mark.parametrize("text", ["place = 1", "ignore = 'Mobile'", "place = {name = 'x'}"])
def test_a_table_that_is_not_a_list_of_tables_is_named(text: str) -> None:
    """Found by tests/fuzz: ``place = 1`` was a TypeError traceback, not a named error."""
    with pytest.raises(OverrideError, match="must be a list of"):
        parse_overrides(text)
