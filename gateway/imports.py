"""CSV imports (villages, village household registers): good rows in, bad rows reported.

A bad row never half-imports nor stops the good ones; the same file twice changes nothing.
Villages: every row in its own transaction. Households: every row checked first, then the good
ones applied in chunks, a transaction each (gateway.household_import).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import phonenumbers
from peewee import fn

from config.settings import LANGUAGES
from gateway import clock, household_import, people, phone
from gateway.csv_rows import Faults, Report, RowError, read_rows, required, whole
from gateway.household_import import Household
from gateway.models import BaseModel, Child, Person, Village, db

VILLAGE_COLUMNS = ("code", "name", "district", "province")
REGENCY_DIGITS = 4  # a village code: province (2), regency (2), subdistrict (2), village (4)
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


def _village_code(cells: dict, column: str) -> str:
    digits = "".join(ch for ch in required(cells, column) if ch.isdigit())
    if len(digits) != 10:
        raise RowError(column, "not a 10-digit Kemendagri village code")
    return digits


def _language(cells: dict) -> str | None:
    language = cells.get("language", "").lower() or None
    if language and language not in LANGUAGES:
        raise RowError("language", "not one of {allowed}", allowed=", ".join(LANGUAGES))
    return language


def _village_rows() -> Callable[[dict], bool]:
    """What stores the rows of one villages file: each row checked whole (every fault), and a
    code the file gave already with other values refused (imported twice, it would rename
    the village back and forth)."""
    seen: dict[str, tuple] = {}

    def store(cells: dict) -> bool:
        """Store a village row; True when it changed a village already stored (its name is in
        every alert: the operator must see a rename)."""
        faults = Faults()
        fields = {key: faults.check(required, cells, key) for key in VILLAGE_COLUMNS[1:]}
        language = faults.check(_language, cells)
        code = faults.check(_village_code, cells, "code")
        faults.raise_any()
        values = (fields["name"], fields["district"], fields["province"], language)
        if seen.setdefault(code, values) != values:
            raise RowError("code", "appears twice in the file")
        _one_regency(fields["district"], code)
        village = Village.get_or_none(Village.code == code)
        if village is None:
            Village.create(code=code, language=language, **fields)
            return False
        if (village.name, village.district, village.province, village.language) == values:
            return False
        Village.update(language=language, **fields).where(Village.id == village.id).execute()
        return True

    return store


def _one_regency(district: str, code: str) -> None:
    """A district's name belongs to one regency, the first 4 digits of its villages' codes:
    alerts go to the supervisors of a district by its name, and two regencies of one name
    (Kota and Kabupaten Malang) would send each one's alerts to the other's supervisor.
    (The file's earlier rows are stored already.)"""
    regency = code[:REGENCY_DIGITS]
    other = (
        Village.select(Village.code)
        .where((fn.LOWER(Village.district) == district.lower()) & ~Village.code.startswith(regency))
        .scalar()
    )
    if other:
        raise RowError(
            "district",
            f"{district} is the district of villages coded {other[:REGENCY_DIGITS]}...;"
            " another regency needs another name (e.g. Kota ...)",
        )


def import_villages(path: str) -> Report:
    """Villages CSV: code,name,district,province[,language]."""
    return _import(path, VILLAGE_COLUMNS, _village_rows(), {"villages": Village})


def _phone(cells: dict, column: str) -> str:
    try:
        return phone.normalise(required(cells, column))
    except phone.InvalidPhoneError:
        raise RowError(column, "not a phone number") from None


def _migrant_phone(cells: dict) -> str:
    """The parent abroad's number; "60123456789" (a spreadsheet drops the "+") is Malaysia's,
    "85291234567" (Hong Kong's, or 0852... without its 0?) must be written with + or 00."""
    try:
        return phone.normalise_abroad(required(cells, "migrant_phone"))
    except phone.AmbiguousPhoneError:
        raise RowError("migrant_phone", "abroad or Indonesian? write it with + or 00") from None
    except phone.InvalidPhoneError:
        raise RowError("migrant_phone", "not a phone number") from None


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
    migrant_phone = faults.check(_migrant_phone, cells) if cells.get("migrant_phone") else None
    if migrant_phone is not None and migrant_phone == caregiver_phone:  # as USSD refuses it
        faults.found += RowError("migrant_phone", "the caregiver's own number").faults
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
