"""Assembly: sentences -> event candidates -> incidents -> Event records with evidence.

The per-field finders (classify, actors, places, dates, casualties, sources) each look at
text and return plain records with absolute offsets; this module decides which of them
belong to which incident and builds the Event. Deterministic: same article, same events.
"""

from __future__ import annotations

import hashlib
import importlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import partial
from typing import Final, Protocol, TypeVar, cast

from pydantic import BaseModel

from worker.extract import actors as actors_mod
from worker.extract import casualties as casualties_mod
from worker.extract import classify as classify_mod
from worker.extract import countries as countries_mod
from worker.extract import dates as dates_mod
from worker.extract import places as places_mod
from worker.extract import sources as sources_mod
from worker.extract.constants import (
    AT_CIVILIANS,
    AT_EXTERNAL_FORCES,
    AT_IDENTITY_MILITIA,
    AT_POLITICAL_MILITIA,
    AT_PROTESTERS,
    AT_REBEL_GROUP,
    AT_STATE_FORCES,
    CK_CAPTURED,
    CK_INJURED,
    CK_KILLED,
    ET_BATTLES,
    ET_PROTESTS,
    ET_RIOTS,
    PREC_DAY,
    PREC_WEEK,
    SK_OUTLET,
    SK_PERSON,
    SUB_ABDUCTION,
    SUB_AGREEMENT,
    SUB_ARMED_CLASH,
    SUB_ARRESTS,
    SUB_ATTACK,
    SUB_GRENADE,
    SUB_LOOTING,
    SUB_MOB_VIOLENCE,
    SUB_PEACEFUL_PROTEST,
    SUB_PROTEST_WITH_INTERVENTION,
    SUB_REMOTE_EXPLOSIVE,
    SUB_VIOLENT_DEMONSTRATION,
)
from worker.extract.gazetteer import Gazetteer
from worker.extract.text import lowered as case_folded
from worker.extract.text import split_sentences
from worker.extract.types import (
    ActorMention,
    CasualtyMention,
    Classification,
    DateMention,
    PlaceMention,
    Sentence,
    SourceMention,
)
from worker.models import (
    SCHEMA_VERSION,
    Actor,
    Article,
    CasualtyKind,
    Claim,
    Event,
    Evidence,
    Location,
    Source,
    Span,
    SubEventType,
)

_M = TypeVar("_M", bound=BaseModel)


#: An explicit date older than this before publication marks a sentence as background.
BACKGROUND_AGE: Final = timedelta(days=45)
#: A sentence without an event trigger still feeds the current incident's casualties when it
#: follows the incident's last sentence within this many sentences.
CASUALTY_REACH: Final = 2

_SEPARATE: Final = re.compile(
    r"^\W*(?:in (?:a |another )?separate (?:incident|attack|development)|separately|elsewhere|"
    r"in another (?:incident|attack|development)|(?:in )?a (?:second|third|further) "
    r"(?:incident|attack)|also on)\b",
    re.IGNORECASE,
)
#: Sentences about sport, weather, disasters, accidents or markets: a trigger word there
#: ("shot", "killed", "demand") is no political violence unless an armed actor is named.
_OFF_TOPIC: Final = re.compile(
    r"\b(?:goalkeeper|striker|midfielder|scored|the match|league|tournament|championship|"
    r"coach|the game|the team|players|fans|"
    r"minute of|penalty|semi-final|final whistle|flood(?:s|ing|waters)?|heavy rains?|rainfall|"
    r"storms?|cyclone|earthquake|landslides?|mudslides?|drought|wildfires?|hailstones|"
    r"road accident|car crash|traffic accident|collision|cholera|epidemic|"
    r"outbreak(?! of (?:violence|fighting|clashes|hostilities|unrest))|"
    r"shares|stock market|index rose|index fell|currency|inflation|interest rates?|"
    r"oil prices?|crude|bond yields?|exchange rate)\b", re.IGNORECASE)
#: Sport: a crowd there ("fans protested the penalty") is no demonstration of ours either.
_SPORT: Final = re.compile(r"\b(?:goalkeeper|striker|midfielder|scored|the match|league|tournament|"
                    r"championship|coach|the game|the team|players|fans|minute of|penalty|"
                    r"semi-final|final whistle)\b", re.IGNORECASE)
#: A grievance: what makes people blocking a road or gathering a demonstration.
_GRIEVANCE: Final = re.compile(r"\b(?:to demand|demanding|in protest|to protest|denouncing|"
                        r"calling for|to press for)\b", re.IGNORECASE)
#: What may come before a sentence's opening date ("On 8 May 2020, ...", "Around 3 May").
_DATE_OPENING: Final = re.compile(r"\W*(?:(?:on|around|as reported,? on|in the (?:night|morning|"
                           r"evening) of)\s+)?", re.IGNORECASE)
#: Talks and plans that have not happened yet.
_FUTURE: Final = re.compile(
    r"\b(?:expected to|are set to|is set to|plans? to|will resume|to resume|"
                     r"would resume|due to (?:meet|sign|resume)|scheduled to|may resume)\b",
                     re.IGNORECASE)
#: A wire-style dateline: "NAIROBI, Feb 14 (Sahel Wire) -" / "KABUL, Aug. 31 —". (Its
#: runs of letters, digits and white space possessive (`++`): what follows each can match
#: none of what it would give back, so the engine gives nothing back at each length of the
#: lazy place, where most first sentences open with a dateline. tests/unit/
#: test_dateline_shortcuts.py compares it with the pattern as first written.)
_DATELINE: Final = re.compile(r"^[A-Z][A-Za-z .,'’/-]{1,60}?,?\s++(?:[A-Z][a-z]{2,8}+\.?\s++"
                              r"\d{1,2}+|\d{1,2}+\s++[A-Z][a-z]{2,8}+)(?:,?\s++\d{4})?\s*+"
                              r"(?:\([^)]{1,60}\))?\s*+(?:-|–|—|:)")
_HISTORY: Final = re.compile(
    r"\b(?:in (?:the )?(?:19|20)\d0s|in (?:19|20)\d\d\b|(?:years|decades) ago|"
    r"(?:last|past) (?:year|decade)s?\b|since (?:19|20)\d\d|earlier (?:this|in the) year|"
    r"(?:months|weeks) ago|in recent (?:months|years)|anniversary)",
    re.IGNORECASE,
)
#: Security forces stepping into a demonstration, told in a sentence of its own.
_INTERVENTION: Final = re.compile(
    r"\b(?:dispers\w*|tear ?gas|teargas|arrest\w*|detain\w*|intervened|rubber bullets|"
    r"water cannons?|fired (?:shots|live|in the air)|batons?|dissolved|broke up|cracked down)\b",
    re.IGNORECASE)
_CROWDS: Final = frozenset({ET_PROTESTS, ET_RIOTS})
#: A riot told as part of demonstrations, in a sentence of its own.
_DEMONSTRATION_LINK: Final = re.compile(
    r"\b(?:related|linked|connected|tied|relation|connection|part) (?:to|with|of) "
    r"(?:the |recent |ongoing |several |a |an )*(?:demonstrations?|protests?)\b", re.IGNORECASE)
#: A demonstration or riot named by a word of its own ("protest", "rioters", "mob"), not
#: only by a weak one ("gathered", "blocked"): the classifier's confidence of such a word.
_FIRM_CROWD: Final = 0.6
#: A later sentence's armed clash named by a word of its own ("repelled", "exchanged fire"),
#: not inferred from an armed target ("the attack is gang related"): that word's confidence.
_FIRM_CLASH: Final = 0.75
#: A trigger that names the event told already ("the attack is gang related"): no new fact.
_ANAPHORA: Final = re.compile(r"\b(?:the|this|that)\s+$", re.IGNORECASE)
#: A sentence naming who is behind an event: a claim, a suspicion, a blame.
_ATTRIBUTION: Final = re.compile(
    r"\b(?:claim(?:ed|s)? (?:of )?responsibility|claimed|responsib|suspect(?:ed|s)?|believed to|"
    r"blamed?|attributed|accused|planted by|carried out by|behind the)\b", re.IGNORECASE)


# The case-insensitive patterns above, for lower-cased ASCII text: a case-sensitive search is
# several times faster than re.IGNORECASE, and on ASCII text it finds the same matches.
_OFF_TOPIC_LOW: Final = re.compile(_OFF_TOPIC.pattern)
_FUTURE_LOW: Final = re.compile(_FUTURE.pattern)
_HISTORY_LOW: Final = re.compile(_HISTORY.pattern)
_SPORT_LOW: Final = re.compile(_SPORT.pattern)
_GRIEVANCE_LOW: Final = re.compile(_GRIEVANCE.pattern)
_INTERVENTION_LOW: Final = re.compile(_INTERVENTION.pattern)
_ATTRIBUTION_LOW: Final = re.compile(_ATTRIBUTION.pattern)
_DEMONSTRATION_LINK_LOW: Final = re.compile(_DEMONSTRATION_LINK.pattern)


def _finds(pattern: re.Pattern[str], lowered: re.Pattern[str], text: str,
           low: str | None) -> bool:
    """Whether the IGNORECASE `pattern` matches `text` (via `lowered` on `low`, the text
    lower-cased, when the text is ASCII; `_read` gives it). A pattern of `_STARTS_AT` is
    tried only where the words of its gate start (the keyword pass found them): a search
    tries it at each position of the text."""
    if low is None:
        # text that is not ASCII: lower-cased as `text.lowered` allows (else the IGNORECASE
        # search, which costs several times the case-sensitive one); the keyword pass reads
        # its words at the same offsets
        low = case_folded(text)
        if low is None:
            return pattern.search(text) is not None
    gate = _STARTS_AT.get(id(lowered), 0)
    if not gate:
        return lowered.search(low) is not None
    for last, size, bits in actors_mod.gate_read(text)[1]:
        # (a gate word's key, a space and the word, ends at `last` in the `words_of` form:
        # at `last - 1` here)
        if bits & gate and lowered.match(low, last - size + 1) is not None:
            return True
    return False




def _literal_stems(pattern: re.Pattern[str]) -> tuple[str, ...]:
    r"""The literal start of each alternative of a `\b(?:a|b|...)\b` pattern, up to its first
    group or optional letter ("flood(?:s|ing)?" -> "flood", "heavy rains?" -> "heavy rain"):
    one of them is in any text the pattern matches. Fails on a construct it cannot read."""
    body = pattern.pattern.removeprefix(r"\b(?:").removesuffix(r")\b")
    parts, depth, current = [], 0, ""
    for char in body:
        depth += (char == "(") - (char == ")")
        if char == "|" and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
    parts.append(current)
    stems = []
    for part in parts:
        cut = min([i for i in (part.find("("), part.find("?")) if i >= 0] or [len(part)])
        stem = part[:cut - 1] if part[cut:cut + 1] == "?" else part[:cut]
        if not re.fullmatch(r"[a-z][a-z -]*[a-z]", stem):
            raise ValueError(f"no literal stem in {part!r}")
        stems.append(stem)
    return tuple(stems)


#: Gates: words one of which is in any (lower-cased) text the pattern matches, by bit; the
#: bits below 1 << 16 are the casualty finder's (`casualties.GATE_WORDS`). They ride on the
#: actors' automaton (`actors.add_gate_words`), whose pass over every sentence classify
#: makes anyway: no pass of their own.
_OFF_TOPIC_GATE: Final = 1 << 16
_ATTRIBUTION_GATE: Final = 1 << 17
_DEMONSTRATION_LINK_GATE: Final = 1 << 18
_HISTORY_GATE: Final = 1 << 19
_INTERVENTION_GATE: Final = 1 << 21
_GATE_WORDS: Final[dict[int, tuple[str, ...]]] = {
    _OFF_TOPIC_GATE: _literal_stems(_OFF_TOPIC),
    _ATTRIBUTION_GATE: _literal_stems(_ATTRIBUTION),
    _DEMONSTRATION_LINK_GATE: ("demonstration", "protest"),
    # each alternative's literal words: "in 19", "in the 20" (in the 1990s, in 2019),
    # "since 20", "years ago", "last year"...
    _HISTORY_GATE: ("in 19", "in 20", "in the 19", "in the 20", "years ago", "decades ago",
                    "last year", "past year", "last decade", "past decade", "since 19",
                    "since 20", "earlier this year", "earlier in the year", "months ago",
                    "weeks ago", "in recent months", "in recent years", "anniversary"),
    _INTERVENTION_GATE: ("dispers", "tear gas", "teargas", "arrest", "detain", "intervened",
                         "rubber bullets", "water cannon", "fired shots", "fired live",
                         "fired in the air", "baton", "dissolved", "broke up",
                         "cracked down"),
    **casualties_mod.GATE_WORDS,
}
_ALL_GATES: Final = sum(_GATE_WORDS)
#: The patterns (for lower-cased text) each of whose matches starts where a word of a gate
#: starts (`_literal_stems`, the words of each alternative), by that gate: `_finds` tries
#: them only there. (_SPORT's words are among _OFF_TOPIC's; _DEMONSTRATION_LINK's gate words
#: end its matches.) Keyed by the patterns' ids: a pattern's hash reads its compiled code.
_STARTS_AT: Final[dict[int, int]] = {
    id(_OFF_TOPIC_LOW): _OFF_TOPIC_GATE, id(_SPORT_LOW): _OFF_TOPIC_GATE,
    id(_ATTRIBUTION_LOW): _ATTRIBUTION_GATE, id(_HISTORY_LOW): _HISTORY_GATE,
    id(_INTERVENTION_LOW): _INTERVENTION_GATE,
}
if not set(_literal_stems(_SPORT)) <= set(_GATE_WORDS[_OFF_TOPIC_GATE]):
    raise ValueError("a word of _SPORT is not a word of _OFF_TOPIC's gate")
#: (Each as a word's start, `start=True`: every gated pattern opens its words with `\b` or
#: white space; the casualty finder's hint, which counts its words anywhere, is completed
#: where it decides, `casualties.hint_inside`.)
actors_mod.add_gate_words(_GATE_WORDS, start=True)
#: A country's name or demonym, as a whole word (`countries.find_countries_in`).
_COUNTRY_GATE: Final = 1 << 22
actors_mod.add_gate_words({_COUNTRY_GATE: tuple(countries_mod.gate_keys())}, whole=True)

# sources' cached reader, held here: compiled, a function of a module read as its attribute
# (a cached function is an object, not a native function) is looked up in the module's dict
# at each call. (actors' `gate_read` and `matches`, native functions with their own memo, are
# called directly: held in a constant, they would be called through their Python wrapper.)
_sources_of: Final = sources_mod.sources_of


# A sentence is read for its gates when grouping and again for its casualties when building
# its event: kept per text for a while, as the finders' answers are.
_READS: Final = actors_mod.TextMemo(2048)


def clear_text_caches() -> None:
    """Forget every sentence's gates (kept by `_read`): as between articles."""
    _READS.clear()


def _read(text: str) -> tuple[str | None, int]:
    """(`text` lower-cased when it is ASCII, else None; the bits of the gates with a word in
    it, from the actors' automaton pass over it (which classify made already); every bit for
    text that is not ASCII, where the IGNORECASE patterns are tried). Kept per text."""
    known = _READS.get(text)
    if known is not None:
        return cast("tuple[str | None, int]", known)
    read = _read_worked(text)
    _READS.put(text, read)
    return read


def _read_worked(text: str) -> tuple[str | None, int]:
    """`_read(text)` worked out (not kept)."""
    if not text.isascii():
        return None, _ALL_GATES
    return actors_mod.matches(text)[0], actors_mod.gate_read(text)[0]


def _country_words(text: str, is_ascii: bool = False) -> list[tuple[int, int]] | None:
    """Where the keyword pass found a country's name as a word in the sentence `text` ((start,
    end), in order of their ends: where `countries.find_countries` may find one), or None
    for text that is not ASCII (there it may find one anywhere). (`is_ascii`: known to be ASCII,
    a sentence of an ASCII article: not asked again of each.)"""
    if not (is_ascii or text.isascii()):
        return None
    read = actors_mod.gate_read(text)
    if not read[0] & _COUNTRY_GATE:
        return []
    # (the hits read in place: `hits_of` would build a list of them first)
    return [(last - size + 1, last - 1) for last, size, bits in read[1]
            if bits & _COUNTRY_GATE]


# (its `__init__` written out, as the records' of `types`: compiled, where the dataclass's
# generated one runs interpreted)
@dataclass(slots=True, init=False)
class _Incident:
    anchor: Sentence
    classification: Classification
    date: DateMention | None
    sentences: list[Sentence]
    last_index: int
    #: later sentences that only say who did it ("JNIM claimed responsibility"): read for
    #: the actors, not for anything else
    attributions: list[Sentence]
    #: the sentence right before the anchor when no trigger word marked it ("ISWAP militants
    #: made two attempts on an army position. The soldiers repulsed the assaults."): read for
    #: the named groups it introduces
    lead: Sentence | None
    #: the armed clashes its second and third sentences report (as classified when grouping)
    clashes: list[Classification]
    #: the casualties of the sentences that joined it for them alone (with no trigger), by
    #: their starts: found when grouping, not looked for again when building its event
    casualties: dict[int, tuple[CasualtyMention, ...]] | None

    def __init__(self, anchor: Sentence, classification: Classification,
                 date: DateMention | None, sentences: list[Sentence] | None = None,
                 last_index: int = 0, attributions: list[Sentence] | None = None,
                 lead: Sentence | None = None,
                 clashes: list[Classification] | None = None) -> None:
        self.anchor = anchor
        self.classification = classification
        self.date = date
        self.sentences = [] if sentences is None else sentences
        self.last_index = last_index
        self.attributions = [] if attributions is None else attributions
        self.lead = lead
        self.clashes = [] if clashes is None else clashes
        self.casualties = None


def extract_events(article: Article, gazetteer: Gazetteer) -> list[Event]:
    """Every event `article` reports (none for an article without one)."""
    body = article.body
    published = article.published_date
    sentences = split_sentences(body)
    incidents = _incidents(sentences, published)
    if not incidents:
        return []
    # the country the actors belong to ("Afghan soldiers", "Al Shabaab") settles ambiguous
    # place names when the text names no country
    homes: dict[str, int] = {}
    for incident in incidents:
        for m in actors_mod.actor_mentions(incident.anchor.text, incident.anchor.start, None):
            if m.country_code:
                homes[m.country_code] = homes.get(m.country_code, 0) + 1
    hint = _most_common(homes)
    # the countries named, from the keyword pass over each sentence (classify made it)
    is_ascii = body.isascii()
    named = countries_mod.find_countries_in(
        body, sentences, [_country_words(s.text, is_ascii) for s in sentences])
    found_places = places_mod.find_places(body, gazetteer, country_hint=hint, named=named)
    text_country: list[str | None] = []  # the article's country, worked out once if needed

    def country_of_text() -> str | None:
        if not text_country:
            text_country.append(places_mod.country_of_text(body, gazetteer, named, hint))
        return text_country[0]

    events: list[Event] = []
    seen: set[str] = set()
    for incident in incidents:
        event = _build(article, body, published, incident, gazetteer, found_places,
                       country_of_text)
        if event.event_id not in seen:
            seen.add(event.event_id)
            events.append(event)
    return events


def _most_common(counts: dict[str, int]) -> str | None:
    """The key `Counter(counts).most_common(1)` gives (None for no key): the first met of the
    most common. (A dict and a loop: Counter's methods are Python code.)"""
    found: str | None = None
    most = 0
    for key, count in counts.items():
        if count > most:
            found, most = key, count
    return found


# --------------------------------------------------------------------------- grouping


def _incidents(sentences: list[Sentence], published: date) -> list[_Incident]:
    incidents: list[_Incident] = []
    current: _Incident | None = None
    dateline = _DATELINE.match(sentences[0].text) if sentences else None
    dateline_end = dateline.end() if dateline else 0
    lead: Sentence | None = None
    for index, sentence in enumerate(sentences):
        text = sentence.text
        found = classify_mod.classify(text, sentence.start)
        near = current is not None and index - current.last_index <= CASUALTY_REACH
        # (what the patterns below read: read only in a sentence that is near or has a trigger)
        low, gates = _read(text) if near or found is not None else (None, 0)
        if current is not None and near and \
                current.classification.sub_event_type is SUB_MOB_VIOLENCE and \
                gates & _DEMONSTRATION_LINK_GATE and \
                _finds(_DEMONSTRATION_LINK, _DEMONSTRATION_LINK_LOW, text, low):
            # "Rioters smashed a bank's windows. The attack is linked to the protests
            # against ...": a demonstration turned violent, not mob violence
            cls = current.classification
            current.classification = Classification(
                ET_RIOTS, SUB_VIOLENT_DEMONSTRATION, cls.confidence,
                cls.start, cls.end, cls.text)
        previous, lead = lead, None
        if found is None:
            lead = sentence
            if current is not None and near:
                counted = _casualties_in(text, sentence.start)
                if counted:
                    # (kept for `_build`, which reads every sentence of the incident)
                    if current.casualties is None:
                        current.casualties = {}
                    current.casualties[sentence.start] = counted
                if counted or (
                        current.classification.event_type in _CROWDS
                        and gates & _INTERVENTION_GATE
                        and _finds(_INTERVENTION, _INTERVENTION_LOW, text, low)):
                    # "Police dispersed the crowd.": the same demonstration, its other side
                    current.sentences.append(sentence)
                    current.last_index = index
                    lead = None
                elif gates & _ATTRIBUTION_GATE and \
                        _finds(_ATTRIBUTION, _ATTRIBUTION_LOW, text, low):
                    current.attributions.append(sentence)
            continue
        # (whether a digit is in the text: searched for by the date finder where it decides)
        dates = [d for d in dates_mod.find_dates_read(text, published, sentence.start, low,
                                                      None)
                 if d.start >= dateline_end]  # "NAIROBI, Feb 14 (Wire) -" is not the event
        usable = [d for d in dates if _recent(d.value, published)]
        if dates and not usable:
            continue  # only old dates: an earlier event recalled, background
        if (gates & _HISTORY_GATE and _finds(_HISTORY, _HISTORY_LOW, text, low)
                and not _opens_with(sentence, usable)) or _off_topic(sentence, found, low, gates):
            if current is not None and near and gates & _ATTRIBUTION_GATE and \
                    _finds(_ATTRIBUTION, _ATTRIBUTION_LOW, text, low):
                # "Police blamed al Shabaab, who have planted bombs there in the past year"
                current.attributions.append(sentence)
            continue
        if len(usable) > 1:  # the day something was said is not the event's own day
            own = [d for d in usable if not _reporting_date(sentence, d, low)]
            if any(d.precision is PREC_DAY for d in own):  # (not "since October": a span)
                usable = own
        # the first day-precise date, else the first at all
        when = next((d for d in usable if d.precision is PREC_DAY),
                    usable[0] if usable else None)
        if current is None or _starts_new(current, sentence, when, low):
            current = _Incident(found_anchor := sentence, found, when, [found_anchor], index,
                                lead=previous)
            incidents.append(current)
            continue
        # (the anchor's next sentence: what it tells of the anchor's event, not background)
        follows = len(current.sentences) == 1 and index == current.last_index + 1
        current.sentences.append(sentence)
        current.last_index = index
        if found.sub_event_type is SUB_ATTACK and \
                current.classification.sub_event_type is SUB_ARRESTS and \
                _finds(_IN_CUSTODY, _IN_CUSTODY_LOW, text, low):
            # "Police arrested a man ... He was tortured in their cells and died.": what
            # was done to the detainee is the event, an attack
            current.classification = found
        elif follows and found.sub_event_type is SUB_ATTACK and \
                current.classification.sub_event_type is SUB_ABDUCTION and \
                _DEATH_TRIGGER.search(found.text) is not None:
            # "Gunmen kidnapped a man. His body was found the next day.": the abducted
            # killed, an attack (the codebook's abduction has no one killed)
            current.classification = found
        elif follows and found.sub_event_type is SUB_REMOTE_EXPLOSIVE and \
                current.classification.sub_event_type is SUB_LOOTING and \
                not _finds(_HABITUAL, _HABITUAL_LOW, text, low):
            # "Perpetrators attacked a pipeline. They set off explosive devices, causing
            # damage.": property destroyed by explosives, a remote explosive
            current.classification = found
        if found.sub_event_type is SUB_ARMED_CLASH and len(current.sentences) <= 3:
            current.clashes.append(found)
        if current.date is None and when is not None:
            current.date = when
    return incidents


#: What happens again and again, or has happened before: background, not the event.
_HABITUAL: Final = re.compile(r"\b(?:repeatedly|regularly|frequently|often|routinely|"
                              r"in the past|has been|have been|had been)\b", re.IGNORECASE)
#: A trigger that is a death: an attack that killed.
_DEATH_TRIGGER: Final = re.compile(r"kill|dead|death|corpse|bod(?:y|ies)|murder|execut|behead|"
                                   r"slain|slaughter|assassinat", re.IGNORECASE)
#: Where a detainee is held, and what is done to one there.
_IN_CUSTODY: Final = re.compile(r"\b(?:custody|detention|cells?|jail|prison|lock-?up|"
                                r"tortur\w*)\b", re.IGNORECASE)
#: The two above for lower-cased ASCII text (`_finds`; a search of a long sentence with
#: re.IGNORECASE costs several times the case-sensitive one).
_HABITUAL_LOW: Final = re.compile(_HABITUAL.pattern)
_IN_CUSTODY_LOW: Final = re.compile(_IN_CUSTODY.pattern)


def _opens_with(sentence: Sentence, dates: list[DateMention]) -> bool:
    """Whether the sentence opens with a day-precise date ("On 8 May 2020, ..."): what it
    recalls of earlier years ("arrested 2 years ago", "since 2019") is the background of an
    event of that day."""
    return any(d.precision is PREC_DAY and _DATE_OPENING.fullmatch(
        sentence.text, 0, d.start - sentence.start) is not None for d in dates)


#: A reporting verb right before a date ("officials said on Tuesday", "told reporters
#: Tuesday", "said in a statement on Tuesday") ...
_REPORTED_BEFORE: Final = re.compile(
    r"\b(?:said|says|told(?: [\w-]+){1,2}|reported|announced|confirmed|stated|added|claimed|"
    r"revealed|disclosed)(?: in a (?:statement|press release|press conference))?"
    r"(?: (?:late|early))?\s+$", re.IGNORECASE)
#: ... or right after one opening the sentence ("On Tuesday, the police said that ...").
_REPORTED_AFTER: Final = re.compile(
    r",?\s+(?:[\w'-]+\s+){1,4}(?:said|told|reported|announced|confirmed|stated|claimed|"
    r"revealed|disclosed)\b", re.IGNORECASE)


def _reporting_date(sentence: Sentence, mention: DateMention, low: str | None) -> bool:
    """Whether `mention` dates the reporting of the sentence's news, not the event: "Officials
    said on Tuesday that 27 soldiers were killed ... on Monday" happened on Monday. (`low`:
    the sentence lower-cased when it is ASCII, `_read`.)"""
    text, start = sentence.text, mention.start - sentence.start
    if _has_any(low, _REPORTED_WORDS, max(0, start - 50), start) and \
            _REPORTED_BEFORE.search(text, max(0, start - 50), start) is not None:
        return True
    end = mention.end - sentence.start
    return _DATE_OPENING.fullmatch(text, 0, start) is not None and \
        _REPORTED_AFTER.match(text, end) is not None


def _off_topic(sentence: Sentence, found: Classification, low: str | None, gates: int
               ) -> bool:
    """Sport, weather, markets, disasters, future plans: not an event of ours. A crowd's
    grievance is no such thing: "protested against high oil prices", "flood victims blocked
    the road to demand relief" are demonstrations (sport excepted). (`low`, `gates`: the
    sentence's `_lower` and `_gates`.)"""
    text = sentence.text
    if found.sub_event_type is SUB_AGREEMENT and _has_any(low, _FUTURE_WORDS, 0, len(text)) \
            and _finds(_FUTURE, _FUTURE_LOW, text, low):
        return True
    if not (gates & _OFF_TOPIC_GATE and _finds(_OFF_TOPIC, _OFF_TOPIC_LOW, text, low)):
        return False
    if found.event_type in _CROWDS and (
            found.confidence >= _FIRM_CROWD
            or _finds(_GRIEVANCE, _GRIEVANCE_LOW, text, low)) and not _finds(
                _SPORT, _SPORT_LOW, text, low):
        return False
    armed = [m for m in actors_mod.actor_mentions(sentence.text, sentence.start, None)
             if m.actor_type not in (AT_CIVILIANS, AT_PROTESTERS)]
    return not armed


def _starts_new(current: _Incident, sentence: Sentence, when: DateMention | None,
                low: str | None) -> bool:
    """Whether the sentence (`low`: lower-cased when it is ASCII, `_read`) tells an incident
    of its own."""
    if when is not None and current.date is not None and when.value != current.date.value:
        return True
    # (on ASCII text _SEPARATE's words open with i, s, e or a, after what is not a word
    # character: a sentence opening with another letter or a digit is not one)
    if low is not None and low[:1].isalnum() and low[0] not in "isea":
        return False
    return bool(_SEPARATE.search(sentence.text))


def _has_any(low: str | None, words: tuple[str, ...], start: int, end: int) -> bool:
    """Whether one of `words` is in `low[start:end]` (`low`: a text lower-cased when it is
    ASCII; None: as if one were, for text that is not, where the IGNORECASE patterns these
    words gate are tried)."""
    if low is None:
        return True
    return any(low.find(word, start, end) >= 0 for word in words)


#: The words one of which _REPORTED_BEFORE needs (its verbs), and _FUTURE (lower case).
_REPORTED_WORDS: Final = ("said", "says", "told", "reported", "announced", "confirmed",
                          "stated", "added", "claimed", "revealed", "disclosed")
_FUTURE_WORDS: Final = ("expected to", "set to", "plan", "resume", "due to", "scheduled to")


def _reclassified(body: str, incident: _Incident) -> Classification:
    """A demonstration read over the whole incident: police intervening or firing in a later
    sentence makes it 'Protest with intervention' or 'Excessive force against protesters'."""
    cls = incident.classification
    if cls.sub_event_type is SUB_ATTACK or cls.sub_event_type is SUB_GRENADE:
        # "Militants attacked the village ... They were repelled by security forces.": the
        # attackers met armed resistance, an armed clash (so did a grenade thrown at a
        # patrol that "responded with gunfire")
        # (the next two sentences, an explicit clash there, not "the clash" told again nor
        # "fighting" in general: background far more often)
        for later in incident.clashes:
            if later.confidence >= _FIRM_CLASH and \
                    later.text.lower() not in classify_mod.VAGUE_CLASH and _ANAPHORA.search(
                        body, max(0, later.start - 6), later.start) is None:
                return Classification(ET_BATTLES, SUB_ARMED_CLASH, cls.confidence, cls.start,
                                      cls.end, cls.text)
        return cls
    # (an arrest told in the passive too: "activists were arrested ... They held up protest
    # signs": the arrest of demonstrators is an intervention in their demonstration)
    arrested = cls.sub_event_type is SUB_ARRESTS and cls.text.lower() in _PASSIVE_ARRESTS
    if (cls.event_type not in (ET_PROTESTS, ET_RIOTS) and not arrested) \
            or len(incident.sentences) < 2:
        return cls
    first, last = incident.sentences[0], incident.sentences[-1]
    whole = classify_mod.classify(body[first.start:last.end], first.start)
    if whole is not None and whole.event_type in (ET_PROTESTS, ET_RIOTS):
        if arrested and whole.event_type is ET_PROTESTS:
            return Classification(ET_PROTESTS, SUB_PROTEST_WITH_INTERVENTION, cls.confidence,
                                  cls.start, cls.end, cls.text)
        return whole
    return cls


#: Arrests told in the passive ("were arrested"), the classifier's trigger for them.
_PASSIVE_ARRESTS: Final = frozenset({"was arrested", "were arrested", "was detained",
                                     "were detained"})


def _recent(value: date, published: date) -> bool:
    return published - BACKGROUND_AGE <= value <= published + _ONE_DAY


#: (made once: a `timedelta(days=1)` call, its keyword argument read, costs some 3,000
#: instructions a date)
_ONE_DAY: Final = timedelta(days=1)


# A sentence is read for casualties when grouping only when it has no trigger (and joins an
# incident for its casualties: they are kept in the incident, `_Incident.casualties`), else
# when building its event: once either way. (A memo of the answers by text missed at nearly
# every call: its look-ups and stores cost ten times the few answers it gave back.)
def _casualties_in(text: str, offset: int) -> tuple[CasualtyMention, ...]:
    """The casualty figures of `text`, a sentence at `offset` in its article."""
    low, gates = _read(text)
    if low is not None:
        gates = casualties_mod.hint_inside(text, low, gates)
    return tuple(casualties_mod.find_casualties_gated(text, offset, low, gates))


# --------------------------------------------------------------------------- one event


def _build(article: Article, body: str, published: date, incident: _Incident,
           gazetteer: Gazetteer, found_places: list[PlaceMention],
           country_of_text: Callable[[], str | None]) -> Event:
    cls = _reclassified(body, incident)
    anchor = incident.anchor
    # (each piece of evidence as (start, field, number, end, text): sorted as they are, the
    # number, unique, ordering equal (start, field) pairs as met, as a sort by those two
    # would; the models made once sorted, no key function called per piece)
    evidence: list[tuple[int, str, int, int, str]] = [
        (cls.start, "event_type", 0, cls.end, cls.text)]

    when = incident.date
    if when is None:  # no date in the text: news usually reports the day before publication
        event_date, precision = published - _ONE_DAY, PREC_WEEK
    else:
        event_date, precision = when.value, when.precision
        evidence.append((when.start, "event_date", len(evidence), when.end, when.text))

    place = places_mod.pick_location(found_places, focus=(anchor.start, anchor.end), text=body)
    country_code = place.country_code if place else country_of_text()
    location = _location(place)
    if place is not None:
        evidence.append((place.start, "location", len(evidence), place.end, place.text))

    actor1, actor2, assoc = _actors(body, incident, cls, country_code)
    if location is None:  # no place named: the country the actors belong to, if any
        home = country_code or next(
            (m.country_code for m in (actor1, actor2, *assoc) if m and m.country_code), None)
        if home is not None:  # at its capital, precision 3
            location = _location(places_mod.pick_location([places_mod.country_place(
                gazetteer, home)]))
            if country_code is None:  # "Rioters (Kenya)": generic actors take that country
                actor1, actor2, assoc = _actors(body, incident, cls, home)
    # (each written out: a loop over a tuple of pairs built for it costs a generic iteration)
    if actor1 is not None:
        evidence.append((actor1.start, "actor1", len(evidence), actor1.end, actor1.text))
    if actor2 is not None:
        evidence.append((actor2.start, "actor2", len(evidence), actor2.end, actor2.text))

    casualties: list[CasualtyMention] = []
    # (each sentence's sources as found in it, with its offset: the spans are offset only
    # for the sources kept; a sentence is in one incident only, read here once)
    cited: list[tuple[int, tuple[SourceMention, ...]]] = []
    counted = incident.casualties
    for sentence in incident.sentences:
        known = counted.get(sentence.start) if counted is not None else None
        casualties.extend(known if known is not None
                          else _casualties_in(sentence.text, sentence.start))
        found = _sources_of(sentence.text)
        if found:
            cited.append((sentence.start, found))
    # (no figure: no headline count of any kind, no claim, no basis to show)
    headline = casualties_mod.headline_counts(casualties) if casualties else _NO_HEADLINE
    if headline.get(CK_KILLED) and (cls.sub_event_type is SUB_PEACEFUL_PROTEST or
                                    cls.sub_event_type is SUB_PROTEST_WITH_INTERVENTION):
        # a protest with no one killed by definition (the codebook's: demonstrators killed
        # make it excessive force): its dead are its cause ("residents demonstrated after a
        # gendarme shot a driver", "a vigil for those killed"), kept as claims only
        headline = {**headline, CK_KILLED: None}
    claims = [_claim(m, country_code) for m in casualties]
    for kind in _KINDS if casualties else ():
        basis = _headline_basis(casualties, kind, headline.get(kind))
        if basis is not None:
            evidence.append((basis.start, _FIELD[kind], len(evidence), basis.end,
                             basis.text))

    sources = _sources(cited, casualties, evidence)

    confidence = _confidence(cls, place, when, actor1)
    a1 = _actor(actor1)
    a2 = _actor(actor2)
    # (a StrEnum member formats as its value: no look-up of `.value`, a property in Python)
    digest = _sha1(
        f"{article.id}|{cls.sub_event_type}|{event_date.isoformat()}|{anchor.start}".encode(),
    ).hexdigest()[:20]
    fatalities = headline.get(CK_KILLED)
    injured = headline.get(CK_INJURED)
    captured = headline.get(CK_CAPTURED)
    # (the template's copy, every field given set in it: see `_EVIDENCE`)
    values = _EVENT_VALUES.copy()
    values["event_id"] = f"evt_{digest}"
    values["article_id"] = article.id
    values["event_type"] = cls.event_type
    values["sub_event_type"] = cls.sub_event_type
    values["event_date"] = event_date
    values["date_precision"] = precision
    values["actor1"] = a1
    values["actor2"] = a2
    values["assoc_actors"] = [a for a in (_actor(m) for m in assoc) if a is not None]
    values["location"] = location
    values["fatalities"] = fatalities
    values["injured"] = injured
    values["captured"] = captured
    values["claims"] = claims
    values["sources"] = sources
    values["evidence"] = _sorted_evidence(evidence)
    values["confidence"] = confidence
    values["summary"] = _summary(cls.sub_event_type, location, actor1, actor2,
                                 (fatalities, injured, captured), casualties, len(sources))
    values["article_source"] = article.source
    values["published_at"] = article.published_at
    values["article_ids"] = [article.id]
    values["reports"] = []
    return _made(_EVENT, values, set(_EVENT_GIVEN))


class _Digest(Protocol):
    """A hash object, as `_sha1` makes one."""

    def hexdigest(self) -> str: ...


def _sha1_of() -> Callable[[bytes], _Digest]:
    """The SHA-1 of event ids: CPython's own (`_sha1`), whose object costs some half of what
    OpenSSL's (`hashlib.sha1`) does to set up for a few dozen bytes; OpenSSL's where the
    interpreter is built without it. (The same digest either way.)"""
    try:
        return cast("Callable[[bytes], _Digest]", importlib.import_module("_sha1").sha1)
    except ImportError:  # pragma: no cover (a build without CPython's own hashes)
        return partial(hashlib.sha1, usedforsecurity=False)


_sha1: Final = _sha1_of()


def _summary(sub: SubEventType, location: Location | None, actor1: ActorMention | None,
             actor2: ActorMention | None, figures: tuple[int | None, int | None, int | None],
             casualties: list[CasualtyMention], sources: int) -> str:
    """`summary.summarize` of the event these make (its sub-type, location, actors, headline
    figures (killed, injured, captured), the casualty mentions its claims are made of, in
    order, and its number of sources), from the values themselves: `summarize` is Python
    code reading the model's fields (tests/unit/test_assembly_shortcuts.py compares the
    two). (A StrEnum member formats as its value.)"""
    where = ""
    if location is not None:
        where = f", {location.admin1 or location.name} ({location.country_code})"
    who = ""
    if actor1 is not None:
        who = f": {actor1.name} vs {actor2.name}" if actor2 is not None else f": {actor1.name}"
    parts: list[str] = []
    for kind, value in ((CK_KILLED, figures[0]), (CK_INJURED, figures[1]),
                        (CK_CAPTURED, figures[2])):
        if value:
            # the qualifier of the first claim of that kind and count
            basis = next((m for m in casualties if m.kind is kind and m.count == value), None)
            found = basis.qualifier if basis is not None else None
            parts.append(f"{found} {value} {kind}" if found else f"{value} {kind}")
    figured = (", " + ", ".join(parts)) if parts else ""
    cites = (f"; {sources} source" if sources == 1 else f"; {sources} sources") if sources \
        else ""
    return f"{sub}{where}{who}{figured}{cites}"


def _actors(body: str, incident: _Incident, cls: Classification, country_code: str | None
            ) -> tuple[ActorMention | None, ActorMention | None, list[ActorMention]]:
    """actor1, actor2 and associated actors of `incident`, from its sentences, the armed
    actors its lead sentence introduces and the groups its attribution sentences name."""
    mentions: list[ActorMention] = []
    for sentence in incident.sentences:
        mentions.extend(actors_mod.actor_mentions(sentence.text, sentence.start, country_code))
    if incident.lead is not None:  # the actors it introduces, not its victims
        mentions.extend(m for m in actors_mod.actor_mentions(
            incident.lead.text, incident.lead.start, country_code)
            if m.actor_type in _LEAD_TYPES)
    for sentence in incident.attributions:  # (a foreign force or contractor blamed too)
        mentions.extend(m for m in actors_mod.actor_mentions(sentence.text, sentence.start,
                                                             country_code)
                        if m.actor_type in _BLAMED_TYPES and not m.name.startswith("Unidentified"))
    return actors_mod.pick_actors(body, mentions, cls, country_code)


_GROUP_TYPES: Final = frozenset({AT_REBEL_GROUP, AT_POLITICAL_MILITIA,
                          AT_IDENTITY_MILITIA})

_LEAD_TYPES: Final = _GROUP_TYPES | {AT_STATE_FORCES, AT_EXTERNAL_FORCES}

#: Who an attribution sentence may name as the doer ("Wagner mercenaries are the suspected
#: perpetrators", "JNIM claimed responsibility").
_BLAMED_TYPES: Final = _GROUP_TYPES | {AT_EXTERNAL_FORCES}

_EVENT: Final = Event
#: An Event's fields in declaration order, with the values `_build` leaves as they are here
#: (every other is set per event, the lists among them too: a copy of this is shallow).
_EVENT_VALUES: Final[dict[str, object]] = {
    "schema_version": SCHEMA_VERSION, "event_id": "", "article_id": "", "event_type": None,
    "sub_event_type": None, "event_date": None, "date_precision": None, "actor1": None,
    "actor2": None, "assoc_actors": None, "location": None, "fatalities": None,
    "injured": None, "captured": None, "claims": None, "sources": None, "evidence": None,
    "confidence": 0.0, "summary": "", "article_source": None, "published_at": None,
    "version": 1, "article_ids": None, "reports": None, "first_seen": None,
    "last_updated": None}

#: The fields `_build` gives an Event (the rest keep their defaults).
_EVENT_GIVEN: Final = frozenset({
    "event_id", "article_id", "event_type", "sub_event_type", "event_date", "date_precision",
    "actor1", "actor2", "assoc_actors", "location", "fatalities", "injured", "captured",
    "claims", "sources", "evidence", "confidence", "summary", "article_source",
    "published_at", "article_ids"})


def _sorted_evidence(found: list[tuple[int, str, int, int, str]]) -> list[Evidence]:
    """The Evidence of each (start, field, number, end, text) of `found`, by start, then
    field, then number (the order met)."""
    found.sort()
    return [_evidence(field, start, end, text) for start, field, _, end, text in found]


#: What `casualties.headline_counts` gives for no mention: no figure of any kind.
_NO_HEADLINE: Final[dict[CasualtyKind, int | None]] = {
    CK_KILLED: None, CK_INJURED: None, CK_CAPTURED: None}

#: The kinds of headline figure, in the order their evidence is added.
_KINDS: Final[tuple[CasualtyKind, ...]] = (CK_KILLED, CK_INJURED, CK_CAPTURED)

_FIELD: Final = {
    CK_KILLED: "fatalities",
    CK_INJURED: "injured",
    CK_CAPTURED: "captured",
}


# ------------------------------------------------------------------- the output models
# The values below are the core's own (typed records, its enums): pydantic's validation of
# each model would only check them again, and it was ~40 validator calls an article. The
# models are made as `model_construct` makes them (fields in declaration order, defaults,
# the set of fields given), without its per-field loop; tests/unit/test_event_models.py
# checks that every event the core makes validates to itself and dumps the same bytes.

_new: Final = object.__new__  # (a model has no __new__ of its own: `cls.__new__` costs 2x)


def _made(cls: type[_M], values: dict[str, object], given: set[str]) -> _M:
    """An instance of the model `cls` holding `values` (every field, in declaration
    order) as validated; `given`: the fields its constructor would have been passed.
    (`object.__setattr__` called by name, not through an alias: mypyc makes that call
    `PyObject_GenericSetAttr` itself, where calling the slot wrapper builds an argument
    tuple each time; the model's own `__setattr__` would validate.)"""
    model: _M = _new(cls)
    object.__setattr__(model, "__dict__", values)
    object.__setattr__(model, "__pydantic_fields_set__", given)
    object.__setattr__(model, "__pydantic_extra__", None)
    object.__setattr__(model, "__pydantic_private__", None)
    return model


#: The fields `_evidence` and `_claim` give. The frozen models' sets of fields given (these,
#: `_SPAN_GIVEN`, `_LOCATION_GIVEN`, `_ACTOR_GIVEN`, `_SOURCE_GIVEN`, `_SOURCE_UNSPANNED`)
#: are each one set shared by every instance, not a copy each (a few hundred an article):
#: a frozen model's field cannot be assigned (pydantic raises before it would add the name
#: to the set), and `model_copy` copies the set before it adds the fields it updates.
#: (An Event, not frozen, gets a copy of `_EVENT_GIVEN` of its own.)
_EVIDENCE_GIVEN: Final = {"field", "start", "end", "text"}
_CLAIM_GIVEN: Final = {"kind", "count", "count_max", "qualifier", "side", "claimed_by", "via",
                       "span"}


# The model classes are held as `Final`s: compiled, a name imported from a module that is
# not compiled is looked up in the module's dict at each use. The values of the two models
# made most (Evidence, a few hundred an article) and of the largest (Event) are a copy of a
# template of their fields (in declaration order) with the values given set in it: a dict
# copied whole, 4 of its 5 items replaced, costs some 15% less than a dict display adding
# each item to a new dict (for 3 or 4 items, a display is cheaper). (The templates hold no
# mutable value: a copy is shallow.)
_EVIDENCE: Final = Evidence
_EVIDENCE_VALUES: Final[dict[str, object]] = {
    "field": "", "start": 0, "end": 0, "text": "", "article_id": None}


def _evidence(name: str, start: int, end: int, text: str) -> Evidence:
    values = _EVIDENCE_VALUES.copy()
    values["field"] = name
    values["start"] = start
    values["end"] = end
    values["text"] = text
    return _made(_EVIDENCE, values, _EVIDENCE_GIVEN)


_SPAN_GIVEN: Final = {"start", "end", "text"}
_LOCATION_GIVEN: Final = {"name", "admin1", "admin2", "country", "country_code", "latitude",
                          "longitude", "precision", "geonames_id"}
_ACTOR_GIVEN: Final = {"name", "actor_type", "country_code", "mention"}
_SOURCE_GIVEN: Final = {"name", "kind", "span"}
_SOURCE_UNSPANNED: Final = {"name", "kind"}
_SOURCE: Final = Source


_SPAN: Final = Span


def _span(start: int, end: int, text: str) -> Span:
    return _made(_SPAN, {"start": start, "end": end, "text": text}, _SPAN_GIVEN)


def _float(value: float | None) -> float | None:
    """What validating a `float | None` field makes of the value (an int becomes a float)."""
    return None if value is None else float(value)


def _location(place: PlaceMention | None) -> Location | None:
    if place is None:
        return None
    return _made(_LOCATION, {
        "name": place.name,
        "admin1": place.admin1,
        "admin2": place.admin2,
        "country": place.country,
        "country_code": place.country_code,
        "latitude": _float(place.latitude),
        "longitude": _float(place.longitude),
        "precision": min(max(place.precision, 1), 3),
        "geonames_id": place.geonames_id,
    }, _LOCATION_GIVEN)


_LOCATION: Final = Location


def _actor(mention: ActorMention | None) -> Actor | None:
    if mention is None:
        return None
    return _made(_ACTOR, {"name": mention.name, "actor_type": mention.actor_type,
                          "country_code": mention.country_code, "mention": mention.text},
                 _ACTOR_GIVEN)


_ACTOR: Final = Actor


def _claim(mention: CasualtyMention, country_code: str | None) -> Claim:
    side = None
    if mention.side_text:
        found = actors_mod.actor_mentions(mention.side_text, 0, country_code)
        side = found[0].name if found else mention.side_text
    return _made(_CLAIM, {
        "kind": mention.kind,
        "count": mention.count,
        "count_max": mention.count_max,
        "qualifier": mention.qualifier,
        "side": side,
        "claimed_by": mention.claimed_by,
        "via": mention.via,
        "span": _span(mention.start, mention.end, mention.text),
        "article_id": None,
    }, _CLAIM_GIVEN)


_CLAIM: Final = Claim


def _headline_basis(mentions: list[CasualtyMention], kind: CasualtyKind,
                    value: int | None) -> CasualtyMention | None:
    """The mention a headline figure rests on (the one with that count, else the first)."""
    if value is None:
        return None
    of_kind = [m for m in mentions if m.kind is kind]
    return next((m for m in of_kind if m.count == value), of_kind[0] if of_kind else None)


def _sources(cited: list[tuple[int, tuple[SourceMention, ...]]],
             casualties: list[CasualtyMention],
             evidence: list[tuple[int, str, int, int, str]]) -> list[Source]:
    """The sources of an event: those its sentences cite (`cited`: each sentence's start and
    `sources.sources_of` it, spans within the sentence), then whom its casualty figures are
    attributed to, once each by name. The span of each (those cited, which come first, in
    order) is added to `evidence` as `_build` numbers its pieces: from the values at hand,
    not read back from the models (an attribute of a model is a look-up in its dict)."""
    out: dict[str, Source] = {}
    for offset, found in cited:
        for m in found:
            key = m.name.casefold()
            if key not in out:
                start, end = offset + m.start, offset + m.end
                out[key] = _made(_SOURCE, {"name": m.name, "kind": m.kind,
                                           "span": _span(start, end, m.text)},
                                 _SOURCE_GIVEN)
                evidence.append((start, "sources", len(evidence), end, m.text))
    for c in casualties:
        if c.via and c.via.casefold() not in out:
            out[c.via.casefold()] = _made(_SOURCE, {"name": c.via, "kind": SK_OUTLET,
                                                   "span": None}, _SOURCE_UNSPANNED)
        if c.claimed_by and c.claimed_by.casefold() not in out:
            out[c.claimed_by.casefold()] = _made(
                _SOURCE, {"name": c.claimed_by, "kind": SK_PERSON, "span": None},
                _SOURCE_UNSPANNED)
    return list(out.values())


def _confidence(cls: Classification, place: PlaceMention | None, when: DateMention | None,
                actor1: ActorMention | None) -> float:
    score = 0.5 * cls.confidence
    score += 0.2 * (place.score if place else 0.0)
    score += 0.15 if when is not None else 0.0
    score += 0.15 if actor1 is not None else 0.0
    return round(min(max(score, 0.0), 1.0), 3)
