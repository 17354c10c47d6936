"""Options: the defaults live here, in one place; a config file or CLI flags override only what they set.

Build options with :func:`make_options`; copy with :func:`dataclasses.replace` before changing one.

Example:
    >>> opts = make_options(max_bytes=1_000_000)
    >>> opts.max_bytes, opts.db
    (1000000, 'newstrace.db')
"""

from __future__ import annotations

import dataclasses
import tomllib
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from newstrace.errors import ConfigError

# A config file in the working directory is read when present; --config names another.
DEFAULT_CONFIG_FILE = "newstrace.toml"


@dataclass(frozen=True, slots=True)
class Options:
    """Every tunable of a run. Frozen: copy with ``dataclasses.replace``."""

    # Where articles are kept: a file path (SQLite) or an SQLAlchemy URL (sqlite:///…, postgresql://…).
    db: str = "newstrace.db"
    # A text, HTML or feed file larger than this is refused unread (it is held in memory whole); JSONL
    # and WARC files are streamed, so the limit applies to each line or record instead — crawls and
    # dumps of many GB are normal. 20 MB is far above the largest real article page.
    max_bytes: int = 20 * 1024 * 1024
    # A body shorter than this (in characters, after cleaning) is not an article: navigation pages and
    # empty extractions fall below it, the shortest wire briefs (~150 characters) stay above.
    min_chars: int = 80
    # Any rejected input makes the run exit 1.
    strict: bool = False
    # Story clustering (group/stories.py): minimum time-decayed TF-IDF cosine between a new article and
    # a story's centroid (lead words and the article's names and numbers) for the article to join it.
    # Calibrated with benchmarks/group_stories.py on ECB+ dev (in-sample, see BENCHMARKS.md): B-cubed F1
    # peaks at 0.3 (0.89 in file order, 0.91 reversed) and is within 0.02 of that from 0.25 to 0.325.
    story_threshold: float = 0.3
    # Sentence matching (compare/overlap.py): minimum word-trigram Jaccard for two sentences to count as
    # (near-)verbatim copies. 0.5 keeps light edits (a changed word or two) and drops paraphrases.
    sentence_similarity: float = 0.5
    # Articles committed per store transaction: a killed run loses at most this many, and re-running
    # completes them (ingest is idempotent).
    batch_size: int = 200
    # The ingest date (ISO, "2023-09-12"): a publication year inferred from a weekday is never after it.
    # Empty: the day of the run. Set it to re-run an archive as of the day it was collected.
    ingest_date: str = ""
    # Named-entity model (issue 4): "fast", the spaCy CNN tagger (about 20 ms per 600-word article), or
    # "accurate", a BiLSTM head over contextual MiniLM features (higher F1 at several times the cost;
    # figures in BENCHMARKS.md). Both run the gazetteer and name rules on top.
    ner: str = "fast"

    def ingest_day(self) -> date:
        """The ingest date as a date: ``ingest_date`` when set, else today."""
        return date.fromisoformat(self.ingest_date) if self.ingest_date else date.today()


_FIELDS = {f.name: f for f in dataclasses.fields(Options)}
# The values of Options.ner.
NER_MODES = ("fast", "accurate")


def make_options(config_file: str | Path | None = None, **overrides: Any) -> Options:
    """Defaults, then the config file's keys, then keyword overrides (``None`` values are ignored).

    Raises:
        ConfigError: unknown key, wrong type, or unreadable config file.
    """
    values: dict[str, Any] = {}
    path = Path(config_file) if config_file else Path(DEFAULT_CONFIG_FILE)
    if config_file or path.exists():
        values.update(_read_config(path))
    values.update({k: v for k, v in overrides.items() if v is not None})
    for key, value in values.items():
        if key not in _FIELDS:
            known = ", ".join(sorted(_FIELDS))
            raise ConfigError(f"unknown option {key!r}; known options: {known}")
        expected = type(getattr(Options(), key))
        if key == "ingest_date" and isinstance(value, date):
            value = values[key] = value.isoformat()  # an unquoted TOML date
        if expected is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
            values[key] = value
        if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
            raise ConfigError(f"option {key!r} must be {expected.__name__}, got {value!r}")
    opts = Options(**values)
    if opts.max_bytes <= 0 or opts.batch_size <= 0:
        raise ConfigError("max_bytes and batch_size must be positive")
    check_ner_mode(opts.ner)
    if opts.ingest_date:
        try:
            date.fromisoformat(opts.ingest_date)
        except ValueError as exc:
            raise ConfigError(
                f"option 'ingest_date' must be an ISO date like 2023-09-12, got {opts.ingest_date!r}"
            ) from exc
    return opts


def check_ner_mode(ner: str) -> None:
    """Refuse an NER mode that is not one of :data:`NER_MODES`.

    Raises:
        ConfigError: one line naming the modes.
    """
    if ner not in NER_MODES:
        raise ConfigError(f"option 'ner' must be one of {', '.join(NER_MODES)}; got {ner!r}")


def _read_config(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except FileNotFoundError as exc:
        raise ConfigError(f"config file {path} does not exist") from exc
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"config file {path} cannot be read: {exc}") from exc
    # Keys may sit at the top level or under [newstrace].
    section = data.get("newstrace", data)
    if not isinstance(section, dict):
        raise ConfigError(f"config file {path}: [newstrace] must be a table")
    return dict(section)
