"""Dating from the corpus: a dated report of the same happening in another
article dates an undated one, unless the text's own bounds allow other
years and its own evidence fits another of them better (another episode of
a recurring act is then likelier)."""

from __future__ import annotations

from datetime import date

from storyline.models import TimeValue
from storyline.time.dating_corpus import _decide_with_corpus, is_corpus_inferred
from storyline.time.grid import Board, _range_mask

HINT = TimeValue(
    "2011-03-12",
    date(2011, 3, 12),
    date(2011, 3, 12),
    "day",
    "inferred",
    evidence=("reports the same happening as 1 dated article",),
)


def test_dating_corpus_hints_date_a_text_without_bounds():
    found = _decide_with_corpus(Board(), [HINT], False)
    assert found is not None and is_corpus_inferred(found) and found.value.startswith("2011-03")


def test_dating_corpus_hints_do_not_bound_a_term_whose_text_leans_to_another_year():
    board = Board()
    term = _range_mask(date(2009, 1, 20), date(2013, 1, 20))
    board.add(term, 2.0, "'Secretary X' held that office 2009-01-20..2013-01-20")
    board.bound_mask(term, "'Secretary X' held that office", "officeholder")
    board.add(_range_mask(date(2012, 1, 1), date(2012, 12, 31)), 0.5, "news writes out this year most")
    assert _decide_with_corpus(board, [HINT], False) is None
    assert not [b for b in board.bounds if b[3] == "corpus_same"]


def test_dating_corpus_hints_date_a_text_whose_bounds_keep_one_year():
    board = Board()
    term = _range_mask(date(2011, 1, 20), date(2011, 6, 30))
    board.add(term, 2.0, "'Secretary X' held that office 2011-01-20..2011-06-30")
    board.bound_mask(term, "'Secretary X' held that office", "officeholder")
    found = _decide_with_corpus(board, [HINT], False)
    assert found is not None and is_corpus_inferred(found)


def test_dating_corpus_hints_date_a_term_the_text_does_not_lean_within():
    board = Board()
    term = _range_mask(date(2009, 1, 20), date(2013, 1, 20))
    board.add(term, 2.0, "'Secretary X' held that office 2009-01-20..2013-01-20")
    board.bound_mask(term, "'Secretary X' held that office", "officeholder")
    found = _decide_with_corpus(board, [HINT], False)
    assert found is not None and found.value.startswith("2011-03")
