"""JSON Lines and CSV readers: one document per row, one failure per bad row."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.ingest import read_bytes, read_inputs
from storyline.models import Failure, RawDocument

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"


def test_ingest_jsonl_fixture_reads_good_rows_and_fails_bad_ones():
    path = str(FIXTURES / "articles.jsonl")
    results = list(read_inputs([path]))
    assert [result.source for result in results] == [f"{path}:{n}" for n in (1, 3, 4, 5, 6)]
    first, second, *bad = results
    assert first == RawDocument(
        source=f"{path}:1",
        text="The city council voted on Monday to extend the night bus service for another year.",
        format="jsonl",
        title="Night buses stay",
        published="2021-02-01",
        published_basis="metadata",
        publisher="Example Gazette",
        url="https://example.org/news/night-buses",
    )
    assert second.publisher == "Town Courier" and second.published == "2021-03-12T18:00:00Z"
    assert all(isinstance(failure, Failure) for failure in bad)
    assert "not valid JSON" in bad[0].reason
    assert "not an object" in bad[1].reason
    assert "no text" in bad[2].reason and "text" in bad[2].reason


def test_ingest_jsonl_html_field_is_extracted():
    page = (
        "<html><body><article><p>The bridge closed on Sunday for repairs that will last "
        "until the end of the month, the transport office said.</p></article></body></html>"
    )
    line = json.dumps({"html": page, "url": "https://example.org/2023/01/08/bridge"}).encode()
    [doc] = read_bytes(line, "crawl.jsonl")
    assert doc.text.startswith("The bridge closed") and doc.published == "2023-01-08"
    assert doc.published_basis == "url"


def test_ingest_jsonl_empty_text_is_a_row_failure():
    [failure] = read_bytes(b'{"text": "   "}\n', "rows.jsonl")
    assert failure == Failure("rows.jsonl:1", "ingest", "row has an empty text field")


def test_ingest_jsonl_oversized_line_is_a_row_failure():
    rows = b'{"text": "short story"}\n{"text": "' + b"x" * 200 + b'"}\n'
    first, second = read_bytes(rows, "rows.jsonl", max_bytes=100)
    assert isinstance(first, RawDocument) and isinstance(second, Failure)
    assert "max_bytes" in second.reason


# Control characters are left out: a field made of them is a binary file.
_field_text = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=200).filter(
    str.strip
)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.fixed_dictionaries({"text": _field_text, "title": _field_text}), min_size=1, max_size=5))
def test_ingest_jsonl_round_trips_text_and_title(rows):
    data = "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows).encode("utf-8")
    docs = list(read_bytes(data, "rows.jsonl", fmt="jsonl"))
    assert [(doc.text, doc.title) for doc in docs] == [(row["text"], row["title"]) for row in rows]


def test_ingest_csv_fixture_reads_every_row():
    path = str(FIXTURES / "articles.csv")
    first, second = read_inputs([path])
    assert first.source == f"{path}:2" and second.source == f"{path}:3"
    assert first.title == "Library reopens" and first.publisher == "Example Gazette"
    assert first.url == "https://example.org/2022/06/04/library"
    assert first.published == "2022-06-04" and first.published_basis == "metadata"
    assert second.published == "June 2022" and second.url is None


def test_ingest_csv_without_text_column_names_expected_columns_once(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text("headline,when\nA,2020-01-01\n", encoding="utf-8")
    [failure] = read_inputs([str(path)])
    assert isinstance(failure, Failure) and failure.source == str(path)
    assert str(path) not in failure.reason  # every caller prints the source before the reason
    assert "text" in failure.reason and "body" in failure.reason
    assert "found: headline, when" in failure.reason


def test_ingest_csv_bad_row_fails_alone(tmp_path):
    path = tmp_path / "rows.csv"
    path.write_text(
        'text,title\n"First story.",One\n"Second, story.",Two,extra\n"Third story\nover two lines.",Three\n,Empty\n',
        encoding="utf-8",
    )
    results = list(read_inputs([str(path)]))
    assert [type(result).__name__ for result in results] == ["RawDocument", "Failure", "RawDocument", "Failure"]
    assert results[1].source == f"{path}:3" and "3 fields" in results[1].reason
    assert results[2].text == "Third story\nover two lines."
    assert results[3].source == f"{path}:6"


def test_ingest_tsv_and_semicolon_csv(tmp_path):
    tsv = tmp_path / "rows.tsv"
    tsv.write_text("title\ttext\nHeadline\tA story, with commas.\n", encoding="utf-8")
    semicolon = tmp_path / "rows.csv"
    semicolon.write_text("title;body\nHeadline;A story, with commas.\n", encoding="utf-8")
    docs = list(read_inputs([str(tsv), str(semicolon)]))
    assert [doc.text for doc in docs] == ["A story, with commas."] * 2


def test_ingest_csv_in_cp1252(tmp_path):
    path = tmp_path / "rows.csv"
    text = "Le préfet a annoncé mercredi la réouverture du marché – “enfin”, a-t-il dit."
    path.write_bytes(('title,text\nMarché,"' + text + '"\n').encode("cp1252"))
    [doc] = read_inputs([str(path)])
    assert doc.text == text


@settings(max_examples=40, deadline=None)
@given(st.lists(_field_text, min_size=1, max_size=4))
def test_ingest_csv_round_trips_quoted_text(texts):
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["id", "text"])
    for number, text in enumerate(texts):
        writer.writerow([number, text])
    docs = list(read_bytes(buffer.getvalue().encode("utf-8"), "rows.csv", fmt="csv"))
    assert [doc.text for doc in docs] == texts


def test_ingest_json_array_file_gives_one_document_per_object(tmp_path):
    path = tmp_path / "export.json"
    path.write_text(
        json.dumps([{"text": "First story."}, "oops", {"body": "Second story."}], indent=2), encoding="utf-8"
    )
    first, bad, second = read_inputs([str(path)])
    assert (first.source, first.text) == (f"{path}#1", "First story.")
    assert isinstance(bad, Failure) and bad.source == f"{path}#2"
    assert second.text == "Second story."


def test_ingest_json_object_with_articles_list_is_read(tmp_path):
    path = tmp_path / "response.dat"
    payload = {
        "status": "ok",
        "articles": [
            {"title": "T", "content": "A story.", "publishedAt": "2023-04-05T06:07:08Z", "source": {"name": "Wire"}}
        ],
    }
    path.write_text(json.dumps(payload, indent=1), encoding="utf-8")
    [doc] = read_inputs([str(path)])
    assert doc.format == "jsonl" and doc.text == "A story." and doc.publisher == "Wire"
    assert doc.published == "2023-04-05T06:07:08Z"


def test_ingest_broken_json_document_is_one_failure(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('[\n {"text": "A story."},\n', encoding="utf-8")
    [failure] = read_inputs([str(path)])
    assert isinstance(failure, Failure) and failure.reason.startswith("not valid JSON")


def test_ingest_input_files_lists_what_read_inputs_reads(tmp_path):
    from storyline.ingest import input_files

    (tmp_path / "d" / "e").mkdir(parents=True)
    (tmp_path / "d" / "e" / "b.txt").write_text("B story.", encoding="utf-8")
    (tmp_path / "d" / "a.txt").write_text("A story.", encoding="utf-8")
    (tmp_path / "d" / ".x.txt").write_text("hidden", encoding="utf-8")
    given = [str(tmp_path / "d"), str(tmp_path / "missing.txt")]
    files = list(input_files(given))
    assert files[:2] == [doc.source for doc in read_inputs(given)][:2]
    assert files[2] == str(tmp_path / "missing.txt")


def test_ingest_jsonl_with_broken_first_line_still_reads_the_rest():
    rows = b'{"text": "unterminated\n{"text": "Second story."}\n[1, 2]\n'
    first, second, third = read_bytes(rows, "rows.jsonl")
    assert isinstance(first, Failure) and first.source == "rows.jsonl:1"
    assert second.text == "Second story."
    assert isinstance(third, Failure) and "not an object" in third.reason


def test_ingest_csv_unclosed_quote_fails_its_rows_instead_of_swallowing_them(tmp_path):
    path = tmp_path / "feed.csv"
    path.write_text(
        "title,text\n"
        'A,"Kenya deported two journalists on Friday."\n'
        'B,"This quote is never closed.\n'
        'C,"Ghana signed a deal with Togo on Monday."\n'
        'D,"Mali expelled an envoy on Tuesday."\n',
        encoding="utf-8",
    )
    results = list(read_inputs([str(path)]))
    # The lenient reader made one article of B and C ("...never closed.\nC,Ghana ...") and said nothing.
    assert [(r.source, getattr(r, "title", None)) for r in results] == [
        (f"{path}:2", "A"),
        (f"{path}:3", None),
        (f"{path}:5", "D"),
    ]
    assert results[1].reason == ("malformed CSV: rows 3-4 are not valid (',' expected after '\"'); check the quoting")


def test_ingest_csv_cut_short_inside_a_quote_fails_the_last_row(tmp_path):
    path = tmp_path / "cut.csv"
    path.write_text('title,text\nA,"Kenya deported two journalists."\nB,"Cut off in the mid', encoding="utf-8")
    first, last = read_inputs([str(path)])
    assert first.title == "A"
    assert last.source == f"{path}:3" and last.reason.startswith("malformed CSV: row is not valid (unexpected end")


def test_ingest_excel_unicode_text_export_named_txt_is_read_as_rows(tmp_path):
    # Excel's "Unicode Text" export: UTF-16, tab-separated, named .txt. It was
    # read as one article holding the whole table.
    path = tmp_path / "sheet.txt"
    path.write_text(
        "title\ttext\tdate\r\nA\tKenya deported two journalists on Friday.\t2021-01-01\r\n"
        "B\tGhana signed a deal with Togo on Monday.\t2021-01-04\r\n",
        encoding="utf-16",
    )
    rows = list(read_inputs([str(path)]))
    assert [(r.source, r.format, r.title, r.published) for r in rows] == [
        (f"{path}:2", "csv", "A", "2021-01-01"),
        (f"{path}:3", "csv", "B", "2021-01-04"),
    ]


def test_ingest_text_file_whose_headline_names_a_column_stays_one_article(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Body, mind and spirit: a festival opens\nThe festival opened on Friday.\n", encoding="utf-8")
    [doc] = read_inputs([str(path)])
    assert doc.format == "text"


def test_ingest_jsonl_text_field_holding_html_is_read_as_paragraphs():
    from storyline.clean import clean

    line = json.dumps(
        {
            "text": "<p>Kenya deported two journalists on Friday, the ministry&#39;s spokesman "
            "said.</p><p>Somalia protested<br>on Saturday.<figure><figcaption>Photo: "
            "AP</figcaption></figure></p>",
            "date": "2024-02-02",
        }
    ).encode()
    [doc] = read_bytes(line, "feed.jsonl")
    # The tags were words of the article and its paragraphs ran together.
    assert clean(doc).text == (
        "Kenya deported two journalists on Friday, the ministry's spokesman said.\n\nSomalia protested on Saturday."
    )


def test_ingest_text_field_with_a_less_than_sign_is_no_markup():
    line = json.dumps({"text": "Inflation stayed < 2% while wages rose > 3%, the bank said."}).encode()
    [doc] = read_bytes(line, "feed.jsonl")
    assert doc.text == "Inflation stayed < 2% while wages rose > 3%, the bank said."
