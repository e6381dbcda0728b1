"""Delivery reports from Africa's Talking: applied to the outbox row with that provider id,
never overwriting a final status; one that comes before the send stored the id is kept and
applied then, or settles the one send to that number whose answer timed out."""

from __future__ import annotations

import logging
from datetime import timedelta

from gateway import alerts, clock, dead_numbers, sending
from gateway.models import EarlyDeliveryReport, OutboxMessage
from gateway.providers.africastalking import FINAL_DELIVERY, DeliveryReport
from gateway.statuses import OutboxStatus
from gateway.transactions import unit_of_work

log = logging.getLogger(__name__)

EARLY_REPORT_KEPT = timedelta(days=1)  # a report that found no message yet waits this long


def receive(report: DeliveryReport) -> bool:
    """Apply a delivery report and tell its alert; False when no row has that provider id."""
    with unit_of_work():
        change = record_delivery(
            report.provider_id, report.status, report.failure_reason, report.phone
        )
        alerts.follow_sending(change)
    return change is not None


def record_delivery(
    provider_id: str, status: str, failure_reason: str | None, phone: str | None = None
) -> sending.StatusChange | None:
    """Apply a delivery report and return the change; None when no row has that provider id
    (yet): the report is kept for the send that has not stored its id, or for the one whose
    answer timed out."""
    row = OutboxMessage.get_or_none(OutboxMessage.provider_id == provider_id)
    before = OutboxStatus(row.status) if row else OutboxStatus.UNKNOWN  # settled by phone below
    if row is None:
        row = _unsettled_send_to(phone, provider_id) if phone else None
    if row is None:
        log.info("delivery report for unknown message id %s (%s): kept", provider_id, status)
        _keep_early_report(provider_id, status, failure_reason)
        return None
    return _apply_delivery(row, status, failure_reason, before)


def _apply_delivery(
    row: OutboxMessage, status: str, failure_reason: str | None, before: OutboxStatus | None = None
) -> sending.StatusChange:
    before = before or OutboxStatus(row.status)
    if row.delivery_status in FINAL_DELIVERY:
        return sending.StatusChange(row, before, before)  # a final report stands
    row.delivery_status = status
    if status in FINAL_DELIVERY:
        row.status = FINAL_DELIVERY[status].value
        row.last_error = failure_reason or None
        if row.status == OutboxStatus.DELIVERED:
            dead_numbers.count_delivered(row.to)
        else:
            sending.count_dead_number(row, failure_reason)
    row.updated_at = clock.now()
    row.save()
    return sending.StatusChange(row, before, OutboxStatus(row.status))


def _unsettled_send_to(phone: str, provider_id: str) -> OutboxMessage | None:
    """The one message to `phone` whose send timed out (no provider id) in the last day: a
    report for it settles it. None when there is none, or more than one to choose from."""
    candidates = list(
        OutboxMessage.select()
        .where(
            (OutboxMessage.to == phone)
            & (OutboxMessage.status == OutboxStatus.UNKNOWN.value)
            & OutboxMessage.provider_id.is_null()
            & (OutboxMessage.updated_at > clock.now() - EARLY_REPORT_KEPT)
        )
        .limit(2)
    )
    in_flight = OutboxMessage.select().where(
        (OutboxMessage.to == phone) & (OutboxMessage.status == OutboxStatus.SENDING.value)
    )
    if len(candidates) != 1 or in_flight.exists():  # the report may be that send's
        return None
    row = candidates[0]
    row.provider_id = provider_id
    row.status, row.sent_at = OutboxStatus.SENT.value, row.sent_at or clock.now()
    return row


def _keep_early_report(provider_id: str, status: str, failure_reason: str | None) -> None:
    """Keep a report whose message is not known by that id yet (a final status wins)."""
    fields = {"status": status, "failure_reason": failure_reason, "received_at": clock.now()}
    early = EarlyDeliveryReport.get_or_none(EarlyDeliveryReport.provider_id == provider_id)
    if early is None:
        EarlyDeliveryReport.insert(provider_id=provider_id, **fields).on_conflict_ignore().execute()
    elif early.status not in FINAL_DELIVERY:
        EarlyDeliveryReport.update(**fields).where(EarlyDeliveryReport.id == early.id).execute()


def apply_early_reports(rows: list[OutboxMessage]) -> list[sending.StatusChange | None]:
    """The sends have their provider ids now: apply the reports that came before them, if any
    did (one query for a whole batch)."""
    by_id = {row.provider_id: row for row in rows if row.provider_id}
    if not by_id:
        return []
    early = EarlyDeliveryReport.select().where(EarlyDeliveryReport.provider_id.in_(list(by_id)))
    changes = []
    for report in early:
        report.delete_instance()
        row = by_id[report.provider_id]
        changes.append(_apply_delivery(row, report.status, report.failure_reason))
    return changes


def forget_early_reports() -> int:
    """Drop reports that never found their message (other senders', or too old)."""
    cutoff = clock.now() - EARLY_REPORT_KEPT
    return EarlyDeliveryReport.delete().where(EarlyDeliveryReport.received_at < cutoff).execute()
