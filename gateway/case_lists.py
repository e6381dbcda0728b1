"""An officer's open cases as a list: urgent first, then the oldest; in one SMS or USSD screen
a page (KASUS, KASUS 2) with how many more, or whole for the desk."""

from __future__ import annotations

from gateway import alerts, gsm7, i18n
from gateway.models import Alert, Officer
from gateway.statuses import AlertState


def open_for(officer: Officer) -> list[Alert]:
    """The alerts this officer may act on that are not closed: urgent first, then the oldest
    (the desk, KASUS and the USSD list show them in this order)."""
    query = Alert.select().where(Alert.state != AlertState.CLOSED.value)
    cases = [alert for alert in query if alerts.entitled(officer, alert)]
    return sorted(cases, key=lambda alert: (not alert.urgent, alert.opened_at, alert.id))


def cases_text(officer: Officer, lang: str, page: int = 1, by_sms: bool = True) -> str:
    """The officer's open cases in one SMS or screen (reference, category, village), page
    `page` of them: as many whole as fit, then how many more and how to see them (`KASUS 2`
    by SMS; on USSD, the menu that opens a case)."""
    cases = open_for(officer)
    if not cases:
        return i18n.text(lang, "officer.no_cases")
    start, number = 0, 1
    while True:
        text, shown = _cases_page(lang, cases, start, number + 1, by_sms)
        if number >= page or start + shown >= len(cases):  # past the last page: the last
            return text
        start, number = start + shown, number + 1


def _cases_page(
    lang: str, cases: list[Alert], start: int, next_page: int, by_sms: bool
) -> tuple[str, int]:
    """The text listing the cases from `start` on that fit whole, and how many it lists."""
    shown: list[str] = []
    for alert in cases[start:]:  # a few: an SMS holds no more
        more = [*shown, case_line(alert, lang)]
        if not gsm7.fits(_cases_listed(lang, len(cases), start, more, next_page, by_sms)):
            break
        shown = more
    if not shown:  # even one case alone is too long (a long village name): cut it
        params = {"count": str(len(cases)), "cases": case_line(cases[start], lang)}
        return i18n.fit(lang, "officer.cases", params, shorten="cases"), 1
    return _cases_listed(lang, len(cases), start, shown, next_page, by_sms), len(shown)


def _cases_listed(
    lang: str, count: int, start: int, lines: list[str], next_page: int, by_sms: bool
) -> str:
    listed = "; ".join(lines)
    more = count - start - len(lines)
    if more:
        key = "officer.cases_more" if by_sms else "officer.cases_more_ussd"
        listed += " " + i18n.text(lang, key, more=str(more), page=str(next_page))
    return i18n.text(lang, "officer.cases", count=str(count), cases=listed)


def case_line(alert: Alert, lang: str) -> str:
    """A case in a few words, no personal data: reference, category, village."""
    category = i18n.text(lang, "category." + alert.category)
    return f"{alert.ref} {category} {alerts.village_name(alert.village, lang)}"
