"""The seed messages: the project's own sample articles, malformed messages, and the shared
seed article(s) read from ../shared/seeds when that folder is there (never copied here)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from worker.models import Article

PROJECT_DIR = Path(__file__).resolve().parent.parent
SEED_DIR = PROJECT_DIR / "seeds"
SHARED_SEED_DIR = PROJECT_DIR.parent / "shared" / "seeds"


@dataclass(frozen=True, slots=True)
class SeedMessage:
    name: str
    key: bytes
    value: bytes
    article: Article | None  # None for a malformed message
    expected_events: list[dict[str, Any]] | None = None
    expected_dead_letter: dict[str, str] | None = None


def article_seeds(seed_dir: Path = SEED_DIR) -> list[SeedMessage]:
    out = []
    for path in sorted((seed_dir / "articles").glob("*.json")):
        doc = orjson.loads(path.read_bytes())
        article = Article.model_validate(doc["article"])
        out.append(SeedMessage(path.stem, article.id.encode(), orjson.dumps(doc["article"]),
                               article, doc.get("expected_events", [])))
    return out


def malformed_seeds(seed_dir: Path = SEED_DIR) -> list[SeedMessage]:
    folder = seed_dir / "malformed"
    if not folder.is_dir():
        return []
    expected: dict[str, dict[str, str]] = orjson.loads((folder / "expected.json").read_bytes())
    return [
        SeedMessage(path.stem, f"malformed-{path.stem}".encode(), path.read_bytes(), None,
                    expected_dead_letter=expected.get(path.name))
        for path in sorted(folder.glob("*.bin"))
    ]


def shared_seeds(seed_dir: Path = SEED_DIR,
                 shared_dir: Path = SHARED_SEED_DIR) -> list[SeedMessage]:
    """Articles from ../shared/seeds/*.txt, with their metadata from seeds/shared_seeds.json."""
    meta_path = seed_dir / "shared_seeds.json"
    if not shared_dir.is_dir() or not meta_path.exists():
        return []
    meta: dict[str, dict[str, Any]] = orjson.loads(meta_path.read_bytes())
    out = []
    for name, info in sorted(meta.items()):
        path = shared_dir / name
        if not path.exists():
            continue
        doc = {"id": f"shared-{path.stem}", "body": path.read_text("utf-8"), **info["article"]}
        article = Article.model_validate(doc)
        out.append(SeedMessage(path.stem, article.id.encode(), orjson.dumps(doc), article,
                               info.get("expected_events")))
    return out


def all_seeds(seed_dir: Path = SEED_DIR, *, malformed: bool = True) -> list[SeedMessage]:
    seeds = shared_seeds(seed_dir) + article_seeds(seed_dir)
    return seeds + (malformed_seeds(seed_dir) if malformed else [])
