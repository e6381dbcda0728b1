"""DATA_KEY rotation, and the start-up refusal to run open or unencrypted outside local runs."""

from __future__ import annotations

import pytest
from cryptography.fernet import Fernet

from config import settings
from gateway import people
from gateway.models import Child, Person, Report, db


def test_rotate_key_re_encrypts_so_the_old_key_can_go(make_app, test_config):
    old, new = test_config["DATA_KEY"], Fernet.generate_key().decode()
    with make_app().app_context():
        person, _ = people.upsert_person("+6281234567890", "Siti Aminah", "caregiver")
        people.upsert_child(person, "Budi", 2015, True, None)
        Report.create(ref="L12345", reporter="+6281234567890", text="calo di pasar", channel="sms")
    rotating = make_app(DATA_KEY=f"{new},{old}")
    with rotating.app_context():  # before rotate-key: the same person, not a double
        assert people.upsert_person("+6281234567890", "Siti Aminah", "caregiver")[1] is False
        people.upsert_child(Person.get(), "Budi", 2015, True, None)
        assert Child.select().count() == 1
    result = rotating.test_cli_runner().invoke(args=["rotate-key"])
    assert result.exit_code == 0 and result.output.startswith("Re-encrypted "), result.output
    with make_app(DATA_KEY=new).app_context():  # the old key is gone
        assert (Person.get().name, Child.get().name, Child.get().birth_year) == (
            "Siti Aminah",
            "Budi",
            2015,
        )
        assert Report.get().text == "calo di pasar"
        assert people.find_person("+6281234567890", "siti  aminah", "caregiver") is not None
        person, created = people.upsert_person("+6281234567890", "Siti Aminah", "caregiver")
        assert not created  # found by its new keyed hash: no double


def test_rotate_key_without_the_old_key_says_what_to_do_and_changes_nothing(make_app):
    with make_app().app_context():
        people.upsert_person("+6281234567890", "Siti Aminah", "caregiver")
    stranger = make_app(DATA_KEY=Fernet.generate_key().decode())
    with stranger.app_context():
        result = stranger.test_cli_runner().invoke(args=["rotate-key"])
    assert result.exit_code == 1 and "keep the old key in DATA_KEY" in result.output
    assert "Traceback" not in result.output
    db.close()


def test_a_bad_setting_is_one_line_for_the_operator():
    with pytest.raises(settings.ConfigError) as error:
        settings.load({"RETENTION_DAYS": "abc"})
    assert error.value.format_message() == (
        "configuration: RETENTION_DAYS='abc' is not valid: must be a whole number, 1 or more"
    )


def test_without_the_key_the_data_cannot_be_read(make_app):
    with make_app().app_context():
        people.upsert_person("+6281234567890", "Siti Aminah", "caregiver")
    with make_app(DATA_KEY=Fernet.generate_key().decode()).app_context():
        with pytest.raises(ValueError, match="DATA_KEY"):
            Person.get()
    db.close()


@pytest.mark.parametrize("missing", settings.REQUIRED_IN_PRODUCTION)
def test_production_refuses_to_start_without_its_secrets(missing):
    environ = {
        "DATABASE_URL": "postgresql://gateway@db/gateway",
        "WEBHOOK_TOKEN": "t0ken",
        "DATA_KEY": Fernet.generate_key().decode(),
        "PIN_PEPPER": "pepper",
    }
    del environ[missing]
    with pytest.raises(settings.ConfigError, match=missing):
        settings.load(environ)


def test_production_refuses_the_simulator():
    """It needs no login, shows any number's SMS and carries the webhook token."""
    environ = {
        "DATABASE_URL": "postgresql://gateway@db/gateway",
        "WEBHOOK_TOKEN": "t0ken",
        "DATA_KEY": Fernet.generate_key().decode(),
        "PIN_PEPPER": "pepper",
    }
    assert settings.load(environ)["SIMULATOR"] is False
    with pytest.raises(settings.ConfigError, match="SIMULATOR"):
        settings.load({**environ, "SIMULATOR": "1"})
    assert settings.load({**environ, "SIMULATOR": "1", "ENV": "local"})["SIMULATOR"] is True


def test_local_runs_make_their_own_keys_once(tmp_path, monkeypatch):
    monkeypatch.setattr(settings, "LOCAL_SECRETS", tmp_path)
    first = settings.load({})
    second = settings.load({})
    assert first["ENV"] == "local"
    assert (first["DATA_KEY"], first["PIN_PEPPER"]) == (second["DATA_KEY"], second["PIN_PEPPER"])
    assert Fernet(first["DATA_KEY"])  # a real key, kept out of the repo (instance/)


def test_a_bad_data_key_is_named_at_start_up():
    with pytest.raises(settings.ConfigError, match="DATA_KEY"):
        settings.load({"DATA_KEY": "not-a-key"})
