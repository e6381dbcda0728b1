"""The floor of bench/ussd.sh: bare Flask doing what any USSD step that keeps its session in
Redis must do (read the form, GET the state, SET it back) and nothing else: no flow, no
database, no encryption. What the gateway could reach at best with its session in Redis."""

import os

import redis
from flask import Flask, Response, request

app = Flask(__name__)
store = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"))
SCREEN = "CON Desmigratif\n1 Daftar\n2 Cek agensi\n5 Info"


@app.post("/ussd")
def ussd() -> Response:
    """Read and store a session's state around the same fixed screen."""
    key = "floor:" + request.form["sessionId"]
    store.get(key)
    store.set(key, request.form.get("text", "") + SCREEN * 4, ex=180)  # a state's usual size
    return Response(SCREEN, mimetype="text/plain")
