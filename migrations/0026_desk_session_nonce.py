"""A logout ends every session of the staff member (issue 14: logout), not only the browser's
cookie: the session id carries a nonce that logging out renews."""

from peewee import CharField


def up(migrator, db):
    migrator.migrate(
        migrator.add_column("officer", "session_nonce", CharField(max_length=16, default=""))
    )


def down(migrator, db):
    migrator.migrate(migrator.drop_column("officer", "session_nonce"))
