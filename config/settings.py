"""Settings read from environment variables (DESIGN section 8), validated at start-up."""

from __future__ import annotations

import hashlib
import ipaddress
import os
import re
import secrets
import tempfile
from collections.abc import Callable, Mapping
from datetime import time, timedelta
from pathlib import Path
from typing import Any

import click
import phonenumbers
from cryptography.fernet import Fernet

SMS_BACKENDS = ("console", "africastalking")
ENVIRONMENTS = ("local", "production")
LOCAL_SECRETS = Path("instance")  # where a local run keeps the keys it made for itself
LANGUAGES = ("id", "en", "jv")


class ConfigError(click.ClickException, ValueError):
    """A setting has a value the gateway cannot run with. A flask command says so in one line
    (a click error), not in a traceback."""

    def format_message(self) -> str:
        """What the operator reads: `Error: configuration: ...`."""
        return f"configuration: {self.message}"


def _text(value: str) -> str:
    return value.strip()


def _whole_number(minimum: int) -> Callable[[str], int]:
    def parse(value: str) -> int:
        if not value.strip().lstrip("-").isdigit():
            raise ValueError(f"must be a whole number, {minimum} or more")
        number = int(value.strip())
        if number < minimum:
            raise ValueError(f"must be a whole number, {minimum} or more")
        return number

    return parse


_positive_int = _whole_number(1)


def _flag(value: str) -> bool:
    """1/0, true/false, yes/no, on/off."""
    word = value.strip().lower()
    if word not in ("1", "0", "true", "false", "yes", "no", "on", "off", ""):
        raise ValueError("use 1 or 0")
    return word in ("1", "true", "yes", "on")


def _seconds_list(value: str) -> tuple[int, ...]:
    """Waits in seconds, comma-separated: one retry after each."""
    waits = tuple(_positive_int(part) for part in value.split(","))
    if not 1 <= len(waits) <= 10:
        raise ValueError("give 1 to 10 waits in seconds, comma-separated")
    return waits


def _choice(*allowed: str) -> Callable[[str], str]:
    def parse(value: str) -> str:
        value = value.strip().lower()
        if value not in allowed:
            raise ValueError("must be one of " + ", ".join(allowed))
        return value

    return parse


def _networks(value: str) -> tuple:
    return tuple(ipaddress.ip_network(part.strip()) for part in value.split(",") if part.strip())


def _database_url(value: str) -> str:
    value = value.strip()
    if not value.startswith(("sqlite://", "postgres://", "postgresql://", "postgres+pool://")):
        raise ValueError("must start with sqlite://, postgres:// or postgresql://")
    return value


def _redis_url(value: str) -> str:
    value = value.strip()
    if not value.startswith(("redis://", "rediss://", "unix://")):
        raise ValueError("must start with redis://, rediss:// or unix://")
    return value


def _phone_or_empty(value: str) -> str:
    value = value.strip()
    if not value:
        return ""
    try:
        number = phonenumbers.parse(value, "ID")
    except phonenumbers.NumberParseException:
        number = None
    if number is None or not phonenumbers.is_valid_number(number):
        raise ValueError("must be a phone number, e.g. +6281234567890")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def _quiet_hours(value: str) -> tuple[time, time] | None:
    """`20-08` (quiet from 20:00 to 08:00 at the recipient) or `21:30-07:00`; `off`: never quiet."""
    value = value.strip().lower()
    if value == "off":
        return None
    match = re.fullmatch(r"(\d{1,2})(?::(\d{2}))?-(\d{1,2})(?::(\d{2}))?", value)
    if not match:
        raise ValueError("must be like 20-08 or 21:30-07:00, or off")
    start_h, start_m, end_h, end_m = (int(part or 0) for part in match.groups())
    try:
        start, end = time(start_h, start_m), time(end_h, end_m)
    except ValueError:
        raise ValueError("hours must be 0-23 and minutes 0-59") from None
    if start == end:
        raise ValueError("start and end must differ (use off for no quiet hours)")
    return start, end


def _batch_size(value: str) -> int:
    """Recipients per provider call: 1 (one call per SMS) to 1,000."""
    size = _positive_int(value)
    if size > 1000:
        raise ValueError("must be 1 to 1000")
    return size


def _data_keys(value: str) -> str:
    """Fernet keys, comma-separated, newest first."""
    keys = [part.strip() for part in value.split(",") if part.strip()]
    for position, key in enumerate(keys, start=1):
        try:
            Fernet(key)
        except ValueError:
            raise ValueError(f"key {position} is not a Fernet key (see docs/SECURITY.md)") from None
    return ",".join(keys)


# name -> (parser, default). Defaults are safe for a local run; production sets its own.
SETTINGS: dict[str, tuple[Callable[[str], Any], str]] = {
    "DATABASE_URL": (_database_url, "sqlite:///instance/gateway.db"),
    "REDIS_URL": (_redis_url, "redis://localhost:6379/0"),
    "SECRET_KEY": (_text, ""),
    "SMS_BACKEND": (_choice(*SMS_BACKENDS), "console"),
    "AT_USERNAME": (_text, "sandbox"),
    "AT_API_KEY": (_text, ""),
    "AT_SENDER_ID": (_text, ""),
    "AT_API_URL": (_text, ""),
    "WEBHOOK_TOKEN": (_text, ""),
    "WEBHOOK_ALLOWED_IPS": (_networks, ""),
    "USSD_CODE": (_text, "*123#"),
    "USSD_SESSION_MINUTES": (_positive_int, "30"),
    "CHECKIN_EVERY_DAYS": (_positive_int, "7"),
    "ESCALATE_URGENT_MINUTES": (_positive_int, "120"),
    "ESCALATE_MINUTES": (_positive_int, "1440"),
    "DEFAULT_LANGUAGE": (_choice(*LANGUAGES), "id"),
    "OUTBOX_STALE_SECONDS": (_positive_int, "60"),
    "OUTBOX_RETRY_SECONDS": (_seconds_list, "10,30,120,300"),
    "OUTBOX_BATCH_SIZE": (_batch_size, "100"),
    "QUIET_HOURS": (_quiet_hours, "20-08"),
    "ALERT_FALLBACK_PHONE": (_phone_or_empty, ""),
    "RETENTION_DAYS": (_positive_int, "730"),
    "VILLAGE_SMS_PER_MONTH": (_whole_number(0), "0"),
    "INBOUND_SMS_PER_HOUR": (_positive_int, "30"),
    "USSD_SESSIONS_PER_HOUR": (_positive_int, "20"),
    "OUTBOUND_SMS_PER_HOUR": (_positive_int, "40"),
    "ENV": (_choice("", *ENVIRONMENTS), ""),  # "": local with SQLite, else production
    "DATA_KEY": (_data_keys, ""),
    "PIN_PEPPER": (_text, ""),
    "DESK_SESSION_MINUTES": (_positive_int, "480"),
    "SIMULATOR": (_flag, "0"),
    "PUBLIC_URL": (_text, ""),  # the desk's address in first-login links (local: localhost)
}
# werkzeug's default. Not an environment variable: no deployment can weaken it; only the
# tests swap in a cheap one (as Flask's tutorial does), which pin_matches reads like any other.
PIN_HASH_METHOD = "scrypt"
TEST_PIN_HASH_METHOD = "pbkdf2:sha256:1"

# Outside local runs these must be set: the gateway will not start open or unencrypted.
REQUIRED_IN_PRODUCTION = ("WEBHOOK_TOKEN", "DATA_KEY", "PIN_PEPPER")


def load(environ: Mapping[str, str] | None = None, **overrides: Any) -> dict[str, Any]:
    """Parse every setting from `environ` (default os.environ); ConfigError names a bad one."""
    environ = os.environ if environ is None else environ
    config: dict[str, Any] = {}
    for name, (parse, default) in SETTINGS.items():
        if name in overrides:
            config[name] = overrides[name]
            continue
        raw = environ.get(name, default)
        try:
            config[name] = parse(raw)
        except ValueError as error:
            raise ConfigError(f"{name}={raw!r} is not valid: {error}") from None
    if not config["ENV"]:
        config["ENV"] = "local" if config["DATABASE_URL"].startswith("sqlite") else "production"
    if config["ENV"] == "production":
        missing = [name for name in REQUIRED_IN_PRODUCTION if not config[name]]
        if missing:
            raise ConfigError(
                f"{', '.join(missing)} must be set outside local runs (ENV=production): "
                "see docs/SECURITY.md"
            )
    else:
        config["DATA_KEY"] = config["DATA_KEY"] or _local_secret(
            "data-key", lambda: Fernet.generate_key().decode()
        )
        config["PIN_PEPPER"] = config["PIN_PEPPER"] or _local_secret(
            "pin-pepper", lambda: secrets.token_hex(32)
        )
    config["PIN_HASH_METHOD"] = PIN_HASH_METHOD
    if config["SMS_BACKEND"] == "africastalking" and not config["AT_API_KEY"]:
        raise ConfigError("AT_API_KEY must be set when SMS_BACKEND=africastalking")
    if not config["SECRET_KEY"]:
        # The web desk's sessions are signed with it: every web process must share it. Derived
        # from DATA_KEY (already a shared secret), so one secret fewer to set.
        digest = hashlib.sha256(b"secret-key:" + config["DATA_KEY"].split(",")[0].encode())
        config["SECRET_KEY"] = digest.hexdigest()
    config["PERMANENT_SESSION_LIFETIME"] = timedelta(minutes=config["DESK_SESSION_MINUTES"])
    config["SESSION_COOKIE_HTTPONLY"] = True
    config["SESSION_COOKIE_SAMESITE"] = "Lax"
    config["SESSION_COOKIE_SECURE"] = config["ENV"] == "production"
    if config["SIMULATOR"] and config["ENV"] == "production":
        # It needs no login, shows any number's SMS and carries the webhook token.
        raise ConfigError("SIMULATOR=1 is for local runs and demos, never with ENV=production")
    config["SIMULATOR"] = config["SIMULATOR"] or config["ENV"] == "local"
    if not config["PUBLIC_URL"] and config["ENV"] == "local":
        config["PUBLIC_URL"] = f"http://localhost:{environ.get('PORT', '5000')}"
    return config


def _local_secret(name: str, make: Callable[[], str]) -> str:
    """A key for local runs, made once and kept in instance/ (never in the repo): the web, the
    worker and the CLI must all read the local database with the same one."""
    path = LOCAL_SECRETS / f"local-{name}"
    if not path.exists():
        LOCAL_SECRETS.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", dir=LOCAL_SECRETS, delete=False) as new:
            new.write(make())
        try:
            os.link(new.name, path)  # atomic: of processes starting at once, one key wins
        except FileExistsError:
            pass
        finally:
            os.unlink(new.name)
    return path.read_text().strip()


_TEST_DATA_KEY = Fernet.generate_key().decode()  # one per test run: nothing outlives it


def load_for_tests(environ: Mapping[str, str] | None = None, **overrides: Any) -> dict[str, Any]:
    """Settings for the test suite: TEST_DATABASE_URL and TEST_REDIS_URL replace the real ones."""
    environ = dict(os.environ if environ is None else environ)
    environ["DATABASE_URL"] = environ.get("TEST_DATABASE_URL", "sqlite:///instance/test.db")
    environ["REDIS_URL"] = environ.get("TEST_REDIS_URL", "redis://localhost:6379/15")
    environ.pop("SMS_BACKEND", None)
    environ.pop("WEBHOOK_TOKEN", None)
    environ.pop("WEBHOOK_ALLOWED_IPS", None)
    environ["ENV"] = "local"
    environ.setdefault("DATA_KEY", _TEST_DATA_KEY)
    environ.setdefault("PIN_PEPPER", "test-pepper")
    # Tests send hundreds of messages from one number in one (fixed) hour; test_limits.py
    # sets the limits it tests.
    for limit in ("INBOUND_SMS_PER_HOUR", "USSD_SESSIONS_PER_HOUR", "OUTBOUND_SMS_PER_HOUR"):
        environ.setdefault(limit, "100000")
    config = load(environ, **overrides)
    config["PIN_HASH_METHOD"] = TEST_PIN_HASH_METHOD
    config["TESTING"] = True
    return config
