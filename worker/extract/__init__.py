"""The extraction core: article in, events out. Pure (no Kafka, no Faust, no I/O after the
gazetteer is loaded once), deterministic, and fast.

    from worker.extract import Extractor
    events = Extractor().extract(article)

The finder modules (classify, actors, places, dates, casualties, sources) are imported when
an Extractor is made, so importing one of them alone stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from worker.models import Article, Event

if TYPE_CHECKING:
    from worker.extract.gazetteer import Gazetteer


class Extractor:
    """Holds the gazetteer (a service injected for tests) and extracts events from articles."""

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        from worker.extract.gazetteer import load_gazetteer

        self.gazetteer = gazetteer if gazetteer is not None else load_gazetteer()

    def extract(self, article: Article) -> list[Event]:
        from worker.extract.events import extract_events

        return extract_events(article, self.gazetteer)

    __call__ = extract


__all__ = ["Extractor"]
