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


def is_abroad(e164: str) -> bool:
    """Whether a number (E.164) is not Indonesian: a migrant abroad, who cannot dial our USSD."""
    return not e164.startswith("+" + str(phonenumbers.country_code_for_region(HOME_REGION)))
