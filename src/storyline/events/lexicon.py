"""The event lexicon (``data/lexicon.yaml``) and the closed word lists that
drive extraction (``data/words.yaml``: speech verbs, absorbing verbs,
modality cues ...), each read once."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

import yaml


@dataclass(frozen=True)
class Code:
    type: str
    cameo: str
    mode: str | None

    @staticmethod
    def parse(plover: str, value: str) -> "Code":
        cameo, _, mode = str(value).partition(" ")
        return Code(plover, cameo, mode.strip() or None)


@dataclass(frozen=True)
class ObjectRule:
    verbs: frozenset
    objects: frozenset
    code: Code
    particle: str | None = None


@dataclass(frozen=True)
class Lexicon:
    verbs: dict
    nouns: dict
    object_rules: tuple

    def object_rule(self, verb_lemma: str, object_lemmas: set, particle: str | None = None) -> Code | None:
        for rule in self.object_rules:
            if verb_lemma in rule.verbs and rule.objects & object_lemmas:
                if rule.particle and rule.particle != particle:
                    continue
                return rule.code
        return None


@functools.lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)   # the C loader when PyYAML has it
    data = yaml.load(resources.files("storyline.events").joinpath("data", "lexicon.yaml").read_text("utf-8"), Loader=loader)
    verbs = {lemma: Code.parse(t, v) for t, entries in data["verbs"].items() for lemma, v in entries.items()}
    nouns = {lemma: Code.parse(t, v) for t, entries in data["nouns"].items() for lemma, v in entries.items()}
    rules = tuple(
        ObjectRule(frozenset(r["verbs"]), frozenset(r["objects"]), Code.parse(r["type"], r["cameo"]), r.get("particle"))
        for r in data["objects"]
    )
    return Lexicon(verbs, nouns, rules)


def _read_words() -> dict:
    """Every list of ``data/words.yaml`` by name, its groups flattened: a list
    as a tuple in file order, a map as a dict."""
    # BaseLoader reads every entry as a string, so "on" and "no" stay words, never booleans
    text = resources.files("storyline.events").joinpath("data", "words.yaml").read_text("utf-8")
    out: dict = {}
    for group, lists in yaml.load(text, Loader=yaml.BaseLoader).items():
        for name, value in lists.items():
            if name in out:
                raise ValueError(f"word list {name!r} appears twice in words.yaml (second time in {group!r})")
            out[name] = tuple(value) if isinstance(value, list) else {
                key: tuple(v) if isinstance(v, list) else v for key, v in value.items()}
    return out


@functools.lru_cache(maxsize=1)
def load_words() -> dict:
    """The closed word lists of the events stage (``data/words.yaml``), read once."""
    return _read_words()


def word_list(name: str) -> frozenset[str]:
    """One closed word list of ``data/words.yaml`` ("speech_verbs", "hazards" ...)."""
    return frozenset(load_words()[name])


def word_map(name: str) -> dict:
    """One map of ``data/words.yaml`` ("noun_verbs" ...), a fresh copy."""
    return dict(load_words()[name])


# The lists the stage shares, by their Python names (data/words.yaml says what each is for).
SPEECH_VERBS = word_list("speech_verbs")
PERFORMATIVE = word_list("performative")
ABSORBING = word_list("absorbing")
PLAN_VERBS = word_list("plan_verbs")
HYPOTHETICAL_GOVERNORS = word_list("hypothetical_governors")
HISTORICAL_CUES = load_words()["historical_cues"]   # in file order: they become one regular expression
COOPERATIVE = word_list("cooperative")
MATERIAL_HOSTILE = word_list("material_hostile")
NOMINAL_TYPES = word_list("nominal_types")
FIGURATIVE = word_list("figurative")
ENDING_NOUNS = word_list("ending_nouns")
AGREEMENTS = word_list("agreements")
