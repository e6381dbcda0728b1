"""Registered people: who uses a phone, registration, children, consent."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from peewee import Select, fn

from gateway import clock, contacts, gsm7, i18n, officers, outbox, pins
from gateway.db import Compiled
from gateway.models import (
    BaseModel,
    Child,
    Consent,
    Contact,
    Officer,
    Person,
    Village,
    child_key,
    db,
    person_key,
)
from gateway.statuses import Role

CONSENT_VERSION = "ussd-2026-11-26"  # the consent screens' wording; change it when they change


# Letters (accented too: "Dédé"), spaces and . , ' - ; 2-40 characters.
_NAME = re.compile(r"[^\W\d_](?:[^\W\d_]|[ .,'-]){1,39}")


def clean_name(text: str) -> str | None:
    """A name with its spaces squeezed, or None if it is not one (letters, 2-40 characters,
    each one an SMS can carry)."""
    cleaned = " ".join(gsm7.plain_marks(text).split())  # "Nur’aini" as typed
    return cleaned if _NAME.fullmatch(cleaned) and gsm7.is_gsm7(cleaned) else None


def child_birth_years() -> tuple[int, int]:
    """The first and last birth year of someone still a child (under 18) this year."""
    return clock.now().year - 17, clock.now().year


def is_child_birth_year(year: int) -> bool:
    """Whether someone born in `year` is still a child (under 18) this year."""
    first, last = child_birth_years()
    return first <= year <= last


def get(person_id: int | None) -> Person | None:
    """The person with this id; None if there is none (not chosen yet, or erased since)."""
    return Person.get_or_none(Person.id == person_id) if person_id else None


_ON_PHONE = Compiled(
    lambda phone: Person.select().where(Person.phone == phone).order_by(Person.id), Person
)


def on_phone(phone: str) -> list[Person]:
    """Everyone registered on this number, oldest first."""
    return _ON_PHONE.rows(phone=phone)


@dataclass(frozen=True)
class Caller:
    """Who is on the line, as a session's first screen needs it."""

    lang: str  # the number's own choice, else its village's, else the default
    is_staff: bool  # an officer's, a supervisor's or an operator's number


def _caller_query(phone: str) -> Select:
    chosen = Contact.select(Contact.language).where(
        (Contact.phone == phone) & (Contact.language != "")
    )
    village = (
        Village.select(Village.language)
        .join(Person)
        .where((Person.phone == phone) & Village.language.is_null(False))
        .limit(1)
    )
    staff = Officer.select(Officer.id).where(Officer.phone == phone)
    return Select(columns=[fn.COALESCE(chosen, village), fn.EXISTS(staff)]).bind(db)


_CALLER = Compiled(_caller_query)  # every session's first step asks it


def caller(phone: str, default: str) -> Caller:
    """The number's language and whether it is staff's, in one query."""
    ((lang, is_staff),) = _CALLER.rows(phone=phone)
    return Caller(lang or default, bool(is_staff))


def language_for(phone: str, default: str) -> str:
    """The number's own choice, else its village's language, else `default`."""
    return caller(phone, default).lang


def languages_for(phones: list[str], default: str) -> dict[str, str]:
    """language_for() of many numbers, in a few queries (a check-in round's households)."""
    chosen = {phone: c.language for phone, c in contacts.for_phones(phones).items() if c.language}
    rest = [phone for phone in phones if phone not in chosen]
    by_village: dict[str, str] = {}
    for start in range(0, len(rest), 500):
        query = (
            Village.select(Person.phone, Village.language)
            .join(Person)
            .where(Person.phone.in_(rest[start : start + 500]) & Village.language.is_null(False))
        )
        for phone, language in query.tuples():
            by_village.setdefault(phone, language)
    return {phone: chosen.get(phone) or by_village.get(phone) or default for phone in phones}


_VILLAGE_OF = Compiled(  # every CEK and LAPOR asks it
    lambda phone: (
        Village.select().join(Person).where(Person.phone == phone).order_by(Person.id).limit(1)
    ),
    Village,
)


def village_of(phone: str) -> Village | None:
    """The village of the (first) person registered on this phone, if any."""
    return _VILLAGE_OF.first(phone=phone)


_VILLAGE_BY_CODE = Compiled(  # every registration asks it
    lambda code: Village.select().where(Village.code == code), Village
)


def children_line(person: Person) -> str:
    """The children in this person's care as their own "Data saya" shows them (after the PIN):
    how many, and each first name and birth year, oldest first (`2: Budi 2015, Ani 2019`)."""
    children = sorted(person.children, key=lambda child: child.birth_year)  # encrypted years
    listed = ", ".join(f"{child.name.split()[0][:12]} {child.birth_year}" for child in children)
    listed = listed if len(listed) <= 60 else listed[:58] + ".."
    return f"{len(children)}: {listed}" if children else "0"


def find_village(code: str) -> Village | None:
    """The village with this code (dots and spaces ignored), or None."""
    digits = "".join(ch for ch in code if ch.isdigit())
    return _VILLAGE_BY_CODE.first(code=digits) if len(digits) == 10 else None


def find_person(phone: str, name: str, role: str) -> Person | None:
    """The person with this phone, role and name (any case), if registered."""
    return Person.get_or_none(
        (Person.phone == phone) & (Person.role == role) & Person.name_key.in_(person_key(name))
    )


def _insert_once(model: type[BaseModel], **fields: Any) -> bool:
    """Insert a row unless its unique key is taken (by another session a moment ago, say);
    True when this call inserted it."""
    return model.insert(**fields).on_conflict_ignore().as_rowcount().execute() == 1


def upsert_person(phone: str, name: str, role: str, **fields: Any) -> tuple[Person, bool]:
    """The person with this phone, role and name (any case), created or updated in place;
    True when this call created them."""
    now = clock.now()
    # Found under any key's hash first: while DATA_KEY rotates, a row still hashed with the
    # old key is the same person, not room for a second one.
    person = find_person(phone, name, role)
    created = person is None and _insert_once(
        Person,
        phone=phone,
        name=name,
        name_key=person_key(name)[0],
        role=role,
        created_at=now,
        updated_at=now,
        **fields,
    )
    person = person or find_person(phone, name, role)
    changed = {k: v for k, v in fields.items() if getattr(person, k) != v}
    if changed:
        for key, value in changed.items():
            setattr(person, key, value)
        person.updated_at = now
        person.save()
    return person, created


def upsert_child(
    caregiver: Person, name: str, birth_year: int, in_school: bool, parent_phone: str | None
) -> Child:
    """The caregiver's child with this name (any case) and birth year, created or updated."""
    fields = {"in_school": in_school, "parent_phone": parent_phone, "created_at": clock.now()}
    keys = child_key(name, birth_year)
    same_child = (Child.caregiver == caregiver) & Child.name_key.in_(keys)
    if not Child.select().where(same_child).exists():  # under any key's hash (see above)
        _insert_once(
            Child, caregiver=caregiver, name=name, birth_year=birth_year, name_key=keys[0], **fields
        )
    child = Child.get(same_child)
    if (child.in_school, child.parent_phone) != (in_school, parent_phone):
        update_child(child, in_school, parent_phone)
    return child


def update_child(child: Child, in_school: bool, parent_phone: str | None) -> None:
    """Change whether a child is in school and who the parent abroad is (saved re-keyed)."""
    child.in_school, child.parent_phone = in_school, parent_phone
    child.save()


def record_consent(person: Person, scope: str, version: str, channel: str, given_at=None) -> None:
    """Keep a consent (once per person, scope and text version)."""
    _insert_once(
        Consent,
        person=person,
        scope=scope,
        text_version=version,
        channel=channel,
        given_at=given_at or clock.now(),
    )


def register(phone: str, answers: dict[str, Any], lang: str) -> Person:
    """Save a USSD registration after consent and confirm it by SMS, once; the same answers
    twice (a session replayed) change nothing and send nothing."""
    with db.atomic():
        person, created = upsert_person(
            phone,
            answers["name"],
            answers["role"],
            village=Village.get(Village.code == answers["village_code"]),
            destination_country=answers.get("country"),
            agency=answers.get("agency"),
            job_interest=answers.get("job"),
        )
        if not person.pin_hash:
            pins.set_pin_hash(person, answers["pin_hash"])
        record_consent(person, "self", CONSENT_VERSION, "ussd")
        if answers["role"] == Role.CAREGIVER:
            record_consent(person, "children", CONSENT_VERSION, "ussd")
            for child in answers.get("children", []):
                add_child(person, child, answers.get("parent_phone"))
        if created:  # by this session: the others finishing the same answers send nothing
            contacts.keep_language(phone, lang)
            _confirm_by_sms(person, lang, answers.get("ussd_code", ""))
    return person


def _confirm_by_sms(person: Person, lang: str, ussd_code: str) -> None:
    """One SMS after a registration: what was stored and who the village officer is."""
    contact = officers.first_contact(person.village)
    params = {
        "role": i18n.text(lang, f"role.{person.role}"),
        "village": person.village.name if person.village else "-",
        "child_count": str(person.children.count()),
        "officer": contact.name if contact else i18n.text(lang, "officer.generic"),
        "ussd_code": ussd_code,
    }
    # A migrant or a prospective one registers themselves: no "0 children" to puzzle over.
    key = "reg.confirm_sms" if person.role == Role.CAREGIVER else "reg.confirm_sms_self"
    outbox.add(person.phone, i18n.fit(lang, key, params, shorten="officer"))


def add_child(caregiver: Person, child: dict[str, Any], parent_phone: str | None) -> Child:
    """Add (or update) a child in this caregiver's care, with the caregiver's consent on file."""
    with db.atomic():
        record_consent(caregiver, "children", CONSENT_VERSION, "ussd")
        return upsert_child(caregiver, child["name"], child["year"], child["school"], parent_phone)


def household_parent(caregiver: Person) -> str | None:
    """The parent abroad of this caregiver's children when they all have the same one: a
    child added later is theirs too (the consent shown says the parent abroad reads the
    news). None when there is none, or several."""
    phones = {
        c.parent_phone for c in Child.select(Child.parent_phone).where(Child.caregiver == caregiver)
    }
    return phones.pop() if len(phones) == 1 else None


def update(person: Person, **fields: Any) -> None:
    """Change some of a person's own data."""
    for key, value in fields.items():
        setattr(person, key, value)
    person.updated_at = clock.now()
    person.save()
