"""One line a person can read in a chat client, from an Event's own fields:

    Armed clash, Panjshir (AF): Taliban vs NRF, at least 7 killed, 2 injured; 2 sources
"""

from __future__ import annotations

from collections.abc import Callable

from worker.models import CasualtyKind, Claim, Event


def summarize(event: Event) -> str:
    return summary_line(event, lambda kind, value: _qualifier(event.claims, kind, value),
                        len(event.sources))


def summary_line(event: Event, qualifier: Callable[[CasualtyKind, int], str | None],
                 sources: int) -> str:
    """`summarize` from the event's head fields, with `qualifier(kind, value)` the qualifier
    of the first claim of `kind` and count `value` (None: none, or no qualifier) and
    `sources` its number of sources (the merge stage keeps its lists encoded)."""
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
            found = qualifier(kind, value)
            prefix = f"{found} " if found else ""
            parts.append(f"{prefix}{value} {kind.value}")
    figures = (", " + ", ".join(parts)) if parts else ""
    cites = f"; {sources} source{'s' if sources != 1 else ''}" if sources else ""
    return f"{event.sub_event_type.value}{where}{who}{figures}{cites}"


def _qualifier(claims: list[Claim], kind: CasualtyKind, value: int) -> str | None:
    basis = next((c for c in claims if c.kind is kind and c.count == value), None)
    return basis.qualifier if basis is not None else None
