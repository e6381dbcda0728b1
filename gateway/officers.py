"""Officers and supervisors: who receives an alert about a village."""

from __future__ import annotations

from gateway.models import Officer, Village

ROLES = ("officer", "supervisor")


class OfficerError(ValueError):
    """An officer cannot be added as asked."""


def add(
    phone: str, name: str, role: str, village_code: str | None, district: str | None
) -> Officer:
    """Add or update an officer (needs a village) or a supervisor (needs a district)."""
    village = Village.get_or_none(Village.code == village_code) if village_code else None
    if village_code and village is None:
        raise OfficerError(f"unknown village code {village_code}")
    if role == "officer" and village is None:
        raise OfficerError("an officer needs --village")
    district = district or (village.district if village else None)
    if not district:
        raise OfficerError("a supervisor needs --district (or --village)")
    fields = {"name": name, "role": role, "village": village, "district": district}
    officer = Officer.get_or_none(Officer.phone == phone)
    if officer is None:
        return Officer.create(phone=phone, **fields)
    Officer.update(**fields).where(Officer.id == officer.id).execute()
    return Officer.get_by_id(officer.id)


def supervisors(district: str | None) -> list[Officer]:
    """The district's supervisors (none when the district is unknown: never another's)."""
    if not district:
        return []
    return list(
        Officer.select().where((Officer.role == "supervisor") & (Officer.district == district))
    )


def for_village(village: Village | None) -> list[Officer]:
    """Who gets a village's alerts: its officers, else its district's supervisors."""
    if village is None:
        return []
    officers = list(
        Officer.select().where((Officer.role == "officer") & (Officer.village == village))
    )
    return officers or supervisors(village.district)


def first_contact(village: Village | None) -> Officer | None:
    """The one person a family of this village is told will contact them."""
    recipients = for_village(village)
    return recipients[0] if recipients else None
