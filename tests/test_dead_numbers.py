"""Recycled numbers: repeated dead-number failures pause non-urgent SMS to that number and
tell the village officer (the number and the village, no name)."""

from __future__ import annotations

from gateway import i18n, outbox, sending
from gateway.models import Alert, OutboxMessage, Person, Village
from gateway.providers.base import SendResult, SendStatus
from gateway.statuses import MessageKind

FAMILY, OFFICER = "+6281234567890", "+6281299900101"


def fail(client, number: int, reason: str = "UserDoesNotExist") -> None:
    row = outbox.add(FAMILY, f"kabar {number}", kind=MessageKind.BROADCAST)
    sending.record_result(
        sending.claim(row.id), SendResult(SendStatus.SENT, provider_id=f"X{number}")
    )
    client.post(
        "/sms/delivery",
        data={
            "id": f"X{number}",
            "status": "Failed",
            "failureReason": reason,
            "phoneNumber": FAMILY,
        },
    )


def test_three_dead_number_failures_pause_broadcasts_and_tell_the_officer(client, app):
    village = Village.create(
        code="3507102001", name="Sumberejo", district="Malang", province="Jawa Timur"
    )
    Person.create(phone=FAMILY, name="Siti Aminah", role="caregiver", village=village)
    app.test_cli_runner().invoke(
        args=["add-officer", "--phone", OFFICER, "--name", "Bu Ani", "--village", village.code]
    )
    fail(client, 1, "AbsentSubscriber")  # a phone switched off: not a dead number
    for number in range(2, 5):
        fail(client, number)
    notice = OutboxMessage.get(OutboxMessage.to == OFFICER)
    assert notice.text == i18n.text("id", "dead_number.officer", phone=FAMILY, village="Sumberejo")
    assert "Siti" not in notice.text
    held = outbox.add(FAMILY, "siaran", kind=MessageKind.BROADCAST)
    assert (held.status, held.last_error) == ("suppressed", "number paused: its SMS keep failing")
    urgent = Alert.create(ref="T1", category="violence", urgent=True, deadline_at=held.created_at)
    assert (
        outbox.add(FAMILY, "KASUS", kind=MessageKind.ALERT, alert_id=urgent.id, urgent=True).status
        == "queued"
    )
    assert outbox.add(FAMILY, "balasan").status == "queued"  # a reply: they just wrote to us
    # A message that arrives again: the number is alive, and broadcasts go again.
    row = outbox.add(FAMILY, "balasan 2")
    sending.record_result(sending.claim(row.id), SendResult(SendStatus.SENT, provider_id="OK1"))
    client.post("/sms/delivery", data={"id": "OK1", "status": "Success", "phoneNumber": FAMILY})
    assert outbox.add(FAMILY, "siaran 2", kind=MessageKind.BROADCAST).status == "queued"
    assert OutboxMessage.select().where(OutboxMessage.to == OFFICER).count() == 1  # told once


def test_both_spellings_of_not_a_network_subscriber_mean_a_dead_number():
    from gateway.dead_numbers import means_dead

    assert means_dead("NotNetworkSubcriber") and means_dead("NotNetworkSubscriber")
    assert not means_dead("AbsentSubscriber")
