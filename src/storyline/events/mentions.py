"""Event mentions from a parsed article.

Per sentence: find triggers (lexicon verbs, verb + object combinations and
nominal events), let verbs such as "threaten", "demand" or "agree" absorb
the clause they govern, find the source and target actors over the parse,
then add modality, date and place. A mention is kept only when it has a
source actor: an event nobody did is not one a coder would accept.
"""

from __future__ import annotations

import re

from dataclasses import replace
from typing import Sequence

from ..actors import ActorResolver, load_kb
from ..annotate import doc_text, token_strings
from ..models import ActorRef, Article, EventMention, Timex, mention_id
from .lexicon import (
    COOPERATIVE,
    ENDING_NOUNS,
    FIGURATIVE,
    MATERIAL_HOSTILE,
    NOMINAL_TYPES,
    SPEECH_VERBS,
    Code,
    load_lexicon,
    word_list,
    word_map,
)
from .clause_actors import SUBJECT_DEPS, armed_subject, named_person, noun_sources, subject_refs
from .context import in_context
from .dictionary import denial_code, dictionary_code, load_dictionary
from .doerless import DENIAL_VERBS, anchored_happening, specific_reference, unattributed_happening
from .location import event_location
from .model import learned_candidates
from .modality import governors, modality
from .summary import _refused_act, _said_summary, summarise
from .absorb import absorb, detached_clause
from .candidate import Candidate
from .senses import other_sense, press_idiom
from .speech_acts import speech_requests
from .statements import accord_code
from .targets import _targets
from .when import date_mention, refine_announced_dates

#: Adjectives of readiness: "is willing to withdraw" promises the withdrawal.
WILLING = word_list("willing")
#: Types whose target, when no actor is named, is the place acted upon
#: ("lifted a curfew in Montenegro", "suspended aid deliveries in Baghdad").
PLACE_TARGET_TYPES = word_list("place_target_types")
#: Types whose absorbed clause is the act that matters: "threatened to ban voting in
#: East Jerusalem", "refused to deploy peacekeepers in Iraq" are aimed at that place.
CLAUSE_PLACE_TYPES = word_list("clause_place_types")
#: Governors that make a clause a general truth rather than a happening.
GENERIC_GOVERNORS = word_list("generic_governors")
#: Verbs of releasing, and the things whose release is a publication, not a freeing.
PUBLISHING_VERBS = word_list("publishing_verbs")
PUBLICATIONS = word_list("publications")
#: Verbs that ask, and the words that open a question ("asked why"), which requests nothing.
QUESTION_VERBS = word_list("question_verbs")
QUESTION_WORDS = word_list("question_words")
#: Event nouns that name the event only in the plural ("talks"; "a talk" is a speech).
PLURAL_ONLY = word_list("plural_only")
#: Lemmatiser slips of the small English model that would hide a trigger.
LEMMA_FIXES = word_map("lemma_fixes")
_READER = re.compile(r"\b(?:you|your)\b", re.I)
#: Nouns of taking part in something: "suspend its participation in the deal" is about the deal.
PARTAKING = word_list("partaking")
#: Verbs of hitting that are attacks when a weapon or an armed force does the hitting.
HIT_VERBS = word_list("hit_verbs")
#: Verbs of a charge going off ("go off": the verb and its particle), and the devices
#: whose going off is an attack whoever set them.
DETONATION_VERBS = word_list("detonation_verbs")
EXPLOSIVE_DEVICES = word_list("explosive_devices")
#: Judgements that make "called the move X" a condemnation.
DISAPPROVING = word_list("disapproving")
#: Verbs of regret: regretting another's act is disapproving of it.
REGRET = word_list("regret")


#: Participles that say what a vehicle or a team brings: "aircraft carrying food".
CARRYING = word_list("carrying")


def _object_lemmas(verb) -> tuple[set[str], str | None]:
    """Lemmas of the verb's objects (with their modifiers) and its particle."""
    lemmas: set[str] = set()
    particle = None
    for child in verb.children:
        if child.dep_ == "prt":
            particle = child.lower_
        if child.dep_ == "ccomp" and child.pos_ == "ADJ":
            lemmas.add(child.lemma_.lower())  # "found the pilot guilty": the parser makes the verdict a clause
        if child.dep_ in ("dobj", "nsubjpass", "attr", "oprd"):
            for tok in [child, *child.conjuncts]:
                lemmas.add(tok.lemma_.lower())
                # "search-and-rescue teams": the modifiers, conjoined ones too
                lemmas.update(
                    m.lemma_.lower()
                    for c in tok.children
                    if c.dep_ in ("compound", "amod", "nmod")
                    for m in (c, *c.conjuncts)
                )
                # "aircraft carrying food", "planes with relief supplies": what it brings says what it is for
                bringers = [
                    c
                    for c in tok.children
                    if c.dep_ == "acl" and c.lemma_ in CARRYING or c.dep_ == "prep" and c.lower_ == "with"
                ]
                bringers += [
                    p
                    for c in bringers
                    if c.dep_ == "acl"
                    for p in c.children
                    if p.dep_ == "prep" and p.lower_ == "with"
                ]  # "planes loaded with tents"
                for brought in (g for c in bringers for g in c.children if g.dep_ in ("dobj", "pobj")):
                    lemmas.update(b.lemma_.lower() for b in (brought, *brought.conjuncts))
                # "tons of food aid", "part of a military aid program": the stuff is after "of"
                # "its participation in the agreement": taking part is about the agreement
                wanted = ("of", "in") if tok.lemma_.lower() in PARTAKING else ("of",)
                for of in (c for c in tok.children if c.dep_ == "prep" and c.lower_ in wanted):
                    for pobj in (g for g in of.children if g.dep_ == "pobj"):
                        lemmas.add(pobj.lemma_.lower())
                        lemmas.update(c.lemma_.lower() for c in pobj.children if c.dep_ in ("compound", "amod"))
        if child.dep_ in ("prep", "prt", "agent"):
            # "pull out of the deal": the parser hangs "of" on "out"
            inner = [g for g in child.children if g.dep_ == "prep" and child.lower_ == "out"]
            if inner:
                particle = "out"
            for pobj in [*child.children, *(g for p in inner for g in p.children)]:
                if pobj.dep_ == "pobj":
                    for one in (pobj, *pobj.conjuncts) if child.lower_ == "with" else (pobj,):
                        lemmas.add(one.lemma_.lower())
                        lemmas.update(c.lemma_.lower() for c in one.children if c.dep_ == "compound")
    return lemmas, particle


#: Lemmas handled by name in find_candidates, beyond the lexicon's own.
_SPECIAL_TRIGGERS = {"call", "force", "kick", "throw", "order", "cut", "break", "support", "speak", "talk"}


def trigger_lemmas(lexicon) -> tuple[frozenset, frozenset]:
    """Verb and noun lemmas that can start an event, so that the many tokens
    that cannot are passed over before their children are looked at."""
    cached = getattr(lexicon, "_triggers", None)
    if cached is None:
        verbs = set(lexicon.verbs) | _SPECIAL_TRIGGERS | HIT_VERBS | REGRET | {v.split()[0] for v in DETONATION_VERBS}
        for rule in lexicon.object_rules:
            verbs |= rule.verbs
        nouns = set(lexicon.nouns) | ENDING_NOUNS
        cached = (frozenset(verbs), frozenset(nouns))
        object.__setattr__(lexicon, "_triggers", cached)
    return cached


def find_candidates(sent, lexicon, resolver=None) -> list[Candidate]:
    found: list[Candidate] = []
    verb_lemmas, noun_lemmas = trigger_lemmas(lexicon)
    dictionary_verbs = load_dictionary().lemmas
    # the words as plain strings: most tokens are no trigger and never become Token objects
    doc, words = sent.doc, token_strings(sent.doc)
    phrases = lexicon.phrase_matches(doc)  # "martial law", "sit-in": entries of several words
    for i in range(sent.start, sent.end):
        lemma = words.lemma[i].lower()
        lemma = LEMMA_FIXES.get(lemma, lemma)
        pos = words.pos[i]
        if i in phrases:
            code, start, end = phrases[i]
            if start >= sent.start and end <= sent.end and code.type in NOMINAL_TYPES and pos in ("NOUN", "PROPN"):
                found.append(Candidate(doc[i], code, nominal=True, words=(start, end)))
            continue
        if not (
            (pos in ("VERB", "AUX") and (lemma in verb_lemmas or lemma in dictionary_verbs))
            or (pos == "NOUN" and lemma in noun_lemmas)
            or (pos == "ADJ" and lemma in WILLING)
        ):
            continue
        token = doc[i]
        if token.pos_ == "VERB" and token.dep_ in ("dobj", "nsubj", "pobj", "nsubjpass"):
            continue  # a participle used as a noun ("evacuated the wounded")
        if any(c.dep_ == "amod" and c.lemma_.lower() in FIGURATIVE for c in token.children):
            continue
        if token.pos_ in ("VERB", "AUX") and token.dep_ != "amod":
            if denial_code(token) or accord_code(token):
                # "rejected the accusation", "agreed with the Senate that ...": its subject's
                # statement (statements.py), not a REJECT or an AGREE
                continue
            if lemma not in verb_lemmas:  # a verb only the field's dictionary knows: a candidate, not a verdict
                code = dictionary_code(token, lemma, known=False)
                if code is not None:
                    found.append(Candidate(token, code))
                continue
            objects, particle = _object_lemmas(token)
            code = lexicon.object_rule(lemma, objects, particle)
            if code is not None:
                found.append(Candidate(token, code, by_rule=True))
                continue
            if lemma == "call" and any(
                c.dep_ in ("prep", "prt") and c.lower_ in ("for", "on", "upon") for c in token.children
            ):  # ("called on Muslims to take up arms": the parser may make "on" a particle)
                found.append(Candidate(token, Code("REQUEST", "020", None)))
                continue
            if lemma in ("force", "kick", "throw", "order") and (
                particle == "out" or any(c.dep_ == "prep" and c.lower_ == "out" for c in token.children)
            ):
                found.append(Candidate(token, Code("SANCTION", "166", "expel")))
                continue
            if lemma in ("cut", "break") and particle == "off":
                found.append(Candidate(token, Code("SANCTION", "161", "discontinue")))
                continue
            if lemma == "support" and token.pos_ == "VERB":
                found.append(Candidate(token, Code("SUPPORT", "051", None)))
                continue
            if _device_went_off(token, lemma, particle):
                found.append(Candidate(token, Code("ASSAULT", "183", "explosives"), device=True))
                continue
            if lemma in HIT_VERBS and resolver is not None and token.pos_ == "VERB":
                attackers = armed_subject(token, resolver)
                if attackers is not None:
                    found.append(Candidate(token, Code("ASSAULT", "190", None), sources=attackers or None))
                continue
            if lemma in REGRET and any(
                c.dep_ == "poss" for o in token.children if o.dep_ == "dobj" for c in o.children
            ):
                # "regretted Russia's decision": disapproval of another's act (its target checked later)
                found.append(Candidate(token, Code("ACCUSE", "111", "criticize")))
                continue
            if lemma == "call" and any(
                c.dep_ in ("oprd", "xcomp", "ccomp", "acomp")
                and (
                    c.lemma_.lower() in DISAPPROVING
                    or any(a.dep_ == "amod" and a.lemma_.lower() in DISAPPROVING for a in c.children)
                )
                for c in token.children
            ):
                # "called the Russian move unconscionable"
                found.append(Candidate(token, Code("ACCUSE", "111", "criticize")))
                continue
            if lemma in ("speak", "talk") and resolver is not None:
                # "had spoken by telephone with Putin": a conversation with a named counterpart
                partners = _interlocutors(token, resolver)
                if partners:
                    found.append(Candidate(token, Code("CONSULT", "040", None), targets=partners))
                continue
            code = lexicon.verbs.get(lemma) or dictionary_code(token, lemma, known=True)
            if code is not None and not (lemma in SPEECH_VERBS and code.type not in ("THREATEN", "REQUEST")):
                found.append(Candidate(token, code))
        elif token.pos_ == "ADJ" and lemma in WILLING and any(c.dep_ in ("xcomp", "prep") for c in token.children):
            # "is willing to withdraw", "is committed to opening up": a stated readiness, not yet a deed
            found.append(Candidate(token, Code("AGREE", "030", None), willing=True))
        elif token.pos_ == "NOUN" and lemma in ENDING_NOUNS:
            # "the halt to security coordination", "a severance in ties"
            objects = {
                g.lemma_.lower() for p in token.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pobj"
            }
            code = lexicon.object_rule("end", objects)
            if code is not None and code.type == "SANCTION":
                found.append(Candidate(token, code, nominal=True))
        elif (
            token.pos_ == "NOUN" and lemma in lexicon.nouns and token.ent_type_ not in ("DATE", "TIME", "EVENT", "LAW")
        ):
            # ("early March" is a month, not a march)
            if lemma in PLURAL_ONLY and token.tag_ != "NNS":
                continue  # "the talk by the minister" is a speech; "talks" are negotiations
            code = lexicon.nouns[lemma]
            compounds = {c.lemma_.lower() for c in token.children if c.dep_ in ("compound", "amod")}
            if lemma == "strike" and compounds & {"air", "missile", "drone"}:
                code = Code("ASSAULT", "195", "aerial")
            elif (
                lemma == "strike"
                and not compounds & {"hunger", "general", "labor", "labour", "teacher", "worker"}
                and not (
                    token.dep_ == "pobj"
                    and token.head.lower_ == "on"
                    and token.head.head.pos_ in ("VERB", "AUX")
                    and not any(c.dep_ in ("det", "poss") for c in token.children)
                )
            ):
                continue  # (people "on strike", "went on strike", refuse to work; a strike on a town is an attack)
            elif (
                lemma == "strike"
                and token.dep_ == "pobj"
                and token.head.lower_ == "on"
                and not any(c.dep_ in ("det", "poss") for c in token.children)
            ):  # ("did not comment on the strike")
                # "went on strike at the port on Monday": the verb's clause holds who, where and when
                found.append(Candidate(token.head.head, code))
                continue
            # "its demand that Israel ease ...": a noun with its own clause is a speech act
            clausal = any(c.dep_ in ("acl", "ccomp") for c in token.children) or bool(detached_clause(token))
            if code.type in NOMINAL_TYPES or (clausal and code.type in ("REQUEST", "THREATEN", "ACCUSE")):
                found.append(Candidate(token, code, nominal=True))
    return found


def _device_went_off(verb, lemma: str, particle: str | None) -> bool:
    """An explosive device as the subject of a verb of going off: "a bomb exploded",
    "two devices went off", "the charge was detonated" (not "prices exploded")."""
    if lemma not in DETONATION_VERBS and f"{lemma} {particle}" not in DETONATION_VERBS:
        return False
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects and verb.dep_ in ("xcomp", "conj"):  # "the bombs began to explode", "was placed ... and exploded"
        subjects = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    if verb.dep_ == "relcl" and verb.head.pos_ == "NOUN" and all(s.tag_ in ("WDT", "WP") for s in subjects):
        subjects = [verb.head]  # "a device that exploded", "a device exploded"
    if any(d.dep_ == "det" and d.lower_ == "no" for subj in subjects for d in subj.children):
        return False  # "no bomb exploded": nothing happened
    return any(s.lemma_.lower() in EXPLOSIVE_DEVICES for subj in subjects for s in (subj, *subj.conjuncts))


def _interlocutors(verb, resolver) -> list[ActorRef]:
    """Named people, states or bodies spoken "with" or "to" (directly or through
    "by telephone with"); reporters and crowds are not counterparts."""
    out: list[ActorRef] = []
    preps = [c for c in verb.children if c.dep_ == "prep"]
    preps += [g for p in preps for o in p.children if o.dep_ == "pobj" for g in o.children if g.dep_ == "prep"]
    for prep in (p for p in preps if p.lower_ in ("with", "to")):
        for pobj in (g for g in prep.children if g.dep_ == "pobj"):
            for ref in resolver.refs(pobj):
                if (ref.resolved or ref.kind == "person") and all(r.name != ref.name for r in out):
                    out.append(ref)
    return out


def _unless(token) -> bool:
    for verb in [token, *(c for c in token.children if c.dep_ == "xcomp")]:
        for clause in (c for c in verb.children if c.dep_ == "advcl"):
            if any(m.lower_ in ("unless", "until") for m in clause.children if m.dep_ == "mark"):
                return True
    return False


#: Auxiliaries of a present (or backshifted present) action: "is ending", "was suspending", "has halted".
_PRESENT_AUX = word_list("present_aux")
_PERFECT_AUX = word_list("perfect_aux")


def _announced_by_actor(token, sources, resolver) -> bool:
    """True for an act an actor says it is doing now ("Russia said it was
    suspending", "announced it has halted", "says it ends"): the saying is
    the act. Not for a third party's claim, and not for a past perfect
    ("said it had struck", reported after the fact) or a future."""
    if token.dep_ != "ccomp" or token.head.lemma_ not in SPEECH_VERBS or not sources:
        return False
    aux = {c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")}
    present = (
        (token.tag_ == "VBG" and aux & _PRESENT_AUX)
        or (token.tag_ == "VBN" and aux & _PERFECT_AUX and "had" not in aux)
        or (token.tag_ in ("VBZ", "VBP") and not aux)
    )
    if not present:
        return False
    speaker = subject_refs(token.head, resolver)
    names = {s.name for s in sources} | {s.country for s in sources if s.country}
    return any(r.name in names or (r.country and r.country in names) for r in speaker)


def _confidence(sources, targets, modality_, cand: Candidate) -> float:
    score = 0.55
    score += 0.15 if any(s.resolved for s in sources) else 0.05
    score += 0.1 if targets else 0.0
    score += 0.05 if cand.by_rule else 0.0
    score -= 0.1 if cand.nominal else 0.0
    score -= 0.15 if modality_ in ("hypothetical", "reported") else 0.0
    return round(max(0.05, min(0.95, score)), 2)


def extract_mentions(
    article: Article, doc, timexes: Sequence[Timex] = (), resolver: ActorResolver | None = None
) -> list[EventMention]:
    """The event mentions of one article. Sentence by sentence: its candidate
    events (``_sentence_candidates``), those that are events of their own
    (``_own_events``), each one's code and actors (``_actors``), modality
    (``_modality``), date (``when.date_mention``), place (``_placed``) and
    record (``_record``); then the article's announcements are dated again and
    every mention is completed from the rest of the article (``in_context``)."""
    lexicon = load_lexicon()
    text = doc_text(doc)  # rebuilt by spaCy on each access, so taken once per document
    if resolver is None:
        on = article.published.earliest if article.published is not None else None
        resolver = ActorResolver(doc, load_kb(), on)
    mentions: list[EventMention] = []
    announcers: dict[str, str] = {}  # mention id -> lemma of the verb that announced it
    for sent in getattr(resolver, "sents", None) or doc.sents:
        # appeals to the reader ("you can help support our work") are never news
        if _READER.search(text, sent.start_char, sent.end_char):
            continue
        queue = _own_events(_sentence_candidates(sent, lexicon, resolver))
        while queue:
            cand = queue.pop(0)
            acted = _actors(cand, resolver)
            if acted is None:
                # "the British-Libyan who carried out the concert bombing": a verb that is no event
                # a coder takes (its doer unknown) leaves the happening its object names to be weighed alone
                queue[0:0] = cand.carried
                continue
            code, sources, targets = acted
            code, mod, refused, said_when = _modality(cand, code, sources, resolver)
            dating = date_mention(
                cand.token,
                sent,
                timexes,
                mod,
                code.type,
                nominal=cand.nominal,
                speech_act=cand.speech_act,
                said_when=said_when,
                refused=refused,
                published=article.published,
            )
            where, sources, targets = _placed(article, sent, cand, code, sources, targets)
            mention = _record(article, sent, cand, code, dating, sources, targets, where, refused)
            if dating.announced_by is not None:
                announcers[mention.id] = dating.announced_by
            mentions.append(mention)
    mentions = refine_announced_dates(mentions, announcers, doc, timexes, resolver)
    return in_context(mentions, article, doc, resolver, timexes)


def _sentence_candidates(sent, lexicon, resolver) -> list[Candidate]:
    """The sentence's candidate events: the triggers found, those a governing
    event absorbs dropped (``absorb``), and what a speaker demands or
    threatens of another added (``speech_acts.speech_requests``)."""
    found = find_candidates(sent, lexicon, resolver)
    # words the rules and dictionaries are silent on, that the learned model takes for an event
    found += [Candidate(t, code, nominal=n) for t, code, n in learned_candidates(sent, found, trigger_lemmas(lexicon))]
    candidates = speech_requests(sent, resolver, absorb(found))
    return candidates


def _own_events(candidates: list[Candidate]) -> list[Candidate]:
    """The candidates that are events of their own, not a part of another one's."""
    consults = {c.token.i for c in candidates if c.code.type == "CONSULT"}
    triggers = {c.token.i for c in candidates}
    # the triggers and the clauses they absorbed ("refused to extend ..., ending the deal")
    covered = triggers | {x.i for c in candidates for x in c.complements}
    out = []
    for cand in candidates:
        token = cand.token
        # "meet to discuss ...": the purpose is part of the meeting
        if cand.code.type == "CONSULT" and token.dep_ == "advcl" and token.head.i in consults:
            continue
        # "attacked a post, killing two officers": the participle tells the outcome of the same event
        if (
            token.dep_ == "advcl"
            and token.tag_ == "VBG"
            and token.head.i in covered
            and not any(c.dep_ in SUBJECT_DEPS for c in token.children)
        ):
            continue
        out.append(cand)
    return out


def _actors(cand: Candidate, resolver) -> tuple[Code, list[ActorRef], list[ActorRef]] | None:
    """The candidate's code, sources and targets; None when it is no event a
    coder would accept: nobody does it (a concrete happening told without its
    doer aside), it is a general truth or the reporter's business, or its
    trigger is used in another sense."""
    token = cand.token
    sources = (
        cand.sources
        if cand.sources is not None
        else (noun_sources(token, resolver, cand.code.type) if cand.nominal else subject_refs(token, resolver))
    )
    code = cand.code
    if not cand.nominal and (_published(token) or _asks_a_question(token)):
        return None  # "figures released by NPD", "a film released in June"; "he asked why": no act on anyone
    if any(g.lemma_ in GENERIC_GOVERNORS for g in governors(token)):
        return None  # "forces need to coordinate with Israel" is background, not a happening
    # a concrete happening told without its doer stays, with no source ("Unidentified ...")
    anchored = not sources and anchored_happening(token, cand)
    # "the massacre", "Saturday's attack", "the 2015 embargo": a particular happening the
    # sentence refers to without telling it; kept, marked, for linking to merge
    referred = not sources and not anchored and specific_reference(token, cand)
    if not sources and not anchored and not referred and not unattributed_happening(token, cand):
        return None
    targets = (
        cand.targets
        if cand.targets is not None
        else _targets(token, resolver, sources, cand.complements, plover=code.type)
    )
    if code.type in ("SUPPORT", "COOPERATE") and not targets and len(sources) < 2 and not cand.by_rule:
        return None
    if not sources and not targets and not anchored and not referred:
        return None
    if not sources and modality(token, code.type, nominal=cand.nominal) == "negated":
        return None  # "no attacks on Israel": nothing happened, by nobody
    if code.type == "ACCUSE" and token.lemma_ in REGRET | {"call"} and not targets:
        return None  # regret or blame with nobody else's act named is no accusation
    if not targets and code.type in ("REJECT", "REQUEST") and press_idiom(token, cand.complements):
        return None  # "declined to comment", "requested anonymity": the reporter's business, not news
    if not cand.by_rule and other_sense(token, resolver):
        return None  # "meet future disasters", "demonstrate support": no meeting, no protest
    if code.cameo.startswith("141") and sources and all(s.sector in ("MIL", "COP") for s in sources):
        return None  # "riot police marched": security forces on the move do not demonstrate
    if (
        code.type == "ASSAULT"
        and token.lemma_ == "attack"
        and any(
            p.dep_ == "prep" and p.lower_ == "for" and any(g.dep_ in ("pcomp", "pobj") for g in p.children)
            for p in token.children
        )
    ):
        code = Code("ACCUSE", "111", "criticize")  # "attacked him for failing to ...": words, not arms
    # "denied charges by the government that ...": the accusation denied was made before
    cand.reference = referred or (
        cand.nominal and code.type == "ACCUSE" and token.dep_ == "dobj" and token.head.lemma_.lower() in DENIAL_VERBS
    )
    return code, sources, targets


def _published(verb) -> bool:
    """A verb of releasing whose thing released is published, not set free: "figures
    released by NPD", "released a new album" (the thing: object, passive subject, or
    the noun a participle describes)."""
    if verb.lemma_.lower() not in PUBLISHING_VERBS:
        return False
    things = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if verb.dep_ in ("acl", "relcl") and verb.head.pos_ == "NOUN":
        things.append(verb.head)
    return any(t.lemma_.lower() in PUBLICATIONS for t in things)


def _asks_a_question(verb) -> bool:
    """ "He asked why", "asked whether the talks would resume": a question, not a
    request (no one is asked for something or to do something)."""
    if verb.lemma_.lower() not in QUESTION_VERBS:
        return False
    if any(c.dep_ in ("xcomp", "dobj") or (c.dep_ == "prep" and c.lower_ == "for") for c in verb.children):
        return False
    return any(
        c.dep_ in ("ccomp", "advmod", "advcl") and c.doc[c.left_edge.i].lower_ in QUESTION_WORDS
        for c in verb.children
        if c.i > verb.i
    )


def _modality(cand: Candidate, code: Code, sources, resolver) -> tuple[Code, str, bool | str, bool]:
    """The candidate's modality (one of models.MODALITIES) and what it makes of
    the code: a cooperative act refused for the future is a REJECT, or a
    THREATEN when the refusal holds until the other side complies (``refused``
    True or "unless", for the summary). ``said_when``: an actor announces its
    own act, so the saying dates it."""
    token = cand.token
    mod = modality(token, code.type, nominal=cand.nominal, demand=cand.speech_act)
    refused = False
    if (
        mod == "negated"
        and code.type in COOPERATIVE
        and any(a.lower_ in ("will", "would", "wo", "can", "could") for a in token.children if a.dep_ == "aux")
    ):
        if _unless(token):
            # "will not agree to extend ... unless X": a refusal until the other side
            # complies is a threat ("will not accept refugees if war starts" only a refusal)
            code, mod, refused = Code("THREATEN", "131", None), "threatened", "unless"
        else:
            code, mod, refused = Code("REJECT", "120", None), "announced", True
    if cand.speech_act and code.type == "THREATEN":
        mod = "threatened"
    elif cand.nominal and code.type == "THREATEN" and mod in ("asserted", "reported"):
        mod = "threatened"  # "Israel's threats": a threat is never coded as the deed
    if cand.willing and mod != "negated":
        mod = "planned"
    said_when = False
    if mod == "asserted" and not cand.nominal and _announced_by_actor(token, sources, resolver):
        # "Russia said on Saturday it was suspending ...": the saying is the act
        mod, said_when = "announced", True
    return code, mod, refused, said_when


def _placed(article: Article, sent, cand: Candidate, code: Code, sources, targets):
    """Where the event happened, and what the place says of its actors: a place
    acted upon is the target when no actor is ("imposed a curfew in Baghdad"),
    and an unnamed actor takes the place's country ("protesters in Ankara")."""
    token = cand.token
    where = event_location(token, sent, sources, targets)
    aimed = where if code.type in PLACE_TARGET_TYPES else None
    if code.type in CLAUSE_PLACE_TYPES:
        aimed = next(
            (p for c in cand.complements if (p := event_location(c, sent, sources, targets))),
            where if code.type == "REQUEST" else None,
        )  # "sought refuge in Germany"
    if not targets and aimed is not None and aimed.start is not None:
        targets = [
            ActorRef(
                aimed.name,
                article.text[aimed.start : aimed.end] if article.text else aimed.name,
                aimed.start,
                aimed.end,
                aimed.country,
                None,
                "place",
                False,
            )
        ]
    if where is not None and where.country:
        # "protesters in Ankara": an unnamed actor takes the country of the place
        # (not so for officials of an international body meeting somewhere)
        # (nor for a named person, whose nationality a visit does not change)
        sources = [
            s if s.country or s.resolved or s.sector == "IGO" or named_person(s) else replace(s, country=where.country)
            for s in sources
        ]
        targets = [
            t if t.country or t.resolved or named_person(t) else replace(t, country=where.country) for t in targets
        ]
    return where, sources, targets


def _record(
    article: Article, sent, cand: Candidate, code: Code, dating, sources, targets, where, refused: bool | str
) -> EventMention:
    """The event mention as stored: its trigger (with its particle: "cut off"),
    sentence, actors, place, date, confidence and one-line summary."""
    token = cand.token
    mod, when = dating.modality, dating.time
    trigger_start, trigger_end = token.idx, token.idx + len(token)
    particles = [c for c in token.children if c.dep_ == "prt"]
    # and with the state it leaves its object in: "shot dead", "found her guilty", "beaten unconscious"
    particles += [
        c for c in token.children if c.dep_ in ("oprd", "acomp", "ccomp") and c.pos_ == "ADJ" and 0 < c.i - token.i <= 3
    ]
    if particles:
        trigger_end = max(trigger_end, *(p.idx + len(p) for p in particles))
    if cand.words is not None:  # the words of an entry of several: "martial law", "sit-in"
        words = token.doc[cand.words[0] : cand.words[1]]
        trigger_start, trigger_end = words.start_char, max(trigger_end, words.end_char)
    return EventMention(
        id=mention_id(article.id, token.idx, code.type),
        article_id=article.id,
        type=code.type,
        cameo=code.cameo,
        mode=code.mode,
        modality=mod,
        trigger_start=trigger_start,
        trigger_end=trigger_end,
        trigger=article.text[trigger_start:trigger_end] if article.text else token.text,
        lemma=token.lemma_.lower(),
        # the sentence without the blank lines spaCy keeps after it,
        # so its span ends at its last character, as a reader marks it
        sentence_start=sent.start_char,
        sentence_end=sent.start_char + len(sent.text.rstrip()),
        sentence=sent.text.rstrip(),
        sources=tuple(sources),
        targets=tuple(targets),
        location=where,
        time=when,
        confidence=_confidence(sources, targets, mod, cand),
        summary=(
            _said_summary(sources, token)
            if cand.speech_act
            else summarise(
                _refused_act(token) if refused == "unless" else token,
                sources,
                {True: "refused", "unless": "threatens-not"}.get(refused, mod),
                cand.nominal,
                targets if code.type == "CONSULT" and token.lemma_ in ("speak", "talk") else (),
            )
        ),
        reference=cand.reference,
    )


def plover_type(mention: EventMention) -> str:
    """The type PLOVER's own coding convention gives a mention: an intention
    to cooperate is AGREE and an intention to do harm is THREATEN."""
    if mention.modality in ("planned", "threatened"):
        if mention.type in COOPERATIVE:
            return "AGREE"
        if mention.type in MATERIAL_HOSTILE:
            return "THREATEN"
    if mention.modality == "negated" and mention.type in COOPERATIVE:
        return "REJECT"
    return mention.type


def depth(doc, mention: EventMention) -> int:
    token = doc.char_span(mention.trigger_start, mention.trigger_end, alignment_mode="expand").root
    return len(list(token.ancestors))
