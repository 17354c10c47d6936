"""MinHash signatures estimate shingle Jaccard; LSH pairs what shares a band, and nothing else."""

from __future__ import annotations

import numpy as np
import pytest

from newstrace.group.lsh import MAX_NEIGHBOURS, candidate_pairs
from newstrace.group.minhash import NUM_PERM, band_keys, shingle_hashes, signatures
from tests.group.group_texts import INDEPENDENT, UNRELATED, WIRE, edit_words, truncate


def _true_jaccard(a: str, b: str) -> float:
    sa, sb = set(shingle_hashes(a).tolist()), set(shingle_hashes(b).tolist())
    return len(sa & sb) / len(sa | sb)


@pytest.mark.parametrize(
    "other",
    [WIRE, edit_words(WIRE, 0.1), truncate(WIRE, 0.5), INDEPENDENT, UNRELATED],
    ids=["same", "edited-10%", "truncated-half", "independent", "unrelated"],
)
def test_signature_agreement_estimates_jaccard(other: str) -> None:
    sigs, _ = signatures([WIRE, other])
    estimate = float((sigs[0] == sigs[1]).mean())
    # 128 functions: standard error at most 0.045, so 3.5 of them bound a fluke.
    assert abs(estimate - _true_jaccard(WIRE, other)) < 0.16


def test_case_and_punctuation_do_not_change_shingles() -> None:
    assert np.array_equal(shingle_hashes("Rain fell, on Velmora."), shingle_hashes("rain fell on VELMORA"))


def test_signatures_are_the_same_in_every_batch_and_run() -> None:
    alone, _ = signatures([WIRE])
    batch, sizes = signatures([UNRELATED, "", WIRE])
    assert alone.shape == (1, NUM_PERM)
    assert np.array_equal(alone[0], batch[2])
    assert sizes[1] == 0 and (batch[1] == 0xFFFFFFFF).all()


def test_copies_become_candidates_and_unrelated_reports_do_not() -> None:
    texts = [WIRE, UNRELATED, edit_words(WIRE, 0.1), truncate(WIRE, 0.5), INDEPENDENT, ""]
    sigs, sizes = signatures(texts)
    pairs = {tuple(p) for p in candidate_pairs(band_keys(sigs), valid=sizes > 0).tolist()}
    assert {(0, 2), (0, 3)} <= pairs
    assert not pairs & {(0, 1), (1, 2), (0, 4), (0, 5)}


def test_a_big_bucket_gives_linear_pairs() -> None:
    n = 50
    keys = np.ones((n, 2), dtype=np.uint64)  # every document in one bucket of each band
    pairs = candidate_pairs(keys)
    assert len(pairs) == sum(min(i, MAX_NEIGHBOURS) for i in range(n))
    assert (pairs[:, 0] < pairs[:, 1]).all()
