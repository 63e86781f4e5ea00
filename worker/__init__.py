"""Conflict-news ingestion worker: Kafka articles in, ACLED-style events out."""

__version__ = "0.1.0"
