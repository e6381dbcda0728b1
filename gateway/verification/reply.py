"""The answer to a check as one SMS segment (160 GSM-7 characters), in the asker's language."""

from __future__ import annotations

from datetime import date

from gateway import channels, clock, gsm7, i18n
from gateway.models import Agency
from gateway.verification import names
from gateway.verification.check import DATE, Answer, Result, agency_status

TEMPLATES = {
    Result.REGISTERED: "cek.registered",
    Result.NOT_REGISTERED: "cek.not_registered",
    Result.UNCONFIRMED: "cek.unconfirmed",
    Result.NOT_FOUND: "cek.not_found",
}


def render(answer: Answer, lang: str, as_of: date | None) -> str:
    """The answer's text: result word, reason, data date, the warning, where to ask."""
    values = dict(answer.values)
    if "country" in values:
        values["country"] = i18n.country(lang, values["country"])
    params = {
        "date": as_of.strftime(DATE) if as_of else i18n.text(lang, "cek.no_data"),
        "reason": " ".join(i18n.text(lang, key, **values) for key in answer.reasons),
        "subject": answer.subject,
        "help": channels.help_line(),
    }
    if answer.result is Result.NOT_FOUND:
        return _not_found(answer, lang, params)
    return i18n.fit(lang, TEMPLATES[answer.result], params, shorten=("subject", "reason"))


SUBJECT_KEPT = 20  # at least this much of the name as typed stays in a "not found" answer


def _not_found(answer: Answer, lang: str, params: dict[str, str]) -> str:
    """As many of the closest registered names as fit whole, with their town while there is
    room (a cut name would be a wrong name to look for on the papers); the name as typed is
    what gets cut."""
    subject = names.without_legal_form(answer.subject)
    room = gsm7.SMS_SEGMENT - gsm7.septets(
        i18n.text(lang, "cek.not_found", **{**params, "subject": "", "candidates": ""})
    )
    options = [
        "; ".join(candidate(a, lang, with_town) for a in answer.candidates[:count])
        for count in range(len(answer.candidates), 0, -1)
        for with_town in (True, False)
    ]
    kept = min(len(subject), SUBJECT_KEPT)
    shown = next((o for o in options if gsm7.septets(o) + kept <= room), options[-1])
    params = {**params, "subject": subject, "candidates": shown}
    return i18n.fit(lang, "cek.not_found", params, shorten=("subject", "candidates"))


def candidate(agency: Agency, lang: str, with_town: bool = True) -> str:
    """A registered name as it must appear on the papers (the legal form PT/CV aside), never
    without its status: `Sinar Harapan Mulia (aktif, Malang)`."""
    status = i18n.text(lang, "status." + agency_status(agency, clock.now().date()))
    where = f", {town(agency)}" if with_town else ""
    return f"{names.without_legal_form(agency.name)} ({status}{where})"


def town(agency: Agency) -> str:
    """The agency's town: the last part of its address."""
    return agency.address.rsplit(",", 1)[-1].strip()[:20] or "?"
