"""The eventmap application: articles in, a source-cited event map out."""

__version__ = "0.1.0"


def __getattr__(name: str) -> object:
    """``eventmap.build_map`` without importing spaCy and folium at ``import eventmap``."""
    if name in ("build_map", "read_paths"):
        from eventmap import api

        return getattr(api, name)
    raise AttributeError(f"module 'eventmap' has no attribute {name!r}")
