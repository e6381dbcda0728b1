"""The console backend: writes each SMS to the log and calls it sent (local runs, demos)."""

from __future__ import annotations

import logging
import uuid

from gateway.providers.base import Provider, SendResult, SendStatus

log = logging.getLogger("gateway.sms.console")


class ConsoleProvider(Provider):
    def send(self, to: str, text: str) -> SendResult:
        """Log the message as it would reach the phone."""
        provider_id = "console-" + uuid.uuid4().hex
        log.info("SMS to %s (%s): %s", to, provider_id, text)
        return SendResult(SendStatus.SENT, provider_id=provider_id)
