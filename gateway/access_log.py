"""The access log (UU PDP): who opened whose personal data, and when. The desk's household,
child, family-list and export views are kept here; case views (the desk, INFO by SMS, the USSD
case screen) are part of each case's own history (alerts.note_viewed). `recent` reads both."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from gateway import alerts, clock
from gateway.models import AccessLog, Alert, AlertEvent, Officer

HOUSEHOLD, CHILD, FAMILIES, EXPORT, CASE = "household", "child", "families", "export", "case"


@dataclass(frozen=True)
class Look:
    """One read of personal data: when, by whom, what kind, which one, rows if an export."""

    at: datetime
    actor: str
    actor_name: str
    kind: str
    subject: str
    count: int | None


def record(actor: str, kind: str, subject: str | int, count: int | None = None) -> None:
    """Keep one look: the staff member's phone, what they opened, and rows shown if a list."""
    AccessLog.create(actor=actor, kind=kind, subject=str(subject), count=count, at=clock.now())


def recent(actor: str | None = None, limit: int = 200) -> list[Look]:
    """The latest reads of personal data, desk pages and case views together, newest first;
    only those of one staff member (phone) if given."""
    pages = AccessLog.select().order_by(AccessLog.at.desc(), AccessLog.id.desc()).limit(limit)
    cases = (
        AlertEvent.select(AlertEvent.at, AlertEvent.actor, Alert.ref)
        .join(Alert)
        .where(AlertEvent.state == alerts.VIEWED)
        .order_by(AlertEvent.at.desc(), AlertEvent.id.desc())
        .limit(limit)
    )
    if actor is not None:
        pages, cases = pages.where(AccessLog.actor == actor), cases.where(AlertEvent.actor == actor)
    looks = [(row.at, row.actor, row.kind, row.subject, row.count) for row in pages]
    looks += [(at, who, CASE, ref, None) for at, who, ref in cases.tuples()]
    looks.sort(key=lambda look: look[0], reverse=True)
    names = dict(
        Officer.select(Officer.phone, Officer.name)
        .where(Officer.phone.in_({look[1] for look in looks}))
        .tuples()
    )
    return [Look(at, who, names.get(who, "-"), *rest) for at, who, *rest in looks[:limit]]
