"""Outbox rows that may share one provider call (a broadcast's, a check-in round's identical
texts) carry the same batch key: texts are encrypted, so they cannot be compared in SQL."""

from peewee import CharField


def up(migrator, db):
    migrator.migrate(
        migrator.add_column("outbox_message", "batch_key", CharField(max_length=64, null=True)),
        # A batch takes the oldest queued rows of one key: found without scanning the sent ones.
        migrator.add_index("outbox_message", ("batch_key", "status", "id"), False),
    )


def down(migrator, db):
    migrator.migrate(
        migrator.drop_index("outbox_message", "outbox_message_batch_key_status_id"),
        migrator.drop_column("outbox_message", "batch_key"),
    )
