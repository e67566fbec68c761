"""Dating undated articles from the corpus: the dated reports, in other
articles, of the happenings an undated article reports.

Runs after linking, as one deterministic pass (``pipeline.date_from_corpus``):
an article whose own text gave no date is compared, mention by mention,
with the mentions of articles that have a date of their own (stated, or
inferred from their own text; never one inferred from the corpus). The
dates of those that report the same happening become hints for
``time.infer_publication_date``; so do the dated reports of a happening
the undated article names by its month and day ("after the seizure on
March 12": the article is after that day). Hints never come from corpus-dated
articles, so the result depends on the corpus, not on the order files
arrive in, and one pass is enough.

An undated article's mentions carry no date, so the linker's story keys
(month buckets) never bring it together with dated reports of the same
happening; this module compares them directly, and more strictly than
event coreference does, because a wrong date is worse than none: the same
type of act, a party in common, trigger words and sentence words that agree.
A shared actor alone ("Russia" in two unrelated reports) is never enough.
"""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from typing import Iterable, Mapping, Sequence

from ..models import ActorRef, EventMention, TimeValue
from ..time.dating import CORPUS_EVIDENCE, HINT_MAX_SPAN_DAYS
from ..time.vocabulary import NUMBER_WORDS
from .coref import MentionInfo, compatible, pair_score
from .features import FACTUAL, SentenceVectors, actor_keys

#: the pair score two reports need to count as one happening here (coreference's own threshold, or this if higher)
MIN_MATCH = 0.6
#: sentence similarity (TF-IDF cosine) two reports need beyond the act and its parties
MIN_SENTENCE = 0.3

#: a report starting this far into its article (characters) is in its lead: the news it was
#: published for. Further on, reports are mostly background ("Slepian was shot in 1998"),
#: told months or years after the happening, which dates nothing.
LEAD_CHARS = 600

#: a regular expression for the stored evidence (a JSON list, ``json.dumps``) of a
#: corpus-dated article: an item that starts with ``CORPUS_EVIDENCE`` (a quote inside an
#: item is escaped, so ``", "`` only ever separates items)
CORPUS_EVIDENCE_PATTERN = f'(^\\[|", )"{CORPUS_EVIDENCE}: '


def json_actor_keys(*lists: str | None) -> frozenset[str]:
    """``features.actor_keys`` of the actors stored as JSON in a mentions row."""
    return actor_keys(
        ActorRef(a["name"], a["name"], 0, 0, a.get("country"), a.get("sector"))
        for text in lists
        for a in json.loads(text or "[]")
        if a.get("name")
    )


def signatures(rows: Iterable[tuple]) -> set[tuple[str, str]]:
    """(type, party) pairs of mention rows (id, article id, type, sources, targets)."""
    return {(t, k) for _, _, t, sources, targets in rows for k in json_actor_keys(sources, targets)}


def _parties(m: EventMention) -> frozenset[str]:
    """The actor keys of a mention's sources and targets, as coreference reads them."""
    info = MentionInfo.of(m)
    return info.sources | info.targets


def _precise(value: TimeValue | None) -> bool:
    return (
        value is not None
        and value.earliest is not None
        and value.latest is not None
        and (value.latest - value.earliest).days <= HINT_MAX_SPAN_DAYS
    )


def report_time(mention: EventMention, published: TimeValue | None) -> TimeValue | None:
    """When a dated report says its happening was: its own date when that
    is precise; else, for a report in its article's lead that its text
    leaves undated or dates only vaguely around the article's day ("seized
    a tanker", read as before it; "this year"), the day of the article,
    which tells it as news."""
    if _precise(mention.time):
        return mention.time
    if (
        published is None
        or published.earliest is None
        or published.earliest != published.latest
        or mention.sentence_start >= LEAD_CHARS
    ):
        return None
    t, day = mention.time, published.earliest
    if t is None or not t.is_known or ((t.earliest or day) <= day <= (t.latest or day)):
        return TimeValue(
            published.earliest.isoformat(),
            published.earliest,
            published.earliest,
            "day",
            "inferred",
            evidence=("the day of the article that reports it",),
        )
    return None


def same_happening(
    undated: Sequence[EventMention],
    dated: Sequence[EventMention],
    published: Mapping[str, TimeValue | None],
    threshold: float = 0.5,
) -> list[tuple[EventMention, EventMention, TimeValue]]:
    """(undated mention, dated mention, when) for the pairs that report one
    happening, the undated one in its article's lead: compatible for event
    coreference, of one type, with a party in common, a pair score of at least ``MIN_MATCH`` (or ``threshold``) and
    sentences that share their distinctive words; ``when`` is
    ``report_time`` of the dated one."""
    if not undated or not dated:
        return []
    everything = {m.id: m for m in list(undated) + list(dated)}
    vectors = SentenceVectors([everything[i] for i in sorted(everything)])
    infos = {i: MentionInfo.of(m) for i, m in everything.items()}
    need = max(threshold, MIN_MATCH)
    pairs = []
    for u in sorted(undated, key=lambda m: m.id):
        if u.modality not in FACTUAL or u.sentence_start >= LEAD_CHARS:
            # a plan or a threat is not the happening a dated report tells;
            # and only the news an article leads with says when it was published
            continue
        iu = infos[u.id]
        for d in sorted(dated, key=lambda m: m.id):
            idd = infos[d.id]
            if (
                d.article_id == u.article_id
                or d.type != u.type
                or d.modality not in FACTUAL
                or not ((iu.sources | iu.targets) & (idd.sources | idd.targets))
            ):
                continue
            when = report_time(d, published.get(d.article_id))
            if when is None or not compatible(iu, idd) or vectors.cosine(u.id, d.id) < MIN_SENTENCE:
                continue
            if pair_score(iu, idd, vectors) >= need:
                pairs.append((u, d, when))
    return pairs


def _month_days(sentence: str) -> dict[tuple[int, int], str]:
    """The month-day dates a sentence gives without a year ("the seizure
    on March 12"), with their words."""
    from ..time.recognise import recognise
    from ..time.vocabulary import MONTHS

    out = {}
    for c in recognise(sentence):
        if c.kind in ("md", "dm") and c.group("day") and not c.group("year"):
            month = MONTHS.get(c.group("month_name").lower().rstrip("."))
            if month:
                out.setdefault((month, int(c.group("day"))), " ".join(c.match.group(0).split()))
    return out


def _day_of_report(mention: EventMention, published: TimeValue | None) -> date | None:
    """The day a dated report puts its happening on: its own time when that
    is one day; else the month-day its sentence gives, in the year that
    puts it on or before the day its article was published (within a year)."""
    t = mention.time
    if t is not None and t.earliest is not None and t.earliest == t.latest:
        return t.earliest
    if published is None or published.earliest is None or published.earliest != published.latest:
        return None
    on = published.earliest
    for month, day in _month_days(mention.sentence):
        for year in (on.year, on.year - 1):
            try:
                found = date(year, month, day)
            except ValueError:
                continue
            if found <= on:
                return found
    # a report the article leads with, its text giving no other day: the news of that day
    when = report_time(mention, published)
    return when.earliest if when is not None and when.earliest == when.latest else None


def named_dated_happenings(
    undated: Sequence[EventMention],
    dated: Sequence[EventMention],
    published: Mapping[str, TimeValue | None] | None = None,
) -> list[tuple[EventMention, EventMention, date, str]]:
    """(undated mention, dated mention, the words of the date) for an
    undated article that names a happening by its month and day ("after the
    seizure on March 12", anywhere in the article, background included) and
    a dated report of the same type and a party in common, whose sentence
    shares its distinctive words, puts on that month and day of a known year
    (``_day_of_report``). The article is after that day (and, naming it
    without a year, within a year of it)."""
    published = published or {}
    wanted = {u.id: _month_days(u.sentence) for u in undated if u.modality in FACTUAL}
    wanted = {i: days for i, days in wanted.items() if days}
    if not wanted:
        return []
    everything = {m.id: m for m in list(undated) + list(dated)}
    vectors = SentenceVectors([everything[i] for i in sorted(everything)])
    infos = {i: MentionInfo.of(m) for i, m in everything.items()}
    out = []
    for u in sorted(undated, key=lambda m: m.id):
        days = wanted.get(u.id)
        if not days:
            continue
        iu = infos[u.id]
        for d in sorted(dated, key=lambda m: m.id):
            if d.article_id == u.article_id or d.type != u.type or d.modality not in FACTUAL:
                continue
            on = _day_of_report(d, published.get(d.article_id))
            if on is None or (on.month, on.day) not in days:
                continue
            idd = infos[d.id]
            if not ((iu.sources | iu.targets) & (idd.sources | idd.targets)) or not compatible(iu, idd):
                continue
            if vectors.cosine(u.id, d.id) >= MIN_SENTENCE:
                out.append((u, d, on, days[(on.month, on.day)]))
    return out


def named_hints(
    found: Sequence[tuple[EventMention, EventMention, date, str]],
    published: Mapping[str, TimeValue | None],
    labels: Mapping[str, str],
) -> tuple[TimeValue, ...]:
    """One hint per day named: ``mod`` AFTER (the article is after that
    day), its evidence naming the words and the dated articles."""
    by_day: dict = {}
    for u, d, day, words in found:
        by_day.setdefault(day, []).append((u, d, words))
    hints = []
    for day, reports in sorted(by_day.items()):
        articles = sorted({d.article_id for _, d, _ in reports})
        u, d, words = min(reports, key=lambda r: (r[0].id, r[1].id))
        named = "; ".join(_label(a, published.get(a), labels.get(a)) for a in articles)
        what = d.summary or " ".join(d.sentence.split())
        evidence = (
            f"names '{words}' for a happening that {len(articles)} dated article"
            f"{'s' if len(articles) > 1 else ''} report{'' if len(articles) > 1 else 's'} on {day}: "
            f"'{what}', in {named}; the article is after that day",
        )
        hints.append(TimeValue(day.isoformat(), day, day, "day", "inferred", mod="AFTER", evidence=evidence))
    return tuple(hints)


def hints_from(
    pairs: Sequence[tuple[EventMention, EventMention, TimeValue]],
    published: Mapping[str, TimeValue | None],
    labels: Mapping[str, str],
) -> tuple[TimeValue, ...]:
    """One hint per distinct date of the dated reports, its evidence naming
    the reports and the articles they come from."""
    by_date: dict[tuple, list[tuple[EventMention, TimeValue]]] = {}
    for _, d, when in pairs:
        by_date.setdefault((when.earliest, when.latest, when.value), []).append((d, when))
    hints = []
    for (earliest, latest, value), reports in sorted(by_date.items()):
        articles = sorted({d.article_id for d, _ in reports})
        first, when = min(reports, key=lambda r: r[0].id)
        named = "; ".join(_label(a, published.get(a), labels.get(a)) for a in articles)
        what = first.summary or " ".join(first.sentence.split())
        how = "" if when is first.time else " (the day of the report)"
        evidence = (
            f"reports the same happening as {len(articles)} dated article"
            f"{'s' if len(articles) > 1 else ''}: '{what}' on {value}{how}, in {named}",
        )
        hints.append(TimeValue(value, earliest, latest, when.precision, "inferred", evidence=evidence))
    return tuple(hints)


def _label(article_id: str, published: TimeValue | None, title: str | None) -> str:
    when = f", published {published.value}" if published is not None else ""
    return f"{article_id}{' ' + repr(title) if title else ''}{when}"


class DatedReports:
    """The dated reports a store holds that may tell the happenings of
    some undated mentions: same type and a party in common, from articles
    with a date of their own. The short columns of a type's reports are
    read once per pass, however many undated articles ask for them."""

    def __init__(self, store):
        self.store = store
        self.by_signature: dict[tuple[str, str], list[tuple[str, str]]] = {}
        self.types_read: set[str] = set()

    def _read(self, types: set[str]) -> None:
        missing = sorted(types - self.types_read)
        rows = (
            self.store.dated_mention_rows(
                missing, CORPUS_EVIDENCE_PATTERN, sorted(FACTUAL), LEAD_CHARS, HINT_MAX_SPAN_DAYS
            )
            if missing
            else ()
        )
        for row in rows:
            for signature in signatures([row]):
                self.by_signature.setdefault(signature, []).append((row[0], row[1]))
        self.types_read.update(missing)

    def for_mentions(self, undated: Sequence[EventMention]) -> tuple[list[EventMention], dict, dict]:
        wanted = {(m.type, k) for m in undated for k in _parties(m)}
        if not wanted:
            return [], {}, {}
        self._read({t for t, _ in wanted})
        own = {m.article_id for m in undated}
        ids = sorted({mid for s in wanted for mid, aid in self.by_signature.get(s, ()) if aid not in own})
        dated = self.store.mentions(ids) if ids else []
        article_ids = sorted({m.article_id for m in dated})
        return dated, self.store.published_of(article_ids), self.store.titles_of(article_ids)


class ReportPool:
    """``DatedReports`` over records in memory (the dating evaluation's
    leave-one-out corpus): the mentions of articles with their own date."""

    def __init__(
        self,
        mentions: Iterable[EventMention],
        published: Mapping[str, TimeValue | None],
        titles: Mapping[str, str | None] | None = None,
    ):
        self.published, self.titles = dict(published), dict(titles or {})
        self.index: dict[tuple[str, str], list[EventMention]] = {}
        for m in mentions:
            for key in _parties(m):
                self.index.setdefault((m.type, key), []).append(m)

    def for_mentions(self, undated: Sequence[EventMention]) -> tuple[list[EventMention], dict, dict]:
        own = {m.article_id for m in undated}
        found = {
            d.id: d
            for m in undated
            for k in _parties(m)
            for d in self.index.get((m.type, k), ())
            if d.article_id not in own
        }
        dated = [found[i] for i in sorted(found)]
        ids = {d.article_id for d in dated}
        return dated, {a: self.published.get(a) for a in ids}, {a: self.titles.get(a) for a in ids}


#: "two weeks ago", "three days ago", "a month ago" in a sentence
_AGO = re.compile(
    r"(?i)\b(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+"
    r"(?P<unit>day|week|month)s?\s+ago\b"
)
_UNIT_DAYS = {"day": 1, "week": 7, "month": 30}


def _days_ago(sentence: str) -> tuple[int, str] | None:
    """How many days back "N weeks ago" in the sentence counts, with its words."""
    m = _AGO.search(sentence)
    if m is None:
        return None
    word = m.group("n").lower()
    n = int(word) if word.isdigit() else NUMBER_WORDS[word]
    return n * _UNIT_DAYS[m.group("unit").lower()], " ".join(m.group(0).split())


def told_ago_hints(
    undated: Sequence[EventMention],
    dated: Sequence[EventMention],
    published: Mapping[str, TimeValue | None],
    labels: Mapping[str, str],
    threshold: float = 0.5,
) -> tuple[TimeValue, ...]:
    """ "Iran seized the tanker two weeks ago" (anywhere in an undated
    article) and a dated report of the same happening, as strictly matched
    as ``same_happening`` (type, a party, compatible, the pair score, shared
    words) but anywhere in its article: the article is that long after the
    report's day, give or take a fifth of it (``mod`` APPROX)."""
    told = {u.id: _days_ago(u.sentence) for u in undated if u.modality in FACTUAL}
    told = {i: t for i, t in told.items() if t}
    if not told or not dated:
        return ()
    everything = {m.id: m for m in list(undated) + list(dated)}
    vectors = SentenceVectors([everything[i] for i in sorted(everything)])
    infos = {i: MentionInfo.of(m) for i, m in everything.items()}
    need = max(threshold, MIN_MATCH)
    found: dict = {}
    for u in sorted(undated, key=lambda m: m.id):
        if u.id not in told:
            continue
        days, words = told[u.id]
        iu = infos[u.id]
        for d in sorted(dated, key=lambda m: m.id):
            if d.article_id == u.article_id or d.type != u.type or d.modality not in FACTUAL:
                continue
            on = _day_of_report(d, published.get(d.article_id))
            idd = infos[d.id]
            if (
                on is None
                or not ((iu.sources | iu.targets) & (idd.sources | idd.targets))
                or not compatible(iu, idd)
                or vectors.cosine(u.id, d.id) < MIN_SENTENCE
                or pair_score(iu, idd, vectors) < need
            ):
                continue
            found.setdefault((on, days, words), set()).add(d.article_id)
    hints = []
    for (on, days, words), articles in sorted(found.items()):
        day, slack = on + timedelta(days=days), timedelta(days=max(1, days // 5))
        named = "; ".join(_label(a, published.get(a), labels.get(a)) for a in sorted(articles))
        evidence = (
            f"'{words}' of a happening that {len(articles)} dated article"
            f"{'s' if len(articles) > 1 else ''} put on {on}: about {day}, in {named}",
        )
        hints.append(
            TimeValue(day.isoformat(), day - slack, day + slack, "day", "inferred", mod="APPROX", evidence=evidence)
        )
    return tuple(hints)


def corpus_hints(
    undated: Sequence[EventMention], reports: DatedReports | ReportPool, threshold: float = 0.5
) -> tuple[TimeValue, ...]:
    """Hints for one undated article from its mentions (made without a date)."""
    # a report told "two weeks ago" is background, not the news the article leads with
    news = [m for m in undated if m.modality in FACTUAL and m.sentence_start < LEAD_CHARS and not _days_ago(m.sentence)]
    # anywhere in the article: "after the seizure on March 12" names a dated happening
    naming = [m for m in undated if m.modality in FACTUAL and _month_days(m.sentence)]
    # and "the seizure two weeks ago"
    counting = [m for m in undated if m.modality in FACTUAL and _days_ago(m.sentence)]
    if not news and not naming and not counting:
        return ()
    dated, published, titles = reports.for_mentions(
        sorted({m.id: m for m in news + naming + counting}.values(), key=lambda m: m.id)
    )
    hints = hints_from(same_happening(news, dated, published, threshold), published, titles) if news else ()
    return (
        hints
        + named_hints(named_dated_happenings(naming, dated, published), published, titles)
        + told_ago_hints(counting, dated, published, titles, threshold)
    )
