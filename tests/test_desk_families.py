"""The desk's family pages: households and children in scope, searched by name or phone; a
household's and a child's page (each view logged, another village's a 403); check-ins per round."""

import pytest

from gateway.models import AccessLog, Child
from tests.conftest import (
    OFFICER,
    OPERATOR,
    OTHER_OFFICER,
    PASSWORD,
    SUPERVISOR,
    add_officer,
    by_name,
    log_in,
)


def household_id(name):
    return by_name(Child, name).caregiver_id


@pytest.mark.parametrize(
    "phone, seen, unseen",
    [
        (OFFICER, ["Siti Aminah", "Rina Wati", "Budi Santoso", "Ibu Yati"], ["Dewi", "Marni"]),
        (SUPERVISOR, ["Siti Aminah", "Dewi Sartika"], ["Marni"]),
        (OTHER_OFFICER, ["Marni Utami", "Gilang Ramadhan"], ["Siti", "Dewi"]),
        (OPERATOR, ["Siti Aminah", "Dewi Sartika", "Marni Utami"], []),
    ],
)
def test_each_role_lists_the_households_of_its_scope(client, families, phone, seen, unseen):
    log_in(client, phone)
    page = client.get("/desk/families").text
    assert all(name in page for name in seen), page
    assert not any(name in page for name in unseen)
    if phone == OFFICER:  # the parent abroad's country by name, as on the household page
        assert "Ibu Yati (Taiwan)" in page


@pytest.mark.parametrize(
    "search, found, not_found",
    [
        ("budi", "Siti Aminah", "Rina Wati"),  # a child's name, any case
        ("  rina   WATI ", "Rina Wati", "Siti Aminah"),
        ("ibu yati", "Siti Aminah", "Rina Wati"),  # the parent abroad
        ("0812-3456-7802", "Rina Wati", "Siti Aminah"),  # 08... finds +62...
        ("886912300001", "Siti Aminah", "Rina Wati"),  # the parent's number
        ("Marni", None, "Siti Aminah"),  # another district's family: not found
    ],
)
def test_the_search_finds_names_and_phone_numbers(client, families, search, found, not_found):
    log_in(client, SUPERVISOR)
    page = client.get("/desk/families", query_string={"q": search}).text
    if found:
        assert found in page
    else:
        assert "Tidak ada keluarga yang cocok" in page
    assert not_found not in page


def test_a_household_page_shows_its_people_children_and_answers_and_is_logged(client, families):
    log_in(client, OFFICER)
    siti = household_id("Budi Santoso")
    page = client.get(f"/desk/families/{siti}").text
    for text in ("Siti Aminah", "+6281234567801", "Ibu Yati", "PMI di Taiwan", "Budi Santoso",
                 "Ani Lestari", "2015", "pengasuh anak"):  # fmt: skip
        assert text in page, text
    assert "Ibu Lain" not in page  # Kalitidu's parent abroad, on the same phone
    assert "4 Kekerasan" in page and "2 Dirundung/bully" in page  # the problem, labelled
    assert "terlewat" in page and "belum dijawab" in page  # Ani: missed, then asked again
    assert [(a.actor, a.kind, a.subject) for a in AccessLog.select()] == [
        (OFFICER, "household", str(siti))
    ]


def test_a_child_page_shows_the_whole_history_and_the_cases_about_the_child(client, families):
    log_in(client, OFFICER)
    budi = by_name(Child, "Budi Santoso")
    page = client.get(f"/desk/children/{budi.id}").text
    assert "Semua kabar anak (2)" in page
    assert page.count("<td>Ya</td>") == 7 and "<td>Tidak</td>" in page  # mood: sad, once
    assert "kekerasan pada anak" in page and "perundungan" in page  # the cases its answers opened
    assert AccessLog.get().kind == "child" and AccessLog.get().subject == str(budi.id)


@pytest.mark.parametrize("phone", [OTHER_OFFICER])
def test_another_villages_household_or_child_by_url_is_a_403_and_nothing_is_logged(
    client, families, phone
):
    log_in(client, phone)
    budi = by_name(Child, "Budi Santoso")
    for url in (f"/desk/families/{budi.caregiver_id}", f"/desk/children/{budi.id}"):
        page = client.get(url)
        assert page.status_code == 403 and "Bukan wilayah Anda" in page.text
        assert "Budi" not in page.text and "Siti" not in page.text
    assert AccessLog.select().count() == 0


def test_an_officer_of_the_same_district_but_another_village_gets_a_403(client, families, app):
    add_officer(app, "+6281110000009", "Bu Nia", "--village", "3507102002", "--password", PASSWORD)
    log_in(client, "+6281110000009")
    assert client.get(f"/desk/families/{household_id('Budi Santoso')}").status_code == 403
    assert client.get(f"/desk/families/{household_id('Fajar Nugroho')}").status_code == 200


def test_unknown_households_and_children_are_404s(client, families):
    log_in(client, OPERATOR)
    assert client.get("/desk/families/999999").status_code == 404
    assert client.get("/desk/children/999999").status_code == 404
    budi = by_name(Child, "Budi Santoso")
    assert client.get(f"/desk/families/{budi.id + 999}").status_code == 404


def test_the_rounds_page_counts_due_answered_missed_and_open_per_village(client, families):
    log_in(client, SUPERVISOR)
    page = client.get("/desk/rounds").text
    rows = [
        [cell.strip() for cell in row.split("<td")[1:]]
        for row in page.split("<tr>")[2:]  # the header's row first
    ]
    cells = [[c.split(">", 1)[1].split("<", 1)[0] for c in row] for row in rows]
    # Newest round first; per village: due, answered, missed, open.
    assert [c[1:6] for c in cells] == [
        ["Ngadirejo", "1", "0", "0", "1"],
        ["Sumberejo", "3", "1", "0", "2"],
        ["Ngadirejo", "1", "1", "0", "0"],
        ["Sumberejo", "3", "1", "2", "0"],
    ]
    assert "Kalitidu" not in page


def test_the_family_pages_need_a_login(client, families):
    for url in ("/desk/families", "/desk/rounds", f"/desk/families/{household_id('Eka Putra')}"):
        assert client.get(url).status_code == 302


def test_a_long_list_comes_in_pages_each_well_under_100_kb(client, desk, tmp_path):
    from gateway import imports

    rows = [",".join(imports.HOUSEHOLD_COLUMNS)] + [
        f"3507102001,08123450{n:04d},Ibu Nomor {'Abcdefghij' * 3},,,,Anak {chr(65 + n % 26)}"
        f" Panjang Sekali Namanya,2015,yes,2026-11-01"
        for n in range(60)
    ]
    path = tmp_path / "many.csv"
    path.write_text("\n".join(rows) + "\n")
    assert imports.import_households(str(path)).accepted == 60
    log_in(client, OFFICER)
    first = client.get("/desk/families")
    assert first.text.count("/desk/families/") == 50 and "Halaman 1 dari 2" in first.text
    assert len(first.data) < 100 * 1024
    second = client.get("/desk/families?page=2").text
    assert second.count("/desk/families/") == 11  # and Siti, of the desk fixture
    assert "61 keluarga" in second


def test_the_access_log_shows_operators_every_read_of_personal_data(client, families):
    log_in(client, OFFICER)
    client.get("/desk/families", query_string={"q": "budi"})
    siti = household_id("Budi Santoso")
    client.get(f"/desk/families/{siti}")
    assert client.get("/desk/ops/access").status_code == 403  # an officer: not theirs to read
    log_in(client, OPERATOR)
    page = client.get("/desk/ops/access").text
    assert "daftar keluarga (cari, 1 keluarga)" in page  # the search term itself is not kept
    assert f"keluarga #{siti}</a>" in page and "budi" not in page.lower()
    assert page.index(f"keluarga #{siti}") < page.index("daftar keluarga")  # newest first
    mine = client.get("/desk/ops/access", query_string={"actor": OPERATOR}).text
    assert f"keluarga #{siti}" not in mine and "Belum ada" in mine
