"""Every text a person can see: GSM-7 only, one USSD screen or one SMS segment."""

import re

import pytest

from gateway import checkin_codes, gsm7, i18n
from gateway.flows import FLOW, engine
from gateway.flows.screens import Branch, End, State
from gateway.verification import offer

LANGS = sorted(i18n.CATALOGS)
# Every error line shown on top of a screen: the engine's own and the validators'.
SCREEN_ERRORS = ["error.invalid_choice", "error.too_long"] + [
    key
    for key in i18n.CATALOGS["id"]
    if key.startswith("answer.bad") or "pin" in key and key.startswith("answer.")
]
# The longest values each placeholder can take; the verification answers and alerts, cut to
# one segment by reply.fit(), get theirs in test_verification.py.
PARAMS = {
    "ussd_code": "*123#", "help": "KP2MI 0800-1000", "channels": "C" * 25 + "\n" + "C" * 25,
    "years": "2012, 2015, 2019", "year": "2015", "urgency": "MENDESAK", "children": "A" * 30,
    "school": "Ya", "health": "Ya", "mood": "Ya", "contact": "Tidak", "problem": "",
    "child": "B" * 15, "caregiver": "C" * 15, "anak_text": "N" * 150, "cases_text": "K" * 150,
    "count": "12", "cases": "K" * 30, "category": "calo", "opened": "25-11 09:00 UTC",
    "me_name": "W" * 40, "me_village": "W" * 30, "me_children": 12,
    "subject": "S" * 20, "reason": "R" * 20, "date": "20-11-2026", "until": "31-12-2026",
    "country": "TW", "occupation": "O" * 24, "ref": "LAAAAA", "village": "V" * 20,
    "text": "T" * 20, "phone": "+6281234567890", "name": "N" * 20, "askers": "12", "days": "7",
    "cek_text": "\n".join(["C" * 60] * 3), "lapor_text": "L" * 160, "offer_text": "F" * 60,
    "village_name": "V" * 40, "village_district": "D" * 40, "report_about": "R" * 60,
    "agency_text": "\n".join(["A" * 60] * 3), "candidates": "C" * 20, "kabar_saved": 8,
    "officer": "petugas desa " + "O" * 25, "codes": "C" * 20, "min_year": 2009,
    "max_year": 2026, "my_officer": "\nPetugas desa Anda: " + "O" * 30 + " +6281234567890",
    "role": "R" * 20, "child_count": "8", "case_text": "\n".join(["K" * 60] * 5),
    "acted_text": "A" * 150,
    "case": "kasus ditutup petugas", "problem_codes": "\n".join(["P" * 25] * 8),
    "people": "P" * 40, "used": "2400", "budget": "3000",
}
# Texts that go out whole as one SMS (the others are USSD screens, cut by line into pages).
SMS_KEYS = (
    "sms.", "error.", "checkin.", "tolong.", "data.", "erase.", "limit.", "dead_number.", "budget."
)
FITTED = {"reg.confirm_sms": "officer", "data.summary": "people"}  # sent through i18n.fit()
# A job offer showing every red flag at once (no_route and closed exclude each other).
WORST_OFFER = {"region": "closed_domestic", "job": "domestic", "employer": "individual",
               "visa": "tourist", "age": 15, "money": "fee"}
SESSION = {
    **PARAMS,
    "people": [[i, "W" * 40] for i in range(4)],
    "person_id": 1,
    "role": "caregiver",
    "children": [{}] * 3,
    "cek_choices": [[i, "A" * 60] for i in range(3)],
    "officer_cases": [["KAAAAA", "K" * 50] for _ in range(4)],

}


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
            state = State(
                phone="+6281234567890",
                lang=lang,
                screen=screen_id,
                history=list(history),
                data=dict(SESSION, offer_text=offer.red_flags(WORST_OFFER, lang)),
            )
            for page in range(len(engine.pages(FLOW, state))):
                state.page = page
                errors = [] if isinstance(screen, End) else SCREEN_ERRORS  # END takes no answer
                for error in (None, *errors):
                    yield screen_id, engine.render(FLOW, state, error=error).text


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
