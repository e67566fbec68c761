"""Encodings, binary files, empty and oversized inputs."""

from __future__ import annotations

import codecs
import random

import pytest

from storyline.errors import BinaryInputError, DecodeError, EmptyInputError
from storyline.ingest import read_inputs
from storyline.ingest.decode import decode_bytes, sniff_binary_kind
from storyline.models import Failure, RawDocument

SENTENCE = "The café in Zürich reopened – “finally”, said the owner, after a year."
PNG_HEADER = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00"


def _only(results) -> RawDocument | Failure:
    [result] = list(results)
    return result


def _read(tmp_path, name: str, data: bytes, **options) -> RawDocument | Failure:
    path = tmp_path / name
    path.write_bytes(data)
    return _only(read_inputs([str(path)], **options))


@pytest.mark.parametrize(
    "encoded",
    [
        SENTENCE.encode("utf-8"),
        codecs.BOM_UTF8 + SENTENCE.encode("utf-8"),
        codecs.BOM_UTF16_LE + SENTENCE.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + SENTENCE.encode("utf-16-be"),
        codecs.BOM_UTF32_LE + SENTENCE.encode("utf-32-le"),
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "utf32le-bom"],
)
def test_ingest_decode_unicode_encodings(encoded):
    assert decode_bytes(encoded) == SENTENCE


def test_ingest_decode_cp1252_file(tmp_path):
    text = (
        "Le maire a déclaré lundi que la crèche serait rénovée – “une priorité” – "
        "avant l’été, après des mois de débats au conseil municipal.\n"
    )
    doc = _read(tmp_path, "legacy.txt", text.encode("cp1252"))
    assert isinstance(doc, RawDocument)
    assert doc.text == text


def test_ingest_decode_latin1_file(tmp_path):
    text = "Die Brücke über den Fluß wurde am Montag für den Verkehr geöffnet, sagte die Behörde.\n"
    doc = _read(tmp_path, "legacy.txt", text.encode("latin-1"))
    assert isinstance(doc, RawDocument) and doc.text == text


def test_ingest_decode_html_meta_charset_is_honoured():
    page = '<html><head><meta charset="windows-1251"></head><body><p>Москва</p></body></html>'
    assert "Москва" in decode_bytes(page.encode("cp1251"), declared="windows-1251")


def test_ingest_png_is_a_binary_failure_that_names_the_kind(tmp_path):
    failure = _read(tmp_path, "photo.txt", PNG_HEADER + bytes(200))
    assert isinstance(failure, Failure)
    assert failure.reason.startswith("binary file (looks like PNG)")
    assert "\n" not in failure.reason


def test_ingest_random_bytes_are_a_binary_failure(tmp_path):
    noise = random.Random(7).randbytes(4096)
    failure = _read(tmp_path, "noise.bin", noise)
    assert isinstance(failure, Failure) and failure.reason.startswith("binary file")


def test_ingest_nul_bytes_in_text_mean_binary():
    assert sniff_binary_kind(b"hello\x00world") == ""
    assert sniff_binary_kind(b"plain words\r\n\tand tabs") is None


def test_ingest_text_that_starts_like_a_weak_signature_is_still_text():
    assert sniff_binary_kind(b"MZ Holdings said on Monday it would sell the plant.") is None


def test_ingest_binary_check_applies_to_jsonl_too(tmp_path):
    failure = _read(tmp_path, "rows.jsonl", PNG_HEADER + bytes(64))
    assert isinstance(failure, Failure) and "PNG" in failure.reason


@pytest.mark.parametrize("content", [b"", b"   \n\t\r\n  "], ids=["empty", "whitespace"])
def test_ingest_empty_or_whitespace_file_is_a_failure(tmp_path, content):
    failure = _read(tmp_path, "empty.txt", content)
    assert isinstance(failure, Failure) and "empty" in failure.reason


def test_ingest_oversized_file_is_a_failure_with_a_fix(tmp_path):
    failure = _read(tmp_path, "big.txt", b"word " * 100, max_bytes=50)
    assert isinstance(failure, Failure)
    assert "max_bytes" in failure.reason and "500" in failure.reason


def test_ingest_oversized_stdin_is_a_failure():
    import io

    failure = _only(read_inputs(["-"], max_bytes=10, stdin=io.BytesIO(b"word " * 100)))
    assert isinstance(failure, Failure) and "max_bytes" in failure.reason


def test_ingest_undecodable_bom_file_is_a_failure(tmp_path):
    # A UTF-16 byte-order mark followed by an unpaired surrogate.
    failure = _read(tmp_path, "broken.txt", codecs.BOM_UTF16_LE + b"A\x00\x00\xd8B\x00")
    assert isinstance(failure, Failure)
    assert "utf-16" in failure.reason and "UTF-8" in failure.reason


def test_ingest_decode_errors_are_input_errors():
    with pytest.raises(BinaryInputError):
        decode_bytes(PNG_HEADER)
    with pytest.raises(EmptyInputError):
        decode_bytes(b" \n ")
    with pytest.raises(DecodeError):
        decode_bytes(codecs.BOM_UTF32_LE + b"\xff\xff\xff\xff")


def test_ingest_undecodable_high_bytes_are_a_decode_failure(tmp_path):
    rng = random.Random(1)
    gibberish = bytes(rng.randrange(0x80, 0x100) for _ in range(500))
    failure = _read(tmp_path, "mystery.txt", gibberish)
    assert isinstance(failure, Failure)
    assert failure.reason.startswith("could not work out the text encoding")


def test_ingest_decode_cyrillic_legacy_text_is_not_forced_to_cp1252():
    text = "Москва заявила в понедельник, что переговоры продолжатся на следующей неделе."
    assert decode_bytes(text.encode("cp1251")) == text


# Bytes FF FE C3 28 were once "detected" as cp1251 and stored as "яюГ(".
DAMAGED = (
    "“Talks will go on,” the minister said on Monday – after a week’s pause. ".encode("utf-8")
    + b"Officials said on Monday \xff\xfe\xc3( that talks had resumed in Geneva.\n"
)


def test_ingest_decode_mostly_utf8_keeps_utf8_and_warns(tmp_path):
    document = _read(tmp_path, "damaged.txt", DAMAGED)
    assert isinstance(document, RawDocument)
    assert "said on Monday \ufffd\ufffd\ufffd( that talks" in document.text
    assert "“Talks will go on,”" in document.text and "week’s" in document.text
    assert "яю" not in document.text
    [warning] = document.warnings
    assert warning.startswith("not valid UTF-8 in 3 places (first at byte ")
    assert warning.isprintable() and "re-save the file as UTF-8" in warning


def test_ingest_decode_utf8_bom_with_bad_bytes_is_repaired_not_refused(tmp_path):
    document = _read(tmp_path, "bom.txt", codecs.BOM_UTF8 + b"The port reopened \xe9 on Monday.\n")
    assert document.text == "The port reopened \ufffd on Monday.\n"
    assert document.warnings[0].startswith("not valid UTF-8 in 1 place (first at byte 21)")


def test_ingest_decode_legacy_text_is_not_taken_for_damaged_utf8(tmp_path):
    # cp1252 forms no valid multi-byte UTF-8 sequence: still read as cp1252, no warning
    document = _read(tmp_path, "legacy.txt", (SENTENCE + " Déjà vu à Genève.").encode("cp1252"))
    assert document.text.startswith(SENTENCE) and document.warnings == ()


def test_ingest_decode_clean_files_carry_no_warning(tmp_path):
    assert _read(tmp_path, "clean.txt", SENTENCE.encode("utf-8")).warnings == ()
