"""The ingest stage: paths in, decoded documents (or failures) out.

``read_inputs`` never raises for a bad input: a missing path, a binary file
or a broken row becomes a ``Failure`` record and the next input is read. It
raises only for misuse (an unknown format name).

``max_bytes`` limits one document: a text or HTML file, one JSONL line, one
CSV row, one WARC page. Collections are streamed, so a large export is fine.
"""

from __future__ import annotations

import dataclasses
import io
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from ..errors import InputError, UsageError
from ..models import Failure, RawDocument
from .decode import binary_reason, declared_html_charset, decode_document, is_duckdb_file, sniff_binary_kind
from .html import read_html
from .own import own_output_kind
from .records import read_csv, read_jsonl
from .sniff import format_from_content, format_from_name, is_tab_table, looks_like_warc
from .text import read_text
from .warc import read_warc

FORMATS = ("auto", "text", "html", "jsonl", "csv", "warc")
STDIN_SOURCE = "<stdin>"
_HEAD_BYTES = 65536

__all__ = ["FORMATS", "read_inputs", "read_bytes", "input_files"]


def read_inputs(
    paths: Sequence[str], fmt: str = "auto", max_bytes: int = 5_000_000, stdin: BinaryIO | None = None
) -> Iterator[RawDocument | Failure]:
    """Read files, folders (recursively, sorted, hidden entries skipped) and
    ``-`` (standard input, as bytes) into RawDocuments, in a fixed order."""
    if fmt not in FORMATS:
        raise UsageError(f"unknown input format {fmt!r}; use one of {', '.join(FORMATS)}")
    if max_bytes <= 0:
        raise UsageError(f"max_bytes must be a positive number of bytes, got {max_bytes}")
    if isinstance(paths, (str, bytes, os.PathLike)):
        raise UsageError("read_inputs expects a list of paths, not a single path")
    return _one_line_failures(_read_all([os.fspath(path) for path in paths], fmt, max_bytes, stdin))


def read_bytes(
    data: bytes, source: str, fmt: str = "auto", max_bytes: int = 5_000_000
) -> Iterator[RawDocument | Failure]:
    """Read one in-memory input, for callers that already hold the bytes."""
    if fmt not in FORMATS:
        raise UsageError(f"unknown input format {fmt!r}; use one of {', '.join(FORMATS)}")
    return _one_line_failures(_read_stream(io.BytesIO(data), source, fmt, max_bytes, size=len(data)))


def _one_line_failures(results: Iterator[RawDocument | Failure]) -> Iterator[RawDocument | Failure]:
    """Failure reasons are shown and stored as one line; messages from
    libraries (lxml, warcio, json) sometimes span several."""
    for result in results:
        if isinstance(result, Failure) and not result.reason.isprintable():
            # Whitespace runs become one space; other control characters (a
            # header of NULs quoted back to the user) are shown escaped.
            reason = "".join(
                char if char.isprintable() else char.encode("unicode_escape").decode("ascii")
                for char in " ".join(result.reason.split())
            )
            result = Failure(result.source, result.stage, reason)
        yield result


def _read_all(paths: list[str], fmt: str, max_bytes: int, stdin: BinaryIO | None) -> Iterator[RawDocument | Failure]:
    for given in paths:
        if given == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            # A text-mode stream would already have guessed an encoding;
            # take its bytes so the same detection applies as for files.
            stream = getattr(stream, "buffer", stream) if isinstance(stream, io.TextIOBase) else stream
            yield from _read_stream(stream, STDIN_SOURCE, fmt, max_bytes, size=None)
            continue
        path = Path(given)
        if path.is_dir():
            files = list(_walk(path))
            if not files:
                yield Failure(
                    given,
                    "ingest",
                    "folder holds no articles (hidden files, databases and "
                    "storyline's own report and exports are skipped)",
                )
            for file in files:
                yield from _read_file(file, str(file), fmt, max_bytes)
        elif path.exists():
            yield from _read_file(path, given, fmt, max_bytes)
        else:
            yield Failure(given, "ingest", "no such file or folder; check the path")


def input_files(paths: Sequence[str]) -> Iterator[str]:
    """The files ``read_inputs`` would read, in its order: folders expanded,
    other paths (files, missing paths) passed through so that reading them
    reports the same failures. Lets a distributed build hand out one file per
    task."""
    for given in paths:
        path = Path(given)
        if path.is_dir() and given != "-":
            files = [str(f) for f in _walk(path)]
            yield from files if files else [given]
        else:
            yield given


def _walk(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(name for name in dirs if not name.startswith("."))
        heads = {name: _head(Path(root) / name) for name in files if not name.startswith(".")}
        databases = {name for name, head in heads.items() if is_duckdb_file(head)}
        for name in sorted(heads):
            if name in databases or _is_database_log(name, databases) or own_output_kind(heads[name]):
                # `storyline build . --db story.duckdb` walks past its own
                # database and write-ahead log, and the report and exports
                # written next to them: they are no articles (the report was
                # read as one more source for every event it lists).
                continue
            yield Path(root) / name


def _head(path: Path) -> bytes:
    try:
        with path.open("rb") as fh:
            return fh.read(2048)
    except OSError:
        return b""  # reading it later reports the problem


def _is_database_log(name: str, databases: set[str]) -> bool:
    return name.endswith(".wal") and name[: -len(".wal")] in databases


def _read_file(path: Path, source: str, fmt: str, max_bytes: int) -> Iterator[RawDocument | Failure]:
    try:
        size = path.stat().st_size
        stream = path.open("rb")
    except OSError as err:
        yield Failure(source, "ingest", f"cannot open file ({err.strerror or err}); check its permissions")
        return
    with stream:
        yield from _read_stream(stream, source, fmt, max_bytes, size=size)


def _read_stream(
    stream: BinaryIO, source: str, fmt: str, max_bytes: int, size: int | None
) -> Iterator[RawDocument | Failure]:
    try:
        head = stream.read(_HEAD_BYTES)
    except OSError as err:
        yield Failure(source, "ingest", f"cannot read input ({err.strerror or err})")
        return
    if not head:
        if source == STDIN_SOURCE:
            yield Failure(source, "ingest", "standard input is empty; pipe article text into `-`")
        else:
            yield Failure(source, "ingest", "empty file; give a file with article text")
        return
    own = own_output_kind(head)
    if own:
        yield Failure(
            source, "ingest", f"this is storyline's own {own}, not an article; build from the articles it was made from"
        )
        return
    if fmt == "auto":
        fmt = format_from_name(source) or format_from_content(head)
        if fmt == "text" and is_tab_table(head):
            fmt = "csv"  # a spreadsheet saved as .txt is its rows, not one article
    if fmt == "warc" and not looks_like_warc(head):
        yield Failure(
            source,
            "ingest",
            "not a valid WARC file (no WARC/1.x header at the start); give a .warc or .warc.gz archive",
        )
        return
    if fmt != "warc":
        kind = sniff_binary_kind(head)
        if kind is not None:
            yield Failure(source, "ingest", binary_reason(kind))
            return
    body = _rejoin(head, stream)
    try:
        if fmt == "jsonl":
            yield from read_jsonl(body, source, max_bytes, head)
        elif fmt == "csv":
            delimiter = "\t" if source.lower().endswith(".tsv") else None
            yield from read_csv(body, source, max_bytes, head, delimiter)
        elif fmt == "warc":
            yield from read_warc(body, source, max_bytes)
        else:
            yield _read_single(body, source, fmt, max_bytes, size)
    except InputError as err:
        yield Failure(source, "ingest", str(err))
    except OSError as err:
        yield Failure(source, "ingest", f"cannot read input ({err.strerror or err})")
    except Exception as err:  # noqa: BLE001 - a parser bug on one file must not end a batch
        detail = " ".join(str(err).split())[:200]
        yield Failure(
            source,
            "ingest",
            f"unexpected error while reading this {fmt} input ({type(err).__name__}: {detail}); "
            "please report it with the file",
        )


def _read_single(stream: BinaryIO, source: str, fmt: str, max_bytes: int, size: int | None) -> RawDocument | Failure:
    if size is not None and size > max_bytes:
        return Failure(source, "ingest", _oversized(size, max_bytes))
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        return Failure(source, "ingest", _oversized(None, max_bytes))
    if fmt == "html":
        text, warnings = decode_document(data, declared_html_charset(data))
        document = read_html(text, source, url=source if "://" in source else None)
    else:
        text, warnings = decode_document(data)
        document = read_text(text, source)
    return dataclasses.replace(document, warnings=warnings) if warnings else document


def _oversized(size: int | None, limit: int) -> str:
    actual = f"{size:,} bytes" if size is not None else "larger"
    return (
        f"input is {actual}, over the max_bytes limit of {limit:,}; "
        "raise max_bytes (--set max_bytes=...) or split the file"
    )


class _Rejoined(io.RawIOBase):
    """The bytes already read for sniffing, followed by the rest of the stream,
    so sniffing works on pipes that cannot seek back."""

    def __init__(self, head: bytes, rest: BinaryIO):
        self._head = head
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self._head:
            count = min(len(buffer), len(self._head))
            buffer[:count] = self._head[:count]
            self._head = self._head[count:]
            return count
        chunk = self._rest.read(len(buffer))
        buffer[: len(chunk)] = chunk
        return len(chunk)


def _rejoin(head: bytes, rest: BinaryIO) -> BinaryIO:
    return io.BufferedReader(_Rejoined(head, rest))
