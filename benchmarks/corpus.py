"""Benchmark articles of a given size, built from the project's own seed articles."""

from __future__ import annotations

from worker.models import Article
from worker.seeds import article_seeds


def articles_of_size(size: int, count: int) -> list[Article]:
    """`count` articles of about `size` characters: each a seed article followed by
    paragraphs of the next seeds until the size is reached."""
    seeds = [s.article for s in article_seeds() if s.article is not None]
    if not seeds:
        raise RuntimeError("no seed articles under seeds/articles")
    out: list[Article] = []
    for index in range(count):
        first = seeds[index % len(seeds)]
        parts = [first.body]
        step = 1
        while sum(len(p) + 2 for p in parts) < size:
            parts.append(seeds[(index + step) % len(seeds)].body)
            step += 1
        body = "\n\n".join(parts)[:size]
        body = body[: body.rfind(".") + 1] or body
        published = first.published_at
        out.append(Article(id=f"bench-{size}-{index}", body=body, published_at=published,
                           source=first.source))
    return out


