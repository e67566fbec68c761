"""TempEval-3 Task A: read TimeML files and score timexes as the official
TE3 scorer counts them (see ``data/README.md`` in the shared data):

* spans are compared on tokens (words split at hyphens too); a tag that starts
  or ends inside a token takes the whole token;
* relaxed match: one-to-one pairing of overlapping system and gold timexes,
  scanning left to right, the earliest start winning; strict: a relaxed pair
  covering exactly the same tokens;
* counts are summed over documents (micro-average); value and type F1 are
  (share of relaxed pairs whose attribute is equal) x relaxed F1;
* the document creation time is not scored.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable, Iterable, Sequence

import click

from ..errors import EvaluationDataError


@dataclass(frozen=True)
class GoldTimex:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(frozen=True)
class TimeMLDocument:
    name: str
    text: str
    dct: date | None
    timexes: tuple[GoldTimex, ...]
    #: spans of timexes that must not be scored (the DCT when it sits in the text)
    unscored: tuple[tuple[int, int], ...] = ()


_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*?)(/?)>")
_ATTR = re.compile(r'([A-Za-z_]+)="([^"]*)"')


def _attrs(raw: str) -> dict[str, str]:
    return {k: html.unescape(v) for k, v in _ATTR.findall(raw)}


def parse_timeml(content: str, name: str = "") -> TimeMLDocument:
    """Raw text of ``<TEXT>`` with gold TIMEX3 offsets into it, and the DCT."""
    dct = None
    m = re.search(r"<DCT>(.*?)</DCT>", content, re.S)
    if m:
        v = re.search(r'value="(\d{4})-(\d\d)-(\d\d)', m.group(1))
        if v:
            dct = date(int(v[1]), int(v[2]), int(v[3]))
    body = re.search(r"<TEXT>(.*?)</TEXT>", content, re.S)
    if body is None:
        raise EvaluationDataError(f"{name}: no <TEXT> element; is this a TimeML .tml file?")
    raw = body.group(1)
    parts: list[str] = []
    length = 0
    timexes: list[GoldTimex] = []
    unscored: list[tuple[int, int]] = []
    open_timex: tuple[int, dict] | None = None
    pos = 0
    for tag in _TAG.finditer(raw):
        chunk = html.unescape(raw[pos : tag.start()])
        parts.append(chunk)
        length += len(chunk)
        pos = tag.end()
        closing, tag_name = tag.group(1), tag.group(2)
        if tag_name != "TIMEX3":
            continue
        if not closing:
            open_timex = (length, _attrs(tag.group(3)))
        elif open_timex is not None:
            start, attrs = open_timex
            text = "".join(parts)[start:length]
            if attrs.get("functionInDocument") == "CREATION_TIME":
                unscored.append((start, length))
            else:
                timexes.append(GoldTimex(start, length, text, attrs.get("type", ""), attrs.get("value", "")))
            open_timex = None
    parts.append(html.unescape(raw[pos:]))
    return TimeMLDocument(name, "".join(parts), dct, tuple(timexes), tuple(unscored))


def read_timeml_dir(path: str | Path) -> list[TimeMLDocument]:
    root = Path(path)
    if not root.exists():
        raise EvaluationDataError(f"{root} does not exist; point to a folder of TimeML .tml files")
    files = sorted(root.rglob("*.tml")) if root.is_dir() else [root]
    if not files:
        raise EvaluationDataError(f"no .tml files under {root}; point to a folder of TimeML files")
    # A byte-identical copy (TBAQ-cleaned ships one document a second time,
    # in testpipeline/) is one document: scoring it twice would weigh its
    # timexes double.
    seen: set[bytes] = set()
    documents = []
    for f in files:
        raw = f.read_bytes()
        digest = hashlib.blake2b(raw, digest_size=16).digest()
        if digest not in seen:
            seen.add(digest)
            documents.append(parse_timeml(raw.decode("utf-8"), f.name))
    return documents


# --- scoring ----------------------------------------------------------------------

_TOKEN = re.compile(r"[A-Za-z0-9]+|[^\sA-Za-z0-9]")


def token_spans(text: str) -> list[tuple[int, int]]:
    """Tokens as the scorer sees them: letters/digits runs, every other
    non-space character on its own, so hyphens split words."""
    return [(m.start(), m.end()) for m in _TOKEN.finditer(text)]


def to_token_range(tokens: Sequence[tuple[int, int]], start: int, end: int) -> tuple[int, int] | None:
    """The first and last token a character span touches (whole tokens)."""
    import bisect

    starts = [t[0] for t in tokens]
    i = bisect.bisect_right(starts, start) - 1
    if i < 0 or tokens[i][1] <= start:
        i += 1
    j = bisect.bisect_left(starts, end) - 1
    if i >= len(tokens) or j < i:
        return None
    return i, j


@dataclass
class Counts:
    gold: int = 0
    system: int = 0
    relaxed: int = 0
    strict: int = 0
    value: int = 0
    type: int = 0
    documents: int = 0
    errors: list = field(default_factory=list)

    @staticmethod
    def _f1(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    def scores(self) -> dict:
        def prf(hits: int) -> tuple[float, float, float]:
            p = hits / self.system if self.system else 0.0
            r = hits / self.gold if self.gold else 0.0
            return p, r, self._f1(p, r)

        sp, sr, sf = prf(self.strict)
        rp, rr, rf = prf(self.relaxed)
        value_acc = self.value / self.relaxed if self.relaxed else 0.0
        type_acc = self.type / self.relaxed if self.relaxed else 0.0
        return {
            "strict_precision": sp,
            "strict_recall": sr,
            "strict_f1": sf,
            "relaxed_precision": rp,
            "relaxed_recall": rr,
            "relaxed_f1": rf,
            "value_accuracy": value_acc,
            "value_f1": value_acc * rf,
            "type_accuracy": type_acc,
            "type_f1": type_acc * rf,
            "documents": self.documents,
            "timexes": self.gold,
        }


def score_document(
    text: str, gold: Sequence, system: Sequence, counts: Counts, unscored: Sequence[tuple[int, int]] = ()
) -> None:
    """Add one document's matches to ``counts``. ``gold`` and ``system``
    items need ``start``, ``end``, ``type`` and ``value`` (a string, or an
    object with a ``value`` string)."""
    tokens = token_spans(text)

    def ranges(items):
        out = []
        for item in items:
            rng = to_token_range(tokens, item.start, item.end)
            if rng is None:
                continue
            if any(
                rng[0] <= u1 and u0 <= rng[1]
                for u0, u1 in (to_token_range(tokens, a, b) or (-1, -2) for a, b in unscored)
            ):
                continue
            out.append((rng, item))
        return sorted(out, key=lambda x: x[0])

    gold_r, sys_r = ranges(gold), ranges(system)
    counts.gold += len(gold_r)
    counts.system += len(sys_r)
    counts.documents += 1
    used = [False] * len(sys_r)
    for (g0, g1), g in gold_r:
        best = None
        for k, ((s0, s1), _) in enumerate(sys_r):
            if used[k]:
                continue
            if s0 > g1:
                break
            if s1 >= g0:
                best = k
                break
        if best is None:
            counts.errors.append(("missed", g.text if hasattr(g, "text") else "", g.type, _value(g), ""))
            continue
        used[best] = True
        (s0, s1), s = sys_r[best]
        counts.relaxed += 1
        if (s0, s1) == (g0, g1):
            counts.strict += 1
        if _value(s) == _value(g):
            counts.value += 1
        else:
            counts.errors.append(("value", getattr(g, "text", ""), getattr(s, "text", ""), _value(g), _value(s)))
        if s.type == g.type:
            counts.type += 1
    for k, ((_, _), s) in enumerate(sys_r):
        if not used[k]:
            counts.errors.append(("spurious", getattr(s, "text", ""), s.type, _value(s), ""))


_SHAPES = (
    ("day", re.compile(r"^\d{4}-\d\d-\d\d$")),
    ("time", re.compile(r"T")),
    ("week", re.compile(r"W")),
    ("quarter/half", re.compile(r"-[QH]")),
    ("season", re.compile(r"-(SP|SU|FA|WI)$")),
    ("month", re.compile(r"^\d{4}-\d\d$")),
    ("year", re.compile(r"^\d{4}$")),
    ("decade/century", re.compile(r"^\d{2,3}X?$")),
    ("duration", re.compile(r"^P")),
    ("ref", re.compile(r"_REF$")),
    ("unresolved", re.compile(r"X")),
)


def value_class(gold: str, system: str) -> str:
    """A coarse name for a value mismatch, so failures group by what went
    wrong: the gold value's shape, and whether the system got the shape
    (granularity) right but the date wrong."""

    def shape(v: str) -> str:
        return next((name for name, rx in _SHAPES if rx.search(v)), "other")

    g, s = shape(gold), shape(system)
    return f"{g}: wrong {g}" if g == s else f"{g}: given as {s}"


def failures(counts: Counts) -> list[tuple[str, ...]]:
    """Value mismatches as (class, document, gold text, system text, gold
    value, system value), sorted by class; ``evaluate`` must have been given
    documents so that errors carry their names."""
    rows = []
    for err in counts.errors:
        if err[1] != "value":
            continue
        name, _, gold_text, sys_text, gold_value, sys_value = err
        rows.append((value_class(gold_value, sys_value), name, gold_text, sys_text, gold_value, sys_value))
    return sorted(rows)


def _value(item) -> str:
    v = item.value
    return v if isinstance(v, str) else v.value


def evaluate(
    documents: Iterable[TimeMLDocument], tagger: Callable[[TimeMLDocument], Sequence], counts: Counts | None = None
) -> Counts:
    counts = counts or Counts()
    for doc in documents:
        first = len(counts.errors)
        score_document(doc.text, doc.timexes, tagger(doc), counts, doc.unscored)
        counts.errors[first:] = [(doc.name,) + e for e in counts.errors[first:]]
    return counts


def storyline_tagger(nlp=None) -> Callable[[TimeMLDocument], Sequence]:
    """Parse each document whole with spaCy, tag anchored at the DCT (the
    tags ``storyline_tags`` gives faster)."""
    from ..annotate import load_pipeline
    from ..time import tag

    nlp = nlp or load_pipeline()

    def run(doc: TimeMLDocument):
        return tag(nlp(doc.text), doc.dct)

    return run


def storyline_tags(documents: Sequence[TimeMLDocument], nlp=None) -> list[tuple]:
    """Every document's timexes anchored at its DCT, through the dates-only
    path (``time.selective``): the tags of parsing each document whole, with
    only the sentences whose expressions read the tense parsed."""
    from ..annotate import load_pipeline
    from ..time.selective import tag_texts

    nlp = nlp or load_pipeline()
    return list(tag_texts([d.text for d in documents], [d.dct for d in documents], nlp))


def run_tempeval(gold_dir: str | Path, nlp=None) -> dict:
    return run_tempeval_counts(gold_dir, nlp).scores()


def run_tempeval_counts(gold_dir: str | Path, nlp=None) -> Counts:
    documents = read_timeml_dir(gold_dir)
    tags = {id(doc): timexes for doc, timexes in zip(documents, storyline_tags(documents, nlp))}
    return evaluate(documents, lambda doc: tags[id(doc)])


@click.command(name="tempeval")
@click.argument("gold_dir", type=click.Path(exists=True))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON line.")
@click.option(
    "--failures", is_flag=True, help="Also list every value mismatch, grouped by class (tab-separated, to stderr)."
)
def command(gold_dir: str, as_json: bool, failures: bool) -> None:
    """Score timex recognition and normalisation on TimeML files (TempEval-3 Task A).

    \b
    Example:
        storyline eval tempeval ../shared/data/tempeval3/TBAQ-cleaned --json
        storyline eval tempeval ../shared/data/tempeval3/TBAQ-cleaned --failures 2> failures.tsv
    """
    counts = run_tempeval_counts(gold_dir)
    scores = counts.scores()
    if failures:
        _print_failures(counts)
    if as_json:
        keys = ("strict_f1", "relaxed_f1", "value_f1", "type_f1", "documents", "timexes")
        click.echo(json.dumps({k: (round(scores[k], 4) if isinstance(scores[k], float) else scores[k]) for k in keys}))
        return
    click.echo(f"documents {scores['documents']}, gold timexes {scores['timexes']}")
    for name in ("strict", "relaxed"):
        click.echo(
            f"{name:8s} P {scores[name + '_precision']:.3f}  R {scores[name + '_recall']:.3f}"
            f"  F1 {scores[name + '_f1']:.3f}"
        )
    click.echo(f"value    F1 {scores['value_f1']:.3f} (accuracy {scores['value_accuracy']:.3f})")
    click.echo(f"type     F1 {scores['type_f1']:.3f} (accuracy {scores['type_accuracy']:.3f})")


def _print_failures(counts: Counts) -> None:
    """Classes with their counts, then the rows; stderr keeps --json's
    stdout one line."""
    rows = failures(counts)
    tally: dict[str, int] = {}
    for row in rows:
        tally[row[0]] = tally.get(row[0], 0) + 1
    for cls, n in sorted(tally.items(), key=lambda kv: -kv[1]):
        click.echo(f"# {n:4d}  {cls}", err=True)
    for row in rows:
        click.echo("\t".join(row), err=True)
