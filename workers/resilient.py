"""Worker and scheduler processes that outlive Redis: they wait for it with back-off, log it,
and carry on; on finding a Redis that may have lost its jobs, the outbox is handed back at once."""

from __future__ import annotations

import logging
import signal
import time
from collections.abc import Callable

from peewee import DatabaseError
from redis import Redis, RedisError
from rq import SimpleWorker

log = logging.getLogger("workers")

FIRST_WAIT, MAX_WAIT = 0.5, 5.0  # seconds between tries to reach Redis
REDIS_CHECK_EVERY = 2.0  # seconds: how often a worker asks whether Redis was restarted


def wait_for_redis(connection: Redis, name: str) -> None:
    """Return once Redis answers; until then try again with back-off, logging each miss."""
    wait = FIRST_WAIT
    while True:
        try:
            connection.ping()
            return
        except RedisError as error:
            log.warning("%s: Redis unavailable (%s); trying again in %.1f s", name, error, wait)
        time.sleep(wait)
        wait = min(wait * 2, MAX_WAIT)


def run_forever(connection: Redis, name: str, run: Callable[[], bool]) -> None:
    """Run `run` again whenever it ends without a stop request (it returns True when asked to
    stop): a lost Redis, or anything else it could not carry on from, is waited out."""
    while True:
        # Between runs a SIGTERM or Ctrl+C stops the process at once, as it should.
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.default_int_handler)
        wait_for_redis(connection, name)
        try:
            if run():
                return
            log.warning("%s: stopped without being asked; starting again", name)
        except RedisError as error:
            log.warning("%s: lost Redis (%s); waiting for it", name, error)
        time.sleep(FIRST_WAIT)  # never a busy loop, whatever keeps failing


class ResilientWorker(SimpleWorker):
    """RQ's worker that reconnects within seconds, tells a stop request from a lost Redis, and
    calls `on_new_redis` when it first reaches a Redis server (at start, after a restart):
    jobs queued in a Redis without persistence are gone, the outbox still has them.

    Jobs run in the worker's own process: a send is a few milliseconds of our work around the
    provider's answer, and a fork per job made draining a backlog three times slower."""

    max_connection_wait_time = MAX_WAIT  # RQ's own reconnect back-off, capped lower

    def __init__(self, *args, on_new_redis: Callable[[], object], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.on_new_redis = on_new_redis
        self.stop_asked = False
        self._redis_run_id: str | None = None
        self._checked_at = 0.0

    @property
    def dequeue_timeout(self) -> int:
        # Wake from waiting on an empty queue often enough to notice a restarted Redis.
        return 5

    def request_stop(self, signum, frame) -> None:
        """A SIGTERM or Ctrl+C: finish the current job, then stop for good."""
        self.stop_asked = True
        super().request_stop(signum, frame)

    def heartbeat(self, timeout=None, pipeline=None) -> None:
        """RQ's heartbeat, after a look at which Redis answers."""
        if pipeline is None:
            self._notice_new_redis()
        super().heartbeat(timeout, pipeline)

    def _notice_new_redis(self) -> None:
        if time.monotonic() - self._checked_at < REDIS_CHECK_EVERY:
            return
        run_id = self.connection.info("server")["run_id"]  # a new id: a new (restarted) Redis
        self._checked_at = time.monotonic()
        if run_id == self._redis_run_id:
            return
        log.info("worker: Redis %s reached; handing back what the outbox holds", run_id[:8])
        try:
            self.on_new_redis()
        except (DatabaseError, RedisError):  # the worker goes on, and tries again soon
            log.exception("worker: the outbox could not be handed back; trying again")
            return
        self._redis_run_id = run_id
