"""No input, however broken, makes a reader raise: it yields documents or
failures, and clean() either returns an Article or raises an InputError."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storyline.clean import clean
from storyline.errors import InputError
from storyline.ingest import FORMATS, read_bytes
from storyline.models import Failure, RawDocument

_PIECES = [
    b"WARC/1.0\r\n",
    b"<html>",
    b"<p>",
    b"</p>",
    b"<!doctype html>",
    b'{"text": "',
    b'"}',
    b"\n",
    b"text,title\n",
    b'"',
    b",",
    b"date 2020-05-21 ",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"\x00",
    b"\x1f\x8b",
    b"The council met on Tuesday.",
    b"Share this article",
    b"Thank you,",
    b"\xe9",
    b"\r\n",
    b"[",
    b"]",
]
_inputs = st.one_of(
    st.binary(max_size=300),
    st.lists(st.sampled_from(_PIECES), max_size=25).map(b"".join),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_inputs, st.sampled_from(FORMATS), st.sampled_from(["in.txt", "in.html", "in.jsonl", "in.csv", "in"]))
def test_ingest_fuzz_readers_never_raise(data, fmt, name):
    for result in read_bytes(data, name, fmt=fmt):
        assert isinstance(result, (RawDocument, Failure))
        if isinstance(result, Failure):
            assert result.reason and result.reason.isprintable()
            continue
        try:
            article = clean(result)
        except InputError:
            continue
        assert article.text.strip()
