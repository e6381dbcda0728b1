"""News of the children for their parent abroad: the latest check-in of each, in one SMS."""

from __future__ import annotations

from datetime import timedelta

from gateway import checkin_codes, checkins, clock, gsm7, i18n, outbox, people
from gateway.models import Alert, Child, Person
from gateway.phone import is_abroad
from gateway.statuses import AlertState, MessageKind, Role
from gateway.transactions import unit_of_work

MONTHLY = timedelta(days=30)


def _yes_no(lang: str, value: int | None) -> str:
    return i18n.text(lang, "answer.yes" if value == 1 else "answer.no")


def _child_line(child: Child, lang: str) -> str:
    latest = checkins.latest_answer(child)
    problem = checkin_codes.problem(latest.problem) if latest else None
    # The check-in's problem and where its case stands; else a case still open about the
    # child (a TOLONG): the parent is never told "no problem" while one is.
    case = None if problem else _open_case(child)
    category = problem or (case.category if case else None)
    said = _case_state(child, category, lang) if category else ""
    if latest is None:
        return i18n.text(lang, "anak.no_news", name=child.name, problem=said)
    return i18n.text(
        lang,
        "anak.child",
        name=child.name,
        date=latest.answered_at.strftime("%d-%m"),
        school=_yes_no(lang, latest.school),
        health=_yes_no(lang, latest.health),
        mood=_yes_no(lang, latest.mood),
        contact=_yes_no(lang, latest.contact),
        problem=said,
    )


def _open_case(child: Child) -> Alert | None:
    """The latest case about the child not closed yet, whatever opened it."""
    return (
        Alert.select()
        .where((Alert.child_id == child.id) & (Alert.state != AlertState.CLOSED.value))
        .order_by(Alert.id.desc())
        .first()
    )


def _case_state(child: Child, category: str, lang: str) -> str:
    """Where the case about this problem stands: reported, being handled, or closed."""
    case = (
        Alert.select()
        .where((Alert.child_id == child.id) & (Alert.category == category))
        .order_by(Alert.id.desc())
        .first()
    )
    if case is None or case.state not in (AlertState.ACKNOWLEDGED, AlertState.CLOSED):
        state = "open"
    else:
        state = case.state
    return i18n.text(lang, "anak.problem", case=i18n.text(lang, f"anak.case.{state}"))


def gives_news_to(phone: str) -> bool:
    """Whether ANAK gives this number children's news: a caregiver gave it as a parent's."""
    return Child.select().where(Child.parent_phone == phone).exists()


def for_parent(phone: str, lang: str, ussd_code: str) -> list[str]:
    """A parent abroad's ANAK answer, one SMS or more: each child whose caregiver gave this
    number as the parent's (registered as a migrant or not: the caregiver agreed that this
    number reads the news), its latest check-in whole (a child's news cut off would lose
    where their case stands); or why there is none."""
    children = sorted(  # birth years are encrypted: sorted here, not by the database
        Child.select().where(Child.parent_phone == phone), key=lambda child: child.birth_year
    )
    if not children:
        return [_why_no_news(phone, lang, ussd_code)]
    packed: list[list[str]] = [[]]
    for line in (_child_line(child, lang) for child in children):
        if packed[-1] and not gsm7.fits(_summary(lang, [*packed[-1], line])):
            packed.append([])  # the next child's news starts the next SMS
        packed[-1].append(line)
    return [
        i18n.fit(lang, "anak.summary", {"children": "; ".join(lines)}, shorten="children")
        for lines in packed
    ]


def _why_no_news(phone: str, lang: str, ussd_code: str) -> str:
    if Person.select().where((Person.phone == phone) & (Person.role == Role.MIGRANT)).exists():
        return i18n.text(lang, "anak.no_children")
    if Person.select().where(Person.phone == phone).exists():  # a caregiver, say: not them
        return i18n.text(lang, "anak.for_parents_abroad", ussd_code=ussd_code)
    key = "anak.not_migrant_abroad" if is_abroad(phone) else "anak.not_migrant"
    return i18n.text(lang, key, ussd_code=ussd_code)


def for_screen(phone: str, lang: str, ussd_code: str) -> str:
    """ANAK on a USSD screen: the news when it fits one screen; else it goes by SMS (each
    child's whole) and the screen says so."""
    news = for_parent(phone, lang, ussd_code)
    if len(news) == 1:
        return news[0]
    for text in news:
        outbox.add(phone, text, MessageKind.REPLY)
    return i18n.text(lang, "anak.by_sms", count=len(news))


def _summary(lang: str, lines: list[str]) -> str:
    return i18n.text(lang, "anak.summary", children="; ".join(lines))


def set_monthly(phone: str, wanted: bool) -> bool:
    """ANAK BULANAN / ANAK BERHENTI: the monthly summary on or off; False if not a migrant."""
    return bool(
        Person.update(monthly_summary=wanted)
        .where((Person.phone == phone) & (Person.role == Role.MIGRANT))
        .execute()
    )


def send_monthly(default_lang: str, ussd_code: str) -> int:
    """The monthly summary to every migrant who asked for it and had none for 30 days."""
    due = Person.select().where(
        (Person.role == Role.MIGRANT)
        & Person.monthly_summary
        & (Person.last_summary_at.is_null() | (Person.last_summary_at <= clock.now() - MONTHLY))
    )
    count = 0
    with unit_of_work():
        for migrant in due:
            lang = people.language_for(migrant.phone, default_lang)
            for summary in for_parent(migrant.phone, lang, ussd_code):
                outbox.add(migrant.phone, summary, MessageKind.BROADCAST)
            Person.update(last_summary_at=clock.now()).where(Person.id == migrant.id).execute()
            count += 1
    return count
