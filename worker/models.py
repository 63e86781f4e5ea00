"""Message contracts: the single source of every format the worker reads or writes.

`schemas/*.json` are generated from these models (`python -m worker schemas`) and a test
fails when they drift. Each output message carries the version of its own schema
(`schema_version`): bump it on any change of that message that a consumer could notice.
SCHEMA_VERSION is the version of the schemas that did not change since the first.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from operator import attrgetter
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

SCHEMA_VERSION: Literal["1.0"] = "1.0"


class FastStrEnum(StrEnum):
    """A StrEnum whose members' `.value` is read by a C getter. Python 3.11's `Enum.value`
    is a Python-level descriptor (two interpreted calls a read), and pydantic's serializer
    reads `.value` of every enum field it writes: ~30 reads an article in the events and
    alerts the worker encodes, more in the core. Same values, same behaviour otherwise."""

    if not TYPE_CHECKING:  # for the type checker `.value` stays StrEnum's (typed per member)
        value = property(attrgetter("_value_"))


class EventType(FastStrEnum):
    BATTLES = "Battles"
    EXPLOSIONS = "Explosions/Remote violence"
    VIOLENCE_AGAINST_CIVILIANS = "Violence against civilians"
    PROTESTS = "Protests"
    RIOTS = "Riots"
    STRATEGIC = "Strategic developments"


class SubEventType(FastStrEnum):
    # Battles
    ARMED_CLASH = "Armed clash"
    GOVERNMENT_REGAINS_TERRITORY = "Government regains territory"
    NON_STATE_OVERTAKES_TERRITORY = "Non-state actor overtakes territory"
    # Explosions/Remote violence
    CHEMICAL_WEAPON = "Chemical weapon"
    AIR_DRONE_STRIKE = "Air/drone strike"
    SUICIDE_BOMB = "Suicide bomb"
    SHELLING = "Shelling/artillery/missile attack"
    REMOTE_EXPLOSIVE = "Remote explosive/landmine/IED"
    GRENADE = "Grenade"
    # Violence against civilians
    SEXUAL_VIOLENCE = "Sexual violence"
    ATTACK = "Attack"
    ABDUCTION = "Abduction/forced disappearance"
    # Protests
    PEACEFUL_PROTEST = "Peaceful protest"
    PROTEST_WITH_INTERVENTION = "Protest with intervention"
    EXCESSIVE_FORCE = "Excessive force against protesters"
    # Riots
    VIOLENT_DEMONSTRATION = "Violent demonstration"
    MOB_VIOLENCE = "Mob violence"
    # Strategic developments
    AGREEMENT = "Agreement"
    ARRESTS = "Arrests"
    CHANGE_TO_GROUP = "Change to group/activity"
    DISRUPTED_WEAPONS_USE = "Disrupted weapons use"
    HEADQUARTERS_ESTABLISHED = "Headquarters or base established"
    LOOTING = "Looting/property destruction"
    NON_VIOLENT_TRANSFER = "Non-violent transfer of territory"
    OTHER = "Other"


#: Which sub-types belong to which event type (ACLED codebook, 2019+).
SUB_EVENT_TYPES: dict[EventType, tuple[SubEventType, ...]] = {
    EventType.BATTLES: (
        SubEventType.ARMED_CLASH,
        SubEventType.GOVERNMENT_REGAINS_TERRITORY,
        SubEventType.NON_STATE_OVERTAKES_TERRITORY,
    ),
    EventType.EXPLOSIONS: (
        SubEventType.CHEMICAL_WEAPON,
        SubEventType.AIR_DRONE_STRIKE,
        SubEventType.SUICIDE_BOMB,
        SubEventType.SHELLING,
        SubEventType.REMOTE_EXPLOSIVE,
        SubEventType.GRENADE,
    ),
    EventType.VIOLENCE_AGAINST_CIVILIANS: (
        SubEventType.SEXUAL_VIOLENCE,
        SubEventType.ATTACK,
        SubEventType.ABDUCTION,
    ),
    EventType.PROTESTS: (
        SubEventType.PEACEFUL_PROTEST,
        SubEventType.PROTEST_WITH_INTERVENTION,
        SubEventType.EXCESSIVE_FORCE,
    ),
    EventType.RIOTS: (SubEventType.VIOLENT_DEMONSTRATION, SubEventType.MOB_VIOLENCE),
    EventType.STRATEGIC: (
        SubEventType.AGREEMENT,
        SubEventType.ARRESTS,
        SubEventType.CHANGE_TO_GROUP,
        SubEventType.DISRUPTED_WEAPONS_USE,
        SubEventType.HEADQUARTERS_ESTABLISHED,
        SubEventType.LOOTING,
        SubEventType.NON_VIOLENT_TRANSFER,
        SubEventType.OTHER,
    ),
}


class ActorType(FastStrEnum):
    """ACLED's actor categories (inter codes 1-8)."""

    STATE_FORCES = "state_forces"
    REBEL_GROUP = "rebel_group"
    POLITICAL_MILITIA = "political_militia"
    IDENTITY_MILITIA = "identity_militia"
    RIOTERS = "rioters"
    PROTESTERS = "protesters"
    CIVILIANS = "civilians"
    EXTERNAL_FORCES = "external_forces"
    UNIDENTIFIED = "unidentified"


class Precision(FastStrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"


class CasualtyKind(FastStrEnum):
    KILLED = "killed"
    INJURED = "injured"
    CAPTURED = "captured"


class SourceKind(FastStrEnum):
    OUTLET = "outlet"
    PERSON = "person"
    ORGANIZATION = "organization"


class Severity(FastStrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


# --------------------------------------------------------------------------- input


class Article(BaseModel):
    """A raw news article as it arrives on the input topic. Unknown fields are kept."""

    model_config = ConfigDict(extra="allow", str_strip_whitespace=False)

    id: Annotated[str, Field(min_length=1, max_length=512, description="Producer's article id")]
    body: Annotated[str, Field(min_length=1, description="Plain-text article body")]
    published_at: Annotated[
        datetime | date,
        Field(description="Publication time, ISO 8601 date or datetime; relative dates resolve "
                          "against it"),
    ]
    title: str | None = None
    url: str | None = None
    source: str | None = Field(default=None, description="Outlet name")
    language: str | None = Field(default=None, description="BCP 47 code, e.g. 'en'")

    @field_validator("published_at", mode="before")
    @classmethod
    def _plain_date(cls, value: object) -> object:
        """'2021-08-31' is a date (not midnight), whatever parser reads it."""
        if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
            try:
                return date.fromisoformat(value)
            except ValueError:
                return value
        return value

    @field_validator("id")
    @classmethod
    def _id_not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("id must not be blank")
        return value

    @field_validator("body")
    @classmethod
    def _body_not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("body must not be blank")
        if "\x00" in value:
            raise ValueError("body contains NUL characters")
        return value

    @property
    def published_date(self) -> date:
        """The publication day (the date part of a datetime)."""
        value = self.published_at
        return value.date() if isinstance(value, datetime) else value


# --------------------------------------------------------------------------- output pieces


class Span(_Frozen):
    """A half-open character range [start, end) of the article body, and its text."""

    start: Annotated[int, Field(ge=0)]
    end: Annotated[int, Field(ge=0)]
    text: str


class Evidence(_Frozen):
    """Where one extracted value came from."""

    field: Annotated[str, Field(description="Event field, e.g. 'fatalities', 'actor1', 'location'")]
    start: Annotated[int, Field(ge=0)]
    end: Annotated[int, Field(ge=0)]
    text: str
    article_id: str | None = Field(default=None, description="Article the span belongs to "
                                                             "(set on merged events)")


class Actor(_Frozen):
    name: Annotated[str, Field(description="Normalized name, ACLED conventions")]
    actor_type: ActorType
    country_code: str | None = Field(default=None, description="ISO 3166-1 alpha-2, if tied to one")
    mention: str | None = Field(default=None, description="The words the article used")


class Location(_Frozen):
    name: str
    admin1: str | None = None
    admin2: str | None = None
    country: str
    country_code: Annotated[str, Field(min_length=2, max_length=2)]
    latitude: float | None = None
    longitude: float | None = None
    precision: Annotated[
        int, Field(ge=1, le=3, description="1 = town, 2 = district or near a town, 3 = province")
    ]
    geonames_id: int | None = None


class Claim(_Frozen):
    """One casualty figure as reported, with who it belongs to and who said it."""

    kind: CasualtyKind
    count: Annotated[int, Field(ge=0, description="Lowest figure the words allow")]
    count_max: int | None = Field(default=None, description="Upper figure of a range, if any")
    qualifier: str | None = Field(default=None, description="e.g. 'at least', 'around', 'dozens'")
    side: str | None = Field(default=None, description="Whose casualties (normalized actor name)")
    claimed_by: str | None = Field(default=None, description="Who stated the figure")
    via: str | None = Field(default=None, description="Outlet that carried the statement")
    span: Span
    article_id: str | None = Field(default=None, description="Article the span belongs to "
                                                             "(set on merged events)")


class Source(_Frozen):
    name: str
    kind: SourceKind
    span: Span | None = None


class Report(_Frozen):
    """One article's account of a merged event, with its own headline figures."""

    article_id: str
    source: str | None = None
    published_at: datetime | date | None = None
    fatalities: int | None = None
    injured: int | None = None


class Event(BaseModel):
    """One conflict or crisis event, enriched and explained."""

    model_config = ConfigDict(extra="forbid")

    schema_version: Literal["1.0"] = SCHEMA_VERSION
    event_id: Annotated[str, Field(description="Stable id: same article, same ids, every run")]
    article_id: str
    event_type: EventType
    sub_event_type: SubEventType
    event_date: date
    date_precision: Precision
    actor1: Actor | None = None
    actor2: Actor | None = None
    assoc_actors: list[Actor] = Field(default_factory=list)
    location: Location | None = None
    fatalities: int | None = Field(default=None, ge=0, description="Conservative count, all sides")
    injured: int | None = Field(default=None, ge=0)
    captured: int | None = Field(default=None, ge=0)
    claims: list[Claim] = Field(default_factory=list)
    sources: list[Source] = Field(default_factory=list)
    evidence: list[Evidence] = Field(default_factory=list)
    confidence: Annotated[float, Field(ge=0.0, le=1.0)]
    summary: str = Field(description="One line a person can read")
    article_source: str | None = Field(default=None, description="Outlet of the article")
    published_at: datetime | date | None = None
    version: Annotated[int, Field(ge=1, description="Increases with each update of the event")] = 1
    article_ids: list[str] = Field(default_factory=list, description="Every article merged in")
    reports: list[Report] = Field(default_factory=list, description="Per-article figures of a "
                                                                    "merged event")
    first_seen: datetime | None = Field(default=None, description="When the worker first saw it")
    last_updated: datetime | None = Field(default=None, description="When it last changed")


class Alert(BaseModel):
    model_config = ConfigDict(extra="forbid")

    schema_version: Literal["1.0"] = SCHEMA_VERSION
    alert_id: str
    event_id: str
    article_id: str
    rule: Annotated[str, Field(description="Name of the rule that fired")]
    severity: Severity
    reason: str = Field(description="Why the rule fired")
    summary: str = Field(description="One line for a chat client")
    event_type: EventType
    sub_event_type: SubEventType
    country_code: str | None = None
    fatalities: int | None = None
    event_version: int = 1


class DeadLetterStage(FastStrEnum):
    DECODE = "decode"  # not UTF-8 / not JSON / too deep / too large
    VALIDATE = "validate"  # JSON but not an Article
    EXTRACT = "extract"  # a bug in extraction for this article
    MERGE = "merge"  # the merge stage could not use a candidate event (since dead_letter 1.1)
    PUBLISH = "publish"


class DeadLetter(BaseModel):
    """Input the worker could not use, with the reason and the original bytes unchanged."""

    model_config = ConfigDict(extra="forbid")

    #: 1.1: the stage "merge" (a candidate event the merge stage could not use).
    schema_version: Literal["1.1"] = "1.1"
    stage: DeadLetterStage
    reason: Annotated[str, Field(description="Short machine-readable reason, e.g. 'invalid_json'")]
    error_class: str
    error_message: str
    traceback: str | None = None
    article_id: str | None = None
    original_topic: str
    original_partition: int
    original_offset: int
    original_timestamp_ms: int | None = None
    original_key_b64: str | None = None
    original_value_b64: Annotated[str, Field(
        description="The original value bytes, base64; of a value over 256 KiB only its first "
                    "256 KiB (headers __worker.errors.value.bytes / .truncated say so)")]
    worker_version: str
    failed_at: datetime


MESSAGE_MODELS: dict[str, type[BaseModel]] = {
    "article": Article,
    "event": Event,
    "alert": Alert,
    "dead_letter": DeadLetter,
}
