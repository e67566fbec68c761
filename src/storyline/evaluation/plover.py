"""PLOVER gold-standard records: event type, source and target accuracy.

FILE is a PLOVER gold-standard JSON list (``id``, ``event``, ``text``,
``source``/``target`` lists of ``{actorText, code}``) or a CSV with columns
``text,label[,source,target]``. Old type names are mapped to PLOVER 2.0
(DEMAND->REQUEST, DISAPPROVE and INVESTIGATE->ACCUSE, FIGHT->ASSAULT);
YIELD counts as CONCEDE or RETREAT; DOCUMENT records are skipped.

Each sentence is coded on its own and its *main* event (the one nearest the
root of the parse) is compared with the gold record, as PLOVER codes one
event per record.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from pathlib import Path

import click

from ..actors import load_kb, normalise
from ..errors import EvaluationDataError
from ..models import Article, PLOVER_TYPES

OLD_NAMES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
#: Gold types that accept more than one PLOVER 2.0 type.
ALTERNATIVES = {"YIELD": ("CONCEDE", "RETREAT")}


@dataclass(frozen=True)
class GoldRecord:
    id: str
    text: str
    types: tuple[str, ...]  # accepted PLOVER 2.0 types, first is canonical
    sources: tuple[tuple[str, str], ...]  # (actor text, code)
    targets: tuple[tuple[str, str], ...]


def _actors(value) -> tuple[tuple[str, str], ...]:
    if not value:
        return ()
    if isinstance(value, str):
        return tuple((part.strip(), part.strip()) for part in value.split("|") if part.strip())
    out = []
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, dict):
            out.append((str(item.get("actorText") or "").strip(), str(item.get("code") or "").strip()))
    return tuple(out)


def _types(label: str) -> tuple[str, ...] | None:
    label = label.strip().upper()
    if label in ALTERNATIVES:
        return ALTERNATIVES[label]
    label = OLD_NAMES.get(label, label)
    return (label,) if label in PLOVER_TYPES else None


def read_gold(path: str | Path) -> list[GoldRecord]:
    path = Path(path)
    if not path.is_file():
        raise EvaluationDataError(f"{path} does not exist; give a PLOVER gold-standard JSON file or a CSV")
    records = []
    if path.suffix.lower() == ".csv":
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            if not reader.fieldnames or not {"text", "label"} <= set(reader.fieldnames):
                raise EvaluationDataError(f"{path} needs the columns text,label[,source,target]")
            for n, row in enumerate(reader, 1):
                types = _types(row.get("label") or "")
                if types and (row.get("text") or "").strip():
                    records.append(
                        GoldRecord(
                            f"row{n}",
                            row["text"].strip(),
                            types,
                            _actors(row.get("source")),
                            _actors(row.get("target")),
                        )
                    )
        return records
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise EvaluationDataError(f"{path} is not a JSON list of PLOVER records: {exc}") from None
    if not isinstance(data, list):
        raise EvaluationDataError(f"{path} must hold a JSON list of PLOVER records")
    for item in data:
        if not isinstance(item, dict) or not item.get("text"):
            continue  # DOCUMENT records carry no sentence
        types = _types(str(item.get("event") or ""))
        if types is None:
            continue
        records.append(
            GoldRecord(
                str(item.get("id", "")),
                str(item["text"]).strip(" {}"),
                types,
                _actors(item.get("source")),
                _actors(item.get("target")),
            )
        )
    return records


def _matches(predicted, gold: tuple[tuple[str, str], ...]) -> bool:
    """An actor matches when its normalised name overlaps the gold text (or
    its canonical name stands whole inside it: a pronoun resolved to the
    person the gold phrase names with a title), or its country code (or IGO
    sector) equals the gold code."""
    for ref in predicted:
        name = normalise(ref.name)
        text = normalise(ref.text)
        for gold_text, code in gold:
            gnorm = normalise(gold_text)
            if code and (code == ref.country or (code == "IGO" and ref.sector == "IGO")):
                return True
            if gnorm and (gnorm in (name, text) or (len(gnorm) > 3 and (gnorm in text or text in gnorm))):
                return True
            if len(name) > 3 and _within(name.split(), gnorm.split()):
                return True  # "he" resolved to "Abdelaziz Bouteflika" for the gold "President Abdelaziz Bouteflika"
    return False


def _within(words: list[str], phrase: list[str]) -> bool:
    """``words`` occur together, whole, in ``phrase``."""
    n = len(words)
    return any(phrase[i : i + n] == words for i in range(len(phrase) - n + 1))


def main_mention(doc, mentions):
    """The event nearest the root of the parse; ties go to the earliest."""
    from ..events.mentions import depth

    if not mentions:
        return None
    return min(mentions, key=lambda m: (depth(doc, m), m.trigger_start))


def score(records: list[GoldRecord], nlp=None) -> dict:
    from ..annotate import load_pipeline
    from ..events import extract, plover_type

    if not records:
        raise EvaluationDataError("no scorable records (every record was DOCUMENT or had no text)")
    nlp = nlp or load_pipeline()
    load_kb()
    correct = coded = 0
    src_hit = src_n = tgt_hit = tgt_n = 0
    pairs: list[tuple[str, str | None]] = []
    failures = []
    texts = [r.text for r in records]
    for record, doc in zip(records, nlp.pipe(texts, batch_size=64)):
        article = Article(id=Article.make_id(record.text), source=record.id, text=record.text)
        mentions, _ = extract(article, doc, ())
        main = main_mention(doc, mentions)
        predicted = plover_type(main) if main else None
        coded += main is not None
        ok = predicted in record.types
        correct += ok
        pairs.append((record.types[0] if not ok or predicted is None else predicted, predicted))
        if not ok:
            failures.append({"id": record.id, "gold": record.types[0], "predicted": predicted})
        for role, gold, found in (
            ("source", record.sources, main.sources if main else ()),
            ("target", record.targets, main.targets if main else ()),
        ):
            if not gold:
                continue
            hit = bool(main and _matches(found, gold))
            if role == "source":
                src_n, src_hit = src_n + 1, src_hit + hit
            else:
                tgt_n, tgt_hit = tgt_n + 1, tgt_hit + hit
            if not hit and main is not None:
                # coded, but not with the gold actor: what was found instead
                failures.append(
                    {
                        "id": record.id,
                        "missed": role,
                        "gold": [text or code for text, code in gold],
                        "predicted": [ref.name for ref in found],
                    }
                )
    n = len(records)
    return {
        "n": n,
        "accuracy": round(correct / n, 4),
        "macro_f1": round(_macro_f1(pairs), 4),
        "source_match": round(src_hit / src_n, 4) if src_n else None,
        "target_match": round(tgt_hit / tgt_n, 4) if tgt_n else None,
        "coded": round(coded / n, 4),
        "failures": failures,
    }


def _macro_f1(pairs: list[tuple[str, str | None]]) -> float:
    """Macro-F1 over the gold types present; an uncoded sentence is a miss."""
    labels = sorted({gold for gold, _ in pairs})
    scores = []
    for label in labels:
        tp = sum(1 for g, p in pairs if g == label and p == label)
        fp = sum(1 for g, p in pairs if g != label and p == label)
        fn = sum(1 for g, p in pairs if g == label and p != label)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        scores.append(2 * precision * recall / (precision + recall) if precision + recall else 0.0)
    return sum(scores) / len(scores) if scores else 0.0


@click.command(name="plover")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of a table.")
@click.option(
    "--failures",
    is_flag=True,
    help="Also list the records coded wrongly, and those coded without the gold source or target.",
)
def command(file: str, as_json: bool, failures: bool) -> None:
    """Score event coding against PLOVER gold-standard records.

    FILE is a PLOVER gold-standard JSON list or a CSV with columns
    text,label[,source,target]. Reports accuracy and macro-F1 of the main
    event type, source and target match rates and the share coded at all.

    \b
    Example:
        storyline eval plover ../shared/data/plover_gsr_dev.json --json
    """
    result = score(read_gold(file))
    wrong = result.pop("failures")
    if as_json:
        click.echo(json.dumps(result | ({"failures": wrong} if failures else {})))
        return
    for key in ("n", "accuracy", "macro_f1", "source_match", "target_match", "coded"):
        click.echo(f"{key:13} {result[key]}")
    if failures:
        for item in wrong:
            if "missed" in item:
                click.echo(
                    f"  {item['id']}: {item['missed']} missed: gold {' | '.join(item['gold'])}, "
                    f"predicted {' | '.join(item['predicted']) or 'none'}"
                )
            else:
                click.echo(f"  {item['id']}: gold {item['gold']}, predicted {item['predicted']}")
