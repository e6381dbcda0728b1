"""CSV files as imports read them: rows with their line numbers, each checked column by column
(every fault kept), the report an import gives, and why a whole file is refused."""

from __future__ import annotations

import csv
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from gateway.i18n import import_reasons

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


def required(cells: dict, column: str, max_length: int = 100) -> str:
    """The cell's value; RowError when it is empty or too long."""
    value = cells.get(column, "")
    if not value:
        raise RowError(column, "empty")
    if len(value) > max_length:
        raise RowError(column, "longer than {most} characters", most=max_length)
    return value
