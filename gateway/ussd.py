"""USSD sessions: Africa's Talking's cumulative `text` turned into engine steps, state in Redis."""

from __future__ import annotations

import json
import logging

from redis import Redis, RedisError

from gateway import people
from gateway.flows import FLOW, engine
from gateway.flows.resume import RESUMABLE
from gateway.flows.screens import Reply, State

log = logging.getLogger(__name__)

MAX_TEXT = 1000  # a whole session's input; far beyond any real journey


def _key(session_id: str) -> str:
    return f"ussd:session:{session_id}"


def _resume_key(phone: str) -> str:
    return f"ussd:resume:{phone}"


def _load(redis: Redis, key: str) -> dict | None:
    try:
        raw = redis.get(key)
    except RedisError as error:
        log.warning("USSD state not read, Redis unavailable: %s", error)
        return None
    return json.loads(raw) if raw else None


def _save(redis: Redis, key: str, value: dict | None, ttl_seconds: int) -> None:
    try:
        if value is None:
            redis.delete(key)
        else:
            redis.set(key, json.dumps(value), ex=ttl_seconds)
    except RedisError as error:
        log.warning("USSD state not saved, Redis unavailable: %s", error)


def _begin(redis: Redis, phone: str, default_lang: str, ussd_code: str) -> tuple[State, Reply]:
    """A new session: at the root, or offering to resume a registration cut off earlier."""
    lang = people.language_for(phone, default_lang)
    cut_off = _load(redis, _resume_key(phone))
    known = {"ussd_code": ussd_code}  # quoted on screens ("dial *123# again")
    if cut_off is None:
        return engine.start(FLOW, phone, lang, data=known)
    state, _ = engine.start(FLOW, phone, cut_off["lang"], at="resume", data=known)
    state.data["resume"] = cut_off
    return state, engine.render(FLOW, state)


def _keep_for_resume(redis: Redis, state: State, reply: Reply, ttl_seconds: int) -> None:
    """While a registration is under way, keep it by phone number; drop it once left."""
    if state.screen == "resume":
        return  # the offer itself: the saved session waits for the answer
    in_registration = not reply.end and state.screen in RESUMABLE
    _save(
        redis, _resume_key(state.phone), state.to_dict() if in_registration else None, ttl_seconds
    )


def respond(
    redis: Redis,
    session_id: str,
    phone: str,
    text: str,
    default_lang: str,
    ttl_seconds: int,
    ussd_code: str,
) -> Reply:
    """The screen for this step of the session. The same (session, text) twice gives the same."""
    saved = _load(redis, _key(session_id))
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
        # A new session, or one whose state was lost: replay every answer from the start.
        state, reply = _begin(redis, phone, default_lang, ussd_code)
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
    _save(redis, _key(session_id), saved, ttl_seconds)
    _keep_for_resume(redis, state, reply, ttl_seconds)
    return reply


def was_cut_off(redis: Redis, phone: str) -> str | None:
    """The language of a registration this phone left unfinished, once a day; else None."""
    cut_off = _load(redis, _resume_key(phone))
    if cut_off is None:
        return None
    try:
        first_today = redis.set(f"ussd:resume-sms:{phone}", 1, nx=True, ex=24 * 3600)
    except RedisError:
        return None
    return cut_off["lang"] if first_today else None
