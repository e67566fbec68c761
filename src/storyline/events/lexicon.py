"""The event lexicon (``data/lexicon.yaml``, with the user's own files of the
``lexicon_path`` setting merged over it) and the closed word lists that drive
extraction (``data/words.yaml``: speech verbs, absorbing verbs, modality
cues ...), each read once."""

from __future__ import annotations

import contextlib
import functools
import os
import re
from contextvars import ContextVar
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import yaml

from ..errors import SettingsError
from ..models import PLOVER_TYPES


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


#: Where a multi-word entry splits into the parser's tokens: spaces, and hyphens kept as tokens ("sit-in").
_PHRASE_SPLIT = re.compile(r"\s+|(-)")


@dataclass(frozen=True)
class Lexicon:
    verbs: dict
    nouns: dict
    object_rules: tuple

    @functools.cached_property
    def phrases(self) -> dict:
        """The entries of more than one word ("martial law", "sit-in", "state of
        emergency"), verbs and nouns: words (the last one a lemma) -> Code."""
        out = {}
        for table in (self.verbs, self.nouns):
            for entry, code in table.items():
                words = tuple(w for w in _PHRASE_SPLIT.split(entry) if w and not w.isspace())
                if len(words) > 1:
                    out[words] = code
        return out

    def phrase_matches(self, doc) -> dict:
        """Token index of each match's head -> (Code, start, end token index) for the
        multi-word entries found in ``doc`` (spaCy's Matcher: every word but the
        last by its lower case, the last by its lemma). Run once per document."""
        last = self.__dict__.get("_last_phrases")
        if last is not None and last[0] is doc:
            return last[1]
        found: dict = {}
        if self.phrases:
            matcher = self.__dict__.get("_matcher")
            if matcher is None or matcher.vocab is not doc.vocab:
                from spacy.matcher import Matcher

                matcher = Matcher(doc.vocab)
                for n, words in enumerate(self.phrases):
                    matcher.add(
                        str(n),
                        [[*({"LOWER": w} for w in words[:-1]), {"LEMMA": {"IN": [words[-1], words[-1].title()]}}]],
                    )
                self.__dict__["_matcher"] = matcher
            codes = list(self.phrases.values())
            for key, start, end in matcher(doc):
                head = doc[start:end].root
                found[head.i] = (codes[int(doc.vocab.strings[key])], start, end)
        self.__dict__["_last_phrases"] = (doc, found)
        return found

    def object_rule(self, verb_lemma: str, object_lemmas: set, particle: str | None = None) -> Code | None:
        for rule in self.object_rules:
            if verb_lemma in rule.verbs and rule.objects & object_lemmas:
                if rule.particle and rule.particle != particle:
                    continue
                return rule.code
        return None


_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C loader when PyYAML has it
#: The user's lexicon files (the ``lexicon_path`` setting) for the article being analysed.
_PATH_IN_USE: ContextVar[str | None] = ContextVar("lexicon_path", default=None)


def load_lexicon(lexicon_path: str | None = None) -> Lexicon:
    """The packaged event lexicon with the user's lexicon files merged over it
    (``lexicon_path``: os.pathsep-separated YAML files in the packaged file's
    form, later files winning). None: the files ``lexicon_in_use`` set for
    the article being analysed, else the ``STORYLINE_LEXICON_PATH`` variable."""
    if lexicon_path is None:
        lexicon_path = _PATH_IN_USE.get()
        if lexicon_path is None:
            lexicon_path = os.environ.get("STORYLINE_LEXICON_PATH", "")
    return _merged_lexicon(lexicon_path)


@contextlib.contextmanager
def lexicon_in_use(lexicon_path: str):
    """Within the block, ``load_lexicon()`` is the lexicon of ``lexicon_path``
    (the build's setting), wherever the events stage asks for it. A missing or
    malformed file is a SettingsError as the block opens."""
    lexicon = load_lexicon(lexicon_path)
    token = _PATH_IN_USE.set(lexicon_path)
    try:
        yield lexicon
    finally:
        _PATH_IN_USE.reset(token)


@functools.lru_cache(maxsize=8)
def _merged_lexicon(lexicon_path: str) -> Lexicon:
    text = resources.files("storyline.events").joinpath("data", "lexicon.yaml").read_text("utf-8")
    verbs, nouns, rules = _entries(yaml.load(text, Loader=_YAML_LOADER), "the packaged lexicon")
    for path in (p.strip() for p in lexicon_path.split(os.pathsep)):
        if not path:
            continue
        user_verbs, user_nouns, user_rules = _entries(_user_file(Path(path)), f"lexicon file {path}")
        for own, mine in ((verbs, user_verbs), (nouns, user_nouns)):
            for lemma, code in mine.items():
                if code is None:
                    own.pop(lemma, None)  # "lemma: null" takes a packaged entry out
                else:
                    own[lemma] = code
        rules = user_rules + rules  # the first rule that fits decides: the user's come first
    return Lexicon(verbs, nouns, rules)


def _user_file(path: Path) -> dict:
    if not path.is_file():
        raise SettingsError(f"lexicon file {path} does not exist; fix the lexicon_path setting")
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_YAML_LOADER)
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise SettingsError(f"lexicon file {path} is not valid YAML: {' '.join(str(exc).split())}") from None
    return data or {}


def _entries(data, where: str) -> tuple[dict, dict, tuple]:
    """Verbs and nouns (lemma -> Code, or None for an entry taken out) and object
    rules of one lexicon file; anything else in it is a SettingsError naming the file."""
    if not isinstance(data, dict) or set(data) - {"verbs", "nouns", "objects"}:
        raise SettingsError(f"{where}: expected only the keys verbs, nouns and objects")
    tables = []
    for key in ("verbs", "nouns"):
        table = {}
        section = data.get(key) or {}
        if not isinstance(section, dict):
            raise SettingsError(f'{where}: {key}: expected PLOVER types with lemma: "CAMEO [mode]" entries')
        for plover, entries in section.items():
            if plover not in PLOVER_TYPES or not isinstance(entries, dict):
                raise SettingsError(
                    f'{where}: {key}: {plover!r} is not a PLOVER type with lemma: "CAMEO [mode]" entries'
                )
            for lemma, value in entries.items():
                table[str(lemma).lower()] = None if value is None else Code.parse(plover, value)
        tables.append(table)
    rules = []
    for rule in data.get("objects") or ():
        if (
            not isinstance(rule, dict)
            or not {"verbs", "objects", "type", "cameo"} <= set(rule)
            or (rule["type"] not in PLOVER_TYPES)
        ):
            raise SettingsError(f"{where}: objects: each rule needs verbs, objects, a PLOVER type and a cameo code")
        rules.append(
            ObjectRule(
                frozenset(rule["verbs"]),
                frozenset(rule["objects"]),
                Code.parse(rule["type"], rule["cameo"]),
                rule.get("particle"),
            )
        )
    return tables[0], tables[1], tuple(rules)


def _read_words() -> dict:
    """Every list of ``data/words.yaml`` by name, its groups flattened: a list
    as a tuple in file order, a map as a dict."""
    # BaseLoader reads every entry as a string, so "on" and "no" stay words, never booleans
    # (its C version when PyYAML has it: ten times faster)
    loader = getattr(yaml, "CBaseLoader", yaml.BaseLoader)
    text = resources.files("storyline.events").joinpath("data", "words.yaml").read_text("utf-8")
    out: dict = {}
    for group, lists in yaml.load(text, Loader=loader).items():
        for name, value in lists.items():
            if name in out:
                raise ValueError(f"word list {name!r} appears twice in words.yaml (second time in {group!r})")
            out[name] = (
                tuple(value)
                if isinstance(value, list)
                else {key: tuple(v) if isinstance(v, list) else v for key, v in value.items()}
            )
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
HISTORICAL_CUES = load_words()["historical_cues"]  # in file order: they become one regular expression
COOPERATIVE = word_list("cooperative")
MATERIAL_HOSTILE = word_list("material_hostile")
NOMINAL_TYPES = word_list("nominal_types")
FIGURATIVE = word_list("figurative")
ENDING_NOUNS = word_list("ending_nouns")
AGREEMENTS = word_list("agreements")
