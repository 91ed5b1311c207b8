"""Which article URLs eventmap writes out: absolute ``http``/``https`` ones only.

An article's URL comes from untrusted input (front matter, a web page's
metadata, a ``geoparse`` line). A ``javascript:`` or ``data:`` URL is code
or content, not an address, and would run or open in whoever clicks it in a
map, a GIS or a spreadsheet. Every output (the map, ``events.geojson``, the
CSV, KML and GeoPackage exports) and the article reader share this one test,
so none can keep what another drops. It imports nothing from eventmap, so
any module can use it without an import cycle.
"""

from __future__ import annotations

from urllib.parse import urlsplit

__all__ = ["SAFE_SCHEMES", "safe_url"]

SAFE_SCHEMES = frozenset({"http", "https"})
"""The URL schemes kept; anything else is dropped."""


def safe_url(url: str | None) -> str | None:
    r"""Return ``url`` stripped if it is an absolute http(s) URL with a host, else ``None``.

    Control characters inside the URL also make it unsafe: browsers strip
    tabs and line breaks from a URL, which is how ``java\tscript:`` gets
    past naive checks.

    Examples
    --------
    >>> safe_url(" https://news.example.org/a ")
    'https://news.example.org/a'
    >>> safe_url("javascript:alert(1)") is None
    True
    >>> safe_url("HTTPS://news.example.org/") is not None
    True
    """
    if not url or not isinstance(url, str):
        return None
    url = url.strip()
    if any(ord(ch) < 0x20 or ord(ch) == 0x7F for ch in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in SAFE_SCHEMES or not parts.hostname:
        return None
    return url
