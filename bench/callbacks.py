"""Latency of the callbacks in-process (no network): a USSD step and an inbound SMS to queued.

    .venv/bin/python bench/callbacks.py [--requests 2000] [--database-url URL]

Uses a throw-away SQLite file (or --database-url) and Redis database 14 (flushed).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from config import settings  # noqa: E402
from gateway import create_app  # noqa: E402
from gateway.db import migrate  # noqa: E402
from gateway.models import OutboxMessage, db  # noqa: E402


def percentiles(samples: list[float]) -> str:
    ms = sorted(s * 1000 for s in samples)
    pick = lambda q: ms[min(len(ms) - 1, int(q * len(ms)))]  # noqa: E731
    return (
        f"n={len(ms)} mean={statistics.mean(ms):.2f} ms p50={pick(0.5):.2f} "
        f"p95={pick(0.95):.2f} p99={pick(0.99):.2f} max={ms[-1]:.2f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--database-url")
    args = parser.parse_args()
    url = args.database_url or f"sqlite:///{tempfile.mkdtemp()}/bench.db"
    app = create_app(settings.load({}, DATABASE_URL=url, REDIS_URL="redis://localhost:6379/14"))
    app.extensions["redis"].flushdb()
    with db.connection_context():
        migrate()
        OutboxMessage.delete().execute()
    client = app.test_client()

    steps = ["", "5", "5*2", "5*2*98", "5*2*98*0", "5*2*98*0*00"]
    ussd = []
    for i in range(args.requests):
        form = {
            "sessionId": f"bench-{i // len(steps)}",
            "phoneNumber": "+6281234567890",
            "text": steps[i % len(steps)],
        }
        started = time.perf_counter()
        response = client.post("/ussd", data=form)
        ussd.append(time.perf_counter() - started)
        assert response.status_code == 200
    print(f"USSD step        {percentiles(ussd)}")

    sms = []
    for i in range(args.requests):
        form = {"id": f"bench-{i}", "from": f"+62812{i:07d}", "text": "halo", "to": "99123"}
        started = time.perf_counter()
        response = client.post("/sms/incoming", data=form)
        sms.append(time.perf_counter() - started)
        assert response.status_code == 200
    with db.connection_context():
        queued = OutboxMessage.select().count()
    print(f"SMS to queued    {percentiles(sms)}  rows={queued}")
    print(f"database: {url.split('://')[0]}")


if __name__ == "__main__":
    main()
