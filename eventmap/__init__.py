"""The eventmap application: articles in, a source-cited event map out."""

from eventmap._version import __version__ as __version__


def __getattr__(name: str) -> object:
    """``eventmap.build_map`` without importing spaCy and folium at ``import eventmap``."""
    if name in ("build_map", "read_paths"):
        from eventmap import api

        return getattr(api, name)
    raise AttributeError(f"module 'eventmap' has no attribute {name!r}")
