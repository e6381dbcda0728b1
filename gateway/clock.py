"""The one place that reads the time, so tests can move it."""

from datetime import UTC, datetime


def now() -> datetime:
    """The current time in UTC, naive (the database stores naive UTC everywhere)."""
    return datetime.now(UTC).replace(tzinfo=None)
