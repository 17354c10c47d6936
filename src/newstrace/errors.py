"""Exceptions raised by newstrace.

All of them derive from one base class, so a caller can catch everything newstrace raises at once::

    NewstraceError
     ├── InputError          an input cannot be read as an article (the run report records the reason)
     ├── ConfigError         an option or config file is wrong; the message says how to fix it
     └── StoreError          the store cannot be opened or written
          └── SchemaError    the store was written by a newer newstrace, or is not a newstrace store

Third-party errors are translated at the boundary (``raise InputError(...) from exc``); a user's mistake
never surfaces as a traceback from the CLI.
"""

from __future__ import annotations


class NewstraceError(Exception):
    """Base class of every error newstrace raises on purpose."""


class InputError(NewstraceError):
    """An input cannot be read as an article. ``str(exc)`` is the one-line reason for the run report."""

    def __init__(self, reason: str, line: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.line = line


class ConfigError(NewstraceError):
    """An option or config file is wrong; the message says how to fix it."""


class StoreError(NewstraceError):
    """The store cannot be opened or written."""


class SchemaError(StoreError):
    """The database is not a newstrace store, or was written by a newer version."""
