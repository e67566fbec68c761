"""Actor mentions in a parsed article, resolved against the knowledge base.

One ``ActorResolver`` per article walks the sentences in order and remembers
what it has seen, so that "he", "she", "the official", "the PA" or a bare
surname ("Salhi told ...") can point back to their antecedent. Anything not in
the knowledge base keeps its own words and gets a country and sector from its
modifiers ("a senior Palestinian official" -> PSE, GOV).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from spacy import parts_of_speech
from spacy.attrs import DEP, ENT_TYPE, HEAD, IDX, POS

from ..annotate import doc_text, token_strings
from ..models import ActorRef
from .gazetteer import lookup_place
from .kb import KnowledgeBase, load_kb, normalise

#: Dependency labels of tokens that head an actor phrase.
ACTOR_DEPS = {
    "nsubj",
    "nsubjpass",
    "dobj",
    "pobj",
    "poss",
    "appos",
    "dative",
    "conj",
    "attr",
    "agent",
    "npadvmod",
    "oprd",
    "compound",
    "ROOT",
}
#: Modifiers that belong to an actor's name ("Palestinian Authority President Mahmoud Abbas").
NAME_DEPS = {"compound", "amod", "poss", "nmod", "case", "punct", "flat", "nummod", "quantmod", "det"}
PRONOUNS_PERSON = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
PRONOUNS_GROUP = {"they", "them", "their", "it", "its"}
#: Words that can head a noun phrase but never name an actor by themselves.
#: Heads that stand for the group named after "of": "members of the PLO",
#: "thousands of Nigerians", "supporters of Ben Bella".
PART_OF = {
    "member",
    "members",
    "thousand",
    "hundred",
    "dozen",
    "million",
    "some",
    "third",
    "half",
    "many",
    "most",
    "all",
    "group",
    "number",
    "supporter",
    "representative",
    "delegation",
    "leader",
    "head",
    "chief",
    "wing",
    "faction",
    "unit",
    "team",
    "one",
    "two",
    "several",
}
#: Generic heads that take the identity of a known organisation inside their phrase
#: ("the radical Palestinian Islamic Jihad movement").
GENERIC_HEADS = {
    "movement",
    "group",
    "party",
    "faction",
    "organization",
    "organisation",
    "government",
    "leadership",
    "militia",
    "network",
    "side",
    "authorities",
    "regime",
    "administration",
}
#: Heads that make a state's name its government ("the US administration").
STATE_HEADS = {"government", "administration", "regime", "cabinet", "authorities", "leadership"}
#: What "a state of ..." is when it is a condition: "declared a state of emergency".
CONDITIONS = {
    "emergency",
    "siege",
    "alert",
    "war",
    "mourning",
    "readiness",
    "disaster",
    "affairs",
    "affair",
    "calamity",
    "exception",
    "insurrection",
    "shock",
    "uncertainty",
    "health",
}
NOT_ACTORS = {
    "report",
    "statement",
    "interview",
    "speech",
    "decision",
    "move",
    "plan",
    "talk",
    "meeting",
    "way",
    "time",
    "year",
    "week",
    "day",
    "month",
    "part",
    "number",
    "deal",
    "pressure",
    "threat",
    "interest",
    "control",
    "effort",
    "step",
    "measure",
}


#: Heads of the media, business and charity sectors that name actors without a country
#: ("two journalists were abducted", "the company denied"); the sector's other heads
#: ("channel", "paper", "news", "radio", "bank", "agency") name things too often.
BARE_ACTORS = {
    "journalist",
    "reporter",
    "businessman",
    "company",
    "firm",
    "corporation",
    "charity",
    "association",
    "federation",
    "union",
    "watchdog",
    "newspaper",
}
#: Heads that name one person ("the president", "a senior official"), so "he" or "she" can refer to them.
PERSON_HEADS = {
    "president",
    "minister",
    "premier",
    "chancellor",
    "official",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "diplomat",
    "ambassador",
    "envoy",
    "negotiator",
    "lawmaker",
    "senator",
    "governor",
    "mayor",
    "king",
    "queen",
    "emir",
    "sheikh",
    "prince",
    "monarch",
    "secretary",
    "commander",
    "general",
    "judge",
    "prosecutor",
    "leader",
    "chief",
    "counterpart",
    "activist",
    "adviser",
    "advisor",
    "member",
    "source",
}


#: Words before "General" that make a civil office ("Attorney General", "Secretary-General").
CIVIL_GENERALS = {
    "attorney",
    "solicitor",
    "secretary",
    "inspector",
    "surgeon",
    "governor",
    "director",
    "consul",
    "auditor",
    "postmaster",
    "-",
}


def ethnic(token) -> bool:
    """ "ethnic Albanian guerrillas": an ethnicity, not the state of that name."""
    doc = token.doc
    return (token.i > 0 and doc[token.i - 1].lower_ == "ethnic") or any(
        c.dep_ == "amod" and c.lower_ == "ethnic" for c in token.children
    )


#: Phoenix agent sectors of people who act as a group without a country named ("smugglers
#: shot two guards", "physicians protested", "priests marched"): criminals, health workers,
#: clergy, students and teachers, farmers, labour, lawmakers, spies, environmental and
#: human-rights activists, elites. Organisation sectors (MED, NGO, BUS) stay limited to
#: BARE_ACTORS: "the company" alone is rarely the doer.
_PEOPLE_SECTORS = ("CRM", "HLH", "REL", "EDU", "AGR", "LAB", "LEG", "SPY", "ENV", "HRI", "ELI")


def _kind_for_sector(sector: str | None) -> str:
    return {"GOV": "organisation", "MIL": "organisation", "REB": "group"}.get(sector or "", "group")


def _alias_heads(kb: KnowledgeBase) -> frozenset:
    """Last words of every alias, title, capital and sector head of a knowledge
    base: computed once per base and process, not per article (and again only
    if actors were added since)."""
    size = (len(kb.aliases), len(kb.titles), len(kb.sectors), len(kb.agents))
    cached = getattr(kb, "_heads", None)
    if cached is None or cached[0] != size:
        words = {key.split()[-1] for key in kb.aliases if key}
        words |= {title.split()[-1] for title in kb.titles if title}
        words |= {key.split()[-1] for key in kb.capitals if key}
        words |= set(kb.sectors) | GENERIC_HEADS | PERSON_HEADS
        # the agents dictionary's role nouns ("smuggler", "border guard"), whose sector _agent_sector reads
        words |= {key.split()[-1] for key in kb.agents if key}
        cached = (size, frozenset(words))
        kb._heads = cached
    return cached[1]


#: Parts of speech an actor's head can have, as ``Token.pos`` numbers.
_ACTOR_POS = {parts_of_speech.IDS[name] for name in ("PROPN", "NOUN", "PRON")}
_NOUN, _PROPN = parts_of_speech.IDS["NOUN"], parts_of_speech.IDS["PROPN"]


def _may_name(lemma: str, lower: str, first: str, heads: frozenset, seen_heads: set) -> bool:
    """``ActorResolver._may_name_actor`` from the words (``first``: the
    word's first character)."""
    return (
        lemma in heads
        or lower in heads
        or lemma in PART_OF
        or lower in PART_OF
        or lemma in seen_heads
        or first.isupper()
    )


class ActorResolver:
    """Resolves actor phrases of one article; call ``ref(token)`` for any head token."""

    def __init__(self, doc, kb: KnowledgeBase | None = None, on: date | None = None):
        self.doc = doc
        self.kb = kb or load_kb()
        self.on = on
        self._cache: dict[int, ActorRef | None] = {}
        # (token index, ref, is_person, head lemma) in text order, for antecedents
        self._seen: list[tuple[int, ActorRef, bool, str]] = []
        self._plural: dict[int, bool] = {}
        self._seen_heads: set[str] = set()
        # doc.ents is rebuilt on every access; index it once
        self._ents = list(doc.ents)
        self._ent_of = {i: ent for ent in self._ents for i in range(ent.start, ent.end)}
        # Span.text is rebuilt from the tokens on every access, and an entity's
        # text is asked for again for each of its tokens and each rule
        self._ent_texts: dict[int, str] = {}  # entity start -> text
        # spaCy rebuilds doc.sents on every access; the event stages reuse this list
        self.sents = list(doc.sents)
        # Every actor-like token, in text order (the sentences cover the doc
        # in order). Labels and parts of speech are read as one array, so the
        # other tokens (most of an article) never become Token objects; that
        # walk was a third of this constructor's time.
        # The common nouns no rule could make an actor of (most of them) are
        # answered from the arrays and the words, as ``_resolve`` would answer
        # them, without a Token object.
        rows = doc.to_array([DEP, POS, ENT_TYPE, IDX]).tolist() if len(doc) else []
        # (head offsets are signed; the array is unsigned)
        head_of = doc.to_array(HEAD).astype("int64").tolist() if len(doc) else []
        names = doc.vocab.strings
        actor_deps = {d for d in {row[0] for row in rows} if names[d] in ACTOR_DEPS}
        compound = names["compound"] if "compound" in names else -1
        words, text = token_strings(doc), doc_text(doc)
        heads = _alias_heads(self.kb)
        for i, (dep, pos, ent_type, idx) in enumerate(rows):
            if dep not in actor_deps or pos not in _ACTOR_POS or i in self._cache:
                continue
            # parts of a name ("Amina" in "Amina Otieno") are resolved with their head
            if dep == compound and rows[i + head_of[i]][1] == _PROPN:
                continue
            if pos == _NOUN:
                lemma, lower = words.lemma[i].lower(), words.lower[i]
                if lemma in NOT_ACTORS or (
                    not ent_type
                    and lemma != "state"
                    and not _may_name(lemma, lower, text[idx : idx + 1], heads, self._seen_heads)
                ):
                    self._cache[i] = None
                    continue
            self.ref(doc[i])

    # --- public -------------------------------------------------------------

    def ref(self, token) -> ActorRef | None:
        """The actor a phrase headed by ``token`` names, or None when it names none."""
        if token.i in self._cache:
            return self._cache[token.i]
        ref = self._resolve(token)
        self._cache[token.i] = ref
        if ref is not None and token.pos_ != "PRON":
            # the knowledge base knows better than the tagger ("Chad" tagged as a person)
            person = ref.kind == "person" or (not ref.resolved and token.ent_type_ == "PERSON")
            self._seen.append((token.i, ref, person, token.lemma_.lower()))
            self._seen_heads.add(token.lemma_.lower())
            self._plural[token.i] = (
                token.tag_ in ("NNS", "NNPS")
                or any(c.dep_ == "conj" for c in token.children)
                or token.lower_ in ("palestinians", "israelis")
            )
        return ref

    def refs(self, token) -> list[ActorRef]:
        """``token``'s actor and the actors conjoined with it ("Hungary and Romania")."""
        out = []
        for head in [token, *[c for c in token.conjuncts if c.i > token.i]]:
            ref = self.ref(head)
            for one in self._by_nationality(head, ref):
                if all(r.name != one.name for r in out):
                    out.append(one)
        return out

    def _by_nationality(self, head, ref) -> list[ActorRef]:
        """ "Russian and Ukrainian delegations" are two groups, one of each country."""
        if ref is None or ref.resolved or head.tag_ not in ("NNS", "NNPS"):
            return [ref] if ref is not None else []
        adjectives = [a for c in head.children if c.dep_ == "amod" for a in (c, *c.conjuncts)]
        countries = [(a, self.kb.country_of(a.text)) for a in adjectives]
        if len(countries) < 2 or not all(iso for _, iso in countries):
            return [ref]
        return [replace(ref, name=f"{a.text} {head.text}", country=iso) for a, iso in countries]

    # --- resolution steps ------------------------------------------------------

    def _resolve(self, token) -> ActorRef | None:
        if token.pos_ == "PRON":
            return self._pronoun(token)
        lemma = token.lemma_.lower()
        if lemma in NOT_ACTORS:
            return None
        if lemma == "state" and any(
            g.lemma_.lower() in CONDITIONS
            for p in token.children
            if p.dep_ == "prep" and p.lower_ == "of"
            for g in p.children
        ):
            return None  # "a state of emergency" is a condition, not a state
        if token.pos_ == "NOUN" and not token.ent_type_ and not self._may_name_actor(token):
            return None  # "grain", "corridor": no rule below could make an actor of it
        span = self._phrase(token)
        text = span.text
        if lemma in PART_OF or token.lower_ in PART_OF:
            for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"):
                for pobj in (g for g in prep.children if g.dep_ == "pobj"):
                    inner = self.ref(pobj)
                    if inner is not None:
                        return replace(inner, text=span.text, start=span.start_char, end=span.end_char)
        # the whole phrase, then the named entity holding the head, then the head word
        for candidate in (text, self._entity_text(token), token.text):
            if not candidate:
                continue
            actor = self.kb.lookup(candidate)
            if actor is not None:
                # a converted actor's dated role on the article's day: Karzai is GOV from 2001
                sector = self.kb.sector_on(actor, self.on) or actor.sector
                if actor.kind == "person" and sector != "IGO" and self._international(span, token):
                    sector = "IGO"  # "U.N. mediator Diego Cordovez": the text says for whom he acts
                return self._make(
                    actor.name, span, actor.country, sector or self._sector(span, token), actor.kind, True, token
                )
        if lemma in GENERIC_HEADS:
            for ent in (e for e in self._ents if span.start <= e.start and e.end <= span.end):
                actor = self.kb.lookup(ent.text)
                if (
                    actor is not None
                    and actor.kind == "person"
                    and actor.country
                    and lemma in ("administration", "government", "regime", "cabinet")
                ):
                    # "the Trump administration" is the US government, not Trump
                    state = self.kb.state(actor.country)
                    if state is not None:
                        return self._make(state.name, span, state.country, "GOV", "state", True, token)
                if actor is not None and actor.kind != "state":
                    return self._make(actor.name, span, actor.country, actor.sector, actor.kind, True, token)
                if actor is not None and actor.kind == "state" and lemma in STATE_HEADS:
                    # "the US administration", "the Kenyan government": the state acting
                    return self._make(actor.name, span, actor.country, "GOV", "state", True, token)
            # "the Islamic State militant group": a name modifying the head, which the tagger did not take whole
            for name in (c for c in token.children if c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN"):
                actor = self.kb.lookup(token.doc[name.left_edge.i : name.i + 1].text)
                if actor is not None and actor.kind not in ("state", "person"):
                    return self._make(actor.name, span, actor.country, actor.sector, actor.kind, True, token)
        # a capital standing for its government ("Washington demanded ...")
        iso = self.kb.capitals.get(normalise(token.text))
        # (the small model tags a lone capital as a person: "said Kyiv would not accept")
        if (
            iso
            and (token.ent_type_ != "PERSON" or self._entity_text(token) == token.text)
            and (
                token.dep_ in ("nsubj", "nsubjpass", "poss", "agent")
                or (token.dep_ == "pobj" and token.head.lower_ in ("with", "against", "from", "by"))
            )
        ):
            return self._make(self.kb.country_names.get(iso, token.text), span, iso, "GOV", "state", True, token)
        iso = self.kb.country_of(token.text) if token.pos_ == "PROPN" else None
        if iso:  # "Palestinians", "Israelis": the people of a state
            return self._make(span.text, span, iso, "CVL", "group", False, token)
        # surname or title-less mention of someone named earlier ("Salhi told ..."); the small
        # tagger often takes a lone surname for an organisation ("Pickell said")
        if token.ent_type_ == "PERSON" or (
            token.pos_ == "PROPN"
            and token.ent_type_ in ("ORG", "")
            and self._entity_text(token) in (None, token.text)
            and not any(c.dep_ == "compound" for c in token.children)  # (not "Bagram Airfield")
        ):
            earlier = self._earlier_person(token)
            if earlier is not None:
                return self._make(
                    earlier.name,
                    span,
                    earlier.country or self._country(token, span),
                    earlier.sector,
                    "person",
                    earlier.resolved,
                    token,
                )
        # "the official", "the council": a definite description of an earlier actor
        det = [c for c in token.lefts if c.dep_ == "det"]
        if det and det[0].lower_ in ("the", "this", "that") and len(span) <= 2 and token.pos_ in ("NOUN", "PROPN"):
            earlier = self._earlier_by_head(token)
            if earlier is not None:
                return replace(earlier, text=span.text, start=span.start_char, end=span.end_char)
        country = self._country(token, span)
        sector = self._sector(span, token)
        if country is None and self._international(span, token):
            sector = "IGO"  # "UN officials", "U.N. mediator Diego Cordovez": they act for the body
        holder = self._office_holder(token, span, country)
        if holder is not None:
            return self._make(holder.name, span, holder.country, holder.sector, "person", True, token)
        if token.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") and token.pos_ == "PROPN":
            kind = "person" if token.ent_type_ == "PERSON" else _kind_for_sector(sector)
            name = self._entity_text(token) or span.text
            ent = self._ent_of.get(token.i)
            if (
                token.ent_type_ == "ORG"
                and country
                and ent is not None
                and (ent.end - 1 > token.i or (len(span.text) > len(name) and span.text.endswith(name)))
            ):
                # "Russia's defence ministry (later)": the tagger's entity leaves out whose
                # ministry it is, or runs on past the head
                name = self._clean(span.text)
            if token.ent_type_ == "PERSON" and country is None:
                country = self._country_from_apposition(token)
            return self._make(
                name, span, country, sector or ("GOV" if kind == "person" and country else None), kind, False, token
            )
        if sector and (
            country
            or sector in ("GOV", "MIL", "REB", "COP", "JUD", "IGO", "OPP", "CVL", "REF", "PTY", *_PEOPLE_SECTORS)
            or sector in ("MED", "NGO", "BUS")
            and lemma in BARE_ACTORS
            and not any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in token.children)
        ):
            # (not "the opposition newspaper El Faro": the name beside the head is the actor)
            singular_person = lemma in PERSON_HEADS and token.tag_ == "NN"
            kind = "person" if singular_person else _kind_for_sector(sector)
            return self._make(self._clean(span.text), span, country, sector, kind, False, token)
        if country and token.pos_ == "PROPN":
            return self._make(self._clean(span.text), span, country, sector, "group", False, token)
        return None

    def _may_name_actor(self, token) -> bool:
        """Whether a common noun outside any entity could still name an actor: it
        heads an alias, a title, a sector, a group or a description of someone
        seen before. Most nouns in news text do none of these."""
        return _may_name(token.lemma_.lower(), token.lower_, token.text[:1], _alias_heads(self.kb), self._seen_heads)

    def _office_holder(self, token, span, country):
        """ "The US secretary of state" on a known day is the person who held the office."""
        if self.on is None or country is None or any(t.ent_type_ == "PERSON" for t in span):
            return None
        words = [t.text for t in span if self.kb.country_of(t.text) is None and t.dep_ != "det"]
        for prep in (c for c in token.rights if c.dep_ == "prep" and c.lower_ == "of"):
            words += [t.text for t in prep.subtree]
        phrase = normalise(" ".join(words))
        if not phrase:
            return None
        for title in self.kb.titles:
            if phrase == title or phrase.endswith(" " + title):
                holder = self.kb.role_holder(title, country, self.on)
                if holder is not None:
                    return holder
        return None

    def _pronoun(self, token) -> ActorRef | None:
        lower = token.lower_
        if lower in PRONOUNS_PERSON:
            want = PRONOUNS_PERSON[lower]
            if lower in ("his", "her"):
                # "In his Tuesday speech, Abbas ...": a possessive before the subject points forward
                root = token.sent.root
                subject = next((c for c in root.children if c.dep_ == "nsubj" and c.i > token.i), None)
                if subject is not None and token.i < root.i and subject.pos_ == "PROPN":
                    ahead = self.ref(subject)
                    if ahead is not None and ahead.kind == "person" and self.kb.gender.get(ahead.name, want) == want:
                        return replace(ahead, text=token.text, start=token.idx, end=token.idx + len(token))
            for i, ref, person, _lemma in reversed(self._seen):
                if not person or self._modifier_name(i):
                    continue
                gender = self.kb.gender.get(ref.name)
                if gender and gender != want:
                    continue
                return replace(ref, text=token.text, start=token.idx, end=token.idx + len(token))
            return None
        if lower in PRONOUNS_GROUP:
            plural = lower in ("they", "them", "their")
            fits = []
            for i, ref, person, _lemma in reversed(self._seen):
                if person or ref.kind == "unknown" or self._plural.get(i, False) != plural:
                    continue
                # "they" for a group, "it" for a single organisation or state
                if not plural and ref.kind not in ("organisation", "state", "group"):
                    continue
                fits.append((i, ref))
            # a subject is the likelier antecedent than an object of the same stretch
            subjects = [(i, r) for i, r in fits if self.doc[i].dep_ in ("nsubj", "nsubjpass")]
            chosen = (subjects or fits)[:1]
            if chosen and subjects and fits[0][0] - subjects[0][0] > 40:
                chosen = fits[:1]
            if chosen:
                ref = chosen[0][1]
                return replace(ref, text=token.text, start=token.idx, end=token.idx + len(token))
        return None

    def _modifier_name(self, i: int) -> bool:
        """A name that only modifies a common noun ("Oscar organizers", "the Obama
        administration") names no one present, so no pronoun points back to it."""
        token = self.doc[i]
        return token.dep_ == "compound" and token.head.pos_ == "NOUN"

    def _earlier_person(self, token):
        words = normalise(self._entity_text(token) or token.text).split()
        for _, ref, person, _lemma in reversed(self._seen):
            if person and words and normalise(ref.name).split()[-len(words) :] == words:
                return ref
        # names that put the family name first ("Lai Ching-te" ... "Lai")
        for _, ref, person, _lemma in reversed(self._seen):
            names = normalise(ref.name).split()
            if person and words and len(names) > len(words) and names[: len(words)] == words:
                return ref
        return None

    def _earlier_by_head(self, token):
        lemma = token.lemma_.lower()
        same = [(i, ref) for i, ref, _person, head_lemma in reversed(self._seen) if head_lemma == lemma]
        # "the government" is the one that acted before, not one named in passing as an
        # owner ("the U.S. government's decision") after it
        acting = [ref for i, ref in same if self.doc[i].dep_ in ("nsubj", "nsubjpass")]
        if acting or same:
            return (acting or [ref for _, ref in same])[0]
        # "the Authority", "the council": an earlier organisation whose name holds the word
        for _, ref, person, _ in reversed(self._seen):
            if token.text[:1].isupper() and not person and lemma in normalise(ref.name).split():
                return ref
        return None

    # --- helpers ---------------------------------------------------------------

    def _phrase(self, token):
        """The head with its name-like left modifiers (not its clauses)."""
        start = token.i
        for child in token.lefts:
            if child.dep_ in NAME_DEPS:
                start = min(start, child.left_edge.i)
        # a phrase never crosses a line break (headlines run into the text)
        for i in range(token.i - 1, start - 1, -1):
            if "\n" in self.doc[i].text_with_ws:
                start = i + 1
                break
        while (
            start < token.i
            and self.doc[start].dep_ in ("det", "punct", "case")
            and self.doc[start].lower_ in ("the", "a", "an", ",", "'s", "’s")
        ):
            start += 1
        return self.doc[start : token.i + 1]

    def _entity_text(self, token) -> str | None:
        ent = self._ent_of.get(token.i)
        if ent is None:
            return None
        text = self._ent_texts.get(ent.start)
        if text is None:
            text = self._ent_texts[ent.start] = ent.text
        return text

    def _country(self, token, span) -> str | None:
        rights = [t for c in token.rights if c.dep_ == "prep" and c.lower_ in ("in", "of", "from") for t in c.subtree]
        # "a newspaper based in Beirut"
        rights += [
            t for c in token.rights if c.dep_ == "acl" and c.lemma_ in ("base", "operate", "locate") for t in c.subtree
        ]
        for tok in list(span) + rights:
            if tok.i == token.i and token.pos_ == "NOUN" or ethnic(tok):
                continue
            iso = self.kb.country_of(tok.text)
            if iso is None and tok.ent_type_ in ("GPE", "NORP") and tok.pos_ == "PROPN":
                ent = self._entity_text(tok)
                iso = self.kb.country_of(ent) if ent else None
                if iso is None and ent:
                    actor = self.kb.lookup(ent)
                    iso = actor.country if actor else None
            if iso is None and tok.pos_ == "PROPN":
                actor = self.kb.lookup(self._entity_text(tok) or tok.text) or self.kb.lookup(tok.text)
                iso = actor.country if actor is not None else None
            if iso is None and tok.ent_type_ in ("GPE", "LOC") and tok.pos_ == "PROPN":
                name = self._entity_text(tok) or tok.text
                iso = self.kb.capitals.get(normalise(name))
                place = lookup_place(name) if iso is None else None
                iso = iso or (place.country if place is not None else None)
            if iso:
                return iso
        return None

    def _international(self, span, token) -> bool:
        """An international body names the phrase's head as one of its people."""
        for tok in span:
            if tok.i == token.i:
                continue
            actor = self.kb.lookup(self._entity_text(tok) or tok.text) or self.kb.lookup(tok.text)
            if actor is not None and actor.sector == "IGO":
                return True
        return False

    def _country_from_apposition(self, token) -> str | None:
        for child in token.children:
            if child.dep_ == "appos":
                ref = self.ref(child)
                if ref is not None and ref.country:
                    return ref.country
        return None

    def _sector(self, span, token) -> str | None:
        sector = self.kb.sectors.get(token.lemma_.lower()) or self._agent_sector(span, token)
        if (
            sector == "GOV"
            and token.lemma_.lower() in ("ministry", "minister", "department", "secretary")
            and any(t.lower_ in ("defence", "defense", "war") for t in span)
        ):
            return "MIL"  # a defence ministry is the armed forces' command, as CAMEO codes it
        if sector or token.pos_ == "NOUN":
            # "military ties" is not a military actor: only the head noun says who
            return sector
        for tok in reversed(list(span)):
            if tok.lemma_.lower() == "general" and tok.i > 0 and self.doc[tok.i - 1].lower_ in CIVIL_GENERALS:
                return "GOV"  # "Attorney General Janet Reno" is no soldier
            sector = self.kb.sectors.get(tok.lemma_.lower())
            if sector:
                return sector
        return None

    def _agent_sector(self, span, token) -> str | None:
        """The sector the agents dictionary gives the head noun, or the last
        two words ("riot police", "border guard"), when the hand-written
        sector nouns have none."""
        if token.pos_ != "NOUN":
            return None
        agents = self.kb.agents
        if token.i > span.start:
            two = f"{self.doc[token.i - 1].lower_} {token.lemma_.lower()}"
            if two in agents:
                return agents[two]
        return agents.get(token.lemma_.lower()) or agents.get(token.lower_)

    @staticmethod
    def _clean(text: str) -> str:
        return text.strip(" ,")

    def _make(self, name, span, country, sector, kind, resolved, token) -> ActorRef:
        if country and not resolved and kind != "person":
            name = self.kb.owned_name(name, country)
        return ActorRef(
            name=name,
            text=span.text,
            start=span.start_char,
            end=span.end_char,
            country=country,
            sector=sector,
            kind=kind,
            resolved=resolved,
        )
