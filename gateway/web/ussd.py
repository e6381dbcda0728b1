"""USSD callbacks: one step of a session, and the end-of-session event."""

from __future__ import annotations

import logging

from flask import Blueprint, Response, current_app, request
from peewee import DatabaseError
from werkzeug.exceptions import HTTPException

from gateway import i18n, limits, outbox, people, queues, ussd
from gateway.models import UssdSessionEvent
from gateway.phone import InvalidPhoneError, normalise
from gateway.web.common import callback_form, check_callback, plain

log = logging.getLogger(__name__)
bp = Blueprint("ussd", __name__)
bp.before_request(check_callback)


def _default_text(key: str) -> str:
    config = current_app.config
    return i18n.text(config["DEFAULT_LANGUAGE"], key, ussd_code=config["USSD_CODE"])


@bp.post("/ussd")
def step() -> Response:
    """Answer one USSD request with `CON <screen>` or `END <screen>`."""
    form = callback_form()
    session_id = (form.get("sessionId") or "").strip()
    if not session_id or len(session_id) > 100:
        return plain("END sessionId is required", 400)
    text = form.get("text") or ""
    if len(text) > ussd.MAX_TEXT:
        return plain("END " + _default_text("error.session_too_long"))
    try:
        phone = normalise(form.get("phoneNumber") or "")
    except InvalidPhoneError:
        return plain("END " + _default_text("error.invalid_phone"))
    config = current_app.config
    too_many = not text and (  # counted per new session
        limits.count("ussd", phone, "USSD_SESSIONS_PER_HOUR") is not limits.Verdict.ALLOW
    )
    if too_many:
        lang = people.language_for(phone, config["DEFAULT_LANGUAGE"])  # a session too many
        return plain("END " + i18n.text(lang, "limit.ussd"))
    with outbox.batch():  # alerts a step raises (a broker report, a scam wave) go after it
        reply = ussd.respond(
            queues.redis(),
            session_id,
            phone,
            text,
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
    form = callback_form()
    session_id = (form.get("sessionId") or "").strip()
    status = (form.get("status") or "").strip()
    if not session_id or len(session_id) > 100 or not status or len(status) > 20:
        return plain("sessionId and status are required", 400)
    try:
        phone = normalise(form.get("phoneNumber") or "")
    except InvalidPhoneError:
        return plain("phoneNumber is not a phone number", 400)
    duration = form.get("durationInMillis") or ""
    fields = {
        "phone": phone,
        "status": status,
        "input": ussd.masked(form.get("input") or "")[:2000],
        "last_app_response": (form.get("lastAppResponse") or "")[:2000],
        "duration_ms": int(duration) if duration.isdigit() and len(duration) < 10 else None,
        "error_message": (form.get("errorMessage") or "")[:2000] or None,
        "provider_date": (form.get("date") or "")[:40] or None,
    }
    if status in ("Incomplete", "Failed"):
        _tell_how_to_resume(phone)
    (
        UssdSessionEvent.insert(session_id=session_id, **fields)
        .on_conflict(conflict_target=[UssdSessionEvent.session_id], update=fields)
        .execute()
    )
    return plain("OK")


def _tell_how_to_resume(phone: str) -> None:
    """One SMS a day to someone whose registration was cut off: the answers wait for them."""
    lang = ussd.was_cut_off(queues.redis(), phone)
    if lang:
        code = current_app.config["USSD_CODE"]
        with outbox.batch():
            outbox.add(phone, i18n.text(lang, "sms.resume", ussd_code=code))
