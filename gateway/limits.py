"""Abuse limits per phone number and hour (a flood, a bot in a reply loop): counted in Redis.
When Redis is down nothing is limited: a family's message is never lost to a counter."""

from __future__ import annotations

import logging
from enum import Enum

from flask import current_app

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
    seen = queues.count(f"limit:{kind}:{phone}:{clock.now():%Y%m%d%H}", HOUR)
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
