"""The outbox: rows, the send job, retries, delivery reports and the sweep."""

from datetime import UTC, datetime, timedelta

import pytest
from rq.job import Job

from gateway import clock, delivery, gsm7, outbox, outbox_jobs, outbox_listing, queues, sending
from gateway.models import Alert, EarlyDeliveryReport, OutboxMessage
from gateway.providers.base import SendResult, SendStatus
from gateway.statuses import MessageKind, OutboxStatus
from gateway.transactions import unit_of_work

PHONE = "+6281234567890"


def queued(text="halo", kind=MessageKind.REPLY):
    row = outbox.add(PHONE, text, kind)
    outbox_jobs.enqueue([row])
    return row


def fresh(row):
    return OutboxMessage.get_by_id(row.id)


def test_a_row_is_sent_once_however_often_its_job_runs(app, run_jobs):
    from workers.jobs import send_sms

    row = queued()
    run_jobs()
    assert fresh(row).status == OutboxStatus.SENT
    assert send_sms(row.id) == "skipped"
    assert fresh(row).attempts == 1


def test_alerts_go_to_the_first_queue(app):
    queued(kind=MessageKind.ALERT)
    queued(kind=MessageKind.REPLY)
    assert queues.queue("alerts").count == 1 and queues.queue("sms").count == 1


def test_a_unit_of_work_gives_each_row_it_stored_one_job_once_it_commits(app):
    with unit_of_work():
        row = outbox.add(PHONE, "halo")
        assert queues.queue("sms").count == 0  # a worker would not find the row yet
    assert queues.queue("sms").count == 1
    assert not outbox_jobs.enqueue_row(row)  # the sweep finds its job alive: no second one
    assert queues.queue("sms").count == 1


def test_a_unit_of_work_with_a_row_held_for_later_enqueues_the_others_at_once(app):
    # A non-urgent alert held back by quiet hours and the family's reply, stored together:
    # one pipeline schedules the first and enqueues the second (RQ refused the mix, and the
    # reply waited a minute for the sweep).
    with unit_of_work():
        later = outbox.add(PHONE, "besok pagi", MessageKind.BROADCAST)
        later.not_before = clock.now() + timedelta(hours=8)
        now = outbox.add(PHONE, "balasan")
    assert queues.queue("sms").job_ids == [outbox_jobs.job_id(now)]
    assert queues.queue("sms").scheduled_job_registry.get_job_ids() == [outbox_jobs.job_id(later)]


@pytest.mark.parametrize(
    "results, status, attempts",
    [
        ([SendStatus.FINAL], "failed", 1),
        ([SendStatus.RETRY, SendStatus.SENT], "sent", 2),
        ([SendStatus.RETRY] * 5, "failed", 5),
        # A reply the provider may have taken (read time-out) is not sent blindly again.
        ([SendStatus.AMBIGUOUS], "unknown", 1),
        # One a killed worker may never have sent is tried once more.
        ([SendStatus.LOST, SendStatus.SENT], "sent", 2),
        ([SendStatus.LOST, SendStatus.LOST], "unknown", 2),
        ([SendStatus.LOST, SendStatus.RETRY, SendStatus.AMBIGUOUS], "unknown", 3),
    ],
)
def test_each_outcome_settles_the_row(app, results, status, attempts):
    row = queued()
    for result in results:
        claimed = sending.claim(row.id)
        assert claimed is not None
        sending.record_result(claimed, SendResult(result, provider_id="p-1", error="x"))
    row = fresh(row)
    assert (row.status, row.attempts) == (status, attempts)
    assert sending.claim(row.id) is None


@pytest.mark.parametrize("urgent, status", [(True, "sent"), (False, "unknown")])
def test_only_an_urgent_alert_is_risked_twice_after_a_time_out(app, urgent, status):
    alert = Alert.create(ref="T-1", category="violence", urgent=urgent, deadline_at=clock.now())
    row = outbox.add(
        "+6281299900101", "KASUS T-1", kind=MessageKind.ALERT, alert_id=alert.id, urgent=urgent
    )
    for result in (SendStatus.AMBIGUOUS, SendStatus.SENT):
        claimed = sending.claim(row.id)
        if claimed:
            sending.record_result(claimed, SendResult(result, provider_id="p-1"))
    row = fresh(row)
    assert (row.status, row.ambiguous_attempts) == (status, 1)  # marked: it may come twice
    _, doubtful = outbox_listing.status_report()
    assert [r.id for r in doubtful] == [row.id]


def test_a_retryable_failure_is_retried_by_rq_with_back_off(make_app, run_jobs, fake_at):
    app = make_app(SMS_BACKEND="africastalking", AT_API_KEY="k", AT_API_URL=fake_at.url)
    with app.app_context():
        fake_at.script("http:500")
        row = queued()
        run_jobs()
        assert (fresh(row).status, fresh(row).attempts) == ("queued", 1)
        assert "provider" in fresh(row).last_error
        scheduled = queues.queue("sms").scheduled_job_registry.get_job_ids()
        assert scheduled == [outbox_jobs.job_id(fresh(row))]
        run_jobs(release_scheduled=True)
        assert (fresh(row).status, fresh(row).attempts) == ("sent", 2)
        assert fresh(row).provider_id.startswith("ATXid_")


def test_a_report_that_comes_before_the_provider_id_is_applied_when_it_is_stored(client, app):
    row = outbox.add(PHONE, "halo")
    claimed = sending.claim(row.id)  # the provider answered, the job has not stored it yet
    for status in ("Submitted", "Success", "Buffered"):
        client.post("/sms/delivery", data={"id": "ATX-7", "status": status, "phoneNumber": PHONE})
    sending.record_result(claimed, SendResult(SendStatus.SENT, provider_id="ATX-7"))
    delivery.apply_early_reports([claimed])  # as the send job does once the id is stored
    assert (fresh(row).status, fresh(row).delivery_status) == ("delivered", "Success")
    assert EarlyDeliveryReport.select().count() == 0


def test_reports_that_never_find_their_message_are_forgotten_after_a_day(client, app, now):
    client.post("/sms/delivery", data={"id": "other", "status": "Success", "phoneNumber": PHONE})
    now.advance(hours=23)
    assert delivery.forget_early_reports() == 0
    now.advance(hours=2)
    assert delivery.forget_early_reports() == 1


def age(row, seconds):
    OutboxMessage.update(updated_at=clock.now() - timedelta(seconds=seconds)).where(
        OutboxMessage.id == row.id
    ).execute()


def test_the_sweep_re_enqueues_a_row_whose_job_was_lost_at_once(app, redis, run_jobs):
    row = outbox.add(PHONE, "halo")  # stored, but Redis never got its job (or lost it)
    assert sending.sweep() == 1
    assert sending.sweep() == 0  # its job is alive now: not twice
    run_jobs()
    assert fresh(row).status == "sent"


def test_the_sweep_restarts_a_row_whose_job_failed_for_good(app, redis):
    row = queued()
    Job.fetch(outbox_jobs.job_id(fresh(row)), connection=redis).set_status("failed")
    assert sending.sweep() == 1
    assert Job.fetch(outbox_jobs.job_id(fresh(row)), connection=redis).get_status() == "queued"


def test_the_sweep_settles_a_row_left_mid_send_by_a_killed_worker(app):
    row = outbox.add(PHONE, "halo")
    sending.claim(row.id)
    age(row, 30)
    sending.sweep()
    assert fresh(row).status == "sending"  # within the lease: the send may still be under way
    age(row, 61)
    sending.sweep()
    # It may never have left: tried once more, marked as possibly doubled.
    assert (fresh(row).status, fresh(row).ambiguous_attempts) == ("queued", 1)
    sending.claim(row.id)
    age(row, 61)
    sending.sweep()
    assert fresh(row).status == "unknown"  # twice possibly sent: never a third time


def test_a_late_result_after_the_sweep_settled_the_attempt_is_not_stored(app):
    row = outbox.add(PHONE, "halo")
    slow = sending.claim(row.id)  # a worker that hangs past the lease...
    age(row, 61)
    sending.sweep()  # ...is taken for dead: tried once more, marked
    assert (fresh(row).status, fresh(row).ambiguous_attempts) == ("queued", 1)
    assert sending.record_result(slow, SendResult(SendStatus.SENT, provider_id="late")) is None
    assert (fresh(row).status, fresh(row).ambiguous_attempts) == ("queued", 1)  # still marked


def test_the_sweep_re_enqueues_a_row_whose_started_job_outlived_the_lease(app, redis, run_jobs):
    row = queued()
    job = Job.fetch(outbox_jobs.job_id(fresh(row)), connection=redis)
    job.set_status("started")  # taken by a worker that was then killed, parent and horse
    job.started_at = datetime.now(UTC) - timedelta(seconds=10)
    job.save()
    assert sending.sweep() == 0  # a worker may be about to claim it
    job.started_at = datetime.now(UTC) - timedelta(seconds=61)
    job.save()
    assert sending.sweep() == 1
    run_jobs()
    assert fresh(row).status == "sent"


def test_the_sweep_re_enqueues_a_row_whose_job_a_killed_worker_took_off_its_queue(
    app, redis, run_jobs
):
    row = queued()
    job = Job.fetch(outbox_jobs.job_id(fresh(row)), connection=redis)
    redis.lrem(queues.queue("sms").key, 0, job.id)  # taken, the worker killed before it started
    assert sending.sweep() == 0  # just enqueued: a live worker is about to start it
    job.enqueued_at = datetime.now(UTC) - timedelta(seconds=61)
    job.save()
    assert sending.sweep() == 1  # still "queued" in RQ, in no queue, past the lease: lost
    run_jobs()
    assert fresh(row).status == "sent"


def test_the_sweep_hands_back_alerts_first(app, redis):
    reply = outbox.add(PHONE, "halo")
    alert_sms = outbox.add("+6281299900101", "KASUS", kind=MessageKind.ALERT)
    sending.sweep()
    assert [Job.fetch(i, connection=redis).args[0] for i in queues.queue("alerts").job_ids] == [
        alert_sms.id
    ]
    assert queues.queue("sms").job_ids == [outbox_jobs.job_id(fresh(reply))]


def test_the_sweep_command_prints_what_it_did(app):
    outbox.add(PHONE, "halo")
    result = app.test_cli_runner().invoke(args=["outbox", "sweep"])
    assert result.exit_code == 0
    assert result.output.strip() == "Re-enqueued 1 stuck outbox row(s)."


def test_a_dead_job_left_with_the_same_id_does_not_block_a_new_row(app, redis, run_jobs):
    row = outbox.add(PHONE, "halo")
    # A finished job of that id, from before the database was restored, say.
    old = Job.create(
        "workers.jobs.send_sms", args=(row.id,), id=outbox_jobs.job_id(fresh(row)), connection=redis
    )
    old.save()
    old.set_status("finished")
    outbox_jobs.enqueue([row])
    run_jobs()
    assert fresh(row).status == "sent"


def test_every_outbound_sms_is_gsm7_so_it_stays_one_segment(app):
    row = outbox.add(PHONE, "CEK \u201cMaju\u201d \U0001f600 \u2013 ok\u2026")
    assert row.text == 'CEK "Maju" ? - ok...'


def test_a_cek_with_an_emoji_is_answered_in_gsm7(client):
    client.post("/sms/incoming", data={"from": PHONE, "id": "e1", "text": "CEK agensi \U0001f600"})
    text = OutboxMessage.get().text
    assert text.startswith("TIDAK TERDAFTAR: agensi.") and gsm7.fits(text)  # no "?" for it
    client.post("/sms/incoming", data={"from": PHONE, "id": "e2", "text": "CEK \U0001f600"})
    assert (
        OutboxMessage.select()
        .order_by(OutboxMessage.id.desc())
        .get()
        .text.startswith(
            "Kirim CEK lalu nama agensi"  # nothing to look up: how to ask
        )
    )


def test_a_job_left_in_redis_by_another_database_does_not_hold_a_new_row(app, redis, run_jobs):
    """bin/dev after deleting instance/, or a restored backup: row ids start again, Redis
    still holds the old rows' jobs (one scheduled for 08:00). The new row goes now."""
    row = outbox.add(PHONE, "halo")
    old = Job.create(
        "workers.jobs.send_sms",
        args=(row.id,),
        id=f"outbox-{row.id}-20250101000000000000",  # the same row id, made long ago
        connection=redis,
    )
    old.save()
    old.set_status("scheduled")
    outbox_jobs.enqueue([row])
    run_jobs()
    assert fresh(row).status == "sent"


def test_rows_added_many_at_once_are_the_rows_stored_and_their_jobs_theirs(app, now):
    now.value = now.value.replace(microsecond=123456)  # job ids carry the microseconds
    messages = [(f"+62812345678{n:02d}", f"kabar {n}") for n in range(12)]
    with outbox.batch():
        rows = outbox.add_many(messages)
    stored = list(OutboxMessage.select().order_by(OutboxMessage.id))
    assert [(r.id, r.status, r.created_at) for r in rows] == [
        (r.id, r.status, r.created_at) for r in stored
    ]
    assert [(r.to, r.text) for r in stored] == messages
    jobs = set(queues.queue("sms").job_ids)
    assert jobs == {outbox_jobs.job_id(r) for r in stored} == {outbox_jobs.job_id(r) for r in rows}
