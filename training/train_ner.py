"""Train newstrace's NER from ``../shared/data`` and install it into the package.

Run from the repository root (``make train-ner``, which first writes the silver data)::

    .venv/bin/python -m training.ner_silver --out build/ner/silver.jsonl
    .venv/bin/python -m training.train_ner --silver build/ner/silver.jsonl --gold-times 2

Steps: read UNER English-EWT train + the wikigold train split (and WNUT17 with ``--wnut``), write spaCy
DocBins under ``build/ner/``, build static word vectors from the installed MiniLM weights
(:mod:`training.ner_vectors`; with ``--contexts`` also from MiniLM's contextual outputs averaged over the
unlabeled text of :mod:`training.ner_text`, cached in ``build/ner/contexts.npz``), train
``training/ner_tagger.cfg`` (tok2vec + a softmax tagger over BILUO tags, the shipped fast model;
``--config training/ner.cfg`` trains the slower transition-based parser it replaced; UNER dev picks the
best checkpoint), then copy
the best pipeline to ``src/newstrace/annotate/models/ner/`` without its training-only files. The
EntityRuler with our gazetteers is not baked in: :func:`newstrace.annotate.entities.load_pipeline` adds it
from ``annotate/gazetteer.py`` at load time, so the lists can change without retraining.
"""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

from training.ner_data import Sentence, read_uner, read_wikigold, read_wnut17
from training.ner_text import unlabeled_texts
from training.ner_vectors import Contexts, contextual_means
from training.ner_vectors import build as build_vectors

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "src" / "newstrace" / "annotate" / "models" / "ner"
UNER_TRAIN = "uner_english_ewt/en_ewt-ud-train.pre-release-2022-12-02.iob2"
UNER_DEV = "uner_english_ewt/en_ewt-ud-dev.iob2"
CONFIG = ROOT / "training" / "ner_tagger.cfg"


def _docbin(sentences: list[Sentence], path: Path) -> None:
    import spacy
    from spacy.tokens import Doc, DocBin
    from spacy.training import biluo_tags_to_spans, iob_to_biluo

    vocab = spacy.blank("en").vocab
    db = DocBin(store_user_data=False)
    for sent in sentences:
        biluo = iob_to_biluo(list(sent.tags))
        # The BILUO tags go in twice: as entities (what is scored) and as token tags (what the tagger of
        # ner_tagger.cfg learns).
        doc = Doc(vocab, words=list(sent.words), spaces=list(sent.spaces), tags=biluo)
        doc.ents = biluo_tags_to_spans(doc, biluo)
        db.add(doc)
    path.parent.mkdir(parents=True, exist_ok=True)
    db.to_disk(path)


def gazetteer_words() -> list[str]:
    """The words of the gazetteers' names: they get a static vector however rare."""
    from newstrace.annotate.gazetteer import ruler_patterns

    return [w for p in ruler_patterns() for w in str(p["pattern"]).replace("-", " - ").split()]


def training_words(data: Path) -> list[str]:
    """Words of the training text (never a test split), counted for the static vectors' vocabulary."""
    sentences = read_uner(data / UNER_TRAIN) + read_uner(data / UNER_DEV)
    sentences += read_wikigold(data / "wikigold" / "wikigold.conll.txt", "train")
    sentences += read_wnut17(data / "wnut17" / "wnut17train.conll")
    return [w for s in sentences for w in s.words]


def unlabeled_contexts(data: Path, cache: Path) -> Contexts:
    """MiniLM's contextual means over :func:`training.ner_text.unlabeled_texts`, read from ``cache`` when
    an earlier run left it there (the pass takes 10-30 minutes on two shared cores; delete the file
    after changing the data)."""
    if cache.is_file():
        return Contexts.load(cache)
    contexts = contextual_means(unlabeled_texts(data))
    cache.parent.mkdir(parents=True, exist_ok=True)
    contexts.save(cache)
    return contexts


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    # 6: with the static vectors, UNER dev F1 peaked by epoch 4 of 12 and fell after.
    parser.add_argument("--epochs", type=int, default=6)
    # WNUT17 (tweets, mapped to our labels): for the tagger with --contexts vectors UNER dev F1 went
    # 0.652 -> 0.660, but that model lost the seeds' "Ingrid Salvesen" and "Jeon Ha-kyou" (MODEL_CARD.md).
    parser.add_argument("--wnut", action="store_true", help="add WNUT17 train (noisy social-media text)")
    parser.add_argument(
        "--no-wikigold", action="store_true", help="UNER only (the benchmark's baseline data)"
    )
    parser.add_argument("--out", type=Path, default=TARGET, help="where the trained pipeline goes")
    parser.add_argument("--build", type=Path, default=ROOT / "build" / "ner", help="work folder")
    parser.add_argument("--dropout", type=float, default=None, help="override ner.cfg's dropout")
    parser.add_argument(
        "--reuse-vectors", action="store_true", help="keep build/ner/vectors from an earlier run"
    )
    parser.add_argument(
        "--contexts",
        action="store_true",
        help="add MiniLM's contextual outputs averaged over unlabeled text to the static vectors "
        "(tried, not shipped: MODEL_CARD.md)",
    )
    parser.add_argument("--config", type=Path, default=CONFIG, help="spaCy training config")
    parser.add_argument(
        "--silver",
        type=Path,
        default=None,
        help="also train on silver sentences written by training.ner_silver (distillation)",
    )
    parser.add_argument(
        "--gold-times", type=int, default=1, help="with --silver: repeat the gold sentences this often"
    )
    parser.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="override one config value (JSON value), e.g. components.tok2vec.model.encode.width=64",
    )
    args = parser.parse_args(argv)

    from spacy.cli.init_config import fill_config
    from spacy.cli.train import train

    from newstrace.annotate.biluo import register

    register()

    train_sents = read_uner(args.data / UNER_TRAIN)
    if not args.no_wikigold:
        train_sents += read_wikigold(args.data / "wikigold" / "wikigold.conll.txt", "train")
    if args.wnut:
        train_sents += read_wnut17(args.data / "wnut17" / "wnut17train.conll")
    if args.silver:
        from training.ner_silver import read_silver

        train_sents = train_sents * args.gold_times + read_silver(args.silver)
    build = args.build
    _docbin(train_sents, build / "train.spacy")
    _docbin(read_uner(args.data / UNER_DEV), build / "dev.spacy")
    print(f"training on {len(train_sents)} sentences")
    if not (args.reuse_vectors and (build / "vectors" / "vocab").is_dir()):
        contexts = unlabeled_contexts(args.data, build / "contexts.npz") if args.contexts else None
        build_vectors(
            training_words(args.data), build / "vectors", always=gazetteer_words(), contexts=contexts
        )
    # ner.cfg lists only what we chose; spaCy fills in its defaults for everything else.
    fill_config(build / "ner.full.cfg", args.config, silent=True)
    train(
        build / "ner.full.cfg",
        build / "output",
        overrides={
            "paths.train": str(build / "train.spacy"),
            "paths.dev": str(build / "dev.spacy"),
            "initialize.vectors": str(build / "vectors"),
            "training.max_epochs": args.epochs,
            **({"training.dropout": args.dropout} if args.dropout is not None else {}),
            **{k: json.loads(v) for k, v in (item.split("=", 1) for item in args.set)},
        },
    )
    best = build / "output" / "model-best"
    if args.out.exists():
        shutil.rmtree(args.out)
    shutil.copytree(best, args.out)
    print(f"installed {best} → {args.out}")


if __name__ == "__main__":
    main()
