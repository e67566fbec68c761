"""The words test before each boilerplate cue's search never hides a match."""

import pytest

from storyline.ingest import boilerplate
from storyline.ingest.boilerplate import _CUE_WORDS, _CUES, _needed_words, score_paragraph

PARAGRAPHS = [
    "Support our journalism today.",
    "SUPPORT OUR INDEPENDENT REPORTING",
    "Sign up for our newsletter to get the news in your inbox.",
    "Thank you for reading!",
    "By Ann Lee and Tom Ray, Staff Writers",
    "Become a member now",
    "Donate $5 a month to keep us going.",
    "© 2023 Example Media. All rights reserved.",
    "Share this article",
    "Advertisement",
    "Photo: AP",
    "Read more: the talks in Geneva",
    "Accept all cookies",
    "It is free of charge for readers like you.",
    "The ministry said it would make a donation to the hospital.",
    "ſign up here",  # a long s: re.IGNORECASE reads it as "s", str.lower() does not
    "Talks resumed in Geneva on Tuesday, the foreign ministry said.",
]


def _score_searching_every_cue(text: str) -> dict:
    """score_paragraph as it was before the words test (every cue searched)."""
    saved = boilerplate._CUE_WORDS
    boilerplate._CUE_WORDS = tuple(None for _ in saved)
    try:
        return score_paragraph(text)
    finally:
        boilerplate._CUE_WORDS = saved


@pytest.mark.parametrize("text", PARAGRAPHS)
def test_boilerplate_cue_words_never_hide_a_match(text):
    assert score_paragraph(text) == _score_searching_every_cue(text)


def test_boilerplate_cue_words_are_read_from_the_patterns():
    import re

    assert _needed_words(re.compile(r"\bpaywall\b", re.I)) == ("paywall",)
    assert _needed_words(re.compile(r"\bnewsletters?\b|\binbox\b", re.I)) == ("newsletter", "inbox")
    # nothing of three letters the pattern must contain: searched every time
    assert _needed_words(re.compile(r"^\d{4}\s*©", re.I)) is None
    # most cues get words, so most paragraphs skip most searches
    assert sum(words is not None for words in _CUE_WORDS) > 0.8 * len(_CUES)


def test_boilerplate_cue_words_each_occur_in_what_the_cue_matches():
    samples = {
        r"\bsign up\b": "Please SIGN UP today",
        r"\bfollow us on\b": "Follow us on Mastodon",
        r"\b(?:editing|writing|compiled) by\b": "Editing by Tom Ray",
    }
    for pattern, text in samples.items():
        words = next(w for (p, _, _), w in zip(_CUES, _CUE_WORDS) if p.pattern == pattern)
        assert any(word in text.lower() for word in words)
        assert next(p for p, _, _ in _CUES if p.pattern == pattern).search(text)
