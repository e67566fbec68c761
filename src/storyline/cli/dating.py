"""``storyline date FILE``: infer when an article was published."""

from __future__ import annotations

import json
import sys

import click

from ..errors import InputError
from . import EXIT_PARTIAL
from .options import json_option, settings_options


def _read_articles(path: str, settings):
    """Every article in the file, cleaned through the same ingest and clean
    stages as ``build`` so offsets and boilerplate removal agree. A JSONL,
    CSV or WARC file holds many; a bad record among them is a Failure, and
    the others are still dated (as ``build`` would still build them)."""
    from ..clean import clean
    from ..ingest import read_inputs
    from ..models import Failure

    for item in read_inputs([path], max_bytes=settings.max_bytes):
        yield item if isinstance(item, Failure) else clean(item)


@click.command(name="date")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option(
    "--corpus",
    "corpus_db",
    type=click.Path(dir_okay=False),
    default=None,
    help="A storyline database whose dated reports of the same happenings date an "
    "article its text cannot date, as `build` does.",
)
@json_option
@settings_options
def date_command(file: str, as_json: bool, settings, corpus_db: str | None = None) -> None:
    """Infer when an article was published, with the evidence.

    A date stated by the article (a `date YYYY-MM-DD` header, page metadata)
    is shown as such; otherwise the date is inferred from the text: named
    officeholders and their terms, elections, weekdays that fit a date only
    in some years, years and recent dates mentioned. The answer is a best
    date and the interval the evidence allows (a term of office, a year told
    in the past); thin evidence gives a wide interval and a year marked low
    confidence (`--json`: "confidence"). An interval narrowed by the learned
    statistical bound (publication lies within -5..+39 years of the latest
    year the text names, for 89 % of held-out news) says so (`--json`:
    "interval_basis": "statistical", "interval_coverage"); an interval of
    evidence is "interval_basis": "evidence". Prints "unknown" when nothing in
    the text bounds the date. Exit status: 0 every article
    dated, 3 some answered "unknown" or could not be read, 1 none could be
    read, 2 misuse. FILE may be - (standard
    input); a JSONL, CSV or WARC file of many articles dates each one.
    With `--corpus DB`, an article its text cannot date is dated from the
    articles of DB that report the same happening with a date of their own.

    \b
    Example:
        storyline date article.txt
        storyline date article.txt --json
        storyline date article.txt --corpus storyline.duckdb
    """
    from ..annotate import load_pipeline
    from ..models import Failure

    answered, unknown, failures, nlp = 0, 0, [], None
    items = list(_read_articles(file, settings))
    many = len(items) > 1
    for item in items:
        if isinstance(item, Failure):
            failures.append(item)
            if many:
                click.echo(f"failed: {item.source}: {item.reason}", err=True)
            continue
        if nlp is None:
            nlp = load_pipeline(settings.model)
        published = _publication_date(item, nlp, settings, corpus_db)
        _print_date(item, published, as_json, many)
        answered += 1
        unknown += published is None
    if not answered:
        if len(failures) == 1 and not many:
            raise InputError(f"{failures[0].source}: {failures[0].reason}")
        raise InputError(f"{file}: no article found in the file")
    # 0 promises a date for every article (as `build`'s 0 promises every
    # article built); an "unknown" answer is an input not dated
    if failures or unknown:
        sys.exit(EXIT_PARTIAL)


def _publication_date(article, nlp, settings, corpus_db: str | None = None):
    """The date the article states, else the one its text supports, else
    (with a corpus) the one the corpus's dated reports of the same
    happenings support (or None)."""
    from ..annotate import Pieces, annotate
    from ..time import infer_publication_date, tag

    if article.published and article.published.is_known:
        return article.published
    [(_, doc)] = annotate([article], nlp)  # a text over the model's limit comes in pieces
    if corpus_db is None:
        lead = doc.first() if isinstance(doc, Pieces) else doc  # as the build dates a long text
        # the interval the evidence allows, answered with low confidence when thin
        return infer_publication_date(lead, tag(lead, None), roles_path=settings.roles_path, interval=True)
    from ..link.corpus_dating import DatedReports, corpus_hints
    from ..pipeline import analyse
    from ..store import Store

    plain = analyse(article, doc, settings)
    if plain.article.published is not None and plain.article.published.is_known:
        return plain.article.published
    with Store(corpus_db, read_only=True) as store:
        hints = corpus_hints(plain.mentions, DatedReports(store), settings.link_threshold)
    return analyse(article, doc, settings, corpus_hints=hints).article.published if hints else None


def _print_date(article, published, as_json: bool, many: bool) -> None:
    """One article's answer; with several articles in the file, each is
    named by its source (``feed.jsonl:3``) so the answers can be told apart."""
    if as_json:
        record = {"value": None, "basis": "unknown", "earliest": None, "latest": None, "evidence": []}
        if published is not None:
            record = {
                "value": published.value,
                "basis": published.basis,
                "earliest": published.earliest.isoformat() if published.earliest else None,
                "latest": published.latest.isoformat() if published.latest else None,
                "evidence": list(published.evidence),
            }
            if published.basis == "inferred":
                from ..time.dating import is_low_confidence
                from ..time.dating_prior import interval_basis, interval_coverage

                record["confidence"] = "low" if is_low_confidence(published) else "high"
                # "statistical": a learned bound narrowed the interval; it holds for
                # `interval_coverage` of held-out news, not for certain
                record["interval_basis"] = interval_basis(published)
                record["interval_coverage"] = interval_coverage(published)
        if many:
            record["source"] = article.source
        click.echo(json.dumps(record, ensure_ascii=False))
        return
    name = f"{article.source}: " if many else ""
    if published is None:
        click.echo(f"{name}unknown: the text does not narrow the date down enough")
        return
    span = ""
    if published.earliest and published.latest and published.earliest != published.latest:
        from ..time.dating_prior import interval_basis, interval_coverage

        kind = (
            f", a statistical interval: {interval_coverage(published):.0%} of held-out news"
            if interval_basis(published) == "statistical"
            else ""
        )
        span = f" (between {published.earliest} and {published.latest}{kind})"
    click.echo(f"{name}{published.value}{span} [{published.basis}]")
    for reason in published.evidence:
        click.echo(f"  - {reason}")


COMMANDS = [date_command]
