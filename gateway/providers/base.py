"""The one outbound interface every provider implements: send(to, text) -> SendResult, and
send_many(numbers, text) for one text to many numbers (by default one send each)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class SendStatus(StrEnum):
    """What a send attempt tells us about the message."""

    SENT = "sent"  # the provider accepted it
    RETRY = "retry"  # it did not go (connection refused, provider trouble): try again later
    FINAL = "final"  # it will never go (invalid or blacklisted number): do not try again
    AMBIGUOUS = "ambiguous"  # the provider may have taken it (read time-out, unreadable answer)
    LOST = "lost"  # the worker died mid-send: it may not even have left


@dataclass(frozen=True)
class SendResult:
    """The outcome of sending one message to one number."""

    status: SendStatus
    provider_id: str | None = None
    error: str | None = None


class Provider:
    """Anything that sends SMS; one that takes many recipients per call overrides send_many."""

    def send(self, to: str, text: str) -> SendResult:
        """Send one SMS to one number."""
        raise NotImplementedError

    def send_many(self, numbers: list[str], text: str) -> list[SendResult]:
        """Send one text to each number; the results in the numbers' order."""
        return [self.send(to, text) for to in numbers]
