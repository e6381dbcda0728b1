"""Operator commands (`flask --app gateway COMMAND`), each printing what it did."""

from __future__ import annotations

import click
from flask import Flask, current_app
from flask.cli import AppGroup

from gateway import outbox
from gateway.models import db

outbox_cli = AppGroup("outbox", help="The outbound SMS queue.")


@outbox_cli.command("sweep")
def outbox_sweep() -> None:
    """Re-enqueue outbox rows stuck in `queued` (the scheduler also does this every minute)."""
    with db.connection_context():
        count = outbox.sweep(current_app.config["OUTBOX_STALE_SECONDS"])
    click.echo(f"Re-enqueued {count} stuck outbox row(s).")


def register(app: Flask) -> None:
    """Attach the command groups to the app."""
    app.cli.add_command(outbox_cli)
