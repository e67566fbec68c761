"""Whom a statement is addressed to, and whom it is about.

CAMEO codes a comment with a target: the one spoken to ("told Y", "expressed
condolences to Y", "urged Y to"), or the one the comment is about ("said it is
skeptical of Y's plan", "expressed concern for Y's health", "hoped that Y
would ..."), and for a denial the accuser answered ("rejected accusations by
Y"). These are read from the clause of the statement's own cue word, over the
dependency parse: its indirect object and "to" phrase, the object of a verb of
addressing, the "about/of/over/for ..." phrase of the attitude it voices, the
subject of a hoped-for or feared clause, and the "by/from" phrase of a denied
charge. Never the speaker, never a clause the statement only reports ("X said Y
attacked Z" is about the attack, not addressed to Y).
"""

from __future__ import annotations

from ..actors import ethnic
from ..models import ActorRef
from .lexicon import word_list

#: Verbs that voice an attitude through their object: "expressed condolences", "voiced concern".
ATTITUDE_VERBS = word_list("attitude_verbs")
#: The attitudes such a verb voices: each makes the phrase a statement (CAMEO 01: 012, 013, 018).
ATTITUDE_NOUNS = word_list("attitude_nouns")

#: Verbs whose object is the one addressed: "told reporters", "urged Washington to", "thanked Japan".
ADDRESSING_VERBS = word_list("addressing_verbs")
#: Prepositions of what an attitude or a comment is about: "concern over", "skeptical of".
ABOUT_PREPS = word_list("about_preps")
#: Of them, those that say what an attitude is about when the parser hangs them on its verb.
VERB_ABOUT_PREPS = word_list("verb_about_preps")
#: Adjectives of an attitude said of oneself: "said it is skeptical of ...", "is pessimistic that ...".
ATTITUDE_ADJECTIVES = word_list("attitude_adjectives")
#: Verbs of hoping and fearing, whose clause is about its own subject: "hoped that Gambari would ...".
EXPECTING_VERBS = word_list("expecting_verbs")
#: Nouns of a charge, whose "by/from" names the accuser a denial answers.
CHARGE_NOUNS = word_list("charge_nouns")
#: Nouns of owning or blaming a deed, whose "for" phrase names it: "claimed responsibility for".
OWNING_NOUNS = word_list("owning_nouns")
#: Dependencies a topic phrase is searched through for the actors it names; a clause of
#: its own (a relative clause, an adverbial clause) says something else.
NOT_TOPIC = frozenset({"relcl", "advcl", "ccomp", "acl", "punct", "cc", "appos"})


def addressees(cue, resolver, speakers: tuple[ActorRef, ...] = ()) -> tuple[ActorRef, ...]:
    """The actors the statement whose cue word is ``cue`` is addressed to or about,
    nearest first, without its speakers."""
    found: list[ActorRef] = []
    spoken = {r.name for r in speakers}

    def add(refs):
        for ref in refs:
            if ref.name not in spoken and all(r.name != ref.name for r in found):
                found.append(ref)

    for token in _addressed(cue):
        add(_phrase_actors(token, resolver))  # ("the family of Y": Y)
    for phrase in _topics(cue):
        add(_phrase_actors(phrase, resolver))
    return tuple(found)


def _addressed(cue) -> list:
    """Tokens naming whom the words are addressed to: the indirect object, the "to"
    phrase of the cue or of its object ("condolences to Y"), the object of a verb of
    addressing, and the accuser of a denied charge."""
    out = []
    objects = [c for c in cue.children if c.dep_ in ("dobj", "dative")]
    for child in cue.children:
        if child.dep_ == "dative" and child.pos_ != "ADP":
            out.append(child)
        elif child.dep_ == "dobj" and cue.lemma_ in ADDRESSING_VERBS:
            out.append(child)
    for head in (cue, *objects):
        for prep in (c for c in head.children if c.dep_ in ("prep", "dative") and c.lower_ == "to"):
            out += [g for g in prep.children if g.dep_ == "pobj"]
        if head.dep_ == "dobj" and head.lemma_.lower() in CHARGE_NOUNS or head is cue:
            # "rejected accusations by the US", "denied charges, by the Government, that ..."
            for prep in (c for c in head.children if c.dep_ in ("prep", "agent") and c.lower_ in ("by", "from")):
                if head is cue and any(c.dep_ == "auxpass" for c in cue.children):
                    continue  # a passive's "by" is its doer
                out += [g for g in prep.children if g.dep_ == "pobj"]
    # "called on Y to", "appealed to Y": the preposition belongs to the verb
    return out


def _topics(cue) -> list:
    """Phrases naming what the words are about: the "about/of/over ..." phrase of the
    attitude the cue voices (its object noun, or an attitude adjective of the clause it
    introduces) and the subject of a clause hoped, feared or agreed on."""
    out = []
    # "expressed pessimism about", "claimed responsibility for", "rejected the accusation of"; not
    # a plain thing announced: "announced a nominee for Surgeon General", "integration with iTunes"
    holders = [
        c
        for c in cue.children
        if c.dep_ == "dobj"
        and (cue.lemma_ in ATTITUDE_VERBS or c.lemma_.lower() in ATTITUDE_NOUNS | CHARGE_NOUNS | OWNING_NOUNS)
    ]
    if cue.lemma_ in ATTITUDE_VERBS and any(h.lemma_.lower() in ATTITUDE_NOUNS for h in holders):
        # the attitude's phrase hung on its verb: "expressed pessimism Friday over Alitalia's
        # future", "expressed optimism that the timeline could be accelerated" (not "in Paris",
        # "on Friday": where and when)
        for prep in (c for c in cue.children if c.dep_ == "prep" and c.lower_ in VERB_ABOUT_PREPS):
            out += [g for g in prep.children if g.dep_ in ("pobj", "pcomp")]
        for inner in (c for c in cue.children if c.dep_ == "ccomp"):
            out += [s for s in inner.children if s.dep_ in ("nsubj", "nsubjpass")]
    clauses = [c for c in cue.children if c.dep_ in ("ccomp", "xcomp")]
    if _lemma(cue) in EXPECTING_VERBS:
        clauses = [cue, *clauses]
    for clause in clauses:
        holders += [c for c in clause.children if c.dep_ in ("acomp", "attr") and c.lemma_ in ATTITUDE_ADJECTIVES]
        if _lemma(clause) in EXPECTING_VERBS:
            holders.append(clause)  # "said they hoped that Gambari would", "said they agree with Scott"
    for holder in holders:
        for prep in (c for c in holder.children if c.dep_ == "prep" and c.lower_ in ABOUT_PREPS):
            out += [g for g in prep.children if g.dep_ in ("pobj", "pcomp") and not _where_or_when(prep, g)]
        if holder.lemma_.lower() in CHARGE_NOUNS:
            continue  # "accusations that his government ...": the accused, not whom the denial is about
        # "expressed hopes the government will change", "is pessimistic that the Olympics will go ahead"
        for inner in (c for c in holder.children if c.dep_ in ("ccomp", "acl") and c.pos_ in ("VERB", "AUX")):
            out += [s for s in inner.children if s.dep_ in ("nsubj", "nsubjpass")]
    return out


#: Entity labels of a place or a time.
WHERE_OR_WHEN = frozenset({"GPE", "LOC", "FAC", "DATE", "TIME"})
#: Of them, those that never name an actor (a state, GPE, may be one).
PLACES_AND_TIMES = WHERE_OR_WHEN - {"GPE"}


def _where_or_when(prep, pobj) -> bool:
    """ "concern on Friday in Lima": where and when the attitude was voiced, not its topic."""
    return prep.lower_ in ("in", "at", "on") and pobj.ent_type_ in WHERE_OR_WHEN


def _lemma(token) -> str:
    """The token's lemma, where the small model's lemmatiser is wrong ("hopes" -> "hop") put right."""
    lemma = token.lemma_.lower()
    return "hope" if lemma == "hop" and token.lower_.startswith("hope") else lemma


def _phrase_actors(token, resolver) -> list[ActorRef]:
    """The actors a topic phrase names: its head, else the first actor inside it
    ("the government's ability", "holding negotiations with the United States",
    "the reforms taken by the Egyptian government", "Iranian motives"), not looking
    into a clause of its own."""
    refs = resolver.refs(token) if token.pos_ in ("NOUN", "PROPN", "PRON") else []
    if refs:
        return refs
    stack = [c for c in token.children if _inside_topic(c)]
    while stack:
        tok = stack.pop(0)
        # (not "his" of "his South African mission": one's own mission is no one else's; not
        # a sea, a building or a day: "peace in the Taiwan Strait" is about no actor)
        if tok.ent_type_ in PLACES_AND_TIMES:
            continue
        if tok.pos_ in ("NOUN", "PROPN") or tok.pos_ == "PRON" and tok.dep_ != "poss":
            refs = resolver.refs(tok)
            if refs:
                return refs
        if tok.dep_ == "amod" and tok.head.pos_ == "NOUN":
            state = _nationality(tok, resolver)
            if state is not None:
                return [state]
        stack += [c for c in tok.children if _inside_topic(c)]
    return []


def _inside_topic(token) -> bool:
    """A dependent that still belongs to the topic phrase: not a clause of its own, but
    a participle with its agent ("the reforms taken by the government")."""
    return token.dep_ not in NOT_TOPIC or token.dep_ == "acl" and token.tag_ == "VBN"


def _nationality(adjective, resolver) -> ActorRef | None:
    """The state a nationality adjective names ("a Russian announcement", "the North
    Korean standoff"), not an ethnicity ("ethnic Albanian")."""
    if ethnic(adjective):
        return None
    words = adjective.doc[adjective.left_edge.i : adjective.i + 1]
    kb = resolver.kb
    iso = kb.country_of(words.text)  # ("Central American" is no "American")
    state = kb.state(iso) if iso else None
    if state is None:
        return None
    return ActorRef(state.name, words.text, words.start_char, words.end_char, state.country, "GOV", "state", True)
