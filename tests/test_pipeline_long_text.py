"""Texts over the model's max_length are parsed and analysed in pieces: the
build goes on, and every record's offsets point into the whole cleaned text.

The model's limit (1,000,000 characters) is simulated by lowering
``nlp.max_length``, so a text of a few thousand characters stands for one of
millions and the tests stay fast."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from storyline.annotate import PIECE_CHARS, Pieces, annotate, load_pipeline, piece_limit, piece_spans
from storyline.cli import cli
from storyline.clean import clean
from storyline.models import RawDocument
from storyline.pipeline import analyse, build, shifted
from storyline.store import Store

# Self-contained paragraphs (each names its own parties and dates), so a
# cut between two of them changes nothing in what the text says.
PARAGRAPHS = [
    "Russia said on Saturday that it was suspending its part in the grain agreement after a drone "
    "attack on its fleet in Sevastopol, the defence ministry said.",
    "Ukrainian Foreign Minister Dmytro Kuleba accused Moscow on October 30, 2022 of using a false "
    "pretext to block the corridor. “This is blackmail,” Kuleba said.",
    "The United Nations said on Sunday it was in contact with Russian officials about the corridor.",
    "Turkey's president said on October 31, 2022 that Ankara would keep working to save the deal.",
    "Ships left the port of Odesa on Monday, October 31, 2022, the Ukrainian infrastructure ministry said.",
]


def long_article(copies: int) -> str:
    paragraphs = [f"{p} Report {n}." for n in range(copies) for p in PARAGRAPHS]
    return "date 2022-10-30\nGrain deal in doubt\n\n" + "\n\n".join(paragraphs) + "\n"


def cleaned(text: str):
    return clean(
        RawDocument(
            "long.txt", text, "text", title="Grain deal in doubt", published="2022-10-30", published_basis="header"
        )
    )


def test_annotate_piece_spans_cover_the_text_at_paragraph_breaks():
    text = long_article(40)
    spans = piece_spans(text, 1500)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:]))  # no gap, no overlap
    assert all(0 < end - start <= 1500 for start, end in spans)
    assert all(text[end - 2 : end] == "\n\n" for _, end in spans[:-1])  # whole paragraphs


def test_annotate_piece_spans_never_cut_a_sentence_they_can_avoid():
    sentence = "The envoys met again on Monday and agreed to talk on Friday. "
    text = sentence * 100  # one paragraph, no line break
    spans = piece_spans(text, 1000)
    assert all(text[start:end].endswith(". ") for start, end in spans[:-1])
    assert piece_spans("x" * 2500, 1000) == [(0, 1000), (1000, 2000), (2000, 2500)]  # no choice


def test_annotate_limit_respects_the_model_and_the_real_one_is_never_exceeded():
    nlp = load_pipeline()
    assert piece_limit(nlp) == min(PIECE_CHARS, nlp.max_length) <= 1_000_000
    text = ("A sentence of news about the talks in Geneva. " * 23_000 + "\n\n") * 2  # 2.1 million characters
    spans = piece_spans(text, piece_limit(nlp))
    assert len(text) > 2_000_000 and all(end - start <= nlp.max_length for start, end in spans)


@pytest.mark.slow
def test_pipeline_long_text_offsets_match_the_whole_text_analysis(monkeypatch):
    nlp = load_pipeline()
    article = cleaned(long_article(12))
    [(_, whole_doc)] = annotate([article], nlp)
    whole = analyse(article, whole_doc)
    monkeypatch.setattr(nlp, "max_length", 1500)  # spaCy now refuses the whole text
    [(_, pieces)] = annotate([article], nlp)
    assert isinstance(pieces, Pieces) and len(pieces) > 4
    in_pieces = analyse(article, pieces)
    text = article.text
    for t in in_pieces.timexes:
        assert text[t.start : t.end] == t.text
    for m in in_pieces.mentions:
        assert text[m.trigger_start : m.trigger_end] == m.trigger
        assert m.sentence in text[m.sentence_start : m.sentence_end + 1]
        for actor in m.sources + m.targets:
            assert text[actor.start : actor.end] == actor.text
    for s in in_pieces.statements:
        assert s.words in text[s.start - 1 : s.end + 1] and s.article_id == article.id
    assert in_pieces.statements and in_pieces.mentions and in_pieces.timexes
    # the cuts fall between self-contained paragraphs: the same records, the same ids
    assert in_pieces.timexes == whole.timexes
    assert in_pieces.mentions == whole.mentions
    assert in_pieces.statements == whole.statements
    assert {m.id for m in in_pieces.mentions} >= {s.about for s in in_pieces.statements if s.about}


def test_pipeline_shifted_moves_every_offset_in_nested_records():
    from storyline.models import ActorRef, EventMention, Place

    actor = ActorRef("Russia", "Russia", 3, 9)
    mention = EventMention(
        "em_x",
        "ar_x",
        "SANCTION",
        None,
        None,
        "asserted",
        10,
        20,
        "suspending",
        "suspend",
        0,
        40,
        "s",
        sources=(actor,),
        location=Place("Odesa", start=30, end=35),
    )
    moved = shifted(mention, 1000)
    assert (moved.trigger_start, moved.trigger_end, moved.sentence_start, moved.sentence_end) == (
        1010,
        1020,
        1000,
        1040,
    )
    assert (moved.sources[0].start, moved.sources[0].end) == (1003, 1009)
    assert (moved.location.start, moved.location.end) == (1030, 1035)
    assert shifted(Place("Kyiv"), 5) == Place("Kyiv")  # no offsets: nothing to move


@pytest.mark.slow
def test_pipeline_build_of_texts_over_the_limit_keeps_every_article(tmp_path, monkeypatch):
    nlp = load_pipeline()
    monkeypatch.setattr(nlp, "max_length", 2000)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "long.txt").write_text(long_article(10), encoding="utf-8")
    (folder / "short.txt").write_text(
        "date 2022-11-17\nRussia agreed on Thursday to extend the grain deal.\n", encoding="utf-8"
    )
    record = {"text": long_article(7).split("\n\n", 1)[1].replace(" Report", " Note"), "date": "2022-10-30"}
    (folder / "feed.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    db = tmp_path / "s.duckdb"
    report = build([str(folder)], str(db))
    assert report.failures == [] and report.articles_new == 3
    with Store(db, read_only=True) as store:
        articles = {a.source.rsplit("/", 1)[-1]: a for a in store.articles()}
        mentions = store.mentions()
    assert len(articles["long.txt"].text) > 3 * 2000 and len(articles["feed.jsonl:1"].text) > 2 * 2000
    texts = {a.id: a.text for a in articles.values()}
    assert mentions and all(texts[m.article_id][m.trigger_start : m.trigger_end] == m.trigger for m in mentions)
    late = [m for m in mentions if m.article_id == articles["long.txt"].id and m.trigger_start > 4000]
    assert late, "the pieces after the first were analysed too"


@pytest.mark.slow
def test_pipeline_date_command_reads_a_text_over_the_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(load_pipeline(), "max_length", 2000)
    undated = tmp_path / "long.txt"
    undated.write_text(long_article(6).split("\n", 1)[1], encoding="utf-8")  # no date header
    result = CliRunner().invoke(cli, ["date", str(undated), "--json"])
    assert result.exit_code in (0, 3), result.output  # dated or unknown, never a crash
    assert set(json.loads(result.stdout)) >= {"value", "basis", "evidence"}
