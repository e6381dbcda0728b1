"""Message catalogs: every text a person sees, per language."""

from __future__ import annotations

from gateway.i18n.en import MESSAGES as ENGLISH
from gateway.i18n.id import MESSAGES as INDONESIAN
from gateway.i18n.jv import MESSAGES as JAVANESE

CATALOGS: dict[str, dict[str, str]] = {"id": INDONESIAN, "en": ENGLISH, "jv": JAVANESE}
DEFAULT = "id"


def text(lang: str, key: str, **params: object) -> str:
    """The catalog text for `key` in `lang` (Indonesian where `lang` is unknown), filled in."""
    catalog = CATALOGS.get(lang, CATALOGS[DEFAULT])
    return catalog[key].format(**params) if params else catalog[key]
