"""Operator commands (`flask --app gateway COMMAND`), each printing what it did."""

from __future__ import annotations

import click
from cryptography.fernet import InvalidToken
from flask import Flask, current_app
from flask.cli import AppGroup
from redis import RedisError

from gateway import (
    checkins,
    crypto,
    csv_rows,
    demo,
    escalation,
    imports,
    officers,
    outbox_listing,
    people,
    pins,
    retention,
    rotation,
    selftest,
    sending,
    staff,
    staff_invites,
)
from gateway.models import Officer, db
from gateway.phone import InvalidPhoneError, normalise
from gateway.transactions import unit_of_work
from gateway.verification import registry

outbox_cli = AppGroup("outbox", help="The outbound SMS queue.")
alerts_cli = AppGroup("alerts", help="Alerts to officers.")
checkins_cli = AppGroup("checkins", help="Parenting check-ins.")


@checkins_cli.command("start")
@click.option("--village", "village_code", help="Only this village (10-digit code).")
def checkins_start(village_code: str | None) -> None:
    """Open a check-in for every child due one (never asked, or asked CHECKIN_EVERY_DAYS ago);
    the scheduler does the same every hour."""
    with db.connection_context():
        village = None
        if village_code:
            village = people.find_village(village_code)
            if village is None:
                raise click.ClickException(f"unknown village code {village_code}")
        try:
            opened = checkins.open_due(current_app.config, village)
        except checkins.CheckinsBusyError:
            raise click.ClickException(
                "another process is opening check-ins right now; nothing opened, try again"
            ) from None
        except RedisError as error:
            raise click.ClickException(
                f"Redis is unavailable ({error}); nothing opened: check-ins need it to take turns"
            ) from None
    click.echo(opened.describe())


@alerts_cli.command("escalate")
def alerts_escalate() -> None:
    """Escalate overdue alerts now (the scheduler also does this every minute)."""
    with db.connection_context():
        count = escalation.escalate_overdue()
    click.echo(f"Escalated {count} overdue alert(s).")


@outbox_cli.command("sweep")
def outbox_sweep() -> None:
    """Re-enqueue queued outbox rows RQ lost (the worker does this on start, on finding a new
    Redis, and the scheduler every 30 seconds)."""
    with db.connection_context():
        count = sending.sweep()
    click.echo(f"Re-enqueued {count} stuck outbox row(s).")


@outbox_cli.command("status")
def outbox_status() -> None:
    """Rows by kind and status, then every message that may have reached its phone twice or
    not at all (time-outs, a killed worker): those an operator may need to follow up."""
    with db.connection_context():
        counts, doubtful = outbox_listing.status_report()
    for (kind, status), count in sorted(counts.items()):
        click.echo(f"{kind:10} {status:10} {count:6}")
    click.echo(f"{len(doubtful)} message(s) in doubt:")
    for row in doubtful:
        click.echo(
            f"  #{row.id} {row.kind} to {row.to} {row.status}"
            f" ({row.ambiguous_attempts} uncertain send(s)): {row.last_error or '-'}"
        )


def _run_import(run, path: str) -> None:
    """Import, print the report; exit 1 when any row was refused (the good ones are in)."""
    try:
        with db.connection_context():
            report = run(path)
    except csv_rows.ImportFileError as error:
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


AS_OF = click.option(
    "--as-of",
    "as_of",
    required=True,
    type=click.DateTime(["%Y-%m-%d"]),
    help="The date of the registry export (YYYY-MM-DD), quoted in every answer.",
)


ALLOW_OLDER = click.option(
    "--allow-older",
    is_flag=True,
    help="Replace a newer export in force (one imported with a wrong --as-of date).",
)


@click.command("import-agencies")
@click.argument("file", type=CSV_FILE)
@AS_OF
@ALLOW_OLDER
def import_agencies(file: str, as_of, allow_older: bool) -> None:
    """Replace the agency registry: licence_no,name,address,valid_until,status.

    status: active/aktif, expired/kedaluwarsa, suspended/ditangguhkan/dibekukan, revoked/dicabut
    (any case); a past valid_until is expired whatever the status says."""
    _run_import(lambda path: registry.import_agencies(path, as_of.date(), allow_older), file)


@click.command("import-job-orders")
@click.argument("file", type=CSV_FILE)
@AS_OF
@ALLOW_OLDER
def import_job_orders(file: str, as_of, allow_older: bool) -> None:
    """Replace the job orders: code,licence_no,country,occupation,employer_type,positions,
    valid_until,status.

    status: active/aktif, expired/kedaluwarsa, cancelled/dibatalkan, closed/ditutup,
    suspended/ditangguhkan, revoked/dicabut (any case); a past valid_until is expired whatever
    the status says. country: ISO 3166 two letters; employer_type: individual or company."""
    _run_import(lambda path: registry.import_job_orders(path, as_of.date(), allow_older), file)


@click.command("import-rules")
@click.argument("file", type=CSV_FILE)
def import_rules(file: str) -> None:
    """Replace rule data by kind: closed_domestic, no_route (countries), zero_cost (jobs),
    spsk_agency (licence numbers), help_line, channel, danger_word (note: the case category)."""
    _run_import(registry.import_rules, file)


@click.command("add-officer")
@click.option("--phone", required=True)
@click.option("--name", required=True)
@click.option("--village", "village_code", help="Village code (officers).")
@click.option("--role", type=click.Choice(officers.ROLES), default="officer", show_default=True)
@click.option("--district", help="District (supervisors; officers take their village's).")
@click.option("--pin", help="4-8 digits, for INFO <ref> <PIN> (stored hashed).")
@click.option("--password", help=f"The web desk's, {staff.MIN_PASSWORD} characters or more.")
@click.option(
    "--invite",
    is_flag=True,
    help=f"Send a one-time link by SMS to set the desk password ({staff_invites.INVITE_HOURS} h).",
)
def add_officer(
    phone: str,
    name: str,
    village_code: str | None,
    role: str,
    district: str | None,
    pin: str | None,
    password: str | None,
    invite: bool,
) -> None:
    """Add or update a village officer, a district supervisor or an operator (web desk)."""
    if pin is not None and not (pin.isdigit() and 4 <= len(pin) <= 8):
        raise click.ClickException("--pin must be 4 to 8 digits")
    if password is not None and invite:
        raise click.ClickException("--password or --invite: one of them")
    if password is not None and len(password) < staff.MIN_PASSWORD:
        raise click.ClickException(f"--password needs {staff.MIN_PASSWORD} characters or more")
    try:
        with db.connection_context(), unit_of_work():  # the invite's SMS goes when it commits
            before = Officer.get_or_none(Officer.phone == normalise(phone))
            was = staff.scope_label(before) if before else None  # a move is said, not silent
            officer = officers.add(
                normalise(phone),
                name.strip(),
                role,
                village_code and "".join(filter(str.isdigit, village_code)),
                district,
            )
            if pin:
                pins.set_pin_hash(officer, crypto.hash_pin(pin))
            if password:
                staff.set_password(officer, password)
            if invite:
                staff_invites.invite(officer, current_app.config["PUBLIC_URL"])
    except InvalidPhoneError:
        raise click.ClickException(f"--phone {phone!r} is not a phone number") from None
    except officers.OfficerError as error:
        raise click.ClickException(str(error)) from None
    where = f"district {officer.district}" if officer.district else "every district"
    click.echo(f"{officer.role} {officer.name} ({officer.phone}), {where}")
    with db.connection_context():
        now = staff.scope_label(officer)
    if was is not None and (was, before.role) != (now, officer.role):
        click.echo(f"Moved: was {before.role} ({was}), now {officer.role} ({now}).")
    if invite:
        click.echo("A one-time link to set the desk password is on its way by SMS.")


@click.command("purge")
def purge_command() -> None:
    """Remove check-in answers and closed cases' texts older than RETENTION_DAYS (the
    scheduler does this daily)."""
    with db.connection_context():
        purged = retention.purge(current_app.config["RETENTION_DAYS"])
    click.echo(purged.describe())


@click.command("rotate-key")
def rotate_key() -> None:
    """Re-encrypt personal data with the first (newest) key of DATA_KEY; afterwards the older
    keys may be removed from DATA_KEY (docs/SECURITY.md)."""
    try:
        with db.connection_context():
            counts = rotation.rotate_all()
    except InvalidToken:
        raise click.ClickException(
            "a stored value opens with no key of DATA_KEY: keep the old key in DATA_KEY, after "
            "the new one (newest first), until rotate-key has run. Nothing was changed."
        ) from None
    total = sum(counts.values())
    click.echo(
        f"Re-encrypted {total} value(s) with the newest key: "
        + ", ".join(f"{table} {count}" for table, count in sorted(counts.items()) if count)
    )


@click.command("selftest")
@click.argument("url")
@click.option("--token", default="", help="WEBHOOK_TOKEN of that deployment, if it has one.")
@click.option(
    "--phone",
    default="+6281200000000",
    help="The number the test SMS come from; against production use your own: replies are real.",
)
def selftest_command(url: str, token: str, phone: str) -> None:
    """Replay Africa's Talking's requests (USSD hops and events, incoming SMS, every delivery
    status, malformed bodies) against the deployment at URL; print a pass/fail table."""
    results = selftest.run(url, token, phone)
    width = max(len(name) for name, _ in results)
    for name, outcome in results:
        mark = "PASS" if outcome == "ok" else "FAIL"
        click.echo(f"{mark}  {name:{width}}  {'' if outcome == 'ok' else outcome}".rstrip())
    failed = sum(outcome != "ok" for _, outcome in results)
    click.echo(f"{len(results) - failed} passed, {failed} failed")
    if failed:
        raise SystemExit(1)


@click.command("seed-demo")
def seed_demo() -> None:
    """Load a small, clearly fictional demo data set (local runs only; safe to run again)."""
    try:
        with db.connection_context(), db.atomic():
            done = demo.seed(current_app.config["ENV"])
    except demo.DemoRefusedError as error:
        raise click.ClickException(f"{error}. Nothing was loaded.") from None
    click.echo("\n".join(done))


def register(app: Flask) -> None:
    """Attach the commands to the app."""
    for command in (
        outbox_cli,
        alerts_cli,
        checkins_cli,
        import_villages,
        import_households,
        import_agencies,
        import_job_orders,
        import_rules,
        add_officer,
        seed_demo,
        selftest_command,
        rotate_key,
        purge_command,
    ):
        app.cli.add_command(command)
