"""Digest every table a build writes, to show a speed change changed no output.

    python benchmarks/build_digest.py --workdir /tmp/digest            # examples + 300-article corpus
    python benchmarks/build_digest.py --workdir /tmp/digest --profile build.prof
    python benchmarks/build_digest.py --workdir /tmp/digest --stages    # CPU seconds per stage too

Builds two databases in ``--workdir``: the bundled examples (with the seed
articles when ../shared is present) and the 300-article corpus of
``benchmarks/throughput.py`` (written once into the work folder, so its
paths, and the ``source`` column, are the same on every run). Each table is
read in a fixed order and hashed; the ``runs`` table (timestamps and run
ids) is left out. Prints one JSON line: ``{database: {table: [rows,
digest]}}`` plus the build's CPU seconds; run it before and after a change
and compare the digests. ``--profile`` writes a cProfile of the
300-article build; ``--stages`` adds the CPU seconds (``time.process_time``)
spent in each stage of that build (``STAGES``; nested stages are also counted
in the stage that calls them).
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

#: (module, function) timed by ``--stages``, each where the build looks it up.
STAGES = (
    ("storyline.pipeline", "clean"),
    ("storyline.pipeline", "annotate"),  # the parse (and cleaning: annotate pulls the articles)
    ("storyline.pipeline", "analyse"),
    ("storyline.time", "date_article"),
    ("storyline.time", "tag"),
    ("storyline.events", "extract"),
    ("storyline.link.pair_model", "with_features"),
    ("storyline.pipeline", "relink"),
    ("storyline.pipeline", "date_from_corpus"),
)


def timed_stages() -> dict[str, float]:
    """Wrap each of ``STAGES`` so its CPU seconds add up in the returned dict."""
    import functools
    import importlib
    import inspect

    spent: dict[str, float] = {}
    for module_name, name in STAGES:
        module = importlib.import_module(module_name)
        function = getattr(module, name)
        key = f"{module_name.rsplit('.', 1)[-1]}.{name}"
        if inspect.isgeneratorfunction(function):

            def wrapper(*args, _function=function, _key=key, **kwargs):
                items = _function(*args, **kwargs)
                while True:
                    started = time.process_time()
                    try:
                        item = next(items)
                    except StopIteration:
                        return
                    finally:
                        spent[_key] = spent.get(_key, 0.0) + time.process_time() - started
                    yield item

        else:

            def wrapper(*args, _function=function, _key=key, **kwargs):
                started = time.process_time()
                try:
                    return _function(*args, **kwargs)
                finally:
                    spent[_key] = spent.get(_key, 0.0) + time.process_time() - started

        setattr(module, name, functools.wraps(function)(wrapper))
    return spent


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
    parser.add_argument("--stages", action="store_true", help="CPU seconds per stage of the corpus build")
    args = parser.parse_args()
    spent = timed_stages() if args.stages else None
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
        if spent is not None:
            spent.clear()
        started = cpu_seconds()
        if profiler:
            profiler.enable()
        build(paths, str(db), settings)
        if profiler:
            profiler.disable()
            profiler.dump_stats(str(args.profile))
        result[f"{name}_cpu_s"] = round(cpu_seconds() - started, 2)
        if spent is not None and name.startswith("corpus"):
            result["stages_cpu_s"] = {key: round(value, 3) for key, value in spent.items()}
        result[name] = digest_tables(db)
    print(json.dumps(result, sort_keys=True))


if __name__ == "__main__":
    main()
