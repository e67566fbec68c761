"""The plain-text reader: date header, title line, body."""

from __future__ import annotations

import pytest

from storyline.clean import clean
from storyline.ingest.text import body_start, looks_like_title, read_text, split_title

BODY = "The council met on Tuesday to discuss the budget, officials said.\nA vote is expected next week.\n"


def _body(doc) -> str:
    return doc.text[body_start(doc.text, doc.title) :]


def test_ingest_text_keeps_the_whole_file_so_offsets_match_it():
    text = "date 2020-05-21\nA headline for the story\n" + BODY
    doc = read_text(text, "a.txt")
    assert doc.text == text


def test_ingest_text_date_header_on_its_own_line():
    doc = read_text("date 2020-05-21\n" + BODY, "a.txt")
    assert doc.published == "2020-05-21"
    assert doc.published_basis == "header"
    assert _body(doc) == BODY


def test_ingest_text_date_header_sharing_the_first_sentence_line():
    doc = read_text(" date 2020-05-21 " + BODY, "a.txt")
    assert doc.published == "2020-05-21"
    assert _body(doc) == BODY
    assert doc.title is None  # the first line is a sentence, not a headline


def test_ingest_text_date_header_with_colon_and_crlf():
    doc = read_text("Date: 2019-11-02\r\n" + BODY, "a.txt")
    assert doc.published == "2019-11-02" and _body(doc) == BODY


def test_ingest_text_without_header_has_unknown_basis():
    doc = read_text(BODY, "a.txt")
    assert doc.published is None and doc.published_basis == "unknown"


def test_ingest_text_word_date_in_prose_is_not_a_header():
    doc = read_text("Dates 2020-05-21 were set for talks.\n" + BODY, "a.txt")
    assert doc.published is None


def test_ingest_text_title_line_is_kept_out_of_the_body_and_standfirst_stays():
    text = (
        "Council backs budget after long night\nOpposition walks out before the final vote on spending cuts\n\n" + BODY
    )
    doc = read_text(text, "a.txt")
    assert doc.title == "Council backs budget after long night"
    assert _body(doc).startswith("Opposition walks out")
    article = clean(doc)
    assert article.text.startswith("Opposition walks out")
    assert "Council backs budget" not in article.text


def test_ingest_text_leading_blank_line_and_sentence_first_line_means_no_title():
    doc = read_text("\n" + BODY, "a.txt")
    assert doc.title is None and _body(doc) == "\n" + BODY


def test_ingest_text_a_lone_short_line_is_body_not_title():
    assert split_title("Council backs budget\n") == (None, "Council backs budget\n")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Council backs budget after long night", True),
        ("After vote, ministers mull new rules", True),
        ("'Not now,' says mayor of delay", True),
        ("What next for the grain corridor?", True),
        ("Why did the council, after months of debate and two failed votes, finally agree to the plan?", False),
        ("The council met on Tuesday.", False),
        ('He said "no."', False),
        ("LONDON (Wire) —", False),
        ("NAIROBI, Kenya (Wire) _", False),
        ("lowercase start of a line", False),
        ("Word", False),
        ("A " + "very " * 30 + "long line", False),
    ],
)
def test_ingest_text_title_heuristic(line, expected):
    assert looks_like_title(line) is expected


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_lines = st.lists(
    st.one_of(
        st.sampled_from(
            [
                "",
                "date 2020-05-21",
                " date 2021-01-02 The mayor spoke.",
                "Short headline here",
                "A sentence that ends.",
                "Standfirst without a full stop",
            ]
        ),
        st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=40),
    ),
    max_size=6,
)


@settings(max_examples=200, deadline=None)
@given(_lines, st.sampled_from(["\n", "\r\n"]))
def test_ingest_text_never_loses_body_text(lines, newline):
    text = newline.join(lines)
    doc = read_text(text, "a.txt")
    assert doc.text == text
    body = _body(doc)
    assert text.endswith(body)  # header and title come only off the front
    if doc.title is not None:
        # The title comes with its whitespace made plain (a no-break space
        # or a run of spaces becomes one space), so compare the words.
        assert " ".join(doc.title.split()) in " ".join(text.split()) and body.strip()


def test_ingest_text_body_start_skips_only_a_matching_title_line():
    text = "\n  Council  backs budget \nThe council met.\n"
    assert text[body_start(text, "Council backs budget") :] == "The council met.\n"
    assert body_start(text, "Another title") == 0
    assert body_start(text, None) == 0


@pytest.mark.parametrize("header", ["Date: May 21, 2020\n", "date 21 May 2020\r\n", "DATE = 2020-05-21\n"])
def test_ingest_text_date_header_in_other_forms_on_its_own_line(header):
    doc = read_text(header + BODY, "a.txt")
    assert clean(doc).published.value == "2020-05-21"
    assert _body(doc) == BODY


def test_ingest_text_unparseable_date_line_stays_in_the_body():
    doc = read_text("Date night at the museum draws crowds\n" + BODY, "a.txt")
    assert doc.published is None


def test_ingest_text_markdown_heading_is_the_title():
    doc = read_text("# Council backs budget\n\n" + BODY, "a.md")
    assert doc.title == "Council backs budget"
    assert clean(doc).text == BODY.strip().replace("\n", "\n\n")


def test_ingest_text_field_block_gives_the_metadata_and_is_no_body():
    text = (
        "Title: Council backs budget\nDate: 2020-05-21\nSource: Example Wire\n"
        "URL: https://example.org/budget\nAuthor: A. Writer\n\n" + BODY
    )
    doc = read_text(text, "a.txt")
    # The block was body text: "Title:" began the title, the date was lost.
    assert (doc.title, doc.published, doc.published_basis, doc.publisher, doc.url) == (
        "Council backs budget",
        "2020-05-21",
        "header",
        "Example Wire",
        "https://example.org/budget",
    )
    assert _body(doc) == "\n" + BODY


def test_ingest_text_date_line_under_the_title_is_the_date():
    doc = read_text("Council backs budget\nDate: May 21, 2020\n\n" + BODY, "a.txt")
    assert (doc.title, doc.published) == ("Council backs budget", "May 21, 2020")
    assert clean(doc).published.value == "2020-05-21"
    assert _body(doc) == "\n" + BODY


@pytest.mark.parametrize(
    "text", ["Update: talks resumed on Monday.\nThe ministry said more.\n", "Source: a ministry official.\n" + BODY]
)
def test_ingest_text_a_sentence_with_a_colon_is_no_field_block(text):
    doc = read_text(text, "a.txt")
    assert doc.publisher is None and _body(doc).startswith(text.split("\n")[0])
