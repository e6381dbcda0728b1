"""Issue 10.1: a menu accepts only the options on the page shown; consent only on the page that
shows it, after every page of its text. Walked over every menu of the real flow."""

import pytest

from gateway import i18n
from gateway.flows import FLOW, engine
from gateway.flows.screens import Menu, Pick, State
from gateway.models import Consent, Person
from tests.conftest import VILLAGE_CODE as CODE
from tests.test_catalogs import SESSION
from tests.ussd_phone import Phone


@pytest.mark.parametrize("lang", ["id", "en", "jv"])
def test_every_menu_page_accepts_exactly_the_options_it_shows(app, lang):
    menus = [sid for sid, screen in FLOW.screens.items() if isinstance(screen, Menu | Pick)]
    checked = 0
    for screen_id in menus:
        state = State(
            phone="+6281234567890",
            lang=lang,
            screen=screen_id,
            history=["root"],
            data=dict(SESSION),
        )
        everything = set()
        for page in range(len(engine.pages(FLOW, state))):
            state.page = page
            shown = engine.shown_numbers(FLOW, state)
            text = engine.render(FLOW, state).text
            listed = {
                line.split(" ", 1)[0]
                for line in text.splitlines()
                if line.split(" ", 1)[0].isdigit()
                and line.split(" ", 1)[0] not in ("0", "00", "98")
            }
            assert shown == listed, (screen_id, page, text)
            everything |= shown
        for page in range(len(engine.pages(FLOW, state))):
            for number in everything - _shown_on(state, page):
                probe = State(
                    **{**state.to_dict(), "page": page, "history": ["root"], "data": dict(SESSION)}
                )
                after, reply = engine.step(FLOW, probe, number)
                assert after.screen == screen_id and reply.text.startswith(
                    i18n.text(lang, "error.invalid_choice")
                ), (screen_id, page, number)
                checked += 1
    assert checked > 20  # several menus do have options on other pages


def _shown_on(state, page):
    state.page = page
    return engine.shown_numbers(FLOW, state)


def consent_pages(phone):
    """Register a caregiver up to the consent screen; return its first page."""
    phone.dial()
    return phone.press("1", "3", "Siti", CODE, "1", "1", "Budi", "2015", "1", "2", "1234", "1234")


def test_agreeing_before_the_consent_text_was_shown_stores_nothing(client, village):
    phone = Phone(client)
    first = consent_pages(phone)
    assert first.startswith("CON " + i18n.text("id", "reg.consent_family").split("\n")[0])
    assert "1 " + i18n.text("id", "reg.agree") not in first and "98 Lanjut" in first
    refused = phone.press_raw("1")
    assert refused.startswith("CON " + i18n.text("id", "error.invalid_choice"))
    assert Person.select().count() == 0 and Consent.select().count() == 0
    last = phone.press_raw("98")
    while "98 " in last.splitlines()[-1]:
        last = phone.press_raw("98")
    # Both answers on the last page, after the whole text.
    assert "1 " + i18n.text("id", "reg.agree") in last
    assert "2 " + i18n.text("id", "reg.disagree") in last
    assert phone.press_raw("1") == "END " + i18n.text("id", "reg.done", ussd_code="*123#")
    assert Consent.select().count() == 2


def test_a_page_two_option_cannot_be_typed_from_page_one(client, registry):
    phone = Phone(client)
    phone.dial()
    pick = phone.press("2", "1", "mitra global")
    assert "3 Mitra Global" not in pick and "98 Lanjut" in pick
    assert phone.press_raw("3").startswith("CON " + i18n.text("id", "error.invalid_choice"))


def test_page_two_of_a_list_keeps_its_heading(client, village):
    phone = Phone(client)
    phone.dial()
    phone.press("1", "2", "Siti", CODE, "1")
    second = phone.press("98")
    assert second.startswith("CON " + i18n.text("id", "reg.country") + "\n")
    assert "8 " + i18n.text("id", "country.other") in second
