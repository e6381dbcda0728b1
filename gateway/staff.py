"""Staff on the web desk: logging in with a password (locked after repeated failures), and what
each may see: an officer their village, a supervisor their district, an operator everything."""

from __future__ import annotations

import secrets
from datetime import timedelta

from peewee import Field, ModelSelect

from gateway import alerts, crypto, lockout
from gateway.i18n import desk_text
from gateway.models import Alert, AlertEvent, Officer, Person, Village
from gateway.statuses import OfficerRole

LOGIN_TRIES = 5
LOGIN_LOCK = timedelta(minutes=15)
MIN_PASSWORD = 8


class LoginLockedError(Exception):
    """Too many wrong passwords: the account is closed for a while."""


LOGIN_RULE = lockout.Rule(
    LOGIN_TRIES, LOGIN_LOCK, "login_failures", "login_locked_until", LoginLockedError
)


def set_password(officer: Officer, password: str) -> None:
    """Store a new password (hashed, with the pepper) and lift any lock; old sessions end, and
    so does a first-login link not used yet (staff_invites)."""
    if len(password) < MIN_PASSWORD:
        raise ValueError(f"a password needs {MIN_PASSWORD} characters at least")
    fields = {
        "password_hash": crypto.hash_pin(password),
        "login_failures": 0,
        "login_locked_until": None,
        "invite_hash": None,
        "invite_expires": None,
    }
    Officer.update(**fields).where(Officer.id == officer.id).execute()
    for name, value in fields.items():  # the caller's copy says so too (no link to send now)
        setattr(officer, name, value)


def authenticate(phone: str, password: str) -> Officer | None:
    """The staff member with this phone and password; None when either is wrong.
    LoginLockedError while locked: the LOGIN_TRIES-th wrong password in a row locks the
    account for LOGIN_LOCK (lockout.py)."""
    officer = Officer.get_or_none(Officer.phone == phone)
    if officer is None or not officer.password_hash:
        return None
    right = lockout.attempt(
        LOGIN_RULE,
        Officer,
        officer.id,
        lambda: crypto.pin_matches(officer.password_hash, password),
    )
    return Officer.get_by_id(officer.id) if right else None


def load(session_id: str) -> Officer | None:
    """The staff member a session names, unless their password changed since it began."""
    officer_id, _, tail = session_id.partition(":")
    officer = Officer.get_or_none(Officer.id == int(officer_id)) if officer_id.isdigit() else None
    if officer is None or not officer.password_hash or officer.get_id() != session_id:
        return None
    return officer


def end_sessions(officer: Officer) -> None:
    """Log out: every session of this staff member ends, on this computer and any other (the
    session lives in a signed cookie, which a copy would otherwise keep alive)."""
    Officer.update(session_nonce=secrets.token_hex(8)).where(Officer.id == officer.id).execute()


def scope_label(officer: Officer) -> str:
    """What this staff member sees, in a few words (the page header)."""
    if officer.role == OfficerRole.OPERATOR:
        return desk_text("scope.all")
    if officer.role == OfficerRole.SUPERVISOR:
        return desk_text("scope.district", district=officer.district)
    return desk_text("scope.village", name=officer.village.name) if officer.village else "-"


def villages(officer: Officer) -> list[Village]:
    """The villages in this staff member's scope, by name."""
    query = Village.select().order_by(Village.name)
    if officer.role == OfficerRole.SUPERVISOR:
        query = query.where(Village.district == officer.district)
    elif officer.role != OfficerRole.OPERATOR:
        query = query.where(Village.id == officer.village_id)
    return list(query)


def village_ids(officer: Officer) -> list[int] | None:
    """The ids of the villages in scope; None for an operator: every village, and the rows
    that have none (a CEK from an unregistered number, say)."""
    if officer.role == OfficerRole.OPERATOR:
        return None
    return [village.id for village in villages(officer)]


def scoped(officer: Officer, query: ModelSelect, column: Field) -> ModelSelect:
    """`query` narrowed to the rows whose village (`column`) is in this staff member's scope."""
    ids = village_ids(officer)
    return query if ids is None else query.where(column.in_(ids))


def case(officer: Officer, ref: str) -> tuple[Alert | None, bool]:
    """The case with this reference and whether this staff member may open it."""
    alert = Alert.get_or_none(Alert.ref == ref.strip().upper())
    return alert, alert is not None and alerts.entitled(officer, alert)


def history(alert: Alert) -> list[tuple[AlertEvent, str]]:
    """Everything that happened to the case, oldest first, each with who did it (or was sent
    it): by name and phone, a staff member or the person registered on the number (a family
    writing more), else by phone. Who read it in full and when is in the access log (a row per
    page view buried the family's own words)."""
    events = list(
        alert.events.where(AlertEvent.state != alerts.VIEWED).order_by(AlertEvent.at, AlertEvent.id)
    )
    phones = {event.actor for event in events if event.actor}
    names = {o.phone: o.name for o in Officer.select().where(Officer.phone.in_(phones))}
    for phone in phones - set(names):  # a few: the family's and the reporter's numbers
        person = Person.select().where(Person.phone == phone).order_by(Person.id).first()
        if person is not None:
            names[phone] = person.name
    return [(event, _who(event.actor, names)) for event in events]


def _who(phone: str | None, names: dict[str, str]) -> str:
    if not phone:
        return "-"
    return f"{names[phone]}, {phone}" if phone in names else phone
