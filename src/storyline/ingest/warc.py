"""WARC archives: every HTML response in the crawl is one article.

Requests, metadata, redirects and non-HTML payloads are normal in a crawl
and are skipped without a failure; only an archive with no usable page at
all is reported.
"""

from __future__ import annotations

import dataclasses
import io
import zlib
from collections.abc import Iterator
from typing import BinaryIO

from ..errors import InputError
from ..models import Failure, RawDocument
from .decode import declared_html_charset, decode_document
from .html import read_html

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(stream: BinaryIO, source: str, max_bytes: int) -> Iterator[RawDocument | Failure]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    pages = 0
    plain, gunzipped = _plain(stream)
    try:
        for number, record in enumerate(ArchiveIterator(plain), 1):
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
                yield Failure(
                    where, "ingest", f"page is over the max_bytes limit of {max_bytes:,} bytes; raise max_bytes"
                )
                continue
            try:
                text, warnings = decode_document(payload, charset or declared_html_charset(payload))
                page = read_html(text, where, url=uri, fmt="warc")
                yield dataclasses.replace(page, warnings=warnings) if warnings else page
            except InputError as err:
                yield Failure(where, "ingest", str(err))
    except ArchiveLoadFailed as err:
        first_line = str(err).splitlines()[0] if str(err).strip() else "unreadable record"
        yield Failure(source, "ingest", f"not a valid WARC file ({first_line}); give a .warc or .warc.gz archive")
        return
    if gunzipped is not None and gunzipped.cut_short:
        # The pages before the break were read and are kept.
        yield Failure(
            source,
            "ingest",
            f"the compressed archive is cut short or damaged after {pages} page(s); copy or download it again",
        )
        return
    if not pages:
        yield Failure(source, "ingest", "WARC archive holds no HTML response records; nothing to read")


def _plain(stream: BinaryIO) -> tuple[BinaryIO, "_Gunzipped | None"]:
    """The archive uncompressed, and the decompressor when there is one. A
    .warc.gz is meant to hold one gzip member per record, which warcio reads;
    a whole WARC gzipped at once (`gzip crawl.warc`) is one member, and warcio
    stopped after its first record with an empty error. Both shapes are
    decompressed here, as a stream."""
    buffered = stream if hasattr(stream, "peek") else io.BufferedReader(stream)
    if buffered.peek(2)[:2] != b"\x1f\x8b":
        return buffered, None
    gunzipped = _Gunzipped(buffered)
    return io.BufferedReader(gunzipped, buffer_size=_CHUNK), gunzipped


_CHUNK = 65536


class _Gunzipped(io.RawIOBase):
    """Gzip members one after another, decompressed as they are read. Unlike
    gzip.GzipFile it hands over everything before a break in a cut-short
    download and then sets ``cut_short``, so the pages before it are kept."""

    def __init__(self, compressed: BinaryIO):
        self._compressed = compressed
        self._inflate = zlib.decompressobj(wbits=31)
        self._fed = False  # has the current member been given any bytes?
        self._pending = b""
        self.cut_short = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        while not self._pending:
            leftover = b""
            if self._inflate.eof:  # one member done; what follows starts the next
                leftover = self._inflate.unused_data
                self._inflate, self._fed = zlib.decompressobj(wbits=31), False
            chunk = leftover or self._compressed.read(_CHUNK)
            if not chunk:
                self.cut_short = self._fed and not self._inflate.eof
                return 0
            self._fed = True
            try:
                self._pending = self._inflate.decompress(chunk)
            except zlib.error:
                self.cut_short = True
                return 0
        count = min(len(buffer), len(self._pending))
        buffer[:count] = self._pending[:count]
        self._pending = self._pending[count:]
        return count


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
