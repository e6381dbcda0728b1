"""Races: many sessions doing the same thing at once, each on its own database connection (on
PostgreSQL as in production; SQLite takes the writers in turn)."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

from flask import current_app

from gateway import crypto, people, pins
from gateway.models import Child, Consent, OutboxMessage, Person, Village, db
from tests.conftest import unpeppered_pin_hash

PHONE = "+6281234567890"


def at_once(count: int, action) -> list:
    """Run `action(n)` in `count` threads released together, each with its own connection
    (and the application's context, as each web request has)."""
    start = threading.Barrier(count)
    app = current_app._get_current_object()

    def run(number: int):
        start.wait()
        with app.app_context(), db.connection_context():
            return action(number)

    with ThreadPoolExecutor(count) as pool:
        return list(pool.map(run, range(count)))


def test_one_registration_finished_in_ten_sessions_at_once_is_stored_once(app):
    Village.create(code="3507102001", name="Sumberejo", district="Malang", province="Jatim")
    answers = {
        "name": "Siti Aminah",
        "role": "caregiver",
        "village_code": "3507102001",
        "pin_hash": unpeppered_pin_hash("1234"),
        "children": [{"name": "Budi", "year": 2015, "school": True}],
        "ussd_code": "*123#",
    }
    db.close()  # the threads use their own connections; SQLite must not see this one writing
    at_once(10, lambda _: people.register(PHONE, dict(answers), "id").id)
    with db.connection_context():
        assert Person.select().count() == 1
        assert Child.select().count() == 1
        assert Consent.select().count() == 2  # self and children, each once
        assert OutboxMessage.select().where(OutboxMessage.to == PHONE).count() == 1


def test_thirty_wrong_pins_at_once_check_at_most_three(app, monkeypatch):
    person = Person.create(
        phone=PHONE, name="Siti", role="caregiver", pin_hash=unpeppered_pin_hash("1234")
    )
    checked = []
    real_check = crypto.pin_matches

    def slow_check(pin_hash: str, pin: str) -> bool:  # the real check, slower
        checked.append(pin)
        time.sleep(0.05)  # widen the window a racing lock would leave open
        return real_check(pin_hash, pin)

    monkeypatch.setattr(crypto, "pin_matches", slow_check)
    db.close()

    def try_wrong_pin(_):
        try:
            return pins.check_pin(Person.get_by_id(person.id), "0000")
        except pins.PinLockedError:
            return "locked"

    results = at_once(30, try_wrong_pin)
    assert len(checked) == 3
    assert results.count("locked") == 28 and results.count(False) == 2
    with db.connection_context():
        assert Person.get_by_id(person.id).pin_locked_until is not None
