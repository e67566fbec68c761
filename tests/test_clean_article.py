"""clean(): whitespace, paragraphs, ids, dates and the empty case."""

from __future__ import annotations

from datetime import date

import pytest

from storyline.clean import clean, normalise_whitespace, split_paragraphs
from storyline.errors import EmptyInputError
from storyline.models import Article, RawDocument, TimeValue


def _raw(text: str, **fields) -> RawDocument:
    return RawDocument(source="t.txt", text=text, format="text", **fields)


def test_clean_normalises_line_endings_spaces_and_paragraph_breaks():
    text = "First  paragraph\u00a0here.  \r\nSecond\tone.\r\n\r\n\r\n   Third\u200b one.\rFourth one.\u2028Fifth."
    article = clean(_raw(text))
    assert article.text == "First paragraph here.\n\nSecond one.\n\nThird one.\n\nFourth one.\n\nFifth."


def test_clean_changes_no_words():
    text = "Don’t  re-write “quotes” or e.g. U.S. abbreviations — or 1,000.5 numbers."
    assert clean(_raw(text)).text == " ".join(text.split())


def test_clean_id_is_the_hash_of_the_cleaned_text():
    article = clean(_raw("One story.\n\nTwo lines."))
    assert article.id == Article.make_id("One story.\n\nTwo lines.")
    assert article.id == clean(_raw("  One story.  \r\n\r\nTwo   lines.\n")).id


def test_clean_carries_metadata_through():
    article = clean(_raw("A story.", title="  A   title ", publisher="Gazette", url="https://x.example/a"))
    assert (article.title, article.publisher, article.url, article.source, article.format) == (
        "A title",
        "Gazette",
        "https://x.example/a",
        "t.txt",
        "text",
    )


@pytest.mark.parametrize(
    ("published", "basis", "expected"),
    [
        ("2020-05-21", "header", TimeValue("2020-05-21", date(2020, 5, 21), date(2020, 5, 21), "day", "header")),
        (
            "2021-03-12T18:00:00Z",
            "metadata",
            TimeValue("2021-03-12", date(2021, 3, 12), date(2021, 3, 12), "day", "metadata"),
        ),
        ("June 2022", "metadata", TimeValue("2022-06", date(2022, 6, 1), date(2022, 6, 30), "month", "metadata")),
        ("2024-02", "url", TimeValue("2024-02", date(2024, 2, 1), date(2024, 2, 29), "month", "url")),
        ("05/06/2020", "metadata", None),
        ("last Tuesday", "metadata", None),
        (None, "unknown", None),
    ],
)
def test_clean_published_time_value(published, basis, expected):
    article = clean(_raw("A story.", published=published, published_basis=basis))
    assert article.published == expected


@pytest.mark.parametrize("text", ["", "   \n\n\t ", "Share this article\nAdvertisement"])
def test_clean_raises_empty_input_when_nothing_is_left(text):
    with pytest.raises(EmptyInputError) as raised:
        clean(_raw(text))
    assert "nothing left after cleaning" in str(raised.value)


def test_clean_joins_hard_wrapped_lines_within_paragraphs():
    text = (
        "The regional parliament approved the water bill on Tuesday\n"
        "by a narrow margin, ending months of debate between the\n"
        "coalition partners.\n"
        "\n"
        "Farmers' groups said the new limits would hurt small\n"
        "producers, while environmental groups welcomed them as\n"
        "overdue.\n"
    )
    paragraphs = [paragraph.text for paragraph in split_paragraphs(text)]
    assert paragraphs == [
        "The regional parliament approved the water bill on Tuesday by a narrow margin, "
        "ending months of debate between the coalition partners.",
        "Farmers' groups said the new limits would hurt small producers, "
        "while environmental groups welcomed them as overdue.",
    ]


def test_clean_one_line_paragraphs_are_not_mistaken_for_wrapping():
    text = "A short line\nAnother short line\nA third one\n"
    assert len(split_paragraphs(text)) == 3


def test_clean_normalise_whitespace_is_idempotent():
    once = normalise_whitespace(" a\u00a0\u00a0b\tc\u200bd ")
    assert once == "a b cd" and normalise_whitespace(once) == once


def test_clean_bullet_lists_are_not_mistaken_for_wrapping():
    text = (
        "- Ferries resume on the northern route from Monday\n"
        "- Fares stay at last year's level for residents\n"
        "- A new pier opens in the spring after repairs\n"
        "- The harbour office will publish timetables online\n"
    )
    assert len(split_paragraphs(text)) == 4


def test_clean_dates_an_undated_article_from_its_timestamp_line():
    text = (
        "Updated: May 4, 2013 9:00 AM\nPosted: May 3, 2013 4:59 PM EDT\n"
        "The council met on Friday to approve the budget, officials said."
    )
    article = clean(_raw(text))
    assert article.published.value == "2013-05-03"  # the first publication, not the update
    assert article.published.basis == "header"
    assert article.published.evidence == ("timestamp line: Posted: May 3, 2013 4:59 PM EDT",)
    assert article.text == "The council met on Friday to approve the budget, officials said."


def test_clean_metadata_date_wins_over_a_timestamp_line():
    text = "Published: May 3, 2013\nThe council met on Friday."
    article = clean(_raw(text, published="2013-05-04", published_basis="metadata"))
    assert (article.published.value, article.published.basis) == ("2013-05-04", "metadata")


@pytest.mark.parametrize(
    "line", ["March 2, 2020", "Monday 2 March 2020", "2 March 2020 | 10:32 GMT", "Mon, March 2, 2020 at 10:32 a.m. EST"]
)
def test_clean_bare_date_line_under_the_headline_dates_the_article(line):
    from storyline.ingest import read_bytes

    [raw] = read_bytes(f"Kenya police fire tear gas\n{line}\n\nPolice fired tear gas on Monday.\n".encode(), "a.txt")
    article = clean(raw)
    # The date was kept as text but not used: the article counted as undated.
    assert (article.published.value, article.published.basis) == ("2020-03-02", "header")
    assert article.published.evidence == (f"date line: {line}",)


@pytest.mark.parametrize(
    "text",
    [
        "Kenya police fire tear gas\n02/03/2020\n\nPolice fired tear gas on Monday.\n",  # ambiguous day
        "Kenya police fire tear gas\n\nPolice fired tear gas on Monday.\nMarch 2, 2020\nMore.\n",  # not the first line
        "Kenya police fire tear gas\nMarch 2, 2020 was the day police fired tear gas.\n\nMore text.\n",
    ],
)
def test_clean_other_date_lines_do_not_date_the_article(text):
    from storyline.ingest import read_bytes

    [raw] = read_bytes(text.encode(), "a.txt")
    assert clean(raw).published is None
