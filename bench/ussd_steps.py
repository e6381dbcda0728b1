"""CPU time of one USSD step in process: the walks of bench/ussd.sh (CEK by name on a 400-agency
registry, registration up to the village, the info menu; a new session and phone per walk)
sent straight to the WSGI app, without gunicorn or HTTP, so that what the gateway's own code
costs shows apart from the server's. Prints the best of five rounds; --profile prints where
the time goes (cProfile, sorted by own time).

    .venv/bin/python bench/ussd_steps.py [--database-url URL] [--walks 300] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import io
import logging
import os
import pstats
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database-url")
    parser.add_argument("--redis-url", default="redis://localhost:6379/13")
    parser.add_argument("--walks", type=int, default=300, help="walks a round")
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    os.environ.update(
        DATABASE_URL=args.database_url or f"sqlite:///{tempfile.mkdtemp()}/steps.db",
        REDIS_URL=args.redis_url,
        ENV="local",
        SMS_BACKEND="console",
        QUIET_HOURS="off",
        USSD_SESSIONS_PER_HOUR="1000000",
    )
    setup = [sys.executable, str(ROOT / "bench" / "ussd_setup.py")]
    agency = subprocess.run(setup, capture_output=True, text=True, check=True).stdout.split("\n")
    agency = [line for line in agency if line][-1]
    logging.disable(logging.INFO)
    from gateway import create_app

    app = create_app()
    walks = [
        ["", "2", "2*1", "2*1*" + agency],
        ["", "1", "1*1", "1*1*Siti Aminah", "1*1*Siti Aminah*3507102001"],
        ["", "5", "5*1"],
    ]

    def run(round_: int) -> int:
        steps = 0
        for walk in range(args.walks):
            for text in walks[walk % len(walks)]:
                fields = {
                    "sessionId": f"steps-{round_}-{walk}",
                    "phoneNumber": f"+62813{round_ % 10}{walk % 10_000_000:07d}",
                    "serviceCode": "*123#",
                    "text": text,
                }
                body = urlencode(fields).encode()
                environ = {
                    "REQUEST_METHOD": "POST",
                    "PATH_INFO": "/ussd",
                    "SERVER_NAME": "bench",
                    "SERVER_PORT": "80",
                    "SERVER_PROTOCOL": "HTTP/1.1",
                    "REMOTE_ADDR": "127.0.0.1",
                    "wsgi.url_scheme": "http",
                    "wsgi.input": io.BytesIO(body),
                    "wsgi.errors": sys.stderr,
                    "CONTENT_TYPE": "application/x-www-form-urlencoded",
                    "CONTENT_LENGTH": str(len(body)),
                }
                screen = b"".join(app.wsgi_app(environ, lambda status, headers: None))
                if screen[:4] not in (b"CON ", b"END ") or b"sibuk" in screen:
                    raise SystemExit(f"step {text!r} failed: {screen!r}")
                steps += 1
        return steps

    run(0)  # warm: the registry index, compiled queries, pooled connections
    best = float("inf")
    for round_ in range(1, 6):
        started = time.process_time()
        steps = run(round_)
        best = min(best, (time.process_time() - started) / steps)
    print(f"USSD step in process: {best * 1000:.3f} ms CPU a step (best of 5 rounds of {steps})")
    if args.profile:
        profile = cProfile.Profile()
        profile.runcall(run, 6)
        pstats.Stats(profile).sort_stats("tottime").print_stats(30)


if __name__ == "__main__":
    main()
