"""A staff member's first login, or a forgotten password: a one-time link sent by SMS to their
own phone, valid INVITE_HOURS; opening it sets a password. Only the link's hash is stored, and a
new link, a password set, or the time running out ends it."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta
from urllib.parse import urlencode

from gateway import clock, i18n, officers, outbox, staff
from gateway.i18n import desk_text
from gateway.models import Officer
from gateway.statuses import MessageKind

INVITE_HOURS = 48
TOKEN_BYTES = 12  # 16 characters in the link, 96 random bits: the SMS stays one segment
PATH = "/desk/sandi"  # the token goes in the query: web servers log paths, not query strings


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def invite(officer: Officer, public_url: str) -> str:
    """Queue an SMS with a new one-time link to this staff member's phone (an older link stops
    working) and return the link; OfficerError when the desk's address is not configured."""
    if not public_url:
        raise officers.OfficerError(desk_text("staff.no_public_url"))
    token = secrets.token_urlsafe(TOKEN_BYTES)
    Officer.update(
        invite_hash=_digest(token), invite_expires=clock.now() + timedelta(hours=INVITE_HOURS)
    ).where(Officer.id == officer.id).execute()
    link = f"{public_url.rstrip('/')}{PATH}?{urlencode({'t': token})}"
    text = i18n.text("id", "sms.desk_invite", link=link, hours=INVITE_HOURS)
    outbox.add(officer.phone, text, MessageKind.REPLY)
    return link


def holder(token: str) -> Officer | None:
    """The staff member this link was sent to, while it is valid."""
    if not token or len(token) > 64:
        return None
    return Officer.get_or_none(
        (Officer.invite_hash == _digest(token)) & (Officer.invite_expires > clock.now())
    )


def accept(officer: Officer, password: str) -> Officer | None:
    """Set the password the link's holder chose; the link is used up. Returns the staff member
    as now stored, ready to log in; None when the link was used a moment ago (two tabs sending
    the form at once: one wins). A password too short raises ValueError (staff.set_password)
    and the caller's unit of work, rolled back, keeps the link."""
    used = (
        Officer.update(invite_hash=None, invite_expires=None)
        .where((Officer.id == officer.id) & (Officer.invite_hash == officer.invite_hash))
        .execute()
    )
    if not used:
        return None
    staff.set_password(officer, password)
    return Officer.get_by_id(officer.id)
