"""Bad input on the desk and the simulator gets a page that explains, never a 500: junk and
NUL in every page's query parameters, ids too large for the database, a NUL in a form, an
expired form (CSRF), a CSV with a NUL byte."""

import io

import pytest

from gateway.models import AlertEvent
from tests.conftest import CAREGIVER, OFFICER, OPERATOR, csrf, log_in, sms

JUNK = ["abc", "-1", "99999999999999999999", "\x00", "é" * 3000]
PAGES = ["/simulator", "/simulator/replies", "/desk/", "/desk/families", "/desk/rounds",
         "/desk/pictures", "/desk/export", "/desk/broadcasts/", "/desk/menu-map",
         "/desk/ops/imports", "/desk/ops/staff", "/desk/ops/outbox", "/desk/ops/queues",
         "/desk/ops/access", "/desk/sandi", "/desk/login"]  # fmt: skip
PARAMS = ["page", "q", "status", "actor", "lang", "t", "phone", "after"]


def test_junk_in_any_query_parameter_is_never_a_server_error(client, desk):
    log_in(client, OPERATOR)
    failed = [
        (page, param, junk[:8], answer.status_code)
        for page in PAGES
        for param in PARAMS
        for junk in JUNK
        if (answer := client.get(page, query_string={param: junk})).status_code >= 500
    ]
    assert not failed


@pytest.mark.parametrize(
    "path",
    ["/desk/families/99999999999999999999", "/desk/children/0", "/desk/broadcasts/-3",
     "/desk/cases/%00", "/desk/cases/" + "K" * 3000, "/desk/families/abc"],
)  # fmt: skip
def test_an_id_the_database_cannot_hold_is_a_404_or_400_page(client, desk, path):
    log_in(client, OPERATOR)
    answer = client.get(path)
    assert answer.status_code in (400, 404) and "Meja Desmigratif" in answer.text


def test_a_nul_in_a_form_or_an_expired_form_is_explained_and_nothing_stored(client, desk):
    sms(client, "TOLONG anak tetangga dipukul ayahnya", sender=CAREGIVER)
    log_in(client, OFFICER)
    ref = client.get("/desk/").text.split("/desk/cases/")[1].split('"')[0]
    token = csrf(client.get(f"/desk/cases/{ref}").text)
    notes = AlertEvent.select().where(AlertEvent.state == "note").count()
    nul = client.post(f"/desk/cases/{ref}/note", data={"csrf_token": token, "note": "a\x00b"})
    assert nul.status_code == 400 and "karakter yang tidak sah" in nul.text
    expired = client.post(f"/desk/cases/{ref}/note", data={"csrf_token": "old", "note": "ok"})
    assert expired.status_code == 400 and "kedaluwarsa" in expired.text
    assert AlertEvent.select().where(AlertEvent.state == "note").count() == notes


def test_an_uploaded_csv_with_a_nul_byte_gets_a_report(client, desk):
    log_in(client, OPERATOR)
    token = csrf(client.get("/desk/ops/imports").text)
    villages = io.BytesIO(b"code,name,district,province\n35\x0007,A,B,C\n")
    data = {"csrf_token": token, "kind": "villages", "as_of": "", "file": (villages, "v.csv")}
    answer = client.post("/desk/ops/imports", data=data, content_type="multipart/form-data")
    assert answer.status_code == 422 and "Meja Desmigratif" in answer.text
