"""The brief's "Copies" section: which article copies which, and the likely original of each copy tree.

Built from the story's own articles at brief time (:func:`newstrace.group.find_copies`; a copy always
shares its original's story, so the tree is the one the store keeps). Each edge cites, in both articles,
the first sentence of the copy that the original repeats (near-)verbatim, so the reader can check it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from newstrace.brief.citations import citation_json
from newstrace.model import Article, BriefCopy, Citation, CopyRelation

# A sentence of the copy counts as found in the original when this share of its word 3-shingles is there:
# a light edit (one changed phrase) keeps well over half; two reports of one fact keep almost none.
SENTENCE_FOUND = 0.5


def build_copies(
    members: Sequence[Article], relations: Sequence[CopyRelation] | None = None
) -> tuple[BriefCopy, ...]:
    """The copy-tree edges among a story's articles, each with a sentence cited on both sides.

    Args:
        members: the story's articles (stored: ``id`` set).
        relations: their copy relations; found with :func:`newstrace.group.find_copies` when None.

    Returns:
        One :class:`BriefCopy` per copy, trees in order of their smallest member, originals first.
    """
    if relations is None:
        from newstrace.group import find_copies

        relations = find_copies(members)
    by_id = {a.id: a for a in members}
    return tuple(_brief_copy(r, by_id[r.copy_id], by_id[r.original_id]) for r in relations)


def copy_citations(copies: Sequence[BriefCopy]) -> list[Citation]:
    """Every citation of the section (for highlighting)."""
    return [c for copy in copies for c in (copy.copy, copy.original)]


def copies_markdown(
    copies: Sequence[BriefCopy],
    labels: dict[int, str],
    escape: Callable[[str], str],
    cite: Callable[[Citation], str],
) -> list[str]:
    """The section as Markdown lines (starting with a blank line and its heading)."""
    out = ["", "## Copies"]
    if not copies:
        return [*out, "", "No article is a copy of another."]
    roots = [
        c.original.article_id
        for c in copies
        if c.original.article_id not in {x.copy.article_id for x in copies}
    ]
    for root in dict.fromkeys(roots):
        out += ["", f"Likely original: #{root} {escape(labels.get(root, ''))}"]
    out.append("")
    for copy in copies:
        c, o = copy.copy, copy.original
        out.append(
            f"- #{c.article_id} {escape(labels.get(c.article_id, ''))} is a {_KIND_WORDS[copy.kind]} of "
            f"#{o.article_id} {escape(labels.get(o.article_id, ''))} (similarity {copy.similarity:.2f}, "
            f"containment {copy.containment:.2f}): “{escape(c.text)}” {cite(c)}"
            f" = “{escape(o.text)}” {cite(o)}"
        )
    return out


def copies_json(copies: Sequence[BriefCopy]) -> list[dict[str, Any]]:
    """The section as JSON-ready data (``docs/brief.schema.json``, ``copies``)."""
    return [
        {
            "copy_id": c.copy.article_id,
            "original_id": c.original.article_id,
            "kind": c.kind,
            "similarity": c.similarity,
            "containment": c.containment,
            "copy": citation_json(c.copy),
            "original": citation_json(c.original),
        }
        for c in copies
    ]


_KIND_WORDS = {"exact": "verbatim copy", "near": "lightly edited copy", "contained": "partial copy"}


def _brief_copy(relation: CopyRelation, copy: Article, original: Article) -> BriefCopy:
    copy_cite, original_cite = _shared_sentence(copy, original)
    return BriefCopy(
        copy=copy_cite,
        original=original_cite,
        kind=relation.kind,
        similarity=relation.similarity,
        containment=relation.containment,
    )


def _shared_sentence(copy: Article, original: Article) -> tuple[Citation, Citation]:
    """The copy's first sentence mostly found in the original, and the original's sentence closest to it."""
    from newstrace.annotate.sentences import split_sentences
    from newstrace.group.minhash import shingle_hashes

    def sentences(article: Article) -> list[tuple[Citation, set[int]]]:
        out = []
        for span in split_sentences(article.text):
            text = article.text[span.start : span.end]
            out.append(
                (Citation(article.id or 0, span.start, span.end, text), set(shingle_hashes(text).tolist()))
            )
        return out

    mine, theirs = sentences(copy), sentences(original)
    if not mine or not theirs:
        empty_c = Citation(copy.id or 0, 0, 0, "")
        return empty_c, Citation(original.id or 0, 0, 0, "")
    everything = set().union(*(s for _, s in theirs))
    chosen = next(
        ((c, s) for c, s in mine if s and len(s & everything) / len(s) >= SENTENCE_FOUND),
        mine[0],
    )
    best = max(theirs, key=lambda t: (len(t[1] & chosen[1]), -t[0].start))
    return chosen[0], best[0]
