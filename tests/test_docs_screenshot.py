"""The README's picture of the report is made by a script from `make demo`'s
database, so anyone can take it again; the picture is the size it asks for."""

from __future__ import annotations

import re
import struct
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "screenshot_report.sh"


def test_docs_screenshot_is_made_by_a_script_from_the_demo():
    script = SCRIPT.read_text(encoding="utf-8")
    assert "make --no-print-directory demo" in script and "--db demo.duckdb" in script
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--screenshot="):
        assert flag in script, flag
    assert "scripts/screenshot_report.sh" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_docs_screenshot_has_the_size_the_script_asks_for():
    width, height = map(int, re.search(r"--window-size=(\d+),(\d+)", SCRIPT.read_text()).groups())
    png = (ROOT / "docs" / "report.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", png[16:24]) == (width, height)
