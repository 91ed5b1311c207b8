"""The ``eventmap`` command: ``build``, ``geoparse`` and ``eval``.

Exit codes (DESIGN.md): 0 success; 1 finished but some inputs failed (each
named on stderr); 2 usage or configuration error.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

__all__ = ["main"]

EXIT_OK = 0
EXIT_INPUT_FAILED = 1
EXIT_USAGE = 2


class UsageError(Exception):
    """A problem with the command line or configuration (exit code 2)."""


def _add_pipeline_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--geocoder",
        default="offline",
        help="'offline' (default, no network) or a geopy service name such as 'nominatim'",
    )
    parser.add_argument(
        "--geocoder-option",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="an option for an online geopy geocoder, e.g. user_agent=my-newsroom (repeatable)",
    )
    parser.add_argument(
        "--layers",
        type=Path,
        default=None,
        metavar="DIR",
        help="a folder of extra or replacement layer definitions (*.toml)",
    )


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="eventmap",
        description="Turn news articles into source-cited event maps, geocoded offline.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    build = sub.add_parser(
        "build",
        help="build maps/index.html and maps/events.geojson from a folder of articles",
        description="Read every .txt, .md and .html article in ARTICLES_DIR, find and geocode "
        "the places they name, decide what happened there, and write the map "
        "(index.html) and the GeoJSON export (events.geojson) to --out.",
    )
    build.add_argument(
        "articles_dir",
        nargs="?",
        type=Path,
        default=Path("articles"),
        metavar="ARTICLES_DIR",
        help="folder of articles (default: articles)",
    )
    build.add_argument(
        "--out",
        type=Path,
        default=Path("maps"),
        metavar="DIR",
        help="output folder (default: maps)",
    )
    build.add_argument("--title", default="eventmap", help="the map's title")
    _add_pipeline_options(build)

    geoparse = sub.add_parser(
        "geoparse",
        help="geoparse JSON lines {doc_id, text} into JSON lines of toponyms",
        description='Read JSON lines {"doc_id", "text", ...} and write one line per '
        'document: {"doc_id", "toponyms": [{start, end, name, kind, lat, lon, '
        "gazetteer_id, layers}]}.",
    )
    geoparse.add_argument(
        "input", type=Path, metavar="IN.jsonl", help="input JSON lines ('-' for standard input)"
    )
    geoparse.add_argument(
        "-o",
        "--output",
        type=Path,
        default=None,
        metavar="OUT.jsonl",
        help="output file (default: standard output)",
    )
    _add_pipeline_options(geoparse)

    evaluate = sub.add_parser(
        "eval",
        help="score geoparsing against a gold JSON lines file",
        description="Geoparse the gold documents (or read --predictions) and print recognition "
        "precision/recall/F1, resolution accuracy@161 km, mean and median error and AUC.",
    )
    evaluate.add_argument("gold", type=Path, metavar="GOLD.jsonl")
    evaluate.add_argument(
        "--predictions",
        type=Path,
        default=None,
        metavar="PRED.jsonl",
        help="score this geoparse output instead of running the pipeline",
    )
    evaluate.add_argument("--json", action="store_true", help="print the figures as JSON")
    evaluate.add_argument(
        "--worst",
        type=int,
        default=0,
        metavar="N",
        help="also list the N worst documents and the largest errors",
    )
    _add_pipeline_options(evaluate)
    return parser


def _geocoder_options(pairs: Sequence[str]) -> dict[str, Any]:
    options: dict[str, Any] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise UsageError(f"--geocoder-option expects KEY=VALUE, got {pair!r}")
        options[key.strip()] = value
    return options


def _pipeline(args: argparse.Namespace) -> Any:
    from eventmap.geocoders import make_geocoder
    from eventmap.pipeline import Pipeline
    from layers.registry import LayerError

    try:
        geocoder = make_geocoder(args.geocoder, _geocoder_options(args.geocoder_option))
        return Pipeline(geocoder=geocoder, layers_dir=args.layers)
    except (LayerError, ValueError) as exc:
        raise UsageError(str(exc)) from exc


def _run_build(args: argparse.Namespace, err: TextIO) -> int:
    from eventmap.build import build

    if not args.articles_dir.is_dir():
        raise UsageError(f"{args.articles_dir}: not a folder of articles")
    report = build(args.articles_dir, args.out, pipeline=_pipeline(args), title=args.title)
    for failure in report.failed:
        print(f"eventmap: skipped {failure}", file=err)
    print(report.summary(), file=err)
    for path in report.outputs:
        print(f"wrote {path}", file=err)
    return EXIT_INPUT_FAILED if report.failed else EXIT_OK


def _run_geoparse(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from eventmap.atomic import write_text_atomic
    from eventmap.geoparse import GeoparseError, geoparse_lines

    if str(args.input) != "-" and not args.input.is_file():
        raise UsageError(f"{args.input}: no such file")
    pipeline = _pipeline(args)
    source = sys.stdin if str(args.input) == "-" else args.input.open(encoding="utf-8")
    failed = 0
    lines: list[str] = []
    with source:
        for item in geoparse_lines(source, pipeline=pipeline, source=str(args.input)):
            if isinstance(item, GeoparseError):
                failed += 1
                print(f"eventmap: {item}", file=err)
            else:
                lines.append(json.dumps(item, ensure_ascii=False, sort_keys=True))
    text = "".join(line + "\n" for line in lines)
    if args.output is None:
        out.write(text)
    else:
        write_text_atomic(args.output, text)
    return EXIT_INPUT_FAILED if failed else EXIT_OK


def _run_eval(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from eventmap import evaluate

    try:
        gold = evaluate.load_gold(args.gold)
    except (OSError, ValueError) as exc:
        raise UsageError(str(exc)) from exc
    if args.predictions is not None:
        try:
            predictions = evaluate.load_predictions(args.predictions)
        except (OSError, ValueError) as exc:
            raise UsageError(str(exc)) from exc
    else:
        from eventmap.geoparse import geoparse_lines

        pipeline = _pipeline(args)
        lines = (json.dumps({"doc_id": d.doc_id, "text": d.text}) for d in gold)
        records = [r for r in geoparse_lines(lines, pipeline=pipeline) if isinstance(r, dict)]
        predictions = evaluate.load_predictions(records)
    report = evaluate.evaluate(gold, predictions)
    if args.json:
        out.write(json.dumps(evaluate.report_to_dict(report), indent=1, sort_keys=True) + "\n")
    else:
        out.write(evaluate.format_report(report) + "\n")
    if args.worst:
        out.write(evaluate.format_worst(gold, predictions, args.worst) + "\n")
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    out, err = sys.stdout, sys.stderr
    try:
        if args.command == "build":
            return _run_build(args, err)
        if args.command == "geoparse":
            return _run_geoparse(args, out, err)
        return _run_eval(args, out, err)
    except UsageError as exc:
        print(f"eventmap: error: {exc}", file=err)
        return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
