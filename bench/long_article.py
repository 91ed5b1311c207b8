"""Long articles: how the places step grows with one article's length.

Usage: ``python bench/long_article.py [--sizes 100000 400000 1000000]``

For each size, one synthetic article (``bench/corpus.py``'s sentences, real
place names, about 6 characters a word) is cut to that many characters and
parsed once by spaCy; then the **places step** is timed on the parse:
mention extraction (``MentionExtractor.extract``) and resolution
(``Resolver.resolve``), as :meth:`eventmap.pipeline.Pipeline.locate` runs
them. A warm-up on the smallest text first builds any country-wide area the
texts name (kept on disk afterwards, as on any machine after its first
builds), so the figures are the per-article work alone. Times are CPU
seconds of this process (``time.process_time``), which other work on a
shared machine does not inflate; the parse of each size is kept in the
work folder (``$EVENTMAP_BENCH_DIR``) and reused, so a second run, or one of
another version of the code, times the places step alone on the same parse.

The last column is the growth exponent between one size and the one before:
1 is linear, 2 quadratic. 1,000,000 characters is
:data:`eventmap.articles.MAX_ARTICLE_CHARS`, the longest article eventmap
reads. No timed unit test checks this: timings depend on the machine.
"""

from __future__ import annotations

import argparse
import math
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

from _util import machine, print_table, save_result, workdir
from corpus import write_article

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


def long_text(chars: int, *, seed: int = 0) -> str:
    """One synthetic article of exactly ``chars`` characters (cut at a word's end)."""
    with tempfile.TemporaryDirectory() as folder:
        text = write_article(Path(folder), 0, seed=seed, words=chars // 5 + 50).read_text()
    if len(text) < chars:
        raise RuntimeError(f"the generator wrote {len(text)} characters, not {chars}")
    return text[:chars]


def parsed(nlp: Language, text: str, size: int) -> tuple[Doc, float | None]:
    """The parse of ``text``, from the work folder when kept; CPU seconds when made now."""
    from spacy.tokens import DocBin

    kept = workdir() / f"long-article-{size}.spacy"
    if kept.is_file():
        (doc,) = DocBin().from_disk(kept).get_docs(nlp.vocab)
        if doc.text == text:
            return doc, None
    started = time.process_time()
    doc = nlp(text)
    seconds = time.process_time() - started
    DocBin(docs=[doc]).to_disk(kept)
    return doc, seconds


def main() -> None:
    """Time the places step for each size and print the table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 400_000, 1_000_000])
    args = parser.parse_args()
    from eventmap.pipeline import Pipeline

    pipeline = Pipeline()
    sizes = sorted(args.sizes)
    warm = long_text(sizes[0])
    pipeline.locate(parsed(pipeline.nlp, warm, sizes[0])[0], text=warm)
    rows = []
    previous: tuple[int, float] | None = None
    for size in sizes:
        text = long_text(size)
        doc, parse_seconds = parsed(pipeline.nlp, text, size)
        started = time.process_time()
        mentions = pipeline.extractor.extract(doc)
        extracted = time.process_time() - started
        started = time.process_time()
        resolved = pipeline.resolver.resolve(text, mentions)
        resolving = time.process_time() - started
        places = extracted + resolving
        growth = (
            f"{math.log(places / previous[1]) / math.log(size / previous[0]):.2f}"
            if previous
            else ""
        )
        previous = (size, places)
        rows.append(
            [
                size,
                len(mentions),
                "kept" if parse_seconds is None else parse_seconds,
                extracted,
                resolving,
                places,
                places / size * 100_000,
                growth,
                sum(1 for r in resolved if r.place is not None),
            ]
        )
    headers = [
        "characters",
        "mentions",
        "spaCy CPU s",
        "extract CPU s",
        "resolve CPU s",
        "places step CPU s",
        "s per 100k chars",
        "growth exponent",
        "resolved",
    ]
    print(machine())
    print_table("Places step on one long article", headers, rows)
    save_result("long_article", {"machine": machine(), "headers": headers, "rows": rows})


if __name__ == "__main__":
    main()
