"""Which reader a file needs: its extension first, then its first bytes."""

from __future__ import annotations

import gzip
import json
import re
import zlib

from .records import header_has_text_column

EXTENSIONS = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".shtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
    ".csv": "csv",
    ".tsv": "csv",
    ".warc": "warc",
    ".warc.gz": "warc",
    ".arc": "warc",
    ".arc.gz": "warc",
}

_HTML_START = re.compile(rb"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.I | re.S)
_HTML_TAGS = re.compile(rb"<(?:body|head|article|p|div|h1)\b", re.I)


def format_from_name(name: str) -> str | None:
    lower = name.lower()
    for extension in sorted(EXTENSIONS, key=len, reverse=True):
        if lower.endswith(extension):
            return EXTENSIONS[extension]
    return None


def looks_like_warc(head: bytes) -> bool:
    if head.startswith(b"\x1f\x8b"):
        head = _gunzip_head(head)
    return head.lstrip().startswith((b"WARC/1.", b"WARC/0."))


def format_from_content(head: bytes) -> str:
    """Guess from the first bytes; "text" when nothing more specific fits."""
    if looks_like_warc(head):
        return "warc"
    body = head.removeprefix(b"\xef\xbb\xbf")
    if _HTML_START.match(body) or (body.lstrip().startswith(b"<") and _HTML_TAGS.search(body[:4096])):
        return "html"
    first_line = next((line for line in body.splitlines() if line.strip()), b"")
    if first_line.strip() in (b"[", b"{") or first_line.lstrip().startswith((b"[{", b"[ {")):
        return "jsonl"  # a whole JSON document; the jsonl reader takes those too
    if first_line.lstrip().startswith(b"{"):
        complete = len(first_line) < len(body.rstrip()) or head is body
        try:
            if isinstance(json.loads(first_line), dict):
                return "jsonl"
        except (ValueError, UnicodeDecodeError):
            if not complete:  # the line is longer than the head we were given
                return "jsonl"
    if header_has_text_column(_first_line_text(head)):
        return "csv"
    return "text"


def is_tab_table(head: bytes) -> bool:
    """A tab-separated table with a text column, as Excel's "Unicode Text"
    export writes it (UTF-16, named .txt)."""
    header = _first_line_text(head)
    return "\t" in header and header_has_text_column(header)


def _first_line_text(head: bytes) -> str:
    encoding = "utf-16" if head.startswith((b"\xff\xfe", b"\xfe\xff")) else "utf-8-sig"
    text = head.decode(encoding, "replace")
    return next((line for line in text.splitlines() if line.strip()), "")


def _gunzip_head(head: bytes) -> bytes:
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 64)
    except (zlib.error, gzip.BadGzipFile):
        return b""
