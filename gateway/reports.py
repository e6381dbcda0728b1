"""What people report in their own words (LAPOR, TOLONG), each with a reference to quote."""

from __future__ import annotations

from datetime import timedelta

from peewee import IntegrityError

from gateway import alerts, clock
from gateway.models import Alert, Report, Village, db
from gateway.statuses import AlertState, ReportKind

MAX_TEXT = 1000  # a report longer than this is a stuck key or an attack; the start is kept
REF_TRIES = 10
REF_PREFIX = {ReportKind.BROKER: "L", ReportKind.CHILD: "T"}


def create(
    reporter: str, text: str, village: Village | None, channel: str, kind: ReportKind
) -> Report:
    """Store a report (spaces squeezed) under a new reference."""
    squeezed = " ".join(text.split())[:MAX_TEXT]
    for _ in range(REF_TRIES):  # a clash of two random references is rare; try another
        ref = alerts.new_ref(REF_PREFIX[kind])
        try:
            with db.atomic():
                return Report.create(
                    ref=ref,
                    kind=kind.value,
                    reporter=reporter,
                    village=village,
                    text=squeezed,
                    channel=channel,
                )
        except IntegrityError:
            if not Report.select().where(Report.ref == ref).exists():
                raise  # not a clash of references: a real error
    raise RuntimeError(f"no free report reference after {REF_TRIES} tries")


def open_recent(reporter: str, kind: ReportKind, within: timedelta) -> Report | None:
    """This reporter's latest report of this kind made within `within` whose case is open."""
    return (
        Report.select()
        .join(Alert, on=(Alert.ref == Report.ref))
        .where(
            (Report.reporter == reporter)
            & (Report.kind == kind.value)
            & (Report.created_at >= clock.now() - within)
            & (Alert.state != AlertState.CLOSED.value)
        )
        .order_by(Report.id.desc())
        .first()
    )


def add_to(report: Report, text: str) -> None:
    """A later report joins the open one: its words are added to the case, no new alert."""
    joined = f"{report.text} | {' '.join(text.split())}"[:MAX_TEXT]
    Report.update(text=joined).where(Report.id == report.id).execute()


def for_ref(ref: str) -> Report | None:
    """The report behind a case reference, if the case came from one."""
    return Report.get_or_none(Report.ref == ref)
