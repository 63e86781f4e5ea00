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


def test_image_builds_the_native_core_from_what_it_copies() -> None:
    """The image's build stage has what scripts/build_native.py reads: the package, the
    Rust crate's manifest, lock file and sources, and cargo (from the Rust image's toolchain);
    without them the image would fall back to pyahocorasick (or, as it requires the native
    build, fail) with no test here to say so."""
    dockerfile = (ROOT / "Dockerfile").read_text()
    build_stage = dockerfile.split("\nFROM python:3.11-slim", 1)[0]
    crate = ROOT / "native" / "keyscan"
    for needed in ("worker", "scripts/build_native.py", "native/keyscan/Cargo.toml",
                   "native/keyscan/Cargo.lock", "native/keyscan/src"):
        assert (ROOT / needed).exists(), needed
        assert f"COPY {needed} " in build_stage or f" {needed} " in build_stage, needed
    assert "/usr/local/cargo/bin" in build_stage and "FROM rust:" in build_stage
    # the lock file's format needs a cargo at least as new as the image's
    rust_version = build_stage.split("FROM rust:", 1)[1].split("-", 1)[0]
    major, minor = (int(part) for part in rust_version.split(".")[:2])
    lock_format = (crate / "Cargo.lock").read_text().split("\nversion = ", 1)[1].split("\n")[0]
    assert lock_format != "4" or (major, minor) >= (1, 78), rust_version
    assert "WORKER_REQUIRE_NATIVE=1 python scripts/build_native.py" in build_stage
