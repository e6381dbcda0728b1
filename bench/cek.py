"""CEK on a registry of 400 agencies and 5,000 job orders: is an exact name confirmed, is a
look-alike (two letters swapped, as scammers do) never confirmed but answered with the agency
it copies, and how fast is the answer queued? In-process (Flask test client, no HTTP), SQLite or
--database-url, Redis db 14.

    .venv/bin/python bench/cek.py [--requests 300] [--database-url URL]

"Queued" means: the callback has stored the inbound SMS, checked the registry, logged the
verification, stored the answer's outbox row and enqueued its RQ job (the response is sent
after all of that), so the time of the POST is the time from callback to queued answer.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from config import settings  # noqa: E402
from gateway import create_app  # noqa: E402
from gateway.db import migrate  # noqa: E402
from gateway.models import ALL_MODELS, RuleItem, db  # noqa: E402
from gateway.verification import registry  # noqa: E402

WORDS = (
    "MAJU JAYA ABADI SENTOSA BINA KARYA MANDIRI PUTRA SEJAHTERA BERKAH TENAGA INDO GLOBAL "
    "NUSANTARA CAHAYA MITRA UTAMA PERKASA INTERNASIONAL SUMBER REJEKI LANCAR AMANAH DUTA "
    "SARANA MULIA BANGUN INSAN MAKMUR"
).split()


def write_registry(folder: Path, rng: random.Random) -> list[tuple[str, str]]:
    names, agencies = set(), []
    while len(names) < 400:
        names.add("PT " + " ".join(w.title() for w in rng.sample(WORDS, rng.randint(2, 4))))
    for i, name in enumerate(sorted(names)):
        agencies.append((f"SIP3MI-{i:03d}/2024", name))
    with open(folder / "agencies.csv", "w") as out:
        out.write("licence_no,name,address,valid_until,status\n")
        for licence, name in agencies:
            out.write(f"{licence},{name},Jawa Timur,2027-12-31,active\n")
    with open(folder / "job_orders.csv", "w") as out:
        out.write("code,licence_no,country,occupation,employer_type,positions,valid_until,status\n")
        for i in range(5000):
            licence = agencies[i % 400][0]
            out.write(f"JO-{i:05d},{licence},TW,operator pabrik,company,5,2027-06-30,active\n")
    return agencies


def typo(name: str, rng: random.Random) -> str:
    letters = list(name[3:].lower())  # without "PT "
    i = rng.randrange(1, len(letters) - 1)
    letters[i], letters[i + 1] = letters[i + 1], letters[i]  # two letters swapped
    return "".join(letters)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--database-url")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp())
    url = args.database_url or f"sqlite:///{folder}/bench.db"
    app = create_app(settings.load({}, DATABASE_URL=url, REDIS_URL="redis://localhost:6379/14"))
    app.extensions["redis"].flushdb()
    rng = random.Random(7)
    agencies = write_registry(folder, rng)
    with db.connection_context():
        migrate()
        for model in reversed(ALL_MODELS):
            if model is not RuleItem:
                model.delete().execute()
        started = time.perf_counter()
        registry.import_agencies(str(folder / "agencies.csv"), as_of=_date())
        registry.import_job_orders(str(folder / "job_orders.csv"), as_of=_date())
        print(f"import of 400 agencies + 5,000 job orders: {time.perf_counter() - started:.2f} s")

    client = app.test_client()
    timings = []
    outcomes = {
        "exact name -> TERDAFTAR": 0,
        "exact name -> other": 0,
        "look-alike -> TERDAFTAR": 0,  # must stay 0
        "look-alike -> TIDAK DITEMUKAN naming the real one": 0,
        "look-alike -> other": 0,
    }
    for i in range(args.requests):
        licence, name = agencies[rng.randrange(len(agencies))]
        exact = i % 3 == 0  # a third exact names, two thirds look-alikes
        query = name if exact else typo(name, rng)
        form = {"id": f"bench-{i}", "from": f"+62812{i:07d}", "text": f"CEK {query}"}
        t0 = time.perf_counter()
        response = client.post("/sms/incoming", data=form)
        timings.append(time.perf_counter() - t0)
        assert response.status_code == 200
        with db.connection_context():
            from gateway.models import OutboxMessage

            answer = OutboxMessage.get(OutboxMessage.to == form["from"]).text
        if exact:
            key = "exact name -> " + ("TERDAFTAR" if answer.startswith("TERDAFTAR:") else "other")
        elif answer.startswith("TERDAFTAR"):
            key = "look-alike -> TERDAFTAR"
        elif answer.startswith("TIDAK DITEMUKAN") and _names(answer, name[3:]):
            key = "look-alike -> TIDAK DITEMUKAN naming the real one"
        else:
            key = "look-alike -> other"
        outcomes[key] += 1
    ms = sorted(t * 1000 for t in timings)
    pick = lambda q: ms[min(len(ms) - 1, int(q * len(ms)))]  # noqa: E731
    print(
        f"CEK, callback to queued answer: n={len(ms)} mean={statistics.mean(ms):.1f}"
        f" ms p50={pick(0.5):.1f} p95={pick(0.95):.1f} p99={pick(0.99):.1f} max={ms[-1]:.1f} ms"
    )
    print("answers: " + ", ".join(f"{key} {count}/{len(ms)}" for key, count in outcomes.items()))
    print(f"database: {url.split('://')[0]}")


def _names(answer: str, name: str) -> bool:
    """Whether the registered names an answer offers ("Mirip: A (aktif); B (aktif)") hold
    `name`, first or not."""
    offered = answer.partition("Mirip:")[2].partition(". ")[0]
    return name in [part.strip().rpartition(" (")[0] for part in offered.split(";")]


def _date():
    from datetime import date

    return date(2026, 11, 20)


if __name__ == "__main__":
    main()
