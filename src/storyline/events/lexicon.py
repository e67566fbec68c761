"""The event lexicon (``data/lexicon.yaml``) and the small closed word lists
that drive extraction: speech verbs, absorbing verbs, modality cues."""

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


#: Verbs that introduce what someone said; they make statements, not events.
SPEECH_VERBS = {
    "say", "tell", "add", "stress", "emphasize", "emphasise", "claim", "note", "insist", "announce",
    "declare", "reiterate", "confirm", "explain", "state", "report", "write", "argue", "quote",
    "assert", "acknowledge", "admit", "remark", "predict", "suggest", "indicate", "convey", "vow",
    "urge", "warn", "tweet", "conclude", "believe", "deny", "respond", "reply", "proclaim", "hint",
}
#: Speech verbs whose utterance is itself the act ("declared an end to ...").
PERFORMATIVE = {"announce", "declare", "proclaim"}
#: Event verbs that swallow their complement clause into the same event
#: ("threatened to ban", "demanded that X leave", "agreed to release").
ABSORBING = {
    "threaten", "warn", "vow", "swear", "demand", "urge", "ask", "request", "press", "appeal", "call",
    "order", "agree", "promise", "pledge", "offer", "commit", "refuse", "decline", "accuse", "blame",
    "insist", "prepare", "consent", "plead",
}
#: Governing verbs that make their complement a plan.
PLAN_VERBS = {"plan", "intend", "decide", "aim", "want", "schedule", "set", "expect", "hope", "resolve",
              "mean", "seek", "wish"}
#: Governing words that make their complement only a possibility.
HYPOTHETICAL_GOVERNORS = {"consider", "discuss", "mull", "weigh", "study", "debate", "recommend",
                          "recommendation", "propose", "proposal", "suggest", "option", "possibility",
                          "could", "might", "may", "idea", "whether", "need", "unclear", "if"}
#: Adverbials that mark a habitual or long-past action.
HISTORICAL_CUES = ("on dozens of occasions", "in the past", "previously", "repeatedly", "has long",
                   "used to", "routinely", "many times", "several times", "on several occasions",
                   "time and again", "once again", "years ago", "in the 19", "in the 20")
#: PLOVER types of cooperative actions: promised, they are AGREE in PLOVER's
#: coding convention; hostile actions promised are THREATEN.
COOPERATIVE = {"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"}
MATERIAL_HOSTILE = {"SANCTION", "COERCE", "ASSAULT", "PROTEST", "MOBILIZE"}
#: Nominal events kept only for concrete happenings; "Israeli threats" or "a
#: demand" as a noun is too vague to code.
NOMINAL_TYPES = {"ASSAULT", "PROTEST", "COERCE", "SANCTION", "RETREAT"}
#: Modifiers that make a violent-sounding noun figurative ("a diplomatic offensive").
FIGURATIVE = {"diplomatic", "political", "legal", "charm", "media", "peace", "verbal", "economic", "trade",
              "price", "pressure"}
#: Nouns naming the end of a relation ("the halt to security coordination").
ENDING_NOUNS = {"severance", "halt", "end", "cessation", "suspension", "termination", "freeze", "cut", "cutoff", "breakdown"}
#: Nouns of agreements and of the relations they set up.
AGREEMENTS = {"agreement", "deal", "accord", "arrangement", "pact", "treaty", "initiative", "cooperation",
              "coordination", "partnership", "mandate"}
