"""The rules of DOMAIN.md, "Rules for a verification answer", applied in their order."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from gateway.models import Agency, JobOrder, RegistrySnapshot, RuleItem
from gateway.verification import names

DATE = "%d-%m-%y"  # two-digit years: every character counts in one SMS
DOMESTIC = (
    "pengurus rumah tangga",
    "pengasuh",
    "juru masak",
    "supir keluarga",
    "perawat taman",
    "domestic",
    "housekeep",
    "caregiver",
    "pembantu",
    "prt",
)


class Result(StrEnum):
    """The result word of an answer."""

    REGISTERED = "registered"  # TERDAFTAR
    NOT_REGISTERED = "not_registered"  # TIDAK TERDAFTAR
    UNCONFIRMED = "unconfirmed"  # TIDAK DAPAT DIPASTIKAN
    CHOOSE = "choose"  # several agencies fit: the asker picks


@dataclass
class Answer:
    """What a check found: the result, the catalog keys of its reasons, and their values."""

    result: Result
    subject: str
    reasons: list[str] = field(default_factory=list)
    values: dict[str, str] = field(default_factory=dict)
    agency: Agency | None = None
    job_order: JobOrder | None = None
    choices: list[Agency] = field(default_factory=list)


def rule_values(kind: str) -> set[str]:
    """The operator-editable rule data of one kind (closed_domestic, no_route, zero_cost)."""
    return {item.value for item in RuleItem.select(RuleItem.value).where(RuleItem.kind == kind)}


def snapshot_date(kind: str) -> date | None:
    """The date of the registry export in force, or None before the first import."""
    snapshot = RegistrySnapshot.get_or_none(RegistrySnapshot.kind == kind)
    return snapshot.as_of if snapshot else None


def lookup(query: str, today: date) -> Answer:
    """Check a job-order code, a licence number or an agency name (rules 1, 2, 3 and 6)."""
    query = " ".join(query.split())[:60]
    key = names.code_key(query)
    job_order = JobOrder.get_or_none(JobOrder.code_key == key) if key else None
    if job_order:
        return check_job_order(job_order, today)
    agency = Agency.get_or_none(Agency.licence_key == key) if key else None
    if agency:
        return check_agency(agency, today)
    ranked = names.rank(
        names.normalise(query), dict(Agency.select(Agency.id, Agency.name_key).tuples())
    )
    if names.is_clear(ranked):
        return check_agency(Agency.get_by_id(ranked[0][0]), today)
    if ranked:
        choices = [Agency.get_by_id(agency_id) for agency_id, _ in ranked]
        return Answer(Result.CHOOSE, query, choices=choices)
    if len(re.findall(r"\d", query)) >= 4:
        # Shaped like a code we do not hold: we cannot say, and say what to ask for (rule 2).
        return Answer(Result.UNCONFIRMED, query, ["reason.code_unknown"])
    return Answer(Result.NOT_REGISTERED, query, ["reason.not_found"])


def check_agency(agency: Agency, today: date, subject: str | None = None) -> Answer:
    """Rule 1: licensed, and the licence in force?"""
    answer = Answer(
        Result.NOT_REGISTERED,
        subject or agency.name,
        agency=agency,
        values={"until": agency.valid_until.strftime(DATE)},
    )
    if agency.status == "revoked":
        answer.reasons.append("reason.revoked")
    elif agency.status == "suspended":
        answer.reasons.append("reason.suspended")
    elif agency.valid_until < today:
        answer.reasons.append("reason.expired")
    else:
        answer.result = Result.REGISTERED
        answer.reasons.append("reason.licensed")
    return answer


def check_job_order(job_order: JobOrder, today: date) -> Answer:
    """Rules 1, 2, 3 and 6 for a job order: its agency, its validity, its destination, its cost."""
    agency = Agency.get_or_none(Agency.licence_no == job_order.licence_no)
    subject = job_order.code
    if agency is None:
        return Answer(Result.NOT_REGISTERED, subject, ["reason.jo_no_agency"], job_order=job_order)
    answer = check_agency(agency, today, subject=f"{subject} {agency.name}")
    answer.job_order = job_order
    if answer.result is not Result.REGISTERED:
        return answer
    answer.values.update(
        until=job_order.valid_until.strftime(DATE),
        country=job_order.country,
        occupation=job_order.occupation[:24],
    )
    if job_order.status != "active" or job_order.valid_until < today:
        answer.result, answer.reasons = Result.NOT_REGISTERED, ["reason.jo_invalid"]
        return answer
    occupation = job_order.occupation.lower()
    if job_order.country in rule_values("no_route"):
        answer.result, answer.reasons = Result.UNCONFIRMED, ["reason.no_route"]
    elif (
        job_order.country in rule_values("closed_domestic")
        and job_order.employer_type == "individual"
        and occupation.startswith(DOMESTIC)
    ):
        # Closed, unless the Saudi SPSK pilot through a designated agency: we cannot tell.
        answer.result, answer.reasons = Result.UNCONFIRMED, ["reason.closed"]
    else:
        answer.reasons = ["reason.jo_valid"]
        if occupation in rule_values("zero_cost"):
            answer.reasons.append("reason.zero_cost")
    return answer
