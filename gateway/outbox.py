"""The outbox: every outbound SMS is a row first; RQ jobs carry only the row id."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import datetime
from zoneinfo import ZoneInfo

from flask import current_app

from gateway import (
    budget,
    clock,
    contacts,
    crypto,
    gsm7,
    limits,
    outbox_jobs,
    quiet_hours,
)
from gateway.db import insert_rows
from gateway.models import Contact, OutboxMessage
from gateway.statuses import MessageKind, OutboxStatus

INSERT_CHUNK = 500  # rows per multi-row INSERT
NUMBERS_AT_ONCE = 500  # numbers add_many stores at a time

_batch: ContextVar[list[outbox_jobs.JobRow] | None] = ContextVar("outbox_batch", default=None)


@contextmanager
def batch() -> Iterator[list[outbox_jobs.JobRow]]:
    """Collect the rows add() stores inside the block that get jobs of their own (not those
    another row's job sends); enqueue them when it ends (after the caller's transaction has
    committed, so a worker never looks for a row not yet there).
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
    rows: list[outbox_jobs.JobRow] = []
    token = _batch.set(rows)
    try:
        yield rows
    finally:
        _batch.reset(token)
    outbox_jobs.enqueue(rows)


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
    fields = _fields(to, _prepared(kind, text), kind, urgent, contacts.find(to), None)
    row = OutboxMessage.create(alert_id=alert_id, broadcast_id=broadcast_id, **fields)
    _join_batch([row])
    return row


def add_many(
    messages: list[tuple[str, str]],
    kind: MessageKind = MessageKind.BROADCAST,
    broadcast_id: int | None = None,
) -> list[outbox_jobs.Stored]:
    """add() for many (to, text) of one kind at once (a check-in round, a broadcast): what the
    rules need of the recipients is read in a few queries, the rows inserted 500 at a time.
    A number's SMS are counted against its village's budget in the order given, but stored
    every number's first SMS, then every number's second...: the jobs of a round's questions
    are queued before those of its problem codes. Rows of one text made together share a job
    (outbox_jobs.carriers). NUMBERS_AT_ONCE numbers at a time: the memory a broadcast to a
    whole district takes is that of a page."""
    texts_to: dict[str, list[str]] = defaultdict(list)
    for to, text in messages:
        texts_to[to].append(text)
    numbers, sealed, stored = list(texts_to), {}, []
    for start in range(0, len(numbers), NUMBERS_AT_ONCE):
        page = {to: texts_to[to] for to in numbers[start : start + NUMBERS_AT_ONCE]}
        stored += _add_page(page, kind, broadcast_id, sealed)
    _join_batch(stored)
    return stored


def _add_page(
    texts_to: dict[str, list[str]],
    kind: MessageKind,
    broadcast_id: int | None,
    sealed: dict[str, tuple[str | crypto.Sealed, str | None]],
) -> list[outbox_jobs.Stored]:
    """Store the SMS to these numbers (each number's texts in order); `sealed`: each text as
    stored and its batch key, made once for all pages."""
    phones = sorted(texts_to)
    known = contacts.for_phones(phones)
    zones = quiet_hours.zones_for(phones) if current_app.config["QUIET_HOURS"] else {}
    turns: list[list[dict]] = []  # every number's first SMS, then every number's second...
    for to, texts in texts_to.items():
        for turn, text in enumerate(texts):
            if text not in sealed:  # one copy of each text and key for all its rows
                sent, batch_key = _prepared(kind, text)
                # Encrypted once for all its rows: their batch key shows they are one text.
                sealed[text] = (crypto.seal(sent) if batch_key else sent), batch_key
            row = _fields(to, sealed[text], kind, False, known.get(to), zones.get(to))
            row["broadcast_id"] = broadcast_id
            if turn == len(turns):
                turns.append([])
            turns[turn].append(row)
    now = clock.now()  # one time for all: a batch's rows are made together
    return [row for same_turn in turns for row in _insert_sharing_jobs(same_turn, now)]


def _insert_sharing_jobs(fields: list[dict], now: datetime) -> list[outbox_jobs.Stored]:
    """Insert rows (no number twice) whose batches share a job: first the rows with jobs of
    their own, then the others naming theirs in `sent_with` (no UPDATE after)."""
    carrier_of = outbox_jobs.carriers(fields, current_app.config["OUTBOX_BATCH_SIZE"])
    stored: dict[int, outbox_jobs.Stored] = {}
    for carried in (False, True):
        order = [i for i, carrier in enumerate(carrier_of) if (carrier is not None) is carried]
        for index in order:
            carrier = carrier_of[index]
            fields[index]["sent_with"] = None if carrier is None else stored[carrier].id
        for start in range(0, len(order), INSERT_CHUNK):
            chunk = order[start : start + INSERT_CHUNK]
            stored.update(zip(chunk, _insert([fields[i] for i in chunk], now), strict=True))
    return [stored[index] for index in range(len(fields))]


def _fields(
    to: str,
    prepared: tuple[str | crypto.Sealed, str | None],
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
    text, batch_key = prepared
    return {
        "to": to,
        "text": text,
        "kind": kind.value,
        "batch_key": batch_key,
        "status": (OutboxStatus.SUPPRESSED if why else OutboxStatus.QUEUED).value,
        "last_error": why,
        "not_before": max((when for when in waits if when), default=None),
    }


def _prepared(kind: MessageKind, text: str) -> tuple[str, str | None]:
    """The text as it goes out and its batch key."""
    text = gsm7.to_gsm7(text)  # echoed names and queries may carry emoji or curly quotes
    return text, _batch_key(kind, text)


def _batch_key(kind: MessageKind, text: str) -> str | None:
    """What rows that may share one provider call have in common: broadcasts of one text (a
    desk broadcast, a round's prompts); alerts and replies go alone. Keyed: a plain hash would
    tell anyone reading the database which birth years a round's prompts name."""
    if kind is not MessageKind.BROADCAST:
        return None
    return crypto.lookup_hash(f"batch:{text}")


def _insert(fields: list[dict], now: datetime) -> list[outbox_jobs.Stored]:
    """Insert rows made at `now` in one statement and return what their jobs need, with their
    ids (reading them back would decrypt every text)."""
    fields = [{"created_at": now, "updated_at": now, **row} for row in fields]
    ids = insert_rows(OutboxMessage, fields)
    return [
        outbox_jobs.Stored(
            row_id,
            row["kind"],
            row["status"],
            row["batch_key"],
            row["not_before"],
            now,
            row.get("sent_with"),
        )
        for row_id, row in zip(ids, fields, strict=True)
    ]


def _join_batch(rows: list[outbox_jobs.JobRow]) -> None:
    batch_rows = _batch.get()
    if batch_rows is not None:  # outside a unit of work the rows wait for the sweep
        # Only rows with jobs of their own: a round's 20,000 rows held to its end were 3 MB.
        batch_rows.extend(row for row in rows if not row.sent_with)


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


def resend(row_id: int) -> bool:
    """Put a failed row back in the queue, its attempts counted afresh, enqueued when the
    caller's unit of work ends; False when the row is not failed (nothing changed)."""
    changed = (
        OutboxMessage.update(
            status=OutboxStatus.QUEUED.value,
            attempts=0,
            ambiguous_attempts=0,
            not_before=None,
            sent_with=None,  # its own job now: its batch's went long ago
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


def held_for(phone: str, since: datetime) -> list[OutboxMessage]:
    """What we started ourselves for this number since `since` (not a desk broadcast) that
    quiet hours still hold."""
    return list(
        OutboxMessage.select().where(
            (OutboxMessage.to == phone)
            & (OutboxMessage.status == OutboxStatus.QUEUED.value)
            & (OutboxMessage.kind == MessageKind.BROADCAST.value)
            & OutboxMessage.broadcast_id.is_null()
            & (OutboxMessage.not_before > clock.now())
            & (OutboxMessage.created_at >= since)
        )
    )


def cancel(row_ids: list[int]) -> int:
    """Cancel these SMS if no worker has them yet; return how many."""
    return (
        OutboxMessage.update(status=OutboxStatus.CANCELLED.value, updated_at=clock.now())
        .where(OutboxMessage.id.in_(row_ids) & (OutboxMessage.status == OutboxStatus.QUEUED.value))
        .execute()
    )


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
