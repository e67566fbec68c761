"""`make demo` and `make test` say what they do: the demo names its output
once, and `make test` installs chromium only after saying so, never upgrading
an installed package, and not at all with SKIP_BROWSER=1."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
INSTALL = ROOT / "scripts" / "install_chromium.sh"


def dry_run(*args: str) -> list[str]:
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    done = subprocess.run(["make", "-n", *args], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()


def test_make_demo_names_its_output_once():
    lines = dry_run("demo")
    # `storyline export -o out/demo.json` prints "wrote out/demo.json" itself.
    assert any("export" in line and "-o out/demo.json" in line for line in lines)
    assert not [line for line in lines if line.startswith("echo") and "wrote" in line]


def test_make_test_skip_browser_deselects_browser_tests():
    skipped = [line for line in dry_run("test", "SKIP_BROWSER=1") if "pytest" in line]
    assert skipped and all('-m "not browser"' in line for line in skipped)
    assert not [line for line in dry_run("test") if "pytest" in line and "not browser" in line]
    assert not [line for line in dry_run("test") if "apt-get" in line], "apt-get runs only in the script"


def fake_system(tmp_path: Path, plan: str) -> tuple[dict, Path]:
    """A PATH without chromium whose apt-get prints ``plan`` when simulating
    and logs every call; ``id`` says root."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in ("sh", "awk", "grep", "cat", "printf"):
        found = shutil.which(tool)
        if found:
            (bin_dir / tool).symlink_to(found)
    log = tmp_path / "apt.log"
    (tmp_path / "plan.txt").write_text(plan)
    (bin_dir / "apt-get").write_text(
        f'#!/bin/sh\necho "$*" >> {log}\ncase "$*" in *--simulate*) cat {tmp_path / "plan.txt"};; esac\n'
    )
    (bin_dir / "id").write_text("#!/bin/sh\necho 0\n")
    for name in ("apt-get", "id"):
        (bin_dir / name).chmod(0o755)
    return {"PATH": str(bin_dir), "HOME": str(tmp_path)}, log


def run_install(env: dict, **extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [shutil.which("sh"), str(INSTALL)], env={**env, **extra}, capture_output=True, text=True, timeout=60
    )


NEW_ONLY = (
    "Inst chromium-common (120.0-1 Debian:12 [amd64])\n"
    "Inst chromium (120.0-1 Debian:12 [amd64])\nConf chromium-common\nConf chromium\n"
)


def test_make_install_chromium_says_what_it_installs_first(tmp_path):
    env, log = fake_system(tmp_path, NEW_ONLY)
    done = run_install(env)
    assert done.returncode == 0, done.stderr
    assert "Installing chromium with apt-get: 2 new packages, no upgrades: chromium-common chromium" in done.stdout
    calls = log.read_text().splitlines()
    assert calls[-1].startswith("install -y") and "--no-upgrade" in calls[-1] and calls[-1].endswith("chromium")


def test_make_install_chromium_never_upgrades_an_installed_package(tmp_path):
    env, log = fake_system(tmp_path, "Inst libc6 [2.36-1] (2.36-9 Debian:12 [amd64])\n" + NEW_ONLY)
    done = run_install(env)
    assert done.returncode == 0
    assert "Not installing chromium: it would upgrade installed packages (libc6)" in done.stdout
    assert not [c for c in log.read_text().splitlines() if c.startswith("install") and "--simulate" not in c]


def test_make_install_chromium_skip_browser_installs_nothing(tmp_path):
    env, log = fake_system(tmp_path, NEW_ONLY)
    done = run_install(env, SKIP_BROWSER="1")
    assert done.returncode == 0 and "SKIP_BROWSER=1" in done.stdout
    assert not log.exists()
