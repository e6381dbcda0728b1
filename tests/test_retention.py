"""Retention: check-in answers and closed cases older than RETENTION_DAYS lose their data."""

from __future__ import annotations

from datetime import timedelta

from gateway import clock, retention
from gateway.models import Alert, AlertEvent, Checkin, CheckinRound, Child, Person, Report


def checkin(child, days_ago: int) -> Checkin:
    round_ = CheckinRound.create(started_at=clock.now() - timedelta(days=days_ago))
    when = clock.now() - timedelta(days=days_ago)
    return Checkin.create(
        round=round_,
        child=child,
        status="answered",
        answered_at=when,
        school=1,
        health=2,
        mood=1,
        contact=1,
        problem=4,
    )


def case(ref: str, days_ago: int, state: str, child=None) -> Alert:
    when = clock.now() - timedelta(days=days_ago)
    alert = Alert.create(
        ref=ref,
        category="violence",
        urgent=True,
        state=state,
        opened_at=when,
        deadline_at=when,
        child_id=child.id if child else None,
    )
    AlertEvent.create(alert=alert, state=state, note="dipukul ayah tiri", at=when)
    Report.create(
        ref=ref,
        kind="child",
        reporter="+6281234567890",
        text="anak dipukul",
        channel="sms",
        created_at=when,
    )
    return alert


def test_old_answers_and_closed_cases_lose_their_data_recent_ones_stay(app):
    siti = Person.create(phone="+6281234567890", name="Siti", role="caregiver")
    budi = Child.create(caregiver=siti, name="Budi", birth_year=2015, in_school=True)
    old, recent = checkin(budi, 800), checkin(budi, 10)
    case("T11111", 800, "closed", budi)
    case("T22222", 800, "acknowledged", budi)  # still open work: kept
    case("T33333", 10, "closed", budi)

    purged = retention.purge(730)

    assert (purged.checkins, purged.cases) == (1, 1)
    assert (
        Checkin.get_by_id(old.id).problem is None and Checkin.get_by_id(old.id).status == "answered"
    )
    assert Checkin.get_by_id(recent.id).problem == 4
    assert sorted(r.ref for r in Report.select()) == ["T22222", "T33333"]
    closed = Alert.get(Alert.ref == "T11111")
    assert closed.child_id is None and closed.category == "violence"  # an anonymous count
    assert [e.note for e in closed.events] == [None]
    assert retention.purge(730) == retention.Purged(checkins=0, cases=0)  # idempotent


def test_the_purge_command_says_what_it_removed(app):
    result = app.test_cli_runner().invoke(args=["purge"])
    assert (
        result.output.strip()
        == "Removed the answers of 0 check-in(s) and the texts of 0 closed case(s)."
    )
