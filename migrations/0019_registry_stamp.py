"""Each registry import leaves a new stamp: processes rebuild their in-memory index of the
registry when it changes (gateway/verification/index.py)."""

from peewee import CharField


def up(migrator, db):
    migrator.migrate(
        migrator.add_column("registry_snapshot", "stamp", CharField(max_length=32, default=""))
    )


def down(migrator, db):
    migrator.migrate(migrator.drop_column("registry_snapshot", "stamp"))
