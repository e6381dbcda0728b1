"""What every callback blueprint shares: WEBHOOK_TOKEN / WEBHOOK_ALLOWED_IPS, plain replies."""

from __future__ import annotations

import hmac
import ipaddress
from urllib.parse import parse_qsl

from flask import Blueprint, Response, abort, current_app, request

from gateway.providers.africastalking import BadCallbackError


def check_callback() -> None:
    """Refuse (403) a callback without the configured token or from outside the allowed networks."""
    token = current_app.config["WEBHOOK_TOKEN"]
    given = request.args.get("token", "")
    if token and not hmac.compare_digest(given.encode(), token.encode()):
        abort(403)
    networks = current_app.config["WEBHOOK_ALLOWED_IPS"]
    if networks:
        try:
            address = ipaddress.ip_address(request.remote_addr or "")
        except ValueError:
            abort(403)
        if not any(address in network for network in networks):
            abort(403)


def plain(text: str, status: int = 200) -> Response:
    """A text/plain response, as telcos and the SMS provider expect."""
    return Response(text, status=status, mimetype="text/plain")


def refuse_bad_callbacks(bp: Blueprint, prefix: str = "") -> None:
    """A callback missing what we need gets a 400 naming the field (the provider logs it)."""

    @bp.errorhandler(BadCallbackError)
    def bad_callback(error: BadCallbackError) -> Response:
        return plain(prefix + str(error), 400)


# NUL and the other control characters, but tab and line breaks: PostgreSQL refuses NUL in
# text (every retry of the callback would fail), and none of them means anything in an SMS.
CONTROL_CHARACTERS = dict.fromkeys([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])


def callback_form() -> dict[str, str]:
    """The callback's form fields; bytes that are not UTF-8 become U+FFFD rather than vanishing,
    and control characters go."""
    if request.mimetype != "application/x-www-form-urlencoded":
        fields = request.form.to_dict()
    else:
        body = request.get_data(cache=True).decode("utf-8", "replace")
        fields = dict(parse_qsl(body, keep_blank_values=True, encoding="utf-8", errors="replace"))
    return {
        key.translate(CONTROL_CHARACTERS): value.translate(CONTROL_CHARACTERS)
        for key, value in fields.items()
    }
