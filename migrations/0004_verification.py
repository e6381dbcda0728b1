"""Verification: officers, the registry snapshot, rule data (with DOMAIN.md defaults), the
verification log, scam waves and broker reports."""

from peewee import (
    CharField,
    DateField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)

# DOMAIN.md, "Rules for a verification answer". Operators edit them with `import-rules`.
CLOSED_DOMESTIC = (  # Kepmenaker 260/2015: domestic work for individual employers (list: verify)
    "DZ SA BH IQ IR KW LB LY MA MR EG OM PK PS QA SD SY TN AE YE JO"
)
NO_ROUTE = "KH MM TH"  # no placement route at all: scam risk
ZERO_COST = (  # Peraturan BP2MI 9/2020
    "pengurus rumah tangga",
    "pengasuh bayi",
    "pengasuh lansia",
    "juru masak",
    "supir keluarga",
    "perawat taman",
    "pengasuh anak",
    "petugas kebersihan",
    "petugas ladang/perkebunan",
    "awak kapal perikanan migran",
)


def up(migrator, db):
    # Frozen copies of the models as they were when this migration was written.
    class Base(Model):
        class Meta:
            database = db
            legacy_table_names = False

    class Village(Base):
        code = CharField(max_length=10, unique=True)

    class Officer(Base):
        phone = CharField(max_length=20, unique=True)
        name = CharField(max_length=60)
        role = CharField(max_length=12)
        village = ForeignKeyField(Village, null=True)
        district = CharField(max_length=100)
        created_at = DateTimeField()

    class RegistrySnapshot(Base):
        kind = CharField(max_length=12, unique=True)
        as_of = DateField()
        rows = IntegerField()
        imported_at = DateTimeField()

    class Agency(Base):
        licence_no = CharField(max_length=60, unique=True)
        licence_key = CharField(max_length=60, index=True)
        name = CharField(max_length=120)
        name_key = CharField(max_length=120, index=True)
        address = CharField(max_length=200)
        valid_until = DateField()
        status = CharField(max_length=10)

    class JobOrder(Base):
        code = CharField(max_length=40, unique=True)
        code_key = CharField(max_length=40, index=True)
        licence_no = CharField(max_length=60, index=True)
        country = CharField(max_length=2)
        occupation = CharField(max_length=80)
        employer_type = CharField(max_length=10)
        positions = IntegerField()
        valid_until = DateField()
        status = CharField(max_length=10)

    class RuleItem(Base):
        kind = CharField(max_length=20)
        value = CharField(max_length=80)
        note = CharField(max_length=160, null=True)

        class Meta:
            indexes = ((("kind", "value"), True),)

    class Verification(Base):
        query = CharField(max_length=160)
        query_key = CharField(max_length=160, index=True)
        result = CharField(max_length=24)
        agency = ForeignKeyField(Agency, null=True, on_delete="SET NULL")
        job_order = ForeignKeyField(JobOrder, null=True, on_delete="SET NULL")
        asker = CharField(max_length=20, index=True)
        village = ForeignKeyField(Village, null=True)
        channel = CharField(max_length=6)
        created_at = DateTimeField(index=True)

    class ScamWave(Base):
        query_key = CharField(max_length=160, index=True)
        askers = IntegerField()
        alerted_at = DateTimeField()

    class BrokerReport(Base):
        ref = CharField(max_length=12, unique=True)
        reporter = CharField(max_length=20, index=True)
        village = ForeignKeyField(Village, null=True)
        text = TextField()
        channel = CharField(max_length=6)
        created_at = DateTimeField()

    db.create_tables(
        [
            Officer,
            RegistrySnapshot,
            Agency,
            JobOrder,
            RuleItem,
            Verification,
            ScamWave,
            BrokerReport,
        ]
    )
    defaults = (
        [
            {"kind": "closed_domestic", "value": c, "note": "Kepmenaker 260/2015"}
            for c in CLOSED_DOMESTIC.split()
        ]
        + [{"kind": "no_route", "value": c, "note": None} for c in NO_ROUTE.split()]
        + [{"kind": "zero_cost", "value": o, "note": "Per BP2MI 9/2020"} for o in ZERO_COST]
    )
    RuleItem.insert_many(defaults).execute()


def down(migrator, db):
    for table in (
        "broker_report",
        "scam_wave",
        "verification",
        "rule_item",
        "job_order",
        "agency",
        "registry_snapshot",
        "officer",
    ):
        db.execute_sql(f"DROP TABLE {table}")
