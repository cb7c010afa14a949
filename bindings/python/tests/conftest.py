"""Shared fixtures: the repository's test vectors and the sample registry."""

from __future__ import annotations

from pathlib import Path

import pytest

import pkit

ROOT = Path(__file__).resolve().parents[3]
VECTORS = ROOT / "tests" / "vectors"


@pytest.fixture(scope="session")
def sample() -> pkit.Registry:
    return pkit.sample()
