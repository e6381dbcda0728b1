"""The periodic schedule, loaded by `python -m workers cron` (one such process only)."""

from rq import cron

from workers.jobs import sweep_outbox

# Idempotent: a second scheduler by mistake would only sweep twice, never send twice.
cron.register(sweep_outbox, queue_name="default", interval=60)
