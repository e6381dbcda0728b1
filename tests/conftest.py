"""Fixtures: the app on TEST_DATABASE_URL (migrated once, emptied per test) and a flushed Redis."""

from __future__ import annotations

import itertools
import re
import threading
from datetime import datetime, timedelta

import pytest
from peewee import PostgresqlDatabase
from rq import SimpleWorker
from rq.job import Job
from werkzeug.security import generate_password_hash
from werkzeug.serving import make_server

from config import settings
from gateway import checkins, clock, create_app, crypto, imports, queues
from gateway.db import init_db, migrate
from gateway.models import ALL_MODELS, Checkin, Child, OutboxMessage, Person, RuleItem, Village, db
from gateway.phone import normalise
from gateway.verification import index
from tests import browser, registry_data
from tests.fake_at import FakeAfricasTalking

PHONE = "+6281234567890"  # who texts when a test does not say
VILLAGE_CODE = "3507102001"
_sms_ids = itertools.count(1)


def drop_all_tables() -> None:
    """Empty the test database completely, migration history included."""
    cascade = " CASCADE" if isinstance(db.obj, PostgresqlDatabase) else ""
    for table in db.get_tables():
        db.execute_sql(f'DROP TABLE IF EXISTS "{table}"{cascade}')


class Now:
    """The gateway's clock in tests: fixed, and moved on only by the test."""

    def __init__(self, start: datetime):
        self.value = start

    def __call__(self) -> datetime:
        return self.value

    def advance(self, **delta) -> None:
        """Move the clock forward (timedelta keywords)."""
        self.value += timedelta(**delta)


@pytest.fixture(autouse=True)
def now(monkeypatch):
    """Every test runs at 10:00 in Java (03:00 UTC) on a fixed day, whatever the real time:
    quiet hours and dates then behave the same on every run."""
    moment = Now(datetime(2026, 11, 25, 3, 0))
    monkeypatch.setattr(clock, "now", moment)
    return moment


@pytest.fixture(scope="session")
def test_config() -> dict:
    return settings.load_for_tests()


@pytest.fixture(scope="session")
def schema(test_config) -> None:
    crypto.configure(  # migrations encrypt
        test_config["DATA_KEY"], test_config["PIN_PEPPER"], test_config["PIN_HASH_METHOD"]
    )
    init_db(test_config["DATABASE_URL"])
    with db.connection_context():
        drop_all_tables()
        migrate()


@pytest.fixture(scope="session")
def test_redis(test_config):
    return queues.connect(test_config["REDIS_URL"])


@pytest.fixture
def make_app(test_config, schema, test_redis):
    """Build an app with some settings changed; rows and Redis are emptied before each test."""

    made = []

    def make(**overrides):
        app = create_app({**test_config, **overrides})
        made.append(app)
        return app

    test_redis.flushdb()
    init_db(test_config["DATABASE_URL"])  # a test may have bound another database
    with db.connection_context(), db.atomic():  # one commit, not one per table
        for model in reversed(ALL_MODELS):
            if model is not RuleItem:  # the migration's defaults; tests that edit them restore them
                model.delete().execute()
    yield make
    for app in made:  # its sockets closed now, not by the garbage collector in another test
        app.extensions["redis"].close()


@pytest.fixture
def app(make_app):
    app = make_app()
    index.forget()  # the registry index of the last test's database
    with app.app_context():
        yield app
    if not db.is_closed():
        db.close()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def redis(app):
    return queues.redis()


class InProcessWorker(SimpleWorker):
    """RQ's SimpleWorker without its command channel (tests send no `rq` commands): stopping
    that channel's thread takes up to a second, at the end of every run."""

    def subscribe(self) -> None:
        """Listen to no command channel."""


@pytest.fixture
def run_jobs(app):
    """Run every queued job in this process, as a worker would, until the queues are empty."""

    def run(release_scheduled: bool = False) -> None:
        if release_scheduled:  # retries waiting for their back-off: due now
            for name in queues.QUEUE_NAMES:
                queue = queues.queue(name)
                registry = queue.scheduled_job_registry
                for job_id in registry.get_job_ids():
                    job = Job.fetch(job_id, connection=queues.redis())
                    registry.remove(job)
                    queue.enqueue_job(job)
        worker = InProcessWorker(
            [queues.queue(name) for name in queues.QUEUE_NAMES], connection=queues.redis()
        )
        worker.work(burst=True)

    return run


@pytest.fixture
def restore_rules(app):
    """A test that edits the rule data (import-rules) leaves the migration's defaults behind."""
    saved = [(r.kind, r.value, r.note) for r in RuleItem.select()]
    yield
    RuleItem.delete().execute()
    RuleItem.insert_many([{"kind": k, "value": v, "note": n} for k, v, n in saved]).execute()


@pytest.fixture
def fake_at():
    server = FakeAfricasTalking().start()
    yield server
    server.stop()


@pytest.fixture
def at_app(app, make_app, fake_at):
    """The app sending through the real SDK to the fake provider (over the test's `app`, so
    that run_jobs works in its context)."""
    app = make_app(SMS_BACKEND="africastalking", AT_API_KEY="k", AT_API_URL=fake_at.url)
    with app.app_context():
        yield app
    if not db.is_closed():
        db.close()


@pytest.fixture
def registry(app, tmp_path):
    agencies, job_orders = tmp_path / "agencies.csv", tmp_path / "job_orders.csv"
    agencies.write_text(registry_data.AGENCIES)
    job_orders.write_text(registry_data.JOB_ORDERS)
    runner = app.test_cli_runner()
    first = runner.invoke(args=["import-agencies", str(agencies), "--as-of", "2026-11-20"])
    assert first.output.startswith("7 row(s) accepted (7 new agencies), 0 refused."), first.output
    second = runner.invoke(args=["import-job-orders", str(job_orders), "--as-of", "2026-11-21"])
    assert second.output.startswith("6 row(s) accepted (6 new job orders)"), second.output
    return tmp_path


@pytest.fixture
def serve():
    """Serve an app over real HTTP (werkzeug in a thread, on a free port); returns its base URL.
    Every server stops when the test ends."""
    running = []

    def start(app) -> str:
        server = make_server("127.0.0.1", 0, app, threaded=True)
        thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
        thread.start()
        running.append((server, thread))
        return f"http://127.0.0.1:{server.server_port}"

    yield start
    for server, thread in running:
        server.shutdown()
        thread.join()
        server.server_close()


@pytest.fixture
def live_server(app, serve) -> str:
    """The test's app, served for a browser: its base URL."""
    return serve(app)


@pytest.fixture(scope="module")
def chromium():
    """Debian's Chromium, driven by Playwright (one per test module)."""
    with browser.launch() as launched:
        yield launched


@pytest.fixture
def new_page(chromium):
    """Open a tab of the given size in a fresh browser profile (no cookies)."""
    contexts = []

    def open_tab(width: int = 1366, height: int = 768):
        context = chromium.new_context(viewport={"width": width, "height": height})
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context.new_page()

    yield open_tab
    for context in contexts:
        context.close()


def pytest_terminal_summary(terminalreporter):
    """The fault drills' figures (sent, lost, duplicated, time to drain), when any ran."""
    from tests.test_fault_drills import DRILL_FIGURES

    if DRILL_FIGURES:
        terminalreporter.section("Fault drills")
        for line in DRILL_FIGURES:
            terminalreporter.write_line(line)


def by_name(model, name: str):
    """The row of `model` with this name (names are encrypted: found here, not in SQL)."""
    return next(row for row in model.select() if row.name == name)


@pytest.fixture
def village(app) -> Village:
    """Desa Sumberejo, Malang (Jawa Timur), where most tests' people live."""
    return Village.create(
        code=VILLAGE_CODE, name="Sumberejo", district="Malang", province="Jawa Timur"
    )


def add_officer(app, phone: str, name: str, *where: str) -> None:
    """An officer added through the real CLI; `where`: `--village CODE`, or `--role supervisor
    --district NAME` (and `--pin` if wanted)."""
    args = ["add-officer", "--phone", phone, "--name", name, *where]
    result = app.test_cli_runner().invoke(args=args)
    assert result.exit_code == 0, result.output


def sms(client, text: str, sender: str = PHONE, msg_id: str | None = None, **fields) -> list[str]:
    """Text the gateway as Africa's Talking delivers an SMS (a fresh id unless given: give one to
    replay it); it must be accepted. Returns the SMS queued to the sender in answer, in order."""
    to = normalise(sender)
    last = OutboxMessage.select(OutboxMessage.id).order_by(OutboxMessage.id.desc()).first()
    form = {
        "id": msg_id or f"ATXid_test{next(_sms_ids)}",
        "from": sender,
        "to": "99123",
        "text": text,
        "date": "2026-11-25 10:00:00",
        "linkId": "link-1",
        **fields,
    }
    response = client.post("/sms/incoming", data=form)
    assert response.status_code == 200, response.get_data(as_text=True)
    replies = OutboxMessage.select().where(
        (OutboxMessage.to == to) & (OutboxMessage.id > (last.id if last else 0))
    )
    return [row.text for row in replies.order_by(OutboxMessage.id)]


def unpeppered_pin_hash(pin: str) -> str:
    """A PIN hash as made before PIN_PEPPER existed (no pepper), with the tests' cheap method."""
    return generate_password_hash(pin, method=settings.TEST_PIN_HASH_METHOD)


# The web desk: staff of two villages in Malang and one in Bojonegoro, logging in with a password.
PASSWORD = "rahasia-desa-1"
OFFICER, OTHER_OFFICER = "+6281110000001", "+6281110000002"
SUPERVISOR, OPERATOR = "+6281110000003", "+6281110000004"
CAREGIVER = "+6281234567890"


@pytest.fixture
def desk(app, village):
    """Two villages in Malang, one in Bojonegoro; an officer each for two, a supervisor of
    Malang, an operator; a caregiver in Sumberejo."""
    Village.create(code="3507102002", name="Ngadirejo", district="Malang", province="Jawa Timur")
    Village.create(code="3522010001", name="Kalitidu", district="Bojonegoro", province="Jatim")
    add_officer(app, OFFICER, "Bu Ani", "--village", village.code, "--password", PASSWORD)
    add_officer(app, OTHER_OFFICER, "Pak Eko", "--village", "3522010001", "--password", PASSWORD)
    add_officer(app, SUPERVISOR, "Pak Budi", "--role", "supervisor", "--district", "Malang",
                "--password", PASSWORD)  # fmt: skip
    add_officer(app, OPERATOR, "Mbak Tri", "--role", "operator", "--password", PASSWORD)
    Person.create(phone=CAREGIVER, name="Siti", role="caregiver", village=village)
    return village


def csrf(page: str) -> str:
    """The CSRF token of the first form on a desk page."""
    return re.search(r'name="csrf_token" (?:type="hidden" )?value="([^"]+)"', page).group(1)


def log_in(client, phone, password=PASSWORD):
    """Log in on the desk as this staff member."""
    token = csrf(client.get("/desk/login").text)
    return client.post(
        "/desk/login", data={"phone": phone, "password": password, "csrf_token": token}
    )


REGISTER = f"""{",".join(imports.HOUSEHOLD_COLUMNS)}
3507102001,081234567801,Siti Aminah,+886912300001,Ibu Yati,TW,Budi Santoso,2015,yes,2026-11-01
3507102001,081234567801,Siti Aminah,+886912300001,Ibu Yati,TW,Ani Lestari,2018,no,2026-11-01
3507102001,081234567802,Rina Wati,,,,Eka Putra,2012,yes,2026-11-02
3507102002,081234567803,Dewi Sartika,,,,Fajar Nugroho,2014,yes,2026-11-03
3522010001,081234567804,Marni Utami,+886912300001,Ibu Lain,TW,Gilang Ramadhan,2016,yes,2026-11-04
"""


@pytest.fixture
def families(desk, app, tmp_path, now):
    """On the desk's villages: three households in Sumberejo, one in Ngadirejo (same district),
    one in Kalitidu (Bojonegoro; its parent abroad shares a phone with a Sumberejo one); two
    rounds of check-ins a week apart, some answered (a bullying, then a violence case for Budi,
    out of school for Fajar)."""
    path = tmp_path / "register.csv"
    path.write_text(REGISTER)
    assert imports.import_households(str(path)).accepted == 5
    checkins.open_due(app.config)  # round 1: every child
    answer_checkin("Budi Santoso", school=1, health=1, mood=2, contact=1, problem=2)
    answer_checkin("Fajar Nugroho", school=2, health=1, mood=1, contact=1, problem=1)
    now.advance(days=7)
    checkins.open_due(app.config)  # round 2: the unanswered ones missed
    answer_checkin("Budi Santoso", school=1, health=1, mood=1, contact=1, problem=4)
    return desk


def answer_checkin(name: str, **digits: int) -> None:
    """The child's open check-in answered by SMS with these digits."""
    checkin = Checkin.get((Checkin.child == by_name(Child, name)) & (Checkin.status == "open"))
    checkins.record_answer(checkin, digits, "sms")
