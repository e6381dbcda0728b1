"""`python -m workers`: the RQ worker with its scheduler; `python -m workers cron`: the schedule."""

from __future__ import annotations

import sys

from redis import Redis
from rq import Worker
from rq.cron import CronScheduler

from gateway import create_app
from gateway.queues import QUEUE_NAMES


def main(argv: list[str]) -> None:
    """Run the worker, or with `cron` the periodic scheduler, until stopped."""
    app = create_app()
    # Its own client without the web's short time-outs: a worker blocks on Redis by design.
    connection = Redis.from_url(app.config["REDIS_URL"])
    if argv[:1] == ["cron"]:
        scheduler = CronScheduler(connection=connection)
        scheduler.load_config_from_file("workers.cron")
        scheduler.start()
        return
    # Jobs read settings through current_app; the forked work-horse inherits this context.
    with app.app_context():
        Worker(list(QUEUE_NAMES), connection=connection).work(with_scheduler=True)


if __name__ == "__main__":
    main(sys.argv[1:])
