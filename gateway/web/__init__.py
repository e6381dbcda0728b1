"""HTTP: one blueprint per channel (the callbacks), and the web desk."""

from flask import Flask

from gateway.web import broadcasts, desk, health, operators, sms, ussd


def register(app: Flask) -> None:
    """Attach every channel's blueprint, and the web desk."""
    callbacks = [ussd.bp, sms.bp, health.bp]
    for blueprint in callbacks:
        app.register_blueprint(blueprint)
    desk.init_app(app, callbacks)
    app.register_blueprint(operators.bp)
    app.register_blueprint(broadcasts.bp)
