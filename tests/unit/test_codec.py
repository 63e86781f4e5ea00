from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import orjson
import pytest

from worker import codec, errors
from worker.errors import RejectedInput
from worker.models import DeadLetterStage

GOOD = {"id": "a1", "body": "Gunmen attacked a village.", "published_at": "2024-03-01"}


def decode(raw: bytes, **kw: object) -> object:
    return codec.decode_article(raw, max_bytes=10_000, **kw)  # type: ignore[arg-type]


def test_valid_article_keeps_unknown_fields() -> None:
    article = codec.decode_article(orjson.dumps({**GOOD, "desk": "africa"}), max_bytes=10_000)
    assert article.id == "a1"
    assert article.published_date == date(2024, 3, 1)
    assert article.model_extra == {"desk": "africa"}


def test_datetime_published_at() -> None:
    article = codec.decode_article(
        orjson.dumps({**GOOD, "published_at": "2024-03-01T23:10:00+02:00"}), max_bytes=10_000)
    assert article.published_date == date(2024, 3, 1)


@pytest.mark.parametrize(
    ("raw", "stage", "reason"),
    [
        (b'{"id": "x", "body": "\xff\xfe"}', DeadLetterStage.DECODE, errors.INVALID_UTF8),
        (b'{"id": "x", "body": ', DeadLetterStage.DECODE, errors.INVALID_JSON),
        (b'{"id": "x"} trailing', DeadLetterStage.DECODE, errors.INVALID_JSON),
        (b"[1, 2]", DeadLetterStage.DECODE, errors.NOT_AN_OBJECT),
        (b'"just a string"', DeadLetterStage.DECODE, errors.NOT_AN_OBJECT),
        (b"[" * 3000 + b"]" * 3000, DeadLetterStage.DECODE, errors.TOO_DEEPLY_NESTED),
        (b'{"id": "x", "published_at": "2024-01-01"}', DeadLetterStage.VALIDATE,
         errors.MISSING_FIELD),
        (orjson.dumps({**GOOD, "published_at": "yesterday"}), DeadLetterStage.VALIDATE,
         errors.INVALID_FIELD),
        (orjson.dumps({**GOOD, "body": 42}), DeadLetterStage.VALIDATE, errors.INVALID_FIELD),
        (orjson.dumps({**GOOD, "body": "   "}), DeadLetterStage.VALIDATE, errors.INVALID_FIELD),
        (orjson.dumps({**GOOD, "body": "a\u0000b"}), DeadLetterStage.VALIDATE,
         errors.INVALID_FIELD),
        (orjson.dumps({**GOOD, "id": ["a"]}), DeadLetterStage.VALIDATE, errors.INVALID_FIELD),
    ],
)
def test_rejections_name_stage_and_reason(raw: bytes, stage: DeadLetterStage,
                                          reason: str) -> None:
    with pytest.raises(RejectedInput) as caught:
        decode(raw)
    assert (caught.value.stage, caught.value.reason) == (stage, reason)
    assert caught.value.message


def test_too_large_is_rejected_before_parsing() -> None:
    raw = orjson.dumps({**GOOD, "body": "x" * 20_000})
    with pytest.raises(RejectedInput) as caught:
        decode(raw)
    assert caught.value.reason == errors.TOO_LARGE
    assert str(len(raw)) in caught.value.message


def test_deep_but_parseable_nesting_is_rejected() -> None:
    # 300 levels: beyond the fast parser's limit, within orjson's
    nested = b'{"n": ' * 300 + b'"x"' + b"}" * 300
    raw = orjson.dumps(GOOD)[:-1] + b', "extra": ' + nested + b"}"
    with pytest.raises(RejectedInput) as caught:
        decode(raw)
    assert caught.value.reason == errors.TOO_DEEPLY_NESTED


def test_future_published_at_is_invalid() -> None:
    now = datetime(2024, 3, 1, tzinfo=UTC)
    raw = orjson.dumps({**GOOD, "published_at": "2031-01-01"})
    with pytest.raises(RejectedInput) as caught:
        decode(raw, now=now, max_future=timedelta(days=2))
    assert caught.value.reason == errors.INVALID_FIELD
    assert "published_at" in caught.value.message
    # within the allowed skew it passes
    ok = orjson.dumps({**GOOD, "published_at": "2024-03-02T12:00:00Z"})
    assert decode(ok, now=now, max_future=timedelta(days=2)).id == "a1"  # type: ignore[attr-defined]


def test_validation_error_keeps_article_id() -> None:
    with pytest.raises(RejectedInput) as caught:
        decode(orjson.dumps({"id": "keep-me", "body": "x", "published_at": "nope"}))
    assert caught.value.article_id == "keep-me"
