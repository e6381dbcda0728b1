"""Danger said in several words (rule data, kind danger_word, now up to four words in a row)
and more single words, from a family's walk: a child who did not come home ("tidak pulang",
"ora mulih", "didn't come home"), forced to work, left without food or anyone to care; more
ways of saying a beating (digampar, dijewer, dijambak, hit) or abuse (dirudapaksa, diraba),
a forced marriage ("dipaksa menikah", "dikawinke"; not "menikah" alone: a grown child's
wedding is no danger) or teasing (diejek, diece).
Every word of a phrase matches with its suffixes, as a single danger word does."""

NEW_WORDS = {
    "violence": [
        "digampar", "dijewer", "dijambak", "dicambuk", "dipecut", "ditabok", "digebuk",
        "digebug", "dijotos", "dikaplok", "ditapuk", "dipentung", "disabet", "dirudapaksa",
        "diraba", "digerayangi", "dihamili", "ditempiling", "kena pukul", "hit", "punched",
        "whipped",
    ],
    "missing": [
        "tidak pulang", "tdk pulang", "gak pulang", "gk pulang", "ga pulang", "nggak pulang",
        "ngga pulang", "enggak pulang", "belum pulang", "blm pulang", "blum pulang",
        "tidak kembali", "belum kembali", "ora mulih", "durung mulih", "ora bali",
        "dereng wangsul", "mboten wangsul", "not come home", "not came home", "not come back",
        "not returned", "didnt come home", "hasnt come home", "never came home", "dibawa orang",
        "dibawa lari", "taken by", "gk plg", "gak plg", "ga plg", "tdk plg", "blm plg",
        "dereng kondur", "boten kondur", "durung bali", "digawa wong", "ran away", "run away",
        "running away",
    ],
    "no_caregiver": [
        "tidak diberi makan", "tidak dikasih makan", "gak dikasih makan", "ga dikasih makan",
        "gk dikasih makan", "tidak ada yang merawat", "tidak ada yang mengurus",
        "gak ada yang ngurus", "ditinggal sendirian", "sendirian di rumah", "ora diwenehi mangan",
        "ora ana sing ngurus", "ditinggal dewean", "ditinggal dewekan", "ora dipangani",
        "boten dipunparingi nedha", "left alone", "not fed", "without food", "no food",
    ],
    "recruitment": [
        "dipaksa kerja", "dipaksa bekerja", "dipeksa kerja", "dipeksa nyambut gawe",
        "dipunpeksa nyambut damel", "disuruh kerja", "disuruh bekerja", "disuruh jadi pembantu",
        "dikon nyambut gawe", "dikon kerja", "forced to work", "made to work",
    ],
    "marriage": [
        "dipaksa menikah", "disuruh menikah", "dikawinke", "dinikahke", "dirabekke",
        "forced to marry", "made to marry",
    ],
    "bullying": [
        "diejek", "diolok", "dipalak", "dikucilkan", "diledek", "diece", "dipoyoki", "teased",
    ],
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
