"""docker-compose.yml is for users (no Docker engine here): check it statically."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from worker.settings import Settings

ROOT = Path(__file__).resolve().parents[2]


def compose() -> dict[str, Any]:
    doc: dict[str, Any] = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    return doc


def test_services_and_images() -> None:
    services = compose()["services"]
    assert {"kafka", "kafka-init", "worker", "seed-producer"} <= set(services)
    assert services["kafka"]["image"].startswith("apache/kafka:")
    assert services["kafka"]["environment"]["KAFKA_PROCESS_ROLES"] == "broker,controller"
    for name in ("worker", "seed-producer"):
        assert services[name]["build"] == "."
    assert services["worker"]["command"] == ["run"]
    assert services["seed-producer"]["command"] == ["produce-seeds"]
    assert (ROOT / "Dockerfile").exists()


def test_env_names_are_settings() -> None:
    fields = {f"WORKER_{name.upper()}" for name in Settings.model_fields}
    for name in ("worker", "seed-producer"):
        env = compose()["services"][name]["environment"]
        unknown = set(env) - fields
        assert not unknown, f"{name}: unknown settings {unknown}"
        Settings(**{k.removeprefix("WORKER_").lower(): v for k, v in env.items()})


def test_topics_created_match_settings_defaults() -> None:
    script = "".join(compose()["services"]["kafka-init"]["command"])
    defaults = Settings()
    for topic in (defaults.topic_articles, defaults.topic_events, defaults.topic_alerts,
                  defaults.topic_deadletter):
        assert topic in script
    env = compose()["services"]["worker"]["environment"]
    assert env["WORKER_TOPIC_EVENTS"] == defaults.topic_events
