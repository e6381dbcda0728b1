"""The outbox: rows, the send job, retries, delivery reports and the sweep."""

from datetime import timedelta

import pytest
from rq.job import Job

from gateway import clock, gsm7, outbox, queues
from gateway.models import MessageKind, OutboxMessage, OutboxStatus
from gateway.providers import SendResult, SendStatus

PHONE = "+6281234567890"


def queued(text="halo", kind=MessageKind.REPLY):
    row = outbox.add(PHONE, text, kind)
    outbox.enqueue([row])
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


def test_enqueueing_the_same_row_twice_makes_one_job(app):
    row = queued()
    outbox.enqueue([row])
    assert queues.queue("sms").count == 1


@pytest.mark.parametrize(
    "results, status, attempts",
    [
        ([SendStatus.FINAL], "failed", 1),
        ([SendStatus.RETRY, SendStatus.SENT], "sent", 2),
        ([SendStatus.RETRY] * 5, "failed", 5),
        ([SendStatus.AMBIGUOUS, SendStatus.SENT], "sent", 2),
        ([SendStatus.AMBIGUOUS, SendStatus.AMBIGUOUS], "unknown", 2),
        ([SendStatus.AMBIGUOUS, SendStatus.RETRY, SendStatus.AMBIGUOUS], "unknown", 3),
    ],
)
def test_each_outcome_settles_the_row(app, results, status, attempts):
    row = queued()
    for result in results:
        claimed = outbox.claim(row.id)
        assert claimed is not None
        outbox.record_result(claimed, SendResult(result, provider_id="p-1", error="x"))
    row = fresh(row)
    assert (row.status, row.attempts) == (status, attempts)
    assert outbox.claim(row.id) is None


def test_a_retryable_failure_is_retried_by_rq_with_back_off(make_app, run_jobs, fake_at):
    app = make_app(SMS_BACKEND="africastalking", AT_API_KEY="k", AT_API_URL=fake_at.url)
    with app.app_context():
        fake_at.script("http:500")
        row = queued()
        run_jobs()
        assert (fresh(row).status, fresh(row).attempts) == ("queued", 1)
        assert "provider" in fresh(row).last_error
        assert queues.queue("sms").scheduled_job_registry.get_job_ids() == [f"outbox-{row.id}"]
        run_jobs(release_scheduled=True)
        assert (fresh(row).status, fresh(row).attempts) == ("sent", 2)
        assert fresh(row).provider_id.startswith("ATXid_")


def test_delivery_reports_never_overwrite_a_final_status(client, app):
    row = outbox.add(PHONE, "halo")
    outbox.record_result(outbox.claim(row.id), SendResult(SendStatus.SENT, provider_id="ATX-9"))
    for status in ("Submitted", "Success", "Buffered", "Failed"):
        response = client.post(
            "/sms/delivery", data={"id": "ATX-9", "status": status, "phoneNumber": PHONE}
        )
        assert response.status_code == 200
    row = fresh(row)
    assert (row.status, row.delivery_status) == ("delivered", "Success")


def test_a_failed_delivery_keeps_its_reason(client, app):
    row = outbox.add(PHONE, "halo")
    outbox.record_result(outbox.claim(row.id), SendResult(SendStatus.SENT, provider_id="ATX-8"))
    client.post(
        "/sms/delivery",
        data={"id": "ATX-8", "status": "Failed", "failureReason": "AbsentSubscriber"},
    )
    assert (fresh(row).status, fresh(row).last_error) == ("failed", "AbsentSubscriber")


def test_a_report_for_an_unknown_id_is_logged_not_an_error(client, app):
    response = client.post("/sms/delivery", data={"id": "nobody", "status": "Success"})
    assert response.status_code == 200


@pytest.mark.parametrize("form", [{"status": "Success"}, {"id": "x", "status": "Exploded"}])
def test_a_malformed_report_is_a_400(client, form):
    assert client.post("/sms/delivery", data=form).status_code == 400


def age(row, seconds):
    OutboxMessage.update(updated_at=clock.now() - timedelta(seconds=seconds)).where(
        OutboxMessage.id == row.id
    ).execute()


def test_the_sweep_re_enqueues_a_row_whose_job_was_lost(app, redis, run_jobs):
    row = outbox.add(PHONE, "halo")  # stored, but Redis never got its job
    assert outbox.sweep(120) == 0  # too fresh to call stuck
    age(row, 300)
    assert outbox.sweep(120) == 1
    assert outbox.sweep(120) == 0  # its job is alive now: not twice
    run_jobs()
    assert fresh(row).status == "sent"


def test_the_sweep_restarts_a_row_whose_job_failed_for_good(app, redis):
    row = queued()
    Job.fetch(f"outbox-{row.id}", connection=redis).set_status("failed")
    age(row, 300)
    assert outbox.sweep(120) == 1
    assert Job.fetch(f"outbox-{row.id}", connection=redis).get_status() == "queued"


def test_the_sweep_settles_a_row_left_mid_send_by_a_killed_worker(app):
    row = outbox.add(PHONE, "halo")
    outbox.claim(row.id)
    age(row, 300)
    outbox.sweep(120)
    assert (fresh(row).status, fresh(row).ambiguous_attempts) == ("queued", 1)
    outbox.claim(row.id)
    age(row, 300)
    outbox.sweep(120)
    assert fresh(row).status == "unknown"  # twice possibly sent: never a third time


def test_the_sweep_command_prints_what_it_did(app):
    age(outbox.add(PHONE, "halo"), 300)
    result = app.test_cli_runner().invoke(args=["outbox", "sweep"])
    assert result.exit_code == 0
    assert result.output.strip() == "Re-enqueued 1 stuck outbox row(s)."


def test_a_dead_job_left_with_the_same_id_does_not_block_a_new_row(app, redis, run_jobs):
    row = outbox.add(PHONE, "halo")
    # A finished job of that id, from before the database was restored, say.
    old = Job.create(
        "workers.jobs.send_sms", args=(row.id,), id=f"outbox-{row.id}", connection=redis
    )
    old.save()
    old.set_status("finished")
    outbox.enqueue([row])
    run_jobs()
    assert fresh(row).status == "sent"


def test_every_outbound_sms_is_gsm7_so_it_stays_one_segment(app):
    row = outbox.add(PHONE, "CEK \u201cMaju\u201d \U0001f600 \u2013 ok\u2026")
    assert row.text == "CEK \"Maju\" ? - ok..."


def test_a_cek_with_an_emoji_is_answered_in_gsm7(client):
    client.post("/sms/incoming", data={"from": PHONE, "id": "e1", "text": "CEK agensi \U0001f600"})
    text = OutboxMessage.get().text
    assert text.startswith("TIDAK TERDAFTAR: agensi ?.") and gsm7.fits(text)
