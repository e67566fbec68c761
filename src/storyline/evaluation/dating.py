"""Dating evaluation: hide each TimeML document's creation time (DCT) and
all metadata, infer the publication date from the text alone, and report
the share of documents dated exactly, within 7 days, in the right month, in
the right year, and the share where storyline abstained.

A year-level answer can only count for the year; an abstention counts as a
miss everywhere except ``abstained`` (so abstaining never inflates a score,
but answering wrongly is worse than abstaining for the analyst). Answers
given with low confidence (a guessed year) are counted apart, with how many
of them name the wrong year, and so are confident answers in the wrong year,
which should not happen: abstaining or guessing was possible.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Iterable, Sequence

import click

from .tempeval import TimeMLDocument, read_timeml_dir


def text_without_dct(doc: TimeMLDocument) -> str:
    """The document text with any creation-time expression blanked out
    (spaces keep the offsets), so the answer cannot be read off it."""
    text = doc.text
    for start, end in doc.unscored:
        text = text[:start] + " " * (end - start) + text[end:]
    return text


@dataclass
class DatingCounts:
    documents: int = 0
    exact: int = 0
    within_7_days: int = 0
    same_month: int = 0
    same_year: int = 0
    abstained: int = 0
    low_confidence: int = 0
    low_confidence_wrong_year: int = 0
    confident_wrong_year: int = 0
    rows: list = field(default_factory=list)

    def add(self, name: str, gold: date, value) -> None:
        from ..time.dating import is_low_confidence

        self.documents += 1
        if value is None:
            self.abstained += 1
            self.rows.append((name, gold, None, False))
            return
        guessed = is_low_confidence(value)
        self.rows.append((name, gold, value.value, guessed))
        year_ok = value.value[:4] == str(gold.year)
        self.low_confidence += guessed
        self.low_confidence_wrong_year += guessed and not year_ok
        self.confident_wrong_year += not guessed and not year_ok
        if value.precision == "day" and value.value[:4].isdigit() and len(value.value) == 10:
            best = date.fromisoformat(value.value)
            self.exact += best == gold
            self.within_7_days += abs((best - gold).days) <= 7
            self.same_month += (best.year, best.month) == (gold.year, gold.month)
            self.same_year += best.year == gold.year
        elif value.precision == "month" and len(value.value) == 7:
            self.same_month += value.value == f"{gold.year}-{gold.month:02d}"
            self.same_year += value.value[:4] == str(gold.year)
        else:
            self.same_year += year_ok

    def scores(self) -> dict:
        n = self.documents or 1
        return {
            "exact": self.exact / n,
            "within_7_days": self.within_7_days / n,
            "same_month": self.same_month / n,
            "same_year": self.same_year / n,
            "abstained": self.abstained / n,
            "documents": self.documents,
            "low_confidence": self.low_confidence,
            "low_confidence_wrong_year": self.low_confidence_wrong_year,
            "confident_wrong_year": self.confident_wrong_year,
        }


def evaluate_dating(documents: Iterable[TimeMLDocument], nlp=None, parsed=None,
                    guess: bool = True, corpus: bool = False) -> DatingCounts:
    """``parsed`` may map document names to spaCy docs already made from
    ``text_without_dct`` (the tests and benchmarks cache them). ``guess``
    lets weak evidence answer with a low-confidence year, counted apart.
    With ``corpus``, each document is dated with the other documents as a
    corpus of dated articles (``leave_one_out_hints``); else from its text alone."""
    from ..annotate import load_pipeline
    from ..time import infer_publication_date, tag

    documents = [d for d in documents if d.dct is not None]
    counts = DatingCounts()
    if parsed is None:
        nlp = nlp or load_pipeline()
        texts = [text_without_dct(d) for d in documents]
        parsed = dict(zip((d.name for d in documents), nlp.pipe(texts, batch_size=16)))
    hints = leave_one_out_hints(documents, parsed) if corpus else {}
    for d in documents:
        sp = parsed[d.name]
        counts.add(d.name, d.dct, infer_publication_date(sp, tag(sp, None), hints.get(d.name, ()), roles_path="",
                                                         guess=guess))
    return counts


def leave_one_out_hints(documents: Sequence[TimeMLDocument], parsed) -> dict[str, tuple]:
    """For each document, the hints a build would find for it, undated, in
    a corpus of the other documents dated by their creation time: the same
    analysis (``pipeline.analyse``) and the same matching
    (``link.corpus_dating.corpus_hints``) as ``storyline build``."""
    from ..link.corpus_dating import ReportPool, corpus_hints
    from ..models import Article, TimeValue
    from ..pipeline import analyse
    from ..settings import Settings

    settings = Settings(roles_path="")
    dated, undated, published, titles = [], {}, {}, {}
    for d in documents:
        sp = parsed[d.name]
        text = sp.text
        day = TimeValue(d.dct.isoformat(), d.dct, d.dct, "day", "metadata")
        article = Article(id=Article.make_id(text), source=d.name, text=text, title=d.name)
        published[article.id], titles[article.id] = day, d.name
        dated += analyse(replace(article, published=day), sp, settings).mentions
        plain = analyse(article, sp, settings)
        if plain.article.published is None:
            undated[d.name] = plain.mentions   # dated by its text, a build would look no further
    pool = ReportPool(dated, published, titles)
    return {name: corpus_hints(mentions, pool) for name, mentions in undated.items()}


@click.command(name="dating")
@click.argument("gold_dir", type=click.Path(exists=True))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON line.")
@click.option("--no-guess", is_flag=True,
              help="Abstain instead of answering weak evidence with a low-confidence year.")
@click.option("--corpus", "use_corpus", is_flag=True,
              help="Date each document with the other documents of GOLD_DIR as a corpus of dated "
                   "articles (leave-one-out), as `storyline build` dates undated articles.")
def command(gold_dir: str, as_json: bool, no_guess: bool, use_corpus: bool) -> None:
    """Date TimeML documents with their creation time hidden, and score it.

    By default each document is dated from its text alone. Weak evidence is
    answered with a year marked low-confidence (counted apart, with how
    many are wrong); `--no-guess` abstains instead, as `storyline date` and
    the pipeline do. `--corpus` also uses the dated reports of the same
    happenings in the other documents (their creation times shown).

    \b
    Example:
        storyline eval dating ../shared/data/tempeval3/TBAQ-cleaned --json
        storyline eval dating ../shared/data/tempeval3/TBAQ-cleaned --corpus --json
    """
    scores = evaluate_dating(read_timeml_dir(gold_dir), guess=not no_guess, corpus=use_corpus).scores()
    if use_corpus:
        scores["mode"] = "corpus (leave-one-out)"
    if as_json:
        click.echo(json.dumps({k: (round(v, 4) if isinstance(v, float) else v) for k, v in scores.items()}))
        return
    if use_corpus:
        click.echo(f"mode {scores['mode']}")
    click.echo(f"documents {scores['documents']}")
    for key in ("exact", "within_7_days", "same_month", "same_year", "abstained"):
        click.echo(f"{key:14s} {scores[key]:.3f}")
    click.echo(f"low-confidence answers {scores['low_confidence']} "
               f"({scores['low_confidence_wrong_year']} in the wrong year); "
               f"confident answers in the wrong year {scores['confident_wrong_year']}")
