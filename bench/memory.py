"""Peak memory of a large build: the whole process tree, sampled every 50 ms.

Usage: ``python bench/memory.py [--n 10000] [--again]``

The cold build's peak is taken from ``throughput.py``'s record of the same
build when there is one (``--again`` measures it anew); a warm rebuild (every
article from the cache, the map drawn again) is measured here.

Target: under 2 GB for 10,000 articles.
"""

from __future__ import annotations

import argparse

from _util import load_results, machine, print_table, run_build, save_result, workdir
from corpus import ensure_corpus


def main() -> None:
    """Measure and print the table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=10000)
    parser.add_argument("--again", action="store_true", help="measure the cold build anew")
    args = parser.parse_args()
    n, base = args.n, workdir()
    corpus = ensure_corpus(n, base / f"corpus-{n}")
    cache, out = base / f"cache-{n}", base / f"out-{n}"
    cold = None if args.again else load_results().get(f"throughput-{n}")
    if cold is None:
        cold = run_build(corpus, out, cache, cold=True)
    warm = run_build(corpus, out, cache)
    save_result(f"memory-{n}", {"cold": cold, "warm": warm})
    print(f"Machine: {machine()}\n")
    print_table(
        f"Peak memory, {n:,} articles, one process",
        ["build", "peak MB", "wall s", "summary"],
        [
            ["cold cache", cold["peak_mb"], cold["seconds"], cold.get("summary", "")],
            ["warm cache", warm["peak_mb"], warm["seconds"], warm.get("summary", "")],
        ],
    )


if __name__ == "__main__":
    main()
