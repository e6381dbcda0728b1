"""Callback protection and the health check."""

import pytest

from gateway import queues

USSD = {"sessionId": "s", "phoneNumber": "+6281234567890", "text": ""}


def test_allowed_ips_refuse_other_addresses(make_app):
    from config.settings import SETTINGS

    parse = SETTINGS["WEBHOOK_ALLOWED_IPS"][0]
    client = make_app(WEBHOOK_ALLOWED_IPS=parse("196.201.214.0/24")).test_client()
    assert client.post("/ussd", data=USSD).status_code == 403
    inside = client.post("/ussd", data=USSD, environ_base={"REMOTE_ADDR": "196.201.214.7"})
    assert inside.status_code == 200


def test_health_reports_both_parts(client):
    response = client.get("/healthz")
    assert (response.status_code, response.json) == (200, {"db": "ok", "redis": "ok"})


def test_health_is_503_when_redis_is_down(make_app):
    app = make_app()
    app.extensions["redis"] = queues.connect("redis://127.0.0.1:1/0")
    response = app.test_client().get("/healthz")
    assert (response.status_code, response.json) == (503, {"db": "ok", "redis": "down"})


@pytest.fixture
def app_without_database(make_app):
    yield make_app(DATABASE_URL="postgresql://nobody@127.0.0.1:1/none")
    from config import settings
    from gateway.db import init_db

    init_db(settings.load_for_tests()["DATABASE_URL"])


def test_a_dead_database_gives_ussd_a_short_apology(app_without_database):
    response = app_without_database.test_client().post("/ussd", data=USSD)
    assert response.status_code == 200
    assert response.get_data(as_text=True).startswith("END Layanan sedang sibuk.")


def test_a_dead_database_makes_the_sms_provider_retry_later(app_without_database):
    client = app_without_database.test_client()
    response = client.post("/sms/incoming", data={"id": "x", "from": "081234567890", "text": "a"})
    assert response.status_code == 503
    assert client.get("/healthz").json == {"db": "down", "redis": "ok"}


def test_the_web_process_never_logs_the_webhook_token(test_config, tmp_path):
    """The Procfile's web command, for real: its access log has paths, not query strings."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    import requests

    from tests.processes import ROOT, free_port, wait_until

    command = next(
        line.split(":", 1)[1]
        for line in (ROOT / "Procfile").read_text().splitlines()
        if line.startswith("web:")
    )
    port = free_port()
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}",
        "PORT": str(port),
        "DATABASE_URL": test_config["DATABASE_URL"],
        "REDIS_URL": test_config["REDIS_URL"],
        "DATA_KEY": test_config["DATA_KEY"],
        "PIN_PEPPER": test_config["PIN_PEPPER"],
        "WEBHOOK_TOKEN": "s3cret-token",
        "ENV": "local",
    }
    log = tmp_path / "web.log"
    with open(log, "w") as out:
        web = subprocess.Popen(
            ["sh", "-c", f"exec {command}"],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        url = f"http://127.0.0.1:{port}"
        assert wait_until(lambda: _answers(url), 20), log.read_text()
        form = {"sessionId": "t1", "phoneNumber": "+6281234567890", "text": ""}
        answer = requests.post(f"{url}/ussd?token=s3cret-token", data=form, timeout=10)
        assert answer.status_code == 200 and answer.text.startswith("CON ")
        # The access log line is written after the answer.
        assert wait_until(lambda: '"POST /ussd"' in log.read_text(), 5), log.read_text()
    finally:
        os.killpg(web.pid, 15)
        web.wait(timeout=20)
    logged = log.read_text()
    assert '"POST /ussd"' in logged and "s3cret-token" not in logged


def _answers(url: str) -> bool:
    import requests

    try:
        return requests.get(f"{url}/healthz", timeout=1).status_code in (200, 503)
    except requests.RequestException:
        return False


@pytest.mark.parametrize(
    "method, path, want",
    [
        ("get", "/ussd", 405),  # a GET on the provider's POST-only callbacks
        ("get", "/sms/incoming", 405),
        ("post", "/ussd/nothing-here", 404),
        ("post", "/sms/nothing-here", 404),
    ],
)
def test_a_callback_address_misused_answers_one_plain_line(client, method, path, want):
    answer = getattr(client, method)(path)
    assert answer.status_code == want and answer.mimetype == "text/plain"
    assert "<" not in answer.text and answer.text.startswith(str(want))


def test_a_callback_without_its_token_is_refused_in_one_plain_line(make_app):
    app = make_app(WEBHOOK_TOKEN="t0ken")
    answer = app.test_client().post("/sms/incoming", data={"id": "x", "from": "0812"})
    refused = (answer.status_code, answer.mimetype, answer.text)
    assert refused == (403, "text/plain", "403 Forbidden")
    too_big = app.test_client().post("/ussd?token=t0ken", data={"text": "x" * 70_000})
    assert (too_big.status_code, too_big.mimetype) == (413, "text/plain")
