"""More English words of danger (rule data, kind danger_word): a migrant abroad may write
"my child was beaten / hurt / kicked". Not "hit": a word matches every word it starts, and
Indonesian "hitam" and "hitung" would make a case of any message naming a child."""

NEW_WORDS = {
    "violence": "beat hurt slapped kicked molested assaulted harassed attacked",
    "missing": "disappeared",
    "recruitment": "trafficked",
}


def up(migrator, db):
    param = db.param
    for category, words in NEW_WORDS.items():
        for word in words.split():
            known = db.execute_sql(
                f"SELECT 1 FROM rule_item WHERE kind = 'danger_word' AND value = {param}", (word,)
            ).fetchone()
            if known is None:  # operators may have added it already
                db.execute_sql(
                    "INSERT INTO rule_item (kind, value, note)"
                    f" VALUES ('danger_word', {param}, {param})",
                    (word, category),
                )


def down(migrator, db):
    param = db.param
    for words in NEW_WORDS.values():
        for word in words.split():
            db.execute_sql(
                f"DELETE FROM rule_item WHERE kind = 'danger_word' AND value = {param}", (word,)
            )
