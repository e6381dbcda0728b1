"""A person's own data (UU PDP): DATA says what is stored about a number; HAPUS, confirmed with
HAPUS YA within 10 minutes, erases it and the children's, keeping only anonymous counts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from gateway import clock, contacts, gsm7, i18n, officers, outbox
from gateway.models import (
    Alert,
    Checkin,
    Child,
    Consent,
    Contact,
    ErasureRecord,
    InboundSms,
    Officer,
    OutboxMessage,
    Person,
    Report,
    UssdSessionEvent,
    Verification,
    db,
)
from gateway.phone import is_abroad
from gateway.statuses import AlertState, MessageKind, OutboxStatus

CONFIRM_WITHIN = timedelta(minutes=10)
ERASED = "-"  # in place of the phone number on rows kept for their counts


def stored_about(phone: str, lang: str) -> list[str]:
    """DATA: the people registered on this number and their children, then what else is kept
    about them (check-in answers, reports, consents), counted: one SMS, or two. No child's
    name: a phone is often shared, and DATA asks for no PIN (USSD "Data saya" shows more)."""
    people = list(Person.select().where(Person.phone == phone).order_by(Person.id))
    if not people:
        linked = Child.select().where(Child.parent_phone == phone).count()
        if linked:  # a parent abroad whose number the family gave: that is data about them
            return [i18n.text(lang, "data.linked_parent", children=str(linked))]
        return [i18n.text(lang, "data.none")]
    described = [
        f"{person.name} ({i18n.text(lang, f'role.{person.role}')}"
        f"{', ' + person.village.name if person.village else ''})"
        for person in people
    ]
    # Children in the care of someone on this number, or whose parent abroad it is.
    children = Child.select().where(Child.caregiver.in_(people) | (Child.parent_phone == phone))
    # USSD cannot be dialled from abroad: a parent abroad is sent to the village officer.
    via = "abroad" if is_abroad(phone) else "ussd"
    change, see_all = i18n.text(lang, f"data.change_{via}"), i18n.text(lang, f"data.see_all_{via}")
    params = {"children": str(children.count()), "change": change}
    summary = [_summary_naming_whole_people(lang, described, params)]
    kept = {
        "checkins": Checkin.select()
        .join(Child)
        .where(Child.caregiver.in_(people) & Checkin.answered_at.is_null(False))
        .count(),
        "reports": Report.select().where(Report.reporter == phone).count(),
        "consents": Consent.select().where(Consent.person.in_(people)).count(),
    }
    if any(kept.values()):
        counts = {k: str(n) for k, n in kept.items()}
        summary.append(i18n.text(lang, "data.kept", see_all=see_all, **counts))
    return summary


def _summary_naming_whole_people(lang: str, described: list[str], params: dict[str, str]) -> str:
    """The DATA summary in one SMS naming as many of the people as fit, each whole, the rest
    counted ("+1 lainnya"): a name cut in the middle reads as a mistake in our records."""
    for shown in range(len(described), 0, -1):
        people = "; ".join(described[:shown])
        if shown < len(described):
            people += "; " + i18n.text(lang, "data.more_people", count=len(described) - shown)
        text = i18n.text(lang, "data.summary", people=people, **params)
        if gsm7.septets(text) <= gsm7.SMS_SEGMENT:  # as i18n.fit measures
            return text
    return i18n.fit(lang, "data.summary", {**params, "people": people}, shorten="people")


def holds_data(phone: str) -> bool:
    """Whether anything is kept about this number: someone registered on it, or children
    whose parent abroad it is (the family gave it)."""
    return (
        Person.select().where(Person.phone == phone).exists()
        or Child.select().where(Child.parent_phone == phone).exists()
    )


def ask(phone: str) -> int:
    """HAPUS from someone registered: remember the request for CONFIRM_WITHIN; return how many
    children the people on this number care for (their data goes too)."""
    contacts.note_erase_request(phone)
    people = Person.select(Person.id).where(Person.phone == phone)
    return Child.select().where(Child.caregiver.in_(people)).count()


def held(phone: str, lang: str, person_id: int | None = None) -> dict[str, str] | None:
    """What the `erase.held` text names when a case is still open about a child of the people
    on this number (or of the one given; or of whom it is the parent abroad), or reported
    from it: its reference and the officer of its village. Erasure waits until it is closed:
    a child's safety comes first (UU PDP lets data needed for a vital interest be kept), and
    the officer must still be able to reach the family. None: nothing holds it."""
    people = Person.select(Person.id).where(
        Person.phone == phone if person_id is None else Person.id == person_id
    )
    children = Child.select(Child.id).where(
        Child.caregiver.in_(people) | (Child.parent_phone == phone)
    )
    reported = Report.select(Report.ref).where(Report.reporter == phone)
    case = (
        Alert.select()
        .where(
            (Alert.state != AlertState.CLOSED.value)
            & (Alert.child_id.in_(children) | Alert.ref.in_(reported))
        )
        .order_by(Alert.id)
        .first()
    )
    if case is None:
        return None
    return {"ref": case.ref, "officer": officers.contact_name(case.village, lang)}


@dataclass(frozen=True)
class Erased:
    """What HAPUS YA removed."""

    people: int
    children: int


def confirm(phone: str) -> Erased | None:
    """HAPUS YA: erase, if HAPUS was sent within CONFIRM_WITHIN; None otherwise."""
    contact = contacts.find(phone)
    asked = contact.erase_asked_at if contact else None
    if asked is None or asked < clock.now() - CONFIRM_WITHIN:
        return None
    return erase(phone)


def erase(phone: str, person_id: int | None = None) -> Erased:
    """Delete the people on this number (or the one of them who gave their PIN), their
    children (with check-ins and consents), and once nobody is left on the number what the
    gateway kept of its messages; tell each village officer a household (someone with
    children in their care) left: a parent abroad leaving takes no child with them."""
    with db.atomic():
        mine = Person.phone == phone
        people = list(Person.select().where(mine if person_id is None else Person.id == person_id))
        children = list(Child.select().where(Child.caregiver.in_(people)))
        villages = {person.village for person in people if person.village}
        # The anonymous count, per village, taken before the rows go.
        counts = [
            {
                "village": village,
                "people": sum(p.village == village for p in people),
                "children": sum(c.caregiver.village == village for c in children),
            }
            for village in villages or {None}
        ]
        Alert.update(child_id=None).where(Alert.child_id.in_([c.id for c in children])).execute()
        for person in people:
            person.delete_instance(recursive=False)  # children, consents, check-ins: cascade
        _forget_in_officers_sms([p.name for p in people] + [c.name for c in children], phone)
        if not Person.select().where(mine).exists():
            Child.update(parent_phone=None).where(Child.parent_phone == phone).execute()
            _forget_messages(phone)
        for count in counts:
            ErasureRecord.create(**count)
            if count["village"] is not None and count["children"]:  # a household left
                _tell_officer(count["village"])
    return Erased(people=len(people), children=len(children))


def _forget_messages(phone: str) -> None:
    """Messages are kept for their counts: without their text or the number."""
    OutboxMessage.update(status=OutboxStatus.CANCELLED.value).where(
        (OutboxMessage.to == phone) & (OutboxMessage.status == OutboxStatus.QUEUED.value)
    ).execute()
    OutboxMessage.update(to=ERASED, text="").where(OutboxMessage.to == phone).execute()
    InboundSms.update(sender=ERASED, text="").where(InboundSms.sender == phone).execute()
    Report.update(reporter=ERASED).where(Report.reporter == phone).execute()
    Verification.update(asker=ERASED).where(Verification.asker == phone).execute()
    UssdSessionEvent.delete().where(UssdSessionEvent.phone == phone).execute()
    Contact.delete().where(Contact.phone == phone).execute()


def _forget_in_officers_sms(names: list[str], phone: str) -> None:
    """Alerts and case details sent to officers named the household: their texts go (the
    rows stay, for the counts). Texts are encrypted: read and compared here."""
    officer_phones = Officer.select(Officer.phone)
    for row in OutboxMessage.select().where(OutboxMessage.to.in_(officer_phones)):
        if phone in row.text or any(name and name in row.text for name in names):
            OutboxMessage.update(text="").where(OutboxMessage.id == row.id).execute()


def _tell_officer(village) -> None:
    """No name, no number: only that a household of the village left the service."""
    officer = officers.first_contact(village)
    if officer is not None:
        outbox.add(
            officer.phone,
            i18n.text(i18n.STAFF, "erase.officer", village=village.name),
            kind=MessageKind.BROADCAST,
        )
