"""read_inputs: paths, folders, stdin, format choice and the failure contract."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from storyline.errors import UsageError
from storyline.ingest import read_bytes, read_inputs
from storyline.models import Failure, RawDocument

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
ARTICLE = "The port reopened on Monday after repairs, officials said.\nShips queued overnight.\n"


def _write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_ingest_missing_path_is_a_failure_not_an_exception(tmp_path):
    missing = str(tmp_path / "nope.txt")
    results = list(read_inputs([missing]))
    assert results == [Failure(missing, "ingest", "no such file or folder; check the path")]


def test_ingest_unknown_format_raises_usage_error_at_call_time(tmp_path):
    with pytest.raises(UsageError) as raised:
        read_inputs([str(tmp_path)], fmt="docx")
    assert "docx" in str(raised.value) and "jsonl" in str(raised.value)


def test_ingest_folder_is_recursive_sorted_and_skips_hidden(tmp_path):
    _write(tmp_path / "b.txt", ARTICLE)
    _write(tmp_path / "a.txt", ARTICLE)
    _write(tmp_path / "sub" / "c.txt", ARTICLE)
    _write(tmp_path / ".hidden.txt", ARTICLE)
    _write(tmp_path / ".git" / "d.txt", ARTICLE)
    sources = [Path(doc.source).relative_to(tmp_path).as_posix() for doc in read_inputs([str(tmp_path)])]
    assert sources == ["a.txt", "b.txt", "sub/c.txt"]


def test_ingest_order_is_deterministic_across_runs(tmp_path):
    for name in ("z.txt", "m.txt", "x/y.txt", "x/a.txt"):
        _write(tmp_path / name, ARTICLE)
    first = [doc.source for doc in read_inputs([str(tmp_path)])]
    second = [doc.source for doc in read_inputs([str(tmp_path)])]
    assert first == second and len(first) == 4


def test_ingest_empty_folder_is_a_failure(tmp_path):
    (tmp_path / "empty").mkdir()
    [failure] = read_inputs([str(tmp_path / "empty")])
    assert isinstance(failure, Failure) and "folder holds no articles" in failure.reason


def test_ingest_dash_reads_stdin_bytes():
    stdin = io.BytesIO(("date 2021-04-05\n" + ARTICLE).encode("utf-8"))
    [doc] = read_inputs(["-"], stdin=stdin)
    assert doc.source == "<stdin>"
    assert doc.published == "2021-04-05"
    assert doc.text.startswith("date 2021-04-05\nThe port reopened")


def test_ingest_stdin_jsonl_is_sniffed_and_streamed():
    lines = b"".join(b'{"text": "Story number %d about the harbour."}\n' % n for n in range(3))
    docs = list(read_inputs(["-"], stdin=io.BytesIO(lines)))
    assert [doc.source for doc in docs] == ["<stdin>:1", "<stdin>:2", "<stdin>:3"]
    assert docs[2].text == "Story number 2 about the harbour."


def test_ingest_one_bad_file_does_not_stop_the_others(tmp_path):
    good = _write(tmp_path / "good.txt", ARTICLE)
    bad = _write(tmp_path / "bad.txt", b"")
    results = list(read_inputs([str(bad), str(tmp_path / "missing.txt"), str(good)]))
    assert [type(result) for result in results] == [Failure, Failure, RawDocument]


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("page.dat", "<!DOCTYPE html><html><body><p>x</p></body></html>", "html"),
        ("page.dat", "  <html lang='en'><body><p>x</p></body></html>", "html"),
        ("rows.dat", '{"text": "A story."}\n{"text": "Another."}\n', "jsonl"),
        ("rows.dat", "id,headline,body\n1,A,Some text\n", "csv"),
        ("notes.dat", "Just words, with a comma, in a line.\nMore words.\n", "text"),
        ("crawl.dat", "WARC/1.0\r\nWARC-Type: warcinfo\r\n", "warc"),
    ],
)
def test_ingest_sniffs_format_from_content(tmp_path, name, content, expected):
    from storyline.ingest.sniff import format_from_content

    assert format_from_content(content.encode("utf-8")) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("a.TXT", "text"),
        ("a.htm", "html"),
        ("a.ndjson", "jsonl"),
        ("a.tsv", "csv"),
        ("a.warc.gz", "warc"),
        ("a.unknown", None),
    ],
)
def test_ingest_sniffs_format_from_extension(name, expected):
    from storyline.ingest.sniff import format_from_name

    assert format_from_name(name) == expected


def test_ingest_explicit_format_overrides_the_extension(tmp_path):
    path = _write(tmp_path / "story.html", "No markup here, just a sentence about the port.\n")
    [doc] = read_inputs([str(path)], fmt="text")
    assert doc.format == "text" and doc.text.startswith("No markup here")


def test_ingest_read_bytes_reads_one_in_memory_input():
    [doc] = read_bytes(ARTICLE.encode("utf-8"), "memory.txt")
    assert doc.source == "memory.txt" and doc.format == "text"


def test_ingest_fixture_folder_reads_every_format():
    results = list(read_inputs([str(FIXTURES)]))
    formats = {result.format for result in results if isinstance(result, RawDocument)}
    assert formats == {"csv", "html", "jsonl"}


def test_ingest_text_mode_stdin_is_read_as_bytes():
    stdin = io.TextIOWrapper(io.BytesIO("Le café a rouvert lundi, a dit le maire.".encode("cp1252")), encoding="utf-8")
    [doc] = read_inputs(["-"], stdin=stdin)
    assert doc.text == "Le café a rouvert lundi, a dit le maire."


def test_ingest_unreadable_file_is_a_failure(tmp_path):
    import os

    path = _write(tmp_path / "locked.txt", ARTICLE)
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running with privileges that ignore file permissions")
        [failure] = read_inputs([str(path)])
        assert isinstance(failure, Failure) and "cannot open file" in failure.reason
    finally:
        path.chmod(0o644)


def test_ingest_unexpected_reader_error_becomes_a_failure(tmp_path, monkeypatch):
    import storyline.ingest as ingest

    def explode(text, source):
        raise ValueError("parser bug\nsecond line")

    monkeypatch.setattr(ingest, "read_text", explode)
    bad = _write(tmp_path / "a.txt", ARTICLE)
    good = _write(tmp_path / "b.jsonl", '{"text": "Still read."}\n')
    failure, doc = read_inputs([str(bad), str(good)])
    assert isinstance(failure, Failure) and "ValueError: parser bug second line" in failure.reason
    assert "\n" not in failure.reason
    assert doc.text == "Still read."


def test_ingest_accepts_path_objects_and_refuses_a_bare_string(tmp_path):
    path = _write(tmp_path / "a.txt", ARTICLE)
    [doc] = read_inputs([path])
    assert doc.source == str(path)
    with pytest.raises(UsageError):
        read_inputs(str(path))


def test_ingest_every_failure_reason_is_one_line(tmp_path):
    _write(tmp_path / "empty.txt", b"")
    _write(tmp_path / "blank.txt", "  \n \n")
    _write(tmp_path / "image.png", b"\x89PNG\r\n\x1a\n" + bytes(50))
    _write(tmp_path / "broken.html", "<html><body></body></html>")
    _write(tmp_path / "rows.jsonl", '{"text": \n["x"]\n{"title": "t"}\n')
    _write(tmp_path / "rows.csv", "headline,when\nA,B\n")
    _write(tmp_path / "crawl.warc", "not a warc\n")
    _write(tmp_path / "big.txt", "word " * 50)
    results = list(read_inputs([str(tmp_path), str(tmp_path / "missing")], max_bytes=100))
    failures = [result for result in results if isinstance(result, Failure)]
    assert len(failures) == len(results) == 11
    for failure in failures:
        assert failure.stage == "ingest" and failure.reason.isprintable() and failure.reason.strip()


def test_ingest_empty_stdin_is_named_as_stdin_not_as_a_file():
    [failure] = read_inputs(["-"], stdin=io.BytesIO(b""))
    assert failure.source == "<stdin>"
    assert failure.reason == "standard input is empty; pipe article text into `-`"


def test_ingest_folder_walks_past_the_database_being_built(tmp_path):
    import duckdb

    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    con = duckdb.connect(str(tmp_path / "story.duckdb"))  # as `storyline build . --db story.duckdb`
    try:
        con.execute("CREATE TABLE t (a INTEGER)")
        con.execute("INSERT INTO t VALUES (1)")
        assert (tmp_path / "story.duckdb.wal").exists()
        results = list(read_inputs([str(tmp_path)]))
    finally:
        con.close()
    assert [r.source for r in results] == [str(tmp_path / "a.txt")]
    assert all(not isinstance(r, Failure) for r in results)
    # Named on its own, a database is still refused, and told where it belongs.
    [failure] = read_inputs([str(tmp_path / "story.duckdb")])
    assert "a DuckDB database; a database is given with --db, not as an input" in failure.reason


def test_ingest_folder_of_only_skipped_files_says_what_was_skipped(tmp_path):
    (tmp_path / ".hidden.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "export.csv").write_text("id,date,date_earliest,date_latest,type\n", encoding="utf-8")
    [failure] = read_inputs([str(tmp_path)])
    assert failure.reason == (
        "folder holds no articles (hidden files, databases and storyline's own report and exports are skipped)"
    )
