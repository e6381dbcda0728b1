"""SMS callbacks: inbound messages and delivery reports."""

from __future__ import annotations

import logging

from flask import Blueprint, Response, current_app

from gateway import delivery
from gateway.providers.africastalking import (
    DeliveryReport,
    IncomingSms,
    NotAPhoneError,
    UnknownStatusError,
)
from gateway.sms import inbound
from gateway.web.common import callback_form, check_callback, plain, refuse_bad_callbacks

log = logging.getLogger(__name__)

bp = Blueprint("sms", __name__, url_prefix="/sms")
bp.before_request(check_callback)
refuse_bad_callbacks(bp)


@bp.post("/incoming")
def incoming() -> Response:
    """Store an inbound SMS and queue its answer; a replayed callback id is acknowledged only."""
    config = current_app.config
    form = callback_form()
    try:
        message = IncomingSms.parse(form)
    except NotAPhoneError:
        # A telco's or a service's own SMS ("Telkomsel", "3000"): nobody to answer, and a
        # 400 would only have the provider send it again and again.
        log.info("SMS %r from %r, not a phone number: ignored", form.get("id"), form.get("from"))
        return plain("OK (not from a phone number: ignored)")
    handled = inbound.receive(message, config["DEFAULT_LANGUAGE"], config["USSD_CODE"])
    return plain("OK" if handled else "OK (already handled)")


@bp.post("/delivery")
def delivery_report() -> Response:
    """Apply a delivery report to the outbox row with that provider id."""
    form = callback_form()
    try:
        report = DeliveryReport.parse(form)
    except UnknownStatusError as error:
        # Nothing to apply, and a 400 would only have the provider send it again: logged.
        log.warning("delivery report %r: %s", form.get("id"), error)
        return plain("OK (status not known: logged)")
    known = delivery.receive(report)
    return plain("OK" if known else "OK (unknown id, kept)")
