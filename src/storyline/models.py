"""The records that flow between stages.

Every record is a frozen dataclass that carries its provenance: the id of the
article it came from (a hash of the cleaned text) and character offsets into
that cleaned text. spaCy ``Doc`` objects never appear here, so everything
below can be pickled, sent to Ray workers and written to DuckDB.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date

# --- vocabularies -----------------------------------------------------------

#: How a date was obtained.
DATE_BASES = ("explicit", "relative", "metadata", "header", "url", "inferred", "unknown")

#: What kind of claim an event mention makes. A plan or threat is never a fact.
MODALITIES = (
    "asserted",  # reported as having happened
    "announced",  # a declaration that is itself the act ("declared an end to ...")
    "planned",  # scheduled or intended ("will meet Thursday")
    "threatened",  # conditional threat ("threatened to tear up")
    "hypothetical",  # conditional, recommendation, possibility
    "negated",  # said not to have happened
    "historical",  # habitual or long past ("has on dozens of occasions")
    "reported",  # attributed hearsay ("according to a report")
)

#: The 16 PLOVER 2.0 event types.
PLOVER_TYPES = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)


def stable_id(prefix: str, *parts: object) -> str:
    """A short id that depends only on ``parts``, so re-running a build
    over the same input yields the same ids (and so changes nothing)."""
    digest = hashlib.blake2b("\x1f".join(map(str, parts)).encode("utf-8"), digest_size=8)
    return f"{prefix}_{digest.hexdigest()}"


def mention_id(article_id: str, trigger_start: int, event_type: str) -> str:
    """An EventMention's id: its article, where its trigger starts, its type."""
    return stable_id("em", article_id, trigger_start, event_type)


def statement_id(article_id: str, start: int) -> str:
    """A Statement's id: its article and where its words start."""
    return stable_id("sm", article_id, start)


# --- time -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TimeValue:
    """A TIMEX3-style value and the calendar interval it covers.

    ``value`` follows TimeML (``2020-05-19``, ``2015-03``, ``2015-W12``,
    ``2015-Q1``, ``2015``, ``P3D``, ``PRESENT_REF``, ``XXXX-01-26``);
    ``earliest``/``latest`` bound the days it can mean (None when open).
    """

    value: str
    earliest: date | None = None
    latest: date | None = None
    precision: str = "unknown"  # day, week, month, quarter, season, year, decade, century, unknown
    basis: str = "unknown"  # one of DATE_BASES
    anchor: date | None = None  # the date a relative value was resolved against
    mod: str | None = None  # TIMEX3 mod: START, MID, END, BEFORE, AFTER, APPROX, ...
    evidence: tuple[str, ...] = ()  # why we believe it (for inferred dates)

    @property
    def is_known(self) -> bool:
        return self.earliest is not None or self.latest is not None


@dataclass(frozen=True, slots=True)
class Timex:
    """One temporal expression found in a text."""

    start: int
    end: int
    text: str
    type: str  # DATE, TIME, DURATION, SET
    value: TimeValue
    #: when what a DURATION's clause tells happened: "three days later" is
    #: P3D in TimeML but lands on a day; "have grown in recent years"
    #: (PXY) is the recent past. None for every other expression.
    implied: TimeValue | None = None


# --- articles -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RawDocument:
    """What a reader produced, before cleaning. ``text`` is already decoded."""

    source: str  # path, url, "<stdin>", or "file.jsonl:12"
    text: str
    format: str  # text, html, jsonl, csv, warc
    title: str | None = None
    published: str | None = None  # as found (ISO date preferred)
    published_basis: str = "unknown"  # metadata, header, url
    publisher: str | None = None
    url: str | None = None
    warnings: tuple[str, ...] = ()  # what reading had to repair (bad bytes replaced)


@dataclass(frozen=True, slots=True)
class RemovedSpan:
    """A part of the input that the cleaner removed, and why."""

    start: int  # offsets into the text *before* cleaning
    end: int
    reason: str  # e.g. "donation appeal", "newsletter prompt", "staff credit"
    text: str


@dataclass(frozen=True, slots=True)
class Article:
    id: str  # stable_id("ar", cleaned text)
    source: str  # path or url as given
    text: str  # cleaned text; all offsets point into it
    format: str = "text"
    title: str | None = None
    publisher: str | None = None
    url: str | None = None
    published: TimeValue | None = None
    removed: tuple[RemovedSpan, ...] = ()
    warnings: tuple[str, ...] = ()  # built, but something was repaired on the way (one line each)
    #: an undated article's estimated date (inferred, low confidence): a best day, the interval
    #: the evidence allows (its evidence says when a statistical bound narrowed it); shown,
    #: never used as the article's date (``published`` stays None and anchors nothing)
    published_estimate: TimeValue | None = None

    @staticmethod
    def make_id(cleaned_text: str) -> str:
        return stable_id("ar", cleaned_text)


@dataclass(frozen=True, slots=True)
class Failure:
    """An input that could not be processed; stored, never fatal to a build."""

    source: str
    stage: str  # ingest, clean, annotate, time, events, ...
    reason: str  # one line, says how to fix it where possible


# --- actors -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Role:
    title: str
    organisation: str | None = None
    start: date | None = None
    end: date | None = None


@dataclass(frozen=True, slots=True)
class Actor:
    """An entry of the actor knowledge base."""

    name: str  # canonical
    kind: str = "unknown"  # person, organisation, state, group, unknown
    country: str | None = None  # ISO 3166 alpha-3, PSE for Palestine
    sector: str | None = None  # GOV, MIL, REB, IGO, MED, BUS, CVL, ...
    aliases: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()


@dataclass(frozen=True, slots=True)
class ActorRef:
    """An actor as one text mentions it, resolved as far as the text allows."""

    name: str  # canonical name if resolved, else the text
    text: str  # words in the article
    start: int
    end: int
    country: str | None = None
    sector: str | None = None
    kind: str = "unknown"
    resolved: bool = False  # True when found in the knowledge base


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    country: str | None = None  # ISO 3166 alpha-3
    latitude: float | None = None
    longitude: float | None = None
    start: int | None = None
    end: int | None = None


# --- events -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LinkFeatures:
    """What the learned pair model of linking reads of one mention, taken
    from the parse when the mention is found (``link.pair_model.describe``):
    a stored mention carries it, so linking never re-parses its sentence."""

    head: str  # the word that names the happening (a light verb's object)
    pos: str  # its part of speech
    words: str  # the mention's own lemmas
    governor: str = ""  # lemma of the word the head hangs from ("" at the root)
    context: tuple[str, ...] = ()  # content lemmas of the sentence outside the mention
    args: tuple[str, ...] = ()  # names and numbers of the sentence
    roles: tuple[str, ...] = ()  # lemmas of the head's own arguments (who, whom, where)
    entities: tuple[str, ...] = ()  # "LABEL lemma" of the sentence's named entities
    times: tuple[str, ...] = ()  # the sentence's date and time expressions
    vector: str = ""  # the parser's contextual vector of the head (int8, base64)
    participants: tuple[str, ...] = ()  # lemmas of the head's own arguments and what tells them apart


@dataclass(frozen=True, slots=True)
class EventMention:
    """One event as one sentence reports it."""

    id: str  # stable_id("em", article_id, trigger_start, type)
    article_id: str
    type: str  # PLOVER type
    cameo: str | None
    mode: str | None  # PLOVER mode
    modality: str  # one of MODALITIES
    trigger_start: int
    trigger_end: int
    trigger: str  # trigger words
    lemma: str  # trigger lemma, for linking
    sentence_start: int
    sentence_end: int
    sentence: str
    sources: tuple[ActorRef, ...] = ()
    targets: tuple[ActorRef, ...] = ()
    location: Place | None = None
    time: TimeValue | None = None
    confidence: float = 0.5
    summary: str = ""  # "Mahmoud Abbas declares an end to security coordination with Israel"
    features: LinkFeatures | None = None  # for the pair model of linking (None: read from the fields above)
    #: the sentence only refers back to a happening ("claimed responsibility for the attack",
    #: "after the explosion"): linking merges it into the event it refers to
    reference: bool = False


@dataclass(frozen=True, slots=True)
class Statement:
    id: str  # stable_id("sm", article_id, start)
    article_id: str
    speaker: ActorRef
    words: str
    start: int
    end: int
    kind: str = "paraphrase"  # quote or paraphrase
    cue: str = ""  # said, told, according to, ...
    time: TimeValue | None = None
    about: str | None = None  # EventMention id
    #: the CAMEO code of the saying, where the words make one plain: "016" for a denial
    #: ("rejected the accusation", "denied involvement"), a statement in CAMEO and no PLOVER event
    cameo: str | None = None
    #: whom the words are addressed to ("told Y", "expressed condolences to Y", "urged Y") or
    #: about ("skeptical of Y's plan", "hoped that Y would"; a denial: the accuser), as CAMEO
    #: codes a comment's target; never the speaker
    addressees: tuple[ActorRef, ...] = ()


@dataclass(frozen=True, slots=True)
class ArticleAnalysis:
    """Everything the per-article stages found in one article."""

    article: Article
    timexes: tuple[Timex, ...] = ()
    mentions: tuple[EventMention, ...] = ()
    statements: tuple[Statement, ...] = ()


# --- corpus-level records -----------------------------------------------------


@dataclass(frozen=True, slots=True)
class Event:
    """The happening behind one or more mentions across articles."""

    id: str
    type: str
    cameo: str | None
    mode: str | None
    modality: str
    time: TimeValue | None
    sources: tuple[ActorRef, ...]
    targets: tuple[ActorRef, ...]
    location: Place | None
    summary: str
    mention_ids: tuple[str, ...]
    source_count: int  # distinct publishers/articles reporting it
    storyline: str | None = None
    #: why its mentions were merged: the strongest pair links of the
    #: clustering (``storyline show`` lists them)
    links: tuple[PairLink, ...] = ()


@dataclass(frozen=True, slots=True)
class PairLink:
    """One pair of an event's mentions the linker scored: the learned
    probability that they report one happening, and the features that
    pushed it most (name, contribution to the logit)."""

    first: str  # mention id
    second: str
    score: float
    reasons: tuple[tuple[str, float], ...] = ()


@dataclass(frozen=True, slots=True)
class Storyline:
    id: str
    label: str
    event_ids: tuple[str, ...]
    episodes: tuple[tuple[str, ...], ...] = ()  # each: event ids of one recurring event


@dataclass(frozen=True, slots=True)
class Contradiction:
    id: str
    first: str  # record id (mention, statement or event)
    second: str
    why: str


@dataclass(frozen=True, slots=True)
class LinkResult:
    events: tuple[Event, ...] = ()
    storylines: tuple[Storyline, ...] = ()
    contradictions: tuple[Contradiction, ...] = ()
    extra: dict = field(default_factory=dict, compare=False)
