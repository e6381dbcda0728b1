"""Operator commands (`flask --app gateway COMMAND`), each printing what it did."""

from __future__ import annotations

import click
from flask import Flask, current_app
from flask.cli import AppGroup

from gateway import imports, outbox
from gateway.models import db

outbox_cli = AppGroup("outbox", help="The outbound SMS queue.")


@outbox_cli.command("sweep")
def outbox_sweep() -> None:
    """Re-enqueue outbox rows stuck in `queued` (the scheduler also does this every minute)."""
    with db.connection_context():
        count = outbox.sweep(current_app.config["OUTBOX_STALE_SECONDS"])
    click.echo(f"Re-enqueued {count} stuck outbox row(s).")


def _run_import(run, path: str) -> None:
    """Import, print the report; exit 1 when any row was refused (the good ones are in)."""
    try:
        with db.connection_context():
            report = run(path)
    except imports.ImportFileError as error:
        raise click.ClickException(f"{error}. Nothing was imported.") from None
    click.echo(report.render())
    if report.refused:
        raise SystemExit(1)


CSV_FILE = click.Path(exists=True, dir_okay=False)


@click.command("import-villages")
@click.argument("file", type=CSV_FILE)
def import_villages(file: str) -> None:
    """Import villages: code,name,district,province[,language]."""
    _run_import(imports.import_villages, file)


@click.command("import-households")
@click.argument("file", type=CSV_FILE)
def import_households(file: str) -> None:
    """Import a village household register, one row per child (DESIGN section 8)."""
    _run_import(imports.import_households, file)


def register(app: Flask) -> None:
    """Attach the commands to the app."""
    for command in (outbox_cli, import_villages, import_households):
        app.cli.add_command(command)
