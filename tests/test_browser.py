"""The web desk and the phone simulator in a real browser (Debian's Chromium under Playwright),
on the app served over HTTP with seed-demo's data: a caregiver answers a check-in by USSD in
the simulator with a red flag, the village officer sees the case on the desk, opens it and
acknowledges it; another village's case by URL is a 403 page; CEK by SMS gets its reply from
the outbox; a broadcast is counted as typed, sent and seen in the outbox; a registry uploaded
with a bad row shows its row report. Each main page must stay under 100 KB; its screenshot is
written to docs/screenshots/ with SCREENSHOTS=1."""

from __future__ import annotations

import re

import pytest
from flask import current_app
from playwright.sync_api import expect

from gateway import checkins, crypto, demo, i18n, pins
from gateway.models import Alert, Person
from gateway.phone import normalise
from tests.browser import needs_chromium, screenshot, visit
from tests.conftest import sms

pytestmark = needs_chromium

SITI = "081299900000"  # caregiver in Sukamaju Contoh: one child, Budi; a parent in Taiwan
DEWI = "081299900004"  # caregiver in Sukamaju Contoh too
RINA = "081299900001"  # caregiver in Sidorejo Contoh, Pak Dedi's village
BU_ANI = "081299900101"  # the officer of Sukamaju Contoh
STRANGER = "081299999999"  # nobody's number
PIN = "1234"
VIOLENCE = "4"  # the check-in's problem code for violence (gateway/checkin_codes.py)


@pytest.fixture
def demo_data(app, restore_rules):
    """seed-demo, a PIN for Siti, and a check-in round opened for every child."""
    seeded = app.test_cli_runner().invoke(args=["seed-demo"])
    assert seeded.exit_code == 0, seeded.output
    siti = Person.get(Person.phone == normalise(SITI))
    pins.set_pin_hash(siti, crypto.hash_pin(PIN))
    assert checkins.open_due(current_app.config).opened == 30


class SimulatedPhone:
    """The simulator page, used as a person would: the number picked, keys pressed."""

    def __init__(self, page, base_url: str):
        self.page = page
        visit(page, base_url + "/simulator")

    def play(self, number: str) -> None:
        self.page.select_option("#persona", number)
        expect(self.page.locator("#phone")).to_have_value(number)

    def press(self, *answers: str) -> str:
        """Type each answer on the keypad and press the green key; wait for the screen."""
        screen = self.page.locator("#ussd")
        for answer in answers:
            for key in answer:
                self.page.click(f".keys [data-key='{key}']")
            self.page.click(".keys [data-key='call']")
            expect(screen).not_to_have_attribute("data-state", "waiting")
        return self.page.inner_text("#ussd-text")

    def text(self, message: str) -> None:
        """Send an SMS from the SMS tab."""
        self.page.click("#tab-sms")
        self.page.fill("#sms-text", message)
        self.page.click(".keys [data-key='call']")


def log_in(page, base_url: str, phone: str = BU_ANI) -> None:
    visit(page, base_url + "/desk/login")
    page.fill("#phone", phone)
    page.fill("#password", demo.DESK_PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    expect(page).to_have_url(re.compile(r"/desk/$"))


def test_a_red_flag_answered_in_the_simulator_reaches_the_officers_desk(
    live_server, new_page, demo_data
):
    desk = new_page()
    visit(desk, live_server + "/desk/login")
    screenshot(desk, "desk-login")
    log_in(desk, live_server)
    expect(desk.locator("main")).to_contain_text("Tidak ada kasus terbuka")

    phone = SimulatedPhone(new_page(), live_server)
    phone.play(SITI)
    assert phone.press("*123#").startswith(i18n.text("id", "home.title"))
    assert phone.press("3", PIN).startswith(i18n.text("id", "kabar.pick"))
    problems = phone.press("1", "1", "1", "1", "1")  # Budi: school, health, mood, contact: yes
    assert "4 Kekerasan" in problems
    screenshot(phone.page, "simulator-ussd")
    done = phone.press(VIOLENCE)
    assert "Bu Ani (contoh)" in done and phone.page.get_attribute("#ussd", "data-state") == "ended"
    case = Alert.get(Alert.category == "violence")
    assert case.urgent and case.village.name == "Sukamaju Contoh"
    sms(current_app.test_client(), "1 1 1 1 2", sender=DEWI)  # bullying: a second, calmer case

    visit(desk, live_server + "/desk/")
    row = desk.locator("tr", has_text=case.ref)
    expect(row).to_contain_text("MENDESAK")
    expect(row).to_contain_text("Sukamaju Contoh")
    screenshot(desk, "desk-cases")
    with desk.expect_navigation():
        row.get_by_role("link", name=case.ref).click()
    expect(desk.locator("h1")).to_contain_text(f"Kasus {case.ref}")
    expect(desk.locator("#details")).to_contain_text("Budi")
    assert len(desk.content().encode()) < 100_000
    screenshot(desk, "desk-case")
    desk.get_by_role("button", name="Saya tangani (OK)").click()
    expect(desk.locator(".flash")).to_contain_text(case.ref)
    expect(desk.locator("main")).to_contain_text("Status: ditangani")
    assert Alert.get_by_id(case.id).state == "acknowledged"


def test_another_villages_case_by_url_is_a_403_page(live_server, new_page, demo_data):
    sms(current_app.test_client(), "TOLONG anak tetangga dipukul ayahnya", sender=RINA)
    theirs = Alert.get()
    assert theirs.village.name == "Sidorejo Contoh"
    desk = new_page()
    log_in(desk, live_server)
    expect(desk.locator("main")).not_to_contain_text(theirs.ref)
    visit(desk, f"{live_server}/desk/cases/{theirs.ref}", status=403)
    expect(desk.locator("h1")).to_contain_text("Bukan wilayah Anda")
    expect(desk.locator("main")).not_to_contain_text("dipukul")
    desk.get_by_role("link", name="Kembali ke daftar kasus").click()
    expect(desk).to_have_url(re.compile(r"/desk/$"))


def test_the_sms_tab_texts_cek_and_shows_the_reply_and_its_status(
    live_server, new_page, demo_data, run_jobs
):
    phone = SimulatedPhone(new_page(), live_server)
    phone.play(STRANGER)
    phone.text("CEK PT Sinar Harapan Mulia")
    reply = phone.page.locator("#thread li.in", has_text="TERDAFTAR: PT Sinar Harapan Mulia")
    expect(reply).to_contain_text("antre")  # queued: no worker has sent it yet
    expect(phone.page.locator("#thread li.out")).to_contain_text("diterima gateway")
    run_jobs()
    expect(reply).to_contain_text("terkirim")  # the worker "sent" it (console backend)
    screenshot(phone.page, "simulator-sms")


def test_the_simulator_fits_a_360px_phone_and_shows_sms_waiting(live_server, new_page, demo_data):
    page = new_page(360, 740)
    phone = SimulatedPhone(page, live_server)
    phone.play(SITI)
    expect(page.locator("#badge")).to_be_hidden()
    assert phone.press("*123#").startswith(i18n.text("id", "home.title"))
    assert page.evaluate("document.documentElement.scrollWidth") <= 360  # no sideways scroll
    assert page.locator(".keys [data-key='#']").bounding_box()["y"] < 740  # the keypad fits
    screenshot(page, "simulator-360")
    page.click("#tab-sms")  # the check-in prompts sent to Siti by the round
    expect(page.locator("#thread li.in").first).to_contain_text("kabar anak")


def test_with_a_webhook_token_the_simulator_passes_it(make_app, serve, new_page, demo_data):
    base = serve(make_app(WEBHOOK_TOKEN="sim-secret"))
    phone = SimulatedPhone(new_page(), base)
    form = {"sessionId": "no-token", "phoneNumber": SITI, "text": ""}
    assert phone.page.request.post(base + "/ussd", form=form).status == 403  # the token matters
    phone.play(SITI)
    assert phone.press("*123#").startswith(i18n.text("id", "home.title"))
    phone.text("CEK PT Sinar Harapan Mulia")
    expect(phone.page.locator("#thread li.in", has_text="TERDAFTAR")).to_be_visible()


OPERATOR = "081299900301"  # not in seed-demo: added by the test


def test_a_broadcast_is_counted_as_typed_sent_and_seen_in_the_outbox(
    app, live_server, new_page, demo_data, run_jobs
):
    desk = new_page()
    log_in(desk, live_server)
    visit(desk, live_server + "/desk/broadcasts/")
    desk.fill("#text", "Posyandu “besok” jam 9 — balai desa. Bawa buku KIA.")
    # Sent plain (no tick), the opt-out line after it: 51 + 33 characters.
    expect(desk.locator("#count")).to_have_text("84 karakter, 1 SMS")
    desk.fill("#text", "Selamat Idul Fitri 🙏")
    expect(desk.locator("#count")).to_contain_text("Tetap kirim")  # the emoji goes as "?"
    desk.fill("#text", "Posyandu besok jam 9 di balai desa " * 6)
    expect(desk.locator("#count")).to_contain_text("Tetap kirim")  # more than one SMS
    desk.fill("#text", "Posyandu besok jam 9 di balai desa. Bawa buku KIA.")
    with desk.expect_navigation():
        desk.get_by_role("button", name="Kirim siaran").click()
    expect(desk.locator("h1")).to_contain_text("Siaran ke")
    queued = int(desk.inner_text("#count-queued"))
    assert queued > 0 and desk.inner_text("#count-sent") == "0"
    run_jobs()
    desk.reload()
    expect(desk.locator("#count-sent")).to_have_text(str(queued))
    result = app.test_cli_runner().invoke(
        args=["add-officer", "--phone", OPERATOR, "--name", "Mbak Tri", "--role", "operator",
              "--password", demo.DESK_PASSWORD]
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    operator = new_page()
    log_in(operator, live_server, OPERATOR)
    visit(operator, live_server + "/desk/ops/outbox?status=sent")
    expect(operator.locator("main")).to_contain_text("Posyandu besok jam 9")


def test_an_uploaded_registry_with_a_bad_row_shows_the_row_report(
    app, live_server, new_page, demo_data, tmp_path
):
    result = app.test_cli_runner().invoke(
        args=["add-officer", "--phone", OPERATOR, "--name", "Mbak Tri", "--role", "operator",
              "--password", demo.DESK_PASSWORD]
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    registry = tmp_path / "agencies.csv"
    registry.write_text(
        "licence_no,name,address,valid_until,status\n"
        "KEP.950/PK.02/2026,PT Cahaya Baru Mandiri,Malang,2028-01-31,aktif\n"
        "KEP.951/PK.02/2026,PT Tanpa Tanggal,Blitar,bukan-tanggal,aktif\n"
    )
    desk = new_page()
    log_in(desk, live_server, OPERATOR)
    visit(desk, live_server + "/desk/ops/imports")
    desk.select_option("#kind", "agencies")
    desk.fill("#as_of", "2026-11-25")  # the demo registry is dated today
    desk.set_input_files("#file", str(registry))
    with desk.expect_navigation():
        desk.get_by_role("button", name="Impor").click()
    report = desk.locator("[role=status]")
    expect(report).to_contain_text("1 ditolak")
    expect(report.locator("tr", has_text="valid_until")).to_contain_text("3")  # the line
    expect(report).to_contain_text("tidak ada yang diubah")  # a list goes in whole or not
    screenshot(desk, "desk-import")


OPERATOR_PHONE = "081299900301"


@pytest.mark.parametrize("width, height", [(360, 740), (1366, 768)])
def test_every_desk_page_fits_a_phone_and_a_laptop_without_sideways_scrolling(
    app, live_server, new_page, demo_data, width, height
):
    added = app.test_cli_runner().invoke(
        args=["add-officer", "--phone", OPERATOR_PHONE, "--name", "Mbak Operator (contoh)",
              "--role", "operator", "--password", demo.DESK_PASSWORD]
    )  # fmt: skip
    assert added.exit_code == 0, added.output
    sms(current_app.test_client(), "TOLONG anak tetangga dipukul ayahnya", sender=SITI)
    siti = Person.get(Person.phone == normalise(SITI))
    child = siti.children.get()
    pages = ["/desk/", f"/desk/cases/{Alert.get().ref}", "/desk/families",
             f"/desk/families/{siti.id}", f"/desk/children/{child.id}", "/desk/rounds",
             "/desk/pictures", "/desk/export", "/desk/broadcasts/", "/desk/menu-map?lang=id",
             "/desk/ops/imports", "/desk/ops/staff", "/desk/ops/outbox", "/desk/ops/queues",
             "/desk/ops/access"]  # fmt: skip
    page = new_page(width, height)
    log_in(page, live_server, OPERATOR_PHONE)
    too_wide = {}
    for path in pages:
        visit(page, live_server + path)
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        if scroll_width > width:
            too_wide[path] = scroll_width
    assert not too_wide, f"sideways scrolling at {width} px: {too_wide}"
    # On a phone the columns an officer acts on stay: when a case escalates, whom to call.
    visit(page, live_server + "/desk/")
    assert page.locator("th", has_text="Eskalasi").is_visible()
    visit(page, live_server + "/desk/families")
    assert page.locator("th", has_text="Nomor HP").is_visible()
    # A chart wider than the phone opens on its right end: this week and this month.
    visit(page, live_server + "/desk/pictures")
    ends_hidden = page.evaluate(
        """Array.from(document.querySelectorAll("figure")).filter(figure => {
             const chart = figure.firstElementChild.getBoundingClientRect();
             return chart.right > figure.getBoundingClientRect().right + 1;
           }).length"""
    )
    assert ends_hidden == 0
