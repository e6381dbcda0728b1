"""The Desmigratif SMS & USSD gateway: create_app() builds the Flask application."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from flask import Flask
from peewee import DatabaseError

from config import settings

MAX_REQUEST_BYTES = 64 * 1024  # a callback is a few hundred bytes; 20 kB of text still fits


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """Build the application from `config` (default: the environment, validated)."""
    from gateway import cli, crypto, db, queues, web

    app = Flask(__name__, instance_relative_config=True)
    app.config.update(settings.load() if config is None else config)
    app.config["MAX_CONTENT_LENGTH"] = MAX_REQUEST_BYTES
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    crypto.configure(
        app.config["DATA_KEY"], app.config["PIN_PEPPER"], app.config["PIN_HASH_METHOD"]
    )
    db.init_app(app)
    queues.init_app(app)
    web.register(app)
    cli.register(app)

    @app.errorhandler(DatabaseError)
    def database_unavailable(_error: DatabaseError):
        # Non-2xx makes the provider retry the callback later: nothing is lost.
        return {"error": "database unavailable"}, 503

    return app
