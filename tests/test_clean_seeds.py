"""Acceptance on the real sample articles in ../shared (never copied here)."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.clean import clean, split_paragraphs
from storyline.ingest import read_inputs
from storyline.ingest.text import body_start
from storyline.models import RawDocument

SEEDS = Path(__file__).parents[1].parent / "shared/samples/seeds"


@pytest.fixture(scope="module")
def seeds() -> dict[str, RawDocument]:
    if not SEEDS.is_dir():
        pytest.skip(f"../shared is absent: the sample articles live in {SEEDS}")
    documents = list(read_inputs([str(SEEDS)]))
    assert all(isinstance(doc, RawDocument) for doc in documents), documents
    return {Path(doc.source).name[:3]: doc for doc in documents}


def test_clean_seeds_read_as_the_files_are(seeds):
    for raw in seeds.values():
        assert raw.text == (SEEDS / Path(raw.source).name).read_text(encoding="utf-8")


def test_clean_seeds_date_header_and_titles(seeds):
    assert seeds["000"].published == "2020-05-21" and seeds["000"].published_basis == "header"
    assert seeds["000"].title is None
    assert clean(seeds["000"]).text.startswith("A senior Palestinian official")
    assert seeds["002"].title is not None and seeds["002"].title not in clean(seeds["002"]).text
    assert seeds["002"].published is None
    assert seeds["003"].title is None and seeds["003"].published is None


def test_clean_seeds_standfirst_stays_in_the_body(seeds):
    raw = seeds["002"]
    body = raw.text[body_start(raw.text, raw.title) :]
    standfirst = next(line for line in body.splitlines() if line.strip())
    assert clean(raw).text.startswith(standfirst.strip())


def test_clean_seeds_whole_appeal_and_staff_credit_are_removed(seeds):
    raw = seeds["002"]
    article = clean(raw)
    appeal_start = raw.text.index("Supporting The Times of Israel")
    credit_start = raw.text.index("staff contributed to this report")
    removed = sorted(article.removed, key=lambda span: span.start)
    assert removed[0].reason == "staff credit" and removed[0].start <= credit_start < removed[0].end
    tail = removed[1:]
    assert tail[0].start == appeal_start
    assert raw.text[tail[-1].end :].strip() == ""
    assert tail[-1].end == len(raw.text.rstrip())  # offsets are into the file as it is
    for before, after in zip(tail, tail[1:]):
        assert raw.text[before.end : after.start].strip() == ""
    for phrase in ("Thank you,", "Founding Editor", "Community."):
        assert phrase not in article.text.split("\n\n")[-1]
    assert not any(word in article.text for word in ("Supporting The Times", "paywall", "Thank you,"))


def test_clean_seeds_no_news_paragraph_is_removed(seeds):
    for key, raw in seeds.items():
        article = clean(raw)
        kept = set(article.text.split("\n\n"))
        news = [paragraph.text for paragraph in split_paragraphs(raw.text, body_start(raw.text, raw.title))]
        if key == "002":
            news = news[: next(i for i, text in enumerate(news) if "contributed to this report" in text)]
        assert news and all(text in kept for text in news), key
        if key != "002":
            assert article.removed == ()


def test_clean_seeds_offsets_point_into_the_raw_text(seeds):
    for raw in seeds.values():
        for span in clean(raw).removed:
            assert raw.text[span.start : span.end] == span.text
