"""Happenings told without their doer (issue 16): which event candidates with
no named source are still events, and which are references to a happening
the article tells elsewhere.

A concrete material happening that its own clause tells stays without a
source ("an explosion at the market killed twelve", "two men were shot
dead", "a bomb exploded near the station"); a particular happening only
named ("the attack on the mosque", "Saturday's attack", "the 2015 embargo")
stays as a reference (``EventMention.reference``), for linking to merge into
the event it names. Kinds, generic and unreal mentions stay out.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .lexicon import MATERIAL_HOSTILE, word_list
from .modality import in_condition, modality

if TYPE_CHECKING:
    from .candidate import Candidate


#: Material happenings that are news even when nobody is named as doing them ("an explosion
#: killed 12", "arrests of activists in Caracas", "protests erupted"); a sanction without an imposer is a policy.
UNATTRIBUTED_TYPES = MATERIAL_HOSTILE - {"SANCTION"}
#: Of them, the ones whose verb alone, told in the past passive without its doer, still codes as
#: that type: an attack is an attack whoever did it, an arrest an arrest ("thousands were
#: arrested"; PLOVER dev's "missionary was arrested in Lebanon for collaborating" is gold ACCUSE,
#: the accusation the arrest carries: its one loss, macro-F1 0.9135 -> 0.9106).
VERBAL_UNATTRIBUTED = ("ASSAULT", "COERCE")
#: Codes whose doer goes without saying when told in the past passive: a court convicts and
#: sentences ("he was convicted of fraud", "was found guilty", "was sentenced to ten years").
VERBAL_UNATTRIBUTED_CODES = ("116",)
#: Verbs of the courts and prosecutors, whose doer goes without saying in the past passive too
#: ("was charged with treason", "were indicted", "was extradited from Romania").
COURT_ACTS = word_list("court_acts")
#: Their nouns: an investigation or a trial told as happening needs no doer named either.
COURT_NOUNS = word_list("court_nouns")
#: Verbs whose past passive says the act their subject names was done: "an attack was carried out".
PERFORMED = word_list("performed")
#: Things fired that can be shot down or intercepted: their downing attacks nobody.
PROJECTILES = word_list("projectiles")
#: What an event is anchored to when its clause places or dates it.
_ANCHOR_ENTITIES = ("GPE", "LOC", "FAC", "DATE", "TIME")
#: Prepositions that place or aim a happening: "an explosion at the market", "the attack on the embassy".
_ANCHOR_PREPS = ("in", "at", "on", "near", "outside", "inside", "against", "across", "from")
#: Passive auxiliaries of a past happening ("was shot", "have been wounded"), not of a habit ("are").
_PAST_AUXPASS = ("was", "were", "been")
#: Prepositions under which a noun is a setting of a suffered past verb ("killed in the blast").
_SETTING_PREPS = ("in", "during", "by", "from", "after", "since")


def unattributed_happening(token, cand: Candidate) -> bool:
    """True for a candidate with no named source that is still a happening."""
    # an attack with victims but no named attacker is still an attack, if it is a
    # reported killing ("three civilians were killed in a bombing"), not a generic noun
    # (its victims, the targets, are required later)
    # ("students are often beaten" is a habit: a passive is a happening when told in the past)
    return (
        _told_without_doer(token, cand)
        and not cand.nominal
        and token.tag_ in ("VBD", "VBN")
        and token.dep_ != "relcl"
        and not any(c.dep_ == "auxpass" and c.lower_ not in _PAST_AUXPASS for c in _passive_parts(token)[1])
    )


def _told_without_doer(token, cand: Candidate) -> bool:
    """A verb whose act is news without its doer: an attack, an arrest, a court's act."""
    return (
        cand.code.type in VERBAL_UNATTRIBUTED
        or cand.code.cameo in VERBAL_UNATTRIBUTED_CODES
        or token.lemma_.lower() in COURT_ACTS
    )


def _passive_parts(verb) -> tuple[list, list]:
    """The verb's passive subjects and passive auxiliaries. A bare participle joined
    to a passive verb shares them ("she was arrested and charged"), and so does one
    the parser hangs on it as a clause in a list ("were rounded up, beaten and robbed")."""
    patients = [c for c in verb.children if c.dep_ == "nsubjpass"]
    auxes = [c for c in verb.children if c.dep_ == "auxpass"]
    step = verb
    for _ in range(3):
        if patients or auxes or not _bare_participle(step):
            break
        step = step.head
        patients = [c for c in step.children if c.dep_ == "nsubjpass"]
        auxes = [c for c in step.children if c.dep_ == "auxpass"] if patients else []
    return patients, auxes


def _bare_participle(verb) -> bool:
    """A past participle with no subject, auxiliary or subordinator of its own, joined to the verb above it."""
    return (
        verb.tag_ == "VBN"
        and (verb.dep_ == "conj" or verb.dep_ == "advcl")
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark") for c in verb.children)
    )


def anchored_happening(token, cand: Candidate) -> bool:
    """A nominal material event that its own clause reports as one concrete
    happening, with nobody named as its doer: it did something ("an explosion
    at the market killed 12", "the attack wounded three soldiers", "protests
    erupted in the capital") or someone suffered it ("were killed in IS attacks",
    "died in the blast"). A happening only referred to as the object of another
    act ("condolences over an attack", "claimed responsibility for the attack",
    "denied charges") is that act's background, and generic uses ("the homicide
    rate", "attacks like this", "violence is rising") report nothing."""
    if (
        cand.code.type not in UNATTRIBUTED_TYPES
        and cand.code.cameo not in VERBAL_UNATTRIBUTED_CODES
        and (cand.nominal or token.lemma_.lower() not in COURT_ACTS)
        and not (cand.nominal and token.lemma_.lower() in COURT_NOUNS)
    ) or token.lemma_.lower() in DOERLESS_OTHER_SENSE:
        return False  # ("a fire at the market killed 12": flames, no attack, unless someone set it)
    if cand.device:  # "a bomb exploded near the station on Friday"
        return modality(token, cand.code.type) in ("asserted", "reported", "historical")
    if not cand.nominal:
        return _told_without_doer(token, cand) and _suffered_in_the_past(token, cand)
    if token.pos_ != "NOUN":
        return False
    if any(c.dep_ == "det" and c.lower_ in ("any", "no", "every", "each", "such") for c in token.children):
        return False
    if modality(token, cand.code.type, nominal=True) not in ("asserted", "reported", "historical"):
        return False
    noun = token
    token = _event_frame(token)  # "a wave of shooting broke out": the wave's clause tells the shooting
    head = token.head
    if (
        token.dep_ == "attr"
        and head.lemma_ == "be"
        and head.tag_ == "VBD"
        and any(c.dep_ == "expl" for c in head.children)
    ):
        return True  # "there was an explosion", "there were clashes in the north"
    if token.dep_ == "nsubj" and head.pos_ == "VERB" and head.tag_ in ("VBD", "VBN"):
        # it did something to someone, or happened somewhere or at some time
        return (
            any(c.dep_ == "dobj" for c in head.children)
            or _placed_or_dated(head)
            or _placed_or_dated(token)
            or _placed_or_dated(noun)
        )
    if (
        token.dep_ == "nsubjpass"
        and head.tag_ == "VBN"
        and head.lemma_.lower() in PERFORMED
        and any(c.dep_ == "auxpass" and c.lower_ in _PAST_AUXPASS for c in head.children)
    ):
        return True  # "an investigation has been opened", "an attack was carried out on the base"
    if token.dep_ == "pobj" and (head.lower_ in _SETTING_PREPS or head.lower_ == "under"):
        verb = head.head
        if head.lower_ == "under":  # "their posts came under intense gunfire"
            return verb.lemma_ == "come" and verb.tag_ in ("VBD", "VBN")
        # someone suffered it: "were killed in IS attacks", "died in the blast"
        return (
            verb.pos_ == "VERB"
            and verb.tag_ in ("VBD", "VBN")
            and (any(c.dep_ == "nsubjpass" for c in verb.children) or verb.lemma_ == "die")
        )
    return False


def _event_frame(noun):
    """The noun whose place in the clause tells a happening that is only measured or
    framed by it: "a wave of shooting", "an hour of bombing", "the shooting incidents",
    "the bombing campaign"; else the noun itself."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in EVENT_FRAMES:
        return head.head
    if noun.dep_ == "compound" and head.lemma_.lower() in EVENT_FRAMES:
        return head
    return noun


#: Types of which a particular happening named without its doer is kept as a reference
#: ("the embargo", "Saturday's attack"); a sanction is one too once it is a particular one.
REFERENCE_TYPES = UNATTRIBUTED_TYPES | {"SANCTION", "ACCUSE", "CONSULT"}
#: Determiners that pick out one happening the reader knows of, and those that pick none.
_SPECIFIC_DETS = ("the", "this", "that", "these", "those")
_GENERIC_DETS = ("any", "no", "every", "each", "such", "all", "another", "whatever")
#: Modifiers of a happening that has not (yet) happened or is a kind: "further attacks".
UNREAL_MODIFIERS = word_list("unreal_modifiers")
#: Event nouns whose everyday sense is no event ("the fire"): no happening without a doer.
DOERLESS_OTHER_SENSE = word_list("doerless_other_sense")
#: Participles of a thing that would bring an act about: "information leading to the arrest".
SOUGHT_OUTCOME = word_list("sought_outcome")
#: Nouns that measure or frame a happening ("a wave of shootings", "the shooting incidents").
EVENT_FRAMES = word_list("event_frames")
#: Verbs of denying a charge, whose object accusation is one made before.
DENIAL_VERBS = word_list("denial_verbs")


def specific_reference(token, cand: Candidate) -> bool:
    """A nominal material event named as one particular happening, though its
    clause does not report it: definite ("the massacre"), possessed ("Russia's
    war", "Saturday's attack"), dated, counted or placed ("the 2015 embargo",
    "two attacks", "attacks in Paris") or named by a proper modifier ("IS
    attacks", "the Bloody Friday bombings"). Not a kind ("the homicide rate",
    "war is hell"), not "any/no/such attack", not "further attacks"."""
    if cand.code.type not in REFERENCE_TYPES or not cand.nominal or token.pos_ not in ("NOUN", "PROPN"):
        return False
    noun, frame = token, _event_frame(token)
    if frame is not token:  # "the shooting incidents", "the bombing campaign against IS"
        if modality(token, cand.code.type, nominal=True) not in ("asserted", "reported", "historical"):
            return False
        token = frame
    elif token.dep_ == "compound":
        return False  # "the homicide rate", "attack helicopters": a kind naming another thing
    if token.lemma_.lower() in DOERLESS_OTHER_SENSE:
        return False
    if not any(t.pos_ in ("VERB", "AUX") for t in token.sent):
        return False  # a list or a caption ("See also: * 2016 Bagram Airfield bombing") tells nothing
    verb = next((g for g in token.ancestors if g.pos_ in ("VERB", "AUX")), None)
    if verb is not None and in_condition(verb):
        return False  # "unless the restrictions are lifted": a condition, no happening named
    if verb is not None and _sought(verb):
        return False  # "a reward for information leading to the smugglers' arrest": wanted, not done
    if verb is not None and _recurring(verb):
        return False  # "each time the corridor stayed open after talks": a habit, no one happening
    children = list(token.children)
    if any(c.dep_ == "det" and c.lower_ in _GENERIC_DETS for c in children) or any(
        c.dep_ in ("amod", "advmod", "compound") and c.lemma_.lower() in UNREAL_MODIFIERS for c in children
    ):
        return False
    if any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in _SPECIFIC_DETS) for c in children):
        return True
    return (
        _placed_or_dated(token)
        or (noun is not token and _placed_or_dated(noun))  # "a series of attacks across Paris"
        or any(c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN" for c in children)
    )


def _suffered_in_the_past(verb, cand: Candidate) -> bool:
    """A material act told in the past passive of those it was done to, whom the
    resolver need not know: "two men were shot dead", "dozens were wounded"
    (not "are often beaten", a habit)."""
    patients, auxes = _passive_parts(verb)
    if any(p.lower_ in ("nobody", "none", "nothing") or any(d.lower_ == "no" for d in p.children) for p in patients):
        return False  # "no one was injured": nothing happened to anyone
    if patients and all(_named_thing(p).lemma_.lower() in PROJECTILES for p in patients):
        return False  # "two more were shot down": missiles intercepted, nobody attacked
    return (
        verb.tag_ == "VBN"
        and verb.dep_ != "relcl"
        and bool(patients)
        and any(c.lower_ in _PAST_AUXPASS for c in auxes)
        and modality(verb, cand.code.type) in ("asserted", "reported", "historical")
    )


def _hyphened(word) -> bool:
    """A word joined by a hyphen into a modifier: "last-minute talks", "two-day strike"
    tell how long or how late, not when."""
    doc = word.doc
    return any(c.lower_ == "-" for c in word.children) or any(
        0 <= i < len(doc) and doc[i].text == "-" for i in (word.i - 1, word.i + 1)
    )


def _sought(verb) -> bool:
    """A participle of what is asked for: "(a reward) for information leading to the
    arrest" (not "the tip leading to the raid", which tells what came of it)."""
    return (
        verb.dep_ == "acl"
        and verb.tag_ == "VBG"
        and verb.lemma_.lower() in SOUGHT_OUTCOME
        and verb.head.dep_ == "pobj"
        and verb.head.head.lower_ == "for"
    )


def _recurring(verb) -> bool:
    """A clause told of every time something happens: "each time the corridor stayed
    open", "whenever talks failed"."""
    return any(
        (c.dep_ == "npadvmod" and c.lemma_ == "time" and any(d.lower_ in ("each", "every") for d in c.children))
        or (c.dep_ == "advcl" and any(m.lower_ == "whenever" for m in c.children if m.dep_ == "advmod"))
        or (c.dep_ == "advmod" and c.lower_ == "whenever")
        for c in verb.children
    )


def _named_thing(noun):
    """The noun a number or "more" stands for: in "two missiles hit the port and two
    more were shot down", "more" is missiles (the nearest counted noun before it)."""
    if noun.pos_ not in ("NUM", "ADJ", "PRON") and noun.lemma_.lower() not in ("more", "other", "one"):
        return noun
    for word in reversed(noun.doc[noun.sent.start : noun.i]):
        if word.pos_ == "NOUN" and (word.tag_ == "NNS" or any(c.dep_ == "nummod" for c in word.children)):
            return word
    return noun


def _placed_or_dated(word) -> bool:
    """The word's own phrase places, dates or counts it: "two explosions", "the Friday
    blast", "erupted in the capital", "on Friday", "the attack on the embassy"."""
    if any(
        c.dep_ in ("nummod", "npadvmod")
        or (c.dep_ in ("compound", "amod", "nmod", "poss") and c.ent_type_ in _ANCHOR_ENTITIES and not _hyphened(c))
        for c in word.children
    ):
        return True
    for prep in (c for c in word.children if c.dep_ == "prep" and c.lower_ in _ANCHOR_PREPS):
        for place in (g for g in prep.children if g.dep_ == "pobj"):
            if place.ent_type_ in _ANCHOR_ENTITIES or any(d.dep_ in ("det", "poss") for d in place.children):
                return True
    return False
