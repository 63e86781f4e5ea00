"""Real-broker fixtures: one KRaft broker for the whole session (or KAFKA_BOOTSTRAP)."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from worker.devbroker import LocalBroker


@pytest.fixture(scope="session")
def kafka_broker() -> Iterator[LocalBroker | None]:
    """The session's broker; None when KAFKA_BOOTSTRAP names an outside one."""
    if os.environ.get("KAFKA_BOOTSTRAP"):
        yield None
        return
    broker = LocalBroker()
    broker.start()
    try:
        yield broker
    finally:
        broker.cleanup()


@pytest.fixture(scope="session")
def kafka_bootstrap(kafka_broker: LocalBroker | None) -> str:
    return os.environ.get("KAFKA_BOOTSTRAP") or kafka_broker.bootstrap  # type: ignore[union-attr]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "/integration/" in str(item.path):
            item.add_marker(pytest.mark.integration)
