"""A phone dialling the gateway: each press adds to the session's text, as the telco does."""

from __future__ import annotations

import itertools

_sessions = itertools.count(1)


class Phone:
    def __init__(self, client, number: str = "+6281234567890"):
        self.client, self.number = client, number
        self.session, self.text = "", ""

    def dial(self) -> str:
        """A new session; returns the first screen."""
        self.session, self.text = f"session-{next(_sessions)}", ""
        return self._send()

    def press(self, *answers: str) -> str:
        """Send answers one request at a time; returns the last screen."""
        screen = ""
        for answer in answers:
            self.text = answer if not self.text else f"{self.text}*{answer}"
            screen = self._send()
        return screen

    def resend(self) -> str:
        """The telco repeats the last request."""
        return self._send()

    def _send(self) -> str:
        response = self.client.post(
            "/ussd",
            data={
                "sessionId": self.session,
                "phoneNumber": self.number,
                "serviceCode": "*123#",
                "text": self.text,
                "networkCode": "51010",
            },
        )
        assert response.status_code == 200, response.data
        return response.get_data(as_text=True)
