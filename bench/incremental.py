"""Incremental builds: add one article to an already built corpus, and rebuild.

Usage: ``python bench/incremental.py [--n 10000]``

The full (cold) build of the corpus is taken from ``throughput.py``'s record
when its cache is still in place, and run here otherwise. Then, each with
the cache left by the step before:

* a rebuild with nothing changed;
* a rebuild after adding one article;
* a rebuild after deleting it again.

Target: adding one article to 10,000 rebuilds in at most 5 % of the full build.
"""

from __future__ import annotations

import argparse

from _util import load_results, machine, print_table, run_build, save_result, workdir
from corpus import ensure_corpus, write_article


def main() -> None:
    """Measure and print the table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=10000)
    args = parser.parse_args()
    n, base = args.n, workdir()
    corpus = ensure_corpus(n, base / f"corpus-{n}")
    cache, out = base / f"cache-{n}", base / f"out-{n}"
    recorded = load_results().get(f"throughput-{n}")
    if recorded is not None and cache.is_dir():
        full = recorded
    else:
        full = run_build(corpus, out, cache, cold=True)
        save_result(f"throughput-{n}", {"n": n, **full})
    unchanged = run_build(corpus, out, cache)
    added = write_article(corpus, n, seed=0)
    one_more = run_build(corpus, out, cache)
    added.unlink()
    one_less = run_build(corpus, out, cache)
    save_result(f"incremental-{n}", {"unchanged": unchanged, "add": one_more, "delete": one_less})

    def row(name: str, run: dict) -> list:
        phases = run.get("phases", {})
        share = 100.0 * run["seconds"] / full["seconds"]
        return [
            name,
            run["seconds"],
            f"{share:.1f} %",
            phases.get("cache lookup", float("nan")),
            phases.get("process", float("nan")),
            phases.get("render", float("nan")),
            phases.get("prune", float("nan")),
        ]

    print(f"Machine: {machine()}\n")
    print_table(
        f"Incremental rebuilds of {n:,} articles",
        ["build", "wall s", "of full build", "lookup s", "process s", "render s", "prune s"],
        [
            row("full build, cold cache", full),
            row("nothing changed", unchanged),
            row("one article added", one_more),
            row("that article deleted", one_less),
        ],
    )


if __name__ == "__main__":
    main()
