"""Contacts: the choices a phone number has made (language, opt-out)."""

from __future__ import annotations

from gateway import clock
from gateway.models import Contact


def find(phone: str) -> Contact | None:
    """The contact for an E.164 number, or None if we never stored one."""
    return Contact.get_or_none(Contact.phone == phone)


def for_phones(phones: list[str]) -> dict[str, Contact]:
    """The contacts of many numbers (those we stored), by number, in a query per 500."""
    found: dict[str, Contact] = {}
    for start in range(0, len(phones), 500):
        chunk = phones[start : start + 500]
        found.update((c.phone, c) for c in Contact.select().where(Contact.phone.in_(chunk)))
    return found


def language_of(phone: str, default: str) -> str:
    """The language this number chose, else `default`."""
    contact = find(phone)
    return contact.language if contact and contact.language else default


def _update(phone: str, **fields) -> None:
    # Insert-or-ignore first, so two callbacks racing for a new number cannot collide.
    Contact.insert(phone=phone).on_conflict_ignore().execute()
    Contact.update(updated_at=clock.now(), **fields).where(Contact.phone == phone).execute()


def set_language(phone: str, lang: str) -> None:
    """Remember the language chosen by this number."""
    _update(phone, language=lang)


def keep_language(phone: str, lang: str) -> None:
    """The language a number used to register is its own unless it chose one: its village's
    language must not take over from what the person just read and understood."""
    _update(phone)
    unchosen = Contact.language.is_null() | (Contact.language == "")
    Contact.update(language=lang).where((Contact.phone == phone) & unchosen).execute()


def set_opted_out(phone: str, opted_out: bool) -> None:
    """STOP (True) or MULAI (False): whether this number receives broadcasts."""
    _update(phone, opted_out=opted_out)


def note_erase_request(phone: str) -> None:
    """HAPUS: HAPUS YA from this number erases its data for the next 10 minutes."""
    _update(phone, erase_asked_at=clock.now())
