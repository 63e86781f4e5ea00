"""Fixtures shared by the unit tests."""

from __future__ import annotations

import pytest

from worker.extract import Extractor


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    """One extraction core for the whole run (its gazetteer takes ~2 s to load)."""
    return Extractor()
