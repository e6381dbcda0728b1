"""Staff accounts as an operator keeps them on the desk: add an officer or a supervisor, reset
a PIN (INFO <ref> <PIN>) or a web-desk password, or send a one-time link to set one. The same
rules as `flask add-officer`."""

from __future__ import annotations

from peewee import JOIN

from gateway import crypto, officers, pins, staff, staff_invites
from gateway.i18n import desk_text
from gateway.models import Officer, Village
from gateway.statuses import OfficerRole

ADDABLE = (OfficerRole.OFFICER.value, OfficerRole.SUPERVISOR.value)  # operators: by the CLI


def listing() -> list[Officer]:
    """Every staff member, by role then name."""
    order = {role.value: index for index, role in enumerate(OfficerRole)}
    people = Officer.select(Officer, Village).join(Village, JOIN.LEFT_OUTER)
    return sorted(people, key=lambda o: (order.get(o.role, 9), o.name.lower()))


def check_pin(pin: str) -> None:
    """OfficerError unless the PIN is 4 to 8 digits."""
    if not (pin.isdigit() and 4 <= len(pin) <= 8):
        raise officers.OfficerError(desk_text("staff.pin_digits"))


def check_password(password: str) -> None:
    """OfficerError for a password shorter than staff.MIN_PASSWORD."""
    if len(password) < staff.MIN_PASSWORD:
        raise officers.OfficerError(desk_text("staff.password_short", least=staff.MIN_PASSWORD))


def add(
    phone: str,
    name: str,
    role: str,
    village_code: str,
    district: str,
    pin: str,
    password: str,
    replace: bool = False,
) -> Officer:
    """Add or update an officer or supervisor (OfficerError saying why not); the PIN and the
    password are set when given. Moving someone to another role or area needs `replace`: a
    typed number that is a supervisor's would otherwise leave a district without one. The
    caller's transaction holds it all or nothing."""
    if role not in ADDABLE:
        raise officers.OfficerError(desk_text("staff.role_wrong"))
    if pin:
        check_pin(pin)
    if password:
        check_password(password)
    existing = Officer.get_or_none(Officer.phone == phone)
    if existing is not None and existing.role == OfficerRole.OPERATOR:
        raise officers.OfficerError(desk_text("staff.operators_number"))
    code = "".join(filter(str.isdigit, village_code)) or None
    if existing is not None and not replace:
        moved = (
            existing.role != role
            or (existing.village.code != code if existing.village else bool(code))
            or (role == OfficerRole.SUPERVISOR and existing.district != district.strip())
        )
        if moved:
            area = existing.village.name if existing.village else existing.district
            raise officers.OfficerError(
                desk_text(
                    "staff.would_replace",
                    name=existing.name,
                    role=desk_text(
                        "ops.staff.supervisor"
                        if existing.role == OfficerRole.SUPERVISOR
                        else "ops.staff.officer"
                    ),
                    area=area,
                )
            )
    officer = officers.add(phone, name, role, code, district.strip() or None)
    if pin:
        pins.set_pin_hash(officer, crypto.hash_pin(pin))
    if password:
        staff.set_password(officer, password)
    return officer


def _resettable(officer_id: int) -> Officer | None:
    """An officer or supervisor by id; an operator's secrets change only by the CLI (one
    operator cannot take another's account)."""
    officer = Officer.get_or_none(Officer.id == officer_id)
    return officer if officer is not None and officer.role in ADDABLE else None


def reset_pin(officer_id: int, pin: str) -> Officer | None:
    """Give this officer or supervisor a new PIN (its lock lifted); None when there is no such
    one (or it is an operator)."""
    check_pin(pin)
    officer = _resettable(officer_id)
    if officer is not None:
        pins.set_pin_hash(officer, crypto.hash_pin(pin))
    return officer


def reset_password(officer_id: int, password: str) -> Officer | None:
    """Give this officer or supervisor a new web-desk password (their sessions end, the lock
    lifts); None when there is no such one (or it is an operator)."""
    check_password(password)
    officer = _resettable(officer_id)
    if officer is not None:
        staff.set_password(officer, password)
    return officer


def send_invite(officer_id: int, public_url: str) -> Officer | None:
    """Text this officer or supervisor a one-time link to set their desk password (a lost
    password too); None when there is no such one (or it is an operator)."""
    officer = _resettable(officer_id)
    if officer is not None:
        staff_invites.invite(officer, public_url)
    return officer
