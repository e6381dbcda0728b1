"""Health check for load balancers and operators."""

from __future__ import annotations

from flask import Blueprint, jsonify
from peewee import DatabaseError
from redis import RedisError

from gateway import db, queues

bp = Blueprint("health", __name__)


@bp.get("/healthz")
def healthz():
    """`{"db": "ok", "redis": "ok"}`, 503 when either is down."""
    report = {"db": "ok", "redis": "ok"}
    try:
        db.ping()
    except DatabaseError:
        report["db"] = "down"
    try:
        queues.redis().ping()
    except RedisError:
        report["redis"] = "down"
    return jsonify(report), 200 if set(report.values()) == {"ok"} else 503
