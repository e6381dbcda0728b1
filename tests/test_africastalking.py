"""Africa's Talking, as courier tests it (handlers/africastalking/handler_test.go): one table of
cases per callback run by one harness, and the outbound send with the real SDK against a local
fake server (no mock)."""

from __future__ import annotations

import socket
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlencode

import pytest

from gateway import providers
from gateway.models import (
    Contact,
    EarlyDeliveryReport,
    InboundSms,
    OutboxMessage,
    UssdSessionEvent,
    db,
)
from gateway.providers.africastalking import AfricasTalkingProvider
from gateway.providers.base import SendStatus

PHONE = "+6281234567890"
TOKEN = "s3cret"
CONTROLS = "\x00\x07\x1b\x7f"  # NUL, bell, escape, delete: dropped from every field
HELP = "Desmigratif: CEK agensi"  # the start of the help SMS


@dataclass(frozen=True)
class CallbackCase:
    """One callback as Africa's Talking (or something posing as it) sends it, and what follows.

    `form` is posted form-encoded (bytes: posted as they are); `earlier` forms go to the same
    endpoint first (replays, a session's previous step). `want_body` is the start of the answer;
    `want_rows` is what the table's `stored()` finds afterwards, `want_sms` the start of every
    SMS queued, in order (None: not looked at)."""

    name: str
    form: dict[str, str] | bytes
    want_status: int
    want_body: str
    want_rows: list[tuple] | None = None
    want_sms: list[str] | None = None
    earlier: tuple[dict[str, str], ...] = ()
    given: Callable[[], None] | None = None  # rows the case needs before the callback
    query: str = ""  # "?token=..."
    config: dict = field(default_factory=dict)  # settings changed for this case


def changed(base: dict[str, str], **fields: str | None) -> dict[str, str]:
    """`base` with some fields replaced (None: left out); `from_` stands for `from`."""
    form = dict(base)
    for name, value in fields.items():
        name = name.rstrip("_")
        if value is None:
            form.pop(name, None)
        else:
            form[name] = value
    return form


def raw(form: dict[str, str], tail: bytes) -> bytes:
    """The form encoded, with bytes that are not UTF-8 (or anything else) appended."""
    return urlencode(form).encode() + b"&" + tail


def token_cases(form: dict[str, str], want_body: str) -> list[CallbackCase]:
    """With WEBHOOK_TOKEN set: refused (403, nothing stored) without the right token."""
    refused = [("none", ""), ("wrong", "?token=wrong"), ("not ASCII", "?token=s3cr%C3%A9t")]
    return [
        CallbackCase(f"token: {name}", form, 403, "", want_rows=[], want_sms=[],
                     query=query, config={"WEBHOOK_TOKEN": TOKEN})
        for name, query in refused
    ] + [
        CallbackCase("token: given", form, 200, want_body, query=f"?token={TOKEN}",
                     config={"WEBHOOK_TOKEN": TOKEN})
    ]  # fmt: skip


@pytest.fixture
def callback(make_app):
    """Run one case against `path` on an app with the case's settings, and check it."""

    def run(path: str, case: CallbackCase, stored: Callable[[], list[tuple]]) -> None:
        app = make_app(**case.config)
        with app.app_context():
            if case.given:
                case.given()
            client = app.test_client()
            for form in case.earlier:
                assert client.post(path + case.query, data=form).status_code == 200
            if isinstance(case.form, bytes):
                kind = "application/x-www-form-urlencoded"
                response = client.post(path + case.query, data=case.form, content_type=kind)
            else:
                response = client.post(path + case.query, data=case.form)
            body = response.get_data(as_text=True)
            assert response.status_code == case.want_status, body
            assert body.startswith(case.want_body), body
            if case.want_rows is not None:
                assert stored() == case.want_rows
            if case.want_sms is not None:
                texts = [m.text for m in OutboxMessage.select().order_by(OutboxMessage.id)]
                assert len(texts) == len(case.want_sms), texts
                assert all(map(str.startswith, texts, case.want_sms)), texts

    yield run
    if not db.is_closed():
        db.close()


def ids(cases: list[CallbackCase]) -> list[str]:
    return [case.name for case in cases]


def rows(model, columns) -> list[tuple]:
    """These columns of every row of `model`, oldest first."""
    return [tuple(getattr(r, c) for c in columns) for r in model.select().order_by(model.id)]


def row(base: dict, **changes) -> tuple:
    """A stored row as `base` says, with some columns changed."""
    return tuple({**base, **changes}.values())


# POST /ussd: one step of a session. Stored: the numbers' language choices.

USSD = {
    "sessionId": "ATUid_1",
    "serviceCode": "*123#",
    "phoneNumber": PHONE,
    "text": "",
    "networkCode": "51010",
}
ROOT = "CON Desmigratif"
BAD_PHONE = "END Nomor telepon tidak dikenali"


def contacts() -> list[tuple]:
    return rows(Contact, ("phone", "language"))


USSD_CASES = [
    CallbackCase("first step: the root menu", USSD, 200, ROOT, want_rows=[], want_sms=[]),
    CallbackCase("only the required fields", {"sessionId": "s", "phoneNumber": PHONE}, 200, ROOT),
    CallbackCase("no text field", changed(USSD, text=None), 200, ROOT),
    CallbackCase("a choice is saved", changed(USSD, text="6*2"), 200,
                 "END Language saved: English.", want_rows=[(PHONE, "en")]),
    CallbackCase("the telco repeats a step: saved once", changed(USSD, text="6*2"), 200,
                 "END Language saved: English.", want_rows=[(PHONE, "en")],
                 earlier=(changed(USSD, text="6"), changed(USSD, text="6*2"))),
    CallbackCase("national number with dashes", changed(USSD, phoneNumber="0812-3456-7890",
                 text="6*1"), 200, "END", want_rows=[(PHONE, "id")]),
    CallbackCase("number without its plus", changed(USSD, phoneNumber="6281234567890",
                 text="6*1"), 200, "END", want_rows=[(PHONE, "id")]),
    CallbackCase("a number abroad", changed(USSD, phoneNumber="+886912345678", text="6*2"),
                 200, "END", want_rows=[("+886912345678", "en")]),
    CallbackCase("phoneNumber: words", changed(USSD, phoneNumber="hello", text="6*1"), 200,
                 BAD_PHONE, want_rows=[]),
    CallbackCase("phoneNumber: too short", changed(USSD, phoneNumber="+62 1"), 200, BAD_PHONE),
    CallbackCase("phoneNumber: 40 digits", changed(USSD, phoneNumber="0" * 40), 200, BAD_PHONE),
    CallbackCase("phoneNumber: missing", changed(USSD, phoneNumber=None), 200, BAD_PHONE),
    CallbackCase("sessionId: missing", changed(USSD, sessionId=None), 400,
                 "END field 'sessionId' is missing or too long"),
    CallbackCase("sessionId: blank", changed(USSD, sessionId="  "), 400, "END field 'sessionId'"),
    CallbackCase("sessionId: 101 characters", changed(USSD, sessionId="s" * 101), 400,
                 "END field 'sessionId'"),
    CallbackCase("text: 20 kB", changed(USSD, text="1*" * 10_000), 200,
                 "END Terlalu banyak masukan"),
    CallbackCase("text: one overlong answer", changed(USSD, text="x" * 500), 200,
                 "CON Terlalu panjang: maks 160 huruf\nDesmigratif", earlier=(USSD,)),
    CallbackCase("an option not on the screen", changed(USSD, text="9"), 200,
                 "CON Pilihan salah.\nDesmigratif", earlier=(USSD,)),
    CallbackCase("text: not UTF-8", raw(changed(USSD, text=None), b"text=%FF%FE"), 200,
                 "CON Pilihan salah.", earlier=(USSD,)),
    CallbackCase("text: raw bytes not UTF-8", raw(changed(USSD, text=None), b"text=\xff\xfe"),
                 200, "CON Pilihan salah.", earlier=(USSD,)),
    CallbackCase("text: control characters dropped", changed(USSD, text=f"6{CONTROLS}*2"), 200,
                 "END Language saved: English.", want_rows=[(PHONE, "en")]),
    CallbackCase("phoneNumber: control characters dropped", changed(
        USSD, phoneNumber=f"+62812{CONTROLS}34567890", text="6*2"), 200, "END Language saved",
                 want_rows=[(PHONE, "en")]),
    *token_cases(changed(USSD, text="6*2"), "END Language saved"),
]  # fmt: skip


@pytest.mark.parametrize("case", USSD_CASES, ids=ids(USSD_CASES))
def test_ussd(callback, case):
    callback("/ussd", case, contacts)


# POST /ussd/events: the end of a session. Stored: one row per session.

EVENT = {
    "sessionId": "ATUid_1",
    "serviceCode": "*123#",
    "networkCode": "51010",
    "phoneNumber": PHONE,
    "status": "Incomplete",
    "input": "5*2",
    "lastAppResponse": "CON Bebas biaya",
    "durationInMillis": "5321",
    "errorMessage": "",
    "date": "2026-11-25 09:00:00",
}
EVENT_ROW = {
    "session_id": "ATUid_1",
    "phone": PHONE,
    "status": "Incomplete",
    "input": "5*2",
    "last_app_response": "CON Bebas biaya",
    "duration_ms": 5321,
    "error_message": None,
    "provider_date": "2026-11-25 09:00:00",
}


def events() -> list[tuple]:
    return rows(UssdSessionEvent, EVENT_ROW)


def event(**changes) -> tuple:
    return row(EVENT_ROW, **changes)


EVENT_CASES = [
    CallbackCase("Incomplete", EVENT, 200, "OK", want_rows=[event()], want_sms=[]),
    CallbackCase("Success", changed(EVENT, status="Success"), 200, "OK",
                 want_rows=[event(status="Success")]),
    CallbackCase("Failed, with the telco's error", changed(
        EVENT, status="Failed", errorMessage="USSD timeout"), 200, "OK",
                 want_rows=[event(status="Failed", error_message="USSD timeout")]),
    CallbackCase("only the required fields", {"sessionId": "ATUid_1", "status": "Success",
                 "phoneNumber": "081234567890"}, 200, "OK", want_rows=[event(
                     status="Success", input="", last_app_response="", duration_ms=None,
                     provider_date=None)]),
    CallbackCase("an unknown status is kept as sent", changed(EVENT, status="Borked"), 200,
                 "OK", want_rows=[event(status="Borked")]),
    CallbackCase("replayed: stored once", EVENT, 200, "OK", want_rows=[event()],
                 earlier=(EVENT, EVENT)),
    CallbackCase("a later status replaces the first", changed(EVENT, status="Success"), 200,
                 "OK", want_rows=[event(status="Success")], earlier=(EVENT,)),
    CallbackCase("PINs and birth years masked", changed(EVENT, input="1*3*Siti*4826*2015"),
                 200, "OK", want_rows=[event(input="1*3*Siti**********")]),
    CallbackCase("input cut at 2000", changed(EVENT, input="1*" * 1500), 200, "OK",
                 want_rows=[event(input=("1*" * 1000))]),
    CallbackCase("durationInMillis: not a number", changed(EVENT, durationInMillis="5.3s"),
                 200, "OK", want_rows=[event(duration_ms=None)]),
    CallbackCase("durationInMillis: ten digits", changed(EVENT, durationInMillis="9" * 10),
                 200, "OK", want_rows=[event(duration_ms=None)]),
    CallbackCase("date: cut at 40", changed(EVENT, date="2" * 50), 200, "OK",
                 want_rows=[event(provider_date="2" * 40)]),
    CallbackCase("sessionId: blank", changed(EVENT, sessionId=""), 400,
                 "field 'sessionId' is missing or too long", want_rows=[]),
    CallbackCase("sessionId: 101 characters", changed(EVENT, sessionId="s" * 101), 400,
                 "field 'sessionId'", want_rows=[]),
    CallbackCase("status: blank", changed(EVENT, status=""), 400, "field 'status'",
                 want_rows=[]),
    CallbackCase("status: missing", changed(EVENT, status=None), 400, "field 'status'"),
    CallbackCase("status: 21 characters", changed(EVENT, status="S" * 21), 400,
                 "field 'status'", want_rows=[]),
    CallbackCase("phoneNumber: words", changed(EVENT, phoneNumber="abc"), 400,
                 "field 'phoneNumber' is not a phone number", want_rows=[]),
    CallbackCase("phoneNumber: missing", changed(EVENT, phoneNumber=None), 400,
                 "field 'phoneNumber' is missing", want_rows=[]),
    CallbackCase("lastAppResponse: not UTF-8", raw(changed(EVENT, lastAppResponse=None),
                 b"lastAppResponse=CON%FFx"), 200, "OK",
                 want_rows=[event(last_app_response="CON\ufffdx")]),
    CallbackCase("control characters dropped", changed(EVENT, input=f"5{CONTROLS}*2",
                 lastAppResponse=f"CON Bebas{CONTROLS} biaya"), 200, "OK",
                 want_rows=[event()]),
    *token_cases(EVENT, "OK"),
]  # fmt: skip


@pytest.mark.parametrize("case", EVENT_CASES, ids=ids(EVENT_CASES))
def test_ussd_events(callback, case):
    callback("/ussd/events", case, events)


# POST /sms/incoming: stored once per id, answered through the outbox.

INCOMING = {
    "id": "ATXid_1",
    "from": "081234567890",
    "to": "99123",
    "text": "halo",
    "date": "2026-11-25 09:00:00",
    "linkId": "link-1",
    "networkCode": "51010",
}
INBOUND_ROW = {
    "provider_id": "ATXid_1",
    "sender": PHONE,
    "to": "99123",
    "link_id": "link-1",
    "text": "halo",
}


def inbound() -> list[tuple]:
    """Every inbound SMS stored, then every number's opt-out (STOP)."""
    contacts = rows(Contact, ("phone", "opted_out"))
    return rows(InboundSms, INBOUND_ROW) + [("contact", *contact) for contact in contacts]


def sms_row(**changes) -> tuple:
    return row(INBOUND_ROW, **changes)


INCOMING_CASES = [
    CallbackCase("every field", INCOMING, 200, "OK", want_rows=[sms_row()], want_sms=[HELP]),
    CallbackCase("ISO date, E.164 sender", changed(INCOMING, date="2026-11-25T09:00:00Z",
                 from_=PHONE), 200, "OK", want_rows=[sms_row()], want_sms=[HELP]),
    CallbackCase("only id and from", {"id": "ATXid_1", "from": PHONE}, 200, "OK",
                 want_rows=[sms_row(to=None, link_id=None, text="")], want_sms=[HELP]),
    CallbackCase("sender without its plus", changed(INCOMING, from_="6281234567890"), 200,
                 "OK", want_rows=[sms_row()]),
    CallbackCase("a number abroad, kept as it is", changed(INCOMING, from_="+886 912 345 678"),
                 200, "OK", want_rows=[sms_row(sender="+886912345678")],
                 want_sms=[HELP]),
    CallbackCase("replayed twice: handled once", INCOMING, 200, "OK (already handled)",
                 want_rows=[sms_row()], want_sms=[HELP], earlier=(INCOMING, INCOMING)),
    CallbackCase("the same id from another number: a replay", changed(INCOMING, text="STOP"),
                 200, "OK (already handled)", want_rows=[sms_row()], want_sms=[HELP],
                 earlier=(INCOMING,)),
    CallbackCase("STOP: the number opts out", changed(INCOMING, text="STOP"), 200, "OK",
                 want_rows=[sms_row(text="STOP"), ("contact", PHONE, True)],
                 want_sms=["Anda berhenti menerima info"]),
    CallbackCase("id: missing", changed(INCOMING, id=None), 400, "field 'id'", want_rows=[],
                 want_sms=[]),
    CallbackCase("id: blank", changed(INCOMING, id="   "), 400, "field 'id' is missing",
                 want_rows=[]),
    CallbackCase("id: 101 characters", changed(INCOMING, id="x" * 101), 400,
                 "field 'id' is missing or too long", want_rows=[]),
    CallbackCase("from: missing", changed(INCOMING, from_=None), 400, "field 'from'",
                 want_rows=[], want_sms=[]),
    # A sender that is no phone (a telco's name, a short code): nobody to answer; a 400
    # would only have the provider send it again for ten minutes.
    CallbackCase("from: a telco's name", changed(INCOMING, from_="Telkomsel"), 200,
                 "OK (not from a phone number: ignored)", want_rows=[], want_sms=[]),
    CallbackCase("from: a short code", changed(INCOMING, from_="3000"), 200,
                 "OK (not from a phone number: ignored)", want_rows=[]),
    CallbackCase("from: too short", changed(INCOMING, from_="+62 1"), 200,
                 "OK (not from a phone number: ignored)", want_rows=[]),
    CallbackCase("from: 40 zeros", changed(INCOMING, from_="0" * 40), 200,
                 "OK (not from a phone number: ignored)", want_rows=[]),
    CallbackCase("from: 41 digits", changed(INCOMING, from_="1" * 41), 400,
                 "field 'from' is missing or too long", want_rows=[]),
    CallbackCase("text: missing", changed(INCOMING, text=None), 200, "OK",
                 want_rows=[sms_row(text="")], want_sms=[HELP]),
    CallbackCase("text: 20 kB, kept whole", changed(INCOMING, text="halo " * 4000), 200, "OK",
                 want_rows=[sms_row(text="halo " * 4000)], want_sms=[HELP]),
    CallbackCase("text: %-escapes not UTF-8", raw(changed(INCOMING, text=None),
                 b"text=caf%FF%FE"), 200, "OK",
                 want_rows=[sms_row(text="caf\ufffd\ufffd")], want_sms=[HELP]),
    CallbackCase("text: raw bytes not UTF-8", raw(changed(INCOMING, text=None),
                 b"text=caf\xff\xfe"), 200, "OK",
                 want_rows=[sms_row(text="caf\ufffd\ufffd")], want_sms=[HELP]),
    CallbackCase("text: control characters dropped", changed(INCOMING, text=f"ha{CONTROLS}lo"),
                 200, "OK", want_rows=[sms_row()], want_sms=[HELP]),
    CallbackCase("id: control characters dropped", changed(INCOMING, id=f"ATX{CONTROLS}id_1"),
                 200, "OK", want_rows=[sms_row()]),
    CallbackCase("from: control characters dropped", changed(
        INCOMING, from_=f"081{CONTROLS}234567890"), 200, "OK", want_rows=[sms_row()]),
    CallbackCase("to and linkId cut to their columns", changed(INCOMING, to="9" * 30,
                 linkId="l" * 150), 200, "OK",
                 want_rows=[sms_row(to="9" * 20, link_id="l" * 100)]),
    CallbackCase("a body over 64 kB", changed(INCOMING, text="a" * 70_000), 413, "",
                 want_rows=[], want_sms=[]),
    *token_cases(INCOMING, "OK"),
]  # fmt: skip


@pytest.mark.parametrize("case", INCOMING_CASES, ids=ids(INCOMING_CASES))
def test_sms_incoming(callback, case):
    callback("/sms/incoming", case, inbound)


# POST /sms/delivery: applied to the outbox row with that id, or kept for it.

DELIVERY = {
    "id": "ATXid_9",
    "status": "Success",
    "phoneNumber": PHONE,
    "networkCode": "51010",
    "retryCount": "0",
}


def sent_message() -> None:
    """An SMS the provider accepted as ATXid_9."""
    OutboxMessage.create(to=PHONE, text="halo", status="sent", attempts=1, provider_id="ATXid_9")


def unsettled_send() -> None:
    """An SMS whose send timed out: no provider id, status unknown."""
    OutboxMessage.create(to=PHONE, text="halo", status="unknown", attempts=1)


def reports() -> list[tuple]:
    """Every outbox row (provider id, status, delivery status, error), then the reports kept
    for a message not known yet."""
    sent = rows(OutboxMessage, ("provider_id", "status", "delivery_status", "last_error"))
    early = rows(EarlyDeliveryReport, ("provider_id", "status", "failure_reason"))
    return sent + [("early", *report) for report in early]


def report(status: str, **fields: str | None) -> dict[str, str]:
    return changed(DELIVERY, status=status, **fields)


DELIVERY_CASES = [
    CallbackCase("Success", DELIVERY, 200, "OK", given=sent_message,
                 want_rows=[("ATXid_9", "delivered", "Success", None)]),
    *(CallbackCase(f"{status}, with its reason", report(status, failureReason="UserInBlacklist"),
                   200, "OK", given=sent_message,
                   want_rows=[("ATXid_9", "failed", status, "UserInBlacklist")])
      for status in ("Failed", "Rejected", "AbsentSubscriber", "Expired")),
    CallbackCase("Failed without a reason", report("Failed"), 200, "OK", given=sent_message,
                 want_rows=[("ATXid_9", "failed", "Failed", None)]),
    *(CallbackCase(f"{status}: interim", report(status), 200, "OK", given=sent_message,
                   want_rows=[("ATXid_9", "sent", status, None)])
      for status in ("Sent", "Submitted", "Buffered")),
    CallbackCase("only id and status", {"id": "ATXid_9", "status": "Success"}, 200, "OK",
                 given=sent_message, want_rows=[("ATXid_9", "delivered", "Success", None)]),
    CallbackCase("a final status is never overwritten", report("Failed"), 200, "OK",
                 given=sent_message, earlier=(report("Submitted"), report("Success"),
                                              report("Buffered")),
                 want_rows=[("ATXid_9", "delivered", "Success", None)]),
    CallbackCase("replayed", DELIVERY, 200, "OK", given=sent_message, earlier=(DELIVERY,),
                 want_rows=[("ATXid_9", "delivered", "Success", None)]),
    CallbackCase("failureReason cut at 200", report("Failed", failureReason="R" * 300), 200,
                 "OK", given=sent_message, want_rows=[("ATXid_9", "failed", "Failed", "R" * 200)]),
    CallbackCase("phoneNumber: words, ignored", changed(DELIVERY, phoneNumber="abc"), 200, "OK",
                 given=sent_message, want_rows=[("ATXid_9", "delivered", "Success", None)]),
    CallbackCase("an unknown id is kept for later", DELIVERY, 200, "OK (unknown id, kept)",
                 want_rows=[("early", "ATXid_9", "Success", None)]),
    CallbackCase("an unknown id settles the one timed-out send to that number", DELIVERY, 200,
                 "OK", given=unsettled_send,
                 want_rows=[("ATXid_9", "delivered", "Success", None)]),
    CallbackCase("an unknown id, no phoneNumber: the timed-out send stays unknown",
                 changed(DELIVERY, phoneNumber=None), 200, "OK (unknown id, kept)",
                 given=unsettled_send, want_rows=[(None, "unknown", None, None),
                                                  ("early", "ATXid_9", "Success", None)]),
    # A status we do not know changes nothing, and is not sent again and again (logged).
    CallbackCase("status: unknown", report("Exploded"), 200, "OK (status not known: logged)",
                 given=sent_message, want_rows=[("ATXid_9", "sent", None, None)]),
    CallbackCase("status: another case", report("success"), 200, "OK",
                 given=sent_message, want_rows=[("ATXid_9", "delivered", "Success", None)]),
    CallbackCase("status: missing", report(None), 400, "field 'status' is not",
                 want_rows=[]),
    CallbackCase("id: missing", changed(DELIVERY, id=None), 400, "field 'id' is missing",
                 want_rows=[]),
    CallbackCase("id: 101 characters", changed(DELIVERY, id="x" * 101), 400,
                 "field 'id' is missing or too long", want_rows=[]),
    CallbackCase("failureReason: not UTF-8", raw(report("Failed"), b"failureReason=No%FF"),
                 200, "OK", given=sent_message,
                 want_rows=[("ATXid_9", "failed", "Failed", "No\ufffd")]),
    CallbackCase("status: control characters dropped", report(f"Succ{CONTROLS}ess"), 200, "OK",
                 given=sent_message, want_rows=[("ATXid_9", "delivered", "Success", None)]),
    *token_cases(DELIVERY, "OK"),
]  # fmt: skip


@pytest.mark.parametrize("case", DELIVERY_CASES, ids=ids(DELIVERY_CASES))
def test_sms_delivery(callback, case):
    callback("/sms/delivery", case, reports)


# The outbound send: each recipient's statusCode (or the HTTP failure) -> SendStatus.


@dataclass(frozen=True)
class SendCase:
    name: str
    answer: str  # what the fake server answers (FakeAfricasTalking.script)
    want_status: SendStatus
    want_error: str | None = None  # a word of the error; None: no error
    to: str = PHONE
    timeout: tuple[float, float] | None = None
    want_requests: int = 1


SEND_CASES = [
    SendCase("101 Success", "ok", SendStatus.SENT),
    SendCase("102 Queued", "status:102", SendStatus.SENT),
    SendCase("content type with a charset", "charset", SendStatus.SENT),
    SendCase("2xx, its JSON unreadable: may have gone", "garbled", SendStatus.AMBIGUOUS,
             "unreadable answer"),
    SendCase("403 InvalidPhoneNumber", "status:403", SendStatus.FINAL, "403"),
    SendCase("405 InsufficientBalance", "status:405", SendStatus.FINAL, "405"),
    SendCase("406 UserInBlacklist", "status:406", SendStatus.FINAL, "406"),
    SendCase("500 InternalServerError", "status:500", SendStatus.RETRY, "500"),
    SendCase("502 RejectedByGateway", "status:502", SendStatus.RETRY, "502"),
    SendCase("HTTP 500", "http:500", SendStatus.RETRY, "provider"),
    SendCase("HTTP 503", "http:503", SendStatus.RETRY, "provider"),
    SendCase("read time-out", "sleep:1.0", SendStatus.AMBIGUOUS, "may have been sent",
             timeout=(1, 0.3)),
    SendCase("a number the SDK refuses: never sent", "ok", SendStatus.FINAL, "invalid number",
             to="0812", want_requests=0),
]  # fmt: skip


def provider(url, **kwargs):
    return AfricasTalkingProvider("desmigratif", "secret-key", "DESMIGRATIF", url, **kwargs)


@pytest.mark.parametrize("case", SEND_CASES, ids=[case.name for case in SEND_CASES])
def test_send(fake_at, case):
    fake_at.script(case.answer)
    kwargs = {"timeout": case.timeout} if case.timeout else {}
    result = provider(fake_at.url, **kwargs).send(case.to, "Halo")
    assert result.status is case.want_status
    if case.want_error is None:
        assert result.error is None
    else:
        assert case.want_error in result.error
    assert len(fake_at.requests) == case.want_requests


def test_a_sent_message_carries_the_provider_id(fake_at):
    result = provider(fake_at.url).send(PHONE, "Halo")
    assert result.status is SendStatus.SENT and result.provider_id.startswith("ATXid_")
    request = fake_at.requests[0]
    assert request["path"] == "/version1/messaging"
    assert request["api_key"] == "secret-key"
    assert request["form"] == {
        "username": "desmigratif",
        "to": PHONE,
        "message": "Halo",
        "bulkSMSMode": "1",
        "from": "DESMIGRATIF",
    }


def test_at_api_url_replaces_the_provider_host_from_settings(fake_at):
    config = {
        "SMS_BACKEND": "africastalking",
        "AT_USERNAME": "u",
        "AT_API_KEY": "k",
        "AT_SENDER_ID": "",
        "AT_API_URL": fake_at.url + "/",
    }
    backend = providers.from_config(config)
    assert backend.service._baseUrl == fake_at.url + "/version1"
    assert backend.send(PHONE, "x").status is SendStatus.SENT
    assert "from" not in fake_at.requests[0]["form"]


def test_a_refused_connection_is_retried():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # closed again before the send: nothing listens
    result = provider(f"http://127.0.0.1:{port}").send(PHONE, "Halo")
    assert result.status is SendStatus.RETRY and "connection" in result.error


def test_a_message_id_of_none_is_stored_as_no_id(fake_at):
    """Africa's Talking writes "None" where a recipient has no id: never a shared provider id
    that one delivery report would settle for every message stored with it."""
    fake_at.script("status:102", "ok")
    queued = provider(fake_at.url).send(PHONE, "Halo")
    sent = provider(fake_at.url).send(PHONE, "Halo")
    assert (queued.status, queued.provider_id) == (SendStatus.SENT, None)
    assert sent.provider_id.startswith("ATXid_")
