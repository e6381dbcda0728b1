"""CSV imports through the real CLI: reports, refusals by line and column, idempotence."""

import pytest

from gateway.imports import HOUSEHOLD_COLUMNS
from gateway.models import Child, Consent, Person, Village

VILLAGES = """code,name,district,province,language
35.07.10.2001,Sumberejo,Malang,Jawa Timur,jv
3507102002,Sukorejo,Malang,Jawa Timur,
12345,Salah,Malang,Jawa Timur,
3507102003,,Malang,Jawa Timur,
3507102004,Tambakrejo,Malang,Jawa Timur,fr
"""

HOUSEHOLDS = (
    ",".join(HOUSEHOLD_COLUMNS)
    + """
3507102001,0812-1111-0001, Siti  Aminah ,+886 912 345 678,Sri Wahyuni,tw,Budi,2015,yes,2026-10-01
3507102001,081211110001,Siti Aminah,+886912345678,Sri Wahyuni,TW,Ani,2019,tidak,2026-10-01
3507102001,081211110002,Rahmat,,,,Dewi,2012,ya,2026-10-02
9999999999,081211110003,Lina,,,,Eka,2014,yes,2026-10-03
3507102001,hello,Lina,,,,Eka,2014,yes,2026-10-03
3507102001,081211110003,Lina,+60 12-345 6789,,MY,Eka,2014,yes,2026-10-03
3507102001,081211110003,Lina,,,,Eka,1990,yes,2026-10-03
3507102001,081211110003,Lina,,,,Eka,2014,maybe,2026-10-03
3507102001,081211110003,Lina,,,,Eka,2014,yes,3026-10-03
"""
)


@pytest.fixture
def csv_file(tmp_path):
    def write(text, name="data.csv", encoding="utf-8"):
        path = tmp_path / name
        path.write_bytes(text.encode(encoding) if isinstance(text, str) else text)
        return str(path)

    return write


def run(app, *args):
    return app.test_cli_runner().invoke(args=list(args))


def test_villages_import_reports_each_refused_row_and_keeps_the_good_ones(app, csv_file):
    result = run(app, "import-villages", csv_file(VILLAGES))
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "2 row(s) accepted (2 new villages), 3 refused.",
        "  line 4, column code: not a 10-digit Kemendagri village code",
        "  line 5, column name: empty",
        "  line 6, column language: not one of id, en, jv",
    ]
    assert [(v.code, v.language) for v in Village.select().order_by(Village.code)] == [
        ("3507102001", "jv"),
        ("3507102002", None),
    ]


def test_a_village_row_names_every_fault_and_a_code_twice_is_refused(app, csv_file):
    result = run(
        app,
        "import-villages",
        csv_file(
            "code,name,district,province,language\n"
            "3212010010,Ci9,,Jawa Barat,xx\n"
            "3212010001,Kenanga,Indramayu,Jawa Barat,\n"
            "3212010001,Kenanga Baru,Indramayu,Jawa Barat,\n"
            "3212010001,Kenanga,Indramayu,Jawa Barat,\n"  # the same row again: one row
        ),
    )
    assert result.output.splitlines()[1:] == [
        "  line 2, column district: empty",
        "  line 2, column language: not one of id, en, jv",
        "  line 4, column code: appears twice in the file",
    ]
    assert [v.name for v in Village.select()] == ["Kenanga"]


def test_a_district_name_belongs_to_one_regency(app, csv_file):
    """Alerts go to a district's supervisors by its name: Kota Malang (3573) named "Malang"
    like Kabupaten Malang (3507) would send each one's alerts to the other's supervisor."""
    result = run(
        app,
        "import-villages",
        csv_file(
            "code,name,district,province\n"
            "3507102001,Sumberejo,Malang,Jawa Timur\n"
            "3573010001,Klojen,malang,Jawa Timur\n"
            "3573010002,Oro-oro Dowo,Kota Malang,Jawa Timur\n"
        ),
    )
    assert result.output.splitlines()[1:] == [
        "  line 3, column district: malang is the district of villages coded 3507...;"
        " another regency needs another name (e.g. Kota ...)"
    ]
    assert [(v.code, v.district) for v in Village.select().order_by(Village.code)] == [
        ("3507102001", "Malang"),
        ("3573010002", "Kota Malang"),
    ]


def test_control_characters_in_a_cell_never_reach_the_database(app, csv_file):
    # A NUL (refused by PostgreSQL, invisible in SQLite) and a line break inside quotes (a
    # village name broken across an SMS) become one space.
    path = csv_file('code,name,district,province\n3507102001,"Sumber\x00\nrejo",Malang,Jatim\n')
    assert run(app, "import-villages", path).exit_code == 0
    assert Village.get().name == "Sumber rejo"


def test_importing_the_same_file_twice_changes_nothing(app, csv_file):
    path = csv_file(VILLAGES)
    run(app, "import-villages", path)
    again = run(app, "import-villages", path)
    assert again.output.startswith("2 row(s) accepted (0 new villages), 3 refused.")
    assert Village.select().count() == 2
    renamed = VILLAGES.replace("3507102002,Sukorejo,", "3507102002,Sukorejo Lor,")
    result = run(app, "import-villages", csv_file(renamed))
    # Every alert names the village: a rename is said, not done silently.
    assert result.output.startswith("2 row(s) accepted (0 new villages, 1 updated), 3 refused.")


def test_a_file_without_the_columns_or_not_utf8_changes_nothing(app, csv_file):
    result = run(app, "import-villages", csv_file("kode,nama\n1,2\n"))
    assert result.exit_code == 1
    assert "missing column(s): code, district, name, province" in result.output
    broken = csv_file(b"code,name,district,province\n3507102001,Sumb\xe9rejo,Malang,Jatim\n")
    result = run(app, "import-villages", broken)
    assert result.exit_code == 1 and "not UTF-8" in result.output
    assert "save it as CSV UTF-8" in result.output
    semicolons = csv_file("code;name;district;province\n3507102001;Sumberejo;Malang;Jatim\n")
    result = run(app, "import-villages", semicolons)
    assert result.exit_code == 1 and "columns separated by ';'" in result.output
    result = run(app, "import-villages", csv_file(""))
    assert result.exit_code == 1 and "empty file" in result.output
    assert Village.select().count() == 0


def test_households_import_people_children_and_paper_consent(app, csv_file):
    run(app, "import-villages", csv_file(VILLAGES, "villages.csv"))
    result = run(app, "import-households", csv_file(HOUSEHOLDS))
    assert result.output.splitlines() == [
        "3 row(s) accepted (3 new people, 3 new children), 6 refused.",
        "  line 5, column village_code: unknown village (import the villages first)",
        "  line 6, column caregiver_phone: not a phone number",
        "  line 7, column migrant_name: empty",
        "  line 8, column child_birth_year: not the birth year of a child under 18",
        "  line 9, column in_school: not yes or no",
        "  line 10, column consent_date: in the future",
    ]
    siti = Person.get(Person.phone == "+6281211110001")
    assert (siti.name, siti.role, siti.village.code) == ("Siti Aminah", "caregiver", "3507102001")
    migrant = Person.get(Person.phone == "+886912345678")
    assert (migrant.role, migrant.destination_country) == ("pmi", "TW")
    children = [
        (c.name, c.in_school, c.parent_phone, c.caregiver.name)
        for c in Child.select().order_by(Child.id)
    ]
    assert children == [
        ("Budi", True, "+886912345678", "Siti Aminah"),
        ("Ani", False, "+886912345678", "Siti Aminah"),
        ("Dewi", True, None, "Rahmat"),
    ]
    consent = Consent.get((Consent.person == siti) & (Consent.scope == "children"))
    assert (consent.channel, str(consent.given_at)[:10]) == ("paper", "2026-10-01")
    assert all(person.name != "Lina" for person in Person.select())  # nothing half-imported
    again = run(app, "import-households", csv_file(HOUSEHOLDS))
    assert again.output.startswith("3 row(s) accepted (0 new people, 0 new children), 6 refused.")
    assert Consent.select().count() == 4


def test_a_row_with_more_cells_than_columns_is_refused_by_line(app, csv_file):
    # "Sumberejo, Kulon" unquoted: every cell after it moves one column along.
    result = run(
        app,
        "import-villages",
        csv_file(
            "code,name,district,province\n"
            "3507102001,Sumberejo,Malang,Jawa Timur\n"
            "3507102002,Sumberejo, Kulon,Malang,Jawa Timur\n"
        ),
    )
    assert "line 3, column (extra): more cells than the header's columns" in result.output
    assert [v.name for v in Village.select()] == ["Sumberejo"]
