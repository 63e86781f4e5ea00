"""JSON Schemas of every message, generated from the pydantic models.

`python -m worker schemas` writes them to `schemas/`; `--check` (and a test) fails when the
committed files differ from the models.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson

from worker.models import MESSAGE_MODELS, SCHEMA_VERSION

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schemas"


def render_all() -> dict[str, bytes]:
    """File name -> schema bytes, for each message model."""
    out: dict[str, bytes] = {}
    for name, model in MESSAGE_MODELS.items():
        field = model.model_fields.get("schema_version")
        version = str(field.default) if field is not None else SCHEMA_VERSION
        schema: dict[str, Any] = model.model_json_schema(mode="serialization")
        if name == "article":
            schema = model.model_json_schema(mode="validation")
        schema = {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": f"urn:conflict-worker:{name}:{version}",
            "x-schema-version": version,
            **schema,
        }
        out[f"{name}.schema.json"] = orjson.dumps(
            schema, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS
        ) + b"\n"
    return out


def write_all(directory: Path = SCHEMA_DIR) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for file_name, content in render_all().items():
        path = directory / file_name
        path.write_bytes(content)
        written.append(path)
    return written


def drifted(directory: Path = SCHEMA_DIR) -> list[str]:
    """Schema files that are missing or differ from the models."""
    bad = []
    for file_name, content in render_all().items():
        path = directory / file_name
        if not path.exists() or path.read_bytes() != content:
            bad.append(file_name)
    return bad
