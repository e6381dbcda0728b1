"""Every text a person can see: GSM-7 only, one USSD screen or one SMS segment."""

import re

import pytest

from gateway import checkin_codes, gsm7, i18n
from gateway.flows import FLOW, engine, menu_map
from gateway.flows.samples import PARAMS, SESSION, WORST_OFFER, state  # noqa: F401
from gateway.flows.screens import Branch, End

LANGS = sorted(i18n.CATALOGS)
# Every error line shown on top of a screen: the engine's own and the validators' (as the menu
# map finds them in the validators' code).
SCREEN_ERRORS = menu_map.all_error_keys()
# Texts that go out whole as one SMS (the others are USSD screens, cut by line into pages).
SMS_KEYS = (
    "sms.",
    "error.",
    "checkin.",
    "tolong.",
    "data.",
    "erase.",
    "limit.",
    "dead_number.",
    "budget.",
)
FITTED = {
    "reg.confirm_sms": "officer",
    "reg.confirm_sms_self": "officer",
    "data.summary": "people",
}  # sent through i18n.fit()


def test_every_catalog_has_exactly_the_indonesian_keys():
    for lang in LANGS:
        assert set(i18n.CATALOGS[lang]) == set(i18n.CATALOGS["id"]), lang


@pytest.mark.parametrize("lang", LANGS)
def test_every_entry_is_gsm7_and_every_sms_fits_one_segment(lang):
    for key in i18n.CATALOGS[lang]:
        # i18n.fit() cuts this placeholder down until the SMS fits: it must fit without it.
        params = {**PARAMS, FITTED[key]: "X"} if key in FITTED else PARAMS
        text = i18n.text(lang, key, **params)
        assert gsm7.is_gsm7(text), (lang, key, [c for c in text if not gsm7.is_gsm7(c)])
        assert not re.search(r"\{\w+\}", text), (lang, key)
        # SMS texts go out whole; USSD texts are cut into screens by line (checked below).
        if key.startswith("case."):
            continue  # an officer's look-up, sent whole in numbered parts (test_sms.py)
        whole = key.startswith(SMS_KEYS) or key in FITTED
        limit = gsm7.SMS_SEGMENT if whole else gsm7.USSD_SCREEN
        longest = max(text.split("\n"), key=gsm7.septets)
        assert gsm7.septets(text if whole else longest) <= limit, (lang, key)


@pytest.mark.parametrize("lang", LANGS)
def test_error_lines_fit_the_room_every_page_leaves_for_them(lang):
    for key in SCREEN_ERRORS:
        text = i18n.text(lang, key, **PARAMS)
        assert gsm7.septets(text) < engine.ERROR_ROOM, (lang, key)


def all_rendered_screens(lang):
    """Every page of every screen in `lang`, at depths 0, 1 and 2, with and without an error."""
    for screen_id, screen in FLOW.screens.items():
        if isinstance(screen, Branch):
            continue  # never shown
        for history in ([], ["root"], ["root", "info"]):
            at = state(screen_id, lang, history, phone="+6281234567890")
            for page in range(len(engine.pages(FLOW, at))):
                at.page = page
                errors = [] if isinstance(screen, End) else SCREEN_ERRORS  # END takes no answer
                for error in (None, *errors):
                    yield screen_id, engine.render(FLOW, at, error=error).text


@pytest.mark.parametrize("lang", LANGS)
def test_every_screen_fits_one_ussd_screen(app, lang):
    rendered = list(all_rendered_screens(lang))
    assert len(rendered) > 50
    for screen_id, text in rendered:
        assert gsm7.is_gsm7(text), (screen_id, text)
        assert gsm7.septets(text) <= gsm7.USSD_SCREEN, (screen_id, gsm7.septets(text), text)


@pytest.mark.parametrize("lang", LANGS)
def test_the_problem_codes_fit_one_sms_with_every_real_label(lang):
    assert gsm7.fits(checkin_codes.codes_sms(lang)), checkin_codes.codes_sms(lang)


def test_the_checker_catches_an_overlong_or_non_gsm7_text():
    assert not gsm7.fits("x" * 161)
    assert not gsm7.fits("Selamat \u201cpagi\u201d")
    assert not gsm7.fits("\U0001f600")
    assert gsm7.septets("a[b]") == 6
