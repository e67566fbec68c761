"""Exports: one function per format, each writing to a text or binary stream.

``EXPORTERS`` maps a format name to ``(function, binary)``; the CLI offers
exactly these names, so adding a format is one entry here.
"""

from __future__ import annotations

import json
from typing import IO, Callable

from .contract import export_document
from .exports import EXPORTS as STANDARD_EXPORTS


def export_json(store, out: IO[str]) -> None:
    json.dump(export_document(store), out, ensure_ascii=False, indent=2)
    out.write("\n")


EXPORTERS: dict[str, tuple[Callable, bool]] = {
    "json": (export_json, False),
    **STANDARD_EXPORTS,  # csv, parquet, plover, gdelt, gdelt-csv, timelinejs (views/exports.py)
}
