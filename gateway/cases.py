"""What an officer reads about a case (INFO, the officer menu): everything, never cut."""

from __future__ import annotations

from gateway import alerts, checkin_codes, checkins, i18n, reports
from gateway.models import Alert, Child


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
