"""A staff member's first login by a one-time link sent by SMS: from the CLI or the desk's staff
page, one segment, used once, ended by a newer link or after 48 hours; the new password logs in."""

import re

from gateway import gsm7
from gateway.models import Officer, OutboxMessage
from tests.conftest import OFFICER, OPERATOR, SUPERVISOR, csrf, log_in

NEW_PASSWORD = "sandi-baru-2468"


def link_sent_to(phone: str) -> str:
    """The path and query of the newest first-login link texted to `phone`."""
    row = (
        OutboxMessage.select()
        .where(OutboxMessage.to == phone)
        .order_by(OutboxMessage.id.desc())
        .first()
    )
    assert row is not None and gsm7.fits(row.text), row and row.text
    return re.search(r"http://localhost:\d+(/desk/sandi\?t=[\w-]{16})(?![\w-])", row.text).group(1)


def choose_password(client, link: str, password=NEW_PASSWORD, again=None):
    page = client.get(link)
    assert page.status_code == 200, page.text
    data = {"csrf_token": csrf(page.text), "password": password, "again": again or password}
    return client.post(link, data=data)


def test_a_new_officer_sets_a_password_from_the_sms_link_once(app, client, village):
    args = ["add-officer", "--phone", "0812-7000-0001", "--name", "Bu Rina"]
    result = app.test_cli_runner().invoke(args=[*args, "--village", village.code, "--invite"])
    assert result.exit_code == 0 and "by SMS" in result.output, result.output
    link = link_sent_to("+6281270000001")
    assert "Bu Rina" in client.get(link).text
    mismatch = choose_password(client, link, again="sandi-lain-9999")
    assert "tidak sama" in mismatch.text and not Officer.get(name="Bu Rina").password_hash
    assert "8 karakter" in choose_password(client, link, password="pendek").text
    done = choose_password(client, link)
    assert done.status_code == 302 and done.headers["Location"].endswith("/desk/")
    assert "Kasus terbuka" in client.get("/desk/").text  # logged in at once
    used = client.get(link)
    assert used.status_code == 404 and "Tautan tidak berlaku" in used.text
    client.post("/desk/logout", data={"csrf_token": csrf(client.get("/desk/").text)})
    assert log_in(client, "+6281270000001", NEW_PASSWORD).status_code == 302


def test_a_link_ends_after_48_hours_or_when_a_newer_one_is_sent(app, client, desk, now):
    log_in(client, OPERATOR)
    supervisor = Officer.get(Officer.phone == SUPERVISOR)
    token = csrf(client.get("/desk/ops/staff").text)
    client.post(f"/desk/ops/staff/{supervisor.id}/invite", data={"csrf_token": token})
    first = link_sent_to(SUPERVISOR)
    client.post(f"/desk/ops/staff/{supervisor.id}/invite", data={"csrf_token": token})
    second = link_sent_to(SUPERVISOR)
    assert first != second and client.get(first).status_code == 404
    now.advance(hours=47, minutes=59)
    assert client.get(second).status_code == 200
    now.advance(minutes=2)
    assert client.get(second).status_code == 404
    assert client.get("/desk/sandi?t=").status_code == 404
    assert client.get("/desk/sandi?t=" + "x" * 5000).status_code == 404


def test_the_desk_texts_a_link_to_staff_added_without_a_password(client, desk):
    log_in(client, OPERATOR)
    page = client.get("/desk/ops/staff").text
    form = {"csrf_token": csrf(page), "phone": "0811-1000-0088", "name": "Pak Joko",
            "role": "officer", "village": "3507102002", "district": "", "pin": "",
            "password": ""}  # fmt: skip
    added = client.post("/desk/ops/staff", data=form, follow_redirects=True)
    assert "Tautan untuk membuat kata sandi dikirim" in added.text
    link = link_sent_to("+6281110000088")
    client.post("/desk/logout", data={"csrf_token": csrf(added.text)})
    assert choose_password(client, link).status_code == 302
    assert "desa Ngadirejo" in client.get("/desk/").text


def test_no_link_for_an_operator_account_from_the_desk(client, desk):
    log_in(client, OPERATOR)
    page = client.get("/desk/ops/staff").text
    operator = Officer.get(Officer.phone == OPERATOR)
    assert f"/desk/ops/staff/{operator.id}/invite" not in page
    assert f"/desk/ops/staff/{operator.id}/pin" not in page  # an operator's: by the CLI only
    refused = client.post(f"/desk/ops/staff/{operator.id}/invite", data={"csrf_token": csrf(page)})
    assert refused.status_code == 404
    assert not OutboxMessage.select().where(OutboxMessage.to == OPERATOR).exists()
    officer = Officer.get(Officer.phone == OFFICER)
    assert f"/desk/ops/staff/{officer.id}/invite" in page


def test_a_password_set_otherwise_ends_a_link_not_used_yet(app, client, desk):
    log_in(client, OPERATOR)
    supervisor = Officer.get(Officer.phone == SUPERVISOR)
    token = csrf(client.get("/desk/ops/staff").text)
    client.post(f"/desk/ops/staff/{supervisor.id}/invite", data={"csrf_token": token})
    by_desk = link_sent_to(SUPERVISOR)
    new = {"csrf_token": token, "secret": "sandi-baru-1357"}
    client.post(f"/desk/ops/staff/{supervisor.id}/password", data=new)
    assert client.get(by_desk).status_code == 404  # the phone was lost: the SMS is worthless
    client.post(f"/desk/ops/staff/{supervisor.id}/invite", data={"csrf_token": token})
    by_cli = link_sent_to(SUPERVISOR)
    args = ["add-officer", "--phone", SUPERVISOR, "--name", "Pak Budi", "--role", "supervisor",
            "--district", "Malang", "--password", "sandi-lain-2468"]  # fmt: skip
    assert app.test_cli_runner().invoke(args=args).exit_code == 0
    assert client.get(by_cli).status_code == 404


def test_a_link_sent_twice_from_two_tabs_sets_one_password(client, desk):
    log_in(client, OPERATOR)
    officer = Officer.get(Officer.phone == OFFICER)
    token = csrf(client.get("/desk/ops/staff").text)
    client.post(f"/desk/ops/staff/{officer.id}/invite", data={"csrf_token": token})
    link = link_sent_to(OFFICER)
    client.post("/desk/logout", data={"csrf_token": token})
    first, second = client.get(link).text, client.get(link).text  # both tabs open
    sent = [
        client.post(link, data={"csrf_token": csrf(page), "password": p, "again": p})
        for page, p in ((first, "sandi-tab-satu"), (second, "sandi-tab-dua"))
    ]
    assert [answer.status_code for answer in sent] == [302, 404]
    client.post("/desk/logout", data={"csrf_token": csrf(client.get("/desk/").text)})
    assert log_in(client, OFFICER, "sandi-tab-satu").status_code == 302
