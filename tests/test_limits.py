"""Abuse limits per number and hour: a flood gets one polite answer, then silence; nothing
is lost; a child in danger is never silenced; LAPOR floods are one case."""

from __future__ import annotations

import pytest

from gateway import i18n
from gateway.models import Alert, InboundSms, OutboxMessage, Report
from tests.conftest import sms

PHONE = "+6281234567890"


@pytest.fixture
def limited(make_app):
    app = make_app(INBOUND_SMS_PER_HOUR=3, USSD_SESSIONS_PER_HOUR=2, OUTBOUND_SMS_PER_HOUR=5)
    with app.app_context():
        yield app.test_client()


def test_a_flood_gets_one_polite_answer_then_silence_and_loses_nothing(limited, caplog):
    for _ in range(10):
        sms(limited, "halo")
    texts = [m.text for m in OutboxMessage.select().order_by(OutboxMessage.id)]
    assert len(texts) == 4 and texts[-1] == i18n.text("id", "limit.sms")
    assert InboundSms.select().count() == 10  # every one stored
    assert sum("over 3 this hour" in r.getMessage() for r in caplog.records) == 1


def test_words_of_danger_get_through_a_flood(limited):
    for _ in range(10):
        sms(limited, "halo")
    sms(limited, "TOLONG anak saya dipukul")
    assert Alert.select().count() == 1


@pytest.mark.parametrize(
    "text, category",
    [
        ("LAPOR calo minta paspor anak saya Rani untuk kerja", "recruitment"),
        ("1 1 1 1 4", "violence"),
    ],
)
def test_a_childs_danger_in_a_report_or_a_problem_code_gets_through_a_flood(
    limited, text, category
):
    from gateway.models import Child, Person, Village

    village = Village.create(
        code="3212010001", name="Kenanga", district="Indramayu", province="Jawa Barat"
    )
    siti = Person.create(phone=PHONE, name="Siti", role="caregiver", village=village)
    Child.create(caregiver=siti, name="Rani", birth_year=2012, in_school=True)
    for _ in range(10):
        sms(limited, "halo")
    sms(limited, text)
    assert category in [alert.category for alert in Alert.select()]


def test_the_next_hour_answers_again(limited, now):
    for _ in range(5):
        sms(limited, "halo")
    now.advance(hours=1)
    sms(limited, "halo")
    assert OutboxMessage.select().order_by(OutboxMessage.id.desc()).get().text != i18n.text(
        "id", "limit.sms"
    )


def test_too_many_ussd_sessions_end_politely(limited):
    answers = [
        limited.post("/ussd", data={"sessionId": f"s{n}", "phoneNumber": PHONE, "text": ""}).text
        for n in range(3)
    ]
    assert answers[0].startswith("CON ") and answers[1].startswith("CON ")
    assert answers[2] == "END " + i18n.text("id", "limit.ussd")


def test_replies_to_one_number_are_capped_alerts_never(make_app):
    from gateway import outbox
    from gateway.statuses import MessageKind

    with make_app(OUTBOUND_SMS_PER_HOUR=2).app_context():
        rows = [outbox.add(PHONE, f"balasan {n}") for n in range(3)]
        alert = outbox.add(PHONE, "KASUS", kind=MessageKind.ALERT)
        assert [r.status for r in rows] == ["queued", "queued", "suppressed"]
        assert alert.status == "queued"


def test_later_lapor_within_the_hour_join_the_open_case(client, app):
    for text in ("calo minta 5 juta", "calo datang lagi", "ada tiga calo"):
        sms(client, f"LAPOR {text}", sender=PHONE)
    assert Alert.select().count() == 1 and Report.select().count() == 1
    assert Report.get().text == "calo minta 5 juta | calo datang lagi | ada tiga calo"
    refs = {
        m.text.split("Laporan ")[1].split()[0]
        for m in OutboxMessage.select()
        if "Laporan " in m.text
    }
    assert len(refs) == 1  # the reporter always quotes the same reference
