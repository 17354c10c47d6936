"""Brief stage: one story's comparison → :class:`~newstrace.model.Brief` → Markdown, HTML, JSON."""

from newstrace.brief.build import build_brief
from newstrace.brief.html import render_html
from newstrace.brief.jsonout import brief_to_dict, render_json
from newstrace.brief.markdown import render_markdown

__all__ = ["brief_to_dict", "build_brief", "render_html", "render_json", "render_markdown"]
