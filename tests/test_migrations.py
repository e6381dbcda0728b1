"""Schema upgrades keep every row; init-db is idempotent."""

import pytest
from playhouse.migrations import Runner

from gateway.db import MIGRATIONS_DIR, migrate, pending_migrations
from gateway.models import ALL_MODELS, OutboxMessage, db
from tests.conftest import drop_all_tables, unpeppered_pin_hash


@pytest.fixture
def empty_database(app):
    drop_all_tables()
    yield
    drop_all_tables()
    migrate()  # leave the fully migrated schema the other tests expect


def test_a_database_of_the_first_schema_upgrades_without_losing_rows(empty_database):
    Runner(db.obj, MIGRATIONS_DIR).up(target="0001_initial")
    db.execute_sql(
        'INSERT INTO outbox_message ("to", text, kind, status, attempts, ambiguous_attempts,'
        " created_at, updated_at) VALUES ('+6281234567890', 'lama', 'reply', 'sent', 1, 0,"
        " '2026-01-01 00:00:00', '2026-01-01 00:00:00')"
    )
    db.execute_sql(
        "INSERT INTO contact (phone, language, opted_out, created_at, updated_at)"
        " VALUES ('+6281234567890', 'en', true, '2026-01-01', '2026-01-01')"
    )
    later = [m.name for m in Runner(db.obj, MIGRATIONS_DIR).migrations()][1:]
    assert len(later) >= 3 and pending_migrations() == later

    assert migrate() == later

    row = OutboxMessage.get()
    assert (row.text, row.status, row.attempts, row.delivery_status) == ("lama", "sent", 1, None)
    from gateway.models import Contact

    assert Contact.get().language == "en" and Contact.get().opted_out is True
    for model in ALL_MODELS:
        model.select().count()  # every model's columns exist in the upgraded schema


def test_init_db_creates_then_reports_nothing_to_do(empty_database, app):
    runner = app.test_cli_runner()
    first = runner.invoke(args=["init-db"])
    assert first.exit_code == 0
    names = [m.name for m in Runner(db.obj, MIGRATIONS_DIR).migrations()]
    assert first.output.strip() == "Applied migrations: " + ", ".join(names)
    second = runner.invoke(args=["init-db"])
    assert second.output.strip() == "Schema is up to date; nothing to apply."
    assert pending_migrations() == []


def test_doubles_stored_before_the_unique_keys_are_kept_and_told_apart(empty_database):
    Runner(db.obj, MIGRATIONS_DIR).up(target="0011_early_delivery_reports")
    for _ in range(2):  # the same registration finished in two sessions at once
        db.execute_sql(
            "INSERT INTO person (phone, name, role, pin_failures, monthly_summary, created_at,"
            " updated_at) VALUES ('+6281234567890', 'Siti  Aminah', 'caregiver', 0, false,"
            " '2026-01-01', '2026-01-01')"
        )
        db.execute_sql(
            "INSERT INTO consent (person_id, scope, text_version, channel, given_at)"
            " VALUES (1, 'self', 'v1', 'ussd', '2026-01-01')"
        )
    migrate()
    from gateway import crypto
    from gateway.models import Consent, Person

    key = crypto.lookup_hash("siti aminah")
    people = list(Person.select().order_by(Person.id))
    assert [p.name_key for p in people] == [key, key + "#2"]  # both kept, for an operator
    assert [p.name for p in people] == ["Siti  Aminah"] * 2
    assert Consent.select().count() == 1
    # The double can still be saved (its PIN re-hashed, its village changed): its "#2" stays.

    from gateway import pins

    double = people[1]
    double.pin_hash = unpeppered_pin_hash("1234")  # made before PIN_PEPPER
    double.save()
    assert pins.check_pin(double, "1234")  # re-hashed with the pepper, saved
    assert Person.get_by_id(double.id).name_key == key + "#2"
    # Migration 0014 encrypted the names it found in clear.
    stored = [row[0] for row in db.execute_sql("SELECT name FROM person").fetchall()]
    assert "Aminah" not in "".join(stored)
