"""The dates-only tagging path against the full parse, on TBAQ documents.

``storyline.time.selective.tag_texts`` parses only the sentences that hold a
candidate expression; it must give the same timexes as tagging the full
parse (``tag(nlp(text), dct)``). This script tags every document both ways
in one run, prints how many documents differ (and which, with the tags that
differ), the TempEval-3 scores of both, and each path's CPU seconds per
document (the best of ``--repeats`` runs; parse and tagging, the entity
recogniser disabled in both, as neither reads it).

    python benchmarks/time_selective.py [GOLD_DIR] [--limit N] [--repeats R] [--json]

``--limit`` picks N documents spread evenly over the sorted corpus, as
``heideltime_compare.py`` does (0 = all 256). Exits with 1 when a document
differs.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
from pathlib import Path

# the side-by-side benchmark's even spread of documents (scripts in this folder import each other)
from heideltime_compare import pick

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_GOLD = ROOT.parent / "shared" / "data" / "tempeval3" / "TBAQ-cleaned"


def cpu_seconds() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    return own.ru_utime + own.ru_stime


def _key(timexes) -> tuple:
    return tuple((t.start, t.end, t.type, t.value.value) for t in timexes)


def full_path(nlp, texts, anchors, batch_size: int = 32):
    from storyline.time import tag

    return [tag(doc, anchor) for doc, anchor in zip(nlp.pipe(texts, batch_size=batch_size), anchors)]


def selective_path(nlp, texts, anchors):
    from storyline.time.selective import tag_texts

    return list(tag_texts(texts, anchors, nlp))


def timed(run, repeats: int):
    """The result of ``run()`` and its best CPU time over ``repeats`` runs."""
    best, result = float("inf"), None
    for _ in range(max(1, repeats)):
        c0 = cpu_seconds()
        result = run()
        best = min(best, cpu_seconds() - c0)
    return result, best


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold_dir", nargs="?", default=str(DEFAULT_GOLD))
    parser.add_argument("--limit", type=int, default=0, help="documents (0 = all)")
    parser.add_argument("--repeats", type=int, default=3, help="timed runs of each path; the best counts")
    parser.add_argument("--json", action="store_true", help="print one JSON line")
    args = parser.parse_args(argv)
    if not Path(args.gold_dir).exists():
        print(
            f"error: {args.gold_dir} does not exist; pass the TBAQ-cleaned folder "
            "(see data/README.md in the shared data)",
            file=sys.stderr,
        )
        return 1

    from storyline.annotate import load_pipeline
    from storyline.evaluation.tempeval import Counts, read_timeml_dir, score_document

    documents = pick(read_timeml_dir(args.gold_dir), args.limit)
    texts, anchors = [d.text for d in documents], [d.dct for d in documents]
    nlp = load_pipeline()
    with nlp.select_pipes(disable=[p for p in ("ner",) if p in nlp.pipe_names]):
        full_path(nlp, texts[:8], anchors[:8])  # warm both paths' caches before timing
        selective_path(nlp, texts[:8], anchors[:8])
        full, full_cpu = timed(lambda: full_path(nlp, texts, anchors), args.repeats)
        sel, sel_cpu = timed(lambda: selective_path(nlp, texts, anchors), args.repeats)

    differ, scores = [], {}
    for name, tags in (("full", full), ("selective", sel)):
        counts = Counts()
        for doc, timexes in zip(documents, tags):
            score_document(doc.text, doc.timexes, timexes, counts, doc.unscored)
        scores[name] = {
            k: round(v, 4)
            for k, v in counts.scores().items()
            if k in ("strict_f1", "relaxed_f1", "value_f1", "type_f1")
        }
    for doc, a, b in zip(documents, full, sel):
        if _key(a) != _key(b):
            differ.append(
                {
                    "document": doc.name,
                    "full_only": sorted(set(_key(a)) - set(_key(b))),
                    "selective_only": sorted(set(_key(b)) - set(_key(a))),
                }
            )
    n = len(documents)
    result = {
        "documents": n,
        "differ": len(differ),
        "full": {**scores["full"], "cpu_seconds_per_doc": round(full_cpu / n, 5)},
        "selective": {**scores["selective"], "cpu_seconds_per_doc": round(sel_cpu / n, 5)},
        "speedup": round(full_cpu / sel_cpu, 2) if sel_cpu else None,
    }
    if args.json:
        print(json.dumps({**result, "differences": differ}))
    else:
        print(f"{n} TBAQ documents; {len(differ)} tagged differently by the two paths")
        for row in differ:
            print(f"  {row['document']}: full only {row['full_only']}, selective only {row['selective_only']}")
        for name in ("full", "selective"):
            row = result[name]
            print(
                f"{name:10s} value F1 {row['value_f1']:.4f}  relaxed F1 {row['relaxed_f1']:.4f}  "
                f"strict F1 {row['strict_f1']:.4f}  type F1 {row['type_f1']:.4f}  "
                f"{row['cpu_seconds_per_doc']:.4f} s/doc CPU"
            )
        print(f"the selective path takes {1 / result['speedup']:.2f} of the full path's CPU time")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
