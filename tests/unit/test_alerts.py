from __future__ import annotations

from datetime import date

import pytest

from benchmarks.corpus import articles_of_size
from worker.alerts import RulesError, load_rules, parse_rules
from worker.codec import encode
from worker.extract import Extractor
from worker.models import Alert, Event, EventType, Location, Severity, SubEventType
from worker.seeds import article_seeds


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


def _assert_as_validated(alert: Alert) -> None:
    """`alert` (made by `make_alert` without validation) is what validating its values
    makes: same fields in the same order, same types, same fields given, same bytes."""
    given = {name: alert.__dict__[name] for name in alert.model_fields_set}
    validated = Alert(**given)
    assert list(alert.__dict__) == list(validated.__dict__)
    assert alert.model_fields_set == validated.model_fields_set
    assert alert.__pydantic_extra__ is None and alert.__pydantic_private__ is None
    for name, value in alert.__dict__.items():
        other = validated.__dict__[name]
        assert type(value) is type(other) and value == other, name
    assert alert == validated
    assert encode(alert) == encode(validated)
    assert Alert.model_validate_json(encode(alert)) == alert


def test_alerts_are_made_as_validated() -> None:
    rules = parse_rules("""
rules:
  - {name: lethal, severity: medium, min_fatalities: 1,
     escalate: [{severity: high, min_fatalities: 5}]}
  - {name: any, severity: low}
""")
    no_place = event(fatalities=None).model_copy(update={"location": None})
    for one in (event(fatalities=7), event(fatalities=1, injured=3), no_place):
        alerts = rules.evaluate(one)
        assert alerts
        for alert in alerts:
            _assert_as_validated(alert)
    made = 0
    extractor = Extractor()
    seeds = [s.article for s in article_seeds() if s.article is not None]
    for article in [*seeds, *articles_of_size(3_000, 40)]:
        for found in extractor.extract(article):
            for alert in load_rules().evaluate(found):
                _assert_as_validated(alert)
                made += 1
    assert made > 20
