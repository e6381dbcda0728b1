"""Escalation: an alert nobody acknowledged by its deadline goes, once, to the supervisors of
its village's district (DESIGN section 5)."""

from __future__ import annotations

from gateway import alerts, clock, i18n, officers, quiet_hours, reports
from gateway.models import Alert
from gateway.statuses import AlertState
from gateway.transactions import unit_of_work


def escalation_text(alert: Alert) -> str:
    """The supervisor's SMS for an alert nobody acknowledged (officers read Indonesian)."""
    return i18n.fit(
        "id",
        "alert.escalated",
        {
            "ref": alert.ref,
            "category": i18n.text("id", "category." + alert.category),
            "village": alerts.village_name(alert.village, "id"),
            "opened": quiet_hours.local_time_label(alert.opened_at, alert.village),
        },
        shorten="village",
    )


def escalate_overdue() -> int:
    """Escalate, once, every alert past its deadline that nobody acknowledged; return how many.
    Safe to run twice at once: the state update decides who escalates."""
    # Read whole before the first write: on SQLite, a read still open when the worker has
    # written since cannot become a write ("database is locked", half the cases left).
    overdue = list(
        Alert.select().where(
            Alert.state.in_([s.value for s in alerts.OPEN]) & (Alert.deadline_at <= clock.now())
        )
    )
    count = 0
    for alert in overdue:
        with unit_of_work():
            if not alerts.record(alert, AlertState.ESCALATED):
                continue  # acknowledged or escalated meanwhile
            district = alert.village.district if alert.village else None
            report = reports.for_ref(alert.ref)  # a supervisor's own report: the others
            reporter = report.reporter if report else None
            alerts.send_to(
                [s for s in officers.supervisors(district) if s.phone != reporter],
                escalation_text(alert),
                alert,
                f"escalation of {alert.ref}",
            )
            count += 1
    return count
