"""The catalogue of reasons an input message is rejected (one place, like spaCy's Errors)."""

from __future__ import annotations

from worker.models import DeadLetterStage


class RejectedInput(Exception):
    """An input message the worker cannot use; becomes a dead letter, never a crash."""

    def __init__(self, stage: DeadLetterStage, reason: str, message: str,
                 article_id: str | None = None) -> None:
        super().__init__(message)
        self.stage = stage
        self.reason = reason
        self.message = message
        self.article_id = article_id


# reason codes: stable strings that downstream tools may count or route on
INVALID_UTF8 = "invalid_utf8"
INVALID_JSON = "invalid_json"
NOT_AN_OBJECT = "not_an_object"
TOO_LARGE = "too_large"
TOO_DEEPLY_NESTED = "too_deeply_nested"
MISSING_FIELD = "missing_field"
INVALID_FIELD = "invalid_field"
EXTRACTION_ERROR = "extraction_error"
MERGE_ERROR = "merge_error"  # a candidate event the merge stage could not decode or merge

REASONS: dict[str, DeadLetterStage] = {
    INVALID_UTF8: DeadLetterStage.DECODE,
    INVALID_JSON: DeadLetterStage.DECODE,
    NOT_AN_OBJECT: DeadLetterStage.DECODE,
    TOO_LARGE: DeadLetterStage.DECODE,
    TOO_DEEPLY_NESTED: DeadLetterStage.DECODE,
    MISSING_FIELD: DeadLetterStage.VALIDATE,
    INVALID_FIELD: DeadLetterStage.VALIDATE,
    EXTRACTION_ERROR: DeadLetterStage.EXTRACT,
    MERGE_ERROR: DeadLetterStage.MERGE,
}
