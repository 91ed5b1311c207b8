"""Name normalisation shared by the gazetteer index and every lookup.

The same function builds the index keys and the query keys, so "Ţarţūs",
"Tartus" and "TARTUS" meet at one key, and "the Black Sea" meets "Black Sea".
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = [
    "ARABIC_ARTICLES",
    "POSITION_WORDS",
    "has_latin_letter",
    "name_key",
    "respelled_key",
    "saint_spelled_out",
    "spelling_similarity",
    "strip_article",
    "transliteration_key",
]

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

_APOSTROPHES = str.maketrans(
    {"’": "'", "‘": "'", "`": "'", "ʼ": "'", "ʻ": "'", "´": "'", "ʿ": "'", "ʾ": "'"}
)
#: An apostrophe that opens a word before a vowel writes an Arabic ʿayn or hamza
#: ("‘Āmūdā", "ʿAjlūn"), which news leaves out ("Amuda", "Ajlun"): it is no letter
#: of the key. Before a consonant it is an opening quote ("‘Hart of Dixie’"), kept.
_WORD_INITIAL_MARK = re.compile(r"(?:(?<=^)|(?<=[\s\-‐‑‒–—_/]))'+(?=[aeiou])")
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


@lru_cache(maxsize=1 << 16)
def name_key(name: str) -> str:
    """Return the lookup key for a place name.

    Kept per name: resolving one article asks for the same few names' keys
    hundreds of times.

    Diacritics are removed, case is folded, apostrophes unified (one that opens
    a word, an Arabic ʿayn or hamza, dropped: "‘Āmūdā" is "amuda"), hyphens and
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
    >>> name_key("‘Āmūdā")
    'amuda'
    """
    decomposed = unicodedata.normalize("NFKD", name)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    text = stripped.translate(_APOSTROPHES).casefold()
    text = _WORD_INITIAL_MARK.sub("", text)
    text = _DROP.sub("", text)
    text = _SEPARATORS.sub(" ", text).strip()
    return _LEADING_ARTICLE.sub("", text)


def has_latin_letter(name: str) -> bool:
    """True when a name has at least one ASCII letter after removing diacritics.

    The index keeps only such names: the articles it serves are in English.
    """
    decomposed = unicodedata.normalize("NFKD", name)
    return bool(_LATIN.search(decomposed))


#: Arabic articles news writes or drops before a name ("Al Hudaydah", "Hodeidah").
ARABIC_ARTICLES = frozenset({"al", "el", "ar", "as", "ad", "an", "at", "ash", "az", "ed"})
#: Letter groups that transliterations write differently, and one spelling for
#: each, applied in order: Russian and Ukrainian forms (Kharkov/Kharkiv,
#: Zaporizhia/Zaporizhzhia), Arabic q/k, kh/h, ou/u, ei/ay, -iya/-ia.
_SPELLING_GROUPS: tuple[tuple[str, str], ...] = (
    ("sch", "sh"),
    ("shch", "sh"),
    ("kh", "h"),
    ("zh", "j"),
    ("dj", "j"),
    ("dzh", "j"),
    ("ph", "f"),
    ("ck", "k"),
    ("q", "k"),
    ("w", "v"),
    ("ou", "u"),
    ("oo", "u"),
    ("ee", "i"),
    ("y", "i"),
    ("'", ""),
)
_VOWEL_RUN = re.compile(r"[aeiou]+")
_DOUBLED = re.compile(r"(.)\1+")


def transliteration_key(name: str) -> str:
    """A coarse key under which transliterations of one name meet.

    On top of :func:`name_key`: a leading Arabic article is dropped, words
    are run together, the letter groups transliterations disagree on are
    written one way, doubled letters made single, each run of vowels becomes
    one "a", and a final "h" after a vowel goes. The key is lossy on
    purpose; a match under it is only a candidate, to be weighed with
    :func:`spelling_similarity`.

    Examples
    --------
    >>> transliteration_key("Hodeidah") == transliteration_key("Al Hudaydah")
    True
    >>> transliteration_key("Kharkov") == transliteration_key("Kharkiv")
    True
    >>> transliteration_key("Zaporizhia") == transliteration_key("Zaporizhzhia")
    True
    >>> transliteration_key("Izmail") == transliteration_key("Izmayil")
    True
    >>> transliteration_key("Homs") == transliteration_key("Hama")
    False
    """
    words = name_key(name).split()
    if len(words) > 1 and words[0] in ARABIC_ARTICLES:
        words = words[1:]
    text = "".join(words)
    for group, one in _SPELLING_GROUPS:
        text = text.replace(group, one)
    text = _DOUBLED.sub(r"\1", text)
    text = _VOWEL_RUN.sub("a", text)
    if len(text) > 2 and text.endswith("ah"):
        text = text[:-1]
    return text


@lru_cache(maxsize=1 << 16)
def spelling_similarity(written: str, other: str) -> float:
    """How alike two spellings are, 0 to 1, after dropping a leading article.

    The share of matching letters (difflib's ratio) of the two name keys
    run together: "Hodeidah" and "Al Hudaydah" score
    about 0.6, "Kharkov" and "Kharkiv" 0.86. Kept per pair: a corpus weighs
    the same few hundred names against their candidates again and again.
    """
    import difflib

    def bare(name: str) -> str:
        words = name_key(name).split()
        if len(words) > 1 and words[0] in ARABIC_ARTICLES:
            words = words[1:]
        return "".join(words)

    return difflib.SequenceMatcher(None, bare(written), bare(other)).ratio()


def respelled_key(key: str) -> str | None:
    """The name key as gazetteers file a common spelling of it, or ``None`` if none applies.

    The Arabic "tall" (a mound) that news spells "Tel", "Tell" or "Tal"
    ("Tel Tamr" is filed as Tall Tamr, "Tal Afar" as Tall ‘Afar), and an
    airport named without "International" ("Mitiga International Airport" is
    filed as Mitiga Airport). A fallback for a key no entry bears: "Tel Aviv"
    is filed as it is written.

    Examples
    --------
    >>> respelled_key("tel tamr")
    'tall tamr'
    >>> respelled_key("mitiga international airport")
    'mitiga airport'
    >>> respelled_key("jisr al shughur")
    'jisr ash shughur'
    >>> respelled_key("ras an naqoura")
    'ras al naqoura'
    >>> respelled_key("tamr") is None
    True

    And the Arabic article inside a name as spoken or as written: before a
    "sun letter" it takes that letter's sound ("al-Shughur" is filed as "ash
    Shughur", "al-Raqqa" as "ar Raqqa"), and a name written so is filed
    under "al" too.
    """
    tall = _TELL.sub("tall ", key, count=1)
    if tall != key:
        return tall
    airport = _INTERNATIONAL_AIRPORT.sub(" airport", key, count=1)
    if airport != key:
        return airport
    article = _ARTICLE_INSIDE.sub(_the_other_article, key, count=1)
    return article if article != key else None


def _the_other_article(found: re.Match[str]) -> str:
    """The article as the other spelling writes it: "al shughur" as "ash shughur", and back."""
    article, word = found.group(1), found.group(2)
    if article in ("al", "el"):
        sound = next((s for s in _SUN_SOUNDS if word.startswith(s)), None)
        return f" a{sound} {word}" if sound else found.group(0)
    return f" al {word}"


_SUN_SOUNDS = ("sh", "th", "dh", "t", "d", "r", "z", "s", "n")
"""How the sun letters a Latin spelling opens a word with begin (the longest first)."""
_ARTICLE_INSIDE = re.compile(r" (al|el|ash|ath|adh|at|ad|ar|az|as|an) (\S+)")
"""An Arabic article after a name's first word, with the word it goes with."""


_TELL = re.compile(r"^(?:tel|tell|tal) (?=\S)")
_INTERNATIONAL_AIRPORT = re.compile(r"(?<=\S) international airport$")


def saint_spelled_out(name: str) -> str:
    """The name with a leading "St" or "St." written "Saint", as gazetteers file countries.

    "St Vincent and the Grenadines" is filed as "Saint Vincent and the
    Grenadines"; a name without the abbreviation comes back as it is.
    """
    return _SAINT.sub("Saint ", name, count=1)


_SAINT = re.compile(r"^St\.?\s+")
