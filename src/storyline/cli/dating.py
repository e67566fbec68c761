"""``storyline date FILE``: infer when an article was published."""

from __future__ import annotations

import json

import click

from ..errors import InputError
from .options import json_option, settings_options


def _read_article(path: str, settings):
    """The cleaned article, through the same ingest and clean stages as
    ``build`` so offsets and boilerplate removal agree."""
    from ..clean import clean
    from ..ingest import read_inputs
    from ..models import Failure

    for item in read_inputs([path], max_bytes=settings.max_bytes):
        if isinstance(item, Failure):
            raise InputError(f"{item.source}: {item.reason}")
        return clean(item)
    raise InputError(f"{path}: no article found in the file")


@click.command(name="date")
@click.argument("file", type=click.Path(dir_okay=False))
@json_option
@settings_options
def date_command(file: str, as_json: bool, settings) -> None:
    """Infer when an article was published, with the evidence.

    A date stated by the article (a `date YYYY-MM-DD` header, page metadata)
    is shown as such; otherwise the date is inferred from the text: named
    officeholders and their terms, elections, weekdays that fit a date only
    in some years, years and recent dates mentioned. Prints "unknown" when
    the text does not narrow the date enough.

    \b
    Example:
        storyline date article.txt
        storyline date article.txt --json
    """
    from ..annotate import load_pipeline
    from ..time import infer_publication_date, tag

    article = _read_article(file, settings)
    published = article.published if article.published and article.published.is_known else None
    if published is None:
        doc = load_pipeline(settings.model)(article.text)
        published = infer_publication_date(doc, tag(doc, None), roles_path=settings.roles_path)
    if as_json:
        if published is None:
            click.echo(json.dumps({"value": None, "basis": "unknown", "earliest": None,
                                   "latest": None, "evidence": []}))
        else:
            click.echo(json.dumps({
                "value": published.value, "basis": published.basis,
                "earliest": published.earliest.isoformat() if published.earliest else None,
                "latest": published.latest.isoformat() if published.latest else None,
                "evidence": list(published.evidence),
            }))
        return
    if published is None:
        click.echo("unknown: the text does not narrow the date down enough")
        return
    span = ""
    if published.earliest and published.latest and published.earliest != published.latest:
        span = f" (between {published.earliest} and {published.latest})"
    click.echo(f"{published.value}{span} [{published.basis}]")
    for reason in published.evidence:
        click.echo(f"  - {reason}")


COMMANDS = [date_command]
