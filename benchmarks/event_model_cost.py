"""What the learned event decider (events/model.py) costs the event stage.

    python benchmarks/event_model_cost.py          # the examples and the seed articles
    python benchmarks/event_model_cost.py --json

The texts are parsed once; then ``events.extract`` runs over all of them
with the packaged model and with none, alternately, best of ``--repeat``
CPU times each. The parse time is printed beside them: the share of a
build's time the model adds is its extra CPU over the parse (the
throughput benchmark's ratio moves by about that much).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from storyline.annotate import load_pipeline  # noqa: E402
from storyline.clean import clean  # noqa: E402
from storyline.events import extract  # noqa: E402
from storyline.events.model import load_model, using  # noqa: E402
from storyline.ingest import read_inputs  # noqa: E402
from storyline.models import RawDocument  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    folders = [str(p) for p in (ROOT / "examples", ROOT.parent / "shared" / "samples" / "seeds") if p.is_dir()]
    articles = [clean(d) for d in read_inputs(folders) if isinstance(d, RawDocument)]
    nlp = load_pipeline()
    started = time.process_time()
    docs = list(nlp.pipe([a.text for a in articles], batch_size=32))
    parse = time.process_time() - started
    model = load_model()

    def run(chosen) -> float:
        started = time.process_time()
        with using(chosen):
            for article, doc in zip(articles, docs):
                extract(article, doc, ())
        return time.process_time() - started

    run(None)  # loads the lexicon, actors and dictionaries once, outside the timing
    without, with_model = [], []
    for _ in range(args.repeat):
        without.append(run(None))
        with_model.append(run(model))
    result = {
        "articles": len(articles),
        "model": model is not None,
        "parse_cpu_s": round(parse, 3),
        "events_cpu_s_without_model": round(min(without), 3),
        "events_cpu_s_with_model": round(min(with_model), 3),
        "added_share_of_parse": round((min(with_model) - min(without)) / parse, 4),
    }
    print(json.dumps(result) if args.json else "\n".join(f"{k:28} {v}" for k, v in result.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
