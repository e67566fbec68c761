"""Docs that cannot drift: every command, option and setting is documented."""

import re
from pathlib import Path

import click
import pytest

from storyline.cli import cli
from storyline.settings import setting_names

DOCS = Path(__file__).resolve().parents[1] / "docs"


def all_commands(group: click.Group = cli, prefix: str = "storyline"):
    for name, command in sorted(group.commands.items()):
        path = f"{prefix} {name}"
        if isinstance(command, click.Group):
            yield from all_commands(command, path)
        else:
            yield path, command


def section(text: str, heading: str) -> str:
    match = re.search(rf"^## `?{re.escape(heading)}`?\s*$(.*?)(?=^## |\Z)", text, re.M | re.S)
    return match.group(1) if match else ""


@pytest.mark.parametrize("path,command", list(all_commands()), ids=lambda x: x if isinstance(x, str) else "")
def test_docs_every_command_and_option_is_in_the_cli_reference(path, command):
    reference = (DOCS / "cli.md").read_text(encoding="utf-8")
    body = section(reference, path)
    assert body, f"docs/cli.md has no '## {path}' section"
    for param in command.params:
        for opt in getattr(param, "opts", []):
            if opt.startswith("-") and opt not in ("-h", "--help"):
                assert opt in body, f"docs/cli.md: '{path}' does not document {opt}"


@pytest.mark.parametrize("path,command", list(all_commands()), ids=lambda x: x if isinstance(x, str) else "")
def test_docs_every_command_help_ends_with_an_example(path, command):
    assert "Example" in (command.help or ""), f"{path} --help has no example"


def test_docs_every_setting_is_documented():
    text = (DOCS / "settings.md").read_text(encoding="utf-8")
    missing = [name for name in setting_names() if f"`{name}`" not in text]
    assert not missing, f"docs/settings.md does not document {missing}"
