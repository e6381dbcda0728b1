"""Secrets at rest (UU PDP): personal data encrypted with DATA_KEY (MultiFernet, newest key
first), keyed hashes for the lookups that need equality, PIN hashes peppered with PIN_PEPPER so
that a stolen database alone cannot be searched offline."""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from werkzeug.security import check_password_hash, generate_password_hash

PEPPERED = "pepper1$"  # the prefix of a PIN hash made with PIN_PEPPER


class Keys:
    """The process's keys, set from the settings by configure()."""

    fernet: MultiFernet | None = None
    lookup: tuple[bytes, ...] = ()
    pepper: bytes = b""
    pin_hash_method: str = "scrypt"


def configure(data_key: str, pin_pepper: str, pin_hash_method: str) -> None:
    """Use these keys and PIN hash method from now on (as settings.py checked them)."""
    raw = data_key.split(",")
    Keys.fernet = MultiFernet([Fernet(key) for key in raw])
    # One lookup key per data key: rows hashed under an older key are still found.
    Keys.lookup = tuple(hashlib.sha256(b"lookup:" + key.encode()).digest() for key in raw)
    Keys.pepper = pin_pepper.encode()
    Keys.pin_hash_method = pin_hash_method


@dataclass(frozen=True)
class Sealed:
    """A value encrypted already, stored as it is: one token for the many rows of one
    broadcast text (a round's 20,000 SMS are a few dozen texts; Fernet took a sixth of it)."""

    token: str


def seal(text: str) -> Sealed:
    """`text` encrypted once, for many rows that may show they hold the same text."""
    return Sealed(encrypt(text))


def encrypt(text: str) -> str:
    """`text` encrypted with the newest key."""
    return Keys.fernet.encrypt(text.encode()).decode()


def decrypt(token: str) -> str:
    """The text of `token`, encrypted with any of the keys."""
    try:
        return Keys.fernet.decrypt(token.encode()).decode()
    except InvalidToken:
        raise ValueError("personal data encrypted with a key not in DATA_KEY") from None


def rotate(token: str) -> str:
    """`token` encrypted again with the newest key."""
    return Keys.fernet.rotate(token.encode()).decode()


def lookup_hashes(value: str) -> list[str]:
    """The keyed hashes `value` may be stored under, the newest key's first."""
    return [hmac.new(key, value.encode(), hashlib.sha256).hexdigest() for key in Keys.lookup]


def lookup_hash(value: str) -> str:
    """The keyed hash `value` is stored under from now on."""
    return lookup_hashes(value)[0]


def hash_pin(pin: str) -> str:
    """A PIN's (or a desk password's) hash: it needs PIN_PEPPER as well as the database to
    be searched."""
    return PEPPERED + generate_password_hash(_peppered(pin), method=Keys.pin_hash_method)


def pin_matches(stored: str, pin: str) -> bool:
    """Whether `pin` is the PIN of hash `stored` (peppered or made before the pepper, by any
    werkzeug method: hashes made with an older method still verify)."""
    if stored.startswith(PEPPERED):
        return check_password_hash(stored.removeprefix(PEPPERED), _peppered(pin))
    return check_password_hash(stored, pin)


def needs_new_hash(stored: str) -> bool:
    """A hash made before PIN_PEPPER: replace it when its PIN is next given."""
    return not stored.startswith(PEPPERED)


def _peppered(pin: str) -> str:
    return hmac.new(Keys.pepper, pin.encode(), hashlib.sha256).hexdigest()
