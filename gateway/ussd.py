"""USSD sessions: Africa's Talking's cumulative `text` turned into engine steps, state in Redis."""

from __future__ import annotations

import json
import logging

from redis import Redis, RedisError

from gateway import contacts
from gateway.flows import FLOW, engine
from gateway.flows.screens import Reply, State

log = logging.getLogger(__name__)

MAX_TEXT = 1000  # a whole session's input; far beyond any real journey


def _key(session_id: str) -> str:
    return f"ussd:session:{session_id}"


def _load(redis: Redis, session_id: str) -> dict | None:
    try:
        raw = redis.get(_key(session_id))
    except RedisError as error:
        log.warning("USSD state not read, Redis unavailable: %s", error)
        return None
    return json.loads(raw) if raw else None


def _save(redis: Redis, session_id: str, saved: dict, ttl_seconds: int) -> None:
    try:
        redis.set(_key(session_id), json.dumps(saved), ex=ttl_seconds)
    except RedisError as error:
        log.warning("USSD state not saved, Redis unavailable: %s", error)


def respond(
    redis: Redis, session_id: str, phone: str, text: str, default_lang: str, ttl_seconds: int
) -> Reply:
    """The screen for this step of the session. The same (session, text) twice gives the same."""
    saved = _load(redis, session_id)
    if saved and saved["text"] == text:
        return Reply(**saved["reply"])  # the telco repeated a request
    answers = text.split("*") if text else []
    if (
        saved
        and not saved["reply"]["end"]
        and (not saved["text"] or text.startswith(saved["text"] + "*"))
    ):
        state = State(**saved["state"])
        new_answers, reply = answers[saved["answered"] :], None
    else:
        # A new session, or one whose state was lost: replay every answer from the root.
        state, reply = engine.start(FLOW, phone, contacts.language_of(phone, default_lang))
        new_answers = answers
    for answer in new_answers:
        state, reply = engine.step(FLOW, state, answer)
        if reply.end:
            break
    saved = {
        "text": text,
        "answered": len(answers),
        "state": state.to_dict(),
        "reply": {"text": reply.text, "end": reply.end},
    }
    _save(redis, session_id, saved, ttl_seconds)
    return reply
