"""Officers' SMS commands: OK <ref>, SELESAI <ref> <note>, KASUS."""

from __future__ import annotations

from gateway import alerts, i18n
from gateway.models import Alert, AlertState, Officer
from gateway.sms.message import Message


def _officer(message: Message) -> Officer | None:
    return Officer.get_or_none(Officer.phone == message.phone)


def _alert_for(officer: Officer, ref: str) -> Alert | None:
    alert = Alert.get_or_none(Alert.ref == ref.upper())
    # Another village's case is as unknown to this officer as one that does not exist.
    return alert if alert is not None and alerts.entitled(officer, alert) else None


def _act(message: Message, rest: str, state: AlertState, done_key: str) -> str:
    officer = _officer(message)
    if officer is None:
        return message.reply("officer.only")
    ref, _, note = rest.partition(" ")
    if not ref:
        return message.reply("officer.need_ref")
    alert = _alert_for(officer, ref)
    if alert is None:
        return i18n.text(message.lang, "officer.unknown_ref", ref=ref.upper()[:12])
    if not alerts.record(alert, state, actor=officer.phone, note=note.strip()[:500] or None):
        current = Alert.get_by_id(alert.id).state
        return i18n.text(message.lang, f"officer.already_{current}", ref=alert.ref)
    return i18n.text(message.lang, done_key, ref=alert.ref)


def acknowledge(message: Message, rest: str) -> str:
    """OK <ref>: the officer has the case; it will not escalate."""
    return _act(message, rest, AlertState.ACKNOWLEDGED, "officer.acknowledged")


def close(message: Message, rest: str) -> str:
    """SELESAI <ref> <note>: the case is dealt with."""
    return _act(message, rest, AlertState.CLOSED, "officer.closed")


def open_cases(message: Message, _rest: str) -> str:
    """KASUS: the officer's open cases, newest first, as many as fit one SMS."""
    officer = _officer(message)
    if officer is None:
        return message.reply("officer.only")
    cases = alerts.open_for(officer)
    if not cases:
        return message.reply("officer.no_cases")
    listed = "; ".join(
        f"{a.ref} {i18n.text(message.lang, 'category.' + a.category)}"
        f" {a.village.name if a.village else '?'}"
        for a in cases
    )
    return i18n.fit(
        message.lang, "officer.cases", {"count": str(len(cases)), "cases": listed}, shorten="cases"
    )
