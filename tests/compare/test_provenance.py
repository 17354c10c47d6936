"""Provenance graph, independent origins, copies, and the same quote matched across articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from newstrace.annotate.attribution import extract_attributions
from newstrace.annotate.quotes import extract_quotes
from newstrace.compare.overlap import compare_sentences
from newstrace.compare.provenance import build_provenance
from newstrace.compare.quote_matching import match_quotes
from newstrace.group import find_copies
from newstrace.model import Article, SourceRef

WIRE = (
    "The Orvin tunnel was closed on Monday after a fire, the Orvin Fire Service said.\n\n"
    '"Nobody was hurt and the tunnel will reopen on Friday," fire chief Mia Stene told reporters.\n\n'
    "Traffic was diverted over the old coast road for the rest of the week."
)
COPY = WIRE.replace("for the rest of the week", "for the rest of this week")
OTHER = (
    "A fire shut the Orvin tunnel on Monday, according to the Orvin Fire Service.\n\n"
    '"Nobody was hurt, and the tunnel reopens Friday," Mia Stene said.\n\n'
    "Local shops said trade had fallen by half."
)


def _articles(*texts: str) -> list[Article]:
    outlets = ["Nordwire", "Baltic Ledger", "Estmark Daily"]
    return [
        Article("", SourceRef(f"{n}.txt", "text"), text=t, id=n + 1, outlet=outlets[n])
        for n, t in enumerate(texts)
    ]


def _graph(articles: list[Article]):  # type: ignore[no-untyped-def]
    shared, single = compare_sentences(articles, 0.5)
    atts = {a.id: extract_attributions(a) for a in articles if a.id is not None}
    return build_provenance(articles, atts, shared, single), shared


def test_a_copy_is_linked_and_adds_no_independent_origin() -> None:
    articles = _articles(WIRE, COPY, OTHER)
    graph, shared = _graph(articles)
    assert [(link.copy_id, link.original_id) for link in find_copies(articles)] == [(2, 1)]
    assert ("article:2", "article:1", "copy_of") in {(e.source, e.target, e.kind) for e in graph.edges}
    # The fire service is relied on by the wire (and its copy) and by the other report: 2 roots, not 3.
    assert "source:orvin fire service" in graph.shared_origins


def test_without_an_independent_second_article_no_origin_is_shared() -> None:
    graph, _ = _graph(_articles(WIRE, COPY))
    assert graph.shared_origins == ()


def test_edges_of_a_chain_and_published_by() -> None:
    text = "The tunnel is shut, reported Nordwire citing the Orvin Fire Service."
    graph, _ = _graph(_articles(text))
    edges = {(e.source, e.target, e.kind) for e in graph.edges}
    assert ("article:1", "outlet:nordwire", "published_by") in edges
    assert ("article:1", "outlet:nordwire", "cites") in edges  # one node for the outlet and the source
    kinds = {n.id: n.kind for n in graph.nodes}
    assert kinds["article:1"] == "article"
    statement = graph.statements[0]
    assert statement.origins == ("source:orvin fire service",)


@pytest.mark.parametrize(
    ("first", "second", "kind"),
    [
        (
            '"We rebuild the pier this spring," Mia Stene said.',
            '"We rebuild the pier this spring," Mia Stene said.',
            "verbatim",
        ),
        (
            '"We rebuild the pier this spring. It will cost more," Mia Stene said.',
            '"We rebuild the pier this spring," Mia Stene said.',
            "truncated",
        ),
        (
            '"We will rebuild the old pier this spring," Mia Stene said.',
            '"We rebuild the pier this spring," Mia Stene said.',
            "reworded",
        ),
        (
            '"We rebuild the pier this spring," Mia Stene said.',
            "Mia Stene said they rebuild the pier this spring.",
            "indirect",
        ),
    ],
)
def test_same_quote_across_articles(first: str, second: str, kind: str) -> None:
    quotes = [*extract_quotes(first, 1).quotes, *extract_quotes(second, 2).quotes]
    (match,) = match_quotes(quotes)
    assert match.kind == kind and match.speaker == "Mia Stene"
    assert bool(match.differences) == (kind != "verbatim")


def test_different_speakers_are_not_matched() -> None:
    quotes = [
        *extract_quotes('"We rebuild the pier this spring," Mia Stene said.', 1).quotes,
        *extract_quotes('"We rebuild the pier this spring," Ola Berg said.', 2).quotes,
    ]
    assert match_quotes(quotes) == []


def test_seed_origins_shared_by_both_reports(seeds_dir: Path) -> None:
    from newstrace.config import make_options
    from newstrace.ingest.clean import clean_article
    from newstrace.ingest.read import read_file

    articles = []
    for n, path in enumerate(sorted(seeds_dir.glob("0*.txt"))):
        (article,) = [clean_article(a) for a in read_file(str(path), make_options())]
        article.id = n + 1
        articles.append(article)
    graph, _ = _graph(articles)
    labels = {n.id: n.label for n in graph.nodes}
    shared = {labels[o] for o in graph.shared_origins}
    assert "KCNA" in shared
    assert any("Defen" in s and "Ministry" in s for s in shared)  # Defence (IANS) and Defense (ANI) meet
