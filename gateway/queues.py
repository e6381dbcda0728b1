"""Redis and the RQ queues, in the order workers drain them."""

from __future__ import annotations

import logging

from flask import Flask, current_app
from redis import Redis, RedisError
from redis.backoff import NoBackoff
from redis.retry import Retry
from rq import Queue, Worker

log = logging.getLogger(__name__)
QUEUE_NAMES = ("alerts", "sms", "default")  # alerts first: a case alert never waits behind a reply


def connect(url: str) -> Redis:
    """A client that fails fast: a USSD answer must never wait on a sick Redis."""
    return Redis.from_url(
        url, socket_connect_timeout=0.5, socket_timeout=1, retry=Retry(NoBackoff(), 1)
    )


def init_app(app: Flask) -> None:
    """Attach the application's Redis client."""
    app.extensions["redis"] = connect(app.config["REDIS_URL"])


def redis() -> Redis:
    """The application's Redis client."""
    return current_app.extensions["redis"]


def count(key: str, ttl_seconds: int) -> int | None:
    """Add one to the counter `key` (kept `ttl_seconds`) and return it; None when Redis is
    down (a counter must never stop a message)."""
    try:
        pipe = redis().pipeline()
        pipe.incr(key)
        pipe.expire(key, ttl_seconds)
        return pipe.execute()[0]
    except RedisError as error:
        log.warning("counter %s not counted, Redis unavailable: %s", key, error)
        return None


def queue(name: str) -> Queue:
    """One of QUEUE_NAMES, bound to the application's Redis."""
    if name not in QUEUE_NAMES:
        raise ValueError(f"unknown queue {name!r}")
    return Queue(name, connection=redis())


def health() -> dict:
    """What an operator checks first: each queue's depth (waiting now, scheduled for later,
    failed for good) and the workers alive (RQ's registry of heartbeats)."""
    depths = {}
    for name in QUEUE_NAMES:
        q = queue(name)
        depths[name] = {
            "waiting": q.count,
            "scheduled": q.scheduled_job_registry.count,
            "started": q.started_job_registry.count,
            "failed": q.failed_job_registry.count,
        }
    workers = [
        {
            "name": w.name,
            "state": w.get_state(),
            "queues": ", ".join(w.queue_names()),
            "heartbeat": w.last_heartbeat,
        }
        for w in Worker.all(connection=redis())
    ]
    return {"queues": depths, "workers": workers}
