"""A local stand-in for Africa's Talking's SMS API, for tests and benchmarks (no network).

Run alone with `python -m tests.fake_at --port 8025`; point AT_API_URL at it.
"""

from __future__ import annotations

import argparse
import json
import threading
import time
import uuid
from collections import deque
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

STATUS_NAMES = {  # the provider's word for each statusCode of a Recipients line
    100: "Processed",
    101: "Success",
    102: "Queued",
    401: "RiskHold",
    402: "InvalidSenderId",
    403: "InvalidPhoneNumber",
    404: "UnsupportedNumberType",
    405: "InsufficientBalance",
    406: "UserInBlacklist",
    407: "CouldNotRoute",
    500: "InternalServerError",
    501: "GatewayError",
    502: "RejectedByGateway",
}


class FakeAfricasTalking:
    """Answers POST /version1/messaging like the provider: one Recipients line per number of
    the comma-separated `to`; `script` sets the next answers, `refuse` one number's line.

    A scripted answer is one of: "ok" (101 for everyone), "status:CODE" (that statusCode for
    everyone), "http:CODE" (that HTTP status, no body), "sleep:SECONDS" (answer ok, late),
    "charset" (ok, with a content type that carries '; charset='), "garbled" (ok, its JSON
    cut in half: a 2xx whose body cannot be read).
    """

    def __init__(self, port: int = 0) -> None:
        self.requests: list[dict] = []
        self.answers: deque[str] = deque()
        self.delay = 0.0  # seconds every answer takes
        self.refused: dict[str, int] = {}  # number -> the statusCode of its line, every time
        self.server = ThreadingHTTPServer(("127.0.0.1", port), self._handler())
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"

    def accepted(self) -> list[dict]:
        """The requests answered with a message id: what a phone would receive."""
        return [r for r in self.requests if r["answer"].split(":")[0] in ("ok", "sleep", "charset")]

    def calls(self) -> int:
        """HTTP requests received (one per provider call, whatever its recipients)."""
        return len(self.requests)

    def received(self) -> list[tuple[str, str]]:
        """(number, text) of every message given a message id: what the phones receive."""
        return [
            (number, request["form"]["message"])
            for request in self.accepted()
            for number in request["form"]["to"].split(",")
            if number not in self.refused
        ]

    def refuse(self, number: str, code: int = 403) -> None:
        """Answer `number`'s line with this statusCode (403 InvalidPhoneNumber), others as usual."""
        self.refused[number] = code

    def script(self, *answers: str) -> None:
        """Queue the next answers (then "ok" for ever)."""
        self.answers.extend(answers)

    def start(self) -> FakeAfricasTalking:
        """Serve in a background thread."""
        threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        ).start()
        return self

    def stop(self) -> None:
        """Stop serving and free the port."""
        self.server.shutdown()
        self.server.server_close()

    def _handler(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:
                pass

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length)
                if len(raw) < length:  # the sender was killed mid-request: nothing to take
                    return
                form = {k: v[0] for k, v in parse_qs(raw.decode()).items()}
                answer = fake.answers.popleft() if fake.answers else "ok"
                fake.requests.append(
                    {
                        "path": self.path,
                        "form": form,
                        "api_key": self.headers.get("apiKey"),
                        "answer": answer,
                    }
                )
                time.sleep(fake.delay)
                if answer.startswith("http:"):
                    self.send_response(int(answer[5:]))
                    self.end_headers()
                    return
                if answer.startswith("sleep:"):
                    time.sleep(float(answer[6:]))
                code = int(answer[7:]) if answer.startswith("status:") else 101
                recipients = [
                    fake._line(number, fake.refused.get(number, code))
                    for number in form.get("to", "").split(",")
                ]
                fake.requests[-1]["lines"] = recipients
                body = json.dumps(
                    {"SMSMessageData": {"Message": "Sent", "Recipients": recipients}}
                ).encode()
                if answer == "garbled":
                    body = body[: len(body) // 2]
                self.send_response(201)
                ctype = "application/json"
                self.send_header(
                    "Content-Type", ctype + ("; charset=utf-8" if answer == "charset" else "")
                )
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                try:
                    self.wfile.write(body)
                except BrokenPipeError:
                    pass  # the client timed out and left, as the time-out tests intend

        return Handler

    @staticmethod
    def _line(number: str, code: int) -> dict:
        """One recipient's line of the answer, as the provider writes it."""
        return {
            "statusCode": code,
            "number": number,
            "status": STATUS_NAMES.get(code, "Failed"),
            "cost": "IDR 300" if code in (100, 101, 102) else "0",
            "messageId": "ATXid_" + uuid.uuid4().hex if code in (100, 101) else "None",
        }


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=8025)
    fake = FakeAfricasTalking(parser.parse_args().port)
    print(f"fake Africa's Talking on {fake.url}", flush=True)
    try:
        fake.server.serve_forever()
    except KeyboardInterrupt:
        pass
