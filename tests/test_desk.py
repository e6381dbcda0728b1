"""The web desk through the Flask client: login, lock, scope per role (no case of another
village by URL), acknowledge, close and note a case, CSRF on every form."""

from datetime import datetime

import pytest
from flask import g

from gateway.models import Alert, AlertEvent, Officer, Person, Village
from tests.conftest import (
    CAREGIVER,
    OFFICER,
    OPERATOR,
    OTHER_OFFICER,
    PASSWORD,
    SUPERVISOR,
    add_officer,
    csrf,
    log_in,
    sms,
)


def tolong(client) -> Alert:
    """A caregiver of Sumberejo reports a child in danger: an urgent case there."""
    sms(client, "TOLONG anak tetangga dipukul ayahnya", sender=CAREGIVER)
    return Alert.select().order_by(Alert.id.desc()).get()


def test_the_desk_asks_for_a_login_first(client, desk):
    answer = client.get("/desk/")
    assert answer.status_code == 302 and "/desk/login" in answer.headers["Location"]


def test_the_desks_given_addresses_lead_to_it(client, desk):
    """DESIGN section 7: the desk at "/", its login at "/login"."""
    home = client.get("/", follow_redirects=True)
    login = client.get("/login", follow_redirects=True)
    assert home.request.path == login.request.path == "/desk/login"
    assert home.status_code == login.status_code == 200
    assert log_in(client, OFFICER).status_code == 302
    assert client.get("/", follow_redirects=True).request.path == "/desk/"


@pytest.mark.parametrize(
    "asked, lands",
    [
        ("/desk/cases/K12345", "/desk/cases/K12345"),  # the page asked for, after the login
        ("//evil.example/desk/", "/desk/"),  # never another site
        ("https://evil.example/desk/", "/desk/"),
        ("/sms/incoming", "/desk/"),
        # A button pressed after the login expired: back to its case, to press it again.
        ("/desk/cases/K12345/acknowledge", "/desk/cases/K12345"),
        ("/desk/logout", "/desk"),  # the desk's home, which opens the cases
    ],
)
def test_the_login_goes_on_to_the_desk_page_asked_for(client, desk, asked, lands):
    from urllib.parse import quote

    token = csrf(client.get("/desk/login").text)
    answer = client.post(
        f"/desk/login?next={quote(asked, safe='')}",
        data={"phone": OFFICER, "password": PASSWORD, "csrf_token": token},
    )
    assert answer.status_code == 302 and answer.headers["Location"] == lands


def test_a_wrong_password_is_refused_and_five_lock_the_account(client, desk):
    for _ in range(4):
        assert "salah" in log_in(client, OFFICER, "tebak-tebakan").text
    assert "dikunci" in log_in(client, OFFICER, "tebak-tebakan").text  # the fifth locks
    locked = log_in(client, OFFICER)  # the right one, too late
    assert locked.status_code == 429 and "dikunci" in locked.text
    assert client.get("/desk/").status_code == 302


def test_an_officer_sees_and_acts_on_their_village_case(client, desk):
    case = tolong(client)
    assert log_in(client, OFFICER).status_code == 302
    listing = client.get("/desk/").text
    assert case.ref in listing and "MENDESAK" in listing and "desa Sumberejo" in listing
    page = client.get(f"/desk/cases/{case.ref}").text
    assert "dipukul ayahnya" in page  # the report in full, only here
    token = csrf(page)
    client.post(f"/desk/cases/{case.ref}/acknowledge", data={"csrf_token": token, "note": ""})
    assert Alert.get_by_id(case.id).state == "acknowledged"
    acknowledged = client.get(f"/desk/cases/{case.ref}").text  # no button for what is done
    assert "/acknowledge" not in acknowledged and f"/desk/cases/{case.ref}/close" in acknowledged
    assert "lalu Tutup kasus" in acknowledged and "SELESAI" not in acknowledged  # desk words
    # Acknowledged: no escalation time in the list, as it will not escalate.
    row = client.get("/desk/").text.split(case.ref)[-1].split("</tr>")[0]
    assert "ditangani" in row and row.rstrip().endswith("<td>-</td>")
    refused = client.post(f"/desk/cases/{case.ref}/close", data={"csrf_token": token})
    assert refused.status_code == 302 and Alert.get_by_id(case.id).state == "acknowledged"
    client.post(
        f"/desk/cases/{case.ref}/note", data={"csrf_token": token, "note": "Sudah ke rumahnya"}
    )
    client.post(
        f"/desk/cases/{case.ref}/close", data={"csrf_token": token, "note": "Anak aman di nenek"}
    )
    assert Alert.get_by_id(case.id).state == "closed"
    closed = client.get(f"/desk/cases/{case.ref}").text
    assert "/acknowledge" not in closed and f"/desk/cases/{case.ref}/close" not in closed
    events = [(e.state, e.actor, e.note) for e in AlertEvent.select().order_by(AlertEvent.id)]
    assert ("info", OFFICER, None) in events  # the view is logged
    assert ("note", OFFICER, "Sudah ke rumahnya") in events
    assert ("closed", OFFICER, "Anak aman di nenek") in events
    assert f">{case.ref}</a>" not in client.get("/desk/").text  # closed: off the list
    # Its history tells what happened; the page views are in the access log, not there.
    assert "dibaca lengkap" not in closed and "Sudah ke rumahnya" in closed
    # Who did it by name, and phone to call back.
    assert closed.count(f"<td>Bu Ani, {OFFICER}</td>") == 3  # acknowledged, noted, closed
    assert "MENDESAK" not in closed.split("<h1>")[1].split("</h1>")[0]  # closed: no longer


@pytest.mark.parametrize(
    "phone, sees",
    [(OFFICER, True), (OTHER_OFFICER, False), (SUPERVISOR, True), (OPERATOR, True)],
)
def test_a_case_opens_only_for_its_village_district_or_an_operator(client, desk, phone, sees):
    case = tolong(client)
    log_in(client, phone)
    assert (case.ref in client.get("/desk/").text) is sees
    page = client.get(f"/desk/cases/{case.ref}")
    assert page.status_code == (200 if sees else 403)
    if not sees:
        assert "dipukul" not in page.text and "Bukan wilayah Anda" in page.text
        token = csrf(client.get("/desk/").text)
        acted = client.post(f"/desk/cases/{case.ref}/acknowledge", data={"csrf_token": token})
        assert acted.status_code == 403 and Alert.get_by_id(case.id).state == "opened"
        assert not AlertEvent.select().where(AlertEvent.actor == phone).exists()


def test_an_officers_own_report_is_acted_on_by_others_not_by_them(client, desk):
    """Bu Ani reports a child of her village: the supervisor acts on it; her buttons refuse."""
    sms(client, "TOLONG anak tetangga dipukul ayahnya", sender=OFFICER)
    case = Alert.get()
    log_in(client, OFFICER)
    page = client.get(f"/desk/cases/{case.ref}").text
    assert "/acknowledge" not in page and "/close" not in page and "laporkan sendiri" in page
    token = csrf(page)
    for action in ("acknowledge", "close"):
        data = {"csrf_token": token, "note": "sudah beres"}
        refused = client.post(f"/desk/cases/{case.ref}/{action}", data=data, follow_redirects=True)
        assert "Anda laporkan sendiri" in refused.text
    assert Alert.get_by_id(case.id).state == "opened"
    client.post("/desk/logout", data={"csrf_token": token})
    log_in(client, SUPERVISOR)
    token = csrf(client.get(f"/desk/cases/{case.ref}").text)
    client.post(f"/desk/cases/{case.ref}/acknowledge", data={"csrf_token": token, "note": ""})
    assert Alert.get_by_id(case.id).state == "acknowledged"


def test_a_form_without_its_csrf_token_changes_nothing(client, desk):
    case = tolong(client)
    log_in(client, OFFICER)
    answer = client.post(f"/desk/cases/{case.ref}/acknowledge", data={"note": ""})
    assert answer.status_code == 400 and Alert.get_by_id(case.id).state == "opened"


def test_an_unknown_case_is_a_404_that_says_so(client, desk):
    log_in(client, OFFICER)
    answer = client.get("/desk/cases/KZZZZZ")
    assert answer.status_code == 404 and "Tidak ditemukan" in answer.text


def test_a_familys_later_words_are_shown_with_their_name(client, desk):
    case = tolong(client)
    sms(client, "TOLONG anak tetangga dipukul lagi pagi ini", sender=CAREGIVER)
    log_in(client, OFFICER)
    page = client.get(f"/desk/cases/{case.ref}").text
    assert f"<td>Siti, {CAREGIVER}</td><td>anak tetangga dipukul lagi pagi ini</td>" in page


def test_a_buttons_address_typed_in_is_a_page_that_says_so(client, desk):
    log_in(client, OFFICER)
    answer = client.get("/desk/logout")
    assert answer.status_code == 405 and "dibuka dengan tombol" in answer.text
    assert "Method Not Allowed" not in answer.text
    assert 'action="/desk/logout"' in answer.text  # the button itself is on the page
    assert client.get("/desk/").status_code == 200  # and nothing was done


def test_logout_with_a_login_already_expired_lands_on_the_login(client, desk):
    log_in(client, OFFICER)
    with client.session_transaction() as stored:
        stored.clear()  # the session ran out while the page stayed open
    answer = client.post("/desk/logout", data={"csrf_token": "stale"})
    assert answer.status_code == 302 and "/desk/login" in answer.headers["Location"]


def test_a_new_password_ends_the_old_sessions(client, app, desk):
    log_in(client, OFFICER)
    assert client.get("/desk/").status_code == 200
    add_officer(app, OFFICER, "Bu Ani", "--village", desk.code, "--password", "baru-lagi-123")
    g.pop("_login_user", None)  # the test's app context outlives requests; a server's does not
    assert client.get("/desk/").status_code == 302


def test_logout_ends_the_session(client, app, desk):
    log_in(client, OFFICER)
    copied = client.get_cookie("session").value  # a cookie someone copied before the logout
    client.post("/desk/logout", data={"csrf_token": csrf(client.get("/desk/").text)})
    assert client.get("/desk/").status_code == 302
    g.pop("_login_user", None)  # the test's app context outlives requests; a server's does not
    thief = app.test_client()
    thief.set_cookie("session", copied)
    assert thief.get("/desk/").status_code == 302


def test_the_callbacks_need_no_csrf_token(client, desk):
    assert client.post("/ussd", data={"sessionId": "s", "phoneNumber": CAREGIVER, "text": ""}
                       ).status_code == 200  # fmt: skip


def test_the_household_page_shows_no_one_of_another_village(client, desk):
    """One phone may carry people of two villages: the officer sees their village's only."""
    kalitidu = Village.get(Village.code == "3522010001")
    Person.create(phone=CAREGIVER, name="Sri Kalitidu", role="pmi", village=kalitidu)
    log_in(client, OFFICER)
    household = Person.get(Person.name_key.is_null(False) & (Person.village == desk))
    page = client.get(f"/desk/families/{household.id}")
    assert page.status_code == 200 and "Siti" in page.text and "Sri Kalitidu" not in page.text


def test_desk_pages_are_never_cached(client, desk):
    log_in(client, OFFICER)
    assert client.get("/desk/").headers["Cache-Control"] == "no-store"


def test_a_lock_left_at_the_limit_without_its_end_heals(client, desk):
    """A count left at the limit with no lock (a process killed between two steps, before)."""
    Officer.update(login_failures=5, login_locked_until=None).where(
        Officer.phone == OFFICER
    ).execute()
    assert log_in(client, OFFICER).status_code == 302  # logged in, not locked for good


def test_a_login_lasts_desk_session_minutes(client, desk):
    """The session cookie carries its end: a laptop left open logs itself out."""
    answer = log_in(client, OFFICER)
    cookie = answer.headers["Set-Cookie"]
    assert "Expires=" in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie


@pytest.mark.parametrize(
    "province, code, shown",
    [
        ("Jawa Timur", "3507102001", "08:30 WIB"),
        ("Nusa Tenggara Barat", "5201010001", "09:30 WITA"),
    ],
)
def test_times_read_as_the_officer_clock_with_its_zone(client, desk, province, code, shown):
    case = tolong(client)
    Alert.update(opened_at=datetime(2026, 11, 26, 1, 30)).where(Alert.id == case.id).execute()
    Village.update(province=province, code=code).where(Village.id == desk.id).execute()
    log_in(client, OFFICER)
    assert f"26-11-2026 {shown}" in client.get("/desk/").text
    page = client.get(f"/desk/cases/{case.ref}").text
    assert f"Dibuka 26-11-2026 {shown}" in page and "UTC" not in page


def test_case_reads_by_sms_and_on_the_desk_are_in_the_access_log(client, desk):
    case = tolong(client)
    log_in(client, SUPERVISOR)
    client.get(f"/desk/cases/{case.ref}")
    log_in(client, OPERATOR)
    page = client.get("/desk/ops/access").text
    assert f"kasus {case.ref}</a>" in page and "Pak Budi" in page
