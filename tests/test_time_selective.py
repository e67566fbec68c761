"""The dates-only path (time/selective.py) tags as the full parse does,
parsing only the sentences that need it."""

from __future__ import annotations

import dis
import inspect
import re
from datetime import date

import pytest

from storyline.time import selective, tag
from storyline.time.selective import (
    PartialParse,
    kinds_reading_tense,
    pieces_to_parse,
    sentence_starts,
    tag_texts,
)

# Own texts, each leaning on something the tagger reads across sentences.
TEXTS = [
    # the narrative's stated date, then its weekday, "a week later", "the next morning"
    "The talks opened on January 26 in Geneva. Thursday's session ended without a deal, the envoys said. "
    "A week later, they met again. The next morning they left for Vienna.",
    # a month named again a few sentences on, with and against the tense
    "The bank said it expects to close the purchase in April. Its shares rose 3% on Tuesday. "
    "Regulators will review the sale in April, a spokesman said. The bank bought a rival in February.",
    # a results story: the reported quarter, "a year earlier", "the latest period", nine months
    "Acme Corp. said third-quarter net income rose 12% to $4.5 million from $4 million a year earlier. "
    "Revenue in the latest period was $50 million. For the nine months, net rose 8% from a year earlier. "
    "The company expects fourth-quarter sales to be flat.",
    # an abbreviation with a capital after it is no sentence end
    "Officials said U.S. Commerce Secretary Jane Doe will visit in September. Gen. Smith arrived Monday "
    "and will leave Friday. No. 2 official Ann Roe vs. the board: the vote is set for next week.",
    # a headline and paragraphs (line breaks start sentences)
    "Talks to Resume Next Week\n\nNegotiators will meet Thursday in Vienna. The last round ended on March 3, "
    "when the delegates walked out.\n\nThey plan to finish by the end of the year.\n",
    # a clock time takes the day its sentence names
    "On Friday, police arrived at 6 a.m. and left at noon. The suspect was freed at 9 p.m. Saturday. "
    "He had been held since Wednesday night.",
    # quotes, and a deadline
    "``We will leave on Tuesday,'' the minister said. ``Not before.'' The offer was extended until Nov. 20. "
    "It had been due to expire Friday.",
    # durations, and kinds that never read the tense
    "The plant has run for 20 years. In 1998 it employed 300 people; today it employs 40, and now it may close.",
    # a year stated earlier in the sentence, a season, a holiday
    "In 1994, the firm moved on March 5 to Ohio. Sales fell last summer and will pick up by Christmas. "
    "Earlier this week the chairman resigned.",
    "Nothing happened here.",
    "",
]


@pytest.fixture(scope="module")
def anchors():
    return [
        date(2023, 1, 30),
        date(2020, 3, 12),
        date(1989, 10, 27),
        date(1998, 8, 20),
        date(2019, 5, 6),
        date(2022, 11, 14),
        date(1990, 11, 16),
        date(1999, 1, 1),
        date(1995, 12, 1),
        date(2001, 7, 3),
        None,
    ]


def _full(nlp, texts, anchors):
    return [tag(doc, anchor) for doc, anchor in zip(nlp.pipe(texts), anchors)]


def test_time_selective_same_tags_as_the_full_parse(nlp, anchors):
    assert list(tag_texts(TEXTS, anchors, nlp)) == _full(nlp, TEXTS, anchors)


def test_time_selective_same_tags_without_an_anchor(nlp):
    nones = [None] * len(TEXTS)
    assert list(tag_texts(TEXTS, nones, nlp)) == _full(nlp, TEXTS, nones)


def test_time_selective_same_tags_in_any_grouping(nlp, anchors):
    expected = _full(nlp, TEXTS, anchors)
    assert list(tag_texts(TEXTS, anchors, nlp, batch_size=1, group=1)) == expected
    assert list(tag_texts(TEXTS * 2, anchors * 2, nlp, batch_size=5, group=7)) == expected * 2


def test_time_selective_tags_the_expressions_it_should(nlp, anchors):
    tags = list(tag_texts(TEXTS[:1], anchors[:1], nlp))[0]
    values = {t.text: t.value.value for t in tags}
    assert values["January 26"] == "2023-01-26"
    # the weekday is the stated date's (2023-01-26 was a Thursday), not the one before the anchor
    assert values[next(k for k in values if k.startswith("Thursday"))] == "2023-01-26"


def test_time_selective_pieces_parse_as_the_whole_text(nlp):
    """Every token of a sentence that holds a span carries, in the piece
    parsed for it, the tag, lemma, head and dependency it has in the parse
    of the whole text."""
    text = TEXTS[0] + " " + TEXTS[3] + "\n\n" + TEXTS[5] + " " + TEXTS[6]
    whole = nlp(text)
    spans = [(m.start(), m.end()) for m in re.finditer(r"Thursday|September|Friday|noon|Tuesday", text)]
    plan = pieces_to_parse(text, spans)
    pieces = PartialParse(
        text, [(start, end, nlp(selective._piece_doc(nlp, text, start, first, end))) for start, first, end in plan]
    )
    checked = 0
    for start, end in spans:
        for other in whole.char_span(start, end).sent:
            token = pieces.char_span(other.idx, other.idx + len(other))[0]
            offset = other.idx - token.idx
            assert (token.text, token.tag_, token.pos_, token.lemma_, token.dep_, token.head.idx + offset) == (
                other.text,
                other.tag_,
                other.pos_,
                other.lemma_,
                other.dep_,
                other.head.idx,
            ), other.text
            checked += 1
    assert checked > 60


def test_time_selective_tense_free_text_needs_no_parse():
    reading = kinds_reading_tense()
    from storyline.time.recognise import recognise

    text = "The plant shut on 2021-03-04. It reopened today, a spokesman said."
    kinds = {c.kind for c in recognise(text)}
    assert kinds and not kinds & reading
    assert pieces_to_parse(text, [(c.start, c.end) for c in recognise(text) if c.kind in reading]) == []


def test_time_selective_kinds_reading_tense_follow_the_handlers():
    reading = kinds_reading_tense()
    assert {"weekday", "md"} <= reading  # "met Friday" and "will meet Friday" are a week apart
    assert not {"iso", "deictic"} & reading  # "2021-03-04" and "yesterday" are what they are


def _loads_of_direction(func, position: int | None = 2) -> int | None:
    """How many instructions of ``func`` read the variable ``direction``;
    None when it is not the parameter at ``position`` (None: a local) or
    ``func`` takes ``*args``/``**kwargs`` or lets an inner function capture it."""
    params = list(inspect.signature(func).parameters.values())
    if any(p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD) for p in params):
        return None
    if position is not None and (len(params) <= position or params[position].name != "direction"):
        return None
    code = func.__code__
    if "direction" in code.co_cellvars or "direction" in code.co_freevars:
        return None
    count = 0
    for ins in dis.get_instructions(func):
        # (newer Pythons fuse two loads into one instruction naming both)
        names = ins.argval if isinstance(ins.argval, tuple) else (ins.argval,)
        if "direction" in names and not (ins.opname.startswith("STORE") and "LOAD" not in ins.opname):
            count += 1
    return count


def test_time_selective_direction_is_counted_in_code():
    def reads(self, c, direction, text):
        return direction > 0

    def ignores(self, c, direction, text):
        return text

    def captures(self, c, direction, text):
        return lambda: direction

    def anything(self, *args):
        return args

    def renamed(self, c, tense, text):
        return tense > 0

    assert _loads_of_direction(reads) == 1
    assert _loads_of_direction(ignores) == 0
    assert _loads_of_direction(captures) is None
    assert _loads_of_direction(anything) is None
    assert _loads_of_direction(renamed) is None


def test_time_selective_tense_free_kinds_never_read_the_tense():
    """The guard of ``TENSE_FREE_KINDS``: the tagging loop and
    ``Resolver.resolve`` only hand the direction on (they name it once), and
    the handler of every kind declared tense-free never reads it. A rule
    change that makes one read it fails here: take the kind out of the list."""
    from storyline.time import _timexes
    from storyline.time.recognise import RULES
    from storyline.time.resolve import Resolver

    assert _loads_of_direction(_timexes, position=None) == 1
    assert _loads_of_direction(Resolver.resolve) == 1
    kinds = {kind for kind, _ in RULES}
    assert selective.TENSE_FREE_KINDS <= kinds, selective.TENSE_FREE_KINDS - kinds
    reading = sorted(
        kind
        for kind in selective.TENSE_FREE_KINDS
        if not inspect.isfunction(handler := getattr(Resolver, "_" + kind, None)) or _loads_of_direction(handler) != 0
    )
    assert reading == [], f"declared tense-free but read the tense: {reading}"
    assert kinds_reading_tense() == frozenset(kinds - selective.TENSE_FREE_KINDS)


def test_time_selective_sure_sentence_starts():
    text = "He met U.S. officials. Gen. Smith said so. It was Roe vs. Wade. Then they left\nNew line here"
    starts = sentence_starts(text)
    at = {text[s : s + 4] for s in starts}
    # not after "U.S.", "vs." or "Wade." (a capitalised word may be a title or an abbreviation)
    assert at == {"He m", "Gen.", "It w", "New "}
    assert text.index("New") not in sentence_starts(text, line_breaks=False)


def test_time_selective_pieces_keep_context_and_whitespace():
    text = "One two three four five six seven. The vote is on Friday, they said. Eight nine ten eleven twelve end."
    at = text.index("Friday")
    ((start, first, end),) = pieces_to_parse(text, [(at, at + 6)], before=2, after=3)
    assert text[first:].startswith("The vote")
    assert text[start:first] == "six seven. "
    assert text[first:end].endswith("Eight nine ten ")


def test_time_selective_partial_parse_answers_only_inside_pieces(nlp):
    text = "Skipped sentence here. The vote is on Friday."
    first = text.index("The")
    parse = PartialParse(text, [(first, len(text), nlp(text[first:]))])
    assert parse.char_span(0, 7) is None
    assert parse.char_span(text.index("Friday"), text.index("Friday") + 6).text == "Friday"


def test_time_selective_needs_one_anchor_per_text(nlp):
    with pytest.raises(ValueError):
        list(tag_texts(["a", "b"], [None], nlp))


class _Pipeline:
    """Only what ``context_words`` reads of a pipeline."""

    def __init__(self, components):
        self.pipe_names = list(components)
        self.config = {"components": components}


def test_time_selective_context_follows_the_models_reach(nlp):
    assert selective.context_words(nlp) == (4, 6)  # en_core_web_sm: four window-1 layers
    wider = _Pipeline(
        {
            "tok2vec": {
                "model": {
                    "@architectures": "spacy.Tok2Vec.v2",
                    "encode": {"@architectures": "spacy.MaxoutWindowEncoder.v2", "depth": 3, "window_size": 2},
                }
            },
            "lemmatizer": {"factory": "lemmatizer", "model": None},
        }
    )
    assert selective.context_words(wider) == (6, 8)
    transformer = _Pipeline(
        {
            "transformer": {"model": {"@architectures": "spacy-transformers.TransformerModel.v3"}},
            "ner": {"model": {"@architectures": "spacy.Tok2Vec.v2"}},
        }
    )
    assert selective.context_words(transformer) is None
    assert selective.context_words(transformer, skip=["transformer"]) == (0, 2)


def test_time_selective_parses_whole_texts_when_the_reach_is_unknown(nlp, anchors, monkeypatch):
    monkeypatch.setattr(selective, "context_words", lambda nlp, skip=(): None)
    assert list(tag_texts(TEXTS, anchors, nlp)) == _full(nlp, TEXTS, anchors)


@pytest.mark.slow
def test_time_selective_tbaq_documents_tag_as_the_full_parse(data_dir, nlp):
    """A guard for rules to come: if the tagger starts to read the parse
    somewhere ``tag_texts`` does not parse, TBAQ shows it
    (``benchmarks/time_selective.py`` checks all 256 documents)."""
    from storyline.evaluation.tempeval import read_timeml_dir

    gold_dir = data_dir / "tempeval3" / "TBAQ-cleaned"
    if not gold_dir.exists():
        pytest.skip(f"{gold_dir} is absent: TBAQ is needed for this check")
    documents = sorted(read_timeml_dir(gold_dir), key=lambda d: d.name)[1::4]
    texts, dcts = [d.text for d in documents], [d.dct for d in documents]
    differ = [d.name for d, a, b in zip(documents, tag_texts(texts, dcts, nlp), _full(nlp, texts, dcts)) if a != b]
    assert differ == []
