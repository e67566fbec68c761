"""The field's verb dictionary as a source of event candidates.

``data/cameo_verbs.tsv`` is PETRARCH2's CAMEO verb dictionary converted by
``scripts/convert_cameo_verbs.py``: verbs with a default CAMEO code and
patterns that refine it by particle, object, preposition and subject
("impose sanctions", "open fire on", "call off the strike").
``data/cameo_plover.tsv`` is storyline's own CAMEO -> PLOVER table, and
``data/cameo_neutral.tsv`` the verbs whose bare code is too often a
neutral act in news to code without a pattern.

The parse relations a pattern needs (a verb's objects, prepositions,
particles, subjects) are found by spaCy's ``DependencyMatcher`` over a
handful of shapes, with lemma sets from the data; which pattern of which
verb holds is then a set look-up. A match is only a candidate: the caller's
modality, negation, attribution and actor checks decide what is kept.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from dataclasses import dataclass
from importlib import resources

from .lexicon import Code

#: Dependencies that carry a verb's object (the passive subject is the object acted on).
OBJECT_DEPS = ["dobj", "nsubjpass", "attr", "oprd", "dative"]
#: Dependencies of a modifier that narrows an object ("humanitarian aid", "arms shipment").
MODIFIER_DEPS = ("amod", "compound", "nmod", "poss")
_KEY = "storyline_cameo_relations"


@dataclass(frozen=True)
class Phrase:
    """A noun phrase of the dictionary: head lemmas and, for each modifier
    word, the lemmas any of which must modify the head."""
    heads: frozenset
    modifiers: tuple = ()

    def holds(self, head: str, modifiers: frozenset) -> bool:
        return head in self.heads and all(m & modifiers for m in self.modifiers)


@dataclass(frozen=True)
class Pattern:
    code: str                       # CAMEO code, or "---" for "no event"
    verb: str                       # the verb it was written for
    subject: Phrase | None
    particle: str | None
    object: Phrase | None
    preps: tuple                    # ((preposition, Phrase | None), ...)

    @property
    def weak(self) -> bool:
        """Only a particle or a preposition without its object: no better than the bare verb."""
        return self.object is None and self.subject is None and all(phrase is None for _, phrase in self.preps)

    @property
    def specificity(self) -> int:
        score = (self.subject is not None) + (self.particle is not None)
        if self.object is not None:
            score += 2 + len(self.object.modifiers)
        for _, phrase in self.preps:
            score += 1 + (0 if phrase is None else 2 + len(phrase.modifiers))
        return score


@dataclass(frozen=True)
class Relations:
    """What the parse says around one verb: object, prepositional and subject
    (head lemma, modifier lemmas) pairs and its particles."""
    objects: tuple = ()
    preps: tuple = ()               # ((preposition, head or None, modifiers), ...)
    subjects: tuple = ()
    particles: frozenset = frozenset()


@dataclass(frozen=True)
class Match:
    code: Code
    pattern: Pattern | None          # None: the verb's own default code


class VerbDictionary:
    def __init__(self, verbs: dict, patterns: dict, plover: dict, bare_roots: frozenset, neutral: frozenset):
        self.verbs = verbs              # lemma -> CAMEO code of the bare verb
        self.patterns = patterns        # lemma -> patterns, most specific first
        self.plover = plover            # CAMEO prefix -> (type, mode) or None
        self.bare_roots = bare_roots    # CAMEO roots a verb codes without an object
        self.neutral = neutral          # lemmas whose bare code is not coded
        self.lemmas = frozenset(verbs) | frozenset(patterns)
        self._matcher = None
        self._vocab = None

    # --- CAMEO -> PLOVER ------------------------------------------------------
    def to_plover(self, cameo: str) -> Code | None:
        if not cameo or cameo == "---":
            return None
        for prefix in (cameo, cameo[:3], cameo[:2]):
            if prefix in self.plover:
                entry = self.plover[prefix]
                return None if entry is None else Code(entry[0], cameo, entry[1])
        return None

    # --- matching -------------------------------------------------------------
    def _build_matcher(self, vocab):
        from spacy.matcher import DependencyMatcher

        heads = lambda pick: sorted({h for pats in self.patterns.values() for p in pats for ph in pick(p)
                                     if ph is not None for h in ph.heads})
        verbs = sorted(self.lemmas)
        preps = sorted({prep for pats in self.patterns.values() for p in pats for prep, _ in p.preps})
        particles = sorted({p.particle for pats in self.patterns.values() for p in pats if p.particle})
        verb = {"RIGHT_ID": "verb", "RIGHT_ATTRS": {"LEMMA": {"IN": verbs}, "POS": {"IN": ["VERB", "AUX"]}}}
        matcher = DependencyMatcher(vocab)
        matcher.add("object", [[verb, {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "object", "RIGHT_ATTRS": {
            "DEP": {"IN": OBJECT_DEPS}, "LEMMA": {"IN": heads(lambda p: [p.object])}}}]])
        matcher.add("subject", [[verb, {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "subject", "RIGHT_ATTRS": {
            "DEP": "nsubj", "LEMMA": {"IN": heads(lambda p: [p.subject])}}}]])
        matcher.add("particle", [[verb, {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "particle", "RIGHT_ATTRS": {
            "DEP": {"IN": ["prt", "advmod", "prep"]}, "LOWER": {"IN": particles}}}]])
        matcher.add("prep", [[verb, {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "prep", "RIGHT_ATTRS": {
            "DEP": {"IN": ["prep", "agent", "dative", "prt"]}, "LOWER": {"IN": preps}}}]])
        # "pull out of the deal": the parser hangs "of" on the particle
        matcher.add("prep", [[verb, {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "prt", "RIGHT_ATTRS": {
            "DEP": {"IN": ["prt", "advmod"]}}}, {"LEFT_ID": "prt", "REL_OP": ">", "RIGHT_ID": "prep", "RIGHT_ATTRS": {
                "DEP": "prep", "LOWER": {"IN": preps}}}]])
        self._matcher, self._vocab = matcher, vocab
        return matcher

    def relations(self, doc) -> dict:
        """Token index -> Relations for every dictionary verb of ``doc`` with
        an object, preposition, particle or subject a pattern uses. Run once
        per document, then kept with it."""
        cached = doc.user_data.get(_KEY)
        if cached is not None:
            return cached
        matcher = self._matcher if self._vocab is doc.vocab else self._build_matcher(doc.vocab)
        found: dict = defaultdict(lambda: {"objects": [], "preps": [], "subjects": [], "particles": set()})
        strings = doc.vocab.strings
        for key, ids in matcher(doc):
            kind = strings[key]
            verb, other = doc[ids[0]], doc[ids[-1]]
            slot = found[verb.i]
            if kind == "object":
                for one in (other, *other.conjuncts):
                    slot["objects"].append((one.lemma_.lower(), _modifiers(one)))
            elif kind == "subject":
                slot["subjects"].append((other.lemma_.lower(), _modifiers(other)))
            elif kind == "particle":
                slot["particles"].add(other.lower_)
            else:
                pobjs = [g for g in other.children if g.dep_ == "pobj"]
                for pobj in (p for first in pobjs for p in (first, *first.conjuncts)):
                    slot["preps"].append((other.lower_, pobj.lemma_.lower(), _modifiers(pobj)))
                if not pobjs:
                    slot["preps"].append((other.lower_, None, frozenset()))
        result = {i: Relations(tuple(s["objects"]), tuple(s["preps"]), tuple(s["subjects"]),
                               frozenset(s["particles"])) for i, s in found.items()}
        doc.user_data[_KEY] = result
        return result

    def match(self, token, lemma: str | None = None) -> Match | None:
        """The most specific pattern of the token's verb that holds, else the
        verb's own code (unless the verb is neutral); None when neither codes an
        event or a specific pattern says "no event"."""
        lemma = lemma or token.lemma_.lower()
        if lemma not in self.lemmas:
            return None
        rel = self.relations(token.doc).get(token.i)
        if rel is not None:
            best = None
            for pattern in self.patterns.get(lemma, ()):
                if best is not None and pattern.specificity < best[0]:
                    break
                if _holds(pattern, rel):
                    rank = (pattern.specificity, pattern.verb == lemma)
                    if best is None or rank > best[:2]:
                        best = (*rank, pattern)
            if best is not None:
                pattern = best[2]
                code = self.to_plover(pattern.code)
                if code is None or (pattern.weak and not self._bare_codes(lemma, pattern.code)):
                    return None
                return Match(code, pattern)
        code = self.verbs.get(lemma, "---")
        return Match(self.to_plover(code), None) if self._bare_codes(lemma, code) else None

    def _bare_codes(self, lemma: str, cameo: str) -> bool:
        """A verb without an object codes an event only in the roots where the
        verb names the act, and never when it is listed as neutral."""
        return cameo[:2] in self.bare_roots and lemma not in self.neutral and self.to_plover(cameo) is not None


def _modifiers(token) -> frozenset:
    return frozenset(c.lemma_.lower() for c in token.children if c.dep_ in MODIFIER_DEPS)


def _holds(pattern: Pattern, rel: Relations) -> bool:
    if pattern.particle is not None and pattern.particle not in rel.particles and not any(
            p == pattern.particle for p, _, _ in rel.preps):
        return False
    if pattern.object is not None and not any(pattern.object.holds(h, m) for h, m in rel.objects):
        return False
    if pattern.subject is not None and not any(pattern.subject.holds(h, m) for h, m in rel.subjects):
        return False
    for prep, phrase in pattern.preps:
        if not any(p == prep and (phrase is None or (h is not None and phrase.holds(h, m)))
                   for p, h, m in rel.preps):
            return False
    return True


# --- loading ------------------------------------------------------------------
def _phrase(text: str, synsets: dict) -> Phrase | None:
    """``&MILITARY aid`` -> heads {aid}, modifiers ({army, troop, ...},);
    a synset as head brings the heads of its phrases and no modifiers."""
    words = [w for w in text.split() if w != "and"]
    if not words:
        return None
    last = words[-1]
    heads = frozenset(p.split()[-1] for p in synsets.get(last, ())) if last.startswith("&") else frozenset((last,))
    mods = tuple(frozenset(p.split()[-1] for p in synsets.get(w, ())) if w.startswith("&") else frozenset((w,))
                 for w in words[:-1])
    return Phrase(heads, tuple(m for m in mods if m)) if heads else None


def _read(name: str) -> list[list[str]]:
    text = resources.files("storyline.events").joinpath("data", name).read_text("utf-8")
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


@functools.lru_cache(maxsize=1)
def load_dictionary() -> VerbDictionary:
    rows = _read("cameo_verbs.tsv")
    synsets = {r[1]: [p for p in r[2].split("|") if p] for r in rows if r[0] == "synset"}
    block_verbs: dict = defaultdict(list)
    verbs: dict = {}
    for r in rows:
        if r[0] == "verb":
            block_verbs[r[1]].append(r[2])
            if verbs.get(r[2], "---") == "---":   # a verb in several blocks: its first real code
                verbs[r[2]] = r[3]
    patterns: dict = defaultdict(list)
    for r in rows:
        if r[0] != "pattern":
            continue
        _, block, code, verb, subject, particle, obj, preps = (r + [""] * 8)[:8]
        prep_list = []
        for item in (p for p in preps.split(";") if p):
            prep, _, phrase = item.partition(":")
            prep_list.append((prep, _phrase(phrase, synsets)))
        pattern = Pattern(code, verb, _phrase(subject, synsets), particle or None, _phrase(obj, synsets),
                          tuple(prep_list))
        if pattern.specificity == 0:
            continue
        # a multi-word verb ("call off") belongs to its own verb; a pattern to its whole block
        owners = block_verbs[block] if verb in block_verbs[block] or not verb else [verb]
        for lemma in {*owners, verb} - {""}:
            patterns[lemma].append(pattern)
    for lemma in patterns:
        patterns[lemma].sort(key=lambda p: -p.specificity)
    plover, bare = {}, set()
    for r in _read("cameo_plover.tsv"):
        r = (r + ["", "", ""])[:4]
        plover[r[0]] = None if r[1] == "-" else (r[1], r[2] or None)
        if r[3] == "bare":
            bare.add(r[0])
    neutral = frozenset(r[0] for r in _read("cameo_neutral.tsv"))
    return VerbDictionary(verbs, {k: tuple(v) for k, v in patterns.items()}, plover, frozenset(bare), neutral)
