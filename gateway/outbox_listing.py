"""The outbox as operators read it (the desk, `flask outbox status`): rows newest first,
filtered by status, a page at a time, and the counts and rows in doubt. Text is shown only for
broadcasts (the same words to everyone): replies and alerts carry names, cases and verdicts,
and the operator reads their status, not their words."""

from __future__ import annotations

from dataclasses import dataclass

from peewee import fn

from gateway.models import OutboxMessage
from gateway.statuses import MessageKind, OutboxStatus

PAGE_SIZE = 50
SHOWN_KINDS = (MessageKind.BROADCAST.value,)
# Every column but the encrypted text: rows of other kinds are never decrypted for this page.
COLUMNS = tuple(f for f in OutboxMessage._meta.sorted_fields if f.name != "text")


@dataclass
class OutboxPage:
    """One page of the outbox."""

    rows: list[OutboxMessage]
    texts: dict[int, str]  # row id -> text, for the kinds whose text is shown
    status: str | None
    number: int
    pages: int
    total: int


def page(status: str | None = None, number: int = 1) -> OutboxPage:
    """Page `number` (from 1) of the rows with this status (None: all), newest first;
    ValueError for a status that does not exist."""
    if status is not None:
        status = OutboxStatus(status).value
    query = OutboxMessage.select(*COLUMNS)
    if status is not None:
        query = query.where(OutboxMessage.status == status)
    total = query.count()
    pages = max(1, -(-total // PAGE_SIZE))
    number = min(max(1, number), pages)
    rows = list(query.order_by(OutboxMessage.id.desc()).paginate(number, PAGE_SIZE))
    shown = [row.id for row in rows if row.kind in SHOWN_KINDS]
    texts = (
        {
            row.id: row.text
            for row in OutboxMessage.select(OutboxMessage.id, OutboxMessage.text).where(
                OutboxMessage.id.in_(shown)
            )
        }
        if shown
        else {}
    )
    return OutboxPage(rows, texts, status, number, pages, total)


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


def to_phone(phone: str, after: int = 0, limit: int = PAGE_SIZE) -> list[OutboxMessage]:
    """The newest `limit` SMS to `phone` stored after row `after`, oldest first, texts and all:
    what the phone simulator shows that phone receiving (never on with real people's data)."""
    newest = (
        OutboxMessage.select()
        .where((OutboxMessage.to == phone) & (OutboxMessage.id > after))
        .order_by(OutboxMessage.id.desc())
        .limit(limit)
    )
    return list(reversed(newest))
