"""Who acts and who is acted on, read from the trigger's own clause.

The source of an event is the subject of its verb, the passive agent, the
owner of a nominal event ("Russia's invasion"), or the subject a verb shares
with the verb it hangs on where English shares it (a conjoined verb, an
infinitive or participle complement). Never another clause's subject, a
prepositional phrase of another verb, or the previous sentence.
"""

from __future__ import annotations

from ..actors import ethnic
from ..models import ActorRef
from .lexicon import SPEECH_VERBS, load_lexicon, word_list
from .targets import DOERS, LOCATIVE, OBJECT_CONTROL, PATIENT_NOUNS, WEAPONS, by_agents, fight_sides, headline_passive

#: Verbs whose object names the act ("held talks", "issued a statement"): their subject owns it.
LIGHT_VERBS = word_list("light_verbs")
#: Nouns whose complement clause names what their owner does ("the council's decision to end ...").
INTENT_NOUNS = word_list("intent_nouns")
#: Verbs whose passive subject is the one acting ("guerrillas were demobilized").
SELF_PASSIVE = word_list("self_passive")
#: Dependencies of a subject.
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
#: Relative pronouns: "forces that attacked" are the forces.
RELATIVE = word_list("relative")
#: Verbs of denial: what they deny was said by someone else.
DENIAL_VERBS = word_list("denial_verbs")


def armed_subject(verb, resolver) -> list[ActorRef] | None:
    """Who attacks when a weapon or an armed force is the subject of a verb of
    hitting ("Russian missiles struck the port"): the weapon's owner or the force.
    None when the subject is neither (a storm hits, prices hit a record)."""
    for subj in (c for c in verb.children if c.dep_ == "nsubj"):
        heads = [subj, *subj.conjuncts]
        if all(h.lemma_.lower() in WEAPONS | {"airstrike", "strike", "warship", "fighter"} for h in heads):
            owners = []
            for head in heads:
                for mod in (c for c in head.children if c.dep_ in ("amod", "compound", "poss")):
                    iso = resolver.kb.country_of(mod.text)
                    state = resolver.kb.state(iso) if iso else None
                    ref = (
                        ActorRef(state.name, mod.text, mod.idx, mod.idx + len(mod), iso, "GOV", "state", True)
                        if state is not None
                        else resolver.ref(mod)
                        if mod.pos_ in ("PROPN", "NOUN", "PRON")
                        else None
                    )
                    if ref is not None and all(o.name != ref.name for o in owners):
                        owners.append(ref)
            return owners
        refs = subject_refs(verb, resolver)
        # an armed force hitting, or anyone hitting "with precision weapons"
        armed = any(
            p.lower_ == "with" and any(o.lemma_.lower() in WEAPONS for o in p.children if o.dep_ == "pobj")
            for p in verb.children
            if p.dep_ == "prep"
        )
        return refs if refs and (refs[0].sector == "MIL" or armed) else None
    if verb.dep_ in ("xcomp", "conj") and not any(c.dep_ == "nsubjpass" for c in verb.children):
        refs = subject_refs(verb, resolver)  # "the army claimed to have hit three gunmen"
        return refs if refs and refs[0].sector == "MIL" else None
    return None


#: Prepositions of time or manner whose gerund shares the main clause's subject.
TIME_PREPS = word_list("gerund_preps")
#: Verbs of claiming an act as one's own, and the pronouns that in their clause stand for the claimer.
CLAIM_VERBS = word_list("claim_verbs")
CLAIMER_PRONOUNS = word_list("claimer_pronouns")


def subject_refs(verb, resolver, depth: int = 0) -> list[ActorRef]:
    if depth > 4:
        return []
    if headline_passive(verb):
        # "Woman Killed In Hit-And-Run": the subject suffers the act; only a "by" phrase names the doer
        agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        return resolver.refs(agents[0]) if agents else []
    children = list(verb.children)
    # the parser sometimes hangs the subject on the auxiliary ("Abbas has ... threatened")
    children += [g for c in verb.children if c.dep_ == "aux" for g in c.children if g.dep_ == "nsubj"]
    for child in children:
        if child.dep_ in ("nsubj", "csubj"):
            if child.pos_ == "VERB":  # "The Red Cross operating in Iraq said ..."
                child = next((g for g in child.children if g.dep_ == "nsubj"), child)
            if child.lower_ in RELATIVE and verb.dep_ == "relcl":
                return resolver.refs(verb.head)
            refs = resolver.refs(child)
            if refs:
                return refs
            if child.lower_ in CLAIMER_PRONOUNS and verb.dep_ == "ccomp" and verb.head.lemma_ in CLAIM_VERBS:
                # "UNITA claimed that they had attacked the base": a pronoun the resolver leaves
                # open (a singular name before it) is the claimer, who claims the act as its own
                return subject_refs(verb.head, resolver, depth + 1)
            # "the council's decision ..." as subject: its owner acts (not so for
            # "Elian's relatives" or "his father": people owned are not their owner)
            owners = [c for c in child.children if c.dep_ == "poss"]
            owned_act = child.lemma_.lower() in INTENT_NOUNS or child.lemma_.lower() in load_lexicon().nouns
            if owners and owned_act:
                return resolver.refs(owners[0])
            if any(c.dep_ == "nsubj" and c.i > child.i for c in children):
                # two subjects: the parser took a fronted phrase for one ("The act of war, in
                # which jihadi Omar Mateen slaughtered 49 people"): the other may name the doer
                continue
            return []
        if child.dep_ == "agent":
            objs = [g for g in child.children if g.dep_ == "pobj"]
            return resolver.refs(objs[0]) if objs else []
    head = verb.head
    predicate_of = _lost_main_verb(verb)
    if predicate_of is not None:
        return resolver.refs(predicate_of)
    if (
        verb.dep_ == "conj"
        and not any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
        and any(c.dep_ == "nsubjpass" for c in head.children)
        and head.dep_ == "ccomp"
        and head.head.lemma_ in SPEECH_VERBS
    ):
        # "the ministry said the fleet had been attacked ... and blamed Ukraine": an active
        # verb joined to a reported passive is the speaker's own act
        return subject_refs(head.head, resolver, depth + 1)
    for child in verb.children:
        if child.dep_ == "nsubjpass":
            if verb.lemma_ in SELF_PASSIVE:
                return resolver.refs(child)
            return _displaced_agent(verb, resolver)
    if any(c.dep_ == "auxpass" for c in verb.children) or (verb.tag_ == "VBN" and verb.dep_ in ("advcl", "acl")):
        # "only to be jailed", "when asked about ...": the one the clause hangs on suffers the act
        return []
    if verb.dep_ == "xcomp" and verb.head.lemma_ in OBJECT_CONTROL:
        # "persuaded Bolivia to withdraw": the one persuaded withdraws
        objects = [c for c in verb.head.children if c.dep_ == "dobj"]
        if objects:
            return resolver.refs(objects[0])
    if verb.dep_ in ("xcomp", "conj", "advcl") and verb.head is not verb:
        if verb.dep_ == "advcl" and any(c.dep_ == "mark" for c in verb.children) and verb.tag_ != "VBG":
            return []  # ("when asked", "if attacked"; but "while demanding money" is the main subject's)
        return _shared_subject(verb, resolver, depth)
    if verb.tag_ == "VBG" and verb.dep_ == "pcomp" and verb.head.lower_ in TIME_PREPS and verb.head.head.pos_ == "VERB":
        # "stormed the bank before detonating", "after meeting Lavrov, Putin flew": the main subject's act
        return subject_refs(verb.head.head, resolver, depth + 1)
    if verb.dep_ == "relcl":
        return resolver.refs(verb.head)
    if verb.pos_ == "ADJ" and verb.head.lemma_ == "be":
        return subject_refs(verb.head, resolver, depth + 1)
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.lower_ in ("of", "for"):
        # "accused the capitals of failing to condemn", "condemned North Korea for firing":
        # the one accused or condemned does it (the object controls the preposition's clause;
        # not so in time: "hug them before detonating" is the huggers' act)
        holder = verb.head.head
        objects = (
            [holder]
            if holder.dep_ == "dobj"
            else [c for c in holder.children if c.dep_ == "dobj" and c.i < verb.head.i]
            if holder.pos_ == "VERB"
            else []
        )
        refs = [r for o in objects[:1] for r in resolver.refs(o)]
        if refs:
            return refs
    if verb.dep_ in ("acl", "pcomp") and verb.head.lemma_.lower() in INTENT_NOUNS | {"to", "of"}:
        noun = verb.head if verb.dep_ == "acl" else verb.head.head
        owners = [c for c in noun.children if c.dep_ == "poss"]
        if owners:
            return resolver.refs(owners[0])
        if noun.dep_ == "dobj" and noun.head.pos_ == "VERB" and noun.head.lemma_ in LIGHT_VERBS | SPEECH_VERBS:
            # "announced a plan to", "issued a statement urging": who makes the plan acts; not
            # so for "protested the decision to send troops" or "welcomed the plan to"
            return subject_refs(noun.head, resolver, depth + 1)
    return []


def _displaced_agent(verb, resolver) -> list[ActorRef]:
    """The agent of a passive that the parser hung on a phrase of the verb instead
    of the verb: in "were shot dead in their home by special forces" the "by"
    phrase hangs on "home". Only through the verb's own phrase of place (never
    another clause, a time or a deed: "attacked after a speech by X"), and only
    an actor that can act."""
    lexicon = load_lexicon()
    nouns = lexicon.nouns
    hurt = getattr(lexicon.verbs.get(verb.lemma_.lower()), "type", None) in ("ASSAULT", "COERCE")
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "during", "by") and hurt):
        # "were killed in Russian airstrikes", "wounded during an Israeli raid": the deed's doer
        # (for a verb of harm only: "involved in Syria's civil war" is no one's attack)
        for deed in (
            g
            for g in prep.children
            if g.dep_ == "pobj" and g.lemma_.lower() in nouns and nouns[g.lemma_.lower()].type == "ASSAULT"
        ):
            # (an attack only: "arrested during a protest by X" is not X's arrest)
            if fight_sides(deed, resolver):
                return []  # "killed in a battle between X and Y": either side may have done it
            refs = [r for r in noun_sources(deed, resolver) if r.kind in DOERS]
            if refs:
                return refs
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in LOCATIVE and c.lower_ != "by"):
        # where it happened ("in their home"), never a deed or speech ("after a speech by X")
        for pobj in (g for g in prep.children if g.dep_ == "pobj" and g.lemma_.lower() not in nouns):
            for by in (g for g in pobj.children if g.dep_ == "prep" and g.lower_ == "by"):
                for agent in (g for g in by.children if g.dep_ == "pobj"):
                    refs = [
                        r
                        for r in resolver.refs(agent)
                        if r.kind in DOERS and (r.resolved or agent.ent_type_ not in ("GPE", "LOC", "FAC"))
                    ]
                    if refs:
                        return refs
    return []


def is_passive(verb) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def _shared_subject(verb, resolver, depth: int) -> list[ActorRef]:
    """The subject a verb without one shares with the verb it hangs on: the
    clause boundary is crossed only where English shares the subject (a
    conjoined verb, an infinitive or participle complement or adjunct). A
    verb hung on a noun shares nothing ("sanctions and freezing funds"). After
    a passive, the shared subject is the passive's subject, not its agent ("was
    indicted by the court and will resign", "was filmed by the BBC protesting",
    "was forced to withdraw"), except for a second passive participle ("were
    arrested and charged") and a purpose clause ("was staged by students to
    protest"), which go with the agent."""
    head = verb.head
    if head.pos_ not in ("VERB", "AUX", "ADJ"):
        return []
    if is_passive(head) and _about_passive_subject(verb):
        return [r for c in head.children if c.dep_ == "nsubjpass" for r in resolver.refs(c)]
    return subject_refs(head, resolver, depth + 1)


def _about_passive_subject(verb) -> bool:
    """Whether a verb hung on a passive tells what the passive's subject does.
    Yes for an active conjoined verb ("was indicted and will resign"), the
    infinitive of a passive control verb ("was forced to withdraw") and a
    participle right after it ("was filmed protesting"); not the infinitive of
    a report verb ("is believed to have died": its verb may tell what befell
    the subject, and was left alone before). No for a second passive participle ("were arrested and
    charged": a verb with neither auxiliary nor object of its own, as "charged"
    is often tagged a past tense), a purpose ("was summoned to protest": the
    summoner's), or a participle set off by a comma, which tells what the
    event did ("was shattered by an explosion, killing 168")."""
    head = verb.head
    if verb.dep_ == "conj":
        return any(c.dep_ in ("aux", "dobj") for c in verb.children)
    if verb.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in verb.children):
        return head.lemma_ in OBJECT_CONTROL
    if verb.dep_ in ("xcomp", "advcl") and verb.tag_ == "VBG":
        return verb.doc[verb.left_edge.i - 1].text != ","
    return False


def _lost_main_verb(verb):
    """The subject noun of a sentence whose parse lost its main verb: in "The
    council, which met after the launch, imposed sanctions" the small parser
    makes "council" the root and joins "imposed" to the verb inside the
    relative clause. A verb without a subject that follows the comma closing
    a relative clause of the root noun is that noun's predicate."""
    root = verb.sent.root
    if verb.dep_ != "conj" or root.pos_ not in ("NOUN", "PROPN") or verb.i < root.i:
        return None
    if any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None
    node = verb
    while node.dep_ != "relcl" and node.head.i != node.i:
        node = node.head
    if node.dep_ != "relcl" or node.head.i != root.i:
        return None
    before = verb.doc[verb.left_edge.i - 1] if verb.left_edge.i > root.sent.start else None
    return root if before is not None and before.text == "," else None


#: Buildings and vehicles named before an attack are what was hit ("the embassy bombings").
FACILITIES = word_list("facilities")


def _place_modifier(token) -> bool:
    """A place name used as a noun modifier names where an event happened ("the
    Nairobi bombing", "the Kenya bombing"); adjectives ("the Russian invasion")
    and abbreviations ("U.S. strikes") name who did it."""
    if token.dep_ != "compound" or token.ent_type_ not in ("GPE", "LOC", "FAC"):
        return False
    text = token.doc[token.left_edge.i : token.i + 1].text
    return not ("." in text or (text.isupper() and len(text) <= 4))


def noun_sources(noun, resolver, code_type: str = "") -> list[ActorRef]:
    first = fight_sides(noun, resolver)[:1] if code_type == "ASSAULT" else []
    if first:
        return first  # "a battle between Malian troops and Tuareg rebels": the first side
    agents = by_agents(noun)
    if agents and any(c.dep_ == "poss" for c in noun.children):
        # "Foley's shooting by an officer": the officer (if an actor), never Foley
        return resolver.refs(agents[0])
    for child in noun.children:
        if child.dep_ == "poss" and noun.lemma_.lower() not in PATIENT_NOUNS:
            refs = resolver.refs(child)
            if refs:
                return refs
        if child.dep_ == "prep" and child.lower_ == "by":
            objs = [g for g in child.children if g.dep_ == "pobj"]
            if objs and resolver.refs(objs[0]):
                return resolver.refs(objs[0])
        if child.dep_ == "acl" and child.tag_ == "VBN":
            # "the accusations made by the union", "the attack carried out by X": the deed's own agent
            agents = [g for a in child.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"]
            if agents and resolver.refs(agents[0]):
                return resolver.refs(agents[0])
    for child in noun.children:
        if child.dep_ in ("amod", "compound"):
            if _place_modifier(child) or child.lemma_.lower() in FACILITIES:
                continue  # "the Nairobi bombing", "the Kenya bombing", "the embassy bombings": where, not who
            iso = None if ethnic(child) else resolver.kb.country_of(child.text)
            state = resolver.kb.state(iso) if iso else None
            if state is not None:
                return [ActorRef(state.name, child.text, child.idx, child.idx + len(child), iso, "GOV", "state", True)]
            ref = resolver.ref(child) if child.pos_ == "PROPN" else None
            # (a deed done to its owner names no doer before it either: "a previous DUI arrest")
            if ref is not None and noun.lemma_.lower() not in PATIENT_NOUNS:
                return [ref]
    head = noun.head
    # "thousands converged for a rally", "youths threw stones during demonstrations":
    # those present at a protest are the protesters (not so for attacks: victims are present too)
    if (
        code_type == "PROTEST"
        and noun.dep_ == "pobj"
        and head.lower_ in ("for", "at", "during", "in", "on")
        and head.head.pos_ == "VERB"
        and not any(c.dep_ == "nsubjpass" for c in head.head.children)
    ):
        return subject_refs(head.head, resolver)
    if noun.dep_ == "dobj" and head.lemma_ in DENIAL_VERBS:
        # "Iran denied the accusation by the United States": the accusation is not the denier's;
        # the parser may hang its "by" on the verb
        agents = [
            g for p in head.children if p.dep_ == "prep" and p.lower_ == "by" for g in p.children if g.dep_ == "pobj"
        ]
        return resolver.refs(agents[0]) if agents else []
    if (
        noun.dep_ in ("dobj", "nsubjpass", "attr")
        and head.pos_ in ("VERB", "AUX")
        and (head.lemma_ in LIGHT_VERBS or head.lemma_ in SPEECH_VERBS)
    ):
        return subject_refs(head, resolver)
    return []


def named_person(ref: ActorRef) -> bool:
    """ "Madeleine Albright", not "a senior official": a proper name."""
    words = ref.name.split()
    return ref.kind == "person" and len(words) > 1 and all(w[:1].isupper() for w in words)
