"""Callback protection and the health check."""

import pytest

from gateway import queues

USSD = {"sessionId": "s", "phoneNumber": "+6281234567890", "text": ""}


@pytest.mark.parametrize("url", ["/ussd", "/ussd/events", "/sms/incoming", "/sms/delivery"])
def test_with_a_token_set_every_callback_needs_it(make_app, url):
    client = make_app(WEBHOOK_TOKEN="s3cret").test_client()
    assert client.post(url, data=USSD).status_code == 403
    assert client.post(url + "?token=wrong", data=USSD).status_code == 403
    assert client.post(url + "?token=s3cr\u00e9t", data=USSD).status_code == 403
    assert client.post(url + "?token=s3cret", data=USSD).status_code != 403


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


def test_a_request_over_64_kilobytes_is_refused_politely(client):
    response = client.post("/sms/incoming", data={"id": "x", "from": "0812", "text": "a" * 70_000})
    assert response.status_code == 413


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
