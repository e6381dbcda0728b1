"""Fault drills on real processes: the Procfile's worker and cron, a redis-server of the test's
own, a fake Africa's Talking over HTTP. Each drill prints sent / lost / duplicated / time to
drain (the "Fault drills" section at the end of the test run)."""

from __future__ import annotations

import signal
import time
from collections import Counter
from urllib.parse import urlparse

import pytest

from gateway import outbox
from gateway.models import OutboxMessage, db
from gateway.statuses import MessageKind, OutboxStatus
from tests.fake_at import FakeAfricasTalking
from tests.processes import Process, RedisServer, TcpProxy, free_port, wait_until

DRILL_FIGURES: list[str] = []  # printed by conftest's terminal summary
PHONE, OFFICER = "+6281234567890", "+6281299900101"
LEASE = 10  # OUTBOX_STALE_SECONDS in the drills: a killed send is settled after this
RETRY_WAITS = (1, 2, 4, 8)  # OUTBOX_RETRY_SECONDS: the mechanism of the production waits, faster


@pytest.fixture
def redis_server():
    server = RedisServer().start()
    yield server
    server.kill()


@pytest.fixture
def drill(make_app, redis_server, fake_at, test_config, tmp_path):
    """The app of the test and the environment of its worker and cron processes."""
    settings = {
        "REDIS_URL": redis_server.url,
        "SMS_BACKEND": "africastalking",
        "AT_USERNAME": "drill",
        "AT_API_KEY": "k",
        "AT_API_URL": fake_at.url,
        "OUTBOX_STALE_SECONDS": LEASE,
        "OUTBOX_RETRY_SECONDS": RETRY_WAITS,
        "QUIET_HOURS": None,
    }
    app = make_app(**settings)
    env = {k: str(v) for k, v in settings.items() if v is not None}
    env["OUTBOX_RETRY_SECONDS"] = ",".join(map(str, RETRY_WAITS))
    env.update(
        DATABASE_URL=test_config["DATABASE_URL"],
        QUIET_HOURS="off",
        SECRET_KEY="drill",
        DATA_KEY=test_config["DATA_KEY"],
        PIN_PEPPER=test_config["PIN_PEPPER"],
        ENV="local",
    )
    processes = {name: Process(name, env, tmp_path) for name in ("worker", "cron")}
    with app.app_context():
        yield app, processes
        for process in processes.values():
            process.kill()


def queue_messages(count: int, alerts: int = 0) -> list[int]:
    """`count` outbox rows, the first `alerts` of them alerts, each text marked with its id."""
    with db.atomic(), outbox.batch() as rows:
        for number in range(count):
            kind = MessageKind.ALERT if number < alerts else MessageKind.REPLY
            outbox.add(OFFICER if number < alerts else PHONE, f"drill {number}", kind)
    return [row.id for row in rows]


def settled() -> bool:
    """No row is waiting or being sent any more."""
    with db.connection_context():
        waiting = (OutboxStatus.QUEUED.value, OutboxStatus.SENDING.value)
        return not OutboxMessage.select().where(OutboxMessage.status.in_(waiting)).exists()


def figures(name: str, fake_at, count: int, started: float) -> Counter:
    """Count what the provider received: each text at most once, none missing."""
    drained = time.monotonic() - started
    received = Counter(request["form"]["message"] for request in fake_at.accepted())
    wanted = {f"drill {number}" for number in range(count)}
    lost = len(wanted - received.keys())
    duplicated = sum(n - 1 for text, n in received.items() if n > 1)
    DRILL_FIGURES.append(
        f"{name:48} sent {len(received.keys() & wanted):5}  lost {lost:3}  "
        f"duplicated {duplicated:2}  drained in {drained:5.1f} s"
    )
    return received


def assert_doubles_are_marked(received: Counter) -> None:
    """A text that reached the provider twice belongs to a row marked as uncertain."""
    with db.connection_context():
        doubled = {text for text, n in received.items() if n > 1}
        for row in OutboxMessage.select():  # texts are encrypted: compared here
            if row.text in doubled:
                assert row.ambiguous_attempts == 1, row.text


def test_a_worker_killed_mid_send_loses_nothing(drill, fake_at):
    app, processes = drill
    queue_messages(1000, alerts=100)
    fake_at.delay = 0.005  # a provider that takes a moment: the kill lands mid-send
    processes["worker"].start()
    processes["cron"].start()
    assert wait_until(lambda: len(fake_at.requests) >= 300, 120), processes["worker"].log()
    processes["worker"].kill(signal.SIGKILL)
    started = time.monotonic()
    processes["worker"].start()
    assert wait_until(settled, 180), processes["worker"].log()[-3000:]
    received = figures("worker SIGKILLed mid-send, restarted", fake_at, 1000, started)
    assert len(received) == 1000
    assert sum(received.values()) - 1000 <= 1  # at most one double per kill
    assert_doubles_are_marked(received)


def test_two_workers_share_a_broadcast_and_send_no_number_twice(drill, fake_at, tmp_path):
    app, processes = drill
    (tmp_path / "second").mkdir()
    second = Process("worker", processes["worker"].env, tmp_path / "second")
    phones = [f"+62813{number:08d}" for number in range(1000)]
    with db.atomic(), outbox.batch():
        outbox.add_many([(to, "drill broadcast") for to in phones], MessageKind.BROADCAST)
    fake_at.delay = 0.01  # the two workers' calls overlap
    started = time.monotonic()
    processes["worker"].start()
    second.start()
    try:
        assert wait_until(settled, 120), processes["worker"].log()[-3000:]
    finally:
        second.kill()
    received = Counter(number for number, _ in fake_at.received())
    DRILL_FIGURES.append(
        f"{'two workers, one broadcast to 1,000':48} sent {len(received):5}  "
        f"lost {len(set(phones) - received.keys()):3}  "
        f"duplicated {sum(received.values()) - len(received):2}  "
        f"drained in {time.monotonic() - started:5.1f} s  ({fake_at.calls()} provider calls)"
    )
    assert received.keys() == set(phones) and set(received.values()) == {1}
    assert fake_at.calls() <= 20  # batches of 100, a few cut short by the other worker


def test_a_redis_restart_with_1000_queued_loses_nothing(drill, redis_server, fake_at):
    app, processes = drill
    queue_messages(1000, alerts=100)  # in Redis, waiting for a worker
    redis_server.kill()  # and gone: no persistence
    processes["worker"].start()
    processes["cron"].start()
    time.sleep(3)
    assert processes["worker"].alive() and processes["cron"].alive(), "gave up on Redis"
    redis_server.start()
    started = time.monotonic()
    assert wait_until(settled, 120), processes["worker"].log()[-3000:]
    received = figures("Redis restarted with 1,000 queued", fake_at, 1000, started)
    assert len(received) == 1000 and sum(received.values()) == 1000
    assert time.monotonic() - started < 30
    assert "Redis unavailable" in processes["worker"].log()


def test_provider_errors_refusals_and_slow_answers_lose_nothing(drill, fake_at):
    app, processes = drill
    queue_messages(200, alerts=20)
    fake_at.script(*["http:500"] * 20, *["http:503"] * 20, *["sleep:2"] * 5)
    processes["worker"].start()
    processes["cron"].start()
    started = time.monotonic()
    assert wait_until(lambda: len(fake_at.requests) >= 60, 60)
    port = int(fake_at.url.rsplit(":", 1)[1])
    fake_at.stop()  # the provider refuses connections for a while
    time.sleep(5)
    revived = FakeAfricasTalking(port).start()
    try:
        assert wait_until(settled, 180), processes["worker"].log()[-3000:]
        revived.requests[:0] = fake_at.requests
        received = figures("provider 5xx, refusing, slow, for a while", revived, 200, started)
    finally:
        revived.stop()
    assert len(received) == 200 and sum(received.values()) == 200
    with db.connection_context():
        assert OutboxMessage.select().where(OutboxMessage.status != "sent").count() == 0


def test_redis_down_during_ussd_and_sms_loses_no_answer(drill, redis_server, fake_at):
    app, processes = drill
    processes["worker"].start()
    processes["cron"].start()
    redis_server.kill()
    client = app.test_client()
    for number in range(50):
        form = {"id": f"in-{number}", "from": PHONE, "to": "12345", "text": "CEK Maju Jaya"}
        assert client.post("/sms/incoming", data=form).status_code == 200
    for number in range(20):
        form = {"sessionId": f"s-{number}", "phoneNumber": PHONE, "text": "5"}
        answer = client.post("/ussd", data=form)
        assert answer.status_code == 200 and answer.text.startswith(("CON ", "END "))
    time.sleep(2)
    assert processes["worker"].alive() and processes["cron"].alive(), "gave up on Redis"
    redis_server.start()
    started = time.monotonic()
    assert wait_until(settled, 60), processes["worker"].log()[-3000:]
    with db.connection_context():
        replies = OutboxMessage.select().where(OutboxMessage.to == PHONE).count()
    drained = time.monotonic() - started
    DRILL_FIGURES.append(
        f"{'Redis down during 50 SMS and 20 USSD steps':48} sent {len(fake_at.requests):5}  "
        f"lost {50 - len(fake_at.requests):3}  duplicated  0  drained in {drained:5.1f} s"
    )
    assert replies == 50 and len(fake_at.requests) == 50


def test_an_unreachable_database_delays_the_worker_and_loses_nothing(drill, fake_at, test_config):
    url = urlparse(test_config["DATABASE_URL"])
    if not url.scheme.startswith("postgres"):
        pytest.skip("a database over the network: PostgreSQL")
    app, processes = drill
    proxy = TcpProxy(url.port or 5432)
    through_proxy = url._replace(netloc=f"{url.username}@127.0.0.1:{proxy.port}").geturl()
    for process in processes.values():
        process.env["DATABASE_URL"] = through_proxy
    queue_messages(200, alerts=20)
    processes["worker"].start()  # the database unreachable from the start
    processes["cron"].start()
    time.sleep(5)
    assert processes["worker"].alive() and processes["cron"].alive(), "gave up on the database"
    proxy.start()
    started = time.monotonic()
    try:
        assert wait_until(settled, 180), processes["worker"].log()[-3000:]
    finally:
        proxy.cut()
    received = figures("database unreachable for 5 s, then back", fake_at, 200, started)
    assert len(received) == 200 and sum(received.values()) == 200


@pytest.mark.parametrize("path", ["/ussd", "/sms/incoming", "/sms/delivery", "/ussd/events"])
def test_an_unreachable_database_gets_a_polite_answer_or_a_retry(make_app, path):
    app = make_app(DATABASE_URL=f"postgresql://nobody@127.0.0.1:{free_port()}/gone")
    form = {
        "sessionId": "s-1",
        "phoneNumber": PHONE,
        "from": PHONE,
        "id": "db-down-1",
        "text": "CEK Maju",
        "status": "Success",
    }
    answer = app.test_client().post(path, data=form)
    if path == "/ussd":  # the person sees an apology, not the telco's failure screen
        assert answer.status_code == 200 and answer.text.startswith("END ")
    else:  # Africa's Talking tries again later: nothing is lost
        assert answer.status_code == 503
