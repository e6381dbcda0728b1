"""The phone simulator's page and its replies endpoint through the Flask client: off means 404,
the token reaches the page only when set, the replies are the outbox rows to one number.
tests/test_browser.py walks it in a real browser."""

from gateway import demo
from gateway.models import Officer, OutboxMessage, Person
from gateway.phone import normalise
from tests.conftest import sms

CAREGIVER, OTHER = "+6281234567890", "+6281299990000"


def test_off_the_simulator_is_not_there(make_app):
    client = make_app(SIMULATOR=False).test_client()
    assert client.get("/simulator").status_code == 404
    assert client.get(f"/simulator/replies?phone={CAREGIVER}").status_code == 404


def test_the_page_calls_the_real_callbacks_with_the_token_only_when_one_is_set(make_app):
    page = make_app().test_client().get("/simulator")
    assert page.status_code == 200 and len(page.data) < 100_000
    assert '"/ussd"' in page.text and '"/sms/incoming"' in page.text and "token" not in page.text
    with_token = make_app(WEBHOOK_TOKEN="s3cret").test_client().get("/simulator").text
    assert '"/ussd?token=s3cret"' in with_token and '"/sms/incoming?token=s3cret"' in with_token


def test_every_persona_offered_is_in_the_demo_data(app, restore_rules):
    assert app.test_cli_runner().invoke(args=["seed-demo"]).exit_code == 0
    page = app.test_client().get("/simulator").text
    for who, phone in demo.personas():
        assert f'value="{phone}"' in page
        known = (
            Person.select().where(Person.phone == normalise(phone)).exists()
            or Officer.select().where(Officer.phone == normalise(phone)).exists()
        )
        assert known is (who != "Nomor belum terdaftar"), who


def test_the_replies_are_the_outbox_rows_to_that_number_after_the_one_given(client):
    first = sms(client, "halo", sender=CAREGIVER)
    sms(client, "halo", sender=OTHER)
    second = sms(client, "CEK Sinar Harapan Mulya", sender=CAREGIVER)
    rows = client.get("/simulator/replies?phone=081234567890").json
    assert rows["phone"] == CAREGIVER
    assert [r["text"] for r in rows["replies"]] == first + second
    assert {r["status"] for r in rows["replies"]} == {"queued"}
    after = rows["replies"][len(first) - 1]["id"]
    later = client.get(f"/simulator/replies?phone={CAREGIVER}&after={after}").json["replies"]
    assert [r["text"] for r in later] == second
    latest = OutboxMessage.select().order_by(OutboxMessage.id.desc()).get().id
    assert client.get(f"/simulator/replies?phone={OTHER}&after={latest}").json["replies"] == []


def test_replies_refuse_what_is_not_a_number(client):
    assert client.get("/simulator/replies?phone=halo").status_code == 400
    assert client.get(f"/simulator/replies?phone={CAREGIVER}&after=-1").status_code == 400
