"""Actor names worked out once per entry stay right from text to text: the table of names is
keyed on entries' ids, so an entry made for one mention must not hand its id on to another."""

from __future__ import annotations

from worker.extract import actors


def _forget() -> None:
    """Empty the per-text caches, as between articles: what they held is freed."""
    actors.clear_text_caches()


def test_ethnic_militias_keep_their_own_names_from_text_to_text() -> None:
    texts = [("Tigrayan fighters attacked the village.", "Tigrayan Ethnic Militia"),
             ("Maasai raiders attacked the village.", "Maasai Ethnic Militia"),
             ("Fulani herdsmen attacked the village.", "Fulani Ethnic Militia")]
    for _ in range(30):
        for text, name in texts:
            _forget()
            names = [m.name for m in actors.find_actors(text, 0, "KE")]
            assert any(n.startswith(name) for n in names), (text, names)
