"""The web desk's first-login link: its hash and when it ends, per staff member."""

from peewee import CharField, DateTimeField


def up(migrator, db):
    migrator.migrate(
        migrator.add_column("officer", "invite_hash", CharField(max_length=64, null=True)),
        migrator.add_column("officer", "invite_expires", DateTimeField(null=True)),
    )


def down(migrator, db):
    migrator.migrate(
        migrator.drop_column("officer", "invite_expires"),
        migrator.drop_column("officer", "invite_hash"),
    )
