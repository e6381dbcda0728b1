"""More words of danger (rule data, kind danger_word), from a family's walk: the marks of a
beating ("lebam", "memar", "bonyok", "bruises"), a threat, a child thrown out of the house.
A word matches with its suffixes ("lebamnya", "bruised")."""

NEW_WORDS = {
    "violence": "lebam memar bonyok bruise diancam",
    "no_caregiver": "diusir",
}


WORDS = [(word, category) for category, words in NEW_WORDS.items() for word in words.split()]


def up(migrator, db):
    known = {
        value
        for (value,) in db.execute_sql(
            "SELECT value FROM rule_item WHERE kind = 'danger_word'"
        ).fetchall()
    }
    for word, category in WORDS:
        if word not in known:  # operators may have added it already
            db.execute_sql(
                f"INSERT INTO rule_item (kind, value, note) VALUES ('danger_word', {db.param},"
                f" {db.param})",
                (word, category),
            )


def down(migrator, db):
    marks = ", ".join([db.param] * len(WORDS))
    db.execute_sql(
        f"DELETE FROM rule_item WHERE kind = 'danger_word' AND value IN ({marks})",
        [word for word, _ in WORDS],
    )
