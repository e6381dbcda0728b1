"""USSD checkpoints: a session replayed after its Redis state was lost does no write twice."""

from peewee import CharField, DateTimeField, IntegerField, Model, TextField


def up(migrator, db):
    class UssdCheckpoint(Model):
        session_id = CharField(max_length=100)
        answer_index = IntegerField()
        text_key = CharField(max_length=64)
        state = TextField()
        reply = TextField()
        created_at = DateTimeField(index=True)

        class Meta:
            database = db
            legacy_table_names = False
            indexes = ((("session_id", "answer_index"), True),)

    db.create_tables([UssdCheckpoint])


def down(migrator, db):
    db.execute_sql("DROP TABLE ussd_checkpoint")
