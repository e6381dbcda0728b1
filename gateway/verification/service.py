"""A check as the channels run it: answer, log, watch for scam waves; broker reports."""

from __future__ import annotations

from datetime import timedelta

from peewee import fn

from gateway import (
    alerts,
    child_names,
    clock,
    danger,
    help_lines,
    i18n,
    officers,
    people,
    reports,
    village_names,
)
from gateway.db import insert_rows
from gateway.models import Alert, ScamWave, Verification, Village, db
from gateway.statuses import AgencyStatus, ReportKind
from gateway.verification import check, names, reply
from gateway.verification.check import Answer, Result

SCAM_WAVE_ASKERS = 3  # different people...
SCAM_WAVE_DAYS = 7  # ...within this many days make a wave
ONE_ALERT_PER = timedelta(hours=1)  # a reporter's later LAPOR joins their open case


def verify(query: str, asker: str, channel: str, lang: str) -> tuple[Answer, str]:
    """Check `query`, log it, raise a scam-wave alert when due; return the answer and its text."""
    answer = check.lookup(query, clock.now().date())
    kind = "job_orders" if answer.job_order else "agencies"
    text = reply.render(answer, lang, check.snapshot_date(kind))
    village = people.village_of(asker)
    wave_key = _wave_key(query, answer)
    log = {
        "query": query[:160],
        "query_key": wave_key or names.normalise(query)[:160],
        "result": answer.result.value,
        "agency": answer.agency,
        "job_order": answer.job_order,
        "asker": asker,
        "village": village,
        "channel": channel,
    }
    insert_rows(Verification, [log])  # every CEK: its SQL built once per process
    if wave_key:
        _watch_for_wave(wave_key, answer, village)
    return answer, text


def _wave_key(query: str, answer: Answer) -> str | None:
    """What a scam wave is counted on: an unknown name, or a revoked agency; never the exact
    name of an agency in force (PT X and CV X both registered: the query is no scam name)."""
    if answer.agency is not None and answer.agency.status == AgencyStatus.REVOKED:
        return answer.agency.name_key
    if answer.result.value not in check.UNREGISTERED or answer.agency is not None:
        return None
    key = names.normalise(query)[:160]  # an unknown name, or a look-alike
    today = clock.now().date()
    active = (a for a in answer.candidates if check.agency_status(a, today) == "active")
    return None if any(a.name_key == key for a in active) else key or None


def _watch_for_wave(key: str, answer: Answer, village: Village | None) -> None:
    """Alert the district's supervisors once when enough people asked about `key` unanswered."""
    since = clock.now() - timedelta(days=SCAM_WAVE_DAYS)
    askers = (
        Verification.select(fn.COUNT(Verification.asker.distinct()))
        .where(
            (Verification.query_key == key)
            & (Verification.created_at >= since)
            # A TERDAFTAR logged under the same key (a registered name) is nobody worried.
            & Verification.result.in_(check.UNREGISTERED)
        )
        .scalar()
    )
    if askers < SCAM_WAVE_ASKERS:
        return
    if (
        ScamWave.select()
        .where((ScamWave.query_key == key) & (ScamWave.alerted_at >= since))
        .exists()
    ):
        return  # one alert per wave, not one per question
    ScamWave.create(query_key=key, askers=askers)
    name = answer.agency.name if answer.agency else key
    text = i18n.fit(
        "id",
        "alert.scam_wave",
        {"name": name, "askers": str(askers), "days": str(SCAM_WAVE_DAYS)},
        shorten="name",
    )
    district = village.district if village else None
    alerts.send_to(officers.supervisors(district), text, None, f"scam wave on {key!r}")


def verdict_for_choice(query: str, licence_no: str | None, lang: str) -> str:
    """The verdict once the person said which registered name they meant (None: none of them):
    what they typed is still not registered, and their papers must carry the registered name."""
    agency = check.agency(licence_no) if licence_no else None
    if agency is None:
        answer = check.not_registered(query)
    else:
        answer = Answer(Result.NOT_FOUND, query, candidates=[agency])
    return reply.render(answer, lang, check.snapshot_date("agencies"))


def report_broker(reporter: str, text: str, channel: str, lang: str) -> str:
    """Store a broker report and open an alert for the reporter's village officer (the alert
    carries the report's reference, never a child's name); return the reporter's thanks with
    the reference. A broker after a registered child is also a child's urgent case: its
    answer, with SAPA 129, is the one the reporter gets."""
    named = village_names.named_in(text)
    village = people.village_of(reporter) or named
    # The children of the reporter's household and village, and of a village the text names
    # ("anak Hana dari desa Sidorejo"): none of their names goes out in the alert SMS.
    children = {
        child.id: child
        for place in {village, named}
        for child in child_names.children_said(reporter, place, text)
    }.values()
    children = list(children)
    joined = reports.open_recent(reporter, ReportKind.BROKER, within=ONE_ALERT_PER)
    child_case = None
    # A child's case when the report speaks of a child ("anak"), or names the reporter's own
    # child whole: "sponsor Muhammad Yusuf" is a grown man even if the child is Muhammad
    # Rizki (only masked). One case per child (a flood about the same child joins it);
    # several named: one case for them all.
    own = {child.id for child in child_names.household_children(reporter)}
    about_a_child = children and (
        child_names.mentions_a_child(text)
        or any(c.id in own and child_names.whole_name_said(c, text) for c in children)
    )
    # A child nobody registered, said to be under 18 ("anak bernama Melati umur 15"): a
    # child's case all the same (later reports join it, as TOLONG's do).
    minor = not children and child_names.says_a_minor(text)
    if (about_a_child and (len(children) == 1 or joined is None)) or minor:
        child = children[0] if len(children) == 1 else None
        child_case = danger.report(reporter, text, channel, lang, "recruitment", child=child)
    if joined is not None:  # a flood of reports is one case and one alert to the officer
        reports.add_to(joined, text)
        alerts.tell_more(Alert.get(Alert.ref == joined.ref), reporter)
        return child_case or _thanks(joined.ref, lang)
    with db.atomic():
        report = reports.create(reporter, text, village, channel, ReportKind.BROKER)
        sms = i18n.fit(
            "id",
            "alert.broker",
            {
                "ref": report.ref,
                "village": alerts.village_name(village, "id"),
                "text": child_names.without_names(report.text, children),
                "phone": reporter,
            },
            shorten="text",
        )
        alerts.open_alert("broker", village, urgent=False, text=sms, ref=report.ref)
    return child_case or _thanks(report.ref, lang)


def _thanks(ref: str, lang: str) -> str:
    """The reporter's thanks: passed to an officer, or, with no officer (nor hotline) for the
    number, kept for the programme's team on the desk; never a promise nobody will keep."""
    key = "lapor.thanks" if alerts.anyone_told(ref) else "lapor.kept"
    return i18n.text(lang, key, ref=ref, help=help_lines.help_line())
