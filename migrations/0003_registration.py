"""Registration: villages, people, children and consents."""

from peewee import (
    BooleanField,
    CharField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    Model,
)


def up(migrator, db):
    # Frozen copies of the models as they were when this migration was written.
    class Base(Model):
        class Meta:
            database = db
            legacy_table_names = False

    class Village(Base):
        code = CharField(max_length=10, unique=True)
        name = CharField(max_length=100)
        district = CharField(max_length=100)
        province = CharField(max_length=100)
        language = CharField(max_length=5, null=True)

    class Person(Base):
        phone = CharField(max_length=20, index=True)
        name = CharField(max_length=40)
        role = CharField(max_length=12)
        village = ForeignKeyField(Village, null=True)
        destination_country = CharField(max_length=40, null=True)
        agency = CharField(max_length=60, null=True)
        job_interest = CharField(max_length=60, null=True)
        pin_hash = CharField(max_length=200, null=True)
        pin_failures = IntegerField(default=0)
        pin_locked_until = DateTimeField(null=True)
        created_at = DateTimeField()
        updated_at = DateTimeField()

    class Child(Base):
        caregiver = ForeignKeyField(Person, on_delete="CASCADE")
        name = CharField(max_length=40)
        birth_year = IntegerField()
        in_school = BooleanField()
        parent_phone = CharField(max_length=20, null=True, index=True)
        created_at = DateTimeField()

    class Consent(Base):
        person = ForeignKeyField(Person, on_delete="CASCADE")
        scope = CharField(max_length=10)
        text_version = CharField(max_length=20)
        channel = CharField(max_length=10)
        given_at = DateTimeField()

    db.create_tables([Village, Person, Child, Consent])


def down(migrator, db):
    for table in ("consent", "child", "person", "village"):
        db.execute_sql(f"DROP TABLE {table}")
