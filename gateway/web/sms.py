"""SMS callbacks: inbound messages and delivery reports."""

from __future__ import annotations

from flask import Blueprint, Response, current_app

from gateway import delivery
from gateway.phone import InvalidPhoneError, normalise
from gateway.sms.inbound import BadCallbackError, receive
from gateway.web.common import callback_form, check_callback, plain

bp = Blueprint("sms", __name__, url_prefix="/sms")
bp.before_request(check_callback)


@bp.post("/incoming")
def incoming() -> Response:
    """Store an inbound SMS and queue its answer; a replayed callback id is acknowledged only."""
    config = current_app.config
    try:
        handled = receive(callback_form(), config["DEFAULT_LANGUAGE"], config["USSD_CODE"])
    except BadCallbackError as error:
        return plain(str(error), 400)
    return plain("OK" if handled else "OK (already handled)")


@bp.post("/delivery")
def delivery_report() -> Response:
    """Apply a delivery report to the outbox row with that provider id."""
    form = callback_form()
    provider_id = (form.get("id") or "").strip()
    status = (form.get("status") or "").strip()
    if not provider_id or len(provider_id) > 100 or status not in delivery.DELIVERY_STATUSES:
        return plain("id and a known status are required", 400)
    reason = (form.get("failureReason") or "")[:200]
    try:
        phone = normalise(form.get("phoneNumber") or "")
    except InvalidPhoneError:
        phone = None  # only used to settle a send whose answer never came
    known = delivery.record_delivery(provider_id, status, reason, phone)
    return plain("OK" if known else "OK (unknown id, kept)")
