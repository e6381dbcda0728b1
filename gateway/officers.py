"""Officers and supervisors: who receives an alert about a village."""

from __future__ import annotations

from gateway import i18n
from gateway.i18n import desk_text
from gateway.models import Officer, Person, Village
from gateway.statuses import OfficerRole

NAME_ROOM = 25  # an officer's name in a family's answer: it stays one SMS segment

ROLES = tuple(role.value for role in OfficerRole)


class OfficerError(ValueError):
    """A staff account cannot be changed as asked; its message is the desk's words for why
    (catalog i18n/desk_ops.py, `staff.*`), shown on the desk and by the CLI alike."""


def add(
    phone: str, name: str, role: str, village_code: str | None, district: str | None
) -> Officer:
    """Add or update an officer (needs a village), a supervisor (needs a district) or an
    operator (neither)."""
    if not name.strip():
        raise OfficerError(desk_text("staff.name_needed"))
    village = Village.get_or_none(Village.code == village_code) if village_code else None
    if village_code and village is None:
        raise OfficerError(desk_text("staff.village_unknown", code=village_code))
    if role == OfficerRole.OFFICER and village is None:
        raise OfficerError(desk_text("staff.officer_village"))
    if role == OfficerRole.OPERATOR and (village or district):
        raise OfficerError(desk_text("staff.operator_everywhere"))
    district = known_district(district) if district else (village.district if village else None)
    if village is not None and district != village.district:  # alerts would go elsewhere
        params = {"village": village.name, "district": village.district}
        raise OfficerError(desk_text("staff.district_not_villages", **params))
    if role == OfficerRole.OPERATOR:
        village, district = None, ""  # every village, on the web desk only
    elif not district:
        raise OfficerError(desk_text("staff.supervisor_district"))
    fields = {"name": name, "role": role, "village": village, "district": district}
    officer = Officer.get_or_none(Officer.phone == phone)
    if officer is None and role != OfficerRole.OPERATOR and _family_on(phone):
        # A staff phone gets the staff menu and every alert: the family's own menu, check-ins
        # and SMS answers would stop on it.
        raise OfficerError(desk_text("staff.family_phone"))
    if officer is None:
        return Officer.create(phone=phone, **fields)
    Officer.update(**fields).where(Officer.id == officer.id).execute()
    return Officer.get_by_id(officer.id)


def _family_on(phone: str) -> bool:
    return Person.select().where(Person.phone == phone).exists()


def known_district(name: str) -> str:
    """The district as the villages table spells it (any case, spaces squeezed); alerts are
    routed by exact district, so a supervisor of a district with no village would get none."""
    wanted = " ".join(name.split()).lower()
    districts = sorted({v.district for v in Village.select(Village.district)})
    for district in districts:
        if " ".join(district.split()).lower() == wanted:
            return district
    if not districts:
        raise OfficerError(desk_text("staff.no_districts", district=name))
    known = ", ".join(districts)
    raise OfficerError(desk_text("staff.district_unknown", district=name, known=known))


def sees(officer: Officer, village: Village | None) -> bool:
    """Whether something of this village (None: of no village) is in this staff member's
    scope: an officer's village, a supervisor's district, everything for an operator."""
    if officer.role == OfficerRole.OPERATOR:
        return True
    if village is None:
        return False
    if officer.role == OfficerRole.SUPERVISOR:
        return village.district == officer.district
    return village.id == officer.village_id


def is_officer(phone: str) -> bool:
    """Whether this phone belongs to an officer or a supervisor."""
    return Officer.select().where(Officer.phone == phone).exists()


def village_of(phone: str) -> Village | None:
    """The village of the village officer on this phone, if it is one."""
    officer = Officer.get_or_none(
        (Officer.phone == phone) & (Officer.role == OfficerRole.OFFICER.value)
    )
    return officer.village if officer else None


def district_of(phone: str) -> str | None:
    """The district of the supervisor on this phone, if it is one."""
    supervisor = Officer.get_or_none(
        (Officer.phone == phone) & (Officer.role == OfficerRole.SUPERVISOR.value)
    )
    return supervisor.district if supervisor else None


def supervisors(district: str | None) -> list[Officer]:
    """The district's supervisors (none when the district is unknown: never another's)."""
    if not district:
        return []
    return list(
        Officer.select().where(
            (Officer.role == OfficerRole.SUPERVISOR.value) & (Officer.district == district)
        )
    )


def for_village(village: Village | None, besides: str | None = None) -> list[Officer]:
    """Who gets a village's alerts: its officers, else its district's supervisors; never the
    staff member who reported it (`besides`): an officer's own report goes to the others, else
    to their supervisors."""
    if village is None:
        return []
    officers = Officer.select().where(
        (Officer.role == OfficerRole.OFFICER.value) & (Officer.village == village)
    )
    return [o for o in officers if o.phone != besides] or [
        s for s in supervisors(village.district) if s.phone != besides
    ]


def first_contact(village: Village | None, besides: str | None = None) -> Officer | None:
    """The one person a family of this village is told will contact them."""
    recipients = for_village(village, besides)
    return recipients[0] if recipients else None


def contact_name(village: Village | None, lang: str, besides: str | None = None) -> str:
    """Who a family of this village will hear from, by name, for its texts: the village
    officer, or the district supervisor where the village has none (or it reported itself)."""
    contact = first_contact(village, besides)
    if contact is None:
        return i18n.text(lang, "officer.generic")
    name = contact.name
    if len(name) > NAME_ROOM:
        name = name[: NAME_ROOM - 2] + ".."
    if contact.role == OfficerRole.SUPERVISOR:
        return i18n.text(lang, "officer.named_supervisor", name=name)
    return i18n.text(lang, "officer.named", name=name)
