"""Parenting check-ins: rounds and one check-in per child per round; alerts may name a child."""

from peewee import CharField, DateTimeField, ForeignKeyField, IntegerField, Model


def up(migrator, db):
    class Base(Model):
        class Meta:
            database = db
            legacy_table_names = False

    class Village(Base):
        code = CharField(max_length=10, unique=True)

    class Child(Base):
        name = CharField(max_length=40)

    class CheckinRound(Base):
        village = ForeignKeyField(Village, null=True)
        started_at = DateTimeField(index=True)

    class Checkin(Base):
        round = ForeignKeyField(CheckinRound, on_delete="CASCADE")
        child = ForeignKeyField(Child, on_delete="CASCADE")
        status = CharField(max_length=10, default="open", index=True)
        opened_at = DateTimeField()
        reminded_at = DateTimeField(null=True)
        answered_at = DateTimeField(null=True)
        channel = CharField(max_length=6, null=True)
        school = IntegerField(null=True)
        health = IntegerField(null=True)
        mood = IntegerField(null=True)
        contact = IntegerField(null=True)
        problem = IntegerField(null=True)

        class Meta:
            indexes = ((("round", "child"), True),)

    db.create_tables([CheckinRound, Checkin])
    migrator.migrate(migrator.add_column("alert", "child_id", IntegerField(null=True)))


def down(migrator, db):
    migrator.migrate(migrator.drop_column("alert", "child_id"))
    for table in ("checkin", "checkin_round"):
        db.execute_sql(f"DROP TABLE {table}")
