"""kill -9 during a build, then build again: nothing lost, nothing doubled."""

import os
import pty
import re
import select
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
            # The varying line opens the body: at the end it would be cleaned
            # away with a trailing appeal and the copies would de-duplicate.
            text = src.read_text(encoding="utf-8").replace("\n\n", f"\n\nThis is edition {i} of the report.\n\n", 1)
            (folder / f"{i:03d}_{src.name}").write_text(text, encoding="utf-8")
    return copies * len(sources)


def test_pipeline_crash_kill_9_mid_build_then_rebuild(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    expected = make_corpus(corpus, 8)
    db = tmp_path / "crash.duckdb"
    command = [
        sys.executable,
        "-m",
        "storyline",
        "build",
        str(corpus),
        "--db",
        str(db),
        "--set",
        "batch_size=4",
        "--set",
        "write_batch_size=4",
    ]
    # stderr on a pseudo-terminal, so the build prints its progress line;
    # kill it once some batches are committed and others are not.
    master, slave = pty.openpty()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=slave)
    os.close(slave)
    built, seen = 0, b""
    deadline = time.monotonic() + 300
    while proc.poll() is None and time.monotonic() < deadline and built < 12:
        if select.select([master], [], [], 0.5)[0]:
            try:
                seen += os.read(master, 4096)
            except OSError:
                break
            counts = re.findall(rb"(\d+) articles? built", seen)
            built = int(counts[-1]) if counts else 0
    assert proc.poll() is None, "the build finished before it could be killed; make the corpus larger"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    os.close(master)
    with Store(db, read_only=True) as store:  # the file opens after the crash
        partial = store.counts()["articles"]
    assert 12 <= partial < expected

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
