"""Alerts: the officer's SMS, OK / SELESAI / KASUS, escalation exactly once, every state stored."""

from datetime import timedelta

import pytest

from gateway import clock, gsm7, i18n, queues
from gateway.models import Alert, AlertEvent, Officer, OutboxMessage, Report, Village
from tests.conftest import add_officer, sms

OFFICER, SUPERVISOR, REPORTER = "+6281110000001", "+6281110000002", "+6281234567890"


@pytest.fixture
def case(app, client, village):
    """A broker report from a registered villager: an open alert for the village officer."""
    from gateway.models import Person

    other = Village.create(
        code="3507102002", name="Sukorejo", district="Malang", province="Jawa Timur"
    )
    Person.create(phone=REPORTER, name="Rina", role="calon_pmi", village=village)
    add_officer(app, OFFICER, "Bu Ani", "--village", village.code)
    add_officer(app, "+6281110000003", "Pak Lain", "--village", other.code)
    add_officer(app, SUPERVISOR, "Pak Budi", "--role", "supervisor", "--district", "Malang")
    sms(client, "LAPOR calo minta uang ikatan", sender=REPORTER)
    return Alert.get(Alert.ref == Report.get().ref)


def last_to(phone):
    row = (
        OutboxMessage.select()
        .where(OutboxMessage.to == phone)
        .order_by(OutboxMessage.id.desc())
        .first()
    )
    return row.text if row else None


def states(alert):
    return [
        e.state
        for e in AlertEvent.select().where(AlertEvent.alert == alert).order_by(AlertEvent.id)
    ]


def later(monkeypatch, minutes):
    moment = clock.now() + timedelta(minutes=minutes)
    monkeypatch.setattr(clock, "now", lambda: moment)


def escalate(app):
    return app.test_cli_runner().invoke(args=["alerts", "escalate"]).output.strip()


def test_the_alert_goes_to_the_village_officer_and_its_sending_is_stored(client, case, run_jobs):
    assert (case.category, case.state, case.village.name) == ("broker", "opened", "Sumberejo")
    assert last_to(OFFICER).startswith(f"LAPOR CALO {case.ref} desa Sumberejo")
    run_jobs()
    row = OutboxMessage.get(OutboxMessage.to == OFFICER)
    client.post("/sms/delivery", data={"id": row.provider_id, "status": "Success"})
    assert states(case) == ["opened", "sent", "delivered"]
    assert Alert.get_by_id(case.id).state == "delivered"


def test_an_alert_that_fails_for_good_escalates_at_once(app, client, case, run_jobs):
    run_jobs()
    row = OutboxMessage.get(OutboxMessage.to == OFFICER)
    report = {"id": row.provider_id, "status": "Failed", "failureReason": "UserIsInactive"}
    assert client.post("/sms/delivery", data=report).status_code == 200
    assert states(case) == ["opened", "sent", "undelivered"]
    # Nobody was told: due now, not in 24 hours, and the cron's next run escalates it.
    assert escalate(app) == "Escalated 1 overdue alert(s)."
    assert last_to(SUPERVISOR).startswith(f"ESKALASI {case.ref}")


def test_one_officers_failed_sms_waits_while_anothers_may_reach_them(app, client, village):
    from gateway.models import Person

    Person.create(phone=REPORTER, name="Rina", role="calon_pmi", village=village)
    add_officer(app, OFFICER, "Bu Ani", "--village", village.code)
    add_officer(app, "+6281110000009", "Pak Dua", "--village", village.code)
    add_officer(app, SUPERVISOR, "Pak Budi", "--role", "supervisor", "--district", "Malang")
    sms(client, "LAPOR calo minta uang ikatan", sender=REPORTER)
    case = Alert.get()
    row = OutboxMessage.get(OutboxMessage.to == OFFICER)
    OutboxMessage.update(provider_id="P1", status="sent").where(
        OutboxMessage.id == row.id
    ).execute()
    client.post("/sms/delivery", data={"id": "P1", "status": "Failed"})
    assert states(case) == ["opened", "undelivered"]
    assert escalate(app) == "Escalated 0 overdue alert(s)."  # Pak Dua's SMS is on its way


def test_ok_acknowledges_and_the_alert_never_escalates(app, client, case, monkeypatch):
    sms(client, f"ok #{case.ref.lower()}", sender=OFFICER)  # "#" as some write a reference
    assert last_to(OFFICER) == i18n.text("id", "officer.acknowledged", ref=case.ref)
    later(monkeypatch, 2 * 24 * 60)
    assert escalate(app) == "Escalated 0 overdue alert(s)."
    assert last_to(SUPERVISOR) is None
    event = AlertEvent.get(AlertEvent.state == "acknowledged")
    assert event.actor == OFFICER and event.at is not None


def test_an_unacknowledged_alert_escalates_once_with_the_same_ref(app, client, case, monkeypatch):
    later(monkeypatch, 23 * 60)
    assert escalate(app) == "Escalated 0 overdue alert(s)."
    later(monkeypatch, 2 * 60)  # 25 hours after the report: past ESCALATE_MINUTES (24 h)
    assert escalate(app) == "Escalated 1 overdue alert(s)."
    assert escalate(app) == "Escalated 0 overdue alert(s)."
    texts = [
        r.text
        for r in OutboxMessage.select()
        .where(OutboxMessage.to == SUPERVISOR)
        .order_by(OutboxMessage.id)
    ]
    assert len(texts) == 1 and texts[0].startswith(f"ESKALASI {case.ref}: calo desa Sumberejo")
    assert states(case) == ["opened", "escalated"]
    sms(client, f"OK {case.ref}", sender=SUPERVISOR)  # the supervisor takes it
    assert Alert.get_by_id(case.id).state == "acknowledged"
    sms(client, f"OK {case.ref}", sender=OFFICER)
    supervisor = Officer.get(Officer.phone == SUPERVISOR).name  # who has it: "Pak Budi"
    assert last_to(OFFICER) == i18n.text(
        "id", "officer.already_acknowledged", ref=case.ref, by=supervisor
    )


def test_the_scheduled_job_escalates_through_rq(app, case, monkeypatch, run_jobs):
    later(monkeypatch, 25 * 60)
    queues.queue("alerts").enqueue("workers.jobs.escalate_alerts")
    run_jobs()
    assert Alert.get_by_id(case.id).state == "escalated"
    assert OutboxMessage.get(OutboxMessage.to == SUPERVISOR).status == "sent"


def test_selesai_closes_with_a_note_and_kasus_lists_what_is_open(client, case):
    sms(client, "KASUS", sender=OFFICER)
    assert last_to(OFFICER) == f"Kasus terbuka (1): {case.ref} calo Sumberejo"
    for bare in (f"SELESAI {case.ref}", f"SELESAI {case.ref} ok"):  # what was done, please
        sms(client, bare, sender=OFFICER)
        assert last_to(OFFICER) == i18n.text("id", "officer.close_needs_note", ref=case.ref)
        assert Alert.get_by_id(case.id).state != "closed"
    sms(client, f"SELESAI {case.ref} calo sudah dilaporkan ke polisi", sender=OFFICER)
    assert last_to(OFFICER) == i18n.text("id", "officer.closed", ref=case.ref)
    closed = AlertEvent.get(AlertEvent.state == "closed")
    assert closed.note == "calo sudah dilaporkan ke polisi" and closed.actor == OFFICER
    sms(client, "KASUS", sender=OFFICER)
    assert last_to(OFFICER) == i18n.text("id", "officer.no_cases")
    sms(client, f"OK {case.ref}", sender=OFFICER)
    assert last_to(OFFICER) == i18n.text(
        "id",
        "officer.already_closed",
        ref=case.ref,
        by="Bu Ani",  # she closed it herself
    )


@pytest.mark.parametrize(
    "sender, text, key",
    [
        (REPORTER, "OK {ref}", "officer.only"),
        (REPORTER, "KASUS", "officer.only"),
        (OFFICER, "OK", "officer.need_ref"),
        (OFFICER, "OK KZZZZZ", "officer.unknown_ref"),
        ("+6281110000003", "OK {ref}", "officer.unknown_ref"),  # another village's officer
    ],
)
def test_commands_from_the_wrong_people_get_a_short_answer(client, case, sender, text, key):
    sms(client, text.format(ref=case.ref), sender=sender)
    ref = "KZZZZZ" if "KZZZZZ" in text else case.ref
    assert last_to(sender) == i18n.text(
        "id", key, ref=ref, ussd_code="*123#", help="KP2MI 0800-1000"
    )
    assert Alert.get_by_id(case.id).state == "opened"


def test_an_officer_dialling_gets_the_officer_menu_and_open_cases(client, case):
    from tests.ussd_phone import Phone

    phone = Phone(client, OFFICER)
    menu = phone.dial()
    assert menu.startswith("CON Menu petugas Desmigratif") and "1 Kasus terbuka" in menu
    assert phone.press("1") == f"END Kasus terbuka (1): {case.ref} calo Sumberejo"


def test_kasus_lists_urgent_cases_first_and_whole_then_the_next_page(client, case, village):
    from gateway import alerts

    for _ in range(7):
        alerts.open_case("bullying", village)
    urgent = alerts.open_case("violence", village)
    listed = []
    for page in range(1, 10):
        sms(client, "KASUS" if page == 1 else f"KASUS {page}", sender=OFFICER)
        text = last_to(OFFICER)
        assert gsm7.fits(text) and text.startswith("Kasus terbuka (9): ")
        lines = text.split(": ", 1)[1].split(" +", 1)[0].split("; ")
        assert all(line.endswith(" Sumberejo") for line in lines)  # no line cut short
        listed += [line.split()[0] for line in lines]
        if " lagi: KASUS " not in text:
            break
        assert text.endswith(f" lagi: KASUS {page + 1}")
    assert listed[0] == urgent.ref and len(listed) == len(set(listed)) == 9


def test_an_officers_unknown_command_gets_the_officers_commands(client, case):
    """'0K' for OK (a zero), or an empty SMS: an officer is shown OK, SELESAI, KASUS, INFO."""
    for text in (f"0K {case.ref}", ""):
        sms(client, text, sender=OFFICER)
        help_text = last_to(OFFICER)
        assert help_text == i18n.text("id", "sms.help_officer", ussd_code="*123#")
        assert all(word in help_text for word in ("OK", "SELESAI", "KASUS", "INFO", "TOLONG"))
    assert Alert.get_by_id(case.id).state != "acknowledged"
