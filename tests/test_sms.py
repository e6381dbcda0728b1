"""/sms/incoming end to end: stored once, routed, answered through the outbox and the worker."""

import logging

import pytest

from gateway import i18n, outbox
from gateway.models import Contact, InboundSms, OutboxMessage
from gateway.statuses import MessageKind, OutboxStatus

PHONE = "+6281234567890"


def sms(client, text, msg_id="ATXid_1", sender="081234567890", **extra):
    form = {
        "from": sender,
        "to": "99123",
        "text": text,
        "date": "2026-11-25 09:00:00",
        "id": msg_id,
        "linkId": "link-1",
        "networkCode": "51010",
        **extra,
    }
    return client.post("/sms/incoming", data=form)


def test_halo_produces_exactly_one_help_sms_through_the_worker(client, run_jobs, caplog):
    caplog.set_level(logging.INFO, logger="gateway.sms.console")
    assert sms(client, "halo").status_code == 200
    run_jobs()
    row = OutboxMessage.get()
    assert OutboxMessage.select().count() == 1
    assert (row.to, row.status, row.attempts) == (PHONE, "sent", 1)
    assert row.text == i18n.text("id", "sms.help", ussd_code="*123#", help="KP2MI 0800-1000")
    assert row.provider_id.startswith("console-")
    assert [r.getMessage() for r in caplog.records if "SMS to" in r.getMessage()] == [
        f"SMS to {PHONE} ({row.provider_id}): {row.text}"
    ]
    inbound = InboundSms.get()
    assert (inbound.sender, inbound.text, inbound.keyword) == (PHONE, "halo", None)


def test_a_replayed_callback_is_handled_once(client, run_jobs):
    for _ in range(3):
        assert sms(client, "halo").status_code == 200
    run_jobs()
    assert InboundSms.select().count() == 1
    assert OutboxMessage.select().count() == 1


@pytest.mark.parametrize("text", ["STOP", "stop", "  Stop  ", "STPO"])
def test_stop_opts_out_of_broadcasts_only(client, text):
    sms(client, text)
    assert Contact.get(Contact.phone == PHONE).opted_out is True
    assert OutboxMessage.get().text.startswith("Anda berhenti menerima info")
    assert outbox.add(PHONE, "kabar desa", MessageKind.BROADCAST).status == "suppressed"
    assert outbox.add(PHONE, "balasan", MessageKind.REPLY).status == "queued"


def test_mulai_opts_back_in(client):
    sms(client, "STOP", msg_id="a")
    sms(client, "mulai", msg_id="b")
    assert Contact.get().opted_out is False
    assert OutboxMessage.select().order_by(OutboxMessage.id)[-1].text.startswith("Anda menerima")
    assert outbox.add(PHONE, "kabar desa", MessageKind.BROADCAST).status == "queued"


def test_the_reply_uses_the_language_the_number_chose(client):
    Contact.create(phone=PHONE, language="en")
    sms(client, "what?")
    assert OutboxMessage.get().text == i18n.text(
        "en", "sms.help", ussd_code="*123#", help="KP2MI 0800-1000"
    )


@pytest.mark.parametrize("missing", ["id", "from"])
def test_a_callback_without_id_or_sender_is_a_400_and_stores_nothing(client, missing):
    form = {"from": "081234567890", "text": "halo", "id": "x1"}
    del form[missing]
    response = client.post("/sms/incoming", data=form)
    assert response.status_code == 400
    assert missing in response.get_data(as_text=True)
    assert InboundSms.select().count() == 0 and OutboxMessage.select().count() == 0


@pytest.mark.parametrize("sender", ["hello", "12", "+62 1", "0" * 40])
def test_a_garbage_sender_is_refused_and_never_stored(client, sender):
    assert sms(client, "halo", sender=sender).status_code == 400
    assert InboundSms.select().count() == 0 and Contact.select().count() == 0


def test_twenty_kilobytes_of_text_are_kept_and_answered_with_help(client):
    text = "halo " * 4000
    assert sms(client, text).status_code == 200
    assert InboundSms.get().text == text
    assert OutboxMessage.get().text.startswith("Desmigratif:")


@pytest.mark.parametrize("body", [b"text=caf%FF%FE", b"text=caf\xff\xfe"])
def test_invalid_utf8_is_kept_and_answered(client, body):
    response = client.post(
        "/sms/incoming",
        data=b"from=081234567890&id=u1&" + body,
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert InboundSms.get().text.startswith("caf")
    assert OutboxMessage.get().text.startswith("Desmigratif:")


def test_a_foreign_number_is_kept_as_it_is(client):
    sms(client, "halo", sender="+886 912 345 678")
    assert OutboxMessage.get().to == "+886912345678"


def test_the_answer_waits_in_the_outbox_when_redis_is_down(make_app, run_jobs):
    from gateway import queues

    app = make_app()
    app.extensions["redis"] = queues.connect("redis://127.0.0.1:1/0")
    assert sms(app.test_client(), "halo").status_code == 200
    row = OutboxMessage.get()
    assert row.status == OutboxStatus.QUEUED and row.attempts == 0


def test_the_reply_uses_the_village_language_when_the_number_chose_none(client):
    from gateway.models import Person, Village

    village = Village.create(code="3507102001", name="S", district="M", province="J", language="jv")
    Person.create(phone=PHONE, name="Siti", role="caregiver", village=village)
    sms(client, "halo")
    assert OutboxMessage.get().text == i18n.text(
        "jv", "sms.help", ussd_code="*123#", help="KP2MI 0800-1000"
    )


@pytest.mark.parametrize("text", ["DAFTAR", "daftar saya", "DAFTRA"])
def test_daftar_says_how_to_register(client, text):
    sms(client, text)
    assert OutboxMessage.get().text == i18n.text("id", "sms.register", ussd_code="*123#")


@pytest.mark.parametrize("control", ["\x00", "\x07", "\x1b", "\x7f"])
@pytest.mark.parametrize("field", ["text", "id", "from"])
def test_a_control_character_in_a_callback_is_dropped_not_a_500(client, field, control):
    form = {"from": "081234567890", "id": "nul-1", "text": "CEK Maju\x00 Jaya"}
    form[field] = form[field][:3] + control + form[field][3:]
    response = client.post("/sms/incoming", data=form)
    assert response.status_code == 200
    from gateway.models import InboundSms

    stored = InboundSms.get().text + InboundSms.get().provider_id
    assert control not in stored and "\x00" not in stored
