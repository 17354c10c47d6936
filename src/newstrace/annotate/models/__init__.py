"""The trained pipelines that ship with newstrace (package data; see MODEL_CARD.md)."""
