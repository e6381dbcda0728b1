"""Quiet hours: broadcasts and non-urgent alerts wait for 08:00-20:00 at the recipient."""

from datetime import datetime, time

import pytest

from gateway import outbox, outbox_jobs, queues, quiet_hours, sending
from gateway.models import Alert, OutboxMessage, Person, Village
from gateway.statuses import MessageKind

PHONE = "+6281234567890"


def living_in(province, code="3507102001"):
    village = Village.create(code=code, name="X", district="Y", province=province)
    Person.create(phone=PHONE, name="Siti", role="caregiver", village=village)


@pytest.mark.parametrize(
    "phone, province, code, hours_ahead_of_utc",
    [
        (PHONE, "Jawa Timur", "3507102001", 7),  # WIB
        (PHONE, "Bali", "5171010001", 8),  # WITA
        (PHONE, "Papua", "9171010001", 9),  # WIT
        (PHONE, "Sulsel", "7371010001", 8),  # Makassar: the code says WITA, whatever the name
        (PHONE, "Bali", "9901010001", 8),  # a code of no province (a demo's): by the name
        ("+6281299990000", None, None, 7),  # no village known: WIB
        ("+886912345678", None, None, 8),  # Taiwan
        ("+60123456789", None, None, 8),  # Malaysia
        ("+966501234567", None, None, 3),  # Saudi Arabia
    ],
)
def test_the_recipients_time_zone(app, phone, province, code, hours_ahead_of_utc):
    if province:
        living_in(province, code)
    offset = quiet_hours.zone_for(phone).utcoffset(datetime(2026, 11, 25))
    assert offset.total_seconds() == hours_ahead_of_utc * 3600


@pytest.mark.parametrize(
    "utc, wait_until",
    [
        (datetime(2026, 11, 25, 3, 0), None),  # 10:00 WIB
        (datetime(2026, 11, 25, 12, 59), None),  # 19:59 WIB
        (datetime(2026, 11, 25, 13, 0), datetime(2026, 11, 26, 1, 0)),  # 20:00 WIB: tomorrow 08:00
        (datetime(2026, 11, 25, 23, 30), datetime(2026, 11, 26, 1, 0)),  # 06:30 WIB: 08:00 today
    ],
)
def test_when_a_message_may_go(app, utc, wait_until):
    assert app.config["QUIET_HOURS"] == (time(20), time(8))  # the default, 20-08
    assert quiet_hours.not_before(PHONE, utc, app.config["QUIET_HOURS"]) == wait_until


@pytest.mark.parametrize(
    "setting, utc, wait_until",
    [
        ("21:30-07:00", datetime(2026, 11, 25, 14, 0), None),  # 21:00 WIB: still day
        ("21:30-07:00", datetime(2026, 11, 25, 14, 30), datetime(2026, 11, 26, 0, 0)),  # 21:30
        ("00-06", datetime(2026, 11, 25, 18, 0), datetime(2026, 11, 25, 23, 0)),  # 01:00 WIB
        ("00-06", datetime(2026, 11, 25, 16, 59), None),  # 23:59 WIB
        ("off", datetime(2026, 11, 25, 18, 0), None),
    ],
)
def test_quiet_hours_come_from_the_setting(make_app, setting, utc, wait_until, now):
    from config.settings import load_for_tests

    app = make_app(QUIET_HOURS=load_for_tests({"QUIET_HOURS": setting})["QUIET_HOURS"])
    now.value = utc
    with app.app_context():
        with outbox.batch():
            row = outbox.add(PHONE, "kabar", MessageKind.BROADCAST)
        assert OutboxMessage.get_by_id(row.id).not_before == wait_until


def alert(urgent):
    return Alert.create(
        ref="KAAAA" + str(int(urgent)),
        category="x",
        urgent=urgent,
        deadline_at=datetime(2026, 11, 27),
    )


def test_at_night_only_replies_and_urgent_alerts_go(app, now, run_jobs):
    now.value = datetime(2026, 11, 25, 15, 0)  # 22:00 WIB
    with outbox.batch():
        reply = outbox.add(PHONE, "balasan")
        urgent = outbox.add(
            PHONE, "mendesak", MessageKind.ALERT, alert_id=alert(True).id, urgent=True
        )
        normal = outbox.add(PHONE, "biasa", MessageKind.ALERT, alert_id=alert(False).id)
        broadcast = outbox.add(PHONE, "kabar", MessageKind.BROADCAST)
    run_jobs()
    status = {r.text: r.status for r in OutboxMessage.select()}
    assert status == {"balasan": "sent", "mendesak": "sent", "biasa": "queued", "kabar": "queued"}
    waiting = OutboxMessage.get_by_id(normal.id).not_before
    assert waiting == datetime(2026, 11, 26, 1, 0)
    scheduled = set(
        queues.queue("alerts").scheduled_job_registry.get_job_ids()
        + queues.queue("sms").scheduled_job_registry.get_job_ids()
    )
    assert scheduled == {outbox_jobs.job_id(normal), outbox_jobs.job_id(broadcast)}
    registry = queues.queue("sms").scheduled_job_registry  # scheduled in one pipeline, on time
    at = registry.get_scheduled_time(outbox_jobs.job_id(broadcast)).replace(tzinfo=None)
    assert at == OutboxMessage.get_by_id(broadcast.id).not_before == datetime(2026, 11, 26, 1, 0)
    assert sending.claim(broadcast.id) is None  # not before the morning, even if asked
    now.value = datetime(2026, 11, 26, 1, 0)
    run_jobs(release_scheduled=True)
    assert {r.status for r in OutboxMessage.select()} == {"sent"}
    assert reply.id and urgent.id


def test_a_supervisor_in_papua_gets_quiet_hours_of_papua(app):
    Village.create(code="9171010001", name="Holtekamp", district="Jayapura", province="Papua")
    from gateway import officers

    officers.add("+6281155550000", "Pak Yan", "supervisor", None, "Jayapura")
    offset = quiet_hours.zone_for("+6281155550000").utcoffset(datetime(2026, 11, 25))
    assert offset.total_seconds() == 9 * 3600
