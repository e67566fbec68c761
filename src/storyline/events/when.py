"""The date of an event mention: a date in the trigger's own clause, or in the
clauses governing it up to the first speech verb; the saying's date when the
saying is the act; never the date of a clause set at another time ("after",
"since"), and a vague announcement refined by the day given elsewhere.

Two public steps: ``date_mention`` dates one mention as it is found, and
``refine_announced_dates`` revisits the article's announcements once all are
found."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from ..models import EventMention, TimeValue, Timex
from .lexicon import HYPOTHETICAL_GOVERNORS, SPEECH_VERBS, load_lexicon, word_list, word_map
from .modality import TEMPORAL_SHIFT, governors


def dated_points(timexes) -> tuple[Timex, ...]:
    """The timexes as events are dated by them: a span counted from the
    narrative ("three days later", a DURATION in TimeML) stands for the day
    it lands on, so "Three days later, the army withdrew" dates the
    withdrawal as the time tagger's DATE for that day once did ("have
    clashed in recent days": the recent past)."""
    return tuple(t if t.implied is None else Timex(t.start, t.end, t.text, "DATE", t.implied) for t in timexes)


@dataclass(frozen=True)
class Dating:
    """When a mention's event happened, and its modality once dated: a plan
    whose decision the text dates is announced."""

    time: TimeValue | None
    modality: str
    #: the lemma of the verb that announced the act ("declare"), which
    #: ``refine_announced_dates`` looks for in the article's nouns
    announced_by: str | None = None


#: Modalities of acts told as done (or being done): with no date of their own they lie in the past.
_TOLD_AS_DONE = ("asserted", "announced", "reported", "historical")


def date_mention(
    token,
    sent,
    timexes,
    modality: str,
    plover: str,
    *,
    nominal: bool = False,
    speech_act: bool = False,
    said_when: bool = False,
    refused: bool | str = False,
    published: TimeValue | None = None,
) -> Dating:
    """The date of the event triggered by ``token`` in ``sent``, of PLOVER type
    ``plover`` and modality ``modality``. ``speech_act``: the saying is the
    event ("X said Y must ..."), dated by the saying; ``said_when``: an actor
    announces its own act ("said on Saturday it was suspending"); ``refused``:
    a refusal made by saying it; ``published``: the article's date, the latest
    an act told as done can have happened."""
    decided = _dated_decision(token, timexes) if modality == "planned" else None
    if decided is not None:
        # "Moscow's decision on Monday to pull out": taken and announced that day
        modality = "announced"
    # a threat or demand made in speech is dated by the saying ("said on Wednesday
    # that from midnight it would ..."), not by what it threatens
    said = token.head if speech_act and token.dep_ == "ccomp" else token
    when = decided or _timex_for(said, timexes, sent, said_when or speech_act, plover)
    if when is None and said is not token:
        when = _between(said, token, timexes)
    # a threat or refusal is made by saying it: it lies in the past when it was said in the past
    uttered = (speech_act or refused or plover == "THREATEN") and _said_in_past(token)
    if when is None and (uttered or modality in _TOLD_AS_DONE and _past(said, nominal)):
        # no date of its own: before the date of the report or clause it hangs on, or the article's
        when = _interval_before(said, timexes, sent) or _reported_before(said, timexes, sent) or _open_past(published)
    verb = next((g for g in governors(token) if g.lemma_ in NOMINALISATIONS), None) if modality == "announced" else None
    return Dating(when, modality, verb.lemma_ if verb is not None else None)


def _between(said, clause, timexes) -> TimeValue | None:
    """A date standing between a speech verb and its clause's subject ("said on
    Tuesday it would ...") is the saying's, wherever the parser hung it."""
    subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects or said.i > clause.i:
        return None
    start, end = said.idx + len(said), subjects[0].left_edge.idx
    return next(
        (t.value for t in timexes if start <= t.start and t.end <= end and t.type == "DATE" and t.value.is_known), None
    )


def _shifted(node) -> bool:
    """A clause introduced by "after", "before", "since" ... happens at another
    time than the clause it hangs on, so that clause's date is not its date."""
    if any(c.dep_ == "mark" and c.lower_ in TEMPORAL_SHIFT for c in node.children):
        return True
    return node.dep_ == "pcomp" and node.head.lower_ in TEMPORAL_SHIFT


#: Prepositions that put an act inside a named instance of itself ("agreed under
#: a 1994 agreement", "killed in the March offensive"): that instance's date is the act's.
WITHIN = word_list("within")


def _timex_for(token, timexes, sent, said_when: bool = False, plover: str = "") -> TimeValue | None:
    """The date of the event triggered by ``token``: a date in its own clause, or
    in a governing clause up to the first speech verb. ``said_when`` when the
    saying is the act (an announcement in the present, a threat), so the
    speech verb's date is the event's."""
    lexicon = load_lexicon()
    # durations ("a day after") and sets ("every week") are not dates
    inside = [
        t
        for t in timexes
        if sent.start_char <= t.start and t.end <= sent.end_char and t.type in ("DATE", "TIME") and t.value.is_known
    ]
    if not inside:
        return None
    doc = token.doc
    path = [token]
    if token.pos_ != "NOUN":
        node = token
        for gov in governors(token):
            if gov.pos_ == "NOUN" or _shifted(node):
                break
            if gov.lemma_ in HYPOTHETICAL_GOVERNORS:
                break  # "will meet Thursday to discuss severing ties": Thursday is the discussion's
            path.append(gov)
            node = gov
            if gov.lemma_ in SPEECH_VERBS:
                break
    best = None
    for timex in inside:
        span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
        if span is None:
            continue
        span_ids = {t.i for t in span}
        node = span.root
        # climb from the timex to the first node of the path; a verb or an event noun
        # on the way means the date belongs to another clause ("his declaration Tuesday")
        for _ in range(8):
            if node in path:
                rank = path.index(node)
                if best is None or rank < best[0]:
                    best = (rank, timex.value)
                break
            if node.head is node or (
                node.i not in span_ids
                and (
                    node.pos_ in ("VERB", "AUX")
                    or (node.lemma_.lower() in lexicon.nouns and not _same_act(node, plover, lexicon))
                )
            ):
                break
            node = node.head
    if best is None:
        return None
    rank, value = best
    # a date on a non-performative speech verb is when it was said, not done
    if (
        rank
        and path[rank].lemma_ in SPEECH_VERBS
        and path[rank].lemma_ not in ("announce", "declare", "proclaim")
        and not said_when
    ):
        return None
    return value


def _same_act(noun, plover: str, lexicon) -> bool:
    """ "Under a 1994 agreement, Israel agreed ...": the dated noun names the act itself."""
    code = lexicon.nouns.get(noun.lemma_.lower())
    return (
        bool(plover) and code is not None and code.type == plover and noun.dep_ == "pobj" and noun.head.lower_ in WITHIN
    )


def _dated_decision(token, timexes) -> TimeValue | None:
    """The day of "X's decision on Monday to ...": a decision dated in the text was
    taken and made known then, so its content is announced, not only planned."""
    noun = token.head if token.dep_ == "acl" else None
    if (
        noun is None
        or noun.lemma_.lower() not in ("decision", "announcement", "declaration")
        or not any(c.dep_ == "poss" for c in noun.children)
    ):
        return None
    doc = token.doc
    for timex in timexes:
        if timex.type != "DATE" or not timex.value.is_known:
            continue
        span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
        if span is None:
            continue
        node = span.root
        if node.head.i == noun.i or (node.head.dep_ == "prep" and node.head.head.i == noun.i):
            return timex.value
    return None


#: Words that put what follows them earlier than the clause they hang on.
EARLIER = word_list("earlier")


def _reported_before(token, timexes, sent) -> TimeValue | None:
    """An act reported by a dated past speech verb ("reported on Wednesday that
    X pressed Y") or set in an "after"/"following" phrase of a dated clause
    ("halted it on January 26 following the raid") happened on or before that
    date: an open past ending there."""
    node = token
    for gov in governors(token):
        earlier = any(c.dep_ == "mark" and c.lower_ in EARLIER for c in node.children) or (
            node.dep_ in ("pobj", "pcomp") and gov.lower_ in EARLIER
        )
        if earlier or (gov.lemma_ in SPEECH_VERBS and gov.tag_ == "VBD"):
            head = gov.head if gov.dep_ == "prep" else gov
            bound = _timex_for(head, timexes, sent, said_when=True)
            return _open_past(bound) if bound is not None and bound.latest is not None else None
        node = gov
    return None


_DURATION = re.compile(r"P(\d+)([DWMY])$")


def _interval_before(token, timexes, sent) -> TimeValue | None:
    """ "Ships left on Monday, two days after Russia said it was suspending ...",
    "on Friday, five months after the invasion cut off ...": an act in a clause
    set an exact span "after" a dated clause lies that span before its date."""
    # a nominal event as the subject of the "after" clause ("after the invasion cut off")
    nodes = [token] + ([token.head] if token.dep_ in ("nsubj", "nsubjpass") else []) + governors(token)
    for node in nodes[:6]:
        after = next((c for c in node.children if c.dep_ == "mark" and c.lower_ == "after"), None)
        if after is None and node.dep_ in ("pobj", "pcomp") and node.head.lower_ == "after":
            after = node.head
        if after is None:
            continue
        span = next(
            (
                t
                for t in timexes
                if t.type == "DURATION"
                and sent.start_char <= t.start
                and t.start < after.idx + len(after)
                and t.end >= after.idx - 1
            ),
            None,
        )
        found = _DURATION.match(span.value.value) if span is not None else None
        head = after.head.head if after.dep_ == "prep" else node.head
        anchor = _timex_for(head, timexes, sent, said_when=True) if found and head.i != node.i else None
        if anchor is None or anchor.earliest is None or anchor.earliest != anchor.latest:
            return None
        n, unit = int(found.group(1)), found.group(2)
        if span.value.mod == "LESS_THAN" and unit == "D":  # "less than a day after": that day or the one before
            return TimeValue(
                "PAST_REF", anchor.earliest - timedelta(days=n), anchor.earliest, "unknown", "relative", anchor.earliest
            )
        if span.value.mod is not None:
            return None
        if unit in "DW":
            day = anchor.earliest - timedelta(days=n * (7 if unit == "W" else 1))
            return TimeValue(day.isoformat(), day, day, "day", "relative", anchor.earliest)
        months = anchor.earliest.year * 12 + anchor.earliest.month - 1 - n * (12 if unit == "Y" else 1)
        year, month = divmod(months, 12)
        if unit == "Y":
            return TimeValue(str(year), date(year, 1, 1), date(year, 12, 31), "year", "relative", anchor.earliest)
        last = date(year + (month == 11), (month + 1) % 12 + 1, 1) - timedelta(days=1)
        return TimeValue(
            f"{year:04d}-{month + 1:02d}", date(year, month + 1, 1), last, "month", "relative", anchor.earliest
        )
    return None


def _past(token, nominal: bool) -> bool:
    """The act lies in the past: a past or perfect verb, a nominal event, or a
    present act inside a past report ("said the US is urging")."""
    if nominal or token.tag_ in ("VBD", "VBN"):
        return True
    for gov in governors(token):
        if gov.lemma_ in SPEECH_VERBS:
            return gov.tag_ in ("VBD", "VBN") and not (
                {c.lower_ for c in token.children if c.dep_ == "aux"} & {"will", "would", "shall", "'ll", "to"}
            )
        if gov.pos_ in ("VERB", "AUX") and gov.tag_ not in ("VB", "VBG"):
            return gov.tag_ in ("VBD", "VBN")
    return False


def _said_in_past(token) -> bool:
    """The act of saying behind a threat or refusal lies in the past: "threatened
    to", "said Kyiv would not accept", "warned on Friday that ..."."""
    if token.lemma_ in SPEECH_VERBS | {"threaten", "refuse", "reject", "decline"} and token.tag_ in ("VBD", "VBN"):
        return True
    gov = next((g for g in governors(token) if g.lemma_ in SPEECH_VERBS), None)
    return gov is not None and gov.tag_ in ("VBD", "VBN")


def _open_past(published: TimeValue | None) -> TimeValue | None:
    if published is None:
        return None
    latest = published.latest or published.earliest
    if latest is None:
        return None
    return TimeValue(
        value="PAST_REF", earliest=None, latest=latest, precision="unknown", basis="relative", anchor=latest
    )


#: Nouns for the act of an announcing verb: "Abbas declared ..." is later "his
#: declaration Tuesday" or "his Tuesday speech" (a declaration is made in a speech).
NOMINALISATIONS = {verb: frozenset(nouns) for verb, nouns in word_map("nominalisations").items()}


def refine_announced_dates(mentions, announcers, doc, timexes, resolver) -> list[EventMention]:
    """An announcement dated vaguely ("earlier this week") takes the exact day the
    article gives elsewhere for the same act by the same actor ("his declaration
    Tuesday"), when that day lies inside the vague interval. ``announcers`` maps
    a mention's id to its ``Dating.announced_by``."""
    if not announcers:
        return mentions
    dated_nouns = []
    for timex in timexes:
        value = timex.value
        if timex.type != "DATE" or value.precision != "day" or value.earliest is None:
            continue
        span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
        if span is None:
            continue
        noun = span.root.head
        owners = [c for c in noun.children if c.dep_ == "poss"]
        if noun.pos_ == "NOUN" and owners:
            for ref in resolver.refs(owners[0]):
                dated_nouns.append((noun.lemma_.lower(), ref.name, value))
    out = []
    for m in mentions:
        verb = announcers.get(m.id)
        when = m.time
        if verb and m.sources and (when is None or when.precision not in ("day",)):
            for lemma, owner, value in dated_nouns:
                inside = when is None or (
                    (when.earliest is None or when.earliest <= value.earliest)
                    and (when.latest is None or value.earliest <= when.latest)
                )
                if lemma in NOMINALISATIONS[verb] and owner == m.sources[0].name and inside:
                    m = replace(m, time=value)
                    break
        out.append(m)
    return out
