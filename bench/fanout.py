"""Fan-out: 10,000 households imported from a village register, a check-in round for all of
them, then the round's first SMS drained by an RQ worker in this process (no fork) to a local
fake Africa's Talking server. Prints the import time, the time to queue the round, the worker's
SMS/s, the provider HTTP calls (identical texts batched, OUTBOX_BATCH_SIZE recipients a call;
`--batch-size 1`: one call per SMS, as before batching) and this process's peak memory.

    .venv/bin/python bench/fanout.py [--households 10000] [--send 1000] [--batch-size 100]
        [--latency SECONDS] [--database-url URL] [--only-import]
        [--redis-url URL (flushed; default redis://localhost:6379/13)]
        [--worker-process: the Procfile's `python -m workers` opens the round (the scheduler's
         job) and sends all of it; its peak memory printed]
        [--broadcast: instead of a round, a desk broadcast of one text to every household,
         stored as the desk's request stores it, then sent by `python -m workers`]
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from peewee import PostgresqlDatabase, fn  # noqa: E402
from rq import SimpleWorker  # noqa: E402

from gateway import broadcasts, checkins, create_app, imports, officers, queues  # noqa: E402
from gateway.db import migrate  # noqa: E402
from gateway.models import Officer, OutboxMessage, db  # noqa: E402
from gateway.transactions import unit_of_work  # noqa: E402
from tests.fake_at import FakeAfricasTalking  # noqa: E402

OFFICER = "+6281299900101"
BROADCAST_TEXT = "Posyandu desa Sabtu 5 Desember jam 08.00 di balai desa. Bawa buku KIA anak."


def letters(number: int) -> str:
    """A name-like word for a number (names are letters only)."""
    word = ""
    while True:
        number, digit = divmod(number, 26)
        word += "abcdefghijklmnopqrstuvwxyz"[digit]
        if not number:
            return word.title()


def write_register(path: Path, households: int) -> None:
    """One caregiver and one child per household, all in one village."""
    with open(path, "w") as out:
        out.write(",".join(imports.HOUSEHOLD_COLUMNS) + "\n")
        for n in range(households):
            name = letters(n)
            out.write(
                f"3507102001,+62813{n:08d},Ibu {name},,,,Anak {name},{2012 + n % 8},ya,2026-11-01\n"
            )


def peak_mb(pid: int | str = "self") -> float:
    """A process's peak resident memory in MB: the kernel's high-water mark (VmHWM; not
    ru_maxrss, which a process started by fork and exec takes over from its parent)."""
    status = Path(f"/proc/{pid}/status").read_text()
    return int(status.split("VmHWM:")[1].split()[0]) / 1024


def print_import(households: int, seconds: float, peak: float) -> None:
    print(f"households {households:,}, database {db.obj.__class__.__name__}")
    print(
        f"import-households: {seconds:.1f} s ({seconds / households * 1000:.2f} ms a row); "
        f"peak memory after it {peak:.0f} MB"
    )


def drain_with_worker_process(expected: int, limit_s: float = 300) -> float:
    """Run the Procfile's worker (`python -m workers`) until `expected` rows are sent; return
    its peak resident memory in MB."""
    root = Path(__file__).resolve().parent.parent
    worker = subprocess.Popen([sys.executable, "-m", "workers"], cwd=root, env=os.environ)
    peak, deadline = 0.0, time.monotonic() + limit_s
    try:
        while time.monotonic() < deadline:
            peak = peak_mb(worker.pid)
            if OutboxMessage.select().where(OutboxMessage.status == "sent").count() >= expected:
                break
            time.sleep(0.2)
    finally:
        worker.terminate()
        worker.wait(timeout=30)
    return peak


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--households", type=int, default=10_000)
    parser.add_argument("--send", type=int, default=1_000, help="SMS the worker sends")
    parser.add_argument("--batch-size", type=int, default=100, help="OUTBOX_BATCH_SIZE")
    parser.add_argument(
        "--latency", type=float, default=0.0, help="seconds each provider call takes"
    )
    parser.add_argument("--database-url")
    parser.add_argument("--redis-url", default="redis://localhost:6379/13", help="flushed first")
    parser.add_argument("--only-import", action="store_true", help="stop after the import")
    parser.add_argument(
        "--worker-process", action="store_true", help="send with `python -m workers`"
    )
    parser.add_argument("--broadcast", action="store_true", help="a desk broadcast, not a round")
    args = parser.parse_args()
    fake = FakeAfricasTalking().start()
    fake.delay = args.latency  # the real provider is an ocean away, not on localhost
    folder = Path(tempfile.mkdtemp())
    os.environ.update(
        DATABASE_URL=args.database_url or f"sqlite:///{folder}/fanout.db",
        REDIS_URL=args.redis_url,
        OUTBOX_BATCH_SIZE=str(args.batch_size),
        ENV="local",
        QUIET_HOURS="off",
        SMS_BACKEND="africastalking",
        AT_USERNAME="bench",
        AT_API_KEY="k",
        AT_API_URL=fake.url,
    )
    app = create_app()
    with app.app_context(), db.connection_context():
        cascade = " CASCADE" if isinstance(db.obj, PostgresqlDatabase) else ""
        for table in db.get_tables():
            db.execute_sql(f'DROP TABLE IF EXISTS "{table}"{cascade}')
        migrate()
        queues.redis().flushdb()
        (folder / "villages.csv").write_text(
            "code,name,district,province\n3507102001,Sumberejo,Malang,Jawa Timur\n"
        )
        imports.import_villages(str(folder / "villages.csv"))
        write_register(folder / "households.csv", args.households)
        started = time.perf_counter()
        imports.import_households(str(folder / "households.csv"))
        imported = time.perf_counter() - started
        after_import_mb = peak_mb()
        if args.only_import:
            fake.stop()
            print_import(args.households, imported, after_import_mb)
            return
        if args.worker_process or args.broadcast:
            print_import(args.households, imported, after_import_mb)
            if args.broadcast:
                broadcast_sent_by_worker_process(args.households, fake)
            else:
                round_in_worker_process(2 * args.households, fake)
            fake.stop()
            return
        started = time.perf_counter()
        opened = checkins.open_due(app.config)
        queued = time.perf_counter() - started
        after_round_mb = peak_mb()
        rows = OutboxMessage.select().count()
        jobs = sum(queues.queue(name).count for name in queues.QUEUE_NAMES)
        # Send a part of it, as one worker process would: the first jobs of the queue, whole
        # batches (a job's argument is the first row of its batch), the other rows set aside.
        sms, kept, chosen = queues.queue("sms"), [], 0
        for job in sms.jobs:
            if chosen >= args.send:
                sms.remove(job)
                continue
            kept.append(job.args[0])
            carried = OutboxMessage.select().where(OutboxMessage.sent_with == job.args[0])
            chosen += 1 + carried.count()
        OutboxMessage.update(status="cancelled").where(
            OutboxMessage.id.not_in(kept)
            & (OutboxMessage.sent_with.is_null() | OutboxMessage.sent_with.not_in(kept))
        ).execute()
        started = time.perf_counter()
        SimpleWorker([sms], connection=queues.redis()).work(burst=True)
        sending = time.perf_counter() - started
        sent = OutboxMessage.select().where(OutboxMessage.status == "sent").count()
    fake.stop()
    print_import(args.households, imported, after_import_mb)
    print(
        f"check-in round: {opened.opened:,} check-ins, {rows:,} SMS stored and {jobs:,} jobs "
        f"queued in {queued:.1f} s; peak memory after it {after_round_mb:.0f} MB"
    )
    calls = fake.calls()
    print(
        f"worker: {sent:,} SMS sent in {sending:.1f} s = {sent / sending:.0f} SMS/s, "
        f"{calls:,} provider HTTP calls ({len(fake.received()) / max(calls, 1):.0f} recipients "
        f"a call; batch size {args.batch_size})"
    )
    print(f"peak memory of this process: {peak_mb():.0f} MB")


def round_in_worker_process(expected: int, fake: FakeAfricasTalking) -> None:
    """The round as the Procfile runs it: the scheduler's job opens it in `python -m workers`,
    which then sends every SMS of it; print the times and the worker's peak memory."""
    job = queues.queue("default").enqueue("workers.jobs.start_checkins", result_ttl=600)
    worker_mb = drain_with_worker_process(expected)
    job.refresh()
    last_sent = OutboxMessage.select(fn.MAX(OutboxMessage.sent_at)).scalar()
    queued = (job.ended_at - job.started_at).total_seconds()
    sending = (last_sent - job.ended_at.replace(tzinfo=None)).total_seconds()
    jobs = OutboxMessage.select().where(OutboxMessage.sent_with.is_null()).count()
    print(
        f"check-in round in the worker process: {job.return_value():,} check-ins, "
        f"{expected:,} SMS stored and {jobs:,} jobs queued in {queued:.1f} s"
    )
    calls = fake.calls()
    print(
        f"then the same worker: {expected:,} SMS sent in {sending:.1f} s = "
        f"{expected / sending:.0f} SMS/s, {calls:,} provider HTTP calls"
    )
    print(f"peak memory of the worker process (python -m workers): {worker_mb:.0f} MB")


def broadcast_sent_by_worker_process(households: int, fake: FakeAfricasTalking) -> None:
    """A village officer's broadcast to every household, stored in a new process as a web
    worker of the desk stores it, then sent by `python -m workers`; print the times, the
    provider calls and both processes' peak memory."""
    officers.add(OFFICER, "Bu Ani", "officer", "3507102001", None)
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        queued, before_mb, storing_mb = pool.apply(store_broadcast)
    jobs = OutboxMessage.select().where(OutboxMessage.sent_with.is_null()).count()
    print(
        f"broadcast to {households:,} numbers: stored and {jobs:,} jobs queued in {queued:.1f} s; "
        f"peak memory of the process storing it {storing_mb:.0f} MB ({before_mb:.0f} MB before)"
    )
    worker_mb = drain_with_worker_process(households)
    stored = OutboxMessage.select(fn.MIN(OutboxMessage.created_at)).scalar()
    last_sent = OutboxMessage.select(fn.MAX(OutboxMessage.sent_at)).scalar()
    took = (last_sent - stored).total_seconds()
    print(
        f"worker process: {households:,} SMS, the last sent {took:.1f} s after the broadcast "
        f"was stored; {fake.calls():,} provider HTTP calls"
    )
    print(f"peak memory of the worker process (python -m workers): {worker_mb:.0f} MB")


def store_broadcast() -> tuple[float, float, float]:
    """In a new process, as the desk does: the broadcast stored and queued in one unit of work;
    its time and the process's peak memory (MB) before and after."""
    app = create_app()
    with app.app_context(), db.connection_context():
        officer = Officer.get(Officer.phone == OFFICER)
        before = peak_mb()
        started = time.perf_counter()
        with unit_of_work():
            broadcasts.send(officer, "3507102001", BROADCAST_TEXT, confirmed=False)
        return time.perf_counter() - started, before, peak_mb()


if __name__ == "__main__":
    main()
