"""HAPUS: a number's request to erase its data (confirmed within 10 minutes), and the anonymous
count of households that left."""

from peewee import DateTimeField, ForeignKeyField, IntegerField, Model


def up(migrator, db):
    class Village(Model):
        class Meta:
            database = db
            legacy_table_names = False

    class ErasureRecord(Model):
        village = ForeignKeyField(Village, null=True, on_delete="SET NULL")
        people = IntegerField()
        children = IntegerField()
        erased_at = DateTimeField()

        class Meta:
            database = db
            legacy_table_names = False

    migrator.migrate(migrator.add_column("contact", "erase_asked_at", DateTimeField(null=True)))
    db.create_tables([ErasureRecord])


def down(migrator, db):
    db.execute_sql("DROP TABLE erasure_record")
    migrator.migrate(migrator.drop_column("contact", "erase_asked_at"))
