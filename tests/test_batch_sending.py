"""Fan-out: identical broadcast texts go to many numbers in one provider call, with the real
SDK against the fake Africa's Talking server, and each row settled by its own answer line."""

from __future__ import annotations

import math
import random
from collections import Counter

import pytest
from flask import current_app

from gateway import outbox, providers, queues, sending
from gateway.models import Contact, OutboxMessage, db
from gateway.providers import africastalking
from gateway.statuses import MessageKind
from gateway.transactions import unit_of_work
from tests.conftest import InProcessWorker
from tests.test_races import at_once
from workers.jobs import send_sms

TEXT = "Posyandu Sabtu 09.00 di balai desa. Bawa buku KIA."
OFFICER = "+6281299900101"


def phone(number: int) -> str:
    return f"+62813{number:08d}"


def broadcast(count: int, text: str = TEXT) -> list[OutboxMessage]:
    """A desk broadcast to `count` numbers, stored and enqueued as the desk does."""
    with unit_of_work():
        rows = outbox.add_many([(phone(n), text) for n in range(count)], MessageKind.BROADCAST)
    return rows


def statuses() -> Counter:
    return Counter(row.status for row in OutboxMessage.select())


@pytest.mark.parametrize("size, page", [(100, 500), (40, 500), (100, 7)])
def test_a_broadcast_to_250_numbers_goes_in_one_call_per_batch(
    make_app, fake_at, run_jobs, monkeypatch, size, page
):
    monkeypatch.setattr(outbox, "NUMBERS_AT_ONCE", page)  # stored 7 numbers at a time: the same
    app = make_app(
        SMS_BACKEND="africastalking", AT_API_KEY="k", AT_API_URL=fake_at.url, OUTBOX_BATCH_SIZE=size
    )
    with app.app_context():
        rows = broadcast(250)
        run_jobs()
        assert fake_at.calls() == math.ceil(250 / size)
        assert statuses() == {"sent": 250}
        # Each row carries the message id of its own number's line in the answer.
        lines = {line["number"]: line["messageId"] for r in fake_at.requests for line in r["lines"]}
        stored = {row.to: row.provider_id for row in OutboxMessage.select()}
        assert stored == lines and len(set(stored.values())) == 250
        assert sorted(fake_at.received()) == sorted((phone(n), TEXT) for n in range(250))
        assert len(rows) == 250
        assert {row.attempts for row in OutboxMessage.select()} == {1}


def test_the_jobs_of_rows_another_batch_sent_are_skipped(at_app, fake_at):
    rows = broadcast(5)
    assert send_sms(rows[2].id) == "sent"
    assert [send_sms(row.id) for row in rows] == ["skipped"] * 5
    assert fake_at.calls() == 1 and fake_at.requests[0]["form"]["to"].count(",") == 4


def test_a_refused_number_fails_only_its_row(at_app, fake_at, run_jobs):
    rows = broadcast(10)
    fake_at.refuse(phone(3), 403)
    run_jobs()
    assert fake_at.calls() == 1
    failed = OutboxMessage.get(OutboxMessage.to == phone(3))
    assert (failed.status, failed.last_error, failed.provider_id) == (
        "failed",
        "403 InvalidPhoneNumber",
        None,
    )
    assert statuses() == {"sent": 9, "failed": 1}
    assert len(rows) == 10
    # A dead number counts towards pausing it, as when it is sent alone (dead_numbers.py).
    assert Contact.get(Contact.phone == phone(3)).failed_deliveries == 1


def test_a_malformed_number_fails_alone_and_the_others_go(at_app, fake_at):
    results = providers.from_config(current_app.config).send_many([phone(1), "0812", phone(2)], "x")
    assert [r.status.value for r in results] == ["sent", "final", "sent"]
    assert "invalid number" in results[1].error
    assert fake_at.requests[0]["form"]["to"] == f"{phone(1)},{phone(2)}"


def test_a_read_time_out_leaves_the_whole_batch_unknown_never_sent_twice(
    at_app, fake_at, run_jobs, monkeypatch, now
):
    monkeypatch.setattr(africastalking, "TIMEOUT_S", (1.0, 0.3))
    fake_at.script("sleep:1.0")  # the provider takes the request and answers too late
    broadcast(20)
    run_jobs()
    rows = list(OutboxMessage.select())
    assert {(r.status, r.ambiguous_attempts, r.provider_id) for r in rows} == {("unknown", 1, None)}
    now.advance(minutes=10)
    sending.sweep()
    run_jobs(release_scheduled=True)
    assert fake_at.calls() == 1 and statuses() == {"unknown": 20}


def test_a_failed_call_is_retried_once_for_the_batch_after_the_wait(at_app, fake_at, run_jobs, now):
    fake_at.script("http:500")
    broadcast(30)
    run_jobs()
    assert fake_at.calls() == 1 and statuses() == {"queued": 30}
    # Every row waits out the back-off (the lead's job and each mate's job with RQ's Retry).
    waits = {row.not_before - now() for row in OutboxMessage.select()}
    assert {w.total_seconds() for w in waits} == {10}
    assert len(queues.queue("sms").scheduled_job_registry.get_job_ids()) == 30
    run_jobs(release_scheduled=True)  # too early: nothing goes
    assert fake_at.calls() == 1
    now.advance(seconds=10)
    run_jobs(release_scheduled=True)
    assert fake_at.calls() == 2 and statuses() == {"sent": 30}
    assert {row.attempts for row in OutboxMessage.select()} == {2}


def test_rows_waiting_for_quiet_hours_stay_out_of_a_batch(at_app, fake_at, run_jobs):
    rows = broadcast(4)
    later = rows[1]
    OutboxMessage.update(not_before=later.created_at.replace(hour=23)).where(
        OutboxMessage.id == later.id
    ).execute()
    run_jobs()
    assert fake_at.calls() == 1 and phone(1) not in fake_at.requests[0]["form"]["to"]
    assert OutboxMessage.get_by_id(later.id).status == "queued"


def test_an_urgent_alert_queued_during_a_broadcast_overtakes_its_other_batches(
    at_app, fake_at, run_jobs
):
    broadcast(250)
    worker = InProcessWorker(
        [queues.queue(n) for n in queues.QUEUE_NAMES], connection=queues.redis()
    )
    worker.work(burst=True, max_jobs=1)  # the broadcast's first batch is out
    with unit_of_work():
        alert = outbox.add(OFFICER, "KASUS T-1: kekerasan", MessageKind.ALERT, urgent=True)
    run_jobs()
    sent_to = [request["form"]["to"] for request in fake_at.requests]
    assert sent_to[1] == OFFICER  # alone, and before the 150 numbers still waiting
    assert [to.count(",") + 1 for to in sent_to] == [100, 1, 100, 50]
    assert alert.batch_key is None and OutboxMessage.get_by_id(alert.id).status == "sent"


def test_two_workers_never_send_one_row_twice(at_app, fake_at):
    fake_at.delay = 0.02  # calls overlap
    rows = broadcast(300)
    ids = [row.id for row in rows]
    db.close()  # each thread its own connection

    def drain(seed: int) -> list[str]:
        order = random.Random(seed).sample(ids, len(ids))  # each worker meets the jobs in turn
        return [send_sms(row_id) for row_id in order]

    done = at_once(4, drain)
    with db.connection_context():
        received = Counter(number for number, _ in fake_at.received())
        assert sorted(received) == sorted(phone(n) for n in range(300))
        assert set(received.values()) == {1}
        assert statuses() == {"sent": 300}
        assert {row.attempts for row in OutboxMessage.select()} == {1}
    assert sum(result.count("sent") for result in done) == fake_at.calls()


def test_the_console_sends_a_batch_one_by_one(app, run_jobs):
    broadcast(3)
    run_jobs()
    ids = {row.provider_id for row in OutboxMessage.select()}
    assert (
        statuses() == {"sent": 3} and len(ids) == 3 and all(i.startswith("console-") for i in ids)
    )
