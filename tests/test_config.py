import pytest

from config.settings import ConfigError, load
from gateway import create_app


def test_defaults_run_locally():
    config = load({})
    assert config["DATABASE_URL"] == "sqlite:///instance/gateway.db"
    assert config["REDIS_URL"] == "redis://localhost:6379/0"
    assert config["SMS_BACKEND"] == "console"
    assert config["CHECKIN_EVERY_DAYS"] == 7
    assert config["ESCALATE_URGENT_MINUTES"] == 120
    assert config["ESCALATE_MINUTES"] == 1440
    assert config["USSD_CODE"] == "*123#"
    assert config["DEFAULT_LANGUAGE"] == "id"
    assert len(config["SECRET_KEY"]) == 64


@pytest.mark.parametrize(
    "name, value",
    [
        ("SMS_BACKEND", "carrier-pigeon"),
        ("CHECKIN_EVERY_DAYS", "weekly"),
        ("ESCALATE_MINUTES", "-5"),
        ("DEFAULT_LANGUAGE", "fr"),
        ("DATABASE_URL", "mysql://x"),
        ("REDIS_URL", "localhost"),
        ("WEBHOOK_ALLOWED_IPS", "10.0.0.0/8, not-a-network"),
        ("QUIET_HOURS", "evening"),
        ("QUIET_HOURS", "25-08"),
        ("QUIET_HOURS", "08-08"),
        ("ALERT_FALLBACK_PHONE", "hotline"),
    ],
)
def test_a_bad_value_stops_start_up_naming_the_variable(name, value):
    with pytest.raises(ConfigError, match=name):
        load({name: value})


def test_africastalking_needs_an_api_key():
    with pytest.raises(ConfigError, match="AT_API_KEY"):
        load({"SMS_BACKEND": "africastalking"})


def test_create_app_validates_the_environment(monkeypatch):
    monkeypatch.setenv("SMS_BACKEND", "sms-over-smoke")
    with pytest.raises(ConfigError, match="SMS_BACKEND"):
        create_app()


def test_allowed_ips_are_parsed_as_networks():
    config = load({"WEBHOOK_ALLOWED_IPS": "196.201.214.0/24, 127.0.0.1"})
    assert [str(n) for n in config["WEBHOOK_ALLOWED_IPS"]] == ["196.201.214.0/24", "127.0.0.1/32"]
