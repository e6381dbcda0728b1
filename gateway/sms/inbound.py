"""The inbound SMS callback: store once, route, queue the answer."""

from __future__ import annotations

from collections.abc import Mapping

from peewee import IntegrityError

from gateway import gsm7, limits, outbox, people
from gateway.models import InboundSms, db
from gateway.phone import InvalidPhoneError, normalise
from gateway.sms.keywords import redacted, route, speaks_of_danger
from gateway.sms.message import Message


class BadCallbackError(ValueError):
    """A callback we cannot act on; the message names the field."""


def _required(form: Mapping[str, str], name: str, max_length: int) -> str:
    value = (form.get(name) or "").strip()
    if not value or len(value) > max_length:
        raise BadCallbackError(f"field {name!r} is missing or too long")
    return value


def receive(form: Mapping[str, str], default_lang: str, ussd_code: str) -> bool:
    """Handle one inbound SMS callback; False when it was a replay of one already handled."""
    provider_id = _required(form, "id", 100)
    try:
        phone = normalise(_required(form, "from", 40))
    except InvalidPhoneError:
        raise BadCallbackError("field 'from' is not a phone number") from None
    text = form.get("text") or ""
    with outbox.batch(), db.atomic():
        try:
            with db.atomic():  # a savepoint: a replay fails here and nothing else happens
                inbound = InboundSms.create(
                    provider_id=provider_id,
                    sender=phone,
                    text=redacted(text),  # an officer's PIN is never stored
                    to=(form.get("to") or "")[:20] or None,
                    link_id=(form.get("linkId") or "")[:100] or None,
                )
        except IntegrityError:
            return False
        message = Message(phone, text, people.language_for(phone, default_lang), ussd_code)
        verdict = limits.count("sms", phone, "INBOUND_SMS_PER_HOUR")
        if verdict is limits.Verdict.ALLOW or speaks_of_danger(message):
            keyword, replies = route(message)
        else:  # a flood: one polite answer, then silence; every message is still stored
            keyword = "limited"
            replies = [message.reply("limit.sms")] if verdict is limits.Verdict.WARN else []
        # Only the keyword: a HAPUS YA has just blanked this very row's number and text.
        InboundSms.update(keyword=keyword).where(InboundSms.id == inbound.id).execute()
        for reply in replies:
            for part in gsm7.numbered_parts(gsm7.to_gsm7(reply)):
                outbox.add(phone, part)
    return True
