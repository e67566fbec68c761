"""The plain install (`pip install storyline`, no extras) reads every input
format: what the readers import at run time is declared in pyproject.toml
itself, and CI builds one file of each format from such an install."""

from __future__ import annotations

import re
import tomllib
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def declared_distributions() -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    names = (re.match(r"[A-Za-z0-9_.-]+", spec).group(0) for spec in project["dependencies"])
    return {re.sub(r"[-_.]+", "-", name).lower() for name in names}


def test_ingest_html_cleaner_is_a_declared_dependency():
    # trafilatura imports lxml.html.clean, which lives in lxml_html_clean
    # since lxml 5.2; an extra that happened to pull it in hid its absence
    import lxml.html.clean  # noqa: F401  (the import HTML reading needs)

    providers = metadata.packages_distributions().get("lxml_html_clean", [])
    assert providers, "lxml_html_clean is not installed"
    normalised = {re.sub(r"[-_.]+", "-", name).lower() for name in providers}
    assert normalised & declared_distributions(), "pyproject.toml must list lxml_html_clean itself"


def test_ingest_ci_builds_every_format_from_a_plain_install():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in ci and "scripts/check_plain_install.sh" in ci
    script = (ROOT / "scripts" / "check_plain_install.sh").read_text(encoding="utf-8")
    assert re.search(r'pip install --quiet "\$WORK/source" \|\|', script)  # the package alone, no [extras]
    for name in ("article.txt", "article.html", "articles.jsonl", "articles.csv", "pages.warc.gz"):
        assert name in script.split("for input in", 1)[1].split("\n", 1)[0], name
