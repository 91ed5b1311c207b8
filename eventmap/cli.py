"""The ``eventmap`` command: ``build``, ``watch``, ``snapshot``, ``report``, ``geoparse``, ``eval``.

Exit codes (DESIGN.md): 0 success; 1 finished but some inputs failed (each
named on stderr); 2 usage or configuration error, or a fault around the
inputs (an output or data folder that cannot be written, a pipeline that
cannot load, Dask workers that keep dying, every article failing alike),
told in one line that names the path or service, never as a traceback. An
interrupted command (Ctrl-C, SIGTERM) removes its temporary files, says what
it left (the previous outputs, or the new set when the interrupt came while
it was being renamed into place), and exits 130 (143 for SIGTERM).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import signal
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any, TextIO

from eventmap.build.feedback import printable

if TYPE_CHECKING:
    from eventmap.build.engine import Engine
    from eventmap.build.outcome import BuildReport
    from eventmap.config import PipelineConfig
    from eventmap.evaluation.evaluate_events import GoldKind

__all__ = ["main"]

EXIT_OK = 0
EXIT_INPUT_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


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


def _lat_lon(text: str) -> tuple[float, float]:
    try:
        lat, lon = (float(part) for part in text.split(","))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expects LAT,LON such as 35.5,35.8, not {text!r}"
        ) from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise argparse.ArgumentTypeError(f"out of range: {text!r}")
    return lat, lon


def _run_snapshot(args: argparse.Namespace, err: TextIO) -> int:
    from eventmap.map.snapshot import SnapshotError, SnapshotOptions, snapshot

    options = SnapshotOptions(
        width=args.width,
        height=args.height,
        zoom=args.zoom,
        center=args.center,
        scale=args.scale,
        static=args.static,
    )
    try:
        out = snapshot(args.map, args.output, options=options, chromium=args.chromium)
    except SnapshotError as exc:
        raise UsageError(str(exc)) from exc
    print(f"wrote {out}", file=err)
    return EXIT_OK


def _positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


def _export_formats(text: str) -> tuple[str, ...]:
    from eventmap.exports.formats import EXPORT_FORMATS

    names = tuple(dict.fromkeys(n.strip().lower() for n in text.split(",") if n.strip()))
    unknown = [n for n in names if n not in EXPORT_FORMATS]
    if unknown or not names:
        known = ", ".join(sorted(EXPORT_FORMATS))
        raise argparse.ArgumentTypeError(f"unknown format {', '.join(unknown)!s}; use {known}")
    return names


def _fragment_id(text: str) -> str:
    """An element id the fragment can carry: checked before any article is read."""
    from eventmap.map.render import MAP_ID_RE

    if not MAP_ID_RE.fullmatch(text):
        raise argparse.ArgumentTypeError(
            f"{text!r}: a fragment id is a letter, then letters, digits, - or _"
        )
    return text


def _add_articles_and_out(parser: argparse.ArgumentParser) -> None:
    """ARTICLES_DIR and --out, as build, watch and report take them."""
    parser.add_argument(
        "articles_dir",
        nargs="?",
        type=Path,
        default=Path("articles"),
        metavar="ARTICLES_DIR",
        help="folder of articles (default: articles)",
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=Path("maps"),
        metavar="DIR",
        help="output folder (default: maps)",
    )


def _add_build_options(parser: argparse.ArgumentParser) -> None:
    _add_articles_and_out(parser)
    parser.add_argument("--title", default="eventmap", help="the map's title")
    output = parser.add_argument_group("output")
    output.add_argument(
        "--export",
        type=_export_formats,
        default=(),
        metavar="FORMATS",
        help="also write these, comma-separated: gpkg (GeoPackage, a table per layer), "
        "kml (Google Earth), csv (a spreadsheet: one row per event, areas as point and "
        "radius). Exports and fragment.html of an earlier build that this one does not "
        "write are removed",
    )
    output.add_argument(
        "--csv-wkt",
        action="store_true",
        help="give the CSV a WKT column with each place's outline (implies --export csv)",
    )
    output.add_argument(
        "--fragment",
        action="store_true",
        help="also write fragment.html: the map as one <div> to paste into another page",
    )
    output.add_argument(
        "--fragment-id",
        type=_fragment_id,
        default=None,
        metavar="ID",
        help="the fragment's element id (implies --fragment; default: one derived from the "
        "map and the output folder, so several fragments share a page)",
    )
    output.add_argument(
        "--tiles",
        default=None,
        metavar="NAME",
        help="offer an online basemap from xyzservices (e.g. OpenStreetMap.Mapnik) over "
        "the built-in one; the map still works offline without it",
    )
    _add_pipeline_options(parser)
    cache = parser.add_argument_group("cache")
    cache.add_argument(
        "--fresh",
        action="store_true",
        help="ignore cached results: process every article again (and cache the new results)",
    )
    cache.add_argument(
        "--cache-dir",
        type=Path,
        default=None,
        metavar="DIR",
        help="where per-article results are cached (default: $EVENTMAP_CACHE_DIR, "
        "else ARTICLES_DIR/.eventmap-cache)",
    )
    engine = parser.add_argument_group("engine").add_mutually_exclusive_group()
    engine.add_argument(
        "--workers",
        type=_positive_int,
        default=None,
        metavar="N",
        help="process articles in N local Dask worker processes (default: in this process)",
    )
    engine.add_argument(
        "--scheduler",
        default=None,
        metavar="ADDRESS",
        help="process articles on the Dask cluster of this scheduler, e.g. tcp://10.0.0.5:8786",
    )
    talk = parser.add_mutually_exclusive_group()
    talk.add_argument(
        "-q", "--quiet", action="store_true", help="print only skipped articles and errors"
    )
    talk.add_argument(
        "-v", "--verbose", action="store_true", help="also print cache, engine and timings"
    )


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="eventmap",
        description="Turn news articles into source-cited event maps, geocoded offline.",
    )
    from eventmap._version import __version__

    parser.add_argument("--version", action="version", version=f"eventmap {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    build = sub.add_parser(
        "build",
        help="build maps/index.html and maps/events.geojson from a folder of articles",
        description="Read every .txt, .md and .html article in ARTICLES_DIR, find and geocode "
        "the places they name, decide what happened there, and write the map "
        "(index.html) and the GeoJSON export (events.geojson) to --out. Results are cached "
        "per article, so a rebuild processes only new or changed articles.",
    )
    _add_build_options(build)

    watch = sub.add_parser(
        "watch",
        help="build the map, then rebuild it whenever the articles change",
        description="Build as 'eventmap build' does, then poll ARTICLES_DIR (and --layers) and "
        "rebuild incrementally after each change, once the folder has been still for a "
        "moment. Stop with Ctrl-C.",
    )
    _add_build_options(watch)
    watch.add_argument(
        "--interval",
        type=float,
        default=1.0,
        metavar="SECONDS",
        help="how often to look for changes (default: 1)",
    )

    snap = sub.add_parser(
        "snapshot",
        help="render a built map to PNG or PDF in headless Chromium",
        description="Open MAP.html in headless Chromium (no network) and save it as a PNG "
        "or PDF, at the size and zoom you pick, for reports and slides. Needs Chromium "
        "(Debian's 'chromium') and Playwright (pip install 'eventmap[snapshot]').",
    )
    snap.add_argument(
        "map",
        nargs="?",
        type=Path,
        default=Path("maps/index.html"),
        metavar="MAP.html",
        help="the map (default: maps/index.html)",
    )
    snap.add_argument(
        "-o",
        "--output",
        type=Path,
        default=Path("maps/map.png"),
        metavar="OUT",
        help="a .png or .pdf file (default: maps/map.png)",
    )
    snap.add_argument("--width", type=_positive_int, default=1200, help="CSS pixels")
    snap.add_argument("--height", type=_positive_int, default=800, help="CSS pixels")
    snap.add_argument(
        "--zoom", type=int, default=None, help="map zoom (default: the map's view of the events)"
    )
    snap.add_argument(
        "--center",
        type=_lat_lon,
        default=None,
        metavar="LAT,LON",
        help="centre the map here (default: the centre of the events' view)",
    )
    snap.add_argument(
        "--static",
        action="store_true",
        help="a figure for print: hide zoom buttons, layer switcher, search and date sliders, "
        "show every place unclustered; keep the legend, a scale bar and the credits",
    )
    snap.add_argument(
        "--scale",
        type=float,
        default=2.0,
        help="device pixels per CSS pixel (default: 2, sharp in print)",
    )
    snap.add_argument(
        "--chromium",
        default=None,
        metavar="PATH",
        help="the Chromium to use (default: chromium on PATH)",
    )

    report = sub.add_parser(
        "report",
        help="write a self-contained HTML brief (and PDF): map, chronology, sources, method",
        description="Build the events of ARTICLES_DIR (through the build cache, without "
        "touching the maps in --out), take a static snapshot of their map, and write "
        "DIR/report.html: the title, the map, a chronology of events (date, type, place, "
        "precision, source, quote), the sources, and a note on method and data credits. "
        "One file with no script and no external request, ready to mail. Needs Chromium "
        "and Playwright, as 'snapshot' does.",
    )
    _add_articles_and_out(report)
    report.add_argument("--title", default="Event brief", help="the brief's title")
    report.add_argument("--pdf", action="store_true", help="also print it to DIR/report.pdf (A4)")
    report.add_argument(
        "--fragment",
        action="store_true",
        help="also write DIR/report-fragment.html: the brief as one <section> to paste "
        "into a larger page",
    )
    report.add_argument(
        "--fragment-id",
        default="eventmap-report",
        metavar="ID",
        help="the fragment's element id, unique on the page it goes into "
        "(default: eventmap-report)",
    )
    report.add_argument(
        "--chromium",
        default=None,
        metavar="PATH",
        help="the Chromium to use (default: chromium on PATH)",
    )
    report.add_argument(
        "--cache-dir",
        type=Path,
        default=None,
        metavar="DIR",
        help="the build cache (default: as for build)",
    )
    report.add_argument(
        "-q", "--quiet", action="store_true", help="print only skipped articles and errors"
    )
    _add_pipeline_options(report)

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
        help="score geoparsing or events against a gold JSON lines file",
        description="Geoparse the gold documents (or read --predictions) and score them. "
        "Place-name gold: recognition precision/recall/F1, resolution accuracy@161 km, mean "
        "and median error and AUC. Event-location gold: token precision/recall/F1 of event "
        "locations, span and trigger recall. Event-type gold: per-layer precision/recall/F1 "
        "and a label -> layers confusion. The kind is read from the records.",
    )
    evaluate.add_argument("gold", type=Path, metavar="GOLD.jsonl")
    evaluate.add_argument(
        "--predictions",
        type=Path,
        default=None,
        metavar="PRED.jsonl",
        help="score this geoparse output instead of running the pipeline (for event-location "
        "gold, one line per distinct sentence, doc_id 's' + the first 12 hex digits of the "
        "SHA-1 of its text)",
    )
    evaluate.add_argument("--json", action="store_true", help="print the figures as JSON")
    evaluate.add_argument(
        "--worst",
        type=int,
        default=0,
        metavar="N",
        help="also list the N worst documents and the largest errors (events: the lines "
        "with the most missed and spurious locations, or snippet ids per layer error)",
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


def _config(args: argparse.Namespace) -> PipelineConfig:
    """The pipeline settings of the command line; reads the layer definitions."""
    from eventmap.config import PipelineConfig
    from layers.registry import LayerError

    try:
        return PipelineConfig.create(
            geocoder=args.geocoder,
            geocoder_options=_geocoder_options(args.geocoder_option),
            layers_dir=args.layers,
        )
    except (LayerError, ValueError) as exc:
        raise UsageError(str(exc)) from exc


def _pipeline(args: argparse.Namespace) -> Any:
    """The loaded pipeline (one per process and configuration)."""
    from eventmap.build.work import pipeline_for

    config = _config(args)
    try:
        return pipeline_for(config)
    except Exception as exc:  # the model, the gazetteer or its data folder
        raise UsageError(f"cannot load the pipeline: {exc}") from exc


def _engine(args: argparse.Namespace) -> Engine:
    from eventmap.build.engine import DaskEngine, LocalEngine

    if args.workers is not None:
        return DaskEngine(workers=args.workers)
    if args.scheduler:
        return DaskEngine(address=args.scheduler)
    from eventmap.build.work import pipeline_for

    # The build adds the analyst's places.toml to the configuration it asks for;
    # the engine names a pipeline that cannot load (EngineError).
    return LocalEngine(
        factory=lambda config: pipeline_for(_config(args)).with_overrides(config.overrides)
    )


def _report(report: BuildReport, args: argparse.Namespace, err: TextIO) -> int:
    from eventmap.build.feedback import notice_lines, summary_lines

    for failure in report.failed:
        print(f"eventmap: skipped {printable(failure)}", file=err)
    for warning in report.warnings:
        print(f"eventmap: warning: {printable(warning)}", file=err)
    for line in notice_lines(report, args.articles_dir):
        print(line, file=err)
    for path in report.removed:
        removed = printable(path)
        print(f"eventmap: removed {removed} (from an earlier build; not asked for now)", file=err)
    if not args.quiet:
        for line in summary_lines(report, verbose=args.verbose):
            print(line, file=err)
        done = "unchanged" if report.outputs_reused else "wrote"
        for path in report.outputs:
            print(f"{done} {printable(path)}", file=err)
    return EXIT_INPUT_FAILED if report.failed else EXIT_OK


def _exports(args: argparse.Namespace) -> tuple[str, ...]:
    """The formats to export; ``--csv-wkt`` turns ``csv`` into ``csv-wkt`` (and implies it)."""
    names = list(args.export)
    if args.csv_wkt:
        names = [n for n in names if n not in ("csv", "csv-wkt")] + ["csv-wkt"]
    return tuple(dict.fromkeys(names))


def _build_once(args: argparse.Namespace, engine: Engine, err: TextIO, *, fresh: bool) -> int:
    from eventmap.build.engine import EngineError
    from eventmap.build.faults import Fault
    from eventmap.build.feedback import make_progress
    from eventmap.build.run import build
    from geo.overrides import OverrideError

    if not args.articles_dir.is_dir():
        raise UsageError(f"{args.articles_dir}: not a folder of articles")
    config = _config(args)
    try:
        report = build(
            args.articles_dir,
            args.out,
            config=config,
            engine=engine,
            cache_dir=args.cache_dir,
            fresh=fresh,
            title=args.title,
            progress=make_progress(err, quiet=args.quiet),
            on_wait=lambda: print(
                f"eventmap: another build is writing {args.out}; waiting", file=err
            ),
            tiles=args.tiles,
            fragment=args.fragment or args.fragment_id is not None,
            fragment_id=args.fragment_id,
            exports=_exports(args),
        )
    except (EngineError, Fault, OverrideError, ValueError) as exc:
        raise UsageError(str(exc)) from exc
    return _report(report, args, err)


def _run_build(args: argparse.Namespace, err: TextIO) -> int:
    with _closing(_engine(args)) as engine:
        return _build_once(args, engine, err, fresh=args.fresh)


def _run_watch(args: argparse.Namespace, err: TextIO) -> int:
    from eventmap.build.watch import watch

    if not args.articles_dir.is_dir():
        raise UsageError(f"{args.articles_dir}: not a folder of articles")
    _config(args)  # a bad configuration is a usage error before watching starts
    first = [True]

    def rebuild(changed: list[str]) -> None:
        if changed and not args.quiet:
            shown = ", ".join(changed[:5]) + (" …" if len(changed) > 5 else "")
            print(f"eventmap: changed: {printable(shown)}; rebuilding", file=err)
        try:
            _build_once(args, engine, err, fresh=args.fresh and first[0])
        except UsageError as exc:  # e.g. a layer file saved half-edited: keep watching
            print(f"eventmap: error: {printable(exc)}", file=err)
        first[0] = False

    with _closing(_engine(args)) as engine:
        if not args.quiet:
            print(f"eventmap: watching {args.articles_dir} (Ctrl-C to stop)", file=err)
        try:
            watch(
                args.articles_dir,
                rebuild,
                layers_dir=args.layers,
                exclude=(args.out,),
                interval=args.interval,
            )
        except KeyboardInterrupt:
            return EXIT_OK
    return EXIT_OK


@contextmanager
def _closing(engine: Engine) -> Iterator[Engine]:
    try:
        yield engine
    finally:
        engine.close()


def _run_report(args: argparse.Namespace, err: TextIO) -> int:
    from eventmap.build.engine import EngineError, LocalEngine
    from eventmap.build.feedback import make_progress, notice_lines
    from eventmap.map.snapshot import SnapshotError
    from eventmap.report import make_report
    from geo.overrides import OverrideError

    if not args.articles_dir.is_dir():
        raise UsageError(f"{args.articles_dir}: not a folder of articles")
    config = _config(args)
    engine = LocalEngine(factory=lambda c: _pipeline(args).with_overrides(c.overrides))
    with _closing(engine):
        try:
            result = make_report(
                args.articles_dir,
                args.out,
                config=config,
                engine=engine,
                cache_dir=args.cache_dir,
                title=args.title,
                pdf=args.pdf,
                fragment=args.fragment,
                fragment_id=args.fragment_id,
                chromium=args.chromium,
                progress=make_progress(err, quiet=args.quiet),
            )
        except (SnapshotError, EngineError, OverrideError, ValueError) as exc:
            raise UsageError(str(exc)) from exc
    built = result.build
    for failure in built.failed:
        print(f"eventmap: skipped {failure}", file=err)
    for line in notice_lines(built, args.articles_dir):
        print(line, file=err)
    if not args.quiet:
        from eventmap.report import chronology

        events = len(chronology(built.groups, layer_defs=config.layer_definitions()))
        phases = ", ".join(f"{name} {secs:.1f} s" for name, secs in result.seconds.items())
        print(
            f"{built.articles_read} articles read; {events} events in the brief ({phases})",
            file=err,
        )
        for path in result.outputs:
            print(f"wrote {path}", file=err)
    return EXIT_INPUT_FAILED if built.failed else EXIT_OK


def _run_geoparse(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Geoparse JSON lines, writing each record as soon as it is made.

    A bad line is named on stderr by its number and the rest are still
    processed; input bytes that are not UTF-8 spoil only their own line.
    With ``-o``, the file holds every finished record even if the batch is
    interrupted.
    """
    import io

    from eventmap.evaluation.geoparse import GeoparseError, geoparse_lines

    if str(args.input) != "-" and not args.input.is_file():
        raise UsageError(f"{args.input}: no such file")
    pipeline = _pipeline(args)
    if str(args.input) == "-":
        buffer = getattr(sys.stdin, "buffer", None)
        source: TextIO = (
            io.TextIOWrapper(buffer, encoding="utf-8", errors="surrogateescape")
            if buffer is not None
            else sys.stdin
        )
    else:
        source = args.input.open(encoding="utf-8", errors="surrogateescape")
    try:
        sink: TextIO = out if args.output is None else args.output.open("w", encoding="utf-8")
    except OSError as exc:
        source.close()
        raise UsageError(f"{args.output}: cannot write: {exc.strerror or exc}") from exc
    failed = 0
    with source, contextlib.ExitStack() as stack:
        if sink is not out:
            stack.enter_context(sink)
        for item in geoparse_lines(source, pipeline=pipeline, source=str(args.input)):
            if isinstance(item, GeoparseError):
                failed += 1
                print(f"eventmap: skipped {printable(item)}", file=err)
            else:
                sink.write(json.dumps(item, ensure_ascii=False, sort_keys=True) + "\n")
                sink.flush()
    return EXIT_INPUT_FAILED if failed else EXIT_OK


def _run_eval(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from eventmap.evaluation import evaluate
    from eventmap.evaluation.evaluate_events import gold_kind

    try:
        kind = gold_kind(args.gold)
    except (OSError, ValueError) as exc:
        raise UsageError(str(exc)) from exc
    if kind != "toponyms":
        return _run_event_eval(args, kind, out)
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
        from eventmap.evaluation.geoparse import geoparse_lines

        pipeline = _pipeline(args)
        lines = (json.dumps({"doc_id": d.doc_id, "text": d.text}) for d in gold)
        records = []
        for item in geoparse_lines(lines, pipeline=pipeline, source=str(args.gold)):
            if isinstance(item, dict):
                records.append(item)
            else:  # scored as a document with no predictions, but never silently
                print(f"eventmap: skipped {printable(item)}", file=err)
        predictions = evaluate.load_predictions(records)
    report = evaluate.evaluate(gold, predictions)
    if args.json:
        out.write(json.dumps(evaluate.report_to_dict(report), indent=1, sort_keys=True) + "\n")
    else:
        out.write(evaluate.format_report(report) + "\n")
    if args.worst:
        out.write(evaluate.format_worst(gold, predictions, args.worst) + "\n")
    return EXIT_OK


def _run_event_eval(args: argparse.Namespace, kind: GoldKind, out: TextIO) -> int:
    """``eval`` on event-location or event-type gold (see eventmap.evaluation.event_eval)."""
    from eventmap.evaluation import event_eval
    from eventmap.evaluation.evaluate_events import load_event_predictions

    try:
        gold = event_eval.load_event_gold(kind, args.gold)
        predictions = (
            load_event_predictions(args.predictions) if args.predictions is not None else None
        )
    except (OSError, ValueError) as exc:
        raise UsageError(str(exc)) from exc
    if predictions is None:
        predictions = event_eval.predict(gold, _pipeline(args))
    out.write(event_eval.render(kind, gold, predictions, as_json=args.json, worst=args.worst))
    return EXIT_OK


class _Terminated(SystemExit):
    """SIGTERM, as an exception, so temporary files are removed on the way out."""


def _terminate(signum: int, frame: FrameType | None) -> None:
    """Turn SIGTERM into an exception, so temporary files are removed on the way out."""
    raise _Terminated(128 + signum)


def _left(exc: BaseException) -> str:
    """What an interrupted command left, in words (see :class:`eventmap.atomic.ReplaceProgress`)."""
    from eventmap.build.faults import outputs_progress

    progress = outputs_progress(exc)
    return "the previous outputs are unchanged" if progress is None else progress.describe()


def _os_error(exc: OSError) -> str:
    """One line for an OSError no command expected: what, on which path."""
    reason = exc.strerror or str(exc) or type(exc).__name__
    if not exc.filename:
        return f"{reason}; {_left(exc)}"
    return (
        f"{exc.filename}: {reason}; check that path (a folder where one is expected, "
        f"permission to write, free space); {_left(exc)}"
    )


@contextmanager
def _sigterm_exits() -> Iterator[None]:
    try:
        previous = signal.signal(signal.SIGTERM, _terminate)
    except ValueError:  # not the main thread: leave signals alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    out, err = sys.stdout, sys.stderr
    try:
        with _sigterm_exits():
            if args.command == "build":
                return _run_build(args, err)
            if args.command == "watch":
                return _run_watch(args, err)
            if args.command == "geoparse":
                return _run_geoparse(args, out, err)
            if args.command == "snapshot":
                return _run_snapshot(args, err)
            if args.command == "report":
                return _run_report(args, err)
            return _run_eval(args, out, err)
    except UsageError as exc:
        print(f"eventmap: error: {printable(exc)}", file=err)
        return EXIT_USAGE
    except OSError as exc:  # a fault around the inputs that no step named: still one line
        print(f"eventmap: error: {_os_error(exc)}", file=err)
        return EXIT_USAGE
    except KeyboardInterrupt as exc:
        print(f"eventmap: interrupted; {_left(exc)}", file=err)
        return EXIT_INTERRUPTED
    except _Terminated as exc:
        print(f"eventmap: terminated; {_left(exc)}", file=err)
        return int(exc.code) if isinstance(exc.code, int) else EXIT_INTERRUPTED


if __name__ == "__main__":
    sys.exit(main())
