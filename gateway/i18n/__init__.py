"""Message catalogs: every text a person sees, per language."""

from __future__ import annotations

import re

from gateway import gsm7
from gateway.i18n.desk import MESSAGES as DESK
from gateway.i18n.en import MESSAGES as ENGLISH
from gateway.i18n.id import MESSAGES as INDONESIAN
from gateway.i18n.jv import MESSAGES as JAVANESE

CATALOGS: dict[str, dict[str, str]] = {"id": INDONESIAN, "en": ENGLISH, "jv": JAVANESE}
DEFAULT = "id"
STAFF = "id"  # officers' and supervisors' SMS: their alerts are Indonesian, so is the rest


# Words of English that Indonesian and Javanese do not use (not "to", "is", "a": a Javanese
# particle, a nickname, an interjection).
ENGLISH_WORDS = frozenset(
    "my our the was were has have been and of with not please help what where when how who "
    "why child children son daughter kid kids girl boy grandson granddaughter mother father "
    "he she they we you by from since come home away missing beaten hurt yesterday today "
    "night school thank thanks i an being forced want check old man woman marry married "
    "taken stranger uncle stepfather".split()
)


def written_in_english(text: str) -> bool:
    """Whether a message is written in English ("My daughter was beaten"): two different
    words of it and a quarter of its words at least are English's own."""
    words = re.findall(r"[a-z]+", text.lower())
    english = [word for word in words if word in ENGLISH_WORDS]
    return len(set(english)) >= 2 and len(english) * 4 >= len(words)


def text(lang: str, key: str, **params: object) -> str:
    """The catalog text for `key` in `lang` (Indonesian where `lang` is unknown), filled in."""
    catalog = CATALOGS.get(lang, CATALOGS[DEFAULT])
    return catalog[key].format(**params) if params else catalog[key]


def for_abroad(key: str, abroad: bool) -> str:
    """The key of the text for a number abroad: its `_abroad` version where there is one (no
    USSD code, no number that only rings in Indonesia)."""
    return f"{key}_abroad" if abroad and f"{key}_abroad" in CATALOGS[DEFAULT] else key


def desk_text(key: str, **params: object) -> str:
    """The web desk's text for `key` (desk.py, Indonesian), filled in."""
    return DESK[key].format(**params) if params else DESK[key]


def country(lang: str, code: str) -> str:
    """A country's name in `lang` for its ISO 3166 code (the code itself if we have no name)."""
    catalog = CATALOGS.get(lang, CATALOGS[DEFAULT])
    return catalog.get(f"country.{code.upper()}", code)


def fit(lang: str, key: str, params: dict[str, str], shorten: str | tuple[str, ...]) -> str:
    """The text filled in as one SMS segment, cutting `shorten` (marked '..') if it must; with
    several names, the first is cut down to 8 characters before the next is touched."""
    filled = text(lang, key, **params)
    for name in (shorten,) if isinstance(shorten, str) else shorten:
        overflow = gsm7.septets(filled) - gsm7.SMS_SEGMENT
        if overflow <= 0:
            break
        value = params[name]
        params = {**params, name: value[: max(len(value) - overflow - 2, 8)] + ".."}
        filled = text(lang, key, **params)
    return filled
