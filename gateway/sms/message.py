"""An inbound SMS as the keyword handlers see it."""

from __future__ import annotations

from dataclasses import dataclass

from gateway import help_lines, i18n
from gateway.phone import is_abroad

MAX_PARSED = 1000  # nobody's keyword message is longer; the rest is stored, not parsed


@dataclass(frozen=True)
class Message:
    """An inbound SMS as the handlers see it."""

    phone: str
    text: str
    lang: str
    ussd_code: str

    def reply(self, key: str) -> str:
        """A catalog text in this sender's language; from abroad, where the USSD code cannot be
        dialled, its `_abroad` version (pointing to the SMS keywords) if there is one."""
        key = i18n.for_abroad(key, is_abroad(self.phone))
        return i18n.text(self.lang, key, ussd_code=self.ussd_code, help=help_lines.help_line())
