"""The brief's claims sections: what the sources agree on, where they disagree, and what only one says.

Built by :func:`newstrace.compare.claims.find_claims` with independent origins taken from the story's copy
trees (a copy and its original are one origin). Every line quotes the cited statements or values as they
stand in the articles.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from newstrace.brief.citations import citation_json, shown
from newstrace.model import Article, BriefCopy, Citation, Claim, Difference


def build_claims(members: Sequence[Article], copies: Sequence[BriefCopy]) -> tuple[Claim, ...]:
    """The story's claims, with the articles of one copy tree counted as one origin.

    Args:
        members: the story's stored articles, earliest first.
        copies: the story's copy relations (``Brief.copies``).
    """
    from newstrace.compare.claims import copy_origins, find_claims

    copy_of = {c.copy.article_id: c.original.article_id for c in copies}
    return tuple(find_claims(members, origins=copy_origins(members, copy_of)))


def claim_citations(claims: Sequence[Claim]) -> list[Citation]:
    """Every citation of the sections (for highlighting)."""
    cited = [s for c in claims for s in c.statements]
    return cited + [side for c in claims for d in c.differences for side in d.sides]


def claims_markdown(
    claims: Sequence[Claim],
    labels: dict[int, str],
    escape: Callable[[str], str],
    cite: Callable[[Citation], str],
) -> list[str]:
    """The three sections as Markdown lines (each starting with a blank line and its heading)."""
    agreed = [c for c in claims if c.label == "agreed"]
    conflicting = [c for c in claims if c.label == "conflicting"]
    single = [c for c in claims if c.label == "single"]
    out = ["", "## What the sources agree on", ""]
    if not agreed:
        out.append("No statement is backed by two independent origins.")
    for claim in agreed:
        out += _claim_lines(claim, escape, cite)
    out += ["", "## Where they disagree", ""]
    if not conflicting:
        out.append("No conflicting statements found.")
    for claim in conflicting:
        out += _claim_lines(claim, escape, cite)
    out += ["", "## What only one source says"]
    if not single:
        out += ["", "Every statement is carried by two or more independent origins."]
    by_origin: dict[str, list[Claim]] = {}
    for claim in single:
        by_origin.setdefault(claim.origins[0], []).append(claim)
    for origin, group in by_origin.items():
        out += ["", f"### {escape(origin)}", ""]
        for claim in group:
            statement = claim.statements[0]
            out.append(f"- {escape(shown(statement.text))} {cite(statement)}")
    return out


def _claim_lines(claim: Claim, escape: Callable[[str], str], cite: Callable[[Citation], str]) -> list[str]:
    first = claim.statements[0]
    origins = len(claim.origins)
    lines = [
        f"- {escape(shown(first.text))} {cite(first)}",
        f"  — {len(claim.statements)} articles, {origins} independent origin{'s' if origins != 1 else ''} "
        f"({escape(', '.join(claim.origins))}): " + " ".join(cite(s) for s in claim.statements),
    ]
    for other in claim.statements[1:]:
        lines.append(f"  - {escape(shown(other.text))} {cite(other)}")
    for difference in claim.differences:
        lines.append("  - " + difference_line(difference, escape, cite))
    return lines


def difference_line(d: Difference, escape: Callable[[str], str], cite: Callable[[Citation], str]) -> str:
    """ "**conflict** (number): “12 missing” [#1 …] vs “14 missing” [#4 …] — 12 vs 14 missing"."""
    what = "**conflict**" if d.conflict else "compatible"
    a, b = d.sides
    return (
        f"{what} ({d.kind}): “{escape(a.text)}” {cite(a)} vs “{escape(b.text)}” {cite(b)}"
        f" — {escape(d.reason)}"
    )


def claims_json(claims: Sequence[Claim]) -> list[dict[str, Any]]:
    """The sections as JSON-ready data (``docs/brief.schema.json``, ``claims``)."""
    return [
        {
            "label": c.label,
            "origins": list(c.origins),
            "origin_count": len(c.origins),
            "similarity": c.similarity,
            "statements": [citation_json(s) for s in c.statements],
            "differences": [
                {
                    "kind": d.kind,
                    "conflict": d.conflict,
                    "reason": d.reason,
                    "sides": [citation_json(s) for s in d.sides],
                }
                for d in c.differences
            ],
        }
        for c in claims
    ]
