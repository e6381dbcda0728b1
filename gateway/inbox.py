"""The inbound SMS store: each provider message id once, with the keyword it was routed to."""

from __future__ import annotations

from peewee import IntegrityError

from gateway.models import InboundSms, db
from gateway.providers.africastalking import IncomingSms


def store(sms: IncomingSms, stored_text: str) -> int | None:
    """Store the message (its text as it may be stored); None when its id was stored before:
    a replayed callback, to acknowledge and do nothing else."""
    try:
        with db.atomic():  # a savepoint: a replay fails here and nothing else happens
            return InboundSms.create(
                provider_id=sms.provider_id,
                sender=sms.phone,
                text=stored_text,
                to=sms.to,
                link_id=sms.link_id,
            ).id
    except IntegrityError:
        return None


def set_keyword(inbound_id: int, keyword: str | None) -> None:
    """What the message was routed to; only that (a HAPUS YA has just blanked its number)."""
    InboundSms.update(keyword=keyword).where(InboundSms.id == inbound_id).execute()
