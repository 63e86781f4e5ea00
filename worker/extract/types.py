"""Plain records passed between the extraction modules (internal; not a wire format).

Every record carries absolute character offsets into the article body: `start`, `end`
(half-open), so that the assembled Event can cite its evidence.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from worker.models import ActorType, CasualtyKind, EventType, Precision, SourceKind, SubEventType


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class DateMention:
    value: date
    precision: Precision
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class CasualtyMention:
    kind: CasualtyKind
    count: int  # lowest figure the words allow ("dozens" -> 24, "several" -> 3?)
    count_max: int | None
    qualifier: str | None  # "at least", "around", "more than", "dozens", "up to", ...
    side_text: str | None  # the noun phrase whose casualties these are, e.g. "Taliban", "soldiers"
    claimed_by: str | None  # who stated it, e.g. "Fahim Dashty"
    via: str | None  # outlet that carried it, e.g. "India Today"
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class SourceMention:
    name: str
    kind: SourceKind
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class ActorMention:
    name: str  # normalized (ACLED convention), e.g. "Military Forces of Afghanistan (2021-)"
    actor_type: ActorType
    country_code: str | None
    start: int
    end: int
    text: str  # the words in the article


@dataclass(frozen=True, slots=True)
class Classification:
    event_type: EventType
    sub_event_type: SubEventType
    confidence: float
    start: int  # span of the trigger words
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class PlaceMention:
    name: str  # resolved place name (gazetteer's)
    admin1: str | None
    admin2: str | None
    country: str
    country_code: str
    latitude: float | None
    longitude: float | None
    precision: int  # 1 town, 2 district/near, 3 province (or country)
    geonames_id: int | None
    start: int
    end: int
    text: str
    score: float  # how sure the resolver is, 0..1
    capital_admin1: str | None = None  # a country's: its capital's region
