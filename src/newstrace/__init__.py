"""newstrace: cross-check the news.

Read many reports, find the copies, group the reports of one story, and brief what the sources agree on,
what only one says, and where they contradict — every line citing its article and character span.

The pipeline (see :mod:`newstrace.pipeline`)::

    read ─► clean ─► annotate ─► group ─► compare ─► brief ─► store / render
"""

__version__ = "0.1.0"
