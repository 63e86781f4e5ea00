"""Alert rules: which events matter, and how much. Pure: rules in, alerts out.

Rules come from a YAML or JSON file (``WORKER_ALERT_RULES_PATH``) or the built-in
``worker/data/alert_rules.yaml``; every condition a rule names must hold for it to fire.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Annotated

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from worker.models import SCHEMA_VERSION, Alert, Event, EventType, Severity, SubEventType

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
        level = self.severity
        for step in self.escalate:
            if step.reached(event) and _SEVERITY_RANK[step.severity] > _SEVERITY_RANK[level]:
                level = step.severity
        return level

    def reason(self, event: Event) -> str | None:
        """Why this rule fires for `event`, or None when it does not."""
        why: list[str] = []
        if self.min_fatalities is not None:
            if (event.fatalities or 0) < self.min_fatalities:
                return None
            why.append(f"fatalities {event.fatalities} >= {self.min_fatalities}")
        if self.min_injured is not None:
            if (event.injured or 0) < self.min_injured:
                return None
            why.append(f"injured {event.injured} >= {self.min_injured}")
        if self.event_types:
            if event.event_type not in self.event_types:
                return None
            why.append(f"event type {event.event_type.value}")
        if self.sub_event_types:
            if event.sub_event_type not in self.sub_event_types:
                return None
            why.append(f"sub-event type {event.sub_event_type.value}")
        loc = event.location
        if self.countries:
            if loc is None or loc.country_code.upper() not in self._countries:
                return None
            why.append(f"country {loc.country_code} on the watch list")
        if self.admin1:
            if loc is None or loc.admin1 is None or loc.admin1.casefold() not in self._admin1:
                return None
            why.append(f"admin1 {loc.admin1} on the watch list")
        if self.actors:
            names = [a.name.casefold() for a in (event.actor1, event.actor2) if a is not None]
            hit = next((w for w, folded in self._actors if any(folded in n for n in names)),
                       None)
            if hit is None:
                return None
            why.append(f"actor {hit} on the watch list")
        return "; ".join(why) or "always"

    # the watch lists as compared, computed once per rule (the model is frozen)
    @cached_property
    def _countries(self) -> frozenset[str]:
        return frozenset(c.upper() for c in self.countries)

    @cached_property
    def _admin1(self) -> frozenset[str]:
        return frozenset(a.casefold() for a in self.admin1)

    @cached_property
    def _actors(self) -> tuple[tuple[str, str], ...]:
        return tuple((w, w.casefold()) for w in self.actors)


class RuleSet(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    rules: tuple[Rule, ...]

    def evaluate(self, event: Event) -> list[Alert]:
        """The alerts `event` raises: one per rule that fires, at its escalated severity."""
        alerts = []
        for rule in self.rules:
            reason = rule.reason(event)
            if reason is not None:
                alerts.append(make_alert(event, rule, rule.severity_for(event), reason))
        return alerts


class RulesError(ValueError):
    """A rules file that cannot be used; the message names the file and the bad entry."""


def make_alert(event: Event, rule: Rule, severity: Severity, reason: str) -> Alert:
    """An alert with an id stable for (event, rule, severity): replays give the same id.

    Every value comes from a validated event and rule (or the core's own event models, made
    as validated): the alert is made as `Alert(...)` would make it (fields in declaration
    order, the fields given) without validating them again (~1.6 alerts an article;
    `tests/unit/test_alerts.py` holds each equal to its validation)."""
    digest = hashlib.sha1(
        f"{event.event_id}|{rule.name}|{severity.value}".encode(), usedforsecurity=False
    ).hexdigest()[:16]
    location = event.location
    alert: Alert = _new(Alert)
    _set(alert, "__dict__", {
        "schema_version": SCHEMA_VERSION,
        "alert_id": f"alr_{digest}",
        "event_id": event.event_id,
        "article_id": event.article_id,
        "rule": rule.name,
        "severity": severity,
        "reason": reason,
        "summary": event.summary,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "country_code": location.country_code if location is not None else None,
        "fatalities": event.fatalities,
        "event_version": event.version,
    })
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
