"""CSV exports of the user's own scope: households (back in through the import as they came
out), cases without the child's name, check-ins by child id; each download logged."""

import csv
import io

import pytest

from gateway import exports, imports
from gateway.models import AccessLog, Child, Person
from tests.conftest import OFFICER, OPERATOR, OTHER_OFFICER, SUPERVISOR, log_in


def download(client, what):
    answer = client.get(f"/desk/export/{what}.csv")
    assert answer.status_code == 200 and answer.mimetype == "text/csv"
    assert "attachment" in answer.headers["Content-Disposition"]
    return list(csv.DictReader(io.StringIO(answer.text)))


def test_the_households_file_is_the_import_format_and_goes_back_in_unchanged(
    client, families, tmp_path
):
    log_in(client, OFFICER)
    rows = download(client, "households")
    assert [(r["caregiver_name"], r["child_name"]) for r in rows] == [
        ("Rina Wati", "Eka Putra"), ("Siti Aminah", "Budi Santoso"), ("Siti Aminah", "Ani Lestari")
    ]  # fmt: skip
    assert rows[1] == {
        "village_code": "3507102001", "caregiver_phone": "+6281234567801",
        "caregiver_name": "Siti Aminah", "migrant_phone": "+886912300001",
        "migrant_name": "Ibu Yati", "destination_country": "TW", "child_name": "Budi Santoso",
        "child_birth_year": "2015", "in_school": "yes", "consent_date": "2026-11-01",
        "child_id": str(by_child("Budi Santoso").id),
    }  # fmt: skip
    assert not any("pin" in column for column in rows[0])
    path = tmp_path / "back.csv"
    path.write_text(client.get("/desk/export/households.csv").text)
    Person.delete().execute()  # children, consents and check-ins go with them
    assert imports.import_households(str(path)).refused == []
    again = download(client, "households")
    without_ids = [{k: v for k, v in r.items() if k != "child_id"} for r in rows]
    assert [{k: v for k, v in r.items() if k != "child_id"} for r in again] == without_ids


def by_child(name):
    return next(c for c in Child.select() if c.name == name)


def test_the_cases_file_names_no_child(client, families):
    log_in(client, SUPERVISOR)
    rows = download(client, "cases")
    assert [(r["category"], r["village"], r["urgent"]) for r in rows] == [
        ("bullying", "Sumberejo", "no"), ("out_of_school", "Ngadirejo", "no"),
        ("violence", "Sumberejo", "yes"),
    ]  # fmt: skip
    assert list(rows[0]) == list(exports.CASE_COLUMNS)
    text = client.get("/desk/export/cases.csv").text
    assert not any(name in text for name in ("Budi", "Fajar", "Siti", "Dewi"))


def test_the_checkins_file_has_each_round_the_child_id_and_the_answers(client, families):
    log_in(client, OFFICER)
    rows = download(client, "checkins")
    assert len(rows) == 6  # three children of Sumberejo, two rounds
    budi = [r for r in rows if r["child_id"] == str(by_child("Budi Santoso").id)]
    columns = ("status", "channel", "mood", "problem", "problem_label")
    answers = [tuple(r[c] for c in columns) for r in budi]
    assert answers == [
        ("answered", "sms", "2", "2", "bullying"), ("answered", "sms", "1", "4", "violence")
    ]  # fmt: skip
    assert {r["status"] for r in rows} == {"answered", "missed", "open"}
    assert {r["village_code"] for r in rows} == {"3507102001"}
    missed = next(r for r in rows if r["status"] == "missed")
    assert missed["answered_at"] == missed["school"] == ""


@pytest.mark.parametrize(
    "phone, caregivers",
    [(OTHER_OFFICER, {"Marni Utami"}), (SUPERVISOR, {"Siti Aminah", "Rina Wati", "Dewi Sartika"}),
     (OPERATOR, {"Siti Aminah", "Rina Wati", "Dewi Sartika", "Marni Utami"})],
)  # fmt: skip
def test_each_file_holds_the_users_scope_only(client, families, phone, caregivers):
    log_in(client, phone)
    assert {r["caregiver_name"] for r in download(client, "households")} == caregivers
    villages = {r["village_code"] for r in download(client, "households")}
    assert {r["village_code"] for r in download(client, "checkins")} == villages
    assert {r["village_code"] for r in download(client, "cases")} <= villages


def test_every_download_is_logged_with_its_row_count(client, families):
    log_in(client, OFFICER)
    for what in ("households", "cases", "checkins"):
        client.get(f"/desk/export/{what}.csv")
    logged = [
        (a.actor, a.kind, a.subject, a.count) for a in AccessLog.select().order_by(AccessLog.id)
    ]
    assert logged == [
        (OFFICER, "export", "households.csv", 3), (OFFICER, "export", "cases.csv", 2),
        (OFFICER, "export", "checkins.csv", 6),
    ]  # fmt: skip


def test_the_export_page_lists_the_files_and_an_unknown_one_is_a_404(client, families):
    assert client.get("/desk/export/households.csv").status_code == 302  # a login first
    log_in(client, OFFICER)
    page = client.get("/desk/export").text
    assert all(f"/desk/export/{what}.csv" in page for what in exports.EXPORTS)
    assert client.get("/desk/export/people.csv").status_code == 404
    assert AccessLog.select().count() == 0
