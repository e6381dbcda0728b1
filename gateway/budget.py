"""A monthly SMS budget per village (VILLAGE_SMS_PER_MONTH; 0: none): the district supervisor
is warned at 80%; past 100% what is not urgent waits for the next month; urgent SMS always go.
Counted in Redis: when Redis is down nothing waits."""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass, field
from datetime import datetime

from flask import current_app

from gateway import clock, i18n, officers, queues
from gateway.models import Officer, Person, Village

log = logging.getLogger(__name__)
WARN_AT = 0.8
MONTH_SECONDS = 32 * 24 * 3600


@dataclass
class Charge:
    """One SMS counted: when it may go (None: now), and warnings for supervisors to send."""

    not_before: datetime | None = None
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (phone, text)


def charge(to: str, urgent: bool) -> Charge:
    """Count one SMS to `to` against its village's budget for this month."""
    limit = current_app.config["VILLAGE_SMS_PER_MONTH"]
    village = _village_of(to) if limit else None
    if village is None:
        return Charge()
    now = clock.now()
    used = queues.count(f"budget:{village.id}:{now:%Y%m}", MONTH_SECONDS)
    if used is None:
        return Charge()
    result = Charge()
    if used == math.ceil(limit * WARN_AT):
        result.warnings = _warnings(village, used, limit)
    if used > limit and not urgent:
        result.not_before = _next_month(now)
    return result


def _village_of(phone: str) -> Village | None:
    person = Person.select().where(Person.phone == phone).order_by(Person.id).first()
    if person is not None:
        return person.village
    officer = Officer.get_or_none(Officer.phone == phone)
    return officer.village if officer else None


def _warnings(village: Village, used: int, limit: int) -> list[tuple[str, str]]:
    params = {"village": village.name, "used": used, "budget": limit}
    text = i18n.text(i18n.STAFF, "budget.warning", **params)
    log.warning("SMS budget of %s: %s of %s used this month", village.name, used, limit)
    return [(supervisor.phone, text) for supervisor in officers.supervisors(village.district)]


def _next_month(now: datetime) -> datetime:
    """01:00 UTC on the first of next month: 08:00 in Java."""
    year, month = (now.year + 1, 1) if now.month == 12 else (now.year, now.month + 1)
    return datetime(year, month, 1, 1, 0)
