"""Data for bench/ussd.sh: migrate DATABASE_URL (emptied first), import one village and the
400-agency / 5,000 job-order registry of bench/cek.py; print an agency name for the walks."""

from __future__ import annotations

import random
import sys
import tempfile
from datetime import date
from pathlib import Path

from peewee import PostgresqlDatabase

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from cek import write_registry  # noqa: E402

from gateway import create_app, imports  # noqa: E402
from gateway.db import migrate  # noqa: E402
from gateway.models import db  # noqa: E402
from gateway.verification import registry  # noqa: E402


def main() -> None:
    app = create_app()
    with app.app_context(), db.connection_context(), tempfile.TemporaryDirectory() as tmp:
        cascade = " CASCADE" if isinstance(db.obj, PostgresqlDatabase) else ""
        for table in db.get_tables():  # a fresh schema, migration history included
            db.execute_sql(f'DROP TABLE IF EXISTS "{table}"{cascade}')
        migrate()
        folder = Path(tmp)
        (folder / "villages.csv").write_text(
            "code,name,district,province\n3507102001,Sumberejo,Malang,Jawa Timur\n"
        )
        imports.import_villages(str(folder / "villages.csv"))
        agencies = write_registry(folder, random.Random(7))
        registry.import_agencies(str(folder / "agencies.csv"), as_of=date(2026, 11, 1))
        registry.import_job_orders(str(folder / "job_orders.csv"), as_of=date(2026, 11, 1))
    print(agencies[123][1])


if __name__ == "__main__":
    main()
