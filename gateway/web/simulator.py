"""The phone simulator (/simulator): a feature phone in the browser that walks the real /ussd
and /sms/incoming callbacks and reads the replies from the outbox. On only when SIMULATOR is
(local runs, or SIMULATOR=1): it shows any number's SMS to whoever opens it."""

from __future__ import annotations

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    jsonify,
    render_template,
    request,
    url_for,
)

from gateway import demo, outbox_listing
from gateway.phone import InvalidPhoneError, normalise

bp = Blueprint("simulator", __name__, url_prefix="/simulator")
SHORT_CODE = "12345"  # the simulated short code the SMS tab texts (any value is accepted)
MAX_REPLIES = 50


@bp.before_request
def only_when_on() -> None:
    """Off (production, unless SIMULATOR=1): as if there were no such page."""
    if not current_app.config["SIMULATOR"]:
        abort(404)


@bp.get("")
def phone() -> str:
    """The phone: a keypad for USSD, a thread for SMS, and whom to play."""
    token = current_app.config["WEBHOOK_TOKEN"]
    with_token = {"token": token} if token else {}
    return render_template(
        "simulator.html",
        personas=demo.personas(),
        ussd_code=current_app.config["USSD_CODE"],
        short_code=SHORT_CODE,
        ussd_url=url_for("ussd.step", **with_token),
        sms_url=url_for("sms.incoming", **with_token),
        replies_url=url_for("simulator.replies"),
    )


@bp.get("/replies")
def replies() -> Response | tuple[Response, int]:
    """The SMS stored in the outbox for `phone` after row `after` (newest 50), oldest first."""
    try:
        phone = normalise(request.args.get("phone", ""))
    except InvalidPhoneError:
        return jsonify(error="phone: not a phone number"), 400
    after = request.args.get("after", "0")
    if not after.isdigit() or len(after) > 18:
        return jsonify(error="after: a row id (0 or more)"), 400
    rows = outbox_listing.to_phone(phone, int(after), MAX_REPLIES)
    answer = jsonify(
        phone=phone, replies=[{"id": r.id, "text": r.text, "status": r.status} for r in rows]
    )
    answer.headers["Cache-Control"] = "no-store"
    return answer
