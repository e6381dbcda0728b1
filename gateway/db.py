"""The database: bind the proxy from DATABASE_URL, open per request, run migrations."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

import click
from flask import Flask
from peewee import Database, Model, Query, QueryEvent, SqliteDatabase
from playhouse.db_url import connect, parse
from playhouse.migrations import Runner
from playhouse.pool import PooledPostgresqlDatabase, PooledSqliteDatabase

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


class FirstStatementBegins:
    """Mixed into the database classes: a transaction sends its BEGIN just before its first
    statement, so one that runs none (a USSD step that only moves between menus, inside its
    unit of work) costs nothing: no write lock taken and freed on SQLite, no two round trips
    on PostgreSQL. Everything the transaction runs still runs inside it."""

    def begin(self, *args, **kwargs):
        """Remember how to begin; the first statement sends it (a pooled PostgreSQL connection
        is checked with a round trip when borrowed: a step that runs nothing borrows none)."""
        self._state.unsent_begin = (args, kwargs)

    def connect(self, reuse_if_open=False):
        """peewee's connect() empties the transaction stack and its after_commit callbacks: a
        transaction entered before its connection (BEGIN not sent yet) keeps both."""
        kept = list(self._state.transactions), list(self._state.commit_callbacks)
        try:
            return super().connect(reuse_if_open)
        finally:
            if kept[0]:
                self._state.transactions[:], self._state.commit_callbacks[:] = kept

    def cursor(self, named_cursor=None):
        """Every statement goes through here (execute_sql, and a caller's own cursor):
        the pending BEGIN goes first."""
        self._send_begin()
        return super().cursor(named_cursor)

    def connection(self):
        """The driver's connection, inside the transaction if one is entered."""
        self._send_begin()
        return super().connection()

    def _send_begin(self):
        unsent = getattr(self._state, "unsent_begin", None)
        if unsent is not None:
            self._state.unsent_begin = None  # begin() asks cursor() for its cursor
            try:
                super().begin(*unsent[0], **unsent[1])
            except BaseException:
                self._state.unsent_begin = unsent  # not begun: nothing to end
                raise

    def commit(self):
        """COMMIT, unless the transaction ran nothing."""
        if not self._forget_unsent_begin():
            super().commit()

    def rollback(self):
        """ROLLBACK, unless the transaction ran nothing."""
        if not self._forget_unsent_begin():
            super().rollback()

    def close(self):
        """Close the connection; a transaction that never began is forgotten with it."""
        closed = super().close()  # refused while a transaction is open: then it is kept
        self._forget_unsent_begin()
        return closed

    def _forget_unsent_begin(self) -> bool:
        unsent = getattr(self._state, "unsent_begin", None) is not None
        self._state.unsent_begin = None
        return unsent


class Sqlite(FirstStatementBegins, SqliteDatabase):
    """SQLite whose transactions begin with their first statement."""


class PooledSqlite(FirstStatementBegins, PooledSqliteDatabase):
    """Pooled SQLite whose transactions begin with their first statement."""


class PooledPostgres(FirstStatementBegins, PooledPostgresqlDatabase):
    """Pooled PostgreSQL whose transactions begin with their first statement."""


def open_database(url: str) -> Database:
    """A peewee Database for `url`, pooled: a request or a job borrows a connection and gives it
    back, instead of connecting (and, for SQLite, setting its pragmas) every time. SQLite gets its
    folder created and sane pragmas."""
    scheme, _, rest = url.partition("://")
    settings = POOL if scheme in POOLED else {}  # "+pool" URLs carry their own settings
    if scheme in POOLED:
        url = f"{scheme}+pool://{rest}"
    database = connect(url, **settings)  # refuses a URL it cannot use, with the reason
    if isinstance(database, PooledPostgresqlDatabase):
        return PooledPostgres(**{**parse(url), **settings})
    if isinstance(database, SqliteDatabase):
        if database.database == ":memory:":  # one database per connection: never pooled
            return Sqlite(":memory:", pragmas=SQLITE_PRAGMAS, lock_type="IMMEDIATE")
        os.makedirs(os.path.dirname(os.path.abspath(database.database)), exist_ok=True)
        # Transactions take the write lock when they begin: one that reads, then writes, while
        # another writes would otherwise fail at once with "database is locked" instead of
        # waiting its turn (busy_timeout), as when two sessions finish one registration.
        return PooledSqlite(
            database.database,
            pragmas=SQLITE_PRAGMAS,
            lock_type="IMMEDIATE",
            check_same_thread=False,
            **POOL,
        )
    return database


class Compiled:
    """A query whose SQL Peewee builds once per process: on a hot path (a USSD step) building
    the SQL takes ten times as long as SQLite takes to run it. `build(**stand_ins)` makes the
    query from stand-in texts for its named values; `rows(**values)` runs it with the real ones,
    as instances of `model` if given, else as tuples."""

    def __init__(self, build: Callable[..., Query], model: type[Model] | None = None):
        self.build, self.model = build, model
        self._sql: dict[type, tuple[str, list]] = {}  # per kind of database (its SQL dialect)

    def rows(self, **values: str) -> list:
        """The query's rows for these values of its named stand-ins."""
        sql, params = self._compiled(tuple(values))
        bound = [values[p[1:-1]] if _is_stand_in(p) else p for p in params]
        if self.model is not None:
            return list(self.model.raw(sql, *bound))
        return list(db.execute_sql(sql, bound).fetchall())

    def first(self, **values: str):
        """The first row for these values, or None."""
        found = self.rows(**values)
        return found[0] if found else None

    def _compiled(self, names: tuple[str, ...]) -> tuple[str, list]:
        kind = type(db.obj)
        if kind not in self._sql:
            sql, params = self.build(**{name: f"\x00{name}\x00" for name in names}).sql()
            used = {p[1:-1] for p in params if _is_stand_in(p)}
            if used != set(names):  # a value Peewee changed or inlined: no place to put it
                raise ValueError(f"stand-ins {sorted(set(names) - used)} are not parameters")
            self._sql[kind] = sql, params
        return self._sql[kind]


_INSERT_SQL: dict[tuple, str] = {}
INSERT_SHAPES_KEPT = 64  # each a statement of up to 500 rows: kept within a few MB


def insert_rows(model: type[Model], rows: list[dict]) -> list[int]:
    """model.insert_many(rows) for rows of the same fields, its SQL built by Peewee once per
    shape (fields, row count, database) and the values converted as Peewee converts them: a
    round's 500-row INSERT spent more time building its SQL than SQLite took to run it.
    Returns the new rows' ids, in the rows' order."""
    # The fields Peewee would fill from their defaults, filled here alike.
    defaults = {f: d for f, d in model._meta.defaults.items() if f.name not in rows[0]}
    rows = [
        {**row, **{f.name: d() if callable(d) else d for f, d in defaults.items()}} for row in rows
    ]
    fields = [model._meta.fields[name] for name in rows[0]]
    shape = (model, tuple(rows[0]), len(rows), type(db.obj))
    if shape not in _INSERT_SQL:
        if len(_INSERT_SQL) >= INSERT_SHAPES_KEPT:  # a row count seen once (a last chunk)
            _INSERT_SQL.clear()
        query = model.insert_many(rows, fields=fields)
        if db.returning_clause:  # PostgreSQL gives the ids back in the order of the VALUES
            query = query.returning(model._meta.primary_key)
        sql, params = query.sql()
        if len(params) != len(rows) * len(fields):  # a value Peewee wrote into the SQL
            raise ValueError(f"{model.__name__}: values not all passed as parameters")
        _INSERT_SQL[shape] = sql
    values = [field.db_value(row[field.name]) for row in rows for field in fields]
    cursor = db.execute_sql(_INSERT_SQL[shape], values)
    if db.returning_clause:
        return [row_id for (row_id,) in cursor.fetchall()]
    # SQLite numbers the rows of one statement one after the other, up to the last.
    last = cursor.lastrowid
    return list(range(last - len(rows) + 1, last + 1))


def _is_stand_in(param: object) -> bool:
    return isinstance(param, str) and param[:1] == "\x00" and param[-1:] == "\x00"


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
