"""Every development number of event coding, in one table (issue 16 item 5).

    python benchmarks/events_dev.py            # the table
    python benchmarks/events_dev.py --json     # one JSON object, set -> its numbers
    python benchmarks/events_dev.py --sets rams_dev,plover_dev --limit 100
    python benchmarks/events_dev.py --without-model   # the rules alone (events/model.py off)

The sets, each scored by its own scorer (nothing is re-implemented here):

- ``rams_dev``, ``wikievents_dev``, ``conflibert_train``: the JSONL files of
  ``../shared/data/events/``, scored as ``storyline eval events FILE``;
- ``plover_dev``: ``../shared/data/plover_gsr_dev.json``, scored as
  ``storyline eval plover FILE`` (main event of each sentence);
- ``unseen_news`` and ``examples``: the hand-coded golden files of
  ``tests/golden/``, scored as their tests score them (``tests/golden_events.py``:
  precision, recall, dated recall).

A set whose data is absent is skipped with a message on stderr. Every change
to event extraction is judged on the whole table, not on one set.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests"))  # golden_events: the golden tests' own scoring

EVENT_FILES = {
    name: SHARED / "data" / "events" / f"{name}.jsonl" for name in ("rams_dev", "wikievents_dev", "conflibert_train")
}
PLOVER_DEV = SHARED / "data" / "plover_gsr_dev.json"
GOLDENS = {
    "unseen_news": (ROOT / "tests" / "fixtures" / "unseen_news", ROOT / "tests" / "golden" / "unseen_news_events.yaml"),
    "examples": (ROOT / "examples", ROOT / "tests" / "golden" / "examples_events.yaml"),
}
SETS = (*EVENT_FILES, "plover_dev", *GOLDENS)

#: Table rows, in order; a set shows "-" for a measure it does not have.
MEASURES = (
    "records",
    "gold_events",
    "detect_recall",
    "typed_recall",
    "type_accuracy",
    "precision",
    "recall",
    "dated_recall",
    "accuracy",
    "macro_f1",
    "coded",
    "quad_accuracy",
    "quad_macro_f1",
    "source_match",
    "target_match",
    "seconds",
)


def events_file(path: Path, limit: int | None) -> dict:
    from storyline.evaluation.events import evaluate_file

    result, _ = evaluate_file(path, limit, warn=lambda message: print(message, file=sys.stderr))
    return result


def plover_dev(limit: int | None) -> dict:
    from storyline.evaluation.plover import read_gold, score

    records = read_gold(PLOVER_DEV)[:limit]
    result = score(records)
    result.pop("failures")
    return {"records": result.pop("n"), **result}


def golden(folder: Path, gold_file: Path) -> dict:
    import yaml
    from golden_events import analyse_folder, scores

    expected = yaml.safe_load(gold_file.read_text(encoding="utf-8"))
    coded = {name: a.mentions for name, a in analyse_folder(folder).items()}
    precision, recall, dated, *_ = scores(coded, expected)
    return {
        "records": len(expected),
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "dated_recall": round(dated, 4),
    }


def run_set(name: str, limit: int | None) -> dict | None:
    """The numbers of one set, or None (told on stderr) when its data is absent."""
    if name in EVENT_FILES:
        path = EVENT_FILES[name]
        if not path.is_file():
            print(f"skipped {name}: {path} is absent (clone the project next to ../shared)", file=sys.stderr)
            return None
        return events_file(path, limit)
    if name == "plover_dev":
        if not PLOVER_DEV.is_file():
            print(f"skipped {name}: {PLOVER_DEV} is absent (clone the project next to ../shared)", file=sys.stderr)
            return None
        return plover_dev(limit)
    return golden(*GOLDENS[name])


def table(results: dict[str, dict]) -> str:
    names = list(results)
    width = max(9, *(len(n) for n in names))
    lines = ["measure".ljust(14) + "".join(n.rjust(width + 2) for n in names)]
    for measure in MEASURES:
        if not any(measure in r for r in results.values()):
            continue
        cells = []
        for n in names:
            value = results[n].get(measure)
            cells.append(
                ("-" if value is None else f"{value:.4g}" if isinstance(value, float) else str(value)).rjust(width + 2)
            )
        lines.append(measure.ljust(14) + "".join(cells))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of the table")
    parser.add_argument("--sets", default=",".join(SETS), help=f"comma-separated, of {', '.join(SETS)}")
    parser.add_argument(
        "--limit",
        type=int,
        default=None,
        help="score only the first N records of each file (golden sets are always whole)",
    )
    parser.add_argument(
        "--without-model",
        action="store_true",
        help="code without the learned event decider (events/model.py): the rules and dictionaries alone",
    )
    args = parser.parse_args(argv)
    if args.without_model:
        from storyline.events.model import using

        with using(None):
            return _run(args)
    return _run(args)


def _run(args) -> int:
    wanted = [s.strip() for s in args.sets.split(",") if s.strip()]
    unknown = [s for s in wanted if s not in SETS]
    if unknown:
        print(f"unknown set(s) {', '.join(unknown)}; choose from {', '.join(SETS)}", file=sys.stderr)
        return 2
    results = {}
    for name in wanted:
        started = time.perf_counter()
        result = run_set(name, args.limit)
        if result is not None:
            results[name] = result | {"seconds": round(time.perf_counter() - started, 1)}
    print(json.dumps(results) if args.json else table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
