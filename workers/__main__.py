"""`python -m workers`: the RQ worker with its scheduler; `python -m workers cron`: the schedule.
Both outlive Redis restarts and outages (workers/resilient.py)."""

from __future__ import annotations

import sys

from redis import Redis
from rq.cron import CronScheduler

from config.settings import ConfigError
from gateway import create_app
from gateway.queues import QUEUE_NAMES
from workers.jobs import hand_back_outbox
from workers.resilient import ResilientWorker, run_forever


def main(argv: list[str]) -> None:
    """Run the worker, or with `cron` the periodic scheduler, until stopped."""
    try:
        app = create_app()
    except ConfigError as error:  # one line, not a traceback: the operator fixes the setting
        sys.exit(f"Error: {error.format_message()}")
    # Its own client without the web's short time-outs: a worker blocks on Redis by design.
    connection = Redis.from_url(app.config["REDIS_URL"], health_check_interval=10)
    if argv[:1] == ["cron"]:
        run_forever(connection, "cron", lambda: _run_cron(connection))
        return
    # Jobs read settings through current_app; the forked work-horse inherits this context.
    with app.app_context():
        run_forever(connection, "worker", lambda: _run_worker(connection))


def _run_worker(connection: Redis) -> bool:
    worker = ResilientWorker(
        list(QUEUE_NAMES), connection=connection, on_new_redis=hand_back_outbox
    )
    worker.work(with_scheduler=True)
    return worker.stop_asked


def _run_cron(connection: Redis) -> bool:
    scheduler = CronScheduler(connection=connection)
    scheduler.load_config_from_file("workers.cron")
    scheduler.start()  # returns on SIGTERM or Ctrl+C; a lost Redis raises
    return True


if __name__ == "__main__":
    main(sys.argv[1:])
