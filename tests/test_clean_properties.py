"""Properties of clean() over generated articles."""

from __future__ import annotations

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from storyline.clean import clean
from storyline.errors import EmptyInputError
from storyline.models import RawDocument

NEWS_LINES = [
    "The committee met on Thursday to review the proposal.",
    "Officials said the talks would continue next week.",
    "Residents were told to expect delays on the coastal road",
    "Talks resume Monday.",
    "A spokesperson declined to comment on the report.",
]
BOILERPLATE_LINES = [
    "Support our journalism: become a member for as little as $5 a month.",
    "Readers like you keep this newsroom going. Please make a donation.",
    "Sign up for our newsletter to get stories in your inbox.",
    "Share this article",
    "Related stories",
    "Staff writers contributed to this report.",
    "Thank you,",
    "We use cookies on this website.",
    "Advertisement",
]
SEPARATORS = ["\n", "\n\n", "\r\n", "\r\n\r\n", "  \n \n"]

paragraphs = st.lists(st.sampled_from(NEWS_LINES + BOILERPLATE_LINES), min_size=1, max_size=12)
separators = st.lists(st.sampled_from(SEPARATORS), min_size=12, max_size=12)
noisy_text = st.lists(
    st.sampled_from(list("ab .,:$\n\r\t\u00a0\u2028\u200b") + ["Share", "Advertisement", "Related"]),
    max_size=60,
).map("".join)


def _join(parts: list[str], seps: list[str]) -> str:
    return "".join(part + seps[index] for index, part in enumerate(parts))


def _clean_or_none(text: str):
    try:
        return clean(RawDocument(source="t.txt", text=text, format="text"))
    except EmptyInputError:
        return None


def _check_spans(text: str, article) -> None:
    previous_end = 0
    for span in article.removed:
        assert 0 <= span.start < span.end <= len(text)
        assert text[span.start : span.end] == span.text
        assert span.text == span.text.strip()  # exactly the removed words, no surrounding space
        assert span.start >= previous_end
        previous_end = span.end


@settings(max_examples=300, deadline=None)
@given(paragraphs, separators)
def test_clean_offsets_stay_inside_the_input_and_match_it(parts, seps):
    text = _join(parts, seps)
    article = _clean_or_none(text)
    assume(article is not None)
    _check_spans(text, article)


@settings(max_examples=300, deadline=None)
@given(paragraphs, separators)
def test_clean_every_word_is_kept_or_removed_exactly_once(parts, seps):
    article = _clean_or_none(_join(parts, seps))
    assume(article is not None)
    kept = article.text.split()
    removed = [word for span in article.removed for word in span.text.split()]
    assert sorted(kept + removed) == sorted(" ".join(parts).split())


@settings(max_examples=300, deadline=None)
@given(paragraphs, separators)
def test_clean_recleaning_cleaned_text_is_a_fixed_point(parts, seps):
    article = _clean_or_none(_join(parts, seps))
    assume(article is not None)
    again = clean(RawDocument(source="t.txt", text=article.text, format="text"))
    assert again.text == article.text
    assert again.removed == ()
    assert again.id == article.id


@settings(max_examples=300, deadline=None)
@given(noisy_text)
def test_clean_noisy_text_keeps_the_contract(text):
    article = _clean_or_none(text)
    if article is None:
        return
    _check_spans(text, article)
    assert article.text == article.text.strip() and "\n\n\n" not in article.text
    assert "\r" not in article.text and "\u200b" not in article.text
    assert clean(RawDocument(source="t.txt", text=article.text, format="text")).text == article.text


def test_clean_empty_result_raises_rather_than_returning_nothing():
    with pytest.raises(EmptyInputError):
        clean(RawDocument(source="t.txt", text="Advertisement\r\n\r\nShare this article", format="text"))
