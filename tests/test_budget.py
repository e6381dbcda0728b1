"""The monthly SMS budget per village: the supervisor warned at 80%, what is not urgent waits
for next month past 100%, urgent SMS always go."""

from __future__ import annotations

from datetime import datetime

from gateway import i18n, outbox
from gateway.models import Alert, OutboxMessage, Person, Village
from gateway.statuses import MessageKind

FAMILY, SUPERVISOR = "+6281234567890", "+6281299900202"


def test_a_village_past_its_budget_holds_what_is_not_urgent(make_app):
    app = make_app(VILLAGE_SMS_PER_MONTH=5)
    with app.app_context():
        village = Village.create(
            code="3507102001", name="Sumberejo", district="Malang", province="Jawa Timur"
        )
        Person.create(phone=FAMILY, name="Siti", role="caregiver", village=village)
        app.test_cli_runner().invoke(
            args=[
                "add-officer",
                "--phone",
                SUPERVISOR,
                "--name",
                "Pak Budi",
                "--role",
                "supervisor",
                "--district",
                "Malang",
            ]
        )
        rows = [outbox.add(FAMILY, f"siaran {n}", kind=MessageKind.BROADCAST) for n in range(6)]
        warning = OutboxMessage.get(OutboxMessage.to == SUPERVISOR)
        assert warning.text == i18n.text(
            "id", "budget.warning", village="Sumberejo", used=4, budget=5
        )
        assert [r.not_before for r in rows[:5]] == [None] * 5
        assert rows[5].not_before == datetime(2026, 12, 1, 1, 0)  # next month, 08:00 in Java
        reply = outbox.add(FAMILY, "jawaban CEK")
        alert = Alert.create(
            ref="T1", category="violence", urgent=True, deadline_at=datetime(2026, 11, 25)
        )
        urgent = outbox.add(FAMILY, "KASUS", kind=MessageKind.ALERT, alert_id=alert.id, urgent=True)
        assert reply.not_before is None and urgent.not_before is None
        assert OutboxMessage.select().where(OutboxMessage.to == SUPERVISOR).count() == 1


def test_no_budget_by_default(app):
    village = Village.create(
        code="3507102001", name="Sumberejo", district="Malang", province="Jawa Timur"
    )
    Person.create(phone=FAMILY, name="Siti", role="caregiver", village=village)
    rows = [outbox.add(FAMILY, f"siaran {n}", kind=MessageKind.BROADCAST) for n in range(50)]
    assert all(r.not_before is None for r in rows)
