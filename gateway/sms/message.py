"""An inbound SMS as the keyword handlers see it."""

from __future__ import annotations

from dataclasses import dataclass

from gateway import channels, i18n


@dataclass(frozen=True)
class Message:
    """An inbound SMS as the handlers see it."""

    phone: str
    text: str
    lang: str
    ussd_code: str

    def reply(self, key: str) -> str:
        """A catalog text in this sender's language."""
        return i18n.text(self.lang, key, ussd_code=self.ussd_code, help=channels.help_line())
