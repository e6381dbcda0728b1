"""The operators' pages of the desk (role operator only): imports from an uploaded file, staff
accounts, the outbox (resend a failed SMS), the queues' health and the access log."""

from __future__ import annotations

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_login import current_user
from flask_wtf.file import FileField, FileRequired
from redis import RedisError
from werkzeug.exceptions import RequestEntityTooLarge
from wtforms import BooleanField, DateField, PasswordField, SelectChoice, SelectField, StringField
from wtforms.validators import DataRequired, Length, Optional

from gateway import (
    access_log,
    officers,
    outbox_listing,
    queues,
    staff_accounts,
    staff_invites,
    uploads,
)
from gateway.csv_rows import ImportFileError
from gateway.i18n import desk_text, import_reasons
from gateway.i18n.desk_ops import OUTBOX_WORDS, PROVIDER_WORDS, WORKER_STATES
from gateway.outbox import resend
from gateway.phone import InvalidPhoneError, normalise
from gateway.statuses import OfficerRole, OutboxStatus
from gateway.transactions import unit_of_work
from gateway.web import desk
from gateway.web.forms import DeskForm

bp = Blueprint("operators", __name__, url_prefix="/desk/ops")
desk.guard(bp)
OPERATOR = (OfficerRole.OPERATOR.value,)
for endpoint, label in (
    ("operators.imports", desk_text("nav.imports")),
    ("operators.staff_list", desk_text("nav.staff")),
    ("operators.outbox_page", desk_text("nav.outbox")),
    ("operators.queue_health", desk_text("nav.queues")),
    ("operators.access", desk_text("nav.access")),
):
    desk.add_nav(endpoint, label, OPERATOR)


@bp.app_template_filter("in_indonesian")
def in_indonesian(word: str) -> str:
    """What an import created ("villages"), in the desk's Indonesian."""
    return import_reasons.indonesian(word, {})


@bp.app_template_filter("outbox_word")
def outbox_word(value: str) -> str:
    """An outbox status or kind ("queued", "reply") in the desk's Indonesian."""
    return OUTBOX_WORDS.get(value, value)


@bp.app_template_filter("provider_word")
def provider_word(value: str) -> str:
    """The provider's delivery status or failure reason in the desk's Indonesian, its own word
    beside it ("nomor menolak SMS layanan (UserInBlacklist)"); anything else as it is."""
    return f"{PROVIDER_WORDS[value]} ({value})" if value in PROVIDER_WORDS else value


UPLOAD_ROOM = uploads.MAX_BYTES + 64 * 1024  # the largest file and the form around it


def room_for_uploads() -> None:
    """An operator's upload takes a district's register (uploads.MAX_BYTES); every other
    request, an anonymous one to the same page too, stays within the app's 64 kB."""
    if request.endpoint == "operators.imports" and _is_operator():
        request.max_content_length = UPLOAD_ROOM


def _is_operator() -> bool:
    return current_user.is_authenticated and current_user.role == OfficerRole.OPERATOR


@bp.errorhandler(RequestEntityTooLarge)
def too_large(_error: RequestEntityTooLarge):
    """A file over the limit: the imports page says so, in the desk's words (to operators)."""
    if not _is_operator():
        return operators_only() or ("", 413)
    error = desk_text("ops.imports.too_large", most=uploads.MAX_BYTES // (1024 * 1024))
    form = ImportForm(formdata=None)  # the request body is what was too large: left unread
    page = render_template("desk/ops/imports.html", form=form, report=None, error=error)
    return page, 413


@bp.before_request
def operators_only():
    """Log in first; then operators only (a 403 that says so for anyone else)."""
    if not current_user.is_authenticated:
        return desk.login_manager.unauthorized()
    if current_user.role != OfficerRole.OPERATOR:
        return render_template("desk/ops/operators_only.html"), 403
    return None


class ImportForm(DeskForm):
    """A CSV file, what it holds, and the registry export's date."""

    kind = SelectField(
        desk_text("ops.imports.kind"),
        choices=[SelectChoice(k, v[0]) for k, v in uploads.KINDS.items()],
    )
    as_of = DateField(desk_text("ops.imports.as_of"), validators=[Optional()])
    file = FileField(desk_text("ops.imports.file"), validators=[FileRequired()])


@bp.route("/imports", methods=["GET", "POST"])
def imports():
    """Upload a file; the row report of the same import the CLI runs."""
    form, report, error = ImportForm(), None, None
    if form.validate_on_submit():
        upload = form.file.data
        try:
            report = uploads.run(
                form.kind.data,
                upload.read(),
                upload.filename or desk_text("ops.imports.unnamed_file"),
                form.as_of.data,
            )
        except ImportFileError as refused:
            error = refused.reason.indonesian()
    refused_form = bool(form.errors) and request.method == "POST"  # e.g. an unknown kind
    status = 422 if error or refused_form or (report and report.refused) else 200
    return render_template("desk/ops/imports.html", form=form, report=report, error=error), status


class StaffForm(DeskForm):
    """A new officer or supervisor (or new details for one)."""

    phone = StringField(desk_text("common.phone"), validators=[DataRequired(), Length(max=40)])
    name = StringField(desk_text("common.name"), validators=[DataRequired(), Length(max=60)])
    role = SelectField(
        desk_text("common.role"),
        choices=[
            SelectChoice("officer", desk_text("ops.staff.village_officer")),
            SelectChoice("supervisor", desk_text("ops.staff.district_supervisor")),
        ],
    )
    village = StringField(desk_text("ops.staff.village_code"), validators=[Length(max=20)])
    district = StringField(desk_text("ops.staff.district"), validators=[Length(max=100)])
    pin = PasswordField(desk_text("ops.staff.pin"), validators=[Length(max=8)])
    password = PasswordField(desk_text("ops.staff.password"), validators=[Length(max=200)])
    replace = BooleanField(desk_text("ops.staff.replace"))


class SecretForm(DeskForm):
    """A new PIN or password for one staff member."""

    secret = PasswordField(
        desk_text("ops.staff.new_secret"), validators=[DataRequired(), Length(max=200)]
    )


class CsrfOnlyForm(DeskForm):
    """A button's form: only the CSRF token."""


@bp.route("/staff", methods=["GET", "POST"])
def staff_list():
    """Every staff member; add an officer or a supervisor."""
    form = StaffForm()
    if form.validate_on_submit():
        try:
            with unit_of_work():
                added = staff_accounts.add(
                    normalise(form.phone.data),
                    form.name.data.strip(),
                    form.role.data,
                    form.village.data or "",
                    form.district.data or "",
                    form.pin.data or "",
                    form.password.data or "",
                    replace=form.replace.data,
                )
                invited = not added.password_hash  # no password yet: a link to set one
                if invited:
                    staff_invites.invite(added, current_app.config["PUBLIC_URL"])
            saved = desk_text(
                "ops.staff.saved_invited" if invited else "ops.staff.saved",
                name=added.name,
                phone=added.phone,
            )
            flash(saved, "ok")
            return redirect(url_for("operators.staff_list"))
        except InvalidPhoneError:
            flash(desk_text("ops.staff.bad_phone"), "error")
        except officers.OfficerError as error:
            flash(desk_text("ops.staff.not_saved", error=error), "error")
    return render_template(
        "desk/ops/staff.html", form=form, people=staff_accounts.listing(), secret=SecretForm()
    )


@bp.post("/staff/<id:officer_id>/<what>")
def staff_secret(officer_id: int, what: str):
    """Reset a staff member's PIN or password."""
    form = SecretForm()
    if what not in ("pin", "password") or not form.validate_on_submit():
        abort(400)
    reset = staff_accounts.reset_pin if what == "pin" else staff_accounts.reset_password
    return _change_account(
        lambda: reset(officer_id, form.secret.data),
        lambda error: desk_text("ops.staff.not_changed", error=error),
        lambda officer: desk_text(
            "ops.staff.pin_changed" if what == "pin" else "ops.staff.password_changed",
            name=officer.name,
        ),
    )


@bp.post("/staff/<id:officer_id>/invite")
def staff_invite(officer_id: int):
    """Text an officer or supervisor a one-time link to set their desk password."""
    if not CsrfOnlyForm().validate_on_submit():
        abort(400)
    return _change_account(
        lambda: staff_accounts.send_invite(officer_id, current_app.config["PUBLIC_URL"]),
        lambda error: desk_text("ops.staff.not_sent", error=error),
        lambda officer: desk_text("ops.staff.invite_sent", phone=officer.phone),
    )


def _change_account(change, refused, done):
    """Run a change to one staff account in a unit of work (404 when there is no such account),
    say how it went (`refused` words a refusal, `done` the change made), and go back to the staff
    list."""
    try:
        with unit_of_work():
            officer = change()
    except officers.OfficerError as error:
        flash(refused(error), "error")
        return redirect(url_for("operators.staff_list"))
    if officer is None:
        abort(404)
    flash(done(officer), "ok")
    return redirect(url_for("operators.staff_list"))


@bp.get("/outbox")
def outbox_page():
    """Each SMS's recipient, kind, status, attempts, delivery report and failure reason."""
    status = request.args.get("status") or None
    if status is not None and status not in set(OutboxStatus):
        abort(404)
    number = request.args.get("page", 1, type=int)
    return render_template(
        "desk/ops/outbox.html",
        page=outbox_listing.page(status, number),
        statuses=list(OutboxStatus),
        form=CsrfOnlyForm(),
    )


@bp.post("/outbox/<id:row_id>/resend")
def outbox_resend(row_id: int):
    """Send a failed SMS again (its attempts counted afresh)."""
    if not CsrfOnlyForm().validate_on_submit():
        abort(400)
    with unit_of_work():
        done = resend(row_id)
    if done:
        flash(desk_text("ops.outbox.requeued", id=row_id), "ok")
    else:
        flash(desk_text("ops.outbox.not_failed", id=row_id), "error")
    return redirect(url_for("operators.outbox_page", status=request.args.get("status")))


@bp.app_template_filter("worker_state")
def worker_state(state: str) -> str:
    """An RQ worker's state in the desk's words (one RQ may add later: as RQ says it)."""
    return WORKER_STATES.get(state, state)


@bp.get("/queues")
def queue_health():
    """Depth per queue, workers alive, failed jobs."""
    try:
        health, down = queues.health(), None
    except RedisError as error:
        health, down = None, str(error)
    return render_template("desk/ops/queues.html", health=health, down=down)


@bp.get("/access")
def access():
    """Who read whose personal data, newest first (?actor= one staff member's phone)."""
    actor = request.args.get("actor", "").strip()
    try:
        actor = normalise(actor) if actor else None
    except InvalidPhoneError:
        abort(404)
    looks = access_log.recent(actor)
    return render_template("desk/ops/access.html", looks=looks, actor=actor)
