"""What the rest of the article tells about a mention.

A sentence read alone often leaves out what its article says elsewhere, and a
careful coder reads the whole article:

- a restatement ("its decision to end the coordination") is the act the
  article reports in full elsewhere ("announced on January 26 it was halting
  coordination with Israel"): it takes that act's date, parties and modality,
  so the two become one event instead of an undated, target-less double;
- an act told as still under way days after the same side announced it ("was
  cutting off") is that act, dated when it was announced;
- a noun left without its actor ("rejected pressure", "a complaint over the
  raid") names the actor the article gives the same noun elsewhere ("the
  pressure from the US administration", "the IDF's raid");
- an act left without a day ("held a meeting") takes the one day the article
  gives the same noun elsewhere ("Friday's meeting");
- an act dated more than a year before the article is background, not news:
  it keeps its own date and is marked historical;
- an unnamed group ("officials", "several hundred workers", "the army") takes
  the country the article is plainly about.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from typing import Sequence

from spacy import parts_of_speech
from spacy.attrs import POS

from ..actors.gazetteer import lookup_place
from .lexicon import word_list
from .location import PLACE_NOUNS, PLACE_PREPS
from ..models import ActorRef, Article, EventMention
from .modality import _decision_content, governors
from .summary import summarise

#: Nouns that refer back to an act as a whole: "its decision to end ...",
#: "Abbas's declaration that the PA was ending ...".
REFERRING_NOUNS = word_list("referring_nouns")
#: Modalities of a restatement that may take its antecedent's (not denials,
#: threats, hypotheticals or history, which are other claims).
RESTATABLE = word_list("restatable")
#: Prepositions whose object names what an act answers ("complaint over the raid").
ABOUT = word_list("about")
#: An act this much older than its article is background.
BACKGROUND = timedelta(days=365)


def _token(doc, mention: EventMention):
    span = doc.char_span(mention.trigger_start, mention.trigger_end, alignment_mode="expand")
    return span.root if span is not None else None


def _own_date(mention: EventMention) -> bool:
    return mention.time is not None and mention.time.is_known and mention.time.value != "PAST_REF"


def _referring_noun(token):
    """The noun through which ``token`` restates an act ("its decision to end"),
    or the token itself for "the decision is to stop ..."; None when it is no restatement."""
    chain = governors(token)
    if _decision_content(chain):
        return token
    for gov in chain:
        if gov.pos_ == "NOUN":
            return gov if gov.lemma_.lower() in REFERRING_NOUNS else None
        if gov.pos_ in ("VERB", "AUX") and gov.dep_ not in ("xcomp", "advcl", "acl"):
            return None
    return None


def _same_actor(a: Sequence[ActorRef], b: Sequence[ActorRef]) -> bool:
    if not a or not b:
        return False
    if {r.name for r in a} & {r.name for r in b}:
        return True
    # "Abbas" and "the PA", the council and the PLO: the same side, the same sector
    return a[0].country is not None and a[0].country == b[0].country and a[0].sector == b[0].sector


def _owners(noun, resolver) -> set[str]:
    """Names of who owns the referring noun ("Abbas's declaration"), and the
    words of the owner's phrase ("the prime minister's"), lower-cased."""
    out = set()
    for owner in (c for c in noun.children if c.dep_ == "poss"):
        out.update(r.name for r in resolver.refs(owner))
        out.add(" ".join(t.lower_ for t in owner.subtree if t.dep_ not in ("case", "det")))
    return out


def _owned_by(a: EventMention, owners: set[str]) -> bool:
    return any(s.name in owners or any(o and o in s.name.lower() for o in owners) for s in a.sources)


def _antecedent(mention: EventMention, mentions: Sequence[EventMention], owners: set[str]) -> EventMention | None:
    candidates = [
        a
        for a in mentions
        if a is not mention
        and a.type == mention.type
        and a.cameo == mention.cameo
        and a.modality in RESTATABLE
        and _own_date(a)
        and _same_actor(a.sources, mention.sources)
    ]

    # the act of the one named ("Abbas's declaration" is Abbas's), then the nearest report, before it if any
    def rank(a):
        names = {s.name for s in a.sources}
        return (
            not _owned_by(a, owners),
            not names & {s.name for s in mention.sources},
            a.trigger_start > mention.trigger_start,
            abs(a.trigger_start - mention.trigger_start),
        )

    return min(candidates, key=rank, default=None)


def _restated(mentions: list[EventMention], doc, resolver) -> list[EventMention]:
    out = []
    for m in mentions:
        token = _token(doc, m)
        noun = _referring_noun(token) if token is not None and not _own_date(m) and m.modality in RESTATABLE else None
        owners = _owners(noun, resolver) if noun is not None else set()
        if noun is not None and (a := _antecedent(m, mentions, owners)) is not None:
            nominal = token.pos_ == "NOUN"
            m = replace(
                m,
                time=a.time,
                targets=m.targets or a.targets,
                modality=a.modality,
                summary=summarise(token, m.sources, a.modality, nominal),
            )
        elif token is not None and (a := _ongoing(m, token, mentions)) is not None:
            m = replace(m, time=a.time)
        out.append(m)
    return out


#: How long after an announced act a report of it as still under way is the same act.
ONGOING = timedelta(days=7)


def _ongoing(mention: EventMention, token, mentions: Sequence[EventMention]) -> EventMention | None:
    """ "On Wednesday Shtayyeh told ministers the Authority was cutting off from
    Israel", a day after Abbas declared he was terminating all agreements: an act
    told as under way ("was cutting off") days after the same side announced it
    is that act, not a second one."""
    if mention.modality != "announced" or token.tag_ != "VBG" or not _own_date(mention):
        return None
    day = mention.time.earliest
    for a in mentions:
        if (
            a is not mention
            and a.type == mention.type
            and a.cameo == mention.cameo
            and a.modality == "announced"
            and _own_date(a)
            and a.time.latest is not None
            and day is not None
            and timedelta(0) < day - a.time.latest <= ONGOING
            and _same_actor(a.sources, mention.sources)
            and (
                not a.targets or not mention.targets or {t.name for t in a.targets} & {t.name for t in mention.targets}
            )
        ):
            return a
    return None


def _argument_nouns(token):
    """Nouns naming what the act answers: its object ("rejected pressure") and
    the object of "over", "for", "against" ("a complaint over the raid")."""
    heads = [token, *(c for c in token.children if c.dep_ == "dobj")]
    for head in heads:
        if head is not token and head.pos_ == "NOUN":
            yield head
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in ABOUT):
            yield from (g for g in prep.children if g.dep_ == "pobj" and g.pos_ == "NOUN")


def _agent_of(noun, resolver) -> list[ActorRef]:
    """Who does what ``noun`` names, as the phrase itself says: "the IDF's
    raid", "pressure from the US administration", "an attack by rebels"."""
    for child in noun.children:
        if child.dep_ == "poss" and child.pos_ != "PRON":  # "its highest level": a guess, not a name
            refs = resolver.refs(child)
            if refs:
                return refs
        if child.dep_ == "prep" and child.lower_ in ("from", "by"):
            for pobj in (g for g in child.children if g.dep_ == "pobj"):
                refs = resolver.refs(pobj)
                if refs:
                    return refs
    return []


_NOUN = parts_of_speech.IDS["NOUN"]


def _nouns_by_lemma(doc) -> dict[str, list]:
    """The article's common nouns by lower-cased lemma, in text order. Parts
    of speech are read as one array so that only nouns become Token objects."""
    by_lemma: dict[str, list] = {}
    tags = doc.to_array([POS]).tolist() if len(doc) else []
    for i, pos in enumerate(tags):
        if pos == _NOUN:
            token = doc[i]
            by_lemma.setdefault(token.lemma_.lower(), []).append(token)
    return by_lemma


def _bridged(mentions: list[EventMention], doc, resolver) -> list[EventMention]:
    by_lemma: dict[str, list] | None = None  # built when first needed: most articles never need it
    out = []
    for m in mentions:
        token = _token(doc, m)
        if token is not None and not m.targets and m.sources:
            own = {s.name for s in m.sources}
            for noun in _argument_nouns(token):
                if _agent_of(noun, resolver) or any(
                    c.dep_ == "det" and c.lower_ in ("a", "an") or c.dep_ == "poss" for c in noun.children
                ):
                    # its actor is given here (a pronoun owner included: "hacked her server" is
                    # hers, not the owner of a server another sentence names), or it is a new one ("a raid")
                    continue
                if by_lemma is None:
                    by_lemma = _nouns_by_lemma(doc)
                found = [
                    r
                    for other in by_lemma.get(noun.lemma_.lower(), [])
                    if other.i != noun.i
                    for r in _agent_of(other, resolver)
                    if r.name not in own
                ]
                if found:
                    m = replace(m, targets=(found[0],))
                    break
        out.append(m)
    return out


def _dated_nouns(doc, timexes) -> dict[str, list]:
    """Event nouns the article dates by a possessive day: "Friday's meeting",
    "Thursday morning's raid" -> {lemma: [day values]}."""
    out: dict[str, list] = {}
    for timex in timexes:
        value = timex.value
        if timex.type not in ("DATE", "TIME") or value.precision != "day" or value.earliest is None:
            continue
        span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        noun = root.head
        if root.dep_ == "poss" and noun.pos_ == "NOUN" and all(v != value for v in out.get(noun.lemma_.lower(), [])):
            out.setdefault(noun.lemma_.lower(), []).append(value)
    return out


def _dated_elsewhere(mentions: list[EventMention], doc, timexes) -> list[EventMention]:
    """ "The leadership held a meeting ..." and later "Friday's meeting": an act
    with no day of its own takes the one day the article gives the same noun,
    when that day fits what is known of its date."""
    dated = {lemma: values for lemma, values in _dated_nouns(doc, timexes).items() if len(values) == 1}
    if not dated:
        return mentions
    out = []
    for m in mentions:
        token = _token(doc, m)
        if token is not None and not _own_date(m) and m.modality in ("asserted", "announced", "reported"):
            nouns = [token] if token.pos_ == "NOUN" else [c for c in token.children if c.dep_ == "dobj"]
            for noun in nouns:
                (value,) = dated.get(noun.lemma_.lower(), [None])
                if value is None or any(c.dep_ == "poss" for c in noun.children):
                    continue
                when = m.time
                if when is None or (
                    (when.earliest is None or when.earliest <= value.earliest)
                    and (when.latest is None or value.earliest <= when.latest)
                ):
                    m = replace(m, time=value)
                    break
        out.append(m)
    return out


def _background(mentions: list[EventMention], article: Article) -> list[EventMention]:
    published = article.published.earliest if article.published is not None else None
    if published is None:
        return mentions
    out = []
    for m in mentions:
        if (
            m.modality in ("asserted", "announced", "reported")
            and _own_date(m)
            and m.time.latest is not None
            and m.time.latest < published - BACKGROUND
        ):
            m = replace(m, modality="historical")
        out.append(m)
    return out


#: Prepositions that put an event at a place.
SCENE_PREPS = PLACE_PREPS | {"from", "to"}
#: Words that put an unnamed group outside the article's own country ("other governments").
ELSEWHERE = word_list("elsewhere")


def home_country(resolver) -> str | None:
    """The country an article is about: the one named most often (between
    equals, first) by the places things happen in ("in Tbilisi", "the port of
    Antwerp", "the quake struck Peru"), the nationalities of its people
    ("Georgian police") and the states that own its actors ("Sudan's army").
    A state named only as an actor ("Egypt sent ...", "Turkey condemned ...")
    takes part in the story without being its scene; None when no country is
    named twice or as a place."""
    home = getattr(resolver, "_home_country", False)
    if home is not False:
        return home
    counts: dict[str, int] = {}
    scenes: set[str] = set()
    for ent in resolver._ents:
        if ent.label_ not in ("GPE", "NORP", "LOC"):
            continue
        root = ent.root
        if ent.label_ != "NORP" and not (
            root.dep_ in ("poss", "dobj")
            or root.dep_ == "pobj"
            and (root.head.lower_ in SCENE_PREPS or root.head.lower_ == "of" and root.head.head.lemma_ in PLACE_NOUNS)
        ):
            continue
        text = ent.text
        iso = resolver.kb.country_of(text) or resolver.kb.capitals.get(text.lower())
        if iso is None and ent.label_ != "NORP":
            place = lookup_place(text)
            iso = place.country if place is not None else None
        if iso:
            counts[iso] = counts.get(iso, 0) + 1
            if ent.label_ != "NORP" or root.head.lemma_ in PLACE_NOUNS:  # ("the eastern Libyan city of Derna")
                scenes.add(iso)
    # dicts keep insertion order: between equals, the country the article names first leads
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    # one nationality word alone ("Egyptian troops shelled rebel positions") says whose
    # troops, not where the story is
    home = ranked[0][0] if ranked and (ranked[0][1] >= 2 or ranked[0][0] in scenes) else None
    resolver._home_country = home
    return home


def unnamed_group(ref: ActorRef) -> bool:
    """ "officials", "several hundred workers", "the army": a group the text does
    not name, whose country the sentence does not give."""
    if ref.resolved or ref.country or ref.sector == "IGO" or ref.kind in ("person", "place"):
        return False
    words = ref.text.split()
    return (
        bool(words)
        and all(w.islower() for w in words[1:])
        and not ({w.lower() for w in words} & ELSEWHERE)
        and words[0].lower() not in ("he", "she", "they", "it", "we", "i")
    )


def at_home(refs: Sequence[ActorRef], home: str | None) -> tuple[ActorRef, ...]:
    if home is None:
        return tuple(refs)
    return tuple(replace(r, country=home) if unnamed_group(r) else r for r in refs)


def _home(mentions: list[EventMention], resolver) -> list[EventMention]:
    lacking = [n for n, m in enumerate(mentions) if any(unnamed_group(r) for r in (*m.sources, *m.targets))]
    home = home_country(resolver) if lacking else None  # (most articles name every actor's country)
    if home is None:
        return mentions
    out = list(mentions)
    for n in lacking:
        out[n] = replace(out[n], sources=at_home(out[n].sources, home), targets=at_home(out[n].targets, home))
    return out


def in_context(mentions: list[EventMention], article: Article, doc, resolver, timexes=()) -> list[EventMention]:
    """``mentions`` of one article, completed from the rest of the article."""
    mentions = _dated_elsewhere(_restated(mentions, doc, resolver), doc, timexes)
    return _home(_background(_bridged(mentions, doc, resolver), article), resolver)
