"""The outbox: every outbound SMS is a row first; RQ jobs carry only the row id."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from flask import current_app
from redis import RedisError
from rq import Retry
from rq.exceptions import DuplicateJobError, NoSuchJobError
from rq.job import Job, JobStatus

from gateway import (
    budget,
    clock,
    contacts,
    crypto,
    gsm7,
    limits,
    queues,
    quiet_hours,
)
from gateway.models import Contact, OutboxMessage, db
from gateway.statuses import MessageKind, OutboxStatus

log = logging.getLogger(__name__)

SEND_JOB = "workers.jobs.send_sms"
INSERT_CHUNK = ENQUEUE_CHUNK = 500  # rows per multi-row INSERT, jobs per Redis pipeline
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
    fields = _fields(to, text, kind, urgent, contacts.find(to), None)
    row = OutboxMessage.create(alert_id=alert_id, broadcast_id=broadcast_id, **fields)
    _join_batch([row])
    return row


def add_many(
    messages: list[tuple[str, str]],
    kind: MessageKind = MessageKind.BROADCAST,
    broadcast_id: int | None = None,
) -> list[OutboxMessage]:
    """add() for many (to, text) of one kind at once (a check-in round, a broadcast): what the
    rules need of the recipients is read in a few queries, the rows inserted 500 at a time."""
    phones = sorted({to for to, _ in messages})
    known = contacts.for_phones(phones)
    zones = quiet_hours.zones_for(phones) if current_app.config["QUIET_HOURS"] else {}
    fields = [
        {
            **_fields(to, text, kind, False, known.get(to), zones.get(to)),
            "broadcast_id": broadcast_id,
        }
        for to, text in messages
    ]
    rows = []
    for start in range(0, len(fields), INSERT_CHUNK):
        rows += _insert(fields[start : start + INSERT_CHUNK])
    _join_batch(rows)
    return rows


def _fields(
    to: str,
    text: str,
    kind: MessageKind,
    urgent: bool,
    contact: Contact | None,
    zone: ZoneInfo | None,
) -> dict:
    """An outbox row's fields: held back or queued, and when it may go."""
    urgent = urgent or kind is MessageKind.REPLY
    why = _held_back(to, kind, urgent, contact)
    waits = (
        []
        if urgent
        else [quiet_hours.not_before(to, clock.now(), current_app.config["QUIET_HOURS"], zone)]
    )
    if not why:
        charged = budget.charge(to, urgent)
        waits.append(charged.not_before)
        for supervisor, warning in charged.warnings:
            add(supervisor, warning, kind=MessageKind.BROADCAST)
    text = gsm7.to_gsm7(text)  # echoed names and queries may carry emoji or curly quotes
    return {
        "to": to,
        "text": text,
        "kind": kind.value,
        "batch_key": _batch_key(kind, text),
        "status": (OutboxStatus.SUPPRESSED if why else OutboxStatus.QUEUED).value,
        "last_error": why,
        "not_before": max((when for when in waits if when), default=None),
    }


def _batch_key(kind: MessageKind, text: str) -> str | None:
    """What rows that may share one provider call have in common: broadcasts of one text (a
    desk broadcast, a round's prompts); alerts and replies go alone. Keyed: a plain hash would
    tell anyone reading the database which birth years a round's prompts name."""
    if kind is not MessageKind.BROADCAST:
        return None
    return crypto.lookup_hash(f"batch:{text}")


def _insert(fields: list[dict]) -> list[OutboxMessage]:
    """Insert rows in one statement and return them with their ids."""
    now = clock.now()
    fields = [{"created_at": now, "updated_at": now, **row} for row in fields]
    query = OutboxMessage.insert_many(fields)
    if db.returning_clause:  # PostgreSQL
        return list(query.returning(OutboxMessage).execute())
    # SQLite: one writer at a time (the transaction holds the lock), so the ids are the ones
    # after the last id the statement gave.
    last = query.execute()
    first = last - len(fields) + 1
    found = OutboxMessage.select().where(OutboxMessage.id.between(first, last))
    return list(found.order_by(OutboxMessage.id))


def _join_batch(rows: list[OutboxMessage]) -> None:
    batch_rows = _batch.get()
    if batch_rows is not None:  # outside a unit of work the rows wait for the sweep
        batch_rows.extend(rows)


def _held_back(to: str, kind: MessageKind, urgent: bool, contact: Contact | None) -> str | None:
    """Why this SMS is kept and not sent, if it is (`contact`: the number's, if stored)."""
    if kind is MessageKind.BROADCAST and contact and contact.opted_out:
        return "STOP"
    if not urgent and contact and contact.paused_at is not None:
        return "number paused: its SMS keep failing"
    if kind is MessageKind.REPLY:  # a bot in a reply loop with us (alerts are never capped)
        if limits.count("to", to, "OUTBOUND_SMS_PER_HOUR") is not limits.Verdict.ALLOW:
            return "hourly cap of SMS to this number"
    return None


def enqueue(rows: Iterable[OutboxMessage]) -> None:
    """Give queued rows to RQ. A dead Redis only delays them: the sweeper tries again. Many at
    once (a round, a broadcast, also one held back by quiet hours) go in a few round trips:
    rows whose job does not exist yet are enqueued, or scheduled, 500 to a pipeline; a row that
    has a job already is checked on its own (enqueue_row)."""
    waiting = [row for row in rows if row.status == OutboxStatus.QUEUED]
    has_job = []
    for start in range(0, len(waiting), ENQUEUE_CHUNK):
        has_job += _enqueue_new(waiting[start : start + ENQUEUE_CHUNK])
    for row in has_job:
        enqueue_row(row)


def _enqueue_new(rows: list[OutboxMessage]) -> list[OutboxMessage]:
    """Enqueue (or schedule, for a row not due yet) in one pipeline the rows that have no job
    yet; return the others."""
    now = clock.now()
    try:
        connection = queues.redis()
        checks = connection.pipeline(transaction=False)
        for row in rows:
            checks.exists(Job.key_for(job_id(row)))
        has_job = checks.execute()
        pipe = connection.pipeline()
        fresh = [row for row, exists in zip(rows, has_job, strict=True) if not exists]
        for row in fresh:
            queue = queues.queue(QUEUE_OF_KIND[MessageKind(row.kind)])
            options = {"pipeline": pipe, **_job_options(row)}
            if row.not_before and row.not_before > now:
                at = row.not_before.replace(tzinfo=UTC)
                queue.enqueue_at(at, SEND_JOB, row.id, **options)
            else:
                queue.enqueue_call(SEND_JOB, args=(row.id,), **options)
        pipe.execute()
    except RedisError as error:
        log.warning("%s outbox rows not enqueued, Redis unavailable: %s", len(rows), error)
        return []
    return [row for row, exists in zip(rows, has_job, strict=True) if exists]


def _job_options(row: OutboxMessage) -> dict:
    """The RQ options of a row's send job."""
    return {
        "job_id": job_id(row),
        "retry": Retry(max=len(retry_waits()), interval=list(retry_waits())),
        "result_ttl": 0,  # the row is the record of what happened, not the job
    }


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
        options = {**_job_options(row), "unique": True}
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


def retry_waits() -> tuple[int, ...]:
    """How long RQ waits before each retry of a failed send (OUTBOX_RETRY_SECONDS)."""
    return current_app.config["OUTBOX_RETRY_SECONDS"]


def lease_seconds() -> int:
    """How long a send may take at most (the provider's time-outs and some): a row or job busy
    longer than this was left by a killed worker."""
    return current_app.config["OUTBOX_STALE_SECONDS"]


def _job_alive(row: OutboxMessage) -> bool:
    """Whether RQ still holds a job that will send the row. A job "started" longer ago than the
    lease belongs to a killed worker, and so does one still "queued" but no longer in its queue
    (taken by a worker killed before it could start it): RQ would notice only minutes later."""
    try:
        job = Job.fetch(job_id(row), connection=queues.redis())
    except NoSuchJobError:
        return False
    status = job.get_status()
    lease_ago = datetime.now(UTC) - timedelta(seconds=lease_seconds())  # RQ's clock, as its times
    if status == JobStatus.QUEUED and job.enqueued_at and job.enqueued_at < lease_ago:
        queue = queues.queue(QUEUE_OF_KIND[MessageKind(row.kind)])
        if queues.redis().lpos(queue.key, job.id) is not None:
            return True
    elif status in ALIVE - {JobStatus.STARTED}:
        return True
    if status == JobStatus.STARTED and job.started_at and job.started_at > lease_ago:
        return True
    job.delete()  # finished, failed or abandoned in RQ, yet the row still waits
    return False
