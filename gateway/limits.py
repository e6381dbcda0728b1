"""Abuse limits per phone number and hour (a flood, a bot in a reply loop): counted in Redis.
When Redis is down nothing is limited: a family's message is never lost to a counter."""

from __future__ import annotations

import logging
from enum import Enum

from flask import current_app
from redis import RedisError

from gateway import clock, queues

log = logging.getLogger(__name__)
HOUR = 3600


class Verdict(Enum):
    """What to do with one more message from (or to) a number this hour."""

    ALLOW = "allow"
    WARN = "warn"  # the first one over the limit: one polite answer, one log line
    SILENCE = "silence"  # every later one: stored, not answered


def count(kind: str, phone: str, setting: str) -> Verdict:
    """Count one `kind` event for `phone` in this hour against the limit in `setting`."""
    limit = current_app.config[setting]
    key = f"limit:{kind}:{phone}:{clock.now():%Y%m%d%H}"
    try:
        pipe = queues.redis().pipeline()
        pipe.incr(key)
        pipe.expire(key, HOUR)
        seen = pipe.execute()[0]
    except RedisError as error:
        log.warning("limit %s not counted, Redis unavailable: %s", kind, error)
        return Verdict.ALLOW
    if seen <= limit:
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


ALLOW = Verdict.ALLOW
