"""HTTP: one blueprint per channel (the callbacks), the web desk and the phone simulator."""

from flask import Flask
from werkzeug.routing import IntegerConverter

from gateway.web import (
    broadcasts,
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
    app.before_request(operators.room_for_uploads)  # before CSRF reads the form
    desk.init_app(app, callbacks)
    app.register_blueprint(operators.bp)
    app.register_blueprint(broadcasts.bp)
    app.register_blueprint(simulator.bp)
