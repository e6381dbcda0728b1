"""Parenting check-ins over simulated weeks: prompts, answers by SMS and USSD, red flags,
reminders, silence, escalation. Time is moved with the `now` fixture."""

from datetime import timedelta

import pytest

from gateway import checkin_codes, i18n
from gateway.models import Alert, AlertEvent, Checkin, Child, OutboxMessage, Person
from tests.conftest import add_officer, by_name, sms, unpeppered_pin_hash
from tests.ussd_phone import Phone

CAREGIVER, OTHER = "+6281234567890", "+6281299990000"
OFFICER, SUPERVISOR = "+6281110000001", "+6281110000002"


@pytest.fixture
def families(app, village, now):
    siti = Person.create(phone=CAREGIVER, name="Siti", role="caregiver", village=village)
    Child.create(caregiver=siti, name="Budi", birth_year=2015, in_school=True)
    Child.create(caregiver=siti, name="Ani", birth_year=2019, in_school=True)
    rahmat = Person.create(phone=OTHER, name="Rahmat", role="caregiver", village=village)
    Child.create(caregiver=rahmat, name="Dewi", birth_year=2012, in_school=True)
    add_officer(app, OFFICER, "Bu Ani", "--village", village.code)
    add_officer(app, SUPERVISOR, "Pak Budi", "--role", "supervisor", "--district", "Malang")
    return village


def start(app):
    return app.test_cli_runner().invoke(args=["checkins", "start"]).output.strip()


def siti_dials_after_the_round(app, client) -> Phone:
    """Siti, PIN 1234, dials the USSD code once a round has opened her children's check-ins."""
    siti = Person.get(Person.phone == CAREGIVER)
    siti.pin_hash = unpeppered_pin_hash("1234")
    siti.save()
    start(app)
    phone = Phone(client, CAREGIVER)
    phone.dial()
    return phone


def to(phone):
    return [
        r.text
        for r in OutboxMessage.select().where(OutboxMessage.to == phone).order_by(OutboxMessage.id)
    ]


def test_a_round_prompts_each_household_once(app, families):
    from gateway.models import CheckinRound

    opened = start(app)
    round_id = CheckinRound.get().id
    assert opened == f"Round {round_id}: 3 check-in(s) opened, 2 household(s) prompted."
    assert to(CAREGIVER) == [
        # The oldest first, as SMS answers are read: the first answer is the 2015 child's.
        i18n.text("id", "checkin.prompt_many", years="2015 lalu 2019", ussd_code="*123#"),
        checkin_codes.codes_sms("id"),
    ]
    assert len(to(OTHER)) == 2 and "Budi" not in " ".join(to(CAREGIVER))
    assert start(app) == (
        "No child is due a check-in: nothing opened.\n"
        "3 child(ren) asked less than CHECKIN_EVERY_DAYS ago (next due 2026-12-02 03:00 UTC)."
    )


def test_answers_by_sms_one_child_after_the_other(app, client, families):
    start(app)
    first = sms(client, "1 1 1 1 1", sender=CAREGIVER)[0]
    assert first == (
        i18n.text("id", "checkin.thanks", year=2015)
        + " "
        + i18n.text("id", "checkin.next", year=2019)
    )
    assert sms(client, "11111", sender=CAREGIVER, msg_id="a2")[0] == i18n.text(
        "id", "checkin.thanks", year=2019
    )
    sms(client, "11111", sender=CAREGIVER, msg_id="a2")  # the provider replays the callback
    answered = Checkin.select().where(Checkin.status == "answered")
    assert answered.count() == 2 and Alert.select().count() == 0


@pytest.mark.parametrize(
    "text", ["1 1 2", "1 1 1 1 9", "3 1 1 1 1", "1 1 1 1 1 1", "1 1 1 1 0"]
)  # 0 is no code: USSD keeps it for "back"
def test_a_malformed_answer_gets_a_correction_and_the_codes(app, client, families, text):
    start(app)
    assert sms(client, text, sender=CAREGIVER) == [
        i18n.text("id", "checkin.correction", ussd_code="*123#", help="KP2MI 0800-1000"),
        checkin_codes.codes_sms("id"),
    ]
    assert Checkin.select().where(Checkin.status == "answered").count() == 0


def test_digits_from_someone_without_a_check_in_get_the_help(app, client, families):
    assert sms(client, "1 1 1 1 4", sender="+6281288887777")[0].startswith("Desmigratif: CEK")


@pytest.mark.parametrize(
    "code, category, urgent",
    [
        ("4", "violence", True),
        ("3", "marriage", True),
        ("5", "missing", True),
        ("6", "recruitment", True),
        ("7", "no_caregiver", True),
        ("2", "bullying", False),
        ("8", "other", False),
    ],
)
def test_each_serious_problem_opens_an_alert_without_the_childs_name(
    app, client, families, code, category, urgent
):
    start(app)
    sms(client, f"1 1 1 1 {code}", sender=CAREGIVER)
    alert = Alert.get()
    assert (alert.category, alert.urgent, alert.village.name) == (category, urgent, "Sumberejo")
    text = to(OFFICER)[0]
    assert text.startswith(f"KASUS {alert.ref}: {i18n.text('id', 'category.' + category)}")
    assert ("MENDESAK" in text) == urgent
    for name in ("Budi", "Ani", "Siti"):
        assert name not in text
    minutes = 120 if urgent else 1440
    assert alert.deadline_at - alert.opened_at == timedelta(minutes=minutes)


def test_out_of_school_twice_and_a_month_without_contact(app, client, families, now):
    for _ in range(4):
        start(app)
        sms(client, "2 1 1 2 1", sender=CAREGIVER)  # Budi: no school, no contact
        sms(client, "1 1 1 1 1", sender=CAREGIVER)  # Ani: all well
        now.advance(days=7)
    categories = sorted(a.category for a in Alert.select())
    # Weekly repeats do not pile up: one open alert per child and category.
    assert categories == ["no_answer", "no_contact_month", "out_of_school", "out_of_school_twice"]
    no_answer = Alert.get(Alert.category == "no_answer")  # Dewi's family never answered
    assert no_answer.child_id == by_name(Child, "Dewi").id


def test_one_reminder_after_three_days_then_silence_is_an_alert(app, client, families, now):
    start(app)
    now.advance(days=2)
    assert app.test_cli_runner().invoke(args=["checkins", "start"]).exit_code == 0
    from workers.jobs import remind_checkins

    assert remind_checkins() == 0
    now.advance(days=1, minutes=1)
    assert remind_checkins() == 2 and remind_checkins() == 0
    assert to(OTHER)[-2:] == [
        i18n.text("id", "checkin.reminder", years="2012", ussd_code="*123#"),
        checkin_codes.codes_sms("id"),
    ]
    now.advance(days=4)
    start(app)  # round 2: round 1 missed
    assert Alert.select().count() == 0
    now.advance(days=7)
    start(app)  # round 3: two missed in a row
    # One case a silent household (Siti's, about Budi, her oldest; Ani's is in it), not one
    # a child: one phone went silent.
    assert sorted(Child.get_by_id(a.child_id).name for a in Alert.select()) == ["Budi", "Dewi"]
    assert {a.category for a in Alert.select()} == {"no_answer"}
    now.advance(days=7)
    start(app)  # round 4: still silent, the household's case still open: no new one
    assert Alert.select().count() == 2


def test_an_urgent_alert_escalates_once_after_two_hours_unless_acknowledged(
    app, client, families, now
):
    start(app)
    sms(client, "1 1 1 1 4", sender=CAREGIVER)
    alert = Alert.get()
    now.advance(minutes=119)
    assert "Escalated 0" in app.test_cli_runner().invoke(args=["alerts", "escalate"]).output
    now.advance(minutes=2)
    assert "Escalated 1" in app.test_cli_runner().invoke(args=["alerts", "escalate"]).output
    assert "Escalated 0" in app.test_cli_runner().invoke(args=["alerts", "escalate"]).output
    assert len(to(SUPERVISOR)) == 1 and to(SUPERVISOR)[0].startswith(f"ESKALASI {alert.ref}")
    sms(client, f"OK {alert.ref}", sender=OFFICER)
    sms(client, f"SELESAI {alert.ref} anak aman di rumah nenek", sender=OFFICER)
    events = [
        (e.state, e.at)
        for e in AlertEvent.select().where(AlertEvent.alert == alert).order_by(AlertEvent.id)
    ]
    assert [state for state, _ in events] == ["opened", "escalated", "acknowledged", "closed"]
    assert all(at is not None for _, at in events)


def test_answers_by_ussd_after_the_pin(app, client, families):
    phone = siti_dials_after_the_round(app, client)
    pick = phone.press("3", "1234")
    assert pick.startswith("CON " + i18n.text("id", "kabar.pick"))
    assert "1 Budi" in pick and "2 Ani" in pick
    phone.press("2", "1", "1", "2", "1")  # Ani: school yes, healthy, sad, contact yes
    next_child = phone.press("3")  # 3 = marriage plan, as in the SMS answer
    # Said at once, before the next child: the caller may hang up on this screen.
    told = i18n.text("id", "kabar.pick_next_flagged", kabar_saved=1, officer="petugas desa Bu Ani")
    assert next_child == "CON " + told + "\n1 Budi\n0 Kembali 00 Awal"
    assert "SAPA 129" in next_child
    ani = Checkin.get(Checkin.child == by_name(Child, "Ani"))
    assert (ani.status, ani.channel, ani.mood, ani.problem) == ("answered", "ussd", 2, 3)
    assert Alert.get().category == "marriage"
    done = phone.press("1", "1", "1", "1", "1", "1")  # Budi: all well
    assert done == "END " + i18n.text(
        "id", "kabar.done_flagged", kabar_saved=2, officer="petugas desa Bu Ani"
    )
    assert "SAPA 129" in done
    phone.dial()
    assert phone.press("3", "1234") == "END " + i18n.text("id", "kabar.none")


def test_the_last_child_answered_by_sms_during_the_session_ends_it(app, client, families):
    phone = siti_dials_after_the_round(app, client)
    phone.press("3", "1234", "2", "1", "1", "1", "1")  # Ani, all well...
    assert "1 Budi" in phone.press("1")  # ...saved; Budi next
    sms(client, "1 1 1 1 1", sender=CAREGIVER)  # meanwhile, Budi's answer by SMS
    assert phone.press_raw("1") == "END " + i18n.text("id", "kabar.done", kabar_saved=1)


def test_a_child_answered_by_sms_meanwhile_is_not_answered_for_another(app, client, families):
    phone = siti_dials_after_the_round(app, client)
    assert "1 Budi\n2 Ani" in phone.press("3", "1234")
    sms(client, "1 1 1 1 1", sender=CAREGIVER)  # Budi's answer, the oldest, by SMS meanwhile
    again = phone.press_raw("1")  # "1" meant Budi, as shown: never Ani's check-in
    assert again.startswith("CON " + i18n.text("id", "kabar.answered_meanwhile"))
    assert "1 Ani" in again and "Budi" not in again
    phone.press("1", "2", "1", "1", "1", "1")  # Ani: out of school
    ani = Checkin.get(Checkin.child == by_name(Child, "Ani"))
    assert (ani.channel, ani.school) == ("ussd", 2)
    budi = Checkin.get(Checkin.child == by_name(Child, "Budi"))
    assert (budi.channel, budi.school) == ("sms", 1)


def test_a_danger_said_on_ussd_after_an_sms_answered_the_check_in_is_a_case(app, client, families):
    phone = siti_dials_after_the_round(app, client)
    phone.press("3", "1234", "1", "1", "1", "1", "1")  # Budi, at the problem question
    sms(client, "11111 11111", sender=CAREGIVER)  # both children, all well, by SMS meanwhile
    done = phone.press("4")  # violence
    assert done == "END " + i18n.text(
        "id", "kabar.done_flagged", kabar_saved=1, officer="petugas desa Bu Ani"
    )
    alert = Alert.get()
    assert (alert.category, Child.get_by_id(alert.child_id).name) == ("violence", "Budi")


def test_a_question_held_for_the_morning_goes_once_the_household_answered(
    app, client, families, now
):
    now.advance(hours=14)  # 17:00 UTC: midnight in Java, quiet hours
    start(app)
    held = OutboxMessage.select().where(OutboxMessage.to == CAREGIVER).order_by(OutboxMessage.id)
    assert [r.status for r in held] == ["queued", "queued"]  # the question and the codes
    from gateway import outbox
    from gateway.statuses import MessageKind

    other_news = outbox.add(CAREGIVER, "Kabar desa: posyandu besok pagi", MessageKind.BROADCAST)
    sms(client, "11111 11111", sender=CAREGIVER)  # answered at once, at night
    assert [r.status for r in held.where(OutboxMessage.kind == "broadcast")] == [
        "cancelled",
        "cancelled",
        "queued",  # other news waits for the morning as before
    ]
    assert other_news.status == "queued"
    other = OutboxMessage.select().where(OutboxMessage.to == OTHER)
    assert {r.status for r in other} == {"queued"}  # Rahmat's still waits for the morning


def test_on_a_shared_phone_each_person_answers_only_for_their_own_children(app, client, families):
    tarmi = Person.create(phone=CAREGIVER, name="Tarmi", role="caregiver", village=families)
    Child.create(caregiver=tarmi, name="Sari", birth_year=2017, in_school=True)
    tarmi.pin_hash = unpeppered_pin_hash("7777")
    tarmi.save()
    start(app)
    phone = Phone(client, CAREGIVER)
    phone.dial()
    picked = phone.press("2", "3", "7777")  # Tarmi, menu 3, her PIN
    assert "1 Sari" in picked and "Budi" not in picked and "Ani" not in picked
    phone.press("1", "1", "1", "1", "1", "4")  # Sari: violence
    alert = Alert.get()
    assert Child.get_by_id(alert.child_id).name == "Sari"
    budi = Checkin.get(Checkin.child == by_name(Child, "Budi"))
    assert budi.status == "open"  # Siti's children are Siti's to answer


@pytest.fixture
def migrant(families):
    Person.create(phone="+886912345678", name="Sri", role="pmi", village=families)
    ids = [by_name(Child, "Budi").id, by_name(Child, "Ani").id]
    Child.update(parent_phone="+886912345678").where(Child.id.in_(ids)).execute()
    return "+886912345678"


def test_anak_gives_the_parent_abroad_the_latest_news(app, client, families, migrant):
    assert (
        sms(client, "ANAK", sender=migrant)[0] == "Kabar anak: Budi: belum ada laporan; Ani: "
        "belum ada laporan"
    )
    start(app)
    sms(client, "1 1 2 2 1", sender=CAREGIVER)
    sms(client, "2 1 1 1 2", sender=CAREGIVER)
    news = sms(client, "anak", sender=migrant)
    assert news == [
        "Kabar anak: Budi 25-11: sekolah Ya, sehat Ya, senang Tidak, kontak Anda Tidak",
        "Kabar anak: Ani (ada masalah: dilaporkan ke petugas) 25-11: sekolah Tidak, sehat Ya,"
        " senang Ya, kontak Anda Ya",
    ]  # a child's news whole, in an SMS of its own when two do not fit one; a problem first


def test_anak_reaches_the_parent_number_the_caregiver_gave_unregistered(app, client, families):
    # The caregiver typed the parent's number at registration; the parent never dialled in
    # (a USSD code cannot be dialled from abroad): the consent shown says this number reads it.
    Child.update(parent_phone="+85291234567").where(Child.id == by_name(Child, "Budi").id).execute()
    assert sms(client, "ANAK", sender="+85291234567") == ["Kabar anak: Budi: belum ada laporan"]


def test_anak_says_a_case_from_a_report_is_open(app, client, families, migrant):
    sms(client, "TOLONG Budi dipukul tetangga", sender=CAREGIVER)
    news = sms(client, "ANAK", sender=migrant)[0]
    assert news.startswith("Kabar anak: Budi (ada masalah: dilaporkan ke petugas): belum ada")


def test_anak_from_someone_who_is_no_migrant(app, client, families):
    assert sms(client, "ANAK", sender="+6281299998888")[0] == i18n.text(
        "id", "anak.not_migrant", ussd_code="*123#"
    )
    # A caregiver is registered: told where the news of the children in their care is.
    assert sms(client, "ANAK", sender=CAREGIVER)[0] == i18n.text(
        "id", "anak.for_parents_abroad", ussd_code="*123#"
    )


def test_the_monthly_summary_is_opt_in_and_monthly(app, client, families, migrant, now):
    from workers.jobs import send_monthly_summaries

    assert send_monthly_summaries() == 0
    assert sms(client, "ANAK BULANAN", sender=migrant)[0] == i18n.text("id", "anak.monthly_on")
    assert send_monthly_summaries() == 1 and send_monthly_summaries() == 0
    now.advance(days=30)
    assert send_monthly_summaries() == 1
    sms(client, "ANAK BERHENTI", sender=migrant)
    now.advance(days=30)
    assert send_monthly_summaries() == 0
    monthly = [
        r
        for r in OutboxMessage.select()
        .where(OutboxMessage.to == migrant)
        .order_by(OutboxMessage.id)
        if r.kind == "broadcast"
    ]
    assert len(monthly) == 2 and monthly[0].text.startswith("Kabar anak:")


def test_anak_on_ussd_after_the_pin(app, client, families, migrant):

    Person.update(pin_hash=unpeppered_pin_hash("4321")).where(Person.phone == migrant).execute()
    phone = Phone(client, migrant)
    phone.dial()
    assert (
        phone.press("3", "4321") == "END Kabar anak: Budi: belum ada laporan; Ani: "
        "belum ada laporan"
    )
    start(app)
    sms(client, "1 1 2 2 1", sender=CAREGIVER)
    sms(client, "2 1 1 1 2", sender=CAREGIVER)
    phone.dial()
    # Too long for one screen: each child's news whole, by SMS, rather than cut off.
    assert phone.press("3", "4321") == "END " + i18n.text("id", "anak.by_sms", count=2)
    assert to(migrant)[-2:] == sms(client, "ANAK", sender=migrant)


def test_info_gives_the_details_to_an_officer_with_the_right_pin(app, client, families):
    app.test_cli_runner().invoke(
        args=[
            "add-officer",
            "--phone",
            OFFICER,
            "--name",
            "Bu Ani",
            "--village",
            "3507102001",
            "--pin",
            "2468",
        ]
    )
    start(app)
    sms(client, "1 1 1 1 4", sender=CAREGIVER)
    ref = Alert.get().ref
    assert sms(client, f"INFO {ref}", sender=OFFICER)[0] == i18n.text(
        "id", "officer.pin_needed", ref=ref
    )  # a PIN forgotten is asked for, and not counted as a wrong one
    assert sms(client, f"INFO {ref} 1111", sender=OFFICER)[0] == "PIN salah."
    details = " ".join(sms(client, f"INFO {ref} 2468", sender=OFFICER))
    assert details.startswith(
        f"1/2 INFO {ref}: kekerasan pada anak. Anak Budi (2015), "
        f"pengasuh Siti {CAREGIVER}, desa Sumberejo."
    )
    assert "masalah 4 Kekerasan." in details
    from gateway.models import InboundSms

    stored = [r.text for r in InboundSms.select().where(InboundSms.sender == OFFICER)]
    assert stored == [f"INFO {ref}", f"INFO {ref} ****", f"INFO {ref} ****"]  # never the PIN
    viewed = AlertEvent.get(AlertEvent.state == "info")
    assert viewed.actor == OFFICER
    assert sms(client, f"INFO {ref} 2468", sender="+6281234567899")[0] == i18n.text(
        "id", "officer.only"
    )


def test_two_caregivers_sharing_a_phone_get_one_prompt(app, families):
    grandma = Person.create(phone=CAREGIVER, name="Nenek", role="caregiver", village=families)
    Child.create(caregiver=grandma, name="Cici", birth_year=2017, in_school=True)
    start(app)
    assert to(CAREGIVER) == [
        i18n.text("id", "checkin.prompt_many", years="2015 lalu 2017, 2019", ussd_code="*123#"),
        checkin_codes.codes_sms("id"),
    ]


@pytest.mark.parametrize("page", [1, 2])
def test_a_round_opened_a_page_of_households_at_a_time_is_one_round(
    app, families, now, monkeypatch, page
):
    from gateway import checkins
    from gateway.models import CheckinRound

    monkeypatch.setattr(checkins, "HOUSEHOLDS_AT_ONCE", page)
    third = Person.create(phone="+6281299990001", name="Yati", role="caregiver", village=families)
    Child.create(caregiver=third, name="Eko", birth_year=2016, in_school=True)
    assert (
        start(app)
        == f"Round {CheckinRound.get().id}: 4 check-in(s) opened, 3 household(s) prompted."
    )
    for phone in (CAREGIVER, OTHER, third.phone):
        assert len(to(phone)) == 2 and to(phone)[1] == checkin_codes.codes_sms("id")
    now.advance(days=1)
    rahmat = Person.get(Person.phone == OTHER)
    Child.create(caregiver=rahmat, name="Fitri", birth_year=2020, in_school=True)
    opened = start(app)
    latest = CheckinRound.select().order_by(CheckinRound.id.desc()).get()
    assert CheckinRound.select().count() == 2
    assert opened.startswith(
        f"Round {latest.id}: 1 check-in(s) opened, 1 household(s) prompted.\n"
        "4 child(ren) asked less"
    )
    assert to(OTHER)[-2] == i18n.text("id", "checkin.prompt", years="2020", ussd_code="*123#")
    now.advance(days=6)
    start(app)  # a week after the first round: Fitri, asked six days ago, not yet
    now.advance(days=7)
    start(app)  # the first round's children missed two in a row (a case a household); Fitri one
    assert sorted(Child.get_by_id(a.child_id).name for a in Alert.select()) == [
        "Budi",
        "Dewi",
        "Eko",
    ]
    assert Checkin.select().where(Checkin.status == "open").count() == 5


def test_a_villages_round_asks_only_its_children_on_a_shared_phone(app, families):
    from gateway import checkins
    from gateway.models import Village

    other = Village.create(code="3507102099", name="Lain", district="Malang", province="Jatim")
    neighbour = Person.create(phone=CAREGIVER, name="Yati", role="caregiver", village=other)
    Child.create(caregiver=neighbour, name="Joko", birth_year=2013, in_school=True)
    checkins.open_due(app.config, village=families)
    assert sorted(c.child.name for c in Checkin.select()) == ["Ani", "Budi", "Dewi"]
