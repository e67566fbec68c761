"""Speech acts of one sentence: what a speaker demands, threatens or charges of another.

"X said Y must ..." is X demanding something of Y (REQUEST); "will regard all
vessels as military targets" a threat (THREATEN); "Israel would face a
response" and "the attack violated international law", said of another, a
threat and an accusation. Each becomes a candidate whose sources are the
speaker; the extraction's own checks then decide, as for any candidate.
"""

from __future__ import annotations

from ..annotate import token_strings
from ..models import ActorRef
from .candidate import Candidate
from .clause_actors import SUBJECT_DEPS, subject_refs
from .lexicon import SPEECH_VERBS, Code, word_list

#: Roles that make "will regard ships as X" a threat.
HOSTILE_ROLES = word_list("hostile_roles")


def speech_requests(sent, resolver, candidates: list[Candidate]) -> list[Candidate]:
    """ "X said Y must ..." is X demanding something of Y (REQUEST)."""
    out = list(candidates)
    lemmas = token_strings(sent.doc).lemma
    for i in range(sent.start, sent.end):
        if lemmas[i] not in SPEECH_VERBS:  # ("conclude" is one of them)
            continue
        token = sent.doc[i]
        for comp in (c for c in token.children if c.dep_ == "ccomp"):
            if not any(a.lower_ in ("must", "should") for a in comp.children if a.dep_ == "aux"):
                continue
            subjects = [c for c in comp.children if c.dep_ in SUBJECT_DEPS]
            speaker = subject_refs(token, resolver)
            if not subjects or not speaker or not resolver.refs(subjects[0]):
                continue
            if _own_side(speaker, resolver.refs(subjects[0])):
                continue  # "a Palestinian official said Abbas must ...": a view of what one's own leaders should do
            out = [c for c in out if c.token.i != comp.i]
            out.append(
                Candidate(
                    comp,
                    Code("REQUEST", "100", None),
                    complements=[],
                    sources=speaker,
                    targets=resolver.refs(subjects[0]),
                    speech_act=True,
                )
            )
        for comp in (c for c in token.children if c.dep_ == "ccomp" and _hostile_regard(c)):
            speaker = subject_refs(token, resolver)
            if speaker and all(c.token.i != comp.i for c in out):
                out.append(
                    Candidate(
                        comp,
                        Code("THREATEN", "138", None),
                        complements=[],
                        sources=speaker,
                        targets=[],
                        speech_act=True,
                    )
                )
        for comp in (c for c in token.children if c.dep_ == "ccomp"):
            said = _said_of_another(comp)
            if said is None:
                continue
            speaker = subject_refs(token, resolver)
            subjects = [c for c in comp.children if c.dep_ in SUBJECT_DEPS]
            # (the one who must face it, or whose act broke the law: "the attack" is Israel's attack if it says so)
            about = resolver.refs(subjects[0]) if subjects else []
            if (
                speaker
                and not _same_actors(speaker, about)
                and not any(c.token.i == comp.i and c.speech_act for c in out)
            ):
                out = [c for c in out if c.token.i != comp.i]  # the clause's own coding ("violated") is the charge
                out.append(Candidate(comp, said, complements=[], sources=speaker, targets=about, speech_act=True))
    return out


#: What one "will face" when threatened: "Israel would face a response".
REPRISALS = word_list("reprisals")
#: What is broken when one is accused of breaking the rules: "violated international law".
RULES = word_list("rules")


def _said_of_another(verb) -> Code | None:
    """A clause said of another that is itself a threat or an accusation:
    "X would face a response" (THREATEN), "the attack violated international
    law" (ACCUSE)."""
    lemma = verb.lemma_.lower()
    objects = [c.lemma_.lower() for c in verb.children if c.dep_ == "dobj"]
    if (
        lemma in ("face", "pay")
        and any(a.lower_ in ("will", "would", "'ll", "wo", "shall") for a in verb.children if a.dep_ == "aux")
        and set(objects) & REPRISALS
    ):
        return Code("THREATEN", "130", None)
    if (
        lemma in ("violate", "breach", "flout")
        and set(objects) & RULES
        and not any(
            c.dep_ == "neg" or c.dep_ == "aux" and c.lower_ in ("would", "could", "might", "may") for c in verb.children
        )
    ):
        return Code("ACCUSE", "112", "accuse")
    return None


def _same_actors(a: list[ActorRef], b: list[ActorRef]) -> bool:
    return bool(a) and bool(b) and {r.name for r in a} == {r.name for r in b}


def _own_side(speakers: list[ActorRef], addressees: list[ActorRef]) -> bool:
    """Whether government speakers say what their own government or leader
    must do: advice within one side, no request to another party (an opposition
    or rebel speaker demanding it of the government still requests)."""
    return all(s.country and s.sector in ("GOV", None) for s in speakers) and all(
        a.sector == "GOV" and a.country in {s.country for s in speakers} for a in addressees
    )


def _hostile_regard(verb) -> bool:
    """ "will regard all vessels as military targets", "could be treated the same
    way": a stated future treatment of others as enemies is a threat."""
    if verb.lemma_.lower() not in ("regard", "treat", "consider", "view", "deem"):
        return False
    if not any(
        a.lower_ in ("will", "would", "could", "may", "might", "shall", "'ll") for a in verb.children if a.dep_ == "aux"
    ):
        return False
    # "as hostile targets" may hang on the object's own phrase ("ships in its waters as ...")
    for child in [
        *verb.children,
        *(t for t in verb.subtree if t.dep_ == "prep" and t.lower_ == "as" and t.head.i != verb.i),
    ]:
        if child.dep_ == "prep" and child.lower_ == "as":
            roles = [g for g in child.children if g.dep_ == "pobj"]
            roles += [c for r in roles for c in r.conjuncts]
            if any(r.lemma_.lower() in HOSTILE_ROLES for r in roles):
                return True
        # "treated the same way": in answer to a threat just reported
        if child.dep_ == "npadvmod" and child.lemma_ == "way" and any(a.lower_ == "same" for a in child.children):
            return True
    return False
