"""Time of ``newstrace brief N`` as a user runs it: building the brief against reusing the stored one.

    .venv/bin/python benchmarks/brief_reuse.py [--runs 3] [--format md]

The story: the ferry story of ``examples/corpus`` (its largest, seven articles), ingested into a fresh
temporary SQLite store by ``newstrace analyze`` (not timed), which also stores the brief. Each figure is
the median wall time of ``--runs`` fresh ``newstrace`` processes, run alternately, so both include
process start and imports:

- baseline: ``newstrace brief N --rebuild`` (loads the NER and MiniLM models, builds the brief, stores it);
- stored: ``newstrace brief N`` (reads the stored brief back; no model is loaded).

Both outputs are compared byte for byte.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent / "examples" / "corpus"


def _newstrace(db: Path, *args: str) -> tuple[float, str]:
    """Run the CLI in a fresh process; returns (wall seconds, stdout)."""
    # The console script next to this interpreter: what a user types.
    command = [str(Path(sys.executable).parent / "newstrace"), "--db", str(db), *args]
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    return time.perf_counter() - started, done.stdout


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="fresh processes per variant (median)")
    parser.add_argument("--format", default="md", choices=["md", "html", "json"])
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "store.db"
        _newstrace(db, "analyze", str(CORPUS), "--out", str(Path(tmp) / "out"))
        _, listing = _newstrace(db, "stories", "--json")
        story = max(json.loads(listing), key=lambda s: len(s["articles"]))
        story_id = str(story["id"])
        rebuild: list[float] = []
        stored: list[float] = []
        outputs: set[str] = set()
        for _ in range(args.runs):
            seconds, text = _newstrace(db, "brief", story_id, "--format", args.format, "--rebuild")
            rebuild.append(seconds)
            outputs.add(text)
            seconds, text = _newstrace(db, "brief", story_id, "--format", args.format)
            stored.append(seconds)
            outputs.add(text)

    build_s, reuse_s = statistics.median(rebuild), statistics.median(stored)
    size = len(story["articles"])
    print(f"story {story_id}: {size} articles, --format {args.format}, {args.runs} runs each")
    print(f"{'variant':<28}{'median s':>10}")
    print(f"{'baseline: brief --rebuild':<28}{build_s:>10.2f}")
    print(f"{'stored: brief':<28}{reuse_s:>10.2f}")
    print(f"speed-up: {build_s / reuse_s:.1f}x; outputs byte-identical: {len(outputs) == 1}")
    return 0 if len(outputs) == 1 else 1


if __name__ == "__main__":
    sys.exit(main())
