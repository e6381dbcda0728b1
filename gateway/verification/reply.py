"""The answer to a check as one SMS segment (160 GSM-7 characters), in the asker's language."""

from __future__ import annotations

from datetime import date

from gateway import channels, i18n
from gateway.verification import names
from gateway.verification.check import DATE, Answer, Result

TEMPLATES = {
    Result.REGISTERED: "cek.registered",
    Result.NOT_REGISTERED: "cek.not_registered",
    Result.UNCONFIRMED: "cek.unconfirmed",
    Result.CHOOSE: "cek.choose",
}


def render(answer: Answer, lang: str, as_of: date | None) -> str:
    """The answer's text: result word, reason, data date, the warning, where to ask."""
    params = {
        "date": as_of.strftime(DATE) if as_of else i18n.text(lang, "cek.no_data"),
        "reason": " ".join(i18n.text(lang, key, **answer.values) for key in answer.reasons),
        "subject": answer.subject,
        "help": channels.help_line(),
    }
    if answer.result is Result.CHOOSE:
        params["subject"] = "; ".join(
            f"{i} {names.without_legal_form(a.name)}" for i, a in enumerate(answer.choices, 1)
        )
    return i18n.fit(lang, TEMPLATES[answer.result], params, shorten="subject")
