"""Silver NER data: news text tagged by the accurate mode, for training the fast model on (distillation).

The accurate mode (tuned MiniLM + gazetteer + rules) is the better tagger, the fast CNN the one that fits
the time budget. Tagging unlabeled news with the first and training the second on it as well as on the
gold lets the fast model learn from far more news than the gold holds (~277k words: the ECB+ dev
articles and the extraction benchmark's article bodies, both allowed to shape shipped weights, see
:mod:`training.ner_text`; never a test split of the NER data)::

    OMP_NUM_THREADS=2 nice -n 5 .venv/bin/python -m training.ner_silver [--out build/ner/silver.jsonl]

Each line of the output is one sentence: ``{"words": [...], "spaces": [...], "tags": [BIO...]}``, tokens
as the shipped pipelines tokenise (so the student sees the teacher's tokens). Read back with
:func:`read_silver`.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Iterator
from pathlib import Path

from training.ner_data import Sentence

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "build" / "ner" / "silver.jsonl"


def news_texts(data: Path) -> list[str]:
    """The unlabeled news articles: ECB+ dev texts and the extraction benchmark's article bodies."""
    texts = []
    with (data / "ecbplus_dev" / "articles.jsonl").open(encoding="utf-8") as lines:
        texts += [json.loads(line).get("text") or "" for line in lines]
    truth = json.loads((data / "article-extraction-benchmark" / "ground-truth.json").read_text("utf-8"))
    texts += [page.get("articleBody") or "" for page in truth.values()]
    return [t for t in texts if t.strip()]


def silver_sentences(texts: list[str]) -> Iterator[Sentence]:
    """The sentences of ``texts`` with the accurate mode's entities as BIO tags (line breaks dropped)."""
    from newstrace.annotate.entities import load_pipeline
    from newstrace.annotate.sentences import split_sentences

    nlp = load_pipeline("accurate")
    for doc in nlp.pipe(texts, batch_size=8):
        tags = ["O"] * len(doc)
        for ent in doc.ents:
            tags[ent.start : ent.end] = [f"B-{ent.label_}"] + [f"I-{ent.label_}"] * (len(ent) - 1)
        for sentence in split_sentences(doc.text):
            span = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
            tokens = [t for t in span or () if not t.is_space]
            if not tokens:
                continue
            bio = [tags[t.i] for t in tokens]
            if bio[0].startswith("I-"):  # an entity cut by the sentence split opens here
                bio[0] = "B-" + bio[0][2:]
            yield Sentence(
                tuple(t.text for t in tokens), tuple(bio), tuple(bool(t.whitespace_) for t in tokens)
            )


def read_silver(path: Path) -> list[Sentence]:
    """Sentences written by this script."""
    out = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            out.append(Sentence(tuple(row["words"]), tuple(row["tags"]), tuple(row["spaces"])))
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    start = time.perf_counter()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    n = words = 0
    with args.out.open("w", encoding="utf-8") as out:
        for sent in silver_sentences(news_texts(args.data)):
            row = {"words": sent.words, "spaces": sent.spaces, "tags": sent.tags}
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
            n, words = n + 1, words + len(sent.words)
    print(f"{n} silver sentences, {words} words → {args.out} ({time.perf_counter() - start:.0f} s)")


if __name__ == "__main__":
    main()
