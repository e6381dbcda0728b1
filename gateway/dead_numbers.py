"""Recycled numbers: SMS to a number that keep failing for good (the subscriber no longer
exists, an invalid number) pause what is not urgent to it, and its village officer is told."""

from __future__ import annotations

from dataclasses import dataclass

from gateway import clock, i18n, officers
from gateway.models import Contact, Person

PAUSE_AFTER = 3  # final failures in a row
DEAD_REASONS = {  # Africa's Talking's failureReason / statusCode names for a dead number
    "UserDoesNotExist",
    "UserIsInactive",
    "NotNetworkSubcriber",  # as Africa's Talking's documentation spells it...
    "NotNetworkSubscriber",  # ...and as it may be spelt correctly one day
    "InvalidPhoneNumber",
}


@dataclass(frozen=True)
class Notice:
    """An SMS for the village officer about a number that went dead."""

    to: str
    text: str


def means_dead(reason: str | None) -> bool:
    """Whether a failure reason says the number itself is gone."""
    return bool(reason) and any(dead in reason for dead in DEAD_REASONS)


def count_failure(phone: str) -> Notice | None:
    """One more dead-number failure; the officer's notice when this one pauses the number."""
    Contact.insert(phone=phone).on_conflict_ignore().execute()
    Contact.update(failed_deliveries=Contact.failed_deliveries + 1).where(
        Contact.phone == phone
    ).execute()
    paused = (
        Contact.update(paused_at=clock.now())
        .where(
            (Contact.phone == phone)
            & (Contact.failed_deliveries >= PAUSE_AFTER)
            & Contact.paused_at.is_null()
        )
        .execute()
    )
    return _notice(phone) if paused else None


def count_delivered(phone: str) -> None:
    """A message arrived: the number is alive."""
    Contact.update(failed_deliveries=0, paused_at=None).where(
        (Contact.phone == phone) & (Contact.failed_deliveries > 0)
    ).execute()


def _notice(phone: str) -> Notice | None:
    person = Person.select().where(Person.phone == phone).order_by(Person.id).first()
    officer = officers.first_contact(person.village if person else None)
    if officer is None or person is None:
        return None
    village = person.village.name
    text = i18n.text(i18n.STAFF, "dead_number.officer", phone=phone, village=village)
    return Notice(to=officer.phone, text=text)
