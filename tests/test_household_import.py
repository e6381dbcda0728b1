"""import-households in bulk: what the rows imported one by one, in file order, would leave, in
chunks of two rows (many transactions) and in one chunk."""

from __future__ import annotations

import random
from datetime import datetime, time

import pytest
from cryptography.fernet import Fernet

from gateway import csv_rows, household_import, imports, people
from gateway.imports import HOUSEHOLD_COLUMNS
from gateway.models import Child, Consent, Person, Village, db
from tests.conftest import VILLAGE_CODE, unpeppered_pin_hash

SITI, RAHMAT = "+6281211110001", "+6281211110002"
SRI = "+886912345678"  # Siti's sister, working in Taiwan
SUKOREJO = "3507102002"  # a village code


def row(
    phone: str = SITI,
    name: str = "Siti Aminah",
    child: str = "Budi",
    year: str = "2015",
    school: str = "ya",
    migrant: str = "",
    migrant_name: str = "",
    country: str = "",
    consent: str = "2026-10-01",
    village: str = VILLAGE_CODE,
) -> str:
    """A register row (HOUSEHOLD_COLUMNS), Siti's first child unless told otherwise."""
    return ",".join(
        (village, phone, name, migrant, migrant_name, country, child, year, school, consent)
    )


@pytest.fixture(params=[2, 500], ids=["chunks-of-2", "one-chunk"])
def chunk(request, monkeypatch) -> int:
    monkeypatch.setattr(household_import, "CHUNK", request.param)
    return request.param


def write_register(folder, *rows: str, name: str = "register.csv") -> str:
    path = folder / name
    path.write_text("\n".join((",".join(HOUSEHOLD_COLUMNS), *rows)) + "\n")
    return str(path)


@pytest.fixture
def register(app, tmp_path):
    """Import these rows through the real CLI; its exit code and report lines."""

    def run(*rows: str) -> tuple[int, list[str]]:
        path = write_register(tmp_path, *rows)
        result = app.test_cli_runner().invoke(args=["import-households", path])
        return result.exit_code, result.output.splitlines()

    return run


def stored() -> dict[str, list[tuple]]:
    """Every person, child and consent row as the database holds it (ciphertext and all)."""
    return {
        table: db.execute_sql(f'SELECT * FROM "{table}" ORDER BY id').fetchall()
        for table in ("person", "child", "consent")
    }


def children_of(phone: str) -> list[tuple]:
    caregiver = Person.get((Person.phone == phone) & (Person.role == "caregiver"))
    return sorted((c.name, c.birth_year, c.in_school, c.parent_phone) for c in caregiver.children)


def paper_consents(phone: str) -> list[tuple[str, str]]:
    query = Consent.select().join(Person).where(Person.phone == phone).order_by(Consent.scope)
    return [(c.scope, c.text_version, str(c.given_at)) for c in query]


def test_one_caregiver_on_many_rows_is_one_person_with_all_the_children(register, village, chunk):
    code, report = register(
        row(migrant=SRI, migrant_name="Sri Wahyuni", country="TW"),
        row(name="siti AMINAH", child="Ani", year="2019", school="tidak", consent="2026-10-05"),
        row(name=" Siti  Aminah ", child="Citra", year="2013"),
        row(
            child="budi", school="no", migrant=SRI, migrant_name="sri wahyuni", consent="2026-10-07"
        ),
        row(phone=RAHMAT, name="Rahmat", child="Dewi", year="2012"),
    )
    assert (code, report) == (0, ["5 row(s) accepted (3 new people, 4 new children), 0 refused."])
    assert sorted((p.phone, p.role, p.name) for p in Person.select()) == [
        (SITI, "caregiver", "Siti Aminah"),
        (RAHMAT, "caregiver", "Rahmat"),
        (SRI, "pmi", "Sri Wahyuni"),
    ]
    assert children_of(SITI) == [  # Budi as his last row says
        ("Ani", 2019, False, None),
        ("Budi", 2015, False, SRI),
        ("Citra", 2013, True, None),
    ]
    assert paper_consents(SITI) == [  # dated by her first row
        ("children", "paper", "2026-10-01 00:00:00"),
        ("self", "paper", "2026-10-01 00:00:00"),
    ]
    assert Consent.select().count() == 4


def test_a_row_with_several_faults_names_them_all_once_counted(register, village):
    code, report = register(
        row(phone="0812", name="S", year="1990", school="mungkin", consent="besok"),
        row(phone="+6281211110005", name="Yanti", child="Fajar", year="2030", country="XX"),
    )
    assert (code, report) == (
        1,
        [
            "0 row(s) accepted (0 new people, 0 new children), 2 refused.",
            "  line 2, column caregiver_phone: not a phone number",
            "  line 2, column caregiver_name: not a name (letters, 2-40 characters)",
            "  line 2, column child_birth_year: not the birth year of a child under 18",
            "  line 2, column in_school: not yes or no",
            "  line 2, column consent_date: not a date (YYYY-MM-DD)",
            "  line 3, column destination_country: not an ISO 3166 two-letter country code",
            "  line 3, column child_birth_year: not the birth year of a child under 18",
        ],
    )


def test_a_parent_abroads_number_without_its_plus_is_read_when_it_is_one(register, village):
    code, report = register(
        row(migrant="0085291234567", migrant_name="Sri Wahyuni", country="HK"),
        row(
            phone="+6281211110005",
            name="Yanti",
            child="Fajar",
            migrant="60123456789",
            migrant_name="Tini",
            country="MY",
        ),  # fmt: skip
        row(
            phone="+6281211110006",
            name="Lina",
            child="Eka",
            migrant="886912345678",
            migrant_name="Rudi",
        ),  # fmt: skip
    )
    # 886912345678: Taiwan's, or 0886-912-345-678 (Smartfren) without its 0? Asked.
    assert report[1:] == [
        "  line 4, column migrant_phone: abroad or Indonesian? write it with + or 00"
    ]
    parents = sorted(c.parent_phone for c in Child.select() if c.parent_phone)
    assert parents == ["+60123456789", "+85291234567"]


def test_a_parent_abroad_on_the_caregivers_own_number_is_refused(register, village):
    code, report = register(row(migrant="0812-1111-0001", migrant_name="Sumarno", country="TW"))
    assert (code, report[1:]) == (1, ["  line 2, column migrant_phone: the caregiver's own number"])
    assert Person.select().count() == 0


def test_a_refused_row_among_good_ones_leaves_nothing_and_the_good_ones_are_whole(
    register, village, chunk
):
    code, report = register(
        row(),
        row(phone=RAHMAT, name="Rahmat", child="Dewi", year="2012"),
        # Refused by the column checked last, after everything a row stores is known:
        row(phone="+6281211110003", name="Lina", child="Eka", migrant="+60123456789"),
        row(phone="+6281211110004", name="Wati", child="Eko", year="2016"),
        row(phone="+6281211110005", name="Yanti", child="Fajar", school="mungkin"),
        row(child="Ani", year="2019"),
    )
    assert (code, report) == (
        1,
        [
            "4 row(s) accepted (3 new people, 4 new children), 2 refused.",
            "  line 4, column migrant_name: empty",
            "  line 6, column in_school: not yes or no",
        ],
    )
    assert sorted(Person.select(Person.phone).tuples()) == [
        (SITI,),
        (RAHMAT,),
        ("+6281211110004",),
    ]
    assert sorted(c.name for c in Child.select()) == ["Ani", "Budi", "Dewi", "Eko"]
    assert Consent.select().count() == 6  # self and children of each accepted caregiver


def test_importing_the_same_register_again_writes_nothing(register, village, chunk):
    rows = (
        row(migrant=SRI, migrant_name="Sri Wahyuni", country="TW"),
        row(name="SITI AMINAH", child="Ani", year="2019", school="tidak"),
        row(phone=RAHMAT, name="Rahmat", child="Dewi", year="2012"),
    )
    assert register(*rows)[0] == 0
    before = stored()
    assert register(*rows) == (0, ["3 row(s) accepted (0 new people, 0 new children), 0 refused."])
    assert stored() == before  # not even saved again (Fernet gives new ciphertext every time)
    encrypted = db.execute_sql("SELECT name FROM person UNION ALL SELECT name FROM child")
    encrypted = [value for (value,) in encrypted] + [
        value for (value,) in db.execute_sql("SELECT birth_year FROM child")
    ]
    assert len(encrypted) == 9 and all(value.startswith("gAAAA") for value in encrypted)


def test_a_caregiver_registered_by_ussd_is_found_and_updated_not_doubled(register, village, chunk):
    Village.create(code=SUKOREJO, name="Sukorejo", district="Malang", province="Jawa Timur")
    answers = {
        "name": "Siti Aminah",
        "role": "caregiver",
        "village_code": VILLAGE_CODE,
        "pin_hash": unpeppered_pin_hash("1234"),
        "children": [{"name": "Budi", "year": 2015, "school": True}],
        "ussd_code": "*123#",
    }
    siti = people.register(SITI, answers, "id")
    budi = Child.get()
    code, report = register(
        row(name="SITI aminah", school="tidak", migrant=SRI, migrant_name="Sri", village=SUKOREJO),
        row(child="Ani", year="2019", village=SUKOREJO),
    )
    assert (code, report) == (0, ["2 row(s) accepted (1 new people, 1 new children), 0 refused."])
    again = Person.get(Person.role == "caregiver")
    assert (again.id, again.name, again.village.code) == (siti.id, "Siti Aminah", SUKOREJO)
    assert again.pin_hash == siti.pin_hash
    assert children_of(SITI) == [("Ani", 2019, True, None), ("Budi", 2015, False, SRI)]
    assert Child.get(Child.name_key == budi.name_key).id == budi.id
    assert [(c.scope, c.text_version) for c in Consent.select().order_by(Consent.id)] == [
        ("self", people.CONSENT_VERSION),
        ("children", people.CONSENT_VERSION),
        ("self", "paper"),
        ("children", "paper"),
    ]


def test_people_hashed_under_the_older_data_key_are_the_same_people(
    make_app, test_config, tmp_path
):
    path = write_register(tmp_path, row(migrant=SRI, migrant_name="Sri"))
    app = make_app()
    with app.app_context():
        Village.create(code=VILLAGE_CODE, name="Sumberejo", district="Malang", province="Jatim")
        first = app.test_cli_runner().invoke(args=["import-households", path])
        assert first.output.startswith("1 row(s) accepted (2 new people, 1 new children)")
    rotating = make_app(DATA_KEY=f"{Fernet.generate_key().decode()},{test_config['DATA_KEY']}")
    with rotating.app_context():  # before rotate-key: rows are hashed under the old key
        again = rotating.test_cli_runner().invoke(args=["import-households", path])
        assert again.output.startswith("1 row(s) accepted (0 new people, 0 new children)")
        assert (Person.select().count(), Child.select().count()) == (2, 1)


def test_a_chunk_that_fails_half_way_stores_none_of_its_rows(app, village, tmp_path, monkeypatch):
    monkeypatch.setattr(household_import, "CHUNK", 2)
    real, chunks = household_import._record_consents, []

    def fail_in_the_second_chunk(*args):
        real(*args)  # the chunk's people are in by now: they must go with the rest
        chunks.append(args)
        if len(chunks) == 2:
            raise RuntimeError("disk full")

    monkeypatch.setattr(household_import, "_record_consents", fail_in_the_second_chunk)
    path = write_register(
        tmp_path,
        row(),
        row(phone=RAHMAT, name="Rahmat", child="Dewi", year="2012"),
        row(phone="+6281211110004", name="Wati", child="Eko", year="2016"),
        row(child="Ani", year="2019"),
    )
    with pytest.raises(RuntimeError, match="disk full"):
        imports.import_households(path)
    assert sorted(Person.select(Person.phone).tuples()) == [(SITI,), (RAHMAT,)]  # chunk 1, whole
    assert sorted(c.name for c in Child.select()) == ["Budi", "Dewi"]
    assert Consent.select().count() == 4


def one_by_one(path: str) -> str:
    """The register imported as before the bulk import: a transaction and the single upserts
    (the ones USSD registration uses) for each row; its report."""
    report, before = csv_rows.Report(), (Person.select().count(), Child.select().count())
    for line, cells in csv_rows.read_rows(path, HOUSEHOLD_COLUMNS):
        try:
            with db.atomic():
                row = imports.parse_household(cells, {})
                village = Village.get_by_id(row.village_id)
                caregiver, _ = people.upsert_person(
                    row.caregiver_phone, row.caregiver_name, "caregiver", village=village
                )
                if row.migrant_phone:
                    people.upsert_person(
                        row.migrant_phone,
                        row.migrant_name,
                        "pmi",
                        village=village,
                        destination_country=row.country,
                    )
                for scope in ("self", "children"):
                    given_at = datetime.combine(row.consent_date, time())
                    people.record_consent(caregiver, scope, "paper", "paper", given_at)
                people.upsert_child(
                    caregiver, row.child_name, row.birth_year, row.in_school, row.migrant_phone
                )
        except csv_rows.RowError as error:
            report.refuse(line, error)
        else:
            report.accepted += 1
    people_now, children_now = Person.select().count(), Child.select().count()
    report.created = {"people": people_now - before[0], "children": children_now - before[1]}
    return report.render()


def random_register(rnd: random.Random) -> list[str]:
    """Rows of a few caregivers written several ways, parents abroad, children, some refused."""
    rows = []
    for _ in range(rnd.randrange(1, 30)):
        number = rnd.randrange(8)
        names = (
            ["Siti Aminah", "siti  AMINAH", "Rahmat"]
            if number < 3
            else [f"Ibu {'abcdefgh'[number]}"]
        )
        migrant = rnd.choice(["", "", f"+88691234567{rnd.randrange(3)}", "+60123456789"])
        rows.append(
            row(
                phone=f"+62812111100{number:02d}",
                name=rnd.choice(names),
                child=rnd.choice(["Budi", "budi", "Ani", "Citra"]),
                year=rnd.choices(["2015", "2019", "1990"], weights=[5, 5, 1])[0],
                school=rnd.choices(["ya", "tidak", "yes", "no", "?"], weights=[3, 3, 1, 1, 1])[0],
                migrant=migrant,
                migrant_name=""
                if migrant.startswith("+60")
                else rnd.choice(["Sri", "SRI", "Wati"]),
                country=rnd.choice(["TW", "tw", "", "MY"]),
                consent=f"2026-10-{rnd.randrange(1, 28):02d}",
                village=rnd.choice([VILLAGE_CODE, SUKOREJO]),
            )
        )
    return rows


def everything() -> tuple[list, ...]:
    """People, children and consents as read back, by their keys rather than their ids."""
    key = {p.id: (p.phone, p.role, p.name_key) for p in Person.select()}
    return (
        sorted(
            (*key[p.id], p.name, p.village_id, p.destination_country, p.pin_hash, p.updated_at)
            for p in Person.select()
        ),
        sorted(
            (*key[c.caregiver_id], c.name_key, c.name, c.birth_year, c.in_school, c.parent_phone)
            for c in Child.select()
        ),
        sorted((*key[c.person_id], c.scope, c.text_version, c.given_at) for c in Consent.select()),
    )


@pytest.mark.parametrize("seed", range(12))
def test_the_bulk_import_leaves_what_the_single_upserts_row_by_row_leave(
    app, village, tmp_path, monkeypatch, seed
):
    Village.create(code=SUKOREJO, name="Sukorejo", district="Malang", province="Jawa Timur")
    rnd = random.Random(seed)
    monkeypatch.setattr(household_import, "CHUNK", rnd.choice([1, 2, 3, 500]))
    files = [write_register(tmp_path, *random_register(rnd), name=f"{n}.csv") for n in range(2)]
    results = []
    for run in (one_by_one, lambda path: imports.import_households(path).render()):
        for model in (Consent, Child, Person):
            model.delete().execute()
        registered, _ = people.upsert_person(SITI, "Siti Aminah", "caregiver", pin_hash="h")
        people.record_consent(registered, "self", people.CONSENT_VERSION, "ussd")
        people.upsert_child(registered, "Budi", 2015, True, None)
        # After each file (a later one may mend what an earlier one got wrong); the first again.
        results.append([(run(path), everything()) for path in (*files, files[0])])
    assert results[0] == results[1]
