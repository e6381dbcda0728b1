"""Encrypted columns that were INTEGER become TEXT on SQLite too, as 0014 made them on
PostgreSQL: the schema then matches gateway.models on both (tests/test_migrations.py)."""

from peewee import SqliteDatabase, TextField

# (table, column, null): the columns 0014 widened that were INTEGER (its VARCHARs are text).
WIDENED = (
    ("child", "birth_year", False),
    ("checkin", "school", True),
    ("checkin", "health", True),
    ("checkin", "mood", True),
    ("checkin", "contact", True),
    ("checkin", "problem", True),
)


def up(migrator, db):
    if not isinstance(db, SqliteDatabase):
        return  # PostgreSQL: done by 0014
    # SQLite rebuilds each table, with foreign keys off while it runs: no check-in is lost.
    migrator.migrate(
        *(migrator.alter_column_type(t, c, TextField(null=null)) for t, c, null in WIDENED)
    )


def down(migrator, db):
    pass  # TEXT holds whatever the INTEGER columns held
