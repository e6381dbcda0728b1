"""Sending an outbox row: claim it, record what the provider answered (returning the change
for the caller to act on), settle sends a killed worker left, hand lost jobs back to RQ."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import timedelta

from peewee import Expression, fn

from gateway import clock, dead_numbers, outbox, outbox_jobs
from gateway.models import Alert, OutboxMessage
from gateway.providers.base import SendResult, SendStatus
from gateway.statuses import MessageKind, OutboxStatus

log = logging.getLogger(__name__)

MAX_AMBIGUOUS = 1  # a possibly-sent message is tried once more at most, never twice


@dataclass(frozen=True)
class StatusChange:
    """What a send attempt or a delivery report changed in an outbox row; its caller acts on it
    (an alert's story), so that the outbox never calls up into business rules."""

    row: OutboxMessage
    before: OutboxStatus
    after: OutboxStatus
    retry: bool = False  # the send failed in a way worth another try


def claim(row_id: int) -> OutboxMessage | None:
    """Mark a queued row as being sent and return it; None if it is not queued (sent, final...),
    not due yet (quiet hours, a retry's wait), or (a batched row) an earlier SMS to its number
    has not gone yet."""
    in_turn = OutboxMessage.batch_key.is_null() | ~_earlier_sms_waiting()
    claimed = _claim((OutboxMessage.id == row_id) & in_turn)
    return claimed[0] if claimed else None


def claim_batch(row_id: int, size: int) -> list[OutboxMessage]:
    """Claim a row and, when it has a batch key, up to `size - 1` other queued and due rows of
    that key (the rows it carries first, see _mates): one provider call sends them all. [] if
    the row is not claimed."""
    lead = claim(row_id)
    if lead is None:
        return []
    mates = _mates(lead, size - 1) if lead.batch_key and size > 1 else []
    return [lead, *(_claim(OutboxMessage.id.in_(mates)) if mates else [])]


def behind_an_earlier_sms(row_id: int) -> bool:
    """Whether a queued, due batched row waits for an earlier SMS to its number to go (a
    round's question that failed once, say): its job comes back, as RQ's Retry does."""
    return (
        OutboxMessage.select()
        .where(
            (OutboxMessage.id == row_id)
            & OutboxMessage.batch_key.is_null(False)
            & _queued_and_due()
            & _earlier_sms_waiting()
        )
        .exists()
    )


def free_to_go() -> Expression:
    """Rows no earlier SMS to their number waits before (hand_off's `only`)."""
    return ~_earlier_sms_waiting()


def _earlier_sms_waiting():
    """An earlier SMS to the row's number has not gone yet (queued or being sent): a batched
    row waits for it, so that a round's problem codes never arrive before its question. Alerts
    and replies never wait: an urgent alert must not sit behind tonight's broadcast."""
    earlier = OutboxMessage.alias()
    return fn.EXISTS(
        earlier.select(earlier.id).where(
            (earlier.to == OutboxMessage.to)
            & (earlier.id < OutboxMessage.id)
            & earlier.status.in_([OutboxStatus.QUEUED.value, OutboxStatus.SENDING.value])
        )
    )


def _mates(lead: OutboxMessage, count: int) -> list[int]:
    """Ids of up to `count` rows that may go with `lead`, one per number (a number twice in
    one request would get one answer line for two rows), none behind an earlier SMS: the rows
    it carries first, then rows other jobs carry, then rows with jobs of their own; oldest
    first in each."""
    numbers, ids = {lead.to}, []
    ours = OutboxMessage.sent_with == lead.id
    others = OutboxMessage.sent_with.is_null(False) & ~ours  # carried by another batch's job
    # Batches' first rows come last: each has a job that would find its row gone and hand off
    # every row it carries to a job of its own.
    for which in (ours, others, OutboxMessage.sent_with.is_null()):
        if len(ids) == count:
            break
        candidates = (
            OutboxMessage.select(OutboxMessage.id, OutboxMessage.to)
            .where(
                which
                & (OutboxMessage.batch_key == lead.batch_key)
                & _queued_and_due()
                & (OutboxMessage.id != lead.id)
                & ~_earlier_sms_waiting()
            )
            .order_by(OutboxMessage.id)
            .limit(2 * (count - len(ids)))  # room for a few numbers met twice
        )
        for row in candidates:
            if row.to not in numbers and len(ids) < count:
                numbers.add(row.to)
                ids.append(row.id)
    return ids


def _claim(which) -> list[OutboxMessage]:
    """Mark the rows `which` selects as being sent, each only while it is still queued and due
    (another worker may have taken it a moment ago: one UPDATE decides), and return them."""
    query = (
        OutboxMessage.update(
            status=OutboxStatus.SENDING.value,
            attempts=OutboxMessage.attempts + 1,
            updated_at=clock.now(),
        )
        .where(which & _queued_and_due())
        .returning(OutboxMessage)  # which rows this statement took, not another worker
    )
    return sorted(query.execute(), key=lambda row: row.id)


def _queued_and_due():
    return (OutboxMessage.status == OutboxStatus.QUEUED.value) & (
        OutboxMessage.not_before.is_null() | (OutboxMessage.not_before <= clock.now())
    )


def waiting_for_retry(row_id: int) -> bool:
    """Whether a batched row is queued and waiting out the back-off of a failed try (in
    another job's batch, say): its own job should come back then, as RQ's Retry does."""
    return (
        OutboxMessage.select()
        .where(
            (OutboxMessage.id == row_id)
            & (OutboxMessage.status == OutboxStatus.QUEUED.value)
            & OutboxMessage.batch_key.is_null(False)
            & (OutboxMessage.attempts > 0)
            & (OutboxMessage.not_before > clock.now())
        )
        .exists()
    )


def record_result(row: OutboxMessage, result: SendResult) -> StatusChange | None:
    """Store the outcome of a send attempt and return the change (its `retry` says whether to
    try again); None when the attempt was settled already (a late answer: nothing stored)."""
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
    elif result.status in (SendStatus.AMBIGUOUS, SendStatus.LOST):
        # Marked by ambiguous_attempts: a second copy may reach the phone. Only what must not
        # be missed is risked twice: a send a killed worker may never have made, an urgent alert.
        row.ambiguous_attempts += 1
        retry = (
            row.ambiguous_attempts <= MAX_AMBIGUOUS
            and row.attempts < max_attempts()
            and (result.status is SendStatus.LOST or _is_urgent_alert(row))
        )
        row.status = (OutboxStatus.QUEUED if retry else OutboxStatus.UNKNOWN).value
    else:
        retry = row.attempts < max_attempts()
        row.status = (OutboxStatus.QUEUED if retry else OutboxStatus.FAILED).value
    if retry and row.batch_key:
        # RQ's Retry holds back only this row's own job: another batch of its text must not
        # take it before its wait is over either.
        row.not_before = row.updated_at + timedelta(seconds=retry_wait(row.attempts))
    if not _store_outcome(row):
        log.warning(
            "outbox row %s: a late %s (provider id %s) for an attempt already settled as lost;"
            " not stored",
            row.id,
            result.status.value,
            result.provider_id,
        )
        return None
    if result.status is not SendStatus.SENT:
        if result.status is SendStatus.FINAL:
            count_dead_number(row, result.error)
        log.warning(
            "outbox row %s attempt %s: %s (%s)",
            row.id,
            row.attempts,
            result.status.value,
            result.error,
        )
    return StatusChange(row, OutboxStatus.SENDING, OutboxStatus(row.status), retry)


def _store_outcome(row: OutboxMessage) -> bool:
    """Save the attempt's outcome only while the row is still that attempt's: a result that
    comes after the sweep settled the attempt as lost must not overwrite what followed."""
    fields = (
        "status",
        "provider_id",
        "sent_at",
        "last_error",
        "ambiguous_attempts",
        "not_before",
        "updated_at",
    )
    return bool(
        OutboxMessage.update({getattr(OutboxMessage, f): getattr(row, f) for f in fields})
        .where(
            (OutboxMessage.id == row.id)
            & (OutboxMessage.status == OutboxStatus.SENDING.value)
            & (OutboxMessage.attempts == row.attempts)
        )
        .execute()
    )


def _is_urgent_alert(row: OutboxMessage) -> bool:
    alert = Alert.get_or_none(Alert.id == row.alert_id) if row.alert_id else None
    return alert is not None and alert.urgent


def count_dead_number(row: OutboxMessage, reason: str | None) -> None:
    """A failure that says the number is gone counts towards pausing it (dead_numbers.py)."""
    if dead_numbers.means_dead(reason):
        notice = dead_numbers.count_failure(row.to)
        if notice is not None:  # no name: the number and the village only
            outbox.add(notice.to, notice.text, kind=MessageKind.BROADCAST)


def sweep(queued_for_seconds: int = 0) -> int:
    """Give RQ every row queued longer than `queued_for_seconds` that has no live job (lost with
    a restarted Redis, say), alerts first; settle rows a dead worker left mid-send for longer
    than the lease. Return how many rows were enqueued."""
    cutoff = clock.now() - timedelta(seconds=outbox_jobs.lease_seconds())
    for row in OutboxMessage.select().where(
        (OutboxMessage.status == OutboxStatus.SENDING.value) & (OutboxMessage.updated_at < cutoff)
    ):
        # The worker died while talking to the provider: the message may or may not have gone.
        record_result(row, SendResult(SendStatus.LOST, error="worker lost mid-send"))
    # What a job needs, row by row: a worker starting in a round meets 20,000 queued rows, and
    # whole rows (their texts decrypted) all held at once took 70 MB.
    queued = OutboxMessage.select(*outbox_jobs.JOB_FIELDS).where(
        OutboxMessage.status == OutboxStatus.QUEUED.value
    )
    if queued_for_seconds:
        since = clock.now() - timedelta(seconds=queued_for_seconds)
        queued = queued.where(OutboxMessage.updated_at <= since)
    alerts_first = queued.order_by(OutboxMessage.kind != MessageKind.ALERT.value, OutboxMessage.id)
    # The rows of one batch share a job: RQ is asked about it once, and a new one is due when
    # the batch's first due row is (not the wait of a row that failed once).
    soonest: dict[str, OutboxMessage] = {}
    for row in alerts_first.iterator():
        job = outbox_jobs.job_id(row)
        if job not in soonest or _due_sooner(row, soonest[job]):
            soonest[job] = row
    return sum(outbox_jobs.enqueue_row(row) for row in soonest.values())


def _due_sooner(row: OutboxMessage, than: OutboxMessage) -> bool:
    return than.not_before is not None and (
        row.not_before is None or row.not_before < than.not_before
    )


def max_attempts() -> int:
    """The first try and one after each wait; then a row is failed for good."""
    return 1 + len(outbox_jobs.retry_waits())


def retry_wait(attempts: int) -> int:
    """The seconds to wait after a row's `attempts`-th try failed (RQ's Retry waits the same)."""
    waits = outbox_jobs.retry_waits()
    return waits[min(attempts, len(waits)) - 1]
