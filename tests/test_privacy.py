"""UU PDP: after a registration and a check-in, no child's name, PIN or check-in answer is in
clear in the database, in Redis or in the logs."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from flask import current_app

from gateway import checkins, crypto, sessions
from gateway.models import Checkin, Child, Village, db
from tests.ussd_phone import Phone

CAREGIVER, PARENT = "+6281234567890", "+6281211112222"
SECRETS = ("Kartika", "Sarasvati", "Wulandari", "*4826", "4826*")


@pytest.fixture
def registered_and_checked_in(client, app, caplog):
    caplog.set_level(logging.DEBUG)
    Village.create(code="3507102001", name="Sumberejo", district="Malang", province="Jatim")
    phone = Phone(client, CAREGIVER)
    phone.dial()
    phone.press("1", "3", "Wulandari", "35.07.10.2001", "1", "0812-1111-2222")
    phone.press("Kartika Sarasvati", "2015", "1", "2", "4826", "4826")
    assert phone.press("1").startswith("END ")
    client.post(
        "/ussd/events",
        data={
            "sessionId": phone.session,
            "phoneNumber": CAREGIVER,
            "status": "Success",
            "input": phone.text,
            "lastAppResponse": phone.last,
        },
    )
    checkins.open_due(current_app.config)
    answer = client.post("/sms/incoming", data={"id": "k1", "from": CAREGIVER, "text": "2 2 2 2 4"})
    assert answer.status_code == 200
    return caplog


def all_stored_text() -> str:
    """Every value of every table, as the database holds it."""
    dump = []
    for table in db.get_tables():
        cursor = db.execute_sql(f'SELECT * FROM "{table}"')
        dump.extend(json.dumps(row, default=str) for row in cursor.fetchall())
    return "\n".join(dump)


def test_no_name_pin_or_answer_in_clear_in_the_database(registered_and_checked_in, test_config):
    stored = all_stored_text()
    for secret in SECRETS:
        assert secret not in stored, secret
    raw = db.execute_sql("SELECT birth_year, name FROM child").fetchall()
    answers = db.execute_sql("SELECT school, health, mood, contact, problem FROM checkin")
    for value in [*raw[0], *answers.fetchone()]:
        assert str(value).startswith("gAAAAA"), value  # a Fernet token, not a year or a digit
    assert Child.get().name == "Kartika Sarasvati"  # and the gateway still reads them
    assert Checkin.get().problem == 4


def test_no_name_or_pin_in_the_sqlite_file(registered_and_checked_in, test_config):
    url = test_config["DATABASE_URL"]
    if not url.startswith("sqlite:///"):
        pytest.skip("the file check is for SQLite; the table dump covers PostgreSQL")
    db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    path = Path(url.removeprefix("sqlite:///"))
    for part in (path, Path(f"{path}-wal")):
        if part.exists():
            content = part.read_bytes()
            for secret in ("Kartika Sarasvati", "Wulandari", "*4826*"):
                assert secret.encode() not in content, (part, secret)


def test_no_name_or_pin_in_redis_or_the_logs(registered_and_checked_in, redis):
    for key in redis.keys("*"):
        value = redis.dump(key) or b""
        for secret in SECRETS:
            assert secret.encode() not in value, (key, secret)
    logged = "\n".join(record.getMessage() for record in registered_and_checked_in.records)
    for secret in SECRETS:
        assert secret not in logged, secret


def test_the_session_state_keeps_no_pin_even_encrypted(registered_and_checked_in, redis):
    states = [crypto.decrypt(redis.get(key).decode()) for key in redis.keys("ussd:session:*")]
    assert states and all("4826" not in state for state in states)


@pytest.mark.parametrize(
    "text, stored",
    [
        ("3*975310*1", "3******1"),  # an officer's 6-digit PIN
        ("5* 1234*2", "5******2"),  # spaces around a PIN: still the PIN
        ("1*3*Siti*4826*2015", "1*3*Siti**********"),
        (
            "1*35.07.10.2001*3507102001*081211112222*12",
            "1*35.07.10.2001*3507102001*081211112222*12",
        ),
    ],
)
def test_stored_input_masks_every_pin_and_birth_year(text, stored):
    assert sessions.masked(text) == stored


@pytest.mark.parametrize("text", ["INFO K1AB2C 1234", "INFO,K1AB2C,1234", "info K1AB2C  123456"])
def test_a_stored_info_command_keeps_no_pin(text):
    from gateway.sms.keywords import redacted

    assert redacted(text) == "INFO K1AB2C ****"


def test_a_stolen_database_alone_cannot_check_a_pin(registered_and_checked_in):
    from gateway.models import Person

    stored = Person.get().pin_hash
    assert crypto.pin_matches(stored, "4826")
    pepper = crypto.Keys.pepper
    crypto.Keys.pepper = b"what a thief would guess"
    try:
        assert not crypto.pin_matches(stored, "4826")
    finally:
        crypto.Keys.pepper = pepper
