"""Fixtures shared by the unit tests."""

from __future__ import annotations

import pytest

from worker.extract import Extractor
from worker.extract.gazetteer import GeoNamesGazetteer, load_gazetteer


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    """One extraction core for the whole run (its gazetteer takes ~2 s to load)."""
    return Extractor()


@pytest.fixture(scope="session")
def gaz() -> GeoNamesGazetteer:
    """The process's gazetteer (`load_gazetteer`, loaded once), for the place tests."""
    return load_gazetteer()
