"""The field's verb dictionary as a source of event candidates.

``data/cameo_verbs.tsv`` is PETRARCH2's CAMEO verb dictionary converted by
``scripts/convert_cameo_verbs.py``: verbs with a default CAMEO code and
patterns that refine it by particle, object, preposition and subject
("impose sanctions", "open fire on", "call off the strike").
``data/cameo_plover.tsv`` is storyline's own CAMEO -> PLOVER table, with
what a verb of each CAMEO root needs to code (itself, an object, or a
two-part pattern), and ``data/cameo_neutral.tsv`` the verbs whose bare code
is too often a neutral act in news: they code only by a two-part pattern.

The parse relations a pattern reads (a verb's objects, prepositions,
particles, subjects) are found once per document by spaCy's
``DependencyMatcher`` (one pattern: a verb that has patterns and its
dependents of those kinds); which pattern of the verb holds is then a set
look-up, the most specific one winning. A match is only a candidate: the
caller's modality, negation, attribution and actor checks decide what is kept.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from dataclasses import dataclass
from importlib import resources

from .lexicon import HYPOTHETICAL_GOVERNORS, PLAN_VERBS, SPEECH_VERBS, Code, word_list

#: Dependencies that carry a verb's object (the passive subject is the object acted on).
OBJECT_DEPS = ["dobj", "nsubjpass", "attr", "oprd", "dative"]
#: Dependents a pattern reads: objects, subject, particles and prepositions.
ARGUMENT_DEPS = [*OBJECT_DEPS, "nsubj", "prt", "advmod", "prep", "agent"]
#: Dependencies of a modifier that narrows an object ("humanitarian aid", "arms shipment").
MODIFIER_DEPS = ("amod", "compound", "nmod", "poss")


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
    code: str  # CAMEO code, or "---" for "no event"
    verb: str  # the verb it was written for
    subject: Phrase | None
    particle: str | None
    object: Phrase | None
    preps: tuple  # ((preposition, Phrase | None), ...)

    @property
    def weak(self) -> bool:
        """Only a particle or a preposition without its object: no better than the bare verb."""
        return self.object is None and self.subject is None and all(phrase is None for _, phrase in self.preps)

    @property
    def parts(self) -> int:
        """Content words the pattern asks for beyond the verb: subject, object,
        each modifier, each prepositional object (a particle counts beside them)."""
        phrases = [self.subject, self.object, *(phrase for _, phrase in self.preps)]
        words = sum(1 + len(p.modifiers) for p in phrases if p is not None)
        return words + (self.particle is not None and words > 0)

    @functools.cached_property  # read for every pattern of a verb each time the verb is matched
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
    preps: tuple = ()  # ((preposition, head or None, modifiers), ...)
    subjects: tuple = ()
    particles: frozenset = frozenset()


@dataclass(frozen=True)
class Match:
    code: Code
    pattern: Pattern | None  # None: the verb's own default code


class VerbDictionary:
    def __init__(self, verbs: dict, patterns: dict, plover: dict, takes: dict, neutral: frozenset):
        self.verbs = verbs  # lemma -> CAMEO code of the bare verb
        self.patterns = patterns  # lemma -> patterns, most specific first
        self.plover = plover  # CAMEO prefix -> (type, mode) or None
        self.takes = takes  # CAMEO root -> what a verb needs to code: bare, object, phrase
        self.neutral = neutral  # lemmas whose bare code is not coded
        self.lemmas = frozenset(verbs) | frozenset(patterns)
        self._matcher = None
        self._vocab = None
        self._last = (None, {})
        # (document, {(token index, lemma): best pattern}): a verb is asked for its
        # best pattern by the candidate finder, the denial check and the statements
        self._best: tuple = (None, {})
        # lemmas with a pattern of CAMEO 016: no other verb's best pattern can be a denial
        self.denial_lemmas = frozenset(
            lemma for lemma, found in patterns.items() if any(p.code == DENIAL for p in found)
        )

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
        """A verb that has patterns. Its dependents of a kind a pattern reads are
        then taken from its children: spaCy's DependencyMatcher found the same
        verb-dependent pairs, but mapped every token of the document to its
        pattern nodes first, which cost more than the rest of the matching.
        Which pattern holds is then decided by set look-ups."""
        from spacy.matcher import Matcher

        matcher = Matcher(vocab)
        matcher.add("verb", [[{"LEMMA": {"IN": sorted(self.patterns)}, "POS": {"IN": ["VERB", "AUX"]}}]])
        self._matcher, self._vocab = matcher, vocab
        return matcher

    def relations(self, doc) -> dict:
        """Token index -> Relations for every verb of ``doc`` that has patterns
        and dependents they read. Run once per document, then kept for its
        sentences."""
        if self._last[0] is doc:  # sentences of one document come one after another
            return self._last[1]
        matcher = self._matcher if self._vocab is doc.vocab else self._build_matcher(doc.vocab)
        found: dict = defaultdict(lambda: ([], [], [], set()))
        pairs = [(verb_i, arg) for _key, verb_i, _end in matcher(doc) for arg in doc[verb_i].children]
        for verb_i, arg in pairs:
            dep = arg.dep_
            if dep not in ARGUMENT_DEPS:
                continue
            objects, preps, subjects, particles = found[verb_i]
            if dep in OBJECT_DEPS:
                objects.extend((one.lemma_.lower(), _modifiers(one)) for one in (arg, *arg.conjuncts))
            elif dep == "nsubj":
                subjects.append((arg.lemma_.lower(), _modifiers(arg)))
            else:  # prt, advmod, prep, agent: a particle or a preposition with its objects
                word = arg.lower_
                particles.add(word)
                # "pull out of the deal": the parser hangs "of" on the particle
                heads = [arg, *(g for g in arg.children if g.dep_ == "prep")] if dep in ("prt", "advmod") else [arg]
                for head in heads:
                    pobjs = [g for g in head.children if g.dep_ == "pobj"]
                    preps.extend(
                        (head.lower_, one.lemma_.lower(), _modifiers(one))
                        for first in pobjs
                        for one in (first, *first.conjuncts)
                    )
                    if not pobjs:
                        preps.append((head.lower_, None, frozenset()))
        result = {i: Relations(tuple(o), tuple(p), tuple(s), frozenset(t)) for i, (o, p, s, t) in found.items()}
        self._last = (doc, result)
        return result

    def match(self, token, lemma: str | None = None) -> Match | None:
        """The most specific pattern of the token's verb that holds, else the
        verb's own code (unless the verb is neutral); None when neither codes an
        event or a specific pattern says "no event"."""
        lemma = lemma or token.lemma_.lower()
        if lemma not in self.lemmas:
            return None
        pattern = self.best_pattern(token, lemma)
        if pattern is not None:
            code = self.to_plover(pattern.code)
            if code is None:
                return None  # the specific pattern says "no event"
            if self._pattern_codes(lemma, pattern):
                return Match(code, pattern)
        code = self.verbs.get(lemma, "---")
        return Match(self.to_plover(code), None) if self._bare_codes(lemma, code) else None

    def best_pattern(self, token, lemma: str | None = None) -> "Pattern | None":
        """The most specific pattern of the token's verb that holds in its parse (of
        equals, one written for this very verb), or None."""
        lemma = lemma or token.lemma_.lower()
        rel = self.relations(token.doc).get(token.i) if lemma in self.patterns else None
        if rel is None:
            return None
        doc, memo = self._best
        if doc is not token.doc:
            memo = {}
            self._best = (token.doc, memo)
        key = (token.i, lemma)
        if key not in memo:
            memo[key] = self._best_of(lemma, rel)
        return memo[key]

    def _best_of(self, lemma: str, rel: Relations) -> "Pattern | None":
        best = None
        for pattern in self.patterns[lemma]:
            if best is not None and pattern.specificity < best[0]:
                break
            if _holds(pattern, rel):
                rank = (pattern.specificity, pattern.verb == lemma)
                if best is None or rank > best[:2]:
                    best = (*rank, pattern)
        return None if best is None else best[2]

    def _bare_codes(self, lemma: str, cameo: str) -> bool:
        """A verb without an object codes an event only in the roots where the
        verb names the act, and never when it is listed as neutral."""
        return self.takes.get(cameo[:2]) == "bare" and lemma not in self.neutral and self.to_plover(cameo) is not None

    def _pattern_codes(self, lemma: str, pattern: "Pattern") -> bool:
        """A pattern codes when it says as much as its root asks (cameo_plover.tsv):
        a particle or a bare preposition only where the verb alone would code."""
        if pattern.weak:
            return self._bare_codes(lemma, self.verbs.get(lemma, "---")) and self._bare_codes(lemma, pattern.code)
        takes = self.takes.get(pattern.code[:2])
        if lemma in self.neutral:  # an everyday verb: one object word does not make the act ("used drones")
            takes = "phrase"
        return (
            takes == "bare" or (takes == "object" and pattern.parts >= 1) or (takes == "phrase" and pattern.parts >= 2)
        )


#: Verbs the extraction reads as saying, planning or weighing an act, never as the act.
NOT_ACTS = SPEECH_VERBS | PLAN_VERBS | HYPOTHETICAL_GOVERNORS


def dictionary_code(token, lemma: str, known: bool) -> Code | None:
    """The dictionary's candidate code for a verb the lexicon gave nothing.
    A verb the lexicon does not know may code by a pattern or by itself; one
    it knows (a light verb of its object rules: "launch", "hold"; "call",
    whose uses it sorts itself) only by a pattern of a material act, since the
    lexicon's silence on such a verb is deliberate."""
    if lemma in NOT_ACTS or _fragment(token):
        return None
    dictionary = load_dictionary()
    match = dictionary.match(token, lemma)
    if match is None and not known:
        return _asked_to_act(token, lemma, dictionary)
    if match is None or (known and (match.pattern is None or dictionary.takes.get(match.code.cameo[:2]) == "phrase")):
        return None
    if match.code.cameo.startswith(SEIZE) and not any(c.dep_ in ("dobj", "nsubjpass") for c in token.children):
        return None  # "took over as the team's president": a post taken up, nothing seized
    return match.code


#: Members of PETRARCH's &WEAPON synset that name everyday things far more often than arms.
NOT_WEAPONS = word_list("not_weapons")
#: CAMEO 171, "seize or damage property": it needs the thing seized.
SEIZE = "171"


#: CAMEO roots of asking (02 appeal, 10 demand), whose verb codes when it asks someone to act.
ASKING_ROOTS = ("02", "10")


def _asked_to_act(token, lemma: str, dictionary: "VerbDictionary") -> Code | None:
    """A verb of asking with an object and an infinitive ("begging Venezuelans to sit out
    the vote", "implored the council to act"), or a named party and a "for" ("pushed
    Iraq for a constitution"). The object and the act asked for are the
    two parts a root-02 verb needs (cameo_plover.tsv), told by the parse, not the patterns."""
    cameo = dictionary.verbs.get(lemma, "---")
    if cameo[:2] not in ASKING_ROOTS or lemma in dictionary.neutral:
        return None
    infinitives = [
        c
        for c in token.children
        if c.dep_ in ("xcomp", "ccomp") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
    ]
    # the one asked is the object, or the infinitive's subject ("implored the army to spare": a ccomp)
    asked = any(c.dep_ == "dobj" for c in token.children) or any(
        c.dep_ == "nsubj" for i in infinitives if i.dep_ == "ccomp" for c in i.children
    )
    # or a named party asked for a thing: "pushed the Kyrgyz parliament for changes", "begged Washington for arms"
    named = any(c.dep_ == "dobj" and _names_a_party(c) for c in token.children) and any(
        c.dep_ == "prep" and c.lower_ == "for" and any(g.dep_ == "pobj" for g in c.children) for c in token.children
    )
    return dictionary.to_plover(cameo) if (asked and infinitives) or named else None


#: Entity types of a party one can ask something of.
_PARTY_ENTITIES = ("ORG", "GPE", "NORP", "PERSON")


def _names_a_party(noun) -> bool:
    """A name, or a noun a name modifies ("Iraq", "the Nevada legislature")."""
    return any(
        w.pos_ == "PROPN" or w.ent_type_ in _PARTY_ENTITIES
        for w in (noun, *(c for c in noun.children if c.dep_ in ("compound", "amod", "poss")))
    )


#: CAMEO 016, "deny responsibility": denying or rejecting an accusation, a charge, a report or
#: one's involvement is a public statement of the denier (CAMEO root 01), not a rejection of a
#: proposal or demand (PLOVER REJECT, CAMEO 12), and PLOVER codes no statements.
DENIAL = "016"


def denial_code(token) -> str | None:
    """CAMEO 016 when the most specific pattern of the verb's own clause makes it a
    denial ("rejected the accusation", "denied involvement", "dismissed the
    allegations", "protested his innocence"), whatever the verb codes alone; else
    None. The dictionary's other root-01 patterns are left out: several of them
    overrule clear acts ("condemn attack" 018, "warn of violence" 012)."""
    if token.pos_ not in ("VERB", "AUX"):
        return None
    dictionary = load_dictionary()
    if token.lemma_.lower() not in dictionary.denial_lemmas:
        return None
    pattern = dictionary.best_pattern(token)
    return DENIAL if pattern is not None and pattern.code == DENIAL else None


def _fragment(verb) -> bool:
    """A sentence's main verb with no subject: a piece of a sentence cut by a
    line break ("to reverse its decision ..."), whose act belongs to a verb the
    parse no longer sees."""
    return verb.dep_ == "ROOT" and not any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in verb.children)


def _modifiers(token) -> frozenset:
    return frozenset(c.lemma_.lower() for c in token.children if c.dep_ in MODIFIER_DEPS)


def _holds(pattern: Pattern, rel: Relations) -> bool:
    if (
        pattern.particle is not None
        and pattern.particle not in rel.particles
        and not any(p == pattern.particle for p, _, _ in rel.preps)
    ):
        return False
    if pattern.object is not None and not any(pattern.object.holds(h, m) for h, m in rel.objects):
        return False
    if pattern.subject is not None and not any(pattern.subject.holds(h, m) for h, m in rel.subjects):
        return False
    for prep, phrase in pattern.preps:
        if not any(p == prep and (phrase is None or (h is not None and phrase.holds(h, m))) for p, h, m in rel.preps):
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
    mods = tuple(
        frozenset(p.split()[-1] for p in synsets.get(w, ())) if w.startswith("&") else frozenset((w,))
        for w in words[:-1]
    )
    return Phrase(heads, tuple(m for m in mods if m)) if heads else None


def _read(name: str) -> list[list[str]]:
    text = resources.files("storyline.events").joinpath("data", name).read_text("utf-8")
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


@functools.lru_cache(maxsize=1)
def load_dictionary() -> VerbDictionary:
    rows = _read("cameo_verbs.tsv")
    # (the weapons synset holds everyday things too: "stopped the vehicle" is policing, not de-escalation)
    synsets = {
        r[1]: [p for p in r[2].split("|") if p and not (r[1] == "&WEAPON" and p.split()[-1] in NOT_WEAPONS)]
        for r in rows
        if r[0] == "synset"
    }
    block_verbs: dict = defaultdict(list)
    forms: dict = defaultdict(set)  # dictionary verb -> the lemmas spaCy gives its forms
    verbs: dict = {}
    for r in rows:
        if r[0] == "verb":
            block_verbs[r[1]].append(r[2])
            forms[r[4] if len(r) > 4 and r[4] else r[2]].add(r[2])
            if verbs.get(r[2], "---") == "---":  # a verb in several blocks: its first real code
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
        pattern = Pattern(
            code, verb, _phrase(subject, synsets), particle or None, _phrase(obj, synsets), tuple(prep_list)
        )
        if pattern.specificity == 0:
            continue
        # a pattern belongs to the verb it was written for, not to the whole block of loose
        # synonyms PETRARCH gives it to ("can" sits with "denounce", "vote" with "select")
        owners = forms[verb] if verb in forms else block_verbs[block]  # (a comment naming an inflected form)
        for lemma in sorted(owners):
            patterns[lemma].append(pattern)
    for lemma in patterns:
        patterns[lemma].sort(key=lambda p: -p.specificity)
    plover, takes = {}, {}
    for r in _read("cameo_plover.tsv"):
        r = (r + ["", "", ""])[:4]
        plover[r[0]] = None if r[1] == "-" else (r[1], r[2] or None)
        if r[3]:
            takes[r[0]] = r[3]
    neutral = frozenset(r[0] for r in _read("cameo_neutral.tsv"))
    return VerbDictionary(verbs, {k: tuple(v) for k, v in patterns.items()}, plover, takes, neutral)
