"""Broadcast on the desk: one SMS to the families of a village (an officer's own; a
supervisor's district or one of its villages; any village for an operator), and its counts."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_login import current_user, login_required
from wtforms import BooleanField, SelectChoice, SelectField, TextAreaField
from wtforms.validators import Length

from gateway import broadcasts, gsm7
from gateway.i18n import desk_text
from gateway.transactions import unit_of_work
from gateway.web import desk
from gateway.web.forms import DeskForm

bp = Blueprint("broadcasts", __name__, url_prefix="/desk/broadcasts")
desk.guard(bp)
desk.add_nav("broadcasts.broadcast_list", desk_text("nav.broadcasts"))


class BroadcastForm(DeskForm):
    """Where to, the text, and the box that lets a long text go."""

    place = SelectField(desk_text("broadcasts.place"), validate_choice=False)
    text = TextAreaField(
        desk_text("broadcasts.text"), validators=[Length(max=broadcasts.TEXT_ROOM)]
    )
    confirmed = BooleanField(desk_text("broadcasts.confirmed"))


def _page(form: BroadcastForm, status: int = 200):
    form.place.choices = [SelectChoice(v, label) for v, label in broadcasts.choices(current_user)]
    length = broadcasts.measure(broadcasts.with_opt_out((form.text.data or "").strip()))
    return render_template(
        "desk/broadcasts.html",
        form=form,
        length=length,
        sent=broadcasts.latest(current_user),
        place=broadcasts.place,
        basic=gsm7.BASIC,
        extension=gsm7.EXTENSION,
        plain=gsm7.PLAIN,
        opt_out=broadcasts.OPT_OUT,
        text_room=broadcasts.TEXT_ROOM,
    ), status


@bp.get("/")
@login_required
def broadcast_list():
    """The form, and the latest broadcasts in scope."""
    return _page(BroadcastForm())


@bp.post("/")
@login_required
def broadcast_send():
    """Send it (a place out of scope is a 403); the server counts the text again."""
    form = BroadcastForm()
    if not form.validate_on_submit():
        return _page(form, 400)
    try:
        with unit_of_work():
            broadcast = broadcasts.send(
                current_user, form.place.data or "", form.text.data or "", form.confirmed.data
            )
    except broadcasts.OutOfScopeError:
        abort(403)
    except broadcasts.BroadcastRefusedError as refused:
        flash(str(refused), "error")
        return _page(form, 422)
    flash(desk_text("broadcasts.saved", n=broadcast.recipients), "ok")
    return redirect(url_for("broadcasts.broadcast_page", broadcast_id=broadcast.id))


@bp.get("/<id:broadcast_id>")
@login_required
def broadcast_page(broadcast_id: int):
    """The broadcast and its SMS by status (queued, sent, delivered, failed, suppressed)."""
    broadcast, allowed = broadcasts.find(current_user, broadcast_id)
    if broadcast is None:
        abort(404)
    if not allowed:
        abort(403)
    return render_template(
        "desk/broadcast.html",
        broadcast=broadcast,
        counts=broadcasts.counts(broadcast),
        place=broadcasts.place(broadcast),
        length=broadcasts.measure(broadcast.text),
    )
