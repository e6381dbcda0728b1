"""Checked household register rows (import-households) applied in bulk: a chunk of rows in one
transaction and a few queries, instead of a transaction and a dozen queries for every row.

The result is the one the rows imported one by one, in file order, would leave: people found by
phone, role and name (any case, under any DATA_KEY's hash), the paper consent dated by a
caregiver's first row, a child's school and parent as its last row says. Rows that change an
existing person or child are saved one by one, as people.upsert_person and upsert_child save
them (encrypted and keyed again with the newest key); everything new goes in with insert_many.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

from gateway import clock, people
from gateway.models import BaseModel, Child, Consent, Person, child_key, db, normal_name, person_key
from gateway.statuses import Role

# Rows per transaction: each commit costs a disk sync, and on SQLite a transaction holds the
# write lock, so USSD sessions wait for it (busy_timeout): 500 rows take well under a second.
# It also keeps every IN (...) and multi-row INSERT far below the databases' parameter limits.
CHUNK = 500
PAPER = "paper"  # the consent's text version and channel: the register's paper form
CONSENT_SCOPES = ("self", "children")

PersonKey = tuple[str, str, str]  # phone, role, name as compared (models.normal_name)
ChildKey = tuple[int, str, int]  # caregiver id, name as compared, birth year


@dataclass(frozen=True)
class Household:
    """One checked register row: a caregiver, maybe the parent abroad, and one child."""

    village_id: int
    caregiver_phone: str
    caregiver_name: str
    migrant_phone: str | None
    migrant_name: str | None
    country: str | None
    child_name: str
    birth_year: int
    in_school: bool
    consent_date: date

    @property
    def caregiver(self) -> PersonKey:
        """The caregiver as people are told apart."""
        return (self.caregiver_phone, Role.CAREGIVER.value, normal_name(self.caregiver_name))


@dataclass
class _Wanted:
    """A person or child some rows of a chunk name: the name the first row gives (a new row
    keeps it) and the fields every row sets, in row order."""

    name: str
    updates: list[dict[str, Any]] = field(default_factory=list)


def apply(households: list[Household]) -> None:
    """Upsert these rows' people, paper consents and children in one transaction: every row
    whole, or none of them."""
    with db.atomic():
        now = clock.now()
        person_ids = _upsert_people(_wanted_people(households), now)
        caregiver_ids = [person_ids[household.caregiver] for household in households]
        _record_consents(caregiver_ids, households)
        _upsert_children(_wanted_children(caregiver_ids, households), now)


def _wanted_people(households: list[Household]) -> dict[PersonKey, _Wanted]:
    wanted: dict[PersonKey, _Wanted] = {}
    for row in households:
        wanted.setdefault(row.caregiver, _Wanted(row.caregiver_name)).updates.append(
            {"village": row.village_id}
        )
        if row.migrant_phone:
            key = (row.migrant_phone, Role.MIGRANT.value, normal_name(row.migrant_name))
            wanted.setdefault(key, _Wanted(row.migrant_name)).updates.append(
                {"village": row.village_id, "destination_country": row.country}
            )
    return wanted


def _upsert_people(wanted: dict[PersonKey, _Wanted], now: datetime) -> dict[PersonKey, int]:
    found = _find_people(wanted)
    _save_changes(Person, found, wanted, people.update)
    new = {key: want for key, want in wanted.items() if key not in found}
    rows = [
        {
            "phone": phone,
            "role": role,
            "name": want.name,
            "name_key": person_key(want.name)[0],
            "destination_country": None,  # a caregiver has none; insert_many wants every column
            **_in_turn({}, want.updates)[0],  # as the person's last row leaves them
            "created_at": now,
            "updated_at": now,
        }
        for (phone, role, _), want in new.items()
    ]
    _insert_new(Person, rows)
    found.update(_find_people(new))  # ids, also of a row another session added a moment ago
    return {key: person_id for key, (person_id, _) in found.items()}


def _find_people(wanted: dict[PersonKey, _Wanted]) -> dict[PersonKey, tuple[int, dict]]:
    phones = {phone for phone, _, _ in wanted}
    query = Person.select(
        Person.id,
        Person.phone,
        Person.role,
        Person.name_key,
        Person.village,
        Person.destination_country,
    ).where(Person.phone.in_(phones))
    stored = {
        ((phone, role), name_key): (person_id, {"village": village, "destination_country": land})
        for person_id, phone, role, name_key, village, land in query.tuples()
    }
    return _match(stored, {key: (key[:2], person_key(want.name)) for key, want in wanted.items()})


def _record_consents(caregiver_ids: list[int], households: list[Household]) -> None:
    """Each caregiver's paper consent, dated by their first row; one on file stays as it is."""
    given: dict[int, datetime] = {}
    for caregiver_id, row in zip(caregiver_ids, households, strict=True):
        given.setdefault(caregiver_id, datetime.combine(row.consent_date, time()))
    rows = [
        {
            "person": person_id,
            "scope": scope,
            "text_version": PAPER,
            "channel": PAPER,
            "given_at": given_at,
        }
        for person_id, given_at in given.items()
        for scope in CONSENT_SCOPES
    ]
    _insert_new(Consent, rows)


def _wanted_children(
    caregiver_ids: list[int], households: list[Household]
) -> dict[ChildKey, _Wanted]:
    wanted: dict[ChildKey, _Wanted] = {}
    for caregiver_id, row in zip(caregiver_ids, households, strict=True):
        key = (caregiver_id, normal_name(row.child_name), row.birth_year)
        wanted.setdefault(key, _Wanted(row.child_name)).updates.append(
            {"in_school": row.in_school, "parent_phone": row.migrant_phone}
        )
    return wanted


def _upsert_children(wanted: dict[ChildKey, _Wanted], now: datetime) -> None:
    found = _find_children(wanted)
    _save_changes(Child, found, wanted, people.update_child)
    rows = [
        {
            "caregiver": key[0],
            "name": want.name,
            "birth_year": key[2],
            "name_key": child_key(want.name, key[2])[0],
            **_in_turn({}, want.updates)[0],  # as the child's last row leaves them
            "created_at": now,
        }
        for key, want in wanted.items()
        if key not in found
    ]
    _insert_new(Child, rows)


def _find_children(wanted: dict[ChildKey, _Wanted]) -> dict[ChildKey, tuple[int, dict]]:
    caregivers = {caregiver_id for caregiver_id, _, _ in wanted}
    query = Child.select(
        Child.id, Child.caregiver, Child.name_key, Child.in_school, Child.parent_phone
    ).where(Child.caregiver.in_(caregivers))
    stored = {
        (caregiver_id, name_key): (child_id, {"in_school": in_school, "parent_phone": parent})
        for child_id, caregiver_id, name_key, in_school, parent in query.tuples()
    }
    return _match(
        stored, {key: (key[0], child_key(want.name, key[2])) for key, want in wanted.items()}
    )


def _match(
    stored: dict[tuple[Hashable, str], tuple[int, dict]],
    wanted: dict[Hashable, tuple[Hashable, list[str]]],
) -> dict[Any, tuple[int, dict]]:
    """The stored row of each wanted key, by its owner and any of its keyed hashes, newest
    DATA_KEY first: while the key rotates, a row hashed with the old one is the same row."""
    found = {}
    for key, (owner, hashes) in wanted.items():
        match = next((stored[owner, h] for h in hashes if (owner, h) in stored), None)
        if match is not None:
            found[key] = match
    return found


def _in_turn(current: dict, updates: list[dict]) -> tuple[dict, bool]:
    """`current` with each row's fields set in turn, and whether any row changed it."""
    state, changed = dict(current), False
    for fields in updates:
        changed = changed or any(state.get(name) != value for name, value in fields.items())
        state.update(fields)
    return state, changed


def _save_changes(
    model: type[BaseModel],
    found: dict[Hashable, tuple[int, dict]],
    wanted: dict[Hashable, _Wanted],
    save: Callable[..., None],
) -> None:
    """Rows the chunk changes, saved one by one with `save` (as the single upserts do)."""
    changes = {}
    for key, (row_id, current) in found.items():
        state, changed = _in_turn(current, wanted[key].updates)
        if changed:
            changes[row_id] = state
    if changes:
        for row in model.select().where(model.id.in_(list(changes))):
            save(row, **changes[row.id])


def _insert_new(model: type[BaseModel], rows: list[dict]) -> None:
    """Insert the rows, skipping any whose unique key is taken (by another session a moment
    ago, say), as people._insert_once does for one row."""
    if rows:
        model.insert_many(rows).on_conflict_ignore().execute()
