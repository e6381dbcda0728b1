"""The outbox: every outbound SMS is a row first; RQ jobs carry only the row id."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, datetime, timedelta

from flask import current_app
from peewee import fn
from redis import RedisError
from rq import Retry
from rq.exceptions import DuplicateJobError, NoSuchJobError
from rq.job import Job, JobStatus

from gateway import (
    budget,
    clock,
    contacts,
    dead_numbers,
    gsm7,
    limits,
    queues,
    quiet_hours,
)
from gateway.models import OutboxMessage
from gateway.statuses import MessageKind, OutboxStatus

log = logging.getLogger(__name__)

SEND_JOB = "workers.jobs.send_sms"
QUEUE_OF_KIND = {
    MessageKind.ALERT: "alerts",
    MessageKind.REPLY: "sms",
    MessageKind.BROADCAST: "sms",
}
ALIVE = {JobStatus.QUEUED, JobStatus.SCHEDULED, JobStatus.STARTED, JobStatus.DEFERRED}

_batch: ContextVar[list[OutboxMessage] | None] = ContextVar("outbox_batch", default=None)


@contextmanager
def batch() -> Iterator[list[OutboxMessage]]:
    """Collect the rows add() stores inside the block; enqueue them when it ends (after the
    caller's transaction has committed, so a worker never looks for a row not yet there).
    A batch inside a batch joins the outer one."""
    outer = _batch.get()
    if outer is not None:
        mark = len(outer)
        try:
            yield outer
        except BaseException:
            del outer[mark:]  # rolled back with the inner savepoint: nothing to enqueue
            raise
        return
    rows: list[OutboxMessage] = []
    token = _batch.set(rows)
    try:
        yield rows
    finally:
        _batch.reset(token)
    enqueue(rows)


def add(
    to: str,
    text: str,
    kind: MessageKind = MessageKind.REPLY,
    alert_id: int | None = None,
    urgent: bool = False,
    broadcast_id: int | None = None,
) -> OutboxMessage:
    """Store one SMS in the caller's unit of work; it is enqueued when the work ends. Replies
    and urgent alerts go at once; broadcasts and other alerts wait for daytime at the recipient
    (quiet hours), and for next month once the village's SMS budget is spent."""
    urgent = urgent or kind is MessageKind.REPLY
    why = _held_back(to, kind, urgent)
    status = OutboxStatus.SUPPRESSED if why else OutboxStatus.QUEUED
    waits = (
        []
        if urgent
        else [quiet_hours.not_before(to, clock.now(), current_app.config["QUIET_HOURS"])]
    )
    if not why:
        charged = budget.charge(to, urgent)
        waits.append(charged.not_before)
        for supervisor, warning in charged.warnings:
            add(supervisor, warning, kind=MessageKind.BROADCAST)
    row = OutboxMessage.create(
        to=to,
        text=gsm7.to_gsm7(text),  # echoed names and queries may carry emoji or curly quotes
        kind=kind.value,
        status=status.value,
        last_error=why,
        alert_id=alert_id,
        broadcast_id=broadcast_id,
        not_before=max((when for when in waits if when), default=None),
    )
    rows = _batch.get()
    if rows is not None:  # outside a unit of work the row waits for the sweep
        rows.append(row)
    return row


def _held_back(to: str, kind: MessageKind, urgent: bool) -> str | None:
    """Why this SMS is kept and not sent, if it is."""
    if kind is MessageKind.BROADCAST:
        contact = contacts.find(to)
        if contact and contact.opted_out:
            return "STOP"
    if not urgent and dead_numbers.is_paused(to):
        return "number paused: its SMS keep failing"
    if kind is MessageKind.REPLY:  # a bot in a reply loop with us (alerts are never capped)
        if limits.count("to", to, "OUTBOUND_SMS_PER_HOUR") is not limits.Verdict.ALLOW:
            return "hourly cap of SMS to this number"
    return None


def enqueue(rows: Iterable[OutboxMessage]) -> None:
    """Give queued rows to RQ. A dead Redis only delays them: the sweeper tries again."""
    for row in rows:
        if row.status == OutboxStatus.QUEUED:
            enqueue_row(row)


def job_id(row: OutboxMessage) -> str:
    """The RQ job id of a row: its id and when it was made, so that a job left in Redis by
    another database (a restored backup, a fresh local one) never passes for this row's."""
    return f"outbox-{row.id}-{row.created_at:%Y%m%d%H%M%S%f}"


def enqueue_row(row: OutboxMessage) -> bool:
    """Enqueue the row's job unless a live one exists; False when nothing was enqueued."""
    try:
        if _job_alive(row):
            return False
        queue = queues.queue(QUEUE_OF_KIND[MessageKind(row.kind)])
        options = {
            "job_id": job_id(row),
            "unique": True,
            "retry": Retry(max=len(retry_waits()), interval=list(retry_waits())),
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


def resend(row_id: int) -> bool:
    """Put a failed row back in the queue, its attempts counted afresh, enqueued when the
    caller's unit of work ends; False when the row is not failed (nothing changed)."""
    changed = (
        OutboxMessage.update(
            status=OutboxStatus.QUEUED.value,
            attempts=0,
            ambiguous_attempts=0,
            not_before=None,
            # A new send: the old one's id and final delivery report must not judge it.
            provider_id=None,
            delivery_status=None,
            sent_at=None,
            updated_at=clock.now(),
        )
        .where((OutboxMessage.id == row_id) & (OutboxMessage.status == OutboxStatus.FAILED.value))
        .execute()
    )
    if changed:
        rows = _batch.get()
        if rows is not None:  # outside a unit of work the row waits for the sweep
            rows.append(OutboxMessage.get_by_id(row_id))
    return bool(changed)


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


def status_report(limit: int = 50) -> tuple[dict[tuple[str, str], int], list[OutboxMessage]]:
    """Row counts by (kind, status), and the latest rows in doubt: final `unknown` (may have
    gone, not repeated) or sent after an uncertain try (may have arrived twice)."""
    counts = {
        (row.kind, row.status): row.count
        for row in OutboxMessage.select(
            OutboxMessage.kind, OutboxMessage.status, fn.COUNT(OutboxMessage.id).alias("count")
        ).group_by(OutboxMessage.kind, OutboxMessage.status)
    }
    doubtful = list(
        OutboxMessage.select()
        .where(
            (OutboxMessage.status == OutboxStatus.UNKNOWN.value)
            | (OutboxMessage.ambiguous_attempts > 0)
        )
        .order_by(OutboxMessage.id.desc())
        .limit(limit)
    )
    return counts, doubtful


def retry_waits() -> tuple[int, ...]:
    """How long RQ waits before each retry of a failed send (OUTBOX_RETRY_SECONDS)."""
    return current_app.config["OUTBOX_RETRY_SECONDS"]


def lease_seconds() -> int:
    """How long a send may take at most (the provider's time-outs and some): a row or job busy
    longer than this was left by a killed worker."""
    return current_app.config["OUTBOX_STALE_SECONDS"]


def _job_alive(row: OutboxMessage) -> bool:
    """Whether RQ still holds a job that will send the row. A job "started" longer ago than the
    lease belongs to a killed worker: RQ would notice only minutes later."""
    try:
        job = Job.fetch(job_id(row), connection=queues.redis())
    except NoSuchJobError:
        return False
    status = job.get_status()
    if status in ALIVE - {JobStatus.STARTED}:
        return True
    if status == JobStatus.STARTED and job.started_at:
        # RQ's own clock, not the gateway's: both times are RQ's.
        if job.started_at + timedelta(seconds=lease_seconds()) > datetime.now(UTC):
            return True
    job.delete()  # finished, failed or abandoned in RQ, yet the row still waits
    return False
