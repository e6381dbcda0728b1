"""More words of danger (rule data, kind danger_word) as families type them: beaten ("dihajar",
"digebukin"), choked, raped, stabbed, locked up, left hungry, run away. A word matches with its
suffixes; "di pukul" written apart is read as "dipukul" by gateway/danger.py."""

NEW_WORDS = {
    "violence": "dihajar menghajar digebukin dicekik mencekik dibanting disundut ditempeleng "
    "dikurung disetubuhi menyetubuhi ditusuk menusuk dibacok ditikam",
    "missing": "runaway",
    "no_caregiver": "kelaparan starving neglected",
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
