"""Delivery reports that arrive before their send stored the provider id are kept, not lost."""

from peewee import CharField, DateTimeField, Model


def up(migrator, db):
    class EarlyDeliveryReport(Model):
        provider_id = CharField(max_length=100, unique=True)
        status = CharField(max_length=30)
        failure_reason = CharField(max_length=200, null=True)
        received_at = DateTimeField(index=True)

        class Meta:
            database = db
            legacy_table_names = False

    db.create_tables([EarlyDeliveryReport])


def down(migrator, db):
    db.execute_sql("DROP TABLE early_delivery_report")
