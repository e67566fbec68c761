"""Extraction never fails on odd input, and every record it returns is well formed."""

from __future__ import annotations

import pytest

from storyline.events import extract
from storyline.models import MODALITIES, PLOVER_TYPES, Article

ODD = [
    "",
    "   \n\n  ",
    "\u201c\u201d\u201c",
    "He said. She said. They said it.",
    "Attack! Attack! Attack!",
    "La police a arrêté trois manifestants à Paris.",
    "the the the of of of with with",
    "Israel " * 200,
    "\u201cWe will never accept this,\u201d he said, \u201cnever.\u201d",
    "Kenya, Uganda, Tanzania, Rwanda and Burundi agreed, rejected, condemned and praised.",
]


@pytest.mark.parametrize("text", ODD, ids=range(len(ODD)))
def test_events_robust_odd_input(nlp, text):
    article = Article(id=Article.make_id(text), source="odd", text=text)
    mentions, statements = extract(article, nlp(text), ())
    for m in mentions:
        assert m.type in PLOVER_TYPES and m.modality in MODALITIES
        assert 0 <= m.trigger_start < m.trigger_end <= len(text)
        assert 0 <= m.confidence <= 1 and m.summary
        assert text[m.sentence_start : m.sentence_end] == m.sentence
    for s in statements:
        assert 0 <= s.start < s.end <= len(text) and s.words
