"""Who an event is done to: the target actors of a trigger, found over the parse.

Objects and recipients ("expelled two diplomats", "sent aid to Mali"), the
subject of an absorbed clause ("demanded that Russia release ..."), the
agent or owner of an event noun the act answers ("investigating crimes by
militias", "in protest against violations by the police"), and for a threat
the one who must comply ("... unless Baghdad accepts").
"""

from __future__ import annotations

from ..models import ActorRef
from .summary import TARGET_PREPS

#: Weapons can head an object phrase but are never a target.
WEAPONS = {"artillery", "mortar", "rocket", "missile", "tank", "aircraft", "jet", "warplane", "helicopter",
           "gunship", "drone", "bomb", "grenade", "shell", "weapon", "arm", "gun", "fire"}


def _targets(token, resolver, sources, complements=(), depth=0, plover="") -> list[ActorRef]:
    names = {s.name for s in sources}
    out: list[ActorRef] = []

    def add(tok, via=None):
        if tok.lemma_.lower() in WEAPONS:
            return   # "launched artillery fire against ...": the guns are not the target
        for ref in resolver.refs(tok):
            if not ref.resolved and ref.country is None and tok.ent_type_ in ("GPE", "LOC", "FAC"):
                continue   # an unknown place name is not an actor
            # a complaint lodged "with" a court or the UN is not against the court
            if plover == "ACCUSE" and ref.sector in ("IGO", "JUD") and via in ("with", "to"):
                continue
            if ref.name not in names and all(r.name != ref.name for r in out):
                out.append(ref)

    def objects_of(head, level=0, via=None):
        for child in head.children:
            if child.dep_ == "dative" and child.pos_ == "ADP":
                for pobj in (g for g in child.children if g.dep_ == "pobj"):
                    add(pobj)
            elif child.dep_ in ("dobj", "dative", "nsubjpass", "iobj") or (child.dep_ in ("attr", "oprd") and head.pos_ == "VERB"):
                before = len(out)
                add(child)
                if len(out) == before and level < 3:
                    objects_of(child, level + 1)   # "coordination with Israel", "camp for refugees"
            elif head is not token and level and (child.dep_ == "poss" and child.pos_ in ("PROPN", "NOUN") or (
                    child.dep_ == "compound" and child.pos_ == "PROPN")):
                add(child, via)
            elif child.dep_ == "amod" and level and resolver.kb.country_of(child.text):
                # "an Indian proposal": India
                state = resolver.kb.state(resolver.kb.country_of(child.text))
                if state is not None and state.name not in names and all(r.name != state.name for r in out):
                    out.append(ActorRef(state.name, child.text, child.idx, child.idx + len(child),
                                        state.country, "GOV", "state", True))
            elif child.dep_ == "relcl" and head is token and token.pos_ == "NOUN":
                for victim in (g for g in child.children if g.dep_ == "nsubjpass"):
                    add(victim)
            elif child.dep_ == "prep" and (child.lower_ in TARGET_PREPS or (
                    child.lower_ == "of" and (token.pos_ == "NOUN" or level)) or (child.lower_ == "by" and level)):
                # "a suspension of air links with Serbia", "calls by Belarus's rulers"
                for pobj in (g for g in child.children if g.dep_ == "pobj"):
                    before = len(out)
                    add(pobj, child.lower_)
                    if len(out) == before and level < 3:
                        objects_of(pobj, level + 1, child.lower_)
            elif child.dep_ == "prep" and child.lower_ in ("in", "of") and level:
                for pobj in (g for g in child.children if g.dep_ == "pobj" and g.ent_type_ != "GPE"):
                    add(pobj)

    # "demanded that Russia release ...": who is asked, threatened or accused is the
    # subject of the clause the event verb governs
    for comp in complements:
        for subj in (c for c in comp.children if c.dep_ in ("nsubj", "nsubjpass")):
            before = len(out)
            add(subj)
            if len(out) == before:   # "its European Community partners"
                for mod in (c for c in subj.children if c.dep_ in ("poss", "compound") and c.pos_ == "PROPN"):
                    add(mod)
    objects_of(token)
    for comp in complements:
        if not out and depth < 2:
            out.extend(r for r in _targets(comp, resolver, sources, (), depth + 1) if r.name not in names)
    # "sent troops to Mali": the troops are the sender's own, Mali is the target
    placed = [r for r in out if r.country or r.resolved]
    return placed or out
