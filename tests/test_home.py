"""Registered people: home menus, several people on a phone, the PIN, edits, resume."""

from datetime import timedelta

import pytest

from gateway import clock, i18n
from gateway.models import Child, OutboxMessage, Person, Village
from tests.test_registration import CODE, register
from tests.ussd_phone import Phone


def t(key, lang="id"):
    return i18n.text(lang, key, ussd_code="*123#")


@pytest.fixture
def caregiver(client, village):
    phone = Phone(client)
    register(phone, "caregiver")
    return phone


def test_a_registered_caregiver_sees_their_own_menu(caregiver):
    screen = caregiver.dial()
    assert screen.startswith("CON " + t("home.title"))
    assert "1 Data saya" in screen and "7 Tambah anak" in screen and "1 Daftar" not in screen


def test_a_prospective_migrant_has_no_add_child(client, village):
    phone = Phone(client)
    register(phone, "calon_pmi")
    screen = phone.dial()
    assert "1 Data saya" in screen and "Tambah anak" not in screen


def test_my_data_needs_the_pin_then_shows_only_then(caregiver):
    caregiver.dial()
    asked = caregiver.press("1")
    assert asked.startswith("CON " + t("pin.ask")) and "Siti" not in asked
    shown = caregiver.press("1234")
    assert (
        "Nama: Siti Aminah" in shown
        and "Desa: Sumberejo" in shown
        and "Anak terdaftar: 2: Budi 2015, Ani 2019" in shown  # behind the PIN: by name
    )


def test_three_wrong_pins_lock_personal_screens_for_15_minutes(caregiver, monkeypatch):
    caregiver.dial()
    caregiver.press("1")
    assert caregiver.press("1111").startswith("CON " + t("answer.wrong_pin"))
    assert caregiver.press("2222").startswith("CON " + t("answer.wrong_pin"))
    assert caregiver.press("3333") == "END " + t("session.locked")  # not asked again
    caregiver.dial()
    assert caregiver.press("1", "1234") == "END " + t("session.locked")
    later = clock.now() + timedelta(minutes=16)
    monkeypatch.setattr(clock, "now", lambda: later)
    caregiver.dial()
    caregiver.press("1")
    assert "Nama: Siti Aminah" in caregiver.press("1234")


def test_key_slips_at_the_pin_are_not_counted_as_guesses(caregiver):
    caregiver.dial()
    caregiver.press("1")
    for slip in ("abc", "12", "x", "123456"):  # no PIN at all: said so, never a lock
        assert caregiver.press_raw(slip).startswith("CON " + t("answer.bad_pin"))
    assert "Nama: Siti Aminah" in caregiver.press("1234")


def test_98_with_no_next_page_is_never_taken_as_an_answer(caregiver):
    caregiver.dial()
    caregiver.press("1")
    assert caregiver.press_raw("98").startswith("CON " + t("error.invalid_choice"))


def test_a_name_and_a_village_can_be_changed_later(caregiver):
    Village.create(code="3507102002", name="Sukorejo", district="Malang", province="Jawa Timur")
    caregiver.dial()
    assert caregiver.press("1", "1234", "1", "Siti Rahayu") == "END " + t("me.saved")
    caregiver.dial()
    confirm = caregiver.press("1", "1234", "2", "3507102002")
    assert confirm.startswith("CON Desa Sukorejo, Malang?\n1 Ya\n2 Ubah")
    assert Person.get().village.name == "Sumberejo"  # nothing changed before "1 Ya"
    assert caregiver.press("2").startswith("CON " + t("reg.village"))  # 2: type it again
    assert caregiver.press("3507102002", "1") == "END " + t("me.saved")
    person = Person.get()
    assert (person.name, person.village.name) == ("Siti Rahayu", "Sukorejo")
    assert Person.select().count() == 1


def test_a_child_can_be_added_later_with_consent(caregiver):
    caregiver.dial()
    screen = caregiver.press("7", "1234", "Citra", "2020", "1")
    assert screen.startswith("CON " + t("child.consent").split("\n")[0])
    assert caregiver.press("1") == "END " + t("child.saved")
    assert [c.name for c in Child.select().order_by(Child.id)] == ["Budi", "Ani", "Citra"]


def test_a_child_added_later_has_the_households_parent_abroad(caregiver):
    Child.update(parent_phone="+886912300001").execute()  # Budi's and Ani's mother, in Taiwan
    caregiver.dial()
    caregiver.press("7", "1234", "Citra", "2020", "1", "1")
    assert Child.select().order_by(Child.id.desc()).get().parent_phone == "+886912300001"


def test_declining_consent_for_a_new_child_saves_nothing(caregiver):
    caregiver.dial()
    caregiver.press("7", "1234", "Citra", "2020", "1", "2")
    assert Child.select().count() == 2


def test_several_people_on_one_phone_are_asked_who_is_using_it(caregiver):
    caregiver.dial()
    caregiver.press("8", "1", "Rina", CODE, "1", "pabrik", "5678", "5678", "1")
    assert Person.select().count() == 2
    screen = caregiver.dial()
    assert screen.startswith("CON " + t("people.pick"))
    assert "1 Siti Aminah" in screen and "2 Rina" in screen and "3 " + t("people.new") in screen
    rina = caregiver.press("2") + caregiver.press("98")  # her menu has two pages
    assert "Tambah anak" not in rina and "9 Ganti pengguna" in rina
    assert "Nama: Rina" in caregiver.press("0", "1", "5678")  # back to page 1 for "1"
    caregiver.dial()
    caregiver.press("1")
    assert "Nama: Siti Aminah" in caregiver.press("1", "1234")


def test_someone_elses_pin_does_not_open_your_data(caregiver):
    caregiver.dial()
    caregiver.press("8", "1", "Rina", CODE, "1", "pabrik", "5678", "5678", "1")
    caregiver.dial()
    assert caregiver.press("2", "1", "1234").startswith("CON " + t("answer.wrong_pin"))


def test_a_cut_off_registration_resumes_from_a_new_session(client, village):
    phone = Phone(client)
    phone.dial()
    phone.press("1", "2", "Siti", CODE, "1")  # the network drops here, at the country list
    offer = phone.dial()
    assert offer.startswith("CON " + t("resume.title")) and "1 Lanjutkan" in offer
    assert phone.press("1").startswith("CON " + t("reg.country"))
    warning = phone.press("1", "PT Maju")  # the agency is checked as CEK does
    assert warning.startswith("CON TIDAK TERDAFTAR: PT Maju.\n")
    phone.press("98", "1", "1234", "1234")  # 1: go on registering
    assert phone.press("1") == "END " + t("reg.done")
    assert Person.get().destination_country == "TW"
    assert phone.dial().startswith("CON " + t("home.title"))  # nothing left to resume


def test_starting_afresh_drops_the_cut_off_answers(client, village):
    phone = Phone(client)
    phone.dial()
    phone.press("1", "2", "Siti")
    phone.dial()
    assert phone.press("2").startswith("CON " + t("root.title"))
    assert phone.dial().startswith("CON " + t("root.title"))


def event(client, status, session="s-1"):
    return client.post(
        "/ussd/events",
        data={
            "sessionId": session,
            "phoneNumber": "+6281234567890",
            "status": status,
            "input": "1*2",
            "durationInMillis": "9000",
        },
    )


def test_a_cut_off_registration_gets_one_sms_a_day(client, village, run_jobs):
    phone = Phone(client)
    phone.dial()
    phone.press("1", "2", "Siti")
    assert event(client, "Incomplete").status_code == 200
    assert event(client, "Incomplete", session="s-2").status_code == 200
    run_jobs()
    sms = OutboxMessage.get()
    assert OutboxMessage.select().count() == 1 and sms.status == "sent"
    assert sms.text == i18n.text("id", "sms.resume", ussd_code="*123#")


def test_a_finished_session_gets_no_resume_sms(client, village):
    phone = Phone(client)
    phone.dial()
    phone.press("5")
    event(client, "Incomplete")
    assert OutboxMessage.select().count() == 0


def test_the_village_language_is_the_default_for_its_people(client, village):
    # Imported from the village's register: nobody knows their language but their village.
    Person.create(phone="+6281234567890", name="Siti", role="caregiver", village=village)
    village.language = "jv"
    village.save()
    assert "1 " + t("home.my_data", "jv") in Phone(client).dial()


def test_javanese_can_be_chosen_and_is_remembered(client):
    phone = Phone(client)
    phone.dial()
    assert phone.press("6", "3") == "END " + t("language.saved", "jv")
    assert phone.dial().startswith("CON " + t("root.title", "jv"))


def test_someone_imported_without_a_pin_proves_a_register_fact_first(client, village):
    rahmat = Person.create(phone="+6281234567890", name="Rahmat", role="caregiver", village=village)
    Child.create(caregiver=rahmat, name="Dewi", birth_year=2014, in_school=True)
    phone = Phone(client)
    phone.dial()
    assert phone.press("1").startswith("CON " + t("pin.prove"))
    assert phone.press("2015").startswith("CON " + t("answer.wrong_fact"))
    assert phone.press("2014").startswith("CON " + t("pin.create"))
    assert phone.press("12").startswith("CON " + t("answer.bad_pin"))
    assert "Nama: Rahmat" in phone.press("4321", "4321")
    phone.dial()
    phone.press("1")
    assert phone.press("1111").startswith("CON " + t("answer.wrong_pin"))


def test_three_wrong_register_facts_lock_like_pins(client, village):
    rahmat = Person.create(phone="+6281234567890", name="Rahmat", role="caregiver", village=village)
    Child.create(caregiver=rahmat, name="Dewi", birth_year=2014, in_school=True)
    phone = Phone(client)
    phone.dial()
    phone.press("1")
    for slip in ("abc", "98", "201"):  # no year at all: not a guess
        assert phone.press_raw(slip).startswith(("CON Tahun lahir", "CON Pilihan salah"))
    phone.press("2010", "2011")
    assert phone.press("2012") == "END " + t("session.locked")
    phone.dial()
    assert phone.press("1", "2014") == "END " + t("session.locked")  # even the right one
    assert Person.get().pin_hash is None


def test_imported_without_a_pin_or_a_child_is_sent_to_the_officer(client, village):
    Person.create(phone="+6281234567890", name="Rahmat", role="calon_pmi", village=village)
    phone = Phone(client)
    phone.dial()
    assert phone.press("1") == "END " + t("pin.ask_officer")


def test_back_after_starting_afresh_does_not_return_to_the_offer(client, village):
    phone = Phone(client)
    phone.dial()
    phone.press("1", "2", "Siti")
    phone.dial()
    phone.press("2")
    assert phone.press("0").startswith("CON " + t("error.invalid_choice") + "\n" + t("root.title"))
    assert phone.press("1").startswith("CON " + t("reg.role"))


def test_back_to_the_menu_after_starting_anothers_registration(caregiver):
    caregiver.dial()
    # "Register someone else", then back: the menu as it was, for the same caller (going back
    # undoes what the answer changed), and "Data saya" asks for their PIN.
    assert caregiver.press("8", "0").startswith("CON " + t("home.title"))
    assert caregiver.press("1").startswith("CON " + t("pin.ask"))


def test_later_pages_keep_the_heading_of_their_screen(caregiver):
    caregiver.dial()
    assert caregiver.press("1", "1234").startswith("CON Data Anda\nNama: Siti Aminah")
    assert caregiver.press("98").startswith("CON Data Anda\n1 ")  # its options, page 2
    caregiver.dial()
    pages = [caregiver.press("5", "2")]
    while "98 " in pages[-1]:
        pages.append(caregiver.press("98"))
    heading = "CON Bebas biaya (Per BP2MI 9/2020):\n"
    # Each page under its heading, but the one a long line fills alone.
    assert len(pages) > 2 and sum(not page.startswith(heading) for page in pages) == 1
