"""Article text that arrives as an HTML fragment in a JSONL or CSV field.

Feeds and news APIs often put markup in their text field
("<p>Kenya deported ...</p><p>Somalia protested ...</p>"). Read as it is, the
tags become words and the paragraphs run into one another. A field is
treated as markup only when it holds known HTML tags, so a text that merely
uses "<" ("a < b") is left alone.
"""

from __future__ import annotations

import html
import re

_TAG = re.compile(
    r"</?(?:p|br|div|span|a|b|i|u|em|strong|small|sup|sub|h[1-6]|li|ul|ol|blockquote|q|figure|figcaption"
    r"|img|section|article|header|footer|aside|table|tr|td|th|hr|cite|time|abbr)\b[^<>]*>",
    re.I,
)
# Tags whose start or end breaks a paragraph; the rest join words in place.
_BLOCK = re.compile(
    r"</?(?:p|div|h[1-6]|li|ul|ol|blockquote|figure|figcaption|section|article|header"
    r"|footer|aside|table|tr|hr)\b[^<>]*>",
    re.I,
)
# Two line breaks or more end a paragraph; one is a soft break inside it.
_BREAKS = re.compile(r"(?:<br\b[^<>]*>\s*){2,}", re.I)
_DROPPED = re.compile(r"<(script|style|figure|figcaption|aside)\b[^<>]*>.*?</\1\s*>", re.I | re.S)
_BLANK_LINES = re.compile(r"\s*\n\s*(?:\n\s*)*")


def has_markup(text: str) -> bool:
    return _TAG.search(text) is not None


def markup_to_text(text: str) -> str:
    """Paragraphs of the fragment, one per line, with entities decoded."""
    text = _DROPPED.sub(" ", text)  # scripts, captions, asides: not the story
    text = _BREAKS.sub("\n", text)
    text = _BLOCK.sub("\n", text)
    text = re.sub(r"<br\b[^<>]*>", " ", text, flags=re.I)
    text = _TAG.sub("", text)
    text = html.unescape(text)
    return _BLANK_LINES.sub("\n", text).strip()
