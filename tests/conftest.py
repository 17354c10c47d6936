"""Shared fixtures. Cases that need ../shared (seeds, data sets) skip with a reason when it is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

from newstrace.config import Options, make_options

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "examples" / "seeds"
EXAMPLES = REPO / "examples"


@pytest.fixture
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"seed reports not found at {SEEDS}")
    return SEEDS


@pytest.fixture
def options(tmp_path: Path) -> Options:
    """Default options with the store in a fresh temporary file."""
    return make_options(db=str(tmp_path / "test.db"))
