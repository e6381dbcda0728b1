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


def normalise_abroad(raw: str) -> str:
    """Like normalise, for the number of someone working abroad: digits with no "+", "00" or
    "0" before them ("85291234567", "886912345678": how Hong Kong and Taiwan numbers are
    written, and a USSD keypad has no "+") are a foreign number with its country code when
    they are one, not an Indonesian number missing its 0."""
    digits = re.sub(r"\D", "", raw or "")
    if _PHONE_CHARS.fullmatch((raw or "").strip()) and digits[:1] not in ("", "0"):
        try:
            return _foreign("+" + digits)
        except InvalidPhoneError:
            pass
    return normalise(raw)


def _foreign(candidate: str) -> str:
    try:
        number = phonenumbers.parse(candidate, None)
    except phonenumbers.NumberParseException:
        raise InvalidPhoneError(candidate) from None
    region = phonenumbers.region_code_for_number(number)
    if region in (None, HOME_REGION) or not phonenumbers.is_valid_number(number):
        raise InvalidPhoneError(candidate)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def is_abroad(e164: str) -> bool:
    """Whether a number (E.164) is not Indonesian: a migrant abroad, who cannot dial our USSD."""
    return not e164.startswith("+" + str(phonenumbers.country_code_for_region(HOME_REGION)))
