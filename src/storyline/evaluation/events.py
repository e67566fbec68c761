"""Event coding against the development files of ``../shared/data/events/``.

One JSON object per line (``id``, ``text``, ``published``, ``exhaustive``,
``events`` with ``type``, ``trigger``, ``source``, ``target`` spans, and
``quad``; the files' README describes it). Each record's text goes through
the build's own analysis (``pipeline.analyse_stream``: the parse, time,
events, actors), dated at ``published`` when the record gives it, and what
it codes is scored:

- ``detect_recall``: gold events with a PLOVER type that a storyline event
  answers: its trigger span overlaps the gold trigger (a gold event without
  a trigger is answered by any event of its record);
- ``typed_recall``: the same, with an answering event of the gold type
  (the type PLOVER's convention gives it, ``events.plover_type``);
- ``type_accuracy``: typed among detected;
- ``precision``: on exhaustive records only, the share of storyline events
  in a sentence holding some gold event (of any type, null included);
- ``quad_accuracy``, ``quad_macro_f1``: records with a ``quad`` label,
  against the most severe quad class of the record's events (none: neutral).
  The labels are ConfliBERT's ``cameo_class`` (0-4), classes of CAMEO codes
  in the five-class scheme of the Phoenix pipeline (openeventdata
  ``phoenix_pipeline``, ``postprocess.process_cameo``): roots 01-02
  (statements, appeals) 0 = neutral, 03-05 verbal cooperation, 06-08
  material cooperation, 09-13 and 16 verbal conflict, 14-15 and 17-20
  material conflict. So an event's class is that of its own CAMEO code
  (``quad_of``), as the labels were made; its PLOVER type decides only when
  it has no code. An act the sentence does not report as done is coded as
  CAMEO codes the sentence: a considered, recommended or conditional act
  (modality ``hypothetical``) is a statement or appeal (014, 02: neutral), a
  denied hostile act (``negated``) a denial (016: neutral); an intention or
  threat takes PLOVER's convention (``plover_type``: AGREE, THREATEN, REJECT),
  which is CAMEO's (03, 13, 12). A mention flagged as a reference back to a
  happening reported elsewhere (``reference``: "claimed responsibility for
  the attack") is not its sentence's act and does not decide its class, nor
  does one told in the words of a statement that CAMEO codes as the
  sentence's act: a claim of one's own act ("the rebels claimed that they
  had attacked the base", ``Statement.cameo`` 015) or a denial ("rejected
  the allegation that he raped a girl", 016); such a sentence is neutral
  unless another of its events says otherwise;
- ``source_match``, ``target_match``: gold events with source (target)
  spans whose answering events have an actor whose mention overlaps one of
  them, or whose resolved name is the words of one, or (a pronoun) whose
  resolved name stands whole inside one ("him" resolved to Recep Tayyip
  Erdogan for "President Recep Tayyip Erdogan of Turkey", as ``eval
  plover`` matches). A gold event without a trigger is the CAMEO event of
  its sentence, and CAMEO's root 01 is the statement: storyline codes a
  statement as a ``Statement`` record, not an event mention, so for such a
  gold event a statement of the record answers too: its speaker as source,
  its addressees (``Statement.addressees``: whom the words are addressed to
  or about, as CAMEO codes a comment's target; for a denial, the accuser) as
  targets. ConfliBERT's ``cameo_ner`` S and T tags mark them in its many 01
  sentences ("X said it is skeptical of Y", "X claimed responsibility for",
  "X expressed condolences to Y", "X rejected accusations by Y": a denial,
  CAMEO 016, is a statement too). A statement never answers a gold event
  with a trigger: its span is its words, not the word that says them.

``gold_events`` counts the gold events with a PLOVER type (the recall
denominator). A measure with nothing to score is null. A malformed line is
named on stderr and skipped, never fatal.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Callable, Sequence

import click

from ..errors import EvaluationDataError
from ..models import PLOVER_TYPES, Article, EventMention, Statement, TimeValue

#: The quad classes, least severe first (ConfliBERT's cameo_class 0-4).
QUAD_ORDER = ("neutral", "verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")
#: CAMEO root -> class, the Phoenix pipeline's five-class table (its quad_class 0-4).
QUAD_OF_ROOT = {
    **dict.fromkeys(("01", "02"), "neutral"),
    **dict.fromkeys(("03", "04", "05"), "verbal_cooperation"),
    **dict.fromkeys(("06", "07", "08"), "material_cooperation"),
    **dict.fromkeys(("09", "10", "11", "12", "13", "16"), "verbal_conflict"),
    **dict.fromkeys(("14", "15", "17", "18", "19", "20"), "material_conflict"),
}
#: PLOVER type -> class, for a mention without a CAMEO code (PLOVER's own quads).
QUAD_OF_TYPE = {
    **dict.fromkeys(("AGREE", "CONSULT", "SUPPORT", "CONCEDE"), "verbal_cooperation"),
    **dict.fromkeys(("COOPERATE", "AID", "RETREAT"), "material_cooperation"),
    **dict.fromkeys(("REQUEST", "ACCUSE", "REJECT", "THREATEN"), "verbal_conflict"),
    **dict.fromkeys(("PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"), "material_conflict"),
}

KEYS = (
    "records",
    "gold_events",
    "detect_recall",
    "typed_recall",
    "type_accuracy",
    "precision",
    "quad_accuracy",
    "quad_macro_f1",
    "source_match",
    "target_match",
)


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str

    def overlaps(self, start: int, end: int) -> bool:
        return self.start < end and start < self.end


@dataclass(frozen=True)
class GoldEvent:
    type: str | None
    trigger: Span | None
    sources: tuple[Span, ...] = ()
    targets: tuple[Span, ...] = ()


@dataclass(frozen=True)
class GoldRecord:
    id: str
    text: str
    published: date | None = None
    exhaustive: bool = False
    events: tuple[GoldEvent, ...] = ()
    quad: str | None = None


class Malformed(ValueError):
    """One line that is not a record of the format; says what is wrong."""


def _span(value, text: str, where: str) -> Span:
    if not isinstance(value, dict):
        raise Malformed(f"{where} is not an object with start, end, text")
    start, end = value.get("start"), value.get("end")
    if not (isinstance(start, int) and isinstance(end, int)) or isinstance(start, bool) or isinstance(end, bool):
        raise Malformed(f"{where} needs integer start and end")
    if not 0 <= start < end <= len(text):
        raise Malformed(f"{where} [{start}, {end}) lies outside the text ({len(text)} characters)")
    words = value.get("text")
    if words is not None and text[start:end] != words:
        raise Malformed(f"{where}: text[{start}:{end}] is {text[start:end]!r}, not {words!r}")
    return Span(start, end, text[start:end])


def _spans(value, text: str, where: str) -> tuple[Span, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise Malformed(f"{where} is not a list of spans")
    return tuple(_span(item, text, f"{where}[{n}]") for n, item in enumerate(value))


def parse_record(line: str) -> GoldRecord:
    """One line of the format as a record; ``Malformed`` says why not."""
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        raise Malformed(f"not JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(data, dict):
        raise Malformed("not a JSON object")
    text = data.get("text")
    if not isinstance(text, str) or not text.strip():
        raise Malformed("no text")
    published = data.get("published")
    if published is not None:
        try:
            published = date.fromisoformat(str(published))
        except ValueError:
            raise Malformed(f"published {published!r} is not YYYY-MM-DD") from None
    quad = data.get("quad")
    if quad is not None and quad not in QUAD_ORDER:
        raise Malformed(f"quad {quad!r} is none of {', '.join(QUAD_ORDER)}")
    raw_events = data.get("events") or []
    if not isinstance(raw_events, list):
        raise Malformed("events is not a list")
    events = []
    for n, item in enumerate(raw_events):
        if not isinstance(item, dict):
            raise Malformed(f"events[{n}] is not an object")
        kind = item.get("type")
        if kind is not None and kind not in PLOVER_TYPES:
            raise Malformed(f"events[{n}].type {kind!r} is not a PLOVER type")
        trigger = item.get("trigger")
        events.append(
            GoldEvent(
                kind,
                None if trigger is None else _span(trigger, text, f"events[{n}].trigger"),
                _spans(item.get("source"), text, f"events[{n}].source"),
                _spans(item.get("target"), text, f"events[{n}].target"),
            )
        )
    return GoldRecord(str(data.get("id") or ""), text, published, data.get("exhaustive") is True, tuple(events), quad)


def read_records(
    path: str | Path, on_malformed: Callable[[str], None] = lambda message: None, limit: int | None = None
) -> list[GoldRecord]:
    """The records of a JSONL file (the first ``limit`` of them); each
    malformed line is told to ``on_malformed`` as ``FILE:LINE: reason``
    and skipped. A record without an id is named by its line."""
    path = Path(path)
    if not path.is_file():
        raise EvaluationDataError(
            f"{path} does not exist; give a JSONL file of event records "
            "(../shared/data/events/README.md describes the format)"
        )
    records: list[GoldRecord] = []
    seen: set[str] = set()
    with path.open(encoding="utf-8", errors="replace") as handle:
        for number, line in enumerate(handle, 1):
            if limit is not None and len(records) >= limit:
                break
            if not line.strip():
                continue
            try:
                record = parse_record(line)
            except Malformed as exc:
                on_malformed(f"{path}:{number}: {exc}")
                continue
            if not record.id:
                record = replace(record, id=f"line{number}")
            if record.id in seen:
                on_malformed(f"{path}:{number}: id {record.id!r} repeats an earlier record")
                continue
            seen.add(record.id)
            records.append(record)
    return records


def code_records(
    records: Sequence[GoldRecord],
    settings=None,
    on_failure: Callable[[str], None] = lambda message: None,
    statements: dict[str, list[Statement]] | None = None,
) -> dict[str, list[EventMention]]:
    """Record id -> the event mentions the build's analysis codes in its
    text (and, into ``statements`` when given, record id -> its statements).
    A record the analysis fails on is told to ``on_failure`` and codes
    nothing."""
    from ..pipeline import analyse_stream
    from ..settings import Settings

    settings = settings or Settings(batch_size=64)
    articles = (
        Article(id=Article.make_id(r.text), source=r.id, text=r.text, published=_day(r.published)) for r in records
    )
    coded: dict[str, list[EventMention]] = {r.id: [] for r in records}
    for analysis in analyse_stream(articles, settings, lambda f: on_failure(f"{f.source}: {f.stage}: {f.reason}")):
        coded[analysis.article.source] = list(analysis.mentions)
        if statements is not None:
            statements[analysis.article.source] = list(analysis.statements)
    return coded


def _day(value: date | None) -> TimeValue | None:
    return None if value is None else TimeValue(value.isoformat(), value, value, "day", "metadata")


@dataclass
class _Counts:
    records: int = 0
    gold: int = 0
    detected: int = 0
    typed: int = 0
    system: int = 0  # storyline events on exhaustive records
    alarms: int = 0  # of them, in a sentence with no gold event
    quads: list[tuple[str, str]] = field(default_factory=list)
    roles: dict[str, list[int]] = field(default_factory=lambda: {"source": [0, 0], "target": [0, 0]})


def _ratio(hits: int, total: int) -> float | None:
    return round(hits / total, 4) if total else None


def macro_f1(pairs: Sequence[tuple[str, str]]) -> float | None:
    """Macro-F1 of (gold, predicted) pairs over every class either side
    uses: a class coded but never gold scores 0, so false alarms count."""
    if not pairs:
        return None
    scores = []
    for label in sorted({g for g, _ in pairs} | {p for _, p in pairs}):
        tp = sum(1 for g, p in pairs if g == label == p)
        fp = sum(1 for g, p in pairs if p == label != g)
        fn = sum(1 for g, p in pairs if g == label != p)
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return round(sum(scores) / len(scores), 4)


def _answering(event: GoldEvent, mentions: Sequence[EventMention]) -> list[EventMention]:
    if event.trigger is None:
        return list(mentions)
    return [m for m in mentions if event.trigger.overlaps(m.trigger_start, m.trigger_end)]


def quad_of(mention: EventMention) -> str:
    """The class of one mention in the labels' scheme: its own CAMEO code's,
    as CAMEO would code the sentence (see the module docstring)."""
    from ..events import plover_type

    if getattr(mention, "reference", False):
        return "neutral"
    if mention.modality == "hypothetical":
        return "neutral"
    kind = plover_type(mention)
    if kind != mention.type:  # an intention, threat or refusal: CAMEO 03, 13, 12
        return QUAD_OF_TYPE.get(kind, "neutral")
    if mention.modality == "negated":  # a hostile act denied: CAMEO 016
        return "neutral"
    root = (mention.cameo or "")[:2]
    if root in QUAD_OF_ROOT:
        return QUAD_OF_ROOT[root]
    return QUAD_OF_TYPE.get(kind, "neutral")


#: Statement codes whose words hold an act that is not the sentence's own: CAMEO 015 (one's
#: own act claimed: "claimed that they had attacked the base") and 016 (a charge denied).
CONTENT_CODES = frozenset({"015", "016"})


def _told_by_claim_or_denial(mention: EventMention, said: Sequence[Statement]) -> bool:
    """Whether the mention's trigger lies in the words of a claim of responsibility or a
    denial: CAMEO codes such a sentence as the claim or the denial (root 01, neutral)."""
    return any(st.cameo in CONTENT_CODES and st.start <= mention.trigger_start < st.end for st in said)


def _actor_matches(spans: Sequence[Span], refs) -> bool:
    from ..actors import normalise

    for ref in refs:
        name = normalise(ref.name)
        pronoun = ref.text.lower() in PRONOUNS and len(name) > 3
        for span in spans:
            gold = normalise(span.text)
            if span.overlaps(ref.start, ref.end) or (name and name == gold):
                return True
            if pronoun and _within(name.split(), gold.split()):
                return True
    return False


#: Words that stand for an actor named elsewhere; their actor is the one they resolve to.
PRONOUNS = frozenset({"he", "him", "his", "she", "her", "they", "them", "their", "it", "its", "we", "us", "our"})


def _within(words: list[str], phrase: list[str]) -> bool:
    """``words`` occur together, whole, in ``phrase``."""
    n = len(words)
    return any(phrase[i : i + n] == words for i in range(len(phrase) - n + 1))


def _describe(m: EventMention) -> str:
    from ..events import plover_type

    return f"{plover_type(m)} {m.trigger!r}"


def score(
    records: Sequence[GoldRecord],
    coded: dict[str, Sequence[EventMention]],
    statements: dict[str, Sequence[Statement]] | None = None,
) -> tuple[dict, list[str]]:
    """The scores of KEYS, and one line per miss (for ``--failures``).
    ``statements`` (record id -> its statements) answer gold events without
    a trigger with their speakers as sources and their addressees as targets."""
    from ..events import plover_type

    counts, failures = _Counts(), []
    for record in records:
        mentions = list(coded.get(record.id, ()))
        counts.records += 1
        for event in record.events:
            answers = _answering(event, mentions)
            where = f"{event.trigger.text!r}@{event.trigger.start}" if event.trigger else "(no trigger)"
            if event.type is not None:
                counts.gold += 1
                if answers:
                    counts.detected += 1
                    if any(plover_type(m) == event.type for m in answers):
                        counts.typed += 1
                    else:
                        failures.append(
                            f"{record.id}: mistyped {event.type} {where} as " + ", ".join(_describe(m) for m in answers)
                        )
                else:
                    failures.append(f"{record.id}: missed {event.type} {where}")
            for role, spans in (("source", event.sources), ("target", event.targets)):
                if not spans:
                    continue
                refs = [ref for m in answers for ref in (m.sources if role == "source" else m.targets)]
                if event.trigger is None and statements:
                    said = statements.get(record.id, ())
                    refs += (
                        [st.speaker for st in said] if role == "source" else [a for st in said for a in st.addressees]
                    )
                hit = _actor_matches(spans, refs)
                counts.roles[role][0] += hit
                counts.roles[role][1] += 1
                if not hit:
                    failures.append(
                        f"{record.id}: {role} missed {' | '.join(s.text for s in spans)!r} at {where}: "
                        f"found {' | '.join(r.text for r in refs) or 'none'}"
                    )
        if record.exhaustive:
            starts = [e.trigger.start for e in record.events if e.trigger is not None]
            for m in mentions:
                counts.system += 1
                if not any(m.sentence_start <= s < m.sentence_end for s in starts):
                    counts.alarms += 1
                    failures.append(
                        f"{record.id}: false alarm {_describe(m)}@{m.trigger_start} in {m.sentence.strip()[:100]!r}"
                    )
        if record.quad is not None:
            said = statements.get(record.id, ()) if statements else ()
            classes = [quad_of(m) for m in mentions if not _told_by_claim_or_denial(m, said)]
            predicted = max(classes, key=QUAD_ORDER.index, default="neutral")
            counts.quads.append((record.quad, predicted))
            if predicted != record.quad:
                failures.append(
                    f"{record.id}: quad {record.quad}, coded {predicted} "
                    f"({', '.join(_describe(m) for m in mentions) or 'no event'})"
                )
    quad_hits = sum(gold == predicted for gold, predicted in counts.quads)
    result = {
        "records": counts.records,
        "gold_events": counts.gold,
        "detect_recall": _ratio(counts.detected, counts.gold),
        "typed_recall": _ratio(counts.typed, counts.gold),
        "type_accuracy": _ratio(counts.typed, counts.detected),
        "precision": _ratio(counts.system - counts.alarms, counts.system),
        "quad_accuracy": _ratio(quad_hits, len(counts.quads)),
        "quad_macro_f1": macro_f1(counts.quads),
        "source_match": _ratio(*counts.roles["source"]),
        "target_match": _ratio(*counts.roles["target"]),
    }
    return result, failures


def evaluate_file(
    path: str | Path, limit: int | None = None, settings=None, warn: Callable[[str], None] = lambda message: None
) -> tuple[dict, list[str]]:
    """Read, code and score one file: the command's work, for benchmarks."""
    malformed: list[str] = []
    records = read_records(path, malformed.append, limit)
    for message in malformed:
        warn(f"malformed: {message}")
    if malformed:
        warn(f"{len(malformed)} malformed line(s) skipped in {path}")
    said: dict[str, list[Statement]] = {}
    coded = code_records(records, settings, lambda message: warn(f"not analysed: {message}"), said)
    return score(records, coded, said)


def _stderr(message: str) -> None:
    click.echo(message, err=True)


@click.command(name="events")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON line instead of a table.")
@click.option(
    "--failures",
    is_flag=True,
    help="List every miss to stderr: missed and mistyped events, false alarms, quad and actor misses.",
)
@click.option(
    "--limit",
    type=click.IntRange(min=1),
    default=None,
    help="Score only the first N well-formed records (a quick look).",
)
def command(file: str, as_json: bool, failures: bool, limit: int | None) -> None:
    """Score event coding against a JSONL file of event records.

    Each record's text runs through the build's analysis, dated at its
    `published` day when given. Prints detection and typed recall, type
    accuracy, precision (exhaustive records), quad-class accuracy and
    macro-F1, and source/target match; null where the file has nothing to
    score. Malformed lines are named on stderr and skipped.

    \b
    Example:
        storyline eval events ../shared/data/events/rams_dev.jsonl --json
    """
    result, misses = evaluate_file(file, limit, warn=_stderr)
    if failures:
        for line in misses:
            _stderr(line)
    if as_json:
        click.echo(json.dumps(result))
        return
    for key in KEYS:
        click.echo(f"{key:14} {result[key]}")
