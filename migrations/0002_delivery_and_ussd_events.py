"""Delivery reports on the outbox, and the USSD end-of-session events."""

from peewee import CharField, DateTimeField, IntegerField, Model, TextField


def up(migrator, db):
    migrator.migrate(
        migrator.add_column(
            "outbox_message", "delivery_status", CharField(max_length=30, null=True)
        )
    )

    class UssdSessionEvent(Model):
        session_id = CharField(max_length=100, unique=True)
        phone = CharField(max_length=20, index=True)
        status = CharField(max_length=20)
        input = TextField(null=True)
        last_app_response = TextField(null=True)
        duration_ms = IntegerField(null=True)
        error_message = TextField(null=True)
        provider_date = CharField(max_length=40, null=True)
        received_at = DateTimeField()

        class Meta:
            database = db
            table_name = "ussd_session_event"

    db.create_tables([UssdSessionEvent])


def down(migrator, db):
    db.execute_sql("DROP TABLE ussd_session_event")
    migrator.migrate(migrator.drop_column("outbox_message", "delivery_status"))
