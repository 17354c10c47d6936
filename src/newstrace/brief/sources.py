"""The brief's "who said what" and "where it came from" sections: build, Markdown, JSON and the SVG graph.

:func:`source_sections` is the one call :func:`newstrace.brief.build.build_brief` makes; the renderers call
:func:`markdown_lines`, :func:`sources_to_dict` and :func:`provenance_svg`. Every quote and attribution
cites its article id and character span.

Example:
    >>> fields = source_sections(members, shared, single)  # doctest: +SKIP
    >>> sorted(fields)  # doctest: +SKIP
    ['attributions', 'provenance', 'quote_matches', 'quotes']
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from newstrace.brief.citations import citation_json
from newstrace.model import (
    Article,
    Attribution,
    Brief,
    Citation,
    CopyRelation,
    ProvenanceGraph,
    ProvenanceNode,
    Quote,
    SharedSentence,
)

# Graph drawing: column width and row height in SVG user units, chosen so a label of ~28 characters fits a
# node at the 12 px font the page uses.
COLUMN_WIDTH = 230
ROW_HEIGHT = 34
NODE_WIDTH = 190
NODE_HEIGHT = 24
# Longest node label drawn in full; longer ones are cut with an ellipsis (the full label is the tooltip).
LABEL_CHARS = 28
# Edge colours by kind (colour-blind-safe Okabe-Ito palette).
EDGE_COLOURS = {"published_by": "#999999", "copy_of": "#D55E00", "cites": "#0072B2", "quotes": "#009E73"}


def source_sections(
    members: Sequence[Article],
    shared: Sequence[SharedSentence],
    single: Sequence[Citation],
    copies: Sequence[CopyRelation] | None = None,
    canonical: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """Quotes, quote matches, attributions and the provenance graph of a story's articles.

    Args:
        members: the story's articles in publication order (``id`` set).
        shared: the story's shared sentences.
        single: the story's single-article sentences.
        copies: the story's copy relations (found when None): a copy adds no independent origin.
        canonical: a speaker's name as written → the name the entities section links it to, so one
            person spelt two ways ("Jeon Ha-kyou" / "Jeon Ha-kyu") is one speaker.

    Returns:
        Keyword arguments for :class:`~newstrace.model.Brief`: ``quotes``, ``quote_matches``,
        ``attributions``, ``provenance``.
    """
    from newstrace.annotate.attribution import extract_attributions
    from newstrace.annotate.quotes import extract_quotes
    from newstrace.compare.provenance import build_provenance
    from newstrace.compare.quote_matching import match_quotes

    quotes: list[Quote] = []
    attributions: dict[int, list[Attribution]] = {}
    for article in members:
        aid = article.id if article.id is not None else 0
        found = extract_quotes(article.text, aid).quotes
        if canonical:
            found = [
                dataclasses.replace(q, speaker_name=canonical.get(q.speaker_name, q.speaker_name))
                if q.speaker_name
                else q
                for q in found
            ]
        quotes.extend(found)
        attributions[aid] = extract_attributions(article, found)
    graph = build_provenance(members, attributions, shared, single, copies)
    return {
        "quotes": tuple(quotes),
        "quote_matches": tuple(match_quotes(quotes)),
        "attributions": tuple(a for aid in attributions for a in attributions[aid]),
        "provenance": graph,
    }


def markdown_lines(brief: Brief, escape: Callable[[str], str], cite: Callable[[Citation], str]) -> list[str]:
    """The "Who said what" and "Where it came from" sections as Markdown lines."""
    out: list[str] = ["", "## Who said what"]
    if not brief.quotes:
        out += ["", "No quote found."]
    for speaker, quotes in quotes_by_speaker(brief.quotes):
        out += ["", f"### {escape(speaker)}", ""]
        for q in quotes:
            via = f" (via {escape(q.channel)})" if q.channel else ""
            said = f"“{escape(q.content.text)}” — {escape(q.cue.text)}{via}"
            out.append(f"- {q.kind}: {said} {cite(q.content)}")
    if brief.quote_matches:
        out += ["", "### The same quote in several articles", ""]
        for m in brief.quote_matches:
            where = " ".join(cite(q.content) for q in m.quotes)
            line = f"- {escape(m.speaker or 'unnamed speaker')}, {m.kind}: {where}"
            if m.differences:
                line += " — " + escape("; ".join(m.differences))
            out.append(line)
    out += ["", "## Where it came from"]
    if brief.provenance is not None and brief.provenance.shared_origins:
        labels = {n.id: n.label for n in brief.provenance.nodes}
        names = ", ".join(escape(labels[o]) for o in brief.provenance.shared_origins)
        out += ["", f"Origins relied on by several independent articles: {names}."]
    if not brief.attributions:
        out += ["", "No attribution found."]
    current: int | None = None
    for att in brief.attributions:
        if att.content.article_id != current:
            current = att.content.article_id
            out += ["", f"### #{current}", ""]
        chain = " → ".join(escape(s) for s in (att.source, *att.chain))
        evidence = att.cue if att.cue is not None else att.content
        said = f"“{escape(att.credit)}”" if att.credit else escape(evidence.text)
        out.append(f"- {chain} ({att.kind}): {said} {cite(evidence)}")
    return out


def sources_to_dict(brief: Brief) -> dict[str, Any]:
    """The sections as JSON-ready data: ``quotes``, ``quote_matches``, ``attributions``, ``provenance``."""
    graph = brief.provenance
    return {
        "quotes": [_quote(q) for q in brief.quotes],
        "quote_matches": [
            {
                "speaker": m.speaker,
                "kind": m.kind,
                "quotes": [_quote(q) for q in m.quotes],
                "differences": list(m.differences),
            }
            for m in brief.quote_matches
        ],
        "attributions": [
            {
                "kind": a.kind,
                "source": a.source,
                "chain": list(a.chain),
                "anonymous": a.anonymous,
                "credit": a.credit,
                "content": citation_json(a.content),
                "cue": citation_json(a.cue) if a.cue is not None else None,
            }
            for a in brief.attributions
        ],
        "provenance": None
        if graph is None
        else {
            "nodes": [_node(n) for n in graph.nodes],
            "edges": [
                {
                    "source": e.source,
                    "target": e.target,
                    "kind": e.kind,
                    "evidence": [citation_json(c) for c in e.evidence],
                }
                for e in graph.edges
            ],
            "statements": [
                {"citations": [citation_json(c) for c in s.citations], "origins": list(s.origins)}
                for s in graph.statements
            ],
            "shared_origins": list(graph.shared_origins),
        },
    }


def provenance_svg(graph: ProvenanceGraph | None) -> str:
    """The provenance graph as inline SVG: articles left, their sources in columns by depth, origins right.

    Edges run left to right (who relies on whom), so no arrowhead markers are needed; a marker would need
    ``url(#…)`` references, which the page avoids.

    Args:
        graph: the story's graph (None or empty gives an empty string).

    Returns:
        An ``<svg>`` element; every label is escaped; each node has a ``<title>`` tooltip.
    """
    from markupsafe import escape

    if graph is None or not graph.nodes:
        return ""
    depth = _depths(graph)
    columns: dict[int, list[str]] = {}
    for node in graph.nodes:
        columns.setdefault(depth[node.id], []).append(node.id)
    pos: dict[str, tuple[float, float]] = {}
    for col, ids in columns.items():
        for row, node_id in enumerate(ids):
            pos[node_id] = (10 + col * COLUMN_WIDTH, 30 + row * ROW_HEIGHT)
    width = 20 + (max(columns) + 1) * COLUMN_WIDTH
    height = 50 + max(len(ids) for ids in columns.values()) * ROW_HEIGHT
    parts = [
        f'<svg class="provenance" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-label="Provenance graph">',
    ]
    legend_x = 10
    for kind, colour in EDGE_COLOURS.items():
        parts.append(
            f'<line x1="{legend_x}" y1="12" x2="{legend_x + 24}" y2="12" stroke="{colour}" stroke-width="2"/>'
            f'<text x="{legend_x + 28}" y="16" font-size="11">{kind.replace("_", " ")}</text>'
        )
        legend_x += 110
    for edge in graph.edges:
        if edge.source not in pos or edge.target not in pos:
            continue
        x1, y1 = pos[edge.source]
        x2, y2 = pos[edge.target]
        start = (x1 + NODE_WIDTH, y1 + NODE_HEIGHT / 2) if x2 > x1 else (x1, y1 + NODE_HEIGHT / 2)
        end = (x2, y2 + NODE_HEIGHT / 2) if x2 > x1 else (x2 + NODE_WIDTH, y2 + NODE_HEIGHT / 2)
        bend = max(40.0, math.fabs(end[0] - start[0]) / 2)
        sign = 1 if end[0] >= start[0] else -1
        parts.append(
            f'<path d="M{start[0]:.0f},{start[1]:.0f} C{start[0] + sign * bend:.0f},{start[1]:.0f} '
            f'{end[0] - sign * bend:.0f},{end[1]:.0f} {end[0]:.0f},{end[1]:.0f}" fill="none" '
            f'stroke="{EDGE_COLOURS.get(edge.kind, "#555")}" stroke-width="1.5">'
            f"<title>{escape(edge.kind.replace('_', ' '))}</title></path>"
        )
    shared = set(graph.shared_origins)
    for node in graph.nodes:
        x, y = pos[node.id]
        label = node.label if len(node.label) <= LABEL_CHARS else node.label[: LABEL_CHARS - 1] + "…"
        fill = {"article": "#f6f6f8", "outlet": "#eeeeee", "agency": "#e3f0fb"}.get(node.kind, "#e8f6ef")
        stroke = "#d4b13a" if node.id in shared else "#999999"
        link = f"#article-{node.article_id}" if node.article_id is not None else None
        box = (
            f'<g class="node {node.kind}"><title>{escape(node.label)} ({node.kind})</title>'
            f'<rect x="{x}" y="{y}" width="{NODE_WIDTH}" height="{NODE_HEIGHT}" rx="4" fill="{fill}" '
            f'stroke="{stroke}" stroke-width="{2 if node.id in shared else 1}"/>'
            f'<text x="{x + 6}" y="{y + 16}" font-size="12">{escape(label)}</text></g>'
        )
        parts.append(f'<a href="{link}">{box}</a>' if link else box)
    parts.append("</svg>")
    return "".join(parts)


def source_citations(brief: Brief) -> list[Citation]:
    """Every citation the two sections link to (quote contents, attribution cues), for highlighting."""
    quotes = [q.content for q in brief.quotes]
    matched = [q.content for m in brief.quote_matches for q in m.quotes]
    cues = [a.cue or a.content for a in brief.attributions]
    return [*quotes, *matched, *cues]


def _depths(graph: ProvenanceGraph) -> dict[str, int]:
    """Column of each node: articles 0, then the longest path of edges from an article (cycles cut)."""
    depth = {n.id: 0 for n in graph.nodes}
    out: dict[str, list[str]] = {}
    for e in graph.edges:
        if e.kind != "copy_of":
            out.setdefault(e.source, []).append(e.target)
    for _ in range(len(graph.nodes)):
        changed = False
        for src, targets in out.items():
            for dst in targets:
                if depth[dst] < depth[src] + 1 <= len(graph.nodes):
                    depth[dst] = depth[src] + 1
                    changed = True
        if not changed:
            break
    return depth


def quotes_by_speaker(quotes: Sequence[Quote]) -> list[tuple[str, list[Quote]]]:
    """Quotes grouped by resolved speaker (anonymous and unresolved ones by their mention), in order.

    Case aside: "Police said" opening a sentence and "police said" inside one are one speaker, headed by
    the capitalised form ("Police").
    """
    groups: dict[str, list[Quote]] = {}
    labels: dict[str, str] = {}
    for q in quotes:
        name = q.speaker_name or (f"{q.speaker.text} (anonymous)" if q.anonymous and q.speaker else None)
        name = name or "unresolved speaker"
        key = name.casefold()
        if key not in labels or (name[:1].isupper() and not labels[key][:1].isupper()):
            labels[key] = name
        groups.setdefault(key, []).append(q)
    return [(_heading(labels[key], group), group) for key, group in groups.items()]


def _heading(label: str, quotes: list[Quote]) -> str:
    """A resolved speaker's name as a heading starts with a capital ("police" → "Police")."""
    return label[:1].upper() + label[1:] if quotes[0].speaker_name else label


def _node(n: ProvenanceNode) -> dict[str, Any]:
    return {"id": n.id, "kind": n.kind, "label": n.label, "article_id": n.article_id}


def _quote(q: Quote) -> dict[str, Any]:
    return {
        "kind": q.kind,
        "speaker": q.speaker_name,
        "speaker_mention": citation_json(q.speaker) if q.speaker is not None else None,
        "anonymous": q.anonymous,
        "channel": q.channel,
        "affiliation": q.affiliation,
        "cue": citation_json(q.cue),
        "content": citation_json(q.content),
    }
