"""Which trigger lemmas name the same happening.

Different words often report one event ("arrest"/"capture", "kill"/"death",
"end"/"halt"); the same word often reports different ones ("say"). The table
in ``data/lemma_pairs.json`` holds, for pairs of head lemmas, the log-odds
that two mentions in one story with those heads are coreferent. It was
counted on the ECB+ *train* split only (``storyline.evaluation.ecbplus.
build_lemma_pair_table``) and holds lemma pairs and numbers, no text.
"""

from __future__ import annotations

import functools
import json
import math
from collections import Counter
from importlib import resources
from typing import Iterable

#: Pairs seen fewer times than this are too noisy to trust.
MIN_PAIR_COUNT = 3

#: Hand-written equivalences for the trigger words news uses for the acts
#: storyline codes, so the linker does not depend on the ECB+ topics alone.
SYNONYMS = (
    frozenset({"end", "halt", "terminate", "stop", "suspend", "cease", "cut", "sever", "freeze"}),
    frozenset({"arrest", "capture", "detain", "nab", "apprehend", "seize"}),
    frozenset({"kill", "death", "die", "dead", "slay", "murder", "killing"}),
    frozenset({"shoot", "shooting", "gunfire", "fire"}),
    frozenset({"attack", "strike", "raid", "assault", "bomb", "bombing", "airstrike"}),
    frozenset({"meet", "meeting", "talk", "talks", "summit"}),
    frozenset({"announce", "declare", "say", "state", "proclaim"}),
    frozenset({"resume", "restore", "renew", "continue"}),
    frozenset({"protest", "demonstrate", "demonstration", "rally", "march"}),
    frozenset({"sanction", "embargo", "boycott"}),
    # leaving an agreement; "end" stays apart ("end the war" is no withdrawal)
    frozenset({"withdraw", "withdrawal", "quit", "exit", "leave", "pull", "abandon", "renounce"}),
    # what is signed, kept, suspended or left
    frozenset({"agreement", "deal", "pact", "accord", "treaty"}),
)

_SYNONYM_OF = {word: i for i, group in enumerate(SYNONYMS) for word in sorted(group)}


def synonym_group(lemma: str) -> int | None:
    """The index of the hand-written synonym group holding ``lemma``, if any."""
    return _SYNONYM_OF.get(lemma)


def pair_key(a: str, b: str) -> str:
    return f"{a}|{b}" if a <= b else f"{b}|{a}"


@functools.lru_cache(maxsize=1)
def lemma_pairs() -> dict[str, float]:
    """The learned table (empty when the data file is missing)."""
    try:
        text = resources.files("storyline.link").joinpath("data/lemma_pairs.json").read_text("utf-8")
    except (FileNotFoundError, ModuleNotFoundError):
        return {}
    return json.loads(text)["pairs"]


def build_pair_table(groups: Iterable[list[tuple[str, str]]], min_count: int = MIN_PAIR_COUNT) -> dict[str, float]:
    """Count, over every pair of mentions inside each group (a story), how
    often a pair of head lemmas is coreferent. Each group is a list of
    ``(head_lemma, gold_chain)``. Returns smoothed log-odds per lemma pair."""
    same: Counter = Counter()
    total: Counter = Counter()
    for group in groups:
        for i in range(len(group)):
            for j in range(i + 1, len(group)):
                key = pair_key(group[i][0], group[j][0])
                total[key] += 1
                same[key] += group[i][1] == group[j][1]
    return {
        key: round(math.log((same[key] + 0.5) / (total[key] - same[key] + 0.5)), 3)
        for key in sorted(total)
        if total[key] >= min_count
    }


def lemma_similarity(a: str, b: str) -> float:
    """1 for the same lemma or a listed synonym, else the learned
    probability when the pair was seen in training, else 0."""
    if a == b:
        return 1.0
    if _SYNONYM_OF.get(a, -1) == _SYNONYM_OF.get(b, -2):
        return 1.0
    score = lemma_pairs().get(pair_key(a, b))
    if score is None:
        return 0.0
    return 1.0 / (1.0 + math.exp(-score))
