"""Plain-text articles: an optional ``date YYYY-MM-DD`` header, an optional
title line, then the body. Hand-made corpora and database exports often open
instead with a block of fields, one per line ("Title: ...", "Date: ...",
"Source: ...", "URL: ..."); such a block gives the metadata and is no body.

The header may stand on its own line or share it with the first sentence
(`` date 2020-05-21 A senior official ...``); either way only the date is
metadata and the rest of the line is body text.

The reader keeps the whole file as ``RawDocument.text`` and reports the
header date and the title as metadata; ``body_start`` tells the cleaner
where the body begins. That way every offset the cleaner records points
into the file as the user has it.
"""

from __future__ import annotations

import re

from ..models import RawDocument
from .dates import parse_publication_date

_DATE_HEADER = re.compile(
    r"\A[ \t]*date[ \t]*[:=]?[ \t]*(?P<date>\d{4}-\d{2}-\d{2}(?:T[0-9:.+\-Z]*)?)(?![\d-])[ \t]*(?:\r\n|\r|\n)?",
    re.I,
)
# On a line of its own the header may use any date form the parser accepts
# ("Date: May 21, 2020"); sharing a line with text it must be ISO, or we
# could not tell where the date ends and the sentence begins.
_DATE_LINE = re.compile(r"\A[ \t]*date[ \t]*[:=]?[ \t]+(?P<date>[^\r\n]+?)[ \t]*(?:\r\n|\r|\n)", re.I)
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
# One line of a field block. Only these names count, so a first sentence
# such as "Update: talks resumed" is never mistaken for metadata.
_FIELD = re.compile(
    r"[ \t]*(?P<key>title|headline|date|published|publication date|source|publisher|publication"
    r"|url|link|author|authors|byline|section|language)[ \t]*:[ \t]*(?P<value>[^\r\n]*?)[ \t]*(?:\r\n|\r|\n|\Z)",
    re.I,
)
_FIELD_KEYS = {
    "title": "title",
    "headline": "title",
    "date": "published",
    "published": "published",
    "publication date": "published",
    "source": "publisher",
    "publisher": "publisher",
    "publication": "publisher",
    "url": "url",
    "link": "url",
}

# A headline is short and ends neither like a sentence nor like a dateline
# ("JERUSALEM (AP) —"). Closing quotes and brackets are looked through, so
# `He said "no."` still ends a sentence.
# A question is a common headline ("What next for the deal?"), so a short
# line may end with a question mark.
_TITLE_MAX_CHARS = 150
_TITLE_MAX_WORDS = 25
_QUESTION_TITLE_MAX_WORDS = 15
_SENTENCE_END = re.compile(r"[.!?;:,…—–_-][\"'”’»)\]]*\s*\Z")
_QUESTION_END = re.compile(r"\?[\"'”’»)\]]*\s*\Z")
# Markdown files mark the headline with "# ".
_MARKDOWN_HEADING = re.compile(r"\A\s*#{1,2}\s+")


def read_text(text: str, source: str) -> RawDocument:
    fields, end = field_block(text)
    if fields:
        published = fields.get("published")
        published = published if parse_publication_date(published) else None
        return RawDocument(
            source=source,
            text=text,
            format="text",
            title=fields.get("title"),
            published=published,
            published_basis="header" if published else "unknown",
            publisher=fields.get("publisher"),
            url=fields.get("url"),
        )
    published, end = date_header(text)
    title, rest = split_title(text[end:])
    if title and not published:
        # "Headline\nDate: March 2, 2020\n\nBody": the date under the title
        # (when a body follows it).
        under, after = date_header(rest)
        published = under if under and rest[after:].strip() else None
    return RawDocument(
        source=source,
        text=text,
        format="text",
        title=title,
        published=published,
        published_basis="header" if published else "unknown",
    )


def field_block(text: str) -> tuple[dict[str, str], int]:
    """The fields of a leading "Key: value" block (two lines or more, blank
    lines before it allowed) and where it ends; ({}, 0) when there is none."""
    fields: dict[str, str] = {}
    position, lines = len(text) - len(text.lstrip("\r\n")), 0
    while True:
        match = _FIELD.match(text, position)
        if not match or match.end() == position:
            break
        key = _FIELD_KEYS.get(" ".join(match["key"].lower().split()))
        if key and match["value"] and key not in fields:
            fields[key] = " ".join(match["value"].split())
        position, lines = match.end(), lines + 1
    return (fields, position) if lines >= 2 else ({}, 0)


def body_start(text: str, title: str | None) -> int:
    """Offset where the article body begins: after a leading date header and
    after a first line that repeats the title (many exports and pages put the
    headline at the top of the text as well as in a title field)."""
    _, start = field_block(text)
    if start:
        return start  # the block gave the title; the body follows it
    header_date, start = date_header(text)
    if not title:
        return start
    wanted = " ".join(title.split())
    for match in _LINE.finditer(text, start):
        line = match.group(0)
        if not line.strip():
            if not line:
                break  # the empty match at the very end
            continue
        if _title_text(line) != wanted:
            return start
        # A date line right under the title is the header too (read_text
        # took its date), unless a leading header already gave one.
        rest = text[match.end() :]
        under, after_date = date_header(rest) if header_date is None else (None, 0)
        return match.end() + (after_date if under and rest[after_date:].strip() else 0)
    return start


def date_header(text: str) -> tuple[str | None, int]:
    """The date a leading ``date ...`` header gives, and where it ends."""
    line = _DATE_LINE.match(text)
    if line and parse_publication_date(line["date"]):
        return line["date"], line.end()
    header = _DATE_HEADER.match(text)
    if header:
        return header["date"], header.end()
    return None, 0


def split_title(text: str) -> tuple[str | None, str]:
    """(title, body) when the first non-blank line reads like a headline and
    more text follows it; (None, text) otherwise."""
    lines = [match.group(0) for match in _LINE.finditer(text)]
    index = 0
    while index < len(lines) and not lines[index].strip():
        index += 1
    if index >= len(lines):
        return None, text
    candidate = _title_text(lines[index])
    rest = "".join(lines[index + 1 :])
    if not rest.strip() or not looks_like_title(candidate):
        return None, text
    return candidate, rest


def _title_text(line: str) -> str:
    return " ".join(_MARKDOWN_HEADING.sub("", line).split())


def looks_like_title(line: str) -> bool:
    words = line.split()
    if not 2 <= len(words) <= _TITLE_MAX_WORDS or len(line) > _TITLE_MAX_CHARS:
        return False
    if _SENTENCE_END.search(line) and not (_QUESTION_END.search(line) and len(words) <= _QUESTION_TITLE_MAX_WORDS):
        return False
    first = line.lstrip("\"'“‘«([")[:1]
    return first.isupper() or first.isdigit()
