"""CSV imports (villages, village household registers): good rows in, bad rows reported.

A bad row never half-imports nor stops the good ones; the same file twice changes nothing.
Villages: every row in its own transaction. Households: every row checked first, then the good
ones applied in chunks, a transaction each (gateway.household_import).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import TypeVar

import phonenumbers

from config.settings import LANGUAGES
from gateway import clock, household_import, people, phone
from gateway.household_import import Household
from gateway.i18n import import_reasons
from gateway.models import BaseModel, Child, Person, Village, db

VILLAGE_COLUMNS = ("code", "name", "district", "province")
HOUSEHOLD_COLUMNS = (
    "village_code",
    "caregiver_phone",
    "caregiver_name",
    "migrant_phone",
    "migrant_name",
    "destination_country",
    "child_name",
    "child_birth_year",
    "in_school",
    "consent_date",
)
YES, NO = {"yes", "ya", "y", "1"}, {"no", "tidak", "n", "0"}
T = TypeVar("T")


@dataclass(frozen=True)
class Reason:
    """Why a row or a file was refused: an English template and its values; str() is the
    CLI's English, indonesian() the desk's (i18n/import_reasons.py)."""

    template: str
    params: tuple[tuple[str, str], ...] = ()

    def __str__(self) -> str:
        return self.template.format(**dict(self.params))

    def indonesian(self) -> str:
        """The reason in the desk's Indonesian."""
        return import_reasons.indonesian(self.template, dict(self.params))


class ImportFileError(ValueError):
    """The file as a whole cannot be read: nothing was imported."""

    def __init__(self, template: str, **params: object):
        self.reason = Reason(template, tuple((k, str(v)) for k, v in params.items()))
        super().__init__(str(self.reason))

    def naming(self, path: str, name: str) -> ImportFileError:
        """The same refusal naming the file `name` instead of its temporary `path`."""
        params = {k: (name if v == path else v) for k, v in self.reason.params}
        return ImportFileError(self.reason.template, **params)


class RowError(ValueError):
    """One row refused: each column at fault and why (most often one)."""

    def __init__(self, column: str, template: str, **params: object):
        reason = Reason(template, tuple((k, str(v)) for k, v in params.items()))
        self.faults: list[tuple[str, Reason]] = [(column, reason)]
        super().__init__(f"{column}: {reason}")

    @classmethod
    def of(cls, faults: list[tuple[str, Reason]]) -> RowError:
        """One refusal naming every fault found in a row."""
        error = cls.__new__(cls)
        error.faults = faults
        ValueError.__init__(error, "; ".join(f"{column}: {why}" for column, why in faults))
        return error


class Faults:
    """A row's columns checked one by one with every fault kept, so that the report names
    them all and the operator fixes a row in one go."""

    def __init__(self) -> None:
        self.found: list[tuple[str, Reason]] = []

    def check(self, parse: Callable[..., T], *args: object) -> T | None:
        """What `parse(*args)` gives, or None with its fault noted."""
        try:
            return parse(*args)
        except RowError as error:
            self.found += error.faults
            return None

    def raise_any(self) -> None:
        """Refuse the row if any column was at fault."""
        if self.found:
            raise RowError.of(self.found)


@dataclass
class Report:
    """What an import did."""

    accepted: int = 0
    refused: list[tuple[int, str, Reason]] = field(default_factory=list)  # (line, column, why)
    created: dict[str, int] = field(default_factory=dict)
    held: Reason | None = None  # why nothing was applied at all (a registry snapshot)
    removed: int = 0  # entries a replaced list no longer holds (a registry snapshot)
    updated: int = 0  # rows that changed one already stored (a village renamed)

    def refuse(self, line: int, error: RowError) -> None:
        """Note a refused row, each of its faults."""
        self.refused += [(line, column, reason) for column, reason in error.faults]

    @property
    def refused_lines(self) -> list[int]:
        """The lines refused, each once (a row may have several faults)."""
        return sorted({line for line, _, _ in self.refused})

    def render(self) -> str:
        """The report as the operator reads it."""
        made = [f"{count} new {name}" for name, count in self.created.items()]
        made += [f"{self.updated} updated"] if self.updated else []
        made += [f"{self.removed} removed"] if self.removed else []
        what = f" ({', '.join(made)})" if made else ""
        lines = [f"{self.accepted} row(s) accepted{what}, {len(self.refused_lines)} refused."]
        lines += [
            f"  line {line}, column {column}: {reason}" for line, column, reason in self.refused
        ]
        if self.held:
            lines.append(f"{self.held}.")
        return "\n".join(lines)


_CONTROL = re.compile(r"[\x00-\x1f\x7f]+")
EXTRA = "(extra)"  # the key of a row's cells beyond the header's columns, if it has any


def _cells(row: dict) -> dict[str, str]:
    # Cells stripped; cells beyond the header's columns (csv puts them under None) are kept
    # under EXTRA, for whole() to refuse the row. Control characters (a NUL, a line break
    # inside quotes) never reach the database or an SMS: each run of them is one space.
    cells = {
        key: " ".join(_CONTROL.sub(" ", value or "").split())
        for key, value in row.items()
        if isinstance(key, str)
    }
    extra = [value for value in row.get(None) or [] if value.strip()]
    if extra:
        cells[EXTRA] = ", ".join(extra)
    return cells


def whole(cells: dict[str, str]) -> dict[str, str]:
    """The row's cells; RowError when it has more than the header's columns: a comma inside
    an unquoted value has shifted every cell after it."""
    if EXTRA in cells:
        raise RowError(
            EXTRA, "more cells than the header's columns: a comma inside a value? quote it"
        )
    return cells


def read_rows(path: str, columns: tuple[str, ...]) -> list[tuple[int, dict[str, str]]]:
    """All rows (cells stripped) with their line numbers; ImportFileError for an unreadable file
    or a missing column."""
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            header = reader.fieldnames or []
            if not header:
                raise ImportFileError("{file}: empty file", file=path)
            missing = set(columns) - set(header)
            if missing and len(header) == 1 and ";" in header[0]:  # a spreadsheet's own CSV
                raise ImportFileError(
                    "{file}: columns separated by ';': save it as CSV with commas (UTF-8)",
                    file=path,
                )
            if missing:
                raise ImportFileError(
                    "{file}: missing column(s): {columns}",
                    file=path,
                    columns=", ".join(sorted(missing)),
                )
            return [(reader.line_num, _cells(row)) for row in reader]
    except UnicodeDecodeError as error:
        why = error.reason
        raise ImportFileError(
            "{file}: not UTF-8 text ({why}): save it as CSV UTF-8", file=path, why=why
        ) from None
    except csv.Error as error:
        raise ImportFileError("{file}: not a CSV file ({why})", file=path, why=error) from None


def _counts(counted: dict[str, type[BaseModel]]) -> dict[str, int]:
    return {name: model.select().count() for name, model in counted.items()}


def _created_since(before: dict[str, int], counted: dict[str, type[BaseModel]]) -> dict[str, int]:
    return {name: count - before[name] for name, count in _counts(counted).items()}


def _import(
    path: str,
    columns: tuple[str, ...],
    import_row: Callable[[dict], bool],
    counted: dict[str, type[BaseModel]],
) -> Report:
    rows = read_rows(path, columns)
    before = _counts(counted)
    report = Report()
    for line, row in rows:
        try:
            with db.atomic():
                updated = import_row(whole(row))
        except RowError as error:
            report.refuse(line, error)
        else:
            report.accepted += 1
            report.updated += updated
    report.created = _created_since(before, counted)
    return report


def required(cells: dict, column: str, max_length: int = 100) -> str:
    value = cells.get(column, "")
    if not value:
        raise RowError(column, "empty")
    if len(value) > max_length:
        raise RowError(column, "longer than {most} characters", most=max_length)
    return value


def _village_code(cells: dict, column: str) -> str:
    digits = "".join(ch for ch in required(cells, column) if ch.isdigit())
    if len(digits) != 10:
        raise RowError(column, "not a 10-digit Kemendagri village code")
    return digits


def _village_row(cells: dict) -> bool:
    """Store a village row; True when it changed a village already stored (its name is in
    every alert: the operator must see a rename)."""
    fields = {key: required(cells, key) for key in ("name", "district", "province")}
    language = cells.get("language", "").lower() or None
    if language and language not in LANGUAGES:
        raise RowError("language", "not one of {allowed}", allowed=", ".join(LANGUAGES))
    code = _village_code(cells, "code")
    village = Village.get_or_none(Village.code == code)
    if village is None:
        Village.create(code=code, language=language, **fields)
        return False
    stored = (village.name, village.district, village.province, village.language)
    if stored == (fields["name"], fields["district"], fields["province"], language):
        return False
    Village.update(language=language, **fields).where(Village.id == village.id).execute()
    return True


def import_villages(path: str) -> Report:
    """Villages CSV: code,name,district,province[,language]."""
    return _import(path, VILLAGE_COLUMNS, _village_row, {"villages": Village})


def _phone(cells: dict, column: str) -> str:
    try:
        return phone.normalise(required(cells, column))
    except phone.InvalidPhoneError:
        raise RowError(column, "not a phone number") from None


def _name(cells: dict, column: str) -> str:
    cleaned = people.clean_name(required(cells, column))
    if cleaned is None:
        raise RowError(column, "not a name (letters, 2-40 characters)")
    return cleaned


def _village(cells: dict, known: dict[str, Village | None]) -> Village:
    code = _village_code(cells, "village_code")
    if code not in known:  # a register names a few villages: one query for each
        known[code] = Village.get_or_none(Village.code == code)
    if known[code] is None:
        raise RowError("village_code", "unknown village (import the villages first)")
    return known[code]


def _country(cells: dict) -> str | None:
    country = cells.get("destination_country", "").upper() or None
    if country and country not in phonenumbers.SUPPORTED_REGIONS:  # "XX" is no country
        raise RowError("destination_country", "not an ISO 3166 two-letter country code")
    return country


def _birth_year(cells: dict) -> int:
    year = cells.get("child_birth_year", "")
    if not (year.isdigit() and len(year) == 4 and people.is_child_birth_year(int(year))):
        raise RowError("child_birth_year", "not the birth year of a child under 18")
    return int(year)


def _in_school(cells: dict) -> bool:
    in_school = cells.get("in_school", "").lower()
    if in_school not in YES | NO:
        raise RowError("in_school", "not yes or no")
    return in_school in YES


def _consent_date(cells: dict) -> date:
    try:
        consent_date = date.fromisoformat(required(cells, "consent_date"))
    except ValueError:
        raise RowError("consent_date", "not a date (YYYY-MM-DD)") from None
    if consent_date > clock.now().date():
        raise RowError("consent_date", "in the future")
    return consent_date


def parse_household(cells: dict, villages: dict[str, Village | None]) -> Household:
    """A register row checked, not yet applied; RowError names every fault, in the columns'
    order. `villages`: the codes looked up so far."""
    faults = Faults()
    village = faults.check(_village, cells, villages)
    caregiver_phone = faults.check(_phone, cells, "caregiver_phone")
    caregiver_name = faults.check(_name, cells, "caregiver_name")
    migrant_phone = (
        faults.check(_phone, cells, "migrant_phone") if cells.get("migrant_phone") else None
    )
    migrant_name = faults.check(_name, cells, "migrant_name") if migrant_phone else None
    country = faults.check(_country, cells)
    child_name = faults.check(_name, cells, "child_name")
    birth_year = faults.check(_birth_year, cells)
    in_school = faults.check(_in_school, cells)
    consent_date = faults.check(_consent_date, cells)
    faults.raise_any()
    return Household(
        village_id=village.id,
        caregiver_phone=caregiver_phone,
        caregiver_name=caregiver_name,
        migrant_phone=migrant_phone,
        migrant_name=migrant_name,
        country=country,
        child_name=child_name,
        birth_year=birth_year,
        in_school=in_school,
        consent_date=consent_date,
    )


def import_households(path: str) -> Report:
    """A village register, one row per child (DESIGN section 8): every row checked, then the
    good ones applied CHUNK rows to a transaction."""
    rows = read_rows(path, HOUSEHOLD_COLUMNS)
    counted = {"people": Person, "children": Child}
    before = _counts(counted)
    report, good, villages = Report(), [], {}
    for line, cells in rows:
        try:
            good.append(parse_household(whole(cells), villages))
        except RowError as error:
            report.refuse(line, error)
    for start in range(0, len(good), household_import.CHUNK):
        household_import.apply(good[start : start + household_import.CHUNK])
    report.accepted = len(good)
    report.created = _created_since(before, counted)
    return report
