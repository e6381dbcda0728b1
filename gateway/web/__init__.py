"""HTTP channels: one blueprint per channel."""

from flask import Flask

from gateway.web import health, sms, ussd


def register(app: Flask) -> None:
    """Attach every channel's blueprint."""
    for blueprint in (ussd.bp, sms.bp, health.bp):
        app.register_blueprint(blueprint)
