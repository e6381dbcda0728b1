"""One unit of work for every entry point: a database transaction whose SMS go to RQ only
after it commits (so a worker never looks for a row that is not there yet)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from gateway import outbox
from gateway.models import db


@contextmanager
def unit_of_work() -> Iterator[None]:
    """A transaction and an outbox batch: all of it is stored, then its SMS are enqueued; or
    none of it. Inside another unit of work it is a savepoint of the outer one."""
    with outbox.batch(), db.atomic():
        yield
