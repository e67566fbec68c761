"""Attributed statements: who said what.

"X said ...", "X told Y that ...", "according to X", "X was quoted as
saying", and quotes that span several sentences ("“...” she said"). The
speaker is resolved with the article's ActorResolver, so "she said" points
to the person named before.
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace
from typing import Sequence

from ..annotate import doc_text, token_strings
from ..models import Article, EventMention, Statement, TimeValue, statement_id
from .addressees import ATTITUDE_NOUNS, ATTITUDE_VERBS, addressees
from .dictionary import DENIAL, denial_code, load_dictionary
from .lexicon import PERFORMATIVE, SPEECH_VERBS, word_list
from .when import _open_past

QUOTE = re.compile(r"[“\"]([^”\"]{2,}?)[”\"]", re.S)
#: Speech verbs too weak to make a statement on their own.
NOT_STATEMENT = word_list("not_statement")


def _quotes(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in QUOTE.finditer(text)]


#: Nouns of a written statement whose "saying ..." is its issuer's words ("X issued a statement saying ...").
STATEMENT_NOUNS = word_list("statement_nouns")
#: Verbs of declining whose "to comment" is a statement that one will say nothing.
REFUSALS = word_list("refusals")


def _speaker_token(verb):
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            if child.lower_ in ("who", "that") and verb.dep_ == "relcl":
                return verb.head
            if child.lower_ == "it" and verb.lemma_ == "be":
                return None  # "it is interesting to note that ...": no one speaks
            return child
    if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head is not verb:
        return _speaker_token(verb.head)
    if verb.dep_ == "acl" and verb.head.lemma_.lower() in STATEMENT_NOUNS and verb.head.head is not verb.head:
        # "X issued a statement saying ...": the statement's issuer speaks
        return _speaker_token(verb.head.head) if verb.head.dep_ in ("dobj", "pobj") else None
    return None


def _attitude(token) -> bool:
    """A verb voicing an attitude through its object ("expressed his deep condolences",
    "sent a condolence message"), or declining to comment (CAMEO 011): a statement
    of its subject, not a speech verb."""
    if token.lemma_ in REFUSALS and token.pos_ == "VERB":
        return any(c.dep_ == "xcomp" and c.lemma_ == "comment" for c in token.children)
    if token.lemma_ not in ATTITUDE_VERBS or token.pos_ not in ("VERB", "AUX"):
        return False
    return any(
        c.dep_ == "dobj"
        and (
            c.lower_ in ATTITUDE_NOUNS
            or c.lemma_ in ATTITUDE_NOUNS
            or any(g.dep_ == "compound" and g.lower_ in ATTITUDE_NOUNS for g in c.children)
        )
        for c in token.children
    )


@functools.lru_cache(maxsize=1)
def denial_verbs() -> frozenset:
    """Verbs of which the field's dictionary has a denial pattern (CAMEO 016), and "deny"."""
    patterns = load_dictionary().patterns
    return frozenset(lemma for lemma, found in patterns.items() if any(p.code == DENIAL for p in found)) | {"deny"}


#: Dependents of a denying verb that are not what is denied: its subject, the
#: reasons and circumstances ("..., saying that ...", "on Monday", "strongly").
NOT_DENIED = ("nsubj", "nsubjpass", "aux", "auxpass", "neg", "punct", "cc", "conj", "advcl", "advmod", "npadvmod")


def _denial_words(verb, text) -> tuple[str, int, int, str]:
    """What is denied: the verb and its object ("rejected the charges as politically motivated")."""
    tokens = [t for c in verb.children if c.dep_ not in NOT_DENIED and c.i > verb.i for t in c.subtree] or [verb]
    start, end = verb.idx, max(t.idx + len(t) for t in tokens)
    return text[start:end].strip(" ,."), start, end, "paraphrase"


def _attitude_words(verb, text) -> tuple[str, int, int, str] | None:
    """The attitude and what it is about: the verb's phrase without its subject."""
    tokens = [
        t
        for c in verb.children
        if c.dep_ not in ("nsubj", "nsubjpass", "aux", "auxpass", "punct", "cc", "conj", "advmod", "npadvmod")
        for t in c.subtree
        if t.i > verb.i
    ] or [verb]
    start, end = verb.idx, max(t.idx + len(t) for t in tokens)
    return text[start:end].strip(" ,."), start, end, "paraphrase"


#: CAMEO 015, "acknowledge or claim responsibility": a claim of one's own act.
RESPONSIBILITY = "015"
#: Verbs that claim or own up to an act: "claimed responsibility for", "admitted that it had shelled".
CLAIM_VERBS = word_list("claim_verbs")
#: What is claimed when one claims an act as one's own: "claimed responsibility/credit for".
RESPONSIBILITY_NOUNS = word_list("responsibility_nouns")


def _claim_code(cue, speaker, mentions: Sequence[EventMention], resolver) -> str | None:
    """CAMEO 015 when the speaker claims an act as their own: "claimed responsibility
    for the attack", or a clause the cue introduces whose own act has the speaker as
    its doer ("the rebels claimed that they had attacked the base"; not a clause
    inside it, not "she claimed he had ..."); else None."""
    if cue.lemma_ not in CLAIM_VERBS:
        return None
    if any(c.dep_ == "dobj" and c.lemma_.lower() in RESPONSIBILITY_NOUNS for c in cue.children):
        return RESPONSIBILITY
    gender = getattr(getattr(resolver, "kb", None), "gender", {})
    for comp in (c for c in cue.children if c.dep_ == "ccomp"):
        acts = {t.idx for t in (comp, *comp.conjuncts, *(c for c in comp.children if c.dep_ == "xcomp"))}
        # (a bare they/we/it doer in the clause is already the claimer: clause_actors.subject_refs)
        for m in mentions:
            if m.trigger_start not in acts or m.reference:
                continue
            for doer in (r for r in m.sources if r.name == speaker.name):
                # "she claimed he raped her": "he" is the speaker only for a man known to be one
                want = PERSONAL.get(doer.text.lower())
                if want is None or speaker.text.lower() == doer.text.lower() or gender.get(speaker.name) == want:
                    return RESPONSIBILITY
    return None


#: CAMEO 019, "express accord": agreeing with a view, a statement of the one who agrees.
ACCORD = "019"
#: Nouns of a view one agrees with: "agreed with the recommendation", "agree with his assessment".
VIEW_NOUNS = word_list("view_nouns")


def accord_code(verb) -> str | None:
    """CAMEO 019 when "agree" agrees with a view, not to act: "agreed with the Senate that
    patients should be entitled ...", "agree with what the council proposed", "agreed with
    the recommendation"; not "agreed with Jordan to reopen the border" nor "agreed with
    Hamas on a truce", which are agreements (PLOVER AGREE)."""
    if verb.lemma_ != "agree" or verb.pos_ != "VERB":
        return None
    children = list(verb.children)
    if any(c.dep_ == "xcomp" or c.dep_ == "prep" and c.lower_ in ("on", "upon", "to") for c in children):
        return None
    partners = [g for c in children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children]
    if not partners:
        return None
    # (a "that" clause the parser hangs on the partner: "agree with the council that ...")
    that_clause = any(
        c.dep_ in ("relcl", "acl") and any(m.dep_ == "mark" for m in c.children) for g in partners for c in g.children
    )
    if (
        that_clause
        or any(c.dep_ == "ccomp" for c in children)
        or any(g.dep_ == "pcomp" or g.lower_ == "what" or g.lemma_.lower() in VIEW_NOUNS for g in partners)
    ):
        return ACCORD
    return None


def _denial_cameo(cue) -> str | None:
    """016 for "denied ...", unless the denial is refused or itself denied
    ("declined to confirm or deny", "did not deny")."""
    chain = [cue, *(a for a in cue.ancestors if cue.dep_ in ("conj", "xcomp"))][:3]
    if any(c.dep_ == "neg" for t in chain for c in t.children) or any(t.lemma_ in REFUSALS for t in chain):
        return None
    return DENIAL


def _is_cue(token) -> bool:
    """A speech verb that introduces words; "which was confirmed" does not."""
    if token.lemma_ not in SPEECH_VERBS - NOT_STATEMENT or token.pos_ not in ("VERB", "AUX"):
        return False
    if token.lemma_ == "add" and any(c.dep_ == "dobj" for c in token.children):
        return False  # "can add applications to the store" puts something in; "added that ..." speaks
    return not any(c.dep_ == "auxpass" for c in token.children)


def _inside(token, quotes) -> bool:
    return any(s < token.idx < e for s, e in quotes)


#: Quote marks never belong to a name ("Pyongyang's “Korean Central News Agency”").
_QUOTE_MARKS = re.compile(r"[“”\"]")
#: Pronouns that stand for one person, with the gender they ask of their antecedent.
PERSONAL = {"he": "m", "she": "f"}
#: How many sentences back a speaker pronoun or title looks for the person it stands for.
LOOKBACK = 3


def _unquoted(ref):
    """The speaker without quote marks in its name or words: a quoted name is still the name."""
    name, words = (" ".join(_QUOTE_MARKS.sub(" ", v).split()).strip(" ‘’'") for v in (ref.name, ref.text))
    return replace(ref, name=name or ref.name, text=words or ref.text)


def _named_people(token, resolver):
    """People before ``token`` (its sentence and LOOKBACK sentences back), nearest first, each
    as (head word, its actor, salience): 0 for the subject of a sentence's main clause (or the
    source of "according to"), 1 for another subject, 2 for anyone only spoken to or about. A
    personal pronoun among them stands for the person it resolves to."""
    sents = getattr(resolver, "sents", None) or list(token.doc.sents)
    here = next((n for n, s in enumerate(sents) if s.start <= token.i < s.end), 0)
    start = sents[max(0, here - LOOKBACK)].start
    out = []
    for tok in reversed(token.doc[start : token.i]):
        if tok.lower_ in PERSONAL and tok.dep_ in ("nsubj", "nsubjpass"):
            ref = _pronoun_speaker(tok, resolver)
        elif tok.pos_ != "PROPN" or (tok.dep_ == "compound" and tok.head.pos_ == "PROPN"):
            continue  # only the head word of a name ("Annan" of "Kofi Annan")
        else:
            ref = resolver.ref(tok)
        if ref is None or ref.kind != "person":
            continue
        role = tok.head if tok.dep_ in ("appos", "compound") else tok
        clause = role.head
        while clause.dep_ == "conj" and clause.head.i != clause.i:
            clause = clause.head  # "met Ban and said": the conjoined verb is still the main clause
        # (the subject of what a report says is as much the topic as the reporter:
        # "The Times reported that Powell had advised Clinton. But he later denied ...")
        main = clause.dep_ == "ROOT" or clause.dep_ == "ccomp" and clause.head.lemma_ in SPEECH_VERBS
        if (
            role.dep_ in ("nsubj", "nsubjpass")
            and main
            or (role.dep_ == "pobj" and role.head.lower_ == "to" and role.head.head.lower_ == "according")
            or not any(t.pos_ in ("VERB", "AUX") for t in tok.doc[tok.sent.start : tok.i])
        ):
            # (a name before any verb of its sentence is its subject where the parser lost the
            # verb: "President Roh called Abe" parsed as one noun phrase)
            salience = 0
        else:
            salience = 1 if role.dep_ in ("nsubj", "nsubjpass") else 2
        out.append((tok, ref, salience))
    return out


def _pronoun_speaker(token, resolver):
    """ "he said" stands for the nearest person of that gender who is the subject of a
    sentence before it, before one only spoken to or about: in "Annan met Ban. '...,' he
    said" the words are Annan's."""
    cache = getattr(resolver, "_speaker_pronouns", None)
    if cache is None:
        cache = resolver._speaker_pronouns = {}
    if token.i in cache:
        return cache[token.i]
    cache[token.i] = None  # (a pronoun never stands for itself)
    want = PERSONAL[token.lower_]
    fits = [
        (ref, salience)
        for _tok, ref, salience in _named_people(token, resolver)
        if resolver.kb.gender.get(ref.name, want) == want
    ]
    chosen = min(fits, key=lambda f: f[1], default=None)  # min keeps the nearest of equals
    found = None if chosen is None else replace(chosen[0], text=token.text, start=token.idx, end=token.idx + len(token))
    cache[token.i] = found
    return found


def _titled_speaker(token, ref, resolver):
    """ "the president said" after "President Roh Moo-hyun ...": the nearest person named
    with that title before it."""
    title = token.lower_
    if ref.resolved or token.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
        return None
    for tok, named, _salience in _named_people(token, resolver):
        words = {t.lower_ for t in tok.doc[tok.left_edge.i : tok.i + 1]} | set(named.text.lower().split())
        if title in words:
            return replace(named, text=ref.text, start=ref.start, end=ref.end)
    return None


def _speakers(speaker_tok, resolver) -> list:
    """The actors of a speaker phrase, a pronoun or a bare title standing for the person named before."""
    refs = resolver.refs(speaker_tok)
    if speaker_tok.lower_ in PERSONAL:
        named = _pronoun_speaker(speaker_tok, resolver)
        refs = [named] if named is not None else refs
    elif refs and len(refs) == 1:
        named = _titled_speaker(speaker_tok, refs[0], resolver)
        refs = [named] if named is not None else refs
    if not (refs and refs[0].resolved) and speaker_tok.pos_ == "NOUN":
        # "his spokesman Stephane Dujarric", "the agency's “Radio X”": the name beside the office speaks
        for appos in (c for c in speaker_tok.children if c.dep_ == "appos" and c.pos_ == "PROPN"):
            named = [r for r in resolver.refs(appos) if r.kind == "person" or not refs]
            if named:
                refs = named
                break
    return [_unquoted(r) for r in refs]


def _words(verb, sent, quotes, text, verbs=None) -> tuple[str, int, int, str] | None:
    # quotes in the sentence, or a quote that began in an earlier sentence and closes here;
    # with several speech verbs in a sentence each quote goes to the nearest one
    if verbs is None:
        verbs = [t for t in sent if _is_cue(t) and not _inside(t, quotes)]

    def nearest(span):
        return min(verbs, key=lambda v: min(abs(v.idx - span[0]), abs(v.idx - span[1])), default=verb)

    spans = [(s, e) for s, e in quotes if s < sent.end_char and e > sent.start_char and nearest((s, e)).i == verb.i]
    if spans:
        start, end = spans[0][0], spans[-1][1]
        return text[start:end].strip(), start, end, "quote"
    comps = [c for c in verb.children if c.dep_ in ("ccomp", "xcomp")]
    if not comps:
        comps = [
            c
            for c in verb.children
            if c.dep_ == "dobj" and verb.lemma_ not in ("tell", "convey") and c.lemma_ not in ("report",)
        ]
    if not comps:
        return None
    tokens = [t for c in comps for t in c.subtree]
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    words = text[start:end].strip(" ,.")
    if len(words.split()) < 3:
        return None
    return words, start, end, "paraphrase"


def _continued_quote(n, sents, quotes, text, said, cues_in) -> Statement | None:
    """A sentence that is only a quote, with no speech verb of its own, right after a quoted
    statement ("“...,” Annan said. “We cannot wait.”"): the same speaker goes on. Not when
    the quote closes in a later sentence that names its own speaker."""
    if n == 0 or not said:
        return None
    sent = sents[n]
    opened = [
        (s, e) for s, e in quotes if sent.start_char <= s < sent.end_char and not text[sent.start_char : s].strip()
    ]
    if not opened:
        return None
    start, end = opened[0]
    previous = sents[n - 1]
    before = max(
        (
            st
            for st in said.values()
            if st.kind == "quote" and previous.start_char <= st.start and st.end <= sent.start_char
        ),
        key=lambda st: st.start,
        default=None,
    )
    if before is None or any(st.start < end and start < st.end for st in said.values()):
        return None
    closing = next((s for s in sents[n:] if s.start_char <= end - 1 < s.end_char), sent)
    if any(_is_cue(t) and not _inside(t, quotes) for t in cues_in(closing)):
        return None
    return replace(before, words=text[start:end].strip(), start=start, end=end, time=None, about=None)


def extract_statements(
    article: Article, doc, resolver, mentions: Sequence[EventMention] = (), timexes=()
) -> list[Statement]:
    text = doc_text(doc)
    quotes = _quotes(text)
    out: dict[int, Statement] = {}
    sents = list(getattr(resolver, "sents", None) or doc.sents)
    strings = token_strings(doc)
    denials = denial_verbs()

    def cues_in(sent):
        # speech verbs and "according" only: the common token is neither, and is passed over once
        return [
            doc[i]
            for i in range(sent.start, sent.end)
            if strings.lemma[i] in SPEECH_VERBS
            or strings.lower[i] == "according"
            or strings.lemma[i] in ATTITUDE_VERBS
            or strings.lemma[i] in REFUSALS
            or strings.lemma[i] in denials
            or strings.lemma[i] == "agree"
        ]

    for n, sent in enumerate(sents):
        cue_words = cues_in(sent)
        if not cue_words:
            continued = _continued_quote(n, sents, quotes, text, out, cues_in)
            if continued is not None:
                out[continued.start] = replace(continued, id=statement_id(article.id, continued.start))
            continue
        verbs = [t for t in cue_words if _is_cue(t) and not _inside(t, quotes)]
        for token in cue_words:
            speaker_tok, cue = None, ""
            if _inside(token, quotes):
                continue  # "the leadership stressed ..." inside a quote is the quoted words
            denial = denial_code(token) if token.lemma_ in denials else None
            accord = accord_code(token) if not denial else None
            attitude = not (denial or accord) and not _is_cue(token) and _attitude(token)
            if denial or accord:  # "rejected the accusation": a statement of the denier, not a REJECT
                speaker_tok, cue = _speaker_token(token), token.lemma_
            elif _is_cue(token) or attitude:
                speaker_tok, cue = _speaker_token(token), token.lemma_
                quoted = next((a for a in token.ancestors if a.lemma_ == "quote"), None)
                if quoted is not None:  # "X was quoted as having told ..."
                    speaker_tok = next((c for c in quoted.children if c.dep_ in ("nsubjpass", "nsubj")), speaker_tok)
            elif token.lower_ == "according" and token.nbor().lower_ == "to":
                objs = [g for g in token.nbor().children if g.dep_ == "pobj"]
                speaker_tok, cue = (objs[0] if objs else None), "according to"
            if speaker_tok is None:
                continue
            refs = _speakers(speaker_tok, resolver)
            if not refs:
                continue
            # a quote inside the speaker's own phrase is a name, not words ("the “Korean Central News Agency” said")
            phrase = (speaker_tok.left_edge.idx, speaker_tok.right_edge.idx + len(speaker_tok.right_edge))
            spoken = [(s, e) for s, e in quotes if not (phrase[0] <= s + 1 and e - 1 <= phrase[1])]
            if cue == "according to":
                verb = token.head if token.head.pos_ in ("VERB", "AUX") else sent.root
                got = _words(verb, sent, spoken, text, verbs) if verb is not token else None
                if got is None:
                    got = (sent.text.strip(), sent.start_char, sent.end_char, "paraphrase")
            elif denial or accord:
                got = _denial_words(token, text)
            elif attitude:
                got = _attitude_words(token, text)
            else:
                got = _words(token, sent, spoken, text, verbs)
            if got is None:
                continue
            words, start, end, kind = got
            if any(s.start < end and start < s.end for s in out.values()):
                continue  # the same words already attributed by a nearer cue
            about = next((m.id for m in mentions if start <= m.trigger_start < end), None)
            when = next(
                (
                    t.value
                    for t in timexes
                    if any(
                        c.idx <= t.start < c.idx + len(c) + 1 for c in token.children if c.dep_ in ("prep", "npadvmod")
                    )
                    or any(
                        c.dep_ in ("prep", "npadvmod") and c.idx <= t.start <= c.right_edge.idx for c in token.children
                    )
                ),
                None,
            )
            out[start] = Statement(
                id=statement_id(article.id, start),
                article_id=article.id,
                speaker=refs[0],
                words=words,
                start=start,
                end=end,
                kind=kind,
                cue=cue,
                time=when,
                about=about,
                cameo=DENIAL
                if denial
                else accord
                if accord
                else _denial_cameo(token)
                if cue == "deny"
                else _claim_code(token, refs[0], mentions, resolver),
                addressees=addressees(token, resolver, (refs[0],)) if cue != "according to" else (),
            )
    return _dated_from_context(sorted(out.values(), key=lambda s: s.start), mentions, article.published)


def _dated_from_context(
    statements: list[Statement], mentions: Sequence[EventMention], published: TimeValue | None = None
) -> list[Statement]:
    """A statement without a date of its own is dated by what the article says:
    the day of the act it announces, when the saying is the act ("Abbas
    declared he was terminating ..." is dated with the termination), or the day of the statement just before
    it by the same speaker ("... Pompeo said on Wednesday. “We hope ...,” he
    said. He added ..." is one press conference); else it was said on or
    before the day the article was published."""
    by_id = {m.id: m for m in mentions}
    out: list[Statement] = []
    for st in statements:
        if st.time is None:
            about = by_id.get(st.about) if st.about else None
            previous = out[-1] if out else None
            if (
                about is not None
                and st.cue in PERFORMATIVE
                and about.modality == "announced"
                and about.time is not None
                and about.time.earliest is not None
                and about.time.value != "PAST_REF"
            ):
                st = replace(st, time=about.time)
            elif (
                previous is not None
                and previous.speaker.name == st.speaker.name
                and previous.time is not None
                and previous.time.earliest is not None
            ):
                st = replace(st, time=previous.time)
            else:
                # nothing closer: it was said by the day the article reports it
                st = replace(st, time=_open_past(published))
        out.append(st)
    return out
