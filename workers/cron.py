"""The periodic schedule, loaded by `python -m workers cron` (one such process only)."""

from rq import cron

from workers.jobs import (
    escalate_alerts,
    remind_checkins,
    send_monthly_summaries,
    start_checkins,
    sweep_outbox,
)

# Idempotent: a second scheduler by mistake would only sweep twice, never send or escalate twice.
cron.register(sweep_outbox, queue_name="default", interval=60)
cron.register(escalate_alerts, queue_name="alerts", interval=60)
cron.register(start_checkins, queue_name="default", interval=3600)  # starts one when due
cron.register(remind_checkins, queue_name="default", interval=3600)
cron.register(send_monthly_summaries, queue_name="default", interval=3600)
