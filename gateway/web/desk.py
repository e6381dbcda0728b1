"""The web desk for officers, supervisors and operators: login, the cases in their scope, a
case's page (acknowledge, close, add a note). Every view of personal data is logged."""

from __future__ import annotations

from flask import (
    Blueprint,
    Flask,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask.sessions import SecureCookieSessionInterface
from flask_login import LoginManager, current_user, login_required, login_user, logout_user
from flask_wtf.csrf import CSRFProtect
from werkzeug.exceptions import HTTPException
from wtforms import PasswordField, StringField, TextAreaField
from wtforms.validators import DataRequired, EqualTo, Length

from gateway import alerts, case_lists, cases, i18n, staff, staff_invites
from gateway.i18n import desk_text
from gateway.phone import InvalidPhoneError, normalise
from gateway.statuses import AlertState, OfficerRole
from gateway.transactions import unit_of_work
from gateway.web import local_times
from gateway.web.forms import DeskForm

bp = Blueprint("desk", __name__, url_prefix="/desk")
login_manager = LoginManager()
login_manager.login_view = "desk.login"
login_manager.login_message = desk_text("login.required")
csrf = CSRFProtect()
# The desk's menu: (endpoint, label, roles that see it); each page's module adds its own.
NAV: list[tuple[str, str, tuple[str, ...]]] = [
    ("desk.case_list", desk_text("nav.cases"), tuple(OfficerRole))
]


def add_nav(endpoint: str, label: str, roles: tuple[str, ...] = tuple(OfficerRole)) -> None:
    """Put a page in the desk's menu for these roles (all staff by default)."""
    NAV.append((endpoint, label, roles))


class DeskSessions(SecureCookieSessionInterface):
    """Signed-cookie sessions for the desk; none for the provider's callbacks, which carry no
    cookie (opening and saving one was a tenth of a USSD step)."""

    def __init__(self, callback_paths: frozenset[str]):
        self.callback_paths = callback_paths

    def open_session(self, app, request):
        """A null session (never saved) for a callback; the desk's cookie session otherwise."""
        if request.path in self.callback_paths:
            return self.make_null_session(app)
        return super().open_session(app, request)


def init_app(app: Flask, callbacks: list[Blueprint]) -> None:
    """Sessions and CSRF for the desk; the provider's callbacks carry no cookie and no CSRF
    token (they are registered already)."""
    names = {blueprint.name for blueprint in callbacks}
    app.session_interface = DeskSessions(
        frozenset(r.rule for r in app.url_map.iter_rules() if r.endpoint.split(".")[0] in names)
    )
    login_manager.init_app(app)
    csrf.init_app(app)
    for blueprint in callbacks:
        csrf.exempt(blueprint)
    app.add_template_filter(lambda category: i18n.text("id", f"category.{category}"), "category")
    app.add_template_filter(lambda state: i18n.text("id", f"case_state.{state}"), "case_state")
    app.add_template_filter(lambda code: i18n.country("id", code), "country")
    app.add_template_global(desk_text, "t")
    app.add_template_filter(local_times.local_time)
    app.add_template_filter(local_times.local_date)
    app.context_processor(_menu)
    app.after_request(_never_cached)
    app.register_blueprint(bp)
    # The addresses people are given for the desk (DESIGN section 7): "/" and "/login".
    app.add_url_rule("/", "desk_home", lambda: redirect(url_for("desk.case_list")))
    app.add_url_rule(
        "/login", "desk_login", lambda: redirect(url_for("desk.login", **request.args))
    )


def _never_cached(response):
    """Desk pages hold personal data: a shared laptop's Back button after logout shows none."""
    if request.path.startswith("/desk"):
        response.headers["Cache-Control"] = "no-store"
    return response


def explain(error):
    """A 400, 403, 404, 405 or 413 that says what happened and where to go."""
    return render_template("desk/error.html", code=error.code), error.code


def _refuse_nul() -> None:
    """A NUL in a desk URL or form (a broken encoding, or a probe) is a 400 page, never a query
    that PostgreSQL refuses with a 500 (it takes no NUL in text)."""
    values = [request.path]
    for given in (request.args, request.form):
        values += [value for key, listed in given.lists() for value in (key, *listed)]
    if any("\x00" in value for value in values):
        abort(400)


def guard(blueprint: Blueprint) -> None:
    """A desk blueprint's input checked for NUL, and its errors as pages that explain."""
    blueprint.before_request(_refuse_nul)
    for code in (400, 403, 404):
        blueprint.register_error_handler(code, explain)


guard(bp)


def _menu() -> dict:
    """The menu entries the logged-in user's role may open."""
    if not current_user.is_authenticated:
        return {"desk_nav": []}
    return {"desk_nav": [(e, label) for e, label, roles in NAV if current_user.role in roles]}


@login_manager.user_loader
def load_user(session_id: str):
    """The staff member of this session (None: logged out, or the password changed)."""
    return staff.load(session_id)


class LoginForm(DeskForm):
    """Phone number and password."""

    phone = StringField(desk_text("common.phone"), validators=[DataRequired(), Length(max=40)])
    password = PasswordField(
        desk_text("login.password"), validators=[DataRequired(), Length(max=200)]
    )


class NoteForm(DeskForm):
    """A note on a case (required to close it)."""

    note = TextAreaField(desk_text("case.note"), validators=[Length(max=cases.NOTE_LENGTH)])


@bp.route("/login", methods=["GET", "POST"])
def login():
    """The login page; a wrong phone or password says so, five in a row lock for 15 minutes."""
    form = LoginForm()
    if form.validate_on_submit():
        try:
            officer = staff.authenticate(normalise(form.phone.data), form.password.data)
        except InvalidPhoneError:
            officer = None
        except staff.LoginLockedError:
            flash(desk_text("login.locked"), "error")
            return render_template("desk/login.html", form=form), 429
        if officer is not None:
            session.permanent = True  # the cookie ends after DESK_SESSION_MINUTES
            login_user(officer)
            return redirect(_after_login(request.args.get("next", "")))
        flash(desk_text("login.wrong"), "error")
    return render_template("desk/login.html", form=form)


def _after_login(wanted: str) -> str:
    """The desk page asked for before the login (Flask-Login's `next`), never another site's;
    for a button's address (a case's "acknowledge", sent when the login had expired) the page
    the button is on, to press it again."""
    if not (wanted.startswith("/desk/") and "//" not in wanted and "\\" not in wanted):
        return url_for("desk.case_list")
    path = wanted.split("?")[0]
    for page in (path, path.rsplit("/", 1)[0]):
        try:
            endpoint, args = current_app.url_map.bind("").match(page, method="GET")
        except HTTPException:
            continue
        return wanted if page == path else url_for(endpoint, **args)
    return url_for("desk.case_list")


class NewPasswordForm(DeskForm):
    """A new password, typed twice."""

    password = PasswordField(
        desk_text("password.new", n=staff.MIN_PASSWORD),
        validators=[DataRequired(), Length(min=staff.MIN_PASSWORD, max=200)],
    )
    again = PasswordField(
        desk_text("password.again"),
        validators=[EqualTo("password", desk_text("password.mismatch"))],
    )


@bp.route("/sandi", methods=["GET", "POST"])
def set_password():
    """The page a first-login link opens (?t=): choose a password, then in to the desk."""
    token = request.args.get("t", "")
    officer = staff_invites.holder(token)
    if officer is None:
        return render_template("desk/set_password.html", form=None), 404
    form = NewPasswordForm()
    if form.validate_on_submit():
        with unit_of_work():
            officer = staff_invites.accept(officer, form.password.data)
        if officer is None:
            return render_template("desk/set_password.html", form=None), 404
        session.permanent = True
        login_user(officer)
        flash(desk_text("password.saved"), "ok")
        return redirect(url_for("desk.case_list"))
    return render_template("desk/set_password.html", form=form, officer=officer)


@bp.post("/logout")
@csrf.exempt  # a login already expired: its form's token too, and leaving must still work
@login_required
def logout():
    """End the session, and any copy of its cookie."""
    with unit_of_work():
        staff.end_sessions(current_user)
    logout_user()
    return redirect(url_for("desk.login"))


@bp.get("/")
@login_required
def case_list():
    """The open cases in the user's scope, urgent first, then the oldest."""
    return render_template(
        "desk/cases.html",
        cases=case_lists.open_for(current_user),
        escalating={state.value for state in alerts.OPEN},  # acknowledged ones never escalate
        scope=staff.scope_label(current_user),
    )


def in_scope_or_abort(found, allowed: bool):
    """`found`, if there is such a row (else 404) in the user's scope (else 403: another
    village's case or family, the URL alone opens nothing)."""
    if found is None:
        abort(404)
    if not allowed:
        abort(403)
    return found


def _case_or_abort(ref: str):
    return in_scope_or_abort(*staff.case(current_user, ref))


@bp.get("/cases/<ref>")
@login_required
def case_page(ref: str):
    """The case in full (the child's details show only here and by INFO); the view is logged."""
    alert = _case_or_abort(ref)
    with unit_of_work():
        alerts.note_viewed(alert, current_user.phone)
    return render_template(
        "desk/case.html",
        alert=alert,
        details=cases.details(alert, "id"),
        history=staff.history(alert),
        form=NoteForm(),
        own_report=cases.own_report(current_user, alert),
    )


@bp.post("/cases/<ref>/<action>")
@login_required
def case_action(ref: str, action: str):
    """Acknowledge, close (with a note) or add a note to the case."""
    alert = _case_or_abort(ref)
    form = NoteForm()
    if not form.validate_on_submit() or action not in ("acknowledge", "close", "note"):
        abort(400)
    note = (form.note.data or "").strip()
    if action != "note" and cases.own_report(current_user, alert):
        flash(desk_text("case.own_report", ref=alert.ref), "error")
        return redirect(url_for("desk.case_page", ref=alert.ref))
    if action in ("close", "note") and not cases.closing_note_enough(note):
        flash(desk_text("case.note_too_short"), "error")
        return redirect(url_for("desk.case_page", ref=alert.ref))
    with unit_of_work():
        if action == "note":
            alerts.add_note(alert, current_user.phone, note)
            flash(desk_text("case.note_saved"), "ok")
        else:
            state = AlertState.ACKNOWLEDGED if action == "acknowledge" else AlertState.CLOSED
            already = cases.take(current_user, alert, state, note)
            if already is None:
                flash(
                    desk_text(
                        "case.done_acknowledge" if action == "acknowledge" else "case.done_close",
                        ref=alert.ref,
                    ),
                    "ok",
                )
            else:
                state_name = i18n.text("id", f"case_state.{already}")
                flash(desk_text("case.already", ref=alert.ref, state=state_name), "error")
    return redirect(url_for("desk.case_page", ref=alert.ref))


@bp.get("")
def home():
    """/desk: the cases."""
    return redirect(url_for("desk.case_list"))
