"""/sms/incoming end to end: stored once, routed, answered through the outbox and the worker."""

import logging

import pytest

from gateway import i18n, outbox
from gateway.models import Contact, InboundSms, OutboxMessage
from gateway.statuses import MessageKind, OutboxStatus
from tests.conftest import sms

PHONE = "+6281234567890"


def test_halo_produces_exactly_one_help_sms_through_the_worker(client, run_jobs, caplog):
    caplog.set_level(logging.INFO, logger="gateway.sms.console")
    sms(client, "halo")
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


@pytest.mark.parametrize("text", ["STOP", "stop", "  Stop  ", "STPO", "UNREG", "unreg", "Berhenti"])
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


def test_a_foreign_number_is_kept_as_it_is(client):
    sms(client, "halo", sender="+886 912 345 678")
    assert OutboxMessage.get().to == "+886912345678"


def test_the_answer_waits_in_the_outbox_when_redis_is_down(make_app, run_jobs):
    from gateway import queues

    app = make_app()
    app.extensions["redis"] = queues.connect("redis://127.0.0.1:1/0")
    sms(app.test_client(), "halo")
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


def test_daftar_from_someone_registered_says_so(client, village):
    from gateway.models import Person

    Person.create(phone="+6281234567000", name="Siti", role="caregiver", village=village)
    assert sms(client, "DAFTAR", sender="081234567000") == [
        i18n.text("id", "sms.registered_already", ussd_code="*123#")
    ]
