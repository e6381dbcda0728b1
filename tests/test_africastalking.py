"""The Africa's Talking backend: the real SDK against a local fake server (no mock)."""

import socket

import pytest

from gateway import providers
from gateway.providers.africastalking import AfricasTalkingProvider
from gateway.providers.base import SendStatus

PHONE = "+6281234567890"


def provider(url, **kwargs):
    return AfricasTalkingProvider("desmigratif", "secret-key", "DESMIGRATIF", url, **kwargs)


def test_a_sent_message_carries_the_provider_id(fake_at):
    result = provider(fake_at.url).send(PHONE, "Halo")
    assert result.status is SendStatus.SENT and result.provider_id.startswith("ATXid_")
    request = fake_at.requests[0]
    assert request["path"] == "/version1/messaging"
    assert request["api_key"] == "secret-key"
    assert request["form"] == {
        "username": "desmigratif",
        "to": PHONE,
        "message": "Halo",
        "bulkSMSMode": "1",
        "from": "DESMIGRATIF",
    }


def test_at_api_url_replaces_the_provider_host_from_settings(fake_at):
    config = {
        "SMS_BACKEND": "africastalking",
        "AT_USERNAME": "u",
        "AT_API_KEY": "k",
        "AT_SENDER_ID": "",
        "AT_API_URL": fake_at.url + "/",
    }
    backend = providers.from_config(config)
    assert backend.service._baseUrl == fake_at.url + "/version1"
    assert backend.send(PHONE, "x").status is SendStatus.SENT
    assert "from" not in fake_at.requests[0]["form"]


@pytest.mark.parametrize(
    "answer, status",
    [
        ("status:403", SendStatus.FINAL),  # InvalidPhoneNumber
        ("status:406", SendStatus.FINAL),  # UserInBlacklist
        ("status:405", SendStatus.FINAL),  # InsufficientBalance
        ("status:102", SendStatus.SENT),  # Queued
        ("status:500", SendStatus.RETRY),  # InternalServerError
        ("status:502", SendStatus.RETRY),  # RejectedByGateway
        ("http:500", SendStatus.RETRY),
        ("http:503", SendStatus.RETRY),
        ("charset", SendStatus.SENT),  # the SDK returns a string: parsed all the same
    ],
)
def test_every_recipient_status_is_read(fake_at, answer, status):
    fake_at.script(answer)
    result = provider(fake_at.url).send(PHONE, "Halo")
    assert result.status is status
    assert (result.error is None) == (status is SendStatus.SENT)


def test_a_refused_connection_is_retried():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # closed again before the send: nothing listens
    result = provider(f"http://127.0.0.1:{port}").send(PHONE, "Halo")
    assert result.status is SendStatus.RETRY and "connection" in result.error


def test_a_read_time_out_is_ambiguous(fake_at):
    fake_at.script("sleep:1.0")
    result = provider(fake_at.url, timeout=(1, 0.3)).send(PHONE, "Halo")
    assert result.status is SendStatus.AMBIGUOUS and "may have been sent" in result.error


def test_a_number_the_sdk_refuses_is_final_and_never_sent(fake_at):
    result = provider(fake_at.url).send("0812", "Halo")
    assert result.status is SendStatus.FINAL
    assert fake_at.requests == []
