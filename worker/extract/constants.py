"""The members of the wire enums (`worker.models`) as `Final` constants, tested by the finders.

In the compiled core a `Final` is a C static of the module that defines it, and a module that
imports one reads that same static (mypyc compiles the modules as one group): as cheap as a
constant of its own, where `ActorType.CIVILIANS` would be an attribute look-up on an
interpreted enum class (~875 instructions a read). Define them here, once.
"""

from __future__ import annotations

from typing import Final

from worker.models import ActorType, CasualtyKind, EventType, Precision, SourceKind, SubEventType

AT_STATE_FORCES: Final = ActorType.STATE_FORCES
AT_REBEL_GROUP: Final = ActorType.REBEL_GROUP
AT_POLITICAL_MILITIA: Final = ActorType.POLITICAL_MILITIA
AT_IDENTITY_MILITIA: Final = ActorType.IDENTITY_MILITIA
AT_RIOTERS: Final = ActorType.RIOTERS
AT_PROTESTERS: Final = ActorType.PROTESTERS
AT_CIVILIANS: Final = ActorType.CIVILIANS
AT_EXTERNAL_FORCES: Final = ActorType.EXTERNAL_FORCES
AT_UNIDENTIFIED: Final = ActorType.UNIDENTIFIED

ET_BATTLES: Final = EventType.BATTLES
ET_EXPLOSIONS: Final = EventType.EXPLOSIONS
ET_VIOLENCE_AGAINST_CIVILIANS: Final = EventType.VIOLENCE_AGAINST_CIVILIANS
ET_PROTESTS: Final = EventType.PROTESTS
ET_RIOTS: Final = EventType.RIOTS
ET_STRATEGIC: Final = EventType.STRATEGIC

SUB_ARMED_CLASH: Final = SubEventType.ARMED_CLASH
SUB_GOVERNMENT_REGAINS_TERRITORY: Final = SubEventType.GOVERNMENT_REGAINS_TERRITORY
SUB_NON_STATE_OVERTAKES_TERRITORY: Final = SubEventType.NON_STATE_OVERTAKES_TERRITORY
SUB_CHEMICAL_WEAPON: Final = SubEventType.CHEMICAL_WEAPON
SUB_AIR_DRONE_STRIKE: Final = SubEventType.AIR_DRONE_STRIKE
SUB_SUICIDE_BOMB: Final = SubEventType.SUICIDE_BOMB
SUB_SHELLING: Final = SubEventType.SHELLING
SUB_REMOTE_EXPLOSIVE: Final = SubEventType.REMOTE_EXPLOSIVE
SUB_GRENADE: Final = SubEventType.GRENADE
SUB_SEXUAL_VIOLENCE: Final = SubEventType.SEXUAL_VIOLENCE
SUB_ATTACK: Final = SubEventType.ATTACK
SUB_ABDUCTION: Final = SubEventType.ABDUCTION
SUB_PEACEFUL_PROTEST: Final = SubEventType.PEACEFUL_PROTEST
SUB_PROTEST_WITH_INTERVENTION: Final = SubEventType.PROTEST_WITH_INTERVENTION
SUB_EXCESSIVE_FORCE: Final = SubEventType.EXCESSIVE_FORCE
SUB_VIOLENT_DEMONSTRATION: Final = SubEventType.VIOLENT_DEMONSTRATION
SUB_MOB_VIOLENCE: Final = SubEventType.MOB_VIOLENCE
SUB_AGREEMENT: Final = SubEventType.AGREEMENT
SUB_ARRESTS: Final = SubEventType.ARRESTS
SUB_CHANGE_TO_GROUP: Final = SubEventType.CHANGE_TO_GROUP
SUB_DISRUPTED_WEAPONS_USE: Final = SubEventType.DISRUPTED_WEAPONS_USE
SUB_HEADQUARTERS_ESTABLISHED: Final = SubEventType.HEADQUARTERS_ESTABLISHED
SUB_LOOTING: Final = SubEventType.LOOTING
SUB_NON_VIOLENT_TRANSFER: Final = SubEventType.NON_VIOLENT_TRANSFER
SUB_OTHER: Final = SubEventType.OTHER

CK_KILLED: Final = CasualtyKind.KILLED
CK_INJURED: Final = CasualtyKind.INJURED
CK_CAPTURED: Final = CasualtyKind.CAPTURED

PREC_DAY: Final = Precision.DAY
PREC_WEEK: Final = Precision.WEEK
PREC_MONTH: Final = Precision.MONTH

SK_OUTLET: Final = SourceKind.OUTLET
SK_PERSON: Final = SourceKind.PERSON
SK_ORGANIZATION: Final = SourceKind.ORGANIZATION
