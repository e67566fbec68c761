"""How long loading all of storyline's knowledge takes in a fresh process.

"All knowledge" is what a build loads before its first article: the actor
knowledge base (hand-written actors, states, sector nouns and the ~26,000
converted Phoenix and US Congress actors with their alias index and the
agents dictionary) and the dating knowledge (officeholders with their terms,
hand-written and converted, elections, dated events, entities). Modules are
imported before the clock starts (importing spaCy is not loading knowledge);
each run is a new Python process, so no cache helps.

    python benchmarks/knowledge_load.py [--runs N] [--json]

Prints the best and median wall and CPU seconds over the runs, and the sizes
loaded. The target (issue 13, issue 16) is under 1 s.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys

CHILD = r"""
import json, time
import storyline.actors.kb as kb_module
import storyline.time.knowledge as time_knowledge
wall, cpu = time.perf_counter(), time.process_time()
kb = kb_module.load_kb()
holders, elections, events = time_knowledge.load_knowledge("")
entities = time_knowledge.load_entities("")
print(json.dumps({"wall": time.perf_counter() - wall, "cpu": time.process_time() - cpu,
                  "actors": len(kb.actors) + len(kb.generated_rows),
                  "aliases": len(kb.aliases) + len(kb.generated_aliases), "agents": len(kb.agents),
                  "holders": len(holders), "events": len(events), "entities": len(entities)}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", action="store_true", help="print one JSON line")
    args = parser.parse_args()
    runs = []
    for _ in range(args.runs):
        out = subprocess.run([sys.executable, "-c", CHILD], capture_output=True, text=True, check=True)
        runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
    walls, cpus = [r["wall"] for r in runs], [r["cpu"] for r in runs]
    result = {
        "runs": len(runs),
        "best_wall_s": round(min(walls), 3),
        "median_wall_s": round(statistics.median(walls), 3),
        "best_cpu_s": round(min(cpus), 3),
        "median_cpu_s": round(statistics.median(cpus), 3),
        **{k: runs[0][k] for k in ("actors", "aliases", "agents", "holders", "events", "entities")},
    }
    if args.json:
        print(json.dumps(result))
        return
    for key, value in result.items():
        print(f"{key:>15}: {value}")


if __name__ == "__main__":
    main()
