"""`flask --app gateway selftest URL`: the requests Africa's Talking makes, replayed against a
running deployment, each with the answer it must get. Replies to the SMS it sends go to
`phone` (use a tester's own number against production: they are real SMS)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass

import requests

from gateway import gsm7
from gateway.providers.africastalking import FINAL_DELIVERY, INTERIM_DELIVERY

TIMEOUT = 10  # seconds: Africa's Talking gives up on a USSD answer sooner than this
DELIVERY_STATUSES = sorted(INTERIM_DELIVERY | FINAL_DELIVERY.keys())


@dataclass
class Check:
    """One request and what its answer must be (`expect` returns an error, or None)."""

    name: str
    path: str
    form: dict | bytes | None
    expect: Callable[[requests.Response], str | None]


def status(*codes: int) -> Callable[[requests.Response], str | None]:
    """Expect one of these HTTP statuses."""

    def check(response: requests.Response) -> str | None:
        return None if response.status_code in codes else f"HTTP {response.status_code}"

    return check


def screen(start: str = "") -> Callable[[requests.Response], str | None]:
    """Expect a USSD screen: 200, CON or END, GSM-7, at most 160 characters after the prefix."""

    def check(response: requests.Response) -> str | None:
        body = response.text
        if response.status_code != 200 or not body.startswith(("CON ", "END ")):
            return f"HTTP {response.status_code}: {body[:40]!r}"
        if not body.startswith(start):
            return f"expected {start!r}, got {body[:40]!r}"
        if not gsm7.is_gsm7(body) or gsm7.septets(body) - 4 > gsm7.USSD_SCREEN:
            return f"screen too long or not GSM-7 ({gsm7.septets(body) - 4} septets)"
        return None

    return check


def checks(phone: str) -> list[Check]:
    """The requests, in the order they are sent (a run uses fresh session and message ids)."""
    run = uuid.uuid4().hex[:10]
    session, sms_id = f"selftest-{run}", f"selftest-{run}"
    event = {"sessionId": session, "phoneNumber": phone, "serviceCode": "*123#"}
    hop = {**event, "networkCode": "51010"}
    sms = {"from": phone, "to": "12345", "date": "2026-11-25 10:00:00", "linkId": ""}
    return [
        Check("health", "/healthz", None, status(200)),
        Check("USSD first hop", "/ussd", {**hop, "text": ""}, screen("CON ")),
        Check("USSD next hop (Info)", "/ussd", {**hop, "text": "5"}, screen()),
        Check("USSD hop repeated", "/ussd", {**hop, "text": "5"}, screen()),
        Check("USSD unknown choice", "/ussd", {**hop, "text": "5*77"}, screen()),
        Check("USSD 20 kB of text", "/ussd", {**hop, "text": "1*" * 10_000}, screen("END ")),
        Check("USSD no sessionId", "/ussd", {"phoneNumber": phone, "text": ""}, status(400)),
        Check(
            "USSD bad phone",
            "/ussd",
            {**hop, "sessionId": f"{session}-b", "phoneNumber": "x"},
            screen("END "),
        ),
        Check(
            "USSD end: Success",
            "/ussd/events",
            {**event, "status": "Success", "input": "5", "durationInMillis": "5000"},
            status(200),
        ),
        Check(
            "USSD end: Incomplete",
            "/ussd/events",
            {
                **event,
                "sessionId": f"{session}-i",
                "status": "Incomplete",
                "errorMessage": "timeout",
                "durationInMillis": "20000",
            },
            status(200),
        ),
        Check("USSD end: no status", "/ussd/events", {**event}, status(400)),
        Check("SMS in", "/sms/incoming", {**sms, "id": sms_id, "text": "INFO"}, status(200)),
        Check(
            "SMS in, replayed", "/sms/incoming", {**sms, "id": sms_id, "text": "INFO"}, status(200)
        ),
        Check(
            "SMS in with a NUL byte",
            "/sms/incoming",
            {**sms, "id": f"{sms_id}-nul", "text": "CEK a\x00b"},
            status(200, 400),
        ),
        Check("SMS in, no id", "/sms/incoming", {**sms, "text": "halo"}, status(400)),
        Check(
            "SMS in, broken encoding",
            "/sms/incoming",
            b"id=\xff\xfe&from=%ZZ&text=\xc3",
            status(200, 400),
        ),
        *(
            Check(
                f"delivery {name}",
                "/sms/delivery",
                {
                    "id": f"ATXid_{run}",
                    "status": name,
                    "phoneNumber": phone,
                    "networkCode": "51010",
                    "retryCount": "0",
                    **({"failureReason": "UserInBlacklist"} if name == "Failed" else {}),
                },
                status(200),
            )
            for name in DELIVERY_STATUSES
        ),
        Check(
            "delivery unknown status",  # logged, acknowledged: not sent again and again
            "/sms/delivery",
            {"id": "x", "status": "Exploded"},
            status(200),
        ),
        Check("delivery no id", "/sms/delivery", {"status": "Success"}, status(400)),
    ]


def run(base_url: str, token: str = "", phone: str = "+6281200000000") -> list[tuple[str, str]]:
    """Send every check to the deployment at `base_url`; (name, "ok" or what went wrong)."""
    params = {"token": token} if token else {}
    results = []
    for check in checks(phone):
        url = base_url.rstrip("/") + check.path
        try:
            if check.form is None:
                response = requests.get(url, params=params, timeout=TIMEOUT)
            else:
                headers = {"Content-Type": "application/x-www-form-urlencoded"}
                response = requests.post(
                    url, params=params, data=check.form, headers=headers, timeout=TIMEOUT
                )
            error = check.expect(response)
        except requests.RequestException as exc:
            error = f"no answer: {exc.__class__.__name__}"
        results.append((check.name, error or "ok"))
    return results
