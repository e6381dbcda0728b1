"""From a caregiver's "violence" answer to the officer's alert SMS leaving the outbox, with a
real worker process running (console backend), on a throw-away SQLite file and Redis db 14.

    .venv/bin/python bench/alert_latency.py [--rounds 20]

Each round: the answer is POSTed to /sms/incoming (in-process); the clock starts before the
POST and stops when the officer's outbox row is `sent` (polled every 5 ms), i.e. the worker
process has picked the job from the `alerts` queue and the provider accepted the message.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from config import settings  # noqa: E402
from gateway import checkins, create_app  # noqa: E402
from gateway.db import migrate  # noqa: E402
from gateway.models import (  # noqa: E402
    ALL_MODELS,
    CheckinRound,
    Child,
    OutboxMessage,
    Person,
    RuleItem,
    Village,
    db,
)

OFFICER, CAREGIVER = "+6281110000001", "+6281234567890"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=20)
    rounds = parser.parse_args().rounds
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tempfile.mkdtemp()}/bench.db",
        "REDIS_URL": "redis://localhost:6379/14",
        "SMS_BACKEND": "console",
    }
    app = create_app(settings.load(env))
    app.extensions["redis"].flushdb()
    with app.app_context(), db.connection_context():
        migrate()
        for model in reversed(ALL_MODELS):
            if model is not RuleItem:
                model.delete().execute()
        village = Village.create(
            code="3507102001", name="Sumberejo", district="Malang", province="Jawa Timur"
        )
        from gateway import officers

        officers.add(OFFICER, "Bu Ani", "officer", village.code, None)
        caregiver = Person.create(phone=CAREGIVER, name="Siti", role="caregiver", village=village)
        Child.create(caregiver=caregiver, name="Budi", birth_year=2015, in_school=True)
    worker = subprocess.Popen(
        [sys.executable, "-m", "workers"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        time.sleep(3)  # the worker starts and listens
        client, samples = app.test_client(), []
        for i in range(rounds):
            with app.app_context(), db.connection_context():
                CheckinRound.delete().execute()  # a fresh round each time
                checkins.open_due(app.config)
            started = time.perf_counter()
            client.post(
                "/sms/incoming", data={"from": CAREGIVER, "id": f"v{i}", "text": "1 1 1 1 4"}
            )
            while True:
                with app.app_context(), db.connection_context():
                    row = (
                        OutboxMessage.select()
                        .where(OutboxMessage.to == OFFICER)
                        .order_by(OutboxMessage.id.desc())
                        .first()
                    )
                    if row is not None and row.status == "sent" and row.alert_id:
                        break
                if time.perf_counter() - started > 10:
                    raise SystemExit("no alert left the outbox within 10 s")
                time.sleep(0.005)
            samples.append(time.perf_counter() - started)
            with app.app_context(), db.connection_context():
                from gateway.models import Alert

                Alert.update(state="closed").execute()  # so the next round opens a new alert
    finally:
        worker.terminate()
        worker.wait(10)
    ms = sorted(s * 1000 for s in samples)
    print(
        f"violence answer -> officer alert sent: n={len(ms)} mean={statistics.mean(ms):.0f} ms"
        f" p50={ms[len(ms) // 2]:.0f} ms max={ms[-1]:.0f} ms"
    )


if __name__ == "__main__":
    main()
