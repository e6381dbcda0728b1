"""Rule data shown in every language holds no Indonesian words: the official channel
"KP2MI 0800-1000 (gratis)" loses its "(gratis)" (the Info screen says it in each language)."""


def up(migrator, db):
    db.execute_sql(
        "UPDATE rule_item SET value = 'KP2MI 0800-1000' "
        "WHERE kind = 'channel' AND value = 'KP2MI 0800-1000 (gratis)'"
    )


def down(migrator, db):
    db.execute_sql(
        "UPDATE rule_item SET value = 'KP2MI 0800-1000 (gratis)' "
        "WHERE kind = 'channel' AND value = 'KP2MI 0800-1000'"
    )
