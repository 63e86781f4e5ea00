"""The contracts: committed schemas equal the models' schemas; every seed validates."""

from __future__ import annotations

import orjson
import pytest

from worker import schemas
from worker.errors import REASONS
from worker.models import MESSAGE_MODELS, SUB_EVENT_TYPES, Article, EventType, SubEventType
from worker.seeds import SEED_DIR, article_seeds, malformed_seeds


def test_committed_schemas_match_models() -> None:
    assert schemas.drifted() == [], "run `python -m worker schemas` and commit schemas/"


def test_schemas_carry_the_version_their_messages_carry() -> None:
    versions = {name: orjson.loads(content)["x-schema-version"]
                for name, content in schemas.render_all().items()}
    assert versions == {"article.schema.json": "1.0", "event.schema.json": "1.0",
                        "alert.schema.json": "1.0", "dead_letter.schema.json": "1.1"}
    for name, model in MESSAGE_MODELS.items():
        field = model.model_fields.get("schema_version")
        if field is not None:
            assert versions[f"{name}.schema.json"] == field.default


def test_every_sub_type_has_one_event_type() -> None:
    owners = [s for subs in SUB_EVENT_TYPES.values() for s in subs]
    assert sorted(owners) == sorted(SubEventType) and len(owners) == len(set(owners))


def test_article_seeds_validate_and_expectations_are_well_formed() -> None:
    seeds = article_seeds()
    assert len(seeds) >= 12
    ids = [s.article.id for s in seeds if s.article]
    assert len(ids) == len(set(ids))
    covered: set[EventType] = set()
    for seed in seeds:
        assert seed.article is not None
        Article.model_validate_json(seed.value)
        for expected in seed.expected_events or []:
            etype = EventType(expected["event_type"])
            assert SubEventType(expected["sub_event_type"]) in SUB_EVENT_TYPES[etype], seed.name
            covered.add(etype)
    assert covered == set(EventType), "seeds must cover every ACLED event type"
    assert any(not s.expected_events for s in seeds), "seeds need a no-event article"


def test_malformed_seeds_name_known_reasons() -> None:
    seeds = malformed_seeds()
    assert len(seeds) >= 5
    for seed in seeds:
        assert seed.expected_dead_letter is not None, f"{seed.name} not in expected.json"
        reason = seed.expected_dead_letter["reason"]
        assert REASONS[reason].value == seed.expected_dead_letter["stage"]


@pytest.mark.parametrize(
    "path", sorted((SEED_DIR / "articles").glob("*.json")), ids=lambda p: p.stem)
def test_seed_file_shape(path: object) -> None:
    doc = orjson.loads(path.read_bytes())  # type: ignore[attr-defined]
    assert set(doc) >= {"article", "expected_events"}
