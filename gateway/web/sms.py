"""SMS callbacks: inbound messages and delivery reports."""

from __future__ import annotations

from flask import Blueprint, Response, current_app

from gateway import delivery
from gateway.providers.africastalking import DeliveryReport, IncomingSms
from gateway.sms import inbound
from gateway.web.common import callback_form, check_callback, plain, refuse_bad_callbacks

bp = Blueprint("sms", __name__, url_prefix="/sms")
bp.before_request(check_callback)
refuse_bad_callbacks(bp)


@bp.post("/incoming")
def incoming() -> Response:
    """Store an inbound SMS and queue its answer; a replayed callback id is acknowledged only."""
    config = current_app.config
    message = IncomingSms.parse(callback_form())
    handled = inbound.receive(message, config["DEFAULT_LANGUAGE"], config["USSD_CODE"])
    return plain("OK" if handled else "OK (already handled)")


@bp.post("/delivery")
def delivery_report() -> Response:
    """Apply a delivery report to the outbox row with that provider id."""
    known = delivery.receive(DeliveryReport.parse(callback_form()))
    return plain("OK" if known else "OK (unknown id, kept)")
