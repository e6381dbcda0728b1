"""Random walks over every USSD screen (fixed seeds): never a failure, never a long screen.

Each walk dials as a new number, a registered caregiver, a migrant or an officer and presses
a mix of menu numbers, navigation, typed answers and junk. A step that fails is logged by the
USSD blueprint ("USSD step failed") and answered with an apology: both count as failures here.
"""

import logging
import random

import pytest
from flask import current_app

from gateway import checkins, gsm7, officers
from gateway.models import Child, Person, Village
from tests.conftest import unpeppered_pin_hash

TOKENS = [
    "0",
    "00",
    "98",
    "1",
    "2",
    "3",
    "4",
    "5",
    "6",
    "7",
    "8",
    "9",
    "1234",
    "Siti",
    "3507102001",
    "2015",
    "x" * 170,
    "",
    "JO-1",
    "maju",
    "calo minta uang",
    "Budi",
]
PHONES = ["+6281234500000", "+6281234500001", "+6281299990000", "+6281110000001"]


def add_people_and_round() -> None:
    """A village with its officer, a migrant, a caregiver and her child with a check-in open."""
    village = Village.create(
        code="3507102001", name="Sumberejo", district="Malang", province="Jawa Timur"
    )
    officers.add("+6281110000001", "Bu Ani", "officer", village.code, None)
    pin = unpeppered_pin_hash("1234")
    migrant = Person.create(phone=PHONES[0], name="Sri", role="pmi", village=village, pin_hash=pin)
    carer = Person.create(
        phone=PHONES[1], name="Siti", role="caregiver", village=village, pin_hash=pin
    )
    Child.create(
        caregiver=carer, name="Budi", birth_year=2015, in_school=True, parent_phone=migrant.phone
    )
    checkins.open_due(current_app.config)


@pytest.fixture
def people_and_round(app):
    add_people_and_round()


@pytest.mark.parametrize("seed", [1, 2])
def test_random_walks_never_fail(client, people_and_round, caplog, seed):
    rng = random.Random(seed)
    caplog.set_level(logging.ERROR, logger="gateway.web.ussd")
    for walk in range(200):
        phone, text = rng.choice(PHONES), ""
        for _ in range(rng.randrange(1, 14)):
            answer = rng.choice(TOKENS)
            text = answer if not text else f"{text}*{answer}"
            response = client.post(
                "/ussd", data={"sessionId": f"w{seed}-{walk}", "phoneNumber": phone, "text": text}
            )
            body = response.get_data(as_text=True)
            assert response.status_code == 200
            assert gsm7.septets(body) - 4 <= gsm7.USSD_SCREEN, (text, body)
            assert "sibuk" not in body, (phone, text)
            if body.startswith("END"):
                break
    assert [r.getMessage() for r in caplog.records] == []
