"""Attributed statements: who said what.

"X said ...", "X told Y that ...", "according to X", "X was quoted as
saying", and quotes that span several sentences ("“...” she said"). The
speaker is resolved with the article's ActorResolver, so "she said" points
to the person named before.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Sequence

from ..annotate import doc_text, token_strings
from ..models import Article, EventMention, Statement, TimeValue, stable_id
from .lexicon import PERFORMATIVE, SPEECH_VERBS
from .when import _open_past

QUOTE = re.compile(r"[“\"]([^”\"]{2,}?)[”\"]", re.S)
#: Speech verbs too weak to make a statement on their own.
NOT_STATEMENT = {"believe", "suggest", "indicate", "report", "quote", "write", "tweet", "respond", "reply", "predict"}


def _quotes(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in QUOTE.finditer(text)]


def _speaker_token(verb):
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            if child.lower_ in ("who", "that") and verb.dep_ == "relcl":
                return verb.head
            return child
    if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head is not verb:
        return _speaker_token(verb.head)
    return None


def _is_cue(token) -> bool:
    """A speech verb that introduces words; "which was confirmed" does not."""
    if token.lemma_ not in SPEECH_VERBS - NOT_STATEMENT or token.pos_ not in ("VERB", "AUX"):
        return False
    return not any(c.dep_ == "auxpass" for c in token.children)


def _inside(token, quotes) -> bool:
    return any(s < token.idx < e for s, e in quotes)


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
        comps = [c for c in verb.children if c.dep_ == "dobj" and verb.lemma_ not in ("tell", "convey")
                 and c.lemma_ not in ("report",)]
    if not comps:
        return None
    tokens = [t for c in comps for t in c.subtree]
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    words = text[start:end].strip(" ,.")
    if len(words.split()) < 3:
        return None
    return words, start, end, "paraphrase"


def extract_statements(article: Article, doc, resolver, mentions: Sequence[EventMention] = (),
                       timexes=()) -> list[Statement]:
    text = doc_text(doc)
    quotes = _quotes(text)
    out: dict[int, Statement] = {}
    for sent in getattr(resolver, "sents", None) or doc.sents:
        # speech verbs and "according" only: the common token is neither, and is passed over once
        words = token_strings(doc)
        cue_words = [doc[i] for i in range(sent.start, sent.end)
                     if words.lemma[i] in SPEECH_VERBS or words.lower[i] == "according"]
        if not cue_words:
            continue
        verbs = [t for t in cue_words if _is_cue(t) and not _inside(t, quotes)]
        for token in cue_words:
            speaker_tok, cue = None, ""
            if _inside(token, quotes):
                continue   # "the leadership stressed ..." inside a quote is the quoted words
            if _is_cue(token):
                speaker_tok, cue = _speaker_token(token), token.lemma_
                quoted = next((a for a in token.ancestors if a.lemma_ == "quote"), None)
                if quoted is not None:   # "X was quoted as having told ..."
                    speaker_tok = next((c for c in quoted.children if c.dep_ in ("nsubjpass", "nsubj")), speaker_tok)
            elif token.lower_ == "according" and token.nbor().lower_ == "to":
                objs = [g for g in token.nbor().children if g.dep_ == "pobj"]
                speaker_tok, cue = (objs[0] if objs else None), "according to"
            if speaker_tok is None:
                continue
            refs = resolver.refs(speaker_tok)
            if not refs:
                continue
            if cue == "according to":
                verb = token.head if token.head.pos_ in ("VERB", "AUX") else sent.root
                got = _words(verb, sent, quotes, text, verbs) if verb is not token else None
                if got is None:
                    got = (sent.text.strip(), sent.start_char, sent.end_char, "paraphrase")
            else:
                got = _words(token, sent, quotes, text, verbs)
            if got is None:
                continue
            words, start, end, kind = got
            if any(s.start < end and start < s.end for s in out.values()):
                continue   # the same words already attributed by a nearer cue
            about = next((m.id for m in mentions if start <= m.trigger_start < end), None)
            when = next((t.value for t in timexes if any(
                c.idx <= t.start < c.idx + len(c) + 1 for c in token.children if c.dep_ in ("prep", "npadvmod"))
                or any(c.dep_ in ("prep", "npadvmod") and c.idx <= t.start <= c.right_edge.idx for c in token.children)),
                None)
            out[start] = Statement(
                id=stable_id("sm", article.id, start), article_id=article.id, speaker=refs[0],
                words=words, start=start, end=end, kind=kind, cue=cue, time=when, about=about)
    return _dated_from_context(sorted(out.values(), key=lambda s: s.start), mentions, article.published)


def _dated_from_context(statements: list[Statement], mentions: Sequence[EventMention],
                        published: TimeValue | None = None) -> list[Statement]:
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
            if (about is not None and st.cue in PERFORMATIVE and about.modality == "announced" and about.time is not None
                    and about.time.earliest is not None and about.time.value != "PAST_REF"):
                st = replace(st, time=about.time)
            elif (previous is not None and previous.speaker.name == st.speaker.name and previous.time is not None
                  and previous.time.earliest is not None):
                st = replace(st, time=previous.time)
            else:
                # nothing closer: it was said by the day the article reports it
                st = replace(st, time=_open_past(published))
        out.append(st)
    return out
