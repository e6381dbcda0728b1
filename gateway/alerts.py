"""Alerts: a case reference an officer gets by SMS, acknowledges, closes; escalated once to the
district supervisor when nobody acknowledges it in time (escalation.py). Every state change
is stored."""

from __future__ import annotations

import logging
import secrets
from datetime import timedelta

from flask import current_app
from peewee import IntegrityError

from gateway import checkin_codes, clock, i18n, officers, outbox, sending
from gateway.models import Alert, AlertEvent, Officer, OutboxMessage, Village, db
from gateway.statuses import AlertState, MessageKind, OutboxStatus

log = logging.getLogger(__name__)

REF_ALPHABET = "ACDEFGHJKLMNPQRTUVWXY3479"  # no 0/O, 1/I, 2/Z, 5/S, 6/B, 8 look-alikes
OPEN = (AlertState.OPENED, AlertState.SENT, AlertState.DELIVERED)  # nobody has acted yet
TAKEN = (AlertState.ACKNOWLEDGED, AlertState.CLOSED)  # someone has the case: no more SMS about it
NOTED = "note"  # the event of an officer's note on the web desk
VIEWED = "info"  # the event of an officer reading the case in full (INFO, the USSD case screen)
FAMILY = "family"  # the event of a family's own words about the case (after their digits...)
UNDELIVERED = "undelivered"  # the event of an alert SMS that will never reach its officer
TOLD_MORE = "told_more"  # the event of the officers being told the family wrote more
TOLD_MORE_EVERY = timedelta(hours=1)  # a flood of messages is one SMS an hour to the officer


def village_name(village: Village | None, lang: str) -> str:
    """A village's name in an alert, or plainly that it is not known."""
    return village.name if village else i18n.text(lang, "village.unknown")


def new_ref(prefix: str) -> str:
    """A short reference people can type: the prefix and five unambiguous characters."""
    return prefix + "".join(secrets.choice(REF_ALPHABET) for _ in range(5))


def open_case(
    category: str,
    village: Village | None,
    child_id: int | None = None,
    ref: str | None = None,
    reporter: str | None = None,
    urgent: bool = False,
) -> Alert:
    """A child-protection case: its SMS names reference, category, urgency (that of the
    category, or `urgent`: someone asked for help) and village, never the child; officers read
    the rest with INFO. A staff member who reported it is not sent it."""
    urgent = urgent or category in checkin_codes.URGENT
    ref = ref or new_ref("K")
    text = _case_text(ref, category, urgent, village)
    return open_alert(
        category, village, urgent, text=text, ref=ref, child_id=child_id, reporter=reporter
    )


def _case_text(ref: str, category: str, urgent: bool, village: Village | None) -> str:
    params = {
        "ref": ref,
        "category": i18n.text("id", "category." + category),
        "urgency": i18n.text("id", "urgency.urgent" if urgent else "urgency.normal"),
        "village": village_name(village, "id"),
    }
    return i18n.fit("id", "alert.checkin", params, shorten="village")


def update_case(
    alert: Alert,
    reporter: str,
    village: Village | None = None,
    category: str | None = None,
    urgent: bool = False,
) -> bool:
    """A case that learns its village (its reporter was asked which), a graver danger or an
    urgent call for help takes it, and its officers are sent the case as it now stands.
    False if nothing changed."""
    changes: dict = {}
    if village is not None and alert.village is None:
        changes["village"] = village
    if category is not None and category != alert.category:
        changes["category"] = category
    if (urgent or category in checkin_codes.URGENT) and not alert.urgent:
        soon = clock.now() + timedelta(minutes=current_app.config["ESCALATE_URGENT_MINUTES"])
        changes.update(urgent=True, deadline_at=min(alert.deadline_at, soon))
    if not changes:
        return False
    Alert.update(**changes).where(Alert.id == alert.id).execute()
    for name, value in changes.items():
        setattr(alert, name, value)
    if alert.village is not None:
        text = _case_text(alert.ref, alert.category, alert.urgent, alert.village)
        send_to(_holders(alert, besides=reporter), text, alert, f"alert {alert.ref} updated")
    return True


def open_alert(
    category: str,
    village: Village | None,
    urgent: bool,
    text: str,
    ref: str | None = None,
    child_id: int | None = None,
    reporter: str | None = None,
) -> Alert:
    """Open an alert and queue its SMS (`text`, which carries the reference) to the village's
    officers but the `reporter` (else its district's supervisors, else the fallback hotline);
    the deadline follows ESCALATE_(URGENT_)MINUTES."""
    config = current_app.config
    minutes = config["ESCALATE_URGENT_MINUTES"] if urgent else config["ESCALATE_MINUTES"]
    now = clock.now()
    while True:  # a clash of two random references is rare; try another
        try:
            with db.atomic():
                alert = Alert.create(
                    ref=ref or new_ref("K"),
                    category=category,
                    urgent=urgent,
                    village=village,
                    child_id=child_id,
                    opened_at=now,
                    deadline_at=now + timedelta(minutes=minutes),
                )
            break
        except IntegrityError:
            if ref:
                raise
    AlertEvent.create(alert=alert, state=AlertState.OPENED.value, at=now)
    send_to(officers.for_village(village, besides=reporter), text, alert, f"alert {alert.ref}")
    return alert


def send_to(recipients: list[Officer], text: str, alert: Alert | None, what: str) -> None:
    """Queue `text` to these officers; with nobody entitled, to ALERT_FALLBACK_PHONE (the
    programme hotline) if set. Never to another village's or district's officers."""
    phones = [officer.phone for officer in recipients]
    if not phones:
        fallback = current_app.config["ALERT_FALLBACK_PHONE"]
        log.warning(
            "%s: no officer or supervisor for its village or district; %s",
            what,
            f"sent to the fallback {fallback}" if fallback else "kept open for the dashboard",
        )
        phones = [fallback] if fallback else []
    for phone in phones:
        outbox.add(
            phone,
            text,
            MessageKind.ALERT,
            alert_id=alert.id if alert else None,
            urgent=bool(alert and alert.urgent),
        )


def anyone_told(ref: str) -> bool:
    """Whether an SMS about the alert with this reference was queued to anyone (an officer or
    the hotline): else the reporter must not be told that someone will act on it."""
    return (
        OutboxMessage.select()
        .join(Alert, on=OutboxMessage.alert_id == Alert.id)
        .where(Alert.ref == ref)
        .exists()
    )


def record(
    alert: Alert, state: AlertState, actor: str | None = None, note: str | None = None
) -> bool:
    """Move the alert forward to `state` and store the change; False if it was already there
    or beyond. A message sent or delivered is stored as an event even then: it happened."""
    lower = [s.value for s in AlertState if s.rank < state.rank]
    moved = bool(
        Alert.update(state=state.value)
        .where((Alert.id == alert.id) & Alert.state.in_(lower))
        .execute()
    )
    if moved or state in (AlertState.SENT, AlertState.DELIVERED):
        AlertEvent.create(alert=alert, state=state.value, actor=actor, note=note, at=clock.now())
    if moved and state in TAKEN:
        outbox.cancel_for_alert(alert.id)  # an SMS waiting for the morning is news to nobody
    return moved


def follow_sending(change: sending.StatusChange | None) -> None:
    """An alert's SMS was sent or delivered: that is part of the alert's story. It failed for
    good (a phone switched off for days, a number gone): nobody may be told, so the case is
    due for escalation now, not at its deadline."""
    moved = change is not None and change.before != change.after
    watched = (OutboxStatus.SENT, OutboxStatus.DELIVERED, OutboxStatus.FAILED)
    if not moved or change.after not in watched or not change.row.alert_id:
        return
    alert = Alert.get_or_none(Alert.id == change.row.alert_id)
    if alert is None:
        return
    if change.after is OutboxStatus.FAILED:
        AlertEvent.create(alert=alert, state=UNDELIVERED, actor=change.row.to, at=clock.now())
        if not _on_its_way(alert, besides=change.row.id):  # another officer's may reach them
            Alert.update(deadline_at=clock.now()).where(
                (Alert.id == alert.id) & Alert.state.in_([s.value for s in OPEN])
            ).execute()
        return
    state = AlertState.SENT if change.after is OutboxStatus.SENT else AlertState.DELIVERED
    record(alert, state, actor=change.row.to)


def _on_its_way(alert: Alert, besides: int) -> bool:
    """Whether another SMS about the alert may still reach someone."""
    alive = (OutboxStatus.QUEUED, OutboxStatus.SENDING, OutboxStatus.SENT, OutboxStatus.DELIVERED)
    return (
        OutboxMessage.select()
        .where(
            (OutboxMessage.alert_id == alert.id)
            & (OutboxMessage.id != besides)
            & OutboxMessage.status.in_([status.value for status in alive])
        )
        .exists()
    )


def add_note(alert: Alert, officer_phone: str, note: str) -> None:
    """An officer's note on the case (what was done, who was called): its story goes on."""
    AlertEvent.create(alert=alert, state=NOTED, actor=officer_phone, note=note, at=clock.now())


def add_family_words(alert: Alert, phone: str, words: str, tell: bool = True) -> None:
    """What a family wrote about the case, kept with it as written: the officer reads it in
    INFO and on the desk, and is told there is more (unless just sent the case itself)."""
    AlertEvent.create(alert=alert, state=FAMILY, actor=phone, note=words, at=clock.now())
    if tell:
        tell_more(alert, phone)


def tell_more(alert: Alert, reporter: str) -> None:
    """The officers of an open case hear that the reporter or family wrote more, to read with
    INFO (the words themselves may name a child): not for a case this very message opened,
    and once an hour at most."""
    now = clock.now()
    if alert.state == AlertState.CLOSED or alert.opened_at >= now - timedelta(minutes=1):
        return
    told = AlertEvent.select().where(
        (AlertEvent.alert == alert)
        & (AlertEvent.state == TOLD_MORE)
        & (AlertEvent.at >= now - TOLD_MORE_EVERY)
    )
    if told.exists():
        return
    AlertEvent.create(alert=alert, state=TOLD_MORE, actor=reporter, at=now)
    params = {"ref": alert.ref, "village": village_name(alert.village, "id")}
    text = i18n.fit("id", "alert.more", params, shorten="village")
    send_to(_holders(alert, besides=reporter), text, alert, f"more {alert.ref}")


def _holders(alert: Alert, besides: str) -> list[Officer]:
    """Who has the case in hand: the village's officers, and once escalated, the district's
    supervisors too."""
    holders = {o.phone: o for o in officers.for_village(alert.village, besides=besides)}
    if alert.state == AlertState.ESCALATED and alert.village is not None:
        for supervisor in officers.supervisors(alert.village.district):
            if supervisor.phone != besides:
                holders.setdefault(supervisor.phone, supervisor)
    return list(holders.values())


def family_words(alert: Alert) -> list[AlertEvent]:
    """The families' own words about the case, oldest first."""
    query = AlertEvent.select().where((AlertEvent.alert == alert) & (AlertEvent.state == FAMILY))
    return list(query.order_by(AlertEvent.id))


def note_viewed(alert: Alert, officer_phone: str) -> None:
    """Who read the case in full, and when (UU PDP): part of its story, not a change of state."""
    AlertEvent.create(alert=alert, state=VIEWED, actor=officer_phone, at=clock.now())


def entitled(officer: Officer, alert: Alert) -> bool:
    """Whether this officer may see and act on this alert (an operator: every alert)."""
    return officers.sees(officer, alert.village)
