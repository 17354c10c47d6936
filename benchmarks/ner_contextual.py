"""The contextual-MiniLM NER experiment (issue 4): trained heads through the full pipeline vs the shipped one.

For each head folder given (``training/train_ner_accurate.py --save DIR``), two pipelines are scored
beside the shipped fast one in the same run: the head in place of the CNN (``replace``: the accurate
mode) and the head with the CNN's entities kept where the head found none (``union``), both followed by
the gazetteer step and the name rules. Scores as in ``benchmarks/ner.py`` (exact spans, micro) on UNER
dev (where decisions are made), UNER test and wikigold test; speed is CPU ms per 600-word article, one
thread.

    OMP_NUM_THREADS=1 nice -n 5 .venv/bin/python benchmarks/ner_contextual.py build/ner_ctx/heads/*/
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("HF_HUB_OFFLINE", "1")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from ner import _score, _speed  # noqa: E402
from training.ner_data import read_uner, read_wikigold  # noqa: E402

_STASH = "newstrace_bench_stash"
_MERGE = "newstrace_bench_merge"


def _stash(doc):  # type: ignore[no-untyped-def]
    doc.user_data["cnn_ents"] = [(e.start, e.end, e.label_) for e in doc.ents]
    return doc


def _merge(doc):  # type: ignore[no-untyped-def]
    """The CNN's entities where the head found nothing (no token shared)."""
    from spacy.tokens import Span

    taken = {t for e in doc.ents for t in range(e.start, e.end)}
    extra = [
        Span(doc, s, e, label=label)
        for s, e, label in doc.user_data.pop("cnn_ents", [])
        if not taken.intersection(range(s, e))
    ]
    doc.ents = sorted([*doc.ents, *extra], key=lambda e: e.start)
    return doc


def _pipeline(head: Path, combine: str):  # type: ignore[no-untyped-def]
    from importlib.resources import files

    import spacy
    from spacy.language import Language

    from newstrace.annotate.contextual import make_accurate_pipeline
    from newstrace.annotate.entities import MODEL_DIR, MODEL_PACKAGE, add_rule_steps

    source = Path(str(files(MODEL_PACKAGE).joinpath(MODEL_DIR)))
    if combine == "replace":
        return add_rule_steps(make_accurate_pipeline(source, head))
    for name, func in ((_STASH, _stash), (_MERGE, _merge)):
        if name not in Language.factories:
            Language.component(name, func=func)
    nlp = spacy.load(source)
    nlp.add_pipe(_STASH, last=True)
    accurate = make_accurate_pipeline(source, head)
    nlp.add_pipe(accurate.pipe_names[-1], source=accurate, last=True)
    nlp.add_pipe(_MERGE, last=True)
    return add_rule_steps(nlp)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("heads", type=Path, nargs="+")
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--combine", nargs="+", default=["replace", "union"])
    parser.add_argument("--no-speed", action="store_true")
    args = parser.parse_args(argv)
    import torch

    torch.set_num_threads(1)
    from newstrace.annotate.entities import load_pipeline

    uner = args.data / "uner_english_ewt"
    sets = {
        "UNER dev": read_uner(uner / "en_ewt-ud-dev.iob2"),
        "UNER test": read_uner(uner / "en_ewt-ud-test.iob2"),
        "wikigold test": read_wikigold(args.data / "wikigold" / "wikigold.conll.txt", "test"),
    }
    pipelines = {"shipped (CNN + gazetteer + rules)": load_pipeline()}
    for head in args.heads:
        for combine in args.combine:
            pipelines[f"{head.name} {combine} + rules"] = _pipeline(head, combine)
    print(f"{'pipeline (P R F1 per set)':40} | {' | '.join(f'{n:>17}' for n in sets)} | ms/article")
    for name, nlp in pipelines.items():
        cells = ["{:.3f} {:.3f} {:.3f}".format(*_score(nlp, sentences)["ALL"]) for sentences in sets.values()]
        ms = float("nan") if args.no_speed else _speed(nlp)
        print(f"{name:40} | {' | '.join(f'{c:>17}' for c in cells)} | {ms:10.1f}", flush=True)


if __name__ == "__main__":
    main()
