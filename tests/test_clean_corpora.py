"""A quality gate on real news text from the public benchmarks in ../shared:
the boilerplate filter must not take news for an appeal, a prompt or a
notice. Wire copy legitimately carries credits, bylines and timestamps."""

from __future__ import annotations

import re
from collections import Counter, OrderedDict
from pathlib import Path

import pytest

from storyline.clean import clean, split_paragraphs
from storyline.models import RawDocument

DATA = Path(__file__).parents[1].parent / "shared/data"
TOLERATED = {"staff credit", "byline", "timestamp line", "photo credit"}
# Removals read by hand and found to be page furniture the corpus kept from
# the web page, not news: (document, reason, first words).
REVIEWED = {("9_6ecb.xml", "follow prompt", "Follow politics on the P-I 's blog at")}
_TOKEN = re.compile(r'<token[^>]*sentence="(\d+)"[^>]*>([^<]*)</token>')


def _tempeval_texts():
    for path in sorted((DATA / "tempeval3").rglob("*.tml")):
        match = re.search(r"<TEXT>(.*?)</TEXT>", path.read_text(encoding="utf-8", errors="replace"), re.S)
        if match:
            yield path.name, re.sub(r"<[^>]+>", "", match.group(1))


def _ecbplus_texts():
    # ECB+ is tokenised: one line per sentence, tokens joined by spaces.
    for path in sorted((DATA / "ecbplus").rglob("*.xml")):
        sentences: OrderedDict[str, list[str]] = OrderedDict()
        for sentence, token in _TOKEN.findall(path.read_text(encoding="utf-8", errors="replace")):
            sentences.setdefault(sentence, []).append(token)
        yield path.name, "\n".join(" ".join(tokens) for tokens in sentences.values())


@pytest.mark.parametrize("corpus", [_tempeval_texts, _ecbplus_texts], ids=["tempeval3", "ecbplus"])
def test_clean_corpora_news_is_not_taken_for_boilerplate(corpus):
    if not DATA.is_dir():
        pytest.skip(f"../shared is absent: the benchmark data lives in {DATA}")
    paragraphs, removed = 0, Counter()
    wrongly_removed = []
    for name, text in corpus():
        if not text.strip():
            continue
        paragraphs += len(split_paragraphs(text))
        for span in clean(RawDocument(source=name, text=text, format="text")).removed:
            removed[span.reason] += 1
            if span.reason not in TOLERATED and not any(
                (name, span.reason) == (doc, reason) and span.text.startswith(words) for doc, reason, words in REVIEWED
            ):
                wrongly_removed.append(f"{name}: {span.reason}: {span.text[:80]}")
    if not paragraphs:
        pytest.skip("corpus not found under ../shared/data")
    assert paragraphs > 1000
    assert wrongly_removed == []
