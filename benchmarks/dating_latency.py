"""What `storyline date` costs on one article once the pipeline is loaded.

Loads the pipeline and the dating knowledge once (timed apart), then dates
every TBAQ document (creation time hidden) one at a time the way `storyline
date` does: parse, tag, ``infer_publication_date(..., interval=True)``.
Prints the knowledge load time and the CPU time per article (median, 95th
percentile, max; ``time.process_time``, since a shared machine's wall clock
measures the other jobs too), with the parse and without it (``dating_``:
tagging and dating alone); the issue's budget is 0.5 s per article and 1 s
to load the knowledge. ``knowledge_load_wall_s`` is the wall time, for
comparison with earlier runs.

    python benchmarks/dating_latency.py [GOLD_DIR] [--limit N] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_GOLD = ROOT.parent / "shared" / "data" / "tempeval3" / "TBAQ-cleaned"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold_dir", nargs="?", default=str(DEFAULT_GOLD))
    parser.add_argument("--limit", type=int, default=0, help="date only the first N documents (0 = all)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if not Path(args.gold_dir).exists():
        print(f"{args.gold_dir} is absent: TBAQ is needed for this benchmark", file=sys.stderr)
        return 2

    from storyline.annotate import load_pipeline
    from storyline.evaluation.dating import read_dating_documents, text_without_dct
    from storyline.time import infer_publication_date, tag
    from storyline.time.knowledge import load_entities, load_knowledge

    nlp = load_pipeline()
    start, wall = time.process_time(), time.perf_counter()
    load_knowledge("")
    load_entities("")
    knowledge_s, knowledge_wall_s = time.process_time() - start, time.perf_counter() - wall

    documents = sorted(read_dating_documents(args.gold_dir), key=lambda d: d.name)
    if args.limit:
        documents = documents[: args.limit]
    seconds, dating = [], []
    for d in documents:
        start = time.process_time()
        doc = nlp(text_without_dct(d))
        parsed = time.process_time()
        infer_publication_date(doc, tag(doc, None), roles_path="", interval=True)
        seconds.append(time.process_time() - start)
        dating.append(time.process_time() - parsed)
    result = {
        "documents": len(seconds),
        "knowledge_load_s": round(knowledge_s, 3),
        "knowledge_load_wall_s": round(knowledge_wall_s, 3),
    }
    for name, values in (("", seconds), ("dating_", dating)):  # all of it, then tagging and dating alone
        values.sort()
        result.update(
            {
                f"{name}median_s": round(values[len(values) // 2], 4),
                f"{name}p95_s": round(values[min(len(values) - 1, int(0.95 * len(values)))], 4),
                f"{name}max_s": round(values[-1], 4),
            }
        )
    if args.json:
        print(json.dumps(result))
    else:
        for key, value in result.items():
            print(f"{key:18s} {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
