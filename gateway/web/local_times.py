"""Times on the desk as the logged-in staff member reads a clock: their own zone (their
village's province: WIB, WITA or WIT), named."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from flask import g
from flask_login import current_user

from gateway import quiet_hours


def _staff_zone() -> ZoneInfo:
    # The staff member's own zone (their village's province: WIB, WITA or WIT), once a request.
    if "staff_zone" not in g:
        phone = current_user.phone if current_user.is_authenticated else None
        g.staff_zone = quiet_hours.zone_for(phone) if phone else quiet_hours.WIB
    return g.staff_zone


def _local(moment: datetime) -> datetime:
    # Times are stored as naive UTC; RQ's heartbeats come with their zone.
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return aware.astimezone(_staff_zone())


def local_time(moment: datetime | None, pattern: str = "%d-%m-%Y %H:%M") -> str:
    """A stored time as the logged-in staff member reads a clock, zone named (e.g. 08:15 WITA)."""
    if moment is None:
        return "-"
    local = _local(moment)
    return f"{local.strftime(pattern)} {local.tzname()}"


def local_date(moment: datetime | None) -> str:
    """The day of a stored time in the staff member's zone."""
    return _local(moment).strftime("%d-%m-%Y") if moment else "-"
