"""The ingest stage: read inputs into :class:`~newstrace.model.Article` records, then clean them.

Reading (this package's readers, one module per format)::

    read_inputs(paths, options) ─► sniff ─► text | html | jsonl | feed | warc ─► Article | Rejection

Example:
    >>> from newstrace.config import Options
    >>> for item in read_inputs(["reports/"], Options()):  # doctest: +SKIP
    ...     print(item)
"""

from newstrace.ingest.read import read_file, read_inputs
from newstrace.ingest.urls import date_from_url, normalise_url, outlet_from_url

__all__ = ["date_from_url", "normalise_url", "outlet_from_url", "read_file", "read_inputs"]
