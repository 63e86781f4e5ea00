"""Bytes <-> messages. The only module that imports orjson.

Decoding takes the fast path (pydantic's own JSON parser straight from bytes) and, only when
that fails, a slow path that finds the precise reason for the dead letter.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

import orjson
from pydantic import BaseModel, ValidationError

from worker import errors
from worker.errors import RejectedInput
from worker.models import (
    Actor,
    Alert,
    Article,
    Claim,
    DeadLetterStage,
    Event,
    Evidence,
    Location,
    Report,
    Source,
    Span,
)

_MAX_DEPTH = 64


def encode(message: BaseModel) -> bytes:
    """A message as compact JSON bytes (dates ISO 8601, no None stripping): pydantic's own
    serializer's bytes, the same as ``orjson.dumps(model_dump(mode="json"))`` without the
    intermediate dicts (a test holds them equal).

    Events and alerts (the worker writes ~3.8 an article) are written by orjson from their
    attributes, half the cost of pydantic's serializer: their models (`PLAIN_MODELS`) have
    plain fields only (no aliases, serializers or computed fields), each model's attributes
    are its fields in declaration order, and orjson writes their values as pydantic does
    (`tests/unit/test_encoding.py` compares the two on every event of the seeds and the
    benchmark corpus and on edge values). Anything orjson refuses (a model that holds more
    than its fields, a string that is not valid UTF-8) is left to pydantic."""
    if type(message) is Event:  # ~2.2 an article: its nested models made plain in Python
        plain = _event_fields(message)
        if plain is not None:
            try:
                return orjson.dumps(plain, default=_fields, option=orjson.OPT_UTC_Z)
            except TypeError:  # as the path below would: pydantic's serializer decides
                pass
    if type(message) is Alert:  # ~1.6 an article, no nested model nor float: `_fields` inline
        fields = message.__dict__
        if len(fields) == _ALERT_SIZE:
            try:
                return orjson.dumps(fields, default=_fields, option=orjson.OPT_UTC_Z)
            except TypeError:
                pass
    if type(message) in PLAIN_MODELS:
        try:
            return orjson.dumps(_fields(message), default=_fields, option=orjson.OPT_UTC_Z)
        except TypeError:  # orjson.JSONEncodeError: pydantic's serializer decides
            pass
    return message.__pydantic_serializer__.to_json(message)


def encode_alert(fields: dict[str, Any]) -> bytes:
    """`encode` of the alert of these fields (`RuleSet.alert_fields`), without its model
    (~1.6 alerts an article): the bytes of `encode`'s alert path, which writes the same
    dict; what orjson refuses is left to `encode` of the model (`alert_of`)."""
    try:
        return orjson.dumps(fields, default=_fields, option=orjson.OPT_UTC_Z)
    except TypeError:
        from worker.alerts import alert_of  # the rare path: codec stays below alerts

        return encode(alert_of(fields))


#: The models `encode` writes with orjson (and those inside them).
PLAIN_MODELS: frozenset[type[BaseModel]] = frozenset({
    Event, Alert, Actor, Location, Claim, Span, Source, Evidence, Report})


def _shape(cls: type[BaseModel]) -> tuple[int, tuple[str, ...]]:
    """How many fields `cls` has, and which are typed float."""
    fields = cls.model_fields
    return len(fields), tuple(name for name, info in fields.items()
                              if "float" in str(info.annotation))


#: Per plain model, its number of fields and its fields typed float: pydantic writes an int
#: found in a float field as a float (``7.0``), orjson as an int, so such a model (an int
#: assigned without validation) is left to pydantic.
_SHAPES: dict[type[BaseModel], tuple[int, tuple[str, ...]]] = {
    cls: _shape(cls) for cls in PLAIN_MODELS}


def _fields(value: object) -> dict[str, Any]:
    """orjson's `default`: a plain model's fields (its attributes, when they are exactly its
    fields, its float fields holding floats); else TypeError, which sends the message to
    pydantic's serializer."""
    shape = _SHAPES.get(type(value))  # type: ignore[arg-type]
    if shape is not None:
        fields: dict[str, Any] = value.__dict__
        if len(fields) == shape[0]:
            for name in shape[1]:
                if type(fields[name]) is int:
                    break
            else:
                return fields
    raise TypeError(f"not a plain model: {type(value).__name__}")


_EVENT_SIZE, _ACTOR_SIZE, _LOCATION_SIZE, _SPAN_SIZE, _ALERT_SIZE = (
    _SHAPES[cls][0] for cls in (Event, Actor, Location, Span, Alert))


def _event_fields(event: Event) -> dict[str, Any] | None:
    """What orjson writes of `event` through `_fields`, with the nested models an event holds
    where its fields declare them (actors, place, claims and their spans, sources and their
    spans, evidence, reports) already replaced by `_fields` of each, or None when any of them
    is not what `_fields` accepts (the path through `_fields` then decides).

    An event holds ~18 nested models: orjson's call of `default` for each (a Python frame
    entered from C, with its look-ups) cost ~2.2 K instructions, the checks made here in
    one frame ~1.5 K. The checks are `_fields`' own (the exact class, as many attributes as
    fields, floats in float fields): anything else found in the fields (a model where none
    is declared) still reaches `_fields` as orjson's `default`. A test compares the two
    paths on every event of the corpus and on altered ones."""
    fields = event.__dict__
    if len(fields) != _EVENT_SIZE or type(fields["confidence"]) is int:
        return None
    plain = fields.copy()
    for name in ("actor1", "actor2"):
        actor = fields[name]
        if actor is not None:
            if type(actor) is not Actor or len(found := actor.__dict__) != _ACTOR_SIZE:
                return None
            plain[name] = found
    location = fields["location"]
    if location is not None:
        if type(location) is not Location:
            return None
        found = location.__dict__
        if (len(found) != _LOCATION_SIZE or type(found["latitude"]) is int
                or type(found["longitude"]) is int):
            return None
        plain["location"] = found
    for name, cls, size, spanned in _LISTS:  # inline: a call a list was a frame
        items = fields[name]
        if items:
            out = []
            for item in items:
                if type(item) is not cls or len(found := item.__dict__) != size:
                    return None
                # (a claim's span is required, a source's may be None; the others have none)
                if spanned and (span := found["span"]) is not None:
                    if type(span) is not Span or len(spanned_ := span.__dict__) != _SPAN_SIZE:
                        return None
                    found = found.copy()
                    found["span"] = spanned_
                out.append(found)
            plain[name] = out
    return plain


#: The event's lists of models (no float field in any), with the number of fields of their
#: model and whether each holds a span (claims and sources) to make plain too.
_LISTS: tuple[tuple[str, type[BaseModel], int, bool], ...] = tuple(
    (name, cls, _SHAPES[cls][0], spanned)
    for name, cls, spanned in (("assoc_actors", Actor, False), ("evidence", Evidence, False),
                               ("reports", Report, False), ("claims", Claim, True),
                               ("sources", Source, True)))


def encode_list(items: Sequence[BaseModel]) -> bytes:
    """A list of models as `encode` writes it inside a message."""
    return b"[" + b",".join(i.__pydantic_serializer__.to_json(i) for i in items) + b"]"


def append_list(array: bytes, items: Sequence[BaseModel]) -> bytes:
    """The JSON array `array` (from `encode_list`) with `items` appended."""
    if not items:
        return array
    tail = b",".join(i.__pydantic_serializer__.to_json(i) for i in items) + b"]"
    return (b"[" if array == b"[]" else array[:-1] + b",") + tail


def splice_lists(message: bytes, lists: dict[str, bytes]) -> bytes:
    """`message` (compact JSON of an object whose top-level fields named in `lists` are
    empty arrays, in the order of `lists`) with those arrays replaced by the given JSON.
    A `,"name":[]` is found only where a field starts: inside a JSON string every quote is
    escaped, and the nested models before them have no field of those names."""
    parts: list[bytes] = []
    at = 0
    for name, array in lists.items():
        marker = b',"%s":[]' % name.encode()
        found = message.find(marker, at)
        if found < 0:
            raise ValueError(f"no empty {name!r} list to fill")
        cut = found + len(marker) - 2
        parts += (message[at:cut], array)
        at = cut + 2
    parts.append(message[at:])
    return b"".join(parts)


def encode_obj(obj: Any) -> bytes:
    return orjson.dumps(obj)


def loads(raw: bytes | str) -> Any:
    return orjson.loads(raw)


def dumps_pretty(obj: Any) -> bytes:
    return orjson.dumps(obj, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS)


def future_horizon(now: datetime, max_future: timedelta) -> int | None:
    """The last day (its ordinal) that no published_at can fall on and lie more than
    `max_future` ahead of `now`, whatever its UTC offset; None when there is none to give
    (`now` naive, or the day out of range). For `decode_article`, computed once a batch.

    A published_at on that day or before has a wall-clock time before the next midnight,
    at most `now + max_future - 1 day`; an offset is less than a day, so its instant is
    before `now + max_future`."""
    if now.utcoffset() is None:
        return None
    try:
        return (now.astimezone(UTC).replace(tzinfo=None) + max_future
                - timedelta(days=2)).toordinal()
    except OverflowError:
        return None


def decode_article(raw: bytes | None, *, max_bytes: int, now: datetime | None = None,
                   max_future: timedelta | None = None, horizon: int | None = None) -> Article:
    """Validate raw bytes as an Article, or raise RejectedInput with a precise reason.

    `now` and `max_future` (both given, or neither) reject a published_at that lies ahead
    of the worker's clock by more than `max_future`. `horizon` (`future_horizon(now,
    max_future)`) lets a published_at on that day or before through without the exact
    check (an aware datetime's subtraction calls its tzinfo's `utcoffset`: ~4 K
    instructions a message).
    """
    if raw is None:
        raise RejectedInput(DeadLetterStage.DECODE, errors.INVALID_JSON, "empty message (no value)")
    if len(raw) > max_bytes:
        raise RejectedInput(DeadLetterStage.DECODE, errors.TOO_LARGE,
                            f"value is {len(raw)} bytes, the limit is {max_bytes}")
    try:  # `Article.model_validate_json(raw)` without its Python frame (all options unset)
        article: Article = Article.__pydantic_validator__.validate_json(raw)
    except ValidationError as exc:
        raise _diagnose(raw, exc) from None
    if now is not None and max_future is not None:
        published = article.published_at
        if horizon is not None and published.toordinal() <= horizon:
            return article
        when = (published if isinstance(published, datetime)
                else datetime(published.year, published.month, published.day, tzinfo=UTC))
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        if when - now > max_future:
            raise RejectedInput(
                DeadLetterStage.VALIDATE, errors.INVALID_FIELD,
                f"published_at: {published.isoformat()} is more than {max_future} ahead of the "
                f"worker clock", article_id=article.id)
    return article


def _diagnose(raw: bytes, exc: ValidationError) -> RejectedInput:
    """Why the fast path failed, as a dead-letter reason."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        return RejectedInput(DeadLetterStage.DECODE, errors.INVALID_UTF8,
                             f"value is not UTF-8: {err}")
    try:
        obj = orjson.loads(text)
    except orjson.JSONDecodeError as err:
        if "depth" in str(err) or "recursion" in str(err):
            return RejectedInput(DeadLetterStage.DECODE, errors.TOO_DEEPLY_NESTED,
                                 f"JSON nested deeper than the parser allows: {err}")
        return RejectedInput(DeadLetterStage.DECODE, errors.INVALID_JSON, f"not JSON: {err}")
    if not isinstance(obj, dict):
        return RejectedInput(DeadLetterStage.DECODE, errors.NOT_AN_OBJECT,
                             f"expected a JSON object, got {type(obj).__name__}")
    if _depth(obj) > _MAX_DEPTH:
        return RejectedInput(DeadLetterStage.DECODE, errors.TOO_DEEPLY_NESTED,
                             f"JSON nested deeper than {_MAX_DEPTH} levels")
    article_id = obj.get("id") if isinstance(obj.get("id"), str) else None
    problems = exc.errors(include_url=False, include_input=False)
    missing = [e for e in problems if e["type"] == "missing"]
    reason = errors.MISSING_FIELD if missing and len(missing) == len(problems) else (
        errors.INVALID_FIELD)
    detail = "; ".join(
        f"{'.'.join(str(p) for p in e['loc']) or '<root>'}: {e['msg']}" for e in problems
    )
    return RejectedInput(DeadLetterStage.VALIDATE, reason, detail, article_id=article_id)


def _depth(obj: Any) -> int:
    deepest = 0
    stack: list[tuple[Any, int]] = [(obj, 1)]
    while stack:
        node, level = stack.pop()
        deepest = max(deepest, level)
        if deepest > _MAX_DEPTH:
            return deepest
        if isinstance(node, dict):
            stack.extend((v, level + 1) for v in node.values())
        elif isinstance(node, list):
            stack.extend((v, level + 1) for v in node)
    return deepest


