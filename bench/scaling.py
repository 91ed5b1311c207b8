"""Scaling: the same cold build in one process and on 1, 2 and 4 Dask workers.

Usage: ``python bench/scaling.py [--n 1000] [--workers 1 2 4]``

Each run starts from an empty cache. Dask runs use ``--workers N`` (a
LocalCluster of N single-threaded processes on loopback), so their time
includes starting the workers and each worker loading the model and the
gazetteer and building the country areas it needs.
"""

from __future__ import annotations

import argparse

from _util import machine, print_table, run_build, save_result, workdir
from corpus import ensure_corpus


def main() -> None:
    """Measure and print the table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2, 4])
    args = parser.parse_args()
    n, base = args.n, workdir()
    corpus = ensure_corpus(n, base / f"corpus-{n}")
    cache, out = base / f"scaling-cache-{n}", base / f"scaling-out-{n}"
    runs = [("in-process", run_build(corpus, out, cache, cold=True))]
    for workers in args.workers:
        run = run_build(corpus, out, cache, "--workers", str(workers), cold=True)
        runs.append((f"dask, {workers} worker{'s' if workers > 1 else ''}", run))
    save_result(f"scaling-{n}", {name: run for name, run in runs})
    one = runs[1][1] if len(runs) > 1 else runs[0][1]
    rows = []
    for name, run in runs:
        process = run["phases"].get("process", float("nan"))
        rows.append(
            [
                name,
                run["seconds"],
                n / run["seconds"],
                process,
                f"{one['seconds'] / run['seconds']:.2f}x",
                run["peak_mb"],
            ]
        )
    print(f"Machine: {machine()}\n")
    print_table(
        f"Scaling, {n:,} articles, cold cache",
        ["engine", "wall s", "art/s", "process s", "speed-up vs 1 worker", "peak MB (all)"],
        rows,
    )


if __name__ == "__main__":
    main()
