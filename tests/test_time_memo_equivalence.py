"""Short cuts in time tagging and dating that must answer exactly as the
long way: the trigram test for officeholders' surnames, and the kept tense
directions of the last document."""

import spacy

from storyline import time as time_module
from storyline.time import _tense_direction, tense_direction
import re
from collections import namedtuple

from storyline.time.dating import _holders_named_in

Holder = namedtuple("Holder", "surname")


def _as_a_word(word: str, text: str) -> bool:
    # not inside another word: no letter or digit on either side
    return re.search(rf"(?<![^\W_]){re.escape(word)}(?![^\W_])", text) is not None


def test_holders_named_are_those_whose_surname_is_a_word_of_the_text_in_order():
    texts = [
        "",
        "ab",
        "abc",
        "president obama met putin on tuesday",
        "xi jinping, li keqiang and o'neill",
        "the foreign minister, however, met obama",
    ]
    words = [
        "",
        "a",
        "ab",
        "abc",
        "obama",
        "putin",
        "tuesday",
        "xi",
        "li",
        "o'neill",
        "neill",
        "keqiang",
        "jinping,",
        "bush",
        "clinton",
        "fore",
        "howe",
        "ama met",
        "y",
        "obama",
        "abc",
    ]
    holders = tuple(Holder(w) for w in words)
    for text in texts:
        assert _holders_named_in(holders, text) == [h for h in holders if _as_a_word(h.surname, text)], text


def test_kept_directions_match_fresh_ones_and_follow_the_document():
    nlp = spacy.blank("en")
    first = nlp("They met on Tuesday and will meet again on Friday.")
    second = nlp("On Friday they will sign; on Tuesday they met.")
    for doc in (first, second, first):
        text = doc.text
        for start in range(0, len(text), 3):
            end = min(len(text), start + 6)
            assert tense_direction(doc, start, end, text) == _tense_direction(doc, start, end, text)
    assert time_module._known_directions(first, first.text) is not None
    # the text is part of the key: another text for the same document is not answered from memory
    assert time_module._known_directions(first, "other text") == {}
