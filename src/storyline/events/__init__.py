"""Events: PLOVER/CAMEO-coded event mentions with resolved actors, modality,
date and place, and attributed statements, from one parsed article."""

from __future__ import annotations

import os
from dataclasses import replace
from typing import Sequence

from ..actors import ActorResolver, load_kb
from ..models import Article, EventMention, Statement, Timex
from .context import at_home, home_country, unnamed_group
from .lexicon import lexicon_in_use
from .mentions import extract_mentions, plover_type
from .statements import extract_statements
from .when import dated_points

__all__ = ["extract", "extract_mentions", "extract_statements", "plover_type"]


def extract(
    article: Article, doc, timexes: Sequence[Timex] = (), actors_path: str = "", lexicon_path: str = ""
) -> tuple[list[EventMention], list[Statement]]:
    """Event mentions and statements of one article. ``doc`` is the spaCy
    Doc of ``article.text``; ``timexes`` are already normalised."""
    # the build passes settings.lexicon_path; callers that do not still honour the environment
    with lexicon_in_use(lexicon_path or os.environ.get("STORYLINE_LEXICON_PATH", "")):
        return _extract(article, doc, timexes, actors_path)


def _extract(
    article: Article, doc, timexes: Sequence[Timex], actors_path: str
) -> tuple[list[EventMention], list[Statement]]:
    timexes = dated_points(timexes)
    on = article.published.earliest if article.published is not None else None
    # the build passes settings.actors_path; callers that do not still honour the environment
    actors_path = actors_path or os.environ.get("STORYLINE_ACTORS_PATH", "")
    resolver = ActorResolver(doc, load_kb(actors_path or None), on)
    mentions = extract_mentions(article, doc, timexes, resolver)
    statements = extract_statements(article, doc, resolver, mentions, timexes)
    lacking = [n for n, s in enumerate(statements) if unnamed_group(s.speaker)]
    home = home_country(resolver) if lacking else None
    for n in lacking if home is not None else ():  # "officials said ...": of the country the article is about
        statements[n] = replace(statements[n], speaker=at_home([statements[n].speaker], home)[0])
    return mentions, statements
