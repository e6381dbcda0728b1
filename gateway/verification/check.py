"""The rules of DOMAIN.md, "Rules for a verification answer", applied in their order.
Scammers copy real names with one letter changed, so only an exact licence number or an exact
name (after normalisation) is ever answered TERDAFTAR; a look-alike is "not found as typed"."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from gateway.db import Compiled
from gateway.models import Agency, JobOrder, RegistrySnapshot
from gateway.statuses import AgencyStatus
from gateway.verification import index, names, rules

DATE = "%d-%m-%y"  # two-digit years: every character counts in one SMS
# Every CEK asks these: their SQL is built once (db.Compiled).
# By letters and digits: KEP.11/PK... and KEP.1/1PK... share a key, so every row of it comes
# back and grouped() picks the one written as asked.
_JOB_ORDERS_BY_CODE = Compiled(
    lambda key: JobOrder.select().where(JobOrder.code_key == key), JobOrder
)
_AGENCIES_BY_LICENCE = Compiled(
    lambda key: Agency.select().where(Agency.licence_key == key), Agency
)
_AGENCIES_BY_NAME = Compiled(lambda key: Agency.select().where(Agency.name_key == key), Agency)
_SNAPSHOT = Compiled(
    lambda kind: RegistrySnapshot.select().where(RegistrySnapshot.kind == kind).limit(1),
    RegistrySnapshot,
)


class Result(StrEnum):
    """The result word of an answer."""

    REGISTERED = "registered"  # TERDAFTAR
    NOT_REGISTERED = "not_registered"  # TIDAK TERDAFTAR
    UNCONFIRMED = "unconfirmed"  # TIDAK DAPAT DIPASTIKAN
    NOT_FOUND = "not_found"  # TIDAK DITEMUKAN as typed; registered names that resemble it


# The answers that found nothing registered as typed (what the desk and scam waves count).
UNREGISTERED = (Result.NOT_REGISTERED.value, Result.NOT_FOUND.value)


@dataclass
class Answer:
    """What a check found: the result, the catalog keys of its reasons, and their values."""

    result: Result
    subject: str
    reasons: list[str] = field(default_factory=list)
    values: dict[str, str] = field(default_factory=dict)
    agency: Agency | None = None
    job_order: JobOrder | None = None
    candidates: list[Agency] = field(default_factory=list)  # NOT_FOUND: the closest names


def agency(licence_no: str) -> Agency | None:
    """The registered agency with this licence number; None if a new snapshot dropped it.
    (Not by id: an import may give a dropped agency's id to another.)"""
    return Agency.get_or_none(Agency.licence_no == licence_no)


def snapshot_date(kind: str) -> date | None:
    """The date of the registry export in force, or None before the first import."""
    snapshot = _SNAPSHOT.first(kind=kind)
    return snapshot.as_of if snapshot else None


def agency_status(agency: Agency, today: date) -> str:
    """active, expired (a past valid_until, whatever the export says), suspended or revoked."""
    if agency.status in (AgencyStatus.REVOKED, AgencyStatus.SUSPENDED):
        return agency.status
    return (
        AgencyStatus.EXPIRED
        if agency.status == AgencyStatus.EXPIRED or agency.valid_until < today
        else AgencyStatus.ACTIVE
    )


def job_order_status(job_order: JobOrder, today: date) -> str:
    """The registry status, except that a past valid_until is expired whatever it says."""
    if job_order.status == "active" and job_order.valid_until < today:
        return "expired"
    return job_order.status


def lookup(query: str, today: date) -> Answer:
    """Check a job-order code, a licence number or an agency name (rules 1, 2, 3 and 6)."""
    # Curly quotes or dashes are the straight ones: punctuation is forgiven however typed.
    # Compared whole, never cut: a registered name (up to 120 characters) with words added
    # after its 60th is not that name.
    query = " ".join(names.plain_punctuation(query).split())
    # Letters of another script are no part of a code, and no way to write a registered name:
    # "KEP.2/PK.02/2024 شركة النور" is a licence number with a name that cannot be its own.
    key = "" if _other_letters(query) else names.code_key(query)
    groups = names.grouped(query)
    job_orders = _JOB_ORDERS_BY_CODE.rows(key=key) if key else []
    job_order = next((j for j in job_orders if names.grouped(j.code) == groups), None)
    if job_order is None and len(job_orders) == 1 and "-" not in groups:
        # "JOTW0001": a code typed with no separator at all is the one registered code of
        # its letters and digits (a licence number must still be grouped as issued).
        job_order = job_orders[0]
    if job_order:
        return check_job_order(job_order, today)
    agencies = _AGENCIES_BY_LICENCE.rows(key=key) if key else []
    agency = next((a for a in agencies if names.grouped(a.licence_no) == groups), None)
    if agency:
        return check_agency(agency, today)
    if agencies:  # the same characters grouped otherwise (KEP.90/1PK...): never a yes
        return Answer(Result.NOT_FOUND, query, candidates=agencies)
    written = _licence_among_words(query)
    if written is not None:  # "PT X KEP.1/PK.02/2024": the name must be that licence's own
        agency, name = written
        if names.spaces_left_out(names.normalise(name), agency.name_key):
            return check_agency(agency, today)
        return Answer(Result.NOT_FOUND, query, candidates=[agency])
    name_key = names.normalise(query)
    # Only the 26 letters compare: "Sınar" or "MuliÖa" is not a way to write a registered name.
    exact = (
        (_AGENCIES_BY_NAME.rows(key=name_key) or _same_but_spaces(name_key))
        if name_key and query.isascii()
        else []
    )
    same_form = [a for a in exact if names.legal_form(a.name) == names.legal_form(query)]
    if len(exact) == 1 or len(same_form) == 1:
        return check_agency((same_form or exact)[0], today)
    if exact:  # "PT X" and "CV X" both registered, and the query says neither: never guess
        return Answer(Result.NOT_FOUND, query, candidates=exact)
    if re.search(r"\d", query) and _looks_like_licence(query):
        return Answer(Result.NOT_REGISTERED, query, ["reason.licence_unknown"])
    registry = index.current()
    ranked = names.rank(name_key, registry.name_keys, registry.word_names)
    if ranked:
        found = {a.id: a for a in Agency.select().where(Agency.id.in_([i for i, _ in ranked]))}
        candidates = [found[agency_id] for agency_id, _ in ranked if agency_id in found]
        return Answer(Result.NOT_FOUND, query, candidates=candidates)
    if names.looks_like_code(query):
        # Shaped like a code we do not hold, however grouped or short: we cannot say, and say
        # what to ask for (rule 2), never "not in the data" for one code and "unknown" for another.
        return Answer(Result.UNCONFIRMED, query, ["reason.code_unknown"])
    return Answer(Result.NOT_REGISTERED, query, ["reason.not_found"])


def _other_letters(text: str) -> bool:
    """Whether a text has letters outside the 26 of the registry's names (accents aside)."""
    bare = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return re.search(r"[^\W\d_A-Za-z]", bare) is not None


def _licence_among_words(query: str) -> tuple[Agency, str] | None:
    """A registered licence number written, exactly, as one word of a longer query, with the
    rest of the query (the name it was given with); None if there is none."""
    words = query.split()
    for i, word in enumerate(words):
        if len(words) == 1 or not re.search(r"\d", word):
            continue
        found = _AGENCIES_BY_LICENCE.rows(key=names.code_key(word))
        groups = names.grouped(word)
        agency = next((a for a in found if names.grouped(a.licence_no) == groups), None)
        if agency is not None:
            return agency, " ".join(words[:i] + words[i + 1 :])
    return None


def _same_but_spaces(name_key: str) -> list[Agency]:
    """The agencies whose names the query writes with spaces left out ("sinarharapanmulia",
    "Sinar HarapanMulia"), never moved ("Sinarha Rapan Mulia" is another name)."""
    ids = [
        agency_id
        for agency_id, key in index.current().name_keys.items()
        if names.spaces_left_out(name_key, key)
    ]
    return list(Agency.select().where(Agency.id.in_(ids))) if ids else []


def _looks_like_licence(query: str) -> bool:
    """Whether a query we do not hold is written like a licence number (names.looks_like_licence,
    against the registry's own numbers)."""
    registry = index.current()
    return names.looks_like_licence(query, registry.licence_shapes, registry.codes_use_slashes)


def not_registered(query: str) -> Answer:
    """The answer for a name the asker says is none of the registered ones offered."""
    return Answer(Result.NOT_REGISTERED, " ".join(query.split()), ["reason.not_found"])


def check_agency(agency: Agency, today: date, subject: str | None = None) -> Answer:
    """Rule 1: licensed, and the licence in force?"""
    answer = Answer(
        Result.NOT_REGISTERED,
        subject or agency.name,
        agency=agency,
        values={"until": agency.valid_until.strftime(DATE)},
    )
    status = agency_status(agency, today)
    if status == "active":
        answer.result = Result.REGISTERED
        answer.reasons += ["reason.licensed", "reason.ask_jo"]
    elif status == AgencyStatus.EXPIRED and agency.valid_until >= today:
        answer.reasons.append("reason.expired_early")  # the export says so before its date
    else:
        answer.reasons.append(f"reason.{status}")
    return answer


def check_job_order(job_order: JobOrder, today: date) -> Answer:
    """Rules 2, 1, 3 and 6 for a job order: its validity, its agency, its destination, its cost."""
    subject = job_order.code
    status = job_order_status(job_order, today)
    until = {"until": job_order.valid_until.strftime(DATE)}
    if status != "active":
        early = status == "expired" and job_order.valid_until >= today  # no date to give
        reason = "reason.jo_expired_early" if early else f"reason.jo_{status}"
        return Answer(Result.NOT_REGISTERED, subject, [reason], until, job_order=job_order)
    agency = Agency.get_or_none(Agency.licence_no == job_order.licence_no)
    if agency is None:
        return Answer(Result.NOT_REGISTERED, subject, ["reason.jo_no_agency"], job_order=job_order)
    answer = check_agency(
        agency, today, subject=f"{subject} {names.without_legal_form(agency.name)}"
    )
    answer.job_order = job_order
    if answer.result is not Result.REGISTERED:
        return answer
    answer.values.update(
        until=until["until"], country=job_order.country, occupation=job_order.occupation[:24]
    )
    closed = rules.closed_destination(
        job_order.country, rules.is_domestic(job_order.occupation), agency.licence_key
    )
    if closed:
        answer.result, answer.reasons = Result.NOT_REGISTERED, [f"reason.{closed}"]
        return answer
    answer.reasons = ["reason.jo_valid"]
    if job_order.occupation.lower() in rules.values("zero_cost"):
        answer.reasons.append("reason.zero_cost")
    return answer
