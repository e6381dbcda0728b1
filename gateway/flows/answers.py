"""Validators for typed answers: each cleans an answer or raises InvalidAnswerError."""

from __future__ import annotations

import re

from gateway import crypto, people, phone, pins
from gateway.flows.screens import InvalidAnswerError, SessionEndError, State

_TEXT = re.compile(r"[A-Za-z0-9][A-Za-z0-9 .,'/&()-]{1,39}")
SKIP = "1"  # "don't know" on optional questions (0 is "back")


def _squeeze(answer: str) -> str:
    return " ".join(answer.split())


def name(_state: State, answer: str) -> str:
    """A person's or child's name: letters, 2-40 characters, spaces squeezed."""
    cleaned = people.clean_name(answer)
    if cleaned is None:
        raise InvalidAnswerError("answer.bad_name")
    return cleaned


def short_text(_state: State, answer: str) -> str:
    """A job, a country or an agency name: 2-40 plain characters."""
    cleaned = _squeeze(answer)
    if not _TEXT.fullmatch(cleaned):
        raise InvalidAnswerError("answer.bad_text")
    return cleaned


def short_text_or_skip(state: State, answer: str) -> str | None:
    """Like short_text, or None for SKIP."""
    return None if answer == SKIP else short_text(state, answer)


def village_code(_state: State, answer: str) -> dict:
    """A code in the villages table; returns the village's code, name and district."""
    village = people.find_village(answer)
    if village is None:
        raise InvalidAnswerError("answer.bad_village")
    return {"code": village.code, "name": village.name, "district": village.district}


def birth_year(_state: State, answer: str) -> int:
    """A child's birth year: under 18 this year."""
    if not (answer.isdigit() and len(answer) == 4 and people.is_child_birth_year(int(answer))):
        first, last = people.child_birth_years()
        raise InvalidAnswerError("answer.bad_year", min_year=first, max_year=last)
    return int(answer)


def phone_abroad_or_skip(state: State, answer: str) -> str | None:
    """The phone number of a parent working abroad in E.164 ("0060..." or "60..." Malaysia's;
    "852..." asks: Hong Kong's, or Indonesia's 0852?), or None for SKIP. Never the caller's own:
    the parent's number lets them ask about the children and see the family's data."""
    if answer == SKIP:
        return None
    try:
        number = phone.normalise_abroad(answer)
    except phone.AmbiguousPhoneError:
        raise InvalidAnswerError("answer.phone_which_country") from None
    except phone.InvalidPhoneError:
        raise InvalidAnswerError("answer.bad_phone") from None
    if number == state.phone:
        raise InvalidAnswerError("answer.own_phone")
    return number


def new_pin(_state: State, answer: str) -> str:
    """Four digits; returned hashed, so no PIN sits in the session store."""
    if not (len(answer) == 4 and answer.isdigit()):
        raise InvalidAnswerError("answer.bad_pin")
    return crypto.hash_pin(answer)


def same_pin(state: State, answer: str) -> str:
    """The PIN typed again; must match the one just chosen."""
    if not crypto.pin_matches(state.data.get("pin_hash", ""), answer):
        raise InvalidAnswerError("answer.pin_mismatch")
    return answer


def own_pin(state: State, answer: str) -> int:
    """The PIN of the person using the phone; three wrong ones lock personal screens (a key
    slip, letters or too few digits, is no guess: it is not counted)."""
    if not (len(answer.strip()) == 4 and answer.strip().isdigit()):
        raise InvalidAnswerError("answer.bad_pin")
    return _secret(state, answer, pins.check_pin, "answer.wrong_pin")


def register_fact(state: State, answer: str) -> int:
    """A child's birth year as the village register has it (before an imported person's first
    PIN); three misses lock as wrong PINs do (what is no year at all is not counted)."""
    if not (len(answer.strip()) == 4 and answer.strip().isdigit()):
        first, last = people.child_birth_years()
        raise InvalidAnswerError("answer.bad_year", min_year=first, max_year=last)
    return _secret(state, answer, pins.check_register_fact, "answer.wrong_fact")


def _secret(state: State, answer: str, check, wrong: str) -> int:
    """The person's id when `check` accepts what they typed; else the error line `wrong`."""
    person = people.get(state.data.get("person_id"))
    try:
        if person is not None and check(person, answer):
            return person.id
    except pins.PinLockedError:
        raise SessionEndError("session.locked") from None
    raise InvalidAnswerError(wrong)
