"""An officer's cases, by SMS (OK, SELESAI, INFO) and on the officer's USSD menu: finding one
they are entitled to, reading it in full (logged), acknowledging and closing it."""

from __future__ import annotations

from gateway import alerts, checkin_codes, checkins, i18n, officers, reports
from gateway.models import Alert, AlertEvent, Child, Officer
from gateway.statuses import AlertState

NOTE_LENGTH = 500
CLOSING_NOTE_LEAST = 3  # a case is closed with what was done, however briefly: "aman" at least


def closing_note_enough(note: str) -> bool:
    """Whether a closing note says something (the same rule by SMS, USSD and on the desk)."""
    return len(" ".join(note.split())) >= CLOSING_NOTE_LEAST


def officer_on(phone: str) -> Officer | None:
    """The officer or supervisor using this phone, if any."""
    return Officer.get_or_none(Officer.phone == phone)


def find(officer: Officer, ref: str) -> Alert | None:
    """The case with this reference, if this officer may see it: another village's case is as
    unknown to them as one that does not exist."""
    alert = Alert.get_or_none(Alert.ref == ref.strip().strip("#.,;:!?").upper())  # "ok #k1ab2c."
    return alert if alert is not None and alerts.entitled(officer, alert) else None


def view(officer: Officer, alert: Alert, lang: str) -> str:
    """The whole case for this officer; who looked at what, and when, is kept (UU PDP)."""
    alerts.note_viewed(alert, officer.phone)
    return details(alert, lang)


def own_report(officer: Officer, alert: Alert) -> bool:
    """Whether this staff member reported the case while others hold it: they may read it, not
    acknowledge or close it (their own report went to the others, or to the supervisor)."""
    report = reports.for_ref(alert.ref)
    if report is None or report.reporter != officer.phone:
        return False
    return bool(officers.for_village(alert.village, besides=officer.phone))


def take(officer: Officer, alert: Alert, state: AlertState, note: str) -> str | None:
    """Acknowledge or close the case; None when done, else the state it already stood at."""
    note = note.strip()[:NOTE_LENGTH] or None
    if alerts.record(alert, state, actor=officer.phone, note=note):
        return None
    return Alert.get_by_id(alert.id).state


def act(officer: Officer, alert: Alert, state: AlertState, note: str, lang: str) -> str:
    """take(), and the officer's answer by SMS or USSD (done, where it already stood, or
    that a closing needs a note)."""
    if own_report(officer, alert):
        return i18n.text(lang, "officer.own_report", ref=alert.ref)
    if state is AlertState.CLOSED and not closing_note_enough(note):
        return i18n.text(lang, "officer.close_needs_note", ref=alert.ref)
    already = take(officer, alert, state, note)
    if already is not None:
        by = _who_took(alert, already)
        return i18n.text(lang, f"officer.already_{already}", ref=alert.ref, by=by)
    done = "officer.acknowledged" if state is AlertState.ACKNOWLEDGED else "officer.closed"
    return i18n.text(lang, done, ref=alert.ref)


def _who_took(alert: Alert, state: str) -> str:
    """Who brought the case to `state`: an officer's name, else their phone ("-": unknown)."""
    event = (
        AlertEvent.select()
        .where((AlertEvent.alert == alert) & (AlertEvent.state == state))
        .order_by(AlertEvent.id.desc())
        .first()
    )
    if event is None or not event.actor:
        return "-"
    officer = Officer.get_or_none(Officer.phone == event.actor)
    return officer.name if officer else event.actor


def details(alert: Alert, lang: str) -> str:
    """The case in full: the child and their latest check-in, and what the reporter wrote.
    Long texts go out as numbered SMS; only officers entitled to the case see this."""
    village = alerts.village_name(alert.village, lang)
    parts = [i18n.text(lang, "case.head", ref=alert.ref, category=_category(alert, lang))]
    if alert.child_id:
        parts.append(_child(Child.get_by_id(alert.child_id), village, lang))
    report = reports.for_ref(alert.ref)
    if report is not None:
        parts.append(
            i18n.text(lang, "case.report", phone=report.reporter, village=village, text=report.text)
        )
    for words in alerts.family_words(alert):
        parts.append(i18n.text(lang, "case.family", phone=words.actor, text=words.note))
    return " ".join(parts)


def _category(alert: Alert, lang: str) -> str:
    return i18n.text(lang, "category." + alert.category)


def _child(child: Child, village: str, lang: str) -> str:
    latest = checkins.latest_answer(child)

    def yes_no(field: str) -> str:
        value = getattr(latest, field) if latest else None
        if value is None:
            return "-"
        return i18n.text(lang, "answer.yes" if value == checkin_codes.YES else "answer.no")

    problem = (
        f"{latest.problem} {checkin_codes.label(lang, latest.problem)}"
        if latest and latest.problem
        else "-"
    )
    return i18n.text(
        lang,
        "case.child",
        child=child.name,
        year=child.birth_year,
        caregiver=child.caregiver.name,
        phone=child.caregiver.phone,
        village=village,
        school=yes_no("school"),
        health=yes_no("health"),
        mood=yes_no("mood"),
        contact=yes_no("contact"),
        problem=problem,
    )
