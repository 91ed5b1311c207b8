from pathlib import Path

import pytest

from layers.registry import LayerError, bundled_definitions_dir, load_event_types, load_layers
from layers.types import CORE_LAYER_IDS

CONFLICT_LAYERS = (
    "clashes", "attacks", "explosions", "protests", "arrests", "seizures", "movements",
)  # fmt: skip


def test_bundled_layers_cover_the_core_ids_in_order():
    layers = load_layers()
    ids = [layer.id for layer in layers]
    assert [i for i in ids if i in CORE_LAYER_IDS] == list(CORE_LAYER_IDS)
    assert set(ids) == set(CORE_LAYER_IDS) | set(CONFLICT_LAYERS)
    assert ids[-1] == "places"
    assert sum(layer.default for layer in layers) == 1
    assert next(layer for layer in layers if layer.default).id == "places"


def test_every_bundled_event_layer_shows_types_from_the_taxonomy():
    taxonomy = load_event_types()
    for layer in load_layers():
        if not layer.default:
            assert layer.event_types, layer.id
        assert {t.id for t in layer.event_types} <= set(taxonomy), layer.id
    shown = {t.id for layer in load_layers() for t in layer.event_types}
    assert shown == set(taxonomy)  # none is lost


def test_a_copied_definition_adds_a_layer(tmp_path: Path):
    source = (bundled_definitions_dir() / "strike_sites.toml").read_text()
    new = (
        source.replace('id = "strike_sites"', 'id = "naval"')
        .replace('title = "Strike sites"', 'title = "Naval"')
        .replace("order = 2", "order = 50")
    )
    (tmp_path / "naval.toml").write_text(new)
    layers = load_layers(tmp_path)
    assert [layer.id for layer in layers][-2:] == ["naval", "places"]
    assert len(layers) == len(load_layers()) + 1


def test_a_taxonomy_file_in_the_folder_adds_and_replaces_types(tmp_path: Path):
    (tmp_path / "event_types.toml").write_text(
        '[[type]]\nid = "blockade"\ntitle = "Blockade"\ntriggers = ["blockade"]\n'
        '[[type]]\nid = "riot"\ntitle = "Riot"\ntriggers = ["brawl"]\n'
    )
    (tmp_path / "naval.toml").write_text(
        'id = "naval"\ntitle = "Naval"\ncolor = "#000"\norder = 50\ntypes = ["blockade"]\n'
    )
    layers = {layer.id: layer for layer in load_layers(tmp_path)}
    assert [t.triggers for t in layers["naval"].event_types] == [("blockade",)]
    riot = next(t for t in layers["protests"].event_types if t.id == "riot")
    assert riot.triggers == ("brawl",)


def test_a_type_reads_the_words_that_say_its_trigger_means_something_else(tmp_path: Path):
    (tmp_path / "event_types.toml").write_text(
        '[[type]]\nid = "riot"\ntitle = "Riot"\ntriggers = ["brawl"]\nunless = ["boxing"]\n'
    )
    layers = {layer.id: layer for layer in load_layers(tmp_path)}
    riot = next(t for t in layers["protests"].event_types if t.id == "riot")
    assert riot.unless == ("boxing",)


def test_an_unknown_type_is_named(tmp_path: Path):
    (tmp_path / "naval.toml").write_text(
        'id = "naval"\ntitle = "Naval"\ncolor = "#000"\norder = 50\ntypes = ["nope"]\n'
    )
    with pytest.raises(LayerError, match="unknown event types"):
        load_layers(tmp_path)


def test_a_layers_own_rules_become_a_type_named_after_it(tmp_path: Path):
    (tmp_path / "naval.toml").write_text(
        'id = "naval"\ntitle = "Naval"\ncolor = "#000"\norder = 50\n'
        '[[rules]]\ntriggers = ["blockade"]\nroles = ["location"]\n'
    )
    (naval,) = [layer for layer in load_layers(tmp_path) if layer.id == "naval"]
    assert [(t.id, t.triggers, t.roles) for t in naval.event_types] == [
        ("naval", ("blockade",), ("location",))
    ]


def test_a_type_no_layer_shows_is_kept_on_the_default_layer(tmp_path: Path):
    (tmp_path / "event_types.toml").write_text(
        '[[type]]\nid = "blockade"\ntitle = "Blockade"\ntriggers = ["blockade"]\n'
    )
    default = next(layer for layer in load_layers(tmp_path) if layer.default)
    assert "blockade" in [t.id for t in default.event_types]
    others = [layer for layer in load_layers(tmp_path) if not layer.default]
    assert "blockade" not in {t.id for layer in others for t in layer.event_types}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('id = "x"\ntitle = "X"\ncolor = "#000"\n', "missing 'order'"),
        (
            'id = "x"\ntitle = "X"\ncolor = "#000"\norder = 9\n[[rules]]\nroles = ["location"]\n',
            "no triggers",
        ),
        (
            'id = "x"\ntitle = "X"\ncolor = "#000"\norder = 9\n[[rules]]\ntriggers = ["a"]\n'
            'roles = ["nowhere"]\n',
            "unknown roles",
        ),
        ("id = [unclosed\n", "bad.toml"),
        ('id = "x"\ntitle = "X"\ncolor = "#000"\norder = 9\ndefault = true\n', "default"),
    ],
)
def test_malformed_definitions_are_named(tmp_path: Path, content, message):
    (tmp_path / "bad.toml").write_text(content)
    with pytest.raises(LayerError, match=message):
        load_layers(tmp_path)


@pytest.mark.parametrize("key", ["topical", "yields_to_subject", "holds"])
def test_a_flag_of_a_type_must_be_true_or_false(tmp_path: Path, key):
    (tmp_path / "event_types.toml").write_text(
        f'[[type]]\nid = "blockade"\ntitle = "Blockade"\ntriggers = ["blockade"]\n{key} = "yes"\n'
    )
    with pytest.raises(LayerError, match=f"'{key}' must be true or false"):
        load_layers(tmp_path)
