"""USSD callbacks: one step of a session, and the end-of-session event."""

from __future__ import annotations

import logging

from flask import Blueprint, Response, current_app, request
from peewee import DatabaseError
from werkzeug.exceptions import HTTPException

from gateway import i18n, queues, sessions
from gateway.phone import InvalidPhoneError
from gateway.providers.africastalking import BadCallbackError, UssdEnd, UssdRequest
from gateway.web.common import callback_form, check_callback, plain, refuse_bad_callbacks

log = logging.getLogger(__name__)
bp = Blueprint("ussd", __name__)
bp.before_request(check_callback)
refuse_bad_callbacks(bp)


def _default_text(key: str) -> str:
    config = current_app.config
    return i18n.text(config["DEFAULT_LANGUAGE"], key, ussd_code=config["USSD_CODE"])


@bp.post("/ussd")
def step() -> Response:
    """Answer one USSD request with `CON <screen>` or `END <screen>`."""
    try:
        ussd = UssdRequest.parse(callback_form())
    except BadCallbackError as error:
        return plain(f"END {error}", 400)
    except InvalidPhoneError:
        return plain("END " + _default_text("error.invalid_phone"))
    if len(ussd.text) > sessions.MAX_TEXT:
        return plain("END " + _default_text("error.session_too_long"))
    config = current_app.config
    reply = sessions.respond(
        queues.redis(),
        ussd,
        config["DEFAULT_LANGUAGE"],
        ttl_seconds=config["USSD_SESSION_MINUTES"] * 60,
        ussd_code=config["USSD_CODE"],
    )
    return plain(("END " if reply.end else "CON ") + reply.text)


@bp.errorhandler(Exception)
def apologise(error: Exception) -> Response:
    """Whatever broke (a database down, a bug), the person sees a short apology, not the
    telco's generic failure; the error goes to the log with its traceback."""
    if isinstance(error, HTTPException):
        return error  # 403, 413...: as they are
    if not isinstance(error, DatabaseError):
        log.exception("USSD callback failed")
    if request.endpoint != "ussd.step":  # an event nobody reads: the provider sends it again
        return plain("unavailable, try again later", 503)
    return plain("END " + _default_text("error.unavailable"))


@bp.post("/ussd/events")
def session_event() -> Response:
    """Store the end-of-session notification (once per session, replays update it)."""
    end = UssdEnd.parse(callback_form())
    sessions.record_end(queues.redis(), end, current_app.config["USSD_CODE"])
    return plain("OK")
