"""Where an event happened: a place named in the event's own clause
("the raid in Jenin") is preferred over any other place in the sentence.
Datelines are not used: they say where the reporter was.

A name is geocoded only with support. A preposition of place must govern it
("in", "at", "near"); landmarks and institutions ("at the White House") are
not towns at all (the gazetteer refuses them); and a town that is neither a
known city (a capital, or a million people) nor listed in places.yaml needs
its country in the text: named as a country or a people ("Ukrainian"), as
the country of an actor, or of another place named that is a known city or
a name all of whose towns are in one country. Among towns of one name the
known city comes first, then the one whose country the text names:
"Whitehall" in a story about London is not Whitehall, Ohio, and "Odessa" in
a story about Ukraine is Odesa, not Odessa, Texas."""

from __future__ import annotations

from dataclasses import replace

from ..actors.gazetteer import PlaceMatch, lookup_place, match_places
from ..actors.kb import load_kb
from ..models import Place
from .lexicon import word_list

PLACE_PREPS = word_list("place_preps")


#: Nouns for places that name their place with "of" ("the port of Odesa").
PLACE_NOUNS = word_list("place_nouns")
#: Entity labels that a place name is never given, even by a confused tagger.
NOT_PLACE = {"PERSON", "ORG", "NORP", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}
#: A city this big is known by its name alone; a smaller town needs its country in the text.
KNOWN_CITY_POPULATION = 1_000_000


def _known_without_support(found: PlaceMatch) -> bool:
    if found.kind in ("country", "listed", "capital"):
        return True
    return not found.alternate and (found.population or 0) >= KNOWN_CITY_POPULATION


def _countries_in_text(doc, actors, besides: str) -> set[str]:
    """Countries the text itself vouches for: named as countries or peoples,
    the countries of its actors, and of the other places it names that are
    known cities or whose every town of that name is in one country
    ("Minneapolis" vouches for the USA). ``besides``, the name being placed,
    cannot vouch for itself."""
    kb = load_kb()
    found = {a.country for a in actors if a.country}
    for ent in doc.ents:
        if ent.label_ not in ("GPE", "NORP", "LOC") or ent.text == besides:
            continue
        iso = kb.country_of(ent.text)
        if iso is None and ent.label_ != "NORP":
            named = match_places(ent.text, alternates=False)
            if named and (_known_without_support(named[0]) or len({m.place.country for m in named}) == 1):
                iso = named[0].place.country
        if iso:
            found.add(iso)
    return found


def _supported_place(name: str, doc, actors) -> Place | None:
    """The place ``name`` means here: a known city (or country) first, else
    the first town whose country the text names; None without support."""
    candidates = match_places(name)
    known = next((found for found in candidates if _known_without_support(found)), None)
    if known is not None:
        return known.place
    if not candidates:
        return None
    countries = _countries_in_text(doc, actors, besides=name)
    return next((found.place for found in candidates if found.place.country in countries), None)


def _entity(token):
    if token.ent_type_ not in ("GPE", "LOC", "FAC"):
        # the small model sometimes tags a town as a language or nothing at all;
        # a proper noun the gazetteer knows is still a place
        if (
            token.pos_ == "PROPN"
            and token.ent_type_ not in NOT_PLACE
            and lookup_place(token.text, alternates=False) is not None
        ):
            return token.doc[token.i : token.i + 1]
        return None
    for ent in token.doc.ents:
        if ent.start <= token.i < ent.end and ent.label_ in ("GPE", "LOC", "FAC"):
            return ent
    return None


def _place_in(head, exclude, actors) -> Place | None:
    for child in head.children:
        if child.dep_ == "prep" and (
            child.lower_ in PLACE_PREPS or (child.lower_ == "of" and head.lemma_ in PLACE_NOUNS)
        ):
            for pobj in (g for g in child.children if g.dep_ == "pobj"):
                ent = _entity(pobj)
                if ent is None and pobj.lemma_ in (
                    "town",
                    "city",
                    "village",
                    "province",
                    "region",
                    "district",
                    "capital",
                ):
                    # "in the northern town of Kano"
                    named = [
                        g
                        for p in pobj.children
                        if p.dep_ == "prep" and p.lower_ == "of"
                        for g in p.children
                        if g.dep_ == "pobj"
                    ]
                    ent = _entity(named[0]) if named else None
                if ent is None or ent.text in exclude:
                    continue
                place = _supported_place(ent.text, head.doc, actors)
                words = ent.text.split()
                if place is None and len(words) > 1 and words[-1].lower() in PLACE_NOUNS:
                    place = _supported_place(" ".join(words[:-1]), head.doc, actors)  # "in Montenegro province"
                if place is not None:
                    return replace(place, start=ent.start_char, end=ent.end_char)
    return None


def event_location(token, sent, sources, targets) -> Place | None:
    actors = (*sources, *targets)
    exclude = {a.text for a in actors}
    node = token
    # the trigger's own phrase first, then the clauses that govern it
    for _ in range(4):
        objects = [c for c in node.children if c.dep_ in ("dobj", "attr")]
        # "launched a series of attacks across Lagos": the place may hang on the framed noun
        framed = [g for o in objects for p in o.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children]
        for head in [node, *objects, *(g for g in framed if g.dep_ == "pobj")]:
            place = _place_in(head, exclude, actors)
            if place is not None:
                return place
        if node.dep_ not in ("xcomp", "conj", "dobj", "ccomp") or node.head is node:
            break
        node = node.head
    return None
