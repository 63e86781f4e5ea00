from __future__ import annotations

from datetime import date

import pytest

from worker.alerts import RulesError, load_rules, parse_rules
from worker.models import Event, EventType, Location, Severity, SubEventType


def event(fatalities: int | None = None, injured: int | None = None,
          sub: SubEventType = SubEventType.ARMED_CLASH, cc: str = "AF") -> Event:
    return Event(
        event_id="evt_1", article_id="a1", event_type=EventType.BATTLES, sub_event_type=sub,
        event_date=date(2024, 1, 2), date_precision="day", fatalities=fatalities,
        injured=injured, confidence=0.9, summary="Armed clash",
        location=Location(name="Kunduz", admin1="Kunduz", country="Afghanistan",
                          country_code=cc, latitude=36.7, longitude=68.9, precision=1),
    )


def test_builtin_rules_load_and_escalate() -> None:
    rules = load_rules()
    assert rules.evaluate(event(fatalities=0)) == []
    (one,) = rules.evaluate(event(fatalities=2))
    assert (one.rule, one.severity) == ("lethal-violence", Severity.MEDIUM)
    (seven,) = rules.evaluate(event(fatalities=7))
    assert seven.severity == Severity.HIGH
    assert seven.alert_id != one.alert_id  # an escalation is a new alert
    (thirty,) = rules.evaluate(event(fatalities=30))
    assert thirty.severity == Severity.CRITICAL
    assert "fatalities 30 >= 1" in thirty.reason


def test_alert_ids_are_stable() -> None:
    rules = load_rules()
    assert rules.evaluate(event(fatalities=3)) == rules.evaluate(event(fatalities=3))


def test_all_conditions_must_hold() -> None:
    rules = parse_rules("""
rules:
  - name: afghan-deaths
    severity: high
    min_fatalities: 1
    countries: [AF]
""")
    assert len(rules.evaluate(event(fatalities=1, cc="AF"))) == 1
    assert rules.evaluate(event(fatalities=1, cc="PK")) == []
    assert rules.evaluate(event(fatalities=0, cc="AF")) == []


def test_sub_type_rule() -> None:
    rules = parse_rules(
        'rules: [{name: sb, severity: critical, sub_event_types: ["Suicide bomb"]}]')
    assert rules.evaluate(event(sub=SubEventType.SUICIDE_BOMB))[0].severity == Severity.CRITICAL


def test_bad_rule_names_the_line() -> None:
    text = "rules:\n  - name: ok\n    severity: low\n  - name: bad\n    severity: urgent\n"
    with pytest.raises(RulesError, match=r"line 5.*rules\.1\.severity"):
        parse_rules(text, "rules.yaml")


def test_unknown_key_and_bad_yaml() -> None:
    with pytest.raises(RulesError, match="min_deaths"):
        parse_rules("rules: [{name: x, severity: low, min_deaths: 3}]")
    with pytest.raises(RulesError, match="not valid YAML"):
        parse_rules("rules: [unclosed")



def test_watch_lists_ignore_case() -> None:
    # the lists are folded once per rule, the event's values per event
    rules = parse_rules("""rules:
      - {name: watch, severity: low, countries: [af], admin1: [KUNDUZ], actors: [TALIBAN],
         escalate: [{min_fatalities: 5, severity: critical}]}
    """)
    from worker.models import Actor, ActorType

    hit = event(fatalities=6).model_copy(update={"actor1": Actor(name="Taliban fighters",
                                                                 actor_type=ActorType.REBEL_GROUP)})
    (alert,) = rules.evaluate(hit)
    assert (alert.rule, alert.severity) == ("watch", Severity.CRITICAL)
    assert alert.reason == ("country AF on the watch list; admin1 Kunduz on the watch list; "
                            "actor TALIBAN on the watch list")
    assert rules.evaluate(event(fatalities=6)) == []  # no actor
    assert rules.evaluate(hit.model_copy(update={"location": None})) == []
