"""Registry imports: agencies and job orders (a snapshot replaced whole), and the rule data."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date

import phonenumbers
from peewee import Model

from gateway import clock, danger
from gateway.csv_rows import (
    Faults,
    ImportFileError,
    Reason,
    Report,
    RowError,
    read_rows,
    required,
    whole,
)
from gateway.models import Agency, JobOrder, RegistrySnapshot, RuleItem, db
from gateway.statuses import AgencyStatus
from gateway.verification.names import code_key, normalise

AGENCY_COLUMNS = ("licence_no", "name", "address", "valid_until", "status")
JOB_ORDER_COLUMNS = (
    "code",
    "licence_no",
    "country",
    "occupation",
    "employer_type",
    "positions",
    "valid_until",
    "status",
)
RULE_COLUMNS = ("kind", "value", "note")
RULE_KINDS = (
    "closed_domestic",
    "no_route",
    "zero_cost",
    "spsk_agency",
    "help_line",
    "channel",
    "danger_word",
)
# The statuses registry exports use, in English and Indonesian (any case), as we store them.
JOB_ORDER_STATUSES = {
    "active": "active",
    "aktif": "active",
    "expired": "expired",
    "kedaluwarsa": "expired",
    "cancelled": "cancelled",
    "canceled": "cancelled",
    "dibatalkan": "cancelled",
    "closed": "closed",
    "ditutup": "closed",
    "suspended": "suspended",
    "ditangguhkan": "suspended",
    "revoked": "revoked",
    "dicabut": "revoked",
}
AGENCY_STATUSES = {
    word: status.value
    for status, words in {
        AgencyStatus.ACTIVE: ("active", "aktif"),
        AgencyStatus.EXPIRED: ("expired", "kedaluwarsa"),
        AgencyStatus.SUSPENDED: ("suspended", "ditangguhkan", "dibekukan"),
        AgencyStatus.REVOKED: ("revoked", "dicabut"),
    }.items()
    for word in words
}


def parse_date(text: str, column: str) -> date:
    """A YYYY-MM-DD date, or RowError for `column`."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise RowError(column, "not a date (YYYY-MM-DD)") from None


def _one_of(cells: dict, column: str, allowed: tuple[str, ...]) -> str:
    value = cells.get(column, "").lower()
    if value not in allowed:
        raise RowError(column, "not one of {allowed}", allowed=", ".join(allowed))
    return value


def _status(cells: dict, vocabulary: dict[str, str]) -> str:
    """The row's status in our words; any word of the vocabulary, in any case."""
    word = cells.get("status", "").strip().lower()
    if word not in vocabulary:
        raise RowError("status", "not one of {allowed}", allowed=", ".join(vocabulary))
    return vocabulary[word]


def _valid_until(cells: dict) -> date:
    return parse_date(required(cells, "valid_until"), "valid_until")


def _letters_or_digits(cells: dict, column: str, most: int, key: Callable[[str], str]) -> str:
    value = required(cells, column, most)
    if not key(value):
        raise RowError(column, "no letters or digits")
    return value


def _agency(cells: dict) -> dict:
    faults = Faults()
    licence_no = faults.check(_letters_or_digits, cells, "licence_no", 60, code_key) or ""
    name = faults.check(_letters_or_digits, cells, "name", 120, normalise) or ""
    agency = {
        "licence_no": licence_no,
        "licence_key": code_key(licence_no),
        "name": name,
        "name_key": normalise(name),
        "address": cells.get("address", "")[:200],
        "valid_until": faults.check(_valid_until, cells),
        "status": faults.check(_status, cells, AGENCY_STATUSES),
    }
    faults.raise_any()
    return agency


def _country(cells: dict) -> str:
    country = required(cells, "country", 2).upper()
    if country not in phonenumbers.SUPPORTED_REGIONS:  # every ISO 3166 country that has phones
        raise RowError("country", "not an ISO 3166 two-letter country code")
    return country


def _positions(cells: dict) -> int:
    positions = cells.get("positions", "")
    if not positions.isdigit():
        raise RowError("positions", "not a whole number")
    return int(positions)


def _job_order(cells: dict) -> dict:
    faults = Faults()
    code = faults.check(required, cells, "code", 40) or ""
    job_order = {  # checked in the columns' order
        "code": code,
        "code_key": code_key(code),
        "licence_no": faults.check(required, cells, "licence_no", 60),
        "country": faults.check(_country, cells),
        "occupation": (faults.check(required, cells, "occupation", 80) or "").lower(),
        "employer_type": faults.check(_one_of, cells, "employer_type", ("individual", "company")),
        "positions": faults.check(_positions, cells),
        "valid_until": faults.check(_valid_until, cells),
        "status": faults.check(_status, cells, JOB_ORDER_STATUSES),
    }
    faults.raise_any()
    return job_order


OLDER = (
    "--as-of {as_of} is older than the export in force ({in_force}); nothing changed:"
    " import the newest export (--allow-older if the one in force is wrongly dated)"
)
HELD = (
    "nothing changed: a list is replaced whole, and the row(s) at line(s) {lines} were refused;"
    " fix them and import the file again"
)


def _replace(
    path: str,
    columns: tuple[str, ...],
    parse: Callable[[dict], dict],
    model: type[Model],
    key: str,
    kind: str,
    as_of: date,
    allow_older: bool = False,
) -> Report:
    """Parse every row, then swap the whole snapshot in one transaction (or change nothing).
    A refused row changes nothing at all: dropping its entry would call a real agency
    unregistered, keeping it would keep what the new export may have revoked, under the new
    export's date. The operator fixes the row and imports again. The report counts the
    entries the new snapshot no longer holds."""
    if as_of > clock.now().date():
        raise ImportFileError("--as-of {as_of} is in the future", as_of=as_of)
    in_force = RegistrySnapshot.get_or_none(RegistrySnapshot.kind == kind)
    if in_force is not None and as_of < in_force.as_of and not allow_older:
        # An old export by mistake would bring back licences revoked since, under CEK's word.
        raise ImportFileError(OLDER, as_of=as_of, in_force=in_force.as_of)
    report, parsed = Report(), {}
    for line, cells in read_rows(path, columns):
        try:
            fields = parse(whole(cells))
            if parsed.get(fields[key], fields) != fields:  # the same row twice is one row
                raise RowError(key, "appears twice in the file")
        except RowError as error:
            report.refuse(line, error)
            continue
        parsed[fields[key]] = fields
        report.accepted += 1
    if report.refused:  # every refused line named, with why, even when none was good
        return _held(report)
    if not parsed:
        raise ImportFileError("{file}: no valid row; the registry in force is kept", file=path)
    field = getattr(model, key)
    with db.atomic():
        existing = dict(model.select(field, model.id).tuples())
        gone = [row_id for value, row_id in existing.items() if value not in parsed]
        report.removed = len(gone)
        for start in range(0, len(gone), 500):
            model.delete().where(model.id.in_(gone[start : start + 500])).execute()
        for value, fields in parsed.items():
            if value in existing:
                model.update(**fields).where(model.id == existing[value]).execute()
        new = [fields for value, fields in parsed.items() if value not in existing]
        for start in range(0, len(new), 500):
            model.insert_many(new[start : start + 500]).execute()
        stamp = uuid.uuid4().hex
        (
            RegistrySnapshot.insert(
                kind=kind, as_of=as_of, rows=len(parsed), imported_at=clock.now(), stamp=stamp
            )
            .on_conflict(
                conflict_target=[RegistrySnapshot.kind],
                update={
                    RegistrySnapshot.as_of: as_of,
                    RegistrySnapshot.rows: len(parsed),
                    RegistrySnapshot.imported_at: clock.now(),
                    RegistrySnapshot.stamp: stamp,
                },
            )
            .execute()
        )
    report.created = {kind.replace("_", " "): len(new)}
    return report


def _held(report: Report) -> Report:
    """The report of an import that changed nothing, naming the refused lines."""
    lines = ", ".join(str(line) for line in report.refused_lines)
    report.accepted, report.held = 0, Reason(HELD, (("lines", lines),))
    return report


def import_agencies(path: str, as_of: date, allow_older: bool = False) -> Report:
    """The agency registry snapshot: licence_no,name,address,valid_until,status."""
    return _replace(
        path, AGENCY_COLUMNS, _agency, Agency, "licence_no", "agencies", as_of, allow_older
    )


def import_job_orders(path: str, as_of: date, allow_older: bool = False) -> Report:
    """The job-order snapshot (DESIGN section 8 columns)."""
    return _replace(
        path, JOB_ORDER_COLUMNS, _job_order, JobOrder, "code", "job_orders", as_of, allow_older
    )


def _rule(cells: dict) -> dict:
    """A rule row checked: its value as rules compare it."""
    kind = _one_of(cells, "kind", RULE_KINDS)
    value = required(cells, "value", 80)
    note = cells.get("note", "")[:160] or None
    if kind in ("closed_domestic", "no_route"):
        value = value.upper()
        if value not in phonenumbers.SUPPORTED_REGIONS:  # "Arab Saudi" would close nothing
            raise RowError("value", "not an ISO 3166 two-letter country code")
    elif kind in ("zero_cost", "danger_word"):
        value = " ".join(value.lower().split())
        words = value.split()
        if kind == "danger_word" and not (
            len(words) <= danger.MOST_WORDS and all(word.isalpha() for word in words)
        ):
            raise RowError("value", "one to {most} words of letters", most=danger.MOST_WORDS)
    elif kind == "spsk_agency":
        value = code_key(value)  # a licence number, compared as letters and digits
        if not any(ch.isdigit() for ch in value):
            raise RowError("value", "not a licence number")
    if kind == "danger_word" and note not in danger.PRIORITY:
        template = "the case category a danger word opens: one of {allowed}"
        raise RowError("note", template, allowed=", ".join(danger.PRIORITY))
    return {"kind": kind, "value": value, "note": note}


def import_rules(path: str) -> Report:
    """Rule data: kind,value,note. The kinds in the file replace those kinds' rules whole; the
    report counts the rules the file no longer holds (a file of local danger words alone
    drops the defaults: the operator must see it)."""
    report, rules = Report(), []
    for line, cells in read_rows(path, RULE_COLUMNS):
        try:
            rules.append(_rule(whole(cells)))
        except RowError as error:
            report.refuse(line, error)
            continue
        report.accepted += 1
    if report.refused:  # a kind replaced without a refused row's rule (a danger word...)
        return _held(report)
    if not rules:
        raise ImportFileError("{file}: no valid row; the rules in force are kept", file=path)
    kinds = list({rule["kind"] for rule in rules})
    unique = list({(r["kind"], r["value"]): r for r in rules}.values())
    with db.atomic():
        in_force = set(
            RuleItem.select(RuleItem.kind, RuleItem.value).where(RuleItem.kind.in_(kinds)).tuples()
        )
        RuleItem.delete().where(RuleItem.kind.in_(kinds)).execute()
        RuleItem.insert_many(unique).execute()
    now_in_force = {(rule["kind"], rule["value"]) for rule in unique}
    report.created = {"rules": len(now_in_force - in_force)}
    report.removed = len(in_force - now_in_force)
    return report
