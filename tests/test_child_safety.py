"""Issue 8: what a family reports is exactly what the officer gets, on every channel, in the
right district, every time. Two districts with their officers, and a village with nobody."""

import threading
from datetime import datetime

import pytest
from flask import current_app

from gateway import alerts, checkin_codes, checkins, escalation, gsm7, i18n
from gateway.flows import FLOW, engine
from gateway.flows.screens import State
from gateway.models import (
    Alert,
    AlertEvent,
    Checkin,
    Child,
    Contact,
    OutboxMessage,
    Person,
    Report,
    RuleItem,
    Village,
)
from tests.conftest import by_name, sms, unpeppered_pin_hash
from tests.ussd_phone import Phone

# Indramayu: Kenanga, with an officer. Bojonegoro: Sumberejo with an officer, Ngasem without.
# Lombok Timur: Sembalun, with nobody at all.
IND_OFFICER, IND_SUPERVISOR = "+6281110000001", "+6281110000002"
BOJ_OFFICER, BOJ_SUPERVISOR = "+6281120000001", "+6281120000002"
SITI, RINA, WATI, YANI = "+6281234500001", "+6281234500002", "+6281234500003", "+6281234500004"
STRANGER, HOTLINE = "+6281299990000", "+6281100009999"
DISTRICT_STAFF = (IND_OFFICER, IND_SUPERVISOR, BOJ_OFFICER, BOJ_SUPERVISOR)


@pytest.fixture
def districts(app):
    villages = {
        "kenanga": Village.create(
            code="3212010001", name="Kenanga", district="Indramayu", province="Jawa Barat"
        ),
        "sumberejo": Village.create(
            code="3522010001", name="Sumberejo", district="Bojonegoro", province="Jawa Timur"
        ),
        "ngasem": Village.create(
            code="3522010002", name="Ngasem", district="Bojonegoro", province="Jawa Timur"
        ),
        "sembalun": Village.create(
            code="5203010001",
            name="Sembalun",
            district="Lombok Timur",
            province="Nusa Tenggara Barat",
        ),
    }
    runner = app.test_cli_runner()
    for phone, name, extra in (
        (IND_OFFICER, "Bu Ani", ["--village", "3212010001", "--pin", "2468"]),
        (IND_SUPERVISOR, "Pak Indra", ["--role", "supervisor", "--district", "Indramayu"]),
        (BOJ_OFFICER, "Pak Joko", ["--village", "3522010001", "--pin", "1357"]),
        (BOJ_SUPERVISOR, "Bu Sri", ["--role", "supervisor", "--district", "Bojonegoro"]),
    ):
        result = runner.invoke(args=["add-officer", "--phone", phone, "--name", name, *extra])
        assert result.exit_code == 0, result.output
    for phone, name, village, child in (
        (SITI, "Siti", "kenanga", "Budi"),
        (RINA, "Rina", "sumberejo", "Dewi"),
        (WATI, "Wati", "ngasem", "Eka"),
        (YANI, "Yani", "sembalun", "Fajar"),
    ):
        person = Person.create(
            phone=phone,
            name=name,
            role="caregiver",
            village=villages[village],
            pin_hash=unpeppered_pin_hash("1234"),
        )
        Child.create(caregiver=person, name=child, birth_year=2015, in_school=True)
    return villages


def texts_to(phone, after=0):
    return [
        r.text
        for r in OutboxMessage.select()
        .where((OutboxMessage.to == phone) & (OutboxMessage.id > after))
        .order_by(OutboxMessage.id)
    ]


def start_round(app):
    return app.test_cli_runner().invoke(args=["checkins", "start"]).output.strip()


def staff_messages():
    return {phone: texts_to(phone) for phone in DISTRICT_STAFF if texts_to(phone)}


# 1. One table of codes, shown and read the same on every channel.


def screen_lines(screen_id, lang, data=None):
    """Every line of every page of a USSD screen, as the phone shows them."""
    state = State(phone=SITI, lang=lang, screen=screen_id, history=["root"], data=data or {})
    lines = []
    for page in range(len(engine.pages(FLOW, state))):
        state.page = page
        lines += engine.render(FLOW, state).text.split("\n")
    return lines


@pytest.mark.parametrize("lang", ["id", "en", "jv"])
def test_every_channel_shows_the_same_codes(app, lang):
    codes = checkin_codes.code_lines(lang)
    assert [line for line in screen_lines("kabar.problem", lang) if line in codes] == codes
    assert checkin_codes.code_list(lang) in checkin_codes.codes_sms(lang)  # prompt, correction
    info = screen_lines("info.child", lang, {"problem_codes": "\n".join(codes)})
    assert [line for line in info if line in codes] == codes
    assert [line.split(" ", 1)[0] for line in codes] == [str(c) for c in range(1, 9)]


@pytest.mark.parametrize("code", sorted(checkin_codes.PROBLEMS))
def test_every_code_means_the_same_by_sms_and_by_ussd(app, client, districts, code):
    start_round(app)
    sms(client, f"1 1 1 1 {code}", sender=SITI)  # Budi, by SMS
    phone = Phone(client, RINA)
    phone.dial()
    phone.press("3", "1234", "1", "1", "1", "1", "1", str(code))  # Dewi, by USSD
    by_channel = {Child.get_by_id(a.child_id).name: a.category for a in Alert.select()}
    expected = checkin_codes.PROBLEMS[code]
    assert by_channel == ({"Budi": expected, "Dewi": expected} if expected else {})
    budi = Checkin.get(Checkin.child == by_name(Child, "Budi"))
    dewi = Checkin.get(Checkin.child == by_name(Child, "Dewi"))
    assert budi.problem == dewi.problem == code


def test_what_ussd_teaches_is_what_sms_reads(app, client, districts):
    start_round(app)
    sms(client, "11111", sender=SITI)  # "1 Tidak ada" on the USSD menu: all is well
    sms(client, "2 1 1 1 3", sender=RINA)  # "3 Rencana nikah": a marriage plan
    assert [(a.category, a.village.name) for a in Alert.select().order_by(Alert.category)] == [
        ("marriage", "Sumberejo"),
        ("out_of_school", "Sumberejo"),
    ]


# 3. A red-flag answer says who was told and where to call.


@pytest.mark.parametrize(
    "text",
    [
        "11114.",
        "1 1 1 1 4 dipukul bapake",
        "1-1-1-1-4!",
        " 1,1,1,1,4 ",
        "0 0 0 0 4",
        "1 2 1 1 4 tlg",
    ],
)
def test_a_red_flag_answer_with_more_than_its_digits_still_opens_the_case(
    app, client, districts, text
):
    start_round(app)
    replies = sms(client, text, sender=SITI)
    assert [(a.category, Child.get_by_id(a.child_id).name) for a in Alert.select()] == [
        ("violence", "Budi")
    ]
    assert "SAPA 129" in replies[0] and "Bu Ani" in replies[0]


def test_two_childrens_answers_in_one_sms_are_read_oldest_first(app, client, districts):
    siti = Person.get(Person.phone == SITI)
    Child.create(caregiver=siti, name="Cici", birth_year=2019, in_school=True)
    start_round(app)
    replies = sms(client, "11111 11113", sender=SITI)  # Budi (2015) all well, Cici (2019) not
    assert [(a.category, Child.get_by_id(a.child_id).name) for a in Alert.select()] == [
        ("marriage", "Cici")
    ]
    assert "2019" in replies[0] and "Bu Ani" in replies[0]
    assert Checkin.select().where(Checkin.status == "answered").count() == 2


def test_children_born_the_same_year_are_told_apart_by_their_initials(app, client, districts):
    siti = Person.get(Person.phone == SITI)  # Budi, 2015; his twin and a cousin
    Child.create(caregiver=siti, name="Bagus", birth_year=2015, in_school=True)
    Child.create(caregiver=siti, name="Cici", birth_year=2019, in_school=True)
    start_round(app)
    prompt = texts_to(SITI)[0]
    assert "lahir 2015 (Bu) lalu 2015 (Ba), 2019?" in prompt  # the order answers are read in
    replies = sms(client, "11111", sender=SITI)
    assert "(lahir 2015 (Bu))" in replies[0] and "(lahir 2015 (Ba))" in replies[0]
    flagged, after = sms(client, "11113", sender=SITI)
    assert [(a.category, Child.get_by_id(a.child_id).name) for a in Alert.select()] == [
        ("marriage", "Bagus")
    ]
    assert "lahir 2015 (Ba)" in flagged and "Bu Ani" in flagged and "(lahir 2019)" in after


@pytest.mark.parametrize(
    "text",
    [
        "1 1 1 1 kode 4",
        "sekolah 1 sehat 1 senang 1 kontak 1 masalah 4",
        "1 1 1 1 (4)",
        "1 1 1 1 code: 4",
    ],
)
def test_digits_written_with_the_questions_names_are_an_answer(app, client, districts, text):
    start_round(app)
    assert "Bu Ani" in sms(client, text, sender=SITI)[0]
    assert [a.category for a in Alert.select()] == ["violence"]
    assert Checkin.select().where(Checkin.status == "answered").count() == 1


@pytest.mark.parametrize(
    "text, category",
    [("4 Kekerasan", "violence"), ("kode 4", "violence"), ("Rencana nikah.", "marriage"),
     ("5 Ical/minggat", "missing"), ("Sekolah libur 2 minggu", None)],
)  # fmt: skip
def test_a_problem_named_without_its_digits_is_reported_and_the_answer_asked_again(
    app, client, districts, text, category
):
    start_round(app)
    replies = sms(client, text, sender=SITI)
    assert [(a.category, a.child_id) for a in Alert.select()] == (
        [(category, by_name(Child, "Budi").id)] if category else []
    )
    assert replies[-2:] == [i18n.text("id", "checkin.correction"), checkin_codes.codes_sms("id")]
    assert ("Bu Ani" in replies[0]) == bool(category)
    assert Checkin.select().where(Checkin.status == "answered").count() == 0


@pytest.mark.parametrize("text", ["1 1 1 1 9", "111111", "3 1 1 1 1"])
def test_an_answer_that_cannot_be_read_is_asked_again_as_unreadable(app, client, districts, text):
    start_round(app)
    replies = sms(client, text, sender=SITI)
    assert replies == [i18n.text("id", "checkin.correction"), checkin_codes.codes_sms("id")]
    assert "tidak terbaca" in replies[0] and Alert.select().count() == 0


def test_words_for_an_answer_are_shown_how_to_answer(app, client, districts):
    """'ya semua baik' (yes, all well) with a check-in waiting: how to answer, and the codes;
    no check-in waiting: the keyword list."""
    assert sms(client, "ya semua baik", sender=SITI)[0].startswith("Desmigratif: CEK")
    start_round(app)
    replies = sms(client, "ya semua baik", sender=SITI)
    assert replies == [i18n.text("id", "checkin.correction"), checkin_codes.codes_sms("id")]
    assert Alert.select().count() == 0


def test_words_of_danger_after_an_all_well_answer_are_a_report(app, client, districts):
    start_round(app)
    replies = sms(client, "1 1 1 1 1 tapi anak saya dipukul", sender=SITI)
    assert Checkin.get(Checkin.child == by_name(Child, "Budi")).status == "answered"
    assert [a.category for a in Alert.select()] == ["violence"]
    assert any("SAPA 129" in reply for reply in replies)


@pytest.mark.parametrize(
    "sender, text",
    [
        (SITI, "1/12/21 HP saya hilang di pasar"),
        (STRANGER, "12 12 1 jam, motor saya dicuri, dompet hilang"),
        (SITI, "2-11-21 kumpul di balai desa"),
    ],
)
def test_a_date_or_time_first_is_no_answer_and_no_case(app, client, districts, sender, text):
    start_round(app)
    sms(client, text, sender=sender)
    assert Alert.select().count() == 0
    assert Checkin.select().where(Checkin.status == "answered").count() == 0


def test_words_of_a_danger_the_digits_did_not_say_are_reported_too(app, client, districts):
    start_round(app)
    sms(client, "2 1 1 1 1 anak saya dipukul", sender=SITI)  # out of school, and violence
    assert sorted(a.category for a in Alert.select()) == ["out_of_school", "violence"]


def test_words_of_danger_about_no_child_after_the_digits_open_nothing(app, client, districts):
    start_round(app)
    sms(client, "1 1 1 1 1 maaf telat, HP saya hilang", sender=SITI)  # my phone was lost
    assert Alert.select().count() == 0


def test_digits_and_words_with_no_check_in_waiting_are_one_case(app, client, districts):
    sms(client, "11114 anak saya dipukul", sender=SITI)
    assert [(a.category, Child.get_by_id(a.child_id).name) for a in Alert.select()] == [
        ("violence", "Budi")
    ]


def test_a_typo_in_the_second_childs_digits_still_reports_her_danger(app, client, districts):
    siti = Person.get(Person.phone == SITI)
    Child.create(caregiver=siti, name="Cici", birth_year=2019, in_school=True)
    start_round(app)
    replies = sms(client, "11111 11104", sender=SITI)
    assert [(a.category, Child.get_by_id(a.child_id).name) for a in Alert.select()] == [
        ("violence", "Cici")
    ]
    assert "SAPA 129" in replies[0] and replies[1] == i18n.text("id", "checkin.correction")


@pytest.mark.parametrize(
    "text, category",
    [
        ("11111 1 1 2 1 4", "violence"),  # one child's digits together, the other's spaced
        ("11111 1-1-2-1-4! dipukul bapake", "violence"),  # dashes, a "!" and words
        ("1 1 1 1 1 11213", "marriage"),
        ("11111 0 0 0 0 4", "violence"),  # unreadable, but the fifth digit still says it
    ],
)
def test_two_childrens_digits_written_in_two_ways_still_report_the_danger(
    app, client, districts, text, category
):
    siti = Person.get(Person.phone == SITI)
    Child.create(caregiver=siti, name="Cici", birth_year=2019, in_school=True)
    start_round(app)
    replies = sms(client, text, sender=SITI)
    assert [(a.category, Child.get_by_id(a.child_id).name) for a in Alert.select()] == [
        (category, "Cici")
    ]
    assert "SAPA 129" in " ".join(replies)


def test_answers_for_more_children_than_wait_are_not_guessed(app, client, districts):
    siti = Person.get(Person.phone == SITI)
    Child.create(caregiver=siti, name="Cici", birth_year=2019, in_school=True)
    start_round(app)
    sms(client, "11111", sender=SITI)  # Budi's, the oldest
    replies = sms(client, "11111 11114", sender=SITI)  # both again: which is Cici's?
    cici = Checkin.get(Checkin.child == by_name(Child, "Cici"))
    assert cici.status == "open"  # nothing stored on a child it may not be about
    assert [(a.category, a.child_id) for a in Alert.select()] == [("violence", None)]
    assert replies[-1] == i18n.text("id", "checkin.which", count="1", years="2019")


def test_a_red_flag_answer_says_the_officer_was_told(app, client, districts):
    start_round(app)
    answer = sms(client, "2 1 2 2 3", sender=RINA)
    assert answer == [
        i18n.text("id", "checkin.thanks_flagged", year=2015, officer="petugas desa Pak Joko")
    ]
    assert "SAPA 129" in answer[0] and "08111-129-129" in answer[0]
    assert sms(client, "1 1 1 1 1", sender=SITI) == [i18n.text("id", "checkin.thanks", year=2015)]


# 2. Danger outside a check-in.


@pytest.mark.parametrize(
    "text",
    [
        "TOLONG anak saya dipukul bapak tirinya",
        "tolong anak saya dipukul bapak tirinya",
        "TOLONK anak saya dipukul",
        "Tulung lare kula dipunpukul bapak tirine",
    ],
)
def test_tolong_opens_a_case_for_the_village_officer(app, client, districts, text):
    answer = sms(client, text, sender=RINA)
    report = Report.get()
    alert = Alert.get(Alert.ref == report.ref)
    assert (report.kind, report.reporter, alert.category, alert.urgent) == (
        "child",
        RINA,
        "violence",
        True,
    )
    assert alert.child_id == by_name(Child, "Dewi").id  # Rina cares for Dewi only
    assert len(answer) == 1 and answer[0].startswith(
        f"Laporan {report.ref} diteruskan ke petugas desa Pak Joko"
    )
    assert "SAPA 129" in answer[0]
    sent = staff_messages()
    assert list(sent) == [BOJ_OFFICER]  # nobody of another district
    assert sent[BOJ_OFFICER][0].startswith(
        f"KASUS {report.ref}: kekerasan pada anak, MENDESAK, desa Sumberejo"
    )
    for private in ("Dewi", "Rina", "tiri", RINA):
        assert private not in sent[BOJ_OFFICER][0]


@pytest.mark.parametrize(
    "text",
    ["Dewi mau dinikahkan", "LAPOR Dewi dipukul bapaknya", "tlg dewi hilang sejak kemarin"],
)
def test_words_of_danger_naming_the_child_are_her_case(app, client, districts, text):
    answer = sms(client, text, sender=RINA)
    alert = Alert.get()
    assert alert.child_id == by_name(Child, "Dewi").id and alert.urgent
    assert Report.get().kind == "child" and "SAPA 129" in answer[0]
    assert "Dewi" not in " ".join(staff_messages()[BOJ_OFFICER])


@pytest.mark.parametrize(
    "text", ["TOLONG anak tetangga dipukul ayahnya", "tolong ada anak dipukul di warung"]
)
def test_a_report_about_another_child_is_not_filed_on_the_reporters_own(
    app, client, districts, text
):
    sms(client, text, sender=RINA)  # Rina cares for Dewi only: this is another child
    alert = Alert.get()
    assert alert.child_id is None and alert.village.name == "Sumberejo"


def test_a_grown_man_sharing_a_childs_name_is_no_childs_case(app, client, districts):
    sms(client, "LAPOR Pak Budi merekrut orang kerja ke Malaysia, minta uang 5 juta", sender=SITI)
    assert [r.kind for r in Report.select()] == ["broker"]
    assert all(a.child_id is None for a in Alert.select())


def test_a_child_is_found_by_any_word_of_her_name_as_typed_plainly(app, client, districts):
    rina = Person.get(Person.phone == RINA)
    Child.delete().where(Child.caregiver == rina).execute()
    for name, year in (("Siti Aminah", 2012), ("Siti Nurhaliza", 2014), ("Dédé", 2016)):
        Child.create(caregiver=rina, name=name, birth_year=year, in_school=True)
    sms(client, "Aminah mau dinikahkan", sender=RINA)
    sms(client, "tolong Dede dipukul", sender=RINA)
    sms(client, "tolong anak tetangga, putri pak Karyo, dipukul ayahnya", sender=RINA)
    named = [a.child_id and Child.get_by_id(a.child_id).name for a in Alert.select()]
    assert named == ["Siti Aminah", "Dédé", None]


def test_a_shared_phone_reports_to_the_childs_village_not_the_first_registered(
    app, client, districts
):
    # Rina's neighbour from Indramayu registered on Rina's phone first (a calon PMI, no
    # children): Dewi's case is still Sumberejo's, in Bojonegoro, and Indramayu hears nothing.
    rina = Person.get(Person.phone == RINA)
    Child.delete().where(Child.caregiver == rina).execute()
    rina.delete_instance()
    Person.create(phone=RINA, name="Tetangga", role="calon_pmi", village=districts["kenanga"])
    rina = Person.create(phone=RINA, name="Rina", role="caregiver", village=districts["sumberejo"])
    Child.create(caregiver=rina, name="Dewi", birth_year=2015, in_school=True)
    answer = sms(client, "TOLONG anak saya dipukul", sender=RINA)
    alert = Alert.get()
    assert alert.village.name == "Sumberejo" and alert.child_id == by_name(Child, "Dewi").id
    assert list(staff_messages()) == [BOJ_OFFICER]
    assert "petugas desa Pak Joko" in answer[0]


def test_tolong_from_a_stranger_goes_to_the_hotline(make_app, districts):
    app = make_app(ALERT_FALLBACK_PHONE=HOTLINE)
    with app.app_context():
        answer = sms(app.test_client(), "TOLONG anak tetangga hilang", sender=STRANGER)
        alert = Alert.get()
        assert (alert.category, alert.village, alert.state) == ("missing", None, "opened")
        assert staff_messages() == {}
        assert texts_to(HOTLINE)[0].startswith(f"KASUS {alert.ref}: anak hilang, MENDESAK")
        assert "petugas Desmigratif" in answer[0] and "SAPA 129" in answer[0]


def test_tolong_from_a_stranger_naming_a_village_code_goes_to_that_village(app, client, districts):
    sms(client, "TLONG 3522010001 anak dinikahkan", sender=STRANGER)
    alert = Alert.get()
    assert (alert.category, alert.village.name) == ("marriage", "Sumberejo")
    assert list(staff_messages()) == [BOJ_OFFICER]


def test_an_officers_own_tolong_is_a_case_of_the_officers_village(app, client, districts):
    answer = sms(client, "TOLONG anak tetangga dipukul ayahnya", sender=BOJ_OFFICER)
    alert = Alert.get()
    assert alert.village.name == "Sumberejo" and alert.child_id is None
    # The officer is not told of their own report, nor that they will call themselves: it
    # goes to their district's supervisor, whom the answer names.
    assert answer == [
        f"Laporan {alert.ref} diteruskan ke pengawas Bu Sri, yang akan menghubungi Anda. "
        "Anak dalam bahaya: telepon SAPA 129, WA 08111-129-129."
    ]
    assert list(staff_messages()) == [BOJ_OFFICER, BOJ_SUPERVISOR]
    assert texts_to(BOJ_SUPERVISOR)[0].startswith(f"KASUS {alert.ref}: kekerasan pada anak")
    # The officer sees it, as a case of their village, but those told act on it: never
    # acknowledged or closed by the one who reported it.
    for text in (f"OK {alert.ref}", f"SELESAI {alert.ref} sudah beres"):
        assert sms(client, text, sender=BOJ_OFFICER) == [
            i18n.text("id", "officer.own_report", ref=alert.ref)
        ]
    assert Alert.get_by_id(alert.id).state == "opened"  # nobody has acted yet
    assert "Anda tangani" in sms(client, f"OK {alert.ref}", sender=BOJ_SUPERVISOR)[0]


def test_a_supervisors_own_tolong_goes_to_the_village_it_names(app, client, districts):
    answer = sms(client, "TOLONG anak tetangga dipukul ayahnya", sender=BOJ_SUPERVISOR)
    first = Alert.get()
    assert first.village is None and staff_messages() == {BOJ_SUPERVISOR: answer}
    assert answer == [i18n.text("id", "tolong.which_village", ref=first.ref)]
    assert "TOLONG desa <nama desa> <kabar>" in answer[0] and "SAPA 129" in answer[0]
    # No "desa" and no such village: asked again.
    assert (
        "Di desa mana" in sms(client, "TOLONG ada anak dipukul di pasar", sender=BOJ_SUPERVISOR)[0]
    )
    # A village of the supervisor's district by "desa" and its name, or by its code.
    for text in ("TOLONG ada anak dipukul di desa Sumberejo", "TOLONG 3522010001 anak dipukul"):
        again = sms(client, text, sender=BOJ_SUPERVISOR)
        case = Alert.select().order_by(Alert.id.desc()).get()
        assert case.village.name == "Sumberejo" and "petugas desa Pak Joko" in again[0]
        assert texts_to(BOJ_OFFICER)[-1].startswith(f"KASUS {case.ref}: kekerasan pada anak")


@pytest.mark.parametrize(
    "text, village",
    [
        ("tolong anak tetangga di desa Ngasem mau dinikahkan", "Ngasem"),
        ("TOLONG ds. sumberejo anak dipukul", "Sumberejo"),
        ("HELP my son was beaten in village Ngasem", "Ngasem"),
        ("HELP a child in Ngasem village is being beaten", "Ngasem"),
        ("TOLONG anak di Ngasem dipukul", None),  # no "desa": a word, not surely the village
        ("TOLONG anak di desa Kenangan dipukul", None),  # no such village
    ],
)
def test_a_strangers_report_goes_to_the_village_it_names(app, client, districts, text, village):
    answer = sms(client, text, sender=STRANGER)
    case = Alert.get()
    assert (case.village.name if case.village else None) == village
    if village is None:  # nobody to tell: asked which village, and to call SAPA 129 now
        assert answer == [i18n.text("id", "tolong.which_village", ref=case.ref)]
    else:  # answered in the language it was written in (HELP: English)
        told = ("diteruskan ke petugas desa", "pengawas", "passed to supervisor")
        assert any(words in answer[0] for words in told), answer[0]


def test_tolong_alone_is_still_a_case(app, client, districts):
    sms(client, "TOLONG", sender=SITI)
    assert [(a.category, a.urgent, a.village.name) for a in Alert.select()] == [
        ("danger", True, "Kenanga")
    ]
    assert list(staff_messages()) == [IND_OFFICER]


def test_a_familys_words_of_danger_are_a_report(app, client, districts):
    answer = sms(client, "anak saya mau dinikahkan minggu depan", sender=SITI)
    alert = Alert.get()
    assert (alert.category, alert.village.name) == ("marriage", "Kenanga")
    assert "petugas desa Bu Ani" in answer[0]
    assert Report.get().text == "anak saya mau dinikahkan minggu depan"


def test_a_strangers_words_of_danger_are_a_report_too(make_app, districts):
    app = make_app(ALERT_FALLBACK_PHONE=HOTLINE)
    with app.app_context():
        answer = sms(app.test_client(), "Anak tetangga dipukul tiap malam", sender=STRANGER)
        assert Alert.get().category == "violence" and len(texts_to(HOTLINE)) == 1
        assert "SAPA 129" in answer[0]


def test_the_help_names_tolong(app, client, districts):
    answer = sms(client, "halo", sender=STRANGER)
    assert answer == [i18n.text("id", "sms.help", ussd_code="*123#", help="KP2MI 0800-1000")]
    assert "TOLONG" in answer[0] and Alert.select().count() == 0


def test_a_problem_code_after_the_round_was_answered_is_a_report(app, client, districts):
    start_round(app)
    sms(client, "1 1 1 1 1", sender=SITI)
    assert Alert.select().count() == 0
    answer = sms(client, "1 1 1 2 2", sender=SITI)  # a week later than the answer
    alert = Alert.get()
    assert (alert.category, alert.village.name, alert.urgent) == ("bullying", "Kenanga", False)
    assert "petugas desa Bu Ani" in answer[0]
    # All well again, or sent twice: she hears her answer is not lost, not the keyword list;
    # a danger word about no child ("my phone is lost") opens nothing.
    for again in ("1 1 1 1 1", "11111 sudah", "11111 HP saya hilang"):
        assert sms(client, again, sender=SITI) == [i18n.text("id", "checkin.none_waiting")]
    assert Alert.select().count() == 1


def test_a_problem_code_with_words_and_no_check_in_waiting_is_a_case_with_the_words(
    app, client, districts
):
    start_round(app)
    sms(client, "1 1 1 1 1", sender=SITI)
    answer = sms(client, "1 1 1 1 5 Budi ora mulih wis 2 dina", sender=SITI)
    alert = Alert.get()
    assert (alert.category, alert.urgent, Child.get_by_id(alert.child_id).name) == (
        "missing",
        True,
        "Budi",
    )
    assert "petugas desa Bu Ani" in answer[0]
    words = [e.note for e in alerts.family_words(alert)]
    assert words == ["Budi ora mulih wis 2 dina"]
    assert "Budi" not in " ".join(texts_to(IND_OFFICER))  # the SMS names no child


def test_operators_edit_the_danger_words(app, client, districts, restore_rules, tmp_path):
    path = tmp_path / "rules.csv"
    path.write_text(
        "kind,value,note\ndanger_word,Dipaksa,recruitment\n"
        "danger_word,dipukul,violence\ndanger_word,sedih,sad\n"
    )
    result = app.test_cli_runner().invoke(args=["import-rules", str(path)])
    assert "line 4, column note" in result.output and "nothing changed" in result.output
    sms(client, "anak saya hilang", sender=RINA)  # a typo never switches the words off
    assert Alert.select().count() == 1
    path.write_text(
        "kind,value,note\ndanger_word,Dipaksa,recruitment\ndanger_word,dipukul,violence\n"
    )
    in_force = RuleItem.select().where(RuleItem.kind == "danger_word").count()
    result = app.test_cli_runner().invoke(args=["import-rules", str(path)])
    # The file replaces the danger words whole: the report says how many defaults went (all
    # but "dipukul", which the file keeps).
    assert result.output.splitlines()[0] == (
        f"2 row(s) accepted (1 new rules, {in_force - 1} removed), 0 refused."
    )
    sms(client, "anak saya dipaksa kerja di kota", sender=SITI)
    assert Alert.select().order_by(Alert.id.desc()).get().category == "recruitment"
    sms(client, "anak saya hilang", sender=YANI)  # no longer a danger word
    assert Alert.select().count() == 2


# 4. The right district, or the hotline; never another district's staff.


def test_a_village_without_an_officer_goes_to_its_own_supervisor(app, client, districts, now):
    start_round(app)
    answer = sms(client, "1 1 1 1 4", sender=WATI)  # Ngasem, Bojonegoro: no village officer
    assert list(staff_messages()) == [BOJ_SUPERVISOR]
    assert "teruskan ke pengawas " in answer[0] and "petugas desa" not in answer[0]
    now.advance(minutes=121)
    assert "Escalated 1" in app.test_cli_runner().invoke(args=["alerts", "escalate"]).output
    assert list(staff_messages()) == [BOJ_SUPERVISOR]  # escalation stays in the district


def test_escalation_reaches_only_the_districts_supervisor(app, client, districts, now):
    start_round(app)
    sms(client, "1 1 1 1 4", sender=RINA)
    now.advance(minutes=121)
    app.test_cli_runner().invoke(args=["alerts", "escalate"])
    sent = staff_messages()
    assert sorted(sent) == sorted([BOJ_OFFICER, BOJ_SUPERVISOR])
    assert sent[BOJ_SUPERVISOR][0].startswith("ESKALASI")
    # Opened at 10:00 in Bojonegoro (03:00 UTC): said as the supervisor reads the clock.
    assert "sejak 25-11 10:00 WIB" in sent[BOJ_SUPERVISOR][0]
    officer_sms = sent[BOJ_OFFICER][0]
    assert officer_sms.endswith(f"Detail: INFO {Alert.get().ref} PIN Anda.")


def test_a_village_with_nobody_uses_the_hotline_or_waits_on_the_dashboard(
    make_app, districts, caplog
):
    for hotline in ("", HOTLINE):
        app = make_app(ALERT_FALLBACK_PHONE=hotline)
        with app.app_context():
            checkins.open_due(current_app.config)
            sms(app.test_client(), "1 1 1 1 4", sender=YANI)
            assert staff_messages() == {}
            assert Alert.get().state == "opened"
            assert len(texts_to(HOTLINE)) == (1 if hotline else 0)
            Alert.delete().execute()
            Checkin.delete().execute()
    assert "kept open for the dashboard" in caplog.text


def test_an_officer_cannot_act_on_another_districts_case(app, client, districts):
    start_round(app)
    sms(client, "1 1 1 1 4", sender=RINA)
    ref = Alert.get().ref
    for phone in (IND_OFFICER, IND_SUPERVISOR):
        assert sms(client, f"OK {ref}", sender=phone) == [
            i18n.text("id", "officer.unknown_ref", ref=ref)
        ]
    assert Alert.get().state == "opened"


# 5. A case taken by an officer sends nothing more.


def test_acknowledging_cancels_the_cases_unsent_sms(app, client, districts, now, run_jobs):
    now.value = datetime(2026, 11, 25, 15, 0)  # 22:00 in Java: non-urgent alerts wait
    start_round(app)
    sms(client, "1 1 1 1 2", sender=RINA)  # bullying: not urgent
    alert = Alert.get()
    waiting = OutboxMessage.get(OutboxMessage.alert_id == alert.id)
    assert waiting.not_before == datetime(2026, 11, 26, 1, 0)
    sms(client, f"SELESAI {alert.ref} sudah bicara dengan sekolah", sender=BOJ_OFFICER)
    assert OutboxMessage.get_by_id(waiting.id).status == "cancelled"
    now.value = datetime(2026, 11, 26, 1, 0)
    run_jobs(release_scheduled=True)
    assert OutboxMessage.get_by_id(waiting.id).status == "cancelled"
    assert texts_to(BOJ_OFFICER)[-1] == i18n.text("id", "officer.closed", ref=alert.ref)


def test_acknowledging_after_escalation_cancels_the_escalation_sms(app, client, districts, now):
    start_round(app)
    sms(client, "1 1 1 1 2", sender=RINA)
    now.advance(days=1, minutes=1)
    now.value = now.value.replace(hour=15)  # 22:00 in Java: the escalation waits
    app.test_cli_runner().invoke(args=["alerts", "escalate"])
    escalation = OutboxMessage.get(OutboxMessage.to == BOJ_SUPERVISOR)
    assert escalation.status == "queued" and escalation.not_before is not None
    ref = Alert.get().ref
    sms(client, f"OK {ref}", sender=BOJ_OFFICER)
    assert OutboxMessage.get_by_id(escalation.id).status == "cancelled"


# 6. Officers read the whole report.


def test_info_gives_the_whole_report_in_numbered_sms(app, client, districts):
    story = ("tolong anak saya Dewi dipukul bapak tirinya setiap malam, " * 6).strip()
    sms(client, "TOLONG " + story, sender=RINA)
    ref = Report.get().ref
    parts = sms(client, f"INFO {ref} 1357", sender=BOJ_OFFICER)
    assert len(parts) > 2 and all(gsm7.fits(part) for part in parts)
    assert [p.split(" ", 1)[0] for p in parts] == [
        f"{i}/{len(parts)}" for i in range(1, len(parts) + 1)
    ]
    whole = " ".join(p.split(" ", 1)[1] for p in parts)
    assert whole.startswith(f"INFO {ref}: kekerasan pada anak. Anak Dewi (2015)")
    assert whole.endswith(f"Pelapor {RINA}, desa Sumberejo: {story}")
    assert AlertEvent.get(AlertEvent.state == "info").actor == BOJ_OFFICER


def test_what_a_family_writes_with_its_digits_reaches_the_officer(app, client, districts):
    start_round(app)
    sms(client, "2 1 1 1 4 dipukul bapak tirinya", sender=RINA)  # one more danger: none new
    sms(client, "Dewi dipukul lagi tadi malam", sender=RINA)  # the same danger: the same case
    case = Alert.get(Alert.category == "violence")
    assert Alert.select().where(Alert.category == "violence").count() == 1
    whole = " ".join(
        p.split(" ", 1)[1] for p in sms(client, f"INFO {case.ref} 1357", sender=BOJ_OFFICER)
    )
    assert f'Tambahan dari {RINA}: "dipukul bapak tirinya".' in whole
    assert f'Tambahan dari {RINA}: "Dewi dipukul lagi tadi malam".' in whole


def test_a_parent_abroad_naming_their_child_opens_the_childs_case(app, client, districts):
    parent = "+85291230007"
    Person.create(phone=parent, name="Sri", role="pmi", village=districts["kenanga"])
    Child.update(parent_phone=parent).where(
        Child.caregiver == Person.get(Person.phone == RINA)
    ).execute()
    answer = sms(client, "Dewi dipukul pakdhe", sender=parent)
    sms(client, "anak saya ditelantarkan", sender=parent)  # "my child": the only one
    assert [(a.child_id, a.village.name) for a in Alert.select().order_by(Alert.id)] == [
        (by_name(Child, "Dewi").id, "Sumberejo"),  # the child's village, not the parent's
        (by_name(Child, "Dewi").id, "Sumberejo"),
    ]
    assert "Pak Joko" in answer[0] and "SAPA +62 8111-129-129" in answer[0]  # from abroad


def test_a_strangers_report_names_the_officer_of_the_village_it_went_to(app, client, districts):
    answer = sms(client, "TOLONG 3522010001 anak tetangga dipukul", sender=STRANGER)
    assert "petugas desa Pak Joko" in answer[0]


@pytest.mark.parametrize(
    "text, case",
    [
        ("My son wants to be a soldier", None),
        ("anak saya datang ke nikahan sepupu", None),
        ("anak saya mau dinikahkan", "marriage"),
        ("anak saya mau nikahkan sama juragan", "marriage"),
        ("my daughter was kicked and beaten", "violence"),
        ("anak saya dipukuli", "violence"),
        # Danger in several words (a rule of up to four words, each with its suffixes).
        ("anak sy gk pulang 2 hari", "missing"),
        ("anak saya tidak pulang-pulang", "missing"),
        ("anak saya pulang sekolah jam 2", None),
        ("My daughter didn't come home", "missing"),
        ("anakku ora mulih wis rong dina", "missing"),
        ("anak saya dipaksa kerja di kota", "recruitment"),
        ("my son was forced to work", "recruitment"),
        ("anak saya di jewer gurunya", "violence"),
        ("anak saya digampar bapaknya", "violence"),
        ("my child is left alone without food", "no_caregiver"),
        ("anak kula dipunpeksa nyambut damel", "recruitment"),
        # A greeting or a title before it, slang and Javanese (from the child-safety walk).
        ("Pak, anak tetangga dipukuli", "violence"),
        ("Bu anak saya dipukuli", "violence"),
        ("Bu, putra kula dipun pukul kaliyan bapakipun", "violence"),
        ("Mas Yoga dipukuli preman", None),  # a grown man
        ("anakq dipukuli bapaknya", "violence"),
        ("ank sy gk plg2 dr kmrn", "missing"),
        ("lare kula dereng kondur saking wingi", "missing"),
        ("anak saya hilang kontak sejak kemarin", "missing"),
        ("anakku dikon nyambut gawe", "recruitment"),
        ("anakku ditinggal dewekan ora dipangani", "no_caregiver"),
        ("anakku diece kanca-kancane saben dina", "bullying"),
        ("anak saya dipaksa menikah", "marriage"),
        # Something else lost, a grown child's wedding: no case.
        ("HP anak saya hilang di sekolah", None),
        ("anak saya hilang semangat belajar", None),
        ("anak pertama saya menikah bulan depan, umurnya 27", None),
        ("hpku ilang, anakku ora iso telpon bapake", None),
        ("anak kucing saya hilang dari kemarin", None),
        ("anak2 nangis semalam, timnas dihajar 5-0 sama Jepang", None),
        ("anak saya dihajar preman 5 orang", "violence"),
        ("anak saya dihajar 2-3 orang", "violence"),
        ("Persib dihajar Persija 3-0, anak saya sampai nangis", None),
        ("My grandson ran away", "missing"),
    ],
)
def test_a_danger_word_is_a_word_or_its_forms_not_any_word_it_starts(
    app, client, districts, text, case
):
    sms(client, text, sender=RINA)
    assert [a.category for a in Alert.select()] == ([case] if case else [])


@pytest.mark.parametrize("sender", [RINA, STRANGER])
def test_words_about_a_child_with_no_danger_word_say_how_to_report(app, client, districts, sender):
    # No check-in waits and no word of danger: not the keyword list, but how to reach the
    # village officer if the child is in danger.
    assert sms(client, "anak saya takut pulang, menangis terus", sender=sender) == [
        i18n.text("id", "sms.about_a_child")
    ]
    assert Alert.select().count() == 0
    abroad = sms(client, "my child cries every night", sender="+60123456789")
    assert abroad == [i18n.text("en", "sms.about_a_child_abroad")]  # as written: English
    assert sms(client, "halo", sender=sender)[0].startswith("Desmigratif: CEK agensi")


def test_words_in_english_are_answered_in_english_unless_a_language_was_chosen(
    app, client, districts
):
    from gateway import contacts

    english = sms(client, "My daughter was beaten by her uncle", sender=RINA)
    assert english[0].startswith("Report ") and "village officer Pak Joko" in english[0]
    contacts.set_language(RINA, "id")
    chosen = sms(client, "my daughter was kicked by her uncle", sender=RINA)
    assert chosen[0].startswith("Laporan ")
    assert sms(client, "anak saya dipukul", sender=SITI)[0].startswith("Laporan ")


def test_a_date_alone_is_no_answer_and_no_case(app, client, districts):
    start_round(app)
    replies = sms(client, "1/12/24", sender=SITI)
    assert Alert.select().count() == 0
    assert replies == [i18n.text("id", "checkin.correction"), checkin_codes.codes_sms("id")]


@pytest.mark.parametrize(
    "text",
    [
        "Cici 1 1 1 1 3, Dewi 1 1 1 1 1",
        "Cici: 1-1-1-1-3 / Dewi: 1-1-1-1-1",
        "1 1 1 1 1 Dewi, 1 1 1 1 3 Cici",  # each name after its answer
    ],
)
def test_answers_each_after_a_childs_name_are_that_childs(app, client, districts, text):
    rina = Person.get(Person.phone == RINA)  # Dewi 2015; Cici 2019
    Child.create(caregiver=rina, name="Cici", birth_year=2019, in_school=True)
    start_round(app)
    sms(client, text, sender=RINA)
    assert [(a.category, Child.get_by_id(a.child_id).name) for a in Alert.select()] == [
        ("marriage", "Cici")
    ]


@pytest.mark.parametrize(
    "twin, other, said, labels",
    [
        ("Nur Aida", "Nur Aini", "Nur Aida 1 1 1 1 4", "2015 (Aid) lalu 2015 (Ain)"),
        ("Putri", "Putra", "Putri 1 1 1 1 4", "2015 (Putri) lalu 2015 (Putra)"),
        ("Nur Aida", "Nur Aini", "Aid 1 1 1 1 4 Ain 1 1 1 1 1", "2015 (Aid) lalu 2015 (Ain)"),
        (
            "Nur Siti",
            "Siti Nur",
            "Nur Siti 1 1 1 1 4, Siti Nur 1 1 1 1 1",
            "2015 (N) lalu 2015 (S)",
        ),
    ],
)
def test_twins_with_names_alike_are_told_apart_and_answered_by_name(
    app, client, districts, twin, other, said, labels
):
    rina = Person.get(Person.phone == RINA)
    Child.delete().execute()
    Child.create(caregiver=rina, name=twin, birth_year=2015, in_school=True)
    Child.create(caregiver=rina, name=other, birth_year=2015, in_school=True)
    start_round(app)
    assert labels in texts_to(RINA)[0]
    sms(client, said, sender=RINA)
    assert [(a.category, Child.get_by_id(a.child_id).name) for a in Alert.select()] == [
        ("violence", twin)
    ]


def test_another_childs_other_danger_from_the_same_stranger_is_a_case_of_its_own(
    app, client, districts
):
    sms(client, "TOLONG anak tetangga dipukuli desa Sumberejo", sender=STRANGER)
    sms(client, "TOLONG satu lagi, ada anak perempuan SD kabur dari rumah", sender=STRANGER)
    sms(client, "TOLONG anak itu sekarang diculik", sender=STRANGER)  # the last one's child
    assert [a.category for a in Alert.select().order_by(Alert.id)] == ["violence", "missing"]


@pytest.mark.parametrize(
    "text, cases",
    [
        ("Cici 1 1 1 1 5 5", [("missing", "Cici")]),  # a digit too many, after her name
        ("1 1 1 1 1 4", [("violence", "Dewi")]),  # a key pressed twice early
        ("11111 Dewi, 11113 Cici, tadi jam 5", [("marriage", "Cici")]),  # a time besides
        ("Dewi kode 4, Cici kode 3", [("violence", "Dewi"), ("marriage", "Cici")]),
        ("Cici kode 3, Dewi kode 4", [("marriage", "Cici"), ("violence", "Dewi")]),
    ],
)
def test_problems_named_by_a_child_without_readable_digits_are_each_childs(
    app, client, districts, text, cases
):
    rina = Person.get(Person.phone == RINA)  # Dewi 2015; Cici 2019
    Child.create(caregiver=rina, name="Cici", birth_year=2019, in_school=True)
    start_round(app)
    sms(client, text, sender=RINA)
    assert [
        (a.category, Child.get_by_id(a.child_id).name) for a in Alert.select().order_by(Alert.id)
    ] == cases


def test_a_question_of_a_family_with_a_case_open_opens_no_other(app, client, districts):
    start_round(app)
    sms(client, "1 1 1 1 4", sender=RINA)
    sms(client, "kapan pertanyaan anak berikutnya?", sender=RINA)
    assert Alert.select().count() == 1


def test_a_number_in_a_word_does_not_hide_the_answer_before_it(app, client, districts):
    start_round(app)
    sms(client, "Dewi 1 1 1 1 4, dipukul bapak tirinya 2x", sender=RINA)
    assert [a.category for a in Alert.select()] == ["violence"]


def test_a_digit_too_many_still_reports_the_problem_its_fifth_names(app, client, districts):
    start_round(app)
    replies = sms(client, "1 1 1 1 4 4", sender=RINA)
    assert [(a.category, Child.get_by_id(a.child_id).name) for a in Alert.select()] == [
        ("violence", "Dewi")
    ]
    assert replies[-2:] == [i18n.text("id", "checkin.correction"), checkin_codes.codes_sms("id")]


def test_another_danger_to_my_child_is_a_case_of_its_own(app, client, districts):
    rina = Person.get(Person.phone == RINA)
    Child.create(caregiver=rina, name="Cici", birth_year=2019, in_school=True)
    start_round(app)
    sms(client, "11111 11113", sender=RINA)  # Cici: a marriage plan
    sms(client, "anak saya dipukul neneknya", sender=RINA)
    assert sorted(a.category for a in Alert.select()) == ["marriage", "violence"]


def test_a_parent_abroad_telling_of_a_child_gets_the_news_and_how_to_report(app, client, districts):
    migrant = "+886912345678"
    Child.update(parent_phone=migrant).where(Child.id == by_name(Child, "Dewi").id).execute()
    told = sms(client, "anak saya sakit demam, neneknya tidak bawa ke dokter", sender=migrant)
    assert told[-1] == i18n.text("id", "sms.about_a_child_abroad") and len(told) == 2
    asked = sms(client, "Anak saya gimana kabarnya?", sender=migrant)
    assert len(asked) == 1 and "Dewi" in asked[0]


# 8. ANAK shows where the case stands.


def test_anak_shows_the_case_state(app, client, districts):
    migrant = "+886912345678"
    Person.create(phone=migrant, name="Sri", role="pmi", village=districts["sumberejo"])
    Child.update(parent_phone=migrant).where(Child.id == by_name(Child, "Dewi").id).execute()
    start_round(app)
    sms(client, "1 1 1 1 3", sender=RINA)
    ref = Alert.get().ref
    assert "(ada masalah: dilaporkan ke petugas)" in sms(client, "ANAK", sender=migrant)[0]
    sms(client, f"OK {ref}", sender=BOJ_OFFICER)
    assert "(ada masalah: petugas menangani)" in sms(client, "ANAK", sender=migrant)[0]
    sms(client, f"SELESAI {ref} keluarga setuju menunda", sender=BOJ_OFFICER)
    assert "(ada masalah: kasus ditutup petugas)" in sms(client, "ANAK", sender=migrant)[0]


# 9. Check-ins due per child; one at a time.


def test_a_household_imported_later_is_asked_at_the_next_tick(app, now, tmp_path):
    from workers.jobs import start_checkins

    assert start_checkins() == 0  # a fresh install: nobody yet, and nothing blocks later
    assert start_round(app) == (
        "No child registered here yet: nothing to open (import households first)."
    )
    Village.create(code="3212010001", name="Kenanga", district="Indramayu", province="Jawa Barat")
    path = tmp_path / "households.csv"
    path.write_text(
        "village_code,caregiver_phone,caregiver_name,migrant_phone,migrant_name,"
        "destination_country,child_name,child_birth_year,in_school,consent_date\n"
        "3212010001,081234500001,Siti,,,,Budi,2015,yes,2026-11-01\n"
    )
    assert app.test_cli_runner().invoke(args=["import-households", str(path)]).exit_code == 0
    now.advance(hours=1)
    assert start_checkins() == 1
    assert texts_to(SITI)[0].startswith("Desmigratif: kabar anak lahir 2015?")
    path.write_text(path.read_text() + "3212010001,081234500009,Ika,,,,Cici,2018,yes,2026-11-20\n")
    app.test_cli_runner().invoke(args=["import-households", str(path)])
    now.advance(hours=1)
    assert start_checkins() == 1  # Cici only: Budi was asked an hour ago
    assert Checkin.select().count() == 2


def test_two_schedulers_at_once_open_one_check_in_per_child(app, districts):
    results, barrier = [], threading.Barrier(2)

    def tick():
        with app.app_context():
            barrier.wait()
            results.append(checkins.open_due(current_app.config).opened)

    threads = [threading.Thread(target=tick) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == [0, 4]
    assert Checkin.select().count() == 4
    assert len(texts_to(SITI)) == 2  # the prompt and the codes, once


def test_a_busy_lock_opens_nothing_and_says_so(app, districts, redis):
    lock = redis.lock(checkins.LOCK_NAME, timeout=60)
    assert lock.acquire()
    with pytest.raises(checkins.CheckinsBusyError):
        checkins.open_due(current_app.config, wait_seconds=0.1)
    lock.release()
    assert Checkin.select().count() == 0
    assert checkins.open_due(current_app.config).opened == 4


# Found in review: words of danger whatever comes first, courtesy "tolong", no double cases.


@pytest.mark.parametrize(
    "text, category",
    [
        ("Mulai kemarin anak saya hilang", "missing"),
        ("Selesai sekolah anak saya dipukul", "violence"),
        ("Lapor anak sy dipukul", "violence"),
        ("Laporan: anak saya diculik", "missing"),
        ("bapak tirinya memukul anak saya", "violence"),
        ("anakku dipukul bapaknya", "violence"),  # "my child", not the ANAK keyword
        ("anaknya mbak rina dianiaya", "violence"),
        ("bocahku diculik", "missing"),
        ("anake kula dipunpukul", "violence"),
        ("TLG anakku dipukul", "violence"),  # TOLONG as an SMS shortens it
        ("my kids were kicked by their uncle", "violence"),
    ],
)
def test_words_of_danger_are_a_child_case_whatever_word_comes_first(
    app, client, districts, text, category
):
    answer = sms(client, text, sender=RINA)
    alert = Alert.get()
    assert (alert.category, alert.urgent, alert.village.name) == (category, True, "Sumberejo")
    assert Report.get().kind == "child" and "Pak Joko" in answer[0]
    assert RINA not in texts_to(BOJ_OFFICER)[0]  # the case SMS never carries the reporter


@pytest.mark.parametrize(
    "text, start",
    [
        ("HP saya hilang, tolong info", "Desmigratif: CEK"),  # no child: the help
        ("tolong cek PT Sinar Harapan", "TIDAK TERDAFTAR: PT Sinar Harapan"),  # "please check"
    ],
)
def test_no_case_without_a_child_in_danger(app, client, districts, text, start):
    assert sms(client, text, sender=STRANGER)[0].startswith(start)
    assert Alert.select().count() == 0


def test_an_officers_note_naming_a_danger_is_still_an_officers_command(app, client, districts):
    start_round(app)
    sms(client, "1 1 1 1 4", sender=RINA)
    ref = Alert.get().ref
    sms(client, f"SELESAI {ref} anak aman, tidak dipukul lagi", sender=BOJ_OFFICER)
    assert Alert.select().count() == 1 and Alert.get().state == "closed"


def test_the_same_report_sent_twice_is_one_case(app, client, districts):
    start_round(app)
    sms(client, "1 1 1 1 1", sender=RINA)
    first = sms(client, "1 1 1 1 4", sender=RINA)  # no check-in waits: a report
    second = sms(client, "1 1 1 1 4", sender=RINA)  # resent with a new message id
    assert Alert.select().count() == 1 and first == second
    sms(client, "TOLONG anak saya dipukul", sender=SITI)
    sms(client, "TOLONG  anak saya dipukul", sender=SITI)
    assert Alert.select().count() == 2


def test_with_nobody_to_tell_the_family_is_told_to_call_sapa_now(app, client, districts):
    answer = sms(client, "TOLONG anak saya dipukul", sender=YANI)
    ref = Report.get().ref
    assert answer == [i18n.text("id", "tolong.nobody", ref=ref)]
    assert "SAPA 129" in answer[0] and "menghubungi Anda" not in answer[0]


def test_a_supervisors_district_must_be_one_the_villages_know(app, districts):
    def supervisor_of(district: str):
        args = ["--phone", "+6281130000001", "--name", "X", "--role", "supervisor"]
        return app.test_cli_runner().invoke(args=["add-officer", *args, "--district", district])

    wrong = supervisor_of("Kab. Bojonegoro")
    assert wrong.exit_code == 1 and "kabupaten yang dikenal: Bojonegoro, Indramayu" in wrong.output
    right = supervisor_of(" bojonegoro ")
    assert right.output.strip().endswith("district Bojonegoro")


@pytest.mark.parametrize(
    "extra, said",
    [
        (["--name", "", "--village", "3212010001"], "nama wajib diisi"),
        (["--name", "Off", "--village", "3212010001", "--district", "Bojonegoro"],
         "desa Kenanga ada di kabupaten Indramayu"),
        (["--name", "Op", "--role", "operator", "--village", "3212010001"],
         "operator melihat semua desa"),
        (["--name", "Off", "--village", "3212010001", "--password", "rahasia-panjang",
          "--invite"], "--password or --invite"),
    ],
)  # fmt: skip
def test_add_officer_refuses_what_would_send_alerts_astray(app, districts, extra, said):
    from gateway.models import Officer

    before = Officer.select().count()
    result = app.test_cli_runner().invoke(args=["add-officer", "--phone", "+6281130000009", *extra])
    assert result.exit_code == 1 and said in result.output
    assert Officer.select().count() == before


def test_a_familys_phone_is_not_made_a_staff_phone(app, districts):
    from gateway.models import Officer

    args = ["add-officer", "--phone", SITI, "--name", "Siti", "--village", "3212010001"]
    result = app.test_cli_runner().invoke(args=args)
    assert result.exit_code == 1 and "terdaftar sebagai keluarga" in result.output
    assert not Officer.select().where(Officer.phone == SITI).exists()


def test_a_long_officer_name_still_fits_the_last_screen(app, client, districts):
    from gateway.models import Officer

    Officer.update(name=("Ibu " + "Sri Wahyuningsih " * 4)[:60]).where(
        Officer.phone == BOJ_OFFICER
    ).execute()
    start_round(app)
    phone = Phone(client, RINA)
    phone.dial()
    done = phone.press("3", "1234", "1", "1", "1", "1", "1", "4")
    assert done.startswith("END ") and gsm7.septets(done[4:]) <= 160 and ".." in done


# Issue 10.9: officers open, acknowledge and close cases on USSD after their PIN.


def test_an_officer_opens_acknowledges_and_closes_a_case_on_ussd(app, client, districts):
    start_round(app)
    sms(client, "1 1 1 1 4", sender=RINA)
    sms(client, "1 1 1 1 3", sender=SITI)  # Indramayu's case: never on Pak Joko's list
    ref = Alert.get(Alert.village == districts["sumberejo"]).ref
    phone = Phone(client, BOJ_OFFICER)
    home = phone.dial()
    assert "3 " + i18n.text("id", "officer.read_case") in home
    assert phone.press("3").startswith("CON " + i18n.text("id", "officer.pin_ask"))
    assert phone.press("9999").startswith("CON " + i18n.text("id", "answer.wrong_pin"))
    listed = phone.press("1357")
    assert listed.startswith("CON " + i18n.text("id", "officer.pick_case"))
    assert f"1 {ref} kekerasan pada anak Sumberejo" in listed and "Kenanga" not in listed
    case = phone.press("1")
    assert case.startswith(f"CON INFO {ref}: kekerasan pada anak.\nAnak Dewi (2015)")
    assert AlertEvent.get(AlertEvent.state == "info").actor == BOJ_OFFICER
    while "98 " in case.splitlines()[-1]:
        case = phone.press("98")
    assert "1 Tangani (OK)" in case and "2 Tutup kasus (SELESAI)" in case
    assert phone.press("1") == "END " + i18n.text("id", "officer.acknowledged", ref=ref)
    phone.dial()
    case = phone.press("3", "1357", "1")  # the PIN again in a new session
    while "98 " in case.splitlines()[-1]:
        case = phone.press("98")
    assert "Tangani" not in case and "2 Tutup kasus (SELESAI)" in case  # taken already
    short = phone.press("2", "ok")  # a note says what was done
    assert short.startswith("CON " + i18n.text("id", "answer.note_short"))
    closed = phone.press("sudah dikunjungi, anak aman di rumah nenek")
    assert closed == "END " + i18n.text("id", "officer.closed", ref=ref)
    events = [
        (e.state, e.note)
        for e in AlertEvent.select()
        .where(AlertEvent.alert == Alert.get(Alert.ref == ref))
        .order_by(AlertEvent.id)
        if e.state in ("acknowledged", "closed")
    ]
    assert events == [
        ("acknowledged", None),
        ("closed", "sudah dikunjungi, anak aman di rumah nenek"),
    ]


def test_a_long_report_is_read_on_ussd_a_screen_at_a_time(app, client, districts):
    words = "anak tetangga saya di RT 02 RW 03 sering dipukul bapak tirinya sampai lebam " * 12
    sms(client, f"TOLONG {words}", sender=RINA)
    phone = Phone(client, BOJ_OFFICER)
    phone.dial()
    screens = [phone.press("3", "1357", "1")]
    while "98 " in screens[-1].splitlines()[-1]:
        screens.append(phone.press("98"))
    assert all(gsm7.septets(screen[4:]) <= 160 for screen in screens)
    shown = " ".join(" ".join(screen[4:].splitlines()[:-1]) for screen in screens)
    assert " ".join(words.split()) in " ".join(shown.split())  # every word, in order
    assert "1 Tangani (OK)" in screens[-1] and "2 Tutup kasus (SELESAI)" in screens[-1]


def test_an_officer_without_a_pin_is_told_to_ask_the_admin(app, client, districts):
    phone = Phone(client, IND_SUPERVISOR)
    phone.dial()
    assert phone.press("3") == "END " + i18n.text("id", "officer.no_pin")


def test_a_broker_report_naming_a_registered_child_names_no_child_and_is_her_case(
    app, client, districts
):
    # Rina (Sumberejo) reports a broker after Dewi, her own child; then after Eka, Wati's
    # child in Ngasem, by a neighbour of Ngasem's.
    answer = sms(client, "LAPOR calo Pak Harun mau bawa anak saya Dewi kerja", sender=RINA)
    broker = Alert.get(Alert.category == "broker")
    child_case = Alert.get(Alert.category == "recruitment")
    assert (child_case.urgent, Child.get_by_id(child_case.child_id).name) == (True, "Dewi")
    alert_sms = " ".join(texts_to(BOJ_OFFICER))
    assert f"LAPOR CALO {broker.ref}" in alert_sms
    assert "Pak Harun mau bawa anak saya (anak) kerja" in alert_sms
    assert "Dewi" not in alert_sms
    assert answer[0].startswith(f"Laporan {child_case.ref} diteruskan ke petugas desa Pak Joko")
    assert "SAPA 129" in answer[0]
    # INFO still shows the report whole, to the officer entitled to it.
    assert "Dewi" in Report.get(Report.ref == broker.ref).text
    Person.create(phone=STRANGER, name="Tono", role="calon_pmi", village=districts["ngasem"])
    for text in ("LAPOR calo minta anak Eka ikut kerja", "LAPOR calonya datang lagi ke anak Eka"):
        sms(client, text, sender=STRANGER)  # a flood about one child: her one case
    assert "Eka" not in " ".join(texts_to(BOJ_SUPERVISOR))  # Ngasem's cases go to Bu Sri
    recruitment = Alert.select().where(Alert.category == "recruitment")
    assert sorted(Child.get_by_id(a.child_id).name for a in recruitment) == ["Dewi", "Eka"]


@pytest.mark.parametrize(
    "text, name",
    [
        ("LAPOR calo desa Sumberejo rekrut Melati umur 15 ke Malaysia", "Melati"),
        ("LAPOR calo rekrut Dik Melati Putri Ayu (15th) ke Taiwan", "Melati Putri Ayu"),
    ],
)
def test_a_name_before_an_age_under_18_is_masked_and_is_a_childs_case(
    app, client, districts, text, name
):
    sms(client, text, sender=RINA)
    assert sorted(a.category for a in Alert.select()) == ["broker", "recruitment"]
    alert_sms = " ".join(texts_to(BOJ_OFFICER))
    assert "(anak)" in alert_sms and not any(word in alert_sms for word in name.split())
    sms(client, "LAPOR calo janji kerja 15 tahun di Malaysia", sender=SITI)  # a length of time
    assert Alert.select().where(Alert.category == "recruitment").count() == 1


def test_a_childs_name_after_nama_is_masked_and_a_stranger_answering_which_village_joins(
    app, client, districts
):
    sms(client, "LAPOR calo bawa anak SMP, nama anak itu Melati Sari", sender=RINA)
    assert "Melati" not in " ".join(texts_to(BOJ_OFFICER))
    sms(client, "TOLONG ada anak diculik orang", sender=STRANGER)  # which village?
    sms(client, "TOLONG desa Kenanga, anak dipukul lalu dibawa lari", sender=STRANGER)
    taken = Alert.select().where(Alert.category.in_(["missing", "violence"]))
    assert [a.village.name for a in taken] == ["Kenanga"]  # the first case, now placed
    missing = Alert.select().where(Alert.category == "missing").count()
    sms(client, "anak saya Tasya hilang sejak kemarin", sender=SITI)  # no bag ("tas") lost
    assert Alert.select().where(Alert.category == "missing").count() == missing + 1


def test_a_broker_after_an_unregistered_minor_masks_her_name_and_opens_her_case(
    app, client, districts
):
    sms(client, "LAPOR calo bawa anak perempuan bernama Melati umur 15 ke Batam", sender=RINA)
    assert sorted(a.category for a in Alert.select()) == ["broker", "recruitment"]
    alert_sms = " ".join(texts_to(BOJ_OFFICER))
    assert "bernama (anak) umur 15" in alert_sms and "Melati" not in alert_sms
    sms(client, "LAPOR calo Pak Harun minta uang ke anak saya yang mau kerja", sender=SITI)
    assert Alert.select().where(Alert.category == "recruitment").count() == 1  # no age: none


def test_a_neighbours_childs_name_with_no_word_for_a_child_is_masked_but_no_case(
    app, client, districts
):
    # "calo bernama Dewi ..." from Dewi's neighbour may be a grown woman: masked, no case.
    Person.create(phone=STRANGER, name="Tono", role="calon_pmi", village=districts["sumberejo"])
    sms(client, "LAPOR calo bernama Dewi Santoso minta uang", sender=STRANGER)
    assert [a.category for a in Alert.select()] == ["broker"]
    sent = " ".join(texts_to(BOJ_OFFICER))
    assert "Dewi" not in sent and "Santoso" not in sent  # the rest of the name too
    assert "calo bernama (anak) minta uang" in sent


def test_a_broker_after_ones_own_child_by_name_is_her_case(app, client, districts):
    # "ngajak Ekane" is Eka in Javanese: Wati's own child, no word for a child needed.
    sms(client, "LAPOR wonten calo badhe ngajak Ekane dhateng Malaysia", sender=WATI)
    assert sorted(a.category for a in Alert.select()) == ["broker", "recruitment"]
    sent = " ".join(texts_to(BOJ_SUPERVISOR))
    assert "Ekane" not in sent and "ngajak (anak) dhateng" in sent


def test_an_agency_or_a_word_that_is_also_a_childs_name_is_no_child(app, client, districts):
    Child.create(
        caregiver=Person.get(Person.phone == RINA),
        name="Jaya Saputra",
        birth_year=2012,
        in_school=True,
    )
    # Rina's own child Jaya: any word of a household child's name would do, but not in an
    # agency's name.
    answer = sms(client, "LAPOR calo dari PT Maju Jaya minta uang 20 juta", sender=RINA)
    assert [a.category for a in Alert.select()] == ["broker"]
    assert "PT Maju Jaya minta uang" in " ".join(texts_to(BOJ_OFFICER))
    assert answer[0].startswith("Terima kasih. Laporan")


def test_the_officer_hears_that_a_family_wrote_more_once_an_hour(app, client, districts, now):
    sms(client, "TOLONG anak saya dipukul", sender=SITI)
    case = Alert.get()
    assert len(texts_to(IND_OFFICER)) == 1  # the case itself
    now.advance(minutes=20)
    sms(client, "TOLONG Budi dipukul lagi pakai kayu", sender=SITI)  # joins the open case
    more = texts_to(IND_OFFICER)[1:]
    assert more == [i18n.text("id", "alert.more", ref=case.ref, village="Kenanga")]
    assert "Budi" not in more[0]
    now.advance(minutes=10)
    sms(client, "TOLONG Budi dipukul lagi, sekarang di rumah nenek", sender=SITI)
    assert len(texts_to(IND_OFFICER)) == 2  # within the hour: INFO shows it, no new SMS
    assert len(alerts.family_words(case)) == 2
    # Escalated since: an hour later, the supervisor who has it too hears of more words.
    now.advance(hours=2)
    escalation.escalate_overdue()
    sms(client, "TOLONG Budi dipukul lagi tadi malam", sender=SITI)
    assert texts_to(IND_OFFICER)[-1] == more[0]
    assert texts_to(IND_SUPERVISOR)[-1] == more[0]


def test_the_longest_village_name_said_wins_and_a_shared_one_names_none(app, districts):
    from gateway import village_names

    lor = Village.create(code="3522010003", name="Sumberejo Lor", district="Bojonegoro",
                         province="Jawa Timur")  # fmt: skip
    assert village_names.named_in("anak di desa Sumberejo Lor dipukul") == lor
    assert village_names.named_in("anak di desa Sumberejo dipukul") == districts["sumberejo"]
    Village.create(code="3212010009", name="Ngasem", district="Indramayu", province="Jawa Barat")
    assert village_names.named_in("anak di desa Ngasem dipukul") is None  # two of that name
    assert village_names.named_in("anak di desa Ngasem", "Bojonegoro") == districts["ngasem"]
    assert village_names.named_in("anak di Ngasem dipukul", "Bojonegoro") is None  # no "desa"
    # A name's first word alone, when no other village's begins so.
    Village.create(code="3522010004", name="Kedungadem Wetan", district="Bojonegoro",
                   province="Jawa Timur")  # fmt: skip
    assert village_names.named_in("anak di desa Kedungadem dipukul").name == "Kedungadem Wetan"
    Village.create(code="3522010005", name="Kedungadem Kulon", district="Bojonegoro",
                   province="Jawa Timur")  # fmt: skip
    assert village_names.named_in("anak di desa Kedungadem dipukul") is None
    # A supervisor naming a village of another district: found all the same.
    assert village_names.named_in("anak di desa Kenanga", "Bojonegoro") == districts["kenanga"]


def test_a_strangers_report_gets_its_village_and_later_words_join_it(app, client, districts):
    first = sms(client, "TOLONG anak tetangga dipukuli bapaknya tiap malam", sender=STRANGER)
    case = Alert.get()
    assert first == [i18n.text("id", "tolong.which_village", ref=case.ref)]
    placed = sms(client, "TOLONG desa Kenanga", sender=STRANGER)  # as asked
    case = Alert.get()  # the same case, now Kenanga's: its officer has it, with its words
    assert Alert.select().count() == 1 and case.village.name == "Kenanga"
    assert case.category == "violence" and "petugas desa Bu Ani" in placed[0]
    assert texts_to(IND_OFFICER) == [texts_to(IND_OFFICER)[0]]
    assert texts_to(IND_OFFICER)[0].startswith(f"KASUS {case.ref}: kekerasan pada anak")
    sms(client, "TOLONG dia dipukul lagi malam ini", sender=STRANGER)
    assert Alert.select().count() == 1
    assert [e.note for e in alerts.family_words(case)] == [
        "desa Kenanga",
        "dia dipukul lagi malam ini",
    ]
    assert "tiap malam" in Report.get(Report.ref == case.ref).text


def test_a_village_the_text_names_comes_before_the_reporters_own(app, client, districts):
    # Siti lives in Kenanga (Indramayu); the neighbour's child is in Sumberejo (Bojonegoro).
    sms(client, "TOLONG anak tetangga di desa Sumberejo dipukul ayahnya", sender=SITI)
    assert Alert.get().village.name == "Sumberejo"
    assert list(staff_messages()) == [BOJ_OFFICER]


def test_a_familys_second_report_about_an_unnamed_child_joins_the_first(app, client, districts):
    siti = Person.get(Person.phone == SITI)
    Child.create(caregiver=siti, name="Cici", birth_year=2019, in_school=True)
    for text in ("11114", "1 1 1 1 4 masih dipukul", "TOLONG anak saya dipukul lagi"):
        sms(client, text, sender=SITI)
    assert [(a.category, a.child_id) for a in Alert.select()] == [("violence", None)]
    assert len(texts_to(IND_OFFICER)) == 1  # within the minute: no "more words" SMS


def test_a_strangers_broker_report_goes_to_the_village_it_names(app, client, districts):
    answer = sms(client, "LAPOR calo Pak Rudi di desa Sumberejo rekrut anak", sender=STRANGER)
    assert [(a.category, a.village.name) for a in Alert.select()] == [("broker", "Sumberejo")]
    assert texts_to(BOJ_OFFICER)[0].startswith("LAPOR CALO")
    assert answer[0].startswith("Terima kasih. Laporan") and "diteruskan ke petugas" in answer[0]
    sms(client, "LAPOR calo Pak Rudi di desa Sumberejo rekrut anak SMP", sender=STRANGER)
    # Children of junior high school: a child's case too, in the village named.
    assert [(a.category, a.village.name) for a in Alert.select().order_by(Alert.id)] == [
        ("broker", "Sumberejo"),
        ("recruitment", "Sumberejo"),
    ]


def test_one_childs_digits_whose_words_name_the_other_child_are_that_childs(app, client, districts):
    siti = Person.get(Person.phone == SITI)
    Child.create(caregiver=siti, name="Cici", birth_year=2019, in_school=True)
    start_round(app)
    answer = sms(client, "11114 Cici dipukul tetangga", sender=SITI)  # Budi (2015) is oldest
    alert = Alert.get()
    assert (alert.category, Child.get_by_id(alert.child_id).name) == ("violence", "Cici")
    assert "lahir 2019" in answer[0]
    statuses = {c.child.name: c.status for c in Checkin.select()}
    assert (statuses["Budi"], statuses["Cici"]) == ("open", "answered")


@pytest.mark.parametrize(
    "text, category",
    [
        ("anak saya di pukul ayah tirinya", "violence"),  # "di" written apart
        ("Ani di culik orang tadi pagi", "missing"),  # a household child by name
        ("anak saya dihajar bapaknya sampai berdarah", "violence"),
        ("HELP desa Kenanga, a girl next door is locked in and starving", "no_caregiver"),
    ],
)
def test_danger_as_families_type_it(app, client, districts, text, category):
    siti = Person.get(Person.phone == SITI)
    Child.create(caregiver=siti, name="Ani", birth_year=2018, in_school=True)
    sms(client, text, sender=SITI if not text.startswith("HELP") else STRANGER)
    assert [(a.category, a.village.name) for a in Alert.select()] == [(category, "Kenanga")]


def test_a_grown_mans_name_after_a_title_is_no_child(app, client, districts):
    sms(client, "Mas Yoga dipukuli warga karena mencuri motor", sender=STRANGER)
    assert Alert.select().count() == 0


def test_a_neighbours_child_with_the_name_of_ones_own_is_not_ones_own(app, client, districts):
    sms(client, "TOLONG anak tetangga sebelah namanya Budi juga, hilang sejak kemarin", sender=SITI)
    assert [(a.category, a.child_id) for a in Alert.select()] == [("missing", None)]


def test_ones_own_child_hurt_in_another_village_is_ones_own_villages_case(app, client, districts):
    sms(client, "anak saya dipukul waktu main ke desa Sumberejo", sender=SITI)
    assert [(a.category, a.village.name) for a in Alert.select()] == [("violence", "Kenanga")]
    assert list(staff_messages()) == [IND_OFFICER]


def test_a_strangers_unplaced_case_is_placed_by_a_report_of_another_danger(app, client, districts):
    sms(client, "TOLONG ada anak kecil hilang dari kemarin", sender=STRANGER)
    sms(client, "TOLONG desa Kenanga, anaknya tadi dipukuli sebelum hilang", sender=STRANGER)
    # One case, now Kenanga's and of the graver danger; its officer gets it once, as it stands.
    assert [(a.category, a.village.name) for a in Alert.select()] == [("violence", "Kenanga")]
    assert len(texts_to(IND_OFFICER)) == 1 and "kekerasan pada anak" in texts_to(IND_OFFICER)[0]


def test_a_case_joined_by_a_graver_or_urgent_report_takes_it(app, client, districts):
    sms(client, "anak saya dirundung di sekolah", sender=RINA)  # bullying: not urgent
    case = Alert.get()
    assert (case.category, case.urgent) == ("bullying", False)
    sms(client, "TOLONG Dewi, mohon dibantu", sender=RINA)  # no danger named: Dewi's case
    case = Alert.get_by_id(case.id)
    assert (case.category, case.urgent, Alert.select().count()) == ("bullying", True, 1)
    assert "perundungan, MENDESAK" in texts_to(BOJ_OFFICER)[-1]  # told as it now stands


def test_tolong_about_a_named_child_joins_the_childs_open_case(app, client, districts):
    start_round(app)
    sms(client, "1 1 1 1 5", sender=SITI)  # Budi missing: a check-in case
    sms(client, "TOLONG Budi belum pulang, tolong dicari", sender=SITI)  # no danger word
    assert [(a.category, a.child_id is not None) for a in Alert.select()] == [("missing", True)]


def test_tolong_is_urgent_whatever_the_danger(app, client, districts):
    sms(client, "TOLONG anak tetangga dirundung terus di desa Kenanga", sender=STRANGER)
    assert [(a.category, a.urgent) for a in Alert.select()] == [("bullying", True)]
    sms(client, "anak saya dirundung di sekolah", sender=RINA)  # no TOLONG: as its category
    assert Alert.get(Alert.village == districts["sumberejo"]).urgent is False


def test_an_officers_reference_with_a_full_stop_is_found(app, client, districts):
    sms(client, "TOLONG anak saya dipukul", sender=SITI)
    ref = Alert.get().ref
    assert "Anda tangani" in sms(client, f"ok {ref.lower()}.", sender=IND_OFFICER)[0]


def test_danger_words_after_an_answer_are_the_answered_childs_case(app, client, districts):
    start_round(app)
    sms(client, "1 1 1 1 1 tapi sering dipukul bapak tirinya", sender=SITI)  # no "anak"
    alert = Alert.get()
    assert (alert.category, Child.get_by_id(alert.child_id).name) == ("violence", "Budi")


@pytest.mark.parametrize(
    "text, budi",
    [
        ("TOLONG anak tetanggaku Budi dipukul", False),
        ("TOLONG anaknya tetangga namanya Budi hilang", False),
        ("TOLONG Budi anak saya dipukul anak tetangga", True),
    ],
)
def test_a_neighbours_child_and_ones_own_beaten_by_one(app, client, districts, text, budi):
    sms(client, text, sender=SITI)
    assert (Alert.get().child_id is not None) is budi


def test_a_broker_named_like_ones_own_child_is_no_case_about_her(app, client, districts):
    rina = Person.get(Person.phone == RINA)
    Child.create(caregiver=rina, name="Muhammad Rizki", birth_year=2012, in_school=True)
    sms(client, "LAPOR sponsor Muhammad Yusuf minta uang 10 juta", sender=RINA)
    sms(client, "LAPOR calo Dewi datang lagi minta uang", sender=RINA)  # "calo Dewi": a broker
    assert [a.category for a in Alert.select()] == ["broker"]


def test_help_in_english_is_answered_in_english(app, client, districts):
    answer = sms(client, "HELP my son was beaten by his uncle", sender="+886912300001")
    assert answer[0].startswith("Report ") and "SAPA +62 8111-129-129" in answer[0]


@pytest.mark.parametrize(
    "sender, text, category",
    [
        (SITI, "anak saya disetubuhi pamannya", "violence"),
        (SITI, "anak saya ditusuk orang mabuk", "violence"),
        (RINA, "ank sy dipukuli bapak tirinya", "violence"),
        (RINA, "anak perempuan saya hilang sejak kemarin", "missing"),  # her only child
    ],
)
def test_more_ways_families_write_danger(app, client, districts, sender, text, category):
    sms(client, text, sender=sender)
    assert [a.category for a in Alert.select()] == [category]
    if sender == RINA and category == "missing":
        assert Child.get_by_id(Alert.get().child_id).name == "Dewi"


def test_words_about_a_neighbours_child_after_digits_are_not_the_answered_childs(
    app, client, districts
):
    start_round(app)
    sms(client, "11111 anak tetangga dipukuli ibunya", sender=SITI)
    assert [(a.category, a.child_id) for a in Alert.select()] == [("violence", None)]


def test_a_later_report_naming_another_village_is_another_case(app, client, districts):
    sms(client, "TOLONG anak di desa Sumberejo dipukul", sender=STRANGER)
    sms(client, "TOLONG anak di desa Kenanga dicekik ayahnya", sender=STRANGER)
    assert sorted(a.village.name for a in Alert.select()) == ["Kenanga", "Sumberejo"]
    sms(client, "anak itu sekarang hilang, dibawa kabur bapaknya", sender=STRANGER)
    assert Alert.select().count() == 2  # the latest case hears it


def test_oke_from_an_officer_acknowledges(app, client, districts):
    sms(client, "TOLONG anak saya dipukul", sender=SITI)
    ref = Alert.get().ref
    sms(client, f"Oke {ref}, anak yg dipukul sudah saya datangi", sender=IND_OFFICER)
    assert Alert.select().count() == 1 and Alert.get().state == "acknowledged"


def test_a_lapor_naming_a_child_of_another_named_village_masks_her(app, client, districts):
    sms(client, "LAPOR sponsor mau bawa anak Eka dari desa Ngasem ke Malaysia", sender=SITI)
    assert "Eka" not in " ".join(texts_to(IND_OFFICER))


@pytest.mark.parametrize("text", ["HELP", "help, what are the keywords?"])
def test_help_with_no_danger_is_the_keyword_list_in_english(app, client, districts, text):
    answer = sms(client, text, sender=STRANGER)
    assert Alert.select().count() == 0
    assert answer == [i18n.text("en", "sms.help", ussd_code="*123#", help="KP2MI 0800-1000")]


@pytest.mark.parametrize(
    "later",
    [
        "Dewi sudah pulang tapi diam saja, tidak mau makan",  # the child of the case, by name
        "anak saya sudah pulang tapi diam saja",  # "anak" first: no ANAK request
    ],
)
def test_a_familys_later_words_with_no_danger_word_go_to_their_open_case(
    app, client, districts, later
):
    sms(client, "TOLONG Dewi kabur dari rumah, hilang", sender=RINA)
    case = Alert.get()
    answer = sms(client, later, sender=RINA)
    assert Alert.select().count() == 1  # the same case
    assert [e.note for e in alerts.family_words(case)][-1] == later
    assert answer[0].startswith(f"Laporan {case.ref} diteruskan ke petugas desa Pak Joko")


def test_a_two_child_familys_words_about_their_one_open_case_join_it(app, client, districts):
    """'anak saya ...' from a family of two children, one case open about them: that case;
    their thanks or a question: no case (a neighbour's or a stranger's neither)."""
    rina = Person.get(Person.phone == RINA)
    Child.create(caregiver=rina, name="Cici", birth_year=2019, in_school=True)
    start_round(app)
    sms(client, "11111 11114", sender=RINA)  # Cici's violence case
    case = Alert.get()
    answer = sms(client, "anak saya masih takut, tidak mau bicara", sender=RINA)
    assert answer[0].startswith(f"Laporan {case.ref} diteruskan")
    assert [e.note for e in alerts.family_words(case)][
        -1
    ] == "anak saya masih takut, tidak mau bicara"
    for text in ("terima kasih bu", "kapan ada pelatihan menjahit?"):
        assert not sms(client, text, sender=RINA)[0].startswith("Laporan")
    assert Alert.select().count() == 1


def test_words_of_a_family_with_no_case_open_open_none(app, client, districts):
    assert sms(client, "anak saya sudah pulang", sender=RINA) == [
        i18n.text("id", "sms.about_a_child")
    ]
    assert sms(client, "terima kasih", sender=RINA)[0].startswith("Desmigratif: CEK agensi")
    assert Alert.select().count() == 0


@pytest.mark.parametrize(
    "text, category",
    [
        ("anak saya badannya lebam semua", "violence"),
        ("my child has bruises on her arms", "violence"),
        ("anak saya diusir dari rumah", "no_caregiver"),
    ],
)
def test_the_marks_of_a_beating_and_a_child_thrown_out_are_danger(
    app, client, districts, text, category
):
    sms(client, text, sender=RINA)
    assert [(a.category, Child.get_by_id(a.child_id).name) for a in Alert.select()] == [
        (category, "Dewi")
    ]


@pytest.mark.parametrize("lang, said", [("id", "Anak dalam bahaya"), ("en", "A child in danger")])
def test_a_report_from_abroad_gives_a_sapa_number_that_rings_from_abroad(
    app, client, districts, lang, said
):
    """Dialled from Malaysia, 129 rings nowhere: the answer gives SAPA's WhatsApp number in
    its international form."""
    Contact.create(phone="+60123000004", language=lang)
    answer = sms(client, "TOLONG 3522010001 anak dipukuli pamannya", sender="+60123000004")[0]
    assert "+62 8111-129-129" in answer and "129," not in answer and said in answer
    assert gsm7.fits(answer)


def test_masking_a_childs_name_keeps_the_broker_and_the_agency():
    """The rest of a name is at most two capitalised words, never a title or PT/CV."""
    from gateway.child_names import without_names

    joko = Child(name="Joko")
    masked = without_names("anak saya Joko Dijemput Pak Harun PT Maju Jaya Sentosa", [joko])
    assert masked == "anak saya (anak) Pak Harun PT Maju Jaya Sentosa"
    assert without_names("KTP Joko Santoso Putra Ayu", [joko]) == "KTP (anak) Ayu"


def test_a_supervisors_own_report_escalates_to_the_other_supervisors_not_to_them(
    app, client, districts, now
):
    """Bu Sri reports a child of Sumberejo: its officer has the case; unacknowledged, it
    escalates to Bojonegoro's other supervisors, never back to Bu Sri, who may not act on it."""
    add_other = ["add-officer", "--phone", "+6281299900301", "--name", "Pak Hadi", "--role"]
    app.test_cli_runner().invoke(args=[*add_other, "supervisor", "--district", "Bojonegoro"])
    sms(client, "TOLONG anak di desa Sumberejo dipukuli ayah tirinya", sender=BOJ_SUPERVISOR)
    case = Alert.get()
    sent_before = len(texts_to(BOJ_SUPERVISOR))
    now.advance(hours=3)
    escalation.escalate_overdue()
    assert Alert.get_by_id(case.id).state == "escalated"
    assert len(texts_to(BOJ_SUPERVISOR)) == sent_before  # not back to the reporter
    assert texts_to("+6281299900301")[-1].startswith(f"ESKALASI {case.ref}")


@pytest.mark.parametrize("answer", ["Sumberejo", "Anaknya tinggal di Sumberejo"])
def test_a_stranger_asked_which_village_may_answer_with_its_name_alone(
    app, client, districts, answer
):
    first = sms(client, "tolong anak tetangga dikurung dan kelaparan", sender=STRANGER)
    case = Alert.get()
    assert first == [i18n.text("id", "tolong.which_village", ref=case.ref)]
    assert staff_messages() == {}
    replies = sms(client, answer, sender=STRANGER)
    assert Alert.select().count() == 1 and Alert.get_by_id(case.id).village.name == "Sumberejo"
    assert replies[0].startswith(f"Laporan {case.ref} diteruskan ke petugas desa Pak Joko")
    assert texts_to(BOJ_OFFICER)[0].startswith(f"KASUS {case.ref}")


@pytest.mark.parametrize(
    "text, child",
    [
        ("Bu 11111 11114", "Cici"),  # a greeting first
        ("anak pertama 11111 anak kedua 11114", "Cici"),
        ("Cici 11114", "Cici"),  # the child named: hers, though Dewi is the oldest
        ("Cici 1 1 1 1 4", "Cici"),  # each digit apart, as the prompt shows them
        ("Bu 1-1-1-1-1 dan 1-1-1-1-4", "Cici"),
    ],
)
def test_answers_after_words_are_read(app, client, districts, text, child):
    rina = Person.get(Person.phone == RINA)
    Child.create(caregiver=rina, name="Cici", birth_year=2019, in_school=True)
    start_round(app)
    sms(client, text, sender=RINA)
    assert [(a.category, Child.get_by_id(a.child_id).name) for a in Alert.select()] == [
        ("violence", child)
    ]


def test_words_with_digits_that_are_no_answers_stay_words(app, client, districts):
    start_round(app)
    for text in ("kode pos 61234", "rapat jam 11112 besok 3", "CEK 11114", "tgl 1-1-2-1-1999"):
        sms(client, text, sender=RINA)
    assert Checkin.select().where(Checkin.status == "answered").count() == 0
    assert Alert.select().count() == 0


def test_masking_in_a_message_all_in_capitals_takes_the_name_alone():
    from gateway.child_names import without_names

    text = "CALO BERNAMA DEWI MAU BAWA KE MALAYSIA BESOK"
    assert (
        without_names(text, [Child(name="Dewi")])
        == "CALO BERNAMA (anak) MAU BAWA KE MALAYSIA BESOK"
    )
