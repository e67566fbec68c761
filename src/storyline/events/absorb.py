"""What a governing event takes in: the nominal events its verb acts on and the
clauses an absorbing verb ("threaten", "demand", "agree", "refuse") governs, which
are parts of that event, not events of their own (moved out of mentions.py)."""

from __future__ import annotations

from .candidate import Candidate
from .lexicon import ABSORBING, AGREEMENTS, COOPERATIVE, MATERIAL_HOSTILE, Code, word_list
from .modality import PHASE_VERBS

#: Verbs of prolonging an agreement: refusing them ends the agreement ("refused to extend the deal").
PROLONG = word_list("prolong")


def absorb(candidates: list[Candidate]) -> list[Candidate]:
    """The candidates left once each governing event has taken in what is part of it:
    a nominal event its verb acts on ("violated a ban", "carried out airstrikes"), the
    clause an absorbing verb governs ("threatened to cut ties"), a protest's purpose."""
    by_token = {c.token.i: c for c in candidates}
    absorbed: set[int] = set()
    for cand in candidates:
        lemma = cand.token.lemma_.lower()
        if not cand.nominal:
            # a nominal event as the object of an event verb is part of it ("violated a ban"),
            # and so is one named by the object's "of" ("imposed a new round of sanctions")
            for child in cand.token.children:
                if child.dep_ not in ("dobj", "attr"):
                    continue
                for part in (
                    child,
                    *(
                        g
                        for p in child.children
                        if p.dep_ == "prep" and p.lower_ == "of"
                        for g in p.children
                        if g.dep_ == "pobj"
                    ),
                ):
                    if part.i in by_token and by_token[part.i].nominal:
                        absorbed.add(part.i)
                        _carry(cand, by_token[part.i])
                        if by_token[part.i].code.type == cand.code.type and 0 < part.i - cand.token.i <= _SPAN_REACH:
                            # "carried out airstrikes", "launched a series of attacks": one event, told by
                            # both words; the trigger spans them, so the noun is part of the evidence
                            cand.words = (cand.token.i, part.i + 1)
        comps = [
            c
            for c in cand.token.children
            if c.dep_ in ("xcomp", "ccomp", "acl")
            or (c.dep_ == "advcl" and any(a.lower_ == "to" and a.dep_ == "aux" for a in c.children))
        ]
        if cand.code.type == "PROTEST" and lemma not in ABSORBING:
            # "began a hunger strike to protest against X": the purpose names the target
            purposes = [
                c for c in comps if c.i in by_token and by_token[c.i].code.type in ("PROTEST", "REQUEST", "ACCUSE")
            ]
            cand.complements = purposes
            absorbed.update(c.i for c in purposes)
        if cand.nominal:
            comps += detached_clause(cand.token)
        # "prepared to resume shelling": look through aspect verbs
        comps += [g for c in comps if c.lemma_ in PHASE_VERBS for g in c.children if g.dep_ == "xcomp"]
        if cand.nominal and not comps:
            continue
        for prep in (c for c in cand.token.children if c.dep_ == "prep"):
            comps += [g for g in prep.children if g.dep_ == "pcomp"]
        comps += [x for comp in list(comps) for x in comp.conjuncts]
        # an object noun carrying a light verb's event is part of that event
        if cand.by_rule:
            for child in cand.token.children:
                if child.dep_ in ("dobj", "attr", "nsubjpass") and child.i in by_token:  # ("an attack was carried out")
                    absorbed.add(child.i)
                    _carry(cand, by_token[child.i])
        if lemma not in ABSORBING and cand.code.type not in ("THREATEN", "REQUEST", "REJECT", "AGREE"):
            continue
        inner = [by_token[c.i] for c in comps if c.i in by_token]
        if lemma == "prepare":
            if not any(i.code.type in ("ASSAULT", "MOBILIZE") for i in inner):
                absorbed.add(cand.token.i)
                continue
        if lemma == "warn" and _factual_warning(cand.token):
            # "warned that roads remained blocked": telling of a danger, no threat of any act
            absorbed.add(cand.token.i)
            absorbed.update(c.i for c in comps if c.i in by_token)
            continue
        if lemma in ("vow", "swear", "warn"):
            if not inner:  # a vow about nothing codable is a statement, not a threat
                absorbed.add(cand.token.i)
                continue
            against = {
                g.i for p in cand.token.children if p.dep_ == "prep" and p.lower_ == "against" for g in p.children
            }
            # "warned other governments against congratulating Lai" warns off a friendly act, it promises none
            if all(i.code.type in COOPERATIVE for i in inner) and not any(i.token.i in against for i in inner):
                cand.code = Code("AGREE", "030", None)
        if lemma == "order" and any(i.code.type in MATERIAL_HOSTILE for i in inner):
            cand.code = next(i.code for i in inner if i.code.type in MATERIAL_HOSTILE)
        if lemma == "order" and any(c.lemma_ in ("leave", "depart", "quit") for c in comps):
            cand.code = Code("SANCTION", "166", "expel")  # "ordered the ambassador to leave"
        if lemma in ("refuse", "decline", "reject") and any(_prolongs_agreement(c) for c in comps):
            # refusing to extend an agreement ends it: the same act as quitting it
            cand.code = Code("SANCTION", "161", "discontinue")
        cand.complements = comps
        absorbed.update(c.i for c in comps if c.i in by_token)
    return [c for c in candidates if c.token.i not in absorbed]


def _carry(verb: Candidate, noun: Candidate) -> None:
    """Keep a nominal event its verb absorbed as the same act ("carried out the bombing",
    "launched attacks"), to be weighed alone if the verb is no event. Not the object of
    another act ("removing the sanctions", "blamed the attack"): that names background."""
    if noun.nominal and noun.code.type == verb.code.type and all(c is not noun for c in verb.carried):
        verb.carried.append(noun)


#: How many words a light verb's trigger may reach forward to the event noun it carries.
_SPAN_REACH = 8


#: Auxiliaries of a clause that tells of something to come, which a warning can threaten.
_COMING = word_list("coming")


def _factual_warning(verb) -> bool:
    """A warning "that" something is or was so (a danger, a state of affairs),
    with nothing to come in it: information, not a threat."""
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    if not clauses or any(
        c.dep_ in ("xcomp", "dobj", "dative") or (c.dep_ == "prep" and c.lower_ in ("against", "of"))
        for c in verb.children
    ):
        return False
    return all(
        c.tag_ in ("VBD", "VBN", "VBZ", "VBP", "JJ")
        and not any(a.dep_ in ("aux", "auxpass") and a.lower_ in _COMING for a in c.children)
        and not any(g.dep_ == "xcomp" or g.lower_ in ("if", "unless") for g in c.children)
        for c in clauses
    )


def detached_clause(noun) -> list:
    """ "reiterated its demand today that Israel ease ...": the parser hangs the
    noun's "that" clause on the verb whose object the noun is."""
    if noun.dep_ != "dobj" or noun.lemma_.lower() not in (
        "demand",
        "call",
        "appeal",
        "plea",
        "request",
        "threat",
        "warning",
    ):
        return []
    return [
        c
        for c in noun.head.children
        if c.dep_ == "ccomp" and c.i > noun.i and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
    ]


def _prolongs_agreement(verb) -> bool:
    if verb.lemma_.lower() not in PROLONG:
        return False
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    return any(
        o.lemma_.lower() in AGREEMENTS
        or any(c.lemma_.lower() in AGREEMENTS for c in o.children if c.dep_ == "compound")
        for o in objects
    ) or any(o.lower_ in ("it", "them") for o in objects)
