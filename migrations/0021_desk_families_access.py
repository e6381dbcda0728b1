"""The web desk's access log: each view of a household's or a child's page, each export."""

from peewee import CharField, DateTimeField, IntegerField, Model


def up(migrator, db):
    class AccessLog(Model):
        actor = CharField(max_length=20, index=True)
        kind = CharField(max_length=12)
        subject = CharField(max_length=40)
        count = IntegerField(null=True)
        at = DateTimeField(index=True)

        class Meta:
            database = db
            legacy_table_names = False

    db.create_tables([AccessLog])


def down(migrator, db):
    db.execute_sql("DROP TABLE access_log")
