"""Ray Data batch mode (``storyline build --engine ray``; ``pip install storyline[ray]``).

Ray runs ingest -> clean -> annotate -> time -> events per file, in actors
that each load the spaCy pipeline once, and writes the results as Parquet.
The driver then reads them back in the local engine's order and hands them
to the same loader (de-duplication, DuckDB writes, linking, then dating
undated articles from the corpus and relinking what that re-dated) as the
local engine. The stage functions are the very ones the local engine calls.
"""

from __future__ import annotations

import dataclasses
import tempfile
from typing import Iterator, Sequence

from .errors import UsageError
from .ingest import input_files, read_inputs
from .models import ArticleAnalysis, Failure
from .serialize import dumps, loads
from .settings import Settings

#: Rows a worker emits: an analysis, a failure, or the id of a known article.
KIND_ANALYSIS, KIND_FAILURE, KIND_KNOWN = "analysis", "failure", "known"


def _import_ray():
    try:
        import ray
        import ray.data  # noqa: F401
    except ImportError:
        raise UsageError("--engine ray needs Ray Data; install it with `pip install 'storyline[ray]'`") from None
    return ray


class FileAnalyser:
    """A Ray actor: holds one spaCy pipeline, analyses batches of files."""

    def __init__(self, settings: dict, fmt: str, known_ids: frozenset[str]):
        from .annotate import load_pipeline

        # Each actor is one process: parse with one core, Ray adds actors.
        self.settings = dataclasses.replace(Settings(**settings), n_process=1)
        self.fmt = fmt
        self.known = known_ids
        load_pipeline(self.settings.model)

    def __call__(self, batch: dict) -> dict:
        from .pipeline import analyse_stream, cleaned_articles

        rows: dict[str, list] = {"order": [], "seq": [], "kind": [], "payload": []}

        def emit(order: int, kind: str, payload: str) -> None:
            rows["order"].append(order)
            rows["seq"].append(len(rows["seq"]))
            rows["kind"].append(kind)
            rows["payload"].append(payload)

        # Every article of the batch goes through one ``nlp.pipe``: parsing
        # file by file would hand spaCy batches of one article each.
        articles, order_of = [], {}
        for order, path in zip(batch["order"], batch["path"]):
            order = int(order)
            raws = read_inputs([str(path)], fmt=self.fmt, max_bytes=self.settings.max_bytes)
            for article in cleaned_articles(raws, lambda f, o=order: emit(o, KIND_FAILURE, dumps(f))):
                if article.id in self.known:
                    emit(order, KIND_KNOWN, article.id)
                else:
                    # a source (a path, or path:record) names one input record
                    order_of[article.source] = order
                    articles.append(article)
        failed = lambda f: emit(order_of[f.source], KIND_FAILURE, dumps(f))  # noqa: E731
        for analysis in analyse_stream(articles, self.settings, failed):
            emit(order_of[analysis.article.source], KIND_ANALYSIS, dumps(analysis))
        return rows


def ray_analyses(
    paths: Sequence[str],
    fmt: str,
    settings: Settings,
    known_ids: set[str],
    address: str | None = None,
) -> Iterator[ArticleAnalysis | Failure | str]:
    """Analyse ``paths`` on Ray; yield results in the local engine's order."""
    ray = _import_ray()
    files = list(input_files(paths))
    if not files:
        return
    workers = max(1, settings.n_process)
    if not ray.is_initialized():
        init = {"address": address} if address else {"num_cpus": workers}
        ray.init(include_dashboard=False, ignore_reinit_error=True, log_to_driver=False, logging_level="ERROR", **init)
    if address:
        workers = max(1, int(ray.cluster_resources().get("CPU", workers)))
    with tempfile.TemporaryDirectory(prefix="storyline-ray-") as out:
        ds = ray.data.from_items([{"order": i, "path": p} for i, p in enumerate(files)])
        ds = ds.map_batches(
            FileAnalyser,
            fn_constructor_args=(dataclasses.asdict(settings), fmt, frozenset(known_ids)),
            batch_size=max(1, min(settings.batch_size, -(-len(files) // workers))),
            concurrency=workers,
            num_cpus=1,
            batch_format="numpy",
        )
        ds.write_parquet(out)
        yield from _read_results(out)


#: Result rows fetched from the sorted Parquet output at a time.
READ_CHUNK = 256


def _read_results(folder: str) -> Iterator[ArticleAnalysis | Failure | str]:
    """Results in the local engine's order: by file, then by position in the
    file's output, so both engines keep the same first source for a
    duplicated article. DuckDB sorts the Parquet files out of core and the
    rows are fetched a chunk at a time, so the driver never holds every
    analysis of a large corpus at once."""
    import duckdb

    pattern = f"{folder}/*.parquet".replace("'", "''")
    con = duckdb.connect()
    try:
        con.execute(f"SELECT kind, payload FROM read_parquet('{pattern}') ORDER BY \"order\", seq")
        while rows := con.fetchmany(READ_CHUNK):
            for kind, payload in rows:
                if kind == KIND_ANALYSIS:
                    yield loads(ArticleAnalysis, payload)
                elif kind == KIND_FAILURE:
                    yield loads(Failure, payload)
                else:
                    yield payload
    finally:
        con.close()
