"""Modality of an event trigger: did it happen, is it announced, planned,
threatened, only possible, denied, habitual, or hearsay?

Works on the dependency parse: auxiliaries and negation on the trigger, the
verbs that govern it ("plans to", "threatened to", "will discuss"), "if" and
"unless" clauses, and a few adverbial cues. A plan or a threat is never
returned as ``asserted``.
"""

from __future__ import annotations

import re

from .lexicon import (
    COOPERATIVE,
    HISTORICAL_CUES,
    HYPOTHETICAL_GOVERNORS,
    PERFORMATIVE,
    PLAN_VERBS,
    SPEECH_VERBS,
    load_lexicon,
    word_list,
)

FUTURE_AUX = word_list("future_aux")
#: Subordinators of a clause set at another time than the clause it hangs on.
TEMPORAL_SHIFT = word_list("temporal_shift")

MODAL_POSSIBLE = word_list("modal_possible")
#: Verbs of making someone act ("will not cause America to retreat"), often parsed with a clause.
CAUSATIVE = word_list("causative")
#: Verbs that only say when an action runs; their mood is the action's.
PHASE_VERBS = word_list("phase_verbs")
#: Modals of advice or obligation: what should or must be done is not done yet.
DEONTIC = word_list("deontic")
#: Verbs of hoping: the clause they govern is wished for, not done or planned.
HOPING_VERBS = word_list("hoping_verbs")
CLIMB_DEPS = {"xcomp", "ccomp", "conj", "advcl", "acl", "relcl", "pcomp", "pobj", "prep", "dobj", "attr"}


def governors(token):
    """Tokens above ``token`` in its clause chain, nearest first, stopping at
    the sentence root."""
    out = []
    current = token
    while current.dep_ in CLIMB_DEPS and current.head is not current:
        current = current.head
        out.append(current)
    return out


def own_chain(token):
    """The governors whose tense and mood bear on ``token``: up to a past
    clause set at another time ("will end ... after Israel started
    withholding": the withholding happened, whatever the main clause plans)."""
    chain = governors(token)
    node = token
    for n, gov in enumerate(chain):
        if _past_shifted(node):
            return chain[:n]
        node = gov
    return chain


def _past_shifted(node) -> bool:
    if node.dep_ == "relcl" and node.tag_ == "VBD":
        # "fire X, who has two years left on the contract he signed": a past relative clause
        # tells a deed done, whatever the clause of its noun plans
        return True
    if not any(c.dep_ == "mark" and c.lower_ in TEMPORAL_SHIFT for c in node.children) and not (
        node.dep_ == "pcomp" and node.head.lower_ in TEMPORAL_SHIFT
    ):
        return False
    return node.tag_ == "VBD" or "had" in _aux(node) or "has" in _aux(node) or "have" in _aux(node)


def _aux(token) -> set[str]:
    return {c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")}


def _negated(token) -> bool:
    if any(c.dep_ == "neg" for c in token.children):
        return True
    if any(c.lower_ in ("never", "no") and c.dep_ in ("advmod", "neg", "det") for c in token.children):
        return True
    if any(c.lower_ in ("none", "nothing") and c.dep_ == "dobj" for c in token.children):
        return True  # "yields none of its authority"
    return token.dep_ == "xcomp" and token.head.lemma_ == "fail"


def _negated_control(token) -> bool:
    """ "will not cause America to back down or retreat", "did not try to flee":
    a denied verb denies the act it controls (speech verbs aside)."""
    node = token
    while node.dep_ in ("xcomp", "conj", "ccomp") and node.head.i != node.i:
        edge, node = node.dep_, node.head
        if node.lemma_ in SPEECH_VERBS:
            return False
        # only through control: in "would not accept X and accused Y" the denial stops at "and"
        controls = edge == "xcomp" or (edge == "ccomp" and node.lemma_ in CAUSATIVE)
        if controls and node.pos_ in ("VERB", "AUX") and any(c.dep_ == "neg" for c in node.children):
            return True
    return False


def _conditional_child(token) -> bool:
    for child in token.children:
        if child.dep_ == "advcl" and any(
            m.lower_ in ("if", "unless", "until") for m in child.children if m.dep_ == "mark"
        ):
            return True
    return False


def in_condition(token) -> bool:
    """Whether the clause of ``token`` (or one it is part of) is a condition: "if", "unless"."""
    node = token
    for _ in range(4):
        if any(m.lower_ in ("if", "unless") for m in node.children if m.dep_ == "mark"):
            return True
        if node.dep_ not in ("conj", "xcomp", "ccomp") or node.head is node:
            return False
        node = node.head
    return False


def clause_text(token) -> str:
    """The words of the trigger's clause, without the relative clauses inside it
    ("the deal that had run for a year in the past" says nothing of the trigger)."""
    head = token
    for gov in governors(token):
        if gov.pos_ in ("VERB", "AUX"):
            head = gov
            break
    if head is token.sent.root:
        head_tokens = list(token.sent)
    else:
        head_tokens = list(head.subtree)
    dropped = {
        d.i
        for t in head_tokens
        if t.dep_ in ("relcl", "acl") and not (t.left_edge.i <= token.i <= t.right_edge.i)
        for d in t.subtree
    }
    return " ".join(t.lower_ for t in head_tokens if t.i not in dropped)


#: Cues as whole words ("refused to" does not hold "used to"); "in the past year" is a span, not a habit.
_HISTORICAL = re.compile(
    r"\b(?:" + "|".join(re.escape(c) + (r"\b" if c[-1].isalpha() else "") for c in HISTORICAL_CUES) + r")"
    r"(?!\s+(?:few\s+|\d+\s+|two\s+|three\s+|several\s+)?(?:year|month|week|day|decade|hour)s?\b)"
)


def historical(clause: str) -> bool:
    return _HISTORICAL.search(clause) is not None


#: Nouns whose content is an intention already formed.
INTENT = word_list("intent")


def _decision_content(chain) -> bool:
    """ "The leadership's decision is to stop X": the infinitives after a copula
    whose subject is a decision are its content, a plan (not purposes)."""
    for gov in chain:
        if gov.lemma_ == "be" and any(c.dep_ == "nsubj" and c.lemma_.lower() in INTENT for c in gov.children):
            return True
        if gov.lemma_ in SPEECH_VERBS:
            return False
    return False


def _advised_above(chain) -> bool:
    """Whether a clause above the trigger, below any verb of saying, is what
    should or must be done."""
    for gov in chain:
        if gov.lemma_ in SPEECH_VERBS:
            return False
        if gov.pos_ in ("VERB", "AUX") and _aux(gov) & DEONTIC:
            return True
    return False


def _asked_of_another(verb, below) -> bool:
    """Whether ``below`` is what the verb asks someone to do: the infinitive after
    the object of a verb of asking ("urged France to lift", "called on Israel to
    stop", "asked NATO to help"), which the lexicon codes REQUEST."""
    if verb.pos_ != "VERB" or below.dep_ != "xcomp" or below.head.i != verb.i:
        return False
    code = load_lexicon().verbs.get(verb.lemma_.lower())
    return code is not None and code.type == "REQUEST"


def _hoped_for(verb, below) -> bool:
    """Whether ``below`` heads a clause the verb hopes for ("hopes the EU will lift the
    sanctions"): another's act wished, not planned (unlike "hopes to visit")."""
    lemma = "hope" if verb.lower_.startswith("hope") else verb.lemma_.lower()  # ("hopes": "hop")
    return lemma in HOPING_VERBS and below.dep_ == "ccomp" and below.head.i == verb.i


def _purpose(token) -> bool:
    """An infinitive of purpose ("met to discuss") says what was intended."""
    return token.dep_ == "advcl" and any(c.lower_ == "to" and c.dep_ == "aux" for c in token.children)


def modality(token, plover_type: str, *, nominal: bool = False, demand: bool = False) -> str:
    """One of models.MODALITIES for the event triggered by ``token``; ``demand``
    when the trigger's clause is itself a demand ("X said Y must ..."), whose
    "must" is the demand, not a doubt about it."""
    sent_text = token.sent.text.lower()
    chain = own_chain(token)
    if nominal:
        below = token
        for gov in chain:
            if gov.lemma_ in HYPOTHETICAL_GOVERNORS:
                return "hypothetical"
            if _asked_of_another(gov, below) or _hoped_for(gov, below):
                return "hypothetical"  # "urged the UN to renew the sanctions"
            if gov.lemma_ in SPEECH_VERBS:
                break
            below = gov
        clause = clause_text(token)
        if historical(clause):
            return "historical"
        return "reported" if "according to a report" in sent_text else "asserted"
    aux = _aux(token)
    if (
        not aux
        and token.dep_ == "conj"
        and token.tag_ == "VB"
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)
    ):
        # "could attack civilian ships and blame Ukraine": the second verb shares the first's modal
        aux = _aux(token.head)
    if token.dep_ == "xcomp" and token.head.lemma_ in PHASE_VERBS:
        aux |= _aux(token.head)  # "should continue visiting", "will keep shelling": the phase verb's mood
    # the auxiliaries of a verb whose subject is the trigger's clause ("was to meet")
    be_to = token.dep_ == "xcomp" and token.head.lemma_ == "be" and any(c.lower_ == "to" for c in token.children)
    if _negated(token) or (chain and chain[0].lemma_ == "fail" and token.dep_ == "xcomp") or _negated_control(token):
        return "negated"
    if aux & DEONTIC and not demand:
        return "hypothetical"  # "they should continue visiting": advised, not done
    if not demand and _advised_above(chain):
        return "hypothetical"  # "Abbas must issue an order to halt contacts": the halt is advised, not done
    if _decision_content(chain):
        return "planned"
    if in_condition(token) or aux & MODAL_POSSIBLE or _purpose(token):
        return "hypothetical"
    below = token
    for gov in chain:
        if gov.pos_ == "NOUN" and gov.lemma_ not in HYPOTHETICAL_GOVERNORS:
            break  # "an earlier decision to end X": planned below, whoever discusses the decision
        if gov.lemma_ in HYPOTHETICAL_GOVERNORS or gov.lower_ in HYPOTHETICAL_GOVERNORS:
            return "hypothetical"
        if _asked_of_another(gov, below) or _hoped_for(gov, below):
            return "hypothetical"  # "urged France to lift the sanctions": asked for, not done
        if gov.lemma_ in SPEECH_VERBS and gov.lemma_ not in ("warn", "vow"):
            break
        below = gov
    if "recommendation" in sent_text and plover_type not in ("REQUEST",):
        return "hypothetical"
    clause = clause_text(token)
    if historical(clause) and plover_type != "REQUEST":
        return "historical"
    if plover_type == "THREATEN":
        return "threatened"
    # headline infinitive: "PLO leaders to meet ..."
    headline = token.dep_ == "ROOT" and "to" in aux
    future = bool(aux & FUTURE_AUX) or be_to or "going" in aux or headline
    would = "would" in aux or "'d" in aux
    if _conditional_child(token) and (future or would):
        return "planned" if plover_type in COOPERATIVE else "threatened"
    below = token
    for gov in chain:
        # a verb joined by "and" is a sibling, not a governor: "set fire to shops and blocked roads"
        sibling, below = below.dep_ == "conj" and below.head.i == gov.i, gov
        if sibling and gov.lemma_ in PLAN_VERBS:
            continue
        if gov.lemma_ in ("threaten", "warn", "vow", "swear"):
            return "threatened"
        if gov.lemma_ in PLAN_VERBS or gov.lemma_ in ("decision", "plan", "intention", "promise", "pledge"):
            # "the decision to end ..." taken earlier is a fact about a plan, still not a deed
            return "planned"
        if gov.pos_ == "VERB" and (_aux(gov) & FUTURE_AUX):
            return "planned"
        if gov.lemma_ in SPEECH_VERBS:
            break
    if future or would:
        return "planned"
    if "according to a report" in sent_text or "according to reports" in sent_text:
        return "reported"
    for gov in chain:
        if gov.lemma_ in ("declaration", "announcement"):
            return "announced"
        if gov.lemma_ == "report":
            return "reported"
        if gov.lemma_ in PERFORMATIVE:
            return "announced"
        if gov.lemma_ in SPEECH_VERBS:
            break
    if token.pos_ == "NOUN" and token.head.lemma_ in PERFORMATIVE and token.dep_ == "dobj":
        return "announced"
    return "asserted"
