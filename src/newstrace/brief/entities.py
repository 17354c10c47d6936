"""The brief's "Entities" section: people, organisations and places of the story, aliases linked.

:func:`build_entities` runs the NER over the story's articles (batched) and merges the mentions across
them (:func:`newstrace.compare.entities.merge_entities`); the render helpers write the section for the
Markdown and JSON briefs. Each alias cites where it is written, and each spelling variant cites both
forms, so a reader sees "Jeon Ha-kyou" in one report and "Jeon Ha-kyu" in another side by side.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from newstrace.brief.citations import citation_json
from newstrace.model import Article, Citation, Entity, EntityAlias, SpellingVariant

# A Markdown alias line cites at most this many places per alias: the first in each article, up to
# here. A name repeated twenty times would otherwise bury the line; the JSON keeps every mention.
MAX_ALIAS_CITES = 4


def build_entities(members: Sequence[Article], ner: str = "fast") -> tuple[Entity, ...]:
    """Find and merge the entities of a story's (stored, cleaned) articles.

    Args:
        members: the story's articles; each needs an ``id``.
        ner: the NER mode, ``"fast"`` or ``"accurate"`` (``Options.ner``).

    Returns:
        The story's entities, most-mentioned first.

    Raises:
        ModelMissingError: the NER pipeline is not in the package.
    """
    from newstrace.annotate.entities import find_entities_batch
    from newstrace.compare.entities import merge_entities

    articles = [a for a in members if a.id is not None and a.text]
    ids = [a.id for a in articles if a.id is not None]
    found = find_entities_batch([a.text for a in articles], ids, ner)
    texts = {a.id: a.text for a in articles if a.id is not None}
    return tuple(merge_entities([m for per in found for m in per], texts))


def entity_citations(entities: Sequence[Entity]) -> list[Citation]:
    """Every span the section cites (for the HTML page to highlight)."""
    out: list[Citation] = []
    for entity in entities:
        out += [c for alias in entity.aliases for c in _first_per_article(alias.citations)]
        for variant in entity.variants:
            out += [
                *_first_per_article(variant.form_citations),
                *_first_per_article(variant.variant_citations),
            ]
    return out


def entities_markdown(
    entities: Sequence[Entity], escape: Callable[[str], str], cite: Callable[[Citation], str]
) -> list[str]:
    """Markdown lines of the section (a heading, one item per entity, variants flagged beneath).

    Args:
        entities: the brief's entities.
        escape: the renderer's escape for article text.
        cite: the renderer's citation formatter.

    Returns:
        Lines to append to the document.
    """
    out = ["", "## Entities"]
    if not entities:
        return [*out, "", "No person, organisation or place was recognised."]
    out.append("")
    for entity in entities:
        articles = len({c.article_id for c in entity.mentions})
        others = [a for a in entity.aliases if a.name != entity.canonical]
        line = (
            f"- **{escape(entity.canonical)}** ({entity.type}; {len(entity.mentions)} "
            f"mention{'' if len(entity.mentions) == 1 else 's'} in {articles} "
            f"article{'' if articles == 1 else 's'})"
        )
        canonical = [a for a in entity.aliases if a.name == entity.canonical]
        if canonical:
            line += " " + " ".join(cite(c) for c in _first_per_article(canonical[0].citations))
        if others:
            line += " — also " + "; ".join(_alias_markdown(a, escape, cite) for a in others)
        out.append(line)
        for variant in entity.variants:
            out.append("  - " + _variant_markdown(variant, escape, cite))
    return out


def entities_json(entities: Sequence[Entity]) -> list[dict[str, Any]]:
    """The section as JSON-ready dicts (see ``docs/brief.schema.json``, ``entities``)."""
    return [
        {
            "canonical": e.canonical,
            "type": e.type,
            "aliases": [
                {"name": a.name, "kind": a.kind, "citations": [citation_json(c) for c in a.citations]}
                for a in e.aliases
            ],
            "mentions": [citation_json(c) for c in e.mentions],
            "variants": [
                {
                    "form": v.form,
                    "variant": v.variant,
                    "typo": v.typo,
                    "form_citations": [citation_json(c) for c in v.form_citations],
                    "variant_citations": [citation_json(c) for c in v.variant_citations],
                }
                for v in e.variants
            ],
        }
        for e in entities
    ]


def _first_per_article(citations: Sequence[Citation]) -> list[Citation]:
    seen: set[int] = set()
    out: list[Citation] = []
    for citation in citations:
        if citation.article_id not in seen:
            seen.add(citation.article_id)
            out.append(citation)
    return out[:MAX_ALIAS_CITES]


def _alias_markdown(alias: EntityAlias, escape: Callable[[str], str], cite: Callable[[Citation], str]) -> str:
    cites = " ".join(cite(c) for c in _first_per_article(alias.citations))
    return f"“{escape(alias.name)}” ({alias.kind}) {cites}"


def _variant_markdown(
    variant: SpellingVariant, escape: Callable[[str], str], cite: Callable[[Citation], str]
) -> str:
    what = "possible typo" if variant.typo else "spelling differs"
    form = " ".join(cite(c) for c in _first_per_article(variant.form_citations))
    odd = " ".join(cite(c) for c in _first_per_article(variant.variant_citations))
    return f"⚠ {what}: “{escape(variant.form)}” {form} vs “{escape(variant.variant)}” {odd}"
