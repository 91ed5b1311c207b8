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


def test_the_tests_do_not_write_into_the_users_data_folder():
    """tests/conftest.py points EVENTMAP_DATA_DIR at a folder of this session."""
    import os
    from pathlib import Path

    from geo.gazetteer import default_data_dir

    user = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "eventmap"
    assert default_data_dir() != user
    kept = os.environ.get("EVENTMAP_TEST_DATA_DIR")
    expected = kept or "eventmap-test-data-"
    assert expected in str(default_data_dir())
