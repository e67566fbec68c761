"""Throughput of a whole build against bare spaCy on the same texts.

    python benchmarks/throughput.py --json            # 300 articles
    python benchmarks/throughput.py --articles 1000
    python benchmarks/throughput.py --sizes 100,1000,10000 --out scale.jsonl

With ``--sizes``, every configuration (bare spaCy and the local engine at
``n_process`` 1 and 2, the Ray engine when installed, and a re-build of the
unchanged corpus) runs in a fresh child process, so the peak RSS of one
(``ru_maxrss`` of that child, read with ``wait4``) is not inflated by
another. Each result is appended to ``--out`` as one JSON line as soon as
it is known, then a summary line gives the growth of cost with size.

The corpus is made from the bundled examples (and the seed articles when
../shared is present), each copy varied (paragraphs rotated, a numbered
closing line) so that no two copies de-duplicate. In the same run, bare
``nlp.pipe`` parses exactly the cleaned texts the build parsed, with the
same model and batch size: the ratio storyline ÷ spaCy is the share of the
parser's speed that the whole pipeline keeps; ``cpu_ratio`` is the same
share taken from CPU seconds (this process and its ended children), which
other work on a shared machine hardly moves.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from storyline.annotate import load_pipeline  # noqa: E402
from storyline.clean import clean  # noqa: E402
from storyline.ingest import read_inputs  # noqa: E402
from storyline.models import RawDocument  # noqa: E402
from storyline.pipeline import build  # noqa: E402
from storyline.settings import Settings  # noqa: E402


def source_articles() -> list[RawDocument]:
    folders = [ROOT / "examples", ROOT.parent / "shared" / "samples" / "seeds"]
    paths = [str(p) for p in folders if p.is_dir()]
    return [doc for doc in read_inputs(paths) if isinstance(doc, RawDocument)]


def varied(doc: RawDocument, copy: int) -> str:
    """A distinct but realistic variant of one article, as plain text."""
    paragraphs = [p for p in clean(doc).text.split("\n\n") if p.strip()]
    shift = copy % max(1, len(paragraphs))
    body = paragraphs[shift:] + paragraphs[:shift]
    header = f"date {doc.published[:10]}\n" if doc.published else ""
    title = f"{doc.title}\n\n" if doc.title else ""
    return f"{header}{title}" + "\n\n".join(body) + f"\n\nThis is edition {copy} of the report.\n"


def make_corpus(folder: Path, size: int) -> list[Path]:
    sources = source_articles()
    if not sources:
        raise SystemExit("no example articles found under examples/")
    paths = []
    for i in range(size):
        path = folder / f"article_{i:06d}.txt"
        path.write_text(varied(sources[i % len(sources)], i // len(sources)), encoding="utf-8")
        paths.append(path)
    return paths


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(size: int, settings: Settings) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        paths = make_corpus(folder, size)
        texts = [clean(doc).text for doc in read_inputs([str(folder)]) if isinstance(doc, RawDocument)]
        nlp = load_pipeline(settings.model)
        list(nlp.pipe(texts[:20]))  # warm up both runs alike

        started, cpu = time.perf_counter(), cpu_seconds()
        for _ in nlp.pipe(texts, batch_size=settings.batch_size, n_process=settings.n_process):
            pass
        spacy_seconds, spacy_cpu = time.perf_counter() - started, cpu_seconds() - cpu

        started, cpu = time.perf_counter(), cpu_seconds()
        report = build([str(folder)], str(Path(tmp) / "bench.duckdb"), settings)
        storyline_seconds, storyline_cpu = time.perf_counter() - started, cpu_seconds() - cpu

    if report.articles_new != len(paths):
        raise SystemExit(f"expected {len(paths)} new articles, built {report.articles_new}")
    storyline_rate = len(paths) / storyline_seconds
    spacy_rate = len(texts) / spacy_seconds
    return {
        "articles": len(paths),
        "storyline_articles_per_s": round(storyline_rate, 2),
        "spacy_articles_per_s": round(spacy_rate, 2),
        "ratio": round(storyline_rate / spacy_rate, 3),
        # CPU seconds barely move when other work shares the machine (wall
        # time does), so the CPU ratio is the one to compare across runs
        "storyline_cpu_s": round(storyline_cpu, 2),
        "spacy_cpu_s": round(spacy_cpu, 2),
        "cpu_ratio": round((spacy_cpu / len(texts)) / (storyline_cpu / len(paths)), 3),
        "peak_rss_mb": round(peak_rss_mb(), 1),
        "events": report.events,
        "n_process": settings.n_process,
        "model": settings.model,
    }


#: name -> (what runs, n_process). On the local_1 database: "rebuild"
#: re-builds the unchanged corpus, "add_10" adds ten new articles (linking
#: only the stories they join), "relink_all" forgets the stories and
#: links the whole corpus again, the cost "add_10" would have without
#: incremental linking.
CONFIGS = {
    "spacy_1": ("spacy", 1),
    "spacy_2": ("spacy", 2),
    "local_1": ("local", 1),
    "local_2": ("local", 2),
    "ray_2": ("ray", 2),
    "rebuild": ("rebuild", 1),
    "add_10": ("add", 1),
    "relink_all": ("relink", 1),
}


def cpu_seconds() -> float:
    """CPU time of this process and of its children that have ended (the
    spaCy workers of ``n_process`` > 1 end with the run). Unlike wall time it
    barely moves when other work shares the machine, so growth ratios taken
    from it can be compared across runs."""
    own, ended = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + ended.ru_utime + ended.ru_stime


def child(kind: str, n_process: int, corpus: str, db: str) -> dict:
    """One configuration, in its own process; prints what it measured."""
    settings = Settings(n_process=n_process)
    if kind == "spacy":
        texts = [clean(doc).text for doc in read_inputs([corpus]) if isinstance(doc, RawDocument)]
        nlp = load_pipeline(settings.model)
        list(nlp.pipe(texts[:20]))
        started, cpu = time.perf_counter(), cpu_seconds()
        for _ in nlp.pipe(texts, batch_size=settings.batch_size, n_process=n_process):
            pass
        return {
            "seconds": time.perf_counter() - started,
            "cpu_seconds": round(cpu_seconds() - cpu, 2),
            "articles": len(texts),
        }
    startup = 0.0
    if kind in ("local", "add", "relink"):
        # the bare spaCy run is timed from a loaded, warmed-up model; so is
        # the build (storyline's own start-up costs stay inside the timing)
        nlp = load_pipeline(settings.model)
        list(nlp.pipe(["A warm-up sentence. And another one."] * 20))
    if kind == "relink":
        from storyline.store import Store

        with Store(db) as store:
            store.con.execute("DELETE FROM article_stories")
            store.con.execute("DELETE FROM story_keys")
            store.con.execute("UPDATE events SET story_id = NULL")
    if kind == "add":
        # new articles: copies numbered past any the corpus holds
        extra = Path(corpus).parent / (Path(corpus).name + "_extra")
        extra.mkdir(exist_ok=True)
        sources = source_articles()
        for i in range(10):
            (extra / f"extra_{i:03d}.txt").write_text(
                varied(sources[i % len(sources)], 10_000_000 + i), encoding="utf-8"
            )
        corpus = str(extra)
    if kind == "ray":
        import ray

        # starting the local cluster is a fixed cost, reported apart
        started = time.perf_counter()
        ray.init(num_cpus=n_process, include_dashboard=False, log_to_driver=False, logging_level="ERROR")
        startup = time.perf_counter() - started
    started, cpu = time.perf_counter(), cpu_seconds()
    report = build([corpus], db, settings, engine="ray" if kind == "ray" else "local")
    seconds = time.perf_counter() - started
    return {
        "seconds": seconds,
        "articles": report.articles_new + report.articles_seen,
        # Ray's workers are not reaped by the run, so their CPU is missing there
        "cpu_seconds": round(cpu_seconds() - cpu, 2),
        "articles_new": report.articles_new,
        "events": report.events,
        "startup_seconds": round(startup, 2),
        "stories_relinked": report.stories_relinked,
        "link_seconds": round(report.link_seconds, 3),
        # the spaCy workers (n_process > 1) are this process's children
        "workers_peak_rss_mb": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1),
    }


def run_child(config: str, corpus: Path, db: Path) -> dict:
    kind, n_process = CONFIGS[config]
    proc = subprocess.Popen(
        [
            sys.executable,
            __file__,
            "--child",
            kind,
            "--n-process",
            str(n_process),
            "--corpus",
            str(corpus),
            "--db",
            str(db),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        return {"config": config, "error": f"exit {proc.returncode}"}
    result = json.loads(out.strip().splitlines()[-1])
    result.update(
        config=config,
        n_process=n_process,
        peak_rss_mb=round(usage.ru_maxrss / 1024, 1),
        articles_per_s=round(result["articles"] / result["seconds"], 2),
        seconds=round(result["seconds"], 2),
    )
    return result


def scale(sizes: list[int], configs: list[str], out: Path | None, workdir: Path) -> list[dict]:
    rows = []
    for size in sizes:
        folder = workdir / f"corpus_{size}"
        folder.mkdir(parents=True, exist_ok=True)
        make_corpus(folder, size)
        for config in configs:
            db_name = "local_1" if config in ("rebuild", "add_10", "relink_all") else config
            row = {"size": size, **run_child(config, folder, workdir / f"{size}_{db_name}.duckdb")}
            rows.append(row)
            _emit(row, out)
        by = {r["config"]: r for r in rows if r["size"] == size and "error" not in r}
        summary = {"size": size, "summary": True}
        for n in (1, 2):
            if f"local_{n}" in by and f"spacy_{n}" in by:
                summary[f"ratio_local_{n}"] = round(
                    by[f"local_{n}"]["articles_per_s"] / by[f"spacy_{n}"]["articles_per_s"], 3
                )
        if "ray_2" in by and "spacy_2" in by:
            summary["ratio_ray_2"] = round(by["ray_2"]["articles_per_s"] / by["spacy_2"]["articles_per_s"], 3)
        if "rebuild" in by and "local_1" in by:
            summary["rebuild_share"] = round(by["rebuild"]["seconds"] / by["local_1"]["seconds"], 4)
        if "add_10" in by and "relink_all" in by:
            summary["add_10_link_vs_relink_all"] = round(
                by["add_10"]["link_seconds"] / max(by["relink_all"]["link_seconds"], 1e-9), 3
            )
        _emit(summary, out)
    # cost growth: time ratio for each 10x step, per configuration
    growth = {"growth": True}
    for config in configs:
        done = {r["size"]: r for r in rows if r.get("config") == config and "error" not in r}
        for small, large in zip(sizes, sizes[1:]):
            if small in done and large in done:
                growth[f"{config}_{small}_to_{large}"] = {
                    "size_ratio": large / small,
                    "time_ratio": round(done[large]["seconds"] / done[small]["seconds"], 2),
                    "cpu_ratio": round(done[large]["cpu_seconds"] / max(done[small]["cpu_seconds"], 1e-9), 2),
                }
    _emit(growth, out)
    return rows


def _emit(row: dict, out: Path | None) -> None:
    line = json.dumps(row)
    print(line, flush=True)
    if out is not None:
        with out.open("a", encoding="utf-8") as fh:
            fh.write(line + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--n-process", type=int, default=1)
    parser.add_argument("--json", action="store_true", help="print one JSON line")
    parser.add_argument("--sizes", help="comma-separated corpus sizes, e.g. 100,1000,10000")
    parser.add_argument(
        "--configs", default=",".join(CONFIGS), help=f"which of {', '.join(CONFIGS)} to run with --sizes"
    )
    parser.add_argument("--out", type=Path, help="append each result to this JSONL file")
    parser.add_argument("--workdir", type=Path, help="keep corpora and databases here (default: a temp dir)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--corpus", help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.n_process, args.corpus, args.db)))
        return
    if args.sizes:
        configs = [c for c in args.configs.split(",") if c]
        try:
            import ray  # noqa: F401
        except ImportError:
            configs = [c for c in configs if c != "ray_2"]
        sizes = [int(s) for s in args.sizes.split(",")]
        if args.workdir:
            scale(sizes, configs, args.out, args.workdir)
        else:
            with tempfile.TemporaryDirectory() as tmp:
                scale(sizes, configs, args.out, Path(tmp))
        return
    result = run(args.articles, Settings(n_process=args.n_process))
    if args.json:
        print(json.dumps(result))
    else:
        for key, value in result.items():
            print(f"{key:>26}: {value}")


if __name__ == "__main__":
    main()
