"""The outbox's RQ jobs: each queued row has one (a row id its only argument), its own or, in a
batch of one broadcast text, the job of the batch's first row (`sent_with`); enqueued or
scheduled many to a Redis pipeline; a row whose job RQ lost is found and given a new one."""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from flask import current_app
from peewee import Expression
from redis import RedisError
from rq import Retry
from rq.exceptions import DuplicateJobError, NoSuchJobError
from rq.job import Job, JobStatus

from gateway import clock, queues
from gateway.models import OutboxMessage
from gateway.statuses import MessageKind, OutboxStatus

log = logging.getLogger(__name__)

SEND_JOB = "workers.jobs.send_sms"
ENQUEUE_CHUNK = 500  # jobs per Redis pipeline
QUEUE_OF_KIND = {
    MessageKind.ALERT: "alerts",
    MessageKind.REPLY: "sms",
    MessageKind.BROADCAST: "sms",
}
ALIVE = {JobStatus.QUEUED, JobStatus.SCHEDULED, JobStatus.STARTED, JobStatus.DEFERRED}
# The fields of a row its job is made from (kind: the queue; not_before: when).
JOB_FIELDS = (
    OutboxMessage.id,
    OutboxMessage.kind,
    OutboxMessage.sent_with,
    OutboxMessage.not_before,
    OutboxMessage.created_at,
)


@dataclass(slots=True)
class Stored:
    """A row stored many at once (a round, a broadcast), as much of it as its job needs: a model
    instance each held 1.7 kB, 35 MB in a worker opening a round of 10,000 households."""

    id: int
    kind: str
    status: str
    batch_key: str | None
    not_before: datetime | None
    created_at: datetime
    sent_with: int | None = None


JobRow = OutboxMessage | Stored  # what a job is made from


def enqueue(rows: Iterable[JobRow]) -> None:
    """Give RQ the rows a unit of work has just stored (new rows: none has a job yet). A dead
    Redis only delays them: the sweeper tries again. Many at once (a round, a broadcast, also
    one held back by quiet hours) go in a few round trips: enqueued, or scheduled, 500 to a
    pipeline."""
    waiting = [row for row in rows if row.status == OutboxStatus.QUEUED]
    for start in range(0, len(waiting), ENQUEUE_CHUNK):
        _enqueue_new(waiting[start : start + ENQUEUE_CHUNK])


def carriers(rows: list[dict], size: int) -> list[int | None]:
    """For the fields of rows about to be stored together, the index of the row whose job
    will send each one (None: its own job): the queued rows of one text and one due time share
    a job per `size` of them, as one provider call sends them; the first row's."""
    carrier_of: list[int | None] = [None] * len(rows)
    batches = defaultdict(list)
    for index, row in enumerate(rows):
        if row["batch_key"] and row["status"] == OutboxStatus.QUEUED:
            batches[row["batch_key"], row["not_before"]].append(index)
    for same in batches.values():
        for start in range(0, len(same), size):
            first, *rest = same[start : start + size]
            for index in rest:
                carrier_of[index] = first
    return carrier_of


def hand_off(carrier_id: int, only: Expression | None = None) -> int:
    """Give their own jobs to the rows the carrier's job was to send too and did not (not due,
    an earlier SMS to their number still on its way, a batch taken by another job), or to
    those of them that match `only`; return how many."""
    left = (OutboxMessage.sent_with == carrier_id) & (
        OutboxMessage.status == OutboxStatus.QUEUED.value
    )
    if only is not None:
        left &= only
    if not OutboxMessage.select().where(left).exists():  # most jobs: no write, no write lock
        return 0
    rows = list(OutboxMessage.update(sent_with=None).where(left).returning(*JOB_FIELDS).execute())
    for row in rows:
        enqueue_row(row)
    return len(rows)


def _enqueue_new(rows: list[JobRow]) -> None:
    """Enqueue (or schedule, for a row not due yet) in one pipeline rows that have no job yet
    (and need one: not rows another row's job sends)."""
    now = clock.now()
    try:
        pipe = queues.redis().pipeline()
        # MULTI first: RQ's enqueue_call opens the transaction itself unless one is open, and
        # refuses to once enqueue_at (a row held back by quiet hours) has queued commands.
        pipe.multi()
        named = {name: queues.queue(name) for name in set(QUEUE_OF_KIND.values())}
        retry = _retry()
        for row in rows:
            queue = named[QUEUE_OF_KIND[MessageKind(row.kind)]]
            options = {"pipeline": pipe, **_job_options(row, retry)}
            if row.not_before and row.not_before > now:
                at = row.not_before.replace(tzinfo=UTC)
                queue.enqueue_at(at, SEND_JOB, _carrier(row), **options)
            else:
                queue.enqueue_call(SEND_JOB, args=(_carrier(row),), **options)
        pipe.execute()
    except RedisError as error:
        log.warning("%s outbox rows not enqueued, Redis unavailable: %s", len(rows), error)


def _retry() -> Retry:
    """The retries of a send job (OUTBOX_RETRY_SECONDS)."""
    return Retry(max=len(retry_waits()), interval=list(retry_waits()))


def _job_options(row: JobRow, retry: Retry) -> dict:
    """The RQ options of a row's send job."""
    return {
        "job_id": job_id(row),
        "retry": retry,
        "result_ttl": 0,  # the row is the record of what happened, not the job
    }


def job_id(row: JobRow) -> str:
    """The RQ job id of a row (its carrier's, in a batch): the id and when the rows were made,
    so that a job left in Redis by another database (a restored backup, a fresh local one)
    never passes for this row's."""
    return f"outbox-{_carrier(row)}-{row.created_at:%Y%m%d%H%M%S%f}"


def _carrier(row: JobRow) -> int:
    """The id of the row whose job sends this one: the argument of that job."""
    return row.sent_with or row.id


def enqueue_row(row: OutboxMessage) -> bool:
    """Enqueue the row's job unless a live one exists; False when nothing was enqueued."""
    try:
        if _job_alive(row):
            return False
        queue = queues.queue(QUEUE_OF_KIND[MessageKind(row.kind)])
        options = {**_job_options(row, _retry()), "unique": True}
        if row.not_before and row.not_before > clock.now():
            at = row.not_before.replace(tzinfo=UTC)
            queue.enqueue_at(at, SEND_JOB, _carrier(row), **options)
        else:
            queue.enqueue(SEND_JOB, _carrier(row), **options)
    except DuplicateJobError:
        return False  # another process enqueued it a moment ago
    except RedisError as error:
        log.warning("outbox row %s not enqueued, Redis unavailable: %s", row.id, error)
        return False
    return True


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
