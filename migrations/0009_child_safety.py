"""Child safety (issue 8): one problem-code table for every channel, reports of both kinds
(broker, child in danger) in one table, and the danger words as rule data."""

from peewee import CharField, Model

# Stored check-in answers used 0 for "no problem" and 1-7 for the problems; the codes now
# start at 1 on every channel (USSD reserves 0 for "back"), so each stored code moves up one.
SHIFT_PROBLEM_CODES = "UPDATE checkin SET problem = problem + 1 WHERE problem IS NOT NULL"

# Words that signal a child in danger, in Indonesian, Javanese and English, and the case
# category each opens (DOMAIN.md "Children left behind"). A word matches a word of the
# message that starts with it. Operators edit them with import-rules (kind danger_word).
DANGER_WORDS = {
    "violence": (
        "dipukul dianiaya aniaya kekerasan disiksa ditampar ditendang dilecehkan diperkosa "
        "dicabuli dikeroyok digebuki diantemi beaten abused abuse violence raped "
        "memukul menganiaya menyiksa menampar menendang melecehkan memperkosa mencabuli "
        "ngantemi nggebuki dipunpukul dipunsiksa dipungebugi dipunantemi"
    ),
    "marriage": (
        "dinikahkan dinikahi dikawinkan kawin nikah dijodohkan dilamar dirabekake married marriage "
        "menikahkan mengawinkan menjodohkan ngrabekake dipunnikahaken dipunrabekaken"
    ),
    "missing": "hilang diculik kabur minggat ical ilang missing kidnapped menculik dipunculik",
    "recruitment": (
        "dijual didol direkrut dipekerjakan trafficking sold menjual merekrut dipunsade"
    ),
    # Not "ditinggal": every child of the programme is left behind by a parent abroad.
    "no_caregiver": "ditelantarkan terlantar menelantarkan abandoned",
    "bullying": "dirundung dibully bully dipunrundung bullied merundung",
}


def up(migrator, db):
    migrator.migrate(
        migrator.rename_table("broker_report", "report"),
        migrator.add_column("report", "kind", CharField(max_length=10, default="broker")),
    )
    db.execute_sql(SHIFT_PROBLEM_CODES)
    # Check-ins still open were prompted with the old codes, and an answer to them would now be
    # read with the new ones. They go: each child is then due at once (its last check-in is a
    # week old or more) and is asked again, with the new codes, at the scheduler's next tick.
    db.execute_sql("DELETE FROM checkin WHERE status = 'open'")

    class RuleItem(Model):
        kind = CharField(max_length=20)
        value = CharField(max_length=80)
        note = CharField(max_length=160, null=True)

        class Meta:
            database = db
            table_name = "rule_item"

    RuleItem.insert_many(
        [
            {"kind": "danger_word", "value": word, "note": category}
            for category, words in DANGER_WORDS.items()
            for word in words.split()
        ]
    ).execute()


def down(migrator, db):
    db.execute_sql("DELETE FROM rule_item WHERE kind = 'danger_word'")
    db.execute_sql("UPDATE checkin SET problem = problem - 1 WHERE problem IS NOT NULL")
    migrator.migrate(
        migrator.drop_column("report", "kind"),
        migrator.rename_table("report", "broker_report"),
    )
