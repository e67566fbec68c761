"""The HTML reader (trafilatura) and its date fallbacks."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.errors import InputError
from storyline.ingest import read_inputs
from storyline.ingest.html import read_html
from storyline.models import Failure, RawDocument

FIXTURE = Path(__file__).parent / "fixtures" / "ingest" / "harbour_article.html"

PARAGRAPHS = (
    "<p>The water board said on Wednesday that the reservoir had reached its lowest level "
    "in two decades, and asked residents to limit garden watering.</p>"
    "<p>Engineers will inspect the northern dam next month, the board added in a statement "
    "published after an emergency meeting with farmers and local officials.</p>"
)


def _page(head: str = "") -> str:
    return (
        f"<!DOCTYPE html><html><head><title>Reservoir hits record low</title>{head}</head>"
        f"<body><article><h1>Reservoir hits record low</h1>{PARAGRAPHS}</article></body></html>"
    )


def test_ingest_html_fixture_has_text_title_publisher_and_metadata_date():
    [doc] = read_inputs([str(FIXTURE)])
    assert isinstance(doc, RawDocument) and doc.format == "html"
    assert doc.title == "Harbour authority approves new ferry route"
    assert doc.publisher == "Coastal Ledger"
    assert doc.published == "2019-08-14" and doc.published_basis == "metadata"
    assert "ferry route linking the old port" in doc.text
    assert "Advertise with us" not in doc.text and "Sport" not in doc.text


def test_ingest_html_repeated_headline_is_not_body_text():
    from storyline.clean import clean

    doc = read_html(_page(), "page.html")
    assert doc.title == "Reservoir hits record low"
    assert clean(doc).text.startswith("The water board said")


def test_ingest_html_date_falls_back_to_the_url():
    doc = read_html(_page(), "page.html", url="https://news.example/2020/05/21/reservoir-low")
    assert doc.published == "2020-05-21" and doc.published_basis == "url"
    assert doc.url == "https://news.example/2020/05/21/reservoir-low"


def test_ingest_html_without_any_date_has_unknown_basis():
    doc = read_html(_page(), "page.html", url="https://news.example/water/reservoir-low")
    assert doc.published is None and doc.published_basis == "unknown"


@pytest.mark.parametrize("markup", ["<html><body></body></html>", "<<<>>><div", "<html><head><script>x()</script>"])
def test_ingest_html_without_text_raises_input_error(markup):
    with pytest.raises(InputError) as raised:
        read_html(markup, "broken.html")
    assert "no article text" in str(raised.value) or "could not be parsed" in str(raised.value)


def test_ingest_html_broken_file_is_a_failure_in_read_inputs(tmp_path):
    path = tmp_path / "broken.html"
    path.write_text("<html><body><div></div></body></html>", encoding="utf-8")
    [failure] = read_inputs([str(path)])
    assert isinstance(failure, Failure)
    assert failure.reason.startswith("no article text found in the HTML")
    assert "\n" not in failure.reason
