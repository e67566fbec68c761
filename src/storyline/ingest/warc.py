"""WARC archives: every HTML response in the crawl is one article.

Requests, metadata, redirects and non-HTML payloads are normal in a crawl
and are skipped without a failure; only an archive with no usable page at
all is reported.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from ..errors import InputError
from ..models import Failure, RawDocument
from .decode import declared_html_charset, decode_bytes
from .html import read_html

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(stream: BinaryIO, source: str, max_bytes: int) -> Iterator[RawDocument | Failure]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    pages = 0
    try:
        for number, record in enumerate(ArchiveIterator(stream), 1):
            if record.rec_type not in ("response", "resource"):
                continue
            content_type, charset = _content_type(record)
            if content_type and content_type not in _HTML_TYPES:
                continue
            if record.http_headers is not None:
                status = record.http_headers.get_statuscode()
                if status and not status.startswith("2"):
                    continue
            pages += 1
            uri = record.rec_headers.get_header("WARC-Target-URI")
            where = uri or f"{source}#record{number}"
            payload = record.content_stream().read(max_bytes + 1)
            if len(payload) > max_bytes:
                yield Failure(where, "ingest",
                              f"page is over the max_bytes limit of {max_bytes:,} bytes; raise max_bytes")
                continue
            try:
                text = decode_bytes(payload, charset or declared_html_charset(payload))
                yield read_html(text, where, url=uri, fmt="warc")
            except InputError as err:
                yield Failure(where, "ingest", str(err))
    except ArchiveLoadFailed as err:
        first_line = str(err).splitlines()[0] if str(err) else "unreadable record"
        yield Failure(source, "ingest",
                      f"not a valid WARC file ({first_line}); give a .warc or .warc.gz archive")
        return
    if not pages:
        yield Failure(source, "ingest", "WARC archive holds no HTML response records; nothing to read")


def _content_type(record) -> tuple[str | None, str | None]:
    headers = record.http_headers if record.http_headers is not None else record.rec_headers
    raw = headers.get_header("Content-Type") if headers is not None else None
    if not raw:
        return None, None
    media, _, params = raw.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset":
            charset = value.strip().strip("\"'") or None
    return media.strip().lower(), charset
