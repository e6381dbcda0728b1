"""PINs of people and officers: hashed, counted, locked after three wrong tries; and the
register fact an imported person proves before their first PIN."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from gateway import crypto, lockout
from gateway.models import Child, Officer, Person

PIN_TRIES = 3
PIN_LOCK = timedelta(minutes=15)


class PinLockedError(Exception):
    """Too many wrong PINs: personal screens are closed for a while."""


PIN_RULE = lockout.Rule(PIN_TRIES, PIN_LOCK, "pin_failures", "pin_locked_until", PinLockedError)


def set_pin_hash(person: Person | Officer, pin_hash: str) -> None:
    """Store a new PIN (already hashed) and clear any lock."""
    person.pin_hash = pin_hash
    person.pin_failures, person.pin_locked_until = 0, None
    person.save()


def check_pin(holder: Person | Officer, pin: str) -> bool:
    """True for the right PIN; counts wrong ones, PinLockedError after PIN_TRIES of them."""
    stored = holder.pin_hash
    right = _attempt(holder, lambda: bool(stored) and crypto.pin_matches(stored, pin))
    if right and crypto.needs_new_hash(stored):
        set_pin_hash(holder, crypto.hash_pin(pin))  # made before PIN_PEPPER: peppered now
    return right


def register_facts(person: Person) -> set[int]:
    """What the village register knows that whoever holds the phone should know too: the birth
    years of the children in this person's care or linked to their number."""
    cared_for = Child.select(Child.birth_year).where(Child.caregiver == person)
    linked = Child.select(Child.birth_year).where(Child.parent_phone == person.phone)
    return {child.birth_year for child in cared_for} | {child.birth_year for child in linked}


def check_register_fact(person: Person, answer: str) -> bool:
    """Before an imported person's first PIN: a child's birth year from the register. Wrong
    answers count and lock as wrong PINs do."""
    answer = answer.strip()
    return _attempt(person, lambda: answer.isdigit() and int(answer) in register_facts(person))


def _attempt(holder: Person | Officer, is_right: Callable[[], bool]) -> bool:
    """A try at a person's or officer's PIN (or register fact), counted and locked by PIN_RULE
    (lockout.py): PinLockedError while locked or after PIN_TRIES wrong ones."""
    try:
        return lockout.attempt(PIN_RULE, type(holder), holder.id, is_right)
    finally:
        # The counts changed in the database: a later save() of this object must not undo them.
        current = type(holder).get_by_id(holder.id)
        holder.pin_failures, holder.pin_locked_until = (
            current.pin_failures,
            current.pin_locked_until,
        )
