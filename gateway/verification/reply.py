"""The answer to a check as one SMS segment (160 GSM-7 characters), in the asker's language."""

from __future__ import annotations

from datetime import date

from gateway import clock, gsm7, help_lines, i18n
from gateway.models import Agency
from gateway.verification import names
from gateway.verification.check import DATE, Answer, Result, agency_status

TEMPLATES = {
    Result.REGISTERED: "cek.registered",
    Result.NOT_REGISTERED: "cek.not_registered",
    Result.UNCONFIRMED: "cek.unconfirmed",
    Result.NOT_FOUND: "cek.not_found",
}


OPTIONAL_REASONS = ("reason.ask_jo",)  # advice an answer drops before anything it must say


def render(answer: Answer, lang: str, as_of: date | None) -> str:
    """The answer's text: result word, reason, data date, the warning, where to ask."""
    params = {
        "date": as_of.strftime(DATE) if as_of else i18n.text(lang, "cek.no_data"),
        "help": help_lines.help_line(),
    }
    # As typed, but in GSM-7 ("????" for Arabic letters): one letter outside it would send
    # the whole answer as UCS-2, and the reason would be cut to fit.
    typed = gsm7.to_gsm7(answer.subject)
    if answer.result is Result.NOT_FOUND:
        return _not_found(answer, lang, params, typed)
    for template, subject, reasons, values in _shorter_and_shorter(answer, lang, typed):
        filled = {**params, "subject": subject, "reason": _reasons(lang, reasons, values)}
        text = i18n.text(lang, template, **filled).replace(".  ", ". ")  # no reason left
        if gsm7.fits(text):
            return text
    # Only a name of absurd length comes here: the code asked about stays whole, the name goes.
    if answer.job_order:
        filled["subject"] = answer.job_order.code
    return i18n.fit(lang, template, filled, shorten=("subject", "reason"))


def _shorter_and_shorter(answer: Answer, lang: str, subject: str):
    """(template, subject, reasons, values) from the answer as it is to its most compact. The
    name is what the papers must match, so it is never cut here: room comes from the legal form
    (PT/CV, forgiven when names are compared), a shorter wording of the warning, the advice, and
    the job's details (its occupation cut, then left out)."""
    template = TEMPLATES[answer.result]
    reasons, values = answer.reasons, _localised(answer.values, lang)
    yield template, subject, reasons, values
    if answer.job_order is None:
        subject = names.without_legal_form(subject)
        yield template, subject, reasons, values
    template += "_short"
    yield template, subject, reasons, values
    reasons = [key for key in reasons if key not in OPTIONAL_REASONS]
    yield template, subject, reasons, values
    occupation = values.get("occupation", "")
    for most in (18, 14):  # the job's occupation, cut a little more each time...
        if len(occupation) > most:
            values = {**values, "occupation": occupation[: most - 2] + ".."}
            yield template, subject, reasons, values
    if occupation:  # ...then left out (countries stay named: a code means nothing to many)
        reasons = ["reason.jo_valid_short" if key == "reason.jo_valid" else key for key in reasons]
        yield template, subject, reasons, values
    if answer.job_order is None and reasons and answer.result is Result.REGISTERED:
        # A very long registered name: whole, the reason goes. Not registered, the reason
        # (revoked, expired) is the news: it stays, and the name is cut (render's last step).
        yield template, subject, [], values


def _localised(values: dict[str, str], lang: str) -> dict[str, str]:
    """The reasons' values as the asker reads them: a country by its name."""
    if "country" not in values:
        return dict(values)
    return {**values, "country": i18n.country(lang, values["country"])}


def _reasons(lang: str, keys: list[str], values: dict[str, str]) -> str:
    return " ".join(i18n.text(lang, key, **values) for key in keys)


SUBJECT_KEPT = 20  # at least this much of the name as typed stays in a "not found" answer
SUBJECT_LEAST = 8  # ...and never less than this


def _not_found(answer: Answer, lang: str, params: dict[str, str], typed: str) -> str:
    """As many of the closest registered names as fit whole, with their status always and their
    town while there is room (a cut name would be a wrong name to look for on the papers); the
    name as typed is what gets cut."""
    subject = names.without_legal_form(typed)
    room = gsm7.SMS_SEGMENT - gsm7.septets(
        i18n.text(lang, "cek.not_found", **{**params, "subject": "", "candidates": ""})
    )
    forms = forms_needed(answer.candidates)
    options = [
        "; ".join(candidate(a, lang, with_town, forms) for a in answer.candidates[:count])
        for count in range(len(answer.candidates), 0, -1)
        for with_town in (True, False)
    ]
    kept = min(len(subject), SUBJECT_KEPT)
    if any(names.normalise(subject).startswith(names.normalise(a.name)) for a in answer.candidates):
        # A registered name with words added ("PT Sinar Harapan Mulia Tbk"): cut, it would read
        # as the registered one it is not. Whole, and the town or a third name makes room.
        kept = len(subject)
    shown = next((o for o in options if gsm7.septets(o) + kept <= room), None)
    if shown is None:  # a very long registered name: cut it, never its status
        least = min(len(subject), SUBJECT_LEAST) + 2
        shown = candidate(answer.candidates[0], lang, False, forms, room=room - least)
    params = {**params, "subject": subject, "candidates": shown}
    return i18n.fit(lang, "cek.not_found", params, shorten="subject")


def forms_needed(agencies: list[Agency]) -> bool:
    """Whether names differ only by their legal form (PT X, CV X): then it is shown."""
    bare = [names.without_legal_form(a.name).lower() for a in agencies]
    return len(set(bare)) < len(bare)


def candidate(
    agency: Agency,
    lang: str,
    with_town: bool = True,
    with_form: bool = False,
    room: int | None = None,
) -> str:
    """A registered name as it must appear on the papers (the legal form PT/CV aside unless it
    tells two apart), never without its status: `Sinar Harapan Mulia (aktif, Malang)`. With
    `room`, a name too long for it is cut (marked ..), the status never."""
    status = i18n.text(lang, "status." + agency_status(agency, clock.now().date()))
    where = f" ({status}, {town(agency)})" if with_town else f" ({status})"
    name = agency.name if with_form else names.without_legal_form(agency.name)
    if room is not None and gsm7.septets(name + where) > room:
        name = name[: max(room - gsm7.septets(where) - 2, 8)] + ".."
    return name + where


def town(agency: Agency) -> str:
    """The agency's town: the last part of its address."""
    return agency.address.rsplit(",", 1)[-1].strip()[:20] or "?"
