"""A USSD session whose Redis state is lost is replayed from its text: no write happens twice
(a broker report, an alert, a verification logged, a wrong PIN counted, a check-in saved)."""

from __future__ import annotations

import random
import re

import pytest

from gateway import queues
from gateway.models import ALL_MODELS, RuleItem, UssdCheckpoint
from tests.test_ussd_walks import PHONES, TOKENS, add_people_and_round
from tests.ussd_phone import Phone

REF = re.compile(r"\b[LT][A-Z0-9]{5}\b")  # reports' references (and, harmlessly, TOLONG)


def table_counts() -> dict[str, int]:
    return {
        model._meta.table_name: model.select().count()
        for model in ALL_MODELS
        if model is not UssdCheckpoint  # only steps that wrote have one: they differ by design
    }


def walk(client, seed: int, forget: bool) -> list[str]:
    """Random walks (as in test_ussd_walks); with `forget`, the session's Redis state is
    dropped before every request, so that each request replays the session from its text."""
    rng, screens = random.Random(seed), []
    for number in range(80):
        phone, text, session = rng.choice(PHONES), "", f"r{seed}-{number}"
        for _ in range(rng.randrange(1, 14)):
            answer = rng.choice(TOKENS)
            text = answer if not text else f"{text}*{answer}"
            if forget:
                queues.redis().delete(f"ussd:session:{session}")
            form = {"sessionId": session, "phoneNumber": phone, "text": text}
            screen = client.post("/ussd", data=form).get_data(as_text=True)
            screens.append(REF.sub("<ref>", screen))  # a new report's reference is random
            if screens[-1].startswith("END"):
                break
    return screens


def start_again() -> None:
    """The database and Redis as before the first walk."""
    for model in reversed(ALL_MODELS):
        if model is not RuleItem:
            model.delete().execute()
    queues.redis().flushdb()
    add_people_and_round()


@pytest.mark.parametrize("seed", [3, 4])
def test_sessions_replayed_after_losing_their_state_write_nothing_twice(client, app, seed):
    start_again()
    remembered = walk(client, seed, forget=False)
    counts = table_counts()
    start_again()
    replayed = walk(client, seed, forget=True)
    assert replayed == remembered  # every screen the same
    assert table_counts() == counts  # and not one row more
    assert counts["report"] + counts["verification"] + counts["alert"] > 0  # they did write


def test_a_final_lapor_step_repeated_after_state_loss_reports_once(client, app, redis):
    phone = Phone(client)
    phone.dial()
    phone.press("2", "1", "KEP.118/PK.02/2052")  # not in any registry: a bad verdict
    while "98 " in phone.last.splitlines()[-1]:
        phone.press("98")
    phone.press("1", "calo minta 15 juta di pasar")
    done = phone.last
    assert done.startswith("END Terima kasih. Laporan ")
    counts = table_counts()
    assert counts["report"] == 1 and counts["verification"] == 1
    redis.delete(f"ussd:session:{phone.session}")  # Redis restarted
    assert phone.resend() == done  # the telco repeats the last request: the same screen
    assert table_counts() == counts  # no second report, alert or verification
