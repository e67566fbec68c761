"""Who an event is done to: the target actors of a trigger, found over the parse.

Objects and recipients ("expelled two diplomats", "sent aid to Mali"), the
subject of an absorbed clause ("demanded that Russia release ..."), the
agent or owner of an event noun the act answers ("investigating crimes by
militias", "in protest against violations by the police"), and for a threat
the one who must comply ("... unless Baghdad accepts").
"""

from __future__ import annotations

from ..actors import ethnic
from ..models import ActorRef
from .lexicon import load_lexicon, word_list
from .summary import TARGET_PREPS

#: Weapons can head an object phrase but are never a target.
WEAPONS = word_list("weapons")


#: Nouns of a stance taken against someone: "in protest against X", "in defiance of
#: X", "in retaliation for X's raid" name who the act answers.
STANCE = word_list("stance")
#: Verbs whose object does what their infinitive says ("ordered X to leave"): X is no counterpart.
OBJECT_CONTROL = word_list("object_control")
#: Event nouns whose owner suffers the act: "the bombers' arrest" is done to the bombers.
PATIENT_NOUNS = word_list("patient_nouns")
#: Nouns of a grievance shown: "to show their disapproval of X".
GRIEVANCES = word_list("grievances")
#: Nouns of talks whose other side is the counterpart of what follows them.
TALKS = word_list("talks")
#: Place nouns whose nationality adjective names a place, not an actor ("the Thai border").
BORDERS = word_list("borders")
#: Prepositions of a concession made against someone's wish ("despite pressure by X").
DESPITE = word_list("despite")


def headline_passive(verb) -> bool:
    """A headline's passive without its auxiliary ("Man Killed In Hit-And-Run", "Williams
    arrested on DUI suspicion"): a past participle heading the sentence, with a subject but
    no auxiliary and no object of its own. Its subject suffers the act; prose says "was"."""
    return (
        verb.tag_ == "VBN"
        and verb.dep_ == "ROOT"
        and any(c.dep_ == "nsubj" for c in verb.children)
        and not any(c.dep_ in ("aux", "auxpass", "dobj") for c in verb.children)
    )


#: Nouns of people (who can be held or freed: "the woman", "two civilians").
PEOPLE = word_list("captives")


def _names_people(obj, resolver) -> bool:
    """Whether an object names people: a pronoun, a number of someone ("two others"),
    a noun of people, or a person or group the resolver knows."""
    if obj.pos_ == "PRON" and obj.lower_ not in ("it", "what", "that", "this"):
        return True
    if obj.lemma_.lower() in PEOPLE or any(c.dep_ == "nummod" for c in obj.children) and obj.tag_ == "NNS":
        return True
    return any(r.kind in ("person", "group") for r in resolver.refs(obj))


def unplaced_name(ref: ActorRef) -> bool:
    """A name the tagger took for an organisation that nothing places: no person, no
    entry of the knowledge, no sector, no country. Deep in a phrase it is as likely a
    thing, an offence or a show ("DUI", "the Oscars") as a party."""
    return ref.kind == "group" and not ref.resolved and ref.sector is None and ref.country is None


def by_agents(noun) -> list:
    """The "by" phrase of an event noun that names who did the deed ("Foley's shooting by an
    officer", "by Hamas"), not how ("by air", "by drones")."""
    return [
        g
        for p in noun.children
        if p.dep_ == "prep" and p.lower_ == "by"
        for g in p.children
        if g.dep_ == "pobj"
        and g.lemma_.lower() not in WEAPONS
        and (g.pos_ == "PROPN" or any(c.dep_ in ("det", "poss") for c in g.children))
    ]


def _condition_subjects(token, complements) -> list:
    """Who must comply for a threat to be called off: the subject of its
    "unless" or "if" clause ("threatened to ... unless Baghdad accepted")."""
    out = []
    for verb in [token, *complements]:
        for clause in (c for c in verb.children if c.dep_ == "advcl"):
            if any(m.lower_ in ("unless", "if") for m in clause.children if m.dep_ == "mark"):
                out += [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    return out


def _stranded_object(prep) -> list:
    """The object the parser took away from a preposition: in "granted asylum to
    five officers holed up in ...", "officers" becomes the subject of "holed"."""
    doc = prep.doc
    for tok in doc[prep.i + 1 : min(prep.i + 8, len(doc))]:
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.left_edge.i == prep.i + 1 and tok.pos_ in ("NOUN", "PROPN"):
            return [tok]
    return []


#: Prepositions that place something rather than aim at it.
LOCATIVE = word_list("locative")


def _where(noun, via, modifier=None) -> bool:
    """A border-like noun reached through a place preposition ("on the Thai border"), or a
    common noun of a place named by a place name ("on the Seattle campus", "at the Detroit
    firm"): the name says where, not whom."""
    if via not in LOCATIVE:
        return False
    if noun.lemma_.lower() in BORDERS:
        return True
    return (
        modifier is not None
        and via in ("on", "at")  # (a change wanted "in Ugandan politics" is wanted of Uganda)
        and modifier.dep_ == "compound"
        and modifier.ent_type_ in ("GPE", "LOC", "FAC")
        and noun.pos_ == "NOUN"
        and not noun.ent_type_
    )


def _same_clause(tok, verb) -> bool:
    """No other verb stands between ``tok`` and ``verb`` (the parser may hang a
    phrase on a date or an object of the verb)."""
    node = tok.head
    while node.i != verb.i and node.head.i != node.i:
        if node.pos_ in ("VERB", "AUX"):
            return False
        node = node.head
    return node.i == verb.i


#: Kinds of actor that can do a deed (a place named after "by" is where: "a village by the river").
DOERS = ("person", "organisation", "group", "state")


def fight_sides(noun, resolver) -> list[ActorRef]:
    """The sides of a fight told as "between X and Y" ("a battle between Malian troops and
    Tuareg rebels", "fighting between ..."): X acts, Y is acted on. Only for event nouns,
    and only when both sides are actors."""
    if noun.lemma_.lower() not in load_lexicon().nouns:
        return []
    sides: list[ActorRef] = []
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "between"):
        for pobj in (g for g in prep.children if g.dep_ == "pobj"):
            for ref in resolver.refs(pobj):
                if ref.kind in DOERS and all(r.name != ref.name for r in sides):
                    sides.append(ref)
    # (armed or governing sides: "a battle between an African American and a Latina" is an election)
    armed = any(r.sector in ("MIL", "REB", "COP", "GOV") or r.kind == "state" for r in sides)
    return sides if len(sides) > 1 and armed else []


def _deed_doers(verb, resolver, names) -> list[ActorRef]:
    """The doers of a deed the verb's object names ("condemned the attack by X",
    "denounced the killings carried out by X"): the "by" phrase of an event noun."""
    nouns = load_lexicon().nouns
    out: list[ActorRef] = []
    for obj in (c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in nouns):
        agents = [
            g for p in obj.children if p.dep_ == "prep" and p.lower_ == "by" for g in p.children if g.dep_ == "pobj"
        ]
        agents += [
            g
            for acl in obj.children
            if acl.dep_ == "acl"
            for a in acl.children
            if a.dep_ == "agent"
            for g in a.children
            if g.dep_ == "pobj"
        ]
        for agent in agents:
            for ref in resolver.refs(agent):
                if ref.name not in names and all(r.name != ref.name for r in out):
                    out.append(ref)
    return out


def _demanded_in(verb) -> list:
    """Where the change a verb calls "for" is wanted: the "in" phrase of the thing
    demanded or of its "of" phrase ("called for reform of the constitution in Myanmar")."""
    out = []
    demands = [g for p in verb.children if p.dep_ == "prep" and p.lower_ == "for" for g in p.children]
    demands = [d for d in demands if d.dep_ == "pobj"]
    # (the parser often hangs the "in" phrase on the verb: "called for reform in US laws")
    heads = [verb] if demands else []
    for demand in demands:
        heads += [demand, *(g for p in demand.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children)]
    for head in heads:
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ == "in"):
            out += [g for g in prep.children if g.dep_ == "pobj"]
    return out


#: Prepositions of time whose clause is another act ("reached a deal after notifying X").
TIME_PREPS = word_list("other_act_preps")


def _targets(token, resolver, sources, complements=(), depth=0, plover="") -> list[ActorRef]:
    names = {s.name for s in sources}
    # "reached a deal after notifying O'Brien": the act before or after is another clause's, and
    # so is whom it was done to
    complements = [c for c in complements if not (c.dep_ == "pcomp" and c.head.lower_ in TIME_PREPS)]
    out: list[ActorRef] = []

    def add(tok, via=None):
        if tok.lemma_.lower() in WEAPONS:
            return  # "launched artillery fire against ...": the guns are not the target
        for ref in resolver.refs(tok):
            if not ref.resolved and ref.country is None and tok.ent_type_ in ("GPE", "LOC", "FAC"):
                continue  # an unknown place name is not an actor
            deep = tok.dep_ == "compound" or (tok.dep_ == "pobj" and tok.head.head.i != token.i)
            if deep and unplaced_name(ref):
                continue  # "arrested on DUI suspicion", "for investigation of DUI": a thing named, no one
            # a complaint lodged "with" a court or the UN is not against the court
            if plover == "ACCUSE" and ref.sector in ("IGO", "JUD") and via in ("with", "to"):
                continue
            if ref.name not in names and all(r.name != ref.name for r in out):
                out.append(ref)

    # "injured two others at the firm", "killed his girlfriend on the Seattle campus": once the
    # verb has the people it was done to, its "at"/"on" phrase says where
    placed_by_object = token.pos_ == "VERB" and any(
        c.dep_ == "dobj" and _names_people(c, resolver) for c in token.children
    )

    def objects_of(head, level=0, via=None):
        for child in head.children:
            if placed_by_object and head is token and child.dep_ == "prep" and child.lower_ in LOCATIVE:
                continue
            if child.dep_ == "dative" and child.pos_ == "ADP":
                for pobj in [g for g in child.children if g.dep_ == "pobj"] or _stranded_object(child):
                    add(pobj)
            elif child.dep_ in ("dobj", "dative", "nsubjpass", "iobj") or (
                child.dep_ in ("attr", "oprd") and head.pos_ == "VERB"
            ):
                add(child)
                # "coordination with Israel", "camp for refugees"; "the removal of X and his party":
                # a head that is no actor is looked into, whatever its conjuncts are
                if resolver.ref(child) is None and level < 3:
                    objects_of(child, level + 1)
            elif child.dep_ == "acl" and level and head.lemma_.lower() in load_lexicon().nouns:
                # "the demonstration staged by students": the agent of the deed acted upon (not
                # the agent of any clause on an object: "a lunch hosted by the ambassador",
                # "a channel disputed by Chile" are no one the act is aimed at)
                for agent in (g for g in child.children if g.dep_ == "agent"):
                    for pobj in (g for g in agent.children if g.dep_ == "pobj"):
                        add(pobj, "by")
            elif child.dep_ == "prt":
                # "kidnapped up to 16 advisers": the parser hangs the phrase on the particle
                for prep in (g for g in child.children if g.dep_ == "prep" and g.lower_ in TARGET_PREPS):
                    for pobj in (g for g in prep.children if g.dep_ == "pobj"):
                        add(pobj, prep.lower_)
            elif child.dep_ in ("amod", "compound") and level and _where(head, via, child):
                continue  # "on the Thai border" says where, not whom ("from Iranian territory" does)
            elif (
                head is not token
                and level
                and (
                    child.dep_ == "poss"
                    and child.pos_ in ("PROPN", "NOUN")
                    or (child.dep_ == "compound" and child.pos_ == "PROPN")
                )
            ):
                add(child, via)
            elif (
                child.dep_ == "compound"
                and level
                and child.pos_ == "NOUN"
                and resolver.kb.sectors.get(child.lemma_.lower()) in ("REB", "MIL", "COP")
            ):
                add(child, via)  # "a guerrilla stronghold", "a police station": the force it belongs to
            elif child.dep_ == "amod" and level and resolver.kb.country_of(child.text) and not ethnic(child):
                # "an Indian proposal": India
                state = resolver.kb.state(resolver.kb.country_of(child.text))
                if state is not None and state.name not in names and all(r.name != state.name for r in out):
                    out.append(
                        ActorRef(
                            state.name,
                            child.text,
                            child.idx,
                            child.idx + len(child),
                            state.country,
                            "GOV",
                            "state",
                            True,
                        )
                    )
            elif child.dep_ == "relcl" and head is token and token.pos_ == "NOUN":
                for victim in (g for g in child.children if g.dep_ == "nsubjpass"):
                    add(victim)
            elif child.dep_ == "prep" and (
                child.lower_ in TARGET_PREPS
                or (child.lower_ == "of" and (token.pos_ == "NOUN" or level))
                or (child.lower_ == "by" and level)
            ):
                # "a suspension of air links with Serbia", "calls by Belarus's rulers"
                pobjs = [g for g in child.children if g.dep_ == "pobj"] or _stranded_object(child)
                for pobj in pobjs:
                    add(pobj, child.lower_)
                    if resolver.ref(pobj) is None and level < 3:
                        objects_of(pobj, level + 1, child.lower_)
            elif child.dep_ == "appos" and level:
                add(child)  # "the opposition newspaper La Prensa"
            elif child.dep_ == "prep" and (
                child.lower_ in DESPITE
                or child.lower_ == "in"
                and any(g.lemma_.lower() in STANCE for g in child.children if g.dep_ == "pobj")
            ):
                # "declined despite pressure by X", "struck in protest against violations by X"
                for pobj in (g for g in child.children if g.dep_ == "pobj"):
                    objects_of(pobj, level + 1, child.lower_)
            elif child.dep_ == "prep" and child.lower_ in ("in", "of") and level:
                for pobj in (g for g in child.children if g.dep_ == "pobj" and g.ent_type_ != "GPE"):
                    add(pobj)

    if plover == "PROTEST" and not out:
        # "blocked a road to show their disapproval of the United States' policies"
        for clause in (c for c in token.children if c.dep_ in ("advcl", "xcomp")):
            for stance in (o for o in clause.children if o.dep_ == "dobj" and o.lemma_.lower() in GRIEVANCES):
                objects_of(stance, 1)
    if plover in ("CONCEDE", "AGREE", "RETREAT") and not out:
        # "called off the strike after deliberations with the government": the other side of the talks
        for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ in ("after", "following")):
            for talks in (g for g in prep.children if g.dep_ == "pobj" and g.lemma_.lower() in TALKS):
                for with_ in (c for c in talks.children if c.dep_ == "prep" and c.lower_ == "with"):
                    for pobj in (g for g in with_.children if g.dep_ == "pobj"):
                        add(pobj, "with")
    if plover == "CONSULT":
        # "mediated between the Emirates and Saudi Arabia": the parties are the targets
        for prep in (t for t in token.subtree if t.dep_ == "prep" and t.lower_ == "between" and _same_clause(t, token)):
            for pobj in (g for g in prep.children if g.dep_ == "pobj"):
                add(pobj, "between")
    if token.pos_ == "NOUN" and (token.lemma_.lower() in PATIENT_NOUNS or by_agents(token)):
        # "the bombers' arrest", "Gonzalez's return"; "Foley's shooting by an officer": the
        # deed's doer is its "by" phrase, so its owner is the one it was done to
        for owner in (c for c in token.children if c.dep_ == "poss"):
            add(owner)
    if headline_passive(token):
        for subject in (c for c in token.children if c.dep_ == "nsubj"):
            add(subject)  # "Williams arrested on DUI suspicion": Williams
    if plover == "ASSAULT" and token.pos_ == "NOUN":
        for side in fight_sides(token, resolver)[1:]:
            if side.name not in names and all(r.name != side.name for r in out):
                out.append(side)  # "a battle between X and Y": Y
    if plover == "THREATEN":
        for subj in _condition_subjects(token, complements):
            add(subj)
    if plover == "REQUEST" and not out and token.pos_ == "VERB":
        # "called for reform in Myanmar", "for elections in Venezuela": the state asked to change
        for place in _demanded_in(token):
            if place.head.head.i == token.i and not any(r.kind == "state" for r in resolver.refs(place)):
                # on the verb itself, "in" may say where the call was made ("in a speech in Paris"):
                # only a state, or a state's laws or politics, is where the change is wanted
                if place.pos_ != "NOUN" or place.lemma_.lower() in ("speech", "statement", "interview"):
                    continue
            add(place, "in")
            if not out:
                objects_of(place, 2, "in")  # "reform in US laws", "in Ukrainian politics"
    # "demanded that Russia release ...": who is asked, threatened or accused is the
    # subject of the clause the event verb governs
    for comp in complements:
        for subj in (c for c in comp.children if c.dep_ in ("nsubj", "nsubjpass")):
            before = len(out)
            add(subj)
            if len(out) == before:  # "its European Community partners"
                for mod in (c for c in subj.children if c.dep_ in ("poss", "compound") and c.pos_ == "PROPN"):
                    add(mod)
    objects_of(token)
    for comp in complements:
        if not out and depth < 2:
            out.extend(r for r in _targets(comp, resolver, sources, (), depth + 1) if r.name not in names)
    if (
        not out
        and (token.dep_ == "advcl" or token.dep_ == "xcomp" and token.head.lemma_ not in OBJECT_CONTROL)
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
    ):
        # "summoned Niger's ambassador to complain": the one summoned hears the complaint
        for obj in (c for c in token.head.children if c.dep_ == "dobj"):
            add(obj)
    # objects_of calls itself, so its closure cell refers back to it; emptied, that cycle no longer
    # keeps the resolver (and through it the article's Doc) alive until the next garbage collection
    objects_of = None
    if plover in ("ACCUSE", "REJECT") and token.pos_ == "VERB":
        # "condemned the attack by Houthi rebels on the airport": who is condemned is the
        # deed's doer, not those the deed was done to
        doers = _deed_doers(token, resolver, names)
        if doers:
            return doers
    # "sent troops to Mali": the troops are the sender's own, Mali is the target
    placed = [r for r in out if r.country or r.resolved]
    if not placed and plover not in ("ASSAULT", "COERCE"):
        # "refused to deploy soldiers": unnamed forces moved by the source are its own
        out = [r for r in out if r.sector != "MIL" or r.kind == "person"]
    return placed or out
