"""The SMS that ask a household for its children's news: the prompt (or reminder, due after
REMIND_AFTER) naming the children by birth year, oldest first, then the problem codes; in the
household's language."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from datetime import timedelta
from typing import Any

from gateway import checkin_codes, clock, i18n, outbox, people
from gateway.models import Checkin, Child, Person
from gateway.statuses import CheckinStatus, MessageKind
from gateway.transactions import unit_of_work

REMIND_AFTER = timedelta(days=3)


def send(
    households: dict[str, list[tuple[int, int]]], key: str, settings: Mapping[str, Any]
) -> None:
    """To each household (phone: its children's birth years and ids) the prompt (or reminder)
    naming its children by birth year, and the problem codes; in the household's language."""
    languages = people.languages_for(list(households), settings["DEFAULT_LANGUAGE"])
    messages, codes = [], {}
    for phone, children in households.items():
        lang = languages[phone]
        years = _years_in_order(lang, year_labels(sorted(children)))
        params = {"years": years, "ussd_code": settings["USSD_CODE"]}
        several = f"{key}_many" if len(children) > 1 else key  # "5 digits per child"
        messages.append((phone, i18n.fit(lang, several, params, shorten="years")))
        if lang not in codes:  # the same in every household of a language
            codes[lang] = checkin_codes.codes_sms(lang)
        messages.append((phone, codes[lang]))
    outbox.add_many(messages, MessageKind.BROADCAST)


def year_labels(children: list[tuple[int, int]]) -> list[str]:
    """How an SMS names a household's children (birth year, id; in the order their answers are
    read): the birth year, with the first letters of the name where another child shares the
    year (twins, cousins with one grandmother: "2015 (Bu)", "2015 (Ba)"). Names are decrypted
    for those children alone."""
    years = [year for year, _ in children]
    shared = [child_id for year, child_id in children if years.count(year) > 1]
    if not shared:  # most households: no query (a round prompts thousands)
        return [str(year) for year in years]
    names = dict(Child.select(Child.id, Child.name).where(Child.id.in_(shared)).tuples())

    def label(year: int, child_id: int) -> str:
        if child_id not in names:
            return str(year)
        twins = [names[i] for y, i in children if y == year and i != child_id]
        return f"{year} ({_initials(names[child_id], twins)})"

    return [label(year, child_id) for year, child_id in children]


def _initials(name: str, others: list[str]) -> str:
    """The fewest first letters that tell `name` from the `others`: of its first word, or of
    its first word that differs ("Nur Aida" beside "Nur Aini": "Aid"; "Putri", "Putra")."""
    words = name.split()
    for at, word in enumerate(words):
        rivals = [other.split()[at].lower() for other in others if len(other.split()) > at]
        if word.lower() in rivals and at + 1 < len(words):
            continue  # the same word in a sibling's name: the next word tells them apart
        for size in range(1, len(word) + 1):
            if not any(rival.startswith(word[:size].lower()) for rival in rivals):
                return word[:size].capitalize()
        return word.capitalize()
    return name


def _years_in_order(lang: str, years: list[str]) -> str:
    """The children's birth years in the order their answers are read, oldest first:
    `2015 lalu 2019` (the first SMS answer is the 2015 child's)."""
    if len(years) == 1:
        return years[0]
    return i18n.text(lang, "checkin.years_then", first=years[0], rest=", ".join(years[1:]))


KEYS = ("checkin.prompt", "checkin.reminder", "checkin.prompt_many", "checkin.reminder_many")


def is_round_text(text: str) -> bool:
    """Whether an SMS is a round's question or reminder (in any language), or its problem
    codes: what a household's answer makes news to nobody."""
    for lang, catalog in i18n.CATALOGS.items():
        if text == checkin_codes.codes_sms(lang):
            return True
        if any(text.startswith(catalog[key].split("{years}")[0]) for key in KEYS):
            return True
    return False


def remind_due(settings: Mapping[str, Any]) -> int:
    """One reminder per caregiver whose check-ins have waited REMIND_AFTER; return how many."""
    due = (
        Checkin.select(Checkin, Child, Person)
        .join(Child)
        .join(Person)
        .where(
            (Checkin.status == CheckinStatus.OPEN.value)
            & Checkin.reminded_at.is_null()
            & (Checkin.opened_at <= clock.now() - REMIND_AFTER)
        )
    )
    households: dict[str, list[tuple[int, int]]] = defaultdict(list)  # by phone: one SMS each
    with unit_of_work():
        for checkin in due:
            child = checkin.child
            households[child.caregiver.phone].append((child.birth_year, child.id))
            Checkin.update(reminded_at=clock.now()).where(Checkin.id == checkin.id).execute()
        send(households, "checkin.reminder", settings)
    return len(households)
