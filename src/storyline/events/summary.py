"""One-line summaries of event mentions: "Russia suspends its participation in
the agreement", with the verb agreeing with its subject and the modality said
in words ("plans to", "threatens not to", "may")."""

from __future__ import annotations

from typing import Sequence

from ..models import ActorRef
from .lexicon import load_lexicon, word_list, word_map

TARGET_PREPS = word_list("target_preps")


def _third_person(lemma: str) -> str:
    irregular = {"be": "is", "have": "has", "do": "does", "go": "goes"}
    if lemma in irregular:
        return irregular[lemma]
    if lemma.endswith(("s", "sh", "ch", "x", "z", "o")):
        return lemma + "es"
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        return lemma[:-1] + "ies"
    return lemma + "s"


#: Entity labels of dates and times, which a summary leaves to the event's date.
TEMPORAL = {"DATE", "TIME"}
#: Words a finished clause does not end on.
DANGLING = word_list("dangling")

_SUMMARY_DEPS = {"dobj", "prt", "dative", "attr", "oprd", "xcomp", "acomp"}


#: Verbs for nominal events, so "the Russian invasion" reads "Russia invades".
NOUN_VERBS = word_map("noun_verbs")
UNNAMED_DOERS = word_map("unnamed_doers")


def _type_of(lemma: str) -> str:
    """The PLOVER type the lexicon gives a trigger word, or ''."""
    lexicon = load_lexicon()
    code = lexicon.nouns.get(lemma) or lexicon.verbs.get(lemma)
    return code.type if code is not None else ""


def _is_plural(sources: Sequence[ActorRef], doc) -> bool:
    if len(sources) != 1:
        return True  # two or more actors, or unnamed attackers
    source = sources[0]
    span = doc.char_span(source.start, source.end, alignment_mode="expand") if source.end else None
    if span is not None and len(span):
        root = span.root
        if root.pos_ == "PRON":
            return root.lower_ in ("they", "them", "their", "we")
        if (
            root.tag_ in ("NNS", "NNPS")
            and source.kind != "person"
            and not (source.resolved and source.kind in ("state", "organisation"))
        ):
            return True
    last = source.name.split()[-1].lower()
    return not source.resolved and last in ("police", "people")


def _who(sources: Sequence[ActorRef], lemma: str = "") -> str:
    if not sources:
        # the doer is unknown; say what kind of doer the act implies, not "attackers" for a protest
        return "Unidentified " + UNNAMED_DOERS.get(_type_of(lemma), "attackers")
    names = [s.name for s in sources[:3]]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _join(tokens, kept) -> str:
    """The kept tokens as the text spells them ("de-escalation", not "de - escalation")."""
    out = "".join(t.text_with_ws if t.i in kept else (" " if t.whitespace_ else "") for t in tokens)
    return " ".join(out.split())


def summarise(
    token, sources: Sequence[ActorRef], modality_: str, nominal: bool, partners: Sequence[ActorRef] = ()
) -> str:
    words = []
    for child in token.children:
        if child.i < token.i and not nominal:
            continue  # what precedes the verb is its subject, or a misparse ("that ... was cutting off")
        placed = (
            child.dep_ == "prep"
            and child.lower_ in ("in", "at")
            and any(g.ent_type_ in ("GPE", "LOC", "FAC") for g in child.children if g.dep_ == "pobj")
        )
        if (
            child.dep_ in _SUMMARY_DEPS
            or placed
            or (child.dep_ == "prep" and child.lower_ in TARGET_PREPS | {"of", "out"})
        ):
            if child.ent_type_ in TEMPORAL or any(g.ent_type_ in TEMPORAL for g in child.children if g.dep_ == "pobj"):
                continue  # "on Wednesday evening": the date is the event's, not its summary's
            dropped = {t.i for c in child.subtree if c.dep_ in ("relcl", "appos", "acl", "advcl") for t in c.subtree}
            kept = {
                t.i
                for t in child.subtree
                if t.i not in dropped
                and t.dep_ != "mark"
                and t.ent_type_ not in TEMPORAL
                and (t.pos_ != "PUNCT" or t.tag_ == "HYPH")
            }
            # a preposition whose object was dropped (a date, a clause) would dangle ("near Homs on")
            kept -= {
                t.i
                for t in child.subtree
                if t.dep_ == "prep"
                and t.i in kept
                and not any(c.i in kept for c in t.children if c.dep_ in ("pobj", "pcomp"))
            }
            words.append(kept)
    kept = set().union(*words)
    rest = _join(token.doc[min(kept) : max(kept) + 1], kept) if kept else ""
    victims = [c for c in token.children if c.dep_ == "nsubjpass"]
    if not sources and victims and not nominal:  # "the fleet had been attacked": say whom
        rest = " ".join(t.text for t in victims[0].subtree if t.dep_ != "det" or t.i != victims[0].left_edge.i)
    if partners:  # "spoke by telephone with X": say with whom
        rest = "with " + " and ".join(p.name for p in partners[:3])
    rest = _whole(rest[:120].rsplit(" ", 1)[0] if len(rest) > 120 else rest)
    lemma = token.lemma_.lower()
    who = _who(sources, lemma)
    plural = _is_plural(sources, token.doc)
    if nominal:
        verb = NOUN_VERBS.get(lemma)
        if verb is None or modality_ != "asserted":
            mods = " ".join(
                _join(list(t.subtree), {w.i for w in t.subtree})  # "last-minute talks", not "minute talks"
                for t in token.lefts
                if t.dep_ in ("compound", "amod") and not any(t.text == s.text for s in sources)
            )
            return " ".join(" ".join(p for p in (f"{who}:", mods, token.text, rest) if p).split())
        first, _, more = verb.partition(" ")
        verb = " ".join(p for p in ((first if plural else _third_person(first)), more) if p)
        # the noun's "of" is the verb's object, and a verb that ends in its preposition takes it once:
        # "Russia invades Ukraine", "authorities crack down on protesters"
        head, _, tail = rest.partition(" ")
        if tail and (head == "of" or head == verb.rsplit(" ", 1)[-1]):
            rest = tail
        return " ".join(" ".join(p for p in (who, verb, rest) if p).replace(" 's", "'s").split())
    if modality_ == "threatened" and lemma in ("threaten", "warn", "vow", "swear"):
        modality_ = "asserted"  # "threatened to revoke": "threatens to revoke", not "threatens to threaten"
    if token.pos_ == "ADJ":  # "is ready to keep the corridor working"
        verb = ("are " if plural else "is ") + token.text.lower()
        if modality_ == "negated":
            verb = ("are not " if plural else "is not ") + token.text.lower()
    elif plural:
        verb = {
            "planned": f"plan to {lemma}",
            "threatened": f"threaten to {lemma}",
            "hypothetical": f"may {lemma}",
            "negated": f"do not {lemma}",
            "refused": f"refuse to {lemma}",
            "threatens-not": f"threaten not to {lemma}",
            "historical": f"have {token.text if token.tag_ in ('VBN', 'VBD') else lemma}",
        }.get(modality_, lemma)
    else:
        verb = {
            "planned": f"plans to {lemma}",
            "threatened": f"threatens to {lemma}",
            "hypothetical": f"may {lemma}",
            "negated": f"does not {lemma}",
            "refused": f"refuses to {lemma}",
            "threatens-not": f"threatens not to {lemma}",
            "historical": f"has {token.text if token.tag_ in ('VBN', 'VBD') else lemma}",
        }.get(modality_, _third_person(lemma))
    return " ".join(" ".join(p for p in (who, verb, rest) if p).replace(" 's", "'s").split())


def _whole(words: str) -> str:
    """The words without what would leave the clause unfinished when they end:
    a preposition, article, conjunction or possessive ("... near Homs on")."""
    parts = words.split()
    while parts and (parts[-1].lower().strip(",;:") in DANGLING or parts[-1] in (",", ";", ":", "-")):
        parts.pop()
    return " ".join(parts)


def _refused_act(token):
    """What a conditional refusal withholds: "will not agree to extend" -> extend."""
    return next((c for c in token.children if c.dep_ == "xcomp"), token)


def _said_summary(sources, token) -> str:
    words = " ".join(t.text for t in token.subtree if t.dep_ != "mark" and t.pos_ != "PUNCT")
    words = words[:140].rsplit(" ", 1)[0] + " ..." if len(words) > 140 else words
    return f"{_who(sources)} {'say' if _is_plural(sources, token.doc) else 'says'} {words}".replace(" 's", "'s")
