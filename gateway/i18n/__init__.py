"""Message catalogs: every text a person sees, per language."""

from __future__ import annotations

from gateway import gsm7
from gateway.i18n.en import MESSAGES as ENGLISH
from gateway.i18n.id import MESSAGES as INDONESIAN
from gateway.i18n.jv import MESSAGES as JAVANESE

CATALOGS: dict[str, dict[str, str]] = {"id": INDONESIAN, "en": ENGLISH, "jv": JAVANESE}
DEFAULT = "id"


def text(lang: str, key: str, **params: object) -> str:
    """The catalog text for `key` in `lang` (Indonesian where `lang` is unknown), filled in."""
    catalog = CATALOGS.get(lang, CATALOGS[DEFAULT])
    return catalog[key].format(**params) if params else catalog[key]


def fit(lang: str, key: str, params: dict[str, str], shorten: str) -> str:
    """The text filled in as one SMS segment, cutting `shorten` (marked '..') if it must."""
    filled = text(lang, key, **params)
    overflow = gsm7.septets(filled) - gsm7.SMS_SEGMENT
    if overflow > 0:
        value = params[shorten]
        params = {**params, shorten: value[: max(len(value) - overflow - 2, 8)] + ".."}
        filled = text(lang, key, **params)
    return filled
