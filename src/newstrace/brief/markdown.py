"""Render a :class:`~newstrace.model.Brief` as Markdown.

Layout: the title; a table of the articles; "Summary"; "Reported by several articles" (each shared
sentence quoted once, then one citation per copy); "Found in only one article", grouped by article.
Every line that states something ends with its citations, ``[#article_id start–end]``, so a reader can
check it against the article's cleaned text.

Example:
    >>> print(render_markdown(brief))  # doctest: +SKIP
    # Kim Jong Un arrives in Russia
    ...
    - North Korean leader Kim Jong Un arrived in Russia on Tuesday. [#2 0–61]
"""

from __future__ import annotations

import re

from newstrace.brief.claims import claims_markdown
from newstrace.brief.copies import copies_markdown
from newstrace.brief.entities import entities_markdown
from newstrace.brief.sources import markdown_lines as sources_markdown
from newstrace.brief.timeline import timeline_markdown
from newstrace.model import Brief, BriefArticle, Citation

# Characters Markdown would read as formatting inside quoted article text: emphasis, code, links, HTML,
# table cells, and the backslash itself. An underscore inside a word ("000_47cc.txt") is left alone:
# CommonMark never reads intraword underscores as emphasis.
MARKDOWN_SPECIAL = re.compile(r"([\\`*\[\]<>|#~]|(?<![^\W_])_|_(?![^\W_]))")

# Runs of whitespace (line breaks inside a sentence included), folded to one space in a list item.
WHITESPACE = re.compile(r"\s+")


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def overview(brief: Brief) -> str:
    """The brief at a glance, as the lede of every format: articles, then claims by label.

    Example: "2 articles; 11 claims agreed, 0 in conflict, 12 from one source only; 0 sentences repeated
    word for word". Claims, not verbatim sentences, are what a reader checks first: a lede counting only
    repeated sentences read "0 sentences reported by several articles" above eleven agreed claims.
    """
    labels = [claim.label for claim in brief.claims]
    return (
        f"{_count(len(brief.articles), 'article', 'articles')}; "
        f"{_count(labels.count('agreed'), 'claim', 'claims')} agreed, "
        f"{labels.count('conflicting')} in conflict, {labels.count('single')} from one source only; "
        f"{_count(len(brief.shared), 'sentence', 'sentences')} repeated word for word"
    )


def render_markdown(brief: Brief) -> str:
    """The brief as a Markdown document.

    Args:
        brief: a built brief.

    Returns:
        Markdown text ending with a newline. Article text is escaped, so a sentence never turns into
        formatting or HTML.
    """
    out: list[str] = [
        f"# {_escape(brief.title) or 'Untitled story'}",
        "",
        f"Story {brief.story_id}: {overview(brief)}.",
        "",
        *_article_table(brief.articles),
    ]
    if brief.summary:
        out += ["", "## Summary", ""]
        out += [f"- {_escape(c.text)} {cite(c)}" for c in brief.summary]

    labels = {a.article_id: a.label for a in brief.articles}
    out += claims_markdown(brief.claims, labels, _escape, cite)

    out += ["", "## Reported by several articles"]
    if not brief.shared:
        out += ["", "No sentence appears in more than one article."]
    for shared in brief.shared:
        count = len({c.article_id for c in shared.citations})
        out += [
            "",
            f"> {_escape(shared.citations[0].text)}",
            ">",
            f"> — {count} articles, similarity {shared.similarity:.2f}: "
            + " ".join(cite(c) for c in shared.citations),
        ]

    # With claims, "What only one source says" lists these sentences by origin; without them (a story with
    # no statement long enough to align) the plain list by article stands in.
    singles = () if brief.claims else brief.single
    if not brief.claims:
        out += ["", "## Found in only one article"]
    if not brief.claims and not brief.single:
        out += ["", "Every sentence appears in more than one article."]
    current: int | None = None
    for citation in singles:
        if citation.article_id != current:
            current = citation.article_id
            out += ["", f"### #{current} {_escape(labels.get(current, '(unknown article)'))}", ""]
        out.append(f"- {_escape(citation.text)} {cite(citation)}")
    out += timeline_markdown(brief.timeline, _escape, cite)
    out += entities_markdown(brief.entities, _escape, cite)
    out += sources_markdown(brief, _escape, cite)
    out += copies_markdown(brief.copies, {a.article_id: a.label for a in brief.articles}, _escape, cite)
    return "\n".join(out) + "\n"


def cite(citation: Citation) -> str:
    """A citation as ``[#article_id start–end]`` (an en dash between the offsets)."""
    return f"[#{citation.article_id} {citation.start}–{citation.end}]"


def _article_table(articles: tuple[BriefArticle, ...]) -> list[str]:
    rows = [
        "| id | label | outlet | date | dateline | credits |",
        "|---:|---|---|---|---|---|",
    ]
    for a in articles:
        label = _escape(a.label)
        if a.url:
            label = f"[{label}](<{_escape_url(a.url)}>)"
        cells = [
            f"#{a.article_id}",
            label,
            _escape(a.outlet or ""),
            _escape(a.published or "") + _inferred(a),
            _escape(a.dateline_place or ""),
            _escape(", ".join(a.credits)),
        ]
        rows.append("| " + " | ".join(cells) + " |")
    return rows


def _escape(text: str) -> str:
    return MARKDOWN_SPECIAL.sub(r"\\\1", WHITESPACE.sub(" ", text).strip())


def _escape_url(url: str) -> str:
    # Inside <...> a link destination ends at ">" or a line break; percent-encode those.
    return url.replace("\n", "%0A").replace("<", "%3C").replace(">", "%3E").replace(" ", "%20")


def _inferred(article: BriefArticle) -> str:
    if not article.published_inferred:
        return ""
    return f" → {article.published_inferred} (from {article.published_inferred_by})"
