"""A child in danger outside a check-in: TOLONG from anyone, and the danger words or problem
digits a registered family sends: a case for the village officer at once."""

from __future__ import annotations

import re

from gateway import alerts, i18n, officers, people, reports
from gateway.models import Child, Person, ReportKind, RuleItem, db

GENERIC = "danger"  # TOLONG with no word we know: a child in danger, urgent all the same
# When one message names several dangers, the case takes the gravest; INFO shows every word.
PRIORITY = ("violence", "missing", "recruitment", "marriage", "no_caregiver", "bullying")
_WORD = re.compile(r"[a-z]+")


def categories_in(text: str) -> list[str]:
    """The danger categories whose words (rule data, kind danger_word) start a word of `text`,
    gravest first."""
    words = set(_WORD.findall(text.lower()))
    rules = RuleItem.select(RuleItem.value, RuleItem.note).where(RuleItem.kind == "danger_word")
    found = {
        rule.note for rule in rules if any(word.startswith(rule.value.lower()) for word in words)
    }
    return sorted(found, key=lambda c: PRIORITY.index(c) if c in PRIORITY else len(PRIORITY))


def is_registered(phone: str) -> bool:
    """Whether anyone is registered on this phone (their free text is read for danger)."""
    return Person.select().where(Person.phone == phone).exists()


def report(reporter: str, text: str, channel: str, lang: str, category: str | None = None) -> str:
    """Store what was said, open an urgent-as-due case for the reporter's village officer
    (the case SMS names no child), and answer with the reference, the officer and SAPA 129."""
    village = people.village_of(reporter)
    category = category or next(iter(categories_in(text)), GENERIC)
    with db.atomic():
        stored = reports.create(reporter, text or "-", village, channel, ReportKind.CHILD)
        alerts.open_case(category, village, child_id=_only_child(reporter), ref=stored.ref)
    params = {"ref": stored.ref, "officer": officer_name(reporter, lang)}
    return i18n.fit(lang, "tolong.thanks", params, shorten="officer")


def _only_child(phone: str) -> int | None:
    """The child a family means when it has only one in its care; None when it is unclear."""
    ids = [c.id for c in Child.select(Child.id).join(Person).where(Person.phone == phone)]
    return ids[0] if len(ids) == 1 else None


def officer_name(phone: str, lang: str) -> str:
    """Who a family on this phone will hear from: their village officer, by name."""
    contact = officers.first_contact(people.village_of(phone))
    if contact is None:
        return i18n.text(lang, "officer.generic")
    return i18n.text(lang, "officer.named", name=contact.name)
