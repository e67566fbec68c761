"""Dating evaluation: hide each TimeML document's creation time (DCT) and
all metadata, infer the publication date from the text alone, and report
the share of documents dated exactly, within 7 days, in the right month, in
the right year, and the share where storyline abstained.

Beside the best date, every answer carries an interval (``earliest`` ..
``latest``) that should contain the truth: ``covered`` is the share of
documents whose true date lies in it (an abstention covers nothing) and
``median_width_days`` the median width of the covering intervals, so a
system cannot look good by answering the whole calendar.

A year-level answer can only count for the year; an abstention counts as a
miss everywhere except ``abstained`` (so abstaining never inflates a score,
but answering wrongly is worse than abstaining for the analyst). Answers
given with low confidence (a guessed year) are counted apart, with how many
of them name the wrong year, and so are confident answers in the wrong year,
which should not happen: abstaining or guessing was possible.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from statistics import median
from typing import Iterable, Sequence

import click

from ..time.grid import GRID_END, GRID_START
from .tempeval import TimeMLDocument, read_timeml_dir


def text_without_dct(doc: TimeMLDocument) -> str:
    """The document text with any creation-time expression blanked out
    (spaces keep the offsets), so the answer cannot be read off it."""
    text = doc.text
    for start, end in doc.unscored:
        text = text[:start] + " " * (end - start) + text[end:]
    return text


#: tokens written without a space before them when MEANTIME's tokens are joined
_NO_SPACE_BEFORE = frozenset({",", ".", ":", ";", "!", "?", ")", "]", "'s", "n't", "'", "%", "'re", "'ve", "'ll", "'d"})
#: tokens written without a space after them
_NO_SPACE_AFTER = frozenset({"(", "[", "$", "``"})
_MEANTIME_TOKEN = re.compile(r'<token [^>]*?sentence="(\d+)" t_id="(\d+)"[^>]*>(.*?)</token>', re.S)
_MEANTIME_DCT = re.compile(
    r'<TIMEX3 [^>]*functionInDocument="CREATION_TIME"[^>]*value="(\d{4})-(\d\d)-(\d\d)"[^>]*>'
    r"(.*?)</TIMEX3>",
    re.S,
)


def parse_meantime(content: str, name: str = "") -> TimeMLDocument:
    """A MEANTIME (NAF-like, one token per element) document as text, one
    sentence a line, with its creation time (the date line under the title)
    as the DCT and that line's tokens marked ``unscored`` so they are hidden.
    No gold timexes: MEANTIME serves dating only here."""
    import html

    dct, hidden_ids = None, set()
    m = _MEANTIME_DCT.search(content)
    if m:
        dct = date(int(m[1]), int(m[2]), int(m[3]))
        hidden_ids = set(re.findall(r'<token_anchor t_id="(\d+)"', m.group(4)))
    parts, unscored, sentence, previous = [], [], None, ""
    length = 0
    for sent, tid, raw in _MEANTIME_TOKEN.findall(content):
        token = html.unescape(raw)
        sep = (
            ""
            if sentence is None
            else "\n"
            if sent != sentence
            else ""
            if token in _NO_SPACE_BEFORE or previous in _NO_SPACE_AFTER
            else " "
        )
        sentence, previous = sent, token
        parts.append(sep)
        length += len(sep)
        if tid in hidden_ids:
            unscored.append((length, length + len(token)))
        parts.append(token)
        length += len(token)
    return TimeMLDocument(name, "".join(parts), dct, (), tuple(unscored))


def read_jsonl_documents(path: Path) -> list[TimeMLDocument]:
    """Articles one a line as ``{"id", "published": "YYYY-MM-DD", "text"}``
    (the project's own dev set, ``benchmarks/data/dating_news.jsonl``): the
    text carries no date line, so nothing is hidden."""
    documents = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            documents.append(TimeMLDocument(row["id"], row["text"], date.fromisoformat(row["published"]), (), ()))
    return documents


def read_dating_documents(path: str | Path) -> list[TimeMLDocument]:
    """TimeML ``.tml`` files under ``path``, or else MEANTIME ``.xml`` files;
    a ``.jsonl`` file of dated articles (``read_jsonl_documents``)."""
    root = Path(path)
    if root.is_file() and root.suffix == ".jsonl":
        return read_jsonl_documents(root)
    if root.is_dir() and not any(root.rglob("*.tml")):
        files = sorted(root.rglob("*.xml"))
        documents = [parse_meantime(f.read_text(encoding="utf-8"), f.name) for f in files]
        if documents:
            return documents
    return read_timeml_dir(root)


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
    covered: int = 0
    #: widths in days (latest - earliest + 1) of the intervals that contain the truth
    covered_widths: list = field(default_factory=list)
    #: answers whose interval a statistical bound narrowed, and how many of them hold the truth
    statistical: int = 0
    statistical_covered: int = 0
    rows: list = field(default_factory=list)

    def add(self, name: str, gold: date, value) -> None:
        from ..time.dating import is_low_confidence
        from ..time.dating_prior import interval_basis

        self.documents += 1
        if value is None:
            self.abstained += 1
            self.rows.append((name, gold, None, False))
            return
        guessed = is_low_confidence(value)
        statistical = interval_basis(value) == "statistical"
        self.statistical += statistical
        if (value.earliest is None or value.earliest <= gold) and (value.latest is None or gold <= value.latest):
            self.covered += 1
            self.statistical_covered += statistical
            first, last = value.earliest or GRID_START, value.latest or GRID_END
            self.covered_widths.append((last - first).days + 1)
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
            "covered": self.covered / n,
            "median_width_days": float(median(self.covered_widths)) if self.covered_widths else None,
            "statistical_intervals": self.statistical,
            "statistical_covered": self.statistical_covered,
        }


def evaluate_dating(
    documents: Iterable[TimeMLDocument], nlp=None, parsed=None, guess: bool = True, corpus: bool = False
) -> DatingCounts:
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
        counts.add(
            d.name,
            d.dct,
            infer_publication_date(
                sp, tag(sp, None), hints.get(d.name, ()), roles_path="", guess=guess, interval=guess
            ),
        )
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
            undated[d.name] = plain.mentions  # dated by its text, a build would look no further
    pool = ReportPool(dated, published, titles)
    return {name: corpus_hints(mentions, pool) for name, mentions in undated.items()}


@click.command(name="dating")
@click.argument("gold_dir", type=click.Path(exists=True))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON line.")
@click.option("--no-guess", is_flag=True, help="Abstain instead of answering weak evidence with a low-confidence year.")
@click.option(
    "--corpus",
    "use_corpus",
    is_flag=True,
    help="Date each document with the other documents of GOLD_DIR as a corpus of dated "
    "articles (leave-one-out), as `storyline build` dates undated articles.",
)
def command(gold_dir: str, as_json: bool, no_guess: bool, use_corpus: bool) -> None:
    """Date TimeML documents with their creation time hidden, and score it.

    By default each document is dated from its text alone. Weak evidence is
    answered with a year marked low-confidence (counted apart, with how
    many are wrong); `--no-guess` abstains instead, as `storyline date` and
    the pipeline do. `--corpus` also uses the dated reports of the same
    happenings in the other documents (their creation times shown).
    GOLD_DIR may also hold MEANTIME .xml documents (the date line under
    the title is hidden). `covered` is the share of documents whose true
    date lies in the answer's interval, `median_width_days` the median
    width of those intervals; `statistical_intervals` counts the answers
    whose interval a learned statistical bound narrowed (it holds for a
    share of news, not for certain), `statistical_covered` those holding
    the truth.

    \b
    Example:
        storyline eval dating ../shared/data/tempeval3/TBAQ-cleaned --json
        storyline eval dating ../shared/data/tempeval3/TBAQ-cleaned --corpus --json
        storyline eval dating ../shared/data/meantime/intra-doc_annotation/corpus_apple --json
    """
    scores = evaluate_dating(read_dating_documents(gold_dir), guess=not no_guess, corpus=use_corpus).scores()
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
    width = scores["median_width_days"]
    click.echo(f"covered        {scores['covered']:.3f} (median width {'-' if width is None else f'{width:.0f}'} days)")
    click.echo(
        f"low-confidence answers {scores['low_confidence']} "
        f"({scores['low_confidence_wrong_year']} in the wrong year); "
        f"confident answers in the wrong year {scores['confident_wrong_year']}"
    )
