"""RQ jobs: module-level verbs that take row ids; exceptions reach RQ, which retries them."""

from __future__ import annotations

from flask import current_app

from gateway import (
    alerts,
    checkin_prompts,
    checkins,
    delivery,
    escalation,
    outbox_jobs,
    providers,
    retention,
    sending,
    sessions,
    summaries,
)
from gateway.models import OutboxMessage, db
from gateway.providers.base import SendResult
from gateway.sending import StatusChange
from gateway.transactions import unit_of_work


class SendRetryError(RuntimeError):
    """A send failed in a way worth another try; RQ's Retry schedules it."""


def send_sms(row_id: int) -> str:
    """Send outbox row `row_id` once, with the due rows of its text when it has a batch key (one
    provider call for all); a row not queued (already sent, in another job's batch, final) is
    skipped. Rows this job was to carry and did not send get their own jobs."""
    with db.connection_context():
        rows = sending.claim_batch(row_id, current_app.config["OUTBOX_BATCH_SIZE"])
        if not rows:
            if sending.behind_an_earlier_sms(row_id):
                # Back later with the rows it carries that wait too; the others go now.
                outbox_jobs.hand_off(row_id, only=sending.free_to_go())
                raise SendRetryError(f"outbox row {row_id}: an earlier SMS to its number waits")
            outbox_jobs.hand_off(row_id)
            if sending.waiting_for_retry(row_id):  # it failed in another job's batch
                raise SendRetryError(f"outbox row {row_id}: waiting for its next try")
            return "skipped"
    # The database connection is not held while the provider answers (up to ~35 s).
    provider = providers.from_config(current_app.config)
    results = provider.send_many([row.to for row in rows], rows[0].text)
    with db.connection_context():
        changes = _settle(rows, results)
        if rows[0].batch_key:  # alerts and replies carry no other row
            outbox_jobs.hand_off(row_id)
    lead, change = rows[0], changes[0]
    if change is not None and change.retry:
        raise SendRetryError(f"outbox row {row_id}: {results[0].status.value}: {results[0].error}")
    return lead.status


def _settle(rows: list[OutboxMessage], results: list[SendResult]) -> list[StatusChange | None]:
    """Store each row's own outcome, then tell its alert and apply a delivery report that came
    before the provider id was stored."""
    with unit_of_work():  # what happened is stored first, whatever follows
        changes = [sending.record_result(r, res) for r, res in zip(rows, results, strict=True)]
    for row, change in zip(rows[1:], changes[1:], strict=True):
        if change is not None and change.retry and row.sent_with != rows[0].id:
            # Carried by another job, which may have run (and skipped it) already; the rows
            # this job carries get their own jobs from hand_off.
            outbox_jobs.enqueue_row(row)
    with unit_of_work():
        for change in changes:
            alerts.follow_sending(change)
        sent = [row for row, change in zip(rows, changes, strict=True) if change is not None]
        for change in delivery.apply_early_reports(sent):  # a report may have come first
            alerts.follow_sending(change)
    return changes


def sweep_outbox() -> int:
    """Every minute: re-enqueue outbox rows whose job was lost, settle sends a killed worker
    left; return how many were enqueued. Forget delivery reports that found no message."""
    with db.connection_context():
        delivery.forget_early_reports()
        # Rows younger than the lease are left to the web and the worker that made them.
        return sending.sweep(queued_for_seconds=current_app.config["OUTBOX_STALE_SECONDS"])


def hand_back_outbox() -> int:
    """On a Redis that may have lost its jobs (at start, after a restart): every queued row
    without a live job goes back to RQ at once, alerts first; return how many."""
    with db.connection_context():
        return sending.sweep()


def forget_ussd_checkpoints() -> int:
    """Drop the USSD checkpoints of sessions that are over; return how many."""
    with db.connection_context():
        return sessions.forget_checkpoints(current_app.config["USSD_SESSION_MINUTES"])


def purge_old_personal_data() -> str:
    """Daily: check-in answers and closed cases older than RETENTION_DAYS lose their data."""
    with db.connection_context():
        return retention.purge(current_app.config["RETENTION_DAYS"]).describe()


def escalate_alerts() -> int:
    """Escalate overdue alerts to the district supervisor, each once; return how many."""
    with db.connection_context():
        return escalation.escalate_overdue()


def start_checkins() -> int:
    """Open check-ins for the children due one (every CHECKIN_EVERY_DAYS); return how many."""
    with db.connection_context():
        return checkins.open_due(current_app.config).opened


def remind_checkins() -> int:
    """Remind caregivers whose check-in has waited three days; return how many."""
    with db.connection_context():
        return checkin_prompts.remind_due(current_app.config)


def send_monthly_summaries() -> int:
    """The monthly news of the children to the migrants who asked for it; return how many."""
    with db.connection_context():
        config = current_app.config
        return summaries.send_monthly(config["DEFAULT_LANGUAGE"], config["USSD_CODE"])
