"""One RQ job per batch of a broadcast text: the batch's first row carries the others
(`sent_with`); what it could not take gets jobs of its own; nothing lost when Redis or a worker
is, and a round's codes never before its question."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from flask import current_app
from rq.job import Job

from gateway import checkins, outbox, outbox_jobs, queues, sending
from gateway.models import Child, OutboxMessage, Person, Village, db
from gateway.statuses import MessageKind
from gateway.transactions import unit_of_work
from tests.test_batch_sending import TEXT, broadcast, phone, statuses
from workers.jobs import SendRetryError, send_sms


def households(count: int) -> None:
    """`count` caregivers with one child each, born in two years: two question texts."""
    village = Village.create(code="3507102001", name="S", district="M", province="Jawa Timur")
    for n in range(count):
        caregiver = Person.create(phone=phone(n), name="Ibu", role="caregiver", village=village)
        Child.create(caregiver=caregiver, name="Anak", birth_year=2010 + n % 2, in_school=True)


def order_received(fake_at) -> dict[str, list[str]]:
    """What each number received, in order: the round's question, its codes."""
    order: dict[str, list[str]] = {}
    for number, text in fake_at.received():
        order.setdefault(number, []).append("codes" if text.startswith("Kode") else "question")
    return order


def test_a_broadcast_queues_one_job_per_batch_not_one_per_row(at_app, fake_at, run_jobs):
    rows = broadcast(250)
    sms = queues.queue("sms")
    assert sms.count == 3  # 100, 100 and 50 rows: their first rows' jobs
    carriers = [rows[0].id, rows[100].id, rows[200].id]
    assert [job.args for job in sms.jobs] == [(carrier,) for carrier in carriers]
    stored = {row.id: row.sent_with for row in OutboxMessage.select()}
    assert all(stored[row.id] == carriers[n // 100] for n, row in enumerate(rows) if n % 100)
    assert {outbox_jobs.job_id(row) for row in OutboxMessage.select()} == set(sms.job_ids)
    run_jobs()
    assert fake_at.calls() == 3 and statuses() == {"sent": 250}


def test_a_row_its_batch_could_not_take_gets_its_own_job_and_waits_its_turn(
    at_app, fake_at, run_jobs, now
):
    with unit_of_work():  # an earlier SMS to one of the numbers, on its way
        earlier = outbox.add(phone(3), "Rapat RT", MessageKind.BROADCAST)
    OutboxMessage.update(status="sending").where(OutboxMessage.id == earlier.id).execute()
    broadcast(5)
    run_jobs()
    assert [request["form"]["to"].count(",") + 1 for request in fake_at.requests] == [4]
    ours = OutboxMessage.get((OutboxMessage.to == phone(3)) & (OutboxMessage.id != earlier.id))
    assert (ours.status, ours.sent_with) == ("queued", None)  # its own job, back in 10 s
    OutboxMessage.update(status="sent").where(OutboxMessage.id == earlier.id).execute()
    now.advance(seconds=10)
    run_jobs(release_scheduled=True)
    assert fake_at.requests[1]["form"]["to"] == phone(3)
    assert statuses() == {"sent": 6}


def test_batches_whose_jobs_redis_lost_are_found_once_each_and_sent(at_app, fake_at, run_jobs):
    broadcast(250)
    queues.redis().flushdb()  # Redis restarted without its data
    assert sending.sweep() == 3  # one job a batch, asked about once for its 100 rows
    run_jobs()
    assert fake_at.calls() == 3 and statuses() == {"sent": 250}


def test_a_failed_batch_whose_first_row_was_sent_by_another_job_is_tried_again(
    at_app, fake_at, run_jobs, now
):
    fake_at.script("http:500")
    rows = broadcast(5)
    with pytest.raises(SendRetryError):  # another job took the batch; the call failed
        send_sms(rows[1].id)
    assert statuses() == {"queued": 5}
    run_jobs()  # the batch's own job finds its first row waiting: RQ's Retry brings it back
    assert fake_at.calls() == 1
    scheduled = set(queues.queue("sms").scheduled_job_registry.get_job_ids())
    assert outbox_jobs.job_id(rows[0]) in scheduled
    now.advance(seconds=10)
    run_jobs(release_scheduled=True)
    assert fake_at.calls() == 2 and statuses() == {"sent": 5}


def test_a_rounds_problem_codes_never_arrive_before_its_question(at_app, fake_at, run_jobs):
    households(6)
    checkins.open_due(current_app.config)
    run_jobs()
    assert order_received(fake_at) == {phone(n): ["question", "codes"] for n in range(6)}
    # Still batched: each question to its three households, then the six codes together.
    assert fake_at.calls() == 3


def test_codes_wait_for_a_question_whose_batch_failed_once(at_app, fake_at, run_jobs, now):
    households(6)
    fake_at.script("http:500")  # the first question batch fails, is tried again in 10 s
    checkins.open_due(current_app.config)
    run_jobs()
    now.advance(seconds=10)
    run_jobs(release_scheduled=True)
    run_jobs(release_scheduled=True)
    assert order_received(fake_at) == {phone(n): ["question", "codes"] for n in range(6)}
    assert statuses() == {"sent": 12}


def test_an_alert_never_waits_behind_an_earlier_broadcast(at_app, fake_at, run_jobs, now):
    with unit_of_work():
        outbox.add(phone(1), "Rapat RT", MessageKind.BROADCAST)
    OutboxMessage.update(not_before=now() + timedelta(hours=8)).execute()  # quiet hours
    with unit_of_work():
        outbox.add(phone(1), "KASUS T-1", MessageKind.ALERT, urgent=True)
    run_jobs()
    assert fake_at.received() == [(phone(1), "KASUS T-1")]


def test_the_budget_keeps_a_households_question_and_codes_together(make_app):
    app = make_app(VILLAGE_SMS_PER_MONTH=4)
    with app.app_context():
        households(4)  # 8 SMS, a budget of 4: two households now, two next month
        checkins.open_due(current_app.config)
        when: dict[str, set] = {}
        for row in OutboxMessage.select():
            when.setdefault(row.to, set()).add(row.not_before)
        assert sorted(len(times) for times in when.values()) == [1, 1, 1, 1]
        assert sorted(times.pop() is None for times in when.values()) == [False, False, True, True]


def test_a_worker_killed_before_handing_off_loses_nothing(
    at_app, fake_at, run_jobs, now, monkeypatch
):
    with unit_of_work():  # an earlier SMS to phone(3), held back: the batch cannot take it
        earlier = outbox.add(phone(3), "Rapat RT", MessageKind.BROADCAST)
    OutboxMessage.update(not_before=now() + timedelta(minutes=5)).where(
        OutboxMessage.id == earlier.id
    ).execute()
    rows = broadcast(5)

    def killed(_):
        raise SystemExit("worker killed")

    monkeypatch.setattr(outbox_jobs, "hand_off", killed)
    with pytest.raises(SystemExit):
        send_sms(rows[0].id)
    monkeypatch.undo()
    job = Job.fetch(outbox_jobs.job_id(rows[0]), connection=queues.redis())
    queues.queue("sms").remove(job)  # RQ still says "started", long ago: the worker died
    job.set_status("started")
    job.started_at = datetime.now(UTC) - timedelta(minutes=5)
    job.save()
    now.advance(minutes=6)
    sending.sweep(queued_for_seconds=60)
    run_jobs(release_scheduled=True)
    run_jobs(release_scheduled=True)
    assert statuses() == {"sent": 6}


def test_a_lost_batch_job_comes_back_when_its_first_due_row_is_due(at_app, fake_at, run_jobs, now):
    rows = broadcast(5)
    # The first row went; the second waits out a retry (5 min); the other three are due.
    OutboxMessage.update(status="sent").where(OutboxMessage.id == rows[0].id).execute()
    OutboxMessage.update(not_before=now() + timedelta(minutes=5), attempts=1).where(
        OutboxMessage.id == rows[1].id
    ).execute()
    queues.redis().flushdb()
    assert sending.sweep() == 1
    run_jobs()
    assert statuses() == {"sent": 4, "queued": 1}
    now.advance(minutes=5)
    run_jobs(release_scheduled=True)
    assert statuses() == {"sent": 5}


def test_rows_of_a_rolled_back_savepoint_get_no_job(at_app, fake_at, run_jobs):
    with unit_of_work():
        kept = outbox.add_many([(phone(n), TEXT) for n in range(3)], MessageKind.BROADCAST)
        with pytest.raises(RuntimeError), unit_of_work():
            outbox.add_many([(phone(n), TEXT) for n in range(10, 14)], MessageKind.BROADCAST)
            raise RuntimeError("the inner work fails")
    assert queues.queue("sms").job_ids == [outbox_jobs.job_id(kept[0])]
    run_jobs()
    assert statuses() == {"sent": 3} and fake_at.calls() == 1


def test_a_rounds_batches_go_whole_none_handed_off(at_app, fake_at, run_jobs):
    households(250)
    checkins.open_due(current_app.config)

    def own_jobs() -> set[int]:
        return {row.id for row in OutboxMessage.select().where(OutboxMessage.sent_with.is_null())}

    carriers = own_jobs()
    # Two question texts for 125 households each (two batches each), codes for 250 (three).
    assert len(carriers) == len(queues.queue("sms").job_ids) == 7
    run_jobs()
    assert statuses() == {"sent": 500} and fake_at.calls() == 7
    assert own_jobs() == carriers  # no row needed a job of its own


def test_a_batch_short_of_its_own_rows_leaves_other_batches_first_rows(
    make_app, fake_at, run_jobs, now
):
    app = make_app(
        SMS_BACKEND="africastalking", AT_API_KEY="k", AT_API_URL=fake_at.url, OUTBOX_BATCH_SIZE=3
    )
    with app.app_context():
        rows = broadcast(6)  # two batches: numbers 0-2 and 3-5, their first rows stored first
        OutboxMessage.update(not_before=now() + timedelta(seconds=10), attempts=1).where(
            OutboxMessage.id == rows[1].id  # waits out a retry
        ).execute()
        send_sms(rows[0].id)
        assert fake_at.requests[0]["form"]["to"].split(",") == [phone(0), phone(2), phone(4)]
        assert OutboxMessage.get_by_id(rows[3].id).status == "queued"  # left to its own job
        now.advance(seconds=10)
        run_jobs(release_scheduled=True)
        assert statuses() == {"sent": 6} and fake_at.calls() == 2


def test_a_broadcast_text_is_encrypted_once_for_all_its_rows(at_app):
    broadcast(3)
    tokens = {text for (text,) in db.execute_sql("SELECT text FROM outbox_message").fetchall()}
    assert len(tokens) == 1 and TEXT not in tokens.pop()
    assert {row.text for row in OutboxMessage.select()} == {TEXT}


def test_codes_not_waiting_for_a_failed_question_go_without_it(at_app, fake_at, run_jobs, now):
    households(6)
    fake_at.script("http:500")  # the first question batch (three households) fails
    checkins.open_due(current_app.config)
    run_jobs()
    failed = set(fake_at.requests[0]["form"]["to"].split(","))
    assert len(failed) == 3
    # The other three households have their question and their codes, no retry waited for.
    assert {
        number: texts for number, texts in order_received(fake_at).items() if number not in failed
    } == {number: ["question", "codes"] for number in {phone(n) for n in range(6)} - failed}
    now.advance(seconds=10)
    run_jobs(release_scheduled=True)
    run_jobs(release_scheduled=True)
    assert order_received(fake_at) == {phone(n): ["question", "codes"] for n in range(6)}
    assert statuses() == {"sent": 12}
