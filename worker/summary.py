"""One line a person can read in a chat client, from an Event's own fields:

    Armed clash, Panjshir (AF): Taliban vs NRF, at least 7 killed, 2 injured; 2 sources
"""

from __future__ import annotations

from worker.models import CasualtyKind, Claim, Event


def summarize(event: Event) -> str:
    where = ""
    if event.location is not None:
        loc = event.location
        where = f", {loc.admin1 or loc.name} ({loc.country_code})"
    who = ""
    if event.actor1 is not None:
        who = f": {event.actor1.name}" + (
            f" vs {event.actor2.name}" if event.actor2 is not None else "")
    parts = []
    for kind, value in ((CasualtyKind.KILLED, event.fatalities),
                        (CasualtyKind.INJURED, event.injured),
                        (CasualtyKind.CAPTURED, event.captured)):
        if value:
            basis = _basis(event.claims, kind, value)
            qualifier = f"{basis.qualifier} " if basis is not None and basis.qualifier else ""
            parts.append(f"{qualifier}{value} {kind.value}")
    figures = (", " + ", ".join(parts)) if parts else ""
    n = len(event.sources)
    cites = f"; {n} source{'s' if n != 1 else ''}" if n else ""
    return f"{event.sub_event_type.value}{where}{who}{figures}{cites}"


def _basis(claims: list[Claim], kind: CasualtyKind, value: int) -> Claim | None:
    return next((c for c in claims if c.kind is kind and c.count == value), None)
