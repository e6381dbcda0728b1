"""The Africa's Talking backend: the official SDK, its own SMSService, every statusCode read."""

from __future__ import annotations

import json
import logging

import requests
from africastalking.Service import AfricasTalkingException
from africastalking.SMS import SMSService

from gateway.providers import SendResult, SendStatus

log = logging.getLogger("gateway.sms.africastalking")

ACCEPTED = {100, 101, 102}  # Processed, Sent, Queued
# RiskHold, InvalidSenderId, InvalidPhoneNumber, UnsupportedNumberType, InsufficientBalance,
# UserInBlacklist, CouldNotRoute, DoNotDisturbRejection: sending again cannot help.
FINAL = {401, 402, 403, 404, 405, 406, 407, 409}
# The SDK's 9 s read time-out is shorter than the provider's slow moments: each read time-out
# is a message that may have gone without its id. OUTBOX_STALE_SECONDS must exceed the sum.
TIMEOUT_S = (5.0, 30.0)  # (connect, read)


class AfricasTalkingProvider:
    def __init__(
        self,
        username: str,
        api_key: str,
        sender_id: str | None,
        api_url: str | None,
        timeout: tuple[float, float] = TIMEOUT_S,
    ):
        # Our own instance, not africastalking.initialize(): no module globals shared by threads.
        self.service = SMSService(username, api_key)
        if api_url:
            # The SDK keeps its host in a private attribute; this is the one place we replace it.
            self.service._baseUrl = api_url.rstrip("/") + "/version1"
        self.sender_id = sender_id
        self.timeout = timeout

    def send(self, to: str, text: str) -> SendResult:
        """Send one SMS; classify the outcome as sent, retry, final or ambiguous."""
        try:
            response = self.service.send(text, [to], sender_id=self.sender_id, timeout=self.timeout)
        except ValueError as error:  # the SDK refuses the number before sending
            return SendResult(SendStatus.FINAL, error=f"invalid number: {error}")
        except requests.ReadTimeout:
            log.warning("read time-out sending to %s: the message may have gone", to)
            return SendResult(SendStatus.AMBIGUOUS, error="read time-out: may have been sent")
        except requests.RequestException as error:  # refused, connect time-out, DNS
            return SendResult(SendStatus.RETRY, error=f"connection: {error}")
        except AfricasTalkingException as error:  # any non-2xx answer
            return SendResult(SendStatus.RETRY, error=f"provider: {str(error)[:200]}")
        return result_for(to, response)


def result_for(to: str, response: dict | str) -> SendResult:
    """Read the provider's answer for recipient `to` (a 2xx can still hold a refusal)."""
    try:
        # With '; charset=' in its content type the SDK hands back the body as text.
        data = json.loads(response) if isinstance(response, str) else response
        message_data = data["SMSMessageData"]
        recipients = message_data.get("Recipients") or []
    except (ValueError, TypeError, KeyError) as error:
        return SendResult(SendStatus.AMBIGUOUS, error=f"unreadable answer: {error}")
    for recipient in recipients:
        if recipient.get("number") != to:
            continue
        code = int(recipient.get("statusCode", 0))
        detail = f"{code} {recipient.get('status', '')}".strip()
        if code in ACCEPTED:
            return SendResult(SendStatus.SENT, provider_id=recipient.get("messageId"))
        if code in FINAL:
            return SendResult(SendStatus.FINAL, error=detail)
        return SendResult(SendStatus.RETRY, error=detail)
    # No line for our number: the request as a whole was refused (a bad sender id, say).
    return SendResult(
        SendStatus.RETRY, error=str(message_data.get("Message", "no recipient"))[:200]
    )
