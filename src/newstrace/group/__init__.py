"""Group stage: all articles → stories."""

from newstrace.group.simple import chronological_key, group_stories

__all__ = ["chronological_key", "group_stories"]
