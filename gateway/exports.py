"""CSV exports of a staff member's scope: households (one row per child, the columns of the
household import, so a file goes back in as it came out), cases (no child's name) and
check-ins (the answers, by child id). No PIN hash, no report text, no case note."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable

from peewee import JOIN

from gateway import checkin_codes, families, imports, staff
from gateway.models import Alert, Checkin, CheckinRound, Child, Consent, Officer, Person, Village

CASE_COLUMNS = ("ref", "category", "urgent", "village_code", "village", "state", "opened_at",
                "deadline_at")  # fmt: skip
CHECKIN_COLUMNS = ("round_date", "village_code", "child_id", "status", "answered_at", "channel",
                   *checkin_codes.QUESTIONS, "problem_label")  # fmt: skip
HOUSEHOLD_COLUMNS = (*imports.HOUSEHOLD_COLUMNS, "child_id")  # the import skips the last one
TIME = "%Y-%m-%d %H:%M:%S"  # UTC, as stored


def _yes_no(value: bool | None) -> str:
    return "" if value is None else ("yes" if value else "no")


def household_rows(officer: Officer) -> Iterable[tuple]:
    """One row per child of each household in scope."""
    consented = _consent_dates(officer)
    for household in families.households(officer):
        caregiver = household.caregiver
        migrants = {m.phone: m for m in reversed(household.migrants)}  # the first one per phone
        for child in household.children:
            migrant = migrants.get(child.parent_phone)
            yield (
                caregiver.village.code if caregiver.village_id else "",
                caregiver.phone,
                caregiver.name,
                child.parent_phone or "",
                migrant.name if migrant else "",
                (migrant.destination_country or "") if migrant else "",
                child.name,
                child.birth_year,
                _yes_no(child.in_school),
                consented.get(caregiver.id, ""),
                child.id,
            )


def _consent_dates(officer: Officer) -> dict[int, str]:
    """The day each person in scope first consented for their children's data."""
    query = staff.scoped(
        officer,
        Consent.select(Consent.person, Consent.given_at)
        .join(Person)
        .where(Consent.scope == "children"),
        Person.village,
    )
    return {
        person_id: given.date().isoformat()
        for person_id, given in query.order_by(Consent.given_at.desc()).tuples()
    }


def case_rows(officer: Officer) -> Iterable[tuple]:
    """Every case in scope, oldest first: what, where, how far, when; never whom."""
    query = staff.scoped(
        officer,
        Alert.select(Alert, Village).join(Village, JOIN.LEFT_OUTER),
        Alert.village,
    )
    for alert in query.order_by(Alert.opened_at, Alert.id):
        village = alert.village if alert.village_id else None
        yield (
            alert.ref,
            alert.category,
            _yes_no(alert.urgent),
            village.code if village else "",
            village.name if village else "",
            alert.state,
            alert.opened_at.strftime(TIME),
            alert.deadline_at.strftime(TIME),
        )


def checkin_rows(officer: Officer) -> Iterable[tuple]:
    """Every check-in in scope, by round: the child's id (no name) and the answers' digits."""
    query = staff.scoped(
        officer,
        Checkin.select(Checkin, CheckinRound, Child, Person, Village)
        .join(CheckinRound)
        .switch(Checkin)
        .join(Child)
        .join(Person)
        .join(Village, JOIN.LEFT_OUTER),
        Person.village,
    )
    for checkin in query.order_by(CheckinRound.started_at, Checkin.id):
        caregiver = checkin.child.caregiver
        problem = checkin.problem
        yield (
            checkin.round.started_at.strftime(TIME),
            caregiver.village.code if caregiver.village_id else "",
            checkin.child_id,
            checkin.status,
            checkin.answered_at.strftime(TIME) if checkin.answered_at else "",
            checkin.channel or "",
            *(
                "" if getattr(checkin, q) is None else getattr(checkin, q)
                for q in checkin_codes.QUESTIONS
            ),  # fmt: skip
            (checkin_codes.PROBLEMS[problem] or "none")
            if problem in checkin_codes.PROBLEMS
            else "",
        )


EXPORTS: dict[str, tuple[tuple[str, ...], Callable[[Officer], Iterable[tuple]]]] = {
    "households": (HOUSEHOLD_COLUMNS, household_rows),
    "cases": (CASE_COLUMNS, case_rows),
    "checkins": (CHECKIN_COLUMNS, checkin_rows),
}


def _cell(value: object) -> object:
    """A cell a spreadsheet will not run: text starting = @ or a tab is quoted with '. (Phone
    numbers start with +; names, checked on the way in, with a letter.)"""
    if isinstance(value, str) and value[:1] in ("=", "@", "\t", "\r"):
        return "'" + value
    return value


def export(officer: Officer, what: str) -> tuple[str, int]:
    """The CSV text of one export (`what`: a key of EXPORTS) and how many rows it holds."""
    columns, rows = EXPORTS[what]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    count = 0
    for row in rows(officer):
        writer.writerow([_cell(value) for value in row])
        count += 1
    return out.getvalue(), count
