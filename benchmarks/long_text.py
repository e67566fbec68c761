"""A long article against normal ones: time and peak memory of a build.

    python benchmarks/long_text.py                  # normal, 1 MB and 5 MB
    python benchmarks/long_text.py --sizes 1000000  # just one long article

Texts over PIECE_CHARS (annotate.py) are parsed and analysed in pieces; this
measures what that costs per character against normal articles. The long
article is synthetic: the paragraphs of the bundled examples/ (written for
this project), in turn, each closed by a numbered line so that no two
paragraphs are the same, under one date header and one title, to the size
asked for in UTF-8 bytes (the 5 MB article stays under the default
max_bytes of 5,000,000). The normal corpus is the same examples, each copy
varied the same way (benchmarks/throughput.py's corpus, 200 articles).

Each configuration is built in a fresh child process (the model loaded and
warmed up before the clock starts), so its peak RSS (``ru_maxrss`` of that
child, read with ``wait4``) is its own. Reported per configuration: wall and
CPU seconds of ``build()`` (ingest to linking), cleaned characters, CPU
microseconds per character, and peak RSS.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

NORMAL_ARTICLES = 200


def example_paragraphs() -> list[str]:
    from storyline.clean import clean
    from storyline.ingest import read_inputs
    from storyline.models import RawDocument

    docs = [doc for doc in read_inputs([str(ROOT / "examples")]) if isinstance(doc, RawDocument)]
    return [p for doc in docs for p in clean(doc).text.split("\n\n") if p.strip()]


def long_article(size_bytes: int) -> str:
    """Paragraphs of the examples in turn, numbered, up to ``size_bytes``."""
    paragraphs = example_paragraphs()
    parts, used, n = ["date 2023-03-06\nThe grain corridor, a long record\n"], 0, 0
    used = len(parts[0].encode("utf-8"))
    while True:
        paragraph = f"\n{paragraphs[n % len(paragraphs)]} (Item {n + 1}.)\n"
        cost = len(paragraph.encode("utf-8"))
        if used + cost > size_bytes:
            break
        parts.append(paragraph)
        used, n = used + cost, n + 1
    return "".join(parts)


def child(corpus: str, db: str) -> dict:
    from storyline.annotate import load_pipeline
    from storyline.pipeline import build
    from storyline.settings import Settings
    from storyline.store import Store

    nlp = load_pipeline(Settings().model)
    nlp("Warm-up: the model's first call allocates its buffers.")
    wall, cpu = time.perf_counter(), time.process_time()
    report = build([corpus], db, Settings())
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    with Store(db, read_only=True) as store:
        chars = sum(len(a.text) for a in store.articles())
        mentions = len(store.mentions())
    return {
        "articles": report.articles_new,
        "failures": len(report.failures),
        "chars": chars,
        "mentions": mentions,
        "events": report.events,
        "wall_s": round(wall, 2),
        "cpu_s": round(cpu, 2),
        "cpu_us_per_char": round(cpu / max(chars, 1) * 1e6, 2),
    }


def run_child(corpus: Path, db: Path) -> dict:
    proc = subprocess.Popen(
        [sys.executable, __file__, "--child", str(corpus), str(db)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    if status != 0:
        raise SystemExit(f"child for {corpus} failed (status {status})")
    result = json.loads(out)
    result["peak_rss_mb"] = round(usage.ru_maxrss / 1024)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000000,4999000", help="long article sizes in UTF-8 bytes, comma-separated")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(*args.child)))
        return
    from throughput import make_corpus

    results = []
    with tempfile.TemporaryDirectory() as tmp:
        normal = Path(tmp) / "normal"
        normal.mkdir()
        make_corpus(normal, NORMAL_ARTICLES)
        configs = [("normal", normal)]
        for size in (int(s) for s in args.sizes.split(",") if s):
            path = Path(tmp) / f"long_{size}.txt"
            path.write_text(long_article(size), encoding="utf-8")
            configs.append((f"long {size:,} bytes", path))
        for name, corpus in configs:
            result = {"config": name, **run_child(corpus, Path(tmp) / f"{len(results)}.duckdb")}
            results.append(result)
            print(json.dumps(result), flush=True)
    base = results[0]["cpu_us_per_char"]
    for result in results[1:]:
        print(
            f"{result['config']}: {result['cpu_us_per_char'] / base:.2f}x the CPU per character of normal "
            f"articles, peak RSS {result['peak_rss_mb']} MB",
            flush=True,
        )


if __name__ == "__main__":
    main()
