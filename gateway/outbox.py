"""The outbox: every outbound SMS is a row first; RQ jobs carry only the row id."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, timedelta

from flask import current_app
from redis import RedisError
from rq import Retry
from rq.exceptions import DuplicateJobError, NoSuchJobError
from rq.job import Job, JobStatus

from gateway import alerts, clock, contacts, gsm7, queues, quiet_hours
from gateway.models import Alert, AlertState, MessageKind, OutboxMessage, OutboxStatus
from gateway.providers import SendResult, SendStatus

log = logging.getLogger(__name__)

SEND_JOB = "workers.jobs.send_sms"
RETRY = Retry(max=4, interval=[10, 30, 120, 300])
MAX_ATTEMPTS = 5  # the first try and RETRY's four; after that a row is failed for good
MAX_AMBIGUOUS = 1  # a possibly-sent message is tried once more, never twice
QUEUE_OF_KIND = {
    MessageKind.ALERT: "alerts",
    MessageKind.REPLY: "sms",
    MessageKind.BROADCAST: "sms",
}
ALIVE = {JobStatus.QUEUED, JobStatus.SCHEDULED, JobStatus.STARTED, JobStatus.DEFERRED}

# Delivery reports: interim ones may be replaced; a final one never is.
INTERIM_DELIVERY = {"Sent", "Submitted", "Buffered"}
FINAL_DELIVERY = {
    "Success": OutboxStatus.DELIVERED,
    "Failed": OutboxStatus.FAILED,
    "Rejected": OutboxStatus.FAILED,
    "AbsentSubscriber": OutboxStatus.FAILED,
    "Expired": OutboxStatus.FAILED,
}
DELIVERY_STATUSES = INTERIM_DELIVERY | FINAL_DELIVERY.keys()


_batch: ContextVar[list[OutboxMessage] | None] = ContextVar("outbox_batch", default=None)


@contextmanager
def batch() -> Iterator[list[OutboxMessage]]:
    """Collect the rows add() stores inside the block; enqueue them when it ends (after the
    caller's transaction has committed, so a worker never looks for a row not yet there)."""
    rows: list[OutboxMessage] = []
    token = _batch.set(rows)
    try:
        yield rows
    finally:
        _batch.reset(token)
    enqueue(rows)


def add(
    to: str, text: str, kind: MessageKind = MessageKind.REPLY, alert: Alert | None = None
) -> OutboxMessage:
    """Store one SMS in the caller's transaction; it is enqueued when the batch() ends.
    Broadcasts and non-urgent alerts wait for daytime at the recipient (quiet hours)."""
    status = OutboxStatus.QUEUED
    if kind is MessageKind.BROADCAST:
        contact = contacts.find(to)
        if contact and contact.opted_out:
            status = OutboxStatus.SUPPRESSED
    urgent = kind is MessageKind.REPLY or (alert is not None and alert.urgent)
    row = OutboxMessage.create(
        to=to,
        text=gsm7.to_gsm7(text),  # echoed names and queries may carry emoji or curly quotes
        kind=kind.value,
        status=status.value,
        alert_id=alert.id if alert else None,
        not_before=None
        if urgent
        else quiet_hours.not_before(to, clock.now(), current_app.config["QUIET_HOURS"]),
    )
    rows = _batch.get()
    if rows is not None:
        rows.append(row)
    return row


def enqueue(rows: Iterable[OutboxMessage]) -> None:
    """Give queued rows to RQ. A dead Redis only delays them: the sweeper tries again."""
    for row in rows:
        if row.status == OutboxStatus.QUEUED:
            _enqueue(row)


def _job_id(row_id: int) -> str:
    return f"outbox-{row_id}"


def _enqueue(row: OutboxMessage) -> bool:
    """Enqueue the row's job unless a live one exists; False when nothing was enqueued."""
    try:
        if _job_alive(row.id):
            return False
        queue = queues.queue(QUEUE_OF_KIND[MessageKind(row.kind)])
        options = {
            "job_id": _job_id(row.id),
            "unique": True,
            "retry": RETRY,
            "result_ttl": 0,
        }  # the row is the record of what happened, not the job
        if row.not_before and row.not_before > clock.now():
            queue.enqueue_at(row.not_before.replace(tzinfo=UTC), SEND_JOB, row.id, **options)
        else:
            queue.enqueue(SEND_JOB, row.id, **options)
    except DuplicateJobError:
        return False  # another process enqueued it a moment ago
    except RedisError as error:
        log.warning("outbox row %s not enqueued, Redis unavailable: %s", row.id, error)
        return False
    return True


def cancel_for_alert(alert_id: int) -> int:
    """Cancel the alert's SMS not yet handed to a worker; return how many."""
    return (
        OutboxMessage.update(status=OutboxStatus.CANCELLED.value, updated_at=clock.now())
        .where(
            (OutboxMessage.alert_id == alert_id)
            & (OutboxMessage.status == OutboxStatus.QUEUED.value)
        )
        .execute()
    )


def claim(row_id: int) -> OutboxMessage | None:
    """Mark a queued row as being sent and return it; None if it is not queued (sent, final...)."""
    claimed = (
        OutboxMessage.update(
            status=OutboxStatus.SENDING.value,
            attempts=OutboxMessage.attempts + 1,
            updated_at=clock.now(),
        )
        .where(
            (OutboxMessage.id == row_id)
            & (OutboxMessage.status == OutboxStatus.QUEUED.value)
            & (OutboxMessage.not_before.is_null() | (OutboxMessage.not_before <= clock.now()))
        )
        .execute()
    )
    return OutboxMessage.get_by_id(row_id) if claimed else None


def record_result(row: OutboxMessage, result: SendResult) -> bool:
    """Store the outcome of a send attempt; True when the row should be tried again."""
    row.updated_at = clock.now()
    row.last_error = result.error
    retry = False
    if result.status is SendStatus.SENT:
        row.status, row.provider_id, row.sent_at = (
            OutboxStatus.SENT.value,
            result.provider_id,
            row.updated_at,
        )
    elif result.status is SendStatus.FINAL:
        row.status = OutboxStatus.FAILED.value
    elif result.status is SendStatus.AMBIGUOUS:
        row.ambiguous_attempts += 1
        retry = row.ambiguous_attempts <= MAX_AMBIGUOUS and row.attempts < MAX_ATTEMPTS
        row.status = (OutboxStatus.QUEUED if retry else OutboxStatus.UNKNOWN).value
    else:
        retry = row.attempts < MAX_ATTEMPTS
        row.status = (OutboxStatus.QUEUED if retry else OutboxStatus.FAILED).value
    row.save()
    if result.status is SendStatus.SENT:
        _alert_event(row, AlertState.SENT)
    else:
        log.warning(
            "outbox row %s attempt %s: %s (%s)",
            row.id,
            row.attempts,
            result.status.value,
            result.error,
        )
    return retry


def record_delivery(provider_id: str, status: str, failure_reason: str | None) -> bool:
    """Apply a delivery report; False when no row has that provider id."""
    row = OutboxMessage.get_or_none(OutboxMessage.provider_id == provider_id)
    if row is None:
        log.info("delivery report for unknown message id %s (%s)", provider_id, status)
        return False
    if row.delivery_status in FINAL_DELIVERY:
        return True  # a final report stands; a late interim one is history
    row.delivery_status = status
    if status in FINAL_DELIVERY:
        row.status = FINAL_DELIVERY[status].value
        row.last_error = failure_reason or None
    row.updated_at = clock.now()
    row.save()
    if row.status == OutboxStatus.DELIVERED:
        _alert_event(row, AlertState.DELIVERED)
    return True


def _alert_event(row: OutboxMessage, state: AlertState) -> None:
    """An alert's SMS was sent or delivered: that is part of the alert's story."""
    alert = Alert.get_or_none(Alert.id == row.alert_id) if row.alert_id else None
    if alert is not None:
        alerts.record(alert, state, actor=row.to)


def sweep(stale_seconds: int) -> int:
    """Re-enqueue queued rows whose RQ job was lost; settle rows a dead worker left mid-send."""
    cutoff = clock.now() - timedelta(seconds=stale_seconds)
    stale = OutboxMessage.updated_at < cutoff
    for row in OutboxMessage.select().where(
        (OutboxMessage.status == OutboxStatus.SENDING.value) & stale
    ):
        # The worker died while talking to the provider: the message may have gone.
        record_result(row, SendResult(SendStatus.AMBIGUOUS, error="worker lost mid-send"))
    requeued = 0
    for row in OutboxMessage.select().where(
        (OutboxMessage.status == OutboxStatus.QUEUED.value) & stale
    ):
        requeued += _enqueue(row)
    return requeued


def _job_alive(row_id: int) -> bool:
    try:
        job = Job.fetch(_job_id(row_id), connection=queues.redis())
    except NoSuchJobError:
        return False
    if job.get_status() in ALIVE:
        return True
    job.delete()  # finished or failed in RQ, yet the row still waits (a restored database...)
    return False
