"""Plain records passed between the extraction modules (internal; not a wire format).

Every record carries absolute character offsets into the article body: `start`, `end`
(half-open), so that the assembled Event can cite its evidence.

The records are read-only values: dataclasses (equality, hashing, repr and
`dataclasses.replace` as for a frozen one) whose fields are `Final` and whose `__init__` is
written out. mypyc compiles such an `__init__` and makes `Final` attributes read-only; a
frozen dataclass's generated `__init__` would run interpreted, setting each field through
`object.__setattr__`: a mention then cost some 25 times as much to make. (mypy keeps the
pure-Python build from assigning to them; `unsafe_hash` is safe for fields that do not change.)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Final

from worker.models import ActorType, CasualtyKind, EventType, Precision, SourceKind, SubEventType


@dataclass(slots=True, init=False, unsafe_hash=True)
class Sentence:
    start: Final[int]
    end: Final[int]
    text: Final[str]

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start = start
        self.end = end
        self.text = text


@dataclass(slots=True, init=False, unsafe_hash=True)
class DateMention:
    value: Final[date]
    precision: Final[Precision]
    start: Final[int]
    end: Final[int]
    text: Final[str]

    def __init__(self, value: date, precision: Precision, start: int, end: int,
                 text: str) -> None:
        self.value = value
        self.precision = precision
        self.start = start
        self.end = end
        self.text = text


@dataclass(slots=True, init=False, unsafe_hash=True)
class CasualtyMention:
    kind: Final[CasualtyKind]
    count: Final[int]  # lowest figure the words allow ("dozens" -> 24, "several" -> 3?)
    count_max: Final[int | None]
    qualifier: Final[str | None]  # "at least", "around", "more than", "dozens", "up to", ...
    # the noun phrase whose casualties these are, e.g. "Taliban", "soldiers"
    side_text: Final[str | None]
    claimed_by: Final[str | None]  # who stated it, e.g. "Fahim Dashty"
    via: Final[str | None]  # outlet that carried it, e.g. "India Today"
    start: Final[int]
    end: Final[int]
    text: Final[str]
    # a figure its text calls a claim or unconfirmed ("X claimed 15 soldiers
    # died, which has not been confirmed"): kept as a claim, never added to other sides' dead
    disputed: Final[bool]

    def __init__(self, kind: CasualtyKind, count: int, count_max: int | None,
                 qualifier: str | None, side_text: str | None, claimed_by: str | None,
                 via: str | None, start: int, end: int, text: str,
                 disputed: bool = False) -> None:
        self.kind = kind
        self.count = count
        self.count_max = count_max
        self.qualifier = qualifier
        self.side_text = side_text
        self.claimed_by = claimed_by
        self.via = via
        self.start = start
        self.end = end
        self.text = text
        self.disputed = disputed


@dataclass(slots=True, init=False, unsafe_hash=True)
class SourceMention:
    name: Final[str]
    kind: Final[SourceKind]
    start: Final[int]
    end: Final[int]
    text: Final[str]

    def __init__(self, name: str, kind: SourceKind, start: int, end: int, text: str) -> None:
        self.name = name
        self.kind = kind
        self.start = start
        self.end = end
        self.text = text


@dataclass(slots=True, init=False, unsafe_hash=True)
class ActorMention:
    # normalized (ACLED convention), e.g. "Military Forces of Afghanistan (2021-)"
    name: Final[str]
    actor_type: Final[ActorType]
    country_code: Final[str | None]
    start: Final[int]
    end: Final[int]
    text: Final[str]  # the words in the article

    def __init__(self, name: str, actor_type: ActorType, country_code: str | None, start: int,
                 end: int, text: str) -> None:
        self.name = name
        self.actor_type = actor_type
        self.country_code = country_code
        self.start = start
        self.end = end
        self.text = text


@dataclass(slots=True, init=False, unsafe_hash=True)
class Classification:
    event_type: Final[EventType]
    sub_event_type: Final[SubEventType]
    confidence: Final[float]
    start: Final[int]  # span of the trigger words
    end: Final[int]
    text: Final[str]

    def __init__(self, event_type: EventType, sub_event_type: SubEventType, confidence: float,
                 start: int, end: int, text: str) -> None:
        self.event_type = event_type
        self.sub_event_type = sub_event_type
        self.confidence = confidence
        self.start = start
        self.end = end
        self.text = text


@dataclass(slots=True, init=False, unsafe_hash=True)
class PlaceMention:
    name: Final[str]  # resolved place name (gazetteer's)
    admin1: Final[str | None]
    admin2: Final[str | None]
    country: Final[str]
    country_code: Final[str]
    latitude: Final[float | None]
    longitude: Final[float | None]
    precision: Final[int]  # 1 town, 2 district/near, 3 province (or country)
    geonames_id: Final[int | None]
    start: Final[int]
    end: Final[int]
    text: Final[str]
    score: Final[float]  # how sure the resolver is, 0..1
    capital_admin1: Final[str | None]  # a country's: its capital's region

    def __init__(self, name: str, admin1: str | None, admin2: str | None, country: str,
                 country_code: str, latitude: float | None, longitude: float | None,
                 precision: int, geonames_id: int | None, start: int, end: int, text: str,
                 score: float, capital_admin1: str | None = None) -> None:
        self.name = name
        self.admin1 = admin1
        self.admin2 = admin2
        self.country = country
        self.country_code = country_code
        self.latitude = latitude
        self.longitude = longitude
        self.precision = precision
        self.geonames_id = geonames_id
        self.start = start
        self.end = end
        self.text = text
        self.score = score
        self.capital_admin1 = capital_admin1
