"""LOCATION recall of mention extraction on the event-location dev corpus.

Usage: ``python bench/location_recall.py [GOLD.jsonl] [--misses N] [--no-cache]``
(default gold: ``../shared/eval/eventloc_dev.jsonl``).

Recall is the share of the gold ``locations`` spans (each distinct
sentence and span once) that any place mention eventmap extracts overlaps,
whatever it resolves to: it measures recognition, not placing. The
distinct sentences are parsed once and the parses kept under
``$EVENTMAP_BENCH_DIR`` (default ``/tmp/eventmap-bench``) keyed by the
model and the texts, so that re-running after a change to extraction costs
only the extraction. The most frequent missed span texts are printed with
their counts, to read, never to copy: the gold texts are for measuring only.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import time
from collections import Counter
from pathlib import Path

from spacy.tokens import Doc, DocBin

REPO = Path(__file__).resolve().parents[1]
# Measure this checkout's code, not whichever copy the environment installed.
sys.path.insert(0, str(REPO))

from eventmap.pipeline import Pipeline  # noqa: E402
from geo.nlp import model_identity  # noqa: E402

#: The first ``shared/eval`` beside the repository or a folder above it (a
#: worktree lives one level deeper than the main checkout).
DEFAULT_GOLD = next(
    (
        folder / "shared" / "eval" / "eventloc_dev.jsonl"
        for folder in REPO.parents
        if (folder / "shared" / "eval").is_dir()
    ),
    REPO.parent / "shared" / "eval" / "eventloc_dev.jsonl",
)


def _gold(path: Path) -> tuple[list[str], dict[str, set[tuple[int, int]]]]:
    """The distinct sentences in file order, and each one's distinct gold spans."""
    texts: dict[str, set[tuple[int, int]]] = {}
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            spans = texts.setdefault(record["text"], set())
            spans.update((loc["start"], loc["end"]) for loc in record.get("locations", []))
    return list(texts), texts


def _parses(pipeline: Pipeline, texts: list[str], *, cache: bool) -> list[Doc]:
    """The parses of ``texts``, from the cache when the model and texts match."""
    digest = hashlib.sha256(model_identity(pipeline.model).encode())
    for text in texts:
        digest.update(text.encode("utf-8") + b"\0")
    folder = Path(os.environ.get("EVENTMAP_BENCH_DIR", "/tmp/eventmap-bench"))
    path = folder / f"eventloc-{digest.hexdigest()[:16]}.spacy"
    if cache and path.exists():
        return list(DocBin().from_bytes(path.read_bytes()).get_docs(pipeline.nlp.vocab))
    docs = list(pipeline.parse_many(texts))
    if cache:
        folder.mkdir(parents=True, exist_ok=True)
        path.write_bytes(DocBin(docs=docs, store_user_data=True).to_bytes())
    return docs


def main() -> None:
    """Parse (or load) the sentences, extract mentions and print recall and misses."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="?", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--misses", type=int, default=40, help="missed span texts to list")
    parser.add_argument("--no-cache", action="store_true", help="parse afresh, keep nothing")
    parser.add_argument("--dump", type=Path, help="write each missed span as a JSON line here")
    args = parser.parse_args()
    texts, gold = _gold(args.gold)
    pipeline = Pipeline()
    started = time.perf_counter()
    docs = _parses(pipeline, texts, cache=not args.no_cache)
    parsed = time.perf_counter()
    total = hit = 0
    missed: Counter[str] = Counter()
    dump = args.dump.open("w", encoding="utf-8") if args.dump else None
    for text, doc in zip(texts, docs, strict=True):
        mentions = pipeline.extractor.extract(doc)
        for start, end in sorted(gold[text]):
            total += 1
            if any(m.start < end and start < m.end for m in mentions):
                hit += 1
                continue
            missed[text[start:end]] += 1
            if dump is not None:
                found = [m.text for m in mentions]
                dump.write(json.dumps({"span": text[start:end], "text": text, "found": found}))
                dump.write("\n")
    if dump is not None:
        dump.close()
    done = time.perf_counter()
    print(f"sentences {len(texts)}  gold spans {total}  overlapped {hit}")
    print(f"LOCATION recall {hit / total:.4f}" if total else "no gold spans")
    print(f"parse {parsed - started:.1f} s, extraction {done - parsed:.1f} s")
    for name, count in missed.most_common(args.misses):
        print(f"{count:4d}  {name}")


if __name__ == "__main__":
    main()
