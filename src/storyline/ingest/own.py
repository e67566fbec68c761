"""Storyline's own outputs, recognised so they are never read back as articles.

Someone who builds a folder, writes the report or an export into it and
builds the folder again must not get the report's summaries coded as a new
article reporting every event (it counted as one more source for each), nor
a failure for every export. Each output is known by how it begins, which
storyline itself decides, so no article can be mistaken for one.
"""

from __future__ import annotations

import re

#: How each output starts (after a BOM or leading whitespace), and its name.
_STARTS: tuple[tuple[re.Pattern[bytes], str], ...] = (
    (re.compile(rb'<meta name="generator" content="storyline[ "]'), "HTML page (report or web app)"),
    (re.compile(rb'\A\{\s*"articles": \[\s*(?:\]|\{\s*"id": "ar_)'), "JSON export"),
    (re.compile(rb'\A\{\s*"title": \{\s*"text": \{\s*"headline": "storyline"'), "TimelineJS export"),
    (re.compile(rb'\A\{"id": "ev_'), "event export (PLOVER or timeline JSON lines)"),
    (re.compile(rb"\Aid,date,(?:date_earliest,date_latest|value,earliest,latest),"), "CSV export"),
    (re.compile(rb"\AGLOBALEVENTID[\t,]SQLDATE[\t,]"), "GDELT-like export"),
)
_REPORT_HEAD = 2048  # the report's generator tag comes before its styles


def own_output_kind(head: bytes) -> str | None:
    """The kind of storyline output ``head`` (a file's first bytes) begins, or None."""
    body = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    for pattern, kind in _STARTS:
        if pattern.search(body[:_REPORT_HEAD] if kind.startswith("HTML") else body):
            return kind
    return None
