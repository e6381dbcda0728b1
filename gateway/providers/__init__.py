"""Outbound SMS providers behind one interface: send(to, text) -> SendResult."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Protocol


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


class Provider(Protocol):
    def send(self, to: str, text: str) -> SendResult: ...


def from_config(config: Mapping[str, Any]) -> Provider:
    """The provider named by SMS_BACKEND."""
    if config["SMS_BACKEND"] == "africastalking":
        from gateway.providers.africastalking import AfricasTalkingProvider

        return AfricasTalkingProvider(
            username=config["AT_USERNAME"],
            api_key=config["AT_API_KEY"],
            sender_id=config["AT_SENDER_ID"] or None,
            api_url=config["AT_API_URL"] or None,
        )
    from gateway.providers.console import ConsoleProvider

    return ConsoleProvider()
