"""Read a brief back from its JSON (the inverse of :func:`newstrace.brief.jsonout.brief_to_dict`).

The store keeps each story's brief as the JSON ``render_json`` writes (:mod:`newstrace.store.briefs`).
Rebuilding the :class:`~newstrace.model.Brief` record from it lets every renderer (Markdown, HTML,
JSON) work from a stored brief exactly as from a freshly built one, so ``brief_to_dict(brief_from_dict(d))
== d`` for every dict ``brief_to_dict`` writes. Fields the JSON derives (``article_count``,
``origin_count``, ``copy_id`` / ``original_id``) are not read back: the records they come from are.

Example:
    >>> brief_from_dict(json.loads(render_json(brief))) == brief  # doctest: +SKIP
    True
"""

from __future__ import annotations

from typing import Any

from newstrace.errors import NewstraceError
from newstrace.model import (
    Attribution,
    Brief,
    BriefArticle,
    BriefCopy,
    Citation,
    Claim,
    Difference,
    Entity,
    EntityAlias,
    ProvenanceEdge,
    ProvenanceGraph,
    ProvenanceNode,
    Quote,
    QuoteMatch,
    SharedSentence,
    SpellingVariant,
    StatementOrigins,
    TimelineEvent,
)


def brief_from_dict(data: dict[str, Any]) -> Brief:
    """The :class:`Brief` whose :func:`~newstrace.brief.jsonout.brief_to_dict` is ``data``.

    Args:
        data: a dict as ``brief_to_dict`` returns it (or ``json.loads`` of ``render_json``).

    Returns:
        The brief, equal to the one the dict was written from.

    Raises:
        NewstraceError: ``data`` lacks a section or a field (it was not written by ``brief_to_dict``).
    """
    try:
        return _brief(data)
    except (KeyError, TypeError, ValueError) as exc:
        raise NewstraceError(f"not a brief written by newstrace: {exc!r}") from exc


def _brief(d: dict[str, Any]) -> Brief:
    provenance = d["provenance"]
    return Brief(
        story_id=d["story"]["id"],
        title=d["story"]["title"],
        articles=tuple(_article(a) for a in d["articles"]),
        shared=tuple(SharedSentence(_cites(s["citations"]), s["similarity"]) for s in d["shared"]),
        single=_cites(d["single"]),
        summary=_cites(d["summary"]),
        quotes=tuple(_quote(q) for q in d["quotes"]),
        quote_matches=tuple(
            QuoteMatch(
                m["speaker"], m["kind"], tuple(_quote(q) for q in m["quotes"]), tuple(m["differences"])
            )
            for m in d["quote_matches"]
        ),
        attributions=tuple(_attribution(a) for a in d["attributions"]),
        provenance=_provenance(provenance) if provenance is not None else None,
        timeline=tuple(
            TimelineEvent(e["value"], e["first"], e["last"], _cites(e["times"]), _cites(e["citations"]))
            for e in d["timeline"]
        ),
        copies=tuple(
            BriefCopy(_cite(c["copy"]), _cite(c["original"]), c["kind"], c["similarity"], c["containment"])
            for c in d["copies"]
        ),
        entities=tuple(_entity(e) for e in d["entities"]),
        claims=tuple(_claim(c) for c in d["claims"]),
    )


def _cite(c: dict[str, Any]) -> Citation:
    return Citation(c["article_id"], c["start"], c["end"], c["text"])


def _cites(items: list[dict[str, Any]]) -> tuple[Citation, ...]:
    return tuple(_cite(c) for c in items)


def _article(a: dict[str, Any]) -> BriefArticle:
    return BriefArticle(
        article_id=a["article_id"],
        label=a["label"],
        title=a["title"],
        outlet=a["outlet"],
        url=a["url"],
        published=a["published"],
        published_source=a["published_source"],
        dateline_place=a["dateline_place"],
        byline=a["byline"],
        credits=tuple(a["credits"]),
        revision=a["revision"],
        published_inferred_by=a["published_inferred_by"],
        published_inferred=a["published_inferred"],
        published_confidence=a["published_confidence"],
        published_evidence=_cites(a["published_evidence"]),
    )


def _quote(q: dict[str, Any]) -> Quote:
    mention = q["speaker_mention"]
    return Quote(
        kind=q["kind"],
        content=_cite(q["content"]),
        cue=_cite(q["cue"]),
        speaker=_cite(mention) if mention is not None else None,
        speaker_name=q["speaker"],
        anonymous=q["anonymous"],
        channel=q["channel"],
        affiliation=q["affiliation"],
    )


def _attribution(a: dict[str, Any]) -> Attribution:
    return Attribution(
        kind=a["kind"],
        content=_cite(a["content"]),
        cue=_cite(a["cue"]) if a["cue"] is not None else None,
        source=a["source"],
        chain=tuple(a["chain"]),
        anonymous=a["anonymous"],
        credit=a["credit"],
    )


def _provenance(p: dict[str, Any]) -> ProvenanceGraph:
    return ProvenanceGraph(
        nodes=tuple(ProvenanceNode(n["id"], n["kind"], n["label"], n["article_id"]) for n in p["nodes"]),
        edges=tuple(
            ProvenanceEdge(e["source"], e["target"], e["kind"], _cites(e["evidence"])) for e in p["edges"]
        ),
        statements=tuple(
            StatementOrigins(_cites(s["citations"]), tuple(s["origins"])) for s in p["statements"]
        ),
        shared_origins=tuple(p["shared_origins"]),
    )


def _entity(e: dict[str, Any]) -> Entity:
    return Entity(
        canonical=e["canonical"],
        type=e["type"],
        aliases=tuple(EntityAlias(a["name"], a["kind"], _cites(a["citations"])) for a in e["aliases"]),
        mentions=_cites(e["mentions"]),
        variants=tuple(
            SpellingVariant(
                v["form"],
                v["variant"],
                _cites(v["form_citations"]),
                _cites(v["variant_citations"]),
                v["typo"],
            )
            for v in e["variants"]
        ),
    )


def _claim(c: dict[str, Any]) -> Claim:
    return Claim(
        label=c["label"],
        statements=_cites(c["statements"]),
        origins=tuple(c["origins"]),
        differences=tuple(
            Difference(d["kind"], (_cite(d["sides"][0]), _cite(d["sides"][1])), d["conflict"], d["reason"])
            for d in c["differences"]
        ),
        similarity=c["similarity"],
    )
