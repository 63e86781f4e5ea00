"""The extraction core: article in, events out. Pure (no Kafka, no Faust, no I/O after the
gazetteer is loaded once), deterministic, and fast.

    from worker.extract import Extractor
    events = Extractor().extract(article)
"""

from __future__ import annotations

from worker.extract.events import extract_events
from worker.extract.gazetteer import Gazetteer, load_gazetteer
from worker.models import Article, Event


class Extractor:
    """Holds the gazetteer (a service injected for tests) and extracts events from articles."""

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self.gazetteer = gazetteer if gazetteer is not None else load_gazetteer()

    def extract(self, article: Article) -> list[Event]:
        return extract_events(article, self.gazetteer)

    __call__ = extract


__all__ = ["Extractor", "Gazetteer", "load_gazetteer"]
