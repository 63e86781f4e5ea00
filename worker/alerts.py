"""Alert rules: which events matter, and how much. Pure: rules in, alerts out.

Rules come from a YAML or JSON file (``WORKER_ALERT_RULES_PATH``) or the built-in
``worker/data/alert_rules.yaml``; every condition a rule names must hold for it to fire.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterable
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from worker.models import (
    SCHEMA_VERSION,
    Actor,
    Alert,
    Event,
    EventType,
    Location,
    Severity,
    SubEventType,
)

try:  # CPython's own SHA-1: the same digest, a third less work for an alert id than
    # OpenSSL's (whose set-up per digest outweighs hashing ~60 bytes)
    from _sha1 import sha1 as _sha1  # type: ignore[import-not-found]
except ImportError:  # a Python built without it
    _sha1 = functools.partial(hashlib.sha1, usedforsecurity=False)

_SEVERITY_RANK = {Severity.LOW: 0, Severity.MEDIUM: 1, Severity.HIGH: 2, Severity.CRITICAL: 3}


class Step(BaseModel):
    """A higher severity once a figure crosses a threshold."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    severity: Severity
    min_fatalities: Annotated[int | None, Field(ge=0)] = None
    min_injured: Annotated[int | None, Field(ge=0)] = None

    def reached(self, event: Event) -> bool:
        if self.min_fatalities is None and self.min_injured is None:
            return False
        return (self.min_fatalities is None or (event.fatalities or 0) >= self.min_fatalities) and (
            self.min_injured is None or (event.injured or 0) >= self.min_injured)


class Rule(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: Annotated[str, Field(min_length=1)]
    severity: Severity
    min_fatalities: Annotated[int | None, Field(ge=0)] = None
    min_injured: Annotated[int | None, Field(ge=0)] = None
    event_types: tuple[EventType, ...] = ()
    sub_event_types: tuple[SubEventType, ...] = ()
    countries: tuple[str, ...] = Field(default=(), description="ISO alpha-2 codes")
    admin1: tuple[str, ...] = ()
    actors: tuple[str, ...] = Field(default=(), description="Substrings of actor names")
    escalate: tuple[Step, ...] = Field(default=(), description="Higher severities by threshold")

    def severity_for(self, event: Event) -> Severity:
        """The rule's severity, raised by every escalation step the event has reached."""
        return self._check.severity_for(event.fatalities, event.injured)

    def reason(self, event: Event) -> str | None:
        """Why this rule fires for `event`, or None when it does not."""
        return self._check.reason(event.fatalities, event.injured, event.event_type,
                                  event.sub_event_type, event.location, event.actor1,
                                  event.actor2)

    @cached_property
    def _check(self) -> _Check:
        return _Check(self)


class RuleSet(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    rules: tuple[Rule, ...]

    def evaluate(self, event: Event) -> list[Alert]:
        """The alerts `event` raises: one per rule that fires, at its escalated severity."""
        return [alert_of(fields) for fields in self.alert_fields(event)]

    def alert_fields(self, event: Event) -> list[dict[str, Any]]:
        """The fields of each alert of `evaluate(event)` (the `__dict__` of each), without
        the models: the stream layer encodes them as they are (`codec.encode_alert`).

        ~2 events an article go through every rule: the rules are folded once into plain
        checks (`_Check`), those that the event's type and sub-type rule out are skipped
        (`_candidates`), and the event's fields are read once (a pydantic model's attribute
        read costs several times a plain one's); the alerts are those of `Rule.reason` and
        `Rule.severity_for` in rule order (a test holds them equal)."""
        fields = event.__dict__  # a pydantic model's fields (read as dict items: cheaper)
        event_type, sub_event_type = fields["event_type"], fields["sub_event_type"]
        checks = self._candidates.get((event_type, sub_event_type))
        if checks is None:  # a type outside the enums (not validated): every rule decides
            checks = tuple(rule._check for rule in self.rules)
        if not checks:
            return []
        fatalities, injured, location = fields["fatalities"], fields["injured"], fields["location"]
        actor1, actor2 = fields["actor1"], fields["actor2"]
        alerts = []
        for check in checks:
            # a figure below the rule's threshold, the commonest reason a rule does not fire
            # (as `reason` finds first), is ruled out without the call (~1 K instructions)
            least = check.min_fatalities
            if least is not None and (fatalities or 0) < least:
                continue
            least = check.min_injured
            if least is not None and (injured or 0) < least:
                continue
            reason = check.reason(fatalities, injured, event_type, sub_event_type, location,
                                  actor1, actor2)
            if reason is not None:
                alerts.append(_alert_fields(fields, check.name,
                                            check.severity_for(fatalities, injured), reason))
        return alerts

    @cached_property
    def _candidates(self) -> dict[tuple[object, object], tuple[_Check, ...]]:
        """Per (event type, sub-event type): the checks of the rules whose type conditions
        admit it, in rule order (all conditions must hold, so the others cannot fire)."""
        return {(t, s): tuple(rule._check for rule in self.rules
                              if (not rule.event_types or t in rule.event_types)
                              and (not rule.sub_event_types or s in rule.sub_event_types))
                for t in EventType for s in SubEventType}


class _Check:
    """One rule's conditions as plain values, folded once (`Rule._check`): what
    `Rule.reason` and `Rule.severity_for` decide, from an event's fields."""

    __slots__ = ("actors", "admin1", "countries", "event_types", "min_fatalities",
                 "min_injured", "name", "rank", "severity", "steps", "sub_event_types")

    def __init__(self, rule: Rule) -> None:
        self.name = rule.name
        self.severity = rule.severity
        self.rank = _SEVERITY_RANK[rule.severity]
        self.min_fatalities = rule.min_fatalities
        self.min_injured = rule.min_injured
        self.event_types = rule.event_types
        self.sub_event_types = rule.sub_event_types
        self.countries = frozenset(c.upper() for c in rule.countries) if rule.countries else None
        self.admin1 = frozenset(a.casefold() for a in rule.admin1) if rule.admin1 else None
        self.actors = tuple((w, w.casefold()) for w in rule.actors)
        #: the escalation steps that can be reached (a step without a threshold never is)
        self.steps = tuple((step.min_fatalities, step.min_injured, _SEVERITY_RANK[step.severity],
                            step.severity) for step in rule.escalate
                           if step.min_fatalities is not None or step.min_injured is not None)

    def reason(self, fatalities: int | None, injured: int | None, event_type: EventType,
               sub_event_type: SubEventType, loc: Location | None, actor1: Actor | None,
               actor2: Actor | None) -> str | None:
        """Why the rule fires for an event of these fields, or None when it does not."""
        why: list[str] = []
        if self.min_fatalities is not None:
            if (fatalities or 0) < self.min_fatalities:
                return None
            why.append(f"fatalities {fatalities} >= {self.min_fatalities}")
        if self.min_injured is not None:
            if (injured or 0) < self.min_injured:
                return None
            why.append(f"injured {injured} >= {self.min_injured}")
        if self.event_types:
            if event_type not in self.event_types:
                return None
            why.append(f"event type {event_type.value}")
        if self.sub_event_types:
            if sub_event_type not in self.sub_event_types:
                return None
            why.append(f"sub-event type {sub_event_type.value}")
        if self.countries is not None:
            if loc is None or loc.country_code.upper() not in self.countries:
                return None
            why.append(f"country {loc.country_code} on the watch list")
        if self.admin1 is not None:
            if loc is None or loc.admin1 is None or loc.admin1.casefold() not in self.admin1:
                return None
            why.append(f"admin1 {loc.admin1} on the watch list")
        if self.actors:
            names = [a.name.casefold() for a in (actor1, actor2) if a is not None]
            hit = next((w for w, folded in self.actors if any(folded in n for n in names)),
                       None)
            if hit is None:
                return None
            why.append(f"actor {hit} on the watch list")
        return "; ".join(why) or "always"

    def severity_for(self, fatalities: int | None, injured: int | None) -> Severity:
        """The rule's severity, raised by every escalation step these figures reach."""
        level, rank = self.severity, self.rank
        for min_fatalities, min_injured, step_rank, step_severity in self.steps:
            if ((min_fatalities is None or (fatalities or 0) >= min_fatalities)
                    and (min_injured is None or (injured or 0) >= min_injured)
                    and step_rank > rank):
                level, rank = step_severity, step_rank
        return level


class RulesError(ValueError):
    """A rules file that cannot be used; the message names the file and the bad entry."""


def make_alert(event: Event, rule: Rule, severity: Severity, reason: str) -> Alert:
    """An alert with an id stable for (event, rule, severity): replays give the same id."""
    return alert_of(_alert_fields(event.__dict__, rule.name, severity, reason))


def _alert_fields(event: dict[str, Any], rule: str, severity: Severity, reason: str,
                  ) -> dict[str, Any]:
    """The fields (`__dict__`) of `make_alert` of the event of these fields (its `__dict__`),
    in declaration order."""
    event_id = event["event_id"]
    digest = _sha1(f"{event_id}|{rule}|{severity.value}".encode()).hexdigest()[:16]
    location = event["location"]
    return {
        "schema_version": SCHEMA_VERSION,
        "alert_id": f"alr_{digest}",
        "event_id": event_id,
        "article_id": event["article_id"],
        "rule": rule,
        "severity": severity,
        "reason": reason,
        "summary": event["summary"],
        "event_type": event["event_type"],
        "sub_event_type": event["sub_event_type"],
        "country_code": location.country_code if location is not None else None,
        "fatalities": event["fatalities"],
        "event_version": event["version"],
    }


def alert_of(fields: dict[str, Any]) -> Alert:
    """The alert of these fields (from `RuleSet.alert_fields`, as its `__dict__`).

    Every value comes from a validated event and rule (or the core's own event models, made
    as validated): the alert is made as `Alert(...)` would make it (fields in declaration
    order, the fields given) without validating them again (~1.6 alerts an article;
    `tests/unit/test_alerts.py` holds each equal to its validation)."""
    alert: Alert = _new(Alert)
    _set(alert, "__dict__", fields)
    _set(alert, "__pydantic_fields_set__", set(_ALERT_GIVEN))
    _set(alert, "__pydantic_extra__", None)
    _set(alert, "__pydantic_private__", None)
    return alert


_new = object.__new__
_set = object.__setattr__  # past the model's own `__setattr__` and its checks

#: The fields `make_alert` gives (what `Alert(...)` was passed).
_ALERT_GIVEN = frozenset({
    "alert_id", "event_id", "article_id", "rule", "severity", "reason", "summary",
    "event_type", "sub_event_type", "country_code", "fatalities", "event_version"})


def load_rules(path: Path | None = None) -> RuleSet:
    """Read and validate a rules file (YAML or JSON); the built-in rules when `path` is None."""
    if path is None:
        text = resources.files("worker").joinpath("data/alert_rules.yaml").read_text("utf-8")
        where = "built-in alert_rules.yaml"
    else:
        try:
            text = path.read_text("utf-8")
        except OSError as exc:
            raise RulesError(f"alert rules {path}: cannot read: {exc}") from exc
        where = str(path)
    return parse_rules(text, where)


def parse_rules(text: str, where: str = "<rules>") -> RuleSet:
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise RulesError(f"alert rules {where}: not valid YAML/JSON: {exc}") from exc
    try:
        return RuleSet.model_validate(data)
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        line = _line_of(node, first["loc"])
        at = f" (line {line})" if line else ""
        loc = ".".join(str(p) for p in first["loc"])
        raise RulesError(f"alert rules {where}{at}: {loc}: {first['msg']}") from exc


def _line_of(node: yaml.Node | None, loc: Iterable[int | str]) -> int | None:
    """1-based line of the YAML node at pydantic error location `loc` (nearest existing)."""
    best = node.start_mark.line + 1 if node is not None else None
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            node = next((v for k, v in node.value if k.value == part), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            node = node.value[part] if part < len(node.value) else None
        else:
            node = None
        if node is None:
            break
        best = node.start_mark.line + 1
    return best


def severity_rank(severity: Severity) -> int:
    return _SEVERITY_RANK[severity]
