"""The build: ingest -> clean -> annotate -> time -> events -> store -> link
-> date from the corpus (and relink what that re-dated).

Each stage is a plain function from ``storyline.<stage>``; this module only
chains them, streams articles through in bounded batches, and applies the
per-input error policy (``record``, ``skip`` or ``raise``) so that one bad
input never stops a build.
"""

from __future__ import annotations

import dataclasses
import gc
from contextlib import contextmanager
from time import perf_counter
from dataclasses import dataclass, field
from datetime import date
from itertools import chain
from typing import BinaryIO, Callable, Iterable, Iterator, Sequence

from .annotate import Pieces, annotate, doc_text, load_pipeline
from .clean import clean
from .errors import InputError, StorylineError, UsageError
from .ingest import read_inputs
from .iterate import batches, batches_within
from .link.incremental import relink
from .models import (
    Article,
    ArticleAnalysis,
    EventMention,
    Failure,
    RawDocument,
    TimeValue,
    mention_id,
    statement_id,
)
from .settings import Settings
from .store import Store


@dataclass
class BuildReport:
    run_id: str = ""
    articles_new: int = 0
    articles_seen: int = 0  # identical cleaned text already stored or repeated in the input
    failures: list[Failure] = field(default_factory=list)
    events: int = 0
    linked: bool = False
    stories_relinked: int = 0  # stories (re)linked by this build; the others were kept
    link_seconds: float = 0.0
    dated_from_corpus: int = 0  # articles whose date (from other articles) changed in this build

    @property
    def exit_code(self) -> int:
        return 3 if self.failures else 0


def day_anchor(value: TimeValue | None) -> date | None:
    """The day relative expressions are resolved against, if the date is a day."""
    if value is None or value.earliest is None:
        return None
    if value.earliest == value.latest:
        return value.earliest
    try:
        return date.fromisoformat(value.value)
    except ValueError:
        return None


def analyse(
    article: Article,
    doc,
    settings: Settings = Settings(),
    corpus_hints: Sequence[TimeValue] = (),
    infer_date: bool = True,
) -> ArticleAnalysis:
    """Time and events for one annotated article.

    An undated article is dated from its own text first (unless
    ``infer_date`` is False), so its relative expressions ("on Thursday")
    resolve against the inferred day rather than being dropped, as
    GDELT-style coders do. ``doc`` is a spaCy Doc of ``article.text``, or
    the ``Pieces`` of a long one (see ``annotate``).
    """
    from . import events, time
    from .link.pair_model import with_features

    if isinstance(doc, Pieces):
        return _analyse_pieces(article, doc, settings, corpus_hints, infer_date)
    anchor = day_anchor(article.published)
    if infer_date and (article.published is None or not article.published.is_known):
        # the build's own setting, empty or not: None would make dating look
        # the user's settings up again for every undated article
        # the date it is confident of anchors the article; else an estimate (an interval and a
        # best day, low confidence) is kept for display only
        inferred, estimate = time.date_article(doc, corpus_hints, roles_path=settings.roles_path)
        if estimate is not None:
            article = dataclasses.replace(article, published_estimate=estimate)
        if inferred is not None:
            article = dataclasses.replace(article, published=inferred)
            anchor = day_anchor(inferred) or anchor
    # tagged once, at the anchor dating gave (dating reads the text, not these timexes)
    timexes = time.tag(doc, anchor)
    mentions, statements = events.extract(
        article, doc, timexes, actors_path=settings.actors_path, lexicon_path=settings.lexicon_path
    )
    # what the linker's pair model reads of each mention, while the parse is at hand
    mentions = with_features(mentions, doc)
    if settings.min_confidence > 0:
        mentions = [m for m in mentions if m.confidence >= settings.min_confidence]
        kept = {m.id for m in mentions}
        statements = [
            s if s.about in kept or s.about is None else dataclasses.replace(s, about=None) for s in statements
        ]
    return ArticleAnalysis(article, tuple(timexes), tuple(mentions), tuple(statements))


def _analyse_pieces(
    article: Article, pieces: Pieces, settings: Settings, corpus_hints: Sequence[TimeValue], infer_date: bool
) -> ArticleAnalysis:
    """``analyse`` a long article piece by piece, each piece parsed only when
    its turn comes. The first piece (the lead) dates an undated article, and
    that date anchors every piece after it; each piece's records are moved
    to their offsets in the whole text and given the ids the whole
    article's analysis gives them."""
    timexes: list = []
    mentions: list = []
    statements: list = []
    for offset, doc in pieces:
        piece = dataclasses.replace(article, text=doc_text(doc))
        part = analyse(piece, doc, settings, corpus_hints, infer_date)
        if offset == 0:
            # later pieces take the lead's answer, found or not
            article = dataclasses.replace(
                article, published=part.article.published, published_estimate=part.article.published_estimate
            )
            corpus_hints, infer_date = (), False
        timexes += (shifted(t, offset) for t in part.timexes)
        new_ids = {}
        for mention in part.mentions:
            moved = shifted(mention, offset)
            moved = dataclasses.replace(moved, id=mention_id(article.id, moved.trigger_start, moved.type))
            new_ids[mention.id] = moved.id
            mentions.append(moved)
        for statement in part.statements:
            moved = shifted(statement, offset)
            statements.append(
                dataclasses.replace(
                    moved, id=statement_id(article.id, moved.start), about=new_ids.get(statement.about, statement.about)
                )
            )
    return ArticleAnalysis(article, tuple(timexes), tuple(mentions), tuple(statements))


def _is_offset_field(name: str) -> bool:
    return name in ("start", "end") or name.endswith(("_start", "_end"))


def shifted(record, offset: int):
    """``record`` with every character offset in it (fields ``start``,
    ``end``, ``*_start``, ``*_end``, in nested records too: a mention's
    actors and place) moved by ``offset``."""
    if not offset:
        return record
    if isinstance(record, tuple):
        return tuple(shifted(item, offset) for item in record)
    if not dataclasses.is_dataclass(record) or isinstance(record, type):
        return record
    changes = {}
    for field_ in dataclasses.fields(record):
        value = getattr(record, field_.name)
        if isinstance(value, int) and not isinstance(value, bool) and _is_offset_field(field_.name):
            changes[field_.name] = value + offset
        elif isinstance(value, tuple) or dataclasses.is_dataclass(value):
            moved = shifted(value, offset)
            if moved is not value:
                changes[field_.name] = moved
    return dataclasses.replace(record, **changes) if changes else record


def date_from_corpus(
    store: Store, settings: Settings, scope: Sequence[str] | None, on_failure: Callable[[Failure], None] | None = None
) -> int:
    """Date the undated articles that other articles' dated reports of the
    same happenings date, re-analysed at that date; run after linking.
    ``scope`` holds the articles new to this build: the undated ones
    among them, and the undated ones that report a happening (a type of
    act and a party) some dated one among them reports, are (re)considered
    (None: every undated article). Returns how many articles changed; the
    stories they were in are left unlinked for the caller's relink. A bug
    on one article keeps it as it was and is told to ``on_failure`` (one
    line; the article is stored, so it is no failure of the build).

    Costs one query when every article has a date of its own."""
    # imported here: a re-build with nothing new never needs them
    from .link.corpus_dating import CORPUS_EVIDENCE_PATTERN, DatedReports, corpus_hints

    if not store.has_undated(CORPUS_EVIDENCE_PATTERN):
        return 0
    reports, changed, nlp = DatedReports(store), 0, None
    for chunk in batches(_undated_in_scope(store, scope), CORPUS_CHUNK):
        # the candidates are undated or corpus-dated, so a date means the corpus's
        corpus_dated = {aid for aid, value in store.published_of(chunk).items() if value is not None}
        mentions: dict[str, list] = {}
        for m in store.records_of_articles(EventMention, "mentions", sorted(set(chunk) - corpus_dated)):
            mentions.setdefault(m.article_id, []).append(m)
        # an article never dated: its stored mentions are those of its undated
        # text, so one without hints needs no parse; a corpus-dated one is
        # parsed again undated (its stored mentions hang on the old date)
        stored_hints = {
            aid: corpus_hints(mentions.get(aid, ()), reports, settings.link_threshold)
            for aid in chunk
            if aid not in corpus_dated
        }
        todo = [aid for aid in chunk if aid in corpus_dated or stored_hints[aid]]
        if not todo:
            continue
        nlp = nlp or load_pipeline(settings.model)
        stored = {a.id: a for a in store.articles_by_ids(todo)}
        redone = []
        for article, doc in annotate(
            (_without_corpus_date(stored[aid]) for aid in todo), nlp, batch_size=settings.batch_size
        ):
            try:
                analysis = _analyse_with_corpus(article, doc, settings, reports, stored_hints.get(article.id))
            except StorylineError:
                raise
            except Exception as exc:  # a bug on one article keeps it as it was; it must not stop the build
                if on_failure:
                    on_failure(
                        Failure(
                            article.source,
                            "date from corpus",
                            f"not dated from the corpus, kept as it was ({type(exc).__name__}: {exc})",
                        )
                    )
                continue
            if analysis.article.published != stored[article.id].published:
                redone.append(analysis)
        store.replace_analyses(redone)
        changed += len(redone)
    return changed


#: Undated articles looked at (their mentions held) at once by the corpus pass.
CORPUS_CHUNK = 500


def _analyse_with_corpus(article: Article, doc, settings: Settings, reports, hints=None) -> ArticleAnalysis:
    """``analyse`` an undated article, with the hints the corpus's dated
    reports (``link.corpus_dating.DatedReports``) of the happenings its own
    analysis finds give it. ``hints``, when given, are those of the
    article's stored mentions: an article never dated was stored with the
    analysis of its undated text, so analysing it plain again would only
    find the same mentions, and the same hints, a second time."""
    from .link.corpus_dating import corpus_hints

    if hints:
        return analyse(article, doc, settings, corpus_hints=hints)
    plain = analyse(article, doc, settings)
    if plain.article.published is not None and plain.article.published.is_known:
        return plain
    hints = corpus_hints(plain.mentions, reports, settings.link_threshold)
    return analyse(article, doc, settings, corpus_hints=hints) if hints else plain


def _without_corpus_date(article: Article) -> Article:
    from .time.dating import is_corpus_inferred

    return dataclasses.replace(article, published=None) if is_corpus_inferred(article.published) else article


def _undated_in_scope(store: Store, scope: Sequence[str] | None) -> list[str]:
    """Articles without a date of their own to (re)consider: the new ones,
    and those reporting an act by or against a party some new dated report
    names (only those can gain or lose hints)."""
    from .link.corpus_dating import CORPUS_EVIDENCE_PATTERN as like, signatures

    if scope is None:
        return store.undated_article_ids(like)
    chosen = set(store.undated_article_ids(like, scope))
    new_rows = [r for r in store.mention_rows(scope) if r[1] not in chosen]
    wanted = signatures(new_rows)
    if wanted:
        for row in store.undated_mention_rows(sorted({t for t, _ in wanted}), like):
            if signatures([row]) & wanted:
                chosen.add(row[1])
    return sorted(chosen)


def cleaned_articles(raws: Iterable[RawDocument | Failure], on_failure: Callable[[Failure], None]) -> Iterator[Article]:
    for raw in raws:
        if isinstance(raw, Failure):
            on_failure(raw)
            continue
        try:
            yield clean(raw)
        except InputError as exc:
            on_failure(Failure(raw.source, "clean", exc.message))


def analyse_stream(
    articles: Iterable[Article], settings: Settings, on_failure: Callable[[Failure], None]
) -> Iterator[ArticleAnalysis]:
    """Annotate and analyse articles; one article's bug becomes its failure.

    Shared by the local engine and the Ray workers, so both run the same code.
    """
    articles = iter(articles)
    first = next(articles, None)
    if first is None:
        # nothing new (a re-build of an unchanged corpus): loading the model
        # would cost more than the whole re-build
        return
    nlp = load_pipeline(settings.model)
    docs = annotate(chain([first], articles), nlp, batch_size=settings.batch_size, n_process=settings.n_process)
    for article, doc in docs:
        try:
            yield analyse(article, doc, settings)
        except StorylineError:
            raise
        except Exception as exc:  # a bug on one article must not cost the others
            on_failure(Failure(article.source, "analyse", f"{type(exc).__name__}: {exc}"))


ENGINES = ("local", "ray")

#: Cleaned articles checked against the database in one query.
LOOKUP_CHUNK = 64

#: A write batch is written once this many seconds have passed since its first article was ready.
WRITE_SECONDS = 5.0


def build(
    paths: Sequence[str],
    db: str,
    settings: Settings = Settings(),
    fmt: str = "auto",
    stdin: BinaryIO | None = None,
    progress: Callable[[BuildReport], None] | None = None,
    on_failure: Callable[[Failure], None] | None = None,
    engine: str = "local",
    address: str | None = None,
    on_warning: Callable[[str, str], None] | None = None,
) -> BuildReport:
    """Build (or extend) the database at ``db`` from ``paths``.

    ``engine="ray"`` runs ingest through events on a Ray cluster (local, or
    the one at ``address``); loading, de-duplication and linking stay here,
    so both engines give the same database for the same inputs.
    ``on_warning(source, warning)`` hears of each new article that was
    built with a repair (its ``warnings``, also stored with it).
    """
    if engine not in ENGINES:
        raise UsageError(f"unknown engine {engine!r}; use one of {', '.join(ENGINES)}")
    if engine == "ray" and "-" in paths:
        raise UsageError("--engine ray reads files and folders, not standard input (-)")
    report = BuildReport()
    # A build's queries are small (a batch of rows, a story's mentions) and
    # gain nothing from DuckDB's parallelism, while its worker threads, run
    # beside the parse, cost 1-2 s of CPU per 1,000 articles; the parse and
    # spaCy's own workers (n_process) are what should have the cores.
    with fewer_collections(), Store(db, threads=1) as store:
        report.run_id = store.start_run(paths, settings)

        def fail(failure: Failure) -> None:
            if settings.error_policy == "raise":
                raise InputError(f"{failure.source}: {failure.reason}")
            report.failures.append(failure)
            if settings.error_policy == "record":
                store.record_failure(failure, report.run_id)
            if on_failure:
                on_failure(failure)

        dating_stale = store.dating_dirty()
        gate = NewArticles(store, report)
        if engine == "ray":
            from .distributed import ray_analyses

            items = ray_analyses(paths, fmt, settings, store.known_article_ids(), address)
            analyses = _unpack_remote(items, fail, report, gate.admit_one)
        else:
            raws = read_inputs(paths, fmt=fmt, max_bytes=settings.max_bytes, stdin=stdin)
            analyses = analyse_stream(gate.admit(cleaned_articles(raws, fail)), settings, fail)

        # each write is one transaction: hundreds of articles cost DuckDB
        # less per article than a parse batch's worth, and the time bound
        # keeps progress moving and a crash's loss small on a slow stream
        for batch in batches_within(analyses, settings.write_batch_size, WRITE_SECONDS):
            report.articles_new += store.write_analyses(batch)
            gate.wrote(a.article.id for a in batch)
            if on_warning:
                for analysis in batch:
                    for warning in analysis.article.warnings:
                        on_warning(analysis.article.source, warning)
            if progress:
                progress(report)

        # the pass after linking looks at the articles new to this build (a
        # build killed before its pass, the flag still set when this one
        # started, leaves no record of what was new: then at all of them)
        scope = None
        if not dating_stale and store.dating_dirty():
            from .link.corpus_dating import CORPUS_EVIDENCE_PATTERN

            if store.has_undated(CORPUS_EVIDENCE_PATTERN):
                scope = store.unlinked_article_ids()
        if store.needs_linking():
            started = perf_counter()
            report.stories_relinked = relink(store, settings)
            report.link_seconds = perf_counter() - started
            report.linked = True
        if store.dating_dirty():
            started = perf_counter()
            report.dated_from_corpus = date_from_corpus(store, settings, scope, on_failure)
            if report.dated_from_corpus:
                report.stories_relinked += relink(store, settings)
            store.set_dating_dirty(False)
            report.link_seconds += perf_counter() - started
        report.events = store.counts()["events"]
        store.finish_run(report.run_id, report.articles_new, report.articles_seen, len(report.failures))
    return report


#: Allocations between two runs of the garbage collector's youngest generation
#: while a build runs (Python's default: 700).
GC_YOUNG = 20_000


@contextmanager
def fewer_collections(young: int = GC_YOUNG) -> Iterator[None]:
    """Python's cyclic garbage collector run less often, then as before.

    A build allocates millions of short-lived objects (tokens, spans,
    records) that reference counting frees, yet every 700 allocations the
    collector walked the young objects, and now and then all the long-lived
    ones (the models and the knowledge bases): about 0.3 s of CPU per 300
    articles, a twentieth of the build's own work. What is garbage and when
    it is freed by reference counting does not change."""
    old = gc.get_threshold()
    if old[0] == 0:  # collection switched off by the caller: left so
        yield
        return
    gc.set_threshold(max(old[0], young), *old[1:])
    try:
        yield
    finally:
        gc.set_threshold(*old)


class NewArticles:
    """Which cleaned articles are new, to the database and to this run.

    Identical cleaned text is one article, whichever file it came from. The
    store answers for what is written (each batch is committed before more
    articles are read); ``in_flight`` answers for articles admitted but not
    yet written, so memory stays as small as the batches in flight, however
    large the corpus.
    """

    def __init__(self, store: Store, report: BuildReport):
        self.store, self.report = store, report
        self.in_flight: set[str] = set()

    def admit(self, articles: Iterable[Article]) -> Iterator[Article]:
        """The new ones among ``articles``, asking the store once per chunk
        (per article, the look-ups were a third of a re-build's time). The
        whole chunk is decided right after its look-up, before anything more
        is written, so the look-up cannot be stale."""
        for chunk in batches(articles, LOOKUP_CHUNK):
            stored = self.store.stored_among([a.id for a in chunk])
            new = [a for a in chunk if self._admit(a.id, a.id in stored)]
            self.store.clear_failures(*(a.source for a in new))
            yield from new

    def admit_one(self, article: Article) -> bool:
        """For results that arrive one at a time (the Ray engine)."""
        new = self._admit(article.id, article.id not in self.in_flight and self.store.has_article(article.id))
        if new:
            self.store.clear_failures(article.source)
        return new

    def wrote(self, ids: Iterable[str]) -> None:
        self.in_flight.difference_update(ids)

    def _admit(self, article_id: str, stored: bool) -> bool:
        if stored or article_id in self.in_flight:
            self.report.articles_seen += 1
            return False
        self.in_flight.add(article_id)
        return True


def _unpack_remote(items, fail, report: BuildReport, is_new) -> Iterator[ArticleAnalysis]:
    """Results from remote workers: failures recorded, already-stored articles
    counted, duplicates within the run dropped, in the local engine's order."""
    for item in items:
        if isinstance(item, Failure):
            fail(item)
        elif isinstance(item, str):  # id of an article the database already holds
            report.articles_seen += 1
        elif is_new(item.article):
            yield item
