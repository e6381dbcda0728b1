"""A phone dialling the gateway: each press adds to the session's text, as the telco does."""

from __future__ import annotations

import itertools

_sessions = itertools.count(1)
NAVIGATION = {"0", "00", "98"}


class Phone:
    def __init__(self, client, number: str = "+6281234567890"):
        self.client, self.number = client, number
        self.session, self.text, self.last = "", "", ""

    def dial(self) -> str:
        """A new session; returns the first screen."""
        self.session, self.text = f"session-{next(_sessions)}", ""
        return self._send()

    def press(self, *answers: str) -> str:
        """Answer as a person would: a menu number not on this page is looked for on the next
        pages first (98), as the menu accepts only the options it shows."""
        for answer in answers:
            if answer.isdigit() and answer not in NAVIGATION:
                while not self._shows(answer) and "98 " in self.last.splitlines()[-1]:
                    self.press_raw("98")
            self.press_raw(answer)
        return self.last

    def press_raw(self, *answers: str) -> str:
        """Send answers exactly as given, one request each; returns the last screen."""
        for answer in answers:
            self.text = answer if not self.text else f"{self.text}*{answer}"
            self._send()
        return self.last

    def resend(self) -> str:
        """The telco repeats the last request."""
        return self._send()

    def _shows(self, number: str) -> bool:
        lines = self.last.removeprefix("CON ").splitlines()
        return any(line.split(" ", 1)[0] == number for line in lines)

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
        self.last = response.get_data(as_text=True)
        return self.last
