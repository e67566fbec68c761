"""Short cuts in time tagging and dating that must answer exactly as the
long way: the trigram test for officeholders' surnames, and the kept tense
directions of the last document."""

import spacy

from storyline import time as time_module
from storyline.time import _tense_direction, tense_direction
from storyline.time.dating import _contains, _trigrams


def test_trigram_contains_is_plain_substring_test():
    texts = ["", "ab", "abc", "president obama met putin on tuesday", "xi jinping, li keqiang and o'neill"]
    words = ["", "a", "ab", "abc", "obama", "putin", "tuesday", "xi", "li", "o'neill", "neill",
             "keqiang", "jinping,", "bush", "clinton", "ama met", "y"]
    for text in texts:
        grams = _trigrams(text)
        for word in words:
            assert _contains(text, grams, word) == (word in text), (text, word)


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
