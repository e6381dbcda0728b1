"""Issue 10: registration and texts as a family expects them, in Indonesian, English, Javanese."""

import re

import pytest

from gateway import gsm7, i18n
from gateway.models import Contact, OutboxMessage, Person, Village
from tests.conftest import VILLAGE_CODE as CODE
from tests.conftest import add_officer, sms
from tests.ussd_phone import Phone

ABROAD = "+886912345678"


@pytest.fixture
def village(app, village):
    """The shared village, with its officer."""
    add_officer(app, "+6281110000001", "Bu Ani", "--village", CODE)
    return village


# 3. The village is confirmed.


def test_the_village_code_is_confirmed_before_going_on(client, village):
    phone = Phone(client)
    phone.dial()
    confirm = phone.press("1", "1", "Siti", CODE)
    assert confirm == "CON Desa Sumberejo, Malang?\n1 Ya\n2 Ubah\n0 Kembali 00 Awal"
    assert phone.press("2").startswith("CON " + i18n.text("id", "reg.village"))
    assert phone.press(CODE, "1").startswith("CON " + i18n.text("id", "reg.job"))


# 5. Texts that say why, and whose name.


def test_registering_someone_else_asks_for_their_name(client, village):
    Person.create(phone="+6281234567890", name="Siti", role="caregiver", village=village)
    phone = Phone(client)
    phone.dial()
    assert phone.press("8", "1").startswith("CON Ketik nama orang yang didaftarkan:")
    phone.dial()
    assert phone.press("8", "1", "0", "00", "8", "1").startswith(
        "CON " + i18n.text("id", "reg.name_other")
    )


@pytest.mark.parametrize(
    "lang, name_error, year_error",
    [
        ("id", "Nama: 2-40 huruf, tanpa angka.", "Tahun lahir 2009-2026 saja."),
        ("en", "Name: 2-40 letters, no digits.", "Birth year 2009-2026 only."),
        ("jv", "Nami: 2-40 aksara, tanpa angka.", "Taun lair 2009-2026 kemawon."),
    ],
)
def test_a_refused_name_or_year_says_why(client, village, lang, name_error, year_error):
    Contact.create(phone="+6281234567890", language=lang)
    phone = Phone(client)
    phone.dial()
    assert phone.press("1", "3", "Siti 2").startswith(f"CON {name_error}\n")
    phone.press("Siti", CODE, "1", "1")
    assert phone.press("Budi", "2001").startswith(f"CON {year_error}\n")


def test_an_alert_from_an_unknown_village_says_so(client, app):
    sms(client, "LAPOR calo di pasar minta uang", sender="+6281299990000")
    from gateway.models import Alert

    assert Alert.get().village is None
    from gateway import escalation

    assert "desa tidak diketahui" in escalation.escalation_text(Alert.get())


# Indonesian words left untranslated (names, keywords and the law's short names allowed).
INDONESIAN = {
    "en": {
        "gratis",
        "anak",
        "desa",
        "dan",
        "yang",
        "untuk",
        "tidak",
        "dengan",
        "atau",
        "bayar",
        "jangan",
        "kabar",
        "silakan",
        "terima",
        "kasih",
        "ketik",
        "pilih",
        "tekan",
        "lagi",
        "sudah",
        "belum",
        "nama",
        "tahun",
        "lahir",
        "sekolah",
        "petugas",
        "kami",
        "anda",
    },
    "jv": {
        "tidak",
        "yang",
        "dan",
        "untuk",
        "anak",
        "sudah",
        "dengan",
        "atau",
        "jangan",
        "bisa",
        "terima",
        "kasih",
        "silakan",
        "kami",
        "anda",
        "ini",
        "itu",
        "ada",
        "harus",
        "akan",
        "belum",
        "ortu",
        "hubungi",
    },
}
ALLOWED = {
    "TOLONG",
    "LAPOR",
    "DAFTAR",
    "ANAK",
    "MULAI",
    "BERHENTI",
    "BULANAN",
    "SELESAI",
    "KASUS",
    "CEK",
    "STOP",
    "INFO",
    "OK",
}


@pytest.mark.parametrize("lang", ["en", "jv"])
def test_english_and_javanese_texts_hold_no_untranslated_indonesian(lang):
    found = []
    for key, text in i18n.CATALOGS[lang].items():
        if key.startswith(("language.", "country.")):
            continue  # the language menu names each language in its own words
        if lang == "jv" and key == "info.zero_cost.text":
            continue  # the regulation's occupation names, as they stand on the papers
        for word in re.findall(r"[A-Za-z]+", re.sub(r"\{\w+\}", "", text)):
            if word not in ALLOWED and word.lower() in INDONESIAN[lang]:
                found.append((key, word))
    assert found == []


@pytest.mark.parametrize(
    "key, expected",
    [
        ("reg.name", "Ketik asma panjenengan:"),
        ("answer.bad_village", "Kode desa lepat."),
        ("reg.done", "Pendaftaran rampung. Matur nuwun. Tekan *123# malih kangge menu."),
    ],
)
def test_javanese_texts_read_as_a_native_speaker_asked(key, expected):
    assert i18n.text("jv", key, ussd_code="*123#") == expected
    assert "Sampun mbayar" not in " ".join(i18n.CATALOGS["jv"].values())


def test_the_javanese_lapor_answer_names_the_help_line(client, village):
    Contact.create(phone="+6281234567890", language="jv")
    assert "KP2MI 0800-1000" in sms(client, "LAPOR calo minta 5 juta")[-1]


def test_the_info_screen_says_free_in_each_language(client, village):
    for lang, free in (("en", "Calls to KP2MI are free."), ("id", "Telepon ke KP2MI gratis.")):
        Contact.delete().execute()
        Contact.create(phone="+6281299990000", language=lang)
        phone = Phone(client, "+6281299990000")
        phone.dial()
        screen = phone.press("5", "3") + phone.press("98")
        assert free in screen and "(gratis)" not in screen


# 6. Numbers abroad are never told to dial the USSD code.


@pytest.mark.parametrize("registered", [False, True])
@pytest.mark.parametrize("text", ["halo", "DAFTAR", "ANAK"])
def test_sms_to_numbers_abroad_point_to_keywords_not_to_ussd(client, village, text, registered):
    if registered:  # a parent abroad already registered, who texts DAFTAR again
        Person.create(phone=ABROAD, name="Sri", role="pmi", village=village)
    answer = sms(client, text, sender=ABROAD)[-1]
    assert "*123#" not in answer and gsm7.fits(answer), answer


# 7. Help names every keyword and the child helpline; Info names the village officer.


def test_the_help_sms_names_every_keyword_and_sapa(client, village):
    answer = sms(client, "halo")[-1]
    for word in ("CEK", "LAPOR", "TOLONG", "ANAK", "DAFTAR", "SAPA 129", "*123#"):
        assert word in answer
    assert gsm7.fits(answer)


def test_info_names_the_village_officer_only_to_registered_people_of_the_village(client, village):
    Person.create(phone="+6281234567890", name="Siti", role="caregiver", village=village)
    phone = Phone(client)
    phone.dial()
    screen = phone.press("5", "3")
    while "98 " in screen.splitlines()[-1]:
        screen += phone.press("98")
    assert "Bu Ani +6281110000001" in screen
    stranger = Phone(client, "+6281299990000")
    stranger.dial()
    assert "Bu Ani" not in stranger.press("5", "3") + stranger.press("98")


# 8. A registration is confirmed by SMS, once.


def test_registration_is_confirmed_by_one_sms(client, village):
    phone = Phone(client)
    phone.dial()
    phone.press(
        "1",
        "3",
        "Siti",
        CODE,
        "1",
        "1",
        "Budi",
        "2015",
        "1",
        "1",
        "Ani",
        "2019",
        "2",
        "2",
        "1234",
        "1234",
        "1",
    )
    phone.resend()
    sent = [
        r.text
        for r in OutboxMessage.select()
        .where(OutboxMessage.to == "+6281234567890")
        .order_by(OutboxMessage.id)
    ]
    assert sent == [
        "Desmigratif: terdaftar sbg pengasuh anak, desa Sumberejo, 2 anak. "
        "Petugas: Bu Ani. Ubah: *123#. Lihat/hapus data: SMS DATA/HAPUS."
    ]


# 10. seed-demo: every menu and keyword can be tried at once.


def test_seed_demo_loads_a_demo_that_works_and_twice_changes_nothing(app, client, restore_rules):
    from gateway.models import Agency, Child, JobOrder, Officer

    runner = app.test_cli_runner()
    first = runner.invoke(args=["seed-demo"])
    assert first.exit_code == 0, first.output
    assert "households: 30 row(s) accepted (27 new people, 30 new children)" in first.output
    counts = (
        Village.select().count(),
        Person.select().count(),
        Child.select().count(),
        Officer.select().count(),
        Agency.select().count(),
        JobOrder.select().count(),
    )
    assert counts == (4, 27, 30, 5, 6, 7)
    again = runner.invoke(args=["seed-demo"])
    assert again.exit_code == 0 and "(0 new people, 0 new children)" in again.output
    assert Person.select().count() == 27
    assert sms(client, "CEK Sinar Harapan Mulya", sender="+6281299999999")[-1].startswith(
        "TIDAK DITEMUKAN: Sinar Harapan Mulya."
    )
    assert runner.invoke(args=["checkins", "start"]).output.endswith(
        ": 30 check-in(s) opened, 20 household(s) prompted.\n"
    )


def test_seed_demo_refuses_a_database_with_real_villages(app, village):
    result = app.test_cli_runner().invoke(args=["seed-demo"])
    assert result.exit_code == 1 and "real village" in result.output
    assert Village.select().count() == 1


def test_seed_demo_refuses_production_and_a_real_registry(make_app, tmp_path):
    from gateway.models import Agency

    production = make_app(ENV="production")
    with production.app_context():
        result = production.test_cli_runner().invoke(args=["seed-demo"])
        assert result.exit_code == 1 and "ENV=production" in result.output
    local = make_app()
    with local.app_context():
        Agency.create(
            licence_no="KEP.1/PK.02/2024",
            name="PT Nyata",
            name_key="NYATA",
            licence_key="KEP1PK022024",
            address="Malang",
            valid_until="2030-01-01",
            status="active",
        )
        result = local.test_cli_runner().invoke(args=["seed-demo"])
        assert result.exit_code == 1 and "1 real agencies" in result.output
        assert Agency.select().count() == 1


def test_info_calls_a_supervisor_standing_in_for_a_village_officer_a_supervisor(app, client):
    """A village with no officer of its own: the screen names the district's supervisor as
    such, in every language, never as 'your village officer'."""
    village = Village.create(
        code="3507102099", name="Sukamaju", district="Malang", province="Jawa Timur"
    )
    add_officer(app, "+6281110000009", "Pak Joko", "--role", "supervisor", "--district", "Malang")
    for n, (lang, said) in enumerate(
        (
            ("id", "Pengawas kabupaten Anda"),
            ("en", "Your district supervisor"),
            ("jv", "Pengawas kabupaten panjenengan"),
        )
    ):
        phone_number = f"+628123456780{n}"
        Person.create(phone=phone_number, name="Siti", role="caregiver", village=village)
        Contact.create(phone=phone_number, language=lang)
        phone = Phone(client, phone_number)
        phone.dial()
        screen = phone.press("5", "3")
        while "98 " in screen.splitlines()[-1]:
            screen += phone.press("98")
        assert f"{said}: Pak Joko +6281110000009" in screen, screen
        assert (
            i18n.text(lang, "info.my_officer", name="", phone="").split(":")[0].strip()
            not in screen
        )
