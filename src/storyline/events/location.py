"""Where an event happened: a place named in the event's own clause
("the raid in Jenin") is preferred over any other place in the sentence.
Datelines are not used: they say where the reporter was."""

from __future__ import annotations

from dataclasses import replace

from ..actors.gazetteer import lookup_place
from ..models import Place
from .lexicon import word_list

PLACE_PREPS = word_list("place_preps")


#: Nouns for places that name their place with "of" ("the port of Odesa").
PLACE_NOUNS = word_list("place_nouns")
#: Entity labels that a place name is never given, even by a confused tagger.
NOT_PLACE = {"PERSON", "ORG", "NORP", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}


def _entity(token):
    if token.ent_type_ not in ("GPE", "LOC", "FAC"):
        # the small model sometimes tags a town as a language or nothing at all;
        # a proper noun the gazetteer knows is still a place
        if token.pos_ == "PROPN" and token.ent_type_ not in NOT_PLACE and lookup_place(token.text, alternates=False) is not None:
            return token.doc[token.i: token.i + 1]
        return None
    for ent in token.doc.ents:
        if ent.start <= token.i < ent.end and ent.label_ in ("GPE", "LOC", "FAC"):
            return ent
    return None


def _place_in(head, exclude) -> Place | None:
    for child in head.children:
        if child.dep_ == "prep" and (child.lower_ in PLACE_PREPS or (child.lower_ == "of" and head.lemma_ in PLACE_NOUNS)):
            for pobj in (g for g in child.children if g.dep_ == "pobj"):
                ent = _entity(pobj)
                if ent is None and pobj.lemma_ in ("town", "city", "village", "province", "region", "district", "capital"):
                    # "in the northern town of Kano"
                    named = [g for p in pobj.children if p.dep_ == "prep" and p.lower_ == "of"
                             for g in p.children if g.dep_ == "pobj"]
                    ent = _entity(named[0]) if named else None
                if ent is None or ent.text in exclude:
                    continue
                place = lookup_place(ent.text)
                words = ent.text.split()
                if place is None and len(words) > 1 and words[-1].lower() in PLACE_NOUNS:
                    place = lookup_place(" ".join(words[:-1]))   # "in Montenegro province"
                if place is not None:
                    return replace(place, start=ent.start_char, end=ent.end_char)
    return None


def event_location(token, sent, sources, targets) -> Place | None:
    exclude = {a.text for a in (*sources, *targets)}
    node = token
    # the trigger's own phrase first, then the clauses that govern it
    for _ in range(4):
        for head in [node, *(c for c in node.children if c.dep_ in ("dobj", "attr"))]:
            place = _place_in(head, exclude)
            if place is not None:
                return place
        if node.dep_ not in ("xcomp", "conj", "dobj", "ccomp") or node.head is node:
            break
        node = node.head
    return None
