"""Fit and check the statistical bound of dating (``time/dating_prior.py``).

The statistic: how many years publication lies from the latest year a news
text names without looking ahead to it (``latest_named_year``, the same
function dating runs). Read on every development corpus whose dates are
known, with the date hidden:

* TBAQ (TempEval-3 TimeBank + AQUAINT, 1989-2000),
* MEANTIME's Wikinews articles (``corpus_apple``, 2005-2011),
* the project's own undated articles (``benchmarks/data/dating_news.jsonl``,
  2016-2025).

ECB+ is not used: its texts carry no date of publication.

Cross-validated across corpora: for each corpus, the bound is fitted on the
others and its coverage measured on the one held out; the shipped bound is
then fitted on all of them, and its stated coverage is the share of all
documents that the bound fitted without their corpus held (never the share
it holds on its own fit); each corpus's own share is reported beside it.

The fit: the fewest years around the statistic that hold at least
``--coverage`` of the fitted documents, trimmed equally from both ends.

    python benchmarks/dating_calibration.py [--coverage 0.95] [--write] [--json]

``--write`` writes ``src/storyline/time/data/dating_prior.yaml``.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

CORPORA = {
    "tbaq": ROOT.parent / "shared" / "data" / "tempeval3" / "TBAQ-cleaned",
    "meantime": ROOT.parent / "shared" / "data" / "meantime" / "intra-doc_annotation" / "corpus_apple",
    "own": ROOT / "benchmarks" / "data" / "dating_news.jsonl",
}


def gaps(path: Path, nlp) -> list[int]:
    """Publication year minus the latest year named, for each document that names one."""
    from storyline.evaluation.dating import read_dating_documents, text_without_dct
    from storyline.time.dating_prior import latest_named_year
    from storyline.time.recognise import recognise

    documents = [d for d in read_dating_documents(path) if d.dct is not None]
    out = []
    for d, doc in zip(documents, nlp.pipe([text_without_dct(d) for d in documents], batch_size=16)):
        text = doc.text
        year = latest_named_year(doc, text, recognise(text))
        if year is not None:
            out.append(d.dct.year - year)
    return out


def fit(values: list[int], coverage: float) -> tuple[int, int]:
    """Years before and after: the order statistics that keep at least
    ``coverage`` of ``values``, as many dropped below as above."""
    values = sorted(values)
    n = len(values)
    drop = int(math.floor(n * (1 - coverage)))
    low, high = drop // 2, drop - drop // 2
    return values[low], values[n - 1 - high]


def held(values: list[int], bound: tuple[int, int]) -> float:
    return sum(bound[0] <= v <= bound[1] for v in values) / len(values) if values else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--coverage", type=float, default=0.95)
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    missing = [name for name, path in CORPORA.items() if not path.exists()]
    if missing:
        sys.exit(f"skipped: {', '.join(missing)} not found (../shared/data is needed)")
    from storyline.annotate import load_pipeline

    nlp = load_pipeline()
    by_corpus = {name: gaps(path, nlp) for name, path in CORPORA.items()}
    report = {
        "coverage_asked": args.coverage,
        "documents_with_a_year": {k: len(v) for k, v in by_corpus.items()},
        "held_out": {},
    }
    for name in by_corpus:
        train = [g for other, vals in by_corpus.items() if other != name for g in vals]
        bound = fit(train, args.coverage)
        report["held_out"][name] = {
            "fitted_on": sorted(set(by_corpus) - {name}),
            "years": list(bound),
            "coverage_held_out": round(held(by_corpus[name], bound), 3),
            "documents": len(by_corpus[name]),
        }
    everything = [g for vals in by_corpus.values() for g in vals]
    bound = fit(everything, args.coverage)
    inside = sum(round(r["coverage_held_out"] * r["documents"]) for r in report["held_out"].values())
    stated = round(inside / len(everything), 3)
    report["final"] = {
        "years": list(bound),
        "coverage_on_fit": round(held(everything, bound), 3),
        "coverage_stated": stated,
    }
    if args.json:
        print(json.dumps(report))
    else:
        for name, r in report["held_out"].items():
            print(
                f"held out {name:9s} ({r['documents']:3d} docs): fitted on {'+'.join(r['fitted_on'])} "
                f"{r['years'][0]:+d}..{r['years'][1]:+d} years, holds {r['coverage_held_out']:.3f}"
            )
        print(
            f"final: {bound[0]:+d}..{bound[1]:+d} years on all {len(everything)} documents "
            f"(holds {report['final']['coverage_on_fit']:.3f} of them); stated coverage {stated:.3f}"
        )
    if args.write:
        out = ROOT / "src" / "storyline" / "time" / "data" / "dating_prior.yaml"
        lines = [
            "# Written by benchmarks/dating_calibration.py --write; do not edit by hand.",
            "# Publication lies years_before..years_after years from the latest year a text",
            "# names without looking ahead to it, for `coverage` of held-out news (the share of",
            "# all documents held by the bound fitted on the other corpora).",
            f"years_before: {bound[0]}",
            f"years_after: {bound[1]}",
            f"coverage: {stated}",
            f"coverage_asked: {args.coverage}",
            f"fitted_on: [{', '.join(sorted(by_corpus))}]",
            "held_out:",
        ]
        for name, r in report["held_out"].items():
            lines.append(
                f"  {name}: {{documents: {r['documents']}, years: [{r['years'][0]}, {r['years'][1]}], "
                f"coverage: {r['coverage_held_out']}}}"
            )
        out.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
