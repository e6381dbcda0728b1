"""Imports from a file uploaded on the desk: the CLI's own import code, run on a temporary copy
of the file, so that the page reports and refuses exactly as `flask import-...` does."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from datetime import date

from gateway import imports
from gateway.csv_rows import ImportFileError, Report
from gateway.i18n import desk_text
from gateway.verification import registry

MAX_BYTES = 5 * 1024 * 1024  # a district's register is well under 1 MB
# kind -> (label, needs the registry's as-of date, the import)
KINDS: dict[str, tuple[str, bool, Callable[..., Report]]] = {
    "agencies": (desk_text("upload.agencies"), True, registry.import_agencies),
    "job_orders": (desk_text("upload.job_orders"), True, registry.import_job_orders),
    "rules": (desk_text("upload.rules"), False, registry.import_rules),
    "villages": (desk_text("upload.villages"), False, imports.import_villages),
    "households": (desk_text("upload.households"), False, imports.import_households),
}


def run(kind: str, data: bytes, filename: str, as_of: date | None) -> Report:
    """Import `data` (a CSV file's bytes) as `kind`; ImportFileError, naming `filename`, when
    the file as a whole is refused: then nothing was imported."""
    if kind not in KINDS:
        raise ImportFileError("unknown import {kind}", kind=repr(kind))
    _, needs_as_of, function = KINDS[kind]
    if needs_as_of and as_of is None:
        raise ImportFileError("the registry export's date (as of) is needed")
    if not data:
        raise ImportFileError("{file}: empty file", file=filename)
    if len(data) > MAX_BYTES:
        raise ImportFileError(
            "{file}: larger than {most} MB", file=filename, most=MAX_BYTES // (1024 * 1024)
        )
    handle, path = tempfile.mkstemp(suffix=".csv", prefix="desk-import-")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        return function(path, as_of) if needs_as_of else function(path)
    except ImportFileError as error:
        raise error.naming(path, filename) from None
    finally:
        os.unlink(path)
