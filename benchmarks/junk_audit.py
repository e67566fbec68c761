"""Junk rows on real news the rules were not written on (issue 16: "fewer than 10 %
junk rows on real articles"), laid out for a person to read.

    python benchmarks/junk_audit.py                 # sample A: every event row and statement
    python benchmarks/junk_audit.py --sample B      # the second, fresh sample
    python benchmarks/junk_audit.py --judged FILE   # counts from a reader's judgements

The samples are fixed lists of development documents, chosen before any output
was read (a fixed rule, no picking):

- ECB+ (``../shared/data/ecbplus/ECB+``), development topics only (2, 5, 12, 18,
  21, 23, 34, 35; the split of ``split/ECB_Dev_*``): sample A takes the first
  ``ecbplus`` document of each topic, sample B the first ``ecb`` document of each
  (another seminal event of the same topic, never read while fixing);
- MEANTIME (``../shared/data/meantime/intra-doc_annotation``): sample A takes the
  first 8 documents in sorted order, sample B the next 4.

Each document's tokens are joined back into text (one sentence a line) and go
through the build's own code (``pipeline.analyse_stream``). Every event mention
and statement is printed with a key (document, kind, start offset, type) and its
sentence; the key holds the judged fields, so a row whose type, modality, actors,
speaker, addressees or words change is a new row, read again. A reader marks rows in a judgement file kept outside the repository
(it quotes the text): one line per row, ``KEY<TAB>ok`` or ``KEY<TAB>junk<TAB>cause``;
``--judged`` prints rows, junk and share by cause, and lists rows not yet judged.
The repository keeps document ids and counts only.
"""

from __future__ import annotations

import argparse
import re
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
sys.path.insert(0, str(ROOT / "src"))

ECB_DEV_TOPICS = (2, 5, 12, 18, 21, 23, 34, 35)
ECB_DIR = SHARED / "ecbplus" / "ECB+"
MEANTIME_DIR = SHARED / "meantime" / "intra-doc_annotation"


def sample_paths(sample: str) -> list[Path]:
    if sample == "A":
        ecb = [ECB_DIR / str(t) / f"{t}_1ecbplus.xml" for t in ECB_DEV_TOPICS]
        meantime = sorted(MEANTIME_DIR.rglob("*.xml"))[:8]
    else:
        ecb = [ECB_DIR / str(t) / f"{t}_1ecb.xml" for t in ECB_DEV_TOPICS]
        meantime = sorted(MEANTIME_DIR.rglob("*.xml"))[8:12]
    return ecb + meantime


_NO_SPACE_BEFORE = re.compile(r"^(?:[.,;:!?%)\]}]|'s|'re|'ve|'ll|'d|'m|n't|')$", re.IGNORECASE)
_NO_SPACE_AFTER = {"(", "[", "{", "$", "``", "“"}


def document_text(path: Path) -> str:
    """The document's tokens joined back into text, one sentence a line."""
    sentences: dict[int, list[str]] = {}
    for token in ET.parse(path).getroot().iter("token"):
        sentences.setdefault(int(token.get("sentence")), []).append(token.text or "")
    lines = []
    for number in sorted(sentences):
        out = ""
        for word in sentences[number]:
            if out and not _NO_SPACE_BEFORE.match(word) and out[-1] not in _NO_SPACE_AFTER:
                out += " "
            out += word
        lines.append(out)
    return "\n".join(lines) + "\n"


def analyse(paths: list[Path]):
    from storyline.models import RawDocument
    from storyline.pipeline import analyse_stream, cleaned_articles
    from storyline.settings import Settings

    raws = [RawDocument(source=p.stem, text=document_text(p), format="text") for p in paths]
    failures = []
    out = list(analyse_stream(cleaned_articles(raws, failures.append), Settings(), failures.append))
    for failure in failures:
        print(f"failed: {failure}", file=sys.stderr)
    return out


def rows(analysis) -> list[tuple[str, str]]:
    """(key, text to read) for every event mention and statement of one article."""
    doc = analysis.article.source
    out = []
    for m in analysis.mentions:
        sources = "; ".join(s.name for s in m.sources) or "-"
        targets = "; ".join(t.name for t in m.targets) or "-"
        # a row changed in any judged field is a new row, to be read again
        key = f"{doc}|ev|{m.trigger_start}|{m.type}|{m.modality}|{sources}>{targets}"
        ref = " (reference)" if m.reference else ""
        text = (
            f"{m.type}/{m.cameo}/{m.modality}{ref} trigger={m.trigger!r}\n"
            f"    {sources} -> {targets}\n    S: {' '.join(m.sentence.split())}"
        )
        out.append((key, text))
    body = analysis.article.text
    for s in analysis.statements:
        to = "; ".join(a.name for a in s.addressees)
        key = f"{doc}|st|{s.start}|{s.cameo or '-'}|{s.speaker.name}>{to or '-'}|{len(s.words)}"
        left = body.rfind("\n", 0, s.start) + 1
        right = body.find("\n", s.end)
        context = " ".join(body[left : right if right >= 0 else len(body)].split())
        text = (
            f"STATEMENT {s.kind} cue={s.cue!r} speaker={s.speaker.name}"
            f"{' to=' + to if to else ''}\n    W: {' '.join(s.words.split())[:200]}\n    S: {context[:400]}"
        )
        out.append((key, text))
    return out


def read_judgements(path: Path) -> dict[str, tuple[str, str]]:
    judged = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and "|" in parts[0]:
            judged[parts[0].strip()] = (parts[1].strip(), parts[2].strip() if len(parts) > 2 else "")
    return judged


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sample", choices=("A", "B"), default="A")
    parser.add_argument("--judged", type=Path, help="a judgement file: KEY<TAB>ok|junk<TAB>cause")
    args = parser.parse_args(argv)
    paths = sample_paths(args.sample)
    missing = [p for p in paths if not p.is_file()]
    if missing:
        print(f"skipped: {missing[0]} is absent (clone the project next to ../shared)", file=sys.stderr)
        return 0
    all_rows = [r for analysis in analyse(paths) for r in rows(analysis)]
    if args.judged is None:
        for key, text in all_rows:
            print(f"{key}\n    {text}\n")
        print(f"{len(all_rows)} rows from {len(paths)} documents")
        return 0
    judged = read_judgements(args.judged)
    causes: Counter = Counter()
    junk = unjudged = 0
    for key, text in all_rows:
        verdict = judged.get(key)
        if verdict is None:
            unjudged += 1
            print(f"NOT JUDGED {key}\n    {text}\n")
        elif verdict[0] == "junk":
            junk += 1
            causes[verdict[1] or "unstated"] += 1
    kinds = Counter(key.split("|")[1] for key, _ in all_rows)
    share = junk / len(all_rows) if all_rows else 0.0
    print(
        f"rows {len(all_rows)} (events {kinds['ev']}, statements {kinds['st']}), junk {junk} ({share:.1%}), unjudged {unjudged}"
    )
    for cause, n in causes.most_common():
        print(f"  {cause}: {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
