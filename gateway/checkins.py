"""Parenting check-ins: due per child, answers (one digit each), red flags, silence (the
reminders: checkin_prompts.py)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from peewee import fn

from gateway import alerts, checkin_codes, checkin_prompts, clock, outbox, queues
from gateway.db import insert_rows
from gateway.models import Alert, Checkin, CheckinRound, Child, Person, Village
from gateway.statuses import AlertState, CheckinStatus
from gateway.transactions import unit_of_work

MONTH = timedelta(days=28)
CHUNK = 500  # children per IN (...) list or multi-row INSERT
HOUSEHOLDS_AT_ONCE = 500  # a round opened a page of households at a time
# Two schedulers started by mistake, or the CLI beside the scheduler, take turns: the second
# finds every child already asked. The lock expires on its own if its holder dies.
LOCK_NAME, LOCK_SECONDS, LOCK_WAIT_SECONDS = "lock:checkins-open", 600, 60


class CheckinsBusyError(RuntimeError):
    """Another process is opening check-ins and did not finish in time."""


@dataclass(frozen=True)
class Opened:
    """What one `open_due` did: check-ins opened, households prompted, children not yet due."""

    round_id: int | None
    opened: int
    households: int
    not_due: int
    next_due: datetime | None

    def describe(self) -> str:
        """One or two lines an operator reads."""
        if self.opened:
            text = (
                f"Round {self.round_id}: {self.opened} check-in(s) opened, "
                f"{self.households} household(s) prompted."
            )
        elif not self.not_due:
            return "No child registered here yet: nothing to open (import households first)."
        else:
            text = "No child is due a check-in: nothing opened."
        if self.not_due:
            when = self.next_due.strftime("%Y-%m-%d %H:%M UTC") if self.next_due else "?"
            text += (
                f"\n{self.not_due} child(ren) asked less than CHECKIN_EVERY_DAYS ago "
                f"(next due {when})."
            )
        return text


def get(checkin_id: int) -> Checkin | None:
    """The check-in with this id, if it still exists."""
    return Checkin.get_or_none(Checkin.id == checkin_id)


def listed(checkin_ids: list[int]) -> list[Checkin | None]:
    """These check-ins with their children, in the order given (None for one gone since): one
    query, however often a screen lists them."""
    found = {
        checkin.id: checkin
        for checkin in Checkin.select(Checkin, Child).join(Child).where(Checkin.id.in_(checkin_ids))
    }
    return [found.get(checkin_id) for checkin_id in checkin_ids]


def pending(phone: str) -> list[Checkin]:
    """Open check-ins of the children in the care of people on this phone, oldest child first."""
    waiting = (
        Checkin.select(Checkin, Child)
        .join(Child)
        .join(Person)
        .where((Person.phone == phone) & (Checkin.status == CheckinStatus.OPEN.value))
    )
    # Birth years are encrypted: sorted here, not by the database.
    return sorted(waiting, key=lambda checkin: (checkin.child.birth_year, checkin.child.id))


def household_years(phone: str) -> list[tuple[int, int]]:
    """The birth years and ids of the children in the care of people on this phone, oldest
    first (as their answers are read)."""
    children = Child.select(Child.birth_year, Child.id).join(Person).where(Person.phone == phone)
    return sorted(children.tuples())


def open_due(
    settings: Mapping[str, Any],
    village: Village | None = None,
    wait_seconds: float = LOCK_WAIT_SECONDS,
) -> Opened:
    """Open a check-in for every child (of `village`, or all) never asked or last asked
    CHECKIN_EVERY_DAYS ago, and prompt each household once (in DEFAULT_LANGUAGE unless it chose
    another, quoting USSD_CODE). One process at a time."""
    lock = queues.redis().lock(LOCK_NAME, timeout=LOCK_SECONDS, blocking_timeout=wait_seconds)
    if not lock.acquire():
        raise CheckinsBusyError("another process is opening check-ins")
    try:
        return _open_due(village, settings)
    finally:
        lock.release()


def _open_due(village: Village | None, settings: Mapping[str, Any]) -> Opened:
    every = timedelta(days=settings["CHECKIN_EVERY_DAYS"])
    now = clock.now()
    phones = Child.select(Person.phone).join(Person).distinct().order_by(Person.phone)
    if village is not None:
        phones = phones.where(Person.village == village)
    phones = [phone for (phone,) in phones.tuples()]
    round_id, opened, households, later = None, 0, 0, []
    with unit_of_work():
        still_open = _open_checkins()
        # A page of households at a time: a round's memory is a page's, whatever its size.
        for start in range(0, len(phones), HOUSEHOLDS_AT_ONCE):
            page = phones[start : start + HOUSEHOLDS_AT_ONCE]
            due, last_of_later = _due(page, village, now - every)
            later += last_of_later
            if not due:
                continue
            if round_id is None:
                round_id = CheckinRound.create(village=village, started_at=now).id
            _open(round_id, due, now, still_open, settings)
            opened += len(due)
            households += len({child.phone for child in due})
    return Opened(
        round_id=round_id,
        opened=opened,
        households=households,
        not_due=len(later),
        next_due=min((last + every for last in later), default=None),
    )


def _due(
    phones: list[str], village: Village | None, asked_before: datetime
) -> tuple[list, list[datetime]]:
    """The children of these households (in `village`: a shared phone may hold another
    village's) due a check-in (never asked, or last asked before `asked_before`), and when
    each of the others was last asked."""
    # Only what a round needs: a prompt names birth years, never names (decrypting 20,000
    # names was a tenth of a round of 10,000 households). Plain tuples, not model instances
    # (10,000 of those were a tenth of a round).
    children = Child.select(Child.id, Child.birth_year, Person.phone).join(Person)
    children = children.where(Person.phone.in_(phones))
    if village is not None:
        children = children.where(Person.village == village)
    children = list(children.order_by(Person.phone, Child.id).namedtuples())
    last_asked = dict(
        Checkin.select(Checkin.child, fn.MAX(Checkin.opened_at))
        .where(Checkin.child.in_([child.id for child in children]))
        .group_by(Checkin.child)
        .tuples()
    )
    due, later = [], []
    for child in children:
        last = last_asked.get(child.id)
        if last is None or last <= asked_before:
            due.append(child)
        else:
            later.append(last)
    return due, later


def _open(
    round_id: int, due: list, now: datetime, still_open: set[int], settings: Mapping[str, Any]
) -> None:
    """Open a check-in for each of these children (the last one unanswered: missed) and prompt
    their households."""
    _close_unanswered([child.id for child in due if child.id in still_open])
    for start in range(0, len(due), CHUNK):
        insert_rows(
            Checkin,
            [
                {"round": round_id, "child": child.id, "opened_at": now}
                for child in due[start : start + CHUNK]
            ],
        )
    households: dict[str, list[tuple[int, int]]] = defaultdict(list)  # by phone: one prompt each
    for child in due:
        households[child.phone].append((child.birth_year, child.id))
    checkin_prompts.send(households, "checkin.prompt", settings)


def _open_checkins() -> set[int]:
    """The children with a check-in still open (unanswered)."""
    # One query over the open check-ins, not one per page of children: building the IN (...)
    # of a round's 10,000 children took a tenth of the round.
    query = Checkin.select(Checkin.child).where(Checkin.status == CheckinStatus.OPEN.value)
    return {child_id for (child_id,) in query.tuples()}


def _close_unanswered(missed: list[int]) -> None:
    """The last check-ins of these children, unanswered: missed; two missed in a row open an
    alert (silence is never read as "all fine")."""
    if not missed:
        return
    ordered = sorted(missed)
    for start in range(0, len(ordered), CHUNK):
        Checkin.update(status=CheckinStatus.MISSED.value).where(
            Checkin.child.in_(ordered[start : start + CHUNK])
            & (Checkin.status == CheckinStatus.OPEN.value)
        ).execute()
    history: dict[int, list[str]] = defaultdict(list)  # newest first
    for start in range(0, len(ordered), CHUNK):
        query = (
            Checkin.select(Checkin.child, Checkin.status)
            .where(Checkin.child.in_(ordered[start : start + CHUNK]))
            .order_by(Checkin.id.desc())
        )
        for child_id, status in query.tuples():
            history[child_id].append(status)
    silent = [c for c in ordered if history[c][:2] == [CheckinStatus.MISSED.value] * 2]
    # One case a household, about its oldest child: one phone was silent, not each child.
    households: dict[int, list[Child]] = defaultdict(list)
    for start in range(0, len(silent), CHUNK):
        for child in Child.select().where(Child.id.in_(silent[start : start + CHUNK])):
            households[child.caregiver_id].append(child)
    for children in households.values():
        if not any(open_case_about(child, "no_answer") for child in children):
            alert_about(min(children, key=lambda child: (child.birth_year, child.id)), "no_answer")


def latest_answer(child: Child) -> Checkin | None:
    """The child's most recently answered check-in, if any."""
    return (
        Checkin.select()
        .where((Checkin.child == child) & (Checkin.status == CheckinStatus.ANSWERED.value))
        .order_by(Checkin.answered_at.desc())
        .first()
    )


def record_answer(checkin: Checkin, answers: dict[str, int], channel: str) -> list[str] | None:
    """Store the answers once and raise red flags; return the alert categories raised
    (empty: all well), or None if the check-in was no longer open."""
    stored = (
        Checkin.update(
            status=CheckinStatus.ANSWERED.value, answered_at=clock.now(), channel=channel, **answers
        )
        .where((Checkin.id == checkin.id) & (Checkin.status == CheckinStatus.OPEN.value))
        .execute()
    )
    if not stored:
        return None
    phone = checkin.child.caregiver.phone
    if not pending(phone):  # all answered: the round's question held for the morning goes
        held = outbox.held_for(phone, checkin.round.started_at)
        outbox.cancel([row.id for row in held if checkin_prompts.is_round_text(row.text)])
    flags = red_flags(Checkin.get_by_id(checkin.id))
    for category in flags:
        alert_about(checkin.child, category)
    return flags


def red_flags(checkin: Checkin) -> list[str]:
    """The alert categories an answered check-in raises (DESIGN section 5, DOMAIN.md)."""
    problem = checkin_codes.problem(checkin.problem)
    found = [problem] if problem else []
    earlier = list(
        Checkin.select()
        .where(
            (Checkin.child == checkin.child)
            & (Checkin.status == CheckinStatus.ANSWERED.value)
            & (Checkin.id != checkin.id)
        )
        .order_by(Checkin.id.desc())
    )
    if checkin.school == checkin_codes.NO:
        twice = earlier and earlier[0].school == checkin_codes.NO
        found.append("out_of_school_twice" if twice else "out_of_school")
    # No contact for a month: every answer of the last four weeks says so, the oldest 3+ weeks back.
    window = [c for c in earlier if c.answered_at >= checkin.answered_at - MONTH]
    spans_month = any(c.answered_at <= checkin.answered_at - timedelta(days=21) for c in window)
    no_contact = all(c.contact == checkin_codes.NO for c in window)
    if checkin.contact == checkin_codes.NO and spans_month and no_contact:
        found.append("no_contact_month")
    return found


def alert_about(child: Child, category: str) -> Alert:
    """The open alert about this child and category, opened now if there is none (a weekly
    repeat does not pile up cases). Its SMS names category and village, never the child."""
    still_open = open_case_about(child, category)
    if still_open is not None:
        return still_open
    return alerts.open_case(category, child.caregiver.village, child_id=child.id)


def open_case_about(child: Child, category: str | None = None) -> Alert | None:
    """The case about this child and category (None: any, the latest) not closed yet."""
    query = Alert.select().where(
        (Alert.child_id == child.id) & (Alert.state != AlertState.CLOSED.value)
    )
    if category is not None:
        query = query.where(Alert.category == category)
    return query.order_by(Alert.id.desc()).first()
