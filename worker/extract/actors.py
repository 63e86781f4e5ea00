"""Actor mentions and ACLED actor1/actor2, by an alias table.

One Aho-Corasick automaton, compiled at import, holds every alias: named armed groups by their
ACLED names (Taliban, Islamic State provinces, Al Shabaab, JNIM, NAF, NRF, cartels...), state
forces by acronym ("FARDC", "KDF", "LNA"), and generic nouns ("soldiers", "gunmen",
"villagers", "protesters") whose country comes from a demonym next to them ("Afghan
soldiers", "military forces of India") or from the text's country. Names follow ACLED:
"Military Forces of Kenya", "Police Forces of Kenya", "Civilians (Kenya)",
"Protesters (Kenya)", "Rioters (Kenya)", "Unidentified Armed Group (Kenya)",
"Pokot Ethnic Militia (Kenya)" (regime years are left out).

Aliases are matched case-insensitively on word boundaries, except those written with a
leading "=" which must appear with exactly that case (acronyms such as "IS" or "AA" that
collide with common words). A named group's name may depend on the text's country
("Islamic State (*)" becomes "Islamic State (Iraq)" in Iraq).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Final, cast

from worker.extract.constants import (
    AT_CIVILIANS,
    AT_EXTERNAL_FORCES,
    AT_IDENTITY_MILITIA,
    AT_POLITICAL_MILITIA,
    AT_PROTESTERS,
    AT_REBEL_GROUP,
    AT_RIOTERS,
    AT_STATE_FORCES,
    AT_UNIDENTIFIED,
    ET_BATTLES,
    ET_EXPLOSIONS,
    ET_PROTESTS,
    ET_RIOTS,
    ET_VIOLENCE_AGAINST_CIVILIANS,
    SUB_AGREEMENT,
    SUB_ARRESTS,
    SUB_CHANGE_TO_GROUP,
    SUB_DISRUPTED_WEAPONS_USE,
    SUB_GOVERNMENT_REGAINS_TERRITORY,
    SUB_GRENADE,
    SUB_LOOTING,
    SUB_NON_STATE_OVERTAKES_TERRITORY,
    SUB_OTHER,
    SUB_PEACEFUL_PROTEST,
    SUB_REMOTE_EXPLOSIVE,
    SUB_VIOLENT_DEMONSTRATION,
)
from worker.extract.countries import acled_country_name, country_code
from worker.extract.keyscan import READ_ASCII, Automaton, make_automaton
from worker.extract.types import ActorMention, Classification
from worker.models import ActorType, SubEventType

# ============================================================================ alias tables

R = AT_REBEL_GROUP
P = AT_POLITICAL_MILITIA
I = AT_IDENTITY_MILITIA  # noqa: E741
E = AT_EXTERNAL_FORCES
S = AT_STATE_FORCES

#: (ACLED name, actor type, home country or None, aliases separated by "|").
#: A name may be a mapping "CC=Name;CC=Name;*=Default" chosen by the country context.
NAMED: Final[tuple[tuple[str, ActorType, str | None, str], ...]] = (
    # ---------------------------------------------------------------- Afghanistan, Pakistan
    ("Taliban", R, "AF", "taliban|talibans|islamic emirate|haqqani network|haqqani"),
    ("Taliban - Red Unit", R, "AF", "taliban red unit|red unit"),
    ("NRF: National Resistance Front", R, "AF",
     "nrf|national resistance front|anti-taliban force|anti-taliban forces|"
     "anti-taliban resistance|taliban-resistant forces|taliban-resistant force|"
     "taliban resistant forces|resistance front|panjshir resistance|resistance forces|"
     "national resistance forces|national resistance force|national resistance"),
    ("TTP: Tehreek-i-Taliban Pakistan", R, "PK",
     "ttp|tehreek-i-taliban|tehrik-i-taliban|tehreek-e-taliban|tehrik-e-taliban|"
     "pakistani taliban|tehrik-i-taliban pakistan"),
    ("BLA: Balochistan Liberation Army", R, "PK",
     "bla|balochistan liberation army|baloch liberation army|baloch militants|"
     "baloch separatists|blf|balochistan liberation front|baloch liberation front"),
    ("LeT: Lashkar-e-Taiba", R, "PK", "lashkar-e-taiba|lashkar-e-toiba|=LeT|lashkar"),
    ("JeM: Jaish-e-Mohammed", R, "PK", "jaish-e-mohammed|jaish-e-muhammad|=JeM|jaish"),
    ("Hizbul Mujahideen", R, "IN", "hizbul mujahideen|hizb-ul-mujahideen|hm militants"),
    ("TRF: The Resistance Front", R, "IN", "trf|the resistance front"),
    ("Islamic State (*)", R, None,
     "islamic state|=IS|isis|isil|daesh|daish|dawlah islamiyah|is-affiliated|is-linked|"
     "is-planted|isis-linked|isis-affiliated|daesh-affiliated|is militants|isis militants"),
    ("Islamic State (Afghanistan)", R, "AF",
     "=ISKP|iskp|is-k|isis-k|is-kp|islamic state khorasan|islamic state khorasan province|"
     "islamic state of khorasan|khorasan province|islamic state-khorasan|daesh-khorasan"),
    ("Islamic State (West Africa)", R, "NG",
     "=ISWAP|iswap|islamic state west africa|islamic state west africa province|"
     "islamic state's west africa province|islamic state in west africa|"
     "islamic state west africa province (iswap)"),
    ("Islamic State (Greater Sahara)", R, "ML",
     "=ISGS|isgs|islamic state in the greater sahara|islamic state greater sahara|"
     "islamic state sahel|islamic state in greater sahara|islamic state sahel province|"
     "islamic state in the sahel|=EIGS|eigs"),
    ("Islamic State (Egypt)", R, "EG",
     "is sinai|sinai province|wilayat sinai|islamic state sinai province|"
     "islamic state's sinai province|ansar bayt al-maqdis"),
    ("Islamic State (Central Africa)", R, "CD",
     "=ISCAP|iscap|islamic state central africa|islamic state central africa province"),
    ("SEPARATISTS", R, None, "separatists|separatist forces|separatist fighters|"
     "separatist militants"),
    ("Al Qaeda", R, None, "al qaeda|al-qaeda|al qaida|al-qaida|alqaeda"),
    ("AQAP: Al Qaeda in the Arabian Peninsula", R, "YE",
     "aqap|al qaeda in the arabian peninsula|al-qaeda in the arabian peninsula|"
     "ansar al-sharia|ansar al sharia"),
    ("AQIM: Al Qaeda in the Islamic Maghreb", R, None,
     "aqim|al qaeda in the islamic maghreb|al-qaeda in the islamic maghreb"),
    # ---------------------------------------------------------------- Sahel, West Africa
    ("JNIM: Group for Support of Islam and Muslims", R, "ML",
     "jnim|gsim|jama'at nusrat al-islam wal-muslimin|jamaat nusrat al-islam wal muslimin|"
     "nusrat al-islam|group for the support of islam and muslims|"
     "group for support of islam and muslims|katiba macina|katiba serma|ansar dine|"
     "al-mourabitoun|al mourabitoun|support group for islam and muslims"),
    ("Ansaroul Islam", R, "BF", "ansaroul islam|ansarul islam|ansar ul islam"),
    ("VDP: Volunteers for the Defense of the Homeland", P, "BF",
     "vdp|vdps|volunteer fighters|homeland defence volunteers|homeland defense volunteers|"
     "volunteers for the defense of the homeland|volunteers for the defence of the homeland|"
     "volunteers for the defense of the fatherland|volunteers for the defence of the fatherland"),
    ("Koglweogo Militia", I, "BF", "koglweogo|kogleweogo"),
    ("Dan Na Ambassagou", I, "ML", "dan na ambassagou|dan nan ambassagou|dana ambassagou"),
    ("Dozo Communal Militia (*)", I, None, "dozo|dozos|donso|donsos|dozo hunters|dozo militia"),
    ("CMA: Coordination of Azawad Movements", R, "ML",
     "=CMA|coordination of azawad movements|coordination of movements of azawad|mnla|hcua"),
    ("GATIA: Imghad Tuareg and Allies Self-Defense Group", P, "ML", "gatia"),
    ("Boko Haram - Jamatu Ahli is-Sunnah lid-Dawatai wal-Jihad", R, "NG",
     "boko haram|boko-haram|bokoharam|=JAS|jama'atu ahlis sunna|jamatu ahli is-sunnah|"
     "shekau faction|shekau"),
    ("Ansaru", R, "NG", "ansaru"),
    ("IPOB: Indigenous People of Biafra", P, "NG",
     "ipob|indigenous people of biafra|indigenous peoples of biafra|biafra separatists|"
     "=ESN|eastern security network"),
    ("CJTF: Civilian Joint Task Force", P, "NG", "cjtf|civilian jtf|civilian joint task force"),
    ("Amotekun Corps", P, "NG", "amotekun"),
    ("Niger Delta Avengers", R, "NG", "niger delta avengers|nda militants"),
    ("Ambazonian Separatists", R, "CM",
     "ambazonian separatists|ambazonia separatists|ambazonian|ambazonia|amba boys|amba fighters|"
     "anglophone separatists|ambazonia defence forces|ambazonia defense forces|"
     "ambazonian defence forces|restoration forces"),
    # ---------------------------------------------------------------- Horn, East Africa
    ("Al Shabaab", R, "SO",
     "al shabaab|al-shabaab|al shabab|al-shabab|alshabaab|alshabab|shabaab|shabab|"
     "harakat al-shabaab|harakat al shabaab|al shabaab's|al-shabaab's"),
    ("Islamic State (Somalia)", R, "SO", "islamic state somalia|isis-somalia|isis somalia"),
    ("AMISOM: African Union Mission in Somalia", E, "SO",
     "amisom|atmis|african union mission in somalia|african union troops|au troops|"
     "african union forces|au forces|au peacekeepers|african union peacekeepers"),
    ("ASWJ: Ahlu Sunna Wal Jama'a", P, "SO", "aswj|ahlu sunna wal jama'a|ahlu sunna waljama'a"),
    ("Mungiki Militia", P, "KE", "mungiki|mungiki sect|mungiki gang"),
    ("MRC: Mombasa Republican Council", P, "KE", "mrc|mombasa republican council"),
    ("SLDF: Sabaot Land Defence Force", P, "KE",
     "sldf|sabaot land defence force|sabaot land defense force|sabaot militia|"
     "sabaot land defence forces"),
    ("Chinkororo Militia", P, "KE", "chinkororo"),
    ("Sungu Sungu Militia", P, "KE", "sungu sungu|sungusungu"),
    ("ODM: Orange Democratic Movement", P, "KE", "odm|orange democratic movement"),
    ("TNA: The National Alliance", P, "KE", "tna|the national alliance"),
    ("PNU: Party of National Unity", P, "KE", "pnu|party of national unity"),
    ("Jubilee Party", P, "KE", "jubilee|jubilee party"),
    ("OLF: Oromo Liberation Front", R, "ET",
     "olf|oromo liberation front|=OLA|oromo liberation army|olf-shane|olf shane|shene"),
    ("TPLF: Tigray People's Liberation Front", R, "ET",
     "tplf|tigray people's liberation front|tigray peoples liberation front|tigray forces|"
     "tigrayan forces|tdf|tigray defense forces|tigray defence forces"),
    ("Fano Militia", I, "ET", "fano"),
    ("SPLM/A-IO: Sudan People's Liberation Movement/Army (In Opposition)", R, "SS",
     "splm-io|spla-io|splm/a-io|splm-a-io|splm io|spla io|splm/a-io|spla in opposition|"
     "sudan people's liberation army in opposition|riek machar forces|machar forces"),
    ("NAS: National Salvation Front", R, "SS", "=NAS|national salvation front"),
    ("White Army", I, "SS", "white army"),
    ("SLM/A: Sudan Liberation Movement/Army", R, "SD",
     "slm/a|=SLA|=SLM|sudan liberation army|sudan liberation movement|slm-aw|sla-aw|"
     "slm-mm|sla-mm"),
    ("JEM: Justice and Equality Movement", R, "SD", "justice and equality movement"),
    ("SPLM-N: Sudan People's Liberation Movement-North", R, "SD",
     "splm-n|spla-n|sudan people's liberation movement-north|"
     "sudan people's liberation movement north"),
    ("Janjaweed Militia", P, "SD", "janjaweed|janjawid"),
    ("Military Forces of Sudan (2019-) Rapid Support Forces", S, "SD",
     "rsf|rapid support forces|rapid support force"),
    # ---------------------------------------------------------------- Central Africa
    ("ADF: Allied Democratic Forces", R, "CD", "adf|allied democratic forces|adf-nalu|adf rebels"),
    ("M23: March 23 Movement", R, "CD", "m23|march 23 movement|mouvement du 23 mars|m23 rebels"),
    ("CODECO: Cooperative for Development of Congo", P, "CD", "codeco|urdpc"),
    ("FDLR: Democratic Forces for the Liberation of Rwanda", R, "CD",
     "fdlr|democratic forces for the liberation of rwanda"),
    ("Mayi Mayi Militia", P, "CD",
     "mai-mai|mai mai|mayi-mayi|mayi mayi|maï-maï|raia mutomboki|nyatura|apcls|ndc-r|"
     "nduma defence of congo|nduma defense of congo|mai-mai militia|mayi-mayi militia"),
    ("Twirwaneho", I, "CD", "twirwaneho"),
    ("FRPI: Patriotic Resistance Front of Ituri", R, "CD",
     "frpi|patriotic resistance front of ituri"),
    ("Kamuina Nsapu Militia", I, "CD", "kamuina nsapu|kamwina nsapu"),
    ("MONUSCO: United Nations Organization Stabilization Mission in the Democratic Republic "
     "of Congo", E, "CD", "monusco"),
    ("CNDD-FDD-Imbonerakure: National Council for the Defence of Democracy (Imbonerakure "
     "Faction)", P, "BI", "imbonerakure|imbonerakures|cndd-fdd youth|cndd-fdd militants"),
    ("CNL: National Congress for Freedom", P, "BI",
     "cnl|national congress for freedom|national congress for liberty"),
    ("RED-Tabara", R, "BI", "red-tabara|red tabara"),
    ("FNL: National Forces of Liberation", R, "BI", "fnl|national forces of liberation"),
    ("FPRC: Popular Front for the Renaissance of Central Africa", R, "CF",
     "fprc|popular front for the renaissance of central africa|popular front for the rebirth "
     "of central africa"),
    ("UPC: Union for Peace in the Central African Republic", R, "CF",
     "=UPC|union for peace in the central african republic|union for peace in central africa"),
    ("3R: Return, Reclamation, Rehabilitation", R, "CF", "3r|return, reclamation, rehabilitation"),
    ("RPRC: Patriotic Movement for the Rebirth of the Central African People", R, "CF", "rprc"),
    ("MPC: Patriotic Movement for Central Africa", R, "CF", "=MPC"),
    ("Anti-Balaka", P, "CF", "anti-balaka|antibalaka|anti balaka"),
    ("Ex-Seleka", R, "CF", "ex-seleka|seleka"),
    ("MINUSCA: United Nations Multidimensional Integrated Stabilization Mission in the "
     "Central African Republic", E, "CF", "minusca"),
    ("Wagner Group", E, None, "wagner group|wagner|wagner mercenaries|russian mercenaries"),
    ("Islamist Militia (Mozambique)", R, "MZ",
     "ahlu sunna wal jamaa|ahl al-sunna wal jamaa|insurgents in cabo delgado|mashababos|"
     "machababos"),
    ("Dyck Advisory Group", E, "MZ", "dyck advisory group|dyck"),
    ("Renamo Military Junta", R, "MZ", "renamo military junta|renamo junta|renamo"),
    # ---------------------------------------------------------------- Middle East, North Africa
    ("HTS: Hayat Tahrir al Sham", R, "SY",
     "hts|hayat tahrir al-sham|hayat tahrir al sham|tahrir al-sham|tahrir al sham|"
     "hayat tahrir al-sham's|al-nusra|nusra front|jabhat al-nusra|al-nusra front|"
     "jabhat fateh al-sham"),
    ("QSD: Syrian Democratic Forces", R, "SY",
     "qsd|sdf|syrian democratic forces|ypg|ypj|people's protection units|"
     "kurdish-led forces|kurdish-led sdf"),
    ("Opposition Rebels (Syria)", R, "SY",
     "opposition factions|opposition rebels|opposition fighters|opposition groups|"
     "rebel factions|armed opposition|free syrian army|fsa|national front for liberation|"
     "opposition forces|opposition's|turkish-backed factions|turkish-backed rebels|"
     "turkish-backed opposition|syrian national army|turkish-backed syrian national army"),
    ("Sultan Murad Division", R, "SY", "sultan murad division|sultan murad brigade|sultan murad"),
    ("Hamza Division", R, "SY", "hamza division|al-hamza division"),
    ("Al Sham Corps", R, "SY", "al sham corps|faylaq al-sham|faylaq al sham|sham legion"),
    ("Ahrar al Sham", R, "SY", "ahrar al-sham|ahrar al sham"),
    ("Jaish al Islam", R, "SY", "jaish al-islam|jaysh al-islam|jaish al islam"),
    ("Hurras al Din", R, "SY", "hurras al-din|hurras al din|hurras ad-din"),
    ("Turkistan Islamic Party", R, "SY", "turkistan islamic party|=TIP"),
    ("Operation Peace Spring", E, "SY", "operation peace spring|peace spring|=OPS"),
    ("Military Forces of Iraq (2018-) Popular Mobilization Forces", S, "IQ",
     "pmf|pmu|popular mobilization forces|popular mobilisation forces|popular mobilization units|"
     "popular mobilisation units|hashd al-shaabi|hashd al shaabi|al-hashd al-shaabi|hashd|"
     "tmf|tribal mobilization forces|tribal mobilisation forces"),
    ("Military Forces of Iraq (2018-) Peshmerga - Kurdistan Regional Government", S, "IQ",
     "peshmerga|pêşmerge|kurdish peshmerga"),
    ("Kataib Hezbollah", P, "IQ", "kataib hezbollah|kata'ib hezbollah|kataib hizbollah"),
    ("Asaib Ahl al Haq", P, "IQ", "asaib ahl al-haq|asa'ib ahl al-haq|asaib ahl al haq"),
    ("Children of Fire", P, "TR", "children of fire|children of fire initiative"),
    ("PKK: Kurdistan Workers Party", R, "TR",
     "pkk|kurdistan workers party|kurdistan workers' party|kurdistan worker's party|hpg|"
     "people's defense forces|people's defence forces|pkk's"),
    ("TAK: Kurdistan Freedom Hawks", R, "TR", "=TAK|kurdistan freedom hawks"),
    ("HBDH: Peoples United Revolutionary Movement", R, "TR",
     "hbdh|peoples' united revolutionary movement|peoples united revolutionary movement"),
    ("Military Forces of Yemen (2016-) Supreme Political Council", S, "YE",
     "houthi|houthis|al-houthi|al houthi|ansar allah|ansarallah|ansar-allah|pro-houthi|"
     "houthi-led|houthi militia|houthi militias|houthi rebels|houthi forces|houthi fighters|"
     "supreme political council"),
    ("Military Forces of Yemen (2012-)", S, "YE",
     "pro-hadi|hadi forces|pro-government forces in yemen|pro-islah|islah-affiliated|"
     "yemeni government forces|hadi government forces|pro-hadi forces|hadi loyalists"),
    ("STC: Southern Transitional Council", P, "YE",
     "stc|southern transitional council|pro-stc|security belt|security belt forces|"
     "southern resistance|southern separatists|shabwani elite|shabwani elite forces|"
     "hadrami elite|hadrami elite forces"),
    ("Giants Brigades", P, "YE", "giants brigades|al-amaliqa|amaliqa"),
    ("Operation Restoring Hope", E, "YE",
     "saudi-led coalition|saudi led coalition|arab coalition|saudi coalition|"
     "saudi-led military coalition|saudi-emirati coalition|coalition warplanes|"
     "coalition airstrikes|coalition air raids|coalition aircraft|coalition jets|"
     "operation restoring hope"),
    ("Hezbollah", P, "LB", "hezbollah|hizbollah|hizballah|hizbullah|hezbollah's"),
    ("Amal Movement", P, "LB", "amal movement"),
    ("Hamas Movement", R, "PS",
     "hamas|qassam brigades|al-qassam brigades|izz ad-din al-qassam|izz al-din al-qassam|"
     "ezzedine al-qassam"),
    ("PIJ: Palestinian Islamic Jihad", R, "PS",
     "palestinian islamic jihad|islamic jihad|al-quds brigades|al quds brigades|pij"),
    ("Settlers (Israel)", P, "IL", "israeli settlers|jewish settlers|settlers|settler"),
    ("Military Forces of Libya (2014-) Haftar Faction", S, "LY",
     "lna|libyan national army|haftar|haftar's|haftar forces|haftar's forces|pro-haftar|"
     "khalifa haftar|lnaf|libyan arab armed forces|laaf"),
    ("Military Forces of Libya (2016-) Government of National Accord", S, "LY",
     "gna|government of national accord|pro-gna|gna-aligned|gna-affiliated|volcano of rage|"
     "burkan al-ghadab|=GNU|government of national unity"),
    ("Military Forces of Iran (1989-) Islamic Revolutionary Guard Corps", S, "IR",
     "irgc|islamic revolutionary guard corps|revolutionary guards|revolutionary guard|"
     "quds force|basij"),
    ("Polisario Front", R, "EH", "polisario|polisario front"),
    # ---------------------------------------------------------------- Asia
    ("NPA: New People's Army", R, "PH",
     "npa|new people's army|new peoples army|new people’s army|cpp-npa|communist rebels|"
     "communist terrorist group|communist terrorist groups|communist guerrillas|"
     "communist insurgents|=CTG|=CTGs|red fighters"),
    ("MILF: Moro Islamic Liberation Front", R, "PH", "=MILF|moro islamic liberation front"),
    ("MNLF: Moro National Liberation Front", R, "PH", "=MNLF|moro national liberation front"),
    ("BIFF: Bangsamoro Islamic Freedom Fighters", R, "PH",
     "=BIFF|bangsamoro islamic freedom fighters|bangsamoro islamic freedom movement"),
    ("Abu Sayyaf Group", R, "PH", "abu sayyaf|abu sayyaf group|=ASG"),
    ("Maute Group", R, "PH", "maute|maute group"),
    ("ULA/AA: United League of Arakan/Arakan Army", R, "MM",
     "arakan army|=AA|ula/aa|united league of arakan|=ULA"),
    ("ARSA: Arakan Rohingya Salvation Army", R, "MM", "arsa|arakan rohingya salvation army"),
    ("KIA: Kachin Independence Army", R, "MM", "=KIA|kachin independence army|=KIO"),
    ("TNLA: Ta'ang National Liberation Army", R, "MM",
     "tnla|ta'ang national liberation army|taang national liberation army"),
    ("MNDAA: Myanmar National Democratic Alliance Army", R, "MM", "mndaa"),
    ("KNLA: Karen National Liberation Army", R, "MM",
     "knla|karen national liberation army|knu|karen national union"),
    ("RCSS/SSA-S: Restoration Council of Shan State/Shan State Army-South", R, "MM",
     "rcss|ssa-s|restoration council of shan state|shan state army-south"),
    ("PDF: People's Defense Force", R, "MM", "people's defense force|people's defence force"),
    ("Naxal-Maoist Rebels (India)", R, "IN",
     "naxal|naxals|naxalite|naxalites|maoist|maoists|cpi-maoist|cpi (maoist)|cpi(maoist)|"
     "maoist rebels|maoist insurgents|naxal-maoist"),
    ("PLFI: People's Liberation Front of India", R, "IN", "plfi|"
     "people's liberation front of india"),
    ("ULFA: United Liberation Front of Asom", R, "IN", "ulfa|united liberation front of asom"),
    ("NSCN: National Socialist Council of Nagaland", R, "IN",
     "nscn|nscn-im|nscn-k|nscn(im)|nscn (im)|national socialist council of nagaland"),
    ("Militia (Pro-Government)", P, None,
     "pro-government militia|pro-government militias|pro-government militiamen|"
     "pro-government militia members|pro-government uprising forces|uprising forces|"
     "arbakai|local police militia"),
    # ---------------------------------------------------------------- Americas
    ("ELN: National Liberation Army", R, "CO",
     "=ELN|national liberation army|ejercito de liberacion nacional|"
     "ejército de liberación nacional"),
    ("FARC Dissidents", R, "CO",
     "farc dissidents|farc dissident|dissidents of the farc|farc-ep dissidents|farc|farc-ep|"
     "dissident farc|segunda marquetalia"),
    ("Gulf Clan", P, "CO",
     "gulf clan|clan del golfo|clan del golfo's|=AGC|autodefensas gaitanistas|"
     "gaitanista self-defense forces|urabenos|urabeños|los urabenos"),
    ("EPL: Popular Liberation Army", R, "CO", "=EPL|popular liberation army|los pelusos|pelusos"),
    ("Los Caparros", P, "CO", "los caparros|caparros|caparrapos|los caparrapos"),
    ("Los Rastrojos", P, "CO", "los rastrojos|rastrojos"),
    ("CJNG: Jalisco New Generation Cartel", P, "MX",
     "cjng|jalisco new generation cartel|jalisco cartel|cartel jalisco nueva generacion|"
     "cártel jalisco nueva generación|new generation jalisco cartel"),
    ("Sinaloa Cartel", P, "MX", "sinaloa cartel|cartel de sinaloa|cártel de sinaloa"),
    ("Gulf Cartel", P, "MX", "gulf cartel|cartel del golfo|cártel del golfo|=CDG"),
    ("Los Zetas", P, "MX", "los zetas|zetas|cartel del noreste|cártel del noreste|=CDN"),
    ("Santa Rosa de Lima Cartel", P, "MX", "santa rosa de lima cartel|"
     "cartel de santa rosa de lima"),
    ("La Familia Michoacana", P, "MX", "la familia michoacana|familia michoacana"),
    ("Los Viagras Gang", P, "MX", "los viagras|viagras|los viagra"),
    ("Gente Nueva Gang", P, "MX", "gente nueva"),
    ("Knights Templar Cartel", P, "MX", "knights templar|caballeros templarios"),
    ("Guerreros Unidos", P, "MX", "guerreros unidos"),
    ("La Linea Gang", P, "MX", "la linea|la línea"),
    ("Beltran Leyva Cartel", P, "MX", "beltran leyva|beltrán leyva"),
    ("Carteles Unidos", P, "MX", "carteles unidos|cárteles unidos"),
    ("Union Tepito Gang", P, "MX", "union tepito|unión tepito"),
    ("MS-13: Mara Salvatrucha", P, "SV", "ms-13|ms13|mara salvatrucha|ms 13"),
    ("B-18: Barrio-18", P, "SV",
     "barrio 18|barrio-18|b-18|18th street gang|calle 18|mara 18|m-18"),
    ("PCC: First Capital Command", P, "BR",
     "=PCC|primeiro comando da capital|first capital command"),
    ("CV: Red Command", P, "BR", "comando vermelho|red command|=CV"),
    ("TCP: Pure Third Command", P, "BR", "terceiro comando puro|pure third command|=TCP"),
    ("ADA: Friends of Friends", P, "BR", "amigos dos amigos"),
    ("Colectivos", P, "VE", "colectivos|colectivo|armed colectivos"),
    ("Shining Path", R, "PE", "shining path|sendero luminoso"),
    ("EPP: Paraguayan People's Army", R, "PY", "=EPP|paraguayan people's army|"
     "paraguayan peoples army"),
    ("Anti-Drug Vigilantes (Philippines)", P, "PH",
     "anti-drug vigilantes|vigilante gunmen|anti-drug vigilante|drug vigilantes|vigilante-style|"
     "vigilante-style killing|vigilante-style attack|vigilante-style killings"),
    # ---------------------------------------------------------------- Europe, Caucasus
    ("NAF: United Armed Forces of Novorossiya", R, "UA",
     "=NAF|novorossiya|=DPR|=LPR|donetsk people's republic|luhansk people's republic|"
     "lugansk people's republic|russian-backed separatists|pro-russian separatists|"
     "russia-backed separatists|pro-russia separatists|donbass people's militia|"
     "donbas people's militia|people's militia of the dpr|people's militia of the lpr|"
     "lpr people's militia|dpr people's militia"),
    ("Military Forces of Artsakh", S, "AZ",
     "artsakh|nagorno-karabakh defense army|nagorno-karabakh defence army|karabakh forces|"
     "nagorno-karabakh forces|armed forces of artsakh|artsakh defense army|=NKR"),
    ("New IRA", R, "GB", "new ira|real ira|continuity ira"),
    ("UVF: Ulster Volunteer Force", P, "GB", "uvf|ulster volunteer force"),
    ("UDA: Ulster Defence Association", P, "GB", "uda|ulster defence association"),
    # ---------------------------------------------------------------- international
    ("NATO: North Atlantic Treaty Organization", E, None,
     "nato|isaf|resolute support|nato-led|nato forces|nato troops"),
    ("Operation Inherent Resolve", E, None,
     "us-led coalition|u.s.-led coalition|international coalition|global coalition|"
     "anti-isis coalition|anti-is coalition|operation inherent resolve"),
    ("MINUSMA: United Nations Multidimensional Integrated Stabilization Mission in Mali", E, "ML",
     "minusma"),
    ("UNMISS: United Nations Mission in South Sudan", E, "SS", "unmiss"),
    ("UNIFIL: United Nations Interim Force in Lebanon", E, "LB", "unifil"),
    ("Military Forces of France", S, "FR",
     "barkhane|operation barkhane|barkhane forces|french barkhane|takuba|task force takuba"),
    ("MNJTF: Multinational Joint Task Force", E, None,
     "mnjtf|multinational joint task force|multi-national joint task force"),
    ("G5 Sahel Joint Force", E, None, "g5 sahel|g5 sahel joint force|g5-sahel"),
    # air power no one claims: only states fly warplanes (ACLED names no armed group)
    ("Unidentified Military Forces", E, None,
     "unidentified military forces|unidentified warplanes|unidentified warplane|"
     "unknown warplanes|unknown warplane|unidentified aircraft|unknown aircraft|"
     "unidentified jets|unknown jets|unidentified fighter jets|unknown fighter jets"),
)

#: State forces known by a name or acronym: (alias, country code, "mil"/"pol", unit suffix).
STATE_ALIASES: Final[tuple[tuple[str, str, str, str], ...]] = (
    # Afghanistan
    ("ana|andsf|ansf|afghan national army|afghan national defense and security forces|"
     "afghan national defence and security forces|afghan national security forces|"
     "afghan security forces|afghan army|afghan forces|afghan troops|afghan soldiers|"
     "afghan commandos|afghan special forces|afghan military|afghan air force", "AF", "mil", ""),
    ("anp|afghan national police|afghan local police|alp|afghan police", "AF", "pol", ""),
    ("nds|national directorate of security", "AF", "mil", "National Directorate of Security"),
    # Africa
    ("fardc|armed forces of the democratic republic of congo|congolese army|"
     "congolese soldiers|congolese military", "CD", "mil", ""),
    ("=PNC|congolese national police|congolese police", "CD", "pol", ""),
    ("updf|uganda people's defence force|uganda people's defense force|"
     "ugandan army", "UG", "mil", ""),
    ("kdf|kenya defence forces|kenya defense forces|kenyan army|kenyan military|kenyan troops|"
     "kenyan soldiers", "KE", "mil", ""),
    ("gsu|general service unit|administration police|kenya police reserve|kpr|atpu|"
     "anti-terror police unit|anti-terrorism police unit|flying squad|kenya police|"
     "kenyan police|rapid deployment unit|recce squad|dci|directorate of criminal investigations",
     "KE", "pol", ""),
    ("=SNA|somali national army|somali army|somali forces|somali government forces|"
     "somali soldiers|somali troops|danab|somali military", "SO", "mil", ""),
    ("somali police|somali police force|darawish", "SO", "pol", ""),
    ("jubaland forces|jubaland security forces|jubaland troops", "SO", "mil", "Jubaland"),
    ("puntland forces|puntland security forces|puntland troops|pmpf|puntland dervish forces|"
     "puntland dervish force|puntland dervish|dervish forces", "SO", "mil", "Puntland"),
    ("somaliland forces|somaliland army|somaliland troops", "SO", "mil", "Somaliland"),
    ("fama|malian armed forces|malian army|malian soldiers|malian troops|malian military",
     "ML", "mil", ""),
    ("burkinabe army|burkinabe soldiers|burkinabe forces|burkinabe troops|"
     "burkinabe military|burkinabè army", "BF", "mil", ""),
    ("nigerien army|nigerien soldiers|nigerien forces|nigerien troops|fds-niger", "NE", "mil", ""),
    ("nigerian army|nigerian military|nigerian troops|nigerian soldiers|nigerian air force|"
     "naf jets|"
     "operation lafiya dole|operation hadin kai|operation safe haven|=JTF",
     "NG", "mil", ""),
    ("nigerian police|nigeria police|nigeria police force|npf|nscdc|civil defence corps|"
     "anti-robbery squad|sars", "NG", "pol", ""),
    ("sspdf|south sudan people's defence forces|south sudan people's defense forces|"
     "south sudanese army|spla", "SS", "mil", ""),
    ("sudanese armed forces|sudanese army|sudanese military|sudanese soldiers", "SD", "mil", ""),
    ("endf|ethiopian national defense force|ethiopian national defence force|ethiopian army|"
     "ethiopian military|ethiopian troops|ethiopian soldiers|ethiopian federal forces|"
     "oromia special forces|oromia police|amhara special forces|liyu police|"
     "somali region special police", "ET", "mil", ""),
    ("burundian army|burundian soldiers|burundian military", "BI", "mil", ""),
    ("faca|central african armed forces|central african army", "CF", "mil", ""),
    ("fadm|mozambican army|mozambican armed forces|mozambican soldiers|mozambican troops|"
     "mozambican defence and security forces", "MZ", "mil", ""),
    ("=UIR|rapid intervention unit|mozambican police", "MZ", "pol", ""),
    ("cameroonian army|cameroonian soldiers|cameroonian military|cameroonian troops|=BIR|"
     "rapid intervention battalion", "CM", "mil", ""),
    ("chadian army|chadian soldiers|chadian troops|chadian military", "TD", "mil", ""),
    ("egyptian army|egyptian military|egyptian forces|egyptian troops|egyptian soldiers|"
     "egyptian armed forces", "EG", "mil", ""),
    ("zimbabwe republic police|zrp", "ZW", "pol", ""),
    ("saps|south african police service|south african police|metro police|jmpd",
     "ZA", "pol", ""),
    ("sandf|south african national defence force", "ZA", "mil", ""),
    ("fds|defence and security forces|defense and security forces", "", "mil", ""),
    # Middle East
    ("idf|israel defense forces|israel defence forces|israeli army|israeli military|"
     "israeli occupation forces|occupation forces|israeli soldiers|israeli troops|"
     "israeli forces|israeli air force|iof", "IL", "mil", ""),
    ("israeli police|israel police|israeli border police", "IL", "pol", ""),
    ("=MIT|national intelligence organization|turkish intelligence|turkish gendarmerie forces",
     "TR", "pol", ""),
    ("saa|syrian arab army|syrian army|syrian regime|regime forces|regime troops|"
     "regime soldiers|regime's forces|regime army|pro-regime forces|syrian government forces|"
     "assad forces|government of syria forces|regime militias|national defense forces|"
     "national defence forces|ndf|regime intelligence|regime's intelligence|syrian intelligence|"
     "air force intelligence|regime's state security|regime state security|"
     "regime's military security|syrian military intelligence", "SY", "mil", ""),
    ("=ISF|iraqi security forces|iraqi army|iraqi forces|iraqi troops|iraqi soldiers|"
     "iraqi military|counter-terrorism service|=CTS", "IQ", "mil", ""),
    ("iraqi police|federal police in iraq|rapid reaction forces|rapid reaction force|"
     "rapid response forces|emergency response division", "IQ", "pol", ""),
    ("lebanese army|lebanese armed forces|=LAF|lebanese soldiers|"
     "lebanese military", "LB", "mil", ""),
    ("turkish armed forces|=TSK|turkish army|turkish military|turkish soldiers|turkish troops|"
     "turkish forces|turkish jets|turkish warplanes|turkish drones|turkish gendarmerie",
     "TR", "mil", ""),
    # Asia
    ("bsf|border security force|crpf|central reserve police force|=ITBP|=SSB|sashastra seema bal|"
     "assam rifles|rashtriya rifles|cobra commandos|indian army|indian military|indian troops|"
     "indian soldiers|indian security forces|indian forces", "IN", "mil", ""),
    ("=DRG|district reserve guard|=STF", "IN", "pol", ""),
    ("frontier corps|levies|pakistani army|pakistan army|pakistani military|pakistani troops|"
     "pakistani soldiers|pakistani forces|pakistani security forces|ispr", "PK", "mil", ""),
    ("=CTD|counter-terrorism department|counter terrorism department", "PK", "pol", ""),
    ("tatmadaw|myanmar military|myanmar army|burmese military|burmese army|myanmar troops|"
     "myanmar soldiers|myanmar junta|military junta", "MM", "mil", ""),
    ("armed forces of the philippines|philippine army|philippine military|"
     "philippine marines|philippine troops|philippine soldiers", "PH", "mil", ""),
    ("pnp|philippine national police|philippine police|=CIDG|special action force|=SAF|"
     "police regional office", "PH", "pol", ""),
    ("=PLA|people's liberation army|chinese army|chinese troops", "CN", "mil", ""),
    # Americas
    ("fanb|bolivarian national armed forces|gnb|bolivarian national guard|national guard (gnb)|"
     "faes|special action forces|dgcim|directorate general of military counterintelligence|"
     "sebin|bolivarian national intelligence service|venezuelan army|venezuelan military",
     "VE", "mil", ""),
    ("pnb|bolivarian national police|venezuelan police|cicpc", "VE", "pol", ""),
    ("carabineros|chilean police|=PDI", "CL", "pol", ""),
    ("=SEDENA|=SEMAR|mexican army|mexican military|mexican navy|mexican soldiers|national guard "
     "in mexico|guardia nacional", "MX", "mil", ""),
    ("municipal police|ministerial police|state police|federal police|traffic police|"
     "civil police|highway police|prf|federal highway police|military police|"
     "transit police|city police|local police", "", "pol", ""),
    ("colombian army|colombian military|colombian soldiers|colombian troops|esmad|"
     "mobile anti-riot squadron", "CO", "mil", ""),
    ("brazilian army|brazilian military", "BR", "mil", ""),
    ("us military|u.s. military|us forces|u.s. forces|us troops|u.s. troops|american forces|"
     "american troops|us army|u.s. army|us air force|pentagon|us-led forces",
     "US", "mil", ""),
    ("russian forces|russian military|russian army|russian troops|russian soldiers|"
     "russian warplanes|russian jets|russian military police|russian aircraft|russian air force",
     "RU", "mil", ""),
    ("ukrainian army|ukrainian forces|ukrainian military|ukrainian troops|ukrainian soldiers|"
     "armed forces of ukraine|=AFU|ukrainian armed forces|government-controlled forces|"
     "governmental positions|government positions", "UA", "mil", ""),
    ("azerbaijani army|azerbaijani forces|azerbaijani military|azerbaijani soldiers|"
     "azerbaijani troops|azerbaijani armed forces", "AZ", "mil", ""),
    ("armenian army|armenian forces|armenian military|armenian soldiers|armenian troops",
     "AM", "mil", ""),
    ("french forces|french army|french military|french troops|french soldiers", "FR", "mil", ""),
)

#: Weapons and strikes that stand for a state's forces when a demonym binds them ("an Israeli
#: air strike", "U.S. drones", "Turkish artillery"); alone they name no one.
BOUND_WEAPONS: Final = (
    "air strike|air strikes|airstrike|airstrikes|air raid|air raids|drone strike|drone strikes|"
    "artillery|artillery fire|artillery shells|shelling|shells|missile|missiles|missile strike|"
    "missile strikes|jets|gunboats|warships|tanks|bombardment|drones|drone|"
    "positions|position|site|sites|base|bases"
)
#: Generic nouns for state forces (country from a demonym or the context).
MILITARY_NOUNS: Final = (
    "soldier|soldiers|troops|troop|army|military|armed forces|security forces|security force|"
    "government forces|government troops|government soldiers|state forces|military forces|"
    "defence forces|defense forces|national army|marines|navy|naval forces|air force|"
    "special forces|commandos|paratroopers|gendarmerie|gendarmes|gendarme|border guards|"
    "border guard|coast guard|army units|military units|servicemen|serviceman|"
    "federal forces|federal troops|pro-government forces|presidential guard|republican guard|"
    "presidential security guards|presidential security|presidential guards|"
    "security personnel|security agents|security officers|security operatives|"
    "military personnel|army personnel|warplanes|warplane|fighter jets|military aircraft|"
    "military helicopter|military helicopters|helicopter gunships|gunships|air forces|"
    "national guard|military intelligence|intelligence services|intelligence agents|"
    "joint forces|combined forces|government's forces|armed forces personnel|army troops|"
    "army soldiers|military troops|junta|militaries|sailors|rangers|"
    "counter-terrorism forces|counterterrorism forces|anti-terror forces|peacekeepers|"
    "military convoy|army convoy|military patrol|army patrol|military base|army base|"
    "military post|army post|military checkpoint|army checkpoint|military positions|"
    "military position|army positions|army position|garrison|barracks|military vehicle|"
    "military vehicles|army camp|military camp|pro-government fighters|govt forces|"
    "checkpoint|checkpoints|check point|check points|check-point|check-points|"
    "security checkpoint|security post|security posts|outpost|outposts|convoy|convoys|"
    "military supply convoy|supply convoy|patrol|patrols|military post|army post|"
    "govt soldiers|government positions|government's positions|troopers|guards|infantry|"
    "infantrymen"
)
POLICE_NOUNS: Final = (
    "police|policeman|policemen|policewoman|policewomen|police officer|police officers|"
    "police personnel|police forces|police force|riot police|cops|cop|constable|constables|"
    "law enforcement|law enforcement officers|law enforcement agents|officers|officer|"
    "police station|police post|police checkpoint|police patrol|police vehicle|police car|"
    "police officials|police agents|police units|prison guards|prison warders|warders|"
    "prison officers|wardens|police commander|police chief|policemen's|police's|"
    "anti-riot police|riot squad|detectives|detective|counter-terror police|"
    "counter-terrorism police|police sentries|sentries|sentry|police line|police lines|"
    "border police|border police officers|traffic officers|security guards at the police|"
    "forestry officials|forest officials|forestry officers|forest officers|forest guards|"
    "forest rangers|park rangers|wildlife rangers"
)
CIVILIAN_NOUNS: Final = (
    "civilian|civilians|villager|villagers|resident|residents|inhabitants|locals|"
    "man|woman|men|women|child|children|boy|boys|girl|girls|baby|infant|toddler|teen|teens|"
    "teenager|teenagers|minor|minors|youth|youths|young man|young men|young woman|young women|"
    "farmer|farmers|herder|herders|herdsman|herdsmen|pastoralist|pastoralists|trader|traders|"
    "merchant|merchants|shopkeeper|shopkeepers|vendor|vendors|shop owner|businessman|"
    "businessmen|businesswoman|driver|drivers|passenger|passengers|journalist|journalists|"
    "photojournalist|photojournalists|reporter|reporters|teacher|teachers|student|students|"
    "pupil|pupils|worshipper|worshippers|worshiper|worshipers|congregants|pastor|pastors|"
    "priest|priests|imam|imams|cleric|clerics|chief|chiefs|elder|elders|village head|"
    "village chief|village elder|local leader|community leader|traditional leader|"
    "doctor|doctors|nurse|nurses|health worker|health workers|aid worker|aid workers|"
    "humanitarian worker|humanitarian workers|ngo worker|ngo workers|ngo staff|staff|"
    "employee|employees|worker|workers|labourers|laborers|labourer|laborer|family|families|"
    "person|persons|people|individual|individuals|victim|victims|pedestrian|pedestrians|"
    "motorist|motorists|commuters|fishermen|fisherman|idp|idps|refugee|refugees|migrant|"
    "migrants|displaced persons|politician|politicians|councillor|councillors|councilor|"
    "councilors|mayor|mayors|candidate|candidates|activist|activists|blogger|bloggers|"
    "lawyer|lawyers|judge|judges|official|officials|local official|government official|"
    "election official|election officials|couple|wife|husband|son|sons|daughter|daughters|"
    "father|mother|brother|brothers|sister|relatives|relative|citizen|citizens|"
    "body|bodies|corpse|corpses|civil society|human rights defender|human rights defenders|"
    "suspect|suspects|drug suspect|drug suspects|thief|thieves|suspected thief|"
    "suspected thieves|detainee|detainees|prisoner|prisoners|inmate|inmates|hostages|"
    "tourist|tourists|foreigner|foreigners|expatriate|expatriates|cattle herders|"
    "village|villages|household|households|house|houses|home|homes|shop|shops|mosque|"
    "church|school|hospital|market|bus|minibus|vehicle|car|truck|motorbike|motorcycle|"
    "settlement|camp for displaced|idp camp|community|communities|worshippers'|"
    "nationals|engineer|engineers|contractor|contractors|construction workers|"
    "humanitarian|humanitarians|rights activist|party member|party members|supporter|"
    "supporters|member of parliament|=MP|=MPs|legislator|senator|governor|minister|"
    "businessmen|landowner|miner|miners|peasants|peasant|indigenous|tribal leader|"
    "social leader|social leaders|community leaders|environmental defender|"
    "land rights defender|villages'|man's|woman's|dead body|headman|muezzin|monk|monks|nun|"
    "member|members|bodyguard|bodyguards|parents|mothers|fathers|worshipers|shepherd|shepherds|"
    "mukhtar|village chief|sheikh|sheikhs|tribal elder|tribal elders|chieftain|director|"
    "principal|journalist's|pastor's|widow|widows|orphans|schoolchildren|school children|"
    "guard|watchman|farmworkers|agricultural workers|porters|gold miners|artisanal miners|"
    "road workers|traveler|travelers|traveller|travellers|pilgrims|mourners|guests|customers|"
    "residents'|villagers'|farmers'|riders|motorcyclists|boda boda riders|boda boda|"
    "taxi drivers|okada riders|bikers|operators|truckers|truck drivers|transporters|"
    "hawkers|street vendors|market women|nurses'|doctors'|retirees|pensioners|"
    "unemployed|jobless youths|graduates|squatters|tenants|evictees|muslims|christians|"
    "hindus|sikhs|catholics|muslim faithful|christian faithful|community members|"
    "volunteers|family members|family member|wives"
)
#: Property targets: attacking them hurts no one (looting/property destruction).
PROPERTY_NOUNS: Final = (
    "pipeline|pipelines|oil pipeline|tower|towers|mast|masts|telecommunication mast|"
    "telecommunications mast|cell tower|cellphone tower|bank|banks|bank branch|building|"
    "buildings|office|offices|property|properties|equipment|infrastructure|power line|"
    "power lines|pylon|pylons|antenna|antennas|oil field|oil well|oil wells|factory|"
    "factories|warehouse|warehouses|construction site|machinery|transmission towers|"
    "transmission tower|power station|substation|bridge|bridges|railway|rail line|"
    "statue|monument|billboard|atm|atms|petrol station|gas station|fuel station|store|"
    "stores|supermarket|supermarkets|company premises|premises|crops|farm|farms|plantation"
)
#: Demonyms used as nouns for people ("two Palestinians", "an Afghan").
DEMONYM_NOUNS: Final = (
    "afghan|palestinian|israeli|syrian|iraqi|somali|kenyan|nigerian|yemeni|iranian|indian|"
    "pakistani|libyan|egyptian|ethiopian|eritrean|ugandan|malian|cameroonian|mexican|"
    "venezuelan|colombian|brazilian|ukrainian|russian|american|bangladeshi|burundian|"
    "rwandan|tanzanian|sudanese|lebanese|congolese|burkinabe|nigerien|chadian|mozambican|"
    "filipino|turk|kurd|saudi|jordanian|tunisian|algerian|moroccan"
)
#: Civilian-type nouns that name a place or an object (targets, not people).
CIVILIAN_OBJECTS: Final = frozenset(
    ["village", "villages", "house", "houses", "home", "homes", "shop", "shops", "mosque",
     "church", "school", "hospital", "market", "bus", "minibus", "vehicle", "car", "truck",
     "motorbike", "motorcycle", "settlement", "household", "households", "community",
     "communities", "idp", "camp", "camp", "for", "displaced"]
)
PROTESTER_NOUNS: Final = (
    "protester|protesters|protestor|protestors|demonstrator|demonstrators|marchers|"
    "picketers|strikers|striking workers|protesting workers|protesting residents|"
    "protesting students|protesting farmers|protesting teachers|protesting doctors|"
    "protesting drivers|protesting traders|protesting youths|protesting villagers|"
    "sit-in participants|participants|crowd of protesters|group of protesters|"
    "anti-government protesters|opposition supporters|hunger strikers"
)
RIOTER_NOUNS: Final = (
    "rioter|rioters|mob|mobs|angry mob|irate mob|angry crowd|irate crowd|crowd|crowds|"
    "angry youths|irate youths|irate residents|angry residents|angry villagers|irate villagers|"
    "looters|vigilantes|vigilante|vigilante group|rampaging youths|rowdy youths|"
    "a group of youths|group of youths|mob of youth|youth mob|lynch mob|angry locals"
)
UNIDENTIFIED_NOUNS: Final = (
    "gunmen|gunman|armed men|armed man|unknown gunmen|unidentified gunmen|unknown gunman|"
    "unidentified gunman|assailant|assailants|unknown assailants|unidentified assailants|"
    "attacker|attackers|unknown attackers|unidentified attackers|armed individuals|"
    "armed individual|armed persons|armed person|armed group|armed groups|unidentified armed group|"
    "unknown armed group|militants|militant|armed militants|suspected militants|insurgents|"
    "insurgent|rebels|rebel|jihadists|jihadist|terrorists|terrorist|extremists|perpetrators|"
    "perpetrator|unknown persons|unknown people|unidentified men|unidentified persons|"
    "unidentified people|unidentified individuals|unknown individuals|unknown men|masked men|"
    "masked gunmen|hitmen|hit men|hitman|hired killers|armed robbers|robbers|bandits|"
    "armed bandits|kidnappers|abductors|raiders|cattle rustlers|rustlers|armed assailants|"
    "shooters|killers|arsonists|unknown arsonists|unidentified arsonists|suspected bandits|"
    "armed youths|fighters|militiamen|militia|militias|guerrillas|guerrilla|combatants|"
    "armed elements|unidentified armed men|unknown armed men|unidentified armed individuals|"
    "unknown armed individuals|unknown perpetrators|unidentified perpetrators|"
    "suspected insurgents|suspected rebels|suspected terrorists|suspected gunmen|"
    "suspected jihadists|islamist militants|islamist insurgents|islamists|islamist fighters|"
    "islamic militants|islamic insurgents|islamic fighters|islamist groups|islamist group|"
    "militant group|militant groups|armed militant group|insurgent group|jihadist group|"
    "terrorist group|extremist group|armed gang|armed gangs|"
    "jihadist militants|armed assailant|motorcycle-borne gunmen|bandit|criminal group|"
    "non-state armed group|unidentified drone|unknown drone|"
    "unidentified drones|sniper|snipers|unknown party|unknown parties|"
    "unidentified party|suspected militant|armed fighters|armed attackers"
)
GANG_NOUNS: Final = (
    "gang|gangs|gang members|gang member|gangsters|gangster|drug traffickers|drug trafficker|"
    "drug dealers|drug dealer|criminal gang|criminal gangs|criminals|criminal|cartel|cartels|"
    "cartel members|narcos|traffickers|criminal organization|criminal organisation|"
    "organized crime|organised crime|gang rivalry|rival gang|rival gangs|drug gang|drug gangs|"
    "police militia|militiamen in rio|milicia|thugs|goons|cultists|cult members|cult group|"
    "suspected cultists"
)
PRIVATE_NOUNS: Final = (
    "security guards|security guard|private security|private security guards|"
    "watchmen|private guards|company guards|private security forces|company security|"
    "company's security|company security personnel|company's security personnel|"
    "company's security guards|company's guards|firm's security guards|mine security|"
    "mine's security guards"
)
COMMUNAL_NOUNS: Final = (
    "communal militia|communal militias|local militia|local militias|local militiamen|"
    "village militia|village defence force|village defense force|self-defense group|"
    "self-defence group|self-defense groups|self-defence groups|self-defense militia|"
    "self-defence militia|community militia|hunters|vigilance committee|vigilance group|"
    "local vigilantes|local defence force|local defense force|ethnic militia|ethnic militias|"
    "tribal militia|tribal militias|tribesmen|tribal fighters|clan militia|clan militias|"
    "clan fighters|clansmen|sub-clan militia|clan militiamen|communal fighters"
)
GOVERNMENT_NOUNS: Final = (
    "government|authorities|ministry|governor's office|interior ministry|ministry of interior|"
    "cabinet|parliament|lawmakers|president|prime minister|governorate|prefecture|"
    "administration|state government|federal government|central government|local government|"
    "local authorities|municipality|city council|council|court"
)
#: Phrases that look like actors and are not ("military attire", "police station" as a place
#: is kept: it is a target).
SKIP_PHRASES: Final = (
    "military attire|military uniform|military uniforms|military fatigues|army uniform|"
    "army uniforms|police uniform|police uniforms|military-style|police-style|"
    "military hospital|military court|military courts|military tribunal|police report|"
    "police reports|police said|police say|police says|police sources|army said|"
    "military said|military sources|security sources|police statement|army statement|"
    "police spokesman|police spokesperson|army spokesman|military spokesman|"
    "government said|government spokesman|state media|state television|state-run|"
    "change to armed group|movement of forces|security measures|non-violent activity|"
    "sniper rifle|sniper rifles|sniper fire|sniper bullet|"
    "sniper bullets|military munitions|military equipment|military-grade|police brutality|"
    "police violence|police abuse|police abuses|police harassment|police excesses|"
    "police reform|police custody"
)
#: Ethnic names too common as other words to stand alone.
_AMBIGUOUS_ETHNIC: Final = frozenset(
    ["somali", "arab", "afar", "issa", "fur", "jie", "pian", "twa", "meru", "bantu", "hausa",
     "yoruba", "igbo", "naga", "bodo", "kuki", "luo", "nandi", "kamba", "fulani", "peul", "peulh",
     "mbororo", "fulbe", "baloch", "pashtun", "hazara", "kuchi", "oromo", "amhara", "tigrayan",
     "sidama", "bira", "nuba", "beja", "mossi", "songhai", "dogon", "bambara", "tuareg"])
#: Nouns that follow a group's name and belong to the same mention ("Taliban fighters").
HEAD_NOUNS: Final = frozenset(
    ["militants", "militant", "fighters", "fighter", "forces", "force", "members", "member",
     "militia", "militias", "militiamen", "rebels", "rebel", "insurgents", "insurgent",
     "jihadists", "jihadist", "gunmen", "gunman", "men", "troops", "soldiers", "elements",
     "supporters", "loyalists", "group", "groups", "units", "unit", "operatives", "cadres",
     "cadre", "combatants", "guerrillas", "positions", "position", "personnel", "officers",
     "affiliates", "recruits", "commanders", "commander", "leader", "leaders", "faction",
     "factions", "movement", "army", "police", "policemen", "attackers", "assailants", "raiders",
     "herdsmen", "herders", "warriors", "youths", "bandits", "suspects", "suspect",
     "sympathizers", "sympathisers", "terrorists", "terrorist", "members'", "drone", "drones",
     "sniper", "snipers"]
)
#: Definite noun phrases that point back to a group named earlier.
ANAPHORS: Final = (
    "the group|the militant group|the armed group|the terrorist group|the jihadist group|"
    "the insurgent group|the extremist group|the islamist group|the rebel group|"
    "the militants|the insurgents|the jihadists|the rebels|the extremists|the terrorists|"
    "the militia|the fighters|the organization|the organisation|the movement|"
    "the group's|the militant group's|the insurgency|the outfit"
)

#: Ethnic groups whose name + a fighting noun ("Pokot raiders") makes an ethnic militia.
ETHNIC_GROUPS: Final = (
    "fulani|peul|peulh|fulbe|mbororo|tiv|jukun|berom|hausa|yoruba|igbo|ijaw|itsekiri|urhobo|"
    "bachama|tarok|eggon|kuteb|agatu|idoma|adara|mambilla|bassa|irigwe|tiv-jukun|"
    "pokot|turkana|samburu|borana|boran|maasai|masai|kikuyu|luo|luhya|kalenjin|kisii|kuria|"
    "meru|kamba|mijikenda|orma|pokomo|garre|degodia|ajuran|murulle|marakwet|tugen|nandi|"
    "kipsigis|kipsigi|sabaot|bukusu|gabra|rendille|wardei|nyangatom|merille|dassanetch|"
    "somali|toposa|dinka|nuer|murle|shilluk|mundari|lou nuer|bul nuer|anyuak|anuak|"
    "oromo|amhara|gedeo|guji|gumuz|afar|issa|konso|qemant|sidama|wolayta|tigrayan|"
    "hema|lendu|twa|bantu|banyamulenge|bafuliiru|babembe|nande|hunde|bira|"
    "dogon|bambara|tuareg|mossi|songhai|daoussahak|"
    "masalit|misseriya|rizeigat|zaghawa|fur|hawazma|nuba|beja|beni amer|salamat|"
    "karamojong|dodoth|jie|matheniko|bokora|pian|"
    "konkomba|nawuri|gonja|mamprusi|kusasi|bimoba|chokosi|"
    "naga|kuki|meitei|bodo|santhal|adivasi|"
    "arab|kuchi|baloch|pashtun|hazara"
)
#: Where an ethnic group lives, for a text that names no country (groups living across
#: several countries, such as the Fulani, have none).
_ETHNIC_HOMES: Final[dict[str, str]] = {
    group: code for code, groups in (
        ("KE", "pokot|turkana|samburu|borana|boran|maasai|masai|kikuyu|luo|luhya|kalenjin|kisii|"
               "kuria|meru|kamba|mijikenda|orma|pokomo|garre|degodia|ajuran|murulle|marakwet|"
               "tugen|nandi|kipsigis|kipsigi|sabaot|bukusu|gabra|rendille|wardei"),
        ("SS", "toposa|dinka|nuer|murle|shilluk|mundari|lou nuer|bul nuer"),
        ("ET", "oromo|amhara|gedeo|guji|gumuz|konso|qemant|sidama|wolayta|tigrayan|nyangatom|"
               "dassanetch"),
        ("CD", "hema|lendu|banyamulenge|bafuliiru|babembe|nande|hunde|bira"),
        ("NG", "tiv|jukun|berom|bachama|tarok|eggon|kuteb|agatu|idoma|adara|mambilla|bassa|"
               "irigwe|itsekiri|urhobo|ijaw|tiv-jukun"),
        ("ML", "dogon|bambara|daoussahak"),
        ("SD", "masalit|misseriya|rizeigat|zaghawa|fur|hawazma|nuba|beja|salamat"),
        ("UG", "karamojong|dodoth|jie|matheniko|bokora|pian"),
        ("GH", "konkomba|nawuri|gonja|mamprusi|kusasi|bimoba|chokosi"),
        ("BF", "mossi"),
    ) for group in groups.split("|")
}
ETHNIC_HEADS: Final = (
    "militia|militias|militiamen|militia members|raiders|herders|herdsmen|pastoralists|"
    "bandits|warriors|youths|youth|gunmen|attackers|assailants|men|fighters|cattle rustlers|"
    "rustlers|morans|armed men|tribesmen|clansmen|vigilantes|ethnic militia|ethnic militias|"
    "community members|militants|armed youths|raiding party|mob|communities|clans|group|groups|"
    "sections|factions"
)


# ============================================================================ matching code

# What an alias table entry is (Final: the compiled core inlines them).
_KIND_NAMED: Final = 0
_KIND_MIL: Final = 1
_KIND_POL: Final = 2
_KIND_CIV: Final = 3
_KIND_OBJ: Final = 4
_KIND_PROT: Final = 5
_KIND_RIOT: Final = 6
_KIND_UNID: Final = 7
_KIND_GANG: Final = 8
_KIND_PRIV: Final = 9
_KIND_COMM: Final = 10
_KIND_GOV: Final = 11
_KIND_ETHN: Final = 12
_KIND_ANAPH: Final = 13
_KIND_HEAD: Final = 14
_KIND_CLAN: Final = 15
_KIND_PROP: Final = 16
_KIND_EBARE: Final = 17
_KIND_SKIP: Final = 18
#: A gate word's (`add_gate_words`): no actor; its `gate` holds the word's bits.
_KIND_GATE: Final = 19

#: Roles exported to the classifier (what an actor mention is, coarsely).
ROLE_STATE: Final = 0
ROLE_ARMED: Final = 1
ROLE_CIVILIAN: Final = 2
ROLE_OBJECT: Final = 3
ROLE_PROTESTER: Final = 4
ROLE_RIOTER: Final = 5
ROLE_GOVERNMENT: Final = 6
ROLE_CROWD: Final = 7
ROLE_PRIVATE: Final = 8
ROLE_PROPERTY: Final = 9


@dataclass(frozen=True, slots=True, eq=False)
class _Entry:
    kind: int
    name: str  # fixed ACLED name ("" for names built from a country)
    actor_type: ActorType
    country: str | None  # country the entry is tied to (home of a group, a state's forces)
    unit: str = ""  # state unit appended to "Military Forces of X"
    case: str = ""  # exact-case form the text must show ("" = any case)
    head: bool = False  # may follow a group's name inside the same mention
    local: bool = False  # an acronym only used near its home country
    home: str | None = None  # an ethnic group's country, when the text names none
    bound: bool = False  # a weapon that is an actor only with a demonym ("Israeli artillery")
    gate: int = 0  # the bits of a gate word's entry (kind _KIND_GATE)
    # ... the same int as an object, for the hits `gate_read` builds: the compiled core keeps
    # `gate` unboxed, and boxing it again makes a new int object for each hit (above 256)
    gate_object: int | None = None


class _Raw:
    """A phrase the alias table matched, as the scan binds and merges it. (A plain class: a
    dataclass's generated __init__ would run interpreted in the compiled core.)"""

    __slots__ = ("country", "end", "entry", "name", "start")

    def __init__(self, start: int, end: int, entry: _Entry, country: str | None,
                 name: str = "") -> None:
        self.start = start
        self.end = end
        self.entry = entry
        self.country = country  # country bound by a demonym or "of <Country>"
        self.name = name  # a name built from the text itself (clans)


#: ACLED coders' labels that open some notes ("Arrests: ...", "Movement of forces: ...").
LABEL: Final = re.compile(
    r"^\s*(movement of forces|change to armed group|change to group|security measures|"
    r"arrests?|non-violent activity|other|looting|property destruction|defusal|detonation|"
    r"weapons seizure|interception|headquarters established|base established|agreement|"
    r"non-violent transfer of territory|disrupted weapons use)\s*:", re.IGNORECASE)
_TRANSLATE: Final = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-",
                            "\u00a0": " "})
_FOLD: Final = (("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"'), ("–", "-"), ("—", "-"),
         ("\u00a0", " "))
_NON_WORD: Final = re.compile(r"[\W_]")


def lowered(text: str) -> str:
    """Lower-case `text` keeping every character at its offset (quotes and dashes folded)."""
    if text.isascii():
        return text.lower()
    for fancy, plain in _FOLD:
        if fancy in text:
            text = text.replace(fancy, plain)
    low = text.lower()
    if len(low) != len(text):
        low = "".join(ch.lower()[:1] or ch for ch in text.translate(_TRANSLATE))
    return low


_WORD_BYTES: Final = bytes(c if (48 <= c <= 57 or 97 <= c <= 122) else 32 for c in range(256))


def words_of(low: str) -> str:
    """`low` (lower case) with every non-alphanumeric character made a space, padded with one
    space at each end: an automaton key " word " then matches whole words only, and a match
    ending at index i of this string ends at index i - 1 of the text."""
    if low.isascii():
        return f" {low.encode('ascii').translate(_WORD_BYTES).decode('ascii')} "
    # each character outside ASCII becomes "?", then a space (the same offsets)
    replaced = low.encode("ascii", "replace")
    spaced = replaced.translate(_WORD_BYTES).decode("ascii")
    outside = _outside_ascii(low, replaced)
    if not any(low[at].isalpha() for at in outside):
        # only quotes, dashes and the like outside ASCII: each is a space
        return f" {spaced} "
    # (as `_NON_WORD.sub(" ", low)`, whose substitution costs ten times this a character)
    pieces: list[str] = []
    pos = 0
    for at in outside:
        if low[at].isalnum():  # a letter or a digit of its own: kept
            pieces.append(spaced[pos:at])
            pieces.append(low[at])
            pos = at + 1
    pieces.append(spaced[pos:])
    return f" {''.join(pieces)} "


def _outside_ascii(low: str, replaced: bytes) -> list[int]:
    """Where the characters of `low` outside ASCII are: the "?" of `replaced` (`low` encoded
    to ASCII, each such character replaced by "?") that are not a "?" of `low` (a search of
    the bytes for one byte, where a regex for them tries every position)."""
    out: list[int] = []
    at = replaced.find(b"?")
    while at >= 0:
        if low[at] != "?":
            out.append(at)
        at = replaced.find(b"?", at + 1)
    return out


def key_of(alias: str) -> str:
    """The automaton key of an alias: its words between single spaces."""
    return " " + " ".join(words_of(lowered(alias)).split()) + " "


_CROWD_WORDS: Final = frozenset(
    ["residents", "villagers", "locals", "inhabitants", "youths", "youth", "students", "workers",
     "traders", "supporters", "people", "citizens", "community", "communities", "drivers",
     "farmers", "crowd", "crowds", "merchants", "vendors", "prisoners", "inmates", "detainees",
     "fans", "labourers", "laborers", "employees", "riders", "motorcyclists", "boda", "bikers",
     "operators", "truckers", "transporters", "hawkers", "retirees", "pensioners", "unemployed",
     "graduates", "squatters", "tenants", "evictees", "teachers", "nurses", "doctors",
     "volunteers"]
)

_ENTRIES: Final[list[_Entry]] = []
_KEYS: Final[dict[str, list[_Entry]]] = {}


def _add(alias: str, entry: _Entry) -> None:
    alias = alias.strip()
    if not alias:
        return
    if alias.startswith("="):
        form = alias[1:]
        entry = _Entry(entry.kind, entry.name, entry.actor_type, entry.country, entry.unit,
                       form, entry.head, entry.local or (entry.country is not None
                                                         and " " not in form))
        alias = form
    key = key_of(alias)
    if len(key) != len(lowered(alias)) + 2:
        return  # punctuation inside the alias would not keep its length: unusable
    bucket = _KEYS.setdefault(key, [])
    if entry not in bucket:
        bucket.append(entry)


def _build() -> Automaton[_Value]:
    for name, actor_type, home, aliases in NAMED:
        for alias in aliases.split("|"):
            short = home is not None and " " not in alias.strip() and len(alias.strip()) <= 6
            _add(alias, _Entry(_KIND_NAMED, name, actor_type, home, local=short))
    for aliases, code, branch, unit in STATE_ALIASES:
        kind = _KIND_MIL if branch == "mil" else _KIND_POL
        for alias in aliases.split("|"):
            short = bool(code) and " " not in alias.strip() and len(alias.strip()) <= 6
            _add(alias, _Entry(kind, "", AT_STATE_FORCES, code or None, unit, local=short))
    for word in DEMONYM_NOUNS.split("|"):
        home = country_code(word.capitalize())
        if home is None:
            continue
        plural = word if word.endswith("ese") else f"{word}s"
        entry = _Entry(_KIND_CIV, "", AT_CIVILIANS, home)
        _add(plural, entry)
    for word in PROPERTY_NOUNS.split("|"):
        _add(word, _Entry(_KIND_PROP, "", AT_CIVILIANS, None))
    generic = (
        (MILITARY_NOUNS, _KIND_MIL, AT_STATE_FORCES),
        (POLICE_NOUNS, _KIND_POL, AT_STATE_FORCES),
        (PROTESTER_NOUNS, _KIND_PROT, AT_PROTESTERS),
        (RIOTER_NOUNS, _KIND_RIOT, AT_RIOTERS),
        (UNIDENTIFIED_NOUNS, _KIND_UNID, AT_UNIDENTIFIED),
        (GANG_NOUNS, _KIND_GANG, AT_POLITICAL_MILITIA),
        (PRIVATE_NOUNS, _KIND_PRIV, AT_POLITICAL_MILITIA),
        (COMMUNAL_NOUNS, _KIND_COMM, AT_IDENTITY_MILITIA),
        (CIVILIAN_NOUNS, _KIND_CIV, AT_CIVILIANS),
        (GOVERNMENT_NOUNS, _KIND_GOV, AT_STATE_FORCES),
        (ANAPHORS, _KIND_ANAPH, AT_UNIDENTIFIED),
    )
    for words, kind, actor_type in generic:
        for alias in words.split("|"):
            word = alias.lstrip("=")
            real_kind = _KIND_OBJ if kind == _KIND_CIV and word in CIVILIAN_OBJECTS else kind
            _add(alias, _Entry(real_kind, "", actor_type, None, head=word in HEAD_NOUNS))
    for word in BOUND_WEAPONS.split("|"):
        if key_of(word) not in _KEYS:
            _add(word, _Entry(_KIND_MIL, "", AT_STATE_FORCES, None, bound=True,
                              head=word in HEAD_NOUNS))
    for word in HEAD_NOUNS:
        if word not in _KEYS:
            _add(word, _Entry(_KIND_HEAD, "", AT_UNIDENTIFIED, None, head=True))
    fulani = {"peul", "peulh", "fulbe", "mbororo"}
    for group in ETHNIC_GROUPS.split("|"):
        label = "Fulani" if group in fulani else " ".join(
            part.capitalize() for part in group.replace("-", " - ").split()).replace(" - ", "-")
        label = {"Masai": "Maasai", "Boran": "Borana"}.get(label, label)
        _add(group, _Entry(_KIND_EBARE, f"{label} Ethnic Militia", AT_IDENTITY_MILITIA,
                           None, unit="ambiguous" if group in _AMBIGUOUS_ETHNIC else "",
                           home=_ETHNIC_HOMES.get(group)))
    for head in ETHNIC_HEADS.split("|"):
        if key_of(head) not in _KEYS:
            _add(head, _Entry(_KIND_HEAD, "", AT_UNIDENTIFIED, None, head=True))
    for phrase in SKIP_PHRASES.split("|"):
        _add(phrase, _Entry(_KIND_SKIP, "", AT_UNIDENTIFIED, None))
    return _compile()


#: The classifier's trigger keys, which ride on the same automaton (one pass per text).
_TRIGGERS: Final[dict[str, tuple[tuple[int, str, bool, str], ...]]] = {}

TriggerKeys = dict[str, tuple[tuple[int, str, bool, str], ...]]
#: One automaton match: (index of its last character in `words_of`, (key length,
#: actor entries, trigger keys)).
_Value = tuple[int, tuple[_Entry, ...], tuple[tuple[int, str, bool, str], ...]]
Match = tuple[int, _Value]
#: A match (or its value) read as a plain tuple: as a `Match`, the compiled core would unbox
#: the whole of it (the type of each part checked, its numbers converted) where a loop reads
#: one or two parts (as classify's `_triggers` does).
_Loose = tuple[object, ...]


class TextMemo:
    """The results of a function of a text for the texts met last (the keyword pass here,
    the events' reads of a sentence there). (A plain class: the
    compiled core reads and writes its dicts natively, where a call of an `lru_cache` goes
    through Python's calling machinery, its arguments packed in a tuple, ~400 instructions
    a hit.) Two generations of at most `size` texts each, so at most `2 * size` in all (the
    size of the `lru_cache` it replaced): the older is dropped when the newer is full, and a
    text met again in it is brought back. A text's result is the same whenever it is
    computed: what is kept changes the cost only. The text met last is kept apart as well,
    found by identity: most asks are for the sentence just asked about, as the same string
    object (two pointers compared, where the dicts hash a fresh string and look it up)."""

    __slots__ = ("last", "last_value", "new", "old", "size")

    def __init__(self, size: int) -> None:
        self.new: dict[str, object] = {}
        self.old: dict[str, object] = {}
        self.size = size
        # (the last text held here stays alive: no other string can take its place and id)
        self.last = ""
        self.last_value: object | None = None

    def get(self, text: str) -> object | None:
        """The result kept for `text`, or None."""
        if text is self.last:
            return self.last_value
        value = self.new.get(text)
        if value is None and self.old:  # (no second look-up before the first rotation)
            value = self.old.get(text)
            if value is not None:
                self.put(text, value)
        if value is not None:
            self.last = text
            self.last_value = value
        return value

    def put(self, text: str, value: object) -> None:
        if len(self.new) >= self.size:
            self.old = self.new
            self.new = {}
        self.new[text] = value
        self.last = text
        self.last_value = value

    def clear(self) -> None:
        self.new = {}
        self.old = {}
        self.last = ""
        self.last_value = None


class _Keyed:
    """A text's keyword pass as `_MATCHED` keeps it: its `matches` and, once asked for, its
    `gate_read`. (One entry a text for both: the gates kept apart cost each sentence a
    second look-up and entry, and a look-up of its matches besides, its long fresh string
    compared and stored twice; read here, the gates come straight from the matches.)"""

    __slots__ = ("hits", "matched", "present")

    def __init__(self, matched: tuple[str, str, list[Match]]) -> None:
        self.matched = matched
        self.present = 0
        self.hits: list[tuple[int, int, int]] | None = None  # (None: the gates not read yet)


#: The kept results of `matches` and `gate_read` (as `_Keyed`), and of `_scan` (none is None).
_MATCHED: Final = TextMemo(512)
_SCANNED: Final = TextMemo(512)


def clear_text_caches() -> None:
    """Forget every text's keyword matches, gates and actor phrases (kept by `matches`,
    `gate_read` and `_scan`): as between articles, or after the automaton changed."""
    _MATCHED.clear()
    _SCANNED.clear()


#: Gate words other modules ride on the automaton (`add_gate_words`): key -> bits.
_GATE_KEYS: Final[dict[str, int]] = {}
#: The bits given out so far: each module's gates take bits of their own (a bit added twice
#: would mix two modules' words, which one gate's hits then misread).
_GATE_BITS_TAKEN: Final[list[int]] = [0]


#: Letters and digits in the order of their frequency in English text (the space first), and
#: at the start of a word: the keys go into the automaton in the order of their characters
#: ranked by them (`_key_order`), so that each node's children, which the automaton looks
#: through one by one for a text's next character, come in the order a text asks for them most
#: often (and in the same order in every process, not in the hash order of a set of keys).
#: (pyahocorasick's nodes, where `keyscan` falls back to it; the Rust automaton is a DFA.)
_LETTERS: Final = " etaoinshrdlcumwfgypbvkjxqz0123456789"
_INITIALS: Final = "taoswcbphfmdrelnigyuvjkqzx0123456789 "


def _key_order(key: str) -> list[int]:
    """The ranks of a key's characters, each by `_INITIALS` after a space, else `_LETTERS`
    (any other character after them, by its code)."""
    out: list[int] = []
    previous = ""
    for ch in key:
        order = _INITIALS if previous == " " else _LETTERS
        rank = order.find(ch)
        out.append(rank if rank >= 0 else len(order) + ord(ch))
        previous = ch
    return out


def _compile() -> Automaton[_Value]:
    """The automaton of every key (`_pairs`)."""
    return make_automaton(_pairs())


def _pairs() -> list[tuple[str, _Value]]:
    """Every key of the automaton and its value (the key's length, its entries, its trigger
    keys), a gate word's bits in an entry of kind _KIND_GATE after the actors' entries (read
    from the match itself: a table by the value's id would box the id and look it up, for
    each match of each text)."""
    pairs: list[tuple[str, _Value]] = []
    for key in sorted(_KEYS.keys() | _TRIGGERS.keys() | _GATE_KEYS.keys(), key=_key_order):
        entries = tuple(_KEYS.get(key, ()))
        bits = _GATE_KEYS.get(key, 0)
        if bits:
            entries += (_Entry(_KIND_GATE, "", AT_UNIDENTIFIED, None, gate=bits,
                               gate_object=bits),)
        pairs.append((key, (len(key), entries, _TRIGGERS.get(key, ()))))
    return pairs


def _gate_bits(entries: tuple[_Entry, ...]) -> int:
    """The gate bits of a match's entries (0: its key is no gate word)."""
    if entries:
        last = entries[-1]
        if last.kind == _KIND_GATE:
            return last.gate
    return 0


def add_gate_words(words: dict[int, tuple[str, ...]], whole: bool = False,
                   start: bool = False) -> None:
    """Add gate words (bit -> words, lower case) to the shared automaton: `gates_of` then
    tells, from the matches of a text, the bits with a word in the text lower-cased (and
    maybe more: a gate word is looked for in the `words_of` form, where "no-one" is "no
    one" and "no, one" too). A word with a character other than ASCII or an upper-case
    letter is never in an ASCII text lower-cased: left out. With `whole`, a word counts
    only where no letter or digit comes right before or after it (its key is its
    `words_of` form, the spaces around it kept); with `start`, only where none comes right
    before it ("kill" in "killed", not in "overkill": its key is its `words_of` form, the
    space before it kept). A gate of words that count anywhere (neither) costs every text
    the automaton's most: its keys are the only ones that do not open with a space, so
    that inside each word of a text the automaton looks for its next character among
    their first letters (and follows their failure links), where with keys that all open
    with a space it looks among one."""
    for bit in words:
        if bit <= 0 or bit & (bit - 1) or bit & _GATE_BITS_TAKEN[0]:
            raise ValueError(f"gate bit {bit:#x}: not a single bit, or taken already")
        _GATE_BITS_TAKEN[0] |= bit
    for bit, gate_words in words.items():
        for word in gate_words:
            if not word.isascii() or word != word.lower():
                continue
            spaced = words_of(word)
            key = spaced if whole else spaced[:-1] if start else spaced[1:-1]
            if not key.strip():
                raise ValueError(f"gate word without a letter or digit: {word!r}")
            _GATE_KEYS[key] = _GATE_KEYS.get(key, 0) | bit
    _AUTOMATON[0] = _compile()
    clear_text_caches()


def gates_of(found: list[Match]) -> int:
    """The bits of the gate words among `found` (a text's `matches`): at least every bit
    with a word in the text lower-cased, when the text is ASCII."""
    present = 0
    for _, (_, entries, _) in found:
        present |= _gate_bits(entries)
    return present


def gate_hits(found: list[Match], mask: int) -> list[tuple[int, int, int]]:
    """(index of its last character in the `words_of` form, its length, its bits of `mask`)
    of each match among `found` (a text's `matches`) whose key is a gate word of a bit of
    `mask`, in the automaton's order. (A whole word's key, `add_gate_words(..., whole=True)`,
    holds the word from `last - length + 1` to `last - 1` in the text; a word start's key,
    `start=True`, from `last - length + 1` to `last`, exclusive; any other from `last -
    length`.)"""
    out: list[tuple[int, int, int]] = []
    for last, (length, entries, _) in found:
        bits = _gate_bits(entries) & mask
        if bits:
            out.append((last, length, bits))
    return out


# The gates of a sentence are read by several modules (events' gates and country words, sources'
# words): its gate matches are picked out of its matches once, and kept with them.
def gate_read(text: str) -> tuple[int, list[tuple[int, int, int]]]:
    """(`gates_of(matches(text)[2])`, `gate_hits(matches(text)[2], every bit)`): the gates
    of `text` read once, for `gates_of` and each `gate_hits` of it (filter the hits by a
    mask: `hits_of`)."""
    last = _MATCHED.last_value if text is _MATCHED.last else None  # (as in `matches`)
    keyed = cast(_Keyed, last) if last is not None else _keyed(text)
    hits = keyed.hits
    if hits is None:
        keyed.present, hits = _gates_in(keyed.matched[2])
        keyed.hits = hits
    return keyed.present, hits


def read_gates(text: str) -> tuple[int, list[tuple[int, int, int]]]:
    """`gate_read(text)` worked out (not kept)."""
    return _gates_in(matches(text)[2])


def _gates_in(found: list[Match]) -> tuple[int, list[tuple[int, int, int]]]:
    """`read_gates` of the text whose matches are `found`."""
    present = 0
    # (each match read as a plain tuple, and each hit made of the match's own int objects and
    # the bits boxed once at load time: unboxed and boxed again, each int above 256 was a new
    # object, three times a hit; a gate word's entry comes last, and only its bits are not 0)
    out: list[object] = []
    for match in cast(list[_Loose], found):
        value = cast(_Loose, match[1])
        entries = cast(tuple[_Entry, ...], value[1])
        if entries:
            tail = entries[-1]
            if tail.kind == _KIND_GATE:
                present |= tail.gate
                out.append((match[0], value[0], tail.gate_object))
    return present, cast(list[tuple[int, int, int]], out)


def hits_of(read: tuple[int, list[tuple[int, int, int]]], mask: int
            ) -> list[tuple[int, int, int]]:
    """`gate_hits(matches(text)[2], mask)` from `read`, a `gate_read(text)`."""
    if not read[0] & mask:
        return []
    return [(last, size, bits & mask) for last, size, bits in read[1] if bits & mask]


def add_trigger_keys(keys: TriggerKeys) -> None:
    """Add the classifier's trigger keys (key -> (length, cue, prefix, exact case) tuples) to
    the shared automaton, so that one pass over a text serves both modules."""
    _TRIGGERS.update(keys)
    _AUTOMATON[0] = _compile()
    clear_text_caches()


def matches(text: str) -> tuple[str, str, list[Match]]:
    """(lower-cased text, its `words_of` form, every automaton match), computed once a text."""
    # (the text asked about last, found by identity, the test `TextMemo.get` opens with, made
    # here: most asks are of it, and it costs no call of `_keyed` and `get`)
    last = _MATCHED.last_value if text is _MATCHED.last else None
    if last is not None:
        return cast(_Keyed, last).matched
    return _keyed(text).matched


def _keyed(text: str) -> _Keyed:
    """The keyword pass of `text`, kept."""
    known = _MATCHED.get(text)
    if known is not None:
        return cast(_Keyed, known)
    keyed = _Keyed(_matches_of(text))
    _MATCHED.put(text, keyed)
    return keyed


def _matches_of(text: str) -> tuple[str, str, list[Match]]:
    """`matches(text)` worked out (not kept)."""
    if READ_ASCII is not None:
        # (the Rust automaton's: the lowering, the words form and the search in one call)
        read = READ_ASCII(_AUTOMATON[0], text)
        if read is not None:
            return cast(tuple[str, str, list[Match]], read)
    if text.isascii():  # (as `lowered` and `words_of` would, each asking it again)
        low = text.lower()
        words = f" {low.encode('ascii').translate(_WORD_BYTES).decode('ascii')} "
    else:
        low = lowered(text)
        words = words_of(low)
    return low, words, _AUTOMATON[0].iter(words)


#: The automaton (the only item: a module global the compiled core reads from the module's
#: dict each time, where a `Final` list is at hand; replaced as keys are added).
_AUTOMATON: Final = [_build()]

#: Words `_scan` and `roles` ask about in a text lower-cased, as gates of the keyword pass
#: (bits above the other modules'): read from its matches, not by a search of the text each.
_CLAN_GATE: Final = 1 << 32
_OFF_DUTY_GATE: Final = 1 << 33
add_gate_words({_CLAN_GATE: ("clan", "families", "tribes"),
                _OFF_DUTY_GATE: ("former", "duty", "retired", "ex-", "demobili", "reintegrated",
                                 "unarmed")}, start=True)

_IS_REGION: Final[dict[str, str]] = {
    "AF": "Afghanistan", "PK": "Pakistan", "IQ": "Iraq", "SY": "Syria", "EG": "Egypt",
    "LY": "Libya", "YE": "Yemen", "SO": "Somalia", "NG": "West Africa", "NE": "West Africa",
    "TD": "West Africa", "CM": "West Africa", "ML": "Greater Sahara", "BF": "Greater Sahara",
    "CD": "Central Africa", "UG": "Central Africa", "MZ": "Mozambique", "PH": "Philippines",
    "IN": "India", "BD": "Bangladesh", "TR": "Turkey", "SA": "Saudi Arabia", "TN": "Tunisia",
    "DZ": "Algeria", "LB": "Lebanon", "JO": "Jordan",
}
_THE: Final = ("Democratic Republic", "Central African Republic", "Philippines", "United States",
        "United Kingdom", "United Arab Emirates", "Netherlands", "Republic of", "Gambia",
        "Comoros", "Maldives", "Bahamas", "Czech Republic", "Dominican Republic")
_FULANI_LANDS: Final = frozenset(
    ["NG", "BF", "ML", "NE", "BJ", "CM", "CF", "TD", "GH", "SN", "GN", "CI", "TG", "MR"])
_GANG_LANDS: Final = frozenset(["BR"])


def _code_of(word: str) -> str | None:
    """The country a capitalized word (a demonym or a country's name) names, if any."""
    # (kept by word in a dict, "" for none: a look-up, where the lru_cache's call cost ~1,000
    # instructions; bounded as the lru_cache was)
    code = _CODES.get(word)
    if code is None:
        if len(word) < 3 or not word[0].isupper() or word.lower() in _NOT_PLACES:
            code = ""
        else:
            code = country_code(word) or ""
        if len(_CODES) >= 4_096:
            _CODES.clear()
        _CODES[word] = code
    return code or None


_CODES: Final[dict[str, str]] = {}


#: Capitalized words that start sentences or titles and never name a country here.
_NOT_PLACES: Final = frozenset({
    "the", "this", "that", "these", "those", "there", "then", "on", "in", "at", "an", "and",
    "but", "for", "from", "with", "after", "before", "during", "when", "while", "some", "two",
    "three", "four", "five", "several", "many", "local", "unknown", "unidentified", "suspected",
    "alleged", "armed", "police", "army", "military", "security", "government", "president",
    "minister", "governor", "officials", "authorities", "reports", "report", "source", "sources",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "around", "about", "also", "other", "state", "federal", "national",
    "regional", "provincial", "district", "municipal", "county", "city", "town", "village",
    "rural", "urban", "special", "joint", "pro", "anti", "former", "new", "old"})


@lru_cache(maxsize=512)
def _country_name(code: str) -> str:
    return acled_country_name(code)


def _forces_of(code: str | None) -> str:
    if not code:
        return ""
    # (kept by code: a look-up, where the lru_cache's call and the 14 prefixes tested and the
    # string built cost ~2,000 instructions a name)
    forces = _FORCES.get(code)
    if forces is None:
        name = _country_name(code)
        forces = f" of the {name}" if name.startswith(_THE) else f" of {name}"
        if len(_FORCES) >= 1_024:  # (countries are fewer: bounded all the same)
            _FORCES.clear()
        _FORCES[code] = forces
    return forces


def _suffix(code: str | None) -> str:
    if not code:
        return ""
    suffix = _SUFFIXES.get(code)  # (kept by code, as `_forces_of`'s)
    if suffix is None:
        suffix = f" ({_country_name(code)})"
        if len(_SUFFIXES) >= 1_024:
            _SUFFIXES.clear()
        _SUFFIXES[code] = suffix
    return suffix


#: `_forces_of` and `_suffix` of each code met (a code's names never change).
_FORCES: Final[dict[str, str]] = {}
_SUFFIXES: Final[dict[str, str]] = {}


_OF_COUNTRY: Final = re.compile(
    r"\s+of\s+(?:the\s+)?([A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){0,3})"
    r"(?:\s+and\s+(?:the\s+)?([A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){0,3}))?")
_GAP_HEAD: Final = re.compile(
    r"[\s-]*(?:(?:armed|suspected|alleged|islamist|militant|rebel|jihadist|"
                       r"terrorist|insurgent|local|special|security|elite|'s)\s+)?")
#: A faction's one-word name between a group's name and its noun ("Mayi Mayi Yakutumba
#: fighters", "Raia Mutomboki Hamakombo militiamen").
_GAP_FACTION: Final = re.compile(r" [A-Z][a-z]{2,} ")
_LINKED_TO: Final = re.compile(r"-(?:linked|affiliated|allied|aligned|backed|inspired|loyal)\b")
_UNDER: Final = re.compile(r"(?:\s+and\s+[\w'-]+(?:\s+[\w'-]+)?)?,?\s+"
                    r"(?:(?:operating|fighting|acting)\s+)?under\s+(?:the\s+)?"
                    r"(?:banner\s+of\s+(?:the\s+)?)?")
_GAP_OF_FORCE: Final = re.compile(r"\s+(?:of|with|from)\s+(?:the\s+)?")
_GAP_OF: Final = re.compile(r"\s+(?:of|from)\s+(?:the\s+)?(?:a\s+|an\s+)?(?:[\w-]+'s\s+)?")


# The gaps between two phrases are read by the patterns above only where they may match: a
# match is a method call (~2,000 instructions), where most gaps are " " (a match of _GAP_HEAD)
# or open with words none of them allows, told by one or two characters.

def _head_gap(low: str, start: int, end: int) -> bool:
    """Whether `_GAP_HEAD.fullmatch(low, start, end)` matches (a single space does)."""
    if end == start + 1 and low[start] == " ":
        return True
    return _GAP_HEAD.fullmatch(low, start, end) is not None


def _faction_gap(text: str, start: int, end: int) -> bool:
    """Whether `_GAP_FACTION.fullmatch(text, start, end)` matches: at least five characters,
    the second an ASCII capital, read first."""
    if end - start < 5 or not 65 <= ord(text[start + 1]) <= 90:
        return False
    return _GAP_FACTION.fullmatch(text, start, end) is not None


def _of_gap(text: str, start: int, end: int) -> bool:
    """Whether `_GAP_OF.fullmatch(text, start, end)` matches: at least four characters, white
    space and then more of it, or the "o" of "of" or the "f" of "from" (the second character
    read first: a small ASCII letter is one of those two or no match)."""
    if end - start < 4:
        return False
    code = ord(text[start + 1])
    if 97 <= code <= 122 and code != 111 and code != 102:
        return False
    return _GAP_OF.fullmatch(text, start, end) is not None
# (`\b` before the first capital, the patterns as first written, is `(?<!\w[A-Z])` after it:
# opening with the capital, a search skips to each capital letter, where `\b` first was tried
# at every position of the text)
_CLAN: Final = re.compile(
    r"((?:[A-Z](?<!\w[A-Z])[a-z]+(?:[ -][A-Z][a-z]+)?)(?:\s+and\s+[A-Z][a-z]+(?:[ -][A-Z]"
                   r"[a-z]+)?)?)\s+(sub-clans?|clans?)\b")


#: A militia said to be of clans no name is given to ("militiamen of two rival clans").
_CLAN_OF: Final = re.compile(
    r"\s+(?:from|of|linked to|belonging to|associated with|affiliated with)"
    r"\s+(?:(?:a|the|two|rival|local)\s+)*clans?\b")
_FEUD: Final = re.compile(
    r"([A-Z](?<!\w[A-Z])[a-z]+(?:[ -][A-Z][a-z]+)?) and (?:the )?([A-Z][a-z]+(?:[ -][A-Z]"
                   r"[a-z]+)?) (families|tribes)\b")
_AND: Final = re.compile(r"\s+and\s+(?:the\s+)?")
_ETHNIC_HEADS: Final = frozenset(ETHNIC_HEADS.split("|"))
_BETWEEN: Final = re.compile(r"\bbetween\s+(?:the\s+)?$")
_BY_ETHNIC: Final = re.compile(r"\bby\s+$")


def _ethnic(entry: _Entry) -> _Entry:
    """The ethnic militia entry of an ethnic group's, one per group for the process: _NAMES
    is keyed on entries (by identity), and one made per mention would fill it."""
    key = (entry.name, entry.actor_type, entry.home)
    ethnic = _ETHNIC.get(key)
    if ethnic is None:
        ethnic = _ETHNIC[key] = _Entry(_KIND_ETHN, entry.name, entry.actor_type, None,
                                       home=entry.home)
    return ethnic


_ETHNIC: Final[dict[tuple[str, ActorType, str | None], _Entry]] = {}
#: The entry of every clan or community militia (the name is the mention's own).
_CLAN_ENTRY: Final = _Entry(_KIND_CLAN, "", AT_IDENTITY_MILITIA, None)


def _coordinated_country(text: str, start: int) -> tuple[str, int, int] | None:
    """For "Burundian and Rwandan soldiers": the first demonym, bound to its own mention."""
    begin = text.rfind(" ", 0, start - 1) + 1
    if not text.startswith(" and ", begin - 5):
        return None
    first = text.rfind(" ", 0, begin - 5) + 1
    word = text[first:begin - 5]
    code = _code_of(word)
    return (code, first, begin - 5) if code else None


def _char_at(text: str, at: int, char: str) -> bool:
    """`text[at:at + 1] == char` (`at` >= 0): one character compared, read first where a
    bounded find (~230 instructions) or a `startswith` with a position (a method call) tests
    a word that is seldom there."""
    return at < len(text) and text[at] == char


def _upper_at(text: str, at: int) -> bool:
    """`text[at:at + 1].isupper()` (`at` >= 0), an ASCII character read by its code, without
    the method call (not compiled: a call by name)."""
    if at >= len(text):
        return False
    code = ord(text[at])
    if code < 128:
        return 65 <= code <= 90
    return text[at].isupper()


def _prefix_country(text: str, start: int) -> str | None:
    """The country named by the one or two words right before `start` ("Afghan", "South
    Sudanese", "Iraq's")."""
    if start < 4 or text[start - 1] != " ":
        return None
    begin = text.rfind(" ", 0, start - 1) + 1
    if not _upper_at(text, begin):
        return None
    last = text[begin:start - 1]
    if last.endswith(("'s", "’s")):
        last = last[:-2]
    if last[-1:] in (",", ";", ":", ")"):  # (the method call only where it strips)
        last = last.rstrip(",;:)")
    if begin >= 2 and text[begin - 1] == " ":
        before = text.rfind(" ", 0, begin - 1) + 1
        if _upper_at(text, before):
            code = _code_of(f"{text[before:begin - 1]} {last}")
            if code:
                return code
    return _code_of(last)


def _of_countries(text: str, end: int) -> list[tuple[str, int, int]]:
    # (`text.startswith(" of ", end)`, `end` >= 0: a bounded find is compiled, the method
    # call is not)
    if not _char_at(text, end + 1, "o") or text.find(" of ", end, end + 4) != end:
        return []
    match = _OF_COUNTRY.match(text, end)
    if not match:
        return []
    found: list[tuple[str, int, int]] = []
    for group in (1, 2):
        words = match.group(group)
        if not words:
            break
        parts = words.split()
        for size in range(len(parts), 0, -1):
            code = _code_of(" ".join(parts[:size]))
            if code:
                begin = match.start(group)
                found.append((code, begin, begin + len(" ".join(parts[:size]))))
                break
        else:
            break
    return found


#: Kinds with nothing to merge or resolve when they come last (only a demonym to bind).
_PLAIN: Final = frozenset({_KIND_CIV, _KIND_PROT, _KIND_RIOT, _KIND_UNID, _KIND_GANG, _KIND_GOV})
_BINDABLE: Final = frozenset({_KIND_MIL, _KIND_POL, _KIND_CIV, _KIND_PROT, _KIND_RIOT, _KIND_UNID,
                       _KIND_GANG, _KIND_GOV})
#: ... as bits by kind (a test of a bit, where a set's boxes the kind and hashes it).
_BINDABLE_BITS: Final = sum(1 << kind for kind in _BINDABLE)


def _raws_of(text: str, low: str, size: int, found: list[Match]) -> tuple[list[_Raw], int]:
    """The phrases among `found` (the `matches` of `text`, lower-cased `low`, its words form
    `size` long) by start, the longest first, none overlapping one kept before; and the gate
    bits of the text."""
    # The automaton gives the matches by end; where the phrases' starts rise with it too (no
    # phrase starts with or inside one met before it: ~9 texts in 10), that is their order by
    # start, and each is kept or dropped as it comes, with no list of keys made and sorted;
    # else `_raws_sorted` works them out from the start.
    raws: list[_Raw] = []
    present = 0
    reach = -1
    previous = -1  # the start of the phrase met last
    for match in cast(list[_Loose], found):  # (read as in `_raws_sorted`)
        value = cast(_Loose, match[1])
        entries = cast(tuple[_Entry, ...], value[1])
        if not entries:
            continue
        tail = entries[-1]
        if tail.kind == _KIND_GATE:
            present |= tail.gate
            if len(entries) == 1:
                continue
        last = cast(int, match[0])
        start = last - cast(int, value[0]) + 1
        chosen = _chosen(text, low, entries, start, last)
        if chosen is None:
            continue
        if start <= previous:
            return _raws_sorted(text, low, size, found)
        previous = start
        if start >= reach:
            reach = last - 1
            raws.append(_Raw(start, reach, chosen, None))
    return raws, present


def _chosen(text: str, low: str, entries: tuple[_Entry, ...], start: int, last: int
            ) -> _Entry | None:
    """The actor entry of a phrase found at `start` (its last character at `last - 2` of
    the words form) among its `entries`: the first whose case, if it has one, is the text's
    own; None if none is, or if the phrase follows "anti-" ("anti-government" names no
    government)."""
    chosen: _Entry | None = entries[0]
    if entries[0].case:
        chosen = next((e for e in entries if e.kind != _KIND_GATE and (
            not e.case or text[start:last - 1] == e.case)), None)
    if chosen is None:
        return None
    # (the "i" of "anti-" first: one character read, where a search of the text for "anti"
    # read all of it)
    if start >= 5 and low[start - 2] == "i" and \
            low.startswith(("anti-", "anti "), start - 5) and not low.startswith("anti", start):
        return None
    return chosen


def _raws_sorted(text: str, low: str, size: int, found: list[Match]
                 ) -> tuple[list[_Raw], int]:
    """`_raws_of(text, low, size, found)` for any order of the phrases' starts (as first
    written)."""
    # each hit's (start, -end) as one int, in the same order (a list of ints sorts without
    # a tuple made and compared per hit): `last` is an index of the words form, below `size`;
    # the entry chosen by the hit's index among `chosen_of`, the int's last digit in base
    # `count` (no two hits share a start and an end: one key per match)
    hits: list[int] = []
    chosen_of: list[_Entry] = []
    count = len(found)
    present = 0
    # (each match read as a plain tuple: most are a trigger's or a gate word's, with no actor,
    # and the loop reads their entries only)
    for match in cast(list[_Loose], found):
        value = cast(_Loose, match[1])
        entries = cast(tuple[_Entry, ...], value[1])
        if not entries:
            continue
        tail = entries[-1]
        if tail.kind == _KIND_GATE:  # (a gate word's entry comes last)
            present |= tail.gate
            if len(entries) == 1:
                continue  # no actor
        last = cast(int, match[0])
        start = last - cast(int, value[0]) + 1
        chosen = _chosen(text, low, entries, start, last)
        if chosen is None:
            continue
        # (by start, then the longest first)
        hits.append((start * size + (size - 1 - last)) * count + len(chosen_of))
        chosen_of.append(chosen)
    raws: list[_Raw] = []
    if not hits:
        return raws, present
    hits.sort()
    reach = -1
    for key in hits:
        spot = key // count
        start = spot // size
        if start < reach:
            continue
        reach = size - 2 - spot % size  # (the end: `last - 1`)
        raws.append(_Raw(start, reach, chosen_of[key % count], None))
    return raws, present


def _scan(text: str) -> tuple[_Raw, ...]:
    """Every actor-like phrase of `text` (offsets relative to `text`), longest match first:
    worked out once a text (the classifier's `roles` and `find_actors` both read them)."""
    known = _SCANNED.get(text)
    if known is not None:
        return cast(tuple[_Raw, ...], known)
    raws = _scan_of(text)
    _SCANNED.put(text, raws)
    return raws


#: Kin of fighters ("relatives of the militants"): civilians (`_scan_of`).
_KIN: Final = frozenset(["family members", "family member", "relatives", "relative", "families",
                         "family", "wives", "wife", "widows", "widow", "parents"])
_KIN_OF_KINDS: Final = frozenset({_KIND_NAMED, _KIND_UNID, _KIND_GANG, _KIND_COMM, _KIND_ETHN,
                                  _KIND_MIL, _KIND_POL})
_GAP_KIN: Final = re.compile(r"\s+of\s+(?:the\s+)?(?:a\s+|an\s+)?(?:suspected\s+|alleged\s+)?")


#: Before a hospital the wounded are in or taken to ("in hospital", "to a Nairobi hospital").
_IN_HOSPITAL: Final = re.compile(r"\b(?:in|to)\s+(?:a\s+|the\s+)?(?:[A-Z][\w-]+\s+)?$")


def _in_hospital(text: str, begin: int, start: int) -> bool:
    """`_IN_HOSPITAL.search(text, begin, start) is not None`, searched only where the window
    may end as a match does: white space, after a word that ends in "n", "o", "a" or "e"
    ("in", "to", "a", "the") or that opens with a capital ("Nairobi"; a search of the window
    is a method call of ~7,000 instructions, and most words before a hospital are neither:
    "a private hospital", "the district hospital")."""
    end = start
    while end > begin and _space_code(text, end - 1):
        end -= 1
    if end == start:
        return False  # (no white space at the end)
    if end == begin:
        return False  # (nothing but white space)
    last = text[end - 1]
    if not (last == "n" or last == "o" or last == "a" or last == "e"):
        at = end - 1
        while at > begin and not _space_code(text, at - 1):
            at -= 1
        if at > begin and not 65 <= ord(text[at]) <= 90:
            return False
    return _IN_HOSPITAL.search(text, begin, start) is not None


def _space_code(text: str, at: int) -> bool:
    """`text[at].isspace()`, an ASCII character read by its code (the method call only for
    the others)."""
    code = ord(text[at])
    if code < 128:
        return code == 32 or 9 <= code <= 13 or 28 <= code <= 31
    return text[at].isspace()


def _scan_of(text: str) -> tuple[_Raw, ...]:
    """`_scan(text)` worked out (not kept)."""
    low, words, found = matches(text)
    raws, present = _raws_of(text, low, len(words), found)
    clans = present & _CLAN_GATE != 0  # "clan", "families" or "tribes" starts a word of `low`
    if not raws and not clans:
        return ()
    if clans:
        _add_clans(text, raws)
    out: list[_Raw] = []
    index = 0
    while index < len(raws):
        raw = raws[index]
        kind = raw.entry.kind
        nxt = raws[index + 1] if index + 1 < len(raws) else None
        # (`text.startswith(" from ", raw.end)` as a bounded find: see `_of_countries`)
        if kind in (_KIND_UNID, _KIND_COMM, _KIND_CIV) and _char_at(text, raw.end + 1, "f") \
                and text.find(" from ", raw.end, raw.end + 6) == raw.end:
            communal = _communal(text, raw)
            if communal:  # "militias from Zamwara", "pastoralists from X and Y communities"
                out.extend(communal)
                index += 1
                while index < len(raws) and raws[index].start < communal[-1].end:
                    index += 1
                continue
        if clans and kind in (_KIND_UNID, _KIND_COMM) and _CLAN_OF.match(text, raw.end):
            # "fighters of two rival clans", "a militia belonging to a clan": clan militias
            raw = _Raw(raw.start, raw.end, _CLAN_ENTRY, None, "Unidentified Clan Militia")
            kind = _KIND_CLAN
        if nxt is None and kind in _PLAIN:
            if raw.entry.country is None:
                raw.country = _prefix_country(text, raw.start)
            out.append(raw)
            break
        # "family members of suspected cultists", "relatives of the militants": their kin are
        # civilians, and the group only says whose kin they are
        if nxt is not None and kind == _KIND_CIV and nxt.entry.kind in _KIN_OF_KINDS and \
                low[raw.start:raw.end] in _KIN and _GAP_KIN.fullmatch(low, raw.end, nxt.start):
            raw.end = nxt.end
            index += 1
            nxt = raws[index + 1] if index + 1 < len(raws) else None
        # "members of the PKK", "fighters from Al Shabaab": the group is the mention
        if nxt is not None and raw.entry.head and kind in (
                _KIND_HEAD, _KIND_UNID, _KIND_COMM, _KIND_CIV) and (
                nxt.entry.kind == _KIND_NAMED or (
                    nxt.entry.kind in (_KIND_MIL, _KIND_POL) and kind != _KIND_CIV)
                    or (kind == _KIND_CIV and nxt.entry.kind in (
                        _KIND_MIL, _KIND_POL, _KIND_UNID, _KIND_GANG, _KIND_COMM, _KIND_ETHN,
                        _KIND_ANAPH)
                        and low[raw.start:raw.end].startswith("member"))) \
                and _of_gap(text, raw.end, nxt.start):
            nxt.start = raw.start
            index += 1
            continue
        # "the al Qaeda-linked group JNIM": the patron only qualifies the group named next
        # (the "-" the pattern opens with looked at first: a match is a method call)
        if kind == _KIND_NAMED and nxt is not None and raw.end < len(low) and \
                low[raw.end] == "-" and _LINKED_TO.match(low, raw.end) and any(
                r.entry.kind == _KIND_NAMED and r.start - raw.end < 24
                for r in raws[index + 1:index + 3]):
            index += 1
            continue
        # "a convoy of AMISOM forces", "soldiers of the Egyptian army": the specific force
        if nxt is not None and kind in (_KIND_MIL, _KIND_POL) and raw.entry.country is None \
                and not raw.entry.name and (
                    (nxt.entry.kind == _KIND_NAMED and nxt.entry.actor_type in (
                        AT_STATE_FORCES, AT_EXTERNAL_FORCES))
                    or (nxt.entry.kind in (_KIND_MIL, _KIND_POL) and (
                        nxt.entry.country or _of_countries(text, nxt.end)))) \
                and _GAP_OF_FORCE.fullmatch(text, raw.end, nxt.start):
            nxt.start = raw.start
            index += 1
            continue
        # "opposition rebels under OPS", "Turkish forces and JWS factions, operating under
        # OPS": the umbrella operation or coalition is the actor
        if nxt is not None and nxt.entry.kind == _KIND_NAMED and \
                nxt.entry.actor_type is AT_EXTERNAL_FORCES and kind != _KIND_CIV and \
                _UNDER.fullmatch(text, raw.end, nxt.start):
            nxt.start = raw.start
            index += 1
            continue
        # "Taliban fighters", "LNA forces", "Afghan National Army soldiers"
        while nxt is not None and nxt.entry.head and (
                kind in (_KIND_NAMED, _KIND_ETHN, _KIND_CLAN)
                or (kind in (_KIND_MIL, _KIND_POL) and raw.entry.country is not None)) \
                and (_head_gap(low, raw.end, nxt.start) or (
                    kind == _KIND_NAMED and _faction_gap(text, raw.end, nxt.start))):
            raw.end = nxt.end
            index += 1
            nxt = raws[index + 1] if index + 1 < len(raws) else None
        if kind == _KIND_SKIP:
            index += 1
            continue
        if kind == _KIND_EBARE and nxt is not None and nxt.start == raw.end + 1 and \
                low[nxt.start:nxt.end] in _ETHNIC_HEADS:
            # "Pokot raiders", "Fulani herdsmen": an ethnic militia
            raw = _Raw(raw.start, nxt.end, _ethnic(raw.entry), None)
            index += 1
            nxt = raws[index + 1] if index + 1 < len(raws) else None
            kind = _KIND_ETHN
            while nxt is not None and nxt.entry.head and _head_gap(low, raw.end, nxt.start):
                raw.end = nxt.end
                index += 1
                nxt = raws[index + 1] if index + 1 < len(raws) else None
        if kind == _KIND_EBARE:
            if nxt is not None and nxt.start == raw.end + 1 and nxt.entry.name == _SETTLERS:
                # "Fulani settlers", "Hausa settlers": a people settled among others, civilians
                # (ACLED's settlers as an armed actor are Israel's, named so)
                nxt.entry = _SETTLED
            if raw.entry.unit:
                index += 1
                continue  # "Somali", "Arab": a demonym or a language more often than a militia
            # "Samburu and Borana herders", "between the Pokot and the Turkana"
            if nxt is not None and nxt.entry.kind in (_KIND_ETHN, _KIND_EBARE) and \
                    _AND.fullmatch(low, raw.end, nxt.start) and (
                        nxt.entry.kind == _KIND_ETHN or _BETWEEN.search(
                            low, max(0, raw.start - 14), raw.start)):
                out.append(_Raw(raw.start, raw.end, _ethnic(raw.entry), None))
                if nxt.entry.kind == _KIND_EBARE:
                    nxt.entry = _ethnic(nxt.entry)
            elif (_BY_ETHNIC.search(low, max(0, raw.start - 4), raw.start) and (
                    nxt is None or nxt.start > raw.end + 1)) or _ETHNIC_ACTS.match(low, raw.end):
                # "by the Pokot", "Dodoth raid ...": the group acts, so it is a militia
                out.append(_Raw(raw.start, raw.end, _ethnic(raw.entry), None))
            index += 1
            continue
        if kind == _KIND_COMM:
            defenders = _defenders(text, raw)
            if defenders is not None:  # "attacked Gidan Bawa and fought local militias"
                raw = defenders
                kind = _KIND_CLAN
        if _BINDABLE_BITS >> kind & 1 and raw.entry.country is None:
            raw.country = _prefix_country(text, raw.start)
            if raw.country is not None:
                other = _coordinated_country(text, raw.start)
                if other is not None:
                    out.append(_Raw(other[1], other[2], raw.entry, other[0]))
            if kind in (_KIND_MIL, _KIND_POL, _KIND_GOV) and raw.country is None:
                countries = _of_countries(text, raw.end)
                if countries:
                    raw.country = countries[0][0]
                    for code, begin, finish in countries[1:]:
                        out.append(raw)
                        raw = _Raw(begin, finish, raw.entry, code)
                elif kind == _KIND_MIL:
                    # "Turkey and Russia conducted a joint patrol": the subject country's
                    raw.country = _subject_country(text, raw.start)
            if raw.entry.bound and raw.country is None:
                index += 1
                continue
        if kind == _KIND_ANAPH:
            for previous in reversed(out):
                if previous.entry.kind == _KIND_NAMED and \
                        previous.entry.actor_type is not AT_STATE_FORCES:
                    raw = _Raw(raw.start, raw.end, previous.entry, None)
                    break
        if kind == _KIND_CIV and raw.start > 0 and low[raw.start - 1] == "-" and \
                low[raw.start:raw.end] in ("man", "member", "person", "strong"):
            index += 1  # "an eight-man gang", "a five-member team": a size, no one hurt
            continue
        if kind == _KIND_OBJ and _char_at(low, raw.start, "h") and \
                low.find("hospital", raw.start, raw.start + 8) == raw.start and \
                _in_hospital(text, max(0, raw.start - 30), raw.start):
            index += 1  # "recovering in a Nairobi hospital": where the hurt are, no target
            continue
        if kind != _KIND_HEAD:
            out.append(raw)
        index += 1
    return tuple(out)


#: The settlers ACLED codes as an armed actor (Israel's), and the entry of others' settlers
#: ("Fulani settlers"): civilians, named after the text's country.
_SETTLERS: Final = "Settlers (Israel)"
_SETTLED: Final = _Entry(_KIND_CIV, "", AT_CIVILIANS, None)

#: After an ethnic group's bare name, words that make it the armed side ("Dodoth raid").
_ETHNIC_ACTS: Final = re.compile(
    r"\s+(?:raid|raided|raids|raiding|attack|attacked|attacks|clash|clashed|"
                          r"clashes|killed|kill|ambushed|stole|steal|invaded|"
                          r"fought|retaliated)\b")
_FROM_COMMUNITY: Final = re.compile(
    r" from (?:the )?([A-Z][a-z]+(?:[ -][A-Z][a-z]+)?)(?: and (?:the )?([A-Z][a-z]+"
    r"(?:[ -][A-Z][a-z]+)?))?( (?:communit(?:y|ies)|villages?|clans?|tribes?|ethnic groups?)\b)?")
#: Words for militias that, with "from <community>", make a communal militia of that name.
_MILITIA_WORDS: Final = frozenset(["militia", "militias", "militiamen", "communal militia",
                            "communal militias", "local militia", "local militias",
                            "local militiamen", "ethnic militia", "ethnic militias",
                            "community militia", "village militia", "tribal militia",
                            "tribal militias", "communal fighters"])
_COMMUNITY_PEOPLE: Final = frozenset(["pastoralists", "herders", "herdsmen", "youths", "fighters",
                               "gunmen", "attackers", "raiders", "assailants", "men",
                               "armed men", "armed youths", "tribesmen"])


def _communal(text: str, raw: _Raw) -> list[_Raw]:
    """'militias from Zamwara', 'pastoralists from Lagdera and Uchana communities': each
    community's militia, named after it (an ethnic group's name makes an ethnic militia)."""
    match = _FROM_COMMUNITY.match(text, raw.end)
    if match is None:
        return []
    head = text[raw.start:raw.end].lower()
    if head not in _MILITIA_WORDS and not (head in _COMMUNITY_PEOPLE and match.group(3)):
        return []
    entry = _CLAN_ENTRY
    found: list[_Raw] = []
    for group in (1, 2):
        name = match.group(group)
        if not name or _code_of(name) is not None or name in ("The", "A", "An"):
            continue
        ethnic = next((e for e in _KEYS.get(key_of(name.lower()), ())
                       if e.kind == _KIND_EBARE), None)
        label = ethnic.name if ethnic is not None else f"{name} Communal Militia"
        found.append(_Raw(raw.start if not found else match.start(group), match.end(group),
                          entry, None, label))
    return found


#: A community attacked, then its militia fighting back: "bandits attacked Gidan Bawa village
#: ... and were repelled by local vigilantes" (ACLED names the militia after its community).
_DEFENDED: Final = re.compile(
    r"\battacked (?:the )?([A-Z][a-z]{2,}(?:[ -][A-Z][a-z]+)?)\b[^.;]{0,120}?\b"
    r"(?:clashed with|confronted|engaged|fought|fought with|(?:were |was )?repelled by|"
    r"(?:were |was )?resisted by)\s+"
    r"(?:the\s+|a\s+)?(?:local\s+)?$")


def _defenders(text: str, raw: _Raw) -> _Raw | None:
    """The militia of the community the sentence says was attacked, if it fights back."""
    if "attacked " not in text[max(0, raw.start - 200):raw.start]:
        return None
    match = _DEFENDED.search(text, max(0, raw.start - 200), raw.start)
    if match is None:
        return None
    name = match.group(1)
    if _code_of(name) is not None or name in _NOT_NAMES or \
            any(e.kind == _KIND_EBARE for e in _KEYS.get(key_of(name.lower()), ())):
        return None
    return _Raw(raw.start, raw.end, _CLAN_ENTRY, None, f"{name} Communal Militia")


#: Capitalised words after "attacked" that name no community.
_NOT_NAMES: Final = frozenset(["The", "Police", "Army", "Military", "Government", "Security"])


def _run_start(text: str, at: int) -> int:
    r"""The start of the run of ASCII letters, white space (`\s`) and "-" that reaches `at`:
    a match of `_CLAN` or `_FEUD`, made of those only, that holds `at` starts there or after."""
    while at > 0:
        code = ord(text[at - 1])
        if not (97 <= code <= 122 or 65 <= code <= 90 or code == 32 or code == 45
                or text[at - 1].isspace()):
            break
        at -= 1
    return at


def _named_before(text: str, at: int) -> bool:
    r"""Whether white space (`\s`) ends at `at`, after a word `[A-Z][a-z]+`: what comes before
    the head word of each match of `_CLAN` and `_FEUD` (each name ends with such a word)."""
    end = at
    while end > 0 and (text[end - 1] == " " or text[end - 1].isspace()):
        end -= 1
    if end == at:
        return False
    begin = end
    while begin > 0 and 97 <= ord(text[begin - 1]) <= 122:
        begin -= 1
    return 0 < begin < end and 65 <= ord(text[begin - 1]) <= 90


def _after_name(text: str, word: str, first: int) -> bool:
    """Whether `word` ("clan", "families" or "tribes"; first found at `first`) comes right
    after a name somewhere (`_named_before`), or "clan" after a name and "sub-": where `_CLAN`
    or `_FEUD` may match (each match's head word does)."""
    at = first
    while at >= 0:
        head = at - 4 if word == "clan" and at >= 4 and \
            text.find("sub-", at - 4, at) == at - 4 else at
        if _named_before(text, head):
            return True
        at = text.find(word, at + 1)
    return False


def _add_clans(text: str, raws: list[_Raw]) -> None:
    entry = _CLAN_ENTRY
    # each regex needs its (case-sensitive) head word: "clan", "families" or "tribes"; and
    # each match holds one, at or after its first: searched from the start of that one's run
    # of the characters a match is made of (most of the text before it is not searched)
    # (searched only where some head word comes right after a name, as each match's does:
    # most texts with the words have none, "the clan", "their families", and a search of the
    # rest of the text costs ~10,000 instructions)
    added = len(raws)
    first = text.find("clan")
    named = first >= 0 and _after_name(text, "clan", first)
    for match in _CLAN.finditer(text, _run_start(text, first)) if named else ():
        sub = "Sub-Clan" if match.group(2).startswith("sub") else "Clan"
        for part in match.group(1).split(" and "):
            name = part.strip()
            if name.lower() in ("the", "a", "rival", "two", "local"):
                continue
            begin = match.start(1) + match.group(1).find(part)
            raws.append(_Raw(begin, match.end(), entry, None, f"{name} {sub} Militia"))
    families = text.find("families")
    tribes = text.find("tribes")
    first = tribes if families < 0 or 0 <= tribes < families else families
    named = (families >= 0 and _after_name(text, "families", families)) or (
        tribes >= 0 and _after_name(text, "tribes", tribes))
    feuds = _FEUD.finditer(text, _run_start(text, first)) if named else ()
    for match in feuds:  # "between the Al Salih and Al Tlais families"
        kind = "Tribal" if match.group(3) == "tribes" else "Clan"
        for group in (1, 2):
            raws.append(_Raw(match.start(group), match.end(group), entry, None,
                             f"{match.group(group)} {kind} Militia"))
    if len(raws) == added:
        return  # (`_scan_of`'s phrases, by start, none overlapping: the loop below keeps all)
    raws.sort(key=lambda r: (r.start, r.start - r.end))
    kept: list[_Raw] = []
    reach = -1
    for raw in raws:
        if raw.start < reach and raw.entry.kind != _KIND_CLAN:
            continue
        if kept and raw.start < kept[-1].end:
            if raw.entry.kind == _KIND_CLAN:
                kept[-1] = raw
            continue
        kept.append(raw)
        reach = raw.end
    raws[:] = kept


def _off_duty_word(text: str, low: str) -> bool:
    """Whether "former", "duty", "retired", "ex-", "demobili", "reintegrated" or "unarmed" is
    in `low` (`text` lower-cased) at the start of a word: from the keyword pass's gate, which
    reads "ex-" as " ex " (also "ex," or "ex "): that one is checked in `low`."""
    read = gate_read(text)
    if not read[0] & _OFF_DUTY_GATE:
        return False
    # (the hits read in place: `hits_of` would build a list of them first)
    for last, size, bits in read[1]:
        if bits & _OFF_DUTY_GATE and (size != 4 or low.startswith("ex-", last - 3)):
            return True
    return False


def _role(raw: _Raw) -> int:
    kind = raw.entry.kind
    if kind == _KIND_NAMED:
        if raw.entry.name in PARTIES:
            return ROLE_CROWD
        if raw.entry.actor_type in (AT_STATE_FORCES, AT_EXTERNAL_FORCES):
            return ROLE_STATE
        return ROLE_ARMED
    return _KIND_ROLES[kind]


#: Political parties: their members are civilians when attacked.
PARTIES: Final = frozenset({
    "ODM: Orange Democratic Movement", "TNA: The National Alliance",
    "PNU: Party of National Unity", "Jubilee Party", "CNL: National Congress for Freedom",
})
_MANY: Final = re.compile(r"\b(?:hundreds|dozens|scores|thousands|crowd|group|mob|\d\d+|"
                   r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)\w*)"
                   r"(?:\s+of)?\s+(?:\w+\s+)?$")
#: A count of a few before a demonym: individuals ("two Palestinians"), not a crowd.
_FEW: Final = re.compile(r"\b(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|[1-9]|"
                         r"the)\s+(?:\w+\s+)?$")
_OFF_DUTY_AFTER: Final = re.compile(r"\s*\(?(?:who was |who were )?(?:off-duty|off duty|retired)\b")
_OFF_DUTY: Final = re.compile(r"(?:\b(?:former|ex|retired|off-duty|off duty|demobili[sz]ed|"
                       r"reintegrated|unarmed)[\s-]+(?:\w+\s+)?)$")


_KIND_ROLE: Final = {
    _KIND_MIL: ROLE_STATE, _KIND_POL: ROLE_STATE, _KIND_CIV: ROLE_CIVILIAN,
    _KIND_OBJ: ROLE_OBJECT, _KIND_PROT: ROLE_PROTESTER, _KIND_RIOT: ROLE_RIOTER,
    _KIND_PROP: ROLE_PROPERTY,
    _KIND_UNID: ROLE_ARMED, _KIND_GANG: ROLE_ARMED, _KIND_PRIV: ROLE_PRIVATE,
    _KIND_COMM: ROLE_ARMED, _KIND_GOV: ROLE_GOVERNMENT, _KIND_ETHN: ROLE_ARMED,
    _KIND_ANAPH: ROLE_ARMED, _KIND_CLAN: ROLE_ARMED, _KIND_HEAD: ROLE_ARMED,
}
#: ... as a tuple by kind, -1 for those no phrase of `_scan` has (a dict's look-up boxes the
#: kind and hashes it).
_KIND_ROLES: Final[tuple[int, ...]] = tuple(_KIND_ROLE.get(kind, -1)
                                            for kind in range(_KIND_GATE + 1))


_ARMED_KINDS: Final = frozenset({_KIND_NAMED, _KIND_MIL, _KIND_POL, _KIND_UNID, _KIND_GANG,
                          _KIND_PRIV, _KIND_COMM, _KIND_EBARE, _KIND_HEAD, _KIND_ANAPH})


def any_armed(text: str) -> bool:
    """Whether `text` may name an armed actor (cheap: no binding, no merging)."""
    for match in cast(list[_Loose], matches(text)[2]):  # (read as in `_raws_of`)
        entries = cast(tuple[_Entry, ...], cast(_Loose, match[1])[1])
        if entries and entries[0].kind in _ARMED_KINDS:
            return True
    return False


# (not cached: the classifier asks once a text, and keeps the answer with its cues)
def roles(text: str) -> tuple[tuple[int, int, int], ...]:
    """(start, end, role) of every actor-like phrase of `text`, for the classifier; a civilian
    noun that names a crowd ("residents", "youths") has ROLE_CROWD."""
    out: list[tuple[int, int, int]] = []
    low = matches(text)[0]
    off_duty: bool | None = None  # whether `low` has an off-duty word: asked when needed
    off_kind = -1  # the kind (soldiers, police) of the first member of the forces off duty
    off_end = 0  # ... and where it ends
    for raw in _scan(text):
        kind = raw.entry.kind
        role = _role(raw) if kind == _KIND_NAMED else _KIND_ROLES[kind]
        if role == ROLE_CIVILIAN:
            # (the last word, `rsplit(" ", 1)[-1]` of the phrase, sliced once)
            space = low.rfind(" ", raw.start, raw.end)
            head = low[space + 1 if space >= 0 else raw.start:raw.end]
            # ("a group of migrants": many people acting together; found in place first)
            if head in _CROWD_WORDS or ((head in ("people", "men", "women", "persons") or (
                    head[-1] == "s" and head not in _HERDERS and
                    low.find("group of ", max(0, raw.start - 24), raw.start) >= 0)) and
                                        _MANY.search(low, max(0, raw.start - 24), raw.start)):
                role = ROLE_CROWD
            elif head == "members" and low.startswith("community ", raw.start):
                role = ROLE_CROWD  # "community members set a car alight": a crowd, not a gang
            elif raw.entry.country is not None and not _FEW.search(
                    low, max(0, raw.start - 16), raw.start):
                # "Palestinians threw stones", "clashes between Palestinians and Israeli
                # forces": a people named by its demonym is a crowd ("two Palestinians" are not)
                role = ROLE_CROWD
        elif role in (ROLE_STATE, ROLE_ARMED):
            if off_duty is None:
                off_duty = _off_duty_word(text, low)
            # (the gate's words start words: "retired" right after a phrase's end, which
            # `_OFF_DUTY_AFTER` allows, is read here: "from ZamwaraRetired", see `_communal`;
            # its first letter first, a method call where most phrases end the text's words)
            if (off_duty or (raw.end < len(low) and low[raw.end] == "r"
                             and low.startswith("retired", raw.end))) and (
                    _OFF_DUTY.search(low, max(0, raw.start - 24), raw.start) or
                    _OFF_DUTY_AFTER.match(low, raw.end)):
                role = ROLE_CIVILIAN
                if kind in (_KIND_MIL, _KIND_POL) and off_kind < 0:
                    off_kind, off_end = kind, raw.end
            elif kind == off_kind and raw.start < off_end + _SAME_ONE_REACH and \
                    _the_one(low, raw.start, raw.end):
                role = ROLE_CIVILIAN  # "... who was off duty. The officer was injured"
        out.append((raw.start, raw.end, role))
    return tuple(out)


def _name(raw: _Raw, context: str | None, text: str
          ) -> tuple[str, ActorType, str | None] | None:
    entry = raw.entry
    kind = entry.kind
    if entry.local and context and entry.country and not _near(entry.country, context):
        return None  # a short acronym far from home means something else
    code = raw.country or entry.country or context
    if kind == _KIND_NAMED:
        name = _BY_COUNTRY.get((entry.name, context or ""), entry.name)
        if name.startswith("Settlers") and context not in (None, "IL", "PS"):
            return f"Civilians{_suffix(context)}", AT_CIVILIANS, context
        if name.startswith("Anti-Drug Vigilantes") and context not in (None, "PH"):
            return _unidentified(context)  # the drug-war vigilantes are a Philippine actor
        if name == "SEPARATISTS":
            if context == "UA":
                return "NAF: United Armed Forces of Novorossiya", AT_REBEL_GROUP, "UA"
            if context == "CM":
                return "Ambazonian Separatists", AT_REBEL_GROUP, "CM"
            return f"Unidentified Armed Group{_suffix(context)}", AT_UNIDENTIFIED, context
        if name == "Islamic State (*)":
            region = _IS_REGION.get(context or "")
            return (f"Islamic State ({region})" if region else "Islamic State",
                    entry.actor_type, context)
        if name.endswith("(*)"):
            return f"{name[:-4]}{_suffix(context)}", entry.actor_type, context
        return name, entry.actor_type, entry.country
    if kind == _KIND_MIL:
        if code == "US" and context == "AF":
            return "NATO: North Atlantic Treaty Organization", AT_EXTERNAL_FORCES, None
        if raw.country is None and entry.country is None and code in _HELD_BY:
            code = _HELD_BY[code]  # soldiers at a West Bank checkpoint are Israel's
        unit = f" {entry.unit}" if entry.unit else ""
        return f"Military Forces{_forces_of(code)}{unit}", AT_STATE_FORCES, code
    if kind == _KIND_POL:
        return f"Police Forces{_forces_of(code)}", AT_STATE_FORCES, code
    if kind == _KIND_CIV:
        return f"Civilians{_suffix(code)}", AT_CIVILIANS, code
    if kind == _KIND_PROT:
        return f"Protesters{_suffix(code)}", AT_PROTESTERS, code
    if kind == _KIND_RIOT:
        return f"Rioters{_suffix(code)}", AT_RIOTERS, code
    if kind in (_KIND_UNID, _KIND_ANAPH):
        if code == "MZ" and "islam" in text[raw.start:raw.end].lower():
            return "Islamist Militia (Mozambique)", AT_REBEL_GROUP, "MZ"
        return _unidentified(code)
    if kind == _KIND_GANG:
        return f"Unidentified Gang{_suffix(code)}", AT_POLITICAL_MILITIA, code
    if kind == _KIND_PRIV:
        return f"Private Security Forces{_suffix(code)}", AT_POLITICAL_MILITIA, code
    if kind == _KIND_COMM:
        return f"Unidentified Communal Militia{_suffix(code)}", AT_IDENTITY_MILITIA, code
    if kind == _KIND_GOV:
        return f"Government{_forces_of(code)}", AT_STATE_FORCES, code
    if kind == _KIND_ETHN:
        code = code or entry.home  # "Maasai raiders" with no place named: Kenya
        return f"{entry.name}{_suffix(code)}", AT_IDENTITY_MILITIA, code
    if kind == _KIND_CLAN:
        return f"{raw.name}{_suffix(code)}", AT_IDENTITY_MILITIA, code
    return None


#: A state named as the subject of a military act, right before its unnamed forces
#: ("Turkey and Russia conducted a joint patrol", "Russia deployed troops"): the first
#: country's (a name or a demonym, one or two capitalised words, perhaps paired).
_SUBJECT_ACT: Final = re.compile(
    r"(?:^|[,;.]\s+|\b(?:[Oo]n|[Ii]n|[Tt]hen|[Ww]hen|and)\s+|\)\s+)"
    r"((?:[A-Z][a-z]+\s)?[A-Z][a-z]+)(?:\s+and\s+(?:the\s+)?(?:[A-Z][a-z]+\s)?[A-Z][a-z]+)?\s+"
    r"(?:conducted|carried\s+out|held|launched|deployed|sent|dispatched|mounted|stationed|"
    r"set\s+up|established|resumed|began)\s+"
    r"(?:(?:a|an|the|its|their|new|joint|combined|military|more|additional)\s+)*$")


#: The last words of `_SUBJECT_ACT`'s verbs, and the words it allows between verb and forces.
_ACT_LAST_WORDS: Final = frozenset(("conducted", "out", "held", "launched", "deployed", "sent",
                                    "dispatched", "mounted", "stationed", "up", "established",
                                    "resumed", "began"))
_ACT_FILLERS: Final = frozenset(("a", "an", "the", "its", "their", "new", "joint", "combined",
                                 "military", "more", "additional"))


def _subject_country(text: str, start: int) -> str | None:
    """The country named as the subject of the military act whose forces `start` names,
    unnamed ("a joint patrol", "troops"), or None. (Read only where the mention has no
    country of its own: the look-back is short.)"""
    if start < 12 or text[start - 1] != " ":
        return None
    begin = max(0, start - 90)
    # the act's verb must end the words before the forces, after its fillers: a cheap test
    # first (military nouns with no country are common; the search is not)
    if not _act_before(text, begin, start):
        return None
    found = _SUBJECT_ACT.search(text, begin, start)
    return _code_of(found.group(1)) if found else None


def _act_before(text: str, begin: int, start: int) -> bool:
    """Whether the last of the words of `text[begin:start]` (`split()`: at white space) that
    is not one of `_ACT_FILLERS` is one of `_ACT_LAST_WORDS`. (The words read back from
    `start` one by one, most texts only their last: a split of all 90 characters made a
    string of each.)"""
    end = start
    while True:
        while end > begin and _space_at(text, end - 1):
            end -= 1
        if end == begin:
            return False
        at = end - 1
        while at > begin and not _space_at(text, at - 1):
            at -= 1
        word = text[at:end]
        if word not in _ACT_FILLERS:
            return word in _ACT_LAST_WORDS
        end = at


def _space_at(text: str, at: int) -> bool:
    """`text[at].isspace()` (what `str.split()` splits at), an ASCII character read by its
    code: tab to carriage return, the four separators 0x1c-0x1f, the space."""
    code = ord(text[at])
    if code < 128:
        return code == 32 or 9 <= code <= 13 or 28 <= code <= 31
    return text[at].isspace()


#: Territories whose unnamed soldiers are another state's (ACLED codes no Palestinian
#: military: troops in the West Bank and Gaza are Israel's; in Western Sahara, Morocco's).
_HELD_BY: Final = {"PS": "IL", "EH": "MA"}

_BY_COUNTRY: Final[dict[tuple[str, str], str]] = {
    ("NRF: National Resistance Front", "YE"): "National Resistance Forces",
    ("ADF: Allied Democratic Forces", "CM"): "Ambazonian Separatists",
}
_REGIONS: Final = (
    "KE UG SO ET SS SD TZ RW BI CD DJ ER", "NG NE ML BF TD CM BJ TG GH CI SN GN MR GM SL LR CF",
    "CD CF CM TD CG GA GQ AO RW BI UG SS", "ZA ZW MZ MW ZM BW NA LS SZ AO MG TZ",
    "EG LY TN DZ MA SY IQ LB IL PS JO YE SA IR TR KW BH QA AE OM SD",
    "AF PK IN BD NP LK MM BT IR", "PH MM TH ID MY KH LA VN CN", "MX GT HN SV NI CR PA BZ",
    "CO VE EC PE BO BR CL AR PY UY", "UA RU AZ AM GE BY MD TR", "US CA MX",
    "FR ML NE BF TD", "GB IE",
)
_NEIGHBOURS: Final[dict[str, set[str]]] = {}
for _line in _REGIONS:
    _codes = set(_line.split())
    for _code in _codes:
        _NEIGHBOURS.setdefault(_code, set()).update(_codes)


def _near(home: str, context: str) -> bool:
    return home == context or context in _NEIGHBOURS.get(home, ())


def _unidentified(code: str | None) -> tuple[str, ActorType, str | None]:
    if code in _GANG_LANDS:
        return f"Unidentified Gang{_suffix(code)}", AT_UNIDENTIFIED, code
    return f"Unidentified Armed Group{_suffix(code)}", AT_UNIDENTIFIED, code


def find_actors(text: str, offset: int = 0, country_code: str | None = None) -> list[ActorMention]:
    """Every actor mention of `text`, normalized to ACLED names.

    `offset` is added to every span (pass the sentence's start in the article body so the
    spans index the body); `country_code` (ISO alpha-2) is the country the text is about, used
    for actors named without one ("soldiers", "gunmen", "residents").
    """
    return list(_find(text, offset, country_code))


#: The ACLED name of each (entry, bound country, context, clan name) met, worked out once; a
#: clan name comes from the text, so the table is emptied when it reaches _NAMES_MAX entries
#: (a long-running worker must not grow without limit).
#: (Final: the compiled core reads it as a C static, not from the module's dict at each use.)
_NAMES: Final[dict[tuple[_Entry, str | None, str | None, str],
                   tuple[str, ActorType, str | None] | None]] = {}
_NAMES_MAX: Final = 20_000
#: What `_NAMES` gives for a key it has not met (a name may be None: no actor). (Typed as
#: an optional tuple, the compiled core keeps it boxed: one object, compared by identity.)
_UNNAMED: Final[tuple[str, ActorType, str | None] | None] = ("", AT_UNIDENTIFIED, None)
#: `_NAMES`' entries with no country bound and no clan name, by context, then entry (kept
#: apart: one dict a context, read once a text). Bounded: the entries a phrase may carry are
#: the alias table's and one ethnic militia's per group (`_ethnic`), the contexts countries.
_CONTEXT_NAMES: Final[dict[str | None, dict[_Entry, tuple[str, ActorType, str | None] | None]]] = {}


# (not cached: the assembler asks once a sentence, offset and country, nearly always; a
# cache's key, look-up and entry cost more than the few answers it would give again)
def _find(text: str, offset: int, context: str | None) -> tuple[ActorMention, ...]:
    out: list[ActorMention] = []
    # (the names of `context`'s phrases with no country bound and no name of their own, by
    # entry, looked up once a text: then one look-up a phrase, the entry hashed by identity,
    # where a four-item key was built, hashed, compared and freed)
    by_entry = _CONTEXT_NAMES.get(context)
    if by_entry is None:
        by_entry = _CONTEXT_NAMES[context] = {}
    for raw in _scan(text):
        kind = raw.entry.kind
        if kind in (_KIND_OBJ, _KIND_PROP):
            continue
        if kind == _KIND_UNID and context == "MZ":
            named = _name(raw, context, text)
        elif raw.country is None and not raw.name:
            named = by_entry.get(raw.entry, _UNNAMED)
            if named is _UNNAMED:
                named = by_entry[raw.entry] = _name(raw, context, text)
        else:
            # (the entry itself, hashed by identity: an id would be a new int object each time)
            key = (raw.entry, raw.country, context, raw.name)
            named = _NAMES.get(key, _UNNAMED)  # (one look-up where `in` then [] made two)
            if named is _UNNAMED:
                if len(_NAMES) >= _NAMES_MAX:
                    _NAMES.clear()
                named = _NAMES[key] = _name(raw, context, text)
        if named is None:
            continue
        name, actor_type, code = named
        out.append(ActorMention(name, actor_type, code, offset + raw.start, offset + raw.end,
                                text[raw.start:raw.end]))
    return tuple(out)


def actor_mentions(text: str, offset: int, context: str | None) -> tuple[ActorMention, ...]:
    """`find_actors` as a tuple, for callers that only read it: no list made."""
    return _find(text, offset, context)


# ============================================================================ choosing actors

_ARMED_TYPES: Final = frozenset({AT_STATE_FORCES, AT_REBEL_GROUP,
                                 AT_POLITICAL_MILITIA, AT_IDENTITY_MILITIA,
                                 AT_EXTERNAL_FORCES, AT_UNIDENTIFIED})
# Actor types the loops over mentions test, as this module's own constants: in the compiled
# core a member of an enum of worker.models (not compiled) is a generic attribute look-up.
_CIVILIANS: Final = AT_CIVILIANS
_UNIDENTIFIED: Final = AT_UNIDENTIFIED
_PROTESTERS: Final = AT_PROTESTERS
_RIOTERS: Final = AT_RIOTERS
_STATE_FORCES: Final = AT_STATE_FORCES
_REBEL_GROUP: Final = AT_REBEL_GROUP
_POLITICAL_MILITIA: Final = AT_POLITICAL_MILITIA
_IDENTITY_MILITIA: Final = AT_IDENTITY_MILITIA
_EXTERNAL_FORCES: Final = AT_EXTERNAL_FORCES
_STATE_TYPES: Final = frozenset({AT_STATE_FORCES, AT_EXTERNAL_FORCES})
_NAMED_GROUP_TYPES: Final = frozenset({AT_REBEL_GROUP, AT_POLITICAL_MILITIA,
                                       AT_IDENTITY_MILITIA})
_PEOPLE_TYPES: Final = frozenset({AT_CIVILIANS, AT_PROTESTERS,
                                  AT_RIOTERS})
_BY: Final = re.compile(r"\b(?:by|from)\s+(?:(?:the|a|an|suspected|alleged|presumed|reported|"
                 r"unknown|unidentified|armed|some|several|two|three|four|five|six|a few|"
                 r"group of|number of|members of|heavily|\d+|[\w.-]+'s)\s+){0,4}$")
_PATIENT_BEFORE: Final = re.compile(
    r"\b(?:on|against|targeting|targeted|target|at|toward|towards|attacked|attacking|killed|"
    r"killing|ambushed|ambushing|shot|shooting|wounding|injuring|abducted|kidnapped|"
    r"abducting|kidnapping|arrested|arresting|detained|detaining|beat|beating|hit|hitting|"
    r"struck|striking|shelled|shelling|bombed|bombing|raided|raiding|stormed|executed|"
    r"murdered|beheaded|into|upon|with|and|leaving|left|positions of|position of)\s+"
    r"(?:(?:the|a|an|two|three|several|\d+|suspected|alleged|presumed|local|positions of|"
    r"members of)\s+){0,3}$")
_PASSIVE_AFTER: Final = re.compile(r"^[^.;]{0,60}?\b(?:was|were|is|are|been|being|got|get)\s+"
                            r"(?:\w+ly\s+)?(?:\w+\s+)?$")
_INITIATOR: Final = re.compile(
    r"\s+(?:\w+\s+){0,2}(?:launched|carried out|staged|mounted|led|initiated|conducted|"
    r"started|began|attacked|ambushed|stormed|raided|opened fire|fired|shelled)\b")
_INITIATED_BY: Final = re.compile(
    r"\b(?:attacks?|offensive|assault|ambush|raids?)\s+(?:\w+\s+){0,2}"
                           r"(?:led |launched |carried out |staged |initiated )?by\s+"
                           r"(?:the\s+)?$")
_SENTENCE_END: Final = re.compile(r"[.!?][\"')\]]*\s+|\n")
_HERDERS: Final = frozenset({"herders", "herdsmen", "herdsman", "herder", "pastoralists"})


def _armed_type(t: ActorType) -> bool:
    """`t in _ARMED_TYPES`, the type told by identity first (each member is equal only to
    itself; a set look-up hashes it through the enum, ~100 instructions, ~2,000 times an
    article), the set asked about anything else."""
    if t is _STATE_FORCES or t is _UNIDENTIFIED or t is _REBEL_GROUP \
            or t is _POLITICAL_MILITIA or t is _IDENTITY_MILITIA or t is _EXTERNAL_FORCES:
        return True
    if t is _CIVILIANS or t is _PROTESTERS or t is _RIOTERS:
        return False
    return t in _ARMED_TYPES


def _group_type(t: ActorType) -> bool:
    """`t in _NAMED_GROUP_TYPES`, told by identity first as `_armed_type`."""
    if t is _REBEL_GROUP or t is _POLITICAL_MILITIA or t is _IDENTITY_MILITIA:
        return True
    if t is _STATE_FORCES or t is _UNIDENTIFIED or t is _CIVILIANS or t is _EXTERNAL_FORCES \
            or t is _PROTESTERS or t is _RIOTERS:
        return False
    return t in _NAMED_GROUP_TYPES


def _state_type(t: ActorType) -> bool:
    """`t in _STATE_TYPES`, told by identity first as `_armed_type`."""
    if t is _STATE_FORCES or t is _EXTERNAL_FORCES:
        return True
    if t is _CIVILIANS or t is _UNIDENTIFIED or t is _REBEL_GROUP or t is _POLITICAL_MILITIA \
            or t is _IDENTITY_MILITIA or t is _PROTESTERS or t is _RIOTERS:
        return False
    return t in _STATE_TYPES


def _is_armed(m: ActorMention) -> bool:
    return _armed_type(m.actor_type) and not m.name.startswith("Government")


def _is_state(m: ActorMention) -> bool:
    return _state_type(m.actor_type) and not m.name.startswith("Government")


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around [start, end): from the end of the last ". ", "! ", "? ", "\\n",
    '." ' or '.” ' wholly in the 600 characters before `start` (else 0) to the first ". ",
    "! ", "? " or "\\n" from `end` (else the end of the text)."""
    # (each mark but the line break opens with ".", "!" or "?", rarer than spaces: their
    # occurrences are walked, one character searched for each, back from `start` to the
    # first that ends a mark, and forward from `end` the same way; no mark overlaps another)
    # (the marks one by one, each a call: no tuple of them made and iterated twice a call)
    lowest = max(0, start - 600)
    begin = text.rfind("\n", lowest, start) + 1
    if start >= 2:
        begin = _begin_after(text, ".", lowest, begin, start)
        begin = _begin_after(text, "!", lowest, begin, start)
        begin = _begin_after(text, "?", lowest, begin, start)
    finish = text.find("\n", end)
    if finish < 0:
        finish = len(text)
    finish = _finish_at(text, ".", end, finish)
    finish = _finish_at(text, "!", end, finish)
    return begin, _finish_at(text, "?", end, finish)


def _begin_after(text: str, mark: str, lowest: int, begin: int, start: int) -> int:
    """`_sentence_bounds`' `begin` after the last `mark` that ends a sentence before `start`."""
    at = text.rfind(mark, max(lowest, begin - 2), start - 1)
    while at >= 0:
        after = text[at + 1]
        if after == " ":
            return max(begin, at + 2)
        if mark == "." and (after == '"' or after == "”") and at + 2 < start and \
                text[at + 2] == " ":
            return max(begin, at + 3)
        at = text.rfind(mark, max(lowest, begin - 2), at)
    return begin


def _finish_at(text: str, mark: str, end: int, finish: int) -> int:
    """`_sentence_bounds`' `finish` at the first `mark` that ends a sentence after `end`."""
    size = len(text)
    at = text.find(mark, end, finish)
    while at >= 0:
        if at + 1 < size and text[at + 1] == " ":
            return at
        at = text.find(mark, at + 1, finish)
    return finish


def _synth(name: str, actor_type: ActorType, code: str | None,
           cls: Classification) -> ActorMention:
    """An actor the text implies but does not name: spans the event's trigger words."""
    return ActorMention(name, actor_type, code, cls.start, cls.end, cls.text)


def _demonym_before(text: str, start: int) -> str | None:
    """The country of the capitalised word right before `start`, one space between
    ("Ethiopian attack"), or None."""
    if start < 2 or text[start - 1] != " ":
        return None
    begin = text.rfind(" ", 0, start - 1) + 1
    return country_code(text[begin:start - 1]) if _upper_at(text, begin) else None


def _unknown(code: str | None, cls: Classification) -> ActorMention:
    name, actor_type, code = _unidentified(code)
    return _synth(name, actor_type, code, cls)


def _by_agent(text: str, m: ActorMention) -> bool:
    window = text[max(0, m.start - 45):m.start].lower()
    return ("by " in window or "from " in window) and _by_found(window)


def _by_found(window: str) -> bool:
    """`_BY.search(window) is not None`, tried only where "by" or "from" is, where each of
    its matches starts (a search tries the pattern at every position of the window)."""
    for word in ("by", "from"):
        at = window.find(word)
        while at >= 0:
            if _BY.match(window, at) is not None:
                return True
            at = window.find(word, at + 1)
    return False


_PATIENT_WORDS: Final = frozenset(
    ["on", "against", "targeting", "targeted", "target", "at", "toward", "towards", "attacked",
     "attacking", "killed", "killing", "ambushed", "ambushing", "shot", "shooting", "wounding",
     "injuring", "abducted", "kidnapped", "abducting", "kidnapping", "arrested", "arresting",
     "detained", "detaining", "beat", "beating", "hit", "hitting", "struck", "striking",
     "shelled", "shelling", "bombed", "bombing", "raided", "raiding", "stormed", "executed",
     "murdered", "beheaded", "into", "upon", "with", "and", "of", "leaving", "left"])
_PATIENT_AFTER: Final = re.compile(
    r"\s+(?:\w+\s+){0,3}?(?:was|were|is|are|been|got|had been|have been|has been)\s+"
    r"(?:\w+ly\s+)?(?:killed|wounded|injured|shot|hurt|attacked|abducted|kidnapped|targeted|"
    r"hit|struck|ambushed|executed|beheaded|murdered|stabbed|beaten|arrested|detained|"
    r"captured|slain|lynched|hacked|burned|burnt|seriously|critically|fatally|taken)\b")


_AUX: Final = (" was ", " were ", " is ", " are ", " been ", " got ")


def _harmed(text: str, m: ActorMention) -> bool:
    """Whether the text says `m` was killed, wounded, abducted... right after naming it."""
    after = text[m.end:m.end + 50]
    return any(aux in after for aux in _AUX) and _PATIENT_AFTER.match(text, m.end) is not None


#: Every word a match of _PATIENT_BEFORE is made of (lower-cased, split at whitespace; and
#: numbers): all of them but its first, which may start inside a word ("re-attacked the ").
_PATIENT_BEFORE_WORDS: Final = _PATIENT_WORDS | frozenset(
    ["positions", "position", "the", "a", "an", "two", "three", "several", "suspected",
     "alleged", "presumed", "local", "members"])


def _patient_before_from(before: str, words: list[str]) -> int:
    """Where in `before` (its `words`: `before.split()`) a match of _PATIENT_BEFORE can start
    at the earliest: at the last word not one of `_PATIENT_BEFORE_WORDS` (a match runs to
    the end, word after word: only its first may be another, entered after a "-"), else 0.
    (A search from there is a search of all `before`: its `\b` still sees the character
    before; and it tries far fewer places.)"""
    at = len(before)
    for word in reversed(words):
        # (the word's own place: the last of it that ends by the next word's start, as
        # whitespace has no part of a word)
        at = before.rfind(word, 0, at)
        if word not in _PATIENT_BEFORE_WORDS and not word.isdecimal():
            return at
    return 0


def _is_patient(text: str, m: ActorMention, cls: Classification) -> bool:
    before = text[max(0, m.start - 45):m.start].lower()
    words = before.split()
    # (one of the last five words a patient word: each looked up in place, where
    # `isdisjoint(words[-5:])` made a list and a method call)
    for i in range(max(0, len(words) - 5), len(words)):
        if words[i] in _PATIENT_WORDS:
            if _PATIENT_BEFORE.search(before, _patient_before_from(before, words)):
                return True
            break
    # (`any(aux in after for aux in _AUX)`, the tests written out on one slice: no iteration
    # of the tuple as objects, no bounded find a word)
    after = text[m.end:m.end + 50]
    if (" was " in after or " were " in after or " is " in after or " are " in after
            or " been " in after or " got " in after) and _PATIENT_AFTER.match(text, m.end):
        return True
    # _PASSIVE_AFTER spans all the text between, which thus has no "." or ";"
    if m.end <= cls.start and text.find(".", m.end, cls.start) < 0 and \
            text.find(";", m.end, cls.start) < 0:
        between = text[m.end:cls.start]
        if _passive_tail(between) and _PASSIVE_AFTER.match(between.lower() + " "):
            return True
    return False


#: The words _PASSIVE_AFTER's auxiliary is one of.
_PASSIVE_AUX: Final = ("was", "were", "is", "are", "been", "being", "got", "get")


def _passive_tail(between: str) -> bool:
    r"""Whether `_PASSIVE_AFTER` may match `between.lower() + " "`: its auxiliary is followed
    by white space and at most two words of word characters, each followed by white space, to
    the end (`\s` is what `str.split` splits at): so one of the last three words of `between`
    lower-cased ends with it. (A few words split off the end, where the pattern tries each of
    60 positions; each word lower-cased alone, the same as in the whole: `lower` maps no
    character to white space nor white space to another, and reads no context across it.)"""
    for word in between.rsplit(None, 3)[-3:]:  # noqa: SIM110 (a loop: no generator object)
        if word.lower().endswith(_PASSIVE_AUX):
            return True
    return False


def _agent(text: str, pool: list[ActorMention], cls: Classification, begin: int,
           end: int, strict: bool = False) -> ActorMention | None:
    """The initiator among `pool`: a "by X" agent, else the subject before the trigger (with
    `strict`, nobody else: a bomb's victims named after it did not plant it)."""
    in_sentence = [m for m in pool if begin <= m.start < end]
    by = [m for m in in_sentence if _by_agent(text, m)]
    if by:
        after = [m for m in by if m.start >= cls.start]
        return after[0] if after else by[-1]
    # "Israeli artillery shelled ...", "a U.S. air strike killed ...": the trigger is the actor's
    at = [m for m in in_sentence if m.start <= cls.start < m.end and _is_state(m)]
    if at:
        return at[0]
    # the first mention before the trigger that is no patient, unless a report ("PKK media
    # said that Turkish jets struck ...": the source is no doer) and a later one is neither
    # (each test made only as far as the answer needs it: `_is_patient` costs ~13 K
    # instructions, where the lists first written tested every mention)
    first: ActorMention | None = None
    for m in in_sentence:
        if m.end <= cls.start and not _is_patient(text, m, cls):
            if not _REPORTS.match(text, m.end):
                return m
            if first is None:
                first = m
    if first is not None:
        return first
    if strict:
        return None
    # (no mention ending by the trigger is left: each is a patient, as just found)
    for m in in_sentence:
        if m.end > cls.start and not _is_patient(text, m, cls):
            return m
    for m in pool:
        if not (begin <= m.start < end) and _by_agent(text, m):
            return m
    return None


#: After a name, a report of what someone else did ("X reported that", "X media said that").
_REPORTS: Final = re.compile(r"\s+(?:(?:media|sources?|officials?|spokes\w+|news agency)\s+)?"
                             r"(?:reported|said|says|stated|announced|alleged)\s+that\b")


_STARTS: Final = frozenset(
    ["launched", "carried", "staged", "mounted", "led", "initiated", "conducted", "started",
     "began", "attacked", "ambushed", "stormed", "raided", "opened", "fired", "shelled"])


def _initiates(text: str, m: ActorMention) -> bool:
    """Whether the text says `m` started the fighting ("X launched an attack", "attacks led
    by X")."""
    # (one of the first three words after `m` a starting verb: each looked up in place, where
    # `isdisjoint(words[:3])` made a list and a method call)
    words = text[m.end:m.end + 40].split()
    for i in range(min(3, len(words))):
        if words[i] in _STARTS:
            if _INITIATOR.match(text, m.end):
                return True
            break
    window = text[max(0, m.start - 60):m.start].lower()
    return "by" in window and _by_last(window) and bool(_INITIATED_BY.search(window))


def _by_last(window: str) -> bool:
    r"""Whether `window` may end as `_INITIATED_BY` does, with "by" and white space, or "by",
    white space, "the" and white space: it ends with white space, and the last word before
    that ends with "by" or "the". (Two character tests and a strip, where the search tries
    the pattern at each of its ~60 places; `$` before a final "
" is at white space too.)"""
    if not window or not window[-1].isspace():
        return False
    return window.rstrip().endswith(("by", "the"))


def _resolve(mentions: list[ActorMention]) -> list[ActorMention]:
    """Sorted, without duplicates; "the group" after a named group becomes that group."""
    out: list[ActorMention] = []
    last_group: ActorMention | None = None
    # (index loops and two ints: no pairs nor span tuples made and dropped per mention)
    ordered = True
    for index in range(1, len(mentions)):
        if mentions[index - 1].start > mentions[index].start:
            ordered = False
            break
    previous_start = previous_end = -1
    for m in (mentions if ordered else _in_order(mentions)):
        if m.start == previous_start and m.end == previous_end:
            continue
        previous_start, previous_end = m.start, m.end
        if _group_type(m.actor_type) and not m.name.startswith("Unidentified"):
            last_group = m
        elif m.actor_type is _UNIDENTIFIED and m.text.lower().startswith("the ") \
                and last_group is not None:
            m = ActorMention(last_group.name, last_group.actor_type, last_group.country_code,
                             m.start, m.end, m.text)
        out.append(m)
    return out


def _former(text: str, m: ActorMention, cc: str | None) -> ActorMention:
    """'the body of former FARC members', 'a demobilized fighter', 'a police chief who was
    off duty': civilians now."""
    if m.actor_type is not _UNIDENTIFIED and _armed_type(m.actor_type) and ((
            _maybe_off_duty(text[max(0, m.start - 24):m.start]) and
            _OFF_DUTY.search(text, max(0, m.start - 24), m.start)) or
            _off_duty_next(text, m.end)):
        return _as_civilians(m, cc)
    return m


def _as_civilians(m: ActorMention, cc: str | None) -> ActorMention:
    code = m.country_code or cc
    return ActorMention(f"Civilians{_suffix(code)}", AT_CIVILIANS, code, m.start, m.end, m.text)


def _the_one(low: str, start: int, end: int) -> bool:
    """Whether the phrase at `start`-`end` of the lower-cased `low` is "the <one person>"
    ("the officer", not "the police" or "soldiers"): the person the text named before."""
    return start >= 4 and low.startswith("the ", start - 4) and low[end - 1] != "s" and \
        low[start:end] not in _FORCE_WORDS


#: How far after a member of the forces off duty "the officer" is still that one.
_SAME_ONE_REACH: Final = 160
#: Nouns for a whole force, not one of its members.
_FORCE_WORDS: Final = frozenset(["police", "army", "military", "military police", "navy",
                                 "air force", "gendarmerie", "security forces"])


#: One of these is in any text _OFF_DUTY finds (it is case-sensitive): "duty" of "off-duty"
#: and "off duty" (not "off", which "officers" and "officials" hold), and "ex" followed by
#: "-" or white space (`_ex_word`: not "ex" of "next" or "explosion").
_OFF_DUTY_STEMS: Final = ("former", "ex", "retired", "duty", "demobili", "reintegrated",
                          "unarmed")


def _maybe_off_duty(window: str) -> bool:
    # (tests of substrings: a regex search with bounds costs more than all of them; written
    # out, `_OFF_DUTY_STEMS` in order: no generator, no iteration of the tuple)
    # ("duty" for "off-duty" and "off duty")
    return "former" in window or ("ex" in window and _ex_word(window)) or \
        "retired" in window or "duty" in window or "demobili" in window \
        or "reintegrated" in window or "unarmed" in window


def _ex_word(window: str) -> bool:
    r"""Whether "ex" is followed by "-" or white space in `window` (`_OFF_DUTY`'s
    `ex[\s-]+`, within the window a match must end in)."""
    at = window.find("ex")
    while at >= 0:
        after = at + 2
        if after < len(window) and (window[after] == "-" or window[after].isspace()):
            return True
        at = window.find("ex", after)
    return False


def _off_duty_next(text: str, end: int) -> bool:
    """Whether `_OFF_DUTY_AFTER` matches at `end` within `_AFTER_REACH` ("police who was
    off-duty"): never where neither "duty" (of "off-duty" or "off duty") nor "retired" is
    within that reach (most: "officers" and "officials" hold "off", not those)."""
    # (the pattern opens with white space, "(", "who" or the word: after one space, any
    # other character, most often, is no match; read first, where each find costs ~300)
    at = end + 1 if _char_at(text, end, " ") else end
    if at < len(text):
        code = ord(text[at])
        if 32 < code < 128 and code != 40 and code != 119 and code != 111 and code != 114:
            return False  # (not "(", "w", "o" or "r", nor white space)
    reach = end + _AFTER_REACH
    return (text.find("duty", end, reach) >= 0 or text.find("retired", end, reach) >= 0) and \
        _OFF_DUTY_AFTER.match(text, end, reach) is not None


def _off_duty_after(text: str, ms: list[ActorMention]) -> bool:
    """Whether `_OFF_DUTY_AFTER` follows an armed mention of `ms` (`_off_duty_next`)."""
    for m in ms:
        # (the type told by identity, `_armed_type`: no hash of the enum member)
        if m.actor_type is not _UNIDENTIFIED and _armed_type(m.actor_type) and \
                _off_duty_next(text, m.end):
            return True
    return False


#: How far after a mention `_OFF_DUTY_AFTER` is read.
_AFTER_REACH: Final = 30


def _formers(text: str, ms: list[ActorMention], cc: str | None) -> list[ActorMention]:
    """`[_former(text, m, cc) for m in ms]` (`ms` may be the answer itself), and "the
    officer" right after a member of the forces off duty is that one: civilians too. The
    armed mentions' windows tested for a stem all at once first, joined by a character no
    stem has (no stem in any: ~6 events in 7, every mention stays as it is). (So `_former`
    must change only a mention whose window holds one of `_OFF_DUTY_STEMS` or that
    `_OFF_DUTY_AFTER` follows.)"""
    windows: list[str] = []
    for m in ms:
        if m.actor_type is not _UNIDENTIFIED and _armed_type(m.actor_type):
            windows.append(text[max(0, m.start - 24):m.start])
    if not windows or not (_maybe_off_duty("\x00".join(windows)) or _off_duty_after(text, ms)):
        return ms
    out = [_former(text, m, cc) for m in ms]
    for index, m in enumerate(ms):
        if out[index] is not m and m.actor_type in _STATE_TYPES:
            _same_one(text, ms, out, index, cc)
            break
    return out


def _same_one(text: str, ms: list[ActorMention], out: list[ActorMention], first: int,
              cc: str | None) -> None:
    """ "... the police chief who was off duty. The officer was injured": the same man, a
    civilian too in `out` (the mentions `ms` as `_former` left them), named as the member of
    the forces off duty at `first` and soon after it."""
    off_duty = ms[first]
    for index in range(first + 1, len(ms)):
        m = ms[index]
        if out[index] is m and m.name == off_duty.name and \
                off_duty.end <= m.start < off_duty.end + _SAME_ONE_REACH:
            # (only this phrase and the 4 characters before it lower-cased, not the text)
            begin = max(0, m.start - 4)
            if _the_one(text[begin:m.end].lower(), m.start - begin, m.end - begin):
                out[index] = _as_civilians(m, cc)


def _mention_order(m: ActorMention) -> tuple[int, int]:
    return m.start, -m.end


def _in_order(mentions: list[ActorMention]) -> list[ActorMention]:
    """`sorted(mentions, key=_mention_order)`: each mention's (start, -end) and index as one
    int, the ints sorted (no key function called through Python, no tuple made a mention;
    the index keeps the sort stable)."""
    count = len(mentions)
    size = 1  # (above every end)
    for m in mentions:
        if m.end < 0:
            return sorted(mentions, key=_mention_order)
        if m.end >= size:
            size = m.end + 1
    keys: list[int] = []
    for index in range(count):
        m = mentions[index]
        keys.append((m.start * size + size - 1 - m.end) * count + index)
    keys.sort()
    return [mentions[key % count] for key in keys]


def _distinct(pool: list[ActorMention], other: ActorMention | None) -> list[ActorMention]:
    if other is None:
        return pool
    return [m for m in pool if m.name != other.name]


def pick_actors(text: str, mentions: list[ActorMention], classification: Classification,
                country_code: str | None
                ) -> tuple[ActorMention | None, ActorMention | None, list[ActorMention]]:
    """ACLED's actor1 (initiator), actor2 (target or other side) and associated actors.

    `text` is the article body that `mentions` and `classification` index; `country_code` is
    the event's country, used for actors the text implies without naming ("Civilians (Kenya)"
    for a killing, "Unidentified Armed Group (Kenya)" when the perpetrators are unknown).
    An implied actor spans the event's trigger words.
    """
    cls = classification
    ms = _formers(text, _resolve(mentions), country_code)  # (a list of its own)
    begin, end = _sentence_bounds(text, cls.start, cls.end)
    event, sub = cls.event_type, cls.sub_event_type
    cc = country_code
    if event is ET_PROTESTS:
        a1, a2 = _protest(text, ms, cls, cc)
    elif event is ET_RIOTS:
        a1, a2 = _riot(text, ms, cls, cc, begin, end)
    elif event is ET_BATTLES:
        a1, a2 = _battle(text, ms, cls, cc, begin, end)
    elif event is ET_VIOLENCE_AGAINST_CIVILIANS:
        a1, a2 = _violence(text, ms, cls, cc, begin, end)
    elif event is ET_EXPLOSIONS:
        a1, a2 = _remote(text, ms, cls, cc, begin, end)
    else:
        a1, a2 = _strategic(text, ms, cls, cc, begin, end, sub)
    # (a mention chosen, same name and start, has a name among `names`: no test of its own)
    names = {m.name for m in (a1, a2) if m is not None}
    assoc: list[ActorMention] = []
    for m in ms:
        if m.name in names or not _is_armed(m):
            continue
        if m.actor_type is _UNIDENTIFIED:
            continue
        names.add(m.name)
        assoc.append(m)
    return a1, a2, assoc


def _first(ms: list[ActorMention], types: frozenset[ActorType] | tuple[ActorType, ...]
           ) -> ActorMention | None:
    return next((m for m in ms if m.actor_type in types), None)


def _crowd_country(ms: list[ActorMention], types: tuple[ActorType, ...],
                   cc: str | None) -> str | None:
    """The country of a crowd: a demonym on the protesters or rioters, else on the people
    named first ("Venezuelan migrants protested"), else the event's country."""
    for m in ms:  # a demonym on the crowd itself ("Lebanese protesters" in Syria)
        if m.actor_type in types and m.country_code and m.country_code != cc:
            return m.country_code
    for m in ms[:3]:
        if m.actor_type is _CIVILIANS and m.country_code and m.country_code != cc:
            return m.country_code
    return cc


def _protest(text: str, ms: list[ActorMention], cls: Classification, cc: str | None
             ) -> tuple[ActorMention | None, ActorMention | None]:
    prot = _first(ms, (AT_PROTESTERS,))
    code = _crowd_country(ms, (AT_PROTESTERS,), cc)
    a1 = prot if prot is not None and prot.country_code == code else _synth(
        f"Protesters{_suffix(code)}", AT_PROTESTERS, code, cls)
    if cls.sub_event_type is SUB_PEACEFUL_PROTEST:
        # "security guards intervened", "were arrested by the police": the other side
        return a1, next((m for m in ms if _is_state(m) and _intervenes(text, m)), None)
    state = next((m for m in ms if _is_state(m)), None)
    if state is None:
        state = _synth(f"Police Forces{_forces_of(cc)}", AT_STATE_FORCES, cc, cls)
    return a1, state


_INTERVENES_AFTER: Final = re.compile(
    r"[^.;]{0,60}?\b(?:intervened|dispers\w*|arrest\w*|detain\w*|fired|broke up|beat|"
    r"baton|charged|cracked down|shoot|shot|tear ?gas|teargas|rubber bullets)\b")
_INTERVENES_BEFORE: Final = re.compile(r"\b(?:arrested|detained|dispersed|stopped|blocked|beaten|"
                                r"attacked|removed|evicted) by (?:the )?$")


def _intervenes(text: str, m: ActorMention) -> bool:
    """Whether state forces step into the demonstration ("police dispersed", "arrested by
    the police") rather than being its subject ("protest against the police")."""
    return bool(_INTERVENES_AFTER.match(text, m.end) or _INTERVENES_BEFORE.search(
        text, max(0, m.start - 30), m.start))


#: Property of private owners that rioters smash or burn: its owners are civilians.
_CIVIL_PROPERTY: Final = (r"(?:banks?|bank branch|shops?|stores?|supermarkets?|businesses|houses|"
                   r"homes|building)")
_DAMAGED_PROPERTY: Final = re.compile(
    r"\b(?:damaged|smashed|vandali[sz]ed|torched|set fire to|set alight|burn(?:ed|t) down|"
    r"hurled|threw|looted|ransacked)\b[^.;]{0,50}?\b" + _CIVIL_PROPERTY + r"\b|\b"
    + _CIVIL_PROPERTY + r"\b(?:\s+(?:that|which)\s[^.;]{0,140}?|[^.;]{0,60}?)\b(?:was|were) "
    r"(?:set on fire|set alight|torched|"
    r"damaged|vandali[sz]ed|looted|ransacked)\b", re.IGNORECASE)


def _riot(text: str, ms: list[ActorMention], cls: Classification, cc: str | None, begin: int,
          end: int) -> tuple[ActorMention | None, ActorMention | None]:
    code = _crowd_country(ms, (AT_RIOTERS, AT_PROTESTERS), cc)
    if code == cc:
        code = _crowd_country(ms, (), cc)
    rioter = _first(ms, (AT_RIOTERS,))
    a1 = rioter if rioter is not None and rioter.country_code == code else _synth(
        f"Rioters{_suffix(code)}", AT_RIOTERS, code, cls)
    # the police the rioters faced, not the police of the grievance ("killed by the police")
    state = next((m for m in ms if _is_state(m) and not _by_agent(text, m)), None)
    if cls.sub_event_type is SUB_VIOLENT_DEMONSTRATION:
        if state is None:  # "workers stoned the company's security guards"
            state = next((m for m in ms if m.name.startswith("Private Security")
                          and not _by_agent(text, m)), None)
        if state is None and _DAMAGED_PROPERTY.search(text, begin, end):
            # rioters who smash a bank or burn a shop: its owners are the civilians hurt
            return a1, _synth(f"Civilians{_suffix(cc)}", AT_CIVILIANS, cc, cls)
        return a1, state
    if state is not None and not all(_only_steps_in(text, m) for m in ms if _is_state(m)):
        return a1, state
    group = next((m for m in ms if _is_armed(m) and m.actor_type is not _UNIDENTIFIED
                  and m.name not in PARTIES  # a party's supporters: rioters, victims
                  and not (_is_state(m) and _only_steps_in(text, m))), None)
    if group is not None:
        return a1, group
    victim = next((m for m in ms if m.actor_type is _CIVILIANS
                   and not _by_agent(text, m)), None)
    vcode = victim.country_code if victim and victim.country_code else cc
    if re.search(r"\b(?:clash|clashed|clashes|fought|fight|fighting|battle|rival)\b",
                 text[begin:end].lower()) and victim is None:
        return a1, _synth(f"Rioters{_suffix(code)}", AT_RIOTERS, code, cls)
    return a1, victim if victim is not None and victim.country_code == vcode else _synth(
        f"Civilians{_suffix(vcode)}", AT_CIVILIANS, vcode, cls)


#: The police coming to a mob's scene ("police rushed in and brought the situation under
#: control", "rescued the victim") or its grievance ("in response to police action").
_STEPS_IN_AFTER: Final = re.compile(
    r"\s+(?:\w+\s+){0,2}?(?:rushed|arrived|intervened|rescued|controlled|brought|restored|"
    r"dispersed|calmed|took (?:him|her|them|the \w+) to)\b")
_GRIEVANCE_BEFORE: Final = re.compile(
    r"\b(?:in response to|in reaction to|in protest (?:against|at|over)|against|over|after)"
    r"\s+(?:the\s+)?$")


#: The mob's helpers, not its target: "helping police", "alongside the army".
_HELPING_BEFORE: Final = re.compile(
    r"\b(?:helping|assisting|aiding|supporting|alongside|together with|along with)\s+"
    r"(?:the\s+)?$", re.IGNORECASE)


def _only_steps_in(text: str, m: ActorMention) -> bool:
    """Whether state forces only step into mob violence after it ("police rushed and
    controlled the mob"), are its grievance ("in response to police action") or the mob's
    helpers ("volunteers helping police enforce a curfew"): not the side the mob attacked."""
    if _GRIEVANCE_BEFORE.search(text, max(0, m.start - 30), m.start) or \
            _HELPING_BEFORE.search(text, max(0, m.start - 30), m.start):
        return True
    stop = text.find(".", m.end)
    return bool(_STEPS_IN_AFTER.match(text, m.end)) and not _FORCE.search(
        text, m.end, stop if stop != -1 else len(text))


#: Force the police used on the mob: a side of the violence, not bystanders who stepped in.
_FORCE: Final = re.compile(r"\b(?:shot|shoot|fired|opened fire|kill\w*|injur\w*|wound\w*|"
                           r"beat\w*|tear ?gas|teargas|bullets?|batons?)\b", re.IGNORECASE)


def _as_perpetrator(m: ActorMention, cc: str | None, cls: Classification) -> ActorMention:
    """A civilian-looking noun used as the attacker ("two men shot ...") is an unknown group;
    herders attacking in the Sahel and Nigeria are coded as the Fulani ethnic militia."""
    if m.actor_type is AT_CIVILIANS:
        code = m.country_code or cc
        if m.text.lower().split()[-1] in _HERDERS and code in _FULANI_LANDS:
            return ActorMention(f"Fulani Ethnic Militia{_suffix(code)}",
                                AT_IDENTITY_MILITIA, code, m.start, m.end, m.text)
        name, actor_type, code = _unidentified(cc)
        return ActorMention(name, actor_type, code, m.start, m.end, m.text)
    return m


#: People who take the other side of a communal militia's fight (herders against farmers).
_SIDE_PEOPLE: Final = frozenset({"farmers", "herders", "herdsmen", "pastoralists", "villagers"})
#: A capitalised word before them naming their community: "Pokomo farmers".
_COMMUNITY_BEFORE: Final = re.compile(r"\b([A-Z][a-z]{2,})\s+$")


def _communal_side(text: str, ms: list[ActorMention], agent: ActorMention,
                   cc: str | None) -> ActorMention | None:
    """The communal militia on the other side of `agent`'s fight: the first farmers (herders,
    villagers) named apart from the agent, as their community's militia ("Pokomo farmers":
    Pokomo Ethnic Militia) or an unidentified communal one."""
    first: ActorMention | None = None
    for m in ms:
        if m.actor_type is not _CIVILIANS or m.start == agent.start or \
                m.text.lower().rsplit(None, 1)[-1] not in _SIDE_PEOPLE:
            continue
        code = m.country_code or cc
        word = _COMMUNITY_BEFORE.search(text, max(0, m.start - 20), m.start)
        if word is not None and word.start(1) > 1 and text[word.start(1) - 2] not in ".!?":
            return ActorMention(f"{word.group(1)} Ethnic Militia{_suffix(code)}",
                                AT_IDENTITY_MILITIA, code, word.start(1), m.end,
                                text[word.start(1):m.end])
        if first is None:
            first = ActorMention(f"Unidentified Communal Militia{_suffix(code)}",
                                 AT_IDENTITY_MILITIA, code, m.start, m.end, m.text)
    return first


def _battle(text: str, ms: list[ActorMention], cls: Classification, cc: str | None, begin: int,
            end: int) -> tuple[ActorMention | None, ActorMention | None]:
    armed = [m for m in ms if _is_armed(m)]
    agent = _agent(text, armed, cls, begin, end)
    if cls.sub_event_type is SUB_GOVERNMENT_REGAINS_TERRITORY:
        state = next((m for m in armed if _is_state(m)), None)
        agent = state or agent
    elif cls.sub_event_type is SUB_NON_STATE_OVERTAKES_TERRITORY:
        rebel = next((m for m in armed if not _is_state(m)), None)
        agent = rebel or agent
    if agent is None and armed:
        agent = armed[0]
    if agent is not None and agent.actor_type is AT_UNIDENTIFIED:
        named = _suspect(text, ms, agent, cls)  # "presumed militants ... JNIM claimed it"
        if named is not agent and named is not None:
            armed = [m for m in armed if m is not agent]
            agent = named
    if agent is None:
        herders = [m for m in ms if m.text.lower().split()[-1] in _HERDERS]
        if herders:
            agent = _as_perpetrator(herders[0], cc, cls)
    if agent is not None:  # "regime forces supported by QSD": the forces supported lead
        agent = next((m for m in armed if m.end <= agent.start and _allied(text, m, agent)
                      and _SUPPORT.fullmatch(text, m.end, agent.start)), agent)
    others = _distinct(armed, agent)
    if agent is not None:  # the other side, not the agent's own allies
        others = [m for m in others if not _same_side(agent, m)
                  and not _allied(text, agent, m)] or others
    in_sentence = [m for m in others if begin <= m.start < end]
    other = in_sentence[0] if in_sentence else (others[0] if others else None)
    if agent is None:
        front = _front(text, cc)
        if front is not None:  # fire across a front line
            state_side, rebel_side = _FRONTLINE_SIDES[front]
            return (_synth(state_side, AT_STATE_FORCES, front, cls),
                    _synth(rebel_side, AT_REBEL_GROUP, front, cls))
        return _unknown(cc, cls), _unknown(cc, cls)
    if other is None:
        if _is_state(agent):
            other = _unknown(cc, cls)
        elif agent.actor_type is AT_IDENTITY_MILITIA and (
                side := _communal_side(text, ms, agent, cc)) is not None:
            other = side  # herders against farmers: the farmers' communal militia
        elif (armed_people := _took_up_arms(text, ms, cc)) is not None:
            other = armed_people  # "residents took up arms to fight X": an armed group now
        else:
            other = _synth(f"Military Forces{_forces_of(cc)}", AT_STATE_FORCES, cc, cls)
    else:
        if any(m.name == other.name and _initiates(text, m) for m in ms) and not any(
                m.name == agent.name and _initiates(text, m) for m in ms):
            agent, other = other, agent
    return agent, other


#: After people, the words that arm them: "residents took up arms".
_UP_ARMS: Final = re.compile(r"\s+(?:\w+\s+)?(?:took up arms|take up arms|taking up arms|"
                             r"takes up arms|armed themselves)\b")


def _took_up_arms(text: str, ms: list[ActorMention], cc: str | None) -> ActorMention | None:
    """Civilians said to take up arms, as the unidentified armed group they became."""
    if "arm" not in text:
        return None
    for m in ms:
        if m.actor_type is _CIVILIANS and _UP_ARMS.match(text, m.end):
            name, actor_type, code = _unidentified(m.country_code or cc)
            return ActorMention(name, actor_type, code, m.start, m.end, m.text)
    return None


#: After a name, the text saying it is whom the attack is blamed on.
_SUSPECTED: Final = re.compile(r"\s+(?:are|is|were|was)\s+(?:the\s+)?(?:suspected|alleged|presumed|"
                               r"likely|believed)\s+(?:to be the\s+)?(?:attackers?|perpetrators?|"
                               r"culprits?|authors?)\b")
def _may_be_suspected(text: str, at: int) -> bool:
    """Whether `_SUSPECTED.match(text, at)` may match: it opens with white space (`\\s`,
    what `str.isspace` tells) and then more of it, or "are", "is", "were" or "was" and white
    space, and then more of it or the first letter of "the" or of a word of suspicion (a
    few characters read, where a match is a method call)."""
    if at + 1 >= len(text) or not text[at].isspace():
        return False
    after = text[at + 1]
    if after == "a":
        verb = 3 if text.find("are", at + 1, at + 4) == at + 1 else 0
    elif after == "i":
        verb = 2 if text.find("is", at + 1, at + 3) == at + 1 else 0
    elif after == "w":
        verb = 4 if text.find("were", at + 1, at + 5) == at + 1 else \
            3 if text.find("was", at + 1, at + 4) == at + 1 else 0
    else:
        return after.isspace()
    at += 1 + verb  # (the white space after the verb)
    if not verb or at + 1 >= len(text) or not text[at].isspace():
        return False
    after = text[at + 1]
    return after == "t" or after == "s" or after == "a" or after == "p" or after == "l" or \
        after == "b" or after.isspace()


#: The victim of a mine or a roadside bomb before the trigger: "X('s vehicle) struck an IED".
_HIT_MINE: Final = re.compile(
    r"[^.;]{0,40}?\b(?:struck|hit|ran over|run over|stepped on|drove over|"
                       r"triggered|set off|detonated)\s+(?:an?|the)\s+(?:\w+\s+){0,2}$",
                       re.IGNORECASE)


#: Countries whose unattributed fire ACLED codes between two known sides (state, rebels):
#: the Donbas front, where monitors report shots and explosions without naming who fired.
_FRONTLINE_SIDES: Final[dict[str, tuple[str, str]]] = {
    "UA": ("Military Forces of Ukraine", "NAF: United Armed Forces of Novorossiya"),
}
#: ... as reported by the ceasefire monitors (2014-2022: after February 2022 unattributed fire
#: there is mostly Russia's, so a bare "front line" is not enough).
_FRONTLINE: Final = re.compile(r"\b(?:OSCE|SMM|special monitoring mission|ceasefire violations?)\b",
                        re.IGNORECASE)
#: The OSCE Special Monitoring Mission worked in Ukraine only: it places a text with no country.
_SMM: Final = re.compile(r"\b(?:OSCE SMM|SMM|special monitoring mission)\b", re.IGNORECASE)


#: One of these is in any text, lower-cased, that _FRONTLINE (_SMM) finds.
_FRONTLINE_WORDS: Final = ("osce", "smm", "special monitoring mission", "ceasefire violation")
_SMM_WORDS: Final = ("smm", "special monitoring mission")


def _may_hold(text: str, words: tuple[str, ...]) -> bool:
    """Whether one of `words` (lower case ASCII) may be in a match of an IGNORECASE pattern of
    them on `text`: on ASCII text, whether one is in `text` lower-cased (one pass in C each,
    where the pattern's search tries every position of an article); else always."""
    return not text.isascii() or any_in(text.lower(), words)


def _front(text: str, cc: str | None) -> str | None:
    """The country of the known front line the text's unattributed fire is on, if any."""
    if cc in _FRONTLINE_SIDES and _may_hold(text, _FRONTLINE_WORDS) and _FRONTLINE.search(text):
        return cc
    if cc is None and _may_hold(text, _SMM_WORDS) and _SMM.search(text):
        return "UA"
    return None


#: Weapons seized or defused (of the text lower-cased), and the stems one of which is in
#: any match.
_SEIZED: Final = re.compile(
    r"\b(?:arrest\w*|detain\w*|seiz\w*|recover\w*|confiscat\w*|defus\w*)\b")
_SEIZED_STEMS: Final = ("arrest", "detain", "seiz", "recover", "confiscat", "defus")


def any_in(text: str, words: tuple[str, ...]) -> bool:
    """Whether one of `words` is in `text`."""
    for word in words:  # noqa: SIM110 (a loop: no generator object)
        if word in text:
            return True
    return False


#: "by" and a demonym or a name before a mention ("shots fired by Iranian guards").
_BY_NAMED: Final = re.compile(r"\bby\s+(?:the\s+)?(?:[A-Z][\w.-]*\s+){1,2}$")


_GOV_PLACES: Final = frozenset(["municipality", "governorate", "prefecture"])
_IN_PLACE: Final = re.compile(r"\bin\s+(?:the\s+)?(?:[A-Z][\w'-]*\s+){0,3}$")


def _gov_place(text: str, m: ActorMention) -> bool:
    """'in the Municipality of Allende', 'in Chinicuila municipality': a place, no actor."""
    return m.text.lower() in _GOV_PLACES and (
        text.startswith(" of ", m.end) or bool(_IN_PLACE.search(text, max(0, m.start - 40),
                                                                m.start)))


_CRIME: Final = re.compile(
    r"\b(?:drugs?|narcotics?|cocaine|heroin|marijuana|cannabis|poppy|poppies|"
                    r"labs?|laboratory|laboratories|gangs?|cartels?|traffick\w*|smuggl\w*|"
                    r"hideouts?|illegal)\b", re.IGNORECASE)


#: The words (lower case) one of which opens each match of _CRIME in a text lower-cased.
_CRIME_STEMS: Final = ("drug", "narcotic", "cocaine", "heroin", "marijuana", "cannabis", "popp",
                       "lab", "gang", "cartel", "traffick", "smuggl", "hideout", "illegal")


def _crime_in(text: str, begin: int, end: int) -> bool:
    r"""`_CRIME.search(text, begin, end) is not None`, the pattern tried (ASCII text) only where
    one of its words starts: a case-blind search tries each of its alternatives at every
    position of the sentence, comparing characters lower-cased one by one. (A match at a
    position reads the characters before it for `\b` as the search's does.)"""
    window = text[begin:end]
    if not window.isascii():  # (case-blind, "ſ" would match "s")
        return _CRIME.search(text, begin, end) is not None
    low = window.lower()
    for stem in _CRIME_STEMS:
        at = low.find(stem)
        while at >= 0:
            if _CRIME.match(text, begin + at, end) is not None:
                return True
            at = low.find(stem, at + 1)
    return False


def _same_side(a: ActorMention, b: ActorMention) -> bool:
    """Two generic state forces of one country ("border guards and police") fight on one side
    (rival governments' forces such as Libya's GNA and LNA carry a faction name)."""
    return _is_state(a) and _is_state(b) and a.country_code == b.country_code and \
        "(" not in a.name and "(" not in b.name


#: Two mentions on one side: "X and Y forces fired", "regime forces supported by QSD".
_ALLIED_LINK: Final = re.compile(
    r"\s*(?:,\s*)?(?:(?P<and>and|as well as|alongside|together with|along with)|"
    r"(?:(?:who (?:are|were|is|was) )?(?:supported|backed|assisted|accompanied|aided) by|"
    r"with the (?:support|help|backing) of|in coordination with))\s+(?:the\s+)?$",
    re.IGNORECASE)
_SUPPORT: Final = re.compile(r"[^.;]*\b(?:supported|backed|assisted|aided|support|help|"
                             r"backing) (?:by|of)\s+(?:the\s+)?", re.IGNORECASE)
#: ... unless the pair is the two sides of something: "clashes between X and Y".
_SIDES_BEFORE: Final = re.compile(r"\b(?:between|among|pitting)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$",
                                  re.IGNORECASE)


#: The first two letters of each link of `_ALLIED_LINK` (lower case), by the first.
_ALLY_STARTS: Final = {"a": "nslci", "t": "o", "w": "hi", "s": "u", "b": "a", "i": "n"}


def _may_ally(text: str, start: int, end: int) -> bool:
    """Whether `_ALLIED_LINK.fullmatch(text, start, end)` may match: after spaces and a comma,
    its link opens with two letters of `_ALLY_STARTS` in either case (two characters read,
    where a match is a method call: most gaps between two mentions, "attacked", "killed a",
    open with none). Any other white space or a character other than ASCII, which the
    pattern's IGNORECASE may match to a letter, leaves it to the pattern."""
    at = start
    while at < end and (text[at] == " " or text[at] == ","):
        at += 1
    if at + 4 > end:
        return False  # (a link and the white space after it: four characters at least)
    first = ord(text[at])
    second = ord(text[at + 1])
    if first >= 128 or second >= 128 or not (65 <= first <= 90 or 97 <= first <= 122):
        return True
    seconds = _ALLY_STARTS.get(chr(first | 32))
    return seconds is not None and chr(second | 32) in seconds


def _allied(text: str, a: ActorMention, b: ActorMention) -> bool:
    """Whether `a` and `b` are named as one side: joined by "and" as one subject ("National
    Resistance and coalition forces fired"), or one "supported by" the other."""
    first, second = (a, b) if a.start < b.start else (b, a)
    if second.start - first.end > 40 or second.start < first.end:
        return False
    link = _ALLIED_LINK.fullmatch(text, first.end, second.start) if _may_ally(
        text, first.end, second.start) else None
    if link is None:
        return False
    return link.group("and") is None or _SIDES_BEFORE.search(
        text, max(0, first.start - 40), first.start) is None


def _named_first(ms: list[ActorMention]) -> list[ActorMention]:
    """Named groups before generic ones ("gang members ... MS-13" -> MS-13)."""
    return sorted(ms, key=lambda m: m.name.startswith("Unidentified")
                  or m.actor_type is _UNIDENTIFIED)


def _suspect(text: str, ms: list[ActorMention], agent: ActorMention | None,
             cls: Classification) -> ActorMention | None:
    """A named group the text links to the event when the doer is not named ("unknown
    assailants ... suspected to be Al Shabaab")."""
    if agent is not None and agent.actor_type is not AT_UNIDENTIFIED:
        return agent
    # "planted by an unidentified armed group": only a claim or a suspicion names the group
    named_doer = agent is not None and _by_agent(text, agent)
    # (a group the unknown men fought is the other side, named again later too: "engaged by
    # MILF fighters ... the police came to the aid of the MILF")
    fought: set[str] | None = None
    for m in ms:
        if _is_armed(m) and not _is_state(m) and m.actor_type is not _UNIDENTIFIED \
                and not m.name.startswith("Unidentified"):
            if fought is not None and m.name in fought:
                continue
            if _fought(text, m.start):
                if fought is None:
                    fought = set()
                fought.add(m.name)
                continue
            # (the cheaper tests first, `_is_patient` last: pure tests, in any order the same)
            if not _owned(text, m.start) and (
                    not named_doer or _LINKED.search(
                        text, max(0, m.start - 60), min(len(text), m.end + 60))) \
                    and (not _is_patient(text, m, cls) or _CLAIMS.match(text, m.end)):
                return m
    return agent


def _owned(text: str, start: int) -> bool:
    """`_OWNED.search(text, max(0, start - 30), start) is not None`, searched only where
    "of " (any case) is in the last 9 characters before `start`: a match ends with "of " or
    "of the ", at `start` or before a line break ending there (`$`); a search tries the
    pattern at every position of its window."""
    if "of " not in text[max(0, start - 9):start].lower():
        return False
    return _OWNED.search(text, max(0, start - 30), start) is not None


#: The verbs `_FOUGHT` opens with (after "\b"), each in any text it matches.
_FOUGHT_VERBS: Final[tuple[str, ...]] = ("clashed with", "confronted", "engaged", "fought",
                                         "repelled by", "resisted by")


def _fought(text: str, start: int) -> bool:
    """`_FOUGHT.search(text, max(0, start - 40), start) is not None`, searched only where one
    of its verbs is in that window (each found in place: no slice)."""
    begin = max(0, start - 40)
    for verb in _FOUGHT_VERBS:
        if text.find(verb, begin, start) != -1:
            return _FOUGHT.search(text, begin, start) is not None
    return False


#: Words that tie a named group to an attack it is not said to have done itself.
_LINKED: Final = re.compile(r"\b(?:suspect\w*|claim\w*|believ\w*|blam\w*|link\w*|attribut\w*|"
                     r"presum\w*|affiliat\w*|accus\w*|responsib\w*|behind|loyal to)\b",
                     re.IGNORECASE)
#: A group's own claim right after its name ("the blast hit a truck and JNIM claimed it"): the
#: group is the claimant, whatever word ("and", "with") stands before it.
_CLAIMS: Final = re.compile(r"\s+(?:has\s+|have\s+|had\s+|later\s+)?claim(?:ed|s)\b")
#: A group named as the other side of the fight: "... and confronted a local militia".
_FOUGHT: Final = re.compile(r"\b(?:clashed with|confronted(?: by)?|engaged(?: by)?|fought|"
                            r"fought with|repelled by|resisted by)\s+(?:the\s+|a\s+|an\s+)?"
                            r"(?:local\s+|responding\s+)?$")
#: A group named as the owner of the target: "the headquarters of Al Sham Corps".
_OWNED: Final = re.compile(r"\b(?:headquarters|base|office|offices|position|positions|post|camp|"
                    r"house|home|member|members|commander|leader|vehicle|convoy) of (?:the )?$",
                    re.IGNORECASE)


def _violence(text: str, ms: list[ActorMention], cls: Classification, cc: str | None,
              begin: int, end: int) -> tuple[ActorMention | None, ActorMention | None]:
    armed = [m for m in ms if _is_armed(m)]
    agent = _suspect(text, ms, _agent(text, armed, cls, begin, end), cls)
    if agent is None:
        # (the first of each kind only, found only when the kinds before it have none)
        civ_agent = next((m for m in ms if m.actor_type is _CIVILIANS and
                          begin <= m.start < end and _by_agent(text, m)), None)
        herder = None if civ_agent is not None else next(
            (m for m in ms if m.text.lower().split()[-1] in _HERDERS
             and not _is_patient(text, m, cls)), None)
        if civ_agent is not None:
            agent = _as_perpetrator(civ_agent, cc, cls)
        elif herder is not None:
            agent = _as_perpetrator(herder, cc, cls)
        elif armed:
            agent = armed[0]
        else:
            # "Ethiopian attack on Kenyan villagers": a demonym on the attack itself names
            # the attackers' country, whatever the event's
            agent = _unknown(_demonym_before(text, cls.start) or cc, cls)
    # the victims: civilians other than the agent, no "by X" agent (the first, and after it
    # one said to be harmed: "raided a camp, robbing residents ... three Ethiopian refugees
    # were killed" names the victims' country; the cheap tests before `_by_agent`, pure)
    victim: ActorMention | None = None
    for m in ms:
        if m.actor_type is not _CIVILIANS or m.start == agent.start:
            continue
        if victim is None:
            if not _by_agent(text, m):
                victim = m
        elif m.name != victim.name and m.country_code and _harmed(text, m) \
                and not _by_agent(text, m):
            return agent, m
    if victim is None:
        return agent, _synth(f"Civilians{_suffix(cc)}", AT_CIVILIANS, cc, cls)
    return agent, victim


def _remote(text: str, ms: list[ActorMention], cls: Classification, cc: str | None,
            begin: int, end: int) -> tuple[ActorMention | None, ActorMention | None]:
    armed = [m for m in ms if _is_armed(m)]
    agent = _agent(text, armed, cls, begin, end, strict=True)
    if agent is not None and _HIT_MINE.match(text, agent.end, cls.start):
        agent = None  # "an army vehicle struck an IED": the army is the target
    # "strikes by helicopter gunships ... a private contractor is the suspected perpetrator"
    agent = next((m for m in armed if _may_be_suspected(text, m.end)
                  and _SUSPECTED.match(text, m.end)), None) or agent
    agent = _suspect(text, ms, agent, cls)
    front = _front(text, cc) if agent is None and not armed else None
    if front is not None:
        # shells observed along a known front line: ACLED codes the state side's fire
        return _synth(_FRONTLINE_SIDES[front][0], AT_STATE_FORCES, front, cls), None
    if agent is None:
        agent = _unknown(cc, cls)
    # the first target in the sentence, else the first elsewhere said to be harmed (each
    # mention tested only until one is found, the sentence's first: no list of them all)
    target: ActorMention | None = None
    for m in ms:
        if begin <= m.start < end and _remote_target(text, m, agent, cls):
            target = m
            break
    if target is None:
        for m in ms:
            if not (begin <= m.start < end) and _remote_target(text, m, agent, cls) \
                    and _is_patient(text, m, cls):
                target = m
                break
    if target is not None and target.actor_type is AT_IDENTITY_MILITIA and \
            target.text.lower().rsplit(" ", 1)[-1] in _HERDERS and _is_patient(text, target, cls):
        # "the army bombed Pokot herders": herders bombed are civilians
        code = target.country_code or cc
        target = ActorMention(f"Civilians{_suffix(code)}", AT_CIVILIANS, code, target.start,
                              target.end, target.text)
    if target is not None and target.actor_type is _CIVILIANS and \
            _CIVILIAN_VEHICLE.match(text, target.start):
        # "an IED planted on a civilian car ... leaving the policemen inside wounded": the
        # car's word is no one; the forces the blast harmed are the target
        harmed = next((m for m in ms if target.end < m.start < end and _is_state(m)
                       and _remote_target(text, m, agent, cls) and _is_patient(text, m, cls)),
                      None)
        if harmed is not None:
            target = harmed
    if target is None and cls.sub_event_type in (SUB_REMOTE_EXPLOSIVE,
                                                 SUB_GRENADE):
        # a bomb or a grenade with no named target: ACLED codes whoever it hit as civilians
        target = _synth(f"Civilians{_suffix(cc)}", AT_CIVILIANS, cc, cls)
    return agent, target


#: "civilian" as the word of a vehicle, not of people ("a civilian car", "civilian buses").
_CIVILIAN_VEHICLE: Final = re.compile(
    r"[Cc]ivilian\s+(?:car|cars|vehicle|vehicles|bus|buses|minibus|truck|trucks|van|vans)\b")


def _remote_target(text: str, m: ActorMention, agent: ActorMention,
                   cls: Classification) -> bool:
    """Whether `m` may be the target of `agent`'s remote attack: armed or civilians, someone
    else, no "by X" agent, after the trigger or a patient, not `agent`'s ally, not "shot"
    (fired). (The cheap tests first: each is a pure test, so their order changes no answer.)"""
    # ("fired sniper shots at": fire, no one; `text.startswith(" shot", m.end)` as a bounded
    # find: compiled, where the method call is not)
    return m.start != agent.start and m.name != agent.name and (
        _is_armed(m) or m.actor_type is _CIVILIANS) \
        and text.find(" shot", m.end, m.end + 5) != m.end and not _by_agent(text, m) \
        and (m.start > cls.start or _is_patient(text, m, cls)) and not _allied(text, agent, m)


#: Before the group that fighters change sides to: "joined the Taliban", "defected to IS".
_JOINED: Final = re.compile(r"\b(?:joined|join|joining|defected to|defecting to|switched to)\s+"
                            r"(?:the\s+)?(?:ranks\s+of\s+(?:the\s+)?)?$")


def _strategic(text: str, ms: list[ActorMention], cls: Classification, cc: str | None,
               begin: int, end: int, sub: SubEventType
               ) -> tuple[ActorMention | None, ActorMention | None]:
    armed = [m for m in ms if _is_armed(m)]
    if sub is SUB_ARRESTS:
        state = next((m for m in armed if _is_state(m)), None)
        if state is None:
            state = _synth(f"Police Forces{_forces_of(cc)}", AT_STATE_FORCES, cc, cls)
        # "police and allied militiamen of X detained ...": X is on the arresting side
        allies = {m.name for m in armed if not _is_state(m)
                  and any(_is_state(s) and _allied(text, s, m) for s in armed)}
        group = next((m for m in _named_first(armed) if not _is_state(m)
                      and m.actor_type is not _UNIDENTIFIED
                      and m.name not in PARTIES  # party members: civilians
                      and m.name not in allies), None)
        if group is not None:
            return state, group
        # "a group of unidentified armed individuals ... were detained": armed men, no
        # civilians (named near the arrest: in its paragraph, a sentence or so away)
        unknown = next((m for m in armed if m.actor_type is _UNIDENTIFIED
                        and abs(m.start - cls.start) <= 200
                        and text.find("\n", min(m.start, cls.start), max(m.start, cls.start)) < 0
                        ), None)
        if unknown is not None:
            return state, unknown
        victim = _first(ms, (AT_CIVILIANS, AT_PROTESTERS))
        code = victim.country_code if victim and victim.country_code else cc
        return state, _synth(f"Civilians{_suffix(code)}", AT_CIVILIANS, code, cls)
    if sub is SUB_DISRUPTED_WEAPONS_USE:
        agent = _agent(text, armed, cls, begin, end) or (armed[0] if armed else None)
        if agent is None:
            return _unknown(cc, cls), None
        others = _named_first(_distinct(armed, agent))
        if _is_state(agent):
            others = [m for m in others if not _same_side(agent, m)]
        if others:
            return agent, others[0]
        if _is_state(agent):
            return agent, _unknown(cc, cls)
        low = text.lower()
        if any_in(low, _SEIZED_STEMS) and _SEIZED.search(low):
            return agent, _synth(f"Police Forces{_forces_of(cc)}", AT_STATE_FORCES, cc,
                                 cls)
        return agent, None
    if sub is SUB_LOOTING:
        agent = _agent(text, armed, cls, begin, end) or (armed[0] if armed else None)
        if agent is None:
            agent = _unknown(cc, cls)
        if _is_state(agent):
            others = [m for m in _distinct(armed, agent) if not _is_state(m)]
            if others:
                return agent, others[0]
            if _crime_in(text, begin, end):  # a drug lab or a gang hideout destroyed
                return agent, _synth(f"Unidentified Gang{_suffix(cc)}", AT_UNIDENTIFIED,
                                     cc, cls)
            # homes demolished, crops burnt: civilians' property
        victim = next((m for m in ms if m.actor_type is _CIVILIANS), None)
        code = victim.country_code if victim and victim.country_code else cc
        return agent, _synth(f"Civilians{_suffix(code)}", AT_CIVILIANS, code, cls)
    if sub is SUB_AGREEMENT:
        sides = [m for m in ms if _is_armed(m) or m.name.startswith("Government")]
        first = sides[0] if sides else None
        rest = _distinct(sides, first)
        return first, rest[0] if rest else None
    actors = [m for m in ms if _is_armed(m) or (
        m.name.startswith("Government") and not _gov_place(text, m))]
    by = [m for m in actors if begin <= m.start < end and _is_armed(m) and (
        _by_agent(text, m) or _BY_NAMED.search(text, max(0, m.start - 40), m.start))] \
        if sub is SUB_OTHER else []
    if by:  # "officers reported shots fired by Iranian guards": the guards fired
        agent = by[0]
        return agent, next((m for m in actors if begin <= m.start < end and _is_armed(m)
                            and m.name != agent.name), None)
    if actors:  # "in Chinicuila municipality, members of the CJNG ...": the CJNG
        if sub is SUB_CHANGE_TO_GROUP:
            # "soldiers and policemen joined the Taliban": the group joined is the other side
            joined = next((m for m in actors[1:] if m.name != actors[0].name and
                           _JOINED.search(text, max(0, m.start - 24), m.start)), None)
            return actors[0], joined
        return actors[0], None
    people = [m for m in ms if m.actor_type in _PEOPLE_TYPES]
    return (people[0] if people else None), None
