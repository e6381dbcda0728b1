"""The yardstick of bench/ussd.sh: a bare Flask app answering every USSD request with one fixed
screen, served by the same gunicorn command as the gateway."""

from flask import Flask, Response

app = Flask(__name__)


@app.post("/ussd")
def ussd() -> Response:
    """The same screen for every request."""
    return Response("CON Desmigratif\n1 Daftar\n2 Cek agensi\n5 Info", mimetype="text/plain")
