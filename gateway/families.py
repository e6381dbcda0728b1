"""Households and children as the web desk shows them, within a staff member's scope: the list
(searched here, since names are encrypted), a household's people and children, a child's
check-in history, and per round and village the check-ins due, answered, missed and open."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from peewee import JOIN, fn

from gateway import checkin_codes, i18n, officers, staff
from gateway.models import (
    Alert,
    Checkin,
    CheckinRound,
    Child,
    Consent,
    Officer,
    Person,
    Village,
    normal_name,
)
from gateway.statuses import CheckinStatus, Role

LANG = "id"  # the desk speaks Indonesian
CAREGIVERS = Person.role == Role.CAREGIVER.value


@dataclass
class Household:
    """A caregiver, the children in their care, and the parents abroad they are linked to."""

    caregiver: Person
    children: list[Child] = field(default_factory=list)
    migrants: list[Person] = field(default_factory=list)

    def names(self) -> list[str]:
        """Every name in the household, as compared by a search."""
        people = [self.caregiver, *self.children, *self.migrants]
        return [normal_name(p.name) for p in people]

    def phones(self) -> list[str]:
        """Every phone number in the household, digits only."""
        numbers = [self.caregiver.phone, *(m.phone for m in self.migrants)]
        numbers += [c.parent_phone for c in self.children if c.parent_phone]
        return ["".join(ch for ch in n if ch.isdigit()) for n in numbers]


@dataclass(frozen=True)
class CheckinLine:
    """One check-in of a child as the desk shows it: answers in words, the problem labelled."""

    round_date: datetime
    status: str
    answered_at: datetime | None
    channel: str | None
    answers: tuple[str, str, str, str]  # school, health, mood, contact: Ya, Tidak or -
    problem: str  # "4 Kekerasan", or "-"


@dataclass(frozen=True)
class RoundCount:
    """The check-ins of one round in one village, by status."""

    round_id: int
    started_at: datetime
    village: Village | None
    answered: int
    missed: int
    open: int

    @property
    def due(self) -> int:
        """Every check-in the round asked for in the village."""
        return self.answered + self.missed + self.open

    @property
    def rate(self) -> float:
        """The share of the due check-ins that were answered (0 to 1)."""
        return self.answered / self.due if self.due else 0.0


def households(officer: Officer, search: str = "") -> list[Household]:
    """The households in scope, by village and caregiver's name; with `search`, only those where
    a name contains it, or a phone number its digits (08..., 62... and +62... alike)."""
    caregivers = Person.select(Person, Village).join(Village, JOIN.LEFT_OUTER)
    caregivers = staff.scoped(officer, caregivers.where(CAREGIVERS), Person.village)
    found = {person.id: Household(person) for person in caregivers}
    children = staff.scoped(officer, Child.select().join(Person).where(CAREGIVERS), Person.village)
    for child in children.order_by(Child.id):
        found[child.caregiver_id].children.append(child)
    migrants = Person.select().where(Person.role == Role.MIGRANT.value).order_by(Person.id)
    _link_migrants(list(found.values()), staff.scoped(officer, migrants, Person.village))
    chosen = [h for h in found.values() if _matches(h, search)]
    return sorted(chosen, key=lambda h: (_village_name(h.caregiver), normal_name(h.caregiver.name)))


def _village_name(person: Person) -> str:
    return person.village.name if person.village_id else ""


def _link_migrants(found: list[Household], migrants: Iterable[Person]) -> None:
    """Each household's parents abroad: the `migrants` of its village registered on its
    children's parent phone (one phone may carry migrants of other villages: not this family)."""
    by_phone = defaultdict(list)
    for migrant in migrants:
        by_phone[migrant.phone, migrant.village_id].append(migrant)
    for household in found:
        linked = sorted({c.parent_phone for c in household.children if c.parent_phone})
        village = household.caregiver.village_id
        household.migrants = [m for phone in linked for m in by_phone.get((phone, village), [])]


def _matches(household: Household, search: str) -> bool:
    words = normal_name(search)
    if not words:
        return True
    digits = "".join(ch for ch in words if ch.isdigit())
    if digits and not any(ch.isalpha() for ch in words):  # a phone number, or part of one
        wanted = {digits, "62" + digits[1:]} if digits.startswith("0") else {digits}
        return any(w in phone for w in wanted for phone in household.phones())
    return any(words in name for name in household.names())


def household(officer: Officer, person_id: int) -> tuple[Household | None, bool]:
    """The household of this caregiver, and whether this staff member may open it."""
    person = Person.get_or_none((Person.id == person_id) & (Person.role == Role.CAREGIVER.value))
    if person is None:
        return None, False
    found = Household(person, list(person.children.order_by(Child.id)))
    phones = [c.parent_phone for c in found.children if c.parent_phone]
    migrants = Person.select().where(
        (Person.role == Role.MIGRANT.value)
        & Person.phone.in_(phones)
        & (Person.village == person.village)
    )
    _link_migrants([found], migrants.order_by(Person.id))
    return found, officers.sees(officer, person.village)


def child(officer: Officer, child_id: int) -> tuple[Child | None, bool]:
    """The child with this id, and whether this staff member may open their page."""
    found = Child.get_or_none(Child.id == child_id)
    if found is None:
        return None, False
    return found, officers.sees(officer, found.caregiver.village)


def others_on_phone(officer: Officer, person: Person) -> list[Person]:
    """The other people registered on the caregiver's phone (a grandmother, a migrant...), of
    the villages in this staff member's scope only: one phone may carry another village's."""
    query = Person.select().where((Person.phone == person.phone) & (Person.id != person.id))
    return list(staff.scoped(officer, query, Person.village).order_by(Person.id))


def consents(person: Person) -> list[Consent]:
    """The consents the caregiver gave, oldest first."""
    return list(person.consents.order_by(Consent.given_at))


def history(child: Child, limit: int | None = None) -> list[CheckinLine]:
    """The child's check-ins, newest first (the last `limit` of them, if given)."""
    query = (
        Checkin.select(Checkin, CheckinRound)
        .join(CheckinRound)
        .where(Checkin.child == child)
        .order_by(Checkin.opened_at.desc(), Checkin.id.desc())
    )
    return [_line(checkin) for checkin in (query.limit(limit) if limit else query)]


def _line(checkin: Checkin) -> CheckinLine:
    def word(value: int | None) -> str:
        if value is None:
            return "-"
        return i18n.text(LANG, "answer.yes" if value == checkin_codes.YES else "answer.no")

    problem = "-"
    if checkin.problem is not None:
        problem = f"{checkin.problem} {checkin_codes.label(LANG, checkin.problem)}"
    return CheckinLine(
        round_date=checkin.round.started_at,
        status=checkin.status,
        answered_at=checkin.answered_at,
        channel=checkin.channel,
        answers=tuple(word(getattr(checkin, q)) for q in checkin_codes.QUESTIONS[:4]),
        problem=problem,
    )


def cases_about(child: Child) -> list[Alert]:
    """The cases opened about this child, newest first."""
    return list(Alert.select().where(Alert.child_id == child.id).order_by(Alert.id.desc()))


def round_counts(officer: Officer) -> list[RoundCount]:
    """Per check-in round and village in scope, the check-ins by status; newest round first."""
    query = staff.scoped(
        officer,
        Checkin.select(
            CheckinRound.id, CheckinRound.started_at, Person.village, Checkin.status, fn.COUNT(1)
        )
        .join(CheckinRound)
        .switch(Checkin)
        .join(Child)
        .join(Person),
        Person.village,
    ).group_by(CheckinRound.id, CheckinRound.started_at, Person.village, Checkin.status)
    counts: dict[tuple[int, datetime, int | None], dict[str, int]] = defaultdict(dict)
    for round_id, started_at, village_id, status, count in query.tuples():
        counts[round_id, started_at, village_id][status] = count
    villages = {v.id: v for v in Village.select()}
    found = [
        RoundCount(
            round_id=round_id,
            started_at=started_at,
            village=villages.get(village_id),
            answered=by_status.get(CheckinStatus.ANSWERED, 0),
            missed=by_status.get(CheckinStatus.MISSED, 0),
            open=by_status.get(CheckinStatus.OPEN, 0),
        )
        for (round_id, started_at, village_id), by_status in counts.items()
    ]
    found.sort(key=lambda r: r.village.name if r.village else "")
    return sorted(found, key=lambda r: (r.started_at, r.round_id), reverse=True)
