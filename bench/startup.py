"""Start-up: ``eventmap build`` on the bundled sample articles, cold and warm cache.

Usage: ``python bench/startup.py [--runs 5]``

Wall time of the whole command, from start to exit, median of the runs.
"Cold" removes the build cache before each run (the gazetteer index, built
once per machine, is already in place); "warm" keeps it, so no article is
processed and spaCy is never imported. A warm build with nothing changed
finds the outputs already those of the cached results and leaves them; with
the outputs deleted first, it draws the map again from the cache.

Target: warm at most 2 s on this 2-core machine.
"""

from __future__ import annotations

import argparse
import shutil
import statistics

from _util import REPO, machine, print_table, run_build, save_result, workdir


def main() -> None:
    """Measure and print the table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    base = workdir() / "startup"
    articles = base / "articles"
    if base.exists():
        shutil.rmtree(base)
    shutil.copytree(REPO / "articles", articles)
    out, cache = base / "maps", base / "cache"
    cold = [run_build(articles, out, cache, cold=True) for _ in range(args.runs)]
    warm = [run_build(articles, out, cache) for _ in range(args.runs)]
    redrawn = []
    for _ in range(args.runs):
        for name in ("index.html", "events.geojson"):
            (out / name).unlink()
        redrawn.append(run_build(articles, out, cache))
    save_result("startup", {"cold": cold, "warm": warm, "redrawn": redrawn})
    from eventmap.articles import discover_articles

    count = len(discover_articles(articles))

    def row(name: str, runs: list[dict]) -> list:
        seconds = [r["seconds"] for r in runs]
        render = statistics.median(r["phases"].get("render", 0.0) for r in runs)
        return [
            name,
            statistics.median(seconds),
            min(seconds),
            max(seconds),
            render,
            statistics.median(r["peak_mb"] for r in runs),
        ]

    print(f"Machine: {machine()}\n")
    print_table(
        f"eventmap build on the {count} bundled articles ({args.runs} runs each)",
        ["cache", "median s", "min s", "max s", "of which render s", "peak MB"],
        [
            row("cold (no cache)", cold),
            row("warm, outputs deleted (map drawn again)", redrawn),
            row("warm, nothing changed (outputs kept)", warm),
        ],
    )


if __name__ == "__main__":
    main()
