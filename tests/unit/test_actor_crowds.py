"""Crowds and sides ACLED's naming conventions tell apart, on sentences written for these
tests: a people named by its demonym, community members, a group of migrants and volunteers
acting as a crowd (rioters, mob violence), the police a mob helps, the kin of fighters
(civilians), forest rangers (state forces), armed men arrested, the group fighters join, the
doer of a harm told after "when", a hospital the wounded lie in, a gang's size, the group
unknown men fought (named again later), residents who take up arms, two camps clashing at a
gathering and protesters detained once their protest was over."""

from __future__ import annotations

import pytest

from tests.unit import extracting
from worker.extract import Extractor
from worker.models import Event


def one_event(extractor: Extractor, body: str) -> Event:
    return extracting.one_event(extractor, body, "2021-03-04")


def coded(event: Event) -> tuple[str, str | None, str | None]:
    return (event.sub_event_type.value,
            event.actor1.name if event.actor1 else None,
            event.actor2.name if event.actor2 else None)


@pytest.mark.parametrize(("body", "sub", "actor1", "actor2"), [
    pytest.param(  # a people named by its demonym fighting soldiers: a crowd, not gunmen
        "On 3 March 2021, clashes broke out between Palestinians and Israeli forces in Nablus.",
        "Mob violence", "Rioters (Palestine)", "Military Forces of Israel", id="demonym-crowd"),
    pytest.param(  # ... but a few of them, counted, are people hurt
        "On 3 March 2021, Israeli forces shot and killed two Palestinians in Nablus.",
        "Attack", "Military Forces of Israel", "Civilians (Palestine)", id="demonym-counted"),
    pytest.param(  # community members who burn a car: a mob
        "On 3 March 2021, in Durban, KwaZulu-Natal, the house of a councillor was set on fire "
        "by suspected community members.",
        "Mob violence", "Rioters (South Africa)", "Civilians (South Africa)",
        id="community-members"),
    pytest.param(  # "a group of migrants" who beat the police: a crowd, of their own country
        "On 3 March 2021, in Cucuta, Norte de Santander, a group of Venezuelan migrants beat "
        "police officers who asked them to leave a park.",
        "Mob violence", "Rioters (Venezuela)", "Police Forces of Colombia", id="group-of"),
    pytest.param(  # volunteers beating a man, the police they help is no side
        "On 3 March 2021, volunteers, helping police enforce the curfew, beat up a shopkeeper "
        "in Jaipur, Rajasthan.",
        "Mob violence", "Rioters (India)", "Civilians (India)", id="volunteers-helping"),
    pytest.param(  # the houses of a gang's relatives: civilians' homes
        "On 3 March 2021, a mob in Owerri, Imo burnt 4 houses that belonged to family members "
        "of suspected cultists.",
        "Mob violence", "Rioters (Nigeria)", "Civilians (Nigeria)", id="kin-of-gang"),
    pytest.param(  # the wives of commanders arrested: civilians, not the group
        "On 3 March 2021, police arrested the wives of Boko Haram commanders in Maiduguri, "
        "Borno.",
        "Arrests", "Police Forces of Nigeria", "Civilians (Nigeria)", id="wives-of-commanders"),
    pytest.param(  # forest rangers are the state's
        "On 3 March 2021, forest rangers clashed with armed poachers in Kanchanaburi, "
        "Thailand. One ranger was killed.",
        "Armed clash", "Police Forces of Thailand", "Unidentified Armed Group (Thailand)",
        id="forest-rangers"),
    pytest.param(  # armed men detained: an armed group, not civilians
        "On 3 March 2021, in Tumaco, Narino, a group of unidentified armed individuals were "
        "detained by the navy.",
        "Arrests", "Military Forces of Colombia", "Unidentified Armed Group (Colombia)",
        id="armed-men-arrested"),
    pytest.param(  # soldiers who join a group: the group is the other side
        "On 3 March 2021, 20 soldiers and policemen joined the Taliban in Kunduz province.",
        "Change to group/activity", "Military Forces of Afghanistan", "Taliban",
        id="joined-the-group"),
    pytest.param(  # hurt "when" a crowd attacked them: mob violence
        "On 3 March 2021, teachers of a school in Garissa, Kenya are attacked and injured when "
        "students from a nearby school targeted them.",
        "Mob violence", "Rioters (Kenya)", "Civilians (Kenya)", id="harm-when-crowd"),
    pytest.param(  # ... but gunmen are an armed group
        "On 3 March 2021, two villagers were injured when gunmen attacked them in Zamfara, "
        "Nigeria.",
        "Attack", "Unidentified Armed Group (Nigeria)", "Civilians (Nigeria)",
        id="harm-when-gunmen"),
    pytest.param(  # police hurt by a gang (the hospital they lie in, the gang's size: no one)
        "Two police officers are recovering in a Kisumu hospital after suffering injuries "
        "during an eight-man gang attack in the Nyalenda suburb of Kisumu, Kenya.",
        "Armed clash", "Police Forces of Kenya", "Unidentified Gang (Kenya)", id="gang-on-police"),
    pytest.param(  # the group that engaged unknown gunmen is the other side, not the gunmen
        "On 3 March 2021, an unidentified armed group that was raiding a town hall was engaged "
        "by responding MILF fighters in a firefight in Datu Piang, Maguindanao. The police "
        "later arrived and came to the aid of the MILF.",
        "Armed clash", "Unidentified Armed Group (Philippines)",
        "MILF: Moro Islamic Liberation Front", id="engaged-by-group"),
    pytest.param(  # residents who take up arms against a militia: an armed group, no army
        "On 3 March 2021, local residents took up arms to fight Mungiki members in Nyeri, "
        "Kenya; 5 were killed.",
        "Armed clash", "Mungiki Militia", "Unidentified Armed Group (Kenya)", id="up-in-arms"),
    pytest.param(  # two camps clashing at a gathering: mob violence, no demonstration
        "On 3 March 2021, clashes broke out between pro-Armenian and pro-Azerbaijani activists "
        "in Tbilisi, Georgia during a commemoration.",
        "Mob violence", "Rioters (Georgia)", "Civilians (Georgia)", id="two-camps"),
    pytest.param(  # detained once the protest was over: a peaceful protest, no intervention
        "On 3 March 2021, 5 activists held a protest near the parliament in central Moscow "
        "(Moscow-Central), holding a banner against the government. The protesters were "
        "detained later that day after the protest was finished.",
        "Peaceful protest", "Protesters (Russia)", None, id="detained-after-it-ended"),
    pytest.param(  # ... but detained at the protest: an intervention
        "On 3 March 2021, 5 activists held a protest near the parliament in central Moscow "
        "(Moscow-Central), holding a banner against the government. Police detained the "
        "protesters at the scene.",
        "Protest with intervention", "Protesters (Russia)", "Police Forces of Russia",
        id="detained-at-it"),
])
def test_crowds_and_sides(extractor: Extractor, body: str, sub: str, actor1: str,
                          actor2: str | None) -> None:
    assert coded(one_event(extractor, body)) == (sub, actor1, actor2)


def test_armed_men_far_from_an_arrest_are_not_its_side(extractor: Extractor) -> None:
    # an arrest in one paragraph, militants killed in another: the arrested are civilians
    found = extracting.events(extractor, "On 3 March 2021, police arrested 12 traders in Cali, "
                              "Valle del Cauca, for breaking the curfew.\n\nElsewhere, two "
                              "militants were killed in a separate incident.", "2021-03-04")
    arrests = [e for e in found if e.sub_event_type.value == "Arrests"]
    assert len(arrests) == 1
    assert arrests[0].actor2 is not None and arrests[0].actor2.name == "Civilians (Colombia)"
