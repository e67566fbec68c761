"""Throughput of a whole build against bare spaCy on the same texts.

    python benchmarks/throughput.py --json            # 300 articles
    python benchmarks/throughput.py --articles 1000

The corpus is made from the bundled examples (and the seed articles when
../shared is present), each copy varied (paragraphs rotated, a numbered
closing line) so that no two copies de-duplicate. In the same run, bare
``nlp.pipe`` parses exactly the cleaned texts the build parsed, with the
same model and batch size: the ratio storyline ÷ spaCy is the share of the
parser's speed that the whole pipeline keeps.
"""

from __future__ import annotations

import argparse
import json
import resource
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

        started = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=settings.batch_size, n_process=settings.n_process):
            pass
        spacy_seconds = time.perf_counter() - started

        started = time.perf_counter()
        report = build([str(folder)], str(Path(tmp) / "bench.duckdb"), settings)
        storyline_seconds = time.perf_counter() - started

    if report.articles_new != len(paths):
        raise SystemExit(f"expected {len(paths)} new articles, built {report.articles_new}")
    storyline_rate = len(paths) / storyline_seconds
    spacy_rate = len(texts) / spacy_seconds
    return {
        "articles": len(paths),
        "storyline_articles_per_s": round(storyline_rate, 2),
        "spacy_articles_per_s": round(spacy_rate, 2),
        "ratio": round(storyline_rate / spacy_rate, 3),
        "peak_rss_mb": round(peak_rss_mb(), 1),
        "events": report.events,
        "n_process": settings.n_process,
        "model": settings.model,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--n-process", type=int, default=1)
    parser.add_argument("--json", action="store_true", help="print one JSON line")
    args = parser.parse_args()
    result = run(args.articles, Settings(n_process=args.n_process))
    if args.json:
        print(json.dumps(result))
    else:
        for key, value in result.items():
            print(f"{key:>26}: {value}")


if __name__ == "__main__":
    main()
