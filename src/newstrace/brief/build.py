"""Build the :class:`~newstrace.model.Brief` of one story: its articles, shared and single sentences, summary.

The brief is extractive: every sentence in it is a :class:`~newstrace.model.Citation` of one article's
cleaned text, so each line can be checked against its source.

Example:
    >>> brief = build_brief(story, articles, min_similarity=0.5)  # doctest: +SKIP
    >>> all(c.text == by_id[c.article_id].text[c.start:c.end] for c in brief.summary)  # doctest: +SKIP
    True
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from newstrace.brief.claims import build_claims
from newstrace.brief.copies import build_copies
from newstrace.brief.entities import build_entities
from newstrace.brief.sources import source_sections
from newstrace.brief.timeline import build_timeline
from newstrace.compare.overlap import compare_sentences, match_score, shingles
from newstrace.group import find_copies
from newstrace.group.simple import chronological_key
from newstrace.ingest.captions import is_title_case
from newstrace.model import Article, Brief, BriefArticle, Citation, SharedSentence, Story

# The summary holds at most this many sentences, and at least SUMMARY_MIN when the story has that many:
# three to five sentences is what a reader takes in before deciding to read on.
SUMMARY_MAX = 5
SUMMARY_MIN = 3
# Shared sentences take at most this many summary places, so each article's lead still gets a say.
SUMMARY_SHARED_MAX = 3
# Sentences shorter than this (in words) do not make a summary: headline fragments, "Reuters.", "Watch:".
SUMMARY_MIN_WORDS = 6
# A shared sentence whose mean place in its articles (0 the top, 1 the end) is past this is background the
# reports copied, not the story's core: it is taken only after the leads.
SUMMARY_CORE = 1 / 3
# Two summary candidates this similar (word-trigram Jaccard, or containment) say the same thing; keep one.
# Lower than sentence matching (0.5) because two leads rewording one fact still repeat each other.
SUMMARY_DUPLICATE = 0.35


def build_brief(
    story: Story,
    articles: Sequence[Article],
    min_similarity: float,
    ingest_date: date | None = None,
    ner: str = "fast",
) -> Brief:
    """Build the brief of ``story`` from its articles.

    Args:
        story: the story; its ``article_ids`` choose which of ``articles`` are briefed.
        articles: the story's articles (others are ignored), stored and cleaned.
        min_similarity: sentence matching threshold (``Options.sentence_similarity``).
        ingest_date: the run's ingest date (``Options.ingest_day()``); an inferred publication year is
            never after it. None: today.
        ner: the NER mode of the entities section (``Options.ner``: ``"fast"`` or ``"accurate"``).

    Returns:
        The brief: one :class:`BriefArticle` per article in publication order (then id), the shared and
        single sentences from :func:`newstrace.compare.compare_sentences`, and a 3-5 sentence extractive
        summary (shared sentences first, then each article's lead, no near-duplicates). ``story_id`` is 0
        for a story the store has not kept yet.

    Raises:
        ValueError: an article of the story is missing from ``articles``.
        ConfigError: ``min_similarity`` is not in (0, 1].
    """
    by_id = {a.id: a for a in articles if a.id is not None}
    missing = [i for i in story.article_ids if i not in by_id]
    if missing:
        raise ValueError(f"story {story.id}: articles {missing} were not given to build_brief")
    members = sorted((by_id[i] for i in story.article_ids), key=chronological_key)
    shared, single = compare_sentences(members, min_similarity)
    timeline, brief_articles = build_timeline(members, [_brief_article(a) for a in members], ingest_date)
    relations = find_copies(members)
    copies = build_copies(members, relations)
    entities = build_entities(members, ner)
    speakers = {a.name: e.canonical for e in entities if e.type != "LOC" for a in e.aliases}
    return Brief(
        story_id=story.id if story.id is not None else 0,
        title=story.title,
        articles=brief_articles,
        shared=tuple(shared),
        single=tuple(single),
        summary=tuple(_summary(members, shared, single)),
        timeline=timeline,
        entities=entities,
        **source_sections(members, shared, single, relations, speakers),
        copies=copies,
        claims=build_claims(members, copies),
    )


def _brief_article(article: Article) -> BriefArticle:
    credits: list[str] = []
    for credit in article.credits:
        if credit.source not in credits:
            credits.append(credit.source)
    return BriefArticle(
        article_id=article.id if article.id is not None else 0,
        label=article.label,
        title=article.title,
        outlet=article.outlet,
        url=article.url,
        published=article.published.iso() if article.published is not None else None,
        published_source=article.published_source,
        dateline_place=article.dateline_place,
        byline=article.byline,
        credits=tuple(credits),
        revision=article.revision if article.revision is not None else 0,
    )


def _summary(
    members: Sequence[Article], shared: Sequence[SharedSentence], single: Sequence[Citation]
) -> list[Citation]:
    """Pick 3-5 summary sentences: widely shared ones, then leads, then later sentences round-robin."""
    rank = {a.id: n for n, a in enumerate(members)}
    length = {a.id: max(len(a.text), 1) for a in members}

    def position(group: SharedSentence) -> float:
        return sum(c.start / length[c.article_id] for c in group.citations) / len(group.citations)

    def weight(group: SharedSentence) -> float:
        # News is written top-down (inverted pyramid): a sentence shared by many articles AND near their
        # tops is the story's core. Weighting the article count by (1 - mean relative position) keeps a
        # mid-article quote repeated by four outlets below a lead repeated by three.
        return len({c.article_id for c in group.citations}) * (1.0 - position(group))

    widest = sorted(range(len(shared)), key=lambda k: (-weight(shared[k]), k))
    # Each shared sentence is cited from its earliest article. One from the articles' lower parts (the
    # background several reports copied from one statement: a convict's record, a company's history)
    # waits until the leads have had their say.
    shared_picks = [
        min(shared[k].citations, key=lambda c: (rank[c.article_id], c.start))
        for k in widest
        if position(shared[k]) <= SUMMARY_CORE
    ]
    shared_later = [
        min(shared[k].citations, key=lambda c: (rank[c.article_id], c.start))
        for k in widest
        if position(shared[k]) > SUMMARY_CORE
    ]
    per_article: dict[int, list[Citation]] = {a.id: [] for a in members if a.id is not None}
    for citation in [c for s in shared for c in s.citations] + list(single):
        per_article[citation.article_id].append(citation)
    for sentences in per_article.values():
        sentences.sort(key=lambda c: c.start)
    leads = [s[0] for s in per_article.values() if s]
    longest = max(map(len, per_article.values()), default=0)
    later = [s[n] for n in range(1, longest) for s in per_article.values() if n < len(s)]

    chosen: list[Citation] = []
    seen: list[frozenset[str]] = []

    def take(candidates: list[Citation], limit: int) -> None:
        for citation in candidates:
            if len(chosen) >= limit:
                return
            words = len(citation.text.split())
            grams = shingles(citation.text)
            if words < SUMMARY_MIN_WORDS or not _quotes_balanced(citation.text):
                continue
            if is_title_case(citation.text):
                continue  # a subheading inside the body ("Hiller Feuded with Co-Workers Prior to Shooting")
            if any(match_score(grams, g, SUMMARY_DUPLICATE) for g in seen):
                continue
            chosen.append(citation)
            seen.append(grams)

    take(shared_picks, SUMMARY_SHARED_MAX)
    take(leads, SUMMARY_MAX)
    take(shared_later, SUMMARY_MIN)
    take(later, SUMMARY_MIN)
    take(shared_picks, SUMMARY_MIN)
    return chosen


def _quotes_balanced(text: str) -> bool:
    """False for a sentence cut out of a longer quotation ('"Our priority is …' without its close):
    on its own in a summary it would misquote."""
    straight = text.count('"') % 2 == 0
    return straight and text.count("\u201c") == text.count("\u201d")
