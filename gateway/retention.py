"""Retention (UU PDP): what is no longer needed goes. Check-in answers, and closed cases' texts,
older than RETENTION_DAYS; what remains are anonymous counts (a round answered, a case of this
category in this village closed)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from gateway import clock
from gateway.models import Alert, AlertEvent, Checkin, Report, db
from gateway.statuses import AlertState

ANSWERS = ("school", "health", "mood", "contact", "problem")


@dataclass(frozen=True)
class Purged:
    """How many rows lost their personal data."""

    checkins: int
    cases: int

    def describe(self) -> str:
        """One line for the operator."""
        return (
            f"Removed the answers of {self.checkins} check-in(s) "
            f"and the texts of {self.cases} closed case(s)."
        )


def purge(retention_days: int) -> Purged:
    """Blank check-in answers and closed cases older than `retention_days` (idempotent)."""
    cutoff = clock.now() - timedelta(days=retention_days)
    with db.atomic():
        old_answers = (Checkin.answered_at < cutoff) & Checkin.problem.is_null(False)
        checkins = Checkin.update(**dict.fromkeys(ANSWERS)).where(old_answers).execute()
        closed = list(
            Alert.select().where(
                (Alert.state == AlertState.CLOSED.value)
                & (Alert.opened_at < cutoff)
                & ((Alert.child_id.is_null(False)) | Alert.ref.in_(Report.select(Report.ref)))
            )
        )
        for alert in closed:
            AlertEvent.update(note=None).where(AlertEvent.alert == alert).execute()
            Report.delete().where(Report.ref == alert.ref).execute()
        Alert.update(child_id=None).where(Alert.id.in_([a.id for a in closed])).execute()
    return Purged(checkins=checkins, cases=len(closed))
