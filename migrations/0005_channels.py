"""Official channels as operator-editable rule data (DOMAIN.md values as defaults)."""

from peewee import CharField, Model


def up(migrator, db):
    class RuleItem(Model):
        kind = CharField(max_length=20)
        value = CharField(max_length=80)
        note = CharField(max_length=160, null=True)

        class Meta:
            database = db
            table_name = "rule_item"

    RuleItem.insert_many(
        [
            {"kind": "help_line", "value": "KP2MI 0800-1000", "note": "call centre, free"},
            {"kind": "channel", "value": "KP2MI 0800-1000 (gratis)", "note": None},
            {"kind": "channel", "value": "WA KP2MI 0811-8080-141", "note": None},
        ]
    ).execute()


def down(migrator, db):
    db.execute_sql("DELETE FROM rule_item WHERE kind IN ('help_line', 'channel')")
