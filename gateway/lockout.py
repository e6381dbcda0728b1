"""Tries at a secret (a PIN, a desk password), counted before they are checked: however many
come at once, at most `tries` are checked. The last try allowed locks the account as it is
counted, and a right answer lifts the lock: a process killed mid-check leaves it locked for
`lock` at most, never for good."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from peewee import Model

from gateway import clock


@dataclass(frozen=True)
class Rule:
    """How many tries, how long the lock, and which columns of the model keep count."""

    tries: int
    lock: timedelta
    failures: str  # the column of wrong tries in a row
    locked_until: str  # the column of the lock's end
    error: type[Exception]  # raised while locked


def attempt(rule: Rule, model: type[Model], row_id: int, is_right: Callable[[], bool]) -> bool:
    """Count one try at row `row_id`'s secret, then check it with `is_right`; rule.error while
    locked, or when this wrong try used up the last one."""
    failures, locked_until = getattr(model, rule.failures), getattr(model, rule.locked_until)
    now = clock.now()
    mine = model.id == row_id
    # A lock that has run out; or a count left at the limit without its lock (by the code
    # before this module, which locked in a second step a killed process could miss).
    run_out = (locked_until <= now) | (locked_until.is_null() & (failures >= rule.tries))
    model.update({failures: 0, locked_until: None}).where(mine & run_out).execute()
    open_ = mine & locked_until.is_null()
    # A try before the last: counted, then checked; a wrong answer is just wrong.
    if model.update({failures: failures + 1}).where(open_ & (failures < rule.tries - 1)).execute():
        return _checked(model, mine, failures, locked_until, is_right)
    # The last try: counted and locked at once, unlocked only by a right answer.
    last = {failures: failures + 1, locked_until: now + rule.lock}
    if not model.update(last).where(open_ & (failures == rule.tries - 1)).execute():
        raise rule.error()
    if _checked(model, mine, failures, locked_until, is_right):
        return True
    raise rule.error()


def _checked(model, mine, failures, locked_until, is_right: Callable[[], bool]) -> bool:
    """Check the answer; a right one clears the count and any lock."""
    if not is_right():
        return False
    model.update({failures: 0, locked_until: None}).where(mine).execute()
    return True
