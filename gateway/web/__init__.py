"""HTTP: one blueprint per channel (the callbacks), the web desk and the phone simulator."""

from flask import Flask, request
from werkzeug.exceptions import HTTPException
from werkzeug.routing import IntegerConverter

from gateway.web import (
    broadcasts,
    common,
    desk,
    export,
    families,
    health,
    menu_map,
    operators,
    pictures,
    simulator,
    sms,
    ussd,
)

# Each adds its pages to the desk's blueprint, and its entry to the desk's menu, when imported.
DESK_PAGES = (families, pictures, export, menu_map)


class RowId(IntegerConverter):
    """`<id:name>` in a URL: a row id, 1 to the largest the database's integer column holds;
    anything else is a 404, never an overflow in the query."""

    def __init__(self, url_map, **_):
        super().__init__(url_map, min=1, max=2**31 - 1)


def register(app: Flask) -> None:
    """Attach every channel's blueprint, the web desk and the simulator (404 unless on)."""
    app.url_map.converters["id"] = RowId
    callbacks = [ussd.bp, sms.bp, health.bp]
    for blueprint in callbacks:
        app.register_blueprint(blueprint)
    # Raised before a blueprint is chosen (an unknown address, a GET on a POST-only one, a
    # body too large) or by a callback's token check.
    for code in (403, 404, 405, 413):
        app.register_error_handler(code, _http_error)
    app.before_request(operators.room_for_uploads)  # before CSRF reads the form
    desk.init_app(app, callbacks)
    app.register_blueprint(operators.bp)
    app.register_blueprint(broadcasts.bp)
    app.register_blueprint(simulator.bp)


CALLBACK_PATHS = ("/ussd", "/sms")


def _http_error(error: HTTPException):
    """An HTTP error in the words of whoever reads it: the desk's page under /desk, one plain
    line for the provider's callbacks (no HTML in a provider's log or on a phone's screen),
    Flask's own elsewhere."""
    if request.path.startswith("/desk"):
        return desk.explain(error)
    if request.path.startswith(CALLBACK_PATHS):
        return common.plain(f"{error.code} {error.name}", error.code)
    return error
