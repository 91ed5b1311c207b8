from pathlib import Path

import pytest

from layers.registry import LayerError, bundled_definitions_dir, load_layers
from layers.types import CORE_LAYER_IDS


def test_bundled_layers_cover_the_core_ids_in_order():
    layers = load_layers()
    assert [layer.id for layer in layers] == list(CORE_LAYER_IDS)
    assert sum(layer.default for layer in layers) == 1
    assert next(layer for layer in layers if layer.default).id == "places"


def test_a_copied_definition_adds_a_layer(tmp_path: Path):
    source = (bundled_definitions_dir() / "strike_sites.toml").read_text()
    new = (
        source.replace('id = "strike_sites"', 'id = "protests"')
        .replace('title = "Strike sites"', 'title = "Protests"')
        .replace("order = 2", "order = 6")
    )
    (tmp_path / "protests.toml").write_text(new)
    layers = load_layers(tmp_path)
    assert [layer.id for layer in layers][-1] == "protests"
    assert len(layers) == len(CORE_LAYER_IDS) + 1


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
