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


def test_long_words_differ_past_sixteen_bytes() -> None:
    # Words are hashed 16 bytes at a time: two words sharing their first 16 bytes must still differ.
    one = shingle_hashes("the counterrevolutionaries spoke")
    other = shingle_hashes("the counterrevolutionarily spoke")
    assert not set(one.tolist()) & set(other.tolist())
    assert np.array_equal(one, shingle_hashes("The Counterrevolutionaries spoke."))


def test_control_characters_inside_a_text_do_not_split_it() -> None:
    sigs, sizes = signatures(["rain fell\x01on velmora", "rain fell on velmora"])
    assert sizes.tolist() == [2, 2]
    assert np.array_equal(sigs[0], sigs[1])


def test_stored_band_keys_match_keys_computed_later() -> None:
    # The add-one path finds an arriving text's copies by the band keys stored with older texts, so a
    # text's keys must not depend on the batch it was stored with.
    from newstrace.store.grouping import text_band_keys

    stored = text_band_keys([UNRELATED, WIRE, INDEPENDENT, ""])
    assert np.array_equal(stored[1], text_band_keys([WIRE])[0])
    assert np.array_equal(stored[2], text_band_keys([INDEPENDENT])[0])
