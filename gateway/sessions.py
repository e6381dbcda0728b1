"""USSD sessions: Africa's Talking's cumulative `text` turned into engine steps, state in Redis."""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass
from datetime import timedelta

from peewee import IntegrityError
from redis import Redis, RedisError

from gateway import clock, crypto, i18n, limits, outbox, people
from gateway.db import insert_rows, noticing_writes
from gateway.flows import FLOW, engine
from gateway.flows.resume import RESUMABLE
from gateway.flows.screens import Reply, State
from gateway.models import UssdCheckpoint, UssdSessionEvent
from gateway.providers.africastalking import UssdEnd, UssdRequest
from gateway.transactions import unit_of_work

log = logging.getLogger(__name__)

MAX_TEXT = 1000  # a whole session's input; far beyond any real journey


def _key(session_id: str) -> str:
    return f"ussd:session:{session_id}"


def _resume_key(phone: str) -> str:
    return f"ussd:resume:{phone}"


def _decrypted(raw: bytes | None, key: str) -> dict | None:
    if not raw:
        return None
    try:
        return json.loads(crypto.decrypt(raw.decode()))
    except ValueError:  # kept before a key was dropped from DATA_KEY: as if lost
        log.warning("USSD state %s unreadable with DATA_KEY; replaying the session", key)
        return None


def _load(redis: Redis, key: str) -> dict | None:
    try:
        return _decrypted(redis.get(key), key)
    except RedisError as error:
        log.warning("USSD state not read, Redis unavailable: %s", error)
        return None


@dataclass(frozen=True)
class _Read:
    """What one round trip to Redis brought for a step."""

    saved: dict | None  # the session's state after its last step
    cut_off: dict | None  # first step: a registration this phone left unfinished
    sessions_this_hour: int | None  # first step: this phone's sessions this hour, this one too
    answered: bool = True  # False: Redis was down, nothing is known


def _read(redis: Redis, session_id: str, phone: str, first_step: bool) -> _Read:
    """The session's state; on its first step also the registration this phone left unfinished
    and its sessions counted this hour: one round trip. Redis down: nothing known."""
    key, resume_key = _key(session_id), _resume_key(phone)
    try:
        if not first_step:  # most steps: the state alone (a plain GET costs less than a pipeline)
            return _Read(_decrypted(redis.get(key), key), cut_off=None, sessions_this_hour=None)
        pipe = redis.pipeline(transaction=False)
        pipe.mget([key, resume_key])
        limits.count_in(pipe, "ussd", phone)
        (saved, cut_off), sessions_this_hour = pipe.execute()[:2]
    except RedisError as error:
        log.warning("USSD state not read, Redis unavailable: %s", error)
        return _Read(None, None, None, answered=False)
    return _Read(_decrypted(saved, key), _decrypted(cut_off, resume_key), sessions_this_hour)


def _write(redis: Redis, changes: dict[str, dict | None], ttl_seconds: int) -> None:
    """Store (or, for None, delete) these keys in one round trip; encrypted: a session's input
    holds PINs, names and birth years."""
    try:
        # Most steps store the state alone: a plain SET costs less than a pipeline.
        pipe = redis.pipeline(transaction=False) if len(changes) > 1 else redis
        for key, value in changes.items():
            if value is None:
                pipe.delete(key)
            else:
                pipe.set(key, crypto.encrypt(json.dumps(value)), ex=ttl_seconds)
        if pipe is not redis:
            pipe.execute()
    except RedisError as error:
        log.warning("USSD state not saved, Redis unavailable: %s", error)


def _begin(
    session_id: str, phone: str, cut_off: dict | None, default_lang: str, ussd_code: str
) -> tuple[State, Reply]:
    """A new session: at the root, or offering to resume a registration cut off earlier (in
    another session: this one, replayed after its state was lost, simply goes on)."""
    caller = people.caller(phone, default_lang)
    lang = caller.lang
    # Quoted on screens ("dial *123# again"); whether staff: the home screen asks no more.
    known = {"ussd_code": ussd_code, "caller_is_staff": caller.is_staff}
    if cut_off is None or cut_off.get("session") == session_id:
        return engine.start(FLOW, phone, lang, data=known)
    state, _ = engine.start(FLOW, phone, cut_off["lang"], at="resume", data=known)
    state.data["resume"] = cut_off
    return state, engine.render(FLOW, state)


def _kept_for_resume(session_id: str, state: State, reply: Reply) -> dict | None:
    """While a registration is under way it is kept by phone number (None: not, or no more)."""
    in_registration = not reply.end and state.screen in RESUMABLE
    return {**state.to_dict(), "session": session_id} if in_registration else None


def respond(
    redis: Redis, ussd: UssdRequest, default_lang: str, ttl_seconds: int, ussd_code: str
) -> Reply:
    """The screen for this step of the session. The same (session, text) twice gives the same.
    Two round trips to Redis at most: one to read, one to write."""
    session_id, phone, text = ussd.session_id, ussd.phone, ussd.text
    first_step = not text
    read = _read(redis, session_id, phone, first_step)
    saved = read.saved
    kept_text = masked(text)  # PINs never kept in clear, even encrypted: compared masked
    if saved and saved["text"] == kept_text:
        return Reply(**saved["reply"])  # the telco repeated a request
    if (
        first_step
        and limits.verdict("ussd", phone, read.sessions_this_hour, "USSD_SESSIONS_PER_HOUR")
        is not limits.Verdict.ALLOW
    ):
        lang = people.language_for(phone, default_lang)  # a session too many this hour
        return Reply(i18n.text(lang, "limit.ussd"), end=True)
    answers = text.split("*") if text else []
    resume_kept = bool(read.cut_off) or bool(saved and saved.get("resume_kept"))
    if saved and not saved["reply"]["end"] and _continues(kept_text, saved["text"]):
        state, reply, done = State(**saved["state"]), None, saved["answered"]
    else:
        # A new session, or one whose state was lost: replay the answers from the start, or
        # from the last step that wrote to the database (never doing a write twice).
        # A first step Redis answered for is a new session: nothing of it can be stored yet.
        resumed = None if first_step and read.answered else _last_checkpoint(session_id, text)
        if resumed:
            state, reply, done = resumed
            resume_kept = True  # not known: a registration may be kept for this phone
        else:
            cut_off = read.cut_off if first_step else _load(redis, _resume_key(phone))
            resume_kept = resume_kept or cut_off is not None
            state, reply = _begin(session_id, phone, cut_off, default_lang, ussd_code)
            done = 0
            if state.screen == "resume":  # depends on Redis data its answer changes: kept
                _checkpoint(session_id, -1, "", state, reply, ignore_double=True)
    while done < len(answers) and not (reply and reply.end):
        state, reply = _step(session_id, state, answers, done)
        done += 1
    changes: dict[str, dict | None] = {}
    if state.screen != "resume":  # the offer itself: the saved registration waits for the answer
        kept = _kept_for_resume(session_id, state, reply)
        if kept is not None or resume_kept:
            changes[_resume_key(phone)] = kept
        resume_kept = kept is not None
    changes[_key(session_id)] = {
        "text": kept_text,
        "answered": len(answers),
        "state": state.to_dict(),
        "reply": {"text": reply.text, "end": reply.end},
        "resume_kept": resume_kept,
    }
    _write(redis, changes, ttl_seconds)
    return reply


def masked(text: str) -> str:
    """A session's input as it may be stored: every answer of 4 to 8 digits (a PIN, officers'
    too, or a birth year) masked; longer numbers (village codes, phones) and menu choices kept."""
    return "*".join(
        "****" if re.fullmatch(r"\d{4,8}", answer.strip()) else answer  # " 1234" is a PIN too
        for answer in text.split("*")
    )


def _continues(text: str, earlier: str) -> bool:
    """Whether session input `text` is `earlier` with more answers after it."""
    return not earlier or text.startswith(earlier + "*")


def _step(session_id: str, state: State, answers: list[str], index: int) -> tuple[State, Reply]:
    """Answer number `index`, in one transaction with a checkpoint when it wrote anything.
    The same step running at once in a copy of the request loses on the checkpoint's unique
    key: its writes are undone, and the copy goes on from the winner's checkpoint."""
    try:
        with unit_of_work(), noticing_writes() as wrote:
            state, reply = engine.step(FLOW, state, answers[index])
            if wrote():
                state.undo.clear()  # what is stored is not undone by going back
                _checkpoint(session_id, index, "*".join(answers[: index + 1]), state, reply)
    except IntegrityError:
        stored = UssdCheckpoint.get_or_none(
            (UssdCheckpoint.session_id == session_id) & (UssdCheckpoint.answer_index == index)
        )
        if stored is None:
            raise
        log.info("USSD session %s step %s was done by a copy of the request", session_id, index)
        return State(**json.loads(stored.state)), Reply(**json.loads(stored.reply))
    return state, reply


def _checkpoint(
    session_id: str, index: int, text: str, state: State, reply: Reply, ignore_double=False
) -> None:
    row = {
        "session_id": session_id,
        "answer_index": index,
        "text_key": crypto.lookup_hash(text),  # the input holds PINs: never stored in clear
        "state": json.dumps(state.to_dict()),
        "reply": json.dumps({"text": reply.text, "end": reply.end}),
        "created_at": clock.now(),
    }
    if ignore_double:
        UssdCheckpoint.insert(**row).on_conflict_ignore().execute()
    else:  # a step that wrote: its SQL built once per process
        insert_rows(UssdCheckpoint, [row])


def _last_checkpoint(session_id: str, text: str) -> tuple[State, Reply, int] | None:
    """The state after the latest step of this session that wrote, if `text` goes on from it."""
    answers = text.split("*") if text else []
    for checkpoint in (
        UssdCheckpoint.select()
        .where(
            (UssdCheckpoint.session_id == session_id) & (UssdCheckpoint.answer_index < len(answers))
        )
        .order_by(UssdCheckpoint.answer_index.desc())
    ):
        answered = "*".join(answers[: checkpoint.answer_index + 1])
        if checkpoint.text_key in crypto.lookup_hashes(answered):
            return (
                State(**json.loads(checkpoint.state)),
                Reply(**json.loads(checkpoint.reply)),
                checkpoint.answer_index + 1,
            )
    return None


def forget_checkpoints(older_than_minutes: int) -> int:
    """Drop checkpoints of sessions long over (they hold answers: kept no longer than needed)."""
    cutoff = clock.now() - timedelta(minutes=older_than_minutes)
    return UssdCheckpoint.delete().where(UssdCheckpoint.created_at < cutoff).execute()


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


def record_end(redis: Redis, end: UssdEnd, ussd_code: str) -> None:
    """Store the end-of-session notification (once per session; a replay updates it); someone
    whose registration was cut off gets one SMS a day: the answers wait for them."""
    fields = {
        "phone": end.phone,
        "status": end.status,
        "input": masked(end.input),
        "last_app_response": end.last_app_response or "",
        "duration_ms": end.duration_ms,
        "error_message": end.error_message,
        "provider_date": end.provider_date,
    }
    with unit_of_work():
        (
            UssdSessionEvent.insert(session_id=end.session_id, **fields)
            .on_conflict(conflict_target=[UssdSessionEvent.session_id], update=fields)
            .execute()
        )
        # Last: the once-a-day mark in Redis is spent only when nothing above has failed.
        lang = was_cut_off(redis, end.phone) if end.status in ("Incomplete", "Failed") else None
        if lang:
            outbox.add(end.phone, i18n.text(lang, "sms.resume", ussd_code=ussd_code))
