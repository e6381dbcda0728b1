"""The periodic schedule, loaded by `python -m workers cron` (one such process only)."""

from rq import cron

from workers.jobs import (
    escalate_alerts,
    forget_ussd_checkpoints,
    purge_old_personal_data,
    remind_checkins,
    send_monthly_summaries,
    start_checkins,
    sweep_outbox,
)

# Idempotent: a second scheduler by mistake would only sweep twice, never send or escalate twice.
cron.register(sweep_outbox, queue_name="default", interval=30)
cron.register(escalate_alerts, queue_name="alerts", interval=60)
cron.register(forget_ussd_checkpoints, queue_name="default", interval=300)
cron.register(start_checkins, queue_name="default", interval=3600)  # starts one when due
cron.register(remind_checkins, queue_name="default", interval=3600)
cron.register(send_monthly_summaries, queue_name="default", interval=3600)
cron.register(purge_old_personal_data, queue_name="default", interval=86400)
