"""Officer PINs (INFO), migrants' monthly summary opt-in, and quiet hours on the outbox."""

from peewee import BooleanField, CharField, DateTimeField, IntegerField


def up(migrator, db):
    migrator.migrate(
        migrator.add_column("officer", "pin_hash", CharField(max_length=200, null=True)),
        migrator.add_column("officer", "pin_failures", IntegerField(default=0)),
        migrator.add_column("officer", "pin_locked_until", DateTimeField(null=True)),
        migrator.add_column("person", "monthly_summary", BooleanField(default=False)),
        migrator.add_column("person", "last_summary_at", DateTimeField(null=True)),
        migrator.add_column("outbox_message", "not_before", DateTimeField(null=True)),
    )


def down(migrator, db):
    migrator.migrate(
        migrator.drop_column("outbox_message", "not_before"),
        migrator.drop_column("person", "last_summary_at"),
        migrator.drop_column("person", "monthly_summary"),
        migrator.drop_column("officer", "pin_locked_until"),
        migrator.drop_column("officer", "pin_failures"),
        migrator.drop_column("officer", "pin_hash"),
    )
