"""The named states and kinds stored in the database, as str enums (one place, no models)."""

from __future__ import annotations

from enum import StrEnum


class OutboxStatus(StrEnum):
    """Where an outbound SMS is in its life."""

    QUEUED = "queued"  # waiting for a worker (or for a retry)
    SENDING = "sending"  # a worker has claimed it and is talking to the provider
    SENT = "sent"  # the provider accepted it
    DELIVERED = "delivered"  # the handset got it (delivery report)
    FAILED = "failed"  # final: never sent again
    UNKNOWN = "unknown"  # final: it may have gone (time-outs); not sent again, to avoid doubles
    SUPPRESSED = "suppressed"  # final: the recipient opted out of this kind of message
    CANCELLED = "cancelled"  # final: an alert's SMS not sent because the case was taken

    @property
    def is_final(self) -> bool:
        """True when the row will never be handed to a provider again."""
        return self not in (OutboxStatus.QUEUED, OutboxStatus.SENDING)


class MessageKind(StrEnum):
    """Why we send a message; decides its queue and whether STOP silences it."""

    REPLY = "reply"  # the answer to something the person just sent or dialled
    ALERT = "alert"  # a case alert to an officer: urgent, first queue
    BROADCAST = "broadcast"  # anything we start ourselves; silenced by STOP


class Role(StrEnum):
    """What a registered person is to the program."""

    PROSPECTIVE = "calon_pmi"  # considering work abroad
    MIGRANT = "pmi"  # working abroad
    CAREGIVER = "caregiver"  # family looking after a migrant's children


class OfficerRole(StrEnum):
    """What a programme staff member answers for."""

    OFFICER = "officer"  # a village's Petugas Desmigratif: the village's alerts
    SUPERVISOR = "supervisor"  # a district's Disnaker supervisor: escalations, villages without one
    OPERATOR = "operator"  # runs the programme's web desk: every village, no alerts by SMS


class AgencyStatus(StrEnum):
    """A placement agency's licence as the registry lists it."""

    ACTIVE = "active"
    EXPIRED = "expired"
    SUSPENDED = "suspended"
    REVOKED = "revoked"


class CheckinStatus(StrEnum):
    """One child's check-in in a round."""

    OPEN = "open"  # asked, waiting for the caregiver's answer
    ANSWERED = "answered"
    MISSED = "missed"  # a newer round began before an answer came


class ReportKind(StrEnum):
    """What a report is about."""

    BROKER = "broker"  # LAPOR: a broker (calo)
    CHILD = "child"  # TOLONG, or a family's danger words: a child in danger


class AlertState(StrEnum):
    """The life of an alert, in the order it may only move forward."""

    OPENED = "opened"
    SENT = "sent"
    DELIVERED = "delivered"
    ESCALATED = "escalated"
    ACKNOWLEDGED = "acknowledged"
    CLOSED = "closed"

    @property
    def rank(self) -> int:
        """Position in the life of an alert: a state never gives way to a lower one."""
        return list(AlertState).index(self)
