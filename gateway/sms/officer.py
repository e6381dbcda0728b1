"""Officers' SMS commands: OK <ref>, SELESAI <ref> <note>, KASUS, INFO <ref> <PIN>."""

from __future__ import annotations

from gateway import case_lists, cases, i18n, pins
from gateway.sms.message import Message
from gateway.statuses import AlertState


def _act(message: Message, rest: str, state: AlertState) -> str:
    officer = cases.officer_on(message.phone)
    if officer is None:
        return message.reply("officer.only")
    ref, _, note = rest.partition(" ")
    if not ref:
        return message.reply("officer.need_ref")
    alert = cases.find(officer, ref)
    if alert is None:
        return i18n.text(message.lang, "officer.unknown_ref", ref=ref.upper()[:12])
    return cases.act(officer, alert, state, note, message.lang)


def acknowledge(message: Message, rest: str) -> str:
    """OK <ref>: the officer has the case; it will not escalate."""
    return _act(message, rest, AlertState.ACKNOWLEDGED)


def close(message: Message, rest: str) -> str:
    """SELESAI <ref> <note>: the case is dealt with."""
    return _act(message, rest, AlertState.CLOSED)


def open_cases(message: Message, rest: str) -> str:
    """KASUS [page]: the officer's open cases, urgent first then the oldest, as many as fit
    one SMS; KASUS 2 the next ones."""
    officer = cases.officer_on(message.phone)
    if officer is None:
        return message.reply("officer.only")
    first = rest.split()[0] if rest.split() else ""
    page = int(first) if first.isdigit() else 1
    return case_lists.cases_text(officer, message.lang, page=page)


def info(message: Message, rest: str) -> str:
    """INFO <ref> <PIN>: the whole case, to the officer's own phone, after the PIN (in
    numbered SMS when it is long: the one-segment rule is for families' replies)."""
    officer = cases.officer_on(message.phone)
    if officer is None:
        return message.reply("officer.only")
    ref, _, pin = rest.partition(" ")
    alert = cases.find(officer, ref) if ref else None
    if alert is None:
        return i18n.text(message.lang, "officer.unknown_ref", ref=ref.upper()[:12])
    if not officer.pin_hash:
        return message.reply("officer.no_pin")
    if not pin.strip():  # forgotten, not wrong: no try is counted towards the lock
        return i18n.text(message.lang, "officer.pin_needed", ref=alert.ref)
    try:
        if not pins.check_pin(officer, pin.strip()):
            return message.reply("officer.wrong_pin")
    except pins.PinLockedError:
        return message.reply("officer.pin_locked")
    return cases.view(officer, alert, message.lang)
