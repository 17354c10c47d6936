"""Group stage: all articles → copy relations (copies.py, over minhash.py + lsh.py) and stories
(stories.py, placed incrementally by incremental.py). simple.py is the first grouping, kept as a baseline.
"""

from newstrace.group.copies import find_copies
from newstrace.group.incremental import assign_stories
from newstrace.group.simple import chronological_key, group_stories

__all__ = ["assign_stories", "chronological_key", "find_copies", "group_stories"]
