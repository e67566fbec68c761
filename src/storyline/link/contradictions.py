"""Reports that cannot all be true, each with a reason a reader can check.

Three kinds are found:

- an *end* of something (cooperation ended, talks halted) against a
  statement or mention, near the same time, that it goes on;
- a denial against an assertion of the same act between the same parties
  at a compatible time;
- one happening reported with different tolls, or with dates that do not
  overlap.
"""

from __future__ import annotations

from bisect import bisect_right

import re
from datetime import timedelta
from typing import Mapping, Sequence

from ..models import ActorRef, Article, Contradiction, Event, EventMention, Statement, TimeValue, stable_id
from .features import actor_key, actor_keys, lemma_group, times_overlap, words

#: How far apart (days) a claim that something continues may be from the
#: declared end and still contradict it.
WINDOW_DAYS = 45

_ENDING = frozenset(
    {
        "end",
        "halt",
        "terminate",
        "stop",
        "suspend",
        "cease",
        "cut",
        "sever",
        "freeze",
        "discontinue",
        "abandon",
        "quit",
        "withdraw",
    }
)
_CONTINUING = re.compile(
    r"\b(continu\w*|still|ongoing|go(?:es|ing)? on|remain\w*|maintain\w*|persist\w*|not (?:been )?(?:end|stop|halt|cut)\w*"
    r"|resum\w*|kept|keep\w*)\b",
    re.IGNORECASE,
)
_TOLL = re.compile(
    r"\b(\d{1,6})\s+(?:\w+\s+){0,2}?(?:people|persons|dead|killed|died|deaths|wounded|injured|casualties)\b",
    re.IGNORECASE,
)


def _is_ending(event: Event, mentions: Mapping[str, EventMention]) -> bool:
    if (event.mode or "").lower() in ("discontinue", "end", "halt", "suspend"):
        return True
    return any(mentions[i].lemma.lower() in _ENDING for i in event.mention_ids if i in mentions)


def _subject_words(event: Event, mentions: Mapping[str, EventMention]) -> set[str]:
    """What was ended ("security coordination"): the content words shared by
    the event's summary and its sentences, minus the trigger and actor words."""
    vocab = set(words(event.summary))
    for i in event.mention_ids:
        m = mentions.get(i)
        if m is not None:
            vocab |= set(words(m.sentence[m.trigger_end - m.sentence_start :]))
    drop = set(_ENDING)
    for a in (*event.sources, *event.targets):
        drop |= set(words(a.name))
    for i in event.mention_ids:
        if i in mentions:
            drop |= set(words(mentions[i].trigger)) | {mentions[i].lemma.lower()}
    return {w for w in vocab - drop if len(w) > 3}


def _near(a: TimeValue | None, b: TimeValue | None, days: int = WINDOW_DAYS) -> bool:
    if a is None or b is None or a.earliest is None or b.earliest is None:
        return False
    a1 = a.latest or a.earliest
    b1 = b.latest or b.earliest
    return a.earliest - timedelta(days=days) <= b1 and b.earliest - timedelta(days=days) <= a1


def _statement_time(statement: Statement, articles: Mapping[str, Article]) -> TimeValue | None:
    if statement.time is not None and statement.time.is_known:
        return statement.time
    article = articles.get(statement.article_id)
    return article.published if article is not None else None


def _core_words(event: Event, mentions: Mapping[str, EventMention]) -> set[str]:
    """The subject words that occur next to the trigger in most reports:
    for "ended security coordination with Israel", security and coordination."""
    core: set[str] = set()
    for i in event.mention_ids:
        m = mentions.get(i)
        if m is None:
            continue
        after = m.sentence[max(0, m.trigger_end - m.sentence_start) :][:80]
        core |= set(words(after))
    return core & _subject_words(event, mentions)


def _months(lo, hi, limit: int = 36) -> list[tuple[int, int]]:
    out = []
    y, m = lo.year, lo.month
    while (y, m) <= (hi.year, hi.month) and len(out) < limit:
        out.append((y, m))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


#: Words of actor names too generic to tie a claim to a party.
_GENERIC_NAME_WORDS = frozenset(
    {
        "authority",
        "government",
        "forces",
        "ministry",
        "officials",
        "official",
        "leaders",
        "leadership",
        "president",
        "minister",
        "united",
        "states",
        "national",
        "council",
        "party",
        "army",
        "police",
        "people",
        "senior",
    }
)


def _party_words(event: Event) -> set[str]:
    found = set()
    for actor in (*event.sources, *event.targets):
        found.update(w for w in words(actor.name) if len(w) > 3 and w not in _GENERIC_NAME_WORDS)
        found.update(w for w in words(actor.text) if len(w) > 3 and w not in _GENERIC_NAME_WORDS)
    return found


def ending_vs_continuing(
    events: Sequence[Event],
    mentions: Mapping[str, EventMention],
    statements: Sequence[Statement],
    articles: Mapping[str, Article],
) -> list[Contradiction]:
    out = []
    # only claims that say something goes on, at a known time, can contradict;
    # index them by month and word, so each ending looks only at claims of its
    # own season that share one of its subject words (it needs one), not at
    # every claim of the season: in a corpus ten times denser in time that
    # would be ten times more claims for each of ten times more endings
    claims = _claims(mentions, statements, articles)
    claim_words = [set(words(c[2])) for c in claims]
    speaker_words = [set(words(c[1])) for c in claims]
    by_month_word: dict[tuple[tuple[int, int], str], list[int]] = {}
    for k, (_, _, _, when, *_) in enumerate(claims):
        for month in _months(when.earliest, when.latest or when.earliest):
            for word in claim_words[k]:
                by_month_word.setdefault((month, word), []).append(k)
    window = timedelta(days=WINDOW_DAYS)
    endings = [e for e in events if _is_ending(e, mentions) and e.modality in ("asserted", "announced", "reported")]
    for event in endings:
        if event.time is None or event.time.earliest is None:
            continue
        core = _core_words(event, mentions)
        if not core:
            continue
        own = set(event.mention_ids)
        own_sentences = {mentions[i].sentence for i in own if i in mentions}
        own_spans: dict[str, list[tuple[int, int]]] = {}
        for m in (mentions.get(i) for i in own):
            if m is not None:
                own_spans.setdefault(m.article_id, []).append((m.sentence_start, m.sentence_end))
        heard: set[str] = set()  # speakers already found contradicting this event
        parties = _party_words(event)
        countries = {a.country for a in (*event.sources, *event.targets) if a.country}
        months = _months(event.time.earliest - window, (event.time.latest or event.time.earliest) + window)
        candidates = sorted({k for month in months for word in core for k in by_month_word.get((month, word), ())})
        for k in candidates:
            claim_id, who, text, when, country, speaker, (where, start, end) = claims[k]
            # a claim must pass every test below (``heard`` changes only after
            # one has), so their order changes nothing found; those that turn most claims away come
            # first: in a corpus ten times denser in time an ending meets ten
            # times more claims of its season, nearly all of other parties.
            # The claim must be about the same parties: said by one of them,
            # or naming one ("coordination with Israel will continue")
            # (without building the union of the claim's words)
            if not (
                country in countries
                or not parties.isdisjoint(claim_words[k])
                or not parties.isdisjoint(speaker_words[k])
            ):
                continue
            # the months looked up reach past the window
            if not _near(event.time, when):
                continue
            if claim_id in own or text in own_sentences or speaker in heard:
                continue
            # a claim inside a sentence that reports the ending itself is
            # part of that report ("to stop the coordination ... and to
            # continue with measures"), not a second voice
            if any(start < b_end and b_start < end for b_start, b_end in own_spans.get(where, ())):
                continue
            if core.isdisjoint(claim_words[k]):
                continue
            shared = _continuing_subject(text, core)
            if not shared:
                continue
            heard.add(speaker)
            out.append(
                Contradiction(
                    id=stable_id("cx", event.id, claim_id),
                    first=event.id,
                    second=claim_id,
                    why=(
                        f"{event.summary} ({event.time.value}), but "
                        f"{who} said it continues: \u201c{_clip(text)}\u201d "
                        f"(shared subject: {', '.join(sorted(shared))})"
                    ),
                )
            )
    return out


_WISHES = frozenset(
    {
        "hope",
        "hoped",
        "hopes",
        "hoping",
        "urge",
        "urged",
        "urges",
        "should",
        "must",
        "want",
        "wants",
        "wanted",
        "wish",
        "wished",
        "calls",
        "called",
        "asked",
        "ask",
        "believe",
        "believes",
        "critical",
        "important",
        "need",
        "needs",
    }
)
_TOKEN = re.compile(r"[a-z0-9']+")


def _continuing_subject(text: str, core: set[str]) -> set[str]:
    """The subject words said to go on: a core word shortly before a
    "continue"-like cue, not itself the object of an ending ("the halt of
    security coordination remains in place" confirms the end) and not a
    wish ("we hope cooperation will continue")."""
    found: set[str] = set()
    # the subject and the cue must share a sentence
    for chunk in re.split(r"[.;!?]+(?:\s|$)", text.lower()):
        found |= _continuing_in(_TOKEN.findall(chunk), core)
    return found


def _continuing_in(tokens: list[str], core: set[str]) -> set[str]:
    found: set[str] = set()
    for i, token in enumerate(tokens):
        if not _CONTINUING.fullmatch(token) and token not in ("on",):
            continue
        if token == "on" and (i == 0 or not tokens[i - 1].startswith("go")):
            continue
        for j in range(max(0, i - 6), i):
            if tokens[j] not in core:
                continue
            before = tokens[max(0, j - 4) : j]
            between = tokens[j:i]
            if any(
                w in _ENDING or w.startswith(("cessation", "severance", "halt", "suspen")) for w in before + between
            ):
                continue
            if any(w in _WISHES for w in tokens[max(0, j - 8) : i]):
                continue
            found.add(tokens[j])
    return found


#: Words that qualify how a source is named, not who it is: "an unnamed
#: senior official" and "a senior official" are one voice. ("Another
#: official" is not: it says so.)
_QUALIFIERS = frozenset(
    {"unnamed", "anonymous", "unidentified", "senior", "top", "high", "ranking", "level", "one", "an", "a", "the"}
)


def speaker_key(actor: ActorRef | None) -> str:
    """One key for the ways one source is named: a known person by surname,
    a known body by country and sector, anyone else by the name's words
    without qualifiers."""
    if actor is None:
        return "a report"
    if actor.resolved and actor.kind == "person" and actor.name.split():
        return "person:" + actor.name.split()[-1].lower()
    if actor.resolved:
        return actor_key(actor)
    return " ".join(w for w in words(actor.name) if w not in _QUALIFIERS) or actor.name.lower()


def _claims(
    mentions: Mapping[str, EventMention], statements: Sequence[Statement], articles: Mapping[str, Article]
) -> list[tuple]:
    """Statements, and mentions of something continuing or resuming, that
    say something goes on at a known time, as (record id, who, words, when,
    speaker's country, speaker key, (article id, start, end)); statements
    first, each kind in id order.

    What cannot be a claim is passed over before its speaker is keyed, and
    only the mentions of a continuing act are sorted, not all of a story's."""
    claims = []
    for s in sorted(statements, key=lambda s: s.id):
        when = _statement_time(s, articles)
        if _goes_on(s.words, when):
            claims.append(
                (
                    s.id,
                    s.speaker.name,
                    s.words,
                    when,
                    s.speaker.country,
                    speaker_key(s.speaker),
                    (s.article_id, s.start, s.end),
                )
            )
    continuing = lemma_group("continue")
    going_on = [
        m
        for m in mentions.values()
        if m.modality in ("asserted", "reported", "announced") and lemma_group(m.lemma) == continuing
    ]
    for m in sorted(going_on, key=lambda m: m.id):
        article = articles.get(m.article_id)
        when = m.time if m.time is not None and m.time.is_known else (article.published if article else None)
        if not _goes_on(m.sentence, when):
            continue
        who = m.sources[0].name if m.sources else "a report"
        claims.append(
            (
                m.id,
                who,
                m.sentence,
                when,
                m.sources[0].country if m.sources else None,
                speaker_key(m.sources[0] if m.sources else None),
                (m.article_id, m.sentence_start, m.sentence_end),
            )
        )
    return claims


def _goes_on(text: str, when: TimeValue | None) -> bool:
    """Whether a claim with these words and this date can contradict an end."""
    return when is not None and when.earliest is not None and _CONTINUING.search(text) is not None


def denial_vs_assertion(mentions: Sequence[EventMention]) -> list[Contradiction]:
    """A negated mention against an asserted one of the same act, parties and time."""
    out = []
    # only an act someone denied can be contradicted this way: the keys of
    # the denials come first, so that most mentions (of acts nobody denied,
    # or neither denied nor asserted) are passed over without a key
    denied = {_denial_key(m) for m in mentions if m.modality == "negated"}
    types = {key[0] for key in denied}
    index: dict[tuple, list[EventMention]] = {}
    for m in mentions:
        if m.type in types and m.modality in ("negated", "asserted", "announced"):
            key = _denial_key(m)
            if key in denied:
                index.setdefault(key, []).append(m)
    for key in sorted(index, key=repr):
        group = sorted(index[key], key=lambda m: m.id)
        denials = [m for m in group if m.modality == "negated"]
        facts = [m for m in group if m.modality in ("asserted", "announced")]
        for d in denials:
            for f in facts:
                if f.article_id == d.article_id or times_overlap(d.time, f.time) is False:
                    continue
                if times_overlap(d.time, f.time) is None and not _near(d.time, f.time):
                    continue
                out.append(
                    Contradiction(
                        id=stable_id("cx", f.id, d.id),
                        first=f.id,
                        second=d.id,
                        why=f"one report says it happened (\u201c{_clip(f.sentence)}\u201d), "
                        f"another denies it (\u201c{_clip(d.sentence)}\u201d)",
                    )
                )
    return out


def _denial_key(m: EventMention) -> tuple:
    return (m.type, lemma_group(m.lemma), tuple(sorted(actor_keys(m.sources))))


def conflicting_details(events: Sequence[Event], mentions: Mapping[str, EventMention]) -> list[Contradiction]:
    """Within one happening: different tolls, or dates that cannot both hold."""
    out = []
    for event in events:
        members = sorted((mentions[i] for i in event.mention_ids if i in mentions), key=lambda m: m.id)
        tolls = {}
        for m in members:
            found = _TOLL.search(m.sentence)
            if found:
                tolls.setdefault(int(found.group(1)), m)
        if len(tolls) >= 2:
            (n1, m1), (n2, m2) = sorted(tolls.items())[:2]
            out.append(
                Contradiction(
                    id=stable_id("cx", m1.id, m2.id),
                    first=m1.id,
                    second=m2.id,
                    why=f"the toll of one happening is reported as {n1} and as {n2}",
                )
            )
        clash = _first_date_clash([m for m in members if m.time is not None and m.time.is_known])
        if clash is not None:
            a, b = clash
            out.append(
                Contradiction(
                    id=stable_id("cx", a.id, b.id),
                    first=a.id,
                    second=b.id,
                    why=f"one happening is dated {a.time.value} in one report and {b.time.value} in another",
                )
            )
    return out


def _first_date_clash(dated: Sequence[EventMention]) -> tuple[EventMention, EventMention] | None:
    """The first report (in order) whose date excludes a later report's, with
    the first such later report. Dates are compared as distinct values: an
    event reported hundreds of times repeats a handful of dates, and
    comparing every report with every later one was quadratic."""
    # whether two dates exclude each other depends on their ends alone, so
    # the ends stand for the value (cheaper to hash than the whole record)
    positions: dict = {}
    for i, m in enumerate(dated):
        positions.setdefault((m.time.earliest, m.time.latest), []).append(i)
    disjoint = {v: [u for u in positions if _bounds_disjoint(v, u)] for v in positions}
    for i, a in enumerate(dated):
        later = [
            p[k]
            for p in (positions[u] for u in disjoint[(a.time.earliest, a.time.latest)])
            if (k := bisect_right(p, i)) < len(p)
        ]
        if later:
            return a, dated[min(later)]
    return None


def _bounds_disjoint(a: tuple, b: tuple) -> bool:
    """``times_overlap(...) is False`` for two (earliest, latest) pairs."""
    if None in a or None in b:
        return False
    return not (a[0] <= b[1] and b[0] <= a[1])


def _clip(text: str, limit: int = 140) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def find_contradictions(
    events: Sequence[Event],
    mentions: Mapping[str, EventMention],
    statements: Sequence[Statement],
    articles: Mapping[str, Article],
) -> list[Contradiction]:
    found = (
        ending_vs_continuing(events, mentions, statements, articles)
        + denial_vs_assertion(sorted(mentions.values(), key=lambda m: m.id))
        + conflicting_details(events, mentions)
    )
    unique = {c.id: c for c in found}
    return [unique[k] for k in sorted(unique)]
