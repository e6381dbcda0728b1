"""Everything about Africa's Talking in one place: sending through the official SDK (its own
SMSService, every statusCode read) and the callbacks it posts, as typed forms."""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass

import requests
from africastalking.Service import AfricasTalkingException, validate_phone
from africastalking.SMS import SMSService

from gateway.phone import InvalidPhoneError, normalise
from gateway.providers.base import Provider, SendResult, SendStatus
from gateway.statuses import OutboxStatus

log = logging.getLogger("gateway.sms.africastalking")

ACCEPTED = {100, 101, 102}  # Processed, Sent, Queued
# RiskHold, InvalidSenderId, InvalidPhoneNumber, UnsupportedNumberType, InsufficientBalance,
# UserInBlacklist, CouldNotRoute, DoNotDisturbRejection: sending again cannot help.
FINAL = {401, 402, 403, 404, 405, 406, 407, 409}
# The SDK's 9 s read time-out is shorter than the provider's slow moments: each read time-out
# is a message that may have gone without its id. OUTBOX_STALE_SECONDS must exceed the sum.
TIMEOUT_S = (5.0, 30.0)  # (connect, read)


class AfricasTalkingProvider(Provider):
    def __init__(
        self,
        username: str,
        api_key: str,
        sender_id: str | None,
        api_url: str | None,
        timeout: tuple[float, float] | None = None,
    ):
        # Our own instance, not africastalking.initialize(): no module globals shared by threads.
        self.service = SMSService(username, api_key)
        if api_url:
            # The SDK keeps its host in a private attribute; this is the one place we replace it.
            self.service._baseUrl = api_url.rstrip("/") + "/version1"
        self.sender_id = sender_id
        self.timeout = timeout or TIMEOUT_S  # read when built: a test may shorten it

    def send(self, to: str, text: str) -> SendResult:
        """Send one SMS; classify the outcome as sent, retry, final or ambiguous."""
        return self.send_many([to], text)[0]

    def send_many(self, numbers: list[str], text: str) -> list[SendResult]:
        """Send one text to many numbers in one request; each number's own line in the answer
        says what became of its message (results in the numbers' order)."""
        # The SDK refuses the whole list for one malformed number: that one alone is final.
        valid = [to for to in numbers if validate_phone(to)]
        refused = SendResult(SendStatus.FINAL, error="invalid number: not + and digits")
        results = self._post(valid, text) if valid else {}
        return [results.get(to, refused) for to in numbers]

    def _post(self, numbers: list[str], text: str) -> dict[str, SendResult]:
        """One request; a failure of the request as a whole is every number's outcome."""
        try:
            response = self.service.send(
                text, numbers, sender_id=self.sender_id, timeout=self.timeout
            )
        except requests.JSONDecodeError as error:  # a 2xx whose body the SDK cannot read
            failed = SendResult(SendStatus.AMBIGUOUS, error=f"unreadable answer: {error}")
        except requests.ReadTimeout:
            log.warning("read time-out sending to %s number(s): they may have gone", len(numbers))
            failed = SendResult(SendStatus.AMBIGUOUS, error="read time-out: may have been sent")
        except requests.RequestException as error:  # refused, connect time-out, DNS
            failed = SendResult(SendStatus.RETRY, error=f"connection: {error}")
        except AfricasTalkingException as error:  # any non-2xx answer
            failed = SendResult(SendStatus.RETRY, error=f"provider: {str(error)[:200]}")
        else:
            return results_for(numbers, response)
        return dict.fromkeys(numbers, failed)


def results_for(numbers: list[str], response: dict | str) -> dict[str, SendResult]:
    """Read the provider's answer, each number by its own Recipients line (a 2xx can still
    hold refusals)."""
    try:
        # With '; charset=' in its content type the SDK hands back the body as text.
        data = json.loads(response) if isinstance(response, str) else response
        message_data = data["SMSMessageData"]
        lines = {line.get("number"): line for line in message_data.get("Recipients") or []}
    except (ValueError, TypeError, KeyError, AttributeError) as error:
        return dict.fromkeys(
            numbers, SendResult(SendStatus.AMBIGUOUS, error=f"unreadable answer: {error}")
        )
    # No line for a number: the request as a whole was refused (a bad sender id, say).
    missing = SendResult(
        SendStatus.RETRY, error=str(message_data.get("Message", "no recipient"))[:200]
    )
    return {to: _result_of_line(lines[to]) if to in lines else missing for to in numbers}


def _result_of_line(line: dict) -> SendResult:
    """One Recipients line: its statusCode, and its messageId when accepted."""
    code = int(line.get("statusCode", 0))
    detail = f"{code} {line.get('status', '')}".strip()
    if code in ACCEPTED:
        # "None" stands for no id in its answers: stored as such, a delivery report for one
        # message would settle every other message stored with it.
        message_id = str(line.get("messageId") or "")
        return SendResult(
            SendStatus.SENT, provider_id=None if message_id in ("", "None") else message_id
        )
    if code in FINAL:
        return SendResult(SendStatus.FINAL, error=detail)
    return SendResult(SendStatus.RETRY, error=detail)


# Callbacks: the forms Africa's Talking posts, checked and typed here, acted on elsewhere.


class BadCallbackError(ValueError):
    """A callback we cannot act on; the message names the field."""


class NotAPhoneError(BadCallbackError):
    """A number field holds something else: an SMS from "Telkomsel" or a short code."""


class UnknownStatusError(BadCallbackError):
    """A delivery report with a status this gateway does not know (a new one, a typo)."""


def _required(form: Mapping[str, str], name: str, max_length: int) -> str:
    value = (form.get(name) or "").strip()
    if not value or len(value) > max_length:
        raise BadCallbackError(f"field {name!r} is missing or too long")
    return value


def _phone(form: Mapping[str, str], name: str) -> str:
    try:
        return normalise(_required(form, name, 40))
    except InvalidPhoneError:
        raise NotAPhoneError(f"field {name!r} is not a phone number") from None


def _clipped(form: Mapping[str, str], name: str, max_length: int) -> str | None:
    return (form.get(name) or "")[:max_length] or None


@dataclass(frozen=True)
class UssdRequest:
    """One step of a USSD session: `text` is every answer so far, joined by `*`."""

    session_id: str
    phone: str  # E.164; InvalidPhoneError is the caller's to answer on the screen
    text: str

    @classmethod
    def parse(cls, form: Mapping[str, str]) -> UssdRequest:
        """sessionId, phoneNumber, text (serviceCode and networkCode are not needed)."""
        session_id = _required(form, "sessionId", 100)
        return cls(session_id, normalise(form.get("phoneNumber") or ""), form.get("text") or "")


@dataclass(frozen=True)
class UssdEnd:
    """The notification that a USSD session ended, and how."""

    session_id: str
    phone: str
    status: str  # Success, Incomplete, Failed
    input: str
    last_app_response: str | None
    duration_ms: int | None
    error_message: str | None
    provider_date: str | None

    @classmethod
    def parse(cls, form: Mapping[str, str]) -> UssdEnd:
        """sessionId, status and phoneNumber are required; the rest is kept clipped."""
        duration = form.get("durationInMillis") or ""
        return cls(
            session_id=_required(form, "sessionId", 100),
            status=_required(form, "status", 20),
            phone=_phone(form, "phoneNumber"),
            input=(form.get("input") or "")[:2000],
            last_app_response=_clipped(form, "lastAppResponse", 2000),
            duration_ms=int(duration) if duration.isdigit() and len(duration) < 10 else None,
            error_message=_clipped(form, "errorMessage", 2000),
            provider_date=_clipped(form, "date", 40),
        )


@dataclass(frozen=True)
class IncomingSms:
    """An SMS someone sent to our short code."""

    provider_id: str
    phone: str
    text: str
    to: str | None
    link_id: str | None  # premium (on-demand) replies would quote it

    @classmethod
    def parse(cls, form: Mapping[str, str]) -> IncomingSms:
        """id and from are required; text may be empty."""
        return cls(
            provider_id=_required(form, "id", 100),
            phone=_phone(form, "from"),
            text=form.get("text") or "",
            to=_clipped(form, "to", 20),
            link_id=_clipped(form, "linkId", 100),
        )


# Delivery reports: interim ones may be replaced; a final one never is.
INTERIM_DELIVERY = {"Sent", "Submitted", "Buffered"}
FINAL_DELIVERY = {
    "Success": OutboxStatus.DELIVERED,
    "Failed": OutboxStatus.FAILED,
    "Rejected": OutboxStatus.FAILED,
    "AbsentSubscriber": OutboxStatus.FAILED,
    "Expired": OutboxStatus.FAILED,
}


@dataclass(frozen=True)
class DeliveryReport:
    """What became of a message we sent, by the provider's message id."""

    provider_id: str
    status: str  # one of INTERIM_DELIVERY or FINAL_DELIVERY
    failure_reason: str | None
    phone: str | None  # only used to settle a send whose answer never came

    @classmethod
    def parse(cls, form: Mapping[str, str]) -> DeliveryReport:
        """id and a known status are required; a malformed phoneNumber is dropped."""
        provider_id = _required(form, "id", 100)
        given = (form.get("status") or "").strip()
        # "success" is Success: the provider's own words, whatever their case.
        known = {name.lower(): name for name in INTERIM_DELIVERY | FINAL_DELIVERY.keys()}
        status = known.get(given.lower())
        if status is None:
            error = UnknownStatusError if given else BadCallbackError
            raise error(f"field 'status' is not a delivery status: {given[:20]!r}")
        try:
            phone = normalise(form.get("phoneNumber") or "")
        except InvalidPhoneError:
            phone = None
        return cls(provider_id, status, _clipped(form, "failureReason", 200), phone)
