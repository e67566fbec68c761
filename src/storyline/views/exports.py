"""The standard exports: CSV, Parquet, PLOVER JSONL, a GDELT-like table and TimelineJS.

Each exporter is ``function(store, stream)`` and is registered in
``views/export.py``; the column lists of the CSV and Parquet files are
documented in ``docs/exports.md`` and a test keeps the two in step.

All flat formats share one row builder (``event_rows``) so that CSV, Parquet
and the GDELT-like table can never disagree about counts or codes.
"""

from __future__ import annotations

import csv
import hashlib
import html
import json
from dataclasses import dataclass
from datetime import date
from typing import IO

from ..errors import UsageError
from ..models import ActorRef, Event, EventMention, Storyline
from .timeline import chronological, display_date
from .words import count

# --- coding helpers ---------------------------------------------------------

#: PLOVER types by quad class. PLOVER lists its types from the most cooperative
#: to the most conflictual; the split into verbal/material follows that order.
QUADS: dict[int, tuple[str, tuple[str, ...]]] = {
    1: ("Verbal cooperation", ("AGREE", "CONSULT", "SUPPORT", "CONCEDE")),
    2: ("Material cooperation", ("COOPERATE", "AID", "RETREAT")),
    3: ("Verbal conflict", ("REQUEST", "ACCUSE", "REJECT", "THREATEN")),
    4: ("Material conflict", ("PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")),
}
_QUAD_OF_TYPE = {t: q for q, (_, types) in QUADS.items() for t in types}

# A Goldstein-style score (-10 most conflictual .. +10 most cooperative) for
# each CAMEO root code. These are storyline's own round figures in the spirit
# of the Goldstein scale, used so that analysts can sort and average as they
# do with GDELT; they are not the published per-code table.
_ROOT_SCORE = {
    "01": 0.0,
    "02": 3.0,
    "03": 4.0,
    "04": 1.0,
    "05": 3.5,
    "06": 6.0,
    "07": 7.0,
    "08": 5.0,
    "09": -2.0,
    "10": -5.0,
    "11": -2.0,
    "12": -4.0,
    "13": -6.0,
    "14": -6.5,
    "15": -7.0,
    "16": -4.0,
    "17": -7.0,
    "18": -9.0,
    "19": -10.0,
    "20": -10.0,
}
# The score of a PLOVER type when no CAMEO code is known.
_TYPE_SCORE = {
    "AGREE": 4.0,
    "CONSULT": 1.0,
    "SUPPORT": 3.5,
    "CONCEDE": 5.0,
    "COOPERATE": 6.0,
    "AID": 7.0,
    "RETREAT": 5.0,
    "REQUEST": 3.0,
    "ACCUSE": -2.0,
    "REJECT": -4.0,
    "THREATEN": -6.0,
    "PROTEST": -6.5,
    "SANCTION": -4.0,
    "MOBILIZE": -7.0,
    "COERCE": -7.0,
    "ASSAULT": -9.0,
}


def quad_class(event_type: str | None, cameo: str | None = None) -> int | None:
    """GDELT's QuadClass (1..4). CAMEO roots decide when known, as in GDELT;
    otherwise the PLOVER type does."""
    root = (cameo or "")[:2]
    if root.isdigit() and 1 <= int(root) <= 20:
        r = int(root)
        return 1 if r <= 5 else 2 if r <= 8 else 3 if r <= 13 else 4
    return _QUAD_OF_TYPE.get((event_type or "").upper())


def goldstein(event_type: str | None, cameo: str | None = None) -> float | None:
    root = (cameo or "")[:2]
    if root in _ROOT_SCORE:
        return _ROOT_SCORE[root]
    return _TYPE_SCORE.get((event_type or "").upper())


# --- the shared flat row --------------------------------------------------------

#: Columns of the CSV and Parquet exports, with their Parquet types (docs/exports.md).
COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "string"),
    ("date", "string"),
    ("date_earliest", "date"),
    ("date_latest", "date"),
    ("date_precision", "string"),
    ("date_basis", "string"),
    ("type", "string"),
    ("cameo", "string"),
    ("mode", "string"),
    ("modality", "string"),
    ("quad_class", "int"),
    ("goldstein", "float"),
    ("actors", "string"),
    ("actor_countries", "string"),
    ("actor_sectors", "string"),
    ("targets", "string"),
    ("target_countries", "string"),
    ("target_sectors", "string"),
    ("location", "string"),
    ("location_country", "string"),
    ("latitude", "float"),
    ("longitude", "float"),
    ("summary", "string"),
    ("storyline", "string"),
    ("storyline_label", "string"),
    ("episode_of", "string"),
    ("sources", "int"),
    ("mentions", "int"),
    ("articles", "int"),
    ("first_source", "string"),
    ("evidence", "string"),
)


@dataclass(frozen=True)
class _Corpus:
    events: list[Event]
    mentions: dict[str, EventMention]
    stories: dict[str, Storyline]
    articles: dict[str, object]
    episode_of: dict[str, str]  # event id -> id of the first event of its recurrence

    @classmethod
    def load(cls, store) -> "_Corpus":
        stories = {s.id: s for s in store.storylines()}
        episode_of = {}
        for s in stories.values():
            for episode in s.episodes:
                for eid in episode:
                    episode_of[eid] = episode[0]
        return cls(
            chronological(store.events()),
            {m.id: m for m in store.mentions()},
            stories,
            {a.id: a for a in store.articles()},
            episode_of,
        )

    def event_mentions(self, event: Event) -> list[EventMention]:
        return [self.mentions[m] for m in event.mention_ids if m in self.mentions]

    def episode_links(self, event: Event) -> list[str]:
        """The other episodes of the recurring event this event belongs to."""
        story = self.stories.get(event.storyline or "")
        for episode in story.episodes if story else ():
            if event.id in episode:
                return [e for e in episode if e != event.id]
        return []


def _actor_columns(actors: tuple[ActorRef, ...]) -> tuple[str, str, str]:
    """Names, countries and sectors as three parallel "; " lists: the n-th
    country and sector belong to the n-th name, and an unknown one is an empty
    place ("TUR; " for Turkey and the United Nations), so a reader can split
    the three cells and zip them. A cell with nothing known at all is empty."""
    first: dict[str, ActorRef] = {}
    for a in actors:
        first.setdefault(a.name, a)  # an actor named twice is listed once
    chosen = list(first.values())
    cell = lambda values: "; ".join(v or "" for v in values) if any(values) else ""
    return (cell([a.name for a in chosen]), cell([a.country for a in chosen]), cell([a.sector for a in chosen]))


def evidence_text(sentence: str | None) -> str | None:
    """A sentence as one line: stored sentences keep the paragraph break that
    follows them, which would end a CSV cell's line or a PLOVER text early."""
    return " ".join(sentence.split()) if sentence else sentence


def event_rows(store) -> list[dict]:
    """One flat dict per event, in the store's date order (the CSV/Parquet schema)."""
    corpus = _Corpus.load(store)
    return [_row(corpus, e) for e in corpus.events]


def _row(corpus: _Corpus, e: Event) -> dict:
    t, place = e.time, e.location
    mentions = corpus.event_mentions(e)
    article_ids = list(dict.fromkeys(m.article_id for m in mentions))
    first = corpus.articles.get(article_ids[0]) if article_ids else None
    story = corpus.stories.get(e.storyline or "")
    actors, actor_countries, actor_sectors = _actor_columns(e.sources)
    targets, target_countries, target_sectors = _actor_columns(e.targets)
    return {
        "id": e.id,
        "date": t.value if t and t.is_known else None,
        "date_earliest": t.earliest if t else None,
        "date_latest": t.latest if t else None,
        "date_precision": t.precision if t else None,
        "date_basis": t.basis if t else None,
        "type": e.type,
        "cameo": e.cameo,
        "mode": e.mode,
        "modality": e.modality,
        "quad_class": quad_class(e.type, e.cameo),
        "goldstein": goldstein(e.type, e.cameo),
        "actors": actors,
        "actor_countries": actor_countries,
        "actor_sectors": actor_sectors,
        "targets": targets,
        "target_countries": target_countries,
        "target_sectors": target_sectors,
        "location": place.name if place else None,
        "location_country": place.country if place else None,
        "latitude": place.latitude if place else None,
        "longitude": place.longitude if place else None,
        "summary": e.summary,
        "storyline": e.storyline,
        "storyline_label": story.label if story else None,
        "episode_of": corpus.episode_of.get(e.id),
        "sources": e.source_count,
        "mentions": len(mentions) or len(e.mention_ids),
        "articles": len(article_ids),
        "first_source": (first.url or first.source) if first else None,
        "evidence": evidence_text(mentions[0].sentence) if mentions else None,
    }


def _csv_value(v) -> str:
    if v is None:
        return ""
    return v.isoformat() if isinstance(v, date) else str(v)


def export_csv(store, out: IO[str]) -> None:
    writer = csv.writer(out, lineterminator="\n")
    names = [c for c, _ in COLUMNS]
    writer.writerow(names)
    for row in event_rows(store):
        writer.writerow([_csv_value(row[c]) for c in names])


def export_parquet(store, out: IO[bytes]) -> None:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise UsageError("Parquet export needs pyarrow: pip install 'storyline[parquet]'") from None
    kinds = {"string": pa.string(), "date": pa.date32(), "int": pa.int64(), "float": pa.float64()}
    schema = pa.schema([(c, kinds[k]) for c, k in COLUMNS])
    rows = event_rows(store)
    table = pa.table({c: [r[c] for r in rows] for c, _ in COLUMNS}, schema=schema)
    pq.write_table(table, out)


# --- PLOVER -------------------------------------------------------------------------


def _plover_date(e: Event) -> str:
    t = e.time
    # PLOVER's date is a calendar date. An open interval such as PAST_REF
    # ("had happened by 2023-02-04") names no date: it is unknown here, and
    # its known bound stays in date_latest / date_earliest.
    if t is None or not t.is_known or not t.value[:1].isdigit():
        return "XXXX-XX-XX"  # TimeML's "unknown"; the field stays present as PLOVER requires
    if t.precision == "day" and t.earliest:
        return t.earliest.isoformat()
    return t.value


def export_plover(store, out: IO[str]) -> None:
    """One PLOVER-style JSON object per line, per event."""
    corpus = _Corpus.load(store)
    for e in corpus.events:
        mentions = corpus.event_mentions(e)
        story = corpus.stories.get(e.storyline or "")
        first = mentions[0] if mentions else None
        record = {
            "id": e.id,
            "date": _plover_date(e),
            "actor": e.sources[0].name if e.sources else "unknown",
            "event": e.type,
            "mode": e.mode or "",
            "recipient": e.targets[0].name if e.targets else "",
            "context": [story.label] if story else [],
            "text": evidence_text(first.sentence) if first else e.summary,
            "link": corpus.episode_links(e),
            # storyline's additions; PLOVER consumers ignore unknown keys.
            "actor_country": e.sources[0].country if e.sources else None,
            "recipient_country": e.targets[0].country if e.targets else None,
            "actors": [a.name for a in e.sources],
            "recipients": [a.name for a in e.targets],
            "cameo": e.cameo,
            "modality": e.modality,
            "date_earliest": e.time.earliest.isoformat() if e.time and e.time.earliest else None,
            "date_latest": e.time.latest.isoformat() if e.time and e.time.latest else None,
            "location": e.location.name if e.location else None,
            "summary": e.summary,
            "storyline": e.storyline,
            "num_sources": e.source_count,
            "articles": list(dict.fromkeys(m.article_id for m in mentions)),
        }
        out.write(json.dumps(record, ensure_ascii=False) + "\n")


# --- GDELT-like -----------------------------------------------------------------------

GDELT_COLUMNS = (
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1Type1Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2Type1Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "DATEADDED",
    "SOURCEURL",
    # storyline's own columns, after GDELT's so positional readers still work
    "StorylineEventID",
    "PLOVERType",
    "Modality",
    "DateValue",
    "StorylineID",
)


def _gdelt_rows(store) -> list[list]:
    corpus = _Corpus.load(store)
    rows = []
    for e in corpus.events:
        r = _row(corpus, e)
        day = r["date_earliest"]
        cameo = e.cameo or ""
        a1 = e.sources[0] if e.sources else None
        a2 = e.targets[0] if e.targets else None
        published = [
            corpus.articles[a].published
            for a in dict.fromkeys(m.article_id for m in corpus.event_mentions(e))
            if a in corpus.articles
        ]
        added = min((p.earliest for p in published if p and p.earliest), default=None)
        rows.append(
            [
                _numeric_id(e.id),
                day.strftime("%Y%m%d") if day else "",
                day.strftime("%Y%m") if day else "",
                day.year if day else "",
                f"{day.year + (day.timetuple().tm_yday - 1) / 365:.4f}" if day else "",
                a1.name if a1 else "",
                (a1.country or "") if a1 else "",
                (a1.sector or "") if a1 else "",
                a2.name if a2 else "",
                (a2.country or "") if a2 else "",
                (a2.sector or "") if a2 else "",
                1,
                cameo,
                cameo[:3],
                cameo[:2],
                r["quad_class"] or "",
                _csv_value(r["goldstein"]),
                r["mentions"],
                r["sources"],
                r["articles"],
                "",
                r["location"] or "",
                r["location_country"] or "",
                _csv_value(r["latitude"]),
                _csv_value(r["longitude"]),
                added.strftime("%Y%m%d000000") if added else "",
                r["first_source"] or "",
                e.id,
                e.type,
                e.modality,
                r["date"] or "",
                e.storyline or "",
            ]
        )
    return rows


def _numeric_id(event_id: str) -> int:
    """GDELT ids are integers; this one is a hash of storyline's id, so it
    stays the same across exports of the same database."""
    return int(hashlib.blake2b(event_id.encode("utf-8"), digest_size=6).hexdigest(), 16)


def _write_gdelt(store, out: IO[str], delimiter: str) -> None:
    if delimiter == "\t":
        # GDELT's TSV has no quoting: readers split on tabs and take quotes
        # as data, so a quoted field ('"a ""b"""') would reach them mangled.
        # Tabs and newlines inside fields become spaces instead.
        writer = csv.writer(out, delimiter="\t", quoting=csv.QUOTE_NONE, quotechar=None, lineterminator="\n")
    else:
        writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    writer.writerow(GDELT_COLUMNS)
    for row in _gdelt_rows(store):
        if delimiter == "\t":
            row = [" ".join(str(v).split()) if isinstance(v, str) else v for v in row]
        writer.writerow(row)


def export_gdelt(store, out: IO[str]) -> None:
    _write_gdelt(store, out, "\t")


def export_gdelt_csv(store, out: IO[str]) -> None:
    _write_gdelt(store, out, ",")


# --- TimelineJS -------------------------------------------------------------------------


def _tl_date(d: date, precision: str) -> dict:
    out = {"year": d.year}
    if precision in ("day", "week", "month"):
        out["month"] = d.month
    if precision in ("day",):
        out["day"] = d.day
    return out


def export_timelinejs(store, out: IO[str]) -> None:
    """TimelineJS3 JSON. Its ``text`` fields are HTML, so every piece of article
    text is escaped here. Undated events cannot be placed and are left out."""
    corpus = _Corpus.load(store)
    events = []
    for e in corpus.events:
        t = e.time
        start = (t.earliest or t.latest) if t else None
        if start is None:
            continue
        story = corpus.stories.get(e.storyline or "")
        mentions = corpus.event_mentions(e)
        body = "".join(f"<p>{html.escape(evidence_text(m.sentence))}</p>" for m in mentions[:3])
        item = {
            "unique_id": e.id,
            "start_date": _tl_date(start, t.precision),
            "text": {
                "headline": html.escape(e.summary or e.type),
                "text": f"<p>{html.escape(e.type)} · {html.escape(e.modality)} · "
                f"{count(e.source_count, 'source')}</p>{body}",
            },
        }
        if t.earliest and t.latest and t.latest != t.earliest and t.precision != "day":
            item["end_date"] = _tl_date(t.latest, "day")
        if not (t.earliest and t.latest):
            # An open interval is placed at its one known bound; TimelineJS's
            # display_date tells the reader it is a bound ("≤ 2023-02-04").
            item["display_date"] = display_date(t)
        if story:
            item["group"] = html.escape(story.label)  # TimelineJS shows groups as HTML too
        events.append(item)
    doc = {"title": {"text": {"headline": "storyline", "text": f"<p>{len(events)} dated events</p>"}}, "events": events}
    json.dump(doc, out, ensure_ascii=False, indent=2)
    out.write("\n")


#: Format name -> (exporter, writes bytes). Merged into views.export.EXPORTERS.
EXPORTS = {
    "csv": (export_csv, False),
    "parquet": (export_parquet, True),
    "plover": (export_plover, False),
    "gdelt": (export_gdelt, False),
    "gdelt-csv": (export_gdelt_csv, False),
    "timelinejs": (export_timelinejs, False),
}
