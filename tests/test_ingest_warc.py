"""The WARC reader: HTML responses become articles, the rest is skipped."""

from __future__ import annotations

import io

import pytest

from storyline.ingest import read_inputs
from storyline.models import Failure, RawDocument

ARTICLE_HTML = (
    "<html><head><title>Tram line opens</title></head><body><article>"
    "<p>The new tram line opened on Saturday, carrying its first passengers across the river "
    "to the university district, the transit company said.</p>"
    "<p>Officials expect twenty thousand riders a day once the autumn term starts.</p>"
    "</article></body></html>"
)


def _warc(path, records, gzip: bool) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=gzip)
        for uri, content_type, body, status in records:
            headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers)
            writer.write_record(record)


@pytest.mark.parametrize("gzip", [False, True], ids=["plain", "gzip"])
def test_ingest_warc_reads_html_responses_with_url_dates(tmp_path, gzip):
    path = tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc")
    _warc(
        path,
        [
            ("https://city.example/2024/03/09/tram", "text/html; charset=utf-8", ARTICLE_HTML.encode(), "200 OK"),
            ("https://city.example/logo.png", "image/png", b"\x89PNG\r\n\x1a\n", "200 OK"),
            ("https://city.example/old", "text/html", b"<html></html>", "301 Moved Permanently"),
        ],
        gzip=gzip,
    )
    [doc] = read_inputs([str(path)])
    assert isinstance(doc, RawDocument) and doc.format == "warc"
    assert doc.source == doc.url == "https://city.example/2024/03/09/tram"
    assert doc.published == "2024-03-09" and doc.published_basis == "url"
    assert doc.text.startswith("The new tram line opened")


def test_ingest_warc_is_sniffed_without_extension(tmp_path):
    path = tmp_path / "crawl.bin"
    _warc(path, [("https://city.example/tram", "text/html", ARTICLE_HTML.encode(), "200 OK")], gzip=True)
    [doc] = read_inputs([str(path)])
    assert isinstance(doc, RawDocument) and doc.format == "warc"


def test_ingest_warc_legacy_charset_from_http_header(tmp_path):
    path = tmp_path / "crawl.warc"
    page = ARTICLE_HTML.replace("the river", "the Rhône").encode("cp1252")
    _warc(path, [("https://city.example/tram", "text/html; charset=ISO-8859-1", page, "200 OK")], gzip=False)
    [doc] = read_inputs([str(path)])
    assert "the Rhône" in doc.text


def test_ingest_warc_page_without_text_fails_alone(tmp_path):
    path = tmp_path / "crawl.warc"
    _warc(
        path,
        [
            ("https://city.example/empty", "text/html", b"<html><body></body></html>", "200 OK"),
            ("https://city.example/tram", "text/html", ARTICLE_HTML.encode(), "200 OK"),
        ],
        gzip=False,
    )
    failure, doc = read_inputs([str(path)])
    assert isinstance(failure, Failure) and failure.source == "https://city.example/empty"
    assert isinstance(doc, RawDocument)


def test_ingest_warc_without_html_is_a_failure(tmp_path):
    path = tmp_path / "crawl.warc"
    _warc(path, [("https://city.example/logo.png", "image/png", b"\x89PNG\r\n", "200 OK")], gzip=False)
    [failure] = read_inputs([str(path)])
    assert isinstance(failure, Failure) and "no HTML response" in failure.reason


def test_ingest_invalid_warc_is_a_failure(tmp_path):
    path = tmp_path / "crawl.warc"
    path.write_bytes(b"this is not an archive at all\n" * 3)
    [failure] = read_inputs([str(path)])
    assert isinstance(failure, Failure) and "not a valid WARC" in failure.reason
    assert "\n" not in failure.reason


SECOND_HTML = ARTICLE_HTML.replace("Tram line opens", "Bridge closes").replace(
    "The new tram line opened on Saturday", "The old bridge closed on Sunday"
)


def _two_pages(tmp_path):
    plain = tmp_path / "two.warc"
    _warc(
        plain,
        [
            ("https://city.example/2024/03/09/tram", "text/html", ARTICLE_HTML.encode(), "200 OK"),
            ("https://city.example/2024/03/10/bridge", "text/html", SECOND_HTML.encode(), "200 OK"),
        ],
        gzip=False,
    )
    return plain.read_bytes()


def test_ingest_warc_gzipped_whole_reads_every_page(tmp_path):
    import gzip as gz

    # `gzip crawl.warc` makes one gzip member of the whole archive; warcio
    # stopped after the first page with "not a valid WARC file ()".
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(gz.compress(_two_pages(tmp_path)))
    results = list(read_inputs([str(path)]))
    assert [r.title for r in results] == ["Tram line opens", "Bridge closes"]


def test_ingest_warc_cut_short_keeps_the_pages_before_the_break(tmp_path):
    import gzip as gz

    whole = gz.compress(_two_pages(tmp_path))
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(whole[: len(whole) - 40])
    *pages, failure = read_inputs([str(path)])
    assert [p.title for p in pages] == ["Tram line opens"]
    assert isinstance(failure, Failure) and failure.source == str(path)
    assert failure.reason == "the compressed archive is cut short or damaged after 1 page(s); copy or download it again"
