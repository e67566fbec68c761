"""Bytes to text: refuse binary files, honour byte-order marks and declared
charsets, prefer UTF-8, and only then guess a legacy encoding.

Guessing comes last because charset detection on short texts is a vote, and
a valid UTF-8 file must never be "detected" as something else.
"""

from __future__ import annotations

import codecs
import re

from ..errors import BinaryInputError, DecodeError, EmptyInputError

# Checked longest first: the UTF-32 LE mark begins with the UTF-16 LE mark.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Leading bytes of common non-text files, so the failure can name the kind.
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"%PDF-", "PDF"),
    (b"PK\x03\x04", "ZIP or Office document"),
    (b"\x1f\x8b", "gzip"),
    (b"\xfd7zXZ\x00", "xz"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip"),
    (b"\x7fELF", "ELF executable"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"\xd0\xcf\x11\xe0", "legacy Office document"),
)

# Short signatures that a text could begin with by chance ("MZ...", "BZh...");
# they only name a file that the byte test already found to be binary.
_WEAK_MAGIC = (
    (b"BZh", "bzip2"),
    (b"RIFF", "RIFF audio/video"),
    (b"MZ", "Windows executable"),
)

_SUPPORTED = "storyline reads text, HTML, JSONL, CSV and WARC"

# Bytes below 0x20 that occur in real text files.
_TEXT_CONTROLS = frozenset(b"\t\n\r\f\v\x1b")

# WHATWG: documents that declare Latin-1 are decoded as windows-1252, because
# that is what browsers do and what the authors' tools actually wrote.
_CHARSET_ALIASES = {
    "iso-8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "iso8859-1": "cp1252",
}

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def is_duckdb_file(data: bytes) -> bool:
    """A DuckDB database (storyline's own output) carries "DUCK" at byte 8."""
    return data[8:12] == b"DUCK"


def sniff_binary_kind(data: bytes) -> str | None:
    """Name the kind of a binary file, "" for unnamed binary, None for text."""
    if is_duckdb_file(data):
        return "a DuckDB database; a database is given with --db, not as an input"
    for bom, _ in _BOMS:
        if data.startswith(bom):
            return None
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    head = data[:8192]
    if not head:
        return None
    controls = sum(1 for byte in head if byte < 0x20 and byte not in _TEXT_CONTROLS)
    if b"\x00" not in head and controls / len(head) <= 0.05:
        return None
    for magic, kind in _WEAK_MAGIC:
        if data.startswith(magic):
            return kind
    return ""


def binary_reason(kind: str) -> str:
    looks = f" (looks like {kind})" if kind else " (contains NUL or control bytes)"
    return f"binary file{looks}; {_SUPPORTED}"


def declared_html_charset(data: bytes) -> str | None:
    """The charset a page declares in a <meta> tag near its top."""
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii", "replace") if match else None


def normalise_codec_name(name: str | None) -> str | None:
    if not name:
        return None
    name = name.strip().lower()
    name = _CHARSET_ALIASES.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_bytes(data: bytes, declared: str | None = None) -> str:
    """Decode one document. Raises an InputError subclass with a one-line fix."""
    return decode_document(data, declared)[0]


def decode_document(data: bytes, declared: str | None = None) -> tuple[str, tuple[str, ...]]:
    """Decode one document: its text, and warnings about what decoding had
    to repair (kept with the article, so the repair is never silent).
    Raises an InputError subclass with a one-line fix."""
    kind = sniff_binary_kind(data)
    if kind is not None:
        raise BinaryInputError(binary_reason(kind))
    text, warnings = _decode(data, declared)
    if not text.strip():
        raise EmptyInputError("empty input (nothing but whitespace); give a file with article text")
    return text, warnings


def _decode(data: bytes, declared: str | None) -> tuple[str, tuple[str, ...]]:
    if data.startswith(codecs.BOM_UTF8):
        # the mark settles the encoding: bad bytes after it are damage, not
        # a sign of another encoding
        repaired = _utf8_with_replacements(data[len(codecs.BOM_UTF8) :], offset=len(codecs.BOM_UTF8))
        if repaired is not None:
            return repaired
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding), ()
            except UnicodeDecodeError as err:
                raise DecodeError(
                    f"file starts with a {encoding} byte-order mark but is not valid {encoding} "
                    f"(byte {err.start + len(bom)}); re-save it as UTF-8"
                ) from None
    codec = normalise_codec_name(declared)
    if codec and codec not in ("utf-8",):
        try:
            return data.decode(codec), ()
        except UnicodeDecodeError:
            pass  # the declaration lies; fall through to UTF-8 and detection
    try:
        return data.decode("utf-8"), ()
    except UnicodeDecodeError:
        pass
    repaired = _utf8_with_replacements(data, offset=0, only_if_mostly_valid=True)
    if repaired is not None:
        return repaired
    return _guess_legacy(data), ()


# A file is taken for UTF-8 with a few damaged bytes when its valid
# multi-byte characters are at least as many as its invalid sequences, or
# when those are rare (one per this many bytes) and some valid ones exist.
# Legacy text (cp1252, cp1251...) almost never forms a valid multi-byte
# sequence, since its accented letters stand between plain ASCII letters;
# a file without any valid one is left to the legacy guess.
_RARE_DAMAGE_BYTES = 1000

_REPLACEMENT_UTF8 = "\ufffd".encode("utf-8")


def _utf8_with_replacements(
    data: bytes,
    offset: int,
    only_if_mostly_valid: bool = False,
) -> tuple[str, tuple[str, ...]] | None:
    """``data`` as UTF-8 with each invalid sequence replaced by U+FFFD, and
    the warning that says so (none when nothing needed repair); None, with
    ``only_if_mostly_valid``, when it is not mostly UTF-8."""
    try:
        return data.decode("utf-8"), ()
    except UnicodeDecodeError as err:
        first_bad = err.start + offset
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count(_REPLACEMENT_UTF8)
    # every non-ASCII character that is no inserted replacement was valid
    valid_multibyte = len(text) - len(text.encode("ascii", "ignore")) - bad
    if only_if_mostly_valid and not (
        valid_multibyte >= bad or (valid_multibyte > 0 and bad * _RARE_DAMAGE_BYTES <= len(data))
    ):
        return None
    places = "1 place" if bad == 1 else f"{bad:,} places"
    return text, (
        f"not valid UTF-8 in {places} (first at byte {first_bad:,}); read as UTF-8 with the bad "
        "bytes replaced by U+FFFD; re-save the file as UTF-8 to keep those characters",
    )


def _guess_legacy(data: bytes) -> str:
    from charset_normalizer import from_bytes

    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        raise DecodeError(
            "could not work out the text encoding (not UTF-8, no known legacy encoding fits); re-save the file as UTF-8"
        )
    # Western text in windows-1252 is by far the most common legacy case, and
    # the detector often ties it with a sibling code page (cp1250, cp1257) that
    # maps the same bytes to other letters; break such ties towards cp1252.
    for match in matches:
        tied = match.chaos <= best.chaos + 0.01
        if tied and "cp1252" in {normalise_codec_name(name) for name in match.could_be_from_charset}:
            try:
                return data.decode("cp1252")
            except UnicodeDecodeError:
                break
    return str(best)
