"""The provenance graph of one story, and the independent origins behind each statement.

Nodes are articles, outlets, agencies and original sources (people, ministries, state media); edges are
"published by" (article → outlet), "copy of" (article → article), "cites" (article or source → source)
and "quotes" (article or channel → speaker). An origin is where a chain of custody ends: "reported CNN
citing Russian state news agency RIA" ends at RIA Novosti. A spokesperson or an anonymous official speaks
for their organisation, so their origin is the organisation ("an official at South Korea's Defence
Ministry" → South Korean Defence Ministry). Sources meet across articles by :func:`origin_key` (case,
"the", Defence/Defense, "South Korea's"/"South Korean").

A copy adds no origin: a statement found in an article and in its copy has the origins of the original.

Example:
    >>> graph = build_provenance(articles, attributions_by_article)  # doctest: +SKIP
    >>> [n.label for n in graph.nodes if n.id in graph.shared_origins]  # doctest: +SKIP
    ['KCNA', 'South Korean Defence Ministry']
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from newstrace.annotate.cues import origin_key
from newstrace.ingest.agencies import canonical_agency
from newstrace.model import (
    Article,
    Attribution,
    Citation,
    CopyRelation,
    ProvenanceEdge,
    ProvenanceGraph,
    ProvenanceNode,
    SharedSentence,
    StatementOrigins,
)


def build_provenance(
    articles: Sequence[Article],
    attributions: Mapping[int, Sequence[Attribution]],
    shared: Sequence[SharedSentence] = (),
    single: Sequence[Citation] = (),
    copies: Sequence[CopyRelation] | None = None,
) -> ProvenanceGraph:
    """Build the story's provenance graph and each statement's independent origins.

    Args:
        articles: the story's articles (stored: ``id`` set), in publication order.
        attributions: each article's attributions, by article id
            (:func:`newstrace.annotate.attribution.extract_attributions`).
        shared: statements found in several articles.
        single: statements found in one article.
        copies: the story's copy relations; found with :func:`newstrace.group.find_copies` when None.

    Returns:
        The graph; ``statements`` lists only statements with at least one origin other than the article's
        own outlet; ``shared_origins`` the origins that two or more articles, not copies of each other,
        rely on.
    """
    if copies is None:
        from newstrace.group import find_copies

        copies = find_copies(articles)
    nodes: dict[str, ProvenanceNode] = {}
    edges: dict[tuple[str, str, str], list[Citation]] = {}
    by_key: dict[str, str] = {}

    def node(label: str, kind: str) -> str:
        key = origin_key(label)
        if key in by_key:  # one node per source, whichever way it was first met (outlet, agency, source)
            return by_key[key]
        prefix = "agency" if canonical_agency(label) else kind
        node_id = by_key[key] = f"{prefix}:{key}"
        if node_id not in nodes:
            nodes[node_id] = ProvenanceNode(node_id, prefix, label)  # type: ignore[arg-type]
        return node_id

    def edge(src: str, dst: str, kind: str, evidence: Citation | None = None) -> None:
        if src == dst:
            return
        found = edges.setdefault((src, dst, kind), [])
        if evidence is not None and evidence not in found:
            found.append(evidence)

    copy_of = {link.copy_id: link.original_id for link in copies}
    origins_of: dict[tuple[int, int, int], set[str]] = {}  # (article, start, end) of content → origins
    relied: dict[str, set[int]] = {}
    for article in articles:
        aid = article.id if article.id is not None else 0
        art = f"article:{aid}"
        nodes[art] = ProvenanceNode(art, "article", article.title or article.label, aid)
        outlet_id = node(article.outlet, "outlet") if article.outlet else None
        if outlet_id:
            edge(art, outlet_id, "published_by")
        if aid in copy_of:
            edge(art, f"article:{copy_of[aid]}", "copy_of")
        for att in attributions.get(aid, ()):
            chain = [att.source, *att.chain]
            first = node(chain[0], "source")
            kind = "quotes" if att.kind in ("said", "told") and not att.chain else "cites"
            edge(art, first, kind, att.cue)
            prev = first
            for n, hop in enumerate(chain[1:], 1):
                hop_id = node(hop, "source")
                # a channel quotes the speaker ("Watson told Yonhap"); other hops cite their source
                edge(prev, hop_id, "quotes" if att.kind == "told" and n == 1 else "cites", att.cue)
                prev = hop_id
            origin = prev
            if att.kind != "credit":
                key = (aid, att.content.start, att.content.end)
                origins_of.setdefault(key, set()).add(origin)
            if origin != outlet_id:
                root = _root(aid, copy_of)
                relied.setdefault(origin, set()).add(root)
    statements: list[StatementOrigins] = []
    for cites in [g.citations for g in shared] + [(c,) for c in single]:
        found: set[str] = set()
        for c in cites:
            for (aid, start, end), origins in origins_of.items():
                if aid == c.article_id and start < c.end and c.start < end:
                    found |= origins
        if found:
            statements.append(StatementOrigins(tuple(cites), tuple(sorted(found))))
    shared_origins = tuple(sorted(o for o, roots in relied.items() if len(roots) >= 2))
    return ProvenanceGraph(
        nodes=tuple(nodes.values()),
        edges=tuple(ProvenanceEdge(s, d, k, tuple(ev)) for (s, d, k), ev in edges.items()),  # type: ignore[arg-type]
        statements=tuple(statements),
        shared_origins=shared_origins,
    )


def _root(aid: int, copy_of: Mapping[int, int]) -> int:
    seen = {aid}
    while aid in copy_of and copy_of[aid] not in seen:
        aid = copy_of[aid]
        seen.add(aid)
    return aid
