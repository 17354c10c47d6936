"""The ``newstrace`` command: a thin layer over :mod:`newstrace.pipeline`.

Exit codes: 0 success; 1 nothing could be read, a store error, or (with ``--strict``) any rejected input;
2 a usage error (unknown option, bad value, missing argument). Every error is one line on stderr, never a
traceback for a user's mistake. Rejected inputs are listed on stderr as ``path[:line]: reason``.

Heavy imports (trafilatura, SQLAlchemy, rich) happen inside the commands, so ``newstrace --help`` is fast.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NoReturn

import click

from newstrace.config import Options, make_options
from newstrace.errors import ConfigError, NewstraceError
from newstrace.model import Article, Rejection, RunReport

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def _fail(message: str, code: int = EXIT_FAILED) -> NoReturn:
    click.echo(f"error: {message}", err=True)
    sys.exit(code)


def _options(ctx: click.Context, **overrides: Any) -> Options:
    try:
        return make_options(ctx.obj.get("config"), db=ctx.obj.get("db"), **overrides)
    except ConfigError as exc:
        _fail(str(exc), EXIT_USAGE)


@contextmanager
def _store(options: Options) -> Iterator[Any]:
    from newstrace.store import open_store

    try:
        store = open_store(options.db)
    except NewstraceError as exc:
        _fail(str(exc))
    try:
        yield store
    except NewstraceError as exc:
        _fail(str(exc))
    finally:
        store.close()


@contextmanager
def _reading_progress(quiet: bool) -> Iterator[Callable[[Article | Rejection], None]]:
    """A live count of articles read and inputs rejected (no total: directories are walked lazily)."""
    from rich.progress import Progress, ProgressColumn, SpinnerColumn, TextColumn, TimeElapsedColumn
    from rich.text import Text

    class RateColumn(ProgressColumn):
        """Inputs per second, averaged by rich over the last half minute."""

        def render(self, task: Any) -> Text:
            return Text(f"{task.speed:,.0f}/s" if task.speed else "", style="cyan")

    console_err = _stderr_console()
    progress = Progress(
        SpinnerColumn(),
        TextColumn("[bold]reading[/] {task.fields[articles]} articles, {task.fields[rejected]} rejected"),
        RateColumn(),
        TextColumn("{task.fields[current]}", style="dim"),
        TimeElapsedColumn(),
        console=console_err,
        transient=True,
        disable=quiet or not console_err.is_terminal,
    )
    counts = {"articles": 0, "rejected": 0}
    with progress:
        task = progress.add_task("read", total=None, articles=0, rejected=0, current="")

        def on_item(item: Article | Rejection) -> None:
            counts["articles" if isinstance(item, Article) else "rejected"] += 1
            where = item.source.path if isinstance(item, Article) else item.path
            progress.update(
                task,
                advance=1,
                current=Path(where).name,
                articles=counts["articles"],
                rejected=counts["rejected"],
            )

        yield on_item


def _stderr_console() -> Any:
    from rich.console import Console

    return Console(stderr=True)


def _report_run(report: RunReport) -> None:
    for rejection in report.rejections:
        click.echo(str(rejection), err=True)
    click.echo(
        f"read {report.read} articles: {report.new} new, {report.revisions} revised, "
        f"{report.unchanged} unchanged; {len(report.rejections)} inputs rejected",
        err=True,
    )


def _run_exit_code(report: RunReport, strict: bool) -> int:
    if report.read == 0:
        click.echo("error: nothing could be read", err=True)
        return EXIT_FAILED
    if strict and report.rejections:
        click.echo(f"error: {len(report.rejections)} inputs rejected (--strict)", err=True)
        return EXIT_FAILED
    return EXIT_OK


_DB_HELP = "Store: a SQLite file path or an SQLAlchemy URL (default: ./newstrace.db)."
_STRICT_HELP = "Exit 1 if any input is rejected."
_MAX_BYTES_HELP = "Refuse input files larger than this many bytes (default 20 MB)."
# A plain string, not click.Choice: make_options checks it, so a bad value reads the same one-line error
# from the command line as from a config file.
_NER_HELP = "Named-entity model: fast (default) or accurate (contextual MiniLM, several times slower)."


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--db", metavar="PATH|URL", help=_DB_HELP)
@click.option(
    "--config", type=click.Path(dir_okay=False), help="TOML config file (default: ./newstrace.toml)."
)
@click.version_option(package_name="newstrace")
@click.pass_context
def cli(ctx: click.Context, db: str | None, config: str | None) -> None:
    """Cross-check the news: read reports, find copies, group stories, brief what sources say."""
    ctx.ensure_object(dict)
    ctx.obj.update(db=db, config=config)


@cli.command("ingest")
@click.argument("paths", nargs=-1, required=True)
@click.option("--strict", is_flag=True, default=None, help=_STRICT_HELP)
@click.option("--max-bytes", type=click.IntRange(min=1), help=_MAX_BYTES_HELP)
@click.option("-q", "--quiet", is_flag=True, help="No progress display.")
@click.pass_context
def ingest_cmd(
    ctx: click.Context, paths: Sequence[str], strict: bool | None, max_bytes: int | None, quiet: bool
) -> None:
    """Read PATHS (files, directories, or - for stdin) into the store, then regroup the stories."""
    from newstrace.pipeline import ingest, regroup

    options = _options(ctx, strict=strict, max_bytes=max_bytes)
    with _store(options) as store:
        with _reading_progress(quiet) as on_item:
            report, _ = ingest(paths, options, store, on_item)
        _report_run(report)
        if report.new or report.revisions:
            stories = regroup(store, options)
            click.echo(f"{store.count_articles()} articles in {len(stories)} stories", err=True)
    sys.exit(_run_exit_code(report, options.strict))


def _copy_row(relation: Any) -> dict[str, Any]:
    return {
        "copy_id": relation.copy_id,
        "original_id": relation.original_id,
        "kind": relation.kind,
        "similarity": relation.similarity,
        "containment": relation.containment,
    }


def _originals(relations: Sequence[Any]) -> list[int]:
    """Roots of the copy trees: originals that copy nothing themselves, in order of first mention."""
    copied = {r.copy_id for r in relations}
    return list(dict.fromkeys(r.original_id for r in relations if r.original_id not in copied))


def _tree_lines(relations: Sequence[Any], labels: dict[int, str]) -> list[str]:
    """A copy forest drawn as indented lines: each original, then its copies under it."""
    children: dict[int, list[Any]] = {}
    for relation in relations:
        children.setdefault(relation.original_id, []).append(relation)
    lines: list[str] = []

    def walk(node: int, depth: int) -> None:
        for r in children.get(node, []):
            label = labels.get(r.copy_id, "")
            lines.append(f"{'  ' * depth}└ #{r.copy_id} {r.kind} copy ({r.similarity:.2f}) · {label}")
            walk(r.copy_id, depth + 1)

    for root in _originals(relations):
        lines.append(f"#{root} original · {labels.get(root, '')}")
        walk(root, 1)
    return lines


def _story_rows(store: Any) -> list[dict[str, Any]]:
    rows = []
    for story in store.stories():
        articles = store.articles(story.article_ids)
        members = set(story.article_ids)
        relations = [r for r in store.copies(story.article_ids) if r.copy_id in members]
        rows.append(
            {
                "id": story.id,
                "title": story.title,
                "originals": _originals(relations),
                "copies": [_copy_row(r) for r in relations],
                "articles": [
                    {
                        "id": a.id,
                        "label": a.label,
                        "external_id": a.external_id,
                        "source": str(a.source),
                        "title": a.title,
                        "outlet": a.outlet,
                        "published": a.published.iso() if a.published else None,
                        "url": a.url,
                    }
                    for a in articles
                ],
            }
        )
    return rows


@cli.command("stories")
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
@click.pass_context
def stories_cmd(ctx: click.Context, as_json: bool) -> None:
    """List the stories in the store with their articles."""
    options = _options(ctx)
    with _store(options) as store:
        rows = _story_rows(store)
    if as_json:
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    from rich.table import Table

    from newstrace.model import CopyRelation

    table = Table(title=f"{len(rows)} stories", show_lines=True)
    for column in ("story", "title", "articles", "copies (original first)"):
        table.add_column(column, overflow="fold")
    for row in rows:
        listing = "\n".join(
            f"#{a['id']} {a['outlet'] or '?'} · {a['published'] or 'no date'} · {a['label']}"
            for a in row["articles"]
        )
        labels = {a["id"]: a["outlet"] or a["label"] for a in row["articles"]}
        tree = _tree_lines([CopyRelation(**c) for c in row["copies"]], labels)
        table.add_row(str(row["id"]), row["title"], listing, "\n".join(tree) or "none")
    _console().print(table)


@cli.command("copies")
@click.argument("article_id", type=int)
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
@click.pass_context
def copies_cmd(ctx: click.Context, article_id: int, as_json: bool) -> None:
    """List the copy tree of article ARTICLE_ID: its likely original and every copy of it."""
    options = _options(ctx)
    with _store(options) as store:
        store.article(article_id)  # a StoreError ("no article N") when it is not there
        relations = store.copy_tree(article_id)
        ids = sorted({i for r in relations for i in (r.copy_id, r.original_id)})
        labels = {a.id: f"{a.outlet or '?'} · {a.label}" for a in store.articles(ids)}
    originals = _originals(relations)
    if as_json:
        payload = {
            "article_id": article_id,
            "original_id": originals[0] if originals else None,
            "copies": [_copy_row(r) for r in relations],
        }
        click.echo(json.dumps(payload, indent=2, ensure_ascii=False))
        return
    if not relations:
        click.echo(f"article {article_id} copies no article and no article copies it")
        return
    for line in _tree_lines(relations, labels):
        click.echo(line)


@cli.command("brief")
@click.argument("story_id", type=int)
@click.option("--format", "fmt", type=click.Choice(["md", "html", "json"]), default="md", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to this file, not stdout.")
@click.option("--rebuild", is_flag=True, help="Build the brief even if the stored one is still valid.")
@click.option("--ner", metavar="fast|accurate", help=_NER_HELP)
@click.pass_context
def brief_cmd(
    ctx: click.Context, story_id: int, fmt: str, output: str | None, rebuild: bool, ner: str | None
) -> None:
    """Write the brief of story STORY_ID (the stored brief when its articles and options are unchanged)."""
    from newstrace.pipeline import brief_story, render_brief

    options = _options(ctx, ner=ner)
    with _store(options) as store:
        brief, articles = brief_story(store, store.story(story_id), options, rebuild=rebuild)
        text = render_brief(brief, articles, fmt)
    if output:
        Path(output).write_text(text, encoding="utf-8")
        click.echo(f"wrote {output}", err=True)
    else:
        click.echo(text, nl=not text.endswith("\n"))


@cli.command("analyze")
@click.argument("paths", nargs=-1, required=True)
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False), help="Folder for briefs.")
@click.option("--strict", is_flag=True, default=None, help=_STRICT_HELP)
@click.option("--max-bytes", type=click.IntRange(min=1), help=_MAX_BYTES_HELP)
@click.option("-q", "--quiet", is_flag=True, help="No progress display.")
@click.option("--ner", metavar="fast|accurate", help=_NER_HELP)
@click.pass_context
def analyze_cmd(
    ctx: click.Context,
    paths: Sequence[str],
    out_dir: str,
    strict: bool | None,
    max_bytes: int | None,
    quiet: bool,
    ner: str | None,
) -> None:
    """Ingest PATHS, group stories, and write every touched story's brief (md, html, json) to --out."""
    from newstrace.pipeline import analyze

    options = _options(ctx, strict=strict, max_bytes=max_bytes, ner=ner)
    with _store(options) as store, _reading_progress(quiet) as on_item:
        result = analyze(paths, options, out_dir, store=store, on_item=on_item)
    _report_run(result.report)
    _print_analysis(result, out_dir)
    sys.exit(_run_exit_code(result.report, options.strict))


# Width the count columns of the analyze table take with their spacing (six counts, the story id and the
# gaps between them, no vertical borders): the title gets the rest of the line, ending in "…".
COUNT_COLUMNS_WIDTH = 64
# A title is never cut shorter than this; a terminal narrower than 80 columns wraps the row instead.
MIN_TITLE_WIDTH = 16


def _print_analysis(result: Any, out_dir: str) -> None:
    from rich import box
    from rich.table import Table

    console = _console()
    table = Table(
        title=f"{len(result.briefs)} stories briefed into {out_dir}",
        box=box.SIMPLE_HEAD,
        collapse_padding=True,
        pad_edge=False,
    )
    table.add_column("story", justify="right", no_wrap=True, min_width=len("story"))
    for column in ("articles", "outlets", "copies", "agreed", "conflicts", "single"):
        table.add_column(column, justify="right", no_wrap=True, min_width=len(column))
    title_width = max(MIN_TITLE_WIDTH, console.width - COUNT_COLUMNS_WIDTH)
    table.add_column("title", no_wrap=True)
    for brief in result.briefs:
        outlets = {a.outlet for a in brief.articles if a.outlet}
        labels = [c.label for c in brief.claims]
        conflicts = sum(d.conflict for c in brief.claims for d in c.differences)
        table.add_row(
            str(brief.story_id),
            str(len(brief.articles)),
            str(len(outlets)),
            str(len(brief.copies)),
            str(labels.count("agreed")),
            str(conflicts),
            str(labels.count("single")),
            brief.title if len(brief.title) <= title_width else brief.title[: title_width - 1] + "…",
        )
    console.print(table)


# Width of tables written to a file or a pipe: rich would assume 80 columns, too narrow for a title beside
# six counts (the title column shrank to a word per line).
PIPE_WIDTH = 120


def _console() -> Any:
    """A rich console: the terminal's width, or :data:`PIPE_WIDTH` when output is not a terminal."""
    from rich.console import Console

    console = Console()
    return console if console.is_terminal else Console(width=PIPE_WIDTH)


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point of the ``newstrace`` console script."""
    cli.main(args=list(argv) if argv is not None else None, prog_name="newstrace")
