"""A spaCy component that starts a sentence after every line break.

News text pasted from the web often has headlines and paragraphs without a
final full stop; the small English parser then runs a headline into the
first paragraph and its parse (and every event in it) goes wrong. Add it
before the parser: ``nlp.add_pipe("storyline_line_breaks", before="parser")``.
"""

from __future__ import annotations

from spacy.language import Language


@Language.component("storyline_line_breaks")
def line_breaks(doc):
    for token in doc[:-1]:
        if "\n" in token.text_with_ws:
            following = doc[token.i + 1]
            if not following.is_space:
                following.is_sent_start = True
            elif token.i + 2 < len(doc):
                doc[token.i + 2].is_sent_start = True
    return doc


def with_line_breaks(nlp):
    """``nlp`` with the component added before its parser (once)."""
    if "storyline_line_breaks" not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe("storyline_line_breaks", before="parser")
    return nlp
