"""Store: one DuckDB file holding articles, mentions, events and the rest.

Writes happen in transactions (one per batch of articles, one for the
linking results), so a crash loses at most the batch in flight and the file
always opens. Ids are content hashes, so writing the same records again
changes nothing.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone
from importlib import resources
from pathlib import Path
from typing import Iterable, Iterator, Sequence

import duckdb

from . import __version__
from .errors import DatabaseError, NotFoundError
from .models import (
    Article,
    ArticleAnalysis,
    Contradiction,
    Event,
    EventMention,
    Failure,
    LinkResult,
    Statement,
    Storyline,
    TimeValue,
)
from .serialize import dumps, loads, to_jsonable

SCHEMA_VERSION = "1"

#: Mention records kept decoded by an open store, at most (a few KB each).
DECODED_MENTIONS = 20_000


def _schema_sql() -> str:
    return resources.files("storyline").joinpath("schema.sql").read_text(encoding="utf-8")


def _date_columns(tv: TimeValue | None) -> tuple:
    if tv is None:
        return (None, None, None)
    return (tv.value, tv.earliest, tv.latest)


def _actors_json(actors) -> str:
    return dumps([{"name": a.name, "country": a.country, "sector": a.sector} for a in actors])


def _rows_relation(rows: list[dict]) -> tuple[str, list]:
    """``rows`` (dicts with the keys of the first) as a subquery and its
    parameters: one list per column, unnested side by side. Registering an
    Arrow table instead made pyarrow import pandas, about half a second of
    CPU per build, and building the table cost more than these lists do."""
    names = list(rows[0])
    columns = ", ".join(f'unnest(?) AS "{name}"' for name in names)
    return f"(SELECT {columns})", [[row[name] for row in rows] for name in names]


#: What linking writes: forgetting links empties these (``Store._delete_links``).
_LINK_TABLES = (
    "events",
    "storylines",
    "contradictions",
    "article_stories",
    "story_keys",
    "mention_stories",
    "story_key_owners",
)


class Store:
    """A storyline database. Use as a context manager, or call ``close()``."""

    def __init__(self, path: str | Path, read_only: bool = False, threads: int | None = None):
        """``threads`` caps DuckDB's worker threads (None: DuckDB's default,
        one per core)."""
        self.path = str(path)
        if read_only and not Path(self.path).is_file():
            raise NotFoundError(
                f"database {self.path} does not exist; create it with `storyline build PATH --db {self.path}`"
            )
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as exc:
            reason = str(exc).splitlines()[0]
            if "not a valid DuckDB database" in reason:
                # never overwritten: it may be someone's file, given by mistake
                reason = "the file exists but is not a DuckDB database; give --db a new path, or move the file away"
            raise DatabaseError(f"cannot open database {self.path}: {reason}") from None
        if threads is not None:
            self.con.execute(f"SET threads TO {int(threads)}")
        # stored mention text -> its record: one build reads each new mention
        # two or three times (story keys, linking, dating from the corpus), and
        # decoding was a tenth of linking. Records are immutable, so one can be shared.
        self._decoded_mentions: dict[str, EventMention] = {}
        if not read_only:
            # One transaction, so a build killed while creating the schema
            # leaves either all tables or none.
            with self.transaction():
                self.con.execute(_schema_sql())
            self.con.execute(
                "INSERT OR IGNORE INTO meta VALUES ('schema_version', ?), ('created_by', ?)",
                [SCHEMA_VERSION, f"storyline {__version__}"],
            )
        elif not self._has_table("articles"):
            raise DatabaseError(f"{self.path} is not a storyline database (no articles table)")

    # -- lifecycle -------------------------------------------------------------

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    def _has_table(self, name: str) -> bool:
        return bool(
            self.con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [name]).fetchone()[
                0
            ]
        )

    def transaction(self):
        return _Transaction(self.con)

    # -- runs and failures -------------------------------------------------------

    def start_run(self, inputs: Sequence[str], settings: object) -> str:
        run_id = f"run_{uuid.uuid4().hex[:12]}"
        self.con.execute(
            "INSERT INTO runs (id, started, inputs, settings, version) VALUES (?, ?, ?, ?, ?)",
            [run_id, _now(), json.dumps(list(inputs)), dumps(settings), __version__],
        )
        return run_id

    def finish_run(self, run_id: str, articles_new: int, articles_seen: int, failures: int) -> None:
        self.con.execute(
            "UPDATE runs SET finished = ?, articles_new = ?, articles_seen = ?, failures = ? WHERE id = ?",
            [_now(), articles_new, articles_seen, failures, run_id],
        )

    def record_failure(self, failure: Failure, run_id: str) -> None:
        # The first run that saw a failure keeps it; re-running changes nothing.
        self.con.execute(
            "INSERT OR IGNORE INTO failures VALUES (?, ?, ?, ?)",
            [failure.source, failure.stage, failure.reason, run_id],
        )

    def clear_failures(self, *sources: str) -> None:
        """Forget the failures of inputs that are now built."""
        if sources:
            self._in("DELETE FROM failures WHERE source IN (SELECT id FROM _ids)", sources)

    def failures(self) -> list[Failure]:
        rows = self.con.execute("SELECT source, stage, reason FROM failures ORDER BY source").fetchall()
        return [Failure(*row) for row in rows]

    # -- articles and their analyses -------------------------------------------

    def has_article(self, article_id: str) -> bool:
        return self.con.execute("SELECT 1 FROM articles WHERE id = ?", [article_id]).fetchone() is not None

    def stored_among(self, ids: Sequence[str]) -> set[str]:
        """Which of ``ids`` the database holds, in one query."""
        return (
            {r[0] for r in self._in("SELECT id FROM articles WHERE id IN (SELECT id FROM _ids)", ids)} if ids else set()
        )

    def known_article_ids(self) -> set[str]:
        return {row[0] for row in self.con.execute("SELECT id FROM articles").fetchall()}

    def write_analyses(self, analyses: Iterable[ArticleAnalysis]) -> int:
        """Write a batch in one transaction; returns how many were new.

        Each table gets one bulk insert per batch: row by row through
        ``executemany``, DuckDB spent a third of a second per article.
        """
        batch = {a.article.id: a for a in analyses}
        with self.transaction():
            known = (
                {
                    row[0]
                    for row in self.con.execute(
                        "SELECT id FROM articles WHERE list_contains(?, id)", [list(batch)]
                    ).fetchall()
                }
                if batch
                else set()
            )
            fresh = [a for key, a in batch.items() if key not in known]
            for table, rows in _analysis_rows(fresh).items():
                self._bulk_insert(table, rows)
            if fresh:
                self._set_links_dirty(True)
                self.set_dating_dirty(True)
        return len(fresh)

    def _bulk_update(self, sql: str, rows: list[dict]) -> None:
        """An UPDATE joined to ``rows`` as ``_batch`` (one statement, not one per row)."""
        if not rows:
            return
        batch, params = _rows_relation(rows)
        self.con.execute(sql.replace("_batch", batch, 1), params)

    def _bulk_insert(self, table: str, rows: list[dict]) -> None:
        if not rows:
            return
        batch, params = _rows_relation(rows)
        self.con.execute(f"INSERT OR IGNORE INTO {table} BY NAME SELECT * FROM {batch}", params)

    def replace_analyses(self, analyses: Sequence[ArticleAnalysis]) -> None:
        """Swap in new analyses of stored articles (one dated from the
        corpus, re-analysed at its new date), in one transaction. The
        stories they were linked in are taken apart: their events go, and
        all their members become unlinked, so the next relink links them
        from their new records (a build killed before that relinks them
        the next time, as it does for new articles)."""
        ids = sorted({a.article.id for a in analyses})
        if not ids:
            return
        with self.transaction():
            stories = [
                r[0]
                for r in self._in(
                    "SELECT DISTINCT story_id FROM mention_stories WHERE article_id IN (SELECT id FROM _ids)", ids
                )
            ]
            in_stories = self.story_mentions(stories)
            members = sorted(set(ids) | {aid for pairs in in_stories.values() for _, aid in pairs})
            self._in("DELETE FROM events WHERE story_id IN (SELECT id FROM _ids)", stories)
            self._in("DELETE FROM contradictions WHERE story_id IN (SELECT id FROM _ids)", stories)
            self._in("DELETE FROM mention_stories WHERE story_id IN (SELECT id FROM _ids)", stories)
            self._in("DELETE FROM story_key_owners WHERE story_id IN (SELECT id FROM _ids)", stories)
            self._in(
                "UPDATE mentions SET event_id = NULL WHERE id IN (SELECT id FROM _ids)",
                [mid for pairs in in_stories.values() for mid, _ in pairs],
            )
            self._in("DELETE FROM article_stories WHERE article_id IN (SELECT id FROM _ids)", members)
            for table in ("story_keys", "removed_spans", "timexes", "mentions", "statements"):
                self._in(f"DELETE FROM {table} WHERE article_id IN (SELECT id FROM _ids)", ids)
            self._in("DELETE FROM articles WHERE id IN (SELECT id FROM _ids)", ids)
            for table, rows in _analysis_rows(list({a.article.id: a for a in analyses}.values())).items():
                self._bulk_insert(table, rows)
            self._set_links_dirty(True)

    # -- dating from the corpus ------------------------------------------------

    def _undated_sql(self, alias: str = "") -> str:
        p = f"{alias}." if alias else ""
        return (
            f"({p}published_value IS NULL OR ({p}published_basis = 'inferred' "
            f"AND regexp_matches({p}published_evidence, ?)))"
        )

    def has_undated(self, corpus_pattern: str) -> bool:
        """Whether any article has no date of its own (none, or one from the corpus)."""
        return (
            self.con.execute(f"SELECT 1 FROM articles WHERE {self._undated_sql()} LIMIT 1", [corpus_pattern]).fetchone()
            is not None
        )

    def undated_article_ids(self, corpus_pattern: str, among: Sequence[str] | None = None) -> list[str]:
        if among is None:
            return [
                r[0]
                for r in self.con.execute(
                    f"SELECT id FROM articles WHERE {self._undated_sql()} ORDER BY id", [corpus_pattern]
                ).fetchall()
            ]
        if not among:
            return []
        return [
            r[0]
            for r in self.con.execute(
                f"WITH _ids AS (SELECT unnest(?::VARCHAR[]) AS id) SELECT id FROM articles "
                f"WHERE id IN (SELECT id FROM _ids) AND {self._undated_sql()} ORDER BY id",
                [sorted(set(among)), corpus_pattern],
            ).fetchall()
        ]

    def mention_rows(self, article_ids: Sequence[str]) -> list[tuple]:
        """(id, article id, type, sources, targets) of the articles' mentions."""
        return self._in(
            "SELECT id, article_id, type, sources, targets FROM mentions "
            "WHERE article_id IN (SELECT id FROM _ids) ORDER BY id",
            article_ids,
        )

    def undated_mention_rows(self, types: Sequence[str], corpus_pattern: str) -> list[tuple]:
        """Mention rows of the given types in articles without a date of their own."""
        if not types:
            return []
        return self.con.execute(
            "SELECT m.id, m.article_id, m.type, m.sources, m.targets FROM mentions m JOIN articles a "
            f"ON a.id = m.article_id WHERE list_contains(?, m.type) AND {self._undated_sql('a')} ORDER BY m.id",
            [list(types), corpus_pattern],
        ).fetchall()

    def dated_mention_rows(
        self, types: Sequence[str], corpus_pattern: str, modalities: Sequence[str], lead_chars: int, max_span_days: int
    ) -> list[tuple]:
        """Rows of the mentions that can date a report of the same happening
        (``link.corpus_dating``): of the given types and modalities, in
        articles with a date of their own, dated precisely or in the lead."""
        if not types:
            return []
        return self.con.execute(
            "SELECT m.id, m.article_id, m.type, m.sources, m.targets FROM mentions m JOIN articles a "
            "ON a.id = m.article_id WHERE list_contains(?, m.type) AND list_contains(?, m.modality) "
            "AND (m.sentence_start < ? OR date_diff('day', m.date_earliest, m.date_latest) <= ?) "
            f"AND a.published_value IS NOT NULL AND NOT {self._undated_sql('a')} ORDER BY m.id",
            [list(types), list(modalities), lead_chars, max_span_days, corpus_pattern],
        ).fetchall()

    def titles_of(self, ids: Sequence[str]) -> dict[str, str | None]:
        return dict(self._in("SELECT id, title FROM articles WHERE id IN (SELECT id FROM _ids)", ids)) if ids else {}

    def dating_dirty(self) -> bool:
        """Set with new articles, cleared once the corpus has dated what it
        can. A file made before dating from the corpus existed has no flag:
        its next build looks at all its undated articles once."""
        row = self.con.execute("SELECT value FROM meta WHERE key = 'dating_dirty'").fetchone()
        return row is None or row[0] == "1"

    def set_dating_dirty(self, dirty: bool) -> None:
        self.con.execute("INSERT OR REPLACE INTO meta VALUES ('dating_dirty', ?)", ["1" if dirty else "0"])

    # Set in the transaction that adds articles and cleared in the one that
    # replaces the links, so a build killed in between relinks next time.
    def links_dirty(self) -> bool:
        row = self.con.execute("SELECT value FROM meta WHERE key = 'links_dirty'").fetchone()
        return row is not None and row[0] == "1"

    def _set_links_dirty(self, dirty: bool) -> None:
        self.con.execute("INSERT OR REPLACE INTO meta VALUES ('links_dirty', ?)", ["1" if dirty else "0"])

    def articles(self) -> list[Article]:
        rows = self.con.execute("SELECT record FROM articles ORDER BY id").fetchall()
        return [loads(Article, r[0]) for r in rows]

    def article(self, article_id: str) -> Article:
        row = self.con.execute("SELECT record FROM articles WHERE id = ?", [article_id]).fetchone()
        if row is None:
            raise NotFoundError(f"no article with id {article_id} in {self.path}")
        return loads(Article, row[0])

    def mentions(self, ids: Sequence[str] | None = None) -> list[EventMention]:
        return self._records(EventMention, "mentions", ids)

    def statements(self) -> list[Statement]:
        return self._records(Statement, "statements", None)

    def _records(self, kind, table: str, ids: Sequence[str] | None):
        if ids is None:
            rows = self.con.execute(f"SELECT record FROM {table} ORDER BY id").fetchall()
        else:  # a hash join: list_contains scanned the whole list for every row
            rows = self._in(f"SELECT record FROM {table} WHERE id IN (SELECT id FROM _ids) ORDER BY id", ids)
        if kind is EventMention:
            return [self._mention(r[0]) for r in rows]
        return [loads(kind, r[0]) for r in rows]

    # -- linking, story by story -------------------------------------------------
    #
    # An article is linked once it has a row in article_stories; the rows are
    # written in the same transaction as the story's events, so a build
    # killed before that commit leaves its articles unlinked, and the next
    # build links them (links_dirty says there is something to do).

    def _in(self, sql: str, ids: Iterable[str]) -> list[tuple]:
        """Run ``sql`` with the table ``_ids`` holding ``ids``. DuckDB joins
        it by hash; ``list_contains`` over a parameter would scan the whole
        list for every row, which is quadratic when relinking a corpus. The
        ids travel as one list parameter rather than a registered Arrow
        table: registering imports pandas, a quarter of a second that a
        re-build of an unchanged corpus would otherwise spend on nothing."""
        return self.con.execute(
            f"WITH _ids AS (SELECT unnest(?::VARCHAR[]) AS id) {sql}", [sorted(set(ids))]
        ).fetchall()

    def needs_linking(self) -> bool:
        if self.links_dirty() or self.links_outdated():
            return True
        # a file linked before stories existed: events without a story
        return self.con.execute("SELECT 1 FROM events WHERE story_id IS NULL LIMIT 1").fetchone() is not None

    def links_outdated(self) -> bool:
        """Linked when stories were sets of articles (article_stories rows
        with a story): such a file relinks once, fully."""
        return (
            self.con.execute("SELECT 1 FROM article_stories WHERE story_id IS NOT NULL LIMIT 1").fetchone() is not None
        )

    def _delete_links(self) -> None:
        """Every link and story record gone, mentions tied to no event (inside
        the caller's transaction)."""
        for table in _LINK_TABLES:
            self.con.execute(f"DELETE FROM {table}")
        self.con.execute("UPDATE mentions SET event_id = NULL")

    def clear_links(self) -> None:
        """Forget every link (events, storylines, contradictions, stories), so
        the next relink links every article. One transaction: killed, it
        leaves the links as they were."""
        with self.transaction():
            self._delete_links()
            self._set_links_dirty(True)

    def unlinked_article_ids(self) -> list[str]:
        return [
            r[0]
            for r in self.con.execute(
                "SELECT id FROM articles ANTI JOIN article_stories ON articles.id = article_stories.article_id "
                "ORDER BY id"
            ).fetchall()
        ]

    def stories_with_keys(self, keys: Sequence[str]) -> list[tuple[str, str]]:
        """(key, story id) for each of ``keys`` a stored story holds."""
        if not keys:
            return []
        return self._in(
            "SELECT key, story_id FROM story_key_owners WHERE key IN (SELECT id FROM _ids) ORDER BY 1, 2", keys
        )

    def story_mentions(self, story_ids: Sequence[str]) -> dict[str, list[tuple[str, str]]]:
        """Story id -> its (mention id, article id) pairs, by mention id."""
        out: dict[str, list[tuple[str, str]]] = {}
        if story_ids:
            for mid, aid, sid in self._in(
                "SELECT mention_id, article_id, story_id FROM mention_stories "
                "WHERE story_id IN (SELECT id FROM _ids) ORDER BY mention_id",
                story_ids,
            ):
                out.setdefault(sid, []).append((mid, aid))
        return out

    def mentions_by_ids(self, ids: Sequence[str]) -> list[EventMention]:
        rows = self._in("SELECT record FROM mentions WHERE id IN (SELECT id FROM _ids) ORDER BY id", ids)
        return [self._mention(r[0]) for r in rows]

    def _mention(self, text: str) -> EventMention:
        """``loads(EventMention, text)``, decoded once per text while this store is open."""
        record = self._decoded_mentions.get(text)
        if record is None:
            if len(self._decoded_mentions) >= DECODED_MENTIONS:
                self._decoded_mentions.clear()  # memory stays bounded on a corpus of any size
            record = self._decoded_mentions[text] = loads(EventMention, text)
        return record

    def articles_by_ids(self, ids: Sequence[str]) -> list[Article]:
        rows = self._in("SELECT record FROM articles WHERE id IN (SELECT id FROM _ids) ORDER BY id", ids)
        return [loads(Article, r[0]) for r in rows]

    def published_of(self, ids: Sequence[str]) -> dict[str, TimeValue | None]:
        """Publication date of each article, from its columns alone (what
        story keys need, without loading records and texts)."""
        rows = self._in(
            "SELECT id, published_value, published_earliest, published_latest FROM articles "
            "WHERE id IN (SELECT id FROM _ids)",
            ids,
        )
        return {
            aid: TimeValue(value, earliest, latest) if value is not None else None
            for aid, value, earliest, latest in rows
        }

    def records_of_articles(self, kind, table: str, article_ids: Sequence[str]) -> list:
        rows = self._in(
            f"SELECT record FROM {table} WHERE article_id IN (SELECT id FROM _ids) ORDER BY id", article_ids
        )
        if kind is EventMention:
            return [self._mention(r[0]) for r in rows]
        return [loads(kind, r[0]) for r in rows]

    def kept_events(self, touched_stories: Sequence[str]) -> list[tuple[str, str, str, dict | None, str | None]]:
        """What episodes and storylines need of the events linking keeps:
        (id, story root, date key, episode item, storyline id) — a few short
        columns per event, never a record or a text."""
        rows = self._in(
            "SELECT id, story_root, coalesce(strftime(date_earliest, '%Y-%m-%d'), '9999'), episode, storyline_id "
            "FROM events WHERE story_id IS NOT NULL AND story_id NOT IN (SELECT id FROM _ids) ORDER BY id",
            touched_stories,
        )
        return [(i, root, day, json.loads(ep) if ep else None, sl) for i, root, day, ep, sl in rows]

    def events_by_ids(self, ids: Sequence[str]) -> list[Event]:
        rows = self._in("SELECT record FROM events WHERE id IN (SELECT id FROM _ids) ORDER BY id", ids)
        return [loads(Event, r[0]) for r in rows]

    def storyline_ids(self) -> set[str]:
        return {r[0] for r in self.con.execute("SELECT id FROM storylines").fetchall()}

    def replace_links(self, result: LinkResult) -> None:
        """Swap in a whole ``link()`` result at once (tests and tools that
        link in memory). It records no stories, so the next build relinks
        every article story by story."""
        with self.transaction():
            self._delete_links()
            self._bulk_insert("events", [_event_row(e) for e in result.events])
            self._bulk_update(
                "UPDATE mentions SET event_id = b.event_id FROM _batch b WHERE mentions.id = b.id",
                [{"id": m, "event_id": e.id} for e in result.events for m in e.mention_ids],
            )
            self._bulk_insert("storylines", [_storyline_row(s) for s in result.storylines])
            self._bulk_insert(
                "contradictions",
                [{"id": c.id, "first": c.first, "second": c.second, "why": c.why} for c in result.contradictions],
            )
            self._set_links_dirty(False)

    def replace_story_links(self, update: "StoryUpdate") -> None:
        """Swap in the links of the stories a build touched, in one transaction."""
        with self.transaction():
            old = list(update.old_stories)
            members = [mid for pairs in update.members.values() for mid, _ in pairs]
            self._in("DELETE FROM events WHERE story_id IS NULL OR story_id IN (SELECT id FROM _ids)", old)
            self._in("DELETE FROM contradictions WHERE story_id IS NULL OR story_id IN (SELECT id FROM _ids)", old)
            self._in("UPDATE mentions SET event_id = NULL WHERE id IN (SELECT id FROM _ids)", members)
            self._bulk_insert(
                "events",
                [
                    _event_row(e)
                    | {
                        "story_id": update.story_of_event[e.id],
                        "story_root": update.roots[e.id],
                        "episode": json.dumps(update.items[e.id]) if e.id in update.items else None,
                    }
                    for e in update.events
                ],
            )
            self._bulk_update(
                "UPDATE mentions SET event_id = b.event_id FROM _batch b WHERE mentions.id = b.id",
                [{"id": m, "event_id": e.id} for e in update.events for m in e.mention_ids],
            )
            self._bulk_update(
                "UPDATE events SET storyline_id = b.storyline_id, record = b.record FROM _batch b "
                "WHERE events.id = b.id",
                [{"id": e.id, "storyline_id": e.storyline, "record": dumps(e)} for e in update.moved],
            )
            self._in("DELETE FROM storylines WHERE id IN (SELECT id FROM _ids)", update.storylines_gone)
            self._bulk_insert("storylines", [_storyline_row(s) for s in update.storylines_new])
            self._bulk_insert(
                "contradictions",
                [
                    {"id": c.id, "first": c.first, "second": c.second, "why": c.why, "story_id": sid}
                    for sid, c in update.contradictions
                ],
            )
            self._in("DELETE FROM mention_stories WHERE story_id IN (SELECT id FROM _ids)", old)
            self._in("DELETE FROM story_key_owners WHERE story_id IN (SELECT id FROM _ids)", old)
            self._bulk_insert(
                "mention_stories",
                [
                    {"mention_id": mid, "story_id": sid, "article_id": aid}
                    for sid, pairs in update.members.items()
                    for mid, aid in pairs
                ],
            )
            self._bulk_insert("story_key_owners", [{"key": k, "story_id": sid} for sid, k in update.keys])
            self._bulk_insert("article_stories", [{"article_id": aid, "story_id": None} for aid in update.linked])
            self._set_links_dirty(False)

    def events(self) -> list[Event]:
        rows = self.con.execute("SELECT record FROM events ORDER BY date_earliest NULLS LAST, id").fetchall()
        return [loads(Event, r[0]) for r in rows]

    def event(self, event_id: str) -> Event:
        row = self.con.execute("SELECT record FROM events WHERE id = ?", [event_id]).fetchone()
        if row is None:
            raise NotFoundError(
                f"no event with id {event_id} in {self.path}; list ids with `storyline timeline --format json`"
            )
        return loads(Event, row[0])

    def storylines(self) -> list[Storyline]:
        rows = self.con.execute("SELECT record FROM storylines ORDER BY id").fetchall()
        return [loads(Storyline, r[0]) for r in rows]

    def contradictions(self) -> list[Contradiction]:
        rows = self.con.execute("SELECT id, first, second, why FROM contradictions ORDER BY id").fetchall()
        return [Contradiction(*r) for r in rows]

    def counts(self) -> dict[str, int]:
        tables = (
            "articles",
            "removed_spans",
            "timexes",
            "mentions",
            "statements",
            "events",
            "storylines",
            "contradictions",
            "failures",
            "runs",
        )
        return {t: self.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}

    def iter_rows(self, sql: str, params: Sequence = ()) -> Iterator[tuple]:
        yield from self.con.execute(sql, list(params)).fetchall()


def _event_row(e: Event) -> dict:
    value, earliest, latest = _date_columns(e.time)
    return {
        "id": e.id,
        "type": e.type,
        "cameo": e.cameo,
        "modality": e.modality,
        "date_value": value,
        "date_earliest": earliest,
        "date_latest": latest,
        "sources": _actors_json(e.sources),
        "targets": _actors_json(e.targets),
        "summary": e.summary,
        "source_count": e.source_count,
        "storyline_id": e.storyline,
        "record": dumps(e),
    }


def _storyline_row(s: Storyline) -> dict:
    return {
        "id": s.id,
        "label": s.label,
        "events": json.dumps(list(s.event_ids)),
        "episodes": json.dumps([list(ep) for ep in s.episodes]),
        "record": dumps(s),
    }


@dataclass
class StoryUpdate:
    """Everything one relink changes: the stories replaced (``old_stories``)
    and, for their successors, members, events, contradictions and keys;
    storylines added and gone; kept events whose storyline changed."""

    old_stories: Sequence[str] = ()
    members: dict = field(default_factory=dict)  # new story id -> (mention id, article id) pairs
    events: Sequence[Event] = ()
    story_of_event: dict = field(default_factory=dict)
    roots: dict = field(default_factory=dict)
    items: dict = field(default_factory=dict)  # event id -> its episode column (JSON)
    contradictions: Sequence[tuple[str, Contradiction]] = ()
    keys: Sequence[tuple[str, str]] = ()  # (story id, story key)
    linked: Sequence[str] = ()  # articles linked for the first time
    moved: Sequence[Event] = ()
    storylines_new: Sequence[Storyline] = ()
    storylines_gone: Sequence[str] = ()


def _analysis_rows(analyses: Sequence[ArticleAnalysis]) -> dict[str, list[dict]]:
    """The rows of every table for a batch of analyses, keyed by table."""
    rows: dict[str, list[dict]] = {t: [] for t in ("articles", "removed_spans", "timexes", "mentions", "statements")}
    for analysis in analyses:
        a, pub = analysis.article, analysis.article.published
        value, earliest, latest = _date_columns(pub)
        rows["articles"].append(
            {
                "id": a.id,
                "source": a.source,
                "format": a.format,
                "title": a.title,
                "publisher": a.publisher,
                "url": a.url,
                "published_value": value,
                "published_earliest": earliest,
                "published_latest": latest,
                "published_basis": pub.basis if pub else "unknown",
                "published_evidence": json.dumps(list(pub.evidence) if pub else []),
                "text": a.text,
                "record": dumps(a),
            }
        )
        rows["removed_spans"] += [
            {"article_id": a.id, "start": r.start, "end": r.end, "reason": r.reason, "text": r.text} for r in a.removed
        ]
        rows["timexes"] += [
            {
                "article_id": a.id,
                "start": t.start,
                "end": t.end,
                "text": t.text,
                "type": t.type,
                "value": t.value.value,
                "earliest": t.value.earliest,
                "latest": t.value.latest,
            }
            for t in analysis.timexes
        ]
        for m in analysis.mentions:
            value, earliest, latest = _date_columns(m.time)
            rows["mentions"].append(
                {
                    "id": m.id,
                    "article_id": m.article_id,
                    "event_id": None,
                    "type": m.type,
                    "cameo": m.cameo,
                    "modality": m.modality,
                    "trigger": m.trigger,
                    "trigger_start": m.trigger_start,
                    "trigger_end": m.trigger_end,
                    "sentence": m.sentence,
                    "sentence_start": m.sentence_start,
                    "sentence_end": m.sentence_end,
                    "date_value": value,
                    "date_earliest": earliest,
                    "date_latest": latest,
                    "sources": _actors_json(m.sources),
                    "targets": _actors_json(m.targets),
                    "summary": m.summary,
                    "confidence": float(m.confidence),
                    "record": dumps(m),
                }
            )
        rows["statements"] += [
            {
                "id": s.id,
                "article_id": s.article_id,
                "speaker": s.speaker.name,
                "words": s.words,
                "start": s.start,
                "end": s.end,
                "date_value": s.time.value if s.time else None,
                "about": s.about,
                "record": dumps(s),
            }
            for s in analysis.statements
        ]
    return rows


class _Transaction:
    def __init__(self, con):
        self.con = con

    def __enter__(self):
        self.con.execute("BEGIN TRANSACTION")
        return self

    def __exit__(self, exc_type, exc, tb):
        self.con.execute("ROLLBACK" if exc_type else "COMMIT")
        return False


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


__all__ = ["Store", "StoryUpdate", "to_jsonable"]
