"""Small shared helpers for places: great-circle distance and name folding."""

from __future__ import annotations

import math
import re
import unicodedata


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def fold_name(text: str) -> str:
    """Lower-case ASCII letters and digits only: 'Ningarhār' -> 'ningarhar'."""
    return re.sub(r"[^a-z0-9]", "", strip_accents(text).casefold())
