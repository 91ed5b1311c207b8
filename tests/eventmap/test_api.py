"""The notebook API: eventmap.build_map(paths) -> folium.Map."""

import folium
import pytest

import eventmap


def test_build_map_from_files_and_folders(tmp_path, pipeline):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.md").write_text("---\ntitle: A\n---\n\nThe ministers held talks in Oslo.\n")
    single = tmp_path / "b.txt"
    single.write_text("Shelling hit villages near Kharkiv on Friday.\n")
    (folder / "empty.txt").write_text("")
    with pytest.warns(UserWarning, match="empty.txt"):
        fmap = eventmap.build_map([folder, single], pipeline=pipeline, title="Week")
    assert isinstance(fmap, folium.Map)
    page = fmap.get_root().render()
    assert "Oslo" in page and "Kharkiv" in page
    assert "iframe" in fmap._repr_html_()  # what Jupyter displays


def test_missing_path_is_named(tmp_path, pipeline):
    with pytest.raises(FileNotFoundError, match="nope"):
        eventmap.build_map(tmp_path / "nope", pipeline=pipeline)
