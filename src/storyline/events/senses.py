"""Trigger words used in a sense that is no event: what a source refuses or
asks of reporters ("declined to comment"), and verbs whose event needs a
certain kind of object ("met the minister" is a meeting, "meet future
disasters" is not; "released two prisoners" frees someone, "released tapes"
does not). Precision first: a coder would code none of these.
"""

from __future__ import annotations

from .lexicon import AGREEMENTS, word_list

#: What sources refuse or ask of reporters: "declined to comment", "refused to identify
#: himself", "requested anonymity", "would not provide details".
PRESS_IDIOMS = word_list("press_idioms")
#: Verbs that are events only with a person or group as object: "met the minister" is a
#: meeting, "met the target" or "meet future disasters" is not; "demonstrate support" shows.
ACTOR_OBJECT_VERBS = word_list("actor_object_verbs")


def press_idiom(token, complements) -> bool:
    words = {token.lemma_.lower()} | {c.lemma_.lower() for c in complements}
    words |= {o.lemma_.lower() for v in [token, *complements] for o in v.children if o.dep_ in ("dobj", "attr")}
    return bool(words & PRESS_IDIOMS)


#: What can be signed and be an agreement; a signed letter or paper is not one.
SIGNED = AGREEMENTS | word_list("signed")
#: Duties one is "charged with" (unlike crimes: "charged with spying").
TASKS = word_list("tasks")
#: What is fought that makes fighting combat.
WARS = word_list("wars")
#: What is seized that is no property: "seize the chance".
CHANCES = word_list("chances")
#: Who can be released or freed.
CAPTIVES = word_list("captives")
#: Words offered that are words, not help or terms: "offered condolences", "offered details".
SAID_THINGS = word_list("said_things")


#: Forces of nature and accidents: what they kill or wound no one attacked.
HAZARDS = word_list("hazards")
#: Verbs of harm that nature or accident can do as well as attackers.
HARMS = word_list("harms")


def natural_harm(verb) -> bool:
    """ "Floods killed thousands", "were killed in the earthquake": harm done by
    nature or accident, no attack."""
    if verb.lemma_.lower() not in HARMS:
        return False
    doers = [c for c in verb.children if c.dep_ == "nsubj"]
    doers += [
        g
        for p in verb.children
        if p.dep_ == "agent" or (p.dep_ == "prep" and p.lower_ in ("in", "during"))
        for g in p.children
        if g.dep_ == "pobj"
    ]
    if verb.dep_ in ("relcl", "acl") or (verb.dep_ == "advcl" and not doers):
        doers.append(verb.head)  # "a storm that killed ...", "the quake struck, killing 34"
    return any(
        d.lemma_.lower() in HAZARDS or any(c.dep_ == "compound" and c.lemma_.lower() in HAZARDS for c in d.children)
        for d in doers
    )


def other_sense(verb, resolver) -> bool:
    """A trigger verb in a sense that is no event: "meet future disasters",
    "demonstrate support", "fight to keep the boy", "a letter signed by",
    "offered condolences"."""
    lemma = verb.lemma_.lower()
    if verb.pos_ != "VERB":
        return False
    if natural_harm(verb):
        return True
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if lemma in ("fight", "battle", "struggle"):
        # "fighting to keep the boy", "fights gender stereotypes": no combat without a foe or a war
        return any(c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children) for c in verb.children) or (
            bool(objects) and not any(resolver.refs(o) or o.lemma_.lower() in WARS for o in objects)
        )
    if lemma == "seize":
        return any(o.lemma_.lower() in CHANCES for o in objects)  # "seize the chance"
    if lemma == "sign":
        signed = objects or ([verb.head] if verb.dep_ == "acl" else [])
        return bool(signed) and not any(o.lemma_.lower() in SIGNED for o in signed)
    if lemma == "offer":
        # "what Kenya offers" (to tourists) offers nothing to anyone
        objects = [o for o in objects if o.lower_ not in ("what", "whatever")]
        offered = objects or [c for c in verb.children if c.dep_ in ("xcomp", "dative", "ccomp")]
        return not offered or (bool(objects) and all(o.lemma_.lower() in SAID_THINGS for o in objects))
    if lemma in ("release", "free"):
        # "released a statement", "released air traffic data": only people are set free
        return bool(objects) and not any(
            o.lemma_.lower() in CAPTIVES or any(r.kind == "person" or r.sector is not None for r in resolver.refs(o))
            for o in objects
        )
    if lemma == "charge":
        # an accusation charges someone "with" something: "charges customers" bills them, and
        # "charged the inspectors with verifying ..." gives them a task
        withs = [p for p in verb.children if p.dep_ == "prep" and p.lower_ == "with"]
        return not withs or any(g.dep_ in ("pcomp", "pobj") and g.lower_ in TASKS for p in withs for g in p.children)
    if lemma == "agree":
        # "agreed with the court's reasoning" is an opinion; agreeing with someone, on or to something is not
        if any(
            c.dep_ in ("xcomp", "ccomp") or (c.dep_ == "prep" and c.lower_ in ("to", "on", "upon"))
            for c in verb.children
        ):
            return False
        withs = [
            g for p in verb.children if p.dep_ == "prep" and p.lower_ == "with" for g in p.children if g.dep_ == "pobj"
        ]
        return bool(withs) and not any(resolver.refs(g) for g in withs)
    if lemma == "plead":
        return any(c.lower_ in ("innocent", "guilty", "not") for c in verb.children)  # a plea in court
    if lemma == "insist":
        # "insisted that the boy be returned" demands; "insisted his son wants to go" only claims
        clauses = [c for c in verb.children if c.dep_ == "ccomp"]
        return bool(clauses) and not any(
            c.tag_ == "VB"
            or any(
                a.dep_ in ("aux", "auxpass") and (a.tag_ == "VB" or a.lower_ in ("must", "should")) for a in c.children
            )
            for c in clauses
        )
    if lemma not in ACTOR_OBJECT_VERBS:
        return False
    if lemma == "host" and not objects:
        return True  # "Apple hosted ...": hosting nobody named is no meeting
    return bool(objects) and not any(
        any(_may_visit(r) for r in resolver.refs(o)) or o.ent_type_ in ("GPE", "LOC", "FAC") for o in objects
    )


def _may_visit(ref) -> bool:
    """Whether an actor can be met, hosted or visited: a person, or one the text or the
    knowledge places (a sector, a country). A name the tagger made an organisation and
    nothing else places is as likely a show or a prize ("hosted the Oscars", "the Emmys")."""
    return ref.kind == "person" or ref.resolved or ref.sector is not None or ref.country is not None
