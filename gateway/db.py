"""The database: bind the proxy from DATABASE_URL, open per request, run migrations."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

import click
from flask import Flask
from peewee import Database, QueryEvent, SqliteDatabase
from playhouse.db_url import connect
from playhouse.migrations import Runner
from playhouse.pool import PooledSqliteDatabase

from gateway.models import db

MIGRATIONS_DIR = str(Path(__file__).resolve().parent.parent / "migrations")
SQLITE_PRAGMAS = {"journal_mode": "wal", "foreign_keys": 1, "busy_timeout": 5000}
POOLED = ("postgres", "postgresql", "sqlite")  # "+pool" added; an explicit "+pool" URL as given
# Per process (a sync gunicorn worker or an RQ worker uses one connection at a time); a thread
# that finds none free waits up to `timeout` s; an idle one is replaced after `stale_timeout` s.
POOL = {"max_connections": 32, "timeout": 10, "stale_timeout": 300}


def ping() -> None:
    """A round trip to the database; DatabaseError when it is unreachable."""
    db.execute_sql("SELECT 1")


def open_database(url: str) -> Database:
    """A peewee Database for `url`, pooled: a request or a job borrows a connection and gives it
    back, instead of connecting (and, for SQLite, setting its pragmas) every time. SQLite gets its
    folder created and sane pragmas."""
    scheme, _, rest = url.partition("://")
    if scheme in POOLED:
        database = connect(f"{scheme}+pool://{rest}", **POOL)
    else:
        database = connect(url)  # "+pool" URLs carry their own settings
    if isinstance(database, SqliteDatabase):
        if database.database == ":memory:":  # one database per connection: never pooled
            return SqliteDatabase(":memory:", pragmas=SQLITE_PRAGMAS, lock_type="IMMEDIATE")
        os.makedirs(os.path.dirname(os.path.abspath(database.database)), exist_ok=True)
        # Transactions take the write lock when they begin: one that reads, then writes, while
        # another writes would otherwise fail at once with "database is locked" instead of
        # waiting its turn (busy_timeout), as when two sessions finish one registration.
        return PooledSqliteDatabase(
            database.database,
            pragmas=SQLITE_PRAGMAS,
            lock_type="IMMEDIATE",
            check_same_thread=False,
            **POOL,
        )
    return database


_writes: ContextVar[list[bool] | None] = ContextVar("db_writes", default=None)
WRITES = ("INSERT", "UPDATE", "DELETE")


@contextmanager
def noticing_writes() -> Iterator[Callable[[], bool]]:
    """Within the block, the yielded function tells whether a row was written: a USSD step
    that wrote keeps a checkpoint, one that only read needs none."""
    flag = [False]
    token = _writes.set(flag)
    try:
        yield lambda: flag[0]
    finally:
        _writes.reset(token)


def _notice_write(event: QueryEvent) -> None:
    flag = _writes.get()
    if flag is not None and event.exception is None and event.sql.lstrip()[:6].upper() in WRITES:
        flag[0] = True


def init_db(url: str) -> None:
    """Bind the model proxy to the database at `url` (does not connect)."""
    if db.obj is not None and not db.is_closed():
        db.close()
    database = open_database(url)
    database.query_hooks.append(_notice_write)
    db.initialize(database)


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
