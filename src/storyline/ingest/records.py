"""JSON Lines and CSV: many articles per file, one per line or row.

A bad row becomes one Failure for that row and reading goes on, so one
broken line in a large export never costs the rest of it.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
from collections.abc import Iterator
from typing import BinaryIO

from ..errors import InputError
from ..models import Failure, RawDocument
from .decode import normalise_codec_name, decode_bytes
from .html import read_html
from .markup import has_markup, markup_to_text

# Column names as the common news exports spell them, most specific first.
TEXT_FIELDS = ("text", "body", "content", "maintext", "article", "article_text", "full_text")
HTML_FIELDS = ("html", "raw_html")
TITLE_FIELDS = ("title", "headline")
DATE_FIELDS = (
    "date",
    "published",
    "published_at",
    "publishedat",
    "publish_date",
    "published_date",
    "date_published",
    "datepublished",
    "date_publish",
    "pubdate",
    "pub_date",
    "datetime",
    "timestamp",
)
URL_FIELDS = ("url", "link", "uri")
PUBLISHER_FIELDS = ("source", "publisher", "sitename", "site_name", "outlet", "source_name")

_EXPECTED = "a text column (one of: " + ", ".join(TEXT_FIELDS) + ")"


# A whole-file JSON document must be held in memory, so it gets a bound of
# its own: this many times the per-article limit.
_JSON_DOCUMENT_FACTOR = 20
_ARRAY_KEYS = ("articles", "items", "documents", "data", "results", "records")


def read_jsonl(stream: BinaryIO, source: str, max_bytes: int, head: bytes = b"") -> Iterator[RawDocument | Failure]:
    """JSON Lines; also a whole JSON array of articles, or an object holding
    one under a key such as "articles", which exports often are."""
    if _is_whole_json_document(head):
        yield from _read_json_document(stream, source, max_bytes)
        return
    for line_number, line in enumerate(stream, 1):
        if line_number == 1 and line.startswith(codecs.BOM_UTF8):
            line = line[len(codecs.BOM_UTF8) :]
        if not line.strip():
            continue
        where = f"{source}:{line_number}"
        if len(line) > max_bytes:
            yield Failure(where, "ingest", _too_big(len(line), max_bytes, "line"))
            continue
        try:
            # Without its line break, a line cut short reads as what it is
            # ("Unterminated string"), not as a string holding a newline.
            row = json.loads(line.rstrip(b"\r\n").decode("utf-8"))
        except UnicodeDecodeError:
            yield Failure(where, "ingest", "line is not valid UTF-8; JSON Lines files must be UTF-8")
            continue
        except json.JSONDecodeError as err:
            yield Failure(
                where,
                "ingest",
                f"line is not valid JSON ({_json_problem(err)} at column {err.colno}); "
                "each line must be one JSON object",
            )
            continue
        if not isinstance(row, dict):
            yield Failure(
                where,
                "ingest",
                f"line holds a JSON {type(row).__name__}, not an object; "
                'each line must be one object such as {"text": "..."}',
            )
            continue
        yield _row_document(row, where, "jsonl")


def _json_problem(err: json.JSONDecodeError) -> str:
    """json's message without its dangling "at" ("Unterminated string
    starting at"), since the position follows in our own words."""
    return err.msg.removesuffix(" at")


def _is_whole_json_document(head: bytes) -> bool:
    """A JSON array, or a pretty-printed object, rather than JSON Lines. A
    broken first line of a JSON Lines file must not tip the balance, or one
    bad row would cost all the others."""
    body = head.removeprefix(codecs.BOM_UTF8).lstrip()
    first_line, newline, rest = body.partition(b"\n")
    first_line = first_line.strip()
    if first_line == b"{":
        return True
    if not first_line.startswith(b"["):
        return False
    try:
        json.loads(first_line)
    except ValueError:
        return True
    return not rest.strip()


def _read_json_document(stream: BinaryIO, source: str, max_bytes: int) -> Iterator[RawDocument | Failure]:
    limit = max_bytes * _JSON_DOCUMENT_FACTOR
    data = stream.read(limit + 1)
    if len(data) > limit:
        yield Failure(source, "ingest", _too_big(len(data), limit, "JSON document") + " into JSON Lines")
        return
    try:
        document = json.loads(data.removeprefix(codecs.BOM_UTF8).decode("utf-8"))
    except UnicodeDecodeError:
        yield Failure(source, "ingest", "JSON file is not valid UTF-8; re-save it as UTF-8")
        return
    except json.JSONDecodeError as err:
        yield Failure(
            source,
            "ingest",
            f"not valid JSON ({_json_problem(err)} at line {err.lineno}, column {err.colno}); "
            "give JSON Lines (one object per line) or one JSON array of objects",
        )
        return
    if isinstance(document, dict):
        nested = next((document[key] for key in _ARRAY_KEYS if isinstance(document.get(key), list)), None)
        document = nested if nested is not None else [document]
    if not isinstance(document, list):
        yield Failure(source, "ingest", "JSON file holds neither an object nor an array of objects")
        return
    for index, row in enumerate(document, 1):
        where = f"{source}#{index}"
        if isinstance(row, dict):
            yield _row_document(row, where, "jsonl")
        else:
            yield Failure(where, "ingest", f"array item is a JSON {type(row).__name__}, not an object")


def read_csv(
    stream: BinaryIO, source: str, max_bytes: int, head: bytes, delimiter: str | None = None
) -> Iterator[RawDocument | Failure]:
    encoding = _stream_encoding(head)
    text_stream = io.TextIOWrapper(stream, encoding=encoding, newline="")
    # Articles are longer than csv's default 128 KiB field limit; raising the
    # (process-wide) limit to our own document limit only ever allows more.
    if csv.field_size_limit() < max_bytes:
        csv.field_size_limit(max_bytes)
    try:
        first_line = text_stream.readline()
    except UnicodeDecodeError:
        yield Failure(source, "ingest", f"CSV is not valid {encoding}; re-save it as UTF-8")
        return
    delimiter = delimiter or guess_delimiter(first_line)
    header = next(csv.reader([first_line], delimiter=delimiter), [])
    columns = [name.strip().lower() for name in header]
    if not any(name in columns for name in TEXT_FIELDS + HTML_FIELDS):
        found = ", ".join(name for name in columns if name) or "none"
        yield Failure(
            source, "ingest", f"CSV has no text column; expected a header row with {_EXPECTED} (found: {found})"
        )
        return
    # strict: a stray or unclosed quote is an error for its rows, where the
    # lenient reader made one article of them and the rows after, up to the
    # next quote, with no word said (the rows swallowed were lost silently).
    reader = csv.reader(text_stream, delimiter=delimiter, strict=True)
    row_start = 2
    while True:
        where = f"{source}:{row_start}"
        try:
            values = next(reader)
        except StopIteration:
            return
        except UnicodeDecodeError:
            yield Failure(where, "ingest", f"CSV is not valid {encoding} from here on; re-save it as UTF-8")
            return
        except csv.Error as err:
            last = reader.line_num + 1
            rows = f"rows {row_start}-{last} are" if last > row_start else "row is"
            yield Failure(where, "ingest", f"malformed CSV: {rows} not valid ({err}); check the quoting")
            row_start = reader.line_num + 2
            continue
        row_start = reader.line_num + 2
        if not any(value.strip() for value in values):
            continue
        if len(values) > len(columns):
            yield Failure(
                where,
                "ingest",
                f"row has {len(values)} fields but the header has {len(columns)}; "
                "quote fields that contain the delimiter",
            )
            continue
        if sum(len(value) for value in values) > max_bytes:
            yield Failure(where, "ingest", _too_big(sum(map(len, values)), max_bytes, "row"))
            continue
        yield _row_document(dict(zip(columns, values)), where, "csv")


def guess_delimiter(header_line: str) -> str:
    counts = {delimiter: header_line.count(delimiter) for delimiter in (",", "\t", ";", "|")}
    best = max(counts, key=counts.get)
    return best if counts[best] else ","


def header_has_text_column(header_line: str) -> bool:
    columns = next(csv.reader([header_line], delimiter=guess_delimiter(header_line)), [])
    names = {name.strip().lower() for name in columns}
    return len(columns) >= 2 and bool(names & set(TEXT_FIELDS + HTML_FIELDS))


def _row_document(row: dict, where: str, fmt: str) -> RawDocument | Failure:
    fields = {str(key).strip().lower(): value for key, value in row.items() if key is not None}
    text = _first(fields, TEXT_FIELDS)
    url = _first(fields, URL_FIELDS)
    if text is None:
        html = _first(fields, HTML_FIELDS)
        if html is not None:
            try:
                page = read_html(html, where, url=url, fmt=fmt)
            except InputError as err:
                return Failure(where, "ingest", str(err))
            return _with_row_metadata(page, fields)
        if any(name in fields for name in TEXT_FIELDS + HTML_FIELDS):
            return Failure(where, "ingest", "row has an empty text field")
        names = ", ".join(sorted(fields)) or "none"
        return Failure(where, "ingest", f"row has no text; expected {_EXPECTED} (found: {names})")
    if has_markup(text):
        text = markup_to_text(text)
        if not text:
            return Failure(where, "ingest", "row's text field holds only markup")
    published = _first(fields, DATE_FIELDS)
    return RawDocument(
        source=where,
        text=text,
        format=fmt,
        title=_first(fields, TITLE_FIELDS),
        published=published,
        published_basis="metadata" if published else "unknown",
        publisher=_first(fields, PUBLISHER_FIELDS),
        url=url,
    )


def _with_row_metadata(page: RawDocument, fields: dict) -> RawDocument:
    """Row columns describe the article better than the page's own guesses."""
    from dataclasses import replace

    published = _first(fields, DATE_FIELDS)
    return replace(
        page,
        title=_first(fields, TITLE_FIELDS) or page.title,
        publisher=_first(fields, PUBLISHER_FIELDS) or page.publisher,
        published=published or page.published,
        published_basis="metadata" if published else page.published_basis,
    )


def _first(fields: dict, names: tuple[str, ...]) -> str | None:
    for name in names:
        value = fields.get(name)
        if isinstance(value, dict):  # {"source": {"id": ..., "name": "..."}}
            value = value.get("name") or value.get("title")
        if value is None or isinstance(value, (list, dict, bool)):
            continue
        value = str(value)
        if value.strip():
            return value
    return None


def _stream_encoding(head: bytes) -> str:
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        decoder.decode(head, final=False)  # a character cut at the end of head is fine
        return "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        sample = decode_bytes(head)
    except InputError:
        return "utf-8"
    for candidate in ("cp1252", "latin-1"):
        try:
            if head.decode(candidate) == sample:
                return candidate
        except UnicodeDecodeError:
            continue
    from charset_normalizer import from_bytes

    best = from_bytes(head).best()
    return normalise_codec_name(best.encoding) if best else "utf-8"


def _too_big(size: int, limit: int, what: str) -> str:
    return f"{what} is {size:,} bytes, over the max_bytes limit of {limit:,}; raise max_bytes or split the input"
