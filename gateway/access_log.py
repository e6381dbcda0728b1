"""The web desk's access log (UU PDP): who opened a household's or a child's page, or exported
a scope's rows, and when. Case views go to the case's own history instead (alerts.note_viewed)."""

from __future__ import annotations

from gateway import clock
from gateway.models import AccessLog

HOUSEHOLD, CHILD, EXPORT = "household", "child", "export"


def record(actor: str, kind: str, subject: str | int, count: int | None = None) -> None:
    """Keep one look: the staff member's phone, what they opened, and rows exported if any."""
    AccessLog.create(actor=actor, kind=kind, subject=str(subject), count=count, at=clock.now())


def views(kind: str, subject: str | int) -> list[AccessLog]:
    """Who opened this page (or export), newest first."""
    query = AccessLog.select().where((AccessLog.kind == kind) & (AccessLog.subject == str(subject)))
    return list(query.order_by(AccessLog.at.desc(), AccessLog.id.desc()))
