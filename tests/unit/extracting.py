"""Running the extraction core on a sentence written for a test."""

from __future__ import annotations

from worker.extract import Extractor, classify
from worker.models import Article, Event, SubEventType


def events(extractor: Extractor, body: str, published: str) -> list[Event]:
    """The events of an article of `body` published on `published` (YYYY-MM-DD)."""
    return extractor.extract(Article(id="test", body=body, published_at=published))


def one_event(extractor: Extractor, body: str, published: str) -> Event:
    """The one event of such an article (the test fails, showing them, if there are more)."""
    found = events(extractor, body, published)
    assert len(found) == 1, found
    return found[0]


def sub_of(text: str) -> SubEventType | None:
    """The sub-event type the classifier gives `text` alone (None: no event)."""
    found = classify.classify(text)
    return found.sub_event_type if found is not None else None
