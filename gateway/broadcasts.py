"""Broadcasts from the web desk: one SMS to the families registered in a village (an officer's
own, any in a supervisor's district, or the whole district; any village for an operator), sent
through the outbox as kind broadcast (STOP numbers suppressed, quiet hours applied there)."""

from __future__ import annotations

from dataclasses import dataclass

from peewee import fn

from gateway import gsm7, outbox, staff
from gateway.i18n import desk_text
from gateway.models import Broadcast, Officer, OutboxMessage, Person, Village
from gateway.statuses import MessageKind, OfficerRole, OutboxStatus

MAX_LENGTH = 480  # three GSM-7 segments: longer is not a broadcast but a letter
# Every broadcast says how to stop them (UU PDP; DOMAIN.md): what the officer writes is
# followed by this line, counted in the SMS the desk shows.
OPT_OUT = "\n(Berhenti terima info: SMS STOP)"
TEXT_ROOM = MAX_LENGTH - len(OPT_OUT)  # what the officer may write
WHOLE_DISTRICT = "district"  # the form's choice for every village of a supervisor's district
COUNTED = ("queued", "sent", "delivered", "failed", "suppressed")


class BroadcastRefusedError(ValueError):
    """The broadcast was not sent: why, in words for the page."""


class OutOfScopeError(Exception):
    """The village or district named is not this staff member's."""


@dataclass(frozen=True)
class Length:
    """How the text goes out: as sent (GSM-7: curly quotes straight, accents dropped, other
    characters '?'), its characters, units and SMS segments, and characters lost on the way."""

    sent: str
    characters: int
    encoding: str
    units: int
    segments: int
    lost: int

    @property
    def needs_confirmation(self) -> bool:
        """More than one SMS, or characters basic phones lack (sent as '?')."""
        return self.segments > 1 or self.lost > 0


def with_opt_out(text: str) -> str:
    """The SMS families get for what the officer wrote: it, then how to stop broadcasts."""
    return text + OPT_OUT if text else ""


def measure(text: str) -> Length:
    """Count the text as it will be sent, as the form's script does (the server's count is
    the one that holds)."""
    sent = gsm7.to_gsm7(text)
    encoding, units, count = gsm7.segments(sent)
    lost = sent.count("?") - text.count("?")
    return Length(sent, len(sent), encoding, units, count if sent else 0, lost)


def choices(officer: Officer) -> list[tuple[str, str]]:
    """The (value, label) places this staff member may write to; the first is the default:
    with more than one, none ("choose"), so that a whole district is never written to by a
    choice left as it was."""
    places = [
        (v.code, desk_text("place.village", name=v.name, district=v.district))
        for v in staff.villages(officer)
    ]
    if officer.role == OfficerRole.SUPERVISOR:
        places.append((WHOLE_DISTRICT, desk_text("place.district", district=officer.district)))
    if len(places) > 1:
        places.insert(0, ("", desk_text("place.choose")))
    return places


def _villages(officer: Officer, choice: str) -> tuple[list[Village], Village | None, str]:
    """The villages a choice names, the one village (None: a district) and the district;
    OutOfScopeError when the choice is not among this staff member's."""
    if choice == WHOLE_DISTRICT and officer.role == OfficerRole.SUPERVISOR:
        return staff.villages(officer), None, officer.district
    allowed = {v.code: v for v in staff.villages(officer)}
    village = allowed.get(choice)
    if village is None:
        raise OutOfScopeError(choice)
    return [village], village, village.district


def recipients(villages: list[Village]) -> list[str]:
    """The distinct phones of the people registered in these villages."""
    query = (
        Person.select(Person.phone)
        .where(Person.village.in_([v.id for v in villages]))
        .distinct()
        .order_by(Person.phone)
    )
    return [phone for (phone,) in query.tuples().iterator()]  # a district: no model instances


def send(officer: Officer, choice: str, text: str, confirmed: bool) -> Broadcast:
    """Store the broadcast and one outbox row per phone, in the caller's unit of work.
    OutOfScopeError for a place not this staff member's; BroadcastRefusedError for a text
    empty, too long, or longer than one SMS (or with characters sent as '?') without
    `confirmed`."""
    if not choice:
        raise BroadcastRefusedError(desk_text("broadcast.no_place"))
    villages, village, district = _villages(officer, choice)
    text = text.strip()
    if not text:
        raise BroadcastRefusedError(desk_text("broadcast.empty"))
    if len(text) > TEXT_ROOM:
        raise BroadcastRefusedError(desk_text("broadcast.too_long", most=TEXT_ROOM))
    length = measure(with_opt_out(text))
    if length.needs_confirmation and not confirmed:
        if length.lost:
            raise BroadcastRefusedError(desk_text("broadcast.confirm_lost", sent=length.sent))
        raise BroadcastRefusedError(desk_text("broadcast.confirm", segments=length.segments))
    text = length.sent  # what families receive is what the desk shows
    phones = recipients(villages)
    if not phones:
        raise BroadcastRefusedError(desk_text("broadcast.nobody"))
    broadcast = Broadcast.create(
        officer=officer, village=village, district=district, text=text, recipients=len(phones)
    )
    outbox.add_many(
        [(phone, text) for phone in phones], MessageKind.BROADCAST, broadcast_id=broadcast.id
    )
    return broadcast


def may_see(officer: Officer, broadcast: Broadcast) -> bool:
    """An officer sees their village's broadcasts, a supervisor their district's, an operator
    every one."""
    if officer.role == OfficerRole.OPERATOR:
        return True
    if officer.role == OfficerRole.SUPERVISOR:
        return broadcast.district == officer.district
    return broadcast.village_id is not None and broadcast.village_id == officer.village_id


def find(officer: Officer, broadcast_id: int) -> tuple[Broadcast | None, bool]:
    """The broadcast with this id and whether this staff member may open it."""
    broadcast = Broadcast.get_or_none(Broadcast.id == broadcast_id)
    return broadcast, broadcast is not None and may_see(officer, broadcast)


def latest(officer: Officer, limit: int = 30) -> list[Broadcast]:
    """The newest broadcasts this staff member may see."""
    query = Broadcast.select().order_by(Broadcast.created_at.desc(), Broadcast.id.desc())
    if officer.role == OfficerRole.SUPERVISOR:
        query = query.where(Broadcast.district == officer.district)
    elif officer.role != OfficerRole.OPERATOR:
        query = query.where(Broadcast.village == officer.village_id)
    return list(query.limit(limit))


def counts(broadcast: Broadcast) -> dict[str, int]:
    """Its SMS by status: queued (sending included), sent, delivered, failed (unknown and
    cancelled included: not known to have arrived), suppressed (STOP, paused numbers)."""
    folded = {
        OutboxStatus.SENDING.value: "queued",
        OutboxStatus.UNKNOWN.value: "failed",
        OutboxStatus.CANCELLED.value: "failed",
    }
    result = dict.fromkeys(COUNTED, 0)
    rows = (
        OutboxMessage.select(OutboxMessage.status, fn.COUNT(OutboxMessage.id).alias("n"))
        .where(OutboxMessage.broadcast_id == broadcast.id)
        .group_by(OutboxMessage.status)
    )
    for row in rows:
        status = folded.get(row.status, row.status)
        result[status] = result.get(status, 0) + row.n
    return result


def place(broadcast: Broadcast) -> str:
    """Where it went, in words."""
    if broadcast.village is not None:
        return f"desa {broadcast.village.name}"
    return f"kabupaten {broadcast.district}"
