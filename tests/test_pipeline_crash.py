"""kill -9 during a build, then build again: nothing lost, nothing doubled."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from storyline.store import Store

pytestmark = pytest.mark.slow

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def make_corpus(folder: Path, copies: int) -> int:
    sources = sorted(p for p in EXAMPLES.glob("*.txt"))
    for i in range(copies):
        for src in sources:
            text = src.read_text(encoding="utf-8")
            (folder / f"{i:03d}_{src.name}").write_text(f"{text}\nThis is edition {i} of the report.\n",
                                                         encoding="utf-8")
    return copies * len(sources)


def test_pipeline_crash_kill_9_mid_build_then_rebuild(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    expected = make_corpus(corpus, 8)
    db = tmp_path / "crash.duckdb"
    command = [sys.executable, "-m", "storyline", "build", str(corpus), "--db", str(db),
               "--set", "batch_size=4"]
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wal = Path(f"{db}.wal")
    deadline = time.monotonic() + 120
    # Kill once the first batch has been committed, i.e. mid-build.
    while proc.poll() is None and time.monotonic() < deadline and not (wal.exists() and wal.stat().st_size):
        time.sleep(0.05)
    killed_mid_build = proc.poll() is None
    if killed_mid_build:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    if killed_mid_build:
        with Store(db, read_only=True) as store:     # the file opens after the crash
            partial = store.counts()["articles"]
        assert partial < expected

    done = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    with Store(db, read_only=True) as store:
        counts = store.counts()
        assert counts["articles"] == expected
        ids = [row[0] for row in store.iter_rows("SELECT id FROM mentions")]
        assert len(ids) == len(set(ids))
        assert counts["events"] > 0 and not store.links_dirty()
        unlinked = list(store.iter_rows("SELECT count(*) FROM mentions WHERE event_id IS NULL"))[0][0]
        assert unlinked == 0
