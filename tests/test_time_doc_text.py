"""``annotate.doc_text`` keeps the last document's text, which the time and
event stages share; it must never answer with another document's text."""

import gc

import pytest
import spacy

from storyline.annotate import doc_text


def test_doc_text_follows_the_document_asked_about():
    nlp = spacy.blank("en")
    first = nlp("Talks resumed on Monday.\nThey ended Tuesday. ")
    second = nlp("A different article.")
    assert doc_text(first) == first.text
    assert doc_text(first) == first.text
    assert doc_text(second) == second.text
    assert doc_text(first) == first.text


def test_a_new_document_is_never_taken_for_a_dead_one():
    nlp = spacy.blank("en")
    for i in range(50):
        # each document dies at the end of its turn, so its address may be reused
        doc = nlp(f"Article number {i} said so on Friday.")
        assert doc_text(doc) == f"Article number {i} said so on Friday."
        del doc
        gc.collect()


def test_objects_without_text_raise_like_doc_text():
    with pytest.raises(AttributeError):
        doc_text(None)
    with pytest.raises(AttributeError):
        doc_text("plain string")


def test_token_strings_are_the_tokens_own_strings():
    from storyline.annotate import load_pipeline, token_strings

    nlp = load_pipeline()
    for text in (
        "Russia said on Monday it would not extend the deal, according to Reuters.\n\nKyiv condemned the strikes.",
        "",
        "   ",
    ):
        doc = nlp(text)
        words = token_strings(doc)
        assert words.lemma == [t.lemma_ for t in doc]
        assert words.lower == [t.lower_ for t in doc]
        assert words.pos == [t.pos_ for t in doc]
        assert token_strings(doc) is words  # kept for the same document
