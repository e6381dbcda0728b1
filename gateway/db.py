"""The database: bind the proxy from DATABASE_URL, open per request, run migrations."""

from __future__ import annotations

import os
from pathlib import Path

import click
from flask import Flask
from peewee import Database, SqliteDatabase
from playhouse.db_url import connect
from playhouse.migrations import Runner

from gateway.models import db

MIGRATIONS_DIR = str(Path(__file__).resolve().parent.parent / "migrations")
SQLITE_PRAGMAS = {"journal_mode": "wal", "foreign_keys": 1, "busy_timeout": 5000}


def open_database(url: str) -> Database:
    """A peewee Database for `url`; SQLite gets its folder created and sane pragmas."""
    database = connect(url)
    if isinstance(database, SqliteDatabase):
        if database.database != ":memory:":
            os.makedirs(os.path.dirname(os.path.abspath(database.database)), exist_ok=True)
        database.init(database.database, pragmas=SQLITE_PRAGMAS)
    return database


def init_db(url: str) -> None:
    """Bind the model proxy to the database at `url` (does not connect)."""
    if db.obj is not None and not db.is_closed():
        db.close()
    db.initialize(open_database(url))


def migrate() -> list[str]:
    """Apply pending migrations; return the names applied."""
    return Runner(db.obj, MIGRATIONS_DIR).up()


def pending_migrations() -> list[str]:
    """Names of migrations not yet applied."""
    return [m.name for m in Runner(db.obj, MIGRATIONS_DIR).status() if not m.applied]


def init_app(app: Flask) -> None:
    """Bind the database; a request connects on its first query and closes when it ends."""
    init_db(app.config["DATABASE_URL"])
    app.teardown_request(_close)
    app.cli.add_command(init_db_command)


def _close(_exc: BaseException | None) -> None:
    if not db.is_closed():
        db.close()


@click.command("init-db")
def init_db_command() -> None:
    """Create the schema or upgrade it to the newest migration."""
    with db.connection_context():
        applied = migrate()
    if applied:
        click.echo("Applied migrations: " + ", ".join(applied))
    else:
        click.echo("Schema is up to date; nothing to apply.")
