"""Background work: RQ jobs (workers.jobs) and the periodic schedule (workers.cron)."""
