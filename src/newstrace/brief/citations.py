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


def shown(text: str) -> str:
    """A cited statement as the brief's Markdown and HTML show it: a part of a sentence (it starts in lower
    case: "a former ferry captain") gets a leading ellipsis, so the reader sees the sentence goes on
    around it. The citation itself, and the JSON, keep the exact span."""
    return f"… {text}" if text[:1].islower() else text
