"""ECB+ cross-document event coreference: reader, scorer and command.

The data are the Cybulska & Vossen split files (``ECB_<Split>_corpus.txt``,
one token per line, and ``ECB_<Split>_Event_gold_mentions.json``). At
prediction time only the gold mention *spans* are used: never the gold
chains, never the topic numbers hidden in document names.

What is scored is the build's own linker and nothing else: each document
becomes an ``Article``, each gold span an ``EventMention`` described by the
same feature code a build runs on its mentions
(:mod:`storyline.evaluation.ecbplus_features`), and the whole split goes
through ``storyline.link.link_story`` as one story: the learned pair model
of :mod:`storyline.link.pair_model` (trained on the train split by
``scripts/train_ecbplus.py``) finds which documents and mentions belong
together. Which articles a build groups into one story is measured apart
(``benchmarks/link_scaling.py``).

Scores come from :mod:`storyline.evaluation.coref_scores` (MUC, B-cubed,
CEAF-e and the CoNLL F1, singletons kept), across documents and within
each document.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Hashable, Iterable, Sequence

import click

from ..errors import InputError, UsageError
from .coref_scores import conll_scores
from .ecbplus_features import records

# --- reading ----------------------------------------------------------------


@dataclass(frozen=True)
class GoldMention:
    index: int  # position in the mention file (the key's order)
    doc_id: str
    sent_id: int
    tokens: tuple[int, ...]
    text: str
    chain: str  # gold chain: used for scoring only, never to predict

    @property
    def key(self) -> str:
        return f"{self.doc_id}_{self.sent_id}_{self.tokens[0]}"


def split_files(split_dir: Path, split: str) -> tuple[Path, Path]:
    name = {"dev": "Dev", "test": "Test", "train": "Train"}.get(split.lower())
    if name is None:
        raise UsageError(f"unknown split {split!r}; use dev, test or train")
    corpus = Path(split_dir) / f"ECB_{name}_corpus.txt"
    mentions = Path(split_dir) / f"ECB_{name}_Event_gold_mentions.json"
    for path in (corpus, mentions):
        if not path.is_file():
            raise InputError(
                f"{path} not found; SPLIT_DIR must hold the ECB+ split files "
                f"ECB_{name}_corpus.txt and ECB_{name}_Event_gold_mentions.json"
            )
    return corpus, mentions


def read_corpus(path: Path) -> dict[str, dict[int, list[str]]]:
    """doc id -> sentence id -> tokens (only the sentences the split holds)."""
    docs: dict[str, dict[int, list[str]]] = {}
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 4:
                continue
            doc, sent, tok, word = parts[0], int(parts[1]), int(parts[2]), parts[3]
            sentence = docs.setdefault(doc, {}).setdefault(sent, [])
            if tok != len(sentence):  # the format numbers tokens densely from 0
                raise InputError(f"{path}: token {doc}/{sent}/{tok} out of order")
            sentence.append(word)
    return docs


def read_mentions(path: Path) -> list[GoldMention]:
    with open(path, encoding="utf-8") as handle:
        raw = json.load(handle)
    return [
        GoldMention(
            i,
            m["doc_id"],
            int(m["sent_id"]),
            tuple(int(t) for t in m["tokens_number"]),
            m.get("tokens_str", ""),
            m["coref_chain"],
        )
        for i, m in enumerate(raw)
    ]


# --- prediction: the build's linker --------------------------------------------


def predict(corpus, mentions: Sequence[GoldMention], nlp=None, parsed: dict | None = None) -> list[int]:
    """A cluster label per mention, from spans and text alone, by
    ``link_story`` over the whole split."""
    from ..link import link_story

    articles, ems = records(corpus, mentions, nlp, parsed)
    linked = link_story("ecbplus", articles, ems, ())
    label_of = {}
    for label, event in enumerate(linked.events):
        for mention_id in event.mention_ids:
            label_of[mention_id] = label
    return [label_of[m.id] for m in ems]


def within_document(mentions: Sequence[GoldMention], labels: Sequence[Hashable]) -> dict[str, float]:
    """The CoNLL scores of the within-document links alone: each document's
    gold chains against its predicted clusters, cut at its borders."""
    key = _groups((m.doc_id, m.chain) for m in mentions)
    response = _groups((m.doc_id, label) for m, label in zip(mentions, labels))
    return conll_scores(key, response)


def evaluate(split_dir: Path, split: str, nlp=None, **kwargs) -> tuple[dict[str, float], list[GoldMention], list[int]]:
    corpus_path, mentions_path = split_files(split_dir, split)
    corpus, mentions = read_corpus(corpus_path), read_mentions(mentions_path)
    labels = predict(corpus, mentions, nlp=nlp, **kwargs)
    key = _groups(m.chain for m in mentions)
    response = _groups(labels)
    scores = conll_scores(key, response)
    scores.update({f"within_doc_{k}": v for k, v in within_document(mentions, labels).items()})
    scores.update(
        mentions=len(mentions), documents=len(corpus), gold_clusters=len(key), predicted_clusters=len(response)
    )
    return scores, mentions, labels


def _groups(labels: Iterable[Hashable]) -> list[list[int]]:
    out: dict = {}
    for i, label in enumerate(labels):
        out.setdefault(label, []).append(i)
    return list(out.values())


def write_key_file(path: Path, mentions: Sequence[GoldMention], labels: Sequence[int]) -> None:
    """One line per gold mention in the mention file's order, CoNLL style."""
    with open(path, "w", encoding="utf-8") as handle:
        for m, label in zip(mentions, labels):
            handle.write(f"ECB\t0\t{m.index}\t{m.key}\t({label})\n")


@click.command(name="ecbplus")
@click.argument("split_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--split",
    type=click.Choice(["dev", "test"]),
    default="dev",
    show_default=True,
    help="Which Cybulska & Vossen split to score.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the scores as one JSON object.")
@click.option(
    "--write-key",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write the predicted clusters in CoNLL key format to FILE.",
)
def command(split_dir: Path, split: str, as_json: bool, write_key: Path | None) -> None:
    """Score cross-document event coreference on ECB+ with the build's own
    linker (gold mention spans, no gold chains, no gold topics; MUC, B3,
    CEAF-e and CoNLL F1 with singletons, and the CoNLL F1 of the links
    inside each document).

    \b
    Example:
        storyline eval ecbplus ../shared/data/ecbplus/split --split dev --json
    """
    scores, mentions, labels = evaluate(split_dir, split)
    if write_key is not None:
        write_key_file(write_key, mentions, labels)
    if as_json:
        click.echo(
            json.dumps({k: (round(v, 4) if isinstance(v, float) else v) for k, v in scores.items()}, sort_keys=True)
        )
        return
    click.echo(f"ECB+ {split}: {scores['mentions']} mentions in {scores['documents']} documents")
    for name, label in (("muc", "MUC"), ("b3", "B3"), ("ceafe", "CEAF-e")):
        click.echo(
            f"  {label:7} P {scores[name + '_p']:.3f}  R {scores[name + '_r']:.3f}  F1 {scores[name + '_f1']:.3f}"
        )
    click.echo(f"  CoNLL F1 {scores['conll_f1']:.3f}  (within documents: {scores['within_doc_conll_f1']:.3f})")
