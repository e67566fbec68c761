#!/usr/bin/env bash
# The plain install a new user gets: `pip install .` (no extras) in a fresh
# venv, then one `storyline build` per input format (txt, html, jsonl, csv,
# warc). Each build must exit 0 and store its article; anything else fails
# loudly. Run by .ci/run after the test suite: the suite's venv has every
# extra installed, so a dependency only an extra pulls in (lxml_html_clean,
# needed by trafilatura for HTML) would pass the tests and fail a user.
#
#   bash scripts/check_plain_install.sh            # PYTHON=python3.11 to choose the interpreter
#
# pip's download cache is used, so a second run is quick.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PYTHON="${PYTHON:-python3}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/storyline-plain.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

fail() { echo "check_plain_install: FAILED: $*" >&2; exit 1; }

echo "check_plain_install: fresh venv in $WORK, pip install . (no extras)"
"$PYTHON" -m venv "$WORK/venv"
VENV_PY="$WORK/venv/bin/python"
"$VENV_PY" -m pip install --quiet --upgrade pip || fail "could not upgrade pip in the fresh venv"
# Installed from a copy holding only what a source distribution holds, so
# the checkout gets no build/ folder and nothing outside src/ is relied on.
mkdir -p "$WORK/source"
cp -r "$ROOT/pyproject.toml" "$ROOT/README.md" "$ROOT/src" "$WORK/source/"
rm -rf "$WORK/source/src/"*.egg-info
"$VENV_PY" -m pip install --quiet "$WORK/source" || fail "pip install . (no extras) did not install"

# One small input per format, written for this check.
IN="$WORK/inputs"
mkdir -p "$IN"
cat > "$IN/article.txt" <<'TXT'
date 2021-02-01
Council extends the night buses

The city council voted on Monday to extend the night bus service for another year, the mayor said.
TXT
cp "$ROOT/tests/fixtures/ingest/harbour_article.html" "$IN/article.html"
cat > "$IN/articles.jsonl" <<'JSONL'
{"text": "Flood barriers along the river were raised on Friday ahead of the storm, officials said.", "date": "2021-03-12", "title": "Barriers raised"}
JSONL
cat > "$IN/articles.csv" <<'CSV'
title,text,date
"Library reopens","The central library reopened on Saturday after a year of repairs, the mayor said.",2022-06-04
CSV
"$VENV_PY" - "$IN/article.html" "$IN/pages.warc.gz" <<'PY' || fail "could not write the WARC input with warcio"
import io
import sys

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

html, out = sys.argv[1], sys.argv[2]
with open(html, "rb") as fh:
    payload = fh.read()
with open(out, "wb") as fh:
    writer = WARCWriter(fh, gzip=True)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
    record = writer.create_warc_record("https://example.org/harbour-ferry", "response",
                                       payload=io.BytesIO(payload), http_headers=headers)
    writer.write_record(record)
PY

for input in article.txt article.html articles.jsonl articles.csv pages.warc.gz; do
    db="$WORK/${input%%.*}-${input#*.}.duckdb"
    if ! "$WORK/venv/bin/storyline" build "$IN/$input" --db "$db" 2> "$WORK/stderr"; then
        cat "$WORK/stderr" >&2
        fail "storyline build $input exited non-zero on the plain install"
    fi
    stored="$("$VENV_PY" -c 'import duckdb, sys; print(duckdb.connect(sys.argv[1], read_only=True).execute("SELECT count(*) FROM articles").fetchone()[0])' "$db")"
    [ "$stored" -ge 1 ] || { cat "$WORK/stderr" >&2; fail "storyline build $input stored no article"; }
    echo "check_plain_install: $input built ($stored article)"
done
echo "check_plain_install: passed (txt, html, jsonl, csv, warc on the plain install)"
