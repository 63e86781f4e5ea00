"""Writes the malformed seed messages (raw Kafka values) and expected.json.

Run from anywhere: `python seeds/malformed/generate.py`. The bytes are written exactly as
given here; expected.json maps each file to the dead-letter stage and reason code the worker
must report (see worker/errors.py).
"""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent

GOOD = {
    "id": "seed-malformed-base",
    "title": "Gunmen attack village near Bokkos",
    "body": "Gunmen attacked a village near Bokkos in Plateau state on Monday, police said.",
    "published_at": "2024-01-23T08:00:00Z",
    "source": "Malformed Test Wire",
    "language": "en",
}


def dumps(obj: object) -> bytes:
    return json.dumps(obj, ensure_ascii=False).encode("utf-8")


def without(*keys: str, **changes: object) -> bytes:
    obj = {k: v for k, v in GOOD.items() if k not in keys}
    obj.update(changes)
    return dumps(obj)


_good_bytes = dumps(GOOD)
_nested = b'{"id": "seed-malformed-deep", "body": "Deeply nested payload.", ' \
          b'"published_at": "2024-01-23", "extra": ' + b"[" * 2000 + b"]" * 2000 + b"}"

CASES: list[tuple[str, bytes, str, str]] = [
    # ---- stage "decode"
    ("001_invalid_utf8_ff_fe.bin",
     b'{"id": "seed-malformed-utf8", "body": "Gunmen attacked \xff\xfe a village near Bokkos.", '
     b'"published_at": "2024-01-23"}',
     "decode", "invalid_utf8"),
    ("002_invalid_utf8_latin1_accent.bin",
     "{\"id\": \"seed-malformed-latin1\", \"body\": \"Protesta en Bogotá contra la reforma.\", "
     "\"published_at\": \"2024-01-23\"}".encode("latin-1"),
     "decode", "invalid_utf8"),
    ("003_truncated_json.bin", _good_bytes[: len(_good_bytes) // 2], "decode", "invalid_json"),
    ("004_trailing_garbage.bin", _good_bytes + b'\n}{"garbage": tru', "decode", "invalid_json"),
    ("005_empty_value.bin", b"", "decode", "invalid_json"),
    ("006_json_array_of_articles.bin", dumps([GOOD, GOOD]), "decode", "not_an_object"),
    ("007_bare_json_string.bin", b'"Gunmen attacked a village near Bokkos on Monday."',
     "decode", "not_an_object"),
    ("008_json_null.bin", b"null", "decode", "not_an_object"),
    ("009_nested_2000_levels.bin", _nested, "decode", "too_deeply_nested"),
    # ---- stage "validate"
    ("010_missing_body.bin", without("body", id="seed-malformed-no-body"),
     "validate", "missing_field"),
    ("011_missing_id.bin", without("id"), "validate", "missing_field"),
    ("012_missing_id_and_body.bin", without("id", "body"), "validate", "missing_field"),
    ("013_published_at_yesterday.bin",
     without(id="seed-malformed-yesterday", published_at="yesterday"),
     "validate", "invalid_field"),
    ("014_body_is_a_number.bin", without(id="seed-malformed-body-number", body=42),
     "validate", "invalid_field"),
    ("015_body_empty.bin", without(id="seed-malformed-body-empty", body=""),
     "validate", "invalid_field"),
    ("016_body_whitespace_only.bin", without(id="seed-malformed-body-blank", body="  \n\t "),
     "validate", "invalid_field"),
    ("017_id_is_a_list.bin", without(id=["seed", "malformed"]), "validate", "invalid_field"),
    ("018_body_contains_nul.bin",
     without(id="seed-malformed-nul", body="Gunmen attacked a village\u0000 near Bokkos."),
     "validate", "invalid_field"),
    ("019_missing_body_and_bad_date.bin",
     without("body", id="seed-malformed-mixed", published_at="last Monday"),
     "validate", "invalid_field"),
]


def main() -> None:
    expected: dict[str, dict[str, str]] = {}
    for name, data, stage, reason in CASES:
        (HERE / name).write_bytes(data)
        expected[name] = {"stage": stage, "reason": reason}
    (HERE / "expected.json").write_text(json.dumps(expected, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
