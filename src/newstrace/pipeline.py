"""The orchestrator: one public function per step, chained in this order.

    read_inputs ─► clean_article ─► Store.add_articles ─► find_copies ─► assign_stories ─► build_brief ─►
    (ingest/)      (ingest/clean)   (store/)              (group/)        (group/)           (brief/)
    render_*
    (brief/)

- :func:`ingest` reads and cleans every input and keeps each article in the store; it never raises for a
  bad input: each one becomes a line of the :class:`~newstrace.model.RunReport`.
- :func:`regroup` finds copies and places new articles into stories, keeping the stored ones
  (incremental story clustering, :mod:`newstrace.group`).
- :func:`brief_story` builds one story's :class:`~newstrace.model.Brief` and keeps it in the store, or
  reuses the stored one while the story's articles and the options are unchanged.
- :func:`analyze` runs all three and writes each touched story's brief as Markdown, HTML and JSON.

Example:
    >>> from newstrace.config import make_options
    >>> from newstrace.pipeline import analyze
    >>> result = analyze(["examples/corpus"], make_options(db=":memory:"), "out")  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from newstrace.config import Options
from newstrace.model import Article, Brief, Rejection, RunReport, Story
from newstrace.store import Store

# Called once per input item as it is read (an article, or the rejection of an input), for progress bars.
OnItem = Callable[[Article | Rejection], None]


def cleaned_articles(
    paths: Iterable[str], options: Options, report: RunReport, on_item: OnItem | None = None
) -> Iterator[Article]:
    """Read and clean every input; rejected inputs go to ``report.rejections`` and are not yielded.

    An article whose cleaned body is shorter than ``options.min_chars`` is rejected as "no article text".
    """
    from newstrace.ingest import read_inputs
    from newstrace.ingest.clean import clean_article

    for item in read_inputs(paths, options):
        if isinstance(item, Article):
            article = clean_article(item)
            if len(article.text.strip()) < options.min_chars:
                item = Rejection(
                    article.source.path,
                    f"no article text: {len(article.text.strip())} characters after cleaning "
                    f"(min_chars is {options.min_chars})",
                    article.source.line,
                )
            else:
                item = article
        if isinstance(item, Rejection):
            report.rejections.append(item)
        if on_item is not None:
            on_item(item)
        if isinstance(item, Article):
            yield item


def ingest(
    paths: Sequence[str], options: Options, store: Store, on_item: OnItem | None = None
) -> tuple[RunReport, list[int]]:
    """Read, clean and store every input; returns the run report and the ids of the articles read.

    Ingest is idempotent: content already stored counts as ``unchanged``; a changed text at a known URL
    becomes a new revision. Each batch of ``options.batch_size`` articles is one transaction, so a killed
    run leaves the store consistent and re-running completes it.
    """
    report = RunReport()
    ids: list[int] = []
    for stored in store.add_articles(cleaned_articles(paths, options, report, on_item), options.batch_size):
        report.count(stored)
        ids.append(stored.article_id)
    store.record_run(report, list(paths))
    return report, ids


def regroup(store: Store, options: Options) -> list[Story]:
    """Find copies of the articles no story holds yet and place them into stories; return every story.

    Incremental: stories already stored keep their articles and their ids (``newstrace brief 3`` still
    means the same story after more articles arrive); each new article joins the story of its copy tree
    or the story it fits best, or starts a new one. Nothing is re-clustered (see :func:`place_new`).
    """
    place_new(store, options)
    return store.stories()


def place_new(store: Store, options: Options) -> list[Story]:
    """Copies and stories for the articles no story holds yet; returns the stories that took them in.

    A store grouped before holds the placement state (band keys, story centroids, word frequencies;
    :mod:`newstrace.store.grouping`), so this reads only the new articles, the stored articles that
    share an LSH band key with them, their copy trees and the stories their words block into, and writes
    back only what changed, all in one transaction: the cost follows the new articles, not the corpus.
    The first grouping of a store (or of one upgraded from schema version 2) groups every article the
    way :func:`newstrace.group.assign_stories` does and keeps the state.
    """
    from newstrace.group.copies import copy_forest, new_copy_pairs
    from newstrace.group.incremental import place_fresh
    from newstrace.group.lsh import MAX_NEIGHBOURS
    from newstrace.group.simple import make_story
    from newstrace.group.stories import StoryClusterer
    from newstrace.store.grouping import text_band_keys

    with store.grouping() as session:
        if not session.has_state():
            full = True
        else:
            full = False
            fresh_ids = session.ungrouped_ids()
            if not fresh_ids:
                return []
            fresh = session.articles(fresh_ids)
            keys = [int(k) for ks in text_band_keys([a.text or a.raw_text for a in fresh]) for k in ks]
            near = session.articles(session.band_neighbours(keys, set(fresh_ids), MAX_NEIGHBOURS))
            pairs = new_copy_pairs(fresh, near)
            touched = {i for p in pairs for i in (p.left, p.right)}
            old = session.copy_trees(touched) if touched else []
            member_ids = sorted(touched | {i for r in old for i in (r.copy_id, r.original_id)})
            known = {a.id: a for a in fresh + near}
            members = session.articles([i for i in member_ids if i not in known])
            known.update((a.id, a) for a in members)
            relations = copy_forest([known[i] for i in member_ids], old, pairs, session.credited_sources())
            session.replace_copy_trees(member_ids, relations)
            story_of = session.story_ids_of(member_ids)
            clusterer = StoryClusterer(options.story_threshold, source=session)
            joined: dict[int, list[int]] = {}
            for article_id, key in place_fresh(fresh, story_of, relations, clusterer):
                joined.setdefault(key, []).append(article_id)
            changes = clusterer.changes()
            story_ids: dict[int, int] = {}
            for key in changes.new_keys:  # in creation order, so story ids keep the clusterer's order
                story_ids[key] = session.create_story(make_story([known[i] for i in joined[key]]))
            for key, ids in joined.items():
                if key not in story_ids:
                    session.add_to_story(key, sorted(ids))
            session.save_state(changes, story_ids)
            grown = sorted(story_ids.get(k, k) for k in joined)
    if full:
        return _group_all(store, options)
    return [store.story(i) for i in grown]


def _group_all(store: Store, options: Options) -> list[Story]:
    from newstrace.group import find_copies
    from newstrace.group.incremental import group_with_state

    articles = store.articles()
    copies = find_copies(articles)
    store.replace_copies(copies)
    grouping = group_with_state(articles, store.stories(), copies, options.story_threshold)
    stories = store.replace_stories(grouping.stories)
    with store.grouping() as session:
        session.fill_band_keys()
        ids = {k: s.id for k, s in zip(grouping.keys, stories, strict=True) if s.id is not None}
        session.save_state(grouping.state, ids, True)
    return stories


def brief_story(
    store: Store, story: Story, options: Options, rebuild: bool = False
) -> tuple[Brief, list[Article]]:
    """One story's brief, reused from the store while still valid; returns it with the story's articles
    (the HTML renderer shows them).

    The store keeps the brief's JSON under a key covering the story's title, its (article id, revision) pairs,
    ``sentence_similarity``, the ingest day, the NER mode and the brief schema
    (:func:`newstrace.store.briefs.brief_key`). When the stored key matches, the :class:`Brief` record is read
    back from that JSON (:func:`newstrace.brief.jsonin.brief_from_dict`, an exact inverse of
    ``brief_to_dict``) rather than kept only for JSON output: every renderer then works the same from a stored
    brief as from a built one, and Markdown and HTML are reused too. The articles are always read from the
    store (cheap next to building: no model is loaded). Otherwise the brief is built and saved with its
    provenance graph and entities.

    Args:
        store: the store holding the story.
        story: a stored story (its ``id`` is set).
        options: ``sentence_similarity``, ``ingest_date`` and ``ner`` are used.
        rebuild: build the brief even when the stored one is valid (and store the new one).
    """
    from newstrace.brief import build_brief
    from newstrace.brief.jsonin import brief_from_dict
    from newstrace.brief.jsonout import SCHEMA_VERSION
    from newstrace.store.briefs import brief_key

    articles = store.articles(story.article_ids)
    day = options.ingest_day()
    key = brief_key(
        story.title,
        [(a.id or 0, a.revision or 0) for a in articles],
        options.sentence_similarity,
        day,
        SCHEMA_VERSION,
        options.ner,
    )
    if story.id is not None and not rebuild:
        stored = store.stored_brief(story.id, key)
        if stored is not None:
            return brief_from_dict(stored), articles
    brief = build_brief(story, articles, options.sentence_similarity, day, options.ner)
    if story.id is not None:
        store.save_brief(story.id, key, brief)
    return brief, articles


BRIEF_FORMATS = ("md", "html", "json")


def render_brief(brief: Brief, articles: Sequence[Article], fmt: str) -> str:
    """Render a brief as ``md``, ``html`` or ``json``."""
    from newstrace.brief import render_html, render_json, render_markdown

    if fmt == "md":
        return render_markdown(brief)
    if fmt == "html":
        return render_html(brief, articles)
    if fmt == "json":
        return render_json(brief)
    raise ValueError(f"unknown brief format {fmt!r}; choose one of {', '.join(BRIEF_FORMATS)}")


@dataclass(slots=True)
class Analysis:
    """What :func:`analyze` did: the run report, the stories it briefed and the files it wrote."""

    report: RunReport
    briefs: list[Brief] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)


def analyze(
    paths: Sequence[str],
    options: Options,
    out_dir: str | Path,
    store: Store | None = None,
    on_item: OnItem | None = None,
) -> Analysis:
    """Ingest ``paths``, regroup the store, and write a brief in every format for each story that holds an
    article of this run, as ``out_dir/story-<id>.{md,html,json}``. Each brief is kept in the store
    (:func:`brief_story`), and a still valid stored one is reused.
    """
    from newstrace.store import open_store

    own_store = store is None
    store = store or open_store(options.db)
    try:
        report, ids = ingest(paths, options, store, on_item)
        touched = set(ids)
        stories = [s for s in regroup(store, options) if touched.intersection(s.article_ids)]
        out = Path(out_dir)
        out.mkdir(parents=True, exist_ok=True)
        result = Analysis(report)
        for story in stories:
            brief, articles = brief_story(store, story, options)
            result.briefs.append(brief)
            for fmt in BRIEF_FORMATS:
                path = out / f"story-{brief.story_id}.{fmt}"
                path.write_text(render_brief(brief, articles, fmt), encoding="utf-8")
                result.files.append(path)
        return result
    finally:
        if own_store:
            store.close()
