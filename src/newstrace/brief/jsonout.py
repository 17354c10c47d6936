"""Render a :class:`~newstrace.model.Brief` as JSON, in the shape ``docs/brief.schema.json`` describes.

The top level is an object of named sections (``story``, ``articles``, ``summary``, ``shared``,
``single``) plus ``schema_version``; later sections (entities, quotes, provenance, timeline, conflicts)
are added as new keys, so a reader of version "1" keeps working.

Example:
    >>> render_json(brief)  # doctest: +SKIP
    '{\\n  "schema_version": "1",\\n  "story": {"id": 4, ...'
"""

from __future__ import annotations

import json
from typing import Any

from newstrace.brief.citations import citation_json
from newstrace.brief.claims import claims_json
from newstrace.brief.copies import copies_json
from newstrace.brief.entities import entities_json
from newstrace.brief.sources import sources_to_dict
from newstrace.brief.timeline import publication_json, timeline_json
from newstrace.model import Brief, BriefArticle, SharedSentence

# Bumped only for a change that breaks readers (a renamed or removed field); new sections keep "1".
SCHEMA_VERSION = "1"


def brief_to_dict(brief: Brief) -> dict[str, Any]:
    """The brief as plain JSON-ready data (dicts, lists, str, int, float, None).

    Args:
        brief: a built brief.

    Returns:
        ``{"schema_version", "story", "articles", "summary", "shared", "single"}``; every citation is
        ``{"article_id", "start", "end", "text"}``.
    """
    return {
        "schema_version": SCHEMA_VERSION,
        "story": {"id": brief.story_id, "title": brief.title},
        "articles": [_article(a) for a in brief.articles],
        "summary": [citation_json(c) for c in brief.summary],
        "shared": [_shared(s) for s in brief.shared],
        "single": [citation_json(c) for c in brief.single],
        "timeline": timeline_json(brief.timeline),
        "entities": entities_json(brief.entities),
        **sources_to_dict(brief),
        "copies": copies_json(brief.copies),
        "claims": claims_json(brief.claims),
    }


def render_json(brief: Brief) -> str:
    """The brief as a JSON document (indent 2, non-ASCII kept as is), ending with a newline."""
    return json.dumps(brief_to_dict(brief), indent=2, ensure_ascii=False) + "\n"


def _article(article: BriefArticle) -> dict[str, Any]:
    return {
        "article_id": article.article_id,
        "label": article.label,
        "title": article.title,
        "outlet": article.outlet,
        "url": article.url,
        "published": article.published,
        "published_source": article.published_source,
        "dateline_place": article.dateline_place,
        "byline": article.byline,
        "credits": list(article.credits),
        "revision": article.revision,
        **publication_json(article),
    }


def _shared(shared: SharedSentence) -> dict[str, Any]:
    return {
        "similarity": shared.similarity,
        "article_count": len({c.article_id for c in shared.citations}),
        "citations": [citation_json(c) for c in shared.citations],
    }
