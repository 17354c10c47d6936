"""How every section of the brief writes a citation in JSON (``docs/brief.schema.json``, ``citation``)."""

from __future__ import annotations

from typing import Any

from newstrace.model import Citation


def citation_json(citation: Citation) -> dict[str, Any]:
    """``{"article_id", "start", "end", "text"}``: ``text`` is the article's cleaned text ``[start:end]``."""
    return {
        "article_id": citation.article_id,
        "start": citation.start,
        "end": citation.end,
        "text": citation.text,
    }
