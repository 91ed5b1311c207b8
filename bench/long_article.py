"""Long articles: how the places step grows with one article's length.

Usage: ``python bench/long_article.py [--sizes 100000 400000 1000000]``

For each size, one synthetic article (``bench/corpus.py``'s sentences, real
place names, about 6 characters a word) is cut to that many characters and
parsed once by spaCy; then the **places step** is timed on the parse:
mention extraction (``MentionExtractor.extract``) and resolution
(``Resolver.resolve``), as :meth:`eventmap.pipeline.Pipeline.locate` runs
them. A warm-up on the smallest text first builds any country-wide area the
texts name (kept on disk afterwards, as on any machine after its first
builds), so the figures are the per-article work alone.

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

from _util import machine, print_table, save_result
from corpus import write_article


def long_text(chars: int, *, seed: int = 0) -> str:
    """One synthetic article of exactly ``chars`` characters (cut at a word's end)."""
    with tempfile.TemporaryDirectory() as folder:
        text = write_article(Path(folder), 0, seed=seed, words=chars // 5 + 50).read_text()
    if len(text) < chars:
        raise RuntimeError(f"the generator wrote {len(text)} characters, not {chars}")
    return text[:chars]


def main() -> None:
    """Time the places step for each size and print the table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 400_000, 1_000_000])
    args = parser.parse_args()
    from eventmap.pipeline import Pipeline

    pipeline = Pipeline()
    sizes = sorted(args.sizes)
    warm = long_text(sizes[0])
    pipeline.locate(pipeline.nlp(warm), text=warm)
    rows = []
    previous: tuple[int, float] | None = None
    for size in sizes:
        text = long_text(size)
        started = time.perf_counter()
        doc = pipeline.nlp(text)
        parsed = time.perf_counter() - started
        started = time.perf_counter()
        mentions = pipeline.extractor.extract(doc)
        extracted = time.perf_counter() - started
        started = time.perf_counter()
        resolved = pipeline.resolver.resolve(text, mentions)
        resolving = time.perf_counter() - started
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
                parsed,
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
        "spaCy s",
        "extract s",
        "resolve s",
        "places step s",
        "s per 100k chars",
        "growth exponent",
        "resolved",
    ]
    print(machine())
    print_table("Places step on one long article", headers, rows)
    save_result("long_article", {"machine": machine(), "headers": headers, "rows": rows})


if __name__ == "__main__":
    main()
