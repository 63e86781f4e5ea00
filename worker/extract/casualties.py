"""Casualty figures: killed, injured, captured; with qualifier, side and who claimed them.

`headline_counts` gives the conservative figure per kind: figures the article states in its
own voice (narrative) count; attributed figures count when they are about a side the
narrative does not cover ("4 militants were also killed, police said"); otherwise they are
alternatives, kept as claims only. Within one side the lowest figure counts; distinct sides
add up.
"""

from __future__ import annotations

import re
from typing import Final

from worker.extract import actors
from worker.extract.numbers import (
    NUMBER,
    NUMBER_LOW,
    QUALIFIER,
    QUALIFIER_LOW,
    VAGUE,
    by_first_letter,
    lowest,
    parse_range,
)
from worker.extract.sources import sources_of
from worker.extract.text import (
    Found,
    after_space,
    bits_automaton,
    find_all,
    found_on,
    keyword_automaton,
    lowered,
    word_char,
    word_starts,
)
from worker.extract.types import CasualtyMention
from worker.models import CasualtyKind, SourceKind

# Enum members as Final constants: the compiled core reads them as C statics, not
# as attributes of the (interpreted) enum classes.
_CK_CAPTURED: Final = CasualtyKind.CAPTURED
_CK_INJURED: Final = CasualtyKind.INJURED
_CK_KILLED: Final = CasualtyKind.KILLED
_SK_ORGANIZATION: Final = SourceKind.ORGANIZATION
_SK_OUTLET: Final = SourceKind.OUTLET
_SK_PERSON: Final = SourceKind.PERSON

_KILLED = (r"killed|dead|died|shot dead|slain|murdered|executed|beheaded|lynched|massacred|"
           r"perished|lost their lives|lost his life|lost her life|succumbed|burned to death|"
           r"hacked to death|stabbed to death|beaten to death|shot and killed|shot to death|"
           r"tortured to death|stoned to death|clubbed to death|burnt to death|shot and died")
_INJURED = r"wounded|injured|hurt|maimed|critically injured|seriously injured|hospitali[sz]ed"
_CAPTURED = (r"captured|abducted|kidnapped|taken hostage|arrested|detained|seized|"
             r"taken captive|held hostage")
_VERB_KIND: Final = [(_CK_KILLED, _KILLED), (_CK_INJURED, _INJURED),
              (_CK_CAPTURED, _CAPTURED)]

_NP = r"(?P<np>(?:(?!and\b|but\b)[\w'’/-]+\s+){0,5}?)"  # a short noun phrase (lazy)
_AUX = (r"(?:(?:were|was|have been|has been|had been|are|is|got|been|also|reportedly|"
        r"allegedly|later|all|both|subsequently|were also|was also|feared|believed|confirmed|"
        # "was attacked and beaten to death": the first of two verbs (none a casualty verb)
        r"attacked and|assaulted and|stabbed and|beaten and|tortured and|hacked and)"
        r"\s+){0,3}")

# "at least 7 soldiers were killed", "3 killed", "two NRF fighters were injured"
_COUNT_FIRST: Final = {
    kind: re.compile(
        rf"(?<![\w,])(?P<qual>{QUALIFIER}\s+)?(?P<num>{NUMBER}(?:\s*(?:-|–|to|or)\s*{NUMBER})?)"
        rf"\s+{_NP}{_AUX}(?P<verb>{verbs})\b", re.IGNORECASE)
    for kind, verbs in _VERB_KIND
}
# "killing 5 civilians", "killed at least two people", "wounding three" (a number is a whole
# word: "seventeen", not the "seven" of it)
_VERB_FIRST: Final = {
    _CK_KILLED: re.compile(
        rf"\b(?P<verb>killing|killed|kills|kill|shot dead|shooting dead|shot and killed|"
        rf"massacring|executing|lynching|lynched|lynches|lynch|beheading|beheaded)\s+"
        rf"(?:(?:his|her|their)\s+)?(?P<qual>{QUALIFIER}\s+)?(?P<num>{NUMBER}(?:\s*(?:-|–|to|or)\s*{NUMBER})?)\b"
        rf"(?P<np>(?:\s+(?!and\b|but\b|while\b|as\b)[\w'’-]+){{0,3}})", re.IGNORECASE),
    _CK_INJURED: re.compile(
        rf"\b(?P<verb>wounding|wounded|injuring|injured|injure|wound)\s+"
        rf"(?P<qual>{QUALIFIER}\s+)?(?P<num>{NUMBER}(?:\s*(?:-|–|to|or)\s*{NUMBER})?)\b"
        rf"(?P<np>(?:\s+(?!and\b|but\b|while\b|as\b)[\w'’-]+){{0,3}})", re.IGNORECASE),
    _CK_CAPTURED: re.compile(
        rf"\b(?P<verb>abducting|abducted|kidnapping|kidnapped|capturing|captured|arresting|"
        rf"arrested|detaining|detained)\s+(?P<qual>{QUALIFIER}\s+)?"
        rf"(?P<num>{NUMBER}(?:\s*(?:-|–|to|or)\s*{NUMBER})?)\b(?P<np>(?:\s+[\w'’-]+){{0,3}})",
        re.IGNORECASE),
}
# "the death toll rose to 12", "12 deaths", "12 fatalities", "12 bodies"
_TOLL: Final = re.compile(
    rf"\b(?:death toll|toll)\s+(?:[\w'’,-]+\s+){{0,14}}?(?:to|of|at|reached|is|was|hit)\s+"
    rf"(?P<qual>{QUALIFIER}\s+)?(?P<num>{NUMBER})|(?<![\w,])(?P<qual2>{QUALIFIER}\s+)?"
    rf"(?P<num2>{NUMBER})\s+(?P<adj>\w+\s+)?(?:deaths|fatalities|fatality|bodies|corpses|"
    rf"dead bodies)\b",
    re.IGNORECASE)
# "25 ADF fighters and 6 military fatalities": the noun counts both figures; the first
_TOLL_FIRST: Final = re.compile(
    rf"(?<![\w,])(?P<qual>{QUALIFIER}\s+)?(?P<num>{NUMBER})(?P<np>(?:\s+[\w/'’-]+){{0,2}}?)"
    rf"(?=\s+and\s+{NUMBER}\s+(?:\w+\s+)?(?:fatalities|fatality)\b)", re.IGNORECASE)
#: A toll as a coder's note gives it: a range ("information on fatalities ranges from 1 to
#: 2": the lowest counts), or a figure worked out ("fatalities reported as half, rounded down
#: to 3", of "7 killed and wounded").
_CODED_TOLL: Final = re.compile(
    rf"\b(?:fatalities|deaths|death toll)\s+(?:range[sd]?|ranging|var(?:y|ies|ied))\s+from\s+"
    rf"(?P<qual>)(?P<num>{NUMBER}\s*(?:-|–|to)\s*{NUMBER})\b|\bfatalities\s+(?:were\s+)?"
    rf"(?:reported|coded|recorded|counted)\s+as\s+half,?\s+rounded\s+(?:down|up)\s+to\s+"
    rf"(?P<num2>{NUMBER})\b", re.IGNORECASE)
# "no one was killed", "no casualties", "no injuries were reported"
_NONE: Final = re.compile(
    r"\b(?:no(?:body| one|-one)\s+(?:\w+\s+){0,2}?(?P<v1>killed|injured|hurt|wounded|died)|"
    r"no\s+(?:reported\s+)?(?P<v2>casualties|fatalities|deaths|injuries|one was hurt))\b",
    re.IGNORECASE)
_NOT_PEOPLE: Final = re.compile(
    r"\b(?:years?|months?|days?|hours?|minutes?|weeks?|km|kilometres|kilometers|miles|metres|"
    r"percent|per cent|%|times|houses|homes|vehicles|cars|cattle|goats|camels|cows|sheep|"
    r"livestock|shops|buildings|tons|tonnes|dollars|shillings|rounds|rockets|missiles|"
    r"shells|drones|bombs|mines|attacks|clashes|incidents|villages|weapons|guns|rifles)\b"
    # (not an age: "a 30-year-old man was killed" counts the man)
    r"(?!-old\b)",
    re.IGNORECASE)
#: `_NOT_PEOPLE` for lower-cased text (`_twin`; its words grouped by their first letters:
#: whether it matches, sooner).
_NOT_PEOPLE_WORDS: Final = _NOT_PEOPLE.pattern.removeprefix(r"\b(?:").removesuffix(
    r")\b(?!-old\b)").split("|")
_NOT_PEOPLE_LOW: Final = re.compile(r"\b(?:" + by_first_letter(
    [word for word in _NOT_PEOPLE_WORDS if word != "%"]) + r"|%)\b(?!-old\b)")
assert "%" in _NOT_PEOPLE_WORDS
#: `_NOT_PEOPLE`'s words but "%" as whole words of the shared keyword pass (a gate bit of
#: its own): a match of `_NOT_PEOPLE` is one of them with no word character around it, so
#: in an ASCII text where the pass found none, and no "%", it matches nowhere (most texts
#: with a figure: `_things`).
_NOT_PEOPLE_GATE: Final = 1 << 50
actors.add_gate_words({_NOT_PEOPLE_GATE: tuple(
    form for word in _NOT_PEOPLE_WORDS if word != "%"
    for form in ((word[:-2], word[:-1]) if word.endswith("s?") else (word,)))}, whole=True)
assert all(re.fullmatch(r"[a-z ]+(?:s\?)?", word) for word in _NOT_PEOPLE_WORDS if word != "%")


def _things(text: str, low: str | None, hits: list[tuple[int, int, int]] | None) -> bool:
    """Whether `_NOT_PEOPLE` may match somewhere in `text` (`low`: the text lower-cased when
    ASCII; `hits`: its `_hits`): always on text outside ASCII, else where the keyword pass
    found one of its words or "%" is in it (`_NOT_PEOPLE_GATE`)."""
    if low is None or hits is None:
        return True
    return bool(actors.gate_read(text)[0] & _NOT_PEOPLE_GATE) or "%" in low


def _no_people(m: Found, np: str, low: str | None) -> bool:
    """Whether `_NOT_PEOPLE` is in `np`, the "np" group of `m` stripped: on lower-cased text
    (`low`, which `m` matched) by `_NOT_PEOPLE_LOW` on that group as it is there."""
    if not np:
        return False  # (no word for a pattern of words)
    if low is None:
        return _NOT_PEOPLE.search(np) is not None
    start, end = m.match.span("np")
    return start >= 0 and _NOT_PEOPLE_LOW.search(low[start:end].strip()) is not None


_INCLUDING: Final = re.compile(
    r"\b(?:including|among them|among whom|of whom|of them|of which)\s*$", re.IGNORECASE)
_GROUP_BEFORE: Final = re.compile(r"(?:cost|left|for)\s+(?:the\s+)?(?P<side>[A-Z][\w'’-]+"
                           r"(?:\s+[A-Z][\w'’-]+)?)\s+$")
_SIDE_PHRASE: Final = re.compile(r"from\s+(?:the\s+)?(?P<side>[A-Z][\w'’-]+)\s+side", re.IGNORECASE)
_ATTRIBUTION: Final = re.compile(r"\b(?:said|says|told|according to|reported|claimed|stated|per|"
                          r"confirmed|added)\b", re.IGNORECASE)
#: Casualty verbs joined as alternatives or as one lot ("killed, injured or captured",
#: "killed and wounded"): the figure is of them all, not of each.
_EITHER: Final = re.compile(
    r"(?:killed|dead|injured|wounded|captured|arrested|abducted|kidnapped|detained)"
    r"(?:,\s+(?:killed|injured|wounded|captured|arrested|abducted|kidnapped|detained))*,?\s+"
    r"(?:or|and/or|and)\s+(?:killed|injured|wounded|captured|arrested|abducted|kidnapped|"
    r"detained)\b", re.IGNORECASE)
_PLURAL_VERB: Final = re.compile(r"(?:are|were|have)\b", re.IGNORECASE)
_GENERIC_HEADS: Final = {"members", "member", "others", "other", "people", "persons", "of", "them",
                  "the",
                  "more", "additional", "further", "were", "was", "had", "have", "been", ""}


def find_casualties(text: str, offset: int = 0) -> list[CasualtyMention]:
    """Every casualty figure of `text` (one sentence or more), in text order."""
    low = lowered(text)
    return find_casualties_gated(text, offset, low, gates_in(low))


def _add(found: list[CasualtyMention], taken: list[tuple[int, int]],
         claims: list[tuple[str | None, str | None, bool]], text: str, text_low: str | None,
         hits: list[tuple[int, int, int]] | None, offset: int, kind: CasualtyKind,
         m: Found, num_group: str, qual_group: str, side_text: str | None) -> None:
    """`find_casualties_gated`'s figure `m` added to `found` unless it overlaps one `taken`
    (a function of its own, not a closure: the compiled closure and its environment make a
    reference cycle, garbage the cyclic collector has to find, on every call). (`hits`: the
    text's gate hits, `_hits`.)"""
    start, end = m.span()
    if any(start < e and s < end for s, e in taken):
        return
    # (one or two, unnamed: "two" for one person named and another after "and")
    num_text = num_group if num_group == "one" or num_group == "two" else m.part(num_group)
    parsed = parse_range(num_text)
    if parsed is None:
        return
    low, high = parsed
    qualifier = (m.group(qual_group) or "").strip().lower() or None
    if num_text.lower().strip() in VAGUE:
        qualifier = num_text.lower().strip()
    if _part_of_total(text, text_low, start):
        return  # a part of a total already counted
    if _of_before(text, start) and _MOTIVE.search(text, max(0, start - 60), start):
        return  # "a protest over the killing of 2 youths": what the event was about
    if _prior_act(text, text_low, start, end):
        return  # "cultists who killed a resident earlier that day": an earlier event
    taken.append((start, end))
    if not claims:  # (None, None) for a text that attributes nothing; whether it disputes
        claimed_by, via = _attribution(text, text_low, hits)
        claims.append((claimed_by, via, _disputed(text, text_low)))
    claimed_by, via, disputed = claims[0]
    found.append(CasualtyMention(
        kind=kind, count=lowest(low, qualifier), count_max=high, qualifier=qualifier,
        side_text=side_text, claimed_by=claimed_by, via=via, start=offset + start,
        end=offset + end, text=text[start:end], disputed=disputed))


def _of_before(text: str, start: int) -> bool:
    """`text.endswith("of ", 0, start)`, read a character at a time (compiled, an endswith
    with a range is a generic method call, ~1,000 instructions)."""
    return start >= 3 and text[start - 1] == " " and text[start - 2] == "f" and \
        text[start - 3] == "o"


def _disputed(text: str, low: str | None) -> bool:
    """Whether `text` calls its figures a claim or unconfirmed (`_DISPUTED`; `low`: the text
    lower-cased when ASCII, where the words it needs are looked for first)."""
    lw = low if low is not None else text.lower()
    if "claim" not in lw and "confirm" not in lw and "verif" not in lw:
        return False
    if low is None:
        return _DISPUTED.search(text) is not None
    # (its twin on the lower-cased text, without the opening `\b`: the engine skips in C to
    # the first letters of its words, where `\b` made it try every position)
    return bool(word_starts(_DISPUTED_LOW, low))


#: An attributed figure told as a party's claim, or said to be unconfirmed ("HPG claimed 15
#: soldiers died", "which has not been independently verified"): not a claim of
#: responsibility, which says who did it, not how many died ("claimed responsibility", "an
#: attack claimed by", "claimed the attack"), nor "claimed the lives of", a killing told.
_DISPUTED: Final = re.compile(
    r"\b(?:claim(?:ed|s|ing)?\b(?!\s+(?:of\s+)?responsibility|\s+by\b|\s+(?:the\s+|their\s+)?"
    r"(?:lives?|attacks?|bombings?|killings?|assault|ambush|raid|blast|explosion)\b|\s+\w+\s+lives\b)|"
    r"unconfirmed|unverified|"
    r"(?:not|never)\s+(?:been\s+|be\s+)?(?:independently\s+)?(?:confirmed|verified)|"
    r"could\s+not\s+(?:independently\s+)?(?:confirm|verify))", re.IGNORECASE)
_DISPUTED_LOW: Final = re.compile(_DISPUTED.pattern.removeprefix(r"\b"))
#: After "died": a death from illness, age or an accident, not violence ("he died of natural
#: causes", "the prisoner died from covid-19", "died in a road accident").
_NATURAL: Final = re.compile(
    r"\s+(?:later\s+|reportedly\s+)?(?:(?:of|from)\s+(?:natural\s+causes|an?\s+(?:illness|"
    r"disease|heart\s+attack|stroke|long\s+illness)|illness|disease|covid|coronavirus|"
    r"cancer|old\s+age|malaria|cholera|hiv|aids\b)|(?:in|after)\s+an?\s+(?:road\s+|car\s+|"
    r"traffic\s+|motor\s+)?accident)", re.IGNORECASE)
#: A relative clause telling what its subject did before the event ("suspects who had killed a
#: trader", "two men who allegedly shot dead a man"): the auxiliary or adverb that marks it.
_PRIOR_BEFORE: Final = re.compile(
    r"\b(?:who|which|that)\s+(?:(?:had|allegedly|reportedly|previously|earlier|had\s+"
    r"allegedly|had\s+reportedly)\s+)(?:[\w'’-]+\s+)?$", re.IGNORECASE)
#: ... or a plain relative clause whose figure a time before the event follows ("who killed a
#: resident earlier that day", "who attacked a camp last Friday, killing four officers").
_RELATIVE: Final = re.compile(r"\b(?:who|which)\s+", re.IGNORECASE)
_RELATIVE_BEFORE: Final = re.compile(r"\b(?:who|which)\s+(?:[\w'’-]+ly\s+)?$", re.IGNORECASE)
_PARTICIPLE: Final = re.compile(r"(?:killing|wounding|injuring|abducting|kidnapping)\b",
                                re.IGNORECASE)
_EARLIER: Final = re.compile(
    r"\b(?:earlier|previously|the (?:day|night|week) before|the previous (?:day|night|week)|"
    r"days? ago|weeks? ago|months? ago|years? ago|last (?:week|month|year|night|monday|"
    r"tuesday|wednesday|thursday|friday|saturday|sunday))\b", re.IGNORECASE)


#: A count-first figure's noun phrase ending with a relative pronoun, the subject of the
#: verb, active: up to two words between, none a passive's auxiliary ("who allegedly", "who
#: had": not "who were").
_DOERS: Final = re.compile(
    r"\b(?:who|which|that)\s+(?:(?!(?:was|were|are|is|been|being|got)\b)[\w'’-]+\s+){0,2}$",
    re.IGNORECASE)


def _doers(text: str, m: Found, np: str) -> bool:
    """Whether a count-first figure's noun phrase ends with a relative pronoun that is the
    subject of its verb, active ("two men who allegedly shot dead"): they did it."""
    return (" who" in np or " which" in np or " that" in np or np.startswith(
        ("who", "which", "that"))) and _DOERS.search(
            text, m.start("np"), m.start("verb")) is not None


def _prior_act(text: str, low: str | None, start: int, end: int) -> bool:
    """Whether the figure at `start`-`end` is what someone did before the event, told in a
    relative clause: "who had killed", "who allegedly shot dead" right before it; "who" right
    before it and "earlier", "last Friday" after it in its clause ("who killed a resident
    earlier that day"); or a participle's figure ("killing four officers") after "who" and
    such a time ("who attacked a camp last Friday, killing four officers"), not a main verb's
    ("gunmen who attacked a camp last Friday killed four officers": the event's own). (`low`:
    the text lower-cased when ASCII, else None.)"""
    begin = max(0, start - 120)
    # (the words it needs first: on the lower-cased text when there is one, no copy)
    if low is not None:
        if low.find("who ", begin, start) < 0 and low.find("which ", begin, start) < 0 \
                and low.find("that ", begin, start) < 0:
            return False
    else:
        lw = text[begin:start].lower()
        if "who " not in lw and "which " not in lw and "that " not in lw:
            return False
    window = text[begin:start]
    if _relative_in(_PRIOR_BEFORE, window, low, begin, _PRONOUNS):
        return True
    if _relative_in(_RELATIVE_BEFORE, window, low, begin, _WHO_WHICH):
        after = text[end:end + 60]
        stop = min((at for at in (after.find("."), after.find(";"), after.find(","))
                    if at >= 0), default=len(after))
        # (the figure's own words too: a verb-first figure may end with "earlier")
        return _EARLIER.search(text[start:end] + after[:stop]) is not None
    if not _PARTICIPLE.match(text, start):
        return False
    # (the sentence's last relative pronoun: the clause it opens runs on to the figure)
    cut = max(window.rfind("."), window.rfind(";"))
    relatives = list(_RELATIVE.finditer(window, cut + 1))
    return bool(relatives) and _EARLIER.search(window, relatives[-1].end()) is not None


#: The relative pronouns `_PRIOR_BEFORE` opens with; and `_RELATIVE_BEFORE`.
_PRONOUNS: Final = ("who", "which", "that")
_WHO_WHICH: Final = ("who", "which")


def _relative_in(pattern: re.Pattern[str], window: str, low: str | None, begin: int,
                 pronouns: tuple[str, ...]) -> bool:
    """Whether `pattern` (`_PRIOR_BEFORE`, `_RELATIVE_BEFORE`: IGNORECASE, opening with `\b`
    and one of `pronouns`) matches in `window`, `text[begin:]` cut at the figure: on a
    lower-cased text (`low`), tried only where it holds one of the pronouns (a search would
    try it at each position of the window)."""
    if low is None:
        return pattern.search(window) is not None
    end = begin + len(window)
    for pronoun in pronouns:
        at = low.find(pronoun, begin, end)
        while at >= 0:
            if pattern.match(window, at - begin) is not None:
                return True
            at = low.find(pronoun, at + 1, end)
    return False


#: A figure as what a protest or a vigil is about, before it: "over the death of", "against
#: the killings of", "to mourn the murder of".
_MOTIVE: Final = re.compile(
    r"\b(?:over|against|protesting|protested|protest|protests|mourn|mourning|mourned|"
    r"condemning|condemn|condemned|denouncing|denounced|denounce|commemorating|commemorate)\s+"
    r"the\s+(?:alleged\s+)?(?:death|deaths|killing|killings|murder|murders)\s+of\s+$",
    re.IGNORECASE)


def _part_of_total(text: str, low: str | None, start: int) -> bool:
    """Whether the figure at `start` is announced as a part of a total ("including 3
    children"): `_INCLUDING` before it; on lower-cased text (`low`) first a test of the
    words it needs, which the 20 characters before a figure rarely hold."""
    if low is not None:
        before = low[max(0, start - 20):start]
        if not ("including" in before or "among" in before or "of wh" in before
                or "of th" in before):
            return False
    return _INCLUDING.search(text[max(0, start - 20):start]) is not None


def find_casualties_gated(text: str, offset: int, low: str | None, present: int
                          ) -> list[CasualtyMention]:
    """`find_casualties(text, offset)`, given `low`, the text lower-cased when it is ASCII
    (else None: then `lowered` decides here), and `present`, bits that hold at least the
    `GATE_WORDS` bits set by `gates_in(low)` (a caller may find them in the same pass as its
    own words)."""
    if low is None and (low := lowered(text)) is not None:
        # ("Muñoz": not ASCII, but lower-cased as well, see `lowered`; its gates, one pass)
        present = gates_in(low)
    # each pattern needs one of its words: on ASCII text, skip the patterns that cannot match
    if not (_HINT.search(text) if low is None else present & _HINT_GATE):
        return []
    found: list[CasualtyMention] = []
    taken: list[tuple[int, int]] = []
    # who claimed the figures: the same for every figure of the text, worked out at the first
    # one (most texts with a casualty word hold no figure)
    claims: list[tuple[str | None, str | None, bool]] = []
    text_low = low
    hits = _hits(text, low)
    # (whether `_NOT_PEOPLE` may match in the text, `_things`: worked out at the first figure
    # that needs it, -1 till then; most texts hold none of its words)
    things = -1

    for m in _matches(_NONE, _NONE_LOW, text, low) if present & _NONE_GATE else ():
        word = (m.group("v1") or m.group("v2") or "").lower()
        kinds = ([_CK_KILLED] if word in ("killed", "died", "deaths", "fatalities")
                 else [_CK_INJURED] if word in ("injured", "hurt", "wounded",
                                                         "injuries", "one was hurt")
                 else [_CK_KILLED, _CK_INJURED])
        for kind in kinds:
            start, end = m.span()
            if not any(start < e and s < end for s, e in taken):
                found.append(CasualtyMention(kind, 0, None, "none", None, None, None,
                                             offset + start, offset + end, text[start:end]))
        taken.append(m.span())
    for kind, gate, pattern, twin in _VERB_FIRST_RUNS:
        if not present & gate:
            continue
        for m in _verb_first(kind, pattern, twin, text, low, hits):
            np = (m.group("np") or "").strip()
            if np and things < 0:
                things = int(_things(text, low, hits))
            if np and things and _no_people(m, np, low):
                continue
            num = _num_lowered(m, low)
            if (num == "a" or num == "an") and not np:
                continue
            if kind is _CK_KILLED and _intent(text, m.start()):
                continue
            _add(found, taken, claims, text, text_low, hits, offset, kind, m,
                 "two" if kind is _CK_KILLED and (num == "a" or num == "an" or num == "one")
                 and _and_one(text, m.end()) else "num", "qual", _side(text, m.start(), np))
    for kind, gate, pattern, twin, verbs in _COUNT_FIRST_RUNS:
        if not present & gate:
            continue
        for m in (found_on(pattern.finditer(text), text) if low is None else _count_first_at(
                twin, _verb_ends(kind, verbs, low, hits), text, low,
                _COUNT_FIRST_ASCII[kind])):
            np = (m.group("np") or "").strip()
            if things < 0:
                things = int(_things(text, low, hits))
            if things and (_no_people(m, np, low) or (
                    _NOT_PEOPLE.match(text, m.end("num") + 1) if low is None
                    else _NOT_PEOPLE_LOW.match(low, m.end("num") + 1))):
                continue
            if kind is _CK_CAPTURED and m.part("verb").lower() == "seized":
                continue
            if kind is _CK_KILLED and _NATURAL.match(text, m.end()):
                continue  # "two inmates died of covid-19": no violence
            num = _num_lowered(m, low)
            if (num == "a" or num == "an") and _PLURAL_VERB.match(text, m.end("np")):
                continue  # "teachers of a school were attacked": "a" counts the school
            if (num == "a" or num == "an") and " for " in f" {np.lower()} ":
                continue  # "a vigil for people killed": "a" counts the vigil
            if _doers(text, m, np):
                continue  # "two men who shot dead a man": the men killed, not died
            if " or " in text or " and " in text:
                either = (_EITHER.search(text, m.start(), m.end() + 40) if low is None
                          else _EITHER_LOW.search(low, m.start(), m.end() + 40))
                if either is not None and either.start() <= m.end():
                    continue  # "3 were killed, injured or captured": how many of each, unsaid
            _add(found, taken, claims, text, text_low, hits, offset,
                 kind, m, "num", "qual", _side(text, m.start(), np))
    for m, rise in _tolls(text, low) if present & _TOLL_GATE else ():
        if rise:
            _add(found, taken, claims, text, text_low, hits, offset, _CK_KILLED, m, "num",
                 "qual", None)
        else:  # "1 military fatality": whose, when the word says it
            adj = (m.group("adj") or "").strip()
            _add(found, taken, claims, text, text_low, hits, offset,
                 _CK_KILLED, m, "num2", "qual2", adj if _known_side(adj) else None)
    if present & _TOLL_GATE and " and " in text and "fatalit" in (
            text_low if text_low is not None else text.lower()):
        for m in found_on(_TOLL_FIRST.finditer(text), text):
            np = (m.group("np") or "").strip()
            if _known_side(np):  # (not "between 3 and 5 deaths", a range)
                _add(found, taken, claims, text, text_low, hits, offset,
                     _CK_KILLED, m, "num", "qual", np)
    if present & _TOLL_GATE and ("range" in (lw := text_low if text_low is not None
                                            else text.lower()) or "rounded" in lw):
        for m in found_on(_CODED_TOLL.finditer(text), text):
            # "fatalities range from 1 to 2", "fatalities reported as half, rounded down to 3"
            _add(found, taken, claims, text, text_low, hits, offset, _CK_KILLED, m,
                 "num" if m.group("num") is not None else "num2", "qual", None)
    if "bod" in (lw := text_low if text_low is not None else text.lower()) and (
            "found" in lw or "discovered" in lw or "dumped" in lw or "unearthed" in lw):
        for m in found_on(_BODIES.finditer(text), text):  # "the bodies of 2 civilians were found"
            np = (m.group("np") or "").strip()
            if not _NOT_PEOPLE.search(np):
                _add(found, taken, claims, text, text_low, hits, offset,
                     _CK_KILLED, m, "num", "qual", _side(text, m.start(), np))
        if "'s " in text or "’s " in text:
            for m in found_on(_ONES_BODY.finditer(text), text):  # "a farmer's body was found"
                if _one_person("- " + m.part("np").rsplit(None, 1)[-1]):
                    _add(found, taken, claims, text, text_low, hits, offset,
                         _CK_KILLED, m, "num", "qual", _one_side("- " + m.part("np")))
    # one person named without a number: "killing him", "killed the driver", "the soldier
    # later died" (last: a figure already found for the same words stands)
    if present & _ONE_GATE:
        for m in _at_hits(_ONE_KILLED, _ONE_KILLED_LOW, text, low, hits, _ONE_KILLED_HIT):
            if m.group("pronoun") is not None:
                _add(found, taken, claims, text, text_low, hits, offset,
                     _CK_KILLED, m, "one", "qual", None)
            elif _one_person(m.group("obj")):  # (whose: a side where the word names one)
                _add(found, taken, claims, text, text_low, hits, offset, _CK_KILLED, m,
                     "two" if _and_one(text, m.end()) else "one", "qual",
                     _one_side(m.group("obj")))
    if present & _DIED_GATE:
        for m in _matches(_ONE_DIED, _ONE_DIED_LOW, text, low):
            if _one_person(m.group("subj")) and not _NATURAL.match(text, m.end()):
                _add(found, taken, claims, text, text_low, hits, offset,
                     _CK_KILLED, m, "one", "qual", _one_side(m.group("subj")))
    if present & _UNNUMBERED_GATE and not any(f.kind is _CK_KILLED for f in found):
        _one_unnumbered(found, taken, claims, text, text_low, hits, offset)
    if len(found) > 1:  # (a sort calls its key function even for one item)
        found.sort(key=_text_order)
    return found



def _num_lowered(m: Found, low: str | None) -> str:
    """`m.part("num").lower()` for a match of a verb-first or count-first pattern: read
    once a figure, and on lower-cased text (`low`, which the match is then of) the match's
    own group (its characters, digits, number words, white space and dashes, lower-case to
    themselves one by one: the group of the text lower-cased is the group lower-cased)."""
    if low is None:
        return m.part("num").lower()
    found = m.match.group("num")
    return found if found is not None else ""


def _text_order(mention: CasualtyMention) -> tuple[int, str]:
    """`find_casualties_gated`'s order of its figures: by start, then kind (a function of its
    own, not a lambda: a lambda makes the compiled function build an environment object on
    every call)."""
    return mention.start, mention.kind.value


#: The dead found: "the bodies of 2 civilians", "the body of a woman" (found, discovered:
#: not a body handed over or retrieved from a river).
_BODIES: Final = re.compile(
    rf"\bbod(?:y|ies)\s+of\s+(?P<qual>{QUALIFIER}\s+)?(?P<num>{NUMBER})\b"
    rf"(?P<np>(?:\s+(?!and\b|with\b|was\b|were\b)[\w'’-]+){{0,3}})", re.IGNORECASE)
#: ... and one person's: "a young man's body was discovered".
_ONES_BODY: Final = re.compile(
    r"\b(?P<qual>)(?P<num>a|an|one)\s+(?P<np>(?:[\w-]+\s+){0,2}[\w-]+)['’]s\s+(?:dead\s+)?"
    r"body\s+(?:was|has\s+been|had\s+been|is)\s+(?:\w+\s+)?(?:found|discovered|dumped|"
    r"unearthed)\b", re.IGNORECASE)
#: After one person killed, another: "killed the driver and his son" (`_and_one`).
_AND_ONE: Final = re.compile(
    r"\s+and\s+(?:a|an|the|his|her|their)\s+(?P<obj>(?:[\w'’-]+\s+){0,2}?[\w'’-]+)"
    r"(?=\s*(?:[.,;:!?)]|$)|\s+(?:in|at|on|near|while|as|during|before|after|and|when|"
    r"inside|outside|from)\b)", re.IGNORECASE)


def _and_one(text: str, end: int) -> bool:
    """Whether one more person killed follows the one named before `end` ("killed a farmer
    and his son", "killing the father and a son"): one word of the next noun phrase names a
    single person."""
    if not text.startswith(" and ", end):
        return False
    m = _AND_ONE.match(text, end)
    return m is not None and _one_person("- " + m.group("obj"))


#: One person killed, named by a pronoun or a definite noun phrase rather than a number.
_ONE_KILLED: Final = re.compile(
    r"\b(?P<qual>)(?:killing|killed|shot dead|shooting dead|fatally shot|fatally stabbed|"
    r"executed|executing|beheaded|beheading|lynched|lynching|murdered|murdering)\s"
    r"(?:(?P<pronoun>him|her)|(?P<obj>(?:the|his|her|their)(?:\s+(?!and\b|or\b|of\b|in\b|"
    r"at\b|on\b|near\b|with\b|while\b|who\b)[\w'’-]+){1,3}))\b", re.IGNORECASE)
#: ... or the subject of "died" ("the soldier later died").
_ONE_DIED: Final = re.compile(
    r"\b(?P<qual>)(?P<subj>(?:the|his|her|their)(?:\s+(?!and\b|or\b|of\b)[\w'’-]+){1,3}?)"
    r"\s+(?:later\s+|also\s+|subsequently\s+|eventually\s+)?(?:died|succumbed)\b",
    re.IGNORECASE)
#: Their twins for lower-cased ASCII text, without the opening `\b` (`word_starts` checks
#: it): the engine skips in C to the first letters of their words. (Their empty "qual" group
#: moved to the end, where it reads the same "": a pattern opening with a group would not
#: let the engine skip.)
_ONE_KILLED_LOW: Final = re.compile(
    _ONE_KILLED.pattern.removeprefix(r"\b(?P<qual>)") + "(?P<qual>)")
_ONE_DIED_LOW: Final = re.compile(_ONE_DIED.pattern.removeprefix(r"\b(?P<qual>)") + "(?P<qual>)")

#: Read only when a text gives no other figure of the dead (`_one_unnumbered`): one person
#: killed in a headline's words, the noun phrase bare ("Mob kills suspected robber", "police
#: shoot dead bandit", "militia attacks bus, kills civilian")...
_ONE_BARE: Final = re.compile(
    r"\b(?P<qual>)(?:kills|kill|killed|killing|lynch|lynches|lynched|lynching|"
    r"shoots? dead|shot dead|shooting dead|murders?|murdered|murdering|beheads?|beheaded|"
    # (each verb "to death" an alternative of its own: every alternative opens with a letter,
    # so that the engine skips in C to their first letters, on lower-cased text)
    r"beheading|" + "|".join(rf"{verb}\s+to\s+death" for verb in (
        "stabs?", "stabbed", "hacks?", "hacked", "beats?", "beaten", "tortures?", "tortured"))
    + r")"
    r"\s+(?P<obj>(?!(?:the|a|an|his|her|their|its|him|them|it|and|or|of|in|at|on|near|by|with|"
    r"while|after|during|as|for|from|over|when|before|since|into|to|off|more|most|least|some|"
    r"no|one|two|three|four|five|six|seven|eight|nine|ten|several|many|dozens|hundreds|"
    r"scores|all|both|each)\b)[\w'’-]+(?:\s+(?!(?:and|or|of|in|at|on|near|with|while|who|"
    r"whom|whose|that|which|they|he|she|after|for|during|as|by|from|to)\b)[\w'’-]+){0,2})",
    re.IGNORECASE)
#: ... a headline's subject bare, or "he", "she", the verb passive and nothing after it but an
#: adverbial ("MP's bodyguard shot and killed", "Police detective shot dead while on duty",
#: "He was tortured to death by militiamen")...
_ONE_SUBJECT: Final = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=\n))(?P<subj>(?!(?:the|a|an|his|her|their|this|that|these|those|"
    r"it|they|we|two|three|four|five|six|seven|eight|nine|ten|several|many|some|no|all)\b)"
    r"(?:[\w'’-]+\s+){0,3}?[\w'’-]+)\s+(?:(?:was|is|has\s+been)\s+)?(?P<qual>)"
    r"(?:shot\s+and\s+killed|shot\s+dead|killed|murdered|lynched|executed|beheaded|"
    r"(?:shot|hacked|stabbed|beaten|tortured|burned|burnt|stoned|clubbed)\s+to\s+death)"
    r"(?=\s*(?:[.,;:!?]|$)|\s+(?:while|in|at|on|near|by|after|during|as|when|outside|"
    r"inside|following|over|for|early|late|last|yesterday|today)\b)",
    re.IGNORECASE)
#: ... or an attack's outcome: "leaving the driver dead".
_LEFT_DEAD: Final = re.compile(
    r"\b(?P<qual>)(?:leaving|left)\s+(?P<obj>(?:the|his|her|their)"
    r"(?:\s+(?!and\b|or\b|of\b)[\w'’-]+){1,3}?)\s+dead\b", re.IGNORECASE)
#: ... or the victim between the verb and its outcome: "shooting him dead", "beat a trader to
#: death", "tortured the prisoner to death"...
_OBJECT_TO_DEATH: Final = re.compile(
    r"\b(?P<qual>)(?:shooting|shoots?|shot|beating|beats?|beaten|hacking|hacks?|hacked|"
    r"stabbing|stabs?|stabbed|torturing|tortures?|tortured|stoning|stoned|burning|burned|"
    r"burnt|clubbing|clubbed)\s+(?:(?P<pronoun>him|her)|(?P<obj>(?:the|a|an|his|her|their)"
    r"(?:\s+(?!and\b|or\b|of\b|in\b|at\b|on\b|with\b|who\b|to\b|dead\b)[\w'’-]+){1,3}))"
    r"\s+(?:dead|to\s+death)\b", re.IGNORECASE)
#: ... or one person who died, named by a pronoun ("he later died of his wounds")...
_HE_DIED: Final = re.compile(
    r"\b(?P<qual>)(?:he|she)\s+(?:later\s+|also\s+|subsequently\s+|eventually\s+)?"
    r"(?:died|succumbed)\b", re.IGNORECASE)
#: ... or an outcome: "resulting in the death of a shopkeeper".
_DEATH_OF: Final = re.compile(
    r"\b(?P<qual>)(?:resulting|resulted|results|leading|led|leads)\s+(?:in|to)\s+the\s+death"
    r"\s+of\s+(?P<obj>(?:a|an|the|his|her|their)(?:\s+(?!and\b|or\b|of\b|in\b|at\b|on\b|"
    r"by\b|with\b|who\b|to\b|from\b)[\w'’-]+){1,3})", re.IGNORECASE)
#: ... or a single death: "one death and two injuries were reported".
_ONE_DEATH: Final = re.compile(
    r"\b(?P<qual>)(?:one|1)\s+death\b(?!\s+(?:threats?|squads?|sentences?|penalty|row|"
    r"certificates?|toll|march|camps?)\b)", re.IGNORECASE)
#: Their twins for lower-cased ASCII text (as `_ONE_KILLED_LOW`; `_ONE_SUBJECT` opens with a
#: look-behind: the same pattern, case-sensitive).
_ONE_BARE_LOW: Final = re.compile(_ONE_BARE.pattern.removeprefix(r"\b(?P<qual>)") + "(?P<qual>)")
_ONE_SUBJECT_LOW: Final = re.compile(_ONE_SUBJECT.pattern)
_LEFT_DEAD_LOW: Final = re.compile(_LEFT_DEAD.pattern.removeprefix(r"\b(?P<qual>)") + "(?P<qual>)")
_OBJECT_TO_DEATH_LOW: Final = re.compile(
    _OBJECT_TO_DEATH.pattern.removeprefix(r"\b(?P<qual>)") + "(?P<qual>)")
_HE_DIED_LOW: Final = re.compile(_HE_DIED.pattern.removeprefix(r"\b(?P<qual>)") + "(?P<qual>)")
_DEATH_OF_LOW: Final = re.compile(_DEATH_OF.pattern.removeprefix(r"\b(?P<qual>)") + "(?P<qual>)")
_ONE_DEATH_LOW: Final = re.compile(_ONE_DEATH.pattern.removeprefix(r"\b(?P<qual>)") + "(?P<qual>)")
#: The words one of which each of these needs (on lower-cased text).
_UNNUMBERED_WORDS: Final[tuple[str, ...]] = (
    "kill", "lynch", "dead", "murder", "behead", "executed", "to death", "died", "succumbed",
    "death of", "one death", "1 death")


def _one_unnumbered(found: list[CasualtyMention], taken: list[tuple[int, int]],
                    claims: list[tuple[str | None, str | None, bool]], text: str,
                    text_low: str | None, hits: list[tuple[int, int, int]] | None,
                    offset: int) -> None:
    """One person killed where the text names no figure of the dead: `_ONE_BARE`,
    `_ONE_SUBJECT`, `_LEFT_DEAD`, `_OBJECT_TO_DEATH`, `_HE_DIED`, `_DEATH_OF`, `_ONE_DEATH` (not
    "threatened to kill journalist": an intent). (On a lower-cased text, `_ONE_BARE`,
    `_LEFT_DEAD` and `_OBJECT_TO_DEATH` are searched only where it holds a word each of
    their matches holds: most texts here hold "dead" or "kill" of another phrase.)"""
    for m in (_at_hits(_ONE_BARE, _ONE_BARE_LOW, text, text_low, hits, _ONE_BARE_HIT)
              if hits is not None or _holds_any(text_low, _ONE_BARE_WORDS) else _NO_FINDS):
        head = m.part("obj").rsplit(None, 1)[-1]  # (the noun: "civilian drivers" are many)
        if not _intent(text, m.start()) and _one_person("- " + head):
            _add(found, taken, claims, text, text_low, hits, offset, _CK_KILLED, m, "one",
                 "qual", _one_side("- " + head))
    for m in (found_on(_ONE_SUBJECT.finditer(text), text) if text_low is None
              else _subjects(text, text_low)):
        head = m.part("subj").rsplit(None, 1)[-1]
        if head.lower() in ("he", "she") or _one_person("- " + head):
            _add(found, taken, claims, text, text_low, hits, offset, _CK_KILLED, m, "one",
                 "qual", _one_side("- " + head))
    for m in (_matches(_LEFT_DEAD, _LEFT_DEAD_LOW, text, text_low) if text_low is None or (
            "dead" in text_low and ("left" in text_low or "leaving" in text_low))
              else _NO_FINDS):
        if _one_person(m.part("obj")):
            _add(found, taken, claims, text, text_low, hits, offset, _CK_KILLED, m, "one",
                 "qual", _one_side(m.part("obj")))
    lw = text_low if text_low is not None else text.lower()
    if ("dead" in lw or "to death" in lw) and (hits is not None or _holds_any(
            text_low, _TO_DEATH_VERBS)):
        for m in _at_hits(_OBJECT_TO_DEATH, _OBJECT_TO_DEATH_LOW, text, text_low, hits,
                          _TO_DEATH_HIT):
            if _intent(text, m.start()):
                continue
            if m.group("pronoun") is not None:
                _add(found, taken, claims, text, text_low, hits, offset, _CK_KILLED, m, "one",
                     "qual", None)
            elif _one_person(m.group("obj")):
                _add(found, taken, claims, text, text_low, hits, offset, _CK_KILLED, m, "one",
                     "qual", _one_side(m.group("obj")))
    if "died" in lw or "succumbed" in lw:
        for m in _matches(_HE_DIED, _HE_DIED_LOW, text, text_low):
            if _NATURAL.match(text, m.end()):
                continue  # "he died of natural causes": no violence
            _add(found, taken, claims, text, text_low, hits, offset, _CK_KILLED, m, "one",
                 "qual", None)
    if "death of" in lw:
        for m in _matches(_DEATH_OF, _DEATH_OF_LOW, text, text_low):
            if _one_person(m.part("obj")):
                _add(found, taken, claims, text, text_low, hits, offset, _CK_KILLED, m, "one",
                     "qual", _one_side(m.part("obj")))
    if "1 death" in lw or "one death" in lw:
        for m in _matches(_ONE_DEATH, _ONE_DEATH_LOW, text, text_low):
            _add(found, taken, claims, text, text_low, hits, offset, _CK_KILLED, m, "one",
                 "qual", None)
    if "was " in lw:
        for m in _matches(_WAS_KILLED, _WAS_KILLED_LOW, text, text_low):
            subj = _a_subject(text, m.start())
            if subj is not None:
                _add(found, taken, claims, text, text_low, hits, offset, _CK_KILLED, m, "one",
                     "qual", _one_side(subj))


#: One person killed, told passively with "a" and a relative clause or an "of" phrase
#: between the person and the verb ("a former guard who worked for a trader was shot dead",
#: "a member of the state security was found killed"): the verb first (`_a_subject` looks
#: back for its subject).
_WAS_KILLED: Final = re.compile(
    r"\bwas\s+(?P<qual>)(?:reportedly\s+|allegedly\s+)?(?:found\s+)?(?:shot\s+dead|"
    r"shot\s+and\s+killed|killed|murdered|executed|beheaded|lynched)\b", re.IGNORECASE)
#: (Its twin for lower-cased ASCII text: `_ONE_KILLED_LOW`'s note.)
_WAS_KILLED_LOW: Final = re.compile(_WAS_KILLED.pattern.removeprefix(r"\b"))
#: Its subject, at the end of the text before it: "a" or "an", one to three words, then
#: "who ..." or "of ..." within the sentence.
_A_SUBJECT: Final = re.compile(
    r"(?:^|[\s,(])(?:a|an)\s+(?P<np>(?:[\w'’-]+\s+){0,2}?[\w'’-]+)"
    r"\s+(?:who|of)\s[^.;:!?]*\s$", re.IGNORECASE)


def _a_subject(text: str, start: int) -> str | None:
    """The subject of the `_WAS_KILLED` verb at `start` when it names one person with "a"
    before a relative clause or an "of" phrase ("- bodyguard"), else None."""
    m = _A_SUBJECT.search(text, max(0, start - 160), start)
    if m is None:
        return None
    head = "- " + m.group("np").rsplit(None, 1)[-1]
    return head if _one_person(head) else None


#: A word of each of `_ONE_BARE`'s verbs ("death" of "stabbed to death"), and of
#: `_OBJECT_TO_DEATH`'s.
_ONE_BARE_WORDS: Final[tuple[str, ...]] = (
    "kill", "lynch", "murder", "behead", "death", "shoot", "shot dead")
_TO_DEATH_VERBS: Final[tuple[str, ...]] = (
    "shoot", "shot", "beat", "hack", "stab", "tortur", "ston", "burn", "club")
#: (What a pattern not searched finds: shared, never changed.)
_NO_FINDS: Final[list[Found]] = []


def _holds_any(low: str | None, words: tuple[str, ...]) -> bool:
    """Whether `low`, a text lower-cased by `lowered`, holds one of `words`; True without
    it (None: an IGNORECASE pattern then reads the text's Unicode case folding)."""
    if low is None:
        return True
    for word in words:  # noqa: SIM110 (a loop: no generator object)
        if word in low:
            return True
    return False


def _subjects(text: str, low: str) -> list[Found]:
    """`_ONE_SUBJECT.finditer(text)` read on `text`, given `low`, the text lower-cased: its
    twin tried only where a match can start (the text's start, after a sentence's end mark
    and a white space, after a newline)."""
    out: list[Found] = []
    for word in _SUBJECT_VERBS:
        if word in low:
            break
    else:
        return out  # (no verb of the pattern's in the text: no sentence start to try)
    end = 0
    for start in _sentence_starts(low):
        if start >= end and (m := _ONE_SUBJECT_LOW.match(low, start)) is not None:
            out.append(Found(m, text))
            end = max(m.end(), start + 1)
    return out


#: A word of each of `_ONE_SUBJECT`'s verbs ("death" of "stabbed to death", whatever white
#: space there is before it): a text lower-cased without one of them holds no match.
_SUBJECT_VERBS: Final[tuple[str, ...]] = (
    "killed", "dead", "death", "murdered", "lynched", "executed", "beheaded")
#: (`[.!?]\s|\n`, its mark first: a pattern opening with a set lets the engine skip in C to
#: the marks, where the alternation made it try every position)
_SENTENCE_STARTS: Final = re.compile(r"[.!?\n](?:(?<=[.!?])\s|(?<=\n))")


def _sentence_starts(low: str) -> list[int]:
    """0, then where each match of `_SENTENCE_STARTS.finditer(low)` ends: read at the marks
    `str.find` finds (a memchr each, where the regex engine's search tests a set at each
    character of the text), in order: after a newline, and after ". ! ?" that white space
    follows, past that character (a newline taken so is no mark of its own)."""
    out = [0]
    pos = 0
    n = len(low)
    for at in find_all(low, ".!?\n"):
        if at < pos:
            continue
        if low[at] == "\n":
            pos = at + 1
        elif at + 1 < n and low[at + 1].isspace():
            pos = at + 2
        else:
            continue
        out.append(pos)
    return out


def _intent(text: str, start: int) -> bool:
    """Whether the verb at `start` is an infinitive ("tried to lynch a man", "threatened to
    kill journalist"): an intent, nobody killed."""
    return text[max(0, start - 3):start].lower() == "to "


def _one_person(phrase: str | None) -> bool:
    """Whether a definite noun phrase names one person ("the driver", "his wife", "the local
    chief"): a word of it names a person, in the singular ("the soldiers", "their homes",
    "the village" do not)."""
    if not phrase:
        return False
    for word in phrase.split()[1:]:
        low = word.lower()
        if low in _ONE_PEOPLE or (next(iter(_SIDE_STEMS.iter(low)), None) is not None
                                  and not low.endswith("s") and low not in _MANY_PEOPLE):
            return True
    return False


def _one_side(phrase: str | None) -> str | None:
    """The side of `_SIDE_CLASSES` a phrase names ("the soldier"), else None ("his wife")."""
    return phrase if phrase is not None and _known_side(phrase.split(None, 1)[-1]) else None


#: Singular words for one person that name no side (kin, titles, roles).
_ONE_PEOPLE: Final = frozenset(
    "wife husband son daughter father mother brother sister uncle nephew chief leader "
    "commander prisoner victim suspect owner official councillor councilor mayor governor "
    "pastor priest imam cleric sheikh elder headman activist lawyer judge doctor nurse "
    "businessman politician candidate lawmaker legislator bodyguard informant detective "
    "inspector sergeant robber thief burglar motorist cyclist vendor shopkeeper hunter "
    "trader herdsman pastoralist chairman".split())
_MANY_PEOPLE: Final = frozenset({"men", "women", "people", "children", "police", "personnel",
                                 "family", "militia", "military", "army"})


def gates_in(low: str | None) -> int:
    """The bits of `GATE_WORDS` whose words are in `low`, the text lower-cased when it is
    ASCII (one pass); every bit for text that is not ASCII (None), where case-insensitive
    matching is Unicode's: always try."""
    if low is None:
        return ALL_GATES
    present = 0
    for _, bits in _GATES.iter(low):
        present |= bits
    return present


def _expand(alternation: str) -> tuple[str, ...]:
    """The words a regex of literal alternatives spells, "(?:a|b)" groups expanded:
    "lost (?:his|her) li|toll" -> ("lost his li", "lost her li", "toll"). Fails on anything
    else, so that a gate cannot silently drift from its pattern."""
    words = [""]
    out: list[str] = []
    rest = alternation
    while rest:
        if rest.startswith("(?:"):
            close = rest.index(")")
            words = [w + choice for w in words for choice in rest[3:close].split("|")]
            rest = rest[close + 1:]
        elif rest[0] == "|":
            out.extend(words)
            words, rest = [""], rest[1:]
        elif re.fullmatch(r"[a-z ]", rest[0]):
            words = [w + rest[0] for w in words]
            rest = rest[1:]
        else:
            raise ValueError(f"not a plain alternation: {alternation!r}")
    return (*out, *words)



#: The verbs of `_ONE_KILLED` (its gate's words).
_ONE_VERBS: Final[tuple[str, ...]] = (
    "killing", "killed", "shot dead", "shooting dead", "fatally shot", "fatally stabbed",
    "executed", "executing", "beheaded", "beheading", "lynched", "lynching", "murdered",
    "murdering")
#: Words one of which each pattern needs (a character class cut off: "hospitali[sz]ed").
_COUNT_FIRST_WORDS: Final = {kind: tuple(v.split("[")[0] for v in verbs.split("|"))
                      for kind, verbs in _VERB_KIND}
_VERB_FIRST_WORDS: Final = {
    _CK_KILLED: ("kill", "shot dead", "shooting dead", "massacring", "executing",
                          "lynch", "behead"),
    _CK_INJURED: ("wound", "injur"),
    _CK_CAPTURED: ("abduct", "kidnap", "captur", "arrest", "detain"),
}
_NONE_WORDS: Final[tuple[str, ...]] = ("nobody", "no one", "no-one", "casualties", "fatalities",
                                "deaths", "injuries", "one was hurt")
_TOLL_WORDS: Final[tuple[str, ...]] = ("toll", "deaths", "fatalit", "bodies", "corpses")

#: (A word of each gate word below among them, at its start: "were hospitalized" or "the
#: corpses of" alone is a figure; but not "seized", which the count-first patterns skip.)
_HINT: Final = re.compile(r"kill|dead|die|death|wound|injur|hurt|slain|murder|execut|behead|lynch|"
                   r"massacr|perish|lost (?:their|his|her) li|succumb|captur|abduct|kidnap|"
                   r"hostage|arrest|detain|casualt|fatal|bod(?:y|ies)|corpse|toll|maim|"
                   r"hospitali|captive", re.IGNORECASE)


def _twin(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The IGNORECASE `pattern`, case-sensitive, for lower-cased ASCII text: Python's re is
    several times faster without IGNORECASE, and on ASCII text (lower-casing keeps every
    offset) the matches start where the original pattern's do. (Kept beside its pattern,
    not in a dict keyed by patterns: hashing a pattern hashes its whole compiled code.) Its
    numbers and qualifiers are grouped by their first letters (`NUMBER_LOW`, `QUALIFIER_LOW`:
    the same matches, sooner)."""
    return re.compile(pattern.pattern.replace(NUMBER, NUMBER_LOW).replace(QUALIFIER,
                                                                          QUALIFIER_LOW),
                      pattern.flags & ~re.IGNORECASE)


#: (Without its opening `\b`, which `word_starts` checks: the engine skips in C to "no".)
_NONE_LOW: Final = re.compile(_twin(_NONE).pattern.removeprefix(r"\b"))
_TOLL_LOW: Final = _twin(_TOLL)
#: `_TOLL`'s two branches apart, for lower-cased ASCII text (`_tolls`): "the toll rose to
#: 12" without its opening `\b` (the engine skips in C to "death toll" and "toll"), and "12
#: deaths", whose opening look-behind makes the engine try every position: it is searched
#: only in windows before the nouns it ends with.
_TOLL_BRANCHES: Final = _TOLL_LOW.pattern.split(r"|(?<![\w,])")
assert len(_TOLL_BRANCHES) == 2 and _TOLL_BRANCHES[0].startswith(r"\b")
_TOLL_RISE_LOW: Final = re.compile(_TOLL_BRANCHES[0].removeprefix(r"\b"))
_TOLL_COUNT_LOW: Final = re.compile(r"(?<![\w,])" + _TOLL_BRANCHES[1])
#: The last words of `_TOLL_COUNT_LOW`'s nouns (or their first letters, a superset): a "12
#: deaths" match ends with one of them.
_TOLL_NOUNS: Final = ("deaths", "fatalit", "bodies", "corpses")
#: From the start of a noun's last word, read backwards: the most words a "12 deaths" match
#: holds before it (a qualifier 3, a number 3, an adjective 1, "dead" of "dead bodies" 1).
_TOLL_WORDS_BACK: Final = re.compile(r"(?:\s+\S+){0,8}+")
#: From a noun's last word: the rest of it and the two words after it, the farthest a match
#: holding that word ends ("3 deaths dead bodies": "deaths" read as the adjective).
_TWO_WORDS_ON: Final = re.compile(r"\w*(?:\s+\w+){0,2}+")
_ATTRIBUTION_LOW: Final = _twin(_ATTRIBUTION)
_EITHER_LOW: Final = _twin(_EITHER)


#: _HINT's words: on ASCII text, a substring test on the lower-cased text is the same test.
_HINT_WORDS: Final = _expand(_HINT.pattern)


#: A bit per pattern (and one for _HINT), set when one of the words it needs is in a text.
_HINT_GATE: Final = 1
_NONE_GATE: Final = 2
_TOLL_GATE: Final = 4
_VERB_FIRST_GATE: Final = {_CK_KILLED: 8, _CK_INJURED: 16, _CK_CAPTURED: 32}
_COUNT_FIRST_GATE: Final = {_CK_KILLED: 64, _CK_INJURED: 128,
                     _CK_CAPTURED: 256}
_ONE_GATE: Final = 512
_DIED_GATE: Final = 1024
_UNNUMBERED_GATE: Final = 1 << 15
ALL_GATES: Final = 2047 | _UNNUMBERED_GATE
#: Each gate's words (bits below 1 << 16: a caller's own gates may take the bits above).
GATE_WORDS: Final[dict[int, tuple[str, ...]]] = {
    _HINT_GATE: _HINT_WORDS, _NONE_GATE: _NONE_WORDS, _TOLL_GATE: _TOLL_WORDS,
    **{_VERB_FIRST_GATE[kind]: words for kind, words in _VERB_FIRST_WORDS.items()},
    **{_COUNT_FIRST_GATE[kind]: words for kind, words in _COUNT_FIRST_WORDS.items()},
    # each verb of `_ONE_KILLED` with each first word of its object, a white space between
    _ONE_GATE: tuple(f"{verb}{space}{word}" for verb in _ONE_VERBS for space in " \t\n\r\f\v"
                     for word in ("him", "her", "the", "his", "their")),
    _DIED_GATE: ("died", "succumbed"),
    _UNNUMBERED_GATE: _UNNUMBERED_WORDS,
}
_GATES: Final = bits_automaton(GATE_WORDS)
assert all(word in _ONE_KILLED.pattern for word in _ONE_VERBS)  # (the gate's verbs)
#: The gates of the patterns `find_casualties_gated` runs (all but the hint).
_RUN_GATES: Final = ALL_GATES & ~_HINT_GATE


def hint_inside(text: str, low: str, present: int) -> int:
    """`present`, the bits of `GATE_WORDS` set by the shared keyword pass over the ASCII
    `text` (`low` lower-cased), whose gate words count only at the start of a word there
    (`actors.add_gate_words(..., start=True)`: each pattern's words do), with the hint's
    bit set also where one of its words is inside a word ("die" of "soldiers"): as the
    hint reads them, and as the gate read them before (in the text's `words_of` form). Read
    only where the hint decides: when another gate's bit is set (else `find_casualties_gated`
    finds nothing: "the bodies of", which no gate of its own stands for, opens with a word
    of the hint, "body" or "bodies", at a word's start)."""
    if present & _HINT_GATE or not present & _RUN_GATES:
        return present
    words = actors.matches(text)[1]
    for word in _HINT_WORDS:
        if word in words:
            return present | _HINT_GATE
    return present

#: What find_casualties tries, in order: (kind, gate, pattern, its `_twin`).
_Run = tuple[CasualtyKind, int, re.Pattern[str], re.Pattern[str]]
#: (The verb-first twins leave out the patterns' opening `\b`, which `_matches` checks: a
#: pattern opening with its verbs lets the regex engine skip in C to their first letters.)
_VERB_FIRST_RUNS: Final[tuple[_Run, ...]] = tuple(
    (kind, _VERB_FIRST_GATE[kind], pattern,
     re.compile(_twin(pattern).pattern.removeprefix(r"\b")))
    for kind, pattern in _VERB_FIRST.items())
#: The count-first patterns as searched on lower-cased ASCII text: the same matches, found
#: sooner (`_count_first`). A match opens with a qualifier or a number, whose first letters
#: (or digits) a look-ahead tests before the engine tries their ~70 words one by one; white
#: space and the words of a noun phrase are taken possessively (what follows each is not
#: white space, or not a word character: giving back characters never makes a match).
_FIRST_LETTERS: Final = "".join(sorted(set("0123456789" + "".join(
    word[0] for word in re.findall(r"[a-z]+", QUALIFIER + NUMBER)))))
_NP_LOW = r"(?P<np>(?:(?!and\b|but\b)[\w'’/-]++\s++){0,5}?)"
#: The auxiliaries and the verbs grouped by their first letters (`by_first_letter`): after a
#: number ("a", "an" among them) the engine tries them after each word of the noun phrase,
#: the letter's few, not all ~25 one by one.
_AUX_WORDS: Final = _AUX.removeprefix("(?:(?:").removesuffix(r")\s+){0,3}").split("|")
assert all(re.fullmatch(r"[a-z ]+", word) for word in _AUX_WORDS)
_AUX_LOW = rf"(?:{by_first_letter(_AUX_WORDS)}\s+){{0,3}}"
_COUNT_FIRST_LOW: Final = {
    kind: re.compile(
        rf"(?<![\w,])(?=[{_FIRST_LETTERS}])(?P<qual>{QUALIFIER_LOW}\s++)?"
        rf"(?P<num>{NUMBER_LOW}(?:\s*(?:-|–|to|or)\s*{NUMBER_LOW})?)\s++{_NP_LOW}{_AUX_LOW}"
        rf"(?P<verb>{by_first_letter(verbs.split('|'))})\b")
    for kind, verbs in _VERB_KIND
}


def _ascii_twin(twin: re.Pattern[str]) -> re.Pattern[str]:
    r"""A twin (`_twin`) for lower-cased text that is ASCII: its classes of word characters
    written as the ASCII characters they hold there (`[\w'’/-]`, `[\w,]`; "’" left out) and
    `\d` as `[0-9]`. The same matches on ASCII text, found sooner: a set with `\w` asks the
    Unicode tables a character, and one holding a character past Latin-1 is read item by
    item, where an ASCII set is a bitmap (callgrind: ~4% of `_count_first_at`, 0.1% of the
    core). (`\s`, a table
    look-up for an ASCII character, is as fast as a set: left.)"""
    pattern = (twin.pattern.replace(r"[\w'’/-]", r"[A-Za-z0-9_'/-]")
               .replace(r"[\w,]", r"[A-Za-z0-9_,]").replace(r"\d", r"[0-9]"))
    assert "’" not in pattern and r"\w" not in pattern, pattern
    return re.compile(pattern, twin.flags)


#: `_COUNT_FIRST_LOW` for lower-cased ASCII text (`_ascii_twin`).
_COUNT_FIRST_ASCII: Final = {kind: _ascii_twin(twin) for kind, twin in _COUNT_FIRST_LOW.items()}
#: Where a count-first match can end: its verb, after white space (a match holds nothing
#: else that is a verb of its kind, nor a verb that starts inside its number).
_COUNT_FIRST_VERBS: Final = {kind: re.compile(rf"\s(?:{verbs})\b") for kind, verbs in _VERB_KIND}
#: What find_casualties tries, in order: (kind, gate, pattern, its twin, where its verbs are).
_COUNT_FIRST_RUNS: tuple[tuple[CasualtyKind, int, re.Pattern[str], re.Pattern[str],
                               re.Pattern[str]], ...] = tuple(
    (kind, _COUNT_FIRST_GATE[kind], pattern, _COUNT_FIRST_LOW[kind], _COUNT_FIRST_VERBS[kind])
    for kind, pattern in _COUNT_FIRST.items())
#: From a verb's start, read backwards: the 21 words before it, the most a count-first match
#: holds before its verb (a qualifier 3, a number 3, a range 4, a noun phrase 5, auxiliaries
#: 3 of 2 words at most); and no farther than a character no match holds before its verb:
#: only word characters, white space, ' ’ / - – and a comma before a digit ("1,200") are in
#: its qualifier, number, range, noun phrase and auxiliaries ("the village, and 3 men were
#: killed": no match starts before the comma). Each word is read up to such a character
#: ("(3 men": from the 3 on).
_WORDS_BACK: Final = re.compile(r"(?:\s++[\w'’/–-]*+(?:(?<=\d),[\w'’/–-]*+)*+){0,21}+")
#: The count-first verbs of each kind, and the attribution words, as whole words in the shared
#: keyword pass (`actors.add_gate_words`): a gate bit each (below 1 << 16, ours), whose hits
#: say where they are (`_verb_ends`, `_attributed`).
_VERB_WORDS: Final = {kind: frozenset(_expand(verbs.replace("[sz]", "(?:s|z)")))
                      for kind, verbs in _VERB_KIND}
_VERB_GATE: Final = {_CK_KILLED: 1 << 11, _CK_INJURED: 1 << 12, _CK_CAPTURED: 1 << 13}
_ATTRIBUTION_GATE: Final = 1 << 14
#: The verbs a verb-first match opens with (its "verb" group's words), a whole word each: a
#: gate bit each in the shared keyword pass (bits 40-42), whose hits say where they are
#: (`_verb_first`).
_VERB_FIRST_VERBS: Final = {
    kind: _expand(pattern.pattern.split("(?P<verb>", 1)[1].split(")", 1)[0])
    for kind, pattern in _VERB_FIRST.items()}
_VERB_FIRST_HIT: Final = {_CK_KILLED: 1 << 40, _CK_INJURED: 1 << 41, _CK_CAPTURED: 1 << 42}
actors.add_gate_words({
    **{_VERB_GATE[kind]: tuple(words) for kind, words in _VERB_WORDS.items()},
    _ATTRIBUTION_GATE: _expand(_ATTRIBUTION.pattern.removeprefix(r"\b(?:")
                               .removesuffix(r")\b")),
    **{_VERB_FIRST_HIT[kind]: words for kind, words in _VERB_FIRST_VERBS.items()},
}, whole=True)


def _first_words(pattern: re.Pattern[str], before: str, after: str) -> tuple[str, ...]:
    """The first words of the verbs of `pattern`, its alternation between `before` and
    `after` (each verb's first word, its "s?" read as both forms): a match opens with one of
    them, a whole word (white space follows each in the pattern)."""
    verbs = pattern.pattern.split(before, 1)[1].split(after, 1)[0]
    words: list[str] = []
    for verb in verbs.split("|"):
        first = re.split(r" |\\s", verb, maxsplit=1)[0]
        for form in (first[:-2], first[:-1]) if first.endswith("s?") else (first,):
            if not re.fullmatch(r"[a-z]+", form):
                raise ValueError(f"not a plain verb: {verb!r}")
            if form not in words:
                words.append(form)
    return tuple(words)


#: The first words of the verbs of `_ONE_KILLED`, `_ONE_BARE` and `_OBJECT_TO_DEATH`, whole
#: words in the shared keyword pass (a gate bit each, 49, 51, 52), whose hits say where their
#: matches can open (`_at_hits`).
_ONE_BARE_HIT: Final = 1 << 49
_TO_DEATH_HIT: Final = 1 << 51
_ONE_KILLED_HIT: Final = 1 << 52
_ONE_KILLED_FIRST: Final = _first_words(_ONE_KILLED, r"\b(?P<qual>)(?:", r")\s(?:")
_ONE_BARE_FIRST: Final = _first_words(_ONE_BARE, r"\b(?P<qual>)(?:", r")\s+(?P<obj>")
_TO_DEATH_FIRST: Final = _first_words(_OBJECT_TO_DEATH, r"\b(?P<qual>)(?:",
                                      r")\s+(?:(?P<pronoun>")
actors.add_gate_words({_ONE_BARE_HIT: _ONE_BARE_FIRST, _TO_DEATH_HIT: _TO_DEATH_FIRST,
                       _ONE_KILLED_HIT: _ONE_KILLED_FIRST}, whole=True)
#: The gate bits whose hits the finder reads (`_hits`).
_HIT_BITS: Final = (_VERB_GATE[_CK_KILLED] | _VERB_GATE[_CK_INJURED] | _VERB_GATE[_CK_CAPTURED]
                    | _ATTRIBUTION_GATE | _VERB_FIRST_HIT[_CK_KILLED]
                    | _VERB_FIRST_HIT[_CK_INJURED] | _VERB_FIRST_HIT[_CK_CAPTURED]
                    | _ONE_BARE_HIT | _TO_DEATH_HIT | _ONE_KILLED_HIT)
#: (The hits of a text without one of those bits: shared, never changed.)
_NO_HITS: Final[list[tuple[int, int, int]]] = []


def _count_first(twin: re.Pattern[str], verbs: re.Pattern[str], text: str, low: str
                 ) -> list[Found]:
    """The count-first pattern's `finditer(text)`, read on `text` (`twin`: the pattern as
    searched on `low`, the text lower-cased, ASCII; `verbs`: its verbs after white space)."""
    return _count_first_at(twin, after_space(verbs, low), text, low)


def _count_first_at(twin: re.Pattern[str], ends: list[tuple[int, int]], text: str, low: str,
                    ascii_twin: re.Pattern[str] | None = None) -> list[Found]:
    """`_count_first`, given `ends`, where its verbs are (`after_space` of them, or
    `_verb_ends`).

    A match starting at p ends with the first verb that starts after p (the words before it
    are its number, its noun phrase and auxiliaries; at that verb the engine's first path
    succeeds or none does): the matches are found in windows that end at the verbs, as
    `in_windows(twin, ends, _WORDS_BACK, low, True)` finds them (each window's start read by
    `_words_back`, or `_words_back_ascii` on ASCII text, not by `_WORDS_BACK` on the text
    reversed; on ASCII text not at all where `_count_first_from` finds that no match can end
    at the verb). The twin's groups span what the pattern's do: read on `text`. (`ascii_twin`:
    the twin's `_ascii_twin`, searched instead on ASCII text, if given.)"""
    out: list[Found] = []
    if not ends:
        return out
    # (the text as bytes when ASCII: read back byte by byte, no string made a character)
    data = low.encode("ascii") if low.isascii() else None
    if data is not None and ascii_twin is not None:
        twin = ascii_twin
    pos = previous = 0
    for start, end in ends:
        floor = max(pos, previous)
        previous = start
        if data is None:
            frm = _words_back(low, start, floor)
        elif (frm := _count_first_from(data, start, floor)) < 0:
            continue  # (no number where one can be: most windows of a text's verbs)
        while (found := twin.search(low, frm, end)) is not None:
            out.append(Found(found, text))
            frm = pos = found.end()
            if frm >= end:
                break  # (at the window's end, most often: no match is empty)
    return out


def _words_back(low: str, start: int, floor: int) -> int:
    r"""`max(floor, n - _WORDS_BACK.match(low[::-1], n - start).end())` (n: `len(low)`): where
    the words `_WORDS_BACK` reads backwards from `start` begin, or `floor` if that is later,
    read character by character up to `floor` at most (a regex cannot stop there): each of
    at most 21 times white space (`\s`, `str.isspace`), at least one character of it, then
    the characters of `[\w'’/–-]` before it, and on over a comma that a decimal digit
    follows (`(?<=\d),` read backwards)."""
    at = start
    for _ in range(21):
        if at <= floor or not low[at - 1].isspace():
            break
        at -= 1
        while at > 0 and low[at - 1].isspace():
            at -= 1
        while at > 0:
            char = low[at - 1]
            if word_char(char) or char in _WORD_MARKS or (
                    char == "," and low[at].isdecimal()):
                at -= 1
            else:
                break
    return max(at, floor)


#: What `_WORDS_BACK`'s words hold besides word characters.
_WORD_MARKS: Final = frozenset("'’/–-")


def _count_first_from(data: bytes, start: int, floor: int) -> int:
    """Where the window of a count-first match ending with the verb at `start` opens, in an
    ASCII text as its bytes (`data`; `floor`: the previous verb's start or the previous
    match's end, at least): `_words_back` read byte by byte (white space: tab to carriage
    return, the four separators 28-31 and the space, as `str.isspace` has them in ASCII; a
    word's bytes: letters, digits, "_", and the marks' "'", "/", "-"; a comma before a
    digit), and closer where the words read say no match starts farther; -1 where they say
    none ends at the verb.

    A match ending at the verb is a run of whole words up to it (each pattern's white space
    lies between its words): its number ends a word, after which come at most 5 words of a
    noun phrase, then at most 3 auxiliaries (2 words each at most, all of `_AUX_TOKENS`),
    then the verb; and it opens at most 9 words before the word its number ends (a qualifier
    3, a range's first number 3, its "to" 1, the last number's 2 others). A word can end a
    number (`_number_end`) where it ends with a digit or with a number's last word; so the
    word ending the number is one of the first 6 read (the first 12 after auxiliaries' words),
    and the match opens within the 9 words before the farthest such word. Nor does a match
    hold a word "and" or "but", but for the "and" of an auxiliary or a verb ("attacked and",
    "shot and killed": after a word of `_BEFORE_AND`): read back, such a word closes the
    window. (A window opening later than `_words_back`'s holds the same first match: none
    starts before it.)"""
    at = start
    count = 0  # (the words read)
    aux = 0  # (the first words read that are all auxiliaries' words)
    number = 0  # (the farthest word read that can end a number, 1 the verb's nearest; or 0)
    of = 0  # (a word "of" whose word before decides whether it ends a number)
    conj = -1  # (the end of an "and" whose word before decides whether it closes the window)
    while count < 21:
        if at <= floor:
            break
        byte = data[at - 1]
        if not (byte == 32 or 9 <= byte <= 13 or 28 <= byte <= 31):
            break
        at -= 1
        while at > 0:
            byte = data[at - 1]
            if byte == 32 or 9 <= byte <= 13 or 28 <= byte <= 31:
                at -= 1
            else:
                break
        end = at
        letters = -1  # (where the word's last letters start)
        while at > 0:
            byte = data[at - 1]
            if 97 <= byte <= 122 or 65 <= byte <= 90:
                at -= 1
            elif 48 <= byte <= 57 or byte == 95 or byte == 39 or byte == 47 or byte == 45 or (
                    byte == 44 and 48 <= data[at] <= 57):
                if letters < 0:
                    letters = at
                at -= 1
            else:
                break
        if letters < 0:
            letters = at
        count += 1
        if of:  # ("dozens of": the words before "of" that make it a number's)
            if _couple_before(data[at:end]):
                number = of
            of = 0
        if conj >= 0:
            if data[at:end] not in _BEFORE_AND:
                return max(conj, floor) if number else -1
            conj = -1
        if count == aux + 1 and aux < 6 and data[at:end] in _AUX_TOKENS:
            aux += 1
        if count <= aux + 6 and end > at:
            last = data[end - 1]
            if 48 <= last <= 57:
                number = count
            elif 97 <= last <= 122 or 65 <= last <= 90:
                word = data[letters:end]
                if word == b"of":
                    of = count
                elif word in _NUMBER_ENDS or _glued_range(word):
                    number = count
        if end - at == 3:
            if data[at] == 98 and data[at + 1] == 117 and data[at + 2] == 116:  # ("but")
                return max(end, floor) if number else -1
            if data[at] == 97 and data[at + 1] == 110 and data[at + 2] == 100:  # ("and")
                conj = end
        if count >= aux + 6 and not of:
            if not number:
                return -1
            if count >= number + 9:
                break
    if count and not number and not of:
        return -1
    return max(at, floor)


#: The words of `NUMBER`: a number's last word is one of them ("twenty-one" ends with "one");
#: "of" ends one only after a word of `_COUPLES` ("dozens of").
_NUMBER_WORDS: Final = frozenset(re.findall(r"[a-z]+", NUMBER.replace(r"\d", ""))) | {"a"}
_COUPLES: Final = tuple(re.findall(r"([a-z]+) of\b", NUMBER))
_NUMBER_ENDS: Final = frozenset(word.encode("ascii") for word in _NUMBER_WORDS - {"of"})
_COUPLE_ENDS: Final = tuple(word.encode("ascii") for word in _COUPLES)
#: The words of the auxiliaries, and the words before an auxiliary's or a verb's "and".
_AUX_TOKENS: Final = frozenset(word.encode("ascii") for aux in _AUX_WORDS for word in aux.split())
_BEFORE_AND: Final = frozenset(
    words[i - 1].encode("ascii")
    for phrase in (*_AUX_WORDS, *(verb for verbs in _VERB_WORDS.values() for verb in verbs))
    for words in (phrase.split(),) for i in range(1, len(words)) if words[i] == "and")
assert _COUPLES and b"attacked" in _BEFORE_AND and b"shot" in _BEFORE_AND
assert not re.search(r"\b(?:and|but)\b", NUMBER + QUALIFIER)


def _couple_before(word: bytes) -> bool:
    """Whether `word`, the word before an "of", ends with a word of `_COUPLES`."""
    for couple in _COUPLE_ENDS:  # noqa: SIM110 (a loop: no generator object)
        if word.endswith(couple):
            return True
    return False


def _glued_range(word: bytes) -> bool:
    """Whether the letters `word` can end with a range glued together ("oneortwo"): a "to" or
    an "or", then a word of `_NUMBER_ENDS`."""
    for at in range(len(word) - 2):
        first, second = word[at], word[at + 1]
        if ((first == 116 and second == 111) or (first == 111 and second == 114)) and (
                word[at + 2:] in _NUMBER_ENDS):  # ("to", "or": bytes read, no slice made)
            return True
    return False


def _hits(text: str, low: str | None) -> list[tuple[int, int, int]] | None:
    """The gate hits of the shared keyword pass over `text` (`actors.gate_read`, made
    already for a sentence of an article) when it is ASCII (`low` its lower-cased form), else
    None: the count-first verbs and the attribution words are found there (`_VERB_GATE`,
    `_ATTRIBUTION_GATE`), not by a regex search over the text."""
    if low is None or not text.isascii():
        return None
    # (only the hits of the bits read here, `_HIT_BITS`, filtered once a text: each reader
    # of them goes over a few, not over every gate word of every module found in the text)
    present, hits = actors.gate_read(text)
    if not present & _HIT_BITS:
        return _NO_HITS
    return [hit for hit in hits if hit[2] & _HIT_BITS]


def _verb_ends(kind: CasualtyKind, verbs: re.Pattern[str], low: str,
               hits: list[tuple[int, int, int]] | None) -> list[tuple[int, int]]:
    """`after_space(verbs, low)` for the count-first verbs of `kind`: from the keyword pass's
    `hits` when there are (each place `verbs` matches is a whole word there, and the words
    found are checked as `verbs` would: white space before, the verb, no word character
    after), else by the regex."""
    if hits is None:
        return after_space(verbs, low)
    bit = _VERB_GATE[kind]
    words = _VERB_WORDS[kind]
    out: list[tuple[int, int]] = []
    for last, length, bits in hits:
        if bits & bit:
            start, end = last - length + 1, last - 1
            if start and low[start:end] in words and low[start - 1].isspace() \
                    and not (end < len(low) and word_char(low[end])):
                out.append((start, end))
    out.sort()
    return out


def _verb_first(kind: CasualtyKind, pattern: re.Pattern[str], twin: re.Pattern[str],
                text: str, low: str | None, hits: list[tuple[int, int, int]] | None
                ) -> list[Found]:
    """`_matches(pattern, twin, text, low)` for the verb-first pattern of `kind`: where the
    text has its gate hits (`hits`, see `_hits`), the twin is matched only at the starts of
    its verbs there (a match opens with one, a whole word: it is a hit of
    `_VERB_FIRST_HIT[kind]`), not searched for over the text."""
    if low is None or hits is None:
        return _matches(pattern, twin, text, low)
    bit = _VERB_FIRST_HIT[kind]
    # (each verb's start and end: a hit's key is the verb with a space each side)
    spans = [(last - length + 1, last - 1) for last, length, bits in hits if bits & bit]
    out: list[Found] = []
    if not spans:
        return out
    spans.sort()
    pos = 0
    n = len(low)
    for start, end in spans:
        if start < pos or (start and word_char(low[start - 1])):
            continue  # (inside the previous match; or after a word character, as `\b` says)
        # the twin's verb is this one: white space must follow it, then "his", "her",
        # "their", a qualifier or a number, whose first letters (or digits) are
        # `_FIRST_LETTERS` (most verbs are followed by a stop or by "in", "by", "when")
        if end >= n or not low[end].isspace():
            continue
        after = end + 1
        while after < n and low[after].isspace():
            after += 1
        if after >= n or low[after] not in _FIRST_LETTERS:  # (it holds "h" and "t")
            continue
        found = twin.match(low, start)
        if found is not None:
            out.append(Found(found, text))
            pos = found.end()
    return out


def _at_hits(pattern: re.Pattern[str], twin: re.Pattern[str], text: str, low: str | None,
             hits: list[tuple[int, int, int]] | None, bit: int) -> list[Found]:
    """`_matches(pattern, twin, text, low)` for a pattern each of whose matches opens with a
    whole word that is a gate word of `bit` in the shared keyword pass (`_ONE_KILLED`,
    `_ONE_BARE`, `_OBJECT_TO_DEATH`: a verb's first word, white space after it): where the
    text has its gate hits (`hits`, see `_hits`), the twin is matched only at the starts of
    those words, not searched for over the text (its verbs' first letters are among the
    commonest: the search tried most words of a text)."""
    if low is None or hits is None:
        return _matches(pattern, twin, text, low)
    out: list[Found] = []
    starts = [last - length + 1 for last, length, bits in hits if bits & bit]
    if not starts:
        return out
    starts.sort()
    pos = 0
    for start in starts:
        if start < pos or (start and word_char(low[start - 1])):
            continue  # (inside the previous match; or after a word character, as `\b` says)
        found = twin.match(low, start)
        if found is not None:
            out.append(Found(found, text))
            pos = found.end()
    return out


def _matches(pattern: re.Pattern[str], twin: re.Pattern[str], text: str, low: str | None
             ) -> list[Found]:
    r"""`pattern.finditer(text)`, read on `text`; on ASCII text (`low` its lower-cased form)
    found on `low` by its `twin`, whose groups span what the pattern's do.

    Every pattern here opens with `\b` or `(?<![\w,])` before a word character, so none
    matches right after a word character: a twin may leave out an opening `\b`
    (`word_starts` checks it)."""
    if low is None:
        return found_on(pattern.finditer(text), text)
    return found_on(word_starts(twin, low), text)


def _tolls(text: str, low: str | None) -> list[tuple[Found, bool]]:
    """`_TOLL.finditer(text)`, each match read on `text` with whether it is the toll branch's
    ("the death toll rose to 12", else "12 deaths"); on ASCII text (`low` its lower-cased
    form) from its branches searched apart (`_toll_rise`, `_toll_count`), as the engine's
    search of the alternation takes them: the match starting first, the toll's at a tie,
    the next searched from the end of the one taken."""
    if low is None:
        return [(m, m.group("num") is not None) for m in found_on(_TOLL.finditer(text), text)]
    out: list[tuple[Found, bool]] = []
    rises = "toll" in low
    nouns = find_all(low, _TOLL_NOUNS)
    back = low[::-1] if nouns else ""
    pos = 0
    rise = _toll_rise(low, pos) if rises else None
    count = _toll_count(low, back, nouns, pos)
    while rise is not None or count is not None:
        if rise is not None and (count is None or rise.start() <= count.start()):
            taken, is_rise = rise, True
        else:
            assert count is not None
            taken, is_rise = count, False
        out.append((Found(taken, text), is_rise))
        pos = taken.end()
        if rise is not None and rise.start() < pos:
            rise = _toll_rise(low, pos)
        if count is not None and count.start() < pos:
            count = _toll_count(low, back, nouns, pos)
    return out


def _toll_rise(low: str, pos: int) -> re.Match[str] | None:
    """The first match of `_TOLL`'s toll branch in `low` from `pos` (its `\b` checked here:
    a match right after a word character is passed over, as the engine would)."""
    while (found := _TOLL_RISE_LOW.search(low, pos)) is not None:
        start = found.start()
        if start and word_char(low[start - 1]):
            pos = start + 1
            continue
        return found
    return None


def _toll_count(low: str, back: str, nouns: list[int], pos: int) -> re.Match[str] | None:
    """The first match of `_TOLL`'s "12 deaths" branch in `low` from `pos` (`back`: `low`
    reversed; `nouns`: `find_all(low, _TOLL_NOUNS)`). A match starting at or before a noun's
    last word holds it and ends at most two words after it: it is searched in a window from the most
    words a match holds before the noun to two words after, a window end that is a word's
    end, as the pattern's `\b` needs, and far enough for the engine to take the same path.
    A match found there that starts after the noun is left to the next noun's window."""
    n = len(low)
    for at in nouns:
        if at < pos:
            continue
        reach = _TOLL_WORDS_BACK.match(back, n - at)
        on = _TWO_WORDS_ON.match(low, at)
        assert reach is not None and on is not None
        found = _TOLL_COUNT_LOW.search(low, max(pos, n - reach.end()), on.end())
        if found is not None and found.start() <= at:
            return found
    return None
#: The kinds, in `CasualtyKind`'s order (a tuple: no iteration of the enum class).
_KINDS: Final = (_CK_KILLED, _CK_INJURED, _CK_CAPTURED)
assert list(_KINDS) == list(CasualtyKind)


def headline_counts(mentions: list[CasualtyMention]) -> dict[CasualtyKind, int | None]:
    """The conservative headline figure of each kind (None when the text gives none).
    (One pass a kind, no lists of pairs: the narrative's figures go straight to `by_side`,
    the claims wait for the narrative's sides. A kind's only figure is the headline
    whatever its side: its side's class is not worked out.)"""
    out: dict[CasualtyKind, int | None] = {}
    for kind in _KINDS:
        only: CasualtyMention | None = None  # (the kind's first figure)
        many = False  # (whether it has another)
        for m in mentions:
            if m.kind is kind:
                if only is None:
                    only = m
                else:
                    many = True
                    break
        if only is None:
            out[kind] = None
            continue
        if not many:
            out[kind] = only.count
            continue
        by_side: dict[str | None, int] = {}
        narrative_sides: set[str | None] = set()  # (empty: no narrative figure)
        claimed: list[CasualtyMention] = []
        claimed_sides: list[str | None] = []
        for m in mentions:
            if m.kind is not kind:
                continue
            side = _side_class(m.side_text)  # (each figure's side's class worked out once)
            # (a figure its text disputes, "the rebels claimed 20 soldiers died", is a claim
            # whether or not the claimant is a source found)
            if m.claimed_by is None and m.via is None and not m.disputed:
                narrative_sides.add(side)
                _lowest(by_side, side, m.count)
            else:
                claimed.append(m)
                claimed_sides.append(side)
        for index, m in enumerate(claimed):
            side = claimed_sides[index]
            # (a disputed claim about a side the narrative does not cover is one party's
            # word about its enemy's dead: not added to the figures the text itself gives)
            if not narrative_sides or (side is not None and side not in narrative_sides
                                       and None not in narrative_sides and not m.disputed):
                _lowest(by_side, side, m.count)
        total = 0
        for side_total in by_side.values():
            total += side_total
        if None in by_side and len(by_side) > 1:
            # an unattributed total beside per-side figures: the larger reading of the two is
            # the total, since a total includes its parts
            unattributed = by_side[None]
            parts = total - unattributed
            out[kind] = unattributed if unattributed >= parts else parts
        else:
            out[kind] = total
    return out


def _lowest(by_side: dict[str | None, int], side: str | None, count: int) -> None:
    """`by_side[side]`: the lowest of its figures (`count` the first when it has none)."""
    if side not in by_side or count < by_side[side]:
        by_side[side] = count


_SIDE_CLASSES: Final = [
    ("military", ("soldier", "troop", "army", "military", "servicem", "marine", "paratroop",
                  "officer", "guard", "personnel", "commando", "serviceman", "conscript")),
    ("police", ("police", "policem", "cop", "constable", "gendarme", "patrolm")),
    ("armed", ("militant", "fighter", "insurgent", "rebel", "jihadist", "terrorist", "gunm",
               "attacker", "assailant", "raider", "bandit", "militia", "taliban", "shabaab",
               "combatant", "guerrilla", "member", "extremist", "separatist", "member")),
    ("civilian", ("civilian", "villager", "resident", "child", "women", "woman", "men", "man",
                  "student", "farmer", "worker", "passenger", "people", "person", "herder",
                  "trader", "worshipper", "pupil", "refugee", "protester", "demonstrator",
                  "boy", "girl", "teacher", "journalist", "driver", "family")),
]


#: Every stem of _SIDE_CLASSES, to the indices of the classes that hold it (one pass a text).
_SIDE_STEMS: Final = keyword_automaton(enumerate(stems for _, stems in _SIDE_CLASSES))


def _side_class(side_text: str | None) -> str | None:
    if not side_text:
        return None
    low = side_text.lower()
    first = len(_SIDE_CLASSES)  # the first class one of whose stems is in the text
    for _, classes in _SIDE_STEMS.iter(low):
        # (a loop, not `min(first, *classes)`: the compiled call builds a list of the
        # arguments and calls the interpreter's `min`)
        for index in classes:
            if index < first:
                first = index
    if first < len(_SIDE_CLASSES):
        return _SIDE_CLASSES[first][0]
    words = low.split()
    return words[-1] if words else None


def _known_side(words: str) -> bool:
    """Whether `words` name a side of `_SIDE_CLASSES` ("military", "ADF fighters")."""
    return bool(words) and next(iter(_SIDE_STEMS.iter(words.lower())), None) is not None


def _side(text: str, start: int, np: str) -> str | None:
    """Whose casualties: the noun phrase of the figure, or a group just before it."""
    words = [w for w in np.split() if w.lower() not in _GENERIC_HEADS]
    if words:  # (then some word of the phrase is not generic: no group before it counts)
        return " ".join(words)
    # (each regex tried where its words are: `_GROUP_BEFORE`'s, case-sensitive, in the text;
    # `_SIDE_PHRASE`'s "from", IGNORECASE, in it lower-cased: no other character's case is
    # one of its letters)
    window = text[max(0, start - 40):start]
    if "for" in window or "left" in window or "cost" in window:
        before = _GROUP_BEFORE.search(window)
        if before:
            return before.group("side")
    window = text[max(0, start - 60):start]
    if "from" not in window.lower():
        return None
    phrase = _SIDE_PHRASE.search(window)
    return phrase.group("side") if phrase else None


def _attribution(text: str, low: str | None = None,
                 hits: list[tuple[int, int, int]] | None = None) -> tuple[str | None, str | None]:
    """(claimed_by, via) for figures in `text` that are attributed to someone (`low`: the
    text lower-cased, when it is ASCII; `hits`: its `_hits`)."""
    if not _attributed(text, 0, low, hits):
        return None, None
    # the first person, organization and outlet cited (one loop: no generator objects)
    person: str | None = None
    org: str | None = None
    outlet: str | None = None
    for source in sources_of(text):
        if source.kind is _SK_PERSON:
            if person is None:
                person = source.name
        elif source.kind is _SK_ORGANIZATION:
            if org is None:
                org = source.name
        elif source.kind is _SK_OUTLET and outlet is None:
            outlet = source.name
    claimed_by = person or org
    if claimed_by is None and outlet is None:
        return None, None
    return claimed_by, outlet


def _attributed(text: str, start: int, low: str | None = None,
                hits: list[tuple[int, int, int]] | None = None) -> bool:
    """Whether the figure at `start` sits in an attributed statement of `text` (`low`, `hits`:
    as for `_attribution`; with hits, `_ATTRIBUTION` is tried only where they found one of
    its words, a whole word: wherever it matches they found one)."""
    if hits is not None and low is not None:
        for last, length, bits in hits:
            if bits & _ATTRIBUTION_GATE and \
                    _ATTRIBUTION_LOW.match(low, last - length + 1) is not None:
                return True
        return False
    if low is not None:
        return _ATTRIBUTION_LOW.search(low) is not None
    return bool(_ATTRIBUTION.search(text))
