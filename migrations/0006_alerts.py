"""Alerts to officers with every state change, and the outbox's link to the alert it carries."""

from peewee import (
    BooleanField,
    CharField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)


def up(migrator, db):
    class Base(Model):
        class Meta:
            database = db
            legacy_table_names = False

    class Village(Base):
        code = CharField(max_length=10, unique=True)

    class Alert(Base):
        ref = CharField(max_length=12, unique=True)
        category = CharField(max_length=20)
        urgent = BooleanField(default=False)
        village = ForeignKeyField(Village, null=True)
        state = CharField(max_length=12, index=True, default="opened")
        deadline_at = DateTimeField(index=True)
        opened_at = DateTimeField()

    class AlertEvent(Base):
        alert = ForeignKeyField(Alert, on_delete="CASCADE")
        state = CharField(max_length=12)
        at = DateTimeField()
        actor = CharField(max_length=20, null=True)
        note = TextField(null=True)

    db.create_tables([Alert, AlertEvent])
    migrator.migrate(
        migrator.add_column("outbox_message", "alert_id", IntegerField(null=True)),
        migrator.add_index("outbox_message", ("alert_id",)),
    )


def down(migrator, db):
    migrator.migrate(migrator.drop_column("outbox_message", "alert_id"))
    for table in ("alert_event", "alert"):
        db.execute_sql(f"DROP TABLE {table}")
