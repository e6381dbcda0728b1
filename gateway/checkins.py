"""Parenting check-ins: rounds, answers (one digit each), red flags, reminders, silence."""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import timedelta

from flask import current_app

from gateway import alerts, clock, i18n, outbox, people
from gateway.models import (
    Alert,
    AlertState,
    Checkin,
    CheckinRound,
    Child,
    MessageKind,
    Person,
    Village,
    db,
)

QUESTIONS = ("school", "health", "mood", "contact", "problem")
# The fifth digit. None: nothing wrong.
PROBLEMS = {
    0: None,
    1: "bullying",
    2: "marriage",
    3: "violence",
    4: "missing",
    5: "recruitment",
    6: "no_caregiver",
    7: "other",
}
URGENT = {"violence", "marriage", "missing", "recruitment", "no_caregiver"}  # DOMAIN.md
REMIND_AFTER = timedelta(days=3)
MONTH = timedelta(days=28)
_ANSWER = re.compile(r"[12]\D*[12]\D*[12]\D*[12]\D*[0-7]")


def parse_answer(text: str) -> dict[str, int] | None:
    """Five digits, separators allowed: school, health, mood, contact (1 yes, 2 no), problem."""
    cleaned = text.strip()
    if not _ANSWER.fullmatch(cleaned):
        return None
    return dict(zip(QUESTIONS, (int(d) for d in re.findall(r"\d", cleaned)), strict=True))


def looks_like_an_answer(text: str) -> bool:
    """Digits and separators only: an attempt at an answer, even a malformed one."""
    return bool(re.fullmatch(r"[\d\s,.\-/]+", text.strip())) and any(c.isdigit() for c in text)


def pending(phone: str) -> list[Checkin]:
    """Open check-ins of the children in the care of people on this phone, oldest child first."""
    return list(
        Checkin.select()
        .join(Child)
        .join(Person)
        .where((Person.phone == phone) & (Checkin.status == "open"))
        .order_by(Child.birth_year, Child.id)
    )


def start_round(village: Village | None = None) -> CheckinRound | None:
    """Open a check-in for every child (of `village`, or all) and prompt each caregiver once.
    None when a round for the same villages started less than CHECKIN_EVERY_DAYS ago."""
    every = timedelta(days=current_app.config["CHECKIN_EVERY_DAYS"])
    recent = CheckinRound.select().where(
        (CheckinRound.village == village) & (CheckinRound.started_at > clock.now() - every)
    )
    if recent.exists():
        return None
    children = Child.select(Child, Person).join(Person)
    if village is not None:
        children = children.where(Person.village == village)
    with outbox.batch(), db.atomic():
        round_ = CheckinRound.create(village=village, started_at=clock.now())
        households: dict[str, list[Child]] = defaultdict(list)  # by phone: one SMS each
        for child in children:
            _close_unanswered(child)
            Checkin.create(round=round_, child=child, opened_at=clock.now())
            households[child.caregiver.phone].append(child)
        for phone, kids in households.items():
            _prompt(phone, kids, "checkin.prompt")
    return round_


def _prompt(phone: str, kids: list[Child], key: str) -> None:
    lang = people.language_for(phone, current_app.config["DEFAULT_LANGUAGE"])
    years = ", ".join(str(k.birth_year) for k in sorted(kids, key=lambda k: k.birth_year))
    text = i18n.fit(
        lang, key, {"years": years, "ussd_code": current_app.config["USSD_CODE"]}, shorten="years"
    )
    outbox.add(phone, text, MessageKind.BROADCAST)


def _close_unanswered(child: Child) -> None:
    """The child's last check-in went unanswered: missed; two missed in a row open an alert."""
    moved = (
        Checkin.update(status="missed")
        .where((Checkin.child == child) & (Checkin.status == "open"))
        .execute()
    )
    if not moved:
        return
    last_two = list(
        Checkin.select(Checkin.status)
        .where(Checkin.child == child)
        .order_by(Checkin.id.desc())
        .limit(2)
    )
    if len(last_two) == 2 and all(c.status == "missed" for c in last_two):
        _alert(child, "no_answer")  # silence is never read as "all fine"


def record_answer(checkin: Checkin, answers: dict[str, int], channel: str) -> bool:
    """Store the answers once (False if the check-in was no longer open) and raise red flags."""
    stored = (
        Checkin.update(status="answered", answered_at=clock.now(), channel=channel, **answers)
        .where((Checkin.id == checkin.id) & (Checkin.status == "open"))
        .execute()
    )
    if not stored:
        return False
    for category in red_flags(Checkin.get_by_id(checkin.id)):
        _alert(checkin.child, category)
    return True


def red_flags(checkin: Checkin) -> list[str]:
    """The alert categories an answered check-in raises (the rules of issue 5 / DOMAIN.md)."""
    found = [PROBLEMS[checkin.problem]] if PROBLEMS.get(checkin.problem) else []
    earlier = list(
        Checkin.select()
        .where(
            (Checkin.child == checkin.child)
            & (Checkin.status == "answered")
            & (Checkin.id != checkin.id)
        )
        .order_by(Checkin.id.desc())
    )
    if checkin.school == 2:
        twice = earlier and earlier[0].school == 2
        found.append("out_of_school_twice" if twice else "out_of_school")
    # No contact for a month: every answer of the last four weeks says so, the oldest 3+ weeks back.
    window = [c for c in earlier if c.answered_at >= checkin.answered_at - MONTH]
    spans_month = any(c.answered_at <= checkin.answered_at - timedelta(days=21) for c in window)
    if checkin.contact == 2 and spans_month and all(c.contact == 2 for c in window):
        found.append("no_contact_month")
    return found


def _alert(child: Child, category: str) -> None:
    """An alert about a child: category and village only, never the child's name. One open
    alert per child and category: a weekly repeat does not pile up cases."""
    still_open = Alert.select().where(
        (Alert.child_id == child.id)
        & (Alert.category == category)
        & (Alert.state != AlertState.CLOSED.value)
    )
    if still_open.exists():
        return
    village = child.caregiver.village
    urgent = category in URGENT
    ref = alerts.new_ref("K")
    params = {
        "ref": ref,
        "category": i18n.text("id", "category." + category),
        "urgency": i18n.text("id", "urgency.urgent" if urgent else "urgency.normal"),
        "village": village.name if village else "?",
    }
    text = i18n.fit("id", "alert.checkin", params, shorten="village")
    alerts.open_alert(category, village, urgent, text=text, ref=ref, child_id=child.id)


def remind_due() -> int:
    """One reminder per caregiver whose check-ins have waited REMIND_AFTER; return how many."""
    due = (
        Checkin.select(Checkin, Child, Person)
        .join(Child)
        .join(Person)
        .where(
            (Checkin.status == "open")
            & Checkin.reminded_at.is_null()
            & (Checkin.opened_at <= clock.now() - REMIND_AFTER)
        )
    )
    households: dict[str, list[Child]] = defaultdict(list)  # by phone: one SMS each
    with outbox.batch(), db.atomic():
        for checkin in due:
            households[checkin.child.caregiver.phone].append(checkin.child)
            Checkin.update(reminded_at=clock.now()).where(Checkin.id == checkin.id).execute()
        for phone, kids in households.items():
            _prompt(phone, kids, "checkin.reminder")
    return len(households)
