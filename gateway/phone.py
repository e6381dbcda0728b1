"""Phone numbers in E.164, whatever way people and telcos write them."""

from __future__ import annotations

import re
from functools import lru_cache

import phonenumbers

HOME_REGION = "ID"
# Digits with the separators people type; anything else is not a phone number.
_PHONE_CHARS = re.compile(r"\+?[\d\s\-.()/]{6,30}")


class InvalidPhoneError(ValueError):
    """The text is not a valid phone number."""


# A session's steps and a household's messages give the same number again and again: parsing
# it was a tenth of a USSD step. (An invalid number raises, and is not cached.)
@lru_cache(maxsize=8192)
def normalise(raw: str) -> str:
    """Return `raw` as E.164 (`+62812...`); raise InvalidPhoneError for anything else."""
    text = (raw or "").strip()
    if not _PHONE_CHARS.fullmatch(text):
        raise InvalidPhoneError(raw)
    digits = re.sub(r"\D", "", text)
    if text.startswith("+"):
        candidate = "+" + digits
    elif digits.startswith("00"):
        candidate = "+" + digits[2:]
    elif digits.startswith("62") and len(digits) >= 10:
        candidate = "+" + digits  # 62812...: the country code without its plus
    else:
        candidate = digits  # 0812... or 812...: a national number
    try:
        number = phonenumbers.parse(candidate, HOME_REGION)
    except phonenumbers.NumberParseException:
        raise InvalidPhoneError(raw) from None
    if not phonenumbers.is_valid_number(number):
        raise InvalidPhoneError(raw)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


class AmbiguousPhoneError(InvalidPhoneError):
    """Digits that read two ways: a number abroad with its country code ("85291234567", Hong
    Kong) and an Indonesian one without its 0 (0852-9123-4567): a guess would send a child's
    news to a stranger."""


def normalise_abroad(raw: str) -> str:
    """Like normalise, for the number of someone working abroad: digits with no "+", "00" or
    "0" before them (a USSD keypad has no "+", a spreadsheet drops it) are read as a number
    abroad with its country code when they are one ("60123456789", Malaysia);
    AmbiguousPhoneError when they are an Indonesian number too (where the parent works says
    nothing of the SIM they kept)."""
    text = (raw or "").strip()
    digits = re.sub(r"\D", "", text)
    foreign = None
    if _PHONE_CHARS.fullmatch(text) and not text.startswith("+") and digits[:1] not in ("", "0"):
        foreign = _foreign("+" + digits)
    if foreign is None:
        return normalise(raw)
    try:
        normalise(raw)
    except InvalidPhoneError:
        return foreign
    raise AmbiguousPhoneError(raw)


def _foreign(candidate: str) -> str | None:
    """The E.164 number abroad `candidate` is, if it is one."""
    try:
        number = phonenumbers.parse(candidate, None)
    except phonenumbers.NumberParseException:
        return None
    region = phonenumbers.region_code_for_number(number)
    if region in (None, HOME_REGION) or not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def is_abroad(e164: str) -> bool:
    """Whether a number (E.164) is not Indonesian: a migrant abroad, who cannot dial our USSD."""
    return not e164.startswith("+" + str(phonenumbers.country_code_for_region(HOME_REGION)))
