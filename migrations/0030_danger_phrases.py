"""Danger said in several words (rule data, kind danger_word, now up to four words in a row)
and more single words, from a family's walk: a child who did not come home ("tidak pulang",
"ora mulih", "didn't come home"), forced to work, left without food or anyone to care; more
ways of saying a beating (digampar, dijewer, dijambak, hit) or abuse (dirudapaksa, diraba).
Every word of a phrase matches with its suffixes, as a single danger word does."""

NEW_WORDS = {
    "violence": [
        "digampar", "dijewer", "dijambak", "dicambuk", "dipecut", "ditabok", "digebuk",
        "digebug", "dijotos", "dikaplok", "ditapuk", "dipentung", "disabet", "dirudapaksa",
        "diraba", "digerayangi", "dihamili", "kena pukul", "hit", "punched", "whipped",
    ],
    "missing": [
        "tidak pulang", "tdk pulang", "gak pulang", "gk pulang", "ga pulang", "nggak pulang",
        "ngga pulang", "enggak pulang", "belum pulang", "blm pulang", "blum pulang",
        "tidak kembali", "belum kembali", "ora mulih", "durung mulih", "ora bali",
        "dereng wangsul", "mboten wangsul", "not come home", "not came home", "not come back",
        "not returned", "didnt come home", "hasnt come home", "never came home", "dibawa orang",
        "dibawa lari", "taken by",
    ],
    "no_caregiver": [
        "tidak diberi makan", "tidak dikasih makan", "gak dikasih makan", "ga dikasih makan",
        "gk dikasih makan", "tidak ada yang merawat", "tidak ada yang mengurus",
        "gak ada yang ngurus", "ditinggal sendirian", "sendirian di rumah", "ora diwenehi mangan",
        "ora ana sing ngurus", "ditinggal dewean", "left alone", "not fed", "without food",
    ],
    "recruitment": [
        "dipaksa kerja", "dipaksa bekerja", "dipeksa kerja", "dipeksa nyambut gawe",
        "dipunpeksa nyambut damel", "forced to work",
    ],
    "marriage": ["menikah", "marry"],
    "bullying": ["diejek", "diolok", "dipalak", "dikucilkan", "teased"],
}  # fmt: skip


WORDS = [(word, category) for category, words in NEW_WORDS.items() for word in words]


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
