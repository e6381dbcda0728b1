"""Abuse limits per phone number and hour (a flood, a bot in a reply loop): counted in Redis.
When Redis is down nothing is limited: a family's message is never lost to a counter."""

from __future__ import annotations

import logging
from enum import Enum

from flask import current_app
from redis.client import Pipeline

from gateway import clock, queues

log = logging.getLogger(__name__)
HOUR = 3600


class Verdict(Enum):
    """What to do with one more message from (or to) a number this hour."""

    ALLOW = "allow"
    WARN = "warn"  # the first one over the limit: one polite answer, one log line
    SILENCE = "silence"  # every later one: stored, not answered


def _key(kind: str, phone: str) -> str:
    return f"limit:{kind}:{phone}:{clock.now():%Y%m%d%H}"


def count(kind: str, phone: str, setting: str) -> Verdict:
    """Count one `kind` event for `phone` in this hour against the limit in `setting`."""
    return verdict(kind, phone, queues.count(_key(kind, phone), HOUR), setting)


def count_in(pipe: Pipeline, kind: str, phone: str) -> None:
    """Count one `kind` event for `phone` in a pipeline the caller runs (one round trip for
    several things); its second result is the count to give verdict()."""
    key = _key(kind, phone)
    pipe.incr(key)
    pipe.expire(key, HOUR)


def verdict(kind: str, phone: str, seen: int | None, setting: str) -> Verdict:
    """The verdict on `seen` events this hour (None: Redis down, nothing limited)."""
    limit = current_app.config[setting]
    if seen is None or seen <= limit:
        return Verdict.ALLOW
    if seen == limit + 1:
        log.warning(
            "limit: %s from %s over %s this hour (%s); silent until the next",
            kind,
            phone,
            limit,
            setting,
        )
        return Verdict.WARN
    return Verdict.SILENCE
