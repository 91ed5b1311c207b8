"""Name normalisation shared by the gazetteer index and every lookup.

The same function builds the index keys and the query keys, so "Ţarţūs",
"Tartus" and "TARTUS" meet at one key, and "the Black Sea" meets "Black Sea".
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["POSITION_WORDS", "has_latin_letter", "name_key", "strip_article"]

POSITION_WORDS = frozenset(
    {
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
        "northeastern",
        "northwestern",
        "southeastern",
        "southwestern",
        "central",
        "centre",
        "center",
        "middle",
        "upper",
        "lower",
    }
)
"""Compass and position words (lower case). Alone they name no one place: "the
West", "Central" are a direction or an adjective in news, even where some
country has a province of that name."""

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "ʼ": "'", "ʻ": "'", "´": "'"})
_SEPARATORS = re.compile(r"[\s\-‐‑‒–—_/]+")
_DROP = re.compile(r"[.,;:!?\"()\[\]{}]")
_LEADING_ARTICLE = re.compile(r"^(?:the)\s+", re.IGNORECASE)
_LATIN = re.compile(r"[A-Za-z]")


def strip_article(name: str) -> str:
    """Drop a leading English definite article: "the Gaza Strip" -> "Gaza Strip".

    Examples
    --------
    >>> strip_article("The Hague")
    'Hague'
    >>> strip_article("Thessaloniki")
    'Thessaloniki'
    """
    return _LEADING_ARTICLE.sub("", name.strip())


def name_key(name: str) -> str:
    """Return the lookup key for a place name.

    Diacritics are removed, case is folded, apostrophes unified, hyphens and
    dashes become spaces, full stops and other punctuation vanish and a
    leading "the" is dropped.

    Examples
    --------
    >>> name_key("Ţarţūs")
    'tartus'
    >>> name_key("the Black  Sea")
    'black sea'
    >>> name_key("Al-Hasakah")
    'al hasakah'
    >>> name_key("U.S.")
    'us'
    """
    decomposed = unicodedata.normalize("NFKD", name)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    text = stripped.translate(_APOSTROPHES).casefold()
    text = _DROP.sub("", text)
    text = _SEPARATORS.sub(" ", text).strip()
    return _LEADING_ARTICLE.sub("", text)


def has_latin_letter(name: str) -> bool:
    """True when a name has at least one ASCII letter after removing diacritics.

    The index keeps only such names: the articles it serves are in English.
    """
    decomposed = unicodedata.normalize("NFKD", name)
    return bool(_LATIN.search(decomposed))
