"""Broadcasts from the web desk: who wrote what to which village or district; each outbox row
of one names it (broadcast_id), so that its delivery counts can be read back."""

from peewee import CharField, DateTimeField, ForeignKeyField, IntegerField, Model, TextField


def up(migrator, db):
    class Village(Model):
        class Meta:
            database = db
            legacy_table_names = False

    class Officer(Model):
        class Meta:
            database = db
            legacy_table_names = False

    class Broadcast(Model):
        officer = ForeignKeyField(Officer, null=True, on_delete="SET NULL")
        village = ForeignKeyField(Village, null=True, on_delete="SET NULL")
        district = CharField(max_length=100)
        text = TextField()
        recipients = IntegerField()
        created_at = DateTimeField(index=True)

        class Meta:
            database = db
            legacy_table_names = False

    db.create_tables([Broadcast])
    migrator.migrate(
        migrator.add_column("outbox_message", "broadcast_id", IntegerField(null=True)),
        migrator.add_index("outbox_message", ("broadcast_id",), False),
    )


def down(migrator, db):
    migrator.migrate(
        migrator.drop_index("outbox_message", "outbox_message_broadcast_id"),
        migrator.drop_column("outbox_message", "broadcast_id"),
    )
    db.execute_sql("DROP TABLE broadcast")
