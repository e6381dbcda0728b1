"""Schema upgrades keep every row and build the schema the models declare; init-db is
idempotent."""

from pprint import pformat

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


def test_encrypted_columns_become_text_keeping_every_child_and_check_in(empty_database):
    from gateway.models import Checkin, CheckinRound, Child, Person

    Runner(db.obj, MIGRATIONS_DIR).up(target="0016_dead_numbers")
    siti = Person.create(phone="+6281234567890", name="Siti", role="caregiver")
    budi = Child.create(caregiver=siti, name="Budi", birth_year=2015, in_school=True)
    Checkin.create(round=CheckinRound.create(), child=budi, school=1, problem=4)
    Runner(db.obj, MIGRATIONS_DIR).up(target="0017_encrypted_columns_text_on_sqlite")
    assert Child.get().birth_year == 2015  # not dropped with its table, nor its check-ins
    assert (Checkin.get().child_id, Checkin.get().school, Checkin.get().problem) == (budi.id, 1, 4)


# Column types as either backend names them, coarsely: lengths and flavours are not compared.
KINDS = (
    ("bool", ("bool",)),
    ("integer", ("int", "serial")),
    ("text", ("char", "text")),
    ("datetime", ("timestamp", "datetime")),
    ("date", ("date",)),
    ("number", ("real", "float", "double", "numeric", "decimal")),
)


def kind(sql_type: str) -> str:
    """The coarse kind of a column type (SQLite's or PostgreSQL's spelling)."""
    sql_type = sql_type.lower()
    return next((k for k, words in KINDS if any(w in sql_type for w in words)), sql_type)


def declared_schema(model) -> set[tuple]:
    """What `model` declares: its columns (name, kind, nullable) and indexes (columns, unique)."""
    field_types = db.obj.get_context_options()["field_types"]
    columns = {
        ("column", f.column_name, kind(field_types.get(f.field_type, f.field_type)), f.null)
        for f in model._meta.sorted_fields
    }
    indexes = {
        ("index", tuple(sorted(f.column_name for f in index._expressions)), bool(index._unique))
        for index in model._meta.fields_to_index()
    }
    return columns | indexes


def migrated_schema(table: str) -> set[tuple]:
    """What the database has for `table`, in the same terms (its primary key's index aside)."""
    columns = {("column", c.name, kind(c.data_type), c.null) for c in db.get_columns(table)}
    indexes = {("index", tuple(sorted(i.columns)), i.unique) for i in db.get_indexes(table)}
    primary = ("index", tuple(sorted(db.get_primary_keys(table))), True)
    return columns | (indexes - {primary})


def test_the_migrations_build_the_schema_the_models_declare(empty_database):
    migrate()
    tables = {model._meta.table_name for model in ALL_MODELS}
    assert set(db.get_tables()) - {"schema_migration"} == tables
    differences = {}
    for model in ALL_MODELS:
        migrated, declared = migrated_schema(model._meta.table_name), declared_schema(model)
        if migrated != declared:
            differences[model._meta.table_name] = {
                "migrated only": migrated - declared,
                "declared only": declared - migrated,
            }
    assert not differences, pformat(differences)


def test_agency_name_keys_are_made_again_under_the_pt_cv_rule(empty_database):
    Runner(db.obj, MIGRATIONS_DIR).up(target="0023_outbox_batch_key")
    # A key of the looser rule: "Tbk" dropped, so "PT Sinar Harapan Mulia" read as this one.
    db.execute_sql(
        "INSERT INTO agency (licence_no, licence_key, name, name_key, address, valid_until,"
        " status) VALUES ('KEP.1/PK.02/2024', 'KEP1PK022024', 'PT Sinar Harapan Mulia Tbk',"
        " 'SINAR HARAPAN MULIA', 'Malang', '2027-06-30', 'active')"
    )
    migrate()
    from gateway.models import Agency

    assert Agency.get().name_key == "SINAR HARAPAN MULIA TBK"
