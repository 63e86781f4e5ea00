"""Event type and sub-type of the event a text reports (ACLED codebook), by rules.

One Aho-Corasick automaton, compiled at import, finds every trigger word ("clashed",
"airstrike", "protesters", "dispersed", ...). Each trigger belongs to a cue; negated triggers
("no one was killed") and hedged ones ("threatened to attack") are set aside. A fixed order of
precedence, taken from the codebook, turns the cues into one sub-type:

1. chemical weapon, suicide bomb, disrupted weapons use (defused, shot down, premature blast);
2. remote violence: air/drone strike, shelling/artillery/missile, IED/landmine, grenade;
3. demonstrations: violent demonstration (protesters burn, stone, loot), excessive force
   (protesters shot dead), protest with intervention (dispersed, tear gas, arrests), peaceful
   protest; mob violence (lynching, a crowd beating someone);
4. political violence: sexual violence, abduction, territory taken or regained, armed clash
   (two armed sides, or an armed target), attack (a civilian target);
5. strategic developments: arrests, looting/property destruction, agreement, base established,
   non-violent transfer, change to group/activity, other.

Whether the target of a killing is armed (battle) or not (violence against civilians) comes
from the actor lexicon (`actors.roles`), which shares the automaton: one pass over a text serves
both modules (`actors.matches` keeps it for the text's later `find_actors` call). A fight
between crowds with no firearms is mob violence; a demonstration, riot or clash named as the
background of another event ("after protests", "amid clashes") does not count. An ACLED
coder's label opening a note ("Arrests:", "Movement of forces:") names the sub-type outright.

The text classified is one sentence or a short passage: in an article, a demonstration in one
sentence and its dispersal in the next are seen together only if classified together.
"""

from __future__ import annotations

import re
from typing import Final, cast

from worker.extract import actors
from worker.extract.types import Classification
from worker.models import EventType, SubEventType

# Enum members as Final constants: the compiled core reads them as C statics, not
# as attributes of the (interpreted) enum classes.
_ET_BATTLES: Final = EventType.BATTLES
_ET_EXPLOSIONS: Final = EventType.EXPLOSIONS
_ET_PROTESTS: Final = EventType.PROTESTS
_ET_RIOTS: Final = EventType.RIOTS
_ET_STRATEGIC: Final = EventType.STRATEGIC
_ET_VIOLENCE_AGAINST_CIVILIANS: Final = EventType.VIOLENCE_AGAINST_CIVILIANS
_SUB_ABDUCTION: Final = SubEventType.ABDUCTION
_SUB_AGREEMENT: Final = SubEventType.AGREEMENT
_SUB_AIR_DRONE_STRIKE: Final = SubEventType.AIR_DRONE_STRIKE
_SUB_ARMED_CLASH: Final = SubEventType.ARMED_CLASH
_SUB_ARRESTS: Final = SubEventType.ARRESTS
_SUB_ATTACK: Final = SubEventType.ATTACK
_SUB_CHANGE_TO_GROUP: Final = SubEventType.CHANGE_TO_GROUP
_SUB_CHEMICAL_WEAPON: Final = SubEventType.CHEMICAL_WEAPON
_SUB_DISRUPTED_WEAPONS_USE: Final = SubEventType.DISRUPTED_WEAPONS_USE
_SUB_EXCESSIVE_FORCE: Final = SubEventType.EXCESSIVE_FORCE
_SUB_GOVERNMENT_REGAINS_TERRITORY: Final = SubEventType.GOVERNMENT_REGAINS_TERRITORY
_SUB_GRENADE: Final = SubEventType.GRENADE
_SUB_HEADQUARTERS_ESTABLISHED: Final = SubEventType.HEADQUARTERS_ESTABLISHED
_SUB_LOOTING: Final = SubEventType.LOOTING
_SUB_MOB_VIOLENCE: Final = SubEventType.MOB_VIOLENCE
_SUB_NON_STATE_OVERTAKES_TERRITORY: Final = SubEventType.NON_STATE_OVERTAKES_TERRITORY
_SUB_NON_VIOLENT_TRANSFER: Final = SubEventType.NON_VIOLENT_TRANSFER
_SUB_OTHER: Final = SubEventType.OTHER
_SUB_PEACEFUL_PROTEST: Final = SubEventType.PEACEFUL_PROTEST
_SUB_PROTEST_WITH_INTERVENTION: Final = SubEventType.PROTEST_WITH_INTERVENTION
_SUB_REMOTE_EXPLOSIVE: Final = SubEventType.REMOTE_EXPLOSIVE
_SUB_SEXUAL_VIOLENCE: Final = SubEventType.SEXUAL_VIOLENCE
_SUB_SHELLING: Final = SubEventType.SHELLING
_SUB_SUICIDE_BOMB: Final = SubEventType.SUICIDE_BOMB
_SUB_VIOLENT_DEMONSTRATION: Final = SubEventType.VIOLENT_DEMONSTRATION

# ---------------------------------------------------------------------------- lexicon
# A trailing "*" marks a prefix (no word boundary needed on the right).

_LEXICON: Final[dict[str, str]] = {
    "PROT": (
        "protest|protests|protested|protesting|protester|protesters|protestor|protestors|"
        "demonstrat*|rally|rallies|rallied|marched|marchers|marches|sit-in*|staged a sit|"
        "picket*|took to the streets|taken to the streets|take to the streets|"
        "taking to the streets|took to the street|vigil|vigils|pot-banging|pot banging|"
        "cacerolazo*|strikers|went on strike|go on strike|on strike|general strike|"
        "hunger strike*|strike action|staged a strike|dharna*|hartal*|bandh|gherao*|"
        "walkout|walk-out|boycott*|chanted|chanting|placards|banners|slogans|in protest|"
        "honked|honking|motorcade|caravan|car caravan|human chain|mass action|"
        "anti-government|petition*|commemorat*|mark labour day|mark labor day|march"
    ),
    "PROTW": (
        "gathered|gathering|assembled|blocked|blocking|blockade*|barricaded|barricade|"
        "denounc*|demand*|solidarity|occupied|occupying|camped|paraded|condemn*"
    ),
    "RIOT": (
        "riot|riots|rioted|rioting|rioter|rioters|violent protest*|violent demonstration*|"
        "turned violent|became violent|turned chaotic|burning tires|burning tyres|burnt tires|"
        "burnt tyres|burned tires|burned tyres|burning tire|burning tyre|tires on fire|"
        "tyres on fire|burning barricades|set tires|set tyres|lit tires|lit tyres|pelted|"
        "pelting|stone-pelting|stone pelting|threw stones|throwing stones|hurled stones|"
        "hurling stones|threw rocks|throwing rocks|hurled rocks|hurling rocks|stoned|"
        "stones at|rocks at|bottles at|stones and|molotov*|petrol bomb*|firebomb*|fire bomb*|"
        "vandaliz*|vandalis*|vandalism|smashed|running battles|running battle|"
        "clashed with police|clashes with police|clashed with the police|"
        "clashed with security forces|clashes with security forces|clashed with riot police|"
        "attacked police|attacked the police|scuffle*|hurled|lit fires|set fire to tyres|"
        "firecrackers at|fireworks at|broke windows|threw objects|throwing objects|"
        "barricading|barricaded roads|barricaded the road|barricaded the roads|"
        "barricaded streets|barricaded the street|barricaded the streets|erected barricades|"
        "set up barricades|built barricades|mounted barricades|barricades across"
    ),
    "MOB": (
        "mob|mobs|lynch*|mob justice|jungle justice|instant justice|vigilante*|angry crowd|"
        "irate|angry residents|angry villagers|angry youths|enraged|revenge attack|"
        "revenge attacks|retaliatory attack|mob-justice|crowd of locals|group of locals|"
        "angry locals"
    ),
    "INTERV": (
        "dispers*|tear gas|teargas|tear-gas|tear gas canisters|water cannon*|rubber bullet*|"
        "rubber-coated|baton charge*|baton-charge*|baton-charged|lathi charge*|lathicharge*|"
        "lathi-charge*|intervened|intervention|broke up|pepper spray*|stun grenade*|"
        "sound grenade*|flash-bang*|forcibly removed|forcefully removed|cordoned off|"
        "prevented|stopped|fired shots in the air|fired in the air|fired into the air|"
        "shots in the air|shots into the air|warning shots|pushed back|evicted|"
        "took down|removed the|blocked the protesters|confronted|arrests were made|"
        "attempted to arrest|tried to arrest|attempted to disperse|tried to disperse|"
        "were arrested|was arrested|were detained|was detained"
    ),
    "LETHAL": (
        "live ammunition|live bullets|live rounds|live fire|opened fire on protesters|"
        "opened fire on demonstrators|opened fire on the crowd|fired on protesters|"
        "fired at protesters|shot at protesters|shoot at protesters|shooting at protesters|"
        "opened fire at protesters|fired on the protesters|fired at the protesters|"
        "shot at the protesters|shoot at the protesters|fired at demonstrators|"
        "shot at demonstrators|shoot at demonstrators|fired on demonstrators"
    ),
    "CLASH": (
        "clash|clashes|clashed|clashing|fighting|fought|firefight*|fire fight|gunfight*|"
        "gun fight|gun battle*|gun-battle*|shootout*|shoot-out*|shoot out|exchange of fire|"
        "exchanges of fire|exchanged fire|exchanging fire|exchange fire|exchanged gunfire|"
        "exchange of gunfire|exchanged shots|traded fire|trading fire|crossfire|cross-fire|"
        "battle|battles|battled|battling|skirmish*|repulsed|repelled|repel|repulse|"
        "counterattack*|counter-attack*|hostilities|armed confrontation*|small arms|"
        "small-arms|light weapons|ambush*|fire exchange|heavy weapons fire|unspecified weapons|"
        "engaged in|engaged with|engaged the|fierce fighting|heavy fighting|"
        "clashed with police|clashes with police|clashed with the police|"
        "clashed with security forces|clashes with security forces|clashed with riot police|"
        "responded with gunfire|returned fire|return fire|fired back|responded with heavy|"
        "responded with fire|retaliated with gunfire|fire in both directions|"
        "in both directions of the frontline|in both directions of the front line|"
        "shelling exchange|exchange of shelling|exchanged shelling|mutual shelling|"
        "launched an offensive|launched a new offensive|offensive against|took up arms|"
        "take up arms|taking up arms|taken up arms|"
        "fighting between|fighting broke out|fighting erupted|armed clashes|fight between"
    ),
    "CLASHW": (
        "offensive|military operation|security operation|clearance operation|"
        "clearing operation|operation against|confrontation*|engaged|engagement|"
        "fight|fights|assault rifle*|gunshots|gunfire|shots|shooting|fired|firing|"
        "machine gun*|machine-gun*|machinegun*|heavy machinegun*|sniper|snipers|sniper fire|"
        "sniper shots"
    ),
    "ATTACK": (
        "attack|attacks|attacked|attacking|assault|assaulted|assaulting|raid|raided|raiding|"
        "stormed|storming|targeted|targeting|opened fire|open fire|opening fire|fired at|"
        "fired on|fired upon|firing at|firing on|shot at|shooting at|incursion|invaded|"
        "besieged|hit|struck|set upon|harass*|intimidat*|shoot|shoots|"
        "drive-by|drive by|hurled a|threw a"
    ),
    "LOOT": (
        "loot|looted|looting|looters|plunder*|pillag*|ransack*|stole|stolen|steal|stealing|"
        "robbed|robbery|robberies|seized their|stripped them|carted away|made away with|"
        "extort*|rustled|rustling|carjack*|hijack*"
    ),
    "BURN": (
        "torched|torching|set ablaze|set on fire|set fire|burned down|burnt down|burned|burnt|"
        "arson*|razed|destroyed|destroying|damaged|damaging|demolished|sabotag*|blew up the|"
        "material damage|"
        "set alight|sets alight|setting alight|vandaliz*|vandalis*|vandalism|molotov*|"
        "petrol bomb*|firebomb*|fire bomb*|"
        "blown up the|burning|on fire|ablaze|burning objects|burning debris|burning material|"
        "burning materials|burning rubber|burning branches|burning tree|burning trunks"
    ),
    "KILL": (
        "kill|kills|killed|killing|killings|shot dead|shot and killed|gunned down|murder*|"
        "hacked to death|stabbed to death|beaten to death|beat to death|burned alive|"
        "burnt alive|burned to death|burnt to death|beheaded|beheading*|behead|executed|"
        "execution*|assassinat*|massacre*|slaughter*|lost their lives|lost his life|"
        "lost her life|homicide*|femicide*|feminicide*|slain|slew|strangled|found dead|"
        "shot to death|bled to death|died|dead|death|deaths|bodies|body of|body was found|"
        "bodies were found|corpse*|fatally|lifeless|dismembered|decapitated"
    ),
    "INJURE": (
        "injured|injuring|injures|wounded|wounding|wounds|hurt|stabbed|stabbing|beaten|"
        "beating|beat|tortured|torture|flogged|whipped|maimed|hacked|slashed|gunshot*|"
        "bullet wound*|machete*|shot and injured|shot and wounded|sustained injuries|"
        "seriously injured|critically injured|injuries|shot|beat up|beaten up|thrashed|"
        "manhandled|roughed up|clubbed|caned|lashed|pelted with"
    ),
    "ABDUCT": (
        "kidnap*|abduct*|hostage*|held captive|taken captive|forcibly disappeared|"
        "enforced disappearance*|forced disappearance*|forcefully took|forcibly took|"
        "went missing|whereabouts unknown|taken away|took away"
    ),
    "SEXUAL": (
        "rape|raped|rapes|raping|rapist*|gang-raped|gang raped|gang-rape*|gang rape*|"
        "sexual violence|sexual assault*|sexually assault*|sexually abused|sexual abuse|"
        "defiled|defilement|molest*|sexual slavery|sexually harassed|sexual exploitation"
    ),
    "SUICIDE": (
        "suicide bomb*|suicide attack*|suicide car bomb*|suicide vest*|blew himself up|"
        "blew herself up|blew themselves up|self-detonat*|svbied*|explosive vest*|"
        "explosive belt*|suicide blast*|suicide truck*|suicide vehicle*|suicide car*|"
        "suicide mission|detonated his vest|detonated her vest|detonated his explosive*|"
        "suicide squad"
    ),
    "IED": (
        "=IED|=IEDs|ied|ieds|vbied*|roadside bomb*|road-side bomb*|road side bomb*|"
        "improvised explosive*|landmine*|land mine*|land-mine*|mine blast*|"
        "mine explosion*|anti-tank mine*|anti-personnel mine*|antipersonnel mine*|"
        "explosive device*|car bomb*|bomb-laden|booby trap*|booby-trap*|magnetic bomb*|"
        "sticky bomb*|motorcycle bomb*|motorbike bomb*|remote-controlled bomb*|"
        "remote controlled bomb*|remotely detonated|remote-detonated|unexploded ordnance|"
        "=UXO|explosive remnants|planted bomb*|planted explosive*|planted a bomb|"
        "planted an explosive|parcel bomb*|letter bomb*|pipe bomb*|dynamite|bomb attack*|"
        "bombing|bombings|bomb blast*|bomb explosion*|bomb exploded|bomb went off|"
        "explosives devices|stepped on a mine|hit a mine|struck a mine|ran over a mine|"
        "mine exploded|mine-resistant|explosive-laden|hand-made bomb*|homemade bomb*|"
        "home-made bomb*|crude bomb*|crude explosive*"
    ),
    "IEDW": (
        "bomb|bombs|bombed|blast|blasts|explosion|explosions|exploded|explode|explodes|"
        "explosive|explosives|detonat*|went off|blew up|blown up|blowing up"
    ),
    "AIR": (
        "airstrike*|air strike*|air-strike*|air raid*|air-raid*|airraid*|drone strike*|"
        "drone attack*|drone-strike*|armed drone*|aerial bombardment*|aerial bombing*|"
        "aerial attack*|aerial strike*|aerial bombard*|warplane*|war plane*|war jet*|"
        "fighter jet*|fighter plane*|fighter aircraft|jets|jet|helicopter gunship*|gunship*|"
        "helicopter attack*|barrel bomb*|air force|air forces|aircraft|helicopter|"
        "helicopters|drone|drones|=UAV|=UAVs|unmanned aerial*|air support|air bombardment*|"
        "dropped bombs|dropped a bomb|dropped explosives|bombed from the air|airstrike's|"
        "loitering munition*|kamikaze drone*|suicide drone*|bomber|bombers"
    ),
    "SHELL": (
        "shelling*|shelled|shells|shell|artillery|mortar*|rocket|rockets|rocketed|"
        "rocket attack*|rocket fire|missile*|grad|grads|=Grad|katyusha*|projectile*|"
        "howitzer*|=MLRS|multiple rocket*|heavy weapons|heavy weaponry|tank fire|tank shell*|"
        "bombardment*|bombarded|bombarding|cannon fire|artillery fire|anti-tank|=ATGM|"
        "guided missile*|ballistic missile*|cruise missile*|heavy artillery|shelling's|"
        "=BM-21|=BM-27|=MRLS|=MLR|82mm|120mm|122mm|152mm|60mm|81mm|107mm|"
        "recoilless*|anti-aircraft|grenade launcher*|rocket-propelled grenade*|"
        "rocket propelled grenade*|=RPG|=RPGs|=B-10|=SPG-9|=SPG"
    ),
    "GREN": (
        "grenade|grenades|hand grenade*|grenade attack*|hand-grenade*|grenade blast*|"
        "grenade explosion*"
    ),
    "CHEM": (
        "chemical weapon*|chemical attack*|chlorine gas|chlorine attack*|sarin|mustard gas|"
        "nerve agent*|toxic gas|poison gas|chemical agent*|chemical munition*"
    ),
    "ARREST": (
        "arrest|arrests|arrested|arresting|detain|detains|detained|detaining|detention*|"
        "taken into custody|took into custody|apprehended|apprehend|rounded up|nabbed|"
        "custody|remanded|jailed|imprisoned|held for questioning|picked up|"
        "summoned|charged with|indicted|sentenced|handcuffed"
    ),
    "SEIZE": (
        "seized|seize|seizes|seizing|seizure*|confiscat*|impounded|recovered|found|"
        "discovered|uncovered|cache|caches|haul|dismantled|intercepted|unearthed|"
        "retrieved|stockpile*|arsenal"
    ),
    "WEAPON": (
        "weapons|weapon|arms|ammunition*|munitions|munition|rifle|rifles|guns|gun|firearm*|"
        "pistol*|ak-47*|ak47*|kalashnikov*|bullets|cartridges|detonators|detonator|"
        "bomb-making|explosive materials|explosive material|ammo|rounds|magazines|"
        "grenade launcher|missiles|rockets"
    ),
    "GOODS": (
        "drug|drugs|marijuana|cocaine|heroin|methamphetamine*|meth|shabu|cannabis|"
        "narcotic*|contraband|crack|cattle|livestock|goats|camels|cows|sheep|goods|"
        "food|cash|money|fuel|property|properties|lab|laboratory|plantation*|coca|poppy|"
        "opium|hashish|timber|gold|vehicles|motorcycles|phones|mobile phones|valuables|"
        "belongings|supplies|crops|harvest"
    ),
    "DEFUSE": (
        "defus*|diffus*|disarmed|deactivat*|controlled explosion*|controlled detonation*|"
        "bomb disposal|bomb squad|bomb experts|bomb technicians|sappers|safely detonated|"
        "shot down|shoot down|downed|foiled|thwarted|prematurely|premature|while planting|"
        "were planting|was planting|while trying to plant|trying to plant|while assembling|"
        "were assembling|while making|were making|while preparing|were preparing|"
        "accidentally detonated|accidentally exploded|blew up while|own bomb|own explosives|"
        "neutralized the|neutralised the|demined|de-mined|demining|mine clearance|"
        "cleared mines|cleared the mines|detonated them|detonated it|detonated the explosive|"
        "disarm it|disarmed it|disarming it|disarm the bomb|disarmed the bomb|disarm the device|"
        "disarmed the device|"
        "detonated the bomb|detonated the device|disrupted"
    ),
    "TAKE": (
        "took control|taken control|take control|taking control|seized control|"
        "gained control|gain control|overran|overrun|took over|taken over|taking over|"
        "fell to|fell into the hands|captured the town|captured the city|"
        "captured the village|captured the district|captured the area|captured the base|"
        "captured a base|captured a town|captured a village|captured several villages|"
        "seized the town|seized the village|seized the city|seized the district|"
        "seized the base|under the control of|under their control|established control|"
        "now controls|now control|advanced into|entered and took"
    ),
    "REGAIN": (
        "retook|retaken|retake|recaptured|recapture*|regained control|regain control|"
        "regained|regaining|recovered territory|recovered the town|recovered the village|"
        "recovered control|liberated|liberation of|reclaimed|back under government control|"
        "back under the control|cleared the area|cleared the village|cleared the town|"
        "dislodged|drove out|driven out|pushed out|flushed out|expelled the"
    ),
    "AGREE": (
        "ceasefire*|cease-fire*|truce*|peace agreement*|peace deal*|peace accord*|"
        "agreement|agreements|accord|accords|prisoner exchange*|prisoner swap*|"
        "exchanged prisoners|exchange of prisoners|swap of prisoners|prisoners exchange|"
        "prisoners swap|exchanged detainees|signed|agreed to|agreed on|agreed upon|"
        "reconciliation|peace talks|negotiated|mediat*|memorandum of understanding"
    ),
    "CHANGE": (
        "joined|defect*|surrender*|merged|merger|splinter|split from|formed a|formation of|"
        "recruit*|reinforcement*|deploy*|redeploy*|patrol|patrols|patrolled|patrolling|"
        "curfew*|ban on|banned|declared|announced|imposed|fortification*|trench*|"
        "military exercise*|drill|drills|training|graduat*|mobiliz*|mobilis*|crossing into|"
        "crossed into|entered|arrived|sighted|spotted|witnessed|distributed|delivered|"
        "handed out|threat|threats|threatened|warning|warned|leaflets|night letters|ultimatum|"
        "video|"
        "movement of|build-up|buildup|amassed|massing|positioned|stationed|relocated|"
        "reconnaissance|surveillance|convoy|established|installed|set up|pledged allegiance|"
        "allegiance|dissolved|renamed|rebranded|new leader|appointed|claimed responsibility|"
        "security measures|state of emergency|lockdown|enforcing|enforce|checkpoints|"
        "checkpoint|secure the area|to secure|inspected|searched|search operation|"
        "cordon and search|sweep|combing operation|crackdown"
    ),
    "NVT": (
        "withdrew|withdrawn|withdrawal|withdraw|withdrawing|pulled out|pull out|handed over|"
        "handover|hand over|vacated|abandoned|evacuated|retreated|left the area|left the town"
    ),
    "OTHER": (
        "released|release of|freed|returned|displaced|displacement|approved|sworn in|"
        "violated|violation|flew over|intercepted|overflight|blocked|closed|suspended|"
        "dissolution|election|elections|vote|voting|hostile|tension|tensions"
    ),
    # words that negate a trigger up to 30 characters (and no punctuation) after them
    "NEG": (
        "no|not|never|without|neither|nor|none|nobody|deny|denied|denies|zero|didn't|wasn't|"
        "weren't|hasn't|haven't|unharmed|don't|doesn't|isn't|aren't|cannot|can't"
    ),
    # words that make a trigger a plan, a threat or a possibility (within four words)
    "HEDGE": (
        "threaten*|plan|plans|planned|planning|vow*|called for|calls for|calling for|"
        "call for|urge*|urging|warn*|intend*|will|would|could|=may|might|fear*|prepar*|plot*|"
        "rumor*|rumour*|prevent*|avoid*|risk of|threat of|attempt to|"
        "attempted to|attempts to|attempting to|tried to|trying to|aimed at|aim to|aims to|"
        "aiming to|in order to|so as to|if|unless|whether|feared"
    ),
    "CAPTURE": "captured|capturing|took prisoner|taken prisoner|taken captive",
    "MELEE": (
        "machete|machetes|axe|axes|stick|sticks|stones|club|clubs|knives|knife|rod|rods|"
        "bottles|rocks|fists|chairs|each other|one another|two groups|rival groups|brawl*|"
        "crude weapons|clubs and|bows and arrows|arrows|spears|pangas|rungus"
    ),
    "HQN": (
        "base|bases|camp|camps|headquarters|=HQ|outpost|outposts|barracks|stronghold|"
        "strongholds|hideout|hideouts|garrison"
    ),
    "OFFTOPIC": (
        "league|goal|goals|striker|tournament|championship|coach|world cup|fifa|uefa|"
        "=NBA|=NFL|olympic*|scored|football|soccer|cricket|rugby|tennis|basketball|"
        "playoff*|semi-final*|quarter-final*|midfielder|goalkeeper|wicket*|innings|"
        "stocks|shares|stock market|nasdaq|dow jones|investors|share price*|earnings|"
        "revenue|profits|bond yields|hurricane*|typhoon*|cyclone*|rainfall|earthquake*|"
        "weather|forecast*|heat wave|tornado*|box office|album|concert"
    ),
    "NONE": (
        "heart attack*|cyber attack*|cyberattack*|cyber-attack*|panic attack*|asthma attack*|"
        "shark attack*|dog attack*|attack on democracy|verbal attack*|personal attack*|"
        "water cannon*|tear gas shell*|tear gas grenade*|teargas shell*|tear gas canister*|"
        "shot in the arm|booster shot*|big shot*|mug shot*|screenshot*|photo shoot|"
        "film shoot|shooting star|fire brigade|fire fighters|firefighters|fire department|"
        "cease and desist|arms race|killed time|dead end|deadline*|death penalty|"
        "death sentence|death row|strike a deal|struck a deal|hit the market|hit record|"
        "big hit|box office hit|market crash|traffic accident|road accident|car accident|"
        "died of covid|died of coronavirus|died from covid|died from coronavirus|"
        "coronavirus deaths|covid deaths|covid-19 deaths|natural death*|died of natural|"
        "natural causes|mining|gold mine|coal mine|mine workers|mineworkers|mine owner|"
        "landmine survivors|air force intelligence|vigilante-style|vigilante style|"
        "fired at least|shot at least|firing at least|fired into the air|fired in the air|"
        "shots into the air|shots in the air|fired warning shots|"
        "firefighter*|fire-fighter*|fire fighter*|fire station|fire truck*|fire brigades|"
        "riot police|anti-riot|riot gear|riot squad|riot control|riot-control|riot unit|"
        "riot units|riot policemen|riot officers|anti-riot police|barricaded themselves|"
        "barricading themselves|burning issue*|"
        "burning question*|heart burning"
    ),
}

_CUES: Final = tuple(_LEXICON)
#: A bit per cue: a set of cues as an int, for the quick tests of which steps to try.
_CUE_BIT: Final = {cue: 1 << index for index, cue in enumerate(_CUES)}
#: Each cue's place in `_CUES`: where `_Cues.heads` holds its first usable hit.
_CUE_INDEX: Final = {cue: index for index, cue in enumerate(_CUES)}


def _mask(*cues: str) -> int:
    mask = 0
    for cue in cues:
        mask |= _CUE_BIT[cue]
    return mask


def _mask_of(indices: tuple[int, ...]) -> int:
    """The bits of the cues at `indices` (their `_CUE_INDEX`)."""
    mask = 0
    for index in indices:
        mask |= 1 << index
    return mask


def _compile() -> None:
    """The trigger keys added to the shared automaton: each key's (cue's place in `_CUES`,
    cue, prefix, exact case) entries. (The place, where the automaton's type has an int for
    the key's length, which no reader asks: the key's length is the match's own. `_triggers`
    reads the cue's place there, no dict look-up per hit.)"""
    seen: dict[str, list[tuple[int, str, bool, str]]] = {}
    for cue, words in _LEXICON.items():
        for raw in words.split("|"):
            word = raw.strip()
            case = ""
            if word.startswith("="):
                word = case = word[1:]
            prefix = word.endswith("*")
            word = word.rstrip("*")
            key = actors.key_of(word)
            if len(key) != len(actors.lowered(word)) + 2:
                continue
            if prefix:
                key = key[:-1]
            seen.setdefault(key, []).append((_CUE_INDEX[cue], cue, prefix, case))
    actors.add_trigger_keys({key: tuple(keys) for key, keys in seen.items()})


_compile()

_NEGATABLE: Final = frozenset({"KILL", "INJURE", "CLASH", "ARREST", "LOOT", "RIOT", "INTERV",
                               "ABDUCT", "SEXUAL", "CLASHW", "ATTACK", "BURN"})
#: The cues of `_NEGATABLE` and of `_BACKGROUND_CUES`, as bits (`_scan` tests a hit's bit).
_NEGATABLE_BITS: Final = _mask(*sorted(_NEGATABLE))
#: The marks that end a negation's or a hedge's reach (`_stop_between`).
_STOPS: Final = (".", ";", ":", ",", "(", ")")
_OBSERVED: Final = re.compile(r"\b(?:observed|heard|recorded|unknown weapons|undetermined weapons|"
                              r"unidentified weapons|bursts)\b")
_BACKGROUND_CUES: Final = frozenset({"PROT", "RIOT", "CLASH"})
_BACKGROUND_BITS: Final = _mask(*sorted(_BACKGROUND_CUES))
_PREMATURE: Final = frozenset({"prematurely", "premature", "while planting", "were planting",
                               "was planting", "while trying to plant", "trying to plant",
                               "while assembling", "were assembling", "while making", "were making",
                               "while preparing", "were preparing", "accidentally detonated",
                               "accidentally exploded", "blew up while", "own bomb",
                               "own explosives"})
_DEMAND: Final = re.compile(r"\b(?:demand\w*|against|over|protest\w*|demonstrat\w*|calling for|"
                            r"call for|denounc\w*|to press|complain\w*|angered|angry over|unpaid|"
                            r"salar\w*|wages|fees|rigging|eviction)\b")
_STATE_DETONATED: Final = re.compile(
    r"\b(?:police|forces|army|military|soldiers|troops|experts|squad|sappers|authorities|"
    r"engineers|technicians)\b[^.;]{0,40}\b(?:detonated|exploded|destroyed|neutrali[sz]ed)\b")
_HQ: Final = re.compile(
    r"\b(?:establish\w*|set(?:ting)? up|built|build\w*|construct\w*|open\w*|"
    r"(?:transform|turn|convert)\w*\b[^.;]{0,60}?\binto)\s+(?:\w+\s+){0,4}?"
    r"(?:base|bases|camp|camps|headquarters|hq|outpost|outposts|barracks|stronghold|"
    r"post|posts|position|positions|garrison)\b|\bstronghold\b|\bhideout\b")
#: Words one of which is in any text `_STATE_DETONATED` matches (its verbs) and in any text
#: `_HQ` matches: the regex searches, which try every position, run only when one is there.
_DETONATED_WORDS: Final = ("detonated", "exploded", "destroyed", "neutrali")
#: `_STATE_DETONATED`'s subjects: a match starts where one of them does. (This and the other
#: word tuples looped over or passed whole to `startswith`: typed as tuples of any length, as
#: the `_F_` tuples below are, so that the compiled core does not box them anew at each use.)
_DETONATED_SUBJECTS: Final[tuple[str, ...]] = (
    "police", "forces", "army", "military", "soldiers", "troops", "experts", "squad", "sappers",
    "authorities", "engineers", "technicians")
#: `_STATE_DETONATED`'s verbs, as whole words of the shared keyword pass: where a text holds
#: none of them (as a word: the pattern's `\b` on each side is at least a character other
#: than a letter or digit there), the search cannot match, and `_state_detonated`, which
#: looks for four words in the whole text first (~1,800 instructions), is not asked.
_DETONATED_GATE: Final = 1 << 44
actors.add_gate_words({_DETONATED_GATE: ("detonated", "exploded", "destroyed", "neutralised",
                                         "neutralized")}, whole=True)
_HQ_WORDS: Final[tuple[str, ...]] = (
    "establish", "set up", "setting up", "built", "build", "construct", "open", "transform",
    "turn", "convert", "stronghold", "hideout")


def _state_detonated(low: str) -> bool:
    """`_STATE_DETONATED.search(low) is not None`, its verbs looked for first, and the pattern
    matched only where one of its subjects is (a match starts with one: where none is, the
    search tried each place in vain, ~100 instructions a character)."""
    # (each of `_DETONATED_WORDS` written out: no generator, no iteration over the tuple)
    if "detonated" not in low and "exploded" not in low and "destroyed" not in low and \
            "neutrali" not in low:
        return False
    for word in _DETONATED_SUBJECTS:
        at = low.find(word)
        while at != -1:
            if _STATE_DETONATED.match(low, at) is not None:
                return True
            at = low.find(word, at + 1)
    return False


def _establishment(low: str) -> re.Match[str] | None:
    """`_HQ.search(low)`, searched from the first of its `_HQ_WORDS` (a match starts where one
    of them does), not searched where the text holds none."""
    first = -1
    for word in _HQ_WORDS:
        at = low.find(word)
        if at != -1 and (first == -1 or at < first):
            first = at
    return None if first == -1 else _HQ.search(low, first)


_CAPTURED_PLACE: Final = re.compile(r"\b(?:captured|seized|occupied|controls?|took)\s+"
                                    r"(?:the\s+|a\s+|several\s+|two\s+|three\s+)?(?:\w+\s+){0,2}?"
                                    r"(?:town|city|village|villages|district|area|areas|locality|"
                                    r"base|headquarters|hill|airport|port|territory|positions?)\b")

# trigger strength (for the confidence of a decision)
_STRONG: Final = 0.9
_GOOD: Final = 0.75
_FAIR: Final = 0.6
_WEAK: Final = 0.45


#: Nouns naming the people of a demonstration: a hedge before them ("to prevent protesters
#: from reaching the palace") makes no plan of the crowd, which is there.
_CROWD_NOUNS: Final = frozenset({"protesters", "protester", "protestors", "protestor",
                                 "demonstrators", "demonstrator", "marchers", "strikers", "rioters",
                                 "rioter"})


class _Hit:
    """One trigger of a text. (A plain class: the compiled core builds and reads it natively,
    where a NamedTuple is built by interpreted code.)"""

    __slots__ = ("cue", "end", "hedged", "index", "negated", "start", "word")

    def __init__(self, start: int, end: int, cue: str, word: str, negated: bool,
                 hedged: bool, index: int = -1) -> None:
        self.start = start
        self.end = end
        self.cue = cue
        self.word = word
        self.negated = negated
        self.hedged = hedged
        #: The cue's place in `_CUES` (-1 for a hit made outside `_triggers`: never read)
        self.index = index

    def order(self) -> tuple[int, int, str, str, bool, bool]:
        return self.start, self.end, self.cue, self.word, self.negated, self.hedged


_BACKGROUNDS: Final = frozenset({
    "sparked", "spark", "sparking", "triggered", "triggering", "prompted", "prompting",
    "provoked", "provoking", "caused", "causing", "amid", "amidst", "following", "after",
    "despite", "before", "since", "recent", "previous", "earlier", "ongoing", "against"})
_BACKGROUND_PAIRS: Final = frozenset({
    ("led", "to"), ("leading", "to"), ("ahead", "of"), ("wave", "of"), ("measures", "to"),
    ("to", "battle"), ("to", "fight"), ("to", "combat")})
_PAIR_FIRSTS: Final = frozenset(pair[0] for pair in _BACKGROUND_PAIRS)
_AUXILIARIES: Final = frozenset(["was", "were", "is", "are", "been", "being", "got", "get", "gets"])


def _words_before(low: str, at: int, reach: int) -> list[str]:
    """The words within `reach` characters before `at`, back to the nearest punctuation."""
    begin = max(0, at - reach)
    # (each of `_STOPS` in turn, written out: no iteration over the tuple)
    found = low.rfind(".", begin, at)
    if found >= begin:
        begin = found + 1
    found = low.rfind(";", begin, at)
    if found >= begin:
        begin = found + 1
    found = low.rfind(":", begin, at)
    if found >= begin:
        begin = found + 1
    found = low.rfind(",", begin, at)
    if found >= begin:
        begin = found + 1
    found = low.rfind("(", begin, at)
    if found >= begin:
        begin = found + 1
    found = low.rfind(")", begin, at)
    if found >= begin:
        begin = found + 1
    return low[begin:at].split()


def _background(low: str, start: int, word: str) -> bool:
    words = _words_before(low, start, 40)[-6:]
    marks: list[str] = []
    previous = ""
    for w in words:
        if previous in _PAIR_FIRSTS and (previous, w) in _BACKGROUND_PAIRS:
            return True
        if w in _BACKGROUNDS and not (w == "ongoing" and previous in _EXISTENTIAL):
            marks.append(w)  # (not "there were ongoing clashes between ...": the event itself)
        elif w == "being" and previous == "before":
            marks.pop()  # "looted the village before being repelled by troops": what followed
        previous = w
    if not marks:
        return False
    # "residents demonstrating against the curfew vandalized a police station": a verb of
    # its own after "against" and its object is the crowd's act, not what it was against
    return not (word.endswith("ed") and all(m == "against" for m in marks)
                and _RELATIVE_WORDS.isdisjoint(words))


_RELATIVE_WORDS: Final = frozenset({"who", "which", "that", "whose"})
_EXISTENTIAL: Final = frozenset({"was", "were", "is", "are"})


def _passive(low: str, at: int) -> bool:
    """Whether a form of "be" (and at most one adverb) comes right before `at`."""
    # (every word, of 30 characters: `split()` with no argument is a call the compiled core
    # makes in C, where `rsplit(None, 4)` for the last four, all that is read, is a method
    # call through Python's machinery)
    words = low[max(0, at - 30):at].split()
    if not words:
        return False
    if words[-1] in _AUXILIARIES:
        return True
    if words[-1] == "found" and len(words) > 1 and words[-2] in _AUXILIARIES:
        return True  # "a soldier was found killed": done to him
    # "had his house attacked", "got their market stalls looted": done to them (the word
    # two back, then three back, written out: no iteration over a tuple)
    if len(words) > 2 and words[-2] in _POSSESSIVES and words[-3] in _CAUSATIVES:
        return True
    if len(words) > 3 and words[-3] in _POSSESSIVES and words[-4] in _CAUSATIVES:
        return True
    return len(words) > 1 and words[-1].endswith("ly") and words[-2] in _AUXILIARIES


_CAUSATIVES: Final = frozenset(["had", "has", "have", "having", "got", "gets", "get"])
_POSSESSIVES: Final = frozenset(["his", "her", "their", "its", "our", "my"])


def _found_order(f: _Hit) -> tuple[int, int, bool]:
    """A trigger's place: by start, the longer first, a non-event phrase before an event
    trigger of the same span."""
    return f.start, f.start - f.end, f.cue != "NONE"


def _in_order(found: list[_Hit]) -> bool:
    """Whether `found` is already sorted by `_found_order` (the automaton reports matches by
    their end: usually the case, and then sorting, stable, would change nothing)."""
    prev = found[0]
    for i in range(1, len(found)):
        f = found[i]
        if f.start != prev.start:
            if f.start < prev.start:
                return False
        elif f.end != prev.end:
            if f.end > prev.end:
                return False
        elif f.cue == "NONE" and prev.cue != "NONE":
            return False
        prev = f
    return True


def _sort_found(found: list[_Hit]) -> None:
    """`found.sort(key=_found_order)`, as an insertion sort (stable, as `sort` is): a few
    hits, nearly in order, compared natively, where `sort` called `_found_order` through
    Python's machinery for each hit and compared the tuples it built (~4,700 instructions
    a sort)."""
    for i in range(1, len(found)):
        hit = found[i]
        start = hit.start
        end = hit.end
        none = hit.cue == "NONE"
        j = i
        while j > 0:
            prev = found[j - 1]
            # (`prev` stays before `hit` unless it sorts after it: a later start, or the same
            # start and a shorter span, or the same span and an event trigger where `hit` is
            # a non-event phrase)
            if prev.start < start or (prev.start == start and (
                    prev.end > end or (prev.end == end and (not none or prev.cue == "NONE")))):
                break
            found[j] = prev
            j -= 1
        if j != i:
            found[j] = hit


def _stop_between(low: str, start: int, end: int) -> bool:
    """Whether one of `_STOPS` is in `low[start:end]` (found in place: no regex search, no
    slice)."""
    # (each of `_STOPS` written out: no generator, no iteration over the tuple)
    return low.find(".", start, end) != -1 or low.find(";", start, end) != -1 or \
        low.find(":", start, end) != -1 or low.find(",", start, end) != -1 or \
        low.find("(", start, end) != -1 or low.find(")", start, end) != -1


#: `_Cues.heads` before any hit (copied: cheaper than `[None] * len(_CUES)` built anew).
_NO_HEADS: Final[list[_Hit | None]] = [None] * len(_CUES)


#: An automaton match (`actors.Match`) read as a plain tuple, and its value (key length, actor
#: entries, trigger keys: see `_compile`): see `_triggers`.
_Loose = tuple[object, ...]
_TriggerKeys = tuple[tuple[int, str, bool, str], ...]
#: The places in `_CUES` of the negations and of the hedges.
_I_NEG: Final = _CUE_INDEX["NEG"]
_I_HEDGE: Final = _CUE_INDEX["HEDGE"]


def _triggers(text: str, words: str, matched: list[actors.Match]
              ) -> tuple[list[_Hit], list[int] | None, list[int] | None]:
    """The triggers among `matched` (the automaton matches of `text`, whose `words_of` form is
    `words`) in the automaton's order, each a `_Hit` with no word yet; the ends of the
    negations and of the hedges (None where there are none)."""
    # (each trigger a `_Hit` at once, its word and marks filled in when it is kept: no tuple
    # built for it first, no second object)
    found: list[_Hit] = []
    # (a list of negations or of hedges made at the first one: most texts have neither, and
    # two empty lists built and freed for each text cost more than the test of None)
    negations: list[int] | None = None
    hedges: list[int] | None = None
    # (each match read as a plain tuple, its trigger keys checked first: as an `actors.Match`,
    # the compiled core would unbox the whole of every match, the type of each part checked
    # and its numbers converted, where most matches are actors' or gate words' and hold no
    # trigger key)
    for match in cast(list[_Loose], matched):
        value = cast(_Loose, match[1])
        keys = cast(_TriggerKeys, value[2])
        if not keys:
            continue
        prefix = keys[0][2]
        last = cast(int, match[0])
        start = last - cast(int, value[0]) + 1
        end = words.find(" ", last) - 1 if prefix else last - 1
        for index, cue, _, case in keys:
            if case and text[start:end] != case:
                continue
            if index == _I_NEG:
                if negations is None:
                    negations = [end]
                else:
                    negations.append(end)
            elif index == _I_HEDGE:
                if hedges is None:
                    hedges = [end]
                else:
                    hedges.append(end)
            else:
                found.append(_Hit(start, end, cue, "", False, False, index))
    return found, negations, hedges


def _scan(text: str) -> _Cues | None:
    """The triggers of `text` (None when it has none)."""
    # (the shared keyword pass, kept by `actors.matches` for the text's later readers: a
    # native function, called directly by the compiled core)
    low, words, matched = actors.matches(text)
    found, negations, hedges = _triggers(text, words, matched)
    if not found:
        return None
    if len(found) > 1 and not _in_order(found):
        _sort_found(found)
    hits: list[_Hit] = []
    usable: list[_Hit] = []
    heads = _NO_HEADS.copy()
    mask = 0  # the usable cues, as bits
    reach = -1
    span_end = -1
    span_start = -1
    dropped = False
    air_shot: _Hit | None = None
    for hit in found:
        start = hit.start
        end = hit.end
        cue = hit.cue
        if start < reach and not (start == span_start and end == span_end and not dropped):
            continue  # inside a longer trigger (or a non-event phrase)
        dropped = cue == "NONE"
        if dropped:
            reach = end
            span_start, span_end = start, end
            if air_shot is None and low.startswith(_AIR_SHOT_STARTS, start) and \
                    low[start:end] in _AIR_SHOTS:
                air_shot = _Hit(start, end, cue, low[start:end], False, False)
            continue
        reach = end
        span_start, span_end = start, end
        word = low[start:end]
        if cue == "PROT" and word == "march" and text[start] == "M":
            continue  # the month
        index = hit.index
        bit = 1 << index
        negated = hedged = False
        if negations is not None and bit & _NEGATABLE_BITS:
            for at in negations:
                if start - 32 <= at <= start and not _stop_between(low, at, start) and \
                        low.find("claim", at, start) == -1 and \
                        low.find(" but ", at, start) == -1:  # "no one hurt but ... damaged"
                    negated = True
                    break
        if hedges is not None and cue != "MOB" and word not in _CROWD_NOUNS:
            for at in hedges:
                if start - 30 <= at <= start and low.count(" ", at, start) <= 4 and \
                        not _stop_between(low, at, start) and low.find(" and ", at, start) == -1:
                    hedged = True
                    break
        hit.word = word
        hit.negated = negated
        hit.hedged = hedged
        hits.append(hit)
        if negated or hedged or (bit & _BACKGROUND_BITS and _background(low, start, word)):
            continue
        usable.append(hit)
        if not mask & bit:
            mask |= bit
            heads[index] = hit
    if not hits and air_shot is None:
        return None
    cues = _Cues(text, low, hits, usable, heads, mask)
    cues.air_shot = air_shot
    return cues


#: Shots fired into the air (non-event phrases for the other steps): by forces, with nothing
#: else happening, a show of force ACLED codes as "Other" (border guards firing in the air).
_AIR_SHOTS: Final = frozenset({"fired into the air", "fired in the air", "shots into the air",
                               "shots in the air", "fired warning shots"})
_AIR_SHOT_STARTS: Final[tuple[str, ...]] = ("fired ", "shots ")


class _Cues:
    """The triggers of one text (`all`, in text order); the usable ones (neither negated,
    hedged nor background), the first of each cue (`heads`, by the cue's `_CUE_INDEX`: a list
    read by index, where a dict by name was a hashed look-up at each ask), and the cues present
    as bits."""

    __slots__ = ("_kinds", "_roles", "air_shot", "all", "heads", "low", "mask", "text",
                 "usable")

    def __init__(self, text: str, low: str, hits: list[_Hit], usable: list[_Hit],
                 heads: list[_Hit | None], mask: int) -> None:
        self.text = text
        self.low = low
        self.all = hits
        self.usable = usable
        self.heads = heads
        self.mask = mask
        self._roles: tuple[tuple[int, int, int], ...] | None = None
        self._kinds = -1
        self.air_shot: _Hit | None = None

    def has(self, cues: int) -> bool:
        """Whether a cue of the mask `cues` is present."""
        return self.mask & cues != 0

    def first(self, cues: tuple[int, ...], mask: int) -> _Hit | None:
        """The first hit of the cues `cues` (their `_CUE_INDEX`; `mask`: their bits)."""
        if not self.mask & mask:
            return None
        heads = self.heads
        best: _Hit | None = None
        for cue in cues:
            hit = heads[cue]
            if hit is not None and (best is None or hit.start < best.start):
                best = hit
        return best

    def of(self, cue: str) -> list[_Hit]:
        """The usable hits of `cue`, in text order."""
        if not self.mask & _CUE_BIT[cue]:
            return []
        return [hit for hit in self.usable if hit.cue == cue]

    def words(self, cue: str) -> set[str]:
        return {hit.word for hit in self.of(cue)}

    def passive(self, at: int) -> bool:
        return _passive(self.low, at)

    @property
    def kinds(self) -> int:
        """The roles present (state, armed, crowd...), as bits (1 << role), for quick tests."""
        if self._kinds < 0:
            kinds = 0
            for r in self.roles:
                kinds |= 1 << r[2]
            self._kinds = kinds
        return self._kinds

    # The tests of the roles present, asked only when needed: finding a text's actors costs
    # more than the rest of its classification.

    @property
    def crowd(self) -> bool:
        return self.kinds & _CROWD_KINDS != 0

    @property
    def people(self) -> bool:
        return self.kinds & _PEOPLE_KINDS != 0

    @property
    def armed(self) -> bool:
        """An armed non-state actor is present."""
        return self.kinds & _ARMED_KIND != 0

    @property
    def fighters(self) -> bool:
        """Armed actors (state or not) are present."""
        return self.kinds & _FIGHTER_KINDS != 0

    @property
    def state(self) -> bool:
        return self.kinds & _STATE_KIND != 0

    @property
    def roles(self) -> tuple[tuple[int, int, int], ...]:
        if self._roles is None:
            self._roles = actors.roles(self.text)
        return self._roles


def _role_bits(*roles: int) -> int:
    bits = 0
    for role in roles:
        bits |= 1 << role
    return bits


_CROWD_KINDS: Final = _role_bits(actors.ROLE_CROWD, actors.ROLE_PROTESTER, actors.ROLE_RIOTER)
_PEOPLE_KINDS: Final = _role_bits(actors.ROLE_CROWD, actors.ROLE_CIVILIAN,
                                  actors.ROLE_PROTESTER, actors.ROLE_RIOTER)
_FIGHTER_KINDS: Final = _role_bits(actors.ROLE_ARMED, actors.ROLE_STATE)
_ARMED_KIND: Final = _role_bits(actors.ROLE_ARMED)
_STATE_KIND: Final = _role_bits(actors.ROLE_STATE)
_PROTESTER_KIND: Final = _role_bits(actors.ROLE_PROTESTER)
_MARCHERS_KINDS: Final = _role_bits(actors.ROLE_PROTESTER, actors.ROLE_RIOTER)
_VICTIM_KINDS: Final = _role_bits(actors.ROLE_CIVILIAN, actors.ROLE_CROWD, actors.ROLE_OBJECT)

# The sets of cues the steps ask about, as bits.
_M_AIR: Final = _mask("AIR")
_M_ATTACK: Final = _mask("ATTACK")
_M_CLASH: Final = _mask("CLASH")
_M_HQN: Final = _mask("HQN")
_M_INTERV: Final = _mask("INTERV")
_M_PROTW: Final = _mask("PROTW")
_M_HURT: Final = _mask("KILL", "INJURE")
_M_VIOLENT: Final = _mask("KILL", "INJURE", "ATTACK", "CLASH")
_M_VIOLENT_WEAK: Final = _mask("KILL", "INJURE", "CLASH", "ATTACK", "CLASHW")
_M_PROT_RIOT: Final = _mask("PROT", "RIOT")
_M_PROT_RIOT_MOB: Final = _mask("PROT", "RIOT", "MOB")
_M_OTHER_TAKE: Final = _mask("OTHER", "TAKE")
_M_NOT_PROTW: Final = _mask("ARREST", "SEIZE", "IEDW", "AGREE")
_M_IEDW_ATTACK_HURT_SHELL: Final = _mask("IEDW", "ATTACK", "KILL", "INJURE", "SHELL")
_M_KILL: Final = _mask("KILL")
_M_MELEE: Final = _mask("MELEE")
_M_GUN: Final = _mask("WEAPON", "CLASHW", "SHELL", "GREN", "IED", "IEDW", "AIR", "SUICIDE")

# Where `_Cues.heads` holds the first usable hit of each cue the steps ask about.
_H_ABDUCT: Final = _CUE_INDEX["ABDUCT"]
_H_AGREE: Final = _CUE_INDEX["AGREE"]
_H_AIR: Final = _CUE_INDEX["AIR"]
_H_ARREST: Final = _CUE_INDEX["ARREST"]
_H_ATTACK: Final = _CUE_INDEX["ATTACK"]
_H_BURN: Final = _CUE_INDEX["BURN"]
_H_CAPTURE: Final = _CUE_INDEX["CAPTURE"]
_H_CHANGE: Final = _CUE_INDEX["CHANGE"]
_H_CHEM: Final = _CUE_INDEX["CHEM"]
_H_CLASH: Final = _CUE_INDEX["CLASH"]
_H_CLASHW: Final = _CUE_INDEX["CLASHW"]
_H_GOODS: Final = _CUE_INDEX["GOODS"]
_H_GREN: Final = _CUE_INDEX["GREN"]
_H_IED: Final = _CUE_INDEX["IED"]
_H_IEDW: Final = _CUE_INDEX["IEDW"]
_H_INJURE: Final = _CUE_INDEX["INJURE"]
_H_INTERV: Final = _CUE_INDEX["INTERV"]
_H_KILL: Final = _CUE_INDEX["KILL"]
_H_LETHAL: Final = _CUE_INDEX["LETHAL"]
_H_LOOT: Final = _CUE_INDEX["LOOT"]
_H_MOB: Final = _CUE_INDEX["MOB"]
_H_NVT: Final = _CUE_INDEX["NVT"]
_H_OTHER: Final = _CUE_INDEX["OTHER"]
_H_PROT: Final = _CUE_INDEX["PROT"]
_H_PROTW: Final = _CUE_INDEX["PROTW"]
_H_REGAIN: Final = _CUE_INDEX["REGAIN"]
_H_RIOT: Final = _CUE_INDEX["RIOT"]
_H_SEIZE: Final = _CUE_INDEX["SEIZE"]
_H_SEXUAL: Final = _CUE_INDEX["SEXUAL"]
_H_SHELL: Final = _CUE_INDEX["SHELL"]
_H_SUICIDE: Final = _CUE_INDEX["SUICIDE"]
_H_TAKE: Final = _CUE_INDEX["TAKE"]
_H_WEAPON: Final = _CUE_INDEX["WEAPON"]

# The arguments of `_Cues.first`: the cues in the order given (their places in `heads`), and
# their bits. (Typed as tuples of any length, as `first` takes them: the compiled core keeps
# each as one tuple object, where a tuple of fixed length would be boxed anew at each call.)
_F_BURN_LOOT: Final[tuple[int, ...]] = (_H_BURN, _H_LOOT)
_F_EXPLOSIVE: Final[tuple[int, ...]] = (_H_IED, _H_IEDW, _H_AIR, _H_SHELL, _H_GREN, _H_WEAPON)
_F_IEDW_IED: Final[tuple[int, ...]] = (_H_IEDW, _H_IED)
_F_SEIZE_ARREST: Final[tuple[int, ...]] = (_H_SEIZE, _H_ARREST)
_F_WEAPON: Final[tuple[int, ...]] = (_H_WEAPON, _H_IED, _H_GREN, _H_IEDW, _H_SHELL)
_F_REMOTE: Final[tuple[int, ...]] = (_H_AIR, _H_SHELL, _H_IED, _H_GREN)
_F_VIOLENCE: Final[tuple[int, ...]] = (_H_KILL, _H_INJURE, _H_ATTACK, _H_CLASH, _H_ABDUCT,
                                        _H_SEXUAL)
_F_CROWD_VIOLENCE: Final[tuple[int, ...]] = (_H_INJURE, _H_ATTACK)
_F_HURT: Final[tuple[int, ...]] = (_H_KILL, _H_INJURE, _H_ATTACK, _H_BURN, _H_LOOT)
_F_TRIGGER: Final[tuple[int, ...]] = (_H_KILL, _H_INJURE, _H_ATTACK)
_FM_BURN_LOOT: Final = _mask_of(_F_BURN_LOOT)
_FM_EXPLOSIVE: Final = _mask_of(_F_EXPLOSIVE)
_FM_IEDW_IED: Final = _mask_of(_F_IEDW_IED)
_FM_SEIZE_ARREST: Final = _mask_of(_F_SEIZE_ARREST)
_FM_WEAPON: Final = _mask_of(_F_WEAPON)
_FM_REMOTE: Final = _mask_of(_F_REMOTE)
_FM_VIOLENCE: Final = _mask_of(_F_VIOLENCE)
_FM_CROWD_VIOLENCE: Final = _mask_of(_F_CROWD_VIOLENCE)
_FM_HURT: Final = _mask_of(_F_HURT)
_FM_TRIGGER: Final = _mask_of(_F_TRIGGER)


def classify(text: str, offset: int = 0) -> Classification | None:
    """The ACLED event type and sub-type of the event `text` reports, or None.

    `text` is a sentence or a short passage; `offset` is added to the trigger span (pass the
    sentence's start in the article body so the span indexes the body). Returns None when the
    text reports no political violence, demonstration or strategic development.
    """
    label = actors.LABEL.match(text) if ":" in text else None  # a label ends with ":"
    if label is not None:
        sub = _LABELS.get(label.group(1).lower())
        if sub is not None:
            return Classification(_ET_STRATEGIC, sub, _GOOD, offset + label.start(1),
                                  offset + label.end(1), label.group(1))
    cues = _scan(text)
    if cues is None:
        return None
    decided = _decide(cues)
    if decided is None:
        decided = _background_riot(cues)
        if decided is None:
            return None
    event, sub, hit, confidence = decided
    return Classification(event, sub, confidence, offset + hit.start, offset + hit.end,
                          text[hit.start:hit.end])


_Decision = tuple[EventType, SubEventType, _Hit, float]

#: ACLED coders' labels at the head of a note name the sub-type outright.
_LABELS: Final[dict[str, SubEventType]] = {
    "movement of forces": _SUB_CHANGE_TO_GROUP,
    "change to armed group": _SUB_CHANGE_TO_GROUP,
    "change to group": _SUB_CHANGE_TO_GROUP,
    "security measures": _SUB_CHANGE_TO_GROUP,
    "arrests": _SUB_ARRESTS,
    "arrest": _SUB_ARRESTS,
    "non-violent activity": _SUB_OTHER,
    "other": _SUB_OTHER,
    "looting": _SUB_LOOTING,
    "property destruction": _SUB_LOOTING,
    "defusal": _SUB_DISRUPTED_WEAPONS_USE,
    "detonation": _SUB_DISRUPTED_WEAPONS_USE,
    "weapons seizure": _SUB_DISRUPTED_WEAPONS_USE,
    "interception": _SUB_DISRUPTED_WEAPONS_USE,
    "disrupted weapons use": _SUB_DISRUPTED_WEAPONS_USE,
    "headquarters established": _SUB_HEADQUARTERS_ESTABLISHED,
    "base established": _SUB_HEADQUARTERS_ESTABLISHED,
    "agreement": _SUB_AGREEMENT,
    "non-violent transfer of territory": _SUB_NON_VIOLENT_TRANSFER,
}


_HARD: Final = _mask("KILL", "SUICIDE", "IED", "AIR", "SHELL", "GREN", "PROT", "RIOT", "ABDUCT",
                     "SEXUAL", "ARREST")
_OFFTOPIC: Final = _CUE_BIT["OFFTOPIC"]
#: Which cues can make each step decide (a step is skipped when none is present).
_NEEDS_CHEMICAL: Final = _mask("CHEM", "SUICIDE")
_NEEDS_DISRUPTED: Final = _mask("DEFUSE", "SEIZE", "ARREST", "IED", "IEDW", "AIR", "SHELL",
                                "GREN")
_NEEDS_REMOTE: Final = _mask("AIR", "SHELL", "IED", "GREN", "IEDW")
_NEEDS_CROWD: Final = _mask("PROT", "PROTW", "RIOT", "MOB", "KILL", "INJURE", "ATTACK", "BURN",
                            "LOOT")
_NEEDS_VIOLENCE: Final = _mask("SEXUAL", "ABDUCT", "REGAIN", "TAKE", "CLASH", "CLASHW", "KILL",
                               "INJURE", "ATTACK")
_NEEDS_STRATEGIC: Final = _mask("ARREST", "BURN", "LOOT", "SEIZE", "AGREE", "NVT", "CHANGE",
                                "TAKE", "OTHER", "CAPTURE", "HQN", "INTERV")


def _decide(c: _Cues) -> _Decision | None:
    present = c.mask
    if not present:
        return _air_shot(c)
    if present & _OFFTOPIC and not present & _HARD and \
            len({h.word for h in c.of("OFFTOPIC")}) > 1:
        return None
    # the steps in their order of precedence, each only when a cue it needs is present
    # (called directly: the compiled core calls them natively, not through a table)
    decided: _Decision | None = None
    if present & _NEEDS_CHEMICAL:
        decided = _chemical(c)
    if decided is None and present & _NEEDS_DISRUPTED:
        decided = _disrupted(c)
    if decided is None and present & _NEEDS_REMOTE:
        decided = _remote(c)
    if decided is None and present & _NEEDS_CROWD:
        decided = _crowd(c)
    if decided is None and present & _NEEDS_VIOLENCE:
        decided = _violence(c)
    if decided is None and present & _NEEDS_STRATEGIC:
        decided = _strategic(c)
    if decided is None:
        return _air_shot(c)
    return decided


def _background_riot(c: _Cues) -> _Decision | None:
    """A riot named as the cause of what the text tells, nothing else there an event: "the
    university was closed following a student riot over fees" reports the riot."""
    if c.mask & _OFFTOPIC:
        return None  # (a match, a concert: not the riots ACLED counts)
    for hit in c.all:
        if hit.cue == "RIOT" and hit.word.startswith("riot") and not hit.negated and \
                not hit.hedged:
            sub = _SUB_VIOLENT_DEMONSTRATION if _DEMAND.search(c.low) else _SUB_MOB_VIOLENCE
            return _ET_RIOTS, sub, hit, _WEAK
    return None


def _air_shot(c: _Cues) -> _Decision | None:
    """Forces firing into the air, nobody hit, no crowd to disperse: "Other"."""
    hit = c.air_shot
    if hit is None:
        interv = c.heads[_H_INTERV]  # "fired warning shots into the air"
        if interv is not None and interv.word == "warning shots":
            hit = interv
    if hit is None or c.mask & _M_HURT or not c.state or c.crowd:
        return None
    return _ET_STRATEGIC, _SUB_OTHER, hit, _WEAK


# ---------------------------------------------------------------------------- steps


def _chemical(c: _Cues) -> _Decision | None:
    hit = c.heads[_H_CHEM]
    if hit is not None:
        return _ET_EXPLOSIONS, _SUB_CHEMICAL_WEAPON, hit, _STRONG
    hit = c.heads[_H_SUICIDE]
    if hit is not None:
        return _ET_EXPLOSIONS, _SUB_SUICIDE_BOMB, hit, _STRONG
    return None


def _hurt(c: _Cues) -> bool:
    return c.has(_M_HURT)


def _disrupted(c: _Cues) -> _Decision | None:
    defuse = c.of("DEFUSE")
    for hit in defuse:
        if hit.word in _PREMATURE:
            return _ET_STRATEGIC, _SUB_DISRUPTED_WEAPONS_USE, hit, _GOOD
    explosive = c.first(_F_EXPLOSIVE, _FM_EXPLOSIVE)
    if defuse and explosive is not None and not _hurt(c):
        return _ET_STRATEGIC, _SUB_DISRUPTED_WEAPONS_USE, defuse[0], _GOOD
    if defuse and not _hurt(c) and defuse[0].word in ("shot down", "shoot down", "downed"):
        return _ET_STRATEGIC, _SUB_DISRUPTED_WEAPONS_USE, defuse[0], _FAIR
    violent = c.has(_M_VIOLENT_WEAK)
    if explosive is not None and not violent and \
            actors.gate_read(c.text)[0] & _DETONATED_GATE and _state_detonated(c.low):
        hit = c.first(_F_IEDW_IED, _FM_IEDW_IED) or explosive
        return _ET_STRATEGIC, _SUB_DISRUPTED_WEAPONS_USE, hit, _FAIR
    seize = c.first(_F_SEIZE_ARREST, _FM_SEIZE_ARREST)
    if seize is not None and not violent and not c.has(_M_PROT_RIOT):
        weapon = c.first(_F_WEAPON, _FM_WEAPON)
        went_off = any(h.word in ("exploded", "explosion", "blast", "went off", "explosions",
                                  "blasts", "blew up") for h in c.of("IEDW"))
        if weapon is not None and not went_off and not c.has(_M_AIR):
            return _ET_STRATEGIC, _SUB_DISRUPTED_WEAPONS_USE, seize, _FAIR
    return None


_REMOTE_SUB: Final = {
    "AIR": _SUB_AIR_DRONE_STRIKE,
    "SHELL": _SUB_SHELLING,
    "IED": _SUB_REMOTE_EXPLOSIVE,
    "GREN": _SUB_GRENADE,
    "IEDW": _SUB_REMOTE_EXPLOSIVE,
}


def _upper(text: str, hit: _Hit) -> bool:
    """`text[hit.start:hit.end].isupper()`, not asked where the trigger opens with a letter
    from "a" to "z" (a cased letter in lower case: not upper case), as most do. (`isupper`
    is a method the compiled core calls through Python's machinery, ~1,400 instructions.)"""
    first = text[hit.start]
    if "a" <= first <= "z":
        return False
    return text[hit.start:hit.end].isupper()


def _remote(c: _Cues) -> _Decision | None:
    strong = c.first(_F_REMOTE, _FM_REMOTE)
    if strong is not None and _upper(c.text, strong) and _named_party(c, strong):
        strong = None  # "members of the RPG (ruling) party": an acronym naming a party
    if strong is None:
        weak = c.heads[_H_IEDW]
        if weak is None or c.has(_M_PROT_RIOT_MOB):
            return None
        if weak.word in ("explosive", "explosives", "detonat") and not _hurt(c) and \
                not c.has(_M_ATTACK) and _USED_BEFORE.search(
                    c.low, max(0, weak.start - 30), weak.start) is None:
            return None  # (not "four men used explosives in a robbery": a blast set off)
        clash = c.heads[_H_CLASH]
        if clash is not None and (clash.start < weak.start or clash.word.startswith(_TWO_WAY)):
            return None  # (explosions "in both directions of the frontline": an exchange)
        if weak.word.startswith("explosion") and _OBSERVED.search(c.low):
            return _ET_EXPLOSIONS, _SUB_SHELLING, weak, _FAIR
        return _ET_EXPLOSIONS, _SUB_REMOTE_EXPLOSIVE, weak, _FAIR
    if c.has(_M_PROT_RIOT) and strong.cue in ("GREN", "SHELL") and not _hurt(c):
        return None
    if strong.cue == "AIR" and strong.word in ("helicopter", "helicopters", "aircraft", "jet",
                                                "jets", "drone", "drones", "air force",
                                                "air forces") and not c.has(
            _M_IEDW_ATTACK_HURT_SHELL):
        return None  # a flight, a patrol: no strike reported
    clash = c.heads[_H_CLASH]
    if clash is not None and strong.cue in ("SHELL", "GREN") and \
            not clash.word.startswith("ambush"):
        return None  # heavy weapons used in a battle: an armed clash
    if strong.cue == "SHELL" and c.has(_M_AIR):
        air = c.heads[_H_AIR]
        if air is not None and air.word not in ("helicopter", "helicopters", "aircraft",
                                                "drone", "drones") and air.start < strong.start:
            strong = air
    if strong.cue == "SHELL" and strong.word in ("heavy weapons", "heavy weaponry", "shots") \
            and c.has(_M_CLASH):
        return None
    return _ET_EXPLOSIONS, _REMOTE_SUB[strong.cue], strong, _STRONG


#: Explosives put to use, right before the word: "used explosives", "set off explosives".
_USED_BEFORE: Final = re.compile(r"\b(?:used|using|set off|setting off|activated|planted)\s+"
                                 r"(?:\w+\s+)?$")
#: Clash words for fire both ways: the explosions around them are an exchange, a battle.
_TWO_WAY: Final = ("in both directions", "fire in both directions", "exchange", "exchanged",
                   "exchanging", "traded", "trading fire", "mutual shelling", "shelling exchange")


_ARREST_VERBS: Final = frozenset({"arrested", "detained", "apprehended", "rounded up", "nabbed",
                                  "taken into custody", "took into custody", "handcuffed",
                                  "arresting", "detaining", "picked up"})
_STRONG_INTERVENTION: Final[tuple[str, ...]] = (
    "dispers", "tear", "water cannon", "rubber", "baton", "lathi", "intervened", "intervention",
    "broke up", "pepper", "stun", "sound", "flash", "forc", "cordoned", "fired", "shots",
    "warning")
_MARCH_WORDS: Final = frozenset({"marched", "march", "marches", "rallied", "rally", "rallies",
                                 "caravan", "motorcade"})
_SUBORDINATE: Final = re.compile(r"\b(?:who|whose|which|that|claim\w*|accus\w*|alleg\w*|against|"
                                 r"over|after|following|for|since|demand\w*|denounc\w*|"
                                 r"protest\w*)\b")
_REASON: Final = re.compile(r"\b(?:who|whose|which|that|claim\w*|accus\w*|alleg\w*|against|over|"
                            r"after|following|since|release of|justice for|denounc\w*|"
                            r"condemn\w*)\b")
_CROWD_ROLES: Final = (actors.ROLE_CROWD, actors.ROLE_PROTESTER, actors.ROLE_RIOTER)
_PEOPLE_ROLES: Final = (actors.ROLE_CROWD, actors.ROLE_CIVILIAN, actors.ROLE_PROTESTER,
                        actors.ROLE_RIOTER)
_FIGHTER_ROLES: Final = (actors.ROLE_ARMED, actors.ROLE_STATE)


#: A capitalised acronym as a party's name: "(RPG)" after the name spelt out, "RPG party",
#: "RPG (ruling) party".
_PARTY_AFTER: Final = re.compile(r"\s*(?:\([\w\s-]{1,20}\)\s*)?(?:party|parties|coalition)\b",
                                 re.IGNORECASE)


def _named_party(c: _Cues, hit: _Hit) -> bool:
    """Whether the acronym at `hit` (and at each of its other places in the text) names a
    party, not a weapon."""
    text = c.text
    acronym = text[hit.start:hit.end]
    at = text.find(acronym)
    while at != -1:
        end = at + len(acronym)
        if (text.startswith("(", at - 1) and text.startswith(")", end)) or \
                _PARTY_AFTER.match(text, end) is not None:
            return True
        at = text.find(acronym, end)
    return False


def _state_before(c: _Cues, hit: _Hit) -> bool:
    """A state actor within the 45 characters before `hit` (its subject, roughly)."""
    return any(r[2] == actors.ROLE_STATE and hit.start - 45 <= r[1] <= hit.start
               for r in c.roles)


_LONG_AGO: Final = re.compile(r"[^.;]{0,30}?\b(?:ago|earlier|last (?:week|month|year)|previously|"
                              r"in (?:19|20)\d\d|since)\b")
_BE_BEFORE: Final = re.compile(r"\b(?:was|were|had been|has been|have been)\s+(?:\w+\s+)?$")
_QUANTIFIED: Final = re.compile(r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|several|"
                                r"some|many|dozens|scores|hundreds|\d+|protesters|demonstrators|"
                                r"participants|activists|people|persons|them|they|organi[sz]ers)\b")


def _intervention(c: _Cues, protest: _Hit) -> _Hit | None:
    """The first sign that the authorities intervened in the demonstration."""
    interventions = c.of("INTERV")
    arrests = c.of("ARREST")
    # (each list is in that order already: sorted only when both have hits)
    candidates = sorted(interventions + arrests, key=_Hit.order) \
        if interventions and arrests else interventions or arrests
    for hit in candidates:
        word = hit.word
        if hit.cue == "ARREST" or word in ("were arrested", "was arrested", "were detained",
                                           "was detained"):
            if hit.cue == "ARREST" and word not in _ARREST_VERBS:
                if _ON_PROTEST.match(c.low, hit.end) is not None:
                    return hit  # "came to arrest the demonstrators"
                continue
            clause = c.low[max(0, hit.start - 60):hit.start]
            cut = max(clause.rfind(","), clause.rfind(";"), clause.rfind("."))
            clause = clause[cut + 1:]
            if _LONG_AGO.match(c.low, hit.end):
                continue  # "a commander arrested two years ago": background
            if _AFTER_IT_ENDED.match(c.low, hit.end):
                continue  # "detained after the protest was over": no intervention in it
            if _state_before(c, hit) and not _REASON.search(clause):
                return hit  # "police arrested 23 journalists during a protest"
            if hit.start < protest.start or _REASON.search(clause):
                continue
            if word.startswith(("was", "were")) or _BE_BEFORE.search(clause):
                if _QUANTIFIED.search(clause):
                    return hit  # "two persons were arrested"
                continue  # "the blogger was arrested": the reason for the protest
            return hit
        if word.startswith(_STRONG_INTERVENTION) or word.startswith(("attempted", "tried",
                                                                     "arrests were")):
            return hit
        if _state_before(c, hit) and not (hit.start > protest.start and _reason(c, hit)):
            return hit  # not "protested after the police stopped them at the border"
    return None


def _crowd(c: _Cues) -> _Decision | None:
    protest = c.heads[_H_PROT]
    riot = c.heads[_H_RIOT]
    mob = c.heads[_H_MOB]
    violence = c.first(_F_VIOLENCE, _FM_VIOLENCE)
    if protest is not None and violence is not None:
        if protest.word in _MARCH_WORDS and c.fighters and not c.kinds & _PROTESTER_KIND:
            protest = None  # fighters marching on a village
        elif violence.start < protest.start and riot is None and \
                not c.kinds & _MARCHERS_KINDS and \
                not _subordinate(c, violence) and not _ATTACHED.search(
                    c.low, max(0, protest.start - 30), protest.start) and \
                protest.word not in ("protesting", "demonstrating") and \
                not c.low.startswith(_VICTIM_NOUNS, violence.end + 1) and \
                (c.has(_M_HURT) or _ON_PROTEST.match(c.low, violence.end) is None):
            # (not "relatives of a murder victim protested": a victim named, not an act told;
            # nor "attacked the protest", nobody hurt: the demonstration is what it hit)
            protest = None  # a killing first, a protest in reaction: the killing is the event
    burn = c.first(_F_BURN_LOOT, _FM_BURN_LOOT)
    if protest is None and riot is None and violence is None and c.has(_M_PROTW) \
            and not c.has(_M_NOT_PROTW) and c.people and (
                not c.fighters or c.has(_M_INTERV)):
        weak = c.heads[_H_PROTW]
        if weak is not None:
            if burn is not None and _agent_role(c, burn) != actors.ROLE_STATE:
                return _ET_RIOTS, _SUB_VIOLENT_DEMONSTRATION, burn, _WEAK
            if c.fighters:
                hit = c.heads[_H_INTERV] or weak
                return _ET_PROTESTS, _SUB_PROTEST_WITH_INTERVENTION, hit, _WEAK
            return _ET_PROTESTS, _SUB_PEACEFUL_PROTEST, weak, _WEAK
    if protest is not None:
        if riot is not None and not _reason(c, riot):
            return _ET_RIOTS, _SUB_VIOLENT_DEMONSTRATION, riot, _GOOD
        if burn is not None and not _reason(c, burn) and _agent_role(c, burn) not in (
                actors.ROLE_STATE, actors.ROLE_ARMED):
            return _ET_RIOTS, _SUB_VIOLENT_DEMONSTRATION, burn, _FAIR
        clash = c.heads[_H_CLASH]
        if clash is not None and clash.word.startswith(_CROWD_CLASH) and \
                not _reason(c, clash):
            if _CAMPS.search(c.low, clash.end, clash.end + 70):
                return _ET_RIOTS, _SUB_MOB_VIOLENCE, clash, _FAIR  # two camps, no protest
            return _ET_RIOTS, _SUB_VIOLENT_DEMONSTRATION, clash, _FAIR
        lethal = c.heads[_H_LETHAL]
        kill = c.heads[_H_KILL]
        if lethal is None and kill is not None and c.state and _target(c, kill) in (
                actors.ROLE_PROTESTER, actors.ROLE_CIVILIAN) and not _subordinate(c, kill):
            lethal = kill
        if lethal is not None and c.state:
            return _ET_PROTESTS, _SUB_EXCESSIVE_FORCE, lethal, _FAIR
        crowd_violence = c.first(_F_CROWD_VIOLENCE, _FM_CROWD_VIOLENCE)
        if crowd_violence is not None and crowd_violence.word in _CROWD_VIOLENCE and \
                not _reason(c, crowd_violence) and \
                _agent_role(c, crowd_violence) in _CROWD_ROLES:
            return _ET_RIOTS, _SUB_VIOLENT_DEMONSTRATION, crowd_violence, _FAIR
        intervention = _intervention(c, protest)
        if intervention is None and not c.has(_M_HURT):
            intervention = _attack_on_protest(c)
        if intervention is not None:
            return _ET_PROTESTS, _SUB_PROTEST_WITH_INTERVENTION, intervention, \
                _GOOD
        return _ET_PROTESTS, _SUB_PEACEFUL_PROTEST, protest, _GOOD
    # (the word tested before the roles, which a text's actors cost to find: the same answer)
    if riot is not None and (riot.word.startswith(("riot", "violent")) or c.crowd):
        words = c.words("RIOT")
        if mob is not None or _RIVALS.search(c.low):
            return _ET_RIOTS, _SUB_MOB_VIOLENCE, mob or riot, _FAIR
        if words & _BARRICADES or any(w.startswith(("violent", "barricad")) for w in words) \
                or any(" with " in w or w.startswith("running battle") for w in words) \
                or _DEMAND.search(c.low) or _AFTER_AUTHORITIES.search(c.low) or (
                    riot.word.startswith("riot") and _POLITICAL.search(c.low)):
            # a grievance, an election, a fight with the police, what the authorities did:
            # a demonstration turned violent (ACLED: "physical clashes with ... government
            # forces")
            return _ET_RIOTS, _SUB_VIOLENT_DEMONSTRATION, riot, _FAIR
        return _ET_RIOTS, _SUB_MOB_VIOLENCE, riot, _FAIR
    if mob is not None and (mob.word.startswith(("mob", "lynch")) or c.crowd or not c.fighters):
        return _ET_RIOTS, _SUB_MOB_VIOLENCE, mob, _GOOD
    if riot is not None and not riot.word.startswith("clash") and \
            not c.mask & (_M_KILL | _M_GUN) and c.people and c.state and not c.armed and \
            _agent_role(c, riot) in _PEOPLE_ROLES:
        # "villagers threw stones at the police", "youths hurled petrol bombs at a patrol"
        return _ET_RIOTS, _SUB_MOB_VIOLENCE, riot, _FAIR
    hurt = c.first(_F_HURT, _FM_HURT)
    if hurt is not None and hurt.word not in _INTRANSITIVE and not c.has(_M_CLASH) and \
            c.crowd:
        role = _agent_role(c, hurt)
        if role is None and c.passive(hurt.start):
            # "teachers were injured when students from another school attacked them": the
            # harm told without its doer, who comes with the next act of violence
            when = c.low.find(" when ", hurt.end, hurt.end + 40)
            later = next((h for h in c.usable if when >= 0 and h.start > when
                          and h.start - when < 60 and h.cue in _HURT_CUES
                          and h.word not in _INTRANSITIVE and not c.passive(h.start)), None)
            if later is not None:
                role = _agent_role(c, later)
        if role in _CROWD_ROLES:
            return _ET_RIOTS, _SUB_MOB_VIOLENCE, hurt, _FAIR
    return None


#: The demonstration or its people right after a verb, as its object: "arrest the
#: demonstrators", "attacked the protest".
_ON_PROTEST: Final = re.compile(
    r"\s+(?:the\s+|a\s+|an\s+|their\s+|several\s+|some\s+)?(?:peaceful\s+)?(?:protest|protests|"
    r"protesters|protestors|demonstration|demonstrations|demonstrators|rally|rallies|march|"
    r"marchers|sit-in|picket|picketers)\b")


def _attack_on_protest(c: _Cues) -> _Hit | None:
    """An attack on the demonstration itself ("a councillor attacked the protest of residents"),
    nobody reported hurt: someone tried to break it up (ACLED: "Protest with intervention",
    whoever intervened)."""
    for hit in c.of("ATTACK"):
        if hit.word.endswith("ed") and _ON_PROTEST.match(c.low, hit.end) is not None:
            return hit
    return None


#: Two camps clashing at a gathering: "clashes between pro-Ukrainian and pro-Russian
#: activists" (mob violence, not a demonstration turned violent).
_CAMPS: Final = re.compile(r"\bbetween (?:the )?(?:pro|anti)-[\w-]+ and (?:the )?(?:pro|anti)-")


#: After an arrest, the demonstration already over: "were detained later that day after the
#: protest was finished".
_AFTER_IT_ENDED: Final = re.compile(
    r"[^.;]{0,40}?\bafter (?:the|their) (?:protest|demonstration|rally|march|sit-in|action)\s+"
    r"(?:was |had |has )?(?:finished|ended|over|concluded)\b")


#: The cues of `_F_HURT`, by name.
_HURT_CUES: Final = frozenset({"KILL", "INJURE", "ATTACK", "BURN", "LOOT"})


#: Nouns after a violence word that make it a modifier naming people ("a murder victim",
#: "kidnapping survivors"), not an act told.
_VICTIM_NOUNS: Final[tuple[str, ...]] = ("victim", "survivor")
#: Death words with no doer: they say nothing about who did it.
_INTRANSITIVE: Final = frozenset({
    "died", "dead", "death", "deaths", "bodies", "body of", "body was found",
    "bodies were found", "corpse", "corpses", "found dead", "lost their lives", "lost his life",
    "lost her life", "lifeless", "fatally", "injuries", "wounds", "sustained injuries",
    "bled to death", "killing", "killings", "murder", "murders", "homicide", "homicides",
    "femicide", "feminicide", "massacre", "execution", "executions", "gunshot", "gunshots",
    "machete", "machetes", "hurt"})
_ATTACHED: Final = re.compile(r"\b(?:during|at|in|amid|to|as|while|staged|held|holding|staging)\s+"
                              r"(?:a|an|the|their|his|her)?\s*(?:\w+\s+)?$")
_RIVALS: Final = re.compile(r"\b(?:each other|one another|rival|against each|between the two|"
                            r"supporters of|both sides)\b")
_CROWD_VIOLENCE: Final = frozenset({
    "attacked", "assaulted", "injured", "stabbed", "beat", "beaten", "beat up", "beaten up",
    "attack", "attacks", "stormed", "raided", "hit", "struck", "pelted with", "injuring",
    "wounded", "wounding", "hurt", "manhandled", "roughed up", "thrashed", "clubbed"})


_BARRICADES: Final = frozenset({
    "burning tires", "burning tyres", "burnt tires", "burnt tyres", "burned tires",
    "burned tyres", "burning tire", "burning tyre", "tires on fire", "tyres on fire",
    "burning barricades", "set tires", "set tyres", "lit tires", "lit tyres", "lit fires",
    "set fire to tyres"})


#: A riot in reaction to what the authorities did ("rioted after police arrested their
#: candidate", "following the army's raid"): a grievance against the state, a demonstration.
_AFTER_AUTHORITIES: Final = re.compile(
    r"\b(?:after|following)\s+(?:the\s+)?(?:police|policemen|authorities|security forces|"
    r"soldiers|troops|army|military|government|officers)(?:'s?)?\s+(?:\w+\s+)?"
    r"(?:arrest\w*|detain\w*|kill\w*|shot|shoot\w*|raid\w*|evict\w*|demolish\w*|"
    r"beat\w*|seiz\w*|clos\w*|ban\w*|refus\w*|fail\w*)\b")


#: A riot's political setting: an election and its results, a vote.
_POLITICAL: Final = re.compile(r"\b(?:elections?|electoral|election-related|post-election|"
                               r"pre-election|by-election|polls|vote-rigging|vote|votes)\b")


_CROWD_CLASH: Final[tuple[str, ...]] = (
    "clash", "scuffle", "skirmish", "fought", "running battle", "fighting between",
    "fighting broke", "fighting erupted", "exchanged", "exchange")


def _reason(c: _Cues, hit: _Hit) -> bool:
    """Whether `hit` is the reason or background of a demonstration ("against the attack on",
    "the release of two people who were arrested after a truck was looted")."""
    clause = c.low[max(0, hit.start - 60):hit.start]
    cut = max(clause.rfind(","), clause.rfind(";"), clause.rfind("."))
    reasons = _REASON.findall(clause, cut + 1)
    return bool(reasons) and not (hit.word.endswith("ed") and all(r == "against" for r in reasons))


def _subordinate(c: _Cues, hit: _Hit) -> bool:
    """Whether `hit` sits in a clause that gives a reason or background ("who claim their
    children were kidnapped", "against the killing of")."""
    clause = c.low[max(0, hit.start - 60):hit.start]
    cut = max(clause.rfind(","), clause.rfind(";"), clause.rfind("."))
    return bool(_SUBORDINATE.search(clause[cut + 1:]))


_CLAUSE: Final = re.compile(
    r"[,;:]|\b(?:that|who|which|when|after|while|as|because|before|and then)\b")
#: `_CLAUSE`'s last match in a span (`.match(low, start, end)`): the greedy `.*` backs off
#: from the end, so the first match tried is the last one, where `finditer` went through
#: them all. (Its matches cannot overlap: a mark, or whole words none of which is in
#: another, so `finditer` finds every one.)
_CLAUSE_LAST: Final = re.compile(r"(?s:.*)(" + _CLAUSE.pattern + ")")


def _agent_role(c: _Cues, hit: _Hit) -> int | None:
    """The role of whoever did what `hit` says: a "by X" agent after a passive verb, else the
    subject of its clause (None when a pronoun stands in, or nobody is named)."""
    low = c.low
    roles = c.roles
    passive = c.passive(hit.start)
    for start, _, role in roles:
        if hit.end <= start <= hit.end + 45 and _by_before(low, start):
            return role
    if passive:
        return None
    before = [r for r in roles if r[1] <= hit.start
              and r[2] not in (actors.ROLE_OBJECT, actors.ROLE_PROPERTY)]
    if not before:
        return None
    nearest = before[-1]
    if _pronoun(low, nearest[1], hit.start) or hit.start - nearest[1] > 80:
        return None
    # the subject: the first actor of the clause the verb is in
    last = _CLAUSE_LAST.match(low, max(0, hit.start - 120), hit.start)
    cut = last.end() if last is not None else 0
    mark = last.group(1) if last is not None else ""
    in_clause = [r for r in before if r[0] >= cut]
    if not in_clause and mark in (",", ";", "and then") and \
            _ELIDED.fullmatch(low, cut, hit.start):
        # "gunmen stopped the workers, stripped them and seized ...": a verb opening its
        # clause shares the subject of the sentence's first verb, not the last noun's
        return before[0][2]
    return (in_clause or [nearest])[0][2]


#: What may stand between a clause's opening (a comma) and a verb whose subject is left out.
_ELIDED: Final = re.compile(r"\s*(?:(?:and|then|later|also)\s+)*")


def _violence(c: _Cues) -> _Decision | None:
    sexual = c.heads[_H_SEXUAL]
    if sexual is not None:
        return _ET_VIOLENCE_AGAINST_CIVILIANS, _SUB_SEXUAL_VIOLENCE, sexual, \
            _GOOD
    abduct = c.heads[_H_ABDUCT]
    kill = c.heads[_H_KILL]
    if abduct is not None and kill is None and \
            abduct.word not in ("went missing", "taken away", "took away"):
        if _target(c, abduct) == actors.ROLE_STATE:
            return _ET_BATTLES, _SUB_ARMED_CLASH, abduct, _FAIR
        return _ET_VIOLENCE_AGAINST_CIVILIANS, _SUB_ABDUCTION, abduct, _GOOD
    arrest = c.heads[_H_ARREST]
    if arrest is not None and kill is None and arrest.word in _ARREST_VERBS and \
            c.heads[_H_CLASH] is None and not _hurt(c) and \
            _agent_role(c, arrest) == actors.ROLE_ARMED and \
            _target(c, arrest) == actors.ROLE_CIVILIAN:
        # "militants raided the camp and detained several women": people held by an armed
        # group, not by the state (ACLED: an abduction, not an arrest)
        return _ET_VIOLENCE_AGAINST_CIVILIANS, _SUB_ABDUCTION, arrest, _FAIR
    regain = c.heads[_H_REGAIN]
    take = c.heads[_H_TAKE]
    if regain is not None and c.state:
        return _ET_BATTLES, _SUB_GOVERNMENT_REGAINS_TERRITORY, regain, _FAIR
    if (take is not None and not _hurt(c) and (c.armed or c.state)) or (
            take is not None and _CAPTURED_PLACE.search(c.low) and c.armed):
        return _ET_BATTLES, _SUB_NON_STATE_OVERTAKES_TERRITORY, take, _FAIR
    clash = c.heads[_H_CLASH]
    trigger = c.first(_F_TRIGGER, _FM_TRIGGER)
    if clash is not None and (trigger is None or clash.start <= trigger.start or
                              clash.word not in ("battle", "battles", "fighting", "fought",
                                                 "sniper", "snipers")):
        if clash.word in _VAGUE_CLASH and not (c.armed or c.state or _herders(c)):
            return None  # "we are fighting for the whole country"
        if _brawl(c, clash):
            return _ET_RIOTS, _SUB_MOB_VIOLENCE, clash, _FAIR
        if clash.word.startswith("ambush") and _target(c, clash) == actors.ROLE_CIVILIAN:
            # "gunmen ambushed a bus carrying traders": one-sided, an attack on civilians
            return _ET_VIOLENCE_AGAINST_CIVILIANS, _SUB_ATTACK, clash, _FAIR
        return _ET_BATTLES, _SUB_ARMED_CLASH, clash, _GOOD
    if trigger is None:
        weak = c.heads[_H_CLASHW]
        if weak is not None and (c.armed or c.state) and weak.word not in ("fight", "fights"):
            if clash is None and _AT_AREA.search(c.low) is not None:
                # machine guns fired at an area from afar, no one fighting back: shelling
                return _ET_EXPLOSIONS, _SUB_SHELLING, weak, _WEAK
            if weak.word in ("shooting", "fired", "firing", "gunshots", "gunfire",
                             "shots") and not (c.armed and c.state):
                return None
            return _ET_BATTLES, _SUB_ARMED_CLASH, weak, _WEAK
        return None
    target = _target(c, trigger)
    if target in (actors.ROLE_STATE, actors.ROLE_ARMED):
        return _ET_BATTLES, _SUB_ARMED_CLASH, trigger, _FAIR
    if target == actors.ROLE_PROPERTY and not _hurt(c):
        return _ET_STRATEGIC, _SUB_LOOTING, trigger, _WEAK
    if target is None and not _hurt(c) and trigger.word in ("hit", "struck", "targeted",
                                                             "targeting", "threatened",
                                                             "intimidated", "harassed"):
        return None
    if target is None and c.state and c.armed and \
            not c.kinds & _VICTIM_KINDS:
        return _ET_BATTLES, _SUB_ARMED_CLASH, trigger, _WEAK
    return _ET_VIOLENCE_AGAINST_CIVILIANS, _SUB_ATTACK, trigger, _FAIR


#: Machine guns fired at an area, not at fighters' positions ("fired 12.7mm machine guns at
#: the east of the town", "fired machine guns at scattered areas of the district").
_AT_AREA: Final = re.compile(
    r"\bfired\b(?:[^.;]|\.(?=\d)){0,60}?\bmachine[- ]?guns?\b(?:[^.;]|\.(?=\d)){0,40}?\bat\s+"
    r"(?:the\s+)?(?:scattered\s+|"
    r"residential\s+|several\s+|various\s+)?(?:areas?|villages?|neighbou?rhoods?|houses|homes|"
    r"farms|outskirts|(?:north|south)?(?:east|west)(?:ern)?\s+(?:of|part)|(?:north|south)"
    r"(?:ern)?\s+(?:of|part))\b")


_VAGUE_CLASH: Final = frozenset({"fighting", "fought", "battle", "battles", "battled", "battling",
                                 "hostilities", "fighting between", "fighting broke out",
                                 "fighting erupted", "engaged in", "engaged with", "engaged the",
                                 "fight between"})
#: (for the assembly: a clash word that often names fighting in general, not one clash)
VAGUE_CLASH: Final = _VAGUE_CLASH


def _brawl(c: _Cues, clash: _Hit) -> bool:
    """A fight between crowds (supporters, villagers, rival groups) rather than armed forces:
    mob violence. At most one armed side, a crowd or civilians on the other, no firearms."""
    if c.mask & _M_GUN or "shot" in c.words("INJURE") or clash.word.endswith("up arms") or \
            clash.word.startswith("armed "):
        return False  # (people who "took up arms" are armed; "armed clashes" say so outright)
    armed = {c.low[a:b] for a, b, role in c.roles
             if role in (actors.ROLE_ARMED, actors.ROLE_STATE)}
    if len(armed) >= 2 or any(word in _SOLDIERS for text in armed for word in text.split()):
        return False
    if _herders(c):
        return False  # herders against farmers: communal militias, an armed clash
    return c.kinds & _CROWD_KINDS != 0 or c.mask & _M_MELEE != 0


_HERDERS: Final = frozenset(["herders", "herdsmen", "pastoralists"])


def _herders(c: _Cues) -> bool:
    """Whether herders are named as a side: their fights with farmers or other herders are
    communal militias' armed clashes."""
    low = c.low
    for start, end, _ in c.roles:
        if low.endswith(_HERDER_ENDS, start, end) and \
                low[start:end].rsplit(None, 1)[-1] in _HERDERS:
            return True
    return False


_HERDER_ENDS: Final[tuple[str, ...]] = ("herders", "herdsmen", "pastoralists")
_SOLDIERS: Final = frozenset(
    ["soldiers", "soldier", "troops", "militants", "militant", "fighters", "fighter", "gunmen",
     "rebels", "insurgents", "army", "military"])


def _by_before(low: str, at: int) -> bool:
    """Whether `at` follows "by" (a passive verb's agent), a few modifiers allowed."""
    return low.find("by ", max(0, at - 30), at) != -1 and bool(
        _BY_BEFORE.search(low, max(0, at - 30), at))


_BY_BEFORE: Final = re.compile(r"\bby\s+(?:(?:the|a|an|suspected|alleged|presumed|unknown|"
                               r"unidentified|armed|some|two|three|group of|\d+)\s+){0,3}$")
_RELATIVE: Final = re.compile(r"\b(?:who|which|that)\b")
#: A reporting verb and a few words after it ("said on Tuesday", "told reporters"): a "that"
#: there opens what was reported ("officials said that 5 soldiers were killed"), not a
#: relative clause about the speakers.
_REPORTING_BEFORE: Final = re.compile(
    r"\b(?:said|says|say|told|tell|reported|reports|announced|confirmed|stated|added|"
    r"claimed|claims|revealed|disclosed|alleged|noted|indicated)\b(?:\s+[\w-]+){0,4}\s+$")
_PRONOUN: Final = re.compile(r"\b(?:he|she|they|him|her|them|it|who)\s+(?:\w+\s+){0,2}$")


def _pronoun(low: str, start: int, end: int) -> bool:
    """Whether `_PRONOUN.search(low, start, end)` finds a pronoun: each of them holds "he",
    "hi", "it" or "wh", and a window with none of those (most: "had been", "were") is not
    searched (four bounded finds, compiled, where a search is a method call that tries the
    pattern at each position)."""
    if low.find("he", start, end) < 0 and low.find("hi", start, end) < 0 and \
            low.find("it", start, end) < 0 and low.find("wh", start, end) < 0:
        return False
    return _PRONOUN.search(low, start, end) is not None
_VIOLENT_CUES: Final = frozenset({"KILL", "INJURE", "ATTACK", "CLASH", "ABDUCT", "SEXUAL",
                                  "CLASHW"})
_PRESENT_VERBS: Final = frozenset({"attack", "kill", "shoot", "raid", "storm", "ambush", "abduct",
                                   "kidnap", "open fire", "clash"})
_HEADLINE_VERBS: Final = frozenset({"killed", "wounded", "injured", "shot dead", "hurt", "shot",
                                    "abducted", "kidnapped", "beheaded", "executed", "murdered",
                                    "stabbed", "hacked", "slain", "lynched"})


def _target(c: _Cues, trigger: _Hit) -> int | None:
    """The role of whoever the violence at `trigger` was done to."""
    low = c.low
    # (the people, every role but the government's, picked out within each list below: no
    # list of them built first, where the compiled core unboxes each role and boxes it again)
    roles = c.roles
    passive = c.passive(trigger.start)
    before = [r for r in roles if r[2] != actors.ROLE_GOVERNMENT and r[1] <= trigger.start]
    if passive:
        if not before:
            return None
        head = before[-1]
        relative = _relative(low, before[0][1], trigger.start)
        if relative is not None:
            earlier = [r for r in before if r[1] <= relative.start()]
            if earlier:
                return _victim_role(earlier[-1][2])
        if not _pronoun(low, max(0, head[1] - 1), trigger.start):
            return _victim_role(head[2])
        return None
    verbs = [h.start for h in c.all if h.cue in _VIOLENT_CUES and h.start > trigger.start
             and (h.word.endswith(("ed", "s")) or h.word in _PRESENT_VERBS
                  or h.word in _IRREGULAR_PAST)]
    after = [r for r in roles if r[2] != actors.ROLE_GOVERNMENT
             and r[0] >= trigger.end and r[0] - trigger.end < 90
             and not _by_before(low, r[0])
             and not any(0 <= v - r[1] <= 2 for v in verbs)]  # the subject of a next verb
    if after and trigger.cue == "ATTACK":
        # "attacked the village and burnt several buildings": the buildings are the object
        # of the next verb, not of this one (whose object, a place, names no one)
        later = _later_verb(c, trigger, after[0][0])
        if later is not None and _OBJECT_BETWEEN.fullmatch(low, trigger.end,
                                                           later.start) is not None:
            after = []
    # "N soldiers killed in an ambush": a noun right before a participle, headline style
    if before and trigger.word in _HEADLINE_VERBS and trigger.start - before[-1][1] <= 2 \
            and not after and not any(h.cue in _VIOLENT_CUES and h.start < trigger.start
                                      for h in c.all):
        return _victim_role(before[-1][2])
    if after:
        return _victim_role(after[0][2])
    if before:
        kinds_before = 0  # the roles before, as bits
        for r in before:
            kinds_before |= 1 << r[2]
        if kinds_before & _VICTIM_KINDS and not kinds_before & _FIGHTER_KINDS:
            return actors.ROLE_CIVILIAN
    return None


#: Past forms of the violent verbs that end neither in "-ed" nor "-s".
_IRREGULAR_PAST: Final = frozenset({"shot", "shot dead", "hit", "struck", "beat", "beat up",
                                    "fought", "slew", "stole", "burnt", "shot and killed"})
#: What lies between a verb and the next verb of its series when the first has an object of
#: its own (a place: "attacked Debiro (Borno) and burnt"): words, then "and".
_OBJECT_BETWEEN: Final = re.compile(r"\s+[^.;]*?[\w)]\s*,?\s+and\s+(?:then\s+)?")
_SERIES_CUES: Final = frozenset({"KILL", "INJURE", "ATTACK", "BURN", "LOOT", "ABDUCT"})


def _later_verb(c: _Cues, trigger: _Hit, before: int) -> _Hit | None:
    """The first past verb of violence, burning or looting after `trigger` and before
    `before`."""
    for h in c.all:
        if trigger.end <= h.start < before and h.cue in _SERIES_CUES and (
                h.word.endswith("ed") or h.word in _IRREGULAR_PAST):
            return h
    return None


def _relative(low: str, start: int, end: int) -> re.Match[str] | None:
    """The first relative pronoun of `low[start:end]`, a reporting verb's "that" excepted.
    (The search only when one of the pronouns is there; then from match to match, as
    `finditer` went.)"""
    if low.find("who", start, end) == -1 and low.find("that", start, end) == -1 and \
            low.find("which", start, end) == -1:
        return None
    while True:
        match = _RELATIVE.search(low, start, end)
        if match is None:
            return None
        if match.group() != "that" or _REPORTING_BEFORE.search(
                low, max(0, match.start() - 50), match.start()) is None:
            return match
        start = match.end()


def _victim_role(role: int) -> int:
    if role in (actors.ROLE_CROWD, actors.ROLE_RIOTER, actors.ROLE_PRIVATE,
                actors.ROLE_OBJECT):
        return actors.ROLE_CIVILIAN
    return role


#: The intervention cue's arrests (whole phrases, taken before the arrest cue's verbs).
_PASSIVE_ARRESTS: Final = frozenset({"was arrested", "were arrested", "was detained",
                                     "were detained"})


def _strategic(c: _Cues) -> _Decision | None:
    arrest = c.heads[_H_ARREST]
    if arrest is None:
        interv = c.heads[_H_INTERV]
        if interv is not None and interv.word in _PASSIVE_ARRESTS and \
                not c.has(_M_PROT_RIOT):
            arrest = interv  # "a blogger was arrested in Mogilev": no demonstration to stop
    violent = c.has(_M_VIOLENT)
    capture = c.heads[_H_CAPTURE]
    if capture is not None and not violent and _target(c, capture) == actors.ROLE_ARMED:
        return _ET_BATTLES, _SUB_ARMED_CLASH, capture, _WEAK
    if arrest is not None and not violent and arrest.word not in ("captured", "summoned",
                                                                  "sentenced", "charged with",
                                                                  "indicted"):
        return _ET_STRATEGIC, _SUB_ARRESTS, arrest, _GOOD
    damage = c.first(_F_BURN_LOOT, _FM_BURN_LOOT)
    if damage is not None and not _hurt(c):
        return _ET_STRATEGIC, _SUB_LOOTING, damage, _FAIR
    seize = c.heads[_H_SEIZE]
    goods = c.heads[_H_GOODS]
    if seize is not None and goods is not None and seize.word not in ("found", "discovered",
                                                                      "recovered"):
        return _ET_STRATEGIC, _SUB_LOOTING, seize, _FAIR
    agree = c.heads[_H_AGREE]
    if agree is not None and not violent:
        return _ET_STRATEGIC, _SUB_AGREEMENT, agree, _FAIR
    hq = _establishment(c.low) if c.has(_M_HQN) else None
    if hq is not None:
        hit = _Hit(hq.start(), hq.end(), "HQ", hq.group(), False, False)
        return _ET_STRATEGIC, _SUB_HEADQUARTERS_ESTABLISHED, hit, _FAIR
    nvt = c.heads[_H_NVT]
    change = c.heads[_H_CHANGE]
    if nvt is not None and nvt.word in ("withdrew", "withdrawn", "withdrawal", "pulled out",
                                        "handed over", "handover", "vacated"):
        return _ET_STRATEGIC, _SUB_NON_VIOLENT_TRANSFER, nvt, _WEAK
    # the roles present, as bits (none when no step below may need them)
    kinds = c.kinds if ((change is not None or c.has(_M_OTHER_TAKE))
                        and actors.any_armed(c.text)) else 0
    if change is not None and kinds & _FIGHTER_KINDS:
        return _ET_STRATEGIC, _SUB_CHANGE_TO_GROUP, change, _WEAK
    take = c.heads[_H_TAKE]
    if take is not None and kinds & _ARMED_KIND:
        return _ET_BATTLES, _SUB_NON_STATE_OVERTAKES_TERRITORY, take, _WEAK
    other = c.heads[_H_OTHER]
    if other is not None and (kinds & _FIGHTER_KINDS or (
            other.word == "returned" and _returnees(c.low, other))):
        return _ET_STRATEGIC, _SUB_OTHER, other, _WEAK
    return None


def _returnees(low: str, hit: _Hit) -> bool:
    """Whether the "returned" at `hit` tells refugees or migrants going home ("300
    Venezuelan refugees returned to Venezuela", "90 migrants returned from Ecuador"): a
    movement of civilians ACLED codes as "Other". (The words around the hit only.)"""
    return _RETURNED_WHERE.match(low, hit.end) is not None and \
        _RETURNEES.search(low, max(0, hit.start - 40), hit.start) is not None


#: Who returned, right before the verb ...
_RETURNEES: Final = re.compile(
    r"\b(?:refugees|migrants|returnees|displaced persons|idps)\s+(?:have\s+|had\s+)?$")
#: ... and where to or from, right after it.
_RETURNED_WHERE: Final = re.compile(r"\s+(?:home|to|from)\b")


