"""Recycled numbers: dead-number failures in a row per number, and when it was paused."""

from peewee import DateTimeField, IntegerField


def up(migrator, db):
    migrator.migrate(
        migrator.add_column("contact", "failed_deliveries", IntegerField(default=0)),
        migrator.add_column("contact", "paused_at", DateTimeField(null=True)),
    )


def down(migrator, db):
    migrator.migrate(
        migrator.drop_column("contact", "paused_at"),
        migrator.drop_column("contact", "failed_deliveries"),
    )
