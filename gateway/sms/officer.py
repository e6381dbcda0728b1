"""Officers' SMS commands: OK <ref>, SELESAI <ref> <note>, KASUS."""

from __future__ import annotations

from gateway import alerts, cases, clock, i18n, people
from gateway.models import Alert, AlertEvent, AlertState, Officer
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
    return alerts.cases_text(officer, message.lang)


def info(message: Message, rest: str) -> str:
    """INFO <ref> <PIN>: the whole case, to the officer's own phone, after the PIN (in
    numbered SMS when it is long: the one-segment rule is for families' replies)."""
    officer = _officer(message)
    if officer is None:
        return message.reply("officer.only")
    ref, _, pin = rest.partition(" ")
    alert = _alert_for(officer, ref) if ref else None
    if alert is None:
        return i18n.text(message.lang, "officer.unknown_ref", ref=ref.upper()[:12])
    if not officer.pin_hash:
        return message.reply("officer.no_pin")
    try:
        if not people.check_pin(officer, pin.strip()):
            return message.reply("officer.wrong_pin")
    except people.PinLockedError:
        return message.reply("officer.pin_locked")
    # Who looked at what, and when (UU PDP): an event on the alert.
    AlertEvent.create(alert=alert, state="info", actor=officer.phone, at=clock.now())
    return cases.details(alert, message.lang)
