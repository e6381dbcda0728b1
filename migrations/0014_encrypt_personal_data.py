"""Personal data encrypted at rest with DATA_KEY (UU PDP): names, children's birth years,
check-in answers, report and case texts, SMS texts in and out, USSD input (its PINs and years
masked first). Name keys become keyed hashes. Needs the DATA_KEY the gateway will run with."""

import re

from gateway import crypto

# (table, column): the columns gateway.models declares as Encrypted*Field.
ENCRYPTED = (
    ("person", "name"),
    ("child", "name"),
    ("child", "birth_year"),
    ("checkin", "school"),
    ("checkin", "health"),
    ("checkin", "mood"),
    ("checkin", "contact"),
    ("checkin", "problem"),
    ("report", "text"),
    ("alert_event", "note"),
    ("outbox_message", "text"),
    ("inbound_sms", "text"),
    ("ussd_session_event", "input"),
    ("ussd_session_event", "last_app_response"),
)
WIDENED = ENCRYPTED[:8]  # were VARCHAR or INTEGER: a token needs TEXT (PostgreSQL checks)


def _normal(name: str) -> str:
    return " ".join(name.lower().split())


def _rekey(db, table: str, with_year: bool) -> None:
    """Name keys become keyed hashes; a double's "#id" suffix (migration 0012) stays."""
    mark = db.param
    year = ", birth_year" if with_year else ""
    for row_id, name, old_key, *birth_year in db.execute_sql(
        f"SELECT id, name, name_key{year} FROM {table}"
    ).fetchall():
        identity = _normal(name) + (f"|{birth_year[0]}" if with_year else "")
        suffix = old_key[old_key.index("#") :] if "#" in old_key else ""
        key = crypto.lookup_hash(identity) + suffix
        db.execute_sql(f"UPDATE {table} SET name_key = {mark} WHERE id = {mark}", (key, row_id))


def _masked(text: str) -> str:
    return "*".join("****" if re.fullmatch(r"\d{4}", part) else part for part in text.split("*"))


def up(migrator, db):
    if db.param == "%s":  # PostgreSQL
        for table, column in WIDENED:
            db.execute_sql(
                f"ALTER TABLE {table} ALTER COLUMN {column} TYPE TEXT USING {column}::text"
            )
    _rekey(db, "person", with_year=False)
    _rekey(db, "child", with_year=True)
    mark = db.param
    for table, column in ENCRYPTED:
        for row_id, value in db.execute_sql(
            f"SELECT id, {column} FROM {table} WHERE {column} IS NOT NULL"
        ).fetchall():
            clear = _masked(str(value)) if column == "input" else str(value)
            db.execute_sql(
                f"UPDATE {table} SET {column} = {mark} WHERE id = {mark}",
                (crypto.encrypt(clear), row_id),
            )


def down(migrator, db):
    mark = db.param
    for table, column in ENCRYPTED:
        for row_id, value in db.execute_sql(
            f"SELECT id, {column} FROM {table} WHERE {column} IS NOT NULL"
        ).fetchall():
            db.execute_sql(
                f"UPDATE {table} SET {column} = {mark} WHERE id = {mark}",
                (crypto.decrypt(value), row_id),
            )
