"""One RQ job for a batch of identical broadcast texts instead of one per row (issue 15: a
round queued in seconds): each other row of the batch names the row whose job sends it."""

from peewee import IntegerField


def up(migrator, db):
    migrator.migrate(
        migrator.add_column("outbox_message", "sent_with", IntegerField(null=True)),
        migrator.add_index("outbox_message", ("sent_with",)),
    )


def down(migrator, db):
    migrator.migrate(
        migrator.drop_index("outbox_message", "outbox_message_sent_with"),
        migrator.drop_column("outbox_message", "sent_with"),
    )
