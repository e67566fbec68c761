"""Digest every table a build writes, to show a speed change changed no output.

    python benchmarks/build_digest.py --workdir /tmp/digest            # examples + 300-article corpus
    python benchmarks/build_digest.py --workdir /tmp/digest --profile build.prof

Builds two databases in ``--workdir``: the bundled examples (with the seed
articles when ../shared is present) and the 300-article corpus of
``benchmarks/throughput.py`` (written once into the work folder, so its
paths, and the ``source`` column, are the same on every run). Each table is
read in a fixed order and hashed; the ``runs`` table (timestamps and run
ids) is left out. Prints one JSON line: ``{database: {table: [rows,
digest]}}`` plus the build's CPU seconds; run it before and after a change
and compare the digests. ``--profile`` writes a cProfile of the
300-article build.
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from storyline.annotate import load_pipeline  # noqa: E402
from storyline.pipeline import build  # noqa: E402
from storyline.settings import Settings  # noqa: E402
from storyline.store import Store  # noqa: E402
from throughput import make_corpus  # noqa: E402

#: Tables whose rows say when a build ran, not what it built.
SKIPPED = {"runs"}


def digest_tables(db: Path) -> dict[str, list]:
    out = {}
    with Store(str(db)) as store:
        tables = [r[0] for r in store.con.execute("SELECT table_name FROM information_schema.tables").fetchall()]
        for table in sorted(set(tables) - SKIPPED):
            columns = [
                r[0]
                for r in store.con.execute(
                    "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
                    [table],
                ).fetchall()
            ]
            if table == "failures":
                columns = [c for c in columns if c != "run_id"]
            rows = store.con.execute("SELECT " + ", ".join(f'"{c}"' for c in columns) + f" FROM {table}").fetchall()
            lines = sorted(repr(row) for row in rows)
            out[table] = [len(lines), hashlib.sha256("\n".join(lines).encode()).hexdigest()[:16]]
    return out


def cpu_seconds() -> float:
    return time.process_time()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--workdir", type=Path, required=True)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--profile", type=Path, help="write a cProfile of the corpus build here")
    args = parser.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    corpus = args.workdir / f"corpus_{args.articles}"
    if not corpus.is_dir():
        corpus.mkdir()
        make_corpus(corpus, args.articles)
    settings = Settings()
    nlp = load_pipeline(settings.model)
    list(nlp.pipe(["A warm-up sentence. And another one."] * 20))

    result: dict = {}
    inputs = {"examples": [str(ROOT / "examples")], f"corpus_{args.articles}": [str(corpus)]}
    seeds = ROOT.parent / "shared" / "samples" / "seeds"
    if seeds.is_dir():
        inputs["examples"].append(str(seeds))
    for name, paths in inputs.items():
        db = args.workdir / f"{name}.duckdb"
        for stale in (db, Path(str(db) + ".wal")):
            stale.unlink(missing_ok=True)
        profiler = cProfile.Profile() if args.profile and name.startswith("corpus") else None
        started = cpu_seconds()
        if profiler:
            profiler.enable()
        build(paths, str(db), settings)
        if profiler:
            profiler.disable()
            profiler.dump_stats(str(args.profile))
        result[f"{name}_cpu_s"] = round(cpu_seconds() - started, 2)
        result[name] = digest_tables(db)
    print(json.dumps(result, sort_keys=True))


if __name__ == "__main__":
    main()
