"""Compare stage: the articles of one story → shared and single sentences (more comparisons to come)."""

from newstrace.compare.overlap import compare_sentences

__all__ = ["compare_sentences"]
