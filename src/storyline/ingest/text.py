"""Plain-text articles: an optional ``date YYYY-MM-DD`` header, an optional
title line, then the body.

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
    published, end = date_header(text)
    title, _ = split_title(text[end:])
    return RawDocument(
        source=source,
        text=text,
        format="text",
        title=title,
        published=published,
        published_basis="header" if published else "unknown",
    )


def body_start(text: str, title: str | None) -> int:
    """Offset where the article body begins: after a leading date header and
    after a first line that repeats the title (many exports and pages put the
    headline at the top of the text as well as in a title field)."""
    _, start = date_header(text)
    if not title:
        return start
    wanted = " ".join(title.split())
    for match in _LINE.finditer(text, start):
        line = match.group(0)
        if not line.strip():
            if not line:
                break  # the empty match at the very end
            continue
        return match.end() if _title_text(line) == wanted else start
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
    rest = "".join(lines[index + 1:])
    if not rest.strip() or not looks_like_title(candidate):
        return None, text
    return candidate, rest


def _title_text(line: str) -> str:
    return " ".join(_MARKDOWN_HEADING.sub("", line).split())


def looks_like_title(line: str) -> bool:
    words = line.split()
    if not 2 <= len(words) <= _TITLE_MAX_WORDS or len(line) > _TITLE_MAX_CHARS:
        return False
    if _SENTENCE_END.search(line) and not (
        _QUESTION_END.search(line) and len(words) <= _QUESTION_TITLE_MAX_WORDS
    ):
        return False
    first = line.lstrip("\"'“‘«([")[:1]
    return first.isupper() or first.isdigit()
