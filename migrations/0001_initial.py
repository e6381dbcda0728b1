"""First schema: contacts, the outbox and inbound SMS."""

from peewee import BooleanField, CharField, DateTimeField, IntegerField, Model, TextField


def up(migrator, db):
    # Frozen copies of the models as they were when this migration was written.
    class Base(Model):
        class Meta:
            database = db
            legacy_table_names = False

    class Contact(Base):
        phone = CharField(max_length=20, unique=True)
        language = CharField(max_length=5, null=True)
        opted_out = BooleanField(default=False)
        created_at = DateTimeField()
        updated_at = DateTimeField()

    class OutboxMessage(Base):
        to = CharField(max_length=20, index=True)
        text = TextField()
        kind = CharField(max_length=10, default="reply")
        status = CharField(max_length=10, default="queued", index=True)
        attempts = IntegerField(default=0)
        ambiguous_attempts = IntegerField(default=0)
        provider_id = CharField(max_length=100, null=True, index=True)
        last_error = TextField(null=True)
        created_at = DateTimeField()
        updated_at = DateTimeField()
        sent_at = DateTimeField(null=True)

    class InboundSms(Base):
        provider_id = CharField(max_length=100, unique=True)
        sender = CharField(max_length=20, index=True)
        to = CharField(max_length=20, null=True)
        text = TextField()
        link_id = CharField(max_length=100, null=True)
        keyword = CharField(max_length=20, null=True)
        received_at = DateTimeField()

    db.create_tables([Contact, OutboxMessage, InboundSms])


def down(migrator, db):
    for table in ("inbound_sms", "outbox_message", "contact"):
        db.execute_sql(f"DROP TABLE {table}")
