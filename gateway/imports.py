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
    """One row refused: the column at fault and why."""

    def __init__(self, column: str, template: str, **params: object):
        self.column = column
        self.reason = Reason(template, tuple((k, str(v)) for k, v in params.items()))
        super().__init__(f"{column}: {self.reason}")


@dataclass
class Report:
    """What an import did."""

    accepted: int = 0
    refused: list[tuple[int, str, Reason]] = field(default_factory=list)  # (line, column, why)
    created: dict[str, int] = field(default_factory=dict)
    held: Reason | None = None  # why nothing was applied at all (a registry snapshot)
    removed: int = 0  # entries a replaced list no longer holds (a registry snapshot)

    def refuse(self, line: int, error: RowError) -> None:
        """Note a refused row."""
        self.refused.append((line, error.column, error.reason))

    def render(self) -> str:
        """The report as the operator reads it."""
        made = [f"{count} new {name}" for name, count in self.created.items()]
        made += [f"{self.removed} removed"] if self.removed else []
        what = f" ({', '.join(made)})" if made else ""
        lines = [f"{self.accepted} row(s) accepted{what}, {len(self.refused)} refused."]
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
    import_row: Callable[[dict], None],
    counted: dict[str, type[BaseModel]],
) -> Report:
    rows = read_rows(path, columns)
    before = _counts(counted)
    report = Report()
    for line, row in rows:
        try:
            with db.atomic():
                import_row(whole(row))
        except RowError as error:
            report.refuse(line, error)
        else:
            report.accepted += 1
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


def _village_row(cells: dict) -> None:
    fields = {key: required(cells, key) for key in ("name", "district", "province")}
    language = cells.get("language", "").lower() or None
    if language and language not in LANGUAGES:
        raise RowError("language", "not one of {allowed}", allowed=", ".join(LANGUAGES))
    code = _village_code(cells, "code")
    village = Village.get_or_none(Village.code == code)
    if village is None:
        Village.create(code=code, language=language, **fields)
    elif (village.name, village.district, village.province, village.language) != (
        fields["name"],
        fields["district"],
        fields["province"],
        language,
    ):
        Village.update(language=language, **fields).where(Village.id == village.id).execute()


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


def parse_household(cells: dict, villages: dict[str, Village | None]) -> Household:
    """A register row checked, not yet applied; RowError names its first fault, the columns
    checked in this order. `villages`: the codes looked up so far."""
    village = _village(cells, villages)
    caregiver_phone, caregiver_name = (
        _phone(cells, "caregiver_phone"),
        _name(cells, "caregiver_name"),
    )
    migrant_phone = _phone(cells, "migrant_phone") if cells.get("migrant_phone") else None
    country = cells.get("destination_country", "").upper() or None
    if country and not (len(country) == 2 and country.isalpha()):
        raise RowError("destination_country", "not an ISO 3166 two-letter country code")
    child_name = _name(cells, "child_name")
    year = cells.get("child_birth_year", "")
    if not (year.isdigit() and len(year) == 4 and people.is_child_birth_year(int(year))):
        raise RowError("child_birth_year", "not the birth year of a child under 18")
    in_school = cells.get("in_school", "").lower()
    if in_school not in YES | NO:
        raise RowError("in_school", "not yes or no")
    try:
        consent_date = date.fromisoformat(required(cells, "consent_date"))
    except ValueError:
        raise RowError("consent_date", "not a date (YYYY-MM-DD)") from None
    if consent_date > clock.now().date():
        raise RowError("consent_date", "in the future")
    return Household(
        village_id=village.id,
        caregiver_phone=caregiver_phone,
        caregiver_name=caregiver_name,
        migrant_phone=migrant_phone,
        # Checked last, as ever: a row with several faults is refused for the same column.
        migrant_name=_name(cells, "migrant_name") if migrant_phone else None,
        country=country,
        child_name=child_name,
        birth_year=int(year),
        in_school=in_school in YES,
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
