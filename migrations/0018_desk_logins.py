"""The web desk: staff log in with a password (hashed), locked after repeated failures."""

from peewee import CharField, DateTimeField, IntegerField


def up(migrator, db):
    migrator.migrate(
        migrator.add_column("officer", "password_hash", CharField(max_length=200, null=True)),
        migrator.add_column("officer", "login_failures", IntegerField(default=0)),
        migrator.add_column("officer", "login_locked_until", DateTimeField(null=True)),
    )


def down(migrator, db):
    migrator.migrate(
        migrator.drop_column("officer", "login_locked_until"),
        migrator.drop_column("officer", "login_failures"),
        migrator.drop_column("officer", "password_hash"),
    )
