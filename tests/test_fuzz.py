"""Fuzzing the callbacks and the SMS parser with Hypothesis: whatever Africa's Talking (or
anyone) posts, never a 5xx, never a screen over 160 characters, never a reply that is not
GSM-7 or longer than one SMS."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gateway import gsm7
from gateway.models import OutboxMessage
from gateway.sms.keywords import KEYWORDS, parse

FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
# Any text, control characters, NUL and emoji included (not lone surrogates: no client can
# encode those), biased towards what the gateway reads.
WORDS = st.sampled_from(
    ["CEK", "LAPOR", "TOLONG", "KABAR", "STOP", "MULAI", "DATA", "INFO", "1", "98", "00", "0"]
)
TEXT = st.one_of(
    st.text(st.characters(exclude_categories=("Cs",)), max_size=300),
    st.lists(st.one_of(WORDS, st.text(max_size=12)), max_size=8).map(" ".join),
)
USSD_TEXT = st.lists(st.one_of(WORDS, st.text(max_size=8)), max_size=12).map("*".join)
PHONES = st.sampled_from(["+6281234567890", "081234567891", "6281299900101", "+8869", "", "x"])


def assert_replies_fit() -> None:
    """Every SMS queued so far is GSM-7 and one segment."""
    for row in OutboxMessage.select():
        assert gsm7.is_gsm7(row.text) and gsm7.fits(row.text), row.text


@FUZZ
@given(session=st.text(max_size=120), phone=PHONES, text=USSD_TEXT)
def test_ussd_never_fails_and_every_screen_fits(client, village, session, phone, text):
    answer = client.post("/ussd", data={"sessionId": session, "phoneNumber": phone, "text": text})
    assert answer.status_code < 500
    if answer.status_code == 200:
        body = answer.get_data(as_text=True)
        assert body.startswith(("CON ", "END "))
        assert gsm7.is_gsm7(body) and gsm7.septets(body) - 4 <= gsm7.USSD_SCREEN, body


@FUZZ
@given(number=st.integers(0, 10**9), phone=PHONES, text=TEXT, link=st.text(max_size=120))
def test_incoming_sms_never_fails_and_every_reply_fits(client, village, number, phone, text, link):
    form = {"id": f"f-{number}", "from": phone, "to": "12345", "text": text, "linkId": link}
    assert client.post("/sms/incoming", data=form).status_code < 500
    assert_replies_fit()


@FUZZ
@given(
    fields=st.dictionaries(
        st.sampled_from(
            ["id", "status", "phoneNumber", "failureReason", "networkCode", "retryCount"]
        ),
        TEXT,
    )
)
def test_delivery_reports_never_fail(client, fields):
    assert client.post("/sms/delivery", data=fields).status_code < 500


@FUZZ
@given(
    fields=st.dictionaries(
        st.sampled_from(
            [
                "sessionId",
                "status",
                "phoneNumber",
                "input",
                "durationInMillis",
                "errorMessage",
                "date",
            ]
        ),
        TEXT,
    )
)
def test_ussd_events_never_fail(client, fields):
    assert client.post("/ussd/events", data=fields).status_code < 500


@FUZZ
@given(
    body=st.binary(max_size=400),
    path=st.sampled_from(["/ussd", "/sms/incoming", "/sms/delivery", "/ussd/events"]),
)
def test_broken_encodings_never_fail(client, body, path):
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    assert client.post(path, data=body, headers=headers).status_code < 500


@given(text=TEXT)
def test_the_sms_parser_reads_anything(text):
    keyword, rest = parse(text)
    assert keyword is None or keyword in KEYWORDS
    assert len(rest) <= len(text)
